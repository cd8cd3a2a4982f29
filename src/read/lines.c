/*
 * lines.c — decoding text input and splitting it into cleaned lines of
 * cells.
 */
#include "lines.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "../model/arena.h"

/* ---- Decoding --------------------------------------------------------- */

/* Convert with iconv into arena memory; NULL when the input is not valid
 * in that encoding. */
static char *convert(gk_arena *a, const char *from, const char *data, size_t len, size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = 2 * len + 16;   /* UTF-16 and GB18030 grow by at most 1.5× */
    char *out = gk_arena_alloc(a, cap);
    char *in = (char *)data, *o = out;
    size_t inleft = len, oleft = cap - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    iconv_close(cd);
    if (r == (size_t)-1 || inleft != 0)
        return NULL;
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

/* Copy UTF-8 text, replacing undecodable bytes by U+FFFD; counts them. */
static char *repair_utf8(gk_arena *a, const char *data, size_t len, size_t *outlen, int *replaced)
{
    char *out = gk_arena_alloc(a, 3 * len + 1), *o = out;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)data;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (k > 0) {
            memcpy(o, s + i, (size_t)k);
            o += k;
            i += (size_t)k;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            (*replaced)++;
        }
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

static bool valid_utf8(const char *data, size_t len)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)data;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            return false;
        i += (size_t)k;
    }
    return true;
}

/* Binary content: NUL bytes or many control characters.  Returns the offset
 * of the first offending byte, or SIZE_MAX for text. */
static size_t binary_at(const char *data, size_t len)
{
    size_t controls = 0, first = SIZE_MAX;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return i;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
            if (first == SIZE_MAX)
                first = i;
            controls++;
        }
    }
    return controls > len / 100 + 8 ? first : SIZE_MAX;
}

static char *decode(gk_arena *a, const char *data, size_t len, size_t *outlen, gk_lines *out,
                    gk_error *err)
{
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0)) {
        out->encoding = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        char *s = convert(a, out->encoding, data + 2, len - 2, outlen);
        if (!s)
            gk_error_set(err, 0, 0, "按 %s 解码失败：文件含有无效的 UTF-16 字符", out->encoding);
        return s;
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t bin = binary_at(data, len);
    if (bin != SIZE_MAX) {
        gk_error_set(err, 0, 0, "不是文本文件：第 %zu 字节起含有二进制内容", bin + 1);
        return NULL;
    }
    if (valid_utf8(data, len)) {
        out->encoding = "UTF-8";
        char *s = gk_arena_strndup(a, data, len);
        *outlen = len;
        return s;
    }
    char *s = convert(a, "GB18030", data, len, outlen);
    if (s) {
        out->encoding = "GB18030";
        return s;
    }
    out->encoding = "UTF-8";
    return repair_utf8(a, data, len, outlen, &out->replaced);
}

/* ---- Cleaning ----------------------------------------------------------- */

static bool is_space_at(const char *s, size_t len, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        *w = 1;
        return true;
    }
    if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
        *w = 3;                                   /* U+3000 */
        return true;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
        *w = 2;                                   /* U+00A0 */
        return true;
    }
    return false;
}

void gk_trim(const char **s, size_t *len)
{
    size_t w;
    while (*len > 0 && is_space_at(*s, *len, 0, &w)) {
        *s += w;
        *len -= w;
    }
    for (;;) {
        size_t n = *len;
        if (n >= 1 && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t' || (*s)[n - 1] == '\r' ||
                       (*s)[n - 1] == '\f' || (*s)[n - 1] == '\v'))
            *len = n - 1;
        else if (n >= 3 && memcmp(*s + n - 3, "\xE3\x80\x80", 3) == 0)
            *len = n - 3;
        else if (n >= 2 && memcmp(*s + n - 2, "\xC2\xA0", 2) == 0)
            *len = n - 2;
        else
            break;
    }
}

/* Length of an HTML tag at s (e.g. <b>, </b>, <br/>, <td class="x">), of a
 * declaration (<!DOCTYPE html>) or of a comment closed on the line
 * (<!-- … -->), or 0. */
