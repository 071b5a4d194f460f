/* Unit tests of src/core/text.c: label and header folding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "text.h"

static size_t fold_s(char *dst, size_t size, const char *s)
{
	return text_fold(dst, size, s, strlen(s));
}

static size_t words_s(char *dst, size_t size, const char *s)
{
	return text_words(dst, size, s, strlen(s));
}

static void test_fold_case_and_space(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(fold_s(buf, sizeof(buf), "  sangat   SESUAI "), 13);
	assert_string_equal(buf, "sangat sesuai");
	fold_s(buf, sizeof(buf), "\tSangat\r\n Baik\f");
	assert_string_equal(buf, "sangat baik");
	fold_s(buf, sizeof(buf), "Baik");
	assert_string_equal(buf, "baik");
	/* Punctuation stays in a label fold. */
	fold_s(buf, sizeof(buf), "Biaya/Tarif");
	assert_string_equal(buf, "biaya/tarif");
}

static void test_fold_nbsp_and_utf8(void **state)
{
	char buf[64];

	(void)state;
	/* U+00A0 between words and at both ends is white space. */
	fold_s(buf, sizeof(buf),
	       "\xc2\xa0Sangat\xc2\xa0\xc2\xa0"
	       "baik\xc2\xa0");
	assert_string_equal(buf, "sangat baik");
	/* Other UTF-8 bytes are kept as they are (no folding of É). */
	fold_s(buf, sizeof(buf), "Caf\xc3\x89 OK");
	assert_string_equal(buf, "caf\xc3\x89 ok");
	/* A lone 0xC2 at the end is kept, not read past. */
	assert_int_equal(text_fold(buf, sizeof(buf), "a\xc2", 2), 2);
	assert_string_equal(buf, "a\xc2");
}

static void test_fold_empty_and_len(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(fold_s(buf, sizeof(buf), ""), 0);
	assert_string_equal(buf, "");
	assert_int_equal(fold_s(buf, sizeof(buf), " \t \xc2\xa0 "), 0);
	assert_string_equal(buf, "");
	/* Only len bytes are read. */
	assert_int_equal(text_fold(buf, sizeof(buf), "ABCDEF", 3), 3);
	assert_string_equal(buf, "abc");
	/* dstsize 0 writes nothing. */
	buf[0] = 'x';
	assert_int_equal(text_fold(buf, 0, "abc", 3), 0);
	assert_int_equal(buf[0], 'x');
}

static void test_fold_truncation(void **state)
{
	char buf[6];

	(void)state;
	/* Exactly fits: 5 characters and the NUL. */
	assert_int_equal(fold_s(buf, sizeof(buf), "ABCDE"), 5);
	assert_string_equal(buf, "abcde");
	/* Does not fit: returns dstsize, string truncated and terminated. */
	assert_int_equal(fold_s(buf, sizeof(buf), "ABCDEF"), sizeof(buf));
	assert_string_equal(buf, "abcde");
	assert_int_equal(fold_s(buf, sizeof(buf), "abcde f"), sizeof(buf));
	assert_string_equal(buf, "abcde");
}

static void test_words(void **state)
{
	char buf[64];

	(void)state;
	words_s(buf, sizeof(buf), "Biaya/Tarif?");
	assert_string_equal(buf, "biaya tarif");
	words_s(buf, sizeof(buf), "  U1. Persyaratan (syarat)  ");
	assert_string_equal(buf, "u1 persyaratan syarat");
	words_s(buf, sizeof(buf), "Sistem, Mekanisme, dan Prosedur");
	assert_string_equal(buf, "sistem mekanisme dan prosedur");
	words_s(buf, sizeof(buf), "--//--");
	assert_string_equal(buf, "");
	/* UTF-8 is kept inside a word. */
	words_s(buf, sizeof(buf), "Ca\xc3\xa9-x");
	assert_string_equal(buf, "ca\xc3\xa9 x");
}

static void test_has_word(void **state)
{
	(void)state;
	assert_int_equal(text_has_word("biaya tarif", "biaya"), 1);
	assert_int_equal(text_has_word("biaya tarif", "tarif"), 1);
	assert_int_equal(text_has_word("biaya tarif", "tari"), 0);
	assert_int_equal(text_has_word("biaya tarif", "aya"), 0);
	assert_int_equal(text_has_word("biaya tarif", "biaya tarif"), 1);
	/* A later whole match after an earlier partial one. */
	assert_int_equal(text_has_word("sarana2 sarana", "sarana"), 1);
	assert_int_equal(text_has_word("prasarana", "sarana"), 0);
	assert_int_equal(text_has_word("", "a"), 0);
	assert_int_equal(text_has_word("a b", ""), 0);
}

static void test_trim(void **state)
{
	const char *s = " \t ab c \r\n";
	size_t len = strlen(s);

	(void)state;
	text_trim(&s, &len);
	assert_int_equal(len, 4);
	assert_memory_equal(s, "ab c", 4);

	s = "   ";
	len = 3;
	text_trim(&s, &len);
	assert_int_equal(len, 0);

	s = "x";
	len = 1;
	text_trim(&s, &len);
	assert_int_equal(len, 1);
	assert_int_equal(s[0], 'x');

	s = "";
	len = 0;
	text_trim(&s, &len);
	assert_int_equal(len, 0);
}

static void test_upper(void **state)
{
	char buf[8];

	(void)state;
	assert_string_equal(text_upper(buf, sizeof(buf), "Smt ii"), "SMT II");
	/* Bytes of UTF-8 sequences are kept; truncation does not split one. */
	assert_string_equal(text_upper(buf, sizeof(buf), "d\xC3\xA9j\xC3\xA0"),
	                    "D\xC3\xA9J\xC3\xA0");
	assert_string_equal(text_upper(buf, 6,
	                               "ab\xE2\x80\x93"
	                               "cd"),
	                    "AB\xE2\x80\x93");
	assert_string_equal(text_upper(buf, 5,
	                               "ab\xE2\x80\x93"
	                               "cd"),
	                    "AB");
	assert_string_equal(text_upper(buf, 1, "abc"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold_case_and_space),
	    cmocka_unit_test(test_fold_nbsp_and_utf8),
	    cmocka_unit_test(test_fold_empty_and_len),
	    cmocka_unit_test(test_fold_truncation),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_has_word),
	    cmocka_unit_test(test_trim),
	    cmocka_unit_test(test_upper),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
