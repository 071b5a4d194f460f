/* store_monitor: the counts behind the console's monitoring pages
 * (store_monitor.h). The progress of a period comes from the pattern
 * counts (flag_tally, a few rows per scope), so the overview stays cheap
 * however many responses are stored; the counts of one scope read its
 * responses (three grouped queries on the scope's index). */
#include "store_int.h"
#include "store_monitor.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define SCOPE_WHERE                                                                                \
	"r.unit_id = ? AND r.period_id = ? AND (CAST(? AS BIGINT) = 0 OR r.service_id = ?)"

static void bind_scope(struct db_stmt *st, const struct store_scope *sc)
{
	db_bind_int(st, 1, sc->unit);
	db_bind_int(st, 2, sc->period);
	db_bind_int(st, 3, sc->service);
	db_bind_int(st, 4, sc->service);
}

/* ---- progress of a period ------------------------------------------------ */

struct progress_list {
	struct store_progress *p;
	int n, cap;
};

/* The entry of (unit, service), added when missing. */
static struct store_progress *entry(struct progress_list *l, int64_t unit, int64_t service)
{
	for (int i = l->n - 1; i >= 0; i--)
		if (l->p[i].unit == unit && l->p[i].service == service)
			return &l->p[i];
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->p = xreallocarray(l->p, (size_t)l->cap, sizeof(*l->p));
	}
	memset(&l->p[l->n], 0, sizeof(l->p[0]));
	l->p[l->n].unit = unit;
	l->p[l->n].service = service;
	return &l->p[l->n++];
}

static int progress_cmp(const void *a, const void *b)
{
	const struct store_progress *x = a, *y = b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->service < y->service ? -1 : x->service > y->service;
}

int store_period_progress(struct store *s, int64_t period, struct store_progress **list, int *n,
                          struct ikm_err *err)
{
	struct progress_list l = {0};
	struct db_stmt *st;
	int rc;

	*list = NULL;
	*n = 0;
	if (db_prepare(s->db,
	               "SELECT unit_id, service_id, SUM(n) FROM flag_tally WHERE period_id = ? "
	               "GROUP BY unit_id, service_id ORDER BY unit_id, service_id",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, period);
	while ((rc = db_step(st, err)) == DB_ROW) {
		int64_t unit = db_column_int(st, 0), service = db_column_int(st, 1);
		uint64_t count = (uint64_t)db_column_int(st, 2);

		if (count == 0)
			continue;
		entry(&l, unit, 0)->counted += count;
		if (service != 0)
			entry(&l, unit, service)->counted += count;
	}
	db_reset(st);
	if (rc != DB_DONE)
		goto fail;
	if (db_prepare(s->db, "SELECT unit_id, service_id, n FROM population WHERE period_id = ?",
	               &st, err) < 0)
		goto fail;
	db_bind_int(st, 1, period);
	while ((rc = db_step(st, err)) == DB_ROW)
		entry(&l, db_column_int(st, 0), db_column_int(st, 1))->population =
		    db_column_int(st, 2);
	db_reset(st);
	if (rc != DB_DONE)
		goto fail;
	if (l.n > 0)
		qsort(l.p, (size_t)l.n, sizeof(*l.p), progress_cmp);
	*list = l.p;
	*n = l.n;
	return 0;
fail:
	free(l.p);
	return -1;
}

/* ---- counts of one scope ---------------------------------------------------- */

static const char *const channel_names[STORE_NCHANNELS] = {"web", "kiosk", "paper", "import",
                                                           "api"};

static int by_channel(struct store *s, const struct store_scope *sc, struct store_counts *c,
                      struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db,
	               "SELECT r.channel, r.excluded, COUNT(*) FROM response r WHERE " SCOPE_WHERE
	               " GROUP BY r.channel, r.excluded",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW) {
		char ch[16];
		uint64_t count = (uint64_t)db_column_int(st, 2);

		store_column_copy(st, 0, ch, sizeof(ch));
		if (db_column_int(st, 1) != 0) {
			c->excluded += count;
			continue;
		}
		c->counted += count;
		for (int i = 0; i < STORE_NCHANNELS; i++)
			if (strcmp(ch, channel_names[i]) == 0)
				c->channel[i] += count;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

static int by_day(struct store *s, const struct store_scope *sc, struct store_counts *c,
                  struct ikm_err *err)
{
	struct db_stmt *st;
	int rc, cap = 0;

	if (db_prepare(s->db,
	               "SELECT r.survey_date, COUNT(*) FROM response r WHERE " SCOPE_WHERE
	               " AND r.excluded = 0 GROUP BY r.survey_date ORDER BY r.survey_date",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW) {
		int32_t day = (int32_t)db_column_int(st, 0);
		uint64_t count = (uint64_t)db_column_int(st, 1);

		if (day == 0) {
			c->undated += count;
			continue;
		}
		if (c->ndays == STORE_COUNT_DAYS_MAX) {
			db_reset(st);
			return err_set(
			    err, IKM_ELIMIT,
			    "lebih dari %d hari survei dalam satu hitungan / more than %d "
			    "survey days",
			    STORE_COUNT_DAYS_MAX, STORE_COUNT_DAYS_MAX);
		}
		if (c->ndays == cap) {
			cap = cap ? cap * 2 : 64;
			c->days = xreallocarray(c->days, (size_t)cap, sizeof(*c->days));
		}
		c->days[c->ndays].day = day;
		c->days[c->ndays++].n = count;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

static int by_flag(struct store *s, const struct store_scope *sc, struct store_counts *c,
                   struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db,
	               "SELECT r.flags, r.excluded, COALESCE(v.decision, ''), COUNT(*) FROM "
	               "response r LEFT JOIN review v ON v.response_id = r.id WHERE " SCOPE_WHERE
	               " AND r.flags <> 0 GROUP BY r.flags, r.excluded, v.decision",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW) {
		unsigned flags = (unsigned)db_column_int(st, 0);
		int excluded = db_column_int(st, 1) != 0;
		char decision[16];
		uint64_t count = (uint64_t)db_column_int(st, 3);

		store_column_copy(st, 2, decision, sizeof(decision));
		c->flagged += count;
		if (decision[0] == '\0')
			c->flagged_open += count;
		for (int b = 0; b < STORE_NFLAG_BITS; b++) {
			if (!(flags & (1u << b)))
				continue;
			c->flag[b] += count;
			if (excluded)
				c->flag_excluded[b] += count;
			else if (strcmp(decision, "accept") == 0)
				c->flag_accepted[b] += count;
		}
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

int store_scope_counts(struct store *s, const struct store_scope *sc, struct store_counts *out,
                       struct ikm_err *err)
{
	memset(out, 0, sizeof(*out));
	if (by_channel(s, sc, out, err) < 0 || by_day(s, sc, out, err) < 0 ||
	    by_flag(s, sc, out, err) < 0) {
		store_counts_free(out);
		return -1;
	}
	return 0;
}

void store_counts_free(struct store_counts *c)
{
	if (c == NULL)
		return;
	free(c->days);
	c->days = NULL;
	c->ndays = 0;
}
