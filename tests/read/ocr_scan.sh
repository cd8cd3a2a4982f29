#!/usr/bin/env bash
# Scans: the seed texts printed and scanned at 200 dpi (image-only PDFs)
# read by OCR as their texts do — the same tables (kinds), unit and year,
# and cell by cell (tests/write/same_tables.py after
# tests/read/align_tables.py, as tests/read/reprint.sh does for the
# printings with a text layer).
#   ocr_scan.sh GONGKAI SOURCE_DIR SHARED_DIR
# Each scan must read at least FLOOR cells as its text (raised as the
# reading gets better); the differences left are printed.  A minute or so
# a document on a 2-core machine (a second or two a page).
set -u
GK=$1 SRC=$2 SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

# document floor (cells equal to the text's)
FLOORS="000_2e4bf1e814f589dd 0
002_958243b751db7aa3 0
004_a8cda960e0db61c9 0"

while read -r doc floor; do
    txt="$SHARED/corpus/$doc.txt" pdf="$SHARED/corpus/reprint/$doc.scan.pdf"
    if [ ! -f "$txt" ] || [ ! -f "$pdf" ]; then
        echo "skip $doc.scan (absent)"
        continue
    fi
    "$GK" parse "$txt" >"$TMP/a.json" 2>/dev/null
    if ! "$GK" parse --ocr auto "$pdf" >"$TMP/b.json" 2>"$TMP/err"; then
        echo "FAIL parse $doc.scan.pdf: $(cat "$TMP/err")"; fail=1; continue
    fi
    # The same kinds of tables in the same order, the same money unit (元,
# 万元) of each, the same year and kind of document.
    if ! python3 - "$TMP/a.json" "$TMP/b.json" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
bad = []
for k in ("year", "kind"):
    if a.get(k) != b.get(k):
        bad.append(f"{k}: {a.get(k)} != {b.get(k)}")
# The unit's name is text, OCR'd as any text ("土" read "士"): said, not failed.
if a.get("unit") != b.get("unit"):
    print(f"    (unit name: {a.get('unit')} read as {b.get('unit')})")
ka, kb = [t["kind"] for t in a["tables"]], [t["kind"] for t in b["tables"]]
if ka != kb:
    bad.append(f"tables {ka} != {kb}")
for t, u in zip(a["tables"], b["tables"]):
    if t["kind"] == u["kind"] and t.get("unit") != u.get("unit"):
        bad.append(f"{t['kind']}: unit {t.get('unit')} != {u.get('unit')}")
for x in bad:
    print("    " + x)
sys.exit(1 if bad else 0)
PY
    then
        echo "FAIL $doc.scan.pdf: tables, unit or year differ from the text's"; fail=1
    fi
    python3 "$SRC/tests/read/align_tables.py" "$TMP/a.json" "$TMP/b.json" "$TMP/a2.json" "$TMP/b2.json"
    out=$(python3 "$SRC/tests/write/same_tables.py" "$TMP/a2.json" "$TMP/b2.json")
    last=${out##*$'\n'}
    matched=${last#cells }
    matched=${matched%%/*}
    echo "$doc.scan.pdf: $last (floor $floor)"
    if [ "$matched" -lt "$floor" ]; then
        echo "FAIL $doc.scan.pdf reads $matched cells as its text, fewer than $floor:"
        echo "$out" | head -40
        fail=1
    elif [ "$last" != "cells $matched/$matched" ]; then
        echo "$out" | head -40 | sed 's/^/    /'
    fi
done <<<"$FLOORS"
exit $fail
