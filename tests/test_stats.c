/* Unit tests of src/core/stats.c: quantiles against published table values,
 * the linearised standard error and 95% interval of the IKM (method.md 5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "instrument.h"
#include "score.h"
#include "stats.h"
#include "testutil.h"

static void test_norm_quantile(void **state)
{
	(void)state;
	/* Standard normal table values. */
	testutil_assert_near(stats_norm_quantile(0.975), 1.959964, 1e-6);
	testutil_assert_near(stats_norm_quantile(0.025), -1.959964, 1e-6);
	testutil_assert_near(stats_norm_quantile(0.5), 0.0, 1e-15);
	testutil_assert_near(stats_norm_quantile(0.95), 1.644854, 1e-6);
	testutil_assert_near(stats_norm_quantile(0.995), 2.575829, 1e-6);
	testutil_assert_near(stats_norm_quantile(0.9), 1.281552, 1e-6);
	testutil_assert_near(stats_norm_quantile(0.8413447460685429), 1.0, 1e-12);
	testutil_assert_near(stats_norm_quantile(0.001), -3.090232, 1e-6);
	testutil_assert_near(stats_norm_quantile(1e-10), -6.361341, 1e-6);
	testutil_assert_near(stats_norm_quantile(0.9999), 3.719016, 1e-6);
	assert_true(isinf(stats_norm_quantile(0.0)) && stats_norm_quantile(0.0) < 0);
	assert_true(isinf(stats_norm_quantile(1.0)) && stats_norm_quantile(1.0) > 0);
}

static void test_t_quantile_table(void **state)
{
	static const struct {
		double df, t;
	} table[] = {
	    {1, 12.706}, {2, 4.303},  {3, 3.182},   {4, 2.776},    {5, 2.571},
	    {10, 2.228}, {15, 2.131}, {20, 2.086},  {25, 2.060},   {30, 2.042},
	    {40, 2.021}, {60, 2.000}, {120, 1.980}, {1000, 1.962},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		double t = stats_t_quantile(0.975, table[i].df);

		if (fabs(t - table[i].t) > 1e-3)
			fail_msg("t(0.975, %g) = %.6f, table %.3f", table[i].df, t, table[i].t);
	}
	/* Other tails. */
	testutil_assert_near(stats_t_quantile(0.95, 10), 1.812, 1e-3);
	testutil_assert_near(stats_t_quantile(0.995, 10), 3.169, 1e-3);
	testutil_assert_near(stats_t_quantile(0.995, 1), 63.657, 1e-3);
	testutil_assert_near(stats_t_quantile(0.025, 10), -2.228, 1e-3);
	testutil_assert_near(stats_t_quantile(0.5, 7), 0.0, 1e-9);
	/* More digits where they are known in closed form: df 1 is Cauchy,
	 * tan(pi (p - 1/2)); df 2 is (2p - 1) sqrt(2 / (4p(1 - p))). */
	testutil_assert_near(stats_t_quantile(0.975, 1), tan(M_PI * 0.475), 1e-8);
	testutil_assert_near(stats_t_quantile(0.975, 2), 0.95 * sqrt(2 / (4 * 0.975 * 0.025)),
	                     1e-9);
}

static void test_t_quantile_large_df(void **state)
{
	double z = 1.959963984540054;

	(void)state;
	/* The switch at 1000 df must be seamless. */
	testutil_assert_near(stats_t_quantile(0.975, 1000), 1.962339, 2e-6);
	testutil_assert_near(stats_t_quantile(0.975, 1001), stats_t_quantile(0.975, 1000), 1e-5);
	assert_true(stats_t_quantile(0.975, 1001) < stats_t_quantile(0.975, 1000));
	testutil_assert_near(stats_t_quantile(0.975, 5000), 1.960439, 2e-6);
	testutil_assert_near(stats_t_quantile(0.975, 1e6), z, 1e-5);
	assert_true(stats_t_quantile(0.975, 1e6) > z);
	/* Monotone in df. */
	for (int df = 1; df < 3000; df += 37)
		assert_true(stats_t_quantile(0.975, df) > stats_t_quantile(0.975, df + 37));
}

