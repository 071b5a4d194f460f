/* Unit tests of src/core/instrument.c: the standard nine, labels, the
 * --elements specification, weights and the legacy mode (method.md 1, 2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "instrument.h"

static int label(const struct instr_element *e, const char *s)
{
	return instr_match_label(e, s, strlen(s));
}

static void test_standard_nine(void **state)
{
	static const char *const codes[9] = {"U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"};
	static const char *const ids[9] = {"persyaratan", "prosedur", "waktu",
	                                   "biaya",       "produk",   "kompetensi",
	                                   "perilaku",    "sarana",   "pengaduan"};
	struct instrument in;

	(void)state;
	instr_standard(&in);
	assert_int_equal(in.k, 9);
	assert_int_equal(in.method, INSTR_METHOD_STANDARD);
	assert_int_equal(in.custom_weights, 0);
	for (int j = 0; j < 9; j++) {
		assert_string_equal(in.el[j].code, codes[j]);
		assert_string_equal(in.el[j].id, ids[j]);
		assert_int_equal(in.el[j].w_num, 1);
		assert_int_equal(in.el[j].w_den, 9);
		assert_non_null(in.el[j].question);
		for (int o = 0; o < INSTR_OPTIONS; o++)
			assert_non_null(in.el[j].labels[o]);
	}
	/* Questionnaire order: sarana (Q8) before pengaduan (Q9). */
	assert_string_equal(in.el[7].name, "Sarana dan Prasarana");
	assert_string_equal(in.el[8].name, "Penanganan Pengaduan, Saran dan Masukan");
	assert_string_equal(in.el[6].name, "Perilaku Pelaksana");
	assert_string_equal(in.el[3].name, "Biaya/Tarif");
	assert_string_equal(instr_method_label(&in), "permenpan-rb-14-2017");
}

static void test_standard_index(void **state)
{
	(void)state;
	assert_int_equal(instr_standard_index("U1"), 0);
	assert_int_equal(instr_standard_index("u3"), 2);
	assert_int_equal(instr_standard_index("waktu"), 2);
	assert_int_equal(instr_standard_index("WAKTU"), 2);
	assert_int_equal(instr_standard_index("sarana"), 7);
	assert_int_equal(instr_standard_index("U8"), 7);
	assert_int_equal(instr_standard_index("pengaduan"), 8);
	assert_int_equal(instr_standard_index("U9"), 8);
	assert_int_equal(instr_standard_index("U10"), -1);
	assert_int_equal(instr_standard_index("U0"), -1);
	assert_int_equal(instr_standard_index("kebersihan"), -1);
	assert_int_equal(instr_standard_index(""), -1);
}

static void test_labels_whole_and_folded(void **state)
{
	struct instrument in;

	(void)state;
	instr_standard(&in);
	/* U8 sarana: Buruk, Cukup, Baik, Sangat baik. */
	assert_int_equal(label(&in.el[7], "Sangat Baik"), 4);
	assert_int_equal(label(&in.el[7], "Baik"), 3);
	assert_int_equal(label(&in.el[7], "baik"), 3);
	assert_int_equal(label(&in.el[7], "Cukup"), 2);
	assert_int_equal(label(&in.el[7], "BURUK"), 1);
	assert_int_equal(label(&in.el[7], "Sangat"), 0);
	assert_int_equal(label(&in.el[7], "Sangat Baik sekali"), 0);
	/* U1 persyaratan. */
	assert_int_equal(label(&in.el[0], "  sangat   SESUAI "), 4);
	assert_int_equal(label(&in.el[0], "Sesuai"), 3);
	assert_int_equal(label(&in.el[0], "Tidak sesuai"), 1);
	assert_int_equal(label(&in.el[0], "tidak\tSESUAI"), 1);
	assert_int_equal(label(&in.el[0], "Kurang sesuai"), 2);
	assert_int_equal(label(&in.el[0], "\xc2\xa0Sangat\xc2\xa0sesuai"), 4);
	/* U4 biaya is not reversed. */
	assert_int_equal(label(&in.el[3], "Gratis"), 4);
	assert_int_equal(label(&in.el[3], "Murah"), 3);
	assert_int_equal(label(&in.el[3], "Cukup mahal"), 2);
	assert_int_equal(label(&in.el[3], "Sangat mahal"), 1);
	/* U7 and U9 long labels. */
	assert_int_equal(label(&in.el[6], "sopan dan ramah"), 3);
	assert_int_equal(label(&in.el[6], "Sangat sopan dan ramah"), 4);
	assert_int_equal(label(&in.el[8], "Tidak ada"), 1);
	assert_int_equal(label(&in.el[8], "Ada tetapi tidak berfungsi"), 2);
	assert_int_equal(label(&in.el[8], "Berfungsi kurang maksimal"), 3);
	assert_int_equal(label(&in.el[8], "Dikelola dengan baik"), 4);
	/* Unknown labels, digits, empty. */
	assert_int_equal(label(&in.el[0], "Mudah"), 0);
	assert_int_equal(label(&in.el[0], "4"), 0);
	assert_int_equal(label(&in.el[0], ""), 0);
	assert_int_equal(label(&in.el[0], "   "), 0);
	/* A label of another element is not one of this element. */
	assert_int_equal(label(&in.el[1], "Sangat sesuai"), 0);
	/* Only len bytes are considered. */
	assert_int_equal(instr_match_label(&in.el[0], "Sesuai sekali", 6), 3);
}

