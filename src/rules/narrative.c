/*
 * narrative.c — verifying the narrative (情况说明): NAR001–NAR010.
 *
 * Figures are bound to the table cells they name through the subject
 * lexicon (data/narrative/subjects.txt), then every figure and every claim
 * is checked: amounts against cells, growth rates against the change and
 * the previous year, shares against part and whole, completion rates
 * against actual and budget, comparison words against the figures, item
 * totals against their items, statements that a fund has nothing against
 * the fund's table.
 *
 * Rates are judged in steps: right when the printed figures give exactly
 * the printed rate; a style note when they give it truncated instead of
 * rounded; silent when the rounding of the figures themselves can explain
 * it; wrong otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "../model/arena.h"
#include "formula.h"
#include "gongkai/catalog.h"
#include "gongkai/narrative.h"
#include "rules.h"
#include "../util/buf.h"

/* ---- The subject lexicon ----------------------------------------------------- */

#define MAX_PHRASES 8
#define MAX_CELLS 4
#define MAX_SECTIONS 6

typedef struct entry {
    const char *sections[MAX_SECTIONS];   /* normalised heading starts */
    bool anywhere[MAX_SECTIONS];          /* "*words": anywhere in it */
    int nsections;            /* 0: any section (*) */
    bool budget;              /* 预算 (else 值) */
    const char *phrases[MAX_PHRASES];
    int nphrases;
    gk_term cells[MAX_CELLS];
    bool optional[MAX_CELLS];   /* "…?": a column many tables of the kind do
                                   not print; bound only where printed */
    bool zero_whole[MAX_CELLS]; /* "…!0": a whole the subject is a part of
                                   ("上年结转结余的一般公共预算收入" of 上年结转结余):
                                   bound only where the cell is 0, which
                                   makes every part of it 0 */
    int ncells;
} entry;

typedef struct lexicon {
    entry *items;
    size_t n;
    gk_formulas strings;      /* owns the terms' strings */
    char **owned;             /* normalised phrases and sections */
    size_t nowned, owned_cap;
} lexicon;

extern const char *const gk_narrative_subjects;
extern const size_t gk_narrative_subjects_len;

/* The lexicon lives as long as the program (like the built-in formulas). */
static const char *keep_normalised(lexicon *lx, const char *s, size_t n)
{
    char tmp[256];
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    size_t len;
    char *norm = gk_prose_normalise(tmp, &len);
    if (!norm)
        return "";
    if (lx->nowned == lx->owned_cap) {
        size_t cap = lx->owned_cap ? 2 * lx->owned_cap : 64;
        char **p = realloc(lx->owned, cap * sizeof *p);
        if (!p)
            gk_out_of_memory();
        lx->owned = p;
        lx->owned_cap = cap;
    }
    lx->owned[lx->nowned++] = norm;
    return norm;
}

/* The next `sep`-separated field of [*p, e), trimmed; *p moves past it. */
static const char *next_field(const char **p, const char *e, char sep, size_t *n)
{
    const char *s = *p, *q = s;
    while (q < e && *q != sep)
        q++;
    *p = q < e ? q + 1 : e;
    while (s < q && (*s == ' ' || *s == '\t'))
        s++;
    const char *t = q;
    while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r'))
        t--;
    *n = (size_t)(t - s);
    return s;
}

static _Noreturn void lexicon_broken(int line, const char *why)
{
    fprintf(stderr, "gongkai: data/narrative/subjects.txt:%d: 内置主题词表有误：%s\n", line, why);
    abort();
}

static lexicon the_subjects;

static void load_lexicon(void)
{
    size_t cap = 0;
    const char *p = gk_narrative_subjects, *end = p + gk_narrative_subjects_len;
    for (int line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *q = p;
        p = nl ? nl + 1 : end;
        if (q == le || *q == '#')
            continue;
        if (the_subjects.n == cap) {
            cap = cap ? 2 * cap : 64;
            the_subjects.items = realloc(the_subjects.items, cap * sizeof *the_subjects.items);
            if (!the_subjects.items)
                gk_out_of_memory();
        }
        entry *en = &the_subjects.items[the_subjects.n++];
        memset(en, 0, sizeof *en);
        size_t n;
        const char *f = next_field(&q, le, '\t', &n);
        for (const char *ss = f, *se = f + n; !(n == 1 && *f == '*') && ss < se;) {
            size_t k;
            const char *sec = next_field(&ss, se, '|', &k);
            bool anywhere = k > 1 && *sec == '*';
            if (en->nsections == MAX_SECTIONS)
                lexicon_broken(line, "节过多");
            en->anywhere[en->nsections] = anywhere;
            en->sections[en->nsections++] =
                keep_normalised(&the_subjects, sec + anywhere, k - anywhere);
        }
        f = next_field(&q, le, '\t', &n);
        if (n == strlen("预算") && memcmp(f, "预算", n) == 0)
            en->budget = true;
        else if (!(n == strlen("值") && memcmp(f, "值", n) == 0))
            lexicon_broken(line, "第二栏应为“值”或“预算”");
        f = next_field(&q, le, '\t', &n);
        for (const char *ps = f, *pe = f + n; ps < pe;) {
            size_t k;
            const char *ph = next_field(&ps, pe, '|', &k);
            if (en->nphrases == MAX_PHRASES)
                lexicon_broken(line, "说法过多");
            en->phrases[en->nphrases++] = keep_normalised(&the_subjects, ph, k);
        }
        f = next_field(&q, le, '\t', &n);
        for (const char *cs = f, *ce = f + n; cs < ce;) {
            size_t k;
            const char *c = next_field(&cs, ce, '|', &k);
            gk_error err;
            if (en->ncells == MAX_CELLS)
                lexicon_broken(line, "单元格过多");
            en->zero_whole[en->ncells] = k > 2 && memcmp(c + k - 2, "!0", 2) == 0;
            k -= 2 * en->zero_whole[en->ncells];
            en->optional[en->ncells] = k > 0 && c[k - 1] == '?';
            k -= en->optional[en->ncells];
            if (!gk_term_parse(&the_subjects.strings, c, k, line, &en->cells[en->ncells++], &err))
                lexicon_broken(line, err.message);
        }
        if (!en->nphrases || !en->ncells)
            lexicon_broken(line, "应为 节<TAB>角色<TAB>说法<TAB>单元格");
    }
}

/* Parsed once per process, whichever thread asks first (check -j). */
static const lexicon *the_lexicon(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_lexicon);
    return &the_subjects;
}

/* ---- Binding figures to cells ------------------------------------------------- */

typedef struct binding {
    const gk_table *table;
    const gk_row *row;
    const char *column;
    gk_amount value;          /* the cell (blank: 0), in the table's unit */
    bool found;
    bool reconstructed;       /* the reader chose the cell's place (or, for a
                                 blank, the places of its row's amounts) */
    const gk_table *unnamed;  /* an item the table has no row of that name for */
    bool doubtful;            /* the cell may not be the one the prose names:
                                 it (or, in a budget, its row) is negative, as
                                 增减 columns are: the amount is not judged
                                 against it */
    bool empty;               /* the table's note says it is empty ("故本表为
                                 空表"): the cell is 0 */
} binding;

static bool ends_with(const char *s, const char *w)
{
    size_t n = strlen(s), k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* "A(类)B(款)C(项)" → the name at the deepest level, its code length and
 * the name of its parent. */
static int item_levels(const char *subject, char *name, char *parent, size_t size)
{
    static const struct { const char *mark; int len; } L[] = {
        {"(类)", 3}, {"(款)", 5}, {"(项)", 7}};
    const char *start = subject;
    int len = 0;
    name[0] = parent[0] = '\0';
    for (;;) {
        const char *best = NULL;
        int bl = 0;
        size_t bm = 0;
        for (size_t k = 0; k < 3; k++) {
            const char *m = strstr(start, L[k].mark);
            if (m && (!best || m < best)) {
                best = m;
                bl = L[k].len;
                bm = strlen(L[k].mark);
            }
        }
        if (!best)
            break;
        gk_format(parent, size, "%s", name);
        size_t n = (size_t)(best - start);
        if (n >= size)
            n = size - 1;
        memcpy(name, start, n);
        name[n] = '\0';
        len = bl;
        start = best + bm;
    }
    return len;
}

static bool same_name(const char *a, const char *b)
{
    char ka[GK_NAME_KEY_MAX], kb[GK_NAME_KEY_MAX];
    gk_name_key(a, ka);
    gk_name_key(b, kb);
    return ka[0] && strcmp(ka, kb) == 0;
}

/* Does a row's label name the item: the same name, or the name with the
 * page number the reader left on the last row of a page ("购房补贴22-")? */
static bool label_names(const char *label, const char *name)
{
    if (same_name(label, name))
        return true;
    size_t n = strlen(label), k = n;
    if (k > 0 && label[k - 1] == '-')
        k--;
    size_t digits = k;
    while (k > 0 && label[k - 1] >= '0' && label[k - 1] <= '9')
        k--;
    if (k == digits || k == 0 || k == n)
        return false;
    char bare[256];
    gk_format(bare, sizeof bare, "%.*s", (int)k, label);
    return same_name(bare, name);
}


/* The classification code a subject ends with in brackets, "行政运行
 * (2101501)", "工资福利支出(301)", or begins with before a dash,
 * "2011301-行政运行"; its length, or 0. */
static size_t subject_code(const char *subject, char code[8])
{
    size_t lead = strspn(subject, "0123456789");
    if ((lead == 3 || lead == 5 || lead == 7) && subject[lead] == '-' && subject[lead + 1]) {
        memcpy(code, subject, lead);
        code[lead] = '\0';
        return lead;
    }
    size_t n = strlen(subject);
    if (n < 5 || subject[n - 1] != ')')
        return 0;
    size_t k = n - 1;
    while (k > 0 && subject[k - 1] >= '0' && subject[k - 1] <= '9')
        k--;
    size_t len = n - 1 - k;
    if (k == 0 || subject[k - 1] != '(' || (len != 3 && len != 5 && len != 7))
        return 0;
    memcpy(code, subject + k, len);
    code[len] = '\0';
    return len;
}

/* A subject that is the bare name of a 类 ("一般公共服务306.90万元，占1.61%") or of
 * an economic 款 ("基本工资73.7万元"), without level marks or code: the
 * catalog's entry, which knows the names' variants and other years'. */
static const gk_catalog_entry *class_named(const char *subject, bool economic)
{
    char code[8];
    if (!*subject || strstr(subject, "(类)") || strstr(subject, "(款)") || strstr(subject, "(项)") ||
        subject_code(subject, code))
        return NULL;   /* "维修(护)费" is a bare name */
    return economic ? gk_catalog_find_name(GK_CLASS_ECON_DEPT, subject, NULL, 2, 0)
                    : gk_catalog_find_name(GK_CLASS_FUNCTIONAL, subject, NULL, 1, 0);
}

static const gk_row *named_row(const gk_table *t, const char *subject)
{
    char code[8];
    const gk_catalog_entry *ce = class_named(subject, t->kind == GK_TABLE_GPB_BASIC);
    if (ce) {
        for (size_t i = 0; i < t->nrows; i++)
            if (t->rows[i].code && strcmp(t->rows[i].code, ce->code) == 0)
                return &t->rows[i];
        return NULL;
    }
    if (subject_code(subject, code)) {
        for (size_t i = 0; i < t->nrows; i++)
            if (t->rows[i].code && strcmp(t->rows[i].code, code) == 0)
                return &t->rows[i];
        return NULL;
    }
    char name[256], parent[256];
    int len = item_levels(subject, name, parent, sizeof name);
    if (!len)
        return NULL;
    const gk_row *hit = NULL;
    int plen = len == 7 ? 5 : 3;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (!row->code || (int)strlen(row->code) != len || !row->label ||
            !label_names(row->label, name))
            continue;
        if (!hit)
            hit = row;
        if (!parent[0])
            return row;
        /* Several 项 of one name ("行政运行"): the one under the named 款. */
        for (size_t j = 0; j < t->nrows; j++) {
            const gk_row *up = &t->rows[j];
            if (up->code && (int)strlen(up->code) == plen &&
                strncmp(up->code, row->code, (size_t)plen) == 0 && up->label &&
                label_names(up->label, parent))
                return row;
        }
    }
    /* "林业和草原(款)一般行政管理事务(项)" is not the 一般行政管理事务 under 水利
     * (21303): a parent the catalog knows by another code names another
     * item. */
    const gk_catalog_entry *pe =
        hit && parent[0] ? gk_catalog_find_name(GK_CLASS_FUNCTIONAL, parent, NULL, plen == 5 ? 2 : 1, 0)
                         : NULL;
    if (pe && strncmp(pe->code, hit->code, (size_t)plen) != 0)
        return NULL;
    return hit;
}

/* How well an entry's sections match a section (its normalised heading
 * `key`): 0 for none, else 1 + the length of the longest that matches.  A
 * section matches when the heading starts with it or, for "*words", holds
 * the words anywhere ("二、“三公”经费安排情况"). */