static void test_t_cdf(void **state)
{
	(void)state;
	for (double df = 1; df <= 200; df *= 3)
		testutil_assert_near(stats_t_cdf(0, df), 0.5, 1e-15);
	/* df 1: 1/2 + atan(x) / pi. */
	testutil_assert_near(stats_t_cdf(1, 1), 0.75, 1e-12);
	testutil_assert_near(stats_t_cdf(-1, 1), 0.25, 1e-12);
	testutil_assert_near(stats_t_cdf(12.706, 1), 0.5 + atan(12.706) / M_PI, 1e-12);
	/* df 2: 1/2 + x / (2 sqrt(2 + x^2)). */
	for (double x = -5; x <= 5; x += 0.75)
		testutil_assert_near(stats_t_cdf(x, 2), 0.5 + x / (2 * sqrt(2 + x * x)), 1e-12);
	/* Table values. */
	testutil_assert_near(stats_t_cdf(2.228, 10), 0.975, 1e-4);
	testutil_assert_near(stats_t_cdf(2.042, 30), 0.975, 1e-4);
	/* Symmetry and round trip with the quantile. */
	for (double df = 1; df <= 1000; df *= 2.5) {
		for (double p = 0.01; p < 1; p += 0.07) {
			double t = stats_t_quantile(p, df);

			testutil_assert_near(stats_t_cdf(t, df), p, 1e-10);
			testutil_assert_near(stats_t_cdf(-t, df), 1 - p, 1e-10);
		}
	}
	/* Tends to the normal. */
	testutil_assert_near(stats_t_cdf(1.959964, 1e7), 0.975, 1e-6);
}

/* Respondents: `count` copies of vals[0..k). */
static void add_n(struct score_acc *acc, const uint8_t *vals, int count)
{
	for (int i = 0; i < count; i++)
		score_acc_add(acc, vals);
}

static void compute_ok(const struct score_acc *acc, const struct instrument *in,
                       struct score_result *res)
{
	struct ikm_err err;

	if (score_compute(acc, in, res, &err) != 0)
		fail_msg("score_compute: %s", err.msg);
}

static void test_ci_constant(void **state)
{
	struct instrument in;
	struct score_result res;
	struct stats_ci ci;
	struct score_acc *acc = score_acc_new(9);
	const uint8_t r[9] = {3, 3, 4, 3, 3, 4, 3, 3, 2};

	(void)state;
	instr_standard(&in);
	add_n(acc, r, 50);
	compute_ok(acc, &in, &res);
	/* (3 * 6 + 4 * 2 + 2) / 9 = 28 / 9; IKM 77,78. */
	assert_int_equal(res.ikm_e2, 7778);
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 1);
	assert_true(ci.se == 0.0);
	assert_int_equal(ci.fpc, 0);
	assert_int_equal(ci.low_e2, 7778);
	assert_int_equal(ci.high_e2, 7778);
	assert_int_equal(ci.low_mutu, 'B');
	assert_int_equal(ci.high_mutu, 'B');
	assert_int_equal(ci.crosses, 0);
	testutil_assert_near(ci.t, 2.010, 1e-3); /* df 49 */
	score_acc_free(acc);
}

static void test_ci_not_available(void **state)
{
	struct instrument in;
	struct score_result res;
	struct stats_ci ci;
	struct score_acc *acc = score_acc_new(9);
	const uint8_t r[9] = {4, 3, 4, 3, 4, 3, 4, 3, 4};
	const uint8_t no8[9] = {4, 3, 4, 3, 4, 3, 4, 0, 4};

	(void)state;
	instr_standard(&in);
	add_n(acc, r, 1);
	compute_ok(acc, &in, &res);
	memset(&ci, 0x5a, sizeof(ci));
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 0);
	assert_true(ci.se == 0.0);
	assert_int_equal(ci.crosses, 0);
	score_acc_free(acc);

	/* Two respondents but U8 never answered: no index, no interval, and
	 * no division by zero. */
	acc = score_acc_new(9);
	add_n(acc, no8, 2);
	memset(&res, 0, sizeof(res));
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 0);
	score_acc_free(acc);

	/* An empty accumulator. */
	acc = score_acc_new(9);
	stats_ikm_ci(acc, &in, &res, 100, &ci);
	assert_int_equal(ci.available, 0);
	score_acc_free(acc);
}

