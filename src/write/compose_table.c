/*
 * compose_table.c — a table as the grid it is printed in.
 *
 * The national layouts differ by kind: coded tables (科目编码 | 科目名称 |
 * columns), two-sided summaries (收入 rows beside 支出 rows), the 基本支出
 * table (人员经费, 公用经费 and the other economic groups side by side) and
 * the 三公 table (预算数 beside 决算数).  The columns of a kind, in printed
 * order, come from the same layout data the readers recognise tables by
 * (src/model/layout.c), so what is written reads back as what it was.
 * Columns a table has beyond its layout are printed after them: nothing in
 * the model is dropped.
 */
#include <string.h>

#include "../model/arena.h"
#include "../model/layout.h"
#include "compose.h"

#define MAX_COLUMNS 32

/* ---- Building a grid ------------------------------------------------------ */

typedef struct builder {
    gk_doc *doc;
    gk_grid *g;
    int cap;
    bool grouped;         /* amounts with thousands separators (元 tables) */
} builder;

static void start(builder *b, gk_doc *d, gk_grid *g, int ncols)
{
    memset(g, 0, sizeof *g);
    b->doc = d;
    b->g = g;
    b->cap = 0;
    g->ncols = ncols;
}

/* A new row of blank cells; returns its index. */
static int add_row(builder *b)
{
    gk_grid *g = b->g;
    if (g->nrows == b->cap) {
        int cap = b->cap ? 2 * b->cap : 16;
        size_t n = (size_t)g->ncols;
        g->cells = gk_arena_grow(b->doc->arena, g->cells, (size_t)g->nrows * n, (size_t)cap * n,
                                 sizeof *g->cells);
        g->total = gk_arena_grow(b->doc->arena, g->total, (size_t)g->nrows, (size_t)cap,
                                 sizeof *g->total);
        b->cap = cap;
    }
    int r = g->nrows++;
    for (int c = 0; c < g->ncols; c++) {
        gk_grid_cell *cell = &g->cells[(size_t)r * (size_t)g->ncols + (size_t)c];
        memset(cell, 0, sizeof *cell);
        cell->text = "";
        cell->colspan = cell->rowspan = 1;
    }
    g->total[r] = false;
    return r;
}

static gk_grid_cell *at(builder *b, int r, int c)
{
    return &b->g->cells[(size_t)r * (size_t)b->g->ncols + (size_t)c];
}

static void put(builder *b, int r, int c, const char *text, gk_align align)
{
    gk_grid_cell *cell = at(b, r, c);
    cell->text = text ? text : "";
    cell->align = align;
}

/* A header cell spanning cols × rows; the cells it covers get span 0.  The
 * rows must exist. */
static void header(builder *b, int r, int c, const char *text, int cols, int rows)
{
    put(b, r, c, text, GK_ALIGN_CENTER);
    for (int i = r; i < r + rows; i++)
        for (int j = c; j < c + cols; j++)
            if (i != r || j != c) {
                gk_grid_cell *covered = at(b, i, j);
                covered->colspan = covered->rowspan = 0;
            }
    at(b, r, c)->colspan = cols;
    at(b, r, c)->rowspan = rows;
}

static void amount(builder *b, int r, int c, const gk_cell *cell)
{
    if (!cell)
        return;
    gk_grid_cell *g = at(b, r, c);
    g->align = GK_ALIGN_RIGHT;
    if (cell->text) {
        g->text = cell->text;
        return;
    }
    g->is_amount = true;
    g->value = cell->value;
    g->text = gk_doc_amount(b->doc, cell->value, b->grouped);
}

/* Column widths: labels wide, codes narrow, figures in between.  kinds
 * names the first nkinds columns ("label", "code", "amount"); the columns
 * beyond are amounts. */
static void widths(builder *b, const char *const *kinds, int nkinds)
{
    gk_grid *g = b->g;
    g->widths = gk_arena_alloc(b->doc->arena, (size_t)g->ncols * sizeof *g->widths);
    double sum = 0;
    for (int c = 0; c < g->ncols; c++) {
        char k = c < nkinds ? kinds[c][0] : 'a';
        double w = k == 'l' ? 3.0 : k == 'c' ? 1.2 : 1.6;
        g->widths[c] = w;
        sum += w;
    }
    for (int c = 0; c < g->ncols; c++)
        g->widths[c] /= sum;
}

/* ---- Columns ----------------------------------------------------------- */

static bool listed(const char *const *cols, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(cols[i], name) == 0)
            return true;
    return false;
}

/* The columns of the table's rows on `side` (GK_SIDE_NONE: all rows): the
 * layout's, in printed order, then any others in order of first use. */
static int columns(const gk_table *t, const gk_column_spec *layout, gk_side side,
                   const char **out)
{
    int n = 0;
    for (int i = 0; layout && i < GK_LAYOUT_MAX_COLUMNS && layout[i].name; i++)
        out[n++] = layout[i].name;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (side != GK_SIDE_NONE && row->side != side)
            continue;
        for (size_t k = 0; k < row->ncells && n < MAX_COLUMNS; k++)
            if (!listed(out, n, row->cells[k].column))
                out[n++] = row->cells[k].column;
    }
    return n;
}

