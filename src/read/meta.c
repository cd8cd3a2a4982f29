/*
 * read/meta.c — what a text document is: the unit that publishes it, the
 * year, the kind (预算, 决算, 绩效) and 汇总, and whether it is a disclosure
 * at all.
 *
 * They come from the cover: the title lines at the top of the document
 * (joined, for a title is often split over lines: "2026 年度" / "某市某局" /
 * "部门预算"), and the fields a cover fills in ("预算单位：…", "部门名称：…").
 * Page furniture ("附件 1："), dates and page numbers are passed over; the
 * cover ends at the table of contents, a section heading, a table or prose.
 * What the cover does not say is taken, failing better, from the first
 * lines (a heading "第一部分 2026 年度部门预算情况说明") and, once the
 * tables are read, from their heads ("部门：某局") and their kinds.
 *
 * A unit name must look like one: a place alone ("上海市"), a table title or
 * a heading is not a name, and no name is better than a wrong one.
 */
#include <stdio.h>
#include <string.h>

#include "gongkai/catalog.h"
#include "../model/layout.h"
#include "meta.h"

/* Most bytes of a cover title or a unit name kept. */
#define TITLE_MAX 480
#define NAME_MAX 150

/* Cover lines looked at, and first lines searched for a year failing it. */
#define COVER_LINES 10
#define FIRST_LINES 8

