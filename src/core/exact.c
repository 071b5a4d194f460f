/* exact: see exact.h. */
#include "exact.h"

void exact_set_ratio(mpq_t q, uint64_t num, uint64_t den)
{
	mpz_t n, d;

	mpz_inits(n, d, NULL);
	mpz_import(n, 1, 1, sizeof(num), 0, 0, &num);
	mpz_import(d, 1, 1, sizeof(den), 0, 0, &den);
	mpq_set_num(q, n);
	mpq_set_den(q, d);
	mpq_canonicalize(q);
	mpz_clears(n, d, NULL);
}

int64_t exact_round(const mpq_t q, int decimals)
{
	mpq_t t, half;
	mpz_t scale, r;
	int64_t out;

	mpq_inits(t, half, NULL);
	mpz_inits(scale, r, NULL);
	mpz_ui_pow_ui(scale, 10, (unsigned long)decimals);
	mpq_set_z(t, scale);
	mpq_mul(t, t, q);
	mpq_set_ui(half, 1, 2);
	mpq_add(t, t, half);
	mpz_fdiv_q(r, mpq_numref(t), mpq_denref(t));
	out = (int64_t)mpz_get_si(r);
	mpz_clears(scale, r, NULL);
	mpq_clears(t, half, NULL);
	return out;
}
