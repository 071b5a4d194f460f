/* scopedoc: the documents of a stored scope — what reportgen needs that
 * the store holds: the respondent profile and the processing table read
 * from the responses (excluded ones left out, as in the results), the
 * previous period of the same unit and service for the change between
 * periods, the workbook's rows. Used by `ikm report --unit --period` and
 * by the console's downloads. */
#ifndef IKM_SCOPEDOC_H
#define IKM_SCOPEDOC_H

#include <stdint.h>

#include "reportgen.h"
#include "scope.h"

struct scopedoc_opts {
	const struct profile *prof; /* the office */
	const struct catalog *cat;
	const char *place_date; /* from reportgen_place_date */
	int year;
	const int *cut; /* age bands, NULL/0: the default */
	int ncut;
	uint64_t lampiran_rows; /* processing-table rows printed in the laporan */
};

/* The latest period before a's (by start date) in which a's unit and
 * service have results, analysed into *prev (*found = 0 when none; free
 * prev with scope_free). */
int scopedoc_previous(struct store *s, const struct scope_analysis *a, struct scope_analysis *prev,
                      int *found, struct ikm_err *err);

/* Write the document of kind for the analysed scope a to path (the format
 * of its extension). */
int scopedoc_save(struct store *s, const struct scope_analysis *a, enum reportgen_kind kind,
                  const struct scopedoc_opts *o, const char *path, struct ikm_err *err);

#define SCOPEDOC_DIR_MAX 256 /* named limit: bytes of a private folder's path */

/* Make a private folder (mode 0700, under $TMPDIR or /tmp) for the files
 * of one document (the logo, the document); its path into dir. */
int scopedoc_tmpdir(char dir[SCOPEDOC_DIR_MAX], struct ikm_err *err);
/* Remove that folder and the files in it; "" is fine. */
void scopedoc_tmpdir_remove(const char *dir);

#endif
