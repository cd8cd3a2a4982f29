/*
 * test_pdf_grid.c — tables from characters' positions (src/read/pdf_grid.c):
 * small synthetic pages, each the smallest case of a layout seen in real
 * documents, and the TAB-separated rows the grid makes of them.
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

#include "../../src/read/pdf_grid.h"

#define SIZE 9.0

/* A page being set: characters one by one, an ideograph as wide as its
 * size, anything else half as wide. */
typedef struct sheet {
    pg_glyph g[2048];
    size_t n;
} sheet;

static void put(sheet *s, double x, double y, double size, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        assert_true(s->n < sizeof s->g / sizeof *s->g);
        pg_glyph *g = &s->g[s->n++];
        memset(g, 0, sizeof *g);
        memcpy(g->utf8, p, len);
        double w = len == 1 ? size / 2 : size;
        g->x0 = x, g->x1 = x + w;
        g->y0 = y, g->y1 = y + size;
        g->size = size;
        x += w;
        p += len;
    }
}

/* The text the grid makes of pages s[0..n), "=== page N ===" lines and all. */
static char *grid_text(sheet *s, size_t n)
{
    pg_doc d = {0};
    for (size_t i = 0; i < n; i++)
        pg_add_page(&d, (int)i + 1, s[i].g, s[i].n, 595);
    pg_finish(&d);
    gk_buf_putc(&d.text, '\0');
    char *t = strdup(d.text.data);
    pg_doc_free(&d);
    return t;
}

static void assert_line(const char *text, const char *line)
{
    if (!strstr(text, line))
        fail_msg("no line \"%s\" in:\n%s", line, text);
}

/* A name wrapped before its bracket ("(7)对企业补助" / "（基本建设）") goes
 * on in its cell: the bracket numbers no item of its own. */
static void test_wrapped_bracket(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    put(s, 10, 100, 10, "项目");
    put(s, 90, 100, 10, "金额");
    put(s, 150, 100, 10, "项目");
    put(s, 230, 100, 10, "金额");
    put(s, 10, 120, 10, "1、节能环保支");
    put(s, 90, 126, 10, "5.00");
    put(s, 150, 120, 10, "(7)对企业补助");
    put(s, 230, 126, 10, "6.00");
    put(s, 10, 132, 10, "出");
    put(s, 150, 132, 10, "（基本建设）");
    put(s, 10, 150, 10, "2、其他支出");
    put(s, 90, 150, 10, "7.00");
    put(s, 150, 150, 10, "(8)其他支出");
    put(s, 230, 150, 10, "8.00");
    char *t = grid_text(s, 1);
    assert_line(t, "1、节能环保支出\t5.00\t(7)对企业补助（基本建设）\t6.00\n");
    assert_line(t, "2、其他支出\t7.00\t(8)其他支出\t8.00\n");
    free(t);
    free(s);
}

/* The first row's name wrapped, its first line above the row's figures
 * (centred in the tall row): the line is the name's, not a header, though
 * the column right of it has no figure on the page to tell where its cell
 * ends (its header does). */
static void test_first_name_before_blank_column(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    put(s, 10, 100, 10, "项目");
    put(s, 90, 100, 10, "预算数");
    put(s, 150, 100, 10, "项目");
    put(s, 230, 100, 10, "预算数");
    put(s, 300, 100, 10, "项目");
    put(s, 380, 100, 10, "预算数");
    put(s, 10, 126, 10, "1、财政拨款");
    put(s, 90, 126, 10, "5.00");
    put(s, 150, 120, 10, "1、一般公共服");
    put(s, 150, 132, 10, "务支出");
    put(s, 300, 126, 10, "1、人员经费");
    put(s, 380, 126, 10, "7.00");
    put(s, 10, 150, 10, "2、其他");
    put(s, 90, 150, 10, "6.00");
    put(s, 150, 150, 10, "2、外交支出");
    put(s, 300, 150, 10, "2、公用经费");
    put(s, 380, 150, 10, "8.00");
    char *t = grid_text(s, 1);
    assert_line(t, "1、财政拨款\t5.00\t1、一般公共服务支出\t\t1、人员经费\t7.00\n");
    free(t);
    free(s);
}

/* A total's label across the code and the name, wrapped in its cell
 * ("人员经费合" / "计") on a page the table goes on to: one row, not two. */
static void test_wrapped_total_over_code(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    put(&s[0], 10, 100, 10, "科目代码");
    put(&s[0], 70, 100, 10, "科目名称");
    put(&s[0], 170, 100, 10, "决算数");
    static const char *const rows[][3] = {
        {"30101", "基本工资", "73.70"}, {"30102", "津贴补贴", "25.89"},
        {"30103", "奖金", "11.50"},     {"30107", "绩效工资", "0.00"},
        {"30112", "医疗费", "0.16"},    {"30113", "住房公积金", "10.03"},
    };
    for (int i = 0; i < 6; i++) {
        put(&s[0], 10, 120 + 15 * i, 10, rows[i][0]);
        put(&s[0], 70, 120 + 15 * i, 10, rows[i][1]);
        put(&s[0], 170, 120 + 15 * i, 10, rows[i][2]);
    }
    for (int i = 0; i < 4; i++) {
        put(&s[1], 10, 40 + 15 * i, 10, (const char *[]){"30114", "30115", "30116", "30199"}[i]);
        put(&s[1], 70, 40 + 15 * i, 10, "其他支出");
        put(&s[1], 170, 40 + 15 * i, 10, "0.00");
    }
    put(&s[1], 10, 100, 10, "人员经费合");
    put(&s[1], 170, 106, 10, "121.28");
    put(&s[1], 10, 112, 10, "计");
    char *t = grid_text(s, 2);
    assert_line(t, "30199\t其他支出\t0.00\n人员经费合计\t\t121.28\n");
    free(t);
    free(s);
}

