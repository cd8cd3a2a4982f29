/*
 * text_spaced.c — tables whose cells are separated by single spaces.
 *
 * Text extracted page by page from Shanghai disclosures prints a row as
 * "2080505 机关事业单位基本养老保险缴费支出 518.69 518.69": code, name and
 * the non-blank amounts, with nothing left of the blank cells.  Long names
 * wrap around the code line ("机关事业单位基本养老保" / "2080505 518.69
 * 518.69" / "险缴费支出").  Column headers are broken into fragments, so
 * columns are known by which canonical names the header mentions, and
 * values are placed left to right unless the row's identities say
 * otherwise (place.c); a placement that had to be guessed marks its cells
 * reconstructed and leaves a note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gongkai/catalog.h"
#include "../model/arena.h"
#include "place.h"
#include "text.h"

/* A run of a line: a code (or none), a label, the amounts after it. */
typedef struct seg {
    const char *code;
    char label[GK_NAME_KEY_MAX];
    gk_amount vals[GK_PLACE_MAX_COLUMNS];
    int nvals;
} seg;

#define MAX_SEGS 8

/* An amount token: it parses, and has a point or a separator (so that a
 * year or a row number is not taken for money), or is a dash. */
static bool amount_token(const char *t, gk_amount *a)
{
    if (gk_amount_parse(t, strlen(t), a) != GK_AMOUNT_OK)
        return false;
    /* Integers are years and counts, except a bare zero. */
    return (a->flags & GK_AMOUNT_DASH) || strchr(t, '.') || strchr(t, ',') || strcmp(t, "0") == 0;
}

static void append(char *label, const char *t)
{
    size_t n = strlen(label);
    snprintf(label + n, GK_NAME_KEY_MAX - n, "%s", t);
}

/* n digits at s, and then no more digits, nor a decimal point. */
static bool digits_at(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return !(s[n] >= '0' && s[n] <= '9') && s[n] != '.' && s[n] != ',';
}

/* Codes printed in 类/款/项 columns ("201 06 01 行政运行", "302 01 办公费"
 * in each group of a 基本支出表, from a PDF): joined ("2010601 行政运行"),
 * wherever a three-digit word is followed by two-digit ones. */
static void join_split_code(char *buf)
{
    for (char *p = buf; *p; p++) {
        if ((p > buf && p[-1] != ' ') || !digits_at(p, 3))
            continue;
        char *end = p + 3;
        for (int part = 0; part < 2 && *end == ' ' && digits_at(end + 1, 2); part++) {
            memmove(end, end + 1, strlen(end + 1) + 1);
            end += 2;
        }
        /* "30201办公费": the name runs into the code. */
        if (end > p + 3 && *end && *end != ' ' && strlen(buf) + 2 < 2048) {
            memmove(end + 1, end, strlen(end) + 1);
            *end = ' ';
        }
        p = end;
        if (!*p)
            break;
    }
}

/* Split a line into segments.  In `split_on_codes` mode (grouped tables)
 * every code starts a segment; otherwise only the first token may be a
 * code.  In `split_on_text` mode (two-sided tables) every text token after
 * a segment has its label starts a new one, except a parenthetical. */
static int segments(reader *rd, const char *text, bool split_on_codes, bool split_on_text,
                    seg *out)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", text);
    join_split_code(buf);
    int n = 0;
    bool first = true;
    for (char *save = NULL, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        char code[8];
        gk_amount a;
        seg *cur = n ? &out[n - 1] : NULL;
        if ((first || split_on_codes) && tx_code_of(t, code)) {
            if (n == MAX_SEGS)
                break;
            memset(&out[n], 0, sizeof out[n]);
            out[n].code = gk_arena_strndup(rd->scratch, code, strlen(code));
            n++;
        } else if (amount_token(t, &a)) {
            if (!cur) {
                if (n == MAX_SEGS)
                    break;
                cur = &out[n++];
                memset(cur, 0, sizeof *cur);
            }
            if (cur->nvals < GK_PLACE_MAX_COLUMNS)
                cur->vals[cur->nvals++] = a;
        } else {
            bool paren = tx_starts(t, "(") || tx_starts(t, "（");
            bool fresh = !cur || cur->nvals > 0 ||
                         (split_on_text && cur->label[0] && !paren);
            if (fresh) {
                if (n == MAX_SEGS)
                    break;
                cur = &out[n++];
                memset(cur, 0, sizeof *cur);
            }
            append(cur->label, t);
        }
        first = false;
    }
    return n;
}