static size_t in_section(const char *key, const entry *en)
{
    size_t best = 0;
    for (int i = 0; i < en->nsections; i++) {
        const char *sec = en->sections[i];
        bool hit = en->anywhere[i] ? strstr(key, sec) != NULL
                                   : strncmp(key, sec, strlen(sec)) == 0;
        size_t len = strlen(sec) + 1;
        if (hit && len > best)
            best = len;
    }
    return best;
}

/* Does the document have a table any of the entry's cells is in?  An
 * entry for the tables of a budget says nothing of a final account's. */
static bool has_tables(const gk_report *r, const entry *en)
{
    for (int k = 0; k < en->ncells; k++)
        if (gk_report_find_table(r, en->cells[k].table))
            return true;
    return false;
}

/* How well an entry matching a section by `sec` (in_section; 0 for an
 * entry of any section) and a phrase of `len` bytes fits: an entry of the
 * figure's section beats one for any section, a longer phrase a shorter
 * one, and of two equal phrases the entry of the more specific (longer)
 * section wins ("财政拨款收支" over "*收支"). */
static size_t fit(size_t sec, size_t len)
{
    if (!sec)
        return 32 * len;
    return 1000 + 32 * len + (sec < 31 ? sec : 31);
}

/* What the prose adds to an indicator's name in a budget: "因公出国(境)费
 * 预算支出", "机关运行经费安排", "“三公”经费预算数", "“卫生健康支出”科目". */
static const char *const ROLE_WORDS[] = {"预算安排", "安排", "预算数", "预算支出", "支出预算",
                                         "预算", "财政拨款", "科目"};

/* Does a subject end at its deepest level mark ("…(类)", "…(项)支出")?
 * "吴淞江整治工程在农林水支出(类)支出列支13800万元" is a project within
 * the 类, not the 类. */
static bool level_tail(const char *subject)
{
    static const char *const MARKS[] = {"(类)", "(款)", "(项)"};
    static const char *const TAILS[] = {"", "支出", "科目", "预算", "预算支出", "支出预算"};
    const char *last = NULL;
    for (size_t k = 0; k < 3; k++)
        for (const char *m = strstr(subject, MARKS[k]); m; m = strstr(m + 1, MARKS[k]))
            if (!last || m > last)
                last = m + strlen(MARKS[k]);
    if (!last)
        return false;
    for (size_t k = 0; k < sizeof TAILS / sizeof *TAILS; k++)
        if (strcmp(last, TAILS[k]) == 0)
            return true;
    return false;
}

/* The lexicon entry for what the prose calls `subject` in a section (its
 * normalised heading `key`), or NULL.  With a report, only entries for
 * tables it has. */
static const entry *match_entry(const gk_report *r, const char *key, const char *subject,
                                bool budget)
{
    const lexicon *lx = the_lexicon();
    const entry *best = NULL;
    size_t best_score = 0;
    for (size_t i = 0; i < lx->n; i++) {
        const entry *en = &lx->items[i];
        if (en->budget != budget)
            continue;
        size_t sec = in_section(key, en);
        if (en->nsections && !sec)
            continue;
        if (r && !has_tables(r, en))
            continue;
        for (int k = 0; k < en->nphrases; k++) {
            const char *ph = en->phrases[k];
            char code[8];
            /* "(类名)" / "(经济科目)" / "(代码)": the bare name of a 类 / an
             * economic 款, a subject with a code ("…(2010601)", "2011301-…"); below any
             * phrase of the section. */
            bool economic = strcmp(ph, "(经济科目)") == 0;
            bool named = economic || strcmp(ph, "(类名)") == 0;
            if (named || strcmp(ph, "(代码)") == 0) {
                if (sec && fit(sec, 0) > best_score &&
                    (named ? class_named(subject, economic) != NULL
                           : *subject && subject_code(subject, code))) {
                    best = en;
                    best_score = fit(sec, 0);
                }
                continue;
            }
            bool level = ph[0] == '(' && strchr(subject, '(') && level_tail(subject);
            /* "-" (normalised away like a Markdown bullet): a figure with no
             * subject of its own, in the entry's section. */
            bool bare = *ph == '\0';
            /* "=收入": the whole subject, not any "…收入". */
            bool whole = *ph == '=';
            if (bare ? *subject || !sec
                     : !*subject || !(whole   ? strcmp(subject, ph + 1) == 0
                                      : level ? strstr(subject, ph) != NULL
                                              : ends_with(subject, ph)))
                continue;
            size_t score = fit(sec, strlen(ph) - whole);
            if (score > best_score) {
                best = en;
                best_score = score;
            }
        }
    }
    return best;
}

/* An item named by its levels joined with dashes, "一般公共服务支出-政府办公厅
 * (室)及相关机构事务-行政运行", in the marked form "…(类)…(款)…(项)"; the
 * first part must be a 类 the catalog knows. */
static bool dashed_levels(const char *subject, char *out, size_t size)
{
    static const char *const MARK[] = {"(类)", "(款)", "(项)"};
    char code[8];
    if (strstr(subject, "(类)") || strstr(subject, "(款)") || strstr(subject, "(项)") ||
        subject_code(subject, code))
        return false;
    size_t used = 0;
    int parts = 0;
    for (const char *p = subject; parts < 3;) {
        const char *dash = strchr(p, '-');
        size_t n = dash ? (size_t)(dash - p) : strlen(p);
        if (n == 0 || used + n + strlen(MARK[parts]) >= size)
            return false;
        memcpy(out + used, p, n);
        memcpy(out + used + n, MARK[parts], strlen(MARK[parts]));
        used += n + strlen(MARK[parts]);
        parts++;
        if (!dash)
            break;
        p = dash + 1;
        if (parts == 3)
            return false;   /* a fourth part: not levels */
    }
    out[used] = '\0';
    if (parts < 2)
        return false;
    char lei[256];
    gk_format(lei, sizeof lei, "%.*s", (int)(strchr(subject, '-') - subject), subject);
    return class_named(lei, false) != NULL;
}

/* The entry for `subject`, or, when none names it, for the subject
 * without the role words a budget adds to it ("公务接待费预算支出"); `bare`
 * gets the subject as matched. */
static const entry *find_entry(const gk_report *r, const char *key, const char *subject,
                               bool budget, char bare[256])
{
    if (!subject)
        return NULL;
    const entry *en = match_entry(r, key, subject, budget);
    gk_format(bare, 256, "%s", subject);
    for (size_t n = strlen(bare), k = 0; !en && k < sizeof ROLE_WORDS / sizeof *ROLE_WORDS;) {
        size_t w = strlen(ROLE_WORDS[k]);
        if (n > w && memcmp(bare + n - w, ROLE_WORDS[k], w) == 0) {
            n -= w;
            bare[n] = '\0';
            en = match_entry(r, key, bare, budget);
            k = 0;   /* "机关运行经费预算安排" → "…预算" → "…" */
        } else {
            k++;
        }
    }
    /* "培训支出(2050803)支出29.44万元": the item named by its code, then
     * what it is ("支出" is no role word elsewhere: "公务接待费支出"). */
    char code[8];
    size_t n = strlen(bare), w = strlen("支出");
    if (!en && n > w && strcmp(bare + n - w, "支出") == 0) {
        char coded[256];
        gk_format(coded, sizeof coded, "%.*s", (int)(n - w), bare);
        if (subject_code(coded, code) && (en = match_entry(r, key, coded, budget)) != NULL)
            gk_format(bare, 256, "%s", coded);
    }
    char levels[256];
    if (!en && dashed_levels(bare, levels, sizeof levels)) {
        en = match_entry(r, key, levels, budget);
        if (en)
            gk_format(bare, 256, "%s", levels);
    }
    return en;
}

/* Does any row of t print the column? */
static bool prints(const gk_table *t, const char *column)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (gk_row_get(&t->rows[i], column))
            return true;
    return false;
}

static void bind_cell(binding *b, const gk_table *t, const gk_row *row, const char *column)
{
    const gk_cell *cell = gk_row_get(row, column);
    b->table = t;
    b->row = row;
    b->column = column;
    b->value = cell && !cell->text ? cell->value : gk_amount_make(0, 0);
    b->found = true;
    b->unnamed = NULL;
    if (cell)
        b->reconstructed = cell->flags & GK_CELL_RECONSTRUCTED;
    else
        for (size_t i = 0; i < row->ncells; i++)
            b->reconstructed |= row->cells[i].flags & GK_CELL_RECONSTRUCTED;
    /* Amounts the prose states are never negative; a budget's are never
     * negative anywhere in their row: a negative cell is a 增减 column read
     * into the row's place. */
    bool budget = gk_table_kind_doc(t->kind) == GK_DOC_BUDGET;
    b->doubtful = cell && !cell->text && cell->value.v < 0;
    for (size_t i = 0; budget && i < row->ncells; i++)
        b->doubtful |= !row->cells[i].text && row->cells[i].value.v < 0;
}

/* Is `code` (longer than `len` digits) a row of t's directly under the
 * row of its first `len` digits: no row in between ("3010201"津贴补贴's part
 * where the table prints no 30102)? */
static bool topmost_under(const gk_table *t, const char *code, size_t len)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < t->nrows; i++) {
        const char *c = t->rows[i].code;
        size_t k = c ? strlen(c) : 0;
        if (k > len && k < n && strncmp(c, code, k) == 0)
            return false;
    }
    return true;
}

/* The rows one level below a coded row (code + 2 digits: "302" → "30201",
 * "20805" → "2080505", or deeper where the table skips a level), read in
 * `column`; their number.  `sum` (may be
 * NULL) gets their exact sum; `rounded` (may be NULL) the sum of each
 * converted to `unit` and rounded to `scale` decimals, as prose that adds
 * its rounded parts states it. */
static int children(const gk_table *t, const gk_row *row, const char *column, gk_sum *sum,
                    gk_unit unit, unsigned scale, gk_amount *rounded)
{
    size_t len = row->code ? strlen(row->code) : 0;
    int n = 0;
    if (sum)
        gk_sum_init(sum);
    if (rounded)
        *rounded = gk_amount_make(0, scale);
    if (!len)
        return 0;
    gk_unit from = t->unit ? t->unit : GK_UNIT_WANYUAN;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *c = &t->rows[i];
        if (!c->code || strlen(c->code) <= len || strncmp(c->code, row->code, len) != 0 ||
            !topmost_under(t, c->code, len))
            continue;
        const gk_cell *cell = gk_row_get(c, column);
        if (!cell || cell->text)
            continue;
        n++;
        if (sum)
            gk_sum_add(sum, cell->value, 1);
        gk_amount v;
        if (rounded && (!gk_amount_convert(cell->value, from, unit ? unit : GK_UNIT_WANYUAN, &v) ||
                        !gk_amount_add(*rounded, gk_amount_round(v, scale), rounded)))
            return -1;
    }
    return n;
}

/* Does a coded row disagree with the rows under it?  Then the reader has
 * put amounts in the wrong rows (a grouped economic table read askew), or
 * the table is wrong; either way its cell is no certain binding. */
static bool tree_broken(const gk_table *t, const gk_row *row, const char *column)
{
    gk_sum parts;
    const gk_cell *cell = gk_row_get(row, column);
    if (!cell || cell->text || children(t, row, column, &parts, GK_UNIT_NONE, 0, NULL) <= 0)
        return false;
    gk_sum whole = gk_sum_of(cell->value);
    return gk_sum_compare(&whole, &parts, NULL) == GK_MISMATCH;
}

/* A total row ("本年支出合计", "收入总计") without a single amount was not
 * read, or its table is empty: its blanks confirm a zero the prose states,
 * and say nothing of any other amount (the reader may have left the row's
 * figures elsewhere). */
static bool unread_total(const gk_row *row)
{
    return row->ncells == 0 && row->label &&
           (strstr(row->label, "合计") || strstr(row->label, "总计"));
}

static bool has_figures(const gk_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        for (size_t k = 0; k < t->rows[i].ncells; k++)
            if (!t->rows[i].cells[k].text)
                return true;
    return false;
}

/* The table of a kind: the first with rows (a title the reader found twice,
 * once on the contents page, gives an empty first table of the kind). */
static const gk_table *table_of(const gk_report *r, gk_table_kind kind)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (r->tables[i].kind == kind && r->tables[i].nrows > 0)
            return &r->tables[i];
    return gk_report_find_table(r, kind);
}

