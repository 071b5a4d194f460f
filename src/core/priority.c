/* priority: see priority.h. */
#include "priority.h"

#include <gmp.h>

#include "exact.h"

/* -1, 0, 1 as S_a/n_a compares with S_b/n_b, exactly. */
static int cmp_nrr(const struct score_element *a, const struct score_element *b)
{
	unsigned __int128 l = (unsigned __int128)a->sum * b->answered;
	unsigned __int128 r = (unsigned __int128)b->sum * a->answered;

	return l < r ? -1 : l > r ? 1 : 0;
}

void priority_mark(struct score_result *res)
{
	int order[INSTR_MAX_ELEMENTS];
	const int k = res->k;
	mpq_t mean, q;

	/* Stable insertion sort by NRR ascending: ties keep questionnaire order. */
	for (int j = 0; j < k; j++) {
		int p = j;

		while (p > 0 && cmp_nrr(&res->el[j], &res->el[order[p - 1]]) < 0) {
			order[p] = order[p - 1];
			p--;
		}
		order[p] = j;
	}
	for (int r = 0; r < k; r++)
		res->el[order[r]].rank = r + 1;
	res->nlowest = k < 3 ? k : 3;
	for (int r = 0; r < res->nlowest; r++) {
		res->lowest[r] = order[r];
		res->el[order[r]].lowest3 = 1;
	}

	mpq_inits(mean, q, NULL);
	for (int j = 0; j < k; j++) {
		exact_set_ratio(q, res->el[j].sum, res->el[j].answered);
		mpq_add(mean, mean, q);
	}
	mpq_set_ui(q, (unsigned long)k, 1);
	mpq_div(mean, mean, q);
	res->mean_nrr_e4 = exact_round(mean, 4);
	res->nbelow = 0;
	res->nweak = 0;
	for (int j = 0; j < k; j++) {
		exact_set_ratio(q, res->el[j].sum, res->el[j].answered);
		res->el[j].below_mean = mpq_cmp(q, mean) < 0;
		if (res->el[j].below_mean)
			res->below[res->nbelow++] = j;
		res->el[j].weak = res->el[j].mutu == 'C' || res->el[j].mutu == 'D';
		if (res->el[j].weak)
			res->weak[res->nweak++] = j;
	}
	mpq_clears(mean, q, NULL);
}
