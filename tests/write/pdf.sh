#!/bin/bash
# The PDF writer through `gongkai render X -o out.pdf`, checked with
# poppler-utils (pdfinfo, pdffonts, pdftotext) and python3:
#   - metadata, page count, fonts all embedded;
#   - the tables' titles and figures in the text layer;
#   - every 目录 line's page number is the page its heading or table is on;
#   - the outline holds every heading and table, nested;
#   - a table longer than a page repeats its header rows on the next;
#   - a write failure and a missing font give exit 2 and a message.
# The round trip (`gongkai parse` of the PDF gives the input's tables, every
# row and cell) is roundtrip.sh's, ctest roundtrip_pdf.
#   pdf.sh GONGKAI SOURCE_DIR
set -u
GK=$1
SRC=$2
DIR=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

for tool in pdfinfo pdffonts pdftotext python3; do
    command -v $tool >/dev/null || { echo "pdf.sh: $tool is missing (poppler-utils, python3)" >&2; exit 1; }
done

# render NAME INPUT: out in $TMP/NAME.pdf
render() {
    local out
    if out=$("$GK" render "$2" -o "$TMP/$1.pdf" 2>&1); then ok; else bad "render $2: $out"; return 1; fi
    head -c 5 "$TMP/$1.pdf" | grep -q '^%PDF-' && ok || bad "$1.pdf does not start with %PDF-"
}

# info NAME FIELD: a pdfinfo field
info() { pdfinfo "$TMP/$1.pdf" 2>/dev/null | sed -n "s/^$2: *//p"; }

# fonts NAME: every font embedded, at least two (sans and bold), all Noto CJK
fonts() {
    local list
    list=$(pdffonts "$TMP/$1.pdf" 2>&1 | tail -n +3)
    local n no
    n=$(grep -c . <<<"$list")
    no=$(awk '{ if ($(NF-4) != "yes") print }' <<<"$list" | grep -c .)
    [ "$n" -ge 2 ] && [ "$no" = 0 ] && ! grep -qv 'NotoS[a-z]*CJK' <<<"$list"
}

# toc NAME: each 目录 line "entry ..... N" names text found on page N.
# Prints the number of entries checked; fails on the first wrong one.
toc() {
    python3 - "$TMP/$1.pdf" <<'EOF'
import re, subprocess, sys
pdf = sys.argv[1]
def text(first, last):
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-layout", pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
squash = lambda s: re.sub(r"\s+", "", s)
entries, page = [], 2
while page < 6:
    found = [m.groups() for m in re.finditer(r"^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$", text(page, page), re.M)]
    if not found:
        break
    entries += found
    page += 1
if len(entries) < 10:
    sys.exit(f"only {len(entries)} 目录 entries found")
for entry, num in entries:
    on_page = squash(text(int(num), int(num)))
    name = squash(entry)
    bare = re.sub(r"^[一二三四五六七八九十]+、", "", name)   # tables are numbered in the 目录
    if name not in on_page and bare not in on_page:
        sys.exit(f"目录 entry '{entry}' says page {num}, but it is not there")
print(len(entries))
EOF
}

# outline NAME MIN: the outline has at least MIN items, the first one
# "第一部分 部门概况", and items nested under others.
outline() {
    python3 - "$TMP/$1.pdf" "$2" <<'EOF'
import re, sys, zlib
data = open(sys.argv[1], "rb").read()
def objects():
    for m in re.finditer(rb"\d+ 0 obj(.*?)endobj", data, re.S):
        body = m.group(1)
        if b"stream" in body and b"/FlateDecode" in body:
            continue
        yield body
def title(body):
    m = re.search(rb"/Title\s*(<([0-9A-Fa-f]+)>|\((.*?)\)\s*/)", body, re.S)
    if not m:
        return None
    if m.group(2):
        return bytes.fromhex(m.group(2).decode()).decode("utf-16")
    raw = m.group(3)
    return raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
if b"/Outlines" not in data:
    sys.exit("no /Outlines in the catalog")
items = [(title(b), b) for b in objects() if b"/Parent" in b and b"/Title" in b]
titles = [t for t, _ in items]
if len(items) < int(sys.argv[2]):
    sys.exit(f"{len(items)} outline items, want ≥ {sys.argv[2]}")
if "第一部分 部门概况" not in titles:
    sys.exit("no outline item 第一部分 部门概况: " + repr(titles[:5]))
if not any(b"/First" in b for _, b in items):
    sys.exit("outline items are not nested")
print(len(items))
EOF
}

