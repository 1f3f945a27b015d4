#!/usr/bin/env python3
"""Generates data/places.tsv: the hand-written places plus every geonames.org city of 300,000 people or more.

Inputs (pinned; the script checks their SHA-256 and stops when they differ, see PINNED below):
  * scripts/places_extra.tsv -- the hand-written rows (capitals, diplomatic venues, regions), copied first
    and unchanged.
  * the geonames.org city table (cities15000, with English names from geonames' alternateNames) that
    Debian 12 "bookworm" ships in package libgeonames0, version 0.3.0-1 (amd64), as the GResource
    /com/lomiri/geonames/cities.compiled inside /usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0: a serialized
    GVariant of type a(sssssssudd) = geonameid, name (English), admin1 code, admin1 name, ISO 3166-1
    alpha-2 country code, country name, time zone, population, latitude, longitude. Only the data is read
    (parsed below from the GVariant serialization format); the library itself (GPL-3) is never linked or run.
  * the French geonames.org names, in the gettext catalogue /usr/share/locale/fr/LC_MESSAGES/geonames.mo of
    Debian 12 package libgeonames-common, version 0.3.0-1 (all): msgid = geonameid, msgstr = the French
    name from geonames' alternateNames (preferred names first), written there by the upstream build.
  * data/countries.tsv (the ISO 3166-1 alpha-3 codes the knowledge base knows), and ICU 72's ISO 3166
    alpha-2 -> alpha-3 table (Debian 12 package libicu72 72.1-3+deb12u1, read through ctypes, the same
    conversion as src/kb/tools/gen_countries.cc; Kosovo XK -> XKX as there).
Licence: the geonames.org data is CC-BY-4.0 (Debian's copyright file of libgeonames: "Files: data/*,
Copyright: geonames.org, License: CC-BY-4.0"); data/places.tsv carries the attribution in its header and in
the source column of every geonames row. The French names come from the package's po/ catalogues, which the
copyright file's catch-all stanza labels GPL-3 with the code; their content is nothing but geonames.org
alternateNames entries (a place name per geonameid, extracted by the upstream build tool), i.e. the same
CC-BY-4.0 geonames data, and only single names are taken here.
Regenerate (Debian 12; the tools are needed only here, never by the build or the tests):
  apt-get install libglib2.0-bin libgeonames-common=0.3.0-1       # gresource; the French .mo
  cd /tmp && apt-get download libgeonames0=0.3.0-1 && dpkg-deb -x libgeonames0_0.3.0-1_amd64.deb /tmp/geo
      # libgeonames0_0.3.0-1_amd64.deb SHA-256 3e1207ac7c47b82c728064fb7c36921eb1070b73d2f7007799810c5e8d802d41
  gresource extract /tmp/geo/usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0 \\
      /com/lomiri/geonames/cities.compiled > /tmp/cities.compiled
  python3 scripts/gen_places.py --cities /tmp/cities.compiled > data/places.tsv    # from the repository root
  (--lib /tmp/geo/usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0 runs the gresource step itself.)
then review the diff and the report on stderr (skipped countries, merged rows, risky names, namesakes).

Deterministic: same inputs, same output byte for byte (no dates, no hash ordering; rows are sorted).

What it does, in order:
  1. copies the hand rows of scripts/places_extra.tsv;
  2. takes every geonames city with population >= 300,000 whose ISO3 country is in data/countries.tsv
     (others are reported and skipped), most populous first (ties by geonameid);
  3. drops the cities of DENYLIST (names that would be read wrongly in news text: given names, surnames,
     words, companies, names that nearly always mean another place, and three geonames errors);
  4. names: geonames' English name; its French name when it differs (except DROP_FR_ALIAS); and for an
     English name like "Sharjah city", "City of Taguig", "The Bronx", "Suwon-si" the short name too
     (except NO_SHORT_NAME);
  5. drops a city that is already a hand row: same country and a shared name (folded: case, accents and
     punctuation ignored) within 30 km, or any name within 3 km (the same place under another name);
     a distinct municipality of a conurbation, farther away, is kept; every merge is reported;
  6. merges a geonames duplicate (same country, same name but for spaces or "City", within 30 km) into
     the more populous row, keeping both names;
  7. writes the rest after the hand rows, most populous first, so among namesakes in different countries
     the biggest city is the default reading (the knowledge base lists the others as alternatives), except
     PREFER_FIRST; a hand row always comes first. Two cities of one country with the same English name
     (the knowledge base requires name_en + country to be unique) get "Name (admin1 name)" as name_en for
     the smaller one, with the plain name in `names`.
Coordinates are rounded to 2 decimals; capital = 0 (capitals are all hand rows). The risk report on stderr
(common words from the hunspell en_US and fr dictionaries when installed, given names and names already in
people.tsv, countries, orgs, seats, namesakes) is for review only: the output never depends on it.
"""
import argparse
import ctypes
import hashlib
import math
import os
import re
import struct
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_POPULATION = 300_000
SOURCE = "geonames.org via Debian libgeonames0 0.3.0-1 (CC-BY-4.0); population ≥ 300,000"

