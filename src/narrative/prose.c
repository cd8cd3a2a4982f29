/*
 * prose.c — joining and normalising the narrative's paragraphs (prose.h).
 */
#include "prose.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../model/arena.h"

typedef struct sink {
    prose *p;
    size_t cap, pieces_cap;
} sink;

static void put(sink *s, const char *b, size_t n)
{
    prose *p = s->p;
    if (p->len + n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 4096;
        while (cap < p->len + n + 1)
            cap *= 2;
        char *t = realloc(p->text, cap);
        if (!t)
            gk_out_of_memory();
        p->text = t;
        s->cap = cap;
    }
    memcpy(p->text + p->len, b, n);
    p->len += n;
    p->text[p->len] = '\0';
}

static void end_sentence(sink *s)
{
    if (s->p->len > 0 && s->p->text[s->p->len - 1] != '\n')
        put(s, "\n", 1);
}

static void add_piece(sink *s, size_t para, int block, const char *title)
{
    prose *p = s->p;
    if (p->npieces == s->pieces_cap) {
        size_t cap = s->pieces_cap ? 2 * s->pieces_cap : 64;
        prose_piece *t = realloc(p->pieces, cap * sizeof *t);
        if (!t)
            gk_out_of_memory();
        p->pieces = t;
        s->pieces_cap = cap;
    }
    p->pieces[p->npieces++] = (prose_piece){p->len, para, block, title};
}

static bool is_cn_numeral(int32_t c)
{
    static const int32_t N[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                0x4E03, 0x516B, 0x4E5D, 0x5341};  /* 一…十 */
    for (size_t i = 0; i < sizeof N / sizeof N[0]; i++)
        if (c == N[i])
            return true;
    return false;
}

static bool is_sentence_end(int32_t c)
{
    return c == 0x3002 /* 。 */ || c == ';' || c == '!' || c == '?';
}

static bool is_dropped(int32_t c)
{
    if (c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
        c == '*' || c == '`')
        return true;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CC ||
           cat == UTF8PROC_CATEGORY_CF;
}

/* Is normalised text an unnumbered title of a part of the narrative, a line
 * of its own: "2026年部门预算编制说明"?  Short, ending in 说明, with no
 * sentence punctuation or amount. */
static bool is_title(const char *t)
{
    size_t n = strlen(t);
    if (n > 20 * 3 || n < 6 * 3 || strcmp(t + n - strlen("说明"), "说明") != 0 ||
        strstr(t, "元"))
        return false;
    for (const char *q = t; *q; q++)
        if (*q == ',' || *q == ':' || *q == ';' || *q == '.' || strncmp(q, "。", strlen("。")) == 0 ||
            strncmp(q, "、", strlen("、")) == 0)
            return false;
    return true;
}

/* Does normalised text begin with a subsection number, "(一)" or "二、"?
 * Such a line without a sentence end is a subheading, not prose that wraps
 * onto the next line. */
static bool starts_subheading(const char *t)
{
    utf8proc_int32_t c;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)t;
    utf8proc_ssize_t k = utf8proc_iterate(u, -1, &c);
    bool paren = k > 0 && c == '(';
    if (paren)
        u += k;
    int n = 0;
    while ((k = utf8proc_iterate(u, -1, &c)) > 0 && is_cn_numeral(c)) {
        u += k;
        n++;
    }
    if (!(n > 0 && k > 0 && (paren ? c == ')' : c == 0x3001 /* 、 */)))
        return false;
    /* "(三)公务用车购置和运行维护费。2026年预算数92.96" / "万元，…": a line
     * that goes on after its title is prose wrapping onto the next line.
     * A title ends at most in ":". */
    const char *rest = (const char *)u + k;
    size_t len = strlen(rest);
    while (len > 0 && (rest[len - 1] == '\n' || rest[len - 1] == ':'))
        len--;
    for (size_t i = 0; i < len; i++)
        if (rest[i] == ',' || rest[i] == ':' || rest[i] == ';' ||
            strncmp(rest + i, "。", strlen("。")) == 0)
            return false;
    return true;
}

/* Is a paragraph's raw text a page number, "- 5 -", "— 12 —", "第 3 页"
 * ("5 -" when a reader took the leading "- " for a bullet)?
 * Page text puts it between the lines of a sentence wrapped over two pages
 * ("…比2025年年初预算" / "- 5 -" / "数28479.84万元…"): it is no part of it. */
