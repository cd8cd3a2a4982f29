/*
 * write/xlsx.c — the document as an Excel workbook (libxlsxwriter).
 *
 * The layout finance staff know from the official templates: one sheet per
 * table, in document order, named by the table's number (公开01表) or its
 * title; on each, the title merged across the table's width, the number at
 * the right under it (the national 决算 layout, which is also the order the
 * text reader reads), the unit line (编制部门 left, 金额单位 right), then the grid —
 * header rows bold and centred with their merged cells, body rows with
 * borders, amounts as numbers in the number format of their decimals (0.00),
 * codes and labels as text, total rows bold — and the note under it.  Header
 * rows are frozen and repeated on every printed page; A4, landscape when the
 * table is wide, fitted to the page's width.  A first sheet, 封面与说明,
 * holds the title, unit and year and every heading and paragraph of the
 * document, with a link to each table's sheet, so that nothing is lost.  A
 * last sheet, 补充信息, lists the report's facts (事项, 内容: 上年/…, 原因/…),
 * which the reader takes back, so that the workbook renders the same
 * document again.
 *
 * Amounts go to the file as doubles (libxlsxwriter takes nothing else): an
 * amount of up to 15 significant digits becomes the double nearest to it,
 * which the reader (read/xlsx_format.c) turns back into the same decimal
 * through the cell's format.
 *
 * libxlsxwriter writes to a file name, so the workbook is made in a
 * temporary file (in $TMPDIR or /tmp), copied to `out` and removed, in
 * every path.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gongkai/render.h"

#define FONT "宋体"
#define SHEET_NAME_MAX 31       /* characters, Excel's limit */
#define COVER_SHEET "封面与说明"
#define FACTS_SHEET "补充信息"     /* the facts, read back by read/xlsx.c */
#define COVER_WIDTH 100.0       /* characters: the cover's one column */
#define LINE_HEIGHT 15.0        /* points per line of wrapped text */

typedef struct formats {
    lxw_format *number, *title, *unit_left, *unit_right, *header, *note;
    lxw_format *text[2][3];     /* [bold][align] */
    lxw_format *amount[2][GK_AMOUNT_MAX_SCALE + 1];
    lxw_format *cover_title, *cover_line, *heading[3], *paragraph, *link;
} formats;

typedef struct writer {
    lxw_workbook *wb;
    formats f;
    lxw_error failed;           /* the first library error */
    char (*names)[SHEET_NAME_MAX * 4 + 1];  /* the sheet of each block, "" for none */
    char (*used)[SHEET_NAME_MAX * 4 + 1];   /* every sheet name given */
    size_t nused;
    /* A workbook to be filled in (the source's parts): the amount columns of
     * a 万元 table show what is typed in them with two decimals. */
    bool entry;
} writer;

static void check(writer *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->failed == LXW_NO_ERROR)
        w->failed = e;
}

/* ---- Formats ------------------------------------------------------------- */

static lxw_format *format(writer *w, double size, bool bold)
{
    lxw_format *f = workbook_add_format(w->wb);
    format_set_font_name(f, FONT);
    format_set_font_size(f, size);
    if (bold)
        format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

static lxw_format *boxed(writer *w, bool bold, uint8_t align)
{
    lxw_format *f = format(w, 10, bold);
    format_set_align(f, align);
    format_set_border(f, LXW_BORDER_THIN);
    return f;
}

static void make_formats(writer *w)
{
    formats *f = &w->f;
    static const uint8_t ALIGN[] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT};
    f->number = format(w, 10, false);
    format_set_align(f->number, LXW_ALIGN_RIGHT);
    f->title = format(w, 16, true);
    format_set_align(f->title, LXW_ALIGN_CENTER);
    f->unit_left = format(w, 10, false);
    f->unit_right = format(w, 10, false);
    format_set_align(f->unit_right, LXW_ALIGN_RIGHT);
    f->header = boxed(w, true, LXW_ALIGN_CENTER);
    format_set_text_wrap(f->header);
    f->note = format(w, 10, false);
    format_set_text_wrap(f->note);
    format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
    for (int b = 0; b < 2; b++) {
        for (int a = 0; a < 3; a++) {
            f->text[b][a] = boxed(w, b, ALIGN[a]);
            format_set_text_wrap(f->text[b][a]);
        }
        for (int s = 0; s <= GK_AMOUNT_MAX_SCALE; s++) {
            char code[16] = "0";
            if (s > 0)
                snprintf(code, sizeof code, "0.%.*s", s, "000000000");
            f->amount[b][s] = boxed(w, b, LXW_ALIGN_RIGHT);
            format_set_num_format(f->amount[b][s], code);
        }
    }
    f->cover_title = format(w, 20, true);
    format_set_text_wrap(f->cover_title);
    f->cover_line = format(w, 12, false);
    for (int l = 0; l < 3; l++)
        f->heading[l] = format(w, l == 0 ? 16 : l == 1 ? 13 : 12, true);
    f->paragraph = format(w, 11, false);
    format_set_text_wrap(f->paragraph);
    format_set_align(f->paragraph, LXW_ALIGN_VERTICAL_TOP);
    f->link = format(w, 11, false);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f->link, LXW_COLOR_BLUE);
}

