/* olahdata_profile: the "Profil" and "Saran" worksheets of the processing
 * workbook (olahdata.c), from a finished respondent tally. */
#ifndef IKM_OLAHDATA_PROFILE_H
#define IKM_OLAHDATA_PROFILE_H

#include <xlsxwriter.h>

#include "respondent.h"

#define OLAHDATA_PROFILE_SHEET    "Profil"
#define OLAHDATA_SUGGESTION_SHEET "Saran"

/* Add the two worksheets after the ones already in wb. "Profil": for each
 * field with a column a table (Kategori | Jumlah | Persentase) whose
 * percentages and total are live formulas with cached values, and a native
 * bar chart beside it. "Saran": the suggestions grouped, by count, with
 * the rows that gave none and those beyond the kept groups. t must be
 * sorted (resp_sorted). Each sheet is written top to bottom, as
 * constant-memory mode requires. */
lxw_error olahdata_profile(lxw_workbook *wb, const struct resp_tally *t);

#endif
