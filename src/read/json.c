/*
 * read/json.c — the report model from JSON (gongkai-report/1).
 *
 * Every field is validated; the first problem stops reading with a message
 * that names the field by its path (tables[2].rows[5].cells.基本支出) and
 * says what was expected.  Unknown keys are refused too: a misspelt key
 * ("cell" for "cells") must not silently drop data.
 */
#include "gongkai/json.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../util/buf.h"

#define FORMAT_NAME "gongkai-report/1"

typedef struct ctx {
    gk_report *r;
    gk_error *err;
    char path[256];
    int failed;
} ctx;

static int fail(ctx *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail(ctx *c, const char *fmt, ...)
{
    if (c->failed)
        return -1;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    gk_vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gk_error_set(c->err, 0, 0, "%s%s%s", c->path, c->path[0] ? "：" : "", msg);
    c->failed = 1;
    return -1;
}

/* Path handling: push a component, remember the old length to pop back. */
static size_t push_key(ctx *c, const char *key)
{
    size_t old = strlen(c->path);
    snprintf(c->path + old, sizeof c->path - old, "%s%s", old ? "." : "", key);
    return old;
}

static size_t push_index(ctx *c, size_t i)
{
    size_t old = strlen(c->path);
    snprintf(c->path + old, sizeof c->path - old, "[%zu]", i);
    return old;
}

static void pop(ctx *c, size_t old)
{
    c->path[old] = '\0';
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "对象";
    case JSON_ARRAY: return "数组";
    case JSON_STRING: return "字符串";
    case JSON_INTEGER: return "整数";
    case JSON_REAL: return "小数";
    case JSON_TRUE:
    case JSON_FALSE: return "布尔值";
    default: return "null";
    }
}

/* Refuse keys outside `allowed` (a NULL-terminated list). */
static int only_keys(ctx *c, json_t *obj, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        const char *const *a = allowed;
        while (*a && strcmp(*a, key) != 0)
            a++;
        if (!*a) {
            char list[256] = "";
            for (a = allowed; *a; a++) {
                strncat(list, *a, sizeof list - strlen(list) - 1);
                if (a[1])
                    strncat(list, ", ", sizeof list - strlen(list) - 1);
            }
            return fail(c, "未知字段 \"%s\"，允许的字段为：%s", key, list);
        }
    }
    return 0;
}

/* A string or null member (absent counts as null). */
static int get_str(ctx *c, json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        size_t old = push_key(c, key);
        fail(c, "应为字符串或 null，实为%s", type_name(v));
        pop(c, old);
        return -1;
    }
    *out = gk_report_strndup(c->r, json_string_value(v), json_string_length(v));
    return 0;
}

/* A positive integer or null (null and absent give 0). */
static int get_pos_int(ctx *c, json_t *obj, const char *key, int min, int max, int *out)
{
    json_t *v = json_object_get(obj, key);
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
        size_t old = push_key(c, key);
        fail(c, "应为 %d 到 %d 之间的整数或 null，实为%s", min, max,
             json_is_integer(v) ? "超出范围的整数" : type_name(v));
        pop(c, old);
        return -1;
    }
    *out = (int)json_integer_value(v);
    return 0;
}

static int get_box(ctx *c, json_t *obj, gk_pos *pos)
{
    json_t *v = json_object_get(obj, "box");
    if (!v)
        return 0;
    size_t old = push_key(c, "box");
    if (!json_is_array(v) || json_array_size(v) != 4) {
        fail(c, "应为四个数 [x0, y0, x1, y1]");
        pop(c, old);
        return -1;
    }
    for (size_t i = 0; i < 4; i++) {
        json_t *x = json_array_get(v, i);
        if (!json_is_number(x)) {
            fail(c, "第 %zu 个值应为数，实为%s", i + 1, type_name(x));
            pop(c, old);
            return -1;
        }
        pos->box[i] = json_number_value(x);
    }
    pos->has_box = true;
    pop(c, old);
    return 0;
}

static int get_position(ctx *c, json_t *obj, gk_pos *pos)
{
    if (get_pos_int(c, obj, "line", 1, INT_MAX, &pos->line) ||
        get_pos_int(c, obj, "page", 1, INT_MAX, &pos->page) || get_box(c, obj, pos))
        return -1;
    return 0;
}