static bool is_total_label(const char *label)
{
    if (!label)
        return false;
    size_t n = strlen(label);
    static const char *const ENDS[] = {"合计", "总计"};
    for (size_t i = 0; i < 2; i++) {
        size_t k = strlen(ENDS[i]);
        if (n >= k && strcmp(label + n - k, ENDS[i]) == 0)
            return true;
    }
    return false;
}

/* ---- Coded tables: 科目编码 | 科目名称 | columns ---------------------------- */

static void coded(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *cols[MAX_COLUMNS];
    int n = columns(t, l ? l->columns : NULL, GK_SIDE_NONE, cols);
    bool economic = gk_table_kind_codes(t->kind) == GK_CODES_ECONOMIC;
    start(b, b->doc, b->g, n + 2);
    int h0 = add_row(b), h1 = add_row(b);
    b->g->nheader = 2;
    header(b, h0, 0, "项目", 2, 1);
    put(b, h1, 0, economic ? "经济分类科目编码" : "功能分类科目编码", GK_ALIGN_CENTER);
    put(b, h1, 1, economic ? "经济分类科目名称" : "功能分类科目名称", GK_ALIGN_CENTER);
    for (int c = 0; c < n; c++)
        header(b, h0, c + 2, cols[c], 1, 2);
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        int r = add_row(b);
        put(b, r, 0, row->code, GK_ALIGN_LEFT);
        put(b, r, 1, row->label, GK_ALIGN_LEFT);
        for (int c = 0; c < n; c++)
            amount(b, r, c + 2, gk_row_get(row, cols[c]));
        b->g->total[r] = !row->code && is_total_label(row->label);
    }
    const char *kinds[MAX_COLUMNS + 2] = {"code", "label"};
    for (int c = 0; c < n; c++)
        kinds[c + 2] = "amount";
    widths(b, kinds, n + 2);
}

/* ---- Two-sided tables: 收入 rows beside 支出 rows ------------------------ */

/* "财政拨款收入/一般公共预算资金" is printed as its last part, numbered
 * "1." under the row it belongs to (the numbering says it is a part; a
 * part of a part "(1)").  labels[i] is the row's label within its view. */
static const char *printed_label(builder *b, const char *const *labels, size_t i)
{
    const char *label = labels[i];
    const char *slash = label ? strrchr(label, '/') : NULL;
    if (!slash)
        return label;
    int depth = 0;
    for (const char *p = label; *p; p++)
        depth += *p == '/';
    int n = 1;
    size_t parent = (size_t)(slash - label);
    for (size_t k = i; k > 0 && labels[k - 1] && strncmp(labels[k - 1], label, parent + 1) == 0; k--) {
        int d = 0;
        for (const char *p = labels[k - 1]; *p; p++)
            d += *p == '/';
        n += d == depth;
    }
    return gk_doc_printf(b->doc, depth == 1 ? "%d.%s" : "(%d)%s", n, slash + 1);
}

/* Where a side's totals begin: its first 本年…合计 (or …总计) row. */
static size_t tail_start(const char *const *labels, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *l = labels[i];
        if (l && (strncmp(l, "本年", 6) == 0 || strstr(l, "总计")) && is_total_label(l))
            return i;
    }
    return n;
}

/* The 支出 side of a 单位综合预算 summary is printed three times: by
 * function, then in two economic views whose rows the reader names
 * "部门经济分类/…", "政府经济分类/…" after their label column's header. */
static const struct {
    const char *view, *header;
} VIEWS[] = {
    {"部门经济分类", "部门预算支出经济分类科目"},
    {"政府经济分类", "政府预算支出经济分类科目"},
    {"经济分类", "支出经济分类科目"},
};
#define NVIEWS (sizeof VIEWS / sizeof *VIEWS)

/* The view a 支出 label belongs to (an index into VIEWS), or -1. */
static int view_of(const char *label)
{
    const char *slash = label ? strchr(label, '/') : NULL;
    for (size_t v = 0; slash && v < NVIEWS; v++)
        if ((size_t)(slash - label) == strlen(VIEWS[v].view) &&
            strncmp(label, VIEWS[v].view, (size_t)(slash - label)) == 0)
            return (int)v;
    return -1;
}

/* One label column and its amounts: 收入, or a view of 支出. */
typedef struct side_col {
    const gk_row **rows;
    const char **labels;      /* within the view */
    size_t n, tail;
    const char *header;       /* of the label column */
    int first;                /* grid column of the label */
} side_col;

