/* Unit tests of src/core/idfmt.c: Indonesian (decimal comma, thousands dot)
 * and machine (decimal point) number formatting (method.md section 2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "idfmt.h"

static void test_fixed_id(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 9689, 2), "96,89");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 38756, 4), "3,8756");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 100000000, 2), "1.000.000,00");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 10000, 2), "100,00");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 2500, 2), "25,00");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 384, 2), "3,84");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 5, 2), "0,05");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 0, 2), "0,00");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 12345000, 4), "1.234,5000");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 99999999, 2), "999.999,99");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 123456, 0), "123.456");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 31111, 4), "3,1111");
	/* The returned pointer is buf. */
	assert_ptr_equal(idfmt_fixed(buf, sizeof(buf), 1, 1), buf);
	assert_string_equal(buf, "0,1");
}

static void test_fixed_machine(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), 9689, 2), "96.89");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), 38756, 4), "3.8756");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), 100000000, 2), "1000000.00");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), 12345000, 4), "1234.5000");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), 7, 3), "0.007");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), 5000000, 0), "5000000");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), -9689, 2), "-96.89");
}

static void test_int(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(idfmt_int(buf, sizeof(buf), 5000000), "5.000.000");
	assert_string_equal(idfmt_int(buf, sizeof(buf), 0), "0");
	assert_string_equal(idfmt_int(buf, sizeof(buf), 999), "999");
	assert_string_equal(idfmt_int(buf, sizeof(buf), 1000), "1.000");
	assert_string_equal(idfmt_int(buf, sizeof(buf), 12345), "12.345");
	assert_string_equal(idfmt_int(buf, sizeof(buf), 250), "250");
	assert_string_equal(idfmt_int(buf, sizeof(buf), INT64_MAX), "9.223.372.036.854.775.807");
}

static void test_negative(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), -9689, 2), "-96,89");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), -5, 2), "-0,05");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), -100000000, 2), "-1.000.000,00");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), -123, 4), "-0,0123");
	assert_string_equal(idfmt_int(buf, sizeof(buf), -5000000), "-5.000.000");
	assert_string_equal(idfmt_int(buf, sizeof(buf), -1), "-1");
	assert_string_equal(idfmt_int(buf, sizeof(buf), INT64_MIN), "-9.223.372.036.854.775.808");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), INT64_MIN, 2), "-92233720368547758.08");
}

static void test_decimals_limit(void **state)
{
	char buf[64];

	(void)state;
	/* 18 decimals is the most an int64_t can carry; more are clamped
	 * (10^19 overflowed), fewer than 0 mean none. */
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 5, 18), "0,000000000000000005");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 5, 19), "0,000000000000000005");
	assert_string_equal(idfmt_fixed_c(buf, sizeof(buf), INT64_MAX, 40), "9.223372036854775807");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 1234, -1), "1.234");
	assert_string_equal(idfmt_fixed(buf, sizeof(buf), 1234, 0), "1.234");
}

static void test_truncation(void **state)
{
	char buf[6];

	(void)state;
	/* snprintf semantics: truncated and always terminated. */
	memset(buf, 'x', sizeof(buf));
	idfmt_fixed(buf, sizeof(buf), 100000000, 2);
	assert_string_equal(buf, "1.000");
	idfmt_int(buf, sizeof(buf), 5000000);
	assert_string_equal(buf, "5.000");
	idfmt_fixed(buf, 1, 9689, 2);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fixed_id),
	    cmocka_unit_test(test_fixed_machine),
	    cmocka_unit_test(test_int),
	    cmocka_unit_test(test_negative),
	    cmocka_unit_test(test_decimals_limit),
	    cmocka_unit_test(test_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