/* A figure close beside a word of letters or markup ("377.37 <b>本年支出合计</b>",
 * "<b>本年支出合计</b> 59": a text printed with its tags) stands in a cell
 * of its own, as beside a word of Chinese. */
static void test_figure_beside_markup(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    put(s, 10, 100, 10, "项目");
    put(s, 60, 100, 10, "金额");
    put(s, 95, 100, 10, "项目");
    put(s, 175, 100, 10, "行次");
    put(s, 220, 100, 10, "金额");
    put(s, 10, 120, 10, "收入");
    put(s, 60, 120, 10, "1.00");
    put(s, 95, 120, 10, "支出");
    put(s, 175, 120, 10, "58");
    put(s, 220, 120, 10, "1.00");
    put(s, 10, 135, 10, "合计");
    put(s, 60, 135, 10, "377.37");
    put(s, 95, 135, 10, "<b>支出合计</b>");
    put(s, 175, 135, 10, "59");
    put(s, 220, 135, 10, "377.37");
    char *t = grid_text(s, 1);
    assert_line(t, "合计\t377.37\t<b>支出合计</b>\t59\t377.37\n");
    free(t);
    free(s);
}

/* A row cut by the page break ("(1)一般公共预算" at the foot of a page,
 * "拨款" at the top of the next): one row, on the page it starts on.  The
 * first row of the next page that starts an item of its own stays a row;
 * so does the table's number under its last row ("表9") stay out of it. */
static void test_row_cut_by_page(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    put(&s[0], 10, 100, 10, "项目");
    put(&s[0], 90, 100, 10, "预算数");
    put(&s[0], 150, 100, 10, "项目");
    put(&s[0], 230, 100, 10, "预算数");
    put(&s[0], 10, 120, 10, "1、财政拨款");
    put(&s[0], 90, 120, 10, "5.00");
    put(&s[0], 150, 120, 10, "1、外交支出");
    put(&s[0], 230, 120, 10, "5.00");
    put(&s[0], 10, 140, 10, "(1)一般公共");
    put(&s[0], 90, 140, 10, "5.00");
    put(&s[0], 150, 140, 10, "2、国防支出");
    put(&s[0], 230, 140, 10, "0.00");
    put(&s[1], 10, 40, 10, "预算拨款");
    put(&s[1], 10, 60, 10, "(2)其他拨款");
    put(&s[1], 90, 60, 10, "0.00");
    put(&s[1], 150, 60, 10, "3、教育支出");
    put(&s[1], 230, 60, 10, "0.00");
    put(&s[1], 10, 80, 10, "本年收入合计");
    put(&s[1], 90, 80, 10, "5.00");
    put(&s[1], 150, 80, 10, "本年支出合计");
    put(&s[1], 230, 80, 10, "5.00");
    put(&s[1], 10, 92, 10, "表9");
    put(&s[1], 10, 120, 10, "政府性基金预算支出表");
    char *t = grid_text(s, 2);
    assert_line(t, "(1)一般公共预算拨款\t5.00\t2、国防支出\t0.00\n=== page 2 ===\n(2)其他拨款\t0.00");
    assert_line(t, "本年收入合计\t5.00\t本年支出合计\t5.00\n表9\n");
    free(t);
    free(s);
}

/* A table of codes that runs to a page's foot goes on at the top of the
 * next with blank rows ("310 资本性支出", no figure): rows of the table,
 * in its columns. */
static void test_blank_rows_carried(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    put(&s[0], 10, 100, 10, "科目代码");
    put(&s[0], 70, 100, 10, "科目名称");
    put(&s[0], 170, 100, 10, "决算数");
    static const char *const rows[][3] = {
        {"30101", "基本工资", "73.70"}, {"30102", "津贴补贴", "25.89"},
        {"30103", "奖金", "11.50"},     {"307", "债务利息支出", "0.00"},
    };
    for (int i = 0; i < 4; i++) {
        put(&s[0], 10, 120 + 15 * i, 10, rows[i][0]);
        put(&s[0], 70, 120 + 15 * i, 10, rows[i][1]);
        put(&s[0], 170, 120 + 15 * i, 10, rows[i][2]);
    }
    put(&s[1], 10, 40, 10, "310");
    put(&s[1], 70, 40, 10, "资本性支出");
    put(&s[1], 10, 55, 10, "399");
    put(&s[1], 70, 55, 10, "其他支出");
    char *t = grid_text(s, 2);
    assert_line(t, "=== page 2 ===\n310\t资本性支出\t\n399\t其他支出\t\n");
    free(t);
    free(s);
}

/* "合      计" spaced over its cell (two chunks) is the total's label: the
 * row of its own, not joined to the last coded row above. */
static void test_spaced_total(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    assert_non_null(s);
    put(s, 34, 80, SIZE, "科目编码");
    put(s, 99, 80, SIZE, "科目名称");
    put(s, 302, 80, SIZE, "合计");
    put(s, 400, 80, SIZE, "基本支出");
    put(s, 500, 80, SIZE, "项目支出");
    static const char *const rows[][4] = {
        {"2080505", "机关事业单位基本养老保险缴费支出", "62.347200", "62.347200"},
        {"2210202", "提租补贴", "2.148000", "2.148000"},
        {"2210203", "购房补贴", "67.052400", "67.052400"},
    };
    double y = 100;
    for (size_t i = 0; i < 3; i++, y += 16.5) {
        put(s, 34, y, SIZE, rows[i][0]);
        put(s, 99, y, SIZE, rows[i][1]);
        put(s, 315, y, SIZE, rows[i][2]);
        put(s, 405, y, SIZE, rows[i][3]);
    }
    put(s, 163.8, y, SIZE, "合");
    put(s, 191.75, y, SIZE, "计");
    put(s, 310, y, SIZE, "132.505200");
    put(s, 400, y, SIZE, "132.505200");
    char *text = grid_text(s, 1);
    assert_non_null(strstr(text, "2210203\t购房补贴\t67.052400\t67.052400\t\n"));
    assert_non_null(strstr(text, "\t合计\t132.505200\t132.505200\t\n"));
    free(text);
    free(s);
}

