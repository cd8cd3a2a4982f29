/*
 * gongkai/report.h — the report model at the centre of gongkai.
 *
 * A report is what one disclosure document says: its metadata (unit, year,
 * kind), its tables of exact amounts, and its narrative paragraphs, every
 * piece with the position it was read from.  Readers (text, PDF, JSON) build a
 * report; rules read it; writers turn it into documents.
 *
 * Memory: a report owns an arena.  Every string, table, row and cell added
 * through these functions lives in it and is freed by gk_report_free; nothing
 * inside a report is freed on its own.  Pointers into a report stay valid
 * until then, except the arrays of a table's rows and a row's cells, which
 * move when they grow (hold indices, not pointers, while adding).
 */
#ifndef GONGKAI_REPORT_H
#define GONGKAI_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/amount.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Where something was read ---------------------------------------- */

/* line is 1-based in the input text; for PDF input, page is 1-based and line
 * counts lines on that page.  0 means "not known".  A box is in PDF points,
 * origin top-left of the page: x0, y0, x1, y1. */
typedef struct gk_pos {
    int line;
    int page;
    bool has_box;
    double box[4];
    /* The file it is in, for a document published in several files (a
     * 情况说明 and its 报表): 0 the report's source, k its parts[k - 1]. */
    unsigned char part;
} gk_pos;

/* Document order of two positions: file part, then page, then line. */
int gk_pos_cmp(gk_pos a, gk_pos b);

/* ---- Kinds ------------------------------------------------------------- */

typedef enum gk_doc_kind {
    GK_DOC_UNKNOWN = 0,
    GK_DOC_FINAL,        /* 决算 */
    GK_DOC_BUDGET,       /* 预算 */
    GK_DOC_PERFORMANCE   /* 绩效评价报告 */
} gk_doc_kind;

/* "final", "budget", "performance"; NULL for unknown. */
const char *gk_doc_kind_name(gk_doc_kind k);
gk_doc_kind gk_doc_kind_from_name(const char *name);

/* Table kinds.  The 决算 kinds and their columns are fixed by CONTRACT.md;
 * the rest are documented in docs/format.md. */
typedef enum gk_table_kind {
    GK_TABLE_UNKNOWN = 0,
    /* 决算 */
    GK_TABLE_SUMMARY,               /* 收入支出决算总表 */
    GK_TABLE_INCOME,                /* 收入决算表 */
    GK_TABLE_EXPENSE,               /* 支出决算表 */
    GK_TABLE_FISCAL_SUMMARY,        /* 财政拨款收入支出决算总表 */
    GK_TABLE_GPB_EXPENSE,           /* 一般公共预算财政拨款支出决算表 */
    GK_TABLE_GPB_BASIC,             /* 一般公共预算财政拨款基本支出决算表 */
    GK_TABLE_GOV_FUND,              /* 政府性基金预算财政拨款收入支出决算表 */
    GK_TABLE_STATE_CAPITAL,         /* 国有资本经营预算财政拨款支出决算表 */
    GK_TABLE_THREE_PUBLIC,          /* 财政拨款"三公"经费支出决算表 */
    GK_TABLE_OFFICE_OPERATION,      /* 机关运行经费支出情况表 */
    GK_TABLE_PROCUREMENT,           /* 政府采购支出情况表 */
    GK_TABLE_FISCAL_EXPENSE_DETAIL, /* 财政拨款支出决算明细表 */
    GK_TABLE_GPB_PROJECT,           /* 一般公共预算财政拨款项目支出决算表 */
    GK_TABLE_PERF_PROJECT,          /* 项目支出绩效自评表 */
    GK_TABLE_PERF_OVERALL,          /* 部门（单位）整体支出绩效自评表 */
    /* 预算 */
    GK_TABLE_BUDGET_SUMMARY,            /* 财务收支预算总表 / 综合预算收支总表 */
    GK_TABLE_BUDGET_INCOME,             /* 收入预算表 / 综合预算收入总表 */
    GK_TABLE_BUDGET_EXPENSE,            /* 支出预算表 / 综合预算支出总表 */
    GK_TABLE_BUDGET_FISCAL_SUMMARY,     /* 财政拨款收支预算总表 */
    GK_TABLE_BUDGET_GPB_FUNCTION,       /* 一般公共预算支出功能分类预算表 */
    GK_TABLE_BUDGET_GPB_ECONOMIC,       /* 一般公共预算支出明细表（按经济分类） */
    GK_TABLE_BUDGET_GPB_BASIC_FUNCTION, /* 一般公共预算基本支出明细表（按功能分类） */
    GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC, /* 一般公共预算基本支出部门预算经济分类预算表 */
    GK_TABLE_BUDGET_GOV_FUND,           /* 政府性基金预算支出功能分类预算表 */
    GK_TABLE_BUDGET_STATE_CAPITAL,      /* 国有资本经营预算支出功能分类预算表 */
    GK_TABLE_BUDGET_THREE_PUBLIC,       /* "三公"经费和机关运行经费预算表 */
    GK_TABLE_BUDGET_PROJECT,            /* 项目支出预算表 */
    GK_TABLE_BUDGET_SPECIAL,            /* 专项业务经费支出表 */
    GK_TABLE_BUDGET_PROCUREMENT,        /* 政府采购预算表 */
    GK_TABLE_BUDGET_OFFICE_OPERATION,   /* 机关运行经费支出预算表 */
    GK_TABLE_BUDGET_FISCAL_FUNCTION,    /* 财政拨款支出表（功能科目） */
    GK_TABLE_PERF_TARGET_PROJECT,       /* 项目（专项业务经费）绩效目标表 */
    GK_TABLE_PERF_TARGET_OVERALL,       /* 整体支出绩效目标表 */
    GK_TABLE_PERF_TARGET_FUND,          /* 专项资金整体绩效目标表 */
    GK_TABLE_BUDGET_BASIC_BY_UNIT,      /* 部门预算基本支出预算表 (by unit and economic class) */
    GK_TABLE_BUDGET_PROJECT_BY_UNIT,    /* 部门预算项目支出及其他支出预算表 (by unit and project) */
    GK_TABLE_BUDGET_CARRYOVER,          /* 财政拨款上年结转资金支出表 (by project) */
    GK_TABLE_BUDGET_MEETING,            /* 会议费明细表 (by meeting) */
    GK_TABLE_BUDGET_TRAINING,           /* 培训费明细表 (by course) */
    /* A table whose title no kind knows ("收入总表" of another province's
     * set): kept with its title and its cells, never dropped; no rule
     * relates it to other tables. */
    GK_TABLE_OTHER,
    GK_TABLE__COUNT
} gk_table_kind;

