/*
 * group.c — one mistake, one finding.
 *
 * One wrong cell breaks every identity it stands in: 21011's 本年支出合计
 * printed 10.2 for 10.29 fails its row (合计 = 基本支出 + 项目支出), its
 * children's sum and its parent's (210 = Σ 款).  Reported one by one, that
 * is three errors for one mistake.  An identity's finding knows its gap
 * (left − right, exact) and each cell's coefficient in it, so the change of
 * a cell that closes the gap is known: when one cell is in several failed
 * identities of its table and the same change of it closes them all, they
 * are one mistake, reported once, on that cell, with the value that makes
 * them all hold.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "../model/arena.h"
#include "../util/buf.h"
#include "../util/grow.h"

/* A failed identity: its gap, known exactly. */
typedef struct failed {
    gk_finding *f;
    gk_amount gap;      /* left − right */
    bool used;          /* in a group already */
    bool folded;        /* into another finding: to be dropped */
} failed;

/* A cell of a failed identity, and the change of it that closes the gap. */
typedef struct suspect {
    const gk_location *cell;
    size_t identity;    /* index into the failed identities */
    gk_amount fix;      /* the change: −coefficient × gap */
} suspect;

static bool same_place(const gk_location *a, const gk_location *b)
{
    return a->table == b->table && a->pos.page == b->pos.page && a->pos.line == b->pos.line &&
           a->pos.part == b->pos.part && strcmp(a->row, b->row) == 0 &&
           strcmp(a->column, b->column) == 0;
}

/* Are all the identity's cells in one table (then its gap is in that
 * table's unit, the unit of the cell's own figure)? */
static bool one_table(const gk_finding *f)
{
    for (size_t i = 1; i < f->nlocs; i++)
        if (f->locs[i].table != f->locs[0].table || f->locs[i].pos.part != f->locs[0].pos.part)
            return false;
    return true;
}

static bool parse(const char *s, gk_amount *a)
{
    return s && gk_amount_parse(s, strlen(s), a) == GK_AMOUNT_OK;
}

static int cmp_suspect(const void *a, const void *b)
{
    const suspect *x = a, *y = b;
    if (x->cell->table != y->cell->table)
        return x->cell->table < y->cell->table ? -1 : 1;
    int c = strcmp(x->cell->row, y->cell->row);
    if (!c)
        c = strcmp(x->cell->column, y->cell->column);
    if (!c && x->cell->pos.line != y->cell->pos.line)
        c = x->cell->pos.line < y->cell->pos.line ? -1 : 1;
    if (!c && x->cell->pos.page != y->cell->pos.page)
        c = x->cell->pos.page < y->cell->pos.page ? -1 : 1;
    if (!c && x->identity != y->identity)
        c = x->identity < y->identity ? -1 : 1;
    return c;
}

/* The row's name as printed beside its code ("21011 行政事业单位医疗"). */
static const char *row_name(const gk_report *r, const gk_location *cell, char *buf, size_t size)
{
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        for (size_t j = 0; t->kind == cell->table && j < t->nrows; j++) {
            const gk_row *row = &t->rows[j];
            if (row->code && row->label && strcmp(row->code, cell->row) == 0) {
                gk_format(buf, size, "%s %s", row->code, row->label);
                return buf;
            }
        }
    }
    return cell->row;
}

/* Fold identities first..first+n of `s` (one cell, one change) into the
 * first of them: the cell first among its places, the rules it breaks and
 * the value that mends them in its message. */