PINNED = {
    # gresource extract .../libgeonames.so.0.3.0 /com/lomiri/geonames/cities.compiled
    "cities": "9fff9dd902672ba3f267c382b3be1442225e6a09a92a0f93abf26643d4e55fc3",
    # /usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0 of libgeonames0_0.3.0-1_amd64.deb
    "lib": "d03fd1d0bdc17db1f39c98ce528145e14fe047a7fb695419b7959f6cc30aca5b",
    # /usr/share/locale/fr/LC_MESSAGES/geonames.mo of libgeonames-common 0.3.0-1
    "mo": "52fb4c901654f9331f8e98fd2550b53e45c073a873a3a349c4d473584f89d6d0",
}

# Cities left out (by geonameid): a name that would make false matches in news text, or point to the wrong
# place. Names match only when capitalized, but a capitalized word opens every sentence, and given names and
# surnames are always capitalized ("Florence Parly", "Léon XIV", "Lloyd Austin" would read as cities).
# Chosen from the risk report this script prints (run it without --quiet).
DENYLIST = {
    # a given name in French, English or Spanish news (several in people.tsv)
    "3176959": "Florence, Italy: given name (Florence Parly)",
    "473247": "Vladimir, Russia: given name (Vladimir Putin and others)",
    "3998655": "León, Mexico: given name (French Léon: Léon XIV, Léon Panetta)",
    "3450554": "Salvador, Brazil: given name (Salvador Allende, Salvador Cienfuegos)",
    "3838583": "Rosario, Argentina: given name (Rosario Green)",
    "4460243": "Charlotte, USA: given name",
    "5412347": "Aurora, USA: given name",
    "4005492": "Guadalupe, Mexico: given name",
    "3667849": "Soledad, Colombia: given name",
    "3463011": "Franca, Brazil: given name; surname (Carlos França)",
    "2639912": "Preston, UK: given name and surname",
    "99608": "Amara (Amarah), Iraq: given name (Amara Essy)",
    "1257629": "Salem, India: Arabic given name (Abdalla Salem El-Badri); also Salem in the USA",
    # a surname of public figures
    "4671654": "Austin, USA: surname of Lloyd Austin, written alone in defence news",
    "3449433": "Santos, Brazil: surname (Juan Manuel Santos)",
    "3844421": "Mendoza, Argentina: common Spanish surname",
    "5304391": "Mesa, USA: surname (Carlos Mesa); Spanish word",
    "3447779": "Serra, Brazil: surname (José Serra); Portuguese word",
    "3688928": "Bello, Colombia: surname; Spanish word",
    "3672486": "Pereira, Colombia: common Portuguese surname",
    "6173577": "Vaughan, Canada: surname",
    "6066513": "Markham, Canada: surname",
    "1863917": "Fukuyama, Japan: surname (Francis Fukuyama)",
    # a word, a company, a people, or a person's name as a whole
    "2639577": "Reading, UK: English word",
    "298117": "Van, Turkey: name particle (Van Rompuy, Van der ...); English word",
    "321836": "Batman, Turkey: English word (the comic hero)",
    "1849814": "Toyota, Japan: the company",
    "1859642": "Kawasaki, Japan: the companies (Kawasaki Heavy Industries)",
    "192126": "Kikuyu, Kenya: the people and language",
    "1713022": "General Santos, Philippines: reads as a title and a surname",
    "4005867": "General Escobedo, Mexico: reads as a title and a surname",
    "3514674": "Gustavo Adolfo Madero, Mexico City borough: a person's name",
    "3827408": "Miguel Hidalgo, Mexico City borough: a person's name",
    "3827406": "Benito Juarez, Mexico City borough: a person's name",
    # a name that in news nearly always means another place
    "4671240": "Arlington, Texas: news mean Arlington, Virginia (Pentagon, cemetery)",
    "6050610": "Laval, Quebec: French news mean Laval in Mayenne (or Pierre Laval)",
    "6159905": "Surrey, British Columbia: news mean the English county",
    "629634": "Brest, Belarus: French news mean Brest in Brittany",
    "1006984": "East London, South Africa: news mean east London, England",
    "971421": "Newcastle, South Africa: news mean Newcastle upon Tyne",
    "2155472": "Newcastle, Australia: news mean Newcastle upon Tyne",
    # geonames errors that would shadow the real city of the same name
    "1270926": "Gorakhpur, Haryana: a village with a district's population; the city is in Uttar Pradesh",
    "1798425": "Puyang, Zhejiang: a town with a wrong population; the city is in Henan",
    "1815463": "Changzhi at 35.21 N 111.74 E: not the prefecture city of Changzhi (36.18 N 113.11 E)",
}