/* ---- Text measures --------------------------------------------------------- */

/* Width in Excel's character units: a Chinese character is two. */
static double text_width(const char *s)
{
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80)
            w += 1;
        else if (*p >= 0xC0)
            w += *p >= 0xE0 ? 2 : 1;
    return w;
}

/* The lines `s` wraps to in a column `width` characters wide. */
static int lines_in(const char *s, double width)
{
    double w = text_width(s);
    int n = width > 0 ? (int)((w + width - 1) / width) : 1;
    return n < 1 ? 1 : n;
}

/* ---- Sheet names ------------------------------------------------------------ */

/* The bytes of the first `chars` characters of s. */
static size_t utf8_prefix(const char *s, size_t chars)
{
    size_t i = 0, c = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && c++ == chars)
            break;
    return i;
}

/* A sheet name from `want` into out: without []:*?/\ and apostrophes at its
 * ends, at most 31 characters, unique (Excel compares case-insensitively),
 * never empty; then recorded as used. */
static void sheet_name(writer *w, const char *want, size_t index, char *out)
{
    char *clean = malloc(strlen(want ? want : "") + 16);
    if (!clean)
        abort();
    size_t n = 0;
    for (const char *p = want ? want : ""; *p; p++)
        if (!strchr("[]:*?/\\\r\n\t", *p))
            clean[n++] = *p;
    clean[n] = '\0';
    char *b = clean;
    while (*b == '\'' || *b == ' ')
        b++;
    while (n > 0 && (clean[n - 1] == '\'' || clean[n - 1] == ' ') && clean + n > b)
        clean[--n] = '\0';
    if (!*b)
        snprintf(b = clean, 16, "表%zu", index);
    for (int i = 1;; i++) {
        char suffix[16] = "";
        if (i > 1)
            snprintf(suffix, sizeof suffix, "(%d)", i);
        snprintf(out, SHEET_NAME_MAX * 4 + 1, "%.*s%s",
                 (int)utf8_prefix(b, SHEET_NAME_MAX - strlen(suffix)), b, suffix);
        bool taken = false;
        for (size_t j = 0; j < w->nused && !taken; j++)
            taken = strcasecmp(w->used[j], out) == 0;
        if (!taken)
            break;
    }
    free(clean);
    memcpy(w->used[w->nused++], out, sizeof *w->used);
}

static lxw_worksheet *add_sheet(writer *w, const char *name)
{
    lxw_error e = workbook_validate_sheet_name(w->wb, name);
    lxw_worksheet *ws = e == LXW_NO_ERROR ? workbook_add_worksheet(w->wb, name) : NULL;
    if (!ws)
        check(w, e != LXW_NO_ERROR ? e : LXW_ERROR_MEMORY_MALLOC_FAILED);
    return ws;
}

/* A sheet of text lines (封面, 目录, a prose part): one wide column on A4,
 * one page wide when `fit`. */