static void two_sided(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *in_cols[MAX_COLUMNS], *out_cols[MAX_COLUMNS];
    int nin = columns(t, NULL, GK_SIDE_INCOME, in_cols);
    int nout = columns(t, l ? l->columns : NULL, GK_SIDE_EXPENSE, out_cols);
    if (nin == 0)
        in_cols[nin++] = "金额";
    /* sides[0]: 收入; [1]: 支出 by function; [2 + v]: 支出 in VIEWS[v]. */
    enum { NSIDES = 2 + NVIEWS };
    side_col sides[NSIDES];
    memset(sides, 0, sizeof sides);
    for (int s = 0; s < NSIDES; s++) {
        sides[s].rows = gk_arena_alloc(b->doc->arena, (t->nrows + 1) * sizeof *sides[s].rows);
        sides[s].labels = gk_arena_alloc(b->doc->arena, (t->nrows + 1) * sizeof *sides[s].labels);
        sides[s].header = s >= 2 ? VIEWS[s - 2].header : "项目";
    }
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        int v = row->side == GK_SIDE_EXPENSE ? view_of(row->label) : -1;
        side_col *sc = &sides[row->side != GK_SIDE_EXPENSE ? 0 : v < 0 ? 1 : 2 + v];
        sc->rows[sc->n] = row;
        sc->labels[sc->n++] = v < 0 ? row->label : row->label + strlen(VIEWS[v].view) + 1;
    }
    int ncols = 0, nexp = 0;
    for (int s = 0; s < NSIDES; s++) {
        if (s >= 2 && sides[s].n == 0)
            continue;
        sides[s].first = ncols;
        ncols += 1 + (s == 0 ? nin : nout);
        nexp += s > 0;
    }
    start(b, b->doc, b->g, ncols);
    int h0 = add_row(b), h1 = add_row(b);
    b->g->nheader = 2;
    bool budget = gk_table_kind_doc(t->kind) == GK_DOC_BUDGET;
    header(b, h0, 0, budget ? "本年收入" : "收入", 1 + nin, 1);
    header(b, h0, 1 + nin, budget ? "本年支出" : "支出", nexp * (1 + nout), 1);
    /* The sides' items, then their totals from 本年…合计 on, level. */
    size_t items = 0, tails = 0;
    for (int s = 0; s < NSIDES; s++) {
        side_col *sc = &sides[s];
        if (s >= 2 && sc->n == 0)
            continue;
        int n = s == 0 ? nin : nout;
        const char **cols = s == 0 ? in_cols : out_cols;
        put(b, h1, sc->first, sc->header, GK_ALIGN_CENTER);
        for (int c = 0; c < n; c++)
            put(b, h1, sc->first + 1 + c, strcmp(cols[c], "金额") == 0 && budget ? "预算数" : cols[c],
                GK_ALIGN_CENTER);
        sc->tail = tail_start(sc->labels, sc->n);
        if (sc->tail > items)
            items = sc->tail;
        if (sc->n - sc->tail > tails)
            tails = sc->n - sc->tail;
    }
    for (size_t i = 0; i < items + tails; i++) {
        int r = add_row(b);
        for (int s = 0; s < NSIDES; s++) {
            side_col *sc = &sides[s];
            if (s >= 2 && sc->n == 0)
                continue;
            size_t k = i < items ? i : sc->tail + (i - items);
            if (i < items ? k >= sc->tail : k >= sc->n)
                continue;
            int n = s == 0 ? nin : nout;
            const char **cols = s == 0 ? in_cols : out_cols;
            put(b, r, sc->first, printed_label(b, sc->labels, k), GK_ALIGN_LEFT);
            for (int c = 0; c < n; c++)
                amount(b, r, sc->first + 1 + c, gk_row_get(sc->rows[k], cols[c]));
            b->g->total[r] |= is_total_label(sc->labels[k]);
        }
    }
    const char **kinds = gk_arena_alloc(b->doc->arena, (size_t)ncols * sizeof *kinds);
    for (int s = 0; s < NSIDES; s++) {
        if (s >= 2 && sides[s].n == 0)
            continue;
        kinds[sides[s].first] = "label";
        for (int c = 0; c < (s == 0 ? nin : nout); c++)
            kinds[sides[s].first + 1 + c] = "amount";
    }
    widths(b, kinds, ncols);
}

/* ---- The 基本支出 table: economic groups side by side -------------------- */

/* 人员经费 (301, 303), 公用经费 (302), then the rest (307, 310, 399 …). */
static int group_of(const gk_row *row)
{
    if (!row->code)
        return row->label && strstr(row->label, "公用经费") ? 1 : 0;
    if (strncmp(row->code, "301", 3) == 0 || strncmp(row->code, "303", 3) == 0)
        return 0;
    return strncmp(row->code, "302", 3) == 0 ? 1 : 2;
}

