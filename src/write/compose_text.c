/*
 * compose_text.c — the 情况说明 written from the tables.
 *
 * Every figure is a table cell; every share, completion rate and
 * difference is computed exactly from cells (gk_percent, gk_amount_sub).
 * Shares of one whole are adjusted by largest remainder so that they add up
 * to 100.00%.  What the tables cannot tell — the previous year's figures,
 * reasons, counts of vehicles and visits — is written as a visible
 * placeholder "【待填写：…】", which gongkai check reports (DOC001), so that
 * nothing is invented and nothing is silently left out.
 *
 * Figures are given in 万元: a table kept in 元 is converted exactly and
 * printed with at least two decimals (1,826,751.10 元 → 182.67511万元).
 */
#include <string.h>

#include "../model/arena.h"
#include "compose.h"

typedef struct ctx {
    gk_doc *d;
    const gk_report *r;
    const char *year;    /* "2024" */
    bool budget;
} ctx;

/* ---- Cells ------------------------------------------------------------------ */

static const gk_table *table(const ctx *c, gk_table_kind k)
{
    return gk_report_find_table(c->r, k);
}

/* The amount of a cell, 0 when the row or the cell is absent; *unit gets the
 * table's unit. */
static bool cell(const gk_table *t, const gk_row *row, const char *column, gk_amount *out)
{
    *out = gk_amount_make(0, 2);
    const gk_cell *x = row ? gk_row_get(row, column) : NULL;
    if (!t || !x || x->text)
        return false;
    *out = x->value;
    return true;
}

static const gk_row *label_row(const gk_table *t, const char *label, gk_side side)
{
    return t ? gk_table_find_label(t, label, side) : NULL;
}

/* The income row of a fund, by meaning rather than spelling: the
 * 一般公共预算 row of a 财政拨款收支总表 is printed "一般公共预算",
 * "一、一般公共预算", "一般公共预算拨款", "一般公共预算资金", "一般公共预算
 * 拨款收入", "一般公共预算财政拨款" or as a part of 财政拨款 ("财政拨款/一般
 * 公共预算拨款"); the reader keeps the label as printed (less its number), so
 * the row is the one whose label, or its last part, begins with the fund's
 * name.  A row of last year's balance (上年结转/一般公共预算) is not this
 * year's income and is passed over; a row of its own comes before a part. */
static const char *skip_number(const char *s)
{
    static const char *const MARKS[] = {"、", ".", "．", "）", ")", " "};
    const char *p = s;
    if (strncmp(p, "（", 3) == 0 || *p == '(')
        p += *p == '(' ? 1 : 3;
    const char *digits = p;
    while ((*p >= '0' && *p <= '9') || strncmp(p, "一", 3) == 0 || strncmp(p, "二", 3) == 0 ||
           strncmp(p, "三", 3) == 0)
        p += *p >= '0' && *p <= '9' ? 1 : 3;
    if (p == digits)
        return s;
    bool marked = false;
    for (size_t i = 0; i < sizeof MARKS / sizeof *MARKS; i++)
        while (strncmp(p, MARKS[i], strlen(MARKS[i])) == 0)
            p += strlen(MARKS[i]), marked = true;
    return marked ? p : s;
}

static const gk_row *fund_row(const gk_table *t, const char *fund)
{
    if (!t)
        return NULL;
    size_t n = strlen(fund);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < t->nrows; i++) {
            const gk_row *row = &t->rows[i];
            if (row->side != GK_SIDE_INCOME || row->code || !row->label ||
                strstr(row->label, "结转") || strstr(row->label, "结余"))
                continue;
            const char *leaf = strrchr(row->label, '/');
            if ((leaf != NULL) != (pass == 1))
                continue;
            leaf = skip_number(leaf ? leaf + 1 : row->label);
            if (strncmp(leaf, fund, n) == 0)
                return row;
        }
    return NULL;
}

/* The table's amount in 万元, exactly. */
static gk_amount wan(const gk_table *t, gk_amount a)
{
    gk_amount out;
    if (t && t->unit != GK_UNIT_NONE && t->unit != GK_UNIT_WANYUAN &&
        gk_amount_convert(a, t->unit, GK_UNIT_WANYUAN, &out)) {
        /* Drop the zeros a conversion adds beyond two decimals. */
        while (out.scale > 2 && out.v % 10 == 0) {
            out.v /= 10;
            out.scale--;
        }
        return out;
    }
    return a;
}

static const char *money(const ctx *c, const gk_table *t, gk_amount a)
{
    return gk_doc_wan(c->d, wan(t, a));
}

static const char *percent(const ctx *c, gk_amount part, gk_amount whole)
{
    gk_amount p;
    if (!gk_percent(part, whole, 2, false, &p))
        return NULL;
    char buf[GK_AMOUNT_BUFSIZE];
    return gk_doc_printf(c->d, "%s%%", gk_amount_format(p, buf));
}

/* Shares of one whole, in hundredths of a percent, adjusted by largest
 * remainder so that they add up to 10000 when the parts add up to the
 * whole. */
static void shares(const gk_amount *parts, size_t n, gk_amount whole, int64_t *out)
{
    int64_t rest[64], sum = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        gk_amount p;                          /* to 6 decimals, truncated */
        if (!gk_percent(parts[i], whole, 6, true, &p))
            p = gk_amount_make(0, 6);
        out[i] = p.v / 10000;
        rest[i] = p.v % 10000;
        sum += out[i];
    }
    gk_sum total;
    gk_sum_init(&total);
    for (size_t i = 0; i < n; i++)
        gk_sum_add(&total, parts[i], 1);
    gk_sum w = gk_sum_of(whole);
    if (gk_sum_compare(&total, &w, NULL) != GK_EXACT)
        sum = 10000;                           /* not a partition: plain rounding */
    while (sum < 10000) {
        size_t best = n;
        for (size_t i = 0; i < n && i < 64; i++)
            if (rest[i] > 0 && (best == n || rest[i] > rest[best]))
                best = i;
        if (best == n)
            break;
        out[best]++;
        rest[best] = -1;
        sum++;
    }
    if (sum == 10000)
        return;
}

