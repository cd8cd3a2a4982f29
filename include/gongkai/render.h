/*
 * gongkai/render.h — writing disclosure documents from a report.
 *
 * Rendering has two steps.  gk_compose lays a report out as a document: the
 * parts in the national order (cover, 目录, 概况, the tables, 情况说明,
 * 名词解释), each table as a printed grid (header rows with their spans, one
 * grid row per table row, amounts formatted at the table's precision), the
 * narrative written from the figures, and charts.  The writers then turn
 * that document into a format; they know nothing of tables' meaning, only
 * of blocks, grids and charts, so every format says the same thing.
 *
 *     gk_doc *d = gk_compose(report, &err);
 *     gk_write_file(d, "out.pdf", GK_FORMAT_FROM_NAME, &err);
 *     gk_doc_free(d);
 *
 * A document borrows strings from the report it was composed from: free the
 * document first, then the report.
 */
#ifndef GONGKAI_RENDER_H
#define GONGKAI_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "gongkai/amount.h"
#include "gongkai/error.h"
#include "gongkai/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Grids: a table as printed ------------------------------------------ */

typedef enum gk_align { GK_ALIGN_LEFT = 0, GK_ALIGN_CENTER, GK_ALIGN_RIGHT } gk_align;

/* One cell of a grid.  A cell covered by another's span has span 0 in both
 * directions and no text; writers skip it (HTML, PDF) or merge over it
 * (XLSX).  Amount cells keep their exact value, so that a spreadsheet holds
 * numbers, not text. */
typedef struct gk_grid_cell {
    const char *text;     /* as printed; "" for a blank cell */
    int colspan, rowspan; /* 1 for an ordinary cell; 0 when covered */
    gk_align align;
    bool is_amount;       /* `value` holds the amount printed in `text` */
    gk_amount value;
} gk_grid_cell;

/* A table as a grid: `nheader` header rows (repeated on every page a table
 * spans), then body rows.  Cells are row-major, nrows × ncols. */
typedef struct gk_grid {
    int ncols, nrows, nheader;
    gk_grid_cell *cells;
    bool *total;          /* per row: a total row (合计, 总计), set in bold */
    double *widths;       /* per column: share of the table's width (sum 1) */
} gk_grid;

/* The cell at row r, column c. */
static inline const gk_grid_cell *gk_grid_at(const gk_grid *g, int r, int c)
{
    return &g->cells[(size_t)r * (size_t)g->ncols + (size_t)c];
}

/* ---- Charts ------------------------------------------------------------- */

typedef enum gk_chart_kind { GK_CHART_BAR = 0, GK_CHART_PIE } gk_chart_kind;

typedef struct gk_chart_item {
    const char *label;
    gk_amount value;      /* ≥ 0 */
    const char *text;     /* the value as printed with its share: "410.93（92.71%）" */
} gk_chart_item;

typedef struct gk_chart {
    gk_chart_kind kind;
    const char *title;
    const char *unit;     /* "万元" */
    gk_chart_item *items;
    size_t nitems;
} gk_chart;

/* ---- Blocks ------------------------------------------------------------- */

typedef enum gk_block_kind {
    GK_BLOCK_COVER,       /* text: the document's title; sub: unit, date line */
    GK_BLOCK_TOC,         /* 目录: every heading of level ≤ 2 that follows */
    GK_BLOCK_HEADING,     /* text, level 1 (第一部分 …), 2 (一、…), 3 ((一) …) */
    GK_BLOCK_PARAGRAPH,   /* text */
    GK_BLOCK_TABLE,       /* a table: title, number, unit line, grid, note */
    GK_BLOCK_CHART,
    GK_BLOCK_PAGE_BREAK
} gk_block_kind;

typedef struct gk_block {
    gk_block_kind kind;
    int level;                /* HEADING */
    const char *text;         /* COVER, HEADING, PARAGRAPH; TABLE: its title */
    const char *sub;          /* COVER: the unit; TABLE: the number (公开01表) or NULL */
    const char *unit_line;    /* TABLE: "部门：…" left and "金额单位：万元" */
    const char *unit_name;    /* TABLE: the 部门/单位 the table belongs to, or NULL */
    const char *unit_name_line; /* TABLE: the line naming it ("编制部门：…"), or NULL */
    const char *note;         /* TABLE: the note under it (空表说明), or NULL */
    gk_grid grid;             /* TABLE */
    gk_chart chart;           /* CHART */
    const gk_table *table;    /* TABLE: the report table it shows */
    /* HEADING of level 1: what follows, up to the next such heading, is
     * written from the tables (the 情况说明), not text of the source's. */
    bool generated;
} gk_block;

