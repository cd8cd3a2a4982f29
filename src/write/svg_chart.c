/*
 * svg_chart.c — a chart as inline SVG for the HTML writer.
 *
 * Drawn for a phone as much as for a desk: 400 units wide, scaled to the
 * page's width (the text scales with it), so labels stand on their own line
 * above each bar and the pie's legend sits under the pie.  Made for grey
 * print as the PDF's charts are: one accent colour that prints as a mid
 * grey, greys far enough apart to tell, white lines between slices, and
 * every figure written out as text, so the chart is never read from shades
 * alone.  <title> and <desc> carry the same figures for screen readers.
 *
 * Shared attributes sit on groups, so that every tag stays short and on a
 * line of its own: a reader that strips tags line by line (src/read/lines.c
 * strips tags up to 80 characters) sees only the labels and figures.
 *
 * Amounts become lengths here only: geometry, never arithmetic on money.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

#define WIDTH 400.0
#define LABEL_SIZE 14.0
#define VALUE_SIZE 13.0
#define BAR_ROW 46.0
#define BAR_HEIGHT 16.0
#define PIE_RADIUS 90.0
#define LEGEND_ROW 26.0
#define SWATCH 14.0
#define PI 3.14159265358979323846

static const char ACCENT[] = "#2e6199"; /* the PDF's accent: about 45 % grey in print */
static const char TEXT[] = "#1a1a1a";
static const char RULE[] = "#404040";   /* swatch edges, the empty pie */

/* An amount as a length. */
static double magnitude(gk_amount a)
{
    double v = (double)a.v;
    for (unsigned i = 0; i < a.scale; i++)
        v /= 10;
    return v > 0 ? v : 0;
}

/* A coordinate to one decimal, without the locale's decimal mark and
 * without "-0": the same bytes on every machine. */
static void num(FILE *out, double x)
{
    long t = (long)(x * 10 + (x >= 0 ? 0.5 : -0.5));
    if (t < 0) {
        fputc('-', out);
        t = -t;
    }
    if (t % 10)
        fprintf(out, "%ld.%ld", t / 10, t % 10);
    else
        fprintf(out, "%ld", t / 10);
}

/* Slice fills, first to last: the accent, then greys from dark to light. */
static const char *slice_fill(size_t i)
{
    static const char *const GREYS[] = {"#4d4d4d", "#858585", "#b3b3b3", "#d6d6d6", "#ededed"};
    return i == 0 ? ACCENT : GREYS[(i - 1) % (sizeof GREYS / sizeof *GREYS)];
}

/* <text> at (x, y); squeezed to `room` when it would be wider at `size`. */
static void text(FILE *out, double x, double y, double size, double room, const char *s)
{
    fputs("<text x=\"", out);
    num(out, x);
    fputs("\" y=\"", out);
    num(out, y);
    fputc('"', out);
    if (room > 0 && gk_html_text_ems(s) * size > room) {
        fputs(" textLength=\"", out);
        num(out, room);
        fputs("\" lengthAdjust=\"spacingAndGlyphs\"", out);
    }
    fputc('>', out);
    gk_html_text(out, s);
    fputs("</text>\n", out);
}

static void rect(FILE *out, double x, double y, double w, double h, const char *fill)
{
    fputs("<rect x=\"", out);
    num(out, x);
    fputs("\" y=\"", out);
    num(out, y);
    fputs("\" width=\"", out);
    num(out, w);
    fputs("\" height=\"", out);
    num(out, h);
    if (fill)
        fprintf(out, "\" fill=\"%s", fill);
    fputs("\"/>\n", out);
}

static void circle(FILE *out, double cx, double cy, const char *attrs)
{
    fputs("<circle cx=\"", out);
    num(out, cx);
    fputs("\" cy=\"", out);
    num(out, cy);
    fputs("\" r=\"", out);
    num(out, PIE_RADIUS);
    fprintf(out, "\" %s/>\n", attrs);
}

