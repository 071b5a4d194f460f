/* The group-commit writer (src/web/gcommit.c) on SQLite and, with
 * IKM_TEST_PG_URL, on PostgreSQL: many threads' responses each stored once
 * and counted; a client id twice in one batch and across batches stored
 * once with the repeat reported as a duplicate; a used ticket, a closed
 * period and a constraint failing only their own response; stop finishing
 * the responses still queued; a lost connection failing its batch and the
 * next batch stored on a new one.
 *
 * To put responses in one batch, the test holds the database's write lock
 * from another connection: the writer takes a first response and blocks on
 * the lock, the test queues the others (gcommit_queued tells when) and
 * lets go; the writer then takes them all at once. No timing is asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "gcommit.h"
#include "store.h"
#include "storetest.h"
#include "testutil.h"

#define WAIT_MAX_MS 60000 /* a condition the test waits for never taking longer */

/* A unit, an open and a closed period and the standard instrument. */
struct fix {
	const char *url;
	struct store *st;
	struct store_unit u;
	struct store_period p, closed;
	int64_t instr;
	struct gcommit *g;
};

static void fix_make(struct fix *f, void **state, const char *name)
{
	struct ikm_err err = {0};
	struct instrument in;

	memset(f, 0, sizeof(*f));
	f->url = storetest_fresh(state, name);
	f->st = storetest_open(f->url);
	if (store_unit_add(f->st, "dispenduk", "Dinas", NULL, &f->u, &err) < 0 ||
	    store_period_add(f->st, "2022-s1", 20220101, 20220630, NULL, &f->p, &err) < 0 ||
	    store_period_add(f->st, "2021-s2", 20210701, 20211231, NULL, &f->closed, &err) < 0 ||
	    store_period_close(f->st, "2021-s2", &err) < 0)
		fail_msg("%s", err.msg);
	instr_standard(&in);
	if (store_instrument_put(f->st, &in, 0, &f->instr, &err) < 0)
		fail_msg("%s", err.msg);
	if (gcommit_start(f->url, &f->g, &err) < 0)
		fail_msg("gcommit_start: %s", err.msg);
}

/* Stop the writer (when running) and close the store. */
static void fix_done(struct fix *f)
{
	gcommit_stop(f->g);
	store_close(f->st);
}

static void resp(struct store_response *r, const struct fix *f, const char *client_id, int seed)
{
	static const uint8_t base[9] = {4, 4, 3, 4, 4, 3, 4, 4, 4};

	memset(r, 0, sizeof(*r));
	r->unit = f->u.id;
	r->period = f->p.id;
	r->instrument = f->instr;
	r->channel = STORE_WEB;
	r->submitted = 1650000000;
	r->date = 20220315;
	r->k = 9;
	memcpy(r->answers, base, 9);
	r->answers[seed % 9] = (uint8_t)(1 + seed % 4);
	r->age = -1;
	snprintf(r->client_id, sizeof(r->client_id), "%s", client_id != NULL ? client_id : "");
}

/* Responses stored in (unit, period) as the counts see them. */
static uint64_t counted(const struct fix *f, int64_t period)
{
	struct store_scope sc = {f->u.id, period, 0};
	struct store_totals tot;
	struct instrument in;
	struct score_acc *acc;
	struct ikm_err err = {0};
	uint64_t n;

	if (store_aggregate(f->st, &sc, &in, &acc, &tot, &err) < 0) {
		if (err.kind == IKM_EDATA)
			return 0; /* no response */
		fail_msg("store_aggregate: %s", err.msg);
	}
	n = score_acc_respondents(acc);
	assert_int_equal(n, tot.responses);
	score_acc_free(acc);
	return n;
}

static int count_fn(void *user, const struct store_response *r, struct ikm_err *err)
{
	(void)r;
	(void)err;
	(*(uint64_t *)user)++;
	return 0;
}

/* Responses stored in (unit, period) as rows. */
static uint64_t rows(const struct fix *f, int64_t period)
{
	struct store_scope sc = {f->u.id, period, 0};
	struct ikm_err err = {0};
	uint64_t n = 0;

	if (store_responses_each(f->st, &sc, count_fn, &n, &err) < 0)
		fail_msg("store_responses_each: %s", err.msg);
	return n;
}

/* ---- one response per thread ------------------------------------------- */

struct adder {
	struct gcommit *g;
	struct store_response r;
	int rc, dup;
	struct ikm_err err;
	pthread_t th;
};

