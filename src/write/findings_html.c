/*
 * write/findings_html.c — the reviewer's report: `gongkai check --format
 * html` (docs/review.md).
 *
 * One self-contained page (no network, no other file) for one document or
 * a batch: per document its verdict and coverage, its findings (errors
 * first, each with its place, the printed value and a link to the cell),
 * then its tables with the cells of each finding marked (the messages in a
 * tooltip) and its narrative with the lines of each finding marked.
 * Filters by severity, rule and text work in the page, with plain
 * JavaScript; an index of the documents is built from the sections.  Every
 * text of the document is escaped: documents are untrusted input.
 */
#include "gongkai/findings_html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fatal.h"
#include "../util/grow.h"
#include "html.h"

static const char CSS[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\","
    "sans-serif;margin:0 auto;max-width:76em;padding:0 1em 3em;color:#222;line-height:1.5}"
    "header.top{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 0;"
    "z-index:2}"
    "header.top label{margin-right:1em;white-space:nowrap}"
    "nav#index li{margin:.1em 0}"
    "section.doc{border-top:3px solid #345;margin-top:2em}"
    ".verdict{font-weight:bold}.meta,.coverage{color:#555;font-size:.9em}"
    "ol.findings{padding-left:1.5em}ol.findings li{margin:.4em 0}"
    ".sev{display:inline-block;min-width:2.6em;text-align:center;border-radius:3px;"
    "color:#fff;font-size:.85em;padding:0 .3em;margin-right:.3em}"
    ".sev.error{background:#c0392b}.sev.warning{background:#d68910}.sev.info{background:#5d8aa8}"
    ".rule{font-family:monospace;margin-right:.4em}.where{color:#555;font-size:.9em}"
    ".value{font-family:monospace;background:#f4f4f4;padding:0 .2em}"
    "table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1.5em;display:block;"
    "overflow-x:auto;max-width:100%}"
    "th,td{border:1px solid #bbb;padding:.15em .4em;white-space:nowrap}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "td.m-error,tr.m-error>td{background:#f5b7b1}td.m-warning,tr.m-warning>td{background:#fad7a0}"
    "td.m-info,tr.m-info>td{background:#d6eaf8}"
    "p.m-error{background:#f5b7b1}p.m-warning{background:#fad7a0}p.m-info{background:#d6eaf8}"
    ".hidden{display:none}"
    "details>summary{cursor:pointer;font-weight:bold;margin:.6em 0}"
    "@media print{header.top{position:static}details{display:block}"
    "details>summary{list-style:none}}";

/* Filters and the index: plain JavaScript, no network. */
static const char JS[] =
    "(function(){"
    "var q=function(s,e){return Array.prototype.slice.call((e||document).querySelectorAll(s));};"
    "var nav=document.getElementById('index');var docs=q('section.doc');"
    "if(docs.length>1){docs.forEach(function(d){var li=document.createElement('li');"
    "var a=document.createElement('a');a.href='#'+d.id;"
    "a.textContent=d.getAttribute('data-name')+' — '+d.getAttribute('data-verdict');"
    "li.appendChild(a);nav.querySelector('ol').appendChild(li);});}else{nav.classList.add('hidden');}"
    "var rules={};q('li.finding').forEach(function(li){rules[li.getAttribute('data-rule')]=1;});"
    "var sel=document.getElementById('f-rule');Object.keys(rules).sort().forEach(function(r){"
    "var o=document.createElement('option');o.value=r;o.textContent=r;sel.appendChild(o);});"
    "function apply(){var sev={};q('input.f-sev').forEach(function(c){sev[c.value]=c.checked;});"
    "var rule=sel.value,text=document.getElementById('f-text').value.trim();"
    "q('li.finding').forEach(function(li){var ok=sev[li.getAttribute('data-severity')]&&"
    "(!rule||li.getAttribute('data-rule')===rule)&&(!text||li.textContent.indexOf(text)>=0);"
    "li.classList.toggle('hidden',!ok);});}"
    "q('input.f-sev').forEach(function(c){c.addEventListener('change',apply);});"
    "sel.addEventListener('change',apply);"
    "document.getElementById('f-text').addEventListener('input',apply);})();";

static const char *const SEVERITY[] = {"info", "warning", "error"};
static const char *const SEVERITY_WORD[] = {"提示", "警告", "错误"};

void gk_findings_html_begin(FILE *out)
{
    fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>gongkai 审核报告</title>\n<style>",
          out);
    fputs(CSS, out);
    fputs("</style>\n</head>\n<body>\n<header class=\"top\"><strong>gongkai 审核报告</strong> "
          "<label><input type=\"checkbox\" class=\"f-sev\" value=\"error\" checked> 错误</label>"
          "<label><input type=\"checkbox\" class=\"f-sev\" value=\"warning\" checked> 警告</label>"
          "<label><input type=\"checkbox\" class=\"f-sev\" value=\"info\" checked> 提示</label>"
          "<label>规则 <select id=\"f-rule\"><option value=\"\">全部</option></select></label>"
          "<label>含文字 <input type=\"search\" id=\"f-text\" size=\"12\"></label></header>\n"
          "<nav id=\"index\"><h2>文档</h2><ol></ol></nav>\n",
          out);
}

void gk_findings_html_end(FILE *out)
{
    fprintf(out, "<script>%s</script>\n</body>\n</html>\n", JS);
}

/* ---- Marks: which finding falls on which cell, row or paragraph ---------- */

typedef struct mark {
    const void *at;         /* a gk_cell, gk_row or gk_paragraph */
    size_t finding;
} mark;

typedef struct marks {
    mark *items;
    size_t n, cap;
} marks;

static int cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->at != y->at)
        return (uintptr_t)x->at < (uintptr_t)y->at ? -1 : 1;
    return x->finding < y->finding ? -1 : x->finding > y->finding;
}

