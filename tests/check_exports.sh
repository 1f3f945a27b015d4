#!/usr/bin/env bash
# `entente export` in every format, each parsed back: the bundled examples are ingested, exported as
# jsonl, csv, gdelt, plover, graphml and gexf, and each output is read with a standard parser (json,
# csv, xml.etree) and checked against `entente events`: same number of events, same ids, 61 GDELT
# columns, every mention in mentions.csv, a node per actor and edges that add up.
set -euo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/ex.db"
"$bin" ingest --data "$root/data" --db "$db" "$root"/examples/*.txt "$root"/examples/*.jsonl \
  "$root"/examples/html/*.html 2> "$tmp/ingest.err" || { cat "$tmp/ingest.err"; exit 1; }
"$bin" events --db "$db" --limit 100000 > "$tmp/events.jsonl"
for f in jsonl gdelt plover graphml gexf; do
  "$bin" export --db "$db" --format "$f" --out "$tmp/out.$f" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
done
"$bin" export --db "$db" --format csv --out "$tmp/csv" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
if "$bin" export --db "$db" --format csv > /dev/null 2>&1; then echo "FAIL: csv without --out accepted"; exit 1; fi
"$bin" export --db "$db" --format gdelt --type MEET > "$tmp/pair.gdelt" 2> /dev/null
python3 - "$tmp" <<'PY'
import csv, json, sys, xml.etree.ElementTree as ET
t = sys.argv[1]
events = [json.loads(l) for l in open(f"{t}/events.jsonl", encoding="utf-8")]
ids = [e["id"] for e in events]
assert len(ids) > 5, f"only {len(ids)} events in the examples"
fails = []
def check(name, cond):
    print(("ok    " if cond else "FAIL  ") + name)
    if not cond: fails.append(name)

js = [json.loads(l) for l in open(f"{t}/out.jsonl", encoding="utf-8")]
check("jsonl: same events as `entente events`", [e["id"] for e in js] == ids)
check("jsonl: every event has its mentions", all(len(e["mentions"]) >= 1 for e in js))

rows = list(csv.DictReader(open(f"{t}/csv/events.csv", encoding="utf-8", newline="")))
check("csv events: one row per event", [r["id"] for r in rows] == ids)
check("csv events: counts carried", all(int(r["num_articles"]) >= 1 for r in rows))
men = list(csv.DictReader(open(f"{t}/csv/mentions.csv", encoding="utf-8", newline="")))
check("csv mentions: one row per mention", len(men) == sum(len(e["mentions"]) for e in js))
check("csv mentions: every event id known", {m["event_id"] for m in men} <= set(ids))

g = [l.rstrip("\n").split("\t") for l in open(f"{t}/out.gdelt", encoding="utf-8")]
check("gdelt: one row per event", len(g) == len(ids))
check("gdelt: 61 columns in every row", all(len(r) == 61 for r in g))
check("gdelt: numeric GlobalEventID", all(r[0].isdigit() for r in g))
check("gdelt: EventRootCode is the first two digits of EventCode", all(r[28] == r[26][:2] for r in g if r[26]))
pair = [l.split("\t") for l in open(f"{t}/pair.gdelt", encoding="utf-8")]
check("gdelt: filters apply to exports", 0 < len(pair) < len(g))

pl = [json.loads(l) for l in open(f"{t}/out.plover", encoding="utf-8")]
check("plover: one record per event", [p["id"] for p in pl] == ids)
check("plover: every record has an event type and a source", all(p["event"] and p["sources"] for p in pl))

ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
gm = ET.parse(f"{t}/out.graphml").getroot()
nodes = gm.findall(".//g:node", ns)
edges = gm.findall(".//g:edge", ns)
node_ids = {n.get("id") for n in nodes}
check("graphml: parses, has nodes and edges", len(nodes) > 2 and len(edges) > 1)
check("graphml: every edge joins known nodes", all(e.get("source") in node_ids and e.get("target") in node_ids for e in edges))
gx = ET.parse(f"{t}/out.gexf").getroot()
gns = {"x": "http://gexf.net/1.3"}
check("gexf: same nodes and edges as graphml",
      len(gx.findall(".//x:node", gns)) == len(nodes) and len(gx.findall(".//x:edge", gns)) == len(edges))
total = sum(int(e.get("weight")) for e in gx.findall(".//x:edge", gns))
check("gexf: edge weights count events", total >= len(edges))
sys.exit(1 if fails else 0)
PY
echo "exports parsed back: passed"
