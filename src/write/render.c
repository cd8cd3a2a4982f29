/*
 * render.c — choosing a writer by the output's name.
 */
#include <string.h>

#include "gongkai/render.h"

gk_format gk_format_of_name(const char *path)
{
    static const struct {
        const char *ext;
        gk_format format;
    } EXTENSIONS[] = {{".json", GK_FORMAT_JSON}, {".md", GK_FORMAT_MARKDOWN},
                      {".markdown", GK_FORMAT_MARKDOWN}, {".html", GK_FORMAT_HTML},
                      {".htm", GK_FORMAT_HTML}, {".pdf", GK_FORMAT_PDF},
                      {".xlsx", GK_FORMAT_XLSX}};
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    for (size_t i = 0; dot && i < sizeof EXTENSIONS / sizeof *EXTENSIONS; i++)
        if (strcmp(dot, EXTENSIONS[i].ext) == 0)
            return EXTENSIONS[i].format;
    return GK_FORMAT_FROM_NAME;
}

bool gk_write_doc(const gk_doc *d, gk_format format, FILE *out, gk_error *err)
{
    switch (format) {
    case GK_FORMAT_MARKDOWN:
        return gk_write_markdown(d, out, err);
    case GK_FORMAT_HTML:
        return gk_write_html(d, out, err);
    case GK_FORMAT_PDF:
        return gk_write_pdf(d, out, err);
    case GK_FORMAT_XLSX:
        return gk_write_xlsx(d, out, err);
    default:
        gk_error_set(err, 0, 0, "无法从扩展名判断输出格式：应为 .pdf、.html、.xlsx、.md 或 .json");
        return false;
    }
}
