/*
 * form.c — the form of the prose, as a reviewer's check-sheet has it.
 *
 *   DOC010   a heading number left out or repeated within one level of one
 *            part: 一、二、四 / （一）（二）（二） / 1. 2. 4.
 *   DOC011   a bracket or quote without its pair in a sentence: “ ” 《 》
 *            （ ） 【 】 〔 〕
 *   DOC012   (info) a paragraph with no final punctuation before the next
 *            heading
 *
 * What a reader cannot be sure of is not judged.  Headings are the ones the
 * reader marked as such; a missing number that is printed anywhere between
 * the two headings, or a table standing between them (a heading may be part
 * of it), is no gap.  Brackets are matched over sentences joined from
 * consecutive printed lines: a sentence over a page break, next to a table
 * row (a line with tabs) or in the tables' part of the document is left
 * alone, and a bracket may close in the next sentence ("（其中…。…）").  A
 * kind of mark unpaired in more than three sentences of a document is taken
 * for a reading problem and not reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "../util/buf.h"
#include "../util/grow.h"

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *skip_spaces(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t')
            s++;
        else if (starts(s, "\u3000"))
            s += 3;
        else
            return s;
    }
}

/* The length in bytes of the UTF-8 character at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t i = 1; i < n; i++)
        if (!s[i])
            return i;
    return n;
}

/* Is the text of a section part of the tables (第二部分 …部门预算表, a 绩效目标
 * table printed as lines)?  Its lines are cells, not sentences. */
static bool table_section(const char *section)
{
    if (!section)
        return false;
    size_t n = strlen(section);
    return (n >= 3 && strcmp(section + n - 3, "表") == 0) || strstr(section, "绩效目标");
}

/* ---- DOC010: heading numbers -------------------------------------------- */

