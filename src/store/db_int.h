/* db_int: the private side of db.h — the backend vtable, the connection and
 * statement structs, and the helpers db.c shares with the backends
 * (db_sqlite.c, db_pg.c). Only db*.c include this file.
 *
 * Division of labour. db.c owns everything that is the same for both
 * backends, so that they behave the same:
 *   - allocation of struct db (db_new) and struct db_stmt, and freeing both;
 *   - the statement cache (keyed by the SQL text; db_prepare of a string seen
 *     before returns the same statement, reset, without calling ops->prepare);
 *   - parameter storage: db_bind_* only write st->params; backends read them
 *     when a statement starts executing (ops->step with start = 1);
 *   - the statement state machine (below), the transaction flag db->in_tx
 *     and the "transaction failed" flag db->tx_failed;
 *   - range checks of parameter and column indexes, so backends never see
 *     an out-of-range index.
 * A backend only talks to its library: connect, run, fetch, translate errors.
 *
 * One statement runs at a time. A connection has at most one statement with
 * rows pending (db->running: its last db_step returned DB_ROW). Before db.c
 * uses the connection for anything else — db_exec, db_begin, db_commit,
 * db_rollback, starting another statement, or ops->prepare on a cache miss —
 * it ends that statement with ops->reset and marks it DB_ST_INTERRUPTED;
 * a later db_step on it fails (IKM_EUSAGE) instead of silently starting over.
 * So a one-row query needs no db_reset, and nested loops over two statements
 * of one connection fail on both backends alike (PostgreSQL's single-row
 * mode cannot interleave two queries on one connection).
 *
 * A failed transaction stays failed. Once db_step (DB_FAIL, DB_CONSTRAINT),
 * db_exec or ops->prepare fails inside a transaction, db.c sets tx_failed:
 * further db_exec / db_step / ops->prepare fail (IKM_EUSAGE) and db_commit
 * fails, until db_rollback. A db_commit that fails, for this or any reason,
 * rolls the transaction back (db.c calls ops->rollback) and leaves the
 * connection outside a transaction. PostgreSQL aborts the transaction
 * anyway; SQLite would carry on, and code that relied on that would break on
 * PostgreSQL.
 *
 * Error kinds, the same on both backends (struct ikm_err, err_set):
 *   - constraint violation (SQLite SQLITE_CONSTRAINT_*, PostgreSQL SQLSTATE
 *     class 23): db_step returns DB_CONSTRAINT, kind IKM_EDATA;
 *   - the database cannot be opened, reached, read or written, is busy or
 *     locked past the timeout, full, corrupt, or the connection dropped
 *     (SQLite CANTOPEN/IOERR/BUSY/LOCKED/FULL/CORRUPT/NOTADB/READONLY/PERM,
 *     PostgreSQL classes 08, 53, 57, 58, XX): IKM_EIO;
 *   - a value or row too big (SQLITE_TOOBIG, class 54): IKM_ELIMIT;
 *   - bad data for a type (SQLITE_MISMATCH, class 22): IKM_EDATA;
 *   - anything else (an SQL error, a missing table: SQLITE_ERROR, class 42):
 *     IKM_EUSAGE.
 * Messages name the operation, Indonesian first then " / " English, and end
 * with the library's own message (sqlite3_errmsg, PQerrorMessage /
 * PQresultErrorMessage without the trailing newline). They never contain a
 * password (PostgreSQL: name the host, port and database, not the URI). */
#ifndef IKM_DB_INT_H
#define IKM_DB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

#define DB_URL_MAX   4096       /* named limit: bytes of a URL or SQLite path */
#define DB_SQL_MAX   (1 << 20)  /* named limit: bytes of one SQL text (db_prepare, db_exec) */
#define DB_CACHE_MAX 1024       /* named limit: statements prepared on one connection */
#define DB_TEXT_MAX  (64 << 20) /* named limit: bytes of one bound text value */

enum db_param_type {
	DB_PARAM_NULL = 0, /* also what an unbound parameter is */
	DB_PARAM_INT,
	DB_PARAM_TEXT,
};

