/*
 * write/annotate.c — the source PDF with every finding on it (gongkai
 * annotate).
 *
 * A reviewer works on the document: each finding becomes a highlight over
 * the boxes of its cells and lines (one annotation per finding and page,
 * its note the rule and the message), coloured by severity, so any PDF
 * viewer shows them; a finding with a page but no box is a note in the
 * page's margin; a note on the first page lists them all.  poppler-glib
 * adds the annotations and writes the document with them (an incremental
 * update: the original bytes are kept as they were).
 *
 * Boxes are the reader's: points from the page's top left, as poppler lays
 * out its text; annotations are in PDF space, from the bottom left.
 */
#include "gongkai/annotate.h"

#include <errno.h>
#include <poppler.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/buf.h"
#include "../util/dl.h"

/* ---- poppler, loaded on demand (as the PDF reader does) -------------------- */

#define ANNOT_FUNCTIONS(X)                                                                   \
    X(g_bytes_new_static)                                                                    \
    X(g_bytes_unref)                                                                         \
    X(g_error_free)                                                                          \
    X(g_object_unref)                                                                        \
    X(g_array_new)                                                                           \
    X(g_array_append_vals)                                                                   \
    X(g_array_free)                                                                          \
    X(poppler_document_new_from_bytes)                                                       \
    X(poppler_document_get_n_pages)                                                          \
    X(poppler_document_get_page)                                                             \
    X(poppler_document_save)                                                                 \
    X(g_filename_to_uri)                                                                     \
    X(g_free)                                                                                \
    X(poppler_page_get_size)                                                                 \
    X(poppler_page_add_annot)                                                                \
    X(poppler_annot_text_markup_new_highlight)                                               \
    X(poppler_annot_text_new)                                                                \
    X(poppler_annot_set_contents)                                                            \
    X(poppler_annot_set_color)                                                               \
    X(poppler_annot_markup_set_label)

static struct {
#define ANNOT_FIELD(f) __typeof__(f) *p_##f;
    ANNOT_FUNCTIONS(ANNOT_FIELD)
#undef ANNOT_FIELD
} lib;
static bool lib_ok;

static void load_once(void)
{
    static const char *const LIBS[] = {"libpoppler-glib.so.8", "libgobject-2.0.so.0",
                                       "libglib-2.0.so.0", NULL};
#define ANNOT_NAME(f) #f,
    static const char *const SYMBOLS[] = {ANNOT_FUNCTIONS(ANNOT_NAME)};
#undef ANNOT_NAME
    enum { N = sizeof SYMBOLS / sizeof *SYMBOLS };
    void *syms[N];
    if (!gk_dl_symbols(LIBS, SYMBOLS, syms, N))
        return;
    size_t k = 0;
    /* Object pointers to function pointers: POSIX dlsym's documented use. */
#define ANNOT_SET(f) *(void **)&lib.p_##f = syms[k++];
    ANNOT_FUNCTIONS(ANNOT_SET)
#undef ANNOT_SET
    lib_ok = true;
}                                   /* the libraries stay loaded for the process */

static bool load(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_once);
    return lib_ok;
}

/* ---- Annotations ----------------------------------------------------------- */

static PopplerColor color_of(gk_severity s)
{
    switch (s) {
    case GK_ERROR: return (PopplerColor){0xFFFF, 0x3333, 0x3333};     /* red */
    case GK_WARNING: return (PopplerColor){0xFFFF, 0xAAAA, 0x0000};   /* orange */
    default: return (PopplerColor){0x6666, 0x9999, 0xFFFF};           /* blue */
    }
}

static const char *severity_word(gk_severity s)
{
    return s == GK_ERROR ? "错误" : s == GK_WARNING ? "警告" : "提示";
}

/* The note of a finding: "错误 EXP001：message". */
static void note_of(const gk_finding *f, gk_buf *b)
{
    b->len = 0;
    gk_buf_printf(b, "%s %s：%s", severity_word(f->severity), f->rule, f->message);
}

