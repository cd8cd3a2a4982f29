/*
 * main.c — build/gongkai: dispatch to the subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gongkai/read.h"

#define OCR_USAGE                                                                           \
    "  --ocr auto|always|never  扫描件 PDF 的文字识别：auto（默认）识别没有文字层的页，\n"     \
    "                      always 识别每一页，never 不识别 / OCR of scanned PDFs: auto\n"   \
    "                      (default) pages without a text layer, always every page, never\n" \
    "                      none\n"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *usage;
} COMMANDS[] = {
    {"parse", cmd_parse,
     "gongkai parse [--ocr auto|always|never] FILE...\n"
     "  读取公开文档，输出报告模型 JSON（gongkai-report/1）。\n"
     "  Read disclosure documents and print the report model as JSON.\n"
     OCR_USAGE},
    {"check", cmd_check,
     "gongkai check [--format text|json|csv|html] [-j N] [--quiet|--min-severity S] [-v] [--stats] [--rules FILE] [--accept FILE]\n"
     "              [--as-one] [--bom] [--ocr auto|always|never] [--] FILE|DIR...\n"
     "  读取文档并运行全部审核规则，输出审核结果；目录则逐一审核其中的文档。\n"
     "  Read documents, run every rule, print findings; a directory is walked.\n"
     "  --format text|json|csv|html  输出格式（默认 text；csv 每条结果一行，无结果的文档也有一行；\n"
     "                      html 为供审核人员查看的单个网页）\n"
     "                      output format (default text; csv: a row a finding, and one for\n"
     "                      each document without any; html: one page for reviewers)\n"
     "  --bom               CSV 以 BOM 开头，供 Excel 打开 / CSV starts with a BOM, for Excel\n"
     "  -j N, --jobs N      同时检查 N 个文档（默认为处理器数），结果按输入顺序输出\n"
     "                      check N documents at once (default: processors), output in order\n"
     "  --quiet             只输出错误 / errors only (= --min-severity error)\n"
     "  --min-severity S    只输出该级别及以上的发现（error、warning、info）/ findings of S and above\n"
     "  -v, --verbose       列出未评估的审核公式及原因 / formulas not evaluated, and why\n"
     "  --stats             统计情况说明中提取和核对的数字 / narrative figures and claims checked\n"
     "  --rules FILE        另加自定义审核公式 / extra audit formulas (docs/rules.md)\n"
     "  --accept FILE       审核人员已接受的发现（每行：指纹 理由），不计入结论\n"
     "                      findings a reviewer accepted (fingerprint, reason a line)\n"
     "  --as-one            两个文件（情况说明与报表）作为同一文档检查；成批检查时同一单位、\n"
     "                      年度的这两个文件自动合并 / the two files (narrative and tables)\n"
     "                      are one document; a batch pairs such halves by itself\n"
     OCR_USAGE},
    {"render", cmd_render,
     "gongkai render [--force] [--date YYYY-MM-DD] [--serif] [--ocr auto|always|never] FILE -o OUT\n"
     "  由报告（JSON、Excel 或任何可读取的公开文档）生成完整的公开文档；格式由 OUT 的\n"
     "  扩展名决定：.pdf .html .xlsx .md .json（-o - 为 JSON 输出到标准输出）。\n"
     "  Write the complete document from a report (JSON, Excel, or any document\n"
     "  gongkai reads); the format follows OUT's extension: .pdf .html .xlsx .md\n"
     "  .json (-o - writes JSON to standard output).\n"
     "  输入有错误时列出错误、不生成文档；生成的文档读回后须无错误。--force 仍然生成。\n"
     "  An input with errors is refused with its errors named; the document\n"
     "  written must check without error when read back.  --force writes anyway.\n"
     "  --date 封面日期（默认取输入封面上的日期，否则为生成的年月）/ the cover's date\n"
     "  (default: the input cover's, else the month written); --serif 正文用宋体类衬线\n"
     "  字体（Noto Serif CJK SC）/ a serif body face.\n"
     OCR_USAGE},
    {"template", cmd_template,
     "gongkai template budget|final [--unit] [--year N] -o FILE.xlsx\n"
     "  写出供财务人员填写的空白 Excel 模板：封面、目录、概况、全套报表（表头和固定行）、\n"
     "  名词解释，以及“补充信息”（情况说明所需的上年数、原因等，逐项说明）。填好后用\n"
     "  render 生成公开文档。--unit 为单位预算/决算；年度默认预算为明年、决算为去年。\n"
     "  Write the blank workbook finance staff fill in: cover, 目录, 概况, every\n"
     "  table (headers and fixed rows), 名词解释, and 补充信息 (the facts the\n"
     "  情况说明 needs, each explained).  Filled, it renders with render.\n"},
    {"annotate", cmd_annotate,
     "gongkai annotate IN.pdf -o OUT.pdf [--min-severity S] [--rules FILE]\n"
     "  审核 PDF，并把每条发现标注在原文上（高亮其单元格和文字，附规则与说明；\n"
     "  首页附全部发现的清单），任何 PDF 阅读器都能查看。\n"
     "  Check a PDF and write it with each finding as a highlight over its cells\n"
     "  and lines (its rule and message in the note; a note on the first page\n"
     "  lists them all), for any PDF viewer.\n"},
    {"rules", cmd_rules,
     "gongkai rules\n"
     "  列出全部审核规则：编号、级别、说明。\n"
     "  List every rule: id, severity, description.\n"},
};

#define NCOMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

void cli_usage(FILE *f, const char *command)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (command && strcmp(command, COMMANDS[i].name) == 0) {
            fprintf(f, "用法 / usage: %s", COMMANDS[i].usage);
            return;
        }
    fputs("gongkai — 部门预算/决算公开文档的读取、审核与生成\n"
          "gongkai — read, audit and produce budget and final-accounts disclosures\n\n"
          "用法 / usage: gongkai COMMAND [OPTIONS] FILE...\n\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fputs(COMMANDS[i].usage, f);
    fputs("\n  gongkai --help | --version\n"
          "\n退出码 / exit status: 0 无错误 no error; 1 有错误级审核结果 error findings;\n"
          "  2 输入无法读取或用法错误 unreadable input or bad usage.\n"
          "文档 / docs: README.md, docs/\n",
          f);
}

int cli_bad_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gongkai: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (command)
        cli_usage(stderr, command);
    else
        fputs("运行 'gongkai --help' 查看用法 / run 'gongkai --help' for usage\n", stderr);
    return EXIT_BAD_INPUT;
}

void cli_input_error(FILE *f, const char *file, const gk_error *err)
{
    fprintf(f, "gongkai: %s", file);
    if (err->page)
        fprintf(f, ":第%d页", err->page);
    if (err->line)
        fprintf(f, ":%d", err->line);
    if (err->line && err->column)
        fprintf(f, ":%d", err->column);
    fprintf(f, ": %s\n", err->message);
}

/* One line a page read by OCR, on a terminal: it takes a second or more. */
static void ocr_progress(const char *name, int page, int pages)
{
    fprintf(stderr, "gongkai: %s: 文字识别（OCR）第 %d/%d 页\n", name ? name : "-", page, pages);
}

