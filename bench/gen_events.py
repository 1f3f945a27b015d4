#!/usr/bin/env python3
"""Writes N synthetic merged events (and their mentions) into an entente store,
for bench/serve_load.sh. The store must exist (created by `entente ingest`)
so that its schema is the program's; rows go straight into the tables
documented in docs/store-schema.md, with a fixed random seed.

usage: gen_events.py DB N
"""
import json
import random
import sqlite3
import sys

db, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
countries = ["RUS", "IRN", "CHN", "USA", "FRA", "DEU", "TUR", "IND", "UKR", "KAZ", "SAU", "BRA", "ZAF", "JPN"]
types = [("MEET", "042", 1.9), ("PHONE_CALL", "040", 1.0), ("SIGN", "057", 8.0), ("CRITICIZE", "111", -2.0),
         ("THREATEN", "130", -4.4), ("SANCTION", "163", -8.0), ("PRAISE", "051", 3.4), ("VISIT", "042", 1.9)]
places = [("Moscow", "RUS", 55.75, 37.62), ("Tehran", "IRN", 35.69, 51.39), ("Beijing", "CHN", 39.9, 116.4),
          ("Paris", "FRA", 48.86, 2.35), (None, None, None, None)]
con = sqlite3.connect(db)
cur = con.cursor()
# A real event of the store is the template: the JSON stays in the program's format.
template = json.loads(cur.execute("SELECT json FROM merged_events WHERE json LIKE '%\"location\":{%' LIMIT 1").fetchone()[0])
actor_template = template["actors"][0]
cur.execute("BEGIN")
cur.execute("INSERT OR REPLACE INTO documents (id, url, source, language, title, published, content_hash, text, "
            "ingested_seq) VALUES ('bench-doc', NULL, 'Bench Wire', 'fr', 'bench', '2020-01-01', '0', 'x', 999999)")
for i in range(n):
    a, b = rng.sample(countries, 2)
    if rng.random() < 0.3:
        a, b = "RUS", "IRN"
    t, cameo, gold = rng.choice(types)
    day = rng.randrange(0, 6 * 365)
    y, rest = 2019 + day // 365, day % 365
    date = f"{y}-{rest // 31 % 12 + 1:02d}-{rest % 28 + 1:02d}"
    pname, pcc, lat, lon = rng.choice(places)
    sentence = f"Le dirigeant de {a} a rencontré celui de {b}."
    ev = json.loads(json.dumps(template))
    ev.update({"doc": "bench-doc", "type": t, "cameo": cameo, "goldstein": gold})
    ev["actors"] = []
    for cc, role in ((a, "source"), (b, "target")):
        act = dict(actor_template)
        act.update({"name": None, "country": cc, "org": None, "office": None, "role": role, "text": cc})
        ev["actors"].append(act)
    ev["date"].update({"from": date, "to": date, "precision": "day"})
    if pname is None:
        ev["location"] = None
    else:
        ev["location"].update({"name": pname, "country": pcc, "lat": lat, "lon": lon, "text": pname})
    ev["evidence"]["sentence"] = sentence
    js = json.dumps(ev, ensure_ascii=False)
    cur.execute("INSERT INTO events (doc_id, ordinal, type, cameo, goldstein, plover, date_from, date_to, precision, "
                "date_text, location_name, location_country, lat, lon, background, future, negated, evidence_start, "
                "evidence_end, sentence, json, block) VALUES ('bench-doc', ?, ?, ?, ?, 'CONSULT', ?, ?, 'day', NULL, ?, ?, ?, ?, "
                "0, 0, 0, 0, ?, ?, ?, ?)",
                (i, t, cameo, gold, date, date, pname, pcc, lat, lon, len(sentence.encode()), sentence, js, f"BENCH|{i}"))
    mention = cur.lastrowid
    eid = f"ev-{i:012x}"
    cur.execute("INSERT INTO merged_events (id, block, type, cameo, goldstein, date_from, date_to, precision, location_name, "
                "location_country, lat, lon, background, future, recalled, num_mentions, num_articles, num_sources, "
                "first_seen, last_seen, json) VALUES (?, ?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, ?, 0, 0, 0, 1, 1, 1, ?, ?, ?)",
                (eid, f"BENCH|{i}", t, cameo, gold, date, date, pname, pcc, lat, lon, date, date, js))
    for k, (cc, role) in enumerate(((a, "source"), (b, "target"))):
        cur.execute("INSERT INTO merged_actors (event_id, ordinal, name, country, org, office, role) "
                    "VALUES (?, ?, NULL, ?, NULL, NULL, ?)", (eid, k, cc, role))
    cur.execute("INSERT INTO merged_members (event_id, mention_id, ordinal, rule) VALUES (?, ?, 0, 'first mention')",
                (eid, mention))
con.commit()
print(f"gen_events: {n} events in {db}")
