#!/usr/bin/env python3
"""Fill a copy of a 普陀 2026 budget template as finance staff would.

    fill_template.py TEMPLATE.xlsx OUT.xlsx

Edits the sheet XML inside the zip: each filled cell keeps the template's
style and gets a number (<v>) or an inline string.  The figures are in
FILLS below; xlsx.sh checks that `gongkai parse` gives them back in the
right tables, rows and columns.  Sheets are found by name (the dept and
unit templates name them 部门… / 单位…); the templates themselves are never
written.
"""
import re
import sys
import zipfile

# template (部门 or 单位) -> sheet name after that prefix -> {cell: value}.
# 元 cells show "#,##0" (whole yuan), so they get whole numbers; the
# 三公 sheet is in 万元 with two decimals.
SHARED = {
    "收入总表": {"E9": 500000, "F9": 500000, "E10": 500000, "F10": 500000,
               "E11": 500000, "F11": 500000, "E20": 500000, "F20": 500000},
    "一般公共预算拨款基本支出明细表": {"D9": 300001, "E9": 300001, "D10": 300001, "E10": 300001},
    "“三公”经费和机关运行费预算表": {"A7": 6.4, "B7": 0, "C7": 1.2, "D7": 5.2,
                                  "E7": 0, "F7": 5.2, "G7": 12.35},
}
FILLS = {
    "部门": dict(SHARED, 收支总表={"B8": 1234567, "B9": 1234567, "B21": 1234567,
                                "D8": 1234567, "D21": 1234567}),
    "单位": dict(SHARED, 收支总表={"B10": 1234567, "B11": 1234567, "B21": 1234567,
                                "D10": 1234567, "E10": 1000000, "F10": 234567,
                                "D21": 1234567, "E21": 1000000, "F21": 234567}),
}


def sheet_paths(z):
    wb = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    target = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        rid = re.search(r'\bId="([^"]+)"', m.group(0)).group(1)
        tgt = re.search(r'\bTarget="([^"]+)"', m.group(0)).group(1)
        target[rid] = "xl/" + tgt.lstrip("/").removeprefix("xl/")
    out, kind = {}, None
    for m in re.finditer(r'<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"', wb):
        name = m.group(1).strip()
        for prefix in ("部门", "单位"):
            if name.startswith(prefix):
                name = name[len(prefix):]
                kind = kind or prefix
        out[name] = target[m.group(2)]
    return out, kind


def fill(xml, cells):
    for ref, value in cells.items():
        if isinstance(value, str):
            body = '<is><t>%s</t></is>' % value
            kind = ' t="inlineStr"'
        else:
            body = "<v>%s</v>" % repr(value)
            kind = ""
        pat = re.compile(r'<c r="%s"((?: s="\d+")?)(?: t="\w+")?\s*(?:/>|>.*?</c>)' % ref)
        xml, n = pat.subn(lambda m: '<c r="%s"%s%s>%s</c>' % (ref, m.group(1), kind, body), xml,
                          count=1)
        if n != 1:
            sys.exit("fill_template.py: no cell %s" % ref)
    return xml


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(src) as z:
        paths, kind = sheet_paths(z)
        if kind not in FILLS:
            sys.exit("fill_template.py: %s is neither a 部门 nor a 单位 template" % src)
        edits = {}
        for sheet, cells in FILLS[kind].items():
            if sheet not in paths:
                sys.exit("fill_template.py: no sheet %s in %s" % (sheet, src))
            edits[paths[sheet]] = fill(z.read(paths[sheet]).decode("utf-8"), cells)
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename in edits:
                    data = edits[info.filename].encode("utf-8")
                out.writestr(info, data)


if __name__ == "__main__":
    main()
