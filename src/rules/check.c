/*
 * check.c — the rule registry, running every rule, and recording findings.
 */
#include "gongkai/check.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "../model/arena.h"
#include "../util/buf.h"
#include "gongkai/read.h"
#include "formula.h"
#include "rules.h"

/* The catalogue: every rule id any checker reports, in documentation
 * order.  docs/rules.md describes each with an example. */
static const gk_rule_info RULES[] = {
    {"CLS001", GK_ERROR, "科目代码格式不正确（功能分类应为 3/5/7 位数字，经济分类应为 3/5 位）"},
    {"CLS002", GK_WARNING, "款、项科目的上级科目未在同一表中列出"},
    {"CLS003", GK_WARNING, "科目名称与分类目录不符（目录已确认该年度名称时为警告，否则为提示）"},
    {"CLS004", GK_INFO, "科目代码不在分类目录中（目录不完整，请人工确认）"},
    {"CLS005", GK_WARNING, "同一科目在不同表中名称不一致"},
    {"CLS006", GK_INFO, "表中多个科目名称与分类目录不同，可能采用地方或其他年度的分类科目（每表一条）"},
    {"READ001", GK_INFO, "读取时的提示（无法识别的金额、合并的行、按勾稽关系推定位置的金额等），每个文档一条"},
    {"COMP001", GK_ERROR, "部门决算缺少应公开的表（无数据也应公开空表并说明）"},
    {"COMP002", GK_ERROR, "情况说明缺少必备部分（“三公”经费、机关运行经费、政府采购、国有资产、绩效、名词解释）"},
    {"COMP003", GK_ERROR, "空表既无表下说明、情况说明中也未说明（情况说明写有金额时为错误）"},
    {"FUND001", GK_ERROR, "空表说明所写的资金与本表不符（政府性基金与国有资本经营互相错写）"},
    {"DOC001", GK_WARNING, "文中留有模板占位内容（XX、××、待填写等）"},
    {"DOC002", GK_INFO, "标点重复（。。、，，）"},
    {"DOC003", GK_ERROR, "标题或“截至…12月31日”中的年度与文档年度不符"},
    {"DOC004", GK_WARNING, "表头的单位名称与文档标题不一致"},
    {"DOC005", GK_WARNING, "表名的“部门”“单位”与文档不一致（部门决算/预算与单位决算/预算）"},
    {"DOC006", GK_INFO, "文档只有情况说明、没有表格（表格另行公开时，可用 --as-one 一并检查）"},
    {"DOC007", GK_ERROR, "与上年比较时写错年度（如 2026 年预算中写“比2026年预算增加”）"},
    {"DOC008", GK_WARNING, "留有模板的备选措辞（“增加（减少）”“增长（下降）”“（简单列举…）”等）"},
    {"DOC009", GK_WARNING, "原因或用途没有写（“主要原因是。”“主要用于；”）"},
    {"DOC010", GK_WARNING, "标题序号不连续或重复（一、二、四；（一）（二）（二）；1. 2. 4.）"},
    {"DOC011", GK_WARNING, "句中括号、引号、书名号不配对（“ ”《 》（ ）【 】）"},
    {"DOC012", GK_INFO, "段落没有结束标点（标题前的一段未以句号结尾）"},
    {"DOC013", GK_WARNING, "文中类、款、项科目名称有误（用了其他年度的科目名称、款名写作类名、项写在别的款下）"},
    {"DOC014", GK_WARNING, "文中“部门”“单位”的说法与文档不一致（单位预算中标题写“部门主要职能”、“部门预算安排”与“单位预算安排”混用、自称“本部门”）"},
    {"DOC015", GK_WARNING, "文中固定说法的级次与单位不符（区级单位写“市级预算主管部门”“与市级财政有经费领拨关系”）"},
    {"NAR001", GK_ERROR, "情况说明中的金额与其所指表格单元格不符"},
    {"NAR002", GK_ERROR, "增长（下降）率与增减额、本年数不符（常见错误：以本年数为分母）"},
    {"NAR003", GK_ERROR, "占比与部分数、总数不符"},
    {"NAR004", GK_ERROR, "完成预算的比率与决算数、预算数不符，或预算数为0却写完成率"},
    {"NAR005", GK_ERROR, "“决算数大于/小于/等于预算数”与两数不符"},
    {"NAR006", GK_ERROR, "上年数为0却写增长率"},
    {"NAR007", GK_ERROR, "写“与上年持平”却有增减额"},
    {"NAR008", GK_ERROR, "总数与所列各科目之和不符（如年初预算总数与各项年初预算之和）"},
    {"NAR009", GK_ERROR, "增减方向前后矛盾（金额说增加、比率说下降等）"},
    {"NAR010", GK_ERROR, "“没有政府性基金/国有资本经营预算拨款”的说法与本节或表格不符"},
    {"NAR011", GK_WARNING, "百分比缺少“%”或金额缺少单位"},
    {"NAR012", GK_WARNING, "文中科目名称在表中找不到（名称写错或与表不一致）"},
    {"NAR013", GK_ERROR, "增减额与本年数、上年数（或预算数）之差不符"},
    {"NAR014", GK_ERROR, "文中合计、当年结余、滚存结余与所列各数不符，或“其中”各项之和大于总数"},
    {"NAR015", GK_WARNING, "“三公”经费说明缺少某一项（因公出国（境）费、公务用车购置费、运行维护费、公务接待费）"},
    {"NAR016", GK_WARNING, "同一节中同一指标前后两处金额不一致"},
    {"NAR017", GK_INFO, "人员经费、公用经费“主要包括”所列项目未包括基本支出表中有数的经济分类款"},
    {"NAR018", GK_WARNING, "科目的“主要用于”写的是另一类科目的用途（如住房公积金写作医疗保险支出）"},
    {"PRF001", GK_ERROR, "绩效自评表的执行率与执行数÷预算数不符（截位为提示）"},
    {"PRF002", GK_ERROR, "绩效自评表的得分超过分值"},
    {"PRF003", GK_ERROR, "绩效自评表各项分值之和不为100"},
    {"PRF004", GK_ERROR, "绩效自评表总分的得分与各项得分之和不符"},
    {"PRF005", GK_ERROR, "绩效表的金额合计与各项任务之和不符"},
    {"PRF006", GK_WARNING, "绩效指标值是没有计量单位的数字（常见于漏写小数点）"},
};

