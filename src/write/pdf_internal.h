/*
 * pdf_internal.h — what the PDF writer's files share (src/write/pdf*.c).
 *
 * The writer works in two steps.  Layout (pdf_layout.c, pdf_table.c,
 * pdf_chart.c) measures every block with pango and places it on pages: the
 * result is a display list, one list of drawing operations per page, and
 * the page each heading and table landed on.  Drawing (pdf.c) then replays
 * the lists onto a cairo PDF surface; only then are the 目录's page numbers
 * known, and written.  Nothing is measured twice.
 *
 * cairo, pango and GLib are loaded on the first PDF written, with dlopen, as
 * the PDF reader loads poppler: linked in, their forty libraries would cost
 * every `gongkai check` of a text document 8 ms of start-up.  Each function
 * the writer calls is listed once in PDF_FUNCTIONS; after this header, a
 * call such as cairo_move_to(cr, x, y) goes through the loaded table.
 *
 * Units: PDF points (1/72 inch), origin at the page's top left; pango's
 * context resolution is 72 dpi, so a font size in points is one in user
 * space units.
 */
#ifndef GK_PDF_INTERNAL_H
#define GK_PDF_INTERNAL_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "gongkai/render.h"

/* ---- The libraries, loaded on demand --------------------------------------- */

#define PDF_FUNCTIONS(X)                                                                 \
    X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_set_size)                \
    X(cairo_pdf_surface_add_outline) X(cairo_pdf_surface_set_metadata)                  \
    X(cairo_surface_finish) X(cairo_surface_destroy) X(cairo_surface_status)            \
    X(cairo_create) X(cairo_destroy) X(cairo_status) X(cairo_status_to_string)          \
    X(cairo_show_page) X(cairo_save) X(cairo_restore) X(cairo_new_path)                 \
    X(cairo_move_to) X(cairo_line_to) X(cairo_rectangle) X(cairo_arc)                   \
    X(cairo_close_path) X(cairo_set_source_rgb) X(cairo_set_line_width)                 \
    X(cairo_stroke) X(cairo_fill) X(cairo_fill_preserve) X(cairo_tag_begin)             \
    X(cairo_tag_end) X(cairo_font_options_create) X(cairo_font_options_destroy)         \
    X(cairo_font_options_set_hint_style) X(cairo_font_options_set_hint_metrics)         \
    X(pango_cairo_font_map_new) X(pango_cairo_context_set_resolution)                   \
    X(pango_cairo_context_set_font_options) X(pango_cairo_show_layout_line) X(pango_cairo_layout_path)             \
    X(pango_font_map_create_context) X(pango_font_map_load_font)                        \
    X(pango_font_describe) X(pango_font_description_from_string)                        \
    X(pango_font_description_free) X(pango_font_description_get_family)                 \
    X(pango_layout_new) X(pango_layout_set_text) X(pango_layout_set_font_description)   \
    X(pango_layout_set_width) X(pango_layout_set_wrap) X(pango_layout_set_alignment)    \
    X(pango_layout_set_indent) X(pango_layout_set_spacing)                              \
    X(pango_layout_set_ellipsize) X(pango_layout_get_size)                              \
    X(pango_layout_get_line_count) X(pango_layout_get_unknown_glyphs_count)             \
    X(pango_layout_get_iter) X(pango_layout_iter_free) X(pango_layout_iter_next_line)   \
    X(pango_layout_iter_get_baseline) X(pango_layout_iter_get_line_extents)             \
    X(pango_layout_iter_get_line_readonly) X(pango_attr_letter_spacing_new) X(pango_attr_list_new) X(pango_attr_list_insert)         \
    X(pango_attr_list_unref) X(pango_layout_set_attributes) X(g_object_unref) X(g_utf8_validate)         \
    X(g_utf8_make_valid) X(g_free)

typedef struct pdf_lib {
#define PDF_DECLARE(f) __typeof__(&f) p_##f;
    PDF_FUNCTIONS(PDF_DECLARE)
#undef PDF_DECLARE
} pdf_lib;

extern pdf_lib gk_pdf_lib;

/* Loads the libraries once per process; false when one is missing. */
bool gk_pdf_load(void);

