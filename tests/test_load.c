/* Unit tests of src/io/load.c (with table.c): data files into a score
 * accumulator — the demo file, invalid values (stop or skip), blank and
 * unanswered rows, short rows, pooled files, labels, extras, files in
 * memory with every rejected row reported, and the file errors (missing,
 * legacy .xls, empty, unterminated quote). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "instrument.h"
#include "load.h"
#include "quality.h"
#include "resptest.h"
#include "score.h"
#include "testutil.h"

#define EN_DASH "\xE2\x80\x93"
#define GE      "\xE2\x89\xA5"

/* Path of a test file under the source tree (IKM_TOP, else "."). */
static const char *path_of(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("IKM_TOP");

	snprintf(buf, size, "%s/%s", top != NULL && top[0] != '\0' ? top : ".", rel);
	return buf;
}

struct run {
	struct instrument in;
	struct score_acc *acc;
	struct load_report rep;
	struct ikm_err err;
	int rc;
};

/* Load the files `rel` (paths relative to the top) with the options,
 * tallying the respondent profile into resp when it is set. */
static void load_resp(struct run *r, int skip, int extras, const char *const *rel, int n,
                      struct resp_tally *resp)
{
	char bufs[4][512];
	char *paths[4];
	struct load_opts opts = {
	    .skip_invalid = skip, .add_extras = extras, .threads = 1, .resp = resp};

	assert_true(n >= 0 && n <= 4);
	for (int i = 0; i < n; i++)
		paths[i] = rel[i][0] == '/' ? (char *)rel[i]
		                            : (char *)path_of(bufs[i], sizeof(bufs[i]), rel[i]);
	instr_standard(&r->in);
	err_clear(&r->err);
	r->acc = NULL;
	r->rc = load_files(paths, n, &r->in, &opts, &r->acc, &r->rep, &r->err);
}

static void load(struct run *r, int skip, int extras, const char *const *rel, int n)
{
	load_resp(r, skip, extras, rel, n, NULL);
}

static void load1(struct run *r, int skip, const char *rel)
{
	load(r, skip, 0, &rel, 1);
}

static void done(struct run *r)
{
	score_acc_free(r->acc);
	load_report_free(&r->rep);
}

static void expect_ok(struct run *r)
{
	if (r->rc != 0) {
		print_error("load failed: %s\n", r->err.msg);
		fail();
	}
}

/* A temporary file with the given bytes; returns its path in buf. */
static const char *temp_with(char *buf, size_t size, const char *suffix, const void *data,
                             size_t len)
{
	int fd;

	snprintf(buf, size, "/tmp/ikm-test-load-XXXXXX%s", suffix);
	fd = mkstemps(buf, (int)strlen(suffix));
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return buf;
}

static void test_demo_file(void **state)
{
	static const uint64_t sums[9] = {970, 970, 970, 975, 970, 970, 960, 970, 965};
	struct run r;
	struct score_result res;

	(void)state;
	load1(&r, 0, "examples/mojokerto-2022-s1-demo.csv");
	expect_ok(&r);
	assert_non_null(r.acc);
	assert_int_equal(r.rep.nfiles, 1);
	assert_int_equal(r.rep.rows, 250);
	assert_int_equal(r.rep.files[0].rows, 250);
	assert_int_equal(r.rep.skipped, 0);
	assert_int_equal(r.rep.nmsgs, 0);
	assert_int_equal(score_acc_respondents(r.acc), 250);
	for (int j = 0; j < 9; j++) {
		assert_int_equal(score_acc_answered(r.acc, j), 250);
		assert_int_equal(score_acc_sum(r.acc, j), sums[j]);
	}
	assert_string_equal(r.rep.files[0].format, "CSV, pemisah koma");
	assert_contains(r.rep.files[0].name, "mojokerto-2022-s1-demo.csv");
	assert_int_equal(r.rep.files[0].map.elem_col[0], 7);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_DATE], 1);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_GENDER], 2);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_SERVICE], 6);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_SUGGESTION], 16);
	assert_int_equal(score_compute(r.acc, &r.in, &res, &r.err), 0);
	assert_int_equal(res.ikm_e2, 9689);
	assert_int_equal(res.mutu, 'A');
	done(&r);
}

