/*
 * dl.c — libraries loaded when first needed (dl.h).
 */
#include "dl.h"

#include <dlfcn.h>

enum { MAX_LIBS = 8 };

bool gk_dl_symbols(const char *const *libs, const char *const *names, void **syms, size_t n)
{
    void *handles[MAX_LIBS];
    size_t nlibs = 0;
    for (; libs[nlibs]; nlibs++) {
        if (nlibs == MAX_LIBS || !(handles[nlibs] = dlopen(libs[nlibs], RTLD_NOW | RTLD_LOCAL)))
            return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        syms[i] = NULL;
        for (size_t k = 0; k < nlibs && !syms[i]; k++)
            syms[i] = dlsym(handles[k], names[i]);
        ok = ok && syms[i] != NULL;
    }
    return ok;
}
