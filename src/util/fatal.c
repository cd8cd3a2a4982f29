/*
 * fatal.c — giving up when memory is exhausted.
 */
#include "fatal.h"

#include <stdio.h>
#include <stdlib.h>

_Noreturn void gk_out_of_memory(void)
{
    fputs("gongkai: 内存不足 (out of memory)\n", stderr);
    abort();
}