static void test_invalid_value_stops(void **state)
{
	struct run r;

	(void)state;
	load1(&r, 0, "tests/data/io_invalid.csv");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EDATA);
	assert_contains(r.err.msg, "io_invalid.csv");
	/* Line 5: the quoted field of the row before spans lines 3-4. */
	assert_contains(r.err.msg, "baris 5,");
	assert_contains(r.err.msg, "kolom 5 (\"U3\")");
	assert_contains(r.err.msg, "nilai \"5\"");
	assert_contains(r.err.msg, "di luar rentang");
	assert_contains(r.err.msg, "1-4");
	assert_contains(r.err.msg, "--skip-invalid");
	/* The labels of the element are offered. */
	assert_contains(r.err.msg, "Sangat cepat");
	done(&r);
}

static void test_skip_invalid(void **state)
{
	struct run r;
	int bit = quality_bit(QUALITY_INVALID);

	(void)state;
	load1(&r, 1, "tests/data/io_invalid.csv");
	expect_ok(&r);
	assert_int_equal(r.rep.rows, 6);
	assert_int_equal(r.rep.skipped, 2);
	assert_int_equal(r.rep.nmsgs, 2);
	assert_contains(r.rep.msgs[0], "baris 5,");
	assert_contains(r.rep.msgs[0], "nilai \"5\"");
	/* One message per row: the first bad cell (U8 "abc", not U9 "0"). */
	assert_contains(r.rep.msgs[1], "baris 7,");
	assert_contains(r.rep.msgs[1], "kolom 10 (\"U8\")");
	assert_contains(r.rep.msgs[1], "nilai \"abc\" tidak dikenali");
	assert_contains(r.rep.msgs[1], "io_invalid.csv");
	assert_int_equal(r.rep.quality.count[bit], 2);
	assert_int_equal(r.rep.quality.rows[bit][0], 5);
	assert_int_equal(r.rep.quality.rows[bit][1], 7);
	/* The skipped rows are not in the result. */
	assert_int_equal(score_acc_respondents(r.acc), 4);
	assert_int_equal(score_acc_answered(r.acc, 0), 4);
	assert_int_equal(score_acc_sum(r.acc, 0), 4 + 3 + 4 + 2);
	assert_int_equal(score_acc_sum(r.acc, 1), 4 + 3 + 3 + 2);
	assert_int_equal(score_acc_sum(r.acc, 2), 4 + 3 + 4 + 2);
	done(&r);
}

static void test_skip_invalid_keeps_bounded_messages(void **state)
{
	char data[8192], path[64];
	size_t n = 0;
	struct run r;
	const char *p;

	(void)state;
	n += (size_t)snprintf(data + n, sizeof(data) - n, "U1,U2,U3,U4,U5,U6,U7,U8,U9\n");
	for (int i = 0; i < 50; i++)
		n += (size_t)snprintf(data + n, sizeof(data) - n, "4,4,4,4,4,4,4,4,%d\n",
		                      i % 2 ? 7 : 3);
	p = temp_with(path, sizeof(path), ".csv", data, n);
	load1(&r, 1, p);
	unlink(path); /* already read */
	expect_ok(&r);
	assert_int_equal(r.rep.rows, 50);
	assert_int_equal(r.rep.skipped, 25);
	assert_int_equal(r.rep.nmsgs, LOAD_KEEP_MESSAGES);
	assert_contains(r.rep.msgs[0], "baris 3,");
	assert_contains(r.rep.msgs[LOAD_KEEP_MESSAGES - 1], "baris 41,");
	assert_int_equal(r.rep.quality.count[quality_bit(QUALITY_INVALID)], 25);
	assert_int_equal(score_acc_respondents(r.acc), 25);
	assert_int_equal(score_acc_sum(r.acc, 8), 75);
	done(&r);
}

struct rejected {
	int n;
	uint64_t last;
	char first[LOAD_MESSAGE_MAX];
};

