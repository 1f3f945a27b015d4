"""Starts `entente serve` on a free loopback port for tests, and talks to it."""
import glob
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request


def make_demo_store(entente, source, db, quick=False, extra=()):
    """Ingests examples/ and tests/web/fixtures/ (and `extra` files) into a new store."""
    for f in glob.glob(db + "*"):
        os.remove(f)
    inputs = sorted(glob.glob(os.path.join(source, "tests", "web", "fixtures", "*.txt")))
    if not quick:
        inputs += sorted(glob.glob(os.path.join(source, "examples", "*.txt")))
        inputs += sorted(glob.glob(os.path.join(source, "examples", "*.jsonl")))
        inputs += sorted(glob.glob(os.path.join(source, "examples", "html", "*.html")))
    inputs += list(extra)
    r = subprocess.run([entente, "ingest", "--db", db] + inputs, capture_output=True, text=True)
    if r.returncode not in (0, 1) or not os.path.exists(db):
        raise RuntimeError(f"ingest failed ({r.returncode}): {r.stderr[-2000:]}")


class Server:
    def __init__(self, entente, db, args=()):
        self.proc = subprocess.Popen([entente, "serve", "--db", db, "--port", "0"] + list(args),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.banner = self.proc.stdout.readline().strip()
        if not self.banner.startswith("entente: serving"):
            err = self.proc.stderr.read() if self.proc.poll() is not None else ""
            self.stop()
            raise RuntimeError(f"the server did not start: {self.banner} {err}")
        # "entente: serving DB on http://127.0.0.1:PORT/"
        self.base = self.banner.split(" on ", 1)[1].split()[0].rstrip("/")
        for _ in range(50):
            try:
                urllib.request.urlopen(self.base + "/api/v1/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)

    def request(self, method, path, params=None, body=None, headers=None):
        url = self.base + path
        if params:
            url += "?" + urllib.parse.urlencode(params)
        h = {"Content-Type": "application/x-ndjson"} if body is not None else {}
        h.update(headers or {})
        req = urllib.request.Request(url, data=body, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        except (ConnectionError, urllib.error.URLError) as e:
            return 0, str(e)
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
