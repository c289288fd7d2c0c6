#!/bin/sh
# Reproduces every number of docs/benchmarks.md in one run.
# Usage (repository root): sh scripts/align/measure.sh [OUT_DIR]
# Needs ../shared/data (NTREX-128, FLORES-200) and galechurch in
# /work/venv-align (python3 -m venv /work/venv-align &&
# /work/venv-align/bin/pip install galechurch).
set -eu
OUT=${1:-/tmp/tarjama-align-measure}
PY=${PY:-/work/venv-align/bin/python}
NTREX=../shared/data/ntrex/ar-en.tsv
FLORES=../shared/data/flores/ar-en.dev.tsv
rm -rf "$OUT" && mkdir -p "$OUT"
cargo build -q --release -p tarjama-align --examples
BIN=target/release/examples
uptime
echo "== samples"
$BIN/samples --dump "$OUT/s-full" | tail -1
$BIN/samples --length-only --dump "$OUT/s-len" | tail -1
$PY scripts/align/compare.py samples corpus/samples/gold \
    tarjama="$OUT/s-full" tarjama-length-only="$OUT/s-len"
for test in standard heavy; do
    flag=""; [ "$test" = heavy ] && flag=--heavy
    echo "== NTREX $test"
    $BIN/synthetic $NTREX $flag --dump "$OUT/n-$test" --reliability
    $BIN/synthetic $NTREX $flag --length-only --dump "$OUT/n-$test-len"
    $PY scripts/align/compare.py synthetic "$OUT/n-$test" \
        tarjama-length-only="$OUT/n-$test-len"
done
for n in 1000 10000 100000; do
    echo "== scale $n"
    /usr/bin/time -f "user %U s wall %e s maxrss %M KB" \
        $BIN/synthetic $NTREX $FLORES --scale $n --dump "$OUT/scale$n"
done
for n in 1000 10000; do
    echo "== galechurch scale $n"
    /usr/bin/time -f "user %U s wall %e s maxrss %M KB" \
        $PY scripts/align/compare.py synthetic "$OUT/scale$n"
done
