/* db: the backend-independent half of db.h — choosing a backend by URL, the
 * statement cache, bound-parameter storage, the statement state machine, the
 * transaction flags, and the `?` numbering the PostgreSQL backend needs. The
 * rules both backends rely on are in db_int.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "xalloc.h"

#define CACHE_BUCKETS_MIN 16
#define SQL_SHOWN         80 /* bytes of SQL quoted in a message */

struct db *db_new(const struct db_ops *ops, enum db_dialect dialect)
{
	struct db *db = xcalloc(1, sizeof(*db));

	db->ops = ops;
	db->dialect = dialect;
	return db;
}

static int has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int db_open(const char *url, struct db **out, struct ikm_err *err)
{
	const char *path = url;

	*out = NULL;
	if (url == NULL || url[0] == '\0')
		return err_set(err, IKM_EUSAGE,
		               "alamat basis data kosong / the database URL is empty");
	if (strnlen(url, DB_URL_MAX) >= DB_URL_MAX)
		return err_set(err, IKM_ELIMIT,
		               "alamat basis data lebih dari %d bita / the database URL is longer "
		               "than %d bytes",
		               DB_URL_MAX - 1, DB_URL_MAX - 1);
	if (has_prefix(url, "postgresql://") || has_prefix(url, "postgres://"))
		return db_pg_open(url, out, err);
	if (has_prefix(path, "sqlite:"))
		path += strlen("sqlite:");
	if (path[0] == '\0')
		return err_set(err, IKM_EUSAGE,
		               "%s: jalur berkas SQLite kosong / the SQLite file path is empty",
		               url);
	return db_sqlite_open(path, out, err);
}

enum db_dialect db_dialect(const struct db *db)
{
	return db->dialect;
}

int db_in_transaction(const struct db *db)
{
	return db->in_tx;
}

int db_transaction_failed(const struct db *db)
{
	return db->in_tx && db->tx_failed;
}

/* ---- statements ---------------------------------------------------------- */

static void params_clear(struct db_stmt *st)
{
	for (int i = 0; i < st->nparams; i++)
		st->params[i].type = DB_PARAM_NULL;
	st->bad_bind = 0;
	st->bad_index = 0;
}

/* End st's execution, if any, and make it ready for the next one. */
static void stmt_reset(struct db_stmt *st)
{
	struct db *db = st->db;

	if (st->state == DB_ST_ROWS || st->state == DB_ST_DONE || st->state == DB_ST_FAILED)
		db->ops->reset(st);
	if (db->running == st)
		db->running = NULL;
	st->state = DB_ST_IDLE;
	params_clear(st);
}

/* End the statement with rows pending, unless it is keep: the connection is
 * about to be used for something else (db_int.h, "One statement runs at a
 * time"). */
static void interrupt_running(struct db *db, const struct db_stmt *keep)
{
	struct db_stmt *r = db->running;

	if (r == NULL || r == keep)
		return;
	db->ops->reset(r);
	r->state = DB_ST_INTERRUPTED;
	db->running = NULL;
}

static void stmt_free(struct db_stmt *st)
{
	if (st == NULL)
		return;
	if (st->params != NULL)
		for (int i = 0; i < st->nparams; i++)
			free(st->params[i].text);
	free(st->params);
	free((char *)st->sql);
	free(st);
}

void db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->impl != NULL) {
		interrupt_running(db, NULL);
		if (db->in_tx)
			db->ops->rollback(db);
	}
	db->closing = 1;
	for (size_t b = 0; b < db->nbuckets; b++) {
		struct db_stmt *st = db->buckets[b];

		while (st != NULL) {
			struct db_stmt *next = st->next;

			if (st->impl != NULL)
				db->ops->finalize(st);
			stmt_free(st);
			st = next;
		}
	}
	free(db->buckets);
	if (db->impl != NULL)
		db->ops->close(db);
	free(db);
}

/* ---- the statement cache ------------------------------------------------- */

