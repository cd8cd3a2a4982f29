/*
 * extract.c — figures and claims from the narrative (gongkai/narrative.h).
 *
 * The prose stream (prose.h) is read sentence by sentence.  A figure is a
 * number followed by a unit; the words between it and the figure before it
 * (its "gap") say what it is: "…年初预算为" a budget, "…增长" a rate, "占…的"
 * a share, anything else names its subject.  Claims then tie figures
 * together the way the prose does: a rate to the change before it and that
 * to the current amount, a share to its part and its whole, a completion
 * rate to the actual and the budget.
 *
 * Words are matched on the normalised stream, so "（类）" is "(类)" and there
 * are no spaces or quotes.
 */
#include "gongkai/narrative.h"

#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
#include "prose.h"

/* ---- Small string helpers over [s, e) ------------------------------------ */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool starts(const char *s, const char *e, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(e - s) >= n && memcmp(s, w, n) == 0;
}

static bool ends(const char *s, const char *e, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(e - s) >= n && memcmp(e - n, w, n) == 0;
}

/* Last occurrence of w in [s, e), or NULL. */
static const char *rfind(const char *s, const char *e, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = e - n; p >= s && e - s >= (ptrdiff_t)n; p--)
        if (memcmp(p, w, n) == 0)
            return p;
    return NULL;
}

static const char *find(const char *s, const char *e, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = s; p + n <= e; p++)
        if (memcmp(p, w, n) == 0)
            return p;
    return NULL;
}

/* The latest end of any word of a list in [s, e): where the last mention of
 * that kind of word stops; NULL when none occurs. */
static const char *last_of(const char *s, const char *e, const char *const *words)
{
    const char *best = NULL;
    for (; *words; words++) {
        const char *p = rfind(s, e, *words);
        if (p && (!best || p + strlen(*words) > best))
            best = p + strlen(*words);
    }
    return best;
}

static bool ends_any(const char *s, const char *e, const char *const *words)
{
    for (; *words; words++)
        if (ends(s, e, *words))
            return true;
    return false;
}

/* Strip any of `words` from the end of [s, *e), repeatedly. */
static void strip_tail(const char *s, const char **e, const char *const *words)
{
    for (bool again = true; again;) {
        again = false;
        for (const char *const *w = words; *w; w++)
            if (ends(s, *e, *w) && *e - strlen(*w) >= s) {
                *e -= strlen(*w);
                again = true;
            }
    }
}

/* ---- Word lists ---------------------------------------------------------- */

static const char *const UP[] = {"增加", "增长", "上升", "提高", "增幅", NULL};
static const char *const DOWN[] = {"减少", "下降", "降低", "减幅", "节约", NULL};
static const char *const COMPLETE[] = {"完成", "执行率", "完成率", NULL};
static const char *const SHARE[] = {"占", NULL};
/* Particles between a role word and its figure: "年初预算为", "决算数是". */
static const char *const PARTICLES[] = {"为", "是", ":", "共计", "共", "约", "了", "达",
                                        "达到", NULL};
static const char *const BUDGET_WORDS[] = {"年初预算数", "年初预算", "全年预算数", "全年预算",
                                           "调整预算数", "预算数", "预算", NULL};
static const char *const ACTUAL_WORDS[] = {"支出决算数", "支出决算", "决算数", "决算",
                                           "全年执行数", "执行数", "实际支出", NULL};
/* Words that qualify a subject without naming it. */
static const char *const SUBJECT_TAIL[] = {"各", "均", "分别", "合计为", "总额为", "比上年",
                                           "较上年", "与上年相比", "比去年", "较去年",
                                           "与去年相比", "同比", "比", "较", "其中", NULL};

/* ---- Units ---------------------------------------------------------------- */

typedef struct unit_word {
    const char *word;
    gk_figure_kind kind;
    gk_unit unit;
} unit_word;

static const unit_word UNITS[] = {
    {"万元", GK_FIG_MONEY, GK_UNIT_WANYUAN}, {"亿元", GK_FIG_MONEY, GK_UNIT_YIYUAN},
    {"千元", GK_FIG_MONEY, GK_UNIT_QIANYUAN}, {"元", GK_FIG_MONEY, GK_UNIT_YUAN},
    {"%", GK_FIG_PERCENT, GK_UNIT_NONE},     {"人次", GK_FIG_COUNT, GK_UNIT_NONE},
    {"批次", GK_FIG_COUNT, GK_UNIT_NONE},    {"个", GK_FIG_COUNT, GK_UNIT_NONE},
    {"人", GK_FIG_COUNT, GK_UNIT_NONE},      {"辆", GK_FIG_COUNT, GK_UNIT_NONE},
    {"台", GK_FIG_COUNT, GK_UNIT_NONE},      {"套", GK_FIG_COUNT, GK_UNIT_NONE},
    {"次", GK_FIG_COUNT, GK_UNIT_NONE},      {"分", GK_FIG_COUNT, GK_UNIT_NONE},
    {"家", GK_FIG_COUNT, GK_UNIT_NONE},      {"名", GK_FIG_COUNT, GK_UNIT_NONE},
    {"户", GK_FIG_COUNT, GK_UNIT_NONE},      {"项", GK_FIG_COUNT, GK_UNIT_NONE},
};

/* ---- The extractor's state ------------------------------------------------ */

typedef struct parts_group {
    int whole;          /* the stated total, or −1 */
    int *parts;
    int nparts, cap;
    const char *last_topic; /* the item whose part was taken last */
} parts_group;

typedef struct ex {
    gk_report *r;
    const prose *p;
    gk_narrative *out;
    int figures_cap, claims_cap, nones_cap, lists_cap, purposes_cap;
    const char *section;
    const char *section_key;
    int block;
    const char *topic;        /* the item the block is about: "…(款)…(项)" */
    int head;                 /* the whole of shares without "占…的" */
    const char *head_subject; /* … or its subject when no figure is at hand */
    parts_group budgets, actuals; /* "…年初预算为P…其中：" and the items after */
    parts_group within;       /* "总数A万元，其中：甲a万元、乙b万元" */
    bool vs_actual;           /* the rate being related compares with an
                                 earlier year's 执行数: "比2022年预算执行数增加
                                 77.70%" */
    bool itemised;            /* "…，主要包括：…" in this sentence: what
                                 follows details a part, it is no part */
    int sentence;
    int sentence_first;       /* first figure of the current sentence */
    int previous_first;       /* … and of the sentence before */
    int previous_single;      /* the one amount the sentence before states,
                                 when this one opens with "与上年相比"; else −1 */
    int period_first;         /* first figure of the text since the last "。" */
    int previous_period;      /* … and of the text between the two "。" before */
    bool after_stop;          /* the sentence before ended with "。" */
    int block_first;          /* first figure of the current block */
} ex;

static gk_figure *fig(ex *x, int i) { return &x->out->figures[i]; }

/* Make room for one more element in an arena array of n (capacity *cap). */
static void *room(ex *x, void *arr, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return arr;
    *cap = *cap ? 2 * *cap : 16;
    return gk_arena_grow(x->r->arena, arr, (size_t)n, (size_t)*cap, elem);
}

static int add_figure(ex *x, const gk_figure *f)
{
    gk_narrative *n = x->out;
    n->figures = room(x, n->figures, n->nfigures, &x->figures_cap, sizeof *n->figures);
    n->figures[n->nfigures] = *f;
    return n->nfigures++;
}

static gk_claim *add_claim(ex *x, gk_claim_kind kind, int a, int b, int p, gk_pos pos)
{
    gk_narrative *n = x->out;
    n->claims = room(x, n->claims, n->nclaims, &x->claims_cap, sizeof *n->claims);
    gk_claim *c = &n->claims[n->nclaims++];
    *c = (gk_claim){.kind = kind, .a = a, .b = b, .p = p, .alt = -1, .section = x->section,
                    .pos = pos};
    return c;
}

