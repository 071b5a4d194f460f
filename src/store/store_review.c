/* store_review: the review of flagged responses (store_user.h). A decision
 * is kept in `review` (one row per response, the latest decision); an
 * excluded response has response.excluded = 1 and is taken out of the
 * `tally` and `flag_tally` counts of its scope in the same transaction,
 * so every aggregate (store_aggregate, `ikm compute --unit`) leaves it
 * out, and store_responses_each marks it (r->excluded). Accepting it again puts its
 * counts back. The flip of response.excluded is a conditional update, so
 * deciding the same twice (or two staff at once on PostgreSQL) changes
 * the counts once. */
#include "store_int.h"
#include "store_user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

#define SCOPE_WHERE                                                                                \
	"r.unit_id = ? AND r.period_id = ? AND (CAST(? AS BIGINT) = 0 OR r.service_id = ?)"

/* The columns of a struct store_flagged, then the scope (9..11). */
#define FLAGGED_COLS                                                                               \
	"SELECT r.id, r.submitted_at, r.survey_date, r.channel, r.answers, r.flags, "              \
	"COALESCE(v.decision, ''), COALESCE(v.reason, ''), COALESCE(u.username, ''), "             \
	"COALESCE(v.at, 0), r.suggestion, r.unit_id, r.period_id, r.service_id FROM response r "   \
	"LEFT JOIN review v ON v.response_id = r.id LEFT JOIN app_user u ON u.id = v.user_id "

static void bind_scope(struct db_stmt *st, const struct store_scope *sc)
{
	db_bind_int(st, 1, sc->unit);
	db_bind_int(st, 2, sc->period);
	db_bind_int(st, 3, sc->service);
	db_bind_int(st, 4, sc->service);
}

static void flagged_row(struct db_stmt *st, struct store_flagged *f, struct store_scope *sc)
{
	char decision[16];

	memset(f, 0, sizeof(*f));
	f->id = db_column_int(st, 0);
	f->submitted = db_column_int(st, 1);
	f->date = (int32_t)db_column_int(st, 2);
	store_column_copy(st, 3, f->channel, sizeof(f->channel));
	store_column_copy(st, 4, f->answers, sizeof(f->answers));
	f->flags = (unsigned)db_column_int(st, 5);
	store_column_copy(st, 6, decision, sizeof(decision));
	f->reviewed = strcmp(decision, "accept") == 0    ? 1
	              : strcmp(decision, "exclude") == 0 ? 2
	                                                 : 0;
	store_column_copy(st, 7, f->reason, sizeof(f->reason));
	store_column_copy(st, 8, f->reviewer, sizeof(f->reviewer));
	f->reviewed_at = db_column_int(st, 9);
	store_column_copy(st, 10, f->suggestion, sizeof(f->suggestion));
	if (sc != NULL) {
		sc->unit = db_column_int(st, 11);
		sc->period = db_column_int(st, 12);
		sc->service = db_column_int(st, 13);
	}
}

