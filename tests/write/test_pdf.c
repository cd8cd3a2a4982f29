/*
 * test_pdf.c — gk_write_pdf on documents built by hand: every kind of
 * block, the awkward cases (spans, a row taller than a page, 40 columns,
 * empty tables and charts, damaged UTF-8, headings of odd levels), and
 * write failures (/dev/full, a stream opened for reading).
 *
 * What the PDF says is checked by tests/write/pdf.sh with poppler-utils;
 * here: the writer succeeds or fails as it should, never crashes, and
 * writes a whole PDF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai/render.h"

/* ---- Building documents ---------------------------------------------------- */

typedef struct doc_builder {
    gk_doc doc;
    gk_block blocks[64];
    /* What the blocks point to, freed with the builder. */
    void *owned[64];
    int nowned;
} doc_builder;

static void *own(doc_builder *b, size_t size)
{
    void *p = calloc(1, size);
    assert_non_null(p);
    assert_true(b->nowned < 64);
    b->owned[b->nowned++] = p;
    return p;
}

static doc_builder *builder(void)
{
    doc_builder *b = calloc(1, sizeof *b);
    assert_non_null(b);
    b->doc.title = "测试单位2024年度部门决算";
    b->doc.unit = "测试单位";
    b->doc.year = 2024;
    b->doc.kind = GK_DOC_FINAL;
    b->doc.blocks = b->blocks;
    return b;
}

static void builder_free(doc_builder *b)
{
    for (int i = 0; i < b->nowned; i++)
        free(b->owned[i]);
    free(b);
}

static gk_block *add(doc_builder *b, gk_block_kind kind)
{
    assert_true(b->doc.nblocks < 64);
    gk_block *k = &b->blocks[b->doc.nblocks++];
    memset(k, 0, sizeof *k);
    k->kind = kind;
    b->doc.cap = b->doc.nblocks;
    return k;
}

static void heading(doc_builder *b, int level, const char *text)
{
    gk_block *k = add(b, GK_BLOCK_HEADING);
    k->level = level;
    k->text = text;
}

static void paragraph(doc_builder *b, const char *text)
{
    add(b, GK_BLOCK_PARAGRAPH)->text = text;
}

/* A coded table: 项目 (code, name) over two header rows, `cols` amount
 * columns, `rows` body rows, the first a bold total. */
static gk_block *table(doc_builder *b, const char *title, int cols, int rows)
{
    gk_block *k = add(b, GK_BLOCK_TABLE);
    k->text = title;
    k->sub = "公开01表";
    k->unit_line = "金额单位：万元";
    gk_grid *g = &k->grid;
    g->ncols = 2 + cols;
    g->nrows = 2 + rows;
    g->nheader = 2;
    g->cells = own(b, (size_t)g->ncols * (size_t)g->nrows * sizeof *g->cells);
    g->total = own(b, (size_t)g->nrows * sizeof *g->total);
    g->widths = own(b, (size_t)g->ncols * sizeof *g->widths);
    char *text = own(b, (size_t)g->nrows * (size_t)g->ncols * 48);
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            gk_grid_cell *cell = &g->cells[r * g->ncols + c];
            char *t = text + ((size_t)r * (size_t)g->ncols + (size_t)c) * 48;
            cell->colspan = cell->rowspan = 1;
            cell->text = t;
            if (r == 0 && c == 0) {
                strcpy(t, "项目");
                cell->colspan = 2;
                cell->align = GK_ALIGN_CENTER;
            } else if (r == 0 && c == 1) {
                cell->colspan = cell->rowspan = 0;
                cell->text = "";
            } else if (r == 0) {
                snprintf(t, 48, "第%d栏支出合计", c - 1);
                cell->rowspan = 2;
                cell->align = GK_ALIGN_CENTER;
            } else if (r == 1 && c >= 2) {
                cell->colspan = cell->rowspan = 0;
                cell->text = "";
            } else if (r == 1) {
                strcpy(t, c == 0 ? "科目编码" : "科目名称");
                cell->align = GK_ALIGN_CENTER;
            } else if (c == 0) {
                if (r > 2)                      /* the total row has no code */
                    snprintf(t, 48, "201%04d", r);
            } else if (c == 1) {
                strcpy(t, r == 2 ? "合计" : "一般公共服务支出行政运行");
            } else {
                snprintf(t, 48, "%d.%02d", r * 1000 + c, c);
                cell->align = GK_ALIGN_RIGHT;
                cell->is_amount = true;
            }
        }
    if (rows > 0)
        g->total[2] = true;
    for (int c = 0; c < g->ncols; c++)
        g->widths[c] = c == 1 ? 3.0 : 1.6;      /* not normalised: the writer copes */
    return k;
}

static gk_block *chart(doc_builder *b, gk_chart_kind kind, size_t n)
{
    gk_block *k = add(b, GK_BLOCK_CHART);
    k->chart.kind = kind;
    k->chart.title = "支出构成";
    k->chart.unit = "万元";
    k->chart.nitems = n;
    k->chart.items = n ? own(b, n * sizeof *k->chart.items) : NULL;
    static const char *const LABELS[] = {"基本支出", "项目支出", "一般公共服务支出很长很长的名称",
                                         "零"};
    for (size_t i = 0; i < n; i++) {
        gk_chart_item *it = &k->chart.items[i];
        it->label = LABELS[i % 4];
        it->value.v = i % 4 == 3 ? 0 : (int64_t)(41093 / (i + 1));
        it->value.scale = 2;
        it->text = "410.93（92.71%）";
    }
    return k;
}

