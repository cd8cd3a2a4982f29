/*
 * text_form.c — the 绩效 tables (自评表, 绩效目标表): forms, not grids.
 *
 * A performance table is a form: labelled fields (项目名称, 主管部门 …), a
 * funds block (年度资金总额 / 财政拨款 / 其他资金 with 预算数, 执行数,
 * 执行率 …), a tasks block (整体支出: 任务名称, 主要内容, amounts) and an
 * indicator grid (一级/二级指标, 指标内容, 指标值, 分值, 得分).  Each block
 * starts at a header line; its cells are read by the header's positions.
 * docs/format.md gives the resulting rows and columns.
 *
 * Real forms come out of OCR with rows shifted left (a merged cell lost).
 * An indicator row whose cells do not stand under the header is aligned
 * from the right instead (得分, 分值, 实际完成值, 指标值, 指标内容, 二级,
 * 一级); a funds or task row whose amounts stand under no header column is
 * left out with a note rather than read into the wrong columns.
 */
#include <stdio.h>
#include <string.h>

#include "gongkai/catalog.h"
#include "../util/buf.h"
#include "text.h"

/* Header words → canonical column; longest word wins ("得分" over "分"). */
static const struct form_column {
    const char *name;
    const char *words[3];
    bool amount;
} COLUMNS[] = {
    {"一级指标", {"一级指标"}, false},
    {"二级指标", {"二级指标"}, false},
    {"指标内容", {"指标内容", "三级指标"}, false},
    {"年度指标值", {"年度指标值"}, false},
    {"实际完成值", {"实际完成值", "际指标值", "实际"}, false},   /* OCR: 字际指标值 */
    {"指标值", {"指标值"}, false},
    {"分值", {"分值", "分"}, true},
    {"得分", {"得分"}, true},
    {"执行率", {"执行率"}, true},
    {"年初预算数", {"年初预算"}, true},
    {"全年预算数", {"全年预算"}, true},
    {"全年执行数", {"全年执行"}, true},
    {"偏差原因分析及改进措施", {"偏差"}, false},
    {"任务名称", {"任务名称"}, false},
    {"主要内容", {"主要内容"}, false},
    {"完成情况", {"完成情况"}, false},
    {"备注", {"备注"}, false},
    {"总额", {"总额"}, true},
    {"财政拨款", {"财政拨款"}, true},
    {"其他资金", {"其他资金"}, true},
};
#define NCOLUMNS (sizeof COLUMNS / sizeof COLUMNS[0])

/* Labelled fields: the text in the next cell is the field's 内容. */
static const char *const FIELDS[] = {"项目名称", "主管部门", "实施单位", "部门(单位)名称",
                                     "单位名称", "实施期限", NULL};

/* Rows of money: label words → row label. */
static const struct {
    const char *word, *label;
} FUNDS[] = {
    {"年度资金总", "年度资金总额"}, {"实施期资金总", "实施期资金总额"},
    {"上年结转", "上年结转资金"},   {"财政拨款", "财政拨款"},
    {"其他资金", "其他资金"},       {"当年", "财政拨款"},     /* OCR: 其中：当年 */
};

typedef enum { BLOCK_NONE, BLOCK_FUNDS, BLOCK_TASKS, BLOCK_INDICATORS } block_kind;

#define MAX_FORM_COLS 24

typedef struct block {
    block_kind kind;
    int n;
    int pos[MAX_FORM_COLS];
    const char *name[MAX_FORM_COLS];    /* canonical, or "全年预算数/总额" */
    bool amount[MAX_FORM_COLS];
    const char *level[2];                /* indicators: 一级, 二级 in force */
    /* The last indicator row read from the right: the column each of its
     * cell positions went to, for a 总分 printed in the same shifted
     * layout after it. */
    int shifted_ncells;
    int shifted_col[MAX_POS];
    int merged;                          /* rows merged by OCR, left out … */
    gk_line merged_first;                /* … from this line … */
    int merged_last;                     /* … to this one */
} block;

