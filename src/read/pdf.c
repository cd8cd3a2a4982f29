/*
 * pdf.c — reading a PDF: its text layer, page by page, into the text
 * reader's recogniser.
 *
 * poppler-glib gives each page's text in reading order with one box per
 * character, and the characters' font sizes.  pdf_grid.c makes the pages
 * lines of text under "=== page N ===" markers — the tables on them rebuilt
 * from where their characters stand, as rows of TAB-separated cells — and
 * the text reader recognises tables and narrative in them, as for any text:
 * one recogniser, two front ends.  Positions are then made PDF positions:
 * the page, the line counted on its page, and a box in points from the
 * page's top left (the line's; a table cell's own where the cell came from
 * a table row).
 *
 * A page without a text layer — a scan — is read by OCR (ocr.c) into
 * characters with boxes like a text layer's, and goes through the same
 * geometry: --ocr auto (the default) reads so the pages whose text layer
 * is empty or nearly so and that carry a scan, page by page; always reads
 * every page so, never none.  Each OCR'd cell keeps Tesseract's confidence
 * in its least certain character.  An encrypted or damaged PDF, or a scan
 * with OCR off, is refused with the reason.
 *
 * poppler-glib (and the GLib it brings, some fifty libraries) is loaded on
 * the first PDF, with dlopen: checking text documents, the common case in
 * batches of thousands, does not pay for loading it.
 */
#include <dlfcn.h>
#include <math.h>
#include <glib.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "../util/buf.h"
#include "gongkai/read.h"
#include "ocr.h"
#include "../model/arena.h"
#include "pdf_grid.h"
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
    GList *(*page_get_text_attributes)(PopplerPage *);
    void (*page_free_text_attributes)(GList *);
    void (*page_get_size)(PopplerPage *, double *, double *);
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
            LOAD(page_get_text_layout, "poppler_page_get_text_layout") &&
            LOAD(page_get_text_attributes, "poppler_page_get_text_attributes") &&
            LOAD(page_free_text_attributes, "poppler_page_free_text_attributes") &&
            LOAD(page_get_size, "poppler_page_get_size");
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

/* ---- Characters ------------------------------------------------------------ */

/* The page's characters with ink and their font sizes: poppler gives one
 * box per character of the page's text, and runs of text attributes. */
static pg_glyph *page_glyphs(PopplerPage *page, size_t *n)
{
    char *t = pp.page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!t || !pp.page_get_text_layout(page, &rects, &nrects))
        nrects = 0;
    double *size = calloc(nrects ? nrects : 1, sizeof *size);
    pg_glyph *gs = malloc((nrects ? nrects : 1) * sizeof *gs);
    if (!gs || !size)
        abort();
    if (nrects) {
        GList *attrs = pp.page_get_text_attributes(page);
        for (GList *l = attrs; l; l = l->next) {
            const PopplerTextAttributes *a = l->data;
            for (int i = a->start_index < 0 ? 0 : a->start_index;
                 i <= a->end_index && (guint)i < nrects; i++)
                size[i] = a->font_size;
        }
        pp.page_free_text_attributes(attrs);
    }
    *n = 0;
    guint k = 0;
    for (const char *p = t ? t : ""; *p && k < nrects; k++) {
        const char *next = p + utf8_len(p);
        const PopplerRectangle *r = &rects[k];
        size_t len = (size_t)(next - p);
        /* Boxes of damaged PDFs can be anything: only finite ones on a
         * page of sane size count. */
        bool sane = isfinite(r->x1) && isfinite(r->x2) && isfinite(r->y1) && isfinite(r->y2) &&
                    r->x1 > -1e5 && r->x2 < 1e5 && r->y1 > -1e5 && r->y2 < 1e5;
        if (*p != '\n' && *p != '\r' && *p != ' ' && *p != '\t' && len < sizeof gs->utf8 && sane &&
            r->x2 > r->x1 && r->y2 > r->y1) {
            pg_glyph *g = &gs[(*n)++];
            memcpy(g->utf8, p, len);
            g->utf8[len] = '\0';
            g->x0 = r->x1, g->y0 = r->y1, g->x1 = r->x2, g->y1 = r->y2;
            /* No size (or an absurd one): the box's larger side. */
            double h = r->y2 - r->y1, w = r->x2 - r->x1;
            g->size = size[k] >= 2 && size[k] <= 200 ? size[k] : (h > w ? h : w);
            if (g->size < 0.5)
                g->size = 0.5;
        }
        p = next;
    }
    free(size);
    pp.free(rects);
    pp.free(t);
    return gs;
}

