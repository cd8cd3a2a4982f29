/*
 * layout.c — the layouts of the tables gongkai knows (data).
 *
 * Order matters: a title is given the first layout whose words it holds, so
 * the more specific titles come first (财政拨款收入支出决算总表 before
 * 收入支出决算总表, 基本支出 before 支出).  Words are name keys: NFKC, no
 * spaces or quotes, ASCII parentheses.
 */
#include "layout.h"

#include <string.h>

/* Common column sets. */
#define COL_TOTAL(name) {name, {"本年收入合计", "本年支出合计", "合计", "小计", "总计"}}

#define FUND_COLUMNS                                                                   \
    {{"年初结转和结余", {"年初结转和结余", "年初"}},                                   \
     {"本年收入", {"本年收入"}},                                                       \
     {"本年支出合计", {"本年支出合计", "小计", "合计"}},                               \
     {"基本支出", {"基本支出"}},                                                       \
     {"项目支出", {"项目支出"}},                                                       \
     {"年末结转和结余", {"年末结转和结余", "年末"}}}

#define PUBLIC3_COLUMNS                                                                \
    {COL_TOTAL("合计"),                                                                \
     {"因公出国（境）费", {"因公出国(境)费", "出国"}},                                  \
     {"公务用车购置及运行维护费", {"公务用车购置及运行维护费", "小计"}},               \
     {"公务用车购置费", {"公务用车购置费", "购置费"}},                                 \
     {"公务用车运行维护费", {"公务用车运行维护费", "运行维护费", "运行费"}},           \
     {"公务接待费", {"公务接待费", "接待费"}},                                         \
     {"会议费", {"会议费"}},                                                           \
     {"培训费", {"培训费"}}}

/* A 三公 table printed as a vertical list ("“三公”经费 | 378.87", "其中：（一）因公
 *出国（境）支出 | 20.00" …): the column each row label stands for. */
#define PUBLIC3_LABELS                                                                 \
    {{"合计", {"三公经费合计", "三公经费", "合计"}},                                   \
     {"因公出国（境）费", {"出国"}},                                                   \
     {"公务用车购置及运行维护费", {"购置及运行"}},                                     \
     {"公务用车购置费", {"购置费"}},                                                   \
     {"公务用车运行维护费", {"运行维护费", "运行费"}},                                 \
     {"公务接待费", {"接待费"}}}

#define FISCAL_EXPENSE_COLUMNS                                                         \
    {COL_TOTAL("合计"),                                                                \
     {"一般公共预算财政拨款", {"一般公共预算"}},                                       \
     {"政府性基金预算财政拨款", {"政府性基金"}},                                       \
     {"国有资本经营预算财政拨款", {"国有资本经营"}}}

#define FUNCTION_BUDGET_COLUMNS                                                        \
    {COL_TOTAL("合计"),                                                                \
     {"基本支出", {"基本支出"}},                                                       \
     {"人员经费", {"人员经费", "工资福利", "对个人和家庭"}},                           \
     {"公用经费", {"公用经费", "商品和服务"}},                                         \
     {"项目支出", {"项目支出"}}}

/* 基本支出 by economic class: the total, and where printed its two parts
 * (the 公用经费 column is what 机关运行经费 is measured against). */
#define BASIC_ECONOMIC_COLUMNS                                                         \
    {{"金额", {"金额", "预算数", "合计", "总计"}},                                     \
     {"人员经费", {"人员经费", "人员类"}},                                             \
     {"公用经费", {"公用经费"}}}

/* 采购品目大类 rows of a 政府采购预算表, named exactly so (not an item whose
 * name holds 服务). */
#define PROCUREMENT_BUDGET_LABELS                                                      \
    {{"合计", {"合计", "总计"}},                                                       \
     {"货物", {"货物", "A-货物", "货物类"}},                                           \
     {"工程", {"工程", "B-工程", "工程类"}},                                           \
     {"服务", {"服务", "C-服务", "服务类"}}}

