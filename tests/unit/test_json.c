/*
 * test_json.c — the report model to and from JSON: the exact canonical
 * form, round trips (in-code reports and the examples), and every kind of
 * bad input with the message it must give.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai/json.h"
#include "gongkai/read.h"

static gk_amount amt(const char *s)
{
    gk_amount a;
    assert_int_equal(gk_amount_parse(s, strlen(s), &a), GK_AMOUNT_OK);
    return a;
}

/* A small report using every field of the model. */
static gk_report *sample(void)
{
    gk_report *r = gk_report_new();
    r->unit = gk_report_strdup(r, "示例县医疗保障局");
    r->year = 2024;
    r->kind = GK_DOC_FINAL;
    r->amount_unit = GK_UNIT_WANYUAN;

    gk_table *t = gk_report_add_table(r, GK_TABLE_SUMMARY);
    t->title = gk_report_strdup(r, "收入支出决算总表");
    t->number = gk_report_strdup(r, "公开01表");
    t->unit = GK_UNIT_WANYUAN;
    t->pos.line = 60;
    gk_row *row = gk_table_add_row(r, t);
    row->label = gk_report_strdup(r, "一般公共预算财政拨款收入");
    row->side = GK_SIDE_INCOME;
    row->pos.line = 66;
    gk_row_set(r, row, "金额", amt("341.39"));
    row = gk_table_add_row(r, t);
    row->code = gk_report_strdup(r, "202");
    row->label = gk_report_strdup(r, "外交支出");
    row->side = GK_SIDE_EXPENSE;
    row->pos.line = 67;

    t = gk_report_add_table(r, GK_TABLE_EXPENSE);
    t->title = gk_report_strdup(r, "支出决算表");
    t->unit = GK_UNIT_WANYUAN;
    t->pos = (gk_pos){.line = 3, .page = 5, .has_box = true, .box = {56.5, 80.25, 540, 92}};
    row = gk_table_add_row(r, t);
    row->code = gk_report_strdup(r, "2101501");
    row->label = gk_report_strdup(r, "行政运行");
    row->pos = (gk_pos){.line = 12, .page = 5};
    gk_row_set(r, row, "本年支出合计", amt("80.91"));
    gk_cell *c = gk_row_set(r, row, "基本支出", amt("-"));
    c->pos = (gk_pos){.line = 13, .page = 5, .has_box = true, .box = {300.5, 400, 340, 410.75}};
    c->flags = GK_CELL_RECONSTRUCTED;
    gk_row_set_text(r, row, "备注", "含\"引号\"与\\反斜杠");

    t = gk_report_add_table(r, GK_TABLE_STATE_CAPITAL);
    t->empty_note = gk_report_strdup(r, "本部门无国有资本经营预算财政拨款收支，故本表为空。");

    gk_report_add_paragraph(r, "一、收入支出决算总体情况说明", "收入总计341.39万元。",
                            (gk_pos){.line = 200});
    return r;
}

static const char SAMPLE_JSON[] =
    "{\n"
    "  \"format\": \"gongkai-report/1\",\n"
    "  \"unit\": \"示例县医疗保障局\",\n"
    "  \"year\": 2024,\n"
    "  \"kind\": \"final\",\n"
    "  \"amount_unit\": \"万元\",\n"
    "  \"consolidated\": false,\n"
    "  \"tables\": [\n"
    "    {\n"
    "      \"kind\": \"summary\",\n"
    "      \"title\": \"收入支出决算总表\",\n"
    "      \"number\": \"公开01表\",\n"
    "      \"unit\": \"万元\",\n"
    "      \"line\": 60,\n"
    "      \"page\": null,\n"
    "      \"empty_note\": null,\n"
    "      \"rows\": [\n"
    "        {\"code\": null, \"label\": \"一般公共预算财政拨款收入\", \"side\": \"收入\", \"line\": 66, \"cells\": {\"金额\": \"341.39\"}},\n"
    "        {\"code\": \"202\", \"label\": \"外交支出\", \"side\": \"支出\", \"line\": 67, \"cells\": {}}\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"kind\": \"expense\",\n"
    "      \"title\": \"支出决算表\",\n"
    "      \"number\": null,\n"
    "      \"unit\": \"万元\",\n"
    "      \"line\": 3,\n"
    "      \"page\": 5,\n"
    "      \"box\": [56.5, 80.25, 540.0, 92.0],\n"
    "      \"empty_note\": null,\n"
    "      \"rows\": [\n"
    "        {\"code\": \"2101501\", \"label\": \"行政运行\", \"side\": null, \"line\": 12, \"page\": 5, "
    "\"cells\": {\"本年支出合计\": \"80.91\", \"基本支出\": \"0\"}, \"texts\": {\"备注\": "
    "\"含\\\"引号\\\"与\\\\反斜杠\"}, \"sources\": {\"基本支出\": {\"line\": 13, \"page\": 5, "
    "\"box\": [300.5, 400.0, 340.0, 410.75], \"reconstructed\": true}}}\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"kind\": \"state_capital\",\n"
    "      \"title\": null,\n"
    "      \"number\": null,\n"
    "      \"unit\": null,\n"
    "      \"line\": null,\n"
    "      \"page\": null,\n"
    "      \"empty_note\": \"本部门无国有资本经营预算财政拨款收支，故本表为空。\",\n"
    "      \"rows\": []\n"
    "    }\n"
    "  ],\n"
    "  \"narrative\": [\n"
    "    {\"section\": \"一、收入支出决算总体情况说明\", \"line\": 200, \"page\": null, \"text\": "
    "\"收入总计341.39万元。\"}\n"
    "  ]\n"
    "}\n";