/* The note for the rows merged by OCR that the block left out. */
static void finish_merged(reader *rd, block *bk)
{
    if (!bk->merged)
        return;
    gk_report_note(rd->r, tx_pos_of(&bk->merged_first),
                   "第 %d–%d 行的 %d 行各含多个数字（疑为识别时合并的多行，如“5 5 5”），未读取",
                   bk->merged_first.line, bk->merged_last, bk->merged);
    bk->merged = 0;
}

static const char *cell(const gk_line *ln, int p)
{
    return p >= 0 && (size_t)p < ln->ncells ? ln->cells[p] : "";
}

static int column_of(const char *key)
{
    int best = -1;
    size_t best_len = 0;
    for (size_t c = 0; c < NCOLUMNS; c++)
        for (int w = 0; w < 3 && COLUMNS[c].words[w]; w++) {
            size_t len = strlen(COLUMNS[c].words[w]);
            if (len > best_len && strstr(key, COLUMNS[c].words[w])) {
                best = (int)c;
                best_len = len;
            }
        }
    return best;
}

static int block_col(const block *bk, const char *name)
{
    for (int k = 0; k < bk->n; k++)
        if (strcmp(bk->name[k], name) == 0)
            return bk->pos[k];
    return -1;
}

/* A header line starts a block: 一级指标 (indicators), 任务名称 (tasks),
 * 年初/全年预算数 (funds).  Its cells name the columns. */
static block_kind header_kind(reader *rd, const gk_line *ln)
{
    block_kind k = BLOCK_NONE;
    for (size_t i = 0; i < ln->ncells; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        if (strcmp(key, "一级指标") == 0)
            return BLOCK_INDICATORS;
        if (strcmp(key, "任务名称") == 0)
            k = BLOCK_TASKS;
        else if (k == BLOCK_NONE && (tx_has(key, "年初预算数") || tx_has(key, "全年预算数")))
            k = BLOCK_FUNDS;
    }
    return k;
}

/* Cells left of the block's first column (一级指标, 任务名称, the first
 * 预算数) are the block's merged label ("年度主要任务完成情况"). */
static void start_block(reader *rd, block *bk, block_kind kind, const gk_line *ln)
{
    memset(bk, 0, sizeof *bk);
    bk->kind = kind;
    bool started = false;
    for (size_t i = 0; i < ln->ncells && bk->n < MAX_FORM_COLS; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        int c = column_of(key);
        if (c < 0)
            continue;
        started = started || (kind == BLOCK_INDICATORS && !strcmp(COLUMNS[c].name, "一级指标")) ||
                  (kind == BLOCK_TASKS && !strcmp(COLUMNS[c].name, "任务名称")) ||
                  (kind == BLOCK_FUNDS && COLUMNS[c].amount);
        if (!started)
            continue;
        bk->pos[bk->n] = (int)i;
        bk->name[bk->n] = COLUMNS[c].name;
        bk->amount[bk->n] = COLUMNS[c].amount;
        bk->n++;
    }
}

/* The line under a tasks header: 总额 / 财政拨款 / 其他资金 under the
 * amount headers they divide ("全年预算数/总额").  True when it was one. */
static bool sub_header(reader *rd, block *bk, const gk_line *ln)
{
    int subs = 0;
    for (size_t i = 0; i < ln->ncells; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        if (!*key)
            continue;
        if (strcmp(key, "总额") && strcmp(key, "财政拨款") && strcmp(key, "其他资金"))
            return false;
        subs++;
    }
    if (!subs)
        return false;
    int n0 = bk->n;
    const char *parents[MAX_FORM_COLS];
    memcpy(parents, bk->name, sizeof parents);
    for (size_t i = 0; i < ln->ncells; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        if (!*key)
            continue;
        int parent = -1;            /* the amount header spanning the cell */
        for (int k = 0; k < n0; k++)
            if (bk->pos[k] <= (int)i && bk->amount[k] && (parent < 0 || bk->pos[k] > bk->pos[parent]))
                parent = k;
        char buf[GK_NAME_KEY_MAX];
        snprintf(buf, sizeof buf, "%s%s%s", parent >= 0 ? parents[parent] : "",
                 parent >= 0 ? "/" : "", key);
        const char *name = gk_report_strdup(rd->r, buf);
        if (parent >= 0 && bk->pos[parent] == (int)i)
            bk->name[parent] = name;        /* in the parent's own first column */
        else if (bk->n < MAX_FORM_COLS) {
            bk->pos[bk->n] = (int)i;
            bk->name[bk->n] = name;
            bk->amount[bk->n] = true;
            bk->n++;
        }
    }
    return true;
}

