/*
 * pdf.c — gk_write_pdf: a document as a PDF, with cairo and pango.
 *
 * Layout first (pdf_layout.c): every block measured and placed, so the
 * page each heading and table lands on is known.  Then drawing: each
 * page's display list replayed onto a cairo PDF surface writing to the
 * caller's stream, the 目录's page numbers filled in, page numbers in the
 * footers ("- N -", none on the cover), the outline (headings nested by
 * level, tables under their part) and the document's metadata.  The page
 * numbers printed are the PDF's own page numbers, cover included, so the
 * 目录, the footers and a PDF viewer all agree.
 *
 * Fonts: Noto Sans CJK SC, regular and bold, for everything by default;
 * cairo embeds the subsets used.  Noto Serif CJK SC for the paragraphs and
 * the cover's lines when the document asks for a serif body (render
 * --serif), as the printed documents look: not by default, since each face
 * costs 35-45 ms (cairo copies its whole 15-25 MB CFF table to embed a
 * subset), a fifth of a 30-page document's time.  Without Noto Sans
 * CJK SC nothing is written; the message says which package to install.
 */
#define _DEFAULT_SOURCE             /* madvise's MADV_HUGEPAGE */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../model/arena.h"
#include "../util/dl.h"
#include "compose.h"
#include "pdf_internal.h"

/* ---- The libraries --------------------------------------------------------- */

pdf_lib gk_pdf_lib;
static bool pdf_loaded;

static void load_once(void)
{
    static const char *const LIBS[] = {"libpangocairo-1.0.so.0", "libpango-1.0.so.0",
                                       "libcairo.so.2", "libgobject-2.0.so.0",
                                       "libglib-2.0.so.0", NULL};
#define PDF_NAME(f) #f,
    static const char *const SYMBOLS[] = {PDF_FUNCTIONS(PDF_NAME)};
#undef PDF_NAME
    enum { N = sizeof SYMBOLS / sizeof *SYMBOLS };
    void *syms[N];
    if (!gk_dl_symbols(LIBS, SYMBOLS, syms, N))
        return;
    size_t k = 0;
    /* Object pointers to function pointers: POSIX dlsym's documented use. */
#define PDF_SET(f) *(void **)&gk_pdf_lib.p_##f = syms[k++];
    PDF_FUNCTIONS(PDF_SET)
#undef PDF_SET
    pdf_loaded = true;
}                                   /* the libraries stay loaded for the process */

bool gk_pdf_load(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_once);
    return pdf_loaded;
}

/* ---- The heap -------------------------------------------------------------- */

/* To embed a face's subset, cairo copies the face's whole CFF table (15 to
 * 25 MB for Noto CJK) into malloc'd memory, twice per face.  Fresh pages
 * cost: first touches of memory are slow here (56 MB in 4 KB pages: 200
 * ms on the development machine), and glibc gives allocations this big
 * their own mmap, new each time.  So, once per process: allocations up to
 * 64 MB come from the heap, freed memory stays in it (every copy reuses
 * the same region), and the heap's first 56 MB are advised to be
 * transparent huge pages, faulted 2 MB at a time when first used.  A 31-
 * page document: 13,300 page faults and 0.34 s before, 1,900 and 0.21 s
 * after (with a serif face as well). */
static void prepare_heap_once(void)
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(MADV_HUGEPAGE)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    size_t n = (size_t)56 << 20, huge = (size_t)2 << 20;
    char *p = malloc(n);                /* the heap grows by n, untouched */
    if (!p)
        return;
    char *a = (char *)(((size_t)p + huge - 1) & ~(huge - 1));
    char *e = (char *)(((size_t)p + n) & ~(huge - 1));
    if (e > a)
        madvise(a, (size_t)(e - a), MADV_HUGEPAGE);
    free(p);
#endif
}

static void prepare_heap(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, prepare_heap_once);
}

/* ---- Fonts ----------------------------------------------------------------- */

