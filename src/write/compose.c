/*
 * compose.c — a report laid out as a complete disclosure document.
 *
 * The national order: cover, 目录, 第一部分 概况, 第二部分 the tables,
 * 第三部分 情况说明, 第四部分 名词解释.  The 概况 is the report's own text
 * (read from a published document, or given in JSON); where there is none a
 * visible placeholder stands, for check to report.  The 情况说明 is written
 * from the tables (compose_text.c), never copied: a re-rendered document is
 * correct even when its source was not.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/arena.h"
#include "../model/layout.h"
#include "compose.h"

gk_block *gk_doc_add(gk_doc *d, gk_block_kind kind)
{
    if (d->nblocks == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 64;
        d->blocks = gk_arena_grow(d->arena, d->blocks, d->nblocks, cap, sizeof *d->blocks);
        d->cap = cap;
    }
    gk_block *b = &d->blocks[d->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

const char *gk_doc_printf(gk_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return "";
    char *s = gk_arena_alloc(d->arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

const char *gk_doc_amount(gk_doc *d, gk_amount a, bool grouped)
{
    char buf[GK_AMOUNT_BUFSIZE + 8];
    return gk_doc_printf(d, "%s", grouped ? gk_amount_format_grouped(a, buf)
                                          : gk_amount_format(a, buf));
}

const char *gk_doc_wan(gk_doc *d, gk_amount a)
{
    if (gk_amount_is_zero(a))
        return "0万元";
    gk_amount two;
    if (a.scale < 2 && gk_amount_rescale(a, 2, &two))
        a = two;
    char buf[GK_AMOUNT_BUFSIZE];
    return gk_doc_printf(d, "%s万元", gk_amount_format(a, buf));
}

static void heading(gk_doc *d, int level, const char *text)
{
    gk_block *b = gk_doc_add(d, GK_BLOCK_HEADING);
    b->level = level;
    b->text = text;
}

static void paragraph(gk_doc *d, const char *text)
{
    gk_doc_add(d, GK_BLOCK_PARAGRAPH)->text = text;
}

/* ---- 第一部分 概况 ----------------------------------------------------------- */

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Does position a come before b in the source? */
static bool pos_before(gk_pos a, gk_pos b)
{
    return a.page != b.page ? a.page < b.page : a.line < b.line;
}

/* A heading of the next part: 第二部分, 第三部分 …  (Some documents print
 * their tables with no 第二部分 heading, so that the 情况说明's 第三部分 is
 * the next.) */
static bool next_part(const gk_paragraph *p)
{
    const char *part = p->heading && starts_with(p->text, "第") ? strstr(p->text, "部分") : NULL;
    return part && part - p->text <= 9 && !starts_with(p->text, "第一部分");  /* 第十一部分 at most */
}

/* The report's own 概况: the paragraphs after the heading 第一部分 (after
 * the 目录, which lists it too), up to the next part's heading or the first
 * table, whichever comes first. */
static bool overview_from_report(gk_doc *d, const gk_report *r)
{
    size_t from = r->nparagraphs;
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (r->paragraphs[i].heading && starts_with(r->paragraphs[i].text, "第一部分"))
            from = i + 1;                 /* the last one: the 目录's comes first */
    const gk_table *first = NULL;         /* the first table after the heading */
    for (size_t k = 0; from < r->nparagraphs && k < r->ntables; k++)
        if (pos_before(r->paragraphs[from - 1].pos, r->tables[k].pos) &&
            (!first || pos_before(r->tables[k].pos, first->pos)))
            first = &r->tables[k];
    bool any = false;
    for (size_t i = from; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        if (next_part(p) || (first && pos_before(first->pos, p->pos)))
            break;
        if (p->heading)
            heading(d, 2, p->text);
        else
            paragraph(d, p->text);
        any = true;
    }
    return any;
}

/* The 概况 given as facts 概况/部门职责 …: one heading each, a paragraph per
 * line. */
static bool overview_from_facts(gk_doc *d, const gk_report *r)
{
    bool any = false;
    for (size_t i = 0, n = 0; i < r->nfacts; i++) {
        const gk_fact *f = &r->facts[i];
        if (!starts_with(f->key, "概况/"))
            continue;
        heading(d, 2, gk_doc_printf(d, "%s、%s", gk_doc_numeral((int)n++), f->key + strlen("概况/")));
        for (const char *v = f->value; *v;) {
            const char *nl = strchr(v, '\n');
            size_t len = nl ? (size_t)(nl - v) : strlen(v);
            if (len)
                paragraph(d, gk_doc_printf(d, "%.*s", (int)len, v));
            v += len + (nl != NULL);
        }
        any = true;
    }
    return any;
}

