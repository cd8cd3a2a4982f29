/*
 * cmd_parse.c — gongkai parse FILE...: the report model as JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gongkai/json.h"
#include "gongkai/read.h"

int cmd_parse(int argc, char **argv)
{
    int nfiles = 0, status = 0, taken;
    bool options_end = false;   /* after "--" every argument is a file */
    for (int i = 1; i < argc; i++) {
        if (options_end) {
            argv[++nfiles] = argv[i];
        } else if (strcmp(argv[i], "--") == 0) {
            options_end = true;
        } else if (cli_is_help(argv[i])) {
            cli_usage(stdout, "parse");
            return 0;
        } else if ((taken = cli_ocr_option("parse", argc, argv, &i)) != 0) {
            if (taken < 0)
                return EXIT_BAD_INPUT;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_bad_usage("parse", "未知选项 '%s' / unknown option", argv[i]);
        } else {
            argv[++nfiles] = argv[i];   /* compact the file names in place */
        }
    }
    if (nfiles == 0)
        return cli_bad_usage("parse", "缺少输入文件 / no input file");

    for (int i = 1; i <= nfiles; i++) {
        gk_error err;
        gk_report *r = gk_read_file(argv[i], &err);
        if (!r) {
            cli_input_error(stderr, argv[i], &err);
            status = EXIT_BAD_INPUT;
            continue;
        }
        for (size_t k = 0; k < r->nnotes; k++) {
            const gk_note *n = &r->notes[k];
            fprintf(stderr, "%s", argv[i]);
            if (n->pos.page)
                fprintf(stderr, ":第%d页", n->pos.page);
            if (n->pos.line)
                fprintf(stderr, ":%d", n->pos.line);
            fprintf(stderr, ": 提示: %s\n", n->message);
        }
        char *json = gk_report_to_json(r);
        fputs(json, stdout);
        free(json);
        gk_report_free(r);
    }
    return status;
}