/* Which canonical columns the header mentions, in canonical order; the
 * words after the first amount of a data line count too (extraction often
 * merges a header row into the first data row).  When the header names
 * fewer columns (times `groups`, for 预算数/决算数 pairs) than a row has
 * values, all columns are taken. */
static int present_columns(reader *rd, const gk_column_spec *spec, int groups, size_t b,
                           size_t e, size_t data, const char **names)
{
    char header[4096] = "";
    int maxvals = 0;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (i < data) {
            strncat(header, tx_key_of(rd, ln->text), sizeof header - strlen(header) - 1);
            continue;
        }
        seg s[MAX_SEGS];
        int ns = segments(rd, ln->text, false, false, s);
        int v = 0;
        for (int k = 0; k < ns; k++) {
            v += s[k].nvals;
            if (k > 0)
                strncat(header, tx_key_of(rd, s[k].label), sizeof header - strlen(header) - 1);
        }
        if (v > maxvals)
            maxvals = v;
    }
    int ncols = gk_layout_ncolumns(spec), n = 0;
    for (int k = 0; k < ncols; k++) {
        bool named = false;
        for (int w = 0; w < GK_LAYOUT_MAX_WORDS && spec[k].words[w] && !named; w++)
            named = strstr(header, spec[k].words[w]) != NULL;
        if (named)
            names[n++] = spec[k].name;
    }
    if (n * groups < maxvals || n == 0) {
        n = 0;
        for (int k = 0; k < ncols; k++)
            names[n++] = spec[k].name;
    }
    return n;
}

/* Put a segment's values in the named columns, placing them by the
 * layout's identities. */
static void put_values(reader *rd, gk_row *row, const gk_layout *lay, const char *const *names,
                       const int *group, int n, const seg *s, const gk_line *ln)
{
    if (n == 0 || s->nvals == 0)
        return;
    gk_place_identity ids[8];
    int nids = gk_place_identities(lay, names, group, n, ids, 8);
    int slot[GK_PLACE_MAX_COLUMNS];
    bool sure = gk_place(n, s->vals, s->nvals, ids, nids, slot);
    int k = s->nvals < n ? s->nvals : n;
    for (int i = 0; i < k; i++) {
        gk_cell *c = gk_row_set(rd->r, row, names[slot[i]], s->vals[i]);
        if (!sure)
            c->flags |= GK_CELL_RECONSTRUCTED;
    }
    if (!sure)
        gk_report_note(rd->r, tx_pos_of(ln),
                       "“%s”行只印出 %d 个金额，空白栏的位置无法确定，已按表内勾稽关系推定",
                       row->code ? row->code : (row->label ? row->label : ""), s->nvals);
    if (s->nvals > n)
        gk_report_note(rd->r, tx_pos_of(ln), "“%s”行印出 %d 个金额，多于 %d 栏，多余的未读取",
                       row->code ? row->code : (row->label ? row->label : ""), s->nvals, n);
}

/* Continue a row's name with text from the next line. */
static void append_label(reader *rd, gk_row *row, const char *more, bool strip_numbering)
{
    char buf[GK_NAME_KEY_MAX * 2];
    snprintf(buf, sizeof buf, "%s%s", row->label ? row->label : "", more);
    row->label = gk_report_strdup(rd->r, tx_clean_label(rd, buf, strip_numbering));
}

/* A line holding only part of a name: the rest of the name of the row
 * above (*wrapped, whose code line had no name), one or two characters
 * left over from the last row's name, or the start of the next row's name
 * (kept in pending). */
static void name_fragment(reader *rd, gk_row **wrapped, gk_row *last,
                          char pending[GK_NAME_KEY_MAX], const char *text)
{
    if (*wrapped) {
        append_label(rd, *wrapped, text, false);
        *wrapped = NULL;
    } else if (last && strlen(text) <= 6) {
        append_label(rd, last, text, false);  /* "置" after a page break */
    } else {
        snprintf(pending, GK_NAME_KEY_MAX, "%s", text);
    }
}

