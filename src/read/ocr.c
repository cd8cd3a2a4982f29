/*
 * ocr.c — a scanned page's characters, read by Tesseract, for the same
 * geometry (pdf_grid.c) as a text layer's.
 *
 * A page is rendered by poppler onto a cairo image at the resolution of its
 * scan, kept between 200 and 300 dpi (a 96-dpi scan is enlarged: Tesseract
 * reads characters some twenty pixels tall best; a 600-dpi one is reduced,
 * which costs nothing in accuracy and a quarter of the time), and made grey.
 *
 * The rules of a ruled table are then whitened: Tesseract takes a cell's
 * border for letters ("|", "[", "I") and, worse, cuts its lines at them
 * into noise.  A rule is a run of dark pixels, across or down, longer than
 * a third of an inch — no character is that long at the sizes documents
 * print their tables in.  The blank the rules enclose is a table's cells
 * (find_cells): each is read alone, in its ink's box, as one block of
 * text (page segmentation mode 6; Tesseract's automatic layout analysis
 * cuts a table into columns and blocks in an order of its own, and a page
 * read as one block is lines of its making across rows whose cells hold
 * one line and two).  The rest of the page, the cells whitened, is read
 * after as one block.  Chinese and English
 * models together read the figures standing alone in cells (a row number
 * "3" read as "名" by the Chinese model alone).
 *
 * Each recognised character becomes a glyph with its box in points (the
 * rendering's pixels scaled back): Tesseract's boxes of single characters
 * are its LSTM's guesses, so a character stands in its word's box (clipped
 * where the next word begins; a cell's line's words abut) shared out by
 * advances, 1.3 of its size tall about its line's middle as a text layer's
 * box, at the size of the em of its line's words of ideographs
 * (place_chars).  Before that, what the two models together are known to
 * misread is mended: words of Latin letters in a Chinese table are read
 * again by the Chinese model alone; a dash before "、" is a numeral whose
 * strokes are counted; quote marks by figures and bars are dropped (the
 * gaps where rules stood).  Specks are dropped (a mark standing alone, a
 * word a quarter of an em across read unsurely); words' boxes are brought
 * in to their ink where the LSTM's reach an em past it; a word of figures
 * across a blank wider than an em (two cells' figures where a rule was) is
 * cut in two; amounts in doubt (not an amount as read, a character read
 * unsurely, a figure wrapped over two lines of its cell, a short word read
 * all but blindly) are read again in their box by Tesseract restricted to
 * figures.  A line's size is the page's unless clearly larger (a title):
 * the geometry measures in sizes, and a few words' boxes measure noisily.
 * pdf_grid.c makes lines, tables and cells of the glyphs as it does of a
 * text layer's characters; Tesseract's confidence in each character is
 * kept beside it (ocr_mark), for the cells.  GK_OCR_WORDS=1 prints the
 * words as read and what was read again, on stderr.
 *
 * Tesseract, its models and cairo are loaded on the first scanned page,
 * with dlopen, like poppler (pdf.c).  Tesseract's OpenMP threads gain
 * nothing on a page (1.34 s with one, 1.40 s with two, twice the CPU):
 * the program sets OMP_THREAD_LIMIT=1 before any thread starts (main.c),
 * and runs documents in parallel instead.
 */
#include "ocr.h"

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>
#include <tesseract/capi.h>

#include "../util/dl.h"
#include "../util/fatal.h"

/* ---- Libraries, loaded on demand ------------------------------------------ */

static struct {
    bool ok;
    /* poppler-glib and GLib */
    void (*page_render)(PopplerPage *, cairo_t *);
    GList *(*page_get_image_mapping)(PopplerPage *);
    void (*page_free_image_mapping)(GList *);
    cairo_surface_t *(*page_get_image)(PopplerPage *, gint);
    /* cairo */
    cairo_surface_t *(*image_surface_create)(cairo_format_t, int, int);
    unsigned char *(*image_surface_get_data)(cairo_surface_t *);
    int (*image_surface_get_stride)(cairo_surface_t *);
    int (*image_surface_get_width)(cairo_surface_t *);
    void (*surface_flush)(cairo_surface_t *);
    void (*surface_destroy)(cairo_surface_t *);
    cairo_status_t (*surface_status)(cairo_surface_t *);
    cairo_t *(*create)(cairo_surface_t *);
    void (*destroy)(cairo_t *);
    void (*scale)(cairo_t *, double, double);
    void (*set_source_rgb)(cairo_t *, double, double, double);
    void (*paint)(cairo_t *);
    /* Tesseract */
    TessBaseAPI *(*api_create)(void);
    void (*api_delete)(TessBaseAPI *);
    void (*api_end)(TessBaseAPI *);
    int (*api_init3)(TessBaseAPI *, const char *, const char *);
    BOOL (*api_set_variable)(TessBaseAPI *, const char *, const char *);
    void (*api_set_psm)(TessBaseAPI *, TessPageSegMode);
    void (*api_set_image)(TessBaseAPI *, const unsigned char *, int, int, int, int);
    void (*api_set_resolution)(TessBaseAPI *, int);
    int (*api_recognize)(TessBaseAPI *, ETEXT_DESC *);
    void (*api_clear)(TessBaseAPI *);
    void (*api_set_rectangle)(TessBaseAPI *, int, int, int, int);
    char *(*api_text)(TessBaseAPI *);
    int (*api_mean_conf)(TessBaseAPI *);
    TessResultIterator *(*api_get_iterator)(TessBaseAPI *);
    void (*it_delete)(TessResultIterator *);
    BOOL (*it_next)(TessResultIterator *, TessPageIteratorLevel);
    char *(*it_text)(const TessResultIterator *, TessPageIteratorLevel);
    float (*it_conf)(const TessResultIterator *, TessPageIteratorLevel);
    const TessPageIterator *(*it_page)(const TessResultIterator *);
    BOOL (*pit_box)(const TessPageIterator *, TessPageIteratorLevel, int *, int *, int *, int *);
    BOOL (*pit_begins)(const TessPageIterator *, TessPageIteratorLevel);
    void (*delete_text)(const char *);
} lib;

static const char *const LIBS[] = {"libpoppler-glib.so.8", "libglib-2.0.so.0", "libcairo.so.2",
                                   "libtesseract.so.5"};
#define NLIBS (sizeof LIBS / sizeof LIBS[0])
static bool lib_missing[NLIBS];

static void *find(void *const *libs, const char *name)
{
    for (size_t i = 0; i < NLIBS; i++) {
        void *f = libs[i] ? dlsym(libs[i], name) : NULL;
        if (f)
            return f;
    }
    return NULL;
}

static void load_once(void)
{
    void *libs[NLIBS];
    for (size_t i = 0; i < NLIBS; i++)
        lib_missing[i] = !(libs[i] = dlopen(LIBS[i], RTLD_NOW | RTLD_LOCAL));
#define LOAD(field, name) (*(void **)&lib.field = find(libs, name)) != NULL
    lib.ok = LOAD(page_render, "poppler_page_render") &&
             LOAD(page_get_image_mapping, "poppler_page_get_image_mapping") &&
             LOAD(page_free_image_mapping, "poppler_page_free_image_mapping") &&
             LOAD(page_get_image, "poppler_page_get_image") &&
             LOAD(image_surface_create, "cairo_image_surface_create") &&
             LOAD(image_surface_get_data, "cairo_image_surface_get_data") &&
             LOAD(image_surface_get_stride, "cairo_image_surface_get_stride") &&
             LOAD(image_surface_get_width, "cairo_image_surface_get_width") &&
             LOAD(surface_flush, "cairo_surface_flush") &&
             LOAD(surface_destroy, "cairo_surface_destroy") &&
             LOAD(surface_status, "cairo_surface_status") && LOAD(create, "cairo_create") &&
             LOAD(destroy, "cairo_destroy") && LOAD(scale, "cairo_scale") &&
             LOAD(set_source_rgb, "cairo_set_source_rgb") && LOAD(paint, "cairo_paint") &&
             LOAD(api_create, "TessBaseAPICreate") && LOAD(api_delete, "TessBaseAPIDelete") &&
             LOAD(api_end, "TessBaseAPIEnd") && LOAD(api_init3, "TessBaseAPIInit3") &&
             LOAD(api_set_variable, "TessBaseAPISetVariable") &&
             LOAD(api_set_psm, "TessBaseAPISetPageSegMode") &&
             LOAD(api_set_image, "TessBaseAPISetImage") &&
             LOAD(api_set_resolution, "TessBaseAPISetSourceResolution") &&
             LOAD(api_recognize, "TessBaseAPIRecognize") && LOAD(api_clear, "TessBaseAPIClear") &&
             LOAD(api_set_rectangle, "TessBaseAPISetRectangle") &&
             LOAD(api_text, "TessBaseAPIGetUTF8Text") &&
             LOAD(api_mean_conf, "TessBaseAPIMeanTextConf") &&
             LOAD(api_get_iterator, "TessBaseAPIGetIterator") &&
             LOAD(it_delete, "TessResultIteratorDelete") &&
             LOAD(it_next, "TessResultIteratorNext") &&
             LOAD(it_text, "TessResultIteratorGetUTF8Text") &&
             LOAD(it_conf, "TessResultIteratorConfidence") &&
             LOAD(it_page, "TessResultIteratorGetPageIteratorConst") &&
             LOAD(pit_box, "TessPageIteratorBoundingBox") &&
             LOAD(pit_begins, "TessPageIteratorIsAtBeginningOf") &&
             LOAD(delete_text, "TessDeleteText");
#undef LOAD
}                                   /* the libraries stay loaded for the process */

