/*
 * eval.c — evaluating audit formulas over a report.
 *
 * Printed figures are compared with the interval semantics of amount.h: an
 * exact match says nothing, a difference within the rounding bound is an
 * info finding (尾差), a larger one a finding of the rule's severity.  A
 * formula naming a table the document lacks, or a column no row of its
 * table prints, is not evaluated: that is never a finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"
#include "../model/layout.h"

#include "formula.h"
#include "rules.h"
#include "../util/buf.h"

/* ---- Finding rows ----------------------------------------------------------- */

static bool label_matches(const char *label, const char *key)
{
    return label && (strcmp(label, key) == 0 || strncmp(label, key, strlen(key)) == 0);
}

/* A row's label as the formulas name it: "其它" is written "其他" (长沙's
 * 收支总表: "五、其它收入").  The two are of one length in UTF-8. */
static const char *formula_label(const char *label, char *buf, size_t size)
{
    if (!label || !strstr(label, "其它") || strlen(label) >= size)
        return label;
    strcpy(buf, label);
    for (char *p = strstr(buf, "其它"); p; p = strstr(p, "其它"))
        memcpy(p + strlen("其"), "他", strlen("他"));
    return buf;
}

/* The row a term names, given the row bound by [*] or [类] (may be NULL). */
static const gk_row *term_row(const gk_table *t, const gk_term *term, const gk_row *bound,
                              const char *cls)
{
    gk_side two = gk_table_kind_codes(t->kind) == GK_CODES_FUNCTIONAL &&
                          (t->kind == GK_TABLE_SUMMARY || t->kind == GK_TABLE_FISCAL_SUMMARY ||
                           t->kind == GK_TABLE_BUDGET_SUMMARY ||
                           t->kind == GK_TABLE_BUDGET_FISCAL_SUMMARY)
                      ? GK_SIDE_EXPENSE
                      : GK_SIDE_NONE;
    switch (term->sel) {
    case GK_SEL_EACH:
        if (!bound)
            return NULL;
        if (bound >= t->rows && bound < t->rows + t->nrows)
            return bound;               /* the bound row is one of this table's */
        if (bound->code)
            return gk_table_find_code(t, bound->code, bound->side ? bound->side : two);
        return bound->label ? gk_table_find_label(t, bound->label, bound->side) : NULL;
    case GK_SEL_CLASS:
        return cls ? gk_table_find_code(t, cls, two) : NULL;
    case GK_SEL_CODE:
        return gk_table_find_code(t, term->key, two);
    case GK_SEL_LABEL:
        /* The exact label first, else one that begins with it
         * ("使用非财政拨款结余（含专用结余）" for "使用非财政拨款结余"). */
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < t->nrows; i++) {
                const gk_row *row = &t->rows[i];
                char buf[256];
                const char *label = formula_label(row->label, buf, sizeof buf);
                if (!row->code && label &&
                    (pass == 0 ? strcmp(label, term->key) == 0 : label_matches(label, term->key)) &&
                    (term->side == GK_SIDE_NONE || row->side == term->side))
                    return row;
            }
        return NULL;
    }
    return NULL;
}

const gk_row *gk_term_row(const gk_table *t, const gk_term *term, const gk_row *bound)
{
    return term_row(t, term, bound, NULL);
}

static bool prints_column(const gk_table *t, const char *column)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (gk_row_get(&t->rows[i], column))
            return true;
    return false;
}

/* The most decimals any amount of the table prints.  A value printed with
 * fewer ("5.4" among "5.43"s) stands for the table's precision, not for a
 * wider interval: a digit lost is a mistake, not rounding. */
static unsigned table_scale(const gk_table *t)
{
    unsigned s = 0;
    for (size_t i = 0; i < t->nrows; i++)
        for (size_t k = 0; k < t->rows[i].ncells; k++)
            if (!t->rows[i].cells[k].text && t->rows[i].cells[k].value.scale > s)
                s = t->rows[i].cells[k].value.scale;
    return s;
}

/* What one check works with: the report, its findings, and each table's
 * precision (computed once). */
typedef struct ctx {
    const gk_report *r;
    gk_findings *out;
    unsigned *scales;        /* by table index */
} ctx;

/* Would v, at `scale` decimals, take more than the ten significant digits a
 * spreadsheet's General format shows?  Then a cell printed with fewer
 * decimals was rounded by the format (943,864,999.96 shows "943865000",
 * 936,647,884.33 "936647884.3"), not cut by hand: it keeps its own precision. */
static bool beyond_general_format(gk_amount v, unsigned scale)
{
    unsigned digits = 0;
    for (uint64_t a = v.v < 0 ? -(uint64_t)v.v : (uint64_t)v.v; a; a /= 10)
        digits++;
    return digits + (scale - v.scale) > 10;
}

static gk_amount at_table_precision(const ctx *cx, const gk_table *t, gk_amount v)
{
    gk_amount out;
    unsigned s = cx->scales[t - cx->r->tables];
    if (v.scale < s && !(v.flags & GK_AMOUNT_DASH) && !beyond_general_format(v, s) &&
        gk_amount_rescale(v, s, &out))
        return out;
    return v;
}

/* v, read in table t, in the unit of `first` (the formula's first table):
 * tables of one document may differ (整体绩效目标表 in 万元, others in 元).
 * A figure in a finer unit is rounded to `first`'s printed precision, as
 * `first` would have printed it (2,021,528.40 元 is 202.15 万元). */
