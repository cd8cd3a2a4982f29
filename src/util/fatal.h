/*
 * fatal.h — the one way gongkai gives up: memory is exhausted.
 *
 * Like Redis (zmalloc), exhausted memory is fatal, so every caller can use
 * what it asked for; the lowest layer owns it, so that every other layer may
 * call it.
 */
#ifndef GK_FATAL_H
#define GK_FATAL_H

/* Print a message and abort. */
_Noreturn void gk_out_of_memory(void);

#endif
