/*
 * compose.h — laying a report out as a document (internal to the writers).
 *
 * compose.c puts the parts in order, compose_table.c turns each table into
 * a grid, compose_text.c writes the 情况说明 from the figures.
 */
#ifndef GK_COMPOSE_H
#define GK_COMPOSE_H

#include <time.h>

#include "gongkai/render.h"

/* Append a block (zeroed but for its kind) to the document. */
gk_block *gk_doc_add(gk_doc *d, gk_block_kind kind);

/* printf into the document's arena. */
const char *gk_doc_printf(gk_doc *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The grid of a table as it is printed in the national layout: header rows
 * with their spans, then one row per table row (two-sided tables pair their
 * 收入 and 支出 rows; the 基本支出 table sets its economic groups side by
 * side; 三公 sets 预算数 and 决算数 side by side). */
void gk_compose_grid(gk_doc *d, const gk_table *t, gk_grid *out);

/* Append the 情况说明 (headings and paragraphs) written from the report's
 * tables. */
void gk_compose_narrative(gk_doc *d, const gk_report *r);

/* Now, or the moment SOURCE_DATE_EPOCH names, for reproducible output (the
 * cover's month written, a PDF's creation date). */
struct tm gk_doc_now(void);

/* An amount as printed, in its own precision: "1234.56", or with
 * thousands separators, "1,234.56", when `grouped` (元 tables print them,
 * 万元 tables do not). */
const char *gk_doc_amount(gk_doc *d, gk_amount a, bool grouped);

/* An amount in 万元 as the prose says it: two decimals at least, as the
 * published documents print them ("450.00万元" for a fact typed "450" or a
 * table of one decimal); more when the figure has them (a 元 figure
 * converted: "419.52687万元"), since the changes and rates written beside it
 * are computed from the exact figures; "0万元" for nothing. */
const char *gk_doc_wan(gk_doc *d, gk_amount a);

/* "一", "二" … "十五" for 0 … 14; "" beyond. */
const char *gk_doc_numeral(int i);

#endif
