#!/usr/bin/env python3
"""Build the benchmark and conformance inputs for tarjama normalize (not committed).

    make_corpus.py news OUT [--mb 50]   Arabic news prose, ~MB megabytes
    make_corpus.py varied OUT [--lines N]
        news lines plus lines of random characters from every range that the
        normalization profiles touch (presentation forms, marks, Persian letters,
        digits, spaces, controls, Latin with combining marks, compatibility
        characters), for byte-for-byte comparison with CAMeL Tools

The news text is the Arabic column of ../shared/data/*/ar-en.tsv (real news, CC BY-SA
4.0, not copied into the repository), varied with a fixed seed: some lines get
harakat, tatweel, Arabic-Indic digits or NBSP, as real scraped news does.
"""
import argparse
import glob
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "shared", "data")
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]


def news_lines():
    lines = []
    for path in sorted(glob.glob(os.path.join(DATA, "*", "ar-en*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for row in f:
                ar = row.split("\t", 1)[0].strip()
                if ar:
                    lines.append(ar)
    if not lines:
        raise SystemExit(f"no ar-en.tsv files under {DATA}")
    return lines


def vary(line, rng):
    r = rng.random()
    if r < 0.05:  # vowelled
        return "".join(c + rng.choice(HARAKAT) if "\u0621" <= c <= "\u064a" and rng.random() < 0.7 else c for c in line)
    if r < 0.08:  # Arabic-Indic digits
        return line.translate({ord(str(d)): chr(0x0660 + d) for d in range(10)})
    if r < 0.10:  # tatweel and NBSP
        return line.replace("ل", "لـ", 2).replace(" ", "\u00a0", 3)
    return line


def assigned(cp):
    c = chr(cp)
    return unicodedata.category(c) not in ("Cn", "Cs", "Co")


def soup_alphabet():
    ranges = [
        (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF), (0x0020, 0x007E), (0x00A0, 0x017F), (0x0300, 0x036F),
        (0x2000, 0x206F), (0xFB00, 0xFB06), (0xFF01, 0xFF5E), (0x2070, 0x209F),
        (0x2460, 0x24FF), (0x3300, 0x33FF), (0x1100, 0x11FF), (0xAC00, 0xAC40),
        (0x0900, 0x097F), (0x3040, 0x30FF), (0x1E00, 0x1EFF), (0x0370, 0x03FF),
    ]
    return [chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1)
            if assigned(cp) and chr(cp) not in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["news", "varied"])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--lines", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    news = news_lines()
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        if args.kind == "news":
            target = int(args.mb * 1e6)
            written = 0
            while written < target:
                line = vary(rng.choice(news), rng) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
        else:
            alphabet = soup_alphabet()
            arabic = [c for c in alphabet if "\u0600" <= c <= "\u06ff"]
            for i in range(args.lines):
                kind = i % 4
                if kind == 0:
                    line = vary(rng.choice(news), rng)
                elif kind == 1:
                    line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
                elif kind == 2:  # mostly Arabic with marks in odd orders
                    line = "".join(rng.choice(arabic) for _ in range(rng.randint(0, 40)))
                else:  # news with random insertions
                    base = list(rng.choice(news))
                    for _ in range(rng.randint(1, 6)):
                        base.insert(rng.randint(0, len(base)), rng.choice(alphabet))
                    line = "".join(base)
                out.write(line + "\n")


if __name__ == "__main__":
    main()
