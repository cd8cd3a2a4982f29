/*
 * test_amount.c — exact amounts: parsing every printed form, printing back,
 * arithmetic, units, percentages and the interval semantics of DOMAIN.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "gongkai/amount.h"

static gk_amount parse_ok(const char *s)
{
    gk_amount a;
    gk_amount_status st = gk_amount_parse(s, strlen(s), &a);
    if (st != GK_AMOUNT_OK)
        fail_msg("'%s' did not parse (status %d)", s, st);
    return a;
}

static gk_amount_status parse_status(const char *s)
{
    gk_amount a;
    return gk_amount_parse(s, strlen(s), &a);
}

static void assert_prints(const char *in, const char *out)
{
    char buf[GK_AMOUNT_BUFSIZE];
    gk_amount a = parse_ok(in);
    assert_string_equal(gk_amount_format(a, buf), out);
}

static void test_parse_plain(void **state)
{
    (void)state;
    gk_amount a = parse_ok("341.39");
    assert_int_equal(a.v, 34139);
    assert_int_equal(a.scale, 2);
    a = parse_ok("101.80");
    assert_int_equal(a.v, 10180);
    assert_int_equal(a.scale, 2);
    a = parse_ok("9.1");
    assert_int_equal(a.v, 91);
    assert_int_equal(a.scale, 1);
    a = parse_ok("0");
    assert_int_equal(a.v, 0);
    assert_int_equal(a.scale, 0);
    a = parse_ok("202.15284");
    assert_int_equal(a.v, 20215284);
    assert_int_equal(a.scale, 5);
    assert_prints("101.80", "101.80");
    assert_prints("0.00", "0.00");
    assert_prints("007.5", "7.5");
    assert_prints(".5", "0.5");
    assert_prints("12.", "12");
}

static void test_parse_separators_and_ocr(void **state)
{
    (void)state;
    assert_prints("1,234.56", "1234.56");
    assert_prints("2,021,528.40", "2021528.40");
    assert_prints("341. 39", "341.39");
    assert_prints("138 . 59", "138.59");
    assert_prints("35 .16", "35.16");
    assert_prints("  9.18\t", "9.18");
    assert_prints("1, 234.00", "1234.00");
    /* Wrongly grouped or two numbers in one cell: not an amount. */
    assert_int_equal(parse_status("12,34"), GK_AMOUNT_INVALID);
    assert_int_equal(parse_status("1,2345"), GK_AMOUNT_INVALID);
    assert_int_equal(parse_status("9.18 9.18"), GK_AMOUNT_INVALID);
    assert_int_equal(parse_status("341 39"), GK_AMOUNT_INVALID);
    assert_int_equal(parse_status(",123"), GK_AMOUNT_INVALID);
    assert_int_equal(parse_status("1,234,"), GK_AMOUNT_INVALID);
}

static void test_parse_fullwidth(void **state)
{
    (void)state;
    assert_prints("３４１．３９", "341.39");
    assert_prints("１，２３４．５０", "1234.50");
    assert_prints("\xE3\x80\x80" "5.43" "\xC2\xA0", "5.43");   /* U+3000, U+00A0 */
    assert_prints("－12.50", "-12.50");
    assert_prints("\xE2\x88\x92" "3.2", "-3.2");               /* U+2212 */
    assert_prints("+4", "4");
}

static void test_parse_dash_and_blank(void **state)
{
    (void)state;
    const char *dashes[] = {"-", "—", "——", "–", "－", "─", " - "};
    for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++) {
        gk_amount a = parse_ok(dashes[i]);
        assert_int_equal(a.v, 0);
        assert_true(a.flags & GK_AMOUNT_DASH);
        char buf[GK_AMOUNT_BUFSIZE];
        assert_string_equal(gk_amount_format(a, buf), "0");
    }
    assert_int_equal(parse_status(""), GK_AMOUNT_BLANK);
    assert_int_equal(parse_status("   \t"), GK_AMOUNT_BLANK);
    assert_int_equal(parse_status("\xE3\x80\x80"), GK_AMOUNT_BLANK);
    assert_int_equal(parse_status("----"), GK_AMOUNT_INVALID);
}

