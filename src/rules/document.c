/*
 * document.c — completeness and consistency of the document as a whole.
 *
 *   COMP001  a table the 决算 set requires is missing
 *   COMP002  a part of the text every 决算/预算 must have is missing (三公,
 *            机关运行经费, 政府采购, 国有资产, 绩效, 名词解释)
 *   COMP003  a table printed without a single figure and without a note
 *            saying why it is empty
 *   FUND001  an empty table's note names the other fund (政府性基金 vs
 *            国有资本经营: a common copy-paste slip)
 *   DOC001   template residue left in the text (XX局, ××, 待填写 …)
 *   DOC002   doubled punctuation (。。 ，， ；； 、、)
 *   DOC003   a heading, title or "截至…12月31日" naming another year
 *   DOC004   a table headed by another unit name than the document's
 *   DOC005   a table titled 部门… in a 单位 document, or the reverse
 *   DOC006   a 情况说明 without tables: its figures could not be checked
 *            against them (they are often published as a second file)
 */
#include <stdio.h>
#include <string.h>

#include "../narrative/prose.h"
#include "rules.h"
#include "../util/buf.h"

/* ---- Completeness ------------------------------------------------------ */

static const gk_table_kind FINAL_SET[] = {
    GK_TABLE_SUMMARY,     GK_TABLE_INCOME,      GK_TABLE_EXPENSE,
    GK_TABLE_FISCAL_SUMMARY, GK_TABLE_GPB_EXPENSE, GK_TABLE_GPB_BASIC,
    GK_TABLE_GOV_FUND,    GK_TABLE_STATE_CAPITAL, GK_TABLE_THREE_PUBLIC,
};

static gk_location document_start(const gk_report *r)
{
    gk_location loc = {0};
    loc.pos.line = 1;
    if (r->ntables)
        loc.pos = r->tables[0].pos;
    return loc;
}

static void check_required(const gk_report *r, gk_findings *out)
{
    if (r->kind != GK_DOC_FINAL || r->ntables == 0)
        return;
    for (size_t i = 0; i < sizeof FINAL_SET / sizeof *FINAL_SET; i++)
        if (!gk_report_find_table(r, FINAL_SET[i])) {
            gk_location loc = document_start(r);
            gk_report_finding(out, "COMP001", GK_ERROR, &loc,
                              "缺少“%s”：部门决算应公开该表，无数据时应公开空表并说明原因",
                              gk_table_kind_title(FINAL_SET[i]));
        }
}

/* Is page p within a table: from its title's page to its last row's, or,
 * for a table of which no row was read (a 项目 table of long texts in
 * cells), to the page before the next table's title? */
static bool on_table_page(const gk_report *r, int p)
{
    for (size_t k = 0; k < r->ntables; k++) {
        const gk_table *t = &r->tables[k];
        int from = t->pos.page, to = from;
        for (size_t i = 0; i < t->nrows; i++)
            if (t->rows[i].pos.page > to)
                to = t->rows[i].pos.page;
        if (t->nrows == 0 && k + 1 < r->ntables && r->tables[k + 1].pos.page > from)
            to = r->tables[k + 1].pos.page - 1;
        if (from && p >= from && p <= to)
            return true;
    }
    return false;
}

/* A 情况说明 in the document: gk_report_has_narrative's paragraphs stating
 * amounts, counting in a paged document only those off the tables' pages —
 * a 公开报表 alone has prose only in its cells (project application texts
 * of a 专项业务经费表: "特申请财政专项预算75.15万元"). */
static bool has_explanation(const gk_report *r)
{
    enum { ENOUGH = 3 };
    if (!gk_report_has_narrative(r))
        return false;
    int n = 0;
    for (size_t i = 0; i < r->nparagraphs && n < ENOUGH; i++) {
        const gk_paragraph *g = &r->paragraphs[i];
        if (!g->pos.page)
            return true;                    /* no pages: text input */
        n += !g->heading && gk_text_states_amount(g->text) && !on_table_page(r, g->pos.page);
    }
    return n >= ENOUGH;
}

/* COMP002: the parts of the text every 决算 and 预算 must have.  A part is
 * present when a heading or paragraph names it. */
