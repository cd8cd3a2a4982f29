/*
 * ocr.h — a scanned PDF page's characters, recognised by Tesseract
 * (internal to the PDF reader; the method is described in ocr.c).
 */
#ifndef GK_OCR_H
#define GK_OCR_H

#include <stdbool.h>
#include <stddef.h>

#include "pdf_grid.h"

typedef struct _PopplerPage PopplerPage;

/* A recogniser: Tesseract with its models loaded, kept for the pages of
 * one document. */
typedef struct ocr_engine ocr_engine;

/* A recognised character's box in points and Tesseract's confidence in it
 * (0–100), in the order of the glyphs handed out. */
typedef struct ocr_mark {
    double box[4];
    float conf;
} ocr_mark;

/* The engine, or NULL with the reason in why (a library or a model
 * missing). */
ocr_engine *ocr_new(char *why, size_t whylen);
void ocr_free(ocr_engine *e);

/* Does the page carry an image covering at least half of it (a scan)? */
bool ocr_page_has_scan(PopplerPage *page, double width, double height);

/* The characters of the page, rendered at a resolution suited to its scan
 * and recognised; *marks (malloc'd, n entries) gets their confidences.
 * NULL with *n = 0 when nothing was read. */
pg_glyph *ocr_page(ocr_engine *e, PopplerPage *page, double width, double height, size_t *n,
                   ocr_mark **marks);

#endif