/* A line of the 目录, decided once for every writer: a part (level 1), or
 * under it a heading of level 2 or a table, tables numbered within their
 * part ("一、收入支出决算总表") unless their title is numbered already. */
typedef struct gk_toc_entry {
    int level;                /* 1 or 2 */
    const char *text;         /* as listed */
    size_t block;             /* the block it points to */
} gk_toc_entry;

typedef struct gk_doc {
    const char *title;        /* "示例县医疗保障局2024年度部门决算" */
    const char *unit;
    int year;
    gk_doc_kind kind;
    /* Laid out in the source's own parts (a template workbook's sheets):
     * each heading of level 1 opens a part, which a workbook writes as a
     * sheet of its own (its tables each on theirs), after 封面 and 目录. */
    bool by_section;
    gk_block *blocks;
    size_t nblocks, cap;
    /* The 目录's lines: a document in the national order lists its parts,
     * their sections and tables; one in the source's own parts lists the
     * parts, as the template's own 目录 does. */
    gk_toc_entry *toc;
    size_t ntoc;
    /* The cover's date line ("2026年1月", "2026年1月15日"): the one given
     * (render --date), else the source cover's, else the month written
     * (SOURCE_DATE_EPOCH's when set, for reproducible output). */
    const char *date_line;
    /* Body text in a serif face (宋体-like: Noto Serif CJK), as finance
     * offices print; headings stay in a sans face. */
    bool serif;
    /* The report's facts, copied: a writer that keeps data (Excel) writes
     * them out so that the document can be rendered again from it. */
    gk_fact *facts;
    size_t nfacts;
    struct gk_arena *arena;   /* owns the blocks, grids, facts and composed text */
} gk_doc;

/* Lay a report out as a complete document.  Text that the data cannot
 * supply (a reason for a change, the unit's duties) is written as a visible
 * placeholder "【待填写：…】", which gongkai check reports: nothing is made
 * up.  Returns NULL with err set only when the report cannot make a
 * document at all (no tables and no kind). */
gk_doc *gk_compose(const gk_report *r, gk_error *err);

/* What the one who renders chooses; zero for the defaults. */
typedef struct gk_compose_options {
    const char *date;         /* the cover's date, "YYYY-MM-DD" or "YYYY-MM"; NULL: see date_line */
    bool serif;               /* a serif body (see gk_doc.serif) */
} gk_compose_options;

/* gk_compose with options; err set (and NULL) also when opts->date is not
 * a date. */
gk_doc *gk_compose_opt(const gk_report *r, const gk_compose_options *opts, gk_error *err);
void gk_doc_free(gk_doc *d);

/* Is s a date render takes for the cover: "YYYY-MM-DD" or "YYYY-MM", a
 * real calendar date? */
bool gk_date_valid(const char *s);

/* ---- Writers ------------------------------------------------------------ */

typedef enum gk_format {
    GK_FORMAT_FROM_NAME = 0,  /* from the output file's extension */
    GK_FORMAT_JSON,
    GK_FORMAT_MARKDOWN,
    GK_FORMAT_HTML,
    GK_FORMAT_PDF,
    GK_FORMAT_XLSX
} gk_format;

/* The format named by a file name's extension (.json .md .html .pdf
 * .xlsx), or GK_FORMAT_FROM_NAME when none is. */
gk_format gk_format_of_name(const char *path);

/* Each writer writes the whole document to `out` and returns false with
 * err set (the reason, in Chinese) when it cannot. */
bool gk_write_markdown(const gk_doc *d, FILE *out, gk_error *err);
bool gk_write_html(const gk_doc *d, FILE *out, gk_error *err);
bool gk_write_pdf(const gk_doc *d, FILE *out, gk_error *err);
bool gk_write_xlsx(const gk_doc *d, FILE *out, gk_error *err);

/* The writer of `format` (not GK_FORMAT_JSON, which writes the report, nor
 * GK_FORMAT_FROM_NAME). */
bool gk_write_doc(const gk_doc *d, gk_format format, FILE *out, gk_error *err);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_RENDER_H */