static gk_pos pos_at(const ex *x, const char *at)
{
    const prose_piece *pc = prose_piece_at(x->p, (size_t)(at - x->p->text));
    gk_pos pos = {0};
    if (pc)
        pos = x->r->paragraphs[pc->para].pos;
    return pos;
}

/* ---- Subjects ------------------------------------------------------------- */

/* Remove year phrases ("2024年度", "与2024年度相比", "比2024年") and
 * numbering at the start; copy the rest into the arena. */
static const char *clean_subject(ex *x, const char *s, const char *e)
{
    char buf[512];
    size_t n = 0;
    /* Numbering: "(1)", "1.", "1、", "一、". */
    if (s < e && *s == '(') {
        const char *q = find(s, e, ")");
        if (q && q - s <= 8)
            s = q + 1;
    }
    const char *q = s;
    while (q < e && is_digit(*q))
        q++;
    if (q > s && q < e && (*q == '.' || starts(q, e, "、")))
        s = q + (*q == '.' ? 1 : strlen("、"));
    while (s < e && n + 8 < sizeof buf) {
        if (is_digit(*s)) {
            const char *d = s;
            while (d < e && is_digit(*d))
                d++;
            if (d - s == 4 && starts(d, e, "年")) {
                d += strlen("年");
                if (starts(d, e, "度"))
                    d += strlen("度");
                if (starts(d, e, "相比"))
                    d += strlen("相比");
                /* "与2024年度相比" / "比2024年": drop the 与/比/较 before it. */
                if (n >= 3 && (memcmp(buf + n - 3, "与", 3) == 0 || memcmp(buf + n - 3, "比", 3) == 0 ||
                               memcmp(buf + n - 3, "较", 3) == 0))
                    n -= 3;
                s = d;
                continue;
            }
        }
        buf[n++] = *s++;
    }
    const char *b = buf, *be = buf + n;
    static const char *const LEAD[] = {"其中", "本部门", "本单位", "全年", "本年度", "与上年相比",
                                       "比上年", "较上年", NULL};
    for (bool again = true; again;) {
        again = false;
        while (b < be && (*b == ',' || *b == ':' || *b == ';')) {
            b++;
            again = true;
        }
        if (starts(b, be, "、")) {
            b += strlen("、");
            again = true;
        }
        for (const char *const *w = LEAD; *w; w++)
            if (starts(b, be, *w) && !starts(b, be, "上年结转") && !starts(b, be, "全年预算")) {
                b += strlen(*w);
                again = true;
            }
        if (x->r->unit && *x->r->unit && starts(b, be, x->r->unit)) {
            b += strlen(x->r->unit);
            again = true;
        }
    }
    /* In a budget every figure is a 预算: "政府采购预算" is 政府采购. */
    static const char *const BUDGET_TAIL[] = {"预算数", "预算", NULL};
    for (const char *was = NULL; was != be;) {
        was = be;
        strip_tail(b, &be, SUBJECT_TAIL);
        strip_tail(b, &be, PARTICLES);
        if (x->r->kind == GK_DOC_BUDGET && be - b > 6)
            strip_tail(b, &be, BUDGET_TAIL);
    }
    return gk_report_strndup(x->r, b, (size_t)(be - b));
}

/* The subject words of a figure: the last clause of its gap, without the
 * role word (already cut off at *role_at). */
static const char *subject_of(ex *x, const char *s, const char *e)
{
    const char *c = NULL;
    for (const char *p = s; p < e; p++)
        if (*p == ',' || *p == ':' || *p == ';')
            c = p + 1;
    return clean_subject(x, c ? c : s, e);
}

static bool has_level(const char *subject)
{
    return strstr(subject, "(项)") || strstr(subject, "(款)") || strstr(subject, "(类)");
}

/* Subjects name the same thing when one ends with the other once the words
 * that vary between mentions are dropped: "三公经费财政拨款支出" and
 * "三公经费支出" both come to "三公经费". */
static void loose(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < size;) {
        if (strncmp(p, "财政拨款", strlen("财政拨款")) == 0) {
            p += strlen("财政拨款");
            continue;
        }
        out[n++] = *p++;
    }
    out[n] = '\0';
    static const char *const TAIL[] = {"支出", "决算数", "决算", NULL};
    const char *e = out + n;
    strip_tail(out, &e, TAIL);
    out[e - out] = '\0';
}

static bool same_subject(const char *a, const char *b)
{
    if (!*a || !*b)
        return false;
    char la[512], lb[512];
    loose(a, la, sizeof la);
    loose(b, lb, sizeof lb);
    size_t na = strlen(la), nb = strlen(lb);
    if (!na || !nb)
        return false;
    return na >= nb ? strcmp(la + na - nb, lb) == 0 : strcmp(lb + nb - na, la) == 0;
}

/* Relations are local: a figure looks back at most this many figures for
 * the ones it relates to (which keeps hostile input linear). */
#define LOOKBACK 64

static bool is_amount_role(gk_figure_role r) { return r == GK_ROLE_VALUE || r == GK_ROLE_ACTUAL; }

/* The latest money figure at or after `from`, before `before`, whose role is
 * a stated amount, optionally with a matching subject. */
/* Subjects equal (loosely), not just one ending the other. */
static bool exact_subject(const char *a, const char *b)
{
    char la[512], lb[512];
    loose(a, la, sizeof la);
    loose(b, lb, sizeof lb);
    return *la && strcmp(la, lb) == 0;
}

/* The latest stated amount in [from, before) (LOOKBACK at most) whose
 * subject is `subject` — the same words first, else words ending the
 * same ("收入" is not "其他收入" while "收入" itself was stated). */
static int latest_amount(ex *x, int from, int before, const char *subject)
{
    if (from < before - LOOKBACK)
        from = before - LOOKBACK;
    for (int pass = subject ? 0 : 1; pass < 2; pass++)
        for (int i = before - 1; i >= from && i >= 0; i--) {
            const gk_figure *f = fig(x, i);
            if (f->kind == GK_FIG_MONEY && is_amount_role(f->role) &&
                (!subject || (pass == 0 ? exact_subject(f->subject, subject)
                                        : same_subject(f->subject, subject))))
                return i;
        }
    return -1;
}

static int latest_role(ex *x, int from, int before, gk_figure_role role, const char *subject)
{
    if (from < before - LOOKBACK)
        from = before - LOOKBACK;
    for (int i = before - 1; i >= from && i >= 0; i--) {
        const gk_figure *f = fig(x, i);
        if (f->kind == GK_FIG_MONEY && f->role == role &&
            (!subject || same_subject(f->subject, subject)))
            return i;
    }
    return -1;
}

/* The latest amount stated in [from, before), a budget figure included. */
static int latest_stated(ex *x, int from, int before)
{
    int cur = latest_amount(x, from, before, NULL);
    int bud = latest_role(x, from, before, GK_ROLE_BUDGET, NULL);
    return bud > cur ? bud : cur;
}

/* The first figure of the section holding figure `i`. */
static int section_first(ex *x, int i)
{
    int stop = i - LOOKBACK;
    while (i > 0 && i > stop && gk_same_section(fig(x, i - 1)->section, fig(x, i)->section))
        i--;
    return i;
}

/* ---- Reading one figure ---------------------------------------------------- */

/* Length of a number at s ("1,234.56", "0.3"), 0 when there is none. */
static size_t number_len(const char *s, const char *e)
{
    const char *p = s;
    while (p < e && is_digit(*p)) {
        p++;
        if (p + 4 <= e && *p == ',' && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
            (p + 4 == e || !is_digit(p[4])))
            p++;
    }
    if (p + 1 < e && *p == '.' && is_digit(p[1])) {
        p++;
        while (p < e && is_digit(*p))
            p++;
    }
    return (size_t)(p - s);
}