static void grouped(builder *b, const gk_table *t)
{
    enum { GROUPS = 3 };
    size_t count[GROUPS] = {0}, totals[GROUPS] = {0};
    for (size_t i = 0; i < t->nrows; i++) {
        int gidx = group_of(&t->rows[i]);
        if (t->rows[i].code)
            count[gidx]++;
        else
            totals[gidx]++;
    }
    size_t body = 0;
    for (int k = 0; k < GROUPS; k++)
        if (count[k] > body)
            body = count[k];
    size_t tail = totals[0] > totals[1] ? totals[0] : totals[1];
    start(b, b->doc, b->g, 3 * GROUPS);
    int h = add_row(b);
    b->g->nheader = 1;
    for (int k = 0; k < GROUPS; k++) {
        put(b, h, 3 * k, "科目代码", GK_ALIGN_CENTER);
        put(b, h, 3 * k + 1, "科目名称", GK_ALIGN_CENTER);
        put(b, h, 3 * k + 2, "金额", GK_ALIGN_CENTER);
    }
    int first = b->g->nrows;
    for (size_t i = 0; i < body + tail; i++)
        add_row(b);
    size_t next[GROUPS] = {0}, next_total[GROUPS] = {0};
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        int k = group_of(row);
        int r = row->code ? first + (int)next[k]++ : first + (int)(body + next_total[k]++);
        put(b, r, 3 * k, row->code, GK_ALIGN_LEFT);
        put(b, r, 3 * k + 1, row->label, GK_ALIGN_LEFT);
        amount(b, r, 3 * k + 2, gk_row_get(row, "金额"));
        if (!row->code)
            b->g->total[r] = true;
    }
    const char *kinds[3 * GROUPS];
    for (int k = 0; k < GROUPS; k++) {
        kinds[3 * k] = "code";
        kinds[3 * k + 1] = "label";
        kinds[3 * k + 2] = "amount";
    }
    widths(b, kinds, 3 * GROUPS);
}

/* ---- 三公: 预算数 beside 决算数 ------------------------------------------- */

/* The car group's parts are printed under it. */
static bool car_part(const char *col)
{
    return strcmp(col, "公务用车购置费") == 0 || strcmp(col, "公务用车运行维护费") == 0;
}

/* A 决算 三公 table whose rows hold no figures: printed as rows (预算数,
 * 决算数 under the 栏次 line), with the layout's columns as headers, as such
 * documents print it; side by side, rows without figures would be no line
 * at all and not come back. */
static void public3_rows(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *cols[MAX_COLUMNS];
    int m = 0;
    for (int i = 0; l && i < GK_LAYOUT_MAX_COLUMNS && l->columns[i].name; i++)
        cols[m++] = l->columns[i].name;
    start(b, b->doc, b->g, 1 + m);
    int h0 = add_row(b), h1 = add_row(b), h2 = add_row(b);
    b->g->nheader = 3;
    header(b, h0, 0, "项目", 1, 2);
    put(b, h2, 0, "栏次", GK_ALIGN_CENTER);
    for (int c = 0; c < m; c++) {
        put(b, h2, 1 + c, gk_doc_printf(b->doc, "%d", c + 1), GK_ALIGN_CENTER);
        if (car_part(cols[c]))
            continue;
        int parts = 0;
        for (int j = c + 1; strcmp(cols[c], "公务用车购置及运行维护费") == 0 && j < m &&
                            car_part(cols[j]); j++)
            parts++;
        if (parts) {
            header(b, h0, 1 + c, cols[c], 1 + parts, 1);
            put(b, h1, 1 + c, "小计", GK_ALIGN_CENTER);
            for (int j = 1; j <= parts; j++)
                put(b, h1, 1 + c + j, cols[c + j], GK_ALIGN_CENTER);
        } else {
            header(b, h0, 1 + c, cols[c], 1, 2);
        }
    }
    for (size_t i = 0; i < t->nrows; i++) {
        int r = add_row(b);
        put(b, r, 0, t->rows[i].label, GK_ALIGN_LEFT);
    }
    const char *kinds[MAX_COLUMNS + 1] = {"label"};
    for (int c = 0; c < m; c++)
        kinds[1 + c] = "amount";
    widths(b, kinds, 1 + m);
}

/* Is `name` a column of one of the layout's identities? */
static bool in_sums(const gk_layout *l, const char *name)
{
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < GK_LAYOUT_MAX_COLUMNS && l->sums[i][j]; j++)
            if (strcmp(l->sums[i][j], name) == 0)
                return true;
    return false;
}

