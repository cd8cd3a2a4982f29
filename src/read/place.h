/*
 * place.h — placing printed values in their columns by the row's identities
 * (internal to the readers).
 *
 * Text that drops blank cells ("201 一般公共服务支出 207.40 207.40" under six
 * columns) does not say which columns the values belong to.  Documents that
 * do this print every value left to right, so the values are first tried in
 * the leftmost columns; when that breaks an identity of the row (合计 =
 * 基本支出 + 项目支出, 年初 + 收入 − 支出 = 年末 …) every other order-keeping
 * placement is tried and the one keeping the most identities wins.
 */
#ifndef GK_PLACE_H
#define GK_PLACE_H

#include <stdbool.h>

#include "gongkai/amount.h"
#include "../model/layout.h"

#define GK_PLACE_MAX_COLUMNS 16

/* col[0] = Σ sign[i]·col[i] for i ≥ 1, over column indices. */
typedef struct gk_place_identity {
    int n;
    int col[GK_LAYOUT_MAX_COLUMNS];
    int sign[GK_LAYOUT_MAX_COLUMNS];
} gk_place_identity;

/* The identities of `lay` over columns named names[0..n); group (may be
 * NULL) keeps an identity within one group of columns (三公 预算数 vs 决算数).
 * An identity whose total column is absent is dropped; absent parts count as
 * blank.  Returns how many were written (at most max). */
int gk_place_identities(const gk_layout *lay, const char *const *names, const int *group, int n,
                        gk_place_identity *out, int max);

/* Place vals[0..k) into n columns in order: slot[i] gets the column of
 * vals[i].  Returns false when the placement is a guess: the leftmost one
 * broke an identity and several placements did equally well. */
bool gk_place(int n, const gk_amount *vals, int k, const gk_place_identity *ids, int nids,
              int *slot);

/* Every order-keeping placement that breaks none of the identities its
 * values touch, leftmost first; at most max are written to out.  Returns
 * how many there are (up to max).  Several mean the row alone cannot tell
 * where its blank cells were. */
int gk_place_options(int n, const gk_amount *vals, int k, const gk_place_identity *ids,
                     int nids, int (*out)[GK_PLACE_MAX_COLUMNS], int max);

#endif
