/*
 * pdf_table.c — a table's grid on pages.
 *
 * Above the grid: the number (公开01表) at the right, the title centred, the
 * unit line.  The grid is drawn with a border round every cell, the header
 * rows on a light grey and repeated at the top of every page the table goes
 * on to; a row (or a group of rows joined by a row span) is split only when
 * taller than a page: a group into its rows, a row into its cells' lines.
 * Total rows are bold.  Below: the note.
 *
 * Every cell's first line sits on its row's baseline, text top-aligned, so
 * that a row reads back as one line of text (src/read/pdf.c).  Amounts and
 * codes stay on one line; labels and header words wrap inside their cell
 * when their column is too narrow.
 *
 * Width: a table takes the text frame's width, shared out by grid.widths,
 * then adjusted so that amounts and codes fit on one line and labels wrap
 * as little as the other columns' spare room allows.  A table whose
 * amounts do not fit a portrait page at 9 pt is set on landscape pages of
 * its own (the national documents print their wide tables so), at 9 pt if
 * it fits, else at the largest size down to 6 pt that does: a landscape
 * page keeps the figures readable where a smaller font on portrait would
 * not.  Past 6 pt on landscape even figures wrap rather than overflow.
 */
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
#include "pdf_internal.h"

#define PAD_Y 2.4
#define RULE 0.5
#define MEASURE_SIZE PDF_TABLE_SIZE

typedef struct cell_box {
    PangoLayout *layout;      /* NULL: covered or blank */
    double natural;           /* one-line width at the measuring size */
    double height;            /* of the laid-out text */
    double dx;                /* text offset in the cell, when not wrapped */
    bool nowrap;
} cell_box;

typedef struct table_geom {
    const gk_grid *g;
    cell_box *cells;          /* nrows × ncols */
    double size;              /* font size */
    double pad;               /* text to cell edge, each side: half an em, so
                               * that neighbouring cells' texts stand a whole
                               * em apart, a gap no word in a cell has */
    double width;             /* of the whole table */
    double *colw, *colx;      /* ncols; colx relative to the table's left */
    double *rowh;             /* nrows */
} table_geom;

static cell_box *box_at(const table_geom *t, int r, int c)
{
    return &t->cells[(size_t)r * (size_t)t->g->ncols + (size_t)c];
}

/* Amounts, codes and short figures ("2010101", "95%", "≥10") stay on one
 * line: amount cells, and short text without CJK or spaces, whatever its
 * alignment.  Text in a right-aligned value cell (a 绩效 form's 指标内容)
 * wraps like any label. */
static bool keep_on_one_line(const gk_grid_cell *c)
{
    if (c->is_amount)
        return true;
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)c->text; *p; p++, n++)
        if (*p == ' ' || (*p >= 0xE3 && *p <= 0xEF))   /* a space; CJK and full-width forms */
            return false;
    return n <= 24;
}

/* ---- Measuring ------------------------------------------------------------- */

static pdf_face face_of(const gk_grid *g, int r)
{
    return r >= g->nheader && g->total && g->total[r] ? FACE_BOLD : FACE_SANS;
}

/* A layout for every cell with text, at `size`, and its one-line width. */
static void measure(pdf_writer *w, table_geom *t, double size)
{
    const gk_grid *g = t->g;
    t->size = size;
    t->pad = size / 2;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *gc = gk_grid_at(g, r, c);
            cell_box *b = box_at(t, r, c);
            memset(b, 0, sizeof *b);
            if (gc->colspan <= 0 || gc->rowspan <= 0 || !gc->text || !*gc->text)
                continue;
            b->layout = pdf_text(w, gc->text, face_of(g, r), size, 0, PANGO_ALIGN_LEFT);
            b->natural = pdf_layout_width(b->layout);
            b->nowrap = keep_on_one_line(gc);
        }
}

/* Width a cell needs at least: all of it if it stays on one line, else
 * three characters' worth. */
