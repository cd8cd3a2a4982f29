/*
 * gen_catalog.c — compile data/catalog/<system>.tsv into C (build step).
 *
 *   gen_catalog OUT.c functional.tsv econ_dept.tsv econ_gov.tsv
 *
 * Validates every line (7 tab-separated columns, well-formed codes, years,
 * status, source; each 款/项 has its parent; one code's year ranges do not
 * overlap) and fails the build with FILE:LINE: reason otherwise.  Emits the
 * entries sorted by system, code and year, with their name keys, so that
 * the program does no parsing and no allocation at run time.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gongkai/catalog.h"

typedef struct entry {
    int system;
    char *code, *name, *source, *variants;
    int from, to;
    int confirmed;
    char key[GK_NAME_KEY_MAX];
    char variant_keys[4 * GK_NAME_KEY_MAX];
} entry;

static entry *entries;
static size_t nentries, cap;
static const char *cur_file;
static int cur_line;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%d: ", cur_file, cur_line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static char *dupstr(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        perror("gen_catalog");
        exit(1);
    }
    return p;
}

static int parse_year(const char *s)
{
    if (strcmp(s, "-") == 0)
        return 0;
    char *end;
    long y = strtol(s, &end, 10);
    if (*end || y < 1990 || y > 2100)
        die("year '%s' is not a 4-digit year or '-'", s);
    return (int)y;
}

static int valid_code(int system, const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    return n == 3 || n == 5 || (n == 7 && system == GK_CLASS_FUNCTIONAL);
}

static void read_file(int system, const char *path)
{
    FILE *f = fopen(path, "r");
    cur_file = path;
    cur_line = 0;
    if (!f)
        die("cannot open: %s", strerror(errno));
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        cur_line++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n')
            line[--len] = '\0';
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *col[7];
        int n = 0;
        char *p = line;
        for (;;) {
            if (n == 7)
                die("more than 7 tab-separated columns");
            col[n++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (n != 7)
            die("%d columns, expected 7 (code name from to status source variants)", n);
        if (!valid_code(system, col[0]))
            die("code '%s' is not a well-formed code for this classification", col[0]);
        if (!*col[1])
            die("empty name");
        if (nentries == cap) {
            cap = cap ? 2 * cap : 512;
            entries = realloc(entries, cap * sizeof *entries);
            if (!entries) {
                perror("gen_catalog");
                exit(1);
            }
        }
        entry *e = &entries[nentries++];
        memset(e, 0, sizeof *e);
        e->system = system;
        e->code = dupstr(col[0]);
        e->name = dupstr(col[1]);
        e->from = parse_year(col[2]);
        e->to = parse_year(col[3]);
        if (e->from && e->to && e->from > e->to)
            die("years %d-%d run backwards", e->from, e->to);
        if (strcmp(col[4], "confirmed") == 0)
            e->confirmed = 1;
        else if (strcmp(col[4], "seen") != 0)
            die("status '%s' is neither 'confirmed' nor 'seen'", col[4]);
        if (strcmp(col[5], "domain") && strcmp(col[5], "observed") &&
            strcmp(col[5], "corpus") && strcmp(col[5], "standard"))
            die("source '%s' is not domain, observed, corpus or standard", col[5]);
        e->source = dupstr(col[5]);
        e->variants = dupstr(col[6]);
        gk_name_key(e->name, e->key);
        /* The keys of the variants, in the same order. */
        for (char *v = col[6]; *v;) {
            char *bar = strchr(v, '|');
            if (bar)
                *bar = '\0';
            char k[GK_NAME_KEY_MAX];
            gk_name_key(v, k);
            if (strlen(e->variant_keys) + strlen(k) + 2 > sizeof e->variant_keys)
                die("variants too long");
            if (e->variant_keys[0])
                strcat(e->variant_keys, "|");
            strcat(e->variant_keys, k);
            if (!bar)
                break;
            v = bar + 1;
        }
    }
    fclose(f);
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->system != y->system)
        return x->system - y->system;
    int c = strcmp(x->code, y->code);
    if (c)
        return c;
    return x->from - y->from;
}

static int has_code(int system, const char *code, size_t len)
{
    for (size_t i = 0; i < nentries; i++)
        if (entries[i].system == system && strlen(entries[i].code) == len &&
            strncmp(entries[i].code, code, len) == 0)
            return 1;
    return 0;
}

static void check_all(void)
{
    cur_file = "data/catalog";
    cur_line = 0;
    for (size_t i = 0; i < nentries; i++) {
        entry *e = &entries[i];
        size_t len = strlen(e->code);
        if (len > 3 && !has_code(e->system, e->code, len - 2))
            die("%s %s has no parent %.*s", e->code, e->name, (int)(len - 2), e->code);
        if (i > 0 && entries[i - 1].system == e->system &&
            strcmp(entries[i - 1].code, e->code) == 0) {
            const entry *p = &entries[i - 1];
            if (!p->to || !e->from || p->to >= e->from)
                die("%s: names '%s' and '%s' have overlapping years", e->code, p->name, e->name);
        }
    }
}

static void put_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

int main(int argc, char **argv)
{
    if (argc != 2 + GK_CLASS__COUNT) {
        fprintf(stderr, "usage: gen_catalog OUT.c functional.tsv econ_dept.tsv econ_gov.tsv\n");
        return 2;
    }
    for (int s = 0; s < GK_CLASS__COUNT; s++)
        read_file(s, argv[2 + s]);
    if (nentries == 0) {
        fprintf(stderr, "gen_catalog: no entries\n");
        return 1;
    }
    qsort(entries, nentries, sizeof *entries, cmp_entry);
    check_all();

    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated by tools/gen_catalog.c from data/catalog. Do not edit. */\n"
                 "#include \"catalog_data.h\"\n\n"
                 "const gk_catalog_entry gk_catalog_data[] = {\n");
    size_t offsets[GK_CLASS__COUNT + 1] = {0};
    for (size_t i = 0; i < nentries; i++) {
        const entry *e = &entries[i];
        offsets[e->system + 1] = i + 1;
        size_t clen = strlen(e->code);
        fprintf(out, "    {%d, %d, ", e->system, clen == 3 ? 1 : clen == 5 ? 2 : 3);
        put_str(out, e->code);
        fputs(", ", out);
        put_str(out, e->name);
        fprintf(out, ", %d, %d, %s, ", e->from, e->to, e->confirmed ? "true" : "false");
        put_str(out, e->source);
        fputs(", ", out);
        put_str(out, e->variants);
        fputs(", ", out);
        put_str(out, e->key);
        fputs(", ", out);
        put_str(out, e->variant_keys);
        fputs("},\n", out);
    }
    /* Systems without entries start where the previous one ended. */
    for (int s = 1; s <= GK_CLASS__COUNT; s++)
        if (offsets[s] < offsets[s - 1])
            offsets[s] = offsets[s - 1];
    fprintf(out, "};\n\nconst size_t gk_catalog_offsets[%d] = {", GK_CLASS__COUNT + 1);
    for (int s = 0; s <= GK_CLASS__COUNT; s++)
        fprintf(out, "%s%zu", s ? ", " : "", offsets[s]);
    fputs("};\n", out);
    if (fclose(out) != 0) {
        perror(argv[1]);
        return 1;
    }
    for (size_t i = 0; i < nentries; i++) {
        free(entries[i].code);
        free(entries[i].name);
        free(entries[i].source);
        free(entries[i].variants);
    }
    free(entries);
    return 0;
}
