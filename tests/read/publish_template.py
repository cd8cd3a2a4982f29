#!/usr/bin/env python3
"""Publish from the Excel template, as finance staff would.

    publish_template.py GONGKAI TEMPLATE.xlsx WORKDIR

Fills a copy of a 普陀 2026 部门/单位 budget template completely — every
table sheet and every prose sheet (主要职能, 机构设置, 名词解释, 编制说明,
其他相关情况说明, 项目经费情况说明), with figures that agree across the
tables and the prose — then renders it as PDF, HTML, XLSX and Markdown and
asserts, for each:

  - render exits 0, and `gongkai check` finds 0 errors and 0 warnings;
  - every prose sheet's text is in the document, and no 【待填写】;
  - the template's parts stand in the template's order (its 目录's titles).

Then the same workbook with one figure changed (the 收支总表's 收入总计)
must make render exit 1 and name the rule that fails.

The sheets are found by name after their 部门/单位 prefix; cells keep the
template's style (fill_template.fill).  A template given as a blank
workbook of `gongkai template` is filled the same way (--blank): its
sheets have the same names, laid out as gongkai writes them.
"""
import html as htmlmod
import json
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fill_template import sheet_paths  # noqa: E402

UNIT = {"部门": "上海市普陀区示例局", "单位": "上海市普陀区示例中心"}

# The prose, per sheet (after the prefix).  Figures agree with TABLES:
# 收入 500.00 万元 = 财政拨款 450.00 + 事业收入 50.00; 支出 500.00 万元 =
# 基本 350.00 + 项目 150.00; 一般公共预算 450.00 = 基本 300.00 + 项目 150.00
# (人员经费 260.00, 公用经费 40.00); 三公 6.40 = 0 + 5.20 (0 + 5.20) + 1.20;
# 机关运行经费 40.00.
def prose(scope, unit):
    return {
        "主要职能": "%s是负责全区示例事务的政府工作部门。\n主要职能包括：\n"
                "1. 贯彻执行示例事务方面的法律、法规和规章。\n"
                "2. 负责示例事务的规划、管理和监督。" % unit,
        "职能": "%s是全额拨款事业单位，主要负责示例服务的组织实施。" % unit,
        "机构设置": "%s设办公室、业务科、财务科三个内设机构。\n"
                "本%s纳入2026年部门预算编制范围的预算单位共1家。" % (unit, scope),
        "名词解释": "（一）财政拨款收入：是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。\n"
                "（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。\n"
                "（三）基本支出预算：是为保障机构正常运转、完成日常工作任务而编制的年度基本支出计划。\n"
                "（四）项目支出预算：是为完成行政工作任务、事业发展目标而在基本支出之外编制的年度支出计划。",
        "编制说明": "2026年，%s收入预算500.00万元，其中：财政拨款收入450.00万元，比2025年预算增加50.00万元；"
                "事业收入50.00万元。\n"
                "支出预算500.00万元，其中：财政拨款支出预算450.00万元，比2025年预算增加50.00万元。"
                "财政拨款支出预算中，一般公共预算拨款支出预算450.00万元，比2025年预算增加50.00万元。\n"
                "财政拨款收入支出增加的主要原因是教学设施更新项目经费增加。\n"
                "财政拨款支出主要内容如下：\n"
                "1. “高等教育”科目450.00万元，主要用于人员工资、日常运转和教学设施更新。" % unit,
        "其他相关情况说明": "一、2026年“三公”经费预算情况说明\n"
                    "2026年“三公”经费预算数为6.40万元，比2025年预算减少0.60万元。其中：\n"
                    "（一）因公出国（境）费0万元，与2025年预算持平。\n"
                    "（二）公务用车购置及运行费5.20万元，比2025年预算减少0.60万元，主要原因是压缩车辆运行费用。"
                    "其中：公务用车购置费0万元，与2025年预算持平；公务用车运行费5.20万元，比2025年预算减少0.60万元。\n"
                    "（三）公务接待费1.20万元，与2025年预算持平。\n"
                    "二、机关运行经费预算\n"
                    "2026年%s财政拨款的机关运行经费预算为40.00万元。\n"
                    "三、政府采购预算情况\n"
                    "2026年本%s政府采购预算30.00万元，其中：政府采购货物预算10.00万元、政府采购服务预算20.00万元。\n"
                    "四、绩效目标设置情况\n"
                    "按照本区预算绩效管理工作的总体要求，本%s开展了2026年项目预算绩效目标编报工作，"
                    "编报绩效目标的项目1个，涉及项目预算资金150.00万元。\n"
                    "五、国有资产占有使用情况\n"
                    "截至2025年8月31日，%s共有车辆2辆，其中：其他用车2辆。2026年%s预算未安排购置车辆。"
                    % (unit, scope, scope, unit, scope),
        "项目经费情况说明": "一、项目概述\n更新教学楼的多媒体设备和实验室设施。\n"
                    "二、立项依据\n依据区教育设施更新三年行动计划。\n"
                    "三、实施主体\n由%s负责实施。\n"
                    "四、实施方案\n分两个阶段完成设备采购和安装。\n"
                    "五、实施周期\n2026年1月至2026年12月。\n"
                    "六、年度预算安排\n2026年安排财政资金150.00万元，用于设备采购和安装。\n"
                    "七、绩效目标\n详见单位的项目绩效目标表" % unit,
    }


