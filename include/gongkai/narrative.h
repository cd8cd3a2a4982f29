/*
 * gongkai/narrative.h — the claims a narrative (情况说明) makes.
 *
 * The narrative restates table figures in prose: amounts, shares, changes on
 * the previous year, completion of the budget, comparisons.  Extraction
 * turns the report's paragraphs into
 *
 *   figures  every number with a unit ("464.03万元", "16.43%", "6批次"), what
 *            it is said of (its subject, "本年支出合计"), and its role (a
 *            value, a budget, a change, a rate, a share, a completion rate);
 *   claims   the relations the prose asserts between figures: a change and
 *            its growth rate, a part and its share of a whole, an actual and
 *            its completion rate, "决算数大于预算数".
 *
 * Extraction knows nothing about tables; rules bind figures to table cells
 * (data/narrative/subjects.txt) and verify every claim (docs/rules.md, NAR*).
 * It works on any reader's paragraphs: prose wrapped over lines and pages is
 * joined, full-width forms and spaces from extraction are normalised away.
 */
#ifndef GONGKAI_NARRATIVE_H
#define GONGKAI_NARRATIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/amount.h"
#include "gongkai/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gk_figure_kind {
    GK_FIG_MONEY = 0,   /* 元 / 万元 / 亿元 */
    GK_FIG_PERCENT,     /* "16.43%" (or a share printed without its "%") */
    GK_FIG_COUNT        /* 个, 人次, 辆, 批次, 分 … */
} gk_figure_kind;

typedef enum gk_figure_role {
    GK_ROLE_VALUE = 0,    /* "本年收入合计451.53万元" */
    GK_ROLE_BUDGET,       /* "年初预算为13.92万元", "预算为4.20万元" */
    GK_ROLE_ACTUAL,       /* "支出决算为14.36万元" */
    GK_ROLE_CHANGE,       /* "增加65.47万元" (dir +1), "减少0.26万元" (dir −1) */
    GK_ROLE_RATE,         /* "增长16.43%" (dir +1), "下降8.97%" (dir −1) */
    GK_ROLE_SHARE,        /* "占40.56%" */
    GK_ROLE_COMPLETION,   /* "完成年初预算的104.63%", "执行率82.24%" */
    GK_ROLE_PREVIOUS,     /* the previous year's amount: "较上年164.92万元" */
    GK_ROLE_OTHER         /* a count, or a percentage of nothing known */
} gk_figure_role;

typedef struct gk_figure {
    gk_figure_kind kind;
    gk_figure_role role;
    int dir;                /* +1 / −1 for changes and rates, else 0 */
    gk_amount value;        /* as printed (a percentage: the number before %) */
    gk_unit unit;           /* money only */
    bool unit_missing;      /* money or share printed without its unit / "%" */
    bool both_ways;         /* the template's choice left in: "下降（增长）27.78%";
                               dir is the word outside the brackets */
    bool threshold;         /* a bound, not an amount: "单价100万元以上",
                               "费用不超过50万元" (role OTHER; binds nothing) */
    const char *text;       /* the figure as printed in the normalised prose */
    const char *role_word;  /* the words giving its role, as printed ("年初预算为",
                               "完成全年预算数的"); "" for a value */
    const char *subject;    /* what it is said of, normalised ("本年支出合计",
                               "行政事业单位医疗(款)行政单位医疗(项)"); "" if unknown */
    const char *whole;      /* shares: the whole named by "占…的", else NULL */
    const char *section;    /* the heading of its section, or NULL */
    const char *section_key;/* that heading normalised, numbering dropped
                               ("收入决算情况说明"); "" without a heading */
    gk_pos pos;             /* the line it stands on */
    int sentence;           /* sentence number, counted over the document */
    int block;              /* item/subsection number: a block starts at each
                               numbered item ("（1）", "1、") or heading */
} gk_figure;

typedef enum gk_claim_kind {
    GK_CLAIM_CHANGE = 0,  /* a current, b change, p rate (may be −1): dir; or b
                             the earlier year's 执行数 (role actual) when the
                             prose states no change ("执行数为A…预算安排B…增加P%") */
    GK_CLAIM_SHARE,       /* a part, b whole, p share */
    GK_CLAIM_COMPLETION,  /* a actual, b budget (−1: the table's), p rate */
    GK_CLAIM_COMPARE,     /* a actual, b budget; dir: the word said */
    GK_CLAIM_FLAT,        /* "与上年持平": a current, b change (may be −1), or b the
                             earlier year's 执行数 ("…比上年执行数持平") */
    GK_CLAIM_PARTS,       /* a whole, parts[0..nparts): "其中：…" sums */
    GK_CLAIM_DIFF,        /* a current, b change, p previous: a − p = ±b */
    GK_CLAIM_WITHIN,      /* a whole, parts after its "其中": Σ parts ≤ a (= a
                             for funding by level: 中央/省级/市级/县级) */
    GK_CLAIM_SUM,         /* a "合计", parts listed before it: Σ parts = a */
    GK_CLAIM_BALANCE,     /* a 当年结余, b 收入, p 支出: a = b − p */
    GK_CLAIM_ROLLOVER     /* a 滚存结余, b 上年末, p 当年结余: a = b + p */
} gk_claim_kind;

typedef struct gk_claim {
    gk_claim_kind kind;
    int a, b, p;          /* figure indexes, −1 when absent */
    int alt;              /* where the prose is ambiguous, another figure it
                             may mean as `a` (the total before a "其中" list
                             rather than the last part); a completion: the
                             budget of the other kind (全年 for a rate "of
                             the 年初 budget") the sentence also states; −1 */
    int dir;              /* change/flat: +1 增 / −1 减 / 0 持平;
                             compare: +1 大于, −1 小于, 0 等于 */
    const char *word;     /* compare: the words as printed ("决算数大于预算数") */
    const char *section;
    gk_pos pos;           /* of the sentence's relation word */
    int *parts;           /* GK_CLAIM_PARTS: figure indexes */
    int nparts;
} gk_claim;

typedef struct gk_narrative {
    gk_figure *figures;
    int nfigures;
    gk_claim *claims;
    int nclaims;
    /* Statements that a fund has nothing ("本部门没有使用政府性基金预算财政
     * 拨款…"), for the empty-table rule. */
    struct gk_none_statement {
        const char *section;
        const char *fund;   /* "政府性基金" or "国有资本经营" */
        gk_pos pos;
    } *nones;
    int nnones;
    /* "人员经费140.20万元，主要包括：基本工资、津贴补贴…": the names listed
     * for a figure. */
    struct gk_item_list {
        int figure;          /* the amount whose items they are */
        const char **names;
        int nnames;
        gk_pos pos;
    } *lists;
    int nlists;
    /* "（项）。主要用于：事业单位医疗保险支出。": what an item (类/款/项) is
     * said to be spent on. */
    struct gk_purpose {
        const char *item;    /* the item's subject, "…(款)住房公积金(项)" */
        const char *text;    /* the words after "主要用于" */
        gk_pos pos;
    } *purposes;
    int npurposes;
} gk_narrative;

/* Extract the figures and claims of r's narrative.  Everything lives in the
 * report's arena; the result is valid while r is. */
void gk_narrative_extract(gk_report *r, gk_narrative *out);

/* The normalisation figures' subjects went through: NFKC (half-width
 * brackets and digits), no spaces, quotes or leading Markdown bullets, and
 * a '\n' after each sentence end.  Returns a malloc'd string (free it) and
 * its length in *len; NULL for text that is not UTF-8. */
char *gk_prose_normalise(const char *text, size_t *len);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_NARRATIVE_H */