/* ---- Words -------------------------------------------------------------------------------- */

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static bool has(const char *s, const char *word)
{
    return strstr(s, word) != NULL;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The last occurrence of word in s, or NULL. */
static const char *last(const char *s, const char *word)
{
    const char *hit = NULL;
    for (const char *p = strstr(s, word); p; p = strstr(p + 1, word))
        hit = p;
    return hit;
}

/* s copied to out without spaces, tabs and Markdown heading marks, appended
 * to what out holds (if it fits). */
static void append_squeezed(char *out, size_t size, const char *s)
{
    size_t n = strlen(out);
    while (*s == '#')
        s++;
    for (; *s && n + 1 < size; s++)
        if (*s != ' ' && *s != '\t')
            out[n++] = *s;
    out[n] = '\0';
}

/* ---- Lines of the cover ------------------------------------------------------------------- */

/* A line that says nothing of the document: "附件 1：", "附表2", a page number
 * ("— 1 —", "- 3 -", "第 1 页"), a date ("2021 年8 月22 日", "2026年1月"). */
static bool furniture(const char *line)
{
    char s[TITLE_MAX] = "";
    append_squeezed(s, sizeof s, line);
    const char *p = s;
    if (starts(p, "附件") || starts(p, "附表")) {
        p += strlen("附件");
        while (is_digit(*p))
            p++;
        return !*p || !strcmp(p, "：") || !strcmp(p, ":");
    }
    /* Page numbers: a few digits, alone or between dashes ("2026" alone may
     * be a year split from its 年). */
    size_t digits = 0;
    bool marks = false, other = false;
    for (p = s; *p; p++) {
        if (is_digit(*p)) {
            digits++;
        } else if (*p == '-') {
            marks = true;
        } else if (starts(p, "—") || starts(p, "第") || starts(p, "页")) {
            marks = true;
            p += 2;
        } else {
            other = true;
        }
    }
    if (digits && !other && (marks || digits <= 3))
        return true;
    /* A date: "2021年8月22日" — digits, 年, digits, 月 … */
    p = s;
    while (is_digit(*p))
        p++;
    if (p - s == 4 && starts(p, "年") && is_digit(p[3]))
        return has(p, "月");
    return false;
}

/* s past an "附件 1：" that leads it ("附件1：某局2024年度部门决算"). */
static const char *past_attachment(const char *s)
{
    if (!starts(s, "附件") && !starts(s, "附表"))
        return s;
    const char *p = s + strlen("附件");
    while (*p == ' ' || is_digit(*p))
        p++;
    if (starts(p, "："))
        p += strlen("：");
    else if (*p == ':')
        p++;
    else
        return s;
    while (*p == ' ')
        p++;
    return p;
}

/* A section heading: "第一部分 …", "一、…", "（一）…", "1.…". */
static bool numbered_heading(const char *s)
{
    if (starts(s, "第")) {
        const char *part = strstr(s, "部分");
        return part && part - s <= 12;
    }
    static const char *const NUMERALS[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
    for (const char *const *n = NUMERALS; *n; n++)
        if (starts(s, *n)) {
            const char *d = strstr(s, "、");
            return d && d - s <= 9;
        }
    if (starts(s, "（") || starts(s, "(")) {
        const char *q = s + (*s == '(' ? 1 : strlen("（"));
        for (const char *const *n = NUMERALS; *n; n++)
            if (starts(q, *n))
                return true;
        return is_digit(*q);
    }
    const char *p = s;
    while (is_digit(*p))
        p++;
    return p > s && (*p == '.' || starts(p, "、") || starts(p, "．"));
}

/* Prose or figures: a sentence, a long line, an amount. */
static bool prose_or_figures(const char *s)
{
    if (has(s, "。") || has(s, "，") || has(s, "；") || strlen(s) > 50 * 3)
        return true;
    for (const char *p = s; *p; p++)
        if (is_digit(*p) && (p[1] == '.' || p[1] == ',') && is_digit(p[2]))
            return true;
    return false;
}

/* A line after which the cover is over: the table of contents, a heading, a
 * table's title, prose. */
static bool ends_cover(const char *s)
{
    char key[GK_NAME_KEY_MAX];
    gk_name_key(s, key);
    if (!strcmp(key, "目录") || numbered_heading(s) || prose_or_figures(s))
        return true;
    return gk_layout_for_title(key) != NULL;
}

/* A field naming the body: "部门名称：某局", "预算单位：…", "编制单位：某局
 * 单位：元".  Its value (without a unit that follows it), or NULL. */
static const char *field_name(const char *s, size_t *len)
{
    static const char *const LEADS[] = {"预算主管部门", "主管部门", "预算单位", "部门名称", "单位名称",
                                        "编制单位", "编制部门", "部门", NULL};
    for (const char *const *l = LEADS; *l; l++) {
        if (!starts(s, *l))
            continue;
        const char *v = s + strlen(*l);
        while (*v == ' ')
            v++;
        if (starts(v, "："))
            v += strlen("：");
        else if (*v == ':')
            v++;
        else
            return NULL;
        while (*v == ' ')
            v++;
        size_t n = strlen(v);
        static const char *const ENDS[] = {" 单位", " 金额单位", "\t", "  ", NULL};
        for (const char *const *e = ENDS; *e; e++) {
            const char *cut = strstr(v, *e);
            if (cut && (size_t)(cut - v) < n)
                n = (size_t)(cut - v);
        }
        *len = n;
        return n ? v : NULL;
    }
    return NULL;
}

static bool is_field(const char *s)
{
    const char *colon = strstr(s, "：");
    if (!colon)
        colon = strchr(s, ':');
    return colon && colon - s <= 24;
}

/* ---- Titles -------------------------------------------------------------------------------- */

/* The year a title states — "2026年", "2026年度", "2026部门预算" (run into the
 * kind) — never a date ("2021年8月"), nor digits inside a longer number.
 * Sets *after to what follows it (past 年/年度). */
static int title_year(const char *s, const char **at, const char **after)
{
    for (const char *p = s; *p; p++) {
        if (p[0] != '2' || p[1] != '0' || !is_digit(p[2]) || !is_digit(p[3]) ||
            (p > s && is_digit(p[-1])))
            continue;
        const char *q = p + 4;
        if (starts(q, "年")) {
            q += strlen("年");
            if (is_digit(*q))
                continue;                   /* a date */
            if (starts(q, "度"))
                q += strlen("度");
        } else if (!starts(q, "部门") && !starts(q, "单位") && !starts(q, "预算") && !starts(q, "决算")) {
            continue;
        }
        *at = p;
        *after = q;
        return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    }
    return 0;
}

/* The kind a title names, and where its word stands (the last one). */
static gk_doc_kind title_kind(const char *s, const char **at)
{
    const char *w;
    if ((w = last(s, "决算"))) {
        *at = w;
        return GK_DOC_FINAL;
    }
    if ((w = last(s, "绩效")) && (has(w, "报告") || has(w, "评价") || has(w, "自评"))) {
        *at = w;
        return GK_DOC_PERFORMANCE;
    }
    if ((w = last(s, "预算"))) {
        *at = w;
        return GK_DOC_BUDGET;
    }
    return GK_DOC_UNKNOWN;
}

/* Does the title name a disclosure?  A 预算/决算 of a unit, or a 绩效 report
 * of the unit itself (部门, 单位, 整体, 自评) — not a notice about one
 * ("关于…的通知"), nor a report on a project's funds written by others
 * ("某市财政项目支出绩效评价报告"). */
static bool disclosure_title(const char *s, gk_doc_kind kind)
{
    if (starts(s, "关于"))
        return false;
    static const char *const NOTICES[] = {"通知", "公告", "通告", "批复", "函", "意见", "办法", NULL};
    size_t n = strlen(s);
    for (const char *const *w = NOTICES; *w; w++)
        if (ends(s, n, *w))
            return false;
    if (kind == GK_DOC_PERFORMANCE)
        return has(s, "整体") || has(s, "自评") || has(s, "部门") || has(s, "单位");
    return kind == GK_DOC_FINAL || kind == GK_DOC_BUDGET;
}

/* ---- Names --------------------------------------------------------------------------------- */

/* Remove word from name wherever it stands; true if it did. */
static bool cut_word(char *name, const char *word)
{
    bool cut = false;
    for (char *hit = strstr(name, word); hit; hit = strstr(hit, word)) {
        memmove(hit, hit + strlen(word), strlen(hit + strlen(word)) + 1);
        cut = true;
    }
    return cut;
}

/* Words at the end of a name that are not the name: what joins it to the
 * kind ("某局单位预算", "上海市2026年市级部门预算") after the year, and
 * before it only 部门 ("北京市某局部门 2026 年度部门预算": a "某某单位" there
 * may be the name itself). */
static const char *const AFTER_YEAR[] = {"部门", "单位", "综合", "整体支出", "项目支出", "市级", "区级", "县级",
                                         "省级", "公开", NULL};
static const char *const BEFORE_YEAR[] = {"部门", NULL};
static const char *const AS_GIVEN[] = {NULL};  /* a field's value, a table head's */

static void strip_qualifiers(char *name, const char *const *tails)
{
    for (bool again = true; again;) {
        again = false;
        size_t n = strlen(name);
        for (const char *const *t = tails; *t; t++)
            if (ends(name, n, *t)) {
                name[n - strlen(*t)] = '\0';
                again = true;
                break;
            }
    }
    static const char *const HEADS[] = {"年度", "度", "市级", "区级", "县级", "省级", NULL};
    for (const char *const *h = HEADS; *h; h++)
        if (starts(name, *h))
            memmove(name, name + strlen(*h), strlen(name + strlen(*h)) + 1);
}

/* Does it read as the name of a body?  Not a place alone ("上海市",
 * "某市某区": those publish 本级 sets under the units' names), not a
 * table's title, a field, a heading or furniture. */
static bool body_like(const char *name)
{
    size_t n = strlen(name);
    if (n < 6 || n > NAME_MAX)
        return false;
    static const char *const NOT[] = {"：", ":", "。", "，", "附件", "目录", "预算", "决算", "公开", "说明",
                                      "报告", "情况", "20", NULL};
    for (const char *const *w = NOT; *w; w++)
        if (has(name, *w))
            return false;
    if (numbered_heading(name))
        return false;
    /* The name without a closing parenthetical ("某局(本级)"). */
    const char *open = ends(name, n, "）") ? last(name, "（") : ends(name, n, ")") ? last(name, "(") : NULL;
    size_t core = open ? (size_t)(open - name) : n;
    /* …表 is a table; "某局制", "某局编印" the maker of the document. */
    static const char *const PLACES[] = {"省", "市", "区", "县", "表", "制", "编", "印", "发", NULL};
    for (const char *const *p = PLACES; *p; p++)
        if (ends(name, core, *p))
            return false;
    return core >= 6;
}

/* The name in raw (len bytes) cleaned — spaces, Markdown marks, 部门/单位
 * qualifiers and a （汇总） mark (which sets *consolidated) removed — into
 * out; false if what is left is not a body's name. */
static bool clean_name(const char *raw, size_t len, const char *const *tails, char out[NAME_MAX + 1],
                       bool *consolidated)
{
    char buf[TITLE_MAX] = "";
    if (len >= sizeof buf)
        return false;
    char tmp[TITLE_MAX];
    memcpy(tmp, raw, len);
    tmp[len] = '\0';
    append_squeezed(buf, sizeof buf, tmp);
    bool summary = cut_word(buf, "（汇总）");     /* both cut, whichever is there */
    summary = cut_word(buf, "(汇总)") || summary;
    strip_qualifiers(buf, tails);
    if (!body_like(buf))
        return false;
    strcpy(out, buf);
    if (summary)
        *consolidated = true;
    return true;
}

/* ---- The cover ----------------------------------------------------------------------------- */

/* The title (squeezed), from the first title lines up to the one that
 * completes year and kind; the first body named in a field; the first line
 * below the title (a name printed under it).  Returns the
 * index of the first title line, or rd->L.n if there is none. */
static size_t read_cover(const reader *rd, char title[TITLE_MAX], const char **field, size_t *field_len,
                         const char **below)
{
    *below = NULL;
    size_t first = rd->L.n, seen = 0;
    int page = -1;
    bool title_done = false;
    *field = NULL;
    title[0] = '\0';
    for (size_t i = 0; i < rd->L.n && seen < COVER_LINES; i++) {
        const gk_line *ln = &rd->L.items[i];
        const char *s = past_attachment(ln->text);
        if (!*s || furniture(s))
            continue;
        if (page >= 0 && ln->page != page && first < rd->L.n)
            break;                          /* the cover is one page */
        page = ln->page;
        seen++;
        if (is_field(s)) {
            size_t n;
            const char *v = field_name(s, &n);
            if (v && !*field) {
                *field = v;
                *field_len = n;
            }
            title_done |= first < rd->L.n;  /* fields follow the title */
            continue;
        }
        if (ends_cover(s))
            break;
        if (title_done) {
            if (!*below)
                *below = s;                 /* "2024 年度部门决算" / "某局" */
            continue;
        }
        if (first == rd->L.n)
            first = i;
        append_squeezed(title, TITLE_MAX, s);
        const char *y, *after, *k;
        title_done = title_year(title, &y, &after) && title_kind(title, &k);
    }
    return first;
}

/* The year and kind from the first lines, for a document without a cover
 * ("第一部分 2026 年度部门预算情况说明" at its top): the first line with a
 * year gives it, and the kind on it or the next. */
static void first_lines(const reader *rd, tx_meta *m)
{
    size_t seen = 0;
    for (size_t i = 0; i < rd->L.n && seen < FIRST_LINES; i++) {
        const char *s = past_attachment(rd->L.items[i].text);
        if (!*s || furniture(s) || is_field(s))
            continue;
        seen++;
        char line[TITLE_MAX] = "";
        append_squeezed(line, sizeof line, s);
        const char *y, *after, *k;
        int year = title_year(line, &y, &after);
        if (!year)
            continue;
        if (!m->year)
            m->year = year;
        if (m->kind == GK_DOC_UNKNOWN) {
            for (size_t j = i + 1; j < rd->L.n && strlen(line) < TITLE_MAX / 2; j++)
                if (*rd->L.items[j].text) {
                    append_squeezed(line, sizeof line, rd->L.items[j].text);
                    break;
                }
            m->kind = title_kind(line, &k);
            m->disclosure = disclosure_title(line, m->kind);
        }
        return;
    }
}

void tx_read_meta(reader *rd, tx_meta *m)
{
    gk_report *r = rd->r;
    memset(m, 0, sizeof *m);
    m->title_line = rd->L.n;
    char title[TITLE_MAX], name[NAME_MAX + 1];
    const char *field, *below;
    size_t field_len = 0;
    size_t first = read_cover(rd, title, &field, &field_len, &below);
    if (first < rd->L.n) {
        m->title_line = first;
        m->title = gk_report_strdup(r, title);
        const char *y = NULL, *after = NULL, *k = NULL;
        m->year = title_year(title, &y, &after);
        m->kind = title_kind(title, &k);
        m->disclosure = disclosure_title(title, m->kind);
        /* The name stands before the year, or between the year and the
         * kind ("2026 年度某局部门预算"); a name in a field wins over both. */
        bool cons = false;
        if (y && clean_name(title, (size_t)(y - title), BEFORE_YEAR, name, &cons))
            r->unit = gk_report_strdup(r, name);
        else if (y && k && k > after && clean_name(after, (size_t)(k - after), AFTER_YEAR, name, &cons))
            r->unit = gk_report_strdup(r, name);
        else if (!y && k && m->kind != GK_DOC_PERFORMANCE &&
                 clean_name(title, (size_t)(k - title), AFTER_YEAR, name, &cons))
            r->unit = gk_report_strdup(r, name);
        /* A title that names no body may have it printed under it. */
        if (!r->unit && below && clean_name(below, strlen(below), AS_GIVEN, name, &cons))
            r->unit = gk_report_strdup(r, name);
        /* 汇总 marks the title even when the name is taken from a field. */
        r->consolidated = cons || has(title, "（汇总）") || has(title, "(汇总)");
    }
    bool cons = false;
    if (field && clean_name(field, field_len, AS_GIVEN, name, &cons)) {
        r->unit = gk_report_strdup(r, name);
        r->consolidated |= cons;
    }
    if (!m->year || m->kind == GK_DOC_UNKNOWN) {
        tx_meta more = {0};
        first_lines(rd, &more);
        if (!m->year)
            m->year = more.year;
        if (m->kind == GK_DOC_UNKNOWN) {
            m->kind = more.kind;
            m->disclosure = more.disclosure;
        }
    }
    r->year = m->year;
    r->kind = m->kind;
}

/* ---- Level --------------------------------------------------------------------------------- */

/* The level of government a word names: "市级" in "上海市2026年市级部门预算". */
static const char *const LEVEL_WORDS[] = {"省级", "市级", "区级", "县级", NULL};

static const char *level_in_title(const char *title)
{
    const char *best = NULL, *at = NULL;
    for (const char *const *w = LEVEL_WORDS; *w; w++) {
        const char *hit = strstr(title, *w);
        if (hit && (!at || hit < at)) {
            at = hit;
            best = *w;
        }
    }
    return best;
}

/* UTF-8 characters in [s, s + n). */
static size_t chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* The level the places leading a body's name give: "广州市司法局" 市级,
 * "上海市普陀区民政局" 区级, "某县医疗保障局" 县级, "广西壮族自治区财政厅"
 * 省级 — place after place, each two to six characters before its 省, 自治区,
 * 市, 区, 县 or 旗 (one before 县: "凤县"), the last deciding.  "广州市城市管理…" and "普陀区市场监督…"
 * end at the place (城 and nothing are no place), as does a name with no
 * place in it.  A development zone (开发区, 高新区, 新区 …) is of no level
 * the name can tell: NULL, as for a name with no place. */
static const char *level_of_name(const char *name)
{
    static const char *const LEADS[] = {"中国共产党", "中共", "共青团", "政协", NULL};
    static const struct {
        const char *marker, *level;
    } MARKS[] = {{"自治区", "省级"}, {"省", "省级"}, {"市", "市级"}, {"区", "区级"},
                 {"县", "县级"}, {"旗", "县级"}};
    static const char *const ORGS[] = {"局", "委", "厅", "部", "办", "院", "所", "会", "中心", "学",
                                       "校", "馆", "站", "队", "司", NULL};
    static const char *const ZONES[] = {"新区", "开发区", "园区", "示范区", "管理区", "经济区",
                                        "试验区", "合作区", "保税区", "功能区", NULL};
    const char *p = name, *level = NULL;
    for (const char *const *l = LEADS; *l; l++)
        if (starts(p, *l)) {
            p += strlen(*l);
            break;
        }
    for (;;) {
        const char *at = NULL, *lv = NULL;
        size_t mlen = 0;
        for (size_t m = 0; m < sizeof MARKS / sizeof *MARKS; m++) {
            const char *hit = strstr(p, MARKS[m].marker);
            if (hit && (!at || hit < at)) {
                at = hit;
                lv = MARKS[m].level;
                mlen = strlen(MARKS[m].marker);
            }
        }
        size_t n = at ? chars(p, (size_t)(at - p)) : 0;
        /* One character before 县 only ("凤县"): "城区", "城市" are no places. */
        if (!at || n < (starts(at, "县") ? 1u : 2u) || n > 6)
            return level;
        char seg[64];
        size_t bytes = (size_t)(at - p) + mlen;
        if (bytes >= sizeof seg)
            return level;
        memcpy(seg, p, bytes);
        seg[bytes] = '\0';
        for (const char *const *o = ORGS; *o; o++)
            if (has(seg, *o))
                return level;
        for (const char *const *z = ZONES; *z; z++)
            if (ends(seg, bytes, *z))
                return NULL;
        level = lv;
        p = at + mlen;
    }
}

/* ---- After the tables ---------------------------------------------------------------------- */

/* 绩效目标表: a list of targets, not the 预算 they belong to. */
static bool target_table(gk_table_kind k)
{
    return k == GK_TABLE_PERF_TARGET_PROJECT || k == GK_TABLE_PERF_TARGET_OVERALL ||
           k == GK_TABLE_PERF_TARGET_FUND;
}

/* Tables that make a document a disclosure: not 绩效目标表 alone (plans
 * print them), nor tables of no known kind (a report's own tables). */
static bool disclosure_table(gk_table_kind k)
{
    return !target_table(k) && k != GK_TABLE_OTHER;
}

void tx_finish_meta(reader *rd, tx_meta *m)
{
    gk_report *r = rd->r;
    /* The kind of most tables, for a document that is only tables. */
    if (r->kind == GK_DOC_UNKNOWN && r->ntables) {
        size_t count[GK_DOC_PERFORMANCE + 1] = {0};
        for (size_t i = 0; i < r->ntables; i++)
            if (disclosure_table(r->tables[i].kind))
                count[gk_table_kind_doc(r->tables[i].kind)]++;
        for (int k = GK_DOC_FINAL; k <= GK_DOC_PERFORMANCE; k++)
            if (count[k] > count[r->kind])
                r->kind = (gk_doc_kind)k;
    }
    /* The name most table heads give ("部门：某局"). */
    if (!r->unit) {
        const char *best = NULL;
        size_t best_n = 0;
        for (size_t i = 0; i < r->ntables; i++) {
            const char *u = r->tables[i].unit_name;
            size_t n = 0;
            for (size_t j = 0; u && j < r->ntables; j++)
                n += r->tables[j].unit_name && !strcmp(r->tables[j].unit_name, u);
            if (n > best_n) {
                best = u;
                best_n = n;
            }
        }
        char name[NAME_MAX + 1];
        bool cons = false;
        if (best && clean_name(best, strlen(best), AS_GIVEN, name, &cons)) {
            r->unit = gk_report_strdup(r, name);
            r->consolidated |= cons;
        }
    }
    for (size_t i = 0; i < r->ntables && !m->disclosure; i++)
        m->disclosure = disclosure_table(r->tables[i].kind);
    /* The level: as the cover's title says it ("…2026年市级部门预算"), else
     * as the unit's name gives it (from the cover, a 编制单位 field or the
     * table heads); never from furniture, which names no body. */
    r->level = m->title ? level_in_title(m->title) : NULL;
    if (!r->level && r->unit)
        r->level = level_of_name(r->unit);
}

bool tx_is_disclosure(const reader *rd, const tx_meta *m, gk_error *err)
{
    const gk_report *r = rd->r;
    if (m->disclosure || (!r->ntables && !r->year && r->kind == GK_DOC_UNKNOWN))
        return true;            /* nothing of a disclosure at all: the caller says so */
    int line = 0, page = 0;
    if (m->title_line < rd->L.n) {
        const gk_line *t = &rd->L.items[m->title_line];
        line = t->line;
        page = t->page;
        /* Paged input: the line on its page (the page's first line is 1). */
        size_t first = m->title_line;
        while (page && first > 0 && rd->L.items[first - 1].page == page)
            first--;
        if (page)
            line = t->line - rd->L.items[first].line + 1;
    }
    bool targets = false;
    for (size_t i = 0; i < r->ntables; i++)
        targets |= target_table(r->tables[i].kind);
    const char *what = targets ? "文中只有绩效目标表，没有预算/决算公开表格"
                               : "文中也没有预算/决算公开表格";
    if (m->title)
        gk_error_set(err, line, 0, "不是部门预算/决算公开文档：标题“%s”不是部门/单位预算、决算或部门绩效的公开标题，%s",
                     m->title, what);
    else
        gk_error_set(err, 0, 0, "不是部门预算/决算公开文档：没有预算/决算公开的标题，%s", what);
    if (err) {
        err->page = page;
        err->not_disclosure = true;
    }
    return false;
}