/* A group of text at one size, in the text colour. */
static void text_group(FILE *out, double size, const char *anchor)
{
    fputs("<g font-size=\"", out);
    num(out, size);
    fprintf(out, "\" fill=\"%s\"%s>\n", TEXT, anchor ? " text-anchor=\"end\"" : "");
}

static const char *label_of(const gk_chart_item *it)
{
    return it->label ? it->label : "";
}

/* The value as printed, else the bare amount. */
static const char *value_of(const gk_chart_item *it, char *buf)
{
    return it->text && *it->text ? it->text : gk_amount_format(it->value, buf);
}

static void open_svg(FILE *out, const gk_chart *c, const char *id, double height)
{
    /* No width or height: the page's CSS scales it to the column. */
    fputs("<svg viewBox=\"0 0 ", out);
    num(out, WIDTH);
    fputc(' ', out);
    num(out, height);
    fprintf(out, "\" role=\"img\" aria-labelledby=\"%s-t %s-d\">\n", id, id);
    fprintf(out, "<title id=\"%s-t\">", id);
    gk_html_text(out, c->title && *c->title ? c->title : "图表");
    fputs("</title>\n", out);
    /* The figures in words: what the drawing shows, for those who do not see it. */
    fprintf(out, "<desc id=\"%s-d\">", id);
    if (c->unit && *c->unit) {
        fputs("单位：", out);
        gk_html_text(out, c->unit);
        fputs("。", out);
    }
    for (size_t i = 0; i < c->nitems; i++) {
        char buf[GK_AMOUNT_BUFSIZE];
        gk_html_text(out, label_of(&c->items[i]));
        fputs("：", out);
        gk_html_text(out, value_of(&c->items[i], buf));
        fputs(i + 1 < c->nitems ? "；" : "。", out);
    }
    fputs("</desc>\n", out);
}

/* Horizontal bars, each with its label on the line above and its figure
 * at its end. */
static void bars(FILE *out, const gk_chart *c, const char *id)
{
    size_t n = c->nitems;
    double value_w = 0, max = 0;
    for (size_t i = 0; i < n; i++) {
        char buf[GK_AMOUNT_BUFSIZE];
        double w = gk_html_text_ems(value_of(&c->items[i], buf)) * VALUE_SIZE;
        value_w = w > value_w ? w : value_w;
        double m = magnitude(c->items[i].value);
        max = m > max ? m : max;
    }
    /* The longest bar leaves room for its figure at its end. */
    double bar_max = WIDTH - 1 - value_w - 10;
    if (bar_max < WIDTH / 4)
        bar_max = WIDTH / 4;
    double *len = calloc(n, sizeof *len);
    if (!len)
        abort();
    for (size_t i = 0; i < n; i++)
        len[i] = max > 0 ? bar_max * magnitude(c->items[i].value) / max : 0;
    open_svg(out, c, id, BAR_ROW * (double)n + 4);
    text_group(out, LABEL_SIZE, NULL);
    for (size_t i = 0; i < n; i++)
        text(out, 1, BAR_ROW * (double)i + 15, LABEL_SIZE, WIDTH - 2, label_of(&c->items[i]));
    fprintf(out, "</g>\n<g fill=\"%s\">\n", ACCENT);
    for (size_t i = 0; i < n; i++)
        if (len[i] > 0)
            rect(out, 1, BAR_ROW * (double)i + 22, len[i], BAR_HEIGHT, NULL);
    fputs("</g>\n", out);
    text_group(out, VALUE_SIZE, NULL);
    for (size_t i = 0; i < n; i++) {
        char buf[GK_AMOUNT_BUFSIZE];
        text(out, 1 + len[i] + 6, BAR_ROW * (double)i + 22 + 12.5, VALUE_SIZE, WIDTH - len[i] - 8,
             value_of(&c->items[i], buf));
    }
    fputs("</g>\n</svg>\n", out);
    free(len);
}