/* The running header atop every page ("某局2026年度部门预算公开") printed
 * again over a table's rows going on from the page before: no row of the
 * table, which goes on in the columns of the page before (a column left
 * blank on this page stays a blank cell). */
static void test_running_header(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    assert_non_null(s);
    put(&s[0], 36, 10, SIZE, "某局2026年度部门预算公开");
    put(&s[0], 34, 80, SIZE, "科目编码");
    put(&s[0], 99, 80, SIZE, "科目名称");
    put(&s[0], 302, 80, SIZE, "合计");
    put(&s[0], 400, 80, SIZE, "基本支出");
    put(&s[0], 500, 80, SIZE, "项目支出");
    put(&s[0], 34, 100, SIZE, "21401");
    put(&s[0], 99, 100, SIZE, "公路水路运输");
    put(&s[0], 310, 100, SIZE, "300.00");
    put(&s[0], 405, 100, SIZE, "100.00");
    put(&s[0], 505, 100, SIZE, "200.00");
    put(&s[0], 34, 116.5, SIZE, "2140101");
    put(&s[0], 99, 116.5, SIZE, "行政运行");
    put(&s[0], 310, 116.5, SIZE, "100.00");
    put(&s[0], 405, 116.5, SIZE, "100.00");
    put(&s[0], 280, 800, SIZE, "- 17 -");
    put(&s[1], 36, 10, SIZE, "某局2026年度部门预算公开");
    put(&s[1], 34, 40, SIZE, "2140199");
    put(&s[1], 99, 40, SIZE, "其他公路水路运输支出");
    put(&s[1], 310, 40, SIZE, "200.00");
    put(&s[1], 505, 40, SIZE, "200.00");
    put(&s[1], 34, 56.5, SIZE, "221");
    put(&s[1], 99, 56.5, SIZE, "住房保障支出");
    put(&s[1], 310, 56.5, SIZE, "50.00");
    put(&s[1], 405, 56.5, SIZE, "50.00");
    char *text = grid_text(s, 2);
    const char *page2 = strstr(text, "=== page 2 ===\n");
    assert_non_null(page2);
    assert_null(strstr(page2, "预算公开"));
    assert_non_null(strstr(page2, "2140199\t其他公路水路运输支出\t200.00\t\t200.00\n"));
    assert_non_null(strstr(page2, "221\t住房保障支出\t50.00\t50.00\t\n"));
    free(text);
    free(s);
}

/* Tagged figures wider than their cells ("<b>377.37</b>" printed as text)
 * wrap as "<b>377.37</" over "b>", each line standing close to the next
 * cell's: a tag begins a cell of its own, and each cell joins its lines. */
static void test_wrapped_tags(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, 10, "项目");
    for (int k = 0; k < 5; k++) {
        double x = k < 4 ? 70 + 58 * k : 70 + 58 * 4 + 10;
        char number[2] = {(char)('1' + k), 0};
        put(s, x, 100, 10, "收入");
        put(s, x, 110, 10, number);
        put(s, x, 145, 10, "377.37");
        if (k == 3)
            continue;
        put(s, x, 117, 10, "<b>377.37</");
        put(s, x, 129, 10, "b>");
    }
    put(s, 244, 123, 10, "<b>377.37</b>");
    put(s, 10, 110, 10, "栏次");
    put(s, 10, 123, 10, "合计");
    put(s, 10, 145, 10, "行政运行");
    char *t = grid_text(s, 1);
    assert_line(t, "合计\t<b>377.37</b>\t<b>377.37</b>\t<b>377.37</b>\t<b>377.37</b>\t<b>377.37</b>\n");
    assert_line(t, "行政运行\t377.37\t377.37\t377.37\t377.37\t377.37\n");
    free(t);
    free(s);
}

/* A table with no figure whose header, down to its column numbers, ends a
 * page and whose blank rows ("预算数", "决算数") begin the next: the rows
 * are the table's, in its columns, and the label before the numbers
 * ("栏次") heads a column of its own, the rows' labels. */
static void test_blank_rows_after_header(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    assert_non_null(s);
    put(&s[0], 10, 60, 10, "三公经费支出决算表");
    put(&s[0], 10, 700, 10, "项目");
    put(&s[0], 90, 700, 10, "合计");
    put(&s[0], 150, 700, 10, "接待费");
    put(&s[0], 210, 700, 10, "培训费");
    put(&s[0], 10, 720, 10, "栏次");
    put(&s[0], 90, 720, 10, "1");
    put(&s[0], 150, 720, 10, "2");
    put(&s[0], 210, 720, 10, "3");
    put(&s[1], 10, 30, 10, "预算数");
    put(&s[1], 10, 45, 10, "决算数");
    put(&s[1], 10, 60, 10, "注：本表反映三公经费。");
    char *t = grid_text(s, 2);
    assert_line(t, "项目\t合计\t接待费\t培训费\n栏次\t1\t2\t3\n");
    assert_line(t, "=== page 2 ===\n预算数\t\t\t\n决算数\t\t\t\n注：");
    free(t);
    free(s);
}

/* A header left-aligned in a wide cell over figures right-aligned in it
 * ("总额" at the cell's left, "202.15" at its right) stands nearer the
 * column before than its own: it heads the figures, no blank column. */
static void test_left_header_right_figures(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, 10, "任务名称");
    put(s, 60, 100, 10, "主要内容");
    put(s, 110, 100, 10, "总额");
    put(s, 230, 100, 10, "财政拨款");
    put(s, 10, 120, 10, "任务1");
    put(s, 60, 120, 10, "业务费");
    put(s, 200, 120, 10, "6.00");
    put(s, 250, 120, 10, "6.00");
    put(s, 10, 135, 10, "任务2");
    put(s, 60, 135, 10, "工作经费");
    put(s, 195, 135, 10, "10.00");
    put(s, 245, 135, 10, "10.00");
    char *t = grid_text(s, 1);
    assert_line(t, "任务名称\t主要内容\t总额\t财政拨款\n");
    assert_line(t, "任务1\t业务费\t6.00\t6.00\n");
    free(t);
    free(s);
}

