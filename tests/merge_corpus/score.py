#!/usr/bin/env python3
"""Scores entente's merging of event reports across articles against a hand-made answer key.

    python3 score.py KEY EVENTS_JSONL [--min 0.95] [--articles ARTICLES_JSONL] [--quiet]

KEY: one JSON object a line, {"doc": ID, "quote": TEXT, "event": GOLD_ID}; the quote is a short exact
substring of the sentence that reports the event (unique within the article).
EVENTS_JSONL: the output of `entente events --db X.db --limit 100000` (one merged event a line, with
"id" and "mentions": [{"doc", "sentence", "start", "end", "date_text", ...}]).

Alignment. Each system mention (doc, sentence) is aligned to the key line of the same document whose
quote the sentence contains. When a sentence contains the quotes of several key lines (two events told
in one sentence), the key line whose quote contains the mention's date text wins; if that does not
decide, the first quote in the sentence is taken and the case is reported as ambiguous. Each key line
counts once (a document's further sentences of one report, listed twice, count once); a key line that
mentions of two different system events align to is counted in the first of them (by event id) and
reported. System mentions with no key line, and key lines no system mention aligned to, are left out of
the scores and only counted: they measure extraction, not merging.

Metrics, over the aligned key lines:
  - pairwise: P = |pairs in one system event and one gold event| / |pairs in one system event|,
              R = the same / |pairs in one gold event|;
  - B-cubed:  for each item, P_i = |its system event ∩ its gold event| / |its system event| and
              R_i = the same / |its gold event| (both restricted to aligned items), averaged.
A side with no pairs scores 1.

Exit status: 0 when pairwise P and R are both at least --min, 1 when either is below it or nothing was
aligned, 2 on bad input. Python 3 standard library only.
"""

import argparse
import collections
import itertools
import json
import sys


def fail(msg):
    print(f"score.py: {msg}", file=sys.stderr)
    sys.exit(2)


def read_jsonl(path, what):
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    fail(f"{path}:{n}: {what} line is not JSON: {e}")
    except OSError as e:
        fail(f"cannot read {path}: {e}")
    return rows


def load_key(path):
    key = read_jsonl(path, "key")
    for i, k in enumerate(key):
        for field in ("doc", "quote", "event"):
            if not isinstance(k.get(field), str) or not k[field]:
                fail(f"{path}: key line {i + 1} has no string '{field}'")
        k["doc"] = str(k["doc"])
        k["index"] = i
    return key


def check_quotes(key, articles_path):
    """With --articles: every quote must occur exactly once in its article. Returns doc → language."""
    texts, langs = {}, {}
    for a in read_jsonl(articles_path, "article"):
        texts[str(a.get("id"))] = a.get("text", "")
        langs[str(a.get("id"))] = a.get("language", "")
    problems = []
    for k in key:
        text = texts.get(k["doc"])
        if text is None:
            problems.append(f"key line {k['index'] + 1}: no article '{k['doc']}'")
        elif text.count(k["quote"]) != 1:
            problems.append(f"key line {k['index'] + 1}: quote occurs {text.count(k['quote'])} times in "
                            f"{k['doc']}: {k['quote']!r}")
    if problems:
        for p in problems:
            print(f"score.py: {p}", file=sys.stderr)
        sys.exit(2)
    return langs


def pair_set(clusters):
    """All unordered pairs of items that share a cluster."""
    pairs = set()
    for members in clusters.values():
        for a, b in itertools.combinations(sorted(members), 2):
            pairs.add((a, b))
    return pairs


def ratio(num, den):
    return num / den if den else 1.0


