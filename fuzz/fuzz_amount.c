/*
 * fuzz_amount.c — the amount parser (gk_amount_parse) and the arithmetic
 * behind it.
 *
 * The input is one or two printed amounts, split at the first '\n'.  Each
 * that parses must print back (gk_amount_format) to text that parses to the
 * same value and scale; two amounts are added, subtracted, compared, summed
 * as intervals, divided (gk_percent), rounded, truncated and converted, and
 * the results checked against each other where the arithmetic says they
 * must agree.  UBSan catches any overflow that wraps instead of reporting.
 */
#include <stdlib.h>
#include <string.h>

#include "gongkai/amount.h"
#include "fuzz.h"

#define CHECK(cond) \
    do {            \
        if (!(cond)) \
            abort(); \
    } while (0)

/* Format a, parse the text again: the same value, the same scale. */
static void round_trip(gk_amount a)
{
    char buf[GK_AMOUNT_BUFSIZE + 8];
    gk_amount b;
    gk_amount_format(a, buf);
    CHECK(strlen(buf) < GK_AMOUNT_BUFSIZE);
    CHECK(gk_amount_parse(buf, strlen(buf), &b) == GK_AMOUNT_OK);
    CHECK(gk_amount_cmp(a, b) == 0);
    CHECK(a.scale == b.scale);
    gk_amount_format_grouped(a, buf);
    CHECK(strlen(buf) < GK_AMOUNT_BUFSIZE + 8);
    CHECK(gk_amount_parse(buf, strlen(buf), &b) == GK_AMOUNT_OK);
    CHECK(gk_amount_cmp(a, b) == 0);
}

static void one(gk_amount a)
{
    round_trip(a);
    gk_amount_is_zero(a);
    for (unsigned s = 0; s <= GK_AMOUNT_MAX_SCALE; s++) {
        gk_amount r = gk_amount_round(a, s), t = gk_amount_truncate(a, s), x;
        CHECK(r.scale <= GK_AMOUNT_MAX_SCALE && t.scale <= GK_AMOUNT_MAX_SCALE);
        /* Truncating never moves away from zero. */
        if (gk_amount_cmp(a, gk_amount_make(0, 0)) >= 0)
            CHECK(gk_amount_cmp(t, a) <= 0);
        else
            CHECK(gk_amount_cmp(t, a) >= 0);
        if (gk_amount_rescale(a, s, &x))
            CHECK(gk_amount_cmp(a, x) == 0);
        gk_amount_is_truncation_of(t, a);
    }
    for (int from = GK_UNIT_NONE; from <= GK_UNIT_YIYUAN; from++)
        for (int to = GK_UNIT_NONE; to <= GK_UNIT_YIYUAN; to++) {
            gk_amount c, back;
            if (gk_amount_convert(a, (gk_unit)from, (gk_unit)to, &c) &&
                gk_amount_convert(c, (gk_unit)to, (gk_unit)from, &back))
                CHECK(gk_amount_cmp(a, back) == 0);
        }
}

static void two(gk_amount a, gk_amount b)
{
    gk_amount s, d, back;
    int c = gk_amount_cmp(a, b);
    CHECK(c == -gk_amount_cmp(b, a));
    if (gk_amount_add(a, b, &s) && gk_amount_sub(s, b, &back))
        CHECK(gk_amount_cmp(back, a) == 0);
    if (gk_amount_sub(a, b, &d)) {
        int z = gk_amount_cmp(d, gk_amount_make(0, 0));
        CHECK((z > 0) - (z < 0) == (c > 0) - (c < 0));
    }
    for (unsigned scale = 0; scale <= 4; scale++) {
        gk_amount p;
        gk_percent(a, b, scale, false, &p);
        gk_percent(a, b, scale, true, &p);
    }
    gk_amount_is_truncation_of(a, b);

    gk_sum x, y;
    gk_diff diff;
    gk_sum_init(&x);
    gk_sum_add(&x, a, 1);
    gk_sum_add(&x, b, -1);
    gk_sum_add(&x, b, 1);
    y = gk_sum_of(a);
    gk_verdict v = gk_sum_compare(&x, &y, &diff);
    if (!x.overflow && !y.overflow)
        CHECK(v == GK_EXACT || v == GK_ROUNDING || v == GK_OVERFLOW);
    gk_sum_at_most(&x, &y, &diff);
    gk_sum_at_most(&y, &x, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    size_t n1 = nl ? (size_t)(nl - s) : size;
    gk_amount a, b;
    gk_amount_status st = gk_amount_parse(s, n1, &a);
    if (st == GK_AMOUNT_OK)
        one(a);
    else
        CHECK(a.v == 0 && a.scale == 0 && a.flags == 0);
    if (nl) {
        size_t n2 = size - n1 - 1;
        if (gk_amount_parse(nl + 1, n2, &b) == GK_AMOUNT_OK) {
            one(b);
            if (st == GK_AMOUNT_OK)
                two(a, b);
        }
    }
    return 0;
}
