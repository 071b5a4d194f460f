/* The import path (store_import.c), on SQLite always and on PostgreSQL when
 * IKM_TEST_PG_URL is set, with files in memory (load_opts.mem): a dry run
 * counts and stores nothing; every rejected row is reported in order (bad
 * values and dates outside the period); skipping stores the rest; without
 * skipping the first bad row stops with the same message; profile fields
 * kept; the aggregate equals the file's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_import.h"
#include "storetest.h"
#include "testutil.h"

static const char data[] = "No,Tanggal,Jenis Kelamin,Usia,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran\r\n"
			   "1,2026-01-05,P,40 tahun,4,4,4,4,4,4,4,4,4,'=lebih cepat\r\n"
			   "2,2026-01-06,L,23,4,3,4,3,4,3,4,3,4,\r\n"
			   "3,2026-01-07,L,30,4,7,4,4,4,4,4,4,4,nilai salah\r\n"
			   "4,,,,,,,,,,,,,\r\n"
			   "5,2025-12-31,P,50,3,3,3,3,3,3,3,3,3,di luar periode\r\n"
			   "6,2026-02-01,P,51,3,3,3,3,3,3,3,3,3,\r\n";

struct rejects {
	int n;
	uint64_t line[8];
	char msg[8][LOAD_MESSAGE_MAX];
};

static void note(void *user, uint64_t line, const char *msg)
{
	struct rejects *r = user;

	if (r->n < 8) {
		r->line[r->n] = line;
		snprintf(r->msg[r->n], sizeof(r->msg[0]), "%s", msg);
	}
	r->n++;
}

struct world {
	struct store *st;
	struct store_unit u;
	struct store_period p;
	int64_t instr;
	struct instrument in;
};

static void world(const char *url, struct world *w)
{
	struct ikm_err err = {0};

	w->st = storetest_open(url);
	assert_int_equal(store_unit_add(w->st, "dispenduk", "Dinas", NULL, &w->u, &err), 0);
	assert_int_equal(store_period_add(w->st, "2026-s1", 20260101, 20260630, NULL, &w->p, &err),
	                 0);
	assert_int_equal(store_instrument_current(w->st, w->u.id, &w->instr, &w->in, &err), 0);
}

static int run(struct world *w, struct store_import *im, struct rejects *rj, int skip, int dry,
               struct ikm_err *err)
{
	char *names[] = {"data <b>.csv"};
	struct load_source src = {data, sizeof(data) - 1};
	struct load_opts lo = {0};
	struct load_report rep = {0};
	int rc;

	memset(im, 0, sizeof(*im));
	im->s = w->st;
	im->unit = w->u.id;
	im->period = &w->p;
	im->instrument = w->instr;
	im->channel = STORE_IMPORT;
	im->skip_invalid = skip;
	im->dry_run = dry;
	im->reject = note;
	im->reject_user = rj;
	lo.mem = &src;
	rc = store_import_files(im, names, 1, &w->in, &lo, &rep, err);
	load_report_free(&rep);
	return rc;
}

static uint64_t stored(struct world *w)
{
	struct store_scope sc = {w->u.id, w->p.id, 0};
	struct store_totals tot = {0};
	struct score_acc *acc = NULL;
	struct instrument in;
	struct ikm_err err = {0};

	if (store_aggregate(w->st, &sc, &in, &acc, &tot, &err) < 0)
		return 0;
	score_acc_free(acc);
	return tot.responses;
}

static void test_dry_run_and_skip(void **state)
{
	const char *url = storetest_fresh(state, "import");
	struct store_import *im = calloc(1, sizeof(*im));
	struct rejects rj = {0};
	struct ikm_err err = {0};
	struct world w;

	world(url, &w);
	assert_int_equal(run(&w, im, &rj, 1, 1, &err), 0);
	assert_int_equal(im->stored, 3);
	assert_int_equal(im->empty, 1);
	assert_int_equal(im->rejected, 2);
	assert_int_equal(rj.n, 2);
	assert_int_equal(rj.line[0], 4);
	assert_contains(rj.msg[0], "data <b>.csv: baris 4, kolom 6 (\"U2\"): nilai \"7\" di luar");
	assert_not_contains(rj.msg[0], "--skip-invalid");
	assert_int_equal(rj.line[1], 6);
	assert_contains(rj.msg[1], "baris 6, kolom tanggal: \"2025-12-31\" di luar periode");
	assert_int_equal(stored(&w), 0);

	/* Stored for real, skipping the two. */
	memset(&rj, 0, sizeof(rj));
	assert_int_equal(store_begin(w.st, &err), 0);
	assert_int_equal(run(&w, im, &rj, 1, 0, &err), 0);
	assert_int_equal(store_commit(w.st, &err), 0);
	assert_int_equal(im->stored, 3);
	assert_int_equal(rj.n, 2);
	assert_int_equal(stored(&w), 3);
	free(im);
	store_close(w.st);
}

static void test_all_or_nothing(void **state)
{
	const char *url = storetest_fresh(state, "strict");
	struct store_import *im = calloc(1, sizeof(*im));
	struct rejects rj = {0};
	struct ikm_err err = {0};
	struct world w;

	world(url, &w);
	assert_int_equal(store_begin(w.st, &err), 0);
	assert_int_equal(run(&w, im, &rj, 0, 0, &err), -1);
	store_rollback(w.st);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "data <b>.csv: baris 4, kolom 6");
	assert_int_equal(rj.n, 0);
	assert_int_equal(stored(&w), 0);
	free(im);
	store_close(w.st);
}

static int first_row(void *user, const struct store_response *r, struct ikm_err *err)
{
	struct store_response *out = user;

	(void)err;
	if (out->k == 0)
		*out = *r;
	return 0;
}

static void test_fields(void **state)
{
	const char *url = storetest_fresh(state, "fields");
	struct store_import *im = calloc(1, sizeof(*im));
	struct store_response *r = calloc(1, sizeof(*r));
	struct store_scope sc;
	struct rejects rj = {0};
	struct ikm_err err = {0};
	struct world w;

	world(url, &w);
	assert_int_equal(run(&w, im, &rj, 1, 0, &err), 0);
	sc.unit = w.u.id;
	sc.period = w.p.id;
	sc.service = 0;
	assert_int_equal(store_responses_each(w.st, &sc, first_row, r, &err), 0);
	assert_int_equal(r->channel, STORE_IMPORT);
	assert_int_equal(r->date, 20260105);
	assert_string_equal(r->gender, "P");
	assert_int_equal(r->age, 40);
	assert_string_equal(r->suggestion, "=lebih cepat");
	assert_int_equal(r->instrument, w.instr);
	free(r);
	free(im);
	store_close(w.st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dry_run_and_skip),
	    cmocka_unit_test(test_all_or_nothing),
	    cmocka_unit_test(test_fields),
	};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
