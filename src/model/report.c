/*
 * report.c — building and querying the report model; the names of its kinds.
 */
#include "gongkai/report.h"

#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "../util/buf.h"

/* ---- Kinds and their names -------------------------------------------- */

static const char *const DOC_KIND_NAMES[] = {
    [GK_DOC_UNKNOWN] = NULL,
    [GK_DOC_FINAL] = "final",
    [GK_DOC_BUDGET] = "budget",
    [GK_DOC_PERFORMANCE] = "performance",
};

int gk_pos_cmp(gk_pos a, gk_pos b)
{
    if (a.part != b.part)
        return a.part < b.part ? -1 : 1;
    if (a.page != b.page)
        return a.page < b.page ? -1 : 1;
    return a.line < b.line ? -1 : a.line > b.line;
}

const char *gk_doc_kind_name(gk_doc_kind k)
{
    return (unsigned)k < sizeof DOC_KIND_NAMES / sizeof *DOC_KIND_NAMES ? DOC_KIND_NAMES[k] : NULL;
}

gk_doc_kind gk_doc_kind_from_name(const char *name)
{
    for (unsigned k = GK_DOC_FINAL; name && k <= GK_DOC_PERFORMANCE; k++)
        if (strcmp(DOC_KIND_NAMES[k], name) == 0)
            return (gk_doc_kind)k;
    return GK_DOC_UNKNOWN;
}

#define F GK_CODES_FUNCTIONAL
#define E GK_CODES_ECONOMIC
#define N GK_CODES_NONE

