/*
 * cmd_render.c — gongkai render FILE -o OUT: write a document from a report.
 *
 * The output format follows OUT's extension: .json writes the report model,
 * the others the complete document laid out by gk_compose; it is written
 * as cli_write_output writes every output (complete or not at all).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gongkai/json.h"
#include "gongkai/read.h"
#include "gongkai/render.h"

/* Write the report (JSON) or its document to f. */
static bool write_to(FILE *f, const gk_report *r, gk_format format,
                     const gk_compose_options *opts, gk_error *err)
{
    if (format == GK_FORMAT_JSON) {
        char *json = gk_report_to_json(r);
        bool ok = fputs(json, f) >= 0 && fflush(f) == 0;
        free(json);
        if (!ok)
            gk_error_set(err, 0, 0, "写入失败：%s", strerror(errno));
        return ok;
    }
    gk_doc *d = gk_compose_opt(r, opts, err);
    if (!d)
        return false;
    bool ok = gk_write_doc(d, format, f, err);
    gk_doc_free(d);
    return ok;
}

/* What cli_write_output calls: the report and the format to write. */
typedef struct rendering {
    const gk_report *r;
    gk_format format;
    const char *out;
    bool force;
    gk_compose_options opts;
} rendering;

static bool write_rendering(FILE *f, void *ctx, gk_error *err)
{
    const rendering *x = ctx;
    return write_to(f, x->r, x->format, &x->opts, err);
}

/* The error findings of f on stderr, as check prints them; how many. */
static size_t print_errors(const char *file, const gk_findings *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) {
        const gk_finding *x = &f->items[i];
        if (x->severity != GK_ERROR)
            continue;
        n++;
        fprintf(stderr, "%s", file);
        if (x->locs[0].pos.page)
            fprintf(stderr, ":第%d页", x->locs[0].pos.page);
        if (x->locs[0].pos.line)
            fprintf(stderr, ":%d", x->locs[0].pos.line);
        fprintf(stderr, ": error[%s]: %s\n", x->rule, x->message);
    }
    return n;
}

/* The document written must say what its input says: read back and
 * checked, it may have no error of its own (a rendering that contradicts
 * itself, the same figures checking clean as PDF and not as HTML). */
static int verify_rendering(const char *written, void *ctx)
{
    const rendering *x = ctx;
    if (x->format == GK_FORMAT_JSON || x->force)
        return 0;                   /* the model itself; or written whatever it says */
    gk_error err;
    gk_report *back = gk_read_file(written, &err);
    if (!back) {
        fprintf(stderr, "gongkai: %s: 生成的文档无法读回：%s\n", x->out, err.message);
        return EXIT_FINDINGS;
    }
    gk_findings f;
    gk_check(back, &f);
    size_t n = print_errors(x->out, &f);
    gk_report_free(back);
    if (!n)
        return 0;
    fprintf(stderr, "gongkai: %s: 生成的文档读回后有 %zu 个错误（输入本身没有），未写出；"
                    "加 --force 仍然写出\n", x->out, n);
    return EXIT_FINDINGS;
}

int cmd_render(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    bool force = false;
    gk_compose_options opts = {0};
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
        } else if (strcmp(argv[i], "--force") == 0) {
            force = true;
        } else if (strcmp(argv[i], "--serif") == 0) {
            opts.serif = true;
        } else if (strcmp(argv[i], "--date") == 0 || strncmp(argv[i], "--date=", 7) == 0) {
            if (argv[i][6] == '=')
                opts.date = argv[i] + 7;
            else if (++i == argc)
                return cli_bad_usage("render", "'--date' 后缺少日期 / --date needs YYYY-MM-DD");
            else
                opts.date = argv[i];
            if (!gk_date_valid(opts.date))
                return cli_bad_usage("render", "日期 '%s' 无效，应为 YYYY-MM-DD 或 YYYY-MM / "
                                     "bad date", opts.date);
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
    /* A document is written from consistent figures only: its input is
     * checked first (the report model as JSON is a conversion, not a
     * document, and is written as it is). */
    if (format != GK_FORMAT_JSON) {
        gk_findings f;
        gk_check(r, &f);
        size_t n = print_errors(in, &f);
        if (n && !force) {
            fprintf(stderr, "gongkai: %s: 输入有 %zu 个错误，未生成 %s；请先改正，或加 --force "
                            "仍然生成\n", in, n, out);
            gk_report_free(r);
            return EXIT_FINDINGS;
        }
        if (n)
            fprintf(stderr, "gongkai: %s: 输入有 %zu 个错误，按 --force 仍然生成 %s\n", in, n, out);
    }
    rendering x = {r, format, out, force, opts};
    int status = cli_write_output(out, write_rendering, verify_rendering, &x);
    gk_report_free(r);
    return status;
}