static const char *const CN_DIGITS[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* A Chinese numeral 1–99 at *s ("七", "十二", "二十", "二十一"); 0 if none.
 * *s moves past it. */
static int cn_number(const char **s)
{
    const char *p = *s;
    int d[3], nd = 0;
    bool ten[3] = {false, false, false};
    while (nd < 3) {
        int v = -1;
        for (int k = 1; k < 10; k++)
            if (starts(p, CN_DIGITS[k]))
                v = k;
        if (v > 0) {
            d[nd++] = v;
            p += 3;
        } else if (starts(p, "十")) {
            ten[nd] = true;
            d[nd++] = 10;
            p += 3;
        } else {
            break;
        }
    }
    int n = 0;
    if (nd == 1)
        n = d[0];
    else if (nd == 2 && ten[0] && !ten[1])
        n = 10 + d[1];                       /* 十二 */
    else if (nd == 2 && !ten[0] && ten[1])
        n = d[0] * 10;                       /* 二十 */
    else if (nd == 3 && !ten[0] && ten[1] && !ten[2])
        n = d[0] * 10 + d[2];                /* 二十一 */
    if (n)
        *s = p;
    return n;
}

static int ascii_number(const char **s)
{
    const char *p = *s;
    int n = 0, nd = 0;
    while (*p >= '0' && *p <= '9' && nd < 3) {
        n = n * 10 + (*p - '0');
        p++;
        nd++;
    }
    if (nd == 0 || nd > 2)
        return 0;
    *s = p;
    return n;
}

static bool open_paren(const char **s)
{
    if (**s == '(') {
        (*s)++;
        return true;
    }
    if (starts(*s, "（")) {
        *s += 3;
        return true;
    }
    return false;
}

static bool close_paren(const char **s)
{
    if (**s == ')') {
        (*s)++;
        return true;
    }
    if (starts(*s, "）")) {
        *s += 3;
        return true;
    }
    return false;
}

enum { LEVEL_PART, LEVEL_CN, LEVEL_PCN, LEVEL_AR, LEVEL_PAR, NLEVELS };

/* The level and number of a heading's mark (第三部分, 三、, （三）, 3., （3）);
 * false when it has none. */
static bool heading_mark(const char *text, int *level, int *n)
{
    const char *s = skip_spaces(text);
    const char *p = s;
    if (starts(p, "第")) {
        p += 3;
        if ((*n = cn_number(&p)) && starts(p, "部分")) {
            *level = LEVEL_PART;
            return true;
        }
        return false;
    }
    p = s;
    if ((*n = cn_number(&p)) && (starts(p, "、") || starts(p, "．"))) {
        *level = LEVEL_CN;
        return true;
    }
    p = s;
    if (open_paren(&p)) {
        const char *q = p;
        if ((*n = cn_number(&q)) && close_paren(&q)) {
            *level = LEVEL_PCN;
            return true;
        }
        q = p;
        if ((*n = ascii_number(&q)) && close_paren(&q)) {
            *level = LEVEL_PAR;
            return true;
        }
        return false;
    }
    p = s;
    if ((*n = ascii_number(&p)) &&
        (starts(p, "、") || starts(p, "．") || (*p == '.' && !(p[1] >= '0' && p[1] <= '9')))) {
        *level = LEVEL_AR;
        return true;
    }
    return false;
}

/* The ways number n is printed as a mark of `level`, for finding it in the
 * text between two headings. */
static int marks_of(int level, int n, char out[][40])
{
    char cn[16] = "";
    if (n < 1 || n > 99)
        return 0;
    if (level == LEVEL_PART || level == LEVEL_CN || level == LEVEL_PCN) {
        if (n >= 20)
            snprintf(cn, sizeof cn, "%s十%s", CN_DIGITS[n / 10], n % 10 ? CN_DIGITS[n % 10] : "");
        else if (n >= 10)
            snprintf(cn, sizeof cn, "十%s", n % 10 ? CN_DIGITS[n % 10] : "");
        else
            snprintf(cn, sizeof cn, "%s", CN_DIGITS[n]);
    }
    int k = 0;
    switch (level) {
    case LEVEL_PART: snprintf(out[k++], 40, "第%s部分", cn); break;
    case LEVEL_CN:
        snprintf(out[k++], 40, "%s、", cn);
        snprintf(out[k++], 40, "%s．", cn);
        break;
    case LEVEL_PCN:
        snprintf(out[k++], 40, "（%s）", cn);
        snprintf(out[k++], 40, "(%s)", cn);
        snprintf(out[k++], 40, "（%s)", cn);
        snprintf(out[k++], 40, "(%s）", cn);
        break;
    case LEVEL_AR:
        snprintf(out[k++], 40, "%d、", n);
        snprintf(out[k++], 40, "%d.", n);
        snprintf(out[k++], 40, "%d．", n);
        break;
    default:
        snprintf(out[k++], 40, "（%d）", n);
        snprintf(out[k++], 40, "(%d)", n);
        snprintf(out[k++], 40, "（%d)", n);
        snprintf(out[k++], 40, "(%d）", n);
        break;
    }
    return k;
}

/* Is number n of `level` printed in a paragraph from..to (a mark inside a
 * line, "…规则。（八）负责…", or a heading the reader did not mark)? */
static bool printed_between(const gk_report *r, size_t from, size_t to, int level, int n)
{
    char marks[4][40] = {{0}};
    int k = marks_of(level, n, marks);
    for (size_t i = from; i <= to; i++) {
        const char *t = r->paragraphs[i].text;
        for (int j = 0; j < k; j++) {
            const char *hit = strstr(t, marks[j]);
            /* "11." holds "1.": the mark must not follow a digit. */
            while (hit && level == LEVEL_AR && hit > t && hit[-1] >= '0' && hit[-1] <= '9')
                hit = strstr(hit + 1, marks[j]);
            if (hit)
                return true;
        }
    }
    return false;
}

static bool table_between(const gk_report *r, gk_pos a, gk_pos b)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (gk_pos_cmp(a, r->tables[i].pos) <= 0 && gk_pos_cmp(r->tables[i].pos, b) <= 0)
            return true;
    return false;
}

/* The heading's text without its spaces, for quoting and comparing. */
static const char *unspaced(gk_findings *out, const char *s)
{
    gk_buf b = GK_BUF_INIT;
    while (*s) {
        const char *t = skip_spaces(s);
        if (t != s) {
            s = t;
            continue;
        }
        gk_buf_putc(&b, *s++);
    }
    const char *q = gk_report_strndup(out->report, b.data ? b.data : "", b.len);
    gk_buf_free(&b);
    return q;
}