static lxw_worksheet *text_sheet(writer *w, const char *name, bool fit)
{
    lxw_worksheet *ws = add_sheet(w, name);
    if (!ws)
        return NULL;
    check(w, worksheet_set_column(ws, 0, 0, COVER_WIDTH, NULL));
    worksheet_set_paper(ws, 9);
    if (fit)
        worksheet_fit_to_pages(ws, 1, 0);
    return ws;
}

/* ---- A table's sheet --------------------------------------------------------- */

static lxw_format *cell_format(const formats *f, const gk_grid_cell *c, bool header, bool total)
{
    if (header)
        return f->header;
    if (c->is_amount)
        return f->amount[total][c->value.scale <= GK_AMOUNT_MAX_SCALE ? c->value.scale : 2];
    return f->text[total][c->align == GK_ALIGN_CENTER ? 1 : c->align == GK_ALIGN_RIGHT ? 2 : 0];
}

/* Excel keeps 15 significant digits: an amount with more is written as
 * text, so that it stays exact. */
static bool fits_double(gk_amount a)
{
    return a.v > -1000000000000000LL && a.v < 1000000000000000LL;
}

/* The exact amount as the nearest double: v and 10^scale are both exact
 * doubles (|v| < 2^53 for 15 significant digits), and IEEE division rounds
 * their quotient correctly. */
static double amount_double(gk_amount a)
{
    double p = 1;
    for (unsigned i = 0; i < a.scale; i++)
        p *= 10;
    return (double)a.v / p;
}

/* Column widths in characters: the grid's shares of a width that grows with
 * the columns, widened to fit the body's text (up to a limit). */
static void column_widths(const gk_grid *g, double *out)
{
    double total = 10.0 * g->ncols + 30;
    for (int c = 0; c < g->ncols; c++) {
        double w = g->widths ? g->widths[c] * total : total / g->ncols;
        for (int r = g->nheader; r < g->nrows; r++) {
            const gk_grid_cell *cell = gk_grid_at(g, r, c);
            if (cell->colspan == 1) {
                double need = text_width(cell->text) + 2;
                if (need > w)
                    w = need < 50 ? need : 50;
            }
        }
        out[c] = w < 6 ? 6 : w;
    }
}

static void write_grid(writer *w, lxw_worksheet *ws, const gk_grid *g, lxw_row_t top,
                       const double *width, const bool *typed)
{
    const formats *f = &w->f;
    for (int r = 0; r < g->nrows; r++) {
        bool header = r < g->nheader, total = !header && g->total && g->total[r];
        int lines = 1;
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *cell = gk_grid_at(g, r, c);
            if (cell->colspan <= 0 || cell->rowspan <= 0)
                continue;                     /* covered by a merged cell */
            int rs = cell->rowspan, cs = cell->colspan;
            if (r + rs > g->nrows)
                rs = g->nrows - r;
            if (c + cs > g->ncols)
                cs = g->ncols - c;
            lxw_row_t row = top + (lxw_row_t)r;
            lxw_col_t col = (lxw_col_t)c;
            lxw_format *fmt = cell_format(f, cell, header, total);
            bool number = cell->is_amount && fits_double(cell->value);
            if (rs > 1 || cs > 1)
                check(w, worksheet_merge_range(ws, row, col, row + (lxw_row_t)(rs - 1),
                                               col + (lxw_col_t)(cs - 1), number ? "" : cell->text, fmt));
            if (number)
                check(w, worksheet_write_number(ws, row, col, amount_double(cell->value), fmt));
            else if (cell->is_amount && rs == 1 && cs == 1)
                check(w, worksheet_write_string(ws, row, col, cell->text, fmt));
            else if (rs == 1 && cs == 1) {
                if (cell->text[0])
                    check(w, worksheet_write_string(ws, row, col, cell->text, fmt));
                else                          /* to be filled in: as amounts show */
                    check(w, worksheet_write_blank(
                                 ws, row, col, !header && typed && typed[c] ? f->amount[total][2] : fmt));
            }
            if (rs == 1 && (header || !cell->is_amount)) {
                double span = 0;
                for (int k = c; k < c + cs; k++)
                    span += width[k];
                int n = lines_in(cell->text, span - 1);
                if (n > lines)
                    lines = n;
            }
        }
        if (lines > 1)
            check(w, worksheet_set_row(ws, top + (lxw_row_t)r, LINE_HEIGHT * (lines > 6 ? 6 : lines), NULL));
    }
}

