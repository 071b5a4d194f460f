/* Unit tests of the parallel read in src/io/load.c: a regular CSV file read
 * in 2..8 parts must give exactly what one sequential read gives — the
 * same pair counts, quality tallies with the same file line numbers, row
 * counts — also when a quoted field holds line feeds where a part would
 * start (the split is then undone), with CRLF, blank lines and profile
 * text; and a data error anywhere is reported as the sequential read
 * reports it. */
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
#include "score.h"

struct result {
	int rc;
	struct instrument in;
	struct score_acc *acc;
	struct load_report rep;
	struct ikm_err err;
};

static int general_only;            /* read every row the general way (no answer runs) */
static struct resp_tally *tally_to; /* tally the profile into this, when set */

static void load_with(struct result *r, const char *path, int threads, int skip)
{
	char *paths[1] = {(char *)path};
	struct load_opts opts = {
	    .skip_invalid = skip,
	    .add_extras = 1,
	    .threads = threads,
	    .parallel_min_bytes = 0, /* split even small files */
	    .no_run_path = general_only,
	    .resp = tally_to,
	};

	memset(r, 0, sizeof(*r));
	instr_standard(&r->in);
	r->rc = load_files(paths, 1, &r->in, &opts, &r->acc, &r->rep, &r->err);
}

static void result_free(struct result *r)
{
	score_acc_free(r->acc);
	load_report_free(&r->rep);
}

/* Every count the core reads must be equal. */
static void assert_same(const struct result *a, const struct result *b)
{
	assert_int_equal(a->rc, b->rc);
	if (a->rc != 0) {
		assert_string_equal(a->err.msg, b->err.msg);
		return;
	}
	assert_int_equal(a->in.k, b->in.k);
	assert_int_equal(a->rep.rows, b->rep.rows);
	assert_int_equal(a->rep.files[0].rows, b->rep.files[0].rows);
	assert_int_equal(score_acc_respondents(a->acc), score_acc_respondents(b->acc));
	for (int j = 0; j < a->in.k; j++)
		for (int l = 0; l < a->in.k; l++)
			for (int x = 1; x <= 4; x++)
				for (int y = 1; y <= 4; y++)
					assert_int_equal(score_acc_pair(a->acc, j, l, x, y),
					                 score_acc_pair(b->acc, j, l, x, y));
	for (int f = 0; f < QUALITY_NFLAGS; f++) {
		assert_int_equal(a->rep.quality.count[f], b->rep.quality.count[f]);
		assert_int_equal(a->rep.quality.nrows[f], b->rep.quality.nrows[f]);
		for (int i = 0; i < a->rep.quality.nrows[f]; i++)
			assert_int_equal(a->rep.quality.rows[f][i], b->rep.quality.rows[f][i]);
	}
}

/* A new empty temporary file; its name goes into path (a mkstemp
 * template). */
static void temp_file(char *path)
{
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
}

static uint64_t rng_state = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

/* Write a random survey file: `rows` rows, with the given line ending,
 * and, when `quoted`, suggestions in quotes that hold line feeds. */
static void write_file(const char *path, int rows, const char *eol, int quoted, int blanks)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fprintf(f, "No,Jenis Kelamin,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran%s", eol);
	for (int i = 1; i <= rows; i++) {
		unsigned base = 3 + rnd(2);

		if (blanks && rnd(50) == 0)
			fputs(eol, f); /* a blank line */
		fprintf(f, "%d,%s", i, rnd(2) ? "L" : "P");
		for (int j = 0; j < 9; j++) {
			unsigned r = rnd(100);

			if (r < 3)
				fputs(",", f); /* unanswered */
			else
				fprintf(f, ",%u", r < 80 ? base : 1 + rnd(4));
		}
		if (quoted && rnd(4) == 0)
			fprintf(f, ",\"Saran %d:\nantrean \"\"panjang\"\",\nmohon ditambah\"%s", i,
			        eol);
		else
			fprintf(f, ",%s%s", rnd(3) ? "" : "baik", eol);
	}
	fclose(f);
}

/* Compare 2..8 parts with one read; returns how many of those reads were
 * really split (the others fell back to one read). */