static void test_label_too_long(void **state)
{
	struct instrument in;
	char big[400];

	(void)state;
	instr_standard(&in);
	memset(big, 'a', sizeof(big));
	assert_int_equal(instr_match_label(&in.el[0], big, sizeof(big)), 0);
}

static void test_spec_u1_u9(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, "U1-U9", &err), 0);
	assert_int_equal(in.k, 9);
	assert_int_equal(in.custom_weights, 0);
	assert_string_equal(in.el[0].id, "persyaratan");
	assert_string_equal(in.el[7].id, "sarana");
	assert_string_equal(in.el[8].id, "pengaduan");
	for (int j = 0; j < 9; j++) {
		assert_int_equal(in.el[j].w_num, 1);
		assert_int_equal(in.el[j].w_den, 9);
	}
	/* The same as instr_standard. */
	{
		struct instrument std;

		instr_standard(&std);
		for (int j = 0; j < 9; j++) {
			assert_string_equal(in.el[j].code, std.el[j].code);
			assert_string_equal(in.el[j].name, std.el[j].name);
		}
	}
}

static void test_spec_extra_element(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1-U9,U10=Kebersihan", &err), 0);
	assert_int_equal(in.k, 10);
	assert_string_equal(in.el[9].code, "U10");
	assert_string_equal(in.el[9].name, "Kebersihan");
	assert_string_equal(in.el[9].id, "u10");
	assert_null(in.el[9].question);
	for (int j = 0; j < 10; j++) {
		assert_int_equal(in.el[j].w_num, 1);
		assert_int_equal(in.el[j].w_den, 10);
	}
	/* Extra elements get generic labels. */
	assert_int_equal(label(&in.el[9], "Sangat baik"), 4);
	assert_int_equal(label(&in.el[9], "Tidak baik"), 1);

	/* A range past U9 makes default names. */
	assert_int_equal(instr_parse_spec(&in, "U1-U11", &err), 0);
	assert_int_equal(in.k, 11);
	assert_string_equal(in.el[10].code, "U11");
	assert_string_equal(in.el[10].name, "Unsur 11");
}

static void test_spec_ids_and_names(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "waktu,U1,Biaya", &err), 0);
	assert_int_equal(in.k, 3);
	assert_string_equal(in.el[0].code, "U3");
	assert_string_equal(in.el[0].id, "waktu");
	assert_string_equal(in.el[1].code, "U1");
	assert_string_equal(in.el[2].code, "U4");
	assert_string_equal(in.el[2].id, "biaya");
	assert_int_equal(in.el[0].w_den, 3);

	/* Renaming a standard element keeps its labels. */
	assert_int_equal(instr_parse_spec(&in, "U1=Syarat", &err), 0);
	assert_int_equal(in.k, 1);
	assert_string_equal(in.el[0].name, "Syarat");
	assert_int_equal(label(&in.el[0], "Sangat sesuai"), 4);
	assert_int_equal(in.el[0].w_num, 1);
	assert_int_equal(in.el[0].w_den, 1);

	/* A free-standing id is an extra element. */
	assert_int_equal(instr_parse_spec(&in, "U1-U9,kebersihan=Kebersihan Ruang", &err), 0);
	assert_int_equal(in.k, 10);
	assert_string_equal(in.el[9].id, "kebersihan");
	assert_string_equal(in.el[9].code, "U10");
	assert_string_equal(in.el[9].name, "Kebersihan Ruang");
}