static void *adder_run(void *arg)
{
	struct adder *a = arg;

	a->rc = gcommit_add(a->g, &a->r, &a->dup, &a->err);
	return NULL;
}

static void adder_start(struct adder *a, struct gcommit *g)
{
	a->g = g;
	a->rc = -2;
	assert_int_equal(pthread_create(&a->th, NULL, adder_run, a), 0);
}

#define ANY ((size_t)-1)

/* Wait until the writer has pending responses, queued of them not yet
 * taken (ANY: however many). */
static void wait_for(struct gcommit *g, size_t pending, size_t queued)
{
	for (int ms = 0;
	     gcommit_pending(g) != pending || (queued != ANY && gcommit_queued(g) != queued);
	     ms++) {
		if (ms > WAIT_MAX_MS)
			fail_msg("gcommit: %zu pending, %zu queued; waited for %zu and %zu",
			         gcommit_pending(g), gcommit_queued(g), pending, queued);
		usleep(1000);
	}
}

/* The database's write lock, held on a connection of its own. */
static struct db *lock_hold(const char *url)
{
	struct db *db;
	struct ikm_err err = {0};

	if (db_open(url, &db, &err) < 0 || db_begin(db, &err) < 0)
		fail_msg("lock: %s", err.msg);
	/* SQLite: BEGIN IMMEDIATE took it. */
	if (db_dialect(db) == DB_PG &&
	    db_exec(db, "LOCK TABLE response IN EXCLUSIVE MODE", &err) < 0)
		fail_msg("lock: %s", err.msg);
	return db;
}

static void lock_release(struct db *db)
{
	db_rollback(db);
	db_close(db);
}

/* Store a[0] in a batch of its own and a[1..n) together in the next one,
 * queued in that order. */
static void one_batch(struct fix *f, struct adder *a, int n)
{
	struct db *lock = lock_hold(f->url);

	adder_start(&a[0], f->g);
	wait_for(f->g, 1, 0); /* the writer took it and waits for the lock */
	for (int i = 1; i < n; i++) {
		adder_start(&a[i], f->g);
		wait_for(f->g, (size_t)i + 1, (size_t)i);
	}
	lock_release(lock);
	for (int i = 0; i < n; i++)
		pthread_join(a[i].th, NULL);
}

static void expect_ok(const struct adder *a, int dup)
{
	if (a->rc != 0)
		fail_msg("gcommit_add: %s", a->err.msg);
	assert_int_equal(a->dup, dup);
}

static void expect_edata(const struct adder *a, const char *words)
{
	assert_int_equal(a->rc, -1);
	assert_int_equal(a->err.kind, IKM_EDATA);
	assert_contains(a->err.msg, words);
}

/* ---- the tests ----------------------------------------------------------- */

#define MANY_THREADS 4
#define MANY_EACH    250
#define MANY_REPEAT  10 /* every 10th response repeats the thread's previous client id */

struct many {
	struct fix *f;
	int t, stored, dups, rc;
	char msg[IKM_ERR_MSG_MAX];
};

static void *many_run(void *arg)
{
	struct many *m = arg;
	struct store_response r;

	for (int i = 0; i < MANY_EACH; i++) {
		char id[STORE_ID_MAX + 1];
		struct ikm_err err = {0};
		int dup, repeat = i > 0 && i % MANY_REPEAT == 0;

		snprintf(id, sizeof(id), "%08x%08x", (unsigned)m->t,
		         (unsigned)(repeat ? i - 1 : i));
		resp(&r, m->f, id, i);
		if (gcommit_add(m->f->g, &r, &dup, &err) < 0) {
			m->rc = -1;
			snprintf(m->msg, sizeof(m->msg), "%s", err.msg);
			return NULL;
		}
		if (dup != repeat) {
			m->rc = -1;
			snprintf(m->msg, sizeof(m->msg), "response %d: dup %d", i, dup);
			return NULL;
		}
		m->stored += !dup;
		m->dups += dup;
	}
	return NULL;
}

