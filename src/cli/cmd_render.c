/*
 * cmd_render.c — gongkai render FILE -o OUT: write a document from a report.
 *
 * The output format follows OUT's extension: .json writes the report model,
 * the others the complete document laid out by gk_compose.  The file is
 * written beside OUT under a temporary name and renamed when complete, so
 * a failed render never leaves half a document under OUT's name, nor (on
 * SIGINT or SIGTERM) the temporary file.  The file gets the mode a newly
 * created file would (0666 less the umask), not mkstemp's 0600.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "gongkai/json.h"
#include "gongkai/read.h"
#include "gongkai/render.h"

/* Write the report (JSON) or its document to f. */
static bool write_to(FILE *f, const gk_report *r, gk_format format, gk_error *err)
{
    if (format == GK_FORMAT_JSON) {
        char *json = gk_report_to_json(r);
        bool ok = fputs(json, f) >= 0 && fflush(f) == 0;
        free(json);
        if (!ok)
            gk_error_set(err, 0, 0, "写入失败：%s", strerror(errno));
        return ok;
    }
    gk_doc *d = gk_compose(r, err);
    if (!d)
        return false;
    bool ok = gk_write_doc(d, format, f, err);
    gk_doc_free(d);
    return ok;
}

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

static int render_to(const char *out, const gk_report *r, gk_format format)
{
    gk_error err = {0};
    if (strcmp(out, "-") == 0) {
        if (write_to(stdout, r, format, &err))
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
    bool ok = write_to(f, r, format, &err);
    if (fclose(f) != 0 && ok) {
        gk_error_set(&err, 0, 0, "写入失败：%s", strerror(errno));
        ok = false;
    }
    if (ok && rename(tmp, out) != 0) {
        gk_error_set(&err, 0, 0, "无法写入：%s", strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(tmp);
    watch_signals(NULL);
    if (!ok)
        fprintf(stderr, "gongkai: %s: %s\n", out, err.message);
    free(tmp);
    return ok ? 0 : EXIT_BAD_INPUT;
}

int cmd_render(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    int taken;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            cli_usage(stdout, "render");
            return 0;
        }
        if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (++i == argc)
                return cli_bad_usage("render", "'-o' 后缺少输出文件 / -o needs a file");
            out = argv[i];
        } else if ((taken = cli_ocr_option("render", argc, argv, &i)) != 0) {
            if (taken < 0)
                return EXIT_BAD_INPUT;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_bad_usage("render", "未知选项 '%s' / unknown option", argv[i]);
        } else if (in) {
            return cli_bad_usage("render", "只能指定一个输入文件 / one input file only");
        } else {
            in = argv[i];
        }
    }
    if (!in)
        return cli_bad_usage("render", "缺少输入文件 / no input file");
    if (!out)
        return cli_bad_usage("render", "缺少 -o 输出文件 / no output file (-o)");

    gk_format format = strcmp(out, "-") == 0 ? GK_FORMAT_JSON : gk_format_of_name(out);
    if (format == GK_FORMAT_FROM_NAME) {
        fprintf(stderr, "gongkai: %s: 无法从扩展名判断输出格式，应为 .json、.html、.md、.pdf 或 "
                        ".xlsx\n", out);
        return EXIT_BAD_INPUT;
    }

    gk_error err;
    gk_report *r = gk_read_file(in, &err);
    if (!r) {
        cli_input_error(stderr, in, &err);
        return EXIT_BAD_INPUT;
    }
    int status = render_to(out, r, format);
    gk_report_free(r);
    return status;
}
