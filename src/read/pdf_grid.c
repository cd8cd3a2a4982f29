/*
 * pdf_grid.c — a PDF page's characters as lines of text; tables as rows of
 * TAB-separated cells, from the positions of the characters.
 *
 * The text recogniser (text.c) reads tables whose cells are separated by
 * tabs exactly: a blank cell is an empty field, so every figure stands in
 * its column.  Text with single spaces between cells loses blank cells, and
 * a PDF's reading order loses more: a figure printed at the top of a tall
 * row comes out a line above its label, a wrapped label runs into the next
 * row's, 类/款/项 codes stand in three columns.  This file puts the cells
 * back together from where the characters stand on the page, and hands the
 * tables to the recogniser as tabbed rows; everything else stays a line of
 * text (words joined by one space, as before).
 *
 * The method, page by page:
 *
 * 0. Sizes.  A font size is what the characters measure: where the
 *    ideographs of a stated size are narrower than 0.8 of it (a browser's
 *    PDF states twice the size it prints), the size is their width
 *    (measured_sizes).  Nothing below depends on the producer's boxes'
 *    heights or stated sizes beyond that.
 *
 * 1. Lines and chunks.  Characters whose vertical middles lie within 0.45
 *    of their font size of a line's first make a line, read left to right
 *    (a font whose boxes are a quarter of its size tall has its middle half
 *    a size above the box's foot).  A line is cut into chunks where two
 *    characters stand more than 0.8 of the size apart, or a quarter of it
 *    between a figure and a Chinese character or two figures (a wide figure
 *    overflowing into the next cell), before a tag printed as text ("</
 *    <b>") and, 0.3 of it, between two runs of ideographs set solid (two
 *    cells of text that abut, ideograph_gap); letter-spaced cells ("因 公
 *    出 国") stay one chunk.  A label printed over the figure beside it,
 *    the two runs' characters interleaved, is put back as two runs
 *    (unweave) and cut between them.  A chunk is an amount ("2,940.05",
 *    "-"), a run of digits (a code, a part of one, a count) or text.
 *
 * 2. Table regions.  A region grows from a line holding an amount and
 *    another chunk (or whole numbers after a label, two side by side, no
 *    column numbers 1 2 3 and no year: a form counted in units, "完成 6
 *    6"; or, in a blank 绩效 form, from its line of indicator headers,
 *    一级指标 二级指标 指标内容), up through the lines at most five
 *    font sizes apart (its header) and down through those at most three
 *    apart — further, past blank rows, to a line of figures standing in
 *    its columns, and to a line of labels in its columns as far below as
 *    its rows of figures stand apart (a table of tall rows); a region of
 *    whole numbers only that a later one reaches growing up is one with
 *    it.  It stops at a title (…表), a unit or
 *    部门 line (单位：万元, 编制部门：…), a note (注：…), a heading (第…部分,
 *    or a text's "### …" printed) and prose (a sentence,
 *    or one chunk across the page, starting at the page's left edge; a
 *    sentence in a line of three chunks joins where they stand in the
 *    region's columns: a form's row).  Two lines of two chunks make a
 *    table; so does one line at the top of a page after a table that ran
 *    to the foot of the last.  A header at a page's foot whose rows begin
 *    the next page is held back and read with them (foot_header); blank
 *    rows of labels atop a page, after a table whose header alone ended
 *    the last, are its rows (`blank` regions).
 *
 * 3. Header and body.  The header is what stands above the first figure or
 *    code (or line of whole numbers after a label, or the indicator
 *    headers), and "类 款 项" wherever it stands; a
 *    first row's name beginning above its code (a full line that the
 *    body's first line continues) is body.  A region first on its page with
 *    no header words (nor indicator headers), whose columns fit those of
 *    the table before,
 *    continues that table with its columns; one that begins with the
 *    header of the table before, printed again, has that header only, and
 *    the rows of labels below it are body.
 *
 * 4. Columns.  The body's chunks, projected on the x axis, fall into
 *    columns with gaps between them (cells never overlap their neighbours;
 *    a stretch only a few overflowing chunks cross is a gap too:
 *    body_spans; a label across the whole of it is its left side's).  Figures of one cell aligned left in some rows and right
 *    in others are one column (join_split_columns); header chunks of
 *    narrow cells are cut at the columns' edges (cut_headers_at_columns);
 *    column numbers (栏次) number each column once.
 *    Runs of digit columns before a text column are the 类/款/项 parts of
 *    codes, joined into one code column ("201" "06" "01" → 2010601) —
 *    not when each is half numbers of one or two digits without a
 *    leading 0 ("5 | 5", "182 | 182": counts); one such column alone is
 *    codes (行次) only when its numbers run on, the header names it, or it
 *    fills as many rows as the figures do (numbered_column).  A column of one- or two-digit
 *    numbers each a space after the label before it ("任务 1") is part of
 *    that label's column.  In a 绩效 form, a text column under two header
 *    cells or more is cut in the gaps between them no header text crosses
 *    (a row printed as a table of its own runs across them).
 *    Headers of one column (leaves: no header below them) above no column
 *    of the body make columns of their own, blank in every row, where they
 *    stand among the figures; a column of narrow right-aligned figures with
 *    no leaf over it takes the nearest one (or, none in its tile, the
 *    nearest left of it over no column: a header left-aligned in a wide
 *    cell over right-aligned figures).  The label of the column numbers
 *    ("栏次") heads a label column of its own where no body column is
 *    under it.
 *
 * 5. Rows.  Labels anchor rows: with a code column, each code (and each
 *    合计/总计 label) starts a row; otherwise the labels of the text columns
 *    do, a label wrapped onto more lines counting once (a line continues the
 *    one above when that one reaches its cell's right edge, the two are no
 *    more than 1.7 font sizes apart, and it starts no numbered item such as
 *    "二、" and no other label column starts a row beside it).  Anchors that
 *    overlap vertically make one row (the codes of side-by-side groups, the
 *    labels of the two sides of a 收入/支出 table).  Every other chunk — a
 *    figure at the top or the middle of a tall row, the lines of a name
 *    around its code — goes to the row nearest to it; a line that continues
 *    a full line above goes with it when its nearest row has a name already.
 *    A line wider than the one above by more than a character and a half
 *    continues no label (wrapped text fills its lines; a short label
 *    centred in a narrow column reaches near its edge too), nor does one
 *    beside a figure of a column that has one beside the line above.  A
 *    label of a column to the left, centred beside the middle line of a
 *    wrapped label (as many of its lines above as below), starts no row
 *    there: a cell merged over the row ("年度主要任务").  A
 *    label printed one character a line ("年" / "度" / "任" / "务" down a
 *    cell merged over rows) anchors no row: it goes whole to the row
 *    nearest its middle.
 *
 * 6. Output.  The header becomes one tabbed line per band: bands are cut
 *    where no header text crosses ("收入 | 支出" over "项目 | 决算数 | …"),
 *    and the bands below one with no text in its columns join it (headers
 *    centred in cells of different heights), or whose text there goes on
 *    from the line above in its cell (a header wrapped in its cell beside
 *    headers of one line: "全年预算" / "数(万元)").  In a band each column's
 *    chunks are joined top to bottom ("本年收入合" / "计" → 本年收入合计); a
 *    header over several columns names the first of the run it is centred
 *    over.  A header printed one character a line ("其" / "他" / "资" /
 *    "金") down to the header's last line is one header of that line.
 *    Each body row becomes one tabbed line, its cells joined the same way.  Every line keeps its box, and every cell of a row its own.
 *
 * Regions of more than MAX_GRID_CHUNKS chunks or MAX_GRID_COLUMNS columns
 * stay text: the geometry is quadratic in places.
 *
 * Nothing here knows the tables' kinds or identities: when the geometry
 * leaves a placement ambiguous (a region not found, a figure between two
 * rows), the recogniser's own placement by the tables' identities stays in
 * force for what it reads as single-space text.
 */
#include "pdf_grid.h"
#include "../util/grow.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/arena.h"

/* ---- Small helpers ------------------------------------------------------ */

static double dabs(double x)
{
    return x < 0 ? -x : x;
}

static double dmax(double a, double b)
{
    return a > b ? a : b;
}

static double dmin(double a, double b)
{
    return a < b ? a : b;
}

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A character's vertical middle.  Some fonts give poppler boxes a quarter
 * of their size tall (their ascent missing): the box's foot is then below
 * the baseline, and the middle about half a size above the foot. */
static double cy_of(const pg_glyph *g)
{
    if (g->y1 - g->y0 < 0.6 * g->size)
        return g->y1 - 0.55 * g->size;
    return (g->y0 + g->y1) / 2;
}

/* ---- Page structures -------------------------------------------------------- */

enum { K_TEXT, K_AMOUNT, K_DIGITS };            /* chunk kinds */
enum { C_TEXT, C_NUM, C_CODE };                  /* column kinds */

typedef struct chunk {
    double x0, y0, x1, y1, cy, size;
    size_t g0, g1;        /* its glyphs */
    int kind, ndigits;
    int line;             /* its line */
    int col, sub, row;    /* in a table: column, part of a code column, row */
    bool anchor;
    bool stacked;         /* a character of a label printed one a line */
} chunk;

typedef struct pline {
    size_t g0, g1, c0, c1;   /* glyphs and chunks */
    double cy, size, x0, x1;
    bool excluded;           /* a title, unit, note, heading or prose */
    bool amount;             /* holds an amount chunk */
    bool counts;             /* whole numbers after a label: "任务 1 业务费 完成 6 6" */
    bool numbers;            /* column numbers: "栏次 1 2 3 …" */
    bool sentence;           /* a sentence among cells: prose, or a row */
    bool heads;              /* column headers only: "一级指标 二级指标 指标内容" */
    bool running;            /* the running header: the line atop the page before */
} pline;

/* A column of a table: its content's extent and, for a code column, its
 * parts (physical columns). */
#define MAX_PARTS 4
typedef struct column {
    double x0, x1;
    int kind;
    bool amounts;         /* holds amounts (not only digits: 行次, codes) */
    size_t nchunks;       /* of the body in it */
    int nparts;
    double part_x0[MAX_PARTS], part_x1[MAX_PARTS];
    /* The table's last row so far: its last line in this column reaches
     * the cell's right edge (the row may go on at the next page's top),
     * starting at cut_x0. */
    bool cut;
    double cut_x0;
    /* Its header stands left of it, from lead_x0 (left-aligned in a wide
     * cell over right-aligned figures); 0: over it. */
    double lead_x0;
} column;

struct pg_carry {
    column *cols;
    int ncols;
    bool open;            /* the last table ran to the foot of its page */
    bool rowless;         /* a header only, so far: its rows are to come */
    size_t last_row;      /* its last row's line (in pg_doc.lines) */
    gk_buf header;        /* its header's text, chunk by chunk */
    /* A header at the foot of a page (foot_header), held back to be read
     * with the rows at the top of the next: its glyphs, its page, the
     * lines of that page before it, its width. */
    pg_glyph *held;
    size_t nheld, heldcap;
    int held_page, held_lineno;
    double held_width;
};

typedef struct page {
    pg_glyph *g;
    size_t ng;
    pline *lines;
    size_t nl, lcap;
    chunk *ch;
    size_t nc, ccap;
    double width;
    int number, lineno;
    const gk_buf *top_before;   /* the first line of the page before */
    gk_buf scratch;
} page;

/* ---- Output --------------------------------------------------------------- */

static pg_origin *new_line(pg_doc *d, int pageno, int line)
{
    d->lines = gk_grow(d->lines, &d->cap, d->n, sizeof *d->lines);
    pg_origin *o = &d->lines[d->n++];
    memset(o, 0, sizeof *o);
    o->page = pageno;
    o->line = line;
    o->text_at = d->text.len;
    return o;
}

static void box_add(double box[4], bool *has, double x0, double y0, double x1, double y1)
{
    if (!*has) {
        box[0] = x0, box[1] = y0, box[2] = x1, box[3] = y1;
        *has = true;
        return;
    }
    box[0] = dmin(box[0], x0);
    box[1] = dmin(box[1], y0);
    box[2] = dmax(box[2], x1);
    box[3] = dmax(box[3], y1);
}

/* ---- Lines and chunks ----------------------------------------------------- */

static int by_cy(const void *a, const void *b)
{
    double d = cy_of(a) - cy_of(b);
    return d < 0 ? -1 : d > 0;
}

static int by_x0(const void *a, const void *b)
{
    double d = ((const pg_glyph *)a)->x0 - ((const pg_glyph *)b)->x0;
    return d < 0 ? -1 : d > 0;
}

/* Decode the first character of s (UTF-8) to a code point. */
static unsigned codepoint(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80)
        return u[0];
    if (u[0] >= 0xF0 && u[1] && u[2] && u[3])
        return (unsigned)(u[0] & 7) << 18 | (unsigned)(u[1] & 63) << 12 |
               (unsigned)(u[2] & 63) << 6 | (u[3] & 63);
    if (u[0] >= 0xE0 && u[1] && u[2])
        return (unsigned)(u[0] & 15) << 12 | (unsigned)(u[1] & 63) << 6 | (u[2] & 63);
    if (u[0] >= 0xC0 && u[1])
        return (unsigned)(u[0] & 31) << 6 | (u[1] & 63);
    return u[0];
}

/* The kind of a chunk from its characters: an amount (digits with a point
 * or thousands separators, a lone zero's dash), a run of digits, or text. */
static void classify_chunk(const page *p, chunk *c)
{
    size_t digits = 0, points = 0, commas = 0, dashes = 0, signs = 0, other = 0;
    for (size_t k = c->g0; k < c->g1; k++) {
        unsigned u = codepoint(p->g[k].utf8);
        if (u >= 0xFF10 && u <= 0xFF19)
            u = '0' + (u - 0xFF10);               /* full-width digits */
        if (u >= '0' && u <= '9')
            digits++;
        else if (u == '.' || u == 0xFF0E)
            points++;
        else if (u == ',' || u == 0xFF0C)
            commas++;
        else if (u == 0x2014 || u == 0x2013 || u == 0xFF0D || u == 0x2212)
            dashes++;
        else if (u == '-')
            if (digits || k + 1 == c->g1)
                dashes++;
            else
                signs++;
        else
            other++;
    }
    c->ndigits = (int)digits;
    if (other || signs > 1 || points > 1)
        c->kind = K_TEXT;
    else if (digits == 0)
        c->kind = dashes && !points && !commas ? K_AMOUNT : K_TEXT;
    else if (points || commas)
        c->kind = K_AMOUNT;
    else if (dashes || signs)
        c->kind = dashes && !signs ? K_TEXT : K_AMOUNT;
    else
        c->kind = K_DIGITS;
}

static bool figure_char(unsigned u)
{
    return (u >= '0' && u <= '9') || u == '.' || u == ',' || (u >= 0xFF10 && u <= 0xFF19);
}

/* A figure and a word of Chinese side by side: two cells, even close (a
 * wide figure overflowing its cell up to the next one's label).  So are a
 * figure and a word of letters or markup ("377.37 <b>本年支出合计</b>",
 * "<b>本年支出合计</b> 59"), and two figures a quarter of a size apart
 * (digits stand closer). */
static bool figure_meets_text(const pg_glyph *a, const pg_glyph *b)
{
    unsigned u = codepoint(a->utf8), v = codepoint(b->utf8);
    bool word_after = v >= 0x2E80 || (v < 0x80 && (isalpha((int)v) || v == '<'));
    bool word_before = u >= 0x2E80 || (u < 0x80 && (isalpha((int)u) || u == '>'));
    return (figure_char(u) && word_after) || (word_before && figure_char(v));
}

/* Figures on both sides of a gap: two cells — unless the gap is inside an
 * amount, after or before its point or a thousands separator ("341. 39":
 * no amount ends or starts with one). */
static bool two_figures(const pg_glyph *a, const pg_glyph *b)
{
    unsigned u = codepoint(a->utf8), v = codepoint(b->utf8);
    if (!figure_char(u) || !figure_char(v))
        return false;
    return !(u == '.' || u == ',' || u == 0xFF0E || u == 0xFF0C || v == '.' || v == ',' ||
             v == 0xFF0E || v == 0xFF0C);
}

/* A tag of markup printed as text begins a word ("…</ <b>377.37</": two
 * cells whose tagged figures, each wider than its cell, wrap and stand
 * close): '<' after a gap, or anything after a gap that follows '>'. */
static bool tag_edge(const pg_glyph *a, const pg_glyph *b)
{
    return codepoint(b->utf8) == '<' || codepoint(a->utf8) == '>';
}

