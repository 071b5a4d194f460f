/* Unit tests of src/io/value.c: one answer cell to a score — digits,
 * spreadsheet decimals, blanks, range, option labels per element (whole
 * match, case- and space-insensitive), and "4. Sangat sesuai" prefixes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "instrument.h"
#include "value.h"

static struct instrument in;

static int setup(void **state)
{
	(void)state;
	instr_standard(&in);
	return 0;
}

/* Element by standard id. */
static const struct instr_element *el(const char *id)
{
	int j = instr_standard_index(id);

	assert_true(j >= 0);
	return &in.el[j];
}

static int v(const char *id, const char *s)
{
	return value_parse(el(id), s, strlen(s));
}

static void test_digits(void **state)
{
	(void)state;
	assert_int_equal(v("persyaratan", "1"), 1);
	assert_int_equal(v("persyaratan", "2"), 2);
	assert_int_equal(v("persyaratan", "3"), 3);
	assert_int_equal(v("persyaratan", "4"), 4);
	assert_int_equal(v("pengaduan", " 4 "), 4);
	assert_int_equal(v("pengaduan", "\t3\r"), 3);
	/* Spreadsheets write numbers as decimals. */
	assert_int_equal(v("waktu", "4.0"), 4);
	assert_int_equal(v("waktu", "4,0"), 4);
	assert_int_equal(v("waktu", "3.00"), 3);
	assert_int_equal(v("waktu", "2,000"), 2);
	assert_int_equal(v("waktu", "01"), 1);
	/* A length argument shorter than the string is honoured. */
	assert_int_equal(value_parse(el("waktu"), "34", 1), 3);
	assert_int_equal(value_parse(el("waktu"), "4.05", 3), 4);
}

static void test_empty(void **state)
{
	(void)state;
	assert_int_equal(v("biaya", ""), VALUE_EMPTY);
	assert_int_equal(v("biaya", "   "), VALUE_EMPTY);
	assert_int_equal(v("biaya", "\t \r\n"), VALUE_EMPTY);
	assert_int_equal(value_parse(el("biaya"), "4", 0), VALUE_EMPTY);
}

static void test_range(void **state)
{
	(void)state;
	assert_int_equal(v("produk", "0"), VALUE_RANGE);
	assert_int_equal(v("produk", "5"), VALUE_RANGE);
	assert_int_equal(v("produk", "10"), VALUE_RANGE);
	assert_int_equal(v("produk", "100"), VALUE_RANGE);
	assert_int_equal(v("produk", "5.0"), VALUE_RANGE);
	assert_int_equal(v("produk", " 0 "), VALUE_RANGE);
	assert_int_equal(v("produk", "9999"), VALUE_RANGE);
	/* Long numbers are out of range too, not "unrecognised". */
	assert_int_equal(v("produk", "44444"), VALUE_RANGE);
	assert_int_equal(v("produk", "12345678901234567890"), VALUE_RANGE);
}

static void test_invalid(void **state)
{
	(void)state;
	assert_int_equal(v("produk", "abc"), VALUE_INVALID);
	assert_int_equal(v("produk", "4.5"), VALUE_INVALID);
	assert_int_equal(v("produk", "3,5"), VALUE_INVALID);
	assert_int_equal(v("produk", "4."), VALUE_INVALID);
	assert_int_equal(v("produk", "-1"), VALUE_INVALID);
	assert_int_equal(v("produk", "+4"), VALUE_INVALID);
	assert_int_equal(v("produk", "4a"), VALUE_INVALID);
	assert_int_equal(v("produk", "1 2"), VALUE_INVALID);
	assert_int_equal(v("produk", "4 4"), VALUE_INVALID);
	assert_int_equal(v("produk", "x4"), VALUE_INVALID);
	assert_int_equal(v("produk", "\""), VALUE_INVALID);
	assert_int_equal(v("produk", "("), VALUE_INVALID);
	assert_int_equal(v("produk", "(4"), VALUE_INVALID);
	assert_int_equal(v("produk", "4)"), VALUE_INVALID);
	assert_int_equal(v("produk", "4 -"), VALUE_INVALID);
	/* A label of another element is not an answer here. */
	assert_int_equal(v("produk", "Gratis"), VALUE_INVALID);
	assert_int_equal(v("biaya", "Sangat sesuai"), VALUE_INVALID);
	/* A NUL inside the cell is not ignored. */
	assert_int_equal(value_parse(el("produk"), "4\0", 2), VALUE_INVALID);
	assert_int_equal(value_parse(el("sarana"), "Baik\0xyz", 8), VALUE_INVALID);
	assert_int_equal(value_parse(el("persyaratan"), "4. Sangat sesuai\0!", 18), VALUE_INVALID);
}

