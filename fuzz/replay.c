/*
 * replay.c — a main() for the fuzz targets without libFuzzer: every file
 * named, and every file in every directory named, is given to
 * LLVMFuzzerTestOneInput once.  The regression tests (tests/regress/TARGET/)
 * run this way in the normal and the ASan builds; a crash is a failure.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gongkai/read.h"
#include "fuzz.h"

static int run_file(const char *path)
{
    gk_error err;
    size_t len;
    char *data = gk_load_file(path, &len, &err);
    if (!data) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return 1;
    }
    /* An exact-size copy, so that ASan sees a read past the end. */
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy)
        abort();
    memcpy(copy, data, len);
    free(data);
    LLVMFuzzerTestOneInput(copy, len);
    free(copy);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every regular file of dir, in name order; *n gets how many ran. */
static int run_dir(const char *dir, int *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (count == cap) {
            cap = cap ? 2 * cap : 16;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[count] = malloc(len);
        if (!names[count])
            abort();
        snprintf(names[count++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (count)
        qsort(names, count, sizeof *names, cmp_names);
    int failed = 0;
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            failed |= run_file(names[i]);
            (*n)++;
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    int failed = 0, n = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            failed |= run_dir(argv[i], &n);
        } else {
            failed |= run_file(argv[i]);
            n++;
        }
    }
    printf("%s: %d input(s) replayed\n", argc > 0 ? argv[0] : "replay", n);
    return failed;
}
