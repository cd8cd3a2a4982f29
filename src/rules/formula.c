/*
 * formula.c — reading audit formula files (the language of formula.h).
 */
#include "formula.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
#include "../model/layout.h"
#include "../util/buf.h"

static const char *keep(gk_formulas *fs, const char *s, size_t n)
{
    if (fs->nstrings == fs->strings_cap) {
        size_t cap = fs->strings_cap ? 2 * fs->strings_cap : 64;
        char **p = realloc(fs->strings, cap * sizeof *p);
        if (!p)
            gk_out_of_memory();
        fs->strings = p;
        fs->strings_cap = cap;
    }
    char *c = malloc(n + 1);
    if (!c)
        gk_out_of_memory();
    memcpy(c, s, n);
    c[n] = '\0';
    fs->strings[fs->nstrings++] = c;
    return c;
}

void gk_formulas_free(gk_formulas *fs)
{
    for (size_t i = 0; i < fs->nstrings; i++)
        free(fs->strings[i]);
    free(fs->strings);
    free(fs->items);
    memset(fs, 0, sizeof *fs);
}

/* ---- A cursor over one line --------------------------------------------- */

typedef struct cur {
    const char *p, *end;
    gk_formulas *fs;
    gk_error *err;
    int line;
    const char *file;
    bool failed;
} cur;

static bool fail(cur *c, const char *what)
{
    if (!c->failed) {
        gk_error_set(c->err, c->line, 0, "%s（在“%.*s”处）", what,
                     (int)(c->end - c->p > 24 ? 24 : c->end - c->p), c->p);
    }
    c->failed = true;
    return false;
}

static void skip_ws(cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
}

static bool eat(cur *c, const char *s)
{
    skip_ws(c);
    size_t n = strlen(s);
    if ((size_t)(c->end - c->p) >= n && memcmp(c->p, s, n) == 0) {
        c->p += n;
        return true;
    }
    return false;
}

/* A name: a run up to white space, an operator or a bracket. */
static const char *name(cur *c, const char *stops)
{
    skip_ws(c);
    const char *s = c->p;
    while (c->p < c->end && *c->p != ' ' && *c->p != '\t' && !strchr(stops, *c->p))
        c->p++;
    if (c->p == s)
        return NULL;
    return keep(c->fs, s, (size_t)(c->p - s));
}

static bool parse_row(cur *c, gk_term *t)
{
    skip_ws(c);
    if (eat(c, "*")) {
        t->sel = GK_SEL_EACH;
    } else if (eat(c, "类")) {
        t->sel = GK_SEL_CLASS;
    } else if (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        const char *s = c->p;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
            c->p++;
        t->sel = GK_SEL_CODE;
        t->key = keep(c->fs, s, (size_t)(c->p - s));
    } else {
        if (eat(c, "收入:"))
            t->side = GK_SIDE_INCOME;
        else if (eat(c, "支出:"))
            t->side = GK_SIDE_EXPENSE;
        if (!eat(c, "\""))
            return fail(c, "行应为 *、类、科目代码或 \"标签\"");
        const char *s = c->p;
        while (c->p < c->end && *c->p != '"')
            c->p++;
        if (c->p == c->end)
            return fail(c, "标签缺少结束引号");
        t->sel = GK_SEL_LABEL;
        t->key = keep(c->fs, s, (size_t)(c->p - s));
        c->p++;
        t->optional = eat(c, "?");
    }
    return eat(c, "]") || fail(c, "缺少 ]");
}

/* ---- What a term may name ------------------------------------------------ *
 *
 * A name the tables of its kind never print would leave the formula
 * silently not evaluated on every document: a typo in a rule file is an
 * error at load.  The table-kind registry (layout.c) says what each kind
 * prints; kinds read as forms or under their header's own words (绩效
 * tables, 项目支出预算表) may name any column. */

/* Does any layout of the kind have the style? */
static bool kind_has_style(gk_table_kind kind, gk_row_style style)
{
    for (const gk_layout *l = gk_layout_next(kind, NULL); l; l = gk_layout_next(kind, l))
        if (l->style == style)
            return true;
    return false;
}

/* The columns tables of the kind print ("金额" too on the 收入 side of
 * two-sided ones); false when they may print any (free set). */
