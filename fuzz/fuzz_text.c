/*
 * fuzz_text.c — the text reader (gk_read_text: decoding, lines, the table
 * recogniser, 绩效 forms, narrative), then every rule on what it read.
 *
 * A report that was read is also written as JSON and read back, which must
 * succeed: the writer and the JSON reader agree on everything a reader can
 * produce.
 */
#include <stdlib.h>
#include <string.h>

#include "gongkai/check.h"
#include "gongkai/json.h"
#include "../src/read/readers.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_error err;
    gk_report *r = gk_read_text((const char *)data, size, &err);
    if (!r)
        return 0;
    gk_findings f;
    gk_check(r, &f);
    char *json = gk_report_to_json(r);
    gk_report *back = gk_report_from_json(json, strlen(json), &err);
    if (!back)
        abort();
    gk_report_free(back);
    free(json);
    gk_report_free(r);
    return 0;
}
