/*
 * test_narrative.c — the narrative's figures and claims: extraction from
 * prose (hand-checked roles, subjects and relations), the planted narrative
 * mistakes of the faulty example, the narrative mistakes of
 * ../shared/corpus/INDEX.md at their lines, and a perturbation test: every
 * percentage of a share/change/completion claim moved by 3 points, and every
 * amount tied to a table cell or stated as a change from a stated previous
 * year moved by 1.00, must give a finding at its line.
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
#include "gongkai/narrative.h"
#include "../../src/rules/rules.h"

static size_t count_rule_prefix(const gk_findings *f, const char *prefix, gk_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += strncmp(f->items[i].rule, prefix, strlen(prefix)) == 0 && f->items[i].severity == sev;
    return n;
}

/* ---- Extraction ------------------------------------------------------------- */

static gk_report *prose(const char *section, const char *const *paras, int n)
{
    gk_report *r = gk_report_new();
    gk_report_add_paragraph(r, section, section, (gk_pos){.line = 1})->heading = true;
    for (int i = 0; i < n; i++)
        gk_report_add_paragraph(r, section, paras[i], (gk_pos){.line = 2 + i});
    return r;
}

static void test_extract(void **state)
{
    (void)state;
    /* Wrapped over lines like page text, with spaces, full-width forms and
     * quotes from extraction. */
    static const char *const P[] = {
        "2024 年度收入、支出总计均为 464.03 万元。与上年相比，收入、支出总计各增加",
        "65.47万元，增长１６.４３％。本年收入合计451.53万元，其中：财政拨款收入451.53万元，占100.00%；",
        "（1）行政事业单位医疗（款）行政单位医疗（项）。年初预算为6.87万元，支出决算为6.87万元，完成年初预算的100.00%。决算数等于预算数。",
        "“三公”经费支出决算中，公务接待费支出决算0.96万元，占26.67%。",
    };
    gk_report *r = prose("一、收入支出决算总体情况说明", P, 4);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    assert_int_equal(n.nfigures, 11);
    const gk_figure *f = n.figures;
    assert_int_equal(f[0].role, GK_ROLE_VALUE);
    assert_string_equal(f[0].subject, "收入、支出总计");
    assert_string_equal(f[0].text, "464.03");
    assert_int_equal(f[0].unit, GK_UNIT_WANYUAN);
    assert_int_equal(f[0].pos.line, 2);
    assert_int_equal(f[1].role, GK_ROLE_CHANGE);
    assert_int_equal(f[1].dir, 1);
    assert_string_equal(f[1].subject, "收入、支出总计");
    assert_int_equal(f[1].pos.line, 3);   /* joined across the line break */
    assert_int_equal(f[2].role, GK_ROLE_RATE);
    assert_int_equal(f[2].kind, GK_FIG_PERCENT);
    assert_string_equal(f[2].text, "16.43");
    assert_string_equal(f[3].subject, "本年收入合计");
    assert_string_equal(f[4].subject, "财政拨款收入");
    assert_int_equal(f[5].role, GK_ROLE_SHARE);
    assert_int_equal(f[6].role, GK_ROLE_BUDGET);
    assert_string_equal(f[6].subject, "行政事业单位医疗(款)行政单位医疗(项)");
    assert_int_equal(f[7].role, GK_ROLE_ACTUAL);
    assert_string_equal(f[7].subject, f[6].subject);
    assert_int_equal(f[8].role, GK_ROLE_COMPLETION);
    assert_string_equal(f[9].subject, "公务接待费");
    assert_int_equal(f[10].role, GK_ROLE_SHARE);
    assert_string_equal(f[10].whole, "三公经费支出");   /* "…决算中，" */
    /* Claims: the change, the share of 财政拨款收入 in the total before
     * "其中", the completion, the comparison, the 三公 share. */
    int kinds[16] = {0};
    for (int i = 0; i < n.nclaims; i++)
        kinds[n.claims[i].kind]++;
    assert_int_equal(kinds[GK_CLAIM_CHANGE], 1);
    assert_int_equal(kinds[GK_CLAIM_SHARE], 2);
    assert_int_equal(kinds[GK_CLAIM_COMPLETION], 1);
    assert_int_equal(kinds[GK_CLAIM_COMPARE], 1);
    for (int i = 0; i < n.nclaims; i++) {
        const gk_claim *c = &n.claims[i];
        if (c->kind == GK_CLAIM_CHANGE)
            assert_true(c->a == 0 && c->b == 1 && c->p == 2);
        if (c->kind == GK_CLAIM_SHARE && c->p == 5)
            assert_true(c->a == 4 && c->b == 3);
        if (c->kind == GK_CLAIM_COMPLETION)
            assert_true(c->a == 7 && c->b == 6 && c->p == 8);
        if (c->kind == GK_CLAIM_COMPARE)
            assert_true(c->a == 7 && c->b == 6 && c->dir == 0);
    }
    gk_report_free(r);
}

/* Years, dates, numbering and counts are not amounts. */
static void test_not_figures(void **state)
{
    (void)state;
    static const char *const P[] = {
        "1.截至2024年12月31日，本部门共有车辆2辆，其中执法执勤用车1辆。",
        "占76.23；支出决算为4.19。",
    };
    gk_report *r = prose("十二、国有资产占用情况说明", P, 2);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    assert_int_equal(n.nfigures, 4);
    assert_int_equal(n.figures[0].kind, GK_FIG_COUNT);
    assert_int_equal(n.figures[1].kind, GK_FIG_COUNT);
    assert_int_equal(n.figures[2].kind, GK_FIG_PERCENT);   /* "%" missing */
    assert_true(n.figures[2].unit_missing);
    assert_int_equal(n.figures[3].role, GK_ROLE_ACTUAL);   /* unit missing */
    assert_true(n.figures[3].unit_missing);
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR011", GK_WARNING), 2);
    gk_report_free(r);
}

/* "经营支出0\t377.37万元" of a PDF line read out of order, its tab lost:
 * "0377.37" is two figures run together, not an amount. */
static void test_run_together(void **state)
{
    (void)state;
    static const char *const P[] = {"本年支出合计占35.77%；经营支出0377.37万元。"};
    gk_report *r = prose("三、支出决算情况说明", P, 1);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    for (int i = 0; i < n.nfigures; i++)
        assert_int_not_equal(n.figures[i].kind, GK_FIG_MONEY);
    gk_report_free(r);
}

/* Two printed lines interleaved in page text (wild xian-b6aea555 p36):
 * "合计 36.32万元，其中：" of the line below placed among the tab-separated
 * words of "合计\t360.10\t万元，比\t2021\t年增加".  The line is left out: no
 * "合计" of 36.32 with the next page's items as parts (a false NAR014).  A
 * justified line that names the part after "其中：" is read as before. */
static void test_interleaved_line(void **state)
{
    (void)state;
    static const char *const P[] = {
        "2022年局机关行政运行经费和所属事业单位公用经费预算合计 36.32万元，其中：\t360.10\t万元，比\t2021\t年增加",
        "局机关行政运行经费预算109.15万元，比2021年增加21.79万元；",
        "所属事业单位公用经费预算60.57万元，比2021年减少5万元。",
    };
    gk_report *r = prose("十、机关运行经费安排情况说明", P, 3);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    for (int i = 0; i < n.nfigures; i++) {
        assert_int_not_equal(n.figures[i].pos.line, 2);
        assert_false(n.figures[i].kind == GK_FIG_MONEY && n.figures[i].value.v == 3632 &&
                     n.figures[i].value.scale == 2);
    }
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR014", GK_ERROR), 0);
    gk_report_free(r);

    static const char *const Q[] = {"本年支出合计307.82万元，其中：基本支出\t105.58\t万元，占34.30%。"};
    r = prose("三、支出决算情况说明", Q, 1);
    gk_narrative_extract(r, &n);
    int money = 0;
    for (int i = 0; i < n.nfigures; i++)
        money += n.figures[i].kind == GK_FIG_MONEY;
    assert_int_equal(money, 2);
    gk_report_free(r);
}

/* One endless sentence (no 。, unclosed parentheses): every figure is read,
 * and relations look back only a bounded way, so this stays linear. */
static void test_pathological(void **state)
{
    (void)state;
    static const char UNIT[] = "本年支出合计1.00万元，增加1.00万元，增长3%，占5%（含1万元";
    size_t reps = 4000, n = strlen(UNIT);
    char *text = malloc(reps * n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * n, UNIT, n);
    text[reps * n] = '\0';
    const char *const P[] = {text};
    gk_report *r = prose("一、收入支出决算总体情况说明", P, 1);
    gk_narrative nar;
    gk_narrative_extract(r, &nar);
    assert_int_equal(nar.nfigures, (int)(5 * reps));
    gk_findings f;
    gk_check(r, &f);   /* completes */
    free(text);
    gk_report_free(r);
}

/* A performance report states fund accounts in prose only (DOMAIN.md): every
 * total, balance, rollover, budget difference and completion rate in it is
 * checked without any table. */
static void test_fund_accounts(void **state)
{
    (void)state;
    static const char *const P[] = {
        "2024年城乡居民医保预计个人缴费收入820万元、财政补助收入1630万元，本年预算收入合计2450万元。"
        "实际个人缴费收入836.40万元、财政补助收入1630万元、利息收入12.35万元，本年基金收入合计2478.75万元，"
        "比年初预算数增加28.75万元，完成年度预算的101.17%。实际待遇支出2401.20万元，当年基金结余77.55万元，"
        "年末滚存结余1203.05万元（上年末1125.50万元）。",
        "2024年医疗救助资金总额96.00万元，其中：中央资金40.00万元、省级资金30.00万元、县级资金26.00万元。",
    };
    gk_report *r = prose("一、基金运行情况", P, 2);
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(f.n, 0);
    int kinds[16] = {0};
    gk_narrative n;
    gk_narrative_extract(r, &n);
    for (int i = 0; i < n.nclaims; i++)
        kinds[n.claims[i].kind]++;
    assert_int_equal(kinds[GK_CLAIM_SUM], 2);
    assert_int_equal(kinds[GK_CLAIM_DIFF], 1);
    assert_int_equal(kinds[GK_CLAIM_COMPLETION], 1);
    assert_int_equal(kinds[GK_CLAIM_BALANCE], 1);
    assert_int_equal(kinds[GK_CLAIM_ROLLOVER], 1);
    assert_int_equal(kinds[GK_CLAIM_WITHIN], 1);
    gk_report_free(r);

    /* Each figure moved: 利息收入, 比年初预算数增加, 完成率, 当年结余, 县级资金. */
    static const char *const Q[] = {
        "2024年城乡居民医保预计个人缴费收入820万元、财政补助收入1630万元，本年预算收入合计2450万元。"
        "实际个人缴费收入836.40万元、财政补助收入1630万元、利息收入13.35万元，本年基金收入合计2478.75万元，"
        "比年初预算数增加29.75万元，完成年度预算的101.71%。实际待遇支出2401.20万元，当年基金结余78.55万元，"
        "年末滚存结余1203.05万元（上年末1125.50万元）。",
        "2024年医疗救助资金总额96.00万元，其中：中央资金40.00万元、省级资金30.00万元、县级资金25.00万元。",
    };
    r = prose("一、基金运行情况", Q, 2);
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR013", GK_ERROR, 2));
    assert_true(has_finding(&f, "NAR004", GK_ERROR, 2));
    assert_true(has_finding(&f, "NAR014", GK_ERROR, 3));
    assert_int_equal(count_rule_prefix(&f, "NAR014", GK_ERROR), 4);
    gk_report_free(r);
}

