#!/usr/bin/env bash
# End-to-end tests of the `entente` command: exit statuses, diagnostics,
# ingest idempotence and query filters.
#   cli_test.sh path/to/entente path/to/tests/cli
# Registered with CTest from tools/entente/CMakeLists.txt.
set -u

ENTENTE=${1:?usage: cli_test.sh ENTENTE_BINARY TESTDATA_DIR}
DATA=${2:?usage: cli_test.sh ENTENTE_BINARY TESTDATA_DIR}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/entente_cli_test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
# expect_status NAME WANT GOT
expect_status() {
  if [[ "$3" == "$2" ]]; then pass "$1 (exit $3)"; else fail "$1: exit $3, want $2"; fi
}
# expect_grep NAME PATTERN FILE
expect_grep() {
  if grep -q -- "$2" "$3"; then pass "$1"; else fail "$1: no '$2' in $(basename "$3"):"; sed 's/^/      /' "$3"; fi
}
count_lines() { wc -l < "$1" | tr -d ' '; }

# --- version and help ------------------------------------------------------
"$ENTENTE" --version > "$TMP/out" 2>&1; expect_status "--version" 0 $?
expect_grep "--version names the program" "entente" "$TMP/out"
"$ENTENTE" --help > "$TMP/out" 2>&1; expect_status "--help" 0 $?
expect_grep "--help lists ingest" "ingest" "$TMP/out"
"$ENTENTE" > /dev/null 2>&1; expect_status "no subcommand" 2 $?
"$ENTENTE" frobnicate > /dev/null 2>&1; expect_status "unknown subcommand" 2 $?
"$ENTENTE" events --no-such-flag > /dev/null 2>&1; expect_status "unknown flag" 2 $?

# --- extract ---------------------------------------------------------------
"$ENTENTE" extract "$DATA/good-one.jsonl" > "$TMP/good.out" 2> "$TMP/good.err"
expect_status "extract good file" 0 $?
if [[ $(count_lines "$TMP/good.out") -ge 1 ]]; then pass "extract good file prints events"
else fail "extract good file printed no event"; fi

"$ENTENTE" extract "$DATA/mixed.jsonl" > "$TMP/mixed.out" 2> "$TMP/mixed.err"
expect_status "extract with a malformed line" 1 $?
expect_grep "malformed line reported as error:" "^error: " "$TMP/mixed.err"
if cmp -s "$TMP/good.out" "$TMP/mixed.out"; then pass "good document's events still printed"
else fail "events of the good document differ when a bad line precedes it"; fi

"$ENTENTE" extract < "$DATA/good-one.jsonl" > "$TMP/stdin.out" 2> /dev/null
expect_status "extract from standard input" 0 $?
# Ids derived from the input name may differ; the number of events must not.
if [[ $(count_lines "$TMP/stdin.out") == $(count_lines "$TMP/good.out") ]]; then
  pass "standard input gives the same events"; else fail "standard input gives other events"; fi

"$ENTENTE" extract "$TMP/does-not-exist.jsonl" "$DATA/good-one.jsonl" > "$TMP/missing.out" 2> "$TMP/missing.err"
expect_status "extract with a missing file" 1 $?
expect_grep "missing file reported" "^error: " "$TMP/missing.err"
if cmp -s "$TMP/good.out" "$TMP/missing.out"; then pass "other inputs still processed"
else fail "other inputs not processed after a missing file"; fi

"$ENTENTE" extract --data "$TMP/no-such-data" "$DATA/good-one.jsonl" > /dev/null 2> "$TMP/err"
expect_status "extract with a bad data folder" 2 $?
expect_grep "bad data folder reported" "^error: " "$TMP/err"

# --- ingest ----------------------------------------------------------------
DB="$TMP/test.db"
"$ENTENTE" ingest --db "$DB" "$DATA/good.jsonl" 2> "$TMP/ingest1.err"
expect_status "ingest" 0 $?
expect_grep "ingest summary" "^2 documents (2 added, 0 unchanged, 0 replaced), [0-9]* events, 0 failed$" "$TMP/ingest1.err"
"$ENTENTE" events --db "$DB" --limit 100000 > "$TMP/events1.out"; expect_status "events after ingest" 0 $?

