/*
 * classification.c — classification codes and names in coded tables.
 *
 *   CLS001  a code that is not a well-formed code of its classification
 *   CLS002  a 款/项 whose parent is not printed in the same table
 *   CLS003  a name that is not the catalog's name for the code
 *   CLS004  a code the catalog does not know (a note: the catalog is partial)
 *   CLS005  one code printed with different names in two tables
 *
 * Summary tables list only 类 rows, so CLS002 does not apply to them.
 */
#include <stdio.h>
#include <string.h>

#include "gongkai/catalog.h"
#include "rules.h"

static gk_class_system system_of(gk_code_kind kind, const char *code)
{
    if (kind == GK_CODES_FUNCTIONAL)
        return GK_CLASS_FUNCTIONAL;
    return code[0] == '5' ? GK_CLASS_ECON_GOV : GK_CLASS_ECON_DEPT;
}

static bool lists_tree(gk_table_kind k)
{
    return k != GK_TABLE_SUMMARY && k != GK_TABLE_FISCAL_SUMMARY &&
           k != GK_TABLE_BUDGET_SUMMARY && k != GK_TABLE_BUDGET_FISCAL_SUMMARY;
}

static bool has_code(const gk_table *t, const char *code, size_t len)
{
    char parent[8];
    if (len >= sizeof parent)
        return false;
    memcpy(parent, code, len);
    parent[len] = '\0';
    return gk_table_find_code(t, parent, GK_SIDE_NONE) != NULL;
}

static void check_name(const gk_report *r, const gk_table *t, const gk_row *row,
                       gk_class_system sys, gk_findings *out)
{
    const gk_catalog_entry *e;
    gk_location loc = gk_location_of(t, row, NULL);
    loc.value = row->label;
    gk_name_match m = gk_catalog_check_name(sys, row->code, row->label, r->year, &e);
    switch (m) {
    case GK_NAME_MATCH:
    case GK_NAME_VARIANT:
        break;
    case GK_NAME_UNKNOWN_CODE:
        gk_report_finding(out, "CLS004", GK_INFO, &loc,
                          "科目代码 %s（%s）不在分类目录中，请人工确认代码是否正确",
                          row->code, row->label);
        break;
    case GK_NAME_OTHER_YEAR:
    case GK_NAME_MISMATCH: {
        bool sure = e->confirmed && r->year && (!e->from || r->year >= e->from) &&
                    (!e->to || r->year <= e->to);
        gk_finding *f = gk_report_finding(
            out, "CLS003", sure ? GK_WARNING : GK_INFO, &loc,
            "科目 %s 的名称为“%s”，表中为“%s”%s，应为“%s”", row->code, e->name, row->label,
            m == GK_NAME_OTHER_YEAR ? "（其他年度的名称）" : "", e->name);
        f->expected = e->name;
        f->actual = row->label;
        break;
    }
    }
}

/* Names equal but for spacing and brackets, or one cut short (six or more
 * characters of the other, as PDFs print long names). */
static bool same_name(const char *a, const char *b)
{
    char ka[GK_NAME_KEY_MAX], kb[GK_NAME_KEY_MAX];
    size_t na = gk_name_key(a, ka), nb = gk_name_key(b, kb);
    size_t n = na < nb ? na : nb;
    return strcmp(ka, kb) == 0 || (n >= 18 && strncmp(ka, kb, n) == 0);
}

/* The first row of t with this code and a name. */
static const gk_row *named_row(const gk_table *t, const char *code)
{
    const gk_row *row = gk_table_find_code(t, code, GK_SIDE_NONE);
    if (row && row->label && *row->label)
        return row;
    for (size_t k = row ? (size_t)(row - t->rows) + 1 : t->nrows; k < t->nrows; k++)
        if (t->rows[k].code && t->rows[k].label && *t->rows[k].label &&
            strcmp(t->rows[k].code, code) == 0)
            return &t->rows[k];        /* rare: the first row of the code is unnamed */
    return NULL;
}

/* CLS005: the first table to print a code names it; a later table that
 * prints another name for it is reported (one finding per code and table). */
static void check_names_agree(const gk_report *r, gk_findings *out)
{
    for (size_t ti = 1; ti < r->ntables; ti++) {
        const gk_table *t = &r->tables[ti];
        gk_code_kind kind = gk_table_kind_codes(t->kind);
        for (size_t i = 0; kind != GK_CODES_NONE && i < t->nrows; i++) {
            const gk_row *row = &t->rows[i];
            if (!row->code || !row->label || !*row->label)
                continue;
            const gk_table *ft = NULL;
            const gk_row *first = NULL;
            for (size_t tj = 0; tj < ti && !first; tj++) {
                if (gk_table_kind_codes(r->tables[tj].kind) != kind)
                    continue;
                first = named_row(&r->tables[tj], row->code);
                ft = &r->tables[tj];
            }
            if (!first || same_name(first->label, row->label))
                continue;
            gk_location loc = gk_location_of(t, row, NULL);
            loc.value = row->label;
            gk_finding *x = gk_report_finding(
                out, "CLS005", GK_WARNING, &loc, "科目 %s 在本表名为“%s”，在“%s”中名为“%s”；同一科目各表名称应一致",
                row->code, row->label, ft->title ? ft->title : gk_table_kind_title(ft->kind),
                first->label);
            gk_location there = gk_location_of(ft, first, NULL);
            there.value = first->label;
            gk_finding_locate(out, x, &there);
        }
    }
}

void gk_check_classification(const gk_report *r, gk_findings *out)
{
    check_names_agree(r, out);
    for (size_t ti = 0; ti < r->ntables; ti++) {
        const gk_table *t = &r->tables[ti];
        gk_code_kind kind = gk_table_kind_codes(t->kind);
        if (kind == GK_CODES_NONE)
            continue;
        for (size_t i = 0; i < t->nrows; i++) {
            const gk_row *row = &t->rows[i];
            if (!row->code)
                continue;
            gk_class_system sys = system_of(kind, row->code);
            int level = gk_code_level(sys, row->code);
            gk_location loc = gk_location_of(t, row, NULL);
            loc.value = row->code;
            if (level == 0) {
                gk_report_finding(out, "CLS001", GK_ERROR, &loc,
                                  "科目代码“%s”格式不正确，%s", row->code,
                                  sys == GK_CLASS_FUNCTIONAL
                                      ? "功能分类代码应为 3 位（类）、5 位（款）或 7 位（项）数字"
                                      : "经济分类代码应为 3 位（类）或 5 位（款）数字");
                continue;
            }
            size_t len = strlen(row->code);
            if (level > 1 && lists_tree(t->kind) && !has_code(t, row->code, len - 2))
                gk_report_finding(out, "CLS002", GK_WARNING, &loc,
                                  "科目 %s（%s）的上级科目 %.*s 未在本表列出，应补列上级科目及其合计",
                                  row->code, row->label ? row->label : "", (int)(len - 2),
                                  row->code);
            if (row->label)
                check_name(r, t, row, sys, out);
        }
    }
}
