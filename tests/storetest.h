/* storetest: see storetest.c. */
#ifndef IKM_STORETEST_H
#define IKM_STORETEST_H

#include "store.h"

/* cmocka group setups: SQLite files in a temporary directory, or the
 * database of IKM_TEST_PG_URL (state NULL when unset: tests skip). */
int storetest_setup_sqlite(void **state);
int storetest_setup_pg(void **state);
int storetest_teardown(void **state);
/* The URL of a fresh, empty database for one test (skips without PG). */
const char *storetest_fresh(void **state, const char *name);
/* Open the store at url, failing the test on error. */
struct store *storetest_open(const char *url);

#endif
