/* store: see store.h. This file opens the store and keeps the
 * organisation, units, services, periods and populations; responses,
 * instruments and aggregates are in store_response.c, the migrations in
 * store_schema.c. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

int64_t store_now(void)
{
	return (int64_t)time(NULL);
}

void store_column_copy(struct db_stmt *st, int i, char *buf, size_t size)
{
	size_t len = 0;
	const char *t = db_column_text(st, i, &len);

	if (t == NULL)
		len = 0;
	if (len >= size)
		len = size - 1;
	memcpy(buf, t != NULL ? t : "", len);
	buf[len] = '\0';
}

int store_step_done(struct db_stmt *st, const char *what, struct ikm_err *err)
{
	int rc = db_step(st, err);

	db_reset(st);
	if (rc == DB_CONSTRAINT)
		return err_set(err, IKM_EDATA, "%s", what);
	return rc == DB_DONE || rc == DB_ROW ? 0 : -1;
}

const char *store_resolve_url(const char *url)
{
	const char *u = url;

	if (u == NULL || u[0] == '\0')
		u = getenv("IKM_DB");
	if (u == NULL || u[0] == '\0')
		u = STORE_DEFAULT_URL;
	return u;
}

int store_open(const char *url, struct store **out, struct ikm_err *err)
{
	struct store *s;
	const char *u = store_resolve_url(url);

	*out = NULL;
	if (strlen(u) > STORE_URL_MAX)
		return err_set(
		    err, IKM_EUSAGE,
		    "alamat basis data terlalu panjang (lebih dari %d bait) / database URL "
		    "too long",
		    STORE_URL_MAX);
	s = xcalloc(1, sizeof(*s));
	memcpy(s->url, u, strlen(u) + 1);
	if (db_open(u, &s->db, err) < 0 || store_migrate(s, err) < 0) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	store_tally_clear(s);
	db_close(s->db);
	free(s);
}

const char *store_url(const struct store *s)
{
	return s->url;
}

int store_in_transaction(const struct store *s)
{
	return s->in_tx;
}

int store_begin(struct store *s, struct ikm_err *err)
{
	store_tally_clear(s);
	s->pc_id = 0;
	if (db_begin(s->db, err) < 0)
		return -1;
	s->in_tx = 1;
	return 0;
}

int store_commit(struct store *s, struct ikm_err *err)
{
	/* The counts go in with the responses, or nothing does. */
	if (store_tally_flush(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	s->in_tx = 0;
	s->pc_id = 0;
	return db_commit(s->db, err);
}

void store_rollback(struct store *s)
{
	store_tally_clear(s);
	s->in_tx = 0;
	s->pc_id = 0;
	db_rollback(s->db);
}

int store_tx_failed(const struct store *s)
{
	return s->in_tx && db_transaction_failed(s->db);
}

int store_seed(struct store *s, struct ikm_err *err)
{
	struct instrument in;
	struct db_stmt *st;
	int64_t id;

	if (db_prepare(s->db, "INSERT INTO organisation (name, zone) VALUES (?, 'WIB')", &st, err) <
	    0)
		return -1;
	db_bind_text(st, 1, "Pemerintah Daerah", -1);
	if (store_step_done(st, "organisasi / organisation", err) < 0)
		return -1;
	instr_standard(&in);
	return store_instrument_put(s, &in, 0, &id, err);
}

/* ---- organisation ------------------------------------------------------ */

int32_t store_today(const char *zone)
{
	int hours = strcmp(zone, "WIT") == 0 ? 9 : strcmp(zone, "WITA") == 0 ? 8 : 7;
	time_t t = time(NULL) + hours * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

int store_org_get(struct store *s, struct store_org *o, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db, "SELECT name, zone FROM organisation ORDER BY id LIMIT 1", &st, err) <
	    0)
		return -1;
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		store_column_copy(st, 0, o->name, sizeof(o->name));
		store_column_copy(st, 1, o->zone, sizeof(o->zone));
	}
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "%s: organisasi belum ada / no organisation",
		               s->url);
	return rc == DB_ROW ? 0 : -1;
}

