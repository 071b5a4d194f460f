/* Unit tests of src/report/scope.c and scopedoc.c on SQLite and
 * PostgreSQL: the demo stored with its profile analyses to what the file
 * gives (96,89, every element), the profile groups and suggestions, a
 * response excluded by a review left out of the rows and the CSV, the CSV
 * neutralising formulas, answers of an older instrument version mapped by
 * element, the previous period with results, unknown scopes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "load.h"
#include "scope.h"
#include "scopedoc.h"
#include "store_int.h"
#include "storetest.h"
#include "testutil.h"

struct fix {
	struct store *st;
	struct store_unit u;
	struct store_period p1, p2;
	int64_t instr;
};

static void fix_make(struct fix *f, const char *url)
{
	struct ikm_err err = {0};
	struct instrument in;

	f->st = storetest_open(url);
	if (store_unit_add(f->st, "dispenduk", "Dinas <b>Kependudukan</b>", NULL, &f->u, &err) <
	        0 ||
	    store_period_add(f->st, "2022-s1", 20220101, 20220630, "Semester I 2022", &f->p1,
	                     &err) < 0 ||
	    store_period_add(f->st, "2022-s2", 20220701, 20221231, "Semester II 2022", &f->p2,
	                     &err) < 0)
		fail_msg("%s", err.msg);
	instr_standard(&in);
	if (store_instrument_put(f->st, &in, 0, &f->instr, &err) < 0)
		fail_msg("%s", err.msg);
}

static void response_of(struct store_response *r, const struct fix *f, int64_t period,
                        const uint8_t *v)
{
	memset(r, 0, sizeof(*r));
	r->unit = f->u.id;
	r->period = period;
	r->instrument = f->instr;
	r->channel = STORE_IMPORT;
	r->submitted = 1650000000;
	r->k = 9;
	memcpy(r->answers, v, 9);
	r->age = -1;
}

static void copy_field(char *dst, size_t size, const struct load_row *lr, int p)
{
	size_t n = lr->prof[p] != NULL ? lr->prof_len[p] : 0;

	if (n >= size)
		n = size - 1;
	if (n > 0)
		memcpy(dst, lr->prof[p], n);
	dst[n] = '\0';
}

struct demo {
	struct fix *f;
	uint64_t stored;
};

static int demo_row(void *user, const struct load_row *lr, struct ikm_err *err)
{
	struct demo *d = user;
	struct store_response r;
	char age[16];
	int dup;

	if (lr->flags & QUALITY_EMPTY)
		return 0;
	response_of(&r, d->f, d->f->p1.id, lr->vals);
	r.flags = lr->flags;
	copy_field(r.gender, sizeof(r.gender), lr, PROF_GENDER);
	copy_field(r.education, sizeof(r.education), lr, PROF_EDUCATION);
	copy_field(r.job, sizeof(r.job), lr, PROF_JOB);
	copy_field(r.suggestion, sizeof(r.suggestion), lr, PROF_SUGGESTION);
	copy_field(age, sizeof(age), lr, PROF_AGE);
	r.age = age[0] != '\0' ? (int)strtol(age, NULL, 10) : -1;
	if (store_response_add(d->f->st, &r, &dup, err) < 0)
		return -1;
	d->stored++;
	return 0;
}

/* The demo into period 1; the file's own results into *res. */
static void demo_load(struct fix *f, struct score_result *res)
{
	struct demo d = {f, 0};
	struct instrument in;
	struct score_acc *acc = NULL;
	struct load_report rep = {0};
	struct load_opts lo = {0};
	struct ikm_err err = {0};
	char path[512];
	char *paths[1] = {path};

	snprintf(path, sizeof(path), "%s/examples/mojokerto-2022-s1-demo.csv",
	         getenv("IKM_TOP") != NULL ? getenv("IKM_TOP") : ".");
	instr_standard(&in);
	lo.row = demo_row;
	lo.row_user = &d;
	assert_int_equal(store_begin(f->st, &err), 0);
	if (load_files(paths, 1, &in, &lo, &acc, &rep, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(d.stored, 250);
	assert_int_equal(score_compute(acc, &in, res, &err), 0);
	score_acc_free(acc);
	load_report_free(&rep);
}

static void test_demo(void **state)
{
	const char *url = storetest_fresh(state, "scope_demo");
	struct fix f;
	struct score_result file;
	struct scope_analysis a;
	struct scope_profile *p = calloc(1, sizeof(*p));
	struct ikm_err err = {0};

	fix_make(&f, url);
	demo_load(&f, &file);
	assert_int_equal(scope_find(f.st, "dispenduk", "2022-s1", NULL, &a, &err), 0);
	assert_int_equal(scope_analyse(f.st, &a, &err), 0);
	assert_int_equal(a.res.ikm_e2, 9689);
	assert_int_equal(a.res.ni_e4, file.ni_e4);
	for (int j = 0; j < 9; j++)
		assert_int_equal(a.res.el[j].nrr_e4, file.el[j].nrr_e4);
	assert_true(a.ci.available);
	assert_int_equal(a.population, 0);
	assert_string_equal(a.period.name, "Semester I 2022");
	/* The profile: every respondent in one gender group, a small group
	 * among the education levels, suggestions grouped. */
	assert_int_equal(scope_profile(f.st, &a, NULL, 0, p, &err), 0);
	assert_int_equal(p->rt.rows, 250);
	{
		uint64_t men = 0, women = 0, total = 0, smallest = 250;

		for (int g = 0; g < p->ngroups[RESP_GENDER]; g++) {
			const struct scope_group *sg = &p->g[RESP_GENDER][g];

			total += sg->n;
			if (strcmp(sg->label, "Laki-laki") == 0)
				men = sg->n;
			if (strcmp(sg->label, "Perempuan") == 0)
				women = sg->n;
			assert_true(sg->computed);
			assert_true(sg->ikm_e2 > 9000 && sg->ikm_e2 <= 10000);
		}
		assert_int_equal(men + women, 250);
		assert_int_equal(total, 250);
		for (int g = 0; g < p->ngroups[RESP_EDUCATION]; g++)
			if (p->g[RESP_EDUCATION][g].n < smallest)
				smallest = p->g[RESP_EDUCATION][g].n;
		assert_true(smallest < 30);
	}
	assert_true(p->rt.nsugg > 0);
	scope_profile_free(p);
	free(p);
	scope_free(&a);
	/* Unknown names. */
	assert_int_equal(scope_find(f.st, "tidakada", "2022-s1", NULL, &a, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(scope_find(f.st, "dispenduk", "2030-s1", NULL, &a, &err), -1);
	assert_int_equal(scope_find(f.st, "dispenduk", "2022-s1", "akta", &a, &err), -1);
	/* A period without responses. */
	assert_int_equal(scope_find(f.st, "dispenduk", "2022-s2", NULL, &a, &err), 0);
	assert_int_equal(scope_analyse(f.st, &a, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	scope_free(&a);
	store_close(f.st);
}

static int count_row(void *user, const struct scope_row *row, struct ikm_err *err)
{
	(void)err;
	(void)row;
	(*(int *)user)++;
	return 0;
}

/* CSV text of a scope (with_excluded) into a new string. */
static char *csv_of(struct fix *f, const struct store_scope *sc, int with_excluded, uint64_t *n)
{
	char *p = NULL;
	size_t len = 0;
	struct ikm_err err = {0};
	FILE *out = open_memstream(&p, &len);

	assert_non_null(out);
	if (scope_csv_write(f->st, sc, out, with_excluded, n, &err) < 0)
		fail_msg("%s", err.msg);
	fclose(out);
	return p;
}

static void test_excluded_and_csv(void **state)
{
	const char *url = storetest_fresh(state, "scope_csv");
	struct fix f;
	struct store_response r;
	struct ikm_err err = {0};
	const uint8_t v[9] = {4, 4, 4, 3, 3, 3, 2, 4, 4};
	struct store_scope sc;
	struct scope_map *m = NULL;
	uint64_t n = 0;
	int dup, rows = 0;
	char *csv;

	fix_make(&f, url);
	for (int i = 0; i < 3; i++) {
		response_of(&r, &f, f.p1.id, v);
		snprintf(r.suggestion, sizeof(r.suggestion), "%s",
		         i == 0   ? "=HYPERLINK(\"x\")"
		         : i == 1 ? "kata \"kutip\", koma"
		                  : "biasa");
		snprintf(r.gender, sizeof(r.gender), "%s", i == 2 ? "+62" : "L");
		r.age = 30 + i;
		r.date = 20220105 + i;
		assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	}
	sc = (struct store_scope){f.u.id, f.p1.id, 0};
	csv = csv_of(&f, &sc, 0, &n);
	assert_int_equal(n, 3);
	assert_contains(csv,
	                "No,Tanggal,Jenis Kelamin,Usia,Pendidikan,Pekerjaan,Jenis Layanan,U1,");
	assert_contains(csv,
	                "1,2022-01-05,L,30,,,,4,4,4,3,3,3,2,4,4,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
	assert_contains(csv, "\"kata \"\"kutip\"\", koma\"");
	assert_contains(csv, ",'+62,32,");
	free(csv);
	/* A review excludes the second: gone from the rows and the CSV of the
	 * results, still in a full copy. */
	assert_int_equal(db_exec(f.st->db,
	                         "UPDATE response SET excluded = 1 WHERE suggestion LIKE 'kata%'",
	                         &err),
	                 0);
	assert_int_equal(scope_map_load(f.st, &sc, &m, &err), 0);
	assert_int_equal(scope_rows(f.st, &sc, m, 0, count_row, &rows, &err), 0);
	assert_int_equal(rows, 2);
	rows = 0;
	assert_int_equal(scope_rows(f.st, &sc, m, 1, count_row, &rows, &err), 0);
	assert_int_equal(rows, 3);
	free(m);
	csv = csv_of(&f, &sc, 0, &n);
	assert_int_equal(n, 2);
	assert_null(strstr(csv, "kutip"));
	free(csv);
	csv = csv_of(&f, &sc, 1, &n);
	assert_int_equal(n, 3);
	free(csv);
	/* No response: IKM_EDATA, nothing written but nothing broken. */
	sc.period = f.p2.id;
	assert_int_equal(scope_map_load(f.st, &sc, &m, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	store_close(f.st);
}

static int first_vals(void *user, const struct scope_row *row, struct ikm_err *err)
{
	uint8_t *out = user;

	(void)err;
	if (out[INSTR_MAX_ELEMENTS] == 0) {
		memcpy(out, row->vals, (size_t)row->k);
		out[INSTR_MAX_ELEMENTS] = (uint8_t)row->k;
	}
	return 0;
}

static void test_versions_and_previous(void **state)
{
	const char *url = storetest_fresh(state, "scope_versions");
	struct fix f;
	struct store_response r;
	struct ikm_err err = {0};
	struct instrument ex;
	struct scope_map *m = NULL;
	struct scope_analysis a, prev;
	const uint8_t v9[9] = {1, 2, 3, 4, 1, 2, 3, 4, 1};
	const uint8_t v10[10] = {4, 4, 4, 4, 4, 4, 4, 4, 4, 2};
	uint8_t got[INSTR_MAX_ELEMENTS + 1] = {0};
	int64_t id2;
	int dup, found = -1;

	fix_make(&f, url);
	response_of(&r, &f, f.p2.id, v9);
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	instr_standard(&ex);
	assert_int_equal(instr_add_extra(&ex, "U10", NULL, "Kebersihan", &err), 0);
	assert_int_equal(store_instrument_put(f.st, &ex, f.u.id, &id2, &err), 0);
	response_of(&r, &f, f.p2.id, v9);
	r.instrument = id2;
	r.k = 10;
	memcpy(r.answers, v10, 10);
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	/* The older version's answers land on the same elements of the newest. */
	assert_int_equal(scope_find(f.st, "dispenduk", "2022-s2", NULL, &a, &err), 0);
	assert_int_equal(scope_map_load(f.st, &a.sc, &m, &err), 0);
	assert_int_equal(m->in.k, 10);
	assert_int_equal(scope_rows(f.st, &a.sc, m, 0, first_vals, got, &err), 0);
	assert_int_equal(got[INSTR_MAX_ELEMENTS], 10);
	assert_memory_equal(got, v9, 9);
	assert_int_equal(got[9], 0);
	free(m);
	/* No period before with results: none. */
	assert_int_equal(scope_analyse(f.st, &a, &err), 0);
	assert_int_equal(scopedoc_previous(f.st, &a, &prev, &found, &err), 0);
	assert_int_equal(found, 0);
	/* With results in period 1: that one. */
	response_of(&r, &f, f.p1.id, v9);
	assert_int_equal(store_response_add(f.st, &r, &dup, &err), 0);
	assert_int_equal(scopedoc_previous(f.st, &a, &prev, &found, &err), 0);
	assert_int_equal(found, 1);
	assert_int_equal(prev.period.id, f.p1.id);
	assert_int_equal(prev.res.respondents, 1);
	scope_free(&prev);
	scope_free(&a);
	store_close(f.st);
}

#define SUITE                                                                                      \
	cmocka_unit_test(test_demo), cmocka_unit_test(test_excluded_and_csv),                      \
	    cmocka_unit_test(test_versions_and_previous)

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
