/* Unit tests of src/web/apibody.c, the body of POST /api/v1/responses and
 * of the kiosk's POST: a good body, and the suggestion's bounds — at most
 * 2,000 bytes, line breaks and tabs kept, no other control character (NUL,
 * C0, DEL, C1), as the public form takes it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "apibody.h"
#include "instrument.h"

/* Validate a body whose suggestion is the JSON string literal sugg (with
 * its quotes), or without one when NULL. Returns apibody_validate's code. */
static int validate(const char *sugg, struct apibody *b)
{
	static char text[8192];
	struct instrument in;
	json_error_t jerr;
	json_t *root;
	int rc;

	instr_standard(&in);
	snprintf(text, sizeof(text),
	         "{\"unit\": \"dispenduk\", \"client_id\": \"0123456789abcdef\", \"answers\": "
	         "{\"U1\": 4, \"U2\": 4, \"U3\": 3, \"U4\": 4, \"U5\": 4, \"U6\": 4, \"U7\": 3, "
	         "\"U8\": 4, \"U9\": 4}%s%s}",
	         sugg != NULL ? ", \"suggestion\": " : "", sugg != NULL ? sugg : "");
	root = json_loads(text, JSON_ALLOW_NUL, &jerr);
	assert_non_null(root);
	rc = apibody_validate(root, &in, b);
	json_decref(root);
	return rc;
}

static int has_error(const struct apibody *b, const char *field)
{
	for (int i = 0; i < b->nerr; i++)
		if (strcmp(b->err[i].field, field) == 0)
			return 1;
	return 0;
}

static void test_good(void **state)
{
	static struct apibody b;

	(void)state;
	assert_int_equal(validate(NULL, &b), 0);
	assert_string_equal(b.unit, "dispenduk");
	assert_int_equal(b.answers[2], 3);
	assert_string_equal(b.suggestion, "");
	assert_int_equal(validate("\"Ruang tunggu <panas> & 'sempit'\"", &b), 0);
	assert_string_equal(b.suggestion, "Ruang tunggu <panas> & 'sempit'");
}

static void test_suggestion_lines(void **state)
{
	static struct apibody b;

	(void)state;
	assert_int_equal(validate("\"baris satu\\nbaris dua\\r\\n\\tdan tab\"", &b), 0);
	assert_string_equal(b.suggestion, "baris satu\nbaris dua\r\n\tdan tab");
	assert_int_equal(validate("\"Pelayanan \\u00e9 \\u20ac \\ud83d\\ude00\"", &b), 0);
}

static void test_suggestion_control(void **state)
{
	static const char *const bad[] = {"\"a\\u0000b\"", "\"a\\u0001b\"", "\"a\\u001b[31mb\"",
	                                  "\"a\\u007fb\"", "\"a\\u0085b\"", "\"a\\u009fb\"",
	                                  "\"\\u000b\""};
	static struct apibody b;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(validate(bad[i], &b), -1);
		assert_true(has_error(&b, "suggestion"));
		assert_string_equal(b.suggestion, "");
	}
	/* U+00A0 (no-break space) and U+0100 are no C1 characters. */
	assert_int_equal(validate("\"a\\u00a0b\\u0100\"", &b), 0);
}

static void test_suggestion_length(void **state)
{
	static char sugg[STORE_SUGG_MAX + 8];
	static struct apibody b;

	(void)state;
	memset(sugg, 'x', sizeof(sugg));
	sugg[0] = '"';
	sugg[STORE_SUGG_MAX + 1] = '"';
	sugg[STORE_SUGG_MAX + 2] = '\0';
	assert_int_equal(validate(sugg, &b), 0);
	assert_int_equal(strlen(b.suggestion), STORE_SUGG_MAX);
	sugg[STORE_SUGG_MAX + 1] = 'x';
	sugg[STORE_SUGG_MAX + 2] = '"';
	sugg[STORE_SUGG_MAX + 3] = '\0';
	assert_int_equal(validate(sugg, &b), -1);
	assert_true(has_error(&b, "suggestion"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good),
	    cmocka_unit_test(test_suggestion_lines),
	    cmocka_unit_test(test_suggestion_control),
	    cmocka_unit_test(test_suggestion_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