/* Bind what the prose calls `subject` in a section to a cell. */
static bool bind_subject(const gk_report *r, const char *key, const char *subject, bool budget,
                         bool zero, binding *b)
{
    memset(b, 0, sizeof *b);
    char named[256];
    const entry *best = find_entry(r, key, subject, budget, named);
    if (!best)
        return false;
    /* A cell in a column its table never prints (a 单位综合预算 总表 has
     * no 一般公共预算 column) is taken only when no later cell binds. */
    const gk_table *fallback_t = NULL;
    const gk_row *fallback_row = NULL;
    const char *fallback_column = NULL;
    for (int k = 0; k < best->ncells; k++) {
        const gk_term *term = &best->cells[k];
        const gk_table *t = table_of(r, term->table);
        /* A table with figures is no empty table, whatever its note says
         * ("此表如无数字则表示单位无该项支出"). */
        if (!t)
            continue;
        if (t->empty_note && !has_figures(t)) {
            /* "政府性基金拨款支出预算0万元" against "注：本部门无政府性基金
             * 预算财政拨款安排的预算，故本表为空表": the table says 0 too (and
             * an amount that is not 0 contradicts it).  Its total row only:
             * an item's row is not there to name. */
            const gk_row *row = term->sel != GK_SEL_EACH ? gk_term_row(t, term, NULL) : NULL;
            if (row && row->ncells == 0) {
                bind_cell(b, t, row, term->column);
                b->empty = true;
                return true;
            }
            continue;
        }
        const gk_row *row = term->sel == GK_SEL_EACH ? named_row(t, named)
                                                     : gk_term_row(t, term, NULL);
        if (!row) {
            if (term->sel == GK_SEL_EACH && !b->unnamed) {
                b->unnamed = t;
                b->column = term->column;
            }
            continue;
        }
        if ((unread_total(row) && !zero) ||
            (term->sel == GK_SEL_EACH && tree_broken(t, row, term->column)))
            continue;
        /* A part of a whole: only a whole of 0 says what the part is. */
        const gk_cell *whole = gk_row_get(row, term->column);
        if (best->zero_whole[k] && whole && (whole->text || !gk_amount_is_zero(whole->value)))
            continue;
        if (!gk_row_get(row, term->column) && !prints(t, term->column)) {
            if (!fallback_t && !best->optional[k]) {
                fallback_t = t;
                fallback_row = row;
                fallback_column = term->column;
            }
            continue;
        }
        bind_cell(b, t, row, term->column);
        return true;
    }
    if (!fallback_t)
        return false;
    bind_cell(b, fallback_t, fallback_row, fallback_column);
    return true;
}

static bool bind(const gk_report *r, const gk_figure *f, binding *b)
{
    memset(b, 0, sizeof *b);
    if (f->kind != GK_FIG_MONEY)
        return false;
    bool budget = f->role == GK_ROLE_BUDGET;
    if (!budget && f->role != GK_ROLE_VALUE && f->role != GK_ROLE_ACTUAL)
        return false;
    /* In a budget, an actual ("2023年当年预算执行数为130.23万元") is of a year
     * before the tables'. */
    if (f->role == GK_ROLE_ACTUAL && r->kind == GK_DOC_BUDGET)
        return false;
    return bind_subject(r, f->section_key, f->subject, budget, gk_amount_is_zero(f->value), b);
}

bool gk_narrative_binds(const gk_report *r, const gk_figure *f)
{
    binding b;
    return bind(r, f, &b);
}

/* A bound cell in the figure's unit (NULL conversion: same value). */
static bool in_unit(const binding *b, gk_unit unit, gk_amount *out)
{
    gk_unit from = b->table->unit ? b->table->unit : GK_UNIT_WANYUAN;
    return gk_amount_convert(b->value, from, unit ? unit : GK_UNIT_WANYUAN, out);
}

/* A printed figure as an interval; a zero is exactly zero ("0万元", a blank
 * cell: nothing was spent), whatever its decimals. */
static gk_sum sum_of(gk_amount a)
{
    gk_sum s = gk_sum_of(a);
    if (gk_amount_is_zero(a))
        s.half = 0;
    return s;
}

/* ---- Locations and formatting --------------------------------------------------- */

static gk_location at_figure(const gk_figure *f)
{
    gk_location loc = {0};
    loc.pos = f->pos;
    loc.value = f->text;
    return loc;
}

static void locate_cell(gk_findings *out, gk_finding *x, const binding *b)
{
    gk_location loc = gk_location_of(b->table, b->row, b->column);
    char buf[GK_AMOUNT_BUFSIZE];
    loc.value = gk_amount_format(b->value, buf);
    gk_finding_locate(out, x, &loc);
}

static void locate_figure(gk_findings *out, gk_finding *x, const gk_figure *f)
{
    if (f->pos.line != x->locs[0].pos.line || f->pos.page != x->locs[0].pos.page) {
        gk_location loc = at_figure(f);
        gk_finding_locate(out, x, &loc);
    }
}

static const char *unit_word(gk_unit u) { return u ? gk_unit_name(u) : "万元"; }

/* "行政运行(2101501)" / "合计" for a bound row. */
static const char *row_name(const binding *b, char *buf, size_t size)
{
    if (b->row->code)
        gk_format(buf, size, "%s %s", b->row->code, b->row->label ? b->row->label : "");
    else
        gk_format(buf, size, "%s", b->row->label ? b->row->label : "");
    return buf;
}

static void set_figures(gk_findings *out, gk_finding *x, gk_amount expected, gk_amount actual)
{
    char e[GK_AMOUNT_BUFSIZE], a[GK_AMOUNT_BUFSIZE];
    x->expected = gk_report_strdup(out->report, gk_amount_format(expected, e));
    x->actual = gk_report_strdup(out->report, gk_amount_format(actual, a));
}

/* ---- NAR001: amounts against the cells they name ---------------------------------- */

/* Another row of the same table whose cell in that column is the figure:
 * the prose probably names the wrong item. */
static const gk_row *row_with(const binding *b, const gk_figure *f)
{
    for (size_t i = 0; i < b->table->nrows; i++) {
        const gk_row *row = &b->table->rows[i];
        const gk_cell *c = gk_row_get(row, b->column);
        if (row == b->row || !c || c->text || !row->code)
            continue;
        gk_amount v;
        binding other = *b;
        other.value = c->value;
        if (in_unit(&other, f->unit, &v) && !gk_amount_is_zero(v) &&
            gk_amount_cmp(gk_amount_round(v, f->value.scale), f->value) == 0)
            return row;
    }
    return NULL;
}

/* NAR012: the prose names an item (类/款/项) its table has no row of.  A
 * row of the same level holding the figure is probably the one meant. */
static void check_unnamed(const gk_figure *f, const binding *b, gk_findings *out)
{
    char name[256], parent[256];
    int len = item_levels(f->subject, name, parent, sizeof name);
    if (!name[0])
        return;
    /* The 类 the subject names ("卫生健康支出(类)…"): a row of another 类
     * holding the same amount is a coincidence, not the item meant. */
    const char *lei = strstr(f->subject, "(类)");
    char lei_name[256] = "";
    if (lei)
        gk_format(lei_name, sizeof lei_name, "%.*s", (int)(lei - f->subject), f->subject);
    const gk_row *near = NULL;
    for (size_t i = 0; i < b->unnamed->nrows && !near; i++) {
        const gk_row *row = &b->unnamed->rows[i];
        const gk_cell *c = gk_row_get(row, b->column);
        if (!row->code || (int)strlen(row->code) != len || !c || c->text)
            continue;
        if (lei_name[0] && len > 3) {
            char top_code[4];
            memcpy(top_code, row->code, 3);
            top_code[3] = '\0';
            const gk_row *top = gk_table_find_code(b->unnamed, top_code, GK_SIDE_NONE);
            if (!top || !top->label || !same_name(top->label, lei_name))
                continue;
        }
        binding at = {.table = b->unnamed, .row = row, .column = b->column, .value = c->value};
        gk_amount v;
        if (!in_unit(&at, f->unit, &v))
            continue;
        gk_sum x = sum_of(v), y = sum_of(f->value);
        if (gk_sum_compare(&x, &y, NULL) != GK_MISMATCH && !gk_amount_is_zero(v))
            near = row;
    }
    char hint[300] = "";
    if (near)
        gk_format(hint, sizeof hint, "；表中“%s %s”行的数与文中%s相符，可能即所指科目，应按表中名称书写",
                 near->code, near->label ? near->label : "", f->text);
    gk_finding *x = gk_report_finding(out, "NAR012", GK_WARNING, &(gk_location){0},
                                      "文中科目“%s”在%s中没有同名科目%s", name,
                                      gk_table_kind_title(b->unnamed->kind), hint);
    x->locs[0] = at_figure(f);
    if (near) {
        binding at = {.table = b->unnamed, .row = near, .column = b->column,
                      .value = gk_row_get(near, b->column)->value};
        locate_cell(out, x, &at);
    }
}

static bool is_stated(gk_figure_role r) { return r == GK_ROLE_VALUE || r == GK_ROLE_ACTUAL; }

/* Has this figure's value been reported against this cell already (the
 * same amount stated twice in one item)? */
static bool seen_before(const gk_narrative *n, int i, const binding *bs)
{
    const gk_figure *f = &n->figures[i];
    for (int j = i - 1; j >= 0 && j >= i - 64 && n->figures[j].block == f->block; j--) {
        const gk_figure *g = &n->figures[j];
        if (gk_amount_cmp(g->value, f->value) == 0 && g->unit == f->unit && bs[j].found &&
            bs[j].row == bs[i].row && bs[j].column == bs[i].column)
            return true;
    }
    return false;
}

/* The 支出决算表 (all funds) holding the figure in the bound cell's row and
 * column: the prose took the all-funds amount for the 一般公共预算 one
 * ("一般公共预算财政拨款基本支出5377.64万元", the 支出决算表's 基本支出). */
static bool all_funds_amount(const gk_report *r, const binding *b, const gk_figure *f)
{
    if (b->table->kind != GK_TABLE_GPB_EXPENSE || !b->row->label)
        return false;
    const gk_table *t = gk_report_find_table(r, GK_TABLE_EXPENSE);
    const gk_row *row = t ? gk_table_find_label(t, b->row->label, GK_SIDE_NONE) : NULL;
    const gk_cell *c = row ? gk_row_get(row, b->column) : NULL;
    if (!c || c->text)
        return false;
    binding other = {.table = t, .row = row, .column = b->column, .value = c->value};
    gk_amount v;
    return in_unit(&other, f->unit, &v) &&
           gk_amount_cmp(gk_amount_round(v, f->value.scale), f->value) == 0;
}

/* Does the figure equal, in the figure's unit, cell v of a table in unit
 * `from` to the figure's decimals? */
static bool shows(const gk_figure *f, gk_amount v, gk_unit from)
{
    gk_amount c;
    return gk_amount_convert(v, from ? from : GK_UNIT_WANYUAN, f->unit ? f->unit : GK_UNIT_WANYUAN,
                             &c) &&
           gk_amount_cmp(gk_amount_round(c, f->value.scale), f->value) == 0;
}

/* An item's amount is one of its row's columns: the 合计, or, where the
 * prose lists it under 人员经费, 公用经费 or 项目支出 ("（2）公用经费：①行政
 * 运行（2013201）124.00万元"), that column.  Another column of the item's
 * row holding the figure is the one meant. */
static bool other_column(const binding *b, const gk_figure *f)
{
    if (!b->row->code)
        return false;
    for (size_t i = 0; i < b->row->ncells; i++) {
        const gk_cell *c = &b->row->cells[i];
        if (!c->text && c->column != b->column && !gk_amount_is_zero(c->value) &&
            shows(f, c->value, b->table->unit))
            return true;
    }
    return false;
}

/* A total the prose names loosely: "当年财政拨款收入337,741.21万元，其中：…
 * 上年结转13,102.70万元" is the 收入总计, not the 本年收入合计 its words bind
 * to.  A figure equal to another total row (总计, 合计) of the same side and
 * column is that total. */
static bool other_total(const binding *b, const gk_figure *f)
{
    if (b->row->code)
        return false;
    for (size_t i = 0; i < b->table->nrows; i++) {
        const gk_row *row = &b->table->rows[i];
        if (row == b->row || row->side != b->row->side || !row->label ||
            (!strstr(row->label, "总计") && !strstr(row->label, "合计")))
            continue;
        const gk_cell *c = gk_row_get(row, b->column);
        if (c && !c->text && !gk_amount_is_zero(c->value) && shows(f, c->value, b->table->unit))
            return true;
    }
    return false;
}

/* Less than one unit of the figure's last decimal from a cell converted
 * from a finer unit (a table in 元, the prose in 万元 with at most 3
 * decimals): the prose truncates, or adds parts it has rounded
 * ("53,598.71万元、16,778.16万元，合计70,376.87万元" for 703,768,605.79元). */
static bool conversion_rounding(const binding *b, const gk_figure *f, gk_amount cell)
{
    gk_unit from = b->table->unit ? b->table->unit : GK_UNIT_WANYUAN;
    gk_unit to = f->unit ? f->unit : GK_UNIT_WANYUAN;
    gk_amount d;
    if (from == to || f->value.scale > 3 || !gk_amount_sub(f->value, cell, &d))
        return false;
    if (d.v < 0)
        d.v = -d.v;
    return gk_amount_cmp(d, gk_amount_make(1, f->value.scale)) < 0;
}

/* The figure is the sum of the row's parts, each rounded to the figure's
 * decimals ("工资福利支出（301）4182.68万元" for 41,827,042.91元 whose 款 in
 * 万元 add up to 4182.68): the prose added what it had rounded. */
