/* Unit tests of src/io/respondent.c (with respdate.c): the respondent
 * profile tally — the spellings folded into the regulation's categories,
 * age bands (default, custom, --age-bands parsing), the category limit,
 * missing values, survey dates in every format, suggestions grouped, "no
 * suggestion" answers and the suggestion limit, UTF-8-safe truncation,
 * and display order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "respondent.h"
#include "resptest.h"
#include "testutil.h"

#define EN_DASH "\xE2\x80\x93"
#define GE      "\xE2\x89\xA5"

/* One row: v[p] is the value of profile field p, NULL = no column. */
static void add_row(struct resp_tally *t, const char *const v[PROF_COUNT])
{
	size_t len[PROF_COUNT];

	for (int p = 0; p < PROF_COUNT; p++)
		len[p] = v[p] != NULL ? strlen(v[p]) : 0;
	resp_add(t, v, len);
}

/* A row with only field p set to s. */
static void add1(struct resp_tally *t, enum colmap_profile p, const char *s)
{
	const char *v[PROF_COUNT] = {NULL};

	v[p] = s;
	add_row(t, v);
}

/* 1 when s is valid UTF-8. */
static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4;

		if (*p >= 0x80 && *p < 0xC2)
			return 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static void test_gender_spellings(void **state)
{
	static const char *const male[] = {
	    "L",         "l",    "Laki-laki", "Laki laki", " laki - LAKI ",
	    "LAKI-LAKI", "Pria", "pria ",     "M",         "Male"};
	static const char *const female[] = {"P",      "p ", "Perempuan", "PEREMPUAN",
	                                     "Wanita", "F",  "female"};
	struct resp_tally t;
	const struct resp_table *g = &t.t[RESP_GENDER];

	(void)state;
	resp_init(&t, NULL, 0);
	for (size_t i = 0; i < sizeof(male) / sizeof(male[0]); i++)
		add1(&t, PROF_GENDER, male[i]);
	for (size_t i = 0; i < sizeof(female) / sizeof(female[0]); i++)
		add1(&t, PROF_GENDER, female[i]);
	add1(&t, PROF_GENDER, "  Tidak   ingin\tmenyebut ");
	add1(&t, PROF_GENDER, "tidak ingin menyebut");
	resp_sorted(&t);
	assert_int_equal(t.rows, 19);
	assert_int_equal(g->ncat, 3);
	assert_string_equal(g->cat[0].label, "Laki-laki");
	assert_string_equal(g->cat[1].label, "Perempuan");
	assert_int_equal(g->cat[0].count, 10);
	assert_int_equal(g->cat[1].count, 7);
	/* Other values: trimmed, spaces collapsed, grouped ignoring case, the
	 * first spelling kept. */
	assert_string_equal(g->cat[2].label, "Tidak ingin menyebut");
	assert_int_equal(g->cat[2].count, 2);
	assert_int_equal(g->missing, 0);
	assert_int_equal(g->other, 0);
	resp_free(&t);
}

static void test_known_listed_with_zero(void **state)
{
	struct resp_tally t;

	(void)state;
	resp_init(&t, NULL, 0);
	resp_sorted(&t);
	assert_int_equal(t.t[RESP_GENDER].ncat, 2);
	assert_int_equal(t.t[RESP_AGE].ncat, 6);
	assert_int_equal(t.t[RESP_EDUCATION].ncat, 7);
	assert_int_equal(t.t[RESP_JOB].ncat, 6);
	assert_int_equal(t.t[RESP_SERVICE].ncat, 0);
	for (int f = 0; f < RESP_NFIELDS; f++) {
		assert_int_equal(t.t[f].present, 0);
		for (int i = 0; i < t.t[f].ncat; i++)
			assert_int_equal(t.t[f].cat[i].count, 0);
	}
	assert_string_equal(t.date_min, "");
	assert_string_equal(t.date_max, "");
	assert_int_equal(t.nsugg, 0);
	resp_free(&t);
	resp_free(&t); /* twice is fine */
	resp_free(NULL);
}

