/*
 * cmd_check.c — gongkai check FILE...: run every rule, print findings.
 *
 * Text output is compiler-style, one finding a line
 *     FILE:LINE: error[RULE]: message
 * followed by a summary line per file; colour on a terminal unless NO_COLOR
 * is set.  JSON output is one object per file per line (CONTRACT.md).
 */
#include <limits.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "cli.h"
#include "gongkai/catalog.h"
#include "gongkai/check.h"
#include "gongkai/json.h"
#include "gongkai/narrative.h"
#include "gongkai/findings_html.h"
#include "gongkai/read.h"
#include "../util/grow.h"

typedef enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV, FORMAT_HTML } format;

typedef struct options {
    format format;
    gk_severity min_severity;   /* findings below it are not printed (counted still) */
    bool color;
    gk_ruleset *rules;   /* --rules FILE */
    cli_accept accept;   /* --accept FILE: findings a reviewer accepted */
    bool stats;          /* --stats: what the narrative rules checked */
    bool verbose;        /* -v: the formulas not evaluated, and why */
    int jobs;            /* -j N: documents checked at once */
    bool as_one;         /* --as-one: the two files are one document */
    bool bom;            /* --bom: CSV starts with a byte order mark (for Excel) */
    char **files;        /* the documents, directories walked */
    const bool *walked;  /* files[i] was found by walking a folder */
} options;

static const char *severity_color(gk_severity s)
{
    switch (s) {
    case GK_ERROR: return "\033[1;31m";
    case GK_WARNING: return "\033[1;33m";
    default: return "\033[1;36m";
    }
}

/* The printed value in s[0..n) as a whole number, not inside another
 * ("10.2" is not the start of "10.29"). */
static const char *strstr_n(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k && i + k <= n; i++) {
        bool before = i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.');
        bool after = i + k < n && ((s[i + k] >= '0' && s[i + k] <= '9') || s[i + k] == '.');
        if (!before && !after && memcmp(s + i, needle, k) == 0)
            return s + i;
    }
    return NULL;
}

/* The input as lines, to show each finding's source line under it (text
 * input in UTF-8 only; other input shows no source). */
typedef struct source {
    const char *data;
    size_t *starts;     /* byte offset of each line; starts[n] = end */
    size_t n;
} source;

static void source_index(source *src, const char *data, size_t len)
{
    memset(src, 0, sizeof *src);
    if (gk_detect_format(data, len) != GK_INPUT_TEXT || memchr(data, '\0', len))
        return;
    for (size_t i = 0; i < len;) {            /* UTF-8 only */
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)data + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            return;
        i += (size_t)k;
    }
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += data[i] == '\n';
    src->starts = malloc((lines + 1) * sizeof *src->starts);
    if (!src->starts)
        return;
    src->data = data;
    src->starts[0] = 0;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\n')
            src->starts[++src->n] = i + 1;
    src->starts[++src->n] = len;
}

/* Display width of s[0..n) in terminal columns (CJK counts two); tabs as
 * two spaces. */
static int width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0)
            break;
        w += c == '\t' ? 2 : utf8proc_charwidth(c);
        i += (size_t)k;
    }
    return w;
}

/* "    | the source line" and a caret under the value, when known. */
static void print_source(FILE *out, const source *src, int line, const char *value)
{
    if (!src->data || line < 1 || (size_t)line > src->n)
        return;
    const char *s = src->data + src->starts[line - 1];
    size_t n = src->starts[line] - src->starts[line - 1];
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (width(s, n) > 160)
        return;                      /* a very long line helps no one */
    fputs("    | ", out);
    for (size_t i = 0; i < n; i++)
        fputs(s[i] == '\t' ? "  " : (char[2]){s[i], 0}, out);
    fputc('\n', out);
    /* The value as printed may differ ("341. 39"): look for its digits. */
    const char *hit = value && *value ? strstr_n(s, n, value) : NULL;
    if (!hit)
        return;
    fprintf(out, "    | %*s", width(s, (size_t)(hit - s)), "");
    for (int i = width(hit, strlen(value)); i > 0; i--)
        fputc('^', out);
    fputc('\n', out);
}