/* Prose that names which budget, a purpose, a template's two words, a
 * "合计" closing its own "其中" list. */
static void test_phrases(void **state)
{
    (void)state;
    static const char *const P[] = {
        /* 2: the rate is of the 全年 budget (307.82 ÷ 321.02) while it says 年初, which is 0. */
        "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。",
        /* 3: a rate of something the sentence names, not of the amount before. */
        "决算数小于预算数的主要原因：其中项目支出规划服务较年初完成92%，部分项目未开展完成。",
        /* 4: of the 全年 budget, as it says. */
        "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：行政单位人员支出。全年预算为52.00万元，"
        "支出决算为51.32万元，完成全年预算数的98.69%。",
        /* 5: 住房公积金 spent on 医疗保险: copied from another item. */
        "2、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：事业单位医疗保险支出。全年预算为18.12万元，"
        "支出决算为17.70万元，完成全年预算数的97.68%。",
        /* 6: its own purpose. */
        "3、住房保障支出（类）住房改革支出（款）购房补贴（项）。主要用于：行政单位购房补贴支出。全年预算为11.72万元，"
        "支出决算为11.72万元。",
        /* 7: the template's 下降（增长） left in; the direction is still 下降. */
        "“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降（增长）27.78%。",
        /* 8: 合计 restates the total; 稳增长 names a policy. */
        "2025年度项目总金额2921.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，区级支持总部经济1106.00万，"
        "市级支持总部经济1262.00万，进博会推进专项153.00万，合计2921.00万。",
    };
    gk_report *r = prose("五、一般公共预算财政拨款支出决算情况说明", P, 7);
    gk_findings f;
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR004", GK_ERROR, 2));
    assert_non_null(strstr(f.items[0].message, "全年预算321.02万元"));
    assert_true(has_finding(&f, "NAR018", GK_WARNING, 5));
    assert_true(has_finding(&f, "NAR009", GK_WARNING, 7));
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 1);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_WARNING), 2);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    int sums = 0, within = 0, completions = 0;
    for (int i = 0; i < n.nclaims; i++) {
        sums += n.claims[i].kind == GK_CLAIM_SUM;
        within += n.claims[i].kind == GK_CLAIM_WITHIN;
        completions += n.claims[i].kind == GK_CLAIM_COMPLETION;
    }
    assert_int_equal(sums, 1);
    assert_int_equal(within, 1);
    assert_int_equal(completions, 3);
    assert_int_equal(n.npurposes, 3);
    gk_report_free(r);

    /* Moved: the 合计 no longer the parts' sum, the 全年 rate off, a part beyond the total. */
    static const char *const Q[] = {
        "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。全年预算为52.00万元，"
        "支出决算为51.32万元，完成全年预算数的95.69%。",
        "2025年度项目总金额2921.00万，其中支持外贸发展370.00万，支持商销稳增长31.00万，区级支持总部经济1106.00万，"
        "市级支持总部经济1262.00万，进博会推进专项153.00万，合计2921.00万。",
        "2025年度项目总金额100.00万，其中甲60.00万，乙50.00万。",
    };
    r = prose("五、一般公共预算财政拨款支出决算情况说明", Q, 3);
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR004", GK_ERROR, 2));
    assert_true(has_finding(&f, "NAR014", GK_ERROR, 3));
    assert_true(has_finding(&f, "NAR014", GK_ERROR, 4));
    gk_report_free(r);
}

/* Issue 18: figures related only as the prose relates them.  Each sentence
 * is right; each once gave a false finding. */
static void test_precision(void **state)
{
    (void)state;
    static const char *const P[] = {
        /* 2: "较上年减少" is of the year before: the subject 一般公共预算拨款,
         * taken from the sentence, names no budget to compare with. */
        "本部门当年预算收入30,331.26万元，其中：一般公共预算拨款30,331.26万元，较上年减少14,196.04万元，"
        "下降31.88%。",
        /* 3: "预算收入较上年减少": 预算 is its subject, the change is of the
         * year before (no previous figure stated: nothing to check). */
        "2022年本部门预算收入48054.42万元，其中一般公共预算拨款收入48054.42万元、政府性基金拨款收入0万元，"
        "2022年本部门预算收入较上年减少29940.47万元，主要原因是专项资金减少。",
    };
    gk_report *r = prose("五、收支预算总体情况说明", P, 2);
    r->kind = GK_DOC_BUDGET;
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    for (int i = 0; i < n.nclaims; i++)
        assert_true(n.claims[i].kind != GK_CLAIM_DIFF);
    gk_report_free(r);

    /* Page text: a page number between the lines of a sentence ("5 -" when
     * the reader took "- " for a bullet); a numbered line that goes on after
     * its title wraps onto the next line; a year or a table's number is no
     * amount without its unit. */
    static const char *const Q[] = {
        "2026年度收入预算29956.27万元，比2025年年初预算",
        "5 -",
        "数28479.84万元增加1476.43万元，增长5.18%。",
        "（三）公务用车购置和运行维护费。2026年预算数92.96",
        "万元，包括公务用车购置费预算0万元。",
        "（二）支出预算：2026年本单位支出预算656.73万元，其",
        "中：教育支出656.73万元。见单位预算01表。",
    };
    r = prose("二、收入预算情况说明", Q, 7);
    r->kind = GK_DOC_BUDGET;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_WARNING), 0);
    gk_narrative_extract(r, &n);
    int diffs = 0;
    for (int i = 0; i < n.nclaims; i++)
        if (n.claims[i].kind == GK_CLAIM_DIFF) {
            assert_string_equal(n.figures[n.claims[i].a].text, "29956.27");
            assert_string_equal(n.figures[n.claims[i].p].text, "28479.84");
            diffs++;
        }
    assert_int_equal(diffs, 1);
    for (int i = 0; i < n.nfigures; i++)
        assert_false(n.figures[i].unit_missing);
    gk_report_free(r);

    /* The base of a change named by the year before's budget or execution
     * ("比2025年初预算数B减少C", the year sharing its 年 with 年初; "比2025年
     * 预算收入执行数B增加C"): B is the year before's, the rate is C ÷ B — both
     * right here (464.28 ÷ 20292.85 = 2.29%, 11913.03 ÷ 483923.17 = 2.46%). */
    static const char *const Y[] = {
        "2026年度收入预算515,665.27万元，其中：一般公共预算收入19,828.57万元比2025年初预算数"
        "20,292.85万元减少464.28万元，降低2.29%；国有资本经营预算收入495,836.20万元，"
        "比2025年预算收入执行数483,923.17万元增加11,913.03万元，增长2.46%。",
    };
    r = prose("二、收入预算情况说明", Y, 1);
    r->kind = GK_DOC_BUDGET;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    gk_narrative_extract(r, &n);
    int prevs = 0;
    for (int i = 0; i < n.nfigures; i++)
        if (n.figures[i].role == GK_ROLE_PREVIOUS) {
            assert_true(strcmp(n.figures[i].text, "20,292.85") == 0 ||
                        strcmp(n.figures[i].text, "483,923.17") == 0);
            prevs++;
        }
    assert_int_equal(prevs, 2);
    gk_report_free(r);

    /* "基本持平" allows a small change; "手持平板" says nothing of it.  A
     * plain "持平" with a change still is NAR007. */
    static const char *const F[] = {
        "公务接待费21.03万元，比上年减少0.2万元，下降0.9%，主要原因是基本与上年持平。",
        "培训支出192.08万元，较上年增加0.11万元，与上年基本持平。",
        "资本性支出604.00万元，较上年增加603.00万元，增长60300.00%，原因是需配置手持平板电脑。",
        "公务用车运行维护费10.00万元，比上年减少1.00万元，下降9.09%，与上年持平。",
    };
    r = prose("三、“三公”经费预算情况说明", F, 4);
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR007", GK_ERROR), 1);
    assert_true(has_finding(&f, "NAR007", GK_ERROR, 5));
    gk_report_free(r);

    /* The template's sentence for an item with nothing in either year; a
     * rate from nothing is still NAR006. */
    static const char *const Z[] = {
        "因公出国（境）费0万元，比上年增加0万元，增长0%。",
        "公务接待费5.38万元，比上年增加5.38万元，增长100%。",
    };
    r = prose("三、“三公”经费预算情况说明", Z, 2);
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 1);
    assert_true(has_finding(&f, "NAR006", GK_ERROR, 3));
    gk_report_free(r);

    /* Which amount a rate is of: "较上年的7.80万元" is the year before; a
     * change after "总数，其中…" may be of the total; a second rate of the
     * same change is of something unstated.  Wrong for every reading (line
     * 5), still an error. */
    static const char *const C[] = {
        "会议费预算支出29.92万元，较上年的7.80万元增加22.12万元，增幅283.59%。",
        "本部门当年预算收入4,203.47万元，其中：一般公共预算拨款4,005.29万元、上年实户资金余额98.18万元、"
        "其他收入100.00万元，较上年增加142.30万元，增长3.50%。",
        "财政拨款收入总计864,177.93万元，与上年相比增加337,874.84万元，增长64.2%，主要原因是政府性基金"
        "预算财政拨款收入与上年同期相比，增加144.81%。",
        "本部门当年预算支出4,203.47万元，其中：一般公共预算拨款4,005.29万元、其他收入198.18万元，"
        "较上年增加142.30万元，增长9.50%。",
    };
    r = prose("五、收支预算总体情况说明", C, 4);
    r->kind = GK_DOC_BUDGET;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 1);
    assert_true(has_finding(&f, "NAR002", GK_ERROR, 5));
    gk_narrative_extract(r, &n);
    diffs = 0;
    for (int i = 0; i < n.nclaims; i++)
        diffs += n.claims[i].kind == GK_CLAIM_DIFF;
    assert_int_equal(diffs, 1);
    gk_report_free(r);

    /* "…支出A万元、其中…": A heads its own list, it is no part of the list
     * before the "；". */
    static const char *const W[] = {
        "2019年本部门财政拨款收入203091.65万元，其中一般公共预算拨款收入203091.65万元，财政拨款收入"
        "较上年增加69010.99万元；2019年本部门财政拨款支出203091.65万元、其中一般公共预算拨款支出"
        "203091.65万元。",
    };
    r = prose("六、财政拨款收支情况说明", W, 1);
    r->kind = GK_DOC_BUDGET;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    gk_report_free(r);

    /* One 类 in the "其中" lists of two totals: two breakdowns, not one
     * indicator stated twice (NAR016). */
    static const char *const B[] = {
        "2026年本单位一般公共预算拨款支出1935.36万元，其中：一般公共服务支出1935.36万元，占100.00%。",
        "（二）项目支出：2026年本单位项目支出预算417.41万元，其中：一般公共服务支出417.41万元，"
        "主要用于信访业务工作专项。",
    };
    r = prose("四、一般公共预算拨款支出", B, 2);
    r->kind = GK_DOC_BUDGET;
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR016", GK_WARNING), 0);
    gk_report_free(r);

    /* A purpose that speaks of the item's own kind (住房公积金) is its own,
     * whatever else it names (离退休职工). */
    static const char *const U[] = {
        "1、住房保障支出（类）。主要用于：按照国家政策规定发放的在职及离退休职工的住房公积金、"
        "提租补贴及新职工购房补贴方面的支出。",
    };
    r = prose("四、一般公共预算拨款支出", U, 1);
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR018", GK_WARNING), 0);
    gk_report_free(r);
}

