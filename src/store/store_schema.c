/* store_schema: the numbered migrations of the store, written once for
 * both dialects (@ID@ becomes SQLite's rowid key or a PostgreSQL identity
 * column), applied on open in one transaction. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Migration 1: the survey data model. Dates are yyyymmdd integers and
 * times unix seconds (UTC); answers are one digit per element of the
 * instrument version ("434443444", 0 = not answered); `tally` counts each
 * distinct answer string of a scope and `flag_tally` each quality-flag set,
 * both kept in the transaction that stores the response. */
static const char migration_1[] =
    "CREATE TABLE organisation (id @ID@, name TEXT NOT NULL, zone TEXT NOT NULL DEFAULT 'WIB' "
    "  CHECK (zone IN ('WIB', 'WITA', 'WIT')));"
    "CREATE TABLE unit (id @ID@, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
    "  parent_id BIGINT REFERENCES unit (id));"
    "CREATE TABLE service (id @ID@, unit_id BIGINT NOT NULL REFERENCES unit (id), "
    "  slug TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (unit_id, slug));"
    "CREATE TABLE instrument (id @ID@, unit_id BIGINT NOT NULL DEFAULT 0, "
    "  version BIGINT NOT NULL, spec TEXT NOT NULL, created_at BIGINT NOT NULL, "
    "  UNIQUE (unit_id, version));"
    "CREATE TABLE period (id @ID@, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
    "  date_from BIGINT NOT NULL, date_to BIGINT NOT NULL, closed BIGINT NOT NULL DEFAULT 0, "
    "  CHECK (date_from <= date_to));"
    "CREATE TABLE population (unit_id BIGINT NOT NULL REFERENCES unit (id), "
    "  service_id BIGINT NOT NULL DEFAULT 0, period_id BIGINT NOT NULL REFERENCES period (id), "
    "  n BIGINT NOT NULL CHECK (n > 0), PRIMARY KEY (unit_id, service_id, period_id));"
    "CREATE TABLE response (id @ID@, unit_id BIGINT NOT NULL REFERENCES unit (id), "
    "  service_id BIGINT NOT NULL DEFAULT 0, "
    "  period_id BIGINT NOT NULL REFERENCES period (id), "
    "  instrument_id BIGINT NOT NULL REFERENCES instrument (id), "
    "  channel TEXT NOT NULL CHECK (channel IN ('web', 'kiosk', 'paper', 'import', 'api')), "
    "  submitted_at BIGINT NOT NULL, survey_date BIGINT NOT NULL DEFAULT 0, "
    "  answers TEXT NOT NULL, gender TEXT NOT NULL DEFAULT '', age BIGINT NOT NULL DEFAULT -1, "
    "  education TEXT NOT NULL DEFAULT '', job TEXT NOT NULL DEFAULT '', "
    "  service_text TEXT NOT NULL DEFAULT '', suggestion TEXT NOT NULL DEFAULT '', "
    "  flags BIGINT NOT NULL DEFAULT 0, ticket_hash TEXT, client_id TEXT UNIQUE);"
    "CREATE INDEX response_scope ON response (unit_id, period_id, service_id);"
    "CREATE UNIQUE INDEX response_ticket ON response (unit_id, ticket_hash);"
    "CREATE TABLE tally (unit_id BIGINT NOT NULL, service_id BIGINT NOT NULL, "
    "  period_id BIGINT NOT NULL, instrument_id BIGINT NOT NULL, answers TEXT NOT NULL, "
    "  n BIGINT NOT NULL, "
    "  PRIMARY KEY (unit_id, period_id, service_id, instrument_id, answers));"
    "CREATE TABLE flag_tally (unit_id BIGINT NOT NULL, service_id BIGINT NOT NULL, "
    "  period_id BIGINT NOT NULL, flags BIGINT NOT NULL, n BIGINT NOT NULL, "
    "  PRIMARY KEY (unit_id, period_id, service_id, flags));";

/* Migration 2: keys of the submission API (POST /api/v1/responses). Only
 * the BLAKE2b-256 hash (hex) of a key is kept; the key is shown once. */
static const char migration_2[] =
    "CREATE TABLE api_key (id @ID@, name TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL UNIQUE, "
    "  created_at BIGINT NOT NULL, revoked BIGINT NOT NULL DEFAULT 0);";

/* Migration 3: the office console. Users with a role (and a unit for the
 * unit roles) and an Argon2id password hash; sessions kept as the hash of
 * their token; failed sign-ins per address (for throttling across
 * processes); the audit log; the review of flagged responses (an excluded
 * response leaves the tallies, so it counts nowhere); the office profile
 * (letterhead fields, the logo as base64 text); files uploaded for an
 * import between its preview and its commit (base64, by the hash of a
 * token the form carries). */