/* The first line of data: a code or a 合计 at its start. */
static size_t first_data(reader *rd, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        seg s[MAX_SEGS];
        const gk_line *ln = &rd->L.items[i];
        int ns = segments(rd, ln->text, false, false, s);
        if (ns > 0 && s[0].code)
            return i;
        if (ns > 0 && tx_starts(tx_key_of(rd, s[0].label), "合计")) {
            /* A 合计 line without figures is a header when rows follow. */
            bool rows_follow = false;
            for (size_t k = i + 1; k < e && !rows_follow; k++) {
                seg t[MAX_SEGS];
                rows_follow = segments(rd, rd->L.items[k].text, false, false, t) > 0 && t[0].code;
            }
            if (s[0].nvals || !rows_follow)
                return i;
        }
    }
    return e;
}

/* ---- Coded tables, and where their blank cells were ------------------------- */

#define MAX_OPTIONS 8

/* A row whose values fit several placements equally well. */
typedef struct ambiguous {
    size_t row;                                   /* index in the table */
    gk_amount vals[GK_PLACE_MAX_COLUMNS];         /* the row's figures */
    int nvals;
    int nopt, cur;
    int opt[MAX_OPTIONS][GK_PLACE_MAX_COLUMNS];
} ambiguous;

static void place_option(reader *rd, gk_row *row, const char *const *names, const ambiguous *a,
                         int o)
{
    row->ncells = 0;
    for (int i = 0; i < a->nvals; i++)
        gk_row_set(rd->r, row, names[a->opt[o][i]], a->vals[i])->flags |= GK_CELL_RECONSTRUCTED;
}

/* A cell in units of 10^-4, for comparing sums (0 when blank). */
static long long units(const gk_row *row, const char *column)
{
    const gk_cell *c = row ? gk_row_get(row, column) : NULL;
    gk_amount x;
    return c && !c->text && gk_amount_rescale(c->value, 4, &x) ? (long long)x.v : 0;
}

/* The row that sums `row`: its code less two digits, or 合计 for a 类. */
static const gk_row *parent_of(const gk_table *t, const gk_row *row)
{
    size_t n = row->code ? strlen(row->code) : 0;
    if (n == 3)
        return gk_table_find_label(t, "合计", GK_SIDE_NONE);
    for (size_t i = 0; n > 3 && i < t->nrows; i++)
        if (t->rows[i].code && strlen(t->rows[i].code) == n - 2 &&
            strncmp(t->rows[i].code, row->code, n - 2) == 0)
            return &t->rows[i];
    return NULL;
}

/* How far `p` is from the sum of its children, over all columns; adds to
 * *bad the columns that differ beyond rounding (0.005 a row). */
static long long tree_gap(const gk_table *t, const gk_row *p, const char *const *names, int n,
                          int *bad)
{
    if (!p)
        return 0;
    size_t plen = p->code ? strlen(p->code) : 0, clen = plen ? plen + 2 : 3;
    long long sum[GK_LAYOUT_MAX_COLUMNS] = {0};
    int children = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *r = &t->rows[i];
        if (!r->code || strlen(r->code) != clen || (plen && strncmp(r->code, p->code, plen) != 0))
            continue;
        children++;
        for (int c = 0; c < n; c++)
            sum[c] += units(r, names[c]);
    }
    long long gap = 0;
    for (int c = 0; children && c < n; c++) {
        long long d = llabs(units(p, names[c]) - sum[c]);
        gap += d;
        *bad += d > 50LL * (children + 1);
    }
    return gap;
}

/* Do two ambiguous rows offer the same choices (same count of values, same
 * placements)?  Then a family of them switches together. */
static bool same_options(const ambiguous *a, const ambiguous *b)
{
    if (a->nopt != b->nopt || a->nvals != b->nvals)
        return false;
    for (int o = 0; o < a->nopt; o++)
        if (memcmp(a->opt[o], b->opt[o], (size_t)a->nvals * sizeof a->opt[o][0]) != 0)
            return false;
    return true;
}

static bool descends(const gk_row *row, const gk_row *root)
{
    size_t n = root->code ? strlen(root->code) : 0;
    return n && row->code && strlen(row->code) > n && strncmp(row->code, root->code, n) == 0;
}

/* Place option o on ambiguous row k and the ambiguous rows below it that
 * offer the same choices (its family). */
