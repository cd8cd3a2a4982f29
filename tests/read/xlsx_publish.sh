#!/bin/sh
# Publishing from the Excel template (issue 23): both 普陀 2026 templates,
# filled completely by tests/read/publish_template.py, render as PDF, HTML,
# XLSX and Markdown that check with 0 errors and 0 warnings, hold every
# prose sheet's text in the template's order, and never say 【待填写】; one
# planted inconsistency makes render refuse, naming it.  The blank workbooks
# of `gongkai template budget|final [--unit]`, filled the same way, do too.
#   xlsx_publish.sh GONGKAI SRC SHARED
GK=$1 SRC=$2 SHARED=$3
T=$SHARED/corpus/templates
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT
fail=0
for f in "$T/shpt_2026_dept_budget_template.xlsx" "$T/shpt_2026_unit_budget_template.xlsx"; do
    if [ ! -f "$f" ]; then echo "skip: $f absent"; continue; fi
    python3 "$SRC/tests/read/publish_template.py" "$GK" "$f" "$TMP" || fail=1
done
for blank in blank:budget blank:budget-unit blank:final blank:final-unit; do
    python3 "$SRC/tests/read/publish_template.py" "$GK" "$blank" "$TMP" || fail=1
done
exit $fail
