/*
 * fuzz_xlsx.c — the xlsx reader (gk_read_xlsx: the ZIP package, its XML
 * parts, number formats, merged cells, the text made of the sheets), then
 * the text recogniser and every rule on what it read.
 *
 * An input starting with "PK" is a whole package.  Any other input is the
 * XML of parts, separated by lines "\n--\n": a sheet, the shared strings,
 * the styles, a second sheet; they are packed here into a workbook (stored,
 * not deflated), so that mutations reach the XML handlers instead of dying
 * at a CRC check.
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "gongkai/check.h"
#include "../src/read/readers.h"
#include "fuzz.h"

static const char WORKBOOK[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"公开01表\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"表2\" sheetId=\"2\" r:id=\"rId2\"/>"
    "</sheets></workbook>";
static const char RELS[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"/xl/worksheets/../worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";
static const char *const PARTS[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                                    "xl/worksheets/sheet2.xml"};

static bool add(zip_t *za, const char *name, const void *data, size_t len)
{
    zip_source_t *s = zip_source_buffer(za, data, len, 0);
    if (!s)
        return false;
    zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_OVERWRITE);
    if (i < 0) {
        zip_source_free(s);
        return false;
    }
    zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
    return true;
}

/* The parts of `data` packed into a workbook; NULL when libzip fails. */
static char *pack(const uint8_t *data, size_t size, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src);
    bool ok = add(za, "xl/workbook.xml", WORKBOOK, sizeof WORKBOOK - 1) &&
              add(za, "xl/_rels/workbook.xml.rels", RELS, sizeof RELS - 1);
    const char *p = (const char *)data, *end = p + size;
    for (size_t k = 0; ok && k < sizeof PARTS / sizeof *PARTS && p <= end; k++) {
        const char *sep = NULL;
        for (const char *q = p; q + 4 <= end; q++)
            if (memcmp(q, "\n--\n", 4) == 0) {
                sep = q;
                break;
            }
        const char *e = sep ? sep : end;
        ok = add(za, PARTS[k], p, (size_t)(e - p));
        p = sep ? sep + 4 : end + 1;
    }
    char *out = NULL;
    if (ok && zip_close(za) == 0) {
        zip_stat_t st;
        if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
            out = malloc(st.size ? st.size : 1);
            if (out && zip_source_read(src, out, st.size) == (zip_int64_t)st.size)
                *len = st.size;
            else {
                free(out);
                out = NULL;
            }
            zip_source_close(src);
        }
    } else
        zip_discard(za);
    zip_source_free(src);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_error err;
    gk_report *r;
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        r = gk_read_xlsx((const char *)data, size, &err);
    } else {
        size_t len = 0;
        char *zip = pack(data, size, &len);
        if (!zip)
            return 0;
        r = gk_read_xlsx(zip, len, &err);
        free(zip);
    }
    if (!r)
        return 0;
    gk_findings f;
    gk_check(r, &f);
    gk_report_free(r);
    return 0;
}
