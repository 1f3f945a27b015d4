#!/usr/bin/env bash
# Runs `entente extract` over each bundled example article and scores it against the events its author
# read in it (examples/expected/<id>.jsonl) with the shared scorer when present (skips otherwise).
# Bar: core tier F1 >= 0.9 over all examples together.
set -euo pipefail
bin=$1
root=$2
scorer="$root/../shared/tools/score-events"
[ -f "$scorer" ] || { echo "no scorer in ../shared: skipped"; exit 77; }
ls "$root"/examples/expected/*.jsonl > /dev/null 2>&1 || { echo "no expected events: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat "$root"/examples/expected/*.jsonl > "$out/gold.jsonl"
status=0
"$bin" extract --data "$root/data" "$root"/examples/*.txt "$root"/examples/*.jsonl "$root"/examples/html/*.html \
  > "$out/sys.jsonl" 2> "$out/stderr" || status=$?
if [ $status -ne 0 ]; then echo "entente extract exited $status:"; cat "$out/stderr"; exit 1; fi
res=$(python3 "$scorer" "$out/gold.jsonl" "$out/sys.jsonl" --tier core)
echo "$res"
python3 "$scorer" "$out/gold.jsonl" "$out/sys.jsonl" --tier all
f1=$(echo "$res" | grep '^precision' | awk '{print $6}')
python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.9 else 1)" || {
  echo "FAIL: examples core F1 $f1 < 0.90"
  python3 "$scorer" "$out/gold.jsonl" "$out/sys.jsonl" --tier core --show | grep -E '^(MISSED|WRONG|EXTRA)'
  exit 1; }
