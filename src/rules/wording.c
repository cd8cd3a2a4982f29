/*
 * wording.c — what official reviewers find in the prose (公开情况检查表).
 *
 *   DOC007   a comparison with the wrong year: "比2026年预算增加" in the
 *            2026 budget, "比2024年度增加" in the 2024 accounts
 *   DOC008   the template's alternatives left in: "增加（减少）",
 *            "增长（下降）", "（简单列举主要类型）"
 *   DOC009   a reason or use left empty: "主要原因是。", "主要用于；"
 *
 * The narrative is read as runs: consecutive paragraphs of one section,
 * joined without spaces.  A PDF gives a paragraph per printed line, so a
 * sentence wrapped over two lines ("…主要原因" / "是。") reads whole.
 */
#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "rules.h"
#include "../util/buf.h"
#include "../util/grow.h"

/* A run of narrative and where each of its paragraphs starts in it. */
typedef struct run {
    gk_buf text;
    size_t *starts;       /* offset in text of paragraph first + i */
    size_t first, n;
} run;

static bool same_section(const gk_paragraph *a, const gk_paragraph *b)
{
    if (!a->section || !b->section)
        return a->section == b->section;
    return strcmp(a->section, b->section) == 0;
}

/* Append s without ASCII spaces and ideographic spaces (U+3000). */
static void append_unspaced(gk_buf *b, const char *s)
{
    while (*s) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            s++;
        } else if (strncmp(s, "\u3000", 3) == 0) {
            s += 3;
        } else {
            gk_buf_putc(b, *s);
            s++;
        }
    }
}

/* The position of offset `at` in the run. */
static gk_pos pos_in(const gk_report *r, const run *rn, size_t at)
{
    size_t i = 0;
    while (i + 1 < rn->n && rn->starts[i + 1] <= at)
        i++;
    return r->paragraphs[rn->first + i].pos;
}

static gk_location located(const gk_report *r, const run *rn, size_t at, const char *value)
{
    gk_location loc = {0};
    loc.pos = pos_in(r, rn, at);
    loc.value = value;
    return loc;
}

/* The quoted words around offset `at` (for the message): up to `before`
 * and `after` characters, cut at a sentence end. */
static const char *quote(gk_findings *out, const char *text, size_t len, size_t at,
                         size_t match, int after)
{
    size_t from = at, to = at + match;
    for (int k = 0; k < after && to < len; k++) {
        if (strncmp(text + to, "。", 3) == 0 || strncmp(text + to, "；", 3) == 0 ||
            strncmp(text + to, "，", 3) == 0)
            break;
        to++;
        while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80)
            to++;
    }
    (void)from;
    return gk_report_strndup(out->report, text + from, to - from);
}

/* ---- DOC007: the year compared with ------------------------------------- */