/* One line on how much was checked: what was read and not read, the
 * identities, the narrative's amounts tied to the tables. */
static void print_coverage(FILE *out, const char *file, const gk_findings *f)
{
    const gk_coverage *c = &f->coverage;
    fprintf(out, "%s: 核对范围：表格 %d 张，金额 %d 个", file, c->tables, c->cells);
    if (c->unread)
        fprintf(out, "（另有 %d 处读取提示）", c->unread);
    fprintf(out, "；平衡关系 %d 条，成立 %d 条，不成立 %d 条", c->evaluated, c->held, c->failed);
    if (c->not_evaluated)
        fprintf(out, "，%d 条审核公式因缺少表格或栏目未评估", c->not_evaluated);
    fprintf(out, "；情况说明金额 %d 个，其中 %d 个已与表格对应\n", f->narrative.money,
            f->narrative.bound);
}

static void print_text(FILE *out, const options *o, const char *file, const gk_findings *f,
                       const source *src, const cli_tally *t)
{
    for (size_t i = 0; i < f->n; i++) {
        const gk_finding *x = &f->items[i];
        if (x->severity < o->min_severity)
            continue;
        const gk_pos *p = &x->locs[0].pos;
        fputs(f->report->nparts ? gk_report_file_of(f->report, *p) : file, out);
        if (p->page)
            fprintf(out, ":第%d页", p->page);
        if (p->line)
            fprintf(out, ":%d", p->line);
        fprintf(out, ": %s%s%s[%s]: %s\n", o->color ? severity_color(x->severity) : "",
                gk_severity_name(x->severity), o->color ? "\033[0m" : "", x->rule, x->message);
        if (!p->page && !p->part)
            print_source(out, src, p->line, x->locs[0].value);
        else if (x->quote)               /* a PDF: its words, to search for */
            fprintf(out, "    | %s\n", x->quote);
    }
    fprintf(out, "%s: %zu 个错误，%zu 个警告，%zu 条提示", file, t->errors, t->warnings, t->infos);
    if (f->accepted)
        fprintf(out, "（另有 %zu 条已接受，见 --accept）", f->accepted);
    fputc('\n', out);
    print_coverage(out, file, f);
    if (o->verbose) {
        fprintf(out, "%s: %zu 条审核公式未评估（文档中没有其所指的表、行或栏目，不作为问题）%s\n",
                file, f->nskipped, f->nskipped ? "：" : "");
        for (size_t i = 0; i < f->nskipped; i++)
            fprintf(out, "    %s\n", f->skipped[i]);
    }
    if (o->stats) {
        const gk_narrative_stats *st = &f->narrative;
        fprintf(out, "%s: 情况说明：数字 %d 个（金额 %d，百分比 %d），其中 %d 个金额已与表格单元格对应"
                     "（含 %d 个增减额、上年数经与已对应金额的关系核对）；"
                     "核对关系 %d 条（增减、占比、完成率、大小比较、合计）\n",
                file, st->figures, st->money, st->percent, st->bound, st->tied, st->claims);
    }
}

/* ---- A document in two files ------------------------------------------ */

/* Beijing and others publish the 情况说明 and the 报表 of one unit and year as
 * two files.  Checked apart, the narrative binds to nothing; checked as one
 * (--as-one, or found as a pair in a batch), every rule sees both. */
typedef enum shape { SHAPE_WHOLE, SHAPE_NARRATIVE_ONLY, SHAPE_TABLES_ONLY } shape;

static shape shape_of(const gk_report *r)
{
    bool narrative = gk_report_has_narrative(r);
    if (r->ntables == 0 && narrative)
        return SHAPE_NARRATIVE_ONLY;
    if (r->ntables > 0 && !narrative)
        return SHAPE_TABLES_ONLY;
    return SHAPE_WHOLE;
}