/* The column a cell at position p belongs to: the nearest header column
 * at or left of it; a text column spans the blank header cells to its
 * right (指标内容 printed over two cells), an amount column only its own.
 * -1 when none. */
static int column_at(const block *bk, int p)
{
    int best = -1;
    for (int k = 0; k < bk->n; k++)
        if (bk->pos[k] <= p && (best < 0 || bk->pos[k] > bk->pos[best]))
            best = k;
    if (best >= 0 && bk->pos[best] != p && bk->amount[best])
        return -1;
    return best;
}

/* Two or more numbers in one cell ("5 5 5", "23 100%"): rows merged by OCR. */
static bool merged_numbers(const char *s)
{
    gk_amount a;
    if (gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK)
        return false;
    int numbers = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q == p)
            break;
        size_t n = (size_t)(q - p);
        if (p[n - 1] == '%')
            n--;
        if (n == 0 || gk_amount_parse(p, n, &a) != GK_AMOUNT_OK)
            return false;
        numbers++;
        p = q;
    }
    return numbers >= 2;
}

/* A text cell as printed, whole (indicator texts run long): white space
 * removed, brackets full-width as in labels. */
static const char *clean_text(reader *rd, const char *a, const char *b)
{
    gk_buf out = GK_BUF_INIT;
    for (const char *s = a; s; s = s == a ? b : NULL)
        for (const char *p = s; *p; p++) {
            if (*p == ' ' || *p == '\t')
                continue;
            if (strncmp(p, "\xE3\x80\x80", 3) == 0) {       /* U+3000 */
                p += 2;
                continue;
            }
            if (*p == '(')
                gk_buf_puts(&out, "（");
            else if (*p == ')')
                gk_buf_puts(&out, "）");
            else
                gk_buf_putc(&out, *p);
        }
    const char *kept = gk_report_strndup(rd->r, out.data ? out.data : "", out.len);
    gk_buf_free(&out);
    return kept;
}

/* Set a cell: an amount column takes a number (执行率 without its %), a
 * text column the text. */
static void put(reader *rd, gk_row *row, const char *name, bool amount, const gk_line *ln,
                const char *s)
{
    if (!*s || strcmp(s, "_") == 0)     /* OCR of an empty cell's rule */
        return;
    if (!amount) {
        gk_row_set_text(rd->r, row, name, clean_text(rd, s, NULL));
        return;
    }
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (n && s[n - 1] == '%') {
        char buf[64];
        if (n - 1 < sizeof buf) {
            memcpy(buf, s, n - 1);
            buf[n - 1] = '\0';
            tx_put_amount(rd, row, name, ln, buf);
            return;
        }
    }
    tx_put_amount(rd, row, name, ln, s);
}

static bool has_cjk(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0xE4 && (unsigned char)*s <= 0xE9)
            return true;
    return false;
}

/* An indicator row.  By position when its cells stand under the header;
 * else aligned from the right. */
