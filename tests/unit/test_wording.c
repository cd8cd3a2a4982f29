/*
 * test_wording.c — the prose checks of wording.c (DOC007–DOC009, DOC013–DOC015) and form.c
 * (DOC010–DOC012): synthetic sentences that must and must not fire, and the
 * real ones of the corpus.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongkai.h"
#include "findings_helpers.h"

/* The findings of `rule` on a report of one section whose paragraphs
 * (lines of a PDF, say) are `lines`, NULL-terminated. */
static int fired(gk_doc_kind kind, int year, const char *rule, const char *const *lines,
                 char *message, size_t size)
{
    gk_report *r = gk_report_new();
    r->kind = kind;
    r->year = year;
    const char *section = "一、收入支出预算总体情况";
    gk_paragraph *h = gk_report_add_paragraph(r, section, section, (gk_pos){.line = 1});
    h->heading = true;
    for (int i = 0; lines[i]; i++)
        gk_report_add_paragraph(r, section, lines[i], (gk_pos){.line = 2 + i});
    gk_findings f;
    gk_check(r, &f);
    int n = 0;
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, rule) == 0) {
            if (n++ == 0 && message)
                snprintf(message, size, "%s@%d", f.items[i].message, f.items[i].locs[0].pos.line);
        }
    gk_report_free(r);
    return n;
}

#define ONE(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_compared_year(void **state)
{
    (void)state;
    char msg[512];
    /* The budget year where the previous one is meant. */
    assert_int_equal(fired(GK_DOC_BUDGET, 2026, "DOC007",
                           ONE("收入预算 100 万元，比 2026 年预算增加 5 万元。"), msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "比较的是 2026 年"));
    assert_non_null(strstr(msg, "应为 2025 年"));
    /* Wrapped over two lines: found on the line the words start on. */
    assert_int_equal(fired(GK_DOC_BUDGET, 2026, "DOC007", ONE("支出预算 100 万元，较", "2027年度增加 5 万元。"),
                           msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "@2"));
    /* The accounts: the same year only for its own budget. */
    assert_int_equal(fired(GK_DOC_FINAL, 2024, "DOC007",
                           ONE("与 2024 年度相比，收入支出总计增加 5 万元。"), NULL, 0), 1);
    assert_int_equal(fired(GK_DOC_FINAL, 2024, "DOC007",
                           ONE("支出决算比2024年年初预算增加 5 万元。"), NULL, 0), 0);
    assert_int_equal(fired(GK_DOC_FINAL, 2024, "DOC007",
                           ONE("比 2024 年预算减少 5 万元。"), NULL, 0), 0);
    /* What the corpus says, rightly. */
    static const char *const right[] = {
        "比2025年预算增加147万元", "与2025年预算持平", "比2025年预算执行数增加8.57%",
        "比 2025 年年初预算数", "比2025年初预算数20", "较2025年预算多2",
        "与 2019 年国民经济和社会发展计划执行情况", "比上年增加 5 万元"};
    for (size_t i = 0; i < sizeof right / sizeof *right; i++)
        if (fired(GK_DOC_BUDGET, 2026, "DOC007", ONE(right[i]), NULL, 0) != 0)
            fail_msg("fired on: %s", right[i]);
    /* No year, no judgement. */
    assert_int_equal(fired(GK_DOC_BUDGET, 0, "DOC007", ONE("比 2026 年预算增加 5 万元。"), NULL, 0), 0);
}

static void test_alternatives(void **state)
{
    (void)state;
    char msg[512];
    /* From the corpus: 凤县 2024 单位预算, a PDF line break inside the words
     * (石泉 2025 决算: "决算数大" / "小于预算数"). */
    assert_int_equal(fired(GK_DOC_BUDGET, 2024, "DOC008",
                           ONE("会议费预算支出 0 万元，较上年增加（减少）0 万元（0%）。"), msg,
                           sizeof msg), 1);
    assert_non_null(strstr(msg, "“增加（减少）”"));
    assert_int_equal(fired(GK_DOC_FINAL, 2024, "DOC008",
                           ONE("支出决算为 19,044.27 万元。决算数大", "小于预算数的主要原因：工程进度。"),
                           msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "“大小于”"));
    assert_non_null(strstr(msg, "@2"));
    assert_int_equal(fired(GK_DOC_FINAL, 2024, "DOC008",
                           ONE("其他用车 0 辆，主要是（简单列举主要类型）。"), msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "填写说明"));
    /* One choice made: nothing to say. */
    assert_int_equal(fired(GK_DOC_BUDGET, 2024, "DOC008",
                           ONE("比上年减少 0.15 万元，下降 27.78%（主要是公务用车减少）。"), NULL, 0), 0);
}