static void fold(gk_findings *out, failed *ids, const suspect *s, size_t n)
{
    gk_finding *keep = ids[s[0].identity].f;
    const gk_location *cell = s[0].cell;
    gk_amount printed, mended;
    for (size_t i = 0; i < n; i++)
        ids[s[i].identity].used = true;
    if (!parse(cell->value, &printed) || !gk_amount_add(printed, s[0].fix, &mended))
        return;                 /* left as they are */
    char a[GK_AMOUNT_BUFSIZE], b[GK_AMOUNT_BUFSIZE];
    gk_amount_format(printed, a);
    gk_amount_format(mended, b);
    gk_buf rules = GK_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        gk_buf_printf(&rules, "%s%s", i ? "、" : "", ids[s[i].identity].f->rule);
    /* The first identity's own advice ("；应为 141.20", its other side) is
     * not the fix: the cell is. */
    const char *advice = strstr(keep->message, "；应为");
    int detail = advice ? (int)(advice - keep->message) : (int)strlen(keep->message);
    gk_buf msg = GK_BUF_INIT;
    char name[256];
    gk_buf_printf(&msg, "%s“%s”的%s %s 使 %zu 个平衡关系不成立（%s），改为 %s 则均成立；其一：%.*s",
                  gk_table_kind_title(cell->table), row_name(out->report, cell, name, sizeof name),
                  cell->column, a, n, rules.data, b, detail, keep->message);
    /* The cell leads the places; the others' places follow, once each. */
    gk_location *locs = NULL;
    size_t nlocs = 0, cap = 0;
    locs = gk_grow(locs, &cap, nlocs, sizeof *locs);
    locs[nlocs++] = *cell;
    for (size_t i = 0; i < n; i++) {
        const gk_finding *f = ids[s[i].identity].f;
        for (size_t k = 0; k < f->nlocs; k++) {
            bool seen = false;
            for (size_t j = 0; j < nlocs && !seen; j++)
                seen = f->locs[k].row && f->locs[k].column && locs[j].row && locs[j].column &&
                       same_place(&f->locs[k], &locs[j]);
            if (!seen) {
                locs = gk_grow(locs, &cap, nlocs, sizeof *locs);
                locs[nlocs++] = f->locs[k];
            }
        }
    }
    keep->message = gk_report_strndup(out->report, msg.data, msg.len);
    keep->actual = gk_report_strdup(out->report, a);
    keep->expected = gk_report_strdup(out->report, b);
    keep->also = gk_arena_alloc(out->report->arena, (n - 1) * sizeof *keep->also);
    keep->nalso = 0;
    for (size_t i = 1; i < n; i++)
        keep->also[keep->nalso++] = ids[s[i].identity].f->rule;
    keep->locs = gk_arena_alloc(out->report->arena, nlocs * sizeof *locs);
    memcpy(keep->locs, locs, nlocs * sizeof *locs);
    keep->nlocs = nlocs;
    free(locs);
    gk_buf_free(&msg);
    gk_buf_free(&rules);
    for (size_t i = 1; i < n; i++)
        ids[s[i].identity].folded = true;
}

bool gk_finding_is(const gk_finding *f, const char *rule)
{
    if (strcmp(f->rule, rule) == 0)
        return true;
    for (size_t i = 0; i < f->nalso; i++)
        if (strcmp(f->also[i], rule) == 0)
            return true;
    return false;
}

void gk_group_findings(gk_findings *out, size_t first)
{
    assert(first <= out->n);
    failed *ids = NULL;
    suspect *sus = NULL;
    size_t nids = 0, idcap = 0, nsus = 0, suscap = 0;
    for (size_t i = first; i < out->n; i++) {
        gk_finding *f = &out->items[i];
        gk_amount left, right, gap;
        if (f->severity != GK_ERROR || !one_table(f) || !parse(f->actual, &left) ||
            !parse(f->expected, &right) || !gk_amount_sub(left, right, &gap) ||
            gk_amount_is_zero(gap))
            continue;
        ids = gk_grow(ids, &idcap, nids, sizeof *ids);
        ids[nids] = (failed){f, gap, false, false};
        for (size_t k = 0; k < f->nlocs; k++) {
            const gk_location *l = &f->locs[k];
            gk_amount fix;
            if (!l->sign || !l->row || !l->column || !l->value ||
                !gk_amount_sub(gk_amount_make(0, 0), gap, &fix))
                continue;
            if (l->sign < 0)
                fix = gap;
            sus = gk_grow(sus, &suscap, nsus, sizeof *sus);
            sus[nsus++] = (suspect){l, nids, fix};
        }
        nids++;
    }
    if (nsus)
        qsort(sus, nsus, sizeof *sus, cmp_suspect);
    /* Runs of one cell, largest first: a cell that mends more identities
     * explains them better than one that mends a part of them. */
    for (;;) {
        size_t best = 0, best_n = 0;
        for (size_t i = 0; i < nsus;) {
            size_t j = i + 1;
            while (j < nsus && same_place(sus[j].cell, sus[i].cell))
                j++;
            size_t n = 0;
            bool agree = true;
            for (size_t k = i; k < j; k++) {
                if (ids[sus[k].identity].used)
                    continue;
                agree = agree && gk_amount_cmp(sus[k].fix, sus[i].fix) == 0;
                n++;
            }
            if (agree && n >= 2 && n == j - i && n > best_n)
                best = i, best_n = n;
            i = j;
        }
        if (best_n < 2)
            break;
        fold(out, ids, &sus[best], best_n);
    }
    /* Drop the folded findings (ids are in the order of out->items). */
    size_t w = first, k = 0;
    for (size_t i = first; i < out->n; i++) {
        while (k < nids && ids[k].f < &out->items[i])
            k++;
        if (k < nids && ids[k].f == &out->items[i] && ids[k].folded)
            continue;
        out->items[w++] = out->items[i];
    }
    out->n = w;
    free(ids);
    free(sus);
}
