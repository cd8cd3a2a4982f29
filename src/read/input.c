/*
 * read/input.c — loading input and sending it to the reader for its format.
 */
#include "gongkai/read.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gongkai/json.h"
#include "../util/buf.h"
#include "readers.h"

/* Inputs beyond these are refused before they are read into memory.  A
 * disclosure's text is well under 1 MiB (the largest of the corpus: 0.3 MiB
 * extracted from a 45-page PDF); reading text costs about 17 times its
 * size, so 16 MiB of text stays within 300 MB.  PDF and Excel files carry
 * fonts and images, and are read by poppler and libzip. */
#define MAX_TEXT_BYTES ((size_t)16 << 20)
#define MAX_INPUT_BYTES ((size_t)1 << 30)

/* No line of a real document comes near this; a text with a longer one is
 * not a document (and would cost the reader time and memory for nothing). */
#define MAX_LINE_BYTES ((size_t)1 << 20)

gk_input_format gk_detect_format(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;                                      /* UTF-8 BOM */
    if (len - i >= 5 && memcmp(data + i, "%PDF-", 5) == 0)
        return GK_INPUT_PDF;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i == len)
        return GK_INPUT_EMPTY;
    if (data[i] == '{')
        return GK_INPUT_JSON;
    return GK_INPUT_TEXT;
}

/* The first line longer than MAX_LINE_BYTES (1-based), or 0. */
static int overlong_line(const char *data, size_t len)
{
    int line = 1;
    for (const char *p = data, *end = data + len; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if ((size_t)(le - p) > MAX_LINE_BYTES)
            return line;
        p = le + 1;
    }
    return 0;
}

/* Did the reader find anything of a disclosure document: a table, the
 * year, the unit or the kind of document? */
static bool recognised(const gk_report *r)
{
    return r->ntables || r->year || r->unit || r->kind != GK_DOC_UNKNOWN;
}

gk_report *gk_read(const char *data, size_t len, const char *name, gk_error *err)
{
    gk_report *r = NULL;
    gk_input_format format = gk_detect_format(data, len);
    bool xlsx = format == GK_INPUT_TEXT && gk_xlsx_magic(data, len);  /* binary: no lines */
    int long_line = format == GK_INPUT_TEXT && !xlsx ? overlong_line(data, len) : 0;
    if (long_line) {
        gk_error_set(err, long_line, 0, "此行超过 %zu MiB，不是公开文档的文本", MAX_LINE_BYTES >> 20);
        return NULL;
    }
    switch (format) {
    case GK_INPUT_EMPTY:
        gk_error_set(err, 0, 0, "文件为空（没有任何内容）");
        return NULL;
    case GK_INPUT_JSON:
        r = gk_report_from_json(data, len, err);
        break;
    case GK_INPUT_PDF:
        r = gk_read_pdf(data, len, name, err);
        break;
    case GK_INPUT_TEXT:
        r = xlsx ? gk_read_xlsx(data, len, err) : gk_read_text(data, len, err);
        break;
    }
    if (r && format != GK_INPUT_JSON && !recognised(r)) {
        gk_report_free(r);
        gk_error_set(err, 0, 0, "未识别出部门预算/决算公开文档的内容：没有表格，也没有年度、单位名称或文档类型");
        if (err)
            err->not_disclosure = true;
        return NULL;
    }
    if (r && name)
        r->source = gk_report_strdup(r, name);
    return r;
}

/* The most bytes an input of this start may have: text is refused far
 * sooner than a PDF or a workbook (a zip). */
static size_t input_limit(const char *head, size_t n)
{
    bool binary = (n >= 5 && memcmp(head, "%PDF-", 5) == 0) ||
                  (n >= 8 && memcmp(head, "\xEF\xBB\xBF%PDF-", 8) == 0) ||
                  (n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0);
    return binary ? MAX_INPUT_BYTES : MAX_TEXT_BYTES;
}

static void *too_large(gk_buf *b, size_t limit, gk_error *err)
{
    gk_buf_free(b);
    gk_error_set(err, 0, 0, "文件过大（超过 %zu MiB），不是可读取的公开文档%s", limit >> 20,
                 limit == MAX_TEXT_BYTES ? "文本" : "");
    return NULL;
}

/* The whole stream.  The first bytes say what it is and so how large it
 * may be; a regular file's `size` (else 0) is then checked before the rest
 * is read, in one piece into a buffer of that size (growing it copied a
 * 4 MB PDF three times); whatever follows (a file that grew, a pipe) in
 * chunks, never past the limit. */
static char *load_stream(FILE *f, size_t size, size_t *len, gk_error *err)
{
    gk_buf b = GK_BUF_INIT;
    char chunk[65536];
    size_t n = fread(chunk, 1, 8, f);
    gk_buf_putn(&b, chunk, n);
    size_t limit = input_limit(chunk, n);
    if (size > limit)
        return too_large(&b, limit, err);
    if (size > b.len) {
        gk_buf_reserve(&b, size - b.len);
        b.len += fread(b.data + b.len, 1, size - b.len, f);
        b.data[b.len] = '\0';
    }
    while (b.len <= limit && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        gk_buf_putn(&b, chunk, n);
    if (b.len > limit)
        return too_large(&b, limit, err);
    if (ferror(f)) {
        gk_buf_free(&b);
        gk_error_set(err, 0, 0, "读取失败：%s", strerror(errno));
        return NULL;
    }
    *len = b.len;
    return gk_buf_take(&b);
}

char *gk_load_file(const char *path, size_t *len, gk_error *err)
{
    if (strcmp(path, "-") == 0)
        return load_stream(stdin, 0, len, err);
    struct stat st;
    if (stat(path, &st) != 0) {
        gk_error_set(err, 0, 0, "无法打开：%s", strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        gk_error_set(err, 0, 0, "这是一个目录，不是文件");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        gk_error_set(err, 0, 0, "无法打开：%s", strerror(errno));
        return NULL;
    }
    char *data = load_stream(f, S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size : 0, len, err);
    fclose(f);
    return data;
}

/* Map a PDF or a workbook; false (f untouched) for anything else, or when
 * mapping fails, to read it instead.  *refused when it is too large. */
static bool map_binary(gk_file *f, const char *path, bool *refused, gk_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    char head[8];
    bool mapped = false;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (off_t)sizeof head &&
        pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
        input_limit(head, sizeof head) == MAX_INPUT_BYTES) {
        if ((uintmax_t)st.st_size > MAX_INPUT_BYTES) {
            gk_error_set(err, 0, 0, "文件过大（超过 %zu MiB），不是可读取的公开文档",
                         MAX_INPUT_BYTES >> 20);
            *refused = true;
        } else {
            void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                f->data = p;
                f->len = (size_t)st.st_size;
                f->mapped = mapped = true;
            }
        }
    }
    close(fd);
    return mapped;
}

bool gk_file_open(gk_file *f, const char *path, gk_error *err)
{
    memset(f, 0, sizeof *f);
    bool refused = false;
    if (strcmp(path, "-") != 0 && map_binary(f, path, &refused, err))
        return true;
    if (refused)
        return false;
    f->data = gk_load_file(path, &f->len, err);
    return f->data != NULL;
}

void gk_file_close(gk_file *f)
{
    if (f->mapped)
        munmap((void *)f->data, f->len);
    else
        free((void *)f->data);
    memset(f, 0, sizeof *f);
}

gk_report *gk_read_file(const char *path, gk_error *err)
{
    gk_file f;
    if (!gk_file_open(&f, path, err))
        return NULL;
    gk_report *r = gk_read(f.data, f.len, path, err);
    gk_file_close(&f);
    return r;
}