static double min_need(const table_geom *t, const cell_box *b, double scale)
{
    double nat = b->natural * scale, pad = 2 * t->pad * scale;
    if (b->nowrap)
        return nat + pad;
    double three = 3 * t->size * scale;
    return (nat < three ? nat : three) + pad;
}

/* Move width from the columns wider than their target to those narrower,
 * in proportion, as far as the wider ones' excess goes. */
static void toward(double *colw, const double *target, int n)
{
    double extra = 0, short_by = 0;
    for (int c = 0; c < n; c++) {
        if (colw[c] > target[c])
            extra += colw[c] - target[c];
        else
            short_by += target[c] - colw[c];
    }
    if (extra <= 0 || short_by <= 0)
        return;
    double give = extra < short_by ? extra : short_by;
    for (int c = 0; c < n; c++) {
        if (colw[c] > target[c])
            colw[c] -= (colw[c] - target[c]) * (give / extra);
        else
            colw[c] += (target[c] - colw[c]) * (give / short_by);
    }
}

/* Column widths for a table `width` wide with text scaled by `scale` from
 * the measured size: the grid's shares, then adjusted in three steps, each
 * keeping what the one before gave: amounts and codes on one line (false
 * when they cannot all be), then body labels unwrapped, then header words,
 * as far as other columns' room beyond their own needs allows. */
static bool share_widths(table_geom *t, double width, double scale)
{
    const gk_grid *g = t->g;
    int n = g->ncols;
    double *need = calloc((size_t)n, sizeof *need), *body = calloc((size_t)n, sizeof *body),
           *all = calloc((size_t)n, sizeof *all);
    if (!need || !body || !all)
        gk_out_of_memory();
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < n; c++) {
            const gk_grid_cell *gc = gk_grid_at(g, r, c);
            const cell_box *b = box_at(t, r, c);
            if (gc->colspan != 1 || !b->layout)
                continue;
            double m = min_need(t, b, scale), full = (b->natural + 2 * t->pad) * scale;
            need[c] = m > need[c] ? m : need[c];
            if (r >= g->nheader)
                body[c] = full > body[c] ? full : body[c];
            all[c] = full > all[c] ? full : all[c];
        }
    /* The grid's shares (equal if it has none or they are not usable). */
    double sum = 0, total_need = 0;
    for (int c = 0; c < n; c++)
        sum += g->widths && g->widths[c] > 0 ? g->widths[c] : 0;
    for (int c = 0; c < n; c++) {
        double share = g->widths && g->widths[c] > 0 && sum > 0 ? g->widths[c] / sum : 1.0 / n;
        t->colw[c] = share * width;
        total_need += need[c];
        body[c] = body[c] > need[c] ? body[c] : need[c];
        all[c] = all[c] > body[c] ? all[c] : body[c];
    }
    bool fits = total_need <= width + 0.01;
    if (fits) {
        toward(t->colw, need, n);
        toward(t->colw, body, n);
        toward(t->colw, all, n);
    }
    double x = 0;
    for (int c = 0; c < n; c++) {
        t->colx[c] = x;
        x += t->colw[c];
    }
    t->width = x;
    free(need);
    free(body);
    free(all);
    return fits;
}

static double span_width(const table_geom *t, int c, int span)
{
    double wd = 0;
    for (int k = c; k < c + span && k < t->g->ncols; k++)
        wd += t->colw[k];
    return wd;
}

