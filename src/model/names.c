/*
 * names.c — reducing printed names to keys for comparison.
 *
 * Documents print the same name in many ways: full- or half-width brackets,
 * spaces from extraction, numbering from the table ("九、"), level markers
 * from the narrative ("（类）"), quotes.  A key drops all of that, so that
 * names compare equal when they are the same name.
 */
#include "gongkai/catalog.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_CPS (GK_NAME_KEY_MAX)

static bool is_cn_numeral(int32_t c)
{
    return c == 0x4E00 /* 一 */ || c == 0x4E8C /* 二 */ || c == 0x4E09 /* 三 */ ||
           c == 0x56DB /* 四 */ || c == 0x4E94 /* 五 */ || c == 0x516D /* 六 */ ||
           c == 0x4E03 /* 七 */ || c == 0x516B /* 八 */ || c == 0x4E5D /* 九 */ ||
           c == 0x5341 /* 十 */ || c == 0x767E /* 百 */ || c == 0x96F6 /* 零 */ ||
           c == 0x3007 /* 〇 */;
}

static bool is_numeral(int32_t c)
{
    return is_cn_numeral(c) || (c >= '0' && c <= '9');
}

static bool is_dropped(int32_t c)
{
    if (c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019)
        return true;                      /* quotes */
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CC ||
           cat == UTF8PROC_CATEGORY_CF;   /* spaces, controls, zero-width */
}

/* Length of leading numbering at cp[0..n): "一、", "十二.", "(一)", "(3)、",
 * "1、", "2.". 0 when there is none. */
static size_t numbering_len(const int32_t *cp, size_t n)
{
    size_t i = 0;
    if (n > 0 && cp[0] == '(') {
        i = 1;
        while (i < n && is_numeral(cp[i]))
            i++;
        if (i == 1 || i >= n || cp[i] != ')')
            return 0;
        i++;
        if (i < n && (cp[i] == 0x3001 /* 、 */ || cp[i] == '.'))
            i++;
        return i;
    }
    while (i < n && is_numeral(cp[i]))
        i++;
    if (i == 0 || i >= n)
        return 0;
    if (cp[i] == 0x3001 /* 、 */)
        return i + 1;
    if (cp[i] == '.' && !(i + 1 < n && cp[i + 1] >= '0' && cp[i + 1] <= '9'))
        return i + 1;
    return 0;
}

/* Is cp[i..] a level marker "(类)", "(款)", "(项)"? */
static bool is_level_marker(const int32_t *cp, size_t n, size_t i)
{
    return i + 2 < n && cp[i] == '(' && cp[i + 2] == ')' &&
           (cp[i + 1] == 0x7C7B /* 类 */ || cp[i + 1] == 0x6B3E /* 款 */ ||
            cp[i + 1] == 0x9879 /* 项 */);
}

size_t gk_name_key(const char *name, char out[GK_NAME_KEY_MAX])
{
    int32_t cp[MAX_CPS];
    size_t n = 0;
    utf8proc_uint8_t *norm = NULL;

    out[0] = '\0';
    if (!name)
        return 0;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)name, 0, &norm,
                                        UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                            UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    /* Invalid UTF-8 is compared byte for byte: keep what decodes. */
    const utf8proc_uint8_t *s = len >= 0 ? norm : (const utf8proc_uint8_t *)name;
    utf8proc_ssize_t left = len >= 0 ? len : (utf8proc_ssize_t)strlen(name);
    while (left > 0 && n < MAX_CPS) {
        int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s, left, &c);
        if (k <= 0) {                       /* skip one undecodable byte */
            s++;
            left--;
            continue;
        }
        s += k;
        left -= k;
        if (!is_dropped(c))
            cp[n++] = c;
    }
    free(norm);

    size_t start = numbering_len(cp, n);
    size_t o = 0;
    for (size_t i = start; i < n; i++) {
        if (is_level_marker(cp, n, i)) {
            i += 2;
            continue;
        }
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t k = utf8proc_encode_char(cp[i], buf);
        if (k <= 0 || o + (size_t)k >= GK_NAME_KEY_MAX)
            break;
        memcpy(out + o, buf, (size_t)k);
        o += (size_t)k;
    }
    out[o] = '\0';
    return o;
}

size_t gk_label_normalize(const char *label, bool strip_numbering, char out[GK_NAME_KEY_MAX])
{
    char key[GK_NAME_KEY_MAX];
    const char *s = label ? label : "";
    if (strip_numbering) {
        gk_name_key(s, key);
        s = key;
    }
    /* Copy without white space; ( ) and : become （ ） and ：, as Chinese
     * labels print them (NFKC made them half-width). */
    size_t o = 0;
    for (size_t i = 0; s[i];) {
        unsigned char c = (unsigned char)s[i];
        const char *put = NULL;
        size_t w = 1, putlen = 0;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            putlen = 0;
        } else if (c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
            w = 3;                                   /* U+3000 */
        } else if (c == '(') {
            put = "\xEF\xBC\x88", putlen = 3;       /* （ */
        } else if (c == ')') {
            put = "\xEF\xBC\x89", putlen = 3;       /* ） */
        } else if (c == ':' && strip_numbering) {
            put = "\xEF\xBC\x9A", putlen = 3;       /* ： */
        } else {
            put = s + i;
            putlen = 1;
        }
        if (putlen && o + putlen < GK_NAME_KEY_MAX) {
            memcpy(out + o, put, putlen);
            o += putlen;
        } else if (putlen) {
            break;
        }
        i += w;
    }
    /* Never end inside a character. */
    while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80) {
        size_t k = o - 1;
        while (k > 0 && ((unsigned char)out[k] & 0xC0) == 0x80)
            k--;
        size_t need = ((unsigned char)out[k] >= 0xF0) ? 4 : ((unsigned char)out[k] >= 0xE0) ? 3 : 2;
        if (o - k == need)
            break;
        o = k;
    }
    out[o] = '\0';
    return o;
}