static void overview(gk_doc *d, const gk_report *r, const char *scope)
{
    heading(d, 1, gk_doc_printf(d, "第一部分 %s概况", scope));
    if (overview_from_facts(d, r) || overview_from_report(d, r))
        return;
    static const char *const PARTS[][2] = {
        {"一、部门职责", "【待填写：部门主要职责】"},
        {"二、机构设置", "【待填写：内设机构、编制和人员情况】"},
        {"三、单位构成", "【待填写：纳入编制范围的预算单位】"}};
    for (size_t i = 0; i < sizeof PARTS / sizeof *PARTS; i++) {
        heading(d, 2, PARTS[i][0]);
        paragraph(d, PARTS[i][1]);
    }
}

/* ---- 第二部分 the tables --------------------------------------------------- */

static void table(gk_doc *d, const gk_table *t)
{
    gk_block *b = gk_doc_add(d, GK_BLOCK_TABLE);
    b->table = t;
    b->text = t->title ? t->title : gk_table_kind_title(t->kind);
    b->sub = t->number;
    b->unit_name = t->unit_name;
    b->unit_name_line = t->unit_name && *t->unit_name ? gk_doc_printf(d, "编制部门：%s", t->unit_name)
                                                      : NULL;
    b->unit_line = t->unit != GK_UNIT_NONE
                       ? gk_doc_printf(d, "%s：%s", t->unit == GK_UNIT_YUAN ? "单位" : "金额单位",
                                       gk_unit_name(t->unit))
                       : NULL;
    b->note = t->empty_note ? t->empty_note : t->partial ? GK_PARTIAL_NOTE : NULL;
    gk_compose_grid(d, t, &b->grid);
}

/* ---- 第四部分 名词解释 ---------------------------------------------------- */

static const char *const GLOSSARY[] = {
    "财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和"
    "国有资本经营预算财政拨款。",
    "年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需要延迟到"
    "以后年度按有关规定继续使用的资金。",
    "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    "项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "\"三公\"经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务等的各项"
    "资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、"
    "办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
    "政府采购支出：指各级国家机关、事业单位和团体组织使用财政性资金采购依法制定的集中采购目录以内"
    "的或者采购限额标准以上的货物、工程和服务的支出。"};

static const char *const NUMERALS[] = {"一", "二", "三", "四", "五", "六", "七", "八",
                                       "九", "十", "十一", "十二", "十三", "十四", "十五"};

const char *gk_doc_numeral(int i)
{
    return i >= 0 && i < (int)(sizeof NUMERALS / sizeof *NUMERALS) ? NUMERALS[i] : "";
}

/* A term that only a 决算 has: 年末结转和结余 is what a year leaves. */
static bool final_only(const char *term)
{
    return starts_with(term, "年末结转和结余");
}

/* The terms, numbered, without those of a 决算 in a 预算. */
static void glossary_terms(gk_doc *d)
{
    for (size_t i = 0, n = 0; i < sizeof GLOSSARY / sizeof *GLOSSARY; i++)
        if (d->kind != GK_DOC_BUDGET || !final_only(GLOSSARY[i]))
            paragraph(d, gk_doc_printf(d, "%s、%s", NUMERALS[n++], GLOSSARY[i]));
}

static void glossary(gk_doc *d)
{
    heading(d, 1, "第四部分 名词解释");
    glossary_terms(d);
}

/* ---- The document ------------------------------------------------------- */

/* 部门 or 单位, as the source is: what its title says, else what its tables'
 * titles say when they agree; 部门 when nothing says. */
static const char *scope_of(const gk_report *r)
{
    const char *scope = gk_report_scope(r, NULL), *seen = NULL;
    for (size_t i = 0; !scope && i < r->ntables; i++) {
        const char *w = r->tables[i].title ? gk_title_scope(r->tables[i].title) : NULL;
        if (w && seen && strcmp(w, seen) != 0)
            return "部门";
        seen = w ? w : seen;
    }
    return scope ? scope : seen ? seen : "部门";
}