static void check_sections(const gk_report *r, gk_findings *out)
{
    static const struct {
        const char *part;
        const char *words[3];
    } PARTS[] = {
        {"“三公”经费情况说明", {"三公"}},
        {"机关运行经费情况说明", {"机关运行经费"}},
        {"政府采购情况说明", {"政府采购"}},
        {"国有资产占用情况说明", {"国有资产", "车辆"}},
        {"预算绩效情况说明", {"绩效"}},
        {"名词解释", {"名词解释"}},
    };
    /* Tables published without their 情况说明 (a 公开报表 of its own, its
     * 目录 and notes the only text): the parts are in the other file. */
    if ((r->kind != GK_DOC_FINAL && r->kind != GK_DOC_BUDGET) || r->nparagraphs == 0 ||
        r->ntables == 0 || !has_explanation(r))
        return;
    for (size_t k = 0; k < sizeof PARTS / sizeof *PARTS; k++) {
        bool found = false;
        for (size_t i = 0; i < r->nparagraphs && !found; i++)
            for (int w = 0; w < 3 && PARTS[k].words[w] && !found; w++)
                found = strstr(r->paragraphs[i].text, PARTS[k].words[w]) != NULL;
        if (found)
            continue;
        gk_location loc = document_start(r);
        gk_report_finding(out, "COMP002", GK_ERROR, &loc, "情况说明缺少“%s”：%s应公开该部分内容，无此事项的也应说明",
                          PARTS[k].part, r->kind == GK_DOC_FINAL ? "部门决算" : "部门预算");
    }
}

/* COMP003: an empty table must say why it is empty ("本部门无…，故本表无
 * 数据").  Many units say it in the 情况说明 instead ("2022年度无政府性基金
 * 预算财政拨款收支，已公开空表"): that is accepted.  A table printed without
 * a figure while the 情况说明 states a non-zero amount for it (a 三公 table
 * emptied, with 年初预算 0.95万元 in the text) is an error; one explained
 * nowhere, a warning.  Forms (绩效) are not tables of figures, nor perhaps
 * a table of no known kind; a table the reader could not fully read
 * (partial) is not judged. */
static bool is_form(gk_table_kind k)
{
    return k == GK_TABLE_PERF_PROJECT || k == GK_TABLE_PERF_OVERALL ||
           k == GK_TABLE_PERF_TARGET_PROJECT || k == GK_TABLE_PERF_TARGET_OVERALL ||
           k == GK_TABLE_PERF_TARGET_FUND;
}

/* The word the 情况说明 uses for what the table shows, or NULL.  For the
 * 一般公共预算 tables the word only explains an empty table ("一般公共预算拨款
 * 支出预算为0"): it heads too many other figures ("一般公共预算“三公”经费")
 * to bind an amount to the table (*explain_only). */
static const char *subject_word(gk_table_kind k, bool *explain_only)
{
    *explain_only = false;
    switch (k) {
    case GK_TABLE_GPB_EXPENSE:
    case GK_TABLE_GPB_BASIC:
    case GK_TABLE_BUDGET_GPB_FUNCTION:
    case GK_TABLE_BUDGET_GPB_ECONOMIC:
    case GK_TABLE_BUDGET_GPB_BASIC_FUNCTION:
    case GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC: *explain_only = true; return "一般公共预算";
    case GK_TABLE_GOV_FUND:
    case GK_TABLE_BUDGET_GOV_FUND: return "政府性基金";
    case GK_TABLE_STATE_CAPITAL:
    case GK_TABLE_BUDGET_STATE_CAPITAL: return "国有资本经营";
    case GK_TABLE_THREE_PUBLIC:
    case GK_TABLE_BUDGET_THREE_PUBLIC: return "三公";
    default: return NULL;
    }
}

/* What a clause says of the fund it names: the prose binds an amount to its
 * own clause ("一般公共预算拨款支出预算30,441万元；政府性基金拨款支出预算为0"),
 * never to the sentence's other clauses. */
typedef enum { SAYS_NOTHING, SAYS_ZERO, SAYS_AMOUNT } clause_says;