/* The kind's stable name ("expense", "budget_gpb_function" …); NULL for
 * GK_TABLE_UNKNOWN or out of range. */
const char *gk_table_kind_name(gk_table_kind k);
/* The usual printed title (支出决算表 …). */
const char *gk_table_kind_title(gk_table_kind k);
/* The document kind the table belongs to (final, budget, performance). */
gk_doc_kind gk_table_kind_doc(gk_table_kind k);
/* Inverse of gk_table_kind_name; GK_TABLE_UNKNOWN when not a kind name. */
gk_table_kind gk_table_kind_from_name(const char *name);

/* Which classification the row codes of a table kind belong to. */
typedef enum gk_code_kind {
    GK_CODES_NONE = 0,     /* rows are labelled, not coded */
    GK_CODES_FUNCTIONAL,   /* 支出功能分类 (类/款/项) */
    GK_CODES_ECONOMIC      /* 支出经济分类 (部门 3xx or 政府 5xx) */
} gk_code_kind;

gk_code_kind gk_table_kind_codes(gk_table_kind k);

/* Rows of two-sided tables (summary, fiscal_summary …) are on a side. */
typedef enum gk_side {
    GK_SIDE_NONE = 0,
    GK_SIDE_INCOME,   /* 收入 */
    GK_SIDE_EXPENSE   /* 支出 */
} gk_side;

const char *gk_side_name(gk_side s);      /* "收入", "支出", NULL */
gk_side gk_side_from_name(const char *name);

/* ---- Tables ------------------------------------------------------------ */

enum {
    /* The value was chosen among candidates (e.g. by a reader using the
     * table's identities to resolve ambiguous geometry), not read directly. */
    GK_CELL_RECONSTRUCTED = 1u << 0,
    /* The value was read by OCR from a scanned page: ocr_conf says how
     * sure Tesseract was of it. */
    GK_CELL_OCR = 1u << 1
};

/* A cell holds an amount, or, in indicator tables (绩效), a text such as
 * "≥95%" (then `text` is non-NULL and `value` is unused). */
typedef struct gk_cell {
    const char *column;   /* canonical column name (CONTRACT.md) */
    gk_amount value;
    const char *text;
    gk_pos pos;           /* line 0: same as the row */
    unsigned flags;       /* GK_CELL_RECONSTRUCTED, GK_CELL_OCR */
    unsigned char ocr_conf; /* GK_CELL_OCR: Tesseract's confidence in the
                             * cell's least certain character, 0–100 */
} gk_cell;