/* Where "较上年", "比上年度", "较2023年" … ends [s, t), or NULL. */
static const char *previous_year(const char *s, const char *t)
{
    static const char *const W[] = {"上年度的", "上年的", "上年度", "上年数", "上年", NULL};
    for (const char *const *w = W; *w; w++)
        if (ends(s, t, *w))
            return t - strlen(*w);
    const char *e = t;
    if (ends(s, e, "度"))
        e -= strlen("度");
    if (!ends(s, e, "年"))
        return NULL;
    e -= strlen("年");
    int digits = 0;
    while (e > s && is_digit(e[-1]) && digits < 4) {
        e--;
        digits++;
    }
    return digits == 4 && (ends(s, e, "比") || ends(s, e, "较")) ? e - strlen("比") : NULL;
}

/* Where the comparison with an earlier year that qualifies the words
 * ending at t begins ("较2024年", "比2025年初…", "比2025年预算收入…"), or
 * NULL: the year may share its 年 with the words after it (年初), or be
 * followed by what it compares (预算收入). */
static const char *previous_year_of(const char *s, const char *t)
{
    const char *prev = previous_year(s, t);
    if (prev)
        return prev;
    if (starts(t, t + strlen("年"), "年") && (prev = previous_year(s, t + strlen("年"))) != NULL)
        return prev;                                     /* "比2025" + "年初预算数" */
    const char *than = rfind(s, t, "比"), *jiao = rfind(s, t, "较");
    if (jiao > than)
        than = jiao;
    if (!than)
        return NULL;
    const char *y = than + strlen("比");
    int digits = 0;
    while (y < t && is_digit(*y) && digits < 5) {
        y++;
        digits++;
    }
    /* "比2025年预算收入执行数": the year and a few words, no other figure. */
    return digits == 4 && starts(y, t, "年") && t - y <= 30 ? than : NULL;
}

/* The role of a figure from the words before it; *cut is where the role
 * words begin (the subject ends there). */
/* "下降(增长)" / "增加(减少)" just before [s, e)'s end: the template's two
 * words, one left in brackets.  Returns the outer word's direction, or 0. */
static int both_ways(const char *s, const char *e)
{
    if (!ends(s, e, ")"))
        return 0;
    const char *inner_end = e - 1, *open = inner_end;
    while (open > s && open[-1] != '(' && inner_end - open < 16)
        open--;
    if (open <= s || open[-1] != '(')
        return 0;
    bool inner_up = ends_any(open, inner_end, UP), inner_down = ends_any(open, inner_end, DOWN);
    const char *outer = open - 1;
    if (inner_down && ends_any(s, outer, UP))
        return 1;
    if (inner_up && ends_any(s, outer, DOWN))
        return -1;
    return 0;
}

static gk_figure_role role_of(const char *s, const char *e, gk_figure_kind kind, bool budget_doc,
                              int *dir, const char **cut, const char **whole,
                              const char **whole_end)
{
    *dir = 0;
    *cut = e;
    *whole = *whole_end = NULL;
    /* Relation words stand within a few words of their figure. */
    const char *near = e - s > 120 ? e - 120 : s;
    while (near > s && ((unsigned char)*near & 0xC0) == 0x80)
        near++;
    s = near;
    const char *up = last_of(s, e, UP), *down = last_of(s, e, DOWN);
    const char *change = up > down ? up : down;
    if (kind == GK_FIG_PERCENT || kind == GK_FIG_COUNT) {
        const char *done = last_of(s, e, COMPLETE), *share = last_of(s, e, SHARE);
        const char *best = done;
        if (share > best)
            best = share;
        if (change > best)
            best = change;
        if (!best)
            return GK_ROLE_OTHER;
        if (best == done) {
            *cut = rfind(s, e, "完成") ? rfind(s, e, "完成") : done;
            return GK_ROLE_COMPLETION;
        }
        if (best == share) {
            *cut = share - strlen("占");
            const char *de = rfind(share, e, "的");
            if (de && de > share) {
                *whole = share;
                *whole_end = de;
            }
            return GK_ROLE_SHARE;
        }
        *dir = change == up ? 1 : -1;
        int outer = both_ways(s, e);
        if (outer)
            *dir = outer;
        return GK_ROLE_RATE;
    }
    /* "较上年增加了培训费0.20万元": the change word before a short subject. */
    static const char *const CHANGED[2] = {"增加了", "减少了"};
    for (int k = 0; k < 2; k++) {
        const char *p = last_of(s, e, (const char *const[]){CHANGED[k], NULL});
        if (!p || e - (p + strlen(CHANGED[k])) > 24)
            continue;
        bool plain = true;
        for (const char *q = p + strlen(CHANGED[k]); q < e && plain; q++)
            plain = !(*q >= '0' && *q <= '9') && !starts(q, e, "，") && !starts(q, e, "、") &&
                    !starts(q, e, "；") && !starts(q, e, "。");
        if (plain) {
            *dir = k == 0 ? 1 : -1;
            *cut = p;
            return GK_ROLE_CHANGE;
        }
    }
    const char *t = e;
    strip_tail(s, &t, PARTICLES);
    for (const char *const *w = UP; *w; w++)
        if (ends(s, t, *w) && !ends(s, t - strlen(*w), "稳") && !ends(s, t - strlen(*w), "促")) {
            /* "支持商销稳增长30.00万": 稳增长/促增长 name a policy. */
            *dir = 1;
            *cut = t - strlen(*w);
            return GK_ROLE_CHANGE;
        }
    for (const char *const *w = DOWN; *w; w++)
        if (ends(s, t, *w)) {
            *dir = -1;
            *cut = t - strlen(*w);
            return GK_ROLE_CHANGE;
        }
    for (const char *const *w = BUDGET_WORDS; *w; w++)
        if (ends(s, t, *w)) {
            *cut = t - strlen(*w);
            if (!budget_doc)
                return GK_ROLE_BUDGET;
            /* A budget's own figures are its values; "较2024年预算13.92"
             * and "比2025年初预算数20,292.85" are the year before's. */
            const char *prev = previous_year_of(s, *cut);
            if (prev) {
                *cut = prev;
                return GK_ROLE_PREVIOUS;
            }
            return GK_ROLE_VALUE;
        }
    if ((*cut = previous_year(s, t)) != NULL)
        return GK_ROLE_PREVIOUS;
    for (const char *const *w = ACTUAL_WORDS; *w; w++)
        if (ends(s, t, *w)) {
            *cut = t - strlen(*w);
            /* In a budget, "比2025年预算收入执行数483,923.17" is the base
             * of a change: the year before's. */
            const char *prev = budget_doc ? previous_year_of(s, *cut) : NULL;
            if (prev) {
                *cut = prev;
                return GK_ROLE_PREVIOUS;
            }
            return GK_ROLE_ACTUAL;
        }
    *cut = t;
    return GK_ROLE_VALUE;
}

/* A figure at s (number of length n); NULL if the number is not one (a
 * year, a date, numbering).  *after gets the end of its unit. */