static bool sums_rounded_parts(const binding *b, const gk_figure *f)
{
    gk_amount sum;
    return b->row->code &&
           children(b->table, b->row, b->column, NULL, f->unit, f->value.scale, &sum) > 1 &&
           gk_amount_cmp(sum, f->value) == 0;
}

/* A row's amount stated in parts under several wholes ("①人员经费：商品和服务
 * 支出（302）105.9万元…②公用经费：…（302）126万元…③专项业务经费：…（302）
 * 23469.41万元" of 302's 23701.31): the figures of its section bound to the
 * same cell, other than those stating it whole, add up to it. */
static bool parts_of_cell(const gk_narrative *n, const binding *bs, int i, gk_amount cell)
{
    const gk_figure *f = &n->figures[i];
    gk_amount sum = gk_amount_make(0, f->value.scale);
    int parts = 0;
    for (int j = i > 64 ? i - 64 : 0; j < n->nfigures && j <= i + 64; j++) {
        const gk_figure *g = &n->figures[j];
        const binding *b = &bs[j];
        if (!b->found || b->row != bs[i].row || b->table != bs[i].table ||
            strcmp(b->column, bs[i].column) != 0 || g->kind != GK_FIG_MONEY ||
            !is_stated(g->role) || g->unit != f->unit ||
            strcmp(g->section_key, f->section_key) != 0 ||
            gk_amount_cmp(gk_amount_round(cell, g->value.scale), g->value) == 0)
            continue;
        if (!gk_amount_add(sum, g->value, &sum))
            return false;
        parts++;
    }
    return parts >= 2 && gk_amount_cmp(gk_amount_round(cell, sum.scale), sum) == 0;
}

/* bs: every figure's binding, made once. */
static void check_amount(const gk_report *r, const gk_narrative *n, const binding *bs, int i,
                         gk_findings *out, int *bound)
{
    const gk_figure *f = &n->figures[i];
    binding b = bs[i];
    if (!b.found) {
        bool again = false;   /* one warning per item */
        for (int j = i - 1; j >= 0 && j >= i - 64 && n->figures[j].block == f->block && !again;
             j--)
            again = is_stated(n->figures[j].role) && strcmp(n->figures[j].subject, f->subject) == 0;
        /* A table leaves out the items of nothing: an item stated as 0 that
         * it has no row for is no other item. */
        if (b.unnamed && !again && !gk_amount_is_zero(f->value))
            check_unnamed(f, &b, out);
        return;
    }
    (*bound)++;
    if (seen_before(n, i, bs) || b.doubtful)
        return;
    gk_amount cell;
    if (!in_unit(&b, f->unit, &cell))
        return;
    /* The prose may round the cell to fewer decimals. */
    if (gk_amount_cmp(gk_amount_round(cell, f->value.scale), f->value) == 0 ||
        gk_amount_cmp(cell, f->value) == 0)
        return;
    gk_sum a = sum_of(f->value), c = sum_of(cell);
    gk_diff d;
    gk_verdict v = gk_sum_compare(&a, &c, &d);
    if (v == GK_EXACT || v == GK_OVERFLOW || other_column(&b, f) || other_total(&b, f) ||
        parts_of_cell(n, bs, i, cell))
        return;
    if (v == GK_MISMATCH && (conversion_rounding(&b, f, cell) || sums_rounded_parts(&b, f)))
        v = GK_ROUNDING;
    char rb[300], cb[GK_AMOUNT_BUFSIZE], db[GK_AMOUNT_BUFSIZE], hint[400] = "";
    const char *u = unit_word(f->unit);
    /* A cell converted from 元 shows to the figure's decimals. */
    bool converted = (b.table->unit ? b.table->unit : GK_UNIT_WANYUAN) !=
                     (f->unit ? f->unit : GK_UNIT_WANYUAN);
    gk_amount shown = gk_amount_round(
        cell, f->value.scale > cell.scale || converted ? f->value.scale : cell.scale);
    if (v == GK_MISMATCH) {
        gk_amount slip;
        const gk_row *other = row_with(&b, f);
        if (gk_amount_convert(f->value, f->unit == GK_UNIT_YUAN ? GK_UNIT_WANYUAN : GK_UNIT_YUAN,
                              f->unit ? f->unit : GK_UNIT_WANYUAN, &slip) &&
            gk_amount_cmp(slip, cell) == 0)
            gk_format(hint, sizeof hint, "；数值与表中相同而单位不同，可能把元写成了万元（或相反）");
        else if (gk_amount_is_truncation_of(f->value, cell))
            gk_format(hint, sizeof hint, "；文中数像是表中数丢了末位数字");
        else if (other)
            gk_format(hint, sizeof hint, "；该数与本表“%s %s”行相同，文中可能写错了科目",
                     other->code, other->label ? other->label : "");
        else if (b.empty)
            gk_format(hint, sizeof hint, "；该表注明为空表（无此项预算），文中金额却不为0");
        else if (all_funds_amount(r, &b, f))
            gk_format(hint, sizeof hint, "；该数是支出决算表（全部资金）的%s，不是一般公共预算财政拨款的数",
                     b.column);
    }
    if (v == GK_MISMATCH && b.reconstructed)
        gk_format(hint, sizeof hint, "；表中该行金额的栏位是读取时按勾稽关系推定的，请人工核对原表");
    gk_finding *x = gk_report_finding(
        out, "NAR001", v != GK_MISMATCH ? GK_INFO : b.reconstructed ? GK_WARNING : GK_ERROR,
        &(gk_location){0}, "文中“%s”为%s%s，%s“%s”行“%s”栏为%s%s，相差%s%s%s；应为%s%s",
        *f->subject ? f->subject : b.column, f->text, u,
        gk_table_kind_title(b.table->kind), row_name(&b, rb, sizeof rb), b.column,
        gk_amount_format(shown, cb), u,
        gk_amount_format(converted ? gk_amount_round(d.diff, f->value.scale) : d.diff, db), u,
        v == GK_MISMATCH ? hint : "（在尾数误差范围内）", cb, u);
    x->locs[0] = at_figure(f);
    set_figures(out, x, shown, f->value);
    locate_cell(out, x, &b);
}

/* ---- Rates -------------------------------------------------------------------- */

typedef enum { RATE_OK, RATE_ROUNDING, RATE_TRUNCATED, RATE_WRONG, RATE_UNDEFINED } rate_verdict;

static gk_amount sum_amount(gk_sum s, int halves)
{
    return gk_amount_make(s.mid + halves * s.half, s.scale);
}

static bool matches(gk_amount num, gk_amount den, gk_amount printed, bool truncate)
{
    gk_amount p;
    return gk_percent(num, den, printed.scale, truncate, &p) && gk_amount_cmp(p, printed) == 0;
}

/* Is printed = num / den × 100 for the printed figures?  *want gets the
 * rate to the printed precision. */
static rate_verdict check_rate(gk_sum num, gk_sum den, gk_amount printed, gk_amount *want)
{
    gk_amount n = sum_amount(num, 0), d = sum_amount(den, 0);
    if (gk_amount_is_zero(d))
        return RATE_UNDEFINED;
    if (!gk_percent(n, d, printed.scale, false, want))
        return RATE_OK;
    if (gk_amount_cmp(*want, printed) == 0)
        return RATE_OK;
    if (matches(n, d, printed, true))
        return RATE_TRUNCATED;
    /* Within what the rounding of the figures can explain? */
    if (den.mid - den.half <= 0 && den.mid + den.half >= 0)
        return RATE_ROUNDING;
    gk_amount lo, hi, a, b;
    unsigned sc = printed.scale + 2u;
    bool pos = d.v > 0;
    if (!gk_percent(sum_amount(num, -1), sum_amount(den, pos ? 1 : -1), sc, false, &a) ||
        !gk_percent(sum_amount(num, 1), sum_amount(den, pos ? -1 : 1), sc, false, &b))
        return RATE_OK;
    lo = gk_amount_cmp(a, b) <= 0 ? a : b;
    hi = gk_amount_cmp(a, b) <= 0 ? b : a;
    gk_amount p5 = gk_amount_make(5, printed.scale + 1u), plo, phi;
    if (!gk_amount_sub(printed, p5, &plo) || !gk_amount_add(printed, p5, &phi))
        return RATE_OK;
    if (gk_amount_cmp(phi, lo) >= 0 && gk_amount_cmp(plo, hi) <= 0)
        return RATE_ROUNDING;
    return RATE_WRONG;
}

static const char *fmt(gk_amount a, char *buf) { return gk_amount_format(a, buf); }

/* The two amounts of a ratio claim in one unit: *num from figure `num`, *den
 * from the claim's figure b, or, when the prose states none, from the cell
 * that `subject` names (then in *b).  False when either is unknown. */
static bool operands(const gk_report *r, const gk_narrative *n, const gk_claim *c,
                     const gk_figure *num, const char *subject, bool budget, gk_amount *numv,
                     gk_amount *den, binding *b)
{
    b->found = false;
    *numv = num->value;
    if (c->b < 0)
        return bind_subject(r, num->section_key, subject, budget, false, b) && !b->doubtful &&
               in_unit(b, num->unit, den);
    const gk_figure *d = &n->figures[c->b];
    *den = d->value;
    return d->unit == num->unit || gk_amount_convert(num->value, num->unit, d->unit, numv);
}

/* Point a claim's finding also at its other operand: figure b or the cell. */
static void locate_operand(gk_findings *out, gk_finding *x, const gk_narrative *n,
                           const gk_claim *c, const binding *b)
{
    if (c->b >= 0)
        locate_figure(out, x, &n->figures[c->b]);
    else if (b->found)
        locate_cell(out, x, b);
}

/* The notes every rate rule gives: printed truncated instead of rounded, or
 * different from the printed figures' ratio by no more than their rounding
 * explains. */
static void rate_note(gk_findings *out, const char *rule, rate_verdict v, const char *what,
                      const gk_figure *p, const char *num, const char *den, gk_amount want)
{
    char b[GK_AMOUNT_BUFSIZE];
    gk_finding *x = gk_report_finding(
        out, rule, GK_INFO, &(gk_location){0},
        v == RATE_TRUNCATED ? "%s%s%%是截断而非四舍五入的结果（%s ÷ %s = %s%%）"
                            : "%s%s%%与按文中数计算的%s ÷ %s = %s%%不同，差异在尾数误差范围内",
        what, p->text, num, den, fmt(want, b));
    x->locs[0] = at_figure(p);
    set_figures(out, x, want, p->value);
}

/* ---- NAR002 / NAR006 / NAR009: changes on the previous year -------------------------- */

/* The rate a change gives against current amount `cur`: the change in
 * cur's unit (*chv), the operands and the verdict.  False when the units
 * cannot be compared. */
static bool change_rate(const gk_figure *cur, const gk_figure *ch, const gk_figure *rate,
                        gk_amount *chv, gk_sum *num, gk_sum *den, gk_amount *want,
                        rate_verdict *v)
{
    *chv = ch->value;
    if (ch->unit != cur->unit && !gk_amount_convert(*chv, ch->unit, cur->unit, chv))
        return false;
    *num = sum_of(*chv);
    gk_sum_init(den);
    gk_sum_add(den, cur->value, 1);
    gk_sum_add(den, *chv, ch->dir > 0 ? -1 : 1);
    *v = check_rate(*num, *den, rate->value, want);
    return true;
}

