/* Unit tests of src/core/sample.c: the Krejcie & Morgan minimum sample
 * (method.md section 4), checked against the published table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sample.h"

struct km {
	int64_t n, s;
};

/* Krejcie & Morgan (1970), Table 1, N -> S. */
static const struct km table[] = {
    {10, 10},     {15, 14},     {20, 19},     {25, 24},     {30, 28},     {35, 32},
    {40, 36},     {45, 40},     {50, 44},     {55, 48},     {60, 52},     {65, 56},
    {70, 59},     {75, 63},     {80, 66},     {85, 70},     {90, 73},     {95, 76},
    {100, 80},    {110, 86},    {120, 92},    {130, 97},    {140, 103},   {150, 108},
    {160, 113},   {170, 118},   {180, 123},   {190, 127},   {200, 132},   {210, 136},
    {220, 140},   {230, 144},   {240, 148},   {250, 152},   {260, 155},   {270, 159},
    {280, 162},   {290, 165},   {300, 169},   {320, 175},   {340, 181},   {360, 186},
    {380, 191},   {400, 196},   {420, 201},   {440, 205},   {460, 210},   {480, 214},
    {500, 217},   {550, 226},   {600, 234},   {650, 242},   {700, 248},   {750, 254},
    {800, 260},   {850, 265},   {900, 269},   {950, 274},   {1000, 278},  {1100, 285},
    {1200, 291},  {1300, 297},  {1400, 302},  {1500, 306},  {1600, 310},  {1700, 313},
    {1800, 317},  {1900, 320},  {2000, 322},  {2200, 327},  {2400, 331},  {2600, 335},
    {2800, 338},  {3000, 341},  {3500, 346},  {4000, 351},  {4500, 354},  {5000, 357},
    {6000, 361},  {7000, 364},  {8000, 367},  {9000, 368},  {10000, 370}, {15000, 375},
    {20000, 377}, {30000, 379}, {40000, 380}, {50000, 381}, {75000, 382}, {1000000, 384},
};

static void test_public_cases(void **state)
{
	(void)state;
	/* method.md sections 4 and 9. */
	assert_int_equal(sample_krejcie_morgan(10), 10);
	assert_int_equal(sample_krejcie_morgan(15), 14);
	assert_int_equal(sample_krejcie_morgan(50), 44);
	assert_int_equal(sample_krejcie_morgan(100), 80);
	assert_int_equal(sample_krejcie_morgan(300), 169);
	assert_int_equal(sample_krejcie_morgan(1000), 278);
	assert_int_equal(sample_krejcie_morgan(5000), 357);
	assert_int_equal(sample_krejcie_morgan(10000), 370);
	assert_int_equal(sample_krejcie_morgan(1000000), 384);
}

static void test_published_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		int64_t s = sample_krejcie_morgan(table[i].n);

		if (s != table[i].s)
			fail_msg("N = %lld: S = %lld, table says %lld", (long long)table[i].n,
			         (long long)s, (long long)table[i].s);
	}
}

static void test_formula_values(void **state)
{
	(void)state;
	/* Hand-computed from S = 3841 N / (10 (N - 1) + 3841), half-up:
	 * N = 1: 3841 / 3841 = 1; N = 2: 7682 / 3851 = 1,9948 -> 2;
	 * N = 100000: 384100000 / 1003831 = 382,63 -> 383 (not a table row:
	 * the table jumps from 75000 -> 382 to 1000000 -> 384);
	 * N = 10^12: 384,0999.. -> 384 (the limit is 384,1). */
	assert_int_equal(sample_krejcie_morgan(1), 1);
	assert_int_equal(sample_krejcie_morgan(2), 2);
	assert_int_equal(sample_krejcie_morgan(100000), 383);
	assert_int_equal(sample_krejcie_morgan(SAMPLE_MAX_POPULATION), 384);
	/* Ceiling would not reproduce the table: N = 15 is 57615 / 3981 =
	 * 14,47 (ceiling 15, table 14); N = 20 is 76820 / 4031 = 19,06. */
	assert_int_equal(sample_krejcie_morgan(15), 14);
	assert_int_equal(sample_krejcie_morgan(20), 19);
	/* N = 12: 46092 / 3951 = 11,666 -> 12. */
	assert_int_equal(sample_krejcie_morgan(12), 12);
}

static void test_monotone(void **state)
{
	int64_t prev = 0;

	(void)state;
	for (int64_t n = 1; n <= 20000; n++) {
		int64_t s = sample_krejcie_morgan(n);

		assert_true(s >= prev);
		assert_true(s <= n);
		prev = s;
	}
}

static void test_range_errors(void **state)
{
	(void)state;
	assert_int_equal(sample_krejcie_morgan(0), -1);
	assert_int_equal(sample_krejcie_morgan(-1), -1);
	assert_int_equal(sample_krejcie_morgan(INT64_MIN), -1);
	assert_int_equal(sample_krejcie_morgan(SAMPLE_MAX_POPULATION + 1), -1);
	assert_int_equal(sample_krejcie_morgan(INT64_MAX), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_public_cases),   cmocka_unit_test(test_published_table),
	    cmocka_unit_test(test_formula_values), cmocka_unit_test(test_monotone),
	    cmocka_unit_test(test_range_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
