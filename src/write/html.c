/*
 * html.c — the document as one self-contained HTML5 page.
 *
 * Inline CSS and inline SVG, no script, nothing fetched: the file can be
 * mailed, put on a website as it is, opened on a phone or printed.  Tables
 * are semantic (caption, colgroup, thead with th scope, tbody, row headers)
 * and scroll sideways inside their own box on a narrow screen; print CSS
 * sets A4 pages, a page per part, landscape pages for wide tables, header
 * rows repeated and rows kept whole.
 *
 * The page is also written to read back: every table row is one line of
 * source with a tab between its cells, one per column (a cell spanning k
 * columns is followed by k tabs, a covered cell by its own), so that a
 * reader that strips the tags (src/read/lines.c) sees the same
 * tab-separated rows as the Markdown writer's pipe tables give it.  Tabs
 * between cells are inter-element white space: browsers ignore them.
 *
 * The output depends on the document alone (its cover's date line is
 * decided by compose): the same document gives the same bytes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

#ifndef GK_VERSION
#define GK_VERSION "0"
#endif

/* ---- Text ------------------------------------------------------------------ */

void gk_html_text(FILE *out, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *rep;
        switch (c) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        case '\t':
        case '\n':
        case '\r':
            rep = " ";
            break;
        default:
            rep = c < 0x20 || c == 0x7F ? "" : NULL;
            break;
        }
        if (!rep)
            continue;
        fwrite(run, 1, (size_t)(s - run), out);
        fputs(rep, out);
        run = s + 1;
    }
    fwrite(run, 1, (size_t)(s - run), out);
}

double gk_html_text_ems(const char *s)
{
    double w = 0;
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x80)
            w += c == ' ' || c == '.' || c == ',' ? 0.3 : 0.56;
        else if (c >= 0xE0)
            w += 1.0;                     /* 3- and 4-byte sequences: CJK, fullwidth */
        else if (c >= 0xC0)
            w += 0.6;
    }
    return w;
}

/* ---- The writer ------------------------------------------------------------ */

typedef struct html {
    FILE *out;
    const gk_doc *d;
    int *seq;     /* per block: its 1-based number among the blocks of its kind */
} html;

static void put(const html *h, const char *s)
{
    fputs(s, h->out);
}

static void esc(const html *h, const char *s)
{
    gk_html_text(h->out, s);
}

/* The element id of block i (a heading, table or chart). */
static const char *block_id(const html *h, size_t i, char *buf, size_t size)
{
    const gk_block *b = &h->d->blocks[i];
    const char *kind = b->kind == GK_BLOCK_HEADING ? "sec"
                       : b->kind == GK_BLOCK_TABLE ? "table"
                                                   : "fig";
    snprintf(buf, size, "%s-%d", kind, h->seq[i]);
    return buf;
}

static int clamp_level(int level)
{
    return level < 1 ? 1 : level > 3 ? 3 : level;
}

/* ---- Head and style ----------------------------------------------------------- */

/* Screen first (a phone's width up), then print.  The font stack names the
 * CJK faces of the common systems; nothing is downloaded. */
