#!/bin/bash
# The HTML writer through `gongkai render X -o out.html`:
#   - structure (html_check.py): elements closed, head, no external
#     resources, ids unique and links resolved, the 目录 complete, every
#     table row covering the table's columns, one row per source line with
#     a tab per column; the checker is shown to catch broken pages;
#   - the same bytes twice; the cover's date from SOURCE_DATE_EPOCH;
#   - & < > " ' in the data escaped;
#   - reading back: `gongkai parse` of the page gives the input's tables
#     (same_tables.py), every cell, for the examples;
#   - a write failure: exit 2, the reason, no file left;
#   - headless Chromium: no console message, screenshots 1280 and 390 px
#     wide not blank (png_ink.py), at 390 px no sideways scrolling of the
#     page and no text under 12 px, and printed to PDF: A4, the cover alone
#     on page 1, landscape pages for wide tables, the header rows on every
#     page of a long table.
#   html.sh GONGKAI SOURCE_DIR [SHARED_DIR]
# With SHARED_DIR, every corpus document (text and PDF) is rendered and its
# page checked for structure too.
# Exits 77 (skipped) when chromium is not installed and all else passed.
set -u
GK=$1
SRC=$2
SHARED=${3:-}
DIR=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
export SOURCE_DATE_EPOCH=1717200000          # 2024-06-01: the same bytes on any day

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

command -v python3 >/dev/null || { echo "html.sh: python3 is missing" >&2; exit 1; }

# render NAME INPUT: $TMP/NAME.html (FORCE=--force for an input with errors)
render() {
    local out
    if out=$("$GK" render ${FORCE:-} "$2" -o "$TMP/$1.html" 2>&1); then ok; else bad "render $2: $out"; return 1; fi
}
ntables() { "$GK" parse "$1" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["tables"]))'; }

# ---- Structure -----------------------------------------------------------------
render final "$SRC/examples/final-2024.txt"
render budget "$SRC/examples/budget-2025.txt"
check "final: structure" python3 "$DIR/html_check.py" "$TMP/final.html" \
    --title "示例县医疗保障局2024年度部门决算" --tables "$(ntables "$SRC/examples/final-2024.txt")"
check "budget: structure" python3 "$DIR/html_check.py" "$TMP/budget.html" \
    --title "示例县医疗保障局2025年部门预算" --tables "$(ntables "$SRC/examples/budget-2025.txt")"
for t in 收入支出决算总表 公开01表 金额单位：万元 451.53 464.03 '<tr class="total">' \
         '<th scope="row" class="l">卫生健康支出</th>' '<p class="date">2024年6月</p>' \
         '<figure class="chart"' '<nav class="toc"'; do
    check "final: '$t' in the page" grep -qF "$t" "$TMP/final.html"
done

