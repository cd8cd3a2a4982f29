/*
 * perf.c — the arithmetic of 绩效 tables which the formula language
 * cannot state (the rest is data/rules/perf.rules) (a ratio, a constant, a sum over every row, a relation that
 * holds only where both figures are printed).
 *
 *   PRF001  执行率 ≠ 全年执行数 ÷ 全年预算数 (a funds or task row)
 *   PRF002  得分 > 分值
 *   PRF003  the 分值 of a 自评表 (read wholly) do not add up to 100
 *   PRF004  总分's 得分 ≠ Σ 得分
 *   PRF005  金额合计 ≠ Σ of the task rows (each amount column)
 *   PRF006  an indicator value that is a bare number without its unit,
 *           where it is money (成本指标) or has the digits of a figure of
 *           the document ("20215284": 202.15284 万元, the point lost)
 *
 * The scores
 * of a table the reader could not read wholly (t->partial: rows merged or
 * shifted by OCR were left out) are not added up: a row missing from the
 * reading is not an error of the document.
 */
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "../util/buf.h"

/* The row's name for messages: a report read from JSON may have rows
 * without a label ("label": null; found by fuzz_json). */
static const char *label_of(const gk_row *row)
{
    return row->label ? row->label : row->code ? row->code : "";
}

static bool is_perf_review(gk_table_kind k)
{
    return k == GK_TABLE_PERF_PROJECT || k == GK_TABLE_PERF_OVERALL;
}

static const gk_amount *amount(const gk_row *row, const char *column)
{
    const gk_cell *c = gk_row_get(row, column);
    return c && !c->text ? &c->value : NULL;
}

/* ---- PRF001: 执行率 ------------------------------------------------------- */

static void check_rate(const gk_table *t, const gk_row *row, gk_findings *out)
{
    const gk_amount *rate = amount(row, "执行率");
    const gk_amount *done = amount(row, "全年执行数"), *plan = amount(row, "全年预算数");
    if (!done || !plan) {
        done = amount(row, "全年执行数/总额");
        plan = amount(row, "全年预算数/总额");
    }
    /* A dash ("—") is what these forms print where no rate is given (the
     * 其中 rows): no rate, not a rate of 0%. */
    if (!rate || !done || !plan || gk_amount_is_zero(*plan) || (rate->flags & GK_AMOUNT_DASH))
        return;
    gk_amount rounded, cut;
    if (!gk_percent(*done, *plan, rate->scale, false, &rounded) ||
        !gk_percent(*done, *plan, rate->scale, true, &cut))
        return;
    if (gk_amount_cmp(rounded, *rate) == 0)
        return;
    char rs[GK_AMOUNT_BUFSIZE], ds[GK_AMOUNT_BUFSIZE], ps[GK_AMOUNT_BUFSIZE],
        ws[GK_AMOUNT_BUFSIZE];
    gk_location loc = gk_location_of(t, row, "执行率");
    gk_finding *f;
    if (gk_amount_cmp(cut, *rate) == 0)
        f = gk_report_finding(out, "PRF001", GK_INFO, &loc,
                              "“%s”行执行率 %s%% 为截位所得：%s ÷ %s = %s%%（四舍五入）",
                              label_of(row), gk_amount_format(*rate, rs), gk_amount_format(*done, ds),
                              gk_amount_format(*plan, ps), gk_amount_format(rounded, ws));
    else
        f = gk_report_finding(out, "PRF001", GK_ERROR, &loc,
                              "“%s”行执行率有误：执行数 %s ÷ 预算数 %s = %s%%，表中为 %s%%；应为 %s%%",
                              label_of(row), gk_amount_format(*done, ds), gk_amount_format(*plan, ps),
                              gk_amount_format(rounded, ws), gk_amount_format(*rate, rs), ws);
    bool whole = amount(row, "全年执行数") != NULL;
    gk_location more = gk_location_of(t, row, whole ? "全年执行数" : "全年执行数/总额");
    gk_finding_locate(out, f, &more);
    more = gk_location_of(t, row, whole ? "全年预算数" : "全年预算数/总额");
    gk_finding_locate(out, f, &more);
}

/* ---- PRF002: a score above its weight --------------------------------------- */

