/* Conformance tests of src/store/db.h, the SQL interface of the store: every
 * test of the common list runs against SQLite (a file in a temporary
 * directory) always, and against PostgreSQL when IKM_TEST_PG_URL holds the
 * libpq URI of an empty throwaway database (else that group prints "# SKIP").
 * The SQL is portable: what one backend accepts, so does the other. Tests
 * of the SQLite setup (pragmas, busy timeout, file errors) and of the `?`
 * numbering the PostgreSQL backend uses run once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "db_int.h"
#include "testutil.h"

struct fixture {
	const char *url; /* NULL: the group is skipped */
	int pg;
	char dir[256];  /* SQLite: the temporary directory */
	char path[320]; /* SQLite: the database file in it */
};

static struct fixture sqlite_fx, pg_fx;

/* The group's fixture, or skip the test when its database is not there. */
static struct fixture *fixture(void **state)
{
	struct fixture *fx = *state;

	if (fx->url == NULL)
		skip();
	return fx;
}

/* Fail the test with err's message unless rc is 0. */
static void check(int rc, const struct ikm_err *err)
{
	if (rc != 0) {
		print_error("%s\n", err->msg);
		fail();
	}
}

static struct db *open_db(const struct fixture *fx)
{
	struct db *db = NULL;
	struct ikm_err err = {0};

	check(db_open(fx->url, &db, &err), &err);
	return db;
}

static void exec_ok(struct db *db, const char *sql)
{
	struct ikm_err err = {0};

	check(db_exec(db, sql, &err), &err);
}

static struct db_stmt *prep(struct db *db, const char *sql)
{
	struct db_stmt *st = NULL;
	struct ikm_err err = {0};

	check(db_prepare(db, sql, &st, &err), &err);
	return st;
}

/* Step, failing the test unless the result is want. */
static void step_is(struct db_stmt *st, int want)
{
	struct ikm_err err = {0};
	int rc = db_step(st, &err);

	if (rc != want) {
		print_error("db_step = %d, want %d: %s\n", rc, want, err.msg);
		fail();
	}
}

/* The integer in the first column of a one-row query. No reset needed: the
 * next use of the connection ends the statement. */
static int64_t query_int(struct db *db, const char *sql)
{
	struct db_stmt *st = prep(db, sql);

	step_is(st, DB_ROW);
	return db_column_int(st, 0);
}

/* expr, which fills a local err, returns want with err.kind == want_kind. */
#define assert_fails(expr, want, want_kind)                                                        \
	do {                                                                                       \
		err_clear(&err);                                                                   \
		assert_int_equal((expr), (want));                                                  \
		assert_int_equal(err.kind, (want_kind));                                           \
	} while (0)

/* Reset st, bind id to its first parameter and step; want: the result. */
static void rebind_step(struct db_stmt *st, int64_t id, int want)
{
	db_reset(st);
	db_bind_int(st, 1, id);
	step_is(st, want);
}

static void assert_text(struct db_stmt *st, int col, const char *want)
{
	size_t len = 99;
	const char *got = db_column_text(st, col, &len);

	assert_non_null(got);
	assert_int_equal(len, strlen(want));
	assert_string_equal(got, want);
	assert_false(db_column_is_null(st, col));
}

static const char *const texts[] = {
    "biasa",
    "it's \"quoted\" ? and ?? ; -- not a comment /* nor this */",
    "Survei Kepuasan Masyarakat — café, 日本, ✓",
    "", /* empty, not NULL */
    "\\ backslash \\' and '' twice",
};

/* Bound int, text and NULL values come back as they were, text byte for
 * byte; the empty string stays apart from NULL; RETURNING gives new ids. */