static void on_reject(void *user, int file, uint64_t line, const char *msg)
{
	struct rejected *rj = user;

	assert_int_equal(file, 0);
	assert_true(line > rj->last); /* in file order */
	if (rj->n++ == 0)
		snprintf(rj->first, sizeof(rj->first), "%s", msg);
	rj->last = line;
}

/* Files in memory (an upload) are named by their paths entry; every
 * skipped row reaches the reject hook, past the kept messages. */
static void test_memory_and_every_reject(void **state)
{
	static const unsigned char ole2[64] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	static unsigned char xlsx[1 << 16];
	char data[8192], path[512], *names[] = {"unggahan <1>.csv"};
	struct load_source src;
	struct load_opts o = {0};
	struct rejected rj = {0};
	struct instrument in;
	struct score_acc *acc = NULL;
	struct load_report rep;
	struct ikm_err err = {0};
	size_t n = 0;
	FILE *f;

	(void)state;
	n += (size_t)snprintf(data + n, sizeof(data) - n, "U1,U2,U3,U4,U5,U6,U7,U8,U9\n");
	for (int i = 0; i < 50; i++)
		n += (size_t)snprintf(data + n, sizeof(data) - n, "4,4,4,4,4,4,4,4,%d\n",
		                      i % 2 ? 7 : 3);
	src.data = data;
	src.len = n;
	o.mem = &src;
	o.skip_invalid = 1;
	o.reject = on_reject;
	o.reject_user = &rj;
	instr_standard(&in);
	assert_int_equal(load_files(names, 1, &in, &o, &acc, &rep, &err), 0);
	assert_int_equal(rep.skipped, 25);
	assert_int_equal(rep.nmsgs, LOAD_KEEP_MESSAGES);
	assert_int_equal(rj.n, 25);
	assert_int_equal(rj.last, 51);
	assert_contains(rj.first, "unggahan <1>.csv: baris 3, kolom 9");
	assert_not_contains(rj.first, "--skip-invalid");
	assert_int_equal(score_acc_respondents(acc), 25);
	score_acc_free(acc);
	load_report_free(&rep);

	/* An XLSX in memory. */
	f = fopen(path_of(path, sizeof(path), "tests/data/google-forms-sample.xlsx"), "rb");
	assert_non_null(f);
	src.len = fread(xlsx, 1, sizeof(xlsx), f);
	fclose(f);
	assert_true(src.len > 0 && src.len < sizeof(xlsx));
	src.data = xlsx;
	o.reject = NULL;
	assert_int_equal(load_files(names, 1, &in, &o, &acc, &rep, &err), 0);
	assert_string_equal(rep.files[0].format, "XLSX");
	assert_int_equal(score_acc_respondents(acc), 5);
	score_acc_free(acc);
	load_report_free(&rep);

	/* A legacy .xls in memory: refused by content, named. */
	src.data = ole2;
	src.len = sizeof(ole2);
	assert_int_equal(load_files(names, 1, &in, &o, &acc, &rep, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "unggahan <1>.csv");
	assert_contains(err.msg, ".xls");
	score_acc_free(acc);
	load_report_free(&rep);
}

static void test_blank_and_unanswered_rows(void **state)
{
	struct run r;
	int empty = quality_bit(QUALITY_EMPTY), partial = quality_bit(QUALITY_PARTIAL);
	int straight = quality_bit(QUALITY_STRAIGHT);

	(void)state;
	load1(&r, 0, "tests/data/io_blank.csv");
	expect_ok(&r);
	assert_string_equal(r.rep.files[0].format, "CSV, pemisah titik koma");
	/* ",,,," and whitespace-only rows are not data rows. */
	assert_int_equal(r.rep.rows, 4);
	assert_int_equal(r.rep.files[0].rows, 4);
	/* The row with no element answered is flagged and not counted. */
	assert_int_equal(score_acc_respondents(r.acc), 3);
	assert_int_equal(r.rep.quality.count[empty], 1);
	assert_int_equal(r.rep.quality.rows[empty][0], 4);
	/* The short row: missing cells are unanswered. */
	assert_int_equal(r.rep.quality.count[partial], 1);
	assert_int_equal(r.rep.quality.rows[partial][0], 5);
	assert_int_equal(r.rep.quality.count[straight], 2);
	assert_int_equal(r.rep.quality.rows[straight][0], 2);
	assert_int_equal(r.rep.quality.rows[straight][1], 5);
	assert_int_equal(score_acc_answered(r.acc, 0), 3);
	assert_int_equal(score_acc_sum(r.acc, 0), 4 + 3 + 2);
	assert_int_equal(score_acc_answered(r.acc, 3), 2);
	assert_int_equal(score_acc_sum(r.acc, 3), 4 + 2);
	assert_int_equal(score_acc_answered(r.acc, 8), 2);
	assert_int_equal(score_acc_sum(r.acc, 8), 4 + 1);
	assert_int_equal(r.rep.skipped, 0);
	done(&r);
}

static void test_two_files_pooled(void **state)
{
	static const char *const files[] = {"tests/data/io_pool_a.csv", "tests/data/io_pool_b.csv"};
	struct run r;

	(void)state;
	load(&r, 0, 0, files, 2);
	expect_ok(&r);
	assert_int_equal(r.rep.nfiles, 2);
	assert_int_equal(r.rep.files[0].rows, 3);
	assert_int_equal(r.rep.files[1].rows, 2);
	assert_int_equal(r.rep.rows, 5);
	assert_string_equal(r.rep.files[1].format, "CSV, pemisah tab");
	assert_int_equal(r.rep.files[1].map.elem_col[0], 8);
	assert_int_equal(r.rep.files[1].map.prof_col[PROF_AGE], 9);
	assert_int_equal(score_acc_respondents(r.acc), 5);
	assert_int_equal(score_acc_answered(r.acc, 0), 5);
	assert_int_equal(score_acc_sum(r.acc, 0), 11 + 1 + 4); /* persyaratan */
	assert_int_equal(score_acc_sum(r.acc, 1), 10 + 4 + 4); /* prosedur */
	assert_int_equal(score_acc_sum(r.acc, 2), 11 + 3 + 4); /* waktu */
	assert_int_equal(score_acc_sum(r.acc, 7), 10 + 2 + 4); /* sarana */
	assert_int_equal(score_acc_sum(r.acc, 8), 11 + 1 + 4); /* pengaduan */
	done(&r);
}

static void test_google_forms_labels(void **state)
{
	struct run r;

	(void)state;
	load1(&r, 0, "tests/data/io_labels.csv");
	expect_ok(&r);
	assert_int_equal(r.rep.rows, 3);
	assert_int_equal(score_acc_respondents(r.acc), 3);
	assert_int_equal(score_acc_sum(r.acc, 0), 4 + 3 + 4);
	assert_int_equal(score_acc_sum(r.acc, 1), 4 + 3 + 2);
	assert_int_equal(score_acc_sum(r.acc, 3), 4 + 3 + 1); /* Gratis, Murah, Sangat mahal */
	assert_int_equal(score_acc_sum(r.acc, 4), 4 + 2 + 1);
	assert_int_equal(score_acc_sum(r.acc, 8), 4 + 3 + 1);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_DATE], 0);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_GENDER], 1);
	assert_int_equal(r.rep.files[0].map.prof_col[PROF_SUGGESTION], 11);
	assert_int_equal(r.rep.files[0].map.elem_col[2], 4);
	done(&r);
}