static int read_code(ctx *c, json_t *row, const char **code)
{
    if (get_str(c, row, "code", code))
        return -1;
    if (!*code)
        return 0;
    size_t n = strlen(*code);
    int ok = n >= 1 && n <= 12;
    for (size_t i = 0; ok && i < n; i++)
        ok = (*code)[i] >= '0' && (*code)[i] <= '9';
    if (!ok) {
        size_t old = push_key(c, "code");
        fail(c, "科目代码应只含数字（如 \"2101501\"），实为 \"%s\"", *code);
        pop(c, old);
        return -1;
    }
    return 0;
}

static int read_cells(ctx *c, json_t *row_obj, gk_row *row)
{
    json_t *cells = json_object_get(row_obj, "cells");
    size_t old = push_key(c, "cells");
    if (!cells || !json_is_object(cells)) {
        fail(c, "应为对象 {\"栏目\": \"金额\"}，实为%s", cells ? type_name(cells) : "缺失");
        pop(c, old);
        return -1;
    }
    const char *col;
    json_t *v;
    json_object_foreach(cells, col, v) {
        size_t o2 = push_key(c, col);
        gk_amount a;
        if (!json_is_string(v)) {
            fail(c, "金额应为字符串（如 \"80.91\"），实为%s", type_name(v));
        } else {
            gk_amount_status st = gk_amount_parse(json_string_value(v), json_string_length(v), &a);
            if (st == GK_AMOUNT_BLANK)
                fail(c, "空单元格应省略，不应写为空字符串");
            else if (st == GK_AMOUNT_OVERFLOW)
                fail(c, "金额 \"%s\" 位数过多（整数部分超出范围或小数超过 %d 位）",
                     json_string_value(v), GK_AMOUNT_MAX_SCALE);
            else if (st != GK_AMOUNT_OK)
                fail(c, "应为金额（如 \"80.91\"），实为 \"%s\"", json_string_value(v));
            else
                gk_row_set(c->r, row, col, a);
        }
        pop(c, o2);
        if (c->failed)
            break;
    }
    pop(c, old);
    if (c->failed)
        return -1;

    json_t *texts = json_object_get(row_obj, "texts");
    if (texts) {
        old = push_key(c, "texts");
        if (!json_is_object(texts)) {
            fail(c, "应为对象 {\"栏目\": \"文字\"}，实为%s", type_name(texts));
        } else {
            json_object_foreach(texts, col, v) {
                if (!json_is_string(v)) {
                    size_t o2 = push_key(c, col);
                    fail(c, "应为字符串，实为%s", type_name(v));
                    pop(c, o2);
                    break;
                }
                if (gk_row_get(row, col)) {
                    fail(c, "栏目 \"%s\" 同时出现在 cells 与 texts 中", col);
                    break;
                }
                gk_row_set_text(c->r, row, col, json_string_value(v));
            }
        }
        pop(c, old);
        if (c->failed)
            return -1;
    }

    json_t *sources = json_object_get(row_obj, "sources");
    if (sources) {
        static const char *const keys[] = {"line", "page", "box", "reconstructed",
                                           "ocr_confidence", NULL};
        old = push_key(c, "sources");
        if (!json_is_object(sources))
            fail(c, "应为对象，实为%s", type_name(sources));
        json_object_foreach(sources, col, v) {
            if (c->failed)
                break;
            size_t o2 = push_key(c, col);
            gk_cell *cell = NULL;
            for (size_t i = 0; i < row->ncells; i++)
                if (strcmp(row->cells[i].column, col) == 0)
                    cell = &row->cells[i];
            if (!cell) {
                fail(c, "没有名为 \"%s\" 的单元格", col);
            } else if (!json_is_object(v)) {
                fail(c, "应为对象，实为%s", type_name(v));
            } else if (!only_keys(c, v, keys) && !get_position(c, v, &cell->pos)) {
                json_t *rec = json_object_get(v, "reconstructed");
                if (rec && !json_is_boolean(rec))
                    fail(c, "reconstructed 应为布尔值");
                else if (json_is_true(rec))
                    cell->flags |= GK_CELL_RECONSTRUCTED;
                json_t *conf = json_object_get(v, "ocr_confidence");
                if (conf && (!json_is_integer(conf) || json_integer_value(conf) < 0 ||
                             json_integer_value(conf) > 100))
                    fail(c, "ocr_confidence 应为 0 到 100 的整数");
                else if (conf) {
                    cell->flags |= GK_CELL_OCR;
                    cell->ocr_conf = (unsigned char)json_integer_value(conf);
                }
            }
            pop(c, o2);
        }
        pop(c, old);
    }
    return c->failed ? -1 : 0;
}

