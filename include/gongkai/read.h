/*
 * gongkai/read.h — reading documents into reports.
 *
 * The input format is detected from the content, never from the file name:
 * a gongkai JSON report, a PDF, or text.  Each format has its own reader;
 * readers build the report model and know nothing about rules.
 */
#ifndef GONGKAI_READ_H
#define GONGKAI_READ_H

#include <stddef.h>

#include "gongkai/error.h"
#include "gongkai/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gk_input_format {
    GK_INPUT_EMPTY = 0,  /* nothing but white space */
    GK_INPUT_JSON,       /* a gongkai report ("gongkai-report/1") */
    GK_INPUT_PDF,
    GK_INPUT_TEXT        /* plain text, Markdown, HTML-ish text */
} gk_input_format;

/* What the bytes are, judged from their content. */
gk_input_format gk_detect_format(const char *data, size_t len);

/* Read a document from memory.  `name` (may be NULL) is recorded as the
 * report's source.  NULL on failure, with err saying where and why. */
gk_report *gk_read(const char *data, size_t len, const char *name, gk_error *err);

/* Read a whole file ("-" is standard input) into malloc'd memory; *len gets
 * its size.  NULL on failure (missing, a directory, unreadable, too large),
 * with err saying why. */
char *gk_load_file(const char *path, size_t *len, gk_error *err);

/* A file's bytes, for gk_read: a PDF or a workbook (a zip) on disk is
 * mapped rather than read, so that poppler and libzip bring into memory only
 * what they read (the text of the pages, the sheets): a 200 MB PDF of
 * scanned images costs its text, not 200 MB.  Anything else (text, standard
 * input) is gk_load_file's copy.  Release with gk_file_close. */
typedef struct gk_file {
    const char *data;
    size_t len;
    bool mapped;
} gk_file;

bool gk_file_open(gk_file *f, const char *path, gk_error *err);
void gk_file_close(gk_file *f);

/* Scanned PDFs: pages read by OCR (Tesseract).  AUTO (the default) reads so
 * the pages with no text layer (or a few stamped characters) over a scan;
 * ALWAYS every page, NEVER none. */
typedef enum gk_ocr_mode { GK_OCR_AUTO = 0, GK_OCR_ALWAYS, GK_OCR_NEVER } gk_ocr_mode;

/* Process-wide, set before reading.  `progress` (may be NULL) is called
 * before each page is read by OCR: the document's name (may be NULL), the
 * page (1-based) and the document's pages.  It may be called from several
 * threads at once. */
void gk_read_set_ocr(gk_ocr_mode mode, void (*progress)(const char *name, int page, int pages));

/* gk_file_open then gk_read. */
gk_report *gk_read_file(const char *path, gk_error *err);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_READ_H */
