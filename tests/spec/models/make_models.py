#!/usr/bin/env python3
"""Writes the synthetic consistent models of tests/spec/models/ (run from
anywhere).  perf.spec and classification.spec edit lines of final-funds.json
by number: after changing this script, update their line numbers."""
import json
import os
HERE = os.path.dirname(os.path.abspath(__file__))
line = [0]
def row(label=None, code=None, side=None, cells=None, texts=None):
    line[0] += 1
    r = {"code": code, "label": label, "side": side, "line": line[0], "cells": cells or {}}
    if texts: r["texts"] = texts
    return r
def table(kind, title, rows, unit="万元"):
    line[0] += 1
    t = {"kind": kind, "title": title, "number": None, "unit": unit, "line": line[0], "page": None, "empty_note": None}
    t["rows"] = [f() for f in rows]
    return t
def lazy(*a, **k): return lambda: row(*a, **k)
def doc(unit, year, kind, tables):
    return {"format": "gongkai-report/1", "unit": unit, "year": year, "kind": kind, "amount_unit": "万元", "consolidated": False, "tables": tables}

# ---- 单位综合预算: the unit budget set, its economic views and 绩效目标表 ----
line[0] = 0
I, E = "收入", "支出"
def m(v): return {"金额": v} if v else {}
def h(v): return {"合计": v} if v else {}
DEPT_PARTS = ["工资福利支出", "商品和服务支出", "对个人和家庭补助", "债务利息及费用支出", "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助", "对社会保障基金补助", "其他支出"]
GOV_PARTS = ["机关工资福利支出", "机关商品和服务支出", "机关资本性支出", "机关资本性支出（基本建设）", "对事业单位经常性补助", "对事业单位资本性补助", "对企业补助", "对企业资本性支出", "对个人和家庭的补助", "对社会保障基金补助", "债务利息及费用支出", "其他支出"]
def econ(c, people, special, other, total, grand, gov):
    rows = [lazy("部门经济分类/人员经费和公用经费支出", side=E, cells=c(people["total"]))]
    for k in ["工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出"]:
        rows.append(lazy("部门经济分类/人员经费和公用经费支出/" + k, side=E, cells=c(people.get(k))))
    rows.append(lazy("部门经济分类/专项业务经费支出", side=E, cells=c(special["total"])))
    for k in DEPT_PARTS:
        rows.append(lazy("部门经济分类/专项业务经费支出/" + k, side=E, cells=c(special.get(k))))
    for k in ["上缴上级支出", "事业单位经营支出", "对附属单位补助支出"]:
        rows.append(lazy("部门经济分类/" + k, side=E, cells=c(other.get(k))))
    rows.append(lazy("部门经济分类/本年支出合计", side=E, cells=c(total)))
    rows.append(lazy("部门经济分类/支出总计", side=E, cells=c(grand)))
    for k in GOV_PARTS:
        rows.append(lazy("政府经济分类/" + k, side=E, cells=c(gov.get(k))))
    rows.append(lazy("政府经济分类/本年支出合计", side=E, cells=c(total)))
    rows.append(lazy("政府经济分类/支出总计", side=E, cells=c(grand)))
    return rows
summary = [
    lazy("财政拨款", side=I, cells=m("300.00")),
    lazy("财政拨款/一般公共预算拨款", side=I, cells=m("250.00")),
    lazy("财政拨款/政府性基金拨款", side=I, cells=m("50.00")),
    lazy("财政拨款/国有资本经营预算收入", side=I),
    lazy("上级补助收入", side=I),
    lazy("事业收入", side=I, cells=m("20.00")),
    lazy("事业单位经营收入", side=I, cells=m("10.00")),
    lazy("附属单位上缴收入", side=I),
    lazy("其他收入", side=I, cells=m("5.00")),
    lazy("本年收入合计", side=I, cells=m("335.00")),
    lazy("上年结转", side=I, cells=m("15.00")),
    lazy("收入总计", side=I, cells=m("350.00")),
    lazy("社会保障和就业支出", code="208", side=E, cells=m("60.00")),
    lazy("卫生健康支出", code="210", side=E, cells=m("225.00")),
    lazy("城乡社区支出", code="212", side=E, cells=m("50.00")),
    lazy("本年支出合计", side=E, cells=m("335.00")),
    lazy("结转下年", side=E, cells=m("15.00")),
    lazy("支出总计", side=E, cells=m("350.00")),
] + econ(m, {"total": "200.00", "工资福利支出": "150.00", "商品和服务支出": "30.00", "对个人和家庭的补助": "20.00"},
         {"total": "120.00", "商品和服务支出": "80.00", "资本性支出": "40.00"}, {"事业单位经营支出": "15.00"},
         "335.00", "350.00",
         {"机关工资福利支出": "150.00", "机关商品和服务支出": "110.00", "机关资本性支出": "40.00", "对个人和家庭的补助": "20.00", "其他支出": "15.00"})
