/*
 * test_xlsx.c — Excel in and out at the level of values.
 *
 * The reader's number formats (read/xlsx_format.c): format codes, the text a
 * stored number shows as (decimals, rounding, percent, General, dates), and
 * what is refused.  Then the writer and the reader together on hand-built
 * documents: thousands of random amounts of every scale, written as doubles
 * by libxlsxwriter, come back as the exact decimals they were; an amount
 * beyond 15 digits is kept as text; awkward grids (one column, spans, a
 * note) are written; a full disk is reported.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai/read.h"
#include "gongkai/render.h"
#include "../../src/read/xlsx.h"

/* ---- Number formats ----------------------------------------------------------- */

static const char *shown(const char *stored, const char *code)
{
    static char out[XLSX_NUMBER_TEXT_MAX];
    xlsx_numfmt f = xlsx_numfmt_parse(code);
    if (!xlsx_number_text(stored, strlen(stored), &f, false, out))
        return NULL;
    return out;
}

static void test_format_codes(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        xlsx_fmt_kind kind;
        int decimals;
        bool percent;
    } CASES[] = {
        {"General", XLSX_FMT_GENERAL, 0, false},   {"@", XLSX_FMT_GENERAL, 0, false},
        {"0", XLSX_FMT_FIXED, 0, false},           {"0.00", XLSX_FMT_FIXED, 2, false},
        {"0.00_ ", XLSX_FMT_FIXED, 2, false},      {"#,##0.00;[Red]\\-#,##0.00", XLSX_FMT_FIXED, 2, false},
        {"0.000%", XLSX_FMT_FIXED, 3, true},       {"\"¥\"#,##0.0", XLSX_FMT_FIXED, 1, false},
        {"_(* #,##0.00_);_(* \\(#,##0.00\\)", XLSX_FMT_FIXED, 2, false},
        {"0.00\"万元\"", XLSX_FMT_FIXED, 2, false}, {"[$-804]0.0", XLSX_FMT_FIXED, 1, false},
        {"0.00E+00", XLSX_FMT_GENERAL, 0, false},  {"yyyy\"年\"m\"月\"d\"日\"", XLSX_FMT_DATE, 0, false},
        {"yyyy/m/d h:mm", XLSX_FMT_DATE, 0, false}, {"[$-F800]dddd, mmmm dd, yyyy", XLSX_FMT_DATE, 0, false},
        {"h:mm:ss", XLSX_FMT_TIME, 0, false},      {"[h]:mm", XLSX_FMT_TIME, 0, false},
        {"\"合计\"", XLSX_FMT_GENERAL, 0, false},   {"", XLSX_FMT_GENERAL, 0, false},
        {"0.00000000000000000000000000000000000", XLSX_FMT_FIXED, 30, false},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        xlsx_numfmt f = xlsx_numfmt_parse(CASES[i].code);
        if (f.kind != CASES[i].kind || f.decimals != CASES[i].decimals || f.percent != CASES[i].percent)
            fail_msg("%s: kind %d decimals %d percent %d", CASES[i].code, f.kind, f.decimals, f.percent);
    }
    assert_true(xlsx_numfmt_parse("yyyy\"年\"m\"月\"").cjk);
    assert_true(xlsx_numfmt_parse("yyyy/m/d h:mm").clock);
    assert_string_equal(xlsx_builtin_format(2), "0.00");
    assert_string_equal(xlsx_builtin_format(4), "#,##0.00");
    assert_null(xlsx_builtin_format(24));
    assert_null(xlsx_builtin_format(176));
}