/* 分值 | 得分 columns of one- or two-digit figures beside a column of text
 * (a 绩效自评表's indicators): the two figures of a row never join into
 * one as parts of a code do ("15" "10" is no 1510). */
static void test_scores_beside_text(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    static const char *const ROWS[][5] = {{"数量指标", "设备采购", "10", "10", "按期完成"},
                                          {"质量指标", "符合标准", "15", "15", "符合要求"},
                                          {"时效指标", "完成时间", "15", "10", "招标时间晚"},
                                          {"成本指标", "所需经费", "10", "8", "公益性单位"}};
    put(s, 10, 100, 10, "二级指标");
    put(s, 80, 100, 10, "三级指标");
    put(s, 160, 100, 10, "分值");
    put(s, 200, 100, 10, "得分");
    put(s, 240, 100, 10, "偏差原因");
    for (int i = 0; i < 4; i++) {
        double y = 120 + 15 * i;
        put(s, 10, y, 10, ROWS[i][0]);
        put(s, 80, y, 10, ROWS[i][1]);
        put(s, 165, y, 10, ROWS[i][2]);
        put(s, 205, y, 10, ROWS[i][3]);
        put(s, 240, y, 10, ROWS[i][4]);
    }
    char *t = grid_text(s, 1);
    assert_null(strstr(t, "1510"));
    assert_null(strstr(t, "1008"));
    assert_non_null(strstr(t, "15"));
    free(t);
    free(s);
}

/* A header printed one character a line in a narrow cell ("其" / "他" /
 * "资" / "金"), beside headers of two lines: one header, on the line of
 * the headers its foot stands beside. */
static void test_vertical_header(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, 10, "任务名称");
    put(s, 60, 100, 10, "预算金额");
    put(s, 60, 118, 10, "总额");
    put(s, 100, 118, 10, "财政拨款");
    put(s, 150, 96, 10, "其");
    put(s, 150, 108, 10, "他");
    put(s, 150, 120, 10, "资");
    put(s, 150, 132, 10, "金");
    put(s, 10, 150, 10, "业务");
    put(s, 60, 150, 10, "6.00");
    put(s, 100, 150, 10, "5.00");
    put(s, 150, 150, 10, "1.00");
    put(s, 10, 165, 10, "金额合计");
    put(s, 60, 165, 10, "7.00");
    put(s, 100, 165, 10, "7.00");
    put(s, 150, 165, 10, "0.00");
    char *t = grid_text(s, 1);
    assert_line(t, "\t总额\t财政拨款\t其他资金\n");
    assert_line(t, "业务\t6.00\t5.00\t1.00\n");
    free(t);
    free(s);
}

/* Two cells of text side by side with less than a character between them
 * ("任务名称" "主要内容", 0.4 of a size apart: runs set solid on both
 * sides of a wider gap) are two cells, not one chunk across two columns. */
static void test_abutting_text_cells(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 80, 10, "任务名称");
    put(s, 54, 80, 10, "主要内容");
    put(s, 120, 80, 10, "金额");
    put(s, 10, 115, 10, "机关运转");
    put(s, 54, 115, 10, "人员经费");
    put(s, 120, 115, 10, "5.00");
    put(s, 10, 130, 10, "审计事务");
    put(s, 54, 130, 10, "差旅费用");
    put(s, 120, 130, 10, "6.00");
    char *t = grid_text(s, 1);
    assert_line(t, "任务名称\t主要内容\t金额\n");
    assert_line(t, "机关运转\t人员经费\t5.00\n");
    free(t);
    free(s);
}

/* A short label centred in a narrow column reaches near its right edge,
 * as a wrapped line does; the wider line under it ("会议费" over
 * "公务用车运行" / "维护费") starts a row of its own: wrapped text fills
 * every line but its last. */
static void test_centred_label_not_wrapped(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 80, 10, "经济科目");
    put(s, 76, 80, 10, "金额");
    put(s, 25, 100, 10, "会议费");
    put(s, 76, 100, 10, "10.00");
    put(s, 10, 115, 10, "公务用车运行");
    put(s, 76, 121, 10, "38.00");
    put(s, 25, 127, 10, "维护费");
    put(s, 25, 145, 10, "印刷费");
    put(s, 76, 145, 10, "4.00");
    char *t = grid_text(s, 1);
    assert_line(t, "会议费\t10.00\n");
    assert_line(t, "公务用车运行维护费\t38.00\n");
    free(t);
    free(s);
}

/* Two rows whose labels are alike and fill their column ("科技创新专项
 * 资金" twice), each beside a figure of its own: two rows — a cell holds
 * one figure. */
static void test_alike_labels_own_figures(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 80, 10, "专项名称");
    put(s, 100, 80, 10, "采购品目");
    put(s, 190, 80, 10, "金额");
    put(s, 10, 100, 10, "科技创新专项资金");
    put(s, 100, 100, 10, "区域科技服务");
    put(s, 190, 100, 10, "100.00");
    put(s, 10, 114, 10, "科技创新专项资金");
    put(s, 100, 114, 10, "其他印刷服务");
    put(s, 190, 114, 10, "38.00");
    char *t = grid_text(s, 1);
    assert_line(t, "科技创新专项资金\t区域科技服务\t100.00\n");
    assert_line(t, "科技创新专项资金\t其他印刷服务\t38.00\n");
    free(t);
    free(s);
}

/* A label printed one character a line down a cell merged over rows
 * ("年" / "度" / "任" / "务"), its characters on the rows' lines, half a
 * size from their names: one label, on the row nearest its middle; the
 * rows are the names'. */