/* From here on, every listed function is called through the table. */
#define cairo_pdf_surface_create_for_stream (gk_pdf_lib.p_cairo_pdf_surface_create_for_stream)
#define cairo_pdf_surface_set_size (gk_pdf_lib.p_cairo_pdf_surface_set_size)
#define cairo_pdf_surface_add_outline (gk_pdf_lib.p_cairo_pdf_surface_add_outline)
#define cairo_pdf_surface_set_metadata (gk_pdf_lib.p_cairo_pdf_surface_set_metadata)
#define cairo_surface_finish (gk_pdf_lib.p_cairo_surface_finish)
#define cairo_surface_destroy (gk_pdf_lib.p_cairo_surface_destroy)
#define cairo_surface_status (gk_pdf_lib.p_cairo_surface_status)
#define cairo_create (gk_pdf_lib.p_cairo_create)
#define cairo_destroy (gk_pdf_lib.p_cairo_destroy)
#define cairo_status (gk_pdf_lib.p_cairo_status)
#define cairo_status_to_string (gk_pdf_lib.p_cairo_status_to_string)
#define cairo_show_page (gk_pdf_lib.p_cairo_show_page)
#define cairo_save (gk_pdf_lib.p_cairo_save)
#define cairo_restore (gk_pdf_lib.p_cairo_restore)
#define cairo_new_path (gk_pdf_lib.p_cairo_new_path)
#define cairo_move_to (gk_pdf_lib.p_cairo_move_to)
#define cairo_line_to (gk_pdf_lib.p_cairo_line_to)
#define cairo_rectangle (gk_pdf_lib.p_cairo_rectangle)
#define cairo_arc (gk_pdf_lib.p_cairo_arc)
#define cairo_close_path (gk_pdf_lib.p_cairo_close_path)
#define cairo_set_source_rgb (gk_pdf_lib.p_cairo_set_source_rgb)
#define cairo_set_line_width (gk_pdf_lib.p_cairo_set_line_width)
#define cairo_stroke (gk_pdf_lib.p_cairo_stroke)
#define cairo_fill (gk_pdf_lib.p_cairo_fill)
#define cairo_fill_preserve (gk_pdf_lib.p_cairo_fill_preserve)
#define cairo_tag_begin (gk_pdf_lib.p_cairo_tag_begin)
#define cairo_tag_end (gk_pdf_lib.p_cairo_tag_end)
#define cairo_font_options_create (gk_pdf_lib.p_cairo_font_options_create)
#define cairo_font_options_destroy (gk_pdf_lib.p_cairo_font_options_destroy)
#define cairo_font_options_set_hint_style (gk_pdf_lib.p_cairo_font_options_set_hint_style)
#define cairo_font_options_set_hint_metrics (gk_pdf_lib.p_cairo_font_options_set_hint_metrics)
#define pango_cairo_font_map_new (gk_pdf_lib.p_pango_cairo_font_map_new)
#define pango_cairo_context_set_resolution (gk_pdf_lib.p_pango_cairo_context_set_resolution)
#define pango_cairo_context_set_font_options (gk_pdf_lib.p_pango_cairo_context_set_font_options)
#define pango_cairo_show_layout_line (gk_pdf_lib.p_pango_cairo_show_layout_line)
#define pango_cairo_layout_path (gk_pdf_lib.p_pango_cairo_layout_path)
#define pango_font_map_create_context (gk_pdf_lib.p_pango_font_map_create_context)
#define pango_font_map_load_font (gk_pdf_lib.p_pango_font_map_load_font)
#define pango_font_describe (gk_pdf_lib.p_pango_font_describe)
#define pango_font_description_from_string (gk_pdf_lib.p_pango_font_description_from_string)
#define pango_font_description_free (gk_pdf_lib.p_pango_font_description_free)
#define pango_font_description_get_family (gk_pdf_lib.p_pango_font_description_get_family)
#define pango_layout_new (gk_pdf_lib.p_pango_layout_new)
#define pango_layout_set_text (gk_pdf_lib.p_pango_layout_set_text)
#define pango_layout_set_font_description (gk_pdf_lib.p_pango_layout_set_font_description)
#define pango_layout_set_width (gk_pdf_lib.p_pango_layout_set_width)
#define pango_layout_set_wrap (gk_pdf_lib.p_pango_layout_set_wrap)
#define pango_layout_set_alignment (gk_pdf_lib.p_pango_layout_set_alignment)
#define pango_layout_set_indent (gk_pdf_lib.p_pango_layout_set_indent)
#define pango_layout_set_spacing (gk_pdf_lib.p_pango_layout_set_spacing)
#define pango_layout_set_ellipsize (gk_pdf_lib.p_pango_layout_set_ellipsize)
#define pango_layout_get_size (gk_pdf_lib.p_pango_layout_get_size)
#define pango_layout_get_line_count (gk_pdf_lib.p_pango_layout_get_line_count)
#define pango_layout_get_unknown_glyphs_count (gk_pdf_lib.p_pango_layout_get_unknown_glyphs_count)
#define pango_layout_get_iter (gk_pdf_lib.p_pango_layout_get_iter)
#define pango_layout_iter_free (gk_pdf_lib.p_pango_layout_iter_free)
#define pango_layout_iter_next_line (gk_pdf_lib.p_pango_layout_iter_next_line)
#define pango_layout_iter_get_baseline (gk_pdf_lib.p_pango_layout_iter_get_baseline)
#define pango_layout_iter_get_line_extents (gk_pdf_lib.p_pango_layout_iter_get_line_extents)
#define pango_layout_iter_get_line_readonly (gk_pdf_lib.p_pango_layout_iter_get_line_readonly)
#define pango_attr_letter_spacing_new (gk_pdf_lib.p_pango_attr_letter_spacing_new)
#define pango_attr_list_new (gk_pdf_lib.p_pango_attr_list_new)
#define pango_attr_list_insert (gk_pdf_lib.p_pango_attr_list_insert)
#define pango_attr_list_unref (gk_pdf_lib.p_pango_attr_list_unref)
#define pango_layout_set_attributes (gk_pdf_lib.p_pango_layout_set_attributes)
#define g_object_unref (gk_pdf_lib.p_g_object_unref)
#define g_utf8_validate (gk_pdf_lib.p_g_utf8_validate)
#define g_utf8_make_valid (gk_pdf_lib.p_g_utf8_make_valid)
#define g_free (gk_pdf_lib.p_g_free)