static void place_family(reader *rd, gk_table *t, const char *const *names, ambiguous *amb,
                         size_t namb, size_t k, int o)
{
    const gk_row *root = &t->rows[amb[k].row];
    for (size_t j = 0; j < namb; j++)
        if (j == k || (same_options(&amb[j], &amb[k]) && descends(&t->rows[amb[j].row], root))) {
            place_option(rd, &t->rows[amb[j].row], names, &amb[j], o);
            amb[j].cur = o;
        }
}

/* Choose, for each ambiguous row and the ambiguous rows below it that offer
 * the same choices, the placement that best fits the code tree (a 类 = Σ
 * its 款, 合计 = Σ 类): the fewest columns that do not add up, then the
 * smallest gap.  A family switches together, so that a 类 and its
 * 款 and 项 ("201 … 207.40 207.40" all the way down) move as one. */
static void settle_by_tree(reader *rd, gk_table *t, const char *const *names, int n,
                           ambiguous *amb, size_t namb)
{
    for (size_t k = 0; k < namb; k++) {
        ambiguous *root = &amb[k];
        gk_row *row = &t->rows[root->row];
        /* A root: no ambiguous ancestor of the same family. */
        bool inner = false;
        for (size_t j = 0; j < namb && !inner; j++)
            inner = j != k && same_options(&amb[j], root) && descends(row, &t->rows[amb[j].row]);
        if (inner)
            continue;
        /* Fewest columns that do not add up, then the smallest gap. */
        int best = root->cur, best_bad = -1;
        long long best_gap = -1;
        for (int o = 0; o < root->nopt; o++) {
            place_family(rd, t, names, amb, namb, k, o);
            int bad = 0;
            long long gap = tree_gap(t, row, names, n, &bad) +
                            tree_gap(t, parent_of(t, row), names, n, &bad);
            if (best_bad < 0 || bad < best_bad || (bad == best_bad && gap < best_gap)) {
                best_bad = bad;
                best_gap = gap;
                best = o;
            }
        }
        place_family(rd, t, names, amb, namb, k, best);
    }
}

/* An amount in units of 10^-4 (0 when it does not fit). */
static long long amount_units(gk_amount v)
{
    gk_amount x;
    return gk_amount_rescale(v, 4, &x) ? (long long)x.v : 0;
}

#define MAX_COMBINATIONS 65536
#define MAX_ROOTS 32

/* The tree pass decides each 类 family on its own, by the smallest total
 * gap; when several 类 each printed one figure (a 类 wholly 项目支出, say),
 * only their combination can make a 合计 column add up.  Try every
 * combination of the ambiguous 类 families and keep the one under which
 * the most 合计 columns equal Σ 类 beyond rounding (0.005 a row), then the
 * smallest gap; the tree pass's choice stands unless another is strictly
 * better.  Only the 类 rows count, so each combination is a sum of
 * precomputed contributions, not a placement. */
