/*
 * test_rules.c — the audit formulas: the language, the examples (clean: no
 * finding; faulty: the planted table mistakes at their lines), the real
 * mistakes of ../shared/corpus/INDEX.md, and a perturbation test — every
 * table amount that takes part in an identity, moved by 0.37, must give an
 * error located at that cell.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai.h"
#include "findings_helpers.h"
#include "../../src/rules/formula.h"

static size_t count(const gk_findings *f, gk_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += f->items[i].severity == sev;
    return n;
}

static void test_language(void **state)
{
    (void)state;
    gk_formulas fs = {0};
    gk_error err;
    const char good[] = "# comment\n\n[T1] error 说明\nexpense[*].本年支出合计 = expense[*].基本支出 + "
                        "expense[*].项目支出\n\n[T2] warning 说明二\nsummary[支出:\"总计\"].金额 >= "
                        "SUM summary[类].金额\n[T3] info 树\nTREE expense.基本支出 expense.项目支出\n";
    assert_true(gk_formulas_parse(&fs, "t.rules", good, sizeof good - 1, &err));
    assert_int_equal(fs.n, 3);
    assert_string_equal(fs.items[0].id, "T1");
    assert_int_equal(fs.items[0].nrhs, 2);
    assert_int_equal(fs.items[1].rel, GK_REL_GE);
    assert_true(fs.items[1].rhs[0].all);
    assert_int_equal(fs.items[1].lhs[0].side, GK_SIDE_EXPENSE);
    assert_true(fs.items[2].tree);
    assert_int_equal(fs.items[2].nlhs, 2);
    assert_int_equal(fs.items[0].when, 0);
    assert_false(fs.items[1].lhs[0].optional);
    gk_formulas_free(&fs);
    /* ["label"?]: a row the table may lack. */
    const char optional[] = "[T5] error 结转\nsummary[支出:\"总计\"].金额 = "
                            "summary[支出:\"本年支出合计\"].金额 + summary[支出:\"结转\"?].金额\n";
    assert_true(gk_formulas_parse(&fs, "t.rules", optional, sizeof optional - 1, &err));
    assert_false(fs.items[0].rhs[0].optional);
    assert_true(fs.items[0].rhs[1].optional);
    gk_formulas_free(&fs);
    /* WHEN limits a rule to documents of a kind. */
    const char when[] = "[T4] warning 条件\nWHEN 单位 行政单位\nexpense[*].基本支出 = expense[*].项目支出\n";
    assert_true(gk_formulas_parse(&fs, "t.rules", when, sizeof when - 1, &err));
    assert_int_equal(fs.n, 1);
    assert_int_equal(fs.items[0].when, GK_WHEN_UNIT | GK_WHEN_ADMIN);
    assert_int_equal(fs.items[0].nrhs, 1);
    gk_formulas_free(&fs);

    static const char *const bad[][2] = {
        {"T1 error x\nexpense[*].a = expense[*].b\n", "规则应以 [编号] 开头"},
        {"[T1] fatal x\nexpense[*].a = expense[*].b\n", "级别应为 error、warning 或 info"},
        {"[T1] error x\nbogus[*].a = expense[*].b\n", "未知的表类型"},
        {"[T1] error x\nexpense[*].a expense[*].b\n", "应为 =、<= 或 >="},
        {"[T1] error x\nexpense[?].a = expense[*].b\n", "行应为 *、类、科目代码或 \"标签\""},
        {"[T1] error x\nexpense[\"合计].a = expense[*].b\n", "标签缺少结束引号"},
        {"[T1] error x\nSUM expense[*].a = expense[*].b\n", "SUM 只能用于 [类]"},
        {"[T1] error x\n", "缺少公式"},
        {"[T1] error x\nWHEN 事业\nexpense[*].a = expense[*].b\n", "WHEN 后的条件应为"},
        {"[T1] error x\nWHEN \nexpense[*].a = expense[*].b\n", "WHEN 后应为条件"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        gk_formulas f2 = {0};
        assert_false(gk_formulas_parse(&f2, "bad.rules", bad[i][0], strlen(bad[i][0]), &err));
        if (!strstr(err.message, bad[i][1]))
            fail_msg("'%s': %s (want %s)", bad[i][0], err.message, bad[i][1]);
        assert_true(err.line >= 1 && err.line <= 2);
        gk_formulas_free(&f2);
    }
    /* The built-in rules load and are listed. */
    size_t n;
    const gk_rule_info *rules = gk_rules(&n);
    assert_true(n > 40);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(rules[i].id, "XT003") == 0;
    assert_true(found);
}

static void test_examples(void **state)
{
    (void)state;
    gk_report *r = read_path(GK_SOURCE_DIR "/examples/final-2024.txt");
    gk_findings f;
    gk_check(r, &f);
    if (f.n)
        fail_msg("consistent example: %s", f.items[0].message);
    gk_report_free(r);

    /* Without its 名词解释 the document lacks a required part (COMP002);
     * a 部门决算 table titled 单位… is the other template's (DOC005). */
    r = read_path(GK_SOURCE_DIR "/examples/final-2024.txt");
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (strstr(r->paragraphs[i].text, "名词解释"))
            r->paragraphs[i].text = "（删去）";
    gk_table *t1 = (gk_table *)gk_report_find_table(r, GK_TABLE_EXPENSE);
    t1->title = "单位支出决算表";
    gk_check(r, &f);
    assert_true(has_finding(&f, "COMP002", GK_ERROR, r->tables[0].pos.line));
    assert_true(has_finding(&f, "DOC005", GK_WARNING, t1->pos.line));
    assert_int_equal(f.n, 2);
    gk_report_free(r);

    r = read_path(GK_SOURCE_DIR "/examples/final-2024-faulty.txt");
    gk_check(r, &f);
    /* 21011 本年支出合计 10.29 → 10.2 (line 144), 301 138.04 → 139.04 (223). */
    assert_true(has_finding(&f, "EXP002", GK_ERROR, 144));
    assert_true(has_finding(&f, "BAS003", GK_ERROR, 223));
    /* 301's 139.04 also breaks 人员经费合计 = 工资福利支出 + 对个人和家庭的
     * 补助 (line 251): one mistake, one finding, on the cell. */
    assert_true(has_finding(&f, "BAS001", GK_ERROR, 223));
    assert_false(has_finding(&f, NULL, GK_ERROR, 251));
    for (size_t i = 0; i < f.n; i++)
        if (f.items[i].locs[0].pos.line == 223)
            assert_non_null(strstr(f.items[i].message, "使 2 个平衡关系不成立（BAS001、BAS003），改为 138.04 则均成立"));
    for (size_t i = 0; i < f.n; i++)        /* the lost digit is said, and the fix */
        if (f.items[i].locs[0].pos.line == 144) {
            assert_non_null(strstr(f.items[i].message, "改为 10.29 则均成立"));
            assert_non_null(strstr(f.items[i].message, "疑为提取或录入时丢失末位数字"));
            assert_string_equal(f.items[i].expected, "10.29");
        }
    /* The document-level plants: 国有资本经营 note naming 政府性基金, a
     * 2023年度 heading, "。。", "XX局". */
    assert_true(has_finding(&f, "FUND001", GK_ERROR, 269));
    assert_true(has_finding(&f, "DOC003", GK_ERROR, 338));
    assert_true(has_finding(&f, "DOC002", GK_INFO, 425));
    assert_true(has_finding(&f, "DOC001", GK_WARNING, 433));
    assert_int_equal(count(&f, GK_WARNING), 1);
    gk_report_free(r);

    /* The budget example holds every budget.rules identity … */
    r = read_path(GK_SOURCE_DIR "/examples/budget-2025.txt");
    gk_check(r, &f);
    if (f.n)
        fail_msg("budget example: %s", f.items[0].message);
    /* … and breaks them where a figure moves: the 三公 合计 (line 208). */
    gk_table *t3 = (gk_table *)gk_report_find_table(r, GK_TABLE_BUDGET_THREE_PUBLIC);
    gk_cell *c = (gk_cell *)gk_row_get(&t3->rows[0], "合计");
    c->value.v += 100;
    gk_check(r, &f);
    assert_true(has_finding(&f, "BUD026", GK_ERROR, 208));
    gk_report_free(r);
}

/* A file read with up to two strings replaced (each must occur). */
static char *file_edited(const char *path, size_t *outlen, const char *from, const char *to,
                         const char *from2, const char *to2)
{
    gk_error err;
    size_t len;
    char *data = gk_load_file(path, &len, &err);
    assert_non_null(data);
    const char *edits[2][2] = {{from, to}, {from2, to2}};
    for (int e = 0; e < 2; e++) {
        if (!edits[e][0])
            continue;
        char *at = strstr(data, edits[e][0]);
        assert_non_null(at);
        size_t n = strlen(edits[e][0]), m = strlen(edits[e][1]);
        char *out = malloc(len - n + m + 1);
        assert_non_null(out);
        memcpy(out, data, (size_t)(at - data));
        memcpy(out + (at - data), edits[e][1], m);
        memcpy(out + (at - data) + m, at + n, len - (size_t)(at - data) - n + 1);
        len = len - n + m;
        free(data);
        data = out;
    }
    *outlen = len;
    return data;
}

/* The 决算 example with up to two strings replaced. */
static char *example_edited(const char *from, const char *to, const char *from2, const char *to2)
{
    size_t len;
    return file_edited(GK_SOURCE_DIR "/examples/final-2024.txt", &len, from, to, from2, to2);
}

static size_t count_rule(const gk_findings *f, const char *rule, gk_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += gk_finding_is(&f->items[i], rule) && f->items[i].severity == sev;
    return n;
}

/* A 收支总表 whose 支出 side is 基本支出 / 项目支出 lists no 类: BUD003
 * (本年支出合计 = Σ 类) has nothing to add up, and is not evaluated — not
 * "（空），合计 0". */
static void test_sum_of_no_classes(void **state)
{
    (void)state;
    static const char DOC[] = "示例局2026年部门预算公开\n\n# 2026年部门收支总体情况表\n\n单位：万元\n\n"
                              "收入\t\t支出\t\n项目\t本年预算\t项目\t本年预算\n"
                              "一、本级财政拨款收入\t656.73\t一、基本支出\t386.73\n"
                              "二、事业收入\t\t二、项目支出\t270.00\n"
                              "本年收入合计\t656.73\t本年支出合计\t656.73\n"
                              "收入总计\t656.73\t支出总计\t656.73\n";
    gk_error err;
    gk_report *r = gk_read(DOC, strlen(DOC), "summary", &err);
    assert_non_null(r);
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD003", GK_ERROR), 0);
    assert_int_equal(count_rule(&f, "BUD001", GK_ERROR), 0);
    gk_report_free(r);
}

/* COMP003: an empty table says why, under itself or in the 情况说明; a
 * table emptied while the text states an amount for it is an error. */
