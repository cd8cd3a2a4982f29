/*
 * pdf.c — reading a PDF: its text layer, page by page, into the text
 * reader's recogniser.
 *
 * poppler-glib gives each page's text in reading order with one box per
 * character.  The pages become lines of words (the shape of the corpus's
 * .pages.txt documents, which came out of these PDFs) under "=== page N ==="
 * markers, and the text reader recognises tables and narrative in them, as
 * for any text: one recogniser, two front ends.  Positions are then made
 * PDF positions: the page, the line counted on its page, and the line's box
 * in points from the page's top left.
 *
 * A PDF without a text layer (a scan), an encrypted or a damaged one is
 * refused with the reason; there is no OCR.
 *
 * poppler-glib (and the GLib it brings, some fifty libraries) is loaded on
 * the first PDF, with dlopen: checking text documents, the common case in
 * batches of thousands, does not pay for loading it.
 */
#include <dlfcn.h>
#include <glib.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "../util/buf.h"
#include "readers.h"

/* ---- poppler, loaded on demand -------------------------------------------- */

static struct {
    bool ok;
    GBytes *(*bytes_new_static)(gconstpointer, gsize);
    void (*bytes_unref)(GBytes *);
    void (*free)(gpointer);
    void (*error_free)(GError *);
    void (*object_unref)(gpointer);
    GQuark (*error_quark)(void);
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    char *(*page_get_text)(PopplerPage *);
    gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
} pp;

/* The symbol's address in one of the handles, or NULL. */
static void *find(void *const *libs, int n, const char *name)
{
    for (int i = 0; i < n; i++) {
        void *f = libs[i] ? dlsym(libs[i], name) : NULL;
        if (f)
            return f;
    }
    return NULL;
}

static void load_poppler_once(void)
{
    void *libs[3] = {dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL),
                     dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL),
                     dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL)};
    if (!libs[0])
        return;
    /* Object pointers to function pointers: POSIX dlsym's documented use. */
#define LOAD(field, name) (*(void **)&pp.field = find(libs, 3, name)) != NULL
    pp.ok = LOAD(bytes_new_static, "g_bytes_new_static") && LOAD(bytes_unref, "g_bytes_unref") &&
            LOAD(free, "g_free") && LOAD(error_free, "g_error_free") &&
            LOAD(object_unref, "g_object_unref") && LOAD(error_quark, "poppler_error_quark") &&
            LOAD(document_new_from_bytes, "poppler_document_new_from_bytes") &&
            LOAD(document_get_n_pages, "poppler_document_get_n_pages") &&
            LOAD(document_get_page, "poppler_document_get_page") &&
            LOAD(page_get_text, "poppler_page_get_text") &&
            LOAD(page_get_text_layout, "poppler_page_get_text_layout");
#undef LOAD
}                                   /* the libraries stay loaded for the process */

/* Once per process, whichever thread asks first (check -j). */
static bool load_poppler(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_poppler_once);
    return pp.ok;
}

/* Bytes in the UTF-8 character at p (1 for a stray byte). */
static size_t utf8_len(const char *p)
{
    unsigned char c = (unsigned char)*p;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)p[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

/* ---- Lines from character boxes ------------------------------------------- */

/* Where each line of the generated text came from. */
typedef struct line_origin {
    int page;          /* 1-based; 0 for a page marker line */
    int line;          /* on its page, 1-based */
    double box[4];     /* x0, y0, x1, y1 in points, top left origin */
    bool has_box;
} line_origin;

typedef struct origins {
    line_origin *items;
    size_t n, cap;
} origins;

static line_origin *new_origin(origins *o)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 256;
        o->items = realloc(o->items, o->cap * sizeof *o->items);
        if (!o->items)
            abort();
    }
    line_origin *l = &o->items[o->n++];
    memset(l, 0, sizeof *l);
    return l;
}

/* One character with ink, and its box. */
typedef struct glyph {
    char utf8[8];
    double x0, y0, x1, y1;
} glyph;

static double mid(const glyph *g)
{
    return (g->y0 + g->y1) / 2;
}

static int by_y(const void *a, const void *b)
{
    double d = mid(a) - mid(b);
    return d < 0 ? -1 : d > 0;
}

static int by_x(const void *a, const void *b)
{
    double d = ((const glyph *)a)->x0 - ((const glyph *)b)->x0;
    return d < 0 ? -1 : d > 0;
}

/* The page's characters with ink: poppler gives one box per character of
 * the page's text. */
static glyph *page_glyphs(PopplerPage *page, size_t *n)
{
    char *t = pp.page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!t || !pp.page_get_text_layout(page, &rects, &nrects))
        nrects = 0;
    glyph *gs = malloc((nrects ? nrects : 1) * sizeof *gs);
    if (!gs)
        abort();
    *n = 0;
    guint k = 0;
    for (const char *p = t ? t : ""; *p && k < nrects; k++) {
        const char *next = p + utf8_len(p);
        const PopplerRectangle *r = &rects[k];
        size_t len = (size_t)(next - p);
        if (*p != '\n' && *p != '\r' && *p != ' ' && *p != '\t' && len < sizeof gs->utf8 &&
            r->x2 > r->x1 && r->y2 > r->y1) {
            glyph *g = &gs[(*n)++];
            memcpy(g->utf8, p, len);
            g->utf8[len] = '\0';
            g->x0 = r->x1, g->y0 = r->y1, g->x1 = r->x2, g->y1 = r->y2;
        }
        p = next;
    }
    pp.free(rects);
    pp.free(t);
    return gs;
}

