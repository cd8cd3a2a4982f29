/*
 * test_spec.c — a spec for every rule (tests/spec/README.md).
 *
 * Every rule of `gongkai rules` must have a failing example (an input on
 * which it fires, at its place and severity) and a passing example (the
 * same input without the mistake, on which it stays silent).  The examples
 * are data in tests/spec/:
 *
 *   *.spec        hand-written cases: a document (a file of the repository
 *                 or inline text) and the one-line edits that plant the
 *                 mistake;
 *   models.list   consistent documents for the audit formulas: each amount
 *                 cell of each is moved up and down in turn, and a formula
 *                 is specified when moving one of its cells makes it fire
 *                 naming that cell (its passing example is the unmoved
 *                 document, on which no formula says anything);
 *   dead.list     rules that no input can make fire any more, with why:
 *                 reported, never counted as specified.
 *
 * A rule with neither a case nor a caught cell fails the test, and so does
 * a case whose input does not behave.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai.h"
#include "../../src/rules/formula.h"

#define SPEC_DIR GK_SOURCE_DIR "/tests/spec"

/* ---- The rules and how each was specified ---------------------------------- */

typedef struct status {
    const char *id;
    gk_severity severity;
    bool formula;
    char fired[160];       /* where its failing example is, "" if none */
    char passed[160];      /* where its passing example is */
    const char *dead;      /* why it cannot fire (dead.list) */
} status;

static status *rules;
static size_t nrules;
static int failures;

static void problem(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    print_message("spec: %s\n", msg);
    failures++;
}

static status *rule_status(const char *id)
{
    for (size_t i = 0; i < nrules; i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

static void load_rules(void)
{
    size_t n;
    const gk_rule_info *all = gk_rules(&n);
    rules = calloc(n, sizeof *rules);
    assert_non_null(rules);
    nrules = n;
    const gk_formulas *fs = gk_builtin_formulas();
    for (size_t i = 0; i < n; i++) {
        rules[i].id = all[i].id;
        rules[i].severity = all[i].severity;
        for (size_t k = 0; k < fs->n; k++)
            rules[i].formula |= strcmp(fs->items[k].id, all[i].id) == 0;
    }
}

/* ---- Files ------------------------------------------------------------------- */

static gk_report *read_path(const char *path)
{
    gk_error err;
    gk_report *r = gk_read_file(path, &err);
    if (!r)
        fail_msg("%s: %s", path, err.message);
    return r;
}

static char *slurp(const char *path, size_t *len)
{
    gk_error err;
    char *text = gk_load_file(path, len, &err);
    if (!text)
        fail_msg("%s: %s", path, err.message);
    return text;
}

/* The lines of a text, each its own malloc'd string (without "\n"). */
typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

static void lines_push(lines *ls, const char *s, size_t n)
{
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? 2 * ls->cap : 64;
        ls->v = realloc(ls->v, ls->cap * sizeof *ls->v);
        assert_non_null(ls->v);
    }
    char *c = malloc(n + 1);
    assert_non_null(c);
    memcpy(c, s, n);
    c[n] = '\0';
    ls->v[ls->n++] = c;
}

static void lines_split(lines *ls, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lines_push(ls, p, (size_t)(le - p));
        p = nl ? nl + 1 : end;
    }
}

static void lines_free(lines *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        free(ls->v[i]);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}

/* ---- Hand-written cases (*.spec) -------------------------------------------- */

/* One edit: on line `line` of the document, the first `from` becomes `to`. */
typedef struct edit {
    int line;
    char *from, *to;
} edit;

#define MAX_EDITS 16

typedef struct spec_case {
    char where[160];          /* "narrative.spec:12" */
    char id[16];
    gk_severity severity;
    char *file;               /* the document: a file of the repository … */
    lines text;               /* … or inline text */
    edit fail[MAX_EDITS], pass[MAX_EDITS];
    int nfail, npass;
    int at;                   /* the line the finding must be at (0: anywhere) */
    bool at_set;
} spec_case;

static void case_free(spec_case *c)
{
    free(c->file);
    lines_free(&c->text);
    for (int i = 0; i < c->nfail; i++)
        free(c->fail[i].from), free(c->fail[i].to);
    for (int i = 0; i < c->npass; i++)
        free(c->pass[i].from), free(c->pass[i].to);
    memset(c, 0, sizeof *c);
}