/* Is u a CJK ideograph (its advance is its font's em: it is square)? */
static bool ideograph(unsigned u)
{
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int by_size(const void *a, const void *b)
{
    double x = ((const pg_glyph *)a)->size, y = ((const pg_glyph *)b)->size;
    return x < y ? -1 : x > y;
}

static double ideograph_ratio(const pg_glyph *g)
{
    return (g->x1 - g->x0) / g->size;
}

/* The font sizes a PDF states are not always the sizes its characters are
 * printed at: a browser's PDF states twice the size of the type (and its
 * boxes are as tall as that size), so that every distance measured in
 * sizes — a line's tolerance, the gap between cells, the pitch of rows —
 * comes out twice too wide and whole tables collapse into one row.  An
 * ideograph is as wide as its em, whatever the producer: where the
 * ideographs of one stated size are narrower than 0.8 of it (their
 * median), that size is taken down to their width, and every character of
 * that size with it, its box shrunk about its middle in proportion (no
 * ideograph of that size on the page: the page's median).  Wider
 * ideographs (letter-spaced) leave the size as stated.  The glyphs are
 * reordered (by size). */
static void measured_sizes(pg_glyph *g, size_t n)
{
    double *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        gk_out_of_memory();
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (ideograph(codepoint(g[i].utf8)))
            r[m++] = ideograph_ratio(&g[i]);
    double page_ratio = 1;
    if (m > 0) {
        qsort(r, m, sizeof *r, by_double);
        page_ratio = r[m / 2];
    }
    qsort(g, n, sizeof *g, by_size);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        m = 0;
        for (; j < n && g[j].size == g[i].size; j++)
            if (ideograph(codepoint(g[j].utf8)))
                r[m++] = ideograph_ratio(&g[j]);
        double ratio = page_ratio;
        if (m > 0) {
            qsort(r, m, sizeof *r, by_double);
            ratio = r[m / 2];
        }
        if (ratio < 0.8 && ratio >= 0.2)
            for (size_t k = i; k < j; k++) {
                double mid = (g[k].y0 + g[k].y1) / 2, half = (g[k].y1 - g[k].y0) / 2 * ratio;
                g[k].y0 = mid - half;
                g[k].y1 = mid + half;
                g[k].size *= ratio;
            }
        i = j;
    }
    free(r);
}

/* Glyphs k-1 and k of a line's g[i..j): two ideographs with a gap of
 * more than 0.3 of their size between runs of ideographs set solid (the
 * pairs on both sides closer than a tenth; or, left, one character alone
 * at the line's start): the edge between two cells of text ("任务名称
 * 主要内容", wrapped "局机关工 体人员"), not a letter-spaced label
 * ("因 公 出 国"), which is spaced evenly. */
static bool ideograph_gap(const pg_glyph *g, size_t i, size_t j, size_t k)
{
    if (k < i + 1 || k + 1 >= j)
        return false;
    for (size_t q = k - 1; q <= k + 1; q++)
        if (!ideograph(codepoint(g[q].utf8)))
            return false;
    double size = dmax(g[k].size, g[k - 1].size);
    if (g[k].x0 - g[k - 1].x1 <= 0.3 * size || dabs(g[k + 1].x0 - g[k].x1) >= 0.1 * size)
        return false;
    /* Left of the gap a run set solid too, or a character alone at the
     * line's start, half a size away at least (a label printed one
     * character a line, "年" beside "审计事务"). */
    if (k == i + 1)
        return g[k].x0 - g[k - 1].x1 > 0.5 * size;
    return ideograph(codepoint(g[k - 2].utf8)) && dabs(g[k - 1].x0 - g[k - 2].x1) < 0.1 * size;
}

/* Group the page's glyphs into lines and the lines into chunks. */
/* A label overflowing its cell, printed over the figure beside it
 * ("…保障中心" over "1839311.66"): its characters and the figure's,
 * left to right, interleave ("中18心39311.66").  In glyphs g[i..j) (sorted
 * by x0), where an ideograph and a figure's character overlap, the two
 * runs are put one after the other: the label's characters, then the
 * figure's (build_lines cuts them apart). */
static void unweave(pg_glyph *g, size_t i, size_t j)
{
    for (size_t k = i + 1; k < j; k++) {
        unsigned u = codepoint(g[k].utf8);
        size_t q = k - 1;
        unsigned v = codepoint(g[q].utf8);
        double w = dmin(g[k].x1 - g[k].x0, g[q].x1 - g[q].x0);
        if (!((figure_char(u) && ideograph(v)) || (ideograph(u) && figure_char(v))) ||
            g[q].x1 - g[k].x0 < 0.3 * w)
            continue;
        /* The window: the figure's run and the label's around the
         * overlap, each a run of its own kind of characters set close. */
        size_t f = figure_char(u) ? k : q, t = figure_char(u) ? q : k;
        size_t a = f < t ? f : t, e = f < t ? t : f;
        double fx = g[f].x1, tx = g[t].x1;
        for (size_t r = e + 1; r < j; r++) {
            unsigned c = codepoint(g[r].utf8);
            double gap = 0.25 * g[r].size;
            if (figure_char(c) && g[r].x0 - fx < gap)
                fx = dmax(fx, g[r].x1), e = r;
            else if (!figure_char(c) && g[r].x0 - tx < gap)
                tx = dmax(tx, g[r].x1), e = r;
            else
                break;
        }
        /* Stable: the label's characters first. */
        size_t n = e + 1 - a, m = 0;
        pg_glyph *tmp = malloc(n * sizeof *tmp);
        if (!tmp)
            gk_out_of_memory();
        for (size_t r = a; r <= e; r++)
            if (!figure_char(codepoint(g[r].utf8)))
                tmp[m++] = g[r];
        for (size_t r = a; r <= e; r++)
            if (figure_char(codepoint(g[r].utf8)))
                tmp[m++] = g[r];
        memcpy(g + a, tmp, n * sizeof *tmp);
        free(tmp);
        k = e;
    }
}

static void build_lines(page *p)
{
    qsort(p->g, p->ng, sizeof *p->g, by_cy);
    for (size_t i = 0; i < p->ng;) {
        double top = cy_of(&p->g[i]), tol = 0.45 * p->g[i].size;
        size_t j = i + 1;
        while (j < p->ng && cy_of(&p->g[j]) - top <= tol)
            j++;
        qsort(p->g + i, j - i, sizeof *p->g, by_x0);
        unweave(p->g, i, j);
        p->lines = gk_grow(p->lines, &p->lcap, p->nl, sizeof *p->lines);
        pline *l = &p->lines[p->nl++];
        memset(l, 0, sizeof *l);
        l->g0 = i, l->g1 = j;
        l->c0 = p->nc;
        double sum = 0, size = 0;
        for (size_t k = i; k < j; k++) {
            const pg_glyph *g = &p->g[k];
            sum += cy_of(g);
            size = dmax(size, g->size);
            bool fresh = k == i || g->x0 - p->g[k - 1].x1 > 0.8 * dmax(g->size, p->g[k - 1].size) ||
                         (p->g[k - 1].x1 - g->x0 >=
                              0.3 * dmin(g->x1 - g->x0, p->g[k - 1].x1 - p->g[k - 1].x0) &&
                          figure_meets_text(&p->g[k - 1], g)) ||
                         (g->x0 - p->g[k - 1].x1 > 0.25 * dmax(g->size, p->g[k - 1].size) &&
                          (figure_meets_text(&p->g[k - 1], g) ||
                           two_figures(&p->g[k - 1], g) || tag_edge(&p->g[k - 1], g))) ||
                         ideograph_gap(p->g, i, j, k);
            if (fresh) {
                p->ch = gk_grow(p->ch, &p->ccap, p->nc, sizeof *p->ch);
                chunk *c = &p->ch[p->nc++];
                memset(c, 0, sizeof *c);
                c->g0 = k;
                c->x0 = g->x0, c->y0 = g->y0, c->x1 = g->x1, c->y1 = g->y1;
                c->line = (int)(p->nl - 1);
                c->col = c->sub = c->row = -1;
            }
            chunk *c = &p->ch[p->nc - 1];
            c->g1 = k + 1;
            c->x0 = dmin(c->x0, g->x0), c->x1 = dmax(c->x1, g->x1);
            c->y0 = dmin(c->y0, g->y0), c->y1 = dmax(c->y1, g->y1);
        }
        l->c1 = p->nc;
        l->cy = sum / (double)(j - i);
        l->size = size;
        l->x0 = p->g[i].x0;
        l->x1 = p->g[j - 1].x1;
        for (size_t k = l->c0; k < l->c1; k++) {
            chunk *c = &p->ch[k];
            double s = 0, sz = 0;
            for (size_t q = c->g0; q < c->g1; q++) {
                s += cy_of(&p->g[q]);
                sz = dmax(sz, p->g[q].size);
            }
            c->cy = s / (double)(c->g1 - c->g0);
            c->size = sz;
            classify_chunk(p, c);
            l->x1 = dmax(l->x1, c->x1);
        }
        i = j;
    }
}

/* A line's text as it always was: characters left to right, a space where
 * the gap between two is wider than a fifth of their box's height. */
static void plain_text(const page *p, const pline *l, gk_buf *b)
{
    for (size_t k = l->g0; k < l->g1; k++) {
        const pg_glyph *g = &p->g[k];
        if (k > l->g0 && g->x0 - p->g[k - 1].x1 > (g->y1 - g->y0) / 5)
            gk_buf_putc(b, ' ');
        gk_buf_puts(b, g->utf8);
    }
}

/* A chunk's text: its characters, a space only between two letters or
 * digits that stand apart. */
static void chunk_text(const page *p, const chunk *c, gk_buf *b)
{
    for (size_t k = c->g0; k < c->g1; k++) {
        const pg_glyph *g = &p->g[k];
        if (k > c->g0 && is_ascii_alnum((unsigned char)g->utf8[0]) &&
            is_ascii_alnum((unsigned char)p->g[k - 1].utf8[0]) &&
            g->x0 - p->g[k - 1].x1 > 0.25 * g->size)
            gk_buf_putc(b, ' ');
        gk_buf_puts(b, g->utf8);
    }
}

/* ---- Which lines may belong to a table ------------------------------------- */

static bool has(const char *s, const char *w)
{
    return strstr(s, w) != NULL;
}

/* Does the text end in 表 (or 表 and a parenthesis)? */
static bool title_like(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && memcmp(s + n - 3, "）", 3) == 0) {
        const char *open = NULL;
        for (const char *q = s; q < s + n; q++)
            if (starts(q, "（"))
                open = q;
        if (open)
            n = (size_t)(open - s);
    }
    return n >= 9 && memcmp(s + n - 3, "表", 3) == 0;
}

/* A table's number on its own, over its title: "表9", "表 13-1". */
static bool table_number(const char *s)
{
    if (!starts(s, "表"))
        return false;
    s += strlen("表");
    size_t digits = 0;
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (*s != ' ' && *s != '-')
            return false;
    return digits > 0;
}

/* A line that is a table's number alone: "公开01表", "表9". */
static bool number_line(const char *s)
{
    while (*s == ' ')
        s++;
    return (starts(s, "公开") && has(s, "表") && strlen(s) < 24) || table_number(s);
}

/* Lines that are never part of a table's grid: titles, unit and 部门
 * lines, notes, section headings and prose.  ("主管部门" with no colon
 * is a 绩效 form's field, in its grid.)  A sentence starting well in from
 * the page's left edge (`indent` font sizes) is no prose but a wrapped
 * cell's text (a 绩效 form's 指标内容): paragraphs start at the edge or
 * two characters in.  One in a line of three chunks or more is left to
 * the regions (`sentence`): a table row if it stands in their columns. */
static bool excluded_text(const char *s, double width, double page_width, size_t nchunks,
                          double indent, bool *sentence)
{
    while (*s == ' ')
        s++;
    *sentence = false;
    if (!*s)
        return true;
    if (indent < 3.5 && has(s, "。") && nchunks >= 3)
        *sentence = true;
    else if (indent < 3.5 && (has(s, "。") || (nchunks == 1 && width > 0.55 * page_width)))
        return true;                                              /* prose */
    if (starts(s, "注：") || starts(s, "注:") || starts(s, "说明：") || starts(s, "说明:") ||
        (starts(s, "注") && s[3] >= '0' && s[3] <= '9'))
        return true;                                              /* a note */
    if (has(s, "单位：") || has(s, "单位:") || has(s, "编制部门") || has(s, "编制单位") ||
        has(s, "主管部门：") || has(s, "主管部门:") || starts(s, "部门：") || starts(s, "部门:"))
        return true;                                              /* unit, 部门 */
    if ((starts(s, "第") && has(s, "部分")) || (nchunks <= 2 && title_like(s)) ||
        starts(s, "#"))
        return true;                           /* heading (a text's "### …" printed), title */
    return number_line(s);                                        /* 公开01表, 表9 */
}

/* A figure or a code: what a table's body has and its header has not. */
static bool body_chunk(const chunk *c)
{
    return (c->kind == K_AMOUNT && c->ndigits > 0) ||
           (c->kind == K_DIGITS && (c->ndigits == 3 || c->ndigits == 5 || c->ndigits == 7));
}

static const char *const HEADER_WORDS[] = {"项目", "科目", "编码", "名称", "栏次",
                                           "预算数", "决算数", "金额", NULL};

/* A word only a table's header has: 项目, 科目, 编码, 名称, 栏次, 预算数,
 * 决算数, 金额. */
static bool header_word(page *p, const chunk *c)
{
    p->scratch.len = 0;
    chunk_text(p, c, &p->scratch);
    for (const char *const *w = HEADER_WORDS; *w; w++)
        if (has(p->scratch.data, *w))
            return true;
    return false;
}

/* Is the text one of a 绩效 form's column headers? */
static bool form_head(const char *s)
{
    static const char *const WORDS[] = {"一级指标", "二级指标", "三级指标", "指标内容", "指标值",
                                        "年度指标值", "实际完成值", "分值", "得分", NULL};
    for (const char *const *w = WORDS; *w; w++)
        if (!strcmp(s, *w))
            return true;
    return false;
}

/* Chunks of line l that are an indicator column's header, whole: a table
 * with no figure in it, a blank 绩效 form, starts at a line of three.
 * (Not 项目, 科目名称, 决算数: a blank table of codes is no grid, its codes
 * standing where figures would.) */
static size_t column_heads(page *p, const pline *l)
{
    size_t n = 0;
    for (size_t k = l->c0; k < l->c1; k++) {
        p->scratch.len = 0;
        chunk_text(p, &p->ch[k], &p->scratch);
        n += form_head(p->scratch.data);
    }
    return n;
}

/* The page's number, alone on the last line: "13", "- 13 -", "第13页",
 * and with the count of pages: "第6页，共45页", "6/45". */
static bool foot_number(page *p, const pline *l)
{
    p->scratch.len = 0;
    plain_text(p, l, &p->scratch);
    const char *s = p->scratch.data;
    for (int part = 0; part < 2; part++) {
        while (*s == ' ' || *s == '-' || starts(s, "—") || starts(s, part ? "共" : "第"))
            s += *s == ' ' || *s == '-' ? 1 : 3;
        size_t digits = 0;
        while (*s >= '0' && *s <= '9')
            s++, digits++;
        if (digits < 1 || digits > 4)
            return false;
        while (*s == ' ' || *s == '-' || starts(s, "—") || starts(s, "页"))
            s += *s == ' ' || *s == '-' ? 1 : 3;
        if (!*s)
            return true;
        if (part == 0 && (*s == ',' || *s == '/'))
            s++;
        else if (part == 0 && (starts(s, "，") || starts(s, "、") || starts(s, "／")))
            s += 3;
        else if (!(part == 0 && starts(s, "共")))
            return false;
    }
    return false;
}

/* Does line l hold whole numbers after a label: two side by side, right
 * of a text chunk ("完成 6 6", "金额合计 182 182"), not 1 2 3 …, no year?  Figures of a form
 * counted in units, with no point.  A code stands before its name, never
 * after a label; a date's numbers have words between them. */
static bool counts_line(page *p, const pline *l)
{
    bool label = false, pair = false, numbering = true;
    long last = -1;
    for (size_t k = l->c0; k < l->c1; k++) {
        const chunk *c = &p->ch[k];
        if (c->kind == K_TEXT) {
            label = true;
            continue;
        }
        if (!label || c->kind != K_DIGITS)
            continue;
        /* (A year, "2022 年", is no count.) */
        if (k + 1 < l->c1 && starts(p->g[p->ch[k + 1].g0].utf8, "年"))
            return false;
        pair |= k + 1 < l->c1 && p->ch[k + 1].kind == K_DIGITS;
        p->scratch.len = 0;
        chunk_text(p, c, &p->scratch);
        long v = atol(p->scratch.data);
        numbering &= last < 0 || v == last + 1;
        last = v;
    }
    /* (Not columns' numbers 1 2 3 … after labels that are no 栏次.) */
    return pair && !numbering;
}