# French aliases from the .mo that are left out (the city itself is kept). geonameid -> why.
DROP_FR_ALIAS = {
    "304531": "Myrte for Mersin: the plant, not the city's French name",
    "1787824": "Xuzhou for Tongshan: Tongshan is a district of Xuzhou, which has its own row",
}

# Among namesakes in different countries the most populous is listed first (the default reading of the
# name); these are listed first instead. geonameid -> why.
PREFER_FIRST = {
    "2509954": "Valencia, Spain, before Valencia, Venezuela (the one French and English news mean)",
    "4568127": "San Juan, Puerto Rico, before San Juan, Argentina",
}

# An English name made of a short name and a word like "City" also gets the short name (when geonames
# gives no French name that is already short), except where the short name is a state, a country, a person
# or a word ("Baise": French slang).
NO_SHORT_NAME = {"Oklahoma City", "Kansas City", "Benin City", "Quezon City", "Bokaro Steel City", "Baise City",
                 "Mexico City", "Panama City", "Guatemala City", "Kuwait City", "Ho Chi Minh City"}


def short_name(name):
    if name in NO_SHORT_NAME:
        return None
    for pat in (r"^(.+) [Cc]ity$", r"^City of (.+)$", r"^Borough of (.+)$", r"^The (.+)$", r"^(.+) District$",
                r"^(.+)-si$"):
        m = re.match(pat, name)
        if m:
            return m.group(1)
    return None


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_pin(path, key, check):
    got = sha256(path)
    if check and got != PINNED[key]:
        sys.exit(f"gen_places: {path}: SHA-256 {got} is not the pinned {PINNED[key]} "
                 f"(another package version?); pass --no-check to go on anyway")


# --- GVariant serialization (GLib's documented format), for type a(sssssssudd)

def _offset_size(n):
    if n == 0:
        return 0
    if n <= 0xFF:
        return 1
    if n <= 0xFFFF:
        return 2
    if n <= 0xFFFFFFFF:
        return 4
    return 8


def _uint(b):
    return int.from_bytes(b, "little")


def parse_cities(buf):
    """Array of variable-size elements: the element ends are framing offsets at the end of the array;
    each element starts at the previous end rounded up to the element alignment (8, for the doubles).
    Struct (sssssssudd): the seven strings are variable-size members followed by a fixed-size one, so
    each has a framing offset (its end), stored at the end of the struct in reverse order."""
    n = len(buf)
    s = _offset_size(n)
    if n == 0:
        return []
    last = _uint(buf[n - s:])
    count = (n - last) // s
    out = []
    start = 0
    for i in range(count):
        end = _uint(buf[last + i * s:last + (i + 1) * s])
        out.append(_parse_city(buf[start:end]))
        start = (end + 7) // 8 * 8
    return out


def _parse_city(r):
    n = len(r)
    s = _offset_size(n)
    fields = []
    start = 0
    for i in range(7):
        end = _uint(r[n - (i + 1) * s:n - i * s])
        fields.append(r[start:end - 1].decode("utf-8"))  # strings are NUL-terminated
        start = end
    p = (start + 3) // 4 * 4
    (population,) = struct.unpack_from("<I", r, p)
    p = (p + 4 + 7) // 8 * 8
    lat, lon = struct.unpack_from("<dd", r, p)
    gid, name, admin1, state, cc, country, tz = fields
    return {"id": gid, "name": name, "admin1": admin1, "state": state, "cc": cc, "country": country,
            "population": population, "lat": lat, "lon": lon}


