#!/usr/bin/env python3
"""arabic-norm peer (Rust core behind PyO3), stdin to stdout.

    arabic_norm_normalize.py          normalize_batch over all lines (its fastest
                                      API; parallel unless RAYON_NUM_THREADS=1)
    arabic_norm_normalize.py --lines  normalize() line by line

Options: tashkeel, tatweel, alif, ya and ta marbuta folding (ta_marbuta=True,
closest to tarjama's search profile). Install: pip install arabic-norm
"""
import sys

import arabic_norm


def main():
    data = sys.stdin.buffer.read().decode("utf-8")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if "--lines" in sys.argv:
        out = [arabic_norm.normalize(line, ta_marbuta=True) for line in lines]
    else:
        out = arabic_norm.normalize_batch(lines, ta_marbuta=True)
    sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