/* The checkers; each may report several of the rules above. */
/* READ001: what the reader could not read (or placed by the identities) is
 * coverage, not a finding about the document: counted, and told once (one
 * info naming the first place),
 * so that a reviewer knows some figures were not checked without reading a
 * warning per cell.  `gongkai parse` lists every note. */
static void check_reader_notes(const gk_report *r, gk_findings *out)
{
    out->coverage.tables = (int)r->ntables;
    for (size_t i = 0; i < r->ntables; i++)
        for (size_t k = 0; k < r->tables[i].nrows; k++) {
            const gk_row *row = &r->tables[i].rows[k];
            for (size_t c = 0; c < row->ncells; c++)
                out->coverage.cells += row->cells[c].text == NULL;
        }
    out->coverage.unread = (int)r->nnotes;
    if (r->nnotes == 0)
        return;
    gk_location loc = {0};
    loc.pos = r->notes[0].pos;
    if (r->nnotes == 1)
        gk_report_finding(out, "READ001", GK_INFO, &loc, "%s", r->notes[0].message);
    else
        gk_report_finding(out, "READ001", GK_INFO, &loc,
                          "读取时有 %zu 处提示（第一处：%s）；各处见 gongkai parse 的输出",
                          r->nnotes, r->notes[0].message);
}

/* The built-in formulas, compiled in from data/rules and parsed once.  A
 * mistake in them is the program's own bug: it is reported and aborts. */
extern const char *const gk_rules_final;
extern const size_t gk_rules_final_len;
extern const char *const gk_rules_budget;
extern const size_t gk_rules_budget_len;
extern const char *const gk_rules_perf;
extern const size_t gk_rules_perf_len;

static gk_formulas builtin;

static void parse_builtin(void)
{
    const struct {
        const char *file, *text;
        const size_t *len;
    } FILES[] = {
        {"data/rules/final.rules", gk_rules_final, &gk_rules_final_len},
        {"data/rules/budget.rules", gk_rules_budget, &gk_rules_budget_len},
        {"data/rules/perf.rules", gk_rules_perf, &gk_rules_perf_len},
    };
    for (size_t i = 0; i < sizeof FILES / sizeof FILES[0]; i++) {
        gk_error err;
        if (!gk_formulas_parse(&builtin, FILES[i].file, FILES[i].text, *FILES[i].len, &err)) {
            fprintf(stderr, "gongkai: %s:%d: 内置审核公式有误：%s\n", FILES[i].file, err.line,
                    err.message);
            abort();
        }
    }
}

/* Once per process, whichever thread asks first (check -j). */
const gk_formulas *gk_builtin_formulas(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, parse_builtin);
    return &builtin;
}

