/*
 * classification.c — classification codes and names in coded tables.
 *
 *   CLS001  a code that is not a well-formed code of its classification
 *   CLS002  a 款/项 whose parent is not printed in a table that prints
 *           other rows of the parent's level
 *   CLS003  a name that is not the catalog's name for the code
 *   CLS004  a code the catalog does not know (a note: the catalog is partial)
 *   CLS005  one code printed with different names in two tables
 *   CLS006  a table whose names follow another catalog (a local or older
 *           classification): one note for the table instead of a CLS003
 *           per row
 *
 * Summary tables list only 类 rows, so CLS002 does not apply to them.
 */
#include <stdio.h>
#include <stdlib.h>
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

/* The code lengths a table prints, per system: bit (sys * 8 + len).  A
 * table of 项 rows alone (no 类 or 款 row at all) is a flat list, a form some
 * provinces use; a missing parent is a mistake only in a table that prints
 * the parent's level. */
static unsigned levels_printed(const gk_table *t, gk_code_kind kind)
{
    unsigned bits = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const char *c = t->rows[i].code;
        size_t len = c ? strlen(c) : 0;
        if (len && len < 8)
            bits |= 1u << (system_of(kind, c) * 8 + len);
    }
    return bits;
}

static bool prints_level(unsigned levels, gk_class_system sys, size_t len)
{
    return len < 8 && (levels >> (sys * 8 + len) & 1u);
}

/* Does the catalog give this row's code another name than the printed one? */
static bool name_differs(const gk_report *r, gk_code_kind kind, const gk_row *row,
                         const gk_catalog_entry **e)
{
    if (!row->code || !row->label || !*row->label)
        return false;
    gk_class_system sys = system_of(kind, row->code);
    if (gk_code_level(sys, row->code) == 0)
        return false;
    gk_name_match m = gk_catalog_check_name(sys, row->code, row->label, r->year, e);
    return m == GK_NAME_MISMATCH || m == GK_NAME_OTHER_YEAR;
}

/* A table follows another catalog when many of its names differ from ours:
 * at least five, and at least a third of the coded rows the catalog knows.
 * A slip of the pen is one or two names (the corpus has no table with more);
 * the 2024 上海 部门预算经济分类 numbers its 302 items in sequence (30204 电费,
 * 30211 事业单位离退休人员福利费 …) and differs in twelve of 25 rows. */
#define OTHER_CATALOG_MIN 5

static size_t other_catalog_names(const gk_report *r, const gk_table *t,
                                  const gk_row **example, const gk_catalog_entry **example_e)
{
    gk_code_kind kind = gk_table_kind_codes(t->kind);
    size_t known = 0, differ = 0;
    *example = NULL;
    *example_e = NULL;
    for (size_t i = 0; kind != GK_CODES_NONE && i < t->nrows; i++) {
        const gk_row *row = &t->rows[i];
        const gk_catalog_entry *e = NULL;
        bool d = name_differs(r, kind, row, &e);
        if (!e)
            continue;
        known++;
        if (d && differ++ == 0) {
            *example = row;
            *example_e = e;
        }
    }
    return differ >= OTHER_CATALOG_MIN && differ * 3 >= known ? differ : 0;
}

/* A printed name that holds the catalog's with more words ("资本金注入（基本
 * 建设）", "行政运行（人力资源和社会保障管理事务）": a local qualifier), a piece
 * of it ("障缴费", "费": a name the grid cut), or a digit (a code the grid
 * joined to it, "机关事业单位基本养老保险50102") is no other name for the
 * code: not a claim that the document names it wrongly. */
static bool partial_name(const char *printed, const char *name)
{
    char kp[GK_NAME_KEY_MAX], kn[GK_NAME_KEY_MAX];
    if (gk_name_key(printed, kp) == 0 || gk_name_key(name, kn) == 0)
        return true;
    if (strpbrk(kp, "0123456789"))
        return true;
    return strstr(kp, kn) || strstr(kn, kp);
}