/* Is column c one of labels or codes: under a header "项目", or one that
 * names 编码, 代码 or 名称? */
static bool label_column(const gk_grid *g, int c)
{
    for (int r = 0; r < g->nheader; r++)
        for (int k = 0; k <= c; k++) {
            const gk_grid_cell *x = gk_grid_at(g, r, k);
            if (x->colspan == 0 || k + x->colspan <= c || !x->text)
                continue;
            if (strcmp(x->text, "项目") == 0 || strstr(x->text, "编码") || strstr(x->text, "代码") ||
                strstr(x->text, "名称"))
                return true;
        }
    return false;
}

static void table_sheet(writer *w, const gk_block *b, const char *name)
{
    const formats *f = &w->f;
    const gk_grid *g = &b->grid;
    lxw_worksheet *ws = add_sheet(w, name);
    if (!ws)
        return;
    int ncols = g->ncols > 0 ? g->ncols : 1;
    lxw_col_t last = (lxw_col_t)(ncols - 1);
    double *width = calloc((size_t)ncols, sizeof *width);
    if (!width) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    if (g->ncols > 0)
        column_widths(g, width);
    else
        width[0] = 40;
    double sum = 0;
    bool wan = b->unit_line && strstr(b->unit_line, "万元");
    bool *typed = calloc((size_t)ncols, sizeof *typed);
    if (!typed) {
        free(width);
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (int c = 0; c < ncols; c++) {
        typed[c] = w->entry && wan && c < g->ncols && !label_column(g, c);
        check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c],
                                      typed[c] ? f->amount[0][2] : NULL));
        sum += width[c];
    }

    lxw_row_t r = 0;
    const char *title = b->text ? b->text : "";
    if (last > 0)
        check(w, worksheet_merge_range(ws, r, 0, r, last, title, f->title));
    else
        check(w, worksheet_write_string(ws, r, 0, title, f->title));
    check(w, worksheet_set_row(ws, r++, 30, NULL));
    if (b->sub)                               /* 公开01表, at the right under the title */
        check(w, worksheet_write_string(ws, r++, last, b->sub, f->number));
    if (b->unit_name_line || b->unit_line) {
        if (b->unit_name_line)
            check(w, worksheet_write_string(ws, r, 0, b->unit_name_line, f->unit_left));
        if (b->unit_line)
            check(w, worksheet_write_string(ws, r, b->unit_name_line && last == 0 ? 1 : last, b->unit_line,
                                            f->unit_right));
        r++;
    }
    lxw_row_t top = r;
    write_grid(w, ws, g, top, width, typed);
    free(typed);
    r = top + (lxw_row_t)g->nrows;
    if (b->note) {                            /* right under the table: it belongs to it */
        if (last > 0)
            check(w, worksheet_merge_range(ws, r, 0, r, last, b->note, f->note));
        else
            check(w, worksheet_write_string(ws, r, 0, b->note, f->note));
        int n = lines_in(b->note, sum - 2);
        if (n > 1)
            check(w, worksheet_set_row(ws, r, LINE_HEIGHT * n, NULL));
    }

    if (g->nheader > 0 && g->nheader < g->nrows) {
        worksheet_freeze_panes(ws, top + (lxw_row_t)g->nheader, 0);
        check(w, worksheet_repeat_rows(ws, top, top + (lxw_row_t)g->nheader - 1));
    }
    worksheet_set_paper(ws, 9);               /* A4 */
    if (ncols > 6 || sum > 100)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
    if (g->nrows > 0) {                       /* codes and 栏次 are text on purpose */
        char range[32];
        lxw_rowcol_to_range(range, top, 0, top + (lxw_row_t)g->nrows - 1, last);
        check(w, worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range));
    }
    free(width);
}

/* ---- The cover sheet ----------------------------------------------------------- */

