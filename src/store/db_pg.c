/* db_pg: the PostgreSQL backend of db.h, through libpq. Statements are
 * prepared on the server under a name unique to the connection, with the `?`
 * placeholders numbered $1, $2, ...; parameters go as text; rows stream in
 * single-row mode. The rules every backend follows are in db_int.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db_int.h"
#include "xalloc.h"

#define SQL_SHOWN       80   /* bytes of SQL quoted in a message */
#define LIB_MSG_MAX     512  /* bytes of a libpq message quoted in ours */
#define CONNECT_TIMEOUT "10" /* seconds, unless the URL says otherwise */
#define STMT_NAME_MAX   24   /* "ikm_" and a 32-bit counter */
/* A reset mid-stream reads this many more rows before it cancels the query
 * (when that is safe): a cancel opens a second connection (about 3 ms on a
 * local socket, the time of reading some 25 000 short rows), so small
 * remainders are cheaper to read. */
#define DRAIN_BEFORE_CANCEL 10000

/* The connection (db->impl). */
struct pg_conn {
	PGconn *conn;
	PGcancel *cancel; /* for a reset mid-stream; NULL when libpq has none */
	unsigned next_id; /* of the next statement name */
	char where[256];  /* "host H, port P, database D" for messages; no password */
	char *secret[3];  /* the password as written and as decoded: kept out of messages */
};

/* A prepared statement (st->impl). */
struct pg_stmt {
	char name[STMT_NAME_MAX];
	int may_cancel; /* a plain query (SELECT, VALUES, TABLE): cancelling loses no write */
	int active;     /* sent; PQgetResult has not returned NULL yet */
	int autocommit; /* sent outside a transaction block */
	PGresult *res;  /* holding the current row, or NULL */
	int row;        /* the current row in res */
};

static struct pg_conn *pc_of(const struct db *db)
{
	return db->impl;
}

static void silent_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* ---- messages ---------------------------------------------------------- */

/* Copy a libpq message into buf on one line (runs of white space become
 * one space), without the trailing newline. */