/* A 单位预算 is of a 行政 unit unless it says otherwise; a school, a hospital
 * or a centre is a 事业单位 unless it says it is managed as a civil-service
 * body — the glossary's "指行政单位和参照公务员法管理的事业单位" says nothing
 * of the unit. */
static void test_admin_unit(void **state)
{
    (void)state;
    static const struct {
        const char *unit, *text;
        bool admin;
    } cases[] = {
        {"示例市审计局", "机关运行经费：指行政单位和参照公务员法管理的事业单位的日常公用经费。", true},
        {"示例市某大学附属学校", "机关运行经费：指行政单位和参照公务员法管理的事业单位的日常公用经费。", false},
        {"示例市执法监督中心", "示例市执法监督中心为参照公务员法管理的事业单位。", true},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->unit = cases[c].unit;
        gk_report_add_paragraph(r, NULL, "2026年单位预算", (gk_pos){.line = 1})->heading = true;
        gk_report_add_paragraph(r, "名词解释", cases[c].text, (gk_pos){.line = 2});
        assert_int_equal(gk_doc_single_admin(r), cases[c].admin);
        gk_report_free(r);
    }
}

/* ---- Budgets in the other cities' words -------------------------------------- */

static gk_amount amt(const char *s)
{
    gk_amount a;
    assert_int_equal(gk_amount_parse(s, strlen(s), &a), GK_AMOUNT_OK);
    return a;
}

static gk_row *row_of(gk_report *r, gk_table *t, const char *code, const char *label, gk_side side)
{
    gk_row *row = gk_table_add_row(r, t);
    row->code = code ? gk_report_strdup(r, code) : NULL;
    row->label = gk_report_strdup(r, label);
    row->side = side;
    return row;
}

/* A budget whose tables are in 元 (the prose in 万元), with its narrative as
 * the cities write it: a heading opening with its year, "“三公”经费安排情况", 三公 items
 * under titles of their own, codes before a dash, an item listed under
 * 公用经费, a 财政拨款 section.  `nar` replaces the paragraph at index
 * `which` (−1: none). */
static gk_report *city_budget(int which, const char *nar)
{
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    r->year = 2026;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, NULL, "一般公共预算拨款收入", GK_SIDE_INCOME), "金额", amt("1200000.00"));
    gk_row_set(r, row_of(r, t, NULL, "其他收入", GK_SIDE_INCOME), "金额", amt("0.00"));
    gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("1200000.00"));
    gk_row_set(r, row_of(r, t, NULL, "支出总计", GK_SIDE_EXPENSE), "金额", amt("1200000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_FISCAL_SUMMARY);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, NULL, "一般公共预算", GK_SIDE_INCOME), "金额", amt("1200000.00"));
    gk_row_set(r, row_of(r, t, NULL, "本年收入合计", GK_SIDE_INCOME), "金额", amt("1200000.00"));
    row_of(r, t, NULL, "本年支出合计", GK_SIDE_EXPENSE);   /* read without its figures */
    gk_row_set(r, row_of(r, t, NULL, "支出总计", GK_SIDE_EXPENSE), "合计", amt("1200000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
    t->unit = GK_UNIT_YUAN;
    gk_row *row = row_of(r, t, "2011301", "行政运行", GK_SIDE_NONE);
    gk_row_set(r, row, "合计", amt("1000000.00"));
    gk_row_set(r, row, "基本支出", amt("1000000.00"));
    gk_row_set(r, row, "人员经费", amt("876543.21"));
    gk_row_set(r, row, "公用经费", amt("123456.79"));
    row = row_of(r, t, "2011350", "事业运行", GK_SIDE_NONE);
    gk_row_set(r, row, "合计", amt("200000.00"));
    gk_row_set(r, row, "项目支出", amt("200000.00"));
    row = row_of(r, t, NULL, "合计", GK_SIDE_NONE);
    gk_row_set(r, row, "合计", amt("1200000.00"));
    gk_row_set(r, row, "基本支出", amt("1000000.00"));
    gk_row_set(r, row, "人员经费", amt("876543.21"));
    gk_row_set(r, row, "公用经费", amt("123456.79"));
    gk_row_set(r, row, "项目支出", amt("200000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_THREE_PUBLIC);
    t->unit = GK_UNIT_YUAN;
    row = row_of(r, t, NULL, "预算数", GK_SIDE_NONE);   /* no 机关运行经费 column */
    gk_row_set(r, row, "合计", amt("37887.00"));
    gk_row_set(r, row, "因公出国（境）费", amt("2000.00"));
    gk_row_set(r, row, "公务用车购置及运行维护费", amt("34667.00"));
    gk_row_set(r, row, "公务用车购置费", amt("3600.00"));
    gk_row_set(r, row, "公务用车运行维护费", amt("31067.00"));
    gk_row_set(r, row, "公务接待费", amt("1220.00"));
    static const struct { const char *section, *text; } P[] = {
        /* 0 */ {"一、部门预算收支增减变化情况",
                 "2026年本部门收入预算120.00万元，比上年增加6.25万元，增长5.49%；支出预算120.00万元。"},
        /* 1 */ {"二、“三公”经费安排情况",
                 "2026年本部门财政拨款安排“三公”经费3.7887万元，比上年增加0.32万元。其中："},
        /* 2 */ {"二、“三公”经费安排情况", "（一）因公出国（境）费用。"},
        /* 3 */ {"二、“三公”经费安排情况", "2026年预算数0.2万元，主要用于国际交流。"},
        /* 4 */ {"二、“三公”经费安排情况",
                 "（二）公务用车购置及运行维护费3.4667万元（公务用车购置费0.36万元；公务用车运行维护费"
                 "3.1067万元）；公务接待费预算支出0.122万元。"},
        /* 5 */ {"三、机关运行经费安排情况", "2026年，本部门机关运行经费安排13.67万元。"},
        /* 6 */ {"四、一般公共预算拨款支出情况",
                 "2026年度一般公共预算拨款支出120.00万元。其中：（一）2011301-行政运行100.00万元。"
                 "（二）2011350-事业运行20.00万元。"},
        /* 7 */ {"四、一般公共预算拨款支出情况", "（三）公用经费：行政运行（2011301）12.35万元。"},
        /* 8 */ {"五、2026年度财政拨款收支情况说明",
                 "本部门当年财政拨款收入120.00万元，其中：一般公共预算拨款收入120.00万元；"
                 "本部门当年财政拨款支出120.00万元。"},
        /* 9 */ {"六、一般公共预算拨款基本支出情况",
                 "2026年度一般公共预算拨款基本支出100.00万元，其中：人员经费87.65万元，公用经费12.34万元。"},
    };
    for (int i = 0; i < (int)(sizeof P / sizeof P[0]); i++) {
        if (i == 0 || strcmp(P[i].section, P[i - 1].section) != 0)
            gk_report_add_paragraph(r, P[i].section, P[i].section, (gk_pos){.line = 100 + 2 * i})
                ->heading = true;
        gk_report_add_paragraph(r, P[i].section, i == which ? nar : P[i].text,
                                (gk_pos){.line = 101 + 2 * i});
    }
    gk_report_index(r);
    return r;
}

/* "当年财政拨款收入110.00万元，其中：…上年结转10.00万元": the prose's total
 * holds the carry-over, so it is the 收入总计, not the 本年收入合计 its
 * words bind to — no error; a figure equal to no total still is one. */
static void test_loose_total(void **state)
{
    (void)state;
    static const char *const STATED[] = {"110.00", "111.00"};
    for (int k = 0; k < 2; k++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2026;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_FISCAL_SUMMARY);
        t->unit = GK_UNIT_YUAN;
        gk_row_set(r, row_of(r, t, NULL, "一般公共预算", GK_SIDE_INCOME), "金额", amt("1000000.00"));
        gk_row_set(r, row_of(r, t, NULL, "本年收入合计", GK_SIDE_INCOME), "金额", amt("1000000.00"));
        gk_row_set(r, row_of(r, t, NULL, "上年结转", GK_SIDE_INCOME), "金额", amt("100000.00"));
        gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("1100000.00"));
        gk_row_set(r, row_of(r, t, NULL, "支出总计", GK_SIDE_EXPENSE), "合计", amt("1100000.00"));
        char text[256];
        snprintf(text, sizeof text,
                 "本部门当年财政拨款收入%s万元，其中：一般公共预算拨款收入100.00万元、上年结转10.00万元。",
                 STATED[k]);
        const char *section = "六、财政拨款收支情况说明";
        gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
        gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR) > 0, k == 1);
        gk_report_free(r);
    }
}

static void test_city_budget(void **state)
{
    (void)state;
    gk_report *r = city_budget(-1, NULL);
    gk_findings f;
    gk_check(r, &f);
    /* Consistent: no narrative error; the 元 cells rounded to the prose's
     * decimals, 123,456.79元 as 12.34万元 (truncated) a rounding note. */
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_WARNING), 0);
    assert_true(has_finding(&f, "NAR001", GK_INFO, 119));
    /* Bound: 收入 120.00, 支出 120.00; 三公 3.7887, 0.2 (its title's topic),
     * 3.4667, 3.1067, 0.122 (预算支出 dropped); 120.00 and the two coded
     * items; 12.35 (公用经费 of 行政运行); 120.00 ×2 of 财政拨款 (the 支出 on
     * an unread total row is not); 100.00, 87.65, 12.34.  Not 机关运行经费:
     * the 三公 table has no such column; not the 0.36 in brackets (an aside). */
    assert_int_equal(f.narrative.bound, 17);
    assert_int_equal(f.narrative.tied, 1);   /* 6.25, through its rate 5.49% on 120.00 */
    gk_narrative n;
    gk_narrative_extract(r, &n);
    for (int i = 0; i < n.nfigures; i++)
        if (strcmp(n.figures[i].text, "13.67") == 0 || strcmp(n.figures[i].text, "6.25") == 0)
            assert_false(gk_narrative_binds(r, &n.figures[i]));
    gk_report_free(r);

    /* Each form, stated wrong, is reported at its line (a warning where the
     * cell's own table does not balance: the unread 本年支出合计). */
    static const struct { int which; const char *text; } WRONG[] = {
        {0, "2026年本部门收入预算121.00万元，比上年增加6.25万元；支出预算120.00万元。"},
        {3, "2026年预算数0.3万元，主要用于国际交流。"},
        {4, "（二）公务用车购置及运行维护费3.4667万元（公务用车购置费0.36万元；公务用车运行维护费"
            "3.1067万元）；公务接待费预算支出0.222万元。"},
        {6, "2026年度一般公共预算拨款支出120.00万元。其中：（一）2011301-行政运行110.00万元。"
            "（二）2011350-事业运行20.00万元。"},
        {8, "本部门当年财政拨款收入130.00万元，其中：一般公共预算拨款收入120.00万元；"
            "本部门当年财政拨款支出120.00万元。"},
        {9, "2026年度一般公共预算拨款基本支出100.00万元，其中：人员经费78.65万元，公用经费12.34万元。"},
    };
    for (size_t k = 0; k < sizeof WRONG / sizeof WRONG[0]; k++) {
        r = city_budget(WRONG[k].which, WRONG[k].text);
        gk_check(r, &f);
        int line = 101 + 2 * WRONG[k].which;
        assert_true(has_finding(&f, "NAR001", GK_ERROR, line) ||
                    has_finding(&f, "NAR001", GK_WARNING, line));
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR) +
                             count_rule_prefix(&f, "NAR001", GK_WARNING),
                         1);
        gk_report_free(r);
    }
}

