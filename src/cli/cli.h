/* cli: the command-line face. Each command is one function taking argc and
 * argv (argv[0] is the command name) and returning the process exit code:
 * 0 ok, 1 data error, 2 usage error (see cli_exit_code). */
#ifndef IKM_CLI_H
#define IKM_CLI_H

#include <stdint.h>

#include "err.h"

enum { CLI_EXIT_OK = 0, CLI_EXIT_DATA = 1, CLI_EXIT_USAGE = 2 };

/* The one mapping from error kinds to exit codes. */
int cli_exit_code(enum ikm_err_kind kind);

/* Print "ikm: <message>" to stderr and return the exit code for err. */
int cli_fail(const struct ikm_err *err);

/* Parse a whole decimal integer in [min, max] (strtoll with end pointer). */
int cli_parse_int(const char *s, int64_t min, int64_t max, int64_t *out);

/* Commands. */
int cmd_compute(int argc, char **argv);
int cmd_sample(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_qr(int argc, char **argv);

#endif