static bool kind_columns(gk_table_kind kind, const char **names, int max, int *n)
{
    *n = 0;
    bool any = false;
    for (const gk_layout *l = gk_layout_next(kind, NULL); l; l = gk_layout_next(kind, l)) {
        any = true;
        if (l->style == GK_ROWS_FORM || l->style == GK_ROWS_GENERIC)
            return false;
        const char *income = l->style == GK_ROWS_TWO_SIDED ? "金额" : NULL;
        for (int k = -1; k < GK_LAYOUT_MAX_COLUMNS; k++) {
            const char *col = k < 0 ? income : l->columns[k].name;
            if (k >= 0 && !col)
                break;
            bool seen = !col;
            for (int i = 0; i < *n && !seen; i++)
                seen = strcmp(names[i], col) == 0;
            if (!seen && *n < max)
                names[(*n)++] = col;
        }
    }
    return any;
}

/* The term as written ("expense[2101501].本年支出合计"), for messages. */
static void term_text(const gk_term *t, bool tree, char *buf, size_t size)
{
    const char *table = gk_table_kind_name(t->table);
    if (tree) {
        gk_format(buf, size, "%s.%s", table, t->column);
        return;
    }
    char row[160];
    switch (t->sel) {
    case GK_SEL_EACH: gk_format(row, sizeof row, "*"); break;
    case GK_SEL_CLASS: gk_format(row, sizeof row, "类"); break;
    case GK_SEL_CODE: gk_format(row, sizeof row, "%s", t->key); break;
    default:
        gk_format(row, sizeof row, "%s%s\"%s\"%s", t->side ? gk_side_name(t->side) : "",
                  t->side ? ":" : "", t->key, t->optional ? "?" : "");
    }
    gk_format(buf, size, "%s%s[%s].%s", t->all ? "SUM " : "", table, row, t->column);
}

static bool term_error(cur *c, const gk_term *t, bool tree, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Fail at the term: "“expense[*].本年支出合記”：支出决算表没有…". */
static bool term_error(cur *c, const gk_term *t, bool tree, const char *fmt, ...)
{
    if (!c->failed) {
        char why[448], term[256];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, sizeof why, fmt, ap);
        va_end(ap);
        term_text(t, tree, term, sizeof term);
        gk_error_set(c->err, c->line, 0, "“%s”：%s", term, why);
    }
    c->failed = true;
    return false;
}

/* Is the parsed term one the tables of its kind can have? */
static bool check_term(cur *c, const gk_term *t, bool tree)
{
    const char *title = gk_table_kind_title(t->table);
    gk_code_kind codes = gk_table_kind_codes(t->table);
    const char *names[4 * GK_LAYOUT_MAX_COLUMNS];
    int n;
    if (kind_columns(t->table, names, 4 * GK_LAYOUT_MAX_COLUMNS, &n)) {
        bool known = false;
        for (int i = 0; i < n && !known; i++)
            known = strcmp(names[i], t->column) == 0;
        if (!known) {
            gk_buf list = GK_BUF_INIT;
            for (int i = 0; i < n; i++)
                gk_buf_printf(&list, "%s%s", i ? "、" : "", names[i]);
            term_error(c, t, tree, "%s没有“%s”栏；应为 %s 之一", title, t->column,
                       list.data ? list.data : "");
            gk_buf_free(&list);
            return false;
        }
    }
    if (tree && codes == GK_CODES_NONE)
        return term_error(c, t, tree, "TREE 只用于按科目代码列出的表，%s的行不带科目代码",
                          title);
    if (tree)
        return true;
    if (t->sel == GK_SEL_CLASS && codes != GK_CODES_FUNCTIONAL)
        return term_error(c, t, tree, "[类] 指功能分类的类（3 位代码），%s没有按功能分类列出的类",
                          title);
    if (t->sel == GK_SEL_CODE && codes == GK_CODES_NONE)
        return term_error(c, t, tree, "%s的行不带科目代码，应以 \"标签\" 指定行", title);
    if (t->sel == GK_SEL_CODE) {
        size_t k = strlen(t->key);
        if (k != 3 && k != 5 && k != 7)
            return term_error(c, t, tree, "科目代码“%s”应为 3、5 或 7 位数字", t->key);
    }
    if (t->sel == GK_SEL_LABEL && t->side != GK_SIDE_NONE &&
        !kind_has_style(t->table, GK_ROWS_TWO_SIDED))
        return term_error(c, t, tree, "%s不分收入、支出两栏，行前不应写“%s:”", title,
                          gk_side_name(t->side));
    /* Tables of canonical row labels (政府采购): the label is one of them. */
    const gk_layout *l = gk_layout_next(t->table, NULL);
    if (t->sel == GK_SEL_LABEL && l && l->style == GK_ROWS_LABELLED &&
        !gk_layout_next(t->table, l)) {
        for (int k = 0; k < GK_LAYOUT_MAX_COLUMNS && l->labels[k].name; k++)
            if (strncmp(l->labels[k].name, t->key, strlen(t->key)) == 0)
                return true;
        return term_error(c, t, tree, "%s没有“%s”行", title, t->key);
    }
    return true;
}

