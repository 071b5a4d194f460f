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

#endif
