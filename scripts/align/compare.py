#!/usr/bin/env python3
"""Scores tarjama and the `galechurch` aligner (PyPI) on the same sentences.

Usage (from the repository root, with galechurch in its own venv):

    python3 -m venv /work/venv-align && /work/venv-align/bin/pip install galechurch
    # sample interviews (gold sentences and alignments in corpus/samples/gold):
    cargo run --release -p tarjama-align --example samples -- --dump /tmp/s-full
    cargo run --release -p tarjama-align --example samples -- --length-only --dump /tmp/s-len
    /work/venv-align/bin/python scripts/align/compare.py samples corpus/samples/gold \
        tarjama=/tmp/s-full tarjama-length-only=/tmp/s-len
    # synthetic documents written by the `synthetic` example with --dump DIR:
    /work/venv-align/bin/python scripts/align/compare.py synthetic DIR

For every document the script runs galechurch.align (its default parameters,
c = 1, s2 = 6.8, the original program's bead costs) on the gold sentences,
and scores every system's links against the gold alignment with the
semantics of vecalign's score.py (precision over all predicted links, recall
over two-sided links, strict = exact link, lax = overlapping link), summing
counts over documents. It prints one JSON object per system, and the
galechurch alignment time.
"""

import ast
import json
import sys
import time
from collections import defaultdict
from pathlib import Path


def read_links(path):
    links = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        src, tgt = line.split(":")
        links.append((tuple(ast.literal_eval(src)), tuple(ast.literal_eval(tgt))))
    return links


def counts(gold, test):
    """tp/fp strict and lax of `test` links against `gold` links."""
    gold = {(tuple(sorted(s)), tuple(sorted(t))) for s, t in gold if s or t}
    test = {(tuple(sorted(s)), tuple(sorted(t))) for s, t in test if s or t}
    src_to_tgt = defaultdict(set)
    for s, t in gold:
        for i in s:
            src_to_tgt[i].update(t)
    tps = fps = tpl = fpl = 0
    for s, t in test:
        if (s, t) in gold:
            tps += 1
            tpl += 1
            continue
        fps += 1
        targets = set()
        for i in s:
            targets |= src_to_tgt[i]
        if targets & set(t):
            tpl += 1
        else:
            fpl += 1
    return [tps, fps, tpl, fpl]


class Scorer:
    def __init__(self):
        self.p = [0, 0, 0, 0]
        self.r = [0, 0, 0, 0]

    def add(self, gold, test):
        self.p = [a + b for a, b in zip(self.p, counts(gold, test))]
        two = lambda links: [(s, t) for s, t in links if s and t]
        self.r = [a + b for a, b in zip(self.r, counts(two(test), two(gold)))]

    def scores(self):
        ratio = lambda tp, fp: tp / (tp + fp) if tp + fp else 0.0
        f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
        ps, pl = ratio(self.p[0], self.p[1]), ratio(self.p[2], self.p[3])
        rs, rl = ratio(self.r[0], self.r[1]), ratio(self.r[2], self.r[3])
        return {
            "precision_strict": round(ps, 4),
            "recall_strict": round(rs, 4),
            "f1_strict": round(f1(ps, rs), 4),
            "precision_lax": round(pl, 4),
            "recall_lax": round(rl, 4),
            "f1_lax": round(f1(pl, rl), 4),
        }


def galechurch_links(src, tgt):
    import galechurch

    cells = (len(src) + 1) * (len(tgt) + 1)
    result = galechurch.align(src, tgt, max_block_size=max(50_000_000, cells + 1))
    return [
        (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
        for b in result.beads
    ]


def lines(path):
    text = Path(path).read_text(encoding="utf-8")
    return text.splitlines()


def run(docs, systems):
    """docs: list of (name, src sentences, tgt sentences, gold links)."""
    scorers = {"galechurch": Scorer()}
    for name in systems:
        scorers[name] = Scorer()
    seconds = 0.0
    pairs = 0
    for name, src, tgt, gold in docs:
        start = time.perf_counter()
        links = galechurch_links(src, tgt)
        seconds += time.perf_counter() - start
        pairs += (len(src) + len(tgt)) / 2
        scorers["galechurch"].add(gold, links)
        for system, directory in systems.items():
            test = Path(directory) / f"{name}.test"
            scorers[system].add(gold, read_links(test))
    for system, scorer in scorers.items():
        out = {"system": system, **scorer.scores()}
        if system == "galechurch":
            out["seconds"] = round(seconds, 3)
            out["sentence_pairs_per_second"] = round(pairs / max(seconds, 1e-9))
        print(json.dumps(out))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    mode, directory = argv[1], Path(argv[2])
    systems = dict(arg.split("=", 1) for arg in argv[3:])
    docs = []
    if mode == "samples":
        for gold in sorted(directory.glob("*.align")):
            name = gold.name[: -len(".align")]
            docs.append((
                name,
                lines(directory / f"{name}.ar.sents"),
                lines(directory / f"{name}.en.sents"),
                read_links(gold),
            ))
    elif mode == "synthetic":
        for gold in sorted(directory.glob("*.gold")):
            name = gold.stem
            docs.append((
                name,
                lines(directory / f"{name}.src"),
                lines(directory / f"{name}.tgt"),
                read_links(gold),
            ))
        systems.setdefault("tarjama", str(directory))
    else:
        sys.exit(f"unknown mode {mode!r}\n{__doc__}")
    run(docs, systems)


if __name__ == "__main__":
    main(sys.argv)
