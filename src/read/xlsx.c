/*
 * read/xlsx.c — Excel workbooks (.xlsx) as input.
 *
 * A workbook is a ZIP package of XML parts (ECMA-376): xl/workbook.xml names
 * the sheets in order, xl/_rels/workbook.xml.rels says which part holds
 * each, the shared-strings part holds the text cells share, the styles part
 * the number formats, and each sheet part its cells and merged ranges.
 * Parts are decompressed by libzip a chunk at a time straight into expat: no
 * part is ever held whole.
 *
 * Each sheet becomes lines of tab-separated cells — one line per row, an
 * empty field for an empty cell, a merged range's text once at its top-left,
 * a number as its format shows it (xlsx_format.c) — which is the tabbed text
 * the text reader reads; the whole workbook then goes through gk_read_text.
 * Sheets are separated by a blank line.  Positions stay the lines of that
 * text; notes and errors also name the sheet and its row.  A sheet named
 * 补充信息 is not text: its rows are the report's facts (事项 | 内容, as the
 * Excel writer writes them and docs/format.md lists them), each checked.
 *
 * The input is untrusted: every part's decompressed size, the cells, the
 * merged ranges, the text kept and the text made are capped; an XML part may
 * not declare a DTD; and any damage ends in an error that names the part,
 * the sheet and the reason.
 */
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../model/arena.h"
#include "../util/buf.h"
#include "readers.h"
#include "xlsx.h"
#include "../util/grow.h"

/* A part decompressing to more than this is refused (a ZIP bomb). */
#define MAX_PART_BYTES ((zip_uint64_t)256 << 20)
/* Shared strings and one sheet's cells held at once. */
#define MAX_KEPT_BYTES ((size_t)64 << 20)
/* The text made of the whole workbook, its lines and one line's bytes (as for
 * text input).  A tiny package can ask for a cell at XFD1048576: these keep
 * what the text reader then holds (a pointer per field, a record per line)
 * within a few hundred MiB. */
#define MAX_TEXT_BYTES ((size_t)16 << 20)
#define MAX_LINES 1100000   /* one sheet of Excel's full height fits */
#define MAX_LINE_BYTES ((size_t)1 << 20)
/* One cell's text: Excel holds at most 32767 characters. */
#define MAX_STRING_BYTES ((size_t)1 << 20)
#define MAX_CELLS 1000000
#define MAX_SHEETS 4096
#define MAX_MERGES 200000
#define MAX_MERGE_STEPS 20000000
#define MAX_XFS 65536
#define MAX_RELS 65536
/* The grid of a sheet: XFD1048576. */
#define MAX_ROW 1048576u
#define MAX_COL 16384u

#define CHUNK 65536

/* The sheet of facts (write/xlsx.c writes it). */
#define FACTS_SHEET "补充信息"

/* ---- The reader's state --------------------------------------------------- */

typedef struct rel {
    char *id, *type, *target;
} rel;

typedef struct sheet_ref {
    char *name, *rid;
    bool hidden;
    int from, to;            /* its lines in the text, from ≤ line < to; none when equal */
} sheet_ref;

typedef struct numfmt_def {
    unsigned id;
    char *code;
} numfmt_def;

typedef struct cell {
    uint32_t row, col;       /* 1-based */
    uint32_t seq;            /* order in the part, to keep the first of duplicates */
    bool dropped;            /* covered by a merged range, or a duplicate */
    bool alone;              /* the only cell of its row */
    size_t off, len;         /* the text, in the sheet's pool */
} cell;

typedef struct range {
    uint32_t r1, c1, r2, c2;
} range;

/* Where a sheet's rows are in the text: from `line` on, line by line, row
 * `row` onwards — or, when `hold`, every line is row `row` (the lines of
 * one cell's text).  name NULL: between sheets. */
typedef struct anchor {
    int line;
    uint32_t row;
    bool hold;
    const char *name;
} anchor;

typedef struct xlsx {
    zip_t *zip;
    gk_error *err;
    bool failed;
    char part[160];          /* the part being read, for messages */
    const char *sheet;       /* its sheet, or NULL */
    size_t kept;
    XML_Parser parser;

    bool collect;            /* character data goes to `chars` */
    gk_buf chars;
    int in_rph;              /* inside phonetic runs (<rPh>), not text */

    /* workbook.xml and its relationships */
    bool date1904;
    sheet_ref *sheets;
    size_t nsheets, sheets_cap;
    rel *rels;
    size_t nrels, rels_cap;

    /* shared strings: each NUL-terminated in `sst` */
    gk_buf sst;
    size_t *sst_off;
    size_t nsst, sst_cap;
    bool in_si;

    /* styles: the number format of each cell format (s="N") */
    numfmt_def *fmts;
    size_t nfmts, fmts_cap;
    unsigned *xf_id;
    xlsx_numfmt *xf;
    size_t nxf, xf_cap;
    int in_numfmts, in_cellxfs;

    /* the sheet being read */
    cell *cells;
    size_t ncells, cells_cap;
    gk_buf pool;
    range *merges;
    size_t nmerges, merges_cap;
    uint32_t row, col;       /* the current row, the last cell's column */
    bool in_c, in_is, has_formula;
    uint32_t c_row, c_col;
    unsigned c_style;
    char c_type[16];
    size_t formulas_unvalued;

    /* the text made */
    gk_buf text;
    int line;                /* lines in `text` */
    anchor *anchors;
    size_t nanchors, anchors_cap;
    gk_buf notes;            /* notes for the report, each NUL-terminated */
    size_t nnotes;
    gk_buf facts;            /* key, value, key, value …, each NUL-terminated */
    size_t nfacts;
} xlsx;

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        gk_out_of_memory();
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *dup(const char *s)
{
    return dupn(s, strlen(s));
}

/* Record the first failure: "<part>（工作表“<sheet>”）：<reason>", and stop
 * the parser. */