int cli_ocr_option(const char *command, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (strcmp(a, "--ocr") != 0 && strncmp(a, "--ocr=", 6) != 0)
        return 0;
    const char *v = a[5] == '=' ? a + 6 : (*i + 1 < argc ? argv[++*i] : NULL);
    gk_ocr_mode mode;
    if (v && strcmp(v, "auto") == 0)
        mode = GK_OCR_AUTO;
    else if (v && strcmp(v, "always") == 0)
        mode = GK_OCR_ALWAYS;
    else if (v && strcmp(v, "never") == 0)
        mode = GK_OCR_NEVER;
    else {
        cli_bad_usage(command, "--ocr 应为 auto、always 或 never / must be auto, always or never");
        return -1;
    }
    gk_read_set_ocr(mode, isatty(STDERR_FILENO) ? ocr_progress : NULL);
    return 1;
}

int cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

bool cli_severity(const char *v, gk_severity *out)
{
    static const char *const NAMES[] = {"info", "warning", "error"};
    for (int s = GK_INFO; s <= GK_ERROR; s++)
        if (v && strcmp(v, NAMES[s]) == 0) {
            *out = (gk_severity)s;
            return true;
        }
    return false;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return cli_bad_usage(NULL, "缺少命令 / missing command");
    /* Tesseract's OpenMP threads gain nothing on a page and double its CPU
     * (src/read/ocr.c): documents run in parallel instead.  Set before any
     * thread starts and before the library is loaded. */
    setenv("OMP_THREAD_LIMIT", "1", 0);
    gk_read_set_ocr(GK_OCR_AUTO, isatty(STDERR_FILENO) ? ocr_progress : NULL);
    const char *cmd = argv[1];
    if (cli_is_help(cmd) || strcmp(cmd, "help") == 0) {
        cli_usage(stdout, argc > 2 ? argv[2] : NULL);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("gongkai %s\n", GK_VERSION);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(cmd, COMMANDS[i].name) == 0)
            return COMMANDS[i].run(argc - 1, argv + 1);
    return cli_bad_usage(NULL, "未知命令 '%s' / unknown command", cmd);
}
