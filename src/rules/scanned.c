/*
 * scanned.c — what OCR read is a reading, not the document (#21).
 *
 * A scan read by OCR loses digits, shifts figures a column and drops rows;
 * a finding that stands on a figure or a line OCR read may be about the
 * reading only.  Such a finding is not a claim about the document: it is
 * kept as an info that says so ("依据文字识别的读数，未核实"), and the reviewer
 * looks at the scan.  The one exception is eval.c's "疑为识别错误" warning,
 * which names the doubtful figure and the reading that would hold: a claim
 * about the scan a look settles.
 */
#include <string.h>

#include "rules.h"
#include "../util/buf.h"

/* Does the finding stand on a scanned page?  A figure, a line, a table's
 * title, or what the document was found to lack there — all OCR's reading. */
static bool on_scan(const gk_report *r, const gk_finding *f)
{
    for (size_t i = 0; i < f->nlocs; i++) {
        const gk_pos *p = &f->locs[i].pos;
        if (p->part == 0 && p->page > 0 && (size_t)p->page < r->nscanned && r->scanned[p->page])
            return true;
    }
    return false;
}

void gk_doubt_scanned(gk_findings *out)
{
    const gk_report *r = out->report;
    for (size_t i = 0; r->scanned && i < out->n; i++) {
        gk_finding *f = &out->items[i];
        if (f->severity == GK_INFO || strstr(f->message, "疑为识别错误") || !on_scan(r, f))
            continue;
        gk_buf msg = GK_BUF_INIT;
        gk_buf_printf(&msg, "%s（依据文字识别（OCR）的读数，未核实，请对照扫描件）", f->message);
        f->message = gk_report_strndup(out->report, msg.data, msg.len);
        gk_buf_free(&msg);
        f->severity = GK_INFO;
        f->expected = NULL;
    }
}
