/*
 * test_report.c — building and querying the report model; kind names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai/report.h"
#include "../../src/util/buf.h"

static gk_amount amt(const char *s)
{
    gk_amount a;
    assert_int_equal(gk_amount_parse(s, strlen(s), &a), GK_AMOUNT_OK);
    return a;
}

static void test_kind_names(void **state)
{
    (void)state;
    for (int k = 1; k < GK_TABLE__COUNT; k++) {
        const char *name = gk_table_kind_name((gk_table_kind)k);
        assert_non_null(name);
        assert_non_null(gk_table_kind_title((gk_table_kind)k));
        assert_int_equal(gk_table_kind_from_name(name), k);
        if (k != GK_TABLE_OTHER)
            assert_int_not_equal(gk_table_kind_doc((gk_table_kind)k), GK_DOC_UNKNOWN);
    }
    assert_int_equal(gk_table_kind_doc(GK_TABLE_OTHER), GK_DOC_UNKNOWN);   /* any document's */
    assert_string_equal(gk_table_kind_name(GK_TABLE_EXPENSE), "expense");
    assert_string_equal(gk_table_kind_title(GK_TABLE_EXPENSE), "支出决算表");
    assert_string_equal(gk_table_kind_name(GK_TABLE_BUDGET_GPB_FUNCTION), "budget_gpb_function");
    assert_int_equal(gk_table_kind_from_name("nonsense"), GK_TABLE_UNKNOWN);
    assert_int_equal(gk_table_kind_from_name(NULL), GK_TABLE_UNKNOWN);
    assert_null(gk_table_kind_name(GK_TABLE_UNKNOWN));
    assert_null(gk_table_kind_name(GK_TABLE__COUNT));
    assert_int_equal(gk_table_kind_codes(GK_TABLE_EXPENSE), GK_CODES_FUNCTIONAL);
    assert_int_equal(gk_table_kind_codes(GK_TABLE_GPB_BASIC), GK_CODES_ECONOMIC);
    assert_int_equal(gk_table_kind_codes(GK_TABLE_THREE_PUBLIC), GK_CODES_NONE);

    assert_string_equal(gk_doc_kind_name(GK_DOC_FINAL), "final");
    assert_int_equal(gk_doc_kind_from_name("budget"), GK_DOC_BUDGET);
    assert_int_equal(gk_doc_kind_from_name("performance"), GK_DOC_PERFORMANCE);
    assert_int_equal(gk_doc_kind_from_name("draft"), GK_DOC_UNKNOWN);
    assert_null(gk_doc_kind_name(GK_DOC_UNKNOWN));
    assert_string_equal(gk_side_name(GK_SIDE_INCOME), "收入");
    assert_int_equal(gk_side_from_name("支出"), GK_SIDE_EXPENSE);
    assert_int_equal(gk_side_from_name("左"), GK_SIDE_NONE);
}

static void test_build_and_find(void **state)
{
    (void)state;
    gk_report *r = gk_report_new();
    r->unit = gk_report_strdup(r, "示例县医疗保障局");
    r->year = 2024;
    gk_table *t = gk_report_add_table(r, GK_TABLE_EXPENSE);
    t->title = gk_report_strdup(r, "支出决算表");
    gk_row *row = gk_table_add_row(r, t);
    row->code = gk_report_strdup(r, "2101501");
    row->label = gk_report_strdup(r, "行政运行");
    row->pos.line = 151;
    gk_row_set(r, row, "本年支出合计", amt("80.91"));
    gk_row_set(r, row, "基本支出", amt("80.91"));
    gk_row_set(r, row, "本年支出合计", amt("80.92"));      /* replaces */
    assert_int_equal(row->ncells, 2);
    const gk_cell *c = gk_row_get(row, "本年支出合计");
    assert_non_null(c);
    assert_int_equal(c->value.v, 8092);
    assert_null(gk_row_get(row, "项目支出"));
    gk_cell *tc = gk_row_set_text(r, row, "备注", "≥95%");
    assert_string_equal(tc->text, "≥95%");

    gk_table *s = gk_report_add_table(r, GK_TABLE_SUMMARY);
    gk_row *in = gk_table_add_row(r, s);
    in->label = gk_report_strdup(r, "总计");
    in->side = GK_SIDE_INCOME;
    gk_row *out = gk_table_add_row(r, s);
    out->label = gk_report_strdup(r, "总计");
    out->side = GK_SIDE_EXPENSE;
    out->code = NULL;

    const gk_table *found = gk_report_find_table(r, GK_TABLE_EXPENSE);
    assert_non_null(found);
    assert_string_equal(found->title, "支出决算表");
    assert_null(gk_report_find_table(r, GK_TABLE_GPB_BASIC));
    assert_non_null(gk_table_find_code(found, "2101501", GK_SIDE_NONE));
    assert_null(gk_table_find_code(found, "21015", GK_SIDE_NONE));
    const gk_table *sum = gk_report_find_table(r, GK_TABLE_SUMMARY);
    assert_int_equal(gk_table_find_label(sum, "总计", GK_SIDE_EXPENSE)->side, GK_SIDE_EXPENSE);
    assert_int_equal(gk_table_find_label(sum, "总计", GK_SIDE_NONE)->side, GK_SIDE_INCOME);
    assert_null(gk_table_find_label(sum, "合计", GK_SIDE_NONE));

    gk_pos pos = {.line = 300};
    gk_paragraph *p = gk_report_add_paragraph(r, "一、收入支出决算总体情况说明", "收入总计341.39万元。", pos);
    assert_string_equal(p->section, "一、收入支出决算总体情况说明");
    assert_int_equal(r->nparagraphs, 1);
    assert_null(gk_report_strdup(r, NULL));
    gk_report_free(r);
    gk_report_free(NULL);
}

