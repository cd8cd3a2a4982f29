/*
 * walk.c — the documents a command line names: files as given, directories
 * walked (every document file below them, in name order).
 *
 * A walk takes regular files with a document extension (any case: "报表.PDF"),
 * follows symbolic links to folders once each (a link back up the tree is
 * a loop, seen by the folder's device and inode), and passes over FIFOs,
 * sockets and devices with a note: opening a FIFO would wait forever.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "../util/grow.h"

/* Extensions of the files a directory walk takes. */
static const char *const DOCUMENT_EXTENSIONS[] = {".txt", ".text", ".md",  ".htm", ".html",
                                                   ".json", ".pdf",  ".xlsx", NULL};

static bool is_document(const char *name)
{
    const char *dot = strrchr(name, '.');
    for (const char *const *e = DOCUMENT_EXTENSIONS; dot && *e; e++)
        if (strcasecmp(dot, *e) == 0)
            return true;
    return false;
}

static void add(cli_paths *p, char *path, bool walked)
{
    size_t cap = p->cap;   /* one capacity for the two arrays */
    p->items = gk_grow(p->items, &cap, p->n, sizeof *p->items);
    p->walked = gk_grow(p->walked, &p->cap, p->n, sizeof *p->walked);
    p->walked[p->n] = walked;
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

/* The folders a walk has entered, by device and inode. */
typedef struct seen {
    struct { dev_t dev; ino_t ino; } *items;
    size_t n, cap;
} seen;

/* Record a folder; false when it was entered already (a loop, or a second
 * link to it). */
static bool first_visit(seen *s, const struct stat *st)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i].dev == st->st_dev && s->items[i].ino == st->st_ino)
            return false;
    s->items = gk_grow(s->items, &s->cap, s->n, sizeof *s->items);
    s->items[s->n].dev = st->st_dev;
    s->items[s->n++].ino = st->st_ino;
    return true;
}

/* Every document below dir, sorted; hidden entries skipped. */
static void walk(cli_paths *p, const char *dir, int depth, seen *folders)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d) {
        add(p, dup(dir), true);         /* reported as unreadable by the reader */
        return;
    }
    cli_paths here = {0};
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.')
            add(&here, join(dir, e->d_name), true);
    closedir(d);
    if (here.n > 1)
        qsort(here.items, here.n, sizeof *here.items, by_name);
    for (size_t i = 0; i < here.n; i++) {
        char *path = here.items[i];
        struct stat st;                 /* what a link points to */
        if (stat(path, &st) != 0) {
            if (is_document(path))
                add(p, path, true);     /* a broken link: the reader says why */
            else
                free(path);
        } else if (S_ISDIR(st.st_mode)) {
            if (first_visit(folders, &st))
                walk(p, path, depth + 1, folders);
            free(path);
        } else if (!is_document(path)) {
            free(path);
        } else if (!S_ISREG(st.st_mode)) {
            fprintf(stderr, "gongkai: %s: 不是普通文件（管道、套接字或设备），已跳过\n", path);
            free(path);
        } else {
            add(p, path, true);
        }
    }
    free(here.items);
    free(here.walked);
}

void cli_paths_collect(cli_paths *p, char *const *args, int n)
{
    seen folders = {0};
    for (int i = 0; i < n; i++) {
        struct stat st;
        size_t len = strlen(args[i]);
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char *dir = dup(args[i]);
            while (len > 1 && dir[len - 1] == '/')
                dir[--len] = '\0';
            size_t before = p->n;
            if (first_visit(&folders, &st))
                walk(p, dir, 0, &folders);
            if (p->n == before)
                add(p, dir, false);     /* reported: no document in it */
            else
                free(dir);
        } else {
            add(p, dup(args[i]), false);   /* a file, or a name the reader reports */
        }
    }
    free(folders.items);
}

void cli_paths_free(cli_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    free(p->walked);
    memset(p, 0, sizeof *p);
}
