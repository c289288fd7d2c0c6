#!/usr/bin/env python3
"""Pairwise accuracy of simple baseline keys on the GeoNames names written
by extract.py, for comparison with tarjama's strict and loose keys
(examples/eval_keys.rs computes the same figures).

Usage: baselines.py [--entries] [NAMES.tsv]

A city's names are counted once each by default; with --entries every
line counts, so a name GeoNames lists twice (the main name repeated
among the alternate names) makes a pair with itself. The split counts
distinct Latin names either way.

Keys: `unidecode-lower` (unidecode, then lower case) and `metaphone`
(jellyfish.metaphone of the unidecoded name). For each key and for two
splits (all cities; cities with at most 15 distinct Latin names):
- pairwise precision/recall/F1 over all pairs of Latin names, a pair being
  positive iff both names belong to the same geonameid and predicted
  positive iff their keys are equal;
- Arabic-vs-Latin recall: the share of (Arabic name, Latin name) pairs of
  the same city whose keys are equal.
Pairs are counted per key group, not enumerated. Also prints the speed
of each key (names per second, one thread, by wall clock and by the
thread's CPU time).
"""

import collections
import sys
import time

import jellyfish
from unidecode import unidecode


def load(path, entries):
    cities = collections.defaultdict(lambda: {"latin": [], "arabic": []})
    with open(path, encoding="utf-8") as f:
        for line in f:
            gid, _cc, script, name = line.rstrip("\n").split("\t")
            names = cities[gid][script]
            if entries or name not in names:
                names.append(name)
    return cities


def pairs(n):
    return n * (n - 1) // 2


def scores(cities, key):
    by_key = collections.Counter()
    by_key_city = collections.Counter()
    positives = 0
    ar_hits = ar_total = 0
    for gid, names in cities.items():
        latin_keys = [key(n) for n in names["latin"]]
        positives += pairs(len(latin_keys))
        for k in latin_keys:
            by_key[k] += 1
            by_key_city[(k, gid)] += 1
        arabic_keys = [key(n) for n in names["arabic"]]
        counts = collections.Counter(latin_keys)
        for k in arabic_keys:
            ar_total += len(latin_keys)
            ar_hits += counts[k]
    predicted = sum(pairs(n) for n in by_key.values())
    tp = sum(pairs(n) for n in by_key_city.values())
    p = tp / predicted if predicted else 0.0
    r = tp / positives if positives else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    ar = ar_hits / ar_total if ar_total else 0.0
    return p, r, f, ar


KEYS = {
    "unidecode-lower": lambda s: unidecode(s).lower(),
    "metaphone": lambda s: jellyfish.metaphone(unidecode(s)),
}


def main():
    args = sys.argv[1:]
    entries = "--entries" in args
    args = [a for a in args if a != "--entries"]
    path = args[0] if args else "target/geonames/cities-levant.tsv"
    cities = load(path, entries)
    splits = {
        "all": cities,
        "<=15": {g: n for g, n in cities.items()
                 if len(set(n["latin"])) <= 15},
    }
    print("| key | split | cities | latin names | P | R | F1 | ar-lat recall |")
    print("|---|---|---|---|---|---|---|---|")
    for split, subset in splits.items():
        n_latin = sum(len(n["latin"]) for n in subset.values())
        for name, key in KEYS.items():
            p, r, f, ar = scores(subset, key)
            print(f"| {name} | {split} | {len(subset)} | {n_latin} | "
                  f"{p:.3f} | {r:.3f} | {f:.3f} | {ar:.3f} |")
    # Speed on all names, one thread, 5 rounds.
    names = [n for c in cities.values() for n in c["latin"] + c["arabic"]]
    print()
    for name, key in KEYS.items():
        start = time.perf_counter()
        cpu_start = time.thread_time()
        for _ in range(5):
            for n in names:
                key(n)
        secs = time.perf_counter() - start
        cpu = time.thread_time() - cpu_start
        print(f"{name}: {len(names) * 5 / secs / 1e6:.3f} M names/s wall, "
              f"{len(names) * 5 / cpu / 1e6:.3f} M names/s CPU "
              f"({len(names)} names x 5)")


if __name__ == "__main__":
    main()