/* A full-answer data set of n respondents whose answers follow a fixed
 * pattern; fills per-respondent IKM into ikm_i. */
static struct score_acc *full_data(int n, double *ikm_i)
{
	struct score_acc *acc = score_acc_new(9);

	for (int i = 0; i < n; i++) {
		uint8_t r[9];
		int s = 0;

		for (int j = 0; j < 9; j++) {
			r[j] = (uint8_t)(1 + (i * 5 + j * j + i / 3) % 4);
			if (r[j] == 1 && (i + j) % 2)
				r[j] = 4;
			s += r[j];
		}
		score_acc_add(acc, r);
		ikm_i[i] = 25.0 * s / 9.0;
	}
	return acc;
}

static void test_ci_full_answers_plain_se(void **state)
{
	enum { N = 31 };
	double ikm_i[N], mean = 0, ss = 0, se;
	struct instrument in;
	struct score_result res;
	struct stats_ci ci;
	struct score_acc *acc = full_data(N, ikm_i);

	(void)state;
	instr_standard(&in);
	compute_ok(acc, &in, &res);
	for (int i = 0; i < N; i++)
		mean += ikm_i[i];
	mean /= N;
	for (int i = 0; i < N; i++)
		ss += (ikm_i[i] - mean) * (ikm_i[i] - mean);
	se = sqrt(ss / (N - 1)) / sqrt((double)N);
	assert_true(se > 0.5);
	/* The IKM is the mean of per-respondent IKMs. */
	assert_int_equal(res.ikm_e2, (int64_t)floor(mean * 100 + 0.5));
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 1);
	testutil_assert_near(ci.se, se, 1e-9 * se);
	testutil_assert_near(ci.t, 2.042, 1e-3); /* df 30 */
	/* Bounds: mean -/+ t se, to within one hundredth of rounding. */
	assert_in_range(ci.low_e2, (int64_t)floor((mean - ci.t * se) * 100 + 0.5) - 1,
	                (int64_t)floor((mean - ci.t * se) * 100 + 0.5) + 1);
	assert_in_range(ci.high_e2, (int64_t)floor((mean + ci.t * se) * 100 + 0.5) - 1,
	                (int64_t)floor((mean + ci.t * se) * 100 + 0.5) + 1);
	assert_true(ci.low_e2 < res.ikm_e2 && res.ikm_e2 < ci.high_e2);

	/* Finite population: SE shrinks by sqrt(1 - n/N). */
	{
		struct stats_ci f;

		stats_ikm_ci(acc, &in, &res, 124, &f);
		assert_int_equal(f.fpc, 1);
		testutil_assert_near(f.se, se * sqrt(1 - 31.0 / 124.0), 1e-9 * se);
		assert_true(f.low_e2 >= ci.low_e2 && f.high_e2 <= ci.high_e2);
		/* A census has no sampling error. */
		stats_ikm_ci(acc, &in, &res, N, &f);
		assert_int_equal(f.fpc, 1);
		assert_true(f.se == 0.0);
		assert_int_equal(f.low_e2, res.ikm_e2);
		assert_int_equal(f.high_e2, res.ikm_e2);
		/* A population below n is treated as unknown. */
		stats_ikm_ci(acc, &in, &res, N - 1, &f);
		assert_int_equal(f.fpc, 0);
		testutil_assert_near(f.se, se, 1e-9 * se);
	}
	score_acc_free(acc);
}