static bool load(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_once);
    return lib.ok;
}

/* ---- The engine ------------------------------------------------------------ */

struct ocr_engine {
    TessBaseAPI *api;
    TessBaseAPI *zh;          /* Chinese alone, for words re-read; NULL until one is */
    bool zh_failed;
    TessBaseAPI *digits;      /* figures alone, for amounts re-read; NULL until one is */
    bool digits_failed;
};

/* Models: Chinese for the text, English beside it for figures alone. */
#define OCR_LANGS "chi_sim+eng"

ocr_engine *ocr_new(char *why, size_t whylen)
{
    if (!load()) {
        snprintf(why, whylen, "无法加载文字识别库%s（请安装 Debian 软件包 %s）",
                 lib_missing[3] ? " libtesseract" : "",
                 lib_missing[3] ? "libtesseract5 tesseract-ocr-chi-sim" : "libcairo2 libpoppler-glib8");
        return NULL;
    }
    TessBaseAPI *api = lib.api_create();
    if (!api)
        gk_out_of_memory();
    /* NULL: the models where the library was built to find them, or in
     * $TESSDATA_PREFIX. */
    if (lib.api_init3(api, NULL, OCR_LANGS) != 0) {
        lib.api_delete(api);
        snprintf(why, whylen, "无法加载文字识别模型 %s（请安装 Debian 软件包 tesseract-ocr-chi-sim）",
                 OCR_LANGS);
        return NULL;
    }
    lib.api_set_psm(api, PSM_SINGLE_BLOCK);
    /* Spaces between words as printed: figures in adjacent cells stay
     * apart, and a word's gap is the glyphs' own. */
    lib.api_set_variable(api, "preserve_interword_spaces", "1");
    lib.api_set_variable(api, "debug_file", "/dev/null");
    ocr_engine *e = malloc(sizeof *e);
    if (!e)
        gk_out_of_memory();
    e->api = api;
    e->zh = NULL;
    e->zh_failed = false;
    e->digits = NULL;
    e->digits_failed = false;
    return e;
}

void ocr_free(ocr_engine *e)
{
    if (!e)
        return;
    if (e->zh) {
        lib.api_end(e->zh);
        lib.api_delete(e->zh);
    }
    if (e->digits) {
        lib.api_end(e->digits);
        lib.api_delete(e->digits);
    }
    lib.api_end(e->api);
    lib.api_delete(e->api);
    free(e);
}

/* ---- The page's scan -------------------------------------------------------- */

/* The largest image of the page: its share of the page's area and its
 * resolution in pixels per inch (0 when unknown). */
/* Whether a page is a scan is asked of every nearly empty page of every PDF
 * (a cover, a blank page between parts): the two poppler functions that
 * tell, loaded alone — not Tesseract and the forty libraries it brings
 * (they doubled the cost of checking a text PDF with a blank page). */
static struct {
    GList *(*get_image_mapping)(PopplerPage *);
    void (*free_image_mapping)(GList *);
} probe;
static bool probe_ok;

static void load_probe_once(void)
{
    static const char *const PROBE_LIBS[] = {"libpoppler-glib.so.8", NULL};
    static const char *const SYMBOLS[] = {"poppler_page_get_image_mapping",
                                          "poppler_page_free_image_mapping"};
    void *syms[2];
    if (!gk_dl_symbols(PROBE_LIBS, SYMBOLS, syms, 2))
        return;
    /* Object pointers to function pointers: POSIX dlsym's documented use. */
    *(void **)&probe.get_image_mapping = syms[0];
    *(void **)&probe.free_image_mapping = syms[1];
    probe_ok = true;
}

static bool load_probe(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_probe_once);
    return probe_ok;
}

static double largest_image(PopplerPage *page, double width, double height, double *ppi,
                            bool want_ppi)
{
    *ppi = 0;
    if (!load_probe())
        return 0;
    GList *maps = probe.get_image_mapping(page);
    double best = 0;
    int best_id = -1;
    double best_w = 0;
    for (GList *l = maps; l; l = l->next) {
        const PopplerImageMapping *m = l->data;
        double w = fabs(m->area.x2 - m->area.x1), h = fabs(m->area.y2 - m->area.y1);
        if (w * h > best)
            best = w * h, best_id = m->image_id, best_w = w;
    }
    probe.free_image_mapping(maps);
    if (want_ppi && best_id >= 0 && best_w > 0) {
        cairo_surface_t *s = lib.page_get_image(page, best_id);
        if (s) {
            *ppi = lib.image_surface_get_width(s) / (best_w / 72.0);
            lib.surface_destroy(s);
        }
    }
    return width > 0 && height > 0 ? best / (width * height) : 0;
}

bool ocr_page_has_scan(PopplerPage *page, double width, double height)
{
    double ppi;
    return largest_image(page, width, height, &ppi, false) >= 0.5;
}

/* The page in grey, `dpi` pixels to the inch (malloc'd, w × h bytes). */
static unsigned char *render_grey(PopplerPage *page, double width, double height, double dpi,
                                  int *w, int *h)
{
    double s = dpi / 72.0;
    *w = (int)ceil(width * s), *h = (int)ceil(height * s);
    if (*w < 1 || *h < 1 || *w > 20000 || *h > 20000)
        return NULL;
    cairo_surface_t *surf = lib.image_surface_create(CAIRO_FORMAT_RGB24, *w, *h);
    if (lib.surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        lib.surface_destroy(surf);
        return NULL;
    }
    cairo_t *cr = lib.create(surf);
    lib.set_source_rgb(cr, 1, 1, 1);
    lib.paint(cr);
    lib.scale(cr, s, s);
    lib.page_render(page, cr);
    lib.destroy(cr);
    lib.surface_flush(surf);
    const unsigned char *px = lib.image_surface_get_data(surf);
    int stride = lib.image_surface_get_stride(surf);
    unsigned char *g = malloc((size_t)*w * (size_t)*h);
    if (!g)
        gk_out_of_memory();
    for (int y = 0; y < *h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(px + (size_t)y * (size_t)stride);
        for (int x = 0; x < *w; x++) {
            uint32_t p = row[x];
            unsigned r = (p >> 16) & 255, gr = (p >> 8) & 255, b = p & 255;
            g[(size_t)y * (size_t)*w + (size_t)x] = (unsigned char)((r * 77 + gr * 150 + b * 29) >> 8);
        }
    }
    lib.surface_destroy(surf);
    return g;
}

#define DARK 160    /* a grey below this is ink */

/* Whiten the rules: runs of ink across or down longer than minlen, with
 * the grey fringe around them. */
static unsigned char *remove_rules(unsigned char *g, int w, int h, int minlen, int fringe)
{
    unsigned char *m = calloc((size_t)w * (size_t)h, 1);
    if (!m)
        gk_out_of_memory();
    for (int y = 0; y < h; y++) {
        const unsigned char *row = g + (size_t)y * (size_t)w;
        for (int x = 0; x < w;) {
            if (row[x] >= DARK) {
                x++;
                continue;
            }
            int s = x;
            while (x < w && row[x] < DARK)
                x++;
            if (x - s >= minlen)
                memset(m + (size_t)y * (size_t)w + (size_t)s, 1, (size_t)(x - s));
        }
    }
    for (int x = 0; x < w; x++)
        for (int y = 0; y < h;) {
            if (g[(size_t)y * (size_t)w + (size_t)x] >= DARK) {
                y++;
                continue;
            }
            int s = y;
            while (y < h && g[(size_t)y * (size_t)w + (size_t)x] < DARK)
                y++;
            if (y - s >= minlen)
                for (int k = s; k < y; k++)
                    m[(size_t)k * (size_t)w + (size_t)x] = 1;
        }
    /* The fringe: a scan's rule bleeds a pixel or two either side (left
     * standing, a sliver beside a figure reads as a quote mark, "341.39”").
     * The rules with their fringe are returned (2 in the mask), for the
     * cells they enclose. */
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            if (m[(size_t)y * (size_t)w + (size_t)x] != 1)
                continue;
            for (int dy = -fringe; dy <= fringe; dy++)
                for (int dx = -fringe; dx <= fringe; dx++) {
                    int yy = y + dy, xx = x + dx;
                    if (yy < 0 || yy >= h || xx < 0 || xx >= w)
                        continue;
                    size_t at = (size_t)yy * (size_t)w + (size_t)xx;
                    if (g[at] < 230)
                        g[at] = 255;
                    if (!m[at])
                        m[at] = 2;
                }
        }
    return m;
}

/* ---- Cells ------------------------------------------------------------------ */

/* A ruled table's cells: the blank between rules, each enclosed on four
 * sides.  Tesseract reads a page as lines across it; a row of a table
 * whose cells hold one line and two (a name wrapped in a narrow cell
 * beside a figure centred on it) is read as lines of its own making —
 * halves of characters of one cell beside the figures of the next, a
 * figure run into the name before it ("用经费支出1124661.00").  A cell read
 * alone is read as printed, its lines its own; its words stand in its box,
 * as a text layer's do.  A cell is a region of the page not on a rule,
 * connected, rectangular (its area nearly its box's), not reaching the
 * page's edge, and smaller than half the page (a frame around a page of
 * prose is not a table). */