# The sheets' own title lines (row 1), as staff fill them.
def sheet_titles(unit):
    return {"主要职能": unit + "主要职能", "职能": unit + "职能", "机构设置": unit + "机构设置",
            "项目经费情况说明": "教学设施更新项目经费情况说明"}


def coded(rows, cols):
    """Cells of a coded sheet: rows (line, (类, 款, 项), name, [amounts]) with
    the amounts from column `cols[0]` on."""
    out = {}
    for line, code, name, amounts in rows:
        for col, part in zip("ABC", code):
            out["%s%d" % (col, line)] = part
        out["%s%d" % (cols[1], line)] = name
        for k, v in enumerate(amounts):
            out["%s%d" % (chr(ord(cols[0]) + k), line)] = v
    return out


FUNCTION_ROWS = [(9, ("205", "", ""), "教育支出"), (10, ("205", "02", ""), "普通教育"),
                 (11, ("205", "02", "05"), "高等教育")]
CLEAR_FUNCTION = ["%s%d" % (c, r) for r in range(12, 18) for c in "ABCD"]


def tables(scope):
    unit = UNIT[scope]
    expense = coded([(l, c, n, [5000000, 3500000, 1500000]) for l, c, n in FUNCTION_ROWS], "ED")
    expense.update({"E20": 5000000, "F20": 3500000, "G20": 1500000})
    income = coded([(l, c, n, [5000000, 4500000, 500000]) for l, c, n in FUNCTION_ROWS], "ED")
    income.update({"E20": 5000000, "F20": 4500000, "G20": 500000})
    gpb = coded([(l, c, n, [4500000, 3000000, 1500000]) for l, c, n in FUNCTION_ROWS], "ED")
    gpb.update({"E21": 4500000, "F21": 3000000, "G21": 1500000})
    basic = {"D9": 2600000, "E9": 2600000, "D10": 2600000, "E10": 2600000,
             "A11": "302", "B11": None, "C11": "商品和服务支出", "D11": 400000, "F11": 400000,
             "A12": "302", "B12": "01", "C12": "办公费", "D12": 400000, "F12": 400000,
             "A13": None, "B13": None, "C13": None,
             "D21": 3000000, "E21": 2600000, "F21": 400000}
    empty_fund = {c: None for c in ["%s%d" % (col, r) for r in range(9, 14) for col in "ABCD"]}
    out = {
        "收入总表": dict({k: None for k in CLEAR_FUNCTION}, **income),
        "支出总表": dict({k: None for k in CLEAR_FUNCTION}, **expense),
        "一般公共预算拨款表": dict({k: None for k in CLEAR_FUNCTION}, **gpb),
        "政府性基金拨款表": dict(empty_fund),
        "国有资本经营预算拨款表": dict(empty_fund),
        "一般公共预算拨款基本支出明细表": basic,
        "“三公”经费和机关运行费预算表": {"A7": 6.4, "B7": 0, "C7": 1.2, "D7": 5.2,
                                     "E7": 0, "F7": 5.2, "G7": 40},
    }
    if scope == "部门":
        out["收支总表"] = {"B8": 4500000, "B9": 4500000, "B12": 500000, "B21": 5000000,
                       "C8": "一、教育支出", "D8": 5000000, "C9": None, "C10": None,
                       "D21": 5000000}
    else:
        out["收支总表"] = {"B10": 4500000, "B11": 4500000, "B14": 500000, "B21": 5000000,
                       "C10": "一、教育支出", "D10": 5000000, "E10": 3500000, "G10": 1500000,
                       "C11": None, "C12": None, "C13": None,
                       "D21": 5000000, "E21": 3500000, "G21": 1500000}
    out["财政拨款收支总表"] = {"B8": 4500000, "C8": "一、教育支出", "D8": 4500000, "E8": 4500000,
                          "C9": None, "C10": None, "B21": 4500000, "D21": 4500000,
                          "E21": 4500000}
    for sheet in out.values():
        sheet.setdefault("_unit", unit)
    return out