def main():
    ap = argparse.ArgumentParser(description="Pairwise and B-cubed merging scores against an answer key.")
    ap.add_argument("key")
    ap.add_argument("events")
    ap.add_argument("--min", type=float, default=0.95, help="pass mark for pairwise P and R (default 0.95)")
    ap.add_argument("--articles", help="the articles: check that every quote occurs once; count by language")
    ap.add_argument("--quiet", action="store_true", help="only the scores")
    args = ap.parse_args()

    key = load_key(args.key)
    langs = check_quotes(key, args.articles) if args.articles else {}
    events = read_jsonl(args.events, "event")
    by_doc = collections.defaultdict(list)
    for k in key:
        by_doc[k["doc"]].append(k)

    # Align.
    item_event = {}                 # key index → system event id
    item_sentence = {}              # key index → the sentence
    conflicts = []                  # (key index, first event, other event)
    ambiguous = []                  # (doc, sentence, quotes)
    unaligned = {}                  # (doc, start) → sentence
    system_sentences = set()
    for ev in sorted(events, key=lambda e: str(e.get("id"))):
        evid = str(ev.get("id"))
        for m in ev.get("mentions") or []:
            doc, sent = str(m.get("doc")), m.get("sentence") or ""
            system_sentences.add((doc, m.get("start"), sent))
            cands = [k for k in by_doc.get(doc, []) if k["quote"] in sent]
            if not cands:
                unaligned[(doc, m.get("start"))] = sent
                continue
            if len(cands) > 1:
                date_text = m.get("date_text") or ""
                by_date = [k for k in cands if date_text and date_text in k["quote"]]
                if len(by_date) == 1:
                    cands = by_date
                else:
                    cands.sort(key=lambda k: sent.find(k["quote"]))
                    ambiguous.append((doc, sent, [k["quote"] for k in cands]))
            k = cands[0]["index"]
            if k in item_event and item_event[k] != evid:
                conflicts.append((k, item_event[k], evid))
                continue
            item_event[k] = evid
            item_sentence[k] = sent

    items = sorted(item_event)
    sys_clusters = collections.defaultdict(set)
    gold_clusters = collections.defaultdict(set)
    for i in items:
        sys_clusters[item_event[i]].add(i)
        gold_clusters[key[i]["event"]].add(i)
    sp, gp = pair_set(sys_clusters), pair_set(gold_clusters)
    good = sp & gp
    p_pair, r_pair = ratio(len(good), len(sp)), ratio(len(good), len(gp))
    b_p = b_r = 0.0
    for i in items:
        s, g = sys_clusters[item_event[i]], gold_clusters[key[i]["event"]]
        b_p += len(s & g) / len(s)
        b_r += len(s & g) / len(g)
    b_p, b_r = ratio(b_p, len(items)), ratio(b_r, len(items))

    unmatched = [k for k in key if k["index"] not in item_event]
    print(f"key: {len(key)} lines, {len({k['event'] for k in key})} gold events, {len(by_doc)} documents")
    print(f"system: {len(events)} events, {len(system_sentences)} mentions (doc, sentence)")
    print(f"aligned: {len(items)} key lines in {len(sys_clusters)} system events and "
          f"{len(gold_clusters)} gold events")
    print(f"left out (extraction, not merging): {len(unaligned)} system mentions with no key line, "
          f"{len(unmatched)} key lines no system mention matched")
    if langs:
        per_lang = collections.Counter(langs.get(k["doc"], "?") for k in unmatched)
        all_lang = collections.Counter(langs.get(k["doc"], "?") for k in key)
        print("  key lines unmatched by language: " +
              ", ".join(f"{lang} {per_lang[lang]}/{all_lang[lang]}" for lang in sorted(all_lang)))
    print(f"pairwise: P = {p_pair:.4f} ({len(good)}/{len(sp)})  R = {r_pair:.4f} ({len(good)}/{len(gp)})")
    print(f"B-cubed:  P = {b_p:.4f}  R = {b_r:.4f}")

    if not args.quiet:
        wrong = collections.defaultdict(set)   # system event → gold ids wrongly joined
        for a, b in sp - gp:
            wrong[item_event[a]].update((a, b))
        if wrong:
            print(f"\nwrong merges ({len(sp - gp)} pairs): system events holding more than one gold event")
            for evid in sorted(wrong):
                print(f"  {evid}:")
                for i in sorted(sys_clusters[evid], key=lambda i: (key[i]["event"], i)):
                    print(f"    {key[i]['event']}  {key[i]['doc']}: {item_sentence[i]}")
        missed = collections.defaultdict(set)  # gold id → system events it is split over
        for a, b in gp - sp:
            missed[key[a]["event"]].update((item_event[a], item_event[b]))
        if missed:
            print(f"\nmissed merges ({len(gp - sp)} pairs): gold events split over several system events")
            for gold in sorted(missed):
                print(f"  {gold}:")
                for i in sorted(gold_clusters[gold], key=lambda i: (item_event[i], i)):
                    print(f"    {item_event[i]}  {key[i]['doc']}: {item_sentence[i]}")
        if conflicts:
            print(f"\nkey lines matched in two system events (counted in the first): {len(conflicts)}")
            for k, first, other in conflicts:
                print(f"  {key[k]['doc']} {key[k]['quote']!r}: {first} and {other}")
        if ambiguous:
            print(f"\nsentences holding several quotes, not decided by the date (first quote taken): "
                  f"{len(ambiguous)}")
            for doc, sent, quotes in ambiguous:
                print(f"  {doc}: {sent}  {quotes}")
        if unmatched:
            print(f"\nkey lines no system mention matched: {len(unmatched)}")
            for k in unmatched:
                lang = f" [{langs.get(k['doc'], '?')}]" if langs else ""
                print(f"  {k['event']}  {k['doc']}{lang}: {k['quote']}")
        if unaligned:
            print(f"\nsystem mentions with no key line: {len(unaligned)}")
            for (doc, _), sent in sorted(unaligned.items(), key=lambda x: (x[0][0], x[0][1] or 0)):
                print(f"  {doc}: {sent}")

    if not items:
        print("\nnothing aligned: FAIL")
        return 1
    ok = p_pair >= args.min and r_pair >= args.min
    print(f"\npairwise P and R {'>=' if ok else 'not both >='} {args.min}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