static bool read_figure(ex *x, const char *gap, const char *s, size_t n, const char *e,
                        gk_figure *f, const char **after)
{
    memset(f, 0, sizeof *f);
    const char *u = s + n;
    const unit_word *uw = NULL;
    for (size_t i = 0; i < sizeof UNITS / sizeof UNITS[0]; i++)
        if (starts(u, e, UNITS[i].word)) {
            uw = &UNITS[i];
            break;
        }
    /* "0.3万。": 万 alone for 万元. */
    static const unit_word WAN = {"万", GK_FIG_MONEY, GK_UNIT_WANYUAN};
    if (!uw && starts(u, e, "万") &&
        (u + strlen("万") == e || strchr(",;。\n)", u[strlen("万")]) ||
         starts(u + strlen("万"), e, "。") || starts(u + strlen("万"), e, "、")))
        uw = &WAN;
    const char *g = gap, *ge = s;
    if (uw) {
        f->kind = uw->kind;
        f->unit = uw->unit;
        *after = u + strlen(uw->word);
    } else {
        /* Unit-less figures the prose still makes: "占76.23" and
         * "支出决算为4.19", which end their clause.  A number running into
         * words is none: "预算:2026年…" a year, "预算01表" a table's number. */
        if (!(u == e || *u == ',' || *u == ';' || *u == ':' || *u == ')' || *u == '\n' ||
              starts(u, e, "。") || starts(u, e, "、")))
            return false;
        const char *t = ge;
        strip_tail(g, &t, PARTICLES);
        static const char *const RATE_WORDS[] = {"增长", "下降", "增幅", "减幅", NULL};
        int prev = x->out->nfigures - 1;
        if (ends(g, t, "占")) {
            f->kind = GK_FIG_PERCENT;
        } else if (ends_any(g, t, RATE_WORDS) && prev >= x->sentence_first &&
                   fig(x, prev)->kind == GK_FIG_MONEY && fig(x, prev)->role == GK_ROLE_CHANGE) {
            /* "增加1193.20万元，增长13.95。": the rate of the change just stated. */
            f->kind = GK_FIG_PERCENT;
        } else if (ends_any(g, t, BUDGET_WORDS) || ends_any(g, t, ACTUAL_WORDS)) {
            f->kind = GK_FIG_MONEY;
            f->unit = GK_UNIT_WANYUAN;
        } else {
            return false;
        }
        f->unit_missing = true;
        *after = u;
    }
    if (gk_amount_parse(s, n, &f->value) != GK_AMOUNT_OK)
        return false;
    const char *cut, *w, *we;
    f->role = role_of(g, ge, f->kind, x->r->kind == GK_DOC_BUDGET, &f->dir, &cut, &w, &we);
    if (f->kind == GK_FIG_COUNT)
        f->role = GK_ROLE_OTHER;
    /* "较上年减少0.20万元（4.76%）": the rate of the change just stated, in
     * brackets after it. */
    int before = x->out->nfigures - 1;
    if (f->kind == GK_FIG_PERCENT && f->role == GK_ROLE_OTHER && ge - g == 1 && *g == '(' &&
        before >= x->sentence_first && fig(x, before)->kind == GK_FIG_MONEY &&
        fig(x, before)->role == GK_ROLE_CHANGE) {
        f->role = GK_ROLE_RATE;
        f->dir = fig(x, before)->dir;
        cut = g;
    }
    /* "单价100万元以上的设备", "年度费用不超过50万元": a bound, no amount. */
    static const char *const ABOVE[] = {"及以上", "以上", "及以下", "以下", "以内", NULL};
    static const char *const LIMIT[] = {"不超过", "不高于", "不低于", "不少于", "不多于", "≤", "≥",
                                        "<", ">", "控制在", "低于", "高于", NULL};
    if (f->kind == GK_FIG_MONEY) {
        bool above = false;
        const char *t = *after;
        if (starts(t, e, "(含)"))   /* "单价100万元（含）以上" */
            t += strlen("(含)");
        for (const char *const *a = ABOVE; *a && !above; a++)
            above = starts(t, e, *a);
        if (above || ends_any(g, ge, LIMIT)) {
            f->threshold = true;
            f->role = GK_ROLE_OTHER;
        }
    }
    f->both_ways = f->role == GK_ROLE_RATE && both_ways(g, ge) != 0;
    f->subject = subject_of(x, g, cut);
    const char *rwe = ge;
    strip_tail(cut, &rwe, PARTICLES);
    f->role_word = gk_report_strndup(x->r, cut, (size_t)(rwe - cut));
    if (w)
        f->whole = clean_subject(x, w, we);
    f->text = gk_report_strndup(x->r, s, n);
    f->section = x->section;
    f->section_key = x->section_key;
    f->pos = pos_at(x, s);
    f->sentence = x->sentence;
    f->block = x->block;
    return true;
}

/* ---- Claims ----------------------------------------------------------------- */

static void group_add(ex *x, parts_group *g, int i)
{
    g->parts = room(x, g->parts, g->nparts, &g->cap, sizeof *g->parts);
    g->parts[g->nparts++] = i;
    g->last_topic = x->topic;
}

static void group_close(ex *x, parts_group *g)
{
    bool within = g == &x->within;
    if (g->whole >= 0 && g->nparts >= (within ? 1 : 2)) {
        gk_claim *c = add_claim(x, within ? GK_CLAIM_WITHIN : GK_CLAIM_PARTS, g->whole, -1, -1,
                                fig(x, g->whole)->pos);
        c->parts = g->parts;
        c->nparts = g->nparts;
    }
    *g = (parts_group){.whole = -1};
}

/* The figure a subject names: the latest stated amount with that subject,
 * in this section first, then anywhere before. */
static int resolve_subject(ex *x, const char *subject, int before)
{
    if (!subject || !*subject)
        return -1;
    int i = latest_amount(x, before > 0 ? section_first(x, before - 1) : 0, before, subject);
    return i >= 0 ? i : latest_amount(x, 0, before, subject);
}

static bool has(const char *s, const char *w) { return strstr(s, w) != NULL; }

static bool ends_str(const char *s, const char *w)
{
    return ends(s, s + strlen(s), w);
}

static int *copy_parts(ex *x, const int *idx, int n)
{
    int *p = gk_arena_alloc(x->r->arena, (size_t)n * sizeof *p);
    memcpy(p, idx, (size_t)n * sizeof *p);
    return p;
}

/* The latest stated amount before `before` (in the block, LOOKBACK) whose
 * subject contains all of the words. */
static int latest_with(ex *x, int before, const char *w1, const char *w2)
{
    for (int i = before - 1; i >= x->block_first && i >= before - LOOKBACK; i--) {
        const gk_figure *f = fig(x, i);
        if (f->kind == GK_FIG_MONEY && is_amount_role(f->role) && has(f->subject, w1) &&
            (!w2 || has(f->subject, w2)))
            return i;
    }
    return -1;
}

/* Which budget role words name: 1 the 年初 (initial) budget, 2 the 全年 /
 * 调整 (adjusted) one, 0 neither said. */
static int budget_term(const char *w)
{
    if (!w)
        return 0;
    if (strstr(w, "年初"))
        return 1;
    if (strstr(w, "全年") || strstr(w, "调整"))
        return 2;
    return 0;
}

/* Does the change whose gap is [s, e) say it is against a budget ("比年初
 * 预算数增加", "较预算减少")?  Not "预算收入较上年减少" (预算 is its subject)
 * nor "比2024年预算减少" (the year before's budget). */
static bool against_budget(const char *s, const char *e)
{
    const char *bi = rfind(s, e, "比"), *jiao = rfind(s, e, "较");
    const char *than = bi > jiao ? bi : jiao;
    if (!than)
        return false;
    if (!find(than, e, "预算") || find(than, e, "上年"))
        return false;
    for (const char *q = than; q < e; q++)
        if (is_digit(*q))
            return false;
    return true;
}

/* Relations that a figure completes; `vs_budget` for a change its words
 * say is against a budget. */
/* Does a rate's gap compare with an earlier year's 执行数 ("，比2022年预算执行数
 * 增加")? */
static bool against_actual(const char *s, const char *e)
{
    const char *bi = rfind(s, e, "比"), *jiao = rfind(s, e, "较");
    const char *than = bi > jiao ? bi : jiao;
    return than && find(than, e, "执行数");
}

/* "2022年当年预算执行数为1.48万元，2023年预算安排2.63万元，比2022年预算执行数
 * 增加77.70%": a rate without a change amount, of the amount stated (the
 * budget) against the earlier year's 执行数 stated before it. */
static void growth_claim(ex *x, int i)
{
    int sfirst = x->sentence_first, cur = -1;
    for (int k = i - 1; k >= sfirst && cur < 0; k--) {
        const gk_figure *g = fig(x, k);
        if (g->kind == GK_FIG_MONEY && (g->role == GK_ROLE_VALUE || g->role == GK_ROLE_BUDGET))
            cur = k;
    }
    if (cur < 0)
        return;
    int prev = latest_role(x, sfirst, cur, GK_ROLE_ACTUAL, NULL);
    if (prev >= 0)
        add_claim(x, GK_CLAIM_CHANGE, cur, prev, i, fig(x, i)->pos)->dir = fig(x, i)->dir;
}