/* TABLE[ROW].COLUMN, or TABLE.COLUMN in TREE formulas. */
static bool parse_term(cur *c, gk_term *t, bool tree)
{
    const char *table = name(c, "[].+-=<>");
    if (!table)
        return fail(c, "应为表类型（如 expense）");
    t->table = gk_table_kind_from_name(table);
    if (t->table == GK_TABLE_UNKNOWN)
        return fail(c, "未知的表类型");
    if (!tree) {
        if (!eat(c, "["))
            return fail(c, "表类型后应为 [行]");
        if (!parse_row(c, t))
            return false;
    }
    if (!eat(c, "."))
        return fail(c, "应为 .栏目");
    t->column = name(c, "+-=<>[]");
    return t->column || fail(c, "缺少栏目名");
}

/* Every term of a parsed formula (syntax first, then what it names). */
static bool check_terms(cur *c, const gk_formula *f)
{
    for (int i = 0; i < f->nlhs; i++)
        if (!check_term(c, &f->lhs[i], f->tree))
            return false;
    for (int i = 0; i < f->nrhs; i++)
        if (!check_term(c, &f->rhs[i], false))
            return false;
    return true;
}

static int parse_sum(cur *c, gk_term *terms)
{
    int n = 0, sign = 1;
    for (;;) {
        if (n == GK_FORMULA_MAX_TERMS) {
            fail(c, "项数过多");
            return -1;
        }
        terms[n].sign = sign;
        terms[n].all = eat(c, "SUM ");
        if (!parse_term(c, &terms[n], false))
            return -1;
        if (terms[n].all && terms[n].sel == GK_SEL_EACH) {
            fail(c, "SUM 只能用于 [类]、科目代码或 \"标签\"");
            return -1;
        }
        n++;
        if (eat(c, "+"))
            sign = 1;
        else if (eat(c, "-"))
            sign = -1;
        else
            return n;
    }
}

static bool parse_formula(cur *c, gk_formula *f)
{
    if (eat(c, "TREE")) {
        f->tree = true;
        while (skip_ws(c), c->p < c->end) {
            if (f->nlhs == GK_FORMULA_MAX_TERMS)
                return fail(c, "栏目过多");
            if (!parse_term(c, &f->lhs[f->nlhs], true))
                return false;
            f->lhs[f->nlhs++].sign = 1;
        }
        return (f->nlhs > 0 || fail(c, "TREE 后应为 表.栏目")) && check_terms(c, f);
    }
    if ((f->nlhs = parse_sum(c, f->lhs)) < 0)
        return false;
    if (eat(c, "<="))
        f->rel = GK_REL_LE;
    else if (eat(c, ">="))
        f->rel = GK_REL_GE;
    else if (eat(c, "="))
        f->rel = GK_REL_EQ;
    else
        return fail(c, "应为 =、<= 或 >=");
    if ((f->nrhs = parse_sum(c, f->rhs)) < 0)
        return false;
    skip_ws(c);
    return (c->p == c->end || fail(c, "公式末尾有多余内容")) && check_terms(c, f);
}