typedef struct ocr_cell {
    int x0, y0, x1, y1;       /* pixels, x1 and y1 past the end */
} ocr_cell;

static size_t find_cells(const unsigned char *mask, int w, int h, int dpi, ocr_cell **out)
{
    *out = NULL;
    size_t npx = (size_t)w * (size_t)h;
    uint32_t *lab = calloc(npx, sizeof *lab);
    uint32_t *stack = malloc(npx * sizeof *stack);
    if (!lab || !stack)
        gk_out_of_memory();
    size_t n = 0, cap = 0;
    ocr_cell *cells = NULL;
    uint32_t next = 1;
    bool any_rule = false;
    for (size_t i = 0; i < npx && !any_rule; i++)
        any_rule = mask[i] != 0;
    for (size_t start = 0; any_rule && start < npx; start++) {
        if (mask[start] || lab[start])
            continue;
        uint32_t id = next++;
        size_t sp = 0, count = 0;
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        bool edge = false;
        lab[start] = id;
        stack[sp++] = (uint32_t)start;
        while (sp) {
            size_t at = stack[--sp];
            int x = (int)(at % (size_t)w), y = (int)(at / (size_t)w);
            count++;
            x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
            edge |= x == 0 || y == 0 || x == w - 1 || y == h - 1;
            size_t nb[4];
            int k = 0;
            if (x > 0)
                nb[k++] = at - 1;
            if (x + 1 < w)
                nb[k++] = at + 1;
            if (y > 0)
                nb[k++] = at - (size_t)w;
            if (y + 1 < h)
                nb[k++] = at + (size_t)w;
            for (int j = 0; j < k; j++)
                if (!mask[nb[j]] && !lab[nb[j]]) {
                    lab[nb[j]] = id;
                    stack[sp++] = (uint32_t)nb[j];
                }
        }
        double bw = x1 - x0 + 1, bh = y1 - y0 + 1;
        if (edge || bw < dpi / 10.0 || bh < dpi / 12.0 || (double)count < 0.85 * bw * bh ||
            bw * bh > 0.5 * (double)npx)
            continue;
        if (n == cap && !(cells = realloc(cells, (cap = cap ? 2 * cap : 64) * sizeof *cells)))
            gk_out_of_memory();
        cells[n++] = (ocr_cell){x0, y0, x1 + 1, y1 + 1};
    }
    free(lab);
    free(stack);
    *out = cells;
    return n;
}

/* Is there ink in the box (a few pixels of it: a speck is none)? */
static bool box_has_ink(const unsigned char *g, int w, int x0, int y0, int x1, int y1, int least)
{
    int n = 0;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (g[(size_t)y * (size_t)w + (size_t)x] < DARK && ++n >= least)
                return true;
    return false;
}

/* GK_OCR_IMAGE=FILE: the image handed to Tesseract, as a PGM (the last
 * page's), for comparing with the tesseract program (bench/ocr.sh). */
static void dump_grey(const unsigned char *g, int w, int h)
{
    const char *path = getenv("GK_OCR_IMAGE");
    FILE *f = path && *path ? fopen(path, "wb") : NULL;
    if (!f)
        return;
    fprintf(f, "P5\n%d %d\n255\n", w, h);
    fwrite(g, 1, (size_t)w * (size_t)h, f);
    fclose(f);
}

/* ---- Characters ------------------------------------------------------------- */

static bool is_ideograph(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0xE0 || u[0] >= 0xF0)
        return false;
    unsigned c = ((u[0] & 15u) << 12) | ((u[1] & 63u) << 6) | (u[2] & 63u);
    return c >= 0x4E00 && c <= 0x9FFF;
}

/* A character's advance in ems: ASCII half, the rest (ideographs, their
 * punctuation, full-width forms) whole. */
static double advance(const char *s)
{
    return (unsigned char)*s < 0x80 ? 0.5 : 1.0;
}

static size_t utf8_next(const char *p)
{
    size_t k = 1;
    while (p[k] && ((unsigned char)p[k] & 0xC0) == 0x80)
        k++;
    return k;
}

