/*
 * cmd_template.c — gongkai template budget|final [--unit] [--year N] -o FILE.xlsx:
 * the blank workbook finance staff fill in.
 *
 * It is the document gongkai render writes, laid out in parts (a report
 * with sections, as a template workbook reads): 封面, 目录, a sheet for the
 * 概况 (its text 【待填写】), one sheet per table of the national set —
 * titled, headed and with their fixed rows (收入总计, 预算数 …) but no
 * figures —, a 名词解释 sheet with the usual terms (to keep or change), and
 * 补充信息 with every fact the 情况说明 uses, its 内容 empty and what it
 * is explained beside it.  The 情况说明 has no sheet: the 目录 lists it, and
 * render writes it from the tables and the facts.  A filled copy renders
 * (gongkai render 预算.xlsx -o 预算.pdf); what is left empty shows as
 * 【待填写】, which check reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "gongkai/render.h"
#include "gongkai/report.h"

/* A table of the blank document: its kind, its title after "<年>年<部门>",
 * its number, and its rows without figures (side | label; "" ends). */
typedef struct blank_table {
    gk_table_kind kind;
    const char *title;
    const char *number;
    const char *rows[20];
} blank_table;

#define IN "收入|"
#define OUT "支出|"

static const blank_table BUDGET[] = {
    {GK_TABLE_BUDGET_SUMMARY, "财务收支预算总表", "表1",
     {IN "财政拨款收入", IN "财政拨款收入/一般公共预算资金", IN "财政拨款收入/政府性基金",
      IN "财政拨款收入/国有资本经营预算", IN "事业收入", IN "事业单位经营收入", IN "其他收入",
      IN "收入总计", OUT "支出总计"}},
    {GK_TABLE_BUDGET_INCOME, "收入预算表", "表2", {"|合计"}},
    {GK_TABLE_BUDGET_EXPENSE, "支出预算表", "表3", {"|合计"}},
    {GK_TABLE_BUDGET_FISCAL_SUMMARY, "财政拨款收支预算总表", "表4",
     {IN "一般公共预算资金", IN "政府性基金", IN "国有资本经营预算", IN "收入总计",
      OUT "支出总计"}},
    {GK_TABLE_BUDGET_GPB_FUNCTION, "一般公共预算支出功能分类预算表", "表5", {"|合计"}},
    {GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC, "一般公共预算基本支出部门预算经济分类预算表", "表6",
     {"|合计"}},
    {GK_TABLE_BUDGET_GOV_FUND, "政府性基金预算支出功能分类预算表", "表7", {"|合计"}},
    {GK_TABLE_BUDGET_STATE_CAPITAL, "国有资本经营预算支出功能分类预算表", "表8", {"|合计"}},
    {GK_TABLE_BUDGET_THREE_PUBLIC, "\"三公\"经费和机关运行经费预算表", "表9", {"|预算数"}},
};

static const blank_table FINAL[] = {
    {GK_TABLE_SUMMARY, "收入支出决算总表", "公开01表",
     {IN "一般公共预算财政拨款收入", IN "政府性基金预算财政拨款收入",
      IN "国有资本经营预算财政拨款收入", IN "上级补助收入", IN "事业收入", IN "经营收入",
      IN "附属单位上缴收入", IN "其他收入", IN "本年收入合计",
      IN "使用非财政拨款结余（含专用结余）", IN "年初结转和结余", IN "总计", OUT "本年支出合计",
      OUT "结余分配", OUT "年末结转和结余", OUT "总计"}},
    {GK_TABLE_INCOME, "收入决算表", "公开02表", {"|合计"}},
    {GK_TABLE_EXPENSE, "支出决算表", "公开03表", {"|合计"}},
    {GK_TABLE_FISCAL_SUMMARY, "财政拨款收入支出决算总表", "公开04表",
     {IN "一般公共预算财政拨款", IN "政府性基金预算财政拨款", IN "国有资本经营预算财政拨款",
      IN "本年收入合计", IN "年初财政拨款结转和结余",
      IN "年初财政拨款结转和结余/一般公共预算财政拨款",
      IN "年初财政拨款结转和结余/政府性基金预算财政拨款",
      IN "年初财政拨款结转和结余/国有资本经营预算财政拨款", IN "总计", OUT "本年支出合计",
      OUT "年末财政拨款结转和结余", OUT "总计"}},
    {GK_TABLE_GPB_EXPENSE, "一般公共预算财政拨款支出决算表", "公开05表", {"|合计"}},
    {GK_TABLE_GPB_BASIC, "一般公共预算财政拨款基本支出决算表", "公开06表",
     {"|人员经费合计", "|公用经费合计"}},
    {GK_TABLE_GOV_FUND, "政府性基金预算财政拨款收入支出决算表", "公开07表", {"|合计"}},
    {GK_TABLE_STATE_CAPITAL, "国有资本经营预算财政拨款收入支出决算表", "公开08表", {"|合计"}},
    {GK_TABLE_THREE_PUBLIC, "财政拨款\"三公\"经费支出决算表", "公开09表", {"|预算数", "|决算数"}},
    {GK_TABLE_OFFICE_OPERATION, "机关运行经费支出情况表", "公开10表", {"|合计"}},
    {GK_TABLE_PROCUREMENT, "政府采购支出情况表", "公开11表",
     {"|政府采购支出合计", "|政府采购货物支出", "|政府采购工程支出", "|政府采购服务支出",
      "|授予中小企业合同金额", "|授予小微企业合同金额"}},
};