static void (*const CHECKERS[])(const gk_report *, gk_findings *) = {
    check_reader_notes,
    gk_check_classification,
    gk_check_document,
    gk_check_narrative,
    gk_check_perf,
    gk_check_wording,
    gk_check_form,
};

/* The catalogue with the built-in formulas' rules after the checkers'. */
static gk_rule_info *all_rules;
static size_t nall_rules;

static void list_rules(void)
{
    const gk_formulas *fs = gk_builtin_formulas();
    size_t nfixed = sizeof RULES / sizeof RULES[0];
    all_rules = malloc((nfixed + fs->n) * sizeof *all_rules);
    if (!all_rules)
        gk_out_of_memory();
    memcpy(all_rules, RULES, sizeof RULES);
    for (size_t i = 0; i < fs->n; i++)
        all_rules[nfixed + i] = (gk_rule_info){fs->items[i].id, fs->items[i].severity,
                                               fs->items[i].summary};
    nall_rules = nfixed + fs->n;
}

const gk_rule_info *gk_rules(size_t *n)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, list_rules);
    *n = nall_rules;
    return all_rules;
}

const char *gk_severity_name(gk_severity s)
{
    switch (s) {
    case GK_ERROR: return "error";
    case GK_WARNING: return "warning";
    default: return "info";
    }
}

gk_location gk_location_of(const gk_table *t, const gk_row *row, const char *column)
{
    gk_location loc = {0};
    loc.table = t->kind;
    loc.pos = row ? row->pos : t->pos;
    if (row) {
        loc.row = row->code ? row->code : row->label;
        if (column) {
            const gk_cell *c = gk_row_get(row, column);
            loc.column = column;
            if (c && c->pos.line)
                loc.pos = c->pos;
        }
    }
    return loc;
}

gk_finding *gk_report_finding(gk_findings *f, const char *rule, gk_severity sev,
                              const gk_location *loc, const char *fmt, ...)
{
    gk_buf msg = GK_BUF_INIT;               /* whole: a cut could split a character */
    va_list ap;
    va_start(ap, fmt);
    gk_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 16;
        f->items = gk_arena_grow(f->report->arena, f->items, f->n, cap, sizeof *f->items);
        f->cap = cap;
    }
    gk_finding *x = &f->items[f->n++];
    memset(x, 0, sizeof *x);
    x->rule = rule;
    x->severity = sev;
    x->message = gk_report_strndup(f->report, msg.data ? msg.data : "", msg.len);
    gk_buf_free(&msg);
    gk_finding_locate(f, x, loc);
    return x;
}

void gk_finding_locate(gk_findings *f, gk_finding *x, const gk_location *loc)
{
    gk_location *locs = gk_arena_grow(f->report->arena, x->locs, x->nlocs, x->nlocs + 1,
                                      sizeof *locs);
    locs[x->nlocs] = *loc;
    locs[x->nlocs].value = gk_report_strdup(f->report, loc->value);
    x->locs = locs;
    x->nlocs++;
}

/* Order: page, line, then the order the rules reported them in. */
typedef struct {
    const gk_finding *f;
    size_t seq;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    const gk_pos *p = &x->f->locs[0].pos, *q = &y->f->locs[0].pos;
    if (p->page != q->page)
        return p->page < q->page ? -1 : 1;
    if (p->line != q->line)
        return p->line < q->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void sort_findings(gk_findings *f)
{
    if (f->n < 2)
        return;
    keyed *k = malloc(f->n * sizeof *k);
    gk_finding *sorted = gk_arena_alloc(f->report->arena, f->cap * sizeof *sorted);
    if (!k)
        gk_out_of_memory();
    for (size_t i = 0; i < f->n; i++)
        k[i] = (keyed){&f->items[i], i};
    qsort(k, f->n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < f->n; i++)
        sorted[i] = *k[i].f;
    free(k);
    f->items = sorted;
}

struct gk_ruleset {
    gk_formulas formulas;
};

gk_ruleset *gk_ruleset_load(const char *path, gk_error *err)
{
    size_t len;
    char *text = gk_load_file(path, &len, err);
    if (!text)
        return NULL;
    gk_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs)
        gk_out_of_memory();
    bool ok = gk_formulas_parse(&rs->formulas, path, text, len, err);
    free(text);
    if (!ok) {
        gk_ruleset_free(rs);
        return NULL;
    }
    return rs;
}

void gk_ruleset_free(gk_ruleset *rs)
{
    if (rs) {
        gk_formulas_free(&rs->formulas);
        free(rs);
    }
}