static const char *one_line(const char *msg, char *buf, size_t size)
{
	size_t n = 0;

	if (msg == NULL)
		msg = "";
	for (; *msg != '\0' && n + 1 < size; msg++) {
		int space = *msg == '\n' || *msg == '\r' || *msg == '\t' || *msg == ' ';

		if (!space)
			buf[n++] = *msg;
		else if (n > 0 && buf[n - 1] != ' ')
			buf[n++] = ' ';
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}

/* Replace every occurrence of secret in err->msg with "***". */
static void scrub(struct ikm_err *err, const char *secret)
{
	char out[IKM_ERR_MSG_MAX];
	size_t slen, n = 0;
	const char *p;

	if (err == NULL || secret == NULL || secret[0] == '\0')
		return;
	slen = strlen(secret);
	p = err->msg;
	if (strstr(p, secret) == NULL)
		return;
	while (*p != '\0' && n + 1 < sizeof(out)) {
		if (strncmp(p, secret, slen) == 0) {
			for (const char *r = "***"; *r != '\0' && n + 1 < sizeof(out); r++)
				out[n++] = *r;
			p += slen;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	memcpy(err->msg, out, n + 1);
}

static void scrub_all(const struct pg_conn *pc, struct ikm_err *err)
{
	for (size_t i = 0; i < sizeof(pc->secret) / sizeof(pc->secret[0]); i++)
		scrub(err, pc->secret[i]);
}

static void pc_free(struct pg_conn *pc)
{
	if (pc == NULL)
		return;
	PQfreeCancel(pc->cancel);
	PQfinish(pc->conn);
	for (size_t i = 0; i < sizeof(pc->secret) / sizeof(pc->secret[0]); i++) {
		if (pc->secret[i] != NULL)
			explicit_bzero(pc->secret[i], strlen(pc->secret[i]));
		free(pc->secret[i]);
	}
	free(pc);
}

/* The ikm_err kind of an SQLSTATE (db_int.h, "Error kinds"); NULL (no
 * server error: the connection failed) is IKM_EIO. */
static enum ikm_err_kind kind_of(const char *state)
{
	if (state == NULL || strlen(state) != 5)
		return IKM_EIO;
	if (strncmp(state, "22", 2) == 0 || strncmp(state, "23", 2) == 0)
		return IKM_EDATA;
	if (strncmp(state, "54", 2) == 0)
		return IKM_ELIMIT;
	/* 08 connection, 40 serialization failure or deadlock (retry), 53
	 * resources, 57 shutdown or cancel, 58 system, XX internal, 55P03 lock
	 * not available: the database, not the SQL. */
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "40", 2) == 0 ||
	    strncmp(state, "53", 2) == 0 || strncmp(state, "57", 2) == 0 ||
	    strncmp(state, "58", 2) == 0 || strncmp(state, "XX", 2) == 0 ||
	    strcmp(state, "55P03") == 0)
		return IKM_EIO;
	return IKM_EUSAGE;
}

/* What was violated, for the message of a constraint error. */
static const char *constraint_text(const char *state)
{
	if (strcmp(state, "23505") == 0)
		return "nilai ganda pada kolom unik / duplicate value in a unique column";
	if (strcmp(state, "23503") == 0)
		return "rujukan ke baris yang tidak ada (foreign key) / reference to a missing row "
		       "(foreign key)";
	if (strcmp(state, "23502") == 0)
		return "nilai kosong (NULL) tidak diizinkan / NULL is not allowed";
	if (strcmp(state, "23514") == 0)
		return "nilai ditolak oleh CHECK / value rejected by a CHECK constraint";
	return "batasan dilanggar / constraint violated";
}

/* Fill err for a failed operation (op: "Indonesian / English"); res is the
 * failed result or NULL (then the connection's message is used). Returns
 * DB_CONSTRAINT for a constraint violation, else DB_FAIL (-1). */
static int fail(struct ikm_err *err, const struct pg_conn *pc, const PGresult *res, const char *op,
                const char *sql)
{
	const char *state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char line[LIB_MSG_MAX];
	int rc = DB_FAIL;

	if (msg == NULL && res != NULL)
		msg = PQresultErrorMessage(res);
	if (msg == NULL || msg[0] == '\0')
		msg = PQerrorMessage(pc->conn);
	one_line(msg, line, sizeof(line));
	if (line[0] == '\0')
		one_line("koneksi terputus / connection lost", line, sizeof(line));
	if (state != NULL && strncmp(state, "23", 2) == 0) {
		err_set(err, IKM_EDATA, "PostgreSQL: %s: %s [%.*s]", constraint_text(state), line,
		        SQL_SHOWN, sql);
		rc = DB_CONSTRAINT;
	} else if (state == NULL && PQstatus(pc->conn) != CONNECTION_OK) {
		err_set(err, IKM_EIO, "PostgreSQL: %s: koneksi terputus / connection lost (%s): %s",
		        op, pc->where, line);
	} else {
		err_set(err, kind_of(state), "PostgreSQL: %s: %s [%.*s]", op, line, SQL_SHOWN, sql);
	}
	scrub_all(pc, err);
	return rc;
}

/* ---- results -------------------------------------------------------------- */

/* Leave COPY mode, which a query sent through db_exec could enter: libpq
 * would otherwise wait for COPY data forever. */
static void copy_leave(PGconn *c, ExecStatusType s)
{
	char *buf = NULL;

	if (s == PGRES_COPY_IN || s == PGRES_COPY_BOTH)
		(void)PQputCopyEnd(c, "COPY tidak didukung / COPY is not supported");
	if (s == PGRES_COPY_OUT || s == PGRES_COPY_BOTH)
		while (PQgetCopyData(c, &buf, 0) > 0)
			PQfreemem(buf);
}

static int status_ok(ExecStatusType s)
{
	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY ||
	       s == PGRES_SINGLE_TUPLE;
}

/* Read results until PQgetResult returns NULL, so the connection is idle
 * again. The first failed result is returned (the caller clears it), or NULL
 * when all were fine. *seen counts the results read. */
static PGresult *drain(PGconn *c, int *seen)
{
	PGresult *res, *bad = NULL;

	while ((res = PQgetResult(c)) != NULL) {
		ExecStatusType s = PQresultStatus(res);

		(*seen)++;
		copy_leave(c, s);
		if (bad == NULL && !status_ok(s))
			bad = res;
		else
			PQclear(res);
	}
	return bad;
}

/* Run one command without parameters; 0 or -1 with err set. When tag is not
 * NULL, the command status must be tag (COMMIT that became ROLLBACK). */
static int run(struct pg_conn *pc, const char *sql, const char *op, const char *tag,
               struct ikm_err *err)
{
	PGresult *res = PQexec(pc->conn, sql);
	ExecStatusType s = res != NULL ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	int rc = 0;

	copy_leave(pc->conn, s);
	if (s == PGRES_COPY_IN || s == PGRES_COPY_OUT || s == PGRES_COPY_BOTH) {
		int seen = 0;

		PQclear(drain(pc->conn, &seen));
		err_set(err, IKM_EUSAGE,
		        "PostgreSQL: %s: COPY tidak didukung / COPY is not supported [%.*s]", op,
		        SQL_SHOWN, sql);
		rc = -1;
	} else if (!status_ok(s)) {
		fail(err, pc, res, op, sql);
		rc = -1;
	} else if (tag != NULL && strcmp(PQcmdStatus(res), tag) != 0) {
		err_set(err, IKM_EUSAGE,
		        "PostgreSQL: %s: transaksi dibatalkan oleh server (%s) / the server rolled "
		        "the transaction back (%s)",
		        op, PQcmdStatus(res), PQcmdStatus(res));
		rc = -1;
	}
	PQclear(res);
	return rc;
}

/* ---- connection ----------------------------------------------------------- */

static void pg_close(struct db *db)
{
	pc_free(pc_of(db));
	db->impl = NULL;
}

static int pg_exec(struct db *db, const char *sql, struct ikm_err *err)
{
	return run(pc_of(db), sql, "gagal menjalankan SQL / cannot run SQL", NULL, err);
}

static int pg_begin(struct db *db, struct ikm_err *err)
{
	return run(pc_of(db), "BEGIN", "gagal memulai transaksi / cannot begin a transaction", NULL,
	           err);
}

static int pg_commit(struct db *db, struct ikm_err *err)
{
	return run(pc_of(db), "COMMIT", "gagal menyimpan transaksi / cannot commit", "COMMIT", err);
}

static void pg_rollback(struct db *db)
{
	PQclear(PQexec(pc_of(db)->conn, "ROLLBACK"));
}

/* ---- statements ----------------------------------------------------------- */

static int word_is(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (size_t i = 0; i < n; i++)
		if (s[i] == '\0' || (s[i] | 0x20) != word[i])
			return 0;
	return !((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	         (s[n] >= '0' && s[n] <= '9') || s[n] == '_');
}

/* A plain query, whose cancellation cannot undo a write of its own. WITH is
 * not one (a data-modifying WITH), nor anything after a comment. */
static int plain_query(const char *sql)
{
	while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '\r' || *sql == '(')
		sql++;
	return word_is(sql, "select") || word_is(sql, "values") || word_is(sql, "table");
}

/* 1 when sql holds no statement: only white space, ';' and comments
 * (PostgreSQL would prepare an empty query; SQLite refuses it). */
static int no_statement(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
		    *s == ';') {
			s++;
		} else if (s[0] == '-' && s[1] == '-') {
			s += strcspn(s, "\n");
		} else if (s[0] == '/' && s[1] == '*') {
			const char *end = strstr(s + 2, "*/");

			if (end == NULL)
				return 0; /* unterminated: let the server say so */
			s = end + 2;
		} else {
			return *s == '\0';
		}
	}
}