static void classify_lines(page *p)
{
    double left = 1e18;
    for (size_t i = 0; i < p->nl; i++)
        left = dmin(left, p->lines[i].x0);
    for (size_t i = 0; i < p->nl; i++) {
        pline *l = &p->lines[i];
        p->scratch.len = 0;
        plain_text(p, l, &p->scratch);
        l->excluded = excluded_text(p->scratch.data, l->x1 - l->x0, p->width, l->c1 - l->c0,
                                    l->size > 0 ? (l->x0 - left) / l->size : 0, &l->sentence);
        for (size_t k = l->c0; k < l->c1; k++) {
            const chunk *c = &p->ch[k];
            l->amount |= c->kind == K_AMOUNT && c->ndigits > 0;
        }
        l->counts = !l->excluded && !l->sentence && counts_line(p, l);
        /* The line atop the page before, atop this one again and set apart
         * from what follows ("XX局2026年度部门预算公开"), is a running
         * header: no row of the table going on from that page.  A title,
         * unit line or table header printed again is none. */
        if (i == 0 && p->nl > 1 && !l->excluded && !l->amount && p->top_before &&
            p->top_before->len && strcmp(p->scratch.data, p->top_before->data) == 0 &&
            p->lines[1].cy - l->cy > 2 * dmax(l->size, p->lines[1].size)) {
            bool header = false;
            for (size_t k = l->c0; k < l->c1 && !header; k++)
                header = header_word(p, &p->ch[k]);
            l->excluded = l->running = !header;
        }
        /* Column numbers 1, 2, 3 … (after a label): a table's 栏次 line,
         * which starts a table as a figure does (a table with no figure
         * in it, its rows printed blank). */
        /* (A label before them, or before each side's: "栏次 1 栏次 2 3".) */
        int next = 1, labels = 0;
        for (size_t k = l->c0; k < l->c1 && next > 0; k++) {
            const chunk *c = &p->ch[k];
            p->scratch.len = 0;
            chunk_text(p, c, &p->scratch);
            if (c->kind == K_TEXT && (k == l->c0 || has(p->scratch.data, "栏次")) && labels < 2)
                labels++;
            else
                next = c->kind == K_DIGITS && c->ndigits <= 2 && atoi(p->scratch.data) == next
                           ? next + 1 : 0;
        }
        l->numbers = !l->excluded && next > 3;
        l->heads = !l->excluded && column_heads(p, l) >= 3;
    }
    /* The page's number under a table is no row of it. */
    if (p->nl > 1 && foot_number(p, &p->lines[p->nl - 1]))
        p->lines[p->nl - 1].excluded = true;
    /* A title cut into chunks (OCR'd words, a spaced print: "财政 | 拨款收入 |
     * 支出决算总表") over its table's number ("公开04表") is a title all the
     * same: no row of the table above it, however it stands in its columns. */
    for (size_t i = 0; i + 1 < p->nl; i++) {
        pline *l = &p->lines[i];
        if (l->excluded || l->amount)
            continue;
        p->scratch.len = 0;
        plain_text(p, &p->lines[i + 1], &p->scratch);
        if (!number_line(p->scratch.data))
            continue;
        p->scratch.len = 0;
        plain_text(p, l, &p->scratch);
        l->excluded = title_like(p->scratch.data);
    }
}

/* ---- Regions ------------------------------------------------------------------ */

typedef struct region {
    size_t l0, l1;        /* lines [l0, l1] */
    bool blank;           /* blank rows of a table whose header ended the page before */
} region;

/* May line j join a region whose nearest line is k: no title, unit, note,
 * heading or prose, and no more than `gap` font sizes away? */
static bool joins(const page *p, size_t j, size_t k, double gap)
{
    const pline *l = &p->lines[j], *n = &p->lines[k];
    return !l->excluded && dabs(l->cy - n->cy) <= gap * dmax(l->size, n->size);
}

/* How many chunks of line j stand over or under a chunk of lines [a, b]? */
static size_t aligned_chunks(const page *p, size_t j, size_t a, size_t b)
{
    const pline *l = &p->lines[j];
    size_t n = 0;
    for (size_t k = l->c0; k < l->c1; k++) {
        bool over = false;
        for (size_t i = p->lines[a].c0; i < p->lines[b].c1 && !over; i++)
            over = dmin(p->ch[k].x1, p->ch[i].x1) - dmax(p->ch[k].x0, p->ch[i].x0) > 0.5;
        n += over;
    }
    return n;
}

/* Does each chunk of line j stand over or under a chunk of lines [a, b]? */
static bool aligned(const page *p, size_t j, size_t a, size_t b)
{
    return aligned_chunks(p, j, a, b) == p->lines[j].c1 - p->lines[j].c0;
}

/* May line j join the region [a, b] beside its line k: as joins(), and a
 * sentence among cells only where its chunks stand in the region's
 * columns, all but one at most (a 绩效 form's row, whose 指标值 may stand
 * left of its centred header; not the prose after a table). */
static bool joins_region(const page *p, size_t j, size_t k, double gap, size_t a, size_t b)
{
    const pline *l = &p->lines[j];
    return joins(p, j, k, gap) && (!l->sentence || aligned_chunks(p, j, a, b) + 1 >= l->c1 - l->c0);
}

/* Does line j print chunks of the header of lines [a, f) again: no figure,
 * each of its chunks (`min` at least) one of the header's, a header word
 * among them? */
static bool header_again(const page *p, size_t j, size_t a, size_t f, size_t min,
                         const gk_buf *carried)
{
    const pline *l = &p->lines[j];
    bool from_carry = f <= a && carried && carried->len;
    if (l->amount || (f <= a && !from_carry) || l->c1 - l->c0 < min)
        return false;
    gk_buf t = GK_BUF_INIT, h = GK_BUF_INIT;
    bool all = true, word = false;
    for (size_t k = l->c0; k < l->c1 && all; k++) {
        t.len = 0;
        chunk_text(p, &p->ch[k], &t);
        bool found = false;
        /* (The carried header: its chunks' texts, each ended by a tab.) */
        for (const char *q = from_carry ? carried->data : NULL; q && !found;) {
            const char *e = memchr(q, '\t', carried->len - (size_t)(q - carried->data));
            if (!e)
                break;
            found = (size_t)(e - q) == t.len && !memcmp(q, t.data, t.len);
            q = e + 1 < carried->data + carried->len ? e + 1 : NULL;
        }
        for (size_t i = a; i < f && !found; i++)
            for (size_t q = p->lines[i].c0; q < p->lines[i].c1 && !found; q++) {
                h.len = 0;
                chunk_text(p, &p->ch[q], &h);
                found = !strcmp(t.data, h.data);
            }
        all = found;
        for (const char *const *w = HEADER_WORDS; *w && !word; w++)
            word = has(t.data, *w);
    }
    gk_buf_free(&t);
    gk_buf_free(&h);
    return all && word;
}

/* How many header words line j has (no figure in it: else none). */
static size_t header_words(const page *p, size_t j)
{
    const pline *l = &p->lines[j];
    if (l->amount)
        return 0;
    gk_buf t = GK_BUF_INIT;
    size_t n = 0;
    for (size_t k = l->c0; k < l->c1; k++) {
        t.len = 0;
        chunk_text(p, &p->ch[k], &t);
        for (const char *const *w = HEADER_WORDS; *w; w++)
            n += has(t.data, *w);
    }
    gk_buf_free(&t);
    return n;
}

/* Does line j, below the rows, begin the header of lines [a, f) printed
 * again (a table continued under its header printed anew, on the same
 * page): a line of two of its chunks or more, or one of them ("项目")
 * over such a line or a line of two header words or more with no figure
 * (its cells run into one chunk)?  Then the region ends above it and the rest is a
 * table of its own, as the text prints it.  (One chunk alone is no
 * header: a label's wrapped end can be "项目".)  A region with no header
 * of its own, first on its page, compares with the header of the table
 * carried over from the page before, `carried`. */
static bool repeats_header(const page *p, size_t j, size_t a, size_t f, const gk_buf *carried)
{
    return header_again(p, j, a, f, 2, carried) ||
           (header_again(p, j, a, f, 1, carried) && j + 1 < p->nl &&
            (header_again(p, j + 1, a, f, 2, carried) || header_words(p, j + 1) >= 2));
}

static double overlap(double a0, double a1, double b0, double b1);

/* Is line j a row of labels only, its first chunk in the column x0..x1:
 * a blank row ("预算数", no figure in its cells)? */
static bool label_row(const page *p, size_t j, double x0, double x1)
{
    const pline *l = &p->lines[j];
    if (l->excluded || l->sentence || l->amount || l->numbers || l->c1 == l->c0)
        return false;
    for (size_t k = l->c0; k < l->c1; k++)
        if (p->ch[k].kind != K_TEXT)
            return false;
    return overlap(p->ch[l->c0].x0, p->ch[l->c0].x1, x0, x1) > 0.5;
}

/* The regions of a page, in order.  At the top of a page after a table
 * that ran to the foot of the last with its header only (its column
 * numbers the last line there), lines of labels standing in its first
 * column are its rows, blank ones: a region of their own (`blank`). */
static size_t find_regions(const page *p, region *out, const pg_carry *carry)
{
    bool carry_open = carry && carry->open;
    const gk_buf *carried = carry_open ? &carry->header : NULL;
    size_t n = 0;
    for (size_t i = 0; i < p->nl;) {
        const pline *l = &p->lines[i];
        bool at_top = n == 0;
        for (size_t k = 0; k < i && at_top; k++)
            at_top = p->lines[k].running;
        if (carry_open && carry->rowless && carry->ncols > 0 && at_top &&
            label_row(p, i, carry->cols[0].x0, carry->cols[0].x1)) {
            size_t b = i;
            while (b + 1 < p->nl && joins(p, b + 1, b, 3.0) &&
                   label_row(p, b + 1, carry->cols[0].x0, carry->cols[0].x1))
                b++;
            out[n].l0 = i;
            out[n].l1 = b;
            out[n].blank = true;
            n++;
            i = b + 1;
            continue;
        }
        /* (At the top of a page after a table that ran to the foot of the
         * last, a code starts its rows too: the blank rows it goes on with,
         * "310 资本性支出".) */
        bool code = carry_open && i == 0 && l->c1 > l->c0 && p->ch[l->c0].kind == K_DIGITS &&
                    body_chunk(&p->ch[l->c0]);
        if (l->excluded || l->sentence ||
            !(l->amount || l->counts || l->numbers || l->heads || code) ||
            l->c1 - l->c0 < 2) {
            i++;
            continue;
        }
        size_t a = i, b = i;
        while (a > 0 && (n == 0 || a - 1 > out[n - 1].l1) && joins_region(p, a - 1, a, 5.0, a, b))
            a--;
        /* Reaching up to a region of whole numbers only (no amount: its
         * rows' spacing unknown to it), the two are one. */
        if (n > 0 && !out[n - 1].blank && a > 0 && a - 1 == out[n - 1].l1 &&
            joins_region(p, a - 1, a, 5.0, a, b)) {
            bool amounts = false;
            for (size_t k = out[n - 1].l0; k <= out[n - 1].l1 && !amounts; k++)
                amounts = p->lines[k].amount;
            if (!amounts)
                a = out[--n].l0;
        }
        /* Down, also past blank rows to a line of figures in the region's
         * columns (总计 under a table's empty rows). */
        /* (And a line of labels in the region's columns as far below as
         * its rows of figures stand apart: rows with blank amounts in a
         * table of tall rows, "三、事业单位经营服务收入 | 三、事业单位经营
         * 支出" between rows 38 points apart.) */
        double pitch = 0;
        while (b + 1 < p->nl && !repeats_header(p, b + 1, a, i, n == 0 ? carried : NULL) &&
               (joins_region(p, b + 1, b, 3.0, a, b) ||
                (p->lines[b + 1].amount && p->lines[b + 1].c1 - p->lines[b + 1].c0 >= 2 &&
                 joins(p, b + 1, b, 25.0) && aligned(p, b + 1, a, b)) ||
                (pitch > 0 && !p->lines[b + 1].sentence &&
                 p->lines[b + 1].cy - p->lines[b].cy <= 1.2 * pitch && joins(p, b + 1, b, 5.0) &&
                 aligned(p, b + 1, a, b)))) {
            if (p->lines[b + 1].amount && p->lines[b].amount && b >= i)
                pitch = dmax(pitch, p->lines[b + 1].cy - p->lines[b].cy);
            b++;
        }
        /* Two lines of two cells at least: a table, not a figure in prose
         * (one line at the top of a page may end the table before it). */
        size_t multi = 0;
        for (size_t k = a; k <= b; k++)
            multi += p->lines[k].c1 - p->lines[k].c0 >= 2;
        bool top = true;            /* nothing above it but the running header */
        for (size_t k = 0; k < a && top; k++)
            top = p->lines[k].running;
        if (multi >= 2 || (carry_open && n == 0 && top && multi == 1)) {
            out[n].l0 = a;
            out[n].l1 = b;
            out[n].blank = false;
            n++;
        }
        i = b + 1;
    }
    return n;
}

/* ---- Columns --------------------------------------------------------------------- */

typedef struct grid {
    page *p;
    size_t *cs;           /* the region's chunks */
    size_t ncs, cscap;
    size_t body_from;     /* first body chunk in cs (header chunks before) */
    column *cols;
    int ncols, colcap;
} grid;

/* qsort has no context: the page being sorted, per thread. */
static _Thread_local const page *sort_page;