static void cover_text(writer *w, lxw_worksheet *ws, lxw_row_t *r, const char *text, lxw_format *fmt,
                       double height)
{
    check(w, worksheet_write_string(ws, *r, 0, text, fmt));
    int n = lines_in(text, COVER_WIDTH - 2);
    if (n > 1 || height > 0)
        check(w, worksheet_set_row(ws, *r, n > 1 ? LINE_HEIGHT * n : height, NULL));
    (*r)++;
}

static void cover_sheet(writer *w, const gk_doc *d)
{
    const formats *f = &w->f;
    lxw_worksheet *ws = text_sheet(w, COVER_SHEET, true);
    if (!ws)
        return;
    lxw_row_t r = 0;
    char line[512];
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        switch (b->kind) {
        case GK_BLOCK_COVER:
            cover_text(w, ws, &r, b->text ? b->text : "", f->cover_title, 32);
            if (b->sub) {
                snprintf(line, sizeof line, strstr(b->sub, "：") ? "%s" : "编制单位：%s", b->sub);
                cover_text(w, ws, &r, line, f->cover_line, 0);
            }
            if (d->year) {
                snprintf(line, sizeof line, "报告年度：%d年", d->year);
                cover_text(w, ws, &r, line, f->cover_line, 0);
            }
            if (d->date_line && *d->date_line)
                cover_text(w, ws, &r, d->date_line, f->cover_line, 0);
            r++;
            break;
        case GK_BLOCK_TOC:
            cover_text(w, ws, &r, "目录", f->heading[1], 20);
            for (size_t k = 0; k < d->ntoc; k++) {
                snprintf(line, sizeof line, "%s%s", d->toc[k].level == 2 ? "　　" : "", d->toc[k].text);
                cover_text(w, ws, &r, line, f->cover_line, 0);
            }
            r++;
            break;
        case GK_BLOCK_HEADING: {
            int l = b->level < 1 ? 0 : b->level > 3 ? 2 : b->level - 1;
            cover_text(w, ws, &r, b->text ? b->text : "", f->heading[l], l == 0 ? 24 : 18);
            break;
        }
        case GK_BLOCK_PARAGRAPH:
            cover_text(w, ws, &r, b->text ? b->text : "", f->paragraph, 0);
            break;
        case GK_BLOCK_TABLE: {                /* a link to the table's sheet */
            snprintf(line, sizeof line, "internal:'%s'!A1", w->names[i]);
            char text[512];
            snprintf(text, sizeof text, "%s（见工作表“%s”）", b->text ? b->text : "", w->names[i]);
            check(w, worksheet_write_url_opt(ws, r, 0, line, f->link, text, NULL));
            r++;
            break;
        }
        case GK_BLOCK_CHART: {
            const gk_chart *c = &b->chart;
            snprintf(line, sizeof line, "%s（%s）", c->title ? c->title : "", c->unit ? c->unit : "");
            cover_text(w, ws, &r, line, f->cover_line, 0);
            for (size_t k = 0; k < c->nitems; k++) {
                snprintf(line, sizeof line, "- %s：%s", c->items[k].label, c->items[k].text);
                cover_text(w, ws, &r, line, f->cover_line, 0);
            }
            break;
        }
        case GK_BLOCK_PAGE_BREAK:
            break;
        }
    }
}


/* ---- A workbook in the source's own parts ------------------------------------------ */

#define FRONT_SHEET "封面"
#define TOC_SHEET "目录"

/* A part's heading without its number: "一、部门主要职能" → "部门主要职能". */
static const char *unnumbered(const char *s)
{
    static const char DIGITS[] = "一二三四五六七八九十";
    const char *p = s ? s : "";
    while (*p) {
        bool digit = false;
        for (size_t k = 0; k + 3 < sizeof DIGITS && !digit; k += 3)
            digit = strncmp(p, DIGITS + k, 3) == 0;
        if (!digit)
            break;
        p += 3;
    }
    return p != s && s && strncmp(p, "、", 3) == 0 ? p + 3 : s ? s : "";
}