static void relate(ex *x, int i, bool vs_budget)
{
    gk_figure *f = fig(x, i);
    int sfirst = x->sentence_first, bfirst = x->block_first;
    switch (f->role) {
    case GK_ROLE_CHANGE: {
        /* "本年基金收入合计1240.75万元，比年初预算数增加40.75万元": of a budget
         * stated before.  The change's own words must say so: "一般公共预算
         * 拨款30,331.26万元，较上年减少14,196.04万元" and "预算收入较上年减少
         * 29940.47万元" are of the year before. */
        if (vs_budget) {
            int cur = latest_amount(x, sfirst, i, NULL);
            int bud = latest_role(x, bfirst, cur, GK_ROLE_BUDGET, NULL);
            int named = latest_with(x, cur, "预算收入", NULL);
            if (named > bud)
                bud = named;
            if (cur >= 0 && bud >= 0)
                add_claim(x, GK_CLAIM_DIFF, cur, i, bud, f->pos)->dir = f->dir;
            return;
        }
        /* "…202.15万元，较上年164.92万元增加37.23万元" */
        int prev = latest_role(x, sfirst, i, GK_ROLE_PREVIOUS, NULL);
        if (prev < 0)
            return;
        int cur = latest_stated(x, sfirst, prev);
        if (cur < 0)
            return;
        gk_claim *c = add_claim(x, GK_CLAIM_DIFF, cur, i, prev, f->pos);
        c->dir = f->dir;
        /* After "总数，其中A、B，较上年…" the change may be of the total. */
        if (x->head >= sfirst && x->head < cur)
            c->alt = x->head;
        return;
    }
    case GK_ROLE_RATE: {
        int change = latest_role(x, sfirst, i, GK_ROLE_CHANGE, NULL);
        if (change < 0) {
            if (x->vs_actual)
                growth_claim(x, i);
            return;
        }
        /* One change, one rate: "…均增加337,874.84万元，增长64.2%，…故政府性
         * 基金预算财政拨款收入与上年同期相比，增加144.81%" — the second rate is
         * of something the sentence does not state. */
        for (int k = x->out->nclaims - 1; k >= 0 && k >= x->out->nclaims - LOOKBACK; k--)
            if (x->out->claims[k].kind == GK_CLAIM_CHANGE && x->out->claims[k].b == change)
                return;
        /* The amount the change is of: stated before it in the sentence (a
         * budget too: "预算数为4.00万元，比上年预算减少0.20万元"). */
        int cur = latest_stated(x, sfirst, change);
        const char *subject = fig(x, change)->subject;
        if (cur < 0)
            cur = resolve_subject(x, subject, change);
        /* An unnamed change is of the amount just stated before. */
        if (cur < 0 && !*subject)
            cur = latest_amount(x, bfirst, sfirst, NULL);
        if (cur < 0 && x->previous_single >= 0 && change >= sfirst)
            cur = x->previous_single;
        gk_claim *c = add_claim(x, GK_CLAIM_CHANGE, cur, change, i, f->pos);
        c->dir = f->dir;
        /* After "总数，其中A、B，较上年…" the change may be of the total. */
        if (cur >= 0 && x->head >= sfirst && x->head < cur)
            c->alt = x->head;
        return;
    }
    case GK_ROLE_SHARE: {
        int part = latest_amount(x, sfirst, i, NULL);
        if (part < 0)
            part = latest_amount(x, bfirst, i, NULL);
        if (part < 0)
            return;
        int whole = -1;
        if (f->whole)
            whole = resolve_subject(x, f->whole, part);
        else if (x->head >= 0 && x->head != part)
            whole = x->head;
        else if (x->head_subject) {
            whole = resolve_subject(x, x->head_subject, part);
            if (whole < 0)
                f->whole = x->head_subject;
        }
        add_claim(x, GK_CLAIM_SHARE, part, whole, i, f->pos);
        return;
    }
    case GK_ROLE_COMPLETION: {
        int actual = latest_role(x, sfirst, i, GK_ROLE_ACTUAL, NULL);
        if (actual < 0)
            actual = latest_amount(x, sfirst, i, NULL);
        if (actual < 0) {
            actual = latest_amount(x, bfirst, i, NULL);
            /* "…其中项目支出规划服务较年初完成92%": the rate of something
             * the sentence names, not of the amount stated before. */
            if (actual >= 0 && *f->subject && !same_subject(f->subject, fig(x, actual)->subject))
                return;
        }
        if (actual < 0)
            return;
        /* The budget: stated in the same sentence, else earlier in the
         * block for the same subject. */
        int budget = actual >= sfirst ? latest_role(x, sfirst, actual, GK_ROLE_BUDGET, NULL) : -1;
        if (budget < 0)
            budget = latest_role(x, bfirst, actual, GK_ROLE_BUDGET, fig(x, actual)->subject);
        if (budget < 0 && !*fig(x, actual)->subject)
            budget = latest_role(x, bfirst, actual, GK_ROLE_BUDGET, NULL);
        if (budget < 0)   /* "本年预算收入合计1200万元 … 完成年初预算的103.40%" */
            budget = latest_with(x, actual, "预算收入", NULL);
        /* "年初预算为0万元，全年预算为321.02万元…完成年初预算的95.89%": the
         * rate names which budget; the other is kept to say what the rate
         * was computed on. */
        int other = -1, want = budget_term(f->role_word);
        if (budget >= 0 && want && budget_term(fig(x, budget)->role_word) != want) {
            int from = actual >= sfirst ? sfirst : bfirst;
            for (int j = actual - 1; j >= from && j >= actual - LOOKBACK; j--)
                if (fig(x, j)->kind == GK_FIG_MONEY && fig(x, j)->role == GK_ROLE_BUDGET &&
                    budget_term(fig(x, j)->role_word) == want) {
                    other = budget;
                    budget = j;
                    break;
                }
        }
        add_claim(x, GK_CLAIM_COMPLETION, actual, budget, i, f->pos)->alt = other;
        return;
    }
    default:
        return;
    }
}

/* "决算数大于预算数", "决算数小于年初预算", "决算数与预算数持平". */
static void compare_words(ex *x, const char *s, const char *e, int nfig)
{
    static const struct { const char *w; int dir; } CMP[] = {
        {"大于", 1}, {"高于", 1}, {"超过", 1}, {"小于", -1}, {"低于", -1}, {"等于", 0}, {"持平", 0},
    };
    const char *act = find(s, e, "决算");
    if (!act)
        return;
    for (size_t k = 0; k < sizeof CMP / sizeof CMP[0]; k++) {
        const char *w = find(act, e, CMP[k].w);
        if (!w || w - act > 24)
            continue;
        const char *bud = find(w, e, "预算");
        if (!bud || bud - w > 12)
            continue;
        const char *subject = clean_subject(x, s, act);
        int actual = -1;
        if (*subject) {
            actual = latest_role(x, x->block_first, nfig, GK_ROLE_ACTUAL, subject);
            if (actual < 0)
                actual = latest_amount(x, x->block_first, nfig, subject);
        }
        if (actual < 0)
            actual = latest_role(x, x->block_first, nfig, GK_ROLE_ACTUAL, NULL);
        if (actual < 0)
            actual = latest_amount(x, x->block_first, nfig, NULL);
        if (actual < 0)
            return;
        int budget = latest_role(x, x->block_first, nfig, GK_ROLE_BUDGET, fig(x, actual)->subject);
        gk_claim *c = add_claim(x, GK_CLAIM_COMPARE, actual, budget, -1, pos_at(x, w));
        c->dir = CMP[k].dir;
        const char *we = bud + strlen("预算");
        if (starts(we, e, "数"))
            we += strlen("数");
        c->word = gk_report_strndup(x->r, act, (size_t)(we - act));
        return;
    }
}

