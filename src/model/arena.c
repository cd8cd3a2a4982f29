/*
 * arena.c — the bump allocator behind reports.
 */
#include "arena.h"

#include <assert.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (64 * 1024)
#define ALIGN alignof(max_align_t)

typedef struct block {
    struct block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
} block;

struct gk_arena {
    block *head;
};

gk_arena *gk_arena_new(void)
{
    return calloc(1, sizeof(gk_arena));
}

void gk_arena_free(gk_arena *a)
{
    if (!a)
        return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void gk_arena_adopt(gk_arena *a, gk_arena *child)
{
    assert(a && child && a != child);
    block **tail = &a->head;
    while (*tail)
        tail = &(*tail)->next;
    *tail = child->head;       /* behind a's blocks: a keeps filling its own */
    free(child);
}

/* Room for `size` bytes, not cleared. */
static void *bump(gk_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        gk_out_of_memory();
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        block *nb = malloc(sizeof(block) + cap);
        if (!nb)
            gk_out_of_memory();
        nb->used = 0;
        nb->size = cap;
        if (b && size > BLOCK_SIZE) {
            /* Keep filling the current block; park the big one behind it. */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *gk_arena_alloc(gk_arena *a, size_t size)
{
    void *p = bump(a, size);
    memset(p, 0, size);
    return p;
}

void *gk_arena_grow(gk_arena *a, void *old, size_t n, size_t cap, size_t elem)
{
    if (elem && cap > SIZE_MAX / 2 / elem)
        gk_out_of_memory();
    char *p = bump(a, cap * elem);
    if (old && n)
        memcpy(p, old, n * elem);
    memset(p + n * elem, 0, (cap - n) * elem);
    return p;
}

char *gk_arena_strndup(gk_arena *a, const char *s, size_t len)
{
    char *p = bump(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
