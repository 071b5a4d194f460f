/* db_sqlite: the SQLite 3 backend of db.h — one database file per
 * connection, in WAL mode with synchronous=FULL, foreign keys on and a busy
 * timeout of 10 s. The rules every backend follows are in db_int.h. */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "db_int.h"

#define BUSY_TIMEOUT_MS 10000
#define SQL_SHOWN       80 /* bytes of SQL quoted in a message */

static sqlite3 *handle(const struct db *db)
{
	return db->impl;
}

/* The ikm_err kind of an SQLite result code (db_int.h, "Error kinds"). */
static enum ikm_err_kind kind_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
		return IKM_EDATA;
	case SQLITE_TOOBIG:
		return IKM_ELIMIT;
	case SQLITE_ERROR:
	case SQLITE_RANGE:
	case SQLITE_MISUSE:
	case SQLITE_AUTH:
		return IKM_EUSAGE;
	default: /* CANTOPEN, IOERR, BUSY, LOCKED, FULL, CORRUPT, NOTADB, READONLY, ... */
		return IKM_EIO;
	}
}

/* What was violated, for the message of a constraint error. */
static const char *constraint_text(int rc)
{
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return "nilai ganda pada kolom unik / duplicate value in a unique column";
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return "rujukan ke baris yang tidak ada (foreign key) / reference to a missing row "
		       "(foreign key)";
	case SQLITE_CONSTRAINT_NOTNULL:
		return "nilai kosong (NULL) tidak diizinkan / NULL is not allowed";
	case SQLITE_CONSTRAINT_CHECK:
		return "nilai ditolak oleh CHECK / value rejected by a CHECK constraint";
	default:
		return "batasan dilanggar / constraint violated";
	}
}

/* Fill err for a failed operation (op: "Indonesian / English") of h; rc is
 * the extended result code. Returns DB_CONSTRAINT for a constraint
 * violation, else DB_FAIL (-1). */
static int fail(struct ikm_err *err, sqlite3 *h, int rc, const char *op, const char *sql)
{
	const char *msg = h != NULL ? sqlite3_errmsg(h) : sqlite3_errstr(rc);

	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		err_set(err, IKM_EDATA, "SQLite: %s: %s [%.*s]", constraint_text(rc), msg,
		        SQL_SHOWN, sql);
		return DB_CONSTRAINT;
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return err_set(err, IKM_EIO,
		               "SQLite: basis data sibuk / database busy (%s): %s [%.*s]", op, msg,
		               SQL_SHOWN, sql);
	return err_set(err, kind_of(rc), "SQLite: %s: %s [%.*s]", op, msg, SQL_SHOWN, sql);
}

/* ---- connection ----------------------------------------------------------- */

static void sq_close(struct db *db)
{
	sqlite3_close_v2(handle(db));
	db->impl = NULL;
}

static int sq_exec(struct db *db, const char *sql, struct ikm_err *err)
{
	int rc = sqlite3_exec(handle(db), sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		fail(err, handle(db), rc, "gagal menjalankan SQL / cannot run SQL", sql);
		return -1;
	}
	return 0;
}

static int sq_begin(struct db *db, struct ikm_err *err)
{
	int rc = sqlite3_exec(handle(db), "BEGIN IMMEDIATE", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		fail(err, handle(db), rc, "gagal memulai transaksi / cannot begin a transaction",
		     "BEGIN IMMEDIATE");
		return -1;
	}
	return 0;
}

static int sq_commit(struct db *db, struct ikm_err *err)
{
	int rc = sqlite3_exec(handle(db), "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		fail(err, handle(db), rc, "gagal menyimpan transaksi / cannot commit", "COMMIT");
		return -1;
	}
	return 0;
}

static void sq_rollback(struct db *db)
{
	/* Fails only when SQLite already rolled back (after IOERR, FULL, ...). */
	(void)sqlite3_exec(handle(db), "ROLLBACK", NULL, NULL, NULL);
}

/* ---- statements ----------------------------------------------------------- */

static int sq_prepare(struct db_stmt *st, struct ikm_err *err)
{
	sqlite3 *h = handle(st->db);
	sqlite3_stmt *s = NULL, *more = NULL;
	const char *tail = NULL;
	int rc;

	rc = sqlite3_prepare_v3(h, st->sql, (int)st->sql_len, SQLITE_PREPARE_PERSISTENT, &s, &tail);
	if (rc != SQLITE_OK) {
		fail(err, h, rc, "gagal menyiapkan SQL / cannot prepare SQL", st->sql);
		return -1;
	}
	if (s == NULL)
		return err_set(err, IKM_EUSAGE,
		               "SQLite: SQL kosong / the SQL holds no statement [%.*s]", SQL_SHOWN,
		               st->sql);
	/* One statement per db_prepare: the rest would be ignored silently. */
	if (tail != NULL && *tail != '\0') {
		rc = sqlite3_prepare_v2(h, tail, -1, &more, NULL);
		sqlite3_finalize(more);
		if (rc != SQLITE_OK || more != NULL) {
			sqlite3_finalize(s);
			return err_set(err, IKM_EUSAGE,
			               "SQLite: hanya satu pernyataan per db_prepare / only one "
			               "statement per db_prepare [%.*s]",
			               SQL_SHOWN, st->sql);
		}
	}
	st->impl = s;
	st->nparams = sqlite3_bind_parameter_count(s);
	st->ncols = sqlite3_column_count(s);
	return 0;
}

static void sq_finalize(struct db_stmt *st)
{
	sqlite3_finalize(st->impl);
	st->impl = NULL;
}