static void test_vertical_row_label(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 26, 80, 10, "任务名称");
    put(s, 100, 80, 10, "金额");
    put(s, 10, 104, 10, "年");
    put(s, 26, 104, 10, "机关运转");
    put(s, 100, 104, 10, "100.00");
    put(s, 10, 115, 10, "度");
    put(s, 10, 126, 10, "任");
    put(s, 26, 126, 10, "审计事务");
    put(s, 100, 126, 10, "200.00");
    put(s, 10, 137, 10, "务");
    put(s, 26, 148, 10, "审计培训");
    put(s, 100, 148, 10, "15.00");
    char *t = grid_text(s, 1);
    assert_line(t, "\t机关运转\t100.00\n");
    assert_line(t, "年度任务\t审计事务\t200.00\n");
    assert_line(t, "\t审计培训\t15.00\n");
    free(t);
    free(s);
}

/* A label centred in a cell merged over a row ("年度主要任务"), beside the
 * middle line of a name wrapped over five lines in the column right of
 * it, with the row's figures: one row, not a new one at the middle line. */
static void test_label_beside_wrapped_middle(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 80, 10, "项目");
    put(s, 80, 80, 10, "任务名称");
    put(s, 130, 80, 10, "金额");
    static const char *const name[] = {"二〇二四", "局机关工", "资福利公", "用经费和", "项目支出"};
    for (int i = 0; i < 5; i++)
        put(s, 80, 100 + 13 * i, 10, name[i]);
    put(s, 10, 126, 10, "年度主要任务");
    put(s, 130, 126, 10, "202.15");
    put(s, 80, 170, 10, "金额合计");
    put(s, 130, 170, 10, "202.15");
    char *t = grid_text(s, 1);
    assert_line(t, "年度主要任务\t二〇二四局机关工资福利公用经费和项目支出\t202.15\n");
    assert_line(t, "\t金额合计\t202.15\n");
    free(t);
    free(s);
}

/* A form counted in whole numbers (no amount with a point): its rows of
 * figures after their labels make it a table; a task's number, a space
 * after its name, is part of the label, not a column of its own (a browser
 * sets "任务 1" a little more than a quarter of a size apart). */
static void test_counts_form(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    static const char *const ROWS[][5] = {{"1", "业务费", "6", "6", "100%"},
                                          {"2", "工作经费", "10", "10", "100%"},
                                          {"3", "医疗补助", "150", "150", "100%"}};
    put(s, 10, 100, SIZE, "任务名称");
    put(s, 80, 100, SIZE, "主要内容");
    put(s, 160, 100, SIZE, "预算数");
    put(s, 200, 100, SIZE, "财政拨款");
    put(s, 250, 100, SIZE, "执行数");
    put(s, 290, 100, SIZE, "财政拨款");
    put(s, 340, 100, SIZE, "执行率");
    for (int i = 0; i < 3; i++) {
        double y = 118 + 18 * i;
        double w = 4.5 * (double)strlen(ROWS[i][2]);
        put(s, 10, y, SIZE, "任务");
        put(s, 10 + 2 * SIZE + 0.26 * SIZE, y, SIZE, ROWS[i][0]);
        put(s, 80, y, SIZE, ROWS[i][1]);
        put(s, 187 - w, y, SIZE, ROWS[i][2]);
        put(s, 236 - w, y, SIZE, ROWS[i][3]);
        put(s, 277 - w, y, SIZE, ROWS[i][2]);
        put(s, 326 - w, y, SIZE, ROWS[i][3]);
        put(s, 340, y, SIZE, ROWS[i][4]);
    }
    char *t = grid_text(s, 1);
    assert_line(t, "任务名称\t主要内容\t预算数\t财政拨款\t执行数\t财政拨款\t执行率\n");
    assert_line(t, "任务1\t业务费\t6\t6\t6\t6\t100%\n");
    assert_line(t, "任务3\t医疗补助\t150\t150\t150\t150\t100%\n");
    free(t);
    free(s);
}

/* A header wrapped in its cell ("全年预算" / "数(万元)") beside headers
 * of one line at different heights ("分值" on its first line, "得分" on
 * its second): one line of headers, the wrapped one whole. */
static void test_wrapped_header_one_band(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "任务名称");
    put(s, 80, 100, SIZE, "全年预算");
    put(s, 80, 113, SIZE, "数(万元)");
    put(s, 140, 100, SIZE, "分值");
    put(s, 180, 113, SIZE, "得分");
    put(s, 10, 131, SIZE, "业务费");
    put(s, 80, 131, SIZE, "1,206.00");
    put(s, 140, 131, SIZE, "1.00");
    put(s, 180, 131, SIZE, "2.00");
    put(s, 10, 144, SIZE, "工作经费");
    put(s, 80, 144, SIZE, "3,010.00");
    put(s, 140, 144, SIZE, "3.00");
    put(s, 180, 144, SIZE, "4.00");
    char *t = grid_text(s, 1);
    assert_line(t, "任务名称\t全年预算数(万元)\t分值\t得分\n");
    assert_line(t, "业务费\t1,206.00\t1.00\t2.00\n");
    free(t);
    free(s);
}

/* Rows of whole numbers, then, further down than rows are apart (a tall
 * row), a row with an amount beside a label merged over rows ("年度主要
 * 任务", in a column of its own): one table, not a table of the first rows
 * and a line of text. */
static void test_counts_then_amounts(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 40, 100, SIZE, "任务名称");
    put(s, 130, 100, SIZE, "总额");
    put(s, 190, 100, SIZE, "财政拨款");
    put(s, 40, 118, SIZE, "一、宣传工作");
    put(s, 130, 118, SIZE, "290");
    put(s, 190, 118, SIZE, "290");
    put(s, 40, 131, SIZE, "二、理论工作");
    put(s, 130, 131, SIZE, "95");
    put(s, 190, 131, SIZE, "95");
    put(s, 10, 170, SIZE, "年度");
    put(s, 40, 170, SIZE, "三、出版工作");
    put(s, 130, 170, SIZE, "348.16");
    put(s, 190, 170, SIZE, "348.16");
    char *t = grid_text(s, 1);
    assert_line(t, "\t一、宣传工作\t290\t290\n");
    assert_line(t, "年度\t三、出版工作\t348.16\t348.16\n");
    free(t);
    free(s);
}

