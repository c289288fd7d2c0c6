#!/usr/bin/env python3
"""CAMeL Tools peer for `tarjama normalize --profile camel`: applies
normalize_unicode, dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar and
normalize_teh_marbuta_ar, in that order, line by line (stdin to stdout).

Install: pip install --no-deps camel-tools emoji six
"""
import sys

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)


def camel(line):
    line = normalize_unicode(line)
    line = dediac_ar(line)
    line = normalize_alef_ar(line)
    line = normalize_alef_maksura_ar(line)
    return normalize_teh_marbuta_ar(line)


def main():
    # Split on "\n" only, as tarjama does (Python's text mode would also
    # split on other line separators).
    data = sys.stdin.buffer
    out = sys.stdout.buffer
    for raw in data:
        line = raw.decode("utf-8").rstrip("\n")
        out.write(camel(line).encode("utf-8") + b"\n")


if __name__ == "__main__":
    main()