static const char CSS[] =
    ":root { color-scheme: light; }\n"
    "*, *::before, *::after { box-sizing: border-box; }\n"
    "html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }\n"
    "body { margin: 0 auto; max-width: 62rem; padding: 1rem 1rem 3rem; color: #1a1a1a; "
    "background: #fff;\n"
    "  font: 16px/1.75 \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", "
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", system-ui, -apple-system, sans-serif; }\n"
    /* The serif body (render --serif): 宋体-like faces, headings in the sans ones. */
    "body.serif { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", "
    "\"STSong\", SimSun, \"宋体\", serif; }\n"
    "body.serif h1, body.serif h2, body.serif h3, body.serif th, body.serif caption {\n"
    "  font-family: \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", "
    "sans-serif; }\n"
    "h1, h2, h3 { line-height: 1.4; font-weight: 700; }\n"
    "h1 { font-size: 1.5rem; text-align: center; margin: 3rem 0 1.25rem; }\n"
    "h2 { font-size: 1.2rem; margin: 1.75rem 0 .75rem; }\n"
    "h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }\n"
    "p { margin: 0 0 .75rem; text-indent: 2em; overflow-wrap: anywhere; }\n"
    "a { color: #1f4e85; }\n"
    ".cover { min-height: min(80vh, 36rem); display: flex; flex-direction: column; justify-content: center;\n"
    "  align-items: center; text-align: center; gap: 2.5rem; padding: 2rem 0; }\n"
    ".cover h1 { font-size: 2rem; margin: 0; }\n"
    ".cover p { text-indent: 0; text-align: center; margin: 0; font-size: 1.25rem; }\n"
    ".cover .date { font-size: 1.1rem; }\n"
    ".toc h2 { text-align: center; font-size: 1.35rem; }\n"
    ".toc ol { list-style: none; margin: 0; padding: 0; }\n"
    ".toc ol ol { padding-left: 2em; }\n"
    ".toc li { margin: .3rem 0; }\n"
    ".toc a { text-decoration: none; }\n"
    ".toc a:hover { text-decoration: underline; }\n"
    ".toc > ol > li > a { font-weight: 700; }\n"
    ".table-block { margin: 1.5rem 0 2.25rem; }\n"
    ".wrap { overflow-x: auto; max-width: 100%; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: .875rem; line-height: 1.45;\n"
    "  font-variant-numeric: tabular-nums; }\n"
    /* Chromium centres a caption's blocks (-webkit-center): the .cap box starts at the left. */
    "caption { padding-bottom: .5rem; text-align: left; }\n"
    /* Sticky: on a narrow screen the caption stays in view while the table scrolls. */
    ".cap { display: flex; flex-direction: column; position: sticky; left: 0;\n"
    "  max-width: calc(min(100vw, 62rem) - 2rem); }\n"
    ".t-title { font-size: 1.1rem; font-weight: 700; text-align: center; }\n"
    ".t-no { order: -1; align-self: flex-end; font-size: .85rem; }\n"
    ".t-unit { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1.5em;\n"
    "  font-size: .85rem; text-align: left; }\n"
    ".t-amt { margin-left: auto; }\n"
    "th, td { border: 1px solid #595959; padding: .3rem .5rem; vertical-align: middle; }\n"
    "thead th { background: #ececec; font-weight: 700; }\n"
    "tbody th { font-weight: 400; min-width: 7em; }\n"
    ".l { text-align: left; }\n"
    ".c { text-align: center; }\n"
    ".r { text-align: right; white-space: nowrap; }\n"
    "tr.total th, tr.total td { font-weight: 700; }\n"
    ".t-note { text-indent: 0; font-size: .875rem; margin-top: .5rem; }\n"
    ".chart { margin: 1.25rem auto 1.75rem; max-width: 26rem; }\n"
    ".chart figcaption { text-align: center; font-weight: 700; margin-bottom: .5rem; }\n"
    ".chart .c-unit { display: block; text-align: right; font-weight: 400; font-size: .85rem; }\n"
    ".chart svg { display: block; width: 100%; height: auto; }\n"
    "@media (max-width: 40rem) {\n"
    "  body { padding: .75rem .75rem 2rem; }\n"
    "  h1 { font-size: 1.3rem; margin-top: 2rem; }\n"
    "  .cover h1 { font-size: 1.6rem; }\n"
    "  table { font-size: .8125rem; }\n"
    /* Narrow columns make tall rows: the table scrolls sideways instead. */
    "  tbody th { min-width: 9em; }\n"
    "  thead th { min-width: 4.5em; }\n"
    "}\n"
    "@page { size: A4; margin: 20mm 16mm 18mm; }\n"
    "@page wide { size: A4 landscape; margin: 16mm 14mm; }\n"
    "@media print {\n"
    "  body { max-width: none; padding: 0; font-size: 11pt; }\n"
    "  h1 { break-before: page; margin-top: 0; }\n"
    "  .cover h1 { break-before: auto; }\n"
    "  h1, h2, h3, caption { break-after: avoid; }\n"
    "  .cover { min-height: 230mm; break-after: page; }\n"
    "  .page-break { break-after: page; }\n"
    "  p { orphans: 2; widows: 2; }\n"
    "  a { color: inherit; text-decoration: none; }\n"
    "  .wrap { overflow: visible; }\n"
    "  .cap { position: static; max-width: none; }\n"
    "  table { font-size: 9pt; }\n"
    "  .wide { page: wide; }\n"
    "  .wide table { font-size: 8pt; }\n"
    "  thead { display: table-header-group; }\n"
    "  tr, .chart { break-inside: avoid; }\n"
    /* A table's title, number and unit line stay with its header and first
     * rows: never alone at the foot of a page. */
    "  caption, .cap { break-inside: avoid; break-after: avoid; }\n"
    /* The 目录 set close, as printed ones are: 31 lines of a 决算 on one
     * page, not a page and two lines. */
    "  .toc li { margin: 0; line-height: 1.55; }\n"
    "  .toc h2 { margin: 0 0 .75rem; }\n"
    "  thead, tbody tr:first-child { break-before: avoid; break-inside: avoid; }\n"
    "  .table-block { break-before: auto; }\n"
    "  thead th { background: #ececec; print-color-adjust: exact; -webkit-print-color-adjust: "
    "exact; }\n"
    "}\n";