static gk_amount in_unit_of(const ctx *cx, const gk_table *t, const gk_table *first, gk_amount v)
{
    gk_amount out;
    if (!first || t->unit == first->unit || t->unit == GK_UNIT_NONE ||
        first->unit == GK_UNIT_NONE || !gk_amount_convert(v, t->unit, first->unit, &out))
        return v;
    unsigned s = cx->scales[first - cx->r->tables];
    return t->unit < first->unit && out.scale > s ? gk_amount_round(out, s) : out;
}

/* ---- Describing and reporting ------------------------------------------------ */

/* An OCR'd cell Tesseract was not sure of (confidence below OCR_DOUBT), as
 * a term of a side: a misread digit in it may be what breaks the identity. */
#define OCR_DOUBT 90
typedef struct ocr_doubt {
    gk_amount value;
    int sign;
    int conf;
    char name[200];      /* "社会保障和就业支出的金额" */
} ocr_doubt;

typedef struct side {
    gk_sum sum;
    ocr_doubt doubt[4];
    int ndoubt;
    gk_amount exact;     /* the printed figures added exactly */
    bool exact_ok;
    char text[512];      /* "基本支出 9.18 + 项目支出 0.50": the printed terms */
    int nonblank;
    int terms;           /* terms named, printed or blank */
} side;

static void side_init(side *s)
{
    memset(s, 0, sizeof *s);
    gk_sum_init(&s->sum);
    s->exact = gk_amount_make(0, 0);
    s->exact_ok = true;
}

/* Keep an OCR'd term of the side Tesseract was unsure of (in its own
 * table's unit: a figure converted from another table's is left alone). */
static void note_doubt(side *s, const gk_term *term, const gk_table *t, const gk_table *first,
                       const char *row, const gk_cell *cell)
{
    if (!(cell->flags & GK_CELL_OCR) || cell->ocr_conf >= OCR_DOUBT || t != first ||
        s->ndoubt >= (int)(sizeof s->doubt / sizeof s->doubt[0]))
        return;
    ocr_doubt *o = &s->doubt[s->ndoubt++];
    o->value = cell->value;
    o->sign = term->sign;
    o->conf = cell->ocr_conf;
    gk_format(o->name, sizeof o->name, "%s%s%s", row, *row ? "的" : "", term->column);
}

static void side_add(const ctx *cx, side *s, const gk_term *term, const gk_table *t,
                     const gk_table *first, const gk_cell *cell)
{
    char buf[GK_AMOUNT_BUFSIZE];
    gk_amount v = cell && !cell->text ? in_unit_of(cx, t, first, cell->value) : gk_amount_make(0, 0);
    if (cell && !cell->text) {
        gk_sum_add(&s->sum, in_unit_of(cx, t, first, at_table_precision(cx, t, cell->value)),
                   term->sign);
        s->nonblank++;
    }
    if (s->exact_ok)
        s->exact_ok = term->sign > 0 ? gk_amount_add(s->exact, v, &s->exact)
                                     : gk_amount_sub(s->exact, v, &s->exact);
    s->terms++;
    if (!cell || cell->text)
        return;                          /* blank terms are not spelt out */
    note_doubt(s, term, t, first, term->sel == GK_SEL_LABEL || term->sel == GK_SEL_CODE ? term->key : "",
               cell);
    size_t n = strlen(s->text);
    const char *op = n == 0 ? (term->sign < 0 ? "−" : "") : (term->sign < 0 ? " − " : " + ");
    const char *table = t != first ? gk_table_kind_title(t->kind) : "";
    const char *row = "", *sidename = "";
    if (term->sel == GK_SEL_LABEL || term->sel == GK_SEL_CODE)
        row = term->key;
    if (term->sel == GK_SEL_LABEL && term->side != GK_SIDE_NONE)
        sidename = gk_side_name(term->side);
    gk_format(s->text + n, sizeof s->text - n, "%s%s%s%s%s%s %s", op, table, sidename, row,
             *table || *row ? "的" : "", term->column, gk_amount_format(v, buf));
}

/* The digits of a figure, without its point: "341.39" → "34139". */
static void digits_of(gk_amount a, char *out)
{
    char buf[GK_AMOUNT_BUFSIZE];
    gk_amount_format(a, buf);
    size_t n = 0;
    for (const char *p = buf; *p; p++)
        if (*p >= '0' && *p <= '9')
            out[n++] = *p;
    out[n] = '\0';
}

/* Would one misread character turn the printed x into y: one digit for
 * another (8↔3, 1↔7), a digit dropped or added, the decimal point lost or
 * moved? */
static bool one_misread(gk_amount x, gk_amount y)
{
    char a[GK_AMOUNT_BUFSIZE], b[GK_AMOUNT_BUFSIZE];
    digits_of(x, a);
    digits_of(y, b);
    size_t na = strlen(a), nb = strlen(b);
    if (na == nb) {
        int diff = 0;
        for (size_t i = 0; i < na; i++)
            diff += a[i] != b[i];
        return diff == 1 || (diff == 0 && x.scale != y.scale);   /* the point moved */
    }
    const char *l = na > nb ? a : b, *s = na > nb ? b : a;
    size_t nl = na > nb ? na : nb, ns = na > nb ? nb : na;
    if (nl != ns + 1)
        return false;
    for (size_t skip = 0; skip < nl; skip++) {       /* one digit left out */
        bool same = true;
        for (size_t i = 0, j = 0; i < nl && same; i++)
            if (i != skip)
                same = l[i] == s[j++];
        if (same)
            return true;
    }
    return false;
}