static void test_roundtrip(void **state)
{
	struct db *db = open_db(fixture(state));
	struct db_stmt *ins, *sel;
	int n = (int)(sizeof(texts) / sizeof(texts[0]));
	const int64_t ints[] = {42, INT64_MIN, INT64_MAX, 0, -1};
	size_t len;

	exec_ok(db, "DROP TABLE IF EXISTS rt; "
	            "CREATE TABLE rt (id BIGINT PRIMARY KEY, n BIGINT, s TEXT)");
	ins = prep(db, "INSERT INTO rt (id, n, s) VALUES (?, ?, ?)");
	for (int i = 0; i < n; i++) {
		db_bind_int(ins, 1, i + 1);
		db_bind_int(ins, 2, ints[i]);
		db_bind_text(ins, 3, texts[i], -1);
		step_is(ins, DB_DONE);
		db_reset(ins);
	}
	db_bind_int(ins, 1, 10); /* n and s NULL: one bound, one left unbound */
	db_bind_null(ins, 2);
	step_is(ins, DB_DONE);
	db_reset(ins);
	db_bind_int(ins, 1, 11);
	db_bind_text(ins, 3, "abcdef", 3); /* a length: "abc" */
	db_bind_text(ins, 2, NULL, 0);     /* NULL text: SQL NULL */
	step_is(ins, DB_DONE);

	sel = prep(db, "SELECT id, n, s FROM rt ORDER BY id");
	for (int i = 0; i < n; i++) {
		step_is(sel, DB_ROW);
		assert_int_equal(db_column_int(sel, 0), i + 1);
		assert_true(db_column_int(sel, 1) == ints[i]);
		assert_false(db_column_is_null(sel, 1));
		assert_text(sel, 2, texts[i]);
	}
	step_is(sel, DB_ROW);
	assert_int_equal(db_column_int(sel, 0), 10);
	assert_true(db_column_is_null(sel, 1));
	assert_int_equal(db_column_int(sel, 1), 0);
	assert_true(db_column_is_null(sel, 2));
	len = 99;
	assert_null(db_column_text(sel, 2, &len));
	assert_int_equal(len, 0);
	/* Out of range: NULL, never a crash. */
	assert_null(db_column_text(sel, 3, &len));
	assert_null(db_column_text(sel, -1, NULL));
	assert_int_equal(db_column_int(sel, 7), 0);
	assert_true(db_column_is_null(sel, 3));
	step_is(sel, DB_ROW);
	assert_int_equal(db_column_int(sel, 0), 11);
	assert_text(sel, 2, "abc");
	assert_text(sel, 0, "11"); /* an integer read as text */
	step_is(sel, DB_DONE);
	/* No current row after DB_DONE. */
	assert_null(db_column_text(sel, 0, NULL));
	assert_int_equal(query_int(db, "SELECT count(*) FROM rt WHERE s = ''"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM rt WHERE s IS NULL"), 1);

	/* INSERT ... RETURNING; an auto id column needs DDL of the dialect. */
	exec_ok(db, "DROP TABLE IF EXISTS ret");
	if (db_dialect(db) == DB_PG)
		exec_ok(db, "CREATE TABLE ret (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY "
		            "KEY, s TEXT NOT NULL)");
	else
		exec_ok(db, "CREATE TABLE ret (id INTEGER PRIMARY KEY, s TEXT NOT NULL)");
	ins = prep(db, "INSERT INTO ret (s) VALUES (?) RETURNING id");
	for (int i = 1; i <= 3; i++) {
		db_reset(ins);
		db_bind_text(ins, 1, "x", -1);
		step_is(ins, DB_ROW);
		assert_int_equal(db_column_int(ins, 0), i);
		step_is(ins, DB_DONE);
	}
	db_close(db);
}

#define STREAM_ROWS 100000

/* 100 000 rows inserted in one transaction and read back one by one. */
static void test_stream(void **state)
{
	struct db *db = open_db(fixture(state));
	struct ikm_err err;
	struct db_stmt *st;
	char buf[32];
	int64_t n = 0;
	int rc;

	exec_ok(db, "DROP TABLE IF EXISTS big; "
	            "CREATE TABLE big (id BIGINT PRIMARY KEY, v BIGINT NOT NULL, s TEXT)");
	assert_int_equal(db_begin(db, &err), 0);
	st = prep(db, "INSERT INTO big (id, v, s) VALUES (?, ?, ?)");
	for (int i = 0; i < STREAM_ROWS; i++) {
		snprintf(buf, sizeof(buf), "baris %d", i);
		db_bind_int(st, 1, i);
		db_bind_int(st, 2, (int64_t)i * 3);
		db_bind_text(st, 3, buf, -1);
		step_is(st, DB_DONE);
		db_reset(st);
	}
	assert_int_equal(db_commit(db, &err), 0);
	st = prep(db, "SELECT id, v, s FROM big WHERE id >= ? ORDER BY id");
	db_bind_int(st, 1, 0);
	while ((rc = db_step(st, &err)) == DB_ROW) {
		assert_true(db_column_int(st, 0) == n);
		assert_true(db_column_int(st, 1) == n * 3);
		if (n % 9973 == 0) {
			snprintf(buf, sizeof(buf), "baris %d", (int)n);
			assert_text(st, 2, buf);
		}
		n++;
	}
	assert_int_equal(rc, DB_DONE);
	assert_int_equal(n, STREAM_ROWS);
	assert_true(query_int(db, "SELECT sum(v) FROM big") ==
	            (int64_t)3 * STREAM_ROWS * (STREAM_ROWS - 1) / 2);
	db_close(db);
}

/* Preparing the same SQL again returns the same statement, reset, with its
 * bindings cleared; db_reset clears them too. The cache is bounded. */
static void test_cache(void **state)
{
	struct db *db = open_db(fixture(state));
	const char *sql = "SELECT id FROM cache_t WHERE id >= ? ORDER BY id";
	struct db_stmt *a, *b;
	struct ikm_err err;
	char copy[128];

	exec_ok(db, "DROP TABLE IF EXISTS cache_t; CREATE TABLE cache_t (id BIGINT PRIMARY KEY); "
	            "INSERT INTO cache_t (id) VALUES (1), (2), (3)");
	a = prep(db, sql);
	b = prep(db, "SELECT id FROM cache_t WHERE id >= ?  ORDER BY id"); /* one more space */
	assert_ptr_not_equal(a, b);
	db_bind_int(a, 1, 2);
	step_is(a, DB_ROW);
	assert_int_equal(db_column_int(a, 0), 2);
	snprintf(copy, sizeof(copy), "%s", sql); /* equal content, another pointer */
	assert_ptr_equal(prep(db, copy), a);
	step_is(a, DB_DONE); /* reset, binding cleared: id >= NULL matches nothing */
	step_is(a, DB_DONE); /* and stays done until reset */
	rebind_step(a, 1, DB_ROW);
	assert_int_equal(db_column_int(a, 0), 1);
	step_is(a, DB_ROW);
	db_reset(a); /* rows dropped, binding cleared */
	step_is(a, DB_DONE);
	rebind_step(a, 3, DB_ROW);
	assert_int_equal(db_column_int(a, 0), 3);
	step_is(a, DB_DONE);

	/* Bounded: at most DB_CACHE_MAX statements (2 are there). */
	for (int i = 0; i < DB_CACHE_MAX - 2; i++) {
		snprintf(copy, sizeof(copy), "SELECT %d", i);
		prep(db, copy);
	}
	prep(db, "SELECT 7"); /* cached: no new statement */
	assert_fails(db_prepare(db, "SELECT -1", &b, &err), -1, IKM_ELIMIT);
	db_close(db);
}

/* One statement runs at a time: using the connection for another ends the
 * running one, and stepping it then fails instead of starting over. */
static void test_one_running(void **state)
{
	struct db *db = open_db(fixture(state));
	struct db_stmt *a, *b;
	struct ikm_err err;

	exec_ok(db, "DROP TABLE IF EXISTS run_t; CREATE TABLE run_t (id BIGINT PRIMARY KEY); "
	            "INSERT INTO run_t (id) VALUES (1), (2), (3)");
	a = prep(db, "SELECT id FROM run_t ORDER BY id");
	step_is(a, DB_ROW);
	assert_int_equal(query_int(db, "SELECT count(*) FROM run_t"), 3);
	assert_fails(db_step(a, &err), DB_FAIL, IKM_EUSAGE);
	assert_contains(err.msg, "another");
	assert_true(db_column_is_null(a, 0));
	db_reset(a);
	step_is(a, DB_ROW);
	assert_int_equal(db_column_int(a, 0), 1);
	exec_ok(db, "INSERT INTO run_t (id) VALUES (4)"); /* db_exec ends it too */
	assert_int_equal(db_step(a, &err), DB_FAIL);
	db_reset(a);
	step_is(a, DB_ROW);
	b = prep(db, "SELECT 2"); /* and preparing new SQL (PostgreSQL: a round trip) */
	assert_int_equal(db_step(a, &err), DB_FAIL);
	step_is(b, DB_ROW);
	db_reset(a);
	for (int i = 1; i <= 4; i++) {
		step_is(a, DB_ROW);
		assert_int_equal(db_column_int(a, 0), i);
	}
	step_is(a, DB_DONE);
	db_close(db);
}

/* UNIQUE, PRIMARY KEY, FOREIGN KEY, CHECK and NOT NULL violations give
 * DB_CONSTRAINT (IKM_EDATA); the statement works again after a reset. */
static void test_constraints(void **state)
{
	struct db *db = open_db(fixture(state));
	struct db_stmt *par, *kid;
	struct ikm_err err;
	int sqlite = db_dialect(db) == DB_SQLITE;

	exec_ok(db, "DROP TABLE IF EXISTS kid; DROP TABLE IF EXISTS par; "
	            "CREATE TABLE par (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE); "
	            "CREATE TABLE kid (id BIGINT PRIMARY KEY, par_id BIGINT NOT NULL "
	            "REFERENCES par (id), score BIGINT CHECK (score BETWEEN 1 AND 4))");
	par = prep(db, "INSERT INTO par (id, code) VALUES (?, ?)");
	db_bind_int(par, 1, 1);
	db_bind_text(par, 2, "a", -1);
	step_is(par, DB_DONE);
	for (int i = 0; i < 2; i++) { /* code "a" again, then id 1 again */
		db_reset(par);
		db_bind_int(par, 1, 2 - i);
		db_bind_text(par, 2, i == 0 ? "a" : "b", -1);
		assert_fails(db_step(par, &err), DB_CONSTRAINT, IKM_EDATA);
		if (sqlite)
			assert_contains(err.msg, "UNIQUE");
		/* A failed statement stays failed until reset. */
		assert_int_equal(db_step(par, &err), DB_FAIL);
	}
	db_reset(par);
	db_bind_int(par, 1, 2);
	db_bind_text(par, 2, "b", -1);
	step_is(par, DB_DONE);

	kid = prep(db, "INSERT INTO kid (id, par_id, score) VALUES (?, ?, ?)");
	const int64_t par_ids[] = {99, 1, 0}, scores[] = {1, 5, 1}; /* par_id 0: NULL */
	const char *why[] = {"FOREIGN KEY", "CHECK", "NOT NULL"};
	for (int i = 0; i < 3; i++) {
		db_reset(kid);
		db_bind_int(kid, 1, 1);
		if (par_ids[i] != 0)
			db_bind_int(kid, 2, par_ids[i]);
		db_bind_int(kid, 3, scores[i]);
		assert_fails(db_step(kid, &err), DB_CONSTRAINT, IKM_EDATA);
		if (sqlite)
			assert_contains(err.msg, why[i]);
	}
	db_reset(kid);
	db_bind_int(kid, 1, 1);
	db_bind_int(kid, 2, 2);
	db_bind_int(kid, 3, 4);
	step_is(kid, DB_DONE);
	assert_int_equal(query_int(db, "SELECT count(*) FROM par"), 2);
	assert_int_equal(query_int(db, "SELECT count(*) FROM kid"), 1);
	db_close(db);
}

/* Commit makes rows visible to another connection, rollback discards them;
 * a failure inside a transaction fails the whole transaction. */
static void test_transactions(void **state)
{
	struct fixture *fx = fixture(state);
	struct db *db = open_db(fx), *other = open_db(fx);
	struct db_stmt *ins, *st;
	struct ikm_err err;
	const char *count = "SELECT count(*) FROM tx_t";

	exec_ok(db, "DROP TABLE IF EXISTS tx_t; CREATE TABLE tx_t (id BIGINT PRIMARY KEY)");
	ins = prep(db, "INSERT INTO tx_t (id) VALUES (?)");

	assert_false(db_in_transaction(db));
	assert_int_equal(db_begin(db, &err), 0);
	assert_true(db_in_transaction(db));
	for (int i = 1; i <= 2; i++)
		rebind_step(ins, i, DB_DONE);
	assert_int_equal(query_int(other, count), 0); /* not committed yet */
	assert_int_equal(query_int(db, count), 2);    /* but seen by its own connection */
	assert_int_equal(db_commit(db, &err), 0);
	assert_false(db_in_transaction(db));
	assert_int_equal(query_int(other, count), 2);

	assert_int_equal(db_begin(db, &err), 0);
	rebind_step(ins, 3, DB_DONE);
	db_rollback(db);
	assert_false(db_in_transaction(db));
	assert_int_equal(query_int(db, count), 2);
	assert_int_equal(query_int(other, count), 2);

	/* Misuse: nested begin, commit or a second rollback outside one. */
	assert_int_equal(db_begin(db, &err), 0);
	assert_fails(db_begin(db, &err), -1, IKM_EUSAGE);
	assert_true(db_in_transaction(db));
	db_rollback(db);
	db_rollback(db);
	assert_fails(db_commit(db, &err), -1, IKM_EUSAGE);

	/* A constraint violation fails the transaction on both backends. */
	assert_int_equal(db_begin(db, &err), 0);
	rebind_step(ins, 4, DB_DONE);
	rebind_step(ins, 1, DB_CONSTRAINT);
	db_reset(ins);
	db_bind_int(ins, 1, 5);
	assert_fails(db_step(ins, &err), DB_FAIL, IKM_EUSAGE);
	assert_fails(db_exec(db, "INSERT INTO tx_t (id) VALUES (6)", &err), -1, IKM_EUSAGE);
	assert_fails(db_prepare(db, "SELECT id FROM tx_t WHERE id = ?", &st, &err), -1, IKM_EUSAGE);
	assert_fails(db_commit(db, &err), -1, IKM_EUSAGE); /* and rolls back */
	assert_false(db_in_transaction(db));
	assert_int_equal(query_int(other, count), 2);

	/* Closing inside a transaction discards it. */
	assert_int_equal(db_begin(db, &err), 0);
	rebind_step(ins, 7, DB_DONE);
	db_close(db);
	assert_int_equal(query_int(other, count), 2);
	db_close(other);
}

/* A `?` inside a string literal or a comment is not a parameter. */
static void test_literal_placeholder(void **state)
{
	struct db *db = open_db(fixture(state));
	struct db_stmt *st;
	struct ikm_err err;

	exec_ok(db, "DROP TABLE IF EXISTS lit; "
	            "CREATE TABLE lit (id BIGINT PRIMARY KEY, s TEXT, note TEXT)");
	st = prep(db, "INSERT INTO lit (id, s, note) VALUES (?, 'what?', ?) -- really?");
	db_bind_int(st, 1, 1);
	db_bind_text(st, 2, "it's ?", -1);
	step_is(st, DB_DONE);
	db_reset(st);
	db_bind_int(st, 1, 2);
	db_bind_text(st, 3, "no third parameter", -1);
	assert_fails(db_step(st, &err), DB_FAIL, IKM_EUSAGE);
	assert_contains(err.msg, "parameter 3");
	db_reset(st);

	st = prep(db, "SELECT id, s FROM lit WHERE s = 'what?' AND note = 'it''s ?' /* ? */ "
	              "AND id = ?");
	db_bind_int(st, 1, 1);
	step_is(st, DB_ROW);
	assert_int_equal(db_column_int(st, 0), 1);
	assert_text(st, 1, "what?");
	step_is(st, DB_DONE);
	db_close(db);
}

/* Malformed SQL, several statements in one db_prepare, a missing table and
 * too many parameters fail at db_prepare; 64 parameters work. */
static void test_prepare_errors(void **state)
{
	struct db *db = open_db(fixture(state));
	struct db_stmt *st = NULL;
	struct ikm_err err;
	char sql[512];
	size_t n;

	exec_ok(db, "DROP TABLE IF EXISTS lim; CREATE TABLE lim (id BIGINT PRIMARY KEY); "
	            "INSERT INTO lim (id) VALUES (1), (64)");
	assert_fails(db_prepare(db, "SELEKT 1", &st, &err), -1, IKM_EUSAGE);
	assert_null(st);
	assert_fails(db_prepare(db, "SELECT id FROM no_such_table", &st, &err), -1, IKM_EUSAGE);
	assert_fails(db_prepare(db, "SELECT 1; SELECT 2", &st, &err), -1, IKM_EUSAGE);
	assert_fails(db_exec(db, "CREATE TABLE", &err), -1, IKM_EUSAGE);

	n = (size_t)snprintf(sql, sizeof(sql), "SELECT count(*) FROM lim WHERE id IN (?");
	for (int i = 1; i < DB_MAX_PARAMS; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ", ?");
	snprintf(sql + n, sizeof(sql) - n, ")");
	st = prep(db, sql);
	for (int i = 1; i <= DB_MAX_PARAMS; i++)
		db_bind_int(st, i, i);
	step_is(st, DB_ROW);
	assert_int_equal(db_column_int(st, 0), 2);
	snprintf(sql + n, sizeof(sql) - n, ", ?)"); /* one more */
	assert_fails(db_prepare(db, sql, &st, &err), -1, IKM_ELIMIT);
	db_close(db);
}

#define WRITERS     4
#define WRITER_ROWS 2000
#define ROWS_PER_TX 100

struct writer {
	const char *url;
	int id;
	int rc;
	struct ikm_err err;
};

/* One thread: its own connection, WRITER_ROWS inserts, a transaction per
 * ROWS_PER_TX. No cmocka asserts here (they are not thread-safe). */
static void *writer_main(void *arg)
{
	struct writer *w = arg;
	struct db *db = NULL;
	struct db_stmt *st;
	char text[32];

	if (db_open(w->url, &db, &w->err) != 0 ||
	    db_prepare(db, "INSERT INTO conc (id, who, s) VALUES (?, ?, ?)", &st, &w->err) != 0)
		goto fail;
	for (int t = 0; t < WRITER_ROWS / ROWS_PER_TX; t++) {
		if (db_begin(db, &w->err) != 0)
			goto fail;
		for (int k = 0; k < ROWS_PER_TX; k++) {
			int id = w->id * WRITER_ROWS + t * ROWS_PER_TX + k;

			snprintf(text, sizeof(text), "penulis %d baris %d", w->id, id);
			db_reset(st);
			db_bind_int(st, 1, id);
			db_bind_int(st, 2, w->id);
			db_bind_text(st, 3, text, -1);
			if (db_step(st, &w->err) != DB_DONE)
				goto fail;
		}
		if (db_commit(db, &w->err) != 0)
			goto fail;
	}
	db_close(db);
	return NULL;
fail:
	w->rc = -1;
	db_close(db); /* rolls back */
	return NULL;
}

/* Four threads, each with its own connection to one database, write at
 * once: every row arrives. */
static void test_concurrent_writers(void **state)
{
	struct fixture *fx = fixture(state);
	struct db *db = open_db(fx);
	struct writer w[WRITERS];
	pthread_t th[WRITERS];
	const int64_t total = (int64_t)WRITERS * WRITER_ROWS;

	exec_ok(db, "DROP TABLE IF EXISTS conc; CREATE TABLE conc (id BIGINT PRIMARY KEY, "
	            "who BIGINT NOT NULL, s TEXT NOT NULL)");
	for (int i = 0; i < WRITERS; i++) {
		w[i] = (struct writer){.url = fx->url, .id = i};
		assert_int_equal(pthread_create(&th[i], NULL, writer_main, &w[i]), 0);
	}
	for (int i = 0; i < WRITERS; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	for (int i = 0; i < WRITERS; i++)
		if (w[i].rc != 0) {
			print_error("writer %d: %s\n", i, w[i].err.msg);
			fail();
		}
	assert_true(query_int(db, "SELECT count(*) FROM conc") == total);
	assert_true(query_int(db, "SELECT sum(id) FROM conc") == total * (total - 1) / 2);
	assert_int_equal(query_int(db, "SELECT count(DISTINCT who) FROM conc"), WRITERS);
	db_close(db);
}

/* db_open of url fails with kind, the message naming needle (unless NULL). */
static void open_fails(const char *url, enum ikm_err_kind kind, const char *needle)
{
	struct db *db = NULL;
	struct ikm_err err;

	assert_fails(db_open(url, &db, &err), -1, kind);
	assert_null(db);
	if (needle != NULL)
		assert_contains(err.msg, needle);
}

/* A database that cannot be opened or reached: IKM_EIO naming it. */
static void test_open_errors(void **state)
{
	struct fixture *fx = fixture(state);
	static char longurl[DB_URL_MAX + 1];
	char path[400], url[450];
	FILE *f;

	if (fx->pg) {
		open_fails("postgresql://127.0.0.1:1/ikm_nope?connect_timeout=5", IKM_EIO, NULL);
		return;
	}
	snprintf(path, sizeof(path), "%s/no-such-dir/ikm.db", fx->dir);
	open_fails(path, IKM_EIO, path);
	snprintf(url, sizeof(url), "sqlite:%s", path);
	open_fails(url, IKM_EIO, path);
	open_fails(fx->dir, IKM_EIO, fx->dir); /* a directory */

	snprintf(path, sizeof(path), "%s/not-a-db.txt", fx->dir);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 64; i++)
		fputs("ini bukan basis data / not a database\n", f);
	fclose(f);
	open_fails(path, IKM_EIO, path);

	if (geteuid() != 0) { /* root writes anywhere */
		snprintf(path, sizeof(path), "%s/ro", fx->dir);
		assert_int_equal(mkdir(path, 0500), 0);
		snprintf(path, sizeof(path), "%s/ro/ikm.db", fx->dir);
		open_fails(path, IKM_EIO, path);
		snprintf(path, sizeof(path), "%s/ro", fx->dir);
		rmdir(path);
	}

	open_fails("", IKM_EUSAGE, NULL);
	open_fails("sqlite:", IKM_EUSAGE, NULL);
	memset(longurl, 'a', DB_URL_MAX);
	open_fails(longurl, IKM_ELIMIT, NULL);
	db_close(NULL);
	db_rollback(NULL);
	db_reset(NULL);
}

/* ---- SQLite only ---------------------------------------------------------- */

/* The file is created; WAL, synchronous=FULL, foreign keys and the busy
 * timeout are set on every connection; "sqlite:" is optional. */
static void test_sqlite_setup(void **state)
{
	struct fixture *fx = fixture(state), fresh = {0};
	struct db *db;
	struct db_stmt *st;
	char path[400];
	struct stat sb;

	snprintf(path, sizeof(path), "sqlite:%s/fresh.db", fx->dir);
	fresh.url = path;
	db = open_db(&fresh);
	assert_int_equal(db_dialect(db), DB_SQLITE);
	assert_int_equal(stat(path + strlen("sqlite:"), &sb), 0);
	st = prep(db, "PRAGMA journal_mode");
	step_is(st, DB_ROW);
	assert_text(st, 0, "wal");
	assert_int_equal(query_int(db, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(query_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query_int(db, "PRAGMA busy_timeout"), 10000);
	db_close(db); /* fresh.db goes with the directory */
}

/* Past the busy timeout a writer gets "basis data sibuk / database busy". */
static void test_sqlite_busy(void **state)
{
	struct fixture *fx = fixture(state);
	struct db *a = open_db(fx), *b = open_db(fx);
	struct db_stmt *st;
	struct ikm_err err;

	exec_ok(a, "DROP TABLE IF EXISTS busy_t; CREATE TABLE busy_t (id BIGINT PRIMARY KEY)");
	exec_ok(b, "PRAGMA busy_timeout = 100");
	assert_int_equal(db_begin(a, &err), 0);
	assert_fails(db_begin(b, &err), -1, IKM_EIO);
	assert_contains(err.msg, "basis data sibuk / database busy");
	assert_false(db_in_transaction(b));
	st = prep(b, "INSERT INTO busy_t (id) VALUES (1)");
	assert_fails(db_step(st, &err), DB_FAIL, IKM_EIO);
	assert_contains(err.msg, "basis data sibuk / database busy");
	assert_int_equal(query_int(b, "SELECT count(*) FROM busy_t"), 0); /* readers go on */
	db_rollback(a);
	db_reset(st);
	step_is(st, DB_DONE);
	db_close(a);
	db_close(b);
}

static void numbered(const char *sql, const char *want)
{
	char out[256];
	size_t n = db_number_params(sql, out, sizeof(out));

	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	assert_int_equal(db_number_params(sql, NULL, 0), strlen(want));
}

static void test_number_params(void **state)
{
	char small[8];

	(void)state;
	numbered("", "");
	numbered("SELECT 1", "SELECT 1");
	numbered("SELECT ?", "SELECT $1");
	numbered("INSERT INTO t VALUES (?,?, ?)", "INSERT INTO t VALUES ($1,$2, $3)");
	numbered("SELECT '?', 'it''s ?', ? FROM t WHERE \"odd?\" = ?",
	         "SELECT '?', 'it''s ?', $1 FROM t WHERE \"odd?\" = $2");
	numbered("SELECT ? -- why?\n, ? /* and ? */ , ?",
	         "SELECT $1 -- why?\n, $2 /* and ? */ , $3");
	numbered("SELECT ''?", "SELECT ''$1");
	numbered("SELECT 'open ?", "SELECT 'open ?"); /* unterminated: copied */
	numbered("SELECT 1 /* open ?", "SELECT 1 /* open ?");
	numbered("a-?/?", "a-$1/$2");
	numbered("??????????????", "$1$2$3$4$5$6$7$8$9$10$11$12$13$14");
	assert_int_equal(db_count_params("??????????????"), 14);
	assert_int_equal(db_count_params("SELECT '?' -- ?"), 0);
	assert_int_equal(db_count_params("SELECT ?, '?', ?"), 2);

	/* Cut like snprintf: NUL-terminated, the whole length returned. */
	assert_int_equal(db_number_params("SELECT ?, ?", small, sizeof(small)), 13);
	assert_string_equal(small, "SELECT ");
	assert_int_equal(db_number_params("?, ?", small, 2), 6);
	assert_string_equal(small, "$");
	small[0] = 'x';
	assert_int_equal(db_number_params("?", small, 1), 2);
	assert_string_equal(small, "");
}

/* ---- groups ----------------------------------------------------------------- */

static int sqlite_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(sqlite_fx.dir, sizeof(sqlite_fx.dir), "%s/ikm-test-db-XXXXXX",
	         tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	if (mkdtemp(sqlite_fx.dir) == NULL)
		return -1;
	snprintf(sqlite_fx.path, sizeof(sqlite_fx.path), "%s/test.db", sqlite_fx.dir);
	sqlite_fx.url = sqlite_fx.path;
	*state = &sqlite_fx;
	return 0;
}

static int sqlite_teardown(void **state)
{
	const char *names[] = {"test.db",      "test.db-wal",  "test.db-shm", "fresh.db",
	                       "fresh.db-wal", "fresh.db-shm", "not-a-db.txt"};
	char path[400];

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", sqlite_fx.dir, names[i]);
		unlink(path);
	}
	return rmdir(sqlite_fx.dir);
}

static int pg_setup(void **state)
{
	const char *url = getenv("IKM_TEST_PG_URL");

	pg_fx.pg = 1;
	pg_fx.url = url != NULL && url[0] != '\0' ? url : NULL;
	if (pg_fx.url == NULL)
		print_message("# SKIP PostgreSQL: IKM_TEST_PG_URL is not set\n");
	*state = &pg_fx;
	return 0;
}

#define COMMON_TESTS                                                                               \
	cmocka_unit_test(test_roundtrip), cmocka_unit_test(test_stream),                           \
	    cmocka_unit_test(test_cache), cmocka_unit_test(test_one_running),                      \
	    cmocka_unit_test(test_constraints), cmocka_unit_test(test_transactions),               \
	    cmocka_unit_test(test_literal_placeholder), cmocka_unit_test(test_prepare_errors),     \
	    cmocka_unit_test(test_concurrent_writers), cmocka_unit_test(test_open_errors)

int main(void)
{
	const struct CMUnitTest unit[] = {cmocka_unit_test(test_number_params)};
	const struct CMUnitTest sqlite[] = {
	    COMMON_TESTS,
	    cmocka_unit_test(test_sqlite_setup),
	    cmocka_unit_test(test_sqlite_busy),
	};
	const struct CMUnitTest pg[] = {COMMON_TESTS};
	int failed = 0;

	failed += cmocka_run_group_tests_name("db_number_params", unit, NULL, NULL);
	failed += cmocka_run_group_tests_name("db SQLite", sqlite, sqlite_setup, sqlite_teardown);
	failed += cmocka_run_group_tests_name("db PostgreSQL", pg, pg_setup, NULL);
	return failed;
}