static void test_age_default_bands(void **state)
{
	static const char *const labels[] = {"< 20 tahun",
	                                     "20" EN_DASH "29 tahun",
	                                     "30" EN_DASH "39 tahun",
	                                     "40" EN_DASH "49 tahun",
	                                     "50" EN_DASH "59 tahun",
	                                     GE " 60 tahun"};
	struct resp_tally t;
	const struct resp_table *a = &t.t[RESP_AGE];

	(void)state;
	resp_init(&t, NULL, 0);
	assert_int_equal(t.nbands, 5);
	add1(&t, PROF_AGE, "1");
	add1(&t, PROF_AGE, "19");
	add1(&t, PROF_AGE, "20");
	add1(&t, PROF_AGE, " 35 ");
	add1(&t, PROF_AGE, "35 tahun");
	add1(&t, PROF_AGE, "35 Tahun");
	add1(&t, PROF_AGE, "35thn");
	add1(&t, PROF_AGE, "59");
	add1(&t, PROF_AGE, "60");
	add1(&t, PROF_AGE, "150");
	/* Not ages: kept as categories of their own. */
	add1(&t, PROF_AGE, "151");
	add1(&t, PROF_AGE, "0");
	add1(&t, PROF_AGE, "20 - 29 tahun");
	add1(&t, PROF_AGE, "20 - 29 tahun");
	add1(&t, PROF_AGE, "tiga puluh");
	add1(&t, PROF_AGE, "");
	resp_sorted(&t);
	assert_true(a->ncat >= 6);
	for (int i = 0; i < 6; i++)
		assert_string_equal(a->cat[i].label, labels[i]);
	assert_int_equal(a->cat[0].count, 2); /* 1, 19 */
	assert_int_equal(a->cat[1].count, 1); /* 20 */
	assert_int_equal(a->cat[2].count, 4); /* 35 four ways */
	assert_int_equal(a->cat[3].count, 0);
	assert_int_equal(a->cat[4].count, 1); /* 59 */
	assert_int_equal(a->cat[5].count, 2); /* 60, 150 */
	/* Others after the bands, by count. */
	assert_int_equal(a->ncat, 10);
	assert_string_equal(a->cat[6].label, "20 - 29 tahun");
	assert_int_equal(a->cat[6].count, 2);
	assert_string_equal(a->cat[7].label, "151");
	assert_string_equal(a->cat[8].label, "0");
	assert_string_equal(a->cat[9].label, "tiga puluh");
	assert_int_equal(a->missing, 1);
	resp_free(&t);
}

static void test_age_custom_bands(void **state)
{
	static const int cut[] = {17, 25, 65};
	static const int narrow[] = {20, 21, 150};
	static const int bad[] = {30, 20};
	struct resp_tally t;
	const struct resp_table *a = &t.t[RESP_AGE];

	(void)state;
	resp_init(&t, cut, 3);
	assert_int_equal(a->ncat, 4);
	assert_string_equal(a->cat[0].label, "< 17 tahun");
	assert_string_equal(a->cat[1].label, "17" EN_DASH "24 tahun");
	assert_string_equal(a->cat[2].label, "25" EN_DASH "64 tahun");
	assert_string_equal(a->cat[3].label, GE " 65 tahun");
	add1(&t, PROF_AGE, "16");
	add1(&t, PROF_AGE, "17");
	add1(&t, PROF_AGE, "24");
	add1(&t, PROF_AGE, "25");
	add1(&t, PROF_AGE, "64");
	add1(&t, PROF_AGE, "65");
	assert_int_equal(a->cat[0].count, 1);
	assert_int_equal(a->cat[1].count, 2);
	assert_int_equal(a->cat[2].count, 2);
	assert_int_equal(a->cat[3].count, 1);
	resp_free(&t);

	/* A one-year band is labelled by its year. */
	resp_init(&t, narrow, 3);
	assert_string_equal(a->cat[1].label, "20 tahun");
	assert_string_equal(a->cat[2].label, "21" EN_DASH "149 tahun");
	assert_string_equal(a->cat[3].label, GE " 150 tahun");
	resp_free(&t);

	/* Invalid cut points (a caller's bug) give the default bands. */
	resp_init(&t, bad, 2);
	assert_int_equal(t.nbands, 5);
	assert_int_equal(t.cut[0], 20);
	resp_free(&t);
}