static void indicator_row(reader *rd, gk_table *t, block *bk, const gk_line *ln)
{
    int p1 = block_col(bk, "一级指标");
    const char *values[MAX_FORM_COLS] = {0};
    bool aligned = true;
    int first = -1;
    for (size_t i = 0; i < ln->ncells; i++) {
        const char *s = ln->cells[i];
        if (!*s)
            continue;
        if (merged_numbers(s)) {
            /* One note for the run of such lines (finish_merged). */
            if (!bk->merged)
                bk->merged_first = *ln;
            bk->merged++;
            bk->merged_last = ln->line;
            t->partial = true;
            return;
        }
        /* The block's merged label (绩效指标) at the far left. */
        if ((int)i < p1 && tx_has(tx_key_of(rd, s), "绩效指标"))
            continue;
        if (first < 0)
            first = (int)i;
        int k = column_at(bk, (int)i);
        if (k < 0) {
            aligned = false;
            continue;
        }
        if (values[k]) {
            values[k] = clean_text(rd, values[k], s);      /* a cell over two */
        } else {
            values[k] = s;
        }
    }
    if (first < 0)
        return;
    const char *lv[2] = {NULL, NULL};
    /* "指标1：…" is an 指标内容 wherever it stands: a row shifted so that
     * it falls under another column is read around it (levels to its
     * left, values to its right). */
    int content_col = -1;
    for (int k = 0; k < bk->n; k++)
        if (!strcmp(bk->name[k], "指标内容"))
            content_col = k;
    int ci = -1;
    for (size_t i = 0; i < ln->ncells && ci < 0; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        if (tx_starts(key, "指标") && key[6] >= '0' && key[6] <= '9')
            ci = (int)i;
    }
    if (content_col >= 0 && ci >= 0 && column_at(bk, ci) != content_col) {
        memset(values, 0, sizeof values);
        values[content_col] = ln->cells[ci];
        int k = content_col + 1;
        for (size_t i = (size_t)ci + 1; i < ln->ncells && k < bk->n; i++)
            if (*ln->cells[i])
                values[k++] = ln->cells[i];
        for (int i = ci - 1, l = 1; i >= 0 && l >= 0; i--)
            if (*ln->cells[i] && !tx_has(tx_key_of(rd, ln->cells[i]), "绩效指标"))
                lv[l--] = ln->cells[i];
    } else if (aligned) {
        for (int k = 0; k < bk->n; k++) {
            if (!strcmp(bk->name[k], "一级指标"))
                lv[0] = values[k];
            else if (!strcmp(bk->name[k], "二级指标"))
                lv[1] = values[k];
        }
    } else {
        /* Right to left over the non-empty cells: value columns (in
         * printed order, skipping 偏差 when the row is short of it), then
         * 二级, 一级. */
        memset(values, 0, sizeof values);
        const char *cells[MAX_POS];
        int at[MAX_POS], nc = 0;
        for (size_t i = (size_t)first; i < ln->ncells && nc < MAX_POS; i++)
            if (*ln->cells[i]) {
                at[nc] = (int)i;
                cells[nc++] = ln->cells[i];
            }
        bk->shifted_ncells = ln->ncells < MAX_POS ? (int)ln->ncells : 0;
        for (int i = 0; i < MAX_POS; i++)
            bk->shifted_col[i] = -1;
        int k = bk->n - 1;
        gk_amount a;
        /* A trailing text after the last amount is 偏差; otherwise the
         * row ends at 得分. */
        while (k >= 0 && bk->amount[k] == false && nc > 0 &&
               gk_amount_parse(cells[nc - 1], strlen(cells[nc - 1]), &a) == GK_AMOUNT_OK &&
               strcmp(bk->name[k], "一级指标") && strcmp(bk->name[k], "二级指标"))
            k--;
        for (; k >= 0 && nc > 0; k--) {
            if (!strcmp(bk->name[k], "一级指标") || !strcmp(bk->name[k], "二级指标"))
                continue;
            values[k] = cells[--nc];
            bk->shifted_col[at[nc]] = k;
        }
        if (nc > 0)
            lv[1] = cells[--nc];
        if (nc > 0)
            lv[0] = cells[--nc];
    }
    for (int l = 0; l < 2; l++)
        if (lv[l] && *lv[l]) {
            bk->level[l] = tx_clean_label(rd, lv[l], false);
            if (l == 0 && !(lv[1] && *lv[1]))
                bk->level[1] = NULL;
        }
    int content = -1;
    for (int k = 0; k < bk->n; k++)
        if (!strcmp(bk->name[k], "指标内容"))
            content = k;
    bool any = false;
    for (int k = 0; k < bk->n; k++)
        any |= values[k] && *values[k] && strcmp(bk->name[k], "一级指标") &&
               strcmp(bk->name[k], "二级指标");
    /* OCR debris: no readable 指标内容 and no 二级指标. */
    if (!any || !(content >= 0 && values[content] && has_cjk(values[content])))
        return;
    char label[GK_NAME_KEY_MAX * 2];
    snprintf(label, sizeof label, "%s%s%s", bk->level[0] ? bk->level[0] : "",
             bk->level[0] && bk->level[1] ? "/" : "", bk->level[1] ? bk->level[1] : "");
    gk_row *row = tx_new_row(rd, t, ln, NULL, label, GK_SIDE_NONE);
    for (int k = 0; k < bk->n; k++)
        if (values[k] && strcmp(bk->name[k], "一级指标") && strcmp(bk->name[k], "二级指标"))
            put(rd, row, bk->name[k], bk->amount[k], ln, values[k]);
}