static const char *share_text(const ctx *c, int64_t hundredths)
{
    return gk_doc_printf(c->d, "%lld.%02lld%%", (long long)(hundredths / 100),
                         (long long)(hundredths % 100));
}

/* ---- Facts: what the tables do not hold ---------------------------------------- */

/* A fact's amount (facts are in 万元). */
static bool fact_amount(const ctx *c, const char *kind, const char *key, gk_amount *out)
{
    const char *v = gk_report_fact(c->r, gk_doc_printf(c->d, "%s/%s", kind, key));
    return v && gk_amount_parse(v, strlen(v), out) == GK_AMOUNT_OK;
}

/* The reason given for `key`, or the placeholder. */
static const char *reason(const ctx *c, const char *key)
{
    const char *v = gk_report_fact(c->r, gk_doc_printf(c->d, "原因/%s", key));
    return v ? v : "【待填写】";
}

static const char *wan_text(const ctx *c, gk_amount a)
{
    return gk_doc_wan(c->d, a);
}

/* ---- Writing ------------------------------------------------------------------ */

/* A chart of parts of one whole, where a reader would rather look than
 * read: bars for many parts, a pie for two or three.  Zero parts are left
 * out; nothing is drawn for fewer than two parts. */
static void chart(const ctx *c, gk_chart_kind kind, const char *title, const gk_table *t,
                  const char *const *names, const gk_amount *values, size_t n, gk_amount whole)
{
    gk_amount nz[64];
    size_t idx[64], k = 0;
    for (size_t i = 0; i < n && k < 64; i++)
        if (!gk_amount_is_zero(values[i]) && values[i].v > 0) {
            nz[k] = values[i];
            idx[k++] = i;
        }
    if (k < 2)
        return;
    int64_t sh[64];
    shares(nz, k, whole, sh);
    gk_block *b = gk_doc_add(c->d, GK_BLOCK_CHART);
    b->chart.kind = kind;
    b->chart.title = title;
    b->chart.unit = "万元";
    b->chart.items = gk_arena_alloc(c->d->arena, k * sizeof *b->chart.items);
    b->chart.nitems = k;
    for (size_t j = 0; j < k; j++) {
        gk_chart_item *it = &b->chart.items[j];
        char buf[GK_AMOUNT_BUFSIZE];
        it->label = names[idx[j]];
        it->value = wan(t, nz[j]);
        it->text = gk_doc_printf(c->d, "%s（%s）", gk_amount_format(it->value, buf),
                                 share_text(c, sh[j]));
    }
}

static void heading(const ctx *c, int level, const char *text)
{
    gk_block *b = gk_doc_add(c->d, GK_BLOCK_HEADING);
    b->level = level;
    b->text = text;
}

/* A paragraph built piece by piece. */
typedef struct para {
    const ctx *c;
    char *s;
    size_t len, cap;
} para;

static void say(para *p, const char *text)
{
    size_t n = strlen(text);
    if (p->len + n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 256;
        while (cap < p->len + n + 1)
            cap *= 2;
        p->s = gk_arena_grow(p->c->d->arena, p->s, p->len, cap, 1);
        p->cap = cap;
    }
    memcpy(p->s + p->len, text, n + 1);
    p->len += n;
}

static void end(para *p)
{
    if (p->len)
        gk_doc_add(p->c->d, GK_BLOCK_PARAGRAPH)->text = p->s;
    p->s = NULL;
    p->len = p->cap = 0;
}

static void sentence(const ctx *c, const char *text)
{
    gk_doc_add(c->d, GK_BLOCK_PARAGRAPH)->text = text;
}

/* Is the table a section is written from in the document?  If not, the
 * section says so, visibly (【待填写】, which `gongkai check` reports as
 * DOC001), rather than write its figures as 0. */
static bool present(const ctx *c, const gk_table *t, gk_table_kind k)
{
    if (!t)
        sentence(c, gk_doc_printf(c->d, "文档未包含“%s”，本节的数字【待填写】。",
                                  gk_table_kind_title(k)));
    return t != NULL;
}

/* The paragraphs of the fact 说明/<key> (one per line), or the placeholder. */
static void given(const ctx *c, const char *key, const char *placeholder)
{
    const char *v = gk_report_fact(c->r, gk_doc_printf(c->d, "说明/%s", key));
    if (!v) {
        sentence(c, placeholder);
        return;
    }
    while (*v) {
        const char *nl = strchr(v, '\n');
        size_t n = nl ? (size_t)(nl - v) : strlen(v);
        if (n)
            sentence(c, gk_doc_printf(c->d, "%.*s", (int)n, v));
        v += n + (nl != NULL);
    }
}

/* "其中：甲a万元，占p%；乙b万元，占q%" over the non-zero parts, then "丙、丁均为
 * 0万元" for the others. */
static void parts_of(para *p, const gk_table *t, const char *const *names,
                     const gk_amount *values, size_t n, gk_amount whole)
{
    const ctx *c = p->c;
    gk_amount nz[64] = {{0}};
    size_t idx[64], k = 0;
    for (size_t i = 0; i < n && k < 64; i++)
        if (!gk_amount_is_zero(values[i])) {
            nz[k] = values[i];
            idx[k++] = i;
        }
    int64_t sh[64];
    shares(nz, k, whole, sh);
    for (size_t j = 0; j < k; j++) {
        say(p, j == 0 ? "其中：" : "；");
        say(p, gk_doc_printf(c->d, "%s%s，占%s", names[idx[j]], money(c, t, nz[j]),
                             gk_amount_is_zero(whole) ? "0.00%" : share_text(c, sh[j])));
    }
    size_t zeros = 0;
    for (size_t i = 0; i < n; i++)
        if (gk_amount_is_zero(values[i])) {
            say(p, zeros == 0 ? (k ? "；" : "其中：") : "、");
            say(p, names[i]);
            zeros++;
        }
    if (zeros)
        say(p, zeros > 1 ? "均为0万元" : "为0万元");
    say(p, "。");
}

