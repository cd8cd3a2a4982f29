/*
 * test_html.c — gk_write_html on documents built by hand: every kind of
 * block, escaping, spans and the row lines the text reader reads back,
 * row headers, the 目录, charts (bars, pies of one part and of nothing),
 * empty documents and tables, the same bytes twice, and write failures
 * (/dev/full, a stream opened for reading).
 *
 * Whole documents from gk_compose are checked by tests/write/html.sh
 * (structure with python3's html.parser, headless Chromium, read-back).
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
    gk_block blocks[32];
    gk_toc_entry toc[16];
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
    b->doc.toc = b->toc;
    b->doc.date_line = "2024年6月";
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
    assert_true(b->doc.nblocks < 32);
    gk_block *blk = &b->blocks[b->doc.nblocks++];
    memset(blk, 0, sizeof *blk);
    blk->kind = kind;
    return blk;
}

static void heading(doc_builder *b, int level, const char *text)
{
    gk_block *h = add(b, GK_BLOCK_HEADING);
    h->level = level;
    h->text = text;
}

/* A 目录 line for the block added last (compose decides them: the writer
 * prints what it is given). */
static void listed(doc_builder *b, int level, const char *text)
{
    assert_true(b->doc.ntoc < 16);
    b->toc[b->doc.ntoc++] = (gk_toc_entry){level, text, b->doc.nblocks - 1};
}

static gk_amount amount(int64_t v, uint8_t scale)
{
    gk_amount a = {v, scale, 0};
    return a;
}

/* A grid of ncols × nrows with blank cells. */
static gk_grid *grid(doc_builder *b, gk_block *blk, int ncols, int nrows, int nheader)
{
    gk_grid *g = &blk->grid;
    g->ncols = ncols;
    g->nrows = nrows;
    g->nheader = nheader;
    g->cells = own(b, (size_t)(ncols * nrows + 1) * sizeof *g->cells);
    g->total = own(b, (size_t)(nrows + 1) * sizeof *g->total);
    for (int i = 0; i < ncols * nrows; i++) {
        g->cells[i].text = "";
        g->cells[i].colspan = g->cells[i].rowspan = 1;
    }
    return g;
}

static void cell(gk_grid *g, int r, int c, const char *text, gk_align align)
{
    gk_grid_cell *x = &g->cells[r * g->ncols + c];
    x->text = text;
    x->align = align;
}

static void amount_cell(gk_grid *g, int r, int c, const char *text, int64_t v)
{
    cell(g, r, c, text, GK_ALIGN_RIGHT);
    g->cells[r * g->ncols + c].is_amount = true;
    g->cells[r * g->ncols + c].value = amount(v, 2);
}

/* Cells (r, c) spanning cols × rows; the covered ones get span 0. */
static void span(gk_grid *g, int r, int c, int cols, int rows)
{
    for (int i = r; i < r + rows; i++)
        for (int j = c; j < c + cols; j++) {
            g->cells[i * g->ncols + j].colspan = 0;
            g->cells[i * g->ncols + j].rowspan = 0;
        }
    g->cells[r * g->ncols + c].colspan = cols;
    g->cells[r * g->ncols + c].rowspan = rows;
}

/* The 支出决算表 shape: 项目 over 编码 | 名称, 本年支出合计 spanning two
 * header rows; a 合计 row and two coded rows. */
static gk_block *expense_table(doc_builder *b)
{
    gk_block *t = add(b, GK_BLOCK_TABLE);
    t->text = "支出决算表";
    t->sub = "公开03表";
    t->unit_line = "金额单位：万元";
    t->unit_name = "测试单位";
    t->unit_name_line = "编制部门：测试单位";
    gk_grid *g = grid(b, t, 4, 5, 2);
    cell(g, 0, 0, "项目", GK_ALIGN_CENTER);
    span(g, 0, 0, 2, 1);
    cell(g, 0, 2, "本年支出合计", GK_ALIGN_CENTER);
    span(g, 0, 2, 1, 2);
    cell(g, 0, 3, "基本支出", GK_ALIGN_CENTER);
    span(g, 0, 3, 1, 2);
    cell(g, 1, 0, "科目编码", GK_ALIGN_CENTER);
    cell(g, 1, 1, "科目名称", GK_ALIGN_CENTER);
    cell(g, 2, 1, "合计", GK_ALIGN_LEFT);
    amount_cell(g, 2, 2, "30.00", 3000);
    amount_cell(g, 2, 3, "10.00", 1000);
    g->total[2] = true;
    cell(g, 3, 0, "208", GK_ALIGN_LEFT);
    cell(g, 3, 1, "社会保障和就业支出", GK_ALIGN_LEFT);
    amount_cell(g, 3, 2, "10.00", 1000);
    amount_cell(g, 3, 3, "10.00", 1000);
    cell(g, 4, 0, "210", GK_ALIGN_LEFT);
    cell(g, 4, 1, "卫生健康支出", GK_ALIGN_LEFT);
    amount_cell(g, 4, 2, "20.00", 2000);
    static double widths[] = {0.125, 0.375, 0.25, 0.25};
    g->widths = widths;
    return t;
}