"$ENTENTE" ingest --db "$DB" "$DATA/good.jsonl" 2> "$TMP/ingest2.err"
expect_status "ingest again" 0 $?
expect_grep "second ingest reports unchanged" "^2 documents (0 added, 2 unchanged, 0 replaced)" "$TMP/ingest2.err"
"$ENTENTE" events --db "$DB" --limit 100000 > "$TMP/events2.out"
if cmp -s "$TMP/events1.out" "$TMP/events2.out"; then pass "rows identical after second ingest"
else fail "rows changed after second ingest"; fi

"$ENTENTE" ingest --db "$DB" "$DATA/mixed.jsonl" 2> "$TMP/ingest3.err"
expect_status "ingest with a malformed line" 1 $?
expect_grep "ingest of mixed: good doc unchanged, one failure" "^1 documents (0 added, 1 unchanged, 0 replaced), [0-9]* events, 1 failed$" "$TMP/ingest3.err"

"$ENTENTE" ingest --db "$TMP/no/such/dir/x.db" "$DATA/good.jsonl" 2> "$TMP/err"
expect_status "ingest into an unopenable store" 2 $?

# --- events and timeline ----------------------------------------------------
n_all=$(count_lines "$TMP/events1.out")
if [[ $n_all -ge 1 ]]; then pass "store holds events ($n_all)"; else fail "store holds no events"; fi
expect_grep "jsonl carries the id" '^{"id":"ev-' "$TMP/events1.out"

"$ENTENTE" events --db "$DB" --limit 1 > "$TMP/out"; expect_status "events --limit 1" 0 $?
if [[ $(count_lines "$TMP/out") -le 1 ]]; then pass "--limit 1 gives at most one line"; else fail "--limit 1 ignored"; fi

# Each filter gives a subset whose lines all satisfy it.
first_type=$(sed -n '1s/.*"type":"\([A-Z_]*\)".*/\1/p' "$TMP/events1.out")
if [[ -n "$first_type" ]]; then
  "$ENTENTE" events --db "$DB" --type "$first_type" > "$TMP/out"; expect_status "events --type" 0 $?
  n=$(count_lines "$TMP/out"); m=$(grep -c "\"type\":\"$first_type\"" "$TMP/out")
  if [[ $n -ge 1 && $n == "$m" ]]; then pass "--type $first_type filters"; else fail "--type $first_type: $m of $n match"; fi
fi
"$ENTENTE" events --db "$DB" --type NO_SUCH_TYPE > "$TMP/out"; expect_status "events --type unknown" 0 $?
if [[ $(count_lines "$TMP/out") == 0 ]]; then pass "unknown type gives nothing"; else fail "unknown type gives rows"; fi
"$ENTENTE" events --db "$DB" --from 1900 --to 1900-12 > "$TMP/out"; expect_status "events in 1900" 0 $?
if [[ $(count_lines "$TMP/out") == 0 ]]; then pass "date filter excludes"; else fail "date filter lets old dates in"; fi
"$ENTENTE" events --db "$DB" --actor zzzz-nobody > "$TMP/out"; expect_status "events --actor nobody" 0 $?
if [[ $(count_lines "$TMP/out") == 0 ]]; then pass "actor filter excludes"; else fail "actor filter lets rows in"; fi
"$ENTENTE" events --db "$DB" --pair XXX,YYY > "$TMP/out"; expect_status "events --pair absent" 0 $?
if [[ $(count_lines "$TMP/out") == 0 ]]; then pass "pair filter excludes"; else fail "pair filter lets rows in"; fi
"$ENTENTE" events --db "$DB" --format table > "$TMP/out"; expect_status "events --format table" 0 $?
expect_grep "table header" "^DATE  *TYPE  *CAMEO  *ACTORS" "$TMP/out"
"$ENTENTE" timeline --db "$DB" > "$TMP/out"; expect_status "timeline" 0 $?
if [[ $(count_lines "$TMP/out") == "$n_all" ]]; then pass "timeline has one line per event"; else fail "timeline line count"; fi
expect_grep "timeline names the document" "\[cli-good-" "$TMP/out"

