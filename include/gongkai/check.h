/*
 * gongkai/check.h — rules and their findings.
 *
 * A rule reads a report and reports findings: what is wrong (a Chinese
 * message with the figures and the fix), how bad (error, warning, info) and
 * every place involved.  Rules know nothing about input formats; output
 * formats (text, JSON) know nothing about rules.  docs/rules.md is the
 * catalogue of rules with examples; `gongkai rules` lists them.
 */
#ifndef GONGKAI_CHECK_H
#define GONGKAI_CHECK_H

#include <stddef.h>

#include "gongkai/error.h"
#include "gongkai/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gk_severity {
    GK_INFO = 0,    /* rounding differences (尾差), style notes */
    GK_WARNING,     /* likely wrong; needs a human */
    GK_ERROR        /* an inconsistency beyond rounding, a missing part */
} gk_severity;

const char *gk_severity_name(gk_severity s);   /* "info", "warning", "error" */

/* One place a finding concerns: a table cell, a row, or a narrative line. */
typedef struct gk_location {
    gk_pos pos;
    gk_table_kind table;   /* GK_TABLE_UNKNOWN outside tables */
    const char *row;       /* the row's code, else its label; NULL */
    const char *column;    /* NULL for a whole row */
    const char *value;     /* the printed value there, or NULL */
    /* In an identity's finding: the cell's coefficient in left − right
     * (+1 or −1), so that a fix can be worked out; 0 elsewhere. */
    signed char sign;
} gk_location;

typedef struct gk_finding {
    const char *rule;       /* stable id, e.g. "CLS003" */
    gk_severity severity;
    const char *message;
    const char *expected;   /* decimal strings, or NULL */
    const char *actual;
    gk_location *locs;      /* at least one */
    size_t nlocs;
    /* The other rules this finding stands for: one wrong cell breaking
     * several identities is one finding (under the first rule's id). */
    const char **also;
    size_t nalso;
    /* The words it is about, as printed, to search for in a viewer: the
     * row's code and name with the figure, the narrative's sentence, the
     * table's title; NULL when nothing is printed there. */
    const char *quote;
    /* What identifies the finding in its document whatever the layout: 16
     * hex digits hashing the rule, each place's table kind, row, column and
     * printed value, the expected and actual figures and the document's words
     * the message quotes (“…”) — not page, line or file name, so that it
     * survives re-running and re-rendering.  The k-th finding of a document
     * with the same hash gets "-k" (k ≥ 2).  Set by gk_check. */
    const char *fingerprint;
} gk_finding;

/* Is f a finding of `rule`, itself or as one of those it stands for? */
bool gk_finding_is(const gk_finding *f, const char *rule);

/* What the narrative rules found to check (`gongkai check --stats`). */
typedef struct gk_narrative_stats {
    int figures;    /* numbers with a unit in the narrative */
    int money;      /* … of them amounts */
    int percent;    /* … of them percentages */
    int bound;      /* amounts tied to the table cell they name, or through a
                       checked relation to one (`tied`) */
    int tied;       /* … of them changes and earlier years' amounts checked
                       through a relation to an amount bound to its cell:
                       "比上年增加C万元，增长P%", "较上年A万元增加C万元" */
    int claims;     /* changes, shares, completion rates, comparisons, totals */
} gk_narrative_stats;

/* How much of the document the check covered: what was read, what the reader
 * could not read (its notes: coverage, not findings about the document), and
 * how the audit formulas fared.  An identity is one formula on one row (or
 * one table); one that names what the document lacks is not evaluated. */
typedef struct gk_coverage {
    int tables;           /* tables read */
    int cells;            /* amount cells read */
    int unread;           /* places the reader could not read (its notes) */
    int evaluated;        /* identities evaluated … */
    int held;             /* … that held (within rounding) */
    int failed;           /* … that did not */
    int not_evaluated;    /* formulas not evaluated (see `skipped`) */
} gk_coverage;

/* The findings of one report; they live in the report's arena.  `skipped`
 * says, for each audit formula that was not evaluated, why ("BUD001：文档
 *中没有收支预算总表"): what names something absent is never a finding, and
 * `gongkai check -v` shows these. */
typedef struct gk_findings {
    gk_report *report;
    gk_finding *items;
    size_t n, cap;
    gk_narrative_stats narrative;
    gk_coverage coverage;
    const char **skipped;
    size_t nskipped, skipped_cap;
    /* Findings a reviewer accepted (check --accept), left out of items. */
    size_t accepted;
} gk_findings;

typedef struct gk_rule_info {
    const char *id;
    gk_severity severity;   /* the most severe it reports */
    const char *summary;    /* one line, Chinese */
} gk_rule_info;

/* Every rule, in catalogue order; *n gets the count. */
const gk_rule_info *gk_rules(size_t *n);

/* Run every rule over r; the findings are sorted by position. */
void gk_check(gk_report *r, gk_findings *out);

/* A user's own audit formulas (`gongkai check --rules FILE`), in the
 * language of docs/rules.md. */
typedef struct gk_ruleset gk_ruleset;

/* Load a rule file; NULL with err (file, line, what was expected) when it
 * cannot be read or parsed. */
gk_ruleset *gk_ruleset_load(const char *path, gk_error *err);
void gk_ruleset_free(gk_ruleset *rs);

/* gk_check, then the extra rules (may be NULL). */
void gk_check_with(gk_report *r, const gk_ruleset *extra, gk_findings *out);

/* For rules: add a finding with one location; more with gk_finding_locate.
 * The message is printf-style and copied. */
gk_finding *gk_report_finding(gk_findings *f, const char *rule, gk_severity sev,
                              const gk_location *loc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void gk_finding_locate(gk_findings *f, gk_finding *finding, const gk_location *loc);

/* What a location stands on: a table (its title), a row and maybe its
 * cell, or a paragraph of the narrative. */
typedef struct gk_place {
    const gk_table *table;
    const gk_row *row;
    const gk_cell *cell;
    const gk_paragraph *paragraph;
} gk_place;

/* Finding what locations stand on, in a report of any size: made once,
 * then each location in O(log n). */
typedef struct gk_locator gk_locator;
gk_locator *gk_locator_new(const gk_report *r);
bool gk_locate(const gk_locator *lc, const gk_location *l, gk_place *out);
void gk_locator_free(gk_locator *lc);

/* The location of a row (and column, may be NULL) of a table. */
gk_location gk_location_of(const gk_table *t, const gk_row *row, const char *column);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_CHECK_H */