typedef struct gk_row {
    const char *code;     /* classification code (3/5/7 digits) or NULL */
    const char *label;    /* name as printed, normalised for two-sided tables */
    gk_side side;
    gk_pos pos;
    gk_cell *cells;       /* in column order as read; a blank cell is absent */
    size_t ncells, cap;
} gk_row;

typedef struct gk_table {
    gk_table_kind kind;
    const char *title;        /* as printed */
    const char *number;       /* "公开03表", "表1" … or NULL */
    gk_unit unit;             /* of the amounts; GK_UNIT_NONE if not stated */
    gk_pos pos;               /* of the title */
    const char *empty_note;   /* "本部门无…故本表为空" when printed, else NULL */
    gk_pos note_pos;          /* where the empty note stands */
    const char *unit_name;    /* the 部门/单位 printed above the table, or NULL */
    bool partial;             /* rows the reader could not read were left out */
    gk_row *rows;
    size_t nrows, cap;
    /* Private: rows by code and by label, made by gk_report_index. */
    const struct gk_row_index *index;
} gk_table;

/* A paragraph of narrative with the heading of the section it stands in.
 * Headings are kept too (heading = true, section = the heading itself), so
 * that rules can read them where they stand. */
typedef struct gk_paragraph {
    const char *section;      /* "一、收入支出决算总体情况说明" … or NULL */
    const char *text;
    gk_pos pos;               /* of its first line */
    bool heading;
} gk_paragraph;

/* Something a reader noticed and worked around: a cell it could not read,
 * values it had to reconstruct.  `gongkai parse` prints these on standard
 * error; `gongkai check` reports them as findings (READ001). */
typedef struct gk_note {
    gk_pos pos;
    const char *message;   /* Chinese */
} gk_note;

/* What a document says that its tables do not hold, given for writing it
 * (gongkai render): the previous year's figures, 年初预算 per item, reasons
 * for changes, counts (团组, 车辆, 接待批次 …), the 概况 text.  Keys are
 * "上年/收入支出总计", "原因/三公经费" …, listed in docs/format.md. */
typedef struct gk_fact {
    const char *key;
    const char *value;
} gk_fact;

/* A part of the document as its source lays it out, for a source that has
 * its own order (a template workbook: its 封面, its prose sheets and where
 * its table sheets stand).  Its text is the report's paragraphs, its tables
 * the report's tables, whose positions are in [from, to).  gk_compose
 * follows these, in order, instead of the national order. */
typedef enum gk_section_kind {
    GK_SECTION_COVER = 0,     /* the cover's lines */
    GK_SECTION_TEXT,          /* prose: 主要职能, 编制说明, 其他相关情况说明 … */
    GK_SECTION_GLOSSARY,      /* 名词解释 */
    GK_SECTION_NARRATIVE,     /* the 情况说明: written from the tables when it has no text */
    GK_SECTION_TABLES         /* the tables */
} gk_section_kind;

typedef struct gk_section {
    gk_section_kind kind;
    const char *title;        /* as the source's 目录 or page names it, unnumbered; or NULL */
    gk_pos from, to;          /* lines from ≤ pos < to (same part and page order) */
} gk_section;

typedef struct gk_arena gk_arena;

typedef struct gk_report {
    gk_arena *arena;
    const char *source;       /* file name it was read from, or NULL */
    /* The other files of a document published in several, joined to it
     * (gk_report_join); a position's `part` says which it is in. */
    const char **parts;
    size_t nparts;
    const char *unit;         /* 单位/部门 name */
    int year;                 /* report year; 0 if unknown */
    gk_doc_kind kind;
    gk_unit amount_unit;      /* the document's main unit */
    bool consolidated;        /* 汇总 */
    /* The level of government the unit belongs to: "省级", "市级", "区级"
     * or "县级"; NULL when the document does not say it surely. */
    const char *level;
    gk_table *tables;
    size_t ntables, tables_cap;
    gk_paragraph *paragraphs;
    size_t nparagraphs, paragraphs_cap;
    gk_note *notes;
    size_t nnotes, notes_cap;
    /* The pages read by OCR from a scan: scanned[p] for page p (1-based,
     * p < nscanned); NULL when none was. */
    const bool *scanned;
    size_t nscanned;
    gk_fact *facts;           /* in the order given */
    size_t nfacts, facts_cap;
    /* The source's own order of parts, when it has one (else none). */
    gk_section *sections;
    size_t nsections, sections_cap;
    /* Column names, one copy each (cells share them): a hash set. */
    const char **columns;
    size_t ncolumns, columns_cap;
} gk_report;

/* A new, empty report.  Out of memory is fatal (the program aborts with a
 * message), so neither this nor any function below returns NULL for lack of
 * memory. */