static bool clause_end(const char *p)
{
    /* The stream is NFKC: ，； are ',' ';'.  A ',' between digits groups them. */
    if (*p == ';' || *p == '\n' || *p == ':' || strncmp(p, "。", strlen("。")) == 0)
        return true;
    return *p == ',' && !(p[1] >= '0' && p[1] <= '9');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The first figure of the clause from `p` on that is money ("0.95万元"), or a
 * bare zero ending it ("为0；"); years, rates and counts are passed over. */
static clause_says clause_amount(const char *p, char *buf, size_t size)
{
    for (; *p && !clause_end(p); p++) {
        /* "分别" lists amounts in another order than the names; after
         * "比"/"较" the amounts are the year before's or a change. */
        if (strncmp(p, "分别", strlen("分别")) == 0 || strncmp(p, "比", strlen("比")) == 0 ||
            strncmp(p, "较", strlen("较")) == 0)
            return SAYS_NOTHING;
        if (!is_digit(*p))
            continue;
        const char *q = p;
        while (is_digit(*q) || *q == '.' || (*q == ',' && is_digit(q[1])))
            q++;
        gk_amount a;
        bool number = gk_amount_parse(p, (size_t)(q - p), &a) == GK_AMOUNT_OK;
        const char *unit = strncmp(q, "万元", strlen("万元")) == 0   ? "万元"
                           : strncmp(q, "亿元", strlen("亿元")) == 0 ? "亿元"
                           : strncmp(q, "元", strlen("元")) == 0     ? "元"
                                                                     : NULL;
        if (number && unit) {
            if (gk_amount_is_zero(a))
                return SAYS_ZERO;
            gk_format(buf, size, "%.*s%s", (int)(q - p), p, unit);
            return SAYS_AMOUNT;
        }
        if (number && gk_amount_is_zero(a) && (!*q || clause_end(q)))
            return SAYS_ZERO;
        p = q - 1;
    }
    return SAYS_NOTHING;
}

/* Does the sentence [s, e) name a fund other than `word`'s? */
static bool names_other_fund(const char *s, const char *e, const char *word)
{
    static const char *const FUNDS[] = {"一般公共预算", "政府性基金", "国有资本经营", NULL};
    for (int i = 0; FUNDS[i]; i++) {
        if (strcmp(FUNDS[i], word) == 0)
            continue;
        const char *f = strstr(s, FUNDS[i]);
        if (f && f < e)
            return true;
    }
    return false;
}

static bool says_none(const char *s, const char *e)
{
    static const char *const WORDS[] = {"无", "没有", "空表", NULL};
    for (int i = 0; WORDS[i]; i++) {
        const char *f = strstr(s, WORDS[i]);
        if (f && f < e)
            return true;
    }
    return false;
}

/* What the 情况说明 says of `word`: the first non-zero amount a clause naming
 * it states (in `buf`, its sentence's paragraph in *where), and whether any
 * sentence explains the empty table (无, 没有, 空表, a zero). */
static const char *stated_for(const gk_report *r, const prose *pr, const char *word,
                              bool explain_only, char *buf, size_t size,
                              const gk_paragraph **where, bool *explained)
{
    for (const char *s = pr->text; *s; ) {
        const char *e = strchr(s, '\n');
        if (!e)
            e = s + strlen(s);
        const prose_piece *piece = prose_piece_at(pr, (size_t)(s - pr->text));
        const gk_paragraph *para = piece ? &r->paragraphs[piece->para] : NULL;
        const char *in_section = para && para->section ? strstr(para->section, word) : NULL;
        bool named = false;
        for (const char *w = strstr(s, word); w && w < e; w = strstr(w + 1, word)) {
            named = true;
            clause_says says = clause_amount(w + strlen(word), buf, size);
            if (says == SAYS_ZERO)
                *explained = true;
            if (says == SAYS_AMOUNT && !explain_only) {
                const prose_piece *at = prose_piece_at(pr, (size_t)(w - pr->text));
                *where = at ? &r->paragraphs[at->para] : para;
                return buf;
            }
        }
        /* A sentence of the fund's own section speaks of it unless it
         * names another fund: its first figure is the fund's. */
        if (!named && in_section && !names_other_fund(s, e, word)) {
            clause_says says = SAYS_NOTHING;
            for (const char *c = s; c < e && says == SAYS_NOTHING; c++)
                if (is_digit(*c) && (c == s || !is_digit(c[-1])))
                    says = clause_amount(c, buf, size);
            if (says == SAYS_ZERO)
                *explained = true;
            if (says == SAYS_AMOUNT && !explain_only) {
                *where = para;
                return buf;
            }
        }
        if ((named || in_section) && !explain_only)
            *explained |= says_none(s, e);
        s = *e ? e + 1 : e;
    }
    return NULL;
}

/* A 目录 that lists the table by its number and says why it is empty
 * ("表9  2019年部门综合预算政府性基金收支表  是  本单位无政府性基金预算": some
 * sets are told to give the reason there) explains it. */
static bool listed_as_empty(const gk_report *r, const char *number)
{
    size_t n = strlen(number);
    for (size_t i = 0; n && i < r->nparagraphs; i++) {
        const char *p = r->paragraphs[i].text;
        while (*p == ' ')
            p++;
        if (strncmp(p, number, n) == 0 && !is_digit(p[n]) && strstr(p + n, "无"))
            return true;
    }
    return false;
}

static void check_empty_tables(const gk_report *r, gk_findings *out)
{
    prose pr = {0};
    bool built = false;
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        if (t->empty_note || t->partial || is_form(t->kind) || t->kind == GK_TABLE_OTHER)
            continue;               /* a table of unknown kind may hold no figures */
        bool figures = false, nonzero = false;
        for (size_t k = 0; k < t->nrows && !nonzero; k++)
            for (size_t c = 0; c < t->rows[k].ncells && !nonzero; c++)
                if (!t->rows[k].cells[c].text) {
                    figures = true;
                    nonzero = !gk_amount_is_zero(t->rows[k].cells[c].value);
                }
        bool explain_only;
        const char *word = subject_word(t->kind, &explain_only), *stated = NULL;
        /* A table of zeros ("0.00" in every cell) is as empty as a blank
         * one: the 政府性基金, 国有资本经营 and 三公 tables must say why. */
        bool zeros = figures && !nonzero && word && !explain_only;
        if (figures && !zeros)
            continue;
        /* What the 情况说明 says about it. */
        const gk_paragraph *where = NULL;
        bool explained = false;
        char buf[64];
        if (word) {
            if (!built)
                prose_build(r, &pr);
            built = true;
            stated = stated_for(r, &pr, word, explain_only, buf, sizeof buf, &where, &explained);
        }
        if (!stated && (explained || (t->number && listed_as_empty(r, t->number))))
            continue;
        gk_location loc = gk_location_of(t, NULL, NULL);
        const char *title = t->title ? t->title : gk_table_kind_title(t->kind);
        gk_finding *x;
        if (stated) {
            x = gk_report_finding(out, "COMP003", GK_ERROR, &loc,
                                  "“%s”%s，而情况说明写有%s；应填列表中数字，"
                                  "或更正情况说明",
                                  title, zeros ? "各栏均为0" : "没有任何数字", stated);
            gk_location at_text = {0};
            at_text.pos = where->pos;
            at_text.value = stated;
            gk_finding_locate(out, x, &at_text);
        } else if (t->nrows > 0 && gk_report_has_narrative(r)) {
            /* Not when no row at all was read (not even its 合计: the reader
             * may have failed on a table whose figures are there), nor when
             * the 情况说明 that may explain it is published apart. */
            gk_report_finding(out, "COMP003", GK_WARNING, &loc,
                              "“%s”%s，也没有说明为何为空；无数据的表应在表下注明原因"
                              "（如“本部门无…，故本表无数据”）",
                              title, zeros ? "各栏均为0" : "没有任何数字");
        }
    }
    if (built)
        prose_free(&pr);
}

