#!/usr/bin/env bash
# Load of `entente serve` (issue 5): a store of 100,000 generated events, then
# wrk on loopback against the event list and the pair statistics, 30 s each.
# Prints requests/s and p99 latency; a benchmark, not a timed test. Checks
# that the answers are right before timing them (a fast wrong answer fails).
#
#   bench/serve_load.sh [ENTENTE] [EVENTS] [SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENTENTE="${1:-$ROOT/build/entente}"
EVENTS="${2:-100000}"
SECONDS_EACH="${3:-30}"
command -v wrk >/dev/null || { echo "serve_load: wrk missing (apt-get install wrk)"; exit 2; }
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

DB="$WORK/load.db"
"$ENTENTE" ingest --db "$DB" "$ROOT"/examples/ex-fr-01.txt 2>/dev/null
/usr/bin/python3 "$ROOT/bench/gen_events.py" "$DB" "$EVENTS"

PORT=$((20000 + RANDOM % 20000))
"$ENTENTE" serve --db "$DB" --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
BASE="http://127.0.0.1:$PORT"
curl -sf "$BASE/api/v1/health"; echo

# Right answers first.
list="$(curl -sf "$BASE/api/v1/events?pair=RUS,IRN&limit=50")"
n="$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["events"]))' <<<"$list")"
[[ "$n" == 50 ]] || { echo "serve_load: the event list gave $n events, expected 50"; exit 1; }
total="$(curl -sf "$BASE/api/v1/pairs/RUS/IRN?by=month" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["events"])')"
[[ "$total" -gt $((EVENTS / 5)) ]] || { echo "serve_load: pair statistics count $total events, expected > $((EVENTS / 5))"; exit 1; }
echo "checks: event list 50 rows, RUS-IRN pair $total events"

run() {
  local name="$1" url="$2"
  echo "== $name: $url"
  wrk -t2 -c16 -d"${SECONDS_EACH}s" --latency "$url" | tee "$WORK/$name.txt" |
    grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
}
run events "$BASE/api/v1/events?pair=RUS,IRN&limit=50"
run events-page "$BASE/api/v1/events?limit=50&offset=5000"
run pair "$BASE/api/v1/pairs/RUS/IRN?by=month"