static int pg_prepare(struct db_stmt *st, struct ikm_err *err)
{
	struct pg_conn *pc = pc_of(st->db);
	struct pg_stmt *ps;
	size_t size;
	char *sql;
	PGresult *res;

	if (no_statement(st->sql))
		return err_set(err, IKM_EUSAGE,
		               "PostgreSQL: SQL kosong / the SQL holds no statement [%.*s]",
		               SQL_SHOWN, st->sql);
	size = db_number_params(st->sql, NULL, 0) + 1;
	sql = xmalloc(size);
	db_number_params(st->sql, sql, size);
	ps = xcalloc(1, sizeof(*ps));
	snprintf(ps->name, sizeof(ps->name), "ikm_%u", pc->next_id++);
	res = PQprepare(pc->conn, ps->name, sql, 0, NULL);
	free(sql);
	if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK) {
		fail(err, pc, res, "gagal menyiapkan SQL / cannot prepare SQL", st->sql);
		PQclear(res);
		free(ps);
		return -1;
	}
	PQclear(res);
	ps->may_cancel = plain_query(st->sql);
	st->impl = ps;
	st->nparams = db_count_params(st->sql);
	st->ncols = 0; /* known from the first row */
	return 0;
}

static void pg_finalize(struct db_stmt *st)
{
	struct pg_stmt *ps = st->impl;
	PGconn *c = pc_of(st->db)->conn;
	char sql[sizeof("DEALLOCATE ") + STMT_NAME_MAX];

	PQclear(ps->res);
	/* DEALLOCATE takes no parameter; the name is ours ("ikm_N"), never
	 * input. Skipped when the connection closes anyway, or in a failed
	 * transaction, where it would only fail. */
	if (!st->db->closing && PQstatus(c) == CONNECTION_OK &&
	    PQtransactionStatus(c) != PQTRANS_INERROR) {
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", ps->name);
		PQclear(PQexec(c, sql));
	}
	free(ps);
	st->impl = NULL;
}