static size_t html_tag_len(const char *s, size_t len)
{
    size_t i = 1;
    if (len >= 4 && memcmp(s, "<!--", 4) == 0) {
        for (i = 4; i + 3 <= len && s[i] != '\n'; i++)
            if (memcmp(s + i, "-->", 3) == 0)
                return i + 3;
        return 0;
    }
    if (i < len && (s[i] == '/' || s[i] == '!'))
        i++;
    size_t name = i;
    while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                       (s[i] >= '0' && s[i] <= '9')))
        i++;
    if (i == name || i - name > 10)
        return 0;
    while (i < len && i < 80 && s[i] != '>' && s[i] != '<' && s[i] != '\n')
        i++;
    return i < len && s[i] == '>' ? i + 1 : 0;
}

/* Does the line hold an HTML tag? */
static bool has_html_tag(const char *s, size_t len)
{
    for (const char *p = memchr(s, '<', len); p; p = memchr(p + 1, '<', len - (size_t)(p + 1 - s)))
        if (html_tag_len(p, len - (size_t)(p - s)))
            return true;
    return false;
}

/* Decode the character reference at s ("&amp;", "&#39;", "&#x4E2D;") into
 * out (at most 4 bytes, never more than the reference's own length);
 * returns the reference's length and *n the bytes written, or 0 when s is
 * not a reference this reader knows. */
