/* The store suite (src/store): run on SQLite always and on PostgreSQL when
 * IKM_TEST_PG_URL names an empty throwaway database (tests/run.sh starts
 * one with scripts/pg-test-cluster when PostgreSQL is installed). Migrations
 * from empty and idempotent re-open; units, services, periods; responses
 * with duplicates, tickets and closed periods; the aggregate equal to the
 * file computation of the seed demo; concurrent writers losing nothing;
 * rollback leaving nothing half-written; instrument versions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "load.h"
#include "quality.h"
#include "score.h"
#include "store.h"
#include "storetest.h"
#include "testutil.h"

static void test_migrations(void **state)
{
	const char *url = storetest_fresh(state, "migrations");
	struct store *st = storetest_open(url);
	struct store_org org;
	struct ikm_err err = {0};
	int v = 0;

	assert_int_equal(store_schema_version(st, &v, &err), 0);
	assert_int_equal(v, STORE_SCHEMA);
	assert_int_equal(store_org_get(st, &org, &err), 0);
	assert_string_equal(org.zone, "WIB");
	assert_int_equal(store_org_set(st, "Pemerintah Kota Mojokerto", "WIB", &err), 0);
	assert_int_equal(store_org_set(st, "X", "CET", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	store_close(st);
	/* Re-open: nothing applied twice, the data kept. */
	st = storetest_open(url);
	assert_int_equal(store_schema_version(st, &v, &err), 0);
	assert_int_equal(v, STORE_SCHEMA);
	assert_int_equal(store_org_get(st, &org, &err), 0);
	assert_string_equal(org.name, "Pemerintah Kota Mojokerto");
	store_close(st);
}