static bool is_page_number(const char *t)
{
    static const char *const OPEN[] = {"-", "—", "–", "第", NULL};
    static const char *const CLOSE[] = {"-", "—", "–", "页", NULL};
    while (*t == ' ' || *t == '\t')
        t++;
    /* A reader may have taken the leading "- " for a bullet: "5 -". */
    bool open = false, close = false, dash = false;
    for (const char *const *w = OPEN; *w && !open; w++)
        if (strncmp(t, *w, strlen(*w)) == 0) {
            t += strlen(*w);
            open = true;
            dash = strcmp(*w, "第") != 0;
        }
    while (*t == ' ' || *t == '\t')
        t++;
    int digits = 0;
    while (*t >= '0' && *t <= '9') {
        t++;
        digits++;
    }
    while (*t == ' ' || *t == '\t')
        t++;
    for (const char *const *w = CLOSE; *w && !close; w++)
        if (strncmp(t, *w, strlen(*w)) == 0) {
            t += strlen(*w);
            close = true;
            dash |= strcmp(*w, "页") != 0;
        }
    while (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n')
        t++;
    return !*t && digits > 0 && digits <= 4 && ((open && close) || dash);
}

/* Does normalised text begin with item numbering: "(1)", "(一)", "1、",
 * "2.", "三、"?  ("2024年", "0.3万元" do not.) */
static bool starts_item(const char *t)
{
    utf8proc_int32_t c;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)t;
    utf8proc_ssize_t k = utf8proc_iterate(u, -1, &c);
    if (k <= 0)
        return false;
    if (c == '(') {
        u += k;
        int n = 0;
        while ((k = utf8proc_iterate(u, -1, &c)) > 0 && ((c >= '0' && c <= '9') || is_cn_numeral(c))) {
            u += k;
            n++;
        }
        return n > 0 && k > 0 && c == ')';
    }
    int n = 0;
    bool cn = false;
    while ((k = utf8proc_iterate(u, -1, &c)) > 0 && ((c >= '0' && c <= '9') || is_cn_numeral(c))) {
        cn |= c > '9';
        u += k;
        n++;
    }
    if (n == 0 || k <= 0 || n > 3)
        return false;
    if (c == 0x3001 /* 、 */)
        return true;
    if (c != '.' || cn)
        return false;
    u += k;
    k = utf8proc_iterate(u, -1, &c);
    return k > 0 && !(c >= '0' && c <= '9');
}

/* The paragraph's text normalised (malloc'd): NFKC, no spaces, quotes or
 * Markdown bullets, and a '\n' after every sentence end. */
char *gk_prose_normalise(const char *text, size_t *len)
{
    utf8proc_uint8_t *norm = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, 0, &norm,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_COMPAT);
    if (n < 0) {
        free(norm);
        *len = 0;
        return NULL;
    }
    /* Each character is copied at most once, plus one '\n' per sentence
     * end (itself at least one byte): 2n bytes suffice. */
    char *out = malloc(2 * (size_t)n + 1), *o = out;
    if (!out)
        gk_out_of_memory();
    const utf8proc_uint8_t *u = norm, *end = norm + n;
    while (u < end && (*u == '-' || *u == '#' || *u == '>' || *u == '+' || *u == ' '))
        u++;
    while (u < end) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(u, end - u, &c);
        if (k <= 0) {
            u++;
            continue;
        }
        if (!is_dropped(c)) {
            memcpy(o, u, (size_t)k);
            o += k;
            if (is_sentence_end(c))
                *o++ = '\n';
        }
        u += k;
    }
    *o = '\0';
    free(norm);
    *len = (size_t)(o - out);
    return out;
}

typedef struct line_ref {
    const char *text;
    size_t para;
} line_ref;

static int by_text(const void *a, const void *b)
{
    return strcmp(((const line_ref *)a)->text, ((const line_ref *)b)->text);
}

/* Running headers and footers: a short line without sentence punctuation
 * printed on three pages or more ("苏州市科学技术局2026年度单位预算公开"), which
 * page text puts in the middle of sentences ("…，其" / header / "中：…"). */
static bool *page_furniture(const gk_report *r)
{
    bool *mark = calloc(r->nparagraphs + 1, sizeof *mark);
    line_ref *ix = malloc((r->nparagraphs + 1) * sizeof *ix);
    if (!mark || !ix)
        gk_out_of_memory();
    size_t n = 0;
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const char *t = r->paragraphs[i].text;
        if (!r->paragraphs[i].heading && strlen(t) <= 40 * 3 && !strstr(t, "，") &&
            !strstr(t, "。") && !strstr(t, "；") && !strstr(t, "："))
            ix[n++] = (line_ref){t, i};
    }
    qsort(ix, n, sizeof *ix, by_text);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(ix[i].text, ix[j].text) == 0;)
            j++;
        for (size_t k = i; j - i >= 3 && k < j; k++)
            mark[ix[k].para] = true;
    }
    free(ix);
    return mark;
}

