/*
 * compose_table.c — a table as the grid it is printed in.
 *
 * The national layouts differ by kind: coded tables (科目编码 | 科目名称 |
 * columns), two-sided summaries (收入 rows beside 支出 rows), the 基本支出
 * table (人员经费, 公用经费 and the other economic groups side by side) and
 * the 三公 table (预算数 beside 决算数).  The columns of a kind, in printed
 * order, come from the same layout data the readers recognise tables by
 * (src/read/layout.c), so what is written reads back as what it was.
 * Columns a table has beyond its layout are printed after them: nothing in
 * the model is dropped.
 */
#include <string.h>

#include "../model/arena.h"
#include "../read/layout.h"
#include "compose.h"

#define MAX_COLUMNS 32

/* ---- Building a grid ------------------------------------------------------ */

typedef struct builder {
    gk_doc *doc;
    gk_grid *g;
    int cap;
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
    g->text = gk_doc_amount(b->doc, cell->value);
}

/* Column widths: labels wide, codes narrow, figures in between. */
static void widths(builder *b, const char *const *kinds)
{
    gk_grid *g = b->g;
    g->widths = gk_arena_alloc(b->doc->arena, (size_t)g->ncols * sizeof *g->widths);
    double sum = 0;
    for (int c = 0; c < g->ncols; c++) {
        double w = kinds[c][0] == 'l' ? 3.0 : kinds[c][0] == 'c' ? 1.2 : 1.6;
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
    widths(b, kinds);
}

/* ---- Two-sided tables: 收入 rows beside 支出 rows ------------------------ */

/* "财政拨款收入/一般公共预算资金" is printed as its last part, numbered
 * "1." under the row it belongs to (the numbering says it is a part). */
static const char *printed_label(builder *b, const gk_row *const *rows, size_t i)
{
    const char *label = rows[i]->label;
    const char *slash = label ? strrchr(label, '/') : NULL;
    if (!slash)
        return label;
    int n = 1;
    size_t parent = (size_t)(slash - label);
    while (n <= (int)i && rows[i - n]->label && strncmp(rows[i - n]->label, label, parent + 1) == 0)
        n++;
    return gk_doc_printf(b->doc, "%d.%s", n, slash + 1);
}

/* Where a side's totals begin: its first 本年…合计 (or …总计) row. */
static size_t tail_start(const gk_row *const *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *l = rows[i]->label;
        if (l && (strncmp(l, "本年", 6) == 0 || strstr(l, "总计")) && is_total_label(l))
            return i;
    }
    return n;
}