static void public3(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *cols[MAX_COLUMNS];
    int n = columns(t, NULL, GK_SIDE_NONE, cols);
    if (n == 0 && t->nrows && gk_table_kind_doc(t->kind) != GK_DOC_BUDGET) {
        public3_rows(b, t, l);
        return;
    }
    /* Printed order: the layout's, for the columns the table has and for
     * those its identities name (合计 and its parts, the car group's), as
     * the national table prints them, blank where the table has no figure
     * (printed alone, a table's 公务接待费 would read back as its first
     * column's, 因公出国（境）费); 机关运行经费 (budget tables) stands apart,
     * after the groups; columns beyond the layout after its own. */
    const char *ordered[MAX_COLUMNS], *extra[MAX_COLUMNS];
    int m = 0, nx = 0;
    for (int i = 0; l && i < GK_LAYOUT_MAX_COLUMNS && l->columns[i].name; i++)
        if ((listed(cols, n, l->columns[i].name) || in_sums(l, l->columns[i].name)) &&
            strcmp(l->columns[i].name, "机关运行经费") != 0 && m < MAX_COLUMNS)
            ordered[m++] = l->columns[i].name;
    for (int i = 0; i < n; i++)
        if (strcmp(cols[i], "机关运行经费") == 0)
            extra[nx++] = cols[i];
        else if (!listed(ordered, m, cols[i]) && m < MAX_COLUMNS)
            ordered[m++] = cols[i];
    bool budget = gk_table_kind_doc(t->kind) == GK_DOC_BUDGET;
    int groups = t->nrows ? (int)t->nrows : 1;
    start(b, b->doc, b->g, groups * m + groups * nx);
    int h0 = add_row(b), h1 = add_row(b), h2 = add_row(b);
    b->g->nheader = 3;
    if (!budget) {                           /* 栏次, as the 决算 layout prints it */
        int h3 = add_row(b);
        b->g->nheader = 4;
        for (int c = 0; c < b->g->ncols; c++)
            put(b, h3, c, gk_doc_printf(b->doc, "%d", c + 1), GK_ALIGN_CENTER);
    }
    for (int k = 0; k < groups; k++) {
        int base = k * m;
        const char *label = k < (int)t->nrows && t->rows[k].label ? t->rows[k].label : "预算数";
        header(b, h0, base, budget ? gk_doc_printf(b->doc, "\"三公\"经费%s", label) : label, m, 1);
        for (int c = 0; c < m; c++) {
            if (car_part(ordered[c]))
                continue;
            bool car = strcmp(ordered[c], "公务用车购置及运行维护费") == 0;
            int parts = 0;
            for (int j = c + 1; car && j < m && car_part(ordered[j]); j++)
                parts++;
            if (car && parts) {
                header(b, h1, base + c, ordered[c], 1 + parts, 1);
                put(b, h2, base + c, "小计", GK_ALIGN_CENTER);
                for (int j = 1; j <= parts; j++)
                    put(b, h2, base + c + j, ordered[c + j], GK_ALIGN_CENTER);
            } else {
                header(b, h1, base + c, ordered[c], 1, 2);
            }
        }
        for (int x = 0; x < nx; x++)
            header(b, h0, groups * m + k * nx + x, gk_doc_printf(b->doc, "%s%s", extra[x], label),
                   1, 3);
    }
    int r = add_row(b);
    for (int k = 0; k < (int)t->nrows; k++) {
        for (int c = 0; c < m; c++)
            amount(b, r, k * m + c, gk_row_get(&t->rows[k], ordered[c]));
        for (int x = 0; x < nx; x++)
            amount(b, r, groups * m + k * nx + x, gk_row_get(&t->rows[k], extra[x]));
    }
    widths(b, NULL, 0);   /* all amounts, however many groups */
}

/* ---- Labelled and other tables: 项目 | columns ---------------------------- */

static void labelled(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *cols[MAX_COLUMNS];
    int n = columns(t, l && l->style == GK_ROWS_LABELLED ? l->columns : NULL, GK_SIDE_NONE, cols);
    bool coded_rows = false;
    for (size_t i = 0; i < t->nrows; i++)
        coded_rows |= t->rows[i].code != NULL;
    int lead = coded_rows ? 2 : 1;
    start(b, b->doc, b->g, lead + n);
    int h = add_row(b);
    b->g->nheader = 1;
    if (coded_rows)
        put(b, h, 0, "科目编码", GK_ALIGN_CENTER);
    put(b, h, lead - 1, "项目", GK_ALIGN_CENTER);
    for (int c = 0; c < n; c++)
        put(b, h, lead + c, cols[c], GK_ALIGN_CENTER);
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        int r = add_row(b);
        if (coded_rows)
            put(b, r, 0, row->code, GK_ALIGN_LEFT);
        put(b, r, lead - 1, row->label, GK_ALIGN_LEFT);
        for (int c = 0; c < n; c++)
            amount(b, r, lead + c, gk_row_get(row, cols[c]));
        b->g->total[r] = is_total_label(row->label);
    }
    const char *kinds[MAX_COLUMNS + 2];
    int k = 0;
    if (coded_rows)
        kinds[k++] = "code";
    kinds[k++] = "label";
    for (int c = 0; c < n; c++)
        kinds[k++] = "amount";
    widths(b, kinds, k);
}

/* ---- 绩效 forms: fields, funds, tasks, indicators ------------------------- */

/* A 绩效 form is printed as the published ones are (and as
 * src/read/text_form.c reads them): labelled fields ("项目名称 | …"), money
 * lines ("其中：财政拨款 | 50000.00"), a funds block under its header
 * (项目资金 | 年初预算数 | 全年预算数 | …), a tasks block (任务名称 | 主要内容
 * | 全年预算数 over 总额/财政拨款/其他资金 | …), an indicator block (一级指标
 * | 二级指标 | 指标内容 | 指标值 … with the levels merged down) and 总分.
 * Each block is headed where its rows begin, in the order of the rows. */

typedef enum {
    F_FIELD, F_MONEY, F_FUNDS, F_TASK, F_INDICATOR, F_TOTAL
} form_class;

static const char *const FORM_FIELDS[] = {"项目名称", "主管部门", "实施单位", "部门(单位)名称",
                                          "单位名称", "实施期限", NULL};