/* A page that begins with a 绩效 form's indicator headers (一级指标 二级
 * 指标 指标内容 分值 得分) begins a table of its own: its columns are not
 * those of the table that ran to the foot of the page before. */
static void test_indicator_header_not_carried(void **state)
{
    (void)state;
    sheet *s = calloc(2, sizeof *s);
    assert_non_null(s);
    put(&s[0], 10, 100, SIZE, "项目名称");
    put(&s[0], 200, 100, SIZE, "预期目标");
    put(&s[0], 400, 100, SIZE, "金额");
    put(&s[0], 10, 118, SIZE, "业务经费");
    put(&s[0], 200, 118, SIZE, "完成宣传");
    put(&s[0], 400, 118, SIZE, "12.00");
    put(&s[0], 10, 131, SIZE, "办公经费");
    put(&s[0], 200, 131, SIZE, "保障运转");
    put(&s[0], 400, 131, SIZE, "3.50");
    put(&s[1], 10, 40, SIZE, "一级指标");
    put(&s[1], 60, 40, SIZE, "二级指标");
    put(&s[1], 110, 40, SIZE, "指标内容");
    put(&s[1], 300, 40, SIZE, "分值");
    put(&s[1], 340, 40, SIZE, "得分");
    put(&s[1], 10, 58, SIZE, "产出指标");
    put(&s[1], 60, 58, SIZE, "数量指标");
    put(&s[1], 110, 58, SIZE, "开展政策宣传");
    put(&s[1], 300, 58, SIZE, "7.5");
    put(&s[1], 340, 58, SIZE, "7.5");
    put(&s[1], 60, 71, SIZE, "质量指标");
    put(&s[1], 110, 71, SIZE, "资金执行进度");
    put(&s[1], 300, 71, SIZE, "2.5");
    put(&s[1], 340, 71, SIZE, "2.5");
    char *t = grid_text(s, 2);
    assert_line(t, "一级指标\t二级指标\t指标内容\t分值\t得分\n");
    assert_line(t, "产出指标\t数量指标\t开展政策宣传\t7.5\t7.5\n");
    free(t);
    free(s);
}

/* A column of numbers of one or two digits ("5", "10") before a column of
 * text holds counts, not codes (a code's 类 has three digits; a 款 or 项
 * printed alone a leading 0): its figures stay in their own cells. */
static void test_small_numbers_no_code(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "项目");
    put(s, 80, 100, SIZE, "预算数");
    put(s, 120, 100, SIZE, "执行数");
    put(s, 160, 100, SIZE, "完成情况");
    put(s, 220, 100, SIZE, "执行率");
    put(s, 10, 118, SIZE, "业务费");
    put(s, 80, 118, SIZE, "5");
    put(s, 120, 118, SIZE, "5");
    put(s, 160, 118, SIZE, "完成");
    put(s, 220, 118, SIZE, "1.00");
    put(s, 10, 131, SIZE, "合计");
    put(s, 80, 131, SIZE, "182");
    put(s, 120, 131, SIZE, "182");
    put(s, 160, 131, SIZE, "完成");
    put(s, 220, 131, SIZE, "1.00");
    char *t = grid_text(s, 1);
    assert_line(t, "业务费\t5\t5\t完成\t1.00\n");
    assert_line(t, "合计\t182\t182\t完成\t1.00\n");
    free(t);
    free(s);
}

/* A 绩效 form whose last row is printed as a table of its own, its cells
 * fewer and wider ("满意度指标(10分)" across the gap between the 一级指标
 * and 二级指标 columns): the form's columns stay apart under their
 * headers. */
static void test_row_across_form_columns(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "一级指标");
    put(s, 70, 100, SIZE, "二级指标");
    put(s, 130, 100, SIZE, "指标内容");
    put(s, 220, 100, SIZE, "分值");
    put(s, 260, 100, SIZE, "得分");
    static const char *const ROWS[][5] = {{"产出指标", "数量指标", "开展宣传", "20", "20"},
                                          {"", "质量指标", "执行进度", "10", "10"},
                                          {"效益指标", "社会效益", "群众满意", "7.5", "7.5"},
                                          {"", "生态效益", "生态收益", "7.5", "7.5"}};
    for (int i = 0; i < 4; i++) {
        double y = 118 + 16 * i;
        put(s, 10, y, SIZE, ROWS[i][0]);
        put(s, 70, y, SIZE, ROWS[i][1]);
        put(s, 130, y, SIZE, ROWS[i][2]);
        put(s, 220, y, SIZE, ROWS[i][3]);
        put(s, 260, y, SIZE, ROWS[i][4]);
    }
    put(s, 10, 182, SIZE, "满意度指标(10分)");
    put(s, 130, 182, SIZE, "服务满意");
    put(s, 220, 182, SIZE, "10");
    put(s, 260, 182, SIZE, "10");
    char *t = grid_text(s, 1);
    assert_line(t, "一级指标\t二级指标\t指标内容\t分值\t得分\n");
    assert_line(t, "效益指标\t社会效益\t群众满意\t7.5\t7.5\n");
    assert_line(t, "\t生态效益\t生态收益\t7.5\t7.5\n");
    free(t);
    free(s);
}

/* A lone column of whole numbers before text, "10" and "100" (a form's
 * last rows printed as a table of their own, their scores standing
 * under no column of the form's, in two rows of the six it scores):
 * scores, not 行次 — they anchor no row, and the rows above keep their
 * own. */