static void test_empty_reason(void **state)
{
    (void)state;
    char msg[512];
    /* 普陀区社会福利院 2024 单位预算. */
    assert_int_equal(fired(GK_DOC_BUDGET, 2024, "DOC009",
                           ONE("（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。其中："),
                           msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "“主要原因是。”"));
    assert_int_equal(fired(GK_DOC_BUDGET, 2024, "DOC009", ONE("项目经费 5 万元，主要用于；"), msg,
                           sizeof msg), 1);
    assert_non_null(strstr(msg, "具体用途"));
    /* Wrapped: the reason is on the next line; a list after a colon. */
    assert_int_equal(fired(GK_DOC_BUDGET, 2024, "DOC009",
                           ONE("增加 5 万元，主要原因是", "人员增加。", "主要用于：", "1. 办公。"), NULL, 0),
                     0);
}

/* DOC002 (document.c) takes 、、 too: 上海市海洋监测预报中心 2026 单位预算. */
static void test_doubled(void **state)
{
    (void)state;
    assert_int_equal(fired(GK_DOC_BUDGET, 2026, "DOC002",
                           ONE("承担海洋观测、海洋灾害预警预报、、滨海海洋生态监测等工作。"), NULL, 0),
                     1);
    assert_int_equal(fired(GK_DOC_BUDGET, 2026, "DOC002", ONE("海洋观测、海洋灾害预警预报。"), NULL, 0),
                     0);
}

static void test_class_names(void **state)
{
    (void)state;
    char msg[512];
    /* 普陀区社会福利院 2024 单位预算: the name 210 had in 2014–2018. */
    static const char *const welfare =
        "5. “医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。";
    assert_int_equal(fired(GK_DOC_BUDGET, 2024, "DOC013", ONE(welfare), msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "2014—2018 年的类级科目名称"));
    assert_non_null(strstr(msg, "“卫生健康支出”"));
    assert_int_equal(fired(GK_DOC_BUDGET, 2018, "DOC013", ONE(welfare), NULL, 0), 0);
    /* 石泉路街道 2025 决算, wrapped: a 款 named as before 2020. */
    assert_int_equal(fired(GK_DOC_FINAL, 2025, "DOC013",
                           ONE("6.“社会保障和就业支出（类）行政事业单位离退休（款）",
                               "归口管理的行政单位离退休（项）”252.74 万元，主要用于："),
                           msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "“行政事业单位离退休”是 2019 年及以前的款级科目名称"));
    assert_non_null(strstr(msg, "@2"));
    /* 规划和自然资源局 2024 决算: the 款 named as its 类, the 项 tells which. */
    assert_int_equal(fired(GK_DOC_FINAL, 2024, "DOC013",
                           ONE("12、住房保障支出（类）住房保障支出（款）住房公积金（项）"), msg,
                           sizeof msg), 1);
    assert_non_null(strstr(msg, "款名应为“住房改革支出”"));
    /* 石泉路街道 2025 决算: a 类 quoted by its name alone. */
    assert_int_equal(fired(GK_DOC_FINAL, 2025, "DOC013",
                           ONE("占0.03%；5.“文化体育与传媒支出”82.51万元，占1.02%；"), msg, sizeof msg),
                     1);
    assert_non_null(strstr(msg, "“文化体育与传媒支出”是 2018 年及以前的类级科目名称"));
    assert_int_equal(fired(GK_DOC_FINAL, 2025, "DOC013",
                           ONE("5.“文化旅游体育与传媒支出”82.51万元；主要用于“医疗卫生支出方面”。"),
                           NULL, 0), 0);
    /* Right names; a 类 named without 支出; a year whose name is not known
     * (市场主体管理 until 2023, 经营主体管理 from 2026). */
    static const char *const right[] = {
        "“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”146.89万元。",
        "“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”",
        "一般公共服务（类）统计信息事务（款）统计信息事务（项）",
        "一般公共服务支出（类）市场监督管理事务（款）市场主体管理（项）",
        "公共安全支出（类）司法（款）其他公共安全支出（项）"};
    for (size_t i = 0; i < sizeof right / sizeof *right; i++)
        if (fired(GK_DOC_FINAL, 2025 - (i == 3), "DOC013", ONE(right[i]), NULL, 0) != 0)
            fail_msg("fired on: %s", right[i]);
}