/* ---- Positions ----------------------------------------------------------------- */

/* Make a position of the generated text a PDF position. */
static const pg_origin *to_pdf(gk_pos *pos, const pg_doc *d)
{
    if (pos->line < 1 || (size_t)pos->line > d->n)
        return NULL;
    const pg_origin *l = &d->lines[pos->line - 1];
    if (!l->page)
        return NULL;
    pos->page = l->page;
    pos->line = l->line;
    if (l->has_box) {
        pos->has_box = true;
        memcpy(pos->box, l->box, sizeof pos->box);
    }
    return l;
}

/* The field (TAB-separated cell) of a generated line after `from` that
 * holds the amount v; SIZE_MAX when none does. */
static size_t field_with(const pg_doc *d, const pg_origin *l, size_t from, gk_amount v)
{
    const char *s = d->text.data + l->text_at;
    for (size_t f = 0; f < l->nfields; f++) {
        const char *e = s;
        while (*e && *e != '\t' && *e != '\n')
            e++;
        gk_amount a;
        if (f >= from && gk_amount_parse(s, (size_t)(e - s), &a) == GK_AMOUNT_OK &&
            gk_amount_cmp(a, v) == 0 && a.scale == v.scale)
            return f;
        if (*e != '\t')
            break;
        s = e + 1;
    }
    return SIZE_MAX;
}

/* The field after the one that prints the row's label (its last part, for
 * "parent/child"), or 0. */
static size_t after_label(const pg_doc *d, const pg_origin *l, const char *label)
{
    if (!label || !*label)
        return 0;
    const char *slash = strrchr(label, '/');
    const char *name = slash ? slash + 1 : label;
    const char *s = d->text.data + l->text_at;
    for (size_t f = 0; f < l->nfields; f++) {
        const char *e = s;
        while (*e && *e != '\t' && *e != '\n')
            e++;
        size_t n = strlen(name);
        for (const char *q = s; q + n <= e; q++)
            if (memcmp(q, name, n) == 0)
                return f + 1;
        if (*e != '\t')
            break;
        s = e + 1;
    }
    return 0;
}

static void row_to_pdf(gk_row *row, const pg_doc *d)
{
    const pg_origin *l = to_pdf(&row->pos, d);
    bool *used = l && l->nfields ? calloc(l->nfields, sizeof *used) : NULL;
    size_t from = used ? after_label(d, l, row->label) : 0;
    for (size_t c = 0; c < row->ncells; c++) {
        gk_cell *cell = &row->cells[c];
        if (cell->pos.line) {
            to_pdf(&cell->pos, d);
            continue;
        }
        if (!used || cell->text)
            continue;
        /* The cell's own box: the field that prints its figure. */
        size_t f = field_with(d, l, from, cell->value);
        while (f != SIZE_MAX && used[f])
            f = field_with(d, l, f + 1, cell->value);
        if (f == SIZE_MAX)
            continue;
        used[f] = true;
        const double *box = d->fields[l->field0 + f];
        if (box[2] <= box[0])
            continue;
        cell->pos = row->pos;
        memcpy(cell->pos.box, box, sizeof cell->pos.box);
        cell->pos.has_box = true;
    }
    free(used);
}

