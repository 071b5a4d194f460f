/* API keys of the store (store_apikey.c) and migration 2: run on SQLite
 * always and on PostgreSQL when IKM_TEST_PG_URL names an empty throwaway
 * database, like test_store. Add, check, revoke, list; a version-1
 * database re-opened gets only migration 2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "store.h"
#include "storetest.h"
#include "testutil.h"

static void test_add_check_revoke_list(void **state)
{
	const char *url = storetest_fresh(state, "keys");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	char key[STORE_APIKEY_HEX + 1], key2[STORE_APIKEY_HEX + 1], junk[STORE_APIKEY_HEX + 1],
	    name[STORE_APIKEY_NAME_MAX + 1];
	struct store_apikey *list;
	int ok = -1, n = 0;

	assert_int_equal(store_apikey_add(st, "antrean", key, &err), 0);
	assert_int_equal(strlen(key), STORE_APIKEY_HEX);
	assert_int_equal(strspn(key, "0123456789abcdef"), STORE_APIKEY_HEX);
	assert_int_equal(store_apikey_add(st, "kiosk.2", key2, &err), 0);
	assert_string_not_equal(key, key2);
	/* The same name twice; a bad name. */
	assert_int_equal(store_apikey_add(st, "antrean", junk, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "sudah ada");
	assert_string_equal(junk, ""); /* no key shown for a failed add */
	assert_int_equal(store_apikey_add(st, "nama salah", junk, &err), -1);
	assert_int_equal(store_apikey_add(st, "", junk, &err), -1);

	assert_int_equal(store_apikey_check(st, key, name, &ok, &err), 0);
	assert_int_equal(ok, 1);
	assert_string_equal(name, "antrean");
	/* Only the hash is stored: the key itself is nowhere in the table. */
	{
		struct db *db;
		struct db_stmt *q;

		assert_int_equal(db_open(url, &db, &err), 0);
		assert_int_equal(
		    db_prepare(db, "SELECT key_hash FROM api_key WHERE name = ?", &q, &err), 0);
		db_bind_text(q, 1, "antrean", -1);
		assert_int_equal(db_step(q, &err), DB_ROW);
		assert_int_equal(strlen(db_column_text(q, 0, NULL)), 64);
		assert_string_not_equal(db_column_text(q, 0, NULL), key);
		db_reset(q);
		db_close(db);
	}
	/* Wrong keys: another hex key, a short one, upper case, NULL, too long. */
	{
		char wrong[STORE_APIKEY_HEX + 2];

		memcpy(wrong, key, sizeof(key));
		wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
		assert_int_equal(store_apikey_check(st, wrong, name, &ok, &err), 0);
		assert_int_equal(ok, 0);
		assert_string_equal(name, "");
		assert_int_equal(store_apikey_check(st, "abc", name, &ok, &err), 0);
		assert_int_equal(ok, 0);
		assert_int_equal(store_apikey_check(st, NULL, name, &ok, &err), 0);
		assert_int_equal(ok, 0);
		memcpy(wrong, key, sizeof(key));
		wrong[3] = 'G';
		assert_int_equal(store_apikey_check(st, wrong, name, &ok, &err), 0);
		assert_int_equal(ok, 0);
		memcpy(wrong, key, STORE_APIKEY_HEX);
		wrong[STORE_APIKEY_HEX] = '0';
		wrong[STORE_APIKEY_HEX + 1] = '\0';
		assert_int_equal(store_apikey_check(st, wrong, name, &ok, &err), 0);
		assert_int_equal(ok, 0);
	}

	assert_int_equal(store_apikey_revoke(st, "antrean", &err), 0);
	assert_int_equal(store_apikey_check(st, key, name, &ok, &err), 0);
	assert_int_equal(ok, 0);
	assert_int_equal(store_apikey_revoke(st, "antrean", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_apikey_revoke(st, "tidak-ada", &err), -1);
	/* The other key still works. */
	assert_int_equal(store_apikey_check(st, key2, name, &ok, &err), 0);
	assert_int_equal(ok, 1);
	assert_string_equal(name, "kiosk.2");

	assert_int_equal(store_apikey_list(st, &list, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "antrean");
	assert_true(list[0].revoked != 0);
	assert_true(list[0].created > 0);
	assert_string_equal(list[1].name, "kiosk.2");
	assert_int_equal(list[1].revoked, 0);
	free(list);
	store_close(st);
}

/* A database of schema version 1 (api_key and its migration row removed)
 * gets migration 2 only: its data stays, nothing of migration 1 runs
 * again. */
static void test_migrate_from_v1(void **state)
{
	const char *url = storetest_fresh(state, "v1");
	struct store *st = storetest_open(url);
	struct store_unit u;
	struct ikm_err err = {0};
	char key[STORE_APIKEY_HEX + 1];
	int v = 0, n = 0;
	struct store_apikey *list;

	assert_int_equal(store_unit_add(st, "dispenduk", "Dinas Dukcapil", NULL, &u, &err), 0);
	store_close(st);
	{
		struct db *db;

		assert_int_equal(db_open(url, &db, &err), 0);
		assert_int_equal(
		    db_exec(db,
		            "DROP TABLE api_key; DROP TABLE upload; DROP TABLE user_session; "
		            "DROP TABLE app_user; DROP TABLE login_failure; "
		            "DROP TABLE audit; DROP TABLE review; "
		            "DROP TABLE office_profile; DROP TABLE entry_pending; "
		            "ALTER TABLE response DROP COLUMN excluded; "
		            "DELETE FROM schema_migrations WHERE version >= 2",
		            &err),
		    0);
		db_close(db);
	}
	st = storetest_open(url);
	assert_int_equal(store_schema_version(st, &v, &err), 0);
	assert_int_equal(v, STORE_SCHEMA);
	assert_int_equal(store_unit_get(st, "dispenduk", &u, &err), 0);
	assert_int_equal(store_apikey_add(st, "a", key, &err), 0);
	assert_int_equal(store_apikey_list(st, &list, &n, &err), 0);
	assert_int_equal(n, 1);
	free(list);
	store_close(st);
	/* Migration rows: exactly 1 and 2, once each. */
	{
		struct db *db;
		struct db_stmt *q;

		assert_int_equal(db_open(url, &db, &err), 0);
		assert_int_equal(db_prepare(db,
		                            "SELECT COUNT(*), SUM(version) FROM schema_migrations",
		                            &q, &err),
		                 0);
		assert_int_equal(db_step(q, &err), DB_ROW);
		assert_int_equal(db_column_int(q, 0), STORE_SCHEMA);
		assert_int_equal(db_column_int(q, 1), STORE_SCHEMA * (STORE_SCHEMA + 1) / 2);
		db_reset(q);
		db_close(db);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add_check_revoke_list),
	    cmocka_unit_test(test_migrate_from_v1),
	};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
