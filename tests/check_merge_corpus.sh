#!/usr/bin/env bash
# Merging on entente's own corpus of 45 articles (tests/merge_corpus/): ingested in file order and in
# reverse order, scored with its answer key (pairwise and B-cubed over the mentions extraction found);
# fails when pairwise precision or recall is below 0.95, or when the two orders disagree.
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
python3 "$dir/score.py" "$dir/key.jsonl" "$tmp/a.jsonl" --min 0.95
