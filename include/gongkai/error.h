/*
 * gongkai/error.h — why an input could not be read.
 *
 * Readers fill a gk_error instead of printing: the caller adds the file name
 * and decides how to report it.  Messages are in Chinese, for the finance
 * staff who read them, and say where and why ("第 12 行：…，应为 …").
 */
#ifndef GONGKAI_ERROR_H
#define GONGKAI_ERROR_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gk_error {
    int line;          /* 1-based; 0 when the error is not at a line */
    int column;        /* 1-based; 0 when not known */
    int page;          /* 1-based for paged input; 0 otherwise */
    char message[512]; /* what is wrong and, where possible, what is expected */
    /* The input reads, but is not a 预算/决算 disclosure (a notice, a plan):
     * a batch walking a folder skips it rather than fail. */
    bool not_disclosure;
} gk_error;

/* Fill err (if not NULL) with a position and a printf-style message. */
void gk_error_set(gk_error *err, int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif /* GONGKAI_ERROR_H */
