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
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "../util/buf.h"
#include "../util/fatal.h"

/* The pages OCR read: those of an OCR'd figure or line (NULL when none). */
static bool *scanned_pages(const gk_report *r, int *npages)
{
    int pages = 0;
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (r->paragraphs[i].ocr && r->paragraphs[i].pos.page > pages)
            pages = r->paragraphs[i].pos.page;
    for (size_t t = 0; t < r->ntables; t++)
        for (size_t j = 0; j < r->tables[t].nrows; j++)
            for (size_t k = 0; k < r->tables[t].rows[j].ncells; k++) {
                const gk_cell *c = &r->tables[t].rows[j].cells[k];
                if ((c->flags & GK_CELL_OCR) && c->pos.page > pages)
                    pages = c->pos.page;
            }
    if (!pages)
        return NULL;
    bool *scanned = calloc((size_t)pages + 1, sizeof *scanned);
    if (!scanned)
        gk_out_of_memory();
    for (size_t i = 0; i < r->nparagraphs; i++)
        if (r->paragraphs[i].ocr && r->paragraphs[i].pos.page > 0)
            scanned[r->paragraphs[i].pos.page] = true;
    for (size_t t = 0; t < r->ntables; t++)
        for (size_t j = 0; j < r->tables[t].nrows; j++)
            for (size_t k = 0; k < r->tables[t].rows[j].ncells; k++) {
                const gk_cell *c = &r->tables[t].rows[j].cells[k];
                if ((c->flags & GK_CELL_OCR) && c->pos.page > 0)
                    scanned[c->pos.page] = true;
            }
    *npages = pages;
    return scanned;
}

/* Does the finding stand on a scanned page?  A figure, a line, a table's
 * title, or what the document was found to lack there — all OCR's reading. */
static bool on_scan(const bool *scanned, int pages, const gk_finding *f)
{
    for (size_t i = 0; i < f->nlocs; i++) {
        const gk_pos *p = &f->locs[i].pos;
        if (p->part == 0 && p->page > 0 && p->page <= pages && scanned[p->page])
            return true;
    }
    return false;
}

void gk_doubt_scanned(gk_findings *out)
{
    int pages = 0;
    bool *scanned = scanned_pages(out->report, &pages);
    for (size_t i = 0; scanned && i < out->n; i++) {
        gk_finding *f = &out->items[i];
        if (f->severity == GK_INFO || strstr(f->message, "疑为识别错误") || !on_scan(scanned, pages, f))
            continue;
        gk_buf msg = GK_BUF_INIT;
        gk_buf_printf(&msg, "%s（依据文字识别（OCR）的读数，未核实，请对照扫描件）", f->message);
        f->message = gk_report_strndup(out->report, msg.data, msg.len);
        gk_buf_free(&msg);
        f->severity = GK_INFO;
        f->expected = NULL;
    }
    free(scanned);
}