static void head(const html *h)
{
    const gk_doc *d = h->d;
    put(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(h, d->title ? d->title : "");
    put(h, "</title>\n");
    if (d->unit && *d->unit) {
        put(h, "<meta name=\"author\" content=\"");
        esc(h, d->unit);
        put(h, "\">\n");
    }
    if (d->year > 0)
        fprintf(h->out, "<meta name=\"description\" content=\"%d%s\">\n", d->year,
                d->kind == GK_DOC_BUDGET ? "年部门预算公开" : "年度部门决算公开");
    put(h, "<meta name=\"generator\" content=\"gongkai " GK_VERSION "\">\n<style>\n");
    put(h, CSS);
    put(h, d->serif ? "</style>\n</head>\n<body class=\"serif\">\n<main>\n"
                    : "</style>\n</head>\n<body>\n<main>\n");
}

/* ---- Blocks ------------------------------------------------------------------ */

static void cover(const html *h, const gk_block *b)
{
    put(h, "<header class=\"cover\">\n<h1>");
    esc(h, b->text && *b->text ? b->text : h->d->title);
    put(h, "</h1>\n");
    if (b->sub && *b->sub) {
        put(h, "<p class=\"unit\">");
        esc(h, b->sub);
        put(h, "</p>\n");
    }
    if (h->d->date_line && *h->d->date_line) {
        put(h, "<p class=\"date\">");
        esc(h, h->d->date_line);
        put(h, "</p>\n");
    }
    put(h, "</header>\n");
}

/* 目录: the document's (gk_doc.toc) as links, level-2 entries nested under
 * their part. */
static void toc(const html *h)
{
    const gk_doc *d = h->d;
    put(h, "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">目录</h2>\n<ol>\n");
    bool part_open = false, sub_open = false;
    char id[32];
    for (size_t k = 0; k < d->ntoc; k++) {
        const gk_toc_entry *e = &d->toc[k];
        if (e->level == 1) {
            if (sub_open)
                put(h, "</ol>\n");
            if (part_open)
                put(h, "</li>\n");
            sub_open = false;
            part_open = true;
        } else if (part_open && !sub_open) {
            put(h, "<ol>\n");
            sub_open = true;
        }
        fprintf(h->out, "<li><a href=\"#%s\">", block_id(h, e->block, id, sizeof id));
        esc(h, e->text);
        put(h, e->level == 1 ? "</a>\n" : "</a></li>\n");
    }
    if (sub_open)
        put(h, "</ol>\n");
    if (part_open)
        put(h, "</li>\n");
    put(h, "</ol>\n</nav>\n");
}

static void heading(const html *h, size_t i)
{
    const gk_block *b = &h->d->blocks[i];
    int level = clamp_level(b->level);
    char id[32];
    fprintf(h->out, "<h%d id=\"%s\">", level, block_id(h, i, id, sizeof id));
    esc(h, b->text);
    fprintf(h->out, "</h%d>\n", level);
}

/* A paragraph; a line break in its text stays one. */
static void paragraph(const html *h, const gk_block *b)
{
    if (!b->text || !*b->text)
        return;
    put(h, "<p>");
    const char *s = b->text;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char *line = malloc(n + 1);
        if (!line)
            abort();
        memcpy(line, s, n);
        line[n] = '\0';
        esc(h, line);
        free(line);
        if (!nl)
            break;
        put(h, "<br>\n");
        s = nl + 1;
    }
    put(h, "</p>\n");
}

/* ---- Tables ---------------------------------------------------------------- */

static const char *align_class(gk_align a)
{
    return a == GK_ALIGN_RIGHT ? "r" : a == GK_ALIGN_CENTER ? "c" : "l";
}

/* Label columns, whose body cells are row headers (th scope="row"): text
 * columns (no amount, nothing right-aligned) standing left of an amount
 * column — 科目名称 before its figures, each side's 项目 of a two-sided
 * summary.  Code columns and forms without amounts get none. */
static void label_columns(const gk_grid *g, bool *label)
{
    bool *amounts = calloc((size_t)g->ncols, sizeof *amounts);
    bool *text = calloc((size_t)g->ncols, sizeof *text);
    bool *other = calloc((size_t)g->ncols, sizeof *other);
    if (!amounts || !text || !other)
        abort();
    for (int r = g->nheader; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *cell = gk_grid_at(g, r, c);
            if (!cell->colspan || !cell->text || !*cell->text)
                continue;
            if (cell->is_amount)
                amounts[c] = true;
            if (cell->is_amount || cell->align == GK_ALIGN_RIGHT)
                other[c] = true;
            else
                text[c] = true;
        }
    for (int c = 0; c < g->ncols; c++)
        label[c] = text[c] && !other[c] && c + 1 < g->ncols && amounts[c + 1];
    free(amounts);
    free(text);
    free(other);
}

/* Wide enough to need a landscape page in print: the widths the cells
 * cannot wrap below (figures, codes; text columns at 6 em at most) add up
 * to more than a portrait page holds at 9 pt (A4 less margins: 178 mm,
 * about 56 em). */
static bool wide_table(const gk_grid *g)
{
    double total = 0;
    for (int c = 0; c < g->ncols; c++) {
        double w = 2;                               /* a blank column */
        for (int r = 0; r < g->nrows; r++) {
            const gk_grid_cell *cell = gk_grid_at(g, r, c);
            if (cell->colspan != 1)
                continue;
            double e = gk_html_text_ems(cell->text);
            if (cell->align != GK_ALIGN_RIGHT && !cell->is_amount && e > 6)
                e = 6;
            w = e > w ? e : w;
        }
        total += w + 1;                             /* and the cell's padding */
    }
    return total > 56;
}

/* A percentage of the table's width, to one decimal. */
static void percent(FILE *out, double share)
{
    long t = (long)(share * 1000 + 0.5);
    if (t % 10)
        fprintf(out, "%ld.%ld%%", t / 10, t % 10);
    else
        fprintf(out, "%ld%%", t / 10);
}

/* One grid row on one line, a tab per column boundary (see the top). */
static void grid_row(const html *h, const gk_grid *g, int r, const bool *label)
{
    bool header = r < g->nheader;
    put(h, g->total && g->total[r] ? "<tr class=\"total\">" : "<tr>");
    for (int c = 0; c < g->ncols; c++) {
        const gk_grid_cell *cell = gk_grid_at(g, r, c);
        if (cell->colspan > 0 && cell->rowspan > 0) {
            const char *tag = "td", *scope = NULL;
            if (header) {
                tag = "th";
                scope = cell->colspan > 1 ? "colgroup" : "col";
            } else if (label[c] && cell->text && *cell->text) {
                tag = "th";
                scope = "row";
            }
            fprintf(h->out, "<%s", tag);
            if (scope)
                fprintf(h->out, " scope=\"%s\"", scope);
            if (cell->colspan > 1)
                fprintf(h->out, " colspan=\"%d\"", cell->colspan);
            if (cell->rowspan > 1)
                fprintf(h->out, " rowspan=\"%d\"", cell->rowspan);
            fprintf(h->out, " class=\"%s\">", align_class(cell->align));
            esc(h, cell->text);
            fprintf(h->out, "</%s>", tag);
        }
        if (c + 1 < g->ncols)
            put(h, "\t");
    }
    put(h, "</tr>");
}

static void table(const html *h, size_t i)
{
    const gk_block *b = &h->d->blocks[i];
    const gk_grid *g = &b->grid;
    char id[32];
    block_id(h, i, id, sizeof id);
    fprintf(h->out, "<section class=\"table-block%s\" id=\"%s\">\n",
            g->ncols > 0 && wide_table(g) ? " wide" : "", id);
    /* No line of the table's source is tags alone: a reader that strips
     * them would see a blank line, and a blank line may end a table.  No
     * tag longer than 80 characters: src/read/lines.c strips none longer. */
    fprintf(h->out,
            "<div class=\"wrap\" role=\"region\" aria-labelledby=\"%s-t\" tabindex=\"0\">"
            "<table>\n<caption><div class=\"cap\"><span class=\"t-title\" id=\"%s-t\">",
            id, id);
    esc(h, b->text && *b->text ? b->text : "（无标题）");
    put(h, "</span>");
    if (b->sub && *b->sub) {
        put(h, "\n<span class=\"t-no\">");
        esc(h, b->sub);
        put(h, "</span>");
    }
    bool dept = b->unit_name_line && *b->unit_name_line, amt = b->unit_line && *b->unit_line;
    if (dept || amt) {
        put(h, "\n<span class=\"t-unit\">");
        if (dept) {
            put(h, "<span class=\"t-dept\">");
            esc(h, b->unit_name_line);
            put(h, amt ? "</span>\n" : "</span>");
        }
        if (amt) {
            put(h, "<span class=\"t-amt\">");
            esc(h, b->unit_line);
            put(h, "</span>");
        }
        put(h, "</span>");
    }
    put(h, "</div></caption>");
    if (g->widths && g->ncols > 0) {
        put(h, "<colgroup>");
        for (int c = 0; c < g->ncols; c++) {
            put(h, "<col style=\"width:");
            percent(h->out, g->widths[c] > 0 ? g->widths[c] : 0);
            put(h, "\">");
        }
        put(h, "</colgroup>");
    }
    put(h, "\n");
    bool *label = calloc(g->ncols > 0 ? (size_t)g->ncols : 1, sizeof *label);
    if (!label)
        abort();
    if (g->ncols > 0)
        label_columns(g, label);
    /* A grid without columns has no cells to show: no rows (a row without
     * cells is an error in HTML's table model). */
    int nrows = g->ncols > 0 ? g->nrows : 0;
    int nheader = g->nheader < nrows ? g->nheader : nrows;
    for (int r = 0; r < nrows; r++) {
        if (r == 0 && nheader > 0)
            put(h, "<thead>");
        if (r == nheader)
            put(h, "<tbody>");
        grid_row(h, g, r, label);
        if (r == nheader - 1)
            put(h, "</thead>");
        put(h, r + 1 < nrows ? "\n" : "");
    }
    if (nheader == nrows)
        put(h, "<tbody></tbody>");          /* a table without rows */
    else
        put(h, "</tbody>");
    put(h, "</table></div>\n");
    free(label);
    if (b->note && *b->note) {
        put(h, "<p class=\"t-note\">");
        esc(h, b->note);
        put(h, "</p>\n");
    }
    put(h, "</section>\n");
}

/* ---- Charts ---------------------------------------------------------------- */

static void chart(const html *h, size_t i)
{
    const gk_chart *c = &h->d->blocks[i].chart;
    if (!c->items || c->nitems == 0)
        return;
    char id[32];
    block_id(h, i, id, sizeof id);
    fprintf(h->out, "<figure class=\"chart\" id=\"%s\">\n<figcaption>", id);
    esc(h, c->title && *c->title ? c->title : "图表");
    if (c->unit && *c->unit) {
        put(h, "\n<span class=\"c-unit\">单位：");
        esc(h, c->unit);
        put(h, "</span>");
    }
    put(h, "</figcaption>\n");
    gk_svg_chart(h->out, c, id);
    put(h, "</figure>\n");
}

/* ---- The document ------------------------------------------------------------ */

static const char *reason(int e)
{
    switch (e) {
    case ENOSPC:
        return "磁盘空间不足";
    case EDQUOT:
        return "超出磁盘配额";
    case EFBIG:
        return "文件过大";
    case EBADF:
        return "输出流已关闭或不可写";
    case EPIPE:
        return "管道已关闭";
    case EIO:
        return "输入/输出错误";
    case EROFS:
        return "文件系统只读";
    default:
        return strerror(e);
    }
}

/* A forced page break where the next block does not start a page of its
 * own already (a part's heading, the cover). */
static bool needs_break(const gk_doc *d, size_t i)
{
    for (size_t j = i + 1; j < d->nblocks; j++) {
        const gk_block *b = &d->blocks[j];
        if (b->kind == GK_BLOCK_PAGE_BREAK)
            return false;                     /* the last of a run breaks */
        if (b->kind == GK_BLOCK_HEADING && clamp_level(b->level) == 1)
            return false;
        if (b->kind == GK_BLOCK_COVER)
            return false;
        return true;
    }
    return false;                             /* nothing after it */
}

bool gk_write_html(const gk_doc *d, FILE *out, gk_error *err)
{
    html h = {out, d, NULL};
    h.seq = calloc(d->nblocks ? d->nblocks : 1, sizeof *h.seq);
    if (!h.seq)
        abort();
    int headings = 0, tables = 0, charts = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        gk_block_kind k = d->blocks[i].kind;
        h.seq[i] = k == GK_BLOCK_HEADING ? ++headings
                   : k == GK_BLOCK_TABLE ? ++tables
                   : k == GK_BLOCK_CHART ? ++charts
                                         : 0;
    }
    errno = 0;
    head(&h);
    for (size_t i = 0; i < d->nblocks && !ferror(out); i++) {
        const gk_block *b = &d->blocks[i];
        switch (b->kind) {
        case GK_BLOCK_COVER:
            cover(&h, b);
            break;
        case GK_BLOCK_TOC:
            toc(&h);
            break;
        case GK_BLOCK_HEADING:
            heading(&h, i);
            break;
        case GK_BLOCK_PARAGRAPH:
            paragraph(&h, b);
            break;
        case GK_BLOCK_TABLE:
            table(&h, i);
            break;
        case GK_BLOCK_CHART:
            chart(&h, i);
            break;
        case GK_BLOCK_PAGE_BREAK:
            if (needs_break(d, i))
                put(&h, "<div class=\"page-break\"></div>\n");
            break;
        }
    }
    put(&h, "</main>\n</body>\n</html>\n");
    free(h.seq);
    /* The errno of the first failed write, before fflush can change it. */
    int e = ferror(out) ? errno : 0;
    if (fflush(out) != 0 || ferror(out)) {
        e = e ? e : errno ? errno : EIO;
        gk_error_set(err, 0, 0, "写入 HTML 失败：%s", reason(e));
        return false;
    }
    return true;
}