int store_flagged_list(struct store *s, const struct store_scope *sc, int offset, int limit,
                       struct store_flagged **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_flagged *all;
	int count = 0, rc = DB_DONE;

	*list = NULL;
	*n = 0;
	if (limit < 1 || offset < 0)
		return 0;
	if (db_prepare(s->db,
	               FLAGGED_COLS "WHERE " SCOPE_WHERE " AND r.flags <> 0 ORDER BY r.id "
	                            "LIMIT ? OFFSET ?",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	db_bind_int(st, 5, limit);
	db_bind_int(st, 6, offset);
	all = xcalloc((size_t)limit, sizeof(*all));
	while (count < limit && (rc = db_step(st, err)) == DB_ROW)
		flagged_row(st, &all[count++], NULL);
	db_reset(st);
	if (count < limit && rc != DB_DONE) {
		free(all);
		return -1;
	}
	*list = all;
	*n = count;
	return 0;
}

int store_flagged_count(struct store *s, const struct store_scope *sc, int64_t *n,
                        struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (db_prepare(s->db,
	               "SELECT COUNT(*) FROM response r WHERE " SCOPE_WHERE " AND r.flags <> 0",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

int store_flagged_get(struct store *s, int64_t response, struct store_scope *sc,
                      struct store_flagged *out, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db, FLAGGED_COLS "WHERE r.id = ?", &st, err) < 0)
		return -1;
	db_bind_int(st, 1, response);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		flagged_row(st, out, sc);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "tanggapan %lld tidak ada / no such response",
		               (long long)response);
	return rc == DB_ROW ? 0 : -1;
}

/* ---- decisions ------------------------------------------------------------ */

/* Take one count out of a tally row (sql: an UPDATE ... RETURNING n of
 * the key bound by bind), deleting the row when it reaches 0. */
static int count_down(struct store *s, int flags_table, const struct store_response *r,
                      const char *answers, struct ikm_err *err)
{
	static const char *const down[2] = {
	    "UPDATE tally SET n = n - 1 WHERE unit_id = ? AND service_id = ? AND period_id = ? "
	    "AND instrument_id = ? AND answers = ? RETURNING n",
	    "UPDATE flag_tally SET n = n - 1 WHERE unit_id = ? AND service_id = ? AND period_id = "
	    "? AND flags = ? RETURNING n"};
	static const char *const drop[2] = {
	    "DELETE FROM tally WHERE unit_id = ? AND service_id = ? AND period_id = ? AND "
	    "instrument_id = ? AND answers = ? AND n <= 0",
	    "DELETE FROM flag_tally WHERE unit_id = ? AND service_id = ? AND period_id = ? AND "
	    "flags = ? AND n <= 0"};
	struct db_stmt *st;
	int64_t left = 0;
	int rc;

	for (int pass = 0; pass < 2; pass++) {
		if (db_prepare(s->db, pass == 0 ? down[flags_table] : drop[flags_table], &st, err) <
		    0)
			return -1;
		db_bind_int(st, 1, r->unit);
		db_bind_int(st, 2, r->service);
		db_bind_int(st, 3, r->period);
		if (flags_table) {
			db_bind_int(st, 4, r->flags);
		} else {
			db_bind_int(st, 4, r->instrument);
			db_bind_text(st, 5, answers, -1);
		}
		if (pass == 1)
			return store_step_done(st, "hitungan / counts", err);
		rc = db_step(st, err);
		if (rc == DB_ROW)
			left = db_column_int(st, 0);
		db_reset(st);
		if (rc == DB_DONE)
			return err_set(
			    err, IKM_EDATA,
			    "hitungan tanggapan tidak cocok dengan tanggapan tersimpan / "
			    "the counts do not match the stored responses");
		if (rc != DB_ROW)
			return -1;
		if (left > 0)
			return 0;
	}
	return 0;
}

/* Check the reason: 0, or -1 with err set. */
static int reason_check(const char *reason, struct ikm_err *err)
{
	const char *p = reason;
	size_t n = reason != NULL ? strlen(reason) : 0;

	if (n > STORE_REASON_MAX)
		return err_set(err, IKM_ELIMIT,
		               "alasan terlalu panjang (paling banyak %d byte) / reason too long",
		               STORE_REASON_MAX);
	if (p != NULL)
		text_trim(&p, &n);
	if (n == 0)
		return err_set(err, IKM_EDATA, "alasan wajib diisi / a reason is required");
	return 0;
}

/* The response's row: *excluded and *closed (its period). */
static int response_state(struct store *s, int64_t response, int *excluded, int *closed,
                          struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(
		s->db,
		"SELECT r.excluded, p.closed, p.slug FROM response r JOIN period p ON p.id = "
		"r.period_id WHERE r.id = ?",
		&st, err) < 0)
		return -1;
	db_bind_int(st, 1, response);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		char slug[STORE_SLUG_MAX + 1];

		*excluded = db_column_int(st, 0) != 0;
		*closed = db_column_int(st, 1) != 0;
		store_column_copy(st, 2, slug, sizeof(slug));
		db_reset(st);
		if (*closed)
			return err_set(
			    err, IKM_EDATA,
			    "periode \"%s\" sudah ditutup; keputusan tinjauan tidak dapat "
			    "diubah / the period is closed",
			    slug);
		return 0;
	}
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "tanggapan %lld tidak ada / no such response",
		               (long long)response);
	return -1;
}