/* "与上年相比，<subject>增加A万元，增长B%。主要原因是…。" from the fact
 * 上年/<key> (or the placeholder when it is not given); `current` is in
 * the table's unit. */
static void change(para *p, const char *subject, const char *key, const gk_table *t,
                   gk_amount current)
{
    const ctx *c = p->c;
    gk_amount prev, cur = wan(t, current), diff;
    if (!fact_amount(c, "上年", key, &prev)) {
        say(p, "与上年相比的增减变化情况及主要原因【待填写】。");
        return;
    }
    if (!gk_amount_sub(cur, prev, &diff))
        return;
    if (gk_amount_is_zero(diff)) {
        say(p, gk_doc_printf(c->d, "%s与上年持平。", subject));
        return;
    }
    bool up = diff.v > 0;
    gk_amount mag = diff;
    mag.v = up ? diff.v : -diff.v;
    say(p, gk_doc_printf(c->d, "与上年相比，%s%s%s", subject, up ? "增加" : "减少", wan_text(c, mag)));
    const char *pc = percent(c, mag, prev);
    if (pc && !gk_amount_is_zero(prev))
        say(p, gk_doc_printf(c->d, "，%s%s", up ? "增长" : "下降", pc));
    const char *why = reason(c, key);
    say(p, gk_doc_printf(c->d, "。主要原因是%s%s。", strncmp(why, "一是", 6) == 0 ? "：" : "", why));
}

/* "年初预算为B万元，支出决算为A万元，完成年初预算的R%。决算数大于预算数的主要
 * 原因是…。" from the fact 年初预算/<key>. */
static void completion(para *p, const char *key, const gk_table *t, gk_amount actual)
{
    const ctx *c = p->c;
    gk_amount budget, act = wan(t, actual);
    if (!fact_amount(c, "年初预算", key, &budget)) {
        say(p, gk_doc_printf(c->d, "支出决算为%s，年初预算数及完成情况【待填写】。",
                             wan_text(c, act)));
        return;
    }
    say(p, gk_doc_printf(c->d, "年初预算为%s，支出决算为%s", wan_text(c, budget),
                         wan_text(c, act)));
    const char *pc = percent(c, act, budget);
    if (pc && !gk_amount_is_zero(budget))
        say(p, gk_doc_printf(c->d, "，完成年初预算的%s", pc));
    int cmp = gk_amount_cmp(act, budget);
    const char *rk = gk_doc_printf(c->d, "年初预算/%s", key);
    if (cmp == 0)
        say(p, "。决算数等于预算数。");
    else
        say(p, gk_doc_printf(c->d, "。决算数%s预算数的主要原因是%s。", cmp > 0 ? "大于" : "小于",
                             reason(c, rk)));
}

/* ---- 决算 ---------------------------------------------------------------------- */

static void final_totals(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_SUMMARY);
    heading(c, 2, "一、收入支出决算总体情况说明");
    if (!present(c, t, GK_TABLE_SUMMARY))
        return;
    gk_amount in, out, inc, exp, begin, endv;
    cell(t, label_row(t, "总计", GK_SIDE_INCOME), "金额", &in);
    cell(t, label_row(t, "总计", GK_SIDE_EXPENSE), "金额", &out);
    cell(t, label_row(t, "本年收入合计", GK_SIDE_INCOME), "金额", &inc);
    cell(t, label_row(t, "本年支出合计", GK_SIDE_EXPENSE), "金额", &exp);
    cell(t, label_row(t, "年初结转和结余", GK_SIDE_INCOME), "金额", &begin);
    cell(t, label_row(t, "年末结转和结余", GK_SIDE_EXPENSE), "金额", &endv);
    para p = {c, 0, 0, 0};
    bool same = gk_amount_cmp(in, out) == 0;
    if (same)
        say(&p, gk_doc_printf(c->d, "%s年度收入、支出总计均为%s。", c->year, money(c, t, in)));
    else
        say(&p, gk_doc_printf(c->d, "%s年度收入总计%s，支出总计%s。", c->year,
                              money(c, t, in), money(c, t, out)));
    change(&p, same ? "收入、支出总计各" : "收入总计", "收入支出总计", t, in);
    say(&p, gk_doc_printf(c->d, "其中：本年收入合计%s，年初结转和结余%s；本年支出合计%s，"
                                "年末结转和结余%s。",
                          money(c, t, inc), money(c, t, begin), money(c, t, exp),
                          money(c, t, endv)));
    end(&p);
}

static void final_income(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_INCOME);
    heading(c, 2, "二、收入决算情况说明");
    if (!present(c, t, GK_TABLE_INCOME))
        return;
    static const char *const COLS[] = {"财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                                       "附属单位上缴收入", "其他收入"};
    const gk_row *total = label_row(t, "合计", GK_SIDE_NONE);
    gk_amount whole, v[6];
    cell(t, total, "本年收入合计", &whole);
    for (size_t i = 0; i < 6; i++)
        cell(t, total, COLS[i], &v[i]);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度本年收入合计%s，", c->year, money(c, t, whole)));
    parts_of(&p, t, COLS, v, 6, whole);
    end(&p);
}

static void final_expense(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_EXPENSE);
    heading(c, 2, "三、支出决算情况说明");
    if (!present(c, t, GK_TABLE_EXPENSE))
        return;
    static const char *const COLS[] = {"基本支出", "项目支出", "上缴上级支出", "经营支出",
                                       "对附属单位补助支出"};
    const gk_row *total = label_row(t, "合计", GK_SIDE_NONE);
    gk_amount whole, v[5];
    cell(t, total, "本年支出合计", &whole);
    for (size_t i = 0; i < 5; i++)
        cell(t, total, COLS[i], &v[i]);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度本年支出合计%s，", c->year, money(c, t, whole)));
    parts_of(&p, t, COLS, v, 5, whole);
    end(&p);
    chart(c, GK_CHART_PIE, gk_doc_printf(c->d, "%s年度支出决算结构", c->year), t, COLS, v, 5,
          whole);
}

