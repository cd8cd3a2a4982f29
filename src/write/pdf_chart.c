/*
 * pdf_chart.c — bar and pie charts as vectors.
 *
 * Made for black-and-white print: one accent colour that prints as a mid
 * grey, greys far enough apart to tell, white lines between pie slices,
 * and every figure written out beside its bar or in the legend, so that the
 * chart never has to be read from shades alone.  Text is the body's sans
 * face.  A chart is kept whole on one page.
 */
#include <stdlib.h>

#include "../model/arena.h"
#include "pdf_internal.h"

#define CHART_TEXT 8.5
#define BAR_ROW 17.0
#define BAR_HEIGHT 10.0
#define PIE_RADIUS 78.0
#define SWATCH 8.0
#define PI 3.14159265358979323846

/* An amount as a length: geometry only, never arithmetic on money. */
static double magnitude(gk_amount a)
{
    double v = (double)a.v;
    for (unsigned i = 0; i < a.scale; i++)
        v /= 10;
    return v > 0 ? v : 0;
}

/* Slice fills, first to last: the accent, then greys from dark to light. */
static pdf_color slice_color(size_t i)
{
    static const double GREYS[] = {0.30, 0.52, 0.70, 0.84, 0.93};
    if (i == 0)
        return PDF_ACCENT;
    double g = GREYS[(i - 1) % (sizeof GREYS / sizeof *GREYS)];
    return (pdf_color){g, g, g};
}

/* Title (and unit at the right); returns its height. */
static double header(pdf_writer *w, const gk_chart *c, double x, double width, bool place)
{
    double h = 0;
    if (c->title && *c->title) {
        PangoLayout *t = pdf_text(w, c->title, FACE_BOLD, 11, width, PANGO_ALIGN_CENTER);
        if (place)
            pdf_add_text(w, t, x, w->y, PDF_BLACK);
        h += pdf_layout_height(t) + 4;
    }
    if (c->unit && *c->unit) {
        PangoLayout *u = pdf_text(w, pdf_printf(w, "单位：%s", c->unit), FACE_SANS, CHART_TEXT,
                                  width, PANGO_ALIGN_RIGHT);
        if (place)
            pdf_add_text(w, u, x, w->y + h, PDF_GREY_TEXT);
        h += pdf_layout_height(u) + 4;
    }
    return h;
}

/* A new portrait page when the chart does not fit, or the page is landscape. */
static void room_for(pdf_writer *w, double h)
{
    pdf_ensure_page(w);
    if (pdf_is_landscape(w) || (w->page_dirty && w->y + h > w->bottom))
        pdf_break_page(w, false);
}

static void bars(pdf_writer *w, const gk_chart *c)
{
    double frame = w->right - w->left;
    size_t n = c->nitems;
    PangoLayout **labels = calloc(n ? n : 1, sizeof *labels);
    PangoLayout **values = calloc(n ? n : 1, sizeof *values);
    if (!labels || !values)
        gk_out_of_memory();
    double label_w = 0, value_w = 0, max = 0;
    for (size_t i = 0; i < n; i++) {
        labels[i] = pdf_text(w, c->items[i].label, FACE_SANS, CHART_TEXT, 0, PANGO_ALIGN_RIGHT);
        values[i] = pdf_text(w, c->items[i].text, FACE_SANS, CHART_TEXT, 0, PANGO_ALIGN_LEFT);
        double lw = pdf_layout_width(labels[i]), vw = pdf_layout_width(values[i]);
        label_w = lw > label_w ? lw : label_w;
        value_w = vw > value_w ? vw : value_w;
        double m = magnitude(c->items[i].value);
        max = m > max ? m : max;
    }
    if (label_w > frame * 0.38)
        label_w = frame * 0.38;
    /* Labels too long for their column wrap, right-aligned. */
    double row_h = BAR_ROW;
    for (size_t i = 0; i < n; i++)
        if (pdf_layout_width(labels[i]) > label_w) {
            pango_layout_set_width(labels[i], (int)(label_w * PANGO_SCALE));
            pango_layout_set_wrap(labels[i], PANGO_WRAP_WORD_CHAR);
            double h = pdf_layout_height(labels[i]) + 5;
            row_h = h > row_h ? h : row_h;
        }
    double bar_x = w->left + label_w + 8;
    double bar_max = w->right - value_w - 6 - bar_x;
    if (bar_max < 20)
        bar_max = 20;
    room_for(w, header(w, c, w->left, frame, false) + row_h * (double)n + 12);
    w->y += header(w, c, w->left, frame, true);
    double axis_top = w->y;
    for (size_t i = 0; i < n; i++) {
        double y = w->y, mid = y + row_h / 2;
        double lh = pdf_layout_height(labels[i]);
        double lw = pdf_layout_width(labels[i]);
        pdf_add_text(w, labels[i], bar_x - 8 - lw, mid - lh / 2, PDF_BLACK);
        double len = max > 0 ? bar_max * magnitude(c->items[i].value) / max : 0;
        if (len > 0) {
            pdf_op *bar = pdf_add_op(w, OP_RECT);
            bar->x = bar_x, bar->y = mid - BAR_HEIGHT / 2, bar->w = len, bar->h = BAR_HEIGHT;
            bar->fill = true;
            bar->color = PDF_ACCENT;
        }
        double vh = pdf_layout_height(values[i]);
        pdf_add_text(w, values[i], bar_x + len + 4, mid - vh / 2, PDF_BLACK);
        w->y += row_h;
    }
    pdf_op *axis = pdf_add_op(w, OP_LINE);   /* the bars' common origin */
    axis->x = axis->x2 = bar_x;
    axis->y = axis_top, axis->y2 = w->y;
    axis->stroke = 0.6;
    axis->color = PDF_RULE;
    w->y += 12;
    w->only_headings = false;
    free(labels);
    free(values);
}