/* The end of the part that the heading at `i` opens. */
static size_t part_end(const gk_doc *d, size_t i)
{
    size_t j = i + 1;
    while (j < d->nblocks && !(d->blocks[j].kind == GK_BLOCK_HEADING && d->blocks[j].level == 1))
        j++;
    return j;
}

static bool part_has_table(const gk_doc *d, size_t i)
{
    for (size_t k = i + 1, end = part_end(d, i); k < end; k++)
        if (d->blocks[k].kind == GK_BLOCK_TABLE)
            return true;
    return false;
}

/* 封面: the title, then the cover's line (预算主管部门：… or the unit). */
static void front_sheet(writer *w, const gk_doc *d)
{
    const formats *f = &w->f;
    lxw_worksheet *ws = text_sheet(w, FRONT_SHEET, false);
    if (!ws)
        return;
    lxw_row_t r = 0;
    char line[512];
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        if (b->kind != GK_BLOCK_COVER)
            continue;
        cover_text(w, ws, &r, b->text ? b->text : "", f->cover_title, 32);
        if (b->sub && *b->sub && !(b->text && strstr(b->text, b->sub))) {
            snprintf(line, sizeof line, strstr(b->sub, "：") ? "%s" : "编制单位：%s", b->sub);
            cover_text(w, ws, &r, line, f->cover_line, 0);
        }
        if (d->date_line && *d->date_line)
            cover_text(w, ws, &r, d->date_line, f->cover_line, 0);
        break;
    }
}

/* 目录: the parts, numbered, one a row (the reader takes the workbook's
 * parts from it, a 情况说明 listed without a sheet too). */
static void toc_sheet(writer *w, const gk_doc *d)
{
    const formats *f = &w->f;
    lxw_worksheet *ws = add_sheet(w, TOC_SHEET);
    if (!ws)
        return;
    check(w, worksheet_set_column(ws, 0, 0, COVER_WIDTH, NULL));
    lxw_row_t r = 0;
    cover_text(w, ws, &r, "目录", f->heading[0], 24);
    for (size_t k = 0; k < d->ntoc; k++)
        if (d->toc[k].level == 1)           /* the parts: the reader takes them from here */
            cover_text(w, ws, &r, d->toc[k].text, f->cover_line, 0);
}

/* A part of text on a sheet of its own: its title, then its headings and
 * paragraphs one a row. */
static void part_sheet(writer *w, const gk_doc *d, size_t i, const char *name)
{
    const formats *f = &w->f;
    lxw_worksheet *ws = text_sheet(w, name, true);
    if (!ws)
        return;
    lxw_row_t r = 0;
    char line[512];
    cover_text(w, ws, &r, unnumbered(d->blocks[i].text), f->heading[0], 24);
    for (size_t k = i + 1, end = part_end(d, i); k < end; k++) {
        const gk_block *b = &d->blocks[k];
        if (b->kind == GK_BLOCK_HEADING) {
            int l = b->level > 3 ? 2 : b->level - 1;
            cover_text(w, ws, &r, b->text ? b->text : "", f->heading[l], 18);
        } else if (b->kind == GK_BLOCK_PARAGRAPH) {
            cover_text(w, ws, &r, b->text ? b->text : "", f->paragraph, 0);
        } else if (b->kind == GK_BLOCK_CHART) {
            const gk_chart *c = &b->chart;
            snprintf(line, sizeof line, "%s（%s）", c->title ? c->title : "", c->unit ? c->unit : "");
            cover_text(w, ws, &r, line, f->cover_line, 0);
            for (size_t m = 0; m < c->nitems; m++) {
                snprintf(line, sizeof line, "- %s：%s", c->items[m].label, c->items[m].text);
                cover_text(w, ws, &r, line, f->cover_line, 0);
            }
        }
    }
}

