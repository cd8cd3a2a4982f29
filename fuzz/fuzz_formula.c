/*
 * fuzz_formula.c — the audit formula language (gk_formulas_parse, the
 * parser behind gk_ruleset_load and the built-in rules), and the evaluator
 * on what parses.
 *
 * Rules that parse are evaluated over two fixed reports, a 决算 and a 预算
 * (examples/final-2024.json and examples/budget-2025.txt, read once); the
 * findings go to a scratch report freed after each input, so the fixed
 * reports do not grow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gongkai/check.h"
#include "gongkai/read.h"
#include "../src/rules/formula.h"
#include "fuzz.h"

#ifndef GK_SOURCE_DIR
#define GK_SOURCE_DIR "."
#endif

static gk_report *reports[2];

static void load_reports(void)
{
    const char *files[2] = {GK_SOURCE_DIR "/examples/final-2024.json",
                            GK_SOURCE_DIR "/examples/budget-2025.txt"};
    for (int i = 0; i < 2; i++) {
        gk_error err;
        reports[i] = gk_read_file(files[i], &err);
        if (!reports[i]) {
            fprintf(stderr, "fuzz_formula: %s: %s\n", files[i], err.message);
            exit(2);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!reports[0])
        load_reports();
    gk_formulas fs = {0};
    gk_error err;
    if (gk_formulas_parse(&fs, "fuzz.rules", (const char *)data, size, &err)) {
        for (int i = 0; i < 2; i++) {
            gk_findings out = {0};
            out.report = gk_report_new();
            gk_formulas_check(&fs, reports[i], &out);
            gk_report_free(out.report);
        }
    }
    gk_formulas_free(&fs);
    return 0;
}