/* ---- The fund an empty table's note names -------------------------------- */

static void check_fund_notes(const gk_report *r, gk_findings *out)
{
    static const struct {
        gk_table_kind kind;
        const char *own, *other;
    } FUNDS[] = {
        {GK_TABLE_GOV_FUND, "政府性基金", "国有资本经营"},
        {GK_TABLE_STATE_CAPITAL, "国有资本经营", "政府性基金"},
        {GK_TABLE_BUDGET_GOV_FUND, "政府性基金", "国有资本经营"},
        {GK_TABLE_BUDGET_STATE_CAPITAL, "国有资本经营", "政府性基金"},
    };
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        if (!t->empty_note)
            continue;
        for (size_t k = 0; k < sizeof FUNDS / sizeof *FUNDS; k++)
            if (t->kind == FUNDS[k].kind && strstr(t->empty_note, FUNDS[k].other) &&
                !strstr(t->empty_note, FUNDS[k].own)) {
                gk_location loc = gk_location_of(t, NULL, NULL);
                if (t->note_pos.line)
                    loc.pos = t->note_pos;
                loc.value = t->empty_note;
                gk_report_finding(out, "FUND001", GK_ERROR, &loc,
                                  "“%s”的空表说明写的是“%s”，与本表不符，应为“%s”",
                                  t->title ? t->title : gk_table_kind_title(t->kind),
                                  FUNDS[k].other, FUNDS[k].own);
            }
    }
}

