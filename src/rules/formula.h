/*
 * formula.h — audit formulas (审核公式): the identities of tables, as data.
 *
 * A rule file holds rules separated by blank lines; each is a header line
 * and one formula line:
 *
 *     [EXP001] error 支出决算表各行：本年支出合计等于各项支出之和
 *     expense[*].本年支出合计 = expense[*].基本支出 + expense[*].项目支出
 *
 *     [EXP002] error 支出决算表：上级科目等于下级科目之和，合计等于各类之和
 *     TREE expense.本年支出合计 expense.基本支出 expense.项目支出
 *
 * A term is TABLE[ROW].COLUMN.  ROW is one of
 *     *          every row (all [*] terms of a formula speak of the same row,
 *                matched by code, else by label, across tables)
 *     类         every 3-digit 类 code present in the tables named
 *     2101501    the row with that code
 *     "合计"     the row with that label;  支出:"总计" on a side;  "上年结转"?
 *                a row the table may lack (then blank, not a reason to skip)
 * SUM t[类].c adds every 类 row of t.  Relations: = <= >=.  An optional
 * line "WHEN 单位 行政单位" between header and formula limits the rule to
 * documents of that kind (部门, 单位, 行政单位).  TREE checks each 类/款 against the sum of its
 * children and the 合计 row against the sum of the 类, column by column.
 * docs/rules.md describes the language with examples.
 */
#ifndef GK_FORMULA_H
#define GK_FORMULA_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/check.h"
#include "gongkai/error.h"

typedef enum gk_row_sel {
    GK_SEL_EACH,    /* [*] */
    GK_SEL_CLASS,   /* [类] */
    GK_SEL_CODE,    /* [2101501] */
    GK_SEL_LABEL    /* ["合计"], [支出:"总计"] */
} gk_row_sel;

typedef struct gk_term {
    int sign;                 /* +1 or -1 */
    bool all;                 /* SUM t[类].c: every 类 row added up */
    gk_table_kind table;
    gk_row_sel sel;
    gk_side side;             /* for labels on a side */
    const char *key;          /* the code or label */
    bool optional;            /* ["label"?]: blank when the table lacks the row */
    const char *column;
} gk_term;

typedef enum gk_relation { GK_REL_EQ, GK_REL_LE, GK_REL_GE } gk_relation;

#define GK_FORMULA_MAX_TERMS 16

/* Conditions on the document (a "WHEN …" line between header and formula;
 * all listed must hold, else the formula is not evaluated). */
enum {
    GK_WHEN_DEPT = 1,         /* 部门: a 部门预算/决算 */
    GK_WHEN_UNIT = 2,         /* 单位: a 单位预算/决算 */
    GK_WHEN_ADMIN = 4,        /* 行政单位: of 行政 units only (gk_doc_single_admin) */
    GK_WHEN_SPENT_THIS_YEAR = 8 /* 支出不含上年资金: the 支出预算表 prints no figure
                                 * of last year's money (上年结转, 上年实户资金余额) */
};

typedef struct gk_formula {
    char id[16];
    gk_severity severity;
    const char *summary;      /* Chinese description */
    unsigned when;            /* GK_WHEN_* that must all hold; 0: always */
    bool tree;                /* TREE: lhs holds one term per column */
    gk_relation rel;
    gk_term lhs[GK_FORMULA_MAX_TERMS];
    int nlhs;
    gk_term rhs[GK_FORMULA_MAX_TERMS];
    int nrhs;
    const char *file;         /* where it was defined */
    int line;
} gk_formula;

typedef struct gk_formulas {
    gk_formula *items;
    size_t n, cap;
    char **strings;           /* owned copies, freed by gk_formulas_free */
    size_t nstrings, strings_cap;
} gk_formulas;

/* Parse a rule file's text (len bytes) and append its rules.  False on the
 * first error, with err naming the line and what was expected. */
bool gk_formulas_parse(gk_formulas *fs, const char *file, const char *text, size_t len,
                       gk_error *err);
void gk_formulas_free(gk_formulas *fs);

/* Parse one term, TABLE[ROW].COLUMN (no SUM), from text[0..len); strings
 * are kept in fs.  False with err (at `line`) when it is not one. */
bool gk_term_parse(gk_formulas *fs, const char *text, size_t len, int line, gk_term *t,
                   gk_error *err);

/* The row of t a term names; `bound` is the row [*] stands for (may be
 * NULL).  NULL when the table has no such row. */
const gk_row *gk_term_row(const gk_table *t, const gk_term *term, const gk_row *bound);

/* The rules built into the program (data/rules/final.rules), parsed once. */
const gk_formulas *gk_builtin_formulas(void);

/* Evaluate every formula over the report, adding findings. */
void gk_formulas_check(const gk_formulas *fs, const gk_report *r, gk_findings *out);

#endif