def cell_xml(ref, style, value):
    if value is None:
        return '<c r="%s"%s/>' % (ref, style)
    if isinstance(value, str):
        return '<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
            ref, style, htmlmod.escape(value, quote=False))
    return '<c r="%s"%s><v>%s</v></c>' % (ref, style, repr(value))


def col_style(xml, ref):
    """The style a column gives a cell typed into it (<col style=…>), as
    Excel applies it: ' s="N"' or ""."""
    col = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in col:
        n = n * 26 + ord(ch) - 64
    for m in re.finditer(r'<col min="(\d+)" max="(\d+)"[^>]*?style="(\d+)"', xml):
        if int(m.group(1)) <= n <= int(m.group(2)):
            return ' s="%s"' % m.group(3)
    return ""


def put(xml, ref, value):
    """Set a cell, keeping its style; a cell the row lacks is added in order,
    with its column's style (as Excel gives a cell typed there)."""
    pat = re.compile(r'<c r="%s"((?: s="\d+")?)(?: t="\w+")?\s*(?:/>|>.*?</c>)' % ref, re.S)
    xml, n = pat.subn(lambda m: cell_xml(ref, m.group(1), value), xml, count=1)
    if n == 1 or value is None:
        return xml
    row = int(re.sub(r"[A-Z]+", "", ref))
    m = re.search(r'<row r="%d"[^>]*?(?:/>|>(.*?)</row>)' % row, xml, re.S)
    if not m:                                   # a new row, in order
        rows = [(int(r.group(1)), r.start()) for r in re.finditer(r'<row r="(\d+)"', xml)]
        at = next((start for r, start in rows if r > row), None)
        if at is None:
            at = xml.index("</sheetData>") if "</sheetData>" in xml else None
        if at is None:                          # <sheetData/>
            xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
            at = xml.index("</sheetData>")
        return xml[:at] + '<row r="%d">%s</row>' % (row, cell_xml(ref, col_style(xml, ref), value)) + xml[at:]
    cells = m.group(1) or ""
    new = "<row r=\"%d\">%s</row>" % (row, cells + cell_xml(ref, col_style(xml, ref), value))
    # keep cells in column order
    parts = re.findall(r'<c r="[A-Z]+\d+".*?(?:/>|</c>)', new, re.S)
    key = lambda c: (len(re.match(r'<c r="([A-Z]+)', c).group(1)), re.match(r'<c r="([A-Z]+)', c).group(1))
    head = re.match(r'<row[^>]*>', m.group(0)).group(0).rstrip("/>").rstrip(">") + ">"
    return xml[:m.start()] + head + "".join(sorted(parts, key=key)) + "</row>" + xml[m.end():]


def unit_line(xml, unit):
    """编制部门：/编制单位： gets the unit."""
    return re.sub(r"(编制(?:部门|单位)[:：])(\s*)(?=</t>)", r"\g<1>" + unit, xml)


