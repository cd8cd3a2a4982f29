#!/usr/bin/env bash
# Round trips: parse → render → parse gives the same tables, every cell.
#   roundtrip.sh GONGKAI SOURCE_DIR SHARED_DIR FORMAT...
# For each format (md, pdf, xlsx, html), the project's examples, the corpus
# text documents and the corpus PDFs must come back identical (绩效 forms
# and 004's multi-view 单位综合预算 summaries among them: see
# docs/render.md).  Not the blank 2024 决算 template: its 基本支出 table
# reads with 人员经费合计 and 公用经费合计 run into one row, which a
# rendering prints as the two it is.
set -u
GK=$1 SRC=$2 SHARED=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

DOCUMENTS="$SRC/examples/final-2024.txt $SRC/examples/budget-2025.txt $SRC/examples/final-2024-render.json
$SRC/examples/budget-2025-render.json
$SHARED/corpus/sh-putuo-shiquan-2025-final.pages.txt $SHARED/corpus/sh-putuo-yichuan-2025-final.pages.txt
$SHARED/corpus/000_2e4bf1e814f589dd.txt $SHARED/corpus/002_958243b751db7aa3.txt
$SHARED/corpus/004_a8cda960e0db61c9.txt
$(ls "$SHARED"/corpus/*.pdf 2>/dev/null | grep -v 2024-final-template)"

one() {   # one FORMAT FILE
    local fmt=$1 f=$2 name
    name=$(basename "$f")
    [ -f "$f" ] || { echo "skip $name (absent)"; return; }
    "$GK" parse "$f" >"$TMP/a.json" 2>/dev/null
    if ! "$GK" render --force "$f" -o "$TMP/doc.$fmt" 2>"$TMP/err"; then
        echo "FAIL render $name → .$fmt: $(cat "$TMP/err")"; fail=1; return
    fi
    "$GK" parse "$TMP/doc.$fmt" >"$TMP/b.json" 2>/dev/null
    local out
    out=$(python3 "$SRC/tests/write/same_tables.py" "$TMP/a.json" "$TMP/b.json")
    local status=$?
    echo ".$fmt $name: ${out##*$'\n'}"
    if [ "$status" != 0 ]; then
        echo "$out" | head -20
        fail=1
    fi
}

for fmt in "$@"; do
    for f in $DOCUMENTS; do
        one "$fmt" "$f"
    done
done
exit $fail