static void heading_numbers(const gk_report *r, gk_findings *out)
{
    struct {
        bool set;
        int n;
        size_t at;
    } last[NLEVELS] = {{0}};
    /* Sequences of a level suspended by one restarting at 1 inside a part
     * ("六、其他相关情况说明" holding 一、…五、 before "七、…"): the next
     * number of a suspended one resumes it. */
    enum { NESTED = 4 };
    int outer[NLEVELS][NESTED], nouter[NLEVELS] = {0};
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        int level, n;
        if (!p->heading || !heading_mark(p->text, &level, &n))
            continue;
        bool resumed = false;
        if (last[level].set && n == 1 && last[level].n >= 1) {
            if (nouter[level] < NESTED)
                outer[level][nouter[level]++] = last[level].n;
        } else if (last[level].set && n != last[level].n + 1) {
            for (int k = nouter[level] - 1; k >= 0 && !resumed; k--)
                if (outer[level][k] + 1 == n) {
                    nouter[level] = k;
                    resumed = true;
                }
        }
        if (last[level].set && !resumed) {
            const gk_paragraph *q = &r->paragraphs[last[level].at];
            int prev = last[level].n;
            bool gap = n >= prev + 2 && n <= prev + 3;
            bool repeat = n == prev && n >= 2;
            if ((gap || repeat) && !table_between(r, q->pos, p->pos)) {
                const char *now = unspaced(out, p->text), *before = unspaced(out, q->text);
                char marks[4][40] = {{0}};
                if (gap) {
                    /* A part missing in the body is often the tables, published
                     * in another file or without a header of their own: a part
                     * named anywhere (the 目录) is no gap, nor one of a document
                     * in several files or without tables. */
                    bool part = level == LEVEL_PART;
                    int missing = 0;
                    if (!part || (r->nparts == 0 && r->ntables > 0))
                        for (int m = prev + 1; m < n && !missing; m++)
                            if (!printed_between(r, part ? 0 : last[level].at,
                                                 part ? r->nparagraphs - 1 : i, level, m))
                                missing = m;
                    if (missing) {
                        marks_of(level, missing, marks);
                        gk_location loc = {.pos = p->pos, .value = p->text};
                        gk_finding *f = gk_report_finding(
                            out, "DOC010", GK_WARNING, &loc,
                            "标题序号不连续：“%s”之后是“%s”，缺少“%s”；应依次编号", before, now,
                            marks[0]);
                        gk_location at = {.pos = q->pos, .value = q->text};
                        gk_finding_locate(out, f, &at);
                    }
                } else if (strcmp(now, before) != 0) {
                    marks_of(level, n, marks);
                    gk_location loc = {.pos = p->pos, .value = p->text};
                    gk_finding *f = gk_report_finding(
                        out, "DOC010", GK_WARNING, &loc,
                        "标题序号重复：“%s”与前一标题“%s”同为“%s”；应依次编号", now, before,
                        marks[0]);
                    gk_location at = {.pos = q->pos, .value = q->text};
                    gk_finding_locate(out, f, &at);
                }
            }
        }
        last[level].set = true;
        last[level].n = n;
        last[level].at = i;
        for (int k = level + 1; k < NLEVELS; k++) {
            last[k].set = false;
            nouter[k] = 0;
        }
    }
}

/* ---- DOC011: brackets and quotes ---------------------------------------- */

/* Kinds of pair: “” 《》 （）/() 【】 〔〕. */
static const char *const OPENS[] = {"“", "《", "（", "(", "【", "〔"};
static const char *const CLOSES[] = {"”", "》", "）", ")", "】", "〕"};
static const int KIND[] = {0, 1, 2, 2, 3, 4};
static const char *const OPEN_NAME[] = {"“", "《", "（", "【", "〔"};
static const char *const CLOSE_NAME[] = {"”", "》", "）", "】", "〕"};
enum { NMARKS = 6, NKINDS = 5 };

/* The kind of pair the mark at s opens (or closes), -1 if none. */
static int opens(const char *s, size_t *len)
{
    for (int k = 0; k < NMARKS; k++)
        if (starts(s, OPENS[k])) {
            *len = strlen(OPENS[k]);
            return KIND[k];
        }
    return -1;
}

