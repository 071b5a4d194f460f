/* The review of flagged responses and the monitoring counts
 * (src/store/store_review.c, src/store/store_monitor.c), on SQLite always
 * and on PostgreSQL when IKM_TEST_PG_URL is set: excluding takes a
 * response out of every aggregate and accepting puts it back, each once
 * however often it is decided; the reason is required and kept; a closed
 * period refuses; the flagged list, its pages and its decisions; the
 * counts by channel, day and flag; the progress of a period. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "quality.h"
#include "score.h"
#include "store.h"
#include "store_monitor.h"
#include "store_user.h"
#include "storetest.h"
#include "testutil.h"

/* A unit with a service, a period, the standard instrument, a reviewer. */
struct fix {
	struct store *st;
	struct store_unit u, u2;
	struct store_service v;
	struct store_period p;
	int64_t instr, user;
};

static void fix_make(struct fix *f, const char *url)
{
	struct ikm_err err = {0};
	struct instrument in;
	struct store_user usr = {0};

	f->st = storetest_open(url);
	if (store_unit_add(f->st, "dispenduk", "Dinas", NULL, &f->u, &err) < 0 ||
	    store_unit_add(f->st, "puskesmas", "Puskesmas", NULL, &f->u2, &err) < 0 ||
	    store_service_add(f->st, "akta", "dispenduk", "Akta", &f->v, &err) < 0 ||
	    store_period_add(f->st, "2022-s1", 20220101, 20220630, NULL, &f->p, &err) < 0)
		fail_msg("%s", err.msg);
	instr_standard(&in);
	if (store_instrument_put(f->st, &in, 0, &f->instr, &err) < 0)
		fail_msg("%s", err.msg);
	snprintf(usr.username, sizeof(usr.username), "ani");
	snprintf(usr.name, sizeof(usr.name), "Ani");
	usr.role = STORE_ROLE_ADMIN_KOTA;
	snprintf(usr.pwhash, sizeof(usr.pwhash), "x");
	if (store_user_add(f->st, &usr, &f->user, &err) < 0)
		fail_msg("%s", err.msg);
}

/* Store answers a ("444444444", '0' = none) in unit u; returns its id. */
static int64_t add(struct fix *f, const struct store_unit *u, int64_t service, const char *a,
                   enum store_channel ch, int32_t date)
{
	struct store_response r = {0};
	struct ikm_err err = {0};
	struct db *db;
	struct db_stmt *q;
	int dup = 0;
	int64_t id;

	r.unit = u->id;
	r.service = service;
	r.period = f->p.id;
	r.instrument = f->instr;
	r.channel = ch;
	r.submitted = 1650000000;
	r.date = date;
	r.k = 9;
	for (int j = 0; j < 9; j++)
		r.answers[j] = (uint8_t)(a[j] - '0');
	r.flags = quality_flags(r.answers, 9);
	r.age = -1;
	snprintf(r.suggestion, sizeof(r.suggestion), "<b>saran</b> '; DROP TABLE response; --");
	if (store_response_add(f->st, &r, &dup, &err) < 0)
		fail_msg("store_response_add: %s", err.msg);
	/* The id: the newest row (a second connection reads it). */
	if (db_open(store_url(f->st), &db, &err) < 0 ||
	    db_prepare(db, "SELECT MAX(id) FROM response", &q, &err) < 0 ||
	    db_step(q, &err) != DB_ROW)
		fail_msg("%s", err.msg);
	id = db_column_int(q, 0);
	db_reset(q);
	db_close(db);
	return id;
}

/* The IKM (x100) and respondents of a scope; respondents 0 when empty. */
static int64_t ikm_of(struct fix *f, int64_t unit, int64_t service, uint64_t *respondents)
{
	struct store_scope sc = {unit, f->p.id, service};
	struct store_totals tot;
	struct instrument in;
	struct score_acc *acc = NULL;
	struct score_result res;
	struct ikm_err err = {0};

	*respondents = 0;
	if (store_aggregate(f->st, &sc, &in, &acc, &tot, &err) < 0) {
		assert_int_equal(err.kind, IKM_EDATA);
		assert_contains(err.msg, "belum ada tanggapan");
		return 0;
	}
	if (score_compute(acc, &in, &res, &err) < 0)
		fail_msg("score_compute: %s", err.msg);
	assert_int_equal(tot.responses, res.respondents);
	*respondents = res.respondents;
	score_acc_free(acc);
	return res.ikm_e2;
}