/* What a fact of the 补充信息 sheet is, for the one who fills it in. */
static const char *fact_help(const char *key)
{
    static const struct {
        const char *prefix, *help;
    } HELP[] = {
        {"上年/", "上年数（预算文档填上年预算数，决算文档填上年决算数），单位万元，只填数字；"
                 "用于“与上年相比增加（减少）…万元，增长（下降）…%”"},
        {"年初预算/", "年初预算数，单位万元，只填数字；用于“完成年初预算的…%”"},
        {"原因/", "增减变化的主要原因（文字），写在“主要原因是”之后"},
        {"统计/", "个数，只填整数"},
        {"说明/", "本节的文字说明，可分多行，每行一段"},
        {"概况/", "概况中的一节，可分多行，每行一段"},
    };
    for (size_t i = 0; i < sizeof HELP / sizeof *HELP; i++)
        if (strncmp(key, HELP[i].prefix, strlen(HELP[i].prefix)) == 0)
            return HELP[i].help;
    return "";
}

/* ---- The facts sheet -------------------------------------------------------------- */

static void facts_sheet(writer *w, const gk_doc *d)
{
    const formats *f = &w->f;
    lxw_worksheet *ws = add_sheet(w, FACTS_SHEET);
    if (!ws)
        return;
    check(w, worksheet_set_column(ws, 0, 0, 36, NULL));
    check(w, worksheet_set_column(ws, 1, 1, COVER_WIDTH, NULL));
    check(w, worksheet_write_string(ws, 0, 0, "事项", f->header));
    check(w, worksheet_write_string(ws, 0, 1, "内容", f->header));
    if (d->by_section) {
        check(w, worksheet_set_column(ws, 1, 1, 40, NULL));
        check(w, worksheet_set_column(ws, 2, 2, 80, f->paragraph));
        check(w, worksheet_write_string(ws, 0, 2, "说明（只填“内容”一栏；内容空着的事项，生成的文档中该处留有占位标记，审核时会提示）",
                                        f->header));
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 1;
    for (size_t i = 0; i < d->nfacts; i++, r++) {
        check(w, worksheet_write_string(ws, r, 0, d->facts[i].key, f->text[0][0]));
        check(w, worksheet_write_string(ws, r, 1, d->facts[i].value, f->text[0][0]));
        if (d->by_section)
            check(w, worksheet_write_string(ws, r, 2, fact_help(d->facts[i].key), f->paragraph));
        int n = lines_in(d->facts[i].value, (d->by_section ? 40 : COVER_WIDTH) - 2);
        if (n > 1)
            check(w, worksheet_set_row(ws, r, LINE_HEIGHT * n, NULL));
    }
    if (d->by_section) {                      /* keys by code: not listed, explained */
        static const char *const MORE[] = {
            "另可逐科目填写：事项写“上年/”或“年初预算/”加7位功能分类科目编码（如“上年/2080501”），"
            "内容写该科目的上年数或年初预算数（万元）；“原因/”加同一编码写其增减原因。",
            "事项一栏请勿改写；不需要的事项，内容空着即可。"};
        for (size_t i = 0; i < sizeof MORE / sizeof *MORE; i++)
            check(w, worksheet_write_string(ws, ++r, 2, MORE[i], f->paragraph));
    }
}

/* ---- The workbook ---------------------------------------------------------------- */

static bool copy_file(const char *path, FILE *out, gk_error *err)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        gk_error_set(err, 0, 0, "无法读取临时工作簿 %s：%s", path, strerror(errno));
        return false;
    }
    char buf[65536];
    size_t n;
    bool ok = true;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) {
            ok = false;
            break;
        }
    if (ferror(in))
        ok = false;
    fclose(in);
    if (!ok || fflush(out) != 0 || ferror(out)) {
        gk_error_set(err, 0, 0, "写入失败：%s", strerror(errno ? errno : EIO));
        return false;
    }
    return true;
}

/* Build the workbook in `path`; false with err set. */
/* 封面与说明 (the whole text, with links to the tables), a sheet per table,
 * 补充信息. */
static void national_sheets(writer *w, const gk_doc *d)
{
    /* Names first: the cover links to the sheets. */
    memcpy(w->used[w->nused++], COVER_SHEET, sizeof COVER_SHEET);
    if (d->nfacts)
        memcpy(w->used[w->nused++], FACTS_SHEET, sizeof FACTS_SHEET);
    size_t ntables = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        if (b->kind == GK_BLOCK_TABLE)
            sheet_name(w, b->sub ? b->sub : b->text, ++ntables, w->names[i]);
    }
    cover_sheet(w, d);
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].kind == GK_BLOCK_TABLE)
            table_sheet(w, &d->blocks[i], w->names[i]);
    if (d->nfacts)
        facts_sheet(w, d);
}