static void fail(xlsx *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void fail(xlsx *x, const char *fmt, ...)
{
    if (x->failed)
        return;
    x->failed = true;
    char reason[400];
    va_list ap;
    va_start(ap, fmt);
    gk_vformat(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (x->part[0] && x->sheet)
        gk_error_set(x->err, 0, 0, "Excel 工作簿的 %s（工作表“%s”）：%s", x->part, x->sheet, reason);
    else if (x->part[0])
        gk_error_set(x->err, 0, 0, "Excel 工作簿的 %s：%s", x->part, reason);
    else
        gk_error_set(x->err, 0, 0, "Excel 工作簿：%s", reason);
    if (x->parser)
        XML_StopParser(x->parser, XML_FALSE);
}

static void note(xlsx *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void note(xlsx *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gk_buf_vprintf(&x->notes, fmt, ap);     /* whole, NUL-separated */
    va_end(ap);
    gk_buf_putc(&x->notes, '\0');
    x->nnotes++;
}

static bool keep(xlsx *x, size_t n)
{
    x->kept += n;
    if (x->kept > MAX_KEPT_BYTES) {
        fail(x, "文本和单元格超过 %zu MiB，超出读取上限", MAX_KEPT_BYTES >> 20);
        return false;
    }
    return true;
}

/* ---- XML helpers --------------------------------------------------------- */

/* The local name of an element or attribute ("x:c" → "c"). */
static const char *local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

static const char *attr(const XML_Char **atts, const char *name)
{
    for (; atts[0]; atts += 2)
        if (strncmp(atts[0], "xmlns", 5) != 0 && strcmp(local(atts[0]), name) == 0)
            return atts[1];
    return NULL;
}

/* A decimal number of at most 9 digits (spaces around allowed). */
static bool parse_uint(const char *s, unsigned *out)
{
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    unsigned v = 0;
    int n = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++n > 9)
            return false;
        v = v * 10 + (unsigned)(*s - '0');
    }
    while (*s == ' ')
        s++;
    if (n == 0 || *s)
        return false;
    *out = v;
    return true;
}

static void chars(void *ud, const XML_Char *s, int len)
{
    xlsx *x = ud;
    if (!x->collect || x->failed)
        return;
    if (x->chars.len + (size_t)len > MAX_STRING_BYTES) {
        fail(x, "单元格文本超过 %zu MiB", MAX_STRING_BYTES >> 20);
        return;
    }
    gk_buf_putn(&x->chars, s, (size_t)len);
}

static void doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                    int has_internal)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    fail(ud, "含有文档类型声明（DTD），Excel 工作簿的部件中不应出现，拒绝读取");
}

static const char *xml_reason(enum XML_Error e)
{
    switch (e) {
    case XML_ERROR_NO_ELEMENTS:
        return "没有任何元素（部件为空或被截断）";
    case XML_ERROR_UNCLOSED_TOKEN:
    case XML_ERROR_UNCLOSED_CDATA_SECTION:
        return "标记未闭合（部件被截断）";
    case XML_ERROR_TAG_MISMATCH:
        return "开始标签与结束标签不匹配";
    case XML_ERROR_INVALID_TOKEN:
        return "含有无效字符或标记";
    case XML_ERROR_SYNTAX:
        return "语法错误";
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        return "根元素之后还有内容";
    case XML_ERROR_DUPLICATE_ATTRIBUTE:
        return "属性重复";
    case XML_ERROR_UNDEFINED_ENTITY:
        return "引用了未定义的实体";
    default:
        return XML_ErrorString(e);
    }
}

/* Parse a part of the package with these handlers.  A part that is not
 * there is an error when `required`, else nothing to read.  */
static bool read_part(xlsx *x, const char *name, bool required, XML_StartElementHandler start,
                      XML_EndElementHandler end)
{
    snprintf(x->part, sizeof x->part, "%s", name);
    zip_int64_t idx = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (required)
            fail(x, "缺少这一部件");
        return !required;
    }
    zip_stat_t st;
    if (zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > MAX_PART_BYTES) {
        fail(x, "解压后有 %llu MiB，超过上限 %llu MiB（可能是 ZIP 炸弹）",
             (unsigned long long)(st.size >> 20), (unsigned long long)(MAX_PART_BYTES >> 20));
        return false;
    }
    zip_file_t *zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    if (!zf) {
        fail(x, "无法解压（%s）", zip_strerror(x->zip));
        return false;
    }
    XML_Parser p = XML_ParserCreate(NULL);
    if (!p)
        gk_out_of_memory();
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, chars);
    XML_SetStartDoctypeDeclHandler(p, doctype);
    x->parser = p;
    x->collect = false;
    x->chars.len = 0;
    char *buf = malloc(CHUNK);
    if (!buf)
        gk_out_of_memory();
    zip_uint64_t total = 0;
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, CHUNK);
        if (n < 0) {
            fail(x, "解压失败，压缩包已损坏或不完整（%s）", zip_file_strerror(zf));
            break;
        }
        total += (zip_uint64_t)n;
        if (total > MAX_PART_BYTES) {
            fail(x, "解压后超过 %llu MiB（可能是 ZIP 炸弹）", (unsigned long long)(MAX_PART_BYTES >> 20));
            break;
        }
        if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (!x->failed)
                fail(x, "XML 格式错误（第 %lu 行第 %lu 列）：%s",
                     (unsigned long)XML_GetCurrentLineNumber(p),
                     (unsigned long)XML_GetCurrentColumnNumber(p) + 1,
                     xml_reason(XML_GetErrorCode(p)));
            break;
        }
        if (x->failed || n == 0)
            break;
    }
    free(buf);
    XML_ParserFree(p);
    x->parser = NULL;
    zip_fclose(zf);
    return !x->failed;
}

/* ---- Text of cells -------------------------------------------------------- */

static void put_utf8(gk_buf *b, unsigned long c)
{
    char u[4];
    size_t n;
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        c = 0xFFFD;
    if (c < 0x80)
        u[0] = (char)c, n = 1;
    else if (c < 0x800)
        u[0] = (char)(0xC0 | (c >> 6)), u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        u[0] = (char)(0xE0 | (c >> 12)), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | (c >> 18)), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    gk_buf_putn(b, u, n);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* A cell's text, cleaned: OOXML escapes (_x000D_) decoded, a line break as
 * "\n" (however written), a tab as a space, other control characters
 * dropped, spaces and line breaks at both ends trimmed.  Whether a line
 * break stays one is decided when the line is made (put_cell). */
static void put_clean(gk_buf *b, const char *s, size_t n)
{
    size_t start = b->len;
    for (size_t i = 0; i < n; i++) {
        unsigned long c = (unsigned char)s[i];
        if (c == '_' && i + 6 < n && s[i + 1] == 'x' && s[i + 6] == '_') {
            int h0 = hexval(s[i + 2]), h1 = hexval(s[i + 3]), h2 = hexval(s[i + 4]), h3 = hexval(s[i + 5]);
            if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
                c = (unsigned long)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
                i += 6;
                if (c >= 0x80) {
                    put_utf8(b, c);
                    continue;
                }
            }
        }
        if (c == '\r') {
            if (i + 1 < n && s[i + 1] == '\n')
                continue;
            c = '\n';
        }
        if (c == '\t')
            c = ' ';
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            continue;
        gk_buf_putc(b, (char)c);
    }
    size_t i = start;
    while (i < b->len && (b->data[i] == ' ' || b->data[i] == '\n'))
        i++;
    if (i > start) {
        memmove(b->data + start, b->data + i, b->len - i);
        b->len -= i - start;
    }
    while (b->len > start && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\n'))
        b->len--;
    if (b->data)                            /* NULL while nothing was ever put */
        b->data[b->len] = '\0';
}

