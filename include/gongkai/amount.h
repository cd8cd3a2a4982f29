/*
 * gongkai/amount.h — exact money amounts.
 *
 * An amount is a scaled 64-bit integer that remembers how many decimals were
 * printed: "341.39" is {34139, scale 2}, "101.80" is {10180, scale 2} and
 * prints back as "101.80", "9.1" is {91, scale 1}.  No binary floating point
 * is ever used for money.
 *
 * A printed value v with d decimals stands for the interval
 * [v - ½·10^-d, v + ½·10^-d] (round-to-nearest).  An identity between printed
 * values holds iff the intervals intersect — the rule of XBRL Calculations
 * 1.1.  gk_sum accumulates such intervals; gk_sum_compare tells an exact
 * match, a rounding difference (尾差, within the bound) and a real mismatch
 * apart.
 *
 * Every operation that could overflow reports it instead of wrapping.
 */
#ifndef GONGKAI_AMOUNT_H
#define GONGKAI_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The most decimals an amount may carry.  Narrative figures use up to 5
 * decimals of 万元; 元 converted to 万元 needs 6; 9 leaves room. */
#define GK_AMOUNT_MAX_SCALE 9

/* Longest text gk_amount_format can produce, including the NUL:
 * sign, 19 digits, point, a leading "0." and slack. */
#define GK_AMOUNT_BUFSIZE 32

enum {
    GK_AMOUNT_DASH = 1u << 0  /* printed as "-", "—" …: none, exactly zero */
};

typedef struct gk_amount {
    int64_t v;      /* value × 10^scale */
    uint8_t scale;  /* decimals as printed, 0..GK_AMOUNT_MAX_SCALE */
    uint8_t flags;  /* GK_AMOUNT_DASH */
} gk_amount;

typedef enum gk_amount_status {
    GK_AMOUNT_OK = 0,
    GK_AMOUNT_BLANK,     /* empty or only white space: no value */
    GK_AMOUNT_INVALID,   /* not a number */
    GK_AMOUNT_OVERFLOW   /* too many digits or decimals */
} gk_amount_status;

/* Parse a printed amount.  Accepts what real documents contain:
 *   "1,234.56"  thousands separators (ASCII or full-width comma)
 *   "341. 39", "138 . 59"  OCR spaces around the decimal point or a separator
 *   "３４１．３９"  full-width digits and point
 *   "-12.5", "－12.5", "−12.5"  a sign (ASCII, full-width or U+2212)
 *   "-", "—", "——", "–", "－"  alone: zero, flagged GK_AMOUNT_DASH
 *   "" or white space (also U+3000 and U+00A0): GK_AMOUNT_BLANK
 * Anything else (letters, "%", two numbers "9.18 9.18") is INVALID.
 * `len` is the byte length of `s` (no NUL needed).  On success *out holds the
 * value; otherwise *out is zeroed. */
gk_amount_status gk_amount_parse(const char *s, size_t len, gk_amount *out);

/* Make an amount from an integer count of 10^-scale units. */
gk_amount gk_amount_make(int64_t v, unsigned scale);

/* Write the cleaned printed form ("-1234.56", "101.80", "0") into buf, which
 * must hold GK_AMOUNT_BUFSIZE bytes.  A dash prints as "0".  Returns buf. */
char *gk_amount_format(gk_amount a, char *buf);

/* The same with thousands separators ("1,234,567.80"), for writers.
 * buf must hold GK_AMOUNT_BUFSIZE + 8 bytes. */
char *gk_amount_format_grouped(gk_amount a, char *buf);

/* Exact comparison across scales: <0, 0, >0.  Never overflows. */
int gk_amount_cmp(gk_amount a, gk_amount b);

bool gk_amount_is_zero(gk_amount a);

/* Re-express `a` with `scale` decimals.  Raising the scale is exact (fails
 * only on overflow); lowering it is allowed only when no non-zero digit is
 * lost.  Returns false (and leaves *out untouched) otherwise. */
bool gk_amount_rescale(gk_amount a, unsigned scale, gk_amount *out);

/* Exact sum / difference; the result has the larger scale.  False on
 * overflow. */
