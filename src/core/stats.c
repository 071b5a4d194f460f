/* stats: see stats.h. */
#include "stats.h"

#include <float.h>
#include <gmp.h>
#include <math.h>

#include "exact.h"
#include "grade.h"

double stats_norm_quantile(double p)
{
	/* Acklam's rational approximation, then one Halley step on erfc. */
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
	                           -2.759285104469687e+02, 1.383577518672690e+02,
	                           -3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
	                           -1.556989798598866e+02, 6.680131188771972e+01,
	                           -1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
	                           -2.400758277161838e+00, -2.549732539343734e+00,
	                           4.374664141464968e+00,  2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	                           2.445134137142996e+00, 3.754408661907416e+00};
	double q, r, x, e, u;

	if (p <= 0.0)
		return -INFINITY;
	if (p >= 1.0)
		return INFINITY;
	if (p < 0.02425) {
		q = sqrt(-2 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p <= 1 - 0.02425) {
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
		    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	} else {
		q = sqrt(-2 * log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	e = 0.5 * erfc(-x / sqrt(2)) - p;
	u = e * sqrt(2 * M_PI) * exp(x * x / 2);
	return x - u / (1 + x * u / 2);
}

/* Continued fraction of the incomplete beta (modified Lentz). */
static double beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (int m = 1; m <= 100000; m++) {
		double m2 = 2.0 * m, aa, del;

		aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-15)
			break;
	}
	return h;
}

/* Regularised incomplete beta I_x(a, b), given both x and y = 1 - x: the
 * caller computes y without cancellation (for Student t, 1 - df/(df + x^2)
 * is 0 in double for |x| < 1e-8 sqrt(df), which flattened the CDF at the
 * centre and left quantiles near 0,5 wrong by ~1e-8). */
static double beta_inc(double a, double b, double x, double y)
{
	double front;

	if (x <= 0)
		return 0;
	if (y <= 0)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(y));
	if (x < (a + 1) / (a + b + 2))
		return front * beta_cf(a, b, x) / a;
	return 1 - front * beta_cf(b, a, y) / b;
}

double stats_t_cdf(double x, double df)
{
	double x2 = x * x;
	double tail = 0.5 * beta_inc(df / 2, 0.5, df / (df + x2), x2 / (df + x2));

	return x >= 0 ? 1 - tail : tail;
}

double stats_t_quantile(double p, double df)
{
	double z = stats_norm_quantile(p);
	double lo, hi;

	if (p <= 0 || p >= 1)
		return p <= 0 ? -INFINITY : INFINITY;
	if (df > 1000) {
		/* Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5). */
		double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
		double g1 = (z3 + z) / 4;
		double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
		double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
		double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;

		return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) +
		       g4 / (df * df * df * df);
	}
	/* Bisection on the CDF: slow but sure, and run once per result. */
	lo = -1e6;
	hi = 1e6;
	for (int i = 0; i < 200 && hi - lo > 1e-13 * (1 + fabs(lo)); i++) {
		double mid = 0.5 * (lo + hi);

		if (stats_t_cdf(mid, df) < p)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
}

/* Sum over respondents of u_i^2, exactly, from the pair tables:
 * u_i = 25 n sum_j w_j I_ij (y_ij - m_j) / n_j, so
 * sum_i u_i^2 = 625 n^2 sum_j sum_l w_j w_l D_jl / (n_j n_l) with
 * D_jl = sum_{a,b} T_jl(a,b) (a - m_j)(b - m_l). */
static double sum_u2(const struct score_acc *acc, const struct instrument *in)
{
	const int k = in->k;
	mpq_t m[INSTR_MAX_ELEMENTS], w[INSTR_MAX_ELEMENTS], total, djl, da, db, t;
	uint64_t n = score_acc_respondents(acc);
	double out;

	mpq_inits(total, djl, da, db, t, NULL);
	for (int j = 0; j < k; j++) {
		mpq_inits(m[j], w[j], NULL);
		exact_set_ratio(m[j], score_acc_sum(acc, j), score_acc_answered(acc, j));
		exact_set_ratio(w[j], (uint64_t)in->el[j].w_num, (uint64_t)in->el[j].w_den);
		/* Fold 1/n_j into the weight. */
		exact_set_ratio(t, 1, score_acc_answered(acc, j));
		mpq_mul(w[j], w[j], t);
	}
	for (int j = 0; j < k; j++) {
		for (int l = j; l < k; l++) {
			mpq_set_ui(djl, 0, 1);
			for (int a = 1; a <= 4; a++) {
				for (int b = 1; b <= 4; b++) {
					uint64_t c = score_acc_pair(acc, j, l, a, b);

					if (c == 0)
						continue;
					mpq_set_ui(da, (unsigned long)a, 1);
					mpq_sub(da, da, m[j]);
					mpq_set_ui(db, (unsigned long)b, 1);
					mpq_sub(db, db, m[l]);
					mpq_mul(da, da, db);
					exact_set_ratio(t, c, 1);
					mpq_mul(da, da, t);
					mpq_add(djl, djl, da);
				}
			}
			mpq_mul(djl, djl, w[j]);
			mpq_mul(djl, djl, w[l]);
			if (j != l)
				mpq_add(djl, djl, djl); /* the (l, j) term */
			mpq_add(total, total, djl);
		}
	}
	exact_set_ratio(t, n, 1);
	mpq_mul(total, total, t);
	mpq_mul(total, total, t);
	mpq_set_ui(t, 625, 1);
	mpq_mul(total, total, t);
	out = mpq_get_d(total);
	for (int j = 0; j < k; j++)
		mpq_clears(m[j], w[j], NULL);
	mpq_clears(total, djl, da, db, t, NULL);
	return out;
}

