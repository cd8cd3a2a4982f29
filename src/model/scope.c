/*
 * scope.c — is a document a 部门 or a 单位 决算/预算?  Its title says which
 * ("某局2025年部门预算", "某院2024年单位预算"), and each table's title says
 * it again ("2025年部门财务收支预算总表"); the rules compare the two
 * (DOC005, WHEN 部门|单位), and the writers title what they compose so.
 */
#include <string.h>

#include "gongkai/report.h"

/* The first 部门 or 单位 just before 决算 or 预算 in `text` ("部门决算",
 * "单位预算"; not "部门（单位）预算"), with which of the two follows. */
static const char *scope_word(const char *text, const char **kind_word)
{
    static const char *const KINDS[] = {"决算", "预算", NULL};
    for (const char *const *k = KINDS; *k; k++) {
        const char *p = strstr(text, *k);
        for (; p; p = strstr(p + 1, *k)) {
            if (p - text >= 6 && strncmp(p - 6, "部门", 6) == 0) {
                *kind_word = *k;
                return "部门";
            }
            if (p - text >= 6 && strncmp(p - 6, "单位", 6) == 0 &&
                !(p - text >= 15 && strncmp(p - 15, "部门（单位", 15) == 0)) {
                *kind_word = *k;
                return "单位";
            }
        }
    }
    return NULL;
}

const char *gk_title_scope(const char *title)
{
    const char *p = strstr(title, "年");
    for (p = p ? p : title; *p; p++) {
        bool dept = strncmp(p, "部门", 6) == 0, unit = strncmp(p, "单位", 6) == 0;
        if (!dept && !unit)
            continue;
        if (dept && (strncmp(p + 6, "（单位", 9) == 0 || strncmp(p + 6, "(单位", 7) == 0 ||
                     strncmp(p + 6, "预算经济", 12) == 0 || strncmp(p + 6, "经济", 6) == 0)) {
            p += 5;
            continue;
        }
        return dept ? "部门" : "单位";
    }
    return NULL;
}

const char *gk_report_scope(const gk_report *r, const char **kind_word)
{
    const char *doc = NULL, *kw = NULL;
    /* The title: what stands before the first table. */
    for (size_t i = 0; i < r->nparagraphs && i < 8 && !doc; i++) {
        if (r->ntables && !(r->paragraphs[i].pos.page < r->tables[0].pos.page ||
                            (r->paragraphs[i].pos.page == r->tables[0].pos.page &&
                             r->paragraphs[i].pos.line < r->tables[0].pos.line)))
            break;
        doc = scope_word(r->paragraphs[i].text, &kw);
    }
    if (kind_word)
        *kind_word = kw;
    return doc;
}
