/* store_user: users, sessions, failed sign-ins and the audit log of the
 * office console (store_user.h). Passwords and tokens arrive hashed: the
 * store never sees a secret. */
#include "store_int.h"
#include "store_user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const role_names[STORE_NROLES] = {"admin-kota", "admin-unit", "operator",
                                                     "pimpinan"};

const char *store_role_name(enum store_role r)
{
	return r >= 0 && r < STORE_NROLES ? role_names[r] : "?";
}

int store_role_parse(const char *s)
{
	for (int i = 0; s != NULL && i < STORE_NROLES; i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	return -1;
}

int store_username_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > STORE_USERNAME_MAX || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		      s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* The role's rule on a unit. */
static int check_role_unit(enum store_role role, int64_t unit, struct ikm_err *err)
{
	if (role < 0 || role >= STORE_NROLES)
		return err_set(err, IKM_EDATA, "peran tidak dikenal / unknown role");
	if ((role == STORE_ROLE_ADMIN_UNIT || role == STORE_ROLE_OPERATOR) && unit == 0)
		return err_set(err, IKM_EDATA,
		               "peran %s memerlukan unit (--unit SLUG) / role %s needs a unit",
		               role_names[role], role_names[role]);
	if (role == STORE_ROLE_ADMIN_KOTA && unit != 0)
		return err_set(err, IKM_EDATA,
		               "admin-kota berlaku untuk seluruh organisasi; jangan beri unit / "
		               "admin-kota covers the whole organisation: give no unit");
	return 0;
}

int store_user_add(struct store *s, const struct store_user *u, int64_t *id, struct ikm_err *err)
{
	struct db_stmt *st;
	char what[160];
	int rc;

	if (!store_username_ok(u->username))
		return err_set(err, IKM_EDATA,
		               "nama pengguna \"%.40s\" tidak sah: 1-%d huruf kecil, angka, titik, "
		               "garis bawah atau minus, diawali huruf / invalid username",
		               u->username, STORE_USERNAME_MAX);
	if (check_role_unit(u->role, u->unit, err) < 0)
		return -1;
	if (u->pwhash[0] == '\0')
		return err_set(err, IKM_EDATA, "kata sandi kosong / no password");
	if (db_prepare(s->db,
	               "INSERT INTO app_user (username, name, role, unit_id, password_hash, "
	               "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, u->username, -1);
	db_bind_text(st, 2, u->name, -1);
	db_bind_text(st, 3, role_names[u->role], -1);
	if (u->unit != 0)
		db_bind_int(st, 4, u->unit);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, u->pwhash, -1);
	db_bind_int(st, 6, store_now());
	rc = db_step(st, err);
	if (rc == DB_ROW && id != NULL)
		*id = db_column_int(st, 0);
	db_reset(st);
	if (rc == DB_CONSTRAINT) {
		snprintf(what, sizeof(what),
		         "pengguna \"%.40s\" sudah ada, atau unitnya tidak ada / user exists or "
		         "unknown unit",
		         u->username);
		return err_set(err, IKM_EDATA, "%s", what);
	}
	return rc == DB_ROW ? 0 : -1;
}

#define USER_COLS                                                                                  \
	"u.id, u.username, u.name, u.role, COALESCE(u.unit_id, 0), COALESCE(t.slug, ''), "         \
	"u.password_hash, u.created_at, u.disabled, u.failed, u.locked_until FROM app_user u "     \
	"LEFT JOIN unit t ON t.id = u.unit_id"

static void user_row(struct db_stmt *st, struct store_user *u)
{
	char role[32];
	int r;

	memset(u, 0, sizeof(*u));
	u->id = db_column_int(st, 0);
	store_column_copy(st, 1, u->username, sizeof(u->username));
	store_column_copy(st, 2, u->name, sizeof(u->name));
	store_column_copy(st, 3, role, sizeof(role));
	r = store_role_parse(role);
	u->role = r >= 0 ? (enum store_role)r : STORE_ROLE_PIMPINAN;
	u->unit = db_column_int(st, 4);
	store_column_copy(st, 5, u->unit_slug, sizeof(u->unit_slug));
	store_column_copy(st, 6, u->pwhash, sizeof(u->pwhash));
	u->created = db_column_int(st, 7);
	u->disabled = db_column_int(st, 8);
	u->failed = (int)db_column_int(st, 9);
	u->locked_until = db_column_int(st, 10);
}

/* One user by the prepared st (bound); IKM_EDATA "what" when none. */
static int user_one(struct db_stmt *st, struct store_user *u, const char *what, struct ikm_err *err)
{
	int rc = db_step(st, err);

	if (rc == DB_ROW)
		user_row(st, u);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "pengguna %s tidak ada / no such user", what);
	return rc == DB_ROW ? 0 : -1;
}

int store_user_get(struct store *s, const char *username, struct store_user *u, struct ikm_err *err)
{
	struct db_stmt *st;
	char what[64];

	if (db_prepare(s->db, "SELECT " USER_COLS " WHERE u.username = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, username, -1);
	snprintf(what, sizeof(what), "\"%.40s\"", username);
	return user_one(st, u, what, err);
}

int store_user_get_id(struct store *s, int64_t id, struct store_user *u, struct ikm_err *err)
{
	struct db_stmt *st;
	char what[32];

	if (db_prepare(s->db, "SELECT " USER_COLS " WHERE u.id = ?", &st, err) < 0)
		return -1;
	db_bind_int(st, 1, id);
	snprintf(what, sizeof(what), "#%lld", (long long)id);
	return user_one(st, u, what, err);
}

int store_user_list(struct store *s, struct store_user **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_user *all = NULL;
	int cap = 0, count = 0, rc;

	*list = NULL;
	*n = 0;
	if (db_prepare(s->db, "SELECT " USER_COLS " ORDER BY u.username", &st, err) < 0)
		return -1;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, (size_t)cap, sizeof(*all));
		}
		user_row(st, &all[count++]);
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

int store_user_count(struct store *s, int64_t *n, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (db_prepare(s->db, "SELECT COUNT(*) FROM app_user", &st, err) < 0)
		return -1;
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

/* Run an update of one user in the transaction (own one when outside),
 * then end the user's sessions when `end_sessions`. */
static int user_update(struct store *s, const char *sql, int64_t id, const char *text, int64_t a,
                       int64_t b, int nargs, int end_sessions, struct ikm_err *err)
{
	struct db_stmt *st;
	int own = !db_in_transaction(s->db), i = 1, rc;

	if (own && db_begin(s->db, err) < 0)
		return -1;
	if (db_prepare(s->db, sql, &st, err) < 0)
		goto fail;
	if (text != NULL)
		db_bind_text(st, i++, text, -1);
	if (nargs >= 1)
		db_bind_int(st, i++, a);
	if (nargs >= 2)
		db_bind_int(st, i++, b);
	db_bind_int(st, i, id);
	rc = store_step_done(st, "perubahan pengguna ditolak / user change refused", err);
	if (rc < 0)
		goto fail;
	if (end_sessions && store_session_delete_user(s, id, err) < 0)
		goto fail;
	return own ? db_commit(s->db, err) : 0;
fail:
	if (own)
		db_rollback(s->db);
	return -1;
}

int store_user_set_password(struct store *s, int64_t id, const char *pwhash, struct ikm_err *err)
{
	if (pwhash == NULL || pwhash[0] == '\0' || strlen(pwhash) > STORE_PWHASH_MAX)
		return err_set(err, IKM_EDATA, "hash kata sandi tidak sah / bad password hash");
	return user_update(s,
	                   "UPDATE app_user SET password_hash = ?, failed = 0, locked_until = 0 "
	                   "WHERE id = ?",
	                   id, pwhash, 0, 0, 0, 1, err);
}

int store_user_set_role(struct store *s, int64_t id, enum store_role role, int64_t unit,
                        struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (check_role_unit(role, unit, err) < 0)
		return -1;
	if (db_prepare(s->db, "UPDATE app_user SET role = ?, unit_id = ? WHERE id = ?", &st, err) <
	    0)
		return -1;
	db_bind_text(st, 1, role_names[role], -1);
	if (unit != 0)
		db_bind_int(st, 2, unit);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, id);
	rc = store_step_done(st, "unit tidak ada / unknown unit", err);
	return rc;
}

int store_user_set_disabled(struct store *s, int64_t id, int64_t at, struct ikm_err *err)
{
	return user_update(s, "UPDATE app_user SET disabled = ? WHERE id = ?", id, NULL, at, 0, 1,
	                   at != 0, err);
}

int store_user_login_result(struct store *s, int64_t id, int ok, int64_t locked_until,
                            struct ikm_err *err)
{
	if (ok)
		return user_update(s,
		                   "UPDATE app_user SET failed = 0, locked_until = 0 WHERE id = ?",
		                   id, NULL, 0, 0, 0, 0, err);
	return user_update(s,
	                   "UPDATE app_user SET failed = failed + 1, locked_until = ? WHERE id = ?",
	                   id, NULL, locked_until, 0, 1, 0, err);
}

int store_user_lock_admins(struct store *s, int64_t *n, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (!db_in_transaction(s->db))
		return err_set(err, IKM_EUSAGE,
		               "store_user_lock_admins di luar transaksi / outside a transaction");
	/* Another key than the migration lock's (store_schema.c). */
	if (db_dialect(s->db) == DB_PG &&
	    db_exec(s->db, "SELECT pg_advisory_xact_lock(4957342)", err) < 0)
		return -1;
	if (db_prepare(s->db,
	               "SELECT COUNT(*) FROM app_user WHERE role = 'admin-kota' AND disabled = 0",
	               &st, err) < 0)
		return -1;
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

int store_unit_within(struct store *s, int64_t unit, int64_t ancestor, int *within,
                      struct ikm_err *err)
{
	struct db_stmt *st;
	int64_t at = unit;

	*within = 0;
	if (db_prepare(s->db, "SELECT COALESCE(parent_id, 0) FROM unit WHERE id = ?", &st, err) < 0)
		return -1;
	/* Walk up the tree (bounded: a tree is never deeper than its units). */
	for (int depth = 0; at != 0 && depth < 4096; depth++) {
		int rc;

		if (at == ancestor) {
			*within = 1;
			return 0;
		}
		db_bind_int(st, 1, at);
		rc = db_step(st, err);
		at = rc == DB_ROW ? db_column_int(st, 0) : 0;
		db_reset(st);
		if (rc != DB_ROW && rc != DB_DONE)
			return -1;
	}
	return 0;
}

/* ---- sessions ------------------------------------------------------------ */

int store_session_add(struct store *s, const char *token_hash, int64_t user, int64_t now,
                      const char *remote, struct ikm_err *err)
{
	struct db_stmt *st;

	if (db_prepare(
		s->db,
		"INSERT INTO user_session (token_hash, user_id, created_at, seen_at, remote) "
		"VALUES (?, ?, ?, ?, ?)",
		&st, err) < 0)
		return -1;
	db_bind_text(st, 1, token_hash, -1);
	db_bind_int(st, 2, user);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, now);
	db_bind_text(st, 5, remote != NULL ? remote : "", -1);
	return store_step_done(st, "sesi ganda / duplicate session", err);
}

int store_session_get(struct store *s, const char *token_hash, struct store_session *out,
                      struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if (db_prepare(s->db,
	               "SELECT user_id, created_at, seen_at, remote FROM user_session WHERE "
	               "token_hash = ?",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, token_hash, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		out->user = db_column_int(st, 0);
		out->created = db_column_int(st, 1);
		out->seen = db_column_int(st, 2);
		store_column_copy(st, 3, out->remote, sizeof(out->remote));
	}
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "sesi tidak ada / no such session");
	return rc == DB_ROW ? 0 : -1;
}

/* One statement with a text and up to two integers. */
static int exec_text_ints(struct store *s, const char *sql, const char *text, int nints, int64_t a,
                          int64_t b, struct ikm_err *err)
{
	struct db_stmt *st;
	int i = 1;

	if (db_prepare(s->db, sql, &st, err) < 0)
		return -1;
	if (nints >= 1)
		db_bind_int(st, i++, a);
	if (nints >= 2)
		db_bind_int(st, i++, b);
	if (text != NULL)
		db_bind_text(st, i, text, -1);
	return store_step_done(st, "ditolak / refused", err);
}

int store_session_touch(struct store *s, const char *token_hash, int64_t now, struct ikm_err *err)
{
	return exec_text_ints(s, "UPDATE user_session SET seen_at = ? WHERE token_hash = ?",
	                      token_hash, 1, now, 0, err);
}

int store_session_delete(struct store *s, const char *token_hash, struct ikm_err *err)
{
	return exec_text_ints(s, "DELETE FROM user_session WHERE token_hash = ?", token_hash, 0, 0,
	                      0, err);
}

int store_session_delete_user(struct store *s, int64_t user, struct ikm_err *err)
{
	return exec_text_ints(s, "DELETE FROM user_session WHERE user_id = ?", NULL, 1, user, 0,
	                      err);
}

int store_session_purge(struct store *s, int64_t created_before, int64_t seen_before,
                        struct ikm_err *err)
{
	return exec_text_ints(s, "DELETE FROM user_session WHERE created_at < ? OR seen_at < ?",
	                      NULL, 2, created_before, seen_before, err);
}

/* ---- failed sign-ins ------------------------------------------------------ */

int store_login_failure_add(struct store *s, const char *remote, int64_t now, int64_t forget_before,
                            struct ikm_err *err)
{
	struct db_stmt *st;

	if (exec_text_ints(s, "DELETE FROM login_failure WHERE at < ?", NULL, 1, forget_before, 0,
	                   err) < 0 ||
	    db_prepare(s->db, "INSERT INTO login_failure (remote, at) VALUES (?, ?)", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, remote != NULL ? remote : "", -1);
	db_bind_int(st, 2, now);
	return store_step_done(st, "ditolak / refused", err);
}

int store_login_failures(struct store *s, const char *remote, int64_t since, int64_t *n,
                         struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (db_prepare(s->db, "SELECT COUNT(*) FROM login_failure WHERE remote = ? AND at >= ?",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, remote != NULL ? remote : "", -1);
	db_bind_int(st, 2, since);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

/* ---- audit log ------------------------------------------------------------ */

/* Bind at most max bytes of text, cut at a UTF-8 character boundary: a
 * character the limit would split, or one already split (a caller's
 * snprintf into a buffer of the limit's size), is left out. */
static void bind_cut(struct db_stmt *st, int i, const char *text, size_t max)
{
	const unsigned char *t = (const unsigned char *)(text != NULL ? text : "");
	size_t n = strnlen((const char *)t, max), lead = n;

	/* The last character's lead byte, and the bytes it needs. */
	while (lead > 0 && (t[lead - 1] & 0xC0) == 0x80 && n - lead < 3)
		lead--;
	if (lead > 0 && t[lead - 1] >= 0xC0) {
		size_t need = t[lead - 1] >= 0xF0 ? 4 : t[lead - 1] >= 0xE0 ? 3 : 2;

		if (n - (lead - 1) < need)
			n = lead - 1;
	}
	db_bind_text(st, i, (const char *)t, (ptrdiff_t)n);
}

int store_audit_add(struct store *s, const struct store_audit *a, struct ikm_err *err)
{
	struct db_stmt *st;

	if (db_prepare(s->db,
	               "INSERT INTO audit (at, user_id, username, remote, action, object, detail) "
	               "VALUES (?, ?, ?, ?, ?, ?, ?)",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, a->at != 0 ? a->at : store_now());
	db_bind_int(st, 2, a->user);
	bind_cut(st, 3, a->username, STORE_USERNAME_MAX);
	bind_cut(st, 4, a->remote, sizeof(a->remote) - 1);
	bind_cut(st, 5, a->action, STORE_AUDIT_ACTION_MAX);
	bind_cut(st, 6, a->object, STORE_AUDIT_OBJECT_MAX);
	bind_cut(st, 7, a->detail, STORE_AUDIT_DETAIL_MAX);
	return store_step_done(st, "catatan audit ditolak / audit entry refused", err);
}

int store_audit_list(struct store *s, int64_t before, int limit, struct store_audit **list, int *n,
                     struct ikm_err *err)
{
	return store_audit_search(s, NULL, NULL, before, limit, list, n, err);
}

int store_audit_search(struct store *s, const char *username, const char *action, int64_t before,
                       int limit, struct store_audit **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_audit *all;
	char family[STORE_AUDIT_ACTION_MAX + 2];
	int count = 0, rc = DB_DONE;

	*list = NULL;
	*n = 0;
	if (limit < 1)
		return 0;
	if (username == NULL)
		username = "";
	if (action == NULL)
		action = "";
	snprintf(family, sizeof(family), "%s.", action);
	if (db_prepare(
		s->db,
		"SELECT id, at, user_id, username, remote, action, object, detail FROM audit "
		"WHERE id < ? AND (CAST(? AS TEXT) = '' OR username = ?) AND "
		"(CAST(? AS TEXT) = '' OR action = ? OR substr(action, 1, CAST(? AS INTEGER)) = ?) "
		"ORDER BY id DESC LIMIT ?",
		&st, err) < 0)
		return -1;
	db_bind_int(st, 1, before > 0 ? before : INT64_MAX);
	db_bind_text(st, 2, username, -1);
	db_bind_text(st, 3, username, -1);
	db_bind_text(st, 4, action, -1);
	db_bind_text(st, 5, action, -1);
	db_bind_int(st, 6, (int64_t)strlen(family));
	db_bind_text(st, 7, family, -1);
	db_bind_int(st, 8, limit);
	all = xcalloc((size_t)limit, sizeof(*all));
	while (count < limit && (rc = db_step(st, err)) == DB_ROW) {
		struct store_audit *a = &all[count++];

		a->id = db_column_int(st, 0);
		a->at = db_column_int(st, 1);
		a->user = db_column_int(st, 2);
		store_column_copy(st, 3, a->username, sizeof(a->username));
		store_column_copy(st, 4, a->remote, sizeof(a->remote));
		store_column_copy(st, 5, a->action, sizeof(a->action));
		store_column_copy(st, 6, a->object, sizeof(a->object));
		store_column_copy(st, 7, a->detail, sizeof(a->detail));
	}
	if (count < limit && rc != DB_DONE) {
		db_reset(st);
		free(all);
		return -1;
	}
	db_reset(st);
	*list = all;
	*n = count;
	return 0;
}

/* ---- office profile --------------------------------------------------------- */

static int profile_key_ok(const char *key)
{
	size_t n = key != NULL ? strlen(key) : 0;

	if (n == 0 || n > STORE_PROFILE_KEY_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
		      key[i] == '.' || key[i] == '_'))
			return 0;
	return 1;
}

int store_profile_get(struct store *s, const char *key, char **value, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*value = NULL;
	if (!profile_key_ok(key))
		return err_set(err, IKM_EUSAGE, "kunci profil tidak sah / bad profile key");
	if (db_prepare(s->db, "SELECT value FROM office_profile WHERE key = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, key, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		size_t n = 0;
		const char *v = db_column_text(st, 0, &n);

		*value = xmalloc(n + 1);
		memcpy(*value, v != NULL ? v : "", n);
		(*value)[n] = '\0';
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int store_profile_set(struct store *s, const char *key, const char *value, struct ikm_err *err)
{
	struct db_stmt *st;

	if (!profile_key_ok(key))
		return err_set(err, IKM_EUSAGE, "kunci profil tidak sah / bad profile key");
	if (value != NULL && strlen(value) > STORE_PROFILE_VALUE_MAX)
		return err_set(err, IKM_ELIMIT,
		               "nilai profil terlalu panjang / profile value too long");
	if (db_prepare(s->db, "DELETE FROM office_profile WHERE key = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, key, -1);
	if (store_step_done(st, "ditolak / refused", err) < 0)
		return -1;
	if (value == NULL)
		return 0;
	if (db_prepare(s->db, "INSERT INTO office_profile (key, value) VALUES (?, ?)", &st, err) <
	    0)
		return -1;
	db_bind_text(st, 1, key, -1);
	db_bind_text(st, 2, value, -1);
	return store_step_done(st, "ditolak / refused", err);
}
