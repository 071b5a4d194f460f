/* Unit tests of src/core/grade.c: the PermenPAN-RB 14/2017 grade table
 * (method.md section 3), graded on the IKM rounded to two decimals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "grade.h"

static void check(int64_t ikm_e2, char mutu, const char *kinerja)
{
	const struct grade *g = grade_of(ikm_e2);

	assert_non_null(g);
	if (g->mutu != mutu)
		fail_msg("IKM %lld: mutu %c, expected %c", (long long)ikm_e2, g->mutu, mutu);
	assert_string_equal(g->kinerja, kinerja);
}

static void test_cut_offs(void **state)
{
	(void)state;
	check(10000, 'A', "Sangat Baik");
	check(9689, 'A', "Sangat Baik");
	check(8831, 'A', "Sangat Baik");
	check(8830, 'B', "Baik");
	check(7661, 'B', "Baik");
	check(7660, 'C', "Kurang Baik");
	check(6500, 'C', "Kurang Baik");
	check(6499, 'D', "Tidak Baik");
	check(2500, 'D', "Tidak Baik");
}

static void test_outside_range(void **state)
{
	(void)state;
	/* Never NULL: below the lowest row is the last row. */
	check(2499, 'D', "Tidak Baik");
	check(0, 'D', "Tidak Baik");
	check(-100, 'D', "Tidak Baik");
	check(10001, 'A', "Sangat Baik");
	/* Not the 2004 table (A from 81,26). */
	check(8126, 'B', "Baik");
}

static void test_table(void **state)
{
	int n = 0;
	const struct grade *t = grade_table(&n);

	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(t[0].min_e2, 8831);
	assert_int_equal(t[0].mutu, 'A');
	assert_string_equal(t[0].kinerja_en, "Very good");
	assert_int_equal(t[1].min_e2, 7661);
	assert_int_equal(t[1].mutu, 'B');
	assert_int_equal(t[2].min_e2, 6500);
	assert_int_equal(t[2].mutu, 'C');
	assert_int_equal(t[3].min_e2, 2500);
	assert_int_equal(t[3].mutu, 'D');
	assert_string_equal(t[3].kinerja, "Tidak Baik");
	/* grade_of returns rows of the same table. */
	assert_ptr_equal(grade_of(9000), &t[0]);
	assert_ptr_equal(grade_of(7000), &t[2]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cut_offs),
	    cmocka_unit_test(test_outside_range),
	    cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