static bool has_ideograph(const char *w)
{
    for (const char *p = w; *p; p += utf8_next(p))
        if (is_ideograph(p))
            return true;
    return false;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The median of v[0..n) (reordered), or 0. */
static double median(double *v, size_t n)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* What is read of a page, in pixels: words with their characters. */
typedef struct ocr_char {
    char utf8[8];
    float conf;
    double cx;                /* the middle of Tesseract's box of it (a guess); -1 none */
} ocr_char;

typedef struct ocr_word {
    double x0, x1;
    int top, bottom;
    int line;
    size_t c0, nc;            /* its characters, chars[c0 …] */
} ocr_word;

typedef struct ocr_line {
    double y0, y1;            /* the line's box, top and bottom */
    double size;              /* median height of its words with ideographs; 0 none */
    int cell;                 /* the ruled cell it was read in (find_cells); -1 none */
} ocr_line;

typedef struct ocr_read {
    ocr_char *chars;
    size_t nchars, ccap;
    ocr_word *words;
    size_t nwords, wcap;
    ocr_line *lines;
    size_t nlines, lcap;
} ocr_read;

static void add_char(ocr_read *rd, const char *t, float conf)
{
    if (rd->nchars == rd->ccap &&
        !(rd->chars = realloc(rd->chars, (rd->ccap = rd->ccap ? 2 * rd->ccap : 256) * sizeof *rd->chars)))
        gk_out_of_memory();
    ocr_char *c = &rd->chars[rd->nchars++];
    strcpy(c->utf8, t);
    c->conf = conf;
    c->cx = -1;
    rd->words[rd->nwords - 1].nc++;
}

/* Tesseract's words and their characters, line by line. */
static void read_words(TessResultIterator *it, ocr_read *rd)
{
    const TessPageIterator *pit = lib.it_page(it);
    bool first = true;          /* a new line and word: the reading may be appended */
    do {
        int l, t, r, b;
        if (lib.pit_begins(pit, RIL_TEXTLINE) || first) {
            if (!lib.pit_box(pit, RIL_TEXTLINE, &l, &t, &r, &b))
                l = t = r = b = 0;
            if (rd->nlines == rd->lcap &&
                !(rd->lines = realloc(rd->lines, (rd->lcap = rd->lcap ? 2 * rd->lcap : 64) *
                                                     sizeof *rd->lines)))
                gk_out_of_memory();
            rd->lines[rd->nlines++] = (ocr_line){t, b, 0, -1};
        }
        if (lib.pit_begins(pit, RIL_WORD) || first) {
            first = false;
            if (!lib.pit_box(pit, RIL_WORD, &l, &t, &r, &b))
                l = t = r = b = 0;
            if (rd->nwords == rd->wcap &&
                !(rd->words = realloc(rd->words, (rd->wcap = rd->wcap ? 2 * rd->wcap : 128) *
                                                     sizeof *rd->words)))
                gk_out_of_memory();
            rd->words[rd->nwords++] =
                (ocr_word){l, r, t, b, (int)rd->nlines - 1, rd->nchars, 0};
        }
        char *s = lib.it_text(it, RIL_SYMBOL);
        if (s && *s && *s != ' ' && strlen(s) < sizeof rd->chars->utf8) {
            add_char(rd, s, lib.it_conf(it, RIL_SYMBOL));
            if (lib.pit_box(pit, RIL_SYMBOL, &l, &t, &r, &b))
                rd->chars[rd->nchars - 1].cx = (l + r) / 2.0;
        }
        if (s)
            lib.delete_text(s);
    } while (lib.it_next(it, RIL_SYMBOL));
}

/* A word the Chinese and English models together are likely to have
 * misread: Latin letters and marks only (a table's header "行次" read
 * "TK", "支出" read "[sees"); 2: a
 * dash before "、" or a Chinese numeral (the "二" of "二、" or "二十一、"
 * read "-"). */
static bool is_dash(const char *s)
{
    return strcmp(s, "-") == 0 || strcmp(s, "_") == 0 || strcmp(s, "—") == 0 ||
           strcmp(s, "~") == 0 || strcmp(s, "一") == 0;
}

static bool numeral_or_comma(const char *s)
{
    return *s && (strcmp(s, "、") == 0 || strstr("一二三四五六七八九十", s));
}

static int suspect(const ocr_read *rd, size_t i)
{
    const ocr_word *w = &rd->words[i];
    const ocr_char *c = rd->chars + w->c0;
    if (!w->nc)
        return 0;
    /* the dash and what follows it, in its word or the next */
    const ocr_word *nx = i + 1 < rd->nwords && rd->words[i + 1].line == w->line ? &rd->words[i + 1]
                                                                                : NULL;
    size_t k1 = 1;
    while (k1 < w->nc && !c[k1].utf8[0])          /* a stray quote dropped */
        k1++;
    const char *after = k1 < w->nc ? c[k1].utf8 : nx && nx->nc ? rd->chars[nx->c0].utf8 : "";
    if (is_dash(c[0].utf8) && strcmp(c[0].utf8, "一") != 0 && numeral_or_comma(after))
        return 2;
    size_t letters = 0;
    for (size_t k = 0; k < w->nc; k++) {
        unsigned char u = (unsigned char)c[k].utf8[0];
        if ((u >= '0' && u <= '9') || u >= 0x80)
            return 0;
        letters += (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z');
    }
    return letters >= 2 || (letters == 1 && w->nc == 1);
}

/* Strokes across: the bands of rows with ink in [x0, x1) × [y0, y1). */
static int bands(const unsigned char *g, int w, int h, int x0, int y0, int x1, int y1)
{
    x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > w ? w : x1, y1 = y1 > h ? h : y1;
    int n = 0;
    bool in = false;
    for (int y = y0; y < y1; y++) {
        int ink = 0;
        for (int x = x0; x < x1; x++)
            ink += g[(size_t)y * (size_t)w + (size_t)x] < DARK;
        bool on = ink >= 1;
        n += on && !in;
        in = on;
    }
    return n;
}

/* Re-read the suspect words with the Chinese model alone, a word of
 * letters in its box, its reading replacing the word's when it has an
 * ideograph.  A dash before "、" or a numeral is a numeral of strokes
 * across, 一, 二 or 三 — counted in the image (read again, even with the
 * Chinese model alone, a "二" cut out of its line reads "-" again). */
static void reread(ocr_engine *e, ocr_read *rd, const unsigned char *grey, int w, int h, int dpi)
{
    bool image = false;
    size_t nw = rd->nwords;
    for (size_t i = 0; i < nw; i++) {
        ocr_word *wd = &rd->words[i];
        int kind = suspect(rd, i);
        if (!kind || e->zh_failed)
            continue;
        const ocr_line *ln = &rd->lines[wd->line];
        if (kind == 2) {
            /* The numeral's ink: from the first column with ink (the
             * word's box may begin inside it) to the first without. */
            double em = ln->y1 - ln->y0;
            int y0 = (int)ln->y0, y1 = (int)ln->y1, x = (int)(wd->x0 - 0.5 * em), end = x;
            do {                    /* past slivers of a rule left standing */
                x = end;
                while (x < (int)(wd->x0 + 0.5 * em) && !bands(grey, w, h, x, y0, x + 1, y1))
                    x++;
                for (end = x + 1; end < (int)(x + em) && bands(grey, w, h, end, y0, end + 1, y1);
                     end++)
                    ;
            } while (end - x < em / 5 && x < (int)(wd->x0 + 0.5 * em));
            int k = bands(grey, w, h, x, y0, end, y1);
            if (k >= 1 && k <= 3 && end - x >= em / 5)
                memcpy(rd->chars[wd->c0].utf8, k == 1 ? "一" : k == 2 ? "二" : "三", 4);
            continue;
        }
        if (!e->zh) {
            if (!(e->zh = lib.api_create()))
                gk_out_of_memory();
            if (lib.api_init3(e->zh, NULL, "chi_sim") != 0) {
                lib.api_delete(e->zh);
                e->zh = NULL;
                e->zh_failed = true;
                continue;
            }
            lib.api_set_psm(e->zh, PSM_SINGLE_LINE);
            lib.api_set_variable(e->zh, "debug_file", "/dev/null");
        }
        if (!image) {
            lib.api_set_image(e->zh, grey, w, h, 1, w);
            lib.api_set_resolution(e->zh, dpi);
            image = true;
        }
        /* The word with a third of an em around it, the line's height. */
        int pad = (int)((ln->y1 - ln->y0) / 3);
        int x0 = (int)wd->x0 - pad, y0 = (int)ln->y0 - pad / 2;
        int x1 = (int)wd->x1 + pad, y1 = (int)ln->y1 + pad / 2;
        x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
        x1 = x1 > w ? w : x1, y1 = y1 > h ? h : y1;
        if (x1 <= x0 || y1 <= y0)
            continue;
        lib.api_set_psm(e->zh, PSM_SINGLE_LINE);
        lib.api_set_rectangle(e->zh, x0, y0, x1 - x0, y1 - y0);
        char *t = lib.api_text(e->zh);
        if (!t || !has_ideograph(t)) {
            /* A header of a few ideographs that reads nothing as a line
             * ("栏次" read "EK", then "") reads as a word. */
            if (t)
                lib.delete_text(t);
            lib.api_set_psm(e->zh, PSM_SINGLE_WORD);
            lib.api_set_rectangle(e->zh, x0, y0, x1 - x0, y1 - y0);
            t = lib.api_text(e->zh);
        }
        const char *dbg = getenv("GK_OCR_WORDS");
        if (dbg && *dbg == '1')
            fprintf(stderr, "reread letters [%d,%d-%d,%d] as \"%s\"\n", x0, y0, x1, y1, t ? t : "");
        if (t && has_ideograph(t)) {
            float conf = (float)lib.api_mean_conf(e->zh);
            /* The new characters go at the end; the word points at them. */
            rd->words[i].c0 = rd->nchars;
            rd->words[i].nc = 0;
            size_t keep = rd->nwords;
            rd->nwords = i + 1;              /* add_char counts on the last word */
            for (const char *p = t; *p; p += utf8_next(p)) {
                size_t k = utf8_next(p);
                char ch[8];
                if (*p == ' ' || *p == '\n' || k >= sizeof ch)
                    continue;
                memcpy(ch, p, k);
                ch[k] = '\0';
                add_char(rd, ch, conf);
            }
            rd->nwords = keep;
        }
        if (t)
            lib.delete_text(t);
    }
    if (image)
        lib.api_clear(e->zh);
}

/* Words read again in crops that overlap read the ideograph between them
 * twice ("养老" read "养老支" before its "支", boxed over it): an ideograph
 * ending a word and beginning the next, whose box begins inside this
 * one's, is the next word's. */
static void drop_doubled(ocr_read *rd)
{
    for (size_t i = 0; i + 1 < rd->nwords; i++) {
        ocr_word *w = &rd->words[i];
        const ocr_word *n = &rd->words[i + 1];
        if (n->line != w->line || n->x0 >= w->x1 || w->nc < 2 || !n->nc)
            continue;
        ocr_char *last = NULL;
        for (size_t c = 0; c < w->nc; c++)
            if (rd->chars[w->c0 + c].utf8[0])
                last = &rd->chars[w->c0 + c];
        const ocr_char *first = NULL;
        for (size_t c = 0; c < n->nc && !first; c++)
            if (rd->chars[n->c0 + c].utf8[0])
                first = &rd->chars[n->c0 + c];
        if (last && first && is_ideograph(last->utf8) && strcmp(last->utf8, first->utf8) == 0)
            last->utf8[0] = '\0';
    }
}

/* An amount as tables print it: "-", or digits with a decimal point and
 * thousands commas, a minus before; or its part before a space. */
static bool amount_text(const char *t)
{
    const char *p = t;
    if (*p == '-' && !p[1])
        return true;
    if (*p == '-')
        p++;
    int digits = 0, points = 0;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p == '.')
            points++;
        else if (*p != ',')
            return false;
    }
    /* "341." is one: a figure printed split at its point ("341. 39") */
    return digits > 0 && points <= 1 && p[-1] != ',' && t[0] != '.' && t[0] != ',';
}

/* The word's characters as one string (dropped ones left out). */
static void word_text(const ocr_read *rd, const ocr_word *w, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t c = 0; c < w->nc; c++) {
        const char *u = rd->chars[w->c0 + c].utf8;
        size_t k = strlen(u);
        if (len + k + 1 > cap)
            break;
        memcpy(out + len, u, k + 1);
        len += k;
    }
}

/* A word that may be a misread figure: digits, or marks and letters that
 * LSTM reads for digits ("2O.75", "l2.47", "5.4:3"), at least half of its
 * characters digits. */
static bool figure_like(const ocr_read *rd, const ocr_word *w)
{
    size_t digits = 0, n = 0;
    for (size_t c = 0; c < w->nc; c++) {
        const char *u = rd->chars[w->c0 + c].utf8;
        if (!u[0])
            continue;
        n++;
        if (u[0] >= '0' && u[0] <= '9' && !u[1])
            digits++;
        else if ((unsigned char)u[0] >= 0x80 || !strchr(".,-:;'`OoIlSsBZzgq|", u[0]))
            return false;
    }
    return digits > 0 && 2 * digits >= n;
}

/* A figure whose last character was read as an ideograph, surely ("9.1"
 * read "9.工" at 97, "1" in a serif face cut out of its cell): digits and
 * a point, then one character of another script. */
static bool figure_then_odd(const ocr_read *rd, const ocr_word *w)
{
    size_t n = 0, digits = 0;
    const char *last = NULL;
    for (size_t c = 0; c < w->nc; c++) {
        const char *u = rd->chars[w->c0 + c].utf8;
        if (!u[0])
            continue;
        if (last)
            return false;               /* the odd one is the last */
        n++;
        if (u[0] >= '0' && u[0] <= '9' && !u[1])
            digits++;
        else if (u[0] != '.' || u[1])
            last = u;
    }
    return last && digits >= 1 && n >= 3 && (unsigned char)last[0] >= 0x80;
}

static bool word_is_figures(const ocr_read *rd, const ocr_word *w);

/* The last character of a cell's figure read as a word of its own ("9."
 * | "工"): one word, so that it is read again as a figure.  Only a single
 * character last on its cell's line, after a word of digits. */