/* The unit as the two files name it: "北京市统计局部门" (the 部门 as a
 * whole, on the narrative's cover) and "北京市统计局" are one body. */
static void unit_key(const char *unit, char out[GK_NAME_KEY_MAX])
{
    out[0] = '\0';
    if (!unit)
        return;
    size_t n = gk_name_key(unit, out);
    static const char SUFFIX[] = "部门";
    size_t k = sizeof SUFFIX - 1;
    if (n > k && strcmp(out + n - k, SUFFIX) == 0)
        out[n - k] = '\0';
}

/* What a batch keeps of a document that may be half of a pair. */
typedef struct half {
    shape shape;            /* SHAPE_WHOLE: checked at once, not a half */
    int year;
    gk_doc_kind kind;
    char unit[GK_NAME_KEY_MAX];   /* name key, "" when unknown */
    /* Its amounts of 1万元 or more, in hundredths of 万元, sorted, distinct:
     * the narrative's, or the tables' cells.  Two halves that share several
     * are of one document even where a 报表 names no unit or year. */
    int64_t *amounts;
    size_t namounts;
} half;

enum { MIN_SHARED_AMOUNTS = 3 };

static int by_value(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Add an amount in `unit` to the half's list, as hundredths of 万元. */
static void add_amount(half *h, size_t *cap, gk_amount a, gk_unit unit)
{
    gk_amount w;
    if (unit == GK_UNIT_NONE || !gk_amount_convert(a, unit, GK_UNIT_WANYUAN, &w) ||
        !gk_amount_rescale(gk_amount_round(w, 2), 2, &w) || w.v < 100)
        return;
    h->amounts = gk_grow(h->amounts, cap, h->namounts, sizeof *h->amounts);
    h->amounts[h->namounts++] = w.v;
}

/* What a batch keeps of a half: its metadata and its amounts. */
static void describe_half(half *h, gk_report *r)
{
    h->year = r->year;
    h->kind = r->kind;
    unit_key(r->unit, h->unit);
    size_t cap = 0;
    if (h->shape == SHAPE_NARRATIVE_ONLY) {
        gk_narrative nar;
        gk_narrative_extract(r, &nar);
        for (int i = 0; i < nar.nfigures; i++)
            if (nar.figures[i].kind == GK_FIG_MONEY)
                add_amount(h, &cap, nar.figures[i].value, nar.figures[i].unit);
    } else {
        for (size_t i = 0; i < r->ntables; i++) {
            const gk_table *t = &r->tables[i];
            gk_unit u = t->unit != GK_UNIT_NONE ? t->unit : r->amount_unit;
            for (size_t k = 0; k < t->nrows; k++)
                for (size_t c = 0; c < t->rows[k].ncells; c++)
                    if (!t->rows[k].cells[c].text)
                        add_amount(h, &cap, t->rows[k].cells[c].value, u);
        }
    }
    if (h->namounts > 1)
        qsort(h->amounts, h->namounts, sizeof *h->amounts, by_value);
    size_t n = 0;
    for (size_t i = 0; i < h->namounts; i++)
        if (n == 0 || h->amounts[n - 1] != h->amounts[i])
            h->amounts[n++] = h->amounts[i];
    h->namounts = n;
}

/* Does the tables half hold the narrative's amounts: at least three, and a
 * quarter of them?  Whole 万元 (100.00, 50.00) are left out: any two budgets
 * share some. */
static bool amounts_agree(const half *narrative, const half *tables)
{
    size_t distinctive = 0, shared = 0;
    for (size_t i = 0; i < narrative->namounts; i++) {
        const int64_t *a = &narrative->amounts[i];
        if (*a % 100 == 0)
            continue;
        distinctive++;
        shared += bsearch(a, tables->amounts, tables->namounts, sizeof *a, by_value) != NULL;
    }
    return shared >= MIN_SHARED_AMOUNTS && 4 * shared >= distinctive;
}

/* One document to check: one file, or the files of a document in parts. */
typedef struct group {
    size_t first, second;   /* indices into options.files; second == first when one */
} group;

/* "A + B" for the summary line of a document in two files. */
static const char *display_name(const options *o, const group *g, char *buf, size_t size)
{
    if (g->second == g->first)
        return o->files[g->first];
    snprintf(buf, size, "%s + %s", o->files[g->first], o->files[g->second]);
    return buf;
}

/* A file that could not be checked: unreadable, or (found by walking a
 * folder) not a disclosure at all, which is skipped without failing the
 * batch.  Says so in the output's format. */
static cli_tally not_checked(const options *o, size_t i, const gk_error *err, FILE *out,
                             FILE *errs)
{
    const char *file = o->files[i];
    bool skip = err->not_disclosure && o->walked[i];
    cli_tally t = {0};
    if (skip) {
        fprintf(errs, "gongkai: %s: 已跳过（不是预算/决算公开文档）：%s\n", file, err->message);
        t.skipped = 1;
    } else {
        cli_input_error(errs, file, err);
        t.status = EXIT_BAD_INPUT;
        t.unreadable = 1;
    }
    const char *status = skip ? "skipped" : "unreadable";
    if (o->format == FORMAT_JSON) {
        char *line = gk_unchecked_to_json(file, status, err->message);
        fputs(line, out);
        fputc('\n', out);
        free(line);
    } else if (o->format == FORMAT_CSV) {
        cli_csv_doc doc = {file, NULL, 0, NULL, status};
        cli_csv_document(out, &doc, err);
    } else if (o->format == FORMAT_HTML) {
        gk_findings_html_unchecked(out, file, err->message, skip, i);
    }
    return t;
}

/* Read file i; NULL with *err saying why. */
static gk_report *read_one(const options *o, size_t i, gk_file *in, gk_error *err)
{
    const char *file = o->files[i];
    struct stat st;
    bool opened = false;
    memset(in, 0, sizeof *in);
    if (stat(file, &st) == 0 && S_ISDIR(st.st_mode))   /* a walk found nothing in it */
        gk_error_set(err, 0, 0, "目录中没有可检查的文档（.txt、.text、.md、.html、.json、.pdf、.xlsx）");
    else
        opened = gk_file_open(in, file, err);
    gk_report *r = opened ? gk_read(in->data, in->len, file, err) : NULL;
    if (!r && opened)
        gk_file_close(in);
    return r;
}

/* Check the document of group g and print its findings.  With `halves`
 * (a batch that may hold pairs), a file that is half of a document is not
 * checked: what it is goes into halves[first] for the pairing after the
 * batch, and nothing is printed. */
static cli_tally check_group(const options *o, const group *g, half *halves, FILE *out,
                             FILE *errs)
{
    cli_tally t = {0};
    gk_file in, in2 = {0};
    gk_error err;
    const char *file = o->files[g->first];
    gk_report *r = read_one(o, g->first, &in, &err);
    if (!r)
        return not_checked(o, g->first, &err, out, errs);
    if (halves && (halves[g->first].shape = shape_of(r)) != SHAPE_WHOLE) {
        describe_half(&halves[g->first], r);
        gk_report_free(r);
        gk_file_close(&in);
        return t;
    }
    if (g->second != g->first) {
        gk_report *part = read_one(o, g->second, &in2, &err);
        if (!part) {
            gk_report_free(r);
            gk_file_close(&in);
            return not_checked(o, g->second, &err, out, errs);
        }
        gk_report_join(r, part);
    }
    gk_findings f;
    gk_check_with(r, o->rules, &f);
    if (o->accept.n) {                   /* reviewed and accepted: out of the verdict */
        size_t k = 0;
        for (size_t j = 0; j < f.n; j++)
            if (!cli_accepted_reason(&o->accept, f.items[j].fingerprint))
                f.items[k++] = f.items[j];
        f.accepted = f.n - k;
        f.n = k;
    }
    for (size_t k = 0; k < f.n; k++) {
        gk_severity s = f.items[k].severity;
        *(s == GK_ERROR ? &t.errors : s == GK_WARNING ? &t.warnings : &t.infos) += 1;
    }
    t.status = t.errors ? EXIT_FINDINGS : 0;
    /* Clean: nothing to correct (rounding notes and style hints aside). */
    const char *status = t.errors || t.warnings ? "findings" : "clean";
    if (o->format == FORMAT_TEXT) {
        char name[2 * PATH_MAX + 4];
        source src;
        source_index(&src, in.data, in.len);
        print_text(out, o, display_name(o, g, name, sizeof name), &f, &src, &t);
        free(src.starts);
    } else if (o->format == FORMAT_HTML) {    /* counts all, lists those at the floor */
        char name[2 * PATH_MAX + 4];
        gk_findings_html_document(out, &f, display_name(o, g, name, sizeof name),
                                  o->min_severity, g->first);
    } else {
        if (o->min_severity > GK_INFO) {   /* keep those at or above it */
            size_t k = 0;
            for (size_t j = 0; j < f.n; j++)
                if (f.items[j].severity >= o->min_severity)
                    f.items[k++] = f.items[j];
            f.n = k;
        }
        if (o->format == FORMAT_JSON) {
            char *line = gk_findings_to_json(&f, file, status);
            fputs(line, out);
            fputc('\n', out);
            free(line);
        } else {
            cli_csv_doc doc = {file, r->unit, r->year, gk_doc_kind_name(r->kind), status};
            bool has_row[2] = {false, false};   /* the file, its part (two files at most) */
            for (size_t k = 0; k < f.n; k++) {
                gk_pos pos = f.items[k].locs[0].pos;
                doc.file = gk_report_file_of(r, pos);
                has_row[pos.part != 0] = true;
                cli_csv_finding(out, &doc, &f.items[k]);
            }
            for (size_t p = 0; p <= r->nparts && p < 2; p++)
                if (!has_row[p]) {   /* checked, and nothing to say here: still a row */
                    doc.file = p ? r->parts[p - 1] : file;
                    cli_csv_document(out, &doc, NULL);
                }
        }
    }
    gk_report_free(r);
    gk_file_close(&in);
    gk_file_close(&in2);
    return t;
}

/* The batch's state for its jobs. */
typedef struct run {
    const options *o;
    const group *groups;
    half *halves;           /* NULL: every group is checked as it is */
} run;

static cli_tally check_job(void *ctx, size_t i, FILE *out, FILE *errs)
{
    const run *rn = ctx;
    return check_group(rn->o, &rn->groups[i], rn->halves, out, errs);
}

/* Are a and b (a narrative and a 报表) one document?  Nothing they both say
 * may differ; then either they name the same unit, year and kind, or, where
 * one is silent (Beijing's 报表 print neither unit nor year), the
 * narrative's amounts are in the tables. */
static bool halves_match(const half *a, const half *b)
{
    if ((a->year && b->year && a->year != b->year) ||
        (a->kind != GK_DOC_UNKNOWN && b->kind != GK_DOC_UNKNOWN && a->kind != b->kind) ||
        (a->unit[0] && b->unit[0] && strcmp(a->unit, b->unit) != 0))
        return false;
    if (a->year && b->year && a->kind != GK_DOC_UNKNOWN && b->kind != GK_DOC_UNKNOWN &&
        a->unit[0] && b->unit[0])
        return true;
    const half *narrative = a->shape == SHAPE_NARRATIVE_ONLY ? a : b;
    return amounts_agree(narrative, narrative == a ? b : a);
}

/* The halves of a batch as documents: a narrative-only file and a tables-only
 * file of the same unit, year and kind make one when each is the other's only
 * match; every other half is a document alone.  Returns how many. */
static size_t pair_halves(const half *halves, size_t n, group *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (halves[i].shape == SHAPE_WHOLE)
            continue;
        size_t mate = n, matches = 0;
        for (size_t j = 0; j < n; j++)
            if (j != i && halves[j].shape != SHAPE_WHOLE && halves[j].shape != halves[i].shape &&
                halves_match(&halves[i], &halves[j]))
                mate = j, matches++;
        size_t back = 0;      /* the mate's matches of i's shape */
        for (size_t j = 0; matches == 1 && j < n; j++)
            back += j != mate && halves[j].shape == halves[i].shape &&
                    halves_match(&halves[mate], &halves[j]);
        bool paired = matches == 1 && back == 1;
        if (!paired)
            out[k++] = (group){i, i};
        else if (halves[i].shape == SHAPE_NARRATIVE_ONLY)   /* once, narrative first */
            out[k++] = (group){i, mate};
    }
    return k;
}

