/*
 * write/json.c — the report model as canonical JSON (gongkai-report/1).
 *
 * jansson builds and escapes every value; this file only lays them out:
 * objects indented by two spaces, but each row and each paragraph on one
 * line, so that large reports stay readable and diff well.
 */
#include "gongkai/json.h"

#include <jansson.h>
#include <stdlib.h>

#include "../util/buf.h"
#include "json_util.h"

#define FORMAT_NAME "gongkai-report/1"
#define DUMP_FLAGS (JSON_ENCODE_ANY | JSON_INDENT(0) | JSON_REAL_PRECISION(10))


static void set(json_t *obj, const char *key, json_t *v)
{
    if (json_object_set_new(obj, key, v) != 0)
        gk_out_of_memory();
}

/* Does a cell carry a position or flag of its own, beyond its row's? */
static int cell_has_source(const gk_cell *c, const gk_row *row)
{
    return (c->pos.line && c->pos.line != row->pos.line) ||
           (c->pos.page && c->pos.page != row->pos.page) || c->pos.has_box ||
           (c->flags & (GK_CELL_RECONSTRUCTED | GK_CELL_OCR));
}

static json_t *row_json(const gk_row *row)
{
    json_t *o = gk_json_checked(json_object());
    set(o, "code", gk_json_str(row->code));
    set(o, "label", gk_json_str(row->label));
    set(o, "side", gk_json_str(gk_side_name(row->side)));
    set(o, "line", gk_json_int(row->pos.line));
    if (row->pos.page)
        set(o, "page", gk_json_checked(json_integer(row->pos.page)));
    if (row->pos.has_box)
        set(o, "box", gk_json_box(row->pos.box));

    json_t *cells = gk_json_checked(json_object()), *texts = NULL, *sources = NULL;
    for (size_t i = 0; i < row->ncells; i++) {
        const gk_cell *c = &row->cells[i];
        if (c->text) {
            if (!texts)
                texts = gk_json_checked(json_object());
            set(texts, c->column, gk_json_str(c->text));
        } else {
            char buf[GK_AMOUNT_BUFSIZE];
            set(cells, c->column, gk_json_checked(json_string(gk_amount_format(c->value, buf))));
        }
        if (cell_has_source(c, row)) {
            json_t *s = gk_json_checked(json_object());
            if (c->pos.line)
                set(s, "line", gk_json_checked(json_integer(c->pos.line)));
            if (c->pos.page)
                set(s, "page", gk_json_checked(json_integer(c->pos.page)));
            if (c->pos.has_box)
                set(s, "box", gk_json_box(c->pos.box));
            if (c->flags & GK_CELL_RECONSTRUCTED)
                set(s, "reconstructed", gk_json_checked(json_true()));
            if (c->flags & GK_CELL_OCR)
                set(s, "ocr_confidence", gk_json_checked(json_integer(c->ocr_conf)));
            if (!sources)
                sources = gk_json_checked(json_object());
            set(sources, c->column, s);
        }
    }
    set(o, "cells", cells);
    if (texts)
        set(o, "texts", texts);
    if (sources)
        set(o, "sources", sources);
    return o;
}

static void put_value(gk_buf *b, json_t *v)
{
    char *s = json_dumps(v, DUMP_FLAGS);
    if (!s)
        gk_out_of_memory();
    gk_buf_puts(b, s);
    free(s);
    json_decref(v);
}

/* "key": value at the given indentation, with a leading ",\n" unless first. */
static void put_member(gk_buf *b, int indent, int *first, const char *key, json_t *v)
{
    gk_buf_puts(b, *first ? "\n" : ",\n");
    *first = 0;
    gk_buf_printf(b, "%*s", indent, "");
    put_value(b, gk_json_str(key));
    gk_buf_puts(b, ": ");
    put_value(b, v);
}

/* An array whose elements are one-line values, one per line. */
static void put_lines(gk_buf *b, int indent, json_t **items, size_t n)
{
    if (n == 0) {
        gk_buf_puts(b, "[]");
        return;
    }
    gk_buf_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        gk_buf_printf(b, "%s\n%*s", i ? "," : "", indent + 2, "");
        put_value(b, items[i]);
    }
    gk_buf_printf(b, "\n%*s]", indent, "");
}