static void merge_figure_tails(ocr_read *rd)
{
    for (size_t i = 0; i + 1 < rd->nwords; i++) {
        ocr_word *w = &rd->words[i];
        const ocr_word *t = &rd->words[i + 1];
        bool last = i + 2 >= rd->nwords || rd->words[i + 2].line != t->line;
        if (t->line != w->line || rd->lines[w->line].cell < 0 || !last || t->nc != 1 ||
            t->c0 != w->c0 + w->nc || !word_is_figures(rd, w))
            continue;
        w->x1 = t->x1 > w->x1 ? t->x1 : w->x1;
        w->top = t->top < w->top ? t->top : w->top;
        w->bottom = t->bottom > w->bottom ? t->bottom : w->bottom;
        w->nc++;
        memmove(rd->words + i + 1, rd->words + i + 2, (rd->nwords - i - 2) * sizeof *rd->words);
        rd->nwords--;
    }
}

/* Amounts in doubt, read again in their box by Tesseract restricted to
 * figures (tessedit_char_whitelist "0123456789.,-"): a word of figures
 * whose reading is not an amount ("2O.75"), or one of whose characters
 * Tesseract is unsure of.  The reading replaces the word's when it is an
 * amount and Tesseract is surer of it. */
#define DOUBT_CONF 90.0f
#define GARBLED_CONF 30.0f
#define SURE_CONF 70.0f

static void reread_amounts(ocr_engine *e, ocr_read *rd, const unsigned char *grey, int w, int h,
                           int dpi)
{
    bool image = false;
    /* The height of a line of figures: the median of the words of digits. */
    double *hs = malloc((rd->nwords + 1) * sizeof *hs);
    if (!hs)
        gk_out_of_memory();
    size_t nh = 0;
    for (size_t i = 0; i < rd->nwords; i++)
        if (figure_like(rd, &rd->words[i]) && rd->words[i].bottom > rd->words[i].top)
            hs[nh++] = rd->words[i].bottom - rd->words[i].top;
    double fig_h = median(hs, nh);
    free(hs);
    for (size_t i = 0; i < rd->nwords && !e->digits_failed; i++) {
        ocr_word *wd = &rd->words[i];
        /* A word of figures two lines tall: a figure wrapped in its cell
         * ("326." over "78"), which Tesseract reads as one line's word
         * ("2"); read as a block, its lines joined. */
        float least = 101;
        size_t nc = 0;
        for (size_t c = 0; c < wd->nc; c++)
            if (rd->chars[wd->c0 + c].utf8[0] && (nc++, rd->chars[wd->c0 + c].conf < least))
                least = rd->chars[wd->c0 + c].conf;
        /* A short word Tesseract is all but sure it misread ("11" read
         * "册L" at 5): figures if the figures' reading is sure of them. */
        bool garbled = nc >= 1 && nc <= 3 && least < GARBLED_CONF;
        if (!garbled && !figure_like(rd, wd) && !figure_then_odd(rd, wd))
            continue;
        bool wrapped = fig_h > 0 && wd->bottom - wd->top > 2 * fig_h;
        char text[64];
        word_text(rd, wd, text, sizeof text);
        bool parses = amount_text(text) && !wrapped;
        if (parses && least >= DOUBT_CONF)
            continue;
        if (!e->digits) {
            if (!(e->digits = lib.api_create()))
                gk_out_of_memory();
            if (lib.api_init3(e->digits, NULL, "eng") != 0) {
                lib.api_delete(e->digits);
                e->digits = NULL;
                e->digits_failed = true;
                continue;
            }
            lib.api_set_psm(e->digits, PSM_SINGLE_LINE);
            lib.api_set_variable(e->digits, "tessedit_char_whitelist", "0123456789.,-");
            lib.api_set_variable(e->digits, "debug_file", "/dev/null");
        }
        if (!image) {
            lib.api_set_image(e->digits, grey, w, h, 1, w);
            lib.api_set_resolution(e->digits, dpi);
            image = true;
        }
        /* The word with a third of its line's height around it. */
        const ocr_line *ln = &rd->lines[wd->line];
        int pad = (int)((ln->y1 - ln->y0) / 3);
        int x0 = (int)wd->x0 - pad, y0 = (wrapped ? wd->top : (int)ln->y0) - pad / 2;
        int x1 = (int)wd->x1 + pad, y1 = (wrapped ? wd->bottom : (int)ln->y1) + pad / 2;
        x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
        x1 = x1 > w ? w : x1, y1 = y1 > h ? h : y1;
        if (x1 <= x0 || y1 <= y0)
            continue;
        lib.api_set_psm(e->digits, wrapped ? PSM_SINGLE_BLOCK : PSM_SINGLE_LINE);
        lib.api_set_rectangle(e->digits, x0, y0, x1 - x0, y1 - y0);
        char *t = lib.api_text(e->digits);
        if (t) {
            char got[64];
            size_t k = 0;
            for (const char *p = t; *p && k + 1 < sizeof got; p++)
                if (*p != ' ' && *p != '\n')
                    got[k++] = *p;
            got[k] = '\0';
            float conf = (float)lib.api_mean_conf(e->digits);
            const char *dbg = getenv("GK_OCR_WORDS");
            if (dbg && *dbg == '1')
                fprintf(stderr, "reread \"%s\" (%.0f) as \"%s\" (%.0f)\n", text, least, got, conf);
            if (k && amount_text(got) && (!parses || conf > least) && strcmp(got, text) != 0 &&
                (figure_like(rd, wd) || conf >= SURE_CONF)) {
                /* The new characters go at the end; the word points at them. */
                wd->c0 = rd->nchars;
                wd->nc = 0;
                size_t keep = rd->nwords;
                rd->nwords = i + 1;          /* add_char counts on the last word */
                for (size_t j = 0; j < k; j++) {
                    char ch[2] = {got[j], '\0'};
                    add_char(rd, ch, conf);
                }
                rd->nwords = keep;
                wd = &rd->words[i];
            }
            lib.delete_text(t);
        }
    }
    if (image)
        lib.api_clear(e->digits);
}

static bool is_quote(const char *s)
{
    return strcmp(s, "“") == 0 || strcmp(s, "”") == 0 || strcmp(s, "\"") == 0 ||
           strcmp(s, "‘") == 0 || strcmp(s, "’") == 0 || strcmp(s, "'") == 0;
}

static bool is_digit_char(const ocr_char *c)
{
    return c->utf8[0] >= '0' && c->utf8[0] <= '9';
}

/* Bars ("|": a rule's stub, a table's cut at the page's foot) and quote
 * marks Tesseract's LSTM makes of the gap where a table's rule stood
 * ("341.39”本年支出合计", "“金额"): a quote touching a figure, or one with no
 * partner on its line ("“" with no "”" after it, "”" with none before).
 * Tables print no quotes by figures; prose pairs its quotes. */
static void drop_stray_quotes(ocr_read *rd)
{
    for (size_t i = 0; i < rd->nwords; i++) {
        ocr_word *w = &rd->words[i];
        for (size_t c = 0; c < w->nc; c++) {
            ocr_char *ch = &rd->chars[w->c0 + c];
            if (strcmp(ch->utf8, "|") == 0) {   /* the stub of a rule too short to whiten */
                ch->utf8[0] = '\0';
                continue;
            }
            if (!is_quote(ch->utf8))
                continue;
            bool stray = (c > 0 && is_digit_char(ch - 1)) || (c + 1 < w->nc && is_digit_char(ch + 1));
            const char *partner = strcmp(ch->utf8, "“") == 0 ? "”" : strcmp(ch->utf8, "”") == 0 ? "“"
                                  : strcmp(ch->utf8, "‘") == 0 ? "’" : strcmp(ch->utf8, "’") == 0 ? "‘"
                                                                    : ch->utf8;
            bool after = strcmp(ch->utf8, "“") == 0 || strcmp(ch->utf8, "‘") == 0;
            bool before = strcmp(ch->utf8, "”") == 0 || strcmp(ch->utf8, "’") == 0;
            bool found = false;
            for (size_t j = 0; j < rd->nwords && !found; j++) {
                const ocr_word *o = &rd->words[j];
                if (o->line != w->line || (after && j < i) || (before && j > i))
                    continue;
                for (size_t d = 0; d < o->nc && !found; d++) {
                    if (j == i && d == c)
                        continue;
                    if ((after && j == i && d < c) || (before && j == i && d > c))
                        continue;
                    found = strcmp(rd->chars[o->c0 + d].utf8, partner) == 0;
                }
            }
            if (stray || !found)
                ch->utf8[0] = '\0';            /* dropped when placed */
        }
    }
}

/* A numbered item's "(1)" at a word's start read with a letter for the
 * figure ("(D)工资福利支出", "(I)", "(l)", "(|)"): LSTM's commonest misreading
 * of the sequence, and one that costs the item its number (the rows under
 * a "(1)" are its parts).  Only between brackets: a "D" elsewhere is kept. */
static bool is_open_paren(const char *s)
{
    return strcmp(s, "(") == 0 || strcmp(s, "（") == 0;
}

static bool is_close_paren(const char *s)
{
    return strcmp(s, ")") == 0 || strcmp(s, "）") == 0;
}

