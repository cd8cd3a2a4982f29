/*
 * cli.h — what the subcommands of build/gongkai share.
 *
 * Each subcommand is one file (cmd_*.c) with an entry point taking its own
 * argv (argv[0] is the subcommand's name) and returning the exit status:
 * 0 success, 1 error findings (check), 2 unreadable input or bad usage.
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "gongkai/error.h"

enum { EXIT_FINDINGS = 1, EXIT_BAD_INPUT = 2 };

int cmd_parse(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_rules(int argc, char **argv);

/* The usage text of one subcommand (NULL: the whole program). */
void cli_usage(FILE *f, const char *command);

/* "gongkai: message" and the usage hint on stderr; returns EXIT_BAD_INPUT. */
int cli_bad_usage(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* "gongkai: FILE:LINE:COLUMN: message" on stderr. */
void cli_input_error(const char *file, const gk_error *err);

/* The documents named on a command line: files as given, directories
 * walked (every .txt, .text, .json and .pdf below them, in name
 * order; hidden entries skipped).  Paths are owned by the list. */
typedef struct cli_paths {
    char **items;
    size_t n, cap;
} cli_paths;
void cli_paths_collect(cli_paths *p, char *const *args, int n);
void cli_paths_free(cli_paths *p);

/* Is arg "-h" or "--help"? */
int cli_is_help(const char *arg);

#endif
