#!/usr/bin/env python3
"""Sentence-boundary precision, recall and F1 against the gold sentence
files of the sample corpus, for tarjama and baseline splitters.

Definition. For a document side, remove from the text of every sentence
all white space and invisible format characters (Unicode categories Zs, Zl,
Zp, Cc and Cf: NBSP, zero-width characters, directional marks, BOM) and
concatenate the sentences in order: this is the normalized stream, the
same for every splitter that covers the same text. A boundary is the
offset in the normalized stream where a sentence ends, the end of the
document excluded. With G the gold boundaries and S a splitter's,
precision = |G & S| / |S|, recall = |G & S| / |G|, F1 their harmonic mean,
micro-averaged over all documents of a language. A splitter whose
normalized stream differs from gold (it dropped or added text) is reported
and its document skipped.

Splitters:
  tarjama  Document::parse (example `sentences tarjama`).
  uax      the same blocks split by bare UAX #29 (unicode-segmentation).
  naive    each line (markers stripped) split after . ? ! ؟ … followed
           by white space.
  pysbd    pysbd 0.3.4 (PyPI) on each line (markers stripped), clean=False;
           both languages (pysbd has Arabic rules).
The baselines get the line structure (one paragraph per line) and marker
stripping for free, so only sentence-boundary skill is compared.

Usage: boundary_f1.py SAMPLES_DIR SENTENCES_BIN
  (SENTENCES_BIN = target/release/examples/sentences)
"""

import os
import re
import subprocess
import sys
import unicodedata

MARKERS = re.compile(
    r"^(?:Question:|Answer:|Q:|Q\.|A:|سؤال:|جواب:|س:|ج:|[-–•*·](?=\s))\s*"
)
NAIVE = re.compile(r"(?<=[.!?؟…])\s+")


def normalize(s):
    return "".join(
        c for c in s
        if not c.isspace() and unicodedata.category(c) not in
        ("Zs", "Zl", "Zp", "Cc", "Cf")
    )


def boundaries(sentences):
    out, pos = set(), 0
    for s in sentences:
        pos += len(normalize(s))
        out.add(pos)
    out.discard(pos)
    return out, pos


def lines_of(text):
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    for line in text.split("\n"):
        line = line.strip()
        if line:
            yield MARKERS.sub("", line, count=1).strip()


def naive(text, lang):
    return [s for line in lines_of(text) for s in NAIVE.split(line) if s.strip()]


_PYSBD = {}


def pysbd_split(text, lang):
    import pysbd
    seg = _PYSBD.setdefault(lang, pysbd.Segmenter(language=lang, clean=False))
    return [s for line in lines_of(text) for s in seg.segment(line) if s.strip()]


def rust(binary, mode):
    def split(path, lang):
        out = subprocess.run([binary, mode, lang, path], check=True,
                             capture_output=True, text=True).stdout
        return out.split("\n")[:-1]
    return split


def main():
    samples, binary = sys.argv[1], sys.argv[2]
    docs = sorted(f for f in os.listdir(samples) if f.endswith(".txt"))
    systems = {
        "tarjama": ("path", rust(binary, "tarjama")),
        "uax": ("path", rust(binary, "uax")),
        "naive": ("text", naive),
        "pysbd": ("text", pysbd_split),
    }
    for lang in ("ar", "en"):
        names = [d for d in docs if d.endswith(f".{lang}.txt")]
        n_gold = sum(
            len(open(os.path.join(samples, "gold", d[:-4] + ".sents"),
                     encoding="utf-8").read().split("\n")[:-1])
            for d in names)
        print(f"== {lang}: {len(names)} documents, {n_gold} gold sentences")
        print(f"{'system':8} {'P':>7} {'R':>7} {'F1':>7}  {'tp':>5} {'fp':>4} {'fn':>4}")
        for system, (kind, split) in systems.items():
            tp = fp = fn = skipped = 0
            for d in names:
                path = os.path.join(samples, d)
                gold = open(os.path.join(samples, "gold", d[:-4] + ".sents"),
                            encoding="utf-8").read().split("\n")[:-1]
                text = open(path, encoding="utf-8").read()
                hyp = split(path, lang) if kind == "path" else split(text, lang)
                g, g_len = boundaries(gold)
                h, h_len = boundaries(hyp)
                if g_len != h_len:
                    print(f"  {system}: {d}: text differs from gold, skipped",
                          file=sys.stderr)
                    skipped += 1
                    continue
                tp += len(g & h)
                fp += len(h - g)
                fn += len(g - h)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            note = f"  ({skipped} skipped)" if skipped else ""
            print(f"{system:8} {p:7.4f} {r:7.4f} {f:7.4f}  {tp:5} {fp:4} {fn:4}{note}")


if __name__ == "__main__":
    main()
