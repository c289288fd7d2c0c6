#!/usr/bin/env python3
"""Writes N pair records (JSONL) for the export measurements, built from
human-translated Arabic-English pairs repeated with variations.

    python3 benches/make_pairs.py 1000000 /tmp/pairs-1m.jsonl \
        ../shared/data/ntrex/ar-en.tsv ../shared/data/flores/ar-en.dev.tsv

Each repetition changes the pair (a code word spelled from the repetition
number in both scripts, every third copy with a trailing clause), so the
output has neither exact nor near duplicates (the near-duplicate key drops
digits, so numbers alone would not do). The data stays outside the
repository (CC BY-SA 4.0).
"""

import json
import sys


LATIN = "bcdfghjklmnpqrstvwxz"
ARABIC = "بتثجحخدذرزسشصضطظعغفق"


def code_word(n: int, letters: str) -> str:
    word = ""
    while True:
        word = letters[n % len(letters)] + word
        n //= len(letters)
        if n == 0:
            return word


def main() -> None:
    n, out_path, *sources = sys.argv[1:]
    n = int(n)
    base = []
    for path in sources:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
                    base.append((cols[0], cols[1], cols[2] if len(cols) > 2 else "flores"))
    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(n):
            ar, en, doc = base[i % len(base)]
            rep = i // len(base)
            if rep:
                ar = f"{ar} ({code_word(rep, ARABIC)})"
                en = f"{en} ({code_word(rep, LATIN)})"
            if rep % 3 == 2:
                ar += " وهذا ما قيل."
                en += " That is what was said."
            record = {
                "translation": {"ar": ar, "en": en},
                "doc": f"{doc}-{rep}",
                "block": i % 50,
                "role": "answer" if i % 5 else "question",
                "idx": {"ar": [i % 1000], "en": [i % 1000]},
                "score": round((i % 1000) / 1000, 3),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
