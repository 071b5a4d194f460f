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

#endif
