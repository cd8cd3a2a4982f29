/*
 * test_wording.c — the prose checks of wording.c (DOC007–DOC009): synthetic
 * sentences that must and must not fire, and the real ones of the corpus.
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
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compared_year),
        cmocka_unit_test(test_alternatives),
        cmocka_unit_test(test_empty_reason),
        cmocka_unit_test(test_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
