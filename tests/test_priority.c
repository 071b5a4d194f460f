/* Unit tests of src/core/priority.c (method.md section 6): elements below the
 * mean NRR (exact), the lowest three, elements graded C or D, and ties in
 * questionnaire order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "priority.h"

/* A result with k elements whose NRR are sums[j] / ns[j]; the per-element
 * grade is set from 25 * NRR by the test's own table (method.md 3). */
static void make(struct score_result *res, int k, const uint64_t *sums, const uint64_t *ns)
{
	memset(res, 0, sizeof(*res));
	res->k = k;
	for (int j = 0; j < k; j++) {
		/* 25 * S / n in hundredths, half-up: (2500 S * 2 + n) / (2 n). */
		uint64_t e2 = (5000 * sums[j] + ns[j]) / (2 * ns[j]);

		res->el[j].sum = sums[j];
		res->el[j].answered = ns[j];
		res->el[j].ikm_e2 = (int64_t)e2;
		res->el[j].mutu = e2 >= 8831 ? 'A' : e2 >= 7661 ? 'B' : e2 >= 6500 ? 'C' : 'D';
		/* Poison the outputs, priority_mark must set every one. */
		res->el[j].rank = -1;
		res->el[j].below_mean = -1;
		res->el[j].lowest3 = 0;
		res->el[j].weak = -1;
	}
	res->nbelow = -1;
	res->nweak = -1;
	res->nlowest = -1;
}

static void test_seed_like(void **state)
{
	/* The seed: 3,88 x6, 3,90, 3,84 (U7), 3,86 (U9) of 250 answers. */
	const uint64_t s[9] = {970, 970, 970, 975, 970, 970, 960, 970, 965};
	const uint64_t n[9] = {250, 250, 250, 250, 250, 250, 250, 250, 250};
	struct score_result res;

	(void)state;
	make(&res, 9, s, n);
	priority_mark(&res);
	/* Mean = 8720 / 2250 = 3,87555.. -> 3,8756. */
	assert_int_equal(res.mean_nrr_e4, 38756);
	assert_int_equal(res.nbelow, 2);
	assert_int_equal(res.below[0], 6);
	assert_int_equal(res.below[1], 8);
	for (int j = 0; j < 9; j++)
		assert_int_equal(res.el[j].below_mean, j == 6 || j == 8);
	assert_int_equal(res.nlowest, 3);
	assert_int_equal(res.lowest[0], 6);
	assert_int_equal(res.lowest[1], 8);
	assert_int_equal(res.lowest[2], 0);
	assert_int_equal(res.nweak, 0);
	/* Ranks: 1 U7, 2 U9, 3..8 the 3,88 ties in order, 9 U4. */
	const int rank[9] = {3, 4, 5, 9, 6, 7, 1, 8, 2};

	for (int j = 0; j < 9; j++) {
		assert_int_equal(res.el[j].rank, rank[j]);
		assert_int_equal(res.el[j].weak, 0);
		assert_int_equal(res.el[j].lowest3, j == 6 || j == 8 || j == 0);
	}
}

static void test_below_mean_exact(void **state)
{
	/* NRR 10/3, 11/3, 4: the mean is exactly 11/3, so U2 is not below it
	 * (a floating mean may land a hair above 11/3). */
	const uint64_t s[3] = {10, 11, 12};
	const uint64_t n[3] = {3, 3, 3};
	struct score_result res;

	(void)state;
	make(&res, 3, s, n);
	priority_mark(&res);
	assert_int_equal(res.nbelow, 1);
	assert_int_equal(res.below[0], 0);
	assert_int_equal(res.el[1].below_mean, 0);
	assert_int_equal(res.mean_nrr_e4, 36667);

	/* Same NRR with different counts: 7/2 and 35/10 equal the mean 3,5. */
	const uint64_t s2[3] = {7, 35, 14};
	const uint64_t n2[3] = {2, 10, 4};

	make(&res, 3, s2, n2);
	priority_mark(&res);
	assert_int_equal(res.nbelow, 0);
	assert_int_equal(res.mean_nrr_e4, 35000);
	/* All tied: ranks follow questionnaire order. */
	for (int j = 0; j < 3; j++)
		assert_int_equal(res.el[j].rank, j + 1);

	/* One tenth of a thousandth below: 34999/10000 < 35/10. */
	const uint64_t s3[2] = {34999, 35001};
	const uint64_t n3[2] = {10000, 10000};

	make(&res, 2, s3, n3);
	priority_mark(&res);
	assert_int_equal(res.nbelow, 1);
	assert_int_equal(res.below[0], 0);
	assert_int_equal(res.mean_nrr_e4, 35000);
}

