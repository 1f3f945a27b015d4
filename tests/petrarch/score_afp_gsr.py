#!/usr/bin/env python3
"""Scores entente on PETRARCH's AFP gold-standard sentences (../shared/petrarch/afp_gsr_en.jsonl).

Each record is one sentence with the (source, target, CAMEO code) triples a coder expects. The sentences are
read from ../shared at test time and never copied into the project. entente extracts events from each
sentence (one document per record, published on the record's date); each event gives triples:
  source x target actors (role "source" / "target"), and every ordered pair of "participant" actors;
  negated events give none; an actor is its ISO 3166 alpha-3 country (the first three letters of a PETRARCH actor code), "IGO" for an
  international organization, "---" when unknown. Actors equal on both sides give no triple.
Triples are compared per sentence as sets, at the CAMEO root (first two digits) and at the full code.

usage: score_afp_gsr.py ENTENTE DATA_DIR GOLD.jsonl [--bar F1] [--show]
exit: 0, 1 when root-level F1 < --bar, 77 when GOLD is absent (test skipped).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def date_of(raw):
    raw = str(raw)
    if len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def gold_actor(code):
    code = (code or "---")[:3]
    return "IGO" if code.startswith("IGO") else code


def sys_actor(actor):
    if actor.get("country"):
        return actor["country"]
    if actor.get("org"):
        return "IGO"
    return "---"


def triples_of(event):
    src = [a for a in event["actors"] if a["role"] == "source"]
    tgt = [a for a in event["actors"] if a["role"] == "target"]
    par = [a for a in event["actors"] if a["role"] == "participant"]
    pairs = [(s, t) for s in src for t in tgt]
    pairs += [(s, t) for s in par for t in par if s is not t]
    pairs += [(s, t) for s in src for t in par] + [(s, t) for s in par for t in tgt]
    out = set()
    for s, t in pairs:
        a, b = sys_actor(s), sys_actor(t)
        if a == b and a != "---" and s.get("name") == t.get("name"):
            continue
        out.add((a, b, event["cameo"]))
    return out


def prf(tp, nsys, ngold):
    p = tp / nsys if nsys else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("entente")
    ap.add_argument("data")
    ap.add_argument("gold")
    ap.add_argument("--bar", type=float, default=0.0)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.gold):
        print(f"{args.gold} absent: skipped")
        return 77
    records = [json.loads(l) for l in open(args.gold, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "afp.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                if not r["text"].strip():
                    continue  # a record without text: no events
                f.write(json.dumps({"id": r["id"], "url": "", "source": "petrarch-gsr",
                                    "published": date_of(r.get("date")) or "2015-06-09", "language": "en",
                                    "title": "", "text": r["text"]}) + "\n")
        run = subprocess.run([args.entente, "extract", "--data", args.data, path], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"entente extract exited {run.returncode}: {run.stderr}")
            return 1
    system = {}
    for line in run.stdout.splitlines():
        if line.strip():
            ev = json.loads(line)
            if ev.get("negated"):
                continue  # "did not meet": no event
            system.setdefault(ev["doc"], set()).update(triples_of(ev))
    n_gold = n_sys = tp_root = tp_full = 0
    for r in records:
        gold = {(gold_actor(e["source"]), gold_actor(e["target"]), e["code"]) for e in r["expected"]}
        sysd = system.get(r["id"], set())
        n_gold += len(gold)
        n_sys += len(sysd)
        groot = {(s, t, c[:2]) for s, t, c in gold}
        sroot = {(s, t, c[:2]) for s, t, c in sysd}
        tp_root += len(groot & sroot)
        tp_full += len(gold & sysd)
        if args.show and (groot != sroot or gold != sysd):
            print(f"{r['id']}: gold {sorted(gold)} system {sorted(sysd)}\n    {r['text'][:160]}")
    pr, rr, fr = prf(tp_root, n_sys, n_gold)
    pf, rf, ff = prf(tp_full, n_sys, n_gold)
    print(f"sentences {len(records)} gold triples {n_gold} system triples {n_sys}")
    print(f"root  precision {pr:.3f} recall {rr:.3f} f1 {fr:.3f}")
    print(f"full  precision {pf:.3f} recall {rf:.3f} f1 {ff:.3f}")
    if fr < args.bar:
        print(f"FAIL: root-level triple F1 {fr:.3f} < {args.bar}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
