#!/usr/bin/env python3
"""Render the sample corpus from its authoring sources.

Each `src/NAME.src` holds one interview as parallel blocks; this script
writes `NAME.ar.txt`, `NAME.en.txt` (the documents) and the gold files
`gold/NAME.ar.sents`, `gold/NAME.en.sents`, `gold/NAME.align`.

Source format (UTF-8, one directive per line):
  # ...            comment
  %ar-bom          write the Arabic document with a UTF-8 BOM (also %en-bom)
  %ar-crlf         write the Arabic document with CRLF line ends (also %en-crlf)
  %ar-blank        put a blank line after every paragraph line (also %en-blank)
  @ [SPEC]         start a block; SPEC is a list of links `m-n` consumed in
                   order (Arabic m sentences, English n); when omitted, the
                   block's sentences are linked 1-1 (counts must agree)
  a|TEXT           a line of the Arabic document (empty TEXT = blank line)
  e|TEXT           a line of the English document
In TEXT, `‖` marks a sentence boundary (it is removed from the document;
whitespace around it stays in the document and is trimmed from the
sentences); {NBSP} {NNBSP} {ZWSP} {ZWNJ} {ZWJ} {LRM} {RLM} stand for the
invisible characters. A leading Q/A marker or bullet glyph is removed from
the first sentence of a line, as docs/formats.md asks.

Usage: python3 src/render.py   (from corpus/samples or anywhere)
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TOKENS = {
    "{NBSP}": "\u00a0",
    "{NNBSP}": "\u202f",
    "{ZWSP}": "\u200b",
    "{ZWNJ}": "\u200c",
    "{ZWJ}": "\u200d",
    "{LRM}": "\u200e",
    "{RLM}": "\u200f",
}
BOUNDARY = "\u2016"
MARKER = re.compile(
    r"^\s*(?:Question:|Answer:|Q:|Q\.|A:|سؤال:|جواب:|س:|ج:|[-–•*·](?=\s))"
)


def expand(text):
    for token, char in TOKENS.items():
        text = text.replace(token, char)
    if "{" in text and re.search(r"\{[A-Z]+\}", text):
        raise ValueError(f"unknown token in {text!r}")
    return text


def split_line(text):
    """Return (document line, sentences) for one authored line."""
    pieces = text.split(BOUNDARY)
    doc_line = "".join(pieces)
    sents = []
    for i, piece in enumerate(pieces):
        if i == 0:
            piece = MARKER.sub("", piece, count=1)
        piece = piece.strip()
        if not piece:
            if doc_line.strip():
                raise ValueError(f"empty sentence in {text!r}")
            continue
        sents.append(piece)
    return doc_line, sents


def render(path):
    name = os.path.basename(path)[: -len(".src")]
    opts = set()
    blocks = []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            where = f"{path}:{lineno}"
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("%"):
                opts.add(line[1:].strip())
            elif line.startswith("@"):
                spec = line[1:].split()
                blocks.append({"spec": spec, "a": [], "e": [], "at": where})
            elif line[:2] in ("a|", "e|"):
                if not blocks:
                    raise ValueError(f"{where}: text before first block")
                blocks[-1][line[0]].append(expand(line[2:]))
            else:
                raise ValueError(f"{where}: cannot parse {line!r}")
    docs = {"a": [], "e": []}
    sents = {"a": [], "e": []}
    links = []
    for block in blocks:
        idx = {}
        for side in "ae":
            idx[side] = []
            for text in block[side]:
                doc_line, line_sents = split_line(text)
                docs[side].append(doc_line)
                if f"{'ar' if side == 'a' else 'en'}-blank" in opts and doc_line:
                    docs[side].append("")
                for s in line_sents:
                    idx[side].append(len(sents[side]))
                    sents[side].append(s)
        spec = block["spec"]
        na, ne = len(idx["a"]), len(idx["e"])
        if not spec:
            if na and ne and na != ne:
                raise ValueError(f"{block['at']}: {na} ar vs {ne} en, no spec")
            spec = ["1-1"] * min(na, ne) if na and ne else []
            spec += ["1-0"] * (na if not ne else 0)
            spec += ["0-1"] * (ne if not na else 0)
        ia = ie = 0
        for tok in spec:
            m, n = (int(x) for x in tok.split("-"))
            if ia + m > na or ie + n > ne:
                raise ValueError(f"{block['at']}: spec overruns ({na}, {ne})")
            links.append((idx["a"][ia : ia + m], idx["e"][ie : ie + n]))
            ia += m
            ie += n
        if (ia, ie) != (na, ne):
            raise ValueError(
                f"{block['at']}: spec covers ({ia}, {ie}) of ({na}, {ne})"
            )
    for side, lang in (("a", "ar"), ("e", "en")):
        eol = "\r\n" if f"{lang}-crlf" in opts else "\n"
        body = eol.join(docs[side]).rstrip("\r\n") + eol
        if f"{lang}-bom" in opts:
            body = "\ufeff" + body
        with open(os.path.join(OUT, f"{name}.{lang}.txt"), "w",
                  encoding="utf-8", newline="") as f:
            f.write(body)
        with open(os.path.join(OUT, "gold", f"{name}.{lang}.sents"), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write("".join(s + "\n" for s in sents[side]))
    with open(os.path.join(OUT, "gold", f"{name}.align"), "w",
              encoding="utf-8", newline="\n") as f:
        for a, e in links:
            f.write(f"[{','.join(map(str, a))}]:[{','.join(map(str, e))}]\n")


def main():
    names = sys.argv[1:] or sorted(
        os.path.join(HERE, n) for n in os.listdir(HERE) if n.endswith(".src")
    )
    for path in names:
        render(path)
        print(f"rendered {os.path.basename(path)}")


if __name__ == "__main__":
    main()
