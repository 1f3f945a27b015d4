#!/usr/bin/env bash
# Merging on entente's own corpus of 45 articles (tests/merge_corpus/): ingested in file order and in
# reverse order, scored with its answer key (pairwise and B-cubed over the mentions extraction found).
# Fails when the two orders disagree, or when pairwise precision or recall is below 0.95 on the whole
# corpus (French and English together, across languages) or on its French articles alone.
set -euo pipefail
bin=$1
root=$2
dir="$root/tests/merge_corpus"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --data "$root/data" --db "$tmp/a.db" "$dir/articles.jsonl" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
tac "$dir/articles.jsonl" > "$tmp/reversed.jsonl"
"$bin" ingest --data "$root/data" --db "$tmp/b.db" "$tmp/reversed.jsonl" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
"$bin" events --db "$tmp/a.db" --limit 100000 > "$tmp/a.jsonl"
"$bin" events --db "$tmp/b.db" --limit 100000 > "$tmp/b.jsonl"
python3 - "$tmp/a.jsonl" "$tmp/b.jsonl" <<'PY'
import json, sys
def events(p):
    return sorted((e["id"], tuple(sorted((m["doc"], m["start"]) for m in e["mentions"]))) for e in map(json.loads, open(p)))
a, b = events(sys.argv[1]), events(sys.argv[2])
if a != b:
    print("FAIL: file order and reverse order give different events"); sys.exit(1)
print(f"ok    both orders give the same {len(a)} events")
PY
echo "--- whole corpus, French and English"
status=0
python3 "$dir/score.py" "$dir/key.jsonl" "$tmp/a.jsonl" --min 0.95 || status=1
echo "--- French articles"
grep '"language": *"fr"' "$dir/articles.jsonl" > "$tmp/fr.jsonl"
"$bin" ingest --data "$root/data" --db "$tmp/fr.db" "$tmp/fr.jsonl" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
"$bin" events --db "$tmp/fr.db" --limit 100000 > "$tmp/fr_events.jsonl"
python3 "$dir/score.py" "$dir/key.jsonl" "$tmp/fr_events.jsonl" --min 0.95 || status=1
exit $status