# ---- The two example documents ------------------------------------------------
render final "$SRC/examples/final-2024.txt"
render budget "$SRC/examples/budget-2025.txt"

check "final: title" test "$(info final Title)" = "示例县医疗保障局2024年度部门决算"
check "budget: title" test "$(info budget Title)" = "示例县医疗保障局2025年部门预算"
check "final: author" test "$(info final Author)" = "示例县医疗保障局"
check "final: creator" test "$(info final Creator)" = "gongkai"
check "final: subject" test "$(info final Subject)" = "2024年度部门决算公开"
check "final: creation date" grep -q 20 <<<"$(info final CreationDate)"
check "final: A4" grep -q "^595.* x 841.* pts (A4)" <<<"$(info final 'Page size')"
check "final: > 15 pages" test "$(info final Pages)" -gt 15
check "budget: > 10 pages" test "$(info budget Pages)" -gt 10
check "final: fonts embedded" fonts final
check "budget: fonts embedded" fonts budget

pdftotext "$TMP/final.pdf" "$TMP/final.txt" && ok || bad "pdftotext final"
pdftotext "$TMP/budget.pdf" "$TMP/budget.txt" && ok || bad "pdftotext budget"
for t in 收入支出决算总表 收入决算表 支出决算表 财政拨款收入支出决算总表 一般公共预算财政拨款支出决算表 \
         一般公共预算财政拨款基本支出决算表 机关运行经费支出情况表 政府采购支出情况表 公开01表 金额单位：万元; do
    check "final: '$t' in the text" grep -q "$t" "$TMP/final.txt"
done
for t in 收支预算总表 收入预算表 支出预算表 财政拨款收支预算总表; do
    check "budget: '$t' in the text" grep -q "$t" "$TMP/budget.txt"
done
for a in 451.53 443.23 464.03 137.17 408.94; do
    check "final: amount $a in the text" grep -q "$a" "$TMP/final.txt"
done
check "final: the 目录 is there" bash -c "tr -d '\\f' <'$TMP/final.txt' | grep -qx 目录"
check "final: page numbers are not text (footers)" bash -c "! grep -q '^- [0-9]* -$' '$TMP/final.txt'"
n=$(toc final) && ok && echo "目录 entries checked (final): $n" || bad "final 目录: $n"
n=$(toc budget) && ok || bad "budget 目录: $n"
n=$(outline final 30) && ok && echo "outline items (final): $n" || bad "final outline: $n"
n=$(outline budget 20) && ok || bad "budget outline: $n"

# ---- A table longer than a page: its header again on every page ------------------
python3 - "$SRC/examples/final-2024.txt" "$GK" "$TMP/long.json" <<'EOF'
import json, subprocess, sys
src, gk, out = sys.argv[1:]
r = json.loads(subprocess.run([gk, "parse", src], capture_output=True, text=True).stdout)
t = next(t for t in r["tables"] if t["kind"] == "expense")
t["rows"] = t["rows"][:1] + [
    {"code": f"2{k:06d}", "label": f"测试项目{k}", "cells": {"本年支出合计": f"{k}.00", "基本支出": f"{k}.00"}}
    for k in range(1, 121)]