static void finish(PopplerAnnot *a, PopplerPage *page, const gk_finding *f, const char *note)
{
    PopplerColor c = color_of(f->severity);
    lib.p_poppler_annot_set_color(a, &c);
    lib.p_poppler_annot_set_contents(a, note);
    lib.p_poppler_annot_markup_set_label((PopplerAnnotMarkup *)a, "gongkai");   /* every annotation made here is a markup */
    lib.p_poppler_page_add_annot(page, a);
    lib.p_g_object_unref(a);
}

/* One highlight over the finding's boxes on page p (1-based); false when
 * it has none there. */
static bool highlight(PopplerDocument *doc, PopplerPage *page, int p, const gk_finding *f,
                      const char *note)
{
    double w, h;
    lib.p_poppler_page_get_size(page, &w, &h);
    GArray *quads = lib.p_g_array_new(FALSE, FALSE, sizeof(PopplerQuadrilateral));
    PopplerRectangle all = {0};
    int n = 0;
    for (size_t i = 0; i < f->nlocs; i++) {
        const gk_pos *pos = &f->locs[i].pos;
        if (pos->page != p || pos->part != 0 || !pos->has_box)
            continue;
        /* Top-left points → PDF space (from the bottom left). */
        double x0 = pos->box[0], x1 = pos->box[2], top = h - pos->box[1], bottom = h - pos->box[3];
        PopplerQuadrilateral q = {{x0, top}, {x1, top}, {x0, bottom}, {x1, bottom}};
        lib.p_g_array_append_vals(quads, &q, 1);
        if (n++ == 0)
            all = (PopplerRectangle){x0, bottom, x1, top};
        else
            all = (PopplerRectangle){x0 < all.x1 ? x0 : all.x1, bottom < all.y1 ? bottom : all.y1,
                                     x1 > all.x2 ? x1 : all.x2, top > all.y2 ? top : all.y2};
    }
    if (n) {
        PopplerAnnot *a = lib.p_poppler_annot_text_markup_new_highlight(doc, &all, quads);
        if (a)
            finish(a, page, f, note);
    }
    lib.p_g_array_free(quads, TRUE);
    return n > 0;
}

/* A note in the page's left margin, at the height of the finding's line
 * when known, else at the top. */
static void margin_note(PopplerDocument *doc, PopplerPage *page, const gk_finding *f,
                        const char *note, double y_from_top)
{
    double w, h;
    lib.p_poppler_page_get_size(page, &w, &h);
    (void)w;
    double top = h - y_from_top;
    PopplerRectangle r = {4, top - 20, 24, top};
    PopplerAnnot *a = lib.p_poppler_annot_text_new(doc, &r);
    if (a)
        finish(a, page, f, note);
}

/* Does finding f have a place on page p (1-based) of the first file? */
static bool on_page(const gk_finding *f, int p)
{
    for (size_t i = 0; i < f->nlocs; i++)
        if (f->locs[i].pos.page == p && f->locs[i].pos.part == 0)
            return true;
    return false;
}

/* The note on the first page: every finding, where it is. */
static void summary(PopplerDocument *doc, const gk_findings *f, gk_severity min, int *count)
{
    PopplerPage *page = lib.p_poppler_document_get_page(doc, 0);
    if (!page)
        return;
    size_t n[3] = {0, 0, 0};
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].severity >= min)
            n[f->items[i].severity]++;
    gk_buf b = GK_BUF_INIT;
    gk_buf_printf(&b, "gongkai 审核：%zu 个错误，%zu 个警告，%zu 条提示", n[GK_ERROR],
                  n[GK_WARNING], n[GK_INFO]);
    for (size_t i = 0; i < f->n; i++) {
        const gk_finding *x = &f->items[i];
        if (x->severity < min)
            continue;
        gk_buf_printf(&b, "\n%s %s", severity_word(x->severity), x->rule);
        if (x->locs[0].pos.page)
            gk_buf_printf(&b, "（第%d页）", x->locs[0].pos.page);
        gk_buf_printf(&b, "：%s", x->message);
    }
    double w, h;
    lib.p_poppler_page_get_size(page, &w, &h);
    PopplerRectangle r = {w - 28, h - 28, w - 8, h - 8};
    PopplerAnnot *a = lib.p_poppler_annot_text_new(doc, &r);
    if (a) {
        gk_finding info = {.rule = "", .severity = n[GK_ERROR] ? GK_ERROR : n[GK_WARNING] ? GK_WARNING : GK_INFO};
        finish(a, page, &info, b.data);
        ++*count;
    }
    gk_buf_free(&b);
    lib.p_g_object_unref(page);
}

