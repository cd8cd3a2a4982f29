#!/bin/bash
# bench/pdf.sh: the cost of reading and checking a PDF (gongkai check: the
# text layer through poppler, the table grid, the recogniser, every rule)
# against pdftotext -layout (the text extraction alone) on the same file,
# both as whole processes, N runs each, in one run.  The issue's bound is
# 1.5.  BUILD=build-pdf N=20 bench/pdf.sh [FILE.pdf…]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
SHARED=${SHARED:-../shared}
N=${N:-20}
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$SHARED"/corpus/*.pdf)
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }

echo "== PDFs, $N runs each: gongkai check vs pdftotext -layout"
printf '%-40s %10s %10s %8s\n' file "pdftotext s" "check s" ratio
sum_w=0 sum_g=0
for f in "${files[@]}"; do
    t0=$(date +%s.%N)
    for ((i = 0; i < N; i++)); do pdftotext -layout "$f" - >/dev/null 2>&1; done
    t1=$(date +%s.%N)
    for ((i = 0; i < N; i++)); do "$GK" check --quiet "$f" >/dev/null 2>&1 || true; done
    t2=$(date +%s.%N)
    read -r w g < <(awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { print b - a, c - b }')
    awk -v f="$(basename "$f")" -v w="$w" -v g="$g" \
        'BEGIN { printf "%-40.40s %10.3f %10.3f %8.2f\n", f, w, g, g / w }'
    sum_w=$(awk -v s="$sum_w" -v x="$w" 'BEGIN { print s + x }')
    sum_g=$(awk -v s="$sum_g" -v x="$g" 'BEGIN { print s + x }')
done
awk -v w="$sum_w" -v g="$sum_g" 'BEGIN { printf "%-40s %10.3f %10.3f %8.2f\n", "all", w, g, g / w }'
