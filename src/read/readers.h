/*
 * readers.h — the format readers behind gk_read (internal).
 */
#ifndef GK_READERS_H
#define GK_READERS_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/error.h"
#include "gongkai/report.h"

/* A published document as text (read/text.c). */
gk_report *gk_read_text(const char *data, size_t len, gk_error *err);

/* A PDF's text layer, or its scans read by OCR, through the same
 * recogniser (read/pdf.c).  `name` (may be NULL) is for the OCR progress
 * callback (gk_read_set_ocr). */
gk_report *gk_read_pdf(const char *data, size_t len, const char *name, gk_error *err);

/* An Excel workbook, its sheets as tabbed lines through the same recogniser
 * (read/xlsx.c).  gk_xlsx_magic: the input starts as a ZIP package (or as an
 * old OLE2 .xls, which gk_read_xlsx refuses with the reason). */
bool gk_xlsx_magic(const char *data, size_t len);
gk_report *gk_read_xlsx(const char *data, size_t len, gk_error *err);

#endif
