#!/bin/bash
# make bench: the cost of reading and checking documents, as a ratio to
# `wc -m` over the same files in the same run (both as whole processes),
# and in-process figures from bench_read.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
SHARED=${SHARED:-../shared}
ROUNDS=${ROUNDS:-200}

files=(examples/final-2024.txt examples/budget-2025.txt)
for f in "$SHARED"/corpus/*.txt; do files+=("$f"); done

echo "== in process ($ROUNDS rounds each)"
"$BUILD"/bench_read "$ROUNDS" "${files[@]}"

# race N FILE BASELINE...: run the baseline command on FILE N times, then
# `gongkai check --quiet FILE` N times; print both times and their ratio.
race() {
    local n=$1 f=$2
    shift 2
    local t0 t1 t2
    t0=$(date +%s.%N)
    for ((i = 0; i < n; i++)); do "$@" "$f" >/dev/null 2>&1; done
    t1=$(date +%s.%N)
    for ((i = 0; i < n; i++)); do "$GK" check --quiet "$f" >/dev/null 2>&1 || true; done
    t2=$(date +%s.%N)
    awk -v f="$(basename "$f")" -v a="$t0" -v b="$t1" -v c="$t2" \
        'BEGIN { w = b - a; g = c - b; printf "%-40.40s %10.3f %10.3f %8.2f\n", f, w, g, g / w }'
}

echo
echo "== whole processes, $ROUNDS runs each: gongkai check vs wc -m"
printf '%-40s %10s %10s %8s\n' file "wc -m s" "check s" ratio
for f in "${files[@]}"; do race "$ROUNDS" "$f" wc -m; done

# PDFs: gongkai check (parse + check) against pdftotext -layout, the text
# extraction alone, on the same file in the same run (bench/pdf.sh).
if command -v pdftotext >/dev/null; then
    echo
    BUILD=$BUILD SHARED=$SHARED N=$((ROUNDS / 10)) bench/pdf.sh
fi