/* A funds or task row, by the header's positions.  Its label is the task
 * name, or the first cell left of the columns. */
static void block_row(reader *rd, gk_table *t, const block *bk, const gk_line *ln,
                      const char *label, int label_pos)
{
    /* A 总分 in the shifted layout of the row above it. */
    if (bk->kind == BLOCK_INDICATORS && bk->shifted_ncells == (int)ln->ncells &&
        column_at(bk, label_pos) < 0) {
        gk_row *row = tx_new_row(rd, t, ln, NULL, label, GK_SIDE_NONE);
        for (size_t i = 0; i < ln->ncells; i++)
            if ((int)i != label_pos && bk->shifted_col[i] >= 0)
                put(rd, row, bk->name[bk->shifted_col[i]], bk->amount[bk->shifted_col[i]], ln,
                    ln->cells[i]);
        return;
    }
    /* A line not cut into cells holding figures after its words ("金额合计
     * 13650.79 13650.79"): no figure is under a column; none is read. */
    if (tx_nonempty_cells(ln) <= 1) {
        const char *sp = strchr(ln->text, ' ');
        while (sp) {
            while (*sp == ' ')
                sp++;
            size_t n = strcspn(sp, " ");
            gk_amount a;
            if (n && memchr(sp, '.', n) && gk_amount_parse(sp, n, &a) == GK_AMOUNT_OK) {
                gk_report_note(rd->r, tx_pos_of(ln), "“%s”行的金额“%.*s”未能分栏，该行未读取",
                               label, (int)n, sp);
                t->partial = true;
                return;
            }
            sp = strchr(sp, ' ');
        }
    }
    int first_col = bk->n ? bk->pos[0] : 0;
    for (size_t i = (size_t)first_col; i < ln->ncells; i++) {
        gk_amount a;
        const char *s = ln->cells[i];
        if (*s && (column_at(bk, (int)i) < 0 || bk->pos[column_at(bk, (int)i)] != (int)i) &&
            gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK) {
            gk_report_note(rd->r, tx_pos_of(ln),
                           "“%s”行的金额“%s”不在任何栏目之下，该行未读取", label, s);
            t->partial |= strcmp(label, "总分") != 0;     /* a total is not a scored row */
            return;
        }
    }
    gk_row *row = tx_new_row(rd, t, ln, NULL, label, GK_SIDE_NONE);
    for (int k = 0; k < bk->n; k++)
        if (bk->pos[k] != label_pos)
            put(rd, row, bk->name[k], bk->amount[k], ln, cell(ln, bk->pos[k]));
}

static const char *funds_label(const char *key)
{
    for (size_t f = 0; f < sizeof FUNDS / sizeof *FUNDS; f++)
        if (tx_has(key, FUNDS[f].word))
            return FUNDS[f].label;
    return NULL;
}