static void final_fiscal(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_FISCAL_SUMMARY);
    heading(c, 2, "四、财政拨款收入支出决算总体情况说明");
    if (!present(c, t, GK_TABLE_FISCAL_SUMMARY))
        return;
    gk_amount in, out, inc, exp, begin, endv;
    cell(t, label_row(t, "总计", GK_SIDE_INCOME), "金额", &in);
    cell(t, label_row(t, "总计", GK_SIDE_EXPENSE), "合计", &out);
    cell(t, label_row(t, "本年收入合计", GK_SIDE_INCOME), "金额", &inc);
    cell(t, label_row(t, "本年支出合计", GK_SIDE_EXPENSE), "合计", &exp);
    cell(t, label_row(t, "年初财政拨款结转和结余", GK_SIDE_INCOME), "金额", &begin);
    cell(t, label_row(t, "年末财政拨款结转和结余", GK_SIDE_EXPENSE), "合计", &endv);
    para p = {c, 0, 0, 0};
    bool same = gk_amount_cmp(in, out) == 0;
    if (same)
        say(&p, gk_doc_printf(c->d, "%s年度财政拨款收入、支出总计均为%s。", c->year,
                              money(c, t, in)));
    else
        say(&p, gk_doc_printf(c->d, "%s年度财政拨款收入总计%s，支出总计%s。", c->year,
                              money(c, t, in), money(c, t, out)));
    change(&p, same ? "财政拨款收入、支出总计各" : "财政拨款收入总计", "财政拨款收入支出总计", t, in);
    say(&p, gk_doc_printf(c->d, "其中：年初财政拨款结转和结余%s，本年财政拨款收入%s；"
                                "本年财政拨款支出%s，年末财政拨款结转和结余%s。",
                          money(c, t, begin), money(c, t, inc), money(c, t, exp),
                          money(c, t, endv)));
    end(&p);
}

/* "医疗保障管理事务（款）行政运行（项）" for a 7-digit code. */
static const char *item_name(const ctx *c, const gk_table *t, const gk_row *row)
{
    char code[8];
    snprintf(code, sizeof code, "%.5s", row->code);
    const gk_row *kuan = gk_table_find_code(t, code, GK_SIDE_NONE);
    return gk_doc_printf(c->d, "%s（款）%s（项）", kuan && kuan->label ? kuan->label : code,
                         row->label ? row->label : row->code);
}

static void final_gpb(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_GPB_EXPENSE);
    const gk_table *e = table(c, GK_TABLE_EXPENSE);
    heading(c, 2, "五、一般公共预算财政拨款支出决算情况说明");
    if (!present(c, t, GK_TABLE_GPB_EXPENSE))
        return;
    heading(c, 3, "（一）一般公共预算财政拨款支出决算总体情况");
    gk_amount total, all;
    cell(t, label_row(t, "合计", GK_SIDE_NONE), "合计", &total);
    cell(e, label_row(e, "合计", GK_SIDE_NONE), "本年支出合计", &all);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度一般公共预算财政拨款支出%s", c->year, money(c, t, total)));
    const char *pc = percent(c, wan(t, total), wan(e, all));
    if (e && pc)
        say(&p, gk_doc_printf(c->d, "，占本年支出合计的%s", pc));
    say(&p, "。");
    change(&p, "一般公共预算财政拨款支出", "一般公共预算财政拨款支出", t, total);
    end(&p);

    heading(c, 3, "（二）一般公共预算财政拨款支出决算结构情况");
    const gk_row *lei[64];
    size_t n = t ? gk_table_code_children(t, "", 3, lei, 64) : 0;
    if (n > 64)
        n = 64;
    gk_amount v[64] = {{0}};
    const char *names[64] = {0};
    for (size_t i = 0; i < n; i++) {
        cell(t, lei[i], "合计", &v[i]);
        names[i] = gk_doc_printf(c->d, "%s（类）", lei[i]->label ? lei[i]->label : lei[i]->code);
    }
    int64_t sh[64];
    shares(v, n, total, sh);
    say(&p, gk_doc_printf(c->d, "%s年度一般公共预算财政拨款支出主要用于以下方面：", c->year));
    size_t said = 0;
    for (size_t i = 0; i < n; i++) {
        if (gk_amount_is_zero(v[i]))
            continue;
        say(&p, gk_doc_printf(c->d, "%s%s%s，占%s", said++ ? "；" : "", names[i],
                              money(c, t, v[i]), share_text(c, sh[i])));
    }
    say(&p, said ? "。" : "无。");
    end(&p);
    chart(c, GK_CHART_BAR,
          gk_doc_printf(c->d, "%s年度一般公共预算财政拨款支出按功能分类（类）", c->year), t, names,
          v, n, total);

    heading(c, 3, "（三）一般公共预算财政拨款支出决算具体情况");
    say(&p, gk_doc_printf(c->d, "%s年度一般公共预算财政拨款支出", c->year));
    completion(&p, "一般公共预算财政拨款支出", t, total);
    say(&p, "其中：");
    end(&p);
    for (size_t i = 0, shown = 0; i < n; i++) {
        if (gk_amount_is_zero(v[i]))
            continue;
        heading(c, 3, gk_doc_printf(c->d, "%zu.%s", ++shown, names[i]));
        const gk_row *items[512];
        size_t m = gk_table_code_children(t, lei[i]->code, 7, items, 512);
        for (size_t j = 0, k = 0; j < m && j < 512; j++) {
            gk_amount a;
            cell(t, items[j], "合计", &a);
            if (gk_amount_is_zero(a))
                continue;
            say(&p, gk_doc_printf(c->d, "（%zu）%s。", ++k, item_name(c, t, items[j])));
            completion(&p, items[j]->code, t, a);
            end(&p);
        }
    }
}

/* The non-zero 款 and 项 rows' names under the given 类 codes of the 基本
 * 支出 table (its 金额, else 合计 column), as "甲、乙、丙". */