static void test_extras(void **state)
{
	static const char *const f[] = {"tests/data/io_extra.csv"};
	struct run r;

	(void)state;
	load(&r, 0, 1, f, 1);
	expect_ok(&r);
	assert_int_equal(r.in.k, 10);
	assert_string_equal(r.in.el[9].code, "U10");
	assert_int_equal(score_acc_k(r.acc), 10);
	assert_int_equal(score_acc_sum(r.acc, 9), 2 + 4);
	done(&r);
	/* Without extras U10 is ignored. */
	load(&r, 0, 0, f, 1);
	expect_ok(&r);
	assert_int_equal(r.in.k, 9);
	assert_int_equal(score_acc_k(r.acc), 9);
	assert_int_equal(r.rep.files[0].map.nignored, 1);
	done(&r);
}

static void test_nonexistent_file(void **state)
{
	struct run r;

	(void)state;
	load1(&r, 0, "/tmp/ikm-tidak-ada/survei.csv");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EIO);
	assert_contains(r.err.msg, "/tmp/ikm-tidak-ada/survei.csv");
	assert_null(r.acc);
	done(&r);
}

static void test_directory(void **state)
{
	struct run r;

	(void)state;
	load1(&r, 0, "/tmp");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EIO);
	assert_contains(r.err.msg, "/tmp");
	done(&r);
}