static void test_shown_numbers(void **state)
{
    (void)state;
    static const char *const CASES[][3] = {
        {"101.8", "0.00", "101.80"},           {"9.199999999999999", "0.00", "9.20"},
        {"9.199999999999999", "General", "9.2"}, {"0.30000000000000004", "General", "0.3"},
        {"451.52999999999997", "#,##0.00", "451.53"}, {"2.154E1", "0.00", "21.54"},
        {"1.5E-3", "General", "0.0015"},       {"1E+20", "General", "100000000000000000000"},
        {"-0.001", "0.00", "0.00"},            {"0.005", "0.00", "0.01"},
        {"-0.005", "0.00", "-0.01"},           {"999.995", "0.00", "1000.00"},
        {"0.9218", "0.00%", "92.18%"},         {"1", "0%", "100%"},
        {"12345678901234.5", "0.0", "12345678901234.5"},
        {"123456789012345678", "General", "123456789012346000"},
        {"0", "0.00", "0.00"},                 {"-0", "General", "0"},
        {"+7", "0", "7"},                      {"0.1249999999999999", "0.00", "0.13"},
        {"5", "0.00\"万元\"", "5.00"},          {" 3.5 ", "0.0", "3.5"},
        {"45657", "yyyy-mm-dd", "2024-12-31"}, {"45657", "yyyy\"年\"m\"月\"d\"日\"", "2024年12月31日"},
        {"45657.5", "yyyy/m/d h:mm", "2024-12-31 12:00:00"}, {"0.75", "h:mm", "18:00:00"},
        {"1", "yyyy-mm-dd", "1900-01-01"},     {"59", "yyyy-mm-dd", "1900-02-28"},
        {"60", "yyyy-mm-dd", "1900-02-29"},    {"61", "yyyy-mm-dd", "1900-03-01"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        const char *got = shown(CASES[i][0], CASES[i][1]);
        if (!got || strcmp(got, CASES[i][2]) != 0)
            fail_msg("%s in %s: %s, expected %s", CASES[i][0], CASES[i][1], got ? got : "(refused)",
                     CASES[i][2]);
    }
    /* Not numbers gongkai can show exactly: the caller keeps the stored text. */
    static const char *const REFUSED[] = {"", "abc", "1.2.3", "1e", "1E+400", "--1", "1,5", "1E+21",
                                          "-1", "NaN"};
    for (size_t i = 0; i < sizeof REFUSED / sizeof *REFUSED; i++) {
        const char *code = strcmp(REFUSED[i], "-1") == 0 ? "yyyy-mm-dd" : "General";
        if (shown(REFUSED[i], code))
            fail_msg("%s in %s: shown as %s", REFUSED[i], code, shown(REFUSED[i], code));
    }
    char out[XLSX_NUMBER_TEXT_MAX];
    xlsx_numfmt date = xlsx_numfmt_parse("yyyy-mm-dd");
    assert_true(xlsx_number_text("0", 1, &date, true, out));
    assert_string_equal(out, "1904-01-01");
    /* The widest text fits. */
    const char *wide = shown("-9.99999999999999E+39", "0.000000000000000000000000000000");
    assert_non_null(wide);
    assert_true(strlen(wide) < XLSX_NUMBER_TEXT_MAX);
}

/* ---- Writer and reader together ------------------------------------------------- */

#define AMOUNT_COLS 7
static const char *const HEADS[AMOUNT_COLS] = {"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
                                               "经营收入", "附属单位上缴收入", "其他收入"};
static const char *const CODES[][2] = {
    {"208", "社会保障和就业支出"}, {"20805", "行政事业单位养老支出"},
    {"2080505", "机关事业单位基本养老保险缴费支出"}, {"2080506", "机关事业单位职业年金缴费支出"},
    {"210", "卫生健康支出"}, {"21011", "行政事业单位医疗"}, {"2101101", "行政单位医疗"},
    {"2101103", "公务员医疗补助"}, {"21015", "医疗保障管理事务"}, {"2101501", "行政运行"},
    {"2101502", "一般行政管理事务"}, {"221", "住房保障支出"}, {"22102", "住房改革支出"},
    {"2210201", "住房公积金"}};
#define NROWS (sizeof CODES / sizeof *CODES)

/* Memory the hand-built documents use, freed at the end of each test. */
static void *held[4096];
static size_t nheld;

static void *hold(void *p)
{
    assert_non_null(p);
    assert_true(nheld < sizeof held / sizeof *held);
    return held[nheld++] = p;
}

static void release(void)
{
    while (nheld)
        free(held[--nheld]);
}

static const char *text_of(gk_amount a)
{
    char buf[GK_AMOUNT_BUFSIZE];
    return hold(strdup(gk_amount_format(a, buf)));
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A random amount of 1 to `digits` significant digits at a random scale. */
static gk_amount random_amount(int digits)
{
    int n = 1 + (int)(next() % (uint64_t)digits);
    int64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (int64_t)(next() % 10);
    if (next() % 8 == 0)
        v = -v;
    return gk_amount_make(v, (unsigned)(next() % 5));
}

/* An income table (收入决算表) whose amounts come from `amount`. */
static void income_block(gk_block *b, gk_amount (*amount)(int), int digits)
{
    memset(b, 0, sizeof *b);
    b->kind = GK_BLOCK_TABLE;
    b->text = "收入决算表";
    b->sub = "公开02表";
    b->unit_line = "金额单位：万元";
    gk_grid *g = &b->grid;
    g->ncols = 2 + AMOUNT_COLS;
    g->nheader = 1;
    g->nrows = 1 + (int)NROWS;
    g->cells = hold(calloc((size_t)(g->ncols * g->nrows), sizeof *g->cells));
    g->total = hold(calloc((size_t)g->nrows, sizeof *g->total));
    g->widths = hold(calloc((size_t)g->ncols, sizeof *g->widths));
    for (int c = 0; c < g->ncols; c++)
        g->widths[c] = 1.0 / g->ncols;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            gk_grid_cell *cell = &g->cells[r * g->ncols + c];
            cell->colspan = cell->rowspan = 1;
            cell->text = "";
        }
    g->cells[0].text = "项目";
    g->cells[0].colspan = 2;
    g->cells[1].colspan = g->cells[1].rowspan = 0;
    for (int c = 0; c < AMOUNT_COLS; c++)
        g->cells[2 + c].text = HEADS[c];
    for (size_t r = 0; r < NROWS; r++) {
        gk_grid_cell *row = &g->cells[(r + 1) * (size_t)g->ncols];
        row[0].text = CODES[r][0];
        row[1].text = CODES[r][1];
        for (int c = 0; c < AMOUNT_COLS; c++) {
            row[2 + c].is_amount = true;
            row[2 + c].value = amount(digits);
            row[2 + c].text = text_of(row[2 + c].value);
            row[2 + c].align = GK_ALIGN_RIGHT;
        }
    }
}

static gk_doc *doc_of(gk_block *blocks, size_t n)
{
    gk_doc *d = hold(calloc(1, sizeof *d));
    d->title = "示例县医疗保障局2024年度部门决算";
    d->unit = "示例县医疗保障局";
    d->year = 2024;
    d->kind = GK_DOC_FINAL;
    d->blocks = blocks;
    d->nblocks = d->cap = n;
    return d;
}

/* Write the document, read it back. */
static gk_report *round_trip(const gk_doc *d)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    gk_error err = {0};
    if (!gk_write_xlsx(d, f, &err))
        fail_msg("write: %s", err.message);
    long len = ftell(f);
    assert_true(len > 0);
    char *data = hold(malloc((size_t)len));
    rewind(f);
    assert_int_equal(fread(data, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    gk_report *r = gk_read(data, (size_t)len, "test.xlsx", &err);
    if (!r)
        fail_msg("read: %s", err.message);
    return r;
}

/* Every amount of every table of d is the cell read back, to the digit. */
static size_t same_amounts(const gk_doc *d, const gk_report *r)
{
    size_t compared = 0, t = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_grid *g = &d->blocks[i].grid;
        assert_true(t < r->ntables);
        const gk_table *tab = &r->tables[t++];
        assert_int_equal(tab->nrows, (size_t)(g->nrows - g->nheader));
        for (int row = g->nheader; row < g->nrows; row++) {
            const gk_row *got = &tab->rows[row - g->nheader];
            assert_string_equal(got->code, gk_grid_at(g, row, 0)->text);
            for (int c = 2; c < g->ncols; c++) {
                const gk_grid_cell *want = gk_grid_at(g, row, c);
                const gk_cell *cell = gk_row_get(got, HEADS[c - 2]);
                char buf[GK_AMOUNT_BUFSIZE];
                const char *back = cell ? gk_amount_format(cell->value, buf) : "(missing)";
                if (!cell || strcmp(back, want->text) != 0 || cell->value.scale != want->value.scale)
                    fail_msg("table %zu row %s column %s: wrote %s, read %s", t, got->code, HEADS[c - 2],
                             want->text, back);
                compared++;
            }
        }
    }
    assert_int_equal(t, r->ntables);
    return compared;
}

static void test_random_amounts_exact(void **state)
{
    (void)state;
    enum { TABLES = 40 };
    gk_block *blocks = hold(calloc(TABLES, sizeof *blocks));
    for (size_t i = 0; i < TABLES; i++)
        income_block(&blocks[i], random_amount, 15);
    gk_doc *d = doc_of(blocks, TABLES);
    gk_report *r = round_trip(d);
    size_t n = same_amounts(d, r);
    assert_int_equal(n, (size_t)TABLES * NROWS * AMOUNT_COLS);
    gk_report_free(r);
    release();
}

/* 16 to 18 digits: beyond a double; written as text, still exact. */
static void test_long_amounts_as_text(void **state)
{
    (void)state;
    gk_block *blocks = hold(calloc(1, sizeof *blocks));
    income_block(blocks, random_amount, 15);
    for (size_t r = 1; r <= NROWS; r++) {
        gk_grid_cell *cell = &blocks->grid.cells[r * (size_t)blocks->grid.ncols + 2];
        cell->value = gk_amount_make(1234567890123456789LL / (int64_t)(r * 7 + 1), 2);
        cell->text = text_of(cell->value);
    }
    gk_doc *d = doc_of(blocks, 1);
    gk_report *r = round_trip(d);
    same_amounts(d, r);
    gk_report_free(r);
    release();
}

/* Odd grids are written without error: one column with a unit name (the
 * unit line then goes one column right), a cell spanning rows, a blank
 * title, a note, a table with no rows. */
static void test_odd_grids(void **state)
{
    (void)state;
    gk_block *blocks = hold(calloc(3, sizeof *blocks));
    gk_grid_cell *one = hold(calloc(2, sizeof *one));
    one[0] = (gk_grid_cell){.text = "项目", .colspan = 1, .rowspan = 2};
    one[1] = (gk_grid_cell){.text = "", .colspan = 0, .rowspan = 0};
    blocks[0] = (gk_block){.kind = GK_BLOCK_TABLE, .text = NULL, .unit_name = "示例县医疗保障局",
                           .unit_line = "金额单位：万元", .note = "说明：本表无数据。",
                           .grid = {.ncols = 1, .nrows = 2, .nheader = 1, .cells = one}};
    blocks[1] = (gk_block){.kind = GK_BLOCK_TABLE, .text = "空表", .grid = {.ncols = 0}};
    blocks[2] = (gk_block){.kind = GK_BLOCK_PARAGRAPH, .text = "最后一段。"};
    gk_doc *d = doc_of(blocks, 3);
    FILE *f = tmpfile();
    assert_non_null(f);
    gk_error err = {0};
    if (!gk_write_xlsx(d, f, &err))
        fail_msg("write: %s", err.message);
    assert_true(ftell(f) > 0);
    fclose(f);
    release();
}

static void test_full_disk(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "wb");
    if (!f)
        skip();
    gk_block *blocks = hold(calloc(1, sizeof *blocks));
    income_block(blocks, random_amount, 15);
    gk_error err = {0};
    assert_false(gk_write_xlsx(doc_of(blocks, 1), f, &err));
    assert_non_null(strstr(err.message, "写入失败"));
    fclose(f);
    release();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_codes),
        cmocka_unit_test(test_shown_numbers),
        cmocka_unit_test(test_random_amounts_exact),
        cmocka_unit_test(test_long_amounts_as_text),
        cmocka_unit_test(test_odd_grids),
        cmocka_unit_test(test_full_disk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