static const char *const PUBLIC3[] = {"合计", "因公出国（境）费", "公务用车购置及运行维护费",
                                      "公务用车购置费", "公务用车运行维护费", "公务接待费",
                                      "机关运行经费"};

/* The facts the 情况说明 uses, in the order it uses them (docs/format.md);
 * those by 项 code are explained in the sheet, not listed. */
static const char *const BUDGET_FACTS[] = {
    "上年/收支预算总计", "原因/收支预算总计", "上年/财政拨款收支预算总计",
    "原因/财政拨款收支预算总计", "上年/一般公共预算支出", "原因/一般公共预算支出",
    "上年/三公经费", "原因/三公经费", "上年/因公出国（境）费", "原因/因公出国（境）费",
    "上年/公务用车购置费", "原因/公务用车购置费", "上年/公务用车运行维护费",
    "原因/公务用车运行维护费", "上年/公务接待费", "原因/公务接待费", "上年/机关运行经费",
    "原因/机关运行经费", "说明/政府采购", "说明/绩效目标", "说明/国有资产"};

static const char *const FINAL_FACTS[] = {
    "上年/收入支出总计", "原因/收入支出总计", "上年/财政拨款收入支出总计",
    "原因/财政拨款收入支出总计", "上年/一般公共预算财政拨款支出",
    "原因/一般公共预算财政拨款支出", "年初预算/一般公共预算财政拨款支出",
    "原因/年初预算/一般公共预算财政拨款支出", "上年/三公经费", "原因/三公经费",
    "原因/三公经费预算", "上年/因公出国（境）费", "原因/因公出国（境）费", "上年/公务用车购置费",
    "原因/公务用车购置费", "上年/公务用车运行维护费", "原因/公务用车运行维护费",
    "上年/公务接待费", "原因/公务接待费", "统计/因公出国（境）团组数", "统计/因公出国（境）人次数",
    "统计/公务用车购置数", "统计/公务用车保有量", "统计/国内公务接待批次", "统计/国内公务接待人次",
    "上年/机关运行经费", "原因/机关运行经费", "说明/国有资产", "说明/预算绩效"};

/* The blank report: tables with their fixed rows at lines 100 …, and the
 * parts 概况 | the tables | 情况说明 | 名词解释. */