static void test_canonical_form(void **state)
{
    (void)state;
    gk_report *r = sample();
    char *json = gk_report_to_json(r);
    assert_string_equal(json, SAMPLE_JSON);
    free(json);
    gk_report_free(r);
}

static void test_round_trip(void **state)
{
    (void)state;
    gk_error err;
    gk_report *r = gk_report_from_json(SAMPLE_JSON, strlen(SAMPLE_JSON), &err);
    if (!r)
        fail_msg("%s", err.message);
    char *again = gk_report_to_json(r);
    assert_string_equal(again, SAMPLE_JSON);
    /* What was read, field by field. */
    assert_string_equal(r->unit, "示例县医疗保障局");
    assert_int_equal(r->ntables, 3);
    const gk_row *row = &r->tables[1].rows[0];
    const gk_cell *c = gk_row_get(row, "基本支出");
    assert_true(c->value.flags == 0 && c->value.v == 0);
    assert_true(c->flags & GK_CELL_RECONSTRUCTED);
    assert_int_equal(c->pos.line, 13);
    assert_true(c->pos.has_box);
    assert_true(c->pos.box[3] == 410.75);
    assert_string_equal(gk_row_get(row, "备注")->text, "含\"引号\"与\\反斜杠");
    assert_int_equal(r->tables[0].rows[1].side, GK_SIDE_EXPENSE);
    assert_int_equal(r->tables[2].nrows, 0);
    free(again);
    gk_report_free(r);
}

static void test_empty_report(void **state)
{
    (void)state;
    gk_report *r = gk_report_new();
    char *json = gk_report_to_json(r);
    assert_string_equal(json, "{\n  \"format\": \"gongkai-report/1\",\n  \"unit\": null,\n"
                              "  \"year\": null,\n  \"kind\": null,\n  \"amount_unit\": null,\n"
                              "  \"consolidated\": false,\n  \"tables\": []\n}\n");
    gk_error err;
    gk_report *back = gk_report_from_json(json, strlen(json), &err);
    assert_non_null(back);
    assert_int_equal(back->ntables, 0);
    gk_report_free(back);
    free(json);
    gk_report_free(r);
}

/* Every example report in examples/ reads and writes back byte for byte. */
static void test_examples_round_trip(void **state)
{
    (void)state;
    static const char *const examples[] = {"final-2024.json"};
    for (size_t i = 0; i < sizeof examples / sizeof *examples; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/examples/%s", GK_SOURCE_DIR, examples[i]);
        size_t len;
        gk_error err;
        char *text = gk_load_file(path, &len, &err);
        if (!text)
            fail_msg("%s: %s", path, err.message);
        gk_report *r = gk_read(text, len, path, &err);
        if (!r)
            fail_msg("%s: %s", path, err.message);
        assert_true(r->ntables >= 11);
        char *again = gk_report_to_json(r);
        assert_string_equal(again, text);
        free(again);
        free(text);
        gk_report_free(r);
    }
}

static const char HEAD[] = "{\"format\": \"gongkai-report/1\", ";

static void expect_error(const char *body, const char *want)
{
    char doc[4096];
    snprintf(doc, sizeof doc, "%s%s", HEAD, body);
    gk_error err;
    gk_report *r = gk_report_from_json(doc, strlen(doc), &err);
    if (r) {
        gk_report_free(r);
        fail_msg("accepted: %s", body);
    }
    if (!strstr(err.message, want))
        fail_msg("for %s\n  message: %s\n  wanted:  %s", body, err.message, want);
}

