/*
 * cli.h — what the subcommands of build/gongkai share.
 *
 * Each subcommand is one file (cmd_*.c) with an entry point taking its own
 * argv (argv[0] is the subcommand's name) and returning the exit status:
 * 0 success, 1 error findings (check), 2 unreadable input or bad usage.
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "gongkai/check.h"
#include "gongkai/error.h"

enum { EXIT_FINDINGS = 1, EXIT_BAD_INPUT = 2 };

int cmd_parse(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_annotate(int argc, char **argv);
int cmd_template(int argc, char **argv);

/* Write an output file whole or not at all (output.c): `write` writes it to
 * f (a temporary file beside `out`, renamed to `out` when complete; "-":
 * standard output).  `verify` (may be NULL) then looks at the complete
 * temporary file: a non-zero status keeps it from becoming `out` (it says
 * why).  Returns 0, EXIT_BAD_INPUT after saying why, or verify's status. */
typedef bool (*cli_writer)(FILE *f, void *ctx, gk_error *err);
typedef int (*cli_verifier)(const char *written, void *ctx);
int cli_write_output(const char *out, cli_writer write, cli_verifier verify, void *ctx);

/* The usage text of one subcommand (NULL: the whole program). */
void cli_usage(FILE *f, const char *command);

/* "gongkai: message" and the usage hint on stderr; returns EXIT_BAD_INPUT. */
int cli_bad_usage(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* --ocr auto|always|never (or --ocr=…) at argv[*i], for every command that
 * reads PDFs: 1 taken (gk_read_set_ocr called, *i past its value), 0 not
 * this option, -1 a bad value (the usage printed: return EXIT_BAD_INPUT). */
int cli_ocr_option(const char *command, int argc, char **argv, int *i);

/* "gongkai: FILE:LINE:COLUMN: message" on f. */
void cli_input_error(FILE *f, const char *file, const gk_error *err);

/* The documents named on a command line: files as given, directories
 * walked (every .txt, .text, .json and .pdf below them, in name
 * order; hidden entries skipped).  Paths are owned by the list. */
typedef struct cli_paths {
    char **items;
    bool *walked;           /* items[i] was found in a folder, not named */
    size_t n, cap;
} cli_paths;
void cli_paths_collect(cli_paths *p, char *const *args, int n);
void cli_paths_free(cli_paths *p);

/* What checking one document came to; a batch adds them up. */
typedef struct cli_tally {
    int status;             /* the exit status (the worst of a batch) */
    size_t errors, warnings, infos;
    size_t unreadable;      /* documents that could not be read */
    size_t skipped;         /* files found in a folder that are not disclosures */
} cli_tally;

/* Document i of a batch: writes what it has to say on out and err. */
typedef cli_tally (*cli_job)(void *ctx, size_t i, FILE *out, FILE *err);

/* Run job for i in [0, n) on `workers` threads and print each document's
 * output in input order, as soon as it and those before it are done (at
 * most 4 × workers outputs wait in memory).  A progress line with counts
 * and the time left goes to stderr when stderr is a terminal.  Returns the
 * batch's totals. */
cli_tally cli_batch_run(size_t n, int workers, cli_job job, void *ctx);

/* Processors online (the default number of workers). */
int cli_cores(void);

/* Seconds since an arbitrary origin (wall clock), for durations. */
double cli_now(void);

/* check --format csv (csv.c): the header row (after a UTF-8 byte order
 * mark with `bom`), one row per finding, and one row for a document with
 * none: clean, unreadable or skipped (docs/batch.md). */
typedef struct cli_csv_doc {
    const char *file;
    const char *unit;       /* NULL when unknown */
    int year;               /* 0 when unknown */
    const char *kind;       /* final, budget, performance; NULL */
    const char *status;     /* clean, findings, unreadable, skipped */
} cli_csv_doc;
struct gk_finding;
void cli_csv_header(FILE *f, bool bom);
void cli_csv_finding(FILE *f, const cli_csv_doc *doc, const struct gk_finding *x);
void cli_csv_document(FILE *f, const cli_csv_doc *doc, const gk_error *err);

/* Is arg "-h" or "--help"? */
int cli_is_help(const char *arg);

/* check --accept FILE (accept.c): fingerprints a reviewer accepted, each
 * with its reason. */
typedef struct cli_accepted {
    const char *fingerprint;
    const char *reason;
} cli_accepted;
typedef struct cli_accept {
    char *text;               /* the file, cut into the strings below */
    cli_accepted *items;      /* sorted by fingerprint */
    size_t n;
} cli_accept;
bool cli_accept_load(cli_accept *a, const char *path, gk_error *err);
/* The reason a finding of this fingerprint was accepted, or NULL. */
const char *cli_accepted_reason(const cli_accept *a, const char *fingerprint);
void cli_accept_free(cli_accept *a);

/* "error", "warning" or "info" (--min-severity) into *out; false otherwise. */
bool cli_severity(const char *v, gk_severity *out);

#endif
