/* storetest: the scaffolding of the suites that run on both store
 * backends (test_store, test_apikey): a temporary directory of SQLite
 * files, or the PostgreSQL database of IKM_TEST_PG_URL made empty for each
 * test (the PostgreSQL group skips when the variable is not set). */
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
#include "storetest.h"

struct suite {
	char url[1024];
	char dir[64];
	int pg;
};

int storetest_setup_sqlite(void **state)
{
	struct suite *s = calloc(1, sizeof(*s));

	snprintf(s->dir, sizeof(s->dir), "/tmp/storetest.XXXXXX");
	if (s == NULL || mkdtemp(s->dir) == NULL)
		return -1;
	*state = s;
	return 0;
}

int storetest_setup_pg(void **state)
{
	const char *url = getenv("IKM_TEST_PG_URL");
	struct suite *s;

	if (url == NULL || url[0] == '\0')
		return 0; /* tests skip */
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		return -1;
	snprintf(s->url, sizeof(s->url), "%s", url);
	s->pg = 1;
	*state = s;
	return 0;
}

int storetest_teardown(void **state)
{
	struct suite *s = *state;

	if (s != NULL && !s->pg) {
		DIR *d = opendir(s->dir);
		struct dirent *e;

		while (d != NULL && (e = readdir(d)) != NULL) {
			char path[512];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", s->dir, e->d_name);
			unlink(path);
		}
		if (d != NULL)
			closedir(d);
		rmdir(s->dir);
	}
	free(s);
	return 0;
}

/* A fresh, empty database for one test: a new SQLite file, or the
 * PostgreSQL schema dropped and made again. NULL (skip) without PG. */
const char *storetest_fresh(void **state, const char *name)
{
	struct suite *s = *state;
	static char url[1100];

	if (s == NULL) {
		print_message("# SKIP IKM_TEST_PG_URL not set: PostgreSQL suite not run\n");
		skip();
	}
	if (!s->pg) {
		snprintf(url, sizeof(url), "%s/%s.db", s->dir, name);
		unlink(url);
		return url;
	}
	{
		struct db *db;
		struct ikm_err err = {0};

		if (db_open(s->url, &db, &err) < 0)
			fail_msg("%s", err.msg);
		if (db_exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) < 0)
			fail_msg("%s", err.msg);
		db_close(db);
	}
	return s->url;
}

struct store *storetest_open(const char *url)
{
	struct store *st;
	struct ikm_err err = {0};

	if (store_open(url, &st, &err) < 0)
		fail_msg("store_open %s: %s", url, err.msg);
	return st;
}