static const char migration_3[] =
    "CREATE TABLE app_user (id @ID@, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
    "  role TEXT NOT NULL CHECK (role IN ('admin-kota', 'admin-unit', 'operator', "
    "  'pimpinan')), unit_id BIGINT REFERENCES unit (id), password_hash TEXT NOT NULL, "
    "  created_at BIGINT NOT NULL, disabled BIGINT NOT NULL DEFAULT 0, "
    "  failed BIGINT NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0);"
    "CREATE TABLE user_session (token_hash TEXT PRIMARY KEY, "
    "  user_id BIGINT NOT NULL REFERENCES app_user (id), created_at BIGINT NOT NULL, "
    "  seen_at BIGINT NOT NULL, remote TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX user_session_user ON user_session (user_id);"
    "CREATE TABLE login_failure (remote TEXT NOT NULL, at BIGINT NOT NULL);"
    "CREATE INDEX login_failure_remote ON login_failure (remote, at);"
    "CREATE TABLE audit (id @ID@, at BIGINT NOT NULL, user_id BIGINT NOT NULL DEFAULT 0, "
    "  username TEXT NOT NULL, remote TEXT NOT NULL, action TEXT NOT NULL, "
    "  object TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE review (response_id BIGINT PRIMARY KEY REFERENCES response (id), "
    "  decision TEXT NOT NULL CHECK (decision IN ('accept', 'exclude')), "
    "  reason TEXT NOT NULL, user_id BIGINT NOT NULL, at BIGINT NOT NULL);"
    "ALTER TABLE response ADD COLUMN excluded BIGINT NOT NULL DEFAULT 0;"
    "CREATE TABLE office_profile (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE upload (token_hash TEXT PRIMARY KEY, "
    "  user_id BIGINT NOT NULL REFERENCES app_user (id), created_at BIGINT NOT NULL, "
    "  name TEXT NOT NULL, data TEXT NOT NULL);";

/* Migration 4: paper entry checked twice (double entry). The first entry
 * of a sheet waits here, not counted, until a second entry of the same
 * sheet matches it; then one response is stored and the row goes. The key
 * is the client id the response will carry (derived from unit, period and
 * sheet number), so a sheet waits once; form_id tells a resent form from
 * a second entry. */
static const char migration_4[] =
    "CREATE TABLE entry_pending (client_id TEXT PRIMARY KEY, "
    "  unit_id BIGINT NOT NULL REFERENCES unit (id), "
    "  period_id BIGINT NOT NULL REFERENCES period (id), "
    "  service_id BIGINT NOT NULL DEFAULT 0, "
    "  instrument_id BIGINT NOT NULL REFERENCES instrument (id), "
    "  sheet TEXT NOT NULL, form_id TEXT NOT NULL, user_id BIGINT NOT NULL, "
    "  created_at BIGINT NOT NULL, survey_date BIGINT NOT NULL DEFAULT 0, "
    "  answers TEXT NOT NULL, gender TEXT NOT NULL DEFAULT '', "
    "  age BIGINT NOT NULL DEFAULT -1, education TEXT NOT NULL DEFAULT '', "
    "  job TEXT NOT NULL DEFAULT '', suggestion TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX entry_pending_scope ON entry_pending (unit_id, period_id, sheet);";

static const char *const migrations[STORE_SCHEMA] = {migration_1, migration_2, migration_3,
                                                     migration_4};

/* sql with every @ID@ replaced for the dialect (caller frees). */
static char *dialect_sql(const char *sql, enum db_dialect d)
{
	const char *id = d == DB_PG ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	                            : "INTEGER PRIMARY KEY";
	size_t n = 0, idlen = strlen(id);
	const char *p;
	char *out, *o;

	for (p = sql; (p = strstr(p, "@ID@")) != NULL; p += 4)
		n++;
	out = o = xmalloc(strlen(sql) + n * idlen + 1);
	for (p = sql;;) {
		const char *q = strstr(p, "@ID@");

		if (q == NULL) {
			memcpy(o, p, strlen(p) + 1); /* sized above */
			break;
		}
		memcpy(o, p, (size_t)(q - p));
		o += q - p;
		memcpy(o, id, idlen);
		o += idlen;
		p = q + 4;
	}
	return out;
}

/* The version recorded in schema_migrations (0 for a new database). */
static int current_version(struct db *db, int *version, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &st, err) < 0)
		return -1;
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*version = (int)db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

int store_schema_version(struct store *s, int *version, struct ikm_err *err)
{
	return current_version(s->db, version, err);
}

int store_migrate(struct store *s, struct ikm_err *err)
{
	struct db *db = s->db;
	int version = 0;

	/* Up to date, the usual case: no write lock. A server's threads open
	 * their connections at once, beside its writer. */
	{
		struct ikm_err ignored = {0};

		if (current_version(db, &version, &ignored) == 0 && version == STORE_SCHEMA)
			return 0;
	}
	if (db_begin(db, err) < 0)
		return -1;
	/* Concurrent openers of one PostgreSQL database take turns. */
	if (db_dialect(db) == DB_PG &&
	    db_exec(db, "SELECT pg_advisory_xact_lock(4957341)", err) < 0)
		goto fail;
	if (db_exec(db,
	            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
	            "applied_at BIGINT NOT NULL)",
	            err) < 0 ||
	    current_version(db, &version, err) < 0)
		goto fail;
	if (version > STORE_SCHEMA) {
		err_set(err, IKM_EDATA,
		        "%s: skema basis data versi %d lebih baru daripada ikm ini (versi %d); "
		        "perbarui ikm / database schema is newer than this ikm",
		        s->url, version, STORE_SCHEMA);
		goto fail;
	}
	for (int v = version + 1; v <= STORE_SCHEMA; v++) {
		char *sql = dialect_sql(migrations[v - 1], db_dialect(db));
		struct db_stmt *st;
		int rc = db_exec(db, sql, err);

		free(sql);
		if (rc < 0) {
			err_prefix(err, "migrasi %d / migration %d: ", v, v);
			goto fail;
		}
		if (db_prepare(db,
		               "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
		               &st, err) < 0)
			goto fail;
		db_bind_int(st, 1, v);
		db_bind_int(st, 2, store_now());
		rc = db_step(st, err);
		db_reset(st);
		if (rc != DB_DONE)
			goto fail;
		if (v == 1 && store_seed(s, err) < 0)
			goto fail;
	}
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}
