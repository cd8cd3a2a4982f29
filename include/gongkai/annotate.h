/*
 * gongkai/annotate.h — the findings drawn on the source PDF.
 *
 *     gk_file in;                       // the PDF's bytes, as read
 *     gk_report *r = gk_read(in.data, in.len, path, &err);
 *     gk_findings f;
 *     gk_check(r, &f);
 *     gk_annotate_pdf(in.data, in.len, &f, GK_INFO, out, &n, &err);
 *
 * Each finding of severity `min` and above becomes one highlight annotation
 * per page over the boxes of its cells and lines (a note in the margin when
 * it has a page but no box), its note the severity, rule and message,
 * coloured by severity (error red, warning orange, info blue); a note on
 * the first page lists them all.  The PDF is written to `out` with the
 * annotations as an incremental update: its own bytes are unchanged.
 */
#ifndef GONGKAI_ANNOTATE_H
#define GONGKAI_ANNOTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "gongkai/check.h"
#include "gongkai/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* data/len: the PDF the findings were made on.  *annotations gets the number
 * of annotations added (the summary note included).  False with err when
 * poppler cannot be loaded, the PDF cannot be opened or written. */
bool gk_annotate_pdf(const char *data, size_t len, const gk_findings *f, gk_severity min,
                     FILE *out, int *annotations, gk_error *err);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_ANNOTATE_H */