/* Tables by unit: 总计, then the sources of funds (财政拨款 合计 and its
 * three funds, 财政专户拨款, 其他资金). */
#define BY_UNIT_COLUMNS                                                                \
    {{"总计", {"总计"}},                                                               \
     {"财政拨款合计", {"财政拨款合计", "合计"}},                                       \
     {"一般公共预算", {"一般公共预算"}},                                               \
     {"政府性基金预算", {"政府性基金"}},                                               \
     {"国有资本经营预算", {"国有资本经营"}},                                           \
     {"财政专户拨款", {"财政专户"}},                                                   \
     {"其他资金", {"其他资金"}}}

#define NO_SUMS {{0}}
#define FUND_SUMS                                                                      \
    {{"本年支出合计", "基本支出", "项目支出"},                                         \
     {"年末结转和结余", "年初结转和结余", "本年收入", "-本年支出合计"}}
#define FUNCTION_SUMS {{"合计", "基本支出", "项目支出"}, {"基本支出", "人员经费", "公用经费"}}
#define PUBLIC3_SUMS                                                                   \
    {{"合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"},           \
     {"公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费"}}
#define FISCAL_SUMS                                                                    \
    {{"合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}}

static const gk_layout LAYOUTS[] = {
    /* ---- 决算 ---- */
    {GK_TABLE_FISCAL_SUMMARY, {"财政拨款收入支出决算总表"}, {0}, GK_ROWS_TWO_SIDED,
     FISCAL_EXPENSE_COLUMNS, {{0}}, FISCAL_SUMS},
    {GK_TABLE_SUMMARY, {"收入支出决算总表"}, {0}, GK_ROWS_TWO_SIDED,
     {{"金额", {"金额", "决算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_GPB_BASIC, {"一般公共预算财政拨款基本支出决算"}, {0}, GK_ROWS_GROUPED,
     {{"金额", {"金额", "决算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_GPB_PROJECT, {"一般公共预算财政拨款项目支出决算"}, {0}, GK_ROWS_CODED,
     {{"金额", {"金额", "决算数", "合计"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_GPB_EXPENSE, {"一般公共预算财政拨款支出决算"}, {0}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_GOV_FUND, {"政府性基金预算财政拨款", "决算"}, {0}, GK_ROWS_CODED, FUND_COLUMNS,
     {{0}}, FUND_SUMS},
    {GK_TABLE_STATE_CAPITAL, {"国有资本经营预算财政拨款", "决算"}, {0}, GK_ROWS_CODED,
     FUND_COLUMNS, {{0}}, FUND_SUMS},
    {GK_TABLE_THREE_PUBLIC, {"三公", "决算"}, {0}, GK_ROWS_PUBLIC3, PUBLIC3_COLUMNS, PUBLIC3_LABELS,
     PUBLIC3_SUMS},
    {GK_TABLE_OFFICE_OPERATION, {"机关运行经费", "表"}, {"预算"}, GK_ROWS_CODED,
     {{"金额", {"金额", "决算数", "合计"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_PROCUREMENT, {"政府采购", "情况表"}, {"预算"}, GK_ROWS_LABELLED,
     {{"金额", {"金额", "决算数"}}},
     {{"政府采购支出合计", {"政府采购支出合计", "支出合计"}},
      {"政府采购货物支出", {"货物"}},
      {"政府采购工程支出", {"工程"}},
      {"政府采购服务支出", {"服务"}},
      {"授予中小企业合同金额", {"中小企业"}},
      {"授予小微企业合同金额", {"小微企业"}}}, NO_SUMS},
    {GK_TABLE_FISCAL_EXPENSE_DETAIL, {"财政拨款支出决算明细表"}, {0}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_INCOME, {"收入决算表"}, {0}, GK_ROWS_CODED,
     {COL_TOTAL("本年收入合计"),
      {"财政拨款收入", {"财政拨款收入", "财政拨款"}},
      {"上级补助收入", {"上级补助收入", "上级补助"}},
      {"事业收入", {"事业收入"}},
      {"经营收入", {"经营收入"}},
      {"附属单位上缴收入", {"附属单位上缴收入", "附属单位"}},
      {"其他收入", {"其他收入"}}},
     {{0}}, {{"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"}}},
    {GK_TABLE_EXPENSE, {"支出决算表"}, {0}, GK_ROWS_CODED,
     {COL_TOTAL("本年支出合计"),
      {"基本支出", {"基本支出"}},
      {"项目支出", {"项目支出"}},
      {"上缴上级支出", {"上缴上级支出", "上缴上级"}},
      {"经营支出", {"经营支出"}},
      {"对附属单位补助支出", {"对附属单位补助支出", "附属单位"}}},
     {{0}}, {{"本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"}}},
    {GK_TABLE_PERF_PROJECT, {"项目支出绩效自评表"}, {0}, GK_ROWS_FORM, {{0}}, {{0}}, NO_SUMS},
    {GK_TABLE_PERF_OVERALL, {"整体支出绩效自评表"}, {0}, GK_ROWS_FORM, {{0}}, {{0}}, NO_SUMS},

    /* ---- 预算 ---- */
    {GK_TABLE_BUDGET_FISCAL_SUMMARY, {"财政拨款收支", "总表"}, {"决算"}, GK_ROWS_TWO_SIDED,
     FISCAL_EXPENSE_COLUMNS, {{0}}, FISCAL_SUMS},
    /* 财政拨款收支总体情况表 (a budget's title read with 预算, text.c). */
    {GK_TABLE_BUDGET_FISCAL_SUMMARY, {"财政拨款收支总体", "预算"}, {"决算"}, GK_ROWS_TWO_SIDED,
     FISCAL_EXPENSE_COLUMNS, {{0}}, FISCAL_SUMS},
    {GK_TABLE_BUDGET_SUMMARY, {"收支", "总表"}, {"决算"}, GK_ROWS_TWO_SIDED,
     {{"金额", {"金额", "预算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_SUMMARY, {"收支总体", "预算"}, {"决算"}, GK_ROWS_TWO_SIDED,
     {{"金额", {"金额", "预算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_PERF_TARGET_FUND, {"专项资金", "绩效目标表"}, {0}, GK_ROWS_FORM, {{0}}, {{0}}, NO_SUMS},
    {GK_TABLE_PERF_TARGET_OVERALL, {"整体支出绩效目标表"}, {0}, GK_ROWS_FORM, {{0}}, {{0}}, NO_SUMS},
    {GK_TABLE_PERF_TARGET_PROJECT, {"绩效目标表"}, {0}, GK_ROWS_FORM, {{0}}, {{0}}, NO_SUMS},
    /* Tables by unit (广州 表11, 表12): 合计, then each unit and under it its
     * economic classes (基本支出) or its projects (项目支出, a 绩效目标
     * paragraph beside each), the funds as columns.  Rows by label; the
     * 合计 row is all of the year's 基本支出 (项目支出 and the rest). */
    {GK_TABLE_BUDGET_BASIC_BY_UNIT, {"基本支出预算表"},
     {"决算", "经济", "功能", "一般公共预算", "财政拨款", "明细"}, GK_ROWS_GENERIC, BY_UNIT_COLUMNS,
     {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_PROJECT_BY_UNIT, {"项目支出及其他支出预算表"}, {"决算"}, GK_ROWS_GENERIC,
     BY_UNIT_COLUMNS, {{0}}, NO_SUMS},
    /* 财政拨款上年结转资金支出表 (西安 表11; "财政拨款结转资金支出表", "财拨
     * 结转支出表"): one row per project carried over, 单位 | 项目 | 金额 | its
     * codes and classes as text.  Not a table "不含上年结转". */
    {GK_TABLE_BUDGET_CARRYOVER, {"结转", "支出表"}, {"决算", "不含"}, GK_ROWS_GENERIC,
     {{"金额", {"金额"}}}, {{0}}, NO_SUMS},
    /* 会议费明细表, 培训费明细表 (西安): 序号 | 名称 | 时间 | 人数 | 金额 | 备注,
     * one row per meeting or course. */
    {GK_TABLE_BUDGET_MEETING, {"会议费明细表"}, {"决算", "三公"}, GK_ROWS_GENERIC,
     {{"金额", {"金额", "预算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_TRAINING, {"培训费明细表"}, {"决算", "三公"}, GK_ROWS_GENERIC,
     {{"金额", {"金额", "预算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC, {"基本支出", "经济分类"}, {"决算"}, GK_ROWS_GROUPED,
     BASIC_ECONOMIC_COLUMNS, {{0}}, NO_SUMS},
    /* "财政拨款基本支出表（经济科目）"; "一般公共预算基本支出表" with no
     * classification named is by economic class unless its codes are
     * functional (read_table). */
    {GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC, {"基本支出", "经济"}, {"决算", "功能"}, GK_ROWS_GROUPED,
     BASIC_ECONOMIC_COLUMNS, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC, {"一般公共预算基本支出表"}, {"决算", "功能"}, GK_ROWS_GROUPED,
     BASIC_ECONOMIC_COLUMNS, {{0}}, NO_SUMS},
    /* "一般公共预算基本支出情况表" (长沙): as 一般公共预算基本支出表. */
    {GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC, {"一般公共预算基本支出", "情况表"}, {"决算", "功能"},
     GK_ROWS_GROUPED, BASIC_ECONOMIC_COLUMNS, {{0}}, NO_SUMS},
    /* "…明细表（按功能科目分）": the classification named by its 科目. */
    {GK_TABLE_BUDGET_GPB_BASIC_FUNCTION, {"基本支出", "功能分类"}, {"决算"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_GPB_BASIC_FUNCTION, {"基本支出", "功能科目"}, {"决算"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_GPB_ECONOMIC, {"一般公共预算支出", "经济分类"}, {"决算"}, GK_ROWS_GROUPED,
     {{"金额", {"金额", "预算数", "合计"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_GPB_ECONOMIC, {"一般公共预算支出", "经济科目"}, {"决算"}, GK_ROWS_GROUPED,
     {{"金额", {"金额", "预算数", "合计"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_GPB_FUNCTION, {"一般公共预算支出", "功能分类"}, {"决算"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_GPB_FUNCTION, {"一般公共预算支出", "功能科目"}, {"决算"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    /* "一般公共预算支出表" (公开07表), "一般公共预算拨款支出预算表": by function. */
    {GK_TABLE_BUDGET_GPB_FUNCTION, {"一般公共预算支出表"}, {"决算", "经济分类"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_GPB_FUNCTION, {"一般公共预算拨款支出预算表"}, {"决算", "经济分类"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    /* "一般公共预算支出情况表" (长沙): by function, 总计 | 基本支出 | 项目支出. */
    {GK_TABLE_BUDGET_GPB_FUNCTION, {"一般公共预算支出情况表"}, {"决算", "经济"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_GOV_FUND, {"政府性基金", "收支表"}, {"决算"}, GK_ROWS_TWO_SIDED,
     {{"金额", {"金额", "预算数"}}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_GOV_FUND, {"政府性基金", "预算"}, {"决算"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_STATE_CAPITAL, {"国有资本经营", "预算"}, {"决算"}, GK_ROWS_CODED,
     FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    {GK_TABLE_BUDGET_THREE_PUBLIC, {"三公", "预算"}, {"决算"}, GK_ROWS_PUBLIC3,
     {COL_TOTAL("合计"),
      {"因公出国（境）费", {"因公出国(境)费", "出国"}},
      {"公务用车购置及运行维护费", {"公务用车购置及运行维护费", "公务用车购置及运行费", "小计"}},
      {"公务用车购置费", {"公务用车购置费", "购置费", "公务用车购置"}},
      {"公务用车运行维护费", {"公务用车运行维护费", "运行维护费", "运行费"}},
      {"公务接待费", {"公务接待费", "接待费"}},
      {"会议费", {"会议费"}},
      {"培训费", {"培训费"}},
      /* "2024年机关运行经" / "费预算数": a header wrapped in its word. */
      {"机关运行经费", {"机关运行经费", "机关运行经"}}},
     PUBLIC3_LABELS, PUBLIC3_SUMS},
    /* Never matched by a title (no `all` words): the order each year's group
     * of a 三公 table of two years and their change is printed in (西安
     * 部门综合预算 表13: 合计 of 三公, 会议费 and 培训费 first, the 三公 小计
     * after it).  read_public3_years reads this year's group by it. */
    {GK_TABLE_BUDGET_THREE_PUBLIC, {0}, {0}, GK_ROWS_PUBLIC3,
     {{"三公经费、会议费和培训费合计", {0}},
      {"合计", {0}},
      {"因公出国（境）费", {0}},
      {"公务接待费", {0}},
      {"公务用车购置及运行维护费", {0}},
      {"公务用车购置费", {0}},
      {"公务用车运行维护费", {0}},
      {"会议费", {0}},
      {"培训费", {0}}},
     {{0}}, PUBLIC3_SUMS},
    /* "一般公共预算机关运行经费支出预算表" (苏州): 302 items under one column. */
    {GK_TABLE_BUDGET_OFFICE_OPERATION, {"机关运行经费", "预算"}, {"决算", "三公"}, GK_ROWS_CODED,
     {{"金额", {"金额", "机关运行经费支出", "机关运行经费", "预算数", "合计"}}}, {{0}}, NO_SUMS},
    /* 单位（项目）名称 | 项目金额 | 项目简介: the amount column alone. */
    {GK_TABLE_BUDGET_SPECIAL, {"专项业务经费支出表"}, {0}, GK_ROWS_GENERIC,
     {{"金额", {"金额"}}}, {{0}}, NO_SUMS},
    /* 预算金额 (西安), 总计 after the sources of funds (苏州); rows by 采购品目
     * 大类 where printed (货物 / "A-货物" …, each over its items). */
    {GK_TABLE_BUDGET_PROCUREMENT, {"政府采购", "预算"}, {"决算"}, GK_ROWS_GENERIC,
     {{"金额", {"金额", "总计"}}}, PROCUREMENT_BUDGET_LABELS, NO_SUMS},
    /* "政府采购支出表" in a budget (苏州), 预算 left out of its title. */
    {GK_TABLE_BUDGET_PROCUREMENT, {"政府采购支出表"}, {"决算"}, GK_ROWS_GENERIC,
     {{"金额", {"金额", "总计"}}}, PROCUREMENT_BUDGET_LABELS, NO_SUMS},
    {GK_TABLE_BUDGET_PROJECT, {"项目支出预算表"}, {0}, GK_ROWS_GENERIC, {{0}}, {{0}}, NO_SUMS},
    {GK_TABLE_BUDGET_INCOME, {"收入", "预算"}, {"决算", "支出"}, GK_ROWS_CODED,
     {COL_TOTAL("合计"),
      {"一般公共预算拨款收入", {"一般公共预算"}},
      {"政府性基金预算拨款收入", {"政府性基金"}},
      {"国有资本经营预算拨款收入", {"国有资本经营"}},
      {"财政专户管理资金收入", {"财政专户"}},
      {"事业收入", {"事业收入"}},
      {"事业单位经营收入", {"经营收入"}},
      {"上级补助收入", {"上级补助"}},
      {"附属单位上缴收入", {"附属单位"}},
      {"其他收入", {"其他收入"}},
      /* 上年结转结余 (福州, 北京): in 合计, though not this year's income. */
      {"上年结转", {"上年结转"}}},
     {{0}}, NO_SUMS},
    /* "财政拨款支出表（功能科目）" (苏州 公开05表): the three fiscal funds by
     * function, 合计 | 基本支出 (小计, 人员经费, 公用经费) | 项目支出. */
    {GK_TABLE_BUDGET_FISCAL_FUNCTION, {"财政拨款支出表"}, {"决算", "经济", "一般公共预算", "基本支出"},
     GK_ROWS_CODED, FUNCTION_BUDGET_COLUMNS, {{0}}, FUNCTION_SUMS},
    /* Not the 支出预算表 (基本支出 | 项目支出 by function, all funds): tables
     * of one of its parts by unit or by economic class, 机关运行经费 tables,
     * and the 财政拨款 tables (支出表（功能科目）of the fiscal funds only). */
    {GK_TABLE_BUDGET_EXPENSE, {"支出", "预算"},
     {"决算", "收入", "基本支出预算表", "项目支出及其他支出", "机关运行经费", "财政拨款"}, GK_ROWS_CODED,
     {COL_TOTAL("合计"),
      {"基本支出", {"基本支出"}},
      {"项目支出", {"项目支出"}},
      {"事业单位经营支出", {"经营支出"}},
      {"上缴上级支出", {"上缴上级"}},
      {"对附属单位补助支出", {"附属单位"}}},
     {{0}}, NO_SUMS},
    /* Last, and never matched by a title (no `all` words): a table of no
     * known kind, read as labelled rows under the columns its header names. */
    {GK_TABLE_OTHER, {0}, {0}, GK_ROWS_GENERIC, {{0}}, {{0}}, NO_SUMS},
};

#define NLAYOUTS (sizeof LAYOUTS / sizeof LAYOUTS[0])

const gk_layout *gk_layout_for_title(const char *key)
{
    for (size_t i = 0; i < NLAYOUTS; i++) {
        const gk_layout *l = &LAYOUTS[i];
        bool ok = l->all[0] != NULL;
        for (int w = 0; ok && w < 4 && l->all[w]; w++)
            ok = strstr(key, l->all[w]) != NULL;
        for (int w = 0; ok && w < 6 && l->none[w]; w++)
            ok = strstr(key, l->none[w]) == NULL;
        if (ok)
            return l;
    }
    return NULL;
}

const gk_layout *gk_layout_of(gk_table_kind kind)
{
    for (size_t i = 0; i < NLAYOUTS; i++)
        if (LAYOUTS[i].kind == kind)
            return &LAYOUTS[i];
    return NULL;
}

const gk_layout *gk_layout_next(gk_table_kind kind, const gk_layout *after)
{
    for (size_t i = after ? (size_t)(after - LAYOUTS) + 1 : 0; i < NLAYOUTS; i++)
        if (LAYOUTS[i].kind == kind)
            return &LAYOUTS[i];
    return NULL;
}

const gk_layout *gk_layout_of_table(const gk_table *t)
{
    bool sided = false;
    for (size_t i = 0; i < t->nrows && !sided; i++)
        sided = t->rows[i].side != GK_SIDE_NONE;
    const gk_layout *first = NULL;
    for (size_t i = 0; i < NLAYOUTS; i++) {
        const gk_layout *l = &LAYOUTS[i];
        if (l->kind != t->kind)
            continue;
        if ((l->style == GK_ROWS_TWO_SIDED) == sided)
            return l;
        if (!first)
            first = l;
    }
    return first;
}

/* Kinds of labelled rows whose cells hold paragraphs besides the forms. */
static const gk_table_kind PROSE_KINDS[] = {GK_TABLE_BUDGET_SPECIAL, GK_TABLE_BUDGET_PROJECT_BY_UNIT};

bool gk_layout_prose_cells(const gk_layout *l)
{
    if (!l)
        return false;
    if (l->style == GK_ROWS_FORM)
        return true;
    for (size_t i = 0; i < sizeof PROSE_KINDS / sizeof *PROSE_KINDS; i++)
        if (l->kind == PROSE_KINDS[i])
            return true;
    return false;
}

int gk_layout_ncolumns(const gk_column_spec *cols)
{
    int n = 0;
    while (n < GK_LAYOUT_MAX_COLUMNS && cols[n].name)
        n++;
    return n;
}
