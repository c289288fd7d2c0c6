#!/usr/bin/env python3
"""Check the gold files of the sample corpus against its documents.

For every document pair `NAME.ar.txt` / `NAME.en.txt` in this directory:
- `gold/NAME.LANG.sents` exists, has no empty line and no line with
  surrounding whitespace or a leading Q/A marker or bullet glyph;
- every sentence occurs in the document (BOM removed, CRLF read as LF,
  NBSP and zero-width characters taken literally), in order, without
  overlap, and the text between consecutive sentences is only whitespace,
  Q/A markers and bullet glyphs (so no sentence of the document is missing);
- `gold/NAME.align` has one `[i,...]:[j,...]` link per line, indices are
  contiguous within a link, increase from link to link, and every sentence
  index of both sides appears in exactly one link.
Prints per-document and total counts; exits 1 on any problem.

Usage: python3 check_gold.py [DIR]   (DIR defaults to this script's folder)
"""

import os
import re
import sys
from collections import Counter

MARKERS = r"(?:Question:|Answer:|Q:|Q\.|A:|سؤال:|جواب:|س:|ج:|[-–•*·](?=\s))"
LEADING_MARKER = re.compile(r"^" + MARKERS)
GAP = re.compile(r"^(?:\s|" + MARKERS + r")*$")
LINK = re.compile(r"^\[([0-9,]*)\]:\[([0-9,]*)\]$")


def read_doc(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def check_sents(doc_path, sents_path, errors):
    text = read_doc(doc_path)
    with open(sents_path, encoding="utf-8", newline="") as f:
        content = f.read()
    if "\r" in content:
        errors.append(f"{sents_path}: carriage return in gold file")
    if not content.endswith("\n"):
        errors.append(f"{sents_path}: missing final newline")
    sents = content.split("\n")[:-1]
    pos = 0
    for i, sent in enumerate(sents):
        where = f"{sents_path}:{i + 1}"
        if not sent:
            errors.append(f"{where}: empty sentence")
            continue
        if sent != sent.strip():
            errors.append(f"{where}: surrounding whitespace")
        if LEADING_MARKER.match(sent):
            errors.append(f"{where}: leading marker not removed")
        found = text.find(sent, pos)
        if found < 0:
            errors.append(f"{where}: not found in document after offset "
                          f"{pos}: {sent[:60]!r}")
            continue
        gap = text[pos:found]
        if not GAP.match(gap):
            errors.append(f"{where}: uncovered document text before it: "
                          f"{gap.strip()[:60]!r}")
        pos = found + len(sent)
    if not GAP.match(text[pos:]):
        errors.append(f"{sents_path}: uncovered text at end of document: "
                      f"{text[pos:].strip()[:60]!r}")
    return len(sents)


def check_align(path, n_src, n_tgt, errors):
    types = Counter()
    seen = {"src": [], "tgt": []}
    last = {"src": -1, "tgt": -1}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        where = f"{path}:{lineno}"
        m = LINK.match(line)
        if not m:
            errors.append(f"{where}: not a link: {line!r}")
            continue
        sides = {}
        for key, group, n in (("src", m.group(1), n_src),
                              ("tgt", m.group(2), n_tgt)):
            idx = [int(x) for x in group.split(",")] if group else []
            sides[key] = idx
            for k, i in enumerate(idx):
                if i >= n:
                    errors.append(f"{where}: {key} index {i} out of range")
                if k and i != idx[k - 1] + 1:
                    errors.append(f"{where}: {key} indices not contiguous")
            if idx:
                if idx[0] <= last[key]:
                    errors.append(f"{where}: {key} link out of order")
                last[key] = idx[-1]
            seen[key].extend(idx)
        if not sides["src"] and not sides["tgt"]:
            errors.append(f"{where}: empty link")
        types[f"{len(sides['src'])}-{len(sides['tgt'])}"] += 1
    for key, n in (("src", n_src), ("tgt", n_tgt)):
        counts = Counter(seen[key])
        for i in range(n):
            if counts[i] != 1:
                errors.append(f"{path}: {key} sentence {i} in "
                              f"{counts[i]} links")
    return types


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    names = sorted(n[: -len(".ar.txt")] for n in os.listdir(root)
                   if n.endswith(".ar.txt"))
    errors = []
    total = Counter()
    total_types = Counter()
    order = ["1-1", "1-2", "2-1", "2-2", "1-0", "0-1"]
    print(f"{'document':32} {'ar':>5} {'en':>5} {'links':>6}  "
          + " ".join(f"{t:>4}" for t in order))
    for name in names:
        paths = {lang: os.path.join(root, f"{name}.{lang}.txt")
                 for lang in ("ar", "en")}
        if not os.path.exists(paths["en"]):
            errors.append(f"{name}: no English document")
            continue
        gold = os.path.join(root, "gold")
        n = {}
        for lang in ("ar", "en"):
            sents = os.path.join(gold, f"{name}.{lang}.sents")
            if not os.path.exists(sents):
                errors.append(f"{sents}: missing")
                n[lang] = 0
                continue
            n[lang] = check_sents(paths[lang], sents, errors)
        align = os.path.join(gold, f"{name}.align")
        if not os.path.exists(align):
            errors.append(f"{align}: missing")
            continue
        types = check_align(align, n["ar"], n["en"], errors)
        links = sum(types.values())
        print(f"{name:32} {n['ar']:5} {n['en']:5} {links:6}  "
              + " ".join(f"{types[t]:4}" for t in order)
              + "".join(f"  {t}:{c}" for t, c in sorted(types.items())
                        if t not in order))
        total.update({"docs": 1, "ar": n["ar"], "en": n["en"],
                      "links": links})
        total_types.update(types)
    print(f"{'total (' + str(total['docs']) + ' documents)':32} "
          f"{total['ar']:5} {total['en']:5} {total['links']:6}  "
          + " ".join(f"{total_types[t]:4}" for t in order)
          + "".join(f"  {t}:{c}" for t, c in sorted(total_types.items())
                    if t not in order))
    pairs = sum(c for t, c in total_types.items()
                if not t.startswith("0-") and not t.endswith("-0"))
    print(f"sentence pairs (links with both sides non-empty): {pairs}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("gold files OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