/* Wrap what does not fit its cell, and size the rows. */
static void settle(table_geom *t)
{
    const gk_grid *g = t->g;
    double line = t->size * 1.45 + 2 * PAD_Y;   /* Noto CJK's line height */
    for (int r = 0; r < g->nrows; r++)
        t->rowh[r] = line;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *gc = gk_grid_at(g, r, c);
            cell_box *b = box_at(t, r, c);
            if (!b->layout)
                continue;
            double room = span_width(t, c, gc->colspan) - 2 * t->pad;
            PangoAlignment align = gc->align == GK_ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
                                   : gc->align == GK_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                                  : PANGO_ALIGN_LEFT;
            if (b->natural > room + 0.01) {
                /* Wrapped text reads best ragged right, whatever the
                 * cell's alignment; centred headers stay centred. */
                pango_layout_set_width(b->layout, (int)(room * PANGO_SCALE));
                pango_layout_set_wrap(b->layout, PANGO_WRAP_WORD_CHAR);
                pango_layout_set_alignment(b->layout, align == PANGO_ALIGN_RIGHT && !b->nowrap
                                                          ? PANGO_ALIGN_LEFT : align);
                b->dx = t->pad;
            } else {
                b->dx = align == PANGO_ALIGN_RIGHT    ? t->pad + room - b->natural
                        : align == PANGO_ALIGN_CENTER ? t->pad + (room - b->natural) / 2
                                                      : t->pad;
            }
            b->height = pdf_layout_height(b->layout);
            if (gc->rowspan == 1 && b->height + 2 * PAD_Y > t->rowh[r])
                t->rowh[r] = b->height + 2 * PAD_Y;
        }
    /* A cell spanning rows: the last of them grows if it must. */
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *gc = gk_grid_at(g, r, c);
            const cell_box *b = box_at(t, r, c);
            if (!b->layout || gc->rowspan <= 1)
                continue;
            int last = r + gc->rowspan - 1 < g->nrows ? r + gc->rowspan - 1 : g->nrows - 1;
            double h = 0;
            for (int k = r; k <= last; k++)
                h += t->rowh[k];
            if (b->height + 2 * PAD_Y > h)
                t->rowh[last] += b->height + 2 * PAD_Y - h;
        }
}

/* ---- Placing --------------------------------------------------------------- */

/* Rows [r0, r1) at y, the table's left edge at x; returns the height. */
static double place_rows(pdf_writer *w, table_geom *t, int r0, int r1, double x, double y,
                         bool header)
{
    const gk_grid *g = t->g;
    double *top = malloc(((size_t)(r1 - r0) + 1) * sizeof *top);
    if (!top)
        gk_out_of_memory();
    top[0] = y;
    for (int r = r0; r < r1; r++)
        top[r - r0 + 1] = top[r - r0] + t->rowh[r];
    /* Fills, then borders, then text: a neighbour's fill never hides a rule. */
    for (int pass = header ? 0 : 1; pass < 3; pass++)
        for (int r = r0; r < r1; r++)
            for (int c = 0; c < g->ncols; c++) {
                const gk_grid_cell *gc = gk_grid_at(g, r, c);
                if (gc->colspan <= 0 || gc->rowspan <= 0)
                    continue;
                int last = r + gc->rowspan < r1 ? r + gc->rowspan : r1;
                double cx = x + t->colx[c], cw = span_width(t, c, gc->colspan);
                double cy = top[r - r0], ch = top[last - r0] - cy;
                if (pass < 2) {
                    pdf_op *op = pdf_add_op(w, OP_RECT);
                    op->x = cx, op->y = cy, op->w = cw, op->h = ch;
                    op->fill = pass == 0;
                    op->stroke = pass == 1 ? RULE : 0;
                    op->color = pass == 0 ? PDF_HEADER_FILL : PDF_RULE;
                } else {
                    cell_box *b = box_at(t, r, c);
                    /* Header words of a one-row cell are centred in its
                     * height, as printed: a wrapped header's lines then
                     * stand in one band with their neighbours' (read back
                     * as one header, src/read/pdf_grid.c).  A cell
                     * spanning header rows keeps its words at the top:
                     * centred, they would stand between the rows' bands
                     * and join them (三公's 预算数 over 决算数). */
                    double dy = header && gc->rowspan == 1 ? (ch - b->height) / 2 : PAD_Y;
                    if (b->layout)
                        pdf_add_text(w, b->layout, cx + b->dx, cy + dy, PDF_BLACK);
                }
            }
    double h = top[r1 - r0] - y;
    free(top);
    return h;
}