static int compare_threads(const char *path)
{
	struct result seq, par;
	int split = 0;

	load_with(&seq, path, 1, 0);
	assert_int_equal(seq.rc, 0);
	assert_int_equal(seq.rep.files[0].parts, 1);
	for (int t = 2; t <= LOAD_MAX_THREADS; t++) {
		load_with(&par, path, t, 0);
		assert_same(&seq, &par);
		assert_true(par.rep.files[0].parts == 1 || par.rep.files[0].parts <= t);
		split += par.rep.files[0].parts > 1;
		result_free(&par);
	}
	result_free(&seq);
	return split;
}

static void test_plain_lf(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";

	(void)state;
	temp_file(path);
	for (int round = 0; round < 5; round++) {
		write_file(path, 200 + round * 997, "\n", 0, round % 2);
		/* Without quoted line feeds every split holds. */
		assert_int_equal(compare_threads(path), LOAD_MAX_THREADS - 1);
	}
	unlink(path);
}

static void test_crlf_and_quoted_line_feeds(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";
	int splits = 0;

	(void)state;
	temp_file(path);
	/* Quoted suggestions with line feeds put many split points inside
	 * quotes: the parallel read must notice and give the same result. */
	for (int round = 0; round < 8; round++) {
		write_file(path, 50 + round * 311, round % 2 ? "\r\n" : "\n", 1, 1);
		splits += compare_threads(path);
	}
	/* Some reads split at row boundaries, some fell back: both paths ran. */
	assert_true(splits > 0 && splits < 8 * (LOAD_MAX_THREADS - 1));
	unlink(path);
}

static void test_error_in_a_later_part(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";
	FILE *f;
	struct result seq, par;

	(void)state;
	temp_file(path);
	write_file(path, 3000, "\n", 0, 0);
	f = fopen(path, "a");
	assert_non_null(f);
	fputs("3001,L,4,4,4,7,4,4,4,4,4,\n", f); /* line 3002: out of range */
	fputs("3002,P,4,4,4,4,4,4,4,4,4,\n", f);
	fclose(f);
	load_with(&seq, path, 1, 0);
	assert_int_equal(seq.rc, -1);
	assert_non_null(strstr(seq.err.msg, "baris 3002, kolom 6"));
	for (int t = 2; t <= 4; t++) {
		load_with(&par, path, t, 0);
		assert_same(&seq, &par);
		result_free(&par);
	}
	result_free(&seq);
	/* With --skip-invalid the read is sequential and counts the row. */
	load_with(&par, path, 4, 1);
	assert_int_equal(par.rc, 0);
	assert_int_equal(par.rep.skipped, 1);
	assert_int_equal(par.rep.files[0].parts, 1);
	assert_int_equal(par.rep.quality.rows[quality_bit(QUALITY_INVALID)][0], 3002);
	result_free(&par);
	unlink(path);
}

static void test_quality_lines_across_parts(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";
	FILE *f;
	struct result seq, par;

	(void)state;
	temp_file(path);
	/* Only a handful of partial rows, far apart: their file line numbers
	 * must survive the split into parts. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("U1,U2,U3,U4,U5,U6,U7,U8,U9\n", f);
	for (int i = 2; i <= 4001; i++)
		fputs(i % 1000 == 0 ? "4,,3,4,3,4,3,4,3\n" : "4,3,4,3,4,3,4,3,4\n", f);
	fclose(f);
	load_with(&seq, path, 1, 0);
	assert_int_equal(seq.rc, 0);
	{
		int b = quality_bit(QUALITY_PARTIAL);

		assert_int_equal(seq.rep.quality.count[b], 4);
		assert_int_equal(seq.rep.quality.rows[b][0], 1000);
		assert_int_equal(seq.rep.quality.rows[b][3], 4000);
	}
	for (int t = 2; t <= LOAD_MAX_THREADS; t++) {
		load_with(&par, path, t, 0);
		assert_same(&seq, &par);
		result_free(&par);
	}
	result_free(&seq);
	unlink(path);
}

/* More elements than fit a packed key (25 > SCORE_PACK_MAX_K): the row
 * loop takes its array path; sums must match the generator's. */
static void test_many_elements(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";
	FILE *f;
	uint64_t sum[25] = {0}, n[25] = {0};
	struct result seq, par;

	(void)state;
	temp_file(path);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int j = 1; j <= 25; j++)
		fprintf(f, "U%d%s", j, j < 25 ? "," : "\n");
	for (int i = 0; i < 5000; i++) {
		for (int j = 0; j < 25; j++) {
			int v = (i * 7 + j * 3) % 5; /* 0 = blank */

			if (v != 0) {
				fprintf(f, "%d", v);
				sum[j] += (uint64_t)v;
				n[j]++;
			}
			fputs(j < 24 ? "," : "\n", f);
		}
	}
	fclose(f);
	load_with(&seq, path, 1, 0);
	assert_int_equal(seq.rc, 0);
	assert_int_equal(seq.in.k, 25);
	for (int j = 0; j < 25; j++) {
		assert_int_equal(score_acc_sum(seq.acc, j), sum[j]);
		assert_int_equal(score_acc_answered(seq.acc, j), n[j]);
	}
	load_with(&par, path, 3, 0);
	assert_same(&seq, &par);
	result_free(&par);
	result_free(&seq);
	unlink(path);
}

