/*
 * fuzz_pdf.c — the PDF reader (gk_read_pdf: poppler-glib's text layer, lines
 * rebuilt from character boxes, then the text recogniser), then every rule
 * on what it read.
 *
 * poppler itself is not instrumented (it is dlopen'ed from the system): what
 * is fuzzed is gongkai's side, on whatever poppler makes of damaged input.
 * OCR is off: Tesseract takes a second a page, and a mutated scan is a
 * test of Tesseract, not of gongkai.
 */
#include "gongkai/read.h"
#include "gongkai/check.h"
#include "../src/read/readers.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_error err;
    gk_read_set_ocr(GK_OCR_NEVER, NULL);
    gk_report *r = gk_read_pdf((const char *)data, size, NULL, &err);
    if (!r)
        return 0;
    gk_findings f;
    gk_check(r, &f);
    gk_report_free(r);
    return 0;
}
