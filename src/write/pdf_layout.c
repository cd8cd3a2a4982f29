/*
 * pdf_layout.c — placing a document's blocks on pages.
 *
 * Pages are A4 portrait with 20 mm side and 25 mm top and bottom margins; a
 * table too wide for them gets landscape pages of its own (pdf_table.c).
 * Blocks flow down the page: the cover alone on the first page, the 目录,
 * headings kept with what follows them, paragraphs broken between lines
 * (never leaving a single line behind), each table starting on a page of
 * its own, charts kept whole.  The 目录's lines are placed here with room
 * for their page numbers, which drawing fills in (pdf.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
#include "pdf_internal.h"
#include "../util/grow.h"

const pdf_color PDF_BLACK = {0, 0, 0};
const pdf_color PDF_RULE = {0.25, 0.25, 0.25};
const pdf_color PDF_HEADER_FILL = {0.91, 0.91, 0.91};
const pdf_color PDF_ACCENT = {0.18, 0.38, 0.60};   /* a dark blue: 45 % grey in print */
const pdf_color PDF_GREY_TEXT = {0.35, 0.35, 0.35};

pdf_op *pdf_add_op(pdf_writer *w, pdf_op_kind kind)
{
    pdf_ensure_page(w);
    w->ops = gk_grow(w->ops, &w->ops_cap, w->nops, sizeof *w->ops);
    pdf_op *op = &w->ops[w->nops++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->color = PDF_BLACK;
    w->page_dirty = true;
    if (!w->in_heading)
        w->heading_run = false;
    return op;
}

const char *pdf_printf(pdf_writer *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return "";
    char *s = gk_arena_alloc(w->arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* ---- Pages ----------------------------------------------------------------- */

static void close_page(pdf_writer *w)
{
    if (w->page_open)
        w->pages[w->npages - 1].op1 = w->nops;
    w->page_open = false;
}

void pdf_new_page(pdf_writer *w, bool landscape, bool numbered)
{
    if (w->page_open && w->nops == w->pages[w->npages - 1].op0) {
        w->npages--;                        /* nothing on it yet: replaced */
        w->page_open = false;
    }
    close_page(w);
    w->pages = gk_grow(w->pages, &w->pages_cap, w->npages, sizeof *w->pages);
    pdf_page *p = &w->pages[w->npages++];
    p->w = landscape ? PDF_A4_H : PDF_A4_W;
    p->h = landscape ? PDF_A4_W : PDF_A4_H;
    p->numbered = numbered;
    p->op0 = p->op1 = w->nops;
    w->page_w = p->w, w->page_h = p->h;
    w->left = PDF_MARGIN_X, w->right = p->w - PDF_MARGIN_X;
    w->top = PDF_MARGIN_TOP, w->bottom = p->h - PDF_MARGIN_BOTTOM;
    w->y = w->top;
    w->page_open = true;
    w->page_dirty = false;
    w->only_headings = true;
    w->heading_run = false;
}

/* A new page for what does not fit here; headings at the foot of this page
 * with nothing under them yet move to the new page with it.  When they are
 * all this page holds, and the new page is to turn, this page turns. */
void pdf_break_page(pdf_writer *w, bool landscape)
{
    if (!w->page_open || !w->heading_run) {
        pdf_new_page(w, landscape, true);
        return;
    }
    pdf_page *page = &w->pages[w->npages - 1];
    size_t op0 = w->run_op0, end = w->nops;
    double old_frame = w->right - w->left, y = w->y, dy;
    bool only_run = op0 <= page->op0;
    if (only_run && pdf_is_landscape(w) == landscape) {
        pdf_new_page(w, landscape, true);   /* nothing gained by moving them */
        return;
    }
    if (only_run) {
        w->npages--;                        /* the page turns: made anew */
        w->page_open = false;
        w->nops = page->op0;
        pdf_new_page(w, landscape, true);
        dy = 0;
    } else {
        w->nops = op0;                      /* this page ends where the run begins */
        pdf_new_page(w, landscape, true);
        dy = w->top - w->run_y;
    }
    w->nops = end;
    double shift = (w->right - w->left - old_frame) / 2;
    for (size_t i = op0; i < end; i++) {
        pdf_op *op = &w->ops[i];
        op->y += dy;
        op->y2 += dy;
        if (op->centred)
            op->x += shift;
    }
    for (size_t i = w->run_mark0; i < w->next_mark; i++) {
        w->marks[i].page = (int)w->npages;
        w->marks[i].y += dy;
    }
    w->y = y + dy;
    w->page_dirty = true;
    w->heading_run = true;
    w->run_op0 = op0;
    w->run_y += dy;
}

void pdf_ensure_page(pdf_writer *w)
{
    if (!w->page_open)
        pdf_new_page(w, false, true);
}

bool pdf_is_landscape(const pdf_writer *w)
{
    return w->page_open && w->page_w > w->page_h;
}

/* A page break: the next block starts a new page, unless nothing has been
 * put on this one yet. */
static void page_break(pdf_writer *w)
{
    if (w->page_open && w->page_dirty)
        close_page(w);
}

/* Room for `h` more points on this page, or a new one. */
static void need(pdf_writer *w, double h)
{
    pdf_ensure_page(w);
    if (w->page_dirty && w->y + h > w->bottom)
        pdf_break_page(w, false);
}

/* ---- Text ------------------------------------------------------------------ */

static PangoFontDescription *font(pdf_writer *w, pdf_face face, double size)
{
    for (size_t i = 0; i < w->nfonts; i++)
        if (w->fonts[i].face == face && w->fonts[i].size == size)
            return w->fonts[i].desc;
    char spec[96];
    snprintf(spec, sizeof spec, "%s%s %.2fpx", w->family[face], face == FACE_BOLD ? " Bold" : "",
             size);
    PangoFontDescription *d = pango_font_description_from_string(spec);
    if (w->nfonts < sizeof w->fonts / sizeof *w->fonts) {
        w->fonts[w->nfonts].face = face;
        w->fonts[w->nfonts].size = size;
        w->fonts[w->nfonts++].desc = d;
    } else {
        /* Never reached with the writer's few sizes; kept for safety. */
        w->extra_fonts = gk_grow(w->extra_fonts, &w->extra_cap, w->nextra, sizeof *w->extra_fonts);
        w->extra_fonts[w->nextra++] = d;
    }
    return d;
}

/* Spaces a little wider than the font's (0.22 em in Noto CJK): a reader of
 * the PDF's text finds a word space where the gap between two glyphs is
 * more than a fifth of their box height, which a Noto CJK space is not. */
static void widen_spaces(PangoLayout *l, const char *text, double size)
{
    PangoAttrList *list = NULL;
    for (const char *p = strchr(text, ' '); p; p = strchr(p + 1, ' ')) {
        if (!list)
            list = pango_attr_list_new();
        PangoAttribute *a = pango_attr_letter_spacing_new((int)(0.15 * size * PANGO_SCALE));
        a->start_index = (guint)(p - text);
        a->end_index = a->start_index + 1;
        pango_attr_list_insert(list, a);
    }
    if (list) {
        pango_layout_set_attributes(l, list);
        pango_attr_list_unref(list);
    }
}

PangoLayout *pdf_text(pdf_writer *w, const char *text, pdf_face face, double size, double width,
                      PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(w->pango);
    w->layouts = gk_grow(w->layouts, &w->layouts_cap, w->nlayouts, sizeof *w->layouts);
    w->layouts[w->nlayouts++] = l;
    pango_layout_set_font_description(l, font(w, face, size));
    if (!text)
        text = "";
    if (g_utf8_validate(text, -1, NULL)) {
        pango_layout_set_text(l, text, -1);
        widen_spaces(l, text, size);
    } else {
        char *valid = g_utf8_make_valid(text, -1);  /* a damaged input's bytes: U+FFFD */
        pango_layout_set_text(l, valid, -1);
        widen_spaces(l, valid, size);
        g_free(valid);
    }
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l, align);
    return l;
}

double pdf_layout_height(PangoLayout *l)
{
    int wd, ht;
    pango_layout_get_size(l, &wd, &ht);
    return (double)ht / PANGO_SCALE;
}

double pdf_layout_width(PangoLayout *l)
{
    int wd, ht;
    pango_layout_get_size(l, &wd, &ht);
    return (double)wd / PANGO_SCALE;
}

void pdf_add_lines(pdf_writer *w, PangoLayout *l, double x, double y, int line0, int nlines,
                   pdf_color c)
{
    pdf_op *op = pdf_add_op(w, OP_TEXT);
    op->layout = l;
    op->x = x, op->y = y;
    op->line0 = line0, op->nlines = nlines;
    op->color = c;
}

void pdf_add_text(pdf_writer *w, PangoLayout *l, double x, double y, pdf_color c)
{
    pdf_add_lines(w, l, x, y, 0, pango_layout_get_line_count(l), c);
}

/* The logical top and bottom of each line of a layout. */
int pdf_line_spans(PangoLayout *l, double **tops, double **bottoms)
{
    int n = pango_layout_get_line_count(l);
    *tops = malloc(((size_t)n + 1) * sizeof **tops);
    *bottoms = malloc(((size_t)n + 1) * sizeof **bottoms);
    if (!*tops || !*bottoms)
        gk_out_of_memory();
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int i = 0;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        if (i < n) {
            (*tops)[i] = (double)logical.y / PANGO_SCALE;
            (*bottoms)[i] = (double)(logical.y + logical.height) / PANGO_SCALE;
        }
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return n < i ? n : i;
}

/* Put a layout's lines at w->y, going on to new pages as needed: at least
 * `keep_lines` lines (or all, if fewer) together at a page's foot, and no
 * single last line alone at the top of the next. */
void pdf_flow_text(pdf_writer *w, PangoLayout *l, double x, pdf_color c, int keep_lines)
{
    double *tops, *bottoms;
    int n = pdf_line_spans(l, &tops, &bottoms);
    int i = 0;
    bool landscape = pdf_is_landscape(w);
    while (i < n) {
        pdf_ensure_page(w);
        double origin = w->y - tops[i];     /* layout y → page y */
        int j = i;
        while (j < n && origin + bottoms[j] <= w->bottom)
            j++;
        int first = n - i < keep_lines ? n - i : keep_lines;
        if (j < n && j - i > keep_lines && n - j == 1)
            j--;                            /* keep the last line with one before it */
        if (j - i < first && w->page_dirty) {
            pdf_break_page(w, landscape);
            continue;
        }
        if (j == i)
            j = i + 1;                      /* a line taller than a page: placed anyway */
        pdf_add_lines(w, l, x, w->y, i, j - i, c);
        w->y = origin + bottoms[j - 1];
        w->only_headings = false;
        i = j;
        if (i < n)
            pdf_new_page(w, landscape, true);
    }
    free(tops);
    free(bottoms);
}

/* ---- Marks: headings and tables, for the outline and the 目录 -------------- */

pdf_mark *pdf_take_mark(pdf_writer *w)
{
    if (w->next_mark >= w->nmarks)
        return NULL;
    pdf_mark *m = &w->marks[w->next_mark++];
    pdf_ensure_page(w);
    m->page = (int)w->npages;
    m->y = w->y;
    return m;
}

static int clamp_level(int level)
{
    return level < 1 ? 1 : level > 3 ? 3 : level;
}

/* One mark per heading and table, in order; 目录 lines for those the
 * document's 目录 lists (gk_doc.toc), in its words. */
static void collect_marks(pdf_writer *w)
{
    const gk_doc *d = w->doc;
    int heading_level = 1;
    for (size_t i = 0, k = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        if (b->kind != GK_BLOCK_HEADING && b->kind != GK_BLOCK_TABLE)
            continue;
        w->marks = gk_grow(w->marks, &w->marks_cap, w->nmarks, sizeof *w->marks);
        pdf_mark *m = &w->marks[w->nmarks++];
        memset(m, 0, sizeof *m);
        const char *text = b->text && *b->text ? b->text : "（无标题）";
        if (b->kind == GK_BLOCK_HEADING) {
            m->level = heading_level = clamp_level(b->level);
            m->text = text;
        } else {
            m->level = clamp_level(heading_level + 1);
            m->text = b->sub && *b->sub ? pdf_printf(w, "%s %s", b->sub, text) : text;
        }
        while (k < d->ntoc && d->toc[k].block < i)
            k++;
        if (k < d->ntoc && d->toc[k].block == i) {
            m->toc_text = d->toc[k].text;
            m->toc_level = d->toc[k].level;
        }
    }
}

/* ---- Blocks ---------------------------------------------------------------- */

static void cover(pdf_writer *w, const gk_block *b)
{
    pdf_new_page(w, false, false);
    double width = w->right - w->left;
    PangoLayout *title = pdf_text(w, b->text ? b->text : w->doc->title, FACE_BOLD, 26,
                                  width, PANGO_ALIGN_CENTER);
    double y = w->page_h * 0.30;
    pdf_add_text(w, title, w->left, y, PDF_BLACK);
    y += pdf_layout_height(title) + 48;
    if (b->sub && *b->sub) {
        PangoLayout *unit = pdf_text(w, b->sub, FACE_BODY, 16, width, PANGO_ALIGN_CENTER);
        pdf_add_text(w, unit, w->left, y, PDF_BLACK);
    }
    if (w->date_line) {
        PangoLayout *date = pdf_text(w, w->date_line, FACE_BODY, 14, width, PANGO_ALIGN_CENTER);
        pdf_add_text(w, date, w->left, w->page_h * 0.75, PDF_BLACK);
    }
    close_page(w);
}

#define TOC_LEADING 9.0
#define TOC_LEADING_MIN 4.0
#define TOC_LAST_PAGE_MIN 4     /* lines: fewer on the 目录's last page look left over */

/* The lines on the 目录's last page when its n lines of heights h are set
 * with `leading` between them, the first page having `first` points of
 * room and the others `rest`; *pages set to the number of pages. */
static size_t toc_last_page(const double *h, size_t n, double leading, double first, double rest,
                            int *pages)
{
    double room = first, y = 0;
    size_t on_page = 0;
    *pages = 1;
    for (size_t i = 0; i < n; i++) {
        if (on_page && y + h[i] > room) {
            (*pages)++;
            room = rest;
            y = 0;
            on_page = 0;
        }
        y += h[i] + leading;
        on_page++;
    }
    return on_page;
}

/* The leading of the 目录's lines: the usual one, unless its last page
 * would hold a line or a few alone; then the largest one, down to
 * TOC_LEADING_MIN, that leaves no such page (one page fewer, or a fuller
 * last page). */
static double toc_leading(const double *h, size_t n, double first, double rest)
{
    int pages;
    size_t last = toc_last_page(h, n, TOC_LEADING, first, rest, &pages);
    if (pages == 1 || last >= TOC_LAST_PAGE_MIN || last >= n)
        return TOC_LEADING;
    int want = pages;
    for (double l = TOC_LEADING - 0.5; l >= TOC_LEADING_MIN; l -= 0.5) {
        int p;
        size_t k = toc_last_page(h, n, l, first, rest, &p);
        if (p < want || k >= TOC_LAST_PAGE_MIN)
            return l;
    }
    return TOC_LEADING;
}

static void toc(pdf_writer *w)
{
    page_break(w);
    pdf_ensure_page(w);
    double width = w->right - w->left;
    PangoLayout *title = pdf_text(w, "目录", FACE_BOLD, 18, width, PANGO_ALIGN_CENTER);
    pdf_add_text(w, title, w->left, w->y, PDF_BLACK);
    w->y += pdf_layout_height(title) + 18;
    size_t n = 0;
    for (size_t i = 0; i < w->nmarks; i++)
        n += w->marks[i].toc_text != NULL;
    PangoLayout **lines = calloc(n ? n : 1, sizeof *lines);
    double *heights = calloc(n ? n : 1, sizeof *heights);
    if (!lines || !heights)
        gk_out_of_memory();
    for (size_t i = 0, k = 0; i < w->nmarks; i++) {
        const pdf_mark *m = &w->marks[i];
        if (!m->toc_text)
            continue;
        double indent = (m->toc_level - 1) * 2 * TOC_SIZE;
        /* Room at the right for the dots and a page number of up to 4 digits. */
        double room = width - indent - 5 * TOC_SIZE;
        lines[k] = pdf_text(w, m->toc_text, m->toc_level == 1 ? FACE_BOLD : FACE_SANS, TOC_SIZE,
                            room, PANGO_ALIGN_LEFT);
        pango_layout_set_ellipsize(lines[k], PANGO_ELLIPSIZE_END);   /* one line */
        heights[k] = pdf_layout_height(lines[k]);
        k++;
    }
    double leading = toc_leading(heights, n, w->bottom - w->y, w->bottom - w->top);
    for (size_t i = 0, k = 0; i < w->nmarks; i++) {
        const pdf_mark *m = &w->marks[i];
        if (!m->toc_text)
            continue;
        double indent = (m->toc_level - 1) * 2 * TOC_SIZE;
        PangoLayout *l = lines[k];
        double h = heights[k++];
        need(w, h);
        pdf_add_text(w, l, w->left + indent, w->y, PDF_BLACK);
        pdf_op *dots = pdf_add_op(w, OP_TOC);
        dots->index = i;
        dots->x = w->left + indent + pdf_layout_width(l);
        dots->x2 = w->right;
        dots->y = w->y;                     /* the line's top; its height: */
        dots->h = h;
        w->y += h + leading;
    }
    free(lines);
    free(heights);
    w->only_headings = false;
}

static void heading(pdf_writer *w, const gk_block *b)
{
    static const double SIZE[] = {16, 13, 11.5};
    static const double BEFORE[] = {18, 10, 6}, AFTER[] = {12, 6, 4};
    int level = clamp_level(b->level);
    double width = w->right - w->left;
    PangoLayout *l = pdf_text(w, b->text, FACE_BOLD, SIZE[level - 1], width,
                              level == 1 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    double h = pdf_layout_height(l);
    pdf_ensure_page(w);
    if (pdf_is_landscape(w))
        pdf_new_page(w, false, true);       /* text goes back to portrait pages */
    double before = w->page_dirty ? BEFORE[level - 1] : 0;
    /* Kept with the first lines of what follows (and what follows a run of
     * headings moves them with it: pdf_break_page). */
    need(w, before + h + AFTER[level - 1] + 3 * PDF_BODY_SIZE * 1.8);
    if (w->page_dirty)
        w->y += w->page_dirty && w->y > w->top ? before : 0;
    bool only = w->only_headings;
    if (!w->heading_run) {
        w->run_op0 = w->nops;
        w->run_mark0 = w->next_mark;
        w->run_y = w->y;
    }
    pdf_mark *m = pdf_take_mark(w);
    if (m)
        m->y = w->y;
    w->in_heading = true;
    pdf_add_text(w, l, w->left, w->y, PDF_BLACK);
    w->ops[w->nops - 1].centred = level == 1;
    w->in_heading = false;
    w->heading_run = true;
    w->y += h + AFTER[level - 1];
    w->only_headings = only;
}

static void paragraph(pdf_writer *w, const gk_block *b)
{
    if (!b->text || !*b->text)
        return;
    double width = w->right - w->left;
    PangoLayout *l = pdf_text(w, b->text, FACE_BODY, PDF_BODY_SIZE, width, PANGO_ALIGN_LEFT);
    pango_layout_set_indent(l, (int)(2 * PDF_BODY_SIZE * PANGO_SCALE));
    pango_layout_set_spacing(l, (int)(0.45 * PDF_BODY_SIZE * PANGO_SCALE));
    pdf_ensure_page(w);
    if (pdf_is_landscape(w))
        pdf_new_page(w, false, true);
    pdf_flow_text(w, l, w->left, PDF_BLACK, 2);
    w->y += 0.5 * PDF_BODY_SIZE;
}

void pdf_layout_document(pdf_writer *w)
{
    collect_marks(w);
    const gk_doc *d = w->doc;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        switch (b->kind) {
        case GK_BLOCK_COVER:
            cover(w, b);
            break;
        case GK_BLOCK_TOC:
            toc(w);
            break;
        case GK_BLOCK_HEADING:
            heading(w, b);
            break;
        case GK_BLOCK_PARAGRAPH:
            paragraph(w, b);
            break;
        case GK_BLOCK_TABLE:
            pdf_layout_table(w, b);
            break;
        case GK_BLOCK_CHART:
            pdf_layout_chart(w, &b->chart);
            break;
        case GK_BLOCK_PAGE_BREAK:
            page_break(w);
            break;
        }
    }
    close_page(w);
    if (w->npages == 0)
        pdf_new_page(w, false, true);       /* an empty document: one blank page */
    close_page(w);
}
