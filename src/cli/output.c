/*
 * output.c — writing an output file whole or not at all (render, annotate).
 *
 * The file is written beside OUT under a temporary name and renamed when
 * complete, so a failed write never leaves half a document under OUT's
 * name, nor (on SIGINT, SIGTERM or SIGHUP) the temporary file.  The file
 * gets the mode a newly created file would (0666 less the umask), not
 * mkstemp's 0600.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file being written, for the signal handler to remove. */
static char *volatile pending_tmp;

static void remove_pending(int sig)
{
    char *tmp = pending_tmp;
    if (tmp)
        unlink(tmp);                  /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);                       /* end as the signal would have */
}

static void watch_signals(char *tmp)
{
    pending_tmp = tmp;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tmp ? remove_pending : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* mkstemp makes 0600; a document is for others to read as any new file is. */
static void creation_mode(int fd)
{
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0)
        fprintf(stderr, "gongkai: 无法设置输出文件权限：%s\n", strerror(errno));
}

int cli_write_output(const char *out, cli_writer write, cli_verifier verify, void *ctx)
{
    gk_error err = {0};
    if (strcmp(out, "-") == 0) {
        if (write(stdout, ctx, &err))
            return 0;
        fprintf(stderr, "gongkai: 标准输出：%s\n", err.message);
        return EXIT_BAD_INPUT;
    }
    size_t n = strlen(out);
    char *tmp = malloc(n + 16);
    if (!tmp)
        abort();
    snprintf(tmp, n + 16, "%s.tmp-XXXXXX", out);
    sigset_t block, old;                  /* no signal between creating and watching */
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(tmp);
    if (fd >= 0)
        watch_signals(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd >= 0)
        creation_mode(fd);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        fprintf(stderr, "gongkai: %s: 无法写入：%s\n", out, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
            watch_signals(NULL);
        }
        free(tmp);
        return EXIT_BAD_INPUT;
    }
    bool ok = write(f, ctx, &err);
    if (fclose(f) != 0 && ok) {
        gk_error_set(&err, 0, 0, "写入失败：%s", strerror(errno));
        ok = false;
    }
    int refused = ok && verify ? verify(tmp, ctx) : 0;   /* it has said why */
    if (ok && !refused && rename(tmp, out) != 0) {
        gk_error_set(&err, 0, 0, "无法写入：%s", strerror(errno));
        ok = false;
    }
    if (!ok || refused)
        unlink(tmp);
    watch_signals(NULL);
    if (!ok)
        fprintf(stderr, "gongkai: %s: %s\n", out, err.message);
    free(tmp);
    return !ok ? EXIT_BAD_INPUT : refused;
}