int store_org_set(struct store *s, const char *name, const char *zone, struct ikm_err *err)
{
	struct db_stmt *st;

	if (name == NULL || name[0] == '\0' || strlen(name) > STORE_NAME_MAX)
		return err_set(err, IKM_EUSAGE,
		               "nama organisasi harus 1-%d bait / organisation name must be 1-%d "
		               "bytes",
		               STORE_NAME_MAX, STORE_NAME_MAX);
	if (strcmp(zone, "WIB") != 0 && strcmp(zone, "WITA") != 0 && strcmp(zone, "WIT") != 0)
		return err_set(
		    err, IKM_EUSAGE,
		    "zona waktu \"%.16s\" tidak dikenal; pilih WIB, WITA atau WIT / time "
		    "zone must be WIB, WITA or WIT",
		    zone);
	if (db_prepare(s->db,
	               "UPDATE organisation SET name = ?, zone = ? WHERE id = (SELECT MIN(id) FROM "
	               "organisation)",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, name, -1);
	db_bind_text(st, 2, zone, -1);
	return store_step_done(st, "organisasi / organisation", err);
}

/* ---- names and slugs --------------------------------------------------- */

int store_slug_ok(const char *slug)
{
	size_t n = strlen(slug);

	if (n == 0 || n > STORE_SLUG_MAX || slug[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = slug[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

static int check_slug(const char *what, const char *slug, struct ikm_err *err)
{
	if (slug == NULL || !store_slug_ok(slug))
		return err_set(
		    err, IKM_EUSAGE,
		    "%s \"%.80s\" tidak sah: pakai huruf kecil a-z, angka dan tanda minus, "
		    "1-%d karakter, tidak diawali minus (mis. dispenduk, akta-kelahiran) / "
		    "invalid %s slug: use a-z, 0-9 and '-'",
		    what, slug != NULL ? slug : "", STORE_SLUG_MAX, what);
	return 0;
}

static int check_name(const char *name, struct ikm_err *err)
{
	if (name == NULL || name[0] == '\0' || strlen(name) > STORE_NAME_MAX)
		return err_set(err, IKM_EUSAGE,
		               "nama harus diisi, paling banyak %d bait / a name of 1-%d bytes is "
		               "required",
		               STORE_NAME_MAX, STORE_NAME_MAX);
	return 0;
}

/* ---- units --------------------------------------------------------------- */

#define UNIT_COLS                                                                                  \
	"u.id, u.slug, u.name, COALESCE(u.parent_id, 0), COALESCE(p.slug, '') FROM unit u LEFT "   \
	"JOIN unit p ON p.id = u.parent_id"

static void unit_row(struct db_stmt *st, struct store_unit *u)
{
	u->id = db_column_int(st, 0);
	store_column_copy(st, 1, u->slug, sizeof(u->slug));
	store_column_copy(st, 2, u->name, sizeof(u->name));
	u->parent = db_column_int(st, 3);
	store_column_copy(st, 4, u->parent_slug, sizeof(u->parent_slug));
}

int store_unit_get(struct store *s, const char *slug, struct store_unit *out, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db, "SELECT " UNIT_COLS " WHERE u.slug = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, slug, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		unit_row(st, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA,
		               "unit \"%.80s\" tidak ada; lihat ikm unit list / no such unit",
		               slug);
	return rc == DB_ROW ? 0 : -1;
}

int store_unit_add(struct store *s, const char *slug, const char *name, const char *parent_slug,
                   struct store_unit *out, struct ikm_err *err)
{
	struct store_unit parent = {0}, tmp;
	struct db_stmt *st;
	char what[256];

	if (check_slug("unit", slug, err) < 0 || check_name(name, err) < 0)
		return -1;
	if (parent_slug != NULL && store_unit_get(s, parent_slug, &parent, err) < 0)
		return -1;
	if (db_prepare(s->db, "INSERT INTO unit (slug, name, parent_id) VALUES (?, ?, ?)", &st,
	               err) < 0)
		return -1;
	db_bind_text(st, 1, slug, -1);
	db_bind_text(st, 2, name, -1);
	if (parent.id != 0)
		db_bind_int(st, 3, parent.id);
	else
		db_bind_null(st, 3);
	snprintf(what, sizeof(what), "unit \"%s\" sudah ada / unit already exists", slug);
	if (store_step_done(st, what, err) < 0)
		return -1;
	return store_unit_get(s, slug, out != NULL ? out : &tmp, err);
}

int store_unit_list(struct store *s, struct store_unit **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_unit *all = NULL, *sorted;
	int cap = 0, count = 0, rc, done = 0;

	*list = NULL;
	*n = 0;
	if (db_prepare(s->db, "SELECT " UNIT_COLS " ORDER BY u.slug", &st, err) < 0)
		return -1;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, (size_t)cap, sizeof(*all));
		}
		unit_row(st, &all[count++]);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(all);
		return -1;
	}
	/* Parents before children: a depth-first walk from the top level. */
	sorted = xcalloc((size_t)(count > 0 ? count : 1), sizeof(*sorted));
	{
		int *stack = xcalloc((size_t)(count > 0 ? count : 1), sizeof(*stack));
		int top = 0;

		for (int i = count - 1; i >= 0; i--)
			if (all[i].parent == 0)
				stack[top++] = i;
		while (top > 0) {
			int i = stack[--top];

			sorted[done++] = all[i];
			for (int c = count - 1; c >= 0; c--)
				if (all[c].parent == all[i].id && top < count)
					stack[top++] = c;
		}
		free(stack);
	}
	free(all);
	*list = sorted;
	*n = done;
	return 0;
}

int store_unit_rename(struct store *s, const char *slug, const char *name, struct ikm_err *err)
{
	struct store_unit u;
	struct db_stmt *st;

	if (check_name(name, err) < 0 || store_unit_get(s, slug, &u, err) < 0)
		return -1;
	if (db_prepare(s->db, "UPDATE unit SET name = ? WHERE id = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, name, -1);
	db_bind_int(st, 2, u.id);
	return store_step_done(st, "unit / unit", err);
}

/* ---- services ---------------------------------------------------------- */

#define SERVICE_COLS                                                                               \
	"s.id, s.unit_id, s.slug, s.name, u.slug FROM service s JOIN unit u ON u.id = s.unit_id"

static void service_row(struct db_stmt *st, struct store_service *v)
{
	v->id = db_column_int(st, 0);
	v->unit = db_column_int(st, 1);
	store_column_copy(st, 2, v->slug, sizeof(v->slug));
	store_column_copy(st, 3, v->name, sizeof(v->name));
	store_column_copy(st, 4, v->unit_slug, sizeof(v->unit_slug));
}

int store_service_get(struct store *s, const char *unit_slug, const char *slug,
                      struct store_service *out, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db, "SELECT " SERVICE_COLS " WHERE u.slug = ? AND s.slug = ?", &st, err) <
	    0)
		return -1;
	db_bind_text(st, 1, unit_slug, -1);
	db_bind_text(st, 2, slug, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		service_row(st, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA,
		               "layanan \"%.80s\" tidak ada pada unit \"%.80s\"; lihat ikm service "
		               "list / no such service in the unit",
		               slug, unit_slug);
	return rc == DB_ROW ? 0 : -1;
}

int store_service_add(struct store *s, const char *slug, const char *unit_slug, const char *name,
                      struct store_service *out, struct ikm_err *err)
{
	struct store_unit u;
	struct store_service tmp;
	struct db_stmt *st;
	char what[256];

	if (check_slug("layanan", slug, err) < 0 || check_name(name, err) < 0)
		return -1;
	/* /u/UNIT/kiosk is the unit's kiosk, so no service may be called that. */
	if (strcmp(slug, "kiosk") == 0)
		return err_set(
		    err, IKM_EDATA,
		    "slug layanan \"kiosk\" dicadangkan untuk mode kios; pilih nama lain / "
		    "the service slug \"kiosk\" is reserved for the kiosk");
	if (store_unit_get(s, unit_slug, &u, err) < 0)
		return -1;
	if (db_prepare(s->db, "INSERT INTO service (unit_id, slug, name) VALUES (?, ?, ?)", &st,
	               err) < 0)
		return -1;
	db_bind_int(st, 1, u.id);
	db_bind_text(st, 2, slug, -1);
	db_bind_text(st, 3, name, -1);
	snprintf(what, sizeof(what),
	         "layanan \"%s\" sudah ada pada unit \"%s\" / service already exists", slug,
	         unit_slug);
	if (store_step_done(st, what, err) < 0)
		return -1;
	return store_service_get(s, unit_slug, slug, out != NULL ? out : &tmp, err);
}

int store_service_list(struct store *s, const char *unit_slug, struct store_service **list, int *n,
                       struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_service *all = NULL;
	int cap = 0, count = 0, rc;

	*list = NULL;
	*n = 0;
	if (unit_slug != NULL) {
		struct store_unit u;

		if (store_unit_get(s, unit_slug, &u, err) < 0)
			return -1;
	}
	if (db_prepare(s->db,
	               "SELECT " SERVICE_COLS " WHERE ? = '' OR u.slug = ? ORDER BY u.slug, s.slug",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, unit_slug != NULL ? unit_slug : "", -1);
	db_bind_text(st, 2, unit_slug != NULL ? unit_slug : "", -1);
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, (size_t)cap, sizeof(*all));
		}
		service_row(st, &all[count++]);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(all);
		return -1;
	}
	*list = all;
	*n = count;
	return 0;
}

