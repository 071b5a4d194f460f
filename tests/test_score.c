/* Unit tests of src/core/score.c (and exact.c): the public cases of
 * method.md section 9 and the exact-arithmetic rules of section 2. Every
 * expected value is worked out by hand from method.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exact.h"
#include "instrument.h"
#include "score.h"

/* Add `count` copies of the response vals[0..k). */
static void add_n(struct score_acc *acc, const uint8_t *vals, int count)
{
	for (int i = 0; i < count; i++)
		score_acc_add(acc, vals);
}

/* One response with every one of k answers equal to v. */
static void add_all(struct score_acc *acc, int k, uint8_t v, int count)
{
	uint8_t vals[INSTR_MAX_ELEMENTS];

	memset(vals, v, sizeof(vals));
	(void)k;
	add_n(acc, vals, count);
}

static void compute_ok(const struct score_acc *acc, const struct instrument *in,
                       struct score_result *res)
{
	struct ikm_err err;

	err_clear(&err);
	if (score_compute(acc, in, res, &err) != 0)
		fail_msg("score_compute failed: %s", err.msg);
	assert_int_equal(err.kind, IKM_OK);
}

static void test_all_four(void **state)
{
	struct instrument in;
	struct score_result res;
	struct score_acc *acc = score_acc_new(9);

	(void)state;
	instr_standard(&in);
	add_all(acc, 9, 4, 1);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.respondents, 1);
	assert_int_equal(res.k, 9);
	assert_int_equal(res.ni_e4, 40000);
	assert_int_equal(res.ikm_e2, 10000);
	assert_int_equal(res.mutu, 'A');
	assert_string_equal(res.kinerja, "Sangat Baik");
	assert_string_equal(res.kinerja_en, "Very good");
	assert_int_equal(res.mean_nrr_e4, 40000);
	for (int j = 0; j < 9; j++) {
		assert_int_equal(res.el[j].answered, 1);
		assert_int_equal(res.el[j].sum, 4);
		assert_int_equal(res.el[j].nrr_e4, 40000);
		assert_int_equal(res.el[j].nrr_e2, 400);
		assert_int_equal(res.el[j].ikm_e2, 10000);
		assert_int_equal(res.el[j].mutu, 'A');
	}
	assert_int_equal(res.nbelow, 0);
	assert_int_equal(res.nweak, 0);
	score_acc_free(acc);
}

static void test_all_one(void **state)
{
	struct instrument in;
	struct score_result res;
	struct score_acc *acc = score_acc_new(9);

	(void)state;
	instr_standard(&in);
	add_all(acc, 9, 1, 7);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.respondents, 7);
	assert_int_equal(res.ni_e4, 10000);
	assert_int_equal(res.ikm_e2, 2500);
	assert_int_equal(res.mutu, 'D');
	assert_string_equal(res.kinerja, "Tidak Baik");
	/* Every element is graded D, so every element is weak. */
	assert_int_equal(res.nweak, 9);
	for (int j = 0; j < 9; j++) {
		assert_int_equal(res.el[j].ikm_e2, 2500);
		assert_int_equal(res.el[j].mutu, 'D');
		assert_int_equal(res.weak[j], j);
	}
	score_acc_free(acc);
}

static void test_missing_answer(void **state)
{
	struct instrument in;
	struct score_result res;
	struct score_acc *acc = score_acc_new(9);
	uint8_t r[9] = {4, 3, 3, 3, 3, 3, 3, 3, 3};

	(void)state;
	instr_standard(&in);
	add_n(acc, r, 2);
	r[0] = 0; /* U1 blank */
	add_n(acc, r, 1);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.respondents, 3);
	assert_int_equal(res.el[0].answered, 2);
	assert_int_equal(res.el[0].sum, 8);
	assert_int_equal(res.el[0].nrr_e4, 40000);
	for (int j = 1; j < 9; j++) {
		assert_int_equal(res.el[j].answered, 3);
		assert_int_equal(res.el[j].nrr_e4, 30000);
		assert_int_equal(res.el[j].ikm_e2, 7500);
		assert_int_equal(res.el[j].mutu, 'C');
	}
	/* NI = (4 + 8 * 3) / 9 = 28/9 = 3,1111; IKM = 700/9 = 77,78. */
	assert_int_equal(res.ni_e4, 31111);
	assert_int_equal(res.ikm_e2, 7778);
	assert_int_equal(res.mutu, 'B');
	assert_string_equal(res.kinerja, "Baik");
	score_acc_free(acc);
}