fiscal = [
    lazy("财政拨款", side=I, cells=m("300.00")),
    lazy("财政拨款/一般公共预算拨款", side=I, cells=m("250.00")),
    lazy("财政拨款/政府性基金拨款", side=I, cells=m("50.00")),
    lazy("财政拨款/国有资本经营预算收入", side=I),
    lazy("本年收入合计", side=I, cells=m("300.00")),
    lazy("上年结转", side=I, cells=m("10.00")),
    lazy("收入总计", side=I, cells=m("310.00")),
    lazy("社会保障和就业支出", code="208", side=E, cells=h("55.00")),
    lazy("卫生健康支出", code="210", side=E, cells=h("195.00")),
    lazy("城乡社区支出", code="212", side=E, cells=h("50.00")),
    lazy("本年支出合计", side=E, cells=h("300.00")),
    lazy("结转下年", side=E, cells=h("10.00")),
    lazy("支出总计", side=E, cells=h("310.00")),
] + econ(h, {"total": "180.00", "工资福利支出": "140.00", "商品和服务支出": "25.00", "对个人和家庭的补助": "15.00"},
         {"total": "120.00", "商品和服务支出": "80.00", "资本性支出": "40.00"}, {},
         "300.00", "310.00",
         {"机关工资福利支出": "140.00", "机关商品和服务支出": "105.00", "机关资本性支出": "40.00", "对个人和家庭的补助": "15.00"})
govfund = [
    lazy("政府性基金拨款", side=I, cells=m("50.00")),
    lazy("本年收入合计", side=I, cells=m("50.00")),
    lazy("城乡社区支出", code="212", side=E, cells=m("50.00")),
    lazy("本年支出合计", side=E, cells=m("50.00")),
    lazy("部门经济分类/专项业务经费支出", side=E, cells=m("50.00")),
    lazy("部门经济分类/本年支出合计", side=E, cells=m("50.00")),
    lazy("政府经济分类/机关资本性支出", side=E, cells=m("50.00")),
    lazy("政府经济分类/本年支出合计", side=E, cells=m("50.00")),
]
def fc(p, g, pr):
    c = {"合计": f"{p + g + pr:.2f}"}
    if p: c["人员经费"] = f"{p:.2f}"
    if g: c["公用经费"] = f"{g:.2f}"
    if pr: c["项目支出"] = f"{pr:.2f}"
    return c
gpbf = [
    lazy("合计", cells=fc(140, 40, 70)),
    lazy("社会保障和就业支出", code="208", cells=fc(55, 0, 0)),
    lazy("行政事业单位养老支出", code="20805", cells=fc(55, 0, 0)),
    lazy("机关事业单位基本养老保险缴费支出", code="2080505", cells=fc(55, 0, 0)),
    lazy("卫生健康支出", code="210", cells=fc(85, 40, 70)),
    lazy("行政事业单位医疗", code="21011", cells=fc(85, 0, 0)),
    lazy("行政单位医疗", code="2101101", cells=fc(85, 0, 0)),
    lazy("医疗保障管理事务", code="21015", cells=fc(0, 40, 70)),
    lazy("行政运行", code="2101501", cells=fc(0, 40, 0)),
    lazy("一般行政管理事务", code="2101502", cells=fc(0, 0, 70)),
]
def project(name, fiscal_amount, other):
    total = f"{float(fiscal_amount) + float(other or 0):.2f}"
    return [lazy("项目名称", texts={"内容": name}),
            lazy("年度资金总额", cells={"金额": total}),
            lazy("财政拨款", cells={"金额": fiscal_amount}),
            lazy("其他资金", cells={"金额": other} if other else {}),
            lazy("产出指标/数量指标", texts={"指标内容": "覆盖参保单位", "指标值": "≥300家"})]
overall = [
    lazy("部门(单位)名称", texts={"内容": "示例县医疗保障局"}),
    lazy("机关运转和医保经办", cells={"总额": "180.00", "财政拨款": "180.00"}),
    lazy("医保信息化建设", cells={"总额": "155.00", "财政拨款": "120.00", "其他资金": "35.00"}),
    lazy("金额合计", cells={"总额": "335.00", "财政拨款": "300.00", "其他资金": "35.00"}),
    lazy("产出指标/数量指标", texts={"指标内容": "保障机关正常运转", "指标值": "12个月"}),
]
budget = doc("示例县医疗保障局", 2025, "budget", [
    table("budget_summary", "2025年单位综合预算收支总表", summary),
    table("budget_fiscal_summary", "2025年单位综合预算财政拨款收支总表", fiscal),
    table("budget_gov_fund", "2025年单位综合预算政府性基金收支表", govfund),
    table("budget_gpb_function", "2025年单位综合预算一般公共预算支出明细表（按功能科目）", gpbf),
    table("perf_target_project", "2025年单位专项业务经费绩效目标表", project("医保经办服务", "50.00", "10.00")),
    table("perf_target_project", "2025年单位专项业务经费绩效目标表", project("医保信息化建设", "40.00", None)),
    table("perf_target_overall", "2025年单位整体支出绩效目标表", overall),
])
json.dump(budget, open(os.path.join(HERE, "budget-unit.json"), "w"), ensure_ascii=False, indent=1)