int store_service_rename(struct store *s, const char *unit_slug, const char *slug, const char *name,
                         struct ikm_err *err)
{
	struct store_service v;
	struct db_stmt *st;

	if (check_name(name, err) < 0 || store_service_get(s, unit_slug, slug, &v, err) < 0)
		return -1;
	if (db_prepare(s->db, "UPDATE service SET name = ? WHERE id = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, name, -1);
	db_bind_int(st, 2, v.id);
	return store_step_done(st, "layanan / service", err);
}

/* ---- periods ----------------------------------------------------------- */

#define PERIOD_COLS "id, slug, name, date_from, date_to, closed FROM period"

static void period_row(struct db_stmt *st, struct store_period *p)
{
	p->id = db_column_int(st, 0);
	store_column_copy(st, 1, p->slug, sizeof(p->slug));
	store_column_copy(st, 2, p->name, sizeof(p->name));
	p->from = (int32_t)db_column_int(st, 3);
	p->to = (int32_t)db_column_int(st, 4);
	p->closed = db_column_int(st, 5) != 0;
}

int store_period_get(struct store *s, const char *slug, struct store_period *out,
                     struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db, "SELECT " PERIOD_COLS " WHERE slug = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, slug, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		period_row(st, out);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(
		    err, IKM_EDATA,
		    "periode \"%.80s\" tidak ada; lihat ikm period list / no such period", slug);
	return rc == DB_ROW ? 0 : -1;
}

int store_period_add(struct store *s, const char *slug, int32_t from, int32_t to, const char *name,
                     struct store_period *out, struct ikm_err *err)
{
	struct store_period tmp;
	struct db_stmt *st;
	char what[256];