/* "LINE: FROM => TO" */
static bool parse_edit(const char *s, edit *e)
{
    char *end;
    long line = strtol(s, &end, 10);
    if (end == s || *end != ':' || line < 1)
        return false;
    const char *from = end + 1;
    while (*from == ' ')
        from++;
    const char *arrow = strstr(from, " => ");
    if (!arrow)
        return false;
    e->line = (int)line;
    e->from = strndup(from, (size_t)(arrow - from));
    e->to = strdup(arrow + 4);
    return e->from && e->to && *e->from;
}

/* The document of a case with its edits applied; NULL (and a problem) when
 * an edit's text is not on its line. */
static char *build(const spec_case *c, const edit *edits, int n, size_t *len)
{
    lines doc = {0};
    if (c->file) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", GK_SOURCE_DIR, c->file);
        size_t flen;
        char *text = slurp(path, &flen);
        lines_split(&doc, text, flen);
        free(text);
    } else {
        for (size_t i = 0; i < c->text.n; i++)
            lines_push(&doc, c->text.v[i], strlen(c->text.v[i]));
    }
    for (int i = 0; i < n; i++) {
        const edit *e = &edits[i];
        char *at = (size_t)e->line <= doc.n ? strstr(doc.v[e->line - 1], e->from) : NULL;
        if (!at) {
            problem("%s: [%s] line %d has no “%s”", c->where, c->id, e->line, e->from);
            lines_free(&doc);
            return NULL;
        }
        char *old = doc.v[e->line - 1];
        size_t pre = (size_t)(at - old), fl = strlen(e->from), tl = strlen(e->to);
        char *nw = malloc(strlen(old) - fl + tl + 1);
        assert_non_null(nw);
        memcpy(nw, old, pre);
        memcpy(nw + pre, e->to, tl);
        strcpy(nw + pre + tl, at + fl);
        free(old);
        doc.v[e->line - 1] = nw;
    }
    size_t total = 0;
    for (size_t i = 0; i < doc.n; i++)
        total += strlen(doc.v[i]) + 1;
    char *out = malloc(total + 1), *p = out;
    assert_non_null(out);
    for (size_t i = 0; i < doc.n; i++) {
        size_t l = strlen(doc.v[i]);
        memcpy(p, doc.v[i], l);
        p += l;
        *p++ = '\n';
    }
    *p = '\0';
    *len = total;
    lines_free(&doc);
    return out;
}

static void describe(const gk_findings *f, const char *id)
{
    for (size_t i = 0; i < f->n; i++)
        if (!id || gk_finding_is(&f->items[i], id))
            print_message("      %s %s at %d: %s\n", f->items[i].rule,
                          gk_severity_name(f->items[i].severity), f->items[i].locs[0].pos.line,
                          f->items[i].message);
}

/* Run one case: the failing variant must give the rule at its severity (at
 * its line), the passing one nothing of the rule. */
static void run_case(spec_case *c)
{
    status *st = rule_status(c->id);
    if (!st) {
        problem("%s: [%s] is no rule of `gongkai rules`", c->where, c->id);
        return;
    }
    if (c->nfail == 0) {
        problem("%s: [%s] has no fail edit", c->where, c->id);
        return;
    }
    int at = c->at_set ? c->at : c->fail[0].line;
    for (int variant = 0; variant < 2; variant++) {
        bool failing = variant == 0;
        size_t len;
        char *text = failing ? build(c, c->fail, c->nfail, &len) : build(c, c->pass, c->npass, &len);
        if (!text)
            return;
        gk_error err;
        gk_report *r = gk_read(text, len, c->where, &err);
        free(text);
        if (!r) {
            problem("%s: [%s] %s example does not read: line %d: %s", c->where, c->id,
                    failing ? "failing" : "passing", err.line, err.message);
            return;
        }
        gk_findings f;
        gk_check(r, &f);
        bool hit = false, any = false;
        for (size_t i = 0; i < f.n; i++) {
            if (!gk_finding_is(&f.items[i], c->id))
                continue;
            any = true;
            hit |= f.items[i].severity == c->severity &&
                   (at == 0 || f.items[i].locs[0].pos.line == at);
        }
        if (failing && !hit) {
            problem("%s: [%s] does not fire (%s at line %d) on its failing example", c->where,
                    c->id, gk_severity_name(c->severity), at);
            describe(&f, NULL);
        } else if (!failing && any) {
            problem("%s: [%s] fires on its passing example", c->where, c->id);
            describe(&f, c->id);
        } else if (failing) {
            snprintf(st->fired, sizeof st->fired, "%s", c->where);
        } else {
            snprintf(st->passed, sizeof st->passed, "%s", c->where);
        }
        gk_report_free(r);
    }
}