bool gk_amount_add(gk_amount a, gk_amount b, gk_amount *out);
bool gk_amount_sub(gk_amount a, gk_amount b, gk_amount *out);

/* Round half away from zero to `scale` decimals (or keep when already
 * coarser).  Truncate drops the extra digits instead. */
gk_amount gk_amount_round(gk_amount a, unsigned scale);
gk_amount gk_amount_truncate(gk_amount a, unsigned scale);

/* True when `shown` is `full` with trailing digits lost: "9.1" for "9.18",
 * "341.3" for "341.39", "5.4" for "5.43" (dropped, not rounded).  Used to hint
 * that a document lost digits in extraction. */
bool gk_amount_is_truncation_of(gk_amount shown, gk_amount full);

/* ---- Units ---------------------------------------------------------- */

typedef enum gk_unit {
    GK_UNIT_NONE = 0,   /* not stated */
    GK_UNIT_YUAN,       /* 元 */
    GK_UNIT_QIANYUAN,   /* 千元 */
    GK_UNIT_WANYUAN,    /* 万元 */
    GK_UNIT_YIYUAN      /* 亿元 */
} gk_unit;

/* "元", "千元", "万元", "亿元"; NULL for GK_UNIT_NONE. */
const char *gk_unit_name(gk_unit u);
/* Inverse of gk_unit_name; GK_UNIT_NONE when not a unit name. */
gk_unit gk_unit_from_name(const char *name);

/* Convert exactly between units by moving the decimal point: 2,021,528.40 元
 * becomes 202.152840 万元 (scale 6), 202.15284 万元 becomes 2021528.4 元.
 * False on overflow or when the result would need more than
 * GK_AMOUNT_MAX_SCALE decimals, or a unit is GK_UNIT_NONE. */
bool gk_amount_convert(gk_amount a, gk_unit from, gk_unit to, gk_amount *out);

/* ---- Ratios --------------------------------------------------------- */

/* num / den × 100, to `scale` decimals, rounded half away from zero
 * (truncate = false) or truncated toward zero (truncate = true).
 * False when den is zero or the result does not fit. */
bool gk_percent(gk_amount num, gk_amount den, unsigned scale, bool truncate,
                gk_amount *out);

/* ---- Sums of printed values (interval arithmetic) ------------------- */

/* A signed sum of printed amounts and the half-width of its interval.  Each
 * printed term with d decimals adds ½·10^-d to the half-width; a dash adds
 * nothing (it is exactly zero). */
typedef struct gk_sum {
    int64_t mid;     /* Σ ±v, at `scale` */
    int64_t half;    /* Σ ½·10^-d, at `scale` */
    uint8_t scale;   /* max term decimals + 1, so that halves are whole */
    bool overflow;
    size_t terms;
} gk_sum;

void gk_sum_init(gk_sum *s);
/* Add `sign` (+1 or -1) × a. */
void gk_sum_add(gk_sum *s, gk_amount a, int sign);
/* A sum of exactly one term. */
gk_sum gk_sum_of(gk_amount a);

typedef enum gk_verdict {
    GK_EXACT = 0,     /* the printed figures agree exactly */
    GK_ROUNDING,      /* they differ, but within the rounding bound (尾差) */
    GK_MISMATCH,      /* they differ beyond the bound */
    GK_OVERFLOW       /* too large to compare */
} gk_verdict;

typedef struct gk_diff {
    gk_amount diff;   /* a − b (exact, printed figures) */
    gk_amount bound;  /* the largest difference rounding can explain */
} gk_diff;

/* Does a = b hold for the printed figures?  *out (may be NULL) receives the
 * difference and the bound. */
gk_verdict gk_sum_compare(const gk_sum *a, const gk_sum *b, gk_diff *out);

/* Does a ≤ b hold (the intervals allow it)?  GK_EXACT when a ≤ b already holds
 * for the printed figures, GK_ROUNDING when only rounding makes it possible,
 * GK_MISMATCH when even the interval ends violate it. */
gk_verdict gk_sum_at_most(const gk_sum *a, const gk_sum *b, gk_diff *out);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_AMOUNT_H */