	if (check_slug("periode", slug, err) < 0 || check_name(name != NULL ? name : slug, err) < 0)
		return -1;
	if (from > to)
		return err_set(
		    err, IKM_EUSAGE,
		    "periode \"%s\": tanggal awal %d sesudah tanggal akhir %d / --from is "
		    "after --to",
		    slug, (int)from, (int)to);
	if (db_prepare(s->db,
	               "INSERT INTO period (slug, name, date_from, date_to) VALUES (?, ?, ?, ?)",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, slug, -1);
	db_bind_text(st, 2, name != NULL ? name : slug, -1);
	db_bind_int(st, 3, from);
	db_bind_int(st, 4, to);
	snprintf(what, sizeof(what), "periode \"%s\" sudah ada / period already exists", slug);
	if (store_step_done(st, what, err) < 0)
		return -1;
	return store_period_get(s, slug, out != NULL ? out : &tmp, err);
}

int store_period_list(struct store *s, struct store_period **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_period *all = NULL;
	int cap = 0, count = 0, rc;

	*list = NULL;
	*n = 0;
	if (db_prepare(s->db, "SELECT " PERIOD_COLS " ORDER BY date_from, slug", &st, err) < 0)
		return -1;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, (size_t)cap, sizeof(*all));
		}
		period_row(st, &all[count++]);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(all);
		return -1;
	}
	*list = all;
	*n = count;
	return 0;
}

int store_period_on(struct store *s, int32_t day, struct store_period *out, int *found,
                    struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*found = 0;
	if (db_prepare(s->db,
	               "SELECT " PERIOD_COLS " WHERE date_from <= ? AND date_to >= ? ORDER BY "
	               "date_from DESC, id DESC LIMIT 1",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, day);
	db_bind_int(st, 2, day);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		period_row(st, out);
		*found = 1;
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

/* Set the closed mark of period slug. */
static int period_set_closed(struct store *s, const char *slug, int closed, struct ikm_err *err)
{
	struct store_period p;
	struct db_stmt *st;

	if (store_period_get(s, slug, &p, err) < 0)
		return -1;
	if (db_prepare(s->db, "UPDATE period SET closed = ? WHERE id = ?", &st, err) < 0)
		return -1;
	db_bind_int(st, 1, closed);
	db_bind_int(st, 2, p.id);
	return store_step_done(st, "periode / period", err);
}

int store_period_close(struct store *s, const char *slug, struct ikm_err *err)
{
	return period_set_closed(s, slug, 1, err);
}

int store_period_reopen(struct store *s, const char *slug, struct ikm_err *err)
{
	return period_set_closed(s, slug, 0, err);
}

/* ---- population -------------------------------------------------------- */

int store_population_set(struct store *s, int64_t unit, int64_t service, int64_t period, int64_t n,
                         struct ikm_err *err)
{
	struct db_stmt *st;

	if (n < 1)
		return err_set(err, IKM_EUSAGE,
		               "populasi harus 1 atau lebih / population must be >= 1");
	if (db_prepare(
		s->db,
		"INSERT INTO population (unit_id, service_id, period_id, n) VALUES (?, ?, ?, "
		"?) ON CONFLICT (unit_id, service_id, period_id) DO UPDATE SET n = "
		"excluded.n",
		&st, err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, service);
	db_bind_int(st, 3, period);
	db_bind_int(st, 4, n);
	return store_step_done(st, "populasi: unit atau periode tidak ada / unknown unit or period",
	                       err);
}

int store_population_get(struct store *s, int64_t unit, int64_t service, int64_t period, int64_t *n,
                         struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (db_prepare(s->db,
	               "SELECT n FROM population WHERE unit_id = ? AND service_id = ? AND "
	               "period_id = ?",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, service);
	db_bind_int(st, 3, period);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}