static void test_errors(void **state)
{
    (void)state;
    gk_error err;
    assert_null(gk_report_from_json("{\"format\": ", 11, &err));
    assert_non_null(strstr(err.message, "JSON 语法错误"));
    assert_int_equal(err.line, 1);
    assert_null(gk_report_from_json("[1, 2]", 6, &err));
    assert_non_null(strstr(err.message, "顶层应为对象"));
    assert_null(gk_report_from_json("{\"tables\": []}", 14, &err));
    assert_non_null(strstr(err.message, "缺少 \"format\""));
    assert_null(gk_report_from_json("{\"format\": \"gongkai-report/2\", \"tables\": []}", 44, &err));
    assert_non_null(strstr(err.message, "format 应为 \"gongkai-report/1\""));

    expect_error("\"tables\": [], \"tabels\": []}", "未知字段 \"tabels\"");
    expect_error("\"year\": \"2024\", \"tables\": []}", "year：应为 1900 到 2200 之间的整数");
    expect_error("\"year\": 20240, \"tables\": []}", "超出范围的整数");
    expect_error("\"kind\": \"draft\", \"tables\": []}", "kind 应为");
    expect_error("\"amount_unit\": \"美元\", \"tables\": []}", "amount_unit：应为 \"元\"");
    expect_error("\"consolidated\": 1, \"tables\": []}", "consolidated 应为 true 或 false");
    expect_error("\"unit\": 5, \"tables\": []}", "unit：应为字符串或 null，实为整数");
    expect_error("\"tables\": {}}", "tables：应为数组，实为对象");
    expect_error("\"narrative\": [1], \"tables\": []}", "narrative[0]：段落应为对象");
    expect_error("\"tables\": [{\"kind\": \"bogus\", \"rows\": []}]}",
                 "tables[0].kind：未知的表类型 \"bogus\"");
    expect_error("\"tables\": [{\"rows\": []}]}", "tables[0].kind：缺少表类型");
    expect_error("\"tables\": [{\"kind\": \"expense\"}]}", "tables[0].rows：应为数组，实为缺失");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cell\": {}}]}]}",
                 "tables[0].rows[0]：未知字段 \"cell\"");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"code\": null}]}]}",
                 "tables[0].rows[0].cells：应为对象");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"基本支出\": \"abc\"}}]}]}",
                 "tables[0].rows[0].cells.基本支出：应为金额（如 \"80.91\"），实为 \"abc\"");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"基本支出\": 80.91}}]}]}",
                 "金额应为字符串（如 \"80.91\"），实为小数");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"基本支出\": \"\"}}]}]}",
                 "空单元格应省略");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"基本支出\": "
                 "\"1234567890123456789012345678901234567890\"}}]}]}",
                 "位数过多");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"code\": \"21O\", \"cells\": {}}]}]}",
                 "tables[0].rows[0].code：科目代码应只含数字");
    expect_error("\"tables\": [{\"kind\": \"summary\", \"rows\": [{\"side\": \"左\", \"cells\": {}}]}]}",
                 "side：应为 \"收入\"、\"支出\" 或 null");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"line\": 0, \"rows\": []}]}",
                 "tables[0].line：应为 1 到");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"box\": [1, 2, 3], \"rows\": []}]}",
                 "tables[0].box：应为四个数");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"a\": \"1\"}, "
                 "\"texts\": {\"a\": \"x\"}}]}]}",
                 "同时出现在 cells 与 texts 中");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"a\": \"1\"}, "
                 "\"sources\": {\"b\": {\"line\": 3}}}]}]}",
                 "sources.b：没有名为 \"b\" 的单元格");
    expect_error("\"tables\": [{\"kind\": \"expense\", \"rows\": [{\"cells\": {\"a\": \"1\"}, "
                 "\"sources\": {\"a\": {\"reconstructed\": 1}}}]}]}",
                 "reconstructed 应为布尔值");
    expect_error("\"tables\": [], \"tables\": []}", "JSON 语法错误");   /* duplicate key */
}

static void test_hostile_nesting(void **state)
{
    (void)state;
    /* Deep nesting is refused by the parser's depth limit, not the stack. */
    size_t depth = 100000;
    char *doc = malloc(2 * depth + 64);
    assert_non_null(doc);
    size_t n = (size_t)sprintf(doc, "%s\"tables\": ", HEAD);
    memset(doc + n, '[', depth);
    memset(doc + n + depth, ']', depth);
    doc[n + 2 * depth] = '}';
    doc[n + 2 * depth + 1] = '\0';
    gk_error err;
    assert_null(gk_report_from_json(doc, strlen(doc), &err));
    assert_non_null(strstr(err.message, "JSON 语法错误"));
    free(doc);
    /* Embedded NUL in the text. */
    assert_null(gk_report_from_json("{\"format\"\0}", 11, &err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canonical_form),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_empty_report),
        cmocka_unit_test(test_examples_round_trip),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_hostile_nesting),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