def fill_workbook(src, dst, plant=None):
    with zipfile.ZipFile(src) as z:
        paths, scope = sheet_paths(z)
        scope = scope or "部门"
        unit = UNIT[scope]
        sst = []
        if "xl/sharedStrings.xml" in z.namelist():
            x = z.read("xl/sharedStrings.xml").decode("utf-8")
            sst = x
        edits = {}
        texts = prose(scope, unit)
        for name, cells in tables(scope).items():
            if name not in paths:
                sys.exit("publish_template.py: no sheet %s in %s" % (name, src))
            xml = z.read(paths[name]).decode("utf-8")
            for ref, value in cells.items():
                if ref != "_unit":
                    xml = put(xml, ref, value)
            if plant and plant[0] == name:
                xml = put(xml, plant[1], plant[2])
            edits[paths[name]] = xml
        for name, text in texts.items():
            if name not in paths:
                continue
            xml = z.read(paths[name]).decode("utf-8")
            xml = put(xml, "A3", text)
            if name in sheet_titles(unit):
                xml = put(xml, "A1", sheet_titles(unit)[name])
            for r in range(4, 10):              # the 编制说明's example lines
                xml = put(xml, "A%d" % r, None)
            edits[paths[name]] = xml
        # the cover's unit line, and 编制部门： in shared strings
        cover = z.read(paths["封面"]).decode("utf-8")
        cover = put(cover, "A9", "%s：%s" % ("预算主管部门" if scope == "部门" else "预算单位", unit))
        edits[paths["封面"]] = cover
        if sst:
            edits["xl/sharedStrings.xml"] = unit_line(sst, unit)
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename in edits:
                    data = edits[info.filename].encode("utf-8")
                out.writestr(info, data)
        sheets = [n for n in paths if n in texts]
        return scope, [texts[n] for n in sheets] + [sheet_titles(unit)[n] for n in sheets
                                                      if n in sheet_titles(unit)]


# ---- The blank workbook of `gongkai template budget [--unit]` ----

EDU_ROWS = [("205", "教育支出"), ("20502", "普通教育"), ("2050205", "高等教育")]


def template_rows(rows, first, amounts):
    """Cells of a template sheet's coded rows from line `first` on: code in
    A, name in B (a row with no name keeps the template's own), amounts from
    C on (None left blank)."""
    out = {}
    for k, (code, name) in enumerate(rows):
        line = first + k
        if name:
            out["A%d" % line] = code or None
            out["B%d" % line] = name
        for j, v in enumerate(amounts):
            if v is not None:
                out["%s%d" % (chr(ord("C") + j), line)] = v
    return out


def blank_cells(scope, unit):
    """Every figure of the blank workbook's sheets (表1 … 表9, in 万元) and
    its 补充信息, consistent with one another as the Putuo fill is."""
    def coded(first, amounts):
        return template_rows(EDU_ROWS + [("", "合计")], first, amounts)

    return {
        "封面": {"A1": "%s2027年%s预算" % (unit, scope)},
        "%s概况" % scope: {"A2": OVERVIEW % unit},
        "表1": {"B6": 450, "B7": 450, "B10": 50, "B13": 500, "C6": "教育支出", "D6": 500,
               "D13": 500},
        "表2": coded(6, [500, 450, None, None, None, 50]),
        "表3": coded(6, [500, 350, 150]),
        "表4": {"B6": 450, "B9": 450, "C6": "教育支出", "D6": 450, "E6": 450, "D9": 450, "E9": 450},
        "表5": coded(6, [450, 300, 260, 40, 150]),
        "表6": {"A5": "301", "B5": "工资福利支出", "C5": 260, "A6": "30101", "B6": "基本工资", "C6": 260,
               "D5": "302", "E5": "商品和服务支出", "F5": 40, "D6": "30201", "E6": "办公费", "F6": 40,
               "B7": "合计", "C7": 300},
        "表9": {"A7": 6.4, "B7": 0, "C7": 5.2, "D7": 0, "E7": 5.2, "F7": 1.2, "G7": 40},
    }


OVERVIEW = ("%s是负责全区示例事务的政府工作部门，主要职能包括：贯彻执行示例事务方面的法律、法规和规章；"
            "负责示例事务的规划、管理和监督。\n本部门设办公室、业务科、财务科三个内设机构，"
            "纳入2027年部门预算编制范围的预算单位共1家。")