static void test_ci_missing_linearised(void **state)
{
	/* Two elements, weights 1/2; respondent answers (0 = blank):
	 * (4,3) (3,0) (0,2) (4,4) (2,3). From method.md 5:
	 * u_i = 25 sum_j w_j I_ij (y_ij - NRR_j) n / n_j. */
	static const uint8_t rows[5][2] = {{4, 3}, {3, 0}, {0, 2}, {4, 4}, {2, 3}};
	struct instrument in;
	struct score_result res;
	struct stats_ci ci;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(2);
	double m1 = 13.0 / 4, m2 = 12.0 / 4, su2 = 0, se;

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1,U2", &err), 0);
	for (int i = 0; i < 5; i++)
		score_acc_add(acc, rows[i]);
	compute_ok(acc, &in, &res);
	/* IKM = 25 (13/4 + 3) / 2 = 78,125 -> 78,13. */
	assert_int_equal(res.ikm_e2, 7813);
	for (int i = 0; i < 5; i++) {
		double u = 0;

		if (rows[i][0])
			u += 0.5 * (rows[i][0] - m1) * 5 / 4;
		if (rows[i][1])
			u += 0.5 * (rows[i][1] - m2) * 5 / 4;
		u *= 25;
		su2 += u * u;
	}
	se = sqrt(su2 / (5.0 * 4.0));
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 1);
	testutil_assert_near(ci.se, se, 1e-12 * se);
	/* By hand: u = 25 * 5/8 * (0,75; -0,25; -1; 1,75; -1,25);
	 * sum u^2 = (125/8)^2 * 6,25 = 1525,88..; se^2 = 76,29... */
	testutil_assert_near(ci.se * ci.se, (125.0 / 8) * (125.0 / 8) * 6.25 / 20, 1e-9);
	testutil_assert_near(ci.t, 2.776, 1e-3);
	score_acc_free(acc);
}

static void test_ci_crosses(void **state)
{
	struct instrument in;
	struct score_result res;
	struct stats_ci ci;
	struct score_acc *acc = score_acc_new(9);
	const uint8_t four[9] = {4, 4, 4, 4, 4, 4, 4, 4, 4};
	const uint8_t three[9] = {3, 3, 3, 3, 3, 3, 3, 3, 3};

	(void)state;
	instr_standard(&in);
	/* 11 x 100 and 9 x 75: IKM 88,75 A, s = 12,76, se = 2,853,
	 * t(19) = 2,093: [82,78; 94,72] straddles 88,31. */
	add_n(acc, four, 11);
	add_n(acc, three, 9);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 8875);
	assert_int_equal(res.mutu, 'A');
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 1);
	testutil_assert_near(ci.se, 25 * sqrt(0.55 * 0.45 / 19), 1e-9);
	assert_in_range(ci.low_e2, 8277, 8279);
	assert_in_range(ci.high_e2, 9471, 9473);
	assert_int_equal(ci.low_mutu, 'B');
	assert_int_equal(ci.high_mutu, 'A');
	assert_int_equal(ci.crosses, 1);
	score_acc_free(acc);

	/* 99 x 100 and 1 x 75: IKM 99,75, s = 2,5, se = 0,25, t(99) = 1,984:
	 * [99,25; 100,25] clamped to 100,00; no boundary crossed. */
	acc = score_acc_new(9);
	add_n(acc, four, 99);
	add_n(acc, three, 1);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 9975);
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	testutil_assert_near(ci.se, 0.25, 1e-12);
	assert_int_equal(ci.low_e2, 9925);
	assert_int_equal(ci.high_e2, 10000);
	assert_int_equal(ci.crosses, 0);
	score_acc_free(acc);

	/* All 1: the lower bound never goes below 25,00. */
	acc = score_acc_new(9);
	{
		const uint8_t one[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
		const uint8_t two[9] = {2, 2, 2, 2, 2, 2, 2, 2, 2};

		add_n(acc, one, 3);
		add_n(acc, two, 1);
	}
	compute_ok(acc, &in, &res);
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.low_e2, 2500);
	assert_int_equal(ci.low_mutu, 'D');
	assert_int_equal(ci.crosses, 0);
	score_acc_free(acc);
}