static const char *const FORM_FUNDS[] = {"年度资金总额", "实施期资金总额", "上年结转资金",
                                         "财政拨款", "其他资金", NULL};
/* Printed column orders; a "全年预算数/总额" column ranks by its parent, then
 * by its part (FORM_PARTS).  Others follow in order of first use. */
static const char *const FORM_FUNDS_COLS[] = {"年初预算数", "全年预算数", "全年执行数", "分值",
                                              "执行率", "得分", "偏差原因分析及改进措施", NULL};
static const char *const FORM_TASK_COLS[] = {"主要内容", "完成情况", "年初预算数", "全年预算数",
                                             "全年执行数", "总额", "财政拨款", "其他资金", "分值",
                                             "执行率", "得分", "偏差原因分析及改进措施", "备注",
                                             NULL};
static const char *const FORM_INDICATOR_COLS[] = {"指标内容", "年度指标值", "实际完成值", "指标值",
                                                  "分值", "得分", "偏差原因分析及改进措施", "备注",
                                                  NULL};
static const char *const FORM_PARTS[] = {"总额", "财政拨款", "其他资金", NULL};

static int index_in(const char *const *list, const char *s, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncmp(list[i], s, n) == 0)
            return i;
    return -1;
}

static bool in_list(const char *const *list, const char *s)
{
    return s && index_in(list, s, strlen(s)) >= 0;
}

static form_class classify(const gk_row *row)
{
    const char *label = row->label ? row->label : "";
    if (strcmp(label, "总分") == 0)
        return F_TOTAL;
    if (gk_row_get(row, "指标内容"))
        return F_INDICATOR;
    bool only_content = true, only_amount = true;
    for (size_t k = 0; k < row->ncells; k++) {
        only_content &= strcmp(row->cells[k].column, "内容") == 0;
        only_amount &= strcmp(row->cells[k].column, "金额") == 0;
    }
    if (in_list(FORM_FIELDS, label) && only_content)
        return F_FIELD;
    if (in_list(FORM_FUNDS, label) && !gk_row_get(row, "主要内容"))
        return only_amount ? F_MONEY : F_FUNDS;
    return F_TASK;
}

/* Rank of a column in a block's printed order ("P/S" by P, then S). */
static int form_rank(const char *const *order, const char *col)
{
    const char *slash = strchr(col, '/');
    size_t n = slash ? (size_t)(slash - col) : strlen(col);
    int r = index_in(order, col, n);
    int part = slash ? index_in(FORM_PARTS, slash + 1, strlen(slash + 1)) : -1;
    return (r < 0 ? 1000 : r * 10) + (part < 0 ? (slash ? 9 : 0) : part + 1);
}

/* The columns of rows [b, e) (but their 内容/金额), in printed order. */
static int form_columns(const gk_table *t, size_t b, size_t e, const char *const *order,
                        const char **out)
{
    int n = 0;
    for (size_t i = b; i < e; i++)
        for (size_t k = 0; k < t->rows[i].ncells && n < MAX_COLUMNS; k++) {
            const char *c = t->rows[i].cells[k].column;
            if (!listed(out, n, c) && strcmp(c, "内容") && strcmp(c, "金额"))
                out[n++] = c;
        }
    for (int i = 1; i < n; i++)         /* stable: first use breaks ties */
        for (int j = i; j > 0 && form_rank(order, out[j]) < form_rank(order, out[j - 1]); j--) {
            const char *x = out[j];
            out[j] = out[j - 1];
            out[j - 1] = x;
        }
    return n;
}

/* A run of rows printed under one header. */
typedef struct form_run {
    form_class kind;                     /* F_FIELD/F_MONEY: no header */
    size_t b, e;
    const char *cols[MAX_COLUMNS];
    int ncols, lead;                     /* lead: columns before cols[] */
} form_run;

static void form_value(builder *b, int r, int c, const gk_cell *cell)
{
    if (!cell)
        return;
    if (cell->text) {
        /* A figure kept as text (an 指标值 "14.94") stands right, as figures do. */
        gk_amount a;
        bool figure = gk_amount_parse(cell->text, strlen(cell->text), &a) == GK_AMOUNT_OK;
        put(b, r, c, cell->text, figure ? GK_ALIGN_RIGHT : GK_ALIGN_LEFT);
        return;
    }
    amount(b, r, c, cell);
}

/* The column a cell goes to in run `run`, or -1. */
static int form_col(const form_run *run, const char *column)
{
    for (int c = 0; c < run->ncols; c++)
        if (strcmp(run->cols[c], column) == 0)
            return run->lead + c;
    return -1;
}

static void form_row_cells(builder *b, int r, const form_run *run, const gk_row *row)
{
    for (size_t k = 0; k < row->ncells; k++) {
        int c = form_col(run, row->cells[k].column);
        if (c >= 0)
            form_value(b, r, c, &row->cells[k]);
    }
}

/* The header of a run: its column names, and for tasks the parts
 * (总额, 财政拨款, 其他资金) on a line under their parent. */