/* A budget with a 一般公共预算支出经济分类表 and a 支出预算表 in 元, and one
 * paragraph of prose in `section`. */
static gk_report *coded_budget(const char *section, const char *text, const char *row302)
{
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    r->year = 2026;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_ECONOMIC);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, NULL, "合计", GK_SIDE_NONE), "金额", amt("2000000.00"));
    gk_row_set(r, row_of(r, t, "301", "工资福利支出", GK_SIDE_NONE), "金额", amt("1000009.00"));
    gk_row_set(r, row_of(r, t, "30101", "基本工资", GK_SIDE_NONE), "金额", amt("500004.50"));
    gk_row_set(r, row_of(r, t, "30102", "津贴补贴", GK_SIDE_NONE), "金额", amt("500004.50"));
    gk_row_set(r, row_of(r, t, "302", "商品和服务支出", GK_SIDE_NONE), "金额", amt(row302));
    gk_row_set(r, row_of(r, t, "30201", "办公费", GK_SIDE_NONE), "金额", amt("1000000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_EXPENSE);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, NULL, "合计", GK_SIDE_NONE), "合计", amt("2000000.00"));
    gk_row_set(r, row_of(r, t, "213", "农林水支出", GK_SIDE_NONE), "合计", amt("2000000.00"));
    gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
    gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
    gk_report_index(r);
    return r;
}

/* "（1）工资福利支出（301）100.00万元" (also "…（301）支出100.00万元"): an
 * item by economic code is the economic table's row; a sum of the row's 款 each rounded is a rounding
 * note; a row its sub-rows do not add up to (the reader's or the table's
 * fault) binds nothing. */
static void test_economic_code(void **state)
{
    (void)state;
    static const struct {
        const char *text, *row302;
        int bound, errors, infos;
    } CASES[] = {
        /* 1,000,009.00元 = 100.0009万元 → 100.00; 100.00万元 = the 302 row. */
        {"（1）工资福利支出（301）100.00万元。（2）商品和服务支出（302）100.00万元。", "1000000.00", 2, 0, 0},
        {"（1）工资福利支出（301）101.00万元。", "1000000.00", 1, 1, 0},
        /* 50.00045 + 50.00045 → 50.00 + 50.00: the prose added what it rounded. */
        {"（1）工资福利支出（301）100.01万元。", "1000000.00", 1, 0, 1},
        /* 302 read as 940.00元 while its 款 hold 1,000,000.00元: no binding. */
        {"（2）商品和服务支出（302）100.00万元。", "940.00", 0, 0, 0},
        /* "培训支出（2050803）支出29.44万元" (wild xian-b6aea555): the coded item,
         * then what it is. */
        {"（1）工资福利支出（301）支出100.00万元。", "1000000.00", 1, 0, 0},
        {"（1）工资福利支出（301）支出101.00万元。", "1000000.00", 1, 1, 0},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        gk_report *r = coded_budget("（三）一般公共预算拨款支出明细情况说明", CASES[k].text,
                                    CASES[k].row302);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.bound, CASES[k].bound);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), CASES[k].errors);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_INFO), CASES[k].infos);
        gk_report_free(r);
    }
}

/* "上年结转结余0万元…上年结转结余的一般公共预算收入0万元" (wild 苏州): the parts of a
 * 上年结转结余 the 收支总表 gives as one figure bind to it where it is 0 (a part
 * stated non-zero is reported); under a non-zero whole they name no cell. */
static gk_report *carried_budget(const char *carried, const char *text)
{
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    r->year = 2026;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
    t->unit = GK_UNIT_WANYUAN;
    gk_row_set(r, row_of(r, t, NULL, "一般公共预算拨款收入", GK_SIDE_INCOME), "金额", amt("100.00"));
    gk_row_set(r, row_of(r, t, NULL, "本年收入合计", GK_SIDE_INCOME), "金额", amt("100.00"));
    gk_row *row = row_of(r, t, NULL, "上年结转结余", GK_SIDE_INCOME);
    if (carried)
        gk_row_set(r, row, "金额", amt(carried));
    gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("100.00"));
    const char *section = "一、收入预算情况说明";
    gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
    gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
    gk_report_index(r);
    return r;
}

static void test_carried_parts(void **state)
{
    (void)state;
    static const struct {
        const char *carried, *text;
        int bound, errors;
    } CASES[] = {
        {NULL, "上年结转结余的一般公共预算收入0万元、上年结转结余的单位资金0万元。", 2, 0},
        {"0.00", "上年结转结余的一般公共预算收入0万元、上年结转结余的单位资金0万元。", 2, 0},
        {"0.00", "上年结转结余的一般公共预算收入5.00万元、上年结转结余的单位资金0万元。", 2, 1},
        {"5.00", "上年结转结余的一般公共预算收入5.00万元、上年结转结余的单位资金0万元。", 0, 0},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        gk_report *r = carried_budget(CASES[k].carried, CASES[k].text);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.bound, CASES[k].bound);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), CASES[k].errors);
        gk_report_free(r);
    }
}

/* "农林水支出（类）支出200.00万元" in 收支预算总体 is the 支出预算表's 类;
 * "吴淞江整治工程在农林水支出（类）支出列支138.00万元" a project within it:
 * no binding, no "no such item" warning. */
static void test_level_tail(void **state)
{
    (void)state;
    const char *section = "一、收支预算总体情况说明";
    gk_report *r = coded_budget(section, "（1）农林水支出（类）支出200.00万元，主要用于水利。", "1000000.00");
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(f.narrative.bound, 1);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    gk_report_free(r);
    r = coded_budget(section, "（1）农林水支出（类）支出201.00万元。", "1000000.00");
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR001", GK_ERROR, 11));
    gk_report_free(r);
    r = coded_budget(section, "主要原因是吴淞江整治工程在农林水支出（类）支出列支138.00万元。",
                     "1000000.00");
    gk_check(r, &f);
    assert_int_equal(f.narrative.bound, 0);
    assert_int_equal(count_rule_prefix(&f, "NAR012", GK_WARNING), 0);
    gk_report_free(r);
}

/* Parts that make up their whole: 政府采购 = 货物 + 工程 + 服务, 基本支出 =
 * 人员经费 + 公用经费, "三公" = its three items — listed once each, they must
 * add up (a "其中" list is otherwise only at most its whole). */
static void test_partition(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int errors;
    } CASES[] = {
        {"2026年度本单位政府采购预算8.00万元，其中：政府采购货物预算1.00万元、政府采购工程预算0.00万元、"
         "政府采购服务预算7.00万元。", 0},
        {"2026年度本单位政府采购预算8.00万元，其中：政府采购货物预算1.00万元、政府采购工程预算0.00万元、"
         "政府采购服务预算6.00万元。", 1},
        {"一般公共预算基本支出100.00万元，其中：人员经费80.00万元，公用经费19.00万元。", 1},
        {"“三公”经费预算10.00万元，其中：因公出国（境）费2.00万元，公务用车购置及运行费3.00万元，"
         "公务接待费4.00万元。", 1},
        /* Not a partition: a part of a part listed too, or parts left out. */
        {"“三公”经费预算10.00万元，其中：公务用车购置费3.00万元，公务用车运行费4.00万元。", 0},
        {"一般公共预算基本支出100.00万元，其中：人员经费80.00万元。", 0},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        const char *const paras[] = {CASES[k].text};
        gk_report *r = prose("十、其他重要事项的情况说明", paras, 1);
        r->kind = GK_DOC_BUDGET;
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR014", GK_ERROR), CASES[k].errors);
        if (CASES[k].errors)
            assert_true(has_finding(&f, "NAR014", GK_ERROR, 2));
        gk_report_free(r);
    }
}

/* Sentences that lean on the one before: "其中：" opening a sentence lists
 * the parts of the total the sentence before opened with (the whole of
 * their shares); "与上年相比，…减少A万元，减少P%" compares the one amount
 * the sentence before stated. */