/* ---- Cell references ------------------------------------------------------- */

enum { REF_OK, REF_INVALID, REF_RANGE };

/* "B3" → column 2, row 3. */
static int parse_ref(const char *s, size_t n, uint32_t *col, uint32_t *row)
{
    size_t i = 0;
    unsigned long c = 0, r = 0;
    for (; i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')); i++) {
        if (i == 4)
            return REF_RANGE;
        c = c * 26 + (unsigned long)((s[i] | 0x20) - 'a' + 1);
    }
    size_t digits = i;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        if (i - digits == 8)
            return REF_RANGE;
        r = r * 10 + (unsigned long)(s[i] - '0');
    }
    if (digits == 0 || i == digits || i != n)
        return REF_INVALID;
    if (c > MAX_COL || r < 1 || r > MAX_ROW)
        return REF_RANGE;
    *col = (uint32_t)c;
    *row = (uint32_t)r;
    return REF_OK;
}

/* "B3" for messages. */
static const char *ref_name(uint32_t col, uint32_t row, char buf[16])
{
    char letters[4];
    int n = 0;
    for (uint32_t c = col; c > 0 && n < 3; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int k = 0;
    while (n > 0)
        buf[k++] = letters[--n];
    snprintf(buf + k, 16 - (size_t)k, "%u", row);
    return buf;
}

static bool check_ref(xlsx *x, const char *ref, uint32_t *col, uint32_t *row)
{
    switch (parse_ref(ref, strlen(ref), col, row)) {
    case REF_OK:
        return true;
    case REF_RANGE:
        fail(x, "单元格引用 %.24s 超出范围（最大为 XFD1048576）", ref);
        return false;
    default:
        fail(x, "单元格引用“%.24s”无效", ref);
        return false;
    }
}

/* ---- workbook.xml and relationships ---------------------------------------- */

static void workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    const char *el = local(name);
    if (strcmp(el, "workbookPr") == 0) {
        const char *d = attr(atts, "date1904");
        x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(el, "sheet") == 0) {
        const char *sname = attr(atts, "name"), *rid = attr(atts, "id"), *state = attr(atts, "state");
        if (x->nsheets == MAX_SHEETS) {
            fail(x, "工作表超过 %d 个", MAX_SHEETS);
            return;
        }
        if (!rid) {
            fail(x, "工作表“%.100s”没有指明它的部件（r:id）", sname ? sname : "");
            return;
        }
        x->sheets = gk_grow(x->sheets, &x->sheets_cap, x->nsheets, sizeof *x->sheets);
        sheet_ref *s = &x->sheets[x->nsheets++];
        s->name = dup(sname ? sname : "");
        s->rid = dup(rid);
        s->hidden = state && strcmp(state, "visible") != 0;
    }
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    if (strcmp(local(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    const char *mode = attr(atts, "TargetMode");
    if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
        return;
    if (x->nrels == MAX_RELS) {
        fail(x, "关系超过 %d 个", MAX_RELS);
        return;
    }
    x->rels = gk_grow(x->rels, &x->rels_cap, x->nrels, sizeof *x->rels);
    rel *r = &x->rels[x->nrels++];
    r->id = dup(id);
    r->type = dup(type);
    r->target = dup(target);
}

static void no_end(void *ud, const XML_Char *name)
{
    (void)ud, (void)name;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static const rel *rel_by_id(const xlsx *x, const char *id)
{
    for (size_t i = 0; i < x->nrels; i++)
        if (strcmp(x->rels[i].id, id) == 0)
            return &x->rels[i];
    return NULL;
}

static const rel *rel_by_type(const xlsx *x, const char *type)
{
    for (size_t i = 0; i < x->nrels; i++)
        if (ends_with(x->rels[i].type, type))
            return &x->rels[i];
    return NULL;
}

/* A relationship's target as a part name: relative to xl/, or absolute
 * ("/xl/worksheets/sheet1.xml"), with "." and ".." resolved.  False when it
 * leaves the package or is too long. */
static bool part_name(const char *target, char out[160])
{
    char path[320];
    int n = snprintf(path, sizeof path, "%s%s", target[0] == '/' ? "" : "xl/",
                     target[0] == '/' ? target + 1 : target);
    if (n < 0 || (size_t)n >= sizeof path)
        return false;
    size_t len = 0;
    for (char *seg = path, *next; seg; seg = next) {
        char *slash = strchr(seg, '/');
        next = slash ? slash + 1 : NULL;
        size_t k = slash ? (size_t)(slash - seg) : strlen(seg);
        if (k == 0 || (k == 1 && seg[0] == '.'))
            continue;
        if (k == 2 && seg[0] == '.' && seg[1] == '.') {
            if (len == 0)
                return false;
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;
            continue;
        }
        if (len + (len > 0) + k >= 160)
            return false;
        if (len > 0)
            out[len++] = '/';
        memcpy(out + len, seg, k);
        len += k;
    }
    out[len] = '\0';
    return len > 0;
}

/* ---- Shared strings ------------------------------------------------------- */

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    (void)atts;
    const char *el = local(name);
    if (strcmp(el, "si") == 0) {
        x->in_si = true;
        x->chars.len = 0;
    } else if (strcmp(el, "rPh") == 0)
        x->in_rph++;
    else if (strcmp(el, "t") == 0 && x->in_si && !x->in_rph)
        x->collect = true;
}

static void sst_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    const char *el = local(name);
    if (strcmp(el, "t") == 0)
        x->collect = false;
    else if (strcmp(el, "rPh") == 0 && x->in_rph)
        x->in_rph--;
    else if (strcmp(el, "si") == 0 && x->in_si) {
        x->in_si = false;
        if (!keep(x, x->chars.len + 1 + sizeof *x->sst_off))
            return;
        x->sst_off = gk_grow(x->sst_off, &x->sst_cap, x->nsst, sizeof *x->sst_off);
        x->sst_off[x->nsst++] = x->sst.len;
        put_clean(&x->sst, x->chars.data ? x->chars.data : "", x->chars.len);
        gk_buf_putc(&x->sst, '\0');
    }
}

/* ---- Styles ---------------------------------------------------------------- */

static void styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    const char *el = local(name);
    if (strcmp(el, "numFmts") == 0)
        x->in_numfmts++;
    else if (strcmp(el, "cellXfs") == 0)
        x->in_cellxfs++;
    else if (strcmp(el, "numFmt") == 0 && x->in_numfmts) {
        unsigned id;
        const char *code = attr(atts, "formatCode");
        if (!parse_uint(attr(atts, "numFmtId"), &id) || !code || x->nfmts == MAX_XFS)
            return;
        x->fmts = gk_grow(x->fmts, &x->fmts_cap, x->nfmts, sizeof *x->fmts);
        x->fmts[x->nfmts].id = id;
        x->fmts[x->nfmts++].code = dup(code);
    } else if (strcmp(el, "xf") == 0 && x->in_cellxfs) {
        unsigned id = 0;
        parse_uint(attr(atts, "numFmtId"), &id);
        if (x->nxf == MAX_XFS) {
            fail(x, "单元格格式超过 %d 个", MAX_XFS);
            return;
        }
        x->xf_id = gk_grow(x->xf_id, &x->xf_cap, x->nxf, sizeof *x->xf_id);
        x->xf_id[x->nxf++] = id;
    }
}

static void styles_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    const char *el = local(name);
    if (strcmp(el, "numFmts") == 0 && x->in_numfmts)
        x->in_numfmts--;
    else if (strcmp(el, "cellXfs") == 0 && x->in_cellxfs)
        x->in_cellxfs--;
}