gk_report *gk_report_new(void);
void gk_report_free(gk_report *r);

/* Copy a string (len bytes; a NUL is added) into the report.  NULL in → NULL
 * out. */
const char *gk_report_strndup(gk_report *r, const char *s, size_t len);
const char *gk_report_strdup(gk_report *r, const char *s);

/* Append a table / row / paragraph; they start zeroed (kind, side and unit
 * set from the arguments).  The result points into an array that moves when
 * it grows: do not keep it across the next append to the same array. */
gk_table *gk_report_add_table(gk_report *r, gk_table_kind kind);
gk_row *gk_table_add_row(gk_report *r, gk_table *t);
gk_paragraph *gk_report_add_paragraph(gk_report *r, const char *section,
                                      const char *text, gk_pos pos);

/* Append a section of the source's own order (title copied). */
void gk_report_add_section(gk_report *r, gk_section_kind kind, const char *title, gk_pos from,
                           gk_pos to);

/* One document published in several files: move everything of `part`
 * (tables, narrative, notes, facts) into r, each position marked as being in
 * r->parts[nparts - 1] = part->source.  Metadata r lacks (unit, year, kind,
 * amount unit) is taken from part.  `part` is consumed: its memory now
 * belongs to r, so it must not be freed or used again. */
void gk_report_join(gk_report *r, gk_report *part);

/* The file a position is in: r->source, or the part it names. */
const char *gk_report_file_of(const gk_report *r, gk_pos pos);

/* Does the report hold a narrative (情况说明) that states amounts: at least
 * a few paragraphs with a figure in 万元 or 元?  A cover, a 目录 and table
 * notes do not make one. */
bool gk_report_has_narrative(const gk_report *r);

/* Does the text state an amount: a figure followed by 万元 or 元
 * ("51036.22 万元", "0万元")? */
bool gk_text_states_amount(const char *s);

/* Record a reader's note (printf-style message, copied). */
void gk_report_note(gk_report *r, gk_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Set a fact (both strings copied; an existing key is replaced) and look
 * one up (NULL when not given). */
void gk_report_set_fact(gk_report *r, const char *key, const char *value);
const char *gk_report_fact(const gk_report *r, const char *key);
/* What is wrong with a fact, for a reader's message (Chinese, with `value`
 * quoted into `buf`), or NULL when it is right: the key's prefix is known,
 * 上年/ and 年初预算/ values are amounts, 统计/ values whole numbers. */
const char *gk_fact_problem(const char *key, const char *value, char *buf, size_t size);

/* Set the cell of `column` in the row: replaces an existing cell of that
 * column, else appends.  The column name is copied. */
gk_cell *gk_row_set(gk_report *r, gk_row *row, const char *column, gk_amount value);
gk_cell *gk_row_set_text(gk_report *r, gk_row *row, const char *column, const char *text);

/* Look-ups; NULL when absent. */
const gk_cell *gk_row_get(const gk_row *row, const char *column);
/* The first table of a kind. */
const gk_table *gk_report_find_table(const gk_report *r, gk_table_kind kind);
/* The first row with this code (and side, unless GK_SIDE_NONE). */
const gk_row *gk_table_find_code(const gk_table *t, const char *code, gk_side side);
/* The first row with this label (and side, unless GK_SIDE_NONE). */
const gk_row *gk_table_find_label(const gk_table *t, const char *label, gk_side side);
/* The rows whose code is `len` characters long and starts with `prefix`
 * (the children of a 类 or 款; prefix "" for every 类), in table order,
 * into out[0..max); returns how many there are (may exceed max). */
size_t gk_table_code_children(const gk_table *t, const char *prefix, size_t len,
                              const gk_row **out, size_t max);

/* 部门 or 单位 (src/model/scope.c).  What the document's title, the text
 * before its first table, says it is: "部门" (部门预算, 部门决算) or "单位"
 * (单位预算 …); NULL when it says neither.  *kind_word (may be NULL) gets
 * "预算" or "决算". */
const char *gk_report_scope(const gk_report *r, const char **kind_word);
/* What a table's title says, by its first 部门 or 单位 after the year
 * ("2025年部门财务收支预算总表" → 部门, "2024年单位综合预算收支总表" →
 * 单位; not 部门（单位） nor the classification 部门预算经济分类); NULL when
 * neither. */
const char *gk_title_scope(const char *title);

/* Index every table's rows by code and by label, so that the look-ups
 * above take logarithmic rather than linear time: done by gk_check before
 * the rules run, so that checking a table of n rows costs O(n log n).
 * Rows added afterwards are still found (by a scan). */
void gk_report_index(gk_report *r);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_REPORT_H */