static void positions_to_pdf(gk_report *r, const pg_doc *d)
{
    for (size_t i = 0; i < r->ntables; i++) {
        gk_table *t = &r->tables[i];
        to_pdf(&t->pos, d);
        to_pdf(&t->note_pos, d);
        for (size_t k = 0; k < t->nrows; k++)
            row_to_pdf(&t->rows[k], d);
    }
    for (size_t i = 0; i < r->nparagraphs; i++)
        to_pdf(&r->paragraphs[i].pos, d);
    for (size_t i = 0; i < r->nnotes; i++)
        to_pdf(&r->notes[i].pos, d);
}

/* ---- OCR ----------------------------------------------------------------------- */

static gk_ocr_mode ocr_mode = GK_OCR_AUTO;
static void (*ocr_progress)(const char *name, int page, int pages);

void gk_read_set_ocr(gk_ocr_mode mode, void (*progress)(const char *name, int page, int pages))
{
    ocr_mode = mode;
    ocr_progress = progress;
}

/* A text layer of fewer characters than this on a page under a scan is not
 * the page's text (a page number or a file mark stamped on the scan). */
#define OCR_MAX_LAYER_CHARS 40

/* The OCR of one document's pages. */
typedef struct ocr_doc {
    ocr_engine *engine;       /* loaded on the first scanned page */
    bool failed;
    char why[256];            /* why the engine could not be loaded */
    int pages;                /* pages read by OCR */
    ocr_mark *marks;          /* every OCR'd character's box and confidence */
    int *mark_page;
    size_t nmarks, cap;
} ocr_doc;

/* Page i of `pages` by OCR if it is to be: its glyphs replace *g. */
static void maybe_ocr(ocr_doc *o, PopplerPage *page, int i, int pages, const char *name,
                      double width, double height, pg_glyph **g, size_t *n)
{
    if (ocr_mode == GK_OCR_NEVER || o->failed ||
        (ocr_mode == GK_OCR_AUTO &&
         (*n >= OCR_MAX_LAYER_CHARS || !ocr_page_has_scan(page, width, height))))
        return;
    if (!o->engine && !(o->engine = ocr_new(o->why, sizeof o->why))) {
        o->failed = true;
        return;
    }
    if (ocr_progress)
        ocr_progress(name, i + 1, pages);
    ocr_mark *m;
    size_t k;
    pg_glyph *og = ocr_page(o->engine, page, width, height, &k, &m);
    o->pages++;
    if (!og && !(og = malloc(sizeof *og)))     /* nothing read: an empty page */
        abort();
    free(*g);
    *g = og, *n = k;
    if (!k)
        return;
    if (o->nmarks + k > o->cap) {
        o->cap = 2 * (o->nmarks + k);
        o->marks = realloc(o->marks, o->cap * sizeof *o->marks);
        o->mark_page = realloc(o->mark_page, o->cap * sizeof *o->mark_page);
        if (!o->marks || !o->mark_page)
            abort();
    }
    memcpy(o->marks + o->nmarks, m, k * sizeof *m);
    for (size_t j = 0; j < k; j++)
        o->mark_page[o->nmarks + j] = i + 1;
    o->nmarks += k;
    free(m);
}

/* OCR'd cells (figures and texts): the confidence of the least certain character standing in
 * the cell's box (its middle inside), on its page. */
static void cell_confidences(gk_report *r, const ocr_doc *o)
{
    if (!o->nmarks)
        return;
    for (size_t i = 0; i < r->ntables; i++)
        for (size_t k = 0; k < r->tables[i].nrows; k++) {
            gk_row *row = &r->tables[i].rows[k];
            for (size_t c = 0; c < row->ncells; c++) {
                gk_cell *cell = &row->cells[c];
                /* texts too (they stand in their row's box): read by OCR */
                const gk_pos *at = cell->pos.has_box ? &cell->pos : &row->pos;
                if (!at->has_box || !at->page)
                    continue;
                const double *b = at->box;
                float conf = 101;
                for (size_t m = 0; m < o->nmarks; m++) {
                    const ocr_mark *mk = &o->marks[m];
                    double cx = (mk->box[0] + mk->box[2]) / 2, cy = (mk->box[1] + mk->box[3]) / 2;
                    if (o->mark_page[m] == at->page && cx >= b[0] && cx <= b[2] &&
                        cy >= b[1] && cy <= b[3] && mk->conf < conf)
                        conf = mk->conf;
                }
                if (conf <= 100) {
                    cell->flags |= GK_CELL_OCR;
                    cell->ocr_conf = (unsigned char)(conf < 0 ? 0 : conf);
                }
            }
        }
}