/* Does raw text t start with an amount's unit ("万元", "元", "亿元")? */
static bool unit_first(const char *t)
{
    while (*t == ' ')
        t++;
    return strncmp(t, "万元", strlen("万元")) == 0 || strncmp(t, "亿元", strlen("亿元")) == 0 ||
           strncmp(t, "元", strlen("元")) == 0;
}

/* Is [a, b) a bare number ("360.10", "1,234")? */
static bool bare_number(const char *a, const char *b)
{
    while (a < b && *a == ' ')
        a++;
    while (b > a && b[-1] == ' ')
        b--;
    if (a == b)
        return false;
    for (const char *q = a; q < b; q++)
        if (!((*q >= '0' && *q <= '9') || *q == '.' || *q == ','))
            return false;
    return true;
}

/* Does [a, b) end in an amount printed with its unit followed by nothing
 * but a list's opening or a comma ("合计 36.32万元，其中："), naming nothing
 * of what comes next? */
static bool ends_in_open_amount(const char *a, const char *b)
{
    static const char *const TAIL[] = {"，其中：", "，其中:", "其中：", "，", "：", ""};
    static const char *const UNIT[] = {"万元", "亿元", "元"};
    for (size_t i = 0; i < sizeof TAIL / sizeof *TAIL; i++) {
        size_t n = strlen(TAIL[i]);
        if ((size_t)(b - a) < n || strncmp(b - n, TAIL[i], n) != 0)
            continue;
        const char *e = b - n;
        for (size_t u = 0; u < sizeof UNIT / sizeof *UNIT; u++) {
            size_t m = strlen(UNIT[u]);
            if ((size_t)(e - a) > m && strncmp(e - m, UNIT[u], m) == 0 && e[-m - 1] >= '0' &&
                e[-m - 1] <= '9')
                return true;
        }
    }
    return false;
}

/* Is a page-text line two printed lines interleaved?  A run of one line
 * ("…合计 36.32万元，其中：") placed among the tab-separated words of another
 * ("…合计\t360.10\t万元，比\t2021\t年增加"): a part that ends in an amount and its
 * unit with nothing after it but "，其中：" is followed, across a tab, by a
 * bare number whose unit stands after the next tab.  Its figures cannot be
 * told apart (the amount is read as "合计36.32万元", the other as one of
 * its parts): the line is left out of the narrative — no figure of it is
 * read, no claim made on it. */
static bool interleaved(const char *t)
{
    const char *seg = t;
    for (;;) {
        const char *tab = strchr(seg, '\t');
        if (!tab)
            return false;
        const char *next = tab + 1, *tab2 = strchr(next, '\t');
        if (tab2 && ends_in_open_amount(seg, tab) && bare_number(next, tab2) && unit_first(tab2 + 1))
            return true;
        seg = next;
    }
}

void prose_build(const gk_report *r, prose *out)
{
    memset(out, 0, sizeof *out);
    sink s = {out, 0, 0};
    put(&s, "", 0);
    const char *section = NULL, *title = NULL;
    int block = 0;
    bool *furniture = page_furniture(r);
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *g = &r->paragraphs[i];
        if (g->heading || !gk_same_section(g->section, section)) {
            end_sentence(&s);
            block++;
            section = g->section;
            title = NULL;
            if (g->heading)
                continue;
        }
        if (is_page_number(g->text) || furniture[i])
            continue;
        if (interleaved(g->text)) {
            end_sentence(&s);
            continue;
        }
        size_t n;
        char *t = gk_prose_normalise(g->text, &n);
        if (!t)
            continue;
        /* A title line after a sentence's end opens a part of its own; the
         * end of a heading wrapped onto a second line ("…支出预算情" "况说明")
         * does not. */
        if (is_title(t) && (s.p->len == 0 || s.p->text[s.p->len - 1] == '\n') && i > 0 &&
            !r->paragraphs[i - 1].heading) {
            block++;
            title = g->text;
            free(t);
            continue;
        }
        /* A numbered item starts a sentence and a block; any other
         * paragraph continues the one before (lines of wrapped prose). */
        if (starts_item(t)) {
            end_sentence(&s);
            block++;
        }
        add_piece(&s, i, block, title);
        put(&s, t, n);
        if (starts_subheading(t))
            end_sentence(&s);
        free(t);
    }
    end_sentence(&s);
    free(furniture);
}

void prose_free(prose *p)
{
    free(p->text);
    free(p->pieces);
    memset(p, 0, sizeof *p);
}

bool gk_same_section(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

const prose_piece *prose_piece_at(const prose *p, size_t off)
{
    size_t lo = 0, hi = p->npieces;
    if (hi == 0)
        return NULL;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (p->pieces[mid].off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return &p->pieces[lo];
}
