/*
 * html.h — what the HTML writer's files share (internal to src/write).
 *
 * html.c writes the page, svg_chart.c draws a chart as inline SVG into it.
 * Both escape text the same way.
 */
#ifndef GK_HTML_H
#define GK_HTML_H

#include <stdio.h>

#include "gongkai/render.h"

/* Text as HTML character data or attribute value: & < > " ' escaped, tabs
 * and line breaks as spaces (a tab or a line break in a cell would split
 * the row for readers that strip the tags), other control characters
 * dropped (HTML does not allow them). */
void gk_html_text(FILE *out, const char *s);

/* An estimate of the width of text set at 1 em, in ems: a CJK or fullwidth
 * character is 1, a narrow one about 0.55.  For SVG geometry and print
 * layout hints only; browsers measure the real thing. */
double gk_html_text_ems(const char *s);

/* The chart as an <svg role="img"> with <title> and <desc>; `id` makes its
 * element ids unique in the page. */
void gk_svg_chart(FILE *out, const gk_chart *c, const char *id);

#endif
