/*
 * layout.h — the table-kind registry: how each kind of table is printed
 * (internal to the library).
 *
 * A layout is data: the words that identify the table's title, the shape
 * of its rows, and its canonical columns with the header words that name
 * them.  The readers recognise tables through these and the writers render
 * from the same entries; nothing about a particular kind is hard-wired
 * elsewhere.  (The kinds' names and canonical titles are in report.c.)
 */
#ifndef GK_LAYOUT_H
#define GK_LAYOUT_H

#include "gongkai/report.h"

typedef enum gk_row_style {
    GK_ROWS_CODED,       /* functional/economic code rows and a 合计 row */
    GK_ROWS_TWO_SIDED,   /* 收入 | 支出 side by side, labelled rows */
    GK_ROWS_GROUPED,     /* code/name/amount groups side by side (基本支出表) */
    GK_ROWS_PUBLIC3,     /* 三公: 预算数 and 决算数, side by side or as rows */
    GK_ROWS_LABELLED,    /* labelled rows with canonical labels (政府采购) */
    GK_ROWS_FORM,        /* 绩效 forms: fields, funds/tasks, indicators */
    GK_ROWS_GENERIC      /* any other: label and header-named columns */
} gk_row_style;

#define GK_LAYOUT_MAX_COLUMNS 12
#define GK_LAYOUT_MAX_WORDS 6

typedef struct gk_column_spec {
    const char *name;                        /* canonical column name */
    const char *words[GK_LAYOUT_MAX_WORDS];  /* header words naming it (keys) */
} gk_column_spec;

typedef struct gk_layout {
    gk_table_kind kind;
    /* The title's key must contain every `all` word and none of `none`. */
    const char *all[4];
    const char *none[6];
    gk_row_style style;
    /* Columns in printed order; for two-sided tables, of the 支出 side
     * (the 收入 side has the single column 金额). */
    gk_column_spec columns[GK_LAYOUT_MAX_COLUMNS];
    /* LABELLED: canonical row labels, each with the words that name it. */
    gk_column_spec labels[GK_LAYOUT_MAX_COLUMNS];
    /* Identities within a row, by column name: the first equals the sum of
     * the rest ("-name" subtracts).  Readers use them to place values when
     * the text does not show which columns are blank. */
    const char *sums[4][GK_LAYOUT_MAX_COLUMNS];
} gk_layout;

/* A table the reader could not read wholly (gk_table.partial: rows merged
 * or shifted by OCR left out) is written with this note under it; a table
 * whose note holds GK_PARTIAL_WORDS is read as partial again, so that a
 * rendered document says, and is judged as, what its source was. */
#define GK_PARTIAL_WORDS "部分行未能读取"
#define GK_PARTIAL_NOTE "注：原文档中本表" GK_PARTIAL_WORDS "（识别时合并或错位），此处从略。"

/* The layout whose title words match `key` (a gk_name_key of a line), most
 * specific first; NULL when none does. */
const gk_layout *gk_layout_for_title(const char *key);

/* The layout of a kind (NULL for kinds without one). */
const gk_layout *gk_layout_of(gk_table_kind kind);

/* The layout a table is printed in.  A kind printed two ways (政府性基金预算
 * as a 收支表 with 收入 and 支出 sides, or as a coded 功能分类 table) is told by
 * the table's rows: sides or none.  NULL for kinds without a layout. */
const gk_layout *gk_layout_of_table(const gk_table *t);

/* The layouts of a kind one after the other: the first after `after`
 * (NULL: the first of all); NULL past the last. */
const gk_layout *gk_layout_next(gk_table_kind kind, const gk_layout *after);

/* Whether a layout's cells hold paragraphs (the 目标 of a 绩效 form, the
 * 项目简介 of a 专项业务经费支出表): a paragraph of prose does not end it. */
bool gk_layout_prose_cells(const gk_layout *l);

/* Number of columns in a column list. */
int gk_layout_ncolumns(const gk_column_spec *cols);

#endif