static void test_labels_whole_match(void **state)
{
	(void)state;
	/* sarana: "Sangat Baik" is 4, "Baik" is 3 (not a substring match). */
	assert_int_equal(v("sarana", "Sangat Baik"), 4);
	assert_int_equal(v("sarana", "Baik"), 3);
	assert_int_equal(v("sarana", "Cukup"), 2);
	assert_int_equal(v("sarana", "Buruk"), 1);
	assert_int_equal(v("sarana", "sangat baik"), 4);
	assert_int_equal(v("sarana", "SANGAT   BAIK"), 4);
	assert_int_equal(v("sarana", "  baik "), 3);
	assert_int_equal(v("sarana", "Sangat\xC2\xA0"
	                             "baik"),
	                 4); /* NBSP */
	assert_int_equal(v("sarana", "Baik sekali"), VALUE_INVALID);
	assert_int_equal(v("sarana", "Sangat"), VALUE_INVALID);
	/* persyaratan: "sesuai" 3 vs "Tidak sesuai" 1. */
	assert_int_equal(v("persyaratan", "sesuai"), 3);
	assert_int_equal(v("persyaratan", "Tidak sesuai"), 1);
	assert_int_equal(v("persyaratan", "Kurang sesuai"), 2);
	assert_int_equal(v("persyaratan", "Sangat sesuai"), 4);
	assert_int_equal(v("persyaratan", "tidak"), VALUE_INVALID);
	/* biaya is not reversed: Gratis is 4. */
	assert_int_equal(v("biaya", "Gratis"), 4);
	assert_int_equal(v("biaya", "Murah"), 3);
	assert_int_equal(v("biaya", "Cukup mahal"), 2);
	assert_int_equal(v("biaya", "Sangat mahal"), 1);
	/* The longer labels. */
	assert_int_equal(v("perilaku", "Sangat sopan dan ramah"), 4);
	assert_int_equal(v("perilaku", "Sopan dan ramah"), 3);
	assert_int_equal(v("pengaduan", "Ada tetapi tidak berfungsi"), 2);
	assert_int_equal(v("pengaduan", "dikelola dengan baik"), 4);
	assert_int_equal(v("pengaduan", "Tidak ada"), 1);
	assert_int_equal(v("prosedur", "Sangat mudah"), 4);
	assert_int_equal(v("kompetensi", "Kurang kompeten"), 2);
	assert_int_equal(v("waktu", "Cepat"), 3);
}

static void test_number_and_label(void **state)
{
	(void)state;
	assert_int_equal(v("persyaratan", "4. Sangat sesuai"), 4);
	assert_int_equal(v("persyaratan", "4 - Sangat sesuai"), 4);
	assert_int_equal(v("persyaratan", "(4) Sangat sesuai"), 4);
	assert_int_equal(v("persyaratan", "4) Sangat sesuai"), 4);
	assert_int_equal(v("persyaratan", "4: sangat sesuai"), 4);
	assert_int_equal(v("persyaratan", "1. Tidak sesuai"), 1);
	assert_int_equal(v("sarana", "3. Baik"), 3);
	assert_int_equal(v("biaya", "4. Gratis"), 4);
	/* Digit and label must agree. */
	assert_int_equal(v("persyaratan", "3. Sangat sesuai"), VALUE_INVALID);
	assert_int_equal(v("sarana", "4. Baik"), VALUE_INVALID);
	assert_int_equal(v("persyaratan", "5. Sangat sesuai"), VALUE_INVALID);
	assert_int_equal(v("persyaratan", "4. Sangat"), VALUE_INVALID);
	assert_int_equal(v("persyaratan", "4."), VALUE_INVALID);
	assert_int_equal(v("persyaratan", "4Sangat sesuai"), VALUE_INVALID);
}

static void test_extra_element(void **state)
{
	struct instrument x;

	(void)state;
	instr_standard(&x);
	assert_int_equal(instr_add_extra(&x, "U10", NULL, "Kebersihan", NULL), 0);
	assert_int_equal(value_parse(&x.el[9], "4", 1), 4);
	assert_int_equal(value_parse(&x.el[9], "Sangat baik", 11), 4);
	assert_int_equal(value_parse(&x.el[9], "Kurang baik", 11), 2);
	assert_int_equal(value_parse(&x.el[9], "Sesuai", 6), VALUE_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_digits),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_range),
	    cmocka_unit_test(test_invalid),
	    cmocka_unit_test(test_labels_whole_match),
	    cmocka_unit_test(test_number_and_label),
	    cmocka_unit_test(test_extra_element),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