static void expect_bad_bands(const char *spec, const char *part)
{
	int cut[RESP_MAX_BANDS] = {0}, n = -1;
	struct ikm_err err;

	err_clear(&err);
	assert_int_equal(resp_parse_bands(spec, cut, &n, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_int_equal(n, -1); /* untouched */
	assert_contains(err.msg, part);
	assert_contains(err.msg, " / ");
}

static void test_parse_bands(void **state)
{
	int cut[RESP_MAX_BANDS], n = 0;
	struct ikm_err err;

	(void)state;
	assert_int_equal(resp_parse_bands("20,30,40,50,60", cut, &n, &err), 0);
	assert_int_equal(n, 5);
	assert_int_equal(cut[0], 20);
	assert_int_equal(cut[4], 60);
	assert_int_equal(resp_parse_bands(" 18 , 30,\t60 ", cut, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(cut[0], 18);
	assert_int_equal(cut[2], 60);
	assert_int_equal(resp_parse_bands("1,150", cut, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(resp_parse_bands("1,2,3,4,5,6,7,8,9,10,11,12", cut, &n, &err), 0);
	assert_int_equal(n, RESP_MAX_BANDS);

	expect_bad_bands("", "kosong");
	expect_bad_bands("   ", "kosong");
	expect_bad_bands(NULL, "kosong");
	expect_bad_bands("20,,30", "bagian kosong");
	expect_bad_bands("20,30,", "bagian kosong");
	expect_bad_bands("20,x,40", "\"x\" bukan bilangan bulat");
	expect_bad_bands("20,30a", "\"30a\" bukan bilangan bulat");
	expect_bad_bands("0,10", "\"0\" bukan bilangan bulat 1-150");
	expect_bad_bands("20,151", "\"151\"");
	expect_bad_bands("+20", "\"+20\"");
	expect_bad_bands("-5,20", "\"-5\"");
	expect_bad_bands("20,99999999999999999999", "\"99999999999999999999\"");
	expect_bad_bands("20 30", "\"20 30\"");
	expect_bad_bands("30,20", "20 harus lebih besar dari 30");
	expect_bad_bands("20,20", "20 harus lebih besar dari 20");
	expect_bad_bands("1,2,3,4,5,6,7,8,9,10,11,12,13", "paling banyak 12");
}

static void test_education_spellings(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"SD", "SD"},
	    {"sd", "SD"},
	    {"SLTP", "SMP"},
	    {"MTs", "SMP"},
	    {"SMP", "SMP"},
	    {"SLTA", "SMA"},
	    {"SMK", "SMA"},
	    {"MA", "SMA"},
	    {"SMA/SMK", "SMA"},
	    {"D1", "D1" EN_DASH "D3"},
	    {"D2", "D1" EN_DASH "D3"},
	    {"d3", "D1" EN_DASH "D3"},
	    {"Diploma", "D1" EN_DASH "D3"},
	    {"D1-D3", "D1" EN_DASH "D3"},
	    {"D1" EN_DASH "D3", "D1" EN_DASH "D3"},
	    {"D4", "D4/S1"},
	    {"S1", "D4/S1"},
	    {"Sarjana", "D4/S1"},
	    {"D4/S1", "D4/S1"},
	    {"S2", "S2"},
	    {"Magister", "S2"},
	    {"S3", "S3"},
	    {"doktor", "S3"},
	};
	static const char *const order[] = {"SD",       "SMP", "SMA", "D1" EN_DASH "D3",
	                                    "D4/S1",    "S2",  "S3",  "Tidak sekolah",
	                                    "Pesantren"};
	struct resp_tally t;
	const struct resp_table *e = &t.t[RESP_EDUCATION];

	(void)state;
	resp_init(&t, NULL, 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t before = resptest_count(e, cases[i].out);

		add1(&t, PROF_EDUCATION, cases[i].in);
		if (resptest_count(e, cases[i].out) != before + 1) {
			print_error("\"%s\" not folded into \"%s\"\n", cases[i].in, cases[i].out);
			fail();
		}
	}
	add1(&t, PROF_EDUCATION, "Pesantren");
	add1(&t, PROF_EDUCATION, "Tidak sekolah");
	add1(&t, PROF_EDUCATION, "TIDAK SEKOLAH");
	resp_sorted(&t);
	assert_int_equal(e->ncat, 9);
	for (int i = 0; i < 9; i++)
		assert_string_equal(e->cat[i].label, order[i]);
	assert_int_equal(e->cat[7].count, 2);
	resp_free(&t);
}

static void test_job_spellings(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"PNS", "PNS"},
	    {"ASN", "PNS"},
	    {"PNS/ASN", "PNS"},
	    {"TNI", "TNI"},
	    {"POLRI", "POLRI"},
	    {"Polri", "POLRI"},
	    {"Polisi", "POLRI"},
	    {"Swasta", "Swasta"},
	    {"Pegawai Swasta", "Swasta"},
	    {"karyawan swasta", "Swasta"},
	    {"Wirausaha", "Wirausaha"},
	    {"Wiraswasta", "Wirausaha"},
	    {"Pengusaha", "Wirausaha"},
	    {"Lainnya", "Lainnya"},
	    {"Lain-lain", "Lainnya"},
	    {"lain lain", "Lainnya"},
	};
	struct resp_tally t;
	const struct resp_table *j = &t.t[RESP_JOB];

	(void)state;
	resp_init(&t, NULL, 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t before = resptest_count(j, cases[i].out);

		add1(&t, PROF_JOB, cases[i].in);
		if (resptest_count(j, cases[i].out) != before + 1) {
			print_error("\"%s\" not folded into \"%s\"\n", cases[i].in, cases[i].out);
			fail();
		}
	}
	add1(&t, PROF_JOB, "Petani");
	add1(&t, PROF_JOB, "Pelajar/Mahasiswa");
	add1(&t, PROF_JOB, "Pelajar/Mahasiswa");
	resp_sorted(&t);
	assert_int_equal(j->ncat, 8);
	assert_string_equal(j->cat[0].label, "PNS");
	assert_string_equal(j->cat[1].label, "TNI");
	assert_string_equal(j->cat[2].label, "POLRI");
	assert_string_equal(j->cat[3].label, "Swasta");
	assert_string_equal(j->cat[4].label, "Wirausaha");
	assert_string_equal(j->cat[5].label, "Lainnya");
	assert_string_equal(j->cat[6].label, "Pelajar/Mahasiswa");
	assert_string_equal(j->cat[7].label, "Petani");
	resp_free(&t);
}

static void test_service_order(void **state)
{
	static const char *const in[] = {
	    "KTP-el", "Akta Kelahiran", "Kartu Keluarga", "akta kelahiran",
	    "KK",     "Kartu Keluarga", "KTP-el",         "Akta Kelahiran"};
	struct resp_tally t;
	const struct resp_table *s = &t.t[RESP_SERVICE];

	(void)state;
	resp_init(&t, NULL, 0);
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		add1(&t, PROF_SERVICE, in[i]);
	resp_sorted(&t);
	/* Count descending; ties (KTP-el, Kartu Keluarga: 2) by first seen. */
	assert_int_equal(s->ncat, 4);
	assert_string_equal(s->cat[0].label, "Akta Kelahiran");
	assert_int_equal(s->cat[0].count, 3);
	assert_string_equal(s->cat[1].label, "KTP-el");
	assert_string_equal(s->cat[2].label, "Kartu Keluarga");
	assert_string_equal(s->cat[3].label, "KK");
	/* After sorting, a value seen before still goes to its category. */
	add1(&t, PROF_SERVICE, "KK");
	add1(&t, PROF_SERVICE, "Akta Kelahiran");
	assert_int_equal(s->cat[3].count, 2);
	assert_int_equal(s->cat[0].count, 4);
	resp_free(&t);
}

static void test_category_overflow(void **state)
{
	struct resp_tally t;
	const struct resp_table *s = &t.t[RESP_SERVICE], *g = &t.t[RESP_GENDER];
	char buf[32];

	(void)state;
	resp_init(&t, NULL, 0);
	for (int i = 0; i < RESP_MAX_CATEGORIES + 12; i++) {
		snprintf(buf, sizeof(buf), "Layanan %d", i);
		add1(&t, PROF_SERVICE, buf);
		add1(&t, PROF_GENDER, buf);
	}
	assert_int_equal(s->ncat, RESP_MAX_CATEGORIES);
	assert_int_equal(s->other, 12);
	/* Gender keeps its two categories, so two fewer others fit. */
	assert_int_equal(g->ncat, RESP_MAX_CATEGORIES);
	assert_int_equal(g->other, 14);
	/* Again: kept ones count in their category, the rest in other. */
	add1(&t, PROF_SERVICE, "Layanan 0");
	add1(&t, PROF_SERVICE, "Layanan 59");
	add1(&t, PROF_SERVICE, "Layanan baru");
	assert_int_equal(resptest_count(s, "Layanan 0"), 2);
	assert_int_equal(s->other, 14);
	assert_false(resptest_has(s, "Layanan baru"));
	/* Known spellings still fold after the limit. */
	add1(&t, PROF_GENDER, "Wanita");
	assert_int_equal(resptest_count(g, "Perempuan"), 1);
	resp_sorted(&t);
	assert_int_equal(s->ncat, RESP_MAX_CATEGORIES);
	assert_string_equal(s->cat[0].label, "Layanan 0");
	resp_free(&t);
}

static void test_missing_and_present(void **state)
{
	int cols[PROF_COUNT];
	struct resp_tally t;

	(void)state;
	resp_init(&t, NULL, 0);
	for (int p = 0; p < PROF_COUNT; p++)
		cols[p] = -1;
	cols[PROF_GENDER] = 2;
	cols[PROF_SERVICE] = 5;
	resp_columns(&t, cols);
	assert_int_equal(t.t[RESP_GENDER].present, 1);
	assert_int_equal(t.t[RESP_SERVICE].present, 1);
	assert_int_equal(t.t[RESP_AGE].present, 0);
	assert_int_equal(t.t[RESP_EDUCATION].present, 0);
	assert_int_equal(t.t[RESP_JOB].present, 0);

	add1(&t, PROF_GENDER, "");
	add1(&t, PROF_GENDER, "   ");
	add1(&t, PROF_GENDER, "\t\r\n");
	add1(&t, PROF_GENDER, "L");
	add1(&t, PROF_SERVICE, "KTP-el");
	assert_int_equal(t.rows, 5);
	assert_int_equal(t.t[RESP_GENDER].missing, 4); /* 3 blank, 1 without the field */
	assert_int_equal(t.t[RESP_SERVICE].missing, 4);
	assert_int_equal(t.t[RESP_AGE].missing, 5); /* no column at all */
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Laki-laki"), 1);
	resptest_assert_add_up(&t);
	resp_free(&t);
}

static void expect_dates(const char *const *dates, int n, const char *lo, const char *hi)
{
	struct resp_tally t;

	resp_init(&t, NULL, 0);
	for (int i = 0; i < n; i++)
		add1(&t, PROF_DATE, dates[i]);
	if (strcmp(t.date_min, lo) != 0 || strcmp(t.date_max, hi) != 0) {
		print_error("dates: %s..%s, expected %s..%s (first \"%s\")\n", t.date_min,
		            t.date_max, lo, hi, dates[0]);
		fail();
	}
	resp_free(&t);
}

static void test_dates(void **state)
{
	static const char *const iso[] = {"2022-03-01", " 2022-01-03 ",  "2022-06-28",
	                                  "2022-02-30", "bukan tanggal", ""};
	static const char *const google[] = {"2022/03/01 9:15:02 AM GMT+7",
	                                     "2022/01/03 10:15:00 PM GMT+7", "2022/06/28"};
	static const char *const forms[] = {"2024-03-04T08:15:30", "45355.34409722222", "45356"};
	static const char *const words[] = {"3 Januari 2022", "Selasa, 28 Juni 2022", "15 Aug 2021",
	                                    "31 Juni 2022", "3 Foo 2022"};
	/* N/N/YYYY: day first unless the file shows otherwise. */
	static const char *const dm[] = {"1/3/2022", "13/01/2022", "28/06/2022 10:15:00"};
	static const char *const dm_only_ambiguous[] = {"1/3/2022 10:15:00", "2/3/2022"};
	static const char *const md[] = {"1/3/2022 10:15:00", "1/13/2022 8:00:00",
	                                 "6/28/2022 10:15:00"};
	static const char *const dots[] = {"03.01.2022", "28-06-2022"};
	static const char *const junk[] = {"2022",    "1/2",  "32/13/2022", "12345678",
	                                   "2022-1-", "9999", "1/1/22",     "2022-01-03x"};

	(void)state;
	expect_dates(iso, 6, "2022-01-03", "2022-06-28");
	expect_dates(google, 3, "2022-01-03", "2022-06-28");
	expect_dates(forms, 3, "2024-03-04", "2024-03-05");
	expect_dates(words, 5, "2021-08-15", "2022-06-28");
	expect_dates(dm, 3, "2022-01-13", "2022-06-28");
	expect_dates(dm_only_ambiguous, 2, "2022-03-01", "2022-03-02");
	expect_dates(md, 3, "2022-01-03", "2022-06-28");
	expect_dates(dots, 2, "2022-01-03", "2022-06-28");
	expect_dates(junk, 8, "", "");
}

static void test_dates_per_file(void **state)
{
	int cols[PROF_COUNT];
	struct resp_tally t;

	(void)state;
	for (int p = 0; p < PROF_COUNT; p++)
		cols[p] = -1;
	cols[PROF_DATE] = 0;
	resp_init(&t, NULL, 0);
	/* File 1, a US export: month first. */
	resp_columns(&t, cols);
	add1(&t, PROF_DATE, "2/1/2022 10:00:00");
	add1(&t, PROF_DATE, "2/20/2022 10:00:00");
	assert_string_equal(t.date_min, "2022-02-01");
	assert_string_equal(t.date_max, "2022-02-20");
	/* File 2, typed by hand: day first, its own evidence. */
	resp_columns(&t, cols);
	add1(&t, PROF_DATE, "1/2/2022");
	add1(&t, PROF_DATE, "25/3/2022");
	assert_string_equal(t.date_min, "2022-02-01");
	assert_string_equal(t.date_max, "2022-03-25");
	add1(&t, PROF_DATE, "5/1/2022");
	assert_string_equal(t.date_min, "2022-01-05");
	resp_free(&t);
}

static void test_suggestions_grouped(void **state)
{
	struct resp_tally t;

	(void)state;
	resp_init(&t, NULL, 0);
	add1(&t, PROF_SUGGESTION, "Pelayanan cepat.");
	add1(&t, PROF_SUGGESTION, "pelayanan  cepat");
	add1(&t, PROF_SUGGESTION, "  PELAYANAN CEPAT!!! ");
	add1(&t, PROF_SUGGESTION, "Pelayanan\tcepat ;");
	add1(&t, PROF_SUGGESTION, "Ruang tunggu panas");
	add1(&t, PROF_SUGGESTION, "Ruang tunggu panas?");
	add1(&t, PROF_SUGGESTION, "Antrean, mohon \"nomor\" dipanggil\nlebih jelas");
	add1(&t, PROF_SUGGESTION, "Ruang tunggu panas");
	assert_int_equal(t.sugg_rows, 8);
	assert_int_equal(t.sugg_none, 0);
	assert_int_equal(t.sugg_dropped, 0);
	assert_int_equal(t.nsugg, 4);
	resp_sorted(&t);
	assert_string_equal(t.sugg[0].text, "Pelayanan cepat.");
	assert_int_equal(t.sugg[0].count, 4);
	assert_string_equal(t.sugg[1].text, "Ruang tunggu panas");
	assert_int_equal(t.sugg[1].count, 2);
	/* Ties by first appearance; '?' is not end punctuation folded. */
	assert_string_equal(t.sugg[2].text, "Ruang tunggu panas?");
	assert_string_equal(t.sugg[3].text, "Antrean, mohon \"nomor\" dipanggil lebih jelas");
	/* After sorting, the index finds the moved groups. */
	add1(&t, PROF_SUGGESTION, "ruang tunggu panas.");
	add1(&t, PROF_SUGGESTION, "Antrean, mohon \"nomor\" dipanggil lebih jelas");
	assert_int_equal(t.nsugg, 4);
	assert_int_equal(t.sugg[1].count, 3);
	assert_int_equal(t.sugg[3].count, 2);
	resp_free(&t);
}

static void test_suggestions_none(void **state)
{
	static const char *const none[] = {
	    "-",       "--",    ".",         "...",   "tidak ada", "Tidak ada saran.",
	    "TDK ADA", "nihil", "Belum ada", "cukup", "OK",        "ok!",
	    "no",      "None",  "N/A",       "tidak", " - ",       "Tidak Ada",
	};
	struct resp_tally t;

	(void)state;
	resp_init(&t, NULL, 0);
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		add1(&t, PROF_SUGGESTION, none[i]);
	assert_int_equal(t.sugg_none, sizeof(none) / sizeof(none[0]));
	/* Empty or blank: no answer at all, not counted. */
	add1(&t, PROF_SUGGESTION, "");
	add1(&t, PROF_SUGGESTION, "   ");
	assert_int_equal(t.sugg_none, sizeof(none) / sizeof(none[0]));
	assert_int_equal(t.sugg_rows, 0);
	assert_int_equal(t.nsugg, 0);
	/* Close to a none-word, but a suggestion. */
	add1(&t, PROF_SUGGESTION, "Tidak ada tempat parkir");
	add1(&t, PROF_SUGGESTION, "Cukup baik, tingkatkan");
	assert_int_equal(t.sugg_rows, 2);
	assert_int_equal(t.nsugg, 2);
	resp_free(&t);
}

static void test_suggestions_dropped(void **state)
{
	struct resp_tally t;
	char buf[64];

	(void)state;
	resp_init(&t, NULL, 0);
	for (int i = 0; i < RESP_MAX_SUGGESTIONS + 10; i++) {
		snprintf(buf, sizeof(buf), "Saran nomor %d", i);
		add1(&t, PROF_SUGGESTION, buf);
	}
	assert_int_equal(t.nsugg, RESP_MAX_SUGGESTIONS);
	assert_int_equal(t.sugg_dropped, 10);
	assert_int_equal(t.sugg_rows, RESP_MAX_SUGGESTIONS + 10);
	/* A kept group still counts; a new one is dropped. */
	add1(&t, PROF_SUGGESTION, "saran nomor 7.");
	add1(&t, PROF_SUGGESTION, "Saran yang baru");
	assert_int_equal(t.sugg[7].count, 2);
	assert_int_equal(t.sugg_dropped, 11);
	assert_int_equal(t.sugg_rows, RESP_MAX_SUGGESTIONS + 12);
	resp_sorted(&t);
	assert_string_equal(t.sugg[0].text, "Saran nomor 7");
	assert_string_equal(t.sugg[1].text, "Saran nomor 0");
	assert_string_equal(t.sugg[RESP_MAX_SUGGESTIONS - 1].text, "Saran nomor 4095");
	resp_free(&t);
}

static void test_utf8_truncation(void **state)
{
	char label[200], sugg[1300];
	struct resp_tally t;
	const struct resp_table *s = &t.t[RESP_SERVICE];
	size_t o = 0;

	(void)state;
	resp_init(&t, NULL, 0);
	/* "x" + 40 x "é" (2 bytes): 81 bytes, cut to 63, not 64. */
	label[o++] = 'x';
	for (int i = 0; i < 40; i++) {
		label[o++] = '\xC3';
		label[o++] = '\xA9';
	}
	label[o] = '\0';
	add1(&t, PROF_SERVICE, label);
	assert_int_equal(s->ncat, 1);
	assert_int_equal(strlen(s->cat[0].label), 63);
	assert_true(valid_utf8(s->cat[0].label));
	/* A second value equal in its first 63 bytes is the same category. */
	label[70] = '\0';
	add1(&t, PROF_SERVICE, label);
	assert_int_equal(s->cat[0].count, 2);

	/* "a" + 400 x "€" (3 bytes): cut to 1 + 159 x 3 = 478 bytes. */
	o = 0;
	sugg[o++] = 'a';
	for (int i = 0; i < 400; i++) {
		memcpy(sugg + o, "\xE2\x82\xAC", 3);
		o += 3;
	}
	sugg[o] = '\0';
	add1(&t, PROF_SUGGESTION, sugg);
	assert_int_equal(t.nsugg, 1);
	assert_int_equal(strlen(t.sugg[0].text), 478);
	assert_true(valid_utf8(t.sugg[0].text));

	/* Invalid UTF-8 bytes become '?', control characters spaces; a cut
	 * sequence at the end is not read past. */
	add1(&t, PROF_SERVICE, "Akta\x01\x02Kematian \xFF\xC3");
	assert_true(resptest_has(s, "Akta Kematian ??"));
	add1(&t, PROF_SERVICE, "\xE2\x82");
	assert_true(resptest_has(s, "??"));
	for (int i = 0; i < s->ncat; i++)
		assert_true(valid_utf8(s->cat[i].label));
	/* NBSP is white space. */
	add1(&t, PROF_SERVICE, "\xC2\xA0Kartu\xC2\xA0\xC2\xA0Keluarga\xC2\xA0");
	assert_true(resptest_has(s, "Kartu Keluarga"));
	resp_free(&t);
}

static void test_whole_row(void **state)
{
	const char *row[PROF_COUNT] = {
	    [PROF_GENDER] = "P",
	    [PROF_AGE] = "64",
	    [PROF_EDUCATION] = "SMA",
	    [PROF_JOB] = "PNS",
	    [PROF_SERVICE] = "Akta Kelahiran",
	    [PROF_DATE] = "2022-01-03",
	    [PROF_TIME] = "10:15",
	    [PROF_SUGGESTION] = "Pelayanan cepat",
	};
	struct resp_tally t;

	(void)state;
	resp_init(&t, NULL, 0);
	for (int i = 0; i < 3; i++)
		add_row(&t, row);
	assert_int_equal(t.rows, 3);
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Perempuan"), 3);
	assert_int_equal(resptest_count(&t.t[RESP_AGE], GE " 60 tahun"), 3);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "SMA"), 3);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "PNS"), 3);
	assert_int_equal(resptest_count(&t.t[RESP_SERVICE], "Akta Kelahiran"), 3);
	assert_string_equal(t.date_min, "2022-01-03");
	assert_int_equal(t.nsugg, 1);
	assert_int_equal(t.sugg[0].count, 3);
	resp_free(&t);
}