static void mend_item_numbers(ocr_read *rd)
{
    /* "〈" (U+3008), printed in no table of these, is the LSTM's reading of
     * a full-width "（" ("资本性支出〈基本建设)"); the bracket closing it on its
     * line (or in its cell) is full-width too. */
    for (size_t i = 0; i < rd->nwords; i++) {
        const ocr_word *w = &rd->words[i];
        for (size_t k = 0; k < w->nc; k++) {
            if (strcmp(rd->chars[w->c0 + k].utf8, "〈") != 0)
                continue;
            strcpy(rd->chars[w->c0 + k].utf8, "（");
            bool closed = false;
            int cell = rd->lines[w->line].cell;
            for (size_t j = i; j < rd->nwords && !closed &&
                               (rd->words[j].line == w->line ||
                                (cell >= 0 && rd->lines[rd->words[j].line].cell == cell));
                 j++)
                for (size_t m = j == i ? k + 1 : 0; m < rd->words[j].nc && !closed; m++) {
                    char *u = rd->chars[rd->words[j].c0 + m].utf8;
                    if ((closed = is_close_paren(u)))
                        strcpy(u, "）");
                }
        }
    }
    for (size_t i = 0; i < rd->nwords; i++) {
        /* the first three characters from the word's start on, across
         * words of its line */
        ocr_char *c[3];
        size_t n = 0;
        for (size_t j = i; j < rd->nwords && rd->words[j].line == rd->words[i].line && n < 3; j++)
            for (size_t k = 0; k < rd->words[j].nc && n < 3; k++)
                if (rd->chars[rd->words[j].c0 + k].utf8[0])
                    c[n++] = &rd->chars[rd->words[j].c0 + k];
        if (n < 3 || !is_open_paren(c[0]->utf8) || !c[1]->utf8[0] || c[1]->utf8[1])
            continue;
        if (is_close_paren(c[2]->utf8) && strchr("DIl|]", c[1]->utf8[0]))
            strcpy(c[1]->utf8, "1");
        /* Its closing bracket lost ("〈4资本性支出"): a figure between a
         * bracket and an ideograph is an item's number. */
        if (c[1]->utf8[0] >= '1' && c[1]->utf8[0] <= '9' && is_ideograph(c[2]->utf8)) {
            strcpy(c[0]->utf8, "(");
            strcpy(c[1]->utf8 + 1, ")");
        }
    }
}

/* Words across a gap: Tesseract now and then reads two cells' figures
 * as one word where the rule between them was ("42" and "0.00", a column
 * apart, read "420.00").  A gap of blank columns of ink wider than the
 * line's height inside a word of figures cuts it in two, its characters
 * going to the side their boxes' middles stand on. */
static bool word_is_figures(const ocr_read *rd, const ocr_word *w)
{
    size_t n = 0;
    for (size_t c = 0; c < w->nc; c++) {
        const char *u = rd->chars[w->c0 + c].utf8;
        if (!u[0])
            continue;
        n++;
        if (!((u[0] >= '0' && u[0] <= '9') || u[0] == '.' || u[0] == ',' || u[0] == '-') || u[1])
            return false;
    }
    return n >= 2;
}

static void split_words(ocr_read *rd, const unsigned char *g, int w, int h)
{
    for (size_t i = 0; i < rd->nwords; i++) {
        ocr_word *wd = &rd->words[i];
        if (!word_is_figures(rd, wd))
            continue;
        const ocr_line *l = &rd->lines[wd->line];
        int y0 = (int)l->y0, y1 = (int)l->y1, x0 = (int)wd->x0, x1 = (int)wd->x1;
        y0 = y0 < 0 ? 0 : y0, y1 = y1 > h ? h : y1, x0 = x0 < 0 ? 0 : x0, x1 = x1 > w ? w : x1;
        double em = l->y1 - l->y0;
        /* the widest run of blank columns between ink */
        int best0 = -1, best1 = -1, run0 = -1, last_ink = -1;
        for (int x = x0; x < x1; x++) {
            bool ink = false;
            for (int y = y0; y < y1 && !ink; y++)
                ink = g[(size_t)y * (size_t)w + (size_t)x] < DARK;
            if (ink) {
                if (run0 >= 0 && last_ink >= 0 && x - run0 > best1 - best0)
                    best0 = run0, best1 = x;
                run0 = -1;
                last_ink = x;
            } else if (run0 < 0) {
                run0 = x;
            }
        }
        if (best0 < 0 || best1 - best0 <= em)
            continue;
        double cut = (best0 + best1) / 2.0;
        size_t k = 0;                 /* characters left of the cut */
        bool ordered = true;
        for (size_t c = 0; c < wd->nc; c++) {
            double cx = rd->chars[wd->c0 + c].cx;
            if (cx < 0)
                ordered = false;
            else if (cx < cut)
                ordered &= k == c, k = c + 1;
        }
        if (!ordered || k == 0 || k >= wd->nc)
            continue;
        if (rd->nwords == rd->wcap &&
            !(rd->words = realloc(rd->words, (rd->wcap *= 2) * sizeof *rd->words)))
            gk_out_of_memory();
        wd = &rd->words[i];
        memmove(wd + 1, wd, (rd->nwords - i) * sizeof *wd);
        rd->nwords++;
        ocr_word *right = wd + 1;
        wd->x1 = best0;
        wd->nc = k;
        right->x0 = best1;
        right->c0 = wd->c0 + k;
        right->nc -= k;
    }
}

/* Words' boxes brought in to their ink (and a quarter of an em beyond):
 * the LSTM's box of a word reaches an em past its last character now and
 * then ("支出" boxed over
 * the start of the next cell's "行次", which the geometry then reads as
 * the label column's header).  A text layer's boxes are the characters'
 * advances; a scan's are what is printed. */
static bool column_ink(const unsigned char *g, int w, int x, int y0, int y1)
{
    for (int y = y0; y < y1; y++)
        if (g[(size_t)y * (size_t)w + (size_t)x] < DARK)
            return true;
    return false;
}

static void tighten_words(ocr_read *rd, const unsigned char *g, int w, int h)
{
    for (size_t i = 0; i < rd->nwords; i++) {
        ocr_word *wd = &rd->words[i];
        const ocr_line *l = &rd->lines[wd->line];
        int y0 = (int)l->y0, y1 = (int)l->y1;
        y0 = y0 < 0 ? 0 : y0, y1 = y1 > h ? h : y1;
        int x0 = (int)wd->x0, x1 = (int)wd->x1;
        x0 = x0 < 0 ? 0 : x0, x1 = x1 > w ? w : x1;
        while (x0 < x1 && !column_ink(g, w, x0, y0, y1))
            x0++;
        while (x1 > x0 && !column_ink(g, w, x1 - 1, y0, y1))
            x1--;
        /* Only a margin of blank wider than half an em: the blank of a
         * character's own advance ("、", its right half) is kept, or the
         * geometry sees a gap between it and the word before. */
        double em = l->y1 - l->y0, keep = em / 4;
        if (x1 > x0 && x0 - wd->x0 > em / 2 + keep)
            wd->x0 = x0 - keep;
        if (x1 > x0 && wd->x1 - x1 > em / 2 + keep)
            wd->x1 = x1 + keep;
    }
}

/* A mark alone: a word of one punctuation mark standing apart from the
 * words either side of it on its line (a third of an em from the one
 * before, half an em from the one after: prose sets its marks close to
 * the character before), or with none beside it —
 * a speck of the scan, or a rule's corner, that Tesseract read as ";" or
 * "。" (one before a code, "; 20805", makes the code column text, and the
 * lines of the names beside it rows of their own).  Prose joins its marks
 * to its words; a dash ("-", a table's nil) is kept. */
static bool is_speck_mark(const char *s)
{
    static const char *const MARKS[] = {";", "；", "。", "，", ",", ":", "：", "`", "'", "·", "，",
                                        "、", "."};
    for (size_t i = 0; i < sizeof MARKS / sizeof *MARKS; i++)
        if (strcmp(s, MARKS[i]) == 0)
            return true;
    return false;
}

#define SPECK_CONF 50.0f

static void drop_lone_marks(ocr_read *rd)
{
    for (size_t i = 0; i < rd->nwords; i++) {
        ocr_word *w = &rd->words[i];
        const ocr_char *only = NULL;
        size_t n = 0;
        for (size_t c = 0; c < w->nc; c++)
            if (rd->chars[w->c0 + c].utf8[0])
                only = &rd->chars[w->c0 + c], n++;
        const ocr_line *l = &rd->lines[w->line];
        double em = l->y1 - l->y0;
        /* a speck whatever it is read as: a word a quarter of an em
         * across and tall that Tesseract is unsure of ("藉" boxed 2 × 3
         * pixels beside a figure, at 0; a character of a title may be
         * boxed as small, read surely) */
        if (n == 1 && w->x1 - w->x0 < em / 4 && w->bottom - w->top < em / 4 &&
            only->conf < SPECK_CONF) {
            for (size_t c = 0; c < w->nc; c++)
                rd->chars[w->c0 + c].utf8[0] = '\0';
            continue;
        }
        if (n != 1 || !is_speck_mark(only->utf8))
            continue;
        const ocr_word *prev = i > 0 && rd->words[i - 1].line == w->line ? &rd->words[i - 1] : NULL;
        const ocr_word *next =
            i + 1 < rd->nwords && rd->words[i + 1].line == w->line ? &rd->words[i + 1] : NULL;
        if ((!prev || w->x0 - prev->x1 > em / 3) && (!next || next->x0 - w->x1 > em / 2))
            for (size_t c = 0; c < w->nc; c++)
                rd->chars[w->c0 + c].utf8[0] = '\0';
    }
}