static void test_sentence_before(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int errors;
    } CASES[] = {
        {"本单位收入预算合计200.00万元，包括本年收入150.00万元，上年结转结余50.00万元。"
         "其中：本年一般公共预算收入150.00万元，占75%；上年结转结余的一般公共预算收入50.00万元，占25%。", 0},
        {"本单位收入预算合计200.00万元，包括本年收入150.00万元，上年结转结余50.00万元。"
         "其中：本年一般公共预算收入150.00万元，占78%；上年结转结余的一般公共预算收入50.00万元，占25%。", 1},
        {"本单位财政拨款收、支总预算100.00万元。与上年相比，财政拨款收、支总计各减少25.00万元，减少20%。", 0},
        {"本单位财政拨款收、支总预算100.00万元。与上年相比，财政拨款收、支总计各减少25.00万元，减少23%。", 1},
        /* "较去年" qualifies the subject as "较上年" does. */
        {"2026年本单位收入预算656.73万元，其中，一般公共预算拨款656.73万元。收入较去年增加24.17万元，上升3.82%。", 0},
        {"2026年本单位收入预算656.73万元，其中，一般公共预算拨款656.73万元。收入较去年增加24.17万元，上升3.92%。", 1},
        /* The sentence before runs to its "。", "；" parts and all. */
        {"2025年收入预算104.00万元，其中：财政拨款收入104.00万元，占100.00%；其他收入均为0万元。"
         "与上年相比，收支预算总计减少4.00万元，下降3.70%。", 0},
        /* Two amounts before: which one is compared is not said. */
        {"本单位财政拨款收入预算100.00万元，支出预算90.00万元。与上年相比，财政拨款收、支总计各减少25.00万元，"
         "减少23%。", 0},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        const char *const paras[] = {CASES[k].text};
        gk_report *r = prose("二、收入预算情况说明", paras, 1);
        r->kind = GK_DOC_BUDGET;
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR00", GK_ERROR), CASES[k].errors);
        gk_report_free(r);
    }
}

/* "当年预算收入A万元，其中：一般公共预算拨款A万元；当年预算支出A万元，其中：
 * 一般公共预算拨款A万元": each 一般公共预算拨款 is of its whole's side. */
static void test_part_side(void **state)
{
    (void)state;
    static const char *const STATED[] = {"120.00", "121.00"};
    for (int k = 0; k < 2; k++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2026;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->unit = GK_UNIT_YUAN;
        gk_row_set(r, row_of(r, t, NULL, "一般公共预算拨款收入", GK_SIDE_INCOME), "金额", amt("1200000.00"));
        gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("1200000.00"));
        gk_row_set(r, row_of(r, t, NULL, "支出总计", GK_SIDE_EXPENSE), "金额", amt("1200000.00"));
        t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        t->unit = GK_UNIT_YUAN;
        gk_row_set(r, row_of(r, t, NULL, "合计", GK_SIDE_NONE), "合计", amt("1200000.00"));
        char text[512];
        snprintf(text, sizeof text,
                 "本部门当年预算收入120.00万元，其中：一般公共预算拨款120.00万元；"
                 "本部门当年预算支出120.00万元，其中：一般公共预算拨款%s万元。", STATED[k]);
        const char *section = "一、收支预算总体情况说明";
        gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
        gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_true(f.narrative.bound >= 2);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), k);
        gk_report_free(r);
    }
}

/* "2022年当年预算执行数为A万元，2023年预算安排B万元，比2022年预算执行数增加P%":
 * P = (B − A) ÷ A, its direction the sign of B − A, none on A = 0; "…持平"
 * when A = B only. */
/* Changes and earlier years' amounts checked through a claim on an amount
 * bound to its cell count as bound (and as tied): "比上年增加C万元，增长P%"
 * (the rate checks C against the bound amount), "较上年A万元增加C万元" (both),
 * "执行数为A万元，预算安排B万元，比…执行数增加P%" / "…持平" (A through B); a
 * change with neither is not.  Thresholds ("单价100万元（含）以上") are no
 * amounts.  An amount against a table whose note says it is empty binds to
 * its total: 0 agrees, anything else is reported.  A 财政拨款基本支出 section
 * binds to the 基本支出 table's 合计. */
static gk_report *tied_budget(const char *text, bool fund_empty)
{
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    r->year = 2026;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("1200000.00"));
    gk_row_set(r, row_of(r, t, NULL, "支出总计", GK_SIDE_EXPENSE), "金额", amt("1200000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, "201", "一般公共服务支出", GK_SIDE_NONE), "合计", amt("1200000.00"));
    gk_row_set(r, row_of(r, t, "20103", "政府办公厅（室）及相关机构事务", GK_SIDE_NONE), "合计",
               amt("1200000.00"));
    gk_row_set(r, row_of(r, t, "2010301", "行政运行", GK_SIDE_NONE), "合计", amt("1200000.00"));
    gk_row_set(r, row_of(r, t, NULL, "合计", GK_SIDE_NONE), "合计", amt("1200000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC);
    t->unit = GK_UNIT_YUAN;
    gk_row *row = row_of(r, t, NULL, "合计", GK_SIDE_NONE);
    gk_row_set(r, row, "金额", amt("1000000.00"));
    gk_row_set(r, row, "人员经费", amt("876543.21"));
    gk_row_set(r, row, "公用经费", amt("123456.79"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_GOV_FUND);
    t->unit = GK_UNIT_YUAN;
    row = row_of(r, t, NULL, "合计", GK_SIDE_NONE);
    if (fund_empty)
        t->empty_note = "注：本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。";
    else
        gk_row_set(r, row, "合计", amt("50000.00"));
    const char *section = "一、2026年部门预算编制说明";
    gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
    gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
    gk_report_index(r);
    return r;
}

static void test_tied(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int money, bound, tied;
        const char *rule;   /* the error, or NULL */
    } CASES[] = {
        /* the rate ties the change to the bound 120.00 */
        {"2026年本部门收入预算120.00万元，比上年增加6.25万元，增长5.49%。", 2, 2, 1, NULL},
        {"2026年本部门收入预算120.00万元，比上年增加7.25万元，增长5.49%。", 2, 2, 1, "NAR002"},
        /* a stated previous year ties both */
        {"2026年本部门收入预算120.00万元，较上年113.75万元增加6.25万元。", 3, 3, 2, NULL},
        {"2026年本部门收入预算120.00万元，较上年113.75万元增加6.35万元。", 3, 3, 2, "NAR013"},
        /* no year before: the change is checked by nothing */
        {"2026年本部门收入预算120.00万元，比2025年预算增加6.25万元。", 2, 1, 0, NULL},
        /* the earlier year's 执行数 through the rate, or 持平 */
        {"1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”120.00万元。"
         "2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数增加20.00%。",
         3, 3, 1, NULL},
        {"1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”120.00万元。"
         "2025年当年预算执行数为120.00万元，2026年预算安排120.00万元，比2025年预算执行数持平。",
         3, 3, 1, NULL},
        /* a threshold is no amount */
        {"部门预算安排购置车辆0辆；安排购置单价100万元（含）以上设备0台（套）；项目总投资不超过500万元。", 0, 0,
         0, NULL},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        gk_report *r = tied_budget(CASES[k].text, true);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.money, CASES[k].money);
        assert_int_equal(f.narrative.bound, CASES[k].bound);
        assert_int_equal(f.narrative.tied, CASES[k].tied);
        assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), CASES[k].rule ? 1 : 0);
        if (CASES[k].rule)
            assert_true(has_finding(&f, CASES[k].rule, GK_ERROR, 11));
        gk_report_free(r);
    }

    /* The empty table's 0, and a figure that contradicts it. */
    static const struct {
        const char *text;
        bool empty;
        int bound, errors;
    } EMPTY[] = {
        {"政府性基金拨款支出预算0万元。", true, 1, 0},
        {"政府性基金拨款支出预算5万元。", true, 1, 1},
        {"政府性基金拨款支出预算5万元。", false, 1, 0},
        {"政府性基金拨款支出预算0万元。", false, 1, 1},
    };
    for (size_t k = 0; k < sizeof EMPTY / sizeof EMPTY[0]; k++) {
        gk_report *r = tied_budget(EMPTY[k].text, EMPTY[k].empty);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.bound, EMPTY[k].bound);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), EMPTY[k].errors);
        gk_report_free(r);
    }

    /* "较上年减少X万元（P%）": the rate in brackets after its change (西安,
     * 004), checked as "下降P%" is. */
    static const struct {
        const char *text;
        const char *rule;
    } BRACKETS[] = {
        {"本年收入预算120.00万元，较上年增加6.25万元（5.49%）。", NULL},
        {"本年收入预算120.00万元，较上年增加6.25万元（5.21%）。", "NAR002"},
        /* 西安: "…会议费预算支出2.00万元，较上年减少0.8万元（40%）" (0.8 ÷ 2: on this year) */
        {"2022年本部门当年一般公共预算会议费预算支出2.00万元，较上年减少0.8万元（40%），减少的主要原因是本年会议计划减少。",
         "NAR002"},
        /* 西安: "公务用车运行维护费70万元，较上年增加70万元（100%）": a rate on nothing */
        {"公务用车运行维护费70万元，较上年增加70万元（100%），主要原因是列入部门预算。", "NAR006"},
        /* 004: "…预算支出0万元，较上年减少0万元（0%）" */
        {"本单位2024年一般公共预算“三公”经费预算支出0万元，较上年减少0万元（0%）。", NULL},
        /* a share in brackets is no rate of the change */
        {"本年收入预算120.00万元，较上年增加6.25万元（占5.21%）。", NULL},
    };
    for (size_t k = 0; k < sizeof BRACKETS / sizeof BRACKETS[0]; k++) {
        gk_report *r = tied_budget(BRACKETS[k].text, true);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR00", GK_ERROR), BRACKETS[k].rule ? 1 : 0);
        if (BRACKETS[k].rule)
            assert_true(has_finding(&f, BRACKETS[k].rule, GK_ERROR, 11));
        gk_report_free(r);
    }

    /* The changes of a balanced budget's 收入 and 支出 on one base agree
     * (上海's template); on two bases (预算执行数, 预算: 普陀商务委) they may not. */
    static const struct {
        const char *text;
        int warnings;
    } TWINS[] = {
        {"2026年，上海市医疗保险事业管理中心收入预算19,302万元，其中：财政拨款收入19,302万元，比2025年"
         "预算增加4,476万元；事业收入0万元。支出预算19,302万元，其中：财政拨款支出预算19,302万元，比2025年"
         "预算增加4,476万元。",
         0},
        {"2026年，上海市医疗保险事业管理中心收入预算19,302万元，其中：财政拨款收入19,302万元，比2025年"
         "预算增加4,476万元；事业收入0万元。支出预算19,302万元，其中：财政拨款支出预算19,302万元，比2025年"
         "预算增加4,467万元。",
         1},
        {"2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年"
         "预算执行数增加24,558.18万元。支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年"
         "预算增加24,491.71万元。",
         0},
    };
    for (size_t k = 0; k < sizeof TWINS / sizeof TWINS[0]; k++) {
        gk_report *r = tied_budget(TWINS[k].text, true);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR016", GK_WARNING), TWINS[k].warnings);
        if (TWINS[k].warnings)
            assert_true(has_finding(&f, "NAR016", GK_WARNING, 11));
        gk_report_free(r);
    }

    /* "财政拨款基本支出预算情况说明" (苏州): the 基本支出 table's 合计. */
    gk_report *r = tied_budget("", true);
    const char *section = "六、财政拨款基本支出预算情况说明";
    gk_report_add_paragraph(r, section, section, (gk_pos){.line = 20})->heading = true;
    gk_report_add_paragraph(r, section,
                            "苏州市水务局2026年度财政拨款基本支出预算100.00万元，其中：（一）人员经费87.65万元。"
                            "主要包括：基本工资、津贴补贴。（二）公用经费21.35万元。主要包括：办公费。",
                            (gk_pos){.line = 21});
    gk_report_index(r);
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(f.narrative.bound, 3);
    assert_true(has_finding(&f, "NAR001", GK_ERROR, 21));   /* 21.35, the cell 12.35 */
    assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), 1);
    gk_report_free(r);
}