static int closes(const char *s, size_t *len)
{
    for (int k = 0; k < NMARKS; k++)
        if (starts(s, CLOSES[k])) {
            *len = strlen(CLOSES[k]);
            return KIND[k];
        }
    return -1;
}

typedef struct sentence {
    size_t from, to;         /* bytes of the stream */
    bool ended;              /* by 。！？ */
    bool clean_start;        /* after a full stop or a heading: its start is known */
    bool contiguous;         /* its lines follow one another on one page */
    bool joined_next;        /* the next sentence follows it without a break */
    bool before_heading;     /* a heading follows it */
    unsigned open_left;      /* kinds opened and not closed in it */
    unsigned close_lone;     /* kinds closed without an opening in it */
    size_t open_at[NKINDS];  /* stream offset of the first unclosed opening of each kind */
    size_t close_at[NKINDS]; /* of the first lone closing */
} sentence;

typedef struct stream {
    gk_buf text;
    size_t *para;            /* paragraph index of each judged paragraph … */
    size_t *start;           /* … and its offset in text */
    size_t n, cap_para, cap_start;
    sentence *s;
    size_t ns, cap_s;
} stream;

/* Is a heading the start of a paragraph that runs on below it ("四、其他收入：
 * 指除上述“财政拨款收入”、“事业收" / "入”…"), as a glossary's entries are? */
static bool runs_on(const char *text)
{
    const char *colon = strstr(text, "：");
    if ((colon && colon[3]) || strstr(text, "，") || strstr(text, "。"))
        return true;
    colon = strchr(text, ':');
    if (colon && *skip_spaces(colon + 1))
        return true;
    /* A mark opened in it and not closed: "…指除上述“财政拨款收入”、“事业收". */
    int depth = 0;
    for (const char *s = text; *s; s += char_len(s)) {
        size_t len;
        if (opens(s, &len) >= 0)
            depth++;
        else if (closes(s, &len) >= 0)
            depth--;
    }
    return depth > 0;
}

/* Do paragraphs a and a + 1 follow one another as printed lines? */
static bool next_line(const gk_report *r, size_t a)
{
    const gk_pos *x = &r->paragraphs[a].pos, *y = &r->paragraphs[a + 1].pos;
    if (x->part != y->part || x->page != y->page)
        return false;
    if (x->page > 0)
        return y->line == x->line + 1;
    return y->line > x->line && y->line <= x->line + 2;   /* a text file: a blank line between */
}

/* The paragraph holding stream offset at. */
static size_t para_at(const stream *st, size_t at)
{
    size_t i = 0;
    while (i + 1 < st->n && st->start[i + 1] <= at)
        i++;
    return i;
}

/* Is the lone closing mark at `at` an enumerator ("1）", "a)", "二）") at the
 * start of a clause? */
static bool enumerator(const char *text, size_t from, size_t at)
{
    size_t p = at, nd = 0;
    while (p > from && nd < 2) {
        unsigned char c = (unsigned char)text[p - 1];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            p--;
            nd++;
            continue;
        }
        if (p >= from + 3) {
            bool cn = false;
            for (int k = 1; k < 10; k++)
                if (starts(text + p - 3, CN_DIGITS[k]))
                    cn = true;
            if (cn || starts(text + p - 3, "十")) {
                p -= 3;
                nd++;
                continue;
            }
        }
        break;
    }
    if (nd == 0)
        return false;
    if (p == from)
        return true;
    static const char *const BEFORE[] = {"：", "；", "，", "。", "、", ":", ";", NULL};
    for (const char *const *b = BEFORE; *b; b++) {
        size_t l = strlen(*b);
        if (p >= from + l && strncmp(text + p - l, *b, l) == 0)
            return true;
    }
    return false;
}