/* The next row of the execution, or its end (then the connection is idle). */
static int next_result(struct db_stmt *st, struct ikm_err *err)
{
	struct pg_conn *pc = pc_of(st->db);
	struct pg_stmt *ps = st->impl;
	PGresult *res, *bad;
	int seen = 0;

	if (ps->res != NULL && ps->row + 1 < PQntuples(ps->res)) {
		ps->row++; /* a whole result: single-row mode was refused */
		return DB_ROW;
	}
	PQclear(ps->res);
	ps->res = NULL;
	res = PQgetResult(pc->conn);
	if (res != NULL && (PQresultStatus(res) == PGRES_SINGLE_TUPLE ||
	                    (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0))) {
		ps->res = res;
		ps->row = 0;
		st->ncols = PQnfields(res);
		return DB_ROW;
	}
	/* The end: read the rest, which may still hold an error (a deferred
	 * constraint checked at the implicit commit). */
	if (res != NULL) {
		seen = 1;
		copy_leave(pc->conn, PQresultStatus(res));
		if (status_ok(PQresultStatus(res))) {
			PQclear(res);
			res = NULL;
		}
	}
	bad = drain(pc->conn, &seen);
	ps->active = 0;
	if (res == NULL)
		res = bad;
	else
		PQclear(bad);
	if (res != NULL || seen == 0) {
		int rc = fail(err, pc, res, "gagal menjalankan SQL / cannot run SQL", st->sql);

		PQclear(res);
		return rc;
	}
	return DB_DONE;
}

