/*
 * dl.h — libraries loaded when first needed.
 *
 * poppler-glib, cairo and pango bring some fifty libraries with them;
 * checking a text document needs none, so they are opened with dlopen on
 * first use rather than linked (src/read/pdf.c, src/write/pdf.c,
 * src/write/annotate.c).  Only their headers are needed to build.
 */
#ifndef GK_DL_H
#define GK_DL_H

#include <stdbool.h>
#include <stddef.h>

/* Open each library of `libs` (NULL-terminated; RTLD_LOCAL, never closed)
 * and put in syms[i] the address of `names[i]` (i < n) from the first of
 * them that has it.  False when a library or a symbol is missing. */
bool gk_dl_symbols(const char *const *libs, const char *const *names, void **syms, size_t n);

#endif