FACTS = {
    "上年/收支预算总计": "450", "原因/收支预算总计": "教学设施更新项目经费增加",
    "上年/财政拨款收支预算总计": "400", "原因/财政拨款收支预算总计": "教学设施更新项目经费增加",
    "上年/一般公共预算支出": "400", "原因/一般公共预算支出": "教学设施更新项目经费增加",
    "上年/三公经费": "7", "原因/三公经费": "压缩车辆运行费用",
    "上年/因公出国（境）费": "0", "原因/因公出国（境）费": "无变化",
    "上年/公务用车购置费": "0", "原因/公务用车购置费": "无变化",
    "上年/公务用车运行维护费": "5.8", "原因/公务用车运行维护费": "压缩车辆运行费用",
    "上年/公务接待费": "1.2", "原因/公务接待费": "无变化",
    "上年/机关运行经费": "42", "原因/机关运行经费": "压缩日常公用经费",
    "说明/政府采购": "本部门2027年政府采购预算安排货物和服务采购，详见政府采购预算。",
    "说明/绩效目标": "本部门编报绩效目标的项目1个，已全部设置绩效目标。",
    "说明/国有资产": "截至2026年8月31日，本部门共有车辆2辆。2027年部门预算未安排购置车辆。",
    "上年/2050205": "400", "原因/2050205": "教学设施更新项目经费增加",
}


# ---- The blank workbook of `gongkai template final [--unit]` ----
# 收入 500.00 万元 = 一般公共预算财政拨款 450.00 + 其他收入 50.00; 支出 500.00
# = 基本 350.00 + 项目 150.00; 一般公共预算财政拨款支出 450.00 = 基本 300.00
# (人员经费 260.00, 公用经费 40.00) + 项目 150.00; 三公 决算 6.00 = 0 +
# 5.00 (0 + 5.00) + 1.00 (预算 6.40); 机关运行经费 40.00; 政府采购 10.00.

def final_cells(scope, unit):
    def coded(first, amounts):          # 合计 on the first line, as 决算 tables print it
        return template_rows([("", None)] + EDU_ROWS, first, amounts)

    return {
        "封面": {"A1": "%s2025年度%s决算" % (unit, scope)},
        "%s概况" % scope: {"A2": FINAL_OVERVIEW % unit},
        "公开01表": {"B6": 450, "B13": 50, "B14": 500, "B17": 500, "C6": "教育支出", "D6": 500,
                  "D14": 500, "D17": 500},
        "公开02表": coded(6, [500, 450, None, None, None, None, 50]),
        "公开03表": coded(6, [500, 350, 150]),
        "公开04表": {"B6": 450, "B9": 450, "B14": 450, "C6": "教育支出", "D6": 450, "E6": 450,
                  "D9": 450, "E9": 450, "D11": 450, "E11": 450},
        "公开05表": coded(6, [450, 300, 260, 40, 150]),
        "公开06表": {"C5": 260, "F5": 40, "A6": "301", "B6": "工资福利支出", "C6": 260,
                  "A7": "30101", "B7": "基本工资", "C7": 260, "D6": "302", "E6": "商品和服务支出",
                  "F6": 40, "D7": "30201", "E7": "办公费", "F7": 40},
        "公开09表": {"B7": 6.4, "C7": 0, "D7": 5.2, "E7": 0, "F7": 5.2, "G7": 1.2,
                  "B8": 6, "C8": 0, "D8": 5, "E8": 0, "F8": 5, "G8": 1},
        "公开10表": {"C6": 40, "A7": "302", "B7": "商品和服务支出", "C7": 40,
                  "A8": "30201", "B8": "办公费", "C8": 40},
        "公开11表": {"B5": 10, "B6": 10, "B7": 0, "B8": 0, "B9": 10, "B10": 5},
    }


FINAL_OVERVIEW = ("%s是负责全区示例事务的政府工作部门，主要职能包括：贯彻执行示例事务方面的法律、法规和规章；"
                  "负责示例事务的规划、管理和监督。\n本部门设办公室、业务科、财务科三个内设机构，"
                  "纳入2025年度部门决算编制范围的单位共1家。")


def final_fact(key):
    """What staff would type for a key the blank's 补充信息 lists."""
    if key.startswith("年初预算/"):
        return "450"
    if key.startswith("上年/"):
        return {"上年/三公经费": "6", "上年/因公出国（境）费": "0", "上年/公务用车购置费": "0",
                "上年/公务用车运行维护费": "5", "上年/公务接待费": "1",
                "上年/机关运行经费": "38"}.get(key, "400")
    if key.startswith("原因/"):
        return "教学设施更新项目经费增加"
    if key.startswith("统计/"):
        return {"统计/因公出国（境）团组数": "0", "统计/因公出国（境）人次数": "0",
                "统计/公务用车购置数": "0", "统计/公务用车保有量": "1"}.get(key, "3")
    if key == "说明/国有资产":
        return "截至2025年12月31日，本部门共有车辆1辆，单价100万元（含）以上设备0台（套）。"
    if key.startswith("说明/"):
        return "本部门按规定开展了预算绩效管理工作，项目均设置了绩效目标。"
    return "示例内容。"


