/*
 * fuzz_json.c — the JSON report reader (gk_report_from_json), then every
 * rule on the report.
 *
 * A report that was read is written again; that canonical text must read
 * back and write again to the same bytes (docs/format.md: reading a
 * canonical document and writing it gives the same bytes).
 */
#include <stdlib.h>
#include <string.h>

#include "gongkai/check.h"
#include "gongkai/json.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_error err;
    gk_report *r = gk_report_from_json((const char *)data, size, &err);
    if (!r)
        return 0;
    char *once = gk_report_to_json(r);
    gk_findings f;
    gk_check(r, &f);
    gk_report *back = gk_report_from_json(once, strlen(once), &err);
    if (!back)
        abort();
    char *twice = gk_report_to_json(back);
    if (strcmp(once, twice) != 0)
        abort();
    free(twice);
    free(once);
    gk_report_free(back);
    gk_report_free(r);
    return 0;
}
