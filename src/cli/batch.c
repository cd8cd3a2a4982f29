/*
 * batch.c — many documents at once: jobs on worker threads, output in input
 * order, a progress line, the batch's totals.
 *
 * Workers take the next document; each writes its output into memory
 * streams, and the main thread prints them in input order as soon as a
 * document and all those before it are done.  Workers never run more than
 * a few documents ahead of the printing, so memory stays flat whatever the
 * number of documents: at most `ahead` outputs wait in memory at once, in
 * a ring of `ahead` slots (document i in slot i mod ahead).
 *
 * With one worker nothing is buffered: the job writes straight to stdout
 * and stderr on the main thread.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct slot {
    char *out, *err;        /* what the job wrote, for stdout and stderr */
    size_t outlen, errlen;
    cli_tally tally;
    bool done;
} slot;

typedef struct batch {
    size_t n;
    cli_job job;
    void *ctx;
    slot *slots;            /* a ring of `ahead` */
    size_t next;            /* the next document to start */
    size_t printed;         /* documents printed so far */
    size_t ahead;           /* started but not printed, at most */
    pthread_mutex_t mu;
    pthread_cond_t room;    /* a worker may start another document */
    pthread_cond_t finished; /* a document is done */
} batch;

static double now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void out_of_memory(void)
{
    fputs("gongkai: 内存不足 / out of memory\n", stderr);
    abort();
}

/* Run document i with its output kept in memory. */
static void run_buffered(batch *b, size_t i)
{
    slot *s = &b->slots[i % b->ahead];
    FILE *out = open_memstream(&s->out, &s->outlen);
    FILE *err = open_memstream(&s->err, &s->errlen);
    if (!out || !err)
        out_of_memory();
    s->tally = b->job(b->ctx, i, out, err);
    if (fclose(out) != 0 || fclose(err) != 0)
        out_of_memory();
}

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->next < b->n && b->next - b->printed >= b->ahead)
            pthread_cond_wait(&b->room, &b->mu);
        if (b->next >= b->n)
            break;
        size_t i = b->next++;
        pthread_mutex_unlock(&b->mu);
        run_buffered(b, i);
        pthread_mutex_lock(&b->mu);
        b->slots[i % b->ahead].done = true;
        pthread_cond_broadcast(&b->finished);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* ---- Progress on a terminal ------------------------------------------------ */

typedef struct progress {
    bool on;
    bool shown;             /* a progress line is on the screen */
    double start, last;
} progress;

static void progress_clear(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = false;
}

static void progress_show(progress *p, size_t done, size_t n, const cli_tally *t, bool force)
{
    double at = now();
    if (!p->on || (!force && at - p->last < 0.1))
        return;
    p->last = at;
    enum { WIDTH = 24 };
    int filled = (int)(WIDTH * done / (n ? n : 1));
    char bar[WIDTH + 1];
    memset(bar, '#', (size_t)filled);
    memset(bar + filled, '-', (size_t)(WIDTH - filled));
    bar[WIDTH] = '\0';
    double spent = at - p->start;
    long eta = done ? (long)(spent / (double)done * (double)(n - done) + 0.5) : 0;
    fprintf(stderr, "\r\033[K[%s] %zu/%zu 个文件  错误 %zu  警告 %zu  无法读取 %zu", bar, done,
            n, t->errors, t->warnings, t->unreadable);
    if (done && done < n)
        fprintf(stderr, "  约剩 %ld:%02ld", eta / 60, eta % 60);
    fflush(stderr);
    p->shown = true;
}

/* ---- The batch --------------------------------------------------------------- */

static void add(cli_tally *total, const cli_tally *t)
{
    if (t->status > total->status)
        total->status = t->status;
    total->errors += t->errors;
    total->warnings += t->warnings;
    total->infos += t->infos;
    total->unreadable += t->unreadable;
    total->skipped += t->skipped;
}

/* One document after the other on this thread, straight to stdout. */
static cli_tally run_serial(size_t n, cli_job job, void *ctx, progress *p)
{
    cli_tally total = {0};
    for (size_t i = 0; i < n; i++) {
        progress_clear(p);
        fflush(stdout);
        cli_tally t = job(ctx, i, stdout, stderr);
        fflush(stdout);
        add(&total, &t);
        progress_show(p, i + 1, n, &total, i + 1 == n);
    }
    progress_clear(p);
    return total;
}

cli_tally cli_batch_run(size_t n, int workers, cli_job job, void *ctx)
{
    cli_tally total = {0};
    progress p = {isatty(STDERR_FILENO) && n > 1, false, now(), 0};
    if (workers < 1)
        workers = 1;
    if ((size_t)workers > n)
        workers = n ? (int)n : 1;

    if (workers == 1)
        return run_serial(n, job, ctx, &p);
    batch b;
    memset(&b, 0, sizeof b);
    b.n = n, b.job = job, b.ctx = ctx, b.ahead = 4 * (size_t)workers;
    b.slots = calloc(b.ahead, sizeof *b.slots);
    pthread_t *threads = malloc((size_t)workers * sizeof *threads);
    if (!b.slots || !threads || pthread_mutex_init(&b.mu, NULL) != 0 ||
        pthread_cond_init(&b.room, NULL) != 0 || pthread_cond_init(&b.finished, NULL) != 0)
        out_of_memory();
    int started = 0;
    for (; started < workers; started++)
        if (pthread_create(&threads[started], NULL, worker, &b) != 0)
            break;
    if (started == 0) {              /* no thread at all: do the work here */
        fputs("gongkai: 无法创建工作线程，改为逐个检查 / no threads, checking one by one\n",
              stderr);
        free(threads);
        free(b.slots);
        return run_serial(n, job, ctx, &p);
    }

    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&b.mu);
        slot *s = &b.slots[i % b.ahead];
        while (!s->done)
            pthread_cond_wait(&b.finished, &b.mu);
        pthread_mutex_unlock(&b.mu);
        progress_clear(&p);
        fwrite(s->err, 1, s->errlen, stderr);
        fwrite(s->out, 1, s->outlen, stdout);
        fflush(stdout);
        add(&total, &s->tally);
        free(s->out);
        free(s->err);
        memset(s, 0, sizeof *s);    /* the slot of document i + ahead */
        progress_show(&p, i + 1, n, &total, i + 1 == n);
        pthread_mutex_lock(&b.mu);
        b.printed = i + 1;
        pthread_cond_broadcast(&b.room);
        pthread_mutex_unlock(&b.mu);
    }
    progress_clear(&p);

    for (int k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    free(threads);
    pthread_cond_destroy(&b.finished);
    pthread_cond_destroy(&b.room);
    pthread_mutex_destroy(&b.mu);
    free(b.slots);
    return total;
}

int cli_cores(void)
{
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    return c < 1 ? 1 : c > 256 ? 256 : (int)c;
}

double cli_now(void)
{
    return now();
}