static void check_score(const gk_table *t, const gk_row *row, gk_findings *out)
{
    const gk_amount *score = amount(row, "得分"), *weight = amount(row, "分值");
    /* A dash for the weight: a row that carries none (其中：财政拨款 under
     * 年度资金总额), whatever score it repeats. */
    if (!score || !weight || (weight->flags & GK_AMOUNT_DASH) || gk_amount_cmp(*score, *weight) <= 0)
        return;
    char ss[GK_AMOUNT_BUFSIZE], ws[GK_AMOUNT_BUFSIZE];
    gk_location loc = gk_location_of(t, row, "得分");
    gk_report_finding(out, "PRF002", GK_ERROR, &loc, "“%s”行得分 %s 超过分值 %s；得分应不超过 %s",
                      label_of(row), gk_amount_format(*score, ss), gk_amount_format(*weight, ws), ws);
}

/* ---- PRF006: an indicator value that is a bare number -------------------------- */

/* The digits of v without the decimal point and trailing zeros ("202.15284"
 * and "2021528.40" both give "20215284"). */
static void digits_of(gk_amount v, char *out, size_t size)
{
    char buf[GK_AMOUNT_BUFSIZE];
    gk_amount_format(v, buf);
    size_t n = 0;
    for (const char *p = buf; *p && n + 1 < size; p++)
        if (*p >= '0' && *p <= '9')
            out[n++] = *p;
    while (n > 1 && out[n - 1] == '0')
        n--;
    out[n] = '\0';
}

/* A figure of the document (any table, any unit) with the same digits. */
static const gk_cell *same_digits(const gk_report *r, const char *digits, const gk_table **in)
{
    for (size_t i = 0; i < r->ntables; i++)
        for (size_t k = 0; k < r->tables[i].nrows; k++)
            for (size_t c = 0; c < r->tables[i].rows[k].ncells; c++) {
                const gk_cell *cell = &r->tables[i].rows[k].cells[c];
                char d[GK_AMOUNT_BUFSIZE];
                if (cell->text || cell->value.scale == 0)
                    continue;
                digits_of(cell->value, d, sizeof d);
                if (strcmp(d, digits) == 0) {
                    *in = &r->tables[i];
                    return cell;
                }
            }
    return NULL;
}

static void check_value_unit(const gk_report *r, const gk_table *t, const gk_row *row,
                             gk_findings *out)
{
    static const char *const COLUMNS[] = {"指标值", "年度指标值", "实际完成值"};
    for (size_t k = 0; k < sizeof COLUMNS / sizeof *COLUMNS; k++) {
        const gk_cell *c = gk_row_get(row, COLUMNS[k]);
        if (!c || !c->text || strlen(c->text) < 5 || strspn(c->text, "0123456789") != strlen(c->text))
            continue;
        char hint[512] = "";
        const gk_table *in = NULL;
        const gk_cell *same = same_digits(r, c->text, &in);
        /* A count may go without its unit; money (成本指标) may not. */
        if (!same && !strstr(label_of(row), "成本"))
            continue;
        if (same) {
            char v[GK_AMOUNT_BUFSIZE];
            gk_format(hint, sizeof hint, "；其数字与“%s”中的 %s%s 相同，疑为漏写小数点",
                     in->title ? in->title : gk_table_kind_title(in->kind),
                     gk_amount_format(same->value, v), gk_unit_name(in->unit) ? gk_unit_name(in->unit) : "");
        }
        gk_location loc = gk_location_of(t, row, COLUMNS[k]);
        gk_report_finding(out, "PRF006", GK_WARNING, &loc, "“%s”的%s“%s”是没有计量单位的数字%s；应写明数值和单位",
                          label_of(row), COLUMNS[k], c->text, hint);
    }
}

/* ---- PRF003–PRF005: sums over rows ------------------------------------------ */

/* Σ column over the rows of t but `except` (NULL: all); false when a
 * figure could not be added. */
static bool column_sum(const gk_table *t, const char *column, const gk_row *except,
                       bool tasks_only, gk_amount *sum, int *n)
{
    *sum = gk_amount_make(0, 0);
    *n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (row == except || (tasks_only && !gk_row_get(row, "主要内容")))
            continue;
        const gk_amount *v = amount(row, column);
        if (!v)
            continue;
        if (!gk_amount_add(*sum, *v, sum))
            return false;
        (*n)++;
    }
    return true;
}

/* Every cell of `column` added into a sum (all rows but `except`, or
 * only the task rows), as further locations of finding x. */
