/*
 * quote.c — the words a finding is about, as printed (JSON "quote").
 *
 * A location says where; a person with the document in a viewer needs
 * something to search for: the row's code and name with the printed figure,
 * the sentence of the narrative that states it, the title of a table.
 */
#include <string.h>

#include "rules.h"
#include "../util/buf.h"

enum { QUOTE_MAX = 120 };   /* bytes of a paragraph quoted when no sentence is found */

static bool sentence_end(const char *p)
{
    return strncmp(p, "。", 3) == 0 || strncmp(p, "；", 3) == 0;
}

/* s[0..n) on one line: tabs and line breaks as spaces. */
static const char *flat(gk_findings *out, const char *s, size_t n)
{
    char *q = (char *)gk_report_strndup(out->report, s, n);
    for (char *p = q; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return q;
}

/* The sentence of `text` holding `value` (its first occurrence), with its
 * full stop; the text's start (cut at a character) when there is none. */
static const char *sentence(gk_findings *out, const char *text, const char *value)
{
    const char *hit = value && *value ? strstr(text, value) : NULL;
    if (!hit) {
        size_t n = gk_utf8_prefix(text, strlen(text) < QUOTE_MAX ? strlen(text) : QUOTE_MAX);
        return flat(out, text, n);
    }
    const char *from = text;
    for (const char *p = text; p < hit; p++)
        if (sentence_end(p))
            from = p + 3;
    const char *to = hit;
    while (*to && !sentence_end(to))
        to++;
    if (*to)
        to += 3;
    return flat(out, from, (size_t)(to - from));
}

static const char *quote_of(gk_findings *out, const gk_locator *lc, const gk_location *l)
{
    gk_place at;
    if (!gk_locate(lc, l, &at))
        return l->value;
    if (at.paragraph)
        return sentence(out, at.paragraph->text, l->value);
    if (!at.row)
        return at.table->title ? at.table->title : l->value;
    const gk_row *row = at.row;
    gk_buf b = GK_BUF_INIT;
    if (row->code)
        gk_buf_printf(&b, "%s ", row->code);
    gk_buf_puts(&b, row->label ? row->label : "");
    if (l->value && (!row->label || strcmp(l->value, row->label) != 0))
        gk_buf_printf(&b, " %s", l->value);
    const char *q = gk_report_strndup(out->report, b.data, b.len);
    gk_buf_free(&b);
    return q;
}

void gk_quote_findings(gk_findings *out)
{
    gk_locator *lc = gk_locator_new(out->report);
    for (size_t i = 0; i < out->n; i++)
        out->items[i].quote = quote_of(out, lc, &out->items[i].locs[0]);
    gk_locator_free(lc);
}