/* [ID] severity summary */
static bool parse_header(cur *c, gk_formula *f)
{
    if (!eat(c, "["))
        return fail(c, "规则应以 [编号] 开头");
    const char *id = name(c, "]");
    bool alnum = id != NULL;
    for (const char *p = id; alnum && *p; p++)
        alnum = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
    if (!alnum || strlen(id) >= sizeof f->id || !eat(c, "]"))
        return fail(c, "编号应为 [字母和数字]，不超过 15 个字符");
    for (size_t i = 0; i < c->fs->n; i++)
        if (strcmp(c->fs->items[i].id, id) == 0) {
            gk_error_set(c->err, c->line, 0, "编号 [%s] 重复：%s 第 %d 行的规则已用此编号", id,
                         c->fs->items[i].file, c->fs->items[i].line);
            c->failed = true;
            return false;
        }
    gk_format(f->id, sizeof f->id, "%s", id);
    const char *sev = name(c, "");
    if (!sev)
        return fail(c, "编号后应为级别 error、warning 或 info");
    if (strcmp(sev, "error") == 0)
        f->severity = GK_ERROR;
    else if (strcmp(sev, "warning") == 0)
        f->severity = GK_WARNING;
    else if (strcmp(sev, "info") == 0)
        f->severity = GK_INFO;
    else
        return fail(c, "级别应为 error、warning 或 info");
    skip_ws(c);
    if (c->p == c->end)
        return fail(c, "缺少规则说明");
    f->summary = keep(c->fs, c->p, (size_t)(c->end - c->p));
    return true;
}

/* WHEN cond …: the conditions named, each a word of GK_WHEN_*. */
static bool parse_when(cur *c, gk_formula *f)
{
    static const struct {
        const char *word;
        unsigned flag;
    } CONDS[] = {{"部门", GK_WHEN_DEPT}, {"单位", GK_WHEN_UNIT}, {"行政单位", GK_WHEN_ADMIN},
                 {"支出不含上年资金", GK_WHEN_SPENT_THIS_YEAR}};
    const char *w;
    while ((w = name(c, "")) != NULL) {
        size_t k = 0;
        while (k < sizeof CONDS / sizeof CONDS[0] && strcmp(w, CONDS[k].word) != 0)
            k++;
        if (k == sizeof CONDS / sizeof CONDS[0])
            return fail(c, "WHEN 后的条件应为 部门、单位、行政单位 或 支出不含上年资金");
        f->when |= CONDS[k].flag;
    }
    return f->when != 0 || fail(c, "WHEN 后应为条件：部门、单位、行政单位 或 支出不含上年资金");
}

bool gk_formulas_parse(gk_formulas *fs, const char *file, const char *text, size_t len,
                       gk_error *err)
{
    const char *p = text, *end = text + len;
    int lineno = 0;
    gk_formula *f = NULL;       /* the rule whose formula is awaited */
    const char *fname = keep(fs, file, strlen(file));
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        cur c = {p, le, fs, err, lineno, fname, false};
        while (c.end > c.p && (c.end[-1] == '\r' || c.end[-1] == ' ' || c.end[-1] == '\t'))
            c.end--;
        skip_ws(&c);
        p = nl ? nl + 1 : end;
        if (c.p == c.end || *c.p == '#')
            continue;
        if (!f) {
            if (fs->n == fs->cap) {
                size_t cap = fs->cap ? 2 * fs->cap : 32;
                gk_formula *items = realloc(fs->items, cap * sizeof *items);
                if (!items)
                    gk_out_of_memory();
                fs->items = items;
                fs->cap = cap;
            }
            f = &fs->items[fs->n];
            memset(f, 0, sizeof *f);
            f->file = fname;
            f->line = lineno;
            if (!parse_header(&c, f))
                return false;
            continue;
        }
        if (*c.p == '[') {
            gk_error_set(err, lineno, 0, "规则 [%s]（第 %d 行）缺少公式：此行已是另一条规则的开头",
                         f->id, f->line);
            return false;
        }
        if (!f->when && c.end - c.p >= 4 && memcmp(c.p, "WHEN", 4) == 0 &&
            (c.end - c.p == 4 || c.p[4] == ' ' || c.p[4] == '\t')) {
            c.p += 4;
            if (!parse_when(&c, f))
                return false;
            continue;
        }
        if (!parse_formula(&c, f))
            return false;
        fs->n++;
        f = NULL;
    }
    if (f) {
        gk_error_set(err, f->line, 0, "规则 [%s] 缺少公式", f->id);
        return false;
    }
    return true;
}

bool gk_term_parse(gk_formulas *fs, const char *text, size_t len, int line, gk_term *t,
                   gk_error *err)
{
    cur c = {text, text + len, fs, err, line, NULL, false};
    memset(t, 0, sizeof *t);
    t->sign = 1;
    while (c.end > c.p && (c.end[-1] == ' ' || c.end[-1] == '\t'))
        c.end--;
    if (!parse_term(&c, t, false))
        return false;
    skip_ws(&c);
    return (c.p == c.end || fail(&c, "单元格后有多余内容")) && check_term(&c, t, false);
}