static void scan_pairs(const stream *st, sentence *s)
{
    const char *t = st->text.data;
    int stack[64];
    size_t stack_at[64];
    int depth = 0;
    s->open_left = s->close_lone = 0;
    for (size_t at = s->from; at < s->to;) {
        size_t len;
        int k = opens(t + at, &len);
        if (k >= 0) {
            if (depth < 64) {
                stack[depth] = k;
                stack_at[depth++] = at;
            }
            at += len;
            continue;
        }
        k = closes(t + at, &len);
        if (k >= 0) {
            if (depth > 0 && stack[depth - 1] == k) {
                depth--;
            } else if (!enumerator(t, s->from, at)) {
                if (!(s->close_lone & (1u << k)))
                    s->close_at[k] = at;
                s->close_lone |= 1u << k;
                /* An opening of another kind before it is left as it is:
                 * “（…” with ” lone is one mistake, reported once. */
            }
            at += len;
            continue;
        }
        at += char_len(t + at);
    }
    for (int i = depth - 1; i >= 0; i--) {
        s->open_at[stack[i]] = stack_at[i];
        s->open_left |= 1u << stack[i];
    }
}

static void end_sentence(stream *st, size_t *from, bool ended, bool *clean)
{
    size_t to = st->text.len;
    if (to > *from) {
        st->s = gk_grow(st->s, &st->cap_s, st->ns, sizeof *st->s);
        sentence *s = &st->s[st->ns++];
        memset(s, 0, sizeof *s);
        s->from = *from;
        s->to = to;
        s->ended = ended;
        s->clean_start = *clean;
        s->joined_next = ended;   /* cleared by a break */
    }
    *from = to;
    *clean = ended;
}

/* The words of the stream around offset at (the mark and what follows or
 * precedes it in its sentence), for the message. */
static const char *words_at(gk_findings *out, const stream *st, const sentence *s, size_t at,
                            bool after)
{
    const char *t = st->text.data;
    size_t from = at, to = at;
    if (after) {
        to += char_len(t + to);
        for (int k = 0; k < 12 && to < s->to; k++)
            to += char_len(t + to);
    } else {
        to += char_len(t + to);
        for (int k = 0; k < 12 && from > s->from; k++) {
            from--;
            while (from > s->from && ((unsigned char)t[from] & 0xC0) == 0x80)
                from--;
        }
    }
    return gk_report_strndup(out->report, t + from, to - from);
}

/* The location of stream offset at: its paragraph, with the words of that
 * paragraph (as printed, spaces and all) from the mark on, or up to it. */
static gk_location mark_location(gk_findings *out, const gk_report *r, const stream *st,
                                 size_t at, bool after)
{
    size_t i = para_at(st, at);
    const gk_paragraph *p = &r->paragraphs[st->para[i]];
    /* Walk the printed text to the byte the stream's offset stands for. */
    size_t want = at - st->start[i], seen = 0;
    const char *s = p->text;
    while (*s && seen < want) {
        const char *t = skip_spaces(s);
        if (t != s || *s == '\n' || *s == '\r') {
            s = t != s ? t : s + 1;
            continue;
        }
        s++;
        seen++;
    }
    s = skip_spaces(s);
    const char *from = s, *to = s + char_len(s);
    if (after) {
        to = p->text + strlen(p->text);
    } else {
        for (int k = 0; k < 8 && from > p->text; k++) {
            from--;
            while (from > p->text && ((unsigned char)*from & 0xC0) == 0x80)
                from--;
        }
    }
    gk_location loc = {.pos = p->pos};
    loc.value = gk_report_strndup(out->report, from, (size_t)(to - from));
    return loc;
}

/* Is a mark of `kind` unpaired in sentence k: 1 an opening never closed
 * (not in the next sentence either: "（其中…。…）" is a pair), 2 a closing
 * never opened, 0 neither or not known. */
static int unpaired(const stream *st, size_t k, int kind)
{
    const sentence *s = &st->s[k];
    if (!s->ended)
        return 0;
    const sentence *next = k + 1 < st->ns && s->joined_next ? &st->s[k + 1] : NULL;
    const sentence *prev = k > 0 && st->s[k - 1].joined_next ? &st->s[k - 1] : NULL;
    if ((s->open_left & (1u << kind)) &&
        ((next && next->ended && !(next->close_lone & (1u << kind))) ||
         (!next && s->before_heading)))
        return 1;
    if ((s->close_lone & (1u << kind)) && s->clean_start &&
        !(prev && (!prev->clean_start || (prev->open_left & (1u << kind)))))
        return 2;
    return 0;
}