/* A new page for the table's rows: its header again at the top. */
static void next_page(pdf_writer *w, table_geom *t, double x, int nheader, bool landscape)
{
    pdf_new_page(w, landscape, true);
    w->y += place_rows(w, t, 0, nheader, x, w->y, true);
}

/* A row taller than a page: its cells' lines go on from page to page,
 * under the header repeated, each page's part of the row bordered; a
 * page's part ends at the last line that fits whole in every cell.  It
 * starts on this page if a line of it fits here. */
static void place_tall_row(pdf_writer *w, table_geom *t, int r, double x, int nheader,
                           bool landscape)
{
    const gk_grid *g = t->g;
    size_t n = (size_t)g->ncols;
    double **tops = calloc(n, sizeof *tops), **bottoms = calloc(n, sizeof *bottoms);
    int *nlines = calloc(n, sizeof *nlines), *from = calloc(n, sizeof *from),
        *upto = calloc(n, sizeof *upto);
    if (!tops || !bottoms || !nlines || !from || !upto)
        gk_out_of_memory();
    for (size_t c = 0; c < n; c++) {
        const cell_box *b = box_at(t, r, (int)c);
        if (b->layout && gk_grid_at(g, r, (int)c)->colspan > 0)
            nlines[c] = pdf_line_spans(b->layout, &tops[c], &bottoms[c]);
    }
    bool fresh = false;     /* nothing of the table's body on this page yet */
    for (;;) {
        double room = w->bottom - w->y - 2 * PAD_Y, used = 0;
        bool more = false, placed = false;
        for (size_t c = 0; c < n; c++) {
            int j = from[c];
            while (j < nlines[c] && bottoms[c][j] - tops[c][from[c]] <= room)
                j++;
            if (j == from[c] && j < nlines[c] && fresh)
                j++;        /* a line taller than a page: placed anyway */
            upto[c] = j;
            if (j > from[c]) {
                double hc = bottoms[c][j - 1] - tops[c][from[c]];
                used = hc > used ? hc : used;
                placed = true;
            }
            more |= j < nlines[c];
        }
        if (placed || !more) {
            double h = used + 2 * PAD_Y;
            for (size_t c = 0; c < n; c++) {
                const gk_grid_cell *gc = gk_grid_at(g, r, (int)c);
                if (gc->colspan <= 0)
                    continue;
                pdf_op *op = pdf_add_op(w, OP_RECT);
                op->x = x + t->colx[c], op->y = w->y;
                op->w = span_width(t, (int)c, gc->colspan), op->h = h;
                op->stroke = RULE;
                op->color = PDF_RULE;
                const cell_box *b = box_at(t, r, (int)c);
                if (upto[c] > from[c])
                    pdf_add_lines(w, b->layout, op->x + b->dx, w->y + PAD_Y, from[c],
                                  upto[c] - from[c], PDF_BLACK);
                from[c] = upto[c];
            }
            w->y += h;
        }
        if (!more)
            break;
        next_page(w, t, x, nheader, landscape);
        fresh = true;
    }
    for (size_t c = 0; c < n; c++) {
        free(tops[c]);
        free(bottoms[c]);
    }
    free(tops);
    free(bottoms);
    free(nlines);
    free(from);
    free(upto);
}

/* Where each body unit ends: a row and the rows its spans reach. */
static int unit_end(const gk_grid *g, int r)
{
    int end = r + 1;
    for (int k = r; k < end && k < g->nrows; k++)
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *gc = gk_grid_at(g, k, c);
            if (gc->rowspan > 1 && k + gc->rowspan > end)
                end = k + gc->rowspan;
        }
    return end < g->nrows ? end : g->nrows;
}

static double rows_height(const table_geom *t, int r0, int r1)
{
    double h = 0;
    for (int r = r0; r < r1; r++)
        h += t->rowh[r];
    return h;
}

/* The lines above the grid: the number at the right, the title centred,
 * the 部门 and the unit. */
typedef struct preamble {
    PangoLayout *lines[4];
    double gap[4];
    int n;
    double height;
} preamble;