static void test_many_rows_and_strings(void **state)
{
    (void)state;
    /* Arrays grow in the arena; strings larger than a block get their own. */
    gk_report *r = gk_report_new();
    gk_table *t = gk_report_add_table(r, GK_TABLE_GPB_BASIC);
    for (int i = 0; i < 20000; i++) {
        char code[16];
        snprintf(code, sizeof code, "%05d", 30000 + i % 1000);
        gk_row *row = gk_table_add_row(r, t);
        row->code = gk_report_strdup(r, code);
        gk_row_set(r, row, "金额", gk_amount_make(i, 2));
    }
    assert_int_equal(t->nrows, 20000);
    assert_int_equal(t->rows[19999].cells[0].value.v, 19999);
    assert_string_equal(t->rows[1234].code, "30234");
    static char big[200000];
    memset(big, 'x', sizeof big - 1);
    const char *copy = gk_report_strdup(r, big);
    assert_int_equal(strlen(copy), sizeof big - 1);
    const char *small = gk_report_strndup(r, "合计abc", 6);
    assert_string_equal(small, "合计");
    gk_report_free(r);
}

/* Facts: set, replaced, looked up; each kind's value checked. */
static void test_facts(void **state)
{
    (void)state;
    gk_report *r = gk_report_new();
    gk_report_set_fact(r, "上年/三公经费", "3.68");
    gk_report_set_fact(r, "原因/三公经费", "公务用车运行维护费减少");
    gk_report_set_fact(r, "上年/三公经费", "3.70");
    assert_int_equal(r->nfacts, 2);
    assert_string_equal(gk_report_fact(r, "上年/三公经费"), "3.70");
    assert_null(gk_report_fact(r, "上年/机关运行经费"));
    gk_report_free(r);

    char buf[128];
    assert_null(gk_fact_problem("上年/2101501", "140.85", buf, sizeof buf));
    assert_null(gk_fact_problem("年初预算/一般公共预算财政拨款支出", "-3", buf, sizeof buf));
    assert_null(gk_fact_problem("统计/国内公务接待批次", "6", buf, sizeof buf));
    assert_null(gk_fact_problem("说明/国有资产", "截至2024年12月31日……", buf, sizeof buf));
    assert_string_equal(gk_fact_problem("去年/三公经费", "3.68", buf, sizeof buf),
                        "未知事项，应以 上年/、年初预算/、原因/、统计/、概况/ 或 说明/ 开头");
    assert_string_equal(gk_fact_problem("上年/三公经费", "三点六八", buf, sizeof buf),
                        "应为金额或数字（如 \"80.91\"），实为 \"三点六八\"");
    assert_string_equal(gk_fact_problem("统计/公务用车保有量", "1.5", buf, sizeof buf),
                        "应为非负整数，实为 \"1.5\"");
    assert_string_equal(gk_fact_problem("统计/公务用车保有量", "-1", buf, sizeof buf),
                        "应为非负整数，实为 \"-1\"");
}