/* ---- Text ---------------------------------------------------------------- */

/* The texts a reader sees: headings and paragraphs, table titles and the
 * notes under empty tables. */
typedef void (*text_check)(const gk_report *r, const char *text, gk_pos pos, bool heading,
                           gk_findings *out);

static void each_text(const gk_report *r, gk_findings *out, text_check check)
{
    for (size_t i = 0; i < r->nparagraphs; i++)
        check(r, r->paragraphs[i].text, r->paragraphs[i].pos, r->paragraphs[i].heading, out);
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        if (t->title)
            check(r, t->title, t->pos, true, out);
        if (t->empty_note)
            check(r, t->empty_note, t->note_pos, false, out);
    }
}

static gk_location at(gk_pos pos, const char *value)
{
    gk_location loc = {0};
    loc.pos = pos;
    loc.value = value;
    return loc;
}

static void residue(const gk_report *r, const char *text, gk_pos pos, bool heading,
                    gk_findings *out)
{
    static const char *const MARKS[] = {"XX", "××", "xx局", "待填写", "请填写", "此处填写", NULL};
    (void)r;
    (void)heading;
    for (const char *const *m = MARKS; *m; m++)
        if (strstr(text, *m)) {
            gk_location loc = at(pos, *m);
            gk_report_finding(out, "DOC001", GK_WARNING, &loc,
                              "文中留有模板占位内容“%s”，应替换为实际内容", *m);
            return;
        }
}

static void doubled(const gk_report *r, const char *text, gk_pos pos, bool heading,
                    gk_findings *out)
{
    static const char *const MARKS[] = {"。。", "，，", "；；", "、、", NULL};
    (void)r;
    (void)heading;
    for (const char *const *m = MARKS; *m; m++)
        if (strstr(text, *m)) {
            gk_location loc = at(pos, *m);
            gk_report_finding(out, "DOC002", GK_INFO, &loc, "标点重复“%s”，应删去一个", *m);
            return;
        }
}