/* The category each field of a row went to, for per-group results. */
static void test_classified(void **state)
{
	const char *a[PROF_COUNT] = {
	    [PROF_GENDER] = "L", [PROF_AGE] = "25", [PROF_JOB] = "Nelayan"};
	const char *b[PROF_COUNT] = {
	    [PROF_GENDER] = "Pria", [PROF_AGE] = "200", [PROF_JOB] = "nelayan"};
	size_t la[PROF_COUNT], lb[PROF_COUNT];
	int ca[RESP_NFIELDS], cb[RESP_NFIELDS];
	struct resp_tally t;

	(void)state;
	for (int p = 0; p < PROF_COUNT; p++) {
		la[p] = a[p] != NULL ? strlen(a[p]) : 0;
		lb[p] = b[p] != NULL ? strlen(b[p]) : 0;
	}
	resp_init(&t, NULL, 0);
	resp_add_classified(&t, a, la, ca);
	resp_add_classified(&t, b, lb, cb);
	assert_int_equal(t.rows, 2);
	assert_string_equal(t.t[RESP_GENDER].cat[ca[RESP_GENDER]].label, "Laki-laki");
	assert_int_equal(cb[RESP_GENDER], ca[RESP_GENDER]);
	assert_string_equal(t.t[RESP_AGE].cat[ca[RESP_AGE]].label, "20" EN_DASH "29 tahun");
	assert_true(cb[RESP_AGE] != ca[RESP_AGE]); /* kept as given, not a band */
	assert_int_equal(ca[RESP_EDUCATION], -1);
	assert_string_equal(t.t[RESP_JOB].cat[ca[RESP_JOB]].label, "Nelayan");
	assert_int_equal(cb[RESP_JOB], ca[RESP_JOB]);
	assert_int_equal(t.t[RESP_JOB].cat[ca[RESP_JOB]].count, 2);
	resp_free(&t);
}