/* A document in two files: the tables file joined to the narrative's. */
static void test_join(void **state)
{
    (void)state;
    gk_report *narr = gk_report_new();
    narr->source = gk_report_strdup(narr, "说明.pdf");
    narr->unit = gk_report_strdup(narr, "示例局");
    narr->kind = GK_DOC_BUDGET;
    gk_report_add_paragraph(narr, "二、收入预算", "收入预算 51036.22 万元。", (gk_pos){.line = 5, .page = 4});
    gk_report *tabs = gk_report_new();
    tabs->source = gk_report_strdup(tabs, "报表.pdf");
    tabs->year = 2026;
    tabs->amount_unit = GK_UNIT_WANYUAN;
    gk_table *t = gk_report_add_table(tabs, GK_TABLE_BUDGET_SUMMARY);
    t->title = gk_report_strdup(tabs, "收支总表");
    t->pos = (gk_pos){.line = 1, .page = 2};
    for (int i = 0; i < 40; i++) {          /* enough to grow arrays in tabs' arena */
        gk_row *row = gk_table_add_row(tabs, &tabs->tables[0]);
        row->label = gk_report_strdup(tabs, "收入合计");
        row->pos = (gk_pos){.line = 3 + i, .page = 2};
        gk_row_set(tabs, row, "金额", amt("51036.221234"))->pos = row->pos;
    }
    gk_report_note(tabs, (gk_pos){.line = 9, .page = 3}, "“金额”栏的“x”不是金额");
    gk_report_set_fact(tabs, "上年/收入合计", "45557.68");
    gk_report_set_fact(narr, "上年/收入合计", "1.00");

    assert_false(gk_report_has_narrative(narr));   /* one amount is not a narrative */
    gk_report_join(narr, tabs);                      /* tabs is narr's now */
    assert_int_equal(narr->nparts, 1);
    assert_string_equal(narr->parts[0], "报表.pdf");
    assert_int_equal(narr->ntables, 1);
    const gk_table *j = &narr->tables[0];
    assert_string_equal(j->title, "收支总表");
    assert_int_equal(j->nrows, 40);
    assert_int_equal(j->pos.part, 1);
    assert_int_equal(j->rows[39].pos.part, 1);
    assert_int_equal(j->rows[39].cells[0].pos.part, 1);
    assert_string_equal(gk_report_file_of(narr, j->rows[39].pos), "报表.pdf");
    assert_string_equal(gk_report_file_of(narr, narr->paragraphs[0].pos), "说明.pdf");
    assert_int_equal(narr->nnotes, 1);
    assert_int_equal(narr->notes[0].pos.part, 1);
    /* Metadata the narrative lacks comes from the tables; its own stays. */
    assert_string_equal(narr->unit, "示例局");
    assert_int_equal(narr->year, 2026);
    assert_int_equal(narr->kind, GK_DOC_BUDGET);
    assert_int_equal(narr->amount_unit, GK_UNIT_WANYUAN);
    assert_string_equal(gk_report_fact(narr, "上年/收入合计"), "1.00");
    /* The joined model is usable as any: index and look up. */
    gk_report_index(narr);
    assert_non_null(gk_table_find_label(j, "收入合计", GK_SIDE_NONE));
    gk_report_free(narr);                            /* frees both (ASan: no leak) */
}

/* A narrative states amounts in several paragraphs; headings and table
 * notes with "单位：万元" do not count. */
static void test_has_narrative(void **state)
{
    (void)state;
    gk_report *r = gk_report_new();
    gk_pos p = {.line = 1};
    gk_report_add_paragraph(r, NULL, "单位：万元", p);
    gk_report_add_paragraph(r, NULL, "收入预算 100.00 万元", p)->heading = true;
    gk_report_add_paragraph(r, NULL, "支出预算100万元，其中：", p);
    gk_report_add_paragraph(r, NULL, "基本支出 60 万元；", p);
    assert_false(gk_report_has_narrative(r));
    gk_report_add_paragraph(r, NULL, "项目支出40.00元。", p);
    assert_true(gk_report_has_narrative(r));
    gk_report_free(r);
}

/* Text cut to fit is cut between characters: "预算" is 6 bytes. */
static void format_cut(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gk_vformat(buf, size, fmt, ap);
    va_end(ap);
}

static void test_utf8_cut(void **state)
{
    (void)state;
    assert_int_equal(gk_utf8_prefix("预算", 6), 6);
    assert_int_equal(gk_utf8_prefix("预算", 5), 3);
    assert_int_equal(gk_utf8_prefix("预算", 4), 3);
    assert_int_equal(gk_utf8_prefix("预算", 3), 3);
    assert_int_equal(gk_utf8_prefix("预算", 2), 0);
    assert_int_equal(gk_utf8_prefix("a预", 2), 1);
    assert_int_equal(gk_utf8_prefix("ab", 1), 1);
    assert_int_equal(gk_utf8_prefix("\xF0\x9F\x98\x80", 3), 0);   /* a 4-byte character */
    assert_int_equal(gk_utf8_prefix("\xF0\x9F\x98\x80", 4), 4);
    char buf[8];
    format_cut(buf, sizeof buf, "%s%s", "x", "预算执行");   /* 1 + 12 bytes into 7 */
    assert_string_equal(buf, "x预算");
    format_cut(buf, sizeof buf, "%d", 42);
    assert_string_equal(buf, "42");
    /* Notes and findings are not cut at all. */
    gk_report *r = gk_report_new();
    char long_text[3000];
    memset(long_text, 0, sizeof long_text);
    for (size_t i = 0; i + 3 < sizeof long_text; i += 3)
        memcpy(long_text + i, "甲", 3);
    gk_report_note(r, (gk_pos){0}, "“%s”不是金额", long_text);
    assert_int_equal(strlen(r->notes[0].message), strlen(long_text) + strlen("“”不是金额"));
    gk_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_build_and_find),
        cmocka_unit_test(test_many_rows_and_strings),
        cmocka_unit_test(test_facts),
        cmocka_unit_test(test_join),
        cmocka_unit_test(test_has_narrative),
        cmocka_unit_test(test_utf8_cut),
    };
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