/* The IKM (x100) of the given answer strings computed directly. */
static int64_t ikm_direct(const char *const *a, int n)
{
	struct instrument in;
	struct score_acc *acc = score_acc_new(9);
	struct score_result res;
	struct ikm_err err = {0};

	instr_standard(&in);
	for (int i = 0; i < n; i++) {
		uint8_t v[9];

		for (int j = 0; j < 9; j++)
			v[j] = (uint8_t)(a[i][j] - '0');
		score_acc_add(acc, v);
	}
	if (score_compute(acc, &in, &res, &err) < 0)
		fail_msg("%s", err.msg);
	score_acc_free(acc);
	return res.ikm_e2;
}

/* Rows of a tally table of the unit (a second connection). */
static int64_t tally_rows(struct fix *f, const char *sql)
{
	struct db *db;
	struct db_stmt *q;
	struct ikm_err err = {0};
	int64_t n;

	if (db_open(store_url(f->st), &db, &err) < 0 || db_prepare(db, sql, &q, &err) < 0 ||
	    db_step(q, &err) != DB_ROW)
		fail_msg("%s", err.msg);
	n = db_column_int(q, 0);
	db_reset(q);
	db_close(db);
	return n;
}

/* Counts the responses that count (not excluded), as scope_rows does. */
static int count_fn(void *user, const struct store_response *r, struct ikm_err *err)
{
	(void)err;
	if (!r->excluded)
		++*(int *)user;
	return 0;
}