/* Append one page as lines rebuilt from the characters' boxes: characters
 * whose vertical middles lie within half a character's height of a line's
 * first make one line, read left to right, with a space where the gap
 * between two is wider than a fifth of their height (a table's cells, a
 * line's words).  Records each line's box; returns the characters. */
static size_t add_page(PopplerPage *page, int number, gk_buf *text, origins *o)
{
    size_t n;
    glyph *gs = page_glyphs(page, &n);
    char marker[32];
    int m = snprintf(marker, sizeof marker, "=== page %d ===\n", number);
    gk_buf_putn(text, marker, (size_t)m);
    new_origin(o);                  /* the marker line */
    qsort(gs, n, sizeof *gs, by_y);
    int lineno = 0;
    for (size_t i = 0; i < n;) {
        double h = gs[i].y1 - gs[i].y0, top = mid(&gs[i]);
        size_t j = i + 1;
        while (j < n && mid(&gs[j]) - top <= h / 2)
            j++;
        qsort(gs + i, j - i, sizeof *gs, by_x);
        line_origin *l = new_origin(o);
        l->page = number;
        l->line = ++lineno;
        l->has_box = true;
        l->box[0] = gs[i].x0, l->box[1] = gs[i].y0, l->box[2] = gs[i].x1, l->box[3] = gs[i].y1;
        for (size_t k = i; k < j; k++) {
            const glyph *g = &gs[k];
            if (k > i && g->x0 - gs[k - 1].x1 > (g->y1 - g->y0) / 5)
                gk_buf_putc(text, ' ');
            gk_buf_puts(text, g->utf8);
            if (g->x0 < l->box[0]) l->box[0] = g->x0;
            if (g->y0 < l->box[1]) l->box[1] = g->y0;
            if (g->x1 > l->box[2]) l->box[2] = g->x1;
            if (g->y1 > l->box[3]) l->box[3] = g->y1;
        }
        gk_buf_putc(text, '\n');
        i = j;
    }
    free(gs);
    return n;
}

/* Make a position of the generated text a PDF position. */
static void to_pdf(gk_pos *pos, const origins *o)
{
    if (pos->line < 1 || (size_t)pos->line > o->n)
        return;
    const line_origin *l = &o->items[pos->line - 1];
    if (!l->page)
        return;
    pos->page = l->page;
    pos->line = l->line;
    if (l->has_box) {
        pos->has_box = true;
        memcpy(pos->box, l->box, sizeof pos->box);
    }
}

static void positions_to_pdf(gk_report *r, const origins *o)
{
    for (size_t i = 0; i < r->ntables; i++) {
        gk_table *t = &r->tables[i];
        to_pdf(&t->pos, o);
        to_pdf(&t->note_pos, o);
        for (size_t k = 0; k < t->nrows; k++) {
            to_pdf(&t->rows[k].pos, o);
            for (size_t c = 0; c < t->rows[k].ncells; c++)
                to_pdf(&t->rows[k].cells[c].pos, o);
        }
    }
    for (size_t i = 0; i < r->nparagraphs; i++)
        to_pdf(&r->paragraphs[i].pos, o);
    for (size_t i = 0; i < r->nnotes; i++)
        to_pdf(&r->notes[i].pos, o);
}

gk_report *gk_read_pdf(const char *data, size_t len, gk_error *err)
{
    if (!load_poppler()) {
        gk_error_set(err, 0, 0, "无法加载 PDF 读取库 libpoppler-glib（请安装 Debian 软件包 libpoppler-glib8）");
        return NULL;
    }
    GError *gerr = NULL;
    GBytes *bytes = pp.bytes_new_static(data, len);
    PopplerDocument *doc = pp.document_new_from_bytes(bytes, NULL, &gerr);
    if (!doc) {
        if (gerr && gerr->domain == pp.error_quark() && gerr->code == POPPLER_ERROR_ENCRYPTED)
            gk_error_set(err, 0, 0, "PDF 已加密，需要密码才能读取；请提供未加密的文件");
        else
            gk_error_set(err, 0, 0, "无法读取 PDF：%s（文件可能已损坏或不完整）",
                         gerr && gerr->message ? gerr->message : "格式错误");
        if (gerr)
            pp.error_free(gerr);
        pp.bytes_unref(bytes);
        return NULL;
    }
    int pages = pp.document_get_n_pages(doc);
    gk_buf text = GK_BUF_INIT;
    origins o = {0};
    size_t ink = 0;
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = pp.document_get_page(doc, i);
        if (!page)
            continue;
        ink += add_page(page, i + 1, &text, &o);
        pp.object_unref(page);
    }
    pp.object_unref(doc);
    pp.bytes_unref(bytes);
    gk_report *r = NULL;
    if (pages == 0) {
        gk_error_set(err, 0, 0, "PDF 没有任何页面");
    } else if (ink == 0) {
        gk_error_set(err, 0, 0, "PDF 没有文字层（可能是扫描件），不支持 OCR；请提供带文字的 PDF 或文本");
    } else {
        r = gk_read_text(text.data, text.len, err);
        if (r)
            positions_to_pdf(r, &o);
    }
    gk_buf_free(&text);
    free(o.items);
    return r;
}