/* Write doc to out.  poppler saves to a file name (its save_to_fd leaves
 * the end of the file in a stdio buffer it never flushes): a temporary
 * file, copied to `out`, which may be any stream. */
static bool save(PopplerDocument *doc, FILE *out, gk_error *err)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/gongkai-annotate-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        gk_error_set(err, 0, 0, "无法创建临时文件：%s", strerror(errno));
        return false;
    }
    close(fd);
    GError *gerr = NULL;
    char *uri = lib.p_g_filename_to_uri(path, NULL, &gerr);
    bool ok = uri && lib.p_poppler_document_save(doc, uri, &gerr);
    lib.p_g_free(uri);
    if (!ok) {
        gk_error_set(err, 0, 0, "无法写出标注后的 PDF：%s", gerr ? gerr->message : "未知原因");
        if (gerr)
            lib.p_g_error_free(gerr);
    }
    FILE *tmp = ok ? fopen(path, "rb") : NULL;
    if (ok && !tmp) {
        gk_error_set(err, 0, 0, "无法读取临时文件：%s", strerror(errno));
        ok = false;
    }
    if (tmp) {
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
            ok = ok && fwrite(buf, 1, n, out) == n;
        if (!ok || ferror(tmp) || fflush(out) != 0) {
            gk_error_set(err, 0, 0, "写入失败：%s", strerror(errno));
            ok = false;
        }
        fclose(tmp);
    }
    unlink(path);
    return ok;
}

bool gk_annotate_pdf(const char *data, size_t len, const gk_findings *f, gk_severity min,
                     FILE *out, int *annotations, gk_error *err)
{
    *annotations = 0;
    if (!load()) {
        gk_error_set(err, 0, 0, "无法加载 poppler-glib（libpoppler-glib8），不能标注 PDF");
        return false;
    }
    GBytes *bytes = lib.p_g_bytes_new_static(data, len);
    GError *gerr = NULL;
    PopplerDocument *doc = lib.p_poppler_document_new_from_bytes(bytes, NULL, &gerr);
    if (!doc) {
        gk_error_set(err, 0, 0, "无法打开 PDF：%s", gerr ? gerr->message : "未知原因");
        if (gerr)
            lib.p_g_error_free(gerr);
        lib.p_g_bytes_unref(bytes);
        return false;
    }
    int pages = lib.p_poppler_document_get_n_pages(doc);
    gk_buf note = GK_BUF_INIT;
    for (int p = 1; p <= pages; p++) {
        PopplerPage *page = NULL;
        for (size_t i = 0; i < f->n; i++) {
            const gk_finding *x = &f->items[i];
            if (x->severity < min || !on_page(x, p))
                continue;
            if (!page && !(page = lib.p_poppler_document_get_page(doc, p - 1)))
                break;
            note_of(x, &note);
            if (!highlight(doc, page, p, x, note.data))
                margin_note(doc, page, x, note.data, 8);
            ++*annotations;
        }
        if (page)
            lib.p_g_object_unref(page);
    }
    if (pages > 0)
        summary(doc, f, min, annotations);
    gk_buf_free(&note);
    bool ok = save(doc, out, err);
    lib.p_g_object_unref(doc);
    lib.p_g_bytes_unref(bytes);
    return ok;
}