/* "本部门没有使用政府性基金预算财政拨款…", "无国有资本经营预算财政拨款收入和支出". */
static void none_statement(ex *x, const char *s, const char *e)
{
    const char *no = find(s, e, "没有");
    if (!no)
        no = find(s, e, "无");
    if (!no)
        return;
    static const char *const FUNDS[] = {"政府性基金", "国有资本经营"};
    for (size_t k = 0; k < 2; k++) {
        const char *w = find(no, e, FUNDS[k]);
        /* "本部门无2021年结转的政府性基金预算拨款支出" speaks of money carried
         * over, not of the year's. */
        if (!w || w - no > 30 || find(no, w, "结转"))
            continue;
        gk_narrative *n = x->out;
        n->nones = room(x, n->nones, n->nnones, &x->nones_cap, sizeof *n->nones);
        n->nones[n->nnones++] = (struct gk_none_statement){x->section, FUNDS[k], pos_at(x, w)};
        return;
    }
}

/* "…公用经费39.56万元，主要包括：办公费、印刷费…和其他商品和服务支出": the names,
 * up to the end of the sentence or the next figure. */
static void item_list(ex *x, const char *s, const char *e)
{
    const char *m = find(s, e, "主要包括");
    if (!m)
        return;
    int owner = latest_amount(x, x->sentence_first, x->out->nfigures, NULL);
    if (owner < 0)
        return;
    const char *p = m + strlen("主要包括");
    while (p < e && (*p == ':' || *p == ','))
        p++;
    const char *names[128];
    int n = 0;
    while (p < e && n < 128) {
        const char *q = p;
        /* A name runs to 、 or , (names hold 和: "对个人和家庭的补助"); a
         * digit ends the list. */
        while (q < e && !starts(q, e, "、") && *q != ',' && *q != ';' && *q != '\n' &&
               !starts(q, e, "。") && !is_digit(*q))
            q++;
        if (q > p)
            names[n++] = gk_report_strndup(x->r, p, (size_t)(q - p));
        if (q >= e || is_digit(*q) || *q == ';' || starts(q, e, "。"))
            break;
        p = q + (starts(q, e, "、") ? strlen("、") : 1);
    }
    if (n < 2)
        return;
    gk_narrative *nv = x->out;
    nv->lists = room(x, nv->lists, nv->nlists, &x->lists_cap, sizeof *nv->lists);
    const char **keep = gk_arena_alloc(x->r->arena, (size_t)n * sizeof *keep);
    memcpy(keep, names, (size_t)n * sizeof *keep);
    nv->lists[nv->nlists++] = (struct gk_item_list){owner, keep, n, pos_at(x, m)};
}

/* "…（项）”20.04万元，主要用于：2025年人口抽样调查。": the purpose of the
 * block's item, up to the end of the sentence or the next figure. */
static void purpose(ex *x, const char *s, const char *e)
{
    const char *m = find(s, e, "主要用于");
    if (!m || !x->topic || !has_level(x->topic))
        return;
    const char *p = m + strlen("主要用于");
    while (p < e && (*p == ':' || *p == ','))
        p++;
    if (starts(p, e, "以下"))
        return;   /* "主要用于以下方面：" lists the 类 of a total */
    const char *q = p;
    while (q < e && *q != ';' && *q != '\n' && !starts(q, e, "。") && !is_digit(*q))
        q++;
    if (q == p)
        return;
    gk_narrative *n = x->out;
    n->purposes = room(x, n->purposes, n->npurposes, &x->purposes_cap, sizeof *n->purposes);
    n->purposes[n->npurposes++] = (struct gk_purpose){x->topic, gk_report_strndup(x->r, p, (size_t)(q - p)),
                                                      pos_at(x, p)};
}

/* Markers after which figures are parts of a whole: "…451.53万元，其中：" (or
 * "…203091.65万元、其中"),
 * "…支出主要用于以下方面：", "“三公”经费支出决算中，". */
static void heads(ex *x, const char *s, const char *until, const char *at, int last)
{
    static const char *const MARK[] = {"其中", "主要用于", "决算中", NULL};
    for (const char *const *m = MARK; *m; m++) {
        const char *p = find(at, until, *m);
        if (!p)
            continue;
        /* Right after a stated amount (only punctuation between): that
         * amount is the whole. */
        const char *q = at;
        while (q < p && (*q == ',' || *q == ':' || *q == ';' || starts(q, p, "、")))
            q += starts(q, p, "、") ? strlen("、") : 1;
        if (q == p && last >= 0 && is_amount_role(fig(x, last)->role)) {
            x->head = last;
            x->head_subject = NULL;
            /* "…；本单位当年预算支出A万元，其中…": A heads the new list, it is
             * no part of the one before. */
            parts_group *w = &x->within;
            if (w->nparts > 0 && w->parts[w->nparts - 1] == last)
                w->nparts--;
            group_close(x, w);
            w->whole = last;
        } else if (p == at && at == s && last < 0 && x->previous_first >= 0 &&
                   x->previous_first < x->sentence_first &&
                   fig(x, x->previous_first)->section == x->section &&
                   fig(x, x->previous_first)->kind == GK_FIG_MONEY &&
                   fig(x, x->previous_first)->role == GK_ROLE_VALUE) {
            /* "…收入预算合计186,241万元，包括本年收入…、上年结转结余0万元。
             * 其中：本年一般公共预算收入186,241万元，占100%": a sentence that
             * opens with 其中 lists the parts of the total the sentence
             * before opened with, the whole of its shares.  (Not a sum: such
             * lists go on to the parts of parts.) */
            x->head = x->previous_first;
            x->head_subject = NULL;
        } else if (p > s && last < x->sentence_first) {
            const char *subject = clean_subject(x, s, p);
            if (*subject) {
                x->head = -1;
                x->head_subject = subject;
            }
        }
        return;
    }
}

/* Item totals: "…年初预算为P万元，支出决算为Q万元…。其中：" opens a group
 * whose parts are the first budget (and actual) of each item block after. */
static void open_groups(ex *x, int nfig, const char *s, const char *e)
{
    const char *t = e;
    while (t > s && (t[-1] == '\n' || t[-1] == ':' || t[-1] == ','))
        t--;
    if (!ends(s, t, "其中"))
        return;
    for (int i = x->block_first; i < nfig; i++) {
        gk_figure *f = fig(x, i);
        if (f->kind != GK_FIG_MONEY)
            continue;
        if (f->role == GK_ROLE_BUDGET) {
            group_close(x, &x->budgets);
            x->budgets.whole = i;
        } else if (f->role == GK_ROLE_ACTUAL) {
            group_close(x, &x->actuals);
            x->actuals.whole = i;
        }
    }
}

static void take_part(ex *x, int i)
{
    gk_figure *f = fig(x, i);
    parts_group *w = &x->within;
    /* "…财政拨款收入A万元，其中：一般公共预算拨款收入A万元；本部门当年财政拨
     * 款支出A万元": the other side begins, the list of the first has ended. */
    if (w->whole >= 0 && f->kind == GK_FIG_MONEY) {
        const char *ws = fig(x, w->whole)->subject;
        if ((ends_str(ws, "收入") && ends_str(f->subject, "支出")) ||
            (ends_str(ws, "支出") && ends_str(f->subject, "收入")))
            group_close(x, w);
    }
    /* "…其中甲870万，乙70万…，合计1170万": the 合计 restates the total of
     * the parts (a SUM claim), it is none of them. */
    bool total = ends_str(f->subject, "合计") || ends_str(f->subject, "总计");
    if (w->whole >= 0 && i != w->whole && !x->itemised && !total && f->kind == GK_FIG_MONEY &&
        is_amount_role(f->role) &&
        *f->subject && f->subject != fig(x, i > 0 ? i - 1 : 0)->subject &&
        f->unit == fig(x, w->whole)->unit)
        group_add(x, w, i);
    if (f->kind != GK_FIG_MONEY || !x->topic || !strstr(x->topic, "(项)"))
        return;
    parts_group *g = f->role == GK_ROLE_BUDGET ? &x->budgets
                     : f->role == GK_ROLE_ACTUAL ? &x->actuals
                                                 : NULL;
    if (g && g->whole >= 0 && !(g->last_topic && strcmp(g->last_topic, x->topic) == 0))
        group_add(x, g, i);
}

/* The parenthesis depth after [s, e), from `depth` at s (item names such
 * as "(类)" close again). */
