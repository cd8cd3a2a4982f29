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

echo
echo "== whole processes, $ROUNDS runs each: gongkai check vs wc -m"
printf '%-40s %10s %10s %8s\n' file "wc -m s" "check s" ratio
for f in "${files[@]}"; do
    t0=$(date +%s.%N)
    for ((i = 0; i < ROUNDS; i++)); do wc -m "$f" >/dev/null; done
    t1=$(date +%s.%N)
    for ((i = 0; i < ROUNDS; i++)); do "$GK" check --quiet "$f" >/dev/null || true; done
    t2=$(date +%s.%N)
    awk -v f="$(basename "$f")" -v a="$t0" -v b="$t1" -v c="$t2" \
        'BEGIN { w = b - a; g = c - b; printf "%-40.40s %10.3f %10.3f %8.2f\n", f, w, g, g / w }'
done

# PDFs: gongkai check (parse + check) against pdftotext -layout, the text
# extraction alone, on the same file in the same run.
if command -v pdftotext >/dev/null; then
    echo
    echo "== PDFs, $((ROUNDS / 10)) runs each: gongkai check vs pdftotext -layout"
    printf '%-40s %10s %10s %8s\n' file "pdftotext s" "check s" ratio
    for f in "$SHARED"/corpus/*.pdf; do
        n=$((ROUNDS / 10))
        t0=$(date +%s.%N)
        for ((i = 0; i < n; i++)); do pdftotext -layout "$f" - >/dev/null; done
        t1=$(date +%s.%N)
        for ((i = 0; i < n; i++)); do "$GK" check --quiet "$f" >/dev/null || true; done
        t2=$(date +%s.%N)
        awk -v f="$(basename "$f")" -v a="$t0" -v b="$t1" -v c="$t2" \
            'BEGIN { w = b - a; g = c - b; printf "%-40.40s %10.3f %10.3f %8.2f\n", f, w, g, g / w }'
    done
fi