# --- gettext .mo (GNU format), msgid -> msgstr

def read_mo(path):
    data = open(path, "rb").read()
    magic = _uint(data[:4])
    if magic == 0x950412DE:
        end = "<"
    elif magic == 0xDE120495:
        end = ">"
    else:
        sys.exit(f"gen_places: {path}: not a .mo file")
    _, count, orig, trans = struct.unpack_from(end + "4I", data, 4)
    out = {}
    for i in range(count):
        ol, oo = struct.unpack_from(end + "2I", data, orig + 8 * i)
        tl, to = struct.unpack_from(end + "2I", data, trans + 8 * i)
        k = data[oo:oo + ol].decode("utf-8")
        if k:
            out[k] = data[to:to + tl].decode("utf-8")
    return out


# --- ISO 3166 alpha-2 -> alpha-3 through ICU 72 (as src/kb/tools/gen_countries.cc)

def icu_iso3():
    lib = ctypes.CDLL("libicuuc.so.72")
    fn = lib.uloc_getISO3Country_72
    fn.restype = ctypes.c_char_p
    fn.argtypes = [ctypes.c_char_p]

    def iso3(a2):
        if a2 == "XK":
            return "XKX"
        return fn(("und_" + a2).encode()).decode()
    return iso3


# --- names

_SPECIAL = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
                          "Œ": "oe", "Æ": "ae", "Ø": "o", "Ł": "l", "Đ": "d", "’": "'", "ʼ": "'"})


def fold(name):
    """Close to the knowledge base's key (src/text: lower case, no accents; punctuation apart)."""
    s = unicodedata.normalize("NFKD", name.lower().translate(_SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.findall(r"[0-9a-z]+", s))


def km(a_lat, a_lon, b_lat, b_lon):
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def read_tsv(path):
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols + [""] * (len(header) - len(cols)))))
    return header, rows


def split_names(s):
    return [x.strip() for x in s.split("|") if x.strip()]


def fmt(x):
    v = f"{round(x, 2):.2f}"
    return "0.00" if v == "-0.00" else v


# --- risk report (printed only; the output depends on DENYLIST, never on these word lists)

def hunspell_words(paths):
    words = set()
    for p in paths:
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8", errors="replace") as f:
            next(f, None)
            for line in f:
                w = line.split("/")[0].strip()
                if w and w[0].islower():
                    words.add(fold(w))
    return words