static void test_ten_elements(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(10);
	uint8_t r[10] = {3, 3, 3, 3, 3, 3, 3, 3, 3, 4};

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1-U9,U10=Kebersihan", &err), 0);
	add_n(acc, r, 5);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ni_e4, 31000);
	assert_int_equal(res.ikm_e2, 7750);
	assert_int_equal(res.mutu, 'B');
	assert_int_equal(res.el[9].nrr_e4, 40000);
	assert_int_equal(res.mean_nrr_e4, 31000);
	assert_int_equal(res.nbelow, 9);
	score_acc_free(acc);
}

/* Single element "U1", 10000 respondents: `hi` answers of value v+1 and
 * the rest v, so NRR = v + hi / 10000 exactly. */
static void one_element(int v, int hi, int64_t *ikm_e2, char *mutu, int64_t *ni_e4)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(1);
	uint8_t a = (uint8_t)(v + 1), b = (uint8_t)v;

	assert_int_equal(instr_parse_spec(&in, "U1", &err), 0);
	assert_int_equal(in.k, 1);
	add_n(acc, &a, hi);
	add_n(acc, &b, 10000 - hi);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.respondents, 10000);
	*ikm_e2 = res.ikm_e2;
	*mutu = res.mutu;
	*ni_e4 = res.ni_e4;
	score_acc_free(acc);
}

static void test_boundaries(void **state)
{
	int64_t ikm, ni;
	char mutu;

	(void)state;
	/* NI 3,5322: 25 * 3,5322 = 88,305 -> 88,31 A. */
	one_element(3, 5322, &ikm, &mutu, &ni);
	assert_int_equal(ni, 35322);
	assert_int_equal(ikm, 8831);
	assert_int_equal(mutu, 'A');
	/* NI 3,0642: 76,605 -> 76,61 B. */
	one_element(3, 642, &ikm, &mutu, &ni);
	assert_int_equal(ni, 30642);
	assert_int_equal(ikm, 7661);
	assert_int_equal(mutu, 'B');
	/* NI 2,5998: 64,995 -> 65,00 C. */
	one_element(2, 5998, &ikm, &mutu, &ni);
	assert_int_equal(ni, 25998);
	assert_int_equal(ikm, 6500);
	assert_int_equal(mutu, 'C');
	/* One below each: 3,5321 -> 88,3025 -> 88,30 B; 2,5997 -> 64,9925 D. */
	one_element(3, 5321, &ikm, &mutu, &ni);
	assert_int_equal(ikm, 8830);
	assert_int_equal(mutu, 'B');
	one_element(3, 641, &ikm, &mutu, &ni);
	assert_int_equal(ikm, 7660);
	assert_int_equal(mutu, 'C');
	one_element(2, 5997, &ikm, &mutu, &ni);
	assert_int_equal(ikm, 6499);
	assert_int_equal(mutu, 'D');
}

static void test_exact_rounding_87875(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(1);
	uint8_t four = 4, three = 3;

	(void)state;
	/* NRR = (515 * 4 + 485 * 3) / 1000 = 3,515; IKM = 87,875 -> 87,88. */
	assert_int_equal(instr_parse_spec(&in, "U1", &err), 0);
	add_n(acc, &four, 515);
	add_n(acc, &three, 485);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.el[0].sum, 3515);
	assert_int_equal(res.el[0].nrr_e4, 35150);
	assert_int_equal(res.el[0].nrr_e2, 352); /* 3,515 -> 3,52 half-up */
	assert_int_equal(res.ikm_e2, 8788);
	assert_int_equal(res.el[0].ikm_e2, 8788);
	assert_int_equal(res.mutu, 'B');
	score_acc_free(acc);

	/* The same 87,875 reached through nine elements with weights 1/9:
	 * NRR sum 31,635 = 8 * 3,5 + 3,635 (U9: 635 fours, 365 threes of 1000;
	 * U1..U8: 500 fours, 500 threes). */
	instr_standard(&in);
	acc = score_acc_new(9);
	for (int i = 0; i < 1000; i++) {
		uint8_t r[9];

		for (int j = 0; j < 8; j++)
			r[j] = i < 500 ? 4 : 3;
		r[8] = i < 635 ? 4 : 3;
		score_acc_add(acc, r);
	}
	compute_ok(acc, &in, &res);
	/* NI = 31,635 / 9 = 3,515; IKM = 87,875 exactly. */
	assert_int_equal(res.ni_e4, 35150);
	assert_int_equal(res.ikm_e2, 8788);
	score_acc_free(acc);
}