/* Per kind: stable name, usual title, document family, row codes. */
static const struct {
    const char *name;
    const char *title;
    gk_doc_kind doc;
    gk_code_kind codes;
} TABLE_KINDS[GK_TABLE__COUNT] = {
    [GK_TABLE_UNKNOWN] = {NULL, NULL, GK_DOC_UNKNOWN, N},
    [GK_TABLE_SUMMARY] = {"summary", "收入支出决算总表", GK_DOC_FINAL, F},
    [GK_TABLE_INCOME] = {"income", "收入决算表", GK_DOC_FINAL, F},
    [GK_TABLE_EXPENSE] = {"expense", "支出决算表", GK_DOC_FINAL, F},
    [GK_TABLE_FISCAL_SUMMARY] = {"fiscal_summary", "财政拨款收入支出决算总表", GK_DOC_FINAL, F},
    [GK_TABLE_GPB_EXPENSE] = {"gpb_expense", "一般公共预算财政拨款支出决算表", GK_DOC_FINAL, F},
    [GK_TABLE_GPB_BASIC] = {"gpb_basic", "一般公共预算财政拨款基本支出决算表", GK_DOC_FINAL, E},
    [GK_TABLE_GOV_FUND] = {"gov_fund", "政府性基金预算财政拨款收入支出决算表", GK_DOC_FINAL, F},
    [GK_TABLE_STATE_CAPITAL] = {"state_capital", "国有资本经营预算财政拨款收入支出决算表", GK_DOC_FINAL, F},
    [GK_TABLE_THREE_PUBLIC] = {"three_public", "财政拨款“三公”经费支出决算表", GK_DOC_FINAL, N},
    [GK_TABLE_OFFICE_OPERATION] = {"office_operation", "机关运行经费支出情况表", GK_DOC_FINAL, E},
    [GK_TABLE_PROCUREMENT] = {"procurement", "政府采购支出情况表", GK_DOC_FINAL, N},
    [GK_TABLE_FISCAL_EXPENSE_DETAIL] = {"fiscal_expense_detail", "财政拨款支出决算明细表", GK_DOC_FINAL, F},
    [GK_TABLE_GPB_PROJECT] = {"gpb_project", "一般公共预算财政拨款项目支出决算表", GK_DOC_FINAL, F},
    [GK_TABLE_PERF_PROJECT] = {"perf_project", "项目支出绩效自评表", GK_DOC_PERFORMANCE, N},
    [GK_TABLE_PERF_OVERALL] = {"perf_overall", "部门整体支出绩效自评表", GK_DOC_PERFORMANCE, N},
    [GK_TABLE_BUDGET_SUMMARY] = {"budget_summary", "财务收支预算总表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_INCOME] = {"budget_income", "收入预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_EXPENSE] = {"budget_expense", "支出预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_FISCAL_SUMMARY] = {"budget_fiscal_summary", "财政拨款收支预算总表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_GPB_FUNCTION] = {"budget_gpb_function", "一般公共预算支出功能分类预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_GPB_ECONOMIC] = {"budget_gpb_economic", "一般公共预算支出经济分类预算表", GK_DOC_BUDGET, E},
    [GK_TABLE_BUDGET_GPB_BASIC_FUNCTION] = {"budget_gpb_basic_function", "一般公共预算基本支出功能分类预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC] = {"budget_gpb_basic_economic", "一般公共预算基本支出部门预算经济分类预算表", GK_DOC_BUDGET, E},
    [GK_TABLE_BUDGET_GOV_FUND] = {"budget_gov_fund", "政府性基金预算支出功能分类预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_STATE_CAPITAL] = {"budget_state_capital", "国有资本经营预算支出功能分类预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_THREE_PUBLIC] = {"budget_three_public", "“三公”经费和机关运行经费预算表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_PROJECT] = {"budget_project", "项目支出预算表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_SPECIAL] = {"budget_special", "专项业务经费支出表", GK_DOC_BUDGET, F},
    [GK_TABLE_BUDGET_PROCUREMENT] = {"budget_procurement", "政府采购预算表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_OFFICE_OPERATION] = {"budget_office_operation", "机关运行经费支出预算表", GK_DOC_BUDGET, E},
    [GK_TABLE_BUDGET_FISCAL_FUNCTION] = {"budget_fiscal_function", "财政拨款支出预算表（按功能科目）", GK_DOC_BUDGET, F},
    [GK_TABLE_PERF_TARGET_PROJECT] = {"perf_target_project", "项目绩效目标表", GK_DOC_BUDGET, N},
    [GK_TABLE_PERF_TARGET_OVERALL] = {"perf_target_overall", "整体支出绩效目标表", GK_DOC_BUDGET, N},
    [GK_TABLE_PERF_TARGET_FUND] = {"perf_target_fund", "专项资金整体绩效目标表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_BASIC_BY_UNIT] = {"budget_basic_by_unit", "部门预算基本支出预算表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_PROJECT_BY_UNIT] = {"budget_project_by_unit", "部门预算项目支出及其他支出预算表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_CARRYOVER] = {"budget_carryover", "财政拨款上年结转资金支出表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_MEETING] = {"budget_meeting", "会议费明细表", GK_DOC_BUDGET, N},
    [GK_TABLE_BUDGET_TRAINING] = {"budget_training", "培训费明细表", GK_DOC_BUDGET, N},
    [GK_TABLE_OTHER] = {"other", "其他表格", GK_DOC_UNKNOWN, N},
};

#undef F
#undef E
#undef N

const char *gk_table_kind_name(gk_table_kind k)
{
    return (unsigned)k < GK_TABLE__COUNT ? TABLE_KINDS[k].name : NULL;
}

const char *gk_table_kind_title(gk_table_kind k)
{
    return (unsigned)k < GK_TABLE__COUNT ? TABLE_KINDS[k].title : NULL;
}

gk_doc_kind gk_table_kind_doc(gk_table_kind k)
{
    return (unsigned)k < GK_TABLE__COUNT ? TABLE_KINDS[k].doc : GK_DOC_UNKNOWN;
}

gk_code_kind gk_table_kind_codes(gk_table_kind k)
{
    return (unsigned)k < GK_TABLE__COUNT ? TABLE_KINDS[k].codes : GK_CODES_NONE;
}

gk_table_kind gk_table_kind_from_name(const char *name)
{
    for (unsigned k = 1; name && k < GK_TABLE__COUNT; k++)
        if (strcmp(TABLE_KINDS[k].name, name) == 0)
            return (gk_table_kind)k;
    return GK_TABLE_UNKNOWN;
}

const char *gk_side_name(gk_side s)
{
    switch (s) {
    case GK_SIDE_INCOME: return "收入";
    case GK_SIDE_EXPENSE: return "支出";
    default: return NULL;
    }
}

gk_side gk_side_from_name(const char *name)
{
    if (name && strcmp(name, "收入") == 0)
        return GK_SIDE_INCOME;
    if (name && strcmp(name, "支出") == 0)
        return GK_SIDE_EXPENSE;
    return GK_SIDE_NONE;
}

/* ---- Building --------------------------------------------------------- */

/* FNV-1a. */
static size_t hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

gk_report *gk_report_new(void)
{
    gk_arena *a = gk_arena_new();
    if (!a)
        gk_out_of_memory();
    gk_report *r = gk_arena_alloc(a, sizeof *r);
    r->arena = a;
    return r;
}

void gk_report_free(gk_report *r)
{
    if (r)
        gk_arena_free(r->arena);   /* the report itself lives in its arena */
}

const char *gk_report_strndup(gk_report *r, const char *s, size_t len)
{
    return s ? gk_arena_strndup(r->arena, s, len) : NULL;
}

const char *gk_report_strdup(gk_report *r, const char *s)
{
    return s ? gk_arena_strndup(r->arena, s, strlen(s)) : NULL;
}

/* Make room for one more element in an arena array (doubling). */
#define RESERVE(r, arr, n, cap)                                                  \
    do {                                                                         \
        if ((n) == (cap)) {                                                      \
            size_t ncap_ = (cap) ? 2 * (cap) : 8;                                \
            (arr) = gk_arena_grow((r)->arena, (arr), (n), ncap_, sizeof *(arr)); \
            (cap) = ncap_;                                                       \
        }                                                                        \
    } while (0)

gk_table *gk_report_add_table(gk_report *r, gk_table_kind kind)
{
    RESERVE(r, r->tables, r->ntables, r->tables_cap);
    gk_table *t = &r->tables[r->ntables++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    return t;
}

gk_row *gk_table_add_row(gk_report *r, gk_table *t)
{
    RESERVE(r, t->rows, t->nrows, t->cap);
    gk_row *row = &t->rows[t->nrows++];
    memset(row, 0, sizeof *row);
    return row;
}

gk_paragraph *gk_report_add_paragraph(gk_report *r, const char *section,
                                      const char *text, gk_pos pos)
{
    RESERVE(r, r->paragraphs, r->nparagraphs, r->paragraphs_cap);
    gk_paragraph *p = &r->paragraphs[r->nparagraphs++];
    p->section = gk_report_strdup(r, section);
    p->text = gk_report_strdup(r, text ? text : "");
    p->pos = pos;
    return p;
}

void gk_report_add_section(gk_report *r, gk_section_kind kind, const char *title, gk_pos from,
                           gk_pos to)
{
    RESERVE(r, r->sections, r->nsections, r->sections_cap);
    r->sections[r->nsections++] = (gk_section){kind, gk_report_strdup(r, title), from, to};
}

void gk_report_note(gk_report *r, gk_pos pos, const char *fmt, ...)
{
    gk_buf msg = GK_BUF_INIT;               /* whole: a cut could split a character */
    va_list ap;
    va_start(ap, fmt);
    gk_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    RESERVE(r, r->notes, r->nnotes, r->notes_cap);
    r->notes[r->nnotes].pos = pos;
    r->notes[r->nnotes].message = gk_report_strndup(r, msg.data ? msg.data : "", msg.len);
    r->nnotes++;
    gk_buf_free(&msg);
}

void gk_report_set_fact(gk_report *r, const char *key, const char *value)
{
    for (size_t i = 0; i < r->nfacts; i++)
        if (strcmp(r->facts[i].key, key) == 0) {
            r->facts[i].value = gk_report_strdup(r, value);
            return;
        }
    RESERVE(r, r->facts, r->nfacts, r->facts_cap);
    r->facts[r->nfacts].key = gk_report_strdup(r, key);
    r->facts[r->nfacts].value = gk_report_strdup(r, value);
    r->nfacts++;
}

const char *gk_report_fact(const gk_report *r, const char *key)
{
    for (size_t i = 0; i < r->nfacts; i++)
        if (strcmp(r->facts[i].key, key) == 0)
            return r->facts[i].value;
    return NULL;
}

/* ---- A document in several files ------------------------------------- */

static void mark_table(gk_table *t, unsigned char part)
{
    t->pos.part = part;
    t->note_pos.part = part;
    for (size_t i = 0; i < t->nrows; i++) {
        gk_row *row = &t->rows[i];
        row->pos.part = part;
        for (size_t k = 0; k < row->ncells; k++)
            row->cells[k].pos.part = part;
    }
}

void gk_report_join(gk_report *r, gk_report *part)
{
    assert(r != part && part->nparts == 0);
    assert(r->nparts < UCHAR_MAX);
    size_t cap = r->nparts;                    /* a part is rare: grow by one */
    r->parts = gk_arena_grow(r->arena, (void *)r->parts, r->nparts, cap + 1, sizeof *r->parts);
    r->parts[r->nparts++] = part->source ? part->source : "-";
    unsigned char k = (unsigned char)r->nparts;

    for (size_t i = 0; i < part->ntables; i++) {
        gk_table *t = gk_report_add_table(r, part->tables[i].kind);
        *t = part->tables[i];                  /* rows, cells, strings stay where they are */
        t->index = NULL;
        mark_table(t, k);
    }
    for (size_t i = 0; i < part->nparagraphs; i++) {
        RESERVE(r, r->paragraphs, r->nparagraphs, r->paragraphs_cap);
        r->paragraphs[r->nparagraphs] = part->paragraphs[i];
        r->paragraphs[r->nparagraphs++].pos.part = k;
    }
    for (size_t i = 0; i < part->nnotes; i++) {
        RESERVE(r, r->notes, r->nnotes, r->notes_cap);
        r->notes[r->nnotes] = part->notes[i];
        r->notes[r->nnotes++].pos.part = k;
    }
    for (size_t i = 0; i < part->nfacts; i++)
        if (!gk_report_fact(r, part->facts[i].key))
            gk_report_set_fact(r, part->facts[i].key, part->facts[i].value);
    if (!r->unit)
        r->unit = part->unit;
    if (!r->year)
        r->year = part->year;
    if (r->kind == GK_DOC_UNKNOWN)
        r->kind = part->kind;
    if (r->amount_unit == GK_UNIT_NONE)
        r->amount_unit = part->amount_unit;
    r->consolidated = r->consolidated || part->consolidated;
    if (!r->level)
        r->level = part->level;
    gk_arena_adopt(r->arena, part->arena);     /* part's strings and rows live on in r */
}

const char *gk_report_file_of(const gk_report *r, gk_pos pos)
{
    return pos.part && pos.part <= r->nparts ? r->parts[pos.part - 1] : r->source;
}

bool gk_text_states_amount(const char *s)
{
    for (const char *p = s; (p = strstr(p, "元")) != NULL; p += strlen("元")) {
        const char *q = p;
        if (q - s >= 3 && memcmp(q - 3, "万", 3) == 0)
            q -= 3;
        while (q > s && q[-1] == ' ')
            q--;
        if (q > s && q[-1] >= '0' && q[-1] <= '9')
            return true;
    }
    return false;
}

bool gk_report_has_narrative(const gk_report *r)
{
    enum { ENOUGH = 3 };
    int n = 0;
    for (size_t i = 0; i < r->nparagraphs && n < ENOUGH; i++)
        n += !r->paragraphs[i].heading && gk_text_states_amount(r->paragraphs[i].text);
    return n >= ENOUGH;
}

const char *gk_fact_problem(const char *key, const char *value, char *buf, size_t size)
{
    static const char *const AMOUNT_KINDS[] = {"上年/", "年初预算/", NULL};
    static const char *const TEXT_KINDS[] = {"原因/", "概况/", "说明/", NULL};
    bool count = strncmp(key, "统计/", strlen("统计/")) == 0, amount = false, known = count;
    for (const char *const *k = AMOUNT_KINDS; *k; k++)
        if (strncmp(key, *k, strlen(*k)) == 0)
            known = amount = true;
    for (const char *const *k = TEXT_KINDS; *k; k++)
        known |= strncmp(key, *k, strlen(*k)) == 0;
    gk_amount a;
    if (!known)
        return "未知事项，应以 上年/、年初预算/、原因/、统计/、概况/ 或 说明/ 开头";
    if ((amount || count) && gk_amount_parse(value, strlen(value), &a) != GK_AMOUNT_OK) {
        snprintf(buf, size, "应为金额或数字（如 \"80.91\"），实为 \"%s\"", value);
        return buf;
    }
    if (count && (a.scale != 0 || a.v < 0)) {
        snprintf(buf, size, "应为非负整数，实为 \"%s\"", value);
        return buf;
    }
    return NULL;
}

/* The report's one copy of a column name.  Readers that try several
 * placements set the same few names over and over; without this each try
 * would copy them again. */
static const char *column_name(gk_report *r, const char *column)
{
    if (r->ncolumns * 2 >= r->columns_cap) {
        size_t cap = r->columns_cap ? 2 * r->columns_cap : 64;
        const char **grown = gk_arena_alloc(r->arena, cap * sizeof *grown);
        memset(grown, 0, cap * sizeof *grown);
        for (size_t i = 0; i < r->columns_cap; i++)
            if (r->columns[i]) {
                size_t h = hash(r->columns[i]) & (cap - 1);
                while (grown[h])
                    h = (h + 1) & (cap - 1);
                grown[h] = r->columns[i];
            }
        r->columns = grown;
        r->columns_cap = cap;
    }
    size_t h = hash(column) & (r->columns_cap - 1);
    while (r->columns[h]) {
        if (strcmp(r->columns[h], column) == 0)
            return r->columns[h];
        h = (h + 1) & (r->columns_cap - 1);
    }
    r->columns[h] = gk_report_strdup(r, column);
    r->ncolumns++;
    return r->columns[h];
}

static gk_cell *cell_for(gk_report *r, gk_row *row, const char *column)
{
    for (size_t i = 0; i < row->ncells; i++)
        if (strcmp(row->cells[i].column, column) == 0)
            return &row->cells[i];
    RESERVE(r, row->cells, row->ncells, row->cap);
    gk_cell *c = &row->cells[row->ncells++];
    memset(c, 0, sizeof *c);
    c->column = column_name(r, column);
    return c;
}

gk_cell *gk_row_set(gk_report *r, gk_row *row, const char *column, gk_amount value)
{
    gk_cell *c = cell_for(r, row, column);
    c->value = value;
    c->text = NULL;
    return c;
}

gk_cell *gk_row_set_text(gk_report *r, gk_row *row, const char *column, const char *text)
{
    gk_cell *c = cell_for(r, row, column);
    c->value = gk_amount_make(0, 0);
    c->text = gk_report_strdup(r, text ? text : "");
    return c;
}

/* ---- Looking up ------------------------------------------------------- */

const gk_cell *gk_row_get(const gk_row *row, const char *column)
{
    for (size_t i = 0; i < row->ncells; i++)
        if (strcmp(row->cells[i].column, column) == 0)
            return &row->cells[i];
    return NULL;
}

const gk_table *gk_report_find_table(const gk_report *r, gk_table_kind kind)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (r->tables[i].kind == kind)
            return &r->tables[i];
    return NULL;
}

/* ---- Row look-ups ----------------------------------------------------------- */

/* A row's key and its place in the table; sorted by key, then place. */
typedef struct keyed {
    const char *key;
    size_t row;
} keyed;

struct gk_row_index {
    size_t nrows;            /* rows indexed; rows beyond are scanned */
    keyed *codes, *labels;
    size_t ncodes, nlabels;
};

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* The first entry whose key is not below `key`. */
static size_t lower_bound(const keyed *v, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(v[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const gk_row *find(const gk_table *t, bool by_code, const char *key, gk_side side)
{
    const struct gk_row_index *ix = t->index;
    size_t from = 0;
    if (ix) {
        const keyed *v = by_code ? ix->codes : ix->labels;
        size_t n = by_code ? ix->ncodes : ix->nlabels;
        for (size_t i = lower_bound(v, n, key); i < n && strcmp(v[i].key, key) == 0; i++) {
            const gk_row *row = &t->rows[v[i].row];
            if (side == GK_SIDE_NONE || row->side == side)
                return row;
        }
        from = ix->nrows;
    }
    for (size_t i = from; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        const char *k = by_code ? row->code : row->label;
        if (k && strcmp(k, key) == 0 && (side == GK_SIDE_NONE || row->side == side))
            return row;
    }
    return NULL;
}

const gk_row *gk_table_find_code(const gk_table *t, const char *code, gk_side side)
{
    return find(t, true, code, side);
}

const gk_row *gk_table_find_label(const gk_table *t, const char *label, gk_side side)
{
    return find(t, false, label, side);
}

static int by_place(const void *a, const void *b)
{
    const gk_row *x = *(const gk_row *const *)a, *y = *(const gk_row *const *)b;
    return (x > y) - (x < y);
}

size_t gk_table_code_children(const gk_table *t, const char *prefix, size_t len,
                              const gk_row **out, size_t max)
{
    size_t n = 0, plen = strlen(prefix), from = 0;
    const struct gk_row_index *ix = t->index;
    if (ix) {
        for (size_t i = lower_bound(ix->codes, ix->ncodes, prefix);
             i < ix->ncodes && strncmp(ix->codes[i].key, prefix, plen) == 0; i++) {
            const gk_row *row = &t->rows[ix->codes[i].row];
            if (strlen(row->code) == len && n++ < max)
                out[n - 1] = row;
        }
        from = ix->nrows;
    }
    size_t indexed = n < max ? n : max;
    for (size_t i = from; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (row->code && strlen(row->code) == len && strncmp(row->code, prefix, plen) == 0 &&
            n++ < max)
            out[n - 1] = row;
    }
    if (indexed > 1)
        qsort(out, indexed, sizeof *out, by_place);   /* the index is in code order */
    return n;
}

static keyed *index_by(gk_report *r, const gk_table *t, bool by_code, size_t *n)
{
    keyed *v = gk_arena_alloc(r->arena, (t->nrows ? t->nrows : 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const char *k = by_code ? t->rows[i].code : t->rows[i].label;
        if (k)
            v[(*n)++] = (keyed){k, i};
    }
    qsort(v, *n, sizeof *v, by_key);
    return v;
}

void gk_report_index(gk_report *r)
{
    for (size_t i = 0; i < r->ntables; i++) {
        gk_table *t = &r->tables[i];
        struct gk_row_index *ix = gk_arena_alloc(r->arena, sizeof *ix);
        ix->nrows = t->nrows;
        ix->codes = index_by(r, t, true, &ix->ncodes);
        ix->labels = index_by(r, t, false, &ix->nlabels);
        t->index = ix;
    }
}
