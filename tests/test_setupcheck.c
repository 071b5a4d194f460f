/* Unit tests of src/web/setupcheck.c: the checks of the console's setup
 * forms — dates (calendar, leap years, shape), populations (digits,
 * thousands dots, range), texts (trim, line breaks, UTF-8, lengths) and
 * the codes of added elements. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "setupcheck.h"
#include "testutil.h"

static void test_date(void **state)
{
	struct ikm_err err = {0};
	int32_t d = 0;

	(void)state;
	assert_int_equal(setupcheck_date("2026-01-31", &d, &err), 0);
	assert_int_equal(d, 20260131);
	assert_int_equal(setupcheck_date(" 2024-02-29 ", &d, &err), 0);
	assert_int_equal(d, 20240229);
	assert_int_equal(setupcheck_date("2000-02-29", &d, &err), 0);
	assert_int_equal(setupcheck_date("1900-02-29", &d, &err), -1);
	assert_contains(err.msg, "tidak ada di kalender");
	assert_int_equal(setupcheck_date("2026-02-29", &d, &err), -1);
	assert_int_equal(setupcheck_date("2026-04-31", &d, &err), -1);
	assert_int_equal(setupcheck_date("2026-02-30", &d, &err), -1);
	const char *bad[] = {
	    "",           "2026-1-31",   "31-01-2026",      "2026/01/31", "2026-13-01",
	    "2026-00-10", "2026-01-00x", "3000-01-01",      "1899-12-31", "20260131",
	    "2026-01-3a", "+026-01-31",  "2026-01-31T00:00"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err.kind = IKM_OK;
		assert_int_equal(setupcheck_date(bad[i], &d, &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
	}
	assert_int_equal(setupcheck_date(NULL, &d, &err), -1);
	assert_int_equal(setupcheck_date("2026-00-10", &d, &err), -1);
	assert_contains(err.msg, "TTTT-BB-HH");
}

static void test_slug(void **state)
{
	struct ikm_err err = {0};
	char out[STORE_SLUG_MAX + 1];
	char longer[STORE_SLUG_MAX + 2];

	(void)state;
	assert_int_equal(setupcheck_slug(" puskesmas-a ", out, &err), 0);
	assert_string_equal(out, "puskesmas-a");
	assert_int_equal(setupcheck_slug("2026-s1", out, &err), 0);
	assert_int_equal(setupcheck_slug("", out, &err), -1);
	assert_string_equal(err.msg, "Wajib diisi.");
	const char *bad[] = {"Puskesmas", "-a", "a b", "a_b", "a'--", "<b>", "é", "a/b"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (setupcheck_slug(bad[i], out, &err) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_contains(err.msg, "huruf kecil");
		assert_string_equal(out, "");
	}
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	assert_int_equal(setupcheck_slug(longer, out, &err), -1);
	assert_contains(err.msg, "Paling banyak 63");
	longer[STORE_SLUG_MAX] = '\0';
	assert_int_equal(setupcheck_slug(longer, out, &err), 0);
	assert_int_equal(setupcheck_slug(NULL, out, &err), -1);
}

static void test_count(void **state)
{
	struct ikm_err err = {0};
	int64_t n = 0;

	(void)state;
	assert_int_equal(setupcheck_count("1500", SETUPCHECK_POPULATION_MAX, &n, &err), 0);
	assert_int_equal(n, 1500);
	assert_int_equal(setupcheck_count(" 1.500 ", SETUPCHECK_POPULATION_MAX, &n, &err), 0);
	assert_int_equal(n, 1500);
	assert_int_equal(setupcheck_count("1.000.000.000", SETUPCHECK_POPULATION_MAX, &n, &err), 0);
	assert_int_equal(n, 1000000000);
	assert_int_equal(setupcheck_count("1", SETUPCHECK_POPULATION_MAX, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(setupcheck_count("1000000001", SETUPCHECK_POPULATION_MAX, &n, &err), -1);
	assert_contains(err.msg, "paling banyak 1000000000");
	assert_int_equal(
	    setupcheck_count("99999999999999999999999", SETUPCHECK_POPULATION_MAX, &n, &err), -1);
	assert_contains(err.msg, "paling banyak");
	assert_int_equal(setupcheck_count("0", SETUPCHECK_POPULATION_MAX, &n, &err), -1);
	assert_contains(err.msg, "paling sedikit 1");
	const char *bad[] = {"",      "-5",    "1,5",    "1.5",      "15.00",
	                     "1500.", ".500",  "1..500", "1234.567", "0.500",
	                     "abc",   "12 34", "1e3",    "0x10",     "１２"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err.kind = IKM_OK;
		if (setupcheck_count(bad[i], SETUPCHECK_POPULATION_MAX, &n, &err) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(err.kind, IKM_EUSAGE);
	}
	assert_int_equal(setupcheck_count(NULL, 10, &n, &err), -1);
	assert_int_equal(n, 1); /* untouched by failures */
}

