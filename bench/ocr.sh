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
# Table pages of the three scanned seeds (收入支出决算总表, 收入决算表, 预算收支总表).
[ ${#pages[@]} -gt 0 ] || pages=("$SHARED/corpus/reprint/000_2e4bf1e814f589dd.scan.pdf:3"
                                 "$SHARED/corpus/reprint/002_958243b751db7aa3.scan.pdf:13"
                                 "$SHARED/corpus/reprint/004_a8cda960e0db61c9.scan.pdf:4")
command -v tesseract >/dev/null || { echo "tesseract (Debian tesseract-ocr) is needed" >&2; exit 2; }
command -v pdfseparate >/dev/null || { echo "pdfseparate (poppler-utils) is needed" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export OMP_THREAD_LIMIT=1      # as gongkai sets it for itself

# Wall seconds and CPU seconds (user + system) a run, the mean of N: on a
# machine others load, the wall time is theirs too; the CPU time is ours.
secs() {
    local t0 t1 cpu=0 c
    t0=$(date +%s.%N)
    for ((i = 0; i < N; i++)); do
        /usr/bin/time -f "%U %S" -o "$TMP/cpu" "$@" >/dev/null 2>&1 || true
        c=$(awk '{ print $1 + $2 }' "$TMP/cpu")
        cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN { print a + b }')
    done
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v n="$N" -v c="$cpu" 'BEGIN { printf "%.2f %.2f\n", (b - a) / n, c / n }'
}

printf "%-44s %10s %10s %10s %10s %6s\n" "page" "gongkai s" "cpu s" "tesseract" "cpu s" "ratio"
for p in "${pages[@]}"; do
    f=${p%:*} n=${p##*:}
    pdfseparate -f "$n" -l "$n" "$f" "$TMP/page.pdf"
    GK_OCR_IMAGE="$TMP/page.pgm" "$GK" parse --ocr always "$TMP/page.pdf" >/dev/null 2>&1 || true
    read -r g gc < <(secs "$GK" parse --ocr always "$TMP/page.pdf")
    read -r t tc < <(secs tesseract "$TMP/page.pgm" - -l chi_sim+eng --psm 6)
    # the ratio of CPU times (the wall times' too, when the machine is quiet)
    printf "%-44s %10s %10s %10s %10s %6s\n" "$(basename "$f"):$n" "$g" "$gc" "$t" "$tc" \
        "$(awk -v a="$gc" -v b="$tc" 'BEGIN { printf "%.2f", a / b }')"
done