# The corpus: documents of every shape the readers take.
if [ -n "$SHARED" ] && [ -d "$SHARED/corpus" ]; then
    n=0
    for f in "$SHARED"/corpus/*.txt "$SHARED"/corpus/*.pdf; do
        [ -f "$f" ] || continue
        FORCE=--force render corpus "$f" || continue   # published: mistakes and all
        out=$(python3 "$DIR/html_check.py" "$TMP/corpus.html") && ok || bad "$(basename "$f"): $out"
        n=$((n + 1))
    done
    echo "corpus: $n documents rendered and checked"
else
    echo "corpus: not found (${SHARED:-no SHARED_DIR}), not checked"
fi

# The checker catches what it looks for: each broken copy must fail.
broken() {   # broken WHAT SED-SCRIPT
    sed "$2" "$TMP/final.html" >"$TMP/broken.html"
    if python3 "$DIR/html_check.py" "$TMP/broken.html" >/dev/null; then bad "checker missed: $1"; else ok; fi
}
broken "a lost tab" '0,/<td class="r">451.53<\/td>\t/s//<td class="r">451.53<\/td>/'
broken "a wrong colspan" '0,/colspan="2"/s//colspan="3"/'
broken "an unclosed cell" '0,/<\/th>/s///'
broken "a duplicate id" 's/id="sec-2"/id="sec-1"/'
broken "a dead 目录 link" 's/href="#table-3"/href="#table-99"/'
broken "an external image" 's|<main>|<main><img src="http://example.com/x.png" alt="">|'
broken "an unaligned figure" '0,/<td class="r">451.53/s//<td class="l">451.53/'

# ---- The same bytes; the date ----------------------------------------------------
render again "$SRC/examples/final-2024.txt"
check "same bytes twice" cmp -s "$TMP/final.html" "$TMP/again.html"
SOURCE_DATE_EPOCH=1735689600 render later "$SRC/examples/final-2024.txt"   # 2025-01-01
check "date line follows SOURCE_DATE_EPOCH" grep -qF '<p class="date">2025年1月</p>' "$TMP/later.html"
check "only the date line differs" test "$(diff "$TMP/final.html" "$TMP/later.html" | grep -c '^[<>]')" = 2

# ---- Escaping --------------------------------------------------------------------
"$GK" parse "$SRC/examples/final-2024.txt" | python3 -c '
import json, sys
r = json.load(sys.stdin)
r["unit"] = "示例<县>&\"医保\"局'"'"'"
json.dump(r, sys.stdout, ensure_ascii=False)' >"$TMP/odd.json"
if render odd "$TMP/odd.json"; then
    check "odd unit: structure and title" python3 "$DIR/html_check.py" "$TMP/odd.html" \
        --title "示例<县>&\"医保\"局'2024年度部门决算"
    check "odd unit: escaped" grep -qF '示例&lt;县&gt;&amp;&quot;医保&quot;局&#39;' "$TMP/odd.html"
    check "odd unit: never raw" bash -c "! grep -qF '<县>' '$TMP/odd.html'"
fi

# ---- Reading back ------------------------------------------------------------------
# The text reader strips the tags; the tab between cells keeps their
# boundaries (without them: cells 0/226 for final-2024).
for f in final-2024.txt budget-2025.txt final-2024-render.json; do
    "$GK" parse "$SRC/examples/$f" >"$TMP/a.json" 2>/dev/null
    render back "$SRC/examples/$f" || continue
    "$GK" parse "$TMP/back.html" >"$TMP/b.json" 2>/dev/null
    out=$(python3 "$DIR/same_tables.py" "$TMP/a.json" "$TMP/b.json")
    status=$?
    echo "read back $f: ${out##*$'\n'}"
    check "read back $f: ${out##*$'\n'}" test "$status" = 0
done

# ---- A write failure: the file size limit (EFBIG) ------------------------------------
out=$( (trap '' XFSZ; ulimit -f 16; "$GK" render "$SRC/examples/final-2024.txt" -o "$TMP/cut.html") 2>&1)
status=$?
check "write failure: exit 2 (got $status)" test "$status" = 2
check "write failure: message ($out)" grep -q "写入 HTML 失败：文件过大" <<<"$out"
check "write failure: no file left" bash -c "! ls '$TMP' | grep -q '^cut.html'"

# ---- Headless Chromium --------------------------------------------------------------
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "write_html: $pass passed, $fail failed"
    [ "$fail" = 0 ] || exit 1
    echo "SKIP: chromium is not installed (Debian package chromium): the page was not opened in a browser"
    exit 77
fi
SANDBOX=
[ "$(id -u)" = 0 ] && SANDBOX=--no-sandbox     # Chromium refuses root without it

# chrome LOG ARGS…: Chromium's log (console messages included) in $TMP/LOG
chrome() {
    local log=$1
    shift
    timeout 120 "$CHROMIUM" --headless --disable-gpu $SANDBOX --user-data-dir="$TMP/profile" \
        --no-first-run --hide-scrollbars --enable-logging=stderr --v=0 "$@" >/dev/null 2>"$TMP/$log"
}
# console LOG: the console messages, the page's own "gk-measure" line aside
console() { grep -E 'CONSOLE|Uncaught' "$TMP/$1" | grep -v '"gk-measure' || true; }
no_console() {
    local msgs
    msgs=$(console "$1")
    [ -z "$msgs" ] || { echo "$msgs" | head -5 >&2; return 1; }
}

# The console check sees an error when there is one.
printf '<!DOCTYPE html><title>x</title><p>x</p><script>console.error("gk-bad")</script>\n' >"$TMP/bad.html"
chrome bad.log --screenshot="$TMP/bad.png" --window-size=400,300 "file://$TMP/bad.html"
check "console check sees console.error" grep -q 'gk-bad' <<<"$(console bad.log)"
# The ink check sees a blank page.
printf '<!DOCTYPE html><title>x</title>\n' >"$TMP/blank.html"
chrome blank.log --screenshot="$TMP/blank.png" --window-size=400,300 "file://$TMP/blank.html"
check "ink check sees a blank page" bash -c "! python3 '$DIR/png_ink.py' '$TMP/blank.png' 0.3 >/dev/null"

# Desktop width.
for name in final budget; do
    chrome $name.log --screenshot="$TMP/$name-1280.png" --window-size=1280,2000 "file://$TMP/$name.html"
    check "$name: no console message at 1280 px" no_console $name.log
    out=$(python3 "$DIR/png_ink.py" "$TMP/$name-1280.png" 0.3) && ok || bad "$name: blank screenshot at 1280 px ($out)"
    echo "$name at 1280 px: $out"
done

# A phone's width.  Headless Chromium lays a window out at least 500 px
# wide whatever --window-size says, so the page is shown in a 390 px frame.
frame() {   # frame PAGE: a 390 px wide frame around PAGE
    printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>phone</title><style>html, body { margin: 0; } iframe { display: block; width: 390px; height: 2000px; border: 0; }</style></head><body><iframe src="%s"></iframe></body></html>\n' "$1"
}
# Measured in a copy with a script (its one console line is "gk-measure …"):
# the page's width against the frame's, the smallest text, the tables that
# scroll sideways in their own box.
sed 's|</body>|<script>var m = 1e9, s = 0; document.querySelectorAll("p, td, th, li, caption span, figcaption, h1, h2, h3").forEach(function (e) { if (e.textContent.trim()) m = Math.min(m, parseFloat(getComputedStyle(e).fontSize)); }); document.querySelectorAll(".wrap").forEach(function (e) { if (e.scrollWidth > e.clientWidth + 1) s++; }); console.log("gk-measure " + document.documentElement.scrollWidth + " " + innerWidth + " " + m + " " + s);</script></body>|' \
    "$TMP/final.html" >"$TMP/measure.html"
frame measure.html >"$TMP/phone.html"
chrome phone.log --screenshot="$TMP/final-390.png" --window-size=390,2000 "file://$TMP/phone.html"
check "final: no console message at 390 px" no_console phone.log
out=$(python3 "$DIR/png_ink.py" "$TMP/final-390.png" 0.3) && ok || bad "final: blank screenshot at 390 px ($out)"
echo "final at 390 px: $out"
read -r page_w view_w min_font scrolling <<<"$(grep -o '"gk-measure [^"]*' "$TMP/phone.log" | cut -d' ' -f2-)"
echo "final at 390 px: page ${page_w:-?} px wide in ${view_w:-?}, smallest text ${min_font:-?} px, $scrolling tables scroll sideways in their box"
check "390 px: measured" test -n "${page_w:-}"
check "390 px: the page does not scroll sideways (${page_w:-?} > ${view_w:-?})" test "${page_w:-1}" -le "${view_w:-0}"
check "390 px: no text under 12 px (${min_font:-?})" python3 -c "import sys; sys.exit(not float('${min_font:-0}') >= 12)"
check "390 px: wide tables scroll in their box (${scrolling:-0})" test "${scrolling:-0}" -ge 1

# Print.  The long table: 120 rows, over several pages.
"$GK" parse "$SRC/examples/final-2024.txt" | python3 -c '
import json, sys
r = json.load(sys.stdin)
t = next(t for t in r["tables"] if t["kind"] == "expense")
t["rows"] = t["rows"][:1] + [
    {"code": f"2{k:06d}", "label": f"测试项目{k}", "cells": {"本年支出合计": f"{k}.00", "基本支出": f"{k}.00"}}
    for k in range(1, 121)]
json.dump(r, sys.stdout, ensure_ascii=False)' >"$TMP/long.json"
render long "$TMP/long.json"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
    chrome print.log --no-pdf-header-footer --print-to-pdf="$TMP/final.pdf" "file://$TMP/final.html"
    chrome long.log --no-pdf-header-footer --print-to-pdf="$TMP/long.pdf" "file://$TMP/long.html"
    check "print: no console message" no_console print.log
    python3 - "$TMP/final.pdf" "$TMP/long.pdf" <<'EOF' && ok || bad "print"
import re, subprocess, sys
def info(pdf, first=None, last=None):
    args = ["pdfinfo"] + (["-f", str(first), "-l", str(last)] if first else []) + [pdf]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
def text(pdf, page):
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                                             capture_output=True, text=True, check=True).stdout)
final, long = sys.argv[1:]
pages = int(re.search(r"Pages:\s+(\d+)", info(final)).group(1))
sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info(final, 1, pages))
portrait = sum(1 for w, h in sizes if abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2)
landscape = sum(1 for w, h in sizes if abs(float(w) - 842) < 2 and abs(float(h) - 595) < 2)
problems = []
if pages < 12 or portrait + landscape != pages or landscape < 1:
    problems.append(f"{pages} pages: {portrait} A4 portrait, {landscape} A4 landscape")
one, two = text(final, 1), text(final, 2)
if "示例县医疗保障局2024年度部门决算" not in one or "目录" in one or "第一部分" in one:
    problems.append(f"page 1 is not the cover alone: {one[:60]}")
if not two.startswith("目录"):
    problems.append(f"page 2 does not start with 目录: {two[:30]}")
n = int(re.search(r"Pages:\s+(\d+)", info(long)).group(1))
on = [p for p in range(1, n + 1) if "测试项目" in text(long, p)]
headed = [p for p in on if "基本支出" in text(long, p)]
if len(on) < 3 or on != headed:
    problems.append(f"long table on pages {on}, header rows on {headed}")
print(f"print: {pages} pages ({landscape} landscape), the long table on {len(on)} pages, header rows on {len(headed)}")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
EOF
else
    echo "print checks skipped: pdfinfo/pdftotext (poppler-utils) missing"
fi

echo "write_html: $pass passed, $fail failed"
[ "$fail" = 0 ]
