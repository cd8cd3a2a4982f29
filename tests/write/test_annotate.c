/*
 * test_annotate.c — gongkai annotate, read back: every corpus PDF is
 * checked and annotated, and the output, opened with poppler, must have the
 * source's pages and text, one highlight (or margin note) per finding and
 * page carrying its rule and message and covering its boxes, and the
 * summary note on the first page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <glob.h>
#include <poppler.h>

#include "gongkai.h"
#include "gongkai/annotate.h"
#include "../unit/findings_helpers.h"

/* An annotation read back: page, note, area in top-left points. */
typedef struct annot {
    int page;
    bool highlight;
    char *note;
    double x0, y0, x1, y1;
} annot;

static size_t read_back(const char *bytes, size_t len, annot **out, int *pages)
{
    GBytes *b = g_bytes_new_static(bytes, len);
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(b, NULL, &err);
    if (!doc)
        fail_msg("the annotated PDF does not open: %s", err ? err->message : "?");
    *pages = poppler_document_get_n_pages(doc);
    size_t n = 0, cap = 64;
    annot *a = malloc(cap * sizeof *a);
    for (int p = 0; p < *pages; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        double w, h;
        poppler_page_get_size(page, &w, &h);
        GList *list = poppler_page_get_annot_mapping(page);
        for (GList *l = list; l; l = l->next) {
            PopplerAnnotMapping *m = l->data;
            PopplerAnnotType type = poppler_annot_get_annot_type(m->annot);
            if (type != POPPLER_ANNOT_HIGHLIGHT && type != POPPLER_ANNOT_TEXT)
                continue;
            if (n == cap)
                a = realloc(a, (cap *= 2) * sizeof *a);
            a[n++] = (annot){p + 1, type == POPPLER_ANNOT_HIGHLIGHT,
                             poppler_annot_get_contents(m->annot), m->area.x1, h - m->area.y2,
                             m->area.x2, h - m->area.y1};
        }
        poppler_page_free_annot_mapping(list);
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_bytes_unref(b);
    *out = a;
    return n;
}

/* Does an annotation on page p carry the finding and cover its boxes there? */
static bool drawn(const annot *a, size_t n, const gk_finding *f, int p)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i].page != p || !a[i].note || !strstr(a[i].note, f->message) ||
            !strstr(a[i].note, f->rule))
            continue;
        bool covers = true;
        for (size_t k = 0; k < f->nlocs; k++) {
            const gk_pos *pos = &f->locs[k].pos;
            if (pos->page == p && pos->has_box && pos->part == 0)
                covers = covers && a[i].highlight && a[i].x0 <= pos->box[0] + 0.5 &&
                         a[i].y0 <= pos->box[1] + 0.5 && a[i].x1 >= pos->box[2] - 0.5 &&
                         a[i].y1 >= pos->box[3] - 0.5;
        }
        if (covers)
            return true;
    }
    return false;
}

static void test_corpus_pdfs(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    glob_t g;
    assert_int_equal(glob(GK_SHARED_DIR "/corpus/*.pdf", 0, NULL, &g), 0);
    assert_true(g.gl_pathc >= 10);
    size_t total = 0;
    for (size_t d = 0; d < g.gl_pathc; d++) {
        const char *path = g.gl_pathv[d];
        gk_error err;
        gk_file in;
        assert_true(gk_file_open(&in, path, &err));
        gk_report *r = gk_read(in.data, in.len, path, &err);
        assert_non_null(r);
        gk_findings f;
        gk_check(r, &f);
        char *out = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&out, &len);
        int count;
        if (!gk_annotate_pdf(in.data, in.len, &f, GK_INFO, mem, &count, &err))
            fail_msg("%s: %s", path, err.message);
        fclose(mem);
        /* The source is kept whole: the annotations are an update after it. */
        if (len <= in.len)
            fail_msg("%s: %zu bytes written, the source has %zu", path, len, in.len);
        assert_true(len > in.len);
        assert_memory_equal(out, in.data, in.len);
        annot *a;
        int pages;
        size_t n = read_back(out, len, &a, &pages);
        assert_int_equal((int)n, count);
        /* Every finding, on every page it has a place on. */
        size_t expected = 0;
        for (size_t i = 0; i < f.n; i++)
            for (int p = 1; p <= pages; p++) {
                bool here = false;
                for (size_t k = 0; k < f.items[i].nlocs && !here; k++)
                    here = f.items[i].locs[k].pos.page == p && f.items[i].locs[k].pos.part == 0;
                if (!here)
                    continue;
                expected++;
                if (!drawn(a, n, &f.items[i], p))
                    fail_msg("%s: page %d: %s %s not drawn", path, p, f.items[i].rule,
                             f.items[i].message);
            }
        /* … and the summary note on the first page. */
        assert_int_equal(n, expected + 1);
        bool summary = false;
        for (size_t i = 0; i < n; i++)
            summary |= a[i].page == 1 && a[i].note && strncmp(a[i].note, "gongkai 审核：", 17) == 0;
        assert_true(summary);
        total += expected;
        for (size_t i = 0; i < n; i++)
            g_free(a[i].note);
        free(a);
        free(out);
        gk_report_free(r);
        gk_file_close(&in);
    }
    print_message("%zu annotations over %zu PDFs read back\n", total, g.gl_pathc);
    globfree(&g);
}

/* A severity floor leaves the findings below it out. */
static void test_min_severity(void **state)
{
    (void)state;
    if (!corpus_present())
        skip();
    const char *path = GK_SHARED_DIR "/corpus/sh-putuo-finance-2024-final-seeded-errors.pdf";
    gk_error err;
    gk_file in;
    assert_true(gk_file_open(&in, path, &err));
    gk_report *r = gk_read(in.data, in.len, path, &err);
    gk_findings f;
    gk_check(r, &f);
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    int count;
    assert_true(gk_annotate_pdf(in.data, in.len, &f, GK_ERROR, mem, &count, &err));
    fclose(mem);
    annot *a;
    int pages;
    size_t n = read_back(out, len, &a, &pages);
    for (size_t i = 0; i < n; i++) {
        if (a[i].page == 1 && strncmp(a[i].note, "gongkai", 7) == 0)
            continue;
        if (strncmp(a[i].note, "错误 ", strlen("错误 ")) != 0)
            fail_msg("below the floor: %s", a[i].note);
    }
    assert_true(n > 5);
    for (size_t i = 0; i < n; i++)
        g_free(a[i].note);
    free(a);
    free(out);
    gk_report_free(r);
    gk_file_close(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_pdfs),
        cmocka_unit_test(test_min_severity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
