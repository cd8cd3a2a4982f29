/*
 * read/xlsx.h — the parts of the xlsx reader (internal).
 *
 * read/xlsx.c opens the package (libzip) and parses its XML (expat) into
 * tab-separated lines; read/xlsx_format.c turns a cell's stored number into
 * the text Excel shows for it, from the cell's number format, exactly: the
 * stored digits are rounded as a decimal string, never through a double.
 */
#ifndef GK_READ_XLSX_H
#define GK_READ_XLSX_H

#include <stdbool.h>
#include <stddef.h>

typedef enum xlsx_fmt_kind {
    XLSX_FMT_GENERAL = 0, /* General, @, scientific: up to 15 significant digits */
    XLSX_FMT_FIXED,       /* 0, 0.00, #,##0.00, 0.0%: a fixed number of decimals */
    XLSX_FMT_DATE,        /* a date, with the time when the format shows hours */
    XLSX_FMT_TIME         /* a time of day */
} xlsx_fmt_kind;

typedef struct xlsx_numfmt {
    xlsx_fmt_kind kind;
    int decimals;         /* FIXED */
    bool percent;         /* FIXED: the value × 100 and "%" */
    bool cjk;             /* DATE: 2024年1月5日 rather than 2024-01-05 */
    bool clock;           /* DATE: the format shows hours too */
} xlsx_numfmt;

/* The code of a built-in number format (ids 0–58), or NULL. */
const char *xlsx_builtin_format(unsigned id);

/* What a format code ("0.00_ ", "#,##0.00;[Red]-#,##0.00", "yyyy\"年\"m\"月\"")
 * does to a number; its first section decides. */
xlsx_numfmt xlsx_numfmt_parse(const char *code);

/* Longest text xlsx_number_text writes, with its NUL. */
#define XLSX_NUMBER_TEXT_MAX 96

/* The text Excel shows for the stored number `v` (len bytes: "101.8",
 * "9.199999999999999", "1.5E-3") in format `f`: "101.80", "9.2", "0.0015".
 * `date1904` is the workbook's date system.  Returns false, leaving `out`
 * untouched, when `v` is not a number gongkai can show exactly (the caller
 * then keeps the stored text). */
bool xlsx_number_text(const char *v, size_t len, const xlsx_numfmt *f, bool date1904,
                      char out[XLSX_NUMBER_TEXT_MAX]);

#endif