/* ---- The source's own order ------------------------------------------------ */

static bool in_section(gk_pos p, const gk_section *s)
{
    return gk_pos_cmp(s->from, p) <= 0 && gk_pos_cmp(p, s->to) < 0;
}

/* Is the table in a tables section of the source? */
static bool placed(const gk_report *r, const gk_table *t)
{
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].kind == GK_SECTION_TABLES && in_section(t->pos, &r->sections[i]))
            return true;
    return false;
}

/* The text of a section: its paragraphs, headings as headings.  False
 * when it has none. */
static bool section_text(gk_doc *d, const gk_report *r, const gk_section *s)
{
    bool any = false;
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        if (!in_section(p->pos, s) || !p->text[0])
            continue;
        if (p->heading)
            heading(d, 2, p->text);
        else
            paragraph(d, p->text);
        any = true;
    }
    return any;
}

static bool has_text(const gk_report *r, const gk_section *s)
{
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (in_section(r->paragraphs[i].pos, s) && r->paragraphs[i].text[0])
            return true;
    return false;
}

static bool is_date_line(const char *s);

/* The document in the source's own order (a template's sheets): its cover,
 * then each of its parts, numbered 一、二 … as its 目录 lists them; the
 * tables where its table sheets stand (any table outside them with the
 * first); a part left empty says so.  The 情况说明 is written from the
 * tables only where the source lists one without text of its own; other
 * prose (编制说明, 其他相关情况说明) is the source's. */
static void source_order(gk_doc *d, const gk_report *r, const char *year, const char *what)
{
    d->by_section = true;
    gk_block *cover = gk_doc_add(d, GK_BLOCK_COVER);
    cover->text = d->title;
    cover->sub = d->unit;
    for (size_t i = 0; i < r->nsections; i++) {
        const gk_section *s = &r->sections[i];
        if (s->kind != GK_SECTION_COVER)
            continue;
        const char *lines[2] = {NULL, NULL};
        for (size_t k = 0, n = 0; k < r->nparagraphs && n < 2; k++) {
            const char *text = r->paragraphs[k].text;
            if (!in_section(r->paragraphs[k].pos, s) || !text[0])
                continue;
            if (is_date_line(text)) {     /* the cover's own date */
                if (!d->date_line)
                    d->date_line = gk_doc_printf(d, "%s", text);
            } else {
                lines[n++] = text;
            }
        }
        if (lines[0])
            cover->text = d->title = gk_doc_printf(d, "%s", lines[0]);
        if (lines[1])
            cover->sub = gk_doc_printf(d, "%s", lines[1]);
        break;
    }
    gk_doc_add(d, GK_BLOCK_TOC);
    bool tables_done = false;
    for (size_t i = 0, n = 0; i < r->nsections; i++) {
        const gk_section *s = &r->sections[i];
        if (s->kind == GK_SECTION_COVER)
            continue;
        gk_doc_add(d, GK_BLOCK_PAGE_BREAK);
        const char *title = s->title ? s->title
                            : s->kind == GK_SECTION_TABLES
                                ? gk_doc_printf(d, "%s年%s公开报表", year, what)
                                : "名词解释";
        heading(d, 1, gk_doc_printf(d, "%s、%s", gk_doc_numeral((int)n++), title));
        if (s->kind == GK_SECTION_NARRATIVE && !has_text(r, s)) {
            d->blocks[d->nblocks - 1].generated = true;
            gk_compose_narrative(d, r);
        } else if (s->kind == GK_SECTION_TABLES) {
            for (size_t k = 0; k < r->ntables; k++)
                if (in_section(r->tables[k].pos, s) || (!tables_done && !placed(r, &r->tables[k])))
                    table(d, &r->tables[k]);
            tables_done = true;
        } else if (!section_text(d, r, s)) {
            if (s->kind == GK_SECTION_GLOSSARY)
                glossary_terms(d);
            else
                paragraph(d, gk_doc_printf(d, "【待填写：%s】", title));
        }
    }
    if (!tables_done && r->ntables) {
        gk_doc_add(d, GK_BLOCK_PAGE_BREAK);
        heading(d, 1, gk_doc_printf(d, "%s年%s公开报表", year, what));
        for (size_t k = 0; k < r->ntables; k++)
            table(d, &r->tables[k]);
    }
}