static void test_exclude_accept(void **state)
{
	const char *url = storetest_fresh(state, "exclude");
	static const char *const all[] = {"434343434", "333344443", "111111111", "444444444"};
	static const char *const kept[] = {"434343434", "333344443", "444444444"};
	struct fix f;
	struct ikm_err err = {0};
	struct store_scope sc;
	struct store_flagged fl;
	uint64_t n;
	int64_t ids[4], full, without;
	int each = 0;

	fix_make(&f, url);
	for (int i = 0; i < 4; i++)
		ids[i] = add(&f, &f.u, i == 2 ? f.v.id : 0, all[i], STORE_WEB, 20220110);
	full = ikm_of(&f, f.u.id, 0, &n);
	assert_int_equal(n, 4);
	assert_int_equal(full, ikm_direct(all, 4));
	without = ikm_direct(kept, 3);
	assert_true(without != full);

	/* Excluding: out of the aggregate of the unit and of its service. */
	assert_int_equal(
	    store_review_set(f.st, ids[2], STORE_EXCLUDE, "jawaban asal", f.user, &err), 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), without);
	assert_int_equal(n, 3);
	assert_int_equal(ikm_of(&f, f.u.id, f.v.id, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(tally_rows(&f, "SELECT COUNT(*) FROM tally WHERE answers = '111111111'"),
	                 0);
	assert_int_equal(tally_rows(&f, "SELECT COUNT(*) FROM flag_tally WHERE flags <> 0 AND "
	                                "service_id <> 0"),
	                 0);
	/* Twice: the counts move once; the second reason replaces the first. */
	assert_int_equal(store_review_set(f.st, ids[2], STORE_EXCLUDE, "  diulang  ", f.user, &err),
	                 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), without);
	assert_int_equal(n, 3);
	assert_int_equal(tally_rows(&f, "SELECT COUNT(*) FROM review"), 1);
	assert_int_equal(store_flagged_get(f.st, ids[2], &sc, &fl, &err), 0);
	assert_int_equal(fl.reviewed, 2);
	assert_string_equal(fl.reason, "  diulang  ");
	assert_string_equal(fl.reviewer, "ani");
	assert_true(fl.reviewed_at > 0);
	assert_int_equal(sc.unit, f.u.id);
	assert_int_equal(sc.service, f.v.id);
	assert_int_equal(sc.period, f.p.id);
	/* The stream marks the excluded one; what counts is what the aggregate sees. */
	sc.service = 0;
	assert_int_equal(store_responses_each(f.st, &sc, count_fn, &each, &err), 0);
	assert_int_equal(each, 3);

	/* Accepting puts it back, once. */
	assert_int_equal(store_review_set(f.st, ids[2], STORE_ACCEPT, "dicek: asli", f.user, &err),
	                 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), full);
	assert_int_equal(n, 4);
	assert_int_equal(store_review_set(f.st, ids[2], STORE_ACCEPT, "lagi", f.user, &err), 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), full);
	assert_int_equal(n, 4);
	assert_int_equal(ikm_of(&f, f.u.id, f.v.id, &n), ikm_direct(&all[2], 1));
	assert_int_equal(n, 1);
	assert_int_equal(store_flagged_get(f.st, ids[2], NULL, &fl, &err), 0);
	assert_int_equal(fl.reviewed, 1);
	assert_string_equal(fl.reason, "lagi");
	/* Accepting one never excluded changes nothing but the review. */
	assert_int_equal(store_review_set(f.st, ids[3], STORE_ACCEPT, "wajar", f.user, &err), 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), full);
	assert_int_equal(n, 4);
	each = 0;
	assert_int_equal(store_responses_each(f.st, &sc, count_fn, &each, &err), 0);
	assert_int_equal(each, 4);

	/* Everything excluded: no aggregate, the tallies empty. */
	for (int i = 0; i < 4; i++)
		assert_int_equal(store_review_set(f.st, ids[i], STORE_EXCLUDE, "uji", 0, &err), 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(tally_rows(&f, "SELECT COUNT(*) FROM tally"), 0);
	assert_int_equal(tally_rows(&f, "SELECT COUNT(*) FROM flag_tally"), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(store_review_set(f.st, ids[i], STORE_ACCEPT, "uji", 0, &err), 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), full);
	assert_int_equal(n, 4);
	store_close(f.st);
}

