/*
 * read/text.c — published disclosure documents given as text.
 *
 * The document is read as lines of cells (lines.c).  A table starts at a
 * title line that a layout recognises (layout.c) and that is followed by
 * table matter (a number, a unit, headers) — table-of-contents entries are
 * not.  Its header lines name the amount columns (matched to the layout's
 * canonical columns), its 栏次 row fixes their positions, and its rows are
 * read in the shape the layout gives: coded, two-sided, grouped, 三公, or
 * labelled.  Lines outside tables are narrative paragraphs under their
 * section headings.  Every row and cell keeps its line (and page).
 *
 * The reader knows nothing of rules: it never checks a figure, only reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "gongkai/catalog.h"
#include "../model/arena.h"
#include "../model/layout.h"
#include "lines.h"
#include "meta.h"
#include "readers.h"
#include "text.h"
#include "../util/buf.h"


/* ---- Small text helpers --------------------------------------------------- */

bool tx_has(const char *s, const char *word)
{
    return s && strstr(s, word) != NULL;
}

bool tx_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

const char *tx_key_of(reader *rd, const char *s)
{
    char k[GK_NAME_KEY_MAX];
    gk_name_key(s, k);
    return gk_arena_strndup(rd->scratch, k, strlen(k));
}

size_t tx_nonempty_cells(const gk_line *ln)
{
    size_t n = 0;
    for (size_t i = 0; i < ln->ncells; i++)
        n += ln->cells[i][0] != '\0';
    return n;
}

static const char *cell_at(const gk_line *ln, int p)
{
    return p >= 0 && (size_t)p < ln->ncells ? ln->cells[p] : "";
}

gk_pos tx_pos_of(const gk_line *ln)
{
    gk_pos p = {0};
    p.line = ln->line;
    p.page = ln->page;
    return p;
}

/* A classification code, possibly printed with spaces ("210 15 01"):
 * digits only, 3/5/7 long.  Writes it to out (8 bytes). */
bool tx_code_of(const char *s, char out[8])
{
    size_t n = 0;
    for (; *s; s++) {
        if (*s == ' ')
            continue;
        if (*s < '0' || *s > '9' || n == 7)
            return false;
        out[n++] = *s;
    }
    out[n] = '\0';
    return n == 3 || n == 5 || n == 7;
}

static bool all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

static bool is_integer(const char *s, int *v)
{
    if (!*s || strlen(s) > 3)
        return false;
    int x = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        x = x * 10 + (*s - '0');
    }
    *v = x;
    return true;
}

/* The unit in "金额单位：万元", "单位:元", "（单位：万元）" … */
static gk_unit unit_in(const char *s)
{
    /* Every "单位" is tried: "编制单位：某局 单位：元" names the unit second. */
    for (const char *u = strstr(s, "单位"); u; u = strstr(u, "单位")) {
        u += strlen("单位");
        while (*u == ' ' || *u == ':' || tx_starts(u, "：") || tx_starts(u, "为"))
            u += (*u == ' ' || *u == ':') ? 1 : 3;
        if (tx_starts(u, "万元"))
            return GK_UNIT_WANYUAN;
        if (tx_starts(u, "亿元"))
            return GK_UNIT_YIYUAN;
        if (tx_starts(u, "千元"))
            return GK_UNIT_QIANYUAN;
        if (tx_starts(u, "元"))
            return GK_UNIT_YUAN;
    }
    return GK_UNIT_NONE;
}

/* The name in "部门：某某局", "编制部门：…", "编制单位：…", "单位名称：…", copied
 * to the report without a unit that follows it in the same cell ("编制单位：某局
 * 单位：元"); NULL otherwise (also for "单位：万元", a unit). */
static const char *unit_name_in(gk_report *r, const char *s)
{
    static const char *const LEADS[] = {"部门：", "部门:", "编制部门：", "编制部门:", "编制单位：",
                                        "编制单位:", "单位名称：", "单位名称:", NULL};
    for (const char *const *l = LEADS; *l; l++)
        if (tx_starts(s, *l)) {
            const char *name = s + strlen(*l);
            size_t n = strlen(name);
            const char *unit = strstr(name, " 单位");
            if (!unit)
                unit = strstr(name, " 金额单位");
            if (unit && unit_in(unit) != GK_UNIT_NONE)
                n = (size_t)(unit - name);
            gk_trim(&name, &n);
            return n ? gk_report_strndup(r, name, n) : NULL;
        }
    return NULL;
}

/* "公开01表", "公开 01 表", "表1", "表 1", "表一" as a whole cell/line. */
/* Does s hold a well-formed amount? */
static bool is_amount(const char *s)
{
    gk_amount a;
    return gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK;
}

static bool is_number(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 24)
        return false;
    if (tx_starts(s, "公开") && n >= 3 && strcmp(s + n - 3, "表") == 0)
        return true;
    if (tx_starts(s, "表")) {
        const char *t = s + 3;
        while (*t == ' ')
            t++;
        return *t >= '0' && *t <= '9';
    }
    return false;
}

/* A section heading of the narrative: "第三部分 …", "一、…情况说明" and
 * Markdown headings. */
static bool is_heading(const gk_line *ln)
{
    const char *t = ln->text;
    if (!*t || strlen(t) > 120 || tx_has(t, "。"))
        return false;
    if (ln->heading || tx_starts(t, "第"))
        return ln->heading || (tx_has(t, "部分") && strlen(t) < 90);
    static const char *const NUMERALS[] = {"一", "二", "三", "四", "五", "六", "七",
                                           "八", "九", "十", NULL};
    for (const char *const *n = NUMERALS; *n; n++)
        if (tx_starts(t, *n)) {
            const char *d = strstr(t, "、");
            return d && d - t <= 9;
        }
    return false;
}

/* A heading that ends a table: a Markdown heading, "第X部分", or a numbered
 * heading of the narrative ("一、收入支出决算总体情况说明") — numbered labels
 * inside tables ("三、国防支出") are rows. */
static bool section_break(const gk_line *ln)
{
    if (!is_heading(ln))
        return false;
    const char *t = ln->text;
    return ln->heading || tx_starts(t, "第") || tx_has(t, "说明") || tx_has(t, "情况") ||
           tx_has(t, "概况") || tx_has(t, "名词解释") || tx_has(t, "职能") || tx_has(t, "职责");
}

/* ---- Titles ------------------------------------------------------------------ */

/* The key with a trailing parenthetical removed ("…明细表(按支出功能分类科目)"). */
static bool ends_as_title(const char *key)
{
    size_t n = strlen(key);
    if (n > 0 && key[n - 1] == ')') {
        const char *open = strrchr(key, '(');
        if (open)
            n = (size_t)(open - key);
    }
    return n >= 3 && memcmp(key + n - 3, "表", 3) == 0;
}

static const gk_layout *title_layout(reader *rd, const gk_line *ln)
{
    if (ln->bullet || !*ln->text || strlen(ln->text) > 200 || tx_nonempty_cells(ln) > 2)
        return NULL;
    /* "详见单位的项目绩效目标表": a reference to a table, not its title. */
    if (tx_starts(ln->text, "详见") || tx_starts(ln->text, "见"))
        return NULL;
    const char *text = ln->text;
    if (ln->ncells == 2 && is_number(ln->cells[0]))    /* "公开01表  收入支出决算总表" */
        text = ln->cells[1];
    /* Cheap test first: a title ends in 表, or in a parenthesis after it. */
    size_t n = strlen(text);
    if (n < 3 || !(memcmp(text + n - 3, "表", 3) == 0 || text[n - 1] == ')' ||
                   memcmp(text + n - 3, "）", 3) == 0))
        return NULL;
    const char *key = tx_key_of(rd, text);
    if (!ends_as_title(key))
        return NULL;
    /* A subtitle in brackets on the next line says the classification
     * ("一般公共预算支出明细表" / "（按支出经济分类科目）"): it is the title's. */
    assert(ln >= rd->L.items && ln < rd->L.items + rd->L.n);
    size_t i = (size_t)(ln - rd->L.items);
    const gk_line *sub = i + 1 < rd->L.n ? &rd->L.items[i + 1] : NULL;
    if (sub && (tx_starts(sub->text, "（") || tx_starts(sub->text, "(")) &&
        tx_has(sub->text, "分类") && strlen(sub->text) < 120 && tx_nonempty_cells(sub) == 1) {
        char both[GK_NAME_KEY_MAX * 2];
        gk_format(both, sizeof both, "%s%s", text, sub->text);
        const gk_layout *l = gk_layout_for_title(tx_key_of(rd, both));
        if (l)
            return l;
    }
    const gk_layout *l = gk_layout_for_title(key);
    /* A budget's overview tables may leave 预算 out of their titles (收入
     * 总表, 本年支出总体情况表): read such a title as if it said 预算. */
    if (!l && rd->r->kind == GK_DOC_BUDGET && tx_has(key, "总") && !tx_has(key, "决算")) {
        char budget[GK_NAME_KEY_MAX + 8];
        gk_format(budget, sizeof budget, "%s预算", key);
        l = gk_layout_for_title(budget);
    }
    return l;
}

/* A title wrapped over two lines ("2022年部门综合预算政府采购（资产配置、购买
 * 服务）" / "预算表（不含上年结转）"; "…“三公”经费及" / "会议费、培训费支出
 * 预算表"): the second line alone names no table, or another kind than the
 * two together.  The two become one line (the second; the first is left
 * blank).  Lines of prose (sentence punctuation), headings and lines of
 * several cells are not a title's first half. */
static void join_wrapped_titles(reader *rd)
{
    for (size_t i = 0; i + 1 < rd->L.n; i++) {
        gk_line *first = &rd->L.items[i], *second = &rd->L.items[i + 1];
        if (!*first->text || first->bullet || tx_nonempty_cells(first) != 1 ||
            tx_nonempty_cells(second) != 1 || strlen(first->text) > 120 ||
            strlen(second->text) > 90 || tx_has(first->text, "。") || tx_has(first->text, "，") ||
            tx_has(first->text, "：") || tx_has(first->text, ":") || is_number(first->text) ||
            unit_in(first->text) != GK_UNIT_NONE || section_break(first) ||
            ends_as_title(tx_key_of(rd, first->text)) || title_layout(rd, first) ||
            section_break(second))
            continue;
        /* The first half starts the title: after a blank line, the table's
         * number ("表12") or a page break, not the tail of a paragraph. */
        const gk_line *before = i > 0 ? &rd->L.items[i - 1] : NULL;
        if (before && *before->text && !is_number(before->text) && before->page == first->page)
            continue;
        const gk_layout *alone = title_layout(rd, second);
        gk_line saved = *second;
        char both[GK_NAME_KEY_MAX * 2];
        gk_format(both, sizeof both, "%s%s", first->text, second->text);
        const char *text = gk_arena_strndup(rd->scratch, both, strlen(both));
        const char **cells = gk_arena_alloc(rd->scratch, sizeof *cells);
        cells[0] = text;
        second->text = text;
        second->cells = cells;
        second->ncells = 1;
        const gk_layout *joined = title_layout(rd, second);
        if (!joined || (alone && joined->kind == alone->kind)) {
            *second = saved;
            continue;
        }
        first->text = "";
        first->ncells = 0;
    }
}

/* Table matter follows a title: a number, a unit, or header-ish lines,
 * before any other title.  Table-of-contents entries fail this. */
static bool confirmed_title(reader *rd, size_t t)
{
    size_t seen = 0;
    for (size_t i = t + 1; i < rd->L.n && seen < 8; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text)
            continue;
        seen++;
        if (title_layout(rd, ln) || section_break(ln))
            return false;                /* the next entry of a 目录 */
        /* Header words, not in the name of a table ("五、财政拨款支出表
         * （功能科目）", the next entry of a 目录). */
        bool named = ends_as_title(tx_key_of(rd, ln->text));
        /* A table's number, then a table's title: the number is that
         * title's, and this line was the last entry of a 目录 ("表15 部门
         * 整体支出绩效目标表" before "表1" / "部门综合预算收支总表") or a
         * running footer ("表11-财拨结转支出表" at the foot of the page
         * before "表11" / "…结转资金支出表"). */
        if (is_number(ln->text)) {
            size_t k = i + 1;
            while (k < rd->L.n && !*rd->L.items[k].text)
                k++;
            if (k < rd->L.n && title_layout(rd, &rd->L.items[k]))
                return false;
        }
        if (is_number(ln->text) || unit_in(ln->text) != GK_UNIT_NONE ||
            tx_nonempty_cells(ln) >= 3 ||
            (!named && (tx_has(ln->text, "栏次") || tx_has(ln->text, "项目") ||
                        tx_has(ln->text, "科目"))))
            return true;
    }
    return false;
}

/* A table title no layout knows ("收入总表", "财政拨款基本支出表（经济科目）"):
 * a short line of one cell ending in 表, with the table's number on the
 * line before or after it, or a unit on one of the two lines after it.  It ends the
 * table before it. */
