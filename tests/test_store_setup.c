/* The store functions of the console's setup pages, on SQLite always and
 * on PostgreSQL when IKM_TEST_PG_URL is set (see storetest.h): renaming
 * units and services, reopening a period, where an instrument version
 * belongs, and a unit's instrument changed as its current version while
 * the responses already stored keep the version they answered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "storetest.h"
#include "testutil.h"

static void test_rename(void **state)
{
	const char *url = storetest_fresh(state, "rename");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_unit u;
	struct store_service v;
	char longname[STORE_NAME_MAX + 2];

	assert_int_equal(store_unit_add(st, "dinkes", "Dinas Kesehatan", NULL, NULL, &err), 0);
	assert_int_equal(store_unit_add(st, "pkm-a", "Puskesmas A", "dinkes", NULL, &err), 0);
	assert_int_equal(store_unit_rename(st, "pkm-a", "Puskesmas 'A'; DROP TABLE unit;--", &err),
	                 0);
	assert_int_equal(store_unit_get(st, "pkm-a", &u, &err), 0);
	assert_string_equal(u.name, "Puskesmas 'A'; DROP TABLE unit;--");
	assert_string_equal(u.parent_slug, "dinkes"); /* the place in the tree stays */
	assert_int_equal(store_unit_rename(st, "tidak-ada", "X", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "tidak-ada");
	assert_int_equal(store_unit_rename(st, "pkm-a", "", &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(store_unit_rename(st, "pkm-a", longname, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	longname[STORE_NAME_MAX] = '\0';
	assert_int_equal(store_unit_rename(st, "pkm-a", longname, &err), 0);

	assert_int_equal(store_service_add(st, "imunisasi", "pkm-a", "Imunisasi", NULL, &err), 0);
	assert_int_equal(
	    store_service_add(st, "imunisasi", "dinkes", "Imunisasi Dinas", NULL, &err), 0);
	assert_int_equal(store_service_rename(st, "pkm-a", "imunisasi", "Imunisasi <Anak>", &err),
	                 0);
	assert_int_equal(store_service_get(st, "pkm-a", "imunisasi", &v, &err), 0);
	assert_string_equal(v.name, "Imunisasi <Anak>");
	/* The service of the same slug in another unit is not touched. */
	assert_int_equal(store_service_get(st, "dinkes", "imunisasi", &v, &err), 0);
	assert_string_equal(v.name, "Imunisasi Dinas");
	assert_int_equal(store_service_rename(st, "pkm-a", "gizi", "Gizi", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_service_rename(st, "nope", "imunisasi", "Gizi", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_service_rename(st, "pkm-a", "imunisasi", NULL, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	store_close(st);
}

static void response_on(struct store_response *r, int64_t unit, int64_t period, int64_t instr,
                        int k, uint8_t answer)
{
	memset(r, 0, sizeof(*r));
	r->unit = unit;
	r->period = period;
	r->instrument = instr;
	r->channel = STORE_PAPER;
	r->submitted = 1767225600;
	r->k = k;
	for (int j = 0; j < k; j++)
		r->answers[j] = answer;
	r->age = -1;
}

static void test_period_reopen(void **state)
{
	const char *url = storetest_fresh(state, "reopen");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_unit u;
	struct store_period p;
	struct store_response r;
	struct instrument in;
	int64_t instr;
	int dup;

	assert_int_equal(store_unit_add(st, "dinkes", "Dinas", NULL, &u, &err), 0);
	assert_int_equal(store_period_add(st, "2026-s1", 20260101, 20260630, NULL, &p, &err), 0);
	assert_int_equal(store_instrument_current(st, u.id, &instr, &in, &err), 0);
	response_on(&r, u.id, p.id, instr, in.k, 3);
	assert_int_equal(store_period_close(st, "2026-s1", &err), 0);
	assert_int_equal(store_period_get(st, "2026-s1", &p, &err), 0);
	assert_int_equal(p.closed, 1);
	assert_int_equal(store_response_add(st, &r, &dup, &err), -1);
	assert_int_equal(store_period_reopen(st, "2026-s1", &err), 0);
	assert_int_equal(store_period_get(st, "2026-s1", &p, &err), 0);
	assert_int_equal(p.closed, 0);
	assert_int_equal(store_response_add(st, &r, &dup, &err), 0);
	/* Reopening an open period changes nothing. */
	assert_int_equal(store_period_reopen(st, "2026-s1", &err), 0);
	assert_int_equal(store_period_reopen(st, "2026-s9", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "2026-s9");
	store_close(st);
}

static void test_instrument_current(void **state)
{
	const char *url = storetest_fresh(state, "current");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_unit u, other;
	struct store_period p;
	struct store_response r;
	struct instrument in, ex, cur;
	struct instr_texts *t = malloc(sizeof(*t)), *b = malloc(sizeof(*b));
	int64_t org_id, v1, v2, v3, v4, id, unit, version, created;
	struct store_scope sc;
	struct store_totals tot;
	struct score_acc *acc;
	int dup;

	assert_non_null(t);
	assert_non_null(b);
	assert_int_equal(store_unit_add(st, "dinkes", "Dinas", NULL, &u, &err), 0);
	assert_int_equal(store_unit_add(st, "bapenda", "Badan", NULL, &other, &err), 0);
	assert_int_equal(store_period_add(st, "2026-s1", 20260101, 20260630, NULL, &p, &err), 0);
	/* At first the unit answers the organisation's built-in version. */
	assert_int_equal(store_instrument_current(st, u.id, &org_id, &in, &err), 0);
	assert_int_equal(store_instrument_version(st, org_id, &unit, &version, &created, &err), 0);
	assert_int_equal(unit, 0);
	assert_int_equal(version, 1);
	assert_true(created > 0);
	assert_int_equal(
	    store_instrument_version(st, org_id + 999, &unit, &version, &created, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	/* A response on it. */
	response_on(&r, u.id, p.id, org_id, 9, 4);
	assert_int_equal(store_response_add(st, &r, &dup, &err), 0);

	/* A question rewritten: the unit's first own version. */
	assert_int_equal(store_instrument_texts(st, org_id, t, &err), 0);
	snprintf(t->question[2][INSTR_ID], sizeof(t->question[2][INSTR_ID]),
	         "Seberapa cepat <b>layanan</b> selesai?");
	assert_int_equal(store_instrument_put_current(st, &in, t, u.id, &v1, &err), 0);
	assert_true(v1 != org_id);
	assert_int_equal(store_instrument_version(st, v1, &unit, &version, &created, &err), 0);
	assert_int_equal(unit, u.id);
	assert_int_equal(version, 1);
	assert_int_equal(store_instrument_current(st, u.id, &id, &cur, &err), 0);
	assert_int_equal(id, v1);
	/* The same again: no new version. */
	assert_int_equal(store_instrument_put_current(st, &in, t, u.id, &id, &err), 0);
	assert_int_equal(id, v1);
	/* Another unit keeps the organisation's. */
	assert_int_equal(store_instrument_current(st, other.id, &id, &cur, &err), 0);
	assert_int_equal(id, org_id);

	/* An element added: version 2, ten elements at 1/10. */
	ex = in;
	assert_int_equal(instr_add_extra(&ex, "U10", NULL, "Kebersihan", &err), 0);
	instr_texts_default(&ex, b);
	memcpy(b->question, t->question, sizeof(t->question[0]) * 9);
	snprintf(b->question[9][INSTR_ID], sizeof(b->question[9][INSTR_ID]),
	         "Bagaimana kebersihan ruang tunggu?");
	assert_int_equal(store_instrument_put_current(st, &ex, b, u.id, &v2, &err), 0);
	assert_int_equal(store_instrument_version(st, v2, &unit, &version, &created, &err), 0);
	assert_int_equal(version, 2);
	assert_int_equal(store_instrument_current(st, u.id, &id, &cur, &err), 0);
	assert_int_equal(id, v2);
	assert_int_equal(cur.k, 10);
	assert_int_equal(cur.el[9].w_den, 10);
	response_on(&r, u.id, p.id, v2, 10, 2);
	assert_int_equal(store_response_add(st, &r, &dup, &err), 0);

	/* Back to version 1's words: they become current as version 3, while
	 * store_instrument_put_texts finds the old version. */
	assert_int_equal(store_instrument_put_texts(st, &in, t, u.id, &id, &err), 0);
	assert_int_equal(id, v1);
	assert_int_equal(store_instrument_current(st, u.id, &id, &cur, &err), 0);
	assert_int_equal(id, v2);
	assert_int_equal(store_instrument_put_current(st, &in, t, u.id, &v3, &err), 0);
	assert_true(v3 != v1 && v3 != v2);
	assert_int_equal(store_instrument_version(st, v3, &unit, &version, &created, &err), 0);
	assert_int_equal(version, 3);
	assert_int_equal(store_instrument_current(st, u.id, &id, &cur, &err), 0);
	assert_int_equal(id, v3);
	assert_int_equal(cur.k, 9);
	assert_int_equal(store_instrument_texts(st, v3, b, &err), 0);
	assert_string_equal(b->question[2][INSTR_ID], "Seberapa cepat <b>layanan</b> selesai?");
	/* ... and the same words as the newest again: no version 4. */
	assert_int_equal(store_instrument_put_current(st, &in, t, u.id, &v4, &err), 0);
	assert_int_equal(v4, v3);
	response_on(&r, u.id, p.id, v3, 9, 3);
	assert_int_equal(store_response_add(st, &r, &dup, &err), 0);

	/* Each response kept its version; the aggregate covers all three. */
	sc = (struct store_scope){u.id, p.id, 0};
	{
		int64_t ids[STORE_MAX_VERSIONS];
		int n = 0;

		assert_int_equal(store_scope_versions(st, &sc, ids, &n, &err), 0);
		assert_int_equal(n, 3);
		assert_int_equal(ids[0], org_id);
		assert_int_equal(ids[1], v2);
		assert_int_equal(ids[2], v3);
	}
	if (store_aggregate(st, &sc, &cur, &acc, &tot, &err) < 0)
		fail_msg("store_aggregate: %s", err.msg);
	assert_int_equal(tot.responses, 3);
	assert_int_equal(tot.versions, 3);
	assert_int_equal(score_acc_answered(acc, 0), 3);
	assert_int_equal(score_acc_sum(acc, 0), 4 + 2 + 3);
	score_acc_free(acc);
	free(t);
	free(b);
	store_close(st);
}

#define SUITE                                                                                      \
	cmocka_unit_test(test_rename), cmocka_unit_test(test_period_reopen),                       \
	    cmocka_unit_test(test_instrument_current)

int main(void)
{
	const struct CMUnitTest tests[] = {SUITE};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