static int by_chunk_x0(const void *a, const void *b)
{
    const chunk *x = &sort_page->ch[*(const size_t *)a], *y = &sort_page->ch[*(const size_t *)b];
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Top to bottom (by line), then left to right. */
static int by_chunk_y(const void *a, const void *b)
{
    const chunk *x = &sort_page->ch[*(const size_t *)a], *y = &sort_page->ch[*(const size_t *)b];
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int by_col_x0(const void *a, const void *b)
{
    const column *x = a, *y = b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static column *add_column(grid *gr)
{
    if (gr->ncols == gr->colcap) {
        size_t cap = (size_t)gr->colcap;
        gr->cols = gk_grow(gr->cols, &cap, (size_t)gr->ncols, sizeof *gr->cols);
        gr->colcap = (int)cap;
    }
    column *c = &gr->cols[gr->ncols++];
    memset(c, 0, sizeof *c);
    return c;
}

/* Intervals of chunks (sorted by x0) merged where they overlap. */
typedef struct span {
    double x0, x1;
    size_t text, amount, digits, short_digits, tiny_digits, totals, total;
} span;

/* Is the chunk a 合计 or 总计 label (alone)? */
static bool total_chunk(const page *p, const chunk *c)
{
    char buf[32];
    size_t n = 0;
    for (size_t k = c->g0; k < c->g1; k++) {
        size_t len = strlen(p->g[k].utf8);
        if (n + len >= sizeof buf)
            return false;
        memcpy(buf + n, p->g[k].utf8, len);
        n += len;
    }
    buf[n] = '\0';
    return !strcmp(buf, "合计") || !strcmp(buf, "总计");
}

/* Spans of chunks idx[0..n) whose extents are x0[i], x1[i] (sorted by x0). */
static size_t spans_from(const page *p, const size_t *idx, const double *x0, const double *x1,
                         size_t n, span **out, size_t *cap)
{
    size_t ns = 0;
    for (size_t i = 0; i < n; i++) {
        const chunk *c = &p->ch[idx[i]];
        if (ns == 0 || x0[i] > (*out)[ns - 1].x1 + 0.3) {
            *out = gk_grow(*out, cap, ns, sizeof **out);
            memset(&(*out)[ns], 0, sizeof **out);
            (*out)[ns].x0 = x0[i];
            (*out)[ns].x1 = x1[i];
            ns++;
        }
        span *s = &(*out)[ns - 1];
        s->x1 = dmax(s->x1, x1[i]);
        s->total++;
        if (c->kind == K_TEXT) {
            s->text++;
            s->totals += total_chunk(p, c);
        } else if (c->kind == K_AMOUNT)
            s->amount++;
        else {
            s->digits++;
            s->short_digits += c->ndigits <= 7;
            s->tiny_digits += c->ndigits <= 2 && p->g[c->g0].utf8[0] != '0';
        }
    }
    return ns;
}

static size_t spans_of(const page *p, const size_t *idx, size_t n, span **out, size_t *cap)
{
    double *x0 = malloc((n ? n : 1) * sizeof *x0), *x1 = malloc((n ? n : 1) * sizeof *x1);
    if (!x0 || !x1)
        gk_out_of_memory();
    for (size_t i = 0; i < n; i++) {
        x0[i] = p->ch[idx[i]].x0;
        x1[i] = p->ch[idx[i]].x1;
    }
    size_t ns = spans_from(p, idx, x0, x1, n, out, cap);
    free(x0);
    free(x1);
    return ns;
}

typedef struct edge {
    double x;
    int delta;
} edge;

static int by_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->x != y->x)
        return x->x < y->x ? -1 : 1;
    return x->delta - y->delta;                  /* ends first */
}

/* qsort has no context: the extents being sorted by, per thread. */
static _Thread_local const double *sort_x0;

static int by_cut_x0(const void *a, const void *b)
{
    double x = sort_x0[*(const size_t *)a], y = sort_x0[*(const size_t *)b];
    return x < y ? -1 : x > y;
}

/* Spans of a table's body, where a few chunks wider than their cells (a
 * long label overflowing into the figures' cell beside it, a word that
 * did not wrap) do not join two columns: along the x axis, a stretch that
 * two chunks at most cross, between stretches that four or more and three
 * times as many cross on both sides, is a gap between columns.  A chunk
 * belongs to the side its middle is on, its extent cut at the gap. */
static size_t body_spans(const page *p, const size_t *idx, size_t n, span **out, size_t *cap)
{
    edge *e = malloc((2 * n + 1) * sizeof *e);
    double *x0 = malloc((n ? n : 1) * sizeof *x0), *x1 = malloc((n ? n : 1) * sizeof *x1);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    double *cut = malloc((2 * n + 2) * sizeof *cut);     /* gaps: [cut[2k], cut[2k+1]] */
    if (!e || !x0 || !x1 || !order || !cut)
        gk_out_of_memory();
    for (size_t i = 0; i < n; i++) {
        e[2 * i].x = p->ch[idx[i]].x0, e[2 * i].delta = 1;
        e[2 * i + 1].x = p->ch[idx[i]].x1, e[2 * i + 1].delta = -1;
    }
    qsort(e, 2 * n, sizeof *e, by_edge);
    /* Coverage between consecutive edges: seg k is [e[k].x, e[k+1].x). */
    size_t nseg = n ? 2 * n - 1 : 0, ncut = 0;
    int *cov = malloc((nseg ? nseg : 1) * sizeof *cov);
    if (!cov)
        gk_out_of_memory();
    int c = 0;
    for (size_t k = 0; k < nseg; k++) {
        c += e[k].delta;
        cov[k] = c;
    }
    for (size_t k = 0; k < nseg;) {
        /* A run of covered segments: a span as spans_of makes them. */
        if (cov[k] == 0) {
            k++;
            continue;
        }
        size_t a = k;
        while (k < nseg && (cov[k] > 0 || e[k + 1].x - e[k].x <= 0.3))
            k++;
        size_t b = k;                            /* segments [a, b) */
        for (size_t v = a; v < b;) {
            if (cov[v] > 2) {
                v++;
                continue;
            }
            size_t w = v;
            int low = 0;
            while (w < b && cov[w] <= 2) {
                if (e[w + 1].x - e[w].x > 0.01)      /* (not where edges meet) */
                    low = cov[w] > low ? cov[w] : low;
                w++;
            }
            int left = 0, right = 0;
            for (size_t q = a; q < v; q++)
                left = cov[q] > left ? cov[q] : left;
            for (size_t q = w; q < b; q++)
                right = cov[q] > right ? cov[q] : right;
            int peak = left < right ? left : right;
            if (v > a && w < b && peak >= 4 && peak >= 3 * (low ? low : 1)) {
                cut[ncut++] = e[v].x;
                cut[ncut++] = e[w].x;
            }
            v = w;
        }
    }
    free(cov);
    free(e);
    /* Each chunk on the side of its middle, its extent cut at the gaps. */
    for (size_t i = 0; i < n; i++) {
        const chunk *ch = &p->ch[idx[i]];
        double m = (ch->x0 + ch->x1) / 2;
        x0[i] = ch->x0, x1[i] = ch->x1;
        for (size_t g = 0; g < ncut; g += 2) {
            /* (Across the whole gap, its middle in it: a label on the
             * side it starts on, a figure on the side it ends on.) */
            if (m >= cut[g] && m <= cut[g + 1] && x0[i] < cut[g] && x1[i] > cut[g + 1])
                m = ch->kind == K_TEXT ? cut[g] - 1 : cut[g + 1] + 1;
            if (m < cut[g] && x1[i] > cut[g])
                x1[i] = dmax(x0[i], cut[g]);
            if (m > cut[g + 1] && x0[i] < cut[g + 1])
                x0[i] = dmin(x1[i], cut[g + 1]);
        }
        order[i] = i;
    }
    size_t ns;
    if (ncut == 0) {
        ns = spans_from(p, idx, x0, x1, n, out, cap);
    } else {
        /* Sorted again by the cut extents. */
        size_t *sidx = malloc(n * sizeof *sidx);
        double *sx0 = malloc(n * sizeof *sx0), *sx1 = malloc(n * sizeof *sx1);
        if (!sidx || !sx0 || !sx1)
            gk_out_of_memory();
        sort_x0 = x0;
        qsort(order, n, sizeof *order, by_cut_x0);
        for (size_t i = 0; i < n; i++) {
            sidx[i] = idx[order[i]];
            sx0[i] = x0[order[i]];
            sx1[i] = x1[order[i]];
        }
        ns = spans_from(p, sidx, sx0, sx1, n, out, cap);
        free(sidx);
        free(sx0);
        free(sx1);
    }
    free(x0);
    free(x1);
    free(order);
    free(cut);
    return ns;
}

/* Does the column of whole numbers sp[s] anchor rows as codes or row
 * numbers do?  Its numbers run on from row to row (行次 1, 2, 3; a page's
 * 24, 25, 26), or a header over it names it (行次, 序号, 编码 …), or it has
 * a number in as many rows as the table's figures (a form's 指标值 100, 3,
 * 90 beside scores 4, 2, 2).  Whole numbers that do none of these ("10"
 * and "100" in two rows of a form that scores nine: a row printed as a
 * table of its own) are figures, and anchor no row. */
static bool numbered_column(const grid *gr, const span *sp, size_t ns, size_t s)
{
    page *p = gr->p;
    double x0 = sp[s].x0, x1 = sp[s].x1;
    size_t most = 0;
    for (size_t i = 0; i < ns; i++)
        if (i != s && sp[i].amount + sp[i].digits > most)
            most = sp[i].amount + sp[i].digits;
    if (2 * sp[s].digits >= most)
        return true;
    static const char *const names[] = {"行次", "序号", "编号", "编码", "代码", "科目"};
    for (size_t i = 0; i < gr->body_from; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        if (overlap(c->x0, c->x1, x0, x1) <= 0)
            continue;
        p->scratch.len = 0;
        chunk_text(p, c, &p->scratch);
        for (size_t k = 0; k < sizeof names / sizeof *names; k++)
            if (has(p->scratch.data, names[k]))
                return true;
    }
    long last = 0;
    size_t n = 0, steps = 0;
    bool rising = true;
    for (size_t i = gr->body_from; i < gr->ncs; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        double m = (c->x0 + c->x1) / 2;
        if (c->kind != K_DIGITS || m < x0 || m > x1)
            continue;
        p->scratch.len = 0;
        chunk_text(p, c, &p->scratch);
        long v = atol(p->scratch.data);
        if (n > 0) {
            rising &= v > last;
            steps += v == last + 1;
        }
        last = v;
        n++;
    }
    return n < 2 || (rising && 2 * steps >= n - 1);
}

/* Columns from the body's chunks: runs of digit columns before a text
 * column are the parts of one code column. */
static void body_columns(grid *gr)
{
    page *p = gr->p;
    size_t nb = gr->ncs - gr->body_from;
    size_t *idx = malloc((nb ? nb : 1) * sizeof *idx);
    if (!idx)
        gk_out_of_memory();
    memcpy(idx, gr->cs + gr->body_from, nb * sizeof *idx);
    sort_page = p;
    qsort(idx, nb, sizeof *idx, by_chunk_x0);
    span *sp = NULL;
    size_t cap = 0, ns = body_spans(p, idx, nb, &sp, &cap);
    free(idx);
    /* (A code column may hold the 合计 row's label, printed in the codes'
     * cell: more codes than labels.  A code split into parts has a 类 of
     * three digits and 款, 项 of two with a leading 0 where they stand
     * alone: columns of digits side by side each half of numbers such as
     * "5" or "10" are of counts, "5 | 5", "182 | 182".  One column of one or two
     * digits anchors rows as codes do (行次 1, 2, 3), and so does one
     * before a column of codes.) */
    size_t counts_to = 0;           /* spans before it: counts, no code */
    for (size_t i = 0; i < ns;) {
        bool digits = sp[i].digits + sp[i].totals == sp[i].total &&
                      sp[i].short_digits == sp[i].digits && sp[i].digits > sp[i].totals &&
                      i >= counts_to;
        size_t j = i;
        if (digits) {
            while (j + 1 < ns && j + 1 - i < MAX_PARTS && sp[j + 1].digits == sp[j + 1].total &&
                   sp[j + 1].short_digits == sp[j + 1].total)
                j++;
            bool text_after = j + 1 < ns && sp[j + 1].text * 2 > sp[j + 1].total;
            bool counts = j > i;
            for (size_t k = i; k <= j && counts; k++)
                counts = sp[k].tiny_digits * 2 >= sp[k].digits;
            if (counts)
                counts_to = j + 1;
            /* (One column of numbers half of one or two digits: row
             * numbers only when they run on, or the header says so.) */
            if (j == i && text_after && sp[i].tiny_digits * 2 >= sp[i].digits &&
                !numbered_column(gr, sp, ns, i))
                text_after = false;
            if (!text_after || j + 1 == counts_to)
                j = i;
            else {
                column *c = add_column(gr);
                c->kind = C_CODE;
                c->x0 = sp[i].x0;
                c->x1 = sp[j].x1;
                for (size_t k = i; k <= j; k++) {
                    c->part_x0[c->nparts] = sp[k].x0;
                    c->part_x1[c->nparts++] = sp[k].x1;
                }
                i = j + 1;
                continue;
            }
        }
        column *c = add_column(gr);
        c->kind = sp[i].text * 2 > sp[i].total ? C_TEXT : C_NUM;
        c->amounts = sp[i].amount > 0;
        c->nchunks = sp[i].total;
        c->x0 = sp[i].x0;
        c->x1 = sp[i].x1;
        i++;
    }
    free(sp);
}

static double overlap(double a0, double a1, double b0, double b1)
{
    return dmin(a1, b1) - dmax(a0, b0);
}

/* Is header chunk o the next line of c, wrapped in one column's cell: c
 * stands over that column alone and covers it (to a size and a half of
 * each edge: a full line), o is close below (1.7 sizes), starts where c does or is centred
 * under it, and is no wider?  ("部门预算支出经济" / "分类科目（按大" / "类）":
 * one header, not a group over the columns below.) */
static bool wraps_into(const grid *gr, const chunk *c, const chunk *o)
{
    double size = dmax(c->size, o->size);
    if (c->kind != K_TEXT || o->kind != K_TEXT || o->cy - c->cy > 1.7 * size ||
        o->x1 - o->x0 > c->x1 - c->x0 + 0.5 * size)
        return false;
    if (dabs(o->x0 - c->x0) > 0.5 * size &&
        dabs((o->x0 + o->x1) / 2 - (c->x0 + c->x1) / 2) > 0.5 * size)
        return false;
    int over = -1, n = 0;
    for (int k = 0; k < gr->ncols; k++)
        if (overlap(c->x0, c->x1, gr->cols[k].x0, gr->cols[k].x1) > 0.5) {
            over = k;
            n++;
        }
    return n == 1 && c->x1 >= gr->cols[over].x1 - 1.5 * size &&
           c->x0 <= gr->cols[over].x0 + 1.5 * size;
}

/* Does header chunk o go on from the chunk above it in its column, among
 * cs[0..n): the next line of a header wrapped in its cell? */
static bool wraps_on(const grid *gr, const size_t *cs, size_t n, const chunk *o)
{
    const chunk *above = NULL;
    for (size_t i = 0; i < n; i++) {
        const chunk *c = &gr->p->ch[cs[i]];
        if (c != o && c->col == o->col && c->cy < o->cy - 0.3 * o->size &&
            (!above || c->cy > above->cy))
            above = c;
    }
    return above && wraps_into(gr, above, o);
}

/* A header chunk with no other below it: the header of one column (a
 * header with others under it heads a group of columns).  Column numbers
 * (栏次 "1" "2" … under the headers) number columns, they head none: the
 * second line of a wrapped header over its number is still a leaf. */
static bool leaf(const grid *gr, size_t i)
{
    const chunk *c = &gr->p->ch[gr->cs[i]];
    for (size_t j = 0; j < gr->body_from; j++) {
        const chunk *o = &gr->p->ch[gr->cs[j]];
        if (c->kind == K_TEXT && o->kind == K_DIGITS && o->ndigits <= 2)
            continue;
        if (o->cy > c->cy + 0.3 * c->size && overlap(c->x0, c->x1, o->x0, o->x1) > 0.5 &&
            !wraps_into(gr, c, o))
            return false;
    }
    return true;
}

/* A column's number: a number of a line of them (栏次 1 2 3). */
static bool column_number(const page *p, const chunk *c)
{
    return c->kind == K_DIGITS && c->ndigits <= 2 && p->lines[c->line].numbers;
}

/* Column k of figures, when no header chunk of its kind — a column number
 * (`numbers`), else a leaf — stands over it, reaches over the one nearest
 * its middle within its tile (halfway to the columns beside it).  A column
 * number must stand over no column: each numbers one. */
static void take_nearest(const grid *gr, int k, bool numbers, const bool *leaves, double *x0,
                         double *x1)
{
    const page *p = gr->p;
    for (size_t i = 0; i < gr->body_from; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        if ((numbers ? column_number(p, c) : leaves[i]) && overlap(c->x0, c->x1, x0[k], x1[k]) > 0.5)
            return;
    }
    double left = k > 0 ? (gr->cols[k - 1].x1 + gr->cols[k].x0) / 2 : -1e9;
    double right = k + 1 < gr->ncols ? (gr->cols[k].x1 + gr->cols[k + 1].x0) / 2 : 1e9;
    double mid = (gr->cols[k].x0 + gr->cols[k].x1) / 2, best_d = 1e18;
    const chunk *best = NULL;
    for (size_t i = 0; i < gr->body_from; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        bool candidate = numbers ? column_number(p, c) : leaves[i];
        for (int j = 0; j < gr->ncols && candidate && numbers; j++)
            candidate = overlap(c->x0, c->x1, x0[j], x1[j]) <= 0.5;
        double m = (c->x0 + c->x1) / 2;
        if (candidate && m > left && m < right && dabs(m - mid) < best_d) {
            best_d = dabs(m - mid);
            best = c;
        }
    }
    /* None in its tile: a header left-aligned in a wide cell whose
     * figures are right-aligned stands nearer the column before.  The
     * nearest leaf left of the column, over no column, past the column
     * before it, is its header. */
    for (size_t i = 0; i < gr->body_from && !best && !numbers && k > 0; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        bool candidate = leaves[i] && c->x0 > x1[k - 1] && c->x1 < x0[k];
        for (int j = 0; j < gr->ncols && candidate; j++)
            candidate = overlap(c->x0, c->x1, x0[j], x1[j]) <= 0.5;
        for (size_t q = 0; q < gr->body_from && candidate; q++) {
            const chunk *o = &p->ch[gr->cs[q]];     /* another leaf nearer */
            candidate = !(leaves[q] && o != c && o->x0 > c->x1 && o->x1 < x0[k]);
        }
        if (candidate) {
            best = c;
            gr->cols[k].lead_x0 = c->x0;
        }
    }
    if (best) {
        x0[k] = dmin(x0[k], best->x0);
        x1[k] = dmax(x1[k], best->x1);
    }
}

/* Does the header hold three of a 绩效 form's column headers, on one line
 * or wrapped in their cells ("二级" / "指标", "分" / "值")? */
static bool form_header(const grid *gr)
{
    page *p = gr->p;
    size_t n = 0;
    gk_buf t = GK_BUF_INIT;
    for (size_t i = 0; i < gr->body_from; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        if (p->lines[c->line].heads) {
            n = 3;                  /* a line of indicator headers */
            break;
        }
        t.len = 0;
        chunk_text(p, c, &t);
        bool found = form_head(t.data);
        size_t len = t.len;
        for (size_t j = 0; j < gr->body_from && !found; j++) {
            const chunk *o = &p->ch[gr->cs[j]];
            if (o->line == c->line || o->cy <= c->cy || o->cy - c->cy > 1.7 * c->size ||
                dabs(o->x0 - c->x0) > 0.5 * c->size)
                continue;
            t.len = len;
            t.data[len] = '\0';
            chunk_text(p, o, &t);
            found = form_head(t.data);
        }
        n += found;
    }
    gk_buf_free(&t);
    return n >= 3;
}

/* A 绩效 form (its header has a line of indicator headers, 一级指标 二级
 * 指标 …): a column of text under two of the header's cells or more, set
 * apart by a gap no header text crosses, is as many columns, cut in the
 * gaps with text on both sides.  (A row printed as a table of its own,
 * its cells fewer and wider than the form's, runs over the form's columns
 * and joins them: "满意度指标(10分) 服务对象满意度指标 …".) */
static void split_under_headers(grid *gr)
{
    page *p = gr->p;
    if (!form_header(gr))
        return;
    /* The header's extents, merged where they overlap. */
    size_t nh = gr->body_from;
    double *h0 = malloc((nh ? nh : 1) * sizeof *h0), *h1 = malloc((nh ? nh : 1) * sizeof *h1);
    if (!h0 || !h1)
        gk_out_of_memory();
    size_t *idx = malloc((nh ? nh : 1) * sizeof *idx);
    if (!idx)
        gk_out_of_memory();
    memcpy(idx, gr->cs, nh * sizeof *idx);
    sort_page = p;
    qsort(idx, nh, sizeof *idx, by_chunk_x0);
    size_t ni = 0;
    for (size_t i = 0; i < nh; i++) {
        const chunk *c = &p->ch[idx[i]];
        if (ni > 0 && c->x0 <= h1[ni - 1] + 0.5) {
            h1[ni - 1] = dmax(h1[ni - 1], c->x1);
            continue;
        }
        h0[ni] = c->x0;
        h1[ni++] = c->x1;
    }
    free(idx);
    for (int k = 0; k < gr->ncols; k++) {
        column *col = &gr->cols[k];
        if (col->kind != C_TEXT)
            continue;
        for (size_t g = 0; g + 1 < ni; g++) {
            double cut = (h1[g] + h0[g + 1]) / 2;
            if (cut <= col->x0 || cut >= col->x1 || h1[g] <= col->x0 || h0[g + 1] >= col->x1)
                continue;
            /* (Chunks across the cut: the row printed apart, two at most.) */
            double left = -1e18, right = 1e18;
            size_t across = 0;
            for (size_t i = gr->body_from; i < gr->ncs; i++) {
                const chunk *c = &p->ch[gr->cs[i]];
                if (c->x1 < col->x0 - 0.3 || c->x0 > col->x1 + 0.3)
                    continue;
                if (c->x0 < cut && c->x1 > cut)
                    across++;
                else if (c->x1 <= cut)
                    left = dmax(left, c->x1);
                else
                    right = dmin(right, c->x0);
            }
            if (left < col->x0 || right > col->x1 || left >= right || across > 2)
                continue;
            column *n = add_column(gr);
            col = &gr->cols[k];
            *n = *col;
            col->x1 = left;
            n->x0 = right;
            sort_page = p;
            qsort(gr->cols, (size_t)gr->ncols, sizeof *gr->cols, by_col_x0);
            col = &gr->cols[k];
        }
    }
    free(h0);
    free(h1);
}

/* Headers of single columns (leaves) above no column of the body make
 * columns of their own, left blank in every row, where they stand among
 * the figures.  A body column reaches as far as the leaves above it alone. */
static void header_columns(grid *gr)
{
    page *p = gr->p;
    size_t *idx = malloc((gr->body_from ? gr->body_from : 1) * sizeof *idx);
    bool *leaves = malloc((gr->body_from ? gr->body_from : 1) * sizeof *leaves);
    double *x0 = malloc(((size_t)gr->ncols + 1) * sizeof *x0);
    double *x1 = malloc(((size_t)gr->ncols + 1) * sizeof *x1);
    if (!idx || !leaves || !x0 || !x1)
        gk_out_of_memory();
    for (int k = 0; k < gr->ncols; k++) {
        x0[k] = gr->cols[k].x0;
        x1[k] = gr->cols[k].x1;
    }
    for (size_t i = 0; i < gr->body_from; i++) {
        leaves[i] = leaf(gr, i);
        const chunk *c = &p->ch[gr->cs[i]];
        int over = -1, n = 0;
        for (int k = 0; k < gr->ncols; k++)
            if (overlap(c->x0, c->x1, gr->cols[k].x0, gr->cols[k].x1) > 0.5) {
                over = k;
                n++;
            }
        if (n == 1 && leaves[i]) {
            x0[over] = dmin(x0[over], c->x0);
            x1[over] = dmax(x1[over], c->x1);
        }
    }
    /* Column numbers (栏次 1 2 3) number every column, one each: a column
     * of amounts with no number over it takes the nearest in its tile
     * that stands over no column (a number printed at its cell's right
     * edge, the figures at its left). */
    bool numbered_cols = false;
    for (size_t i = 0; i < gr->body_from; i++)
        numbered_cols |= column_number(p, &p->ch[gr->cs[i]]);
    for (int k = 0; k < gr->ncols && numbered_cols; k++)
        if (gr->cols[k].kind == C_NUM && gr->cols[k].amounts)
            take_nearest(gr, k, true, leaves, x0, x1);
    /* A column of figures with no leaf over it takes the nearest leaf over
     * its tile: a header centred over narrow right-aligned figures. */
    for (int k = 0; k < gr->ncols; k++)
        if (gr->cols[k].kind == C_NUM)
            take_nearest(gr, k, false, leaves, x0, x1);
    /* Blank columns: where leaves stand over no column — where column
     * numbers do, when the columns are numbered. */
    size_t n = 0;
    for (size_t i = 0; i < gr->body_from; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        bool over = !leaves[i] || (numbered_cols && !column_number(p, c));
        for (int k = 0; k < gr->ncols && !over; k++)
            over = overlap(c->x0, c->x1, x0[k], x1[k]) > 0.5;
        if (!over)
            idx[n++] = gr->cs[i];
    }
    /* The label of the column numbers ("栏次" before 1 2 3) heads the
     * column of the rows' labels: one of its own where no column of the
     * body is under it (a table whose rows are all on the next page). */
    size_t *labels = malloc((gr->body_from ? gr->body_from : 1) * sizeof *labels), nlabels = 0;
    if (!labels)
        gk_out_of_memory();
    for (size_t i = 0; i < gr->body_from && numbered_cols; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        bool over = c->kind != K_TEXT || !p->lines[c->line].numbers;
        for (int k = 0; k < gr->ncols && !over; k++)
            over = overlap(c->x0, c->x1, x0[k], x1[k]) > 0.5;
        if (!over)
            labels[nlabels++] = gr->cs[i];
    }
    free(leaves);
    free(x0);
    free(x1);
    sort_page = p;
    qsort(idx, n, sizeof *idx, by_chunk_x0);
    span *sp = NULL;
    size_t cap = 0, ns = spans_of(p, idx, n, &sp, &cap);
    int body = gr->ncols;
    /* A table with no figure at all (its rows printed blank under their
     * column numbers) has its columns where its headers stand. */
    bool figures = false;
    for (int k = 0; k < body; k++)
        figures |= gr->cols[k].kind != C_TEXT;
    for (size_t i = 0; i < ns; i++) {
        /* Blank columns stand among the figures, not between a label
         * column and the figures, nor before a first column of codes
         * (there a header centred or left-aligned over its cell misses the
         * label's, the code's or the figures' extent).  Before a first
         * column of labels one does: the codes of a page whose only row
         * is 合计. */
        int left = -1, right = -1;
        for (int k = 0; k < body; k++) {
            if (gr->cols[k].x1 <= sp[i].x0)
                left = k;
            if (right < 0 && gr->cols[k].x0 >= sp[i].x1)
                right = k;
        }
        /* (Between two columns of labels one does: the figures' column of
         * a two-sided table whose side has no figure on this page.) */
        bool between_labels = left >= 0 && right >= 0 && gr->cols[left].kind == C_TEXT &&
                              gr->cols[right].kind != C_NUM;
        if (figures && !between_labels &&
            (left < 0 ? body > 0 && gr->cols[0].kind == C_CODE : gr->cols[left].kind != C_NUM))
            continue;
        column *c = add_column(gr);
        c->kind = C_NUM;
        c->x0 = sp[i].x0;
        c->x1 = sp[i].x1;
    }
    for (size_t i = 0; i < nlabels; i++) {
        column *c = add_column(gr);
        c->kind = C_TEXT;
        c->x0 = p->ch[labels[i]].x0;
        c->x1 = p->ch[labels[i]].x1;
    }
    free(labels);
    free(sp);
    free(idx);
    if (gr->ncols)
        qsort(gr->cols, (size_t)gr->ncols, sizeof *gr->cols, by_col_x0);
}

/* Figures of one cell aligned differently from row to row (left in some,
 * right in others, as a browser prints a table whose cells each carry
 * their own alignment) fall into two columns of the body with a gap
 * between them.  Two neighbouring columns of figures are one when a
 * header stands over both and every header over one of them stands over
 * the other too (or wraps one over both: "本年支出合" / "计"), and no
 * line has a figure in both. */
static void join_split_columns(grid *gr)
{
    page *p = gr->p;
    if (gr->ncols < 2 || gr->body_from == 0)
        return;
    unsigned char *seen = calloc(p->nl ? p->nl : 1, 1);
    if (!seen)
        gk_out_of_memory();
    for (int k = 0; k + 1 < gr->ncols;) {
        column *a = &gr->cols[k], *b = &gr->cols[k + 1];
        bool same = a->kind == C_NUM && b->kind == C_NUM, any = false;
        for (size_t i = 0; i < gr->body_from && same; i++) {
            const chunk *c = &p->ch[gr->cs[i]];
            bool over_a = overlap(c->x0, c->x1, a->x0, a->x1) > 0.5;
            bool over_b = overlap(c->x0, c->x1, b->x0, b->x1) > 0.5;
            if (c->kind != K_TEXT || (!over_a && !over_b))
                continue;
            if (over_a && over_b) {
                any = true;
                continue;
            }
            /* Over one of them only: the wrapped end of a header over
             * both ("本年支出合" / "计"), or a header of its own. */
            bool wrapped = false;
            for (size_t j = 0; j < gr->body_from && !wrapped; j++) {
                const chunk *o = &p->ch[gr->cs[j]];
                double size = dmax(o->size, c->size);
                wrapped = j != i && o->kind == K_TEXT && o->cy < c->cy &&
                          c->cy - o->cy <= 1.7 * size &&
                          overlap(o->x0, o->x1, a->x0, a->x1) > 0.5 &&
                          overlap(o->x0, o->x1, b->x0, b->x1) > 0.5 &&
                          (dabs(c->x0 - o->x0) <= size ||
                           dabs((c->x0 + c->x1) / 2 - (o->x0 + o->x1) / 2) <= size);
            }
            same = wrapped;
        }
        if (same && any) {
            memset(seen, 0, p->nl ? p->nl : 1);
            for (size_t i = gr->body_from; i < gr->ncs; i++) {
                const chunk *c = &p->ch[gr->cs[i]];
                if (c->x0 >= a->x0 - 0.3 && c->x1 <= a->x1 + 0.3)
                    seen[c->line] = 1;
            }
            for (size_t i = gr->body_from; i < gr->ncs && same; i++) {
                const chunk *c = &p->ch[gr->cs[i]];
                if (c->x0 >= b->x0 - 0.3 && c->x1 <= b->x1 + 0.3 && seen[c->line])
                    same = false;
            }
        }
        if (!(same && any)) {
            k++;
            continue;
        }
        a->x1 = dmax(a->x1, b->x1);
        memmove(b, b + 1, (size_t)(gr->ncols - k - 2) * sizeof *b);
        gr->ncols--;
    }
    free(seen);
}

/* A label's number set a space after it ("任务 1", "指标 2") reads as a
 * figure of its own, in a column of its own (of codes, when text follows
 * it): a column of numbers of one
 * or two digits, each a space's width (half a size at most) right of a
 * label of the text column before it on its line, under no header but
 * those over that column too, is part of it. */
static void join_numbered_labels(grid *gr)
{
    page *p = gr->p;
    for (int k = 0; k + 1 < gr->ncols;) {
        column *a = &gr->cols[k], *b = &gr->cols[k + 1];
        bool same = a->kind == C_TEXT && !b->amounts &&
                    (b->kind == C_NUM || (b->kind == C_CODE && b->nparts == 1));
        size_t n = 0;
        for (size_t i = gr->body_from; i < gr->ncs && same; i++) {
            const chunk *c = &p->ch[gr->cs[i]];
            if (overlap(c->x0, c->x1, b->x0, b->x1) <= 0)
                continue;
            bool after = false;
            for (size_t j = gr->body_from; j < gr->ncs && !after; j++) {
                const chunk *o = &p->ch[gr->cs[j]];
                double gap = c->x0 - o->x1;
                after = o->line == c->line && o->kind == K_TEXT && o->x0 >= a->x0 - 0.3 &&
                        o->x1 <= a->x1 + 0.3 && gap > 0 && gap <= 0.5 * c->size;
            }
            same = c->kind == K_DIGITS && c->ndigits <= 2 && after;
            n++;
        }
        for (size_t i = 0; i < gr->body_from && same; i++) {
            const chunk *c = &p->ch[gr->cs[i]];
            if (overlap(c->x0, c->x1, b->x0, b->x1) > 0.5)
                same = overlap(c->x0, c->x1, a->x0, a->x1) > 0.5;
        }
        if (!same || n == 0) {
            k++;
            continue;
        }
        a->x1 = dmax(a->x1, b->x1);
        memmove(b, b + 1, (size_t)(gr->ncols - k - 2) * sizeof *b);
        gr->ncols--;
    }
}

/* The end of the header band that starts at chunk i of cs (sorted top to
 * bottom): bands are cut where no chunk crosses. */
static size_t band_end(const page *p, const size_t *cs, size_t i, size_t n)
{
    double bottom = p->ch[cs[i]].cy + p->ch[cs[i]].size / 2;
    size_t j = i + 1;
    while (j < n && p->ch[cs[j]].cy - p->ch[cs[j]].size / 2 < bottom) {
        bottom = dmax(bottom, p->ch[cs[j]].cy + p->ch[cs[j]].size / 2);
        j++;
    }
    return j;
}

/* The column whose tile (its extent widened to the middle of the gaps
 * beside it) holds x. */
static int column_at(const grid *gr, double x)
{
    for (int k = 0; k < gr->ncols; k++) {
        double right = k + 1 < gr->ncols ? (gr->cols[k].x1 + gr->cols[k + 1].x0) / 2 : 1e9;
        if (x < right)
            return k;
    }
    return gr->ncols - 1;
}

static int part_at(const column *c, double x)
{
    for (int k = 0; k < c->nparts; k++) {
        double right = k + 1 < c->nparts ? (c->part_x1[k] + c->part_x0[k + 1]) / 2 : 1e9;
        if (x < right)
            return k;
    }
    return c->nparts ? c->nparts - 1 : 0;
}

/* A header chunk's column: the first it lies over (a header over several
 * columns names the first), else the nearest. */
static int header_column(const grid *gr, const chunk *c)
{
    for (int k = 0; k < gr->ncols; k++)
        if (overlap(c->x0, c->x1, gr->cols[k].x0, gr->cols[k].x1) > 0.5)
            return k;
    for (int k = 0; k < gr->ncols; k++)
        if (gr->cols[k].lead_x0 > 0 && c->x0 >= gr->cols[k].lead_x0 - 0.5 && c->x1 < gr->cols[k].x0)
            return k;
    return column_at(gr, (c->x0 + c->x1) / 2);
}

static double tile_left(const grid *gr, int k)
{
    return k > 0 ? (gr->cols[k - 1].x1 + gr->cols[k].x0) / 2 : gr->cols[0].x0;
}

static double tile_right(const grid *gr, int k)
{
    return k + 1 < gr->ncols ? (gr->cols[k].x1 + gr->cols[k + 1].x0) / 2 : gr->cols[k].x1;
}

/* A header over a group of columns (one with others below it) goes to the
 * first column of its group, not to the column its text happens to cross.
 * Its group: a run of columns it is centred over (within one and a half
 * font sizes, or 3% of the run) that no other header at its height (1.2
 * sizes) stands over — the widest of those centred within half a size as
 * closely as the closest.  ("预算数" centred over 合计 | 基本支出 | 项目支出 names 合计, not
 * 基本支出; "公务用车购置及运行费" over 小计 | 购置费 | 运行费 names 小计.) */
static void group_headers(grid *gr)
{
    page *p = gr->p;
    for (size_t i = 0; i < gr->body_from;) {
        size_t j = band_end(p, gr->cs, i, gr->body_from);
        for (size_t g = i; g < j; g++) {
            chunk *c = &p->ch[gr->cs[g]];
            /* A header with nothing under it and over no column: centred
             * over a group whose columns' contents are narrow ("收入" over
             * 项目 | 金额 on a page where only 总计 is left). */
            bool lone = leaf(gr, g) && c->kind == K_TEXT;
            for (int k = 0; k < gr->ncols && lone; k++)
                lone = overlap(c->x0, c->x1, gr->cols[k].x0, gr->cols[k].x1) <= 0.5;
            /* The lines of a header wrapped in its cell keep its column. */
            bool wrapped = false;
            for (size_t q = 0; q < gr->body_from && !wrapped; q++) {
                const chunk *o = &p->ch[gr->cs[q]];
                wrapped = q != g && (wraps_into(gr, c, o) || wraps_into(gr, o, c));
            }
            if ((leaf(gr, g) && !lone) || wrapped)
                continue;
            double m = (c->x0 + c->x1) / 2, tol = 1.5 * c->size;
            int k0 = column_at(gr, m), best = -1, best_w = -1;
            /* Runs centred on it, the closest first; then the widest of
             * those within half a size of the closest. */
            double closest = 1e18;
            for (int pass = 0; pass < 2; pass++)
                for (int a = k0; a >= 0; a--)
                    for (int b = k0; b < gr->ncols; b++) {
                        double l = tile_left(gr, a), r = tile_right(gr, b);
                        bool sibling = false;
                        for (size_t q = 0; q < gr->body_from && !sibling; q++) {
                            const chunk *o = &p->ch[gr->cs[q]];
                            /* More than a sliver: a header wider than
                             * its figures reaches over the gap into the
                             * tile beside it. */
                            sibling = q != g && dabs(o->cy - c->cy) <= 1.2 * c->size &&
                                      (overlap(o->x0, o->x1, l, r) > 0.5 * o->size ||
                                       (o->col >= a && o->col <= b));
                        }
                        /* A header fits within its cells: runs narrower
                         * than it (less a size) are not its group. */
                        double diff = dabs((l + r) / 2 - m);
                        if (sibling || diff > dmax(tol, 0.03 * (r - l)) ||
                            r - l < c->x1 - c->x0 - c->size || (lone && a == b))
                            continue;
                        if (pass == 0)
                            closest = dmin(closest, diff);
                        else if (diff <= closest + 0.5 * c->size && b - a > best_w) {
                            best_w = b - a;
                            best = a;
                        }
                    }
            if (best >= 0)
                c->col = best;
        }
        i = j;
    }
}

/* ---- Rows ---------------------------------------------------------------------- */

typedef struct row {
    double lo, hi;        /* vertical middles of its anchors */
    double top, bottom;   /* with half a font size around them */
} row;

typedef struct rows {
    row *r;
    size_t n, cap;
} rows;

static bool total_label(const page *p, const chunk *c, gk_buf *b)
{
    b->len = 0;
    chunk_text(p, c, b);
    /* "合      计" spaced over its cell is two chunks of one line. */
    if ((strcmp(b->data, "合") == 0 || strcmp(b->data, "总") == 0) && c + 1 < p->ch + p->nc &&
        c[1].line == c->line)
        chunk_text(p, c + 1, b);
    return b->len && (has(b->data, "合计") || has(b->data, "总计"));
}

/* A label that starts an item of its own: "一、", "二十一、", "1.", "（一）",
 * "(1)", "其中：" (and "（30分）", a score under its indicator's name).  A
 * bracket that opens on no number is the end of a name wrapped onto its
 * own line ("(7)对企业补助" / "（基本建设）"). */
static bool numbered(const page *p, const chunk *c)
{
    char buf[64];
    size_t n = 0;
    for (size_t k = c->g0; k < c->g1 && n + 8 < sizeof buf; k++) {
        size_t len = strlen(p->g[k].utf8);
        memcpy(buf + n, p->g[k].utf8, len);
        n += len;
    }
    buf[n] = '\0';
    if (starts(buf, "其中"))
        return true;
    const char *s = buf;
    bool bracket = starts(s, "（") || starts(s, "(");
    if (bracket)
        s += *s == '(' ? 1 : strlen("（");
    static const char *const CN[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
    bool cn = false;
    for (bool more = true; more;) {
        more = false;
        for (const char *const *d = CN; *d; d++)
            if (starts(s, *d)) {
                s += strlen(*d);
                cn = more = true;
                break;
            }
    }
    if (bracket)
        return cn || (*s >= '0' && *s <= '9');
    if (cn)
        return starts(s, "、") || *s == '.';
    if (*s >= '0' && *s <= '9') {
        while (*s >= '0' && *s <= '9')
            s++;
        return *s == '.' || starts(s, "、") || starts(s, "．");
    }
    return false;
}

static void add_anchor(rows *rs, double lo, double hi, double size)
{
    rs->r = gk_grow(rs->r, &rs->cap, rs->n, sizeof *rs->r);
    row *r = &rs->r[rs->n++];
    r->lo = lo;
    r->hi = hi;
    r->top = lo - size / 2;
    r->bottom = hi + size / 2;
}

static int by_row_top(const void *a, const void *b)
{
    const row *x = a, *y = b;
    return x->top < y->top ? -1 : x->top > y->top;
}

/* Anchors that overlap vertically make one row. */
static void merge_rows(rows *rs)
{
    if (rs->n == 0)
        return;                 /* a region of header lines only */
    qsort(rs->r, rs->n, sizeof *rs->r, by_row_top);
    size_t n = 0;
    for (size_t i = 0; i < rs->n; i++) {
        if (n && rs->r[i].top < rs->r[n - 1].bottom) {
            row *m = &rs->r[n - 1];
            m->lo = dmin(m->lo, rs->r[i].lo);
            m->hi = dmax(m->hi, rs->r[i].hi);
            m->bottom = dmax(m->bottom, rs->r[i].bottom);
        } else {
            rs->r[n++] = rs->r[i];
        }
    }
    rs->n = n;
}

static size_t nearest_row(const rows *rs, double cy)
{
    size_t best = 0;
    double bd = 1e18, bc = 1e18;
    for (size_t i = 0; i < rs->n; i++) {
        const row *r = &rs->r[i];
        double d = cy < r->lo ? r->lo - cy : cy > r->hi ? cy - r->hi : 0;
        double c = dabs(cy - (r->lo + r->hi) / 2);
        if (d < bd - 1e-6 || (d < bd + 1e-6 && c < bc)) {
            bd = d;
            bc = c;
            best = i;
        }
    }
    return best;
}

/* The body's chunks of column k, top to bottom. */
static size_t column_chunks(const grid *gr, int k, size_t *out)
{
    size_t n = 0;
    for (size_t i = gr->body_from; i < gr->ncs; i++)
        if (gr->p->ch[gr->cs[i]].col == k)
            out[n++] = gr->cs[i];
    sort_page = gr->p;
    qsort(out, n, sizeof *out, by_chunk_y);
    return n;
}

/* The right edge of column k's cells: the middle of the gap after it. */
static double cell_right(const grid *gr, int k)
{
    return k + 1 < gr->ncols ? (gr->cols[k].x1 + gr->cols[k + 1].x0) / 2 : gr->cols[k].x1;
}

/* Does line c continue line a above it in the same cell: a is full to the
 * cell's right edge (so that it wrapped), c starts where a does (or both
 * are centred), close below, and is no numbered item of its own?  A line
 * of a sentence (fifteen characters or more) counts as full further from
 * the edge than a name's: it breaks short before a word that does not fit
 * ("…参保单位," / "13000人的…") or a character kept with the next (“). */
static bool full_line(const chunk *a, double right)
{
    double slack = a->x1 - a->x0 >= 15 * a->size ? 6.0 : 2.0;
    return a->x1 >= right - slack * a->size;
}

static bool continues(const page *p, const chunk *a, const chunk *c, double right)
{
    double size = dmax(a->size, c->size);
    bool aligned = dabs(c->x0 - a->x0) <= 1.5 * size ||
                   dabs((c->x0 + c->x1) / 2 - (a->x0 + a->x1) / 2) <= 1.5 * size;
    /* (Wrapped text fills each line but the last: a line wider than the
     * one above by more than a character and a half — a word kept whole,
     * "2024", may break a line short; a sentence's six, as in full_line —
     * starts a cell of its own.  Short labels centred in a narrow column
     * reach near its edge too.) */
    return c->cy > a->cy && c->cy - a->cy <= 1.7 * size && full_line(a, right) && aligned &&
           c->x1 - c->x0 <= a->x1 - a->x0 + (a->x1 - a->x0 >= 15 * a->size ? 6.0 : 1.5) * size &&
           !numbered(p, c) && c->kind == K_TEXT;
}

/* The first row's name may begin above its code and figures, among the
 * header's lines ("社会保障和就" / "208 业支出 754.75"): header lines of a
 * text column that the column's first line continues go to the body.
 * The cell ends before a header that stands right of the column, short of
 * the next column of the body: the header of a column with no figure on
 * this page (its columns are not known yet).  Returns whether any did. */
static bool first_name_lines(grid *gr)
{
    page *p = gr->p;
    bool moved = false;
    for (int k = 0; k < gr->ncols; k++) {
        if (gr->cols[k].kind != C_TEXT)
            continue;
        double right = cell_right(gr, k);
        for (size_t i = 0; i < gr->body_from; i++) {
            const chunk *c = &p->ch[gr->cs[i]];
            if (c->x0 > gr->cols[k].x1)
                right = dmin(right, (gr->cols[k].x1 + c->x0) / 2);
        }
        const chunk *top = NULL;
        for (size_t i = gr->body_from; i < gr->ncs; i++) {
            const chunk *c = &p->ch[gr->cs[i]];
            if (c->kind == K_TEXT && overlap(c->x0, c->x1, gr->cols[k].x0, gr->cols[k].x1) > 0.5 &&
                (!top || c->cy < top->cy))
                top = c;
        }
        /* The header line right above it, in the column. */
        for (bool more = top != NULL; more;) {
            more = false;
            size_t best = gr->body_from;
            for (size_t i = 0; i < gr->body_from; i++) {
                const chunk *c = &p->ch[gr->cs[i]];
                if (c->cy < top->cy && overlap(c->x0, c->x1, gr->cols[k].x0, gr->cols[k].x1) > 0.5 &&
                    (best == gr->body_from || c->cy > p->ch[gr->cs[best]].cy))
                    best = i;
            }
            if (best < gr->body_from && continues(p, &p->ch[gr->cs[best]], top, right)) {
                /* Into the body: swap it to the end of the header part. */
                top = &p->ch[gr->cs[best]];
                size_t last = gr->body_from - 1, t = gr->cs[best];
                memmove(&gr->cs[best], &gr->cs[best + 1], (last - best) * sizeof *gr->cs);
                gr->cs[last] = t;
                gr->body_from--;
                moved = more = true;
            }
        }
    }
    return moved;
}

/* Has some column of figures a figure beside line a and another beside
 * line c?  Then c is a row of its own, not the next line of a's label (a
 * cell holds one figure): two rows whose labels are alike ("科技创新专项
 * 资金" twice, each as wide as its column). */
static bool figures_beside_both(const grid *gr, const chunk *a, const chunk *c)
{
    const page *p = gr->p;
    for (size_t i = gr->body_from; i < gr->ncs; i++) {
        const chunk *f = &p->ch[gr->cs[i]];
        if (f->kind != K_AMOUNT || f->ndigits == 0 || gr->cols[f->col].kind != C_NUM ||
            dabs(f->cy - a->cy) >= 0.4 * dmin(f->size, a->size))
            continue;
        for (size_t j = gr->body_from; j < gr->ncs; j++) {
            const chunk *g = &p->ch[gr->cs[j]];
            if (g->col == f->col && g->kind == K_AMOUNT && g->ndigits > 0 &&
                dabs(g->cy - c->cy) < 0.4 * dmin(g->size, c->size))
                return true;
        }
    }
    return false;
}

static bool stacks_on(const page *p, const chunk *c, const chunk *o);

/* The body chunk under c (`down`) or over it that continues a label
 * printed one character a line; NULL if none. */
static const chunk *stack_next(const grid *gr, const chunk *c, bool down)
{
    if (c->g1 - c->g0 != 1)
        return NULL;                    /* (no character alone: quick) */
    for (size_t i = gr->body_from; i < gr->ncs; i++) {
        const chunk *o = &gr->p->ch[gr->cs[i]];
        if (o != c && (down ? stacks_on(gr->p, c, o) : stacks_on(gr->p, o, c)))
            return o;
    }
    return NULL;
}

/* Labels printed one character a line ("年" / "度" / "主" / "要" / "任" /
 * "务" down a cell merged over several rows), three characters at least:
 * their characters are `stacked`, one label, no anchor of rows. */
static void mark_stacks(grid *gr)
{
    page *p = gr->p;
    for (size_t i = gr->body_from; i < gr->ncs; i++)
        p->ch[gr->cs[i]].stacked = false;
    for (size_t i = gr->body_from; i < gr->ncs; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        if (stack_next(gr, c, false) || !stack_next(gr, c, true))
            continue;
        size_t m = 1;
        for (const chunk *n = stack_next(gr, c, true); n && m < 64; n = stack_next(gr, n, true))
            m++;
        if (m < 3)
            continue;
        size_t q = 0;
        for (chunk *n = (chunk *)c; n && q < m; n = (chunk *)stack_next(gr, n, true), q++)
            n->stacked = true;
    }
}

/* A column's chunks that are labels (column_chunks, without the
 * characters of a label printed one a line). */
static size_t label_chunks(const grid *gr, int k, size_t *out)
{
    size_t n = column_chunks(gr, k, out), m = 0;
    for (size_t i = 0; i < n; i++)
        if (!gr->p->ch[out[i]].stacked)
            out[m++] = out[i];
    return m;
}

/* Rows of the body: anchors, then every chunk to its row. */
static void body_rows(grid *gr, rows *rs)
{
    page *p = gr->p;
    size_t nb = gr->ncs - gr->body_from;
    size_t *col = malloc((nb ? nb : 1) * sizeof *col);
    int *start = malloc((nb ? nb : 1) * sizeof *start);
    if (!col || !start)
        gk_out_of_memory();
    bool coded = false, labelled = false;
    for (int k = 0; k < gr->ncols; k++) {
        coded |= gr->cols[k].kind == C_CODE;
        labelled |= gr->cols[k].kind == C_TEXT;
    }
    gk_buf b = GK_BUF_INIT;
    rs->n = 0;
    mark_stacks(gr);
    if (coded) {
        /* Codes, and 合计 / 总计 labels. */
        for (size_t i = gr->body_from; i < gr->ncs; i++) {
            chunk *c = &p->ch[gr->cs[i]];
            int kind = gr->cols[c->col].kind;
            if (kind == C_CODE || (kind == C_TEXT && total_label(p, c, &b))) {
                c->anchor = true;
                add_anchor(rs, c->cy, c->cy, c->size);
            }
        }
        /* A label across the code and the name wrapped in its cell
         * ("人员经费合" / "计"): its lines are one row (a whole 合计 label
         * above is a row of its own). */
        for (int k = 0; k < gr->ncols; k++) {
            size_t n = column_chunks(gr, k, col);
            for (size_t i = 1; i < n; i++) {
                const chunk *a = &p->ch[col[i - 1]], *c = &p->ch[col[i]];
                if (a->anchor && c->anchor && a->kind == K_TEXT && !total_label(p, a, &b) &&
                    continues(p, a, c, cell_right(gr, k)))
                    add_anchor(rs, a->cy, c->cy, dmax(a->size, c->size));
            }
        }
    } else if (labelled) {
        /* Labels, a label wrapped onto several lines counting once.  First
         * where each column's labels start, then a line beside the start of
         * another column's label starts one too. */
        for (size_t i = gr->body_from; i < gr->ncs; i++)
            p->ch[gr->cs[i]].anchor = false;
        for (int k = 0; k < gr->ncols; k++) {
            if (gr->cols[k].kind != C_TEXT)
                continue;
            size_t n = label_chunks(gr, k, col);
            for (size_t i = 0; i < n; i++) {
                chunk *c = &p->ch[col[i]];
                c->anchor = i == 0 || !continues(p, &p->ch[col[i - 1]], c, cell_right(gr, k)) ||
                            figures_beside_both(gr, &p->ch[col[i - 1]], c);
            }
        }
        for (int k = 0; k < gr->ncols; k++) {
            if (gr->cols[k].kind != C_TEXT)
                continue;
            size_t n = label_chunks(gr, k, col);
            for (size_t i = 0; i < n; i++) {
                chunk *c = &p->ch[col[i]];
                /* (Not a label centred beside the middle of this one, its
                 * lines as many above as below: "年度主要任务", in a cell
                 * merged left of a name wrapped over five lines.) */
                size_t a = i, e = i;
                while (a > 0 && !p->ch[col[a]].anchor)
                    a--;
                while (e + 1 < n && !p->ch[col[e + 1]].anchor)
                    e++;
                double mid = (p->ch[col[a]].cy + p->ch[col[e]].cy) / 2;
                bool middle = !c->anchor && e > i && a < i;
                for (size_t j = gr->body_from; j < gr->ncs && !c->anchor; j++) {
                    const chunk *o = &p->ch[gr->cs[j]];
                    c->anchor = o->col != k && o->anchor && gr->cols[o->col].kind == C_TEXT &&
                                dabs(o->cy - c->cy) < 0.4 * dmin(o->size, c->size) &&
                                !(middle && o->col < k && dabs(o->cy - mid) < 0.5 * o->size);
                }
            }
            /* A label and its continuation lines: one anchor. */
            for (size_t i = 0; i < n;) {
                size_t j = i + 1;
                while (j < n && !p->ch[col[j]].anchor)
                    j++;
                const chunk *first = &p->ch[col[i]], *last = &p->ch[col[j - 1]];
                add_anchor(rs, first->cy, last->cy, dmax(first->size, last->size));
                for (size_t q = i; q < j; q++)
                    p->ch[col[q]].anchor = true;
                i = j;
            }
        }
    } else {
        /* Figures only: each line of them is a row. */
        for (size_t i = gr->body_from; i < gr->ncs; i++) {
            chunk *c = &p->ch[gr->cs[i]];
            c->anchor = true;
            add_anchor(rs, c->cy, c->cy, c->size);
        }
    }
    merge_rows(rs);

    /* Every chunk to its row: the anchors' own rows, the rest nearest. */
    for (size_t i = gr->body_from; i < gr->ncs; i++) {
        chunk *c = &p->ch[gr->cs[i]];
        c->row = (int)nearest_row(rs, c->cy);
    }
    /* A label printed one character a line goes whole to the row nearest
     * its middle. */
    for (size_t i = gr->body_from; i < gr->ncs; i++) {
        const chunk *c = &p->ch[gr->cs[i]];
        if (!c->stacked || stack_next(gr, c, false))
            continue;                           /* not the top of its run */
        const chunk *e = c;
        for (const chunk *n = stack_next(gr, e, true); n; n = stack_next(gr, e, true))
            e = n;
        int r = (int)nearest_row(rs, (c->cy + e->cy) / 2);
        for (chunk *q = (chunk *)c; q; q = (chunk *)stack_next(gr, q, true))
            q->row = r;
    }
    if (coded) {
        /* Lines that continue a full line above go with it, when their
         * nearest row has a name already (and the other way round). */
        for (int k = 0; k < gr->ncols; k++) {
            if (gr->cols[k].kind != C_TEXT)
                continue;
            size_t n = label_chunks(gr, k, col);
            for (size_t i = 0; i < n; i++)
                start[i] = p->ch[col[i]].row;
            for (size_t i = 1; i < n; i++) {
                chunk *a = &p->ch[col[i - 1]], *c = &p->ch[col[i]];
                if (a->row == c->row || !continues(p, a, c, cell_right(gr, k)) || c->anchor ||
                    a->anchor)
                    continue;
                size_t others_c = 0, others_a = 0;
                for (size_t j = 0; j < n; j++) {
                    others_c += j != i && start[j] == c->row;
                    others_a += j != i - 1 && start[j] == a->row;
                }
                if (others_c) {
                    c->row = a->row;
                    start[i] = a->row;
                } else if (others_a) {
                    a->row = c->row;
                    start[i - 1] = c->row;
                }
            }
        }
    }
    gk_buf_free(&b);
    free(col);
    free(start);
}

/* ---- Output of a region ------------------------------------------------------------ */

/* Append the cell of column k made of the chunks idx[0..n) (sorted top to
 * bottom); records its box. */
static void put_cell(pg_doc *d, const grid *gr, int k, const size_t *idx, size_t n, double box[4],
                     bool *has_box)
{
    page *p = gr->p;
    const column *col = &gr->cols[k];
    if (col->kind == C_CODE && n > 0) {
        /* Parts of a code in their columns: 201 | 06 | 01 → 2010601. */
        bool digits = true, scores = n > 1;
        for (size_t i = 0; i < n; i++) {
            const chunk *c = &p->ch[idx[i]];
            digits &= c->kind == K_DIGITS;
            /* "10 | 10", "15 | 15": figures of one or two digits, none
             * with a leading 0 as a code's 款 or 项 has (06, 01) — a score
             * and its 得分 beside a column of text, not parts of a code. */
            scores &= c->kind == K_DIGITS && c->ndigits <= 2 && p->g[c->g0].utf8[0] != '0';
        }
        if (digits && !scores) {
            for (int part = 0; part < col->nparts || part == 0; part++)
                for (size_t i = 0; i < n; i++) {
                    const chunk *c = &p->ch[idx[i]];
                    if (c->sub != part && !(col->nparts == 0 && part == 0))
                        continue;
                    if (part > 0 && c->ndigits == 1)
                        gk_buf_putc(&d->text, '0');
                    chunk_text(p, c, &d->text);
                    box_add(box, has_box, c->x0, c->y0, c->x1, c->y1);
                }
            return;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const chunk *c = &p->ch[idx[i]];
        size_t before = d->text.len;
        /* An amount wrapped in a narrow cell ("326." / "78", "14,770" /
         * ".62"): one amount again, where its point or a separator stands
         * at the break. */
        bool wrapped = i > 0 && c->kind != K_TEXT && p->ch[idx[i - 1]].kind != K_TEXT &&
                       (strchr(".,", d->text.data[before - 1]) || p->g[c->g0].utf8[0] == '.');
        bool apart = i > 0 && before > 0 &&
                     is_ascii_alnum((unsigned char)d->text.data[before - 1]) &&
                     is_ascii_alnum((unsigned char)p->g[c->g0].utf8[0]);
        /* Two figures in a cell: not one amount. */
        apart |= i > 0 && gr->cols[k].kind == C_NUM && c->kind != K_TEXT;
        if (apart && !wrapped)
            gk_buf_putc(&d->text, ' ');
        chunk_text(p, c, &d->text);
        box_add(box, has_box, c->x0, c->y0, c->x1, c->y1);
    }
}

/* One tabbed line from the chunks idx[0..n) (sorted top to bottom). */
static void put_row(pg_doc *d, grid *gr, size_t *idx, size_t n)
{
    page *p = gr->p;
    if (n == 0)
        return;
    pg_origin *o = new_line(d, p->number, ++p->lineno);
    size_t oi = d->n - 1;
    size_t f0 = d->nfields;
    for (int k = 0; k < gr->ncols; k++) {
        if (k > 0)
            gk_buf_putc(&d->text, '\t');
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (p->ch[idx[i]].col == k) {
                size_t t = idx[m];
                idx[m] = idx[i];
                idx[i] = t;
                m++;
            }
        sort_page = p;
        qsort(idx, m, sizeof *idx, by_chunk_y);
        double box[4] = {0, 0, 0, 0};
        bool has_box = false;
        put_cell(d, gr, k, idx, m, box, &has_box);
        d->fields = gk_grow(d->fields, &d->fcap, d->nfields, sizeof *d->fields);
        memcpy(d->fields[d->nfields++], box, sizeof box);
        o = &d->lines[oi];
        if (has_box)
            box_add(o->box, &o->has_box, box[0], box[1], box[2], box[3]);
        idx += m;
        n -= m;
    }
    gk_buf_putc(&d->text, '\n');
    o = &d->lines[oi];
    o->field0 = f0;
    o->nfields = d->nfields - f0;
}

/* Is the first row of a table carried over to this page, chunks
 * idx[0..n), the rest of the last page's last row, cut by the page break
 * ("(1)一般公共预算" / "拨款")?  Each of its chunks is a line of text that
 * goes on from that row's line in its column (which reached the cell's
 * edge; it starts where that one did) and numbers no item of its own, and
 * the row is the last line written but for the page's marker.  Then it is
 * written into that row. */
static bool rest_of_row(pg_doc *d, const grid *gr, const size_t *idx, size_t n)
{
    page *p = gr->p;
    const pg_carry *carry = d->carry;
    if (n == 0 || carry->last_row >= d->n || d->lines[carry->last_row].nfields != (size_t)gr->ncols)
        return false;
    for (size_t i = carry->last_row + 1; i < d->n; i++)
        if (d->lines[i].page != 0)
            return false;
    for (size_t i = 0; i < n; i++) {
        const chunk *c = &p->ch[idx[i]];
        const column *col = &gr->cols[c->col];
        if (c->kind != K_TEXT || col->kind != C_TEXT || !col->cut ||
            dabs(c->x0 - col->cut_x0) > 1.5 * c->size || numbered(p, c) ||
            total_label(p, c, &p->scratch))
            return false;
    }
    /* The row again, each of its cells followed by its rest. */
    pg_origin *o = &d->lines[carry->last_row];
    size_t at = o->text_at, end = carry->last_row + 1 < d->n ? d->lines[carry->last_row + 1].text_at
                                                             : d->text.len;
    gk_buf line = GK_BUF_INIT;
    const char *f = d->text.data + at, *stop = d->text.data + end - 1;   /* before its '\n' */
    for (int k = 0; k < gr->ncols; k++) {
        const char *tab = memchr(f, '\t', (size_t)(stop - f));
        const char *e = tab ? tab : stop;
        gk_buf_putn(&line, f, (size_t)(e - f));
        for (size_t i = 0; i < n; i++)
            if (p->ch[idx[i]].col == k)
                chunk_text(p, &p->ch[idx[i]], &line);
        if (k + 1 < gr->ncols)
            gk_buf_putc(&line, '\t');
        f = tab ? tab + 1 : stop;
    }
    gk_buf_putc(&line, '\n');
    gk_buf rest = GK_BUF_INIT;
    gk_buf_putn(&rest, d->text.data + end, d->text.len - end);
    d->text.len = at;
    gk_buf_putn(&d->text, line.data, line.len);
    gk_buf_putn(&d->text, rest.data, rest.len);
    for (size_t i = carry->last_row + 1; i < d->n; i++)
        d->lines[i].text_at += line.len - (end - at);
    gk_buf_free(&line);
    gk_buf_free(&rest);
    return true;
}

static void emit_plain(pg_doc *d, page *p, const pline *l)
{
    pg_origin *o = new_line(d, p->number, ++p->lineno);
    for (size_t k = l->g0; k < l->g1; k++) {
        const pg_glyph *g = &p->g[k];
        box_add(o->box, &o->has_box, g->x0, g->y0, g->x1, g->y1);
    }
    plain_text(p, l, &d->text);
    gk_buf_putc(&d->text, '\n');
}

/* Are this region's body columns those of the table carried over from the
 * page before (each over one of its columns at most, of the same kind)? */
static bool fits_carry(const grid *gr, const pg_carry *carry)
{
    if (!carry || !carry->open || carry->ncols == 0)
        return false;
    for (int k = 0; k < gr->ncols; k++) {
        const column *c = &gr->cols[k];
        int over = -1, n = 0;
        for (int j = 0; j < carry->ncols; j++)
            if (overlap(c->x0, c->x1, carry->cols[j].x0, carry->cols[j].x1) > 0.5) {
                over = j;
                n++;
            }
        /* A label or two, over several columns or over codes, fit: a
         * total's label in cells merged across the code and the name
         * ("人员经费" / "合计").  Codes with such a label among them are
         * no code column on their own: digits without amounts fit one. */
        if (c->kind == C_TEXT && c->nchunks <= 2)
            continue;
        bool codes = c->kind == C_CODE || (c->kind == C_NUM && !c->amounts);
        if (n > 1 || (n == 1 && (carry->cols[over].kind == C_CODE ? !codes : c->kind == C_CODE)))
            return false;
    }
    return true;
}

/* The header of the table on the page before, printed again at the top of
 * this one, with rows that hold only labels below it: everything above
 * the first figure is not header then.  Returns how many of the `n`
 * chunks above the first figure (top to bottom) are the repeated header:
 * all of them unless the carried header is a shorter prefix. */
static size_t repeated_header(page *p, const size_t *cs, size_t n, const pg_carry *carry)
{
    if (!carry || !carry->open || !carry->header.len)
        return n;
    const gk_buf *want = &carry->header;
    gk_buf *b = &p->scratch;
    b->len = 0;
    for (size_t i = 0; i < n; i++) {
        chunk_text(p, &p->ch[cs[i]], b);
        gk_buf_putc(b, '\t');
        if (b->len > want->len || memcmp(b->data, want->data, b->len) != 0)
            return n;
        if (b->len == want->len)
            return i + 1;
    }
    return n;
}

static bool level_char(const page *p, const chunk *c)
{
    const char *u = p->g[c->g0].utf8;
    return c->g1 == c->g0 + 1 && (!strcmp(u, "类") || !strcmp(u, "款") || !strcmp(u, "项"));
}

/* "类", "款" or "项" alone, beside another of them: the headers of the parts
 * of a code column, even where they stand in the first row's band (beside
 * 合计). */
static bool level_word(const page *p, const chunk *c)
{
    if (!level_char(p, c))
        return false;
    const pline *l = &p->lines[c->line];
    for (size_t k = l->c0; k < l->c1; k++)
        if (&p->ch[k] != c && level_char(p, &p->ch[k]) &&
            dabs(p->ch[k].cy - c->cy) < 0.3 * c->size)
            return true;
    return false;
}

/* A chunk of glyphs [g0, g1) of line `line`, measured and classified. */
static void set_chunk(const page *p, chunk *c, size_t g0, size_t g1, int line)
{
    memset(c, 0, sizeof *c);
    c->g0 = g0, c->g1 = g1;
    c->line = line;
    c->col = c->sub = c->row = -1;
    c->x0 = c->y0 = 1e18, c->x1 = c->y1 = -1e18;
    double sum = 0;
    for (size_t k = g0; k < g1; k++) {
        const pg_glyph *g = &p->g[k];
        c->x0 = dmin(c->x0, g->x0), c->x1 = dmax(c->x1, g->x1);
        c->y0 = dmin(c->y0, g->y0), c->y1 = dmax(c->y1, g->y1);
        sum += cy_of(g);
        c->size = dmax(c->size, g->size);
    }
    c->cy = sum / (double)(g1 - g0);
    classify_chunk(p, c);
}

static int by_value(const void *a, const void *b)
{
    return by_double(a, b);
}

/* Is x within tol of one of the sorted edges e[0..n)? */
static bool near_edge(const double *e, size_t n, double x, double tol)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid] < x - tol)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && e[lo] <= x + tol;
}