static void test_ties_keep_order(void **state)
{
	/* NRR: 3, 2, 3, 2, 4, 2 -> lowest three U2, U4, U6 (tied, in order). */
	const uint64_t s[6] = {3, 2, 3, 2, 4, 2};
	const uint64_t n[6] = {1, 1, 1, 1, 1, 1};
	struct score_result res;

	(void)state;
	make(&res, 6, s, n);
	priority_mark(&res);
	assert_int_equal(res.nlowest, 3);
	assert_int_equal(res.lowest[0], 1);
	assert_int_equal(res.lowest[1], 3);
	assert_int_equal(res.lowest[2], 5);
	assert_int_equal(res.el[1].rank, 1);
	assert_int_equal(res.el[3].rank, 2);
	assert_int_equal(res.el[5].rank, 3);
	assert_int_equal(res.el[0].rank, 4);
	assert_int_equal(res.el[2].rank, 5);
	assert_int_equal(res.el[4].rank, 6);
	/* Mean 16/6 = 2,6667: the three 2s are below. */
	assert_int_equal(res.nbelow, 3);
	assert_int_equal(res.below[0], 1);
	assert_int_equal(res.below[1], 3);
	assert_int_equal(res.below[2], 5);
	/* NRR 2 -> 50,00 D; NRR 3 -> 75,00 C: five weak elements. */
	assert_int_equal(res.nweak, 5);
	assert_int_equal(res.weak[0], 0);
	assert_int_equal(res.weak[1], 1);
	assert_int_equal(res.weak[2], 2);
	assert_int_equal(res.weak[3], 3);
	assert_int_equal(res.weak[4], 5);
	assert_int_equal(res.el[4].weak, 0);
}

static void test_lowest_three_of_few(void **state)
{
	const uint64_t s[2] = {4, 3};
	const uint64_t n[2] = {1, 1};
	struct score_result res;

	(void)state;
	make(&res, 2, s, n);
	priority_mark(&res);
	assert_int_equal(res.nlowest, 2);
	assert_int_equal(res.lowest[0], 1);
	assert_int_equal(res.lowest[1], 0);
	assert_int_equal(res.el[0].lowest3, 1);
	assert_int_equal(res.el[1].lowest3, 1);

	make(&res, 1, s, n);
	priority_mark(&res);
	assert_int_equal(res.nlowest, 1);
	assert_int_equal(res.lowest[0], 0);
	assert_int_equal(res.el[0].rank, 1);
	assert_int_equal(res.nbelow, 0);
	assert_int_equal(res.mean_nrr_e4, 40000);
}

static void test_weak_cd(void **state)
{
	/* NRR 3,0644 -> 76,61 B; 3,0640 -> 76,60 C; 2,5998 -> 65,00 C (half-up
	 * at 64,995); 2,5996 -> 64,99 D; 3,5324 -> 88,31 A. */
	const uint64_t s[5] = {30644, 30640, 25998, 25996, 35324};
	const uint64_t n[5] = {10000, 10000, 10000, 10000, 10000};
	struct score_result res;

	(void)state;
	make(&res, 5, s, n);
	assert_int_equal(res.el[0].mutu, 'B');
	assert_int_equal(res.el[1].mutu, 'C');
	assert_int_equal(res.el[2].mutu, 'C');
	assert_int_equal(res.el[3].mutu, 'D');
	assert_int_equal(res.el[4].mutu, 'A');
	priority_mark(&res);
	assert_int_equal(res.nweak, 3);
	assert_int_equal(res.weak[0], 1);
	assert_int_equal(res.weak[1], 2);
	assert_int_equal(res.weak[2], 3);
	assert_int_equal(res.el[0].weak, 0);
	assert_int_equal(res.el[4].weak, 0);
	assert_int_equal(res.lowest[0], 3);
	assert_int_equal(res.lowest[1], 2);
	assert_int_equal(res.lowest[2], 1);
}

static void test_thirty_elements(void **state)
{
	uint64_t s[INSTR_MAX_ELEMENTS], n[INSTR_MAX_ELEMENTS];
	struct score_result res;

	(void)state;
	/* Descending NRR 4 - j/30: ranks reverse the order. */
	for (int j = 0; j < INSTR_MAX_ELEMENTS; j++) {
		s[j] = (uint64_t)(120 - j);
		n[j] = 30;
	}
	make(&res, INSTR_MAX_ELEMENTS, s, n);
	priority_mark(&res);
	for (int j = 0; j < INSTR_MAX_ELEMENTS; j++)
		assert_int_equal(res.el[j].rank, INSTR_MAX_ELEMENTS - j);
	assert_int_equal(res.lowest[0], 29);
	assert_int_equal(res.lowest[1], 28);
	assert_int_equal(res.lowest[2], 27);
	/* Mean (120 + 91) / 2 / 30 = 3,51666..: j >= 15 are below. */
	assert_int_equal(res.nbelow, 15);
	assert_int_equal(res.below[0], 15);
	assert_int_equal(res.mean_nrr_e4, 35167);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_seed_like),       cmocka_unit_test(test_below_mean_exact),
	    cmocka_unit_test(test_ties_keep_order), cmocka_unit_test(test_lowest_three_of_few),
	    cmocka_unit_test(test_weak_cd),         cmocka_unit_test(test_thirty_elements),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
