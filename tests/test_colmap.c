/* Unit tests of src/io/colmap.c: which column holds which element or
 * profile field — codes, ids, names, Google Forms question texts,
 * profile headers, extras, and the errors for missing, doubled and
 * ambiguous columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "colmap.h"
#include "err.h"
#include "instrument.h"
#include "table.h"
#include "testutil.h"

#define MAXH 64

/* A header row built from string literals. */
struct hdr {
	const char *f[MAXH];
	size_t len[MAXH];
	struct table_row row;
};

static const struct table_row *mkrow(struct hdr *h, const char *const *names, size_t n)
{
	assert_true(n <= MAXH);
	for (size_t i = 0; i < n; i++) {
		h->f[i] = names[i];
		h->len[i] = strlen(names[i]);
	}
	h->row.n = n;
	h->row.field = h->f;
	h->row.len = h->len;
	h->row.line = 1;
	return &h->row;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Map `names` against the standard nine; returns colmap_build's result. */
static int build(struct colmap *m, struct instrument *in, int extras, const char *const *names,
                 size_t n, struct ikm_err *err)
{
	struct hdr h;

	err_clear(err);
	return colmap_build(m, in, extras, mkrow(&h, names, n), "data.csv", err);
}

static void expect_ok(struct colmap *m, struct instrument *in, int extras, const char *const *names,
                      size_t n)
{
	struct ikm_err err;

	if (build(m, in, extras, names, n, &err) != 0) {
		print_error("colmap_build failed: %s\n", err.msg);
		fail();
	}
}

static void test_codes(void **state)
{
	static const char *const h[] = {"No", "U1", "U2", "U3", "U4",        "U5",
	                                "U6", "U7", "U8", "U9", "Keterangan"};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	assert_int_equal(m.ncols, 11);
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], j + 1);
	for (int j = 9; j < INSTR_MAX_ELEMENTS; j++)
		assert_int_equal(m.elem_col[j], -1);
	for (int p = 0; p < PROF_COUNT; p++)
		assert_int_equal(m.prof_col[p], -1);
	assert_string_equal(m.header[0], "U1");
	assert_string_equal(m.header[8], "U9");
	assert_int_equal(m.nignored, 2);
	assert_string_equal(m.ignored[0], "No");
	assert_string_equal(m.ignored[1], "Keterangan");
	assert_int_equal(in.k, 9);
}

static void test_codes_lowercase_shuffled(void **state)
{
	static const char *const h[] = {"u9", "u3", "U1", "u2", "U8", "u4", "u7", "u6", "u5"};
	static const int col[9] = {2, 3, 1, 5, 8, 7, 6, 4, 0};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], col[j]);
	assert_int_equal(m.nignored, 0);
}

static void test_code_with_name(void **state)
{
	static const char *const h[] = {
	    "U3. Waktu Penyelesaian",
	    "U1. Persyaratan",
	    "U2. Sistem, Mekanisme, dan Prosedur",
	    "U4 - Biaya/Tarif",
	    "U5 Produk Spesifikasi Jenis Pelayanan",
	    "U6. Kompetensi Pelaksana",
	    "U7. Perilaku Pelaksana",
	    "U9. Penanganan Pengaduan, Saran dan Masukan",
	    "U8. Sarana dan Prasarana",
	};
	static const int col[9] = {1, 2, 0, 3, 4, 5, 6, 8, 7};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], col[j]);
	assert_string_equal(m.header[2], "U3. Waktu Penyelesaian");
	assert_int_equal(m.prof_col[PROF_SUGGESTION], -1);
}

static void test_ids(void **state)
{
	static const char *const h[] = {"Persyaratan", "prosedur", "WAKTU",  "biaya",    "Produk",
	                                "kompetensi",  "perilaku", "Sarana", "pengaduan"};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], j);
}

static void test_names(void **state)
{
	static const char *const h[] = {
	    "Sarana dan Prasarana",
	    "Penanganan Pengaduan, Saran dan Masukan",
	    "Persyaratan",
	    "Sistem, Mekanisme dan Prosedur",
	    "Waktu Penyelesaian",
	    "Biaya / Tarif",
	    "Produk Spesifikasi Jenis Pelayanan",
	    "Kompetensi Pelaksana",
	    "PERILAKU PELAKSANA",
	};
	static const int col[9] = {2, 3, 4, 5, 6, 7, 8, 0, 1};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], col[j]);
}

/* The question texts of a Google Forms export, in a shuffled order, with
 * the profile columns such a form has. */