static const char *basic_items(const ctx *c, const gk_table *t, const char *const *lei,
                               size_t nlei)
{
    para p = {c, 0, 0, 0};
    for (size_t i = 0; t && i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        if (!row->code || strlen(row->code) != 5 || !row->label)
            continue;
        bool in = false;
        for (size_t k = 0; k < nlei; k++)
            in |= strncmp(row->code, lei[k], 3) == 0;
        gk_amount a;
        if (!in || !(cell(t, row, "金额", &a) || cell(t, row, "合计", &a)) || gk_amount_is_zero(a))
            continue;
        if (p.len)
            say(&p, "、");
        say(&p, row->label);
    }
    return p.len ? p.s : NULL;
}

static void final_basic(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_GPB_BASIC);
    const gk_table *g = table(c, GK_TABLE_GPB_EXPENSE);
    heading(c, 2, "六、一般公共预算财政拨款基本支出决算情况说明");
    if (!present(c, t, GK_TABLE_GPB_BASIC))
        return;
    gk_amount basic, staff, office;
    cell(g, label_row(g, "合计", GK_SIDE_NONE), "基本支出", &basic);
    cell(t, label_row(t, "人员经费合计", GK_SIDE_NONE), "金额", &staff);
    cell(t, label_row(t, "公用经费合计", GK_SIDE_NONE), "金额", &office);
    static const char *const STAFF[] = {"301", "303"};
    static const char *const OFFICE[] = {"302", "307", "309", "310", "399"};
    const char *si = basic_items(c, t, STAFF, 2), *oi = basic_items(c, t, OFFICE, 5);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度一般公共预算财政拨款基本支出%s，其中：人员经费%s", c->year,
                          money(c, g, basic), money(c, t, staff)));
    if (si)
        say(&p, gk_doc_printf(c->d, "，主要包括：%s", si));
    say(&p, gk_doc_printf(c->d, "；公用经费%s", money(c, t, office)));
    if (oi)
        say(&p, gk_doc_printf(c->d, "，主要包括：%s", oi));
    say(&p, "。");
    end(&p);
}

static bool table_empty(const gk_table *t)
{
    for (size_t i = 0; t && i < t->nrows; i++)
        for (size_t k = 0; k < t->rows[i].ncells; k++)
            if (!t->rows[i].cells[k].text && !gk_amount_is_zero(t->rows[i].cells[k].value))
                return false;
    return true;
}

static void fund(const ctx *c, gk_table_kind kind, const char *number, const char *fund_name,
                 const char *table_title)
{
    const gk_table *t = table(c, kind);
    heading(c, 2, gk_doc_printf(c->d, "%s、%s财政拨款收入支出决算情况说明", number, fund_name));
    if (table_empty(t)) {
        sentence(c, gk_doc_printf(c->d, "%s年度，本部门没有使用%s财政拨款安排的支出，%s为空表。",
                                  c->year, fund_name, t && t->title ? t->title : table_title));
        return;
    }
    const gk_row *total = label_row(t, "合计", GK_SIDE_NONE);
    gk_amount a, b, x, y;
    cell(t, total, "年初结转和结余", &a);
    cell(t, total, "本年收入", &b);
    cell(t, total, "本年支出合计", &x);
    cell(t, total, "年末结转和结余", &y);
    sentence(c, gk_doc_printf(c->d, "%s年度%s财政拨款年初结转和结余%s，本年收入%s，本年支出%s，"
                                    "年末结转和结余%s。",
                              c->year, fund_name, money(c, t, a), money(c, t, b), money(c, t, x),
                              money(c, t, y)));
}

/* The 三公 items, as the table's columns. */
static const char *const PUBLIC3_ITEMS[] = {"因公出国（境）费", "公务用车购置费",
                                            "公务用车运行维护费", "公务接待费"};

static void final_public3(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_THREE_PUBLIC);
    heading(c, 2, "九、财政拨款\"三公\"经费支出决算情况说明");
    if (!present(c, t, GK_TABLE_THREE_PUBLIC))
        return;
    heading(c, 3, "（一）\"三公\"经费支出总体情况说明");
    const gk_row *bud = label_row(t, "预算数", GK_SIDE_NONE);
    const gk_row *act = label_row(t, "决算数", GK_SIDE_NONE);
    gk_amount b, a;
    cell(t, bud, "合计", &b);
    cell(t, act, "合计", &a);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度财政拨款\"三公\"经费支出预算为%s，支出决算为%s", c->year,
                          money(c, t, b), money(c, t, a)));
    const char *pc = percent(c, a, b);
    if (pc && !gk_amount_is_zero(b))
        say(&p, gk_doc_printf(c->d, "，完成预算的%s", pc));
    int cmp = gk_amount_cmp(a, b);
    if (cmp == 0)
        say(&p, "。决算数等于预算数");
    else
        say(&p, gk_doc_printf(c->d, "。决算数%s预算数的主要原因是%s", cmp < 0 ? "小于" : "大于",
                              reason(c, "三公经费预算")));
    say(&p, "。其中：");
    for (size_t i = 0; i < 4; i++) {
        gk_amount ib, ia;
        cell(t, bud, PUBLIC3_ITEMS[i], &ib);
        cell(t, act, PUBLIC3_ITEMS[i], &ia);
        say(&p, gk_doc_printf(c->d, "%s%s预算为%s，支出决算为%s", i ? "；" : "", PUBLIC3_ITEMS[i],
                              money(c, t, ib), money(c, t, ia)));
        const char *ipc = percent(c, ia, ib);
        if (ipc && !gk_amount_is_zero(ib) && !gk_amount_is_zero(ia))
            say(&p, gk_doc_printf(c->d, "，完成预算的%s", ipc));
    }
    say(&p, "。");
    end(&p);

    heading(c, 3, "（二）\"三公\"经费支出具体情况说明");
    gk_amount v[3];
    cell(t, act, "因公出国（境）费", &v[0]);
    cell(t, act, "公务用车购置及运行维护费", &v[1]);
    cell(t, act, "公务接待费", &v[2]);
    static const char *const GROUPS[] = {"因公出国（境）费", "公务用车购置及运行维护费",
                                         "公务接待费"};
    int64_t sh[3];
    shares(v, 3, a, sh);
    say(&p, gk_doc_printf(c->d, "%s年度财政拨款\"三公\"经费支出决算中，", c->year));
    for (size_t i = 0; i < 3; i++)
        say(&p, gk_doc_printf(c->d, "%s%s支出决算%s，占%s", i ? "；" : "", GROUPS[i],
                              money(c, t, v[i]),
                              gk_amount_is_zero(a) ? "0.00%" : share_text(c, sh[i])));
    say(&p, "。具体情况如下：");
    end(&p);
    /* Each item's statistics: a format with one or two counts. */
    static const struct {
        const char *format, *first, *second;
    } COUNTS[] = {
        {"全年使用财政拨款安排因公出国（境）团组%s个，累计%s人次。", "因公出国（境）团组数",
         "因公出国（境）人次数"},
        {"全年购置公务用车%s辆。", "公务用车购置数", NULL},
        {"截至年末，公务用车保有量%s辆。", "公务用车保有量", NULL},
        {"全年国内公务接待%s批次，%s人次。", "国内公务接待批次", "国内公务接待人次"}};
    for (size_t i = 0; i < 4; i++) {
        gk_amount ia;
        cell(t, act, PUBLIC3_ITEMS[i], &ia);
        say(&p, gk_doc_printf(c->d, "%zu.%s支出%s，", i + 1, PUBLIC3_ITEMS[i], money(c, t, ia)));
        change(&p, "", PUBLIC3_ITEMS[i], t, ia);
        const char *n1 = gk_report_fact(c->r, gk_doc_printf(c->d, "统计/%s", COUNTS[i].first));
        const char *n2 = COUNTS[i].second ? gk_report_fact(c->r, gk_doc_printf(c->d, "统计/%s",
                                                                               COUNTS[i].second))
                                          : "";
        if (n1 && n2)
            say(&p, gk_doc_printf(c->d, COUNTS[i].format, n1, n2));
        else
            say(&p, gk_doc_printf(c->d, "%s等统计数【待填写】。", COUNTS[i].first));
        end(&p);
    }

    heading(c, 3, "（三）\"三公\"经费增减变化情况说明");
    say(&p, gk_doc_printf(c->d, "%s年度财政拨款\"三公\"经费支出决算%s，", c->year, money(c, t, a)));
    change(&p, "", "三公经费", t, a);
    end(&p);
}