static void test_empty_tables(void **state)
{
    (void)state;
    static const char NOTE[] =
        "注：示例县医疗保障局2024年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。";
    static const char TEXT[] =
        "2024年度，本部门没有使用政府性基金预算财政拨款安排的支出，政府性基金预算财政拨款收入支出决算表为空表。";
    struct {
        const char *text;           /* what the 情况说明 says instead (NULL: as is) */
        gk_severity sev;
        size_t n;
    } cases[] = {
        {NULL, GK_WARNING, 0},      /* the note is gone, but the text explains */
        {"2024年度，本部门政府性基金预算财政拨款支出0.80万元。", GK_ERROR, 1},
        {"2024年度，本部门政府性基金预算财政拨款收支情况见下表。", GK_WARNING, 1},
        /* An amount binds to its own clause: the 一般公共预算's is not the
         * fund's, whose clause says 0 (an explanation); a change is not the
         * year's amount. */
        {"2024年度，本部门一般公共预算财政拨款支出300.00万元；政府性基金预算财政拨款支出为0。",
         GK_WARNING, 0},
        {"2024年度，涉及一般公共预算拨款300.00万元，政府性基金预算拨款0万元。", GK_WARNING, 0},
        {"2024年度，本部门一般公共预算财政拨款支出300.00万元，政府性基金预算财政拨款收支见下表。",
         GK_WARNING, 1},
        {"2024年度，本部门政府性基金预算财政拨款支出比上年减少0.80万元。", GK_WARNING, 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char *doc = example_edited(NOTE, "", cases[c].text ? TEXT : NULL,
                                   cases[c].text ? cases[c].text : NULL);
        gk_error err;
        gk_report *r = gk_read(doc, strlen(doc), "edited", &err);
        assert_non_null(r);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "COMP003", GK_ERROR) + count_rule(&f, "COMP003", GK_WARNING),
                         cases[c].n);
        assert_int_equal(count_rule(&f, "COMP003", cases[c].sev), cases[c].n);
        gk_report_free(r);
        free(doc);
    }
}

/* Do two texts read the same, white space aside? */
static bool same_words(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (*a != *b)
            return false;
        if (!*a)
            return true;
    }
}

/* A row of `t` with the key (code, else label, and side) of `w`. */
static const gk_row *same_row(const gk_table *t, const gk_row *w)
{
    return w->code ? gk_table_find_code(t, w->code, w->side) : gk_table_find_label(t, w->label, w->side);
}

/* A corpus PDF read against the report written by hand from its pages
 * (tests/expected/pdf/): every table in order, of the right kind and unit,
 * every row on its page with its label, every non-empty cell, and nothing
 * more (no row, no cell the page does not print).  Prints the share of
 * cells read right; fails on any difference. */
static void expect_pdf_tables(const char *doc, const char *expected)
{
    gk_report *got = read_path(doc), *want = read_path(expected);
    int cells = 0, right = 0, wrong = 0;
    if (got->ntables != want->ntables)
        fail_msg("%s: %zu tables, %zu expected", doc, got->ntables, want->ntables);
    for (size_t t = 0; t < want->ntables; t++) {
        const gk_table *wt = &want->tables[t], *gt = &got->tables[t];
        const char *kind = gk_table_kind_name(wt->kind);
        if (gt->kind != wt->kind)
            fail_msg("%s: table %zu is %s, %s expected", doc, t + 1, gk_table_kind_name(gt->kind), kind);
        if (gt->unit != wt->unit || gt->pos.page != wt->pos.page ||
            (wt->empty_note && (!gt->empty_note || !same_words(gt->empty_note, wt->empty_note)))) {
            print_message("%s: unit, page or note differs\n", kind);
            wrong++;
        }
        for (size_t i = 0; i < wt->nrows; i++) {
            const gk_row *wr = &wt->rows[i], *gr = same_row(gt, wr);
            cells += (int)wr->ncells;
            if (!gr) {
                print_message("%s: no row %s\n", kind, wr->code ? wr->code : wr->label);
                wrong++;
                continue;
            }
            if (gr->pos.page != wr->pos.page || strcmp(gr->label ? gr->label : "", wr->label) != 0) {
                print_message("%s %s: page %d label %s, expected page %d label %s\n", kind,
                              wr->code ? wr->code : wr->label, gr->pos.page, gr->label,
                              wr->pos.page, wr->label);
                wrong++;
            }
            for (size_t k = 0; k < wr->ncells; k++) {
                const gk_cell *w = &wr->cells[k], *g = gk_row_get(gr, w->column);
                if (g && !g->text && gk_amount_cmp(g->value, w->value) == 0 &&
                    g->value.scale == w->value.scale) {
                    right++;
                    continue;
                }
                char a[GK_AMOUNT_BUFSIZE], b[GK_AMOUNT_BUFSIZE];
                print_message("%s %s %s: %s, expected %s\n", kind, wr->code ? wr->code : wr->label,
                              w->column, g ? gk_amount_format(g->value, a) : "blank",
                              gk_amount_format(w->value, b));
            }
            for (size_t k = 0; k < gr->ncells; k++)
                if (!gk_row_get(wr, gr->cells[k].column)) {
                    print_message("%s %s: a cell %s the page does not print\n", kind,
                                  wr->code ? wr->code : wr->label, gr->cells[k].column);
                    wrong++;
                }
        }
        for (size_t i = 0; i < gt->nrows; i++)
            if (!same_row(wt, &gt->rows[i])) {
                print_message("%s: a row %s the page does not print\n", kind,
                              gt->rows[i].code ? gt->rows[i].code : gt->rows[i].label);
                wrong++;
            }
    }
    print_message("%s: %d of %d cells right\n", strrchr(doc, '/') + 1, right, cells);
    assert_int_equal(right, cells);
    assert_int_equal(wrong, 0);
    gk_report_free(got);
    gk_report_free(want);
}

/* No error or warning of the table rules (reading mistakes show there). */
static size_t table_rule_findings(const gk_findings *f)
{
    static const char *const PREFIXES[] = {"SUM", "INC", "EXP", "FIS", "GPB", "BAS", "XT", "PUB",
                                           "CLS", "READ", "COMP", "BUD", NULL};
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        for (const char *const *p = PREFIXES; *p; p++)
            if (strncmp(f->items[i].rule, *p, strlen(*p)) == 0 && f->items[i].severity != GK_INFO) {
                print_message("%s %s\n", f->items[i].rule, f->items[i].message);
                n++;
            }
    return n;
}

static void test_corpus_pdf(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    gk_findings f;
    /* The seeded copy of 财政局's 决算: "XX局", the 支出决算表 page removed,
     * "2023年度" in the 第三部分 title and in a 截至 date, 说明一's 收入支出总计 0, three flipped
     * 大于/等于, "。。". */
    gk_report *r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-finance-2024-final-seeded-errors.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "DOC001", GK_WARNING, 7, 1));
    assert_true(has_finding(&f, "COMP001", GK_ERROR, 2));
    assert_true(has_finding_on(&f, "DOC003", GK_ERROR, 18, 1));
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 18, 3));
    assert_true(has_finding_on(&f, "NAR005", GK_ERROR, 19, 17));
    assert_true(has_finding_on(&f, "NAR005", GK_ERROR, 20, 22));
    assert_true(has_finding_on(&f, "NAR005", GK_ERROR, 21, 6));
    assert_true(has_finding_on(&f, "DOC002", GK_INFO, 25, 4));
    /* The 三公 table emptied while 说明七 says 年初预算 0.95万元. */
    assert_true(has_finding_on(&f, "COMP003", GK_ERROR, 15, 1));
    /* "截至 2023年 12 月 31 日" (spaced as the PDF prints it). */
    assert_true(has_finding_on(&f, "DOC003", GK_ERROR, 24, 2));
    /* Findings carry the line's box on the page. */
    assert_true(f.items[0].locs[0].pos.has_box);
    gk_report_free(r);
    /* The original: 说明四's 财政拨款收入支出总计 0.3万元 against 2,961.68.  Its
     * tables read from where their characters stand (figures at the top of
     * tall rows, wrapped names, 类/款/项 columns, side-by-side 基本支出
     * groups, a two-sided 财政拨款 table over two pages): no table rule
     * fires beyond rounding — once BAS003 (301 and 302 of the 基本支出表),
     * FIS004, XT004 — and the narrative's 人员经费/公用经费 agree with the
     * 基本支出表 (once NAR001). */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-finance-2024-final.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 21, 14));
    assert_int_equal(count_rule(&f, "NAR001", GK_ERROR) + count_rule(&f, "NAR001", GK_WARNING), 1);
    /* 说明五: 一般公共服务支出 2106.66 of 2940.05 is 71.65%, printed 71.73% (the four
     * shares printed sum to 100.07%). */
    assert_true(has_finding_on(&f, "NAR003", GK_ERROR, 21, 25));
    assert_int_equal(table_rule_findings(&f), 0);
    /* Rounding only: 社会保障和就业 326.71 (summary tables) vs 326.72 (code tables). */
    assert_true(has_finding_on(&f, "XT003", GK_INFO, 6, 13));
    assert_true(has_finding_on(&f, "BAS003", GK_INFO, 16, 5));
    /* A cell's finding carries the cell's own box: 326.71 in the summary. */
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, "XT003") == 0) {
            const gk_pos *pos = &f.items[i].locs[0].pos;
            assert_true(pos->has_box);
            assert_true(pos->box[2] - pos->box[0] < 60);   /* a cell, not the line */
        }
    gk_report_free(r);
    expect_pdf_tables(GK_SHARED_DIR "/corpus/sh-putuo-finance-2024-final.pdf",
                      GK_SOURCE_DIR "/tests/expected/pdf/sh-putuo-finance-2024-final.json");
    expect_pdf_tables(GK_SHARED_DIR "/corpus/sh-putuo-commerce-2025-dept-budget.pdf",
                      GK_SOURCE_DIR "/tests/expected/pdf/sh-putuo-commerce-2025-dept-budget.json");
    expect_pdf_tables(GK_SHARED_DIR "/corpus/sh-putuo-wanli-2025-budget.pdf",
                      GK_SOURCE_DIR "/tests/expected/pdf/sh-putuo-wanli-2025-budget.json");
    /* The budgets' tables: no table rule fires beyond rounding either. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-commerce-2025-dept-budget.pdf");
    gk_check(r, &f);
    assert_int_equal(table_rule_findings(&f), 0);
    /* Pages 24–26: "项目总预算1170.00万，其中…，合计1170.00万": the 合计 sums the
     * parts, it is none of them ("支持商销稳增长30.00万" is a part too). */
    assert_int_equal(count_rule(&f, "NAR014", GK_ERROR) + count_rule(&f, "NAR014", GK_INFO), 0);
    gk_report_free(r);
    /* 社会工作部: 机关运行经费 "增长100.00%" from nothing. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-socialwork-2024-final.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "NAR006", GK_ERROR, 21, 19));
    /* "年初预算为0万元，全年预算为321.02万元…完成年初预算的95.89%" (307.82 ÷ 321.02);
     * 住房公积金（项）"主要用于：事业单位医疗保险支出". */
    assert_true(has_finding_on(&f, "NAR004", GK_ERROR, 18, 10));
    assert_true(has_finding_on(&f, "NAR018", GK_WARNING, 20, 3));
    assert_int_equal(count_rule(&f, "NAR018", GK_WARNING), 1);
    gk_report_free(r);
    /* 规划和自然资源局: the tables' part is headed "上海市规划和自然资源局
     * 2024 年度部门决算表" (the 区 left out); its empty fund tables say so
     * under themselves, after the template's instruction. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-planning-2024-final.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "DOC004", GK_WARNING, 7, 1));
    assert_int_equal(count_rule(&f, "COMP003", GK_WARNING) + count_rule(&f, "COMP003", GK_ERROR), 0);
    /* 说明六 states the 支出决算表's 基本支出 5377.64 (all funds) as 一般公共预算
     * 财政拨款基本支出; the 一般公共预算 tables have 5364.75 and 人员经费 4884.09
     * (the prose's 4896.98 + 公用 480.66 = 5377.64). */
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 24, 14));
    assert_true(has_finding_on(&f, "NAR001", GK_ERROR, 24, 15));
    bool all_funds = false;
    for (size_t i = 0; i < f.n; i++)
        all_funds |= strcmp(f.items[i].rule, "NAR001") == 0 && f.items[i].locs[0].pos.line == 14 &&
                     strstr(f.items[i].message, "支出决算表（全部资金）的基本支出") != NULL;
    assert_true(all_funds);
    /* "减少0.15万元，下降（增长）27.78%": the template's choice left in, the
     * direction itself right; "较年初完成92%" is 规划服务's, not the total's. */
    assert_true(has_finding_on(&f, "NAR009", GK_WARNING, 25, 12));
    assert_int_equal(count_rule(&f, "NAR009", GK_ERROR), 0);
    assert_int_equal(count_rule(&f, "NAR004", GK_ERROR), 0);
    /* 说明五: "增加1193.20万元，增长13.95。" without "%" (the rate itself right:
     * 1193.20 ÷ 8553.30). */
    assert_true(has_finding_on(&f, "NAR011", GK_WARNING, 21, 4));
    assert_int_equal(count_rule(&f, "NAR002", GK_ERROR), 0);
    gk_report_free(r);
}