static bool is_field(const char *key)
{
    for (const char *const *f = FIELDS; *f; f++)
        if (strcmp(key, *f) == 0)
            return true;
    return false;
}

/* The value of a field: a cell with some Chinese in it (OCR leaves
 * debris like "(2024+1g)" where the name should be). */
static bool field_value(reader *rd, const char *s)
{
    return *s && has_cjk(s) && !is_field(tx_key_of(rd, s)) && !funds_label(tx_key_of(rd, s));
}

/* Field lines: "项目名称 | … | 某项目", "主管部门 | 某局 | 实施单位 | 某局"
 * (a value the line lacks may stand alone on the next line); and, outside
 * a funds block, money lines "其中:财政拨款 | 50000.00". */
static bool field_line(reader *rd, gk_table *t, const gk_line *ln, const gk_line *next)
{
    bool used = false;
    for (size_t i = 0; i < ln->ncells; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        if (strlen(key) < 48) {     /* a header cell, not prose: "资金金额（元）" */
            gk_unit u = tx_has(key, "(万元)") ? GK_UNIT_WANYUAN
                        : tx_has(key, "(元)") ? GK_UNIT_YUAN : GK_UNIT_NONE;
            if (u != GK_UNIT_NONE)
                t->unit = u;
        }
        if (is_field(key)) {
            size_t j = i + 1;
            while (j < ln->ncells && !*ln->cells[j])
                j++;
            const char *value = NULL;
            if (j < ln->ncells && field_value(rd, ln->cells[j])) {
                value = ln->cells[j];
                i = j;
            } else if ((j == ln->ncells || !field_value(rd, ln->cells[j])) && next &&
                       tx_nonempty_cells(next) == 1) {
                for (size_t k = 0; k < next->ncells && !value; k++)
                    if (field_value(rd, next->cells[k]))
                        value = next->cells[k];
            }
            if (value) {
                gk_row *row = tx_new_row(rd, t, ln, NULL, key, GK_SIDE_NONE);
                put(rd, row, "内容", false, ln, value);
            }
            used = true;
            continue;
        }
        /* A money line: a short label cell (not prose mentioning 财政拨款),
         * its amount (if printed) in a later cell. */
        const char *label = strlen(key) < 40 ? funds_label(key) : NULL;
        if (!label)
            continue;
        used = true;
        gk_row *row = tx_new_row(rd, t, ln, NULL, label, GK_SIDE_NONE);
        for (size_t j = i + 1; j < ln->ncells; j++) {
            const char *s = ln->cells[j];
            gk_amount a;
            if (gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK) {
                tx_put_amount(rd, row, "金额", ln, s);
                i = j;
                break;
            }
            if (*s && funds_label(tx_key_of(rd, s)))
                break;
        }
    }
    return used;
}

/* Does the line name an indicator level or the indicators' header
 * (二级指标, 产出指标, 数量指标 …)? */
static bool indicator_words(reader *rd, const gk_line *ln)
{
    static const char *const WORDS[] = {"二级指标", "三级指标", "指标值",   "产出指标", "效益指标",
                                        "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标",
                                        NULL};
    for (size_t i = 0; i < ln->ncells; i++) {
        const char *key = tx_key_of(rd, ln->cells[i]);
        for (const char *const *w = WORDS; *w; w++)
            if (strcmp(key, *w) == 0)
                return true;
    }
    return false;
}

/* Does a figure of the line stand under a column other than 分值 and 得分? */
static bool score_misplaced(const block *bk, const gk_line *ln)
{
    for (int k = 0; k < bk->n; k++) {
        const char *s = cell(ln, bk->pos[k]);
        gk_amount a;
        if (*s && gk_amount_parse(s, strlen(s), &a) == GK_AMOUNT_OK &&
            strcmp(bk->name[k], "分值") != 0 && strcmp(bk->name[k], "得分") != 0)
            return true;
    }
    return false;
}