/* The answer-run fast path must read exactly what the general path
 * reads, on rows it takes and rows it must refuse: blanks, labels,
 * out-of-range digits (with --skip-invalid), quotes, CRLF, short and long
 * rows, rows longer than its window, blank lines. */
static void test_run_path_equals_general(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";
	const char *odd[] = {"", "Sangat baik", "5", "\"4\"", " 3", "4 ", "44", "0", "2"};

	(void)state;
	temp_file(path);
	for (int round = 0; round < 6; round++) {
		FILE *f = fopen(path, "w");
		const char *eol = round % 2 ? "\r\n" : "\n";
		struct result gen, fast;

		assert_non_null(f);
		fprintf(f, "No,Nama,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran%s", eol);
		for (int i = 1; i <= 3000; i++) {
			fprintf(f, "%d,%s", i, rnd(9) ? "Warga" : "\"Warga, Kota\"");
			for (int j = 0; j < 9; j++) {
				unsigned r = rnd(100);

				if (r < 90)
					fprintf(f, ",%u", 1 + rnd(4));
				else
					fprintf(f, ",%s", odd[rnd(9)]);
			}
			if (rnd(50) == 0)
				fputs(eol, f); /* a short row ends here */
			else if (rnd(20) == 0)
				fprintf(f, ",%0200d%s", i, eol); /* longer than the window */
			else
				fprintf(f, ",%s%s", rnd(4) ? "" : "baik", eol);
			if (rnd(100) == 0)
				fprintf(f, ",,,,,,,,,,,%s", eol); /* blank row */
		}
		fclose(f);
		for (int skip = 0; skip <= 1; skip++) {
			general_only = 1;
			load_with(&gen, path, 1, skip);
			general_only = 0;
			for (int t = 1; t <= 3; t++) {
				load_with(&fast, path, t, skip);
				assert_same(&gen, &fast);
				assert_int_equal(gen.rep.skipped, fast.rep.skipped);
				result_free(&fast);
			}
			result_free(&gen);
		}
	}
	unlink(path);
}

/* A profile tally makes the read sequential (one part, rows in file
 * order) and changes nothing else. */
static void test_resp_reads_sequentially(void **state)
{
	char path[] = "/tmp/ikm-par-XXXXXX";
	struct result seq, par;
	struct resp_tally t;

	(void)state;
	temp_file(path);
	write_file(path, 3000, "\n", 1, 1);
	load_with(&seq, path, 1, 0);
	assert_int_equal(seq.rc, 0);
	resp_init(&t, NULL, 0);
	tally_to = &t;
	load_with(&par, path, 4, 0);
	tally_to = NULL;
	assert_same(&seq, &par);
	assert_int_equal(par.rep.files[0].parts, 1);
	assert_int_equal(t.rows, par.rep.rows);
	assert_int_equal(t.t[RESP_GENDER].cat[0].count + t.t[RESP_GENDER].cat[1].count, t.rows);
	assert_true(t.nsugg >= 2); /* "baik" and the quoted multi-line ones */
	resp_free(&t);
	result_free(&seq);
	result_free(&par);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_lf),
	    cmocka_unit_test(test_crlf_and_quoted_line_feeds),
	    cmocka_unit_test(test_error_in_a_later_part),
	    cmocka_unit_test(test_quality_lines_across_parts),
	    cmocka_unit_test(test_many_elements),
	    cmocka_unit_test(test_run_path_equals_general),
	    cmocka_unit_test(test_resp_reads_sequentially),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