def kb_keys(data):
    """Folded names already in the knowledge base, with their kind (people, countries, orgs, seats)."""
    keys = {}
    _, people = read_tsv(os.path.join(data, "people.tsv"))
    for r in people:
        for n in [r["name_en"]] + split_names(r.get("names", "")):
            keys.setdefault(fold(n), "person " + r["id"])
    _, countries = read_tsv(os.path.join(data, "countries.tsv"))
    for r in countries:
        for col in ("name_en", "names_en", "name_fr", "names_fr"):
            for n in split_names(r.get(col, "")):
                keys.setdefault(fold(n), "country " + r["iso3"])
        for col in ("adj_fr", "adj_en"):
            for n in split_names(r.get(col, "")):
                keys.setdefault(fold(n), "ADJECTIVE of " + r["iso3"] + " (the place would win)")
    for fn, kind in (("orgs.tsv", "org"), ("seats.tsv", "seat")):
        _, rows = read_tsv(os.path.join(data, fn))
        for r in rows:
            for n in [r["name_en"]] + split_names(r.get("names", "")):
                keys.setdefault(fold(n), kind + " " + r["name_en"])
    given = {}
    for r in people:
        toks = r["name_en"].split()
        if len(toks) > 1:
            given.setdefault(fold(toks[0]), r["id"])
    return keys, given


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cities", help="cities.compiled extracted with gresource")
    ap.add_argument("--lib", help="libgeonames.so.0.3.0 (runs gresource extract on it)")
    ap.add_argument("--mo", default="/usr/share/locale/fr/LC_MESSAGES/geonames.mo")
    ap.add_argument("--extra", default=os.path.join(ROOT, "scripts", "places_extra.tsv"))
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--no-check", action="store_true", help="do not check the pinned SHA-256")
    ap.add_argument("--quiet", action="store_true", help="print only the summary on stderr")
    args = ap.parse_args()
    check = not args.no_check
    log = sys.stderr

    if args.cities:
        check_pin(args.cities, "cities", check)
        buf = open(args.cities, "rb").read()
    elif args.lib:
        check_pin(args.lib, "lib", check)
        buf = subprocess.run(["gresource", "extract", args.lib, "/com/lomiri/geonames/cities.compiled"],
                             check=True, stdout=subprocess.PIPE).stdout
        if check and hashlib.sha256(buf).hexdigest() != PINNED["cities"]:
            sys.exit("gen_places: extracted cities.compiled differs from the pinned one")
    else:
        sys.exit("gen_places: give --cities or --lib (see the top of this script)")
    check_pin(args.mo, "mo", check)
    french = read_mo(args.mo)
    cities = parse_cities(buf)
    iso3 = icu_iso3()

    _, countries = read_tsv(os.path.join(args.data, "countries.tsv"))
    known = {r["iso3"] for r in countries}
    header, hand = read_tsv(args.extra)
    want = ["name_en", "names", "country", "lat", "lon", "capital", "source"]
    if header != want:
        sys.exit(f"gen_places: {args.extra}: columns must be {want}")

    hand_index = []  # (row, folded names, is_region, lat, lon)
    for r in hand:
        folds = {fold(n) for n in [r["name_en"]] + split_names(r["names"])}
        region = not r["source"].endswith("coordinates approximate)")  # regions, straits: no city centre
        hand_index.append((r, folds, region, float(r["lat"]), float(r["lon"])))

    # Most populous first; ties by geonameid (deterministic). A duplicate keeps the most populous.
    big = sorted((c for c in cities if c["population"] >= MIN_POPULATION),
                 key=lambda c: (-c["population"], int(c["id"])))
    skipped_country, merged, merged_far, denied, dups, kept = [], [], [], [], [], []
    for c in big:
        c["iso3"] = iso3(c["cc"])
        if c["iso3"] not in known:
            skipped_country.append(c)
            continue
        if c["id"] in DENYLIST:
            denied.append(c)
            continue
        fr = french.get(c["id"], "")
        c["fr"] = fr
        names = [c["name"]]
        if fr and fold(fr) != fold(c["name"]) and c["id"] not in DROP_FR_ALIAS:
            names.append(fr)
        short = short_name(c["name"])
        if short and fold(short) not in {fold(n) for n in names}:
            names.append(short)
        c["names"] = names
        folds = {fold(n) for n in names}
        hit, far = None, []
        for r, hf, region, lat, lon in hand_index:
            if r["country"] != c["iso3"]:
                continue
            d = km(c["lat"], c["lon"], lat, lon)
            if (folds & hf and d <= 30) or (d <= 3 and not region):
                hit = (r, d, bool(folds & hf))
                break
            if folds & hf:
                far.append((c, r, d))
        if not hit:
            merged_far.extend(far)
        if hit:
            merged.append((c,) + hit)
            continue
        # The same city twice in geonames ("Iligan" / "Iligan City", "Zhucheng" / "Zhu Cheng City").
        cores = {f.replace(" ", "") for f in folds}
        twin = None
        for k in kept:
            if k["iso3"] == c["iso3"] and cores & k["cores"] and km(c["lat"], c["lon"], k["lat"], k["lon"]) <= 30:
                twin = k
                break
        if twin:
            for n in names:
                if fold(n) not in {fold(x) for x in twin["names"]}:
                    twin["names"].append(n)
            twin["cores"] |= cores
            dups.append((c, twin))
            continue
        c["cores"] = cores
        kept.append(c)

    for pid in sorted(PREFER_FIRST):
        c = next((k for k in kept if k["id"] == pid), None)
        if c is None:
            sys.exit(f"gen_places: PREFER_FIRST {pid} is not among the cities kept")
        folds = {fold(n) for n in c["names"]}
        first = next(i for i, k in enumerate(kept) if folds & {fold(n) for n in k["names"]})
        kept.remove(c)
        kept.insert(first, c)

    used = {(r["name_en"], r["country"]) for r in hand}
    renamed = []
    for c in kept:
        c["name_en"] = c["name"]
        if (c["name_en"], c["iso3"]) in used:
            c["name_en"] = f"{c['name']} ({c['state'] or c['admin1']})"
            renamed.append(c)
            if (c["name_en"], c["iso3"]) in used:
                sys.exit(f"gen_places: cannot make a unique name for {c['name']} in {c['iso3']}")
        used.add((c["name_en"], c["iso3"]))

    out = sys.stdout
    out.write("# GENERATED by scripts/gen_places.py -- DO NOT EDIT: edit scripts/places_extra.tsv (hand rows)\n")
    out.write("# or the script, regenerate (commands at the top of the script) and review the diff.\n")
    out.write("# First the hand-written rows of scripts/places_extra.tsv: capitals of every country in countries.tsv,\n")
    out.write("# big cities, diplomatic venues and regions (coordinates approximate, about ±0.05° for cities).\n")
    out.write(f"# Then every city of {MIN_POPULATION:,} people or more of the geonames.org cities15000 table not already\n")
    out.write("# listed, most populous first, with geonames' English and French names: data from GeoNames\n")
    out.write("# (https://www.geonames.org), licensed CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/),\n")
    out.write("# as shipped by Debian 12 libgeonames0 / libgeonames-common 0.3.0-1; selected, deduplicated against\n")
    out.write("# the hand rows, some risky names left out, coordinates rounded to 0.01°.\n")
    out.write("\t".join(want) + "\n")
    for r in hand:
        out.write("\t".join(r[k] for k in want) + "\n")
    for c in kept:
        names = [n for n in c["names"] if n != c["name_en"]]
        out.write("\t".join([c["name_en"], "|".join(names), c["iso3"], fmt(c["lat"]), fmt(c["lon"]), "0",
                             SOURCE]) + "\n")

    # --- report
    print(f"gen_places: {len(hand)} hand rows + {len(kept)} geonames cities = {len(hand) + len(kept)} places "
          f"({len(big)} geonames cities >= {MIN_POPULATION:,}: {len(merged)} already hand rows, "
          f"{len(denied)} denylisted, {len(skipped_country)} in countries not in countries.tsv)", file=log)
    if args.quiet:
        return
    for c in skipped_country:
        print(f"  skipped (country {c['cc']} not in countries.tsv): {c['name']}", file=log)
    for c, r, d, by_name in merged:
        how = "name" if by_name else "COORDINATES ONLY"
        extra = [n for n in c["names"] if fold(n) not in {fold(x) for x in [r['name_en']] + split_names(r['names'])}]
        print(f"  merged ({how}, {d:.0f} km): {c['name']} [{c['fr']}] {c['iso3']} = hand {r['name_en']}"
              + (f"; names not in the hand row: {'|'.join(extra)}" if extra else ""), file=log)
    for c, r, d in merged_far:
        print(f"  same name, {d:.0f} km from hand row {r['name_en']} ({c['iso3']}): {c['name']} kept apart", file=log)
    for c in denied:
        print(f"  denylisted: {c['name']} {c['iso3']} ({DENYLIST[c['id']]})", file=log)
    for c, k in dups:
        print(f"  geonames duplicate: {c['name']} ({c['population']:,}) merged into {k['name']} {k['iso3']}", file=log)
    for c in renamed:
        print(f"  renamed (same name in the country): {c['name_en']} {c['iso3']}", file=log)

    words = hunspell_words(["/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/fr.dic"])
    keys, given = kb_keys(args.data)
    hand_by_fold = {}
    for r, hf, _, _, _ in hand_index:
        for f in hf:
            hand_by_fold.setdefault(f, []).append(r["name_en"] + " " + r["country"])
    by_fold = {}
    for c in kept:
        for n in c["names"]:
            by_fold.setdefault(fold(n), []).append(c)
    for c in kept:
        for n in c["names"]:
            f = fold(n)
            why = []
            if " " not in f and f in words:
                why.append("a common word")
            if f in given:
                why.append("a given name in people.tsv (" + given[f] + ")")
            if f in keys:
                why.append("also " + keys[f])
            if f in hand_by_fold:
                why.append("also hand row " + ", ".join(hand_by_fold[f]))
            others = sorted({o["iso3"] for o in by_fold[f] if o is not c})
            if others and c["iso3"] not in others:
                why.append("namesake in " + ",".join(others))
            if why:
                print(f"  risk: {n} ({c['name']} {c['iso3']} {c['population']:,}): {'; '.join(why)}", file=log)


if __name__ == "__main__":
    main()