static void settle_by_total(reader *rd, gk_table *t, const char *const *names, int n,
                            ambiguous *amb, size_t namb)
{
    const gk_row *total = gk_table_find_label(t, "合计", GK_SIDE_NONE);
    if (!total)
        return;
    /* The ambiguous 类 and their options that put no figure in a column
     * the 合计 leaves blank. */
    size_t roots[MAX_ROOTS];
    int opts[MAX_ROOTS][MAX_OPTIONS], nopts[MAX_ROOTS], nroots = 0;
    long long combos = 1;
    for (size_t k = 0; k < namb; k++) {
        const char *code = t->rows[amb[k].row].code;
        if (!code || strlen(code) != 3)
            continue;
        if (nroots == MAX_ROOTS)
            return;
        nopts[nroots] = 0;
        for (int o = 0; o < amb[k].nopt; o++) {
            bool viable = true;
            for (int i = 0; i < amb[k].nvals && viable; i++)
                viable = amb[k].vals[i].v == 0 || units(total, names[amb[k].opt[o][i]]) != 0;
            if (viable)
                opts[nroots][nopts[nroots]++] = o;
        }
        if (nopts[nroots] == 0 || combos * nopts[nroots] > MAX_COMBINATIONS)
            return;
        combos *= nopts[nroots];
        roots[nroots++] = k;
    }
    if (nroots < 2)
        return;
    /* Σ 类 without the roots, each root's row under each option, 合计. */
    long long base[GK_LAYOUT_MAX_COLUMNS] = {0}, want[GK_LAYOUT_MAX_COLUMNS];
    long long part[MAX_ROOTS][MAX_OPTIONS][GK_LAYOUT_MAX_COLUMNS];   /* 20 KB */
    int classes = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (!row->code || strlen(row->code) != 3)
            continue;
        classes++;
        bool is_root = false;
        for (int r = 0; r < nroots && !is_root; r++)
            is_root = amb[roots[r]].row == i;
        for (int c = 0; !is_root && c < n; c++)
            base[c] += units(row, names[c]);
    }
    for (int c = 0; c < n; c++)
        want[c] = units(total, names[c]);
    memset(part, 0, sizeof part);
    for (int r = 0; r < nroots; r++) {
        const ambiguous *a = &amb[roots[r]];
        for (int o = 0; o < a->nopt; o++)
            for (int i = 0; i < a->nvals; i++)
                part[r][o][a->opt[o][i]] += amount_units(a->vals[i]);
    }
    long long tolerance = 50LL * (classes + 1);
    int best[MAX_ROOTS], best_bad = -1;
    long long best_gap = 0;
    for (long long cb = -1; cb < combos; cb++) {   /* -1: the tree pass's choice */
        int pick[MAX_ROOTS];
        long long x = cb;
        for (int r = 0; r < nroots; r++) {
            if (cb < 0) {
                pick[r] = amb[roots[r]].cur;
            } else {
                pick[r] = opts[r][x % nopts[r]];
                x /= nopts[r];
            }
        }
        int bad = 0;
        long long gap = 0;
        for (int c = 0; c < n; c++) {
            long long sum = base[c];
            for (int r = 0; r < nroots; r++)
                sum += part[r][pick[r]][c];
            long long d = llabs(want[c] - sum);
            gap += d;
            bad += d > tolerance;
        }
        if (best_bad < 0 || bad < best_bad || (bad == best_bad && gap < best_gap)) {
            best_bad = bad;
            best_gap = gap;
            memcpy(best, pick, sizeof best);
        }
    }
    for (int r = 0; r < nroots; r++)
        if (amb[roots[r]].cur != best[r])
            place_family(rd, t, names, amb, namb, roots[r], best[r]);
}

void read_coded_spaced(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    ambiguous *amb = NULL;
    size_t namb = 0, amb_cap = 0;
    size_t data = first_data(rd, b, e);
    const char *names[GK_LAYOUT_MAX_COLUMNS];
    int n = present_columns(rd, lay->columns, 1, b, e, data, names);
    char pending[GK_NAME_KEY_MAX] = "";   /* a name's first part, above its code line */
    gk_row *wrapped = NULL;               /* a row whose name may go on below */
    if (data > b && data < e) {
        /* The first row's name may start above it, among the header lines. */
        seg s[MAX_SEGS];
        if (segments(rd, rd->L.items[data].text, false, false, s) > 0 && s[0].code &&
            !s[0].label[0])
            snprintf(pending, sizeof pending, "%s", rd->L.items[data - 1].text);
    }
    for (size_t i = data; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        seg s[MAX_SEGS];
        int ns = segments(rd, ln->text, false, false, s);
        if (ns == 0)
            continue;
        const char *key = tx_key_of(rd, s[0].label);
        if (!s[0].code && s[0].nvals == 0 && !tx_is_total_label(key)) {
            name_fragment(rd, &wrapped, t->nrows ? &t->rows[t->nrows - 1] : NULL, pending,
                          s[0].label);
            continue;
        }
        gk_row *row;
        if (s[0].code) {
            /* A name wrapped around its code line: the part above (pending),
             * any part on the line, and the part below (added later). */
            char name[GK_NAME_KEY_MAX * 2];
            snprintf(name, sizeof name, "%s%s", pending, s[0].label);
            row = tx_new_row(rd, t, ln, s[0].code, tx_clean_label(rd, name, false), GK_SIDE_NONE);
            wrapped = pending[0] || !s[0].label[0] ? row : NULL;
        } else {
            /* 合计, even with header words run into it by the extraction */
            row = tx_new_row(rd, t, ln, NULL, tx_starts(key, "合计") ? "合计" : tx_clean_label(rd, key, true),
                             GK_SIDE_NONE);
            wrapped = NULL;
        }
        pending[0] = '\0';
        put_values(rd, row, lay, names, NULL, n, &s[0], ln);
        /* Values that fit several placements: settled by the tree below. */
        if (s[0].nvals > 0 && s[0].nvals < n) {
            gk_place_identity ids[8];
            int nids = gk_place_identities(lay, names, NULL, n, ids, 8);
            if (namb == amb_cap) {      /* at most one a line */
                size_t lines = e - i + 1;
                amb_cap = amb_cap ? 2 * amb_cap : lines < 256 ? lines : 256;
                amb = gk_arena_grow(rd->scratch, amb, namb, amb_cap, sizeof *amb);
            }
            ambiguous *a = &amb[namb];
            a->row = t->nrows - 1;
            a->nvals = s[0].nvals;
            memcpy(a->vals, s[0].vals, (size_t)s[0].nvals * sizeof *a->vals);
            a->nopt = gk_place_options(n, s[0].vals, s[0].nvals, ids, nids, a->opt, MAX_OPTIONS);
            a->cur = 0;
            if (a->nopt > 1) {
                place_option(rd, row, names, a, 0);
                namb++;
            }
        }
    }
    if (namb) {
        settle_by_tree(rd, t, names, n, amb, namb);
        settle_by_total(rd, t, names, n, amb, namb);
        gk_report_note(rd->r, t->pos,
                       "“%s”有 %zu 行只印出部分金额，空白栏的位置已按上下级科目之和推定（单元格标记为推定）",
                       t->title ? t->title : "", namb);
    }
}