static gk_block *chart(doc_builder *b, gk_chart_kind kind, size_t n, const char *const *labels,
                       const int64_t *values)
{
    gk_block *c = add(b, GK_BLOCK_CHART);
    c->chart.kind = kind;
    c->chart.title = "支出结构";
    c->chart.unit = "万元";
    c->chart.items = own(b, (n + 1) * sizeof *c->chart.items);
    c->chart.nitems = n;
    for (size_t i = 0; i < n; i++) {
        c->chart.items[i].label = labels[i];
        c->chart.items[i].value = amount(values[i], 2);
        char *text = own(b, 32);
        snprintf(text, 32, "%lld.%02lld", (long long)(values[i] / 100),
                 (long long)(values[i] % 100));
        c->chart.items[i].text = text;
    }
    return c;
}

/* ---- Writing ----------------------------------------------------------------- */

typedef struct output {
    char *data;
    size_t len;
    bool ok;
    gk_error err;
} output;

static output write_doc(const gk_doc *d)
{
    output o = {NULL, 0, false, {0}};
    FILE *f = open_memstream(&o.data, &o.len);
    assert_non_null(f);
    o.ok = gk_write_html(d, f, &o.err);
    assert_int_equal(fclose(f), 0);
    return o;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

#define assert_contains(hay, needle)                                                     \
    do {                                                                                 \
        if (!strstr((hay), (needle)))                                                    \
            fail_msg("missing: %s", (needle));                                           \
    } while (0)

/* The length of the longest tag: the text reader strips tags of up to 80
 * characters (src/read/lines.c), no longer ones. */
static size_t longest_tag(const char *s)
{
    size_t longest = 0;
    for (const char *p = s; (p = strchr(p, '<')); p++) {
        size_t n = strcspn(p, ">\n");
        longest = n + 1 > longest ? n + 1 : longest;
    }
    return longest;
}

/* The source line holding `needle`, as a new string. */
static char *line_of(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    assert_non_null(p);
    while (p > hay && p[-1] != '\n')
        p--;
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

/* ---- Tests --------------------------------------------------------------------- */

static void test_page(void **state)
{
    (void)state;
    doc_builder *b = builder();
    gk_block *cover = add(b, GK_BLOCK_COVER);
    cover->text = b->doc.title;
    cover->sub = "测试单位";
    add(b, GK_BLOCK_TOC);
    add(b, GK_BLOCK_PAGE_BREAK);
    heading(b, 1, "第一部分 部门概况");
    listed(b, 1, "第一部分 部门概况");
    heading(b, 2, "一、部门职责");
    listed(b, 2, "一、部门职责");
    add(b, GK_BLOCK_PARAGRAPH)->text = "第一行\n第二行";
    heading(b, 3, "（一）不进目录");
    add(b, GK_BLOCK_PAGE_BREAK);
    heading(b, 1, "第二部分 公开报表");
    listed(b, 1, "第二部分 公开报表");
    expense_table(b);
    listed(b, 2, "一、支出决算表");
    gk_block *t2 = expense_table(b);
    t2->text = "2.已编号的表";
    listed(b, 2, "2.已编号的表");
    add(b, GK_BLOCK_PAGE_BREAK);
    add(b, GK_BLOCK_PARAGRAPH)->text = "分页之后";
    add(b, GK_BLOCK_PAGE_BREAK);
    output o = write_doc(&b->doc);
    assert_true(o.ok);
    const char *s = o.data;
    /* The head. */
    assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">",
                        60) == 0);
    assert_contains(s, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    assert_contains(s, "<title>测试单位2024年度部门决算</title>");
    assert_contains(s, "<meta name=\"author\" content=\"测试单位\">");
    assert_contains(s, "<meta name=\"generator\" content=\"gongkai ");
    assert_contains(s, "@media print");
    assert_contains(s, "thead { display: table-header-group; }");
    /* Nothing fetched, nothing run. */
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "<link"));
    assert_null(strstr(s, "src="));
    assert_null(strstr(s, "url("));
    /* Cover, headings with ids, the paragraph's line break. */
    assert_contains(s, "<header class=\"cover\">\n<h1>测试单位2024年度部门决算</h1>\n"
                       "<p class=\"unit\">测试单位</p>\n<p class=\"date\">");
    assert_contains(s, "<h1 id=\"sec-1\">第一部分 部门概况</h1>");
    assert_contains(s, "<h3 id=\"sec-3\">（一）不进目录</h3>");
    assert_contains(s, "<p>第一行<br>\n第二行</p>");
    /* 目录: parts with their sections and tables nested, level 3 left out,
     * tables numbered within their part unless numbered already. */
    assert_contains(s, "<li><a href=\"#sec-1\">第一部分 部门概况</a>\n<ol>\n"
                       "<li><a href=\"#sec-2\">一、部门职责</a></li>\n</ol>\n</li>\n");
    assert_contains(s, "<li><a href=\"#table-1\">一、支出决算表</a></li>\n"
                       "<li><a href=\"#table-2\">2.已编号的表</a></li>\n");
    assert_null(strstr(s, "href=\"#sec-3\""));
    assert_true(longest_tag(s) <= 80);
    assert_int_equal(count(s, "<a href=\"#"), 5);
    /* Tables: caption with title, number, 部门 and unit; widths. */
    assert_contains(s, "<span class=\"t-title\" id=\"table-1-t\">支出决算表</span>\n"
                       "<span class=\"t-no\">公开03表</span>\n<span class=\"t-unit\">"
                       "<span class=\"t-dept\">编制部门：测试单位</span>\n"
                       "<span class=\"t-amt\">金额单位：万元</span></span></div></caption>");
    assert_contains(s, "<colgroup><col style=\"width:12.5%\"><col style=\"width:37.5%\">"
                       "<col style=\"width:25%\"><col style=\"width:25%\"></colgroup>");
    /* A page break only where no part heading breaks already, and none at the end. */
    assert_int_equal(count(s, "<div class=\"page-break\"></div>"), 1);
    assert_contains(s, "<div class=\"page-break\"></div>\n<p>分页之后</p>");
    const char *end = "</main>\n</body>\n</html>\n";
    assert_true(o.len > strlen(end) && strcmp(s + o.len - strlen(end), end) == 0);
    free(o.data);
    builder_free(b);
}

