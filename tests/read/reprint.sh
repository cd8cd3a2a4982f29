#!/usr/bin/env bash
# Reprints: a text document printed to PDF by a browser (Chromium) and by
# LibreOffice reads as its text does — the same tables, rows and cells.
#   reprint.sh GONGKAI SOURCE_DIR SHARED_DIR
# For each seed document of ../shared/corpus/reprint/ (000, 002, 004), its
# text and each of its PDFs are parsed and compared table by table, cell
# by cell (tests/write/same_tables.py, after tests/read/align_tables.py).
# Every table but the 绩效 forms (perf_*) reads exactly as the text does —
# the same tables, rows, cells, unit, number and empty note — in both
# printings of all three documents: asserted (STRICT below).  Every cell,
# the forms' too, is counted against a floor (FLOOR below: the cells read
# as the text's, of the text's total, raised as the reading gets better);
# the differences left are printed.  The .scan.pdf files (no text layer)
# are OCR work and not read here.
# What is left, all in 绩效 forms (cells not read as the text's), checked
# cell by cell:
#   000 Chromium (24 of 238): the text's two 项目支出绩效自评表 are OCR of a
#       scan, rows of 10 and 11 cells whose level labels stand in different
#       columns from row to row ("绩效指标 | 产出指标 | 数量指标…" beside
#       "绩效指标 | , , , | …"); Chromium sizes the form's columns to that
#       noise, two or three characters wide: 效益指标 straddles the 绩效指标
#       and 一级指标 columns and they read as one ("绩效产出指标指标": the
#       five 产出指标 rows, 10 cells); the 三级指标 cells wrap every two or
#       three characters and three 经济成本指标指标 rows split (6); "指标社会
#       效益指标" (2) is the OCR's noise; and 年度资金总 (the OCR's cut
#       label, 6 cells) wraps "年度" / "资金总" in a column whose other
#       cells are wider, as 004's do below.
#   000 LibreOffice (15): the first form's rows of OCR noise at the top
#       of a page ("11/1-11/2011-/11-/ n", "隹 4.4 4.4 5", "£4.4 23 4.4 5
#       5": figures of several rows run together in one, four rows, 8
#       cells); in the second, the OCR's label "指标社会效益指标" cut by a
#       page break ("指标社会" / "效益指标", 4) and 总分's 95 on the next
#       page, under no column there (1); one 经济成本指标指标 row (2).
#   002 Chromium (3): the form's last two rows, whose text has a cell
#       fewer than the header (its own misprint), printed as a table of
#       their own: 满意度指标's "10" "10" and 总分's "100" stand between
#       指标内容 and 年度指标值, under no column of the form's, and are read
#       as the text there, not as 分值/得分.  (Their lone column of whole
#       numbers no longer anchors rows as 行次 do: it has numbers in two
#       rows of the nine the form scores, and they do not run on.)
#   002 LibreOffice (4): 任务5's 执行率 ("100" / "%" around a label
#       wrapped in three lines), and the two short rows above (满意度
#       指标's 分值 and 得分, 总分's 100): printed as a table of their own,
#       their figures stand where the text's reading by position does not
#       put them.
#   004 Chromium (3): two 项目 forms' "其中:财政拨款 50000.00" and one's
#       "年度资金总额 420000.00": Chromium wraps the forms' label column
#       every two characters ("其中:" / "财政" / "拨款"), across a page
#       break, and the rows merge or split.
#   004 LibreOffice (none): every cell reads as the text's.
# The forms' rows without cells (项目名称, indicator rows: a form's rows
# are its labels, wrapped differently by each printer) differ in the same
# forms, and in 004 LibreOffice's.
set -u
GK=$1 SRC=$2 SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

# document producer floor (cells equal to the text's, of the text's total)
FLOORS="000_2e4bf1e814f589dd chromium 214
000_2e4bf1e814f589dd libreoffice 223
002_958243b751db7aa3 chromium 566
002_958243b751db7aa3 libreoffice 565
004_a8cda960e0db61c9 chromium 90
004_a8cda960e0db61c9 libreoffice 93"

while read -r doc producer floor; do
    txt="$SHARED/corpus/$doc.txt" pdf="$SHARED/corpus/reprint/$doc.$producer.pdf"
    if [ ! -f "$txt" ] || [ ! -f "$pdf" ]; then
        echo "skip $doc.$producer (absent)"
        continue
    fi
    "$GK" parse "$txt" >"$TMP/a.json" 2>/dev/null
    if ! "$GK" parse "$pdf" >"$TMP/b.json" 2>"$TMP/err"; then
        echo "FAIL parse $doc.$producer.pdf: $(cat "$TMP/err")"; fail=1; continue
    fi
    # STRICT: every table but the 绩效 forms, exactly.
    python3 "$SRC/tests/read/align_tables.py" "$TMP/a.json" "$TMP/b.json" "$TMP/a3.json" "$TMP/b3.json" perf_
    if ! strict=$(python3 "$SRC/tests/write/same_tables.py" "$TMP/a3.json" "$TMP/b3.json"); then
        echo "FAIL $doc.$producer.pdf: tables other than the 绩效 forms differ from the text's:"
        echo "$strict" | head -40
        fail=1
    fi
    python3 "$SRC/tests/read/align_tables.py" "$TMP/a.json" "$TMP/b.json" "$TMP/a2.json" "$TMP/b2.json"
    out=$(python3 "$SRC/tests/write/same_tables.py" "$TMP/a2.json" "$TMP/b2.json")
    last=${out##*$'\n'}
    matched=${last#cells }
    matched=${matched%%/*}
    echo "$doc.$producer.pdf: $last (floor $floor)"
    if [ "$matched" -lt "$floor" ]; then
        echo "FAIL $doc.$producer.pdf reads $matched cells as its text, fewer than $floor:"
        echo "$out" | head -40
        fail=1
    elif [ "$out" != "$last" ]; then
        echo "$out" | head -12 | sed 's/^/    /'
    fi
done <<<"$FLOORS"
exit $fail