/* Every corpus PDF: the document's unit name and kind, and its tables in
 * order with their kinds and amount units (元 in a budget's tables, 万元 in
 * its 三公 table); no phantom tables (the cover, 目录 and narrative make none). */
/* Classification in the budget PDFs.  社会福利院's 2024 单位预算: the
 * summary tables (pp. 7, 10) name 210 医疗卫生与计划生育支出, the name before
 * 2019, where the code tables say 卫生健康支出 — real, one CLS003 per table,
 * and the right tables are not blamed (no CLS005).  Pages 9 and 11 print
 * "7 11 02" for 2101102 事业单位医疗: one CLS002 each naming 2101102, no
 * CLS004.  Page 14 follows the 上海 部门预算经济分类 (30204 电费 …): one
 * CLS006 note for the table, not twelve CLS003. */
static void test_corpus_budget_classification(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    gk_findings f;
    gk_report *r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-welfarehome-2024-unit-budget.pdf");
    gk_check(r, &f);
    assert_true(has_finding_on(&f, "CLS003", GK_WARNING, 7, 8));
    assert_true(has_finding_on(&f, "CLS003", GK_WARNING, 10, 7));
    assert_int_equal(count_rule(&f, "CLS003", GK_WARNING) + count_rule(&f, "CLS003", GK_INFO), 2);
    assert_int_equal(count_rule(&f, "CLS005", GK_WARNING), 0);
    assert_true(has_finding_on(&f, "CLS002", GK_WARNING, 9, 16));
    assert_true(has_finding_on(&f, "CLS002", GK_WARNING, 11, 16));
    assert_int_equal(count_rule(&f, "CLS002", GK_WARNING), 2);
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, "CLS002") == 0)
            assert_non_null(strstr(f.items[i].message, "应为 2101102"));
    assert_int_equal(count_rule(&f, "CLS004", GK_INFO), 0);
    assert_true(has_finding_on(&f, "CLS006", GK_INFO, 14, 1));
    assert_int_equal(count_rule(&f, "CLS006", GK_INFO), 1);
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, "CLS006") == 0)
            assert_non_null(strstr(f.items[i].message, "有 12 个科目名称"));
    gk_report_free(r);
    /* The other budgets print the national names: nothing. */
    static const char *const CLEAN[] = {"sh-putuo-wanli-2023-budget.pdf", "sh-putuo-wanli-2025-budget.pdf",
                                        "sh-putuo-govoffice-2025-dept-budget.pdf",
                                        "sh-putuo-commerce-2025-unit-budget.pdf", NULL};
    for (const char *const *d = CLEAN; *d; d++) {
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, *d);
        r = read_path(path);
        gk_check(r, &f);
        for (size_t i = 0; i < f.n; i++)
            if (strncmp(f.items[i].rule, "CLS", 3) == 0)
                fail_msg("%s: %s %s", *d, f.items[i].rule, f.items[i].message);
        gk_report_free(r);
    }
    /* A slip or two per table stays one CLS003 per name: 石泉路 prints
     * 20805 行政事业单位离退休 and 2111101 减排专项支出 in three tables each. */
    r = read_path(GK_SHARED_DIR "/corpus/sh-putuo-shiquan-2025-final.pages.txt");
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "CLS003", GK_WARNING), 6);
    assert_int_equal(count_rule(&f, "CLS006", GK_INFO), 0);
    gk_report_free(r);
}

/* The budget example with up to two strings replaced, read. */
static gk_report *budget_edited(const char *from, const char *to, const char *from2,
                                const char *to2)
{
    gk_error err;
    size_t len;
    char *data = file_edited(GK_SOURCE_DIR "/examples/budget-2025.txt", &len, from, to, from2, to2);
    gk_report *r = gk_read(data, len, "budget-2025.txt", &err);
    free(data);
    if (!r)
        fail_msg("budget example: %s", err.message);
    return r;
}

static bool skipped(const gk_findings *f, const char *id)
{
    for (size_t i = 0; i < f->nskipped; i++)
        if (strncmp(f->skipped[i], id, strlen(id)) == 0 && f->skipped[i][strlen(id)] == ' ')
            return true;
    return false;
}

/* 机关运行经费 is the 公用经费 of 行政 units: never more than the 公用经费
 * (BUD029), equal to it only when the budget is of 行政 units alone
 * (BUD058).  The example is a 部门 of one unit, "本级（行政单位）", whose
 * 机关运行经费 377,156.40 元 = 302 + 310. */
static void test_budget_office_operation(void **state)
{
    (void)state;
    static const char CELLS[] = "30000.00\t377156.40";
    static const char UNITS[] = "本级（行政单位）";
    gk_findings f;
    /* Less than the 公用经费 in a 行政 budget: BUD058 only. */
    gk_report *r = budget_edited(CELLS, "30000.00\t350000.00", NULL, NULL);
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD058", GK_WARNING), 1);
    assert_int_equal(count_rule(&f, "BUD029", GK_WARNING), 0);
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, "BUD058") == 0)
            assert_non_null(strstr(f.items[i].message, "应为 377156.4"));
    gk_report_free(r);
    /* The same in a 部门 with a 事业单位: the 事业单位's 公用经费 are no
     * 机关运行经费, so nothing. */
    r = budget_edited(CELLS, "30000.00\t350000.00", UNITS, "本级（行政单位）、示例县医疗保障服务中心（事业单位）");
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD058", GK_WARNING) + count_rule(&f, "BUD029", GK_WARNING), 0);
    assert_true(skipped(&f, "BUD058"));
    gk_report_free(r);
    /* A 303 figure printed under the 公用经费 column is 公用经费 too: the
     * 机关运行经费 is that column's total, 377,156.40 + 21,600. */
    r = budget_edited(CELLS, "30000.00\t398756.40", "303\t对个人和家庭的补助\t21600.00\t21600.00\t",
                      "303\t对个人和家庭的补助\t21600.00\t\t21600.00");
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD058", GK_WARNING) + count_rule(&f, "BUD029", GK_WARNING), 0);
    assert_false(skipped(&f, "BUD058"));
    gk_report_free(r);
    r = budget_edited(CELLS, "30000.00\t398756.40", NULL, NULL);   /* 303 under 人员经费 */
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD029", GK_WARNING), 1);
    gk_report_free(r);
    /* More than the 公用经费: BUD029 whatever the units. */
    r = budget_edited(CELLS, "30000.00\t400000.00", UNITS, "本级（行政单位）及下属事业单位 1 家");
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD029", GK_WARNING), 1);
    assert_int_equal(count_rule(&f, "BUD058", GK_WARNING), 0);
    gk_report_free(r);
    if (!corpus_present())
        return;
    /* 万里街道 (行政 1, 参公 1, 事业 4): 786.09 of 1,538.14 万元 (2023), 464.64
     * of 1,082.77 (2025); 社会福利院, a 事业单位: 0 of 212.10.  No finding, and
     * the equality is not tried. */
    static const char *const MIXED[] = {"sh-putuo-wanli-2023-budget.pdf", "sh-putuo-wanli-2024-budget.pdf",
                                        "sh-putuo-wanli-2025-budget.pdf",
                                        "sh-putuo-welfarehome-2024-unit-budget.pdf", NULL};
    for (const char *const *d = MIXED; *d; d++) {
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, *d);
        r = read_path(path);
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD029", GK_WARNING) + count_rule(&f, "BUD058", GK_WARNING), 0);
        assert_true(skipped(&f, "BUD058"));
        assert_false(skipped(&f, "BUD029"));
        gk_report_free(r);
    }
    /* 区政府办公室's and 商务委's 单位预算 (行政): equal, and tried. */
    static const char *const ADMIN[] = {"sh-putuo-govoffice-2025-unit-budget.pdf",
                                        "sh-putuo-commerce-2025-unit-budget.pdf", NULL};
    for (const char *const *d = ADMIN; *d; d++) {
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, *d);
        r = read_path(path);
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD058", GK_WARNING), 0);
        assert_false(skipped(&f, "BUD058"));
        gk_report_free(r);
    }
}