static bool unknown_title(reader *rd, size_t t)
{
    const gk_line *ln = &rd->L.items[t];
    const char *text = ln->text;
    if (ln->bullet || !*text || strlen(text) > 120 || tx_has(text, "。") || tx_has(text, "，") ||
        tx_starts(text, "注") || tx_starts(text, "详见") || tx_starts(text, "见") ||
        section_break(ln))
        return false;
    if (ln->ncells == 2 && is_number(ln->cells[0]))
        text = ln->cells[1];
    else if (tx_nonempty_cells(ln) > 1)
        return false;
    if (is_number(text) || !ends_as_title(tx_key_of(rd, text)))
        return false;           /* "公开 02 表" numbers the title after it */
    size_t k = t;
    while (k > 0 && !*rd->L.items[k - 1].text)
        k--;
    if (k > 0 && is_number(rd->L.items[k - 1].text))
        return true;
    if (text != ln->text)
        return true;
    int seen = 0;
    for (size_t i = t + 1; i < rd->L.n && seen < 2; i++) {
        const gk_line *nl = &rd->L.items[i];
        if (!*nl->text)
            continue;
        seen++;
        if (title_layout(rd, nl))
            return false;           /* a heading over a known table */
        if (seen == 1 && is_number(nl->text))
            return true;            /* the number under the title */
        for (size_t c = 0; c < nl->ncells; c++)
            if (unit_in(nl->cells[c]) != GK_UNIT_NONE)
                return true;
    }
    return false;
}

/* ---- Reading a table's extent ------------------------------------------------- */

static bool says_empty(const char *t)
{
    return (tx_has(t, "无") || tx_has(t, "没有") || tx_has(t, "空")) &&
           (tx_has(t, "本表") || tx_has(t, "空表") || tx_has(t, "数据") || tx_has(t, "收支") ||
            tx_has(t, "支出") || tx_has(t, "收入"));
}

/* A table's note: "注：…", or a "说明：" that says the table is empty (as
 * the unit's own statement under an empty table). */
bool tx_is_note(const char *t)
{
    return tx_starts(t, "注：") || tx_starts(t, "注:") || tx_starts(t, "注 ") ||
           (tx_starts(t, "注") && t[3] >= '0' && t[3] <= '9') ||
           (tx_starts(t, "说明：") && says_empty(t));
}

/* Does a line look like part of a table body: several cells, a code at
 * its start, or an amount among its words? */
static bool row_like(const gk_line *ln)
{
    if (tx_nonempty_cells(ln) >= 2)
        return true;
    for (const char *p = ln->text; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        gk_amount a;
        size_t n = (size_t)(q - p);
        if (n && n < 24 && memchr(p, '.', n) && gk_amount_parse(p, n, &a) == GK_AMOUNT_OK)
            return true;
        p = q;
    }
    char code[8];
    const char *sp = strchr(ln->text, ' ');
    if (sp) {
        char first[16];
        size_t n = (size_t)(sp - ln->text);
        if (n < sizeof first) {
            memcpy(first, ln->text, n);
            first[n] = '\0';
            if (tx_code_of(first, code))
                return true;
        }
    }
    return false;
}

/* Header text (项目, 科目, 栏次 …) rather than a row. */
static bool header_text(const char *t)
{
    return tx_has(t, "项目") || tx_has(t, "科目") || tx_has(t, "栏次") || tx_has(t, "编码") ||
           tx_has(t, "代码") || tx_has(t, "名称");
}

/* A page's number at its foot ("- 18 -", "第18页"): digits and dashes, no
 * word a name could hold. */
static bool page_number_text(const char *t)
{
    bool digits = false;
    for (; *t; t++) {
        if (*t >= '0' && *t <= '9')
            digits = true;
        else if (tx_starts(t, "—") || tx_starts(t, "第") || tx_starts(t, "页"))
            t += 2;
        else if (*t != ' ' && *t != '-')
            return false;
    }
    return digits;
}

/* At line j: the table's header printed again (a page break), followed
 * within a few lines by a coded row? */
static bool header_repeated(reader *rd, size_t j)
{
    if (!header_text(rd->L.items[j].text))
        return false;
    for (size_t k = j + 1; k < rd->L.n && k < j + 4; k++) {
        const gk_line *ln = &rd->L.items[k];
        char code[8];
        if (ln->ncells && tx_code_of(ln->cells[0], code))
            return true;
        if (!header_text(ln->text))
            return false;
    }
    return false;
}

/* The line after the table body [from, end): stops at the next title, a
 * heading, a note, or a blank line followed by something that is not a
 * row, or prose (except in forms).  A note naming an empty table is kept. */
static size_t table_end(reader *rd, size_t from, gk_table *t)
{
    /* Forms (绩效) hold paragraphs of prose in their 目标 cells, 专项业务经费
     * tables in their 项目简介 (layout.c). */
    const gk_layout *lay = gk_layout_of(t->kind);
    bool form = gk_layout_prose_cells(lay);
    size_t i = from;
    while (i < rd->L.n) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text) {
            size_t j = i + 1;
            while (j < rd->L.n && !*rd->L.items[j].text)
                j++;
            if (j < rd->L.n && tx_is_note(rd->L.items[j].text)) {
                i = j;                  /* the table's note, after a blank line */
                continue;
            }
            if (header_repeated(rd, j)) {
                i = j;                  /* a page break: the header again, then rows */
                continue;
            }
            /* j < n: blank lines may run to the end of the input (fuzz_text). */
            if (i > from && j < rd->L.n && rd->L.items[j].page != rd->L.items[i - 1].page &&
                !tx_is_note(rd->L.items[j].text) && !section_break(&rd->L.items[j]) &&
                !(title_layout(rd, &rd->L.items[j]) && confirmed_title(rd, j))) {
                i = j;                  /* the table goes on over the page */
                continue;
            }
            if (j == rd->L.n || !row_like(&rd->L.items[j]) ||
                (title_layout(rd, &rd->L.items[j]) && confirmed_title(rd, j)))
                return i;
            i = j;
            continue;
        }
        if (tx_is_note(ln->text)) {
            /* The note, and the lines right after it that explain the table
             * (a 说明, a line saying it is empty), may say the table is
             * empty.  Templates print their instructions there too ("无…的，
             * 仍保留该表格式，并在本表下方作下述说明", "…应公开空表并说明"):
             * part of the note, but not the unit's own statement. */
            size_t end = i + 1;
            for (size_t j = i; j < rd->L.n && j < i + 4 && *rd->L.items[j].text; j++) {
                const gk_line *nl = &rd->L.items[j];
                if (j > i && ((title_layout(rd, nl) && confirmed_title(rd, j)) ||
                              section_break(nl) || row_like(nl)))
                    break;
                if (tx_has(nl->text, GK_PARTIAL_WORDS))
                    t->partial = true;      /* a rendered table says so (layout.h) */
                bool empty = says_empty(nl->text);
                if (j > i && !empty && !tx_starts(nl->text, "说明"))
                    continue;
                end = j + 1;
                bool instruction = tx_has(nl->text, "仍保留") || tx_has(nl->text, "应公开空表");
                if (!t->empty_note && empty && !instruction) {
                    t->empty_note = gk_report_strdup(rd->r, nl->text);
                    t->note_pos = tx_pos_of(nl);
                }
            }
            return end;
        }
        if ((title_layout(rd, ln) && confirmed_title(rd, i)) || section_break(ln) ||
            (i > from && unknown_title(rd, i)))
            return i;
        /* The next table's number ("表2", "公开02表") on the line before
         * its title. */
        if (is_number(ln->text) && i + 1 < rd->L.n &&
            ((title_layout(rd, &rd->L.items[i + 1]) && confirmed_title(rd, i + 1)) ||
             unknown_title(rd, i + 1)))
            return i;
        if (!row_like(ln) && strlen(ln->text) > 60 && tx_has(ln->text, "。") && !form)
            return i;                              /* a paragraph of prose */
        i++;
    }
    return i;
}

/* ---- Columns ------------------------------------------------------------------- */

typedef struct columns {
    int pos[MAX_POS];          /* cell positions of amount columns */
    const char *name[MAX_POS]; /* canonical (or printed) column names */
    int n;
} columns;

/* The 栏次 row: a line whose non-empty cells are 栏次 or consecutive
 * integers from 1.  Returns its index in [b, e) or e. */
static size_t numbering_row(reader *rd, size_t b, size_t e, columns *c)
{
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        int expect = 1, n = 0;
        bool ok = ln->tabbed && ln->ncells > 0;
        for (size_t k = 0; ok && k < ln->ncells; k++) {
            const char *s = ln->cells[k];
            int v;
            if (!*s || tx_has(s, "栏次") || tx_has(s, "行次"))
                continue;
            if (is_integer(s, &v) && v == expect && n < MAX_POS) {
                c->pos[n++] = (int)k;
                expect++;
            } else {
                ok = false;
            }
        }
        if (ok && n >= 1) {
            c->n = n;
            return i;
        }
    }
    return e;
}

/* Without a 栏次 row: the positions of the header cells that name one of
 * the layout's columns (e.g. 金额), in the first header-like lines. */
static size_t header_positions(reader *rd, size_t b, size_t e, const gk_column_spec *spec,
                               columns *c)
{
    int ncols = gk_layout_ncolumns(spec);
    for (size_t i = b; i < e && i < b + 4; i++) {
        const gk_line *ln = &rd->L.items[i];
        c->n = 0;
        for (size_t k = 0; k < ln->ncells && c->n < MAX_POS; k++) {
            const char *key = tx_key_of(rd, ln->cells[k]);
            bool named = false;
            for (int j = 0; j < ncols && !named; j++)
                for (int w = 0; w < GK_LAYOUT_MAX_WORDS && spec[j].words[w] && !named; w++)
                    named = strcmp(key, spec[j].words[w]) == 0;
            if (named)
                c->pos[c->n++] = (int)k;
        }
        if (c->n > 0)
            return i;
    }
    return e;
}

/* A line numbering the columns ("** | ** | 1 | 2 | 3 | 4 | 5 | 6 7 | 8"),
 * which numbering_row could not take (cells merged): no header text. */
static bool column_numbers(const gk_line *ln)
{
    int numbers = 0;
    for (size_t k = 0; k < ln->ncells; k++) {
        const char *s = ln->cells[k];
        if (strspn(s, "0123456789 ") == strlen(s))
            numbers += *s != '\0';
        else if (strspn(s, "*") != strlen(s) && !tx_has(s, "栏次") && !tx_has(s, "行次"))
            return false;
    }
    return numbers >= 2;
}

/* A line numbering the columns 1, 2, 3 … in turn (three at least; "**"
 * and 栏次 cells between them), and nothing else. */
static bool serial_numbers(const gk_line *ln)
{
    int expect = 1;
    for (size_t k = 0; k < ln->ncells; k++) {
        const char *s = ln->cells[k];
        int v;
        if (!*s || strspn(s, "*") == strlen(s) || tx_has(s, "栏次") || tx_has(s, "行次"))
            continue;
        if (!is_integer(s, &v) || v != expect)
            return false;
        expect++;
    }
    return expect > 3;
}

/* Header text at a position: the keys of the cells there, top to bottom. */
static const char *header_at(reader *rd, size_t hb, size_t he, int p)
{
    char buf[GK_NAME_KEY_MAX * 2] = "";
    for (size_t i = hb; i < he; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!ln->tabbed || column_numbers(ln))
            continue;
        const char *k = tx_key_of(rd, cell_at(ln, p));
        if (strlen(buf) + strlen(k) < sizeof buf)
            strcat(buf, k);
    }
    return gk_arena_strndup(rd->scratch, buf, strlen(buf));
}