/* The year in "2023年度" / "2023 年度" at p, or 0. */
static int year_at(const char *p)
{
    if (!(p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9'))
        return 0;
    return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
}

/* The end of `word` read at s with any spaces between its characters (PDF
 * text: "截至 2023年 12 月 31 日"), or NULL. */
static const char *spaced(const char *s, const char *word)
{
    while (*word) {
        while (*s == ' ')
            s++;
        size_t k = 1;
        while ((word[k] & 0xC0) == 0x80)
            k++;
        if (strncmp(s, word, k) != 0)
            return NULL;
        s += k, word += k;
    }
    return s;
}

static void other_year(const gk_report *r, const char *text, gk_pos pos, bool heading,
                       gk_findings *out)
{
    if (!r->year)
        return;
    /* Assets are stated as of the end of the report year in a 决算, of the
     * year before in a 预算. */
    int as_of_year = r->kind == GK_DOC_BUDGET ? r->year - 1 : r->year;
    for (const char *p = text; *p; p++) {
        int y = year_at(p);
        if (!y)
            continue;
        const char *before = p;
        while (before > text && before[-1] == ' ')
            before--;
        bool year_word = spaced(p + 4, "年度") != NULL;
        /* Which year-end is right depends on the kind: not known, not judged. */
        bool as_of = (r->kind == GK_DOC_FINAL || r->kind == GK_DOC_BUDGET) &&
                     spaced(p + 4, "年12月31日") && before - text >= 6 &&
                     strncmp(before - 6, "截至", 6) == 0;
        if ((heading && year_word && y != r->year) || (as_of && y != as_of_year)) {
            char year[8];
            gk_format(year, sizeof year, "%d", y);
            gk_location loc = at(pos, year);
            gk_report_finding(out, "DOC003", GK_ERROR, &loc,
                              "%s写的是 %d 年，本文档为 %d 年度%s，应为 %d", as_of ? "时点" : "标题",
                              y, r->year, r->kind == GK_DOC_BUDGET ? "预算" : "决算",
                              as_of ? as_of_year : r->year);
            return;
        }
    }
}

/* ---- 行政 or 事业 -------------------------------------------------------------- */

#define INSTITUTION "事业单位"

/* The count after "事业单位"/"行政单位" in "事业单位 4 家", "行政单位1家",
 * "事业单位两个"; -1 when no count follows. */
static int unit_count(const char *p)
{
    static const char *const DIGITS[] = {"零", "一", "二", "三", "四", "五",
                                         "六", "七", "八", "九", NULL};
    while (*p == ' ')
        p++;
    int n = -1;
    if (*p >= '0' && *p <= '9') {
        for (n = 0; *p >= '0' && *p <= '9' && n < 10000; p++)
            n = n * 10 + (*p - '0');
    } else if (strncmp(p, "两", 3) == 0) {
        n = 2;
        p += 3;
    } else if (strncmp(p, "十", 3) == 0) {
        n = 10;
        p += 3;
    } else {
        for (int d = 0; DIGITS[d] && n < 0; d++)
            if (strncmp(p, DIGITS[d], 3) == 0) {
                n = d;
                p += 3;
            }
    }
    while (*p == ' ')
        p++;
    return n >= 0 && (strncmp(p, "家", 3) == 0 || strncmp(p, "个", 3) == 0) ? n : -1;
}

/* Does the sentence [s, e) describe the unit itself as a 事业单位 ("上海市
 * 普陀区社会福利院是收养社会孤老…的事业单位。", "单位性质：事业单位")?  The
 * subject (the unit's name, 本单位, 单位性质) comes first, then 是/为/：, and
 * 事业单位 ends a clause.  Not one managed like a civil-service body
 * (参照公务员法管理), which has 机关运行经费 like a 行政单位, and not
 * "事业单位开展…" in a glossary. */
static bool says_institution(const gk_report *r, const char *s, const char *e)
{
    static const char *const SUBJECTS[] = {"本单位", "我单位", "单位性质", "单位类型", NULL};
    size_t n = strlen(INSTITUTION);
    for (const char *p = s; p + n <= e; p++) {
        if (memcmp(p, INSTITUTION, n) != 0)
            continue;
        const char *after = p + n;
        if (after < e && strncmp(after, "，", 3) != 0 && strncmp(after, "；", 3) != 0 &&
            strncmp(after, "。", 3) != 0)
            continue;
        bool subject = false, is = false, civil = false;
        for (const char *q = s; q < p; q++) {
            if (!subject) {
                subject = r->unit && *r->unit && strncmp(q, r->unit, strlen(r->unit)) == 0;
                for (const char *const *w = SUBJECTS; *w && !subject; w++)
                    subject = strncmp(q, *w, strlen(*w)) == 0;
            } else {
                is |= strncmp(q, "是", 3) == 0 || strncmp(q, "为", 3) == 0 ||
                      strncmp(q, "：", 3) == 0;
            }
            civil |= strncmp(q, "参照公务员法", 18) == 0 || strncmp(q, "参公", 6) == 0;
        }
        if (is && !civil)
            return true;
    }
    return false;
}

/* Does a unit's name say it is a public institution (事业单位): a school, a
 * hospital, a centre, a research institute, a museum …?  Such a 单位 is not
 * taken as 行政 without the text saying so (参照公务员法管理, 行政单位). */
static bool institution_name(const char *unit)
{
    static const char *const ENDS[] = {"学校", "学院", "大学", "中学", "小学", "幼儿园", "医院",
                                       "卫生院", "福利院", "中心", "研究所", "研究院", "馆",
                                       NULL};
    size_t n = unit ? strlen(unit) : 0;
    for (int i = 0; ENDS[i]; i++) {
        size_t k = strlen(ENDS[i]);
        if (n >= k && strcmp(unit + n - k, ENDS[i]) == 0)
            return true;
    }
    return false;
}

/* Does the sentence [s, e) say the unit itself is managed like a civil-
 * service body ("本单位为参照公务员法管理的事业单位")?  Not the glossary's
 * "机关运行经费：指行政单位和参照公务员法管理的事业单位…". */
static bool says_civil(const gk_report *r, const char *s, const char *e)
{
    const char *c = strstr(s, "参照公务员法");
    if (!c || c >= e)
        c = strstr(s, "参公");
    if (!c || c >= e)
        return false;
    const char *subjects[] = {"本单位", "我单位", r->unit && *r->unit ? r->unit : NULL};
    for (int i = 0; i < 3; i++) {
        const char *p = subjects[i] ? strstr(s, subjects[i]) : NULL;
        if (p && p < c)
            return true;
    }
    return false;
}

bool gk_doc_single_admin(const gk_report *r)
{
    const char *scope = gk_report_scope(r, NULL);
    bool counted = false;          /* the text states its 行政单位 */
    bool civil = false;            /* … or that it is managed as one */
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const char *t = r->paragraphs[i].text;
        for (const char *p = strstr(t, INSTITUTION); p; p = strstr(p + 1, INSTITUTION))
            if (unit_count(p + strlen(INSTITUTION)) > 0)
                return false;
        /* "预算单位共1个，为示例县医疗保障局本级（行政单位）" marks each unit. */
        if (strstr(t, "（事业单位）") || strstr(t, "(事业单位)"))
            return false;
        counted = counted || strstr(t, "（行政单位）") || strstr(t, "(行政单位)");
        for (const char *p = strstr(t, "行政单位"); p && !counted; p = strstr(p + 1, "行政单位"))
            counted = unit_count(p + strlen("行政单位")) > 0;
        for (const char *s = t; *s;) {
            const char *e = strstr(s, "。");
            e = e ? e + 3 : s + strlen(s);
            if (says_institution(r, s, e))
                return false;
            civil = civil || says_civil(r, s, e);
            s = e;
        }
    }
    return scope && ((strcmp(scope, "单位") == 0 && (civil || !institution_name(r->unit))) ||
                     counted);
}

/* ---- 部门 or 单位 ------------------------------------------------------------- */

/* DOC005: a document is a 部门 or a 单位 决算/预算 (its title says which,
 * gk_report_scope); table titles should say the same ("2025年部门财务收支
 * 预算总表" in a 单位预算 is a copy from the other template). */
static void check_scope(const gk_report *r, gk_findings *out)
{
    const char *kind_word = NULL, *doc = gk_report_scope(r, &kind_word);
    if (!doc)
        return;
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        if (is_form(t->kind))     /* "口岸单位补贴项目绩效目标表": a project's name */
            continue;
        const char *w = t->title ? gk_title_scope(t->title) : NULL;
        if (!w || strcmp(w, doc) == 0)
            continue;
        gk_location loc = gk_location_of(t, NULL, NULL);
        loc.value = w;
        gk_report_finding(out, "DOC005", GK_WARNING, &loc,
                          "表名“%s”写的是“%s”，本文档为%s%s，应为“%s”", t->title, w, doc,
                          kind_word, doc);
    }
}

