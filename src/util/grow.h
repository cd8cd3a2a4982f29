/*
 * grow.h — arrays that grow by doubling.
 *
 *     items = gk_grow(items, &cap, n, sizeof *items);
 *     items[n++] = x;
 *
 * Out of memory (or a size that does not fit in size_t) is fatal, as
 * everywhere in gongkai, so growing cannot fail.
 */
#ifndef GK_GROW_H
#define GK_GROW_H

#include <stddef.h>

/* items (of *cap elements of `size` bytes, may be NULL) with room for at
 * least n + 1 elements; *cap is updated. */
void *gk_grow(void *items, size_t *cap, size_t n, size_t size);

#endif
