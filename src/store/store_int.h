/* store_int: what the store's files share (not for other modules). */
#ifndef IKM_STORE_INT_H
#define IKM_STORE_INT_H

#include "db.h"
#include "store.h"

#define STORE_URL_MAX 1024 /* named limit: bytes of a database URL */

struct store_tally;

struct store {
	struct db *db;
	char url[STORE_URL_MAX + 1];
	int in_tx;                 /* inside store_begin */
	struct store_tally *tally; /* counts waiting for the commit (store_tally.c) */
	/* The period last checked in this transaction (a period cannot close
	 * under a transaction that has read it: closing writes the row). */
	int64_t pc_id;
	int pc_closed;
	int64_t pc_from, pc_to;
	char pc_slug[STORE_SLUG_MAX + 1];
};

/* store_tally.c: counts of a transaction's responses, written at commit. */
void store_tally_note(struct store *s, const struct store_response *r, const char *answers);
int store_tally_full(const struct store *s);
int store_tally_flush(struct store *s, struct ikm_err *err);
void store_tally_clear(struct store *s);
/* Outside a transaction: write r's counts now. */
int store_tally_now(struct store *s, const struct store_response *r, const char *answers,
                    struct ikm_err *err);

/* Current time, unix seconds. */
int64_t store_now(void);
/* Apply the migrations the database lacks (store_schema.c). */
int store_migrate(struct store *s, struct ikm_err *err);
/* First data of a new database: the organisation and the built-in
 * instrument (store.c), inside the migration's transaction. */
int store_seed(struct store *s, struct ikm_err *err);
/* Copy column i of the current row into buf (truncated, NUL-terminated). */
void store_column_copy(struct db_stmt *st, int i, char *buf, size_t size);
/* Step a statement that must finish without a row (insert, update):
 * 0, or -1 (DB_CONSTRAINT reported as IKM_EDATA with `what`). */
int store_step_done(struct db_stmt *st, const char *what, struct ikm_err *err);

#endif
