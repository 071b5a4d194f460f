/* score: see score.h. */
#include "score.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "exact.h"
#include "grade.h"
#include "priority.h"
#include "xalloc.h"

#define CELLS 25 /* 5 x 5 answer-pair cells, value 0 = not answered */

struct score_acc {
	int k;
	uint64_t respondents;
	int *pair_index; /* k*k -> table number, symmetric */
	uint64_t *tab;   /* ntables * CELLS counts */
};

struct score_acc *score_acc_new(int k)
{
	struct score_acc *acc;
	int t = 0;

	if (k < 1 || k > INSTR_MAX_ELEMENTS)
		abort(); /* programmer error: callers bound k by the instrument */
	acc = xcalloc(1, sizeof(*acc));
	acc->k = k;
	acc->pair_index = xcalloc((size_t)k * (size_t)k, sizeof(int));
	for (int j = 0; j < k; j++) {
		for (int l = j; l < k; l++) {
			acc->pair_index[j * k + l] = t;
			acc->pair_index[l * k + j] = t;
			t++;
		}
	}
	acc->tab = xcalloc((size_t)t * CELLS, sizeof(uint64_t));
	return acc;
}

void score_acc_free(struct score_acc *acc)
{
	if (acc == NULL)
		return;
	free(acc->pair_index);
	free(acc->tab);
	free(acc);
}

void score_acc_add(struct score_acc *acc, const uint8_t *vals)
{
	int idx[INSTR_MAX_ELEMENTS];
	unsigned v[INSTR_MAX_ELEMENTS];
	int m = 0;
	const int k = acc->k;

	for (int j = 0; j < k; j++) {
		/* A value above 4 would index past its 5x5 table: a programmer
		 * error (callers validate input), never a silent write. */
		if (vals[j] > INSTR_OPTIONS)
			abort();
		if (vals[j] != 0) {
			idx[m] = j;
			v[m] = vals[j];
			m++;
		}
	}
	if (m == 0)
		return;
	acc->respondents++;
	for (int p = 0; p < m; p++) {
		const int *row = acc->pair_index + idx[p] * k;
		const unsigned vp = v[p] * 5;

		for (int q = p; q < m; q++)
			acc->tab[(size_t)row[idx[q]] * CELLS + vp + v[q]]++;
	}
}

void score_acc_merge(struct score_acc *dst, const struct score_acc *src)
{
	size_t n = (size_t)dst->k * (size_t)(dst->k + 1) / 2 * CELLS;

	if (dst->k != src->k)
		abort();
	dst->respondents += src->respondents;
	for (size_t i = 0; i < n; i++)
		dst->tab[i] += src->tab[i];
}

int score_acc_k(const struct score_acc *acc)
{
	return acc->k;
}

uint64_t score_acc_respondents(const struct score_acc *acc)
{
	return acc->respondents;
}

uint64_t score_acc_pair(const struct score_acc *acc, int j, int l, int a, int b)
{
	const uint64_t *t = acc->tab + (size_t)acc->pair_index[j * acc->k + l] * CELLS;

	if (j == l)
		return a == b ? t[a * 5 + a] : 0;
	/* The table of (j,l) is stored with the smaller index first. */
	return j < l ? t[a * 5 + b] : t[b * 5 + a];
}

uint64_t score_acc_answered(const struct score_acc *acc, int j)
{
	uint64_t n = 0;

	for (int a = 1; a <= 4; a++)
		n += score_acc_pair(acc, j, j, a, a);
	return n;
}

uint64_t score_acc_sum(const struct score_acc *acc, int j)
{
	uint64_t s = 0;

	for (int a = 1; a <= 4; a++)
		s += (uint64_t)a * score_acc_pair(acc, j, j, a, a);
	return s;
}

int score_compute(const struct score_acc *acc, const struct instrument *in,
		  struct score_result *res, struct ikm_err *err)
{
	mpq_t nrr, w, term, ni, ikm;
	const struct grade *g;

	memset(res, 0, sizeof(*res));
	if (in->k != acc->k)
		return err_set(err, IKM_EUSAGE, "jumlah unsur tidak cocok / element count mismatch");
	res->k = in->k;
	res->respondents = acc->respondents;
	if (acc->respondents == 0)
		return err_set(err, IKM_EDATA,
			       "tidak ada responden yang menjawab satu unsur pun; IKM tidak dapat "
			       "dihitung / no respondent answered any element");
	for (int j = 0; j < in->k; j++) {
		res->el[j].answered = score_acc_answered(acc, j);
		res->el[j].sum = score_acc_sum(acc, j);
		if (res->el[j].answered == 0)
			return err_set(err, IKM_EDATA,
				       "unsur %s (%s) tidak dijawab oleh satu responden pun; IKM tidak "
				       "dapat dihitung. Periksa kolomnya, atau hilangkan unsur itu "
				       "dengan --elements / element %s has no answer",
				       in->el[j].code, in->el[j].name, in->el[j].code);
	}
	mpq_inits(nrr, w, term, ni, ikm, NULL);
	for (int j = 0; j < in->k; j++) {
		struct score_element *e = &res->el[j];

		exact_set_ratio(nrr, e->sum, e->answered);
		e->nrr_e4 = exact_round(nrr, 4);
		e->nrr_e2 = exact_round(nrr, 2);
		mpq_set_ui(term, 25, 1);
		mpq_mul(term, term, nrr);
		e->ikm_e2 = exact_round(term, 2);
		g = grade_of(e->ikm_e2);
		e->mutu = g->mutu;
		e->kinerja = g->kinerja;
		exact_set_ratio(w, (uint64_t)in->el[j].w_num, (uint64_t)in->el[j].w_den);
		mpq_mul(term, w, nrr);
		mpq_add(ni, ni, term);
	}
	res->ni_e4 = exact_round(ni, 4);
	mpq_set_ui(term, 25, 1);
	mpq_mul(ikm, ni, term);
	res->ikm_e2 = exact_round(ikm, 2);
	g = grade_of(res->ikm_e2);
	res->mutu = g->mutu;
	res->kinerja = g->kinerja;
	res->kinerja_en = g->kinerja_en;
	mpq_clears(nrr, w, term, ni, ikm, NULL);
	priority_mark(res);
	return 0;
}
