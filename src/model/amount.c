/*
 * amount.c — exact money amounts: parsing what documents print, printing it
 * back, exact arithmetic and the interval semantics of rounded figures.
 *
 * Invariant: 0 <= scale <= GK_AMOUNT_MAX_SCALE for every amount made here, so
 * 10^scale and 10^(scale+1) always come from the table below.
 */
#include "gongkai/amount.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef unsigned __int128 u128;

static const int64_t POW10[19] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
    100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
    1000000000000LL, 10000000000000LL, 100000000000000LL,
    1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
    1000000000000000000LL};

static bool mul_pow10(int64_t v, unsigned k, int64_t *out)
{
    if (k > 18)
        return v == 0 ? (*out = 0, true) : false;
    return !__builtin_mul_overflow(v, POW10[k], out);
}

gk_amount gk_amount_make(int64_t v, unsigned scale)
{
    /* Parsed amounts stop at GK_AMOUNT_MAX_SCALE; differences and bounds of
     * interval sums may carry one decimal more. */
    assert(scale <= GK_AMOUNT_MAX_SCALE + 1);
    gk_amount a = {v, (uint8_t)scale, 0};
    return a;
}

/* ---- Parsing -------------------------------------------------------- */

/* The symbols an amount is made of, after decoding the UTF-8 variants. */
enum sym { S_END, S_DIGIT, S_POINT, S_COMMA, S_SPACE, S_MINUS, S_PLUS, S_DASH, S_OTHER };

/* Decode one symbol at s[*i] (advancing *i); *digit gets a digit's value. */
static enum sym next_sym(const unsigned char *s, size_t len, size_t *i, int *digit)
{
    if (*i >= len)
        return S_END;
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        if (c >= '0' && c <= '9') {
            *digit = c - '0';
            return S_DIGIT;
        }
        switch (c) {
        case '.': return S_POINT;
        case ',': return S_COMMA;
        case ' ': case '\t': case '\r': case '\n': case '\f': case '\v': return S_SPACE;
        case '-': return S_MINUS;
        case '+': return S_PLUS;
        default: return S_OTHER;
        }
    }
    size_t left = len - *i;
    if (left >= 3 && c == 0xEF && s[*i + 1] == 0xBC) {      /* U+FF00..U+FF3F */
        unsigned char d = s[*i + 2];
        *i += 3;
        if (d >= 0x90 && d <= 0x99) {                        /* ０..９ */
            *digit = d - 0x90;
            return S_DIGIT;
        }
        switch (d) {
        case 0x8E: return S_POINT;                           /* ． */
        case 0x8C: return S_COMMA;                           /* ， */
        case 0x8D: return S_MINUS;                           /* － */
        case 0x8B: return S_PLUS;                            /* ＋ */
        default: return S_OTHER;
        }
    }
    if (left >= 3 && c == 0xE3 && s[*i + 1] == 0x80 && s[*i + 2] == 0x80) {
        *i += 3;                                             /* U+3000 */
        return S_SPACE;
    }
    if (left >= 2 && c == 0xC2 && s[*i + 1] == 0xA0) {
        *i += 2;                                             /* U+00A0 */
        return S_SPACE;
    }
    if (left >= 3 && c == 0xE2) {
        unsigned b1 = s[*i + 1], b2 = s[*i + 2];
        *i += 3;
        if (b1 == 0x88 && b2 == 0x92) return S_MINUS;        /* − U+2212 */
        if (b1 == 0x80 && (b2 == 0x93 || b2 == 0x94)) return S_DASH; /* – — */
        if (b1 == 0x94 && b2 == 0x80) return S_DASH;         /* ─ U+2500 */
        return S_OTHER;
    }
    (*i)++;
    return S_OTHER;
}

/* Symbols decoded into a small array so that the grammar below can look
 * ahead.  Cells are short; anything longer than this is not an amount. */
#define MAX_SYMS 64