static void two_sided(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *in_cols[MAX_COLUMNS], *out_cols[MAX_COLUMNS];
    int nin = columns(t, NULL, GK_SIDE_INCOME, in_cols);
    int nout = columns(t, l ? l->columns : NULL, GK_SIDE_EXPENSE, out_cols);
    if (nin == 0)
        in_cols[nin++] = "金额";
    size_t nrin = 0, nrout = 0;
    const gk_row **ins = gk_arena_alloc(b->doc->arena, (t->nrows + 1) * sizeof *ins);
    const gk_row **outs = gk_arena_alloc(b->doc->arena, (t->nrows + 1) * sizeof *outs);
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (row->side == GK_SIDE_EXPENSE)
            outs[nrout++] = row;
        else
            ins[nrin++] = row;
    }
    start(b, b->doc, b->g, 2 + nin + nout);
    int h0 = add_row(b), h1 = add_row(b);
    b->g->nheader = 2;
    bool budget = gk_table_kind_doc(t->kind) == GK_DOC_BUDGET;
    header(b, h0, 0, budget ? "本年收入" : "收入", 1 + nin, 1);
    header(b, h0, 1 + nin, budget ? "本年支出" : "支出", 1 + nout, 1);
    put(b, h1, 0, "项目", GK_ALIGN_CENTER);
    for (int c = 0; c < nin; c++)
        put(b, h1, 1 + c, strcmp(in_cols[c], "金额") == 0 && budget ? "预算数" : in_cols[c],
            GK_ALIGN_CENTER);
    put(b, h1, 1 + nin, "项目", GK_ALIGN_CENTER);
    for (int c = 0; c < nout; c++)
        put(b, h1, 2 + nin + c,
            strcmp(out_cols[c], "金额") == 0 && budget ? "预算数" : out_cols[c],
            GK_ALIGN_CENTER);
    /* The sides' items, then their totals from 本年…合计 on, level. */
    size_t tin = tail_start(ins, nrin), tout = tail_start(outs, nrout);
    size_t items = tin > tout ? tin : tout;
    size_t tails = nrin - tin > nrout - tout ? nrin - tin : nrout - tout;
    for (size_t i = 0; i < items + tails; i++) {
        int r = add_row(b);
        size_t ki = i < items ? i : tin + (i - items), ko = i < items ? i : tout + (i - items);
        const gk_row *in = (i < items ? i < tin : ki < nrin) ? ins[ki] : NULL;
        const gk_row *out = (i < items ? i < tout : ko < nrout) ? outs[ko] : NULL;
        if (in) {
            put(b, r, 0, printed_label(b, ins, ki), GK_ALIGN_LEFT);
            for (int c = 0; c < nin; c++)
                amount(b, r, 1 + c, gk_row_get(in, in_cols[c]));
        }
        if (out) {
            put(b, r, 1 + nin, printed_label(b, outs, ko), GK_ALIGN_LEFT);
            for (int c = 0; c < nout; c++)
                amount(b, r, 2 + nin + c, gk_row_get(out, out_cols[c]));
        }
        b->g->total[r] = (in && is_total_label(in->label)) || (out && is_total_label(out->label));
    }
    const char *kinds[2 * MAX_COLUMNS + 2];
    kinds[0] = "label";
    for (int c = 0; c < nin; c++)
        kinds[1 + c] = "amount";
    kinds[1 + nin] = "label";
    for (int c = 0; c < nout; c++)
        kinds[2 + nin + c] = "amount";
    widths(b, kinds);
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
    widths(b, kinds);
}

/* ---- 三公: 预算数 beside 决算数 ------------------------------------------- */

/* The car group's parts are printed under it. */
static bool car_part(const char *col)
{
    return strcmp(col, "公务用车购置费") == 0 || strcmp(col, "公务用车运行维护费") == 0;
}

static void public3(builder *b, const gk_table *t, const gk_layout *l)
{
    const char *cols[MAX_COLUMNS];
    int n = columns(t, NULL, GK_SIDE_NONE, cols);
    /* Printed order: the layout's order for the columns the table has;
     * 机关运行经费 (budget tables) stands apart, after the groups. */
    const char *ordered[MAX_COLUMNS], *extra[MAX_COLUMNS];
    int m = 0, nx = 0;
    for (int i = 0; l && i < GK_LAYOUT_MAX_COLUMNS && l->columns[i].name; i++)
        if (listed(cols, n, l->columns[i].name) && strcmp(l->columns[i].name, "机关运行经费") != 0)
            ordered[m++] = l->columns[i].name;
    for (int i = 0; i < n; i++)
        if (strcmp(cols[i], "机关运行经费") == 0)
            extra[nx++] = cols[i];
        else if (!listed(ordered, m, cols[i]))
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
    const char *kinds[MAX_COLUMNS * 4];
    for (int c = 0; c < b->g->ncols && c < MAX_COLUMNS * 4; c++)
        kinds[c] = "amount";
    widths(b, kinds);
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
    widths(b, kinds);
}

void gk_compose_grid(gk_doc *d, const gk_table *t, gk_grid *out)
{
    builder b = {d, out, 0};
    const gk_layout *l = gk_layout_of(t->kind);
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
    default:
        labelled(&b, t, l);
        break;
    }
}