/* The key of the lowest non-empty header cell at position p. */
static const char *leaf_header(reader *rd, size_t hb, size_t he, int p)
{
    for (size_t i = he; i-- > hb;) {
        const gk_line *ln = &rd->L.items[i];
        if (!ln->tabbed || column_numbers(ln))
            continue;
        const char *k = tx_key_of(rd, cell_at(ln, p));
        if (*k)
            return k;
    }
    return "";
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

/* A header naming where money comes from (…拨款, …收入, 上年实户资金余额). */
static bool names_source(const char *h)
{
    return (tx_has(h, "收入") || tx_has(h, "拨款") || tx_has(h, "余额")) && !tx_has(h, "支出");
}

/* The unused column of spec named by the longest word that h holds; -1. */
static int best_word(const gk_column_spec *spec, int ncols, const bool *used, const char *h,
                     size_t *best_len)
{
    int best = -1;
    const char *best_at = NULL;
    *best_len = 0;
    for (int k = 0; k < ncols; k++) {
        if (used[k])
            continue;
        for (int w = 0; w < GK_LAYOUT_MAX_WORDS && spec[k].words[w]; w++) {
            size_t len = strlen(spec[k].words[w]);
            const char *at = strstr(h, spec[k].words[w]);
            /* Of two words as long, the later: the cell nearest the figures
             * ("基本支出人员经费", a group header joined to its first leaf). */
            if (at && (len > *best_len || (len == *best_len && at > best_at))) {
                best = k;
                best_at = at;
                *best_len = len;
            }
        }
    }
    return best;
}

/* Name each position by the canonical column whose header word it holds
 * (the longest such word wins); positions with no such word take the next
 * unused column in canonical order. */
static void name_columns(reader *rd, const gk_column_spec *spec, size_t hb, size_t he,
                         columns *c)
{
    int ncols = gk_layout_ncolumns(spec);
    bool used[GK_LAYOUT_MAX_COLUMNS] = {false};
    int assigned[MAX_POS];
    /* A table of what is spent (…支出 columns) whose header names where
     * the money comes from prints its total by source of funds (a 支出总表
     * by 公共预算拨款 | 政府性基金拨款 | 事业收入 …): only the total is the
     * layout's; the other columns keep their printed names. */
    bool by_source = false;
    for (int i = 0; i < c->n && !by_source; i++)
        by_source = names_source(header_at(rd, hb, he, c->pos[i]));
    for (int k = 0; k < ncols && by_source; k++)
        if (tx_has(spec[k].name, "支出") && !tx_has(spec[k].name, "合计"))
            used[k] = true;
    bool total_used = false;
    for (int i = 0; i < c->n; i++) {
        const char *h = header_at(rd, hb, he, c->pos[i]);
        /* The header cell nearest the figures names the column, unless it
         * is a bare 小计/合计 under a group header ("基本支出" over "小计"):
         * a header spanning several columns may stand over the first of
         * them only ("公务用车购置及运行维护费" over "“三公”经费合计"). */
        const char *leaf = leaf_header(rd, hb, he, c->pos[i]);
        int best = -1;
        size_t best_len = 0;
        /* A second total ("总计 | 合计", or "一般公共预算拨款合计": a group
         * header joined by the grid to the 合计 below it) is not a part:
         * it keeps its printed name. */
        if (total_used && (ends_with(leaf, "合计") || ends_with(leaf, "总计"))) {
            assigned[i] = -2;
            c->name[i] = *h ? h : leaf;
            continue;
        }
        /* The first figures under a header ending in 合计 ("一般公共预算拨款
         * 合计": the group header over 小计 joined by the grid to the 合计
         * beside it) are the total, not the group's part. */
        if (i == 0 && !total_used && ends_with(leaf, "合计") && strcmp(leaf, "合计") != 0)
            for (int k = 0; k < ncols && best < 0; k++)
                if (!used[k] && ends_with(spec[k].name, "合计"))
                    best = k;
        if (best < 0 && *leaf && strcmp(leaf, "小计") != 0 && strcmp(leaf, "合计") != 0 &&
            strcmp(leaf, h) != 0)
            best = best_word(spec, ncols, used, leaf, &best_len);
        if (best < 0)
            best = best_word(spec, ncols, used, h, &best_len);
        total_used |= best >= 0 && tx_has(spec[best].name, "合计");
        assigned[i] = best;
        if (best >= 0)
            used[best] = true;
        c->name[i] = best >= 0 ? spec[best].name : (*h ? h : NULL);
    }
    int last = -1;
    for (int i = 0; i < c->n; i++) {
        if (assigned[i] >= 0) {
            last = assigned[i];
            continue;
        }
        if (assigned[i] == -2)
            continue;
        /* "其中：专项资金…" is a part of the column before it, never a
         * column of its own in the layout's sums. */
        if (tx_has(c->name[i] ? c->name[i] : "", "其中"))
            continue;
        /* A header printing more columns than the layout knows names its
         * own ("财政专户拨款收入教育收费"): the layout's order says nothing
         * of the extra ones. */
        if (c->name[i] && c->n > ncols)
            continue;
        for (int k = last + 1; k < ncols; k++)
            if (!used[k]) {
                used[k] = true;
                assigned[i] = last = k;
                c->name[i] = spec[k].name;
                break;
            }
        if (!c->name[i]) {
            char name[16];
            snprintf(name, sizeof name, "栏%d", i + 1);
            c->name[i] = gk_arena_strndup(rd->scratch, name, strlen(name));
        }
    }
}

/* ---- Cells and rows ------------------------------------------------------------------ */

/* "125360,898": a figure whose thousands separators are printed in the
 * last group only (each comma followed by three digits, a longer group
 * before it) — the same figure without its commas; NULL if s is not. */
static const char *loose_separators(reader *rd, const char *s)
{
    char buf[32];
    size_t n = 0;
    bool comma = false;
    const char *p = s;
    if (*p == '-')
        buf[n++] = *p++;
    if (!(*p >= '0' && *p <= '9'))
        return NULL;
    for (; *p && *p != '.'; p++) {
        if (*p == ',') {
            int d = 0;
            while (p[1 + d] >= '0' && p[1 + d] <= '9')
                d++;
            if (d != 3 || (p[4] && p[4] != ',' && p[4] != '.'))
                return NULL;
            comma = true;
            continue;
        }
        if (!(*p >= '0' && *p <= '9') || n + 1 >= sizeof buf)
            return NULL;
        buf[n++] = *p;
    }
    for (; *p && n + 1 < sizeof buf; p++) {
        if (!(*p == '.' || (*p >= '0' && *p <= '9')))
            return NULL;
        buf[n++] = *p;
    }
    if (!comma || *p)
        return NULL;
    return gk_arena_strndup(rd->scratch, buf, n);
}

/* "24995.9 4": a figure whose last decimal the grid set apart (one digit
 * after the point, a space, one digit) — the figure whole; NULL if s is
 * not. */
static const char *split_decimal(reader *rd, const char *s)
{
    const char *dot = strchr(s, '.');
    size_t n = strlen(s);
    if (!dot || n < 5 || n > 30 || s[n - 2] != ' ' || !(s[n - 1] >= '0' && s[n - 1] <= '9') ||
        dot != s + n - 4 || !(dot[1] >= '0' && dot[1] <= '9'))
        return NULL;
    for (const char *p = s; p < dot; p++)
        if (!((*p >= '0' && *p <= '9') || *p == ',' || (p == s && *p == '-')))
            return NULL;
    char buf[32];
    memcpy(buf, s, n - 2);
    buf[n - 2] = s[n - 1];
    return gk_arena_strndup(rd->scratch, buf, n - 1);
}

void tx_put_amount(reader *rd, gk_row *row, const char *column, const gk_line *ln,
                       const char *s)
{
    gk_amount a;
    gk_amount_status st = gk_amount_parse(s, strlen(s), &a);
    const char *loose = st == GK_AMOUNT_INVALID ? loose_separators(rd, s) : NULL;
    if (!loose && st == GK_AMOUNT_INVALID)
        loose = split_decimal(rd, s);
    if (loose)
        st = gk_amount_parse(loose, strlen(loose), &a);
    switch (st) {
    case GK_AMOUNT_OK:
        gk_row_set(rd->r, row, column, a);
        break;
    case GK_AMOUNT_BLANK:
        break;
    case GK_AMOUNT_OVERFLOW:
        gk_report_note(rd->r, tx_pos_of(ln), "“%s”栏的金额“%s”位数过多，未读取", column, s);
        break;
    case GK_AMOUNT_INVALID:
        if (strcmp(s, "•") != 0 && strcmp(s, "·") != 0)   /* stamp dots in empty cells */
            gk_report_note(rd->r, tx_pos_of(ln), "“%s”栏的“%s”不是金额，按空白处理", column, s);
        break;
    }
}

/* A table the reader cannot read is kept, empty and marked partial, with a
 * note saying why: an empty table is a claim about the document (COMP003),
 * an unread one is not. */
static void leave_unread(reader *rd, gk_table *t, const char *fmt, ...)
{
    char why[512];
    va_list ap;
    va_start(ap, fmt);
    gk_vformat(why, sizeof why, fmt, ap);
    va_end(ap);
    gk_report_note(rd->r, t->pos, "%s，表格未读取", why);
    t->partial = true;
}

gk_row *tx_new_row(reader *rd, gk_table *t, const gk_line *ln, const char *code,
                       const char *label, gk_side side)
{
    gk_row *row = gk_table_add_row(rd->r, t);
    row->code = gk_report_strdup(rd->r, code);
    row->label = gk_report_strdup(rd->r, label);
    row->side = side;
    row->pos = tx_pos_of(ln);
    return row;
}

const char *tx_clean_label(reader *rd, const char *s, bool strip_numbering)
{
    char out[GK_NAME_KEY_MAX];
    gk_label_normalize(s, strip_numbering, out);
    return gk_arena_strndup(rd->scratch, out, strlen(out));
}

bool tx_is_total_label(const char *key)
{
    return strcmp(key, "合计") == 0 || strcmp(key, "总计") == 0 || tx_has(key, "合计");
}

/* "1、一般公共服务支出0.00": a figure the grid joined to its label (columns
 * it took for one, or a figure overflowing its cell).  The label's length,
 * the figure in *figure; the whole length and "" when none ends it. */
static size_t joined_figure(reader *rd, const char *raw, const char **figure)
{
    size_t n = strlen(raw), k = n;
    while (k > 0 && (isdigit((unsigned char)raw[k - 1]) || raw[k - 1] == '.' || raw[k - 1] == ','))
        k--;
    gk_amount a;
    *figure = "";
    if (k == 0 || k == n || !strchr(raw + k, '.') ||
        gk_amount_parse(raw + k, n - k, &a) != GK_AMOUNT_OK)
        return n;
    *figure = gk_arena_strndup(rd->scratch, raw + k, n - k);
    return k;
}

/* ---- Coded tables (功能/经济分类 rows) ------------------------------------------------ */

/* A row on a later page than the table's first row, one cell wider than
 * it, with a blank cell where the first page has none (a PDF grid that
 * made a column of a header printed again over no figures): the row
 * without that cell — after its code and name ("22102 | 住房改革支出 |  |
 * 20,970,048"), or before a 合计 standing a cell too far right.  Otherwise
 * the line itself. */
static const gk_line *continued_row(reader *rd, const gk_line *first, const gk_line *ln,
                                    gk_line *out)
{
    if (!first || !ln->tabbed || !first->tabbed || ln->page == first->page ||
        ln->ncells != first->ncells + 1 || ln->ncells < 4)
        return ln;
    char code[8];
    int drop = -1;
    if (tx_code_of(ln->cells[0], code) && *ln->cells[1] && !*ln->cells[2])
        drop = 2;
    else if (!*ln->cells[0] && !*ln->cells[1] && tx_is_total_label(tx_key_of(rd, ln->cells[2])))
        drop = 0;
    if (drop < 0)
        return ln;
    const char **cells = gk_arena_alloc(rd->scratch, ln->ncells * sizeof *cells);
    size_t n = 0;
    for (size_t k = 0; k < ln->ncells; k++)
        if ((int)k != drop)
            cells[n++] = ln->cells[k];
    *out = *ln;
    out->cells = cells;
    out->ncells = n;
    return out;
}

static void read_coded(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    columns c = {0};
    size_t nr = numbering_row(rd, b, e, &c);
    size_t data = nr < e ? nr + 1 : b;
    if (nr == e) {
        /* No 栏次 row: data starts at the first line with a code or 合计;
         * amounts stand after the name. */
        while (data < e) {
            const gk_line *ln = &rd->L.items[data];
            char code[8];
            /* A 合计 among other words and no figure on its line is a
             * header ("单位名称 | 合计 | …"); alone, the row of an empty
             * table. */
            bool figure = tx_nonempty_cells(ln) <= 2;
            for (size_t k = 1; k < ln->ncells && !figure; k++) {
                gk_amount a;
                figure = gk_amount_parse(ln->cells[k], strlen(ln->cells[k]), &a) == GK_AMOUNT_OK;
            }
            if (tx_code_of(cell_at(ln, 0), code) ||
                (figure && (tx_has(tx_key_of(rd, cell_at(ln, 0)), "合计") ||
                            tx_has(tx_key_of(rd, cell_at(ln, 1)), "合计"))))
                break;
            data++;
        }
        /* Amounts after the name: from cell 2 (code, name), or from cell 1
         * when the first row is a 合计 with a figure right after it (a
         * table with a name column and no code column). */
        int from = 2;
        if (data < e) {
            const gk_line *ln = &rd->L.items[data];
            gk_amount a;
            if (tx_is_total_label(tx_key_of(rd, cell_at(ln, 0))) &&
                gk_amount_parse(cell_at(ln, 1), strlen(cell_at(ln, 1)), &a) == GK_AMOUNT_OK)
                from = 1;
        }
        /* Every column up to the last the header prints or a figure
         * stands in: the header names them, canonical columns or not. */
        int last = from + gk_layout_ncolumns(lay->columns) - 1;
        for (size_t i = b; i < e; i++) {
            const gk_line *ln = &rd->L.items[i];
            for (int k = last + 1; ln->tabbed && k < (int)ln->ncells && k < from + MAX_POS; k++) {
                if (i < data ? *ln->cells[k] != '\0' : is_amount(ln->cells[k]))
                    last = k;
            }
        }
        for (int k = from; k <= last && c.n < MAX_POS; k++)
            c.pos[c.n++] = k;
    }
    name_columns(rd, lay->columns, b, nr < e ? nr : data, &c);
    /* "单位名称合计" over "合计18999011.66 | 18999011.66 | …": the grid
     * merged the name column with the 合计 beside it.  The figure joined to
     * the name is the 合计; the first column is its 小计 (which took the
     * total's name). */
    bool name_total = false;
    for (size_t i = b; i < (nr < e ? nr : data) && c.n && c.pos[0] > 0 && !name_total; i++) {
        const gk_line *ln = &rd->L.items[i];
        const char *key = tx_key_of(rd, cell_at(ln, c.pos[0] - 1));
        name_total = ln->tabbed && tx_has(key, "名称") && ends_with(key, "合计");
    }
    for (int k = 0; k < c.n && name_total; k++)
        if (strcmp(c.name[k] ? c.name[k] : "", lay->columns[0].name) == 0) {
            if (k == 0 && strcmp(leaf_header(rd, b, nr < e ? nr : data, c.pos[0]), "小计") == 0)
                c.name[0] = "小计";
            else
                name_total = false;     /* the total has a column of its own */
        }
    /* Rows by unit (单位编码 | 单位名称 …, a 部门's units with their own
     * numbers): only the 合计 row is the table's; unit numbers are not
     * classification codes. */
    bool by_unit = false;
    for (size_t i = b; i < (nr < e ? nr : data) && !by_unit; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = 0; k < 2 && k < ln->ncells && !by_unit; k++) {
            const char *key = tx_key_of(rd, ln->cells[k]);
            by_unit = tx_starts(key, "单位编码") || tx_starts(key, "单位代码") ||
                      tx_starts(key, "单位名称") || tx_starts(key, "预算单位");
        }
    }

    gk_row *prev = NULL;
    char cls[4] = "";           /* the last 类 code */
    const gk_line *first = data < e ? &rd->L.items[data] : NULL;
    for (size_t i = data; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        gk_line shifted;
        ln = continued_row(rd, first, ln, &shifted);
        char code[8];
        const char *label = NULL;
        bool coded = !by_unit && tx_code_of(cell_at(ln, 0), code);
        /* "201 一般公共服务支出" over "10 人力资源事务": a 款 printed by its
         * own two digits under its 类. */
        const char *c0 = cell_at(ln, 0);
        if (!by_unit && !coded && *cls && strlen(c0) == 2 && all_digits(c0)) {
            snprintf(code, sizeof code, "%s%s", cls, c0);
            coded = true;
        }
        if (coded && strlen(code) == 3)
            memcpy(cls, code, sizeof cls);
        if (by_unit && !tx_is_total_label(tx_key_of(rd, cell_at(ln, 0))) &&
            !tx_is_total_label(tx_key_of(rd, cell_at(ln, 1))))
            continue;
        if (coded) {
            label = cell_at(ln, 1);
        } else {
            const char *k0 = tx_key_of(rd, cell_at(ln, 0)), *k1 = tx_key_of(rd, cell_at(ln, 1));
            if (tx_is_total_label(k0) || tx_is_total_label(k1))
                label = tx_is_total_label(k0) ? k0 : k1;
        }
        if (!label) {
            /* A name wrapped onto its own line continues the previous row. */
            if (prev && !by_unit && tx_nonempty_cells(ln) == 1 && prev->label &&
                ln->line == prev->pos.line + 1 && !header_text(ln->text) &&
                !page_number_text(ln->text)) {
                char buf[GK_NAME_KEY_MAX * 2];
                snprintf(buf, sizeof buf, "%s%s", prev->label, ln->text);
                prev->label = gk_report_strdup(rd->r, tx_clean_label(rd, buf, false));
            }
            continue;
        }
        /* "机关事业单位职业年金缴费支出43608.96 |  | 43608.96": the first
         * figure joined to the name, its own cell blank. */
        const char *figure = "";
        if ((coded && c.n && c.pos[0] == 2 && !*cell_at(ln, 2)) || name_total)
            label = gk_arena_strndup(rd->scratch, label, joined_figure(rd, label, &figure));
        gk_row *row = tx_new_row(rd, t, ln, coded ? code : NULL, tx_clean_label(rd, label, !coded),
                              GK_SIDE_NONE);
        if (name_total && *figure)
            tx_put_amount(rd, row, lay->columns[0].name, ln, figure);
        for (int k = 0; k < c.n; k++)
            tx_put_amount(rd, row, c.name[k], ln,
                          k == 0 && *figure && !name_total ? figure : cell_at(ln, c.pos[k]));
        prev = row;
    }
}

