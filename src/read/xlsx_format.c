/*
 * read/xlsx_format.c — a cell's stored number as Excel shows it.
 *
 * A spreadsheet stores 101.8 and shows "101.80" because the cell's format is
 * 0.00; it may also store 9.199999999999999 (the shortest text of the double
 * nearest 9.2) for a cell that shows "9.20".  The printed figure is what a
 * disclosure document states, so the reader wants the shown text.  It is
 * made from the stored digits as a decimal string — rounded half away from
 * zero at the format's decimals, as Excel rounds for display — and never
 * through binary floating point, so that an amount of up to 15 significant
 * digits comes back exactly as it was written.  (gk_amount_parse cannot
 * take the stored text directly: Excel writes up to 17 significant digits,
 * more decimals than an amount holds, and exponents.)
 *
 * Dates are the exception: a date serial is a count of days, not money, and
 * is converted with ordinary arithmetic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsx.h"

/* ---- Built-in formats ------------------------------------------------------ */

/* The formats a workbook refers to by id without defining them (ECMA-376
 * 18.8.30, with the zh-CN meanings of the locale-dependent ids). */
static const char *const BUILTIN[] = {
    [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
    [5] = "\"¥\"#,##0;\"¥\"\\-#,##0", [6] = "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
    [7] = "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", [8] = "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
    [9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ?\?/?\?",
    [14] = "yyyy/m/d", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
    [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss",
    [22] = "yyyy/m/d h:mm",
    [27] = "yyyy\"年\"m\"月\"", [28] = "m\"月\"d\"日\"", [29] = "m\"月\"d\"日\"",
    [30] = "m-d-yy", [31] = "yyyy\"年\"m\"月\"d\"日\"", [32] = "h\"时\"mm\"分\"",
    [33] = "h\"时\"mm\"分\"ss\"秒\"", [34] = "上午/下午h\"时\"mm\"分\"",
    [35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [36] = "yyyy\"年\"m\"月\"",
    [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)", [39] = "#,##0.00;(#,##0.00)",
    [40] = "#,##0.00;[Red](#,##0.00)",
    [41] = "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
    [42] = "_(\"¥\"* #,##0_);_(\"¥\"* \\(#,##0\\);_(\"¥\"* \"-\"_);_(@_)",
    [43] = "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
    [44] = "_(\"¥\"* #,##0.00_);_(\"¥\"* \\(#,##0.00\\);_(\"¥\"* \"-\"??_);_(@_)",
    [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0", [49] = "@",
    [50] = "yyyy\"年\"m\"月\"", [51] = "m\"月\"d\"日\"", [52] = "yyyy\"年\"m\"月\"",
    [53] = "m\"月\"d\"日\"", [54] = "m\"月\"d\"日\"", [55] = "上午/下午h\"时\"mm\"分\"",
    [56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [57] = "yyyy\"年\"m\"月\"",
    [58] = "m\"月\"d\"日\""};

const char *xlsx_builtin_format(unsigned id)
{
    return id < sizeof BUILTIN / sizeof *BUILTIN ? BUILTIN[id] : NULL;
}

/* ---- Format codes ------------------------------------------------------------ */

/* Decimals beyond this are not shown (Excel's own limit is 30). */
#define MAX_DECIMALS 30

static bool has_date_word(const char *p, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(p + i, "年", 3) == 0 || memcmp(p + i, "月", 3) == 0 || memcmp(p + i, "日", 3) == 0)
            return true;
    return false;
}

xlsx_numfmt xlsx_numfmt_parse(const char *code)
{
    xlsx_numfmt f = {0};
    bool digits = false, point = false, sci = false, date = false, time = false;
    int decimals = 0;
    for (const char *p = code ? code : ""; *p; p++) {
        char c = *p;
        if (c == ';')                       /* the first section decides */
            break;
        if (c == '"') {                     /* literal text */
            const char *e = strchr(p + 1, '"');
            if (!e)
                break;
            f.cjk |= has_date_word(p + 1, (size_t)(e - p - 1));
            p = e;
            continue;
        }
        if (c == '\\' || c == '_' || c == '*') { /* the next character is literal, padding or fill */
            if (p[1])
                p++;
            continue;
        }
        if (c == '[') {                     /* a colour, a condition, a locale, or elapsed [h] */
            const char *e = strchr(p, ']');
            if (!e)
                break;
            if (e > p + 1 && strspn(p + 1, "hHmMsS") == (size_t)(e - p - 1))
                time = true;
            p = e;
            continue;
        }
        if (strncasecmp(p, "general", 7) == 0) {
            p += 6;
            continue;
        }
        if (has_date_word(p, strnlen(p, 3))) {
            date = f.cjk = true;
            p += 2;
            continue;
        }
        switch (c) {
        case '0': case '#': case '?':
            digits = true;
            if (point && !sci)
                decimals++;
            break;
        case '.':
            point = true;
            break;
        case '%':
            f.percent = true;
            break;
        case 'E': case 'e':
            if (p[1] == '+' || p[1] == '-')
                sci = true;
            break;
        case 'y': case 'Y': case 'd': case 'D':
            date = true;
            break;
        case 'h': case 'H': case 's': case 'S':
            time = true;
            break;
        default:
            break;
        }
    }
    if (sci)
        f.kind = XLSX_FMT_GENERAL;
    else if (digits) {
        f.kind = XLSX_FMT_FIXED;
        f.decimals = decimals < MAX_DECIMALS ? decimals : MAX_DECIMALS;
    } else if (date) {
        f.kind = XLSX_FMT_DATE;
        f.clock = time;
    } else if (time)
        f.kind = XLSX_FMT_TIME;
    if (f.kind != XLSX_FMT_FIXED)
        f.percent = false;
    return f;
}

/* ---- Decimal strings ----------------------------------------------------------- */

/* More significant digits than Excel ever writes (17). */
#define MAX_DIGITS 40
/* The widest integer part shown in fixed notation. */
#define MAX_INT_DIGITS 40

/* value = (neg ? -1 : 1) × 0.d[0]d[1]…d[n-1] × 10^exp; no leading or
 * trailing zeros in d; n = 0 for zero. */
typedef struct decimal {
    bool neg;
    int n, exp;
    char d[MAX_DIGITS];
} decimal;

static bool dec_parse(const char *s, size_t len, decimal *x)
{
    memset(x, 0, sizeof *x);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' || s[len - 1] == '\n'))
        len--;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        x->neg = s[i++] == '-';
    bool any = false, point = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        any = true;
        if (x->n == 0 && c == '0') {        /* a leading zero */
            if (point)
                x->exp--;
            continue;
        }
        if (x->n == MAX_DIGITS)
            return false;
        x->d[x->n++] = c;
        if (!point)
            x->exp++;
    }
    if (!any)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        int e = 0;
        size_t start = i;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            e = e * 10 + (s[i] - '0');
            if (e > 400)
                return false;
        }
        if (i == start)
            return false;
        x->exp += eneg ? -e : e;
    }
    if (i != len)
        return false;
    while (x->n > 0 && x->d[x->n - 1] == '0')
        x->n--;
    if (x->n == 0)
        x->neg = false;
    return true;
}

/* Keep the first k significant digits, rounding half away from zero. */
static void dec_keep(decimal *x, int k)
{
    if (x->n <= k)
        return;
    if (k < 0) {
        x->n = 0;
        x->neg = false;
        return;
    }
    bool up = x->d[k] >= '5';
    x->n = k;
    if (up) {
        int i = k - 1;
        while (i >= 0 && x->d[i] == '9')
            i--;
        if (i < 0) {                         /* 9.99 → 10.0 */
            x->d[0] = '1';
            x->n = 1;
            x->exp++;
        } else {
            x->d[i]++;
            x->n = i + 1;
        }
    }
    while (x->n > 0 && x->d[x->n - 1] == '0')
        x->n--;
    if (x->n == 0)
        x->neg = false;
}

/* Fixed notation with exactly `decimals` decimals (x already rounded). */
static bool dec_print(const decimal *x, int decimals, const char *suffix, char *out)
{
    if (x->exp > MAX_INT_DIGITS)
        return false;
    char *o = out;
    if (x->neg)
        *o++ = '-';
    if (x->exp <= 0)
        *o++ = '0';
    for (int p = 0; p < x->exp; p++)
        *o++ = p < x->n ? x->d[p] : '0';
    if (decimals > 0)
        *o++ = '.';
    for (int j = 0; j < decimals; j++) {
        int p = x->exp + j;
        *o++ = p >= 0 && p < x->n ? x->d[p] : '0';
    }
    strcpy(o, suffix);
    return true;
}

/* ---- Dates ------------------------------------------------------------------ */

/* The civil date of a count of days since 1970-01-01 (H. Hinnant's
 * algorithm). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Days from 1970-01-01 to 1899-12-30 and to 1904-01-01. */
#define DAYS_1899_12_30 (-25569L)
#define DAYS_1904_01_01 (-24107L)

static bool date_text(const char *v, size_t len, const xlsx_numfmt *f, bool date1904,
                      char out[XLSX_NUMBER_TEXT_MAX])
{
    char buf[64];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, v, len);
    buf[len] = '\0';
    char *end;
    double serial = strtod(buf, &end);
    if (end == buf || *end || !(serial >= 0 && serial < 2958466)) /* up to 9999-12-31 */
        return false;
    long days = (long)serial;
    long secs = (long)((serial - (double)days) * 86400 + 0.5);
    if (secs >= 86400) {
        days++;
        secs -= 86400;
    }
    char clock[48];
    snprintf(clock, sizeof clock, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
    if (f->kind == XLSX_FMT_TIME) {
        strcpy(out, clock);
        return true;
    }
    int y, m, d;
    if (!date1904 && days == 60) {           /* Excel's 1900-02-29, kept for Lotus */
        y = 1900, m = 2, d = 29;
    } else {
        /* Serial 1 is 1900-01-01; from 61 on, the phantom leap day shifts by one. */
        long base = date1904 ? DAYS_1904_01_01 : days < 60 ? DAYS_1899_12_30 + 1 : DAYS_1899_12_30;
        civil_from_days(base + days, &y, &m, &d);
    }
    if (f->cjk)
        snprintf(out, XLSX_NUMBER_TEXT_MAX, "%d年%d月%d日", y, m, d);
    else
        snprintf(out, XLSX_NUMBER_TEXT_MAX, "%04d-%02d-%02d", y, m, d);
    if (f->clock) {
        size_t n = strlen(out);
        snprintf(out + n, XLSX_NUMBER_TEXT_MAX - n, " %s", clock);
    }
    return true;
}

/* ---- Shown text --------------------------------------------------------------- */

/* Excel keeps 15 significant digits of a number. */
#define GENERAL_DIGITS 15

bool xlsx_number_text(const char *v, size_t len, const xlsx_numfmt *f, bool date1904,
                      char out[XLSX_NUMBER_TEXT_MAX])
{
    if (f->kind == XLSX_FMT_DATE || f->kind == XLSX_FMT_TIME)
        return date_text(v, len, f, date1904, out);
    decimal x;
    if (!dec_parse(v, len, &x))
        return false;
    dec_keep(&x, GENERAL_DIGITS);
    if (f->kind == XLSX_FMT_FIXED) {
        if (f->percent && x.n)
            x.exp += 2;
        dec_keep(&x, x.exp + f->decimals);
        return dec_print(&x, f->decimals, f->percent ? "%" : "", out);
    }
    /* General: every significant digit, in fixed notation when it is short. */
    if (x.n && (x.exp > 21 || x.exp < -9))
        return false;
    return dec_print(&x, x.n - x.exp > 0 ? x.n - x.exp : 0, "", out);
}
