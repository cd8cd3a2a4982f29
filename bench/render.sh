#!/bin/bash
# bench/render.sh — the PDF writer's speed: `gongkai render X -o X.pdf` of a
# ~30-page document, against `chromium --headless --print-to-pdf` of the
# same document's HTML, in the same command.
#
# The document: examples/final-2024.txt with ROWS (default 60) 项 rows in
# each of its 收入, 支出 and 一般公共预算财政拨款支出 tables
# (bench/render_doc.py).  Chromium prints our own page of the same
# document, `gongkai render X -o X.html` (the HTML writer must be built).
# Each command runs ROUNDS (default 10; chromium CHROME_ROUNDS, default 5)
# times; the minimum and the median wall time of a run are printed, and the
# ratio of the medians.
#   BUILD=build ROWS=60 ROUNDS=10 bench/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
ROWS=${ROWS:-60}
ROUNDS=${ROUNDS:-10}
CHROME_ROUNDS=${CHROME_ROUNDS:-5}
[ -x "$GK" ] || { echo "render.sh: build $GK first (make)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 bench/render_doc.py "$GK" . "$ROWS" "$TMP/doc.json"
"$GK" render "$TMP/doc.json" -o "$TMP/doc.pdf"
pages=$(pdfinfo "$TMP/doc.pdf" | sed -n 's/^Pages: *//p')
if ! "$GK" render "$TMP/doc.json" -o "$TMP/doc.html"; then
    echo "render.sh: $GK writes no HTML (the HTML writer is needed for the comparison)" >&2
    exit 2
fi
html="gongkai render -o .html, $(wc -c <"$TMP/doc.html") bytes"

# time_runs N command…: prints "min median" wall seconds of one run.
time_runs() {
    local n=$1 t0 t1
    shift
    for _ in $(seq "$n"); do
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s.%N)
        awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
    done | sort -g | awk '{ t[NR] = $1 } END {
        m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "%.3f %.3f\n", t[1], m }'
}

chrome=$(command -v chromium || command -v chromium-browser || true)
read -r gk_min gk_med < <(time_runs "$ROUNDS" "$GK" render "$TMP/doc.json" -o "$TMP/out.pdf")
echo "document: $ROWS rows per coded table, $pages pages (A4), HTML: $html"
printf '%-44s %8s %8s\n' "command" "min s" "median s"
printf '%-44s %8s %8s\n' "gongkai render → PDF ($ROUNDS runs)" "$gk_min" "$gk_med"
if [ -n "$chrome" ]; then
    read -r ch_min ch_med < <(time_runs "$CHROME_ROUNDS" "$chrome" --headless --no-sandbox \
        --disable-gpu --no-pdf-header-footer --print-to-pdf="$TMP/chrome.pdf" "$TMP/doc.html")
    chrome_pages=$(pdfinfo "$TMP/chrome.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    printf '%-44s %8s %8s\n' "chromium --print-to-pdf ($CHROME_ROUNDS runs, ${chrome_pages:-?} pages)" \
        "$ch_min" "$ch_med"
    awk -v g="$gk_med" -v c="$ch_med" 'BEGIN { printf "chromium ÷ gongkai (medians): %.1f×\n", c / g }'
else
    echo "chromium not installed (Debian package chromium): no comparison"
fi
awk -v g="$gk_med" -v p="$pages" 'BEGIN { printf "gongkai: %.1f ms per page; the bound is 0.3 s for 30 pages: %s\n",
    1000 * g / p, (g * 30 / p <= 0.3 ? "met" : "NOT met") }'