static void check_change(const gk_narrative *n, const gk_claim *c, gk_findings *out)
{
    const gk_figure *ch = &n->figures[c->b], *rate = &n->figures[c->p];
    if (rate->both_ways) {
        /* "减少0.15万元，下降（增长）27.78%": the template's alternative left in. */
        gk_finding *x = gk_report_finding(
            out, "NAR009", GK_WARNING, &(gk_location){0},
            "“%s（%s）%s%%”保留了模板的两种写法，方向未定；应按增减额写为“%s%s%%”",
            rate->dir > 0 ? "增长" : "下降", rate->dir > 0 ? "下降" : "增长", rate->text,
            ch->dir > 0 ? "增长" : "下降", rate->text);
        x->locs[0] = at_figure(rate);
    }
    if (ch->dir != rate->dir) {
        gk_finding *x = gk_report_finding(
            out, "NAR009", GK_ERROR, &(gk_location){0},
            "增减方向前后矛盾：金额说“%s”%s%s，比率却说“%s”%s%%；应按本年数与上年数核对方向",
            ch->dir > 0 ? "增加" : "减少", ch->text, unit_word(ch->unit),
            rate->dir > 0 ? "增长" : "下降", rate->text);
        x->locs[0] = at_figure(rate);
        return;
    }
    /* "比上年增加0万元，增长0%": the template's sentence for an item that did
     * not change, right whatever the years (both may be 0). */
    if (gk_amount_is_zero(ch->value) && gk_amount_is_zero(rate->value))
        return;
    if (c->a < 0)
        return;
    const gk_figure *cur = &n->figures[c->a];
    gk_amount chv, want;
    gk_sum num, den;
    rate_verdict v;
    if (!change_rate(cur, ch, rate, &chv, &num, &den, &want, &v))
        return;
    /* "总数A万元，其中：甲、乙，较上年减少C万元，下降R%": the change may be of
     * the total; right for it, nothing is wrong. */
    if (v != RATE_OK && c->alt >= 0) {
        const gk_figure *head = &n->figures[c->alt];
        gk_amount hchv, hwant;
        gk_sum hnum, hden;
        rate_verdict hv;
        if (change_rate(head, ch, rate, &hchv, &hnum, &hden, &hwant, &hv) && hv != RATE_WRONG &&
            hv != RATE_UNDEFINED) {
            cur = head;
            chv = hchv;
            num = hnum;
            den = hden;
            want = hwant;
            v = hv;
        }
    }
    gk_amount curv = cur->value;
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE], b3[GK_AMOUNT_BUFSIZE];
    const char *u = unit_word(cur->unit);
    gk_amount prev = gk_amount_round(sum_amount(den, 0),
                                     curv.scale > chv.scale ? curv.scale : chv.scale);
    switch (v) {
    case RATE_OK:
        return;
    case RATE_UNDEFINED: {
        gk_finding *x = gk_report_finding(
            out, "NAR006", GK_ERROR, &(gk_location){0},
            "上年数为0（本年%s%s，%s%s%s），增长率无从计算，不应写“%s%s%%”；应写明上年无此项支出",
            cur->text, u, ch->dir > 0 ? "增加" : "减少", ch->text, u,
            rate->dir > 0 ? "增长" : "下降", rate->text);
        x->locs[0] = at_figure(rate);
        locate_figure(out, x, cur);
        return;
    }
    case RATE_ROUNDING:
    case RATE_TRUNCATED:
        rate_note(out, "NAR002", v, rate->dir > 0 ? "增长率" : "下降率", rate, ch->text,
                  fmt(prev, b1), want);
        return;
    case RATE_WRONG: {
        char why[200] = "";
        if (matches(chv, curv, rate->value, false) || matches(chv, curv, rate->value, true))
            gk_format(why, sizeof why, "文中比率是以本年数%s为分母算的，", cur->text);
        gk_finding *x = gk_report_finding(
            out, "NAR002", GK_ERROR, &(gk_location){0},
            "%s率有误：本年%s%s，%s%s%s，上年应为%s%s，%s率应为%s ÷ %s = %s%%，文中为%s%%；%s应以上年数为分母，应为%s%%",
            rate->dir > 0 ? "增长" : "下降", cur->text, u, ch->dir > 0 ? "增加" : "减少", ch->text, u,
            fmt(prev, b1), u, rate->dir > 0 ? "增长" : "下降", ch->text, b1, fmt(want, b2),
            rate->text, why, fmt(want, b3));
        x->locs[0] = at_figure(rate);
        set_figures(out, x, want, rate->value);
        locate_figure(out, x, cur);
        return;
    }
    }
}

/* "…执行数为A万元，…预算安排B万元，比…执行数增加P%": the change is B − A, its
 * rate (B − A) ÷ A, its direction the sign of B − A; A = 0 has no rate. */
static void check_growth(const gk_narrative *n, const binding *bs, const gk_claim *c,
                         gk_findings *out)
{
    const gk_figure *cur = &n->figures[c->a], *prev = &n->figures[c->b], *rate = &n->figures[c->p];
    gk_amount pv = prev->value;
    if (prev->unit != cur->unit && !gk_amount_convert(pv, prev->unit, cur->unit, &pv))
        return;
    int cmp = gk_amount_cmp(cur->value, pv);
    if (cmp == 0 && gk_amount_is_zero(rate->value))
        return;
    const char *u = unit_word(cur->unit);
    if (cmp != 0 && (cmp > 0) != (rate->dir > 0)) {
        gk_finding *x = gk_report_finding(
            out, "NAR009", GK_ERROR, &(gk_location){0},
            "增减方向与两数不符：%s%s到%s%s是%s，文中却说“%s”%s%%；应按两数核对方向",
            prev->text, u, cur->text, u, cmp > 0 ? "增加" : "减少", rate->dir > 0 ? "增加" : "减少",
            rate->text);
        x->locs[0] = at_figure(rate);
        locate_figure(out, x, cur);
        locate_figure(out, x, prev);
        return;
    }
    gk_sum num, den = sum_of(pv);
    gk_sum_init(&num);
    gk_sum_add(&num, cur->value, cmp >= 0 ? 1 : -1);
    gk_sum_add(&num, pv, cmp >= 0 ? -1 : 1);
    gk_amount want;
    rate_verdict v = check_rate(num, den, rate->value, &want);
    /* "“…住房公积金（项）”350.35万元…执行数为348.52万元，预算安排352.67万元，
     * 增加0.53%": the rate is right for the item's cell; the amount is what
     * is wrong, and NAR001 says so. */
    gk_amount cell;
    if (v == RATE_WRONG && bs[c->a].found && !bs[c->a].doubtful &&
        in_unit(&bs[c->a], cur->unit, &cell) && gk_amount_cmp(cell, pv) != 0 &&
        (gk_amount_cmp(cell, pv) > 0) == (rate->dir > 0)) {
        gk_sum cnum;
        gk_amount cwant;
        gk_sum_init(&cnum);
        gk_sum_add(&cnum, cell, rate->dir > 0 ? 1 : -1);
        gk_sum_add(&cnum, pv, rate->dir > 0 ? -1 : 1);
        if (check_rate(cnum, den, rate->value, &cwant) != RATE_WRONG)
            return;
    }
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE], b3[GK_AMOUNT_BUFSIZE];
    gk_amount diff = gk_amount_round(sum_amount(num, 0), cur->value.scale > pv.scale
                                                              ? cur->value.scale
                                                              : pv.scale);
    switch (v) {
    case RATE_OK:
        return;
    case RATE_UNDEFINED: {
        gk_finding *x = gk_report_finding(
            out, "NAR006", GK_ERROR, &(gk_location){0},
            "上年数为0（上年%s%s，本年%s%s），增长率无从计算，不应写“%s%s%%”；应写明上年无此项支出",
            prev->text, u, cur->text, u, rate->dir > 0 ? "增加" : "减少", rate->text);
        x->locs[0] = at_figure(rate);
        locate_figure(out, x, prev);
        return;
    }
    case RATE_ROUNDING:
    case RATE_TRUNCATED:
        rate_note(out, "NAR002", v, rate->dir > 0 ? "增长率" : "下降率", rate, fmt(diff, b1),
                  prev->text, want);
        return;
    case RATE_WRONG: {
        gk_finding *x = gk_report_finding(
            out, "NAR002", GK_ERROR, &(gk_location){0},
            "%s率有误：上年%s%s，本年%s%s，%s率应为%s ÷ %s = %s%%，文中为%s%%；应为%s%%",
            rate->dir > 0 ? "增长" : "下降", prev->text, u, cur->text, u,
            rate->dir > 0 ? "增长" : "下降", fmt(diff, b1), prev->text, fmt(want, b2), rate->text,
            fmt(want, b3));
        x->locs[0] = at_figure(rate);
        set_figures(out, x, want, rate->value);
        locate_figure(out, x, cur);
        locate_figure(out, x, prev);
        return;
    }
    }
}

/* ---- NAR003: shares ------------------------------------------------------------- */

static void check_share(const gk_report *r, const gk_narrative *n, const gk_claim *c,
                        gk_findings *out)
{
    const gk_figure *part = &n->figures[c->a], *p = &n->figures[c->p];
    gk_amount pv, whole;
    binding b;
    if (!operands(r, n, c, part, p->whole, false, &pv, &whole, &b))
        return;
    gk_amount want;
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE];
    rate_verdict v = check_rate(sum_of(pv), sum_of(whole), p->value, &want);
    if (v == RATE_OK || v == RATE_UNDEFINED)
        return;
    if (v != RATE_WRONG) {
        rate_note(out, "NAR003", v, "占比", p, part->text, fmt(whole, b1), want);
        return;
    }
    gk_finding *x = gk_report_finding(out, "NAR003", GK_ERROR, &(gk_location){0},
                                      "占比有误：%s ÷ %s = %s%%，文中为%s%%；应为%s%%", part->text,
                                      fmt(whole, b1), fmt(want, b2), p->text, b2);
    x->locs[0] = at_figure(p);
    set_figures(out, x, want, p->value);
    locate_operand(out, x, n, c, &b);
}

/* ---- NAR004 / NAR005: budgets ----------------------------------------------------- */

static void check_completion(const gk_report *r, const gk_narrative *n, const binding *bs,
                             const gk_claim *c, gk_findings *out)
{
    const gk_figure *act = &n->figures[c->a], *p = &n->figures[c->p];
    const char *u = unit_word(act->unit);
    gk_finding *x;
    if (gk_amount_is_zero(p->value) && !gk_amount_is_zero(act->value)) {
        x = gk_report_finding(out, "NAR004", GK_ERROR, &(gk_location){0},
                              "决算%s%s不为0，完成预算的比率不可能是0%%；应核对决算数或完成率",
                              act->text, u);
        x->locs[0] = at_figure(p);
        locate_figure(out, x, act);
        return;
    }
    gk_amount av, budget;
    binding b;
    if (!operands(r, n, c, act, act->subject, true, &av, &budget, &b))
        return;
    gk_amount want, cell;
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE], b3[GK_AMOUNT_BUFSIZE], why[200] = "";
    /* The rate may be right for the table's amount and the prose's amount
     * wrong (NAR001 says which). */
    if (bs[c->a].found && in_unit(&bs[c->a], act->unit, &cell) && gk_amount_cmp(cell, av) != 0 &&
        matches(cell, budget, p->value, false))
        gk_format(why, sizeof why, "（文中完成率与表中决算数%s相符，应核对文中决算数）",
                 fmt(gk_amount_round(cell, act->value.scale), b3));
    /* "年初预算为0万元，全年预算为321.02万元…完成年初预算的95.89%": computed
     * on the other budget the sentence states. */
    const gk_figure *other = c->alt >= 0 ? &n->figures[c->alt] : NULL;
    if (other && other->unit == act->unit && (matches(av, other->value, p->value, false) ||
                                              matches(av, other->value, p->value, true)))
        gk_format(why, sizeof why, "（文中比率是按%s%s%s计算的）", other->role_word, other->text, u);
    rate_verdict v = check_rate(sum_of(av), sum_of(budget), p->value, &want);
    switch (v) {
    case RATE_OK:
        return;
    case RATE_UNDEFINED:
        if (gk_amount_is_zero(av) && gk_amount_is_zero(p->value))
            return;   /* nothing budgeted, nothing spent: "0%" says no more */
        x = gk_report_finding(out, "NAR004", GK_ERROR, &(gk_location){0},
                              "预算数为0，完成率无从计算，不应写“%s%s%%”%s；应说明年初未安排预算、决算%s%s的原因",
                              *p->role_word ? p->role_word : "完成预算的", p->text, why, act->text, u);
        break;
    case RATE_ROUNDING:
    case RATE_TRUNCATED:
        rate_note(out, "NAR004", v, "完成率", p, act->text, fmt(budget, b1), want);
        return;
    default:
        x = gk_report_finding(out, "NAR004", GK_ERROR, &(gk_location){0},
                              "完成率有误：决算%s%s ÷ 预算%s%s = %s%%，文中为%s%%%s；应为%s%%", act->text,
                              u, fmt(budget, b1), u, fmt(want, b2), p->text, why, b2);
        set_figures(out, x, want, p->value);
        break;
    }
    x->locs[0] = at_figure(p);
    locate_figure(out, x, act);
    locate_operand(out, x, n, c, &b);
}

static void check_compare(const gk_report *r, const gk_narrative *n, const gk_claim *c,
                          gk_findings *out)
{
    const gk_figure *act = &n->figures[c->a];
    gk_amount av, budget;
    binding b;
    if (!operands(r, n, c, act, act->subject, true, &av, &budget, &b))
        return;
    int cmp = gk_amount_cmp(av, budget);
    int said = c->dir;
    if ((cmp > 0) - (cmp < 0) == said)
        return;
    static const char *const WORD[] = {"小于", "等于", "大于"};
    char b1[GK_AMOUNT_BUFSIZE];
    const char *u = unit_word(act->unit);
    gk_finding *x = gk_report_finding(
        out, "NAR005", GK_ERROR, &(gk_location){0},
        "文中说“%s”，但决算数%s%s%s预算数%s%s；应为“决算数%s预算数”", c->word, act->text, u,
        WORD[(cmp > 0) - (cmp < 0) + 1], fmt(budget, b1), u, WORD[(cmp > 0) - (cmp < 0) + 1]);
    x->locs[0] = (gk_location){.pos = c->pos, .value = NULL};
    locate_figure(out, x, act);
    locate_operand(out, x, n, c, &b);
}