static void add_mark(marks *m, const void *at, size_t finding)
{
    m->items = gk_grow(m->items, &m->cap, m->n, sizeof *m->items);
    m->items[m->n++] = (mark){at, finding};
}

/* The marks at `at`: their first index, and how many (via *n). */
static const mark *marks_at(const marks *m, const void *at, size_t *n)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)m->items[mid].at < (uintptr_t)at)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < m->n && m->items[k].at == at)
        k++;
    *n = k - lo;
    return m->items + lo;
}

/* Resolve each place of each finding to what it stands on. */
static void collect(const gk_findings *f, gk_severity min, marks *m)
{
    gk_locator *lc = gk_locator_new(f->report);
    for (size_t i = 0; i < f->n; i++) {
        if (f->items[i].severity < min)
            continue;
        for (size_t k = 0; k < f->items[i].nlocs; k++) {
            gk_place at;
            if (!gk_locate(lc, &f->items[i].locs[k], &at))
                continue;
            const void *on = at.paragraph ? (const void *)at.paragraph
                             : at.cell    ? (const void *)at.cell
                                          : (const void *)at.row;
            if (on)
                add_mark(m, on, i);
        }
    }
    gk_locator_free(lc);
    if (m->n)
        qsort(m->items, m->n, sizeof *m->items, cmp_mark);
}

/* The attributes of an element standing for `at`: class="CLASS m-SEVERITY"
 * (the worst of its findings) and title="the messages". */
static void mark_attrs(FILE *out, const gk_findings *f, const marks *m, const void *at,
                       const char *cls)
{
    size_t n;
    const mark *x = marks_at(m, at, &n);
    if (!n) {
        if (cls)
            fprintf(out, " class=\"%s\"", cls);
        return;
    }
    gk_severity worst = GK_INFO;
    for (size_t i = 0; i < n; i++)
        if (f->items[x[i].finding].severity > worst)
            worst = f->items[x[i].finding].severity;
    fprintf(out, " class=\"%s%sm-%s\" title=\"", cls ? cls : "", cls ? " " : "", SEVERITY[worst]);
    for (size_t i = 0; i < n; i++) {
        const gk_finding *y = &f->items[x[i].finding];
        if (i)
            fputs("&#10;", out);
        fprintf(out, "%s %s：", SEVERITY_WORD[y->severity], y->rule);
        gk_html_text(out, y->message);
    }
    fputc('"', out);
}

/* Inside the element: an anchor per finding on it, for the list's links
 * (the first place of each finding gets its anchor). */
static void anchors(FILE *out, const marks *m, const void *at, const char *doc_id, bool *anchored)
{
    size_t n;
    const mark *x = marks_at(m, at, &n);
    for (size_t i = 0; i < n; i++)
        if (!anchored[x[i].finding]) {
            anchored[x[i].finding] = true;
            fprintf(out, "<a id=\"%s-f%zu\"></a>", doc_id, x[i].finding);
        }
}

/* ---- The document ---------------------------------------------------------- */

