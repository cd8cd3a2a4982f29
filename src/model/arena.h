/*
 * arena.h — a bump allocator: many small allocations, one free.
 *
 * Reports are built once and freed as a whole, so their strings, tables, rows
 * and cells all come from one arena.  Blocks are chained; a request larger
 * than the block size gets a block of its own.
 */
#ifndef GK_ARENA_H
#define GK_ARENA_H

#include <stddef.h>

#include "../util/fatal.h"   /* gk_out_of_memory */

typedef struct gk_arena gk_arena;

gk_arena *gk_arena_new(void);
void gk_arena_free(gk_arena *a);

/* Hand the memory of `child` to `a`: it is freed with `a`.  `child` itself
 * is gone; its allocations stay valid. */
void gk_arena_adopt(gk_arena *a, gk_arena *child);


/* Zeroed memory aligned for any type.  Never NULL: exhausted memory (or an
 * absurd size) ends the program through gk_out_of_memory. */
void *gk_arena_alloc(gk_arena *a, size_t size);
/* Grow an array of n×elem bytes to cap×elem (cap ≥ n): a new block with the
 * old contents copied.  The old block is left for the arena to free. */
void *gk_arena_grow(gk_arena *a, void *old, size_t n, size_t cap, size_t elem);
char *gk_arena_strndup(gk_arena *a, const char *s, size_t len);

#endif