/* ---- NAR013: 本年 − 上年 = 增减额 ------------------------------------------------------- */

/* Does current − previous = ±change hold for these figures? */
static gk_verdict diff_holds(const gk_figure *cur, const gk_figure *ch, const gk_figure *prev,
                             int dir, gk_sum *lhs)
{
    gk_amount cv = cur->value, pv = prev->value, dv = ch->value;
    if ((prev->unit != cur->unit && !gk_amount_convert(pv, prev->unit, cur->unit, &pv)) ||
        (ch->unit != cur->unit && !gk_amount_convert(dv, ch->unit, cur->unit, &dv)))
        return GK_OVERFLOW;
    gk_sum rhs = sum_of(dv);
    gk_sum_init(lhs);
    gk_sum_add(lhs, cv, dir > 0 ? 1 : -1);
    gk_sum_add(lhs, pv, dir > 0 ? -1 : 1);
    return gk_sum_compare(lhs, &rhs, NULL);
}

static void check_diff(const gk_narrative *n, const gk_claim *c, gk_findings *out)
{
    const gk_figure *cur = &n->figures[c->a], *ch = &n->figures[c->b], *prev = &n->figures[c->p];
    gk_sum lhs, alt;
    gk_verdict v = diff_holds(cur, ch, prev, c->dir, &lhs);
    if (v == GK_EXACT || v == GK_OVERFLOW)
        return;
    if (c->alt >= 0) {
        gk_verdict va = diff_holds(&n->figures[c->alt], ch, prev, c->dir, &alt);
        if (va == GK_EXACT)
            return;
        /* Neither fits: speak of the one nearer to the stated change. */
        gk_amount a1, a2, d1, d2;
        if (va != GK_OVERFLOW && gk_amount_sub(sum_amount(lhs, 0), ch->value, &a1) &&
            gk_amount_sub(sum_amount(alt, 0), ch->value, &a2)) {
            d1 = a1.v < 0 ? gk_amount_make(-a1.v, a1.scale) : a1;
            d2 = a2.v < 0 ? gk_amount_make(-a2.v, a2.scale) : a2;
            if (gk_amount_cmp(d2, d1) < 0) {
                cur = &n->figures[c->alt];
                lhs = alt;
                v = va;
            }
        }
    }
    gk_amount cv = cur->value, pv = prev->value;
    char b1[GK_AMOUNT_BUFSIZE];
    const char *u = unit_word(cur->unit);
    gk_amount want = sum_amount(lhs, 0);
    want = gk_amount_round(want, cv.scale > pv.scale ? cv.scale : pv.scale);
    bool sign_flip = want.v < 0;
    gk_finding *x = gk_report_finding(
        out, "NAR013", v == GK_MISMATCH ? GK_ERROR : GK_INFO, &(gk_location){0},
        "本年%s%s、上年%s%s，%s额应为%s%s，文中为%s%s%s", cur->text, u, prev->text, u,
        c->dir > 0 ? "增加" : "减少", fmt(want, b1), u, ch->text, u,
        v != GK_MISMATCH ? "（在尾数误差范围内）"
        : sign_flip      ? "；增减方向也相反"
                         : "");
    x->locs[0] = at_figure(ch);
    set_figures(out, x, want, ch->value);
    locate_figure(out, x, cur);
}

/* ---- NAR007: 持平; NAR008: item totals ------------------------------------------------ */

static void check_flat(const gk_narrative *n, const gk_claim *c, gk_findings *out)
{
    if (c->b >= 0 && n->figures[c->b].role == GK_ROLE_ACTUAL) {
        /* "执行数为A万元，预算安排B万元，比…执行数持平": A = B. */
        const gk_figure *cur = &n->figures[c->a], *prev = &n->figures[c->b];
        gk_amount pv;
        if (!gk_amount_convert(prev->value, prev->unit, cur->unit, &pv) ||
            gk_amount_cmp(pv, cur->value) == 0)
            return;
        gk_finding *x = gk_report_finding(out, "NAR007", GK_ERROR, &(gk_location){0},
                                          "文中说“持平”，但上年%s%s、本年%s%s并不相等；应删去“持平”或改正金额",
                                          prev->text, unit_word(prev->unit), cur->text,
                                          unit_word(cur->unit));
        x->locs[0] = (gk_location){.pos = c->pos};
        locate_figure(out, x, cur);
        locate_figure(out, x, prev);
        return;
    }
    if (c->b < 0 || gk_amount_is_zero(n->figures[c->b].value))
        return;
    const gk_figure *ch = &n->figures[c->b];
    gk_finding *x = gk_report_finding(out, "NAR007", GK_ERROR, &(gk_location){0},
                                      "文中说“与上年持平”，却又说%s%s%s；应删去“持平”或改正金额",
                                      ch->dir > 0 ? "增加" : "减少", ch->text, unit_word(ch->unit));
    x->locs[0] = (gk_location){.pos = c->pos};
    locate_figure(out, x, ch);
}

static void check_parts(const gk_narrative *n, const gk_claim *c, gk_findings *out)
{
    const gk_figure *whole = &n->figures[c->a];
    gk_sum sum;
    gk_sum_init(&sum);
    for (int i = 0; i < c->nparts; i++) {
        const gk_figure *f = &n->figures[c->parts[i]];
        gk_amount v = f->value;
        if (f->unit != whole->unit && !gk_amount_convert(v, f->unit, whole->unit, &v))
            return;
        gk_sum_add(&sum, v, 1);
    }
    gk_sum w = sum_of(whole->value);
    gk_diff d;
    gk_verdict v = gk_sum_compare(&w, &sum, &d);
    if (v == GK_EXACT || v == GK_OVERFLOW)
        return;
    /* Items budgeted but not spent have no table row and are often not
     * described: budgets listed short of the total are a warning only. */
    bool budget = whole->role == GK_ROLE_BUDGET;
    bool short_of = d.diff.v > 0;
    gk_severity sev = v != GK_MISMATCH ? GK_INFO : budget && short_of ? GK_WARNING : GK_ERROR;
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE];
    const char *u = unit_word(whole->unit);
    const char *what = budget ? "年初预算" : "支出决算";
    gk_amount total = gk_amount_round(sum_amount(sum, 0), whole->value.scale);
    gk_finding *x = gk_report_finding(
        out, "NAR008", sev, &(gk_location){0}, "%s总数%s%s与下列%d个科目的%s之和%s%s不符，相差%s%s%s",
        what, whole->text, u, c->nparts, what, fmt(total, b1), u, fmt(d.diff, b2), u,
        sev == GK_INFO      ? "（在尾数误差范围内）"
        : sev == GK_WARNING ? "；如有年初安排预算而未支出的科目，应在文中列明，否则应核对总数"
                            : "；应核对总数或各科目的数");
    x->locs[0] = at_figure(whole);
    set_figures(out, x, total, whole->value);
    for (int i = 0; i < c->nparts; i++)
        locate_figure(out, x, &n->figures[c->parts[i]]);
}

/* ---- NAR014: stated totals, balances and rollovers ------------------------------------ */

/* Wholes whose parts, when the prose lists each once, are all of it:
 * 政府采购 = 货物 + 工程 + 服务, 基本支出 = 人员经费 + 公用经费, "三公" = 因公出国
 * + 公务用车 + 公务接待. */
static const struct {
    const char *whole;
    const char *parts[4];
} PARTITIONS[] = {
    {"采购", {"货物", "工程", "服务", NULL}},
    {"基本支出", {"人员经费", "公用经费", NULL}},
    {"三公", {"因公出国", "公务用车", "公务接待", NULL}},
};

/* Do a "其中" list's parts name each part of a partition of its whole
 * exactly once, and nothing else? */
static bool partitions(const gk_narrative *n, const gk_claim *c)
{
    const char *whole = n->figures[c->a].subject;
    for (size_t k = 0; k < sizeof PARTITIONS / sizeof *PARTITIONS; k++) {
        if (!strstr(whole, PARTITIONS[k].whole))
            continue;
        int seen[4] = {0}, words = 0;
        while (words < 4 && PARTITIONS[k].parts[words])
            words++;
        if (c->nparts != words)
            return false;
        for (int i = 0; i < c->nparts; i++) {
            const char *sub = n->figures[c->parts[i]].subject;
            int hits = 0;
            for (int w = 0; w < words; w++)
                if (strstr(sub, PARTITIONS[k].parts[w]))
                    hits++, seen[w]++;
            if (hits != 1)
                return false;
        }
        for (int w = 0; w < words; w++)
            if (seen[w] != 1)
                return false;
        return true;
    }
    return false;
}

/* A whole against ± its terms: "合计" = Σ listed parts, 当年结余 = 收入 − 支出,
 * 滚存结余 = 上年末 + 当年结余, and the parts after "其中" (≤ the whole; = for
 * funding by level and for the parts of a partition). */
static void check_identity(const gk_narrative *n, const gk_claim *c, gk_findings *out)
{
    const gk_figure *whole = &n->figures[c->a];
    int idx[64], sign[64], k = 0;
    const char *what;
    if (c->kind == GK_CLAIM_BALANCE) {
        idx[k] = c->b, sign[k++] = 1;
        idx[k] = c->p, sign[k++] = -1;
        what = "收入减支出";
    } else if (c->kind == GK_CLAIM_ROLLOVER) {
        idx[k] = c->b, sign[k++] = 1;
        idx[k] = c->p, sign[k++] = 1;
        what = "上年末结余加当年结余";
    } else {
        for (int i = 0; i < c->nparts && k < 64; i++)
            idx[k] = c->parts[i], sign[k++] = 1;
        what = c->kind == GK_CLAIM_SUM ? "所列各项之和" : "“其中”所列各项之和";
    }
    gk_sum terms;
    gk_sum_init(&terms);
    bool levels = c->kind == GK_CLAIM_WITHIN;
    for (int i = 0; i < k; i++) {
        const gk_figure *f = &n->figures[idx[i]];
        gk_amount v = f->value;
        if (f->unit != whole->unit && !gk_amount_convert(v, f->unit, whole->unit, &v))
            return;
        if (!gk_amount_is_zero(v))   /* a printed zero is exactly zero */
            gk_sum_add(&terms, v, sign[i]);
        levels = levels && (strstr(f->subject, "中央") || strstr(f->subject, "省") ||
                            strstr(f->subject, "市级") || strstr(f->subject, "县") ||
                            strstr(f->subject, "区级") || strstr(f->subject, "本级"));
    }
    levels = levels || (c->kind == GK_CLAIM_WITHIN && partitions(n, c));
    gk_sum w = sum_of(whole->value);
    gk_diff d;
    gk_verdict v = c->kind == GK_CLAIM_WITHIN && !levels ? gk_sum_at_most(&terms, &w, &d)
                                                          : gk_sum_compare(&w, &terms, &d);
    if (v == GK_EXACT || v == GK_OVERFLOW || (c->kind == GK_CLAIM_WITHIN && v == GK_ROUNDING))
        return;
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE];
    const char *u = unit_word(whole->unit);
    gk_amount total = gk_amount_round(sum_amount(terms, 0), whole->value.scale);
    gk_finding *x = gk_report_finding(
        out, "NAR014", v == GK_MISMATCH ? GK_ERROR : GK_INFO, &(gk_location){0},
        c->kind == GK_CLAIM_WITHIN && !levels ? "“%s”%s%s小于其%s%s%s，相差%s%s%s"
                                               : "“%s”%s%s与%s%s%s不符，相差%s%s%s",
        whole->subject, whole->text, u, what, fmt(total, b1), u, fmt(d.diff, b2), u,
        v == GK_MISMATCH ? "；应核对各数" : "（在尾数误差范围内）");
    x->locs[0] = at_figure(whole);
    set_figures(out, x, total, whole->value);
    for (int i = 0; i < k; i++)
        locate_figure(out, x, &n->figures[idx[i]]);
}

/* ---- NAR010: "没有…政府性基金…" statements ------------------------------------------- */

