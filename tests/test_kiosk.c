/* Unit tests of the pure parts of src/web/kiosk.c: the JSON of the data
 * block escaped for a <script> element (< > & and U+2028/U+2029, the rest
 * byte for byte, still the same JSON when parsed), the date rule of a kept
 * response (not future, at most KIOSK_DATE_AGE_MAX days old, across month,
 * leap-year and year ends), and the bounded ?reset= seconds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "kiosk.h"
#include "testutil.h"

/* kiosk_script_json of s, as a string (caller frees). */
static char *escaped(const char *s)
{
	struct bytebuf b = {0};
	size_t len;

	kiosk_script_json(&b, s);
	bytebuf_puts(&b, "");
	return bytebuf_take(&b, &len);
}

static void test_script_json_plain(void **state)
{
	char *e;

	(void)state;
	e = escaped("{\"a\":\"Dinas Kependudukan\",\"n\":[1,2]}");
	assert_string_equal(e, "{\"a\":\"Dinas Kependudukan\",\"n\":[1,2]}");
	free(e);
	e = escaped("");
	assert_string_equal(e, "");
	free(e);
	/* UTF-8 other than the two separators passes as it is. */
	e = escaped("\"Akta \xc2\xb7 KTP\xe2\x80\xa6\"");
	assert_string_equal(e, "\"Akta \xc2\xb7 KTP\xe2\x80\xa6\"");
	free(e);
}

static void test_script_json_escapes(void **state)
{
	char *e;

	(void)state;
	e = escaped("\"</script><script>alert(1)</script>\"");
	assert_string_equal(e, "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script"
	                       "\\u003e\"");
	assert_not_contains(e, "<");
	free(e);
	e = escaped("\"<!-- & -->\"");
	assert_string_equal(e, "\"\\u003c!-- \\u0026 --\\u003e\"");
	free(e);
	e = escaped("\"a\xe2\x80\xa8"
	            "b\xe2\x80\xa9"
	            "c\"");
	assert_string_equal(e, "\"a\\u2028b\\u2029c\"");
	free(e);
	/* At the very end, and a cut separator is left alone. */
	e = escaped("<");
	assert_string_equal(e, "\\u003c");
	free(e);
	e = escaped("\xe2\x80");
	assert_string_equal(e, "\xe2\x80");
	free(e);
}

/* What jansson writes, escaped, parses back to the same value. */
static void test_script_json_round_trip(void **state)
{
	const char *const texts[] = {"Dinas & <Dukcapil>", "</script>", "a\xe2\x80\xa8z",
	                             "\"quoted\" \\ back", "<!--"};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		json_t *o = json_pack("{s:s}", "t", texts[i]), *back;
		char *dump = json_dumps(o, JSON_COMPACT), *e = escaped(dump);
		json_error_t jerr;

		assert_null(strpbrk(e, "<>&"));
		back = json_loads(e, 0, &jerr);
		assert_non_null(back);
		assert_string_equal(json_string_value(json_object_get(back, "t")), texts[i]);
		json_decref(back);
		json_decref(o);
		free(dump);
		free(e);
	}
}

static void test_script_json_null(void **state)
{
	struct bytebuf b = {0};

	(void)state;
	kiosk_script_json(&b, NULL);
	assert_int_equal(b.len, 0);
	bytebuf_free(&b);
}

static void test_date_check(void **state)
{
	(void)state;
	assert_int_equal(kiosk_date_check(20250615, 20250615, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(20250616, 20250615, 31), KIOSK_DATE_FUTURE);
	assert_int_equal(kiosk_date_check(20260101, 20251231, 31), KIOSK_DATE_FUTURE);
	/* 31 days back is taken, 32 is not: across a month end. */
	assert_int_equal(kiosk_date_check(20250515, 20250615, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(20250514, 20250615, 31), KIOSK_DATE_OLD);
	/* Across a year end. */
	assert_int_equal(kiosk_date_check(20241201, 20250101, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(20241130, 20250101, 31), KIOSK_DATE_OLD);
	/* February of a leap year (29 days) and of a common one. */
	assert_int_equal(kiosk_date_check(20240201, 20240303, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(20240131, 20240303, 31), KIOSK_DATE_OLD);
	assert_int_equal(kiosk_date_check(20250131, 20250303, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(20250130, 20250303, 31), KIOSK_DATE_OLD);
	/* 2000 was a leap year, 1900 was not. */
	assert_int_equal(kiosk_date_check(20000130, 20000301, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(19000129, 19000301, 31), KIOSK_DATE_OK);
	assert_int_equal(kiosk_date_check(19000128, 19000301, 31), KIOSK_DATE_OLD);
	assert_int_equal(kiosk_date_check(20200101, 20250615, KIOSK_DATE_AGE_MAX), KIOSK_DATE_OLD);
}

static void test_reset_seconds(void **state)
{
	(void)state;
	assert_int_equal(kiosk_reset_seconds(NULL), KIOSK_RESET_DEFAULT);
	assert_int_equal(kiosk_reset_seconds(""), KIOSK_RESET_DEFAULT);
	assert_int_equal(kiosk_reset_seconds("lang=en"), KIOSK_RESET_DEFAULT);
	assert_int_equal(kiosk_reset_seconds("reset=2"), 2);
	assert_int_equal(kiosk_reset_seconds("lang=en&reset=90"), 90);
	assert_int_equal(kiosk_reset_seconds("reset=1"), KIOSK_RESET_MIN);
	assert_int_equal(kiosk_reset_seconds("reset=0"), KIOSK_RESET_MIN);
	assert_int_equal(kiosk_reset_seconds("reset=601"), KIOSK_RESET_MAX);
	assert_int_equal(kiosk_reset_seconds("reset=99999999999999999999"), KIOSK_RESET_MAX);
	assert_int_equal(kiosk_reset_seconds("reset=-5"), KIOSK_RESET_DEFAULT);
	assert_int_equal(kiosk_reset_seconds("reset=5s"), KIOSK_RESET_DEFAULT);
	assert_int_equal(kiosk_reset_seconds("reset="), KIOSK_RESET_DEFAULT);
	assert_int_equal(kiosk_reset_seconds("reset=%ZZ"), KIOSK_RESET_DEFAULT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_script_json_plain),
	    cmocka_unit_test(test_script_json_escapes),
	    cmocka_unit_test(test_script_json_round_trip),
	    cmocka_unit_test(test_script_json_null),
	    cmocka_unit_test(test_date_check),
	    cmocka_unit_test(test_reset_seconds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
