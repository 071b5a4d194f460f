/* report_laporan: the `--kind laporan` part of `ikm report` — one read of
 * the files that also tallies the respondent profile and keeps the rows of
 * the processing table, the previous period when given, then the report. */
#ifndef IKM_REPORT_LAPORAN_H
#define IKM_REPORT_LAPORAN_H

#include "analysis.h"
#include "catalog.h"
#include "doc.h"
#include "laporan.h"
#include "profile.h"
#include "reportgen.h"

#define REPORT_MAX_PREVIOUS LOAD_MAX_FILES /* named limit: --previous files */

struct laporan_args {
	char *previous[REPORT_MAX_PREVIOUS]; /* --previous files */
	int nprevious;
	const char *previous_period; /* --previous-period, or "" */
	long long lampiran_rows;     /* --lampiran-rows */
	int cut[RESP_MAX_BANDS];     /* --age-bands */
	int ncut;                    /* 0: default bands */
};

void laporan_args_init(struct laporan_args *a);

/* Handle a laporan option (getopt code c, see REPORT_LAPORAN_LONGOPTS):
 * 1 handled, 0 not a laporan option, -1 bad value (message printed). */
int laporan_args_handle(struct laporan_args *a, int c, const char *arg);

enum {
	LAPORAN_OPT_PREVIOUS = 0x1000,
	LAPORAN_OPT_PREVIOUS_PERIOD,
	LAPORAN_OPT_ROWS,
	LAPORAN_OPT_BANDS,
};

#define REPORT_LAPORAN_LONGOPTS                                                                    \
	{"previous", required_argument, NULL, LAPORAN_OPT_PREVIOUS},                               \
	    {"previous-period", required_argument, NULL, LAPORAN_OPT_PREVIOUS_PERIOD},             \
	    {"lampiran-rows", required_argument, NULL, LAPORAN_OPT_ROWS},                          \
	{                                                                                          \
		"age-bands", required_argument, NULL, LAPORAN_OPT_BANDS                            \
	}

/* Help lines of the laporan options (Indonesian). */
extern const char laporan_opts_help[];

/* Analyse the files (and the previous period) and write the report to
 * output: ri gives the office, the period and the date (the rest is
 * filled here). */
int report_laporan(const struct laporan_args *la, const struct data_opts *dopts, char *const *paths,
                   int n, const struct reportgen_input *ri, const char *output,
                   struct ikm_err *err);

#endif