static void check_nones(const gk_report *r, const gk_narrative *n, gk_findings *out)
{
    for (int i = 0; i < n->nnones; i++) {
        const struct gk_none_statement *s = &n->nones[i];
        bool gov = strcmp(s->fund, "政府性基金") == 0;
        const char *other = gov ? "国有资本经营" : "政府性基金";
        if (s->section && strstr(s->section, other) && !strstr(s->section, s->fund)) {
            gk_report_finding(out, "NAR010", GK_ERROR, &(gk_location){.pos = s->pos},
                              "本节说明%s预算财政拨款，文中却写“没有%s预算财政拨款”；应为“没有%s预算财政拨款”",
                              other, s->fund, other);
            continue;
        }
        /* The fund's total: the 决算 table's 本年支出合计, a budget table's
         * 合计 (by function) or 本年支出合计 (a 收支表). */
        const gk_table *t =
            gk_report_find_table(r, gov ? GK_TABLE_GOV_FUND : GK_TABLE_STATE_CAPITAL);
        const gk_row *total = t ? gk_table_find_label(t, "合计", GK_SIDE_NONE) : NULL;
        const char *column = "本年支出合计";
        if (!t) {
            t = table_of(r, gov ? GK_TABLE_BUDGET_GOV_FUND : GK_TABLE_BUDGET_STATE_CAPITAL);
            total = t ? gk_table_find_label(t, "合计", GK_SIDE_NONE) : NULL;
            column = "合计";
            if (t && !total) {
                total = gk_table_find_label(t, "本年支出合计", GK_SIDE_EXPENSE);
                column = "金额";
            }
        }
        const gk_cell *cell = total ? gk_row_get(total, column) : NULL;
        if (!cell || cell->text || gk_amount_is_zero(cell->value))
            continue;
        char b1[GK_AMOUNT_BUFSIZE];
        gk_finding *x = gk_report_finding(
            out, "NAR010", GK_ERROR, &(gk_location){.pos = s->pos},
            "文中说没有%s预算财政拨款收支，但%s本年支出合计为%s；应按表中数说明", s->fund,
            gk_table_kind_title(t->kind), fmt(cell->value, b1));
        binding b = {.table = t, .row = total, .column = column, .value = cell->value};
        locate_cell(out, x, &b);
    }
}

/* ---- NAR011: figures printed without "%" or unit --------------------------------------- */

static void check_units(const gk_figure *f, gk_findings *out)
{
    if (!f->unit_missing || (f->kind == GK_FIG_MONEY && gk_amount_is_zero(f->value)))
        return;
    const char *word = f->role == GK_ROLE_RATE ? (f->dir > 0 ? "增长" : "下降") : "占";
    gk_finding *x =
        f->kind == GK_FIG_PERCENT
            ? gk_report_finding(out, "NAR011", GK_WARNING, &(gk_location){0},
                                "“%s%s”缺少“%%”；应为“%s%s%%”", word, f->text, word, f->text)
            : gk_report_finding(out, "NAR011", GK_WARNING, &(gk_location){0},
                                "“%s”缺少金额单位；应为“%s万元”", f->text, f->text);
    x->locs[0] = at_figure(f);
}

/* ---- NAR015: the 三公 section names each of its four items ------------------------------ */

static void check_three_public_items(const gk_report *r, const gk_narrative *n,
                                     gk_findings *out)
{
    static const struct { const char *column, *word, *not_word; } ITEMS[] = {
        {"因公出国（境）费", "因公出国", NULL},
        {"公务用车购置费", "购置", "购置及运行"},
        {"公务用车运行维护费", "运行", "购置及运行"},
        {"公务接待费", "接待", NULL},
    };
    int first = -1;
    bool said[4] = {false, false, false, false};
    for (int i = 0; i < n->nfigures; i++) {
        const gk_figure *f = &n->figures[i];
        if (f->kind != GK_FIG_MONEY || !strstr(f->section_key, "三公经费"))
            continue;
        if (first < 0)
            first = i;
        for (int k = 0; k < 4; k++) {
            const char *hit = strstr(f->subject, ITEMS[k].word);
            /* "购置及运行维护费" speaks of both items together, of neither alone;
             * "购置费…运行维护费" of each. */
            if (hit && ITEMS[k].not_word && strstr(f->subject, ITEMS[k].not_word) &&
                !strstr(hit + strlen(ITEMS[k].word), ITEMS[k].word))
                continue;
            said[k] |= hit != NULL;
        }
    }
    if (first < 0 || r->kind != GK_DOC_FINAL)
        return;
    const gk_table *t = gk_report_find_table(r, GK_TABLE_THREE_PUBLIC);
    const gk_row *actual = t ? gk_table_find_label(t, "决算数", GK_SIDE_NONE) : NULL;
    for (int k = 0; k < 4; k++) {
        if (said[k])
            continue;
        const gk_cell *c = actual ? gk_row_get(actual, ITEMS[k].column) : NULL;
        if (t && (!c || c->text || gk_amount_is_zero(c->value)))
            continue;   /* nothing spent on it: silence says no less */
        char b1[GK_AMOUNT_BUFSIZE], shown[80] = "";
        if (c)
            gk_format(shown, sizeof shown, "（表中决算数为%s）", fmt(c->value, b1));
        gk_finding *x = gk_report_finding(
            out, "NAR015", GK_WARNING, &(gk_location){0},
            "“三公”经费说明没有单独说明%s%s；应写明其预算数、决算数、增减变化及原因", ITEMS[k].column,
            shown);
        x->locs[0] = at_figure(&n->figures[first]);
        if (c) {
            binding b = {.table = t, .row = actual, .column = ITEMS[k].column, .value = c->value};
            locate_cell(out, x, &b);
        }
    }
}

/* Does a subject name an item of the functional classification: by code,
 * levels or a 类's bare name?  A budget lists items under several wholes
 * (人员经费, 公用经费, 专项业务经费), each with its own amount. */
static bool names_item(const char *subject)
{
    char code[8], name[256], parent[256];
    return subject_code(subject, code) || item_levels(subject, name, parent, sizeof name) ||
           class_named(subject, false);
}

/* ---- NAR016: one indicator, two values ----------------------------------------------------- */

/* An indicator (a subject of the lexicon) stated twice in a section with
 * different amounts; a subject a figure only inherits from the one before
 * is not stated again, and parts of two different totals' "其中" lists are
 * two breakdowns. */
/* The whole whose "其中" list figure i is a part of, or −1. */
static int whole_of(const gk_narrative *n, int i)
{
    for (int k = 0; k < n->nclaims; k++) {
        const gk_claim *c = &n->claims[k];
        if (c->kind != GK_CLAIM_WITHIN && c->kind != GK_CLAIM_PARTS)
            continue;
        for (int p = 0; p < c->nparts; p++)
            if (c->parts[p] == i)
                return c->a;
    }
    return -1;
}

static void check_restated(const gk_narrative *n, gk_findings *out)
{
    char bare[256];
    for (int i = 0; i < n->nfigures; i++) {
        const gk_figure *f = &n->figures[i];
        if (f->kind != GK_FIG_MONEY || !is_stated(f->role) ||
            (i > 0 && n->figures[i - 1].subject == f->subject) ||
            !find_entry(NULL, f->section_key, f->subject, false, bare) || names_item(bare))
            continue;   /* only indicators the lexicon knows */
        for (int j = i - 1; j >= 0 && j >= i - 64; j--) {
            const gk_figure *g = &n->figures[j];
            if (strcmp(g->section_key, f->section_key) != 0)
                break;
            if (g->kind != GK_FIG_MONEY || !is_stated(g->role) || g->unit != f->unit ||
                g->subject == f->subject || strcmp(g->subject, f->subject) != 0)
                continue;
            /* "…拨款支出1935.36万元，其中：一般公共服务支出1935.36万元" and
             * "项目支出417.41万元…其中：一般公共服务支出417.41万元": parts of
             * two totals, not one indicator twice. */
            int wf = whole_of(n, i), wg = whole_of(n, j);
            if (wf != wg)
                break;
            gk_sum a = sum_of(g->value), b = sum_of(f->value);
            if (gk_sum_compare(&a, &b, NULL) == GK_MISMATCH) {
                gk_finding *x = gk_report_finding(
                    out, "NAR016", GK_WARNING, &(gk_location){0},
                    "同一节中“%s”前文为%s%s，此处为%s%s；同一指标应前后一致", f->subject, g->text,
                    unit_word(g->unit), f->text, unit_word(f->unit));
                x->locs[0] = at_figure(f);
                locate_figure(out, x, g);
            }
            break;
        }
    }
}

/* One change stated twice: "收入预算19,302万元，其中：财政拨款收入19,302万元，比2025年
 * 预算增加4,476万元；…支出预算19,302万元，其中：财政拨款支出预算19,302万元，比2025年
 * 预算增加4,476万元".  A budget balances: its 财政拨款收入 is its 财政拨款支出, this
 * year and the year before, so the two changes on the same base are one; the
 * same subject stated again with the same amount likewise.  The change's
 * current is the amount right before it in its sentence; its base the words
 * it names of its own ("预算" of "比2025年预算增加", "预算执行数" of "比2024年预算
 * 执行数增加": a change on another base may differ). */
static int change_current(const gk_narrative *n, int i)
{
    const gk_figure *c = &n->figures[i];
    if (i < 1 || c->kind != GK_FIG_MONEY || c->role != GK_ROLE_CHANGE || c->threshold)
        return -1;
    const gk_figure *a = &n->figures[i - 1];
    if (a->sentence != c->sentence || a->kind != GK_FIG_MONEY || a->unit != c->unit ||
        (a->role != GK_ROLE_VALUE && a->role != GK_ROLE_BUDGET) || !*a->subject)
        return -1;
    return i - 1;
}

/* Are two subjects the income and expenditure of one scope ("财政拨款收入" /
 * "财政拨款支出"), or the same words? */
static bool twins(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    size_t na = strlen(a), nb = strlen(b), w = strlen("收入");
    if (na != nb || na <= w)
        return false;
    const char *ia = strstr(a, "收入");
    if (!ia || strstr(ia + w, "收入") || strncmp(a, b, (size_t)(ia - a)) != 0 ||
        strncmp(b + (ia - a), "支出", w) != 0)
        return false;
    return strcmp(ia + w, b + (ia - a) + w) == 0;
}

static void check_twin_changes(const gk_narrative *n, gk_findings *out)
{
    for (int i = 0; i < n->nfigures; i++) {
        int ci = change_current(n, i);
        if (ci < 0)
            continue;
        const gk_figure *c = &n->figures[i], *a = &n->figures[ci];
        const char *base = strcmp(c->subject, a->subject) == 0 ? "" : c->subject;
        for (int j = i - 1; j >= 0 && j >= i - 64; j--) {
            const gk_figure *d = &n->figures[j];
            if (strcmp(d->section_key, c->section_key) != 0)
                break;
            int cj = change_current(n, j);
            if (cj < 0)
                continue;
            const gk_figure *b = &n->figures[cj];
            const char *bbase = strcmp(d->subject, b->subject) == 0 ? "" : d->subject;
            if (strcmp(base, bbase) != 0 || b->unit != a->unit ||
                gk_amount_cmp(a->value, b->value) != 0 ||
                !(twins(b->subject, a->subject) || twins(a->subject, b->subject)))
                continue;
            if (d->dir != c->dir || gk_amount_cmp(d->value, c->value) != 0) {
                char was[64], now[64];
                gk_format(was, sizeof was, "%s%s%s", d->dir > 0 ? "增加" : "减少", d->text,
                          unit_word(d->unit));
                gk_format(now, sizeof now, "%s%s%s", c->dir > 0 ? "增加" : "减少", c->text,
                          unit_word(c->unit));
                gk_finding *x = gk_report_finding(
                    out, "NAR016", GK_WARNING, &(gk_location){0},
                    "同一节中“%s”与“%s”本年同为%s%s，前文说比上年%s，此处却说%s；收支平衡的两数（或同一指标）的增减应一致",
                    b->subject, a->subject, a->text, unit_word(a->unit), was, now);
                x->locs[0] = at_figure(c);
                locate_figure(out, x, d);
            }
            break;
        }
    }
}

/* ---- NAR017: "主要包括" lists against the 基本支出 table ------------------------------------ */

static bool names_match(const char *listed, const char *label)
{
    char a[GK_NAME_KEY_MAX], b[GK_NAME_KEY_MAX];
    gk_name_key(listed, a);
    gk_name_key(label, b);
    return a[0] && b[0] && (strstr(a, b) || strstr(b, a));
}

/* Does a listed name (or, for "甲和乙", each half) match a row's label? */
static bool listed(const struct gk_item_list *l, const char *label)
{
    for (int k = 0; k < l->nnames; k++) {
        if (names_match(l->names[k], label))
            return true;
        const char *he = strstr(l->names[k], "和");
        if (he && strstr(he + strlen("和"), "和") == NULL) {
            char first[256];
            gk_format(first, sizeof first, "%.*s", (int)(he - l->names[k]), l->names[k]);
            if (names_match(first, label) || names_match(he + strlen("和"), label))
                return true;
        }
    }
    return false;
}

/* 人员经费 lists the non-zero 301xx/303xx rows of gpb_basic, 公用经费 the
 * others: names missing from the list, and listed names the table has no
 * amount for, are notes. */
