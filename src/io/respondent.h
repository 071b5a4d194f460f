/* respondent: the respondent profile of a survey, tallied while the data
 * files are read — jenis kelamin, usia in bands, pendidikan, pekerjaan and
 * jenis layanan as counted categories, the survey dates seen, and the
 * suggestions (saran/masukan) grouped and counted. Known spellings are
 * folded into the regulation's categories (method.md §1: "L", "Pria" ->
 * Laki-laki; "SLTA", "SMK" -> SMA; "S1", "D4" -> D4/S1; "ASN" -> PNS);
 * other values are kept as given, never dropped. Every table is bounded. */
#ifndef IKM_RESPONDENT_H
#define IKM_RESPONDENT_H

#include <stddef.h>
#include <stdint.h>

#include "colmap.h"
#include "err.h"

#define RESP_MAX_BANDS       12   /* named limit: age cut points */
#define RESP_MAX_CATEGORIES  48   /* named limit: categories kept per field */
#define RESP_LABEL_MAX       64   /* bytes of a category label kept */
#define RESP_MAX_SUGGESTIONS 4096 /* named limit: distinct suggestions kept */
#define RESP_SUGGESTION_MAX  480  /* bytes of one suggestion kept */

/* The tallied fields, in report order (a subset of colmap's). */
enum resp_field { RESP_GENDER, RESP_AGE, RESP_EDUCATION, RESP_JOB, RESP_SERVICE, RESP_NFIELDS };

struct resp_category {
	char label[RESP_LABEL_MAX + 1]; /* "Laki-laki", "20–29 tahun" (en dash), "SMA" */
	uint64_t count;
};

struct resp_table {
	int present; /* some file has a column for the field */
	int ncat;    /* categories, in display order (see resp_sorted) */
	struct resp_category cat[RESP_MAX_CATEGORIES];
	uint64_t missing; /* counted rows with the field empty (or no column for it) */
	uint64_t other;   /* values beyond RESP_MAX_CATEGORIES distinct ones */
};

struct resp_suggestion {
	char *text;     /* as first written (trimmed, spaces collapsed) */
	uint64_t count; /* rows giving this suggestion (case and end punctuation folded) */
};

struct resp_tally {
	uint64_t rows; /* counted respondent rows */
	int nbands;    /* age cut points: bands <c0, c0..c1-1, ..., >=c(n-1) */
	int cut[RESP_MAX_BANDS];
	struct resp_table t[RESP_NFIELDS];
	char date_min[11], date_max[11]; /* "YYYY-MM-DD" of the dates seen, "" when none */
	int sugg_present;                /* some file has a suggestion column */
	uint64_t sugg_rows;              /* rows with a real suggestion */
	uint64_t sugg_none;              /* rows saying "tidak ada", "-", ... */
	uint64_t sugg_dropped;           /* rows of suggestions beyond the kept ones */
	int nsugg;
	struct resp_suggestion *sugg; /* nsugg entries, owned */
	void *index;                  /* private: value caches, suggestion hash index */
};

/* Start a tally with age cut points cut[0..ncut) (strictly increasing, 1..
 * 150); NULL/0 (or invalid cut points) gives the default bands <20, 20-29,
 * 30-39, 40-49, 50-59, >=60. Gender, education and job start with the
 * regulation's categories and age with every band, all at count 0, so
 * tables always list them. Free with resp_free (twice is fine). */
void resp_init(struct resp_tally *t, const int *cut, int ncut);
void resp_free(struct resp_tally *t);

/* Parse an --age-bands spec "20,30,40,50,60" into cut points (room for
 * RESP_MAX_BANDS); IKM_EUSAGE naming the bad part otherwise. */
int resp_parse_bands(const char *spec, int *cut, int *ncut, struct ikm_err *err);

/* Note that a file has columns for these profile fields (prof_col of its
 * colmap; -1 = none). Call once per file, before its rows: ambiguous
 * N/N/YYYY dates are read day or month first by each file's evidence. */
void resp_columns(struct resp_tally *t, const int prof_col[PROF_COUNT]);

/* Tally one counted row: field[p]/len[p] is the row's value of profile
 * field p (colmap order), NULL when the file has no such column. */
void resp_add(struct resp_tally *t, const char *const field[PROF_COUNT],
              const size_t len[PROF_COUNT]);

/* The same, and the category of each field into cat[f]: an index into
 * t->t[f].cat valid until resp_sorted, or -1 (empty, or beyond
 * RESP_MAX_CATEGORIES). */
void resp_add_classified(struct resp_tally *t, const char *const field[PROF_COUNT],
                         const size_t len[PROF_COUNT], int cat[RESP_NFIELDS]);

/* Sort categories for display: fixed regulation order for gender,
 * education and job (known first, then others by count), bands in order for
 * age, count descending for service; suggestions by count descending then
 * first appearance. Call once after the last resp_add. */
void resp_sorted(struct resp_tally *t);

/* Indonesian title of a field ("Jenis Kelamin", "Usia", ...). */
const char *resp_field_title(enum resp_field f);

#endif