static void form_header(builder *b, const form_run *run, const char *unit)
{
    int h = add_row(b);
    switch (run->kind) {
    case F_FUNDS:
        put(b, h, 0, gk_doc_printf(b->doc, "项目资金%s", unit), GK_ALIGN_CENTER);
        break;
    case F_TASK:
        put(b, h, 0, "任务名称", GK_ALIGN_CENTER);
        break;
    default:
        put(b, h, 0, "一级指标", GK_ALIGN_CENTER);
        put(b, h, 1, "二级指标", GK_ALIGN_CENTER);
        break;
    }
    bool parts = false;
    for (int c = 0; c < run->ncols; c++)
        parts |= in_list(FORM_PARTS, strrchr(run->cols[c], '/') ? strrchr(run->cols[c], '/') + 1
                                                                : run->cols[c]);
    int sub = parts && run->kind == F_TASK ? add_row(b) : -1;
    for (int c = 0; c < run->ncols;) {
        const char *col = run->cols[c];
        const char *slash = strchr(col, '/');
        bool part = sub >= 0 && (slash ? in_list(FORM_PARTS, slash + 1) : in_list(FORM_PARTS, col));
        if (!part) {
            put(b, h, run->lead + c, col, GK_ALIGN_CENTER);
            c++;
            continue;
        }
        /* The parent over its parts: "全年预算数", or 预算金额 over parts
         * standing alone (as 绩效目标表 print them). */
        size_t n = slash ? (size_t)(slash - col) : 0;
        int span = 1;
        while (c + span < run->ncols) {
            const char *o = run->cols[c + span], *os = strchr(o, '/');
            if (slash ? !(os && (size_t)(os - o) == n && strncmp(o, col, n) == 0 &&
                          in_list(FORM_PARTS, os + 1))
                      : !(!os && in_list(FORM_PARTS, o)))
                break;
            span++;
        }
        header(b, h, run->lead + c,
               slash ? gk_doc_printf(b->doc, "%.*s", (int)n, col)
                     : gk_doc_printf(b->doc, "预算金额%s", unit),
               span, 1);
        for (int j = 0; j < span; j++) {
            const char *o = run->cols[c + j];
            put(b, sub, run->lead + c + j, slash ? strchr(o, '/') + 1 : o, GK_ALIGN_CENTER);
        }
        c += span;
    }
}

