/* infographic: the one-page A4 publication poster of an IKM result (the
 * "infografis" offices post at the service counter and on their website):
 * office and unit, period, the index very large, mutu and kinerja, the
 * number of respondents, the element chart and the follow-up. One drawing
 * code renders PDF, PNG (150 dpi) and SVG. */
#ifndef IKM_INFOGRAPHIC_H
#define IKM_INFOGRAPHIC_H

#include "err.h"
#include "instrument.h"
#include "score.h"

/* What the poster says besides the numbers; any string may be empty or
 * NULL (the line is then left out). Borrowed by infographic_save. */
struct infographic_info {
	const char *office;    /* "Pemerintah Kota Mojokerto" */
	const char *unit;      /* "Dinas Kependudukan dan Pencatatan Sipil" */
	const char *period;    /* "Semester I 2022" */
	const char *follow_up; /* "peningkatan perilaku pelaksana ..." */
};

/* Write the poster of `res` to `path`; the format follows the extension
 * (.pdf, .png, .svg, any case; anything else is IKM_EUSAGE naming it). The
 * file is written to path.tmp and renamed when complete; errors name the
 * path. Returns 0 or -1 with err set. */
int infographic_save(const struct infographic_info *ii, const struct instrument *in,
                     const struct score_result *res, const char *path, struct ikm_err *err);

#endif
