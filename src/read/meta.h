/*
 * meta.h — a text document's unit, year and kind, and whether it is a
 * disclosure (internal to the text reader; meta.c).
 */
#ifndef GK_META_H
#define GK_META_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/error.h"
#include "text.h"

typedef struct tx_meta {
    const char *title;      /* the cover's title, spaces removed; NULL if none */
    size_t title_line;      /* its first line's index, or the number of lines */
    int year;
    gk_doc_kind kind;
    bool disclosure;        /* a disclosure's title, or (after the tables) its tables */
} tx_meta;

/* Unit name, year, kind and 汇总 from the cover and the first lines, into
 * rd->r and m. */
void tx_read_meta(reader *rd, tx_meta *m);

/* Once the tables are read: the kind of a document that is only tables, the
 * unit name its table heads give, and whether its tables make a disclosure. */
void tx_finish_meta(reader *rd, tx_meta *m);

/* False, with err set (not_disclosure) and the reason, for a text that reads
 * but is not a disclosure: a notice, a plan, a report on a project, a list of
 * 绩效目标 — no disclosure title and no disclosure table.  A text with nothing
 * at all in it is left to the caller. */
bool tx_is_disclosure(const reader *rd, const tx_meta *m, gk_error *err);

#endif