static void test_spec_free_id_code_is_not_standard(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	/* U3 means waktu: an office element must not take the code U3. */
	assert_int_equal(instr_parse_spec(&in, "U1,U2,kebersihan", &err), 0);
	assert_int_equal(in.k, 3);
	assert_string_equal(in.el[2].id, "kebersihan");
	assert_string_equal(in.el[2].code, "U10");
	/* Nor a code already listed. */
	assert_int_equal(instr_parse_spec(&in, "U1-U9,U10=A,kebersihan", &err), 0);
	assert_int_equal(in.k, 11);
	assert_string_equal(in.el[10].code, "U11");
	assert_int_equal(instr_parse_spec(&in, "U1,kebersihan,U3", &err), 0);
	assert_int_equal(in.k, 3);
	assert_string_equal(in.el[2].id, "waktu");
}

static void test_spec_weights(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1@0.5,U2@1/2", &err), 0);
	assert_int_equal(in.k, 2);
	assert_int_equal(in.custom_weights, 1);
	assert_int_equal(in.el[0].w_num, 1);
	assert_int_equal(in.el[0].w_den, 2);
	assert_int_equal(in.el[1].w_num, 1);
	assert_int_equal(in.el[1].w_den, 2);

	/* Decimal commas inside weights. */
	assert_int_equal(instr_parse_spec(&in, "U1@0,25,U2@0,75", &err), 0);
	assert_int_equal(in.k, 2);
	assert_int_equal(in.el[0].w_num, 1);
	assert_int_equal(in.el[0].w_den, 4);
	assert_int_equal(in.el[1].w_num, 3);
	assert_int_equal(in.el[1].w_den, 4);

	/* Thirds are exact as fractions. */
	assert_int_equal(instr_parse_spec(&in, "U1@1/3,waktu@1/3,U10=X@1/3", &err), 0);
	assert_int_equal(in.k, 3);
	for (int j = 0; j < 3; j++) {
		assert_int_equal(in.el[j].w_num, 1);
		assert_int_equal(in.el[j].w_den, 3);
	}
	assert_string_equal(in.el[2].name, "X");

	/* Nine elements, uneven weights summing to 1. */
	assert_int_equal(instr_parse_spec(&in,
	                                  "U1@0.2,U2@0.1,U3@0.1,U4@0.1,U5@0.1,U6@0.1,U7@0.1,"
	                                  "U8@0.1,U9@1/10",
	                                  &err),
	                 0);
	assert_int_equal(in.k, 9);
	assert_int_equal(in.el[0].w_num, 1);
	assert_int_equal(in.el[0].w_den, 5);
	assert_int_equal(in.el[8].w_den, 10);
}