/* A doubtful OCR'd cell whose one misread character explains the whole
 * difference: its description "NAME 识别为 X（置信度 N），若为 Y 则成立"
 * in buf, true; false when none does. */
static bool ocr_explains(const side *lhs, const side *rhs, char *buf, size_t len)
{
    gk_amount d;
    if (!lhs->exact_ok || !rhs->exact_ok || !gk_amount_sub(rhs->exact, lhs->exact, &d))
        return false;
    const side *sides[2] = {lhs, rhs};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < sides[k]->ndoubt; i++) {
            const ocr_doubt *o = &sides[k]->doubt[i];
            /* lhs: x' − x = sign·d; rhs: x' − x = −sign·d */
            int dir = (k == 0 ? 1 : -1) * o->sign;
            gk_amount want;
            if (!(dir > 0 ? gk_amount_add(o->value, d, &want) : gk_amount_sub(o->value, d, &want)) ||
                want.v < 0 || !one_misread(o->value, want))
                continue;
            char x[GK_AMOUNT_BUFSIZE], y[GK_AMOUNT_BUFSIZE];
            gk_format(buf, len, "%s 识别为 %s（置信度 %d），若为 %s 则成立", o->name,
                      gk_amount_format(o->value, x), o->conf, gk_amount_format(want, y));
            return true;
        }
    return false;
}

/* The text of a side, "（空）" when nothing on it is printed. */
static const char *side_text(const side *s)
{
    return s->text[0] ? s->text : "（空）";
}

static void report(const gk_formula *f, gk_findings *out, side *lhs, side *rhs,
                   gk_location *locs, int nlocs, const gk_row *subject)
{
    gk_diff d;
    gk_verdict v;
    switch (f->rel) {
    case GK_REL_LE: v = gk_sum_at_most(&lhs->sum, &rhs->sum, &d); break;
    case GK_REL_GE: v = gk_sum_at_most(&rhs->sum, &lhs->sum, &d); break;
    default: v = gk_sum_compare(&lhs->sum, &rhs->sum, &d); break;
    }
    out->coverage.evaluated++;
    if (v == GK_EXACT || v == GK_ROUNDING)
        out->coverage.held++;
    else
        out->coverage.failed++;
    if (v == GK_EXACT)
        return;
    char who[160] = "", bd[GK_AMOUNT_BUFSIZE], dd[GK_AMOUNT_BUFSIZE], want[GK_AMOUNT_BUFSIZE],
         got[GK_AMOUNT_BUFSIZE];
    if (subject)
        gk_format(who, sizeof who, "（%s%s%s）", subject->code ? subject->code : "",
                 subject->code && subject->label ? " " : "", subject->label ? subject->label : "");
    static const char *const REL[] = {"=", "≤", "≥"};
    gk_amount_format(rhs->exact, want);
    gk_amount_format(lhs->exact, got);
    gk_finding *x;
    if (v == GK_OVERFLOW) {
        x = gk_report_finding(out, f->id, GK_WARNING, &locs[0], "%s%s：数值过大，无法比较",
                              f->summary, who);
    } else if (v == GK_ROUNDING) {
        x = gk_report_finding(out, f->id, GK_INFO, &locs[0],
                              "%s%s：%s，%s，相差 %s，在尾差界限 %s 之内（四舍五入所致）",
                              f->summary, who, side_text(lhs), side_text(rhs),
                              gk_amount_format(d.diff, dd), gk_amount_format(d.bound, bd));
    } else {
        const char *hint = "";
        char ocr[320];
        gk_severity sev = f->severity;
        if (lhs->terms == 1 && lhs->nonblank == 1 &&
            gk_amount_is_truncation_of(lhs->exact, rhs->exact))
            hint = "；疑为提取或录入时丢失末位数字";
        /* A figure OCR was unsure of, one character of which explains the
         * difference: a claim about the scan, not the document — a
         * warning. */
        char ocr_hint[360];
        if (f->rel == GK_REL_EQ && ocr_explains(lhs, rhs, ocr, sizeof ocr)) {
            gk_format(ocr_hint, sizeof ocr_hint, "；疑为识别错误：%s", ocr);
            hint = ocr_hint;
            if (sev == GK_ERROR)
                sev = GK_WARNING;
        }
        char total[64] = "";
        if (rhs->terms > 1)
            gk_format(total, sizeof total, "，合计 %s", want);
        if (f->rel == GK_REL_EQ)
            x = gk_report_finding(out, f->id, sev, &locs[0],
                                  "%s%s：%s，而 %s%s，相差 %s，超出尾差界限 %s%s；应为 %s",
                                  f->summary, who, side_text(lhs), side_text(rhs), total,
                                  gk_amount_format(d.diff, dd), gk_amount_format(d.bound, bd), hint,
                                  want);
        else
            x = gk_report_finding(out, f->id, f->severity, &locs[0],
                                  "%s%s：%s 应 %s %s%s，超出 %s", f->summary, who, side_text(lhs),
                                  REL[f->rel], side_text(rhs), total, gk_amount_format(d.diff, dd));
    }
    for (int i = 1; i < nlocs; i++)
        gk_finding_locate(out, x, &locs[i]);
    if (lhs->exact_ok && rhs->exact_ok) {
        x->actual = gk_report_strdup(out->report, got);
        x->expected = gk_report_strdup(out->report, want);
    }
}