static void test_growth_from_actual(void **state)
{
    (void)state;
    static const struct {
        const char *text, *rule;
    } CASES[] = {
        {"2022年当年预算执行数为1.48万元，2023年预算安排2.63万元，比2022年预算执行数增加77.70%。", NULL},
        {"2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。", "NAR002"},
        {"2022年当年预算执行数为0万元，2023年预算安排60.13万元，比2022年预算执行数增加100.00%。", "NAR006"},
        {"2022年当年预算执行数为667.32万元，2023年预算安排635.10万元，比2022年预算执行数增加4.83%。", "NAR009"},
        {"2022年当年预算执行数为667.32万元，2023年预算安排635.10万元，比2022年预算执行数减少4.83%。", NULL},
        {"2022年当年预算执行数为15.00万元，2023年预算安排15.00万元，比2022年预算执行数持平。", NULL},
        {"2022年当年预算执行数为15.00万元，2023年预算安排16.00万元，比2022年预算执行数持平。", "NAR007"},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        const char *const paras[] = {"1.“一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”"
                                     "45.41万元，主要用于一般行政管理事务。",
                                     CASES[k].text};
        gk_report *r = prose("2023年部门预算编制说明", paras, 2);
        r->kind = GK_DOC_BUDGET;
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), CASES[k].rule ? 1 : 0);
        if (CASES[k].rule)
            assert_true(has_finding(&f, CASES[k].rule, GK_ERROR, 3));
        gk_report_free(r);
    }
}

/* "本部门无当年政府性基金预算收支" against the budget's 政府性基金 table: its
 * 合计 holding 500万元 is reported; a table of nothing, or a statement about
 * money carried over ("无2021年结转的…"), is not. */
static void test_budget_none(void **state)
{
    (void)state;
    static const struct {
        const char *total, *text;
        int errors;
    } CASES[] = {
        {"5000000.00", "本部门无当年政府性基金预算收支，并已公开空表。", 1},
        {"0.00", "本部门无当年政府性基金预算收支，并已公开空表。", 0},
        {"5000000.00", "本部门无2021年结转的政府性基金预算拨款支出。", 0},
    };
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2026;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GOV_FUND);
        t->unit = GK_UNIT_YUAN;
        gk_row_set(r, row_of(r, t, NULL, "合计", GK_SIDE_NONE), "合计", amt(CASES[k].total));
        const char *section = "（四）政府性基金预算支出情况";
        gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
        gk_report_add_paragraph(r, section, CASES[k].text, (gk_pos){.line = 11});
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule_prefix(&f, "NAR010", GK_ERROR), CASES[k].errors);
        gk_report_free(r);
    }
}

/* "一般公共预算拨款安排的会议费预算支出5万元" is the 三公 table's 会议费 where
 * the table prints one, and nothing where it does not. */
static void test_meeting_fees(void **state)
{
    (void)state;
    static const struct {
        bool column;
        const char *stated;
        int bound, errors;
    } CASES[] = {{true, "5", 1, 0}, {true, "6", 1, 1}, {false, "5", 0, 0}};
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2026;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_THREE_PUBLIC);
        gk_row *row = row_of(r, t, NULL, "预算数", GK_SIDE_NONE);
        gk_row_set(r, row, "合计", amt("4.00"));
        gk_row_set(r, row, "公务接待费", amt("4.00"));
        if (CASES[k].column)
            gk_row_set(r, row, "会议费", amt("5.00"));
        char text[256];
        snprintf(text, sizeof text, "本单位一般公共预算拨款安排的会议费预算支出%s万元。", CASES[k].stated);
        const char *section = "十、一般公共预算“三公”经费、会议费、培训费支出预算情况说明";
        gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
        gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.bound, CASES[k].bound);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), CASES[k].errors);
        gk_report_free(r);
    }
}

/* "（一）收支预算总体情况" / "2022年本部门预算支出A万元": the unit's budget
 * total, not the title's topic. */
static void test_unit_budget(void **state)
{
    (void)state;
    static const char *const STATED[] = {"120.00", "121.00"};
    for (int k = 0; k < 2; k++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2022;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->unit = GK_UNIT_YUAN;
        gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("1200000.00"));
        gk_row_set(r, row_of(r, t, NULL, "支出总计", GK_SIDE_EXPENSE), "金额", amt("1200000.00"));
        char text[256];
        snprintf(text, sizeof text, "2022年本部门预算支出%s万元，较上年减少3.00万元。", STATED[k]);
        const char *section = "五、2022年部门预算收支说明";
        gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
        gk_report_add_paragraph(r, section, "（一）收支预算总体情况", (gk_pos){.line = 11});
        gk_report_add_paragraph(r, section, text, (gk_pos){.line = 12});
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.bound, 1);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), k);
        gk_report_free(r);
    }
}

/* "事业收入、事业单位经营收入和其他收入均为0万元": a zero for each name, each
 * against its row — a table holding 500万元 of 事业收入 is reported; "对个人和
 * 家庭的补助" stays one name, "收入、支出总计均为…" one total. */
static void test_zero_list(void **state)
{
    (void)state;
    static const char *const INCOME[] = {"0.00", "5000000.00"};
    for (int k = 0; k < 2; k++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2026;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->unit = GK_UNIT_YUAN;
        gk_row_set(r, row_of(r, t, NULL, "一般公共预算拨款收入", GK_SIDE_INCOME), "金额", amt("1200000.00"));
        gk_row_set(r, row_of(r, t, NULL, "事业收入", GK_SIDE_INCOME), "金额", amt(INCOME[k]));
        gk_row_set(r, row_of(r, t, NULL, "事业单位经营收入", GK_SIDE_INCOME), "金额", amt("0.00"));
        gk_row_set(r, row_of(r, t, NULL, "其他收入", GK_SIDE_INCOME), "金额", amt("0.00"));
        const char *section = "一、收支预算总体情况";
        gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
        gk_report_add_paragraph(r, section,
                                "2026年本部门一般公共预算拨款收入120.00万元；事业收入、事业单位经营收入和"
                                "其他收入均为0万元。",
                                (gk_pos){.line = 11});
        gk_report_index(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(f.narrative.bound, 4);
        assert_int_equal(count_rule_prefix(&f, "NAR001", GK_ERROR), k);
        gk_report_free(r);
    }
    static const char *const ONE[] = {"对个人和家庭的补助、其他支出均为0万元。",
                                      "收入、支出总计均为0万元。"};
    static const char *const SUBJECT[] = {"对个人和家庭的补助", "收入、支出总计"};
    for (int k = 0; k < 2; k++) {
        const char *const paras[] = {ONE[k]};
        gk_report *r = prose("一、收支预算总体情况", paras, 1);
        gk_narrative n;
        gk_narrative_extract(r, &n);
        assert_int_equal(n.nfigures, 2 - k);
        assert_string_equal(n.figures[0].subject, SUBJECT[k]);
        gk_report_free(r);
    }
}

/* A running header printed on every page lands mid-sentence in page text
 * ("…支出预算合计186,241万元，其" / header / "中：基本支出…"); a line printed on
 * three pages is furniture, not prose. */
static void test_running_header(void **state)
{
    (void)state;
    static const char *const P[] = {
        "示例局2026年度单位预算公开", "示例局支出预算合计100万元，其", "示例局2026年度单位预算公开",
        "中：基本支出40万元，占40%；", "项目支出60万元，占60%。", "示例局2026年度单位预算公开",
    };
    gk_report *r = prose("三、支出预算情况说明", P, 6);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    int shares = 0;
    for (int i = 0; i < n.nclaims; i++)
        shares += n.claims[i].kind == GK_CLAIM_SHARE && n.claims[i].b == 0;
    assert_int_equal(shares, 2);   /* both of the 100万元 before "其中" */
    gk_report_free(r);
}

/* Items under titles of their own: "（一）因公出国（境）费用。" then "2026年预算数
 * 14.85万元"; "（一）因公出国（境）经费" on a line, then "2026年预算安排70.00万元" (role
 * words alone name nothing); "（三）公务用车购置费支出情况说明。" is about
 * 公务用车购置费支出; 三公 as an item of 其他重要事项. */
static void test_item_titles(void **state)
{
    (void)state;
    static const char *const P[] = {
        "（一）因公出国（境）费用。",
        "2026年预算数14.85万元，主要用于学习交流。",
        "（二）公务接待费",
        "2026年预算安排6.10万元，比上年减少0.10万元。",
        "（三）公务用车购置费支出情况说明。",
        "年初预算为136.48万元。",
    };
    gk_report *r = prose("四、财政拨款“三公”经费预算情况说明", P, 6);
    r->kind = GK_DOC_BUDGET;
    gk_narrative n;
    gk_narrative_extract(r, &n);
    assert_int_equal(n.nfigures, 4);
    assert_string_equal(n.figures[0].subject, "因公出国(境)费用");
    assert_string_equal(n.figures[1].subject, "公务接待费");
    assert_int_equal(n.figures[2].role, GK_ROLE_CHANGE);
    assert_string_equal(n.figures[3].subject, "公务用车购置费支出");
    gk_report_free(r);

    /* 三公 as an item of "其他重要事项的情况说明", against a table whose note
     * ("此表如无数字则表示单位无该项支出") does not make it empty. */
    static const char *const Q[] = {
        "（二）“三公”经费预算：2026年本单位“三公”经费预算数为8.00万元，其中，公务接待费3.00万元。",
    };
    r = prose("六、其他重要事项的情况说明", Q, 1);
    r->kind = GK_DOC_BUDGET;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_THREE_PUBLIC);
    t->empty_note = "注：此表如无数字则表示单位无该项支出。";
    gk_row *row = row_of(r, t, NULL, "预算数", GK_SIDE_NONE);
    gk_row_set(r, row, "合计", amt("8.00"));
    gk_row_set(r, row, "公务接待费", amt("3.00"));
    gk_report_index(r);
    gk_narrative_extract(r, &n);
    assert_int_equal(n.nfigures, 2);
    assert_true(gk_narrative_binds(r, &n.figures[0]) && gk_narrative_binds(r, &n.figures[1]));
    gk_report_free(r);
}