static void pie(pdf_writer *w, const gk_chart *c)
{
    double frame = w->right - w->left;
    size_t n = c->nitems;
    double legend_x = w->left + 2 * PIE_RADIUS + 30, legend_w = w->right - legend_x - SWATCH - 6;
    PangoLayout **entries = calloc(n ? n : 1, sizeof *entries);
    if (!entries)
        gk_out_of_memory();
    double legend_h = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        const gk_chart_item *it = &c->items[i];
        const char *text = it->text && *it->text
                               ? pdf_printf(w, "%s  %s", it->label ? it->label : "", it->text)
                               : it->label;
        entries[i] = pdf_text(w, text, FACE_SANS, CHART_TEXT, legend_w, PANGO_ALIGN_LEFT);
        legend_h += pdf_layout_height(entries[i]) + 4;
        total += magnitude(it->value);
    }
    double body = legend_h > 2 * PIE_RADIUS ? legend_h : 2 * PIE_RADIUS;
    room_for(w, header(w, c, w->left, frame, false) + body + 16);
    w->y += header(w, c, w->left, frame, true) + 4;
    double cx = w->left + PIE_RADIUS + 10, cy = w->y + PIE_RADIUS;
    if (total > 0) {
        double a = -PI / 2;                  /* from 12 o'clock, clockwise */
        for (size_t i = 0; i < n; i++) {
            double sweep = 2 * PI * magnitude(c->items[i].value) / total;
            if (sweep <= 0)
                continue;
            pdf_op *s = pdf_add_op(w, OP_SLICE);
            s->x = cx, s->y = cy, s->w = PIE_RADIUS;
            s->a0 = a, s->a1 = a + sweep;
            s->fill = true;
            s->stroke = n > 1 ? 1.0 : 0;       /* white separators */
            s->color = slice_color(i);
            a += sweep;
        }
    } else {
        pdf_op *s = pdf_add_op(w, OP_SLICE);   /* nothing to share: an empty circle */
        s->x = cx, s->y = cy, s->w = PIE_RADIUS;
        s->a0 = 0, s->a1 = 2 * PI;
        s->stroke = 0.6;
        s->color = PDF_RULE;
    }
    double ly = w->y + (body - legend_h) / 2;
    for (size_t i = 0; i < n; i++) {
        double h = pdf_layout_height(entries[i]);
        pdf_op *sw = pdf_add_op(w, OP_RECT);
        sw->x = legend_x, sw->y = ly + (CHART_TEXT * 1.45 - SWATCH) / 2;
        sw->w = sw->h = SWATCH;
        sw->fill = true;
        sw->color = slice_color(i);
        pdf_op *edge = pdf_add_op(w, OP_RECT);   /* light swatches need an edge */
        *edge = *sw;
        edge->fill = false;
        edge->stroke = 0.4;
        edge->color = PDF_RULE;
        pdf_add_text(w, entries[i], legend_x + SWATCH + 6, ly, PDF_BLACK);
        ly += h + 4;
    }
    w->y += body + 16;
    w->only_headings = false;
    free(entries);
}

void pdf_layout_chart(pdf_writer *w, const gk_chart *c)
{
    if (!c->items || c->nitems == 0)
        return;
    if (c->kind == GK_CHART_PIE)
        pie(w, c);
    else
        bars(w, c);
}