/* Check every document; those that may be half of one are held back and
 * checked after the others, paired where they pair. */
static cli_tally check_all(const options *o, size_t n)
{
    group *groups = malloc((n ? n : 1) * sizeof *groups);
    half *halves = n > 1 ? calloc(n, sizeof *halves) : NULL;
    if (!groups || (n > 1 && !halves)) {
        fputs("gongkai: 内存不足 / out of memory\n", stderr);
        abort();
    }
    for (size_t i = 0; i < n; i++)
        groups[i] = (group){i, i};
    run rn = {o, groups, halves};
    cli_tally total = cli_batch_run(n, o->jobs, check_job, &rn);
    if (halves) {
        size_t k = pair_halves(halves, n, groups);
        rn.halves = NULL;
        cli_tally more = cli_batch_run(k, o->jobs, check_job, &rn);
        if (more.status > total.status)
            total.status = more.status;
        total.errors += more.errors, total.warnings += more.warnings;
        total.infos += more.infos, total.unreadable += more.unreadable;
        total.skipped += more.skipped;
    }
    for (size_t i = 0; halves && i < n; i++)
        free(halves[i].amounts);
    free(halves);
    free(groups);
    return total;
}

/* The batch's closing line: on stdout with text output, else on stderr so
 * that stdout stays JSON lines or CSV. */