static void test_table_rows(void **state)
{
    (void)state;
    doc_builder *b = builder();
    expense_table(b);
    output o = write_doc(&b->doc);
    assert_true(o.ok);
    const char *s = o.data;
    /* Header rows: th with scope, spans; one tab per column boundary, a
     * spanning cell followed by as many tabs as it covers columns. */
    assert_contains(s, "<thead><tr><th scope=\"colgroup\" colspan=\"2\" class=\"c\">项目</th>\t\t"
                       "<th scope=\"col\" rowspan=\"2\" class=\"c\">本年支出合计</th>\t"
                       "<th scope=\"col\" rowspan=\"2\" class=\"c\">基本支出</th></tr>\n");
    /* The covered cells of the second header row are skipped, their tabs kept. */
    assert_contains(s, "<tr><th scope=\"col\" class=\"c\">科目编码</th>\t"
                       "<th scope=\"col\" class=\"c\">科目名称</th>\t\t</tr></thead>\n");
    /* Body: the name column is the row header, the code column is not;
     * amounts right-aligned; the total row marked. */
    assert_contains(s, "<tbody><tr class=\"total\"><td class=\"l\"></td>\t"
                       "<th scope=\"row\" class=\"l\">合计</th>\t<td class=\"r\">30.00</td>\t"
                       "<td class=\"r\">10.00</td></tr>\n");
    assert_contains(s, "<tr><td class=\"l\">210</td>\t<th scope=\"row\" class=\"l\">卫生健康支出</th>\t"
                       "<td class=\"r\">20.00</td>\t<td class=\"l\"></td></tr></tbody></table></div>\n");
    /* Every row is one line with ncols - 1 tabs. */
    int rows = 0;
    for (const char *p = s; (p = strstr(p, "<tr")); p++) {
        const char *e = strchr(p, '\n');
        assert_non_null(e);
        int tabs = 0;
        for (const char *q = p; q < e; q++)
            tabs += *q == '\t';
        assert_int_equal(tabs, 3);
        rows++;
    }
    assert_int_equal(rows, 5);
    free(o.data);
    builder_free(b);
}