def sheet_strings(z):
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        x = z.read("xl/sharedStrings.xml").decode("utf-8")
        sst = [htmlmod.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
               for si in re.findall(r"<si>(.*?)</si>", x, re.S)]
    return sst


def fill_blank(src, dst, scope, plant=None, final=False):
    """Fill a blank workbook of `gongkai template`; returns the prose given."""
    unit = UNIT[scope]
    cells = final_cells(scope, unit) if final else blank_cells(scope, unit)
    with zipfile.ZipFile(src) as z:
        paths, _ = sheet_paths(z)
        wb = z.read("xl/workbook.xml").decode("utf-8")
        edits = {}
        full = dict(zip(re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', wb), paths.values()))
        for sheet, sheet_cells in cells.items():
            if sheet not in full:
                sys.exit("publish_template.py: no sheet %s in %s" % (sheet, src))
            xml = z.read(full[sheet]).decode("utf-8")
            for ref, value in sheet_cells.items():
                xml = put(xml, ref, value)
            if plant and plant[0] == sheet:
                xml = put(xml, plant[1], plant[2])
            edits[full[sheet]] = xml
        # 补充信息: 内容 (column B) of each key listed; the keys by code added
        sst = sheet_strings(z)
        xml = z.read(full["补充信息"]).decode("utf-8")
        listed = {}
        for m in re.finditer(r'<c r="A(\d+)"[^>]*?t="s"[^>]*>\s*<v>(\d+)</v>', xml):
            listed[sst[int(m.group(2))]] = int(m.group(1))
        last = max(int(r) for r in re.findall(r'<row r="(\d+)"', xml))
        facts = FACTS
        if final:                              # every key listed, and one by code
            facts = {k: final_fact(k) for k in listed if "/" in k}
            facts["年初预算/2050205"] = "450"
        for key, value in facts.items():
            if key in listed:
                xml = put(xml, "B%d" % listed[key], value)
            else:
                last += 1
                xml = put(xml, "A%d" % last, key)
                xml = put(xml, "B%d" % last, value)
        edits[full["补充信息"]] = xml
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename in edits:
                    data = edits[info.filename].encode("utf-8")
                out.writestr(info, data)
    return [(FINAL_OVERVIEW if final else OVERVIEW) % unit]


def toc_titles(path):
    """The template's parts, in order, as its 目录 sheet names them."""
    with zipfile.ZipFile(path) as z:
        paths, _ = sheet_paths(z)
        xml = z.read(paths["目录"]).decode("utf-8")
        sst = []
        if "xl/sharedStrings.xml" in z.namelist():
            x = z.read("xl/sharedStrings.xml").decode("utf-8")
            sst = [htmlmod.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
                   for si in re.findall(r"<si>(.*?)</si>", x, re.S)]
    titles = []
    for c in re.finditer(r'<c r="A\d+"[^>]*?t="s"[^>]*>\s*<v>(\d+)</v>', xml):
        m = re.match(r"\s*[一二三四五六七八九十]+、\s*([^…\s.]+)", sst[int(c.group(1))])
        if m:
            titles.append(m.group(1))
    return titles


def text_of(path):
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    if path.endswith(".html"):
        return htmlmod.unescape(re.sub(r"<[^>]+>", "\n", open(path, encoding="utf-8").read()))
    if path.endswith(".xlsx"):
        out = []
        with zipfile.ZipFile(path) as z:
            names = sorted((n for n in z.namelist() if n.startswith("xl/worksheets/sheet")),
                           key=lambda n: int(re.sub(r"\D", "", n)))
            sst = []
            if "xl/sharedStrings.xml" in z.namelist():
                x = z.read("xl/sharedStrings.xml").decode("utf-8")
                sst = [htmlmod.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
                       for si in re.findall(r"<si>(.*?)</si>", x, re.S)]
            for n in names:
                x = z.read(n).decode("utf-8")
                for c in re.finditer(r'<c [^>]*?t="s"[^>]*>\s*<v>(\d+)</v>', x):
                    out.append(sst[int(c.group(1))])
                out += [htmlmod.unescape(t) for t in re.findall(r"<is><t[^>]*>(.*?)</t>", x, re.S)]
        return "\n".join(out)
    return open(path, encoding="utf-8").read()


def squeeze(s):
    return re.sub(r"\s+", "", s)


def main():
    gk, template, work = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    blank = template.startswith("blank:")       # blank:budget, blank:final-unit …
    final = template.startswith("blank:final")
    if blank:
        scope = "单位" if template.endswith("-unit") else "部门"
        base = os.path.join(work, template.replace(":", "-"))
        template = base + ".xlsx"
        args = [gk, "template", "final" if final else "budget", "--year",
                "2025" if final else "2027", "-o", template]
        if scope == "单位":
            args.insert(3, "--unit")
        r = subprocess.run(args, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("gongkai template: exit %d: %s" % (r.returncode, r.stderr))
    else:
        base = os.path.join(work, os.path.splitext(os.path.basename(template))[0])
    filled = base + "-filled.xlsx"
    if blank:
        texts = fill_blank(template, filled, scope, final=final)
    else:
        scope, texts = fill_workbook(template, filled)
    titles = toc_titles(template)
    failures = []
    if len(titles) < 4:
        failures.append("%s: 目录 gives only %r" % (template, titles))
    for ext in ("md", "html", "pdf", "xlsx"):
        out = "%s.%s" % (base, ext)
        r = subprocess.run([gk, "render", filled, "-o", out], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append("render %s: exit %d: %s" % (out, r.returncode, r.stderr[-2000:]))
            continue
        c = subprocess.run([gk, "check", "--format", "json", out], capture_output=True, text=True)
        findings = [f for f in json.loads(c.stdout)["findings"]
                    if f["severity"] in ("error", "warning")] if c.stdout.strip() else None
        if findings is None:
            failures.append("check %s: no output (%s)" % (out, c.stderr[-500:]))
        elif findings:
            failures.append("check %s: %d findings: %s" % (
                out, len(findings), "; ".join("%s %s" % (f["rule"], f["message"]) for f in findings[:6])))
        body = squeeze(text_of(out))
        if "待填写" in body:
            failures.append("%s: says 【待填写】" % out)
        for t in texts:
            for line in t.split("\n"):
                if squeeze(line) and squeeze(line) not in body:
                    failures.append("%s: lacks %r" % (out, line[:60]))
        at = 0
        for title in titles:
            k = body.find(squeeze(title), at)
            # the 目录 lists them first: look after the 目录's own list
            if k < 0:
                failures.append("%s: part %r missing or out of order" % (out, title))
            else:
                at = k + 1
        last = -1
        for title in titles:                    # the headings, after the 目录
            k = body.rfind(squeeze(title))
            if k == body.find(squeeze(title)):  # only in the 目录 (a workbook's tables part)
                continue
            if k < last:
                failures.append("%s: part %r out of the template's order" % (out, title))
            last = max(last, k)
    # one inconsistency: the 收支总表's 收入总计 off by 1000 元
    planted = base + "-planted.xlsx"
    if blank:
        if final:                               # 公开01表's 收入 总计
            fill_blank(template, planted, scope, plant=("公开01表", "B17", 500.1), final=True)
        else:
            fill_blank(template, planted, scope, plant=("表1", "B13", 500.1))
        wrong = "500.1"
    else:
        fill_workbook(template, planted, plant=("收支总表", "B21", 5001000))
        wrong = "5001000"
    r = subprocess.run([gk, "render", planted, "-o", base + "-planted.pdf"], capture_output=True,
                       text=True)
    if r.returncode != 1 or "error[" not in r.stdout + r.stderr or wrong not in r.stdout + r.stderr:
        failures.append("planted: render exit %d, output %s" % (r.returncode, (r.stdout + r.stderr)[-800:]))
    if os.path.exists(base + "-planted.pdf"):
        failures.append("planted: a document was written")
    for f in failures:
        print("FAIL", f)
    print("%s: %s" % (os.path.basename(template), "FAIL" if failures else "ok"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