/* ---- Two-sided tables (收入 | 支出) ------------------------------------------------- */

bool tx_is_fund_label(const char *label)
{
    return tx_has(label, "财政拨款") &&
           (tx_has(label, "一般公共预算") || tx_has(label, "政府性基金") || tx_has(label, "国有资本经营"));
}

/* The level its numbering gives a label: 1 for "一、", 2 for "1." / "2、",
 * 3 for "(1)" / "（1）"; 0 for none. */
static int numbering_level(const char *raw)
{
    static const char *const CN[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
    const char *p = raw;
    for (const char *const *c = CN; *c; c++)
        if (tx_starts(p, *c)) {
            while (*p && tx_starts(p, "十"))
                p += 3;
            for (const char *const *d = CN; *d; d++)
                if (tx_starts(p, *d)) {
                    p += 3;
                    break;
                }
            return tx_starts(p, "、") || *p == '.' ? 1 : 0;
        }
    bool paren = false;
    if (*p == '(')
        p++, paren = true;
    else if (tx_starts(p, "（"))
        p += 3, paren = true;
    const char *digits = p;
    while (*p >= '0' && *p <= '9')
        p++;
    if (p == digits)
        return 0;
    if (paren)
        return *p == ')' || tx_starts(p, "）") ? 3 : 0;
    return *p == '.' || tx_starts(p, "、") ? 2 : 0;
}

/* Is the last part of a side label ("部门经济分类/…/对个人和家庭的补助")
 * the whole name of a 科目 of some classification? */
static bool names_subject(reader *rd, const char *label)
{
    const char *name = strrchr(label, '/');
    name = tx_key_of(rd, name ? name + 1 : label);
    for (int s = 0; s < GK_CLASS__COUNT; s++) {
        const gk_catalog_entry *c =
            gk_catalog_find_name((gk_class_system)s, name, NULL, 0, rd->r->year);
        if (c && strcmp(tx_key_of(rd, c->name), name) == 0)
            return true;
    }
    return false;
}

/* Does the label start with a number of any kind ("二十一、", "（二）",
 * "8、", "(3)")? */
static bool numbered(const char *raw)
{
    static const char *const CN[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    const char *p = raw;
    bool paren = *p == '(' || tx_starts(p, "（");
    p += *p == '(' ? 1 : paren ? strlen("（") : 0;
    const char *digits = p;
    for (bool more = true; more;) {
        more = *p >= '0' && *p <= '9';
        if (more) {
            p++;
            continue;
        }
        for (size_t k = 0; k < sizeof CN / sizeof *CN && !more; k++)
            if (tx_starts(p, CN[k])) {
                p += strlen(CN[k]);
                more = true;
            }
    }
    if (p == digits)
        return false;
    return paren ? *p == ')' || tx_starts(p, "）") : *p == '.' || tx_starts(p, "、");
}

const char *tx_side_label(reader *rd, side_labels *st, const char *raw)
{
    const char *label = tx_clean_label(rd, raw, true);
    const char *parent = NULL;
    int level = numbering_level(raw);
    if (!*label)
        return label;
    if (tx_has(label, "结转和结余") && (tx_has(label, "年初") || tx_has(label, "年末"))) {
        memset(st->at, 0, sizeof st->at);
        st->carry = st->at[1] = label;
    } else if (level >= 2 && (st->at[1] || st->at[2])) {
        for (int l = level - 1; l >= 1 && !parent; l--)
            parent = st->at[l];
        st->at[level] = label;
        if (level == 2)
            st->at[3] = NULL;
    } else if (st->carry && tx_is_fund_label(label)) {
        parent = st->carry;
    } else if (!tx_starts(label, "其中")) {
        memset(st->at, 0, sizeof st->at);
        st->carry = NULL;
        st->at[level == 3 ? 3 : level == 2 ? 2 : 1] = label;
    }
    if (!parent)
        return label;
    char buf[GK_NAME_KEY_MAX * 2];
    snprintf(buf, sizeof buf, "%s/%s", parent, label);
    return gk_arena_strndup(rd->scratch, buf, strlen(buf));
}

const char *tx_class_code(reader *rd, const char *label)
{
    const gk_catalog_entry *c = gk_catalog_find_name(GK_CLASS_FUNCTIONAL, label, NULL, 1,
                                                     rd->r->year);
    if (!c)
        return NULL;
    if (tx_has(label, "支出"))
        return c->code;
    /* "8、社会保障和就业": a class's whole name printed without its 支出 (not
     * a name cut short, nor a fund: "国有资本经营预算"). */
    char whole[GK_NAME_KEY_MAX * 2];
    snprintf(whole, sizeof whole, "%s支出", tx_key_of(rd, label));
    return strcmp(tx_key_of(rd, c->name), whole) == 0 && !tx_has(label, "预算") ? c->code : NULL;
}

/* One side (or view) of a two-sided table: labels at label_pos, amounts
 * at c's positions.  Labels of a later view carry its name as a prefix
 * ("部门经济分类/工资福利支出").  The side's own heading ("一、部门预算"
 * with no amount and numbered rows under it, before any row) is not a
 * row. */
/* One side (or view): labels at label_pos, amounts in c's columns; with
 * no amount column, a figure joined to its label is the view's, in the
 * column named joined (NULL: none). */
static void read_side(reader *rd, gk_table *t, size_t data, size_t e, int label_pos,
                      int other_label_pos, const columns *c, const char *joined, gk_side side,
                      const char *view)
{
    side_labels st = {{NULL}, NULL};
    bool any = false;
    size_t last = (size_t)-1;           /* the side's last row */
    bool last_numbered = false;         /* its label numbered ("8、…") */
    for (size_t i = data; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        const char *raw = cell_at(ln, label_pos);
        /* 总计 lost on one side of its line while its figures remain. */
        if (!*raw && strcmp(tx_key_of(rd, cell_at(ln, other_label_pos)), "总计") == 0) {
            for (int k = 0; k < c->n && !*raw; k++)
                if (*cell_at(ln, c->pos[k]))
                    raw = "总计";
        }
        if (!*raw || tx_has(raw, "栏次") || tx_is_note(ln->text))
            continue;
        const char *figure = "";
        if (joined)
            raw = gk_arena_strndup(rd->scratch, raw, joined_figure(rd, raw, &figure));
        bool amounts = *figure != '\0';
        for (int k = 0; k < c->n; k++)
            amounts |= *cell_at(ln, c->pos[k]) != '\0';
        /* "8、社会保障和" over "就业支出": words with no number, on a line
         * with no digit at all, end the numbered label above when together
         * they name a 科目 that it alone does not (a row printed blank is a
         * whole label: 结转下年, 国有资本经营预算 …). */
        char joined_label[GK_NAME_KEY_MAX * 2] = "";
        if (!strpbrk(ln->text, "0123456789") && last_numbered && last < t->nrows &&
            t->rows[last].pos.line + 1 == ln->line && !numbered(raw))
            snprintf(joined_label, sizeof joined_label, "%s%s", t->rows[last].label,
                     tx_clean_label(rd, raw, false));
        if (*joined_label && names_subject(rd, joined_label) &&
            !names_subject(rd, t->rows[last].label)) {
            gk_row *row = &t->rows[last];
            row->label = gk_report_strdup(rd->r, joined_label);
            row->pos.line = ln->line;
            if (side == GK_SIDE_EXPENSE && !view && !row->code)
                row->code = gk_report_strdup(rd->r, tx_class_code(rd, row->label));
            continue;
        }
        bool heading = false;
        if (!any && numbering_level(raw) == 1) {
            size_t j = i + 1;
            while (j < e && !*cell_at(&rd->L.items[j], label_pos))
                j++;
            heading = j < e && numbering_level(cell_at(&rd->L.items[j], label_pos)) >= 2;
            if (heading && !amounts)
                continue;                   /* "一、部门预算" over "1、财政拨款" */
            /* The only 一、 of its side, over all of it: an umbrella, not a
             * group ("一、财政拨款收入" before "二、事业收入" is one). */
            for (size_t k = i + 1; heading && k < e; k++)
                heading = numbering_level(cell_at(&rd->L.items[k], label_pos)) != 1;
        }
        const char *label = tx_side_label(rd, &st, raw);
        /* With its total, the side's umbrella heading is a row, but the rows
         * under it are the side's own (1、一般公共服务支出 is a 类, not a
         * part of 部门预算). */
        if (heading && amounts)
            memset(&st, 0, sizeof st);
        if (!*label)
            continue;
        any = true;
        const char *code = side == GK_SIDE_EXPENSE && !view ? tx_class_code(rd, label) : NULL;
        if (view) {
            char buf[GK_NAME_KEY_MAX * 2];
            snprintf(buf, sizeof buf, "%s/%s", view, label);
            label = gk_arena_strndup(rd->scratch, buf, strlen(buf));
        }
        gk_row *row = tx_new_row(rd, t, ln, code, label, side);
        last = t->nrows - 1;
        last_numbered = numbered(raw);
        for (int k = 0; k < c->n; k++)
            tx_put_amount(rd, row, c->name[k], ln, cell_at(ln, c->pos[k]));
        if (*figure)
            tx_put_amount(rd, row, joined, ln, figure);
    }
}

/* The name of a later 支出 view from its header ("部门预算支出经济分类科目
 * （按大类）" → 部门经济分类); NULL for the first (functional) view. */
static const char *view_name(reader *rd, const char *header, int v)
{
    if (v < 2)
        return NULL;
    const char *key = tx_key_of(rd, header);
    if (tx_has(key, "经济"))
        return tx_has(key, "部门") ? "部门经济分类" : tx_has(key, "政府") ? "政府经济分类" : "经济分类";
    return key;
}

#define MAX_VIEWS 4

/* 项目, or 项目 under its side's name ("收入项目"), or with the character
 * of a side's name printed down beside it that the grid joined to it
 * ("收项目": 收/入 over the 收入 side). */
static bool item_header(const char *key)
{
    static const char *const side[] = {"收入", "支出", "收", "支", ""};
    for (size_t k = 0; k < sizeof side / sizeof *side; k++)
        if (tx_starts(key, side[k]) && strcmp(key + strlen(side[k]), "项目") == 0)
            return true;
    return false;
}

static void read_two_sided(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    /* The label columns: the header line with two or more cells reading 项目
     * (or naming the 科目 of a view, "…（按大类）": 单位综合预算 tables print
     * the 支出 side three times, by function and by two economic
     * classifications). */
    int labels[MAX_VIEWS], nviews = 0;
    size_t hl = e;
    for (size_t i = b; i < e && hl == e; i++) {
        const gk_line *ln = &rd->L.items[i];
        int nf = 0;
        for (size_t k = 0; k < ln->ncells && nf < MAX_VIEWS; k++) {
            const char *key = tx_key_of(rd, ln->cells[k]);
            /* "项 | 目": 项目 printed spaced out, cut in two by the grid. */
            if (strcmp(key, "项") == 0 && k + 1 < ln->ncells &&
                strcmp(tx_key_of(rd, ln->cells[k + 1]), "目") == 0) {
                labels[nf++] = (int)k++;
                continue;
            }
            if (item_header(key) ||
                ((tx_has(key, "科目") || tx_has(key, "按大类")) && !tx_has(key, "编码")))
                labels[nf++] = (int)k;
        }
        if (nf >= 2) {
            nviews = nf;
            hl = i;
        }
    }
    /* A label header the grid merged with the figure header before it
     * ("出预算数政府预算支出经济科目（按大类）" over the figures, the next
     * cell blank over the labels): the labels stand where the text is;
     * the view keeps its header's name. */
    const char *view_header[MAX_VIEWS];
    for (int v = 0; v < nviews; v++) {
        view_header[v] = cell_at(&rd->L.items[hl], labels[v]);
        int figures = 0, text = 0, next_text = 0;
        for (size_t i = hl + 1; i < e; i++) {
            const gk_line *ln = &rd->L.items[i];
            const char *s = cell_at(ln, labels[v]), *n = cell_at(ln, labels[v] + 1);
            gk_amount a;
            bool fig = *s && gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK;
            figures += fig;
            text += *s && !fig;
            next_text += *n && gk_amount_parse(n, strlen(n), &a) != GK_AMOUNT_OK;
        }
        if (figures > text && next_text > figures / 2 &&
            (v + 1 == nviews || labels[v + 1] > labels[v] + 1))
            labels[v]++;
    }
    columns all = {0};
    size_t nr = hl < e ? numbering_row(rd, hl, e, &all) : e;
    if (hl < e && nr == e) {
        /* No 栏次 row: the amounts stand under the other cells of the
         * label line (预算数, 金额 …), 行次 aside. */
        const gk_line *ln = &rd->L.items[hl];
        for (size_t k = 0; k < ln->ncells && all.n < MAX_POS; k++) {
            bool is_label = false;
            for (int v = 0; v < nviews; v++)
                is_label |= (int)k == labels[v];
            if (!is_label && *ln->cells[k] && !tx_has(ln->cells[k], "行次") &&
                strcmp(tx_key_of(rd, ln->cells[k]), "序号") != 0)
                all.pos[all.n++] = (int)k;
        }
        nr = hl;
    }
    if (hl == e || all.n == 0) {
        leave_unread(rd, t, "未能识别“%s”的收入、支出两栏", t->title ? t->title : "");
        return;
    }
    columns views[MAX_VIEWS];
    memset(views, 0, sizeof views);
    for (int k = 0; k < all.n; k++) {
        int v = 0;
        while (v + 1 < nviews && all.pos[k] > labels[v + 1])
            v++;
        views[v].pos[views[v].n++] = all.pos[k];
    }
    static const gk_column_spec income_cols[] = {{"金额", {"金额", "决算数", "预算数"}}, {0}};
    for (int v = 0; v < nviews; v++) {
        const gk_column_spec *spec = v == 0 ? income_cols : lay->columns;
        name_columns(rd, spec, b, nr + 1, &views[v]);
        read_side(rd, t, nr + 1, e, labels[v], labels[v == 0 ? 1 : 0], &views[v],
                  views[v].n ? NULL : spec[0].name, v == 0 ? GK_SIDE_INCOME : GK_SIDE_EXPENSE,
                  view_name(rd, view_header[v], v));
    }
}

/* ---- Grouped tables (基本支出: code/name/amount groups side by side) -------------- */

static void read_grouped(reader *rd, gk_table *t, size_t b, size_t e)
{
    /* Groups from the header: each 代码/编码 cell starts one. */
    int code_pos[8], ng = 0;
    size_t data = b;
    for (size_t i = b; i < e && ng == 0; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = 0; k < ln->ncells && ng < 8; k++)
            if (tx_has(ln->cells[k], "代码") || tx_has(ln->cells[k], "编码"))
                code_pos[ng++] = (int)k;
        data = i + 1;
    }
    if (ng == 0) {
        code_pos[ng++] = 0;
        data = b;
    }
    /* A group's amount stands after its name: the column there that holds
     * figures on most coded rows, the first on a tie (a grid may leave a
     * blank column under a header printed off its figures). */
    /* One group: rows of later pages a blank cell too wide (continued_row). */
    const gk_line *first = NULL;
    for (size_t i = data; i < e && ng == 1 && !first; i++) {
        char code[8];
        if (tx_code_of(cell_at(&rd->L.items[i], code_pos[0]), code))
            first = &rd->L.items[i];
    }
    if (first && code_pos[0] != 0)
        first = NULL;
    int amount_pos[8];
    bool mapping[8] = {false};
    for (int g = 0; g < ng; g++) {
        amount_pos[g] = code_pos[g] + 2;
        /* "部门经济科目编码 | 名称 | 政府经济科目编码 | 名称 | 合计 …": a group
         * with no figure before the next is one row with two codes; the
         * first group's are the table's, the second's are a mapping. */
        if (g + 1 < ng && code_pos[g + 1] == code_pos[g] + 2 && !mapping[g]) {
            int p = code_pos[g + 1] + 2, n = 0, between = 0;
            for (size_t i = data; i < e; i++) {
                gk_amount a;
                const char *s = cell_at(&rd->L.items[i], p);
                const char *m = cell_at(&rd->L.items[i], code_pos[g + 1]);
                n += gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK;
                /* a figure where the second code stands: a header cell the
                 * grid merged ("决算数科目代码"), not a second code */
                char code[8];
                between += gk_amount_parse(m, strlen(m), &a) == GK_AMOUNT_OK &&
                           !tx_code_of(m, code);
            }
            if (n > 0 && between == 0) {
                amount_pos[g] = p;
                mapping[g + 1] = true;
                continue;
            }
        }
        int limit = g + 1 < ng ? code_pos[g + 1] : MAX_POS, most = 0;
        for (int k = code_pos[g] + 2; k < limit && k < code_pos[g] + 5; k++) {
            int n = 0;
            for (size_t i = data; i < e; i++) {
                gk_line shifted;
                const gk_line *ln = continued_row(rd, first, &rd->L.items[i], &shifted);
                char code[8];
                gk_amount a;
                const char *s = cell_at(ln, k);
                n += tx_code_of(cell_at(ln, code_pos[g]), code) &&
                     gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK;
            }
            if (n > most) {
                most = n;
                amount_pos[g] = k;
            }
        }
    }

    /* One group printing 基本支出 as 合计, 人员经费, 公用经费: the parts'
     * columns by their header cells after the amount (the 公用经费 is what
     * 机关运行经费 is measured against). */
    static const char *const PARTS[] = {"人员经费", "公用经费"};
    int part_pos[2] = {-1, -1};
    /* The header words of each part are the layout's ("人员类", 长沙). */
    const gk_column_spec *spec = NULL;
    const gk_layout *lay = gk_layout_of(t->kind);
    for (int k = 0; lay && k < GK_LAYOUT_MAX_COLUMNS && lay->columns[k].name; k++)
        if (strcmp(lay->columns[k].name, PARTS[0]) == 0)
            spec = &lay->columns[k];
    for (size_t i = b; i < data && ng == 1 && !mapping[0]; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = (size_t)amount_pos[0] + 1; ln->tabbed && k < ln->ncells; k++)
            for (int q = 0; q < 2; q++) {
                const char *key = tx_key_of(rd, ln->cells[k]);
                bool named = strcmp(key, PARTS[q]) == 0;
                for (int w = 0; spec && !named && w < GK_LAYOUT_MAX_WORDS && spec[q].words[w]; w++)
                    named = strcmp(key, spec[q].words[w]) == 0;
                if (named)
                    part_pos[q] = (int)k;
            }
    }
    gk_table rows_by_group[8];      /* collect per group, then append in order */
    memset(rows_by_group, 0, sizeof rows_by_group);
    gk_table totals = {0};
    for (size_t i = data; i < e; i++) {
        gk_line shifted;
        const gk_line *ln = continued_row(rd, first, &rd->L.items[i], &shifted);
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        bool merged_total = false;
        for (int g = 0; g < ng; g++) {
            char code[8];
            const char *cc = cell_at(ln, code_pos[g]);
            const char *amount = cell_at(ln, amount_pos[g]);
            if (mapping[g])
                continue;
            /* "301 | 工资福利支出 | 合计 | | 20,807,588.35 18,803,216.45": the
             * 合计 row merged into the class row beside it (its label in the
             * mapping column), the first figure 合计's. */
            const char *sp2 = strchr(amount, ' ');
            if (g + 1 < ng && mapping[g + 1] && sp2 && !strchr(sp2 + 1, ' ') &&
                tx_code_of(cc, code) &&
                strcmp(tx_key_of(rd, cell_at(ln, code_pos[g + 1])), "合计") == 0) {
                gk_row *total = tx_new_row(rd, &totals, ln, NULL, "合计", GK_SIDE_NONE);
                tx_put_amount(rd, total, "金额", ln,
                              gk_arena_strndup(rd->scratch, amount, (size_t)(sp2 - amount)));
                amount = sp2 + 1;
                merged_total = true;
            }
            /* "合计 301 | 工资福利支出 | 1151.39 859.26": the 合计 row and the
             * first class row merged into one line (a grid that took them
             * for one row) — two rows again, the first figure 合计's. */
            if (tx_starts(cc, "合计 ") && tx_code_of(cc + strlen("合计 "), code)) {
                const char *sp = strchr(amount, ' ');
                if (!sp || strchr(sp + 1, ' '))
                    continue;
                gk_row *total = tx_new_row(rd, &totals, ln, NULL, "合计", GK_SIDE_NONE);
                tx_put_amount(rd, total, "金额", ln,
                              gk_arena_strndup(rd->scratch, amount, (size_t)(sp - amount)));
                gk_row *row = tx_new_row(rd, &rows_by_group[g], ln, code,
                                         tx_clean_label(rd, cell_at(ln, code_pos[g] + 1), false),
                                         GK_SIDE_NONE);
                tx_put_amount(rd, row, "金额", ln, sp + 1);
                continue;
            }
            /* "合计 | |" over "301 | 工资福利支出 | 3861.25 2964.61": 合计's
             * figure fell on the next row. */
            const char *sp = strchr(amount, ' ');
            if (ng == 1 && sp && !strchr(sp + 1, ' ') && tx_code_of(cc, code) && i > data) {
                size_t j = i;
                while (j > data && !*rd->L.items[j - 1].text)
                    j--;
                const gk_line *above = &rd->L.items[j - 1];
                gk_amount a1, a2;
                if (strcmp(tx_key_of(rd, cell_at(above, code_pos[g])), "合计") == 0 &&
                    tx_nonempty_cells(above) == 1 &&
                    gk_amount_parse(amount, (size_t)(sp - amount), &a1) == GK_AMOUNT_OK &&
                    gk_amount_parse(sp + 1, strlen(sp + 1), &a2) == GK_AMOUNT_OK) {
                    gk_row *total = tx_new_row(rd, &totals, above, NULL, "合计", GK_SIDE_NONE);
                    tx_put_amount(rd, total, "金额", above,
                                  gk_arena_strndup(rd->scratch, amount, (size_t)(sp - amount)));
                    amount = sp + 1;
                }
            }
            if (tx_code_of(cc, code)) {
                /* A later page printed narrower (no blank column): the
                 * figure right after the name. */
                if (ng == 1 && first && ln->ncells < first->ncells && !*amount)
                    amount = cell_at(ln, code_pos[g] + 2);
                gk_row *row = tx_new_row(rd, &rows_by_group[g], ln, code,
                                      tx_clean_label(rd, cell_at(ln, code_pos[g] + 1), false),
                                      GK_SIDE_NONE);
                tx_put_amount(rd, row, "金额", ln, amount);
                for (int q = 0; q < 2 && ng == 1; q++)
                    if (part_pos[q] >= 0 && ln->tabbed && *cell_at(ln, part_pos[q]))
                        tx_put_amount(rd, row, PARTS[q], ln, cell_at(ln, part_pos[q]));
            }
        }
        /* 人员经费合计 / 公用经费合计: the amount is the next cell holding one
         * (a 合计 with none is a header: "科目名称 | 合计 | 人员经费 | …"). */
        for (size_t k = 0; k < ln->ncells && !merged_total; k++) {
            const char *key = tx_key_of(rd, ln->cells[k]);
            if (!tx_has(key, "合计"))
                continue;
            for (size_t j = k + 1; j < ln->ncells; j++) {
                gk_amount a;
                const char *s = ln->cells[j];
                if (gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK) {
                    gk_row *row = tx_new_row(rd, &totals, ln, NULL, tx_clean_label(rd, key, true),
                                             GK_SIDE_NONE);
                    tx_put_amount(rd, row, "金额", ln, s);
                    /* the 合计 row's parts, in their columns */
                    for (int q = 0; q < 2; q++)
                        if (part_pos[q] > (int)j && ln->tabbed && strcmp(key, "合计") == 0 &&
                            *cell_at(ln, part_pos[q]))
                            tx_put_amount(rd, row, PARTS[q], ln, cell_at(ln, part_pos[q]));
                    break;
                }
                if (*s && !tx_has(tx_key_of(rd, s), "合计"))
                    continue;
                if (*s)
                    break;
            }
        }
    }
    for (int g = 0; g <= ng; g++) {
        gk_table *src = g < ng ? &rows_by_group[g] : &totals;
        for (size_t k = 0; k < src->nrows; k++) {
            gk_row *row = gk_table_add_row(rd->r, t);
            *row = src->rows[k];
        }
    }
}