/* The places a finding lists: the cells involved, with their printed values. */
typedef struct places {
    gk_location *locs;
    char (*values)[GK_AMOUNT_BUFSIZE];
    int n, max;
} places;

/* A sum of rows as one term (SUM): each cell is added (in the unit of
 * `first`) and listed as a place; rows_sum_close adds the total to the
 * side.  A sum of rows spells its total out. */
static void rows_sum_add(const ctx *cx, side *s, const gk_term *term, const gk_table *t,
                         const gk_table *first, const gk_row *row, const gk_cell *c,
                         gk_amount *total, places *pl)
{
    gk_sum_add(&s->sum, in_unit_of(cx, t, first, at_table_precision(cx, t, c->value)), term->sign);
    s->nonblank++;
    char name[160];
    gk_format(name, sizeof name, "%s%s%s", row->code ? row->code : "",
              row->code && row->label ? " " : "", row->label ? row->label : "");
    note_doubt(s, term, t, first, name, c);
    if (!gk_amount_add(*total, in_unit_of(cx, t, first, c->value), total))
        s->exact_ok = false;
    if (pl->n < pl->max) {
        pl->locs[pl->n] = gk_location_of(t, row, term->column);
        pl->locs[pl->n].value = gk_amount_format(c->value, pl->values[pl->n]);
        pl->n++;
    }
}

static void rows_sum_close(side *s, const gk_term *term, gk_amount total)
{
    if (s->exact_ok)
        s->exact_ok = term->sign > 0 ? gk_amount_add(s->exact, total, &s->exact)
                                     : gk_amount_sub(s->exact, total, &s->exact);
    s->terms += 2;
}

/* SUM t[类].c: every 3-digit row of t (on the 支出 side of two-sided
 * tables), added into one term. */
static void add_all_classes(const ctx *cx, side *s, const gk_term *term, const gk_table *t,
                            places *pl)
{
    gk_amount total = gk_amount_make(0, 0);
    int count = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        const gk_cell *c = row->code && strlen(row->code) == 3 ? gk_row_get(row, term->column) : NULL;
        if (c && !c->text) {
            rows_sum_add(cx, s, term, t, t, row, c, &total, pl);
            count++;
        }
    }
    rows_sum_close(s, term, total);
    char buf[GK_AMOUNT_BUFSIZE];
    size_t n = strlen(s->text);
    if (count)
        gk_format(s->text + n, sizeof s->text - n, "%s各类%s之和 %s", n ? " + " : "", term->column,
                 gk_amount_format(total, buf));
}

/* SUM t["label"].c, SUM t[code].c: that row in every table of kind t (the
 * eight 绩效目标表 of a budget), added into one term. */
static void add_all_tables(const ctx *cx, side *s, const gk_term *term, const gk_table *first,
                           places *pl)
{
    gk_amount total = gk_amount_make(0, 0);
    int count = 0;
    for (size_t k = 0; k < cx->r->ntables; k++) {
        const gk_table *t = &cx->r->tables[k];
        const gk_row *row = t->kind == term->table ? gk_term_row(t, term, NULL) : NULL;
        const gk_cell *c = row ? gk_row_get(row, term->column) : NULL;
        if (c && !c->text) {
            rows_sum_add(cx, s, term, t, first, row, c, &total, pl);
            count++;
        }
    }
    rows_sum_close(s, term, total);
    char buf[GK_AMOUNT_BUFSIZE];
    size_t n = strlen(s->text);
    if (count)
        gk_format(s->text + n, sizeof s->text - n, "%s%d张%s的%s%s之和 %s", n ? " + " : "", count,
                 gk_table_kind_title(term->table), term->key, term->column,
                 gk_amount_format(total, buf));
}

/* ---- Plain formulas ---------------------------------------------------------- */

/* Record why f was not evaluated (once per formula): `why` + `what` +
 * `after` ("表中没有“" 收入总计 "”行"). */
static void skip(const ctx *cx, const gk_formula *f, const char *why, const char *what,
                 const char *after)
{
    gk_findings *out = cx->out;
    size_t idlen = strlen(f->id);
    for (size_t i = 0; i < out->nskipped; i++)
        if (strncmp(out->skipped[i], f->id, idlen) == 0 && out->skipped[i][idlen] == ' ')
            return;
    char msg[512];
    gk_format(msg, sizeof msg, "%s %s：%s%s%s", f->id, f->summary, why, what, after);
    if (out->nskipped == out->skipped_cap) {
        size_t cap = out->skipped_cap ? 2 * out->skipped_cap : 16;
        out->skipped = gk_arena_grow(out->report->arena, out->skipped, out->nskipped, cap,
                                     sizeof *out->skipped);
        out->skipped_cap = cap;
    }
    out->skipped[out->nskipped++] = gk_report_strdup(out->report, msg);
}

/* Did the reader note on this line that it left something unread ("“合计”栏的
 * “3,643.37第6页，共45页”不是金额，按空白处理", "…，多余的未读取")?  A blank
 * cell of a row read there is not known to be blank.  (Notes that only say
 * where the reader placed the figures it read do not count: those figures
 * are all there.)  The notes carry no kind, so their words tell. */
bool gk_unread_at(const gk_report *r, gk_pos pos)
{
    if (!pos.line)
        return false;
    for (size_t i = 0; i < r->nnotes; i++) {
        const gk_note *n = &r->notes[i];
        if (n->pos.line == pos.line && n->pos.page == pos.page && n->pos.part == pos.part &&
            n->message && (strstr(n->message, "按空白处理") || strstr(n->message, "未读取")))
            return true;
    }
    return false;
}

