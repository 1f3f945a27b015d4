#!/usr/bin/env bash
# Runs `entente extract` over the five seed articles in ../shared and scores the output with the shared
# scorer. Bar (issue 2): core tier F1 1.00 with date, place and flag accuracy 1.00; all tiers F1 >= 0.80.
# Skips (exit 77) when ../shared is absent. Also scores the Wikinews development set, for information.
set -euo pipefail
bin=$1
root=$2
shared="$root/../shared"
seeds="$shared/corpus/seeds"
if [ ! -f "$seeds/articles.jsonl" ] || [ ! -f "$shared/tools/score-events" ]; then
  echo "no ../shared corpus: skipped"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" extract --data "$root/data" "$seeds/articles.jsonl" > "$out/seeds.jsonl" 2> "$out/stderr" || {
  echo "entente extract failed:"; cat "$out/stderr"; exit 1; }
score() { python3 "$shared/tools/score-events" "$@"; }
core=$(score "$seeds/gold.jsonl" "$out/seeds.jsonl" --tier core)
all=$(score "$seeds/gold.jsonl" "$out/seeds.jsonl" --tier all)
echo "seeds, core tier:"; echo "$core"
echo "seeds, all tiers:"; echo "$all"
fail=0
line=$(echo "$core" | grep '^precision')
read -r _ _ _ _ _ f1 _ dacc _ pacc _ facc <<< "$line"
for v in "$f1" "$dacc" "$pacc" "$facc"; do
  if [ "$v" != "1.000" ]; then fail=1; fi
done
if [ $fail = 1 ]; then
  echo "FAIL: core tier must be F1 1.000 with date, place and flag accuracy 1.000"
  score "$seeds/gold.jsonl" "$out/seeds.jsonl" --tier core --show | grep -E '^(MISSED|WRONG|EXTRA)' || true
fi
f1all=$(echo "$all" | grep '^precision' | awk '{print $6}')
if ! python3 -c "import sys; sys.exit(0 if float('$f1all') >= 0.80 else 1)"; then
  echo "FAIL: all tiers F1 $f1all < 0.80"
  score "$seeds/gold.jsonl" "$out/seeds.jsonl" --tier all --show | grep -E '^(MISSED|WRONG|EXTRA)' || true
  fail=1
fi
wn="$shared/corpus/wikinews"
if [ -f "$wn/articles.jsonl" ]; then
  "$bin" extract --data "$root/data" "$wn/articles.jsonl" > "$out/wn.jsonl" 2>/dev/null || true
  echo "wikinews (information only), all tiers:"
  score "$wn/gold.jsonl" "$out/wn.jsonl" --tier all || true
fi
exit $fail