static void check_item_lists(const gk_report *r, const gk_narrative *n, gk_findings *out)
{
    const gk_table *t = gk_report_find_table(r, GK_TABLE_GPB_BASIC);
    if (!t)
        return;
    for (int i = 0; i < n->nlists; i++) {
        const struct gk_item_list *l = &n->lists[i];
        const char *owner = n->figures[l->figure].subject;
        bool people = ends_with(owner, "人员经费"), office = ends_with(owner, "公用经费");
        if (!people && !office)
            continue;
        char missing[600] = "";
        size_t used = 0;
        int nmissing = 0;
        for (size_t k = 0; k < t->nrows; k++) {
            const gk_row *row = &t->rows[k];
            const gk_cell *c = gk_row_get(row, "金额");
            if (!row->code || strlen(row->code) != 5 || !row->label || !c || c->text ||
                gk_amount_is_zero(c->value))
                continue;
            bool is_people = strncmp(row->code, "301", 3) == 0 || strncmp(row->code, "303", 3) == 0;
            if (is_people != people || listed(l, row->label))
                continue;
            nmissing++;
            if (used + 80 < sizeof missing) {
                gk_format(missing + used, sizeof missing - used, "%s%s %s",
                          nmissing > 1 ? "、" : "", row->code, row->label);
                used += strlen(missing + used);
            }
        }
        if (nmissing)
            gk_report_finding(out, "NAR017", GK_INFO, &(gk_location){.pos = l->pos},
                              "%s“主要包括”未列出基本支出决算表中有数的%d项：%s", owner, nmissing,
                              missing);
    }
}

/* ---- NAR018: an item's purpose belongs to another kind of item ------------------------ */

/* Kinds of spending that item names and purposes both speak of by these
 * words.  A purpose speaking of one kind for an item named for another is
 * the sentence copied from another item ("住房公积金（项）。主要用于：事业单位
 * 医疗保险支出"). */
static const struct { const char *kind; const char *words[6]; } SPENDING[] = {
    {"医疗", {"医疗", "医保", NULL}},
    {"养老", {"养老", "年金", "退休", "离休", NULL}},
    {"住房", {"公积金", "购房", "住房", "提租", NULL}},
};

static int spending_kind(const char *s, int not)
{
    for (int k = 0; k < (int)(sizeof SPENDING / sizeof SPENDING[0]); k++)
        for (const char *const *w = SPENDING[k].words; *w && k != not; w++)
            if (strstr(s, *w))
                return k;
    return -1;
}

static bool speaks_of(const char *s, int kind)
{
    for (const char *const *w = SPENDING[kind].words; *w; w++)
        if (strstr(s, *w))
            return true;
    return false;
}

static void check_purposes(const gk_narrative *n, gk_findings *out)
{
    for (int i = 0; i < n->npurposes; i++) {
        const struct gk_purpose *pu = &n->purposes[i];
        int said = spending_kind(pu->text, -1);
        if (said < 0 || speaks_of(pu->item, said))
            continue;
        /* "…在职及离退休职工的住房公积金、提租补贴…" for 住房保障支出: it speaks
         * of the item's own kind too, the other word qualifies it. */
        int own = spending_kind(pu->item, -1);
        if (own >= 0 && speaks_of(pu->text, own))
            continue;
        int named = spending_kind(pu->item, said);
        if (named < 0)
            continue;   /* an item of no known kind: its purpose may be anything */
        char name[256], parent[256];
        item_levels(pu->item, name, parent, sizeof name);
        gk_report_finding(out, "NAR018", GK_WARNING, &(gk_location){.pos = pu->pos},
                          "科目“%s”的用途写作“%s”，那是%s类科目的用途，与本科目（%s类）不符；应写明%s的实际用途",
                          name[0] ? name : pu->item, pu->text, SPENDING[said].kind,
                          SPENDING[named].kind, name[0] ? name : pu->item);
    }
}

/* ---- Parts named by their whole's side ------------------------------------------------ */

/* "当年预算收入30,331.26万元，其中：一般公共预算拨款30,331.26万元…；当年预算
 * 支出30,331.26万元，其中：一般公共预算拨款30,331.26万元": a part the prose
 * names without its side is of the side of the whole it is listed under —
 * bound as "一般公共预算拨款收入" / "…支出" when its own words bind nothing. */
static void bind_sides(const gk_report *r, const gk_narrative *n, binding *bs)
{
    static const char *const SIDES[] = {"收入", "支出"};
    for (int i = 0; i < n->nclaims; i++) {
        const gk_claim *c = &n->claims[i];
        if (c->kind != GK_CLAIM_WITHIN || c->a < 0)
            continue;
        const char *whole = n->figures[c->a].subject;
        const char *side = NULL;
        for (size_t k = 0; k < 2; k++)
            if (ends_with(whole, SIDES[k]))
                side = SIDES[k];
        if (!side)
            continue;
        for (int j = 0; j < c->nparts; j++) {
            const gk_figure *f = &n->figures[c->parts[j]];
            if (bs[c->parts[j]].found || f->kind != GK_FIG_MONEY || f->role != GK_ROLE_VALUE ||
                !*f->subject || ends_with(f->subject, "收入") || ends_with(f->subject, "支出"))
                continue;
            char named[256];
            gk_format(named, sizeof named, "%s%s", f->subject, side);
            bind_subject(r, f->section_key, named, false, gk_amount_is_zero(f->value),
                         &bs[c->parts[j]]);
        }
    }
}

/* ---- Amounts checked through a bound one ------------------------------------------- */

/* Is figure i bound to a cell that is judged (not doubtful)? */
static bool judged(const binding *bs, int i) { return i >= 0 && bs[i].found && !bs[i].doubtful; }

/* A change or an earlier year's amount names no cell (the tables hold one
 * year), yet it is checked when a claim ties it to an amount that is bound:
 * "支出1187.60万元，比上年减少117.05万元，下降8.97%" (the rate checks the
 * change against the bound 1187.60, when its decimals pin it: rate_pins), "较上年164.92万元增加37.23万元" (the
 * difference checks both), "执行数为A万元，预算安排B万元，比…执行数增加P%"
 * (the rate checks A against the bound B).  A change stated without either
 * is not: nothing in the document gives the year before.  Marks tied[i]. */
/* Does the printed rate pin the amount down: would the amount, one more or
 * one less in its units digit, give a rate the rate rules report?  (A rate
 * of one decimal on a large total, "减少7,507.97万元，下降4.6%", checks the
 * change only to some 70万元: it ties nothing.)  `growth`: the amount is
 * the earlier 执行数 of (cur − amount) ÷ amount, else a change. */
static bool rate_pins(const gk_figure *cur, const gk_figure *amt, const gk_figure *rate, bool growth)
{
    /* The amount as stated first: a rate that reports it already checks it. */
    static const int DELTAS[] = {0, -1, 1};
    for (size_t k = 0; k < 3; k++) {
        int delta = DELTAS[k];
        gk_figure moved = *amt;
        if (!gk_amount_add(amt->value, gk_amount_make(delta, 0), &moved.value))
            return false;
        if (moved.value.v < 0)
            continue;
        rate_verdict v;
        gk_amount want;
        if (growth) {
            if (amt->unit != cur->unit)
                return false;
            gk_sum num, den = sum_of(moved.value);
            gk_sum_init(&num);
            gk_sum_add(&num, cur->value, rate->dir > 0 ? 1 : -1);
            gk_sum_add(&num, moved.value, rate->dir > 0 ? -1 : 1);
            v = check_rate(num, den, rate->value, &want);
        } else {
            gk_amount chv;
            gk_sum num, den;
            if (!change_rate(cur, &moved, rate, &chv, &num, &den, &want, &v))
                return false;
        }
        bool reported = v == RATE_WRONG || v == RATE_UNDEFINED;
        if (delta == 0 && reported)
            return true;
        if (delta != 0 && !reported)
            return false;
    }
    return true;
}

static void tie_claims(const gk_narrative *n, const binding *bs, bool *tied)
{
    for (int i = 0; i < n->nclaims; i++) {
        const gk_claim *c = &n->claims[i];
        if (c->a < 0 || c->b < 0 || !judged(bs, c->a) || (c->alt >= 0 && !judged(bs, c->alt)))
            continue;
        const gk_figure *b = &n->figures[c->b];
        /* "执行数为A万元，预算安排B万元，比…执行数持平": A = B is checked. */
        if (c->kind == GK_CLAIM_FLAT && b->role == GK_ROLE_ACTUAL && b->kind == GK_FIG_MONEY)
            tied[c->b] = true;
        if (c->p < 0)
            continue;
        const gk_figure *p = &n->figures[c->p];
        switch (c->kind) {
        case GK_CLAIM_CHANGE:
            /* The rate must say something: "增加0万元，增长0%" holds for any
             * pair of years. */
            if (p->kind != GK_FIG_PERCENT || (b->role == GK_ROLE_CHANGE && gk_amount_is_zero(b->value) &&
                                              gk_amount_is_zero(p->value)))
                continue;
            if ((b->role == GK_ROLE_CHANGE || b->role == GK_ROLE_ACTUAL) &&
                rate_pins(&n->figures[c->a], b, p, b->role == GK_ROLE_ACTUAL) &&
                (c->alt < 0 || rate_pins(&n->figures[c->alt], b, p, b->role == GK_ROLE_ACTUAL)))
                tied[c->b] = true;
            break;
        case GK_CLAIM_DIFF:
            if (b->role == GK_ROLE_CHANGE && p->kind == GK_FIG_MONEY)
                tied[c->b] = tied[c->p] = true;
            break;
        default:
            break;
        }
    }
}

/* ---- Running them ----------------------------------------------------------------- */

static void verify(const gk_report *r, const gk_narrative *n, gk_findings *out)
{
    gk_narrative_stats s = {0};
    /* GK_NAR_DEBUG=1: every amount, bound or not, with its section and
     * subject on stderr (for measuring which forms stay unbound). */
    const char *dbg = getenv("GK_NAR_DEBUG");
    bool debug = dbg && *dbg == '1';
    binding *bs = calloc((size_t)n->nfigures + 1, sizeof *bs);
    if (!bs)
        gk_out_of_memory();
    for (int i = 0; i < n->nfigures; i++)
        bind(r, &n->figures[i], &bs[i]);
    bind_sides(r, n, bs);
    bool *tied = calloc((size_t)n->nfigures + 1, sizeof *tied);
    if (!tied)
        gk_out_of_memory();
    tie_claims(n, bs, tied);
    for (int i = 0; i < n->nfigures; i++) {
        const gk_figure *f = &n->figures[i];
        s.figures++;
        s.money += f->kind == GK_FIG_MONEY && !f->threshold;
        s.percent += f->kind == GK_FIG_PERCENT;
        check_units(f, out);
        check_amount(r, n, bs, i, out, &s.bound);
        if (tied[i] && !bs[i].found && f->kind == GK_FIG_MONEY) {
            s.bound++;
            s.tied++;
        }
        if (debug && f->kind == GK_FIG_PERCENT)
            fprintf(stderr, "PCT\tp%d\tl%d\t%d\t%s\t%s\t%s\n", f->pos.page, f->pos.line, (int)f->role,
                    f->subject, f->text, f->whole ? f->whole : "");
        if (debug && f->kind == GK_FIG_MONEY)
            fprintf(stderr, "NAR\t%c\tp%d\tl%d\t%d\t%s\t%s\t%s\t%s\n",
                    bs[i].found ? 'B' : tied[i] ? 'T' : f->threshold ? 'X' : '-',
                    f->pos.page, f->pos.line, (int)f->role, f->section_key ? f->section_key : "",
                    f->subject, f->text, f->role_word ? f->role_word : "");
    }
    for (int i = 0; i < n->nclaims; i++) {
        const gk_claim *c = &n->claims[i];
        s.claims++;
        if (debug) {
            fprintf(stderr, "CLAIM\t%d\tl%d\ta=%s\tb=%s\tp=%s\t", (int)c->kind, c->pos.line,
                    c->a >= 0 ? n->figures[c->a].text : "", c->b >= 0 ? n->figures[c->b].text : "",
                    c->p >= 0 ? n->figures[c->p].text : "");
            for (int k = 0; k < c->nparts; k++)
                fprintf(stderr, "%s%s", k ? "," : "parts=", n->figures[c->parts[k]].text);
            fputc('\n', stderr);
        }
        switch (c->kind) {
        case GK_CLAIM_CHANGE:
            if (n->figures[c->b].role == GK_ROLE_CHANGE)
                check_change(n, c, out);
            else
                check_growth(n, bs, c, out);
            break;
        case GK_CLAIM_SHARE: check_share(r, n, c, out); break;
        case GK_CLAIM_COMPLETION: check_completion(r, n, bs, c, out); break;
        case GK_CLAIM_COMPARE: check_compare(r, n, c, out); break;
        case GK_CLAIM_FLAT: check_flat(n, c, out); break;
        case GK_CLAIM_PARTS: check_parts(n, c, out); break;
        case GK_CLAIM_DIFF: check_diff(n, c, out); break;
        case GK_CLAIM_WITHIN:
        case GK_CLAIM_SUM:
        case GK_CLAIM_BALANCE:
        case GK_CLAIM_ROLLOVER: check_identity(n, c, out); break;
        }
    }
    check_nones(r, n, out);
    check_three_public_items(r, n, out);
    check_restated(n, out);
    check_twin_changes(n, out);
    check_item_lists(r, n, out);
    check_purposes(n, out);
    out->narrative = s;
    free(tied);
    free(bs);
}

void gk_check_narrative(const gk_report *r, gk_findings *out)
{
    gk_narrative n;
    gk_narrative_extract(out->report, &n);
    verify(r, &n, out);
}