/* ---- Decided once for every writer: the 目录 and the cover's date ----------- */

/* 1 … 99 as Chinese numerals: "一", "十", "十一", "二十三"; figures beyond. */
static const char *count_numeral(gk_doc *d, int n)
{
    static const char *const D[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99)
        return gk_doc_printf(d, "%d", n);
    int tens = n / 10, ones = n % 10;
    return gk_doc_printf(d, "%s%s%s", tens > 1 ? D[tens] : "", tens ? "十" : "", D[ones]);
}

/* Already numbered: "一、…", "（一）…", "1.…", "2、…" (not "2025年…"). */
static bool numbered(const char *s)
{
    static const char *const NUMS[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (starts_with(s, "（") || *s == '(')
        return true;
    if (*s >= '0' && *s <= '9') {
        while (*s >= '0' && *s <= '9')
            s++;
        return *s == '.' || *s == ')' || starts_with(s, "、") || starts_with(s, "．") ||
               starts_with(s, "）");
    }
    for (size_t i = 0; i < sizeof NUMS / sizeof *NUMS; i++)
        if (starts_with(s, NUMS[i])) {
            const char *mark = strstr(s, "、");
            return mark && mark - s <= 9;
        }
    return false;
}

static void toc_add(gk_doc *d, size_t *cap, int level, const char *text, size_t block)
{
    if (d->ntoc == *cap) {
        size_t n = *cap ? 2 * *cap : 32;
        d->toc = gk_arena_grow(d->arena, d->toc, d->ntoc, n, sizeof *d->toc);
        *cap = n;
    }
    d->toc[d->ntoc++] = (gk_toc_entry){level, text, block};
}

/* The 目录: what follows the TOC block.  Parts (headings of level 1); in
 * the national order also the headings of level 2 and the tables under
 * them, tables numbered within their part. */
static void make_toc(gk_doc *d)
{
    size_t from = d->nblocks, cap = 0;
    for (size_t i = 0; i < d->nblocks && from == d->nblocks; i++)
        if (d->blocks[i].kind == GK_BLOCK_TOC)
            from = i + 1;
    int tables = 0;
    for (size_t i = from; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        const char *text = b->text && *b->text ? b->text : "（无标题）";
        if (b->kind == GK_BLOCK_HEADING && b->level <= 1) {
            tables = 0;
            toc_add(d, &cap, 1, text, i);
        } else if (d->by_section) {
            continue;
        } else if (b->kind == GK_BLOCK_HEADING && b->level == 2) {
            toc_add(d, &cap, 2, text, i);
        } else if (b->kind == GK_BLOCK_TABLE) {
            tables++;
            toc_add(d, &cap, 2,
                    numbered(text) ? text
                                   : gk_doc_printf(d, "%s、%s", count_numeral(d, tables), text),
                    i);
        }
    }
}

/* A date line of the source's cover: "2026年1月", "2026年1月15日" (alone on
 * its line, as covers print it). */
static bool is_date_line(const char *s)
{
    int y, m, dd, n = 0;
    if (sscanf(s, "%4d年%d月%n", &y, &m, &n) != 2 || !n)
        return false;
    if (!s[n])
        return y > 1900 && m >= 1 && m <= 12;
    int k = 0;
    return sscanf(s + n, "%d日%n", &dd, &k) == 1 && k && !s[n + k] && dd >= 1 && dd <= 31;
}

/* "YYYY-MM-DD" (day > 0) or "YYYY-MM" (day 0): a real calendar date. */
static bool parse_date(const char *s, int *y, int *m, int *day)
{
    static const int DAYS[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int n = 0;
    *day = 0;
    size_t len = s ? strlen(s) : 0;
    for (size_t i = 0; i < len; i++)
        if (!(s[i] == '-' ? i == 4 || i == 7 : s[i] >= '0' && s[i] <= '9'))
            return false;
    if (len == 10 ? sscanf(s, "%4d-%2d-%2d%n", y, m, day, &n) != 3
                  : len != 7 || sscanf(s, "%4d-%2d%n", y, m, &n) != 2)
        return false;
    if ((size_t)n != len || *y < 1900 || *y > 9999 || *m < 1 || *m > 12)
        return false;
    bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    return len == 7 || (*day >= 1 && *day <= DAYS[*m - 1] && (*m != 2 || *day < 29 || leap));
}

bool gk_date_valid(const char *s)
{
    int y, m, day;
    return parse_date(s, &y, &m, &day);
}

/* A date given as the cover prints it: "2026年1月15日", "2026年1月". */
static const char *given_date(gk_doc *d, const char *s)
{
    int y, m, day;
    if (!parse_date(s, &y, &m, &day))
        return NULL;
    return day ? gk_doc_printf(d, "%d年%d月%d日", y, m, day) : gk_doc_printf(d, "%d年%d月", y, m);
}

struct tm gk_doc_now(void)
{
    time_t t = time(NULL);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end == '\0' && v >= 0)
            t = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    return tm;
}

/* The month written (SOURCE_DATE_EPOCH's for reproducible output). */
static const char *month_written(gk_doc *d)
{
    struct tm tm = gk_doc_now();
    return gk_doc_printf(d, "%d年%d月", tm.tm_year + 1900, tm.tm_mon + 1);
}

static bool has_order(const gk_report *r)
{
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].kind != GK_SECTION_COVER)
            return true;
    return false;
}