static void test_legacy_xls(void **state)
{
	static const unsigned char ole2[64] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	char path[64];
	struct run r;

	(void)state;
	/* Named .csv on purpose: detection goes by content. */
	load1(&r, 0, temp_with(path, sizeof(path), ".csv", ole2, sizeof(ole2)));
	unlink(path); /* already read */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EDATA);
	assert_contains(r.err.msg, path);
	assert_contains(r.err.msg, ".xls");
	assert_contains(r.err.msg, ".xlsx");
	done(&r);
}

static void test_empty_file(void **state)
{
	char path[64];
	struct run r;

	(void)state;
	load1(&r, 0, temp_with(path, sizeof(path), ".csv", "", 0));
	unlink(path); /* already read */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EDATA);
	assert_contains(r.err.msg, path);
	assert_contains(r.err.msg, "kosong");
	done(&r);
	/* Only blank lines (and a BOM) is empty, too. */
	load1(&r, 0, temp_with(path, sizeof(path), ".csv", "\xEF\xBB\xBF\r\n\n\n", 7));
	unlink(path); /* already read */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EDATA);
	assert_contains(r.err.msg, "kosong");
	done(&r);
}

static void test_header_only(void **state)
{
	static const char data[] = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n,,,,,,,,\n";
	char path[64];
	struct run r;
	struct score_result res;

	(void)state;
	load1(&r, 0, temp_with(path, sizeof(path), ".csv", data, sizeof(data) - 1));
	unlink(path); /* already read */
	expect_ok(&r);
	assert_int_equal(r.rep.rows, 0);
	assert_non_null(r.acc);
	assert_int_equal(score_acc_respondents(r.acc), 0);
	assert_int_equal(score_compute(r.acc, &r.in, &res, &r.err), -1);
	done(&r);
}

static void test_blank_rows_before_header(void **state)
{
	static const char data[] = ",,,,\r\n \t \r\n\"U1\",U2,U3,U4,U5,U6,U7,U8,U9\r\n"
				   "4,4,4,4,4,4,4,4,4\r\n3,3,3,3,3,3,3,3,x\r\n";
	char path[64];
	struct run r;

	(void)state;
	load1(&r, 0, temp_with(path, sizeof(path), ".csv", data, sizeof(data) - 1));
	unlink(path); /* already read */
	assert_int_equal(r.rc, -1);
	/* The header is found on line 3; the bad value is on line 5. */
	assert_contains(r.err.msg, "baris 5,");
	assert_contains(r.err.msg, "kolom 9 (\"U9\")");
	done(&r);
}

static void test_missing_column(void **state)
{
	static const char data[] = "U1,U2,U3,U4,U5,U6,U7,U8\n4,4,4,4,4,4,4,4\n";
	char path[64];
	struct run r;

	(void)state;
	load1(&r, 0, temp_with(path, sizeof(path), ".csv", data, sizeof(data) - 1));
	unlink(path); /* already read */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EDATA);
	assert_contains(r.err.msg, path);
	assert_contains(r.err.msg, "U9 (");
	done(&r);
}

static void test_unterminated_quote(void **state)
{
	struct run r;

	(void)state;
	load1(&r, 0, "tests/data/io_unterminated.csv");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EDATA);
	assert_contains(r.err.msg, "io_unterminated.csv");
	assert_contains(r.err.msg, "baris 3");
	done(&r);
}

