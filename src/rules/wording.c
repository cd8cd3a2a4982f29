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
 *   DOC014   部门 wording in a 单位 document where the document itself says
 *            the same thing of its 单位 ("2026年部门预算安排购置车辆…；单位
 *            预算安排购置单价100万元以上设备"), and the reverse
 *   DOC015   the level of the template's fixed phrases ("市级预算主管部门",
 *            "与市级财政有经费领拨关系", "2025年区级部门预算") against the
 *            document's own level (gk_report.level: from its title or unit name)
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

/* ---- The whole prose, for DOC014 and DOC015 ------------------------------ */

/* Is paragraph p read from a table's cells (a row the reader did not take
 * as a table: cells joined by TABs) or from the glossary, whose wording is
 * general ("三公经费：指部门用…")? */
static bool general_text(const gk_paragraph *p, bool glossary)
{
    return strchr(p->text, '\t') || (!glossary && p->section && strstr(p->section, "名词解释"));
}

/* The document's prose as one run: every paragraph unspaced, the general
 * ones (general_text; the glossary unless `glossary`) blanked, a line
 * break after each heading. */
static void whole_prose(const gk_report *r, run *rn, size_t *cap, bool glossary)
{
    rn->text.len = 0;
    rn->first = 0;
    rn->n = 0;
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        rn->starts = gk_grow(rn->starts, cap, rn->n, sizeof *rn->starts);
        rn->starts[rn->n++] = rn->text.len;
        if (general_text(p, glossary)) {
            gk_buf_putc(&rn->text, '\n');
            continue;
        }
        append_unspaced(&rn->text, p->text);
        if (p->heading)
            gk_buf_putc(&rn->text, '\n');
    }
    gk_buf_putc(&rn->text, '\0');
    rn->text.len--;
}

/* ---- DOC014: 部门 or 单位 ------------------------------------------------- */

/* What the document says of itself after its scope word: "单位预算安排购置
 * 车辆", "部门主要职能". */
static const char *const SCOPED[] = {"预算安排购置", "决算安排购置", "主要职能", "主要职责",
                                     "机构设置", "预算编制说明", "决算编制说明", "概况", NULL};
/* Not "整体支出": the 绩效 form keeps its national title (部门整体支出绩效目标
 * 表) in a 单位's document too. */

/* Words before 部门/单位 that make it another body: "所属单位主要职能",
 * "有关部门", "预算单位", "主管部门". */
static bool qualified(const char *text, const char *at)
{
    static const char *const BEFORE[] = {"所属", "下属", "各", "有关", "相关", "其他", "基层",
                                         "二级", "主管", "职能", "预算", "其", "等", "和",
                                         "、", "及", "本级", "行政", "事业", "执法", NULL};
    for (const char *const *w = BEFORE; *w; w++) {
        size_t n = strlen(*w);
        if ((size_t)(at - text) >= n && memcmp(at - n, *w, n) == 0)
            return true;
    }
    return false;
}

/* The first unqualified `scope` + `phrase` in the text, or NULL. */
static const char *scoped_at(const char *text, const char *scope, const char *phrase)
{
    char want[64];
    snprintf(want, sizeof want, "%s%s", scope, phrase);
    for (const char *hit = strstr(text, want); hit; hit = strstr(hit + 1, want))
        if (!qualified(text, hit))
            return hit;
    return NULL;
}

/* Does "本部门" at [at, end) begin a statement of the document about its
 * own figures ("。本部门2026年无政府采购预算", "，本部门当年收入…")?  Not a
 * project's name in a cell ("本部门市立项目…") nor a template's note to the
 * writer ("部门应公开本部门绩效"). */
static bool self_statement(const char *text, const char *at, const char *end)
{
    static const char *const BEFORE[] = {"。", "，", "；", "：", "\n", NULL};
    static const char *const AFTER[] = {"20", "年", "当年", "本年", "无", "没有", "未", "共",
                                        "收入", "支出", "预算", "决算", "政府采购", "机关运行",
                                        "“三公", "三公", "一般公共预算", "财政拨款", NULL};
    bool begins = at == text;
    for (const char *const *b = BEFORE; *b && !begins; b++) {
        size_t n = strlen(*b);
        begins = (size_t)(at - text) >= n && memcmp(at - n, *b, n) == 0;
    }
    if (!begins)
        return false;
    for (const char *const *a = AFTER; *a; a++)
        if (starts(end, *a))
            return true;
    return false;
}