static void test_units_services_periods(void **state)
{
	const char *url = storetest_fresh(state, "setup");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_unit u, *units;
	struct store_service sv, *svcs;
	struct store_period p, *periods;
	int n;

	assert_int_equal(store_unit_add(st, "kota", "Kota Mojokerto", NULL, &u, &err), 0);
	assert_int_equal(store_unit_add(st, "dispenduk", "Dinas Dukcapil", "kota", &u, &err), 0);
	assert_string_equal(u.parent_slug, "kota");
	assert_int_equal(store_unit_add(st, "a-puskesmas", "Puskesmas", "kota", NULL, &err), 0);
	assert_int_equal(store_unit_add(st, "dispenduk", "Lagi", NULL, NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "sudah ada");
	assert_int_equal(store_unit_add(st, "Bad Slug", "X", NULL, NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_int_equal(store_unit_add(st, "x", "X", "nope", NULL, &err), -1);
	assert_contains(err.msg, "nope");
	assert_int_equal(store_unit_list(st, &units, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(units[0].slug, "kota"); /* parents first */
	assert_string_equal(units[1].slug, "a-puskesmas");
	free(units);

	assert_int_equal(store_service_add(st, "akta", "dispenduk", "Akta Kelahiran", &sv, &err),
	                 0);
	assert_int_equal(store_service_add(st, "akta", "a-puskesmas", "Akta?", NULL, &err), 0);
	assert_int_equal(store_service_add(st, "akta", "dispenduk", "Lagi", NULL, &err), -1);
	assert_int_equal(store_service_list(st, "dispenduk", &svcs, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(svcs[0].name, "Akta Kelahiran");
	free(svcs);
	assert_int_equal(store_service_list(st, NULL, &svcs, &n, &err), 0);
	assert_int_equal(n, 2);
	free(svcs);

	assert_int_equal(
	    store_period_add(st, "2022-s1", 20220101, 20220630, "Semester I 2022", &p, &err), 0);
	assert_int_equal(p.from, 20220101);
	assert_int_equal(store_period_add(st, "bad", 20220701, 20220101, NULL, NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	{
		struct store_period on;
		int found;

		assert_int_equal(
		    store_period_add(st, "2022-q2", 20220401, 20220630, NULL, NULL, &err), 0);
		assert_int_equal(store_period_on(st, 20220415, &on, &found, &err), 0);
		assert_int_equal(found, 1);
		assert_string_equal(on.slug, "2022-q2"); /* the latest starting */
		assert_int_equal(store_period_on(st, 20220102, &on, &found, &err), 0);
		assert_string_equal(on.slug, "2022-s1");
		assert_int_equal(store_period_on(st, 20230101, &on, &found, &err), 0);
		assert_int_equal(found, 0);
	}
	assert_int_equal(store_period_close(st, "2022-s1", &err), 0);
	assert_int_equal(store_period_list(st, &periods, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(periods[0].closed, 1);
	free(periods);
	assert_int_equal(store_population_set(st, u.id, 0, p.id, 1000, &err), 0);
	assert_int_equal(store_population_set(st, u.id, 0, p.id, 1200, &err), 0);
	{
		int64_t pop;

		assert_int_equal(store_population_get(st, u.id, 0, p.id, &pop, &err), 0);
		assert_int_equal(pop, 1200);
		assert_int_equal(store_population_get(st, u.id, sv.id, p.id, &pop, &err), 0);
		assert_int_equal(pop, 0);
	}
	store_close(st);
}

/* A unit, a period and the standard instrument in a fresh store. */
struct scope_fix {
	struct store *st;
	struct store_unit u;
	struct store_period p;
	int64_t instr;
};

static void scope_make(struct scope_fix *f, const char *url)
{
	struct ikm_err err = {0};
	struct instrument in;

	f->st = storetest_open(url);
	if (store_unit_add(f->st, "dispenduk", "Dinas", NULL, &f->u, &err) < 0 ||
	    store_period_add(f->st, "2022-s1", 20220101, 20220630, NULL, &f->p, &err) < 0)
		fail_msg("%s", err.msg);
	instr_standard(&in);
	if (store_instrument_put(f->st, &in, 0, &f->instr, &err) < 0)
		fail_msg("%s", err.msg);
}

static void response_of(struct store_response *r, const struct scope_fix *f, const uint8_t *v)
{
	memset(r, 0, sizeof(*r));
	r->unit = f->u.id;
	r->period = f->p.id;
	r->instrument = f->instr;
	r->channel = STORE_WEB;
	r->submitted = 1650000000;
	r->k = 9;
	memcpy(r->answers, v, 9);
	r->age = -1;
}

static void test_responses(void **state)
{
	const char *url = storetest_fresh(state, "responses");
	struct scope_fix f;
	struct store_response r;
	struct ikm_err err = {0};
	const uint8_t v[9] = {4, 4, 4, 4, 4, 4, 3, 4, 3};
	int dup = -1;

	scope_make(&f, url);
	response_of(&r, &f, v);
	snprintf(r.client_id, sizeof(r.client_id), "c-1");
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	assert_int_equal(dup, 0);
	/* A retry with the same client id is stored once. */
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	assert_int_equal(dup, 1);
	/* A ticket once per unit. */
	response_of(&r, &f, v);
	snprintf(r.ticket_hash, sizeof(r.ticket_hash), "ab12");
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "tiket");
	{
		int used = 0;

		assert_int_equal(store_ticket_used(f.st, f.u.id, "ab12", &used, &err), 0);
		assert_int_equal(used, 1);
		assert_int_equal(store_ticket_used(f.st, f.u.id, "cd34", &used, &err), 0);
		assert_int_equal(used, 0);
	}
	/* A used ticket with a new client id is refused, not taken for a retry. */
	snprintf(r.client_id, sizeof(r.client_id), "c-2");
	dup = -1;
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "tiket");
	assert_int_equal(dup, 0);
	/* A date outside the period. */
	response_of(&r, &f, v);
	r.date = 20220701;
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), -1);
	assert_contains(err.msg, "di luar periode");
	/* A closed period takes nothing. */
	assert_int_equal(store_period_close(f.st, "2022-s1", &err), 0);
	response_of(&r, &f, v);
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), -1);
	assert_contains(err.msg, "ditutup");
	{
		struct store_scope sc = {f.u.id, f.p.id, 0};
		struct store_totals tot;
		struct instrument in;
		struct score_acc *acc;

		if (store_aggregate(f.st, &sc, &in, &acc, &tot, &err) < 0)
			fail_msg("store_aggregate: %s", err.msg);
		assert_int_equal(tot.responses, 2);
		assert_int_equal(score_acc_respondents(acc), 2);
		assert_int_equal(score_acc_sum(acc, 6), 6);
		score_acc_free(acc);
	}
	store_close(f.st);
}

/* The seed demo, loaded into the store row by row, aggregates to what the
 * file computation gives: 96,89 and the same pair counts. */
struct demo_load {
	struct scope_fix *f;
	struct ikm_err *err;
	uint64_t stored;
};

static int demo_row(void *user, const struct load_row *lr, struct ikm_err *err)
{
	struct demo_load *d = user;
	struct store_response r;
	int dup;

	if (lr->flags & QUALITY_EMPTY)
		return 0;
	response_of(&r, d->f, lr->vals);
	r.flags = lr->flags;
	if (store_response_add(d->f->st, &r, &dup, err) < 0)
		return -1;
	d->stored++;
	return 0;
}

static void test_demo_aggregate(void **state)
{
	const char *url = storetest_fresh(state, "demo");
	struct scope_fix f;
	struct demo_load d = {&f, NULL, 0};
	struct instrument in, sin;
	struct score_acc *acc = NULL, *sacc;
	struct load_report rep = {0};
	struct load_opts lo = {0};
	struct score_result res;
	struct store_totals tot;
	struct store_scope sc;
	struct ikm_err err = {0};
	char path[512];
	char *paths[1] = {path};

	scope_make(&f, url);
	snprintf(path, sizeof(path), "%s/examples/mojokerto-2022-s1-demo.csv",
	         getenv("IKM_TOP") != NULL ? getenv("IKM_TOP") : ".");
	instr_standard(&in);
	lo.row = demo_row;
	lo.row_user = &d;
	assert_int_equal(store_begin(f.st, &err), 0);
	if (load_files(paths, 1, &in, &lo, &acc, &rep, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_commit(f.st, &err), 0);
	assert_int_equal(d.stored, 250);
	sc = (struct store_scope){f.u.id, f.p.id, 0};
	if (store_aggregate(f.st, &sc, &sin, &sacc, &tot, &err) < 0)
		fail_msg("store_aggregate: %s", err.msg);
	assert_int_equal(tot.responses, 250);
	assert_int_equal(tot.flags[quality_bit(QUALITY_STRAIGHT)],
	                 rep.quality.count[quality_bit(QUALITY_STRAIGHT)]);
	assert_int_equal(score_compute(sacc, &sin, &res, &err), 0);
	assert_int_equal(res.ikm_e2, 9689);
	assert_int_equal(res.el[6].nrr_e2, 384);
	for (int j = 0; j < 9; j++)
		for (int l = 0; l < 9; l++)
			for (int a = 1; a <= 4; a++)
				for (int b = 1; b <= 4; b++)
					assert_int_equal(score_acc_pair(acc, j, l, a, b),
					                 score_acc_pair(sacc, j, l, a, b));
	score_acc_free(acc);
	score_acc_free(sacc);
	load_report_free(&rep);
	store_close(f.st);
}

static void test_rollback(void **state)
{
	const char *url = storetest_fresh(state, "rollback");
	struct scope_fix f;
	struct store_response r;
	struct ikm_err err = {0};
	const uint8_t v[9] = {1, 2, 3, 4, 1, 2, 3, 4, 1};
	struct store_scope sc;
	struct store_totals tot;
	struct instrument in;
	struct score_acc *acc;
	int dup;

	scope_make(&f, url);
	assert_int_equal(store_begin(f.st, &err), 0);
	for (int i = 0; i < 10; i++) {
		response_of(&r, &f, v);
		assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	}
	store_rollback(f.st);
	sc = (struct store_scope){f.u.id, f.p.id, 0};
	assert_int_equal(store_aggregate(f.st, &sc, &in, &acc, &tot, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_null(acc);
	store_close(f.st);
}

struct writer {
	const char *url;
	int64_t unit, period, instr;
	int id, n, rc;
	char msg[IKM_ERR_MSG_MAX];
};

static void *writer_run(void *arg)
{
	struct writer *w = arg;
	struct store *st;
	struct ikm_err err = {0};

	if (store_open(w->url, &st, &err) < 0) {
		snprintf(w->msg, sizeof(w->msg), "%s", err.msg);
		w->rc = -1;
		return NULL;
	}
	for (int i = 0; i < w->n && w->rc == 0; i++) {
		struct store_response r = {0};
		int dup;

		r.unit = w->unit;
		r.period = w->period;
		r.instrument = w->instr;
		r.k = 9;
		r.age = -1;
		for (int j = 0; j < 9; j++)
			r.answers[j] = (uint8_t)(1 + (i + j + w->id) % 4);
		snprintf(r.client_id, sizeof(r.client_id), "w%d-%d", w->id, i);
		if (store_response_add(st, &r, &dup, &err) < 0 || dup) {
			snprintf(w->msg, sizeof(w->msg), "%s", err.msg);
			w->rc = -1;
		}
	}
	store_close(st);
	return NULL;
}

static void test_concurrent_writers(void **state)
{
	const char *url = storetest_fresh(state, "concurrent");
	struct scope_fix f;
	struct writer w[4];
	pthread_t th[4];
	struct store_scope sc;
	struct store_totals tot;
	struct instrument in;
	struct score_acc *acc;
	struct ikm_err err = {0};
	int n = 200;

	scope_make(&f, url);
	for (int t = 0; t < 4; t++) {
		w[t] = (struct writer){url, f.u.id, f.p.id, f.instr, t, n, 0, ""};
		assert_int_equal(pthread_create(&th[t], NULL, writer_run, &w[t]), 0);
	}
	for (int t = 0; t < 4; t++) {
		pthread_join(th[t], NULL);
		if (w[t].rc != 0)
			fail_msg("writer %d: %s", t, w[t].msg);
	}
	sc = (struct store_scope){f.u.id, f.p.id, 0};
	if (store_aggregate(f.st, &sc, &in, &acc, &tot, &err) < 0)
		fail_msg("store_aggregate: %s", err.msg);
	assert_int_equal(tot.responses, 4 * (uint64_t)n);
	assert_int_equal(score_acc_respondents(acc), 4 * (uint64_t)n);
	score_acc_free(acc);
	store_close(f.st);
}

static void test_instrument_versions(void **state)
{
	const char *url = storetest_fresh(state, "versions");
	struct scope_fix f;
	struct instrument in, ex, back;
	struct ikm_err err = {0};
	int64_t id1, id2, id3;
	struct store_response r;
	struct store_scope sc;
	struct store_totals tot;
	struct score_acc *acc;
	const uint8_t v9[9] = {4, 4, 4, 4, 4, 4, 4, 4, 4};
	int dup;

	scope_make(&f, url);
	instr_standard(&in);
	assert_int_equal(store_instrument_put(f.st, &in, f.u.id, &id1, &err), 0);
	assert_int_equal(store_instrument_put(f.st, &in, f.u.id, &id2, &err), 0);
	assert_int_equal(id1, id2);
	{
		int64_t cur;
		struct instrument ci;

		/* The unit's own version is its current one; another unit has the
		 * organisation's. */
		assert_int_equal(store_instrument_current(f.st, f.u.id, &cur, &ci, &err), 0);
		assert_int_equal(cur, id1);
		assert_int_equal(store_instrument_current(f.st, f.u.id + 1000, &cur, &ci, &err), 0);
		assert_int_equal(cur, f.instr);
		assert_int_equal(ci.k, 9);
	}
	ex = in;
	assert_int_equal(instr_add_extra(&ex, "U10", NULL, "Kebersihan Ruang Tunggu", &err), 0);
	assert_int_equal(store_instrument_put(f.st, &ex, f.u.id, &id3, &err), 0);
	assert_true(id3 != id1);
	assert_int_equal(store_instrument_get(f.st, id3, &back, &err), 0);
	assert_int_equal(back.k, 10);
	assert_string_equal(back.el[9].name, "Kebersihan Ruang Tunggu");
	assert_string_equal(back.el[6].id, "perilaku");
	assert_non_null(back.el[6].question);
	assert_int_equal(back.el[0].w_num, 1);
	assert_int_equal(back.el[0].w_den, 10);
	/* Words per locale: the defaults, then an office's own question. */
	{
		struct instr_texts *t = malloc(sizeof(*t)), *b = malloc(sizeof(*b));
		int64_t id4, id5;

		assert_non_null(t);
		assert_non_null(b);
		assert_int_equal(store_instrument_texts(f.st, id3, t, &err), 0);
		assert_string_equal(t->name[6][INSTR_EN], "Staff Conduct");
		assert_string_equal(t->label[3][INSTR_EN][3], "Free");
		assert_string_equal(t->label[3][INSTR_ID][3], "Gratis");
		assert_string_equal(t->question[9][INSTR_EN], "");
		assert_string_equal(t->label[9][INSTR_EN][0], "Poor");
		snprintf(t->question[9][INSTR_ID], sizeof(t->question[9][INSTR_ID]),
		         "Bagaimana kebersihan\truang tunggu?");
		snprintf(t->question[9][INSTR_EN], sizeof(t->question[9][INSTR_EN]),
		         "How clean is the waiting room?");
		assert_int_equal(store_instrument_put_texts(f.st, &ex, t, f.u.id, &id4, &err), 0);
		assert_true(id4 != id3);
		assert_int_equal(store_instrument_put_texts(f.st, &ex, t, f.u.id, &id5, &err), 0);
		assert_int_equal(id4, id5);
		assert_int_equal(store_instrument_texts(f.st, id4, b, &err), 0);
		assert_string_equal(b->question[9][INSTR_ID], "Bagaimana kebersihan ruang tunggu?");
		assert_string_equal(b->question[9][INSTR_EN], "How clean is the waiting room?");
		assert_string_equal(b->question[6][INSTR_ID], t->question[6][INSTR_ID]);
		free(t);
		free(b);
	}
	/* One response on each version: the aggregate uses the newer (10
	 * elements), the older response has U10 unanswered. */
	response_of(&r, &f, v9);
	r.instrument = id1;
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	r.instrument = id3;
	r.k = 10;
	r.answers[9] = 2;
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	sc = (struct store_scope){f.u.id, f.p.id, 0};
	if (store_aggregate(f.st, &sc, &back, &acc, &tot, &err) < 0)
		fail_msg("store_aggregate: %s", err.msg);
	assert_int_equal(tot.versions, 2);
	assert_int_equal(back.k, 10);
	assert_int_equal(score_acc_answered(acc, 0), 2);
	assert_int_equal(score_acc_answered(acc, 9), 1);
	assert_int_equal(score_acc_sum(acc, 9), 2);
	score_acc_free(acc);
	store_close(f.st);
}

struct each_count {
	uint64_t n;
	char last_sugg[STORE_SUGG_MAX + 1];
};

static int each_fn(void *user, const struct store_response *r, struct ikm_err *err)
{
	struct each_count *c = user;

	(void)err;
	c->n++;
	snprintf(c->last_sugg, sizeof(c->last_sugg), "%s", r->suggestion);
	return 0;
}

static void test_each_round_trip(void **state)
{
	const char *url = storetest_fresh(state, "each");
	struct scope_fix f;
	struct store_response r;
	struct ikm_err err = {0};
	struct each_count c = {0};
	const uint8_t v[9] = {3, 3, 3, 3, 3, 3, 3, 3, 0};
	struct store_scope sc;
	int dup;

	scope_make(&f, url);
	for (int i = 0; i < 5; i++) {
		response_of(&r, &f, v);
		snprintf(r.suggestion, sizeof(r.suggestion), "Saran ke-%d, \"kutip\" '; DROP TABLE",
		         i);
		snprintf(r.gender, sizeof(r.gender), "P");
		r.age = 30 + i;
		assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	}
	sc = (struct store_scope){f.u.id, f.p.id, 0};
	assert_int_equal(store_responses_each(f.st, &sc, each_fn, &c, &err), 0);
	assert_int_equal(c.n, 5);
	assert_string_equal(c.last_sugg, "Saran ke-4, \"kutip\" '; DROP TABLE");
	store_close(f.st);
}

#define SUITE(x)                                                                                   \
	cmocka_unit_test(test_migrations), cmocka_unit_test(test_units_services_periods),          \
	    cmocka_unit_test(test_responses), cmocka_unit_test(test_demo_aggregate),               \
	    cmocka_unit_test(test_rollback), cmocka_unit_test(test_concurrent_writers),            \
	    cmocka_unit_test(test_instrument_versions), cmocka_unit_test(test_each_round_trip)

int main(void)
{
	const struct CMUnitTest tests[] = {SUITE(0)};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