/* Flip response.excluded to `want` when it is not so already, and move
 * its counts with it. */
static int flip(struct store *s, int64_t response, int want, struct ikm_err *err)
{
	struct store_response *r;
	struct db_stmt *st;
	char answers[INSTR_MAX_ELEMENTS + 1] = "";
	int rc;

	if (db_prepare(s->db,
	               "UPDATE response SET excluded = ? WHERE id = ? AND excluded <> ? RETURNING "
	               "unit_id, service_id, period_id, instrument_id, answers, flags",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, want);
	db_bind_int(st, 2, response);
	db_bind_int(st, 3, want);
	r = xcalloc(1, sizeof(*r));
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		r->unit = db_column_int(st, 0);
		r->service = db_column_int(st, 1);
		r->period = db_column_int(st, 2);
		r->instrument = db_column_int(st, 3);
		store_column_copy(st, 4, answers, sizeof(answers));
		r->flags = (unsigned)db_column_int(st, 5);
	}
	db_reset(st);
	if (rc == DB_DONE) {
		free(r);
		return 0; /* decided so before */
	}
	if (rc != DB_ROW) {
		free(r);
		return -1;
	}
	if (want)
		rc = count_down(s, 0, r, answers, err) < 0 || count_down(s, 1, r, answers, err) < 0
		         ? -1
		         : 0;
	else
		rc = store_tally_now(s, r, answers, err);
	free(r);
	return rc;
}

int store_review_set(struct store *s, int64_t response, enum store_decision d, const char *reason,
                     int64_t user, struct ikm_err *err)
{
	struct db_stmt *st;
	int own = !db_in_transaction(s->db), excluded = 0, closed = 0;

	if (d != STORE_ACCEPT && d != STORE_EXCLUDE)
		return err_set(err, IKM_EUSAGE, "keputusan tidak dikenal / unknown decision");
	if (reason_check(reason, err) < 0)
		return -1;
	if (own && db_begin(s->db, err) < 0)
		return -1;
	/* Responses stored earlier in the caller's transaction: their counts
	 * first, so that the ones of this response are in the tables. */
	if (s->in_tx && store_tally_flush(s, err) < 0)
		goto fail;
	if (response_state(s, response, &excluded, &closed, err) < 0 ||
	    flip(s, response, d == STORE_EXCLUDE, err) < 0)
		goto fail;
	if (db_prepare(s->db,
	               "INSERT INTO review (response_id, decision, reason, user_id, at) VALUES (?, "
	               "?, ?, ?, ?) ON CONFLICT (response_id) DO UPDATE SET decision = "
	               "excluded.decision, reason = excluded.reason, user_id = excluded.user_id, "
	               "at = excluded.at",
	               &st, err) < 0)
		goto fail;
	db_bind_int(st, 1, response);
	db_bind_text(st, 2, d == STORE_EXCLUDE ? "exclude" : "accept", -1);
	db_bind_text(st, 3, reason, -1);
	db_bind_int(st, 4, user);
	db_bind_int(st, 5, store_now());
	if (store_step_done(st, "keputusan tinjauan ditolak / review refused", err) < 0)
		goto fail;
	return own ? db_commit(s->db, err) : 0;
fail:
	if (own)
		db_rollback(s->db);
	return -1;
}