static void test_corpus_pdf_tables(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    static const char *const FINAL[] = {"summary", "income", "expense", "fiscal_summary", "gpb_expense",
                                        "gpb_basic", "three_public", "gov_fund", "state_capital", NULL};
    static const char *const SEEDED[] = {"summary", "income", "fiscal_summary", "gpb_expense", "gpb_basic",
                                         "three_public", "gov_fund", "state_capital", NULL};
    static const char *const BUDGET[] = {"budget_summary", "budget_income", "budget_expense",
                                         "budget_fiscal_summary", "budget_gpb_function", "budget_gov_fund",
                                         "budget_state_capital", "budget_gpb_basic_economic",
                                         "budget_three_public", NULL};
    static const struct {
        const char *file, *unit;
        gk_doc_kind kind;
        const char *const *tables;
    } DOCS[] = {
        {"sh-putuo-2024-final-template.pdf", "上海市XX局", GK_DOC_FINAL, FINAL},
        {"sh-putuo-finance-2024-final.pdf", "上海市普陀区财政局", GK_DOC_FINAL, FINAL},
        {"sh-putuo-finance-2024-final-seeded-errors.pdf", "上海市普陀区财政局", GK_DOC_FINAL, SEEDED},
        {"sh-putuo-planning-2024-final.pdf", "上海市普陀区规划和自然资源局", GK_DOC_FINAL, FINAL},
        {"sh-putuo-socialwork-2024-final.pdf", "中共上海市普陀区委社会工作部", GK_DOC_FINAL, FINAL},
        {"sh-putuo-commerce-2025-dept-budget.pdf", "上海市普陀区商务委员会", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-commerce-2025-unit-budget.pdf", "上海市普陀区商务委员会", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-govoffice-2025-dept-budget.pdf", "上海市普陀区人民政府办公室", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-govoffice-2025-unit-budget.pdf", "上海市普陀区人民政府办公室", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-wanli-2023-budget.pdf", "上海市普陀区人民政府万里街道办事处", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-wanli-2024-budget.pdf", "上海市普陀区人民政府万里街道办事处", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-wanli-2025-budget.pdf", "上海市普陀区人民政府万里街道办事处", GK_DOC_BUDGET, BUDGET},
        {"sh-putuo-welfarehome-2024-unit-budget.pdf", "上海市普陀区社会福利院", GK_DOC_BUDGET, BUDGET},
    };
    for (size_t d = 0; d < sizeof DOCS / sizeof DOCS[0]; d++) {
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, DOCS[d].file);
        gk_report *r = read_path(path);
        if (!r->unit || strcmp(r->unit, DOCS[d].unit) != 0 || r->kind != DOCS[d].kind)
            fail_msg("%s: unit %s kind %d", DOCS[d].file, r->unit ? r->unit : "(none)", (int)r->kind);
        size_t n = 0;
        while (DOCS[d].tables[n])
            n++;
        if (r->ntables != n)
            fail_msg("%s: %zu tables, %zu expected", DOCS[d].file, r->ntables, n);
        for (size_t t = 0; t < n; t++) {
            const gk_table *tb = &r->tables[t];
            gk_unit unit = DOCS[d].kind == GK_DOC_FINAL || tb->kind == GK_TABLE_BUDGET_THREE_PUBLIC
                               ? GK_UNIT_WANYUAN
                               : GK_UNIT_YUAN;
            if (strcmp(gk_table_kind_name(tb->kind), DOCS[d].tables[t]) != 0 || tb->unit != unit)
                fail_msg("%s: table %zu is %s in unit %d, %s expected", DOCS[d].file, t + 1,
                         gk_table_kind_name(tb->kind), (int)tb->unit, DOCS[d].tables[t]);
        }
        gk_report_free(r);
    }
}

/* A 项目支出绩效自评表 as the text reader sees it (tabs between cells),
 * with `rate`, `score` and `total` put in. */
static gk_report *perf_form(const char *rate, const char *score, const char *total)
{
    char text[2048];
    snprintf(text, sizeof text,
             "示例局2024年度绩效评价报告\n\n"
             "项目支出绩效自评表\n"
             "项目名称\t示例项目\n"
             "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
             "\t年度资金总额\t80.00\t80.00\t60.00\t10\t%s\t10\n"
             "\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
             "绩效指标\t产出指标\t数量指标\t指标1：培训人次\t100人次\t120人次\t50\t%s\n"
             "\t效益指标\t社会效益指标\t指标1：群众满意度\t≥90%%\t95%%\t40\t40\n"
             "\t总分\t\t\t\t\t100\t%s\n",
             rate, score, total);
    gk_error err;
    gk_report *r = gk_read(text, strlen(text), "perf.txt", &err);
    assert_non_null(r);
    return r;
}

/* PRF001–PRF004 on a synthetic 自评表: consistent, then each figure moved. */
static void test_perf_rules(void **state)
{
    (void)state;
    gk_findings f;
    gk_report *r = perf_form("75.00%", "50", "100");
    gk_check(r, &f);
    if (f.n)
        fail_msg("consistent 自评表: %s", f.items[0].message);
    gk_report_free(r);

    r = perf_form("80.00%", "50", "100");          /* 60 ÷ 80 = 75.00% */
    gk_check(r, &f);
    assert_true(has_finding(&f, "PRF001", GK_ERROR, 6));
    gk_report_free(r);

    r = perf_form("75%", "55", "105");               /* 55 > 50; Σ 得分 105 */
    gk_check(r, &f);
    assert_true(has_finding(&f, "PRF002", GK_ERROR, 8));
    assert_false(has_finding(&f, "PRF001", GK_ERROR, 6));
    assert_false(has_finding(&f, "PRF004", GK_ERROR, 10));
    gk_report_free(r);

    r = perf_form("75.00%", "45", "100");            /* Σ 得分 95 */
    gk_check(r, &f);
    assert_true(has_finding(&f, "PRF004", GK_ERROR, 10));
    gk_report_free(r);
}

static void test_corpus_index(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    gk_report *r = read_path(GK_SHARED_DIR "/corpus/000_2e4bf1e814f589dd.txt");
    gk_findings f;
    gk_check(r, &f);
    /* 公开01表's 支出 side lost digits: 9.1, 326.7, 5.4, 341.3. */
    assert_true(has_finding(&f, "XT003", GK_ERROR, 87));
    assert_true(has_finding(&f, "XT003", GK_ERROR, 88));
    assert_true(has_finding(&f, "XT003", GK_ERROR, 98));
    assert_true(has_finding(&f, "XT002", GK_ERROR, 106));
    assert_true(has_finding(&f, "SUM005", GK_ERROR, 110));
    /* Rounding only: 208 = 20805 + 20899 (0.01), 21015 Σ项, 301 Σ款 — info. */
    assert_true(has_finding(&f, "EXP002", GK_INFO, 147));
    assert_true(has_finding(&f, "EXP002", GK_INFO, 157));
    assert_true(has_finding(&f, "BAS003", GK_INFO, 239));
    /* 002 heads tables with 经办中心 where its title says 经办机构. */
    gk_report *r2 = read_path(GK_SHARED_DIR "/corpus/002_958243b751db7aa3.txt");
    gk_findings f2;
    gk_check(r2, &f2);
    assert_true(has_finding(&f2, "DOC004", GK_WARNING, 331));
    assert_true(has_finding(&f2, "DOC004", GK_WARNING, 377));
    assert_false(has_finding(&f2, "DOC004", GK_WARNING, 406));
    gk_report_free(r2);
    /* 004: Σ of the eight 专项业务经费绩效目标表 (896,900.00 元) against
     * 专项业务经费支出 (896,867.40 元) on 表4; nothing else (its function
     * and economic views agree, 2,021,528.40 元 = 202.15 万元). */
    r2 = read_path(GK_SHARED_DIR "/corpus/004_a8cda960e0db61c9.txt");
    gk_check(r2, &f2);
    assert_true(has_finding(&f2, "BUD034", GK_ERROR, 265));
    assert_int_equal(count(&f2, GK_ERROR), 1);
    /* 整体支出绩效目标表's 指标值 "20215284": 202.15284 万元, point lost. */
    assert_true(has_finding(&f2, "PRF006", GK_WARNING, 489));
    assert_true(has_finding(&f2, "PRF006", GK_WARNING, 492));
    /* Six 绩效目标表 leave 年度资金总额 blank beside their 财政拨款. */
    assert_true(has_finding(&f2, "PRF016", GK_WARNING, 323));
    /* 表9 names 215 资源勘探信息等支出 where 表1 has 资源勘探工业信息等支出. */
    assert_true(has_finding(&f2, "CLS005", GK_WARNING, 302));
    /* "较上年增加（减少）0 万元": the template's either-or left in. */
    assert_true(has_finding(&f2, "DOC008", GK_WARNING, 155));
    assert_int_equal(count(&f2, GK_WARNING), 10);
    gk_report_free(r2);
    /* Nothing else is an error: 公开02–05 totals, 基本 = 人员 + 公用, 三公 … */
    for (size_t i = 0; i < f.n; i++)
        if (f.items[i].severity == GK_ERROR) {
            int line = f.items[i].locs[0].pos.line;
            if (line != 87 && line != 88 && line != 98 && line != 106 && line != 110)
                fail_msg("unexpected error at %d: %s", line, f.items[i].message);
        }
    gk_report_free(r);
}

/* Move every table amount of the consistent example by 0.37: the cells
 * that take part in an equality must each give an error at that cell. */
/* Is there an error at this cell that the unmoved document did not have? */
static bool new_error_at(const gk_findings *f, const gk_findings *base, const gk_table *tb,
                         const gk_row *row, const char *column)
{
    for (size_t x = 0; x < f->n; x++) {
        if (f->items[x].severity != GK_ERROR)
            continue;
        bool at = false;
        for (size_t l = 0; l < f->items[x].nlocs && !at; l++) {
            const gk_location *loc = &f->items[x].locs[l];
            at = loc->table == tb->kind && loc->pos.line == row->pos.line &&
                 loc->pos.page == row->pos.page && loc->column && strcmp(loc->column, column) == 0;
        }
        bool old = false;
        for (size_t y = 0; y < base->n && at && !old; y++)
            old = strcmp(base->items[y].message, f->items[x].message) == 0;
        if (at && !old)
            return true;
    }
    return false;
}

/* Move every table amount of a document by 0.37 (in its table's unit), one
 * at a time: how many give a new error located at that cell.  Tables the
 * reader read only in part (OCR-damaged 绩效 forms) are left out: their
 * sums cannot be checked. */
static void perturb(const char *path, int *moved, int *caught)
{
    gk_report *r = read_path(path);
    gk_findings base;
    gk_check(r, &base);
    *moved = *caught = 0;
    for (size_t t = 0; t < r->ntables; t++)
        for (size_t i = 0; i < r->tables[t].nrows; i++)
            for (size_t k = 0; k < r->tables[t].rows[i].ncells; k++) {
                gk_table *tb = &r->tables[t];
                gk_row *row = &tb->rows[i];
                gk_cell *c = &row->cells[k];
                if (c->text || tb->partial)
                    continue;
                gk_amount saved = c->value, moved_v;
                assert_true(gk_amount_add(saved, gk_amount_make(37, 2), &moved_v));
                c->value = moved_v;
                gk_findings f;
                gk_check(r, &f);
                (*moved)++;
                bool hit = new_error_at(&f, &base, tb, row, c->column);
                *caught += hit;
                if (!hit)
                    print_message("not caught: %s %s %s\n", gk_table_kind_name(tb->kind),
                                  row->code ? row->code : row->label, c->column);
                c->value = saved;
            }
    print_message("perturbation: %s: %d of %d moved cells caught\n", strrchr(path, '/') + 1,
                  *caught, *moved);
    gk_report_free(r);
}

static void test_perturbation(void **state)
{
    (void)state;
    int moved, caught, all_moved = 0, all_caught = 0;
    perturb(GK_SOURCE_DIR "/examples/final-2024.txt", &moved, &caught);
    assert_true(caught * 100 >= moved * 95);
    perturb(GK_SOURCE_DIR "/examples/budget-2025.txt", &moved, &caught);
    assert_true(caught * 100 >= moved * 90);
    if (!corpus_present())
        return;
    static const char *const DOCS[] = {"000_2e4bf1e814f589dd.txt", "002_958243b751db7aa3.txt",
                                       "004_a8cda960e0db61c9.txt"};
    for (size_t d = 0; d < sizeof DOCS / sizeof *DOCS; d++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/corpus/%s", GK_SHARED_DIR, DOCS[d]);
        perturb(path, &moved, &caught);
        all_moved += moved;
        all_caught += caught;
    }
    print_message("perturbation: corpus text documents: %d of %d\n", all_caught, all_moved);
    assert_true(all_caught * 100 >= all_moved * 95);
}

