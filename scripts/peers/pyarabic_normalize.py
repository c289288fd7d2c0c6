#!/usr/bin/env python3
"""PyArabic peer: pyarabic.normalize.normalize_searchtext line by line (stdin to stdout).

Install: pip install pyarabic
"""
import sys

from pyarabic.normalize import normalize_searchtext


def main():
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8").rstrip("\n")
        out.write(normalize_searchtext(line).encode("utf-8") + b"\n")


if __name__ == "__main__":
    main()