static void final_office(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_OFFICE_OPERATION);
    const gk_table *b = table(c, GK_TABLE_GPB_BASIC);
    heading(c, 2, "十、机关运行经费支出情况说明");
    if (!t && !present(c, b, GK_TABLE_GPB_BASIC))
        return;
    gk_amount a;
    if (t)
        cell(t, label_row(t, "合计", GK_SIDE_NONE), "金额", &a);
    else
        cell(b, label_row(b, "公用经费合计", GK_SIDE_NONE), "金额", &a);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度，本部门机关运行经费支出%s。", c->year, money(c, t ? t : b, a)));
    change(&p, "机关运行经费支出", "机关运行经费", t ? t : b, a);
    end(&p);
}

static void procurement(const ctx *c, const char *number, gk_table_kind kind)
{
    const gk_table *t = table(c, kind);
    heading(c, 2, gk_doc_printf(c->d, "%s、政府采购支出情况说明", number));
    if (!t) {
        sentence(c, "政府采购支出总额及其构成【待填写】。");
        return;
    }
    static const char *const LABELS[] = {"政府采购支出合计", "政府采购货物支出",
                                         "政府采购工程支出", "政府采购服务支出",
                                         "授予中小企业合同金额", "授予小微企业合同金额"};
    gk_amount v[6];
    for (size_t i = 0; i < 6; i++)
        cell(t, label_row(t, LABELS[i], GK_SIDE_NONE), "金额", &v[i]);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年度，本部门政府采购支出总额%s，其中：政府采购货物支出%s、"
                                "政府采购工程支出%s、政府采购服务支出%s。授予中小企业合同金额%s",
                          c->year, money(c, t, v[0]), money(c, t, v[1]), money(c, t, v[2]),
                          money(c, t, v[3]), money(c, t, v[4])));
    const char *p1 = percent(c, v[4], v[0]);
    if (p1)
        say(&p, gk_doc_printf(c->d, "，占政府采购支出总额的%s", p1));
    say(&p, gk_doc_printf(c->d, "，其中：授予小微企业合同金额%s", money(c, t, v[5])));
    const char *p2 = percent(c, v[5], v[4]);
    if (p2)
        say(&p, gk_doc_printf(c->d, "，占授予中小企业合同金额的%s", p2));
    say(&p, "。");
    end(&p);
}

static void final_narrative(const ctx *c)
{
    final_totals(c);
    final_income(c);
    final_expense(c);
    final_fiscal(c);
    final_gpb(c);
    final_basic(c);
    fund(c, GK_TABLE_GOV_FUND, "七", "政府性基金预算", "政府性基金预算财政拨款收入支出决算表");
    fund(c, GK_TABLE_STATE_CAPITAL, "八", "国有资本经营预算",
         "国有资本经营预算财政拨款支出决算表");
    final_public3(c);
    final_office(c);
    procurement(c, "十一", GK_TABLE_PROCUREMENT);
    heading(c, 2, "十二、国有资产占用情况说明");
    given(c, "国有资产", gk_doc_printf(c->d, "截至%s年12月31日，本部门车辆及单价100万元（含）以上"
                                            "设备的占用情况【待填写】。",
                                      c->year));
    heading(c, 2, "十三、预算绩效管理情况说明");
    given(c, "预算绩效", "预算绩效管理工作开展情况及绩效自评结果【待填写】。");
}

/* ---- 预算 ---------------------------------------------------------------------- */

/* A coded table's 合计 row. */
static const gk_row *total_row(const gk_table *t)
{
    return label_row(t, "合计", GK_SIDE_NONE);
}

