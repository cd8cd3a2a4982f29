/*
 * text.h — what the parts of the text reader share (internal).
 *
 * text.c reads the document and its tables whose cells are separated by
 * tabs; text_spaced.c reads tables whose cells are separated by single
 * spaces, where blank cells leave no trace.
 */
#ifndef GK_TEXT_H
#define GK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/report.h"
#include "../model/layout.h"
#include "lines.h"

/* Most amount columns (or cells) a table line may have. */
#define MAX_POS 64

typedef struct reader {
    gk_report *r;
    gk_arena *scratch;
    gk_lines L;
    const char *section;       /* the narrative section heading in force */
    gk_unit doc_unit;          /* "本套报表金额单位为万元" and the like */
    int serial_next;           /* the 序号 after the last table's, when the
                                  grid merged that column (text.c) */
} reader;

/* Helpers shared by text.c and text_spaced.c (tx_ keeps them apart from
 * other names in the library). */
bool tx_has(const char *s, const char *word);
bool tx_starts(const char *s, const char *prefix);
/* gk_name_key of s, in scratch memory. */
const char *tx_key_of(reader *rd, const char *s);
size_t tx_nonempty_cells(const gk_line *ln);
gk_pos tx_pos_of(const gk_line *ln);
/* A 3/5/7-digit classification code (spaces inside allowed) into out. */
bool tx_code_of(const char *s, char out[8]);
bool tx_is_note(const char *t);
bool tx_is_total_label(const char *key);
bool tx_is_fund_label(const char *label);
const char *tx_clean_label(reader *rd, const char *s, bool strip_numbering);
gk_row *tx_new_row(reader *rd, gk_table *t, const gk_line *ln, const char *code,
                   const char *label, gk_side side);
/* Parse s and set the row's cell (a note for what is not an amount). */
void tx_put_amount(reader *rd, gk_row *row, const char *column, const gk_line *ln, const char *s);

/* Labels of a two-sided table's side: sub-rows ("1.一般公共预算资金" under
 * "一、财政拨款收入", fund rows under 年初…结转和结余) become "parent/child". */
typedef struct side_labels {
    const char *at[4];   /* the last label at each numbering level (一、 1. (1)) */
    const char *carry;   /* 年初/年末…结转和结余, above its fund rows */
} side_labels;
const char *tx_side_label(reader *rd, side_labels *st, const char *raw);
/* The 类 code of a 支出 label ("卫生健康支出" → 210), or NULL. */
const char *tx_class_code(reader *rd, const char *label);

/* The tables of text_spaced.c, over body lines [b, e). */
void read_coded_spaced(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e);
void read_two_sided_spaced(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e);
void read_grouped_spaced(reader *rd, gk_table *t, size_t b, size_t e);
void read_public3_spaced(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e);

/* The 绩效 forms of text_form.c, over body lines [b, e). */
void read_form(reader *rd, gk_table *t, size_t b, size_t e);

/* Does the body [b, e) lay its cells out with tabs? */
bool body_tabbed(const reader *rd, size_t b, size_t e);

#endif
