/*
 * gongkai/json.h — the report model as JSON ("gongkai-report/1").
 *
 * The format is described in docs/format.md (with a JSON Schema in
 * docs/report.schema.json) and, for the parts outside tools rely on, in
 * CONTRACT.md.  Writing is canonical: 2-space indentation, keys in a fixed
 * order, each table row and narrative paragraph on one line, UTF-8 as is.
 * Reading a canonical document and writing it again gives the same bytes.
 */
#ifndef GONGKAI_JSON_H
#define GONGKAI_JSON_H

#include <stddef.h>

#include "gongkai/error.h"
#include "gongkai/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The report as JSON text ending in a newline; malloc'd, the caller frees
 * it. */
char *gk_report_to_json(const gk_report *r);

/* Read a report from JSON text (len bytes).  NULL on failure, with err
 * saying where (line and column for syntax, a path such as
 * tables[2].rows[5].cells.基本支出 for content) and what was expected. */
gk_report *gk_report_from_json(const char *text, size_t len, gk_error *err);

/* The findings of one document as one line of JSON (no newline), in the
 * shape of CONTRACT.md: file, status ("clean" or "findings": what the
 * caller judged of the whole document), unit, year, kind, tables, findings
 * with every location.  malloc'd; the caller frees it. */
struct gk_findings;
char *gk_findings_to_json(const struct gk_findings *f, const char *file, const char *status);

/* The line of a document that was not checked: file, status ("unreadable"
 * or "skipped") and the reason.  malloc'd; the caller frees it. */
char *gk_unchecked_to_json(const char *file, const char *status, const char *reason);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_JSON_H */