static uint64_t sql_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct db_stmt *cache_find(const struct db *db, const char *sql, size_t len, uint64_t h)
{
	if (db->nbuckets == 0)
		return NULL;
	for (struct db_stmt *st = db->buckets[h & (db->nbuckets - 1)]; st != NULL; st = st->next)
		if (st->hash == h && st->sql_len == len && memcmp(st->sql, sql, len) == 0)
			return st;
	return NULL;
}

static void cache_add(struct db *db, struct db_stmt *st)
{
	size_t b;

	if (db->nstmts >= db->nbuckets) {
		size_t n = db->nbuckets ? db->nbuckets * 2 : CACHE_BUCKETS_MIN;
		struct db_stmt **nb = xcalloc(n, sizeof(*nb));

		for (size_t i = 0; i < db->nbuckets; i++) {
			struct db_stmt *s = db->buckets[i];

			while (s != NULL) {
				struct db_stmt *next = s->next;

				s->next = nb[s->hash & (n - 1)];
				nb[s->hash & (n - 1)] = s;
				s = next;
			}
		}
		free(db->buckets);
		db->buckets = nb;
		db->nbuckets = n;
	}
	b = st->hash & (db->nbuckets - 1);
	st->next = db->buckets[b];
	db->buckets[b] = st;
	db->nstmts++;
}

static int sql_check(const char *sql, size_t *len, struct ikm_err *err)
{
	if (sql == NULL)
		return err_set(err, IKM_EUSAGE, "SQL tidak ada / no SQL given");
	*len = strnlen(sql, DB_SQL_MAX);
	if (*len >= DB_SQL_MAX)
		return err_set(
		    err, IKM_ELIMIT,
		    "teks SQL lebih dari %d bita / the SQL text is longer than %d bytes: "
		    "%.*s...",
		    DB_SQL_MAX - 1, DB_SQL_MAX - 1, SQL_SHOWN, sql);
	return 0;
}

/* A statement that failed inside a transaction fails the transaction. */
static void tx_note_failure(struct db *db)
{
	if (db->in_tx)
		db->tx_failed = 1;
}

static int tx_check(const struct db *db, struct ikm_err *err)
{
	if (db->in_tx && db->tx_failed)
		return err_set(
		    err, IKM_EUSAGE,
		    "transaksi sudah gagal; batalkan dengan db_rollback / the transaction "
		    "already failed; roll it back with db_rollback");
	return 0;
}

int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct ikm_err *err)
{
	struct db_stmt *st;
	size_t len;
	uint64_t h;

	*out = NULL;
	if (sql_check(sql, &len, err) != 0)
		return -1;
	h = sql_hash(sql, len);
	st = cache_find(db, sql, len, h);
	if (st != NULL) {
		stmt_reset(st);
		*out = st;
		return 0;
	}
	if (db->nstmts >= DB_CACHE_MAX)
		return err_set(
		    err, IKM_ELIMIT,
		    "lebih dari %d pernyataan SQL disiapkan pada satu koneksi / more than "
		    "%d SQL statements prepared on one connection: %.*s",
		    DB_CACHE_MAX, DB_CACHE_MAX, SQL_SHOWN, sql);
	if (tx_check(db, err) != 0)
		return -1;
	st = xcalloc(1, sizeof(*st));
	st->db = db;
	st->sql = xstrndup(sql, len);
	st->sql_len = len;
	st->hash = h;
	interrupt_running(db, NULL);
	if (db->ops->prepare(st, err) != 0) {
		tx_note_failure(db);
		stmt_free(st);
		return -1;
	}
	if (st->nparams < 0 || st->nparams > DB_MAX_PARAMS) {
		err_set(
		    err, IKM_ELIMIT,
		    "pernyataan SQL punya %d parameter, paling banyak %d / the SQL statement has "
		    "%d parameters, at most %d: %.*s",
		    st->nparams, DB_MAX_PARAMS, st->nparams, DB_MAX_PARAMS, SQL_SHOWN, sql);
		db->ops->finalize(st);
		st->nparams = 0;
		stmt_free(st);
		return -1;
	}
	st->params = xcalloc(st->nparams > 0 ? (size_t)st->nparams : 1, sizeof(*st->params));
	cache_add(db, st);
	*out = st;
	return 0;
}

/* ---- bound parameters ---------------------------------------------------- */