static size_t html_entity(const char *s, size_t len, char *out, size_t *n)
{
    static const struct {
        const char *name, *text;
    } NAMED[] = {{"&amp;", "&"},   {"&lt;", "<"},    {"&gt;", ">"},           {"&quot;", "\""},
                 {"&apos;", "'"}, {"&nbsp;", "\xC2\xA0"}};
    for (size_t k = 0; k < sizeof NAMED / sizeof NAMED[0]; k++) {
        size_t m = strlen(NAMED[k].name);
        if (len >= m && memcmp(s, NAMED[k].name, m) == 0) {
            *n = strlen(NAMED[k].text);
            memcpy(out, NAMED[k].text, *n);
            return m;
        }
    }
    if (len < 4 || s[1] != '#')
        return 0;
    size_t i = 2;
    bool hex = s[i] == 'x' || s[i] == 'X';
    i += hex;
    uint32_t cp = 0;
    size_t digits = 0;
    for (; i < len && digits < 8; i++, digits++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'               ? c - '0'
                : hex && c >= 'a' && c <= 'f'      ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F'      ? c - 'A' + 10
                                                   : -1;
        if (d < 0)
            break;
        cp = cp * (hex ? 16 : 10) + (uint32_t)d;
    }
    if (!digits || i >= len || s[i] != ';' || cp == 0 || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    utf8proc_ssize_t w = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
    if (w <= 0 || (size_t)w > i + 1)
        return 0;
    *n = (size_t)w;
    return i + 1;
}

/* Clean one raw line into arena memory: HTML tags and "**" removed; on a
 * line with tags (an HTML document's), character references decoded —
 * "&quot;三公&quot;" is "三公" in quotes.  A plain text line keeps its "&". */
static char *clean(gk_arena *a, const char *s, size_t len, size_t *outlen)
{
    char *out = gk_arena_alloc(a, len + 1), *o = out;
    bool html = memchr(s, '<', len) && has_html_tag(s, len);
    for (size_t i = 0; i < len;) {
        if (s[i] == '<') {
            size_t t = html_tag_len(s + i, len - i);
            if (t) {
                i += t;
                continue;
            }
        }
        if (html && s[i] == '&') {
            size_t n, t = html_entity(s + i, len - i, o, &n);
            if (t) {
                o += n;
                i += t;
                continue;
            }
        }
        if (s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
            i += 2;
            continue;
        }
        *o++ = s[i++];
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

/* ---- Cells ---------------------------------------------------------------- */

static const char *cell(gk_arena *a, const char *s, size_t len)
{
    gk_trim(&s, &len);
    return gk_arena_strndup(a, s, len);
}

static void split_cells(gk_arena *a, gk_line *ln, const char *s, size_t len)
{
    size_t n = 1, cap;
    bool tabs = memchr(s, '\t', len) != NULL;
    if (tabs) {
        for (size_t i = 0; i < len; i++)
            n += s[i] == '\t';
        cap = n;
        ln->cells = gk_arena_alloc(a, cap * sizeof *ln->cells);
        size_t start = 0, k = 0;
        for (size_t i = 0; i <= len; i++)
            if (i == len || s[i] == '\t') {
                ln->cells[k++] = cell(a, s + start, i - start);
                start = i + 1;
            }
        ln->ncells = k;
        ln->tabbed = true;
        return;
    }
    /* Runs of two or more spaces separate cells (pdftotext -layout). */
    cap = len / 2 + 2;
    ln->cells = gk_arena_alloc(a, cap * sizeof *ln->cells);
    size_t start = 0, k = 0, i = 0;
    while (i < len) {
        size_t w, j = i, spaces = 0;
        while (j < len && is_space_at(s, len, j, &w)) {
            j += w;
            spaces++;
        }
        if (spaces >= 2 || (spaces == 1 && j > i + 1)) {   /* 2 spaces or one wide one */
            if (i > start)
                ln->cells[k++] = cell(a, s + start, i - start);
            start = j;
            i = j;
        } else {
            i = spaces ? j : i + 1;
        }
    }
    if (len > start)
        ln->cells[k++] = cell(a, s + start, len - start);
    ln->ncells = k;
}

/* ---- Lines ---------------------------------------------------------------- */

/* "=== page N ===" → N, else 0. */
static int page_marker(const char *s, size_t len)
{
    gk_trim(&s, &len);
    if (len < 12 || memcmp(s, "=== page ", 9) != 0 || memcmp(s + len - 4, " ===", 4) != 0)
        return 0;
    int n = 0;
    for (size_t i = 9; i < len - 4; i++) {
        if (s[i] < '0' || s[i] > '9' || n > 100000)
            return 0;
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

/* ---- Markdown pipe tables ---------------------------------------------- */

/* A pipe table's delimiter row ("| --- | ---: |"): only pipes, dashes,
 * colons and spaces, with at least one dash. */
static bool pipe_delimiter(const char *s, size_t len)
{
    bool dash = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '-')
            dash = true;
        else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t')
            return false;
    }
    return dash;
}

/* A pipe table row ("| a | b |") as the same cells separated by tabs, "\|"
 * unescaped; NULL when the line is not one. */
static char *pipe_row(gk_arena *a, const char *s, size_t len, size_t *outlen)
{
    gk_trim(&s, &len);
    if (len < 2 || s[0] != '|' || s[len - 1] != '|' || memchr(s, '\t', len))
        return NULL;
    char *out = gk_arena_alloc(a, len + 1), *o = out;
    for (size_t i = 1; i + 1 < len; i++) {
        if (s[i] == '\\' && s[i + 1] == '|')
            *o++ = s[++i];
        else
            *o++ = s[i] == '|' ? '\t' : s[i];
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

static void add_line(gk_arena *a, gk_lines *out, size_t *cap, const char *s, size_t len,
                     int lineno, int page)
{
    /* A pipe table's delimiter row is markup, not a line of the table. */
    {
        const char *t = s;
        size_t tlen = len;
        gk_trim(&t, &tlen);
        if (tlen > 2 && t[0] == '|' && pipe_delimiter(t, tlen))
            return;
    }
    if (out->n == *cap) {
        size_t ncap = *cap ? 2 * *cap : 256;
        out->items = gk_arena_grow(a, out->items, out->n, ncap, sizeof *out->items);
        *cap = ncap;
    }
    gk_line *ln = &out->items[out->n++];
    memset(ln, 0, sizeof *ln);
    ln->line = lineno;
    ln->page = page;

    size_t clen;
    const char *c = clean(a, s, len, &clen);
    size_t plen;
    const char *piped = pipe_row(a, c, clen, &plen);
    if (piped) {
        c = piped;
        clen = plen;
    }
    /* Markdown heading marks and list bullets (not in tabbed rows). */
    const char *t = c;
    size_t tlen = clen;
    gk_trim(&t, &tlen);
    if (tlen && t[0] == '#') {
        size_t h = 0;
        while (h < tlen && t[h] == '#')
            h++;
        /* A printer may drop the space after the marks ("##八、…", "##7、…";
         * one "#" before a figure is rather a number sign). */
        bool glued = h < tlen && ((unsigned char)t[h] >= 0x80 ||
                                  (h >= 2 && ((t[h] >= '0' && t[h] <= '9') || t[h] == '(')));
        if (h <= 6 && (h == tlen || t[h] == ' ' || glued)) {
            ln->heading = true;
            t += h;
            tlen -= h;
        }
    }
    if (!memchr(t, '\t', tlen) && tlen >= 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ') {
        ln->bullet = true;
        t += 2;
        tlen -= 2;
    }
    /* Tabbed rows keep their leading empty cells: columns line up. */
    if (memchr(c, '\t', clen) && !ln->heading)
        split_cells(a, ln, c, clen);
    else
        split_cells(a, ln, t, tlen);
    gk_trim(&t, &tlen);
    ln->text = gk_arena_strndup(a, t, tlen);
}

/* Does s (of len bytes) start with the ASCII word w, in any case? */
static bool starts_ci(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != w[i])
            return false;
    }
    return true;
}

/* The content of <style>, <script> and <svg> elements is no text of the
 * document (a chart's labels restate table figures out of their sentences):
 * it is blanked, line breaks kept, so lines keep their numbers. */
static void blank_raw_elements(char *text, size_t len)
{
    static const char *const OPEN[] = {"<style", "<script", "<svg"},
                             *const CLOSE[] = {"</style", "</script", "</svg"};
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '<')
            continue;
        for (int k = 0; k < 3; k++) {
            size_t n = strlen(OPEN[k]);
            if (!starts_ci(text + i, len - i, OPEN[k]) || i + n >= len ||
                !(text[i + n] == '>' || text[i + n] == ' ' || text[i + n] == '\t'))
                continue;
            const char *gt = memchr(text + i, '>', len - i);
            if (!gt)
                return;
            size_t j = (size_t)(gt - text) + 1;
            while (j < len && !starts_ci(text + j, len - j, CLOSE[k])) {
                if (text[j] != '\n' && text[j] != '\r' && text[j] != '\f')
                    text[j] = ' ';
                j++;
            }
            i = j;          /* the closing tag is stripped like any other */
            break;
        }
    }
}

bool gk_lines_read(gk_arena *a, const char *data, size_t len, gk_lines *out, gk_error *err)
{
    memset(out, 0, sizeof *out);
    size_t tlen;
    char *text = decode(a, data, len, &tlen, out, err);
    if (!text)
        return false;
    blank_raw_elements(text, tlen);
    /* A form feed starts a new page (and a new line of cells) but is not a
     * line end for the numbering: editors count lines by newlines. */
    bool formfeeds = memchr(text, '\f', tlen) != NULL;
    int page = formfeeds ? 1 : 0, lineno = 1;
    size_t cap = 0, start = 0;
    for (size_t i = 0; i <= tlen; i++) {
        bool end = i == tlen || text[i] == '\n' || text[i] == '\r' || text[i] == '\f';
        if (!end)
            continue;
        if (i > start || (i < tlen && text[i] != '\f')) {
            int marker = page_marker(text + start, i - start);
            if (marker)
                page = marker;
            else
                add_line(a, out, &cap, text + start, i - start, lineno, page);
        }
        if (i == tlen)
            break;
        if (text[i] == '\f') {
            page++;
        } else {
            if (text[i] == '\r' && i + 1 < tlen && text[i + 1] == '\n')
                i++;
            lineno++;
        }
        start = i + 1;
    }
    return true;
}