gk_amount_status gk_amount_parse(const char *str, size_t len, gk_amount *out)
{
    const unsigned char *s = (const unsigned char *)str;
    enum sym sym[MAX_SYMS];
    signed char dig[MAX_SYMS];
    size_t n = 0, i = 0;

    memset(out, 0, sizeof *out);
    for (;;) {
        int d = 0;
        enum sym y = next_sym(s, len, &i, &d);
        if (y == S_END)
            break;
        if (y == S_SPACE && (n == 0 || sym[n - 1] == S_SPACE))
            continue;                       /* collapse runs, drop leading */
        if (n == MAX_SYMS)
            return GK_AMOUNT_INVALID;
        sym[n] = y;
        dig[n] = (signed char)d;
        n++;
    }
    while (n > 0 && sym[n - 1] == S_SPACE)
        n--;
    if (n == 0)
        return GK_AMOUNT_BLANK;

    /* "-", "—", "——", "－" alone: printed none. */
    size_t k = 0;
    while (k < n && (sym[k] == S_DASH || sym[k] == S_MINUS))
        k++;
    if (k == n && n <= 3) {
        out->flags = GK_AMOUNT_DASH;
        return GK_AMOUNT_OK;
    }

    size_t p = 0;
    bool neg = false;
    if (sym[p] == S_MINUS || sym[p] == S_PLUS) {
        neg = sym[p] == S_MINUS;
        p++;
        if (p < n && sym[p] == S_SPACE)
            p++;
    }

    int64_t v = 0;
    unsigned scale = 0;
    size_t int_digits = 0, group = 0;
    bool grouped = false, overflow = false;

    /* Integer part: digits, optionally in groups of three after commas. */
    while (p < n) {
        if (sym[p] == S_DIGIT) {
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, dig[p], &v))
                overflow = true;
            int_digits++;
            group++;
            p++;
            continue;
        }
        /* A comma (with OCR spaces around it) followed by a digit. */
        size_t q = p;
        if (sym[q] == S_SPACE)
            q++;
        if (q < n && sym[q] == S_COMMA && int_digits > 0) {
            if (grouped ? group != 3 : group > 3)
                return GK_AMOUNT_INVALID;
            q++;
            if (q < n && sym[q] == S_SPACE)
                q++;
            if (q >= n || sym[q] != S_DIGIT)
                return GK_AMOUNT_INVALID;
            grouped = true;
            group = 0;
            p = q;
            continue;
        }
        break;
    }
    if (grouped && group != 3)
        return GK_AMOUNT_INVALID;

    /* Fraction: an optional point, OCR spaces allowed on either side. */
    size_t frac_digits = 0;
    if (p < n) {
        size_t q = p;
        if (sym[q] == S_SPACE)
            q++;
        if (q < n && sym[q] == S_POINT) {
            q++;
            if (q < n && sym[q] == S_SPACE)
                q++;
            while (q < n && sym[q] == S_DIGIT) {
                if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, dig[q], &v))
                    overflow = true;
                frac_digits++;
                q++;
            }
            p = q;
        }
    }
    if (p != n || int_digits + frac_digits == 0)
        return GK_AMOUNT_INVALID;
    if (overflow || frac_digits > GK_AMOUNT_MAX_SCALE)
        return GK_AMOUNT_OVERFLOW;
    scale = (unsigned)frac_digits;
    out->v = neg ? -v : v;
    out->scale = (uint8_t)scale;
    return GK_AMOUNT_OK;
}

/* ---- Printing ------------------------------------------------------- */

/* Write a as text: sign, whole digits (with a comma every three when
 * grouped), point, exactly a.scale fraction digits.  out must hold
 * GK_AMOUNT_BUFSIZE + 8 bytes when grouped, GK_AMOUNT_BUFSIZE otherwise. */