static void test_legacy_weights(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(9);

	(void)state;
	add_all(acc, 9, 4, 3);
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0.11", &err), 0);
	compute_ok(acc, &in, &res);
	/* 9 * 0,11 * 4 * 25 = 99,00. */
	assert_int_equal(res.ni_e4, 39600);
	assert_int_equal(res.ikm_e2, 9900);
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0,111", &err), 0);
	compute_ok(acc, &in, &res);
	/* 9 * 0,111 * 4 * 25 = 99,90. */
	assert_int_equal(res.ni_e4, 39960);
	assert_int_equal(res.ikm_e2, 9990);
	score_acc_free(acc);
}

static void test_legacy_misgrades(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(9);

	(void)state;
	/* 100 respondents, 56 all-4 and 44 all-3: every NRR 3,56, true IKM
	 * 89,00 (A). With 0,11: 9 * 0,11 * 3,56 * 25 = 88,11 (B). */
	add_all(acc, 9, 4, 56);
	add_all(acc, 9, 3, 44);
	instr_standard(&in);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 8900);
	assert_int_equal(res.mutu, 'A');
	assert_int_equal(instr_set_legacy(&in, "0.11", &err), 0);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 8811);
	assert_int_equal(res.mutu, 'B');
	/* 0,111: 9 * 0,111 * 3,56 * 25 = 88,911 -> 88,91, still A. */
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0.111", &err), 0);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ikm_e2, 8891);
	assert_int_equal(res.mutu, 'A');
	score_acc_free(acc);
}

/* Read a field of the demo CSV: answers are plain digits in fields 8..16. */
static int parse_answer(const char *s, size_t len)
{
	char buf[8];
	char *end;
	long v;

	if (len == 0)
		return 0;
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > 4)
		return -1;
	return (int)v;
}

static void test_seed_demo(void **state)
{
	char path[1024], line[4096];
	const char *top = getenv("IKM_TOP");
	struct instrument in;
	struct score_result res;
	struct score_acc *acc = score_acc_new(9);
	FILE *f;
	int rows = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/examples/mojokerto-2022-s1-demo.csv", top ? top : ".");
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s (run from the repository top or set IKM_TOP)", path);
	assert_non_null(fgets(line, sizeof(line), f)); /* header */
	assert_non_null(strstr(line, "U1,U2,U3,U4,U5,U6,U7,U8,U9"));
	while (fgets(line, sizeof(line), f) != NULL) {
		uint8_t vals[9];
		const char *p = line;

		if (line[0] == '\n' || line[0] == '\0')
			continue;
		/* Fields 1..16 hold no quotes or commas; U1..U9 are 8..16. */
		for (int field = 1; field <= 16; field++) {
			const char *c = strchr(p, ',');
			size_t len;

			assert_non_null(c);
			len = (size_t)(c - p);
			if (field >= 8) {
				int v = parse_answer(p, len);

				assert_true(v >= 0);
				vals[field - 8] = (uint8_t)v;
			}
			p = c + 1;
		}
		score_acc_add(acc, vals);
		rows++;
	}
	fclose(f);
	assert_int_equal(rows, 250);
	instr_standard(&in);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.respondents, 250);
	assert_int_equal(res.ikm_e2, 9689);
	assert_int_equal(res.ni_e4, 38756);
	assert_int_equal(res.mutu, 'A');
	assert_string_equal(res.kinerja, "Sangat Baik");
	assert_int_equal(res.mean_nrr_e4, 38756);
	assert_int_equal(res.nbelow, 2);
	assert_int_equal(res.below[0], 6); /* U7 perilaku */
	assert_int_equal(res.below[1], 8); /* U9 pengaduan */
	assert_int_equal(res.el[6].nrr_e2, 384);
	assert_int_equal(res.el[6].nrr_e4, 38400);
	assert_int_equal(res.el[8].nrr_e2, 386);
	assert_int_equal(res.el[3].nrr_e2, 390); /* biaya */
	assert_int_equal(res.el[0].nrr_e2, 388);
	assert_int_equal(res.el[6].ikm_e2, 9600);
	assert_int_equal(res.nweak, 0);
	/* Lowest three: U7 3,84, U9 3,86, then U1 (first of the 3,88 ties). */
	assert_int_equal(res.nlowest, 3);
	assert_int_equal(res.lowest[0], 6);
	assert_int_equal(res.lowest[1], 8);
	assert_int_equal(res.lowest[2], 0);
	assert_int_equal(res.el[6].rank, 1);
	assert_int_equal(res.el[3].rank, 9);
	score_acc_free(acc);
}

