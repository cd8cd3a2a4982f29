/*
 * findings_helpers.h — what the rule tests share: reading a document (a
 * failure fails the test), looking for a finding at a line, and the corpus
 * guard (skip without ../shared; fail when CI=true).  Include after cmocka.h.
 */
#ifndef GK_TEST_FINDINGS_HELPERS_H
#define GK_TEST_FINDINGS_HELPERS_H

#include "gongkai.h"

static inline gk_report *read_path(const char *path)
{
    gk_error err;
    gk_report *r = gk_read_file(path, &err);
    if (!r)
        fail_msg("%s: %s", path, err.message);
    return r;
}

/* Is there a finding of rule (NULL: any) and severity at this line? */
static inline bool has_finding(const gk_findings *f, const char *rule, gk_severity sev, int line)
{
    for (size_t i = 0; i < f->n; i++)
        if ((!rule || gk_finding_is(&f->items[i], rule)) && f->items[i].severity == sev &&
            f->items[i].locs[0].pos.line == line)
            return true;
    return false;
}

/* … at this page and line on it (PDF input)? */
static inline bool has_finding_on(const gk_findings *f, const char *rule, gk_severity sev, int page,
                                  int line)
{
    for (size_t i = 0; i < f->n; i++)
        if ((!rule || gk_finding_is(&f->items[i], rule)) && f->items[i].severity == sev &&
            f->items[i].locs[0].pos.page == page && f->items[i].locs[0].pos.line == line)
            return true;
    return false;
}

/* Is ../shared/corpus there?  Its absence fails the test under CI=true. */
static inline bool corpus_present(void)
{
    FILE *probe = fopen(GK_SHARED_DIR "/corpus/INDEX.md", "r");
    if (!probe) {
        const char *ci = getenv("CI");
        if (ci && strcmp(ci, "true") == 0)
            fail_msg("corpus missing and CI=true");
        return false;
    }
    fclose(probe);
    return true;
}

#endif