static void test_refusals(void **state)
{
	const char *url = storetest_fresh(state, "refusals");
	struct fix f;
	struct ikm_err err = {0};
	char *longer;
	uint64_t n;
	int64_t id, full;

	fix_make(&f, url);
	id = add(&f, &f.u, 0, "111111111", STORE_PAPER, 0);
	add(&f, &f.u, 0, "444444444", STORE_PAPER, 0);
	full = ikm_of(&f, f.u.id, 0, &n);
	assert_int_equal(store_review_set(f.st, id, STORE_EXCLUDE, NULL, f.user, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "alasan wajib");
	assert_int_equal(store_review_set(f.st, id, STORE_EXCLUDE, " \t\n", f.user, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	longer = malloc(STORE_REASON_MAX + 2);
	memset(longer, 'a', STORE_REASON_MAX + 1);
	longer[STORE_REASON_MAX + 1] = '\0';
	assert_int_equal(store_review_set(f.st, id, STORE_EXCLUDE, longer, f.user, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	longer[STORE_REASON_MAX] = '\0'; /* exactly the limit: fine */
	assert_int_equal(store_review_set(f.st, id, STORE_EXCLUDE, longer, f.user, &err), 0);
	free(longer);
	assert_int_equal(store_review_set(f.st, id, STORE_ACCEPT, "ok", f.user, &err), 0);
	assert_int_equal(store_review_set(f.st, 999999, STORE_EXCLUDE, "x", f.user, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "tidak ada");
	assert_int_equal(store_review_set(f.st, id, (enum store_decision)7, "x", f.user, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	/* Nothing half-done by the refusals. */
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), full);
	assert_int_equal(n, 2);
	/* A closed period keeps its results. */
	assert_int_equal(store_period_close(f.st, "2022-s1", &err), 0);
	assert_int_equal(store_review_set(f.st, id, STORE_EXCLUDE, "terlambat", f.user, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "ditutup");
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), full);
	assert_int_equal(n, 2);
	store_close(f.st);
}

/* A decision inside the caller's transaction, right after the response. */
static void test_in_transaction(void **state)
{
	const char *url = storetest_fresh(state, "transaction");
	struct fix f;
	struct ikm_err err = {0};
	struct store_response r = {0};
	uint64_t n;
	int dup;
	int64_t id;

	fix_make(&f, url);
	id = add(&f, &f.u, 0, "222222222", STORE_IMPORT, 0);
	r.unit = f.u.id;
	r.period = f.p.id;
	r.instrument = f.instr;
	r.channel = STORE_IMPORT;
	r.k = 9;
	memset(r.answers, 2, 9);
	r.flags = QUALITY_STRAIGHT;
	r.age = -1;
	assert_int_equal(store_begin(f.st, &err), 0);
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	assert_int_equal(
	    store_review_set(f.st, id + 1, STORE_EXCLUDE, "dalam transaksi", f.user, &err), 0);
	assert_int_equal(store_commit(f.st, &err), 0);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), 5000);
	assert_int_equal(n, 1);
	assert_int_equal(tally_rows(&f, "SELECT SUM(n) FROM tally"), 1);
	/* Rolled back: nothing of the decision stays. */
	assert_int_equal(store_begin(f.st, &err), 0);
	assert_int_equal(store_review_set(f.st, id, STORE_EXCLUDE, "batal", f.user, &err), 0);
	store_rollback(f.st);
	assert_int_equal(ikm_of(&f, f.u.id, 0, &n), 5000);
	assert_int_equal(n, 1);
	store_close(f.st);
}

static void test_flagged_list(void **state)
{
	const char *url = storetest_fresh(state, "flagged");
	struct fix f;
	struct ikm_err err = {0};
	struct store_scope sc;
	struct store_flagged *list;
	int64_t ids[7], count;
	int n;

	fix_make(&f, url);
	ids[0] = add(&f, &f.u, 0, "444444444", STORE_WEB, 20220105);   /* straight */
	ids[1] = add(&f, &f.u, 0, "434343434", STORE_WEB, 20220105);   /* none */
	ids[2] = add(&f, &f.u, f.v.id, "400000000", STORE_KIOSK, 0);   /* partial */
	ids[3] = add(&f, &f.u, 0, "333333330", STORE_PAPER, 20220301); /* straight, partial */
	ids[4] = add(&f, &f.u2, 0, "111111111", STORE_WEB, 20220301);  /* another unit */
	ids[5] = add(&f, &f.u, f.v.id, "222222222", STORE_API, 20220302);
	ids[6] = add(&f, &f.u, 0, "121212121", STORE_IMPORT, 20220302);
	sc = (struct store_scope){f.u.id, f.p.id, 0};
	assert_int_equal(store_flagged_count(f.st, &sc, &count, &err), 0);
	assert_int_equal(count, 4);
	assert_int_equal(
	    store_review_set(f.st, ids[3], STORE_EXCLUDE, "tidak lengkap", f.user, &err), 0);
	assert_int_equal(store_flagged_list(f.st, &sc, 0, 3, &list, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].id, ids[0]);
	assert_int_equal(list[0].flags, QUALITY_STRAIGHT);
	assert_string_equal(list[0].answers, "444444444");
	assert_string_equal(list[0].channel, "web");
	assert_int_equal(list[0].date, 20220105);
	assert_int_equal(list[0].reviewed, 0);
	assert_string_equal(list[0].suggestion, "<b>saran</b> '; DROP TABLE response; --");
	assert_int_equal(list[1].id, ids[2]);
	assert_int_equal(list[1].flags, QUALITY_PARTIAL);
	assert_int_equal(list[2].id, ids[3]);
	assert_int_equal(list[2].reviewed, 2);
	assert_string_equal(list[2].reason, "tidak lengkap");
	free(list);
	assert_int_equal(store_flagged_list(f.st, &sc, 3, 3, &list, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, ids[5]);
	free(list);
	assert_int_equal(store_flagged_list(f.st, &sc, 9, 3, &list, &n, &err), 0);
	assert_int_equal(n, 0);
	free(list);
	sc.service = f.v.id;
	assert_int_equal(store_flagged_count(f.st, &sc, &count, &err), 0);
	assert_int_equal(count, 2);
	{
		struct store_flagged one;

		assert_int_equal(store_flagged_get(f.st, 123456, &sc, &one, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
	}

	/* The counts of the scope. */
	{
		struct store_counts c;

		sc.service = 0;
		assert_int_equal(store_scope_counts(f.st, &sc, &c, &err), 0);
		assert_int_equal(c.counted, 5);
		assert_int_equal(c.excluded, 1);
		assert_int_equal(c.channel[STORE_WEB], 2);
		assert_int_equal(c.channel[STORE_KIOSK], 1);
		assert_int_equal(c.channel[STORE_PAPER], 0); /* excluded */
		assert_int_equal(c.channel[STORE_API], 1);
		assert_int_equal(c.channel[STORE_IMPORT], 1);
		assert_int_equal(c.undated, 1);
		assert_int_equal(c.ndays, 2);
		assert_int_equal(c.days[0].day, 20220105);
		assert_int_equal(c.days[0].n, 2);
		assert_int_equal(c.days[1].day, 20220302);
		assert_int_equal(c.days[1].n, 2);
		assert_int_equal(c.flagged, 4);
		assert_int_equal(c.flagged_open, 3);
		assert_int_equal(c.flag[quality_bit(QUALITY_STRAIGHT)], 3);
		assert_int_equal(c.flag[quality_bit(QUALITY_PARTIAL)], 2);
		assert_int_equal(c.flag_excluded[quality_bit(QUALITY_PARTIAL)], 1);
		assert_int_equal(c.flag_excluded[quality_bit(QUALITY_STRAIGHT)], 1);
		assert_int_equal(c.flag_accepted[quality_bit(QUALITY_STRAIGHT)], 0);
		store_counts_free(&c);
		store_counts_free(&c);
		sc.unit = 987654;
		assert_int_equal(store_scope_counts(f.st, &sc, &c, &err), 0);
		assert_int_equal(c.counted + c.excluded + c.flagged + (uint64_t)c.ndays, 0);
		store_counts_free(&c);
	}
	/* The progress of the period. */
	{
		struct store_progress *p;
		int np;

		assert_int_equal(store_population_set(f.st, f.u.id, 0, f.p.id, 100, &err), 0);
		assert_int_equal(store_population_set(f.st, f.u.id, f.v.id, f.p.id, 40, &err), 0);
		assert_int_equal(store_population_set(f.st, f.u2.id, f.v.id + 77, f.p.id, 9, &err),
		                 0);
		assert_int_equal(store_period_progress(f.st, f.p.id, &p, &np, &err), 0);
		assert_int_equal(np, 4);
		assert_int_equal(p[0].unit, f.u.id);
		assert_int_equal(p[0].service, 0);
		assert_int_equal(p[0].counted, 5);
		assert_int_equal(p[0].population, 100);
		assert_int_equal(p[1].service, f.v.id);
		assert_int_equal(p[1].counted, 2);
		assert_int_equal(p[1].population, 40);
		assert_int_equal(p[2].unit, f.u2.id);
		assert_int_equal(p[2].service, 0);
		assert_int_equal(p[2].counted, 1);
		assert_int_equal(p[2].population, 0);
		assert_int_equal(p[3].counted, 0);
		assert_int_equal(p[3].population, 9);
		free(p);
		assert_int_equal(store_period_progress(f.st, f.p.id + 50, &p, &np, &err), 0);
		assert_int_equal(np, 0);
		free(p);
	}
	store_close(f.st);
}

#define SUITE                                                                                      \
	cmocka_unit_test(test_exclude_accept), cmocka_unit_test(test_refusals),                    \
	    cmocka_unit_test(test_in_transaction), cmocka_unit_test(test_flagged_list)

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
