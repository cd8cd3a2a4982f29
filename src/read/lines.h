/*
 * lines.h — text input as cleaned lines of cells (internal to the readers).
 *
 * The text reader works on lines: decoded to UTF-8, with their line number
 * in the input and the page they stand on (from "=== page N ===" markers or
 * form feeds), cleaned of markup (Markdown headings and emphasis, HTML tags)
 * and split into cells (by tabs, keeping empty cells so that columns line
 * up; else by runs of two or more spaces; else one cell).
 */
#ifndef GK_LINES_H
#define GK_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/error.h"

typedef struct gk_arena gk_arena;

typedef struct gk_line {
    const char *text;     /* cleaned and trimmed; "" for a blank line */
    int line;             /* 1-based in the input */
    int page;             /* 0 when the input has no pages */
    bool heading;         /* marked as a heading (Markdown #) */
    bool bullet;          /* a list item ("- ", "* ") */
    bool tabbed;          /* cells come from tabs */
    const char **cells;   /* trimmed cells */
    size_t ncells;
} gk_line;

typedef struct gk_lines {
    gk_line *items;
    size_t n;
    const char *encoding;  /* "UTF-8", "UTF-16LE", "GB18030" … */
    int replaced;          /* bytes that could not be decoded (now U+FFFD) */
} gk_lines;

/* Decode (BOM, UTF-8, else GB18030; UTF-16 with a BOM) and split into
 * lines.  Memory comes from `arena`.  False, with err set, for input that is
 * not text (binary). */
bool gk_lines_read(gk_arena *arena, const char *data, size_t len, gk_lines *out, gk_error *err);

/* Trim ASCII and ideographic white space from both ends (in place view). */
void gk_trim(const char **s, size_t *len);

#endif
