#!/usr/bin/env python3
"""The HTTP API of `entente serve`, as a client sees it: status codes, JSON
shapes checked against docs/api-openapi.yaml, request caps, live ingest.

usage: api_test.py ENTENTE SOURCE_DIR WORK_DIR
Exit 0 when every check passes, 1 otherwise, 77 (skip) without python3-yaml
or python3-jsonschema.
"""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    import yaml
    import jsonschema
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e} (install python3-yaml python3-jsonschema)")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_util  # noqa: E402

ENTENTE, SOURCE, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
SPEC = yaml.safe_load(open(os.path.join(SOURCE, "docs", "api-openapi.yaml"), encoding="utf-8"))
TOKEN = "test-token-0123456789abcdef"

failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def schema_for(path_template, method, status):
    op = SPEC["paths"][path_template][method]
    resp = op["responses"].get(str(status))
    if resp is None:
        return None
    if "$ref" in resp:
        resp = SPEC["components"]["responses"][resp["$ref"].split("/")[-1]]
    return resp["content"]["application/json"]["schema"]


def validate(body, path_template, method, status):
    schema = schema_for(path_template, method, status)
    check(schema is not None, f"{method.upper()} {path_template}: status {status} is not documented")
    if schema is None:
        return
    root = dict(SPEC)
    root.update(schema)  # $refs resolve against the whole document
    validator = jsonschema.Draft202012Validator(root)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    for e in errors[:3]:
        check(False, f"{method.upper()} {path_template} ({status}): {list(e.path)}: {e.message[:200]}")
    if not errors:
        check(True, "")


def main():
    db = os.path.join(WORK, "api.db")
    serve_util.make_demo_store(ENTENTE, SOURCE, db)
    server = serve_util.Server(ENTENTE, db, ["--ingest-token", TOKEN, "--timeout-ms", "3000"])
    try:
        run(server)
    finally:
        server.stop()
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