static gk_report *blank_report(bool budget, bool unit, int year)
{
    gk_report *r = gk_report_new();
    r->kind = budget ? GK_DOC_BUDGET : GK_DOC_FINAL;
    r->year = year;
    r->amount_unit = GK_UNIT_WANYUAN;
    const char *scope = unit ? "单位" : "部门";
    const blank_table *set = budget ? BUDGET : FINAL;
    size_t n = budget ? sizeof BUDGET / sizeof *BUDGET : sizeof FINAL / sizeof *FINAL;
    char buf[256];
    for (size_t i = 0; i < n; i++) {
        gk_table *t = gk_report_add_table(r, set[i].kind);
        snprintf(buf, sizeof buf, "%d年%s%s", year, scope, set[i].title);
        t->title = gk_report_strdup(r, buf);
        t->number = set[i].number;
        t->unit = GK_UNIT_WANYUAN;
        t->pos.line = 100 + (int)i;
        for (size_t k = 0; k < sizeof set[i].rows / sizeof *set[i].rows && set[i].rows[k]; k++) {
            const char *bar = strchr(set[i].rows[k], '|');
            gk_row *row = gk_table_add_row(r, t);
            row->label = gk_report_strdup(r, bar + 1);
            row->side = bar == set[i].rows[k] ? GK_SIDE_NONE
                        : strncmp(set[i].rows[k], IN, strlen(IN)) == 0 ? GK_SIDE_INCOME
                                                                       : GK_SIDE_EXPENSE;
            row->pos.line = t->pos.line;
            /* 三公: its one line of figures printed blank, 机关运行经费 too */
            for (size_t c = 0; set[i].kind == GK_TABLE_BUDGET_THREE_PUBLIC && c < 7; c++)
                gk_row_set_text(r, row, PUBLIC3[c], "");
        }
    }
    gk_pos none = {.line = 1}, from = {.line = 100}, to = {.line = 100 + (int)n};
    snprintf(buf, sizeof buf, "%s概况", scope);
    gk_report_add_section(r, GK_SECTION_TEXT, buf, none, none);
    snprintf(buf, sizeof buf, "%s%s公开报表", scope, budget ? "预算" : "决算");
    gk_report_add_section(r, GK_SECTION_TABLES, buf, from, to);
    snprintf(buf, sizeof buf, "%s%s情况说明", scope, budget ? "预算" : "决算");
    gk_report_add_section(r, GK_SECTION_NARRATIVE, buf, to, to);
    gk_report_add_section(r, GK_SECTION_GLOSSARY, "名词解释", to, to);
    const char *const *facts = budget ? BUDGET_FACTS : FINAL_FACTS;
    size_t nf = budget ? sizeof BUDGET_FACTS / sizeof *BUDGET_FACTS
                       : sizeof FINAL_FACTS / sizeof *FINAL_FACTS;
    for (size_t i = 0; i < nf; i++)
        gk_report_set_fact(r, facts[i], "");
    return r;
}

/* The year a blank document is for: next year's 预算, last year's 决算. */
static int default_year(bool budget)
{
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || !gmtime_r(&now, &tm))
        return 0;
    return tm.tm_year + 1900 + (budget ? 1 : -1);
}

static bool write_blank(FILE *f, void *ctx, gk_error *err)
{
    gk_doc *d = gk_compose(ctx, err);
    if (!d)
        return false;
    /* No date on a blank's 封面: the month it is filled and rendered in is
     * the document's (or the one render --date gives), not today's. */
    d->date_line = NULL;
    bool ok = gk_write_doc(d, GK_FORMAT_XLSX, f, err);
    gk_doc_free(d);
    return ok;
}

int cmd_template(int argc, char **argv)
{
    const char *what = NULL, *out = NULL;
    bool unit = false;
    int year = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_usage(stdout, "template");
            return 0;
        } else if (strcmp(argv[i], "--unit") == 0) {
            unit = true;
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--year") == 0 && i + 1 < argc) {
            char *end;
            long y = strtol(argv[++i], &end, 10);
            if (*end || y < 1990 || y > 2100)
                return cli_bad_usage("template", "年度“%s”无效（应为 1990–2100）", argv[i]);
            year = (int)y;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_bad_usage("template", "未知选项 %s", argv[i]);
        } else if (!what) {
            what = argv[i];
        } else {
            return cli_bad_usage("template", "多余的参数 %s", argv[i]);
        }
    }
    bool budget = what && strcmp(what, "budget") == 0;
    if (!what || (!budget && strcmp(what, "final") != 0))
        return cli_bad_usage("template", "请指明 budget（预算）或 final（决算）");
    if (!out)
        return cli_bad_usage("template", "缺少 -o FILE.xlsx");
    if (gk_format_of_name(out) != GK_FORMAT_XLSX)
        return cli_bad_usage("template", "%s：空白模板只能写成 Excel 工作簿（.xlsx）", out);
    if (!year)
        year = default_year(budget);
    gk_report *r = blank_report(budget, unit, year);
    int status = cli_write_output(out, write_blank, NULL, r);
    gk_report_free(r);
    return status;
}