/* ---- 三公 tables ---------------------------------------------------------------------- */

/* No 栏次 row in a 决算 三公 table (a PDF's grid): a line whose cells are
 * only 预算数 and 决算数 gives the columns' positions, a pair under each
 * header; the header above a pair may stand over either of its two cells.
 * Fills half[0] (预算数) and half[1] (决算数), named; returns the line, or
 * e. */
static size_t pair_row(reader *rd, const gk_layout *lay, size_t b, size_t e, columns half[2])
{
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        int n = 0, other = 0;
        for (size_t k = 0; ln->tabbed && k < ln->ncells; k++) {
            const char *s = ln->cells[k];
            if (strcmp(s, "预算数") == 0 || strcmp(s, "决算数") == 0)
                n++;
            else if (*s)
                other++;
        }
        if (!ln->tabbed || n < 4 || other)
            continue;
        memset(half, 0, 2 * sizeof *half);
        for (size_t k = 0; k < ln->ncells; k++) {
            columns *h = &half[strcmp(ln->cells[k], "预算数") == 0 ? 0 : 1];
            if (*ln->cells[k] && h->n < MAX_POS)
                h->pos[h->n++] = (int)k;
        }
        if (half[0].n != half[1].n)
            return e;
        /* A pair is named by the header over its first cell, else over its
         * second. */
        columns named = {0};
        for (int k = 0; k < half[0].n; k++)
            named.pos[named.n++] = *header_at(rd, b, i, half[0].pos[k]) ? half[0].pos[k] : half[1].pos[k];
        name_columns(rd, lay->columns, b, i, &named);
        for (int h = 0; h < 2; h++)
            for (int k = 0; k < half[h].n; k++)
                half[h].name[k] = named.name[k];
        return i;
    }
    return e;
}