static int read_row(ctx *c, gk_table *t, json_t *obj)
{
    static const char *const keys[] = {"code", "label", "side", "line", "page", "box",
                                       "cells", "texts", "sources", NULL};
    if (!json_is_object(obj))
        return fail(c, "行应为对象，实为%s", type_name(obj));
    if (only_keys(c, obj, keys))
        return -1;
    gk_row *row = gk_table_add_row(c->r, t);
    const char *side;
    if (read_code(c, obj, &row->code) || get_str(c, obj, "label", &row->label) ||
        get_str(c, obj, "side", &side) || get_position(c, obj, &row->pos))
        return -1;
    if (side) {
        row->side = gk_side_from_name(side);
        if (row->side == GK_SIDE_NONE) {
            size_t old = push_key(c, "side");
            fail(c, "应为 \"收入\"、\"支出\" 或 null，实为 \"%s\"", side);
            pop(c, old);
            return -1;
        }
    }
    return read_cells(c, obj, row);
}

static int read_unit(ctx *c, json_t *obj, const char *key, gk_unit *out)
{
    const char *s;
    if (get_str(c, obj, key, &s))
        return -1;
    *out = gk_unit_from_name(s);
    if (s && *out == GK_UNIT_NONE) {
        size_t old = push_key(c, key);
        fail(c, "应为 \"元\"、\"千元\"、\"万元\"、\"亿元\" 或 null，实为 \"%s\"", s);
        pop(c, old);
        return -1;
    }
    return 0;
}

static int read_table(ctx *c, json_t *obj)
{
    static const char *const keys[] = {"kind", "title", "number", "unit", "line", "page",
                                       "box", "empty_note", "note_line", "unit_name", "partial",
                                       "rows", NULL};
    if (!json_is_object(obj))
        return fail(c, "表应为对象，实为%s", type_name(obj));
    if (only_keys(c, obj, keys))
        return -1;
    const char *kind;
    if (get_str(c, obj, "kind", &kind))
        return -1;
    gk_table_kind k = gk_table_kind_from_name(kind);
    if (k == GK_TABLE_UNKNOWN) {
        size_t old = push_key(c, "kind");
        if (kind)
            fail(c, "未知的表类型 \"%s\"（见 docs/format.md 的表类型列表）", kind);
        else
            fail(c, "缺少表类型");
        pop(c, old);
        return -1;
    }
    gk_table *t = gk_report_add_table(c->r, k);
    if (get_str(c, obj, "title", &t->title) || get_str(c, obj, "number", &t->number) ||
        read_unit(c, obj, "unit", &t->unit) || get_position(c, obj, &t->pos) ||
        get_str(c, obj, "empty_note", &t->empty_note) ||
        get_pos_int(c, obj, "note_line", 1, INT_MAX, &t->note_pos.line) ||
        get_str(c, obj, "unit_name", &t->unit_name))
        return -1;
    t->note_pos.page = t->note_pos.line ? t->pos.page : 0;
    json_t *partial = json_object_get(obj, "partial");
    if (partial && !json_is_boolean(partial)) {
        size_t o = push_key(c, "partial");
        fail(c, "应为 true 或 false");
        pop(c, o);
        return -1;
    }
    t->partial = json_is_true(partial);
    json_t *rows = json_object_get(obj, "rows");
    size_t old = push_key(c, "rows");
    if (!rows || !json_is_array(rows)) {
        fail(c, "应为数组，实为%s", rows ? type_name(rows) : "缺失");
        pop(c, old);
        return -1;
    }
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row) {
        size_t o2 = push_index(c, i);
        int bad = read_row(c, t, row);
        pop(c, o2);
        if (bad)
            break;
    }
    pop(c, old);
    return c->failed ? -1 : 0;
}

static int read_paragraph(ctx *c, json_t *obj)
{
    static const char *const keys[] = {"section", "line", "page", "box", "text", "heading", NULL};
    if (!json_is_object(obj))
        return fail(c, "段落应为对象，实为%s", type_name(obj));
    const char *section, *text;
    gk_pos pos = {0};
    if (only_keys(c, obj, keys) || get_str(c, obj, "section", &section) ||
        get_str(c, obj, "text", &text) || get_position(c, obj, &pos))
        return -1;
    json_t *h = json_object_get(obj, "heading");
    if (h && !json_is_boolean(h))
        return fail(c, "heading 应为 true 或 false");
    gk_report_add_paragraph(c->r, section, text, pos)->heading = json_is_true(h);
    return 0;
}