static void test_error_in_second_file(void **state)
{
	static const char *const files[] = {"tests/data/io_pool_a.csv",
	                                    "tests/data/io_invalid.csv"};
	struct run r;

	(void)state;
	load(&r, 0, 0, files, 2);
	assert_int_equal(r.rc, -1);
	assert_contains(r.err.msg, "io_invalid.csv");
	assert_contains(r.err.msg, "baris 5,");
	assert_int_equal(r.rep.nfiles, 2);
	assert_int_equal(r.rep.files[0].rows, 3);
	done(&r);
}

static void test_no_files(void **state)
{
	struct run r;

	(void)state;
	load(&r, 0, 0, NULL, 0);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.kind, IKM_EUSAGE);
	assert_null(r.acc);
	done(&r);
	load_report_free(NULL);
}

static void test_resp_small_file(void **state)
{
	static const char csv[] =
	    "No,Tanggal,Jenis Kelamin,Usia,Pendidikan,Pekerjaan,Jenis Layanan,"
	    "U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran\n"
	    "1,2022-02-01,L,19,SMA,PNS,KTP-el,4,4,4,4,4,4,4,4,4,Cepat.\n"
	    "2,03/02/2022,Perempuan,20,S1,ASN,KTP-el,3,3,3,3,3,3,3,3,3,cepat\n"
	    "3,2022-01-15,P,60,SLTA,Wiraswasta,Akta,4,4,5,4,4,4,4,4,4,-\n"
	    ",,,,,,,,,,,,,,,,\n"
	    "4,,,,,,,4,,,,,,,,,\n"
	    "5,2022-03-31,pria,,,,,4\n"
	    "6,2022-04-30,L,30,SD,TNI,Akta,,,,,,,,,,Bukan responden\n";
	char path[64];
	struct resp_tally t;
	struct run r;
	const char *p = temp_with(path, sizeof(path), ".csv", csv, sizeof(csv) - 1);

	(void)state;
	resp_init(&t, NULL, 0);
	load_resp(&r, 1, 0, &p, 1, &t);
	unlink(path);
	expect_ok(&r);
	resp_sorted(&t);
	/* Rows 1, 2, 4 and 5; row 3 was skipped as invalid, the blank row is
	 * no row, and row 6 answers no element: not a respondent, so its
	 * profile is not tallied either. */
	assert_int_equal(r.rep.skipped, 1);
	assert_int_equal(t.rows, 4);
	for (int f = 0; f < RESP_NFIELDS; f++)
		assert_int_equal(t.t[f].present, 1);
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Laki-laki"), 2);
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Perempuan"), 1);
	assert_int_equal(t.t[RESP_GENDER].missing, 1);
	assert_int_equal(resptest_count(&t.t[RESP_AGE], "< 20 tahun"), 1);
	assert_int_equal(resptest_count(&t.t[RESP_AGE], "20" EN_DASH "29 tahun"), 1);
	assert_int_equal(resptest_count(&t.t[RESP_AGE], GE " 60 tahun"), 0);
	assert_int_equal(t.t[RESP_AGE].missing, 2); /* empty; the short row */
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "SMA"), 1);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "D4/S1"), 1);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "PNS"), 2);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "Wirausaha"), 0);
	assert_int_equal(t.t[RESP_SERVICE].ncat, 1);
	assert_int_equal(resptest_count(&t.t[RESP_SERVICE], "KTP-el"), 2);
	assert_int_equal(t.t[RESP_SERVICE].missing, 2);
	resptest_assert_add_up(&t);
	/* 2022-01-15 is on the skipped row. */
	assert_string_equal(t.date_min, "2022-02-01");
	assert_string_equal(t.date_max, "2022-03-31");
	assert_int_equal(t.sugg_rows, 2);
	assert_int_equal(t.sugg_none, 0);
	assert_int_equal(t.nsugg, 1);
	assert_string_equal(t.sugg[0].text, "Cepat.");
	assert_int_equal(t.sugg[0].count, 2);
	resp_free(&t);
	done(&r);
}

