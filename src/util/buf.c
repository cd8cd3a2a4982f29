/*
 * buf.c — the growable byte buffer.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fatal.h"

void gk_buf_reserve(gk_buf *b, size_t more)
{
    if (more > SIZE_MAX / 2 - b->len)
        gk_out_of_memory();
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        gk_out_of_memory();
    b->data = p;
    b->cap = cap;
}

void gk_buf_putn(gk_buf *b, const char *s, size_t n)
{
    gk_buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void gk_buf_puts(gk_buf *b, const char *s)
{
    gk_buf_putn(b, s, strlen(s));
}

void gk_buf_putc(gk_buf *b, char c)
{
    gk_buf_putn(b, &c, 1);
}

void gk_buf_vprintf(gk_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n > 0) {
        gk_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        b->len += (size_t)n;
    }
}

void gk_buf_printf(gk_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gk_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *gk_buf_take(gk_buf *b)
{
    gk_buf_reserve(b, 0);
    b->data[b->len] = '\0';
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void gk_buf_free(gk_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

size_t gk_utf8_prefix(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = n, back = 0;
    while (i > 0 && back < 4 && (u[i - 1] & 0xC0) == 0x80)   /* continuation bytes */
        i--, back++;
    if (i == 0 || u[i - 1] < 0x80)
        return n;                       /* ASCII last, or nothing to judge */
    unsigned char lead = u[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return back + 1 >= need ? n : i - 1;   /* complete, or cut before its lead byte */
}

void gk_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
    if (size == 0)
        return;
    int n = vsnprintf(buf, size, fmt, ap);
    if (n >= (int)size)
        buf[gk_utf8_prefix(buf, size - 1)] = '\0';
}

void gk_format(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gk_vformat(buf, size, fmt, ap);
    va_end(ap);
}