static void finding_item(FILE *out, const gk_findings *f, size_t i, const char *doc_id,
                         bool linked)
{
    const gk_finding *x = &f->items[i];
    const gk_location *l = &x->locs[0];
    fprintf(out, "<li class=\"finding\" data-severity=\"%s\" data-rule=\"", SEVERITY[x->severity]);
    gk_html_text(out, x->rule);
    fprintf(out, "\"><span class=\"sev %s\">%s</span><span class=\"rule\">", SEVERITY[x->severity],
            SEVERITY_WORD[x->severity]);
    gk_html_text(out, x->rule);
    for (size_t k = 0; k < x->nalso; k++) {
        fputs(k ? "、" : "（又 ", out);
        gk_html_text(out, x->also[k]);
    }
    fputs(x->nalso ? "）</span>" : "</span>", out);
    if (linked)
        fprintf(out, "<a class=\"where\" href=\"#%s-f%zu\">", doc_id, i);
    else
        fputs("<span class=\"where\">", out);
    if (f->report->nparts) {
        gk_html_text(out, gk_report_file_of(f->report, l->pos));
        fputc(' ', out);
    }
    if (l->pos.page)
        fprintf(out, "第%d页", l->pos.page);
    if (l->pos.line)
        fprintf(out, "%s第%d行", l->pos.page ? "" : "", l->pos.line);
    if (l->table != GK_TABLE_UNKNOWN) {
        fputs(" ", out);
        gk_html_text(out, gk_table_kind_title(l->table));
        if (l->row) {
            fputs(" ", out);
            gk_html_text(out, l->row);
        }
        if (l->column) {
            fputs(" ", out);
            gk_html_text(out, l->column);
        }
    }
    fputs(linked ? "</a> " : "</span> ", out);
    const char *words = x->quote ? x->quote : l->value;   /* to search for in the document */
    if (words) {
        fputs("<span class=\"value\">", out);
        gk_html_text(out, words);
        fputs("</span> ", out);
    }
    gk_html_text(out, x->message);
    fputs("</li>\n", out);
}

/* The columns of a table in the order first printed. */
static size_t table_columns(const gk_table *t, const char ***out)
{
    const char **cols = NULL;
    size_t n = 0, cap = 0;
    for (size_t j = 0; j < t->nrows; j++)
        for (size_t k = 0; k < t->rows[j].ncells; k++) {
            const char *c = t->rows[j].cells[k].column;
            bool seen = false;
            for (size_t i = 0; i < n && !seen; i++)
                seen = cols[i] == c || strcmp(cols[i], c) == 0;
            if (!seen) {
                cols = gk_grow(cols, &cap, n, sizeof *cols);
                cols[n++] = c;
            }
        }
    *out = cols;
    return n;
}