/* A row printing fewer figures than the table has columns, its figures
 * placed by the reader where the identities suggested
 * (GK_CELL_RECONSTRUCTED).  A total left blank there is not known to be
 * blank: the reader may have put the total's figure in another column ("合计
 * 105.00" of a 政府性基金 table taken for 本年收入, 本年支出合计 left blank).
 * (Its parts' blanks are judged: the reader placed them by the very tree
 * identities, and a tree that still fails is mostly the document's.) */
static bool guessed_row(const gk_row *row)
{
    for (size_t c = 0; c < row->ncells; c++)
        if (row->cells[c].flags & GK_CELL_RECONSTRUCTED)
            return true;
    return false;
}

/* Evaluate f with [*] bound to `bound` and [类] to `cls`. */
static void evaluate(const ctx *cx, const gk_formula *f, const gk_table *const *tables,
                     const gk_row *bound, const char *cls)
{
    side sides[2];
    side_init(&sides[0]);
    side_init(&sides[1]);
    gk_location locs[64];
    char values[64][GK_AMOUNT_BUFSIZE];   /* what locs[].value shows */
    places pl = {locs, values, 0, 64};
    const gk_row *subject = bound;
    for (int s = 0; s < 2; s++) {
        const gk_term *terms = s == 0 ? f->lhs : f->rhs;
        int n = s == 0 ? f->nlhs : f->nrhs;
        for (int i = 0; i < n; i++) {
            const gk_table *t = tables[s * GK_FORMULA_MAX_TERMS + i];
            signed char sign = (signed char)(s == 0 ? terms[i].sign : -terms[i].sign);
            if (terms[i].all) {
                int from = pl.n;
                if (terms[i].sel == GK_SEL_CLASS)
                    add_all_classes(cx, &sides[s], &terms[i], t, &pl);
                else
                    add_all_tables(cx, &sides[s], &terms[i], tables[0], &pl);
                for (int k = from; k < pl.n; k++)
                    locs[k].sign = sign;
                continue;
            }
            const gk_row *row = term_row(t, &terms[i], bound, cls);
            if (!row && terms[i].optional)
                continue;               /* an optional row the table lacks: blank */
            if (!row && terms[i].sel == GK_SEL_LABEL) {
                skip(cx, f, "表中没有“", terms[i].key, "”行");
                return;                 /* a row the document lacks: not evaluated */
            }
            const gk_cell *cell = row ? gk_row_get(row, terms[i].column) : NULL;
            if (row && !cell && gk_unread_at(cx->r, row->pos)) {
                skip(cx, f, "读取时未能识别“", row->label ? row->label : row->code,
                     "”行的金额（见 gongkai parse 的提示）");
                return;                 /* a blank that may be a figure not read */
            }
            if (!subject && cls && row)
                subject = row;
            side_add(cx, &sides[s], &terms[i], t, tables[0], cell);
            if (pl.n == pl.max)
                continue;
            gk_location loc = gk_location_of(t, row, terms[i].column);
            if (cell && !cell->text)
                loc.value = gk_amount_format(cell->value, values[pl.n]);
            loc.sign = sign;
            locs[pl.n++] = loc;
        }
    }
    if (sides[0].nonblank + sides[1].nonblank == 0)
        return;
    report(f, cx->out, &sides[0], &sides[1], locs, pl.n, subject);
}

/* ---- TREE: parents against their children ----------------------------------- */

/* A child whose one part figure the reader placed by guess: a row printing
 * its total and one part ("2120102 一般行政管理事务 1,037.82 1,037.82"), the
 * part put under one of the tree's part columns.  *part gets the figure. */
static bool movable_part(const gk_formula *f, const gk_row *row, gk_amount *part)
{
    if (!guessed_row(row) || f->nlhs < 2)
        return false;
    const gk_cell *tot = gk_row_get(row, f->lhs[0].column);
    if (!tot || tot->text)
        return false;
    int parts = 0;
    for (int k = 1; k < f->nlhs; k++) {
        const gk_cell *c = gk_row_get(row, f->lhs[k].column);
        if (c && !c->text && !gk_amount_is_zero(c->value)) {
            parts++;
            *part = c->value;
        }
    }
    return parts == 1 && gk_amount_cmp(*part, tot->value) == 0;
}

/* Would another placement of the guessed children's figures make the
 * parent's part equal Σ children?  Each movable child gives its figure or
 * nothing to this column; the others as read.  Asked only of a sum that
 * fails as read; up to 16 movable children (2^16 sums), more and the tree is
 * judged as read. */
#define MOVABLE_MAX 16

static bool other_placement_holds(const gk_formula *f, const char *column, gk_amount want,
                                  const gk_row *const *kids, size_t n)
{
    if (f->nlhs < 2 || strcmp(column, f->lhs[0].column) == 0)
        return false;               /* the total column: printed, not moved */
    gk_amount fixed = {0}, movable[MOVABLE_MAX];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        gk_amount p;
        if (movable_part(f, kids[i], &p)) {
            if (m == MOVABLE_MAX)
                return false;
            movable[m++] = p;
            continue;
        }
        const gk_cell *c = gk_row_get(kids[i], column);
        if (c && !c->text && !gk_amount_add(fixed, c->value, &fixed))
            return false;
    }
    for (unsigned long mask = 0; m && mask < (1ul << m); mask++) {
        gk_amount sum = fixed;
        bool ok = true;
        for (size_t i = 0; i < m && ok; i++)
            if (mask >> i & 1)
                ok = gk_amount_add(sum, movable[i], &sum);
        if (ok && gk_amount_cmp(sum, want) == 0)
            return true;
    }
    return false;
}