static const char *canonical_label(const gk_layout *lay, const char *key);

/* A 三公 table printed as a vertical list: one row per item, its label
 * naming the column ("“三公”经费", "（一）因公出国（境）支出", "1.公务用车购置费"),
 * the figures in columns of funds or years.  The figure is taken from the
 * column headed 合计 (or 预算数/决算数 when only one column holds figures);
 * with other columns and no 合计 the table is left unread.  Returns false
 * when the body is not such a list. */
static bool read_public3_vertical(reader *rd, gk_table *t, const gk_layout *lay, size_t b,
                                  size_t e)
{
    size_t first = e;
    int items = 0, width = 0;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!ln->tabbed || ln->ncells < 2 || !canonical_label(lay, tx_key_of(rd, ln->cells[0])))
            continue;
        gk_amount a;
        if (gk_amount_parse(ln->cells[1], strlen(ln->cells[1]), &a) != GK_AMOUNT_OK)
            continue;
        if (first == e)
            first = i;
        items++;
        if ((int)ln->ncells > width)
            width = (int)ln->ncells;
    }
    if (items < 3)
        return false;
    /* The column: 合计 in the header above the first item, else the only
     * column of figures. */
    int col = -1;
    for (size_t i = b; i < first && col < 0; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = 1; ln->tabbed && k < ln->ncells && col < 0; k++)
            if (tx_has(tx_key_of(rd, ln->cells[k]), "合计"))
                col = (int)k;
    }
    if (col < 0 && width == 2)
        col = 1;
    if (col < 0) {
        leave_unread(rd, t, "“三公”经费表按项目竖排且有多栏金额，未能确定取哪一栏");
        return true;
    }
    const char *label = t->kind == GK_TABLE_THREE_PUBLIC ? "决算数" : "预算数";
    gk_row *row = tx_new_row(rd, t, &rd->L.items[first], NULL, label, GK_SIDE_NONE);
    for (size_t i = first; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!ln->tabbed || ln->ncells < 2)
            continue;
        const char *name = canonical_label(lay, tx_key_of(rd, ln->cells[0]));
        if (name && !gk_row_get(row, name))
            tx_put_amount(rd, row, name, ln, cell_at(ln, col));
    }
    return true;
}

static int occurrences(const char *s, const char *word)
{
    int n = 0;
    for (const char *p = strstr(s, word); p; p = strstr(p + strlen(word), word))
        n++;
    return n;
}

/* Year labels in a header key: "2021年" not followed by more of a date or
 * a title ("2021年度部门…" is not a column's year). */
static int year_labels(const char *key)
{
    int n = 0;
    for (const char *p = strstr(key, "年"); p; p = strstr(p + strlen("年"), "年")) {
        int digits = 0;
        while (p - digits > key && p[-digits - 1] >= '0' && p[-digits - 1] <= '9')
            digits++;
        const char *after = p + strlen("年");
        if (digits == 4 && p[-digits] == '2' && (!*after || (*after >= '0' && *after <= '9') ||
                                                 tx_starts(after, "增减")))
            n++;
    }
    return n;
}

/* A 三公 table printing last year's figures, this year's and the change
 * side by side (上年 | 当年 | 增减变化情况, or 2021年 | 2022年, each with its
 * own 合计): which
 * cells are this year's the header does not say reliably — left unread. */
static bool public3_years(reader *rd, size_t b, size_t e)
{
    int totals = 0, years = 0;
    bool change = false;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        bool figures = false;
        for (size_t k = 0; k < ln->ncells && !figures; k++) {
            gk_amount a;
            figures = gk_amount_parse(ln->cells[k], strlen(ln->cells[k]), &a) == GK_AMOUNT_OK;
        }
        if (figures)
            break;
        /* Counted within cells too: a header line the grid could not
         * split is one cell ("2021年 2022年 增减变化情况"). */
        for (size_t k = 0; k < ln->ncells; k++) {
            const char *key = tx_key_of(rd, ln->cells[k]);
            totals += occurrences(key, "合计");
            years += occurrences(key, "上年") + occurrences(key, "当年") + year_labels(key);
            change |= tx_has(key, "增减");
        }
    }
    return totals >= 2 && (change || years >= 2);
}

/* An amount at 10^-4 (blank: 0); false when the cell holds no amount.
 * *scale: the most decimals seen. */
static bool ten_thousandths(const char *s, int64_t *v, unsigned *scale)
{
    gk_amount a;
    gk_amount_status st = gk_amount_parse(s, strlen(s), &a);
    *v = 0;
    if (st == GK_AMOUNT_BLANK)
        return true;
    if (st != GK_AMOUNT_OK || a.scale > 4)
        return false;
    if (a.scale > *scale)
        *scale = a.scale;
    *v = a.v;
    for (unsigned k = a.scale; k < 4; k++)
        *v *= 10;
    return true;
}

/* Whether a header line prints 合计 and 小计 in adjacent cells, 合计 first
 * (the 合计 of 三公, 会议费 and 培训费, then the 三公 小计). */
static bool total_then_subtotal(reader *rd, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = 0; k < ln->ncells; k++)
            if (is_amount(ln->cells[k]))
                return false;                   /* the header ends at the figures */
        for (size_t k = 0; ln->tabbed && k + 1 < ln->ncells; k++)
            if (strcmp(tx_key_of(rd, ln->cells[k]), "合计") == 0 &&
                strcmp(tx_key_of(rd, ln->cells[k + 1]), "小计") == 0)
                return true;
    }
    return false;
}

/* A 三公 table printed in the order of the kind's layout that no title
 * names (合计 of 三公, 会议费 and 培训费 | 小计 | 出国 | 接待 | 公务用车 小计 |
 * 购置 | 运行 | 会议费 | 培训费: 西安 部门综合预算 表13), by unit, for one
 * year or for two years and their change side by side (上年 | 当年 | 增减变化
 * 情况, 2021年 | 2022年 | 增减): this year's 合计 row is read (the middle
 * group of three).  Only when the figures prove the grouping: every cell of
 * the 合计 row an amount, groups of the layout's width, each change = this
 * year − last year, and this year's 三公 小计 and 公务用车 小计 the sums of
 * their parts.  1: read; 0: not a table of this layout; -1: one that cannot
 * be read so (a page going on by unit without its 合计, cells the grid
 * merged), to be left unread. */
static int read_public3_by_unit(reader *rd, gk_table *t, const gk_layout *lay, size_t b,
                                size_t e, bool two_years)
{
    const gk_layout *order = NULL;
    for (const gk_layout *l = gk_layout_next(lay->kind, NULL); l && !order;
         l = gk_layout_next(lay->kind, l))
        if (!l->all[0] && l->style == GK_ROWS_PUBLIC3)
            order = l;
    int m = order ? gk_layout_ncolumns(order->columns) : 0;
    if (m == 0 || (!two_years && !total_then_subtotal(rd, b, e)))
        return 0;
    int groups = two_years ? 3 : 1, mine = two_years ? 1 : 0;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        size_t at = ln->ncells;
        for (size_t k = 0; k < ln->ncells && at == ln->ncells; k++)
            if (strcmp(tx_key_of(rd, ln->cells[k]), "合计") == 0)
                at = k;
        if (at == ln->ncells || !ln->tabbed)
            continue;
        bool figures = false;
        for (size_t k = at + 1; k < ln->ncells && !figures; k++)
            figures = is_amount(ln->cells[k]);
        if (!figures)
            continue;                           /* 合计 in the header */
        if (ln->ncells - at - 1 != (size_t)(groups * m))
            return -1;
        int64_t v[3][GK_LAYOUT_MAX_COLUMNS];
        unsigned scale = 0;
        for (int g = 0; g < groups; g++)
            for (int k = 0; k < m; k++)
                if (!ten_thousandths(ln->cells[at + 1 + (size_t)(g * m + k)], &v[g][k], &scale))
                    return -1;
        /* Figures in 万元 are rounded each on its own (85.46 → 44.89 printed
         * as −40.58): one unit of the last decimal is allowed. */
        int64_t unit = 1;
        for (unsigned d = scale; d < 4; d++)
            unit *= 10;
        for (int k = 0; two_years && k < m; k++)
            if (llabs(v[2][k] - (v[1][k] - v[0][k])) > unit)
                return -1;
        /* The sums of the kind within this year's group, by column name. */
        for (int q = 0; q < 4 && lay->sums[q][0]; q++) {
            int64_t sum = 0, total = 0;
            for (int w = 0; w < GK_LAYOUT_MAX_COLUMNS && lay->sums[q][w]; w++) {
                int idx = -1;
                for (int k = 0; k < m; k++)
                    if (strcmp(order->columns[k].name, lay->sums[q][w]) == 0)
                        idx = k;
                if (idx < 0)
                    return -1;
                if (w == 0)
                    total = v[mine][idx];
                else
                    sum += v[mine][idx];
            }
            if (llabs(sum - total) > unit)
                return -1;
        }
        gk_row *row = tx_new_row(rd, t, ln, NULL, "预算数", GK_SIDE_NONE);
        for (int k = 0; k < m; k++)
            tx_put_amount(rd, row, order->columns[k].name, ln,
                          ln->cells[at + 1 + (size_t)(mine * m + k)]);
        return 1;
    }
    return -1;
}