/* The text of a heading after its number: "二、部门机构设置" → "部门机构设置",
 * "第一部分 单位概况" → "单位概况", "（三）…", "3．…"; NULL when the text does not
 * open with a heading number. */
static const char *after_number(const char *s)
{
    static const char *const CN[] = {"一", "二", "三", "四", "五", "六", "七", "八",
                                     "九", "十", NULL};
    bool paren = starts(s, "（") || *s == '(';
    const char *p = paren ? s + (*s == '(' ? 1 : strlen("（")) : s;
    bool part = !paren && starts(p, "第");
    if (part)
        p += strlen("第");
    const char *q = p;
    for (bool more = true; more;) {
        more = false;
        if (*q >= '0' && *q <= '9') {
            q++;
            more = true;
        }
        for (const char *const *c = CN; *c && !more; c++)
            if (starts(q, *c)) {
                q += strlen(*c);
                more = true;
            }
    }
    if (q == p)
        return NULL;
    static const char *const ENDS[] = {"、", "．", ".", "）", ")", "部分", NULL};
    for (const char *const *e = ENDS; *e; e++)
        if (starts(q, *e) && (part == (strcmp(*e, "部分") == 0)) &&
            (paren == (strcmp(*e, "）") == 0 || strcmp(*e, ")") == 0)))
            return q + strlen(*e);
    return NULL;
}

/* What a heading of the template names the document by: "二、单位机构设置",
 * "第一部分 部门概况", "四、单位预算编制说明". */
static const char *const HEADED[] = {"主要职能", "主要职责", "机构设置", "概况",
                                     "预算编制说明", "决算编制说明", "预算表", "决算表",
                                     "预算情况说明", "决算情况说明", NULL};

/* DOC014 on headings: a heading that names the document by the other scope
 * word ("一、部门主要职能" in a 单位预算) is a copy from the other template,
 * whatever the rest of the document says. */
static void scope_headings(const gk_report *r, const char *scope, const char *kind_word,
                           gk_findings *out)
{
    bool unit = strcmp(scope, "单位") == 0;
    const char *other = unit ? "部门" : "单位";
    gk_buf b = GK_BUF_INIT;
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        if (general_text(p, false) || strlen(p->text) > 90)
            continue;
        b.len = 0;
        append_unspaced(&b, p->text);
        gk_buf_putc(&b, '\0');
        const char *h = after_number(b.data);
        if (!h || !starts(h, other))
            continue;
        /* In a 部门's document only a top heading: a sub-heading may be of
         * one of its units ("（二）单位概况" under the unit's name). */
        if (!unit && (starts(b.data, "（") || b.data[0] == '('))
            continue;
        const char *rest = h + strlen(other);
        const char *const *w = HEADED;
        while (*w && !(starts(rest, *w) && (!rest[strlen(*w)] || starts(rest + strlen(*w), "及") ||
                                              starts(rest + strlen(*w), "情况"))))
            w++;
        if (!*w)
            continue;
        gk_location loc = {0};
        loc.pos = p->pos;
        loc.value = gk_report_strdup(out->report, h);
        gk_report_finding(out, "DOC014", GK_WARNING, &loc,
                          "标题“%s”：本文档为%s%s，标题应为“%s%s”", b.data, scope, kind_word,
                          scope, *w);
        break;      /* one: the other template's headings come together */
    }
    gk_buf_free(&b);
}

static void scope_words(const gk_report *r, const run *rn, gk_findings *out)
{
    const char *kind_word = NULL, *scope = gk_report_scope(r, &kind_word);
    if (!scope || !kind_word)
        return;
    scope_headings(r, scope, kind_word, out);
    bool unit = strcmp(scope, "单位") == 0;
    const char *other = unit ? "部门" : "单位";
    const char *text = rn->text.data;
    for (const char *const *p = SCOPED; *p; p++) {
        const char *own = scoped_at(text, scope, *p), *wrong = scoped_at(text, other, *p);
        if (!own || !wrong)
            continue;
        const char *words = quote(out, text, rn->text.len, (size_t)(wrong - text),
                                  strlen(other) + strlen(*p), 6);
        gk_location loc = located(r, rn, (size_t)(wrong - text), words);
        gk_report_finding(out, "DOC014", GK_WARNING, &loc,
                          "“%s”：本文档为%s%s，文中同一说法另处写作“%s%s”，此处的“%s”应为“%s”",
                          words, scope, kind_word, scope, *p, other, scope);
    }
    /* "本部门" in a 单位 document that speaks of itself as 本单位.  Not the
     * reverse: a 部门 of one unit says 本单位 as well. */
    if (!unit || (!strstr(text, "本单位") && !strstr(text, "我单位")))
        return;
    static const char *const SELF[] = {"本部门", "我部门", NULL};
    for (const char *const *s = SELF; *s; s++) {
        const char *hit = strstr(text, *s);
        while (hit && !self_statement(text, hit, hit + strlen(*s)))
            hit = strstr(hit + 1, *s);
        if (!hit)
            continue;
        const char *words = quote(out, text, rn->text.len, (size_t)(hit - text), strlen(*s), 8);
        gk_location loc = located(r, rn, (size_t)(hit - text), words);
        gk_report_finding(out, "DOC014", GK_WARNING, &loc,
                          "“%s”：本文档为单位%s，文中自称“本单位”，此处的“%s”应为“%s单位”", words,
                          kind_word, *s, strncmp(*s, "我", 3) == 0 ? "我" : "本");
        return;
    }
}