/* A child of a TREE parent: its place (right side, coefficient −1) and
 * its figure added to the children's sum. */
static void add_child(const ctx *cx, const gk_table *t, const gk_row *row, const char *column,
                      const gk_cell *c, const gk_term *total, side *rhs, gk_location *locs,
                      char (*bufs)[GK_AMOUNT_BUFSIZE], int *nlocs)
{
    if (*nlocs < 64) {
        locs[*nlocs] = gk_location_of(t, row, column);
        locs[*nlocs].sign = -1;
        if (c && !c->text)
            locs[*nlocs].value = gk_amount_format(c->value, bufs[*nlocs]);
        ++*nlocs;
    }
    if (!c || c->text)
        return;
    gk_sum_add(&rhs->sum, at_table_precision(cx, t, c->value), 1);
    rhs->nonblank++;
    if (rhs->exact_ok)
        rhs->exact_ok = gk_amount_add(rhs->exact, c->value, &rhs->exact);
    char name[160];
    gk_format(name, sizeof name, "%s%s%s", row->code ? row->code : "",
              row->code && row->label ? " " : "", row->label ? row->label : "");
    note_doubt(rhs, total, t, t, name, c);
}

static void tree_one(const ctx *cx, const gk_formula *f, const gk_table *t, const char *column,
                     const gk_row *parent, size_t child_len)
{
    gk_term total = {.sign = 1, .table = t->kind, .sel = GK_SEL_EACH, .column = column};
    side lhs, rhs;
    side_init(&lhs);
    side_init(&rhs);
    const gk_cell *pc = gk_row_get(parent, column);
    if (!pc && (gk_unread_at(cx->r, parent->pos) || guessed_row(parent)))
        return;                     /* a total not read is not a blank total */
    side_add(cx, &lhs, &total, t, t, pc);
    /* The parent's cell first, then every child's: all places involved. */
    gk_location locs[64];
    int nlocs = 1;
    char bufs[64][GK_AMOUNT_BUFSIZE];
    locs[0] = gk_location_of(t, parent, column);
    locs[0].sign = 1;
    if (pc && !pc->text)
        locs[0].value = gk_amount_format(pc->value, bufs[0]);
    size_t plen = parent->code ? strlen(parent->code) : 0;
    const char *prefix = parent->code ? parent->code : "";
    size_t children = gk_table_code_children(t, prefix, child_len, NULL, 0);
    const gk_row **kids = malloc((children ? children : 1) * sizeof *kids);
    if (!kids)
        gk_out_of_memory();
    gk_table_code_children(t, prefix, child_len, kids, children);
    /* The reader placed its guessed figures by these very sums: when another
     * placement makes this one hold, the failure is the guess's, not the
     * document's (a row's 项目支出 put under 基本支出). */
    if (pc && !pc->text) {
        gk_amount as_read = {0};
        for (size_t i = 0; i < children; i++) {
            const gk_cell *c = gk_row_get(kids[i], column);
            if (c && !c->text)
                (void)gk_amount_add(as_read, c->value, &as_read);
        }
        if (gk_amount_cmp(as_read, pc->value) != 0 &&
            other_placement_holds(f, column, pc->value, kids, children)) {
            free(kids);
            return;
        }
    }
    for (size_t i = 0; i < children; i++) {
        const gk_row *row = kids[i];
        const gk_cell *c = gk_row_get(row, column);
        if (!c && gk_unread_at(cx->r, row->pos)) {
            free(kids);             /* a child's blank that may be a figure not read */
            return;
        }
        add_child(cx, t, row, column, c, &total, &rhs, locs, bufs, &nlocs);
    }
    free(kids);
    /* Local items one level down whose own parent is not printed (西安: 301
     * lists 3010201 津贴补贴, 3010202 改革性补贴 without 30102) are the
     * parent's children too. */
    size_t orphans = gk_table_code_children(t, prefix, child_len + 2, NULL, 0);
    const gk_row **grand = malloc((orphans ? orphans : 1) * sizeof *grand);
    if (!grand)
        gk_out_of_memory();
    gk_table_code_children(t, prefix, child_len + 2, grand, orphans);
    for (size_t i = 0; children && plen && i < orphans; i++) {
        const gk_row *row = grand[i];
        char up[16];
        if (child_len >= sizeof up)
            break;
        memcpy(up, row->code, child_len);
        up[child_len] = '\0';
        if (gk_table_find_code(t, up, GK_SIDE_NONE))
            continue;
        const gk_cell *c = gk_row_get(row, column);
        add_child(cx, t, row, column, c, &total, &rhs, locs, bufs, &nlocs);
    }
    free(grand);
    if (children == 0 || lhs.nonblank + rhs.nonblank == 0)
        return;
    char buf[GK_AMOUNT_BUFSIZE];
    gk_format(rhs.text, sizeof rhs.text, "%s之和 %s", plen ? "下级科目" : "各类",
             gk_amount_format(rhs.exact, buf));
    rhs.terms = 1;
    report(f, cx->out, &lhs, &rhs, locs, nlocs, parent);
}