/* Headers of narrow cells run into one another where the cells' padding is
 * less than the gap that cuts chunks ("本年收入合财政拨款收上级补助收" over
 * three columns).  Where the columns are known — the edges of the body's
 * columns and of the column numbers (栏次 1 2 3) — a header chunk is cut
 * at a gap (a quarter of a size) after which a character starts at a
 * column's left edge, or before which one ends at a column's right edge.
 * The page's chunks are rebuilt when any is cut. */
static void cut_headers_at_columns(page *p, const region *rg, double body_y)
{
    size_t c0 = p->lines[rg->l0].c0, c1 = p->lines[rg->l1].c1;
    size_t cap = 2 * (c1 - c0) + 2, nl = 0, nr = 0;
    double *left = malloc(cap * sizeof *left), *right = malloc(cap * sizeof *right);
    if (!left || !right)
        gk_out_of_memory();
    for (size_t i = rg->l0; i <= rg->l1; i++)
        for (size_t k = p->lines[i].c0; k < p->lines[i].c1; k++) {
            const chunk *c = &p->ch[k];
            if (c->cy >= body_y || p->lines[i].numbers) {
                left[nl++] = c->x0;
                right[nr++] = c->x1;
            }
        }
    qsort(left, nl, sizeof *left, by_value);
    qsort(right, nr, sizeof *right, by_value);
    /* The glyphs after which a header chunk is cut. */
    size_t *cut = NULL, ncut = 0, cutcap = 0;
    for (size_t i = rg->l0; i <= rg->l1; i++)
        for (size_t k = p->lines[i].c0; k < p->lines[i].c1; k++) {
            const chunk *c = &p->ch[k];
            if (c->cy >= body_y || p->lines[i].numbers)
                continue;
            for (size_t q = c->g0 + 1; q < c->g1; q++) {
                const pg_glyph *a = &p->g[q - 1], *b = &p->g[q];
                double size = dmax(a->size, b->size), tol = 0.25 * size;
                if (b->x0 - a->x1 <= 0.25 * size)
                    continue;
                if (near_edge(left, nl, b->x0, tol) || near_edge(right, nr, a->x1, tol)) {
                    cut = gk_grow(cut, &cutcap, ncut, sizeof *cut);
                    cut[ncut++] = q;
                }
            }
        }
    free(left);
    free(right);
    if (ncut == 0) {
        free(cut);
        return;
    }
    chunk *ch = malloc((p->nc + ncut) * sizeof *ch);
    if (!ch)
        gk_out_of_memory();
    size_t n = 0, next = 0;
    for (size_t i = 0; i < p->nl; i++) {
        pline *l = &p->lines[i];
        size_t from = n;
        for (size_t k = l->c0; k < l->c1; k++) {
            const chunk *c = &p->ch[k];
            size_t g0 = c->g0;
            while (next < ncut && cut[next] > c->g0 && cut[next] < c->g1) {
                set_chunk(p, &ch[n++], g0, cut[next], (int)i);
                g0 = cut[next++];
            }
            if (g0 == c->g0)
                ch[n++] = *c;
            else
                set_chunk(p, &ch[n++], g0, c->g1, (int)i);
        }
        l->c0 = from;
        l->c1 = n;
    }
    free(p->ch);
    p->ch = ch;
    p->nc = n;
    p->ccap = p->nc + ncut;
    free(cut);
}

