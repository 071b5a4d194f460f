/* grade: the PermenPAN-RB 14/2017 grade table (mutu and kinerja) as data.
 * Grading is on the IKM rounded half-up to two decimals, with >= cut-offs,
 * so the table has no gaps: 88,31 -> A, 88,30 -> B, 76,60 -> C, 64,99 -> D. */
#ifndef IKM_GRADE_H
#define IKM_GRADE_H

#include <stdint.h>

struct grade {
	int64_t min_e2;         /* lowest IKM of the row, in hundredths (8831) */
	char mutu;              /* 'A'..'D' */
	const char *kinerja;    /* "Sangat Baik" */
	const char *kinerja_en; /* "Very good" */
};

/* The grade of an IKM given in hundredths (9689 for 96,89). Never NULL:
 * values below the lowest cut-off get the last row. Static storage. */
const struct grade *grade_of(int64_t ikm_e2);

/* The table rows from best to worst; *n receives the row count. */
const struct grade *grade_table(int *n);

#endif