/* ---- DOC015: 市级, 区级, 县级 ---------------------------------------------- */

static const char *const LEVEL_WORDS[] = {"市", "区", "县", NULL};

/* The document's level as an index into LEVEL_WORDS, from the level the
 * reader took from its title or unit name (gk_report.level); -1 when it is
 * not known or is none of 市, 区, 县. */
static int doc_level(const gk_report *r)
{
    if (!r->level)
        return -1;
    for (int w = 0; LEVEL_WORDS[w]; w++)
        if (starts(r->level, LEVEL_WORDS[w]) && strcmp(r->level + strlen(LEVEL_WORDS[w]), "级") == 0)
            return w;
    return -1;
}

/* The template's fixed phrases after "X级" that name the document's own
 * level ("区级预算主管部门及所属预算单位", "与区级财政有经费领拨关系"). */
static const char *const LEVEL_PHRASES[] = {"预算主管部门", "财政有经费领拨关系", NULL};
/* … and a title's "2025年区级部门预算". */
static const char *const LEVEL_TITLES[] = {"部门预算", "单位预算", "部门决算", "单位决算", NULL};

static void level_words(const gk_report *r, const run *rn, gk_findings *out)
{
    int level = doc_level(r);
    if (level < 0)
        return;
    const char *text = rn->text.data;
    unsigned reported = 0;   /* bit per (level word, phrase) */
    for (const char *p = strstr(text, "级"); p; p = strstr(p + 1, "级")) {
        if ((size_t)(p - text) < 3)
            continue;
        int w = 0;
        while (LEVEL_WORDS[w] && memcmp(p - 3, LEVEL_WORDS[w], 3) != 0)
            w++;
        if (!LEVEL_WORDS[w] || w == level)
            continue;
        const char *after = p + strlen("级");
        int k = -1;
        for (int i = 0; LEVEL_PHRASES[i] && k < 0; i++)
            if (starts(after, LEVEL_PHRASES[i]))
                k = i;
        bool title = false;
        for (int i = 0; LEVEL_TITLES[i] && k < 0; i++)
            if (starts(after, LEVEL_TITLES[i]) && (size_t)(p - text) >= 6 &&
                memcmp(p - 6, "年", 3) == 0) {
                k = 4 + i;
                title = true;
            }
        if (k < 0 || reported & (1u << (w * 8 + k)))
            continue;
        reported |= 1u << (w * 8 + k);
        const char *words = quote(out, text, rn->text.len, (size_t)(p - 3 - text),
                                  6 + strlen(title ? LEVEL_TITLES[k - 4] : LEVEL_PHRASES[k]), 0);
        gk_location loc = located(r, rn, (size_t)(p - 3 - text), words);
        gk_report_finding(out, "DOC015", GK_WARNING, &loc,
                          "“%s”：本文档是%s级单位（%s）的%s，此处的“%s级”应为“%s级”", words,
                          LEVEL_WORDS[level], r->unit, r->kind == GK_DOC_FINAL ? "决算" : "预算",
                          LEVEL_WORDS[w], LEVEL_WORDS[level]);
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
    whole_prose(r, &rn, &cap, false);
    scope_words(r, &rn, out);
    whole_prose(r, &rn, &cap, true);    /* the glossary holds the level's phrases */
    level_words(r, &rn, out);
    gk_buf_free(&seen);
    gk_buf_free(&rn.text);
    free(rn.starts);
}