/* ---- Two-sided ---------------------------------------------------------------- */

/* Which side a lone label stands on. */
static gk_side side_of(reader *rd, const char *label)
{
    if (tx_has(label, "结余分配") || tx_has(label, "年末") || tx_has(label, "支出"))
        return GK_SIDE_EXPENSE;
    if (gk_catalog_find_name(GK_CLASS_FUNCTIONAL, label, NULL, 1, rd->r->year))
        return GK_SIDE_EXPENSE;
    return GK_SIDE_INCOME;
}

typedef struct side_state {
    side_labels labels;
    gk_row *last;         /* for a label wrapped onto the next line */
} side_state;

static void put_side_row(reader *rd, gk_table *t, const gk_layout *lay, side_state *st,
                         gk_side side, const char *const *names, int n, const seg *s,
                         const gk_line *ln)
{
    const char *label = tx_side_label(rd, &st->labels, s->label);
    if (!*label)
        return;
    gk_row *row = tx_new_row(rd, t, ln, side == GK_SIDE_EXPENSE ? tx_class_code(rd, label) : NULL,
                             label, side);
    put_values(rd, row, lay, names, NULL, n, s, ln);
    st->last = row;
}

void read_two_sided_spaced(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    /* Data starts at the first line with an amount or a numbered label. */
    size_t data = b;
    for (; data < e; data++) {
        const gk_line *ln = &rd->L.items[data];
        if (tx_starts(ln->text, "一、") || tx_starts(ln->text, "一.") ||
            tx_starts(ln->text, "(一)") || tx_starts(ln->text, "（一）"))
            break;
    }
    const char *in_names[1] = {"金额"};
    const char *out_names[GK_LAYOUT_MAX_COLUMNS];
    int nout = present_columns(rd, lay->columns, 1, b, e, data, out_names);
    gk_table sides[2];
    memset(sides, 0, sizeof sides);
    side_state st[2];
    memset(st, 0, sizeof st);
    for (size_t i = data; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        seg s[MAX_SEGS];
        int ns = segments(rd, ln->text, false, true, s);
        if (ns == 1 && s[0].nvals == 0 && strlen(s[0].label) <= 6 && !tx_starts(s[0].label, "一") &&
            st[1].last && !tx_is_fund_label(s[0].label)) {
            /* "出" under "二十二、灾害防治及应急管理支": the name goes on. */
            gk_row *w = st[1].last;
            append_label(rd, w, s[0].label, true);
            if (!w->code)
                w->code = tx_class_code(rd, w->label);
            continue;
        }
        if (ns == 1 && !s[0].label[0] && s[0].nvals > 0 && st[1].last && st[1].last->ncells == 0 &&
            !st[1].last->code) {
            /* "98.23" between "二十二、灾害防治及应急管理支" and "出": the
             * figures of the name that wraps around them. */
            put_values(rd, st[1].last, lay, out_names, NULL, nout, &s[0], ln);
            continue;
        }
        for (int k = 0; k < ns && k < 2; k++) {
            gk_side side = ns == 2 ? (k == 0 ? GK_SIDE_INCOME : GK_SIDE_EXPENSE)
                                   : side_of(rd, s[k].label);
            if (ns == 1 && st[0].labels.carry &&
                tx_is_fund_label(tx_clean_label(rd, s[k].label, true)))
                side = GK_SIDE_INCOME;
            int si = side == GK_SIDE_INCOME ? 0 : 1;
            if (si == 0)
                put_side_row(rd, &sides[0], lay, &st[0], side, in_names, 1, &s[k], ln);
            else
                put_side_row(rd, &sides[1], lay, &st[1], side, out_names, nout, &s[k], ln);
        }
    }
    for (int si = 0; si < 2; si++)
        for (size_t k = 0; k < sides[si].nrows; k++)
            *gk_table_add_row(rd->r, t) = sides[si].rows[k];
}