/* Beyond these a region is no table gongkai knows (and the geometry,
 * quadratic in places, would cost too much): its lines stay text. */
#define MAX_GRID_CHUNKS 4000
#define MAX_GRID_COLUMNS 40

/* Is header chunk o the next character of c printed vertically, one
 * character a line ("其" / "他" / "资" / "金" in a narrow cell): both one
 * character, o close under c (1.7 sizes) and starting where it does? */
static bool stacks_on(const page *p, const chunk *c, const chunk *o)
{
    double size = dmax(c->size, o->size);
    return c->g1 - c->g0 == 1 && o->g1 - o->g0 == 1 && c->kind == K_TEXT && o->kind == K_TEXT &&
           dabs(o->x0 - c->x0) <= 0.3 * size && o->cy > c->cy && o->cy - c->cy <= 1.7 * size &&
           ideograph(codepoint(p->g[c->g0].utf8)) && ideograph(codepoint(p->g[o->g0].utf8));
}

/* Header chunks idx[0..n) in reading order: a run of characters printed
 * vertically ("其" / "他" / "资" / "金" in a narrow cell), three at
 * least, down to the header's last line is one header of that line, beside the headers its
 * foot stands beside, not cut across the bands of the others: its
 * characters are moved down to its foot, their middles set to its.  The
 * chunks moved and their middles are kept in moved[], was[] (n at most)
 * to be put back; returns how many. */
