/*
 * wording.c — what official reviewers find in the prose (公开情况检查表).
 *
 *   DOC007   a comparison with the wrong year: "比2026年预算增加" in the
 *            2026 budget, "比2024年度增加" in the 2024 accounts
 *   DOC008   the template's alternatives left in: "增加（减少）",
 *            "增长（下降）", "（简单列举主要类型）"
 *   DOC009   a reason or use left empty: "主要原因是。", "主要用于；"
 *   DOC013   a 类/款/项 named in the prose by a name of another year
 *            ("医疗卫生与计划生育支出（类）" in 2024), a 款 named as its 类
 *            ("住房保障支出（类）住房保障支出（款）"), a 项 put under another 款
 *
 * The narrative is read as runs: consecutive paragraphs of one section,
 * joined without spaces.  A PDF gives a paragraph per printed line, so a
 * sentence wrapped over two lines ("…主要原因" / "是。") reads whole.
 */
#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "gongkai/catalog.h"
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

/* ---- DOC013: classification names in the prose -------------------------- */

/* "（类）" / "(类)" … at s: its length, 0 if none.  level 1 类, 2 款, 3 项. */
static size_t level_mark(const char *s, int level)
{
    static const char *const WORDS[] = {"类", "款", "项"};
    const char *w = WORDS[level - 1];
    size_t n = 0;
    if (starts(s, "（"))
        n = strlen("（");
    else if (*s == '(')
        n = 1;
    else
        return 0;
    if (!starts(s + n, w))
        return 0;
    n += strlen(w);
    if (starts(s + n, "）"))
        return n + strlen("）");
    if (s[n] == ')')
        return n + 1;
    return 0;
}

static bool ideograph(const char *s)
{
    unsigned char a = (unsigned char)s[0];
    return a >= 0xE4 && a <= 0xE9 && ((unsigned char)s[1] & 0xC0) == 0x80 &&
           ((unsigned char)s[2] & 0xC0) == 0x80;
}

/* The name from s up to the mark of `level` ("行政事业单位养老支出（款）"): its
 * length, 0 when the mark does not follow within a name's reach.  A name may
 * hold a bracket of its own ("政府办公厅（室）及相关机构事务"). */
static size_t name_before_mark(const char *s, int level, size_t *mark)
{
    size_t n = 0;
    for (int chars = 0; chars < 40 && s[n]; chars++) {
        if ((*mark = level_mark(s + n, level)))
            return n;
        for (int l = 1; l <= 3; l++)
            if (level_mark(s + n, l))
                return 0;
        if (ideograph(s + n)) {
            n += 3;
        } else if (starts(s + n, "（") || s[n] == '(') {
            n += s[n] == '(' ? 1 : strlen("（");   /* （室） */
        } else if (starts(s + n, "）") || s[n] == ')') {
            n += s[n] == ')' ? 1 : strlen("）");
        } else {
            return 0;
        }
    }
    return 0;
}

static bool holds_in(const gk_catalog_entry *e, int year)
{
    return (!e->from || e->from <= year) && (!e->to || year <= e->to);
}

static bool tables_hold(const gk_report *r, const char *code)
{
    for (size_t t = 0; t < r->ntables; t++)
        for (size_t i = 0; i < r->tables[t].nrows; i++)
            if (r->tables[t].rows[i].code && strcmp(r->tables[t].rows[i].code, code) == 0)
                return true;
    return false;
}

static bool same_key(const char *a, const char *b)
{
    char ka[GK_NAME_KEY_MAX], kb[GK_NAME_KEY_MAX];
    gk_name_key(a, ka);
    gk_name_key(b, kb);
    return strcmp(ka, kb) == 0;
}

/* Findings already made in this document, one per name and kind ("年|医疗卫生
 * 与计划生育支出"): a chain copied into several paragraphs is one mistake. */
static bool first_time(gk_buf *seen, const char *kind, const char *name)
{
    gk_buf k = GK_BUF_INIT;
    gk_buf_printf(&k, "\n%s|%s\n", kind, name);
    bool fresh = !seen->data || !strstr(seen->data, k.data);
    if (fresh) {
        if (!seen->len)
            gk_buf_putc(seen, '\n');
        gk_buf_puts(seen, k.data + 1);
    }
    gk_buf_free(&k);
    return fresh;
}

/* The name holds for its code in other years only, and the name of the
 * document's year is confirmed: "文化体育与传媒支出（类）" in a 2025 document. */
static void other_year(const gk_report *r, const run *rn, gk_findings *out, gk_buf *seen,
                       const char *name, size_t at, const char *code, const char *level_word)
{
    const gk_catalog_entry *now = NULL;
    if (gk_catalog_check_name(GK_CLASS_FUNCTIONAL, code, name, r->year, &now) !=
            GK_NAME_OTHER_YEAR ||
        !now || !now->confirmed || !holds_in(now, r->year))
        return;
    /* The years the printed name held. */
    const gk_catalog_entry *old = NULL;
    size_t n;
    const gk_catalog_entry *all = gk_catalog_entries(GK_CLASS_FUNCTIONAL, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(all[i].code, code) == 0 && !holds_in(&all[i], r->year) &&
            same_key(all[i].name, name))
            old = &all[i];
    if (!old || !old->to || old->to >= r->year || !first_time(seen, "年", name))
        return;
    char years[32];
    if (old->from)
        snprintf(years, sizeof years, "%d—%d 年", old->from, old->to);
    else
        snprintf(years, sizeof years, "%d 年及以前", old->to);
    gk_location loc = located(r, rn, at, name);
    gk_report_finding(out, "DOC013", GK_WARNING, &loc,
                      "“%s”是 %s的%s级科目名称，%d 年 %s %s的名称为“%s”；应使用当年的科目名称",
                      name, years, level_word, r->year, code, level_word, now->name);
}