static void put_table(gk_buf *b, const gk_table *t)
{
    int first = 1;
    gk_buf_puts(b, "    {");
    put_member(b, 6, &first, "kind", gk_json_str(gk_table_kind_name(t->kind)));
    put_member(b, 6, &first, "title", gk_json_str(t->title));
    put_member(b, 6, &first, "number", gk_json_str(t->number));
    put_member(b, 6, &first, "unit", gk_json_str(gk_unit_name(t->unit)));
    put_member(b, 6, &first, "line", gk_json_int(t->pos.line));
    put_member(b, 6, &first, "page", gk_json_int(t->pos.page));
    if (t->pos.has_box)
        put_member(b, 6, &first, "box", gk_json_box(t->pos.box));
    put_member(b, 6, &first, "empty_note", gk_json_str(t->empty_note));
    if (t->note_pos.line)
        put_member(b, 6, &first, "note_line", gk_json_int(t->note_pos.line));
    if (t->unit_name)
        put_member(b, 6, &first, "unit_name", gk_json_str(t->unit_name));
    if (t->partial)
        put_member(b, 6, &first, "partial", gk_json_checked(json_true()));
    gk_buf_puts(b, ",\n      \"rows\": ");
    json_t **rows = malloc((t->nrows ? t->nrows : 1) * sizeof *rows);
    if (!rows)
        gk_out_of_memory();
    for (size_t i = 0; i < t->nrows; i++)
        rows[i] = row_json(&t->rows[i]);
    put_lines(b, 6, rows, t->nrows);
    free(rows);
    gk_buf_puts(b, "\n    }");
}

static json_t *paragraph_json(const gk_paragraph *p)
{
    json_t *o = gk_json_checked(json_object());
    set(o, "section", gk_json_str(p->section));
    set(o, "line", gk_json_int(p->pos.line));
    set(o, "page", gk_json_int(p->pos.page));
    set(o, "text", gk_json_str(p->text));
    if (p->heading)
        set(o, "heading", gk_json_checked(json_true()));
    return o;
}

char *gk_report_to_json(const gk_report *r)
{
    gk_buf b = GK_BUF_INIT;
    int first = 1;
    gk_buf_puts(&b, "{");
    put_member(&b, 2, &first, "format", gk_json_checked(json_string(FORMAT_NAME)));
    put_member(&b, 2, &first, "unit", gk_json_str(r->unit));
    put_member(&b, 2, &first, "year", gk_json_int(r->year));
    put_member(&b, 2, &first, "kind", gk_json_str(gk_doc_kind_name(r->kind)));
    put_member(&b, 2, &first, "amount_unit", gk_json_str(gk_unit_name(r->amount_unit)));
    put_member(&b, 2, &first, "consolidated", gk_json_checked(json_boolean(r->consolidated)));
    if (r->level)               /* only when known: documents without it read as before */
        put_member(&b, 2, &first, "level", gk_json_str(r->level));
    gk_buf_puts(&b, ",\n  \"tables\": ");
    if (r->ntables == 0) {
        gk_buf_puts(&b, "[]");
    } else {
        gk_buf_puts(&b, "[\n");
        for (size_t i = 0; i < r->ntables; i++) {
            if (i)
                gk_buf_puts(&b, ",\n");
            put_table(&b, &r->tables[i]);
        }
        gk_buf_puts(&b, "\n  ]");
    }
    if (r->nparagraphs) {
        gk_buf_puts(&b, ",\n  \"narrative\": ");
        json_t **items = malloc(r->nparagraphs * sizeof *items);
        if (!items)
            gk_out_of_memory();
        for (size_t i = 0; i < r->nparagraphs; i++)
            items[i] = paragraph_json(&r->paragraphs[i]);
        put_lines(&b, 2, items, r->nparagraphs);
        free(items);
    }
    if (r->nfacts) {
        gk_buf_puts(&b, ",\n  \"facts\": {");
        for (size_t i = 0; i < r->nfacts; i++) {
            int one = 1;
            gk_buf_puts(&b, i ? "," : "");
            put_member(&b, 4, &one, r->facts[i].key, gk_json_str(r->facts[i].value));
        }
        gk_buf_puts(&b, "\n  }");
    }
    gk_buf_puts(&b, "\n}\n");
    return gk_buf_take(&b);
}