/* A printed line of a synthetic document: "#" before the text marks a
 * heading, "|" a table's title there; page 0 keeps the page (the first is 1). */
typedef struct line {
    int page;
    const char *text;
} line;

#define LINES(...) ((const line[]){__VA_ARGS__, {-1, NULL}})

/* The findings of `rule` on a report of these lines (each heading opens its
 * section); "message@page:line" of the first in msg. */
static int fired_on(const char *rule, const line *lines, char *message, size_t size)
{
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    r->year = 2026;
    const char *section = NULL;
    int page = 1, ln = 0;
    for (int i = 0; lines[i].text; i++) {
        if (lines[i].page > 0 && lines[i].page != page) {
            page = lines[i].page;
            ln = 0;
        }
        gk_pos pos = {.page = page, .line = ++ln};
        const char *t = lines[i].text;
        if (t[0] == '|') {
            gk_table *tb = gk_report_add_table(r, GK_TABLE_UNKNOWN);
            tb->title = t + 1;
            tb->pos = pos;
            continue;
        }
        bool heading = t[0] == '#';
        if (heading)
            section = ++t;
        gk_paragraph *p = gk_report_add_paragraph(r, section, t, pos);
        p->heading = heading;
    }
    gk_findings f;
    gk_check(r, &f);
    int n = 0;
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, rule) == 0 && n++ == 0 && message)
            snprintf(message, size, "%s@%d:%d", f.items[i].message, f.items[i].locs[0].pos.page,
                     f.items[i].locs[0].pos.line);
    gk_report_free(r);
    return n;
}

static void test_heading_numbers(void **state)
{
    (void)state;
    char msg[512];
    /* A gap at each level. */
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#一、收入预算"}, {0, "收入 5 万元。"}, {0, "#二、支出预算"},
                                    {0, "支出 5 万元。"}, {0, "#四、三公经费"}, {0, "无。"}),
                              msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "缺少“三、”"));
    assert_non_null(strstr(msg, "@1:5"));
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#一、三公经费"}, {0, "#（一）因公出国（境）费"}, {0, "#（二）公务接待费"},
                                    {0, "#（二）公务用车购置及运行费"}),
                              msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "标题序号重复"));
    assert_non_null(strstr(msg, "“（二）”"));
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#一、项目"}, {0, "#1.项目概述"}, {0, "#2.立项依据"},
                                    {0, "#4.实施周期"}),
                              msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "缺少“3、”"));
    /* Numbers restart under each higher heading, and after a 目录. */
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#目录"}, {0, "#一、收入"}, {0, "#二、支出"}, {0, "#三、三公"},
                                    {2, "#第一部分 概况"}, {0, "#一、收入"}, {0, "#（一）财政拨款"},
                                    {0, "#（二）其他"}, {0, "#二、支出"}, {0, "#（一）基本支出"},
                                    {0, "#（二）项目支出"}, {0, "#第二部分 说明"}, {0, "#一、三公"}),
                              NULL, 0), 0);
    /* The missing number is printed inside a line (…规则。（八）负责…), or a
     * table stands between the two headings (十一、 inside it). */
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#（七）负责会计管理工作。（八）负责非税收入管理。"},
                                    {0, "#（九）拟订国库管理制度。"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#十、“三公”经费及会议费、培训费情况说明"}, {0, "|会议费明细表"},
                                    {0, "#十二、政府采购情况说明"}),
                              NULL, 0), 0);
    /* 第二部分 (the tables) named in the 目录 only, or a narrative without
     * tables (published in another file). */
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#目录"}, {0, "第一部分 概况"}, {0, "第二部分 部门预算表"},
                                    {0, "第三部分 情况说明"}, {2, "#第一部分 概况"}, {0, "#第三部分 情况说明"},
                                    {0, "|收支总表"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC010", LINES({0, "#第一部分 概况"}, {0, "#第三部分 情况说明"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#第一部分 概况"}, {0, "#第三部分 情况说明"}, {0, "|收支总表"}),
                              NULL, 0), 1);
    /* A part numbered 六、 whose own items restart at 一、 (the template's
     * 其他相关情况说明), then 七、: the outer numbering resumes — while a gap
     * among the items is still one. */
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#五、部门预算表"}, {0, "#六、其他相关情况说明"},
                                    {0, "#一、三公经费"}, {0, "#二、机关运行经费"}, {0, "#三、政府采购"},
                                    {0, "#七、项目经费情况说明"}, {0, "#一、项目概述"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC010",
                              LINES({0, "#五、部门预算表"}, {0, "#六、其他相关情况说明"},
                                    {0, "#一、三公经费"}, {0, "#二、机关运行经费"}, {0, "#四、政府采购"},
                                    {0, "#七、项目经费情况说明"}),
                              NULL, 0), 1);
    /* Two single-item lists, a heading printed twice. */
    assert_int_equal(fired_on("DOC010", LINES({0, "#1.保障运转"}, {0, "#1.做好宣传"}), NULL, 0), 0);
    assert_int_equal(fired_on("DOC010", LINES({0, "#二、支出"}, {2, "#二、支出"}), NULL, 0), 0);
}