static struct db_param *param_at(struct db_stmt *st, int i)
{
	if (i < 1 || i > st->nparams) {
		if (st->bad_bind == 0) {
			st->bad_bind = 1;
			st->bad_index = i;
		}
		return NULL;
	}
	return &st->params[i - 1];
}

void db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	struct db_param *p = param_at(st, i);

	if (p == NULL)
		return;
	p->type = DB_PARAM_INT;
	p->i = v;
}

void db_bind_text(struct db_stmt *st, int i, const char *s, ptrdiff_t n)
{
	struct db_param *p = param_at(st, i);
	size_t len;

	if (p == NULL)
		return;
	if (s == NULL) {
		p->type = DB_PARAM_NULL;
		return;
	}
	len = n < 0 ? strnlen(s, DB_TEXT_MAX) : (size_t)n;
	if (len >= DB_TEXT_MAX) {
		p->type = DB_PARAM_NULL;
		if (st->bad_bind == 0) {
			st->bad_bind = 2;
			st->bad_index = i;
		}
		return;
	}
	if (p->cap < len + 1) {
		free(p->text);
		p->cap = len + 1 < 64 ? 64 : len + 1;
		p->text = xmalloc(p->cap);
	}
	memcpy(p->text, s, len);
	p->text[len] = '\0';
	p->len = len;
	p->type = DB_PARAM_TEXT;
}

void db_bind_null(struct db_stmt *st, int i)
{
	struct db_param *p = param_at(st, i);

	if (p != NULL)
		p->type = DB_PARAM_NULL;
}

static int bind_error(const struct db_stmt *st, struct ikm_err *err)
{
	if (st->bad_bind == 2)
		return err_set(err, IKM_ELIMIT,
		               "teks parameter %d lebih dari %d bita / the text of parameter %d is "
		               "longer than %d bytes: %.*s",
		               st->bad_index, DB_TEXT_MAX - 1, st->bad_index, DB_TEXT_MAX - 1,
		               SQL_SHOWN, st->sql);
	return err_set(err, IKM_EUSAGE,
	               "parameter %d di luar 1..%d / parameter %d is outside 1..%d: %.*s",
	               st->bad_index, st->nparams, st->bad_index, st->nparams, SQL_SHOWN, st->sql);
}

/* ---- execution ------------------------------------------------------------ */

int db_step(struct db_stmt *st, struct ikm_err *err)
{
	struct db *db = st->db;
	int start = 0;
	int rc;

	switch (st->state) {
	case DB_ST_DONE:
		return DB_DONE;
	case DB_ST_FAILED:
		return err_set(
		    err, IKM_EUSAGE,
		    "pernyataan SQL sudah gagal; panggil db_reset dulu / the SQL statement "
		    "failed; db_reset it first: %.*s",
		    SQL_SHOWN, st->sql);
	case DB_ST_INTERRUPTED:
		return err_set(
		    err, IKM_EUSAGE,
		    "pernyataan SQL dihentikan karena koneksi dipakai pernyataan lain / the "
		    "SQL statement was ended because the connection ran another one: %.*s",
		    SQL_SHOWN, st->sql);
	case DB_ST_ROWS:
		break;
	case DB_ST_IDLE:
		if (st->bad_bind != 0)
			return bind_error(st, err);
		if (tx_check(db, err) != 0)
			return DB_FAIL;
		interrupt_running(db, st);
		start = 1;
		break;
	}
	rc = db->ops->step(st, start, err);
	if (rc == DB_ROW) {
		st->state = DB_ST_ROWS;
		db->running = st;
		return DB_ROW;
	}
	if (db->running == st)
		db->running = NULL;
	if (rc == DB_DONE) {
		st->state = DB_ST_DONE;
		return DB_DONE;
	}
	st->state = DB_ST_FAILED;
	tx_note_failure(db);
	return rc == DB_CONSTRAINT ? DB_CONSTRAINT : DB_FAIL;
}

void db_reset(struct db_stmt *st)
{
	if (st != NULL)
		stmt_reset(st);
}

static int column_ok(const struct db_stmt *st, int i)
{
	return st->state == DB_ST_ROWS && i >= 0 && i < st->ncols;
}

