/*
 * place.c — placing printed values in their columns by the row's identities.
 */
#include "place.h"

#include <string.h>

int gk_place_identities(const gk_layout *lay, const char *const *names, const int *group, int n,
                        gk_place_identity *out, int max)
{
    int m = 0;
    int ngroups = 1;
    for (int i = 0; group && i < n; i++)
        if (group[i] + 1 > ngroups)
            ngroups = group[i] + 1;
    for (int g = 0; g < ngroups; g++)
        for (int s = 0; s < 4 && lay->sums[s][0] && m < max; s++) {
            gk_place_identity id = {0};
            for (int t = 0; t < GK_LAYOUT_MAX_COLUMNS && lay->sums[s][t]; t++) {
                const char *name = lay->sums[s][t];
                int sign = 1;
                if (name[0] == '-') {
                    sign = -1;
                    name++;
                }
                for (int c = 0; c < n; c++)
                    if ((!group || group[c] == g) && names[c] && strcmp(names[c], name) == 0) {
                        id.col[id.n] = c;
                        id.sign[id.n] = sign;
                        id.n++;
                        break;
                    }
                if (t == 0 && id.n == 0)
                    break;                      /* no total column: drop */
            }
            if (id.n >= 2)
                out[m++] = id;
        }
    return m;
}

__extension__ typedef __int128 i128;

/* A printed value as an exact interval at one common scale: mid ± half. */
typedef struct ival {
    i128 mid, half;
} ival;

/* +1 for each identity the placement keeps, −1 for each it breaks;
 * identities none of whose columns got a value do not count.  This runs for
 * every candidate placement, so it works on integers prepared once. */
static int score(const ival *vals, int k, const int *slot, const gk_place_identity *ids,
                 int nids, int *broken)
{
    const ival *cell[GK_PLACE_MAX_COLUMNS] = {0};
    for (int i = 0; i < k; i++)
        cell[slot[i]] = &vals[i];
    int sc = 0;
    *broken = 0;
    for (int d = 0; d < nids; d++) {
        const gk_place_identity *id = &ids[d];
        bool any = false;
        i128 diff = 0, bound = 0;           /* total − Σ parts */
        for (int t = 0; t < id->n; t++) {
            const ival *v = cell[id->col[t]];
            if (!v)
                continue;                   /* blank: exactly zero */
            any = true;
            diff += t == 0 ? v->mid : -id->sign[t] * v->mid;
            bound += v->half;
        }
        if (!any)
            continue;
        if ((diff < 0 ? -diff : diff) <= bound) {
            sc++;
        } else {
            sc--;
            (*broken)++;
        }
    }
    return sc;
}

/* Every value at the finest scale present plus one digit, so that the
 * half-units of rounding are whole. */
static void prepare(const gk_amount *vals, int k, ival *iv)
{
    unsigned scale = 0;
    for (int i = 0; i < k; i++)
        if (vals[i].scale + 1u > scale)
            scale = vals[i].scale + 1u;
    for (int i = 0; i < k; i++) {
        i128 p = 1;
        for (unsigned d = vals[i].scale; d < scale; d++)
            p *= 10;
        iv[i].mid = (i128)vals[i].v * p;
        iv[i].half = (vals[i].flags & GK_AMOUNT_DASH) ? 0 : 5 * p / 10;
    }
}

/* Step to the next order-keeping placement of k values in n columns
 * (lexicographic); false after the last. */
static bool next_placement(int *cur, int k, int n)
{
    int i = k - 1;
    while (i >= 0 && cur[i] == n - k + i)
        i--;
    if (i < 0)
        return false;
    cur[i]++;
    for (int j = i + 1; j < k; j++)
        cur[j] = cur[j - 1] + 1;
    return true;
}

int gk_place_options(int n, const gk_amount *vals, int k, const gk_place_identity *ids,
                     int nids, int (*out)[GK_PLACE_MAX_COLUMNS], int max)
{
    if (k > n || n > GK_PLACE_MAX_COLUMNS || k == 0)
        return 0;
    ival iv[GK_PLACE_MAX_COLUMNS];
    prepare(vals, k, iv);
    int cur[GK_PLACE_MAX_COLUMNS], m = 0, broken;
    for (int i = 0; i < k; i++)
        cur[i] = i;
    do {
        score(iv, k, cur, ids, nids, &broken);
        if (broken == 0 && m < max)
            memcpy(out[m++], cur, (size_t)k * sizeof *cur);
    } while (next_placement(cur, k, n));
    return m;
}

bool gk_place(int n, const gk_amount *vals, int k, const gk_place_identity *ids, int nids,
              int *slot)
{
    if (k > n)
        k = n;
    for (int i = 0; i < k; i++)
        slot[i] = i;
    if (n > GK_PLACE_MAX_COLUMNS)
        return true;                     /* too wide to search: leftmost */
    ival iv[GK_PLACE_MAX_COLUMNS];
    prepare(vals, k, iv);
    const ival *v = iv;
    int broken;
    int best = score(v, k, slot, ids, nids, &broken);
    if (broken == 0 || k == 0 || k == n)
        return true;

    /* Every order-keeping placement, in lexicographic order. */
    int cur[GK_PLACE_MAX_COLUMNS], best_slot[GK_PLACE_MAX_COLUMNS];
    memcpy(best_slot, slot, (size_t)k * sizeof *slot);
    int ties = 1;
    for (int i = 0; i < k; i++)
        cur[i] = i;
    while (next_placement(cur, k, n)) {
        int s = score(v, k, cur, ids, nids, &broken);
        if (s > best) {
            best = s;
            ties = 1;
            memcpy(best_slot, cur, (size_t)k * sizeof *cur);
        } else if (s == best) {
            ties++;
        }
    }
    memcpy(slot, best_slot, (size_t)k * sizeof *slot);
    return ties == 1;
}