static void form(builder *b, const gk_table *t)
{
    /* Runs: rows of one class; 总分 joins the block before it (or starts
     * an indicator block); a funds line without figures stays in a funds
     * block (read there as a row without cells). */
    form_run *runs = gk_arena_alloc(b->doc->arena, (t->nrows + 1) * sizeof *runs);
    size_t nruns = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        form_class k = classify(&t->rows[i]);
        form_run *last = nruns ? &runs[nruns - 1] : NULL;
        bool join = last && (k == last->kind ||
                             (k == F_TOTAL && last->kind >= F_FUNDS && last->kind != F_TOTAL) ||
                             (k == F_MONEY && t->rows[i].ncells == 0 && last->kind == F_FUNDS));
        if (join) {
            last->e = i + 1;
            continue;
        }
        form_run *run = &runs[nruns++];
        memset(run, 0, sizeof *run);
        run->kind = k == F_TOTAL ? F_INDICATOR : k;
        run->b = i;
        run->e = i + 1;
    }
    int width = 2;
    for (size_t i = 0; i < nruns; i++) {
        form_run *run = &runs[i];
        const char *const *order = run->kind == F_FUNDS ? FORM_FUNDS_COLS
                                   : run->kind == F_TASK ? FORM_TASK_COLS
                                                         : FORM_INDICATOR_COLS;
        run->lead = run->kind == F_INDICATOR ? 2 : 1;
        if (run->kind == F_INDICATOR || run->kind == F_FUNDS || run->kind == F_TASK)
            run->ncols = form_columns(t, run->b, run->e, order, run->cols);
        if (run->kind == F_INDICATOR && !listed(run->cols, run->ncols, "指标内容")) {
            memmove(run->cols + 1, run->cols, (size_t)(run->ncols < MAX_COLUMNS - 1 ? run->ncols : MAX_COLUMNS - 1) * sizeof *run->cols);
            run->cols[0] = "指标内容";
            run->ncols += run->ncols < MAX_COLUMNS;
        }
        /* The funds header must say it is one (年初/全年预算数). */
        if (run->kind == F_FUNDS && !listed(run->cols, run->ncols, "年初预算数") &&
            !listed(run->cols, run->ncols, "全年预算数") && run->ncols < MAX_COLUMNS) {
            memmove(run->cols + 1, run->cols, (size_t)run->ncols * sizeof *run->cols);
            run->cols[0] = "全年预算数";
            run->ncols++;
        }
        if (run->lead + run->ncols > width)
            width = run->lead + run->ncols;
    }
    const char *unit = t->unit != GK_UNIT_NONE
                           ? gk_doc_printf(b->doc, "（%s）", gk_unit_name(t->unit)) : "";
    start(b, b->doc, b->g, width);
    b->g->nheader = 0;                  /* fields first: no header line repeats */
    form_class block = F_FIELD;         /* the block in force as the reader sees it */
    for (size_t i = 0; i < nruns; i++) {
        const form_run *run = &runs[i];
        if (run->kind == F_FIELD || run->kind == F_MONEY) {
            if (block != F_FIELD) {     /* "总体目标" ends the block before */
                int r = add_row(b);
                header(b, r, 0, "年度总体目标", width, 1);
                block = F_FIELD;
            }
            for (size_t j = run->b; j < run->e; j++) {
                const gk_row *row = &t->rows[j];
                int r = add_row(b);
                put(b, r, 0, row->label, GK_ALIGN_LEFT);
                if (run->kind == F_FIELD) {
                    const gk_cell *c = gk_row_get(row, "内容");
                    put(b, r, 1, c ? c->text : "", GK_ALIGN_LEFT);
                    header(b, r, 1, c && c->text ? c->text : "", width - 1, 1);
                    at(b, r, 1)->align = GK_ALIGN_LEFT;
                } else {
                    amount(b, r, 1, gk_row_get(row, "金额"));
                }
            }
            continue;
        }
        form_header(b, run, unit);
        block = run->kind;
        /* Indicator levels in force (as the reader keeps them) and the rows
         * where the printed ones stand, merged down over the rows they
         * cover. */
        const char *pa = NULL, *pb = NULL;
        size_t pa_len = 0;
        int ra = -1, rb = -1;
        for (size_t j = run->b; j < run->e; j++) {
            const gk_row *row = &t->rows[j];
            form_class k = classify(row);
            if (k == F_INDICATOR) {
                const char *label = row->label ? row->label : "";
                const char *slash = strchr(label, '/');
                size_t alen = slash ? (size_t)(slash - label) : strlen(label);
                const char *a = *label ? label : NULL, *lb = slash ? slash + 1 : NULL;
                if (!a && (pa || pb)) {         /* no levels: a header clears them */
                    form_header(b, run, unit);
                    pa = pb = NULL;
                    ra = rb = -1;
                }
                bool print_a = a && (!pa || pa_len != alen || strncmp(a, pa, alen) != 0 ||
                                     (!lb && pb));
                bool print_b = lb && (print_a || !pb || strcmp(lb, pb) != 0);
                int r = add_row(b);
                if (print_a) {
                    put(b, r, 0, gk_doc_printf(b->doc, "%.*s", (int)alen, a), GK_ALIGN_LEFT);
                    pa = a;
                    pa_len = alen;
                    pb = lb;
                    ra = r;
                    rb = lb ? r : -1;
                } else if (ra >= 0) {
                    at(b, ra, 0)->rowspan++;
                    at(b, r, 0)->colspan = at(b, r, 0)->rowspan = 0;
                }
                if (print_b) {
                    put(b, r, 1, lb, GK_ALIGN_LEFT);
                    pb = lb;
                    rb = r;
                } else if (!print_a && rb >= 0) {
                    at(b, rb, 1)->rowspan++;
                    at(b, r, 1)->colspan = at(b, r, 1)->rowspan = 0;
                } else {
                    rb = -1;
                }
                form_row_cells(b, r, run, row);
                continue;
            }
            ra = rb = -1;                       /* 总分 and other rows end merges */
            int r = add_row(b);
            put(b, r, 0, row->label, GK_ALIGN_LEFT);
            if (k == F_TOTAL) {
                b->g->total[r] = true;
                if (run->lead > 1)
                    header(b, r, 0, row->label, run->lead, 1);
                at(b, r, 0)->align = GK_ALIGN_LEFT;
            }
            form_row_cells(b, r, run, row);
        }
    }
    static const char *const kinds[] = {"label", "label"};
    widths(b, kinds, 2);
}

void gk_compose_grid(gk_doc *d, const gk_table *t, gk_grid *out)
{
    /* 元 figures are printed grouped, "189,767,551", as the national 元
     * tables print them: a run of seven digits would read as a code. */
    builder b = {d, out, 0, t->unit == GK_UNIT_YUAN};
    const gk_layout *l = gk_layout_of_table(t);
    bool one_amount = true;
    for (size_t i = 0; i < t->nrows; i++)
        for (size_t k = 0; k < t->rows[i].ncells; k++)
            one_amount &= strcmp(t->rows[i].cells[k].column, "金额") == 0;
    switch (l ? l->style : GK_ROWS_GENERIC) {
    case GK_ROWS_CODED:
        coded(&b, t, l);
        break;
    case GK_ROWS_TWO_SIDED:
        two_sided(&b, t, l);
        break;
    case GK_ROWS_GROUPED:
        if (one_amount)
            grouped(&b, t);
        else
            coded(&b, t, l);
        break;
    case GK_ROWS_PUBLIC3:
        public3(&b, t, l);
        break;
    case GK_ROWS_FORM:
        form(&b, t);
        break;
    default:
        labelled(&b, t, l);
        break;
    }
}