/* ---- Fonts ----------------------------------------------------------------- */

/* The faces by use.  Two fonts in fact (pdf.c says why): cairo copies a
 * Noto CJK face's whole CFF table (15-25 MB) to embed its subset, so each
 * face costs tens of milliseconds. */
typedef enum pdf_face {
    FACE_BODY = 0,   /* paragraphs, the cover's unit: Noto Sans CJK SC */
    FACE_SANS,       /* tables, charts, notes, 目录: Noto Sans CJK SC */
    FACE_BOLD,       /* headings, titles, total rows: Noto Sans CJK SC Bold */
    FACE_COUNT
} pdf_face;

/* ---- Pages and the display list -------------------------------------------- */

typedef enum pdf_op_kind {
    OP_TEXT,     /* lines [line0, line0 + nlines) of a layout; (x, y) the first one's top left */
    OP_LINE,     /* a segment (x, y) → (x2, y2) */
    OP_RECT,     /* a rectangle x, y, w, h: filled (fill ≥ 0), stroked (stroke > 0) */
    OP_SLICE,    /* a pie slice: centre (x, y), radius w, angles a0 → a1, filled */
    OP_TOC       /* a 目录 entry's leader dots and page number: entry `index`,
                  * dots from x to x2 on the baseline y */
} pdf_op_kind;

typedef struct pdf_color {
    double r, g, b;
} pdf_color;

typedef struct pdf_op {
    pdf_op_kind kind;
    double x, y, w, h, x2, y2, a0, a1;
    double stroke;            /* line width; 0: none */
    bool fill;
    pdf_color color;          /* fill or text colour */
    PangoLayout *layout;      /* OP_TEXT: borrowed from the writer's list */
    int line0, nlines;        /* OP_TEXT */
    size_t index;             /* OP_TOC: the entry */
    bool centred;             /* OP_TEXT: centred in the text frame's width */
} pdf_op;

typedef struct pdf_page {
    double w, h;
    bool numbered;            /* the cover has no page number */
    size_t op0, op1;          /* its operations in the writer's list */
} pdf_page;

/* A heading or table: an outline item, and a 目录 line when it follows the
 * 目录 and is a heading of level ≤ 2 or a table. */
