/*
 * write/findings_json.c — the findings of one document as one JSON line, in
 * the shape CONTRACT.md fixes for `gongkai check --format json`.
 */
#include <jansson.h>
#include <stdlib.h>

#include "gongkai/check.h"
#include "gongkai/json.h"
#include "json_util.h"


/* A place of a finding; PDF input adds the box of the cell (or line) on its page,
 * a document in several files the file it is in. */
static json_t *location_json(const gk_report *r, const gk_location *l)
{
    json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "line", gk_json_int(l->pos.line),
                          "page", gk_json_int(l->pos.page), "table",
                          gk_json_str(gk_table_kind_name(l->table)), "row", gk_json_str(l->row),
                          "column", gk_json_str(l->column), "value", gk_json_str(l->value));
    if (!o || (l->pos.has_box && json_object_set_new(o, "box", gk_json_box(l->pos.box)) != 0) ||
        (r->nparts && json_object_set_new(o, "file", gk_json_str(gk_report_file_of(r, l->pos))) != 0))
        gk_out_of_memory();
    return o;
}

static json_t *finding_json(const gk_report *r, const gk_finding *f)
{
    const gk_location *first = &f->locs[0];
    json_t *locs = json_array();
    for (size_t i = 0; i < f->nlocs; i++)
        json_array_append_new(locs, location_json(r, &f->locs[i]));
    json_t *o = json_pack("{s:s, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "rule",
                     f->rule, "fingerprint", gk_json_str(f->fingerprint), "severity",
                     gk_severity_name(f->severity), "message", f->message, "line",
                     gk_json_int(first->pos.line), "page", gk_json_int(first->pos.page), "table",
                     gk_json_str(gk_table_kind_name(first->table)), "row",
                     gk_json_str(first->row), "column", gk_json_str(first->column), "expected",
                     gk_json_str(f->expected), "actual", gk_json_str(f->actual), "locations",
                     locs);
    if (!o)
        gk_out_of_memory();
    if (f->quote && json_object_set_new(o, "quote", json_string(f->quote)) != 0)
        gk_out_of_memory();
    if (f->nalso) {             /* the other rules one wrong cell breaks */
        json_t *also = json_array();
        for (size_t i = 0; i < f->nalso; i++)
            if (!also || json_array_append_new(also, json_string(f->also[i])) != 0)
                gk_out_of_memory();
        if (json_object_set_new(o, "also", also) != 0)
            gk_out_of_memory();
    }
    return o;
}

char *gk_findings_to_json(const gk_findings *f, const char *file, const char *status)
{
    const gk_report *r = f->report;
    json_t *tables = json_array(), *findings = json_array();
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        json_array_append_new(tables, json_pack("{s:o, s:o, s:o, s:o}", "kind",
                                                gk_json_str(gk_table_kind_name(t->kind)),
                                                "title", gk_json_str(t->title), "line",
                                                gk_json_int(t->pos.line), "page",
                                                gk_json_int(t->pos.page)));
    }
    for (size_t i = 0; i < f->n; i++)
        json_array_append_new(findings, finding_json(r, &f->items[i]));
    const gk_narrative_stats *st = &f->narrative;
    json_t *doc = json_pack(
        "{s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:{s:i, s:i, s:i, s:i, s:i, s:i}}", "file", gk_json_str(file),
        "status", status, "unit", gk_json_str(r->unit), "year", gk_json_int(r->year), "kind",
        gk_json_str(gk_doc_kind_name(r->kind)), "tables", tables, "findings", findings,
        "narrative", "figures", st->figures, "amounts", st->money, "percentages", st->percent,
        "bound", st->bound, "tied", st->tied, "claims", st->claims);
    if (!doc)
        gk_out_of_memory();
    const gk_coverage *c = &f->coverage;
    json_t *coverage = json_pack(
        "{s:i, s:i, s:i, s:{s:i, s:i, s:i, s:i}, s:{s:i, s:i}}", "tables", c->tables,
        "cells_read", c->cells, "cells_unread", c->unread, "identities", "evaluated",
        c->evaluated, "held", c->held, "failed", c->failed, "not_evaluated", c->not_evaluated,
        "narrative_amounts", "bound", st->bound, "unbound", st->money - st->bound);
    if (!coverage || json_object_set_new(doc, "coverage", coverage) != 0)
        gk_out_of_memory();
    if (f->accepted && json_object_set_new(doc, "accepted", json_integer((json_int_t)f->accepted)) != 0)
        gk_out_of_memory();
    if (r->nparts) {             /* one document in several files: every one of them */
        json_t *files = json_array();
        if (!files || json_array_append_new(files, gk_json_str(file)) != 0 ||
            json_object_set_new(doc, "files", files) != 0)
            gk_out_of_memory();
        for (size_t i = 0; i < r->nparts; i++)
            if (json_array_append_new(files, gk_json_str(r->parts[i])) != 0)
                gk_out_of_memory();
    }
    char *s = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(9));   /* boxes: 0.00001 pt */
    json_decref(doc);
    if (!s)
        gk_out_of_memory();
    return s;
}

char *gk_unchecked_to_json(const char *file, const char *status, const char *reason)
{
    json_t *doc = json_pack("{s:o, s:s, s:o}", "file", gk_json_str(file), "status", status,
                            "reason", gk_json_str(reason));
    if (!doc)
        gk_out_of_memory();
    char *s = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    if (!s)
        gk_out_of_memory();
    return s;
}