static void class_names(const gk_report *r, const run *rn, gk_findings *out, gk_buf *seen)
{
    if (!r->year)
        return;
    const char *text = rn->text.data;
    for (size_t at = 0; at < rn->text.len; at++) {
        if (starts(text + at, "“")) {
            /* A 类 quoted by its name alone: "5.“文化体育与传媒支出”82.51万元". */
            size_t from = at + strlen("“"), to = from;
            while (to < rn->text.len && to - from < 60 && ideograph(text + to))
                to += 3;
            if (to > from + 6 && starts(text + to, "”")) {
                const char *nm = gk_report_strndup(out->report, text + from, to - from);
                const gk_catalog_entry *e = gk_catalog_find_name(GK_CLASS_FUNCTIONAL, nm, NULL, 1,
                                                                 r->year);
                if (e)
                    other_year(r, rn, out, seen, nm, from, e->code, "类");
            }
        }
        size_t m1 = level_mark(text + at, 1);
        if (!m1)
            continue;
        /* The 类's name: the longest run of ideographs before the mark that
         * names a 类 ("由于公共安全" names 公共安全支出 by "公共安全"). */
        size_t from = at;
        for (int k = 0; k < 20 && from >= 3 && ideograph(text + from - 3); k++)
            from -= 3;
        const gk_catalog_entry *e1 = NULL;
        const char *name1 = NULL;
        size_t at1 = 0;
        for (size_t f = from; f + 6 <= at && !e1; f += 3) {
            const char *nm = gk_report_strndup(out->report, text + f, at - f);
            if ((e1 = gk_catalog_find_name(GK_CLASS_FUNCTIONAL, nm, NULL, 1, r->year))) {
                name1 = nm;
                at1 = f;
            }
        }
        if (!e1)
            continue;
        other_year(r, rn, out, seen, name1, at1, e1->code, "类");
        /* The 款 right after it, and the 项 after that. */
        size_t p2 = at + m1, m2 = 0;
        size_t len2 = name_before_mark(text + p2, 2, &m2);
        if (!len2)
            continue;
        const char *name2 = gk_report_strndup(out->report, text + p2, len2);
        size_t p3 = p2 + len2 + m2, m3 = 0;
        size_t len3 = name_before_mark(text + p3, 3, &m3);
        const char *name3 = len3 ? gk_report_strndup(out->report, text + p3, len3) : NULL;
        /* The 项 where it belongs under the 类, when only one 项 of it has the name. */
        const gk_catalog_entry *e3 =
            name3 ? gk_catalog_find_name(GK_CLASS_FUNCTIONAL, name3, e1->code, 3, r->year) : NULL;
        const gk_catalog_entry *home = NULL;   /* the 款 of that 项 */
        char home_code[8] = "";
        if (e3 && strlen(e3->code) == 7) {
            memcpy(home_code, e3->code, 5);
            home = gk_catalog_lookup(GK_CLASS_FUNCTIONAL, home_code, r->year);
            if (home && !holds_in(home, r->year))
                home = NULL;
        }
        if (same_key(name2, name1) || same_key(name2, e1->name)) {
            /* "住房保障支出（类）住房保障支出（款）住房公积金（项）". */
            if (!first_time(seen, "同", name2))
                continue;
            gk_location loc = located(r, rn, p2, name2);
            if (home)
                gk_report_finding(out, "DOC013", GK_WARNING, &loc,
                                  "“%s（类）%s（款）”：款名与类名相同；其下“%s（项）”属于“%s %s”款，款名应为“%s”",
                                  name1, name2, name3, home->code, home->name, home->name);
            else
                gk_report_finding(out, "DOC013", GK_WARNING, &loc,
                                  "“%s（类）%s（款）”：款名与类名相同；应写明该款的名称", name1,
                                  name2);
            continue;
        }
        const gk_catalog_entry *e2 =
            gk_catalog_find_name(GK_CLASS_FUNCTIONAL, name2, e1->code, 2, r->year);
        if (!e2)
            continue;
        other_year(r, rn, out, seen, name2, p2, e2->code, "款");
        if (!name3)
            continue;
        const gk_catalog_entry *e3k =
            gk_catalog_find_name(GK_CLASS_FUNCTIONAL, name3, e2->code, 3, r->year);
        if (e3k) {
            other_year(r, rn, out, seen, name3, p3, e3k->code, "项");
            continue;
        }
        /* The 项 is another 款's, and the document's table prints it there. */
        if (home && strncmp(e3->code, e2->code, 5) != 0 && tables_hold(r, e3->code) &&
            first_time(seen, "款", name3)) {
            gk_location loc = located(r, rn, p3, name3);
            gk_report_finding(out, "DOC013", GK_WARNING, &loc,
                              "“%s（款）%s（项）”：“%s”（%s）属于“%s %s”款，不属于“%s %s”款；应与表中科目一致",
                              name2, name3, name3, e3->code, home->code, home->name, e2->code,
                              e2->name);
        }
    }
}

/* ---- Runs --------------------------------------------------------------- */

void gk_check_wording(const gk_report *r, gk_findings *out)
{
    run rn = {GK_BUF_INIT, NULL, 0, 0};
    size_t cap = 0;
    gk_buf seen = GK_BUF_INIT;
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
        class_names(r, &rn, out, &seen);
    }
    gk_buf_free(&seen);
    gk_buf_free(&rn.text);
    free(rn.starts);
}