static void budget_totals(const ctx *c)
{
    const gk_table *s = table(c, GK_TABLE_BUDGET_SUMMARY);
    const gk_table *e = table(c, GK_TABLE_BUDGET_EXPENSE);
    heading(c, 2, "一、收支预算总体情况");
    if (!present(c, s, GK_TABLE_BUDGET_SUMMARY))
        return;
    gk_amount in;
    cell(s, label_row(s, "收入总计", GK_SIDE_INCOME), "金额", &in);
    /* The income side's own items (not their sub-rows, not the totals). */
    const char *names[16];
    gk_amount v[16];
    size_t n = 0;
    for (size_t i = 0; s && i < s->nrows && n < 16; i++) {
        const gk_row *row = &s->rows[i];
        if (row->side != GK_SIDE_INCOME || !row->label || strchr(row->label, '/') ||
            strstr(row->label, "总计") || strstr(row->label, "合计"))
            continue;
        names[n] = row->label;
        cell(s, row, "金额", &v[n++]);
    }
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。%s年"
                                "收入预算%s，",
                          c->year, money(c, s, in)));
    parts_of(&p, s, names, v, n, in);
    change(&p, "收支预算总计", "收支预算总计", s, in);
    end(&p);
    static const char *const COLS[] = {"基本支出", "项目支出"};
    gk_amount all, parts[2];
    cell(e, total_row(e), "合计", &all);
    for (size_t i = 0; i < 2; i++)
        cell(e, total_row(e), COLS[i], &parts[i]);
    if (!e)
        return;
    say(&p, gk_doc_printf(c->d, "%s年支出预算%s，", c->year, money(c, e, all)));
    parts_of(&p, e, COLS, parts, 2, all);
    end(&p);
}

static void budget_fiscal(const ctx *c)
{
    const gk_table *f = table(c, GK_TABLE_BUDGET_FISCAL_SUMMARY);
    heading(c, 2, "二、财政拨款收支预算情况");
    if (!present(c, f, GK_TABLE_BUDGET_FISCAL_SUMMARY))
        return;
    gk_amount in, out;
    cell(f, label_row(f, "收入总计", GK_SIDE_INCOME), "金额", &in);
    cell(f, label_row(f, "支出总计", GK_SIDE_EXPENSE), "合计", &out);
    static const char *const FUNDS[] = {"一般公共预算", "政府性基金", "国有资本经营"};
    static const char *const SAID[] = {"一般公共预算拨款", "政府性基金预算拨款",
                                       "国有资本经营预算拨款"};
    /* Each fund as the income rows say it and as the 支出总计 row's columns
     * do (blank: 0); only when they agree is the split stated — a source
     * whose two sides disagree gets no sentence that one side contradicts. */
    static const char *const SPENT[] = {"一般公共预算财政拨款", "政府性基金预算财政拨款",
                                        "国有资本经营预算财政拨款"};
    const gk_row *spent = label_row(f, "支出总计", GK_SIDE_EXPENSE);
    gk_amount v[3], w;
    bool agree = true;
    for (size_t i = 0; i < 3; i++) {
        cell(f, fund_row(f, FUNDS[i]), "金额", &v[i]);
        cell(f, spent, SPENT[i], &w);
        agree = agree && gk_amount_cmp(v[i], w) == 0;
    }
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年财政拨款收入预算%s，财政拨款支出预算%s。", c->year,
                          money(c, f, in), money(c, f, out)));
    if (agree)
        parts_of(&p, f, SAID, v, 3, in);
    change(&p, "财政拨款收支预算总计", "财政拨款收支预算总计", f, in);
    end(&p);
}

static void budget_gpb(const ctx *c)
{
    const gk_table *g = table(c, GK_TABLE_BUDGET_GPB_FUNCTION);
    heading(c, 2, "三、一般公共预算支出预算情况");
    if (!present(c, g, GK_TABLE_BUDGET_GPB_FUNCTION))
        return;
    heading(c, 3, "（一）一般公共预算当年拨款规模变化情况");
    gk_amount all, v[2];
    static const char *const NAMES[] = {"基本支出", "项目支出"};
    cell(g, total_row(g), "合计", &all);
    for (size_t i = 0; i < 2; i++)
        cell(g, total_row(g), NAMES[i], &v[i]);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年一般公共预算支出%s，", c->year, money(c, g, all)));
    parts_of(&p, g, NAMES, v, 2, all);
    change(&p, "一般公共预算支出", "一般公共预算支出", g, all);
    end(&p);
    chart(c, GK_CHART_PIE, gk_doc_printf(c->d, "%s年一般公共预算支出结构", c->year), g, NAMES, v,
          2, all);
    const gk_row *lei[64];
    size_t nl = g ? gk_table_code_children(g, "", 3, lei, 64) : 0;
    if (nl > 64)
        nl = 64;
    gk_amount lv[64] = {{0}};
    const char *ln[64] = {0};
    for (size_t i = 0; i < nl; i++) {
        cell(g, lei[i], "合计", &lv[i]);
        ln[i] = lei[i]->label ? lei[i]->label : lei[i]->code;
    }
    chart(c, GK_CHART_BAR, gk_doc_printf(c->d, "%s年一般公共预算支出按功能分类（类）", c->year), g,
          ln, lv, nl, all);

    heading(c, 3, "（二）一般公共预算支出按功能科目分类的明细情况");
    say(&p, gk_doc_printf(c->d, "%s年一般公共预算支出%s，其中：", c->year, money(c, g, all)));
    end(&p);
    size_t k = 0;
    for (size_t i = 0; i < nl; i++) {
        const gk_row *items[512];
        size_t m = gk_table_code_children(g, lei[i]->code, 7, items, 512);
        for (size_t j = 0; j < m && j < 512; j++) {
            gk_amount a;
            cell(g, items[j], "合计", &a);
            if (gk_amount_is_zero(a))
                continue;
            say(&p, gk_doc_printf(c->d, "（%zu）%s（%s）%s。", ++k,
                                  items[j]->label ? items[j]->label : items[j]->code,
                                  items[j]->code, money(c, g, a)));
            change(&p, "", items[j]->code, g, a);
            end(&p);
        }
    }
}

/* The sum of the 金额 (else 合计) cells of the economic 类 rows with the
 * given codes. */