/* A 三公 table of one row and a sentence about it. */
static gk_report *three_public(gk_doc_kind kind, const char *const cells[][2], int n,
                               const char *section, const char *text)
{
    gk_report *r = gk_report_new();
    r->kind = kind;
    gk_table *t = gk_report_add_table(r, kind == GK_DOC_BUDGET ? GK_TABLE_BUDGET_THREE_PUBLIC
                                                              : GK_TABLE_THREE_PUBLIC);
    t->unit = GK_UNIT_WANYUAN;
    t->pos = (gk_pos){.line = 1};
    gk_row *row = gk_table_add_row(r, t);
    row->label = kind == GK_DOC_BUDGET ? "预算数" : "决算数";
    row->pos = (gk_pos){.line = 2};
    for (int i = 0; i < n; i++) {
        gk_amount a;
        assert_int_equal(gk_amount_parse(cells[i][1], strlen(cells[i][1]), &a), GK_AMOUNT_OK);
        gk_row_set(r, row, cells[i][0], a);
    }
    gk_report_add_paragraph(r, section, section, (gk_pos){.line = 10})->heading = true;
    gk_report_add_paragraph(r, section, text, (gk_pos){.line = 11});
    return r;
}

/* Issue 18: one wrong cell, one error.  A narrative amount against a cell
 * that fails its own table's identity is a warning without "应为" (the
 * identity's error names the cell); against a negative cell (a 增减 column
 * read into the row) or a column never read, it is not judged. */
static void test_doubtful_cells(void **state)
{
    (void)state;
    static const char *const FINAL[][2] = {
        {"合计", "12.00"}, {"因公出国（境）费", "0.00"}, {"公务用车购置及运行维护费", "6.00"},
        {"公务用车购置费", "0.00"}, {"公务用车运行维护费", "6.00"}, {"公务接待费", "5.00"}};
    gk_report *r = three_public(GK_DOC_FINAL, FINAL, 6, "七、“三公”经费财政拨款支出决算情况说明",
                                "“三公”经费支出决算为11.00万元。");
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "NAR001", GK_ERROR), 0);
    assert_int_equal(count_rule(&f, "NAR001", GK_WARNING), 1);
    assert_int_equal(count_rule(&f, "PUB001", GK_ERROR), 1);
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].rule, "NAR001") == 0) {
            assert_null(strstr(f.items[i].message, "应为"));
            assert_non_null(strstr(f.items[i].message, "PUB001"));
        }
    gk_report_free(r);

    /* The same cell right: the narrative's 11.00 against 12.00 is an error. */
    static const char *const FINAL_OK[][2] = {
        {"合计", "12.00"}, {"因公出国（境）费", "1.00"}, {"公务用车购置及运行维护费", "6.00"},
        {"公务用车购置费", "0.00"}, {"公务用车运行维护费", "6.00"}, {"公务接待费", "5.00"}};
    r = three_public(GK_DOC_FINAL, FINAL_OK, 6, "七、“三公”经费财政拨款支出决算情况说明",
                     "“三公”经费支出决算为11.00万元。");
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "NAR001", GK_ERROR), 1);
    gk_report_free(r);

    static const char *const BUDGET[][2] = {
        {"合计", "20.83"}, {"因公出国（境）费", "0.00"}, {"公务用车购置及运行维护费", "2.65"},
        {"公务接待费", "-1.00"}, {"公务用车运行维护费", "1.75"}};
    r = three_public(GK_DOC_BUDGET, BUDGET, 5, "十、“三公”经费预算情况说明",
                     "公务接待费8.00万元，公务用车运行维护费13.90万元。");
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "NAR001", GK_ERROR) + count_rule(&f, "NAR001", GK_WARNING), 0);
    gk_report_free(r);
}

/* A one-row 一般公共预算支出功能分类预算表 of the given cells. */
static gk_report *gpb_function(const char *const cells[][2], int n)
{
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
    t->unit = GK_UNIT_YUAN;
    gk_row *row = gk_table_add_row(r, t);
    row->label = "合计";
    row->pos = (gk_pos){.line = 2};
    for (int i = 0; i < n; i++) {
        gk_amount a;
        assert_int_equal(gk_amount_parse(cells[i][1], strlen(cells[i][1]), &a), GK_AMOUNT_OK);
        gk_row_set(r, row, cells[i][0], a);
    }
    return r;
}

/* 基本支出 printed whole or as its parts: each formula speaks of its own
 * layout, a missing column of the other form is no column of zeros. */
static void test_layouts(void **state)
{
    (void)state;
    static const char *const PARTS[][2] = {
        {"合计", "303312586.17"}, {"人员经费", "74582857.23"}, {"公用经费", "4525392.94"},
        {"项目支出", "224204336.00"}};
    gk_report *r = gpb_function(PARTS, 4);
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count(&f, GK_ERROR), 0);
    assert_true(skipped(&f, "BUD024"));
    gk_report_free(r);
    static const char *const PARTS_WRONG[][2] = {
        {"合计", "303312586.17"}, {"人员经费", "74582857.23"}, {"公用经费", "4525392.94"},
        {"项目支出", "224204346.00"}};
    r = gpb_function(PARTS_WRONG, 4);
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD059", GK_ERROR), 1);
    gk_report_free(r);
    static const char *const WHOLE[][2] = {
        {"合计", "100.00"}, {"基本支出", "60.00"}, {"项目支出", "30.00"}};
    r = gpb_function(WHOLE, 3);
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD024", GK_ERROR), 1);
    assert_int_equal(count_rule(&f, "BUD059", GK_ERROR), 0);
    assert_true(skipped(&f, "BUD059"));
    gk_report_free(r);
}

/* "截至…12月31日": the end of the report year in a 决算, of the year before in
 * a 预算; in a document of unknown kind, not judged. */
static void test_as_of_year(void **state)
{
    (void)state;
    static const gk_doc_kind KINDS[] = {GK_DOC_UNKNOWN, GK_DOC_BUDGET, GK_DOC_FINAL};
    static const size_t WANT[] = {0, 0, 1};
    for (size_t k = 0; k < 3; k++) {
        gk_report *r = gk_report_new();
        r->kind = KINDS[k];
        r->year = 2026;
        gk_report_add_paragraph(r, "十、国有资产占用情况", "截至2025年12月31日，本单位共有车辆2辆。",
                                (gk_pos){.line = 1});
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "DOC003", GK_ERROR), WANT[k]);
        gk_report_free(r);
    }
}

/* 本年收入 and 本年支出 of a 收支预算总表 differ by the carry-overs. */
static void test_carry_over(void **state)
{
    (void)state;
    static const struct {
        gk_side side;
        const char *label, *value;
    } ROWS[] = {
        {GK_SIDE_INCOME, "本年收入合计", "2219.92"}, {GK_SIDE_INCOME, "上年结转结余", "30.00"},
        {GK_SIDE_INCOME, "收入合计", "2249.92"},     {GK_SIDE_EXPENSE, "本年支出合计", "2249.92"},
        {GK_SIDE_EXPENSE, "结转下年支出", "0.00"},   {GK_SIDE_EXPENSE, "支出合计", "2249.92"},
    };
    for (int moved = 0; moved < 2; moved++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->unit = GK_UNIT_WANYUAN;
        for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
            gk_row *row = gk_table_add_row(r, t);
            row->side = ROWS[i].side;
            row->label = ROWS[i].label;
            row->pos = (gk_pos){.line = (int)i + 2};
            const char *v = moved && i == 1 ? "20.00" : ROWS[i].value;
            gk_amount a;
            assert_int_equal(gk_amount_parse(v, strlen(v), &a), GK_AMOUNT_OK);
            gk_row_set(r, row, "金额", a);
        }
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD002", GK_WARNING), (size_t)moved);
        assert_int_equal(count_rule(&f, "BUD002", GK_ERROR), 0);
        gk_report_free(r);
    }
}

/* A row stated in parts under several wholes (西安: "①人员经费：商品和服务支出
 * （302）105.9万元…②公用经费：…126万元…③专项业务经费：…23469.41万元" of
 * 302's 23701.31): the parts add up to the cell, no NAR001. */
static void test_narrative_parts_of_row(void **state)
{
    (void)state;
    for (int wrong = 0; wrong < 2; wrong++) {
        char doc[2048];
        snprintf(doc, sizeof doc,
                 "某局2021年部门预算\n\n第一部分 部门预算情况说明\n\n一、一般公共预算支出情况\n\n"
                 "2021年一般公共预算支出237.01万元，其中商品和服务支出（302）237.01万元。其中①人员经费："
                 "商品和服务支出（302）1.06万元；②公用经费：商品和服务支出（302）1.26万元；③专项业务经费："
                 "商品和服务支出（302）%s万元。\n\n第二部分 部门预算表\n\n表5\n"
                 "一般公共预算支出明细表（按经济分类科目）\n单位：万元\n科目编码\t科目名称\t合计\n"
                 "\t合计\t237.01\n302\t商品和服务支出\t237.01\n30201\t办公费\t237.01\n",
                 wrong ? "233.69" : "234.69");
        gk_error err;
        gk_report *r = gk_read(doc, strlen(doc), NULL, &err);
        assert_non_null(r);
        gk_findings f;
        gk_check(r, &f);
        /* The parts not adding up: each is compared with the row (three). */
        assert_int_equal(count_rule(&f, "NAR001", GK_ERROR), wrong ? 3 : 0);
        gk_report_free(r);
    }
}

/* "五、其它收入" (长沙 收支总体情况表) is the formulas' 其他收入: BUD008 adds it
 * (收入总计 100 = 财政拨款收入 60 + 其它收入 40), and finds it short when it is
 * 30. */
static void test_other_income_variant(void **state)
{
    (void)state;
    for (int moved = 0; moved < 2; moved++) {
        static const struct {
            const char *label, *value;
        } ROWS[] = {{"财政拨款收入", "60.00"}, {"事业收入", "0.00"}, {"事业单位经营收入", "0.00"},
                    {"其它收入", "40.00"}, {"收入总计", "100.00"}};
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->unit = GK_UNIT_WANYUAN;
        for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
            gk_row *row = gk_table_add_row(r, t);
            row->side = GK_SIDE_INCOME;
            row->label = ROWS[i].label;
            row->pos = (gk_pos){.line = (int)i + 2};
            const char *v = moved && i == 3 ? "30.00" : ROWS[i].value;
            gk_amount a;
            assert_int_equal(gk_amount_parse(v, strlen(v), &a), GK_AMOUNT_OK);
            gk_row_set(r, row, "金额", a);
        }
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD008", GK_ERROR), (size_t)moved);
        gk_report_free(r);
    }
}

typedef struct sided_row {
    gk_side side;
    const char *label, *column, *value;     /* value NULL: blank */
} sided_row;

