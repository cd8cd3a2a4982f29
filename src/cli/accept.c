/*
 * accept.c — findings a reviewer has looked at and accepted (check --accept).
 *
 * The file lists one fingerprint a line (JSON "fingerprint": stable across
 * re-runs and re-renderings), then the reviewer's reason:
 *
 *     # 2024 决算, reviewed 2026-12-07
 *     3f9c0a1b2c3d4e5f  尾差：各表均按元取整，万元表合计差 0.01 属正常
 *
 * A line without a reason is refused: an acceptance nobody can explain
 * later is no review.  Accepted findings leave the output and the verdict;
 * how many were accepted is said (docs/review.md).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gongkai/read.h"
#include "../util/grow.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const cli_accepted *)a)->fingerprint, ((const cli_accepted *)b)->fingerprint);
}

bool cli_accept_load(cli_accept *a, const char *path, gk_error *err)
{
    memset(a, 0, sizeof *a);
    size_t len, cap = 0;
    a->text = gk_load_file(path, &len, err);
    if (!a->text)
        return false;
    int line = 0;
    for (char *p = a->text; p && *p;) {
        char *end = strchr(p, '\n');
        if (end)
            *end = '\0';
        line++;
        while (is_space(*p))
            p++;
        if (*p && *p != '#') {
            char *fp = p;
            while (*p && !is_space(*p))
                p++;
            char *fp_end = p;
            while (is_space(*p))
                p++;
            char *reason = p, *r_end = reason + strlen(reason);
            while (r_end > reason && is_space(r_end[-1]))
                r_end--;
            *r_end = '\0';
            *fp_end = '\0';
            if (!*reason) {
                gk_error_set(err, line, 0, "指纹“%s”后缺少接受理由（每条接受的发现都应写明理由）", fp);
                cli_accept_free(a);
                return false;
            }
            a->items = gk_grow(a->items, &cap, a->n, sizeof *a->items);
            a->items[a->n++] = (cli_accepted){fp, reason};
        }
        p = end ? end + 1 : NULL;
    }
    if (a->n)
        qsort(a->items, a->n, sizeof *a->items, cmp_entry);
    return true;
}

const char *cli_accepted_reason(const cli_accept *a, const char *fingerprint)
{
    if (!fingerprint || !a->n)
        return NULL;
    cli_accepted key = {fingerprint, NULL};
    const cli_accepted *hit = bsearch(&key, a->items, a->n, sizeof *a->items, cmp_entry);
    return hit ? hit->reason : NULL;
}

void cli_accept_free(cli_accept *a)
{
    free(a->items);
    free(a->text);
    memset(a, 0, sizeof *a);
}
