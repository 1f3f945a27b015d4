#!/usr/bin/env bash
# Merging across articles on the five seed articles (issue bar): ingested in any order, in one batch or
# one batch per article, they give the same events; one event for the Samarkand meeting of September
# 2022 (recalled in two articles), one for Putin's July 2022 visit to Tehran (reported in one, recalled
# in another), separate events for the calls of 11, 18 and 19 January 2023, in date order in the
# timeline. Re-ingesting changes nothing; removing an article takes its mentions out.
# Skips (exit 77) when ../shared is absent.
set -euo pipefail
bin=$1
root=$2
seeds="$root/../shared/corpus/seeds/articles.jsonl"
[ -f "$seeds" ] || { echo "no ../shared corpus: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok    $1"; else echo "FAIL  $1"; fail=1; fi; }

# One file per article, so that each is its own batch.
python3 - "$seeds" "$tmp" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if line.strip():
        open(f"{sys.argv[2]}/art{n}.jsonl", "w", encoding="utf-8").write(line)
PY
arts=("$tmp"/art*.jsonl)
ingest() { "$bin" ingest --data "$root/data" --db "$1" "${@:2}" 2> "$tmp/ingest.err" || { cat "$tmp/ingest.err"; exit 1; }; }
# Every event's stable content: id, dates, type, actors, counts and the documents of its mentions.
dump() { "$bin" events --db "$1" --limit 100000 | python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    docs = sorted(m["doc"] for m in e.get("mentions", []))
    d = e["date"] or {}
    print(e["id"], d.get("from"), d.get("to"), e["type"], [(a["name"], a["country"]) for a in e["actors"]],
          e["num_mentions"], e["num_articles"], docs)' | sort; }

ingest "$tmp/one.db" "$seeds"
dump "$tmp/one.db" > "$tmp/one.txt"
ingest "$tmp/rev.db" $(printf '%s\n' "${arts[@]}" | sort -r)
dump "$tmp/rev.db" > "$tmp/rev.txt"
ingest "$tmp/mix.db" "${arts[2]}" "${arts[0]}" "${arts[4]}" "${arts[1]}" "${arts[3]}"
dump "$tmp/mix.db" > "$tmp/mix.txt"
check "one batch and reversed batches give the same events" "cmp -s '$tmp/one.txt' '$tmp/rev.txt'"
check "a shuffled order gives the same events" "cmp -s '$tmp/one.txt' '$tmp/mix.txt'"
ingest "$tmp/mix.db" "$seeds"
dump "$tmp/mix.db" > "$tmp/again.txt"
check "re-ingesting changes nothing" "cmp -s '$tmp/one.txt' '$tmp/again.txt'"

count() { "$bin" events --db "$tmp/one.db" --limit 100000 "$@" | wc -l | tr -d ' '; }
articles() { "$bin" events --db "$tmp/one.db" "$@" | python3 -c 'import json,sys; print(",".join(str(json.loads(l)["num_articles"]) for l in sys.stdin))'; }
check "one Samarkand meeting in September 2022" "[ \$(count --pair RUS,IRN --type MEET --from 2022-09 --to 2022-09 --place Samarkand) = 1 ]"
check "  reported by two articles" "[ \$(articles --pair RUS,IRN --type MEET --from 2022-09 --to 2022-09 --place Samarkand) = 2 ]"
check "a radius search around Samarkand finds only that meeting" "[ \$(count --near 39.65,66.96 --radius 30) = 1 ]"
check "one July 2022 contact in Tehran" "[ \$(count --pair RUS,IRN --from 2022-07 --to 2022-07 --place Tehran --type MEET) = 1 ]"
check "  reported by two articles" "[ \$(articles --pair RUS,IRN --from 2022-07 --to 2022-07 --place Tehran --type MEET) = 2 ]"
for day in 2023-01-11 2023-01-18 2023-01-19; do
  check "one call on $day" "[ \$(count --pair RUS,IRN --type PHONE_CALL --from $day --to $day) = 1 ]"
done
"$bin" timeline --db "$tmp/one.db" --pair RUS,IRN --type PHONE_CALL --from 2023-01 --to 2023-01 > "$tmp/calls.txt"
check "the timeline shows the three January calls in order" \
  "[ \"\$(cut -c1-10 '$tmp/calls.txt' | tr '\n' ' ')\" = '2023-01-11 2023-01-18 2023-01-19 ' ]"

# explain names every mention and the rule that joined it.
id=$("$bin" events --db "$tmp/one.db" --pair RUS,IRN --type MEET --from 2022-09 --to 2022-09 --place Samarkand | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')
"$bin" explain --db "$tmp/one.db" "$id" > "$tmp/explain.txt"
check "explain lists two mentions" "[ \$(grep -c '^  \[[0-9]\]' '$tmp/explain.txt') = 2 ]"
check "explain gives the joining rule" "grep -q 'joined: same CONTACT block; dates overlap' '$tmp/explain.txt'"

# Removing one of the two articles leaves the meeting with one mention.
doc=$("$bin" explain --db "$tmp/one.db" "$id" --json | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["mentions"][1]["doc"])')
"$bin" remove --db "$tmp/one.db" "$doc" 2> /dev/null
check "after removing $doc the Samarkand meeting has one article" \
  "[ \$(articles --pair RUS,IRN --type MEET --from 2022-09 --to 2022-09 --place Samarkand) = 1 ]"
"$bin" pair RUS IRN --db "$tmp/mix.db" --by month > "$tmp/pair.txt"
check "pair statistics by month list January 2023" "grep -q '^2023-01 ' '$tmp/pair.txt'"

[ $fail = 0 ] || { echo "--- events (one batch)"; cat "$tmp/one.txt"; exit 1; }
echo "merge bar on the seeds: passed"