static void test_escaping(void **state)
{
    (void)state;
    doc_builder *b = builder();
    b->doc.title = "A&B <script>\"x\" 'y'";
    b->doc.unit = "<单位>";
    add(b, GK_BLOCK_COVER)->text = b->doc.title;
    heading(b, 1, "<h1>标题</h1>");
    add(b, GK_BLOCK_PARAGRAPH)->text = "控制\x01字符\x7f与 & 符号";
    gk_block *t = expense_table(b);
    t->note = "注：<b>无</b>";
    cell(&t->grid, 3, 1, "带\t制表符", GK_ALIGN_LEFT);
    static const char *const labels[] = {"<甲>", "乙&丙"};
    static const int64_t values[] = {100, 300};
    chart(b, GK_CHART_BAR, 2, labels, values);
    output o = write_doc(&b->doc);
    assert_true(o.ok);
    const char *s = o.data;
    assert_contains(s, "<title>A&amp;B &lt;script&gt;&quot;x&quot; &#39;y&#39;</title>");
    assert_contains(s, "<meta name=\"author\" content=\"&lt;单位&gt;\">");
    assert_contains(s, "&lt;h1&gt;标题&lt;/h1&gt;</h1>");
    assert_contains(s, "<p>控制字符与 &amp; 符号</p>");
    assert_contains(s, "<p class=\"t-note\">注：&lt;b&gt;无&lt;/b&gt;</p>");
    assert_contains(s, ">带 制表符</th>");
    assert_contains(s, ">&lt;甲&gt;</text>");
    assert_contains(s, ">乙&amp;丙</text>");
    assert_contains(s, "<desc id=\"fig-1-d\">单位：万元。&lt;甲&gt;：1.00；乙&amp;丙：3.00。</desc>");
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "<b>"));
    assert_null(strchr(s, '\x01'));
    assert_null(strchr(s, '\x7f'));
    char *row = line_of(s, "带 制表符");
    assert_int_equal(count(row, "\t"), 3);
    free(row);
    free(o.data);
    builder_free(b);
}

static void test_charts(void **state)
{
    (void)state;
    doc_builder *b = builder();
    static const char *const labels[] = {"基本支出", "项目支出", "其他"};
    static const int64_t values[] = {10000, 5000, 0};
    chart(b, GK_CHART_BAR, 3, labels, values);
    chart(b, GK_CHART_PIE, 2, labels, values);
    chart(b, GK_CHART_PIE, 1, labels, values);          /* one part: the whole circle */
    static const int64_t zeros[] = {0, 0};
    chart(b, GK_CHART_PIE, 2, labels, zeros);           /* nothing to share */
    chart(b, GK_CHART_BAR, 0, labels, values);          /* nothing at all: not drawn */
    output o = write_doc(&b->doc);
    assert_true(o.ok);
    const char *s = o.data;
    assert_int_equal(count(s, "<svg viewBox="), 4);
    assert_int_equal(count(s, "role=\"img\""), 4);
    assert_int_equal(count(s, "<title id=\"fig-"), 4);
    assert_int_equal(count(s, "<desc id=\"fig-"), 4);
    assert_null(strstr(s, "id=\"fig-5\""));
    assert_contains(s, "<figure class=\"chart\" id=\"fig-1\">\n<figcaption>支出结构\n"
                       "<span class=\"c-unit\">单位：万元</span></figcaption>\n");
    assert_contains(s, "aria-labelledby=\"fig-1-t fig-1-d\"");
    /* Bars: the longest leaves room for its figure; half the amount, half the length; zero, no bar. */
    double w1 = 0, w2 = 0;
    const char *bar = strstr(s, "<rect x=\"1\" y=\"22\" width=\"");
    assert_non_null(bar);
    assert_int_equal(sscanf(bar, "<rect x=\"1\" y=\"22\" width=\"%lf\"", &w1), 1);
    bar = strstr(s, "<rect x=\"1\" y=\"68\" width=\"");
    assert_non_null(bar);
    assert_int_equal(sscanf(bar, "<rect x=\"1\" y=\"68\" width=\"%lf\"", &w2), 1);
    assert_true(w1 > 300 && w1 < 399);
    assert_true(w2 > w1 / 2 - 0.2 && w2 < w1 / 2 + 0.2);
    assert_null(strstr(s, "<rect x=\"1\" y=\"114\""));
    assert_contains(s, ">100.00</text>");
    assert_contains(s, ">0.00</text>");
    /* Pie of two: two slices, the larger one more than half the circle. */
    assert_int_equal(count(s, "<path d=\"M"), 2);
    assert_contains(s, " 0 1 1 ");
    assert_contains(s, " 0 0 1 ");
    /* One part: a full circle; nothing to share: an empty one. */
    assert_int_equal(count(s, "<circle "), 2);
    assert_contains(s, "r=\"90\" fill=\"#2e6199\"/>");
    assert_contains(s, "r=\"90\" fill=\"none\" stroke=\"#404040\"/>");
    assert_true(longest_tag(s) <= 80);
    free(o.data);
    builder_free(b);
}