static void test_scores_no_row_numbers(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "指标内容");
    put(s, 150, 100, SIZE, "年度指标值");
    put(s, 250, 100, SIZE, "分值");
    static const char *const ROWS[][3] = {{"项目资金执行进度", "全年任务", "7.5"},
                                          {"项目完成率", "完成", "7.5"},
                                          {"费用保障", "有效降低", "7.5"},
                                          {"群众满意度", "不断提高", "7.5"},
                                          {"生态收益", "越来越好", "7.5"}};
    for (int i = 0; i < 5; i++) {
        double y = 118 + 16 * i;
        put(s, 10, y, SIZE, ROWS[i][0]);
        put(s, 150, y, SIZE, ROWS[i][1]);
        put(s, 250, y, SIZE, ROWS[i][2]);
    }
    put(s, 10, 198, SIZE, "服务对象满意度");
    put(s, 110, 198, SIZE, "10");
    put(s, 150, 198, SIZE, "满意");
    put(s, 250, 198, SIZE, "7.5");
    put(s, 10, 214, SIZE, "总分");
    put(s, 106, 214, SIZE, "100");
    char *t = grid_text(s, 1);
    assert_line(t, "项目资金执行进度\t\t全年任务\t7.5\n");
    assert_line(t, "项目完成率\t\t完成\t7.5\n");
    assert_line(t, "费用保障\t\t有效降低\t7.5\n");
    assert_line(t, "服务对象满意度\t10\t满意\t7.5\n");
    free(t);
    free(s);
}

/* 行次 1, 2, 3 before the labels still number the rows (and anchor them:
 * a label wrapped onto two lines stays one row's). */
static void test_row_numbers_run_on(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "项目");
    put(s, 150, 100, SIZE, "金额");
    static const char *const ROWS[][3] = {{"1", "工资福利支出", "5.00"},
                                          {"2", "商品和服务支出", "6.00"},
                                          {"3", "对个人和家庭的补助", "7.00"}};
    for (int i = 0; i < 3; i++) {
        double y = 118 + 16 * i;
        put(s, 10, y, SIZE, ROWS[i][0]);
        put(s, 30, y, SIZE, ROWS[i][1]);
        put(s, 150, y, SIZE, ROWS[i][2]);
    }
    char *t = grid_text(s, 1);
    assert_line(t, "1\t工资福利支出\t5.00\n");
    assert_line(t, "3\t对个人和家庭的补助\t7.00\n");
    free(t);
    free(s);
}

/* A 绩效 form's header wrapped in its cells ("二级" / "指标", "分" / "值",
 * no line naming three of its columns whole) is a form's header still: a
 * row printed as a table of its own, across the gap between 一级指标 and
 * 二级指标, does not join the two columns. */
static void test_wrapped_form_header(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 50, 100, 10, "一级指标");
    put(s, 150, 100, 10, "二级");
    put(s, 150, 112, 10, "指标");
    put(s, 200, 100, 10, "指标内容");
    put(s, 300, 100, 10, "分");
    put(s, 300, 112, 10, "值");
    put(s, 340, 100, 10, "得");
    put(s, 340, 112, 10, "分");
    put(s, 50, 130, 10, "产出指标(50分)");
    put(s, 150, 130, 10, "数量");
    put(s, 150, 142, 10, "指标");
    put(s, 200, 130, 10, "开展宣传");
    put(s, 300, 130, 10, "7.5");
    put(s, 340, 130, 10, "7.5");
    put(s, 150, 160, 10, "质量");
    put(s, 150, 172, 10, "指标");
    put(s, 200, 166, 10, "资金进度");
    put(s, 300, 166, 10, "7.5");
    put(s, 340, 166, 10, "7.5");
    put(s, 50, 196, 10, "满意度");
    put(s, 110, 196, 10, "服务对象满意度");
    put(s, 200, 196, 10, "满意");
    put(s, 300, 196, 10, "7.5");
    put(s, 340, 196, 10, "7.5");
    char *t = grid_text(s, 1);
    assert_line(t, "产出指标(50分)\t数量指标\t开展宣传\t7.5\t7.5\n");
    assert_line(t, "\t质量指标\t资金进度\t7.5\t7.5\n");
    free(t);
    free(s);
}

/* The page's footer "第6页，共45页" under the last row, beneath a column of
 * figures: no part of the row's last cell ("3,643.37第6页，共45页"). */
static void test_footer_page_of_pages(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "项目");
    put(s, 100, 100, SIZE, "预算数");
    put(s, 180, 100, SIZE, "项目");
    put(s, 270, 100, SIZE, "预算数");
    put(s, 10, 118, SIZE, "本年收入合计");
    put(s, 100, 118, SIZE, "3,643.37");
    put(s, 180, 118, SIZE, "本年支出合计");
    put(s, 270, 118, SIZE, "3,643.37");
    put(s, 10, 136, SIZE, "收入总计");
    put(s, 100, 136, SIZE, "3,643.37");
    put(s, 180, 136, SIZE, "支出总计");
    put(s, 270, 136, SIZE, "3,643.37");
    put(s, 250, 153, SIZE, "第6页，共45页");
    char *t = grid_text(s, 1);
    assert_line(t, "收入总计\t3,643.37\t支出总计\t3,643.37\n");
    assert_line(t, "\n第6页，共45页\n");
    free(t);
    free(s);
}

/* A unit's name longer than its cell, printed over the figure beside it
 * (its characters and the figure's interleave left to right: "…中18心
 * 39311.66"): the name in the name column, the figure in the 合计 column. */
