/*
 * gongkai/findings_html.h — the reviewer's report as one HTML page
 * (`gongkai check --format html`, docs/review.md).
 *
 *     gk_findings_html_begin(out);
 *     gk_findings_html_document(out, &f, "a.pdf", GK_INFO, 0);   // each document
 *     gk_findings_html_end(out);
 *
 * The page needs no network and no other file; its filters and its index
 * of documents are plain JavaScript in the page.
 */
#ifndef GONGKAI_FINDINGS_HTML_H
#define GONGKAI_FINDINGS_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "gongkai/check.h"

#ifdef __cplusplus
extern "C" {
#endif

void gk_findings_html_begin(FILE *out);

/* One document: verdict, coverage, the findings of severity `min` and above
 * (errors first), its tables with their cells marked, its narrative with
 * its lines marked.  `index` makes the ids of the page unique. */
void gk_findings_html_document(FILE *out, const gk_findings *f, const char *file,
                               gk_severity min, size_t index);

/* A file that was not checked: unreadable, or skipped (no disclosure). */
void gk_findings_html_unchecked(FILE *out, const char *file, const char *reason, bool skipped,
                                size_t index);

void gk_findings_html_end(FILE *out);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_FINDINGS_HTML_H */