static bool starts(const char *s, const char *word)
{
    return strncmp(s, word, strlen(word)) == 0;
}

/* A spec file: cases, each
 *     [ID] severity
 *     file PATH | text … end
 *     fail LINE: FROM => TO     (one or more)
 *     pass LINE: FROM => TO     (none: the document as it is)
 *     at LINE                   (where the finding is; default the first fail edit's line)
 */
static void run_spec_file(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SPEC_DIR, name);
    size_t len;
    char *text = slurp(path, &len);
    lines ls = {0};
    lines_split(&ls, text, len);
    free(text);
    spec_case c = {0};
    bool open = false;
    for (size_t i = 0; i < ls.n; i++) {
        const char *s = ls.v[i];
        char where[160];
        snprintf(where, sizeof where, "%s:%zu", name, i + 1);
        if (*s == '\0' || *s == '#')
            continue;
        if (*s == '[') {
            if (open)
                run_case(&c);
            case_free(&c);
            open = true;
            snprintf(c.where, sizeof c.where, "%s", where);
            char sev[16];
            if (sscanf(s, "[%15[A-Z0-9]] %15s", c.id, sev) != 2) {
                problem("%s: a case starts “[ID] severity”", where);
                open = false;
                continue;
            }
            c.severity = strcmp(sev, "error") == 0     ? GK_ERROR
                         : strcmp(sev, "warning") == 0 ? GK_WARNING
                                                       : GK_INFO;
            if (strcmp(sev, "error") && strcmp(sev, "warning") && strcmp(sev, "info"))
                problem("%s: severity “%s”", where, sev);
        } else if (!open) {
            problem("%s: outside a case", where);
        } else if (starts(s, "file ")) {
            c.file = strdup(s + 5);
        } else if (strcmp(s, "text") == 0) {
            size_t k = i + 1;
            while (k < ls.n && strcmp(ls.v[k], "end") != 0) {
                lines_push(&c.text, ls.v[k], strlen(ls.v[k]));
                k++;
            }
            if (k == ls.n)
                problem("%s: text without end", where);
            i = k;
        } else if (starts(s, "fail ") || starts(s, "pass ")) {
            bool failing = *s == 'f';
            int *n = failing ? &c.nfail : &c.npass;
            edit *e = failing ? &c.fail[*n] : &c.pass[*n];
            if (*n == MAX_EDITS || !parse_edit(s + 5, e)) {
                problem("%s: an edit is “fail|pass LINE: FROM => TO”", where);
                free(e->from), free(e->to);
                e->from = e->to = NULL;
            } else {
                (*n)++;
            }
        } else if (starts(s, "at ")) {
            c.at = atoi(s + 3);
            c.at_set = true;
        } else {
            problem("%s: unknown line “%s”", where, s);
        }
    }
    if (open)
        run_case(&c);
    case_free(&c);
    lines_free(&ls);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_spec_files(void)
{
    DIR *d = opendir(SPEC_DIR);
    assert_non_null(d);
    lines names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".spec") == 0)
            lines_push(&names, e->d_name, n);
    }
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++)
        run_spec_file(names.v[i]);
    lines_free(&names);
}

/* ---- The audit formulas: consistent models, one cell moved at a time --------- */

static bool loc_is_cell(const gk_location *l, const gk_table *t, const gk_row *row,
                        const char *column)
{
    return l->table == t->kind && l->pos.line == row->pos.line && l->pos.page == row->pos.page &&
           l->column && strcmp(l->column, column) == 0 && l->row &&
           strcmp(l->row, row->code ? row->code : row->label ? row->label : "") == 0;
}