static bool same_cell(const gk_location *a, const gk_location *b)
{
    return a->table != GK_TABLE_UNKNOWN && a->table == b->table && a->column && b->column &&
           a->row && b->row && a->pos.page == b->pos.page && a->pos.line == b->pos.line &&
           strcmp(a->row, b->row) == 0 && strcmp(a->column, b->column) == 0;
}

/* The formula error (from `first` on) that holds the cell at `cell`, or NULL. */
static const gk_finding *failing_identity(const gk_findings *out, size_t first,
                                          const gk_location *cell)
{
    for (size_t i = first; i < out->n; i++) {
        const gk_finding *y = &out->items[i];
        if (y->severity != GK_ERROR)
            continue;
        for (size_t k = 0; k < y->nlocs; k++)
            if (same_cell(&y->locs[k], cell))
                return y;
    }
    return NULL;
}

/* One wrong cell, one error.  A narrative amount that disagrees with a cell
 * which itself fails an identity of its table (or was misread) is no second
 * error: which of the two is wrong nobody can tell, so NAR001 says so as a
 * warning, without an "应为" naming the doubtful cell. */
static void demote_cascades(gk_findings *out, size_t first_formula)
{
    for (size_t i = 0; i < first_formula; i++) {
        gk_finding *x = &out->items[i];
        if (x->severity != GK_ERROR || strcmp(x->rule, "NAR001") != 0)
            continue;
        const gk_finding *y = NULL;
        for (size_t k = 0; k < x->nlocs && !y; k++)
            y = failing_identity(out, first_formula, &x->locs[k]);
        if (!y)
            continue;
        const char *advice = strstr(x->message, "；应为");
        size_t keep = advice ? (size_t)(advice - x->message) : strlen(x->message);
        gk_buf msg = GK_BUF_INIT;
        gk_buf_printf(&msg, "%.*s；该单元格本身不满足表内勾稽关系（%s），表中数或其读取可能有误，"
                            "请人工核对", (int)keep, x->message, y->rule);
        x->message = gk_report_strndup(out->report, msg.data, msg.len);
        gk_buf_free(&msg);
        x->severity = GK_WARNING;
        x->expected = NULL;
    }
}

/* A blank template (a 公开 form before anyone filled it in: its tables hold
 * no amount at all, its text "XX" placeholders) is not a disclosure: its
 * empty tables, its placeholders, the "……" after its sample names are what a
 * template is, not mistakes of a document.  One info says so; the warnings
 * and errors are dropped.  A document with any figure is checked in full
 * (placeholders left in a filled-in document stay DOC001 warnings). */
static void blank_template(gk_findings *out)
{
    if (out->report->ntables == 0 || out->coverage.cells > 0)
        return;
    size_t marks = 0, first = 0;
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->items[i].rule, "DOC001") == 0 && marks++ == 0)
            first = i;
    if (marks == 0)
        return;
    gk_location loc = out->items[first].locs[0];
    const char *mark = loc.value ? loc.value : "XX";
    size_t keep = 0;
    for (size_t i = 0; i < out->n; i++)
        if (out->items[i].severity == GK_INFO)
            out->items[keep++] = out->items[i];
    out->n = keep;
    gk_report_finding(out, "DOC001", GK_INFO, &loc,
                      "文档是未填写的空白模板：各表没有任何金额，文中有 %zu 处模板占位内容（如“%s”）；"
                      "模板不是公开文档，未作审核，填写后再检查", marks, mark);
}

/* FNV-1a, 64 bits: a field at a time, each closed by a separator byte so
 * that ("ab", "c") and ("a", "bc") differ, NULL apart from "". */
static uint64_t hash_field(uint64_t h, const char *s)
{
    if (s)
        for (; *s; s++)
            h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (h ^ (s ? 0x1eu : 0x1fu)) * 0x100000001b3ULL;
}

/* The document's words a message quotes (“住房公积金”): they tell apart the
 * findings of one rule that carry no figure, and do not change when the
 * rule's wording does. */
static uint64_t hash_quotes(uint64_t h, const char *msg)
{
    static const char OPEN[] = "“", CLOSE[] = "”";
    for (const char *p = strstr(msg, OPEN); p; p = strstr(p, OPEN)) {
        p += sizeof OPEN - 1;
        const char *q = strstr(p, CLOSE);
        if (!q)
            break;
        for (const char *c = p; c < q; c++)
            h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
        h = (h ^ 0x1du) * 0x100000001b3ULL;
        p = q + sizeof CLOSE - 1;
    }
    return h;
}