/* A line of a ruled cell is one text: its words abut.  Tesseract boxes
 * a word of ideographs by its ink, and a line's words stand apart by the
 * blank of a "、" or "：" (the left half of an em) and the LSTM's reach:
 * "4、" | "事业" | "单位经营", a gap of 0.9 of the size, which the geometry
 * takes for three cells.  A text layer's boxes are advances, abutting. */
static void join_cell_words(ocr_read *rd)
{
    for (size_t i = 0; i + 1 < rd->nwords; i++) {
        ocr_word *w = &rd->words[i];
        const ocr_word *n = &rd->words[i + 1];
        if (n->line != w->line || rd->lines[w->line].cell < 0 || n->x0 <= w->x1 || !w->nc || !n->nc)
            continue;
        /* (Not a code and its name, a name and its figure, printed in one
         * cell a space apart: "2101103 公务员医疗补助".) */
        const char *a = NULL, *b = NULL;
        for (size_t c = 0; c < w->nc; c++)
            if (rd->chars[w->c0 + c].utf8[0])
                a = rd->chars[w->c0 + c].utf8;
        for (size_t c = 0; c < n->nc && !b; c++)
            if (rd->chars[n->c0 + c].utf8[0])
                b = rd->chars[n->c0 + c].utf8;
        if (!a || !b || (a[0] >= '0' && a[0] <= '9' && is_ideograph(b)) ||
            (is_ideograph(a) && b[0] >= '0' && b[0] <= '9'))
            continue;
        w->x1 = n->x0;
    }
}

/* The characters of the recognised page: Tesseract's boxes of single
 * characters are guesses of its LSTM (a "4" 70 points wide, a "医" half its
 * width), and so now and then are a word's ("2024" over the "年度部门决算"
 * after it).  So a word ends where the next on its line begins, a
 * character stands in its word's box, the box shared out by the characters'
 * advances, and spans its line's height: the glyphs of a line of a table
 * share their middle, as a text layer's do. */
static size_t place_chars(ocr_read *rd, double pt, pg_glyph **gout, ocr_mark **mout)
{
    /* Sizes: the median em of a line's words of ideographs; the page's
     * median for a line of figures. */
    double *tmp = malloc((rd->nwords + rd->nlines + 1) * sizeof *tmp);
    if (!tmp)
        gk_out_of_memory();
    for (size_t i = 0, j = 0; i < rd->nlines; i++) {
        size_t k = 0;
        for (; j < rd->nwords && rd->words[j].line == (int)i; j++) {
            const ocr_word *w = &rd->words[j];
            bool ideo = true;
            size_t nc = 0;              /* a dropped mark (a rule's stub) is not counted */
            for (size_t c = 0; c < w->nc; c++)
                if (rd->chars[w->c0 + c].utf8[0])
                    ideo &= is_ideograph(rd->chars[w->c0 + c].utf8), nc++;
            /* An ideograph's advance is its em: a word of two or more
             * measures the size (its ink is some 0.85 of it tall; a
             * word's box may reach past its line's, which is its ink). */
            double tall = fmin(w->bottom - w->top, rd->lines[i].y1 - rd->lines[i].y0);
            if (ideo && nc >= 2 && w->x1 > w->x0)
                tmp[k++] = (w->x1 - w->x0) / ((double)nc - 0.1);
            if (ideo && nc >= 1 && tall > 0)
                tmp[k++] = tall / 0.85;
        }
        /* the lower median: a word's box overshoots ("社会" boxed over
         * "社会保"), it is seldom short */
        rd->lines[i].size = k ? (median(tmp, k), tmp[(k - 1) / 2]) : 0;
    }
    /* GK_OCR_WORDS=1: the words as read (pixels), on stderr. */
    const char *dbg = getenv("GK_OCR_WORDS");
    if (dbg && *dbg == '1')
        for (size_t i = 0; i < rd->nwords; i++) {
            const ocr_word *w = &rd->words[i];
            const ocr_line *l = &rd->lines[w->line];
            fprintf(stderr, "L%d [%.0f-%.0f] size %.1f  w [%.0f,%d-%.0f,%d] ", w->line, l->y0, l->y1,
                    l->size, w->x0, w->top, w->x1, w->bottom);
            for (size_t c = 0; c < w->nc; c++)
                fprintf(stderr, "%s(%.0f)", rd->chars[w->c0 + c].utf8[0] ? rd->chars[w->c0 + c].utf8 : "∅",
                        rd->chars[w->c0 + c].conf);
            fputc('\n', stderr);
        }
    size_t k = 0;
    for (size_t i = 0; i < rd->nlines; i++)
        if (rd->lines[i].size > 0)
            tmp[k++] = rd->lines[i].size;
    double page_size = median(tmp, k);
    free(tmp);
    /* A page's tables and prose are set in one size or two: a line's
     * estimate, from a few words whose boxes are the LSTM's guesses, is
     * noisy (a cell's three ideographs measured 1.7 times the line's
     * next), and the geometry measures gaps and lines in sizes.  A line
     * within a third of the page's size is the page's size; a title,
     * clearly larger, keeps its own. */
    for (size_t i = 0; i < rd->nlines; i++)
        if (page_size > 0 && rd->lines[i].size > 0 && rd->lines[i].size < 1.35 * page_size &&
            rd->lines[i].size > page_size / 1.35)
            rd->lines[i].size = page_size;
    pg_glyph *gs = malloc((rd->nchars ? rd->nchars : 1) * sizeof *gs);
    ocr_mark *ms = malloc((rd->nchars ? rd->nchars : 1) * sizeof *ms);
    if (!gs || !ms)
        gk_out_of_memory();
    size_t n = 0;
    for (size_t i = 0; i < rd->nwords; i++) {
        const ocr_word *w = &rd->words[i];
        const ocr_line *l = &rd->lines[w->line];
        double x0 = w->x0, x1 = w->x1;
        if (i + 1 < rd->nwords && rd->words[i + 1].line == w->line && rd->words[i + 1].x0 > x0 &&
            rd->words[i + 1].x0 < x1)
            x1 = rd->words[i + 1].x0;
        double total = 0;
        for (size_t c = 0; c < w->nc; c++)
            if (rd->chars[w->c0 + c].utf8[0])
                total += advance(rd->chars[w->c0 + c].utf8);
        double size = l->size > 0 ? l->size : page_size > 0 ? page_size : l->y1 - l->y0;
        double done = 0;
        for (size_t c = 0; c < w->nc && total > 0; c++) {
            const ocr_char *ch = &rd->chars[w->c0 + c];
            if (!ch->utf8[0])
                continue;
            double a = advance(ch->utf8);
            pg_glyph *g = &gs[n];
            memcpy(g->utf8, ch->utf8, sizeof g->utf8);
            g->x0 = (x0 + (x1 - x0) * done / total) * pt;
            g->x1 = (x0 + (x1 - x0) * (done + a) / total) * pt;
            /* A text layer's box: 1.3 of the size tall about the ink's
             * middle (the lines of a wrapped name and the figure centred
             * beside them overlap as they do there). */
            double mid = (l->y0 + l->y1) / 2;
            g->y0 = (mid - 0.65 * size) * pt, g->y1 = (mid + 0.65 * size) * pt;
            g->size = fmax(size * pt, 0.5);
            done += a;
            ocr_mark *m = &ms[n++];
            m->box[0] = g->x0, m->box[1] = g->y0, m->box[2] = g->x1, m->box[3] = g->y1;
            m->conf = ch->conf;
        }
    }
    *gout = gs;
    *mout = ms;
    return n;
}

/* Tesseract's words in a box of the page (the whole page when x0 < 0). */
static void read_box(ocr_engine *e, ocr_read *rd, int x0, int y0, int x1, int y1)
{
    if (x0 >= 0)
        lib.api_set_rectangle(e->api, x0, y0, x1 - x0, y1 - y0);
    TessResultIterator *it = lib.api_recognize(e->api, NULL) == 0 ? lib.api_get_iterator(e->api)
                                                                    : NULL;
    if (it) {
        read_words(it, rd);
        lib.it_delete(it);
    }
}

/* The same, read again as a raw line when the page segmentation `psm` in
 * use finds nothing there (a short header alone in a tall cell reads
 * nothing as a block or a line), then back to `psm`. */
static void read_box_or_raw(ocr_engine *e, ocr_read *rd, int x0, int y0, int x1, int y1,
                            TessPageSegMode psm)
{
    size_t before = rd->nchars;
    read_box(e, rd, x0, y0, x1, y1);
    if (rd->nchars == before) {
        lib.api_set_psm(e->api, PSM_RAW_LINE);
        read_box(e, rd, x0, y0, x1, y1);
        lib.api_set_psm(e->api, psm);
    }
}

/* Tesseract's reading of the page: each ruled cell with ink read alone
 * (find_cells), then the rest of the page, the cells whitened, as one
 * block. */