static void check_tree(const ctx *cx, const gk_formula *f)
{
    for (int k = 0; k < f->nlhs; k++) {
        const gk_table *t = gk_report_find_table(cx->r, f->lhs[k].table);
        if (!t)
            skip(cx, f, "文档中没有", gk_table_kind_title(f->lhs[k].table), "");
        if (!t || !prints_column(t, f->lhs[k].column))
            continue;
        for (size_t i = 0; i < t->nrows; i++) {
            const gk_row *row = &t->rows[i];
            if (row->code && (strlen(row->code) == 3 || strlen(row->code) == 5))
                tree_one(cx, f, t, f->lhs[k].column, row, strlen(row->code) + 2);
            else if (!row->code && row->label && strcmp(row->label, "合计") == 0)
                tree_one(cx, f, t, f->lhs[k].column, row, 3);
        }
    }
}

/* ---- All formulas -------------------------------------------------------------- */

/* Does the table print a row of a 类 (a three-digit code)? */
static bool lists_classes(const gk_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].code && strlen(t->rows[i].code) == 3)
            return true;
    return false;
}

static bool has_code(const gk_table *const *tables, int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (tables[i] && gk_table_find_code(tables[i], code, GK_SIDE_NONE))
            return true;
    return false;
}

/* Some tables print 基本支出 whole, others as its parts (人员经费, 公用经费:
 * 西安's 一般公共预算支出明细表 is 合计, 人员经费支出, 公用经费支出, 专项业务经费
 * 支出).  A formula naming one form of a table that prints the other speaks
 * of another layout: its missing column is no column of zeros. */
static bool other_layout(const gk_table *t, const char *column)
{
    static const char *const WHOLE = "基本支出";
    static const char *const PARTS[] = {"人员经费", "公用经费", NULL};
    bool whole = strcmp(column, WHOLE) == 0, part = false;
    for (int i = 0; PARTS[i]; i++)
        part |= strcmp(column, PARTS[i]) == 0;
    if ((!whole && !part) || prints_column(t, column))
        return false;
    bool parts_printed = false;
    for (int i = 0; PARTS[i]; i++)
        parts_printed |= prints_column(t, PARTS[i]);
    /* A part blank throughout beside a printed one is a column of zeros. */
    return part ? prints_column(t, WHOLE) && !parts_printed : parts_printed;
}

/* A figure of the row under a column its table's layout does not know
 * ("其他专户收入拨款" in a province's 收入总表): a part the formula cannot
 * name, so a sum over the row's columns is not certain.  A "其中…" column
 * is a part of another, not of the row. */
static const char *foreign_figure(const gk_layout *lay, const gk_row *row)
{
    if (!lay || !lay->columns[0].name)
        return NULL;
    for (size_t c = 0; c < row->ncells; c++) {
        const gk_cell *cell = &row->cells[c];
        if (cell->text || gk_amount_is_zero(cell->value) || strncmp(cell->column, "其中", strlen("其中")) == 0)
            continue;
        bool known = false;
        for (int k = 0; k < GK_LAYOUT_MAX_COLUMNS && lay->columns[k].name && !known; k++)
            known = strcmp(lay->columns[k].name, cell->column) == 0;
        if (!known)
            return cell->column;
    }
    return NULL;
}

/* Evaluate f; `only`, when not NULL, is the table every term speaks of. */
static void check_in(const ctx *cx, const gk_formula *f, const gk_table *only)
{
    /* The tables of every term.  A missing table, or a side none of whose
     * columns the table prints (a 3-column 一般公共预算支出表 has no 人员经费
     * or 公用经费): not evaluated.  A column printed blank throughout is a
     * column of zeros. */
    const gk_table *tables[2 * GK_FORMULA_MAX_TERMS];
    bool side_printed[2] = {false, false};
    const gk_term *each = NULL;
    int each_at = -1;
    bool cls = false;
    for (int s = 0; s < 2; s++) {
        const gk_term *terms = s == 0 ? f->lhs : f->rhs;
        int n = s == 0 ? f->nlhs : f->nrhs;
        for (int i = 0; i < n; i++) {
            const gk_table *t = only ? only : gk_report_find_table(cx->r, terms[i].table);
            if (!t) {
                skip(cx, f, "文档中没有", gk_table_kind_title(terms[i].table), "");
                return;
            }
            if (!terms[i].all && other_layout(t, terms[i].column)) {
                skip(cx, f, "表中“", terms[i].column, "”以另一种栏目印出");
                return;
            }
            side_printed[s] |= prints_column(t, terms[i].column) || terms[i].all;
            tables[s * GK_FORMULA_MAX_TERMS + i] = t;
            if (terms[i].sel == GK_SEL_EACH && !each) {
                each = &terms[i];
                each_at = s * GK_FORMULA_MAX_TERMS + i;
            }
            cls |= terms[i].sel == GK_SEL_CLASS && !terms[i].all;
        }
    }
    if (!side_printed[0] || !side_printed[1]) {
        const gk_term *t = side_printed[0] ? &f->rhs[0] : &f->lhs[0];
        skip(cx, f, "表中没有印出“", t->column, "”等栏目");
        return;
    }
    /* A sum over the 类 of a table that lists none (a 收支总表 whose 支出
     * side is 基本支出 / 项目支出) has nothing to add up: not zero. */
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < (s == 0 ? f->nlhs : f->nrhs); i++) {
            const gk_term *term = s == 0 ? &f->lhs[i] : &f->rhs[i];
            const gk_table *t = tables[s * GK_FORMULA_MAX_TERMS + i];
            if (term->sel == GK_SEL_CLASS && term->all && t && !lists_classes(t)) {
                skip(cx, f, "“", gk_table_kind_title(t->kind), "”没有按类列出科目");
                return;
            }
        }
    if (each) {
        const gk_table *t = tables[each_at];
        bool one_table = true;
        for (int k = 0; k < f->nlhs + f->nrhs; k++)
            one_table &= tables[k < f->nlhs ? k : GK_FORMULA_MAX_TERMS + k - f->nlhs] == t;
        const gk_layout *lay = one_table ? gk_layout_of_table(t) : NULL;
        for (size_t i = 0; i < t->nrows; i++) {
            const char *foreign = foreign_figure(lay, &t->rows[i]);
            if (foreign)
                skip(cx, f, "表中印有公式未列的栏目“", foreign, "”");
            else
                evaluate(cx, f, tables, &t->rows[i], NULL);
        }
    } else if (cls) {
        /* A table that lists no 类 at all (a table by unit, of which only
         * 合计 is a row) has nothing to compare class by class: not blank. */
        for (int s = 0; s < 2; s++)
            for (int i = 0; i < (s == 0 ? f->nlhs : f->nrhs); i++) {
                const gk_term *term = s == 0 ? &f->lhs[i] : &f->rhs[i];
                const gk_table *t = tables[s * GK_FORMULA_MAX_TERMS + i];
                if (term->sel == GK_SEL_CLASS && !term->all && !lists_classes(t)) {
                    skip(cx, f, "“", gk_table_kind_title(t->kind), "”没有按类列出科目");
                    return;
                }
            }
        /* Every 类 code any of the tables prints, in code order. */
        const gk_table *list[2 * GK_FORMULA_MAX_TERMS];
        int nl = 0;
        for (int s = 0; s < 2; s++)
            for (int i = 0; i < (s == 0 ? f->nlhs : f->nrhs); i++)
                list[nl++] = tables[s * GK_FORMULA_MAX_TERMS + i];
        for (int c = 200; c < 300; c++) {
            char code[4];
            gk_format(code, sizeof code, "%d", c);
            if (has_code(list, nl, code))
                evaluate(cx, f, tables, NULL, code);
        }
    } else {
        evaluate(cx, f, tables, NULL, NULL);
    }
}

