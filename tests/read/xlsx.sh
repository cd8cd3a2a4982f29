#!/bin/bash
# The xlsx reader through `gongkai parse`:
#   - a workbook made by xlsx_cases.py with what real workbooks hold (shared
#     strings with rich-text and phonetic runs, inline strings, numbers as
#     Excel stores them under built-in and custom formats, merged cells,
#     类/款/项 code columns, a prose cell of several lines, a hidden sheet, a
#     formula without a value) reads as the tables and text it shows;
#   - hostile workbooks (not a ZIP, truncated, damaged, not a workbook, an old
#     .xls, ZIP bombs declared and lying, over a million cells, XML errors, a
#     DTD, missing parts, references and ranges out of range, shared-string
#     indexes out of range, too many lines): exit 2 and a message naming the
#     file, the part or sheet and the reason;
#   - the real 2026 budget templates of the shared corpus (empty tables).
#   xlsx.sh GONGKAI SOURCE_DIR SHARED_DIR
set -u
GK=$1
SRC=$2
SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

command -v python3 >/dev/null || { echo "xlsx.sh: python3 is missing" >&2; exit 1; }
python3 "$SRC/tests/read/xlsx_cases.py" "$TMP" || { echo "xlsx.sh: xlsx_cases.py failed" >&2; exit 1; }
cd "$TMP"

# ---- The good workbook -------------------------------------------------------
if "$GK" parse good.xlsx >good.json 2>good.err; then ok; else bad "parse good.xlsx: $(cat good.err)"; fi
if out=$(python3 - good.json <<'EOF' 2>&1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
def expect(cond, what):
    if not cond:
        problems.append(what)
expect((d["unit"], d["year"], d["kind"]) == ("示例县医疗保障局", 2024, "final"), f"metadata {d['unit']} {d['year']}")
tables = {t["kind"]: t for t in d["tables"]}
expect(list(tables) == ["income", "expense"], f"tables {list(tables)} (the hidden sheet's title is not one)")
inc = tables.get("income", {"rows": []})
expect((inc.get("number"), inc.get("unit"), inc.get("title")) == ("公开02表", "万元", "收入决算表"), "income head")
want = {  # stored as 451.52999999999997, 2.154E1, 21.539999999999999, 101.8, 1.0000000000000001E-2 …
    None: ("451.53", "451.53"), "208": ("21.54", "21.54"), "20805": ("21.54", "21.54"),
    "2080505": ("14.36", "14.36"), "210": ("101.80", "101.80"), "221": ("0.01", "0.01")}
got = {r.get("code"): (r["cells"].get("本年收入合计"), r["cells"].get("财政拨款收入")) for r in inc["rows"]}
expect(got == want, f"income cells {got}")
expect(all(set(r["cells"]) <= {"本年收入合计", "财政拨款收入"} for r in inc["rows"]),
       "a column read that the workbook leaves blank (the formula without a value)")
exp = tables.get("expense", {"rows": []})
codes = [(r.get("code"), r["label"]) for r in exp["rows"]]
expect(codes == [(None, "合计"), ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
                 ("2080505", "机关事业单位基本养老保险缴费支出")], f"类/款/项 codes {codes}")
texts = [n["text"] for n in d["narrative"]]
expect("一、部门职责" in texts, "the prose cell's heading is not a line of its own")
expect(any(t.startswith("（2）组织实施") for t in texts), "the prose cell's paragraphs are not lines")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
); then ok; else bad "good.xlsx: $out"; fi
grep -q '工作表“公开02表”有 1 个公式单元格没有保存计算结果' good.err && ok || bad "no note on the formula: $(cat good.err)"
grep -q '工作表“辅助数据”是隐藏的' good.err && ok || bad "no note on the hidden sheet: $(cat good.err)"

