#!/bin/bash
# bench/render.sh — the PDF writer's speed: `gongkai render X -o X.pdf` of a
# ~30-page document, against `chromium --headless --print-to-pdf` of the
# same document's HTML, in the same command.
#
# The document: examples/final-2024.txt with ROWS (default 60) 项 rows in
# each of its 收入, 支出 and 一般公共预算财政拨款支出 tables
# (bench/render_doc.py).  The HTML: `gongkai render X -o X.html` when the
# HTML writer is built, else a plain page made from the document's Markdown
# with the same headings, paragraphs and tables (said in the output).
# Each command runs ROUNDS (default 10; chromium CHROME_ROUNDS, default 3)
# times; the best and the mean wall time of a run are printed, and the
# ratio of the means.
#   BUILD=build ROWS=60 ROUNDS=10 bench/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
ROWS=${ROWS:-60}
ROUNDS=${ROUNDS:-10}
CHROME_ROUNDS=${CHROME_ROUNDS:-3}
[ -x "$GK" ] || { echo "render.sh: build $GK first (make)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 bench/render_doc.py "$GK" . "$ROWS" "$TMP/doc.json"
"$GK" render "$TMP/doc.json" -o "$TMP/doc.pdf"
pages=$(pdfinfo "$TMP/doc.pdf" | sed -n 's/^Pages: *//p')
if "$GK" render "$TMP/doc.json" -o "$TMP/doc.html" 2>/dev/null; then
    html="gongkai render -o .html"
else
    "$GK" render "$TMP/doc.json" -o "$TMP/doc.md"
    python3 bench/render_doc.py --html "$TMP/doc.md" "$TMP/doc.html"
    html="hand-made from the document's Markdown (no HTML writer built)"
fi

# time_runs N command…: prints "best mean" wall seconds of one run.
time_runs() {
    local n=$1 best="" sum=0 t0 t1 dt
    shift
    for _ in $(seq "$n"); do
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s.%N)
        dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
        sum=$(awk -v s="$sum" -v d="$dt" 'BEGIN { printf "%.4f", s + d }')
        if [ -z "$best" ] || awk -v d="$dt" -v b="$best" 'BEGIN { exit !(d < b) }'; then
            best=$dt
        fi
    done
    awk -v b="$best" -v s="$sum" -v n="$n" 'BEGIN { printf "%.3f %.3f\n", b, s / n }'
}

chrome=$(command -v chromium || command -v chromium-browser || true)
read -r gk_best gk_mean < <(time_runs "$ROUNDS" "$GK" render "$TMP/doc.json" -o "$TMP/out.pdf")
echo "document: $ROWS rows per coded table, $pages pages (A4), HTML: $html"
printf '%-44s %8s %8s\n' "command" "best s" "mean s"
printf '%-44s %8s %8s\n' "gongkai render → PDF ($ROUNDS runs)" "$gk_best" "$gk_mean"
if [ -n "$chrome" ]; then
    read -r ch_best ch_mean < <(time_runs "$CHROME_ROUNDS" "$chrome" --headless --no-sandbox \
        --disable-gpu --no-pdf-header-footer --print-to-pdf="$TMP/chrome.pdf" "$TMP/doc.html")
    chrome_pages=$(pdfinfo "$TMP/chrome.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    printf '%-44s %8s %8s\n' "chromium --print-to-pdf ($CHROME_ROUNDS runs, ${chrome_pages:-?} pages)" \
        "$ch_best" "$ch_mean"
    awk -v g="$gk_mean" -v c="$ch_mean" 'BEGIN { printf "chromium ÷ gongkai (means): %.1f×\n", c / g }'
else
    echo "chromium not installed (Debian package chromium): no comparison"
fi
awk -v g="$gk_mean" -v p="$pages" 'BEGIN { printf "gongkai: %.1f ms per page; the bound is 0.3 s for 30 pages: %s\n",
    1000 * g / p, (g * 30 / p <= 0.3 ? "met" : "NOT met") }'