static const char *const q_text[9] = {
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
    "pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
    "dalam standar pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan "
    "keramahan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
};

static void test_google_forms(void **state)
{
	const char *h[] = {
	    "Timestamp", "Jenis Kelamin", "Usia",    "Pendidikan",
	    "Pekerjaan", "Jenis Layanan", q_text[6], q_text[0],
	    q_text[8],   q_text[3],       q_text[1], q_text[7],
	    q_text[2],   q_text[5],       q_text[4], "Saran dan Masukan",
	};
	static const int col[9] = {7, 10, 12, 9, 14, 13, 6, 11, 8};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], col[j]);
	assert_int_equal(m.prof_col[PROF_DATE], 0);
	assert_int_equal(m.prof_col[PROF_GENDER], 1);
	assert_int_equal(m.prof_col[PROF_AGE], 2);
	assert_int_equal(m.prof_col[PROF_EDUCATION], 3);
	assert_int_equal(m.prof_col[PROF_JOB], 4);
	assert_int_equal(m.prof_col[PROF_SERVICE], 5);
	assert_int_equal(m.prof_col[PROF_SUGGESTION], 15);
	assert_int_equal(m.prof_col[PROF_TIME], -1);
	assert_int_equal(m.nignored, 0);
	/* The element header is kept, cut to COLMAP_HEADER_SHOWN bytes. */
	assert_int_equal(strlen(m.header[4]), COLMAP_HEADER_SHOWN);
	assert_memory_equal(m.header[4], q_text[4], COLMAP_HEADER_SHOWN);
}

static void test_google_forms_grid(void **state)
{
	/* A multiple-choice grid exports "Question [Row]" headers. */
	static const char *const h[] = {
	    "Cap waktu",
	    "Penilaian Saudara [Persyaratan]",
	    "Penilaian Saudara [Sistem, Mekanisme, dan Prosedur]",
	    "Penilaian Saudara [Waktu Penyelesaian]",
	    "Penilaian Saudara [Biaya/Tarif]",
	    "Penilaian Saudara [Produk Spesifikasi Jenis Pelayanan]",
	    "Penilaian Saudara [Kompetensi Pelaksana]",
	    "Penilaian Saudara [Perilaku Pelaksana]",
	    "Penilaian Saudara [Sarana dan Prasarana]",
	    "Penilaian Saudara [Penanganan Pengaduan, Saran dan Masukan]",
	    "Kritik dan saran",
	};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], j + 1);
	assert_int_equal(m.prof_col[PROF_DATE], 0);
	assert_int_equal(m.prof_col[PROF_SUGGESTION], 10);
}

static void test_timestamp_is_date_not_waktu(void **state)
{
	const char *h1[] = {"Cap waktu", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"};
	const char *h2[] = {"Stempel waktu", q_text[0], q_text[1], q_text[2], q_text[3],
	                    q_text[4],       q_text[5], q_text[6], q_text[7], q_text[8]};
	/* A second date-like column must not become element waktu either. */
	const char *h3[] = {"Tanggal", "Cap waktu", "U1", "U2", "U3", "U4",
	                    "U5",      "U6",        "U7", "U8", "U9", "Jam"};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h1, N(h1));
	assert_int_equal(m.prof_col[PROF_DATE], 0);
	assert_int_equal(m.elem_col[2], 3);
	expect_ok(&m, &in, 0, h2, N(h2));
	assert_int_equal(m.prof_col[PROF_DATE], 0);
	assert_int_equal(m.elem_col[2], 3);
	expect_ok(&m, &in, 0, h3, N(h3));
	assert_int_equal(m.prof_col[PROF_DATE], 0);
	assert_int_equal(m.prof_col[PROF_TIME], 11);
	assert_int_equal(m.elem_col[2], 4);
	assert_int_equal(m.nignored, 1);
	assert_string_equal(m.ignored[0], "Cap waktu");
}