static void test_brackets(void **state)
{
    (void)state;
    char msg[512];
    /* 苏州 2026 单位预算: "(机关党委" is never closed. */
    assert_int_equal(
        fired_on("DOC011",
                 LINES({0, "#二、单位机构设置"},
                       {0, "本单位内设机构包括：办公室（组织人事处、审计监督处）(机关党委(与"},
                       {0, "办公室(组织人事处、审计监督处)合署办公)、规划计划处。本单位无下属单位。"}),
                 msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "“(机关党委(与办公室"));
    assert_non_null(strstr(msg, "@1:2"));
    /* 广州 2026 部门预算: a closing bracket without its opening. */
    assert_int_equal(
        fired_on("DOC011",
                 LINES({0, "#二、“三公”经费安排情况"},
                       {0, "“三公”经费44.94万元，比上年减少2.61万元。其"},
                       {0, "中：因公出国（境）费24万元，比上年增加0万元，增长0%，主要"},
                       {0, "原因是与上年持平，无增减变化）；公务用车购置及运行维护费"},
                       {0, "12.64万元（公务用车购置费0万元，比上年增加0万元；公务用车"},
                       {0, "运行维护费12.64万元，比上年减少4.11万元。）比上年减少4.11"},
                       {0, "万元。"}),
                 msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "无增减变化）”中的“）”前没有对应的“（”"));
    assert_non_null(strstr(msg, "@1:4"));
    /* A quote left open before the next heading. */
    assert_int_equal(fired_on("DOC011",
                              LINES({0, "#一、概况"}, {0, "开展“放管服改革，提升服务水平。"},
                                    {0, "#二、收入"}),
                              NULL, 0), 1);
    /* What is right: a bracket closing in the next sentence, enumerators,
     * a title's 〔〕, mixed widths. */
    assert_int_equal(fired_on("DOC011",
                              LINES({0, "#十、绩效"},
                                    {0, "平均得分99分（其中，评级为“优”的项目4个。发现问题0个）。"},
                                    {0, "主要包括：1）办公费；2）印刷费。"},
                                    {0, "根据《关于印发办法的通知》（粤司〔2020〕85号）执行（款)。"}),
                              NULL, 0), 0);
    /* What cannot be known: the pair across a page, over a table row, in a
     * glossary entry whose first line the reader took for a heading. */
    assert_int_equal(fired_on("DOC011",
                              LINES({0, "#三、支出"}, {0, "主要用于单位新人（1998"},
                                    {2, "年12月1日后参加工作人员）购房补贴支出。"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC011",
                              LINES({0, "#三、支出"}, {0, "工资福利支出（301\t4182.68"},
                                    {0, "）主要用于工资。"}),
                              NULL, 0), 0);
    /* Quotes unpaired in sentence after sentence: a font that maps “ and ”
     * to one glyph, not four slips. */
    assert_int_equal(fired_on("DOC011",
                              LINES({0, "#一、概况"}, {0, "开展“放管服“改革。"}, {0, "落实“三公“经费。"},
                                    {0, "推进“一网通办“工作。"}, {0, "开展“双随机“抽查。"},
                                    {0, "完善“放管服“改革。"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC011",
                              LINES({0, "#第四部分 名词解释"}, {0, "#四、其他收入：指除上述“财政拨款收入”、“事业收"},
                                    {0, "入”、“经营收入”等以外的收入。"}),
                              NULL, 0), 0);
}

static void test_final_stop(void **state)
{
    (void)state;
    char msg[512];
    /* 万里街道 2025 预算. */
    assert_int_equal(
        fired_on("DOC012",
                 LINES({0, "#二、机关运行经费预算"},
                       {0, "2025年上海市普陀区人民政府万里街道办事处（部门）下属1家机关和1家参公事业单位"},
                       {0, "财政拨款的机关运行经费预算为464.64万元"}, {0, "#三、政府采购预算情况"}),
                 msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "464.64万元”之后即是标题“三、政府采购预算情况”"));
    /* A list of units, a table's header, a finished sentence. */
    assert_int_equal(fired_on("DOC012",
                              LINES({0, "#三、单位构成"}, {0, "纳入编制范围的单位包括："},
                                    {0, "1西安市审计局本级（机关）无变动，保留原有机构设置和人员编制"},
                                    {0, "#四、人员情况说明"}),
                              NULL, 0), 0);
    assert_int_equal(fired_on("DOC012",
                              LINES({0, "#二、机关运行经费预算"},
                                    {0, "机关运行经费预算为464.64万元，比上年减少5万元，主要原因是压减开支。"},
                                    {0, "#三、政府采购预算情况"}),
                              NULL, 0), 0);
}

/* The findings of `rule` on a document titled `title`, of `unit`, whose
 * 情况说明 is `lines` (one section); the last `glossary` lines form a 名词解释. */
static int fired_level(const char *level, const char *title, const char *unit, const char *rule,
                       const char *const *lines, int glossary, char *message, size_t size)
{
    gk_report *r = gk_report_new();
    r->kind = strstr(title, "决算") ? GK_DOC_FINAL : GK_DOC_BUDGET;
    r->year = 2025;
    r->unit = unit;
    r->level = level;
    gk_report_add_paragraph(r, NULL, title, (gk_pos){.line = 1});
    const char *section = "一、基本情况", *words = "二、名词解释";
    int n = 0;
    while (lines[n])
        n++;
    gk_paragraph *h = gk_report_add_paragraph(r, section, section, (gk_pos){.line = 2});
    h->heading = true;
    for (int i = 0; i < n; i++) {
        const char *sec = i >= n - glossary ? words : section;
        if (i == n - glossary) {
            h = gk_report_add_paragraph(r, words, words, (gk_pos){.line = 3 + i});
            h->heading = true;
        }
        gk_report_add_paragraph(r, sec, lines[i], (gk_pos){.line = 4 + i});
    }
    gk_findings f;
    gk_check(r, &f);
    int k = 0;
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, rule) == 0 && k++ == 0 && message)
            snprintf(message, size, "%s@%d", f.items[i].message, f.items[i].locs[0].pos.line);
    gk_report_free(r);
    return k;
}

/* The same, the document's level unknown. */
static int fired_doc(const char *title, const char *unit, const char *rule,
                     const char *const *lines, int glossary, char *message, size_t size)
{
    return fired_level(NULL, title, unit, rule, lines, glossary, message, size);
}

static void test_scope_words(void **state)
{
    (void)state;
    char msg[512];
    const char *unit = "示例市示范区医疗保障服务中心";
    const char *title = "示例市示范区医疗保障服务中心2025年单位预算";
    /* The same phrase with both scope words: the other one is the slip. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("2025年部门预算安排购置车辆0辆；单位预算安排购置单价100万元（含）以上设备0台（套）。"),
                               0, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "“部门”应为“单位”"));
    /* Wrapped over two printed lines. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("本单位负责经办服务。2025年部门预算安", "排购置车辆0辆；单位预算安排购置设备0台（套）。"),
                               0, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "@4"));
    /* Only the other word: 部门预算 may be the name of the system. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("本单位所有收入和支出均纳入部门预算管理。当年部门预算安排购置车辆0辆。"),
                               0, NULL, 0), 0);
    /* Another body's: "所属单位主要职能" in a 部门 document that has its own. */
    assert_int_equal(fired_doc("示例市示范区卫生健康委员会2025年部门预算", "示例市示范区卫生健康委员会",
                               "DOC014", ONE("部门主要职能：负责全区卫生健康工作。", "所属单位主要职能：医疗服务。"),
                               0, NULL, 0), 0);
    /* 本部门 opening a statement of a 单位 that calls itself 本单位. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("本单位负责经办服务。", "本部门2025年无政府采购预算。"), 0, msg,
                               sizeof msg),
                     1);
    assert_non_null(strstr(msg, "应为“本单位”"));
    /* … not a project's name, nor a note to the writer, nor without 本单位. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("本单位负责经办服务。", "部门应公开本部门绩效整体预算绩效。",
                                   "本部门市立项目科技创新专项资金"),
                               0, NULL, 0), 0);
    assert_int_equal(fired_doc(title, unit, "DOC014", ONE("本部门2025年无政府采购预算。"), 0, NULL, 0), 0);
    /* A 部门 saying 本单位: a 部门 of one unit does. */
    assert_int_equal(fired_doc("示例市示范区卫生健康委员会2025年部门预算", "示例市示范区卫生健康委员会",
                               "DOC014", ONE("部门主要职能：负责全区卫生健康工作。", "本单位2025年无政府采购预算。"),
                               0, NULL, 0), 0);
    /* A heading of the other template, whatever the rest says. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("一、部门主要职能", "负责经办服务。"), 0, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "标题应为“单位主要职能”"));
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("第一部分 部门概况", "二、部门机构设置及预算单位构成情况"), 0, NULL, 0),
                     1);   /* one for the document */
    assert_int_equal(fired_doc("示例市示范区卫生健康委员会2025年部门预算", "示例市示范区卫生健康委员会",
                               "DOC014", ONE("二、单位机构设置", "内设科室5个。"), 0, NULL, 0),
                     1);
    /* … not a unit's sub-heading in a 部门's document, nor other words. */
    assert_int_equal(fired_doc("示例市示范区卫生健康委员会2025年部门预算", "示例市示范区卫生健康委员会",
                               "DOC014", ONE("（二）单位概况", "二、单位构成", "三、部门主要职能"), 0,
                               NULL, 0),
                     0);
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("二、单位预算单位构成", "会同有关部门开展工作。", "部门主要职能的说明"),
                               0, NULL, 0),
                     0);
    /* The glossary speaks of 部门 in general. */
    assert_int_equal(fired_doc(title, unit, "DOC014",
                               ONE("单位主要职能：经办服务。", "部门主要职能：指部门的法定职责。"), 1,
                               NULL, 0), 0);
}

