/* store_int: what the store's files share (not for other modules). */
#ifndef IKM_STORE_INT_H
#define IKM_STORE_INT_H

#include "db.h"
#include "store.h"

#define STORE_URL_MAX 1024 /* named limit: bytes of a database URL */

struct store {
	struct db *db;
	char url[STORE_URL_MAX + 1];
	int in_tx; /* inside store_begin */
};

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
