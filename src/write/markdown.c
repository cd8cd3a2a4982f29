/*
 * markdown.c — the document as Markdown (GitHub-flavoured pipe tables).
 *
 * A grid's first header row is the pipe table's header; further header rows
 * follow the delimiter row as ordinary rows, with a spanned cell's text in
 * its first column and the columns it covers left empty (Markdown has no
 * spans).  gongkai reads these tables back as it reads tab-separated ones.
 */
#include <errno.h>
#include <string.h>

#include "gongkai/render.h"

/* Cell text with "|" escaped and line breaks as spaces. */
static void cell_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n' || *s == '\r')
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

static void grid_row(FILE *out, const gk_grid *g, int r)
{
    fputc('|', out);
    for (int c = 0; c < g->ncols; c++) {
        fputc(' ', out);
        const gk_grid_cell *cell = gk_grid_at(g, r, c);
        if (cell->colspan)
            cell_text(out, cell->text);
        fputs(" |", out);
    }
    fputc('\n', out);
}

static void table(FILE *out, const gk_block *b)
{
    fprintf(out, "%s\n", b->text);
    if (b->sub)
        fprintf(out, "%s\n", b->sub);
    if (b->unit_name_line)
        fprintf(out, "%s\n", b->unit_name_line);
    if (b->unit_line)
        fprintf(out, "%s\n", b->unit_line);
    fputc('\n', out);
    const gk_grid *g = &b->grid;
    for (int r = 0; r < g->nrows; r++) {
        grid_row(out, g, r);
        if (r == 0) {
            fputc('|', out);
            for (int c = 0; c < g->ncols; c++) {
                const gk_grid_cell *first = gk_grid_at(g, g->nheader < g->nrows ? g->nheader : 0, c);
                fputs(first->align == GK_ALIGN_RIGHT ? " ---: |" : " --- |", out);
            }
            fputc('\n', out);
        }
    }
    if (b->note)                        /* right under the table: it belongs to it */
        fprintf(out, "%s\n", b->note);
    fputc('\n', out);
}

static void chart(FILE *out, const gk_chart *c)
{
    fprintf(out, "%s（%s）\n\n", c->title, c->unit ? c->unit : "");
    for (size_t i = 0; i < c->nitems; i++)
        fprintf(out, "- %s：%s\n", c->items[i].label, c->items[i].text);
    fputc('\n', out);
}

static void toc(FILE *out, const gk_doc *d)
{
    fputs("## 目录\n\n", out);
    for (size_t k = 0; k < d->ntoc; k++)
        fprintf(out, "%s- %s\n", d->toc[k].level == 2 ? "  " : "", d->toc[k].text);
    fputc('\n', out);
}

bool gk_write_markdown(const gk_doc *d, FILE *out, gk_error *err)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const gk_block *b = &d->blocks[i];
        switch (b->kind) {
        case GK_BLOCK_COVER:
            fprintf(out, "# %s\n\n", b->text);
            if (b->sub && *b->sub && !strstr(b->text, b->sub))   /* 预算主管部门：… */
                fprintf(out, "%s\n\n", b->sub);
            if (d->date_line && *d->date_line)
                fprintf(out, "%s\n\n", d->date_line);
            break;
        case GK_BLOCK_TOC:
            toc(out, d);
            break;
        case GK_BLOCK_HEADING:
            fprintf(out, "%.*s %s\n\n", b->level + 1, "####", b->text);
            break;
        case GK_BLOCK_PARAGRAPH:
            fprintf(out, "%s\n\n", b->text);
            break;
        case GK_BLOCK_TABLE:
            table(out, b);
            break;
        case GK_BLOCK_CHART:
            chart(out, &b->chart);
            break;
        case GK_BLOCK_PAGE_BREAK:
            break;
        }
    }
    if (fflush(out) != 0 || ferror(out)) {
        gk_error_set(err, 0, 0, "写入失败：%s", strerror(errno));
        return false;
    }
    return true;
}