static void test_name_over_figure(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put(s, 10, 100, SIZE, "单位编码");
    put(s, 60, 100, SIZE, "单位名称");
    put(s, 190, 100, SIZE, "合计");
    put(s, 250, 100, SIZE, "小计");
    put(s, 10, 118, SIZE, "234");
    put(s, 60, 118, SIZE, "合计");
    put(s, 180, 118, SIZE, "18999011.66");
    put(s, 240, 118, SIZE, "18999011.66");
    put(s, 10, 134, SIZE, "234001");
    put(s, 60, 134, SIZE, "某市气象局");
    put(s, 189, 134, SIZE, "17159700");
    put(s, 249, 134, SIZE, "17159700");
    put(s, 10, 150, SIZE, "234003");
    put(s, 60, 150, SIZE, "某市气象局");
    put(s, 180, 150, SIZE, "18999011.66");
    put(s, 240, 150, SIZE, "18999011.66");
    put(s, 10, 166, SIZE, "234002");
    put(s, 60, 166, SIZE, "某市人工影响天气服务保障中心");
    put(s, 184.5, 166, SIZE, "1839311.66");
    put(s, 244.5, 166, SIZE, "1839311.66");
    char *t = grid_text(s, 1);
    assert_line(t, "234002\t某市人工影响天气服务保障中心\t1839311.66\t1839311.66\n");
    assert_line(t, "234001\t某市气象局\t17159700\t17159700\n");
    free(t);
    free(s);
}

/* The head of a two-sided 收支总表 of tall rows (38 points apart), the
 * second row with its 收入 blank. */
static void put_tall_rows_head(sheet *s)
{
    put(s, 110, 90, 10, "项目");
    put(s, 320, 90, 10, "本年预算");
    put(s, 500, 90, 10, "项目");
    put(s, 710, 90, 10, "本年预算");
    put(s, 35, 125, 10, "一、本级财政拨款收入");
    put(s, 390, 125, 10, "656.73");
    put(s, 426, 125, 10, "一、基本支出");
    put(s, 780, 125, 10, "386.73");
    put(s, 35, 163, 10, "二、财政专户管理事业收入");
    put(s, 426, 163, 10, "二、项目支出");
    put(s, 780, 163, 10, "270.00");
}

/* A two-sided 收支总表 of tall rows (38 points apart, four font sizes):
 * the rows with blank amounts between the rows of figures are the
 * table's, not a table of their own with columns of its own. */
static void test_tall_rows_blank_amounts(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put_tall_rows_head(s);
    put(s, 35, 201, 10, "三、事业单位经营服务收入");
    put(s, 426, 201, 10, "三、事业单位经营支出");
    put(s, 35, 239, 10, "四、上级补助收入");
    put(s, 426, 239, 10, "四、上缴上级支出");
    put(s, 35, 277, 10, "五、事业收入");
    put(s, 105, 315, 10, "本年收入合计");
    put(s, 390, 315, 10, "656.73");
    put(s, 496, 315, 10, "本年支出合计");
    put(s, 780, 315, 10, "656.73");
    char *t = grid_text(s, 1);
    assert_line(t, "三、事业单位经营服务收入\t\t三、事业单位经营支出\t\n");
    assert_line(t, "四、上级补助收入\t\t四、上缴上级支出\t\n");
    assert_line(t, "五、事业收入\t\t\t\n");
    assert_line(t, "本年收入合计\t656.73\t本年支出合计\t656.73\n");
    free(t);
    free(s);
}

/* A title cut into chunks that stand in the columns of the table above
 * (OCR'd words: "财政 | 拨款收入 | 支出决算总表"), over its table's number,
 * is a title: no row of that table (000's scan: 公开04表 and 05表 were read
 * as rows of 公开03表). */
static void test_chunked_title_over_number(void **state)
{
    (void)state;
    sheet *s = calloc(1, sizeof *s);
    assert_non_null(s);
    put_tall_rows_head(s);
    put(s, 105, 201, 10, "本年收入合计");
    put(s, 390, 201, 10, "656.73");
    put(s, 496, 201, 10, "本年支出合计");
    put(s, 780, 201, 10, "656.73");
    put(s, 35, 239, 10, "财政");
    put(s, 390, 239, 10, "拨款收入");
    put(s, 500, 239, 10, "支出决算总表");
    put(s, 35, 262, 10, "公开04表");
    char *t = grid_text(s, 1);
    assert_line(t, "本年收入合计\t656.73\t\t本年支出合计\t656.73\n");
    assert_line(t, "财政 拨款收入 支出决算总表\n");
    free(t);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spaced_total),
        cmocka_unit_test(test_running_header),
        cmocka_unit_test(test_wrapped_bracket),
        cmocka_unit_test(test_first_name_before_blank_column),
        cmocka_unit_test(test_wrapped_total_over_code),
        cmocka_unit_test(test_figure_beside_markup),
        cmocka_unit_test(test_row_cut_by_page),
        cmocka_unit_test(test_blank_rows_carried),
        cmocka_unit_test(test_wrapped_tags),
        cmocka_unit_test(test_blank_rows_after_header),
        cmocka_unit_test(test_left_header_right_figures),
        cmocka_unit_test(test_scores_beside_text),
        cmocka_unit_test(test_vertical_header),
        cmocka_unit_test(test_abutting_text_cells),
        cmocka_unit_test(test_centred_label_not_wrapped),
        cmocka_unit_test(test_alike_labels_own_figures),
        cmocka_unit_test(test_vertical_row_label),
        cmocka_unit_test(test_label_beside_wrapped_middle),
        cmocka_unit_test(test_counts_form),
        cmocka_unit_test(test_wrapped_header_one_band),
        cmocka_unit_test(test_counts_then_amounts),
        cmocka_unit_test(test_indicator_header_not_carried),
        cmocka_unit_test(test_small_numbers_no_code),
        cmocka_unit_test(test_row_across_form_columns),
        cmocka_unit_test(test_scores_no_row_numbers),
        cmocka_unit_test(test_row_numbers_run_on),
        cmocka_unit_test(test_wrapped_form_header),
        cmocka_unit_test(test_footer_page_of_pages),
        cmocka_unit_test(test_name_over_figure),
        cmocka_unit_test(test_tall_rows_blank_amounts),
        cmocka_unit_test(test_chunked_title_over_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
