/* store_pending: see store_pending.h. Answers are kept as one digit per
 * element, as in the response table. */
#include "store_int.h"
#include "store_pending.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define COLUMNS                                                                                    \
	"client_id, unit_id, period_id, service_id, instrument_id, sheet, form_id, user_id, "      \
	"created_at, survey_date, answers, gender, age, education, job, suggestion"

int store_pending_put(struct store *s, const struct store_pending *p, struct ikm_err *err)
{
	const struct store_response *r = &p->r;
	char answers[INSTR_MAX_ELEMENTS + 1];
	struct db_stmt *st;
	int own = s->in_tx; /* inside the caller's transaction */

	if (r->client_id[0] == '\0' || p->sheet[0] == '\0' || r->k < 1 || r->k > INSTR_MAX_ELEMENTS)
		return err_set(err, IKM_EDATA,
		               "entri tanpa nomor lembar atau jawaban / entry without a sheet "
		               "number or answers");
	for (int j = 0; j < r->k; j++)
		answers[j] = (char)('0' + (r->answers[j] <= 4 ? r->answers[j] : 0));
	answers[r->k] = '\0';
	/* Replace in one transaction (its own unless the caller's). */
	if (!own && db_begin(s->db, err) < 0)
		return -1;
	if (store_pending_delete(s, r->client_id, err) < 0 ||
	    db_prepare(s->db,
	               "INSERT INTO entry_pending (" COLUMNS
	               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	               &st, err) < 0)
		goto fail;
	db_bind_text(st, 1, r->client_id, -1);
	db_bind_int(st, 2, r->unit);
	db_bind_int(st, 3, r->period);
	db_bind_int(st, 4, r->service);
	db_bind_int(st, 5, r->instrument);
	db_bind_text(st, 6, p->sheet, -1);
	db_bind_text(st, 7, p->form_id, -1);
	db_bind_int(st, 8, p->user);
	db_bind_int(st, 9, p->created);
	db_bind_int(st, 10, r->date);
	db_bind_text(st, 11, answers, -1);
	db_bind_text(st, 12, r->gender, -1);
	db_bind_int(st, 13, r->age);
	db_bind_text(st, 14, r->education, -1);
	db_bind_text(st, 15, r->job, -1);
	db_bind_text(st, 16, r->suggestion, -1);
	if (store_step_done(st,
	                    "unit, periode atau instrumen entri tidak dikenal / unknown unit, "
	                    "period or instrument",
	                    err) < 0)
		goto fail;
	return own ? 0 : db_commit(s->db, err);
fail:
	if (!own)
		db_rollback(s->db);
	return -1;
}

/* The current row of a SELECT of COLUMNS into *p. */
static void pending_row(struct db_stmt *st, struct store_pending *p)
{
	struct store_response *r = &p->r;
	size_t n = 0;
	const char *a;

	memset(p, 0, sizeof(*p));
	store_column_copy(st, 0, r->client_id, sizeof(r->client_id));
	r->unit = db_column_int(st, 1);
	r->period = db_column_int(st, 2);
	r->service = db_column_int(st, 3);
	r->instrument = db_column_int(st, 4);
	store_column_copy(st, 5, p->sheet, sizeof(p->sheet));
	store_column_copy(st, 6, p->form_id, sizeof(p->form_id));
	p->user = db_column_int(st, 7);
	p->created = db_column_int(st, 8);
	r->date = (int32_t)db_column_int(st, 9);
	a = db_column_text(st, 10, &n);
	for (size_t j = 0; a != NULL && j < n && j < INSTR_MAX_ELEMENTS; j++)
		r->answers[r->k++] = (uint8_t)(a[j] >= '0' && a[j] <= '4' ? a[j] - '0' : 0);
	store_column_copy(st, 11, r->gender, sizeof(r->gender));
	r->age = (int)db_column_int(st, 12);
	store_column_copy(st, 13, r->education, sizeof(r->education));
	store_column_copy(st, 14, r->job, sizeof(r->job));
	store_column_copy(st, 15, r->suggestion, sizeof(r->suggestion));
	r->channel = STORE_PAPER;
}

int store_pending_get(struct store *s, const char *client_id, struct store_pending *p, int *found,
                      struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*found = 0;
	if (db_prepare(s->db, "SELECT " COLUMNS " FROM entry_pending WHERE client_id = ?", &st,
	               err) < 0)
		return -1;
	db_bind_text(st, 1, client_id, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		pending_row(st, p);
		*found = 1;
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int store_pending_delete(struct store *s, const char *client_id, struct ikm_err *err)
{
	struct db_stmt *st;

	if (db_prepare(s->db, "DELETE FROM entry_pending WHERE client_id = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, client_id, -1);
	return store_step_done(st, "entri / entry", err);
}

int store_pending_list(struct store *s, int64_t unit, int64_t period, int limit,
                       struct store_pending **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc, cap = 0;

	*list = NULL;
	*n = 0;
	if (db_prepare(s->db,
	               "SELECT " COLUMNS " FROM entry_pending WHERE unit_id = ? AND period_id = ? "
	               "ORDER BY created_at, sheet LIMIT ?",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, period);
	db_bind_int(st, 3, limit > 0 ? limit : 0);
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*list = xrealloc(*list, (size_t)cap * sizeof(**list));
		}
		pending_row(st, &(*list)[(*n)++]);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(*list);
		*list = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int store_pending_stored(struct store *s, const char *client_id, int *stored, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*stored = 0;
	if (db_prepare(s->db, "SELECT 1 FROM response WHERE client_id = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, client_id, -1);
	rc = db_step(st, err);
	*stored = rc == DB_ROW;
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}
