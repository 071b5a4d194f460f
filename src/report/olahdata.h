/* olahdata: the processing workbook (.xlsx) with live formulas. */
#ifndef IKM_OLAHDATA_H
#define IKM_OLAHDATA_H

#include "err.h"
#include "instrument.h"
#include "load.h"
#include "score.h"

#define OLAHDATA_MAX_ROWS 1048000u /* named limit: below Excel's 1 048 576 rows */

/* Write the workbook to path (through path.tmp): sheets "Olah Data" (the
 * respondents and the index), "Profil" (the respondent profile, age bands
 * cut at cut[0..ncut), NULL/0 for the default) and "Saran" (the suggestions
 * grouped). The files are read again in order with the instrument `in` (as
 * the analysis fixed it) and the same load options; res gives the cached
 * values. */
int olahdata_save(const char *path, char *const *paths, int n, const struct instrument *in,
                  const struct score_result *res, const struct load_opts *opts, const char *period,
                  const int *cut, int ncut, struct ikm_err *err);

/* A respondent for the workbook: its answers vals[0..k) in 0..4, and
 * where it came from (line: the row of its file, or its number). */
typedef void (*olahdata_visit)(void *user, int file, uint64_t line, const uint8_t *vals, int k);

/* Where the rows come from: call visit(visit_user, ...) for every counted
 * respondent in order, and tally each one's profile into prof (resp_add;
 * resp_columns for the fields there are). -1 stops with err. */
typedef int (*olahdata_feed)(void *user, olahdata_visit visit, void *visit_user,
                             struct resp_tally *prof, struct ikm_err *err);

/* The rows of data files, read again in order with the instrument the
 * analysis fixed (user: a struct olahdata_files). */
struct olahdata_files {
	char *const *paths;
	int n;
	const struct instrument *in;
	const struct load_opts *opts;
};
int olahdata_files_feed(void *user, olahdata_visit visit, void *visit_user, struct resp_tally *prof,
                        struct ikm_err *err);

/* The same workbook from rows given by feed (olahdata_files_feed, or
 * stored responses). */
int olahdata_write(const char *path, const struct instrument *in, const struct score_result *res,
                   const char *period, const int *cut, int ncut, olahdata_feed feed,
                   void *feed_user, struct ikm_err *err);

#endif
