/*
 * error.c — filling gk_error.
 */
#include "gongkai/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../util/buf.h"

void gk_error_set(gk_error *err, int line, int column, const char *fmt, ...)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    gk_vformat(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}