typedef struct pdf_mark {
    const char *text;         /* outline title */
    const char *toc_text;     /* 目录 line; NULL: not listed */
    int toc_level;            /* its level in the 目录 (gk_toc_entry) */
    int level;                /* 1 … 3; tables one below the heading they follow */
    int page;                 /* 1-based, set by layout */
    double y;                 /* top of the heading on its page */
} pdf_mark;

/* ---- The writer ------------------------------------------------------------ */

typedef struct pdf_writer {
    const gk_doc *doc;
    PangoFontMap *fontmap;
    PangoContext *pango;
    const char *family[FACE_COUNT];

    /* Geometry of the current page: its size and text frame. */
    double page_w, page_h, left, right, top, bottom;
    double y;                 /* where the next block starts */
    bool page_open, page_dirty;
    bool only_headings;       /* nothing but headings on this page yet */
    /* The headings last placed, with nothing after them yet: they go to the
     * next page with what follows them (pdf_break_page). */
    bool heading_run, in_heading;
    size_t run_op0, run_mark0;
    double run_y;

    pdf_page *pages;
    size_t npages, pages_cap;
    pdf_op *ops;
    size_t nops, ops_cap;
    PangoLayout **layouts;    /* every layout made, freed at the end */
    size_t nlayouts, layouts_cap;
    pdf_mark *marks;
    size_t nmarks, marks_cap;
    size_t next_mark;         /* the mark of the next heading or table laid out */
    const char *date_line;    /* the cover's "2026年11月" */
    struct gk_arena *arena;   /* the writer's own strings */
    struct {
        pdf_face face;
        double size;
        PangoFontDescription *desc;
    } fonts[24];              /* the descriptions made, by face and size */
    size_t nfonts;
    PangoFontDescription **extra_fonts;
    size_t nextra, extra_cap;
} pdf_writer;

/* Font sizes (points). */
#define PDF_BODY_SIZE 11.0
#define PDF_TABLE_SIZE 9.0
#define PDF_SMALL_SIZE 9.0
#define TOC_SIZE 11.0

/* A4 in points, and the margins. */
#define PDF_A4_W 595.2756
#define PDF_A4_H 841.8898
#define PDF_MARGIN_X 56.6929      /* 20 mm */
#define PDF_MARGIN_TOP 70.8661    /* 25 mm */
#define PDF_MARGIN_BOTTOM 70.8661 /* 25 mm; the page number sits in it */

/* pdf_layout.c */
void pdf_layout_document(pdf_writer *w);
void pdf_new_page(pdf_writer *w, bool landscape, bool numbered);
void pdf_ensure_page(pdf_writer *w);
void pdf_break_page(pdf_writer *w, bool landscape);
bool pdf_is_landscape(const pdf_writer *w);
PangoLayout *pdf_text(pdf_writer *w, const char *text, pdf_face face, double size,
                      double width, PangoAlignment align);
double pdf_layout_height(PangoLayout *l);
double pdf_layout_width(PangoLayout *l);
pdf_op *pdf_add_op(pdf_writer *w, pdf_op_kind kind);
void pdf_add_text(pdf_writer *w, PangoLayout *l, double x, double y, pdf_color c);
/* Lines [line0, line0 + nlines) of a layout, the first one's top at y. */
void pdf_add_lines(pdf_writer *w, PangoLayout *l, double x, double y, int line0, int nlines,
                   pdf_color c);
/* The top and bottom of each line of a layout, in its own coordinates
 * (arrays of the count returned, for the caller to free). */
int pdf_line_spans(PangoLayout *l, double **tops, double **bottoms);
void pdf_flow_text(pdf_writer *w, PangoLayout *l, double x, pdf_color c, int keep_lines);
pdf_mark *pdf_take_mark(pdf_writer *w);
const char *pdf_printf(pdf_writer *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* pdf_table.c */
void pdf_layout_table(pdf_writer *w, const gk_block *b);

/* pdf_chart.c */
void pdf_layout_chart(pdf_writer *w, const gk_chart *c);

/* Colours: black text, greys, one accent that prints as a mid grey. */
extern const pdf_color PDF_BLACK, PDF_RULE, PDF_HEADER_FILL, PDF_ACCENT, PDF_GREY_TEXT;

#endif