/* 封面, 目录, then each part: its tables each on a sheet, its text on one
 * sheet named by it; a part written from the tables (the 情况说明) has no
 * sheet: the 目录 lists it, and reading the workbook writes it again. */
static void by_sections(writer *w, const gk_doc *d)
{
    w->entry = true;
    memcpy(w->used[w->nused++], FRONT_SHEET, sizeof FRONT_SHEET);
    memcpy(w->used[w->nused++], TOC_SHEET, sizeof TOC_SHEET);
    if (d->nfacts)
        memcpy(w->used[w->nused++], FACTS_SHEET, sizeof FACTS_SHEET);
    size_t ntables = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        if (b->kind == GK_BLOCK_TABLE)
            sheet_name(w, b->sub ? b->sub : b->text, ++ntables, w->names[i]);
        else if (b->kind == GK_BLOCK_HEADING && b->level == 1 && !b->generated &&
                 !part_has_table(d, i))
            sheet_name(w, unnumbered(b->text), ntables, w->names[i]);
    }
    front_sheet(w, d);
    toc_sheet(w, d);
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        if (b->kind == GK_BLOCK_TABLE)
            table_sheet(w, b, w->names[i]);
        else if (b->kind == GK_BLOCK_HEADING && w->names[i][0])
            part_sheet(w, d, i, w->names[i]);
    }
    if (d->nfacts)
        facts_sheet(w, d);
}

static bool build(const gk_doc *d, const char *path, const char *tmpdir, gk_error *err)
{
    writer w;
    memset(&w, 0, sizeof w);
    lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .tmpdir = (char *)tmpdir,
                                 .use_zip64 = LXW_FALSE};
    w.wb = workbook_new_opt(path, &opts);
    if (!w.wb) {
        gk_error_set(err, 0, 0, "无法创建 Excel 工作簿（内存不足）");
        return false;
    }
    w.names = calloc(d->nblocks + 1, sizeof *w.names);
    w.used = calloc(d->nblocks + 2, sizeof *w.used);   /* and the cover and facts sheets */
    if (!w.names || !w.used) {
        free(w.names);
        free(w.used);
        workbook_close(w.wb);
        gk_error_set(err, 0, 0, "无法创建 Excel 工作簿（内存不足）");
        return false;
    }
    make_formats(&w);
    lxw_doc_properties props = {0};
    props.title = (char *)(d->title ? d->title : "");
    props.author = (char *)(d->unit ? d->unit : "");
    props.subject = (char *)(d->kind == GK_DOC_BUDGET ? "部门预算公开" : "部门决算公开");
    props.comments = (char *)"由 gongkai " GK_VERSION " 生成";
    check(&w, workbook_set_properties(w.wb, &props));
    check(&w, workbook_set_custom_property_string(w.wb, "生成工具", "gongkai " GK_VERSION));

    if (d->by_section)
        by_sections(&w, d);
    else
        national_sheets(&w, d);
    lxw_error closed = workbook_close(w.wb);
    free(w.names);
    free(w.used);
    if (w.failed != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        gk_error_set(err, 0, 0, "无法写出 Excel 工作簿：%s",
                     lxw_strerror(w.failed != LXW_NO_ERROR ? w.failed : closed));
        return false;
    }
    return true;
}

bool gk_write_xlsx(const gk_doc *d, FILE *out, gk_error *err)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + 32;
    char *path = malloc(n);
    if (!path) {
        gk_error_set(err, 0, 0, "内存不足");
        return false;
    }
    snprintf(path, n, "%s/gongkai-xlsx-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) {
        gk_error_set(err, 0, 0, "无法在 %s 中创建临时文件：%s", dir, strerror(errno));
        free(path);
        return false;
    }
    close(fd);
    bool ok = build(d, path, dir, err) && copy_file(path, out, err);
    unlink(path);
    free(path);
    return ok;
}
