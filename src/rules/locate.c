/*
 * locate.c — from a finding's location back to what it stands on: the row
 * and cell of a table, the paragraph of the narrative (check.h).
 *
 * A document may have a hundred thousand rows and as many findings, so a
 * location is not looked for row by row: every row, cell and paragraph is
 * entered once under its table kind and position (part, page, line), sorted,
 * and a location finds its candidates by binary search, then by its row key
 * and column.
 */
#include <stdlib.h>
#include <string.h>

#include "gongkai/check.h"
#include "../util/fatal.h"
#include "../util/grow.h"

typedef struct entry {
    gk_table_kind kind;   /* GK_TABLE_UNKNOWN for a paragraph */
    gk_pos pos;
    gk_place place;
} entry;

struct gk_locator {
    entry *items;
    size_t n, cap;
};

static int cmp_key(gk_table_kind ka, gk_pos a, gk_table_kind kb, gk_pos b)
{
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return gk_pos_cmp(a, b);
}

static int cmp_entry(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    return cmp_key(a->kind, a->pos, b->kind, b->pos);
}

static void add(gk_locator *lc, gk_table_kind kind, gk_pos pos, gk_place place)
{
    lc->items = gk_grow(lc->items, &lc->cap, lc->n, sizeof *lc->items);
    lc->items[lc->n++] = (entry){kind, pos, place};
}

gk_locator *gk_locator_new(const gk_report *r)
{
    gk_locator *lc = calloc(1, sizeof *lc);
    if (!lc)
        gk_out_of_memory();
    for (size_t t = 0; t < r->ntables; t++) {
        const gk_table *tb = &r->tables[t];
        add(lc, tb->kind, tb->pos, (gk_place){tb, NULL, NULL, NULL});
        for (size_t j = 0; j < tb->nrows; j++) {
            const gk_row *row = &tb->rows[j];
            add(lc, tb->kind, row->pos, (gk_place){tb, row, NULL, NULL});
            for (size_t k = 0; k < row->ncells; k++)   /* a cell printed on a line of its own */
                if (row->cells[k].pos.line && cmp_key(tb->kind, row->cells[k].pos, tb->kind, row->pos))
                    add(lc, tb->kind, row->cells[k].pos, (gk_place){tb, row, &row->cells[k], NULL});
        }
    }
    for (size_t p = 0; p < r->nparagraphs; p++)
        add(lc, GK_TABLE_UNKNOWN, r->paragraphs[p].pos, (gk_place){NULL, NULL, NULL, &r->paragraphs[p]});
    if (lc->n)
        qsort(lc->items, lc->n, sizeof *lc->items, cmp_entry);
    return lc;
}

void gk_locator_free(gk_locator *lc)
{
    if (lc) {
        free(lc->items);
        free(lc);
    }
}

/* Does the row entered stand for location l (its key, and its cell's place)? */
static bool matches(const entry *e, const gk_location *l, gk_place *out)
{
    if (l->table == GK_TABLE_UNKNOWN) {
        *out = e->place;
        return e->place.paragraph != NULL;
    }
    const gk_row *row = e->place.row;
    if (!l->row) {                        /* the table itself: its title */
        *out = e->place;
        return !row;
    }
    const char *key = row ? (row->code ? row->code : row->label) : NULL;
    if (!key || strcmp(key, l->row) != 0)
        return false;
    const gk_cell *cell = l->column ? gk_row_get(row, l->column) : NULL;
    gk_pos at = cell && cell->pos.line ? cell->pos : row->pos;
    if (cmp_key(e->kind, at, l->table, l->pos) != 0)
        return false;
    *out = (gk_place){e->place.table, row, cell, NULL};
    return true;
}

bool gk_locate(const gk_locator *lc, const gk_location *l, gk_place *out)
{
    size_t lo = 0, hi = lc->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(lc->items[mid].kind, lc->items[mid].pos, l->table, l->pos) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < lc->n && !cmp_key(lc->items[i].kind, lc->items[i].pos, l->table, l->pos);
         i++)
        if (matches(&lc->items[i], l, out))
            return true;
    memset(out, 0, sizeof *out);
    return false;
}