static void preamble_line(preamble *p, PangoLayout *l, double gap)
{
    p->lines[p->n] = l;
    p->gap[p->n++] = gap;
    p->height += pdf_layout_height(l) + gap;
}

static preamble make_preamble(pdf_writer *w, const gk_block *b, double width)
{
    preamble p = {0};
    if (b->sub && *b->sub)
        preamble_line(&p, pdf_text(w, b->sub, FACE_SANS, PDF_SMALL_SIZE, width, PANGO_ALIGN_RIGHT),
                      2);
    preamble_line(&p, pdf_text(w, b->text && *b->text ? b->text : "（无标题）", FACE_BOLD, 14,
                               width, PANGO_ALIGN_CENTER), 6);
    if (b->unit_name_line && *b->unit_name_line)
        preamble_line(&p, pdf_text(w, b->unit_name_line, FACE_SANS,
                                   PDF_SMALL_SIZE, width, PANGO_ALIGN_LEFT), 2);
    if (b->unit_line && *b->unit_line)
        preamble_line(&p, pdf_text(w, b->unit_line, FACE_SANS, PDF_SMALL_SIZE, width,
                                   PANGO_ALIGN_RIGHT), 3);
    return p;
}

static void place_preamble(pdf_writer *w, const preamble *p, double x)
{
    for (int i = 0; i < p->n; i++) {
        pdf_add_text(w, p->lines[i], x, w->y, PDF_BLACK);
        w->y += pdf_layout_height(p->lines[i]) + p->gap[i];
    }
}

/* Body cells that would wrap with the widths just shared out; not counting
 * text longer than SENTENCE_EMS, which wraps in any layout (a 绩效 form's
 * 指标内容). */
#define SENTENCE_EMS 20
static int body_wraps(const table_geom *t, double scale)
{
    const gk_grid *g = t->g;
    int n = 0;
    for (int r = g->nheader; r < g->nrows; r++)
        for (int c = 0; c < g->ncols; c++) {
            const gk_grid_cell *gc = gk_grid_at(g, r, c);
            const cell_box *b = box_at(t, r, c);
            if (b->layout && gc->colspan > 0 && b->natural <= SENTENCE_EMS * t->size &&
                (b->natural + 2 * t->pad) * scale > span_width(t, c, gc->colspan) + 0.01)
                n++;
        }
    return n;
}

/* Of choices [from, to), the one whose body wraps in fewest cells, at most
 * `limit` (the first of equals), or -1; wraps[k] < 0: the amounts do not
 * fit. */
static int fewest_wraps(const int *wraps, int from, int to, int limit)
{
    int best = -1;
    for (int k = from; k < to; k++)
        if (wraps[k] >= 0 && wraps[k] <= limit && (best < 0 || wraps[k] < wraps[best]))
            best = k;
    return best;
}

/* Orientation and font size: portrait or landscape at 9 pt, whichever
 * wraps fewer cells of the body (portrait of equals), when the amounts fit
 * and it wraps one cell for ten rows at most; else landscape at 9, 8 or 7
 * pt, whichever wraps fewest (labels broken over three lines in every row
 * read worse than smaller type); else, when the amounts fit at none of
 * them, landscape at 6 pt, everything wrapping as it must.  Leaves the
 * widths shared out. */
static bool choose_format(pdf_writer *w, table_geom *t)
{
    static const struct { bool landscape; double size; } CHOICES[] = {
        {false, 9}, {true, 9}, {true, 8}, {true, 7}, {true, 6}};
    enum { N = sizeof CHOICES / sizeof *CHOICES };
    double frame[2] = {PDF_A4_W - 2 * PDF_MARGIN_X, PDF_A4_H - 2 * PDF_MARGIN_X};
    measure(w, t, PDF_TABLE_SIZE);
    int wraps[N];
    for (int k = 0; k < N; k++) {
        double scale = CHOICES[k].size / PDF_TABLE_SIZE;
        wraps[k] = share_widths(t, frame[CHOICES[k].landscape], scale) ? body_wraps(t, scale) : -1;
    }
    int pick = fewest_wraps(wraps, 0, 2, (t->g->nrows - t->g->nheader + 9) / 10);
    if (pick < 0)
        pick = fewest_wraps(wraps, 1, N - 1, t->g->nrows * t->g->ncols);
    if (pick < 0)
        pick = N - 1;
    if (CHOICES[pick].size != PDF_TABLE_SIZE)
        measure(w, t, CHOICES[pick].size);
    share_widths(t, frame[CHOICES[pick].landscape], 1.0);
    return CHOICES[pick].landscape;
}

