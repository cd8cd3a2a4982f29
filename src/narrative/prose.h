/*
 * prose.h — the narrative as one normalised stream of sentences.
 *
 * Paragraphs arrive as readers found them: one per line for page text
 * (sentences wrapped mid-word over lines and pages), one per printed
 * paragraph for other text.  The stream joins them back into sentences and
 * normalises what extraction would otherwise trip over: full-width forms
 * (NFKC), spaces and quotes from extraction, Markdown bullets.  Every byte
 * of the stream can be traced back to the paragraph it came from.
 */
#ifndef GK_PROSE_H
#define GK_PROSE_H

#include <stddef.h>

#include "gongkai/narrative.h"
#include "gongkai/report.h"

/* A run of the stream taken from one paragraph. */
typedef struct prose_piece {
    size_t off;            /* where it starts in the stream */
    size_t para;           /* index into report->paragraphs */
    int block;             /* numbered item / subsection it belongs to */
    const char *title;     /* an unnumbered title line the reader kept as
                              prose ("2026年部门预算编制说明"): the section
                              it stands in, else NULL */
} prose_piece;

typedef struct prose {
    char *text;            /* NUL-terminated; '\n' ends every sentence */
    size_t len;
    prose_piece *pieces;
    size_t npieces;
} prose;

/* Build the stream of r's non-heading paragraphs (malloc'd; prose_free). */
void prose_build(const gk_report *r, prose *out);
void prose_free(prose *p);

/* Paragraphs carry copies of their heading: compare them by text. */
bool gk_same_section(const char *a, const char *b);

/* The piece holding stream offset `off`. */
const prose_piece *prose_piece_at(const prose *p, size_t off);

#endif