# Position: a note of the text reader names the sheet and the row.
python3 - <<'EOF'
import zipfile
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
rows = [["收入决算表"], ["", "", "", "", "", "", "", "", "公开02表"], ["", "", "", "", "", "", "", "", "金额单位：万元"],
        ["项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
        ["功能分类科目代码", "科目名称"], ["", "栏次", "1", "2", "3", "4", "5", "6", "7"],
        ["", "合计", "10.00", "10.00"], ["208", "社会保障和就业支出", "10.00", "十元"]]
def cell(r, c, v):
    return f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' if v else ""
body = "".join(f'<row r="{r}">' + "".join(cell(r, c, v) for c, v in enumerate(row)) + "</row>"
               for r, row in enumerate(rows, 3))
with zipfile.ZipFile("note.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", f'<workbook {NS}><sheets><sheet name="封面" sheetId="1" r:id="rId1"/>'
               f'<sheet name="收入" sheetId="2" r:id="rId2"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/a.xml"/>'
               '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/b.xml"/></Relationships>')
    z.writestr("xl/worksheets/a.xml", f'<worksheet {NS}><sheetData><row r="1">{cell(1, 0, "示例局2024年度部门决算")}</row></sheetData></worksheet>')
    z.writestr("xl/worksheets/b.xml", f'<worksheet {NS}><sheetData>{body}</sheetData></worksheet>')
EOF
"$GK" parse note.xlsx >/dev/null 2>note.err
if grep -q '工作表“收入”第 10 行：.*十元' note.err; then ok; else bad "note without sheet and row: $(cat note.err)"; fi

# ---- Hostile workbooks -----------------------------------------------------------
while IFS=$'\t' read -r file expect; do
    out=$("$GK" parse "$file" 2>&1 >/dev/null)
    status=$?
    if [ $status = 2 ] && grep -qF "$file" <<<"$out" && grep -qF "$expect" <<<"$out"; then ok; else
        bad "$file: status $status, expected '$expect': $out"; fi
done <hostile.tsv

# ---- The real 2026 templates (empty budget tables) ---------------------------------
for f in "$SHARED"/corpus/templates/*.xlsx; do
    [ -f "$f" ] || { echo "skip templates (absent)"; break; }
    if ! "$GK" parse "$f" >tpl.json 2>tpl.err; then bad "parse $f: $(cat tpl.err)"; continue; fi
    if out=$(python3 - tpl.json <<'EOF' 2>&1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
kinds = [t["kind"] for t in d["tables"]]
want = ["budget_summary", "budget_income", "budget_expense", "budget_fiscal_summary", "budget_gpb_function",
        "budget_gov_fund", "budget_state_capital", "budget_gpb_basic_economic", "budget_three_public"]
cells = sum(len(r["cells"]) for t in d["tables"] for r in t["rows"])
codes = [r["code"] for t in d["tables"] for r in t["rows"] if r.get("code")]
ok = (d["kind"], d["year"]) == ("budget", 2026) and kinds == want and cells == 0 and "2050205" in codes
print(f"{len(kinds)} tables, {cells} cells, {len(d['narrative'])} paragraphs")
sys.exit(0 if ok else 1)
EOF
); then ok; echo "$(basename "$f"): $out"; else bad "$f: $out"; fi
    # Every table sheet is recognised: no note of a table not read.
    if grep -q "表格未读取" tpl.err; then bad "$f: $(cat tpl.err)"; else ok; fi
    # A copy filled as finance staff fill it (fill_template.py, in $TMP):
    # the figures come back in their tables, rows and columns, and it renders.
    if ! python3 "$SRC/tests/read/fill_template.py" "$f" filled.xlsx; then bad "fill $f"; continue; fi
    if ! "$GK" parse filled.xlsx >filled.json 2>filled.err; then bad "parse filled $f: $(cat filled.err)"; continue; fi
    if out=$(python3 - filled.json <<'EOF' 2>&1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
got = {}
for t in d["tables"]:
    for r in t["rows"]:
        for c, v in r["cells"].items():
            got[(t["kind"], r["code"] or r["label"], c)] = v
want = {
    ("budget_summary", "财政拨款收入", "金额"): "1234567",
    ("budget_summary", "财政拨款收入/一般公共预算", "金额"): "1234567",
    ("budget_summary", "收入总计", "金额"): "1234567",
    ("budget_summary", "201", "金额"): "1234567",
    ("budget_summary", "支出总计", "金额"): "1234567",
    ("budget_gpb_basic_economic", "301", "金额"): "300001",
    ("budget_gpb_basic_economic", "30101", "金额"): "300001",
    ("budget_gpb_basic_economic", "301", "人员经费"): "300001",
    ("budget_gpb_basic_economic", "30101", "人员经费"): "300001",
    ("budget_three_public", "预算数", "合计"): "6.4",
    ("budget_three_public", "预算数", "因公出国（境）费"): "0",
    ("budget_three_public", "预算数", "公务接待费"): "1.2",
    ("budget_three_public", "预算数", "公务用车购置及运行维护费"): "5.2",
    ("budget_three_public", "预算数", "公务用车购置费"): "0",
    ("budget_three_public", "预算数", "公务用车运行维护费"): "5.2",
    ("budget_three_public", "预算数", "机关运行经费"): "12.35",
}
for code in ("205", "20502", "2050205", "合计"):
    for col in ("合计", "一般公共预算拨款收入"):
        want[("budget_income", code, col)] = "500000"
wrong = [f"{k}: {got.get(k)!r}, want {v!r}" for k, v in want.items() if got.get(k) != v]
extra = [k for k in got if k not in want]
units = {t["kind"]: t["unit"] for t in d["tables"]}
if units.get("budget_three_public") != "万元" or units.get("budget_summary") != "元":
    wrong.append(f"units {units}")
print(f"{len(want)} figures; wrong: {wrong}; extra: {extra}")
sys.exit(1 if wrong or extra else 0)
EOF
); then ok; echo "filled $(basename "$f"): $out"; else bad "filled $f: $out"; fi
    if "$GK" render --force filled.xlsx -o filled.md 2>filled.err && grep -q "公务接待费" filled.md &&
        grep -q "1,234,567\|1234567" filled.md; then ok; else bad "render filled $f: $(cat filled.err)"; fi
done

echo "read_xlsx: $pass passed, $fail failed"
[ $fail = 0 ]
