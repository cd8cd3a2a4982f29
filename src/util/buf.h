/*
 * buf.h — a growable byte buffer for writers (in the spirit of Redis' sds).
 *
 * The bytes are always NUL-terminated.  Out of memory is fatal, as
 * everywhere in gongkai, so appending cannot fail.
 */
#ifndef GK_BUF_H
#define GK_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct gk_buf {
    char *data;
    size_t len, cap;
} gk_buf;

#define GK_BUF_INIT {NULL, 0, 0}

/* Room for `more` bytes (and the NUL) past len, so they can be written in place. */
void gk_buf_reserve(gk_buf *b, size_t more);
void gk_buf_putn(gk_buf *b, const char *s, size_t n);
void gk_buf_puts(gk_buf *b, const char *s);
void gk_buf_putc(gk_buf *b, char c);
void gk_buf_printf(gk_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void gk_buf_vprintf(gk_buf *b, const char *fmt, va_list ap);
/* Hand the bytes over (the caller frees them) and reset the buffer.  Never
 * NULL: an empty buffer gives "". */
char *gk_buf_take(gk_buf *b);
void gk_buf_free(gk_buf *b);

/* vsnprintf into a fixed buffer, cut (when too long) at a character's start
 * rather than inside it. */
void gk_vformat(char *buf, size_t size, const char *fmt, va_list ap);

/* snprintf that cuts (when too long) at a character's start. */
void gk_format(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The length of the longest prefix of s[0..n) that does not end inside a
 * UTF-8 character: where text cut at n bytes may be cut. */
size_t gk_utf8_prefix(const char *s, size_t n);

#endif