/* ---- One unit name ---------------------------------------------------------- */

/* The name without spaces and without a trailing "（汇总）" mark, into buf. */
static const char *bare_name(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *c = name; *c && n + 1 < size; c++)
        if (*c != ' ')                   /* "上海市 XX 局" is "上海市XX局" */
            buf[n++] = *c;
    buf[n] = '\0';
    static const char *const MARKS[] = {"（汇总）", "(汇总)", NULL};
    for (const char *const *m = MARKS; *m; m++) {
        char *hit = strstr(buf, *m);
        if (hit)
            *hit = '\0';
    }
    return buf;
}

static void check_unit_names(const gk_report *r, gk_findings *out)
{
    if (!r->unit)
        return;
    char doc[256], tab[256];
    bare_name(r->unit, doc, sizeof doc);
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        if (!t->unit_name || strcmp(bare_name(t->unit_name, tab, sizeof tab), doc) == 0)
            continue;
        gk_location loc = gk_location_of(t, NULL, NULL);
        loc.value = t->unit_name;
        gk_report_finding(out, "DOC004", GK_WARNING, &loc,
                          "“%s”表头的单位名称为“%s”，与文档标题中的“%s”不一致，应统一为同一名称",
                          t->title ? t->title : gk_table_kind_title(t->kind), t->unit_name, r->unit);
    }
}