static void test_level_words(void **state)
{
    (void)state;
    char msg[512];
    const char *gloss = "（一）财政拨款收入：是市级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。";
    /* A 区 unit's glossary in the 市级 words. */
    assert_int_equal(fired_level("区级", "示例市示范区医疗保障服务中心2025年单位预算", "示例市示范区医疗保障服务中心",
                               "DOC015", ONE("本单位负责经办服务。", gloss), 1, msg, sizeof msg),
                     1);
    assert_non_null(strstr(msg, "“市级”应为“区级”"));
    assert_int_equal(fired_level("区级", "中共示例市示范区委宣传部2025年部门预算", "中共示例市示范区委宣传部",
                               "DOC015", ONE("本部门负责宣传工作。", gloss), 1, NULL, 0),
                     1);
    assert_int_equal(fired_level("县级", "示范县医疗保障局2025年部门预算", "示范县医疗保障局", "DOC015",
                               ONE("“三公”经费：是与市级财政有经费领拨关系的部门及其下属预算单位。"),
                               1, NULL, 0),
                     1);
    /* A title's level. */
    assert_int_equal(fired_level("区级", "示例市2025年市级部门预算", "示例市示范区卫生健康委员会", "DOC015",
                               ONE("本部门负责卫生健康工作。"), 0, NULL, 0),
                     1);
    /* The right level, a 市 unit, and 市级 elsewhere in a 区 document. */
    assert_int_equal(fired_level("市级", "示例市医疗保障服务中心2025年单位预算", "示例市医疗保障服务中心",
                               "DOC015", ONE("本单位负责经办服务。", gloss), 1, NULL, 0),
                     0);
    assert_int_equal(fired_level("区级", "示例市示范区医疗保障服务中心2025年单位预算", "示例市示范区医疗保障服务中心",
                               "DOC015", ONE("本单位承接市级财政专项资金，协调市级部门。"), 0, NULL, 0),
                     0);
    /* A 市 unit, a province's unit (the reader's level from the name: test_text.c test_level). */
    assert_int_equal(fired_level("市级", "示例市社区服务中心2025年单位预算", "示例市社区服务中心", "DOC015",
                               ONE("（一）财政拨款收入：是区级预算主管部门及所属预算单位。"), 1, NULL, 0),
                     1);   /* a 市 unit (社区 is not its district): 区级 is wrong */
    assert_int_equal(fired_level("省级", "示例省财政厅2025年部门预算", "示例省财政厅", "DOC015",
                               ONE("（一）财政拨款收入：是市级预算主管部门及所属预算单位。"), 1, NULL, 0),
                     0);
}