/* One bound parameter, owned by the statement. */
struct db_param {
	enum db_param_type type;
	int64_t i;  /* DB_PARAM_INT */
	char *text; /* DB_PARAM_TEXT: len bytes, NUL-terminated (buffer reused) */
	size_t len; /* bytes of text, without the NUL */
	size_t cap; /* bytes allocated at text */
};

enum db_stmt_state {
	DB_ST_IDLE = 0,    /* the next db_step starts an execution */
	DB_ST_ROWS,        /* the last db_step returned DB_ROW (this is db->running) */
	DB_ST_DONE,        /* finished with DB_DONE: db_step returns DB_DONE again */
	DB_ST_FAILED,      /* finished with DB_FAIL / DB_CONSTRAINT: db_step fails again */
	DB_ST_INTERRUPTED, /* ended because another statement used the connection */
};

struct db_stmt {
	struct db *db;
	const char *sql;      /* owned copy of the SQL text with `?` placeholders: the cache key */
	size_t sql_len;       /* strlen(sql) */
	uint64_t hash;        /* of sql, for the cache */
	struct db_stmt *next; /* in the cache bucket */

	/* Set by ops->prepare. */
	int nparams; /* number of `?` parameters (<= DB_MAX_PARAMS, checked by db.c) */
	int ncols;   /* columns of a result row; may be updated by ops->step before DB_ROW */
	void *impl;  /* backend data (sqlite3_stmt *, PostgreSQL statement name, ...) */

	/* Kept by db.c; backends read params[0 .. nparams-1] when start = 1. */
	struct db_param *params; /* nparams entries */
	int bad_bind;            /* a db_bind_* failed: 1 index out of range, 2 text too long */
	int bad_index;           /* ... at this index; db_step reports it until db_reset */
	enum db_stmt_state state;
};

/* What a backend implements. db.c calls these only in the states noted, so a
 * backend needs no checks of its own beyond its library's errors. Every
 * function taking err fills it on failure (see the kinds above). */
struct db_ops {
	const char *name; /* "SQLite", "PostgreSQL": for messages */

	/* Free the backend connection and db->impl (an open transaction is
	 * rolled back by the library). Every statement has already been
	 * finalized with ops->finalize. Do not free db itself: db.c does. */
	void (*close)(struct db *db);

	/* Run sql without parameters, possibly several statements separated by
	 * ';' (SQLite: sqlite3_exec; PostgreSQL: PQexec, which accepts several).
	 * Result rows are discarded. 0, or -1 with err set. */
	int (*exec)(struct db *db, const char *sql, struct ikm_err *err);

	/* Start a write transaction (SQLite "BEGIN IMMEDIATE", PostgreSQL
	 * "BEGIN"), commit it, roll it back. Called only in the right state:
	 * begin when db->in_tx == 0, commit and rollback when it is 1. commit
	 * must fail when the transaction did not commit (PostgreSQL: "COMMIT"
	 * on an aborted transaction reports the command tag "ROLLBACK" without
	 * an error: check PQcmdStatus). rollback never fails; it ignores and
	 * swallows errors (no output on stderr: PostgreSQL backends install a
	 * silent notice processor). db.c updates db->in_tx. */
	int (*begin)(struct db *db, struct ikm_err *err);
	int (*commit)(struct db *db, struct ikm_err *err);
	void (*rollback)(struct db *db);

	/* Prepare st->sql (with `?` placeholders; PostgreSQL rewrites them with
	 * db_number_params and uses a unique statement name per connection).
	 * Set st->impl, st->nparams and st->ncols (PostgreSQL: PQdescribePrepared
	 * gives PQnparams / PQnfields, or count with db_count_params). On
	 * failure leave st->impl NULL (finalize is then not called); db.c frees
	 * st. 0, or -1 with err set. */
	int (*prepare)(struct db_stmt *st, struct ikm_err *err);

	/* Free what prepare made (PostgreSQL: DEALLOCATE, errors ignored, or
	 * nothing when db->closing is set). Never fails. Called with no
	 * execution in progress on the connection. */
	void (*finalize)(struct db_stmt *st);

