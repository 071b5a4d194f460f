/* colmap: which column of a data file holds which element (unsur) or
 * respondent-profile field. Element columns are recognised by code (U1,
 * "U1. Persyaratan"), id (waktu), name, or the key words of a question text
 * as Google Forms exports it; profile columns by common header names. Other
 * columns are ignored and listed. */
#ifndef IKM_COLMAP_H
#define IKM_COLMAP_H

#include "err.h"
#include "instrument.h"
#include "table.h"

enum colmap_profile {
	PROF_GENDER = 0, /* jenis kelamin */
	PROF_AGE,        /* usia */
	PROF_EDUCATION,  /* pendidikan */
	PROF_JOB,        /* pekerjaan */
	PROF_SERVICE,    /* jenis layanan */
	PROF_DATE,       /* tanggal (or a Google Forms timestamp) */
	PROF_TIME,       /* jam */
	PROF_SUGGESTION, /* saran / masukan */
	PROF_COUNT
};

#define COLMAP_KEEP_IGNORED 40 /* named limit: ignored headers listed */
#define COLMAP_HEADER_SHOWN 60 /* bytes of a header shown in messages */

struct colmap {
	int ncols;
	int elem_col[INSTR_MAX_ELEMENTS]; /* column of element j, or -1 */
	int prof_col[PROF_COUNT];         /* column of profile field, or -1 */
	int nignored;                     /* ignored columns (all of them) */
	char ignored[COLMAP_KEEP_IGNORED][COLMAP_HEADER_SHOWN + 1];
	char header[INSTR_MAX_ELEMENTS][COLMAP_HEADER_SHOWN + 1]; /* element headers */
};

/* Map the header row of `file`. When add_extras is set, columns named
 * U10..U99 that the instrument lacks are added to it as extra elements.
 * Fails (IKM_EDATA) when an element of the instrument has no column, or two
 * columns claim the same element, with a message listing the unmapped
 * columns and how to name them. */
int colmap_build(struct colmap *m, struct instrument *in, int add_extras,
                 const struct table_row *header, const char *file, struct ikm_err *err);

/* Indonesian name of a profile field ("jenis kelamin"). */
const char *colmap_profile_name(enum colmap_profile p);

#endif