static void sided_table(gk_report *r, gk_table_kind kind, const sided_row *rows, size_t n)
{
    gk_table *t = gk_report_add_table(r, kind);
    t->unit = GK_UNIT_WANYUAN;
    for (size_t i = 0; i < n; i++) {
        gk_row *row = gk_table_add_row(r, t);
        row->side = rows[i].side;
        row->label = rows[i].label;
        row->pos = (gk_pos){.line = (int)i + 2};
        gk_amount a;
        if (!rows[i].value)
            continue;                   /* printed blank */
        assert_int_equal(gk_amount_parse(rows[i].value, strlen(rows[i].value), &a), GK_AMOUNT_OK);
        gk_row_set(r, row, rows[i].column, a);
    }
}

/* The totals of the 收支总表 and 财政拨款收支总表 include what is carried over
 * where the table prints it (上年结转结余 in, 年终结转结余 out): the year's
 * income and spending differ by it, and the 支出预算表 is the year's
 * spending only.  Tables that print no carry-over are checked as before. */
static void test_carry_over_totals(void **state)
{
    (void)state;
    const sided_row EXPENSE[] = {{GK_SIDE_NONE, "合计", "合计", "50927.95"}};
    for (int misprinted = 0; misprinted < 2; misprinted++) {
        const sided_row FISCAL[] = {
            {GK_SIDE_INCOME, "一般公共预算资金", "金额", "50665.50"},
            {GK_SIDE_INCOME, "政府性基金预算资金", "金额", NULL},
            {GK_SIDE_INCOME, "国有资本经营预算资金", "金额", NULL},
            {GK_SIDE_INCOME, "本年收入合计", "金额", "50665.50"},
            {GK_SIDE_INCOME, "上年结转结余", "金额", misprinted ? "150.68" : "152.68"},
            {GK_SIDE_INCOME, "收入总计", "金额", "50818.18"},
            {GK_SIDE_EXPENSE, "本年支出合计", "合计", "50818.18"},
            {GK_SIDE_EXPENSE, "支出总计", "合计", "50818.18"},
        };
        const sided_row SUMMARY[] = {
            {GK_SIDE_EXPENSE, "本年支出合计", "金额", "50927.95"},
            {GK_SIDE_EXPENSE, "年终结转结余", "金额", "108.27"},
            {GK_SIDE_EXPENSE, "支出总计", "金额", misprinted ? "51026.22" : "51036.22"},
        };
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        sided_table(r, GK_TABLE_BUDGET_FISCAL_SUMMARY, FISCAL, 8);
        sided_table(r, GK_TABLE_BUDGET_SUMMARY, SUMMARY, 3);
        sided_table(r, GK_TABLE_BUDGET_EXPENSE, EXPENSE, 1);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD046", GK_ERROR), (size_t)misprinted);
        assert_int_equal(count_rule(&f, "BUD015", GK_ERROR), (size_t)misprinted);
        assert_int_equal(count_rule(&f, "BUD030", GK_ERROR), (size_t)misprinted);
        gk_report_free(r);
    }
    /* No carry-over row: the totals are the year's. */
    const sided_row FISCAL[] = {
        {GK_SIDE_INCOME, "一般公共预算资金", "金额", "50818.18"},
        {GK_SIDE_INCOME, "政府性基金预算资金", "金额", NULL},
        {GK_SIDE_INCOME, "国有资本经营预算资金", "金额", NULL},
        {GK_SIDE_INCOME, "本年收入合计", "金额", "50818.18"},
        {GK_SIDE_INCOME, "收入总计", "金额", "50818.18"},
        {GK_SIDE_EXPENSE, "本年支出合计", "合计", "50818.18"},
    };
    const sided_row SUMMARY[] = {{GK_SIDE_EXPENSE, "支出总计", "金额", "51036.22"}};
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    sided_table(r, GK_TABLE_BUDGET_FISCAL_SUMMARY, FISCAL, 6);
    sided_table(r, GK_TABLE_BUDGET_SUMMARY, SUMMARY, 1);
    sided_table(r, GK_TABLE_BUDGET_EXPENSE, EXPENSE, 1);
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD046", GK_ERROR), 0);
    assert_int_equal(count_rule(&f, "BUD015", GK_ERROR), 0);
    assert_int_equal(count_rule(&f, "BUD030", GK_ERROR), 1);
    gk_report_free(r);
}

/* 7-digit economic codes: a 款 subdivided by the locality, or a row number
 * joined to the code by the reader — notes, not errors; anything else is
 * CLS001. */
static void test_local_codes(void **state)
{
    (void)state;
    static const char *const ROWS[][2] = {
        {"301", "工资福利支出"}, {"30102", "津贴补贴"}, {"3010201", "岗位津贴"},
        {"1130108", "机关事业单位基本养老保险缴费"}, {"9930199", "示例支出"}};
    gk_report *r = gk_report_new();
    r->kind = GK_DOC_BUDGET;
    gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC);
    for (size_t i = 0; i < 5; i++) {
        gk_row *row = gk_table_add_row(r, t);
        row->code = ROWS[i][0];
        row->label = ROWS[i][1];
        row->pos = (gk_pos){.line = (int)i + 1};
    }
    gk_findings f;
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "CLS001", GK_ERROR), 1);
    assert_true(has_finding(&f, "CLS001", GK_ERROR, 5));
    assert_true(has_finding(&f, "CLS004", GK_INFO, 3));
    assert_true(has_finding(&f, "CLS004", GK_INFO, 4));
    gk_report_free(r);
}

/* Names renamed in later years (2026 budgets print 突发公共卫生事件应急处置,
 * 经营主体管理): no warning in 2026 or before the rename; in the years
 * between, neither name is sure, so at most a note. */
static void test_renamed_items(void **state)
{
    (void)state;
    static const struct { int year; const char *code, *name; size_t warnings; } CASES[] = {
        {2026, "2100410", "突发公共卫生事件应急处置", 0}, {2022, "2100410", "突发公共卫生事件应急处理", 0},
        {2022, "2100410", "突发公共卫生事件应急处置", 1}, {2024, "2100410", "突发公共卫生事件应急处置", 0},
        {2026, "2013804", "经营主体管理", 0},             {2023, "2013804", "经营主体管理", 1},
        {2026, "2013804", "市场主体管理", 0}};
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = CASES[i].year;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        gk_row *row = gk_table_add_row(r, t);
        row->code = CASES[i].code;
        row->label = CASES[i].name;
        row->pos = (gk_pos){.line = 1};
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "CLS003", GK_WARNING), CASES[i].warnings);
        gk_report_free(r);
    }
}

/* COMP002 asks for the parts of a 情况说明 only when the document has one:
 * project application texts inside a table no row of which was read (a
 * 公开报表 alone, its 专项业务经费表 over pages 2-3) are no 情况说明; the
 * same paragraphs on a page of their own are. */
static void test_sections_in_tables(void **state)
{
    (void)state;
    for (int apart = 0; apart < 2; apart++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->pos = (gk_pos){.line = 1, .page = 1};
        gk_row *row = gk_table_add_row(r, t);
        row->label = "收入总计";
        row->pos = (gk_pos){.line = 2, .page = 1};
        t = gk_report_add_table(r, GK_TABLE_BUDGET_SPECIAL);
        t->pos = (gk_pos){.line = 3, .page = 2};
        t = gk_report_add_table(r, GK_TABLE_BUDGET_THREE_PUBLIC);
        t->pos = (gk_pos){.line = 9, .page = apart ? 3 : 4};
        static const char *const TEXTS[] = {"特申请财政专项预算75.15万元。", "安排设备购置经费30.00万元。",
                                            "计划安排培训经费 5.00 万元。"};
        for (int i = 0; i < 3; i++)
            gk_report_add_paragraph(r, NULL, TEXTS[i], (gk_pos){.line = 4 + i, .page = apart ? 4 : 3});
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "COMP002", GK_ERROR), apart ? 6 : 0);
        gk_report_free(r);
    }
}

/* BUD030 (支出总计 = 支出预算表合计 + 结转下年) is not tried where the 支出
 * 预算表 counts last year's money among its sources (its 合计 3,695.91 is
 * then all the money at hand, 结转下年 52.54 in it); it is where that
 * column is printed zero. */
static void test_expense_with_last_years_money(void **state)
{
    (void)state;
    for (int carried = 0; carried < 2; carried++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        gk_row *row = gk_table_add_row(r, t);
        row->label = "结转下年";
        row->side = GK_SIDE_EXPENSE;
        row->pos = (gk_pos){.line = 1};
        gk_row_set(r, row, "金额", gk_amount_make(5254, 2));
        row = gk_table_add_row(r, t);
        row->label = "支出总计";
        row->side = GK_SIDE_EXPENSE;
        row->pos = (gk_pos){.line = 2};
        gk_row_set(r, row, "金额", gk_amount_make(369591, 2));
        t = gk_report_add_table(r, GK_TABLE_BUDGET_EXPENSE);
        row = gk_table_add_row(r, t);
        row->label = "合计";
        row->pos = (gk_pos){.line = 4};
        gk_row_set(r, row, "合计", gk_amount_make(369591, 2));
        gk_row_set(r, row, "上年结转", gk_amount_make(carried ? 1161 : 0, 2));
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD030", GK_ERROR), carried ? 0 : 1);
        assert_int_equal(skipped(&f, "BUD030"), carried);
        gk_report_free(r);
    }
}

/* A function table of 项 rows alone (no 类, no 款: a flat list, as some
 * provinces print it) misses no parent; one that prints 款 rows and leaves
 * one out does (CLS002). */
static void test_flat_code_list(void **state)
{
    (void)state;
    static const char *const FLAT[][2] = {
        {"2010501", "行政运行"}, {"2010505", "专项统计业务"}, {"2080505", "机关事业单位基本养老保险缴费支出"}};
    static const char *const TREE[][2] = {
        {"201", "一般公共服务支出"}, {"20105", "统计信息事务"}, {"2010501", "行政运行"},
        {"208", "社会保障和就业支出"}, {"2080505", "机关事业单位基本养老保险缴费支出"}};
    for (int tree = 0; tree < 2; tree++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        size_t n = tree ? 5 : 3;
        for (size_t i = 0; i < n; i++) {
            gk_row *row = gk_table_add_row(r, t);
            row->code = tree ? TREE[i][0] : FLAT[i][0];
            row->label = tree ? TREE[i][1] : FLAT[i][1];
            row->pos = (gk_pos){.line = (int)i + 1};
        }
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "CLS002", GK_WARNING), tree ? 1 : 0);
        if (tree)
            assert_true(has_finding(&f, "CLS002", GK_WARNING, 5));
        gk_report_free(r);
    }
}

/* A row identity over columns (合计 = Σ parts) is not evaluated on a row
 * that holds a figure under a column the layout does not know (其他专户收入
 * 拨款 in a province's 收入总表): a part the formula cannot name.  The same row
 * with that column at zero is judged. */