static void test_ci_zero_width_at_tie(void **state)
{
	/* Every respondent answers U1 = 4, U2 = 3 with weights 0,0642 and
	 * 0,9358: NI is exactly 3,0642 and IKM exactly 76,605 -> 76,61 B, with
	 * no spread at all. The interval must be [76,61; 76,61], not a
	 * floating-point 76,60 (C) that reads as "crosses a boundary". The
	 * same for 64,995 -> 65,00 C. */
	struct instrument in;
	struct score_result res;
	struct stats_ci ci;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(2);
	const uint8_t r43[2] = {4, 3}, r32[2] = {3, 2};

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1@0.0642,U2@0.9358", &err), 0);
	add_n(acc, r43, 10);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 7661);
	assert_int_equal(res.mutu, 'B');
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.available, 1);
	assert_true(ci.se == 0.0);
	assert_int_equal(ci.low_e2, 7661);
	assert_int_equal(ci.high_e2, 7661);
	assert_int_equal(ci.low_mutu, 'B');
	assert_int_equal(ci.crosses, 0);
	score_acc_free(acc);

	assert_int_equal(instr_parse_spec(&in, "U1@0.5998,U2@0.4002", &err), 0);
	acc = score_acc_new(2);
	add_n(acc, r32, 4);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 6500);
	assert_int_equal(res.mutu, 'C');
	stats_ikm_ci(acc, &in, &res, 0, &ci);
	assert_int_equal(ci.low_e2, 6500);
	assert_int_equal(ci.high_e2, 6500);
	assert_int_equal(ci.crosses, 0);
	score_acc_free(acc);
}

static void test_element_se(void **state)
{
	struct score_acc *acc = score_acc_new(2);
	const uint8_t rows[5][2] = {{4, 3}, {3, 0}, {2, 3}, {4, 3}, {3, 3}};

	(void)state;
	for (int i = 0; i < 5; i++)
		score_acc_add(acc, rows[i]);
	/* Element 1: 4,3,2,4,3: mean 3,2, s^2 = 2,8/4 = 0,7; se = 25 sqrt(0,7/5). */
	testutil_assert_near(stats_element_se(acc, 0, 0), 25 * sqrt(0.7 / 5), 1e-12);
	/* With N = 10: factor 1 - 5/10. */
	testutil_assert_near(stats_element_se(acc, 0, 10), 25 * sqrt(0.7 / 5 * 0.5), 1e-12);
	/* Element 2: four answers all 3: no spread. */
	testutil_assert_near(stats_element_se(acc, 1, 0), 0, 0);
	score_acc_free(acc);
	acc = score_acc_new(1);
	score_acc_add(acc, (const uint8_t[]){4});
	testutil_assert_near(stats_element_se(acc, 0, 0), 0, 0);
	score_acc_free(acc);
}

static void test_change(void **state)
{
	struct stats_change c;

	(void)state;
	/* 90,00 -> 92,50 with SEs 1 and 1: se 1,414, z 1,77: not real. */
	stats_change(9000, 1.0, 9250, 1.0, &c);
	assert_int_equal(c.available, 1);
	assert_int_equal(c.diff_e2, 250);
	testutil_assert_near(c.se, sqrt(2.0), 1e-12);
	testutil_assert_near(c.z, 2.5 / sqrt(2.0), 1e-12);
	assert_int_equal(c.real, 0);
	/* 2,5 +- 1,96 * 1,414 = [-0,27; 5,27]. */
	assert_int_equal(c.low_e2, -27);
	assert_int_equal(c.high_e2, 527);
	/* A drop of 3,00 with SEs 0,6 and 0,8 (se 1): real. */
	stats_change(8000, 0.6, 7700, 0.8, &c);
	assert_int_equal(c.diff_e2, -300);
	testutil_assert_near(c.se, 1.0, 1e-12);
	assert_int_equal(c.real, 1);
	/* Unknown spread: no verdict. */
	stats_change(8000, 0, 7700, 0.8, &c);
	assert_int_equal(c.available, 0);
	assert_int_equal(c.real, 0);
	assert_int_equal(c.diff_e2, -300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_norm_quantile),
	    cmocka_unit_test(test_t_quantile_table),
	    cmocka_unit_test(test_t_quantile_large_df),
	    cmocka_unit_test(test_t_cdf),
	    cmocka_unit_test(test_ci_constant),
	    cmocka_unit_test(test_ci_not_available),
	    cmocka_unit_test(test_ci_full_answers_plain_se),
	    cmocka_unit_test(test_ci_missing_linearised),
	    cmocka_unit_test(test_ci_crosses),
	    cmocka_unit_test(test_ci_zero_width_at_tie),
	    cmocka_unit_test(test_element_se),
	    cmocka_unit_test(test_change),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