static int pg_step(struct db_stmt *st, int start, struct ikm_err *err)
{
	struct pg_conn *pc = pc_of(st->db);
	struct pg_stmt *ps = st->impl;
	const char *values[DB_MAX_PARAMS];
	char ints[DB_MAX_PARAMS][24];

	if (!start)
		return next_result(st, err);
	PQclear(ps->res);
	ps->res = NULL;
	for (int i = 0; i < st->nparams; i++) {
		const struct db_param *p = &st->params[i];

		switch (p->type) {
		case DB_PARAM_INT:
			snprintf(ints[i], sizeof(ints[i]), "%lld", (long long)p->i);
			values[i] = ints[i];
			break;
		case DB_PARAM_TEXT:
			/* Text parameters end at the NUL, and PostgreSQL text
			 * cannot hold one: refuse rather than cut. */
			if (memchr(p->text, '\0', p->len) != NULL)
				return err_set(
				    err, IKM_EDATA,
				    "PostgreSQL: teks parameter %d berisi bita NUL / the text "
				    "of parameter %d contains a NUL byte [%.*s]",
				    i + 1, i + 1, SQL_SHOWN, st->sql);
			values[i] = p->text;
			break;
		default:
			values[i] = NULL;
			break;
		}
	}
	ps->autocommit = PQtransactionStatus(pc->conn) == PQTRANS_IDLE;
	if (!PQsendQueryPrepared(pc->conn, ps->name, st->nparams, values, NULL, NULL, 0))
		return fail(err, pc, NULL, "gagal menjalankan SQL / cannot run SQL", st->sql);
	ps->active = 1;
	/* Refused only right after a failed send; then rows come in one
	 * result, which next_result walks too. */
	(void)PQsetSingleRowMode(pc->conn);
	return next_result(st, err);
}

static int64_t pg_column_int(struct db_stmt *st, int i)
{
	struct pg_stmt *ps = st->impl;
	const char *v;
	char *end;
	long long x;

	if (PQgetisnull(ps->res, ps->row, i))
		return 0;
	v = PQgetvalue(ps->res, ps->row, i);
	errno = 0;
	x = strtoll(v, &end, 10);
	if (end != v && *end == '\0' && errno == 0)
		return (int64_t)x;
	if (strcmp(v, "t") == 0) /* boolean */
		return 1;
	return 0;
}

static const char *pg_column_text(struct db_stmt *st, int i, size_t *len)
{
	struct pg_stmt *ps = st->impl;

	if (PQgetisnull(ps->res, ps->row, i))
		return NULL;
	if (len != NULL)
		*len = (size_t)PQgetlength(ps->res, ps->row, i);
	return PQgetvalue(ps->res, ps->row, i);
}

static int pg_column_is_null(struct db_stmt *st, int i)
{
	struct pg_stmt *ps = st->impl;

	return PQgetisnull(ps->res, ps->row, i);
}

/* End the execution: read what is left so the connection is idle again. A
 * long remainder of a plain query outside a transaction is cancelled
 * first; inside a transaction a cancel would abort the transaction, and a
 * cancelled write would be undone, so those are read to the end. */
static void pg_reset(struct db_stmt *st)
{
	struct pg_conn *pc = pc_of(st->db);
	struct pg_stmt *ps = st->impl;
	PGresult *res;
	int n = 0;

	PQclear(ps->res);
	ps->res = NULL;
	if (!ps->active)
		return;
	while ((res = PQgetResult(pc->conn)) != NULL) {
		ExecStatusType s = PQresultStatus(res);

		PQclear(res);
		copy_leave(pc->conn, s);
		if (++n == DRAIN_BEFORE_CANCEL && s == PGRES_SINGLE_TUPLE && ps->may_cancel &&
		    ps->autocommit && pc->cancel != NULL) {
			char ebuf[256];

			/* PQcancel returns once the server has taken the request
			 * (libpq waits for it to close the cancel connection), so
			 * it cannot hit the next query; this one ends with an
			 * error (57014), read and dropped by this loop. */
			(void)PQcancel(pc->cancel, ebuf, sizeof(ebuf));
		}
	}
	ps->active = 0;
}

static const struct db_ops pg_ops = {
    .name = "PostgreSQL",
    .close = pg_close,
    .exec = pg_exec,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .prepare = pg_prepare,
    .finalize = pg_finalize,
    .step = pg_step,
    .column_int = pg_column_int,
    .column_text = pg_column_text,
    .column_is_null = pg_column_is_null,
    .reset = pg_reset,
};

/* ---- open ----------------------------------------------------------------- */

static void keep_secret(char **dst, const char *s, size_t n)
{
	if (n > 0 && *dst == NULL)
		*dst = xstrndup(s, n);
}

