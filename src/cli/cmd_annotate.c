/*
 * cmd_annotate.c — gongkai annotate IN.pdf -o OUT.pdf: the findings drawn
 * on the document (gongkai/annotate.h).
 *
 * The exit status is check's: 0 no error finding, 1 error findings, 2 an
 * input that cannot be read or annotated (not a PDF: its findings have no
 * page to be drawn on) or bad usage.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "gongkai/annotate.h"
#include "gongkai/check.h"
#include "gongkai/read.h"

/* What cli_write_output calls. */
typedef struct annotating {
    const gk_file *in;
    const gk_findings *f;
    gk_severity min;
    int annotations;
} annotating;

static bool write_annotated(FILE *out, void *ctx, gk_error *err)
{
    annotating *a = ctx;
    return gk_annotate_pdf(a->in->data, a->in->len, a->f, a->min, out, &a->annotations, err);
}

int cmd_annotate(int argc, char **argv)
{
    const char *in = NULL, *out = NULL, *rules_path = NULL;
    gk_severity min = GK_INFO;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            cli_usage(stdout, "annotate");
            return 0;
        }
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (++i == argc)
                return cli_bad_usage("annotate", "'-o' 后缺少输出文件 / -o needs a file");
            out = argv[i];
        } else if (strcmp(a, "--min-severity") == 0 || strncmp(a, "--min-severity=", 15) == 0) {
            const char *v = a[14] == '=' ? a + 15 : (i + 1 < argc ? argv[++i] : NULL);
            if (!cli_severity(v, &min))
                return cli_bad_usage("annotate", "--min-severity 应为 error、warning 或 info / must be error, warning or info");
        } else if (strcmp(a, "--rules") == 0 || strncmp(a, "--rules=", 8) == 0) {
            rules_path = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!rules_path)
                return cli_bad_usage("annotate", "--rules 后缺少审核公式文件 / --rules needs a file");
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_bad_usage("annotate", "未知选项 '%s' / unknown option", a);
        } else if (in) {
            return cli_bad_usage("annotate", "只能指定一个输入文件 / one input file only");
        } else {
            in = a;
        }
    }
    if (!in)
        return cli_bad_usage("annotate", "缺少输入文件 / no input file");
    if (!out)
        return cli_bad_usage("annotate", "缺少 -o 输出文件 / no output file (-o)");
    if (strcmp(out, "-") == 0 || strcmp(out, in) == 0)
        return cli_bad_usage("annotate", "-o 应为另一个文件 / -o must name another file");

    gk_error err = {0};
    gk_ruleset *rules = NULL;
    if (rules_path && !(rules = gk_ruleset_load(rules_path, &err))) {
        cli_input_error(stderr, rules_path, &err);
        return EXIT_BAD_INPUT;
    }
    gk_file file;
    if (!gk_file_open(&file, in, &err)) {
        cli_input_error(stderr, in, &err);
        gk_ruleset_free(rules);
        return EXIT_BAD_INPUT;
    }
    int status = EXIT_BAD_INPUT;
    gk_report *r = NULL;
    if (gk_detect_format(file.data, file.len) != GK_INPUT_PDF) {
        gk_error_set(&err, 0, 0, "不是 PDF：只有 PDF 才能标注（其他格式请用 gongkai check）");
        cli_input_error(stderr, in, &err);
    } else if (!(r = gk_read(file.data, file.len, in, &err))) {
        cli_input_error(stderr, in, &err);
    } else {
        gk_findings f;
        gk_check_with(r, rules, &f);
        annotating a = {&file, &f, min, 0};
        if (cli_write_output(out, write_annotated, NULL, &a) == 0) {
            size_t n[3] = {0, 0, 0};
            for (size_t i = 0; i < f.n; i++)
                n[f.items[i].severity]++;
            printf("%s: %zu 个错误，%zu 个警告，%zu 条提示；已标注 %d 处，写入 %s\n", in,
                   n[GK_ERROR], n[GK_WARNING], n[GK_INFO], a.annotations, out);
            status = n[GK_ERROR] ? EXIT_FINDINGS : 0;
        }
    }
    gk_report_free(r);
    gk_file_close(&file);
    gk_ruleset_free(rules);
    return status;
}
