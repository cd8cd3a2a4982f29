#!/bin/bash
# bench/ocr.sh: the cost of reading a scanned table page (gongkai parse
# --ocr always on the page alone: rendering, rules whitened, Tesseract, the
# words re-read, the table grid, the recogniser) against the tesseract
# program on the same page image (the one gongkai hands Tesseract,
# GK_OCR_IMAGE), with the same models and page segmentation, both whole
# processes, N runs each, in one run.  The issue's bound: 3 s a page.
#   BUILD=build N=3 bench/ocr.sh [SCAN.pdf:PAGE…]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
SHARED=${SHARED:-../shared}
N=${N:-3}
pages=("$@")
# Table pages of the three scanned seeds (收入支出决算总表, 支出决算表, 预算收支总表).
[ ${#pages[@]} -gt 0 ] || pages=("$SHARED/corpus/reprint/000_2e4bf1e814f589dd.scan.pdf:3"
                                 "$SHARED/corpus/reprint/002_958243b751db7aa3.scan.pdf:5"
                                 "$SHARED/corpus/reprint/004_a8cda960e0db61c9.scan.pdf:4")
command -v tesseract >/dev/null || { echo "tesseract (Debian tesseract-ocr) is needed" >&2; exit 2; }
command -v pdfseparate >/dev/null || { echo "pdfseparate (poppler-utils) is needed" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export OMP_THREAD_LIMIT=1      # as gongkai sets it for itself

secs() {
    local t0 t1
    t0=$(date +%s.%N)
    for ((i = 0; i < N; i++)); do "$@" >/dev/null 2>&1 || true; done
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v n="$N" 'BEGIN { printf "%.2f", (b - a) / n }'
}

printf "%-44s %10s %10s %6s\n" "page" "gongkai s" "tesseract" "ratio"
for p in "${pages[@]}"; do
    f=${p%:*} n=${p##*:}
    pdfseparate -f "$n" -l "$n" "$f" "$TMP/page.pdf"
    GK_OCR_IMAGE="$TMP/page.pgm" "$GK" parse --ocr always "$TMP/page.pdf" >/dev/null 2>&1 || true
    g=$(secs "$GK" parse --ocr always "$TMP/page.pdf")
    t=$(secs tesseract "$TMP/page.pgm" - -l chi_sim+eng --psm 6)
    printf "%-44s %10s %10s %6s\n" "$(basename "$f"):$n" "$g" "$t" \
        "$(awk -v a="$g" -v b="$t" 'BEGIN { printf "%.2f", a / b }')"
done