enum { MAX_UNPAIRED = 3 };

static void brackets(const gk_report *r, gk_findings *out)
{
    stream st = {GK_BUF_INIT, NULL, NULL, 0, 0, 0, NULL, 0, 0};
    size_t from = 0;
    bool clean = true;
    size_t last_para = (size_t)-1;
    for (size_t i = 0; i < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i];
        if ((p->heading && !runs_on(p->text)) || strchr(p->text, '\t') ||
            table_section(p->section)) {
            /* A break: the sentence before ends here, unknown whether whole. */
            end_sentence(&st, &from, false, &clean);
            if (st.ns) {
                st.s[st.ns - 1].joined_next = false;
                st.s[st.ns - 1].before_heading = p->heading && last_para == i - 1;
            }
            clean = p->heading;
            last_para = (size_t)-1;
            continue;
        }
        if (last_para != (size_t)-1 && !next_line(r, last_para)) {
            /* Lines not known to follow: a page turned, a line dropped. */
            end_sentence(&st, &from, false, &clean);
            if (st.ns)
                st.s[st.ns - 1].joined_next = false;
            clean = false;
        }
        st.para = gk_grow(st.para, &st.cap_para, st.n, sizeof *st.para);
        st.start = gk_grow(st.start, &st.cap_start, st.n, sizeof *st.start);
        st.para[st.n] = i;
        st.start[st.n++] = st.text.len;
        last_para = i;
        for (const char *s = p->text; *s;) {
            const char *t = skip_spaces(s);
            if (t != s || *s == '\n' || *s == '\r') {
                s = t != s ? t : s + 1;
                continue;
            }
            size_t len = char_len(s);
            gk_buf_putn(&st.text, s, len);
            bool stop = starts(s, "。") || starts(s, "！") || starts(s, "？");
            s += len;
            if (stop)
                end_sentence(&st, &from, true, &clean);
        }
    }
    end_sentence(&st, &from, false, &clean);
    if (st.ns)
        st.s[st.ns - 1].joined_next = false;
    gk_buf_putc(&st.text, '\0');
    st.text.len--;

    for (size_t k = 0; k < st.ns; k++)
        scan_pairs(&st, &st.s[k]);
    /* A kind of mark unpaired in many sentences is a reading problem (a font
     * mapping “ and ” to one glyph), not the writer's: judged only when it
     * is unpaired in a few. */
    int count[NKINDS] = {0};
    for (size_t k = 0; k < st.ns; k++)
        for (int kind = 0; kind < NKINDS; kind++)
            if (unpaired(&st, k, kind))
                count[kind]++;
    for (size_t k = 0; k < st.ns; k++) {
        const sentence *s = &st.s[k];
        for (int kind = 0; kind < NKINDS; kind++) {
            int u = count[kind] <= MAX_UNPAIRED ? unpaired(&st, k, kind) : 0;
            if (u == 1) {
                const char *words = words_at(out, &st, s, s->open_at[kind], true);
                gk_location loc = mark_location(out, r, &st, s->open_at[kind], true);
                gk_report_finding(out, "DOC011", GK_WARNING, &loc,
                                  "“%s…”中的“%s”没有对应的“%s”；应补全或删去", words,
                                  OPEN_NAME[kind], CLOSE_NAME[kind]);
                break;
            }
            if (u == 2) {
                const char *words = words_at(out, &st, s, s->close_at[kind], false);
                gk_location loc = mark_location(out, r, &st, s->close_at[kind], false);
                gk_report_finding(out, "DOC011", GK_WARNING, &loc,
                                  "“…%s”中的“%s”前没有对应的“%s”；应补全或删去", words,
                                  CLOSE_NAME[kind], OPEN_NAME[kind]);
                break;
            }
        }
    }
    gk_buf_free(&st.text);
    free(st.para);
    free(st.start);
    free(st.s);
}

/* ---- DOC012: a paragraph with no final punctuation ---------------------- */