static void test_field_titles(void **state)
{
	(void)state;
	assert_string_equal(resp_field_title(RESP_GENDER), "Jenis Kelamin");
	assert_string_equal(resp_field_title(RESP_AGE), "Usia");
	assert_string_equal(resp_field_title(RESP_EDUCATION), "Pendidikan");
	assert_string_equal(resp_field_title(RESP_JOB), "Pekerjaan");
	assert_string_equal(resp_field_title(RESP_SERVICE), "Jenis Layanan");
	assert_string_equal(resp_field_title(RESP_NFIELDS), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_gender_spellings),
	    cmocka_unit_test(test_known_listed_with_zero),
	    cmocka_unit_test(test_age_default_bands),
	    cmocka_unit_test(test_age_custom_bands),
	    cmocka_unit_test(test_parse_bands),
	    cmocka_unit_test(test_education_spellings),
	    cmocka_unit_test(test_job_spellings),
	    cmocka_unit_test(test_service_order),
	    cmocka_unit_test(test_category_overflow),
	    cmocka_unit_test(test_missing_and_present),
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_dates_per_file),
	    cmocka_unit_test(test_suggestions_grouped),
	    cmocka_unit_test(test_suggestions_none),
	    cmocka_unit_test(test_suggestions_dropped),
	    cmocka_unit_test(test_utf8_truncation),
	    cmocka_unit_test(test_whole_row),
	    cmocka_unit_test(test_classified),
	    cmocka_unit_test(test_field_titles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
