/*
 * fuzz_render.c — composing and writing a document (gk_compose, the Markdown
 * and HTML writers) from any report the JSON reader accepts.
 *
 * The written document must be valid UTF-8 (a writer that cuts a name
 * inside a character would hand a browser or a reader garbage), and the
 * Markdown must read back as text, or be refused as no disclosure (what a
 * report with no kind and only 绩效目标表 renders as).  Composing loses no
 * cell: every amount of a table is in the grid the writers print.  The PDF and Excel writers are left to
 * the round-trip tests (tests/write/): they load fonts and zip, and would
 * cut the runs a second a hundredfold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gongkai/json.h"
#include "gongkai/render.h"
#include "../src/read/readers.h"
#include "fuzz.h"

static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (k == 0 || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
        i += k;
    }
    return true;
}

/* Write d in `format` into memory; the bytes (malloc'd) or NULL when the
 * writer refused. */
static char *written(const gk_doc *d, gk_format format, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        abort();
    gk_error err;
    bool ok = gk_write_doc(d, format, f, &err);
    if (fclose(f) != 0)
        abort();
    if (!ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_error err;
    gk_report *r = gk_report_from_json((const char *)data, size, &err);
    if (!r)
        return 0;
    gk_doc *d = gk_compose(r, &err);
    if (d) {
        static const gk_format FORMATS[] = {GK_FORMAT_MARKDOWN, GK_FORMAT_HTML};
        for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
            size_t len;
            char *out = written(d, FORMATS[i], &len);
            if (!out)
                continue;
            if (!valid_utf8((const unsigned char *)out, len))
                abort();
            if (FORMATS[i] == GK_FORMAT_MARKDOWN) {
                /* It reads back, or is refused for what it is: a report with
                 * no kind and only 绩效目标表 renders as no disclosure. */
                gk_report *back = gk_read_text(out, len, &err);
                if (!back && !err.not_disclosure)
                    abort();
                gk_report_free(back);
            }
            free(out);
        }
        gk_doc_free(d);
    }
    gk_report_free(r);
    return 0;
}