static void read_public3(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    if (read_public3_vertical(rd, t, lay, b, e))
        return;
    columns c = {0};
    size_t nr = numbering_row(rd, b, e, &c);
    columns half[2];
    memset(half, 0, sizeof half);
    bool paired = false;
    if (nr == e && t->kind != GK_TABLE_BUDGET_THREE_PUBLIC) {
        nr = pair_row(rd, lay, b, e, half);
        paired = nr < e;
        c.n = half[0].n + half[1].n;
    }
    if (nr == e && t->kind == GK_TABLE_BUDGET_THREE_PUBLIC) {
        /* No 栏次 row (预算 tables): one line of figures under stacked
         * headers that name the columns. */
        for (size_t i = b; i < e; i++) {
            const gk_line *ln = &rd->L.items[i];
            int n = 0;
            for (size_t k = 0; k < ln->ncells; k++) {
                gk_amount a;
                n += gk_amount_parse(ln->cells[k], strlen(ln->cells[k]), &a) == GK_AMOUNT_OK;
            }
            if (n < 2)
                continue;
            for (size_t k = 0; k < ln->ncells && c.n < MAX_POS; k++)
                if (is_amount(ln->cells[k]))     /* figures only: not the row's 合计 label */
                    c.pos[c.n++] = (int)k;
            name_columns(rd, lay->columns, b, i, &c);
            gk_row *row = tx_new_row(rd, t, ln, NULL, "预算数", GK_SIDE_NONE);
            for (int k = 0; k < c.n; k++)
                tx_put_amount(rd, row, c.name[k], ln, cell_at(ln, c.pos[k]));
            return;
        }
        /* A blank form (the 2026 Excel template): the header and not one
         * figure is an empty table, as the other blank tables are read. */
        bool header = false, figures = false;
        for (size_t i = b; i < e && !figures; i++) {
            const gk_line *ln = &rd->L.items[i];
            header |= tx_has(ln->text, "公务接待");
            for (size_t k = 0; k < ln->ncells && !figures; k++) {
                gk_amount a;
                figures = gk_amount_parse(ln->cells[k], strlen(ln->cells[k]), &a) == GK_AMOUNT_OK;
            }
        }
        if (header && !figures)
            return;
    }
    if (nr == e || c.n < 2) {
        leave_unread(rd, t, "未能识别“三公”经费表的栏次");
        return;
    }
    /* One row per line, labelled 预算数 / 决算数 in the first cell … */
    size_t first = nr + 1;
    while (first < e && tx_nonempty_cells(&rd->L.items[first]) == 0)
        first++;
    if (!paired && first < e && (tx_has(rd->L.items[first].text, "预算") ||
                                 tx_has(rd->L.items[first].text, "决算"))) {
        name_columns(rd, lay->columns, b, nr, &c);
        for (size_t i = first; i < e; i++) {
            const gk_line *ln = &rd->L.items[i];
            if (!*ln->text || tx_is_note(ln->text))
                break;
            const char *label = tx_has(ln->text, "预算") ? "预算数"
                                : tx_has(ln->text, "决算") ? "决算数" : NULL;
            if (!label)
                continue;
            gk_row *row = tx_new_row(rd, t, ln, NULL, label, GK_SIDE_NONE);
            for (int k = 0; k < c.n; k++)
                tx_put_amount(rd, row, c.name[k], ln, cell_at(ln, c.pos[k]));
        }
        return;
    }
    /* … or side by side: the first half is 预算数, the second 决算数. */
    if (!paired) {
        for (int k = 0; k < c.n; k++) {
            columns *h = &half[k < c.n / 2 ? 0 : 1];
            h->pos[h->n++] = c.pos[k];
        }
        name_columns(rd, lay->columns, b, nr, &half[0]);
        name_columns(rd, lay->columns, b, nr, &half[1]);
    }
    for (size_t i = nr + 1; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text || tx_is_note(ln->text))
            break;
        if (tx_nonempty_cells(ln) == 0)
            continue;
        static const char *const labels[2] = {"预算数", "决算数"};
        for (int h = 0; h < 2; h++) {
            gk_row *row = tx_new_row(rd, t, ln, NULL, labels[h], GK_SIDE_NONE);
            for (int k = 0; k < half[h].n; k++)
                tx_put_amount(rd, row, half[h].name[k], ln, cell_at(ln, half[h].pos[k]));
        }
        break;                                      /* one line of figures */
    }
}

/* ---- Labelled tables (政府采购) --------------------------------------------------------- */

static const char *canonical_label(const gk_layout *lay, const char *key)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (int k = 0; k < GK_LAYOUT_MAX_COLUMNS && lay->labels[k].name; k++)
        for (int w = 0; w < GK_LAYOUT_MAX_WORDS && lay->labels[k].words[w]; w++) {
            size_t len = strlen(lay->labels[k].words[w]);
            if (len > best_len && strstr(key, lay->labels[k].words[w])) {
                best = lay->labels[k].name;
                best_len = len;
            }
        }
    return best;
}

static void read_labelled(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e,
                          bool canonical)
{
    columns c = {0};
    size_t nr = numbering_row(rd, b, e, &c);
    if (nr == e)
        nr = header_positions(rd, b, e, lay->columns, &c);
    if (nr == e) {
        leave_unread(rd, t, "未能识别“%s”的栏次", t->title ? t->title : "");
        return;
    }
    name_columns(rd, lay->columns, b, nr + 1, &c);
    for (size_t i = nr + 1; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        const char *raw = cell_at(ln, 0);
        if (!*raw)
            continue;
        const char *label = tx_clean_label(rd, raw, true);
        const char *canon = canonical ? canonical_label(lay, tx_key_of(rd, raw)) : NULL;
        gk_row *row = tx_new_row(rd, t, ln, NULL, canon ? canon : label, GK_SIDE_NONE);
        for (int k = 0; k < c.n; k++)
            tx_put_amount(rd, row, c.name[k], ln, cell_at(ln, c.pos[k]));
    }
}

/* A table of no known kind (GK_TABLE_OTHER): a column is one of figures when
 * more of its cells are figures than text; the columns before the first of
 * them label the rows (a code and a name).  Every line with a figure is a
 * row, its figures under the names the header above the first such line
 * gives ("栏N" where the header is blank).  Nothing is inferred: text
 * columns (项目简介, 采购方式) are left out, and no rule relates these rows to
 * others. */
static void read_other(reader *rd, gk_table *t, const gk_layout *lay, size_t b, size_t e)
{
    int amounts[MAX_POS] = {0}, texts[MAX_POS] = {0};
    size_t first = e;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = 0; ln->tabbed && k < ln->ncells && k < MAX_POS; k++) {
            if (!*ln->cells[k])
                continue;
            if (is_amount(ln->cells[k])) {
                amounts[k]++;
                if (first == e && k > 0)
                    first = i;
            } else if (first < e) {
                texts[k]++;          /* header words are not the column's text */
            }
        }
    }
    int label_end = 1;
    while (label_end < MAX_POS && amounts[label_end] <= texts[label_end])
        label_end++;
    columns c = {0};
    for (int k = label_end; k < MAX_POS; k++) {
        if (amounts[k] == 0 || amounts[k] <= texts[k])
            continue;
        const char *h = header_at(rd, b, first, k);
        if (!*h) {
            char name[16];
            snprintf(name, sizeof name, "栏%d", c.n + 1);
            h = gk_arena_strndup(rd->scratch, name, strlen(name));
        }
        c.name[c.n] = h;
        c.pos[c.n++] = k;
    }
    /* A known kind (专项业务经费支出表, 政府采购预算表) names the columns whose
     * header holds one of its layout's words canonically ("项目金额", "预算
     * 金额", "总计" → 金额), and keeps the others (the sources of funds) under
     * their headers — but not counts and codes (数量, 经济科目编码), which
     * are no money.  Its rows are labelled by the text before the first. */
    int ncols = lay ? gk_layout_ncolumns(lay->columns) : 0;
    if (lay) {
        static const char *const not_money[] = {"数量", "编码", "代码", "序号", "编号", "型号",
                                                "人数", "天数"};
        bool used[GK_LAYOUT_MAX_COLUMNS] = {false};
        columns kept = {0};
        for (int j = 0; j < c.n; j++) {
            size_t len;
            int w = ncols > 0 ? best_word(lay->columns, ncols, used, c.name[j], &len) : -1;
            bool money = true;
            for (size_t k = 0; k < sizeof not_money / sizeof *not_money && w < 0; k++)
                money &= !tx_has(c.name[j], not_money[k]);
            if (w < 0 && !money)
                continue;
            if (w >= 0)
                used[w] = true;
            kept.name[kept.n] = w >= 0 ? lay->columns[w].name : c.name[j];
            kept.pos[kept.n++] = c.pos[j];
        }
        c = kept;
    }
    /* Codes are the rows' own in a known kind only where its classification
     * names them so: a unit's number (116, 116001, 201) in its first column
     * is none. */
    gk_code_kind codes = gk_table_kind_codes(t->kind);
    for (size_t i = first; i < e && c.n > 0; i++) {
        const gk_line *ln = &rd->L.items[i];
        bool figure = false;
        for (int j = 0; j < c.n && !figure; j++)
            figure = is_amount(cell_at(ln, c.pos[j]));
        if (!ln->tabbed || !figure || tx_is_note(ln->text) || serial_numbers(ln))
            continue;                   /* a wrapped label, a header again, 栏次 */
        char code[8];
        int k = 0;
        while (k < label_end && !*cell_at(ln, k))
            k++;
        bool coded = k < label_end && tx_code_of(cell_at(ln, k), code);
        bool own = coded && t->kind == GK_TABLE_OTHER;
        if (coded && codes != GK_CODES_NONE && t->kind != GK_TABLE_OTHER) {
            /* A known kind's code: one of its classification whose name the
             * row prints ("201 中共西安市委宣传部" is a unit numbered 201). */
            const gk_catalog_entry *entry = gk_catalog_lookup(
                codes == GK_CODES_FUNCTIONAL ? GK_CLASS_FUNCTIONAL : GK_CLASS_ECON_DEPT, code,
                rd->r->year);
            const char *name = cell_at(ln, k + 1);
            own = entry && *name && tx_has(tx_key_of(rd, name), entry->key);
        }
        gk_buf label = GK_BUF_INIT;
        /* A known kind: its label is the text before its first column
         * (numbers in columns of their own, 序号 | 类 | 款 | 项 | 单位编码,
         * left out). */
        int end = lay && c.n > 0 ? c.pos[0] : label_end;
        for (k += coded; k < end && k < (int)ln->ncells; k++)
            if (*ln->cells[k] && (lay ? !is_amount(ln->cells[k]) : k < label_end))
                gk_buf_printf(&label, "%s%s", label.len ? " " : "", ln->cells[k]);
        const char *name = tx_clean_label(rd, label.data ? label.data : "", false);
        /* A known kind's canonical row label, where the label is one of its
         * words exactly ("A-货物" → 货物; "科技推广服务" stays an item). */
        const char *key = tx_key_of(rd, name);
        for (int j = 0; lay && j < GK_LAYOUT_MAX_COLUMNS && lay->labels[j].name; j++)
            for (int w = 0; w < GK_LAYOUT_MAX_WORDS && lay->labels[j].words[w]; w++)
                if (strcmp(key, lay->labels[j].words[w]) == 0)
                    name = lay->labels[j].name;
        gk_row *row = tx_new_row(rd, t, ln, own ? code : NULL, name, GK_SIDE_NONE);
        gk_buf_free(&label);
        for (int j = 0; j < c.n; j++)
            tx_put_amount(rd, row, c.name[j], ln, cell_at(ln, c.pos[j]));
    }
}

/* Whether lines [b, e) hold a figure: a cell that is an amount, or a run
 * of four digits in a line not cut into cells. */
static bool has_figures(reader *rd, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        for (size_t k = 0; k < ln->ncells; k++)
            if (is_amount(ln->cells[k]))
                return true;
        int run = 0;
        for (const char *p = ln->text; *p; p++) {
            run = *p >= '0' && *p <= '9' ? run + 1 : 0;
            if (run >= 4)
                return true;
        }
    }
    return false;
}

bool body_tabbed(const reader *rd, size_t b, size_t e)
{
    size_t lines = 0, tabbed = 0;
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i];
        if (*ln->text) {
            lines++;
            tabbed += ln->tabbed;
        }
    }
    return tabbed * 2 >= lines && tabbed > 0;
}

/* ---- A 序号 column merged into the next ---------------------------------------------------- */

/* Walk the all-digit cells at position p of lines (h, e) expecting the
 * serials first, first + 1, … (a serial may be missing: one skipped).
 * Counts the cells that start with their serial, and gives the serial
 * after the last in *next; when strip, drops the serials. */
static int walk_serials(reader *rd, size_t h, size_t e, int p, int first, bool strip, int *next)
{
    int expect = first, matched = 0;
    for (size_t i = h + 1; i < e; i++) {
        gk_line *ln = &rd->L.items[i];
        const char *s = cell_at(ln, p);
        if (!all_digits(s))
            continue;
        for (int skip = 0; skip < 2; skip++) {
            char serial[16];
            int n = snprintf(serial, sizeof serial, "%d", expect + skip);
            if (strncmp(s, serial, (size_t)n) == 0) {
                if (strip)
                    ln->cells[p] = s + n;
                expect += skip + 1;
                matched++;
                break;
            }
        }
    }
    *next = expect;
    return matched;
}

/* A header cell holding 序号 and another header's words ("序号功能科目编码",
 * "单位编序号码", "序单位编码号", "序部门经济科目号编码": 序/号 printed down
 * the cell, beside the other header's lines): the other words into rest
 * (256 bytes). */
static bool merged_serial_header(const char *cell, char rest[256])
{
    const char *x = strstr(cell, "序"), *y = x ? strstr(x, "号") : NULL;
    size_t w = strlen("序");
    if (!y || strlen(cell) <= 2 * w)
        return false;
    snprintf(rest, 256, "%.*s%.*s%s", (int)(x - cell), cell, (int)(y - x - w), x + w, y + w);
    return true;
}