static uint64_t finding_hash(const gk_finding *x)
{
    uint64_t h = hash_field(0xcbf29ce484222325ULL, x->rule);
    for (size_t i = 0; i < x->nlocs; i++) {
        const gk_location *l = &x->locs[i];
        h = hash_field(h, gk_table_kind_name(l->table));
        h = hash_field(h, l->row);
        h = hash_field(h, l->column);
        h = hash_field(h, l->value);
    }
    h = hash_field(h, x->expected);
    h = hash_field(h, x->actual);
    return hash_quotes(h, x->message);
}

/* After sorting, so that the "-k" of a repeated hash follows the document:
 * hashes sorted with their positions, each run numbered in position order
 * (n log n: a document may have tens of thousands of findings). */
typedef struct {
    uint64_t hash;
    size_t at;
} hashed;

static int cmp_hashed(const void *a, const void *b)
{
    const hashed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

static void fingerprint_findings(gk_findings *out)
{
    if (out->n == 0)
        return;
    hashed *hs = malloc(out->n * sizeof *hs);
    if (!hs)
        gk_out_of_memory();
    for (size_t i = 0; i < out->n; i++)
        hs[i] = (hashed){finding_hash(&out->items[i]), i};
    qsort(hs, out->n, sizeof *hs, cmp_hashed);
    size_t k = 1;
    for (size_t i = 0; i < out->n; i++) {
        k = i > 0 && hs[i].hash == hs[i - 1].hash ? k + 1 : 1;
        char buf[40];
        if (k == 1)
            snprintf(buf, sizeof buf, "%016" PRIx64, hs[i].hash);
        else
            snprintf(buf, sizeof buf, "%016" PRIx64 "-%zu", hs[i].hash, k);
        out->items[hs[i].at].fingerprint = gk_report_strdup(out->report, buf);
    }
    free(hs);
}

/* Is the cell a location names absent from a row read on a line where the
 * reader noted something left unread? */
static bool unread_cell(const gk_report *r, const gk_location *l)
{
    if (l->table == GK_TABLE_UNKNOWN || !l->row || !l->column || !gk_unread_at(r, l->pos))
        return false;
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        for (size_t k = 0; t->kind == l->table && k < t->nrows; k++) {
            const gk_row *row = &t->rows[k];
            const char *name = row->code ? row->code : row->label;
            if (name && strcmp(name, l->row) == 0 && row->pos.line == l->pos.line &&
                row->pos.page == l->pos.page && row->pos.part == l->pos.part)
                return gk_row_get(row, l->column) == NULL;
        }
    }
    return false;
}

/* A narrative amount compared with a table cell the reader could not read
 * (absent, on a line where it noted something left unread) was compared
 * with nothing: no claim.  An info says what was not verified. */
static void unread_cells(gk_findings *out, size_t first_formula)
{
    for (size_t i = 0; i < first_formula; i++) {
        gk_finding *x = &out->items[i];
        if (x->severity == GK_INFO || strcmp(x->rule, "NAR001") != 0)
            continue;
        bool unread = false;
        for (size_t k = 0; k < x->nlocs && !unread; k++) {
            unread = unread_cell(out->report, &x->locs[k]);
        }
        if (!unread)
            continue;
        const char *advice = strstr(x->message, "；");
        size_t keep = advice ? (size_t)(advice - x->message) : strlen(x->message);
        gk_buf msg = GK_BUF_INIT;
        gk_buf_printf(&msg, "%.*s；表中该栏读取时未能识别，未作核对", (int)keep, x->message);
        x->message = gk_report_strndup(out->report, msg.data, msg.len);
        gk_buf_free(&msg);
        x->severity = GK_INFO;
        x->expected = NULL;
    }
}

void gk_check_with(gk_report *r, const gk_ruleset *extra, gk_findings *out)
{
    memset(out, 0, sizeof *out);
    out->report = r;
    gk_report_index(r);
    for (size_t i = 0; i < sizeof CHECKERS / sizeof CHECKERS[0]; i++)
        CHECKERS[i](r, out);
    size_t first_formula = out->n;
    gk_formulas_check(gk_builtin_formulas(), r, out);
    if (extra)
        gk_formulas_check(&extra->formulas, r, out);
    unread_cells(out, first_formula);
    demote_cascades(out, first_formula);
    gk_group_findings(out, first_formula);   /* first_formula still marks the formulas' */
    blank_template(out);
    gk_doubt_scanned(out);
    gk_quote_findings(out);
    out->coverage.not_evaluated = (int)out->nskipped;
    sort_findings(out);
    fingerprint_findings(out);
}

void gk_check(gk_report *r, gk_findings *out)
{
    gk_check_with(r, NULL, out);
}
