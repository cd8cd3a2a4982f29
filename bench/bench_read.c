/*
 * bench_read.c — in-process cost of reading (and checking) documents.
 *
 *   bench_read N FILE...   read each file N times; print µs per document
 *                           and MB/s for read alone and read + check.
 *
 * The files are loaded once; only gk_read / gk_check are timed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gongkai.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_read N FILE...\n");
        return 2;
    }
    int n = atoi(argv[1]);
    if (n <= 0)
        n = 1;
    /* One untimed round over every file first: the first timed loop would
     * otherwise pay for cold caches and a CPU still clocking up. */
    for (int f = 2; f < argc; f++) {
        gk_error err;
        size_t len;
        char *data = gk_load_file(argv[f], &len, &err);
        if (data) {
            gk_report *r = gk_read(data, len, NULL, &err);
            gk_findings fs;
            if (r)
                gk_check(r, &fs);
            gk_report_free(r);
            free(data);
        }
    }
    printf("%-40s %10s %10s %12s %12s\n", "file", "bytes", "read µs", "read+check µs", "MB/s (read)");
    for (int f = 2; f < argc; f++) {
        gk_error err;
        size_t len;
        char *data = gk_load_file(argv[f], &len, &err);
        if (!data) {
            fprintf(stderr, "%s: %s\n", argv[f], err.message);
            return 2;
        }
        double t0 = now();
        for (int i = 0; i < n; i++)
            gk_report_free(gk_read(data, len, NULL, &err));
        double t1 = now();
        for (int i = 0; i < n; i++) {
            gk_report *r = gk_read(data, len, NULL, &err);
            gk_findings fs;
            if (r)
                gk_check(r, &fs);
            gk_report_free(r);
        }
        double t2 = now();
        double read_us = (t1 - t0) / n * 1e6, both_us = (t2 - t1) / n * 1e6;
        const char *name = argv[f];
        for (const char *p = name; *p; p++)
            if (*p == '/')
                name = p + 1;
        printf("%-40.40s %10zu %10.0f %12.0f %12.1f\n", name, len, read_us, both_us,
               (double)len / (read_us / 1e6) / 1e6);
        free(data);
    }
    return 0;
}