/* The demo file's own counts of column `col` (0-based; the first seven
 * columns hold no quotes or commas), read line by line. */
struct demo_count {
	char value[64];
	uint64_t n;
};

static int demo_counts(int col, struct demo_count *out, int max)
{
	char path[512], line[1024];
	FILE *f = fopen(path_of(path, sizeof(path), "examples/mojokerto-2022-s1-demo.csv"), "r");
	int n = 0, first = 1;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		const char *p = line;
		size_t len;
		int i;

		if (first || line[0] < '0' || line[0] > '9') {
			first = 0;
			continue; /* the header, or a suggestion's second line */
		}
		for (int c = 0; c < col; c++)
			p = strchr(p, ',') + 1;
		len = strcspn(p, ",");
		assert_true(len < sizeof(out[0].value));
		for (i = 0; i < n; i++)
			if (strlen(out[i].value) == len && memcmp(out[i].value, p, len) == 0)
				break;
		if (i == n) {
			assert_true(n < max);
			memcpy(out[n].value, p, len);
			out[n].value[len] = '\0';
			out[n++].n = 0;
		}
		out[i].n++;
	}
	fclose(f);
	return n;
}

static void test_resp_demo_file(void **state)
{
	static const struct {
		enum resp_field f;
		int col;
	} fields[] = {{RESP_GENDER, 2}, {RESP_EDUCATION, 4}, {RESP_JOB, 5}, {RESP_SERVICE, 6}};
	static const char *const fold[][2] = {
	    {"L", "Laki-laki"}, {"P", "Perempuan"}, {"S1", "D4/S1"}, {"D3", "D1" EN_DASH "D3"}};
	struct demo_count dc[64];
	struct resp_tally t;
	struct score_result res;
	struct run r;

	(void)state;
	resp_init(&t, NULL, 0);
	load_resp(&r, 0, 0, (const char *const[]){"examples/mojokerto-2022-s1-demo.csv"}, 1, &t);
	expect_ok(&r);
	resp_sorted(&t);
	assert_int_equal(t.rows, 250);
	resptest_assert_add_up(&t);
	/* Against the file's own counts. */
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct resp_table *tb = &t.t[fields[i].f];
		int n = demo_counts(fields[i].col, dc, 64);
		uint64_t total = 0;

		assert_int_equal(tb->present, 1);
		assert_int_equal(tb->missing, 0);
		assert_int_equal(tb->other, 0);
		for (int j = 0; j < n; j++) {
			const char *label = dc[j].value;

			for (size_t k = 0; k < sizeof(fold) / sizeof(fold[0]); k++)
				if (strcmp(label, fold[k][0]) == 0)
					label = fold[k][1];
			assert_int_equal(resptest_count(tb, label), dc[j].n);
			total += dc[j].n;
		}
		assert_int_equal(total, 250);
	}
	/* And the numbers known from the file. */
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Laki-laki"), 137);
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Perempuan"), 113);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "SMA"), 113);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "D4/S1"), 57);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "SMP"), 37);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "D1" EN_DASH "D3"), 21);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "SD"), 16);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "S2"), 6);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "S3"), 0);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "Swasta"), 96);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "Wirausaha"), 60);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "Lainnya"), 53);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "PNS"), 30);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "POLRI"), 7);
	assert_int_equal(resptest_count(&t.t[RESP_JOB], "TNI"), 4);
	/* Services by count. */
	assert_int_equal(t.t[RESP_SERVICE].ncat, 6);
	assert_string_equal(t.t[RESP_SERVICE].cat[0].label, "Akta Kelahiran");
	assert_int_equal(t.t[RESP_SERVICE].cat[0].count, 61);
	assert_string_equal(t.t[RESP_SERVICE].cat[1].label, "Kartu Keluarga");
	assert_int_equal(t.t[RESP_SERVICE].cat[1].count, 46);
	assert_string_equal(t.t[RESP_SERVICE].cat[2].label, "Pindah Datang");
	assert_int_equal(t.t[RESP_SERVICE].cat[2].count, 42);
	assert_string_equal(t.t[RESP_SERVICE].cat[3].label, "KTP-el");
	assert_int_equal(t.t[RESP_SERVICE].cat[3].count, 37);
	assert_string_equal(t.t[RESP_SERVICE].cat[4].label, "Akta Kematian");
	assert_int_equal(t.t[RESP_SERVICE].cat[4].count, 34);
	assert_string_equal(t.t[RESP_SERVICE].cat[5].label, "Kartu Identitas Anak");
	assert_int_equal(t.t[RESP_SERVICE].cat[5].count, 30);
	assert_string_equal(t.date_min, "2022-01-03");
	assert_string_equal(t.date_max, "2022-06-28");
	assert_int_equal(t.t[RESP_AGE].missing, 0);
	assert_int_equal(t.t[RESP_AGE].ncat, 6); /* every age is a whole number */
	assert_int_equal(t.sugg_rows + t.sugg_none, 250 - 217);
	/* The tally's general path gives the same result as the fast path. */
	assert_int_equal(score_compute(r.acc, &r.in, &res, &r.err), 0);
	assert_int_equal(res.ikm_e2, 9689);
	resp_free(&t);
	done(&r);
}