def run(s):
    def get(path, template, params=None, expect=200):
        status, body = s.request("GET", path, params)
        check(status == expect, f"GET {path} {params}: status {status}, expected {expect}: {str(body)[:200]}")
        if isinstance(body, dict):
            validate(body, template, "get", status)
        else:
            check(False, f"GET {path}: not JSON")
        return body

    h = get("/api/v1/health", "/api/v1/health")
    check(h.get("documents", 0) >= 10, "the demo store has its documents")
    get("/api/v1/version", "/api/v1/version")

    page = get("/api/v1/events", "/api/v1/events", {"limit": "5"})
    check(len(page["events"]) == 5 and page["next_offset"] == 5, "paging: 5 events and a next page")
    page2 = get("/api/v1/events", "/api/v1/events", {"limit": "5", "offset": "5"})
    check(not {e["id"] for e in page["events"]} & {e["id"] for e in page2["events"]}, "pages do not overlap")
    rus_irn = get("/api/v1/events", "/api/v1/events", {"pair": "RUS,IRN"})
    check(len(rus_irn["events"]) >= 1, "the RUS-IRN fixture gives events")
    for params in [{"actor": "Putin"}, {"type": "MEET", "from": "2023", "to": "2024-06"}, {"place": "Moscow"},
                   {"outlet": "Fixture Presse"}, {"text": "Kremlin"}, {"cameo_root": "04"}, {"country": "IRN"},
                   {"lat": "55.75", "lon": "37.62", "radius": "100"}]:
        r = get("/api/v1/events", "/api/v1/events", params)
        check(len(r["events"]) >= 1, f"events {params} finds something")

    ev = get(f"/api/v1/events/{rus_irn['events'][0]['id']}", "/api/v1/events/{id}")
    for m in ev["mentions"]:
        for evd in m["evidence"]:
            raw = evd["sentence"].encode("utf-8")
            for hl in evd["highlights"]:
                check(raw[hl["begin"]:hl["end"]].decode("utf-8") == hl["text"],
                      f"highlight {hl} is the bytes it names in the sentence")
    get("/api/v1/events/ev-0123456789ab", "/api/v1/events/{id}", expect=404)

    actors = get("/api/v1/actors", "/api/v1/actors", {"q": "Poutine"})
    check(any(a["name"] == "Vladimir Putin" for a in actors["actors"]), "'Poutine' finds Vladimir Putin")
    putin = get("/api/v1/actors/Vladimir%20Putin", "/api/v1/actors/{key}")
    check(any(o["office"] for o in putin["offices"]), "Putin has an office")
    get("/api/v1/actors/RUS", "/api/v1/actors/{key}")
    get("/api/v1/actors/No%20Such%20Person", "/api/v1/actors/{key}", expect=404)
    pair = get("/api/v1/pairs/RUS/IRN", "/api/v1/pairs/{a}/{b}", {"by": "month"})
    check(pair["events"] >= 1 and pair["buckets"], "pair statistics by month")
    get("/api/v1/pairs/RUS/IRN", "/api/v1/pairs/{a}/{b}", {"by": "year", "from": "2020", "to": "2025-12-31"})
    places = get("/api/v1/places", "/api/v1/places", {"q": "Moscou"})
    check(any(p["name"] == "Moscow" for p in places["places"]), "'Moscou' finds Moscow")
    get("/api/v1/places", "/api/v1/places")
    docs = get("/api/v1/documents", "/api/v1/documents", {"limit": "3"})
    check(len(docs["documents"]) == 3, "documents page of 3")

    # Bad parameters: 400 with a JSON error, documented.
    bad = [
        ("/api/v1/events", {"nope": "1"}), ("/api/v1/events", {"from": "2023-02-30"}),
        ("/api/v1/events", {"from": "last week"}), ("/api/v1/events", {"limit": "1000000"}),
        ("/api/v1/events", {"limit": "0"}), ("/api/v1/events", {"offset": "-3"}),
        ("/api/v1/events", {"actor": "' OR '1'='1"}), ("/api/v1/events", {"actor": "Putin'; DROP TABLE events; --"}),
        ("/api/v1/events", {"text": "x UNION SELECT * FROM documents --"}), ("/api/v1/events", {"pair": "RUS;IRN"}),
        ("/api/v1/events", {"type": "MEET OR 1=1"}), ("/api/v1/events", {"radius": "10"}),
        ("/api/v1/actors", {"q": "<script>alert(1)</script>"}), ("/api/v1/places", {"limit": "x"}),
        ("/api/v1/documents", {"limit": "100000"}),
    ]
    for path, params in bad:
        template = path
        status, body = s.request("GET", path, params)
        check(status == 400, f"GET {path} {params}: {status}, expected 400")
        if isinstance(body, dict):
            validate(body, template, "get", 400)
    for path, template in [("/api/v1/pairs/RUS/IRN?by=week", "/api/v1/pairs/{a}/{b}"),
                           ("/api/v1/events/not-an-id", "/api/v1/events/{id}")]:
        status, body = s.request("GET", path)
        check(status == 400, f"GET {path}: {status}, expected 400")
        validate(body, template, "get", 400)

    # Caps: a long URL (414), an oversized body (413), unknown route (404 JSON).
    status, body = s.request("GET", "/api/v1/events", {"actor": "a" * 6000})
    check(status == 414 and isinstance(body, dict) and "error" in body, f"a 6 kB URL: {status}, expected 414")
    status, body = s.request("POST", "/api/v1/documents", body=b"x" * (5 << 20),
                             headers={"Authorization": "Bearer " + TOKEN})
    check(status == 413, f"a 5 MiB body: {status}, expected 413")
    status, body = s.request("GET", "/api/v1/nothing/here")
    check(status == 404 and isinstance(body, dict) and "error" in body, "unknown route: JSON 404")

    # Live ingest: token required, then the event is there.
    doc = {"id": "live-1", "title": "Live", "source": "Live Wire", "published": "2024-03-02", "language": "fr",
           "text": "Le président russe Vladimir Poutine a reçu samedi à Moscou le président iranien Ebrahim Raïssi."}
    line = (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
    status, body = s.request("POST", "/api/v1/documents", body=line,
                             headers={"Authorization": "Bearer " + TOKEN,
                                      "Content-Type": "application/x-www-form-urlencoded"})
    check(status == 415, f"ingest of a form: {status}, expected 415")
    status, body = s.request("POST", "/api/v1/documents", body=line)
    check(status == 401, f"ingest without a token: {status}, expected 401")
    validate(body, "/api/v1/documents", "post", 401)
    status, body = s.request("POST", "/api/v1/documents", body=line, headers={"Authorization": "Bearer wrong-token-xxxxxxxxx"})
    check(status == 401, f"ingest with a wrong token: {status}, expected 401")
    status, body = s.request("POST", "/api/v1/documents", body=line, headers={"Authorization": "Bearer " + TOKEN})
    check(status == 201, f"ingest with the token: {status} {body}")
    if status == 201:
        validate(body, "/api/v1/documents", "post", 201)
    status, body = s.request("POST", "/api/v1/documents", body=b"not json\n", headers={"Authorization": "Bearer " + TOKEN})
    check(status == 400, f"ingest of a bad body: {status}, expected 400")
    after = get("/api/v1/events", "/api/v1/events", {"outlet": "Live Wire"})
    check(len(after["events"]) >= 1, "the ingested article's events are served")

    # Ingest is off without a token.
    db2 = os.path.join(WORK, "api-noingest.db")
    serve_util.make_demo_store(ENTENTE, SOURCE, db2, quick=True)
    s2 = serve_util.Server(ENTENTE, db2)
    try:
        status, body = s2.request("POST", "/api/v1/documents", body=line, headers={"Authorization": "Bearer " + TOKEN})
        check(status == 403, f"ingest when off: {status}, expected 403")
        validate(body, "/api/v1/documents", "post", 403)
        # The server binds to loopback by default.
        check(s2.banner.startswith("entente: serving") and "127.0.0.1" in s2.banner, f"loopback: {s2.banner}")
    finally:
        s2.stop()


if __name__ == "__main__":
    sys.exit(main())
