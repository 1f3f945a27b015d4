#!/usr/bin/env python3
"""Regenerates data/cameo.tsv from a CAMEO reference table (code, level, root, quad_class, name, goldstein).

usage: scripts/gen_cameo.py ../shared/cameo/eventcodes.tsv > data/cameo.tsv
"""
import sys

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
hdr = rows[0]
print("# CAMEO event codes with Goldstein scores. GENERATED from the CAMEO reference table")
print("# (shared/cameo/eventcodes.tsv: CAMEO codebook 1.1b3, Goldstein values as in GDELT/Phoenix);")
print("# regenerate with scripts/gen_cameo.py, review the diff.")
print("code\tlevel\troot\tquad_class\tname\tgoldstein\tsource")
for r in rows[1:]:
    d = dict(zip(hdr, r + [""] * (len(hdr) - len(r))))
    if d["level"] == "quadclass":
        continue
    print("\t".join([d["code"], d["level"], d["root"], d["quad_class"], d["name"].replace("\t", " ").strip(),
                     d["goldstein"], "CAMEO codebook 1.1b3 via Phoenix/GDELT tables"]))