json.dump(r, open(out, "w"), ensure_ascii=False)
EOF
if render long "$TMP/long.json"; then
    pages=$(python3 - "$TMP/long.pdf" <<'EOF'
import subprocess, sys
pdf = sys.argv[1]
n = int(next(l.split()[-1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")))
on = []
for p in range(1, n + 1):
    t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
    if "测试项目" in t:
        on.append((p, "本年支出合计" in t.replace("\n", "").replace(" ", "") or "本年支出" in t))
print(len(on), sum(1 for _, h in on if h))
EOF
)
    set -- $pages
    echo "long table: on $1 pages, header on $2"
    check "long table: on ≥ 3 pages ($pages)" test "${1:-0}" -ge 3
    check "long table: header on each of its pages ($pages)" test "${1:-0}" = "${2:-x}"
fi

# ---- A row taller than a page: its lines go on to the next pages ------------------
# One name of 3,000 characters in the 支出决算表: every line of it is on a
# page, inside the text frame, under the header repeated, and none is lost.
python3 - "$SRC/examples/final-2024.txt" "$GK" "$TMP/tall.json" <<'EOF'
import json, subprocess, sys
src, gk, out = sys.argv[1:]
r = json.loads(subprocess.run([gk, "parse", src], capture_output=True, text=True).stdout)
t = next(t for t in r["tables"] if t["kind"] == "expense")
t["rows"].insert(1, {"code": "2019999", "label": "超长名称" + "甲乙丙丁戊己庚辛壬癸" * 300,
                     "cells": {"本年支出合计": "1.00", "基本支出": "1.00"}})
json.dump(r, open(out, "w"), ensure_ascii=False)
EOF
if render tall "$TMP/tall.json"; then
    out=$(python3 - "$TMP/tall.pdf" <<'EOF'
import re, subprocess, sys
pdf = sys.argv[1]
html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
chars, pages, headed, outside = 0, 0, 0, 0
for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
    h = float(page[1])
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page[2])
    mine = [w for w in words if "甲" in w[2] or "癸" in w[2]]
    if not mine:
        continue
    pages += 1
    headed += any(w[2] == "项目" for w in words)
    outside += sum(1 for w in mine if float(w[0]) < 0 or float(w[1]) > h - 60)
    chars += sum(w[2].count("甲") for w in mine)
print(pages, headed, outside, chars)
EOF
)
    set -- $out
    echo "tall row: on $1 pages, header on $2, lines past the foot $3, 甲 $4/300"
    check "tall row: on ≥ 2 pages ($out)" test "${1:-0}" -ge 2
    check "tall row: header on each of its pages ($out)" test "${1:-0}" = "${2:-x}"
    check "tall row: no line past the foot ($out)" test "${3:-x}" = 0
    check "tall row: every character on a page ($out)" test "${4:-0}" = 300
fi

# ---- Failures ---------------------------------------------------------------------
# A write failure (the file size limit: EFBIG) → exit 2, nothing left behind.
out=$( (trap '' XFSZ; ulimit -f 32; "$GK" render "$SRC/examples/final-2024.txt" -o "$TMP/cut.pdf") 2>&1)
status=$?
check "write failure: exit 2 (got $status)" test "$status" = 2
check "write failure: message ($out)" grep -q "写入 PDF 失败" <<<"$out"
check "write failure: no file left" bash -c "! ls '$TMP' | grep -q '^cut.pdf'"
# No Noto CJK font (fontconfig with no font folders) → exit 2 and which package.
mkdir -p "$TMP/fc"
cat >"$TMP/fc/fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig><cachedir>$TMP/fc/cache</cachedir></fontconfig>
EOF
out=$(FONTCONFIG_FILE="$TMP/fc/fonts.conf" "$GK" render "$SRC/examples/final-2024.txt" -o "$TMP/nofont.pdf" 2>&1)
status=$?
check "no font: exit 2 (got $status)" test "$status" = 2
check "no font: message ($out)" grep -q "缺少 PDF 所需字体 Noto Sans CJK SC.*fonts-noto-cjk" <<<"$out"

echo "write_pdf: $pass passed, $fail failed"
[ "$fail" = 0 ]
