#!/usr/bin/env bash
# Runs `entente extract` over the bundled example articles and scores each language's articles against the
# events their author read in them (examples/expected/ex-<lang>-*.jsonl) with the shared scorer when present
# (skips otherwise).
# Bars: regression guards a little under the measured scores (French core F1 0.76 → 0.70; English all tiers
# 0.78 when set → 0.70).
set -euo pipefail
bin=$1
root=$2
scorer="$root/../shared/tools/score-events"
[ -f "$scorer" ] || { echo "no scorer in ../shared: skipped"; exit 77; }
ls "$root"/examples/expected/*.jsonl > /dev/null 2>&1 || { echo "no expected events: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
"$bin" extract --data "$root/data" "$root"/examples/*.txt "$root"/examples/*.jsonl "$root"/examples/html/*.html \
  > "$out/sys.jsonl" 2> "$out/stderr" || status=$?
if [ $status -ne 0 ]; then echo "entente extract exited $status:"; cat "$out/stderr"; exit 1; fi
# check LANG TIER BAR: the articles of one language, scored at one tier
check() {
  local lang=$1 tier=$2 bar=$3
  cat "$root"/examples/expected/ex-"$lang"-*.jsonl > "$out/gold-$lang.jsonl"
  grep "\"doc\":\"ex-$lang-" "$out/sys.jsonl" > "$out/sys-$lang.jsonl" || true
  echo "== $lang"
  local res
  res=$(python3 "$scorer" "$out/gold-$lang.jsonl" "$out/sys-$lang.jsonl" --tier "$tier")
  echo "$res"
  [ "$tier" = all ] || python3 "$scorer" "$out/gold-$lang.jsonl" "$out/sys-$lang.jsonl" --tier all
  local f1
  f1=$(echo "$res" | grep '^precision' | awk '{print $6}')
  python3 -c "import sys; sys.exit(0 if float('$f1') >= $bar else 1)" || {
    echo "FAIL: $lang examples $tier F1 $f1 < $bar"
    python3 "$scorer" "$out/gold-$lang.jsonl" "$out/sys-$lang.jsonl" --tier "$tier" --show | grep -E '^(MISSED|WRONG|EXTRA)'
    return 1; }
}
fail=0
check fr core 0.70 || fail=1
check en all 0.70 || fail=1
exit $fail
