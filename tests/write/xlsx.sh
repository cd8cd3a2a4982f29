#!/bin/bash
# The XLSX writer through `gongkai render X -o out.xlsx`, checked with unzip
# and python3 (zipfile + xml.etree):
#   - the package is sound (unzip -t) and every XML part parses;
#   - the sheets: 封面与说明 first, then one per table in document order,
#     named by the table's number;
#   - on each table sheet: the title merged across the width, the number and
#     the unit, merged header cells, frozen panes under the header rows,
#     header rows repeated in print, A4 fitted to the width, every amount a
#     number in the format of its decimals (0.00) and equal to the table's
#     cell, codes as text;
#   - the cover: the title, every heading and paragraph, a link per table;
#   - the facts of the report on a last sheet, 补充信息 (事项 | 内容);
#   - the document properties (title, author = unit, the generator);
#   - sheet names made valid and unique from awkward table numbers;
#   - a workbook that cannot be made (no temporary directory): exit 2 and
#     the reason, no output left.
# The round trip (parse → render .xlsx → parse, every cell) is
# tests/write/roundtrip.sh (ctest roundtrip_xlsx).
#   xlsx.sh GONGKAI SOURCE_DIR
set -u
GK=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

for tool in unzip python3; do
    command -v $tool >/dev/null || { echo "xlsx.sh: $tool is missing" >&2; exit 1; }
done

# structure NAME SOURCE: render SOURCE to NAME.xlsx and check it against
# `gongkai parse SOURCE`.
structure() {
    local name=$1 src=$2 out
    if ! out=$("$GK" render "$src" -o "$TMP/$name.xlsx" 2>&1); then
        bad "render $src: $out"
        return
    fi
    ok
    if unzip -tq "$TMP/$name.xlsx" >/dev/null 2>&1; then ok; else bad "$name.xlsx: unzip -t fails"; fi
    "$GK" parse "$src" >"$TMP/$name.json" 2>/dev/null
    if out=$(python3 - "$TMP/$name.xlsx" "$TMP/$name.json" <<'EOF' 2>&1
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
z = zipfile.ZipFile(sys.argv[1])
report = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
def expect(cond, what):
    if not cond:
        problems.append(what)

parts = {}
for name in z.namelist():
    if name.endswith(".xml") or name.endswith(".rels"):
        try:
            parts[name] = ET.fromstring(z.read(name))
        except ET.ParseError as e:
            problems.append(f"{name}: {e}")
wb = parts["xl/workbook.xml"]
rels = {r.get("Id"): r.get("Target") for r in parts["xl/_rels/workbook.xml.rels"]}
sheets = [(s.get("name"), "xl/" + rels[s.get(R + "id")]) for s in wb.find(M + "sheets")]
tables = report["tables"]
expect(sheets[0][0] == "封面与说明", f"first sheet {sheets[0][0]}")
facts = report.get("facts") or {}
table_sheets = sheets[1:-1] if facts else sheets[1:]
expect([s[0] for s in table_sheets] == [t.get("number") or t["title"] for t in tables],
       f"sheets {[s[0] for s in sheets]}")
titles = {d.get("localSheetId"): d.text for d in wb.iter(M + "definedName") if d.get("name") == "_xlnm.Print_Titles"}

# Number formats by style index.
styles = parts["xl/styles.xml"]
codes = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(M + "numFmt")}
codes.update({0: "General", 2: "0.00", 1: "0"})
xfs = [int(x.get("numFmtId", 0)) for x in styles.find(M + "cellXfs")]
strings = ["".join(t.text or "" for t in si.iter(M + "t")) for si in parts["xl/sharedStrings.xml"]]

def cells(root):
    out = {}
    for c in root.iter(M + "c"):
        v = c.find(M + "v")
        if v is None:
            continue
        m = re.match(r"([A-Z]+)(\d+)$", c.get("r"))
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        text = strings[int(v.text)] if c.get("t") == "s" else v.text
        out[(int(m.group(2)), col)] = (c.get("t"), text, codes.get(xfs[int(c.get("s", 0))]))
    return out

numbers = header_merges = 0
for i, (t, (name, part)) in enumerate(zip(tables, table_sheets), 1):
    root = parts[part]
    got = cells(root)
    merges = [m.get("ref") for m in root.iter(M + "mergeCell")]
    expect(merges and merges[0].startswith("A1:"), f"{name}: title not merged across ({merges[:1]})")
    expect(got.get((1, 1), (0, ""))[1] == t["title"], f"{name}: title {got.get((1, 1))}")
    if t.get("number"):
        expect(any(r == 2 and v[1] == t["number"] for (r, c), v in got.items()), f"{name}: number")
    pane = root.find(f"{M}sheetViews/{M}sheetView/{M}pane")
    expect(pane is not None and pane.get("state") == "frozen", f"{name}: no frozen pane")
    expect(str(i) in titles, f"{name}: header rows not repeated in print")
    setup = root.find(M + "pageSetup")
    expect(setup is not None and setup.get("paperSize") == "9" and setup.get("fitToHeight") == "0",
           f"{name}: page setup {setup.attrib if setup is not None else None}")
    expect(root.find(f"{M}sheetPr/{M}pageSetUpPr").get("fitToPage") == "1", f"{name}: not fitted")
    header_merges += any(not m.startswith("A1:") for m in merges)
    # Every amount is a number formatted at its decimals and equal to a cell.
    values = {Decimal(v) for row in t["rows"] for v in row["cells"].values() if re.fullmatch(r"-?\d+(\.\d+)?", v)}
    for (r, c), (typ, text, code) in got.items():
        if typ is None:
            numbers += 1
            dec = len(code.split(".")[1]) if code and "." in code else 0
            expect(code and re.fullmatch(r"0(\.0+)?", code), f"{name}!{r},{c}: number format {code}")
            shown = Decimal(text).quantize(Decimal(1).scaleb(-dec))
            expect(shown in values, f"{name}!{r},{c}: {text} shown as {shown} is no cell of the table")
    as_text = {text for typ, text, code in got.values() if typ == "s"}
    missing = [row["code"] for row in t["rows"]  # two-sided tables print no codes
               if row.get("code") and not row.get("side") and row["code"] not in as_text]
    expect(not missing, f"{name}: codes not written as text {missing[:3]}")
expect(numbers > 0, "no amount written as a number")
expect(header_merges >= len(tables) / 2, f"merged header cells on {header_merges} of {len(tables)} sheets")

# The cover: title, headings and paragraphs, a link per table.
cover = parts[sheets[0][1]]
texts = [v[1] for k, v in sorted(cells(cover).items())]
expect(texts and (texts[0].endswith("部门决算") or texts[0].endswith("部门预算")), f"cover title {texts[:1]}")
expect(any(x.startswith("第二部分") for x in texts) and any(x.startswith("第三部分") for x in texts),
       "cover: headings missing")
links = cover.findall(f"{M}hyperlinks/{M}hyperlink")
expect(len(links) == len(tables), f"cover: {len(links)} links for {len(tables)} tables")
expect(all(l.get("location", "").endswith("!A1") for l in links), "cover: links are not to sheets")

core = parts["docProps/core.xml"]
title = core.find("{http://purl.org/dc/elements/1.1/}title")
creator = core.find("{http://purl.org/dc/elements/1.1/}creator")
expect(title is not None and title.text == texts[0], "document title")
expect(creator is not None and report.get("unit") and creator.text == report["unit"], "author = unit")
expect(b"gongkai" in z.read("docProps/custom.xml"), "generator property")

for p in problems[:20]:
    print(p)
# The facts: a last sheet 补充信息, a header row 事项 | 内容, then each fact in order.
if facts:
    got = cells(parts[sheets[-1][1]])
    expect(sheets[-1][0] == "补充信息", f"last sheet {sheets[-1][0]}")
    rows = [(got.get((r, 1), (0, ""))[1], got.get((r, 2), (0, ""))[1]) for r in range(1, len(facts) + 2)]
    expect(rows == [("事项", "内容")] + list(facts.items()), f"facts sheet: {rows[:3]}")
print(f"{len(sheets)} sheets, {numbers} amounts as numbers, {len(facts)} facts")
sys.exit(1 if problems else 0)
EOF
); then ok; echo "$name: $out"; else bad "$name: $out"; fi
}

