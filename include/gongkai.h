/*
 * gongkai.h — the whole public API of libgongkai.
 *
 * gongkai reads Chinese budget and final-accounts disclosure documents
 * (部门预算/决算公开) into one model, audits them, and writes documents from
 * the model.  The headers below are the manual:
 *
 *   gongkai/amount.h   exact money amounts and rounded-figure arithmetic
 *   gongkai/report.h   the report model: tables, rows, cells, narrative
 *   gongkai/catalog.h  the classification catalog and name matching
 *   gongkai/error.h    why an input could not be read
 *   gongkai/read.h     reading documents (format detected from content)
 *   gongkai/json.h     the report model (and findings) as JSON
 *   gongkai/check.h    rules and findings
 *
 * A typical use:
 *
 *     gk_error err;
 *     gk_report *r = gk_read_file("report.json", &err);
 *     if (!r) { fprintf(stderr, "%s\n", err.message); return 2; }
 *     gk_findings f;
 *     gk_check(r, &f);
 *     for (size_t i = 0; i < f.n; i++) puts(f.items[i].message);
 *     gk_report_free(r);          // findings live in the report
 */
#ifndef GONGKAI_H
#define GONGKAI_H

#include "gongkai/amount.h"
#include "gongkai/catalog.h"
#include "gongkai/check.h"
#include "gongkai/error.h"
#include "gongkai/json.h"
#include "gongkai/read.h"
#include "gongkai/report.h"

#endif /* GONGKAI_H */