static int parens(const char *s, const char *e, int depth)
{
    for (const char *q = s; q < e; q++)
        depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
    return depth;
}

/* Fund accounts stated in prose (绩效 reports, DOMAIN.md): "基本医疗保险费收入
 * 1150万元、财政补贴收入50万元，本年预算收入合计1200万元", "当年基金结余60.75万元",
 * "年末滚存结余900.75万元（上年末840.00万元）". */
static void account_claims(ex *x)
{
    int first = x->sentence_first, end = x->out->nfigures, from = first;
    /* A total before "其中" heads the parts a later 合计 sums. */
    bool listed = x->within.whole >= first;
    if (listed)
        from = x->within.whole + 1;
    for (int i = first; i < end; i++) {
        const gk_figure *f = fig(x, i);
        if (f->kind != GK_FIG_MONEY)
            continue;
        const char *sub = f->subject;
        if (is_amount_role(f->role) && (ends_str(sub, "合计") || ends_str(sub, "总计"))) {
            int idx[LOOKBACK], n = 0;
            for (int j = from; j < i && n < LOOKBACK; j++) {
                const gk_figure *g = fig(x, j);
                if (g->kind == GK_FIG_MONEY && is_amount_role(g->role) && g->unit == f->unit &&
                    *g->subject && g->subject != sub)
                    idx[n++] = j;
            }
            if (n >= 2 && (!listed || i > x->within.whole)) {
                gk_claim *c = add_claim(x, GK_CLAIM_SUM, i, -1, -1, f->pos);
                c->parts = copy_parts(x, idx, n);
                c->nparts = n;
            }
            from = i + 1;
        }
        if (is_amount_role(f->role) && ends_str(sub, "结余") &&
            (has(sub, "当年") || has(sub, "本年"))) {
            int income = latest_with(x, i, "收入", "合计");
            int spent = latest_with(x, i, "支出", NULL);
            if (income >= 0 && spent > income)
                add_claim(x, GK_CLAIM_BALANCE, i, income, spent, f->pos);
        }
        if (ends_str(sub, "滚存结余")) {
            int prev = -1;
            for (int j = first; j < end && prev < 0; j++)
                if (j != i && fig(x, j)->kind == GK_FIG_MONEY &&
                    (has(fig(x, j)->subject, "上年末") || has(fig(x, j)->subject, "上年结余")))
                    prev = j;
            int year = latest_with(x, i, "当年", "结余");
            if (year < 0)
                year = latest_with(x, i, "本年", "结余");
            if (prev >= 0 && year >= 0)
                add_claim(x, GK_CLAIM_ROLLOVER, i, prev, year, f->pos);
        }
    }
}

/* Does "持平" at `flat` say the amount did not change?  Not in "手持平板";
 * nor "基本持平", "与上年基本持平", "基本与上年持平", "大体持平": roughly
 * flat allows a small change. */
static bool says_flat(const char *s, const char *flat, const char *e)
{
    const char *after = flat + strlen("持平");
    if (ends(s, flat, "手") || starts(after, e, "板") || starts(after, e, "台"))
        return false;
    const char *clause = s;
    for (const char *q = s; q < flat; q++)
        if (*q == ',' || *q == ';' || *q == ':')
            clause = q + 1;
    static const char *const ROUGHLY[] = {"基本", "大体", "大致", "总体", "略", NULL};
    for (const char *const *w = ROUGHLY; *w; w++)
        if (find(clause, flat, *w))
            return false;
    return true;
}

/* Is a subject nothing but the words a budget states its amounts with?
 * ("2023年当年预算执行数为130.23万元，2024年预算安排133.30万元": 当年.) */
static bool only_role_words(const char *subject)
{
    static const char *const ROLE_ONLY[] = {"预算安排", "预算数", "预算", "安排", "预算支出", "当年",
                                            NULL};
    for (const char *const *w = ROLE_ONLY; *w; w++)
        if (strcmp(subject, *w) == 0)
            return true;
    return false;
}

/* A numbered item's title standing as a sentence (or a line) of its own:
 * "(一)因公出国(境)费用。", "(一)因公出国(境)经费" — its figures follow
 * without a subject ("2026年预算数14.85万元"). */
static bool item_title(const char *s, const char *e)
{
    const char *end = ends(s, e, "。") ? e - strlen("。") : e;
    if (e - s > 60 || find(s, e, ",") || find(s, e, ":") || find(s, e, ";") ||
        find(s, end, "。"))
        return false;
    if (*s == '(') {
        const char *q = find(s, e, ")");
        return q && q - s <= 8 && q + 1 < end;
    }
    const char *q = s;
    while (q < e && is_digit(*q))
        q++;
    return q > s && q < e && (*q == '.' || starts(q, e, "、"));
}

/* Does a name end as an amount's name does ("…收入", "…支出", "…拨款", "…费",
 * "…补助"; not "收入、支出总计"'s "支出总计")? */
static bool amount_name(const char *s, const char *e)
{
    return e > s && (ends(s, e, "收入") || ends(s, e, "支出") || ends(s, e, "拨款") ||
                     ends(s, e, "费") || ends(s, e, "补助"));
}

/* "上级补助收入、事业收入、经营收入、附属单位上缴收入和其他收入均为0万元": a zero
 * for each name listed.  The names before the last become figures of their
 * own (same text and place); f keeps the last.  A last part "A和B" is two
 * names when both read as amounts' names ("对个人和家庭的补助" is one). */
static void zero_list(ex *x, gk_figure *f)
{
    const char *s = f->subject, *e = s + strlen(s);
    if (!find(s, e, "、"))
        return;
    const char *names[16][2];
    int n = 0;
    for (const char *p = s; p < e && n < 15;) {
        const char *q = find(p, e, "、");
        if (!q)
            q = e;
        names[n][0] = p;
        names[n][1] = q;
        n++;
        p = q == e ? e : q + strlen("、");
    }
    const char *he = rfind(names[n - 1][0], names[n - 1][1], "和");
    if (he && n < 16 && amount_name(names[n - 1][0], he) &&
        amount_name(he + strlen("和"), names[n - 1][1])) {
        names[n][0] = he + strlen("和");
        names[n][1] = names[n - 1][1];
        names[n - 1][1] = he;
        n++;
    }
    for (int k = 0; k < n; k++)
        if (!amount_name(names[k][0], names[k][1]))
            return;   /* "收入、支出总计" is one total */
    for (int k = 0; k < n - 1; k++) {
        gk_figure g = *f;
        g.subject = gk_report_strndup(x->r, names[k][0], (size_t)(names[k][1] - names[k][0]));
        take_part(x, add_figure(x, &g));
    }
    f->subject = gk_report_strndup(x->r, names[n - 1][0],
                                   (size_t)(names[n - 1][1] - names[n - 1][0]));
}