/* ---- Grouped (基本支出表) ------------------------------------------------------------ */

void read_grouped_spaced(reader *rd, gk_table *t, size_t b, size_t e)
{
    size_t data = first_data(rd, b, e);
    gk_table groups[MAX_SEGS], totals;
    memset(groups, 0, sizeof groups);
    memset(&totals, 0, sizeof totals);
    char pending[GK_NAME_KEY_MAX] = "";
    gk_row *wrapped = NULL;     /* gk_row in groups[] waiting for the rest of its name */
    int wrapped_group = -1, last_group = -1;
    for (size_t i = data; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        seg s[MAX_SEGS];
        int ns = segments(rd, ln->text, true, false, s);
        if (ns == 1 && !s[0].code && s[0].nvals == 0 && !tx_has(s[0].label, "合计")) {
            gk_row *last = last_group >= 0 && groups[last_group].nrows
                               ? &groups[last_group].rows[groups[last_group].nrows - 1]
                               : NULL;
            name_fragment(rd, &wrapped, last, pending, s[0].label);
            continue;
        }
        int g = 0;
        for (int k = 0; k < ns; k++) {
            static const char *const AMOUNT[1] = {"金额"};
            const gk_layout *lay = gk_layout_of(t->kind);
            if (s[k].code) {
                bool bare = !s[k].label[0];
                gk_table *dst = &groups[g < MAX_SEGS ? g : MAX_SEGS - 1];
                gk_row *row = tx_new_row(rd, dst, ln, s[k].code,
                                         tx_clean_label(rd, bare ? pending : s[k].label, false),
                                         GK_SIDE_NONE);
                if (bare) {
                    pending[0] = '\0';
                    wrapped = row;
                    wrapped_group = g;
                }
                put_values(rd, row, lay, AMOUNT, NULL, 1, &s[k], ln);
                last_group = g < MAX_SEGS ? g : MAX_SEGS - 1;
                g++;
            } else if (tx_has(s[k].label, "合计")) {
                gk_row *row = tx_new_row(rd, &totals, ln, NULL,
                                         tx_clean_label(rd, s[k].label, true), GK_SIDE_NONE);
                put_values(rd, row, lay, AMOUNT, NULL, 1, &s[k], ln);
            }
        }
        /* The rows of later lines move the arrays: keep only a fresh pointer. */
        if (wrapped && wrapped_group >= 0)
            wrapped = &groups[wrapped_group].rows[groups[wrapped_group].nrows - 1];
    }
    for (int g = 0; g < MAX_SEGS; g++)
        for (size_t k = 0; k < groups[g].nrows; k++)
            *gk_table_add_row(rd->r, t) = groups[g].rows[k];
    for (size_t k = 0; k < totals.nrows; k++)
        *gk_table_add_row(rd->r, t) = totals.rows[k];
}

/* ---- 三公 ------------------------------------------------------------------------ */

/* A line made only of figures (whole numbers too: a 三公 table's "15" is
 * money), at least two of them, into s. */
static bool only_figures(const char *text, seg *s)
{
    memset(s, 0, sizeof *s);
    char buf[1024];
    if (strlen(text) >= sizeof buf)
        return false;
    strcpy(buf, text);
    for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
        if (s->nvals == GK_PLACE_MAX_COLUMNS ||
            gk_amount_parse(tok, strlen(tok), &s->vals[s->nvals++]) != GK_AMOUNT_OK)
            return false;
    return s->nvals >= 2;
}

