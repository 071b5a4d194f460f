/* db: the small SQL interface the store is written against, with two
 * backends — db_sqlite.c (embedded SQLite 3) and db_pg.c (PostgreSQL via
 * libpq). SQL is written once, with `?` placeholders (the PostgreSQL
 * backend numbers them $1, $2, ... outside string literals); statements are
 * always prepared and parameters always bound, never pasted into SQL. One
 * connection is used by one thread at a time.
 *
 * Both backends behave alike where they could differ (db_int.h has the
 * details): one statement of a connection runs at a time — using the
 * connection for anything else ends the statement that still has rows, and
 * stepping that one again fails (IKM_EUSAGE) — and once something fails
 * inside a transaction, the transaction can only be rolled back. */
#ifndef IKM_DB_H
#define IKM_DB_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

enum db_dialect { DB_SQLITE, DB_PG };

/* Return values of db_step. A UNIQUE, PRIMARY KEY, FOREIGN KEY, CHECK or
 * NOT NULL violation is DB_CONSTRAINT, with err kind IKM_EDATA. */
#define DB_ROW        1
#define DB_DONE       0
#define DB_FAIL       (-1) /* err set */
#define DB_CONSTRAINT (-2) /* a constraint violation; err set */

#define DB_MAX_PARAMS 64 /* named limit: parameters of one statement */

struct db;
struct db_stmt;

/* Open a connection. url: "postgresql://..." or "postgres://..." (libpq
 * connection URI) selects PostgreSQL; anything else is an SQLite file path
 * ("sqlite:" prefix optional), created when missing. SQLite is set up with
 * WAL, synchronous=FULL, foreign_keys=ON and a busy timeout of 10 s.
 * IKM_EIO when the database cannot be opened or reached. */
int db_open(const char *url, struct db **out, struct ikm_err *err);
/* Close; finalizes every statement still prepared. NULL is fine. */
void db_close(struct db *db);
enum db_dialect db_dialect(const struct db *db);

/* Run SQL without parameters (DDL, possibly several statements). */
int db_exec(struct db *db, const char *sql, struct ikm_err *err);

/* Transactions. db_begin starts a write transaction (SQLite: BEGIN
 * IMMEDIATE, so writers queue on the busy timeout instead of failing at
 * commit); IKM_EUSAGE inside one. After a failed db_step or db_exec inside
 * the transaction, further statements fail and db_commit fails; a db_commit
 * that fails has rolled the transaction back. db_rollback never fails (it
 * is for error paths) and does nothing outside a transaction. */
int db_begin(struct db *db, struct ikm_err *err);
int db_commit(struct db *db, struct ikm_err *err);
void db_rollback(struct db *db);
/* 1 inside a transaction begun with db_begin. */
int db_in_transaction(const struct db *db);
/* 1 when something failed inside the transaction: it can only be rolled
 * back (db_commit would fail). */
int db_transaction_failed(const struct db *db);

/* Prepare sql, one statement (kept by the connection and reused: preparing
 * the same string again returns the cached statement, reset). The statement
 * belongs to db; db_close finalizes it. IKM_ELIMIT past DB_MAX_PARAMS
 * parameters or past DB_CACHE_MAX (db_int.h) different statements. */
int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct ikm_err *err);

/* Bind parameter i (1-based) until the statement is reset; unbound
 * parameters are NULL. Text is copied (n bytes; n < 0: strlen; s NULL binds
 * NULL). An index outside the statement's parameters is reported by the
 * next db_step (IKM_EUSAGE). */
void db_bind_int(struct db_stmt *st, int i, int64_t v);
void db_bind_text(struct db_stmt *st, int i, const char *s, ptrdiff_t n);
void db_bind_null(struct db_stmt *st, int i);

/* Execute (first call) or advance: DB_ROW, DB_DONE, DB_FAIL, DB_CONSTRAINT.
 * Rows stream (SQLite: as stepped; PostgreSQL: single-row mode), so a
 * query over millions of rows does not hold them all in memory. After
 * DB_DONE it returns DB_DONE, after a failure it fails, until db_reset (or
 * db_prepare of the same SQL). */
int db_step(struct db_stmt *st, struct ikm_err *err);

/* Column i (0-based) of the current row. NULL reads as 0 / NULL. The text
 * pointer is valid until the next db_step or db_reset. */
int64_t db_column_int(struct db_stmt *st, int i);
const char *db_column_text(struct db_stmt *st, int i, size_t *len);
int db_column_is_null(struct db_stmt *st, int i);

/* Finish the current execution (remaining rows dropped) and clear the
 * bindings, ready for the next one. */
void db_reset(struct db_stmt *st);

#endif