# ---- 决算 with funds: 政府性基金 and 国有资本经营 tables with figures, 绩效自评表 ----
line[0] = 0
def fund(a, b, c_, d, e, f):
    keys = ["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"]
    return {k: v for k, v in zip(keys, [a, b, c_, d, e, f]) if v}
gov = [
    lazy("合计", cells=fund("10.00", "50.00", "55.00", "5.00", "50.00", "5.00")),
    lazy("城乡社区支出", code="212", cells=fund("10.00", "50.00", "55.00", "5.00", "50.00", "5.00")),
    lazy("国有土地使用权出让收入安排的支出", code="21208", cells=fund("10.00", "50.00", "55.00", "5.00", "50.00", "5.00")),
    lazy("征地和拆迁补偿支出", code="2120801", cells=fund("4.00", "30.00", "30.00", None, "30.00", "4.00")),
    lazy("城市建设支出", code="2120803", cells=fund("6.00", "20.00", "25.00", "5.00", "20.00", "1.00")),
]
cap = [
    lazy("合计", cells=fund("2.00", "8.00", "9.00", None, "9.00", "1.00")),
    lazy("国有资本经营预算支出", code="223", cells=fund("2.00", "8.00", "9.00", None, "9.00", "1.00")),
    lazy("解决历史遗留问题及改革成本支出", code="22301", cells=fund("2.00", "8.00", "9.00", None, "9.00", "1.00")),
    lazy("其他解决历史遗留问题及改革成本支出", code="2230199", cells=fund("2.00", "8.00", "9.00", None, "9.00", "1.00")),
]
def selfeval(label, a, b, c_, score=None, got=None, rate=None):
    cells = {"年初预算数": a, "全年预算数": b, "全年执行数": c_}
    cells = {k: v for k, v in cells.items() if v}
    if score: cells["分值"] = score
    if rate: cells["执行率"] = rate
    if got: cells["得分"] = got
    return lazy(label, cells=cells)
perfp = [
    lazy("项目名称", texts={"内容": "医保经办服务"}),
    selfeval("年度资金总额", "60.00", "80.00", "76.00", "10", "9.5", "95.00"),
    selfeval("财政拨款", "50.00", "65.00", "62.00"),
    selfeval("上年结转资金", "4.00", "5.00", "5.00"),
    selfeval("其他资金", "6.00", "10.00", "9.00"),
    lazy("产出指标/数量指标", cells={"分值": "50", "得分": "50"}, texts={"指标内容": "经办业务笔数", "年度指标值": "≥1万笔", "实际完成值": "1.2万笔"}),
    lazy("产出指标/成本指标", texts={"指标内容": "经办服务成本", "年度指标值": "≤76万元", "实际完成值": "76万元"}),
    lazy("效益指标/社会效益指标", cells={"分值": "30", "得分": "30"}, texts={"指标内容": "待遇按时发放", "年度指标值": "按时", "实际完成值": "按时"}),
    lazy("满意度指标/服务对象满意度指标", cells={"分值": "10", "得分": "9"}, texts={"指标内容": "参保人满意度", "年度指标值": "≥90%", "实际完成值": "92%"}),
    lazy("总分", cells={"分值": "100", "得分": "98.5"}),
]
def task(label, pt, pf, po, xt, xf, xo, what=None):
    t = {"主要内容": what} if what else None
    c = {"全年预算数/总额": pt, "全年预算数/财政拨款": pf, "全年执行数/总额": xt, "全年执行数/财政拨款": xf}
    if po: c["全年预算数/其他资金"] = po
    if xo: c["全年执行数/其他资金"] = xo
    return lazy(label, cells=c, texts=t)
perfo = [
    lazy("部门(单位)名称", texts={"内容": "示例县医疗保障局"}),
    task("机关运转", "100.00", "100.00", None, "98.00", "98.00", None, "保障机关正常运转"),
    task("医保经办", "60.00", "50.00", "10.00", "55.00", "46.00", "9.00", "医保经办服务"),
    task("金额合计", "160.00", "150.00", "10.00", "153.00", "144.00", "9.00"),
]
final = doc("示例县医疗保障局", 2024, "final", [
    table("gov_fund", "政府性基金预算财政拨款收入支出决算表", gov),
    table("state_capital", "国有资本经营预算财政拨款收入支出决算表", cap),
    table("perf_project", "项目支出绩效自评表", perfp),
    table("perf_overall", "整体支出绩效自评表", perfo),
])
json.dump(final, open(os.path.join(HERE, "final-funds.json"), "w"), ensure_ascii=False, indent=1)