static void locate_summed(const gk_table *t, const char *column, const gk_row *except,
                          bool tasks_only, gk_findings *out, gk_finding *x)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (row == except || (tasks_only && !gk_row_get(row, "主要内容")) || !amount(row, column))
            continue;
        gk_location loc = gk_location_of(t, row, column);
        gk_finding_locate(out, x, &loc);
    }
}

static void check_total(const gk_table *t, const char *rule, const gk_row *row,
                        const char *column, gk_amount want, const char *what, bool tasks_only,
                        gk_findings *out)
{
    const gk_amount *got = amount(row, column);
    if (!got || gk_amount_cmp(*got, want) == 0)
        return;
    char gs[GK_AMOUNT_BUFSIZE], ws[GK_AMOUNT_BUFSIZE];
    gk_location loc = gk_location_of(t, row, column);
    gk_finding *x = gk_report_finding(out, rule, GK_ERROR, &loc, "“%s”行%s %s，而%s %s；应为 %s",
                                      label_of(row), column, gk_amount_format(*got, gs), what,
                                      gk_amount_format(want, ws), ws);
    locate_summed(t, column, row, tasks_only, out, x);
}

static void check_sums(const gk_table *t, gk_findings *out)
{
    /* Scores add up over every row: only a table read wholly. */
    bool wholly = !t->partial;
    const gk_row *total = wholly ? gk_table_find_label(t, "总分", GK_SIDE_NONE) : NULL;
    gk_amount sum;
    int n;
    /* PRF003: the weights of a wholly read 自评表. */
    if (is_perf_review(t->kind) && wholly && column_sum(t, "分值", total, false, &sum, &n) &&
        n >= 3 && gk_amount_cmp(sum, gk_amount_make(100, 0)) != 0) {
        char ss[GK_AMOUNT_BUFSIZE];
        const gk_row *first = NULL;
        for (size_t i = 0; i < t->nrows && !first; i++)
            if (&t->rows[i] != total && amount(&t->rows[i], "分值"))
                first = &t->rows[i];
        gk_location loc = gk_location_of(t, first, "分值");
        gk_finding *x = gk_report_finding(out, "PRF003", GK_ERROR, &loc,
                                          "各项分值之和为 %s，应为 100", gk_amount_format(sum, ss));
        locate_summed(t, "分值", first, false, out, x);
    }
    /* PRF004: the total score. */
    if (total && column_sum(t, "得分", total, false, &sum, &n) && n > 0)
        check_total(t, "PRF004", total, "得分", sum, "各项得分之和", false, out);
    /* PRF005: 金额合计 against the tasks, column by column. */
    const gk_row *all = gk_table_find_label(t, "金额合计", GK_SIDE_NONE);
    for (size_t k = 0; all && k < all->ncells; k++) {
        const char *column = all->cells[k].column;
        if (all->cells[k].text || !strcmp(column, "分值") || !strcmp(column, "得分") ||
            !strcmp(column, "执行率"))
            continue;
        if (column_sum(t, column, all, true, &sum, &n) && n > 0)
            check_total(t, "PRF005", all, column, sum, "各项任务之和", true, out);
    }
}

static bool is_perf(gk_table_kind k)
{
    return is_perf_review(k) || k == GK_TABLE_PERF_TARGET_PROJECT ||
           k == GK_TABLE_PERF_TARGET_OVERALL || k == GK_TABLE_PERF_TARGET_FUND;
}

void gk_check_perf(const gk_report *r, gk_findings *out)
{
    for (size_t i = 0; i < r->ntables; i++) {
        const gk_table *t = &r->tables[i];
        for (size_t k = 0; is_perf(t->kind) && k < t->nrows; k++)
            check_value_unit(r, t, &t->rows[k], out);
        bool review = is_perf_review(t->kind);
        if (!review && t->kind != GK_TABLE_PERF_TARGET_OVERALL)
            continue;
        for (size_t k = 0; review && k < t->nrows; k++) {
            /* A row where the reader left a cell unread ("100%10" under 得分):
             * its other figures may stand a column off (分值 10 read as the
             * 执行率).  Not judged. */
            if (gk_unread_at(r, t->rows[k].pos))
                continue;
            check_rate(t, &t->rows[k], out);
            check_score(t, &t->rows[k], out);
        }
        check_sums(t, out);
    }
}
