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

static int amount_order(const void *a, const void *b)
{
    return gk_amount_cmp(*(const gk_amount *)a, *(const gk_amount *)b);
}

/* Composing loses no cell: every amount of every table shown is in its
 * grid as an amount cell with the same value (the writers only print
 * grids).  What the second reading of a written document keeps is the
 * round trip tests' (tests/write/roundtrip.sh) and the readers' concern. */
static void no_cell_lost(const gk_doc *d)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        if (b->kind != GK_BLOCK_TABLE || !b->table)
            continue;
        size_t n = 0, m = 0;
        for (size_t r = 0; r < b->table->nrows; r++)
            n += b->table->rows[r].ncells;
        const gk_grid *g = &b->grid;
        size_t cells = (size_t)g->nrows * (size_t)g->ncols;
        gk_amount *want = malloc((n + 1) * sizeof *want), *have = malloc((cells + 1) * sizeof *have);
        if (!want || !have)
            abort();
        n = 0;
        for (size_t r = 0; r < b->table->nrows; r++)
            for (size_t c = 0; c < b->table->rows[r].ncells; c++)
                if (!b->table->rows[r].cells[c].text)
                    want[n++] = b->table->rows[r].cells[c].value;
        for (size_t c = 0; c < cells; c++)
            if (g->cells[c].is_amount && g->cells[c].colspan)
                have[m++] = g->cells[c].value;
        qsort(want, n, sizeof *want, amount_order);
        qsort(have, m, sizeof *have, amount_order);
        size_t k = 0;                          /* want ⊆ have, as multisets */
        for (size_t j = 0; j < n; j++) {
            while (k < m && gk_amount_cmp(have[k], want[j]) < 0)
                k++;
            if (k == m || gk_amount_cmp(have[k], want[j]) != 0) {
                char buf[GK_AMOUNT_BUFSIZE];
                fprintf(stderr, "fuzz_render: table %zu (%s): amount %s not in its grid\n", i,
                        b->text ? b->text : "", gk_amount_format(want[j], buf));
                abort();
            }
            k++;
        }
        free(want);
        free(have);
    }
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
        no_cell_lost(d);
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