/* The corpus documents above, read whole: each finding where the words are. */
static void test_corpus(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    static const struct {
        const char *file, *rule;
        int page, line;
    } CASES[] = {
        {"004_a8cda960e0db61c9.txt", "DOC008", 0, 155},
        {"002_958243b751db7aa3.txt", "DOC008", 0, 168},
        {"sh-putuo-shiquan-2025-final.pages.txt", "DOC008", 28, 669},
        {"sh-putuo-planning-2024-final.pdf", "DOC008", 25, 12},
        {"sh-putuo-welfarehome-2024-unit-budget.pdf", "DOC009", 16, 5},
        {"wild/xian-14af6708.pdf", "DOC008", 23, 5},
        {"sh-putuo-planning-2024-final.pdf", "DOC011", 27, 7},
        {"wild/suzhou-7a95ea0f.pdf", "DOC011", 7, 9},
        {"wild/guangzhou-1a560492.pdf", "DOC011", 44, 6},
        {"sh-putuo-planning-2024-final.pdf", "DOC013", 24, 5},
        {"sh-putuo-wanli-2025-budget.pdf", "DOC013", 7, 17},
        {"sh-putuo-welfarehome-2024-unit-budget.pdf", "DOC013", 6, 20},
        {"sh-putuo-shiquan-2025-final.pages.txt", "DOC013", 30, 719},
        {"sh-putuo-shiquan-2025-final.pages.txt", "DOC013", 32, 748},
        {"sh-putuo-shiquan-2025-final.pages.txt", "DOC013", 28, 660},
        {"sh-putuo-yichuan-2025-final.pages.txt", "DOC013", 30, 726},
        {"wild/shanghai-1a990155.pdf", "DOC014", 21, 21},
        {"sh-putuo-wanli-2024-budget.pdf", "DOC015", 5, 2},
        {"sh-putuo-wanli-2024-budget.pdf", "DOC015", 5, 11},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, CASES[i].file);
        gk_report *r = read_path(path);
        gk_findings f;
        gk_check(r, &f);
        bool ok = CASES[i].page ? has_finding_on(&f, CASES[i].rule, GK_WARNING, CASES[i].page,
                                                 CASES[i].line)
                                : has_finding(&f, CASES[i].rule, GK_WARNING, CASES[i].line);
        if (!ok)
            fail_msg("%s: no %s at %d:%d", CASES[i].file, CASES[i].rule, CASES[i].page,
                     CASES[i].line);
        gk_report_free(r);
    }
    /* The info of DOC012 (万里街道 2025 预算, "…预算为464.64万元" / "三、政府采购…"). */
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/sh-putuo-wanli-2025-budget.pdf", GK_SHARED_DIR);
    gk_report *r = read_path(path);
    gk_findings f;
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "DOC012", GK_INFO, 30, 10));
    gk_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compared_year),
        cmocka_unit_test(test_alternatives),
        cmocka_unit_test(test_empty_reason),
        cmocka_unit_test(test_doubled),
        cmocka_unit_test(test_class_names),
        cmocka_unit_test(test_heading_numbers),
        cmocka_unit_test(test_brackets),
        cmocka_unit_test(test_final_stop),
        cmocka_unit_test(test_scope_words),
        cmocka_unit_test(test_level_words),
        cmocka_unit_test(test_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
