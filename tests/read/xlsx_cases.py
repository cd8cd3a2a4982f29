#!/usr/bin/env python3
"""Workbooks for the xlsx reader's test (tests/read/xlsx.sh), made here with
zipfile so that nothing binary is kept in the repository.

Usage: xlsx_cases.py OUTDIR

Writes OUTDIR/good.xlsx — a small 决算 workbook using what the reader must
handle (shared strings with rich-text runs and phonetic runs, inline strings,
numbers stored as Excel stores them under built-in and custom formats,
merged cells, 类/款/项 code columns, a prose cell of several lines, a hidden
sheet, a formula without a cached value) — and one hostile workbook per line
of OUTDIR/hostile.tsv: "file<TAB>words the error message must contain".
"""
import os
import sys
import zipfile

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_WS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
REL_SST = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
REL_STY = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def col_name(c):
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    """Rows of cells; a cell is ("s", index) | ("inline", text) | ("n", stored, style)."""

    def __init__(self, name, hidden=False):
        self.name, self.hidden, self.rows, self.merges = name, hidden, {}, []

    def put(self, ref_col, row, cell):
        self.rows.setdefault(row, {})[ref_col] = cell

    def xml(self):
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>']
        for r in sorted(self.rows):
            out.append(f'<row r="{r}">')
            for c in sorted(self.rows[r]):
                kind, *v = self.rows[r][c]
                ref = f"{col_name(c)}{r}"
                if kind == "s":
                    out.append(f'<c r="{ref}" t="s"><v>{v[0]}</v></c>')
                elif kind == "inline":
                    out.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(v[0])}</t></is></c>')
                elif kind == "formula":
                    out.append(f'<c r="{ref}"><f>{esc(v[0])}</f></c>')
                else:
                    out.append(f'<c r="{ref}" s="{v[1]}"><v>{v[0]}</v></c>')
            out.append("</row>")
        out.append("</sheetData>")
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">')
            out += [f'<mergeCell ref="{m}"/>' for m in self.merges]
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)


