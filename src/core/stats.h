/* stats: how sure the number is (method.md section 5). The standard error
 * of the IKM by linearisation over respondents, with the finite-population
 * correction when the population is known, a 95% interval with Student's t,
 * and a flag when that interval crosses a grade boundary. Quantiles are
 * written here (GSL is GPL-3) and tested against published table values. */
#ifndef IKM_STATS_H
#define IKM_STATS_H

#include <stdint.h>

#include "instrument.h"
#include "score.h"

struct stats_ci {
	int available;   /* 0 when n < 2 (no spread can be estimated) */
	double se;       /* standard error of IKM (25..100 scale) */
	double t;        /* t quantile used, 0.975 with n-1 df */
	int fpc;         /* 1 when the finite-population factor was applied */
	int64_t low_e2;  /* interval bounds, half-up to 2 decimals, x 100 */
	int64_t high_e2; /* clamped to 25,00 .. 100,00 */
	char low_mutu;   /* grade of each bound */
	char high_mutu;
	int crosses; /* 1 when a bound's grade differs from the result's */
};

/* Standard normal quantile for 0 < p < 1 (|error| < 1e-14). */
double stats_norm_quantile(double p);

/* Student t CDF P(T <= x) with df > 0 degrees of freedom. */
double stats_t_cdf(double x, double df);

/* Student t quantile for 0 < p < 1 and df >= 1. */
double stats_t_quantile(double p, double df);

/* The 95% interval of the IKM in `res` (computed from `acc` with the weights
 * of `in`). population 0 means unknown (no correction); a population
 * smaller than the respondents is treated as unknown. */
void stats_ikm_ci(const struct score_acc *acc, const struct instrument *in,
                  const struct score_result *res, int64_t population, struct stats_ci *out);

/* Standard error of element j's converted value (NRR_j x 25): 25 s_j /
 * sqrt(n_j), s_j the sample standard deviation of its n_j answers, with the
 * finite-population factor (1 - n_j/N) under the root when population >=
 * n_j. 0 when n_j < 2. Computed from the exact answer counts. */
double stats_element_se(const struct score_acc *acc, int j, int64_t population);

/* The change between two periods (method.md section 5): now - before on
 * the 25..100 scale, from the values as published (2 decimals, x 100),
 * with SE sqrt(se_before^2 + se_now^2). */
struct stats_change {
	int available;   /* both standard errors known (> 0) */
	int64_t diff_e2; /* now - before, x 100 */
	double se;
	double z;                /* diff / se */
	int real;                /* |z| >= 1.96: larger than sampling noise at 95% */
	int64_t low_e2, high_e2; /* 95% interval of the change, half-up, x 100 */
};

void stats_change(int64_t before_e2, double se_before, int64_t now_e2, double se_now,
                  struct stats_change *out);

#endif