static void print_summary(const options *o, size_t n, const cli_tally *t, double seconds)
{
    FILE *f = o->format == FORMAT_TEXT ? stdout : stderr;
    fprintf(f, "共 %zu 个文件：%zu 个错误，%zu 个警告，%zu 条提示，%zu 个无法读取", n, t->errors,
            t->warnings, t->infos, t->unreadable);
    if (t->skipped)
        fprintf(f, "，%zu 个已跳过（不是公开文档）", t->skipped);
    fprintf(f, "；用时 %.2f 秒\n", seconds);
}

int cmd_check(int argc, char **argv)
{
    options o = {.format = FORMAT_TEXT,
                 .color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
                 .jobs = cli_cores()};
    const char *rules_path = NULL, *accept_path = NULL;
    int nfiles = 0, taken;
    bool options_end = false;   /* after "--" every argument is a file */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_end) {
            argv[++nfiles] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            options_end = true;
        } else if (cli_is_help(a)) {
            cli_usage(stdout, "check");
            return 0;
        } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || (strcmp(v, "text") != 0 && strcmp(v, "json") != 0 && strcmp(v, "csv") != 0 &&
                       strcmp(v, "html") != 0))
                return cli_bad_usage("check", "--format 应为 text、json、csv 或 html / must be text, json, csv or html");
            o.format = strcmp(v, "json") == 0   ? FORMAT_JSON
                       : strcmp(v, "csv") == 0  ? FORMAT_CSV
                       : strcmp(v, "html") == 0 ? FORMAT_HTML
                                                : FORMAT_TEXT;
        } else if (strcmp(a, "-j") == 0 || strncmp(a, "--jobs", 6) == 0 ||
                   (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9')) {
            const char *v = strncmp(a, "--jobs=", 7) == 0 ? a + 7
                            : a[1] == 'j' && a[2]       ? a + 2
                            : strcmp(a, "--jobs") == 0 || strcmp(a, "-j") == 0
                                ? (i + 1 < argc ? argv[++i] : NULL)
                                : NULL;
            char *end;
            long j = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || end == v || j < 1 || j > 256)
                return cli_bad_usage("check", "-j 后应为 1–256 之间的整数 / -j needs a number of jobs from 1 to 256");
            o.jobs = (int)j;
        } else if ((taken = cli_ocr_option("check", argc, argv, &i)) != 0) {
            if (taken < 0)
                return EXIT_BAD_INPUT;
        } else if (strcmp(a, "--bom") == 0) {
            o.bom = true;
        } else if (strcmp(a, "--as-one") == 0) {
            o.as_one = true;
        } else if (strcmp(a, "--stats") == 0) {
            o.stats = true;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            o.verbose = true;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o.min_severity = GK_ERROR;
        } else if (strcmp(a, "--min-severity") == 0 || strncmp(a, "--min-severity=", 15) == 0) {
            const char *v = a[14] == '=' ? a + 15 : (i + 1 < argc ? argv[++i] : NULL);
            if (!cli_severity(v, &o.min_severity))
                return cli_bad_usage("check", "--min-severity 应为 error、warning 或 info / must be error, warning or info");
        } else if (strcmp(a, "--rules") == 0 || strncmp(a, "--rules=", 8) == 0) {
            rules_path = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!rules_path)
                return cli_bad_usage("check", "--rules 后缺少审核公式文件 / --rules needs a file");
        } else if (strcmp(a, "--accept") == 0 || strncmp(a, "--accept=", 9) == 0) {
            accept_path = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!accept_path)
                return cli_bad_usage("check", "--accept 后缺少接受清单文件 / --accept needs a file");
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_bad_usage("check", "未知选项 '%s' / unknown option", a);
        } else {
            argv[++nfiles] = argv[i];     /* compact the file names in place */
        }
    }
    if (nfiles == 0)
        return cli_bad_usage("check", "缺少输入文件 / no input file");
    if (rules_path) {
        gk_error err;
        o.rules = gk_ruleset_load(rules_path, &err);
        if (!o.rules) {
            cli_input_error(stderr, rules_path, &err);
            return EXIT_BAD_INPUT;
        }
    }
    if (accept_path) {
        gk_error err;
        if (!cli_accept_load(&o.accept, accept_path, &err)) {
            cli_input_error(stderr, accept_path, &err);
            gk_ruleset_free(o.rules);
            return EXIT_BAD_INPUT;
        }
    }

    cli_paths paths = {0};
    cli_paths_collect(&paths, argv + 1, nfiles);
    o.files = paths.items;
    o.walked = paths.walked;
