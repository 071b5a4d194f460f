/* First entries waiting for their second (store_pending.c, migration 4),
 * on SQLite always and on PostgreSQL when IKM_TEST_PG_URL is set: kept
 * field by field, replaced by client id, listed per unit and period,
 * removed; a stored response's client id is seen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_pending.h"
#include "storetest.h"
#include "testutil.h"

struct world {
	struct store_unit u, u2;
	struct store_period p;
	int64_t instr;
	struct instrument in;
};

static void world(struct store *st, struct world *w)
{
	struct ikm_err err = {0};

	assert_int_equal(store_unit_add(st, "dispenduk", "Dinas", NULL, &w->u, &err), 0);
	assert_int_equal(store_unit_add(st, "rsud", "RSUD", NULL, &w->u2, &err), 0);
	assert_int_equal(store_period_add(st, "2026-s1", 20260101, 20260630, NULL, &w->p, &err), 0);
	assert_int_equal(store_instrument_current(st, w->u.id, &w->instr, &w->in, &err), 0);
}

static void entry(const struct world *w, int64_t unit, const char *cid, const char *sheet,
                  struct store_pending *p)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->sheet, sizeof(p->sheet), "%s", sheet);
	snprintf(p->form_id, sizeof(p->form_id), "form-%s", sheet);
	p->user = 7;
	p->created = 1000;
	p->r.unit = unit;
	p->r.period = w->p.id;
	p->r.instrument = w->instr;
	p->r.date = 20260315;
	p->r.k = w->in.k;
	for (int j = 0; j < w->in.k; j++)
		p->r.answers[j] = (uint8_t)(1 + j % 4);
	snprintf(p->r.gender, sizeof(p->r.gender), "P");
	p->r.age = 41;
	snprintf(p->r.education, sizeof(p->r.education), "D4/S1");
	snprintf(p->r.job, sizeof(p->r.job), "Swasta");
	snprintf(p->r.suggestion, sizeof(p->r.suggestion), "Antrean '; DROP TABLE unit; --");
	snprintf(p->r.client_id, sizeof(p->r.client_id), "%s", cid);
}

static void test_put_get_list_delete(void **state)
{
	const char *url = storetest_fresh(state, "pending");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_pending p, q, *list;
	struct world w;
	int found = -1, n = 0;

	world(st, &w);
	entry(&w, w.u.id, "aaaaaaaaaaaaaaaa01", "12", &p);
	assert_int_equal(store_pending_put(st, &p, &err), 0);
	assert_int_equal(store_pending_get(st, "aaaaaaaaaaaaaaaa01", &q, &found, &err), 0);
	assert_int_equal(found, 1);
	assert_string_equal(q.sheet, "12");
	assert_string_equal(q.form_id, "form-12");
	assert_int_equal(q.user, 7);
	assert_int_equal(q.created, 1000);
	assert_int_equal(q.r.unit, w.u.id);
	assert_int_equal(q.r.period, w.p.id);
	assert_int_equal(q.r.service, 0);
	assert_int_equal(q.r.instrument, w.instr);
	assert_int_equal(q.r.date, 20260315);
	assert_int_equal(q.r.k, w.in.k);
	assert_memory_equal(q.r.answers, p.r.answers, (size_t)w.in.k);
	assert_string_equal(q.r.gender, "P");
	assert_int_equal(q.r.age, 41);
	assert_string_equal(q.r.education, "D4/S1");
	assert_string_equal(q.r.job, "Swasta");
	assert_string_equal(q.r.suggestion, "Antrean '; DROP TABLE unit; --");
	assert_int_equal(q.r.channel, STORE_PAPER);

	/* Put again under the same client id: replaced, not added. */
	p.r.answers[0] = 4;
	snprintf(p.form_id, sizeof(p.form_id), "form-b");
	assert_int_equal(store_pending_put(st, &p, &err), 0);
	assert_int_equal(store_pending_get(st, "aaaaaaaaaaaaaaaa01", &q, &found, &err), 0);
	assert_int_equal(q.r.answers[0], 4);
	assert_string_equal(q.form_id, "form-b");

	entry(&w, w.u.id, "aaaaaaaaaaaaaaaa02", "13", &p);
	p.created = 2000;
	assert_int_equal(store_pending_put(st, &p, &err), 0);
	entry(&w, w.u2.id, "aaaaaaaaaaaaaaaa03", "12", &p);
	assert_int_equal(store_pending_put(st, &p, &err), 0);
	assert_int_equal(store_pending_list(st, w.u.id, w.p.id, 10, &list, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].sheet, "12");
	assert_string_equal(list[1].sheet, "13");
	free(list);
	assert_int_equal(store_pending_list(st, w.u.id, w.p.id, 1, &list, &n, &err), 0);
	assert_int_equal(n, 1);
	free(list);

	assert_int_equal(store_pending_delete(st, "aaaaaaaaaaaaaaaa01", &err), 0);
	assert_int_equal(store_pending_delete(st, "aaaaaaaaaaaaaaaa01", &err), 0);
	assert_int_equal(store_pending_get(st, "aaaaaaaaaaaaaaaa01", &q, &found, &err), 0);
	assert_int_equal(found, 0);

	/* No sheet or client id; an unknown unit. */
	entry(&w, w.u.id, "", "14", &p);
	assert_int_equal(store_pending_put(st, &p, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	entry(&w, 9999, "aaaaaaaaaaaaaaaa09", "14", &p);
	assert_int_equal(store_pending_put(st, &p, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(store_pending_get(st, "aaaaaaaaaaaaaaaa09", &q, &found, &err), 0);
	assert_int_equal(found, 0);
	store_close(st);
}

static void test_stored(void **state)
{
	const char *url = storetest_fresh(state, "stored");
	struct store *st = storetest_open(url);
	struct ikm_err err = {0};
	struct store_pending p;
	struct world w;
	int stored = -1, dup = -1;

	world(st, &w);
	entry(&w, w.u.id, "bbbbbbbbbbbbbbbb01", "1", &p);
	assert_int_equal(store_pending_stored(st, p.r.client_id, &stored, &err), 0);
	assert_int_equal(stored, 0);
	p.r.submitted = 1000;
	assert_int_equal(store_response_add(st, &p.r, &dup, &err), 0);
	assert_int_equal(dup, 0);
	assert_int_equal(store_pending_stored(st, p.r.client_id, &stored, &err), 0);
	assert_int_equal(stored, 1);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_put_get_list_delete),
	    cmocka_unit_test(test_stored),
	};
	int rc;

	rc = cmocka_run_group_tests_name("sqlite", tests, storetest_setup_sqlite,
	                                 storetest_teardown);
	rc |= cmocka_run_group_tests_name("postgresql", tests, storetest_setup_pg,
	                                  storetest_teardown);
	return rc;
}
