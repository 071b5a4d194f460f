/* scope: the analysis of stored responses — one unit and period, one
 * service or all — run by every face that shows stored results (`ikm
 * compute --unit`, `ikm report --unit`, `ikm export`, the console), so
 * they print the same numbers: store_aggregate, then the exact core
 * (score_compute, stats_ikm_ci, sample_krejcie_morgan), as `ikm compute`
 * does on files. Also the respondents one by one (answers mapped onto the
 * newest instrument version, as store_aggregate maps them) for the
 * profile, the processing workbook and the CSV export. */
#ifndef IKM_SCOPE_H
#define IKM_SCOPE_H

#include <stdint.h>
#include <stdio.h>

#include "colmap.h"
#include "err.h"
#include "instrument.h"
#include "respondent.h"
#include "score.h"
#include "stats.h"
#include "store.h"

struct scope_analysis {
	struct store_unit unit;
	struct store_period period;
	struct store_service service; /* id 0: every service of the unit */
	struct store_scope sc;
	struct instrument in; /* the newest version answered */
	struct score_acc *acc;
	struct score_result res;
	struct stats_ci ci;
	struct store_totals tot;
	int64_t population; /* 0 = not set */
	int64_t required;   /* Krejcie-Morgan minimum when the population is set */
};

/* Find the scope named by slugs (service NULL: every service) into a
 * (reset first; free with scope_free). IKM_EDATA naming what is unknown. */
int scope_find(struct store *s, const char *unit, const char *period, const char *service,
               struct scope_analysis *a, struct ikm_err *err);

/* Compute the results of a->sc (a found scope). IKM_EDATA when the scope
 * has no response, or an element no answer. */
int scope_analyse(struct store *s, struct scope_analysis *a, struct ikm_err *err);

/* Free what a owns; NULL is fine. */
void scope_free(struct scope_analysis *a);

/* Standard error of each element's NRR x 25 into se[0..a->in.k). */
void scope_element_se(const struct scope_analysis *a, double *se);

/* The instrument versions of a scope and how each maps onto the newest. */
struct scope_map {
	struct instrument in; /* the newest version answered */
	int nv;
	struct {
		int64_t id;
		int k;
		int map[INSTR_MAX_ELEMENTS]; /* element j of the version -> index in `in`, or -1 */
	} v[STORE_MAX_VERSIONS];
};

/* Load the versions of sc into *m (caller frees with free). IKM_EDATA
 * when the scope has no response. */
int scope_map_load(struct store *s, const struct store_scope *sc, struct scope_map **m,
                   struct ikm_err *err);

/* The answers of r in the order of m->in (0 = not answered). */
void scope_map_answers(const struct scope_map *m, const struct store_response *r,
                       uint8_t vals[INSTR_MAX_ELEMENTS]);

/* A response as the rows loop hands it over. */
struct scope_row {
	const struct store_response *r;
	const uint8_t *vals; /* answers in the newest version's order */
	int k;
	int answered;                 /* elements answered (0: not counted in the results) */
	const char *prof[PROF_COUNT]; /* profile fields as text, like load_row's */
	size_t prof_len[PROF_COUNT];
};

/* Call fn for every response of sc in insertion order, excluded ones
 * (left out by a review) only when with_excluded. fn must not use the
 * store; returning -1 stops with its err. */
int scope_rows(struct store *s, const struct store_scope *sc, const struct scope_map *m,
               int with_excluded,
               int (*fn)(void *user, const struct scope_row *row, struct ikm_err *err), void *user,
               struct ikm_err *err);

/* Write the responses of sc as CSV to out (the columns `ikm import`
 * reads: No, Tanggal, profile, U1..Uk, Saran; a text that a spreadsheet
 * would take for a formula gets a leading apostrophe), excluded ones only
 * when with_excluded; the number of rows into *n. IKM_EDATA when the
 * scope has no response. */
int scope_csv_write(struct store *s, const struct store_scope *sc, FILE *out, int with_excluded,
                    uint64_t *n, struct ikm_err *err);

/* ---- the respondent profile and its groups ---- */

#define SCOPE_GROUP_FIELDS 4  /* jenis kelamin, usia, pendidikan, pekerjaan (resp_field 0..3) */
#define SCOPE_GROUPS_MAX   16 /* named limit: groups scored per field (the rest: other) */

struct scope_group {
	char label[RESP_LABEL_MAX + 1]; /* "Laki-laki", "20–29 tahun", "SMA" */
	uint64_t n;                     /* respondents in the group */
	int computed;                   /* ikm_e2 and mutu hold the group's index */
	int64_t ikm_e2;
	char mutu;
};

struct scope_profile {
	struct resp_tally rt; /* the profile tables and the suggestions, sorted */
	int ngroups[SCOPE_GROUP_FIELDS];
	struct scope_group g[SCOPE_GROUP_FIELDS][SCOPE_GROUPS_MAX]; /* non-empty, in table order */
	uint64_t other[SCOPE_GROUP_FIELDS]; /* respondents of groups beyond SCOPE_GROUPS_MAX */
};

/* Read the respondents of the analysed scope a (excluded ones left out):
 * the profile tally with the suggestions (age bands cut, NULL/0: default),
 * and the index of every group of each profile field, computed by the
 * same core with the weights of a->in (computed 0 when the group left an
 * element unanswered). Free with scope_profile_free, also on failure. */
int scope_profile(struct store *s, const struct scope_analysis *a, const int *cut, int ncut,
                  struct scope_profile *p, struct ikm_err *err);
void scope_profile_free(struct scope_profile *p);

#endif