static void test_same_bytes(void **state)
{
    (void)state;
    doc_builder *b = builder();
    add(b, GK_BLOCK_COVER)->text = b->doc.title;
    add(b, GK_BLOCK_TOC);
    heading(b, 1, "第二部分 公开报表");
    expense_table(b);
    static const char *const labels[] = {"基本支出", "项目支出"};
    static const int64_t values[] = {12345, 6789};
    chart(b, GK_CHART_PIE, 2, labels, values);
    output one = write_doc(&b->doc), two = write_doc(&b->doc);
    assert_true(one.ok && two.ok);
    assert_int_equal(one.len, two.len);
    assert_memory_equal(one.data, two.data, one.len);
    assert_contains(one.data, "<p class=\"date\">2024年6月</p>");
    free(one.data);
    free(two.data);
    builder_free(b);
}

static void test_empty(void **state)
{
    (void)state;
    doc_builder *b = builder();
    output o = write_doc(&b->doc);                       /* no blocks */
    assert_true(o.ok);
    assert_contains(o.data, "<main>\n</main>");
    free(o.data);
    add(b, GK_BLOCK_TOC);                                /* a 目录 with nothing after it */
    gk_block *t = add(b, GK_BLOCK_TABLE);                /* no rows, no columns, no title */
    (void)t;
    gk_block *t2 = add(b, GK_BLOCK_TABLE);               /* header rows only */
    t2->text = "空表";
    gk_grid *g = grid(b, t2, 2, 1, 1);
    cell(g, 0, 0, "项目", GK_ALIGN_CENTER);
    cell(g, 0, 1, "金额", GK_ALIGN_CENTER);
    gk_block *t3 = add(b, GK_BLOCK_TABLE);               /* rows of no columns */
    t3->text = "无栏表";
    t3->grid.nrows = 3;
    t3->grid.nheader = 2;
    o = write_doc(&b->doc);
    assert_true(o.ok);
    assert_contains(o.data, "（无标题）");
    assert_int_equal(count(o.data, "<tbody></tbody>"), 3);
    assert_int_equal(count(o.data, "<tr"), 1);
    assert_contains(o.data, "<thead><tr><th scope=\"col\" class=\"c\">项目</th>\t"
                            "<th scope=\"col\" class=\"c\">金额</th></tr></thead><tbody></tbody>");
    free(o.data);
    builder_free(b);
}

static void test_write_errors(void **state)
{
    (void)state;
    doc_builder *b = builder();
    add(b, GK_BLOCK_COVER)->text = b->doc.title;
    for (int i = 0; i < 20; i++)
        expense_table(b);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        gk_error err = {0};
        assert_false(gk_write_html(&b->doc, full, &err));
        assert_string_equal(err.message, "写入 HTML 失败：磁盘空间不足");
        fclose(full);
    }
    FILE *ro = fopen("/dev/null", "r");                 /* opened for reading */
    assert_non_null(ro);
    gk_error err = {0};
    assert_false(gk_write_html(&b->doc, ro, &err));
    assert_true(strncmp(err.message, "写入 HTML 失败：", strlen("写入 HTML 失败：")) == 0);
    fclose(ro);
    builder_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page),         cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_escaping),     cmocka_unit_test(test_charts),
        cmocka_unit_test(test_same_bytes),   cmocka_unit_test(test_empty),
        cmocka_unit_test(test_write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
