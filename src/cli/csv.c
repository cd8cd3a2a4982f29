/*
 * csv.c — findings as CSV for spreadsheet users (check --format csv).
 *
 * RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break.  With --bom the output starts with a
 * UTF-8 byte order mark so that Excel reads the Chinese as UTF-8 (Python's
 * csv and pandas need none).  Every document has a row: one per finding, or
 * one saying it is clean, unreadable or skipped.  A text field that a
 * spreadsheet would take for a formula (=, +, @ first) gets a leading
 * apostrophe: the document being checked is untrusted input.  Columns are
 * documented in docs/batch.md.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "gongkai/check.h"

static void field(FILE *f, const char *s, bool text)
{
    if (!s)
        return;
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', f);
    if (text && (*s == '=' || *s == '+' || *s == '@'))
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    if (quote)
        fputc('"', f);
}

static void number(FILE *f, int v)
{
    if (v > 0)
        fprintf(f, "%d", v);
}

void cli_csv_header(FILE *f, bool bom)
{
    if (bom)
        fputs("\xEF\xBB\xBF", f);
    fputs("文件,单位,年度,类型,状态,级别,规则,页,行,表,科目或行,栏目,应为,实为,说明\r\n", f);
}

static const char *severity_zh(gk_severity s)
{
    switch (s) {
    case GK_ERROR: return "错误";
    case GK_WARNING: return "警告";
    default: return "提示";
    }
}

/* The document's columns: 文件, 单位, 年度, 类型, 状态. */
static void document_fields(FILE *f, const cli_csv_doc *doc)
{
    field(f, doc->file, true);
    fputc(',', f);
    field(f, doc->unit, true);
    fputc(',', f);
    number(f, doc->year);
    fputc(',', f);
    field(f, doc->kind, false);
    fputc(',', f);
    field(f, doc->status, false);
}

void cli_csv_finding(FILE *f, const cli_csv_doc *doc, const gk_finding *x)
{
    const gk_location *l = &x->locs[0];
    document_fields(f, doc);
    fprintf(f, ",%s,%s,", severity_zh(x->severity), x->rule);
    number(f, l->pos.page);
    fputc(',', f);
    number(f, l->pos.line);
    fputc(',', f);
    if (l->table != GK_TABLE_UNKNOWN)
        fputs(gk_table_kind_name(l->table), f);
    fputc(',', f);
    field(f, l->row, true);
    fputc(',', f);
    field(f, l->column, true);
    fputc(',', f);
    field(f, x->expected, false);
    fputc(',', f);
    field(f, x->actual, false);
    fputc(',', f);
    field(f, x->message, true);
    fputs("\r\n", f);
}

void cli_csv_document(FILE *f, const cli_csv_doc *doc, const gk_error *err)
{
    document_fields(f, doc);
    fputs(",,,", f);
    if (err)
        number(f, err->page);
    fputc(',', f);
    if (err)
        number(f, err->line);
    fputs(",,,,,,", f);
    if (err)
        field(f, err->message, true);
    fputs("\r\n", f);
}