static bool line_has_amount(const gk_line *ln)
{
    for (size_t i = 0; i < ln->ncells; i++) {
        gk_amount a;
        if (gk_amount_parse(ln->cells[i], strlen(ln->cells[i]), &a) == GK_AMOUNT_OK)
            return true;
    }
    return false;
}

void read_form(reader *rd, gk_table *t, size_t b, size_t e)
{
    block bk = {0};
    for (size_t i = b; i < e; i++) {
        const gk_line *ln = &rd->L.items[i], *next = i + 1 < e ? &rd->L.items[i + 1] : NULL;
        if (!*ln->text || tx_is_note(ln->text))
            continue;
        block_kind hk = header_kind(rd, ln);
        if (hk != BLOCK_NONE) {
            finish_merged(rd, &bk);
            start_block(rd, &bk, hk, ln);
            field_line(rd, t, ln, next);          /* 项目资金（万元）: the unit */
            continue;
        }
        if (bk.kind == BLOCK_TASKS && sub_header(rd, &bk, ln))
            continue;
        /* The first non-empty cell says what the line is. */
        size_t f = 0;
        while (f < ln->ncells && !*ln->cells[f])
            f++;
        const char *key = f < ln->ncells ? tx_key_of(rd, ln->cells[f]) : "";
        if (tx_has(key, "总体目标")) {
            bk.kind = BLOCK_NONE;                   /* prose follows */
            continue;
        }
        if (strcmp(key, "总分") == 0) {
            /* A 总分 whose figure falls under an amount column of the tasks
             * or the funds (全年预算数): the indicators above it were not
             * read (their header lost in print) — a score is no amount. */
            if (bk.kind != BLOCK_INDICATORS && score_misplaced(&bk, ln)) {
                gk_report_note(rd->r, tx_pos_of(ln), "“总分”行之前的绩效指标未能读取，该表不完整");
                t->partial = true;
                bk.kind = BLOCK_NONE;
            } else {
                size_t rows = t->nrows;
                block_row(rd, t, &bk, ln, "总分", (int)f);
                /* Its figure printed but read under neither 分值 nor 得分:
                 * the columns of the rows above were not where the
                 * reader put them either. */
                const gk_row *row = t->nrows > rows ? &t->rows[t->nrows - 1] : NULL;
                if (row && !gk_row_get(row, "分值") && !gk_row_get(row, "得分") &&
                    line_has_amount(ln)) {
                    gk_report_note(rd->r, tx_pos_of(ln), "“总分”行的分数未能读在分值或得分栏下，该表不完整");
                    t->partial = true;
                }
            }
            continue;
        }
        switch (bk.kind) {
        case BLOCK_INDICATORS:
            indicator_row(rd, t, &bk, ln);
            break;
        case BLOCK_TASKS: {
            /* The indicators begin under a header the grid garbled (its
             * 一级指标 cell joined to the prose above): a line naming an
             * indicator level ends the tasks, its figures ("100%") are no
             * task's amounts. */
            if (indicator_words(rd, ln)) {
                bk.kind = BLOCK_NONE;
                break;
            }
            int p = block_col(&bk, "任务名称");
            const char *name = tx_clean_label(rd, cell(ln, p), false);
            if (*name)
                block_row(rd, t, &bk, ln, name, p);
            break;
        }
        case BLOCK_FUNDS: {
            /* The label: a cell before the first amount. */
            const char *label = NULL;
            size_t k = 0;
            for (; k < ln->ncells; k++) {
                gk_amount a;
                if (gk_amount_parse(ln->cells[k], strlen(ln->cells[k]), &a) == GK_AMOUNT_OK)
                    break;
                if ((label = funds_label(tx_key_of(rd, ln->cells[k]))) != NULL)
                    break;
            }
            if (label)
                block_row(rd, t, &bk, ln, label, (int)k);
            else
                field_line(rd, t, ln, next);
            break;
        }
        case BLOCK_NONE:
            field_line(rd, t, ln, next);
            break;
        }
    }
    finish_merged(rd, &bk);
}
