/*
 * fuzz_render.c — composing and writing a document (gk_compose, the Markdown
 * and HTML writers) from any report the JSON reader accepts.
 *
 * The written document must be valid UTF-8 (a writer that cuts a name
 * inside a character would hand a browser or a reader garbage), and the
 * Markdown must read back as text, or be refused as no disclosure (what a
 * report with no kind and only 绩效目标表 renders as).  The PDF and Excel writers are left to
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

/* The amount (not a 绩效 form's text) of row y in `column`, or NULL. */
static const gk_cell *amount_in(const gk_row *y, const char *column)
{
    for (size_t k = 0; k < y->ncells; k++)
        if (!y->cells[k].text && strcmp(y->cells[k].column, column) == 0)
            return &y->cells[k];
    return NULL;
}

static size_t count_amounts(const gk_row *x)
{
    size_t n = 0;
    for (size_t k = 0; k < x->ncells; k++)
        n += x->cells[k].text == NULL;
    return n;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The first row of t from `from` on with x's code, label and side, or NULL:
 * a rendering may print rows in another order (economic classes side by
 * side), so rows pair by what they are, in order (as same_tables.py). */
static const gk_row *pair_of(const gk_table *t, const gk_row *x, const bool *used)
{
    for (size_t j = 0; j < t->nrows; j++)
        if (!used[j] && same_str(t->rows[j].code, x->code) &&
            same_str(t->rows[j].label, x->label) && t->rows[j].side == x->side)
            return &t->rows[j];
    return NULL;
}

/* The tables whose round trip is held to every amount: the 决算 set.  Not
 * yet the 预算 tables nor the 绩效 forms: fuzzing found reports whose
 * rendering does not read back the same — a 预算 summary in several views
 * renumbering its economic rows, a 绩效 form with a mutated header or row
 * label folding rows (docs/render.md, "Round trips"). */
static bool of_amounts(const gk_table *t)
{
    return gk_table_kind_doc(t->kind) == GK_DOC_FINAL;
}

/* The next table of amounts of r from *i on, or NULL. */
static const gk_table *next_of_amounts(const gk_report *r, size_t *i)
{
    while (*i < r->ntables && !of_amounts(&r->tables[*i]))
        ++*i;
    return *i < r->ntables ? &r->tables[(*i)++] : NULL;
}

static bool same_rows(const gk_table *s, const gk_table *t)
{
    if (s->kind != t->kind || s->nrows != t->nrows)
        return false;
    bool *used = calloc(t->nrows + 1, sizeof *used);
    if (!used)
        abort();
    bool same = true;
    for (size_t j = 0; j < s->nrows && same; j++) {
        const gk_row *x = &s->rows[j], *y = pair_of(t, x, used);
        same = y && count_amounts(x) == count_amounts(y);
        if (same)
            used[y - t->rows] = true;
        for (size_t k = 0; same && k < x->ncells; k++) {
            const gk_cell *c = &x->cells[k], *d = c->text ? c : amount_in(y, c->column);
            same = d && d->value.v == c->value.v && d->value.scale == c->value.scale;
        }
    }
    free(used);
    return same;
}

/* Do a and b hold the same tables of amounts, rows and amounts? */
static bool same_cells(const gk_report *a, const gk_report *b)
{
    size_t i = 0, j = 0;
    for (;;) {
        const gk_table *s = next_of_amounts(a, &i), *t = next_of_amounts(b, &j);
        if (!s || !t)
            return !s && !t;
        if (!same_rows(s, t))
            return false;
    }
}

/* d written as Markdown and read back; NULL when refused. */
static gk_report *markdown_round_trip(const gk_doc *d)
{
    size_t len;
    char *md = written(d, GK_FORMAT_MARKDOWN, &len);
    if (!md)
        return NULL;
    gk_error err;
    gk_report *back = gk_read_text(md, len, &err);
    free(md);
    return back;
}

/* A report read back from its rendering is what a document says; rendering
 * that again must lose nothing: every table, row and cell comes back. */
static void check_round_trip(const gk_report *once)
{
    gk_error err;
    gk_doc *d = gk_compose(once, &err);
    if (!d)
        return;
    gk_report *twice = markdown_round_trip(d);
    gk_doc_free(d);
    if (twice && !same_cells(once, twice))
        abort();
    gk_report_free(twice);
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
                if (back)
                    check_round_trip(back);
                gk_report_free(back);
            }
            free(out);
        }
        gk_doc_free(d);
    }
    gk_report_free(r);
    return 0;
}