static void test_text(void **state)
{
	struct ikm_err err = {0};
	char out[32];

	(void)state;
	assert_int_equal(
	    setupcheck_text("  Dinas  Kesehatan ", SETUPCHECK_LINE, 1, 20, out, sizeof(out), &err),
	    0);
	assert_string_equal(out, "Dinas  Kesehatan");
	assert_int_equal(setupcheck_text("a\r\nb", SETUPCHECK_LINE, 1, 20, out, sizeof(out), &err),
	                 -1);
	assert_contains(err.msg, "satu baris");
	assert_int_equal(
	    setupcheck_text("a\r\n\tb\nc", SETUPCHECK_FLAT, 1, 20, out, sizeof(out), &err), 0);
	assert_string_equal(out, "a b c");
	assert_int_equal(
	    setupcheck_text("a\r\nb\rc", SETUPCHECK_PROSE, 1, 20, out, sizeof(out), &err), 0);
	assert_string_equal(out, "a\nb\nc");
	assert_int_equal(setupcheck_text("   ", SETUPCHECK_LINE, 1, 20, out, sizeof(out), &err),
	                 -1);
	assert_string_equal(err.msg, "Wajib diisi.");
	assert_int_equal(setupcheck_text(NULL, SETUPCHECK_LINE, 0, 20, out, sizeof(out), &err), 0);
	assert_string_equal(out, "");
	/* Bytes, not characters: "é" is two. */
	assert_int_equal(setupcheck_text("ééééé", SETUPCHECK_LINE, 1, 10, out, sizeof(out), &err),
	                 0);
	assert_int_equal(setupcheck_text("éééééé", SETUPCHECK_LINE, 1, 10, out, sizeof(out), &err),
	                 -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_contains(err.msg, "paling banyak 10 bait");
	assert_int_equal(setupcheck_text("a\xff", SETUPCHECK_LINE, 1, 20, out, sizeof(out), &err),
	                 -1);
	assert_contains(err.msg, "tidak sah");
	assert_string_equal(out, "");
	assert_int_equal(setupcheck_text("a\x01z", SETUPCHECK_PROSE, 1, 20, out, sizeof(out), &err),
	                 -1);
	assert_int_equal(
	    setupcheck_text("\xc0\xaf", SETUPCHECK_FLAT, 1, 20, out, sizeof(out), &err), -1);
	/* SQL and markup are text like any other. */
	assert_int_equal(setupcheck_text("x'); DROP TABLE unit;--", SETUPCHECK_LINE, 1, 30, out,
	                                 sizeof(out), &err),
	                 0);
	assert_string_equal(out, "x'); DROP TABLE unit;--");
}

static void test_code(void **state)
{
	struct ikm_err err = {0};
	struct instrument in;
	char code[16];

	(void)state;
	instr_standard(&in);
	assert_int_equal(setupcheck_code("U10", &in, code, &err), 0);
	assert_string_equal(code, "U10");
	assert_int_equal(setupcheck_code(" u12 ", &in, code, &err), 0);
	assert_string_equal(code, "U12");
	assert_int_equal(setupcheck_code("U99", &in, code, &err), 0);
	assert_int_equal(instr_add_extra(&in, "U10", NULL, "Kebersihan", &err), 0);
	assert_int_equal(setupcheck_code("u10", &in, code, &err), -1);
	assert_contains(err.msg, "sudah dipakai");
	const char *bad[] = {"U9", "U1",  "U100", "U010", "X10",  "U",
	                     "",   "U1O", "10",   "U-10", "U10 x"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (setupcheck_code(bad[i], &in, code, &err) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_contains(err.msg, "U10 sampai U99");
	}
	assert_int_equal(setupcheck_code(NULL, &in, code, &err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date), cmocka_unit_test(test_slug), cmocka_unit_test(test_count),
	    cmocka_unit_test(test_text), cmocka_unit_test(test_code),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