/* Which pages OCR read, for the rules: what stands on them is its reading. */
static void scanned_pages(gk_report *r, const ocr_doc *o)
{
    int pages = 0;
    for (size_t m = 0; m < o->nmarks; m++)
        if (o->mark_page[m] > pages)
            pages = o->mark_page[m];
    if (!pages)
        return;
    bool *scanned = gk_arena_alloc(r->arena, ((size_t)pages + 1) * sizeof *scanned);
    memset(scanned, 0, ((size_t)pages + 1) * sizeof *scanned);
    for (size_t m = 0; m < o->nmarks; m++)
        scanned[o->mark_page[m]] = true;
    r->scanned = scanned;
    r->nscanned = (size_t)pages + 1;
}

static void ocr_doc_free(ocr_doc *o)
{
    ocr_free(o->engine);
    free(o->marks);
    free(o->mark_page);
}

gk_report *gk_read_pdf(const char *data, size_t len, const char *name, gk_error *err)
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
    pg_doc pd = {0};
    ocr_doc od = {0};
    size_t ink = 0;
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = pp.document_get_page(doc, i);
        if (!page)
            continue;
        size_t n;
        pg_glyph *g = page_glyphs(page, &n);
        double width = 0, height = 0;
        pp.page_get_size(page, &width, &height);
        maybe_ocr(&od, page, i, pages, name, width, height, &g, &n);
        const char *gd = getenv("GK_PDF_GLYPHS");
        if (gd && atoi(gd) == i + 1)
            for (size_t k = 0; k < n; k++)
                fprintf(stderr, "%s %.2f %.2f %.2f %.2f %.2f\n", g[k].utf8, g[k].x0, g[k].y0,
                        g[k].x1, g[k].y1, g[k].size);
        pg_add_page(&pd, i + 1, g, n, width);
        free(g);
        ink += n;
        pp.object_unref(page);
    }
    pg_finish(&pd);
    pp.object_unref(doc);
    pp.bytes_unref(bytes);
    gk_report *r = NULL;
    if (pages == 0) {
        gk_error_set(err, 0, 0, "PDF 没有任何页面");
    } else if (ink == 0 && od.failed) {
        gk_error_set(err, 0, 0, "PDF 没有文字层（可能是扫描件），%s", od.why);
    } else if (ink == 0 && od.pages) {
        gk_error_set(err, 0, 0, "PDF 没有文字层（可能是扫描件），文字识别（OCR）也未读出文字");
    } else if (ink == 0) {
        gk_error_set(err, 0, 0, "PDF 没有文字层（可能是扫描件）%s；请提供带文字的 PDF 或文本",
                     ocr_mode == GK_OCR_NEVER ? "，且未启用文字识别（--ocr never）" : "");
    } else {
        /* GK_PDF_TEXT=1: the text handed to the recogniser, on stderr
         * (for seeing what the geometry made of a document). */
        const char *dump = getenv("GK_PDF_TEXT");
        if (dump && *dump == '1')
            fwrite(pd.text.data, 1, pd.text.len, stderr);
        r = gk_read_text(pd.text.data, pd.text.len, err);
        if (r) {
            positions_to_pdf(r, &pd);
            cell_confidences(r, &od);
            scanned_pages(r, &od);
        }
    }
    ocr_doc_free(&od);
    pg_doc_free(&pd);
    return r;
}