#ifdef M_TRIM_THRESHOLD
    /* Documents come and go by the thousand: keep the memory one freed for
     * the next rather than hand it back to the system and fault it in again
     * (that was a third of the time of a batch: bench/README.md). */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
    if (o.format == FORMAT_CSV)
        cli_csv_header(stdout, o.bom);
    if (o.format == FORMAT_HTML)
        gk_findings_html_begin(stdout);
    double start = cli_now();
    cli_tally total;
    if (o.as_one) {
        if (paths.n != 2) {
            cli_paths_free(&paths);
            gk_ruleset_free(o.rules);
            cli_accept_free(&o.accept);
            return cli_bad_usage("check", "--as-one 需要同一文档的两个文件（如情况说明和报表），实为 %zu 个 / "
                                          "--as-one needs the two files of one document", paths.n);
        }
        run rn = {&o, &(group){0, 1}, NULL};
        total = cli_batch_run(1, 1, check_job, &rn);
    } else {
        total = check_all(&o, paths.n);
    }
    if (o.format == FORMAT_HTML)
        gk_findings_html_end(stdout);
    if (paths.n > 1 && !o.as_one)
        print_summary(&o, paths.n, &total, cli_now() - start);
    cli_paths_free(&paths);
    gk_ruleset_free(o.rules);
    cli_accept_free(&o.accept);
    return total.status;
}