/* Move 公务接待费 to just before the car group (公务用车购置及运行维护费
 * and its parts) in the names; false when the names have no such columns
 * in that order. */
static bool reception_first(const char **names, int *group, int m)
{
    int car = -1, rec = -1;
    for (int i = 0; i < m; i++) {
        if (strcmp(names[i], "公务用车购置及运行维护费") == 0 && car < 0)
            car = i;
        if (strcmp(names[i], "公务接待费") == 0 && rec < 0)
            rec = i;
    }
    if (car < 0 || rec < car || group[car] != group[rec])
        return false;
    const char *name = names[rec];
    int g = group[rec];
    memmove(&names[car + 1], &names[car], (size_t)(rec - car) * sizeof *names);
    memmove(&group[car + 1], &group[car], (size_t)(rec - car) * sizeof *group);
    names[car] = name;
    group[car] = g;
    return true;
}

/* Do the figures fill the columns with every identity kept? */
static bool all_hold(const gk_layout *lay, const char *const *names, const int *group, int m,
                     const seg *s)
{
    gk_place_identity ids[8];
    int nids = gk_place_identities(lay, names, group, m, ids, 8);
    int one[1][GK_PLACE_MAX_COLUMNS];
    return s->nvals == m && gk_place_options(m, s->vals, m, ids, nids, one, 1) == 1;
}

void read_public3_spaced(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    /* The figures: the first line made only of amounts. */
    size_t data = e;
    bool interleaved = false;
    seg figures;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (tx_has(ln->text, "预算数 决算数 预算数"))
            interleaved = true;
        if (only_figures(ln->text, &figures)) {
            data = i;
            break;
        }
    }
    if (data == e)
        return;
    /* A 决算 prints 预算数 and 决算数 groups; a 预算 only its 预算数 (and
     * 机关运行经费). */
    int groups = t->kind == GK_TABLE_BUDGET_THREE_PUBLIC ? 1 : 2;
    const char *cols[GK_LAYOUT_MAX_COLUMNS];
    int n = present_columns(rd, lay->columns, groups, b, e, data, cols);
    const char *names[GK_PLACE_MAX_COLUMNS];
    int group[GK_PLACE_MAX_COLUMNS];
    int m = 0;
    for (int k = 0; k < groups * n && m < GK_PLACE_MAX_COLUMNS; k++, m++) {
        int c = interleaved ? k / 2 : k % n, g = interleaved ? k % 2 : k / n;
        names[m] = cols[c];
        group[m] = g;
    }
    const gk_line *ln = &rd->L.items[data];
    seg *s = &figures;
    if (s->nvals == m && !all_hold(lay, names, group, m, s)) {
        /* Some templates print 公务接待费 before the car group: every column
         * is printed, and the identities hold only that way. */
        const char *alt[GK_PLACE_MAX_COLUMNS];
        int alt_group[GK_PLACE_MAX_COLUMNS];
        memcpy(alt, names, (size_t)m * sizeof *alt);
        memcpy(alt_group, group, (size_t)m * sizeof *alt_group);
        if (reception_first(alt, alt_group, m) && all_hold(lay, alt, alt_group, m, s)) {
            memcpy(names, alt, (size_t)m * sizeof *alt);
            memcpy(group, alt_group, (size_t)m * sizeof *alt_group);
        }
    }
    gk_place_identity ids[8];
    int nids = gk_place_identities(lay, names, group, m, ids, 8);
    int slot[GK_PLACE_MAX_COLUMNS];
    bool sure = gk_place(m, s[0].vals, s[0].nvals, ids, nids, slot);
    tx_new_row(rd, t, ln, NULL, "预算数", GK_SIDE_NONE);
    if (groups == 2)
        tx_new_row(rd, t, ln, NULL, "决算数", GK_SIDE_NONE);
    for (int i = 0; i < s[0].nvals && i < m; i++) {
        gk_row *row = &t->rows[t->nrows - (size_t)groups + (size_t)group[slot[i]]];
        gk_cell *c = gk_row_set(rd->r, row, names[slot[i]], s[0].vals[i]);
        if (!sure)
            c->flags |= GK_CELL_RECONSTRUCTED;
    }
    if (!sure)
        gk_report_note(rd->r, tx_pos_of(ln),
                       "“三公”经费表只印出 %d 个金额，空白栏的位置无法确定，已按表内勾稽关系推定",
                       s[0].nvals);
}
