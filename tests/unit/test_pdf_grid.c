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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spaced_total),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