static void test_profile_numbering(void **state)
{
	static const char *const h[] = {
	    "1. Jenis Kelamin",
	    "2. Usia",
	    "3. Pendidikan terakhir",
	    "4) Pekerjaan",
	    "No. 5 Jenis layanan yang diterima",
	    "6 Tanggal",
	    "7. Jam",
	    "U1",
	    "U2",
	    "U3",
	    "U4",
	    "U5",
	    "U6",
	    "U7",
	    "U8",
	    "U9",
	    "16. Saran dan masukan",
	};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	assert_int_equal(m.prof_col[PROF_GENDER], 0);
	assert_int_equal(m.prof_col[PROF_AGE], 1);
	assert_int_equal(m.prof_col[PROF_EDUCATION], 2);
	assert_int_equal(m.prof_col[PROF_JOB], 3);
	assert_int_equal(m.prof_col[PROF_SERVICE], 4);
	assert_int_equal(m.prof_col[PROF_DATE], 5);
	assert_int_equal(m.prof_col[PROF_TIME], 6);
	assert_int_equal(m.prof_col[PROF_SUGGESTION], 16);
	assert_int_equal(m.elem_col[0], 7);
	assert_int_equal(m.elem_col[8], 15);
	assert_int_equal(m.nignored, 0);
}

static void test_numbered_questions(void **state)
{
	char q[9][200];
	const char *h[9];
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	for (int j = 0; j < 9; j++) {
		snprintf(q[j], sizeof(q[j]), "%d. %s", j + 1, q_text[j]);
		h[8 - j] = q[j];
	}
	expect_ok(&m, &in, 0, h, 9);
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], 8 - j);
}

static void test_extras(void **state)
{
	static const char *const h[] = {"U1", "U2", "U3", "U11", "U4",  "U5",
	                                "U6", "U7", "U8", "U9",  "U10", "Usia"};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 1, h, N(h));
	assert_int_equal(in.k, 11);
	/* Added in numeric order, whatever the column order. */
	assert_string_equal(in.el[9].code, "U10");
	assert_string_equal(in.el[10].code, "U11");
	assert_int_equal(in.el[9].w_num, 1);
	assert_int_equal(in.el[9].w_den, 11);
	assert_int_equal(m.elem_col[9], 10);
	assert_int_equal(m.elem_col[10], 3);
	assert_int_equal(m.elem_col[3], 4);
	assert_int_equal(m.prof_col[PROF_AGE], 11);
	assert_int_equal(m.nignored, 0);

	/* Without add_extras the U10/U11 columns are ignored and listed. */
	instr_standard(&in);
	assert_int_equal(build(&m, &in, 0, h, N(h), &err), 0);
	assert_int_equal(in.k, 9);
	assert_int_equal(m.nignored, 2);
	assert_string_equal(m.ignored[0], "U11");
	assert_string_equal(m.ignored[1], "U10");
}

static void test_extras_limit(void **state)
{
	char names[40][16];
	const char *h[40];
	struct instrument in;
	struct colmap m;

	(void)state;
	/* U40 .. U1 in reverse: U1..U30 fit INSTR_MAX_ELEMENTS, the rest are
	 * ignored (and not mistaken for anything else). */
	for (int i = 0; i < 40; i++) {
		snprintf(names[i], sizeof(names[i]), "U%d", 40 - i);
		h[i] = names[i];
	}
	instr_standard(&in);
	expect_ok(&m, &in, 1, h, 40);
	assert_int_equal(in.k, INSTR_MAX_ELEMENTS);
	assert_string_equal(in.el[29].code, "U30");
	assert_int_equal(m.elem_col[0], 39);
	assert_int_equal(m.elem_col[29], 10);
	assert_int_equal(m.nignored, 10);
	assert_string_equal(m.ignored[0], "U40");
	assert_string_equal(m.ignored[9], "U31");
}

static void test_extra_code_wins_over_keywords(void **state)
{
	/* "U10. Kecepatan antrean" holds the word "kecepatan" (a key word of
	 * waktu) but its code says U10. */
	static const char *const h[] = {"U1", "U2", "U3", "U4", "U5",
	                                "U6", "U7", "U8", "U9", "U10. Kecepatan antrean"};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 1, h, N(h));
	assert_int_equal(in.k, 10);
	assert_int_equal(m.elem_col[2], 2);
	assert_int_equal(m.elem_col[9], 9);
	/* Without extras it is ignored, not taken as a second waktu. */
	instr_standard(&in);
	assert_int_equal(build(&m, &in, 0, h, N(h), &err), 0);
	assert_int_equal(m.elem_col[2], 2);
	assert_int_equal(m.nignored, 1);
}