"$ENTENTE" events --db "$DB" --pair RUS > /dev/null 2> "$TMP/err"; expect_status "bad --pair" 2 $?
expect_grep "bad --pair explained" "^error: --pair" "$TMP/err"
"$ENTENTE" events --db "$DB" --from 2023-02-30 > /dev/null 2> "$TMP/err"; expect_status "bad --from" 2 $?
expect_grep "bad --from explained" "^error: --from" "$TMP/err"
"$ENTENTE" timeline --db "$DB" --to yesterday > /dev/null 2> "$TMP/err"; expect_status "bad --to" 2 $?
"$ENTENTE" events --db "$DB" --from 2023-05 --to 2023-01 > /dev/null 2>&1; expect_status "--to before --from" 2 $?
"$ENTENTE" events --db "$DB" --limit 0 > /dev/null 2>&1; expect_status "--limit 0" 2 $?
"$ENTENTE" events --db "$DB" --format xml > /dev/null 2>&1; expect_status "bad --format" 2 $?
"$ENTENTE" events --db "$TMP/absent.db" > /dev/null 2> "$TMP/err"; expect_status "events on a missing store" 2 $?
if [[ ! -e "$TMP/absent.db" ]]; then pass "a query does not create a store"; else fail "a query created a store"; fi

# --- kb ----------------------------------------------------------------------
"$ENTENTE" kb check > "$TMP/out" 2> "$TMP/err"; expect_status "kb check on data/" 0 $?
expect_grep "kb check says ok" "^ok: " "$TMP/out"
"$ENTENTE" kb stats > "$TMP/out"; expect_status "kb stats" 0 $?
expect_grep "kb stats counts people" "^people  *[0-9]" "$TMP/out"
"$ENTENTE" kb lookup "le président iranien" --date 2023-12-07 --json > "$TMP/out"; expect_status "kb lookup --json" 0 $?
expect_grep "president of Iran in 2023" '"name":"Ebrahim Raisi","country":"IRN"' "$TMP/out"
"$ENTENTE" kb lookup "le président iranien" --date 2025-03-01 > "$TMP/out"; expect_status "kb lookup" 0 $?
expect_grep "president of Iran in 2025" "Masoud Pezeshkian (IRN), President of Iran" "$TMP/out"
"$ENTENTE" kb lookup "Iran's foreign minister" --lang en --date 2016-01-01 --json > "$TMP/out"
expect_status "kb lookup in English" 0 $?
expect_grep "Iran's foreign minister in 2016" '"name":"Mohammad Javad Zarif"' "$TMP/out"
"$ENTENTE" kb lookup "zzz qqq" > /dev/null 2> "$TMP/err"; expect_status "kb lookup of nothing" 1 $?
"$ENTENTE" kb lookup "Poutine" --date 2023-02-30 > /dev/null 2> "$TMP/err"; expect_status "kb lookup bad --date" 2 $?
expect_grep "bad --date explained" "^error: --date" "$TMP/err"
# A table with a problem: every problem listed with file:line, exit 1.
cp -r "$DATA/../../data" "$TMP/data"
printf 'vladimir_putin\tRUS.head_of_state\t2015-01-01\t2016-01-01\t\ttest\n' >> "$TMP/data/terms.tsv"
"$ENTENTE" kb check --data "$TMP/data" > /dev/null 2> "$TMP/err"; expect_status "kb check of a bad table" 1 $?
expect_grep "overlap named with file:line" "terms.tsv:[0-9]*: term of 'vladimir_putin' as RUS.head_of_state" "$TMP/err"
printf 'GOOD [RUSGOV]\nBAD [RUSGOV 0105]\n' > "$TMP/actors.txt"
"$ENTENTE" kb check --actors "$TMP/actors.txt" > /dev/null 2> "$TMP/err"; expect_status "kb check of a bad dictionary" 1 $?
expect_grep "dictionary line named" "actors.txt:2: cannot read the date restriction" "$TMP/err"
"$ENTENTE" extract --actors "$TMP/actors.txt" "$DATA/good-one.jsonl" > /dev/null 2> "$TMP/err"
expect_status "extract with a bad dictionary" 2 $?

if [[ $failures -ne 0 ]]; then echo "$failures failure(s)"; exit 1; fi
echo "all CLI tests passed"