/* The password as written in the URL (user:PASSWORD@host, or
 * ?password=...), and as libpq decodes it, to scrub from messages. */
static void find_secrets(struct pg_conn *pc, const char *url)
{
	const char *auth = strstr(url, "://");
	PQconninfoOption *opts;
	const char *q;

	if (auth != NULL) {
		size_t alen;
		const char *at, *colon;

		auth += 3;
		alen = strcspn(auth, "/?");
		at = memchr(auth, '@', alen);
		colon = at != NULL ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
		if (colon != NULL)
			keep_secret(&pc->secret[0], colon + 1, (size_t)(at - colon - 1));
	}
	for (q = strchr(url, '?'); q != NULL; q = strchr(q + 1, '&')) {
		if (strncmp(q + 1, "password=", 9) == 0) {
			q += 10;
			keep_secret(&pc->secret[1], q, strcspn(q, "&"));
			break;
		}
	}
	opts = PQconninfoParse(url, NULL);
	for (PQconninfoOption *o = opts; o != NULL && o->keyword != NULL; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val != NULL)
			keep_secret(&pc->secret[2], o->val, strlen(o->val));
	PQconninfoFree(opts);
}

int db_pg_open(const char *url, struct db **out, struct ikm_err *err)
{
	/* Later keywords override earlier ones: the URL's own settings win. */
	const char *const keys[] = {"connect_timeout", "fallback_application_name", "dbname", NULL};
	const char *const vals[] = {CONNECT_TIMEOUT, "ikm", url, NULL};
	struct pg_conn *pc = xcalloc(1, sizeof(*pc));
	char *perr = NULL, line[LIB_MSG_MAX];
	PQconninfoOption *opts;
	struct db *db;

	*out = NULL;
	find_secrets(pc, url);
	opts = PQconninfoParse(url, &perr);
	if (opts == NULL) {
		err_set(err, IKM_EUSAGE, "alamat PostgreSQL tidak sah / invalid PostgreSQL URL: %s",
		        one_line(perr != NULL ? perr : "tidak ada memori / out of memory", line,
		                 sizeof(line)));
		PQfreemem(perr);
		scrub_all(pc, err);
		goto fail;
	}
	PQconninfoFree(opts);
	pc->conn = PQconnectdbParams(keys, vals, 1);
	if (pc->conn == NULL) {
		err_set(err, IKM_EIO, "PostgreSQL: tidak ada memori / out of memory");
		goto fail;
	}
	snprintf(pc->where, sizeof(pc->where), "host %s, port %s, basis data / database %s",
	         PQhost(pc->conn) != NULL ? PQhost(pc->conn) : "?",
	         PQport(pc->conn) != NULL ? PQport(pc->conn) : "?",
	         PQdb(pc->conn) != NULL ? PQdb(pc->conn) : "?");
	if (PQstatus(pc->conn) != CONNECTION_OK) {
		err_set(err, IKM_EIO, "PostgreSQL: tidak dapat terhubung / cannot connect (%s): %s",
		        pc->where, one_line(PQerrorMessage(pc->conn), line, sizeof(line)));
		scrub_all(pc, err);
		goto fail;
	}
	PQsetNoticeProcessor(pc->conn, silent_notice, NULL);
	if (PQsetClientEncoding(pc->conn, "UTF8") != 0) {
		err_set(err, IKM_EIO, "PostgreSQL: gagal memakai UTF8 / cannot use UTF8 (%s): %s",
		        pc->where, one_line(PQerrorMessage(pc->conn), line, sizeof(line)));
		goto fail;
	}
	if (run(pc, "SET client_min_messages = warning",
	        "gagal menyiapkan koneksi / cannot set up the connection", NULL, err) != 0)
		goto fail;
	pc->cancel = PQgetCancel(pc->conn);
	db = db_new(&pg_ops, DB_PG);
	db->impl = pc;
	*out = db;
	return 0;
fail:
	pc_free(pc);
	return -1;
}