static void run_model(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GK_SOURCE_DIR, name);
    gk_report *r = read_path(path);
    gk_findings base;
    gk_check(r, &base);
    /* The passing example of every formula: the model as it is. */
    bool clean = true;
    for (size_t i = 0; i < base.n; i++) {
        status *st = rule_status(base.items[i].rule);
        if (st && st->formula) {
            problem("model %s is not consistent: %s %s", name, base.items[i].rule,
                    base.items[i].message);
            clean = false;
        }
    }
    if (!clean) {
        gk_report_free(r);
        return;
    }
    for (size_t t = 0; t < r->ntables; t++)
        for (size_t i = 0; i < r->tables[t].nrows; i++)
            for (size_t k = 0; k < r->tables[t].rows[i].ncells; k++) {
                gk_table *tb = &r->tables[t];
                gk_row *row = &tb->rows[i];
                gk_cell *c = &row->cells[k];
                if (c->text)
                    continue;
                gk_amount saved = c->value;
                int64_t unit = 1;
                for (unsigned s = 0; s < saved.scale; s++)
                    unit *= 10;
                for (int dir = -1; dir <= 1; dir += 2) {
                    gk_amount delta = gk_amount_make(37 * unit, saved.scale), moved;
                    if (!(dir > 0 ? gk_amount_add(saved, delta, &moved)
                                  : gk_amount_sub(saved, delta, &moved)))
                        continue;
                    c->value = moved;
                    gk_findings f;
                    gk_check(r, &f);
                    /* Each rule a finding stands for (one cell breaking
                     * several identities is one finding). */
                    for (size_t x = 0; x < f.n; x++)
                        for (size_t a = 0; a <= f.items[x].nalso; a++) {
                            status *st = rule_status(a ? f.items[x].also[a - 1] : f.items[x].rule);
                            if (!st || !st->formula || st->fired[0] ||
                                f.items[x].severity != st->severity)
                                continue;
                            for (size_t l = 0; l < f.items[x].nlocs; l++)
                                if (loc_is_cell(&f.items[x].locs[l], tb, row, c->column)) {
                                    snprintf(st->fired, sizeof st->fired, "%s %s[%s].%s %s37",
                                             name, gk_table_kind_name(tb->kind),
                                             row->code ? row->code : row->label, c->column,
                                             dir > 0 ? "+" : "-");
                                    snprintf(st->passed, sizeof st->passed, "%s", name);
                                    break;
                                }
                        }
                    c->value = saved;
                }
            }
    gk_report_free(r);
}

/* A list file: one entry a line, "#" comments; `each` gets the line. */
static void read_list(const char *name, void (*each)(const char *line, const char *where))
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SPEC_DIR, name);
    size_t len;
    char *text = slurp(path, &len);
    lines ls = {0};
    lines_split(&ls, text, len);
    free(text);
    for (size_t i = 0; i < ls.n; i++) {
        char where[160];
        snprintf(where, sizeof where, "%s:%zu", name, i + 1);
        if (ls.v[i][0] && ls.v[i][0] != '#')
            each(ls.v[i], where);
    }
    lines_free(&ls);
}

static void model_line(const char *line, const char *where)
{
    (void)where;
    run_model(line);
}

static lines dead_reasons;

/* "ID  why it cannot fire" */
static void dead_line(const char *line, const char *where)
{
    char id[16];
    if (sscanf(line, "%15s", id) != 1 || !rule_status(id)) {
        problem("%s: “%s” names no rule", where, line);
        return;
    }
    const char *why = line + strlen(id);
    while (*why == ' ' || *why == '\t')
        why++;
    lines_push(&dead_reasons, why, strlen(why));
    rule_status(id)->dead = dead_reasons.v[dead_reasons.n - 1];
}

/* ---- The test ----------------------------------------------------------------- */

static void test_every_rule(void **state)
{
    (void)state;
    load_rules();
    read_list("dead.list", dead_line);
    run_spec_files();
    read_list("models.list", model_line);
    size_t specified = 0, dead = 0;
    for (size_t i = 0; i < nrules; i++) {
        status *st = &rules[i];
        bool ok = st->fired[0] && st->passed[0];
        if (getenv("GK_SPEC_VERBOSE"))
            print_message("%-8s fails: %-50s passes: %s%s%s\n", st->id,
                          st->fired[0] ? st->fired : "-", st->passed[0] ? st->passed : "-",
                          st->dead ? "  dead: " : "", st->dead ? st->dead : "");
        if (st->dead) {
            dead++;
            if (st->fired[0])
                problem("%s is listed as dead but fires (%s): take it off dead.list", st->id,
                        st->fired);
            else
                print_message("spec: %s cannot fire: %s\n", st->id, st->dead);
            continue;
        }
        specified += ok;
        if (!st->fired[0])
            problem("%s: no example makes it fire", st->id);
        else if (!st->passed[0])
            problem("%s: no passing example", st->id);
    }
    print_message("spec: %zu of %zu rules specified, %zu dead\n", specified, nrules, dead);
    free(rules);
    lines_free(&dead_reasons);
    assert_int_equal(failures, 0);
}