/* 上海's "2026年单位预算编制说明" is a title line the reader keeps as prose
 * (in the section before it, or in none): it opens a part of its own, whose
 * items bind by levels and by a 类's bare name ("“卫生健康支出”科目").  An
 * item the table names otherwise is a warning pointing at the row of its 类
 * holding the amount, not at another 类's row that happens to. */
static void test_title_section(void **state)
{
    (void)state;
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    r->unit = "示例单位";
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, NULL, "财政拨款收入", GK_SIDE_INCOME), "金额", amt("400000.00"));
    gk_row_set(r, row_of(r, t, NULL, "收入总计", GK_SIDE_INCOME), "金额", amt("400000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_FISCAL_SUMMARY);
    t->unit = GK_UNIT_YUAN;
    gk_row_set(r, row_of(r, t, "207", "文化旅游体育与传媒支出", GK_SIDE_EXPENSE), "合计", amt("200000.00"));
    gk_row_set(r, row_of(r, t, "210", "卫生健康支出", GK_SIDE_EXPENSE), "合计", amt("200000.00"));
    t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
    t->unit = GK_UNIT_YUAN;
    static const char *const ROWS[][3] = {
        {"207", "文化旅游体育与传媒支出", "200000.00"}, {"20703", "体育", "200000.00"},
        {"2070308", "群众体育", "200000.00"},          {"210", "卫生健康支出", "200000.00"},
        {"21007", "计划生育事务", "200000.00"},        {"2100717", "计划生育服务", "200000.00"},
    };
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++)
        gk_row_set(r, row_of(r, t, ROWS[i][0], ROWS[i][1], GK_SIDE_NONE), "合计", amt(ROWS[i][2]));
    gk_row_set(r, row_of(r, t, NULL, "合计", GK_SIDE_NONE), "合计", amt("400000.00"));
    static const char *const P[] = {
        "本单位设3个内设机构。",
        "2026年单位预算编制说明",
        "2026年，示例单位收入预算40.00万元，其中：财政拨款收入40.00万元。",
        ("1.“文化旅游体育与传媒支出（类）体育（款）群众体育（项）”科目20.00万元，主要用于群众体育。"
         "2025年当年预算执行数为18.00万元，2026年预算安排21.00万元，比2025年预算执行数增加16.67%。"),
        "2.“卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”科目20.00万元，主要用于计划生育。",
        "3.“卫生健康支出”科目20.00万元。",
        "4.“文化旅游体育与传媒支出-体育-群众体育”科目20.00万元。",
        "5.“示例-专项”科目20.00万元。",
    };
    gk_report_add_paragraph(r, "六、其他相关情况说明", "六、其他相关情况说明", (gk_pos){.line = 1})
        ->heading = true;
    for (int i = 0; i < (int)(sizeof P / sizeof P[0]); i++)
        gk_report_add_paragraph(r, "六、其他相关情况说明", P[i], (gk_pos){.line = 2 + i});
    gk_report_index(r);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    assert_string_equal(n.figures[0].section_key, "其他相关情况说明");   /* 3个 */
    assert_string_equal(n.figures[1].section_key, "单位预算编制说明");
    gk_findings f;
    gk_check(r, &f);
    /* Item 1 states 20.00 (the table's) and then 21.00 for this year ("当年" is
     * no subject: the item's); the 18.00 of last year binds to nothing. */
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 1);
    assert_true(has_finding(&f, "NAR001", GK_ERROR, 5));
    assert_true(has_finding(&f, "NAR012", GK_WARNING, 6));
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, "NAR012") == 0)
            assert_non_null(strstr(f.items[i].message, "2100717 计划生育服务"));
    /* 40.00 ×2, 群众体育 20.00 (by marks, by dashes) and 21.00, 卫生健康支出
     * 20.00; not "示例-专项" (its first part is no 类); and 18.00, tied to
     * 21.00 by its rate (21.00 is itself wrong: NAR001). */
    assert_int_equal(f.narrative.bound, 7);
    assert_int_equal(f.narrative.tied, 1);
    assert_int_equal(count_rule_prefix(&f, "NAR012", GK_WARNING), 1);
    gk_report_free(r);
}

/* ---- The examples ------------------------------------------------------------- */

static void test_examples(void **state)
{
    (void)state;
    gk_report *r = read_path(GK_SOURCE_DIR "/examples/final-2024.txt");
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(f.n, 0);
    /* Sections 一–十三: every amount and percentage is extracted; the
     * amounts of the tables' sections are tied to their cells. */
    assert_true(f.narrative.claims >= 40);
    assert_true(f.narrative.bound >= 40);
    gk_report_free(r);

    r = read_path(GK_SOURCE_DIR "/examples/final-2024-faulty.txt");
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR002", GK_ERROR, 342));   /* 14.11% on the current year */
    assert_true(has_finding(&f, "NAR001", GK_ERROR, 373));   /* 7.81 vs 7.18 */
    assert_true(has_finding(&f, "NAR004", GK_ERROR, 373));   /* 103.16% fits 7.18 only */
    assert_true(has_finding(&f, "NAR005", GK_ERROR, 379));   /* 大于 while less */
    assert_true(has_finding(&f, "NAR004", GK_INFO, 382));    /* 91.68% truncated */
    for (size_t i = 0; i < f.n; i++) {
        const gk_finding *x = &f.items[i];
        if (strcmp(x->rule, "NAR002") == 0)
            assert_non_null(strstr(x->message, "以本年数464.03为分母"));
        if (strcmp(x->rule, "NAR001") == 0) {
            assert_non_null(strstr(x->message, "应为7.18万元"));
            assert_true(x->nlocs >= 2);   /* the sentence and the cell */
            assert_int_equal(x->locs[1].table, GK_TABLE_GPB_EXPENSE);
        }
    }
    /* Nothing else from the narrative but the consequence of line 373 for
     * the items' total (line 368). */
    for (size_t i = 0; i < f.n; i++) {
        int line = f.items[i].locs[0].pos.line;
        if (strncmp(f.items[i].rule, "NAR", 3) == 0 && line != 342 && line != 373 &&
            line != 379 && line != 382 && line != 368)
            fail_msg("unexpected %s at %d: %s", f.items[i].rule, line, f.items[i].message);
    }
    gk_report_free(r);

    /* "主要包括" lists: the example lists exactly the non-zero items; drop
     * 办公费 from the 公用经费 list and it is noted. */
    r = read_path(GK_SOURCE_DIR "/examples/final-2024.txt");
    gk_narrative nar;
    gk_narrative_extract(r, &nar);
    assert_int_equal(nar.nlists, 2);
    assert_int_equal(nar.lists[0].nnames, 11);
    assert_string_equal(nar.lists[1].names[0], "办公费");
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (r->paragraphs[i].pos.line == 390) {
            const char *t = r->paragraphs[i].text, *at = strstr(t, "办公费、");
            assert_non_null(at);
            char *u = malloc(strlen(t) + 1);
            assert_non_null(u);
            memcpy(u, t, (size_t)(at - t));
            strcpy(u + (at - t), at + strlen("办公费、"));
            r->paragraphs[i].text = gk_report_strdup(r, u);
            free(u);
        }
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR017", GK_INFO, 390));
    assert_int_equal(f.n, 1);
    assert_non_null(strstr(f.items[0].message, "30201 办公费"));
    gk_report_free(r);

    /* The budget example: its narrative is consistent. */
    r = read_path(GK_SOURCE_DIR "/examples/budget-2025.txt");
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    gk_report_free(r);
}

/* ---- The corpus ------------------------------------------------------------------ */

