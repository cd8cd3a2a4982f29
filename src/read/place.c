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

/* +1 for each identity the placement keeps, −1 for each it breaks;
 * identities none of whose columns got a value do not count. */
static int score(const gk_amount *vals, int k, const int *slot, const gk_place_identity *ids,
                 int nids, int *broken)
{
    gk_amount cell[GK_PLACE_MAX_COLUMNS];
    bool set[GK_PLACE_MAX_COLUMNS] = {false};
    for (int i = 0; i < k; i++) {
        cell[slot[i]] = vals[i];
        set[slot[i]] = true;
    }
    int sc = 0;
    *broken = 0;
    for (int d = 0; d < nids; d++) {
        const gk_place_identity *id = &ids[d];
        bool any = false;
        gk_sum total, parts;
        gk_sum_init(&total);
        gk_sum_init(&parts);
        for (int t = 0; t < id->n; t++) {
            int c = id->col[t];
            if (!set[c])
                continue;                       /* blank: exactly zero */
            any = true;
            gk_sum_add(t == 0 ? &total : &parts, cell[c], id->sign[t]);
        }
        if (!any)
            continue;
        gk_verdict v = gk_sum_compare(&total, &parts, NULL);
        if (v == GK_EXACT || v == GK_ROUNDING) {
            sc++;
        } else {
            sc--;
            (*broken)++;
        }
    }
    return sc;
}

bool gk_place(int n, const gk_amount *vals, int k, const gk_place_identity *ids, int nids,
              int *slot)
{
    if (k > n)
        k = n;
    for (int i = 0; i < k; i++)
        slot[i] = i;
    int broken;
    int best = score(vals, k, slot, ids, nids, &broken);
    if (broken == 0 || k == 0 || k == n || n > GK_PLACE_MAX_COLUMNS)
        return true;

    /* Every order-keeping placement, in lexicographic order. */
    int cur[GK_PLACE_MAX_COLUMNS], best_slot[GK_PLACE_MAX_COLUMNS];
    memcpy(best_slot, slot, (size_t)k * sizeof *slot);
    int ties = 1;
    for (int i = 0; i < k; i++)
        cur[i] = i;
    for (;;) {
        int i = k - 1;
        while (i >= 0 && cur[i] == n - k + i)
            i--;
        if (i < 0)
            break;
        cur[i]++;
        for (int j = i + 1; j < k; j++)
            cur[j] = cur[j - 1] + 1;
        int s = score(vals, k, cur, ids, nids, &broken);
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