void pdf_layout_table(pdf_writer *w, const gk_block *b)
{
    const gk_grid *g = &b->grid;
    bool has_grid = g->ncols > 0 && g->nrows > 0 && g->cells;
    table_geom t = {0};
    t.g = g;
    bool landscape = false;
    if (has_grid) {
        size_t n = (size_t)g->nrows * (size_t)g->ncols;
        t.cells = calloc(n, sizeof *t.cells);
        t.colw = calloc((size_t)g->ncols, sizeof *t.colw);
        t.colx = calloc((size_t)g->ncols, sizeof *t.colx);
        t.rowh = calloc((size_t)g->nrows, sizeof *t.rowh);
        if (!t.cells || !t.colw || !t.colx || !t.rowh)
            gk_out_of_memory();
        landscape = choose_format(w, &t);
        settle(&t);
    }
    int nheader = g->nheader < 0 ? 0 : g->nheader > g->nrows ? g->nrows : g->nheader;

    /* Each table starts a page, unless only headings are on this one. */
    pdf_ensure_page(w);
    if (w->page_dirty && !(w->only_headings && pdf_is_landscape(w) == landscape))
        pdf_break_page(w, landscape);
    else if (pdf_is_landscape(w) != landscape)
        pdf_break_page(w, landscape);
    double frame = w->right - w->left;
    double width = has_grid ? t.width : frame;
    double x = w->left + (width < frame ? (frame - width) / 2 : 0);
    preamble p = make_preamble(w, b, width);

    /* The title is kept with the header and the first row. */
    double header_h = has_grid ? rows_height(&t, 0, nheader) : 0;
    double first_h = has_grid && nheader < g->nrows
                         ? rows_height(&t, nheader, unit_end(g, nheader)) : 0;
    if (w->page_dirty && w->y + p.height + header_h + first_h > w->bottom)
        pdf_break_page(w, landscape);
    pdf_mark *m = pdf_take_mark(w);
    if (m)
        m->y = w->y;
    place_preamble(w, &p, x);
    if (has_grid) {
        w->y += place_rows(w, &t, 0, nheader, x, w->y, true);
        bool rows_on_page = false;
        /* What a page holds below the header. */
        double page_room = w->bottom - w->top - header_h;
        for (int r = nheader; r < g->nrows;) {
            int e = unit_end(g, r);
            double h = rows_height(&t, r, e);
            if (h > page_room && e > r + 1) {
                e = r + 1;      /* a span taller than a page: its rows one by one */
                h = rows_height(&t, r, e);
            }
            if (h > page_room) {
                place_tall_row(w, &t, r, x, nheader, landscape);
                rows_on_page = true;
                r = e;
                continue;
            }
            if (rows_on_page && w->y + h > w->bottom) {
                next_page(w, &t, x, nheader, landscape);
                rows_on_page = false;
            }
            w->y += place_rows(w, &t, r, e, x, w->y, false);
            rows_on_page = true;
            r = e;
        }
    }
    if (b->note && *b->note) {
        w->y += 5;
        PangoLayout *note = pdf_text(w, b->note, FACE_SANS, PDF_SMALL_SIZE, width,
                                     PANGO_ALIGN_LEFT);
        pdf_flow_text(w, note, x, PDF_BLACK, 1);
    }
    w->y += 14;
    w->only_headings = false;
    free(t.cells);
    free(t.colw);
    free(t.colx);
    free(t.rowh);
}
