/*
 * pdf_grid.h — a PDF page's characters as lines of text, tables as rows of
 * TAB-separated cells (internal to the PDF reader; the method is described
 * in pdf_grid.c).
 */
#ifndef GK_PDF_GRID_H
#define GK_PDF_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

/* One character with ink: its box in points from the page's top left, and
 * the size of its font. */
typedef struct pg_glyph {
    char utf8[8];
    double x0, y0, x1, y1;
    double size;
} pg_glyph;

/* Where a line of the generated text came from. */
typedef struct pg_origin {
    int page;          /* 1-based; 0 for a page marker line */
    int line;          /* on its page, 1-based */
    double box[4];     /* x0, y0, x1, y1 in points, top left origin */
    bool has_box;
    size_t text_at;    /* offset of the line in the text */
    size_t field0;     /* a table row: its cells' boxes, fields[field0 …] */
    size_t nfields;    /* 0 for a line that is not a table row */
} pg_origin;

typedef struct pg_carry pg_carry;   /* a table's columns, from page to page */

/* The text of a document's pages, line by line, and where each line came
 * from. */
typedef struct pg_doc {
    gk_buf text;
    pg_origin *lines;
    size_t n, cap;
    double (*fields)[4];            /* boxes of table cells (zero: blank) */
    size_t nfields, fcap;
    pg_carry *carry;
    gk_buf top;                     /* the first line of the page before */
} pg_doc;

/* Append page `page` ("=== page N ===" and its lines).  The glyphs are
 * reordered. */
void pg_add_page(pg_doc *d, int page, pg_glyph *g, size_t n, double width);

/* After the last page: lines held back at a page's foot (a table's header
 * waiting for its rows on the next page) are written. */
void pg_finish(pg_doc *d);

void pg_doc_free(pg_doc *d);

#endif