static size_t gather_stacks(page *p, size_t *idx, size_t n, size_t *moved, double *was)
{
    double low = -1e18;                     /* the top of the lowest header */
    for (size_t j = 0; j < n; j++)
        low = dmax(low, p->ch[idx[j]].cy - p->ch[idx[j]].size / 2);
    size_t nm = 0;
    for (size_t i = n; i-- > 0;) {
        const chunk *foot = &p->ch[idx[i]];
        if (foot->cy < low || foot->col <= 0)
            continue;               /* (in the first column: a row label, "年/度/绩/效") */
        bool last = true;                   /* nothing stacks under it */
        for (size_t j = 0; j < n && last; j++)
            last = !stacks_on(p, foot, &p->ch[idx[j]]);
        if (!last)
            continue;
        /* The run ending at the foot: characters above, each on the one under. */
        size_t run[64], m = 0, cur = i;
        for (bool more = true; more && m < 64;) {
            more = false;
            for (size_t j = 0; j < n && !more; j++)
                if (j != cur && stacks_on(p, &p->ch[idx[j]], &p->ch[idx[cur]])) {
                    run[m++] = idx[j];
                    cur = j;
                    more = true;
                }
        }
        if (m < 2 || nm + m > n)
            continue;               /* three characters at least ("序" / "号": no header of a line) */
        /* The run (topmost first) just before the foot. */
        size_t f = idx[i], w = 0;
        for (size_t j = 0; j < n; j++) {
            bool member = false;
            for (size_t q = 0; q < m && !member; q++)
                member = idx[j] == run[q];
            if (!member)
                idx[w++] = idx[j];
        }
        for (size_t j = w; j-- > 0;)
            if (idx[j] == f) {
                memmove(idx + j + m, idx + j, (w - j) * sizeof *idx);
                for (size_t q = 0; q < m; q++)
                    idx[j + q] = run[m - 1 - q];
                break;
            }
        for (size_t q = 0; q < m; q++) {
            moved[nm] = run[q];
            was[nm++] = p->ch[run[q]].cy;
            p->ch[run[q]].cy = p->ch[f].cy;
        }
    }
    return nm;
}

/* Write a region as a table; false (nothing written) when it is too large
 * to be one. */