static void test_corpus_index(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    gk_findings f;
    /* 000: four completion rates truncated (notes); every other figure
     * (shares 29.82/70.18, 2.69/95.72/1.59, growth 35.98%, 三公 −18.60%,
     * 机关运行 8.48%, 82.41%) consistent. */
    gk_report *r = read_path(GK_SHARED_DIR "/corpus/000_2e4bf1e814f589dd.txt");
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR004", GK_INFO, 410));
    assert_true(has_finding(&f, "NAR004", GK_INFO, 411));
    assert_true(has_finding(&f, "NAR004", GK_INFO, 414));
    assert_true(has_finding(&f, "NAR004", GK_INFO, 417));
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_WARNING), 0);
    gk_report_free(r);

    /* 002: items' budgets 377.37 vs 年初预算 862.76; 事业单位医疗 for the
     * 52.33 of 公务员医疗补助; 说明八 names 政府性基金. */
    r = read_path(GK_SHARED_DIR "/corpus/002_958243b751db7aa3.txt");
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR008", GK_WARNING, 94));
    assert_true(has_finding(&f, "NAR012", GK_WARNING, 104));
    assert_true(has_finding(&f, "NAR010", GK_ERROR, 124));
    /* 部门整体支出自评: 全年预算数 377.37 against the 自评表's 金额合计 182. */
    assert_true(has_finding(&f, "NAR001", GK_ERROR, 180));
    /* 说明六's economic items by bare name ("基本工资73.7万元", "维修（护）费5.8万元")
     * bind to the 基本支出表 (and agree): 23 → 45 bound. */
    assert_true(f.narrative.bound >= 45);
    gk_report_free(r);

    /* 004: every difference from the previous year is right ("较上年
     * 164.9223万元增加37.23054万元"), also after a "其中" list. */
    r = read_path(GK_SHARED_DIR "/corpus/004_a8cda960e0db61c9.txt");
    gk_check(r, &f);
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 0);
    assert_true(f.narrative.claims >= 16);
    gk_report_free(r);

    /* shiquan: 职业年金 245.53 vs table 257.14 (93.57% fits 257.14); 公务接待费
     * 1.53 "完成预算的0%"; 统计信息事务 vs 专项统计业务; 545.84 vs 545.85. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-shiquan-2025-final.pages.txt");
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR004", GK_ERROR, 771));
    assert_true(has_finding(&f, "NAR008", GK_ERROR, 669));   /* the same 11.61 in the total */
    assert_true(has_finding(&f, "NAR004", GK_ERROR, 921));
    assert_true(has_finding(&f, "NAR016", GK_WARNING, 927));   /* 公务接待费 1.53, then 0 */
    assert_true(has_finding(&f, "NAR012", GK_WARNING, 676));
    assert_true(has_finding(&f, "NAR001", GK_INFO, 761));
    /* "公共安全支出（类）司法（款）其他公共安全支出（项）": the 项 of that name is
     * under 其他公共安全支出 (20499), not under 司法 (20406). */
    assert_true(has_finding(&f, "NAR012", GK_WARNING, 720));
    /* 类 named bare in 说明五 ("一般公共服务306.90万元"): 98 → 109 bound; 107
     * without the two figures of that misnamed item. */
    assert_true(f.narrative.bound >= 107);
    gk_report_free(r);

    /* yichuan: "占 76.23" without "%", no 公务用车购置费 in the 三公 section,
     * 政府性基金 135.00 vs 105.00 (the
     * table's places are reconstructed: a warning), 269.85 vs 269.86
     * (rounding). */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-yichuan-2025-final.pages.txt");
    gk_check(r, &f);
    assert_true(has_finding(&f, "NAR011", GK_WARNING, 679));
    assert_true(has_finding(&f, "NAR015", GK_WARNING, 856));   /* no 公务用车购置费 line */
    assert_true(has_finding(&f, "NAR001", GK_WARNING, 890));
    assert_true(has_finding(&f, "NAR001", GK_INFO, 751));
    assert_false(has_finding(&f, "NAR001", GK_ERROR, 751));
    gk_report_free(r);
    /* A 普陀 单位预算's item stated above its table ("社会福利事业单位（项）”738.66万元"
     * against 6,964,796.00元), its rate computed from the wrong amount. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-welfarehome-2024-unit-budget.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 6, 18));
    gk_report_free(r);
    /* 万里 2023 item 16 (职业年金) copies item 15's "2023年预算安排441.25万元" under
     * its own 220.63; 万里 2024 item 31 (住房公积金) says 350.35 and then
     * "2024年预算安排352.67万元" (its rate, 0.53%, is of 350.35). */
    /* Their rates against the 执行数 of the year before ("2022年当年预算执行数为
     * 11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%": 289.12%),
     * 100.00% on a zero 执行数 (2023 items 2 and 17, 2024 item 8), item 16's
     * copied 60.54% (232.79% of its own figures); 352.67's 0.53% is right for
     * the item's 350.35: the amount alone is reported. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-wanli-2023-budget.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 7, 23));
    assert_true(has_finding_on(&f, "NAR006", GK_ERROR, 6, 12));
    assert_true(has_finding_on(&f, "NAR002", GK_ERROR, 6, 14));
    assert_true(has_finding_on(&f, "NAR002", GK_ERROR, 7, 23));
    assert_true(has_finding_on(&f, "NAR006", GK_ERROR, 8, 2));
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 5);
    gk_report_free(r);
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-wanli-2024-budget.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 9, 19));
    assert_true(has_finding_on(&f, "NAR006", GK_ERROR, 7, 6));
    assert_int_equal(count_rule_prefix(&f, "NAR", GK_ERROR), 2);
    gk_report_free(r);
}

/* ---- Perturbation --------------------------------------------------------------- */

/* Replace the k-th occurrence of `text` followed by `unit` in the
 * paragraph at `line` by `repl`. */
static bool rewrite(gk_report *r, int line, const char *text, const char *unit, int k,
                    const char *repl, const char **saved, size_t *which)
{
    for (size_t i = 0; i < r->nparagraphs; i++) {
        gk_paragraph *g = &r->paragraphs[i];
        if (g->pos.line != line || g->heading)
            continue;
        const char *p = g->text;
        for (int seen = 0; (p = strstr(p, text)) != NULL; p++) {
            const char *u = p + strlen(text);
            while (*u == ' ')
                u++;
            if (strncmp(u, unit, strlen(unit)) != 0 ||
                (p > g->text && (p[-1] == '.' || (p[-1] >= '0' && p[-1] <= '9'))))
                continue;
            if (seen++ < k)
                continue;
            size_t n = strlen(g->text) - strlen(text) + strlen(repl);
            char *t = malloc(n + 1);
            assert_non_null(t);
            size_t at = (size_t)(p - g->text);
            memcpy(t, g->text, at);
            strcpy(t + at, repl);
            strcat(t, p + strlen(text));
            *saved = g->text;
            *which = i;
            g->text = gk_report_strdup(r, t);
            free(t);
            return true;
        }
    }
    return false;
}

/* The narrative findings at a line, as one string. */
static char *nar_at(const gk_findings *f, int line)
{
    size_t n = 1;
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].locs[0].pos.line == line && strncmp(f->items[i].rule, "NAR", 3) == 0)
            n += strlen(f->items[i].message) + 1;
    char *s = calloc(1, n);
    assert_non_null(s);
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].locs[0].pos.line == line && strncmp(f->items[i].rule, "NAR", 3) == 0) {
            strcat(s, f->items[i].message);
            strcat(s, "\n");
        }
    return s;
}

static void perturb(const char *path, int *moved, int *caught)
{
    gk_report *r = read_path(path);
    gk_findings base;
    gk_check(r, &base);
    gk_narrative n;
    gk_narrative_extract(r, &n);
    for (int i = 0; i < n.nfigures; i++) {
        const gk_figure *f = &n.figures[i];
        bool in_claim = false;
        for (int c = 0; c < n.nclaims && !in_claim; c++)
            in_claim = n.claims[c].kind == GK_CLAIM_DIFF
                           ? n.claims[c].b == i   /* the stated change */
                           : n.claims[c].p == i && n.claims[c].kind != GK_CLAIM_FLAT;
        bool bound = f->kind == GK_FIG_MONEY && gk_narrative_binds(r, f);
        if (!in_claim && !bound)
            continue;
        int k = 0;   /* earlier figures with the same text on the line */
        for (int j = 0; j < i; j++)
            k += n.figures[j].pos.line == f->pos.line && strcmp(n.figures[j].text, f->text) == 0 &&
                 n.figures[j].kind == f->kind;
        gk_amount v;
        char repl[GK_AMOUNT_BUFSIZE];
        assert_true(gk_amount_add(
            f->value, gk_amount_make(f->kind == GK_FIG_PERCENT ? 300 : 100, 2), &v));
        gk_amount_format(gk_amount_round(v, f->value.scale), repl);
        const char *saved;
        size_t which;
        if (!rewrite(r, f->pos.line, f->text, f->kind == GK_FIG_PERCENT ? "%" : "万元", k, repl,
                     &saved, &which))
            continue;   /* printed differently (spaces inside): not a fair test */
        gk_findings fs;
        gk_check(r, &fs);
        /* A new finding at the line (or a changed one: it states the
         * figures). */
        char *before = nar_at(&base, f->pos.line), *after = nar_at(&fs, f->pos.line);
        bool hit = *after && strcmp(before, after) != 0;
        free(before);
        free(after);
        (*moved)++;
        *caught += hit;
        if (!hit)
            print_message("not caught: %s line %d %s\n", path, f->pos.line, f->text);
        r->paragraphs[which].text = saved;
    }
    gk_report_free(r);
}

static void test_perturbation(void **state)
{
    (void)state;
    int moved = 0, caught = 0;
    perturb(GK_SOURCE_DIR "/examples/final-2024.txt", &moved, &caught);
    print_message("narrative perturbation (example): %d of %d caught\n", caught, moved);
    assert_true(moved >= 60);
    assert_true(caught * 100 >= moved * 95);
    /* The budget example: its figures bind to the 预算 tables. */
    moved = caught = 0;
    perturb(GK_SOURCE_DIR "/examples/budget-2025.txt", &moved, &caught);
    print_message("narrative perturbation (budget example): %d of %d caught\n", caught, moved);
    assert_true(moved >= 30);
    assert_true(caught * 100 >= moved * 95);
    if (!corpus_present())
        return;
    static const char *const DOCS[] = {
        "000_2e4bf1e814f589dd.txt", "002_958243b751db7aa3.txt", "004_a8cda960e0db61c9.txt",
        "sh-putuo-shiquan-2025-final.pages.txt", "sh-putuo-yichuan-2025-final.pages.txt",
        "sh-putuo-wanli-2025-budget.pdf", "sh-putuo-commerce-2025-dept-budget.pdf",
        "wild/guangzhou-015554f2.pdf", "wild/suzhou-003a9804.pdf", "wild/shanghai-0291d4c2.pdf",
        "wild/fuzhou-17f2ee92.pdf", "wild/xian-0956c387.pdf", "wild/changsha-5c96c5f1.pdf"};
    int all = 0, all_caught = 0;
    for (size_t d = 0; d < sizeof DOCS / sizeof DOCS[0]; d++) {
        char path[512];
        int m = 0, c = 0;
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, DOCS[d]);
        perturb(path, &m, &c);
        print_message("narrative perturbation (%s): %d of %d caught\n", DOCS[d], c, m);
        all += m;
        all_caught += c;
    }
    assert_true(all >= 150);
    assert_true(all_caught * 100 >= all * 95);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract),
        cmocka_unit_test(test_not_figures),
        cmocka_unit_test(test_run_together),
        cmocka_unit_test(test_interleaved_line),
        cmocka_unit_test(test_pathological),
        cmocka_unit_test(test_fund_accounts),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_precision),
        cmocka_unit_test(test_admin_unit),
        cmocka_unit_test(test_city_budget),
        cmocka_unit_test(test_loose_total),
        cmocka_unit_test(test_economic_code),
        cmocka_unit_test(test_carried_parts),
        cmocka_unit_test(test_level_tail),
        cmocka_unit_test(test_partition),
        cmocka_unit_test(test_sentence_before),
        cmocka_unit_test(test_part_side),
        cmocka_unit_test(test_growth_from_actual),
        cmocka_unit_test(test_tied),
        cmocka_unit_test(test_budget_none),
        cmocka_unit_test(test_meeting_fees),
        cmocka_unit_test(test_unit_budget),
        cmocka_unit_test(test_zero_list),
        cmocka_unit_test(test_item_titles),
        cmocka_unit_test(test_running_header),
        cmocka_unit_test(test_title_section),
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_corpus_index),
        cmocka_unit_test(test_perturbation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