gk_doc *gk_compose(const gk_report *r, gk_error *err)
{
    return gk_compose_opt(r, NULL, err);
}

static void finish(gk_doc *d)
{
    if (!d->date_line)
        d->date_line = month_written(d);
    make_toc(d);
}

gk_doc *gk_compose_opt(const gk_report *r, const gk_compose_options *opts, gk_error *err)
{
    static const gk_compose_options none;
    if (!opts)
        opts = &none;
    if (r->ntables == 0 && r->kind == GK_DOC_UNKNOWN) {
        gk_error_set(err, 0, 0, "没有可写出的内容：既无报表，也不知道是预算还是决算文档");
        return NULL;
    }
    gk_doc *d = calloc(1, sizeof *d);
    if (!d)
        gk_out_of_memory();
    d->arena = gk_arena_new();
    d->serif = opts->serif;
    if (opts->date && !(d->date_line = given_date(d, opts->date))) {
        gk_error_set(err, 0, 0, "日期 '%s' 无效：应为 YYYY-MM-DD 或 YYYY-MM", opts->date);
        gk_doc_free(d);
        return NULL;
    }
    d->unit = r->unit ? r->unit : "【待填写：单位名称】";
    d->year = r->year;
    d->kind = r->kind != GK_DOC_UNKNOWN ? r->kind : GK_DOC_FINAL;
    bool budget = d->kind == GK_DOC_BUDGET;
    const char *year = r->year ? gk_doc_printf(d, "%d", r->year) : "【待填写：年度】";
    const char *scope = scope_of(r);
    const char *what = gk_doc_printf(d, budget ? "%s预算" : "度%s决算", scope);
    d->title = gk_doc_printf(d, "%s%s年%s", d->unit, year, what);
    d->facts = gk_arena_alloc(d->arena, (r->nfacts + 1) * sizeof *d->facts);
    for (size_t i = 0; i < r->nfacts; i++)
        d->facts[d->nfacts++] = (gk_fact){gk_doc_printf(d, "%s", r->facts[i].key),
                                          gk_doc_printf(d, "%s", r->facts[i].value)};

    if (has_order(r)) {
        source_order(d, r, year, what);
        finish(d);
        return d;
    }
    gk_block *cover = gk_doc_add(d, GK_BLOCK_COVER);
    cover->text = d->title;
    cover->sub = d->unit;
    gk_doc_add(d, GK_BLOCK_TOC);
    gk_doc_add(d, GK_BLOCK_PAGE_BREAK);

    overview(d, r, scope);
    gk_doc_add(d, GK_BLOCK_PAGE_BREAK);
    heading(d, 1, gk_doc_printf(d, "第二部分 %s年%s公开报表", year, what));
    for (size_t i = 0; i < r->ntables; i++)
        table(d, &r->tables[i]);
    gk_doc_add(d, GK_BLOCK_PAGE_BREAK);
    heading(d, 1, gk_doc_printf(d, "第三部分 %s年%s情况说明", year, what));
    gk_compose_narrative(d, r);
    gk_doc_add(d, GK_BLOCK_PAGE_BREAK);
    glossary(d);
    finish(d);
    return d;
}

void gk_doc_free(gk_doc *d)
{
    if (!d)
        return;
    gk_arena_free(d->arena);
    free(d);
}