static bool grid_region(pg_doc *d, page *p, const region *rg, bool first_on_page)
{
    if (p->lines[rg->l1].c1 - p->lines[rg->l0].c0 > MAX_GRID_CHUNKS)
        return false;
    grid gr = {0};
    gr.p = p;
    size_t header_chunks = 0;
    /* The region's chunks, the header's first: those above the first
     * figure or code (a figure at the top of its row is above its label,
     * but no label of the first row is above all the figures). */
    double body_y = rg->blank ? -1e18 : 1e18;
    for (size_t i = rg->l0; i <= rg->l1 && !rg->blank; i++)
        for (size_t k = p->lines[i].c0; k < p->lines[i].c1; k++)
            if (body_chunk(&p->ch[k]))
                body_y = dmin(body_y, p->ch[k].cy - 0.3 * p->ch[k].size);
    /* A line of four whole numbers side by side after a label is a row (a
     * form counted in units: 总额 | 财政拨款 of 预算数 and of 执行数).  (Fewer,
     * "0 3000 3000", may be a form's rows beside a label merged over them,
     * "项目资金" / "（万元）", read as header lines as before.) */
    for (size_t i = rg->l0; i <= rg->l1 && !rg->blank; i++) {
        const pline *l = &p->lines[i];
        size_t run = 0, best = 0;
        for (size_t k = l->c0; k < l->c1 && l->counts && !l->numbers; k++) {
            run = p->ch[k].kind == K_DIGITS ? run + 1 : 0;
            best = run > best ? run : best;
        }
        if (best >= 4)
            body_y = dmin(body_y, l->cy - 0.3 * l->size);
    }
    /* Below the column numbers, the rows (blank in a table without figures). */
    for (size_t i = rg->l0; i <= rg->l1 && !rg->blank; i++)
        if (p->lines[i].numbers)
            body_y = dmin(body_y, p->lines[i].cy + 0.5 * p->lines[i].size);
    /* No figure and no column numbers: the rows are below the column
     * headers. */
    for (size_t i = rg->l0; i <= rg->l1 && body_y == 1e18; i++)
        if (p->lines[i].heads)
            body_y = p->lines[i].cy + 0.5 * p->lines[i].size;
    if (body_y < 1e18 && !rg->blank)
        cut_headers_at_columns(p, rg, body_y);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = rg->l0; i <= rg->l1; i++)
            for (size_t k = p->lines[i].c0; k < p->lines[i].c1; k++)
                if ((p->ch[k].cy < body_y || level_word(p, &p->ch[k])) == (pass == 0)) {
                    gr.cs = gk_grow(gr.cs, &gr.cscap, gr.ncs, sizeof *gr.cs);
                    gr.cs[gr.ncs++] = k;
                    header_chunks += pass == 0;
                }
    sort_page = p;
    qsort(gr.cs, header_chunks, sizeof *gr.cs, by_chunk_y);
    if (first_on_page)
        header_chunks = repeated_header(p, gr.cs, header_chunks, d->carry);
    /* A table going on from the page before: no header (nothing above its
     * first row but labels), its columns. */
    bool carried = false;
    bool header_words = false;
    for (size_t i = 0; i < header_chunks && !header_words; i++)
        header_words = header_word(p, &p->ch[gr.cs[i]]) ||
                       p->lines[p->ch[gr.cs[i]].line].heads;
    if (first_on_page && !header_words) {
        gr.body_from = 0;
        body_columns(&gr);
        if (rg->blank || fits_carry(&gr, d->carry)) {
            /* The carried columns, widened to this page's content. */
            carried = true;
            column *fresh = gr.cols;
            int nfresh = gr.ncols;
            gr.cols = NULL;
            gr.ncols = gr.colcap = 0;
            for (int k = 0; k < d->carry->ncols; k++)
                *add_column(&gr) = d->carry->cols[k];
            for (int k = 0; k < nfresh; k++)
                for (int j = 0; j < gr.ncols; j++)
                    if (overlap(fresh[k].x0, fresh[k].x1, gr.cols[j].x0, gr.cols[j].x1) > 0.5) {
                        gr.cols[j].x0 = dmin(gr.cols[j].x0, fresh[k].x0);
                        gr.cols[j].x1 = dmax(gr.cols[j].x1, fresh[k].x1);
                    }
            free(fresh);
        } else {
            gr.ncols = 0;
        }
    }
    if (!carried) {
        gr.body_from = header_chunks;
        body_columns(&gr);
        if (first_name_lines(&gr)) {
            gr.ncols = 0;
            body_columns(&gr);
        }
        split_under_headers(&gr);
        header_columns(&gr);
        join_split_columns(&gr);
        join_numbered_labels(&gr);
    }
    if (gr.ncols > MAX_GRID_COLUMNS) {
        free(gr.cols);
        free(gr.cs);
        return false;
    }
    for (size_t i = 0; i < gr.ncs; i++) {
        chunk *c = &p->ch[gr.cs[i]];
        c->col = i < gr.body_from ? header_column(&gr, c) : column_at(&gr, (c->x0 + c->x1) / 2);
        c->sub = part_at(&gr.cols[c->col], (c->x0 + c->x1) / 2);
    }
    group_headers(&gr);

    /* Header bands: cut where no header chunk crosses. */
    size_t *idx = malloc((gr.ncs ? gr.ncs : 1) * sizeof *idx);
    if (!idx)
        gk_out_of_memory();
    memcpy(idx, gr.cs, gr.ncs * sizeof *idx);
    sort_page = p;
    qsort(idx, gr.body_from, sizeof *idx, by_chunk_y);
    size_t *moved = malloc((gr.body_from ? gr.body_from : 1) * sizeof *moved);
    double *was = malloc((gr.body_from ? gr.body_from : 1) * sizeof *was);
    if (!moved || !was)
        gk_out_of_memory();
    size_t nmoved = gather_stacks(p, idx, gr.body_from, moved, was);
    /* The header printed again at the top of a page, over the rows of the
     * table that ran to the foot of the last: the table goes on, its
     * header is not read a second time (as rows, for a table without
     * codes such as the two-sided 收入/支出 summaries). */
    gk_buf head = {0};
    for (size_t i = 0; i < gr.body_from; i++) {
        chunk_text(p, &p->ch[idx[i]], &head);
        gk_buf_putc(&head, '\t');
    }
    bool repeated = first_on_page && d->carry && d->carry->open && head.len &&
                    d->carry->header.len == head.len &&
                    memcmp(d->carry->header.data, head.data, head.len) == 0;
    for (size_t i = 0; i < gr.body_from && !repeated;) {
        size_t j = band_end(p, idx, i, gr.body_from);
        /* Bands below that have no text in this one's columns are one line
         * with it: headers of one row of cells, centred in cells of
         * different heights ("项目" beside "合计" below "基本支出"). */
        while (j < gr.body_from) {
            size_t k = band_end(p, idx, j, gr.body_from);
            bool clash = false;
            for (size_t a = i; a < j && !clash; a++)
                for (size_t b = j; b < k && !clash; b++)
                    clash = p->ch[idx[a]].col == p->ch[idx[b]].col &&
                            !wraps_on(&gr, idx + i, k - i, &p->ch[idx[b]]);
            if (clash)
                break;
            j = k;
        }
        put_row(d, &gr, idx + i, j - i);
        i = j;
    }
    for (size_t i = 0; i < nmoved; i++)
        p->ch[moved[i]].cy = was[i];
    free(moved);
    free(was);

    /* Body rows (the first, on a page the table goes on to, may be the
     * rest of the last page's last row). */
    rows rs = {0};
    body_rows(&gr, &rs);
    size_t nb = gr.ncs - gr.body_from;
    size_t *body = idx + gr.body_from;
    bool written = false;
    for (size_t r = 0, from = 0; r < rs.n; r++) {
        size_t m = from;
        for (size_t i = from; i < nb; i++)
            if (p->ch[body[i]].row == (int)r) {
                size_t t = body[m];
                body[m] = body[i];
                body[i] = t;
                m++;
            }
        if (!(r == 0 && carried && rest_of_row(d, &gr, body + from, m - from))) {
            put_row(d, &gr, body + from, m - from);
            written = m > from;
        }
        from = m;
    }
    /* Where the last row's lines reach their cells' edges: it may go on
     * at the top of the next page. */
    for (int k = 0; k < gr.ncols; k++)
        gr.cols[k].cut = false;
    for (size_t i = 0; i < nb && written; i++) {
        const chunk *c = &p->ch[body[i]];
        column *col = &gr.cols[c->col];
        if (c->row != (int)rs.n - 1 || col->kind != C_TEXT)
            continue;
        bool last = true;
        for (size_t j = 0; j < nb && last; j++)
            last = p->ch[body[j]].col != c->col || p->ch[body[j]].row != c->row ||
                   p->ch[body[j]].cy <= c->cy;
        if (last) {
            col->cut = c->kind == K_TEXT && full_line(c, cell_right(&gr, c->col));
            col->cut_x0 = c->x0;
        }
    }

    /* The columns go on to the next page's table, if it continues there. */
    if (!d->carry) {
        d->carry = calloc(1, sizeof *d->carry);
        if (!d->carry)
            gk_out_of_memory();
    }
    free(d->carry->cols);
    d->carry->cols = gr.cols;
    d->carry->ncols = gr.ncols;
    d->carry->open = true;
    if (!carried)
        d->carry->rowless = !written;
    else if (written)
        d->carry->rowless = false;
    if (written)
        d->carry->last_row = d->n - 1;
    if (!carried) {
        gk_buf_free(&d->carry->header);
        d->carry->header = head;
    } else {
        gk_buf_free(&head);
    }
    gr.cols = NULL;
    free(rs.r);
    free(idx);
    free(gr.cs);
    return true;
}

/* ---- A page ------------------------------------------------------------------------ */

/* A page number at the foot ("5", "- 5 -", "第 5 页") does not close a table. */
static bool page_number(page *p, const pline *l)
{
    p->scratch.len = 0;
    plain_text(p, l, &p->scratch);
    const char *s = p->scratch.data;
    size_t digits = 0, other = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (*s != ' ' && *s != '-')
            other++;
    }
    return digits > 0 && digits <= 4 && other <= 6;
}

/* A table's header at the foot of a page, its rows on the next: the lines
 * after the last region down to the page's foot (its page number aside),
 * under a title, unit or number line, none of them prose, one of three
 * cells or more, with a header word among them.  They are a region of
 * their own (a header without a body), whose columns the next page's rows
 * take (a table carried over).  Returns the regions with it. */
static size_t foot_header(page *p, region *rg, size_t nr)
{
    size_t e = p->nl;
    while (e > 0 && page_number(p, &p->lines[e - 1]))
        e--;
    if (e == 0 || (nr > 0 && rg[nr - 1].l1 + 1 >= e))
        return nr;
    size_t a = e - 1;
    while (a > 0 && (nr == 0 || a - 1 > rg[nr - 1].l1) && !p->lines[a - 1].excluded &&
           joins(p, a - 1, a, 5.0))
        a--;
    if (a == 0 || !p->lines[a - 1].excluded || (nr > 0 && a <= rg[nr - 1].l1))
        return nr;
    bool wide = false, words = false;
    for (size_t i = a; i < e; i++) {
        const pline *l = &p->lines[i];
        if (l->excluded || l->sentence || l->amount)
            return nr;
        wide |= l->c1 - l->c0 >= 3;
        for (size_t k = l->c0; k < l->c1 && !words; k++)
            words = header_word(p, &p->ch[k]);
    }
    if (!wide || !words)
        return nr;
    rg[nr].l0 = a;
    rg[nr].l1 = e - 1;
    rg[nr].blank = false;
    return nr + 1;
}

/* Lines, chunks and regions of a page (its glyphs already measured). */
static size_t lay_out(page *p, region **rg, const pg_carry *carry)
{
    build_lines(p);
    classify_lines(p);
    *rg = malloc((p->nl ? p->nl : 1) * sizeof **rg);
    if (!*rg)
        gk_out_of_memory();
    return find_regions(p, *rg, carry);
}

static void free_page(page *p)
{
    free(p->lines);
    free(p->ch);
    gk_buf_free(&p->scratch);
}

/* The held header, not followed by rows: its lines as text, on its page. */
static void flush_held(pg_doc *d)
{
    pg_carry *c = d->carry;
    if (!c || !c->nheld)
        return;
    page p = {0};
    p.g = c->held;
    p.ng = c->nheld;
    p.width = c->held_width;
    p.number = c->held_page;
    p.lineno = c->held_lineno;
    build_lines(&p);
    for (size_t i = 0; i < p.nl; i++) {
        emit_plain(d, &p, &p.lines[i]);
        if (!page_number(&p, &p.lines[i]))
            c->open = false;
    }
    free_page(&p);
    c->nheld = 0;
}

/* Does the page begin with a table's rows, no header of their own above
 * the first figure: the rows of a header held at the last page's foot? */
static bool rows_first(page *p, const region *rg, size_t nr)
{
    if (nr == 0 || rg[0].l0 != 0)
        return false;
    size_t first = rg[0].l0;
    while (first <= rg[0].l1 && !p->lines[first].amount)
        first++;
    for (size_t i = rg[0].l0; i < first && i <= rg[0].l1; i++)
        for (size_t k = p->lines[i].c0; k < p->lines[i].c1; k++)
            if (header_word(p, &p->ch[k]))
                return false;
    return first <= rg[0].l1;
}

/* Write a page's lines, tables as rows; holds back a header at its foot. */
static void write_page(pg_doc *d, page *p, region *rg, size_t nr)
{
    size_t with_foot = foot_header(p, rg, nr);
    bool seen_text = false;
    for (size_t i = 0, r = 0; i < p->nl;) {
        if (p->lines[i].running) {
            i++;                        /* printed once, on the first page */
            continue;
        }
        if (with_foot > nr && r == nr && rg[r].l0 == i) {
            /* The header at the foot: held, with what follows it. */
            if (!d->carry) {
                d->carry = calloc(1, sizeof *d->carry);
                if (!d->carry)
                    gk_out_of_memory();
            }
            pg_carry *c = d->carry;
            size_t g0 = p->lines[i].g0, ng = p->ng - g0;
            c->held = gk_grow(c->held, &c->heldcap, ng, sizeof *c->held);
            memcpy(c->held, p->g + g0, ng * sizeof *c->held);
            c->nheld = ng;
            c->held_page = p->number;
            c->held_lineno = p->lineno;
            c->held_width = p->width;
            break;
        }
        if (r < nr && rg[r].l0 == i && grid_region(d, p, &rg[r], !seen_text)) {
            seen_text = true;
            i = rg[r].l1 + 1;
            r++;
            continue;
        }
        if (r < nr && rg[r].l1 == i)
            r++;
        emit_plain(d, p, &p->lines[i]);
        if (d->carry && !page_number(p, &p->lines[i]))
            d->carry->open = false;
        seen_text = true;
        i++;
    }
}

void pg_add_page(pg_doc *d, int number, pg_glyph *g, size_t n, double width)
{
    page p = {0};
    p.g = g;
    p.ng = n;
    p.width = width > 0 ? width : 595;
    p.number = number;
    p.top_before = &d->top;
    measured_sizes(g, n);
    region *rg;
    size_t nr = lay_out(&p, &rg, d->carry);
    gk_buf first = GK_BUF_INIT;        /* the next page's top_before */
    if (p.nl > 0)
        plain_text(&p, &p.lines[0], &first);
    pg_glyph *joined = NULL;
    pg_carry *c = d->carry;
    if (c && c->nheld && rows_first(&p, rg, nr) && p.nl > 0) {
        /* The held header goes on top of this page's rows, as if printed
         * there: its last line one and a half sizes above the first. */
        const pline *top = &p.lines[0];
        double last = -1e18, size = 0;
        for (size_t k = 0; k < c->nheld; k++) {
            last = dmax(last, cy_of(&c->held[k]));
            size = dmax(size, c->held[k].size);
        }
        double dy = top->cy - 1.5 * dmax(size, top->size) - last;
        joined = malloc((c->nheld + n) * sizeof *joined);
        if (!joined)
            gk_out_of_memory();
        memcpy(joined, c->held, c->nheld * sizeof *joined);
        for (size_t k = 0; k < c->nheld; k++)
            joined[k].y0 += dy, joined[k].y1 += dy;
        memcpy(joined + c->nheld, g, n * sizeof *joined);
        free(rg);
        free_page(&p);
        memset(&p, 0, sizeof p);
        p.g = joined;
        p.ng = c->nheld + n;
        p.width = width > 0 ? width : 595;
        p.number = number;
        p.top_before = &d->top;
        c->nheld = 0;
        nr = lay_out(&p, &rg, c);
    } else {
        flush_held(d);
    }
    char marker[32];
    int m = snprintf(marker, sizeof marker, "=== page %d ===\n", number);
    new_line(d, 0, 0);
    gk_buf_putn(&d->text, marker, (size_t)m);
    write_page(d, &p, rg, nr);
    free(rg);
    free_page(&p);
    free(joined);
    gk_buf_free(&d->top);
    d->top = first;
}

void pg_finish(pg_doc *d)
{
    flush_held(d);
}

void pg_doc_free(pg_doc *d)
{
    gk_buf_free(&d->text);
    free(d->lines);
    free(d->fields);
    if (d->carry) {
        free(d->carry->cols);
        free(d->carry->held);
        gk_buf_free(&d->carry->header);
    }
    free(d->carry);
    gk_buf_free(&d->top);
    memset(d, 0, sizeof *d);
}