static void test_many_threads(void **state)
{
	struct fix f;
	struct many m[MANY_THREADS];
	pthread_t th[MANY_THREADS];
	uint64_t stored = 0;

	fix_make(&f, state, "many");
	for (int t = 0; t < MANY_THREADS; t++) {
		m[t] = (struct many){&f, t, 0, 0, 0, ""};
		assert_int_equal(pthread_create(&th[t], NULL, many_run, &m[t]), 0);
	}
	for (int t = 0; t < MANY_THREADS; t++) {
		pthread_join(th[t], NULL);
		if (m[t].rc != 0)
			fail_msg("thread %d: %s", t, m[t].msg);
		assert_int_equal(m[t].dups, (MANY_EACH - 1) / MANY_REPEAT);
		stored += (uint64_t)m[t].stored;
	}
	assert_int_equal(gcommit_pending(f.g), 0);
	assert_int_equal(stored, MANY_THREADS * (MANY_EACH - (MANY_EACH - 1) / MANY_REPEAT));
	assert_int_equal(rows(&f, f.p.id), stored);
	assert_int_equal(counted(&f, f.p.id), stored);
	fix_done(&f);
}

static void test_duplicates(void **state)
{
	struct fix f;
	struct adder a[4];
	int dup;
	struct store_response r;
	struct ikm_err err = {0};

	fix_make(&f, state, "dups");
	resp(&a[0].r, &f, "0000000000000000", 0);
	resp(&a[1].r, &f, "aaaaaaaaaaaaaaaa", 1);
	resp(&a[2].r, &f, "aaaaaaaaaaaaaaaa", 2); /* the same client id in the same batch */
	resp(&a[3].r, &f, "bbbbbbbbbbbbbbbb", 3);
	one_batch(&f, a, 4);
	expect_ok(&a[0], 0);
	expect_ok(&a[1], 0);
	expect_ok(&a[2], 1);
	expect_ok(&a[3], 0);
	/* And in a later batch. */
	resp(&r, &f, "aaaaaaaaaaaaaaaa", 4);
	if (gcommit_add(f.g, &r, &dup, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(dup, 1);
	resp(&r, &f, "0000000000000000", 5);
	assert_int_equal(gcommit_add(f.g, &r, &dup, &err), 0);
	assert_int_equal(dup, 1);
	assert_int_equal(rows(&f, f.p.id), 3);
	assert_int_equal(counted(&f, f.p.id), 3);
	fix_done(&f);
}

static void test_used_ticket(void **state)
{
	struct fix f;
	struct adder a[5];
	struct store_response r;
	struct ikm_err err = {0};
	int dup;

	fix_make(&f, state, "ticket");
	resp(&r, &f, NULL, 0);
	snprintf(r.ticket_hash, sizeof(r.ticket_hash), "%s", "11");
	if (store_response_add(f.st, &r, &dup, &err) < 0)
		fail_msg("%s", err.msg);
	for (int i = 0; i < 5; i++)
		resp(&a[i].r, &f, NULL, i);
	snprintf(a[1].r.ticket_hash, sizeof(a[1].r.ticket_hash), "%s", "11"); /* used before */
	snprintf(a[2].r.ticket_hash, sizeof(a[2].r.ticket_hash), "%s", "22");
	snprintf(a[3].r.ticket_hash, sizeof(a[3].r.ticket_hash), "%s",
	         "22"); /* used in the batch */
	one_batch(&f, a, 5);
	expect_ok(&a[0], 0);
	expect_edata(&a[1], "tiket");
	expect_ok(&a[2], 0);
	expect_edata(&a[3], "tiket");
	expect_ok(&a[4], 0);
	assert_int_equal(rows(&f, f.p.id), 4);
	assert_int_equal(counted(&f, f.p.id), 4);
	fix_done(&f);
}

static void test_closed_period(void **state)
{
	struct fix f;
	struct adder a[5];

	fix_make(&f, state, "closed");
	for (int i = 0; i < 5; i++) {
		char id[32];

		snprintf(id, sizeof(id), "c%015d", i);
		resp(&a[i].r, &f, id, i);
	}
	a[1].r.period = a[3].r.period = f.closed.id;
	a[1].r.date = a[3].r.date = 20211001;
	one_batch(&f, a, 5);
	expect_ok(&a[0], 0);
	expect_edata(&a[1], "ditutup");
	expect_ok(&a[2], 0);
	expect_edata(&a[3], "ditutup");
	expect_ok(&a[4], 0);
	assert_int_equal(rows(&f, f.p.id), 3);
	assert_int_equal(counted(&f, f.p.id), 3);
	assert_int_equal(rows(&f, f.closed.id), 0);
	assert_int_equal(counted(&f, f.closed.id), 0);
	fix_done(&f);
}

/* An unknown instrument fails its insert and so the batch's transaction:
 * the batch is rolled back and stored one at a time. */
static void test_constraint_fallback(void **state)
{
	struct fix f;
	struct adder a[6];

	fix_make(&f, state, "fallback");
	for (int i = 0; i < 6; i++) {
		char id[32];

		snprintf(id, sizeof(id), "f%015d", i);
		resp(&a[i].r, &f, id, i);
	}
	a[2].r.instrument = 999999;
	snprintf(a[4].r.client_id, sizeof(a[4].r.client_id), "%s", a[1].r.client_id);
	one_batch(&f, a, 6);
	expect_ok(&a[0], 0);
	expect_ok(&a[1], 0);
	expect_edata(&a[2], "instrumen");
	expect_ok(&a[3], 0);
	expect_ok(&a[4], 1);
	expect_ok(&a[5], 0);
	/* Counted once each: nothing of the rolled-back batch is left. */
	assert_int_equal(rows(&f, f.p.id), 4);
	assert_int_equal(counted(&f, f.p.id), 4);
	fix_done(&f);
}

struct stopper {
	struct gcommit *g;
	pthread_t th;
};

static void *stopper_run(void *arg)
{
	gcommit_stop(((struct stopper *)arg)->g);
	return NULL;
}

#define STOP_WAITERS 20

static void test_stop_with_waiters(void **state)
{
	struct fix f;
	struct adder a[STOP_WAITERS];
	struct stopper s;
	struct db *lock;

	fix_make(&f, state, "stop");
	lock = lock_hold(f.url);
	for (int i = 0; i < STOP_WAITERS; i++) {
		char id[32];

		snprintf(id, sizeof(id), "s%015d", i);
		resp(&a[i].r, &f, id, i);
		adder_start(&a[i], f.g);
	}
	wait_for(f.g, STOP_WAITERS, ANY); /* the writer blocked on the lock */
	s.g = f.g;
	assert_int_equal(pthread_create(&s.th, NULL, stopper_run, &s), 0);
	usleep(20000); /* not needed for the result: lets the stop begin first */
	lock_release(lock);
	pthread_join(s.th, NULL);
	f.g = NULL;
	for (int i = 0; i < STOP_WAITERS; i++) {
		pthread_join(a[i].th, NULL);
		expect_ok(&a[i], 0);
	}
	assert_int_equal(rows(&f, f.p.id), STOP_WAITERS);
	assert_int_equal(counted(&f, f.p.id), STOP_WAITERS);
	fix_done(&f);
}

/* PostgreSQL: the writer's connection is cut; that batch fails with
 * IKM_EIO, nothing of it stored, and the next one opens a new connection. */
static void test_connection_lost(void **state)
{
	struct fix f;
	struct store_response r;
	struct ikm_err err = {0};
	struct db *db;
	int dup;

	fix_make(&f, state, "lost");
	if (store_url(f.st)[0] != 'p') {
		fix_done(&f);
		print_message("# SKIP an SQLite connection cannot be cut from outside\n");
		skip();
	}
	resp(&r, &f, "1111111111111111", 0);
	assert_int_equal(gcommit_add(f.g, &r, &dup, &err), 0);
	if (db_open(f.url, &db, &err) < 0 ||
	    db_exec(db,
	            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE pid <> "
	            "pg_backend_pid() AND datname = current_database()",
	            &err) < 0)
		fail_msg("%s", err.msg);
	db_close(db);
	store_close(f.st);
	f.st = storetest_open(f.url);
	resp(&r, &f, "2222222222222222", 1);
	assert_int_equal(gcommit_add(f.g, &r, &dup, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	resp(&r, &f, "3333333333333333", 2);
	if (gcommit_add(f.g, &r, &dup, &err) < 0)
		fail_msg("after a new connection: %s", err.msg);
	assert_int_equal(dup, 0);
	assert_int_equal(rows(&f, f.p.id), 2);
	assert_int_equal(counted(&f, f.p.id), 2);
	fix_done(&f);
}

#define SUITE                                                                                      \
	cmocka_unit_test(test_many_threads), cmocka_unit_test(test_duplicates),                    \
	    cmocka_unit_test(test_used_ticket), cmocka_unit_test(test_closed_period),              \
	    cmocka_unit_test(test_constraint_fallback), cmocka_unit_test(test_stop_with_waiters),  \
	    cmocka_unit_test(test_connection_lost)

int main(void)
{
	const struct CMUnitTest tests[] = {SUITE};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