static void test_foreign_columns(void **state)
{
    (void)state;
    for (int foreign = 0; foreign < 2; foreign++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_INCOME);
        gk_row *row = gk_table_add_row(r, t);
        row->label = "合计";
        row->pos = (gk_pos){.line = 3};
        static const char *const CELLS[][2] = {
            {"合计", "100.00"}, {"一般公共预算拨款收入", "90.00"}, {"事业收入", "0.00"}};
        for (int i = 0; i < 3; i++) {
            gk_amount a;
            assert_int_equal(gk_amount_parse(CELLS[i][1], strlen(CELLS[i][1]), &a), GK_AMOUNT_OK);
            gk_row_set(r, row, CELLS[i][0], a);
        }
        gk_amount a;
        const char *v = foreign ? "10.00" : "0.00";
        assert_int_equal(gk_amount_parse(v, strlen(v), &a), GK_AMOUNT_OK);
        gk_row_set(r, row, "其他专户收入拨款", a);
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD020", GK_ERROR), foreign ? 0 : 1);
        if (foreign)
            assert_true(skipped(&f, "BUD020"));
        gk_report_free(r);
    }
}

/* BUD036 compares the 收支总表's 类 with the 支出预算表's.  A 支出预算表 that
 * lists no 类 at all (a table by unit: only 合计 is a row) has nothing to
 * compare, and the formula is not evaluated; one that lists the others but
 * leaves a 类 out still differs from the summary there. */
static void test_class_rows(void **state)
{
    (void)state;
    static const char BODY[] =
        "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
        "208\t社会保障和就业支出\t224,496.00\t224,496.00\t\n"
        "20805\t行政事业单位养老支出\t224,496.00\t224,496.00\t\n"
        "2080505\t机关事业单位基本养老保险缴费支出\t149,664.00\t149,664.00\t\n"
        "2080506\t机关事业单位职业年金缴费支出\t74,832.00\t74,832.00\t\n"
        "210\t卫生健康支出\t3,858,524.70\t1,490,007.10\t2,368,517.60\n"
        "21011\t行政事业单位医疗\t107,203.20\t107,203.20\t\n"
        "2101101\t行政单位医疗\t71,563.20\t71,563.20\t\n"
        "2101103\t公务员医疗补助\t35,640.00\t35,640.00\t\n"
        "21015\t医疗保障管理事务\t3,751,321.50\t1,382,803.90\t2,368,517.60\n"
        "2101501\t行政运行\t1,382,803.90\t1,382,803.90\t\n"
        "2101502\t一般行政管理事务\t300,000.00\t\t300,000.00\n"
        "2101506\t医疗保障经办事务\t648,517.60\t\t648,517.60\n"
        "2101599\t其他医疗保障管理事务支出\t1,420,000.00\t\t1,420,000.00\n"
        "221\t住房保障支出\t112,248.00\t112,248.00\t\n"
        "22102\t住房改革支出\t112,248.00\t112,248.00\t\n"
        "2210201\t住房公积金\t112,248.00\t112,248.00\t\n"
        "";
    gk_findings f;
    gk_report *r = budget_edited(BODY, "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出\n",
                                 NULL, NULL);
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD036", GK_ERROR), 0);
    assert_true(skipped(&f, "BUD036"));
    gk_report_free(r);
    r = budget_edited("221\t住房保障支出\t112,248.00\t112,248.00\t\n22102\t住房改革支出",
                      "22102\t住房改革支出", NULL, NULL);
    gk_check(r, &f);
    assert_int_equal(count_rule(&f, "BUD036", GK_ERROR), 1);
    gk_report_free(r);
}

/* A blank template (tables without a single amount, "XX" placeholders) is
 * no disclosure: one DOC001 info, no warning or error.  The same template
 * with one figure filled in is checked in full: its placeholders are
 * warnings again. */
static void test_blank_template(void **state)
{
    (void)state;
    for (int filled = 0; filled < 2; filled++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_FINAL;
        r->year = 2024;
        r->unit = "XX局";
        gk_report_add_paragraph(r, "一、收入支出决算总体情况说明",
                                "XX年度收入、支出总计XX万元。", (gk_pos){.line = 1});
        gk_report_add_paragraph(r, "二、收入决算情况说明", "XX年度本年收入合计XX万元。",
                                (gk_pos){.line = 2});
        gk_table *t = gk_report_add_table(r, GK_TABLE_GPB_EXPENSE);
        t->title = "一般公共预算财政拨款支出决算表";
        t->pos = (gk_pos){.line = 3};
        gk_row *row = gk_table_add_row(r, t);
        row->code = "201";
        row->label = "一般公共服务支出";
        row->pos = (gk_pos){.line = 4};
        if (filled)
            gk_row_set(r, row, "合计", (gk_amount){.v = 1000, .scale = 2});
        gk_findings f;
        gk_check(r, &f);
        if (filled) {
            assert_true(count_rule(&f, "DOC001", GK_WARNING) >= 2);
        } else {
            assert_int_equal(count(&f, GK_WARNING) + count(&f, GK_ERROR), 0);
            assert_int_equal(count_rule(&f, "DOC001", GK_INFO), 1);
        }
        gk_report_free(r);
    }
}

/* A cell printed with fewer decimals than its table is held to the table's
 * precision (a digit lost is a mistake) — unless the table's precision would
 * need more than the ten significant digits a spreadsheet's General format
 * shows ("943865000" for 943,864,999.96 元): then it keeps its own. */
static void test_general_format_rounding(void **state)
{
    (void)state;
    static const struct {
        gk_amount total, a, b;
        size_t errors;
    } CASES[] = {
        {{.v = 943865000, .scale = 0}, {.v = 50000000048, .scale = 2}, {.v = 44386499948, .scale = 2}, 0},
        {{.v = 54, .scale = 1}, {.v = 200, .scale = 2}, {.v = 343, .scale = 2}, 1},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2026;
        r->unit = "XX局";
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        t->title = "一般公共预算支出功能分类预算表";
        t->unit = GK_UNIT_YUAN;
        t->pos = (gk_pos){.line = 1};
        static const char *const CODES[] = {NULL, "201", "205"};
        static const char *const LABELS[] = {"合计", "一般公共服务支出", "教育支出"};
        gk_amount values[] = {CASES[i].total, CASES[i].a, CASES[i].b};
        for (int k = 0; k < 3; k++) {
            gk_row *row = gk_table_add_row(r, t);
            row->code = CODES[k];
            row->label = LABELS[k];
            row->pos = (gk_pos){.line = 2 + k};
            gk_row_set(r, row, "合计", values[k]);
        }
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD025", GK_ERROR), CASES[i].errors);
        gk_report_free(r);
    }
}

/* Fingerprints: 16 hex digits, the same on a second run, none repeated in a
 * document (the k-th finding with the same hash gets "-k"), and blind to
 * where the finding stands (page, line). */
static void test_fingerprints(void **state)
{
    (void)state;
    gk_report *r = read_path(GK_SOURCE_DIR "/examples/final-2024-faulty.txt");
    gk_findings f, g;
    gk_check(r, &f);
    assert_true(f.n > 5);
    char **first = calloc(f.n, sizeof *first);
    assert_non_null(first);
    for (size_t i = 0; i < f.n; i++) {
        const char *fp = f.items[i].fingerprint;
        assert_non_null(fp);
        assert_true(strspn(fp, "0123456789abcdef") == 16);
        assert_true(fp[16] == '\0' || fp[16] == '-');
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(fp, first[j]);
        first[i] = malloc(strlen(fp) + 1);
        assert_non_null(first[i]);
        memcpy(first[i], fp, strlen(fp) + 1);
    }
    gk_check(r, &g);               /* again: the same */
    assert_int_equal(g.n, f.n);
    for (size_t i = 0; i < g.n; i++)
        assert_string_equal(g.items[i].fingerprint, first[i]);
    for (size_t i = 0; i < f.n; i++)
        free(first[i]);
    free(first);
    gk_report_free(r);

    /* Two identical wrong rows on different lines: one hash, "-2" on the
     * second; moving the rows does not change them. */
    for (int shift = 0; shift < 2; shift++) {
        r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2025;
        for (int k = 0; k < 2; k++) {
            gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
            gk_row *row = gk_table_add_row(r, t);
            row->code = "2010101";
            row->label = "人大会议费";     /* the catalog's name is 行政运行 */
            row->pos = (gk_pos){.line = 10 * k + 1 + 5 * shift};
        }
        gk_check(r, &f);
        size_t n = 0;
        const char *a = NULL, *b = NULL;
        for (size_t i = 0; i < f.n; i++)
            if (strcmp(f.items[i].rule, "CLS003") == 0)
                *(n++ == 0 ? &a : &b) = f.items[i].fingerprint;
        assert_int_equal(n, 2);
        assert_int_equal(strlen(a), 16);
        assert_int_equal(strncmp(a, b, 16), 0);
        assert_string_equal(b + 16, "-2");
        gk_report_free(r);
    }
}

/* CLS003 is a claim that the document names a code otherwise than the
 * catalog: not for a name that holds the catalog's with a qualifier, a piece
 * of it cut by the grid, nor one with a code's digits joined to it. */
static void test_partial_names(void **state)
{
    (void)state;
    static const struct {
        const char *code, *label;
        int warned;
    } CASES[] = {
        {"2010101", "行政运行（人大事务）", 0},
        {"2010101", "运行", 0},
        {"2010101", "行政运行2010101", 0},
        {"2010101", "", 0},
        {"2010101", "机关服务", 1},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2025;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        gk_row *row = gk_table_add_row(r, t);
        row->code = CASES[i].code;
        row->label = CASES[i].label;
        row->pos = (gk_pos){.line = 1};
        gk_findings f;
        gk_check(r, &f);
        if (count_rule(&f, "CLS003", GK_WARNING) != (size_t)CASES[i].warned)
            fail_msg("“%s”: CLS003 ×%zu, want %d", CASES[i].label,
                     count_rule(&f, "CLS003", GK_WARNING), CASES[i].warned);
        gk_report_free(r);
    }
}

/* A 类 whose items go one level further than its 款 for some of them
 * (301 with 30101 and the local 3010201 / 3010202, no 30102 printed): the
 * items without their 款 count toward the 类. */
static void test_local_items_in_tree(void **state)
{
    (void)state;
    static const char *const ROWS[][3] = {
        {"301", "工资福利支出", "30.00"}, {"30101", "基本工资", "15.00"},
        {"3010201", "津贴补贴", "10.00"}, {"3010202", "改革性补贴", "5.00"}};
    for (int wrong = 0; wrong < 2; wrong++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2025;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_BASIC_ECONOMIC);
        t->unit = GK_UNIT_WANYUAN;
        for (int i = 0; i < 4; i++) {
            gk_row *row = gk_table_add_row(r, t);
            row->code = ROWS[i][0];
            row->label = ROWS[i][1];
            row->pos = (gk_pos){.line = i + 1};
            const char *v = wrong && i == 0 ? "31.00" : ROWS[i][2];
            gk_amount a;
            assert_int_equal(gk_amount_parse(v, strlen(v), &a), GK_AMOUNT_OK);
            gk_row_set(r, row, "金额", a);
        }
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD028", GK_ERROR), wrong ? 1 : 0);
        gk_report_free(r);
    }
}

/* A blank cell on a line where the reader noted something it left unread
 * ("“金额”栏的“3,643.37第6页”不是金额，按空白处理") is not known to be blank:
 * the identities it takes part in are not evaluated.  The same blank with
 * no such note is a blank total, an error. */
