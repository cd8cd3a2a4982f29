/*
 * json_util.h — small jansson helpers shared by the JSON writers.
 */
#ifndef GK_JSON_UTIL_H
#define GK_JSON_UTIL_H

#include <jansson.h>

#include "../model/arena.h"

/* Out of memory is fatal in gongkai. */
static inline json_t *gk_json_checked(json_t *v)
{
    if (!v)
        gk_out_of_memory();
    return v;
}

/* A string, or null for NULL.  Readers hand over valid UTF-8; should a
 * string not be, it is written as U+FFFD rather than failing. */
static inline json_t *gk_json_str(const char *s)
{
    if (!s)
        return gk_json_checked(json_null());
    json_t *v = json_string(s);
    return v ? v : gk_json_checked(json_string("\xEF\xBF\xBD"));
}

/* A positive number, or null for 0 (the model's "not known"). */
static inline json_t *gk_json_int(int v)
{
    return gk_json_checked(v ? json_integer(v) : json_null());
}

/* A position's box on its page: [x0, y0, x1, y1] in points from the top left. */
static inline json_t *gk_json_box(const double box[4])
{
    json_t *a = gk_json_checked(json_array());
    for (int i = 0; i < 4; i++)
        json_array_append_new(a, gk_json_checked(json_real(box[i])));
    return a;
}

#endif
