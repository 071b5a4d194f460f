/* Unit tests of src/core/bytebuf.c: appending bytes and strings, the NUL
 * terminator, growth past the first allocation, formatted text, taking
 * and freeing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"

static void test_empty(void **state)
{
	struct bytebuf b = {0};
	size_t len = 99;
	char *s;

	(void)state;
	/* Nothing appended: take gives "", free accepts the empty buffer. */
	s = bytebuf_take(&b, &len);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	bytebuf_free(&b);
	assert_null(b.p);
	/* An empty append still makes p a string. */
	bytebuf_add(&b, NULL, 0);
	assert_non_null(b.p);
	assert_string_equal(b.p, "");
	assert_int_equal(b.len, 0);
	bytebuf_free(&b);
	assert_null(b.p);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

static void test_append(void **state)
{
	struct bytebuf b = {0};

	(void)state;
	bytebuf_puts(&b, "abc");
	assert_string_equal(b.p, "abc");
	assert_int_equal(b.len, 3);
	bytebuf_add(&b, "defgh", 2);
	assert_string_equal(b.p, "abcde");
	assert_int_equal(b.len, 5);
	bytebuf_puts(&b, "");
	assert_string_equal(b.p, "abcde");
	assert_true(b.cap > b.len);
	bytebuf_free(&b);
}

/* Any bytes, NUL too; the terminator follows the last byte. */
static void test_binary(void **state)
{
	static const unsigned char bytes[] = {0x89, 'P', 0, 'N', 0xff, 0};
	struct bytebuf b = {0};
	size_t len;
	char *s;

	(void)state;
	bytebuf_add(&b, bytes, sizeof(bytes));
	bytebuf_add(&b, bytes, 3);
	assert_int_equal(b.len, sizeof(bytes) + 3);
	assert_memory_equal(b.p, bytes, sizeof(bytes));
	assert_memory_equal(b.p + sizeof(bytes), bytes, 3);
	assert_int_equal(b.p[b.len], '\0');
	s = bytebuf_take(&b, &len);
	assert_int_equal(len, sizeof(bytes) + 3);
	assert_memory_equal(s, bytes, sizeof(bytes));
	assert_null(b.p);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(s);
}

/* Many small appends and one large one grow the buffer; every byte stays
 * where it was written. */
static void test_growth(void **state)
{
	enum { SMALL = 100000, LARGE = 300000 };
	struct bytebuf b = {0};
	char *big = malloc(LARGE);
	char *s;

	(void)state;
	assert_non_null(big);
	for (int i = 0; i < SMALL; i++) {
		char c = (char)('a' + i % 26);

		bytebuf_add(&b, &c, 1);
		assert_int_equal(b.p[b.len], '\0');
	}
	assert_int_equal(b.len, SMALL);
	assert_true(b.cap > b.len);
	memset(big, 'x', LARGE);
	bytebuf_add(&b, big, LARGE);
	assert_int_equal(b.len, SMALL + LARGE);
	assert_true(b.cap > b.len);
	for (int i = 0; i < SMALL; i++)
		assert_int_equal(b.p[i], 'a' + i % 26);
	assert_memory_equal(b.p + SMALL, big, LARGE);
	assert_int_equal(strlen(b.p), SMALL + LARGE);
	/* take with no length wanted */
	s = bytebuf_take(&b, NULL);
	assert_int_equal(strlen(s), SMALL + LARGE);
	assert_null(b.p);
	free(s);
	free(big);
}

/* Formatted text of any length, also where it just fits or just does not
 * fit the room left. */
static void test_printf(void **state)
{
	struct bytebuf b = {0};
	char *want;
	size_t room;

	(void)state;
	bytebuf_printf(&b, "<w:sz w:val=\"%d\"/>%s", 24, "");
	assert_string_equal(b.p, "<w:sz w:val=\"24\"/>");
	assert_int_equal(b.len, strlen(b.p));
	bytebuf_printf(&b, "%s", "");
	assert_int_equal(b.len, strlen(b.p));
	/* Fill to one byte short of the capacity, then format across it. */
	room = b.cap - b.len - 1;
	want = malloc(room + 1);
	assert_non_null(want);
	memset(want, 'r', room);
	want[room] = '\0';
	bytebuf_printf(&b, "%s", want);
	assert_int_equal(b.len + 1, b.cap);
	bytebuf_printf(&b, "%d|%s", 7, "ok");
	assert_int_equal(b.len, strlen("<w:sz w:val=\"24\"/>") + room + 4);
	assert_string_equal(b.p + b.len - 4, "7|ok");
	free(want);
	/* Longer than the first allocation, in one call. */
	bytebuf_free(&b);
	want = malloc(20001);
	assert_non_null(want);
	memset(want, 'z', 20000);
	want[20000] = '\0';
	bytebuf_printf(&b, "[%s]", want);
	assert_int_equal(b.len, 20002);
	assert_int_equal(b.p[0], '[');
	assert_memory_equal(b.p + 1, want, 20000);
	assert_string_equal(b.p + 20001, "]");
	free(want);
	bytebuf_free(&b);
}

/* A buffer taken or freed can be used again. */
static void test_reuse(void **state)
{
	struct bytebuf b = {0};
	char *s;

	(void)state;
	bytebuf_puts(&b, "satu");
	s = bytebuf_take(&b, NULL);
	bytebuf_puts(&b, "dua");
	assert_string_equal(b.p, "dua");
	assert_int_equal(b.len, 3);
	bytebuf_free(&b);
	bytebuf_puts(&b, "tiga");
	assert_string_equal(b.p, "tiga");
	assert_string_equal(s, "satu");
	bytebuf_free(&b);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty),  cmocka_unit_test(test_append),
	    cmocka_unit_test(test_binary), cmocka_unit_test(test_growth),
	    cmocka_unit_test(test_printf), cmocka_unit_test(test_reuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
