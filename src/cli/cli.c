/* cli: shared helpers of the command-line face. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int cli_exit_code(enum ikm_err_kind kind)
{
	switch (kind) {
	case IKM_OK:
		return CLI_EXIT_OK;
	case IKM_EUSAGE:
		return CLI_EXIT_USAGE;
	case IKM_EDATA:
	case IKM_EIO:
	case IKM_ELIMIT:
	default:
		return CLI_EXIT_DATA;
	}
}

int cli_fail(const struct ikm_err *err)
{
	fprintf(stderr, "ikm: %s\n", err->msg);
	return cli_exit_code(err->kind);
}

int cli_parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