static int bind_all(struct db_stmt *st, struct ikm_err *err)
{
	sqlite3_stmt *s = st->impl;

	for (int i = 0; i < st->nparams; i++) {
		const struct db_param *p = &st->params[i];
		int rc;

		switch (p->type) {
		case DB_PARAM_INT:
			rc = sqlite3_bind_int64(s, i + 1, p->i);
			break;
		case DB_PARAM_TEXT:
			/* Copied (TRANSIENT): a db_bind_* during the execution
			 * may replace p->text. */
			rc = sqlite3_bind_text64(s, i + 1, p->text, p->len, SQLITE_TRANSIENT,
			                         SQLITE_UTF8);
			break;
		default:
			rc = sqlite3_bind_null(s, i + 1);
			break;
		}
		if (rc != SQLITE_OK)
			return fail(err, handle(st->db), rc,
			            "gagal mengikat parameter / cannot bind a parameter", st->sql);
	}
	return 0;
}

static int sq_step(struct db_stmt *st, int start, struct ikm_err *err)
{
	sqlite3_stmt *s = st->impl;
	int rc;

	if (start && bind_all(st, err) != 0)
		return DB_FAIL;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	rc = fail(err, handle(st->db), rc, "gagal menjalankan SQL / cannot run SQL", st->sql);
	sqlite3_reset(s); /* after the message: it replaces sqlite3_errmsg */
	return rc;
}

static int64_t sq_column_int(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(st->impl, i);
}

static const char *sq_column_text(struct db_stmt *st, int i, size_t *len)
{
	const unsigned char *t;

	if (sqlite3_column_type(st->impl, i) == SQLITE_NULL)
		return NULL;
	t = sqlite3_column_text(st->impl, i);
	if (t == NULL) /* no memory for a conversion */
		return NULL;
	if (len != NULL)
		*len = (size_t)sqlite3_column_bytes(st->impl, i);
	return (const char *)t;
}

static int sq_column_is_null(struct db_stmt *st, int i)
{
	return sqlite3_column_type(st->impl, i) == SQLITE_NULL;
}

static void sq_reset(struct db_stmt *st)
{
	sqlite3_reset(st->impl);
	sqlite3_clear_bindings(st->impl);
}

static const struct db_ops sqlite_ops = {
    .name = "SQLite",
    .close = sq_close,
    .exec = sq_exec,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .prepare = sq_prepare,
    .finalize = sq_finalize,
    .step = sq_step,
    .column_int = sq_column_int,
    .column_text = sq_column_text,
    .column_is_null = sq_column_is_null,
    .reset = sq_reset,
};

/* ---- open ----------------------------------------------------------------- */

/* Run a PRAGMA and compare its one-word answer with want (NULL: any). */
static int pragma(sqlite3 *h, const char *path, const char *sql, const char *want,
                  const char *want2, struct ikm_err *err)
{
	sqlite3_stmt *s = NULL;
	const char *got;
	int rc = sqlite3_prepare_v2(h, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		err_set(err, IKM_EIO,
		        "%s: basis data SQLite tidak dapat disiapkan / cannot set up the SQLite "
		        "database (%s): %s",
		        path, sql, sqlite3_errmsg(h));
		sqlite3_finalize(s);
		return -1;
	}
	got = (const char *)sqlite3_column_text(s, 0);
	if (want != NULL &&
	    (got == NULL || (sqlite3_stricmp(got, want) != 0 &&
	                     (want2 == NULL || sqlite3_stricmp(got, want2) != 0)))) {
		err_set(err, IKM_EIO,
		        "%s: basis data SQLite tidak mendukung %s / the SQLite database does not "
		        "support %s (%s)",
		        path, sql, sql, got != NULL ? got : "NULL");
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	return 0;
}

int db_sqlite_open(const char *path, struct db **out, struct ikm_err *err)
{
	char name[DB_URL_MAX + 2];
	const char *file = path;
	sqlite3 *h = NULL;
	struct db *db;
	int rc;

	*out = NULL;
	/* A file name, never a URI: Debian's SQLite reads "file:..." as one
	 * (SQLITE_USE_URI), so such a name is opened as "./file:...". */
	if (strncmp(path, "file:", 5) == 0) {
		if (snprintf(name, sizeof(name), "./%s", path) >= (int)sizeof(name))
			return err_set(err, IKM_ELIMIT, "%s: jalur terlalu panjang / path too long",
			               path);
		file = name;
	}
	rc = sqlite3_open_v2(
	    file, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		err_set(err, IKM_EIO,
		        "%s: basis data SQLite tidak dapat dibuka / cannot open the SQLite "
		        "database: %s",
		        path, h != NULL ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		sqlite3_close_v2(h);
		return -1;
	}
	sqlite3_extended_result_codes(h, 1);
	sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
	if (sqlite3_db_readonly(h, "main") == 1) {
		err_set(
		    err, IKM_EIO,
		    "%s: basis data SQLite hanya bisa dibaca / the SQLite database is read-only",
		    path);
		goto fail;
	}
	/* The first read of the file: a non-database fails here. */
	if (pragma(h, path, "PRAGMA journal_mode=WAL", "wal", "memory", err) != 0 ||
	    pragma(h, path, "PRAGMA synchronous=FULL", NULL, NULL, err) != 0 ||
	    pragma(h, path, "PRAGMA foreign_keys=ON", NULL, NULL, err) != 0)
		goto fail;
	db = db_new(&sqlite_ops, DB_SQLITE);
	db->impl = h;
	*out = db;
	return 0;
fail:
	sqlite3_close_v2(h);
	return -1;
}
