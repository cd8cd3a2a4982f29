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

typedef struct glyphs {
    pg_glyph g[512];
    size_t n;
} glyphs;

/* Print `s` from x on the line whose top is y: an ideograph is SIZE wide,
 * any other character half that. */
static void put(glyphs *gs, double x, double y, const char *s)
{
    while (*s) {
        size_t len = (unsigned char)*s < 0x80 ? 1 : (unsigned char)*s < 0xE0 ? 2 : 3;
        assert_true(gs->n < sizeof gs->g / sizeof gs->g[0]);
        pg_glyph *g = &gs->g[gs->n++];
        memset(g, 0, sizeof *g);
        memcpy(g->utf8, s, len);
        double w = len == 3 ? SIZE : SIZE / 2;
        g->x0 = x, g->x1 = x + w, g->y0 = y, g->y1 = y + SIZE, g->size = SIZE;
        x += w;
        s += len;
    }
}

/* The page's text as the grid writes it. */
static char *page_text(glyphs *gs)
{
    pg_doc d = {0};
    pg_add_page(&d, 1, gs->g, gs->n, 595);
    pg_finish(&d);
    char *s = strdup(d.text.data ? d.text.data : "");
    pg_doc_free(&d);
    return s;
}

/* "合      计" spaced over its cell (two chunks) is the total's label: the
 * row of its own, not joined to the last coded row above. */
static void test_spaced_total(void **state)
{
    (void)state;
    glyphs gs = {0};
    put(&gs, 34, 80, "科目编码");
    put(&gs, 99, 80, "科目名称");
    put(&gs, 302, 80, "合计");
    put(&gs, 400, 80, "基本支出");
    put(&gs, 500, 80, "项目支出");
    static const char *const rows[][4] = {
        {"2080505", "机关事业单位基本养老保险缴费支出", "62.347200", "62.347200"},
        {"2210202", "提租补贴", "2.148000", "2.148000"},
        {"2210203", "购房补贴", "67.052400", "67.052400"},
    };
    double y = 100;
    for (size_t i = 0; i < 3; i++, y += 16.5) {
        put(&gs, 34, y, rows[i][0]);
        put(&gs, 99, y, rows[i][1]);
        put(&gs, 315, y, rows[i][2]);
        put(&gs, 405, y, rows[i][3]);
    }
    put(&gs, 163.8, y, "合");
    put(&gs, 191.75, y, "计");
    put(&gs, 310, y, "132.505200");
    put(&gs, 400, y, "132.505200");
    char *text = page_text(&gs);
    assert_non_null(strstr(text, "2210203\t购房补贴\t67.052400\t67.052400\t\n"));
    assert_non_null(strstr(text, "\t合计\t132.505200\t132.505200\t\n"));
    free(text);
}

/* The running header atop every page ("某局2026年度部门预算公开") printed
 * again over a table's rows going on from the page before: no row of the
 * table, which goes on in the columns of the page before (a column left
 * blank on this page stays a blank cell). */
static void test_running_header(void **state)
{
    (void)state;
    pg_doc d = {0};
    glyphs gs = {0};
    put(&gs, 36, 10, "某局2026年度部门预算公开");
    put(&gs, 34, 80, "科目编码");
    put(&gs, 99, 80, "科目名称");
    put(&gs, 302, 80, "合计");
    put(&gs, 400, 80, "基本支出");
    put(&gs, 500, 80, "项目支出");
    put(&gs, 34, 100, "21401");
    put(&gs, 99, 100, "公路水路运输");
    put(&gs, 310, 100, "300.00");
    put(&gs, 405, 100, "100.00");
    put(&gs, 505, 100, "200.00");
    put(&gs, 34, 116.5, "2140101");
    put(&gs, 99, 116.5, "行政运行");
    put(&gs, 310, 116.5, "100.00");
    put(&gs, 405, 116.5, "100.00");
    put(&gs, 280, 800, "- 17 -");
    pg_add_page(&d, 1, gs.g, gs.n, 595);
    gs.n = 0;
    put(&gs, 36, 10, "某局2026年度部门预算公开");
    put(&gs, 34, 40, "2140199");
    put(&gs, 99, 40, "其他公路水路运输支出");
    put(&gs, 310, 40, "200.00");
    put(&gs, 505, 40, "200.00");
    put(&gs, 34, 56.5, "221");
    put(&gs, 99, 56.5, "住房保障支出");
    put(&gs, 310, 56.5, "50.00");
    put(&gs, 405, 56.5, "50.00");
    pg_add_page(&d, 2, gs.g, gs.n, 595);
    pg_finish(&d);
    const char *page2 = strstr(d.text.data, "=== page 2 ===\n");
    assert_non_null(page2);
    assert_null(strstr(page2, "预算公开"));
    assert_non_null(strstr(page2, "2140199\t其他公路水路运输支出\t200.00\t\t200.00\n"));
    assert_non_null(strstr(page2, "221\t住房保障支出\t50.00\t50.00\t\n"));
    pg_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spaced_total),
        cmocka_unit_test(test_running_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