static void test_unread_blank(void **state)
{
    (void)state;
    for (int noted = 0; noted < 2; noted++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2025;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_SUMMARY);
        t->unit = GK_UNIT_WANYUAN;
        gk_row *in = gk_table_add_row(r, t);
        in->label = "收入总计";
        in->side = GK_SIDE_INCOME;
        in->pos = (gk_pos){.line = 7};
        gk_amount a;
        assert_int_equal(gk_amount_parse("3643.37", 7, &a), GK_AMOUNT_OK);
        gk_row_set(r, in, "金额", a);
        gk_row *outr = gk_table_add_row(r, t);
        outr->label = "支出总计";
        outr->side = GK_SIDE_EXPENSE;
        outr->pos = (gk_pos){.line = 7};
        if (noted)
            gk_report_note(r, (gk_pos){.line = 7}, "“金额”栏的“%s”不是金额，按空白处理",
                           "3,643.37第6页，共45页");
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "BUD001", GK_ERROR), noted ? 0 : 1);
        gk_report_free(r);
    }
}

/* A 合计 row printing one figure for several columns, placed by the reader
 * (reconstructed) under 基本支出: its blank 合计 is not known to be blank,
 * so 合计 = Σ 类 is not judged.  Read as printed (not reconstructed), the
 * blank 合计 is an error. */
static void test_guessed_total(void **state)
{
    (void)state;
    for (int guessed = 0; guessed < 2; guessed++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2025;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        t->unit = GK_UNIT_WANYUAN;
        gk_amount a;
        assert_int_equal(gk_amount_parse("105.00", 6, &a), GK_AMOUNT_OK);
        gk_row *total = gk_table_add_row(r, t);
        total->label = "合计";
        total->pos = (gk_pos){.line = 1};
        gk_cell *c = gk_row_set(r, total, "基本支出", a);
        if (guessed)
            c->flags |= GK_CELL_RECONSTRUCTED;
        gk_row *cls = gk_table_add_row(r, t);
        cls->code = "221";
        cls->label = "住房保障支出";
        cls->pos = (gk_pos){.line = 2};
        gk_row_set(r, cls, "合计", a);
        gk_row_set(r, cls, "基本支出", a);
        gk_findings f;
        gk_check(r, &f);
        size_t n = 0;
        for (size_t i = 0; i < f.n; i++)
            n += strcmp(f.items[i].rule, "BUD025") == 0 && f.items[i].severity == GK_ERROR &&
                 f.items[i].locs[0].column && strcmp(f.items[i].locs[0].column, "合计") == 0;
        assert_int_equal(n, guessed ? 0 : 1);
        gk_report_free(r);
    }
}

/* Rows printing their total and one part, the part placed by the reader
 * (reconstructed): when the reader's placement breaks 款 = Σ 项 and another
 * placement keeps it, the failure is the guess's and not reported; when no
 * placement can, it is (a 款 whose figure lost a digit). */
static void test_other_placement(void **state)
{
    (void)state;
    static const char *const KUAN[2] = {"2943.23", "294.23"};   /* right, digit lost */
    for (int lost = 0; lost < 2; lost++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2025;
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GPB_FUNCTION);
        t->unit = GK_UNIT_WANYUAN;
        static const struct {
            const char *code, *label, *total, *part, *col;
            bool guessed;
        } ROWS[] = {
            {"201", "一般公共服务支出", "3981.05", NULL, NULL, false},
            {"20101", "人大事务", "3981.05", NULL, NULL, false},
            {"2010101", "行政运行", "1942.73", "1942.73", "项目支出", true},   /* wrongly */
            {"2010102", "一般行政管理事务", "1037.82", "1037.82", "基本支出", true},
            {"2010104", "人大会议", "1000.50", "1000.50", "基本支出", true},
        };
        for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
            gk_row *row = gk_table_add_row(r, t);
            row->code = ROWS[i].code;
            row->label = ROWS[i].label;
            row->pos = (gk_pos){.line = (int)i + 1};
            gk_amount a;
            assert_int_equal(gk_amount_parse(ROWS[i].total, strlen(ROWS[i].total), &a),
                             GK_AMOUNT_OK);
            gk_cell *c = gk_row_set(r, row, "合计", a);
            c->flags |= ROWS[i].guessed ? GK_CELL_RECONSTRUCTED : 0;
            if (ROWS[i].part) {
                c = gk_row_set(r, row, ROWS[i].col, a);
                c->flags |= GK_CELL_RECONSTRUCTED;
            } else {
                /* 基本支出 2943.23 (1942.73 + 1000.50), 项目支出 1037.82 */
                const char *b = i == 1 ? KUAN[lost] : "2943.23";
                assert_int_equal(gk_amount_parse(b, strlen(b), &a), GK_AMOUNT_OK);
                gk_row_set(r, row, "基本支出", a);
                assert_int_equal(gk_amount_parse("1037.82", 7, &a), GK_AMOUNT_OK);
                gk_row_set(r, row, "项目支出", a);
            }
        }
        gk_findings f;
        gk_check(r, &f);
        size_t n = 0;
        for (size_t i = 0; i < f.n; i++)
            n += strcmp(f.items[i].rule, "BUD025") == 0 && f.items[i].severity == GK_ERROR &&
                 strcmp(f.items[i].locs[0].row, "20101") == 0 &&
                 strcmp(f.items[i].locs[0].column, "基本支出") == 0;
        assert_int_equal(n, lost ? 1 : 0);
        gk_report_free(r);
    }
}

/* A 绩效自评表 row on which the reader left a cell unread ("100%10" under
 * 得分): its 执行率 10 may be the 分值 a column off, so PRF001 does not
 * judge it; the same row read whole is an error. */
static void test_perf_unread_row(void **state)
{
    (void)state;
    for (int noted = 0; noted < 2; noted++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_FINAL;
        r->year = 2022;
        gk_table *t = gk_report_add_table(r, GK_TABLE_PERF_PROJECT);
        gk_row *row = gk_table_add_row(r, t);
        row->label = "年度资金总额";
        row->pos = (gk_pos){.line = 5, .page = 109};
        static const char *const CELLS[][2] = {
            {"全年预算数", "3195.8"}, {"全年执行数", "3195.8"}, {"执行率", "10"}};
        for (int i = 0; i < 3; i++) {
            gk_amount a;
            assert_int_equal(gk_amount_parse(CELLS[i][1], strlen(CELLS[i][1]), &a), GK_AMOUNT_OK);
            gk_row_set(r, row, CELLS[i][0], a);
        }
        if (noted)
            gk_report_note(r, (gk_pos){.line = 5, .page = 109}, "“得分”栏的“%s”不是金额，按空白处理",
                           "100%10");
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "PRF001", GK_ERROR), noted ? 0 : 1);
        gk_report_free(r);
    }
}

/* An empty table whose reason the 目录 gives, by the table's number
 * ("表9 …政府性基金收支表 是 本单位无政府性基金预算"), is explained: no
 * COMP003.  Without that line, a warning. */
static void test_empty_listed_in_contents(void **state)
{
    (void)state;
    for (int listed = 0; listed < 2; listed++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_BUDGET;
        r->year = 2019;
        int line = 1;
        if (listed)
            gk_report_add_paragraph(r, NULL, "表9 2019年部门综合预算政府性基金收支表 是 本单位无政府性基金预算",
                                    (gk_pos){.line = line++});
        static const char *const TEXT[] = {
            "2019年收入预算3,643.37万元，比上年增加100.00万元。",
            "2019年支出预算3,643.37万元，其中基本支出2,022.39万元。",
            "一般公共预算拨款收入3,643.37万元。",
            "“三公”经费预算50.00万元。"};
        for (size_t i = 0; i < sizeof TEXT / sizeof *TEXT; i++)
            gk_report_add_paragraph(r, "一、收支预算总体情况", TEXT[i], (gk_pos){.line = line++});
        gk_table *t = gk_report_add_table(r, GK_TABLE_BUDGET_GOV_FUND);
        t->title = "2019年部门综合预算政府性基金收支表";
        t->number = "表9";
        t->pos = (gk_pos){.line = line++};
        gk_row *row = gk_table_add_row(r, t);
        row->label = "合计";
        row->pos = (gk_pos){.line = line++};
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "COMP003", GK_WARNING), listed ? 0 : 1);
        gk_report_free(r);
    }
}

/* 执行率 printed "—" on a 其中 row is no rate: not judged.  A printed 0 is. */
static void test_perf_dash_rate(void **state)
{
    (void)state;
    static const char *const RATE[2] = {"—", "0"};
    for (int zero = 0; zero < 2; zero++) {
        gk_report *r = gk_report_new();
        r->kind = GK_DOC_FINAL;
        r->year = 2022;
        gk_table *t = gk_report_add_table(r, GK_TABLE_PERF_PROJECT);
        gk_row *row = gk_table_add_row(r, t);
        row->label = "财政拨款";
        row->pos = (gk_pos){.line = 3};
        const char *cells[][2] = {{"全年预算数", "1072"}, {"全年执行数", "1072"}, {"执行率", RATE[zero]}};
        for (int i = 0; i < 3; i++) {
            gk_amount a;
            assert_int_equal(gk_amount_parse(cells[i][1], strlen(cells[i][1]), &a), GK_AMOUNT_OK);
            gk_row_set(r, row, cells[i][0], a);
        }
        gk_findings f;
        gk_check(r, &f);
        assert_int_equal(count_rule(&f, "PRF001", GK_ERROR), zero ? 1 : 0);
        gk_report_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_perf_rules),
        cmocka_unit_test(test_corpus_index),
        cmocka_unit_test(test_empty_tables),
        cmocka_unit_test(test_sum_of_no_classes),
        cmocka_unit_test(test_doubtful_cells),
        cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_as_of_year),
        cmocka_unit_test(test_carry_over),
        cmocka_unit_test(test_carry_over_totals),
        cmocka_unit_test(test_local_codes),
        cmocka_unit_test(test_renamed_items),
        cmocka_unit_test(test_sections_in_tables),
        cmocka_unit_test(test_other_income_variant),
        cmocka_unit_test(test_narrative_parts_of_row),
        cmocka_unit_test(test_expense_with_last_years_money),
        cmocka_unit_test(test_flat_code_list),
        cmocka_unit_test(test_foreign_columns),
        cmocka_unit_test(test_corpus_pdf),
        cmocka_unit_test(test_corpus_pdf_tables),
        cmocka_unit_test(test_corpus_budget_classification),
        cmocka_unit_test(test_budget_office_operation),
        cmocka_unit_test(test_class_rows),
        cmocka_unit_test(test_blank_template),
        cmocka_unit_test(test_general_format_rounding),
        cmocka_unit_test(test_fingerprints),
        cmocka_unit_test(test_partial_names),
        cmocka_unit_test(test_local_items_in_tree),
        cmocka_unit_test(test_unread_blank),
        cmocka_unit_test(test_guessed_total),
        cmocka_unit_test(test_other_placement),
        cmocka_unit_test(test_perf_unread_row),
        cmocka_unit_test(test_empty_listed_in_contents),
        cmocka_unit_test(test_perf_dash_rate),
        cmocka_unit_test(test_perturbation),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