static void check_name(const gk_report *r, const gk_table *t, const gk_row *row,
                       gk_class_system sys, bool unknown_noted, gk_findings *out)
{
    const gk_catalog_entry *e;
    gk_location loc = gk_location_of(t, row, NULL);
    loc.value = row->label;
    gk_name_match m = gk_catalog_check_name(sys, row->code, row->label, r->year, &e);
    if (m == GK_NAME_UNKNOWN_CODE && unknown_noted)
        return;
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
        if (m == GK_NAME_MISMATCH && partial_name(row->label, e->name))
            break;
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

/* A 7-digit economic code is no national code, but need not be a mistake:
 * localities subdivide a 款 ("3010201 津贴补贴" under 30102), and a reader may
 * join a row number to the code ("11" + "30108").  When the code's first or
 * last five digits are a 款 the catalog knows, and the row's name is that
 * 款's when the prefix is not, say so as a note (CLS004) instead of an error. */
static bool same_name(const char *a, const char *b);

static bool local_item(gk_class_system sys, const gk_row *row, int year, gk_findings *out,
                       const gk_location *loc)
{
    const char *code = row->code;
    /* The row number's first digit chose sys; the tail's own decides. */
    if (strlen(code) != 7)
        return false;
    char head[6], tail[6];
    memcpy(head, code, 5);
    head[5] = '\0';
    memcpy(tail, code + 2, 5);
    tail[5] = '\0';
    const gk_catalog_entry *e = gk_catalog_lookup(sys, head, year);
    if (e) {
        gk_report_finding(out, "CLS004", GK_INFO, loc,
                          "科目代码“%s”是经济分类款 %s（%s）下的地方细化科目，分类目录未收录，"
                          "请人工确认",
                          code, head, e->name);
        return true;
    }
    e = gk_catalog_lookup(tail[0] == '5' ? GK_CLASS_ECON_GOV : GK_CLASS_ECON_DEPT, tail, year);
    if (e && row->label && same_name(row->label, e->name)) {
        gk_report_finding(out, "CLS004", GK_INFO, loc,
                          "科目代码“%s”的后五位 %s 即“%s”，前面的“%.2s”可能是读取时并入的行号，"
                          "请人工核对",
                          code, tail, e->name, code);
        return true;
    }
    return false;
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
 * prints another name for it is reported (one finding per code and table).
 * Not when either name is not the catalog's: CLS003 (or CLS006 for a table
 * on another catalog) already names the table at fault, and a right name
 * must not be blamed for disagreeing with a wrong one. */
static void check_names_agree(const gk_report *r, const bool *other, gk_findings *out)
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
            size_t fj = 0;
            for (size_t tj = 0; tj < ti && !first; tj++) {
                if (gk_table_kind_codes(r->tables[tj].kind) != kind)
                    continue;
                first = named_row(&r->tables[tj], row->code);
                ft = &r->tables[tj];
                fj = tj;
            }
            if (!first || same_name(first->label, row->label) ||
                partial_name(row->label, first->label))   /* a piece: a cut or joined name */
                continue;
            const gk_catalog_entry *e;
            if (other[ti] || other[fj] || name_differs(r, kind, row, &e) ||
                name_differs(r, kind, first, &e))
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

/* A 款/项 code whose parent is missing and which the catalog does not know
 * may have its 类 misprinted: 普陀 社会福利院 prints "7 11 02" for
 * 2101102 事业单位医疗 under 21011.  When the nearest 类/款 row P above
 * (项 rows skipped) ends with the digits before the printed code's last two,
 * and P + those last two is the catalog's code for the printed name, that
 * is the code meant.  Writes it into fix (8 bytes) and returns true. */
static bool misprinted_code(const gk_report *r, const gk_table *t, const gk_row *row,
                            gk_class_system sys, char fix[8])
{
    size_t len = strlen(row->code);
    if (len != 5 && len != 7)
        return false;
    if (gk_catalog_lookup(sys, row->code, r->year))
        return false;
    for (size_t k = (size_t)(row - t->rows); k-- > 0;) {
        const char *p = t->rows[k].code;
        if (!p)
            continue;
        size_t pl = strlen(p);
        if (pl == 7)
            continue;
        if ((pl != 3 && pl != 5) || memcmp(p + pl - 2, row->code + len - 4, 2) != 0)
            return false;
        memcpy(fix, p, pl);
        memcpy(fix + pl, row->code + len - 2, 3);
        gk_name_match m = gk_catalog_check_name(sys, fix, row->label, r->year, NULL);
        return m == GK_NAME_MATCH || m == GK_NAME_VARIANT;
    }
    return false;
}

void gk_check_classification(const gk_report *r, gk_findings *out)
{
    bool *other = calloc(r->ntables ? r->ntables : 1, sizeof *other);
    if (!other)
        return;
    for (size_t ti = 0; ti < r->ntables; ti++) {
        const gk_table *t = &r->tables[ti];
        const gk_row *ex;
        const gk_catalog_entry *exe;
        size_t n = other_catalog_names(r, t, &ex, &exe);
        if (!n)
            continue;
        other[ti] = true;
        gk_location loc = gk_location_of(t, NULL, NULL);
        const char *title = t->title ? t->title : gk_table_kind_title(t->kind);
        loc.value = title;
        gk_report_finding(out, "CLS006", GK_INFO, &loc,
                          "“%s”有 %zu 个科目名称与%s目录不同（如 %s 表中为“%s”，目录为“%s”），"
                          "本表可能采用地方或其他年度的分类科目；请确认所用目录，若非如此应按目录更正",
                          title, n,
                          gk_table_kind_codes(t->kind) == GK_CODES_FUNCTIONAL ? "支出功能分类"
                          : ex->code[0] == '5' ? "政府预算支出经济分类"
                                               : "部门预算支出经济分类",
                          ex->code, ex->label, exe->name);
    }
    check_names_agree(r, other, out);
    for (size_t ti = 0; ti < r->ntables; ti++) {
        const gk_table *t = &r->tables[ti];
        gk_code_kind kind = gk_table_kind_codes(t->kind);
        if (kind == GK_CODES_NONE)
            continue;
        unsigned levels = levels_printed(t, kind);
        for (size_t i = 0; i < t->nrows; i++) {
            const gk_row *row = &t->rows[i];
            if (!row->code)
                continue;
            gk_class_system sys = system_of(kind, row->code);
            int level = gk_code_level(sys, row->code);
            gk_location loc = gk_location_of(t, row, NULL);
            loc.value = row->code;
            if (level == 0 && sys != GK_CLASS_FUNCTIONAL && local_item(sys, row, r->year, out, &loc))
                continue;
            if (level == 0) {
                gk_report_finding(out, "CLS001", GK_ERROR, &loc,
                                  "科目代码“%s”格式不正确，%s", row->code,
                                  sys == GK_CLASS_FUNCTIONAL
                                      ? "功能分类代码应为 3 位（类）、5 位（款）或 7 位（项）数字"
                                      : "经济分类代码应为 3 位（类）或 5 位（款）数字");
                continue;
            }
            size_t len = strlen(row->code);
            char fix[8];
            bool misprinted = false;
            if (level > 1 && lists_tree(t->kind) && !has_code(t, row->code, len - 2) &&
                prints_level(levels, sys, len - 2)) {
                misprinted = row->label && misprinted_code(r, t, row, sys, fix);
                if (misprinted)
                    gk_report_finding(out, "CLS002", GK_WARNING, &loc,
                                      "科目代码 %s（%s）有误：上级科目 %.*s 不存在，按上方科目和分类目录应为 %s",
                                      row->code, row->label, (int)(len - 2), row->code, fix);
                else
                    gk_report_finding(out, "CLS002", GK_WARNING, &loc,
                                      "科目 %s（%s）的上级科目 %.*s 未在本表列出，应补列上级科目及其合计",
                                      row->code, row->label ? row->label : "", (int)(len - 2),
                                      row->code);
            }
            if (row->label && !other[ti])
                check_name(r, t, row, sys, misprinted, out);
        }
    }
    free(other);
}