/* The point of the pie's rim at angle a (radians, clockwise from 3 o'clock:
 * SVG's y axis points down). */
static void rim(FILE *out, double cx, double cy, double a)
{
    num(out, cx + PIE_RADIUS * cos(a));
    fputc(' ', out);
    num(out, cy + PIE_RADIUS * sin(a));
}

/* A pie from 12 o'clock, clockwise, and its legend under it: swatch, label
 * at the left, figure at the right. */
static void pie(FILE *out, const gk_chart *c, const char *id)
{
    size_t n = c->nitems;
    double cx = WIDTH / 2, cy = PIE_RADIUS + 8, total = 0;
    for (size_t i = 0; i < n; i++)
        total += magnitude(c->items[i].value);
    double legend_top = cy + PIE_RADIUS + 16;
    open_svg(out, c, id, legend_top + LEGEND_ROW * (double)n + 4);
    if (total > 0) {
        fputs("<g stroke=\"#fff\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n", out);
        double a = -PI / 2;
        for (size_t i = 0; i < n; i++) {
            double sweep = 2 * PI * magnitude(c->items[i].value) / total;
            if (sweep <= 0)
                continue;
            if (sweep > 2 * PI - 1e-9) {      /* the whole: an arc cannot close on itself */
                char fill[32];
                snprintf(fill, sizeof fill, "fill=\"%s\"", slice_fill(i));
                circle(out, cx, cy, fill);
                break;
            }
            fputs("<path d=\"M", out);
            num(out, cx);
            fputc(' ', out);
            num(out, cy);
            fputs("L", out);
            rim(out, cx, cy, a);
            fputs("A", out);
            num(out, PIE_RADIUS);
            fputc(' ', out);
            num(out, PIE_RADIUS);
            fprintf(out, " 0 %d 1 ", sweep > PI ? 1 : 0);
            rim(out, cx, cy, a + sweep);
            fprintf(out, "Z\" fill=\"%s\"/>\n", slice_fill(i));
            a += sweep;
        }
        fputs("</g>\n", out);
    } else {                                  /* nothing to share: an empty circle */
        char attrs[80];
        snprintf(attrs, sizeof attrs, "fill=\"none\" stroke=\"%s\"", RULE);   /* 1 unit wide */
        circle(out, cx, cy, attrs);
    }
    /* Light swatches need an edge. */
    fprintf(out, "<g stroke=\"%s\" stroke-width=\"0.6\">\n", RULE);
    for (size_t i = 0; i < n; i++)
        rect(out, 24, legend_top + LEGEND_ROW * (double)i + 5, SWATCH, SWATCH, slice_fill(i));
    fputs("</g>\n", out);
    double label_x = 24 + SWATCH + 8, right = WIDTH - 8;
    text_group(out, LABEL_SIZE, NULL);
    for (size_t i = 0; i < n; i++) {
        char buf[GK_AMOUNT_BUFSIZE];
        double room = right - label_x - gk_html_text_ems(value_of(&c->items[i], buf)) * VALUE_SIZE - 12;
        text(out, label_x, legend_top + LEGEND_ROW * (double)i + 17, LABEL_SIZE,
             room > 60 ? room : 60, label_of(&c->items[i]));
    }
    fputs("</g>\n", out);
    text_group(out, VALUE_SIZE, "end");
    for (size_t i = 0; i < n; i++) {
        char buf[GK_AMOUNT_BUFSIZE];
        text(out, right, legend_top + LEGEND_ROW * (double)i + 17, VALUE_SIZE, 0,
             value_of(&c->items[i], buf));
    }
    fputs("</g>\n</svg>\n", out);
}

void gk_svg_chart(FILE *out, const gk_chart *c, const char *id)
{
    if (!c->items || c->nitems == 0)
        return;
    if (c->kind == GK_CHART_PIE)
        pie(out, c, id);
    else
        bars(out, c, id);
}