/* Each cell format's number format, once. */
static void resolve_formats(xlsx *x)
{
    x->xf = calloc(x->nxf ? x->nxf : 1, sizeof *x->xf);
    if (!x->xf)
        gk_out_of_memory();
    for (size_t i = 0; i < x->nxf; i++) {
        const char *code = NULL;
        for (size_t k = x->nfmts; k-- > 0;)
            if (x->fmts[k].id == x->xf_id[i]) {
                code = x->fmts[k].code;
                break;
            }
        if (!code)
            code = xlsx_builtin_format(x->xf_id[i]);
        x->xf[i] = xlsx_numfmt_parse(code);
    }
}

/* ---- Sheets ---------------------------------------------------------------- */

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    if (x->failed)
        return;
    const char *el = local(name);
    if (strcmp(el, "row") == 0) {
        const char *r = attr(atts, "r");
        unsigned v;
        if (r) {
            if (!parse_uint(r, &v) || v < 1 || v > MAX_ROW) {
                fail(x, "行号 %.24s 超出范围（应为 1–%u）", r, MAX_ROW);
                return;
            }
            x->row = v;
        } else if (++x->row > MAX_ROW) {
            fail(x, "行数超过 %u", MAX_ROW);
            return;
        }
        x->col = 0;
    } else if (strcmp(el, "c") == 0) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t");
        if (r) {
            if (!check_ref(x, r, &x->c_col, &x->c_row))
                return;
        } else {
            x->c_row = x->row ? x->row : 1;
            x->c_col = x->col + 1;
            if (x->c_col > MAX_COL) {
                char buf[16];
                fail(x, "单元格 %s 之后的单元格超出范围（最大为 XFD 列）", ref_name(x->col, x->c_row, buf));
                return;
            }
        }
        x->col = x->c_col;
        snprintf(x->c_type, sizeof x->c_type, "%s", t ? t : "n");
        unsigned s = 0;
        x->c_style = parse_uint(attr(atts, "s"), &s) ? s : 0;
        x->in_c = true;
        x->has_formula = false;
        x->chars.len = 0;
    } else if (strcmp(el, "v") == 0 && x->in_c) {
        x->collect = true;
    } else if (strcmp(el, "f") == 0 && x->in_c) {
        x->has_formula = true;
    } else if (strcmp(el, "is") == 0 && x->in_c) {
        x->in_is = true;
    } else if (strcmp(el, "rPh") == 0) {
        x->in_rph++;
    } else if (strcmp(el, "t") == 0 && x->in_is && !x->in_rph) {
        x->collect = true;
    } else if (strcmp(el, "mergeCell") == 0) {
        const char *ref = attr(atts, "ref");
        if (!ref)
            return;
        const char *colon = strchr(ref, ':');
        range m;
        size_t n1 = colon ? (size_t)(colon - ref) : strlen(ref);
        int a = parse_ref(ref, n1, &m.c1, &m.r1);
        int b = colon ? parse_ref(colon + 1, strlen(colon + 1), &m.c2, &m.r2) : a;
        if (!colon)
            m.c2 = m.c1, m.r2 = m.r1;
        if (a != REF_OK || b != REF_OK) {
            fail(x, "合并单元格区域 %.40s %s", ref, a == REF_RANGE || b == REF_RANGE ? "超出范围（最大为 XFD1048576）" : "无效");
            return;
        }
        if (x->nmerges == MAX_MERGES) {
            fail(x, "合并单元格区域超过 %d 个", MAX_MERGES);
            return;
        }
        if (m.r1 > m.r2) {
            uint32_t t = m.r1;
            m.r1 = m.r2, m.r2 = t;
        }
        if (m.c1 > m.c2) {
            uint32_t t = m.c1;
            m.c1 = m.c2, m.c2 = t;
        }
        x->merges = gk_grow(x->merges, &x->merges_cap, x->nmerges, sizeof *x->merges);
        x->merges[x->nmerges++] = m;
    }
}

/* The text of the cell just read, into the sheet's pool. */
static void end_cell(xlsx *x)
{
    const char *raw = x->chars.data ? x->chars.data : "";
    size_t len = x->chars.len;
    char shown[XLSX_NUMBER_TEXT_MAX];
    const char *text = raw;
    size_t n = len;
    const char *t = x->c_type;
    if (len == 0) {
        x->formulas_unvalued += x->has_formula;
        return;
    }
    if (strcmp(t, "s") == 0) {
        unsigned i;
        char buf[16];
        char idx[32];
        snprintf(idx, sizeof idx, "%.*s", (int)(len < 24 ? len : 24), raw);
        if (!parse_uint(idx, &i) || i >= x->nsst) {
            fail(x, "单元格 %s 的共享字符串索引 %s 超出范围（共有 %zu 个共享字符串）",
                 ref_name(x->c_col, x->c_row, buf), idx, x->nsst);
            return;
        }
        text = x->sst.data + x->sst_off[i];
        n = strlen(text);
    } else if (strcmp(t, "b") == 0) {
        text = raw[0] == '1' || raw[0] == 't' ? "TRUE" : "FALSE";
        n = strlen(text);
    } else if (strcmp(t, "n") == 0) {
        const xlsx_numfmt general = {0};
        const xlsx_numfmt *f = x->c_style < x->nxf ? &x->xf[x->c_style] : &general;
        if (xlsx_number_text(raw, len, f, x->date1904, shown)) {
            text = shown;
            n = strlen(shown);
        }
    }
    /* "str", "inlineStr", "e" (an error value such as #DIV/0!), "d": as stored */
    if (x->ncells == MAX_CELLS) {
        fail(x, "非空单元格超过 %d 个", MAX_CELLS);
        return;
    }
    if (!keep(x, n + sizeof(cell)))
        return;
    size_t off = x->pool.len;
    if (text == shown || strcmp(t, "s") == 0 || strcmp(t, "b") == 0)
        gk_buf_putn(&x->pool, text, n);     /* already clean */
    else
        put_clean(&x->pool, text, n);
    if (x->pool.len == off)
        return;                              /* only spaces */
    x->cells = gk_grow(x->cells, &x->cells_cap, x->ncells, sizeof *x->cells);
    x->cells[x->ncells] = (cell){x->c_row, x->c_col, (uint32_t)x->ncells, false, false, off, x->pool.len - off};
    x->ncells++;
}