static int year_at(const char *p)
{
    for (int i = 0; i < 4; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    if (p[0] != '2' || p[1] != '0' || (p[4] >= '0' && p[4] <= '9'))
        return 0;
    return (p[2] - '0') * 10 + (p[3] - '0') + 2000;
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Does the text after "比2025年(度)" continue a comparison of two years'
 * figures?  ("与2019年国民经济和社会发展计划…" does not.) */
static bool comparison_follows(const char *s)
{
    static const char *const WORDS[] = {
        "预算", "初预算", "年初", "决算", "执行", "增", "减", "持平", "基本持平", "相比",
        "同期", "多", "少", "相同", "下降", "上升", "提高", "降低", "（上一年度）", NULL};
    for (const char *const *w = WORDS; *w; w++)
        if (starts(s, *w))
            return true;
    return false;
}

/* A 决算 compares with its own year's budget: "比2024年年初预算增加". */
static bool own_budget_follows(const char *s)
{
    return starts(s, "预算") || starts(s, "初预算") || starts(s, "年初预算");
}

static void compared_year(const gk_report *r, const run *rn, gk_findings *out)
{
    if (!r->year || (r->kind != GK_DOC_BUDGET && r->kind != GK_DOC_FINAL))
        return;
    static const char *const MARKS[] = {"比", "较", "与", NULL};
    const char *text = rn->text.data;
    for (size_t at = 0; at < rn->text.len; at++) {
        const char *const *m = MARKS;
        while (*m && !starts(text + at, *m))
            m++;
        if (!*m)
            continue;
        const char *p = text + at + strlen(*m);
        int y = year_at(p);
        if (!y || !starts(p + 4, "年"))
            continue;
        const char *tail = p + 4 + strlen("年");
        if (starts(tail, "度"))
            tail += strlen("度");
        if (!comparison_follows(tail))
            continue;
        bool wrong = r->kind == GK_DOC_BUDGET ? y >= r->year
                                              : y > r->year || (y == r->year && !own_budget_follows(tail));
        if (!wrong)
            continue;
        const char *words = quote(out, text, rn->text.len, at, (size_t)(tail - (text + at)), 8);
        char year[8];
        snprintf(year, sizeof year, "%d", y);
        gk_location loc = located(r, rn, at, year);
        gk_report_finding(out, "DOC007", GK_ERROR, &loc,
                          "“%s”：比较的是 %d 年，本文档为 %d 年度%s，与上年比较应为 %d 年", words, y,
                          r->year, r->kind == GK_DOC_BUDGET ? "预算" : "决算", r->year - 1);
        return;   /* one per run: a copied paragraph repeats its slip */
    }
}

/* ---- DOC008: the template's alternatives ---------------------------------- */

static void alternatives(const gk_report *r, const run *rn, gk_findings *out)
{
    /* Either-or wording, and the template's instructions to the writer. */
    static const char *const CHOICES[] = {
        "增加（减少）", "减少（增加）", "增长（下降）", "下降（增长）", "增加(减少)", "减少(增加)",
        "增长(下降)", "下降(增长)", "上升（下降）", "下降（上升）", "大（小）于", "小（大）于",
        "高（低）于", "低（高）于", "大小于", NULL};
    static const char *const INSTRUCTIONS[] = {"（简单列举", "（以下略）", "（如持平作持平表述）",
                                               NULL};
    const char *text = rn->text.data;
    for (int k = 0; k < 2; k++)
        for (const char *const *m = k == 0 ? CHOICES : INSTRUCTIONS; *m; m++) {
            const char *hit = strstr(text, *m);
            if (!hit)
                continue;
            gk_location loc = located(r, rn, (size_t)(hit - text), *m);
            if (k == 0)
                gk_report_finding(out, "DOC008", GK_WARNING, &loc,
                                  "留有模板的备选措辞“%s”，应按实际情况只保留一种说法", *m);
            else
                gk_report_finding(out, "DOC008", GK_WARNING, &loc,
                                  "留有模板的填写说明“%s…”，应删去并写明实际内容", *m);
            return;
        }
}

/* ---- DOC009: a reason left empty ---------------------------------------- */

static void empty_reason(const gk_report *r, const run *rn, gk_findings *out)
{
    static const char *const LEADS[] = {"主要原因是", "主要原因为", "主要原因：", "原因是",
                                        "主要用于", "主要用途是", NULL};
    static const char *const ENDS[] = {"。", "；", "，", NULL};
    const char *text = rn->text.data;
    for (const char *const *l = LEADS; *l; l++) {
        for (const char *hit = strstr(text, *l); hit; hit = strstr(hit + 1, *l)) {
            const char *after = hit + strlen(*l);
            const char *const *e = ENDS;
            while (*e && !starts(after, *e))
                e++;
            if (!*e)
                continue;
            gk_location loc = located(r, rn, (size_t)(hit - text), *l);
            gk_report_finding(out, "DOC009", GK_WARNING, &loc,
                              "“%s%s”：%s后没有内容，应写明%s", *l, *e, *l,
                              strstr(*l, "用") ? "具体用途" : "具体原因");
            return;
        }
    }
}

/* ---- Runs --------------------------------------------------------------- */

void gk_check_wording(const gk_report *r, gk_findings *out)
{
    run rn = {GK_BUF_INIT, NULL, 0, 0};
    size_t cap = 0;
    for (size_t i = 0; i < r->nparagraphs;) {
        const gk_paragraph *p = &r->paragraphs[i];
        if (p->heading) {
            i++;
            continue;
        }
        rn.text.len = 0;
        rn.first = i;
        rn.n = 0;
        for (; i < r->nparagraphs && !r->paragraphs[i].heading &&
               same_section(&r->paragraphs[i], p);
             i++) {
            rn.starts = gk_grow(rn.starts, &cap, rn.n, sizeof *rn.starts);
            rn.starts[rn.n++] = rn.text.len;
            append_unspaced(&rn.text, r->paragraphs[i].text);
        }
        gk_buf_putc(&rn.text, '\0');
        rn.text.len--;
        compared_year(r, &rn, out);
        alternatives(r, &rn, out);
        empty_reason(r, &rn, out);
    }
    gk_buf_free(&rn.text);
    free(rn.starts);
}