static void test_parse_invalid(void **state)
{
    (void)state;
    const char *bad[] = {"abc", "12a", "12%", "1.2.3", "•", "..", "- -", "1-2",
                         "9.18万元", "\xFF\xFE", "3..5"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (parse_status(bad[i]) != GK_AMOUNT_INVALID)
            fail_msg("'%s' should be invalid", bad[i]);
    /* Not NUL-terminated: only len bytes are read. */
    gk_amount a;
    assert_int_equal(gk_amount_parse("12.345", 4, &a), GK_AMOUNT_OK);
    assert_int_equal(a.v, 123);
    assert_int_equal(a.scale, 1);
}

static void test_parse_limits(void **state)
{
    (void)state;
    gk_amount a = parse_ok("9223372036854775807");
    assert_int_equal(a.v, INT64_MAX);
    assert_int_equal(parse_status("9223372036854775808"), GK_AMOUNT_OVERFLOW);
    assert_int_equal(parse_status("1234567890123456789012345678901234567890"), GK_AMOUNT_OVERFLOW);
    assert_int_equal(parse_status("1.1234567890"), GK_AMOUNT_OVERFLOW);   /* 10 decimals */
    a = parse_ok("1.123456789");
    assert_int_equal(a.scale, 9);
    a = parse_ok("-9223372036854775807");
    assert_int_equal(a.v, -INT64_MAX);
    /* A long cell is not an amount, whatever it holds. */
    char longcell[200];
    memset(longcell, '1', sizeof longcell - 1);
    longcell[sizeof longcell - 1] = '\0';
    assert_int_not_equal(parse_status(longcell), GK_AMOUNT_OK);
}

static void test_format_grouped(void **state)
{
    (void)state;
    char buf[GK_AMOUNT_BUFSIZE + 8];
    assert_string_equal(gk_amount_format_grouped(parse_ok("2021528.40"), buf), "2,021,528.40");
    assert_string_equal(gk_amount_format_grouped(parse_ok("-1234"), buf), "-1,234");
    assert_string_equal(gk_amount_format_grouped(parse_ok("999.99"), buf), "999.99");
    assert_string_equal(gk_amount_format_grouped(gk_amount_make(INT64_MIN, 2), buf),
                        "-92,233,720,368,547,758.08");
}

static void test_cmp_and_arith(void **state)
{
    (void)state;
    assert_int_equal(gk_amount_cmp(parse_ok("9.1"), parse_ok("9.10")), 0);
    assert_true(gk_amount_cmp(parse_ok("9.1"), parse_ok("9.18")) < 0);
    assert_true(gk_amount_cmp(parse_ok("-0.5"), parse_ok("0.3")) < 0);
    assert_true(gk_amount_cmp(parse_ok("-1.5"), parse_ok("-1.25")) < 0);
    assert_true(gk_amount_cmp(gk_amount_make(INT64_MAX, 0), gk_amount_make(INT64_MAX, 9)) > 0);
    assert_true(gk_amount_cmp(gk_amount_make(INT64_MIN, 0), gk_amount_make(INT64_MIN, 9)) < 0);

    gk_amount s;
    char buf[GK_AMOUNT_BUFSIZE];
    assert_true(gk_amount_add(parse_ok("74.82"), parse_ok("26.98"), &s));
    assert_string_equal(gk_amount_format(s, buf), "101.80");
    assert_true(gk_amount_add(parse_ok("0.1"), parse_ok("0.25"), &s));
    assert_string_equal(gk_amount_format(s, buf), "0.35");
    assert_true(gk_amount_sub(parse_ok("341.39"), parse_ok("341.3"), &s));
    assert_string_equal(gk_amount_format(s, buf), "0.09");
    assert_false(gk_amount_add(gk_amount_make(INT64_MAX, 0), parse_ok("1"), &s));
    assert_false(gk_amount_sub(gk_amount_make(INT64_MIN, 0), parse_ok("1"), &s));
    assert_false(gk_amount_add(gk_amount_make(INT64_MAX / 10 + 1, 0), parse_ok("0.1"), &s));
    assert_true(gk_amount_is_zero(parse_ok("0.00")));
    assert_false(gk_amount_is_zero(parse_ok("0.01")));
}

static void test_rescale_round_truncate(void **state)
{
    (void)state;
    gk_amount a;
    char buf[GK_AMOUNT_BUFSIZE];
    assert_true(gk_amount_rescale(parse_ok("1.5"), 3, &a));
    assert_string_equal(gk_amount_format(a, buf), "1.500");
    assert_true(gk_amount_rescale(parse_ok("1.500"), 1, &a));
    assert_string_equal(gk_amount_format(a, buf), "1.5");
    assert_false(gk_amount_rescale(parse_ok("1.55"), 1, &a));
    assert_false(gk_amount_rescale(gk_amount_make(INT64_MAX, 0), 1, &a));
    assert_false(gk_amount_rescale(parse_ok("1"), GK_AMOUNT_MAX_SCALE + 1, &a));

    assert_string_equal(gk_amount_format(gk_amount_round(parse_ok("101.7857"), 2), buf), "101.79");
    assert_string_equal(gk_amount_format(gk_amount_truncate(parse_ok("101.7857"), 2), buf), "101.78");
    assert_string_equal(gk_amount_format(gk_amount_round(parse_ok("2.345"), 2), buf), "2.35");
    assert_string_equal(gk_amount_format(gk_amount_round(parse_ok("-2.345"), 2), buf), "-2.35");
    assert_string_equal(gk_amount_format(gk_amount_round(parse_ok("2.344"), 2), buf), "2.34");
    assert_string_equal(gk_amount_format(gk_amount_round(parse_ok("0.5"), 0), buf), "1");
    assert_string_equal(gk_amount_format(gk_amount_round(parse_ok("1.2"), 4), buf), "1.2");
}

static void test_truncation_hint(void **state)
{
    (void)state;
    /* The 000 document's 公开01表 lost last digits in extraction. */
    assert_true(gk_amount_is_truncation_of(parse_ok("9.1"), parse_ok("9.18")));
    assert_true(gk_amount_is_truncation_of(parse_ok("326.7"), parse_ok("326.78")));
    assert_true(gk_amount_is_truncation_of(parse_ok("5.4"), parse_ok("5.43")));
    assert_true(gk_amount_is_truncation_of(parse_ok("341.3"), parse_ok("341.39")));
    assert_false(gk_amount_is_truncation_of(parse_ok("9.2"), parse_ok("9.18")));    /* rounded */
    assert_false(gk_amount_is_truncation_of(parse_ok("9.1"), parse_ok("9.10")));    /* equal */
    assert_false(gk_amount_is_truncation_of(parse_ok("9.18"), parse_ok("9.1")));
}

static void test_units(void **state)
{
    (void)state;
    gk_amount a;
    char buf[GK_AMOUNT_BUFSIZE];
    /* 004: 2,021,528.40 元 = 202.15284 万元 */
    assert_true(gk_amount_convert(parse_ok("2,021,528.40"), GK_UNIT_YUAN, GK_UNIT_WANYUAN, &a));
    assert_string_equal(gk_amount_format(a, buf), "202.152840");
    assert_int_equal(gk_amount_cmp(a, parse_ok("202.15284")), 0);
    assert_true(gk_amount_convert(parse_ok("89.68674"), GK_UNIT_WANYUAN, GK_UNIT_YUAN, &a));
    assert_string_equal(gk_amount_format(a, buf), "896867.4");
    assert_true(gk_amount_convert(parse_ok("3"), GK_UNIT_WANYUAN, GK_UNIT_YUAN, &a));
    assert_string_equal(gk_amount_format(a, buf), "30000");
    assert_true(gk_amount_convert(parse_ok("1.5"), GK_UNIT_YIYUAN, GK_UNIT_WANYUAN, &a));
    assert_string_equal(gk_amount_format(a, buf), "15000");
    /* 元 with 2 decimals to 亿元 would need 10 decimals; trailing zeros go. */
    assert_true(gk_amount_convert(parse_ok("12.30"), GK_UNIT_YUAN, GK_UNIT_YIYUAN, &a));
    assert_string_equal(gk_amount_format(a, buf), "0.000000123");
    assert_false(gk_amount_convert(parse_ok("12.34"), GK_UNIT_YUAN, GK_UNIT_YIYUAN, &a));
    assert_false(gk_amount_convert(gk_amount_make(INT64_MAX, 0), GK_UNIT_WANYUAN, GK_UNIT_YUAN, &a));
    assert_false(gk_amount_convert(parse_ok("1"), GK_UNIT_NONE, GK_UNIT_YUAN, &a));
    assert_string_equal(gk_unit_name(GK_UNIT_WANYUAN), "万元");
    assert_int_equal(gk_unit_from_name("元"), GK_UNIT_YUAN);
    assert_int_equal(gk_unit_from_name("亿元"), GK_UNIT_YIYUAN);
    assert_int_equal(gk_unit_from_name("美元"), GK_UNIT_NONE);
    assert_int_equal(gk_unit_from_name(NULL), GK_UNIT_NONE);
    assert_null(gk_unit_name(GK_UNIT_NONE));
}

static void assert_percent(const char *num, const char *den, unsigned scale, bool trunc,
                           const char *want)
{
    gk_amount p;
    char buf[GK_AMOUNT_BUFSIZE];
    assert_true(gk_percent(parse_ok(num), parse_ok(den), scale, trunc, &p));
    assert_string_equal(gk_amount_format(p, buf), want);
}

static void test_percent(void **state)
{
    (void)state;
    /* Completion rates from the 000 document (rounded vs truncated). */
    assert_percent("2.28", "2.24", 2, false, "101.79");
    assert_percent("2.28", "2.24", 2, true, "101.78");
    assert_percent("80.91", "87.71", 2, false, "92.25");
    assert_percent("80.91", "87.71", 2, true, "92.24");
    assert_percent("93.98", "203", 2, false, "46.30");
    assert_percent("5.43", "5.37", 2, false, "101.12");
    /* Shares: 101.80 / 341.39 = 29.82%. */
    assert_percent("101.80", "341.39", 2, false, "29.82");
    assert_percent("239.59", "341.39", 2, false, "70.18");
    assert_percent("-0.48", "2.58", 2, false, "-18.60");
    assert_percent("1", "3", 0, false, "33");
    assert_percent("2", "3", 1, false, "66.7");
    gk_amount p;
    assert_false(gk_percent(parse_ok("1"), parse_ok("0.00"), 2, false, &p));
    assert_false(gk_percent(gk_amount_make(INT64_MAX, 0), parse_ok("0.000000001"), 9, false, &p));
}

static gk_sum sum_of(const char *const *terms, size_t n)
{
    gk_sum s;
    gk_sum_init(&s);
    for (size_t i = 0; i < n; i++)
        gk_sum_add(&s, parse_ok(terms[i]), 1);
    return s;
}

static void test_interval_sums(void **state)
{
    (void)state;
    char b1[GK_AMOUNT_BUFSIZE], b2[GK_AMOUNT_BUFSIZE];
    gk_diff d;

    /* Exact: 基本 101.80 = 人员 74.82 + 公用 26.98. */
    const char *exact[] = {"74.82", "26.98"};
    gk_sum parts = sum_of(exact, 2), total = gk_sum_of(parse_ok("101.80"));
    assert_int_equal(gk_sum_compare(&parts, &total, &d), GK_EXACT);
    assert_string_equal(gk_amount_format(d.diff, b1), "0.00");

    /* Rounding only (000): 20899 0.04 + 20805 9.13 vs 208 9.18: bound 0.015. */
    const char *r208[] = {"0.04", "9.13"};
    parts = sum_of(r208, 2);
    total = gk_sum_of(parse_ok("9.18"));
    assert_int_equal(gk_sum_compare(&parts, &total, &d), GK_ROUNDING);
    assert_string_equal(gk_amount_format(d.diff, b1), "-0.01");
    assert_string_equal(gk_amount_format(d.bound, b2), "0.015");

    /* yichuan: 10 类 rows 20,323.19 vs 20,323.21 — bound 11 × 0.005 = 0.055. */
    gk_sum ten;
    gk_sum_init(&ten);
    for (int i = 0; i < 9; i++)
        gk_sum_add(&ten, parse_ok("2000.00"), 1);
    gk_sum_add(&ten, parse_ok("2323.19"), 1);
    total = gk_sum_of(parse_ok("20,323.21"));
    assert_int_equal(gk_sum_compare(&ten, &total, &d), GK_ROUNDING);
    assert_string_equal(gk_amount_format(d.bound, b2), "0.055");

    /* A real mismatch (000 公开01表): 341.3 vs 341.39. */
    parts = gk_sum_of(parse_ok("341.3"));
    total = gk_sum_of(parse_ok("341.39"));
    assert_int_equal(gk_sum_compare(&parts, &total, &d), GK_MISMATCH);
    assert_string_equal(gk_amount_format(d.diff, b1), "-0.09");
    assert_string_equal(gk_amount_format(d.bound, b2), "0.055");   /* ½·0.1 + ½·0.01 */

    /* Dashes are exactly zero: they widen nothing. */
    gk_sum z;
    gk_sum_init(&z);
    gk_sum_add(&z, parse_ok("-"), 1);
    gk_sum_add(&z, parse_ok("5.00"), 1);
    total = gk_sum_of(parse_ok("5.01"));
    assert_int_equal(gk_sum_compare(&z, &total, &d), GK_ROUNDING);
    assert_string_equal(gk_amount_format(d.bound, b2), "0.010");

    /* Signed terms: 总计 = 本年合计 + 年初 − nothing. */
    gk_sum signed_sum;
    gk_sum_init(&signed_sum);
    gk_sum_add(&signed_sum, parse_ok("100.00"), 1);
    gk_sum_add(&signed_sum, parse_ok("30.00"), -1);
    total = gk_sum_of(parse_ok("70"));
    assert_int_equal(gk_sum_compare(&signed_sum, &total, &d), GK_EXACT);

    /* Mixed scales (元 converted to 万元 vs narrative 万元). */
    gk_amount conv;
    assert_true(gk_amount_convert(parse_ok("896,867.40"), GK_UNIT_YUAN, GK_UNIT_WANYUAN, &conv));
    parts = gk_sum_of(conv);
    total = gk_sum_of(parse_ok("89.68674"));
    assert_int_equal(gk_sum_compare(&parts, &total, &d), GK_EXACT);

    /* Overflow is reported, never wrapped. */
    gk_sum big;
    gk_sum_init(&big);
    gk_sum_add(&big, gk_amount_make(INT64_MAX, 0), 1);
    assert_true(big.overflow);
    assert_int_equal(gk_sum_compare(&big, &total, &d), GK_OVERFLOW);
    assert_int_equal(big.terms, 1);
}

static void test_at_most(void **state)
{
    (void)state;
    gk_diff d;
    char b[GK_AMOUNT_BUFSIZE];
    gk_sum small = gk_sum_of(parse_ok("0.50")), large = gk_sum_of(parse_ok("0.60"));
    assert_int_equal(gk_sum_at_most(&small, &large, &d), GK_EXACT);
    assert_int_equal(gk_sum_at_most(&large, &small, &d), GK_MISMATCH);
    assert_string_equal(gk_amount_format(d.diff, b), "0.10");
    gk_sum a = gk_sum_of(parse_ok("2.105")), c = gk_sum_of(parse_ok("2.10"));
    assert_int_equal(gk_sum_at_most(&a, &c, &d), GK_ROUNDING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_plain),
        cmocka_unit_test(test_parse_separators_and_ocr),
        cmocka_unit_test(test_parse_fullwidth),
        cmocka_unit_test(test_parse_dash_and_blank),
        cmocka_unit_test(test_parse_invalid),
        cmocka_unit_test(test_parse_limits),
        cmocka_unit_test(test_format_grouped),
        cmocka_unit_test(test_cmp_and_arith),
        cmocka_unit_test(test_rescale_round_truncate),
        cmocka_unit_test(test_truncation_hint),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_interval_sums),
        cmocka_unit_test(test_at_most),
    };
    return cmocka_run_group_tests_name("amount", tests, NULL, NULL);
}