static void sentence(ex *x, const char *s, const char *e)
{
    x->previous_first = x->sentence_first;
    x->sentence_first = x->out->nfigures;
    x->itemised = false;
    /* "…财政拨款收、支总预算186,241万元。与上年相比，财政拨款收、支总计各减少
     * 178,341.83万元，减少48.92%": the comparison is of the one amount the
     * sentence before stated. */
    static const char *const OPENERS[] = {"与上年相比", "与上年比", "同上年相比", "比上年", "较上年",
                                          NULL};
    x->previous_single = -1;
    if (x->after_stop) {
        x->previous_period = x->period_first;
        x->period_first = x->sentence_first;
    }
    /* Only after a "。": "…其他收入均为0万元。" is one sentence with all its
     * "；" parts ("…占100.00%；事业收入…均为0万元。与上年相比…"). */
    for (const char *const *w = OPENERS; *w && x->previous_single < 0 && x->after_stop; w++) {
        if (!starts(s, e, *w))
            continue;
        for (int k = x->previous_period; k < x->period_first; k++) {
            const gk_figure *g = fig(x, k);
            if (g->kind != GK_FIG_MONEY)
                continue;
            if (x->previous_single >= 0 || g->section != x->section ||
                (g->role != GK_ROLE_VALUE && g->role != GK_ROLE_BUDGET)) {
                x->previous_single = -1;
                break;
            }
            x->previous_single = k;
        }
    }
    const char *gap = s, *p = s, *scanned = s;
    int last = -1, depth = 0;
    const char *sentence_subject = NULL;
    while (p < e) {
        if (!is_digit(*p) || (p > s && (is_digit(p[-1]) || p[-1] == '.' ||
                                        (p[-1] >= 'A' && p[-1] <= 'z')))) {
            p++;
            continue;
        }
        size_t n = number_len(p, e);
        gk_figure f;
        const char *after;
        /* "0377.37": two figures run together where the space or tab between
         * them was lost ("经营支出0\t377.37万元" of a line read out of
         * order) — no amount is printed with a leading zero. */
        bool run_together = n >= 2 && p[0] == '0' && is_digit(p[1]);
        if (run_together || !read_figure(x, gap, p, n, e, &f, &after)) {
            p += n;
            continue;
        }
        /* "（含上年结转12.50万元）": an aside, not what the sentence is about. */
        depth = parens(scanned, p, depth);
        scanned = p;
        if (f.kind == GK_FIG_MONEY && f.role == GK_ROLE_VALUE && depth > 0)
            f.role = GK_ROLE_OTHER;
        if (has_level(f.subject))
            x->topic = f.subject;
        /* "(一)因公出国(境)经费 / 2026年预算安排70.00万元": role words alone
         * name nothing, the item's title does. */
        /* "2022年本部门预算支出48054.42万元" is the unit's budget, whatever
         * title stands above. */
        if (f.kind == GK_FIG_MONEY &&
            (f.role == GK_ROLE_VALUE || f.role == GK_ROLE_ACTUAL || f.role == GK_ROLE_BUDGET) &&
            only_role_words(f.subject) &&
            !(strcmp(f.subject, "预算支出") == 0 &&
              (ends(gap, p, "本部门预算支出") || ends(gap, p, "本单位预算支出"))))
            f.subject = "";
        if (!*f.subject && f.kind == GK_FIG_MONEY)
            f.subject = sentence_subject ? sentence_subject : x->topic ? x->topic : "";
        if (f.kind == GK_FIG_MONEY && *f.subject && f.role != GK_ROLE_CHANGE &&
            f.role != GK_ROLE_OTHER)
            sentence_subject = f.subject;
        heads(x, s, p, gap, last);
        if (find(gap, p, "包括"))
            x->itemised = true;
        if (f.kind == GK_FIG_MONEY && f.role == GK_ROLE_VALUE && gk_amount_is_zero(f.value) &&
            ends(gap, p, "均为"))
            zero_list(x, &f);
        int i = add_figure(x, &f);
        take_part(x, i);
        x->vs_actual = f.role == GK_ROLE_RATE && against_actual(gap, p);
        relate(x, i, f.role == GK_ROLE_CHANGE && against_budget(gap, p));
        last = i;
        gap = p = after;
    }
    heads(x, s, e, gap, last);
    /* A sentence naming an item without figures sets the block's topic:
     * "（1）行政事业单位医疗（款）行政单位医疗（项）。" */
    if (last < 0) {
        const char *lv = NULL;
        static const char *const LEVELS[] = {"(项)", "(款)", "(类)", NULL};
        lv = last_of(s, e, LEVELS);
        if (lv)
            x->topic = clean_subject(x, s, lv);
        else if (item_title(s, e)) {
            /* "(三)公务用车购置费支出情况说明。" is about 公务用车购置费支出. */
            static const char *const TITLE_TAIL[] = {"情况说明", "说明", "情况", NULL};
            const char *te = ends(s, e, "。") ? e - strlen("。") : e;
            strip_tail(s, &te, TITLE_TAIL);
            x->topic = clean_subject(x, s, te);
        }
    }
    compare_words(x, s, e, x->out->nfigures);
    item_list(x, s, e);
    purpose(x, s, e);
    none_statement(x, s, e);
    open_groups(x, x->out->nfigures, s, e);
    account_claims(x);
    /* "与上年持平" with the figures of its sentence. */
    const char *flat = find(s, e, "持平");
    if (flat && !find(s, flat, "预算") && last >= 0 && says_flat(s, flat, e)) {
        int cur = latest_amount(x, x->sentence_first, x->out->nfigures, NULL);
        int change = latest_role(x, x->sentence_first, x->out->nfigures, GK_ROLE_CHANGE, NULL);
        if (cur >= 0)
            add_claim(x, GK_CLAIM_FLAT, cur, change, -1, pos_at(x, flat))->dir = 0;
    } else if (flat && last >= 0 && against_actual(s, flat)) {
        /* "2022年当年预算执行数为15.00万元，2023年预算安排15.00万元，比2022年预算
         * 执行数持平": the two amounts must be equal. */
        int cur = -1;
        for (int k = x->out->nfigures - 1; k >= x->sentence_first && cur < 0; k--)
            if (fig(x, k)->kind == GK_FIG_MONEY &&
                (fig(x, k)->role == GK_ROLE_VALUE || fig(x, k)->role == GK_ROLE_BUDGET))
                cur = k;
        int prev = cur >= 0 ? latest_role(x, x->sentence_first, cur, GK_ROLE_ACTUAL, NULL) : -1;
        if (prev >= 0)
            add_claim(x, GK_CLAIM_FLAT, cur, prev, -1, pos_at(x, flat))->dir = 0;
    }
    x->after_stop = ends(s, e, "。");
    x->sentence++;
}

/* The heading without its numbering ("一、", "(一)") and the year it opens
 * with ("2026年度“三公”经费预算情况说明": the year is the document's),
 * normalised. */
static const char *section_key(gk_report *r, const char *heading)
{
    size_t n;
    char *norm = heading ? gk_prose_normalise(heading, &n) : NULL;
    if (!norm)
        return "";
    const char *s = norm, *dun = strstr(s, "、");
    if (dun && dun - s <= 9)
        s = dun + strlen("、");
    else if (*s == '(' && strchr(s, ')') && strchr(s, ')') - s <= 8)
        s = strchr(s, ')') + 1;
    if (s[0] == '2' && s[1] == '0' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9' &&
        strncmp(s + 4, "年", strlen("年")) == 0) {
        s += 4 + strlen("年");
        if (strncmp(s, "度", strlen("度")) == 0)
            s += strlen("度");
    }
    const char *e = s + strlen(s);
    while (e > s && e[-1] == '\n')
        e--;
    const char *key = gk_report_strndup(r, s, (size_t)(e - s));
    free(norm);
    return key;
}

void gk_narrative_extract(gk_report *r, gk_narrative *out)
{
    memset(out, 0, sizeof *out);
    prose p;
    prose_build(r, &p);
    ex x = {.r = r, .p = &p, .out = out, .head = -1, .block = -1, .section_key = "",
            .after_stop = true};
    x.budgets = x.actuals = x.within = (parts_group){.whole = -1};
    const char *s = p.text, *end = p.text + p.len;
    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        if (!e)
            e = end;
        const prose_piece *pc = prose_piece_at(&p, (size_t)(s - p.text));
        if (pc) {
            const char *section = pc->title ? pc->title : r->paragraphs[pc->para].section;
            if (!gk_same_section(section, x.section)) {
                group_close(&x, &x.budgets);
                group_close(&x, &x.actuals);
                group_close(&x, &x.within);
                x.section = section;
                x.section_key = section_key(r, section);
                x.head = -1;
                x.head_subject = NULL;
            }
            if (pc->block != x.block) {
                group_close(&x, &x.within);
                x.block = pc->block;
                x.block_first = out->nfigures;
                x.topic = NULL;
            }
        }
        if (e > s)
            sentence(&x, s, e);
        if (ends(s, e, "。"))   /* a "；" keeps the list of parts going */
            group_close(&x, &x.within);
        s = e + 1;
    }
    group_close(&x, &x.budgets);
    group_close(&x, &x.actuals);
    group_close(&x, &x.within);
    prose_free(&p);
}