/* The unit a title line names: "上海市规划和自然资源局 2024 年度部门决算表"
 * (also after "第二部分 ") gives its name, up to the year, into buf; NULL
 * for any other text. */
static const char *titled_unit(const char *text, char *buf, size_t size)
{
    if (strlen(text) > 150)
        return NULL;
    const char *p = text;
    while (*p == '#' || *p == ' ')      /* Markdown heading marks printed as text */
        p++;
    if (strncmp(p, "附件", strlen("附件")) == 0) {   /* "附件：", "附件1：" */
        const char *c = p + strlen("附件");
        while (*c >= '0' && *c <= '9')
            c++;
        if (strncmp(c, "：", strlen("：")) == 0)
            p = c + strlen("：");
        else if (*c == ':')
            p = c + 1;
        while (*p == ' ')
            p++;
    }
    if (strncmp(p, "第", strlen("第")) == 0 && strstr(p, "部分")) {
        p = strstr(p, "部分") + strlen("部分");
        while (*p == ' ')
            p++;
    }
    const char *y = p;
    while (*y && !year_at(y))
        y++;
    const char *end = y;
    while (end > p && end[-1] == ' ')
        end--;
    if (!*y || end == p || (size_t)(end - p) >= size)
        return NULL;
    /* After the year: 年/年度, 部门/单位, 决算/预算, and at most 表. */
    const char *q = spaced(y + 4, "年");
    if (!q)
        return NULL;
    const char *d = spaced(q, "度");
    q = d ? d : q;
    const char *scope = spaced(q, "部门");
    q = scope ? scope : spaced(q, "单位");
    const char *kind = q ? spaced(q, "决算") : NULL;
    q = q ? (kind ? kind : spaced(q, "预算")) : NULL;
    if (!q)
        return NULL;
    const char *t = spaced(q, "表");
    q = t ? t : q;
    while (*q == ' ')
        q++;
    if (*q)
        return NULL;
    memcpy(buf, p, (size_t)(end - p));
    buf[end - p] = '\0';
    return buf;
}

/* DOC004 in the text: a title line naming another unit ("上海市规划和自然资源局
 * 2024 年度部门决算表" above the tables of 上海市普陀区规划和自然资源局). */
static void check_titled_units(const gk_report *r, gk_findings *out)
{
    if (!r->unit)
        return;
    char doc[256], name[256], bare[256];
    bare_name(r->unit, doc, sizeof doc);
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        if (!titled_unit(p->text, name, sizeof name) ||
            strcmp(bare_name(name, bare, sizeof bare), doc) == 0)
            continue;
        /* "北京市信访办公室部门 2026 年度部门预算": the 部门 of the unit, not
         * another name. */
        size_t nb = strlen(bare), nd = strlen(doc), nm = strlen("部门");
        if (nb == nd + nm && strncmp(bare, doc, nd) == 0 && strcmp(bare + nd, "部门") == 0)
            continue;
        gk_location loc = at(p->pos, name);
        gk_report_finding(out, "DOC004", GK_WARNING, &loc,
                          "标题“%s”中的单位名称为“%s”，与文档的“%s”不一致，应统一为同一名称",
                          p->text, name, r->unit);
    }
}

/* DOC006: a narrative whose tables are not in the document.  Beijing and
 * others publish the 情况说明 and the 报表 as two files; checked alone, no
 * amount of it is bound, and the reviewer should know why. */
static void check_tables_elsewhere(const gk_report *r, gk_findings *out)
{
    if (r->ntables || r->kind == GK_DOC_UNKNOWN || !gk_report_has_narrative(r))
        return;
    gk_location loc = document_start(r);
    gk_report_finding(out, "DOC006", GK_INFO, &loc,
                      "文档只有情况说明，没有表格（表格可能另行公开）：文中金额未能与表格核对；"
                      "可将情况说明与报表一并检查：gongkai check --as-one 情况说明文件 报表文件");
}

void gk_check_document(const gk_report *r, gk_findings *out)
{
    check_tables_elsewhere(r, out);
    check_titled_units(r, out);
    check_unit_names(r, out);
    check_required(r, out);
    check_sections(r, out);
    check_scope(r, out);
    check_fund_notes(r, out);
    check_empty_tables(r, out);
    each_text(r, out, residue);
    each_text(r, out, doubled);
    each_text(r, out, other_year);
}