static gk_amount economic_sum(const gk_table *t, const char *const *lei, size_t nlei)
{
    gk_amount sum = gk_amount_make(0, 2), a;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        for (size_t k = 0; row->code && k < nlei; k++)
            if (strcmp(row->code, lei[k]) == 0 &&
                (cell(t, row, "金额", &a) || cell(t, row, "合计", &a)))
                gk_amount_add(sum, a, &sum);
    }
    return sum;
}

static void budget_basic(const ctx *c)
{
    const gk_table *g = table(c, GK_TABLE_BUDGET_GPB_FUNCTION);
    const gk_table *t = table(c, GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC);
    heading(c, 2, "四、一般公共预算基本支出预算情况");
    if (!present(c, t, GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC))
        return;
    static const char *const STAFF[] = {"301", "303"};
    static const char *const OFFICE[] = {"302", "307", "309", "310", "399"};
    gk_amount basic, v[2];
    cell(g, total_row(g), "基本支出", &basic);
    v[0] = economic_sum(t, STAFF, 2);
    v[1] = economic_sum(t, OFFICE, 5);
    static const char *const NAMES[] = {"人员经费", "公用经费"};
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年一般公共预算基本支出%s，", c->year, money(c, g, basic)));
    if (!t) {
        say(&p, "人员经费和公用经费的构成【待填写】。");
        end(&p);
        return;
    }
    /* Shares of the 基本支出 as the economic table gives it, in its unit. */
    gk_amount whole;
    if (!gk_amount_add(v[0], v[1], &whole))
        whole = basic;
    parts_of(&p, t, NAMES, v, 2, whole);
    const char *si = basic_items(c, t, STAFF, 2), *oi = basic_items(c, t, OFFICE, 5);
    if (si)
        say(&p, gk_doc_printf(c->d, "人员经费主要包括：%s。", si));
    if (oi)
        say(&p, gk_doc_printf(c->d, "公用经费主要包括：%s。", oi));
    end(&p);
}

static void budget_fund(const ctx *c, gk_table_kind kind, const char *number, const char *fund_name)
{
    const gk_table *t = table(c, kind);
    heading(c, 2, gk_doc_printf(c->d, "%s、%s支出预算情况", number, fund_name));
    if (table_empty(t)) {
        sentence(c, gk_doc_printf(c->d, "%s年本部门无%s财政拨款安排的支出，%s为空表。", c->year,
                                  fund_name, t && t->title ? t->title : "该表"));
        return;
    }
    gk_amount a;
    cell(t, total_row(t), "合计", &a);
    sentence(c, gk_doc_printf(c->d, "%s年%s支出预算%s。", c->year, fund_name, money(c, t, a)));
}

static void budget_public3(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_BUDGET_THREE_PUBLIC);
    const gk_row *row = t && t->nrows ? &t->rows[0] : NULL;
    heading(c, 2, "七、\"三公\"经费预算情况");
    gk_amount total, v[5];
    cell(t, row, "合计", &total);
    static const char *const COLS[] = {"因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费",
                                       "公务用车运行维护费", "公务接待费"};
    for (size_t i = 0; i < 5; i++)
        cell(t, row, COLS[i], &v[i]);
    para p = {c, 0, 0, 0};
    say(&p, gk_doc_printf(c->d, "%s年\"三公\"经费预算数为%s。", c->year, money(c, t, total)));
    change(&p, "", "三公经费", t, total);
    say(&p, "其中：");
    end(&p);
    say(&p, gk_doc_printf(c->d, "（一）因公出国（境）费%s。", money(c, t, v[0])));
    change(&p, "", COLS[0], t, v[0]);
    end(&p);
    say(&p, gk_doc_printf(c->d, "（二）公务用车购置及运行费%s。其中：公务用车购置费%s，", money(c, t, v[1]),
                          money(c, t, v[2])));
    change(&p, "", COLS[2], t, v[2]);
    say(&p, gk_doc_printf(c->d, "公务用车运行费%s，", money(c, t, v[3])));
    change(&p, "", COLS[3], t, v[3]);
    end(&p);
    say(&p, gk_doc_printf(c->d, "（三）公务接待费%s。", money(c, t, v[4])));
    change(&p, "", COLS[4], t, v[4]);
    end(&p);
}

static void budget_office(const ctx *c)
{
    const gk_table *t = table(c, GK_TABLE_BUDGET_THREE_PUBLIC);
    const gk_row *row = t && t->nrows ? &t->rows[0] : NULL;
    heading(c, 2, "八、机关运行经费预算情况");
    gk_amount a;
    para p = {c, 0, 0, 0};
    if (!cell(t, row, "机关运行经费", &a)) {
        sentence(c, gk_doc_printf(c->d, "%s年本部门机关运行经费预算【待填写】。", c->year));
        return;
    }
    say(&p, gk_doc_printf(c->d, "%s年本部门机关运行经费预算为%s。", c->year, money(c, t, a)));
    change(&p, "", "机关运行经费", t, a);
    end(&p);
}

static void budget_narrative(const ctx *c)
{
    budget_totals(c);
    budget_fiscal(c);
    budget_gpb(c);
    budget_basic(c);
    budget_fund(c, GK_TABLE_BUDGET_GOV_FUND, "五", "政府性基金预算");
    budget_fund(c, GK_TABLE_BUDGET_STATE_CAPITAL, "六", "国有资本经营预算");
    budget_public3(c);
    budget_office(c);
    heading(c, 2, "九、政府采购预算情况");
    given(c, "政府采购", gk_doc_printf(c->d, "%s年本部门政府采购预算及面向中小企业预留情况【待填写】。",
                                     c->year));
    heading(c, 2, "十、预算绩效目标设置情况");
    given(c, "绩效目标", "项目支出绩效目标编报情况【待填写】。");
    heading(c, 2, "十一、国有资产占用情况");
    given(c, "国有资产", "车辆及单价100万元（含）以上设备的占用和购置情况【待填写】。");
}

void gk_compose_narrative(gk_doc *d, const gk_report *r)
{
    ctx c = {d, r, r->year ? gk_doc_printf(d, "%d", r->year) : "【待填写：年度】",
             d->kind == GK_DOC_BUDGET};
    if (c.budget)
        budget_narrative(&c);
    else
        final_narrative(&c);
}