/* A 支出预算表 printing its 合计 by source of funds may count last year's
 * money among them (上年结转, 上年实户资金余额): its 合计 is then all the
 * money at hand, which may or may not hold what is carried into next
 * year (西安 2019: 3,695.91 = 支出总计, 结转下年 52.54 in it). */
static bool spends_last_years_money(const gk_report *r)
{
    const gk_table *t = gk_report_find_table(r, GK_TABLE_BUDGET_EXPENSE);
    for (size_t i = 0; t && i < t->nrows; i++)
        for (size_t k = 0; k < t->rows[i].ncells; k++) {
            const gk_cell *c = &t->rows[i].cells[k];
            if (!c->text && c->value.v != 0 && strncmp(c->column, "上年", strlen("上年")) == 0)
                return true;
        }
    return false;
}

/* A formula whose terms all name one kind (no SUM across tables) holds in
 * every table of that kind: a document has one 支出决算表 but several
 * 绩效自评表.  Others relate the first table of each kind. */
static void check_formula(const ctx *cx, const gk_formula *f)
{
    if (f->when) {
        const char *scope = gk_report_scope(cx->r, NULL);
        const char *unmet = (f->when & GK_WHEN_DEPT) && !(scope && strcmp(scope, "部门") == 0)
                                ? "部门"
                            : (f->when & GK_WHEN_UNIT) && !(scope && strcmp(scope, "单位") == 0)
                                ? "单位"
                            : (f->when & GK_WHEN_ADMIN) && !gk_doc_single_admin(cx->r) ? "行政单位"
                            : (f->when & GK_WHEN_SPENT_THIS_YEAR) && spends_last_years_money(cx->r)
                                ? "支出预算表不含上年资金"
                                : NULL;
        if (unmet) {
            skip(cx, f, "仅适用于", unmet, "的文档");
            return;
        }
    }
    if (f->tree) {
        check_tree(cx, f);
        return;
    }
    bool one_kind = true;
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < (s == 0 ? f->nlhs : f->nrhs); i++) {
            const gk_term *t = s == 0 ? &f->lhs[i] : &f->rhs[i];
            one_kind &= t->table == f->lhs[0].table && !(t->all && t->sel != GK_SEL_CLASS);
        }
    if (!one_kind) {
        check_in(cx, f, NULL);
        return;
    }
    bool any = false;
    for (size_t k = 0; k < cx->r->ntables; k++)
        if (cx->r->tables[k].kind == f->lhs[0].table) {
            check_in(cx, f, &cx->r->tables[k]);
            any = true;
        }
    if (!any)
        skip(cx, f, "文档中没有", gk_table_kind_title(f->lhs[0].table), "");
}

void gk_formulas_check(const gk_formulas *fs, const gk_report *r, gk_findings *out)
{
    ctx cx = {r, out, calloc(r->ntables ? r->ntables : 1, sizeof *cx.scales)};
    if (!cx.scales)
        gk_out_of_memory();
    for (size_t i = 0; i < r->ntables; i++)
        cx.scales[i] = table_scale(&r->tables[i]);
    for (size_t i = 0; i < fs->n; i++)
        check_formula(&cx, &fs->items[i]);
    free(cx.scales);
}
