/* analysis: the one pipeline every command that reads survey files runs —
 * the shared data options, loading, the exact index, the interval and the
 * sample check — so `ikm compute` and `ikm report` print the same numbers. */
#ifndef IKM_ANALYSIS_H
#define IKM_ANALYSIS_H

#include <getopt.h>
#include <stdint.h>

#include "err.h"
#include "instrument.h"
#include "load.h"
#include "score.h"
#include "stats.h"

/* getopt_long codes of the shared data options. */
enum {
	DATA_OPT_POPULATION = 'N',
	DATA_OPT_ELEMENTS = 'e',
	DATA_OPT_LEGACY = 'L',
	DATA_OPT_SKIP = 's',
	DATA_OPT_THREADS = 'T',
};

/* The shared entries of a command's getopt_long table. */
#define DATA_LONGOPTS                                                                              \
	{"population", required_argument, NULL, DATA_OPT_POPULATION},                              \
	    {"elements", required_argument, NULL, DATA_OPT_ELEMENTS},                              \
	    {"legacy-weight", required_argument, NULL, DATA_OPT_LEGACY},                           \
	    {"skip-invalid", no_argument, NULL, DATA_OPT_SKIP},                                    \
	{                                                                                          \
		"threads", required_argument, NULL, DATA_OPT_THREADS                               \
	}

/* Help lines of the shared options (Indonesian). */
extern const char data_opts_help[];

struct data_opts {
	int64_t population;   /* 0 = not given */
	const char *elements; /* --elements spec or NULL */
	const char *legacy;   /* --legacy-weight or NULL */
	struct load_opts load;
};

/* Defaults: standard instrument, threads from the processors. */
void data_opts_init(struct data_opts *o);

/* Handle getopt code c with argument arg if it is a shared option: 1 when
 * handled, 0 when not a shared option, -1 for a bad value (the message is
 * printed to stderr). */
int data_opts_handle(struct data_opts *o, int c, const char *arg);

struct analysis {
	struct instrument in;
	struct score_acc *acc;
	struct score_result res;
	struct stats_ci ci;
	struct load_report rep;
	int64_t population; /* 0 = not given */
	int64_t required;   /* Krejcie-Morgan minimum when population given */
};

/* Load the files and compute everything. a is filled (free it with
 * analysis_free) also on failure. */
int analysis_run(struct analysis *a, const struct data_opts *o, char *const *paths, int n,
                 struct ikm_err *err);

/* Free what a owns; NULL is fine. */
void analysis_free(struct analysis *a);

#endif