static void sheet_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    if (x->failed)
        return;
    const char *el = local(name);
    if (strcmp(el, "v") == 0 || strcmp(el, "t") == 0)
        x->collect = false;
    else if (strcmp(el, "rPh") == 0 && x->in_rph)
        x->in_rph--;
    else if (strcmp(el, "is") == 0)
        x->in_is = false;
    else if (strcmp(el, "c") == 0 && x->in_c) {
        x->in_c = x->in_is = false;
        x->collect = false;
        end_cell(x);
    }
}

static int cell_order(const void *a, const void *b)
{
    const cell *p = a, *q = b;
    if (p->row != q->row)
        return p->row < q->row ? -1 : 1;
    if (p->col != q->col)
        return p->col < q->col ? -1 : 1;
    return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* The first cell at or after (row, col). */
static size_t lower_bound(const xlsx *x, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi = x->ncells;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cell *c = &x->cells[mid];
        if (c->row < row || (c->row == row && c->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Drop the cells a merged range covers, but its top-left.  Valid ranges
 * never overlap, so the steps are about the cells dropped and the rows
 * crossed; overlapping ones made to cost time are refused. */
static bool apply_merges(xlsx *x)
{
    size_t steps = 0;
    for (size_t m = 0; m < x->nmerges; m++) {
        const range *g = &x->merges[m];
        size_t i = lower_bound(x, g->r1, g->c1);
        while (i < x->ncells && x->cells[i].row <= g->r2) {
            if (++steps > MAX_MERGE_STEPS) {
                fail(x, "合并单元格区域过多或互相重叠");
                return false;
            }
            cell *c = &x->cells[i];
            if (c->col < g->c1)
                i = lower_bound(x, c->row, g->c1);
            else if (c->col > g->c2)
                i = c->row == UINT32_MAX ? x->ncells : lower_bound(x, c->row + 1, g->c1);
            else {
                if (c->row != g->r1 || c->col != g->c1)
                    c->dropped = true;
                i++;
            }
        }
    }
    return true;
}

static bool cell_is(const xlsx *x, size_t i, uint32_t row, uint32_t col, const char *text)
{
    if (i >= x->ncells)
        return false;
    const cell *c = &x->cells[i];
    return !c->dropped && c->row == row && c->col == col && c->len == strlen(text) &&
           memcmp(x->pool.data + c->off, text, c->len) == 0;
}

/* The column of 类 when a header row splits the classification code into
 * 类 | 款 | 项 (or 类 | 款) columns, as Excel templates do ("205" "02" "05"),
 * else 0; *n gets the number of columns.  They are read as one, the code
 * joined ("2050205"), which is how text and PDF print it. */
static uint32_t code_columns(const xlsx *x, uint32_t *n)
{
    for (size_t i = 0; i + 1 < x->ncells; i++) {
        const cell *c = &x->cells[i];
        if (cell_is(x, i, c->row, c->col, "类") && cell_is(x, i + 1, c->row, c->col + 1, "款")) {
            *n = cell_is(x, i + 2, c->row, c->col + 2, "项") ? 3 : 2;
            return c->col;
        }
    }
    return 0;
}

static void anchor_at(xlsx *x, int line, uint32_t row, bool hold, const char *name)
{
    x->anchors = gk_grow(x->anchors, &x->anchors_cap, x->nanchors, sizeof *x->anchors);
    x->anchors[x->nanchors++] = (anchor){line, row, hold, name};
}

/* Cells longer than this alone on their row are prose (a title is shorter). */
#define PROSE_BYTES 120

/* A cell's text into the line.  A line break stays one in prose — a long
 * cell alone on its row: 情况说明 written in one cell, its headings and
 * paragraphs on lines of their own; elsewhere it is dropped between Chinese
 * characters ("事业单位\n经营收入" is one header) and a space otherwise.
 * Returns the line breaks written. */
static int put_cell(gk_buf *t, const char *s, size_t n, bool lines)
{
    int breaks = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n') {
            gk_buf_putc(t, s[i]);
            continue;
        }
        if (lines) {
            while (t->len > 0 && t->data[t->len - 1] == ' ')
                t->len--;
            gk_buf_putc(t, '\n');
            breaks++;
        } else if (!(t->len > 0 && (unsigned char)t->data[t->len - 1] >= 0x80 && i + 1 < n &&
                     (unsigned char)s[i + 1] >= 0x80) &&
                   !(t->len > 0 && t->data[t->len - 1] == ' '))
            gk_buf_putc(t, ' ');
    }
    return breaks;
}

/* The sheet's cells as lines of the text. */
static bool emit_sheet(xlsx *x, const char *name)
{
    if (x->ncells)                          /* qsort wants a pointer even for nothing */
        qsort(x->cells, x->ncells, sizeof *x->cells, cell_order);
    for (size_t i = 1; i < x->ncells; i++)
        if (x->cells[i].row == x->cells[i - 1].row && x->cells[i].col == x->cells[i - 1].col)
            x->cells[i].dropped = true;     /* the same cell twice: the first stands */
    if (!apply_merges(x))
        return false;
    for (size_t i = 0, j; i < x->ncells; i = j) {
        size_t kept = 0;
        for (j = i; j < x->ncells && x->cells[j].row == x->cells[i].row; j++)
            kept += !x->cells[j].dropped;
        for (size_t k = i; k < j; k++)
            x->cells[k].alone = kept == 1;
    }
    gk_buf *t = &x->text;
    uint32_t row = 1, col = 1, ncode = 0, code = code_columns(x, &ncode);
    size_t line_start = t->len;
    bool wrote = false;
    anchor_at(x, x->line + 1, 1, false, name);
    for (size_t i = 0; i < x->ncells; i++) {
        const cell *c = &x->cells[i];
        if (c->dropped)
            continue;
        for (; row < c->row; row++, col = 1, wrote = false) {
            gk_buf_putc(t, '\n');
            line_start = t->len;
            if (++x->line > MAX_LINES) {
                fail(x, "整个工作簿超过 %d 行", MAX_LINES);
                return false;
            }
        }
        uint32_t at = code && c->col > code ? (c->col < code + ncode ? code : c->col - (ncode - 1)) : c->col;
        if (!(wrote && at == col))           /* else 款 or 项 joins 类 */
            for (; col < at; col++)
                gk_buf_putc(t, '\t');
        int breaks = put_cell(t, x->pool.data + c->off, c->len, c->alone && c->len > PROSE_BYTES);
        wrote = true;
        if (breaks) {
            anchor_at(x, x->line + 1, c->row, true, name);
            x->line += breaks;            /* at most MAX_TEXT_BYTES: checked below */
            anchor_at(x, x->line + 1 + 1, c->row + 1, false, name);
            line_start = t->len;
        }
        if (t->len - line_start > MAX_LINE_BYTES) {
            char buf[16];
            fail(x, "第 %u 行（至 %s）超过 %zu MiB", c->row, ref_name(c->col, c->row, buf),
                 MAX_LINE_BYTES >> 20);
            return false;
        }
        if (t->len > MAX_TEXT_BYTES) {
            fail(x, "整个工作簿的文本超过 %zu MiB", MAX_TEXT_BYTES >> 20);
            return false;
        }
    }
    if (x->ncells) {
        gk_buf_putc(t, '\n');              /* ends the last row */
        x->line++;
    }
    gk_buf_putc(t, '\n');                   /* a blank line between sheets */
    x->line++;
    anchor_at(x, x->line, 0, false, NULL);
    return true;
}

/* The facts sheet's rows: 事项 in column A, 内容 in column B; a header row
 * "事项" and rows without a 事项 are skipped. */
static bool take_facts(xlsx *x)
{
    if (x->ncells)
        qsort(x->cells, x->ncells, sizeof *x->cells, cell_order);
    for (size_t i = 0, j; i < x->ncells; i = j) {
        const cell *key = NULL, *value = NULL;
        for (j = i; j < x->ncells && x->cells[j].row == x->cells[i].row; j++) {
            if (x->cells[j].col == 1 && !key)
                key = &x->cells[j];
            else if (x->cells[j].col == 2 && !value)
                value = &x->cells[j];
        }
        if (!key || key->len == 0)
            continue;
        if (!value || value->len == 0)
            continue;                       /* not given: the document shows its placeholder */
        char *k = dupn(x->pool.data + key->off, key->len);
        char *v = dupn(x->pool.data + value->off, value->len);
        char buf[256];
        const char *problem = strcmp(k, "事项") == 0 ? NULL : gk_fact_problem(k, v, buf, sizeof buf);
        if (problem)
            fail(x, "第 %u 行（事项“%.60s”）：%s", key->row, k, problem);
        else if (strcmp(k, "事项") != 0) {
            gk_buf_putn(&x->facts, k, strlen(k) + 1);
            gk_buf_putn(&x->facts, v, strlen(v) + 1);
            x->nfacts++;
        }
        free(k);
        free(v);
        if (problem)
            return false;
    }
    return true;
}

static bool read_sheet(xlsx *x, sheet_ref *s)
{
    const rel *r = rel_by_id(x, s->rid);
    char part[160];
    x->sheet = s->name;
    if (!r) {
        snprintf(x->part, sizeof x->part, "xl/_rels/workbook.xml.rels");
        fail(x, "没有关系 %.40s，找不到这张工作表的部件", s->rid);
        return false;
    }
    if (!ends_with(r->type, "/worksheet")) {  /* a chart sheet, a dialog or macro sheet */
        note(x, "工作表“%s”不是数据工作表，未读取", s->name);
        return true;
    }
    if (s->hidden) {
        note(x, "工作表“%s”是隐藏的，未读取", s->name);
        return true;
    }
    if (!part_name(r->target, part)) {
        snprintf(x->part, sizeof x->part, "xl/_rels/workbook.xml.rels");
        fail(x, "工作表的部件路径“%.80s”无效", r->target);
        return false;
    }
    x->ncells = x->nmerges = 0;
    x->pool.len = 0;
    x->row = x->col = 0;
    x->in_c = x->in_is = false;
    x->in_rph = 0;
    x->formulas_unvalued = 0;
    size_t kept = x->kept;
    bool facts = strcmp(s->name, FACTS_SHEET) == 0;
    s->from = x->line + 1;
    if (!read_part(x, part, true, sheet_start, sheet_end) ||
        !(facts ? take_facts(x) : emit_sheet(x, s->name)))
        return false;
    s->to = facts ? s->from : x->line + 1;
    if (x->formulas_unvalued)
        note(x, "工作表“%s”有 %zu 个公式单元格没有保存计算结果，按空白读取（请在 Excel 中打开并保存后再读）",
             s->name, x->formulas_unvalued);
    x->kept = kept;
    return true;
}

/* ---- The workbook ---------------------------------------------------------- */

static void xlsx_free(xlsx *x)
{
    for (size_t i = 0; i < x->nsheets; i++)
        free(x->sheets[i].name), free(x->sheets[i].rid);
    for (size_t i = 0; i < x->nrels; i++)
        free(x->rels[i].id), free(x->rels[i].type), free(x->rels[i].target);
    for (size_t i = 0; i < x->nfmts; i++)
        free(x->fmts[i].code);
    free(x->sheets);
    free(x->rels);
    free(x->fmts);
    free(x->xf_id);
    free(x->xf);
    free(x->sst_off);
    free(x->cells);
    free(x->merges);
    free(x->anchors);
    gk_buf_free(&x->chars);
    gk_buf_free(&x->sst);
    gk_buf_free(&x->pool);
    gk_buf_free(&x->text);
    gk_buf_free(&x->notes);
    gk_buf_free(&x->facts);
    if (x->zip)
        zip_discard(x->zip);
}

/* The sheet and row of a line of the text; NULL between sheets. */
static const char *row_of(const xlsx *x, int line, uint32_t *row)
{
    const anchor *a = NULL;
    for (size_t i = 0; i < x->nanchors && x->anchors[i].line <= line; i++)
        a = &x->anchors[i];
    if (!a || !a->name)
        return NULL;
    *row = a->hold ? a->row : a->row + (uint32_t)(line - a->line);
    return a->name;
}

/* ---- The workbook's own order ---------------------------------------------- */

/* A template workbook is laid out as its document: a 封面 sheet, a 目录
 * sheet, prose sheets (主要职能, 编制说明, 名词解释 …) and table sheets, in
 * the order the document prints them.  That order is kept as the report's
 * sections, each naming the lines its text or tables stand on, so that a
 * rendered document is the template's, not the national order. */

#define COVER_NAME "封面"
#define TOC_NAME "目录"
#define GLOSSARY_NAME "名词解释"
#define MAX_TOC 32

/* s without spaces (ASCII, tab, U+3000), into out. */
static void squeeze(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n')
            continue;
        if (strncmp(s, "\xe3\x80\x80", 3) == 0) {
            s += 2;
            continue;
        }
        out[n++] = *s;
    }
    while (n && (out[n - 1] & 0xC0) == 0x80 && n + 1 >= size)   /* never end mid-character */
        n--;
    out[n] = '\0';
}

/* The length of a Chinese numeral and "、" opening s ("一、", "十二、"), or 0. */
static size_t numeral_prefix(const char *s)
{
    static const char DIGITS[] = "一二三四五六七八九十";
    size_t n = 0;
    for (;;) {
        bool digit = false;
        for (size_t d = 0; d + 3 <= sizeof DIGITS - 1 && !digit; d += 3)
            digit = strncmp(s + n, DIGITS + d, 3) == 0;
        if (!digit)
            break;
        n += 3;
    }
    return n && n <= 9 && strncmp(s + n, "、", 3) == 0 ? n + 3 : 0;
}

/* A top-level entry of a 目录 ("一、部门主要职能  ………… 3"): its title,
 * unnumbered and without leaders or page number, into out; false when the
 * line is no such entry. */
static bool toc_entry(const char *line, char *out, size_t size)
{
    char sq[512];
    squeeze(line, sq, sizeof sq);
    size_t skip = numeral_prefix(sq);
    if (!skip)
        return false;
    const char *t = sq + skip;
    size_t n = strlen(t);
    const char *cut = strstr(t, "…");
    if (cut)
        n = (size_t)(cut - t);
    for (const char *dots = strstr(t, ".."); dots && (size_t)(dots - t) < n;)
        n = (size_t)(dots - t);
    while (n && ((t[n - 1] >= '0' && t[n - 1] <= '9') || t[n - 1] == '.' || t[n - 1] == '-'))
        n--;
    if (n == 0 || n >= size)
        return false;
    memcpy(out, t, n);
    out[n] = '\0';
    return true;
}

static bool line_in(int line, const sheet_ref *s)
{
    return line >= s->from && line < s->to;
}

/* The first paragraph of a sheet, when it reads as the sheet's title: on
 * its first line, short, not a sentence, with more text under it. */
static const gk_paragraph *sheet_title(const gk_report *r, const sheet_ref *s)
{
    const gk_paragraph *first = NULL;
    size_t more = 0;
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (r->paragraphs[i].pos.part == 0 && line_in(r->paragraphs[i].pos.line, s)) {
            if (!first)
                first = &r->paragraphs[i];
            else
                more++;
        }
    if (!first || !more || first->pos.line > s->from + 1 || strlen(first->text) > 90 ||
        strstr(first->text, "。"))
        return NULL;
    return first;
}

typedef enum { ROLE_NONE, ROLE_COVER, ROLE_TOC, ROLE_TEXT, ROLE_TABLES } sheet_role;

static sheet_role role_of(const gk_report *r, const sheet_ref *s)
{
    if (s->hidden || s->from >= s->to)
        return ROLE_NONE;
    for (size_t i = 0; i < r->ntables; i++)
        if (r->tables[i].pos.part == 0 && line_in(r->tables[i].pos.line, s))
            return ROLE_TABLES;
    if (strstr(s->name, COVER_NAME))
        return ROLE_COVER;
    const gk_paragraph *first = NULL;
    for (size_t i = 0; i < r->nparagraphs && !first; i++)
        if (r->paragraphs[i].pos.part == 0 && line_in(r->paragraphs[i].pos.line, s))
            first = &r->paragraphs[i];
    char sq[64];
    if (first)
        squeeze(first->text, sq, sizeof sq);
    if (strstr(s->name, TOC_NAME) || (first && strcmp(sq, TOC_NAME) == 0))
        return ROLE_TOC;
    return first ? ROLE_TEXT : ROLE_NONE;
}

/* Does a 目录 title name this sheet: one holds the other ("单位职能" /
 * "单位主要职能" share their ending), or, for tables, a title of 表? */
static bool names_sheet(const char *title, const char *name, bool tables)
{
    if (tables)
        return strstr(title, "表") != NULL;
    size_t a = strlen(title), b = strlen(name);
    return strstr(title, name) || strstr(name, title) ||
           (a >= 6 && b >= 6 && strcmp(title + a - 6, name + b - 6) == 0);
}

/* Is this part the 情况说明 written from the tables ("部门预算情况说明",
 * "2024年度部门决算情况说明", "情况说明"), not another text that explains
 * (其他相关情况说明, 项目经费情况说明)? */
static bool narrative_title(const char *title)
{
    static const char TAIL[] = "情况说明";
    size_t n = strlen(title), t = sizeof TAIL - 1;
    if (n < t || strcmp(title + n - t, TAIL) != 0)
        return false;
    return n == t || (n >= t + 6 && (strncmp(title + n - t - 6, "预算", 6) == 0 ||
                                     strncmp(title + n - t - 6, "决算", 6) == 0));
}

typedef struct group {
    sheet_role role;
    size_t first, last;        /* its sheets */
} group;

/* A part the 目录 lists without a sheet of its own: the 情况说明 is written
 * from the tables, the 名词解释 is the usual one; anything else has no text
 * to show and is left out. */
static void listed_only(gk_report *r, const char *title, int line)
{
    gk_pos at = {.line = line};
    if (narrative_title(title))
        gk_report_add_section(r, GK_SECTION_NARRATIVE, title, at, at);
    else if (strstr(title, GLOSSARY_NAME))
        gk_report_add_section(r, GK_SECTION_GLOSSARY, title, at, at);
}

static void add_group(const xlsx *x, gk_report *r, const group *g, const char *listed)
{
    const sheet_ref *s = &x->sheets[g->first];
    gk_pos from = {.line = s->from}, to = {.line = x->sheets[g->last].to};
    if (g->role == ROLE_TABLES) {
        gk_report_add_section(r, GK_SECTION_TABLES, listed, from, to);
        return;
    }
    const gk_paragraph *own = sheet_title(r, s);
    const char *title = listed;
    if (own) {
        char sq[256];
        squeeze(own->text, sq, sizeof sq);
        if (!title || strcmp(sq, title) == 0)
            from.line = own->pos.line + 1;    /* the sheet's title is the part's heading */
        if (!title)
            title = own->text;
    }
    if (!title)
        title = s->name;
    gk_section_kind kind = strstr(title, GLOSSARY_NAME) || strstr(s->name, GLOSSARY_NAME)
                               ? GK_SECTION_GLOSSARY
                           : narrative_title(title) ? GK_SECTION_NARRATIVE
                                                    : GK_SECTION_TEXT;
    gk_report_add_section(r, kind, title, from, to);
}

static void outline(const xlsx *x, gk_report *r)
{
    size_t n = x->nsheets;
    if (n == 0)
        return;
    group *groups = calloc(n, sizeof *groups);
    if (!groups)
        gk_out_of_memory();
    size_t ngroups = 0, ntext = 0, ntoc = 0;
    const sheet_ref *cover = NULL;
    char toc[MAX_TOC][256];
    for (size_t i = 0; i < n; i++) {
        const sheet_ref *s = &x->sheets[i];
        sheet_role role = role_of(r, s);
        if (role == ROLE_COVER && !cover)
            cover = s;
        else if (role == ROLE_TOC) {
            for (size_t k = 0; k < r->nparagraphs && ntoc < MAX_TOC; k++)
                if (r->paragraphs[k].pos.part == 0 && line_in(r->paragraphs[k].pos.line, s) &&
                    toc_entry(r->paragraphs[k].text, toc[ntoc], sizeof toc[ntoc]))
                    ntoc++;
        } else if (role == ROLE_TABLES && ngroups && groups[ngroups - 1].role == ROLE_TABLES) {
            groups[ngroups - 1].last = i;     /* tables run on, over empty sheets */
        } else if (role == ROLE_TEXT || role == ROLE_TABLES) {
            groups[ngroups++] = (group){role, i, i};
            ntext += role == ROLE_TEXT;
        }
    }
    if (ntext == 0) {                   /* tables only: the national order */
        free(groups);
        return;
    }
    if (cover)
        gk_report_add_section(r, GK_SECTION_COVER, NULL, (gk_pos){.line = cover->from},
                              (gk_pos){.line = cover->to});
    if (ntoc == ngroups) {              /* the 目录 names every part, in order */
        for (size_t g = 0; g < ngroups; g++)
            add_group(x, r, &groups[g], toc[g]);
    } else {                            /* matched in order; parts listed only */
        size_t next = 0;
        for (size_t g = 0; g < ngroups; g++) {
            const sheet_ref *s = &x->sheets[groups[g].first];
            char named[256];
            squeeze(s->name, named, sizeof named);
            size_t m = next;
            while (m < ntoc && !names_sheet(toc[m], named, groups[g].role == ROLE_TABLES))
                m++;
            const char *listed = NULL;
            if (m < ntoc) {
                for (; next < m; next++)
                    listed_only(r, toc[next], s->from);
                listed = toc[m];
                next = m + 1;
            }
            add_group(x, r, &groups[g], listed);
        }
        for (; next < ntoc; next++)
            listed_only(r, toc[next], x->line + 1);
    }
    free(groups);
}

/* Name the sheet and row of every note the text reader made. */
static void place_notes(const xlsx *x, gk_report *r)
{
    for (size_t i = 0; i < r->nnotes; i++) {
        uint32_t row;
        const char *sheet = row_of(x, r->notes[i].pos.line, &row);
        if (!sheet)
            continue;
        gk_buf msg = GK_BUF_INIT;
        gk_buf_printf(&msg, "工作表“%s”第 %u 行：%s", sheet, row, r->notes[i].message);
        r->notes[i].message = gk_report_strndup(r, msg.data, msg.len);
        gk_buf_free(&msg);
    }
    const char *n = x->notes.data;
    for (size_t i = 0; i < x->nnotes; i++, n += strlen(n) + 1)
        gk_report_note(r, (gk_pos){0}, "%s", n);
}

bool gk_xlsx_magic(const char *data, size_t len)
{
    static const char OLE[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    return (len >= 4 && (memcmp(data, "PK\3\4", 4) == 0 || memcmp(data, "PK\5\6", 4) == 0)) ||
           (len >= 8 && memcmp(data, OLE, 8) == 0);
}

static bool read_workbook(xlsx *x)
{
    if (!read_part(x, "xl/workbook.xml", true, workbook_start, no_end))
        return false;
    if (!read_part(x, "xl/_rels/workbook.xml.rels", true, rels_start, no_end))
        return false;
    char part[160];
    const rel *r = rel_by_type(x, "/sharedStrings");
    if (!part_name(r ? r->target : "sharedStrings.xml", part) ||
        !read_part(x, part, false, sst_start, sst_end))
        return false;
    r = rel_by_type(x, "/styles");
    if (!part_name(r ? r->target : "styles.xml", part) ||
        !read_part(x, part, false, styles_start, styles_end))
        return false;
    resolve_formats(x);
    if (x->nsheets == 0) {
        snprintf(x->part, sizeof x->part, "xl/workbook.xml");
        fail(x, "没有任何工作表");
        return false;
    }
    for (size_t i = 0; i < x->nsheets; i++)
        if (!read_sheet(x, &x->sheets[i]))
            return false;
    return true;
}

gk_report *gk_read_xlsx(const char *data, size_t len, gk_error *err)
{
    if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        gk_error_set(err, 0, 0, "这是旧版 Excel（.xls）或加密的工作簿（OLE 复合文档），只能读取 .xlsx："
                                "请在 Excel 中另存为未加密的 .xlsx 工作簿");
        return NULL;
    }
    xlsx x;
    memset(&x, 0, sizeof x);
    x.err = err;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (src)
        x.zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!x.zip) {
        gk_error_set(err, 0, 0, "不是有效的 ZIP 压缩包（.xlsx 工作簿是 ZIP 格式），文件可能被截断或已损坏（%s）",
                     zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    if (zip_name_locate(x.zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
        gk_error_set(err, 0, 0, "ZIP 压缩包中没有 xl/workbook.xml：这不是 Excel 工作簿（.xlsx）");
        xlsx_free(&x);
        return NULL;
    }
    gk_report *r = NULL;
    if (read_workbook(&x)) {
        r = gk_read_text(x.text.data ? x.text.data : "", x.text.len, err);
        if (r) {
            outline(&x, r);
            place_notes(&x, r);
            const char *key = x.facts.data;
            for (size_t i = 0; i < x.nfacts; i++) {
                const char *value = key + strlen(key) + 1;
                gk_report_set_fact(r, key, value);
                key = value + strlen(value) + 1;
            }
        } else if (err) {
            uint32_t row;
            const char *sheet = row_of(&x, err->line, &row);
            if (sheet) {
                char msg[sizeof err->message + 160];
                snprintf(msg, sizeof msg, "工作表“%s”第 %u 行：%s", sheet, row, err->message);
                size_t n = strlen(msg);
                if (n >= sizeof err->message)    /* cut at a character's start */
                    n = gk_utf8_prefix(msg, sizeof err->message - 1);
                memcpy(err->message, msg, n);
                err->message[n] = '\0';
            }
        }
    }
    xlsx_free(&x);
    return r;
}
