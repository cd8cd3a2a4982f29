/*
 * walk.c — the documents a command line names: files as given, directories
 * walked (every document file below them, in name order).
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Extensions of the files a directory walk takes. */
static const char *const DOCUMENT_EXTENSIONS[] = {".txt", ".text", ".md",  ".htm", ".html",
                                                   ".json", ".pdf",  ".xlsx", NULL};

static bool is_document(const char *name)
{
    const char *dot = strrchr(name, '.');
    for (const char *const *e = DOCUMENT_EXTENSIONS; dot && *e; e++)
        if (strcmp(dot, *e) == 0)
            return true;
    return false;
}

static void add(cli_paths *p, char *path)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 16;
        p->items = realloc(p->items, p->cap * sizeof *p->items);
        if (!p->items)
            abort();
    }
    p->items[p->n++] = path;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d)
        abort();
    return memcpy(d, s, n);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    char *s = malloc(n + m + 2);
    if (!s)
        abort();
    memcpy(s, dir, n);
    s[n] = '/';
    memcpy(s + n + 1, name, m + 1);
    return s;
}

/* Every document below dir, sorted; hidden entries and symbolic links to
 * directories are skipped (no cycles). */
static void walk(cli_paths *p, const char *dir, int depth)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d) {
        add(p, dup(dir));               /* reported as unreadable by the reader */
        return;
    }
    cli_paths here = {0};
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.')
            add(&here, join(dir, e->d_name));
    closedir(d);
    if (here.n > 1)
        qsort(here.items, here.n, sizeof *here.items, by_name);
    for (size_t i = 0; i < here.n; i++) {
        struct stat st;
        if (lstat(here.items[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(p, here.items[i], depth + 1);
            free(here.items[i]);
        } else if (is_document(here.items[i])) {
            add(p, here.items[i]);
        } else {
            free(here.items[i]);
        }
    }
    free(here.items);
}

void cli_paths_collect(cli_paths *p, char *const *args, int n)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        size_t len = strlen(args[i]);
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char *dir = dup(args[i]);
            while (len > 1 && dir[len - 1] == '/')
                dir[--len] = '\0';
            size_t before = p->n;
            walk(p, dir, 0);
            if (p->n == before)
                add(p, dir);            /* reported: no document in it */
            else
                free(dir);
        } else {
            add(p, dup(args[i]));       /* a file, or a name the reader reports */
        }
    }
}

void cli_paths_free(cli_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}