static bool ends_bare(const char *text)
{
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    if (n >= 3 && strncmp(text + n - 3, "\u3000", 3) == 0)
        return false;
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)text[n - 1];
    if (c >= '0' && c <= '9')
        return true;
    if (c == '%')
        return true;
    /* A CJK ideograph (U+4E00–U+9FFF: E4 B8 80 … E9 BF BF). */
    if (n >= 3) {
        unsigned char a = (unsigned char)text[n - 3];
        return a >= 0xE4 && a <= 0xE9 && ((unsigned char)text[n - 2] & 0xC0) == 0x80;
    }
    return false;
}

/* The last mark at s that closes what comes before: 。 ； ： (a list
 * follows a colon); NULL if none.  Given a string, the first such mark. */
static const char *clause_end(const char *s)
{
    const char *best = NULL;
    static const char *const ENDS[] = {"。", "；", "：", NULL};
    for (const char *const *e = ENDS; *e; e++) {
        const char *hit = strstr(s, *e);
        if (hit && (!best || hit < best))
            best = hit;
    }
    return best;
}

/* Does the unspaced text end with an amount ("464.64万元", "5.5%")? */
static bool ends_with_amount(const char *t)
{
    size_t n = strlen(t);
    static const char *const UNITS[] = {"万元", "元", "%", "％", NULL};
    for (const char *const *u = UNITS; *u; u++) {
        size_t l = strlen(*u);
        if (n > l && strcmp(t + n - l, *u) == 0 && t[n - l - 1] >= '0' && t[n - l - 1] <= '9')
            return true;
    }
    return false;
}

static void final_stop(const gk_report *r, gk_findings *out)
{
    for (size_t i = 1; i + 1 < r->nparagraphs; i++) {
        const gk_paragraph *p = &r->paragraphs[i], *next = &r->paragraphs[i + 1];
        int level, n;
        if (p->heading || !next->heading || !heading_mark(next->text, &level, &n) ||
            strchr(p->text, '\t') || table_section(p->section) || !ends_bare(p->text))
            continue;
        /* The sentence left open: the lines above it, printed one after the
         * other, back to the last full stop or the heading. */
        size_t first = i;
        while (first > 0 && !r->paragraphs[first - 1].heading &&
               !strchr(r->paragraphs[first - 1].text, '\t') && next_line(r, first - 1) &&
               !clause_end(r->paragraphs[first].text))
            first--;
        if (first != i && !clause_end(r->paragraphs[first].text) &&
            !(first > 0 && r->paragraphs[first - 1].heading))
            continue;   /* its start is not known */
        bool listed = false;   /* a line of a list: "1西安市…", "（四）…" */
        for (size_t j = first + 1; j <= i; j++) {
            const char *t = skip_spaces(r->paragraphs[j].text);
            int l2, n2;
            if ((*t >= '0' && *t <= '9') || heading_mark(t, &l2, &n2))
                listed = true;
        }
        if (listed)
            continue;
        gk_buf tail = GK_BUF_INIT;
        for (size_t j = first; j <= i; j++) {
            const char *t = r->paragraphs[j].text, *stop = NULL;
            if (j == first)
                for (const char *q = t; *q; q += char_len(q))
                    if (clause_end(q) == q)
                        stop = q + 3;
            const char *u = unspaced(out, stop ? stop : t);
            gk_buf_puts(&tail, u);
        }
        const char *open_text = gk_report_strndup(out->report, tail.data ? tail.data : "", tail.len);
        gk_buf_free(&tail);
        /* Prose, not a list of names or a table's header: a clause, or a
         * statement of an amount. */
        if (strlen(open_text) < 45 || !(strstr(open_text, "，") || ends_with_amount(open_text)))
            continue;
        const char *words = open_text;
        size_t len = strlen(words);
        if (len > 60) {
            words += len - 45;
            while (((unsigned char)*words & 0xC0) == 0x80)
                words++;
        }
        gk_location loc = {.pos = p->pos, .value = p->text};
        gk_report_finding(out, "DOC012", GK_INFO, &loc,
                          "段落没有结束标点：“%s”之后即是标题“%s”；应补上句号", words,
                          unspaced(out, next->text));
    }
}

void gk_check_form(const gk_report *r, gk_findings *out)
{
    heading_numbers(r, out);
    brackets(r, out);
    final_stop(r, out);
}