static void test_missing_element(void **state)
{
	static const char *const h[] = {"No", "U1", "U2", "U3", "U4",       "U5",
	                                "U6", "U7", "U8", "P9", "Nilai Q9", "Usia"};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	assert_int_equal(build(&m, &in, 0, h, N(h), &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "data.csv");
	assert_contains(err.msg, "1 unsur");
	assert_contains(err.msg, "U9 (Penanganan Pengaduan, Saran dan Masukan)");
	assert_not_contains(err.msg, "U8 (");
	/* The columns that were not mapped, with their numbers. */
	assert_contains(err.msg, "10 (\"P9\")");
	assert_contains(err.msg, "11 (\"Nilai Q9\")");
	assert_contains(err.msg, "1 (\"No\")");
	assert_not_contains(err.msg, "Usia");
	/* And how to name them. */
	assert_contains(err.msg, "U1..U9");
}

static void test_missing_many(void **state)
{
	static const char *const h[] = {"Nama", "Alamat", "U2", "U5", "", " "};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	assert_int_equal(build(&m, &in, 0, h, N(h), &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "7 unsur");
	assert_contains(err.msg, "U1 (Persyaratan)");
	assert_contains(err.msg, "U9 (");
	assert_not_contains(err.msg, "U2 (");
	assert_contains(err.msg, "1 (\"Nama\")");
	assert_contains(err.msg, "2 (\"Alamat\");");
	assert_not_contains(err.msg, "(\"\")"); /* blank headers are not listed */
	assert_not_contains(err.msg, "(\" \")");
	assert_contains(err.msg, "U1..U9");
}

static void test_missing_with_long_headers(void **state)
{
	/* Many long unmapped headers: the message stays within its buffer
	 * and still tells how to name the columns. */
	char names[40][100];
	const char *h[40];
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	for (int i = 0; i < 40; i++) {
		snprintf(names[i], sizeof(names[i]),
		         "Kolom tambahan nomor %02d yang sangat panjang sekali sekali sekali", i);
		h[i] = names[i];
	}
	assert_int_equal(build(&m, &in, 0, h, 40, &err), -1);
	assert_true(strlen(err.msg) < IKM_ERR_MSG_MAX);
	assert_contains(err.msg, "9 unsur");
	assert_contains(err.msg, "U9 (");
	assert_contains(err.msg, "1 (\"Kolom tambahan nomor 00");
	assert_contains(err.msg, "kolom lain;");
	assert_contains(err.msg, "U1..U9");
	assert_int_equal(m.nignored, 40);
}

static void test_duplicate_element(void **state)
{
	static const char *const h[] = {
	    "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "Waktu Penyelesaian", "U9"};
	static const char *const h2[] = {"U1", "U2", "U3", "U4", "U5",
	                                 "U6", "U7", "U8", "U9", "u1"};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	assert_int_equal(build(&m, &in, 0, h, N(h), &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "data.csv");
	assert_contains(err.msg, "kolom 3 (\"U3\")");
	assert_contains(err.msg, "kolom 9 (\"Waktu Penyelesaian\")");
	assert_contains(err.msg, "U3 (Waktu Penyelesaian)");
	assert_int_equal(build(&m, &in, 0, h2, N(h2), &err), -1);
	assert_contains(err.msg, "kolom 1 (\"U1\")");
	assert_contains(err.msg, "kolom 10 (\"u1\")");
}

static void test_ambiguous_question(void **state)
{
	static const char *const h[] = {
	    "U1", "U2", "U3", "U4", "U5",
	    "U6", "U7", "U8", "U9", "Bagaimana pendapat Saudara tentang waktu dan biaya pelayanan?",
	};
	static const char *const h2[] = {
	    "U1", "U2", "U4",
	    "U5", "U6", "U7",
	    "U8", "U9", "Bagaimana pendapat Saudara tentang kecepatan dan kesopanan petugas?",
	};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	assert_int_equal(m.elem_col[2], 2);
	assert_int_equal(m.elem_col[3], 3);
	assert_int_equal(m.nignored, 1);
	assert_int_equal(strlen(m.ignored[0]), COLMAP_HEADER_SHOWN);
	assert_memory_equal(m.ignored[0], h[9], COLMAP_HEADER_SHOWN);
	/* When an element is missing, the ambiguous column is named. */
	assert_int_equal(build(&m, &in, 0, h2, N(h2), &err), -1);
	assert_contains(err.msg, "U3 (Waktu Penyelesaian)");
	assert_contains(err.msg, "9 (\"Bagaimana pendapat Saudara tentang kecepatan");
}

static void test_ignored_list(void **state)
{
	char names[50][24];
	const char *h[59];
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	for (int i = 0; i < 50; i++) {
		snprintf(names[i], sizeof(names[i]), "Kolom %d", i);
		h[i] = names[i];
	}
	for (int j = 0; j < 9; j++)
		h[50 + j] = q_text[j];
	expect_ok(&m, &in, 0, h, 59);
	assert_int_equal(m.nignored, 50);
	assert_string_equal(m.ignored[0], "Kolom 0");
	assert_string_equal(m.ignored[COLMAP_KEEP_IGNORED - 1], "Kolom 39");
	for (int j = 0; j < 9; j++)
		assert_int_equal(m.elem_col[j], 50 + j);
}

static void test_header_shown(void **state)
{
	/* Control characters become spaces; a UTF-8 sequence is not cut. */
	char longname[200];
	const char *h[] = {"U1\nPersyaratan", "U2", "U3", "U4", "U5", "U6", "U7", "U8", longname};
	struct instrument in;
	struct colmap m;
	size_t n;

	(void)state;
	instr_standard(&in);
	/* "U9 " then 'e' with an acute accent (2 bytes) repeated */
	n = (size_t)snprintf(longname, sizeof(longname), "U9 ");
	while (n + 2 < sizeof(longname)) {
		longname[n++] = '\xC3';
		longname[n++] = '\xA9';
	}
	longname[n] = '\0';
	expect_ok(&m, &in, 0, h, N(h));
	assert_string_equal(m.header[0], "U1 Persyaratan");
	assert_int_equal(m.elem_col[8], 8);
	assert_true(strlen(m.header[8]) <= COLMAP_HEADER_SHOWN);
	assert_int_equal(strlen(m.header[8]), COLMAP_HEADER_SHOWN - 1);
	assert_true((unsigned char)m.header[8][COLMAP_HEADER_SHOWN - 2] == 0xA9);
}

static void test_custom_instrument(void **state)
{
	/* --elements U1,U2,U4: a "U3" column is ignored, not an error; the
	 * header "U3. Biaya antrean" is not taken as biaya (U4) by its key
	 * word, which would clash with the U4 column. */
	static const char *const h[] = {"U1", "U2", "U3. Biaya antrean", "U4"};
	struct instrument in;
	struct colmap m;
	struct ikm_err err;

	(void)state;
	assert_int_equal(instr_parse_spec(&in, "U1,U2,U4", &err), 0);
	assert_int_equal(in.k, 3);
	expect_ok(&m, &in, 0, h, N(h));
	assert_int_equal(m.elem_col[0], 0);
	assert_int_equal(m.elem_col[1], 1);
	assert_int_equal(m.elem_col[2], 3);
	assert_int_equal(m.nignored, 1);
}

static void test_profile_names(void **state)
{
	(void)state;
	assert_string_equal(colmap_profile_name(PROF_GENDER), "jenis kelamin");
	assert_string_equal(colmap_profile_name(PROF_SERVICE), "jenis layanan");
	assert_string_equal(colmap_profile_name(PROF_SUGGESTION), "saran");
	assert_string_equal(colmap_profile_name(PROF_COUNT), "");
	assert_string_equal(colmap_profile_name((enum colmap_profile) - 1), "");
}

static void test_empty_and_blank_headers(void **state)
{
	static const char *const h[] = {"",   "U1", "  ", "U2", "U3", "U4",
	                                "U5", "U6", "U7", "U8", "U9", "?!"};
	struct instrument in;
	struct colmap m;

	(void)state;
	instr_standard(&in);
	expect_ok(&m, &in, 0, h, N(h));
	assert_int_equal(m.nignored, 3);
	assert_int_equal(m.elem_col[0], 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_codes),
	    cmocka_unit_test(test_codes_lowercase_shuffled),
	    cmocka_unit_test(test_code_with_name),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_google_forms),
	    cmocka_unit_test(test_google_forms_grid),
	    cmocka_unit_test(test_timestamp_is_date_not_waktu),
	    cmocka_unit_test(test_profile_numbering),
	    cmocka_unit_test(test_numbered_questions),
	    cmocka_unit_test(test_extras),
	    cmocka_unit_test(test_extras_limit),
	    cmocka_unit_test(test_extra_code_wins_over_keywords),
	    cmocka_unit_test(test_missing_element),
	    cmocka_unit_test(test_missing_many),
	    cmocka_unit_test(test_missing_with_long_headers),
	    cmocka_unit_test(test_duplicate_element),
	    cmocka_unit_test(test_ambiguous_question),
	    cmocka_unit_test(test_ignored_list),
	    cmocka_unit_test(test_header_shown),
	    cmocka_unit_test(test_custom_instrument),
	    cmocka_unit_test(test_profile_names),
	    cmocka_unit_test(test_empty_and_blank_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