/* The whole output of gk_write_pdf(d) through a temporary file. */
static char *write_to_memory(const gk_doc *d, size_t *len, bool *ok, gk_error *err)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    *ok = gk_write_pdf(d, f, err);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    data[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return data;
}

/* The number after the page tree's /Count. */
static int page_count(const char *pdf, size_t len)
{
    int best = 0;
    for (const char *p = pdf; p && p < pdf + len; p++) {
        p = memchr(p, '/', (size_t)(pdf + len - p));
        if (!p)
            break;
        if (strncmp(p, "/Count ", 7) == 0) {
            int n = atoi(p + 7);
            best = n > best ? n : best;
        }
    }
    return best;
}

/* Whether `word` is in the binary data. */
static bool contains(const char *data, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, word, n) == 0)
            return true;
    return false;
}

static void assert_whole_pdf(const char *pdf, size_t len)
{
    assert_true(len > 100);
    assert_memory_equal(pdf, "%PDF-", 5);
    assert_true(contains(pdf + len - 16, 16, "%%EOF"));
}

/* ---- Tests ----------------------------------------------------------------- */

static void empty_document(void **state)
{
    (void)state;
    doc_builder *b = builder();
    size_t len;
    bool ok;
    gk_error err = {0};
    char *pdf = write_to_memory(&b->doc, &len, &ok, &err);
    assert_true(ok);
    assert_whole_pdf(pdf, len);
    assert_int_equal(page_count(pdf, len), 1);
    free(pdf);
    builder_free(b);
}

static void every_block(void **state)
{
    (void)state;
    doc_builder *b = builder();
    gk_block *cover = add(b, GK_BLOCK_COVER);
    cover->text = b->doc.title;
    cover->sub = b->doc.unit;
    add(b, GK_BLOCK_TOC);
    add(b, GK_BLOCK_PAGE_BREAK);
    add(b, GK_BLOCK_PAGE_BREAK);                /* twice: no blank page */
    heading(b, 1, "第一部分 部门概况");
    heading(b, 2, "一、部门职责");
    paragraph(b, "（1）负责全县医疗保障工作。\xff\xfe 损坏的字节也不致崩溃。");
    static char long_text[12000];
    for (size_t i = 0; i + 3 < sizeof long_text - 1; i += 3)
        memcpy(long_text + i, "长", 3);
    paragraph(b, long_text);                    /* over several pages */
    heading(b, 0, "级别为零的标题");
    heading(b, 7, "级别为七的标题");
    heading(b, 3, "（一）第三级");
    heading(b, 2, NULL);
    paragraph(b, "");
    paragraph(b, NULL);
    heading(b, 1, "第二部分 报表");
    gk_block *t = table(b, "支出决算表", 6, 80);  /* longer than a page */
    t->note = "注：本表为测试。";
    t->unit_name = "测试单位";
    t->unit_name_line = "编制部门：测试单位";
    heading(b, 1, "宽表之前的标题");            /* moves to the landscape page, centred */
    table(b, "很宽的表", 40, 5);                /* 42 columns: landscape, small type */
    gk_block *empty = table(b, "空表", 3, 0);
    empty->note = "注：本单位无此项支出，故本表为空表。";
    gk_block *none = add(b, GK_BLOCK_TABLE);    /* no grid at all */
    none->text = "没有表格的表";
    gk_block *tall = table(b, "行比页高", 2, 3);
    static char tall_text[60000];
    for (size_t i = 0; i + 3 < sizeof tall_text - 1; i += 3)
        memcpy(tall_text + i, "高", 3);
    tall->grid.cells[3 * tall->grid.ncols + 1].text = tall_text;
    heading(b, 1, "第三部分 情况说明");
    chart(b, GK_CHART_BAR, 4);
    chart(b, GK_CHART_PIE, 4);
    chart(b, GK_CHART_PIE, 1);
    chart(b, GK_CHART_BAR, 0);
    gk_block *zero = chart(b, GK_CHART_PIE, 1);
    zero->chart.items[0].value.v = 0;           /* nothing to share */
    add(b, GK_BLOCK_PAGE_BREAK);
    size_t len;
    bool ok;
    gk_error err = {0};
    char *pdf = write_to_memory(&b->doc, &len, &ok, &err);
    assert_true(ok);
    assert_whole_pdf(pdf, len);
    assert_true(page_count(pdf, len) >= 10);
    assert_true(contains(pdf, len, "/Outlines"));
    const char *keep = getenv("GK_TEST_PDF_OUT");   /* to look at it */
    FILE *out = keep ? fopen(keep, "wb") : NULL;
    if (out) {
        fwrite(pdf, 1, len, out);
        fclose(out);
    }
    free(pdf);
    builder_free(b);
}

static void disk_full(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "wb");
    if (!f)
        skip();
    doc_builder *b = builder();
    heading(b, 1, "第一部分");
    table(b, "表", 3, 10);
    gk_error err = {0};
    assert_false(gk_write_pdf(&b->doc, f, &err));
    assert_non_null(strstr(err.message, "写入 PDF 失败"));
    assert_non_null(strstr(err.message, "磁盘空间不足"));
    fclose(f);
    builder_free(b);
}

static void stream_not_writable(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/null", "rb");
    assert_non_null(f);
    doc_builder *b = builder();
    paragraph(b, "内容");
    gk_error err = {0};
    assert_false(gk_write_pdf(&b->doc, f, &err));
    assert_non_null(strstr(err.message, "写入 PDF 失败"));
    fclose(f);
    builder_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_document),
        cmocka_unit_test(every_block),
        cmocka_unit_test(disk_full),
        cmocka_unit_test(stream_not_writable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
