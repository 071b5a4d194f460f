/* letter: the "Rekomendasi dan Tindak Lanjut" letter an office issues after
 * each survey (like the seed document), built as a document model from the
 * computed results, the office's letterhead and the recommendation
 * catalog: the weak elements (below the mean NRR, then any graded C or D)
 * with their values, lettered recommendations and follow-up actions. */
#ifndef IKM_LETTER_H
#define IKM_LETTER_H

#include "catalog.h"
#include "doc.h"
#include "instrument.h"
#include "score.h"

struct letter_info {
	const char *government; /* "PEMERINTAH KOTA MOJOKERTO" */
	const char *agency;     /* "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL" */
	const char *lines[4];   /* address, telephone, web lines (NULL/empty skipped) */
	const char *logo;       /* PNG path or NULL */
	const char *unit;       /* the unit named in prose, may be empty */
	const char *period;     /* "Semester I 2022", may be empty */
	const char *place_date; /* "Mojokerto, 23 November 2026" */
	const char *position;   /* signatory's position */
	const char *name;
	const char *rank_nip; /* "Pembina Tingkat I, NIP 19..." */
	int legacy;           /* the index used a non-standard legacy weight */
};

/* The letter as a new document (caller frees with doc_free). */
struct doc *letter_build(const struct letter_info *li, const struct instrument *in,
                         const struct score_result *res, const struct catalog *cat);

#endif