def package(path, sheets, sst=None, styles=None, parts=None, drop=(), raw_sheets=None):
    """Write a workbook; `parts` adds or replaces parts, `drop` leaves some out."""
    files = {}
    wb = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, s in enumerate(sheets, 1):
        state = ' state="hidden"' if s.hidden else ""
        wb.append(f'<sheet name="{esc(s.name)}" sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL_WS}" Target="worksheets/sheet{i}.xml"/>')
        files[f"xl/worksheets/sheet{i}.xml"] = s.xml()
    wb.append("</sheets></workbook>")
    rels.append(f'<Relationship Id="rId100" Type="{REL_SST}" Target="sharedStrings.xml"/>')
    rels.append(f'<Relationship Id="rId101" Type="{REL_STY}" Target="/xl/styles.xml"/>')
    rels.append("</Relationships>")
    files["xl/workbook.xml"] = "".join(wb)
    files["xl/_rels/workbook.xml.rels"] = "".join(rels)
    if sst is not None:
        files["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS}>' + "".join(sst) + "</sst>")
    if styles is not None:
        files["xl/styles.xml"] = styles
    files["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                                    '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
    files.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            if name not in drop:
                z.writestr(name, data)


# ---- The good workbook ----------------------------------------------------------

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}>
<numFmts count="2"><numFmt numFmtId="176" formatCode="#,##0.00_ "/><numFmt numFmtId="177" formatCode="0.00;[Red]\\-0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="4"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="176" formatCode="0.0000"/></dxf></dxfs>
</styleSheet>'''
GENERAL, F2, CUSTOM, CUSTOM2, GROUPED = range(5)

strings = []


def s(text, rich=None):
    """A shared string (optionally as rich-text runs with a phonetic run)."""
    if rich:
        runs = "".join(f"<r><rPr><b/></rPr><t>{esc(t)}</t></r>" for t in rich)
        strings.append(f"<si>{runs}<rPh sb=\"0\" eb=\"1\"><t>ヨミ</t></rPh></si>")
    else:
        strings.append(f"<si><t xml:space=\"preserve\">{esc(text)}</t></si>")
    return ("s", len(strings) - 1)


cover = Sheet("封面")
cover.put(1, 1, ("inline", "示例县医疗保障局2024年度部门决算"))
cover.put(1, 3, s("第一部分 部门概况"))
cover.put(1, 4, s("一、部门职责\n（1）贯彻执行国家和省、市医疗保障工作的法律法规和方针政策，拟订全县医疗保障事业发展规划"
                  "并组织实施。\n（2）组织实施全县职工基本医疗保险、城乡居民基本医疗保险、生育保险和大病保险。"))

# 收入决算表: codes in one column, amounts stored as Excel stores them.
t2 = Sheet("公开02表")
t2.put(9, 1, s("公开02表"))
t2.put(1, 2, s("收入决算表"))
t2.merges.append("A2:I2")
t2.put(9, 3, s("金额单位：万元"))
heads = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
t2.put(1, 4, s("项目"))
t2.merges.append("A4:B4")
t2.put(2, 4, s("项目"))           # a covered cell with text of its own: read once, at A4
for i, h in enumerate(heads):
    t2.put(3 + i, 4, s(h, rich=[h[:2], h[2:]]) if i == 1 else s(h))
    t2.merges.append(f"{col_name(3 + i)}4:{col_name(3 + i)}5")
t2.put(1, 5, s("功能分类科目代码"))
t2.put(2, 5, s("科目名称"))
t2.put(2, 6, s("栏次"))
for i in range(7):
    t2.put(3 + i, 6, ("n", str(i + 1), GENERAL))
rows = [  # code, name, stored 本年收入合计, style, stored 财政拨款收入, style
    (None, "合计", "451.53", F2, "451.52999999999997", F2),
    ("208", "社会保障和就业支出", "21.54", CUSTOM, "2.154E1", F2),
    ("20805", "行政事业单位养老支出", "21.539999999999999", F2, "21.54", GROUPED),
    ("2080505", "机关事业单位基本养老保险缴费支出", "14.36", CUSTOM2, "14.36", F2),
    ("210", "卫生健康支出", "101.8", F2, "101.8", CUSTOM),
    ("221", "住房保障支出", "1.0000000000000001E-2", F2, "0.01", F2),
]
for k, (code, name, a, sa, b, sb) in enumerate(rows):
    r = 7 + k
    if code:
        t2.put(1, r, ("n", code, GENERAL) if len(code) == 3 else s(code))
    t2.put(2, r, s(name))
    t2.put(3, r, ("n", a, sa))
    t2.put(4, r, ("n", b, sb))
t2.put(5, 7, ("formula", "SUM(E8:E12)"))   # no cached value: read as blank, noted

# 支出决算表 with 类 | 款 | 项 columns, as the templates have them.
t3 = Sheet("公开03表")
t3.put(1, 1, s("支出决算表"))
t3.put(7, 2, s("公开03表"))
t3.put(7, 3, s("金额单位：万元"))
t3.put(1, 4, s("项目"))
t3.merges.append("A4:D4")
for i, h in enumerate(["本年支出合计", "基本支出", "项目支出"]):
    t3.put(5 + i, 4, s(h))
t3.put(1, 5, s("功能分类科目编码"))
t3.merges.append("A5:C5")
t3.put(4, 5, s("科目名称"))
t3.put(1, 6, s("类"))
t3.put(2, 6, s("款"))
t3.put(3, 6, s("项"))
t3.put(4, 7, s("合计"))
for i, v in enumerate(["21.54", "21.54", ""]):
    if v:
        t3.put(5 + i, 7, ("n", v, F2))
for r, (a, b, c, name) in enumerate([("208", "", "", "社会保障和就业支出"), ("208", "05", "", "行政事业单位养老支出"),
                                     ("208", "05", "05", "机关事业单位基本养老保险缴费支出")], 8):
    t3.put(1, r, s(a))
    if b:
        t3.put(2, r, s(b))
    if c:
        t3.put(3, r, s(c))
    t3.put(4, r, s(name))
    t3.put(5, r, ("n", "21.54" if r < 10 else "14.36", F2))
    t3.put(6, r, ("n", "21.54" if r < 10 else "14.36", F2))

hidden = Sheet("辅助数据", hidden=True)
hidden.put(1, 1, ("inline", "收入决算表"))

package(os.path.join(OUT, "good.xlsx"), [cover, t2, t3, hidden], sst=strings, styles=STYLES)


# ---- Hostile workbooks ----------------------------------------------------------

cases = []


def hostile(name, expect, **kw):
    package(os.path.join(OUT, name), **kw)
    cases.append((name, expect))


def one_sheet(xml, name="Sheet1"):
    sh = Sheet(name)
    sh.xml = lambda: xml
    return sh


def sheet_xml(body, tail=""):
    return f'<?xml version="1.0"?><worksheet {NS}><sheetData>{body}</sheetData>{tail}</worksheet>'


ok_sheet = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row>')

# Not a ZIP at all, and a ZIP header followed by nothing of a ZIP.
with open(os.path.join(OUT, "notzip.xlsx"), "wb") as f:
    f.write(b"PK\x03\x04" + b"\x00" * 26 + b"garbage" * 100)
cases.append(("notzip.xlsx", "不是有效的 ZIP 压缩包"))

# Truncated: a good workbook cut in half (its central directory is gone).
with open(os.path.join(OUT, "good.xlsx"), "rb") as f:
    data = f.read()
with open(os.path.join(OUT, "truncated.xlsx"), "wb") as f:
    f.write(data[: len(data) // 2])
cases.append(("truncated.xlsx", "不是有效的 ZIP 压缩包"))

# Damaged data: the central directory is intact, a part's deflate stream is not.
with zipfile.ZipFile(os.path.join(OUT, "good.xlsx")) as z:
    info = z.getinfo("xl/worksheets/sheet2.xml")
start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
damaged = bytearray(data)
for i in range(start + 10, start + min(info.compress_size, 200)):
    damaged[i] ^= 0x5A
with open(os.path.join(OUT, "damaged.xlsx"), "wb") as f:
    f.write(damaged)
cases.append(("damaged.xlsx", "xl/worksheets/sheet2.xml"))

# A ZIP that is not a workbook, and an old binary .xls (OLE2).
with zipfile.ZipFile(os.path.join(OUT, "notworkbook.xlsx"), "w") as z:
    z.writestr("word/document.xml", "<document/>")
cases.append(("notworkbook.xlsx", "没有 xl/workbook.xml"))
with open(os.path.join(OUT, "old.xlsx"), "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 504)
cases.append(("old.xlsx", "旧版 Excel"))

# ZIP bombs: a sheet of 300 MB of blanks, declared; and the same with its
# declared size lowered in both headers (the reader must not believe it).
bomb = os.path.join(OUT, "bomb.xlsx")
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("xl/workbook.xml", f'<workbook {NS}><sheets><sheet name="炸弹" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{REL_WS}" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=False) as w:
        w.write(f"<worksheet {NS}><sheetData>".encode())
        blank = b" " * (1 << 20)
        for _ in range(300):
            w.write(blank)
        w.write(b"</sheetData></worksheet>")
cases.append(("bomb.xlsx", "ZIP 炸弹"))
with open(bomb, "rb") as f:
    b = bytearray(f.read())
with zipfile.ZipFile(bomb) as z:
    info = z.getinfo("xl/worksheets/sheet1.xml")
real = info.file_size
lie = (1000).to_bytes(4, "little")
b[info.header_offset + 22: info.header_offset + 26] = lie          # local header
pos = 0
while True:                                                          # central directory entries
    pos = b.find(b"PK\x01\x02", pos)
    if pos < 0:
        break
    n = int.from_bytes(b[pos + 28: pos + 30], "little")
    if b[pos + 46: pos + 46 + n] == b"xl/worksheets/sheet1.xml":
        b[pos + 24: pos + 28] = lie
    pos += 46
with open(os.path.join(OUT, "bomb_lying.xlsx"), "wb") as f:
    f.write(b)
cases.append(("bomb_lying.xlsx", "xl/worksheets/sheet1.xml"))

# Too many cells (over a million), each tiny.
many = os.path.join(OUT, "cells.xlsx")
with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("xl/workbook.xml", f'<workbook {NS}><sheets><sheet name="多" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{REL_WS}" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w") as w:
        w.write(f"<worksheet {NS}><sheetData>".encode())
        row = b"<row>" + b"<c><v>1</v></c>" * 10000 + b"</row>"
        for _ in range(101):
            w.write(row)
        w.write(b"</sheetData></worksheet>")
cases.append(("cells.xlsx", "非空单元格超过"))

# XML errors, a DTD (billion laughs), missing parts, out-of-range references.
hostile("xmlerror.xlsx", "XML 格式错误",
        sheets=[one_sheet(f'<worksheet {NS}><sheetData><row r="1"><c r="A1"></row></sheetData></worksheet>')])
hostile("truncxml.xlsx", "XML 格式错误",
        sheets=[one_sheet(f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入')])
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
hostile("dtd.xlsx", "DTD", sheets=[one_sheet(ok_sheet)],
        parts={"xl/sharedStrings.xml": laughs + f"<sst {NS}><si><t>&lol3;</t></si></sst>"})
hostile("norels.xlsx", "xl/_rels/workbook.xml.rels", sheets=[one_sheet(ok_sheet)],
        drop=("xl/_rels/workbook.xml.rels",))
hostile("nosheet.xlsx", "缺少这一部件", sheets=[one_sheet(ok_sheet)], drop=("xl/worksheets/sheet1.xml",))
hostile("nosheets.xlsx", "没有任何工作表", sheets=[])
hostile("bigref.xlsx", "XFD1048577",
        sheets=[one_sheet(sheet_xml('<row r="1"><c r="XFD1048577"><v>1</v></c></row>'))])
hostile("bigcol.xlsx", "XFE1", sheets=[one_sheet(sheet_xml('<row r="1"><c r="XFE1"><v>1</v></c></row>'))])
hostile("badref.xlsx", "无效", sheets=[one_sheet(sheet_xml('<row r="1"><c r="1A"><v>1</v></c></row>'))])
hostile("bigrow.xlsx", "行号", sheets=[one_sheet(sheet_xml('<row r="1048577"><c><v>1</v></c></row>'))])
hostile("bigmerge.xlsx", "合并单元格区域",
        sheets=[one_sheet(sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>',
                                    '<mergeCells><mergeCell ref="A1:A1048577"/></mergeCells>'))])
hostile("sstindex.xlsx", "共享字符串索引 7", sheets=[one_sheet(sheet_xml('<row r="1"><c r="B1" t="s"><v>7</v></c></row>'))],
        sst=["<si><t>收入决算表</t></si>"])
hostile("nosst.xlsx", "共享字符串索引 0", sheets=[one_sheet(sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))])
# Two sheets, each with a cell a million rows down: a tiny package, too many lines.
hostile("farlines.xlsx", "超过 1100000 行",
        sheets=[one_sheet(sheet_xml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'), "一"),
                one_sheet(sheet_xml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'), "二")])

with open(os.path.join(OUT, "hostile.tsv"), "w", encoding="utf-8") as f:
    for name, expect in cases:
        f.write(f"{name}\t{expect}\n")
