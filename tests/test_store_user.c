/* What the office console keeps in the store (store_user.c), on SQLite
 * always and on PostgreSQL when IKM_TEST_PG_URL names a throwaway database:
 * users (add, get, list, the role and unit rules, duplicate and invalid
 * usernames, role, password and disable changes), sessions (add, get,
 * touch, delete, delete a user's, purge), failed sign-ins per address
 * (counting, forgetting), the change lock of the admins, the audit log
 * (paging, search, long UTF-8 text cut at a character boundary),
 * store_unit_within on a three-level tree, and the office profile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_user.h"
#include "storetest.h"
#include "testutil.h"

/* Units a > a1 > a1x and b, by id in ids[0..3]. */
static void tree(struct store *st, int64_t ids[4])
{
	struct store_unit u;
	struct ikm_err err = {0};

	assert_int_equal(store_unit_add(st, "a", "Dinas A", NULL, &u, &err), 0);
	ids[0] = u.id;
	assert_int_equal(store_unit_add(st, "a1", "Bidang A1", "a", &u, &err), 0);
	ids[1] = u.id;
	assert_int_equal(store_unit_add(st, "a1x", "Seksi A1X", "a1", &u, &err), 0);
	ids[2] = u.id;
	assert_int_equal(store_unit_add(st, "b", "Dinas B", NULL, &u, &err), 0);
	ids[3] = u.id;
}

static struct store_user user(const char *username, enum store_role role, int64_t unit)
{
	struct store_user u = {0};

	snprintf(u.username, sizeof(u.username), "%s", username);
	snprintf(u.name, sizeof(u.name), "Nama %s", username);
	u.role = role;
	u.unit = unit;
	snprintf(u.pwhash, sizeof(u.pwhash), "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA");
	return u;
}