structure final "$SRC/examples/final-2024.txt"
structure budget "$SRC/examples/budget-2025.txt"
structure render "$SRC/examples/final-2024-render.json"

# Sheet names from awkward table numbers: forbidden characters, too long,
# apostrophes, duplicates (also by case), the cover's own name, none at all.
python3 - "$SRC/examples/final-2024.json" "$TMP/names.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
numbers = ["公开[01]表:*?/\\", "'引号'", None, "公开02表", "公开02表", "Table A", "table a",
           "封面与说明", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五", "[]", "公开11表"]
for t, n in zip(d["tables"], numbers):
    t["number"] = n
d["tables"][2]["title"] = "很长的标题" * 10
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
# (two tables only: --force, the rendering lacks the rest of the 决算 set)
if "$GK" render --force "$TMP/names.json" -o "$TMP/names.xlsx" 2>"$TMP/err"; then ok; else bad "render names.json: $(cat "$TMP/err")"; fi
if out=$(python3 - "$TMP/names.xlsx" <<'EOF' 2>&1
import sys, zipfile
import xml.etree.ElementTree as ET
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
names = [s.get("name") for s in ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml")).iter(M + "sheet")]
bad = [n for n in names if not n or len(n) > 31 or any(c in n for c in "[]:*?/\\") or n[0] == "'" or n[-1] == "'"]
lower = [n.lower() for n in names]
if bad or len(set(lower)) != len(lower) or len(names) != 12:
    print("bad sheet names:", names)
    sys.exit(1)
print(" | ".join(names))
EOF
); then ok; echo "names: $out"; else bad "$out"; fi

# No temporary directory: exit 2, the reason, nothing left under the name.
out=$(TMPDIR=/nonexistent/dir "$GK" render "$SRC/examples/final-2024.txt" -o "$TMP/none.xlsx" 2>&1)
status=$?
if [ $status = 2 ] && grep -q "临时文件" <<<"$out" && [ ! -e "$TMP/none.xlsx" ]; then ok; else
    bad "no TMPDIR: status $status, '$out'"; fi

echo "write_xlsx: $pass passed, $fail failed"
[ $fail = 0 ]