static char *format(gk_amount a, bool grouped, char *out)
{
    uint64_t mag = a.v < 0 ? (uint64_t)0 - (uint64_t)a.v : (uint64_t)a.v;
    char rev[24];            /* digits, least significant first */
    size_t n = 0;
    do {
        rev[n++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag || n < (size_t)a.scale + 1);
    size_t whole = n - a.scale, o = 0;
    if (a.v < 0)
        out[o++] = '-';
    for (size_t i = 0; i < n; i++) {
        size_t left = n - i;                 /* digits still to write */
        if (i == whole)
            out[o++] = '.';
        else if (grouped && i > 0 && i < whole && (left - a.scale) % 3 == 0)
            out[o++] = ',';
        out[o++] = rev[left - 1];
    }
    out[o] = '\0';
    return out;
}

char *gk_amount_format(gk_amount a, char *buf)
{
    return format(a, false, buf);
}

char *gk_amount_format_grouped(gk_amount a, char *buf)
{
    return format(a, true, buf);
}

/* ---- Arithmetic ----------------------------------------------------- */

int gk_amount_cmp(gk_amount a, gk_amount b)
{
    /* Whole parts first, then fractions at the common scale: both fit in
     * 64 bits whatever the magnitudes, so this cannot overflow. */
    int64_t ia = a.v / POW10[a.scale], ib = b.v / POW10[b.scale];
    if (ia != ib)
        return ia < ib ? -1 : 1;
    unsigned s = a.scale > b.scale ? a.scale : b.scale;
    int64_t fa = (a.v % POW10[a.scale]) * POW10[s - a.scale];
    int64_t fb = (b.v % POW10[b.scale]) * POW10[s - b.scale];
    return (fa > fb) - (fa < fb);
}

bool gk_amount_is_zero(gk_amount a)
{
    return a.v == 0;
}

bool gk_amount_rescale(gk_amount a, unsigned scale, gk_amount *out)
{
    if (scale > GK_AMOUNT_MAX_SCALE)
        return false;
    int64_t v;
    if (scale >= a.scale) {
        if (!mul_pow10(a.v, scale - a.scale, &v))
            return false;
    } else {
        int64_t p = POW10[a.scale - scale];
        if (a.v % p != 0)
            return false;
        v = a.v / p;
    }
    out->v = v;
    out->scale = (uint8_t)scale;
    out->flags = a.flags;
    return true;
}

static bool add_signed(gk_amount a, gk_amount b, int sign, gk_amount *out)
{
    unsigned s = a.scale > b.scale ? a.scale : b.scale;
    gk_amount x, y;
    if (!gk_amount_rescale(a, s, &x) || !gk_amount_rescale(b, s, &y))
        return false;
    int64_t v;
    if (sign > 0 ? __builtin_add_overflow(x.v, y.v, &v)
                 : __builtin_sub_overflow(x.v, y.v, &v))
        return false;
    *out = gk_amount_make(v, s);
    return true;
}

bool gk_amount_add(gk_amount a, gk_amount b, gk_amount *out)
{
    return add_signed(a, b, 1, out);
}

bool gk_amount_sub(gk_amount a, gk_amount b, gk_amount *out)
{
    return add_signed(a, b, -1, out);
}

gk_amount gk_amount_round(gk_amount a, unsigned scale)
{
    if (a.scale <= scale)
        return a;
    int64_t p = POW10[a.scale - scale];
    int64_t q = a.v / p, r = a.v % p;
    if (r < 0)
        r = -r;
    if (r >= p - r)                     /* r ≥ p/2 without overflow */
        q += a.v < 0 ? -1 : 1;
    return gk_amount_make(q, scale);
}

gk_amount gk_amount_truncate(gk_amount a, unsigned scale)
{
    if (a.scale <= scale)
        return a;
    return gk_amount_make(a.v / POW10[a.scale - scale], scale);
}

bool gk_amount_is_truncation_of(gk_amount shown, gk_amount full)
{
    if (shown.scale >= full.scale || gk_amount_cmp(shown, full) == 0)
        return false;
    gk_amount t = gk_amount_truncate(full, shown.scale);
    return t.v == shown.v;
}

/* ---- Units ---------------------------------------------------------- */

static const struct {
    const char *name;
    int exponent;     /* 元 = 10^0 */
} UNITS[] = {
    [GK_UNIT_NONE] = {NULL, 0},
    [GK_UNIT_YUAN] = {"元", 0},
    [GK_UNIT_QIANYUAN] = {"千元", 3},
    [GK_UNIT_WANYUAN] = {"万元", 4},
    [GK_UNIT_YIYUAN] = {"亿元", 8},
};

const char *gk_unit_name(gk_unit u)
{
    return (unsigned)u < sizeof UNITS / sizeof UNITS[0] ? UNITS[u].name : NULL;
}

gk_unit gk_unit_from_name(const char *name)
{
    if (!name)
        return GK_UNIT_NONE;
    for (unsigned u = GK_UNIT_YUAN; u < sizeof UNITS / sizeof UNITS[0]; u++)
        if (strcmp(UNITS[u].name, name) == 0)
            return (gk_unit)u;
    return GK_UNIT_NONE;
}

bool gk_amount_convert(gk_amount a, gk_unit from, gk_unit to, gk_amount *out)
{
    if (from == GK_UNIT_NONE || to == GK_UNIT_NONE ||
        (unsigned)from >= sizeof UNITS / sizeof UNITS[0] ||
        (unsigned)to >= sizeof UNITS / sizeof UNITS[0])
        return false;
    int shift = UNITS[from].exponent - UNITS[to].exponent;
    int64_t v = a.v;
    int scale = a.scale - shift;        /* value = v × 10^-scale in `to` */
    if (scale < 0) {
        if (!mul_pow10(v, (unsigned)-scale, &v))
            return false;
        scale = 0;
    }
    while (scale > GK_AMOUNT_MAX_SCALE && v % 10 == 0) {
        v /= 10;
        scale--;
    }
    if (scale > GK_AMOUNT_MAX_SCALE)
        return false;
    *out = gk_amount_make(v, (unsigned)scale);
    out->flags = a.flags;
    return true;
}

/* ---- Ratios --------------------------------------------------------- */

bool gk_percent(gk_amount num, gk_amount den, unsigned scale, bool truncate,
                gk_amount *out)
{
    if (den.v == 0 || scale > GK_AMOUNT_MAX_SCALE)
        return false;
    /* result × 10^scale = num.v × 10^(den.scale + 2 + scale)
     *                     / (den.v × 10^num.scale) */
    bool neg = (num.v < 0) != (den.v < 0);
    u128 n = num.v < 0 ? (u128)((uint64_t)0 - (uint64_t)num.v) : (u128)(uint64_t)num.v;
    u128 d = den.v < 0 ? (u128)((uint64_t)0 - (uint64_t)den.v) : (u128)(uint64_t)den.v;
    unsigned up = den.scale + 2 + scale;
    for (unsigned i = 0; i < up; i++) {
        if (n > ((u128)-1) / 10)
            return false;
        n *= 10;
    }
    d *= (u128)(uint64_t)POW10[num.scale];   /* < 2^64 · 10^9: fits */
    u128 q = n / d, r = n % d;
    if (!truncate && r >= d - r)
        q++;
    if (q > (u128)INT64_MAX)
        return false;
    *out = gk_amount_make(neg ? -(int64_t)q : (int64_t)q, scale);
    return true;
}

/* ---- Interval sums -------------------------------------------------- */

void gk_sum_init(gk_sum *s)
{
    memset(s, 0, sizeof *s);
}

gk_sum gk_sum_of(gk_amount a)
{
    gk_sum s;
    gk_sum_init(&s);
    gk_sum_add(&s, a, 1);
    return s;
}

/* Bring a sum to a finer scale; flags overflow instead of wrapping. */
static void sum_raise(gk_sum *s, unsigned scale)
{
    if (scale <= s->scale)
        return;
    if (!mul_pow10(s->mid, scale - s->scale, &s->mid) ||
        !mul_pow10(s->half, scale - s->scale, &s->half))
        s->overflow = true;
    s->scale = (uint8_t)scale;
}

void gk_sum_add(gk_sum *s, gk_amount a, int sign)
{
    sum_raise(s, a.scale + 1u);
    int64_t v, half = 0;
    if (!mul_pow10(a.v, s->scale - a.scale, &v))
        s->overflow = true;
    if (!(a.flags & GK_AMOUNT_DASH) && !mul_pow10(5, s->scale - a.scale - 1u, &half))
        s->overflow = true;
    if (sign < 0 ? __builtin_sub_overflow(s->mid, v, &s->mid)
                 : __builtin_add_overflow(s->mid, v, &s->mid))
        s->overflow = true;
    if (__builtin_add_overflow(s->half, half, &s->half))
        s->overflow = true;
    s->terms++;
}

/* Bring copies of a and b to one scale; false on overflow. */
static bool sum_align(const gk_sum *a, const gk_sum *b, gk_sum *x, gk_sum *y)
{
    *x = *a;
    *y = *b;
    unsigned s = x->scale > y->scale ? x->scale : y->scale;
    sum_raise(x, s);
    sum_raise(y, s);
    return !x->overflow && !y->overflow;
}

/* The printed difference is exact one decimal coarser than the working
 * scale (every term had at most scale-1 decimals). */
static void fill_diff(int64_t diff, int64_t bound, unsigned scale, gk_diff *out)
{
    if (!out)
        return;
    if (scale > 0 && diff % 10 == 0)
        out->diff = gk_amount_make(diff / 10, scale - 1);
    else
        out->diff = gk_amount_make(diff, scale);
    out->bound = gk_amount_make(bound, scale);
}

gk_verdict gk_sum_compare(const gk_sum *a, const gk_sum *b, gk_diff *out)
{
    gk_sum x, y;
    int64_t diff, bound;
    if (!sum_align(a, b, &x, &y) || __builtin_sub_overflow(x.mid, y.mid, &diff) ||
        __builtin_add_overflow(x.half, y.half, &bound) || diff == INT64_MIN)
        return GK_OVERFLOW;
    fill_diff(diff, bound, x.scale, out);
    if (diff == 0)
        return GK_EXACT;
    return (diff < 0 ? -diff : diff) <= bound ? GK_ROUNDING : GK_MISMATCH;
}

gk_verdict gk_sum_at_most(const gk_sum *a, const gk_sum *b, gk_diff *out)
{
    gk_sum x, y;
    int64_t diff, bound;
    if (!sum_align(a, b, &x, &y) || __builtin_sub_overflow(x.mid, y.mid, &diff) ||
        __builtin_add_overflow(x.half, y.half, &bound))
        return GK_OVERFLOW;
    fill_diff(diff, bound, x.scale, out);
    if (diff <= 0)
        return GK_EXACT;
    return diff <= bound ? GK_ROUNDING : GK_MISMATCH;
}