static void test_roles_and_usernames(void **state)
{
	static const char *const good[] = {"a", "budi", "budi.s_2-x",
	                                   "abcdefghijklmnopqrstuvwxyz012345"};
	static const char *const bad[] = {
	    "",      "Budi", "1budi", "budi s",
	    "_budi", "büdi", "budi/", "abcdefghijklmnopqrstuvwxyz0123456"};

	(void)state;
	for (int r = 0; r < STORE_NROLES; r++)
		assert_int_equal(store_role_parse(store_role_name(r)), r);
	assert_string_equal(store_role_name(STORE_ROLE_ADMIN_KOTA), "admin-kota");
	assert_string_equal(store_role_name(STORE_ROLE_PIMPINAN), "pimpinan");
	assert_string_equal(store_role_name(STORE_NROLES), "?");
	assert_int_equal(store_role_parse("Admin-Kota"), -1);
	assert_int_equal(store_role_parse(""), -1);
	assert_int_equal(store_role_parse(NULL), -1);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(store_username_ok(good[i]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(store_username_ok(bad[i]));
	assert_false(store_username_ok(NULL));
}

static void test_users(void **state)
{
	const char *url = storetest_fresh(state, "users");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_user u, *list;
	int64_t ids[4], id = 0, n = 0;
	int count = 0;

	tree(st, ids);
	assert_int_equal(store_user_count(st, &n, &err), 0);
	assert_int_equal(n, 0);
	u = user("kota", STORE_ROLE_ADMIN_KOTA, 0);
	assert_int_equal(store_user_add(st, &u, &id, &err), 0);
	assert_true(id > 0);
	u = user("ua", STORE_ROLE_ADMIN_UNIT, ids[1]);
	assert_int_equal(store_user_add(st, &u, NULL, &err), 0);
	u = user("op", STORE_ROLE_OPERATOR, ids[2]);
	assert_int_equal(store_user_add(st, &u, NULL, &err), 0);
	u = user("pim", STORE_ROLE_PIMPINAN, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), 0);
	u = user("pima", STORE_ROLE_PIMPINAN, ids[0]);
	assert_int_equal(store_user_add(st, &u, NULL, &err), 0);

	/* The rules of roles and units, and what the store refuses. */
	u = user("x", STORE_ROLE_ADMIN_UNIT, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "memerlukan unit");
	u = user("x", STORE_ROLE_OPERATOR, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	u = user("x", STORE_ROLE_ADMIN_KOTA, ids[0]);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	assert_contains(err.msg, "seluruh organisasi");
	u = user("x", (enum store_role)7, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	u = user("x", STORE_ROLE_OPERATOR, 999999);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	u = user("kota", STORE_ROLE_PIMPINAN, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "sudah ada");
	u = user("Kota Besar", STORE_ROLE_PIMPINAN, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	assert_contains(err.msg, "tidak sah");
	u = user("x", STORE_ROLE_PIMPINAN, 0);
	u.pwhash[0] = '\0';
	assert_int_equal(store_user_add(st, &u, NULL, &err), -1);
	assert_int_equal(store_user_count(st, &n, &err), 0);
	assert_int_equal(n, 5);

	assert_int_equal(store_user_get(st, "op", &u, &err), 0);
	assert_string_equal(u.username, "op");
	assert_string_equal(u.name, "Nama op");
	assert_int_equal(u.role, STORE_ROLE_OPERATOR);
	assert_int_equal(u.unit, ids[2]);
	assert_string_equal(u.unit_slug, "a1x");
	assert_true(u.created > 0);
	assert_int_equal(u.disabled, 0);
	assert_int_equal(u.failed, 0);
	assert_int_equal(u.locked_until, 0);
	assert_int_equal(store_user_get_id(st, id, &u, &err), 0);
	assert_string_equal(u.username, "kota");
	assert_string_equal(u.unit_slug, "");
	assert_int_equal(store_user_get(st, "tidak-ada", &u, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_user_get_id(st, 424242, &u, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_user_list(st, &list, &count, &err), 0);
	assert_int_equal(count, 5);
	assert_string_equal(list[0].username, "kota");
	assert_string_equal(list[1].username, "op");
	assert_string_equal(list[4].username, "ua");
	free(list);

	/* Role changes follow the same rules. */
	assert_int_equal(store_user_get(st, "op", &u, &err), 0);
	assert_int_equal(store_user_set_role(st, u.id, STORE_ROLE_PIMPINAN, 0, &err), 0);
	assert_int_equal(store_user_set_role(st, u.id, STORE_ROLE_ADMIN_UNIT, 0, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_user_set_role(st, u.id, STORE_ROLE_ADMIN_KOTA, ids[3], &err), -1);
	assert_int_equal(store_user_set_role(st, u.id, STORE_ROLE_OPERATOR, 999999, &err), -1);
	assert_int_equal(store_user_set_role(st, u.id, STORE_ROLE_ADMIN_UNIT, ids[3], &err), 0);
	assert_int_equal(store_user_get_id(st, u.id, &u, &err), 0);
	assert_int_equal(u.role, STORE_ROLE_ADMIN_UNIT);
	assert_string_equal(u.unit_slug, "b");

	/* Sign-in results: failures count and lock; a success forgets them. */
	assert_int_equal(store_user_login_result(st, u.id, 0, 0, &err), 0);
	assert_int_equal(store_user_login_result(st, u.id, 0, 12345, &err), 0);
	assert_int_equal(store_user_get_id(st, u.id, &u, &err), 0);
	assert_int_equal(u.failed, 2);
	assert_int_equal(u.locked_until, 12345);
	assert_int_equal(store_user_login_result(st, u.id, 1, 0, &err), 0);
	assert_int_equal(store_user_get_id(st, u.id, &u, &err), 0);
	assert_int_equal(u.failed, 0);
	assert_int_equal(u.locked_until, 0);

	/* A new password ends the sessions and the lock; disabling ends the
	 * sessions, enabling does not bring them back. */
	assert_int_equal(store_user_login_result(st, u.id, 0, 999, &err), 0);
	assert_int_equal(store_session_add(st, "h1", u.id, 100, "10.0.0.1", &err), 0);
	assert_int_equal(store_user_set_password(st, u.id, "$argon2id$baru", &err), 0);
	assert_int_equal(store_user_get_id(st, u.id, &u, &err), 0);
	assert_string_equal(u.pwhash, "$argon2id$baru");
	assert_int_equal(u.failed, 0);
	assert_int_equal(u.locked_until, 0);
	{
		struct store_session ss;

		assert_int_equal(store_session_get(st, "h1", &ss, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
		assert_int_equal(store_session_add(st, "h2", u.id, 100, "10.0.0.1", &err), 0);
		assert_int_equal(store_user_set_disabled(st, u.id, 5000, &err), 0);
		assert_int_equal(store_session_get(st, "h2", &ss, &err), -1);
		assert_int_equal(store_user_get_id(st, u.id, &u, &err), 0);
		assert_int_equal(u.disabled, 5000);
		assert_int_equal(store_user_set_disabled(st, u.id, 0, &err), 0);
		assert_int_equal(store_user_get_id(st, u.id, &u, &err), 0);
		assert_int_equal(u.disabled, 0);
	}
	assert_int_equal(store_user_set_password(st, u.id, "", &err), -1);
	assert_int_equal(store_user_set_password(st, u.id, NULL, &err), -1);
	store_close(st);
}

static void test_lock_admins(void **state)
{
	const char *url = storetest_fresh(state, "lock");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_user u;
	int64_t n = -1, id2 = 0;

	assert_int_equal(store_user_lock_admins(st, &n, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	u = user("k1", STORE_ROLE_ADMIN_KOTA, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), 0);
	u = user("k2", STORE_ROLE_ADMIN_KOTA, 0);
	assert_int_equal(store_user_add(st, &u, &id2, &err), 0);
	u = user("p", STORE_ROLE_PIMPINAN, 0);
	assert_int_equal(store_user_add(st, &u, NULL, &err), 0);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_user_lock_admins(st, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_user_set_disabled(st, id2, 77, &err), 0);
	assert_int_equal(store_user_lock_admins(st, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_commit(st, &err), 0);
	/* Rolled back: the change is gone. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_user_set_disabled(st, id2, 0, &err), 0);
	store_rollback(st);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_user_lock_admins(st, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_commit(st, &err), 0);
	store_close(st);
}

static void test_unit_within(void **state)
{
	const char *url = storetest_fresh(state, "within");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	int64_t ids[4];
	int w = -1;
	/* unit, ancestor, within? (indexes into ids; 9: an unknown id) */
	static const int cases[][3] = {
	    {0, 0, 1}, {1, 0, 1}, {2, 0, 1}, {2, 1, 1}, {2, 2, 1}, {0, 1, 0}, {1, 2, 0},
	    {0, 2, 0}, {3, 0, 0}, {2, 3, 0}, {3, 3, 1}, {9, 0, 0}, {0, 9, 0},
	};

	tree(st, ids);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t unit = cases[i][0] == 9 ? 999999 : ids[cases[i][0]];
		int64_t anc = cases[i][1] == 9 ? 999999 : ids[cases[i][1]];

		assert_int_equal(store_unit_within(st, unit, anc, &w, &err), 0);
		if (w != cases[i][2])
			fail_msg("case %zu: within(%d, %d) = %d", i, cases[i][0], cases[i][1], w);
	}
	assert_int_equal(store_unit_within(st, 0, ids[0], &w, &err), 0);
	assert_int_equal(w, 0);
	store_close(st);
}

static void test_sessions_and_failures(void **state)
{
	const char *url = storetest_fresh(state, "sessions");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_session ss;
	struct store_user u = user("op", STORE_ROLE_PIMPINAN, 0),
			  v = user("op2", STORE_ROLE_PIMPINAN, 0);
	int64_t id = 0, id2 = 0, n = -1;

	assert_int_equal(store_user_add(st, &u, &id, &err), 0);
	assert_int_equal(store_user_add(st, &v, &id2, &err), 0);
	assert_int_equal(store_session_add(st, "s1", id, 1000, "10.0.0.1", &err), 0);
	assert_int_equal(store_session_add(st, "s2", id, 2000, "10.0.0.2", &err), 0);
	assert_int_equal(store_session_add(st, "s3", id2, 3000, NULL, &err), 0);
	assert_int_equal(store_session_add(st, "s1", id2, 4000, "x", &err), -1);
	assert_int_equal(store_session_get(st, "s1", &ss, &err), 0);
	assert_int_equal(ss.user, id);
	assert_int_equal(ss.created, 1000);
	assert_int_equal(ss.seen, 1000);
	assert_string_equal(ss.remote, "10.0.0.1");
	assert_int_equal(store_session_get(st, "s3", &ss, &err), 0);
	assert_string_equal(ss.remote, "");
	assert_int_equal(store_session_get(st, "nope", &ss, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_session_touch(st, "s1", 1500, &err), 0);
	assert_int_equal(store_session_get(st, "s1", &ss, &err), 0);
	assert_int_equal(ss.created, 1000);
	assert_int_equal(ss.seen, 1500);
	assert_int_equal(store_session_delete(st, "s1", &err), 0);
	assert_int_equal(store_session_get(st, "s1", &ss, &err), -1);
	assert_int_equal(store_session_delete(st, "s1", &err), 0); /* gone: no error */
	assert_int_equal(store_session_add(st, "s4", id, 5000, "", &err), 0);
	assert_int_equal(store_session_delete_user(st, id, &err), 0);
	assert_int_equal(store_session_get(st, "s2", &ss, &err), -1);
	assert_int_equal(store_session_get(st, "s4", &ss, &err), -1);
	assert_int_equal(store_session_get(st, "s3", &ss, &err), 0); /* another user's stays */
	/* Purge: created before, or idle since before. */
	assert_int_equal(store_session_add(st, "old", id, 100, "", &err), 0);
	assert_int_equal(store_session_add(st, "idle", id, 6000, "", &err), 0);
	assert_int_equal(store_session_add(st, "live", id, 6000, "", &err), 0);
	assert_int_equal(store_session_touch(st, "live", 9000, &err), 0);
	assert_int_equal(store_session_purge(st, 500, 8000, &err), 0);
	assert_int_equal(store_session_get(st, "old", &ss, &err), -1);
	assert_int_equal(store_session_get(st, "idle", &ss, &err), -1);
	assert_int_equal(store_session_get(st, "s3", &ss, &err), -1);
	assert_int_equal(store_session_get(st, "live", &ss, &err), 0);

	/* Failed sign-ins per address: counted since a time, forgotten when old. */
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_login_failure_add(st, "192.0.2.1", 100 + i, 0, &err), 0);
	assert_int_equal(store_login_failure_add(st, "192.0.2.2", 150, 0, &err), 0);
	assert_int_equal(store_login_failures(st, "192.0.2.1", 0, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_login_failures(st, "192.0.2.1", 101, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_login_failures(st, "192.0.2.2", 0, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_login_failures(st, "192.0.2.9", 0, &n, &err), 0);
	assert_int_equal(n, 0);
	/* A new failure forgets those before forget_before, everywhere. */
	assert_int_equal(store_login_failure_add(st, "192.0.2.1", 1000, 102, &err), 0);
	assert_int_equal(store_login_failures(st, "192.0.2.1", 0, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_login_failures(st, "192.0.2.2", 0, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_login_failure_add(st, "192.0.2.3", 1001, 200, &err), 0);
	assert_int_equal(store_login_failures(st, "192.0.2.2", 0, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_login_failures(st, "192.0.2.1", 0, &n, &err), 0);
	assert_int_equal(n, 1);
	store_close(st);
}

static void add_entry(struct store *st, int64_t at, const char *who, const char *action,
                      const char *object, const char *detail)
{
	struct store_audit a = {0};
	struct ikm_err err = {0};

	a.at = at;
	snprintf(a.username, sizeof(a.username), "%s", who);
	snprintf(a.remote, sizeof(a.remote), "10.0.0.1");
	snprintf(a.action, sizeof(a.action), "%s", action);
	snprintf(a.object, sizeof(a.object), "%s", object);
	snprintf(a.detail, sizeof(a.detail), "%s", detail);
	assert_int_equal(store_audit_add(st, &a, &err), 0);
}

static void test_audit(void **state)
{
	const char *url = storetest_fresh(state, "audit");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_audit *list, a = {0};
	int n = -1;

	assert_int_equal(store_audit_list(st, 0, 10, &list, &n, &err), 0);
	assert_int_equal(n, 0);
	free(list);
	for (int i = 0; i < 25; i++) {
		char object[32];

		snprintf(object, sizeof(object), "nomor %d", i);
		add_entry(st, 1000 + i, i % 2 ? "ani" : "budi", i % 3 ? "user.add" : "login.fail",
		          object, "");
	}
	/* Newest first, ten at a time, continued below the last id. */
	assert_int_equal(store_audit_list(st, 0, 10, &list, &n, &err), 0);
	assert_int_equal(n, 10);
	assert_string_equal(list[0].object, "nomor 24");
	assert_int_equal(list[0].at, 1024);
	assert_string_equal(list[0].remote, "10.0.0.1");
	assert_string_equal(list[9].object, "nomor 15");
	for (int i = 1; i < n; i++)
		assert_true(list[i].id < list[i - 1].id);
	{
		int64_t last = list[9].id;

		free(list);
		assert_int_equal(store_audit_list(st, last, 10, &list, &n, &err), 0);
		assert_int_equal(n, 10);
		assert_string_equal(list[0].object, "nomor 14");
		last = list[9].id;
		free(list);
		assert_int_equal(store_audit_list(st, last, 10, &list, &n, &err), 0);
		assert_int_equal(n, 5);
		assert_string_equal(list[4].object, "nomor 0");
		free(list);
	}
	assert_int_equal(store_audit_list(st, 0, 0, &list, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_null(list);

	/* Search: by user, by action, by family ("user" is not "users"). */
	add_entry(st, 2000, "ani", "users.odd", "x", "");
	add_entry(st, 2001, "ani", "user", "y", "");
	assert_int_equal(store_audit_search(st, "ani", NULL, 0, 100, &list, &n, &err), 0);
	assert_int_equal(n, 14);
	free(list);
	assert_int_equal(store_audit_search(st, "", "login.fail", 0, 100, &list, &n, &err), 0);
	assert_int_equal(n, 9);
	for (int i = 0; i < n; i++)
		assert_string_equal(list[i].action, "login.fail");
	free(list);
	assert_int_equal(store_audit_search(st, NULL, "user", 0, 100, &list, &n, &err), 0);
	assert_int_equal(n, 17);
	assert_string_equal(list[0].object, "y");
	for (int i = 0; i < n; i++)
		assert_string_not_equal(list[i].action, "users.odd");
	free(list);
	assert_int_equal(store_audit_search(st, "budi", "user", 0, 100, &list, &n, &err), 0);
	assert_int_equal(n, 8);
	free(list);
	assert_int_equal(store_audit_search(st, "' OR 1=1 --", "user%", 0, 100, &list, &n, &err),
	                 0);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_audit_search(st, NULL, "login", 0, 3, &list, &n, &err), 0);
	assert_int_equal(n, 3);
	free(list);

	/* at 0 is now. Texts cut by a caller's buffer in the middle of a
	 * character (snprintf into a field of the limit's size) lose that
	 * character; PostgreSQL would refuse the broken UTF-8. */
	a.user = 7;
	snprintf(a.username, sizeof(a.username), "abcdefghijklmnopqrstuvwxyz01234%.1s", "é");
	memset(a.action, 'a', STORE_AUDIT_ACTION_MAX);
	memset(a.object, 'o', STORE_AUDIT_OBJECT_MAX - 2);
	memcpy(a.object + STORE_AUDIT_OBJECT_MAX - 2, "\xe2\x82", 2); /* 2 of €'s 3 bytes */
	memset(a.detail, 'd', STORE_AUDIT_DETAIL_MAX - 4);
	memcpy(a.detail + STORE_AUDIT_DETAIL_MAX - 4, "\xf0\x9f\x98\x80", 4); /* 😀 whole */
	assert_int_equal(strlen(a.username), STORE_USERNAME_MAX);
	assert_int_equal(strlen(a.object), STORE_AUDIT_OBJECT_MAX);
	assert_int_equal(strlen(a.detail), STORE_AUDIT_DETAIL_MAX);
	assert_int_equal(store_audit_add(st, &a, &err), 0);
	assert_int_equal(store_audit_list(st, 0, 1, &list, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_true(list[0].at > 1600000000);
	assert_int_equal(list[0].user, 7);
	assert_string_equal(list[0].username, "abcdefghijklmnopqrstuvwxyz01234");
	assert_int_equal(strlen(list[0].action), STORE_AUDIT_ACTION_MAX);
	assert_int_equal(strlen(list[0].object), STORE_AUDIT_OBJECT_MAX - 2);
	assert_int_equal(strlen(list[0].detail), STORE_AUDIT_DETAIL_MAX);
	assert_string_equal(list[0].detail + STORE_AUDIT_DETAIL_MAX - 4, "\xf0\x9f\x98\x80");
	free(list);
	/* The limit splitting a character (the CLI's and console's texts are
	 * built in buffers of the limit's size; a longer one is cut here). */
	{
		char detail[STORE_AUDIT_DETAIL_MAX + 1];

		memset(detail, 'd', STORE_AUDIT_DETAIL_MAX - 1);
		memcpy(detail + STORE_AUDIT_DETAIL_MAX - 1, "\xc3", 2); /* é's lead, then NUL */
		add_entry(st, 2500, "ani", "x.z", "objek", detail);
		assert_int_equal(store_audit_list(st, 0, 1, &list, &n, &err), 0);
		assert_int_equal(strlen(list[0].detail), STORE_AUDIT_DETAIL_MAX - 1);
		free(list);
	}
	/* A text that fits ends in a whole character and is kept whole. */
	add_entry(st, 3000, "ani", "x.y", "objek", "Rp1.000 — «kutip» ✓");
	assert_int_equal(store_audit_list(st, 0, 1, &list, &n, &err), 0);
	assert_string_equal(list[0].detail, "Rp1.000 — «kutip» ✓");
	free(list);
	store_close(st);
}

static void test_profile(void **state)
{
	const char *url = storetest_fresh(state, "profile");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	char *v = (char *)1, *big;

	assert_int_equal(store_profile_get(st, "kop.instansi", &v, &err), 0);
	assert_null(v);
	assert_int_equal(store_profile_set(st, "kop.instansi", "Dinas 'A'; DROP TABLE x", &err), 0);
	assert_int_equal(store_profile_get(st, "kop.instansi", &v, &err), 0);
	assert_string_equal(v, "Dinas 'A'; DROP TABLE x");
	free(v);
	assert_int_equal(store_profile_set(st, "kop.instansi", "Baru", &err), 0);
	assert_int_equal(store_profile_set(st, "penandatangan.nip", "1970", &err), 0);
	assert_int_equal(store_profile_get(st, "kop.instansi", &v, &err), 0);
	assert_string_equal(v, "Baru");
	free(v);
	assert_int_equal(store_profile_set(st, "kop.instansi", "", &err), 0);
	assert_int_equal(store_profile_get(st, "kop.instansi", &v, &err), 0);
	assert_string_equal(v, "");
	free(v);
	assert_int_equal(store_profile_set(st, "kop.instansi", NULL, &err), 0);
	assert_int_equal(store_profile_get(st, "kop.instansi", &v, &err), 0);
	assert_null(v);
	assert_int_equal(store_profile_get(st, "penandatangan.nip", &v, &err), 0);
	assert_string_equal(v, "1970");
	free(v);
	/* Keys: [a-z0-9._], 1..48 bytes. */
	assert_int_equal(store_profile_set(st, "Kop", "x", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_int_equal(store_profile_set(st, "", "x", &err), -1);
	assert_int_equal(store_profile_get(st, "kop instansi", &v, &err), -1);
	assert_int_equal(
	    store_profile_set(st, "abcdefghijklmnopqrstuvwxyz.0123456789_abcdefghijk", "x", &err),
	    -1);
	/* Values: up to STORE_PROFILE_VALUE_MAX bytes. */
	big = malloc(STORE_PROFILE_VALUE_MAX + 2);
	assert_non_null(big);
	memset(big, 'x', STORE_PROFILE_VALUE_MAX + 1);
	big[STORE_PROFILE_VALUE_MAX + 1] = '\0';
	assert_int_equal(store_profile_set(st, "kop.logo_png", big, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	big[STORE_PROFILE_VALUE_MAX] = '\0';
	assert_int_equal(store_profile_set(st, "kop.logo_png", big, &err), 0);
	assert_int_equal(store_profile_get(st, "kop.logo_png", &v, &err), 0);
	assert_int_equal(strlen(v), STORE_PROFILE_VALUE_MAX);
	free(v);
	free(big);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_roles_and_usernames),
	    cmocka_unit_test(test_users),
	    cmocka_unit_test(test_lock_admins),
	    cmocka_unit_test(test_unit_within),
	    cmocka_unit_test(test_sessions_and_failures),
	    cmocka_unit_test(test_audit),
	    cmocka_unit_test(test_profile),
	};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