/* A typo in a rule file is an error at load, naming the line and what is
 * wrong, never a rule that is silently not evaluated. */
static void test_rule_file_typos(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int line;
        const char *why;
    } BAD[] = {
        {"[T1] error x\nexpense[*].本年支出合記 = expense[*].基本支出\n", 2, "没有“本年支出合記”栏"},
        {"# c\n\n[T1] error x\nTREE expense.本年支出合计 expense.项目支\n", 4, "没有“项目支”栏"},
        {"[T1] error x\nprocurement[\"政府采购支出总计\"].金额 >= procurement[\"政府采购货物支出\"].金额\n",
         2, "没有“政府采购支出总计”行"},
        {"[T1] error x\nexpense[2101].基本支出 = expense[210].基本支出\n", 2, "应为 3、5 或 7 位数字"},
        {"[T1] error x\nexpense[收入:\"合计\"].基本支出 = expense[210].基本支出\n", 2, "不分收入、支出两栏"},
        {"[T1] error x\ngpb_basic[类].金额 = gpb_basic[301].金额\n", 2, "没有按功能分类列出的类"},
        {"[T1] error x\nthree_public[30217].合计 = gpb_basic[30217].金额\n", 2, "不带科目代码"},
        {"[T1] error x\nTREE procurement.金额\n", 2, "TREE 只用于按科目代码列出的表"},
        {"[T1] error x\nexpense[*].本年支出合计 = expense[*].基本支出\n\n[T1] error y\n"
         "expense[*].基本支出 <= expense[*].本年支出合计\n", 4, "编号 [T1] 重复"},
        {"[T1] error x\n[T2] error y\nexpense[*].本年支出合计 = expense[*].基本支出\n", 2, "缺少公式"},
        {"[T-1] error x\nexpense[*].本年支出合计 = expense[*].基本支出\n", 1, "编号应为"},
        {"[T1] error x\nexpense[*].本年支出合计 = summary[支出:\"本年支出合计\"].金额x\n", 2,
         "没有“金额x”栏"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        gk_formulas fs = {0};
        gk_error err;
        assert_false(gk_formulas_parse(&fs, "typo.rules", BAD[i].text, strlen(BAD[i].text), &err));
        if (err.line != BAD[i].line || !strstr(err.message, BAD[i].why))
            fail_msg("%s→ line %d: %s (want line %d: %s)", BAD[i].text, err.line, err.message,
                     BAD[i].line, BAD[i].why);
        gk_formulas_free(&fs);
    }
    /* What every kind prints may be named: the 收入 side's 金额 of a two-sided
     * table, and any column of a form (绩效 tables are read under their
     * header's words). */
    static const char GOOD[] =
        "[T1] error x\nbudget_summary[收入:\"收入总计\"].金额 = budget_fiscal_summary[支出:\"支出总计\"].合计\n"
        "[T2] error y\nperf_project[\"年度资金总额\"].全年执行数 <= perf_project[\"年度资金总额\"].全年预算数\n"
        "[T3] error z\nbudget_three_public[\"预算数\"].机关运行经费 <= budget_gpb_basic_economic[302].金额\n";
    gk_formulas fs = {0};
    gk_error err;
    if (!gk_formulas_parse(&fs, "good.rules", GOOD, sizeof GOOD - 1, &err))
        fail_msg("line %d: %s", err.line, err.message);
    assert_int_equal(fs.n, 3);
    gk_formulas_free(&fs);
    /* A user's file: the same, through gk_ruleset_load (the CLI adds the file name). */
    char path[] = "/tmp/gk-spec-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    fputs("# 本单位的补充审核\n\n[MY001] warning 基本支出合计不应超过行政运行支出\n"
          "expense[\"合计\"].基本支出 <= expense[2101501].本年支出合記\n", fp);
    fclose(fp);
    gk_ruleset *rs = gk_ruleset_load(path, &err);
    remove(path);
    assert_null(rs);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.message, "支出决算表没有“本年支出合記”栏"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule),
        cmocka_unit_test(test_rule_file_typos),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
