/*
 * catalog.c — look-ups in the compiled-in classification catalog.
 */
#include "gongkai/catalog.h"

#include <string.h>

#include "catalog_data.h"

/* Names shorter than this (in characters) are too short to be recognised
 * as a cut-short form of a longer name. */
#define MIN_PREFIX_CHARS 6

static const char *const SYSTEM_NAMES[GK_CLASS__COUNT] = {
    [GK_CLASS_FUNCTIONAL] = "functional",
    [GK_CLASS_ECON_DEPT] = "econ_dept",
    [GK_CLASS_ECON_GOV] = "econ_gov",
};

const char *gk_class_system_name(gk_class_system s)
{
    return (unsigned)s < GK_CLASS__COUNT ? SYSTEM_NAMES[s] : NULL;
}

const gk_catalog_entry *gk_catalog_entries(gk_class_system s, size_t *n)
{
    if ((unsigned)s >= GK_CLASS__COUNT) {
        *n = 0;
        return NULL;
    }
    *n = gk_catalog_offsets[s + 1] - gk_catalog_offsets[s];
    return gk_catalog_data + gk_catalog_offsets[s];
}

int gk_code_level(gk_class_system s, const char *code)
{
    if (!code)
        return 0;
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    switch (n) {
    case 3: return 1;
    case 5: return 2;
    case 7: return s == GK_CLASS_FUNCTIONAL ? 3 : 0;
    default: return 0;
    }
}

static bool holds_in(const gk_catalog_entry *e, int year)
{
    return (!e->from || year >= e->from) && (!e->to || year <= e->to);
}

/* The entries of one code: all[*lo .. *end), empty when unknown. */
static const gk_catalog_entry *code_range(gk_class_system s, const char *code,
                                          size_t *lo_out, size_t *end_out)
{
    size_t n;
    const gk_catalog_entry *all = gk_catalog_entries(s, &n);
    size_t lo = 0, hi = n;
    while (lo < hi) {                        /* first entry >= code */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(all[mid].code, code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && strcmp(all[end].code, code) == 0)
        end++;
    *lo_out = lo;
    *end_out = end;
    return all;
}

const gk_catalog_entry *gk_catalog_lookup(gk_class_system s, const char *code, int year)
{
    size_t lo, end;
    if (!code || (unsigned)s >= GK_CLASS__COUNT)
        return NULL;
    const gk_catalog_entry *all = code_range(s, code, &lo, &end);
    if (lo == end)
        return NULL;
    if (year == 0)
        return &all[end - 1];               /* the latest name */
    const gk_catalog_entry *best = &all[lo]; /* earlier than all: the first */
    for (size_t i = lo; i < end; i++) {
        if (holds_in(&all[i], year))
            return &all[i];
        if (all[i].from && all[i].from <= year)
            best = &all[i];                  /* latest one begun by then */
    }
    return best;
}

size_t gk_catalog_count(gk_class_system s, int level)
{
    size_t n, count = 0;
    const gk_catalog_entry *all = gk_catalog_entries(s, &n);
    for (size_t i = 0; i < n; i++)
        if (all[i].level == level &&
            (i == 0 || strcmp(all[i - 1].code, all[i].code) != 0))
            count++;
    return count;
}

/* ---- Matching names ----------------------------------------------------- */

/* key without a trailing 支出, as a length */
static size_t core_len(const char *key)
{
    static const char ZHICHU[] = "支出";
    size_t n = strlen(key), z = sizeof ZHICHU - 1;
    return n > z && memcmp(key + n - z, ZHICHU, z) == 0 ? n - z : n;
}

static bool keys_equal(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    size_t la = core_len(a), lb = core_len(b);
    return la == lb && memcmp(a, b, la) == 0;
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* How well does printed key `k` name entry e?  3 exact, 2 variant,
 * 1 cut short, 0 not at all. */
static int match_grade(const gk_catalog_entry *e, const char *k)
{
    if (keys_equal(e->key, k))
        return 3;
    for (const char *v = e->variant_keys; *v;) {
        const char *bar = strchr(v, '|');
        size_t len = bar ? (size_t)(bar - v) : strlen(v);
        char vk[GK_NAME_KEY_MAX];
        if (len < sizeof vk) {
            memcpy(vk, v, len);
            vk[len] = '\0';
            if (keys_equal(vk, k))
                return 2;
        }
        v += len + (bar ? 1 : 0);
    }
    size_t kl = strlen(k);
    if (kl < strlen(e->key) && memcmp(e->key, k, kl) == 0 &&
        utf8_chars(k, kl) >= MIN_PREFIX_CHARS)
        return 1;
    return 0;
}

const gk_catalog_entry *gk_catalog_find_name(gk_class_system s, const char *name,
                                             const char *parent, int level, int year)
{
    char k[GK_NAME_KEY_MAX];
    if (!name || gk_name_key(name, k) == 0)
        return NULL;
    size_t n, plen = parent ? strlen(parent) : 0;
    const gk_catalog_entry *all = gk_catalog_entries(s, &n);
    const gk_catalog_entry *best = NULL;
    int best_grade = 0;
    bool ambiguous = false;
    for (size_t i = 0; i < n; i++) {
        const gk_catalog_entry *e = &all[i];
        if (level && e->level != level)
            continue;
        if (parent && (strlen(e->code) <= plen || strncmp(e->code, parent, plen) != 0))
            continue;
        int g = match_grade(e, k);
        if (g == 0 || g < best_grade)
            continue;
        if (g > best_grade) {
            best = e;
            best_grade = g;
            ambiguous = false;
        } else if (strcmp(best->code, e->code) != 0) {
            ambiguous = true;
        } else if (year && holds_in(e, year) && !holds_in(best, year)) {
            best = e;                        /* same code: prefer that year's */
        }
    }
    return ambiguous ? NULL : best;
}

gk_name_match gk_catalog_check_name(gk_class_system s, const char *code, const char *name,
                                    int year, const gk_catalog_entry **entry)
{
    const gk_catalog_entry *e = gk_catalog_lookup(s, code, year);
    if (entry)
        *entry = e;
    if (!e)
        return GK_NAME_UNKNOWN_CODE;
    char k[GK_NAME_KEY_MAX];
    gk_name_key(name, k);
    int g = match_grade(e, k);
    if (g == 3)
        return GK_NAME_MATCH;
    if (g > 0)
        return GK_NAME_VARIANT;
    /* Another name of the same code, from other years? */
    size_t lo, end;
    const gk_catalog_entry *all = code_range(s, code, &lo, &end);
    for (size_t i = lo; i < end; i++)
        if (&all[i] != e && match_grade(&all[i], k) > 0)
            return GK_NAME_OTHER_YEAR;
    return GK_NAME_MISMATCH;
}