void stats_ikm_ci(const struct score_acc *acc, const struct instrument *in,
                  const struct score_result *res, int64_t population, struct stats_ci *out)
{
	uint64_t n = score_acc_respondents(acc);
	double var, fpc = 1;
	char mutu = res->mutu;

	*out = (struct stats_ci){0};
	if (n < 2 || in->k != score_acc_k(acc))
		return;
	/* Undefined without an answer per element (score_compute refuses it);
	 * the exact means below would divide by zero. */
	for (int j = 0; j < in->k; j++) {
		if (score_acc_answered(acc, j) == 0)
			return;
	}
	if (population > 0 && (uint64_t)population >= n) {
		fpc = 1 - (double)n / (double)population;
		out->fpc = 1;
	}
	var = fpc * sum_u2(acc, in) / ((double)n * (double)(n - 1));
	out->se = sqrt(var > 0 ? var : 0);
	out->t = stats_t_quantile(0.975, (double)(n - 1));
	/* Centre on the exact index and round the bounds exactly: centring on
	 * a double made a zero-width interval at a tie such as 76,605 read
	 * 76,60 (C) beside the reported 76,61 (B), a false "crosses" flag.
	 * mpq_set_d is exact, so only the half-width is binary floating point,
	 * and the bounds always enclose res->ikm_e2 (rounding is monotone). */
	{
		mpq_t q, w, t, h;

		mpq_inits(q, w, t, h, NULL);
		for (int j = 0; j < in->k; j++) {
			exact_set_ratio(t, score_acc_sum(acc, j), score_acc_answered(acc, j));
			exact_set_ratio(w, (uint64_t)in->el[j].w_num, (uint64_t)in->el[j].w_den);
			mpq_mul(t, t, w);
			mpq_add(q, q, t);
		}
		mpq_set_ui(t, 25, 1);
		mpq_mul(q, q, t);
		mpq_set_d(h, out->t * out->se);
		mpq_sub(t, q, h);
		out->low_e2 = exact_round(t, 2);
		mpq_add(t, q, h);
		out->high_e2 = exact_round(t, 2);
		mpq_clears(q, w, t, h, NULL);
	}
	if (out->low_e2 < 2500)
		out->low_e2 = 2500;
	if (out->high_e2 > 10000)
		out->high_e2 = 10000;
	out->low_mutu = grade_of(out->low_e2)->mutu;
	out->high_mutu = grade_of(out->high_e2)->mutu;
	out->crosses = out->low_mutu != mutu || out->high_mutu != mutu;
	out->available = 1;
}

double stats_element_se(const struct score_acc *acc, int j, int64_t population)
{
	uint64_t n = score_acc_answered(acc, j), c[5] = {0};
	double mean, ss = 0, var;

	if (n < 2)
		return 0;
	for (int a = 1; a <= 4; a++)
		c[a] = score_acc_pair(acc, j, j, a, a);
	mean = (double)score_acc_sum(acc, j) / (double)n;
	for (int a = 1; a <= 4; a++)
		ss += (double)c[a] * (a - mean) * (a - mean);
	var = ss / (double)(n - 1) / (double)n;
	if (population > 0 && (uint64_t)population >= n)
		var *= 1 - (double)n / (double)population;
	return 25 * sqrt(var > 0 ? var : 0);
}

void stats_change(int64_t before_e2, double se_before, int64_t now_e2, double se_now,
                  struct stats_change *out)
{
	const double z975 = 1.959963984540054;

	*out = (struct stats_change){0};
	out->diff_e2 = now_e2 - before_e2;
	if (!(se_before > 0) || !(se_now > 0))
		return;
	out->available = 1;
	out->se = sqrt(se_before * se_before + se_now * se_now);
	out->z = (double)out->diff_e2 / 100.0 / out->se;
	out->real = fabs(out->z) >= z975;
	out->low_e2 = (int64_t)floor((double)out->diff_e2 - z975 * out->se * 100 + 0.5);
	out->high_e2 = (int64_t)floor((double)out->diff_e2 + z975 * out->se * 100 + 0.5);
}
