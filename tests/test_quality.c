/* Unit tests of src/core/quality.c: response-quality flags and the bounded
 * tally (method.md section 5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "quality.h"

static void test_flags(void **state)
{
	const uint8_t all4[9] = {4, 4, 4, 4, 4, 4, 4, 4, 4};
	const uint8_t all1[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
	const uint8_t mixed[9] = {4, 3, 4, 4, 4, 4, 4, 4, 4};
	const uint8_t empty[9] = {0};
	const uint8_t one[9] = {0, 0, 3, 0, 0, 0, 0, 0, 0};
	const uint8_t part_same[9] = {4, 0, 4, 4, 4, 4, 4, 4, 4};
	const uint8_t part_mixed[9] = {4, 0, 3, 4, 4, 4, 4, 4, 4};

	(void)state;
	assert_int_equal(quality_flags(all4, 9), QUALITY_STRAIGHT);
	assert_int_equal(quality_flags(all1, 9), QUALITY_STRAIGHT);
	assert_int_equal(quality_flags(mixed, 9), 0);
	assert_int_equal(quality_flags(empty, 9), QUALITY_EMPTY);
	/* One answer is partial, never straight-lining. */
	assert_int_equal(quality_flags(one, 9), QUALITY_PARTIAL);
	assert_int_equal(quality_flags(part_same, 9), QUALITY_PARTIAL | QUALITY_STRAIGHT);
	assert_int_equal(quality_flags(part_mixed, 9), QUALITY_PARTIAL);
	/* k = 1: a full single answer is nothing to flag. */
	assert_int_equal(quality_flags(all4, 1), 0);
	assert_int_equal(quality_flags(empty, 1), QUALITY_EMPTY);
	/* k = 2 equal answers are straight. */
	assert_int_equal(quality_flags(all4, 2), QUALITY_STRAIGHT);
	/* The first answered value is the reference, not vals[0]. */
	{
		const uint8_t v[4] = {0, 2, 2, 3};

		assert_int_equal(quality_flags(v, 4), QUALITY_PARTIAL);
	}
}

static void test_bits_and_text(void **state)
{
	(void)state;
	assert_int_equal(quality_bit(QUALITY_STRAIGHT), 0);
	assert_int_equal(quality_bit(QUALITY_EMPTY), 1);
	assert_int_equal(quality_bit(QUALITY_INVALID), 2);
	assert_int_equal(quality_bit(QUALITY_PARTIAL), 3);
	assert_int_equal(quality_bit(QUALITY_BURST), 4);
	assert_string_equal(quality_key(0), "straight_lining");
	assert_string_equal(quality_key(1), "no_answers");
	assert_string_equal(quality_key(2), "invalid_values");
	assert_string_equal(quality_key(3), "partial");
	assert_string_equal(quality_key(4), "burst");
	assert_string_equal(quality_text(4), "dikirim beruntun dari satu alamat");
	assert_string_equal(quality_key(-1), "");
	assert_string_equal(quality_key(QUALITY_NFLAGS), "");
	for (int b = 0; b < QUALITY_NFLAGS; b++)
		assert_true(strlen(quality_text(b)) > 0);
	assert_string_equal(quality_text(QUALITY_NFLAGS), "");
	assert_string_equal(quality_text(-5), "");
}

static void test_tally_bounded(void **state)
{
	struct quality_tally t;

	(void)state;
	memset(&t, 0, sizeof(t));
	for (uint64_t row = 2; row < 2 + 50; row++)
		quality_note(&t, QUALITY_STRAIGHT, (int)(row % 3), row);
	quality_note(&t, QUALITY_PARTIAL | QUALITY_STRAIGHT, 7, 1000);
	quality_note(&t, QUALITY_EMPTY, 1, 77);
	quality_note(&t, 0, 1, 78);
	assert_int_equal(t.count[0], 51);
	assert_int_equal(t.nrows[0], QUALITY_KEEP_ROWS);
	for (int i = 0; i < QUALITY_KEEP_ROWS; i++) {
		assert_int_equal(t.rows[0][i], 2 + (uint64_t)i);
		assert_int_equal(t.files[0][i], (int)((2 + i) % 3));
	}
	assert_int_equal(t.count[1], 1);
	assert_int_equal(t.nrows[1], 1);
	assert_int_equal(t.rows[1][0], 77);
	assert_int_equal(t.files[1][0], 1);
	assert_int_equal(t.count[2], 0);
	assert_int_equal(t.nrows[2], 0);
	assert_int_equal(t.count[3], 1);
	assert_int_equal(t.rows[3][0], 1000);
	assert_int_equal(t.files[3][0], 7);
}

/* The packed form gives the same flags as the array form, for every k up
 * to 21 and every mix of blanks and values (random and edge cases). */
static void test_packed_flags(void **state)
{
	uint64_t x = 0x9E3779B97F4A7C15ULL;

	(void)state;
	for (int k = 1; k <= 21; k++) {
		for (int i = 0; i < 3000; i++) {
			uint8_t vals[21];
			uint64_t key = 0;

			for (int j = 0; j < k; j++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				/* Early rounds: all equal or all blank; later random. */
				vals[j] = i < 5 ? (uint8_t)i
				                : (uint8_t)(x % (i % 3 ? 5 : 2) + (i % 7 == 0));
				if (vals[j] > 4)
					vals[j] = 4;
				key |= (uint64_t)vals[j] << (3 * j);
			}
			assert_int_equal(quality_flags_packed(key, k), quality_flags(vals, k));
		}
	}
	/* Hand cases: all 4 over 21 elements; one blank; two different. */
	assert_int_equal(quality_flags_packed(0x4924924924924924ULL >> 2, 21), QUALITY_STRAIGHT);
	assert_int_equal(quality_flags_packed(04444444440ULL, 10),
	                 QUALITY_STRAIGHT | QUALITY_PARTIAL);
	assert_int_equal(quality_flags_packed(03444444444ULL, 10), 0);
	assert_int_equal(quality_flags_packed(0, 9), QUALITY_EMPTY);
	assert_int_equal(quality_flags_packed(04, 9), QUALITY_PARTIAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_flags),
	    cmocka_unit_test(test_bits_and_text),
	    cmocka_unit_test(test_tally_bounded),
	    cmocka_unit_test(test_packed_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