/* Each element of the array member `key` through `read`. */
static int read_array(ctx *c, json_t *root, const char *key, int required,
                      int (*read)(ctx *, json_t *))
{
    json_t *arr = json_object_get(root, key);
    if (!arr && !required)
        return 0;
    size_t old = push_key(c, key);
    if (!arr || !json_is_array(arr)) {
        fail(c, "应为数组，实为%s", arr ? type_name(arr) : "缺失");
    } else {
        size_t i;
        json_t *v;
        json_array_foreach(arr, i, v) {
            size_t o2 = push_index(c, i);
            int bad = read(c, v);
            pop(c, o2);
            if (bad)
                break;
        }
    }
    pop(c, old);
    return c->failed ? -1 : 0;
}

/* "facts": {"上年/收入支出总计": "398.56", "原因/…": "…"}: string values;
 * the key's kind says what the value must be (docs/format.md). */
static int read_facts(ctx *c, json_t *root)
{
    json_t *obj = json_object_get(root, "facts");
    if (!obj)
        return 0;
    size_t old = push_key(c, "facts");
    if (!json_is_object(obj)) {
        fail(c, "应为对象（键为事项，值为字符串），实为%s", type_name(obj));
        pop(c, old);
        return -1;
    }
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        size_t o2 = push_key(c, key);
        const char *s = json_is_string(v) ? json_string_value(v) : NULL;
        char buf[256];
        const char *problem = s ? gk_fact_problem(key, s, buf, sizeof buf) : NULL;
        if (!s)
            fail(c, "应为字符串，实为%s", type_name(v));
        else if (problem)
            fail(c, "%s", problem);
        else
            gk_report_set_fact(c->r, key, s);
        pop(c, o2);
        if (c->failed)
            break;
    }
    pop(c, old);
    return c->failed ? -1 : 0;
}

static int read_report(ctx *c, json_t *root)
{
    static const char *const keys[] = {"format", "unit", "year", "kind", "amount_unit",
                                       "consolidated", "level", "tables", "narrative", "facts", NULL};
    if (!json_is_object(root))
        return fail(c, "顶层应为对象，实为%s", type_name(root));
    json_t *fmt = json_object_get(root, "format");
    if (!fmt)
        return fail(c, "缺少 \"format\": \"%s\"", FORMAT_NAME);
    if (!json_is_string(fmt) || strcmp(json_string_value(fmt), FORMAT_NAME) != 0)
        return fail(c, "format 应为 \"%s\"", FORMAT_NAME);
    if (only_keys(c, root, keys))
        return -1;

    gk_report *r = c->r;
    const char *kind;
    if (get_str(c, root, "unit", &r->unit) || get_pos_int(c, root, "year", 1900, 2200, &r->year) ||
        get_str(c, root, "kind", &kind) || read_unit(c, root, "amount_unit", &r->amount_unit))
        return -1;
    r->kind = gk_doc_kind_from_name(kind);
    if (kind && r->kind == GK_DOC_UNKNOWN)
        return fail(c, "kind 应为 \"final\"、\"budget\"、\"performance\" 或 null，实为 \"%s\"", kind);
    json_t *cons = json_object_get(root, "consolidated");
    if (cons && !json_is_boolean(cons))
        return fail(c, "consolidated 应为 true 或 false");
    r->consolidated = json_is_true(cons);
    const char *level;
    if (get_str(c, root, "level", &level))
        return -1;
    if (level && strcmp(level, "省级") && strcmp(level, "市级") && strcmp(level, "区级") &&
        strcmp(level, "县级"))
        return fail(c, "level 应为 \"省级\"、\"市级\"、\"区级\"、\"县级\" 或 null，实为 \"%s\"", level);
    r->level = level;
    if (read_array(c, root, "tables", 1, read_table) ||
        read_array(c, root, "narrative", 0, read_paragraph) || read_facts(c, root))
        return -1;
    return 0;
}

gk_report *gk_report_from_json(const char *text, size_t len, gk_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        gk_error_set(err, jerr.line > 0 ? jerr.line : 0, jerr.column > 0 ? jerr.column : 0,
                     "JSON 语法错误：%s", jerr.text);
        return NULL;
    }
    ctx c = {.r = gk_report_new(), .err = err};
    if (read_report(&c, root) != 0) {
        gk_report_free(c.r);
        c.r = NULL;
    }
    json_decref(root);
    return c.r;
}
