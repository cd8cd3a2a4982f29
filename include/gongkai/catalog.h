/*
 * gongkai/catalog.h — the classification catalog (政府收支分类科目).
 *
 * Three systems are known:
 *   functional   支出功能分类: 类 (3 digits) › 款 (5) › 项 (7)
 *   econ_dept    部门预算支出经济分类: 类 (3, 301…399) › 款 (5, 30101 …)
 *   econ_gov     政府预算支出经济分类: 类 (3, 501…599) › 款 (5)
 *
 * The entries come from data/catalog/<system>.tsv, compiled into the program (see
 * docs/catalog.md): each records its name, the years that name holds,
 * whether it is confirmed against the official classification or only seen
 * in published documents, where it came from, and other names documents
 * print for it.  No complete official list is available offline, so an
 * unknown code is not in itself an error.
 */
#ifndef GONGKAI_CATALOG_H
#define GONGKAI_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gk_class_system {
    GK_CLASS_FUNCTIONAL = 0,
    GK_CLASS_ECON_DEPT,
    GK_CLASS_ECON_GOV,
    GK_CLASS__COUNT
} gk_class_system;

/* "functional", "econ_dept", "econ_gov". */
const char *gk_class_system_name(gk_class_system s);

typedef struct gk_catalog_entry {
    gk_class_system system;
    int level;              /* 1 类, 2 款, 3 项 */
    const char *code;
    const char *name;       /* official (confirmed) or most printed (seen) */
    int from, to;           /* years the name holds; 0 = open / unknown */
    bool confirmed;         /* checked against the official classification */
    const char *source;     /* "domain", "observed", "corpus", "standard" */
    const char *variants;   /* other printed names, '|'-separated, or "" */
    const char *key;        /* gk_name_key(name), for matching */
    const char *variant_keys; /* gk_name_key of each variant, '|'-separated */
} gk_catalog_entry;

/* The level of a code by its length: 1 for 类 (3 digits), 2 for 款 (5),
 * 3 for 项 (7, functional only); 0 when not a well-formed code. */
int gk_code_level(gk_class_system s, const char *code);

/* The entry for a code whose name holds in `year` (0: the latest name).
 * When no name of the code holds in that year, the nearest one is returned.
 * NULL when the code is not in the catalog. */
const gk_catalog_entry *gk_catalog_lookup(gk_class_system s, const char *code, int year);

/* All entries of a system, sorted by code then by year; *n gets the count. */
const gk_catalog_entry *gk_catalog_entries(gk_class_system s, size_t *n);

/* How many distinct codes a system holds at a level (1, 2, 3). */
size_t gk_catalog_count(gk_class_system s, int level);

/* Find a code by printed name.  `parent` (a code, or NULL) limits the search
 * to its children — needed for 款/项 names such as 行政运行 that recur under
 * many parents.  `level` 0 accepts any level.  Matching is by gk_name_key and
 * tolerates numbering ("九、卫生健康支出"), a missing trailing 支出, level
 * markers （类）, full-/half-width forms, spaces, known variants, and names
 * cut short (a printed prefix of at least 6 characters).  Among several
 * matches the one whose name holds in `year` wins; ambiguity among different
 * codes gives NULL. */
const gk_catalog_entry *gk_catalog_find_name(gk_class_system s, const char *name,
                                             const char *parent, int level, int year);

typedef enum gk_name_match {
    GK_NAME_MATCH = 0,     /* the name of the code for that year */
    GK_NAME_VARIANT,       /* a known variant, or the name cut short */
    GK_NAME_OTHER_YEAR,    /* the code's name in other years */
    GK_NAME_MISMATCH,      /* another name */
    GK_NAME_UNKNOWN_CODE   /* the code is not in the catalog */
} gk_name_match;

/* Does `name` fit `code` in `year`?  *entry (may be NULL) receives the entry
 * compared against (the one holding in that year), NULL for unknown codes. */
gk_name_match gk_catalog_check_name(gk_class_system s, const char *code, const char *name,
                                    int year, const gk_catalog_entry **entry);

/* ---- Name keys -------------------------------------------------------- */

/* The largest key gk_name_key writes, including the NUL. */
#define GK_NAME_KEY_MAX 256

/* Reduce a printed name to a key for comparison: Unicode NFKC (full-width
 * forms become ASCII), white space and quotes removed, leading numbering
 * ("一、", "（一）", "1.", "(1)") and level markers ("（类）", "（款）",
 * "（项）") removed.  Writes at most GK_NAME_KEY_MAX bytes (truncating at a
 * character boundary) into out; returns the key's length. */
size_t gk_name_key(const char *name, char out[GK_NAME_KEY_MAX]);

/* A row label as the model keeps it: white space removed, parentheses
 * full-width （）.  With strip_numbering, also reduced like a key first
 * (numbering such as "一、" and level markers removed, NFKC, the colon
 * full-width again: "其中："), as CONTRACT.md wants for the labels of
 * two-sided tables.  Returns the length. */
size_t gk_label_normalize(const char *label, bool strip_numbering, char out[GK_NAME_KEY_MAX]);

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_CATALOG_H */
