#!/usr/bin/env bash
# Runs `entente extract` over the bundled example articles and scores the French ones against the events
# their author read in them (examples/expected/ex-fr-*.jsonl) with the shared scorer when present (skips
# otherwise). English extraction is not built yet (its expected files wait for it).
# Bar: a regression guard a little under the measured score (core F1 0.76, all tiers 0.74 when set).
set -euo pipefail
bin=$1
root=$2
scorer="$root/../shared/tools/score-events"
[ -f "$scorer" ] || { echo "no scorer in ../shared: skipped"; exit 77; }
ls "$root"/examples/expected/*.jsonl > /dev/null 2>&1 || { echo "no expected events: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat "$root"/examples/expected/ex-fr-*.jsonl > "$out/gold.jsonl"
status=0
"$bin" extract --data "$root/data" "$root"/examples/*.txt "$root"/examples/*.jsonl "$root"/examples/html/*.html \
  > "$out/sys.jsonl" 2> "$out/stderr" || status=$?
if [ $status -ne 0 ]; then echo "entente extract exited $status:"; cat "$out/stderr"; exit 1; fi
res=$(python3 "$scorer" "$out/gold.jsonl" "$out/sys.jsonl" --tier core)
echo "$res"
python3 "$scorer" "$out/gold.jsonl" "$out/sys.jsonl" --tier all
f1=$(echo "$res" | grep '^precision' | awk '{print $6}')
python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.70 else 1)" || {
  echo "FAIL: examples core F1 $f1 < 0.70"
  python3 "$scorer" "$out/gold.jsonl" "$out/sys.jsonl" --tier core --show | grep -E '^(MISSED|WRONG|EXTRA)'
  exit 1; }
