/*
 * formula.c — reading audit formula files (the language of formula.h).
 */
#include "formula.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
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
        return f->nlhs > 0 || fail(c, "TREE 后应为 表.栏目");
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
    return c->p == c->end || fail(c, "公式末尾有多余内容");
}

/* [ID] severity summary */
static bool parse_header(cur *c, gk_formula *f)
{
    if (!eat(c, "["))
        return fail(c, "规则应以 [编号] 开头");
    const char *id = name(c, "]");
    if (!id || strlen(id) >= sizeof f->id || !eat(c, "]"))
        return fail(c, "编号应为 [字母和数字]，不超过 15 个字符");
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
    } CONDS[] = {{"部门", GK_WHEN_DEPT}, {"单位", GK_WHEN_UNIT}, {"行政单位", GK_WHEN_ADMIN}};
    const char *w;
    while ((w = name(c, "")) != NULL) {
        size_t k = 0;
        while (k < sizeof CONDS / sizeof CONDS[0] && strcmp(w, CONDS[k].word) != 0)
            k++;
        if (k == sizeof CONDS / sizeof CONDS[0])
            return fail(c, "WHEN 后的条件应为 部门、单位 或 行政单位");
        f->when |= CONDS[k].flag;
    }
    return f->when != 0 || fail(c, "WHEN 后应为条件：部门、单位 或 行政单位");
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
    return c.p == c.end || fail(&c, "单元格后有多余内容");
}