static void test_errors(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(9);
	uint8_t empty[9] = {0};
	uint8_t r[9] = {4, 4, 4, 4, 4, 4, 4, 0, 4};

	(void)state;
	instr_standard(&in);
	/* No respondent at all. */
	err_clear(&err);
	assert_int_equal(score_compute(acc, &in, &res, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	/* Responses without any answer are not respondents. */
	add_n(acc, empty, 5);
	assert_int_equal(score_acc_respondents(acc), 0);
	err_clear(&err);
	assert_int_equal(score_compute(acc, &in, &res, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	/* An element nobody answered (U8). */
	add_n(acc, r, 3);
	err_clear(&err);
	assert_int_equal(score_compute(acc, &in, &res, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_non_null(strstr(err.msg, "U8"));
	/* Instrument and accumulator disagree on k. */
	assert_int_equal(instr_parse_spec(&in, "U1-U10", &err), 0);
	err_clear(&err);
	assert_int_equal(score_compute(acc, &in, &res, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	/* err may be NULL. */
	assert_int_equal(score_compute(acc, &in, &res, NULL), -1);
	score_acc_free(acc);
	score_acc_free(NULL);
}

static void test_acc_counts(void **state)
{
	struct score_acc *acc = score_acc_new(3);
	const uint8_t r1[3] = {4, 2, 0}, r2[3] = {4, 3, 1}, r3[3] = {0, 2, 1};

	(void)state;
	assert_int_equal(score_acc_k(acc), 3);
	score_acc_add(acc, r1);
	score_acc_add(acc, r2);
	score_acc_add(acc, r3);
	assert_int_equal(score_acc_respondents(acc), 3);
	assert_int_equal(score_acc_answered(acc, 0), 2);
	assert_int_equal(score_acc_sum(acc, 0), 8);
	assert_int_equal(score_acc_answered(acc, 1), 3);
	assert_int_equal(score_acc_sum(acc, 1), 7);
	assert_int_equal(score_acc_answered(acc, 2), 2);
	assert_int_equal(score_acc_sum(acc, 2), 2);
	/* Pairs: (U1=4, U2=2) once, (U1=4, U2=3) once; symmetric. */
	assert_int_equal(score_acc_pair(acc, 0, 1, 4, 2), 1);
	assert_int_equal(score_acc_pair(acc, 1, 0, 2, 4), 1);
	assert_int_equal(score_acc_pair(acc, 0, 1, 2, 4), 0);
	assert_int_equal(score_acc_pair(acc, 0, 1, 4, 3), 1);
	assert_int_equal(score_acc_pair(acc, 1, 2, 2, 1), 1);
	assert_int_equal(score_acc_pair(acc, 2, 1, 1, 2), 1);
	assert_int_equal(score_acc_pair(acc, 1, 2, 3, 1), 1);
	assert_int_equal(score_acc_pair(acc, 0, 2, 4, 1), 1);
	assert_int_equal(score_acc_pair(acc, 2, 0, 1, 4), 1);
	/* The diagonal counts single answers only. */
	assert_int_equal(score_acc_pair(acc, 1, 1, 2, 2), 2);
	assert_int_equal(score_acc_pair(acc, 1, 1, 2, 3), 0);
	assert_int_equal(score_acc_pair(acc, 0, 0, 4, 4), 2);
	score_acc_free(acc);
}

static void test_merge(void **state)
{
	struct instrument in;
	struct score_result whole, merged;
	struct score_acc *all = score_acc_new(9), *a = score_acc_new(9), *b = score_acc_new(9);
	struct score_acc *empty = score_acc_new(9);

	(void)state;
	instr_standard(&in);
	for (int i = 0; i < 60; i++) {
		uint8_t r[9];

		for (int j = 0; j < 9; j++)
			r[j] = (uint8_t)((i * 7 + j * 3 + i / 5) % 5); /* 0..4, 0 = blank */
		score_acc_add(all, r);
		score_acc_add(i % 3 == 0 ? a : b, r);
	}
	score_acc_merge(a, b);
	score_acc_merge(a, empty);
	assert_int_equal(score_acc_respondents(a), score_acc_respondents(all));
	for (int j = 0; j < 9; j++) {
		for (int l = 0; l < 9; l++) {
			for (int x = 1; x <= 4; x++) {
				for (int y = 1; y <= 4; y++)
					assert_int_equal(score_acc_pair(a, j, l, x, y),
					                 score_acc_pair(all, j, l, x, y));
			}
		}
	}
	compute_ok(all, &in, &whole);
	compute_ok(a, &in, &merged);
	assert_int_equal(merged.ikm_e2, whole.ikm_e2);
	assert_int_equal(merged.ni_e4, whole.ni_e4);
	assert_int_equal(merged.respondents, whole.respondents);
	/* Merging into an empty accumulator copies. */
	score_acc_merge(empty, all);
	compute_ok(empty, &in, &merged);
	assert_int_equal(merged.ikm_e2, whole.ikm_e2);
	score_acc_free(all);
	score_acc_free(a);
	score_acc_free(b);
	score_acc_free(empty);
}

static void test_merge_hand_values(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *a = score_acc_new(2), *b = score_acc_new(2);
	const uint8_t r44[2] = {4, 4}, r31[2] = {3, 1}, r02[2] = {0, 2};

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1,U2", &err), 0);
	score_acc_add(a, r44);
	score_acc_add(b, r31);
	score_acc_add(b, r02);
	score_acc_merge(a, b);
	compute_ok(a, &in, &res);
	/* U1: (4 + 3) / 2 = 3,5; U2: (4 + 1 + 2) / 3 = 2,3333;
	 * NI = (3,5 + 7/3) / 2 = 35/12 = 2,916666..; IKM = 72,916.. -> 72,92. */
	assert_int_equal(res.respondents, 3);
	assert_int_equal(res.el[0].nrr_e4, 35000);
	assert_int_equal(res.el[1].nrr_e4, 23333);
	assert_int_equal(res.ni_e4, 29167);
	assert_int_equal(res.ikm_e2, 7292);
	assert_int_equal(res.mutu, 'C');
	assert_int_equal(res.el[1].ikm_e2, 5833);
	assert_int_equal(res.el[1].mutu, 'D');
	assert_int_equal(res.nweak, 1);
	assert_int_equal(res.weak[0], 1);
	score_acc_free(a);
	score_acc_free(b);
}

static void test_thirty_elements(void **state)
{
	enum { K = INSTR_MAX_ELEMENTS, N = 97 };
	static uint8_t rows[N][K];
	uint64_t n[K] = {0}, sum[K] = {0}, resp = 0;
	struct instrument in;
	struct score_result res, res2;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(K), *a = score_acc_new(K), *b = score_acc_new(K);

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1-U30", &err), 0);
	for (int i = 0; i < N; i++) {
		int any = 0;

		for (int j = 0; j < K; j++) {
			rows[i][j] = (uint8_t)((i * 31 + j * 17 + (i * j) % 7) % 5);
			if (i % 13 == 5)
				rows[i][j] = 0; /* an empty response now and then */
			if (rows[i][j]) {
				n[j]++;
				sum[j] += rows[i][j];
				any = 1;
			}
		}
		resp += (uint64_t)any;
		score_acc_add(acc, rows[i]);
		score_acc_add(i < 40 ? a : b, rows[i]);
	}
	assert_int_equal(score_acc_respondents(acc), resp);
	for (int j = 0; j < K; j++) {
		assert_int_equal(score_acc_answered(acc, j), n[j]);
		assert_int_equal(score_acc_sum(acc, j), sum[j]);
	}
	/* Every pair table against a count over the rows. */
	for (int j = 0; j < K; j++) {
		for (int l = 0; l < K; l++) {
			uint64_t c[5][5] = {{0}};

			for (int i = 0; i < N; i++)
				c[rows[i][j]][rows[i][l]]++;
			for (int x = 1; x <= 4; x++) {
				for (int y = 1; y <= 4; y++) {
					uint64_t want = (j == l && x != y) ? 0 : c[x][y];

					if (score_acc_pair(acc, j, l, x, y) != want)
						fail_msg("pair (%d=%d, %d=%d): %llu, expected %llu",
						         j, x, l, y,
						         (unsigned long long)score_acc_pair(
							     acc, j, l, x, y),
						         (unsigned long long)want);
				}
			}
		}
	}
	compute_ok(acc, &in, &res);
	{
		/* IKM = 25/30 sum_j S_j / n_j exactly, half-up by hand. */
		mpq_t ikm, t;
		mpz_t z;

		mpq_inits(ikm, t, NULL);
		mpz_init(z);
		for (int j = 0; j < K; j++) {
			mpq_set_ui(t, (unsigned long)sum[j], (unsigned long)n[j]);
			mpq_canonicalize(t);
			mpq_add(ikm, ikm, t);
			/* NRR_j x 10^4 half-up = floor((2 * 10^4 S + n) / (2 n)). */
			assert_int_equal(res.el[j].nrr_e4,
			                 (int64_t)((20000 * sum[j] + n[j]) / (2 * n[j])));
		}
		mpq_set_ui(t, 2500, 30); /* 25/30 and x 100 for hundredths */
		mpq_canonicalize(t);
		mpq_mul(ikm, ikm, t);
		mpz_mul_ui(z, mpq_numref(ikm), 2);
		mpz_add(z, z, mpq_denref(ikm));
		mpz_fdiv_q(z, z, mpq_denref(ikm));
		mpz_fdiv_q_ui(z, z, 2);
		assert_int_equal(res.ikm_e2, mpz_get_si(z));
		mpz_clear(z);
		mpq_clears(ikm, t, NULL);
	}
	score_acc_merge(a, b);
	compute_ok(a, &in, &res2);
	assert_int_equal(res2.ikm_e2, res.ikm_e2);
	assert_int_equal(res2.ni_e4, res.ni_e4);
	assert_int_equal(res2.respondents, res.respondents);
	for (int j = 0; j < K; j++)
		assert_int_equal(res2.el[j].sum, res.el[j].sum);
	score_acc_free(acc);
	score_acc_free(a);
	score_acc_free(b);
}

static void test_custom_weights(void **state)
{
	struct instrument in;
	struct score_result res;
	struct ikm_err err;
	struct score_acc *acc = score_acc_new(2);
	const uint8_t r[2] = {4, 2};

	(void)state;
	/* NI = 0,75 * 4 + 0,25 * 2 = 3,5; IKM 87,50 B. */
	assert_int_equal(instr_parse_spec(&in, "U1@3/4,U2@0,25", &err), 0);
	score_acc_add(acc, r);
	compute_ok(acc, &in, &res);
	assert_int_equal(res.ni_e4, 35000);
	assert_int_equal(res.ikm_e2, 8750);
	assert_int_equal(res.mutu, 'B');
	/* The mean NRR stays unweighted: (4 + 2) / 2 = 3. */
	assert_int_equal(res.mean_nrr_e4, 30000);
	score_acc_free(acc);
}

static void test_exact_helpers(void **state)
{
	mpq_t q;

	(void)state;
	mpq_init(q);
	exact_set_ratio(q, 87875, 1000);
	assert_int_equal(exact_round(q, 2), 8788);
	assert_int_equal(exact_round(q, 1), 879);
	assert_int_equal(exact_round(q, 0), 88);
	assert_int_equal(exact_round(q, 3), 87875);
	exact_set_ratio(q, 700, 9); /* 77,777.. */
	assert_int_equal(exact_round(q, 2), 7778);
	exact_set_ratio(q, 0, 5);
	assert_int_equal(exact_round(q, 4), 0);
	exact_set_ratio(q, 1, 3);
	assert_int_equal(exact_round(q, 4), 3333);
	exact_set_ratio(q, 2, 3);
	assert_int_equal(exact_round(q, 4), 6667);
	/* Large values survive the import. */
	exact_set_ratio(q, UINT64_MAX, 1);
	assert_int_equal(mpz_cmp_ui(mpq_denref(q), 1), 0);
	assert_int_equal(mpz_sizeinbase(mpq_numref(q), 2), 64);
	/* Negative values: half rounds toward +infinity, as documented. */
	mpq_set_si(q, -87875, 1000);
	assert_int_equal(exact_round(q, 2), -8787);
	mpq_set_si(q, -87876, 1000);
	assert_int_equal(exact_round(q, 2), -8788);
	mpq_clear(q);
}

/* Packed responses (through the pattern cache) must count exactly as
 * unpacked ones: random data for every k up to SCORE_PACK_MAX_K, with far
 * more distinct patterns than cache entries (evictions), read in between
 * (flushes), merged from a packed source, and with blanks. */
static void test_packed_equals_unpacked(void **state)
{
	uint64_t x = 0x2545F4914F6CDD1DULL;

	(void)state;
	for (int k = 1; k <= SCORE_PACK_MAX_K; k++) {
		struct score_acc *a = score_acc_new(k), *b = score_acc_new(k);
		struct score_acc *c = score_acc_new(k);
		uint8_t vals[INSTR_MAX_ELEMENTS];

		for (int i = 0; i < 20000; i++) {
			for (int j = 0; j < k; j++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				/* Mostly 4s (repeats), some spread, some blanks. */
				vals[j] = (uint8_t)((x % 10) < 6 ? 4 : x % 5);
			}
			score_acc_add(a, vals);
			score_acc_add_packed(i % 3 ? b : c, score_pack(vals, k));
			if (i == 7777)
				(void)score_acc_answered(b, 0); /* a read flushes the cache */
		}
		score_acc_merge(b, c);
		assert_int_equal(score_acc_respondents(a), score_acc_respondents(b));
		for (int j = 0; j < k; j++)
			for (int l = 0; l < k; l++)
				for (int p = 1; p <= 4; p++)
					for (int q = 1; q <= 4; q++)
						assert_int_equal(score_acc_pair(a, j, l, p, q),
						                 score_acc_pair(b, j, l, p, q));
		/* Adding after a read keeps counting. */
		score_acc_add(a, vals);
		score_acc_add_packed(b, score_pack(vals, k));
		assert_int_equal(score_acc_sum(a, k - 1), score_acc_sum(b, k - 1));
		score_acc_free(a);
		score_acc_free(b);
		score_acc_free(c);
	}
}

/* score_acc_add_n(vals, n) counts like n calls of score_acc_add. */
static void test_add_n(void **state)
{
	const uint8_t rows[4][5] = {
	    {4, 4, 3, 0, 2}, {1, 2, 3, 4, 4}, {0, 0, 0, 0, 0}, {3, 3, 3, 3, 3}};
	const uint64_t times[4] = {5, 1, 7, 1000000};
	struct score_acc *a = score_acc_new(5), *b = score_acc_new(5);

	(void)state;
	for (int r = 0; r < 4; r++) {
		for (uint64_t t = 0; t < times[r]; t++)
			score_acc_add(a, rows[r]);
		score_acc_add_n(b, rows[r], times[r]);
	}
	score_acc_add_n(b, rows[0], 0); /* zero times: nothing */
	assert_int_equal(score_acc_respondents(b), 5 + 1 + 1000000);
	assert_int_equal(score_acc_respondents(a), score_acc_respondents(b));
	for (int j = 0; j < 5; j++)
		for (int l = 0; l < 5; l++)
			for (int p = 1; p <= 4; p++)
				for (int q = 1; q <= 4; q++)
					assert_int_equal(score_acc_pair(a, j, l, p, q),
					                 score_acc_pair(b, j, l, p, q));
	score_acc_free(a);
	score_acc_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_all_four),
	    cmocka_unit_test(test_all_one),
	    cmocka_unit_test(test_missing_answer),
	    cmocka_unit_test(test_ten_elements),
	    cmocka_unit_test(test_boundaries),
	    cmocka_unit_test(test_exact_rounding_87875),
	    cmocka_unit_test(test_legacy_weights),
	    cmocka_unit_test(test_legacy_misgrades),
	    cmocka_unit_test(test_seed_demo),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_acc_counts),
	    cmocka_unit_test(test_merge),
	    cmocka_unit_test(test_merge_hand_values),
	    cmocka_unit_test(test_thirty_elements),
	    cmocka_unit_test(test_custom_weights),
	    cmocka_unit_test(test_exact_helpers),
	    cmocka_unit_test(test_packed_equals_unpacked),
	    cmocka_unit_test(test_add_n),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
