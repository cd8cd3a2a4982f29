/*
 * grow.c — arrays that grow by doubling (grow.h).
 */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>

#include "fatal.h"

void *gk_grow(void *items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return items;
    size_t c = *cap ? *cap : 16;
    while (c <= n) {
        if (c > SIZE_MAX / 2)
            gk_out_of_memory();
        c *= 2;
    }
    if (c > SIZE_MAX / size)
        gk_out_of_memory();
    void *p = realloc(items, c * size);
    if (!p)
        gk_out_of_memory();
    *cap = c;
    return p;
}