static void test_resp_xlsx_and_files_without_profile(void **state)
{
	static const char *const files[] = {"tests/data/io_pool_a.csv",
	                                    "tests/data/google-forms-sample.xlsx"};
	struct resp_tally t;
	struct run r;

	(void)state;
	resp_init(&t, NULL, 0);
	load_resp(&r, 0, 0, files, 2, &t);
	expect_ok(&r);
	resp_sorted(&t);
	/* 3 rows without profile columns, 5 from the spreadsheet. */
	assert_int_equal(t.rows, 8);
	assert_int_equal(t.t[RESP_GENDER].present, 1);
	assert_int_equal(t.t[RESP_AGE].present, 1);
	assert_int_equal(t.t[RESP_EDUCATION].present, 1);
	assert_int_equal(t.t[RESP_JOB].present, 0);
	assert_int_equal(t.t[RESP_SERVICE].present, 0);
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Laki-laki"), 2);
	assert_int_equal(resptest_count(&t.t[RESP_GENDER], "Perempuan"), 3);
	assert_int_equal(t.t[RESP_GENDER].missing, 3);
	assert_int_equal(resptest_count(&t.t[RESP_AGE], "< 20 tahun"), 1);
	assert_int_equal(resptest_count(&t.t[RESP_AGE], "50" EN_DASH "59 tahun"), 1);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "SMA"), 2);
	assert_int_equal(resptest_count(&t.t[RESP_EDUCATION], "D1" EN_DASH "D3"), 1);
	resptest_assert_add_up(&t);
	/* Timestamps are Excel serial numbers in the spreadsheet. */
	assert_string_equal(t.date_min, "2024-03-04");
	assert_string_equal(t.date_max, "2024-03-05");
	assert_int_equal(t.sugg_rows, 4);
	resp_free(&t);
	done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_demo_file),
	    cmocka_unit_test(test_invalid_value_stops),
	    cmocka_unit_test(test_skip_invalid),
	    cmocka_unit_test(test_skip_invalid_keeps_bounded_messages),
	    cmocka_unit_test(test_memory_and_every_reject),
	    cmocka_unit_test(test_blank_and_unanswered_rows),
	    cmocka_unit_test(test_two_files_pooled),
	    cmocka_unit_test(test_google_forms_labels),
	    cmocka_unit_test(test_extras),
	    cmocka_unit_test(test_nonexistent_file),
	    cmocka_unit_test(test_directory),
	    cmocka_unit_test(test_legacy_xls),
	    cmocka_unit_test(test_empty_file),
	    cmocka_unit_test(test_header_only),
	    cmocka_unit_test(test_blank_rows_before_header),
	    cmocka_unit_test(test_missing_column),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_error_in_second_file),
	    cmocka_unit_test(test_no_files),
	    cmocka_unit_test(test_resp_small_file),
	    cmocka_unit_test(test_resp_demo_file),
	    cmocka_unit_test(test_resp_xlsx_and_files_without_profile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