static bool has_family(pdf_writer *w, const char *family)
{
    char spec[96];
    snprintf(spec, sizeof spec, "%s 10px", family);
    PangoFontDescription *want = pango_font_description_from_string(spec);
    PangoFont *f = pango_font_map_load_font(w->fontmap, w->pango, want);
    bool ok = false;
    if (f) {
        PangoFontDescription *got = pango_font_describe(f);
        const char *name = pango_font_description_get_family(got);
        ok = name && strcasecmp(name, family) == 0;
        pango_font_description_free(got);
        g_object_unref(f);
    }
    pango_font_description_free(want);
    return ok;
}

static bool choose_fonts(pdf_writer *w, gk_error *err)
{
    static const char *const SANS = "Noto Sans CJK SC";
    if (!has_family(w, SANS)) {
        gk_error_set(err, 0, 0,
                     "缺少 PDF 所需字体 %s（请安装 Debian 软件包 fonts-noto-cjk），未写出 PDF",
                     SANS);
        return false;
    }
    w->family[FACE_BODY] = w->family[FACE_SANS] = w->family[FACE_BOLD] = SANS;
    if (w->doc->serif) {
        static const char *const SERIF = "Noto Serif CJK SC";
        if (!has_family(w, SERIF)) {
            gk_error_set(err, 0, 0,
                         "缺少衬线正文所需字体 %s（请安装 Debian 软件包 fonts-noto-cjk），未写出 PDF",
                         SERIF);
            return false;
        }
        w->family[FACE_BODY] = SERIF;
    }
    return true;
}

/* ---- The output stream ----------------------------------------------------- */

typedef struct sink {
    FILE *out;
    int err;                  /* errno of the first failed write */
    bool failed;
} sink;

/* After the first failed write the rest is discarded, and cairo is told
 * all is well: it then finishes the document it holds consistently (told
 * of the failure, it stops mid-way and asserts, finishing, on links to
 * pages it never drew).  The failure is reported from the sink. */
static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
    sink *s = closure;
    if (!s->failed && len && fwrite(data, 1, len, s->out) != len) {
        s->failed = true;
        s->err = errno ? errno : EIO;
    }
    return CAIRO_STATUS_SUCCESS;
}

static const char *reason(int e)
{
    switch (e) {
    case ENOSPC:
        return "磁盘空间不足";
    case EDQUOT:
        return "超出磁盘配额";
    case EFBIG:
        return "文件过大";
    case EBADF:
        return "输出流已关闭或不可写";
    case EPIPE:
        return "管道已关闭";
    case EIO:
        return "输入/输出错误";
    case EROFS:
        return "文件系统只读";
    default:
        return strerror(e);
    }
}

/* ---- Drawing --------------------------------------------------------------- */

