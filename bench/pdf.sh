#!/bin/bash
# bench/pdf.sh: the cost of reading and checking a PDF (gongkai check: the
# text layer through poppler-glib, the table grid, the recogniser, every
# rule) against pdftotext -layout (the text extraction alone) on the same
# file, both as whole processes, N runs each, in one run.  The issue's bound
# is 1.5.  BASE=other/gongkai adds that build's check to the same run (a
# before/after comparison).
#   BUILD=build-pdf N=20 [BASE=…/gongkai] bench/pdf.sh [FILE.pdf…]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
SHARED=${SHARED:-../shared}
N=${N:-20}
BASE=${BASE:-}
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$SHARED"/corpus/*.pdf)
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }

# seconds for N runs of a command on FILE
runs() {
    local f=$1 t0 t1
    shift
    t0=$(date +%s.%N)
    for ((i = 0; i < N; i++)); do "$@" "$f" >/dev/null 2>&1 || true; done
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}
layout() { pdftotext -layout "$1" -; }

echo "== PDFs, $N runs each: gongkai check vs pdftotext -layout"
if [ -n "$BASE" ]; then
    printf '%-40s %10s %10s %8s %10s %8s\n' file "pdftotext s" "check s" ratio "base s" ratio
else
    printf '%-40s %10s %10s %8s\n' file "pdftotext s" "check s" ratio
fi
tw=0 tg=0 tb=0
for f in "${files[@]}"; do
    w=$(runs "$f" layout)
    g=$(runs "$f" "$GK" check --quiet)
    b=0
    [ -z "$BASE" ] || b=$(runs "$f" "$BASE" check --quiet)
    awk -v f="$(basename "$f")" -v w="$w" -v g="$g" -v b="$b" -v base="$BASE" 'BEGIN {
        printf "%-40.40s %10.3f %10.3f %8.2f", f, w, g, g / w
        if (base != "") printf " %10.3f %8.2f", b, b / w
        printf "\n" }'
    tw=$(awk -v s="$tw" -v x="$w" 'BEGIN { print s + x }')
    tg=$(awk -v s="$tg" -v x="$g" 'BEGIN { print s + x }')
    tb=$(awk -v s="$tb" -v x="$b" 'BEGIN { print s + x }')
done
awk -v w="$tw" -v g="$tg" -v b="$tb" -v base="$BASE" 'BEGIN {
    printf "%-40s %10.3f %10.3f %8.2f", "all", w, g, g / w
    if (base != "") printf " %10.3f %8.2f", b, b / w
    printf "\n" }'