	/* start = 1: begin an execution with the bound values in
	 * st->params[0 .. st->nparams-1] (NULL, int or text; text is len bytes,
	 * NUL-terminated; the backend copies what it keeps — SQLite binds with
	 * SQLITE_TRANSIENT) and return the first result. start = 0: advance.
	 * Return DB_ROW (st->ncols valid, columns readable), DB_DONE,
	 * DB_CONSTRAINT or DB_FAIL (err set). Rows stream: PostgreSQL sends
	 * with PQsendQueryPrepared and PQsetSingleRowMode, and on DB_DONE has
	 * consumed every result (PQgetResult returned NULL), so the connection
	 * is free again. Called with start = 0 only after DB_ROW. */
	int (*step)(struct db_stmt *st, int start, struct ikm_err *err);

	/* Column i (0 <= i < st->ncols, checked by db.c) of the current row;
	 * called only after step returned DB_ROW. NULL: column_int 0,
	 * column_text NULL with *len 0 (len may be NULL); an empty string is ""
	 * (not NULL). Integers read as text give their decimal form; a
	 * decimal integer stored as text reads as that integer (other text read
	 * as an integer: unspecified, never a crash). The text stays valid
	 * until the next step or reset. */
	int64_t (*column_int)(struct db_stmt *st, int i);
	const char *(*column_text)(struct db_stmt *st, int i, size_t *len);
	int (*column_is_null)(struct db_stmt *st, int i);

	/* End the current execution, dropping rows not read (PostgreSQL: cancel
	 * or drain until PQgetResult returns NULL, leaving the connection idle)
	 * and the backend's copy of the bindings. Never fails. Called only when
	 * an execution is in progress or just finished (state ROWS, DONE,
	 * FAILED); db.c clears st->params itself. */
	void (*reset)(struct db_stmt *st);
};

struct db {
	const struct db_ops *ops;
	enum db_dialect dialect;
	int in_tx;     /* inside db_begin .. db_commit / db_rollback */
	int tx_failed; /* a statement failed inside the transaction */
	int closing;   /* db_close is finalizing: server-side cleanup may be skipped */
	void *impl;    /* backend connection data (sqlite3 *, PGconn * + state) */

	struct db_stmt *running; /* the statement with rows pending, or NULL */

	/* Statement cache: a hash table of chains, owned by db.c. */
	struct db_stmt **buckets;
	size_t nbuckets; /* a power of two, or 0 before the first prepare */
	size_t nstmts;
};

/* A zeroed connection with ops and dialect set; the backend fills impl.
 * Free it with db_close (which calls ops->close only when impl is set) or,
 * on an open error before impl is set, with free(). Aborts on no memory. */
struct db *db_new(const struct db_ops *ops, enum db_dialect dialect);

/* The backends' open functions, called by db_open. path: an SQLite file path
 * with any "sqlite:" prefix removed; url: the whole "postgresql://" or
 * "postgres://" URI, passed to PQconnectdb as is. Length is checked by
 * db_open (< DB_URL_MAX). Fill *out, or return -1 with err set (IKM_EIO
 * when the database cannot be opened or reached, naming the path / host).
 * db_pg_open installs a notice processor that drops notices: "DROP TABLE IF
 * EXISTS" and a ROLLBACK outside a transaction must print nothing. */
int db_sqlite_open(const char *path, struct db **out, struct ikm_err *err);
int db_pg_open(const char *url, struct db **out, struct ikm_err *err);

/* Rewrite the `?` placeholders of sql as $1, $2, ... (PostgreSQL). A `?`
 * inside a single-quoted string literal ('it''s?'), a double-quoted
 * identifier or a comment (from -- to the end of the line, or a C-style
 * block comment) is left as it is. Backslash escapes (E'...') and dollar
 * quoting are not recognised: keep `?` out of them. Writes at most size bytes to out, always
 * NUL-terminated when size > 0 (out may be NULL when size is 0), and returns the length of the
 * whole rewritten text without the NUL, as snprintf does: the output was cut when the result is >=
 * size. */
size_t db_number_params(const char *sql, char *out, size_t size);

/* The number of `?` placeholders db_number_params would number. */
int db_count_params(const char *sql);

#endif