static void set_color(cairo_t *cr, pdf_color c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void draw_text(cairo_t *cr, const pdf_op *op)
{
    set_color(cr, op->color);
    PangoLayoutIter *it = pango_layout_get_iter(op->layout);
    double top = 0;
    int i = 0;
    do {
        if (i >= op->line0 + op->nlines)
            break;
        if (i >= op->line0) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            if (i == op->line0)
                top = (double)logical.y / PANGO_SCALE;
            double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(cr, op->x + (double)logical.x / PANGO_SCALE, op->y + base - top);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

static void draw_shape(cairo_t *cr, const pdf_op *op)
{
    cairo_new_path(cr);
    if (op->kind == OP_RECT) {
        cairo_rectangle(cr, op->x, op->y, op->w, op->h);
    } else if (op->kind == OP_LINE) {
        cairo_move_to(cr, op->x, op->y);
        cairo_line_to(cr, op->x2, op->y2);
    } else {                                    /* OP_SLICE */
        bool whole = op->a1 - op->a0 >= 6.2831;
        if (!whole)
            cairo_move_to(cr, op->x, op->y);
        cairo_arc(cr, op->x, op->y, op->w, op->a0, op->a1);
        cairo_close_path(cr);
    }
    if (op->fill) {
        set_color(cr, op->color);
        if (op->stroke > 0 && op->kind == OP_SLICE) {
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);  /* slices: white edges */
            cairo_set_line_width(cr, op->stroke);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
    } else if (op->stroke > 0) {
        set_color(cr, op->color);
        cairo_set_line_width(cr, op->stroke);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

/* A 目录 line's leader dots and page number, and a link to the page. */
static void draw_toc(pdf_writer *w, cairo_t *cr, const pdf_op *op, double dot_w)
{
    const pdf_mark *m = &w->marks[op->index];
    char num[16];
    snprintf(num, sizeof num, "%d", m->page);
    PangoLayout *n = pdf_text(w, num, FACE_SANS, TOC_SIZE, 0, PANGO_ALIGN_LEFT);
    double nw = pdf_layout_width(n);
    pdf_op text = *op;
    text.kind = OP_TEXT;
    text.layout = n;
    text.x = op->x2 - nw;
    text.line0 = 0, text.nlines = 1;
    text.color = PDF_BLACK;
    draw_text(cr, &text);
    double from = op->x + 4, to = op->x2 - nw - 4;
    int count = dot_w > 0 ? (int)((to - from) / dot_w) : 0;
    if (count > 0) {
        char *dots = malloc((size_t)count + 1);
        if (!dots)
            gk_out_of_memory();
        memset(dots, '.', (size_t)count);
        dots[count] = '\0';
        PangoLayout *d = pdf_text(w, dots, FACE_SANS, TOC_SIZE, 0, PANGO_ALIGN_LEFT);
        free(dots);
        text.layout = d;
        text.x = to - pdf_layout_width(d);
        text.color = PDF_GREY_TEXT;
        draw_text(cr, &text);
    }
    char link[128];
    snprintf(link, sizeof link, "rect=[%.2f %.2f %.2f %.2f] dest='gk%zu'", w->left, op->y,
             op->x2 - w->left, op->h, op->index);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

static void draw_page(pdf_writer *w, cairo_t *cr, size_t k, double dot_w)
{
    const pdf_page *p = &w->pages[k];
    for (size_t i = p->op0; i < p->op1; i++) {
        const pdf_op *op = &w->ops[i];
        switch (op->kind) {
        case OP_TEXT:
            draw_text(cr, op);
            break;
        case OP_TOC:
            draw_toc(w, cr, op, dot_w);
            break;
        default:
            draw_shape(cr, op);
            break;
        }
    }
    /* Named destinations for the 目录's links and the outline. */
    for (size_t i = 0; i < w->nmarks; i++)
        if (w->marks[i].page == (int)k + 1) {
            char dest[96];
            snprintf(dest, sizeof dest, "name='gk%zu' x=%.2f y=%.2f", i, 0.0,
                     w->marks[i].y > 12 ? w->marks[i].y - 12 : 0);
            cairo_tag_begin(cr, CAIRO_TAG_DEST, dest);
            cairo_tag_end(cr, CAIRO_TAG_DEST);
        }
    if (p->numbered) {
        /* The page number is drawn as outlines, not text: it belongs to the
         * page, not the document, and in the text layer it would read as
         * part of whatever is printed last on the page (a table's last row,
         * for a reader of the PDF's text). */
        char num[32];
        snprintf(num, sizeof num, "- %zu -", k + 1);
        PangoLayout *l = pdf_text(w, num, FACE_SANS, 9, 0, PANGO_ALIGN_LEFT);
        set_color(cr, PDF_GREY_TEXT);
        cairo_new_path(cr);
        cairo_move_to(cr, (p->w - pdf_layout_width(l)) / 2, p->h - PDF_MARGIN_BOTTOM / 2 - 6);
        pango_cairo_layout_path(cr, l);
        cairo_fill(cr);
    }
}

/* Headings nested by level; tables one below the heading before them. */
static void add_outline(pdf_writer *w, cairo_surface_t *s)
{
    int parent[6];
    for (size_t i = 0; i < 6; i++)
        parent[i] = CAIRO_PDF_OUTLINE_ROOT;
    for (size_t i = 0; i < w->nmarks; i++) {
        const pdf_mark *m = &w->marks[i];
        if (m->page < 1)
            continue;                           /* not laid out */
        int level = m->level < 1 ? 1 : m->level > 4 ? 4 : m->level;
        char dest[32];
        snprintf(dest, sizeof dest, "dest='gk%zu'", i);
        int id = cairo_pdf_surface_add_outline(s, parent[level], m->text, dest,
                                               level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        for (int k = level + 1; k < 6; k++)
            parent[k] = id;
    }
}

static void set_metadata(pdf_writer *w, cairo_surface_t *s, const struct tm *tm)
{
    const gk_doc *d = w->doc;
    const char *kind = d->kind == GK_DOC_BUDGET        ? "部门预算公开"
                       : d->kind == GK_DOC_PERFORMANCE ? "绩效评价报告"
                                                       : "部门决算公开";
    if (d->title)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
    if (d->unit)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, d->unit);
    cairo_pdf_surface_set_metadata(
        s, CAIRO_PDF_METADATA_SUBJECT,
        d->year ? pdf_printf(w, "%d年%s%s", d->year, d->kind == GK_DOC_BUDGET ? "" : "度", kind)
                : kind);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "gongkai");
    char date[40];
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm->tm_year + 1900,
             tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static bool draw(pdf_writer *w, FILE *out, const struct tm *tm, gk_error *err)
{
    sink sk = {out, 0, false};
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, &sk, w->pages[0].w,
                                                             w->pages[0].h);
    set_metadata(w, s, tm);
    cairo_t *cr = cairo_create(s);
    PangoLayout *ten = pdf_text(w, "..........", FACE_SANS, TOC_SIZE, 0, PANGO_ALIGN_LEFT);
    double dot_w = pdf_layout_width(ten) / 10;
    for (size_t k = 0; k < w->npages && cairo_status(cr) == CAIRO_STATUS_SUCCESS; k++) {
        cairo_pdf_surface_set_size(s, w->pages[k].w, w->pages[k].h);
        draw_page(w, cr, k, dot_w);
        cairo_show_page(cr);
    }
    add_outline(w, s);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(s);
    cairo_surface_destroy(s);
    bool flushed = fflush(out) == 0 && !ferror(out);
    if (!flushed && !sk.failed) {
        sk.failed = true;
        sk.err = errno ? errno : EIO;
    }
    if (sk.failed) {
        gk_error_set(err, 0, 0, "写入 PDF 失败：%s", reason(sk.err));
        return false;
    }
    if (status != CAIRO_STATUS_SUCCESS) {
        gk_error_set(err, 0, 0, "生成 PDF 失败：%s", cairo_status_to_string(status));
        return false;
    }
    return true;
}

/* ---- The writer ------------------------------------------------------------ */

static void release(pdf_writer *w)
{
    for (size_t i = 0; i < w->nlayouts; i++)
        g_object_unref(w->layouts[i]);
    for (size_t i = 0; i < w->nfonts; i++)
        pango_font_description_free(w->fonts[i].desc);
    for (size_t i = 0; i < w->nextra; i++)
        pango_font_description_free(w->extra_fonts[i]);
    if (w->pango)
        g_object_unref(w->pango);
    if (w->fontmap)
        g_object_unref(w->fontmap);
    free(w->layouts);
    free(w->extra_fonts);
    free(w->ops);
    free(w->pages);
    free(w->marks);
    gk_arena_free(w->arena);
}

bool gk_write_pdf(const gk_doc *d, FILE *out, gk_error *err)
{
    if (!gk_pdf_load()) {
        gk_error_set(err, 0, 0,
                     "无法加载写出 PDF 所需的库 cairo、pango（请安装 Debian 软件包 "
                     "libcairo2 和 libpangocairo-1.0-0），未写出 PDF");
        return false;
    }
    prepare_heap();
    pdf_writer w;
    memset(&w, 0, sizeof w);
    w.doc = d;
    w.arena = gk_arena_new();
    w.fontmap = pango_cairo_font_map_new();
    w.pango = pango_font_map_create_context(w.fontmap);
    /* Unhinted metrics: positions measured are positions printed. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(w.pango, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(w.pango, 72);
    bool ok = choose_fonts(&w, err);
    if (ok) {
        struct tm tm = gk_doc_now();
        w.date_line = d->date_line;
        pdf_layout_document(&w);
        ok = draw(&w, out, &tm, err);
    }
    release(&w);
    return ok;
}