static void recognise(ocr_engine *e, const unsigned char *grey, const unsigned char *mask, int w,
                      int h, int dpi, ocr_read *rd)
{
    ocr_cell *cells = NULL;
    const char *no = getenv("GK_OCR_CELLS");
    size_t nc = no && *no == '0' ? 0 : find_cells(mask, w, h, dpi, &cells);
    unsigned char *rest = NULL;
    size_t read = 0;
    for (size_t i = 0; i < nc; i++) {
        const ocr_cell *c = &cells[i];
        if (!box_has_ink(grey, w, c->x0, c->y0, c->x1, c->y1, 8))
            continue;
        if (!rest) {
            if (!(rest = malloc((size_t)w * (size_t)h)))
                gk_out_of_memory();
            memcpy(rest, grey, (size_t)w * (size_t)h);
            lib.api_set_image(e->api, grey, w, h, 1, w);
            lib.api_set_resolution(e->api, dpi);
        }
        for (int y = c->y0; y < c->y1; y++)
            memset(rest + (size_t)y * (size_t)w + (size_t)c->x0, 255, (size_t)(c->x1 - c->x0));
        /* The cell's ink with a margin (Tesseract reads a short header
         * alone in a tall cell, "预算数", as nothing); what reads nothing
         * as a block is read as a raw line (as a line, it reads nothing
         * too). */
        int x0 = c->x1, y0 = c->y1, x1 = c->x0, y1 = c->y0;
        for (int y = c->y0; y < c->y1; y++)
            for (int x = c->x0; x < c->x1; x++)
                if (grey[(size_t)y * (size_t)w + (size_t)x] < DARK) {
                    x0 = x < x0 ? x : x0, x1 = x + 1 > x1 ? x + 1 : x1;
                    y0 = y < y0 ? y : y0, y1 = y + 1;
                }
        int pad = dpi / 20;
        x0 = x0 - pad < c->x0 ? c->x0 : x0 - pad, y0 = y0 - pad < c->y0 ? c->y0 : y0 - pad;
        x1 = x1 + pad > c->x1 ? c->x1 : x1 + pad, y1 = y1 + pad > c->y1 ? c->y1 : y1 + pad;
        size_t lines = rd->nlines;
        /* Its lines: runs of rows with ink (a run shorter than a tenth of
         * an inch, a stroke of "二" or a comma's tail, or a gap narrower
         * than a fiftieth, joins the next).  Tesseract reads a cell of two
         * lines set close as one line now and then, half its characters
         * lost ("未安排支出的实户" / "资金" read "未 支出的实"): a cell of
         * lines is read a line at a time. */
        int ly[16][2], nl = 0, gap = dpi / 50 > 2 ? dpi / 50 : 2, least = dpi / 10;
        for (int y = y0; y < y1 && nl < 16;) {
            while (y < y1 && !box_has_ink(grey, w, x0, y, x1, y + 1, 1))
                y++;
            if (y >= y1)
                break;
            int top = y, blank = 0;
            for (; y < y1 && blank < gap; y++)
                blank = box_has_ink(grey, w, x0, y, x1, y + 1, 1) ? 0 : blank + 1;
            int bottom = y - blank;
            if (nl > 0 && (bottom - top < least || ly[nl - 1][1] - ly[nl - 1][0] < least))
                ly[nl - 1][1] = bottom;
            else
                ly[nl][0] = top, ly[nl][1] = bottom, nl++;
        }
        if (nl >= 2 && nl < 16) {
            lib.api_set_psm(e->api, PSM_SINGLE_LINE);
            for (int k = 0; k < nl; k++) {
                int t = ly[k][0] - pad / 2 < y0 ? y0 : ly[k][0] - pad / 2;
                int b = ly[k][1] + pad / 2 > y1 ? y1 : ly[k][1] + pad / 2;
                read_box_or_raw(e, rd, x0, t, x1, b, PSM_SINGLE_LINE);
            }
            lib.api_set_psm(e->api, PSM_SINGLE_BLOCK);
        } else {
            read_box_or_raw(e, rd, x0, y0, x1, y1, PSM_SINGLE_BLOCK);
        }
        for (size_t l = lines; l < rd->nlines; l++)
            rd->lines[l].cell = (int)i;
        const char *dbg = getenv("GK_OCR_WORDS");
        if (dbg && *dbg == '1')
            fprintf(stderr, "cell %zu [%d,%d-%d,%d] read [%d,%d-%d,%d]: lines %zu-%zu\n", i, c->x0,
                    c->y0, c->x1, c->y1, x0, y0, x1, y1, lines, rd->nlines);
        read++;
    }
    free(cells);
    const unsigned char *page = rest ? rest : grey;
    if (box_has_ink(page, w, 0, 0, w, h, 8)) {
        lib.api_set_image(e->api, page, w, h, 1, w);
        lib.api_set_resolution(e->api, dpi);
        read_box(e, rd, -1, 0, 0, 0);
    }
    const char *dbg = getenv("GK_OCR_WORDS");
    if (dbg && *dbg == '1')
        fprintf(stderr, "page: %zu cells read alone\n", read);
    lib.api_clear(e->api);
    free(rest);
}

/* GK_OCR_CACHE=DIR: Tesseract's reading of a page image kept in DIR under
 * the image's hash, and taken from there the next time the same image is
 * read (for working on what follows the reading: a scan's reading takes a
 * minute, the rest a second).  A debugging aid; nothing is kept without it. */
static bool cache_path(const unsigned char *g, int w, int h, int dpi, char *out, size_t cap)
{
    out[0] = '\0';
    const char *dir = getenv("GK_OCR_CACHE");
    if (!dir || !*dir)
        return false;
    uint64_t x = 1469598103934665603ull;            /* FNV-1a */
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        x = (x ^ g[i]) * 1099511628211ull;
    snprintf(out, cap, "%s/%016llx-%d-%d-%d-cells5.ocr", dir, (unsigned long long)x, w, h, dpi);
    return true;
}

static bool cache_load(const char *path, ocr_read *rd)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n[3];
    bool ok = fread(n, sizeof n, 1, f) == 1;
    if (ok) {
        rd->chars = malloc((n[0] + 1) * sizeof *rd->chars);
        rd->words = malloc((n[1] + 1) * sizeof *rd->words);
        rd->lines = malloc((n[2] + 1) * sizeof *rd->lines);
        if (!rd->chars || !rd->words || !rd->lines)
            gk_out_of_memory();
        rd->nchars = rd->ccap = n[0], rd->nwords = rd->wcap = n[1], rd->nlines = rd->lcap = n[2];
        ok = fread(rd->chars, sizeof *rd->chars, n[0], f) == n[0] &&
             fread(rd->words, sizeof *rd->words, n[1], f) == n[1] &&
             fread(rd->lines, sizeof *rd->lines, n[2], f) == n[2];
        rd->ccap += !rd->ccap, rd->wcap += !rd->wcap, rd->lcap += !rd->lcap;
    }
    fclose(f);
    if (!ok) {
        free(rd->chars), free(rd->words), free(rd->lines);
        *rd = (ocr_read){0};
    }
    return ok;
}

static void cache_save(const char *path, const ocr_read *rd)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    size_t n[3] = {rd->nchars, rd->nwords, rd->nlines};
    fwrite(n, sizeof n, 1, f);
    fwrite(rd->chars, sizeof *rd->chars, rd->nchars, f);
    fwrite(rd->words, sizeof *rd->words, rd->nwords, f);
    fwrite(rd->lines, sizeof *rd->lines, rd->nlines, f);
    fclose(f);
}

pg_glyph *ocr_page(ocr_engine *e, PopplerPage *page, double width, double height, size_t *n,
                   ocr_mark **marks)
{
    *n = 0;
    *marks = NULL;
    double ppi;
    largest_image(page, width, height, &ppi, true);
    int dpi = ppi < 200 ? 200 : ppi > 300 ? 300 : (int)ppi;
    int w, h;
    unsigned char *grey = render_grey(page, width, height, dpi, &w, &h);
    if (!grey)
        return NULL;
    unsigned char *mask = remove_rules(grey, w, h, dpi / 3, dpi / 100 + 1);
    dump_grey(grey, w, h);
    ocr_read rd = {0};
    char cache[4096];
    if (!cache_path(grey, w, h, dpi, cache, sizeof cache) || !cache_load(cache, &rd)) {
        recognise(e, grey, mask, w, h, dpi, &rd);
        if (cache[0])
            cache_save(cache, &rd);
    }
    free(mask);
    drop_stray_quotes(&rd);
    drop_lone_marks(&rd);
    tighten_words(&rd, grey, w, h);
    split_words(&rd, grey, w, h);
    reread(e, &rd, grey, w, h, dpi);
    drop_doubled(&rd);
    drop_lone_marks(&rd);                  /* what the Chinese model made of a speck */
    merge_figure_tails(&rd);
    reread_amounts(e, &rd, grey, w, h, dpi);
    mend_item_numbers(&rd);
    join_cell_words(&rd);
    free(grey);
    pg_glyph *gs = NULL;
    *n = place_chars(&rd, 72.0 / dpi, &gs, marks);
    free(rd.chars);
    free(rd.words);
    free(rd.lines);
    if (!*n) {
        free(gs);
        free(*marks);
        *marks = NULL;
        return NULL;
    }
    return gs;
}