static void table_html(FILE *out, const gk_findings *f, const marks *m, const gk_table *t,
                       const char *doc_id, bool *anchored)
{
    fputs("<h4>", out);
    gk_html_text(out, t->title ? t->title : gk_table_kind_title(t->kind));
    if (t->pos.page)
        fprintf(out, "（第%d页）", t->pos.page);
    fputs("</h4>\n<table><thead><tr><th>科目编码</th><th>项目</th>", out);
    const char **cols;
    size_t ncols = table_columns(t, &cols);
    for (size_t c = 0; c < ncols; c++) {
        fputs("<th>", out);
        gk_html_text(out, cols[c]);
        fputs("</th>", out);
    }
    fputs("</tr></thead><tbody>\n", out);
    char buf[GK_AMOUNT_BUFSIZE];
    for (size_t j = 0; j < t->nrows; j++) {
        const gk_row *row = &t->rows[j];
        fputs("<tr", out);
        mark_attrs(out, f, m, row, NULL);
        fputs("><td>", out);
        anchors(out, m, row, doc_id, anchored);
        gk_html_text(out, row->code ? row->code : "");
        fputs("</td><td>", out);
        if (row->side != GK_SIDE_NONE) {
            gk_html_text(out, gk_side_name(row->side));
            fputs("：", out);
        }
        gk_html_text(out, row->label ? row->label : "");
        fputs("</td>", out);
        for (size_t c = 0; c < ncols; c++) {
            const gk_cell *cell = gk_row_get(row, cols[c]);
            fputs("<td", out);
            if (cell)
                mark_attrs(out, f, m, cell, cell->text ? NULL : "n");
            fputc('>', out);
            if (cell)
                anchors(out, m, cell, doc_id, anchored);
            if (cell)
                gk_html_text(out, cell->text ? cell->text : gk_amount_format(cell->value, buf));
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
    free(cols);
}

void gk_findings_html_document(FILE *out, const gk_findings *f, const char *file,
                               gk_severity min, size_t index)
{
    const gk_report *r = f->report;
    char doc_id[32];
    snprintf(doc_id, sizeof doc_id, "d%zu", index);
    size_t n[3] = {0, 0, 0};
    for (size_t i = 0; i < f->n; i++)
        n[f->items[i].severity]++;
    char verdict[128];
    int at = snprintf(verdict, sizeof verdict, "%zu 个错误，%zu 个警告，%zu 条提示", n[GK_ERROR],
                      n[GK_WARNING], n[GK_INFO]);
    if (f->accepted && at > 0 && (size_t)at < sizeof verdict)
        snprintf(verdict + at, sizeof verdict - (size_t)at, "（另有 %zu 条已接受）", f->accepted);
    fprintf(out, "<section class=\"doc\" id=\"%s\" data-name=\"", doc_id);
    gk_html_text(out, file);
    fprintf(out, "\" data-verdict=\"%s\">\n<h2>", verdict);
    gk_html_text(out, file);
    fputs("</h2>\n<p class=\"meta\">", out);
    gk_html_text(out, r->unit ? r->unit : "（单位未识别）");
    if (r->year)
        fprintf(out, " · %d 年度", r->year);
    fprintf(out, " · %s</p>\n", r->kind == GK_DOC_BUDGET ? "预算" : r->kind == GK_DOC_FINAL ? "决算"
                                : r->kind == GK_DOC_PERFORMANCE ? "绩效" : "类型未识别");
    fprintf(out, "<p class=\"verdict\">%s</p>\n", verdict);
    const gk_coverage *c = &f->coverage;
    fprintf(out, "<p class=\"coverage\">核对范围：表格 %d 张，金额 %d 个；平衡关系 %d 条，成立 %d "
                 "条，不成立 %d 条，%d 条审核公式未评估；情况说明金额 %d 个，其中 %d 个已与表格对应</p>\n",
            c->tables, c->cells, c->evaluated, c->held, c->failed, c->not_evaluated,
            f->narrative.money, f->narrative.bound);

    marks m = {0};
    collect(f, min, &m);
    bool *linked = calloc(f->n + 1, sizeof *linked), *anchored = calloc(f->n + 1, sizeof *anchored);
    if (!linked || !anchored)
        gk_out_of_memory();
    for (size_t i = 0; i < m.n; i++)
        linked[m.items[i].finding] = true;
    fputs("<ol class=\"findings\">\n", out);
    for (int s = GK_ERROR; s >= (int)min; s--)          /* errors first */
        for (size_t i = 0; i < f->n; i++)
            if ((int)f->items[i].severity == s)
                finding_item(out, f, i, doc_id, linked[i]);
    fputs("</ol>\n", out);

    fprintf(out, "<details%s><summary>表格（%zu 张）</summary>\n", n[GK_ERROR] ? " open" : "",
            r->ntables);
    for (size_t t = 0; t < r->ntables; t++)
        table_html(out, f, &m, &r->tables[t], doc_id, anchored);
    fputs("</details>\n", out);
    if (r->nparagraphs) {
        fputs("<details><summary>情况说明</summary>\n", out);
        for (size_t p = 0; p < r->nparagraphs; p++) {
            const gk_paragraph *para = &r->paragraphs[p];
            fputs(para->heading ? "<h4" : "<p", out);
            mark_attrs(out, f, &m, para, NULL);
            fputc('>', out);
            anchors(out, &m, para, doc_id, anchored);
            gk_html_text(out, para->text);
            fputs(para->heading ? "</h4>\n" : "</p>\n", out);
        }
        fputs("</details>\n", out);
    }
    fputs("</section>\n", out);
    free(m.items);
    free(linked);
    free(anchored);
}

void gk_findings_html_unchecked(FILE *out, const char *file, const char *reason, bool skipped,
                                size_t index)
{
    fprintf(out, "<section class=\"doc\" id=\"d%zu\" data-name=\"", index);
    gk_html_text(out, file);
    fprintf(out, "\" data-verdict=\"%s\">\n<h2>", skipped ? "已跳过" : "无法读取");
    gk_html_text(out, file);
    fprintf(out, "</h2>\n<p class=\"verdict\">%s：", skipped ? "已跳过（不是公开文档）" : "无法读取");
    gk_html_text(out, reason);
    fputs("</p>\n</section>\n", out);
}
