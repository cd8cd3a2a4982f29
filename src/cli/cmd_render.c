/*
 * cmd_render.c — gongkai render FILE -o OUT: write a document from a report.
 *
 * The output format follows OUT's extension.  The writers for .html, .md,
 * .pdf and .xlsx are not written yet; asking for them is refused clearly.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gongkai/json.h"
#include "gongkai/read.h"

static const char *extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    return dot ? dot : "";
}

static int write_file(const char *path, const char *data)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "gongkai: %s: 无法写入：%s\n", path, strerror(errno));
        return EXIT_BAD_INPUT;
    }
    int bad = fputs(data, f) < 0;
    if (f != stdout)
        bad |= fclose(f) != 0;
    else
        bad |= fflush(f) != 0;
    if (bad) {
        fprintf(stderr, "gongkai: %s: 写入失败：%s\n", path, strerror(errno));
        return EXIT_BAD_INPUT;
    }
    return 0;
}

int cmd_render(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            cli_usage(stdout, "render");
            return 0;
        }
        if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (++i == argc)
                return cli_bad_usage("render", "'-o' 后缺少输出文件 / -o needs a file");
            out = argv[i];
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

    const char *ext = strcmp(out, "-") == 0 ? ".json" : extension(out);
    if (strcmp(ext, ".json") != 0) {
        if (!strcmp(ext, ".html") || !strcmp(ext, ".md") || !strcmp(ext, ".pdf") ||
            !strcmp(ext, ".xlsx"))
            fprintf(stderr, "gongkai: %s: 暂不支持输出 %s 格式（该写出器尚未实现），"
                            "目前支持 .json\n", out, ext);
        else
            fprintf(stderr, "gongkai: %s: 无法从扩展名判断输出格式，"
                            "应为 .json、.html、.md、.pdf 或 .xlsx\n", out);
        return EXIT_BAD_INPUT;
    }

    gk_error err;
    gk_report *r = gk_read_file(in, &err);
    if (!r) {
        cli_input_error(stderr, in, &err);
        return EXIT_BAD_INPUT;
    }
    char *json = gk_report_to_json(r);
    int status = write_file(out, json);
    free(json);
    gk_report_free(r);
    return status;
}