int64_t db_column_int(struct db_stmt *st, int i)
{
	return column_ok(st, i) ? st->db->ops->column_int(st, i) : 0;
}

const char *db_column_text(struct db_stmt *st, int i, size_t *len)
{
	if (len != NULL)
		*len = 0;
	return column_ok(st, i) ? st->db->ops->column_text(st, i, len) : NULL;
}

int db_column_is_null(struct db_stmt *st, int i)
{
	return column_ok(st, i) ? st->db->ops->column_is_null(st, i) : 1;
}

int db_exec(struct db *db, const char *sql, struct ikm_err *err)
{
	size_t len;

	if (sql_check(sql, &len, err) != 0 || tx_check(db, err) != 0)
		return -1;
	interrupt_running(db, NULL);
	if (db->ops->exec(db, sql, err) != 0) {
		tx_note_failure(db);
		return -1;
	}
	return 0;
}

/* ---- transactions --------------------------------------------------------- */

int db_begin(struct db *db, struct ikm_err *err)
{
	if (db->in_tx)
		return err_set(err, IKM_EUSAGE,
		               "transaksi sudah berjalan / a transaction is already open");
	interrupt_running(db, NULL);
	if (db->ops->begin(db, err) != 0)
		return -1;
	db->in_tx = 1;
	db->tx_failed = 0;
	return 0;
}

int db_commit(struct db *db, struct ikm_err *err)
{
	int rc;

	if (!db->in_tx)
		return err_set(err, IKM_EUSAGE, "tidak ada transaksi / no transaction is open");
	interrupt_running(db, NULL);
	if (db->tx_failed) {
		err_set(err, IKM_EUSAGE,
		        "transaksi sudah gagal dan dibatalkan / the transaction had failed and was "
		        "rolled back");
		rc = -1;
	} else {
		rc = db->ops->commit(db, err);
	}
	if (rc != 0)
		db->ops->rollback(db);
	db->in_tx = 0;
	db->tx_failed = 0;
	return rc;
}

void db_rollback(struct db *db)
{
	if (db == NULL)
		return;
	interrupt_running(db, NULL);
	if (db->in_tx)
		db->ops->rollback(db);
	db->in_tx = 0;
	db->tx_failed = 0;
}

/* ---- `?` numbering -------------------------------------------------------- */

struct numbering {
	char *out;
	size_t size;
	size_t len; /* of the whole result, also past size */
	int n;      /* placeholders numbered */
};

static void put(struct numbering *nb, char c)
{
	if (nb->len + 1 < nb->size)
		nb->out[nb->len] = c;
	nb->len++;
}

static void number(struct numbering *nb, const char *sql)
{
	const char *p = sql;

	while (*p != '\0') {
		if (*p == '\'' || *p == '"') { /* '' inside a literal: two literals in a row */
			char q = *p;

			put(nb, *p++);
			while (*p != '\0' && *p != q)
				put(nb, *p++);
			if (*p != '\0')
				put(nb, *p++);
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p != '\0' && *p != '\n')
				put(nb, *p++);
		} else if (p[0] == '/' && p[1] == '*') {
			put(nb, *p++);
			put(nb, *p++);
			while (*p != '\0' && !(p[0] == '*' && p[1] == '/'))
				put(nb, *p++);
			for (int k = 0; k < 2 && *p != '\0'; k++)
				put(nb, *p++);
		} else if (*p == '?') {
			char num[16];
			int k = snprintf(num, sizeof(num), "$%d", ++nb->n);

			for (int j = 0; j < k; j++)
				put(nb, num[j]);
			p++;
		} else {
			put(nb, *p++);
		}
	}
	if (nb->size > 0)
		nb->out[nb->len < nb->size ? nb->len : nb->size - 1] = '\0';
}

size_t db_number_params(const char *sql, char *out, size_t size)
{
	struct numbering nb = {.out = out, .size = out != NULL ? size : 0};

	number(&nb, sql);
	return nb.len;
}

int db_count_params(const char *sql)
{
	struct numbering nb = {0};

	number(&nb, sql);
	return nb.n;
}
