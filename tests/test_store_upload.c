/* Uploads of the console's import (store_upload.c), on SQLite always and on
 * PostgreSQL when IKM_TEST_PG_URL is set: bytes kept exactly (binary,
 * empty), only for their user, not after their time, taken once, purged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_upload.h"
#include "store_user.h"
#include "storetest.h"
#include "testutil.h"

static int64_t user_of(struct store *st, const char *name)
{
	struct store_user u = {0};
	struct ikm_err err = {0};
	int64_t id = 0;

	snprintf(u.username, sizeof(u.username), "%s", name);
	snprintf(u.name, sizeof(u.name), "%s", name);
	u.role = STORE_ROLE_ADMIN_KOTA;
	snprintf(u.pwhash, sizeof(u.pwhash), "x");
	assert_int_equal(store_user_add(st, &u, &id, &err), 0);
	return id;
}

static void test_put_get_take(void **state)
{
	const char *url = storetest_fresh(state, "upload");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	unsigned char bin[300], *got = NULL;
	char name[STORE_UPLOAD_NAME_MAX + 1];
	size_t len = 0;
	int64_t a = user_of(st, "ani"), b = user_of(st, "budi");
	int taken = -1;

	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (unsigned char)(i * 7);
	assert_int_equal(
	    store_upload_put(st, "h1", a, 1000, "data <1>.csv", bin, sizeof(bin), &err), 0);
	assert_int_equal(store_upload_put(st, "h2", a, 1000, "kosong.csv", "", 0, &err), 0);
	/* The same token twice. */
	assert_int_equal(store_upload_put(st, "h1", a, 1000, "x.csv", "x", 1, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);

	assert_int_equal(store_upload_get(st, "h1", a, 900, name, &got, &len, &err), 0);
	assert_string_equal(name, "data <1>.csv");
	assert_int_equal(len, sizeof(bin));
	assert_memory_equal(got, bin, sizeof(bin));
	free(got);
	assert_int_equal(store_upload_get(st, "h2", a, 900, name, &got, &len, &err), 0);
	assert_int_equal(len, 0);
	free(got);
	/* Another user's, or too old: none. */
	assert_int_equal(store_upload_get(st, "h1", b, 900, name, &got, &len, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_null(got);
	assert_int_equal(store_upload_get(st, "h1", a, 1001, name, &got, &len, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);

	/* Taken once, and only by its user. */
	assert_int_equal(store_upload_take(st, "h1", b, &taken, &err), 0);
	assert_int_equal(taken, 0);
	assert_int_equal(store_upload_take(st, "h1", a, &taken, &err), 0);
	assert_int_equal(taken, 1);
	assert_int_equal(store_upload_take(st, "h1", a, &taken, &err), 0);
	assert_int_equal(taken, 0);
	/* Inside a transaction rolled back: still there. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_upload_take(st, "h2", a, &taken, &err), 0);
	assert_int_equal(taken, 1);
	store_rollback(st);
	assert_int_equal(store_upload_get(st, "h2", a, 0, name, &got, &len, &err), 0);
	free(got);

	/* Limits. */
	{
		char longname[STORE_UPLOAD_NAME_MAX + 2];

		memset(longname, 'a', sizeof(longname) - 1);
		longname[sizeof(longname) - 1] = '\0';
		assert_int_equal(store_upload_put(st, "h3", a, 1000, longname, "x", 1, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
		assert_int_equal(
		    store_upload_put(st, "h3", a, 1000, "x", "x", STORE_UPLOAD_MAX + 1u, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
	}
	store_close(st);
}

static void test_purge(void **state)
{
	const char *url = storetest_fresh(state, "purge");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	unsigned char *got = NULL;
	char name[STORE_UPLOAD_NAME_MAX + 1];
	size_t len;
	int64_t a = user_of(st, "ani");

	assert_int_equal(store_upload_put(st, "old", a, 100, "a.csv", "a", 1, &err), 0);
	assert_int_equal(store_upload_put(st, "new", a, 5000, "b.csv", "b", 1, &err), 0);
	assert_int_equal(store_upload_purge(st, 3700, &err), 0);
	assert_int_equal(store_upload_get(st, "old", a, 0, name, &got, &len, &err), -1);
	assert_int_equal(store_upload_get(st, "new", a, 0, name, &got, &len, &err), 0);
	assert_int_equal(len, 1);
	assert_int_equal(got[0], 'b');
	free(got);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_put_get_take),
	    cmocka_unit_test(test_purge),
	};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