/* A 序号 column (1, 2, 3 … down the rows) printed so close to the column
 * after it that the grid made one column of both: the header cell holds
 * 序号 among the other header's words ("序号功能科目编码", "单位编序号码"
 * with 序/号 printed down the cell), each row's cell the serial joined to
 * the code ("1030107": row 10, code 30107).  A serial is no part of the
 * code: in [b, e), drop the serials that run on from row to row, and 序号
 * from the header cells. */
static void drop_merged_serials(reader *rd, size_t b, size_t e)
{
    int after = rd->serial_next;
    rd->serial_next = 0;
    size_t h = e;
    int p = -1;
    for (size_t i = b; i < e && p < 0; i++) {
        const gk_line *ln = &rd->L.items[i];
        char rest[256];
        for (size_t k = 0; k < ln->ncells && p < 0; k++)
            if (merged_serial_header(ln->cells[k], rest)) {
                h = i;
                p = (int)k;
            }
    }
    if (p < 0)
        return;
    size_t d = h + 1;
    while (d < e && !all_digits(cell_at(&rd->L.items[d], p)))
        d++;
    if (d == e)
        return;
    /* The first serial: the one after the table before's when this one
     * goes on from it (its title and header printed again on the next
     * page); else the prefix of the first digit cell from which most cells
     * run on, three at least (a run of one or two proves nothing). */
    const char *digits = cell_at(&rd->L.items[d], p);
    char serial[16];
    int first = 0, best = 2, next;
    snprintf(serial, sizeof serial, "%d", after);
    if (after && tx_starts(digits, serial))
        first = after;
    for (size_t n = 1; !first && n <= 3 && n <= strlen(digits) && digits[0] != '0'; n++) {
        int v = atoi(gk_arena_strndup(rd->scratch, digits, n));
        int m = walk_serials(rd, h, e, p, v, false, &next);
        if (m > best) {
            best = m;
            first = v;
        }
    }
    if (!first)
        return;
    walk_serials(rd, h, e, p, first, true, &rd->serial_next);
    for (size_t i = h; i < e; i++) {
        gk_line *ln = &rd->L.items[i];
        char rest[256];
        if (merged_serial_header(cell_at(ln, p), rest))
            ln->cells[p] = gk_arena_strndup(rd->scratch, rest, strlen(rest));
    }
}

/* ---- Tables ----------------------------------------------------------------------------- */

/* A table listing the tree of each of a 部门's units in turn (unit
 * "125001 某局" over its 301, 30101 …, then the next unit's 301 …): its
 * classes repeat, and no parent can be told from another unit's.  Only the
 * rows with no code (合计) are kept, the table marked partial. */
static void drop_unit_trees(reader *rd, gk_table *t)
{
    bool again = false, seen[3][1000] = {{false}};       /* by side and 类 code */
    for (size_t i = 0; i < t->nrows && !again; i++) {
        const gk_row *row = &t->rows[i];
        if (!row->code || strlen(row->code) != 3 || (unsigned)row->side > 2 ||
            strspn(row->code, "0123456789") != 3)
            continue;
        int code = atoi(row->code);
        again = seen[row->side][code];
        seen[row->side][code] = true;
    }
    if (!again)
        return;
    size_t n = 0;
    for (size_t i = 0; i < t->nrows; i++)
        if (!t->rows[i].code)
            t->rows[n++] = t->rows[i];
    t->nrows = n;
    t->partial = true;
    gk_report_note(rd->r, t->pos, "“%s”按单位逐一列出科目（同一类科目出现多次），只读取合计",
                   t->title ? t->title : "");
}

/* A long coded table printed with its title and header again at the top
 * of each page: the table just read (the last) continues the one before
 * when that has the same kind and title and ends on the page before.  Its
 * rows join that table.  (Known kinds of labelled rows too: 专项业务经费,
 * 政府采购.  Forms are not joined: each 绩效目标表 is a
 * project's, all under one title.) */
static void continue_table(gk_report *r)
{
    if (r->ntables < 2)
        return;
    gk_table *prev = &r->tables[r->ntables - 2], *t = &r->tables[r->ntables - 1];
    const gk_layout *lay = gk_layout_of(t->kind);
    if (!lay ||
        (lay->style != GK_ROWS_CODED && lay->style != GK_ROWS_GROUPED &&
         lay->style != GK_ROWS_TWO_SIDED &&
         (lay->style != GK_ROWS_GENERIC || t->kind == GK_TABLE_OTHER)) ||
        prev->kind != t->kind || !prev->nrows || !t->nrows || !prev->title || !t->title ||
        strcmp(prev->title, t->title) != 0 || !t->pos.page ||
        prev->rows[prev->nrows - 1].pos.page + 1 != t->pos.page)
        return;
    for (size_t k = 0; k < t->nrows; k++)
        *gk_table_add_row(r, prev) = t->rows[k];
    prev->partial = prev->partial || t->partial;
    r->ntables--;
}

/* Read the table whose title is line t; returns the line after it. */
static size_t read_table(reader *rd, size_t t, const gk_layout *lay)
{
    const gk_line *title = &rd->L.items[t];
    gk_table *tb = gk_report_add_table(rd->r, lay->kind);
    tb->title = gk_report_strdup(rd->r, title->ncells == 2 && is_number(title->cells[0])
                                            ? title->cells[1]
                                            : title->text);
    tb->pos = tx_pos_of(title);
    if (title->ncells == 2 && is_number(title->cells[0]))
        tb->number = gk_report_strdup(rd->r, title->cells[0]);
    /* "表1" on the line before the title (综合预算 sets). */
    for (size_t k = t; k-- > 0 && k + 3 > t;) {
        const gk_line *ln = &rd->L.items[k];
        if (!*ln->text)
            continue;
        if (is_number(ln->text) && !tb->number)
            tb->number = gk_report_strdup(rd->r, ln->text);
        break;
    }

    /* The preamble: number, unit, 部门 lines, blank lines. */
    size_t b = t + 1;
    for (; b < rd->L.n; b++) {
        const gk_line *ln = &rd->L.items[b];
        const char *s = ln->text;
        if (!*s)
            continue;
        bool used = false;
        for (size_t k = 0; k < ln->ncells; k++) {
            const char *c = ln->cells[k];
            if (is_number(c)) {
                if (!tb->number)
                    tb->number = gk_report_strdup(rd->r, c);
                used = true;
            }
            if (unit_in(c) != GK_UNIT_NONE) {
                tb->unit = unit_in(c);
                used = true;
            }
            const char *name = unit_name_in(rd->r, c);
            if (name) {
                tb->unit_name = name;
                used = true;
            }
        }
        if (!used && tx_nonempty_cells(ln) == 1 &&
            (tx_starts(s, "部门") || tx_starts(s, "单位") || tx_starts(s, "编制单位") || tx_starts(s, "(") ||
             tx_starts(s, "（")))
            used = true;
        if (!used)
            break;
    }
    size_t e = table_end(rd, b, tb);
    drop_merged_serials(rd, b, e);
    /* A unit may also stand inside the header rows. */
    for (size_t i = b; i < e && tb->unit == GK_UNIT_NONE; i++)
        tb->unit = unit_in(rd->L.items[i].text);
    if (tb->unit == GK_UNIT_NONE)
        tb->unit = rd->doc_unit;

    /* A 基本支出表 whose title names no classification: by function when
     * its first code is functional (2xx). */
    if (lay->kind == GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC && !tx_has(tx_key_of(rd, tb->title), "经济")) {
        for (size_t i = b; i < e; i++) {
            const gk_line *ln = &rd->L.items[i];
            char code[8];
            if (!ln->ncells || !tx_code_of(ln->cells[0], code))
                continue;
            if (code[0] == '2') {
                lay = gk_layout_of(GK_TABLE_BUDGET_GPB_BASIC_FUNCTION);
                tb->kind = lay->kind;
            }
            break;
        }
    }
    bool tabbed = body_tabbed(rd, b, e);
    switch (lay->style) {
    case GK_ROWS_CODED:
        (tabbed ? read_coded : read_coded_spaced)(rd, tb, lay, b, e);
        break;
    case GK_ROWS_TWO_SIDED:
        (tabbed ? read_two_sided : read_two_sided_spaced)(rd, tb, lay, b, e);
        break;
    case GK_ROWS_GROUPED:
        (tabbed ? read_grouped : read_grouped_spaced)(rd, tb, b, e);
        break;
    case GK_ROWS_PUBLIC3:
    {
        bool years = public3_years(rd, b, e);
        int by_unit = tb->kind == GK_TABLE_BUDGET_THREE_PUBLIC
                          ? read_public3_by_unit(rd, tb, lay, b, e, years)
                          : 0;
        if (by_unit < 0 || (by_unit == 0 && years))
            leave_unread(rd, tb, years ? "“三公”经费表并列上年数、本年数和增减数，未能确定本年各栏"
                                       : "“三公”经费表按单位列出，未能读取合计行");
        else if (by_unit == 0)
            (tabbed ? read_public3 : read_public3_spaced)(rd, tb, lay, b, e);
        break;
    }
    case GK_ROWS_LABELLED: read_labelled(rd, tb, lay, b, e, true); break;
    case GK_ROWS_GENERIC:
        /* A known kind keeps the columns its layout names; one of whose
         * figures none could be read (lines not cut into cells) is left
         * unread, not taken for an empty table. */
        read_other(rd, tb, tb->kind == GK_TABLE_OTHER ? NULL : lay, b, e);
        if (tb->kind != GK_TABLE_OTHER && tb->nrows == 0 && has_figures(rd, b, e))
            leave_unread(rd, tb, "未能识别“%s”的栏次", tb->title ? tb->title : "");
        break;
    case GK_ROWS_FORM: read_form(rd, tb, b, e); break;
    }
    if (lay->style == GK_ROWS_CODED || lay->style == GK_ROWS_GROUPED)
        drop_unit_trees(rd, tb);
    continue_table(rd->r);
    return e;
}

/* ---- Metadata ----------------------------------------------------------------------------- */

/* Unit name, year and kind (meta.c), and the document-wide amount unit. */
static void read_metadata(reader *rd, tx_meta *m)
{
    tx_read_meta(rd, m);
    /* The document-wide unit: "本套报表金额单位为万元" and the like. */
    for (size_t i = 0; i < rd->L.n && rd->doc_unit == GK_UNIT_NONE; i++) {
        const char *s = rd->L.items[i].text;
        if (tx_has(s, "本套报表") || tx_has(s, "本报告") || tx_has(s, "以下金额"))
            rd->doc_unit = unit_in(s);
    }
}

/* The main unit: that of most tables. */
static gk_unit main_unit(const gk_report *r, gk_unit fallback)
{
    size_t count[GK_UNIT_YIYUAN + 1] = {0};
    for (size_t i = 0; i < r->ntables; i++)
        count[r->tables[i].unit]++;
    gk_unit best = fallback;
    for (int u = GK_UNIT_YUAN; u <= GK_UNIT_YIYUAN; u++)
        if (count[u] > (best == GK_UNIT_NONE ? 0 : count[best]))
            best = (gk_unit)u;
    return best;
}

/* ---- The document ------------------------------------------------------------------------ */

static void read_narrative(reader *rd, const gk_line *ln)
{
    if (!*ln->text)
        return;
    if (is_heading(ln)) {
        rd->section = ln->text;           /* lives as long as the lines */
        gk_report_add_paragraph(rd->r, ln->text, ln->text, tx_pos_of(ln))->heading = true;
        return;
    }
    gk_report_add_paragraph(rd->r, rd->section, ln->text, tx_pos_of(ln));
}

gk_report *gk_read_text(const char *data, size_t len, gk_error *err)
{
    reader rd = {0};
    rd.scratch = gk_arena_new();
    if (!rd.scratch)
        gk_out_of_memory();
    if (!gk_lines_read(rd.scratch, data, len, &rd.L, err)) {
        gk_arena_free(rd.scratch);
        return NULL;
    }
    rd.r = gk_report_new();
    if (rd.L.replaced)
        gk_report_note(rd.r, (gk_pos){0}, "输入不是有效的 UTF-8 或 GB18030 文本：%d 个字节无法解码，已替换为 U+FFFD",
                       rd.L.replaced);
    tx_meta meta;
    read_metadata(&rd, &meta);
    join_wrapped_titles(&rd);
    for (size_t i = 0; i < rd.L.n;) {
        const gk_line *ln = &rd.L.items[i];
        const gk_layout *lay = title_layout(&rd, ln);
        if (lay && confirmed_title(&rd, i)) {
            i = read_table(&rd, i, lay);
            continue;
        }
        if (!lay && unknown_title(&rd, i)) {
            /* A table of a kind gongkai does not know: kept, and its lines
             * are not narrative. */
            size_t e = read_table(&rd, i, gk_layout_of(GK_TABLE_OTHER));
            i = e > i + 1 ? e : i + 1;
            continue;
        }
        read_narrative(&rd, ln);
        i++;
    }
    rd.r->amount_unit = main_unit(rd.r, rd.doc_unit);
    /* Tables that state no unit are in the document's. */
    for (size_t i = 0; i < rd.r->ntables; i++)
        if (rd.r->tables[i].unit == GK_UNIT_NONE)
            rd.r->tables[i].unit = rd.r->amount_unit;
    tx_finish_meta(&rd, &meta);
    if (!tx_is_disclosure(&rd, &meta, err)) {
        gk_report_free(rd.r);
        rd.r = NULL;
    }
    gk_arena_free(rd.scratch);
    return rd.r;
}