static void test_spec_weights_refused(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	/* 0.999 is not 1. */
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, "U1@0.333,U2@0.333,U3@0.333", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_non_null(strstr(err.msg, "0.999"));
	/* 1.001 neither. */
	assert_int_equal(instr_parse_spec(&in, "U1@0.5,U2@0.501", &err), -1);
	/* 0,111 x 9 = 0,999. */
	assert_int_equal(instr_parse_spec(&in,
	                                  "U1@0.111,U2@0.111,U3@0.111,U4@0.111,U5@0.111,U6@0.111,"
	                                  "U7@0.111,U8@0.111,U9@0.111",
	                                  &err),
	                 -1);
	/* A zero weight is refused: leave the element out instead. */
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, "U1@1,U2@0", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_non_null(strstr(err.msg, "U2"));
	/* Partial weights. */
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, "U1@1,U2", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	/* A weight on a range. */
	assert_int_equal(instr_parse_spec(&in, "U1-U9@1", &err), -1);
	/* Unreadable weights. */
	assert_int_equal(instr_parse_spec(&in, "U1@abc", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1@", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1@-1/1,U2@2", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1@1/0", &err), -1);
}

static void test_spec_weights_huge_denominators(void **state)
{
	struct instrument in;
	struct ikm_err err;
	char spec[2048];
	size_t o = 0;

	(void)state;
	/* Thirty weights with coprime 9-digit denominators: the exact sum must
	 * not overflow (a fixed-width common denominator did, silently). */
	for (int j = 1; j <= 30; j++) {
		o += (size_t)snprintf(spec + o, sizeof(spec) - o, "%sU%d@1/%d", j > 1 ? "," : "", j,
		                      1000000000 - 2 * j + 1);
	}
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, spec, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_non_null(strstr(err.msg, "exactly 1"));
	/* Large coprime denominators that do sum to 1. */
	assert_int_equal(instr_parse_spec(&in, "U1@1/999999937,U2@999999936/999999937", &err), 0);
	assert_int_equal(in.el[1].w_num, 999999936);
	assert_int_equal(in.el[1].w_den, 999999937);
	/* Three 10^14 denominators: their product passes 2^127 (a signed
	 * __int128 common denominator overflowed here); the sum is exactly 1. */
	assert_int_equal(
	    instr_parse_spec(&in, "U1@0.00000000000001,U2@0.00000000000003,U3@0.99999999999996",
	                     &err),
	    0);
	assert_int_equal(in.el[1].w_num, 3);
	assert_int_equal(in.el[1].w_den, 100000000000000LL);
	assert_int_equal(in.el[2].w_num, 24999999999999LL);
	assert_int_equal(in.el[2].w_den, 25000000000000LL);
	/* Fifteen-digit decimals that sum to exactly 1. */
	assert_int_equal(instr_parse_spec(&in, "U1@0.12345678901234,U2@0.87654321098766", &err), 0);
	assert_int_equal(in.el[0].w_num, 6172839450617LL);
	assert_int_equal(in.el[0].w_den, 50000000000000LL);
}

static void test_spec_refused(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	/* Duplicates, by code, by id, by range overlap, extras. */
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, "U1,U1", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_int_equal(instr_parse_spec(&in, "U1,persyaratan", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1-U9,U3", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1-U9,waktu", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U10=A,U10=B", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "kebersihan,kebersihan", &err), -1);
	/* Over INSTR_MAX_ELEMENTS. */
	err_clear(&err);
	assert_int_equal(instr_parse_spec(&in, "U1-U31", &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_int_equal(instr_parse_spec(&in, "U1-U30", &err), 0);
	assert_int_equal(in.k, INSTR_MAX_ELEMENTS);
	assert_int_equal(instr_parse_spec(&in, "U1-U30,kebersihan", &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	/* Malformed items and ranges. */
	assert_int_equal(instr_parse_spec(&in, "", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1-U9,", &err), -1);
	assert_int_equal(instr_parse_spec(&in, ",U1", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U9-U1", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1-", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "-U9", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U1-U9=Nama", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U0", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U100", &err), -1);
	assert_int_equal(instr_parse_spec(&in, "U01", &err), -1);
	/* Too long. */
	{
		char big[5000];

		memset(big, 'U', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		assert_int_equal(instr_parse_spec(&in, big, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
	}
}

static void test_legacy(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0.111", &err), 0);
	assert_int_equal(in.method, INSTR_METHOD_LEGACY_0111);
	assert_string_equal(instr_method_label(&in), "legacy-weight-0.111");
	for (int j = 0; j < 9; j++) {
		assert_int_equal(in.el[j].w_num * 1000, 111 * in.el[j].w_den);
	}
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0,11", &err), 0);
	assert_int_equal(in.method, INSTR_METHOD_LEGACY_011);
	assert_string_equal(instr_method_label(&in), "legacy-weight-0.11");
	for (int j = 0; j < 9; j++)
		assert_int_equal(in.el[j].w_num * 100, 11 * in.el[j].w_den);
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0,111", &err), 0);
	instr_standard(&in);
	assert_int_equal(instr_set_legacy(&in, "0.11", &err), 0);

	/* Anything else is refused and leaves the weights alone. */
	static const char *const bad[] = {"0.1111", "1/9", "0.1", "0.110", "", "0.11 ", "011"};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		instr_standard(&in);
		err_clear(&err);
		assert_int_equal(instr_set_legacy(&in, bad[i], &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
		assert_int_equal(in.method, INSTR_METHOD_STANDARD);
		assert_int_equal(in.el[0].w_num, 1);
		assert_int_equal(in.el[0].w_den, 9);
	}

	/* 0,111 is a display of 1/9: not for ten elements or custom weights. */
	assert_int_equal(instr_parse_spec(&in, "U1-U10", &err), 0);
	assert_int_equal(instr_set_legacy(&in, "0.111", &err), -1);
	assert_int_equal(in.el[0].w_den, 10);
	assert_int_equal(instr_parse_spec(&in,
	                                  "U1@0.2,U2@0.1,U3@0.1,U4@0.1,U5@0.1,U6@0.1,U7@0.1,"
	                                  "U8@0.1,U9@0.1",
	                                  &err),
	                 0);
	assert_int_equal(instr_set_legacy(&in, "0.11", &err), -1);
	assert_int_equal(in.el[0].w_den, 5);
}

static void test_equal_weights_and_extra(void **state)
{
	struct instrument in;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	assert_int_equal(instr_add_extra(&in, "U10", "kebersihan", "Kebersihan", &err), 0);
	assert_int_equal(in.k, 10);
	assert_string_equal(in.el[9].id, "kebersihan");
	for (int j = 0; j < 10; j++)
		assert_int_equal(in.el[j].w_den, 10);
	/* Duplicate code or id. */
	assert_int_equal(instr_add_extra(&in, "U10", NULL, "Lain", &err), -1);
	assert_int_equal(instr_add_extra(&in, "U11", "waktu", "Lain", &err), -1);
	/* Too long a name. */
	{
		char name[200];

		memset(name, 'n', sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		assert_int_equal(instr_add_extra(&in, "U11", NULL, name, &err), -1);
	}
	/* Fill to the limit, then refuse. */
	for (int c = 11; c <= INSTR_MAX_ELEMENTS; c++) {
		char code[16];

		snprintf(code, sizeof(code), "U%d", c);
		assert_int_equal(instr_add_extra(&in, code, NULL, "x", &err), 0);
	}
	assert_int_equal(in.k, INSTR_MAX_ELEMENTS);
	err_clear(&err);
	assert_int_equal(instr_add_extra(&in, "U31", NULL, "x", &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	in.el[0].w_num = 7;
	in.custom_weights = 1;
	instr_equal_weights(&in);
	assert_int_equal(in.el[0].w_num, 1);
	assert_int_equal(in.el[0].w_den, INSTR_MAX_ELEMENTS);
	assert_int_equal(in.custom_weights, 0);
}

static void test_rational(void **state)
{
	int64_t n, d;
	struct ikm_err err;

	(void)state;
	assert_int_equal(instr_parse_rational("0.15", &n, &d, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(d, 20);
	assert_int_equal(instr_parse_rational("0,15", &n, &d, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(d, 20);
	assert_int_equal(instr_parse_rational("3/20", &n, &d, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(d, 20);
	assert_int_equal(instr_parse_rational("6/40", &n, &d, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(d, 20);
	assert_int_equal(instr_parse_rational("1", &n, &d, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d, 1);
	assert_int_equal(instr_parse_rational("1/9", &n, &d, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d, 9);
	assert_int_equal(instr_parse_rational(".5", &n, &d, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d, 2);
	assert_int_equal(instr_parse_rational("0.111", &n, &d, &err), 0);
	assert_int_equal(n, 111);
	assert_int_equal(d, 1000);
	assert_int_equal(instr_parse_rational("0", &n, &d, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(d, 1);
	/* Fifteen digits is the limit. */
	assert_int_equal(instr_parse_rational("0.00000000000001", &n, &d, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d, 100000000000000LL);

	static const char *const bad[] = {"",
	                                  ".",
	                                  "1.2.3",
	                                  "1,2.3",
	                                  "a",
	                                  "1/",
	                                  "/2",
	                                  "1/0",
	                                  "-1/2",
	                                  "1/-2",
	                                  "-0.5",
	                                  " 1/2",
	                                  "+1/2",
	                                  "1/ 2",
	                                  "1/+2",
	                                  "1/2x",
	                                  "1 / 2",
	                                  "0.5 ",
	                                  "1e3",
	                                  "2000000000/3",
	                                  "1/2000000000",
	                                  "0.000000000000001"};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&err);
		if (instr_parse_rational(bad[i], &n, &d, &err) != -1)
			fail_msg("\"%s\" was accepted as %lld/%lld", bad[i], (long long)n,
			         (long long)d);
		assert_int_equal(err.kind, IKM_EUSAGE);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_standard_nine),
	    cmocka_unit_test(test_standard_index),
	    cmocka_unit_test(test_labels_whole_and_folded),
	    cmocka_unit_test(test_label_too_long),
	    cmocka_unit_test(test_spec_u1_u9),
	    cmocka_unit_test(test_spec_extra_element),
	    cmocka_unit_test(test_spec_ids_and_names),
	    cmocka_unit_test(test_spec_free_id_code_is_not_standard),
	    cmocka_unit_test(test_spec_weights),
	    cmocka_unit_test(test_spec_weights_refused),
	    cmocka_unit_test(test_spec_weights_huge_denominators),
	    cmocka_unit_test(test_spec_refused),
	    cmocka_unit_test(test_legacy),
	    cmocka_unit_test(test_equal_weights_and_extra),
	    cmocka_unit_test(test_rational),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
