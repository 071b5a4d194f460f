/* Unit tests of src/report/laporan.c and laporan_tables.c: the rows kept
 * for the processing lampiran, and the report's document model built from
 * a real accumulator — chapters, the follow-up plan for an element graded
 * C, the sample check, the totals over every respondent when only some rows
 * are printed, and the change from a previous period with a new element.
 * (The rendered report is checked end to end in tests/e2e/test_laporan.sh.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "laporan.h"
#include "priority.h"
#include "score.h"
#include "stats.h"
#include "testutil.h"

/* Occurrences of s in every text of the document. */
static int doc_count(const struct doc *d, const char *s)
{
	int n = 0;

#define COUNT(t)                                                                                   \
	do {                                                                                       \
		if ((t) != NULL && strstr((t), s) != NULL)                                         \
			n++;                                                                       \
	} while (0)
	for (int b = 0; b < d->nblocks; b++) {
		const struct doc_block *k = &d->blocks[b];

		COUNT(k->text);
		for (int i = 0; i < k->nlines; i++)
			COUNT(k->lines[i]);
		for (int r = 0; r < k->para.nruns; r++)
			COUNT(k->para.runs[r].text);
		for (int i = 0; i < k->nitems; i++)
			for (int r = 0; r < k->items[i].nruns; r++)
				COUNT(k->items[i].runs[r].text);
		if (k->table != NULL) {
			for (int c = 0; c < k->table->ncols; c++)
				COUNT(k->table->head[c]);
			for (int i = 0; i < k->table->nrows * k->table->ncols; i++)
				COUNT(k->table->cell[i]);
		}
	}
#undef COUNT
	return n;
}

static int blocks_of(const struct doc *d, enum doc_block_kind kind)
{
	int n = 0;

	for (int b = 0; b < d->nblocks; b++)
		n += d->blocks[b].kind == kind;
	return n;
}

static void test_rows_visit(void **state)
{
	struct laporan_rows r;
	const uint8_t a[3] = {4, 3, 0}, none[3] = {0, 0, 0}, b[3] = {1, 2, 3};

	(void)state;
	laporan_rows_init(&r, 2);
	laporan_rows_visit(&r, 0, 2, a, 3);
	laporan_rows_visit(&r, 0, 3, none, 3); /* answers nothing: not a respondent */
	laporan_rows_visit(&r, 0, 4, b, 3);
	laporan_rows_visit(&r, 0, 5, a, 3);
	assert_int_equal(r.total, 3);
	assert_int_equal(r.kept, 2);
	assert_int_equal(r.k, 3);
	assert_memory_equal(r.vals, a, 3);
	assert_memory_equal(r.vals + 3, b, 3);
	laporan_rows_free(&r);
	laporan_rows_free(&r); /* twice is fine */

	/* Many rows: the buffer grows past its first size. */
	laporan_rows_init(&r, 5000);
	for (int i = 0; i < 6000; i++) {
		uint8_t v[3] = {(uint8_t)(1 + i % 4), (uint8_t)(1 + i / 4 % 4), 4};

		laporan_rows_visit(&r, 0, (uint64_t)i, v, 3);
	}
	assert_int_equal(r.total, 6000);
	assert_int_equal(r.kept, 5000);
	assert_int_equal(r.vals[4999 * 3], 1 + 4999 % 4);
	assert_int_equal(r.vals[4999 * 3 + 1], 1 + 4999 / 4 % 4);
	laporan_rows_free(&r);

	laporan_rows_init(&r, 0);
	laporan_rows_visit(&r, 0, 1, a, 3);
	assert_int_equal(r.total, 1);
	assert_int_equal(r.kept, 0);
	laporan_rows_free(&r);
}

struct fixture {
	struct instrument in;
	struct score_acc *acc;
	struct score_result res;
	struct stats_ci ci;
	struct laporan_rows rows;
	struct resp_tally rt;
	struct catalog *cat;
	struct profile prof;
};

/* Nine standard elements; U3 (waktu) answered 2 by most, so it is graded
 * C-or-worse and below the mean; n respondents, rows limit `keep`. */
static void fixture_make(struct fixture *f, int n, uint64_t keep)
{
	struct ikm_err err = {0};

	memset(f, 0, sizeof(*f));
	instr_standard(&f->in);
	f->acc = score_acc_new(9);
	laporan_rows_init(&f->rows, keep);
	resp_init(&f->rt, NULL, 0);
	for (int i = 0; i < n; i++) {
		uint8_t v[9];

		for (int j = 0; j < 9; j++)
			v[j] = (uint8_t)(j == 2 ? (i % 5 == 0 ? 3 : 2) : 3 + (i + j) % 2);
		score_acc_add(f->acc, v);
		laporan_rows_visit(&f->rows, 0, (uint64_t)i + 2, v, 9);
	}
	resp_sorted(&f->rt);
	assert_int_equal(score_compute(f->acc, &f->in, &f->res, &err), 0);
	stats_ikm_ci(f->acc, &f->in, &f->res, 0, &f->ci);
	assert_int_equal(catalog_load_default(&f->cat, &err), 0);
	profile_default(&f->prof);
}

static void fixture_free(struct fixture *f)
{
	score_acc_free(f->acc);
	laporan_rows_free(&f->rows);
	resp_free(&f->rt);
	catalog_free(f->cat);
}

static void test_report_model(void **state)
{
	struct fixture f;
	struct laporan_info li = {0};
	const char *const *items;
	struct doc *d;
	char buf[64];

	(void)state;
	fixture_make(&f, 40, 1000);
	assert_int_equal(f.res.el[2].mutu, 'D');
	li.prof = &f.prof;
	li.period = "Triwulan III 2026";
	li.place_date = "";
	li.year = 2026;
	li.population = 40; /* minimum 36: adequate */
	li.required = 36;
	li.ci = &f.ci;
	d = laporan_build(&li, &f.in, &f.res, &f.rt, &f.rows, f.cat);
	assert_string_equal(d->title, "LAPORAN SURVEI KEPUASAN MASYARAKAT TRIWULAN III 2026");
	assert_int_equal(d->page_numbers, 1);
	assert_int_equal(d->blocks[0].kind, DOC_COVER);
	assert_int_equal(blocks_of(d, DOC_CHAPTER), 6); /* BAB I-V, LAMPIRAN */
	/* Without a profile: a generic unit name, no signature block. */
	assert_true(doc_count(d, "unit pelayanan periode Triwulan III 2026") >= 1);
	assert_int_equal(blocks_of(d, DOC_SIGNATURE), 0);
	assert_int_equal(doc_count(d, "telah memenuhi jumlah minimal"), 2);
	assert_int_equal(doc_count(d, "Berkas data tidak memuat kolom profil responden"), 1);
	/* The element graded D is named as needing urgent repair and has every
	 * follow-up action of the catalog in the RTL table. */
	assert_true(doc_count(d, "U3 Waktu Penyelesaian (NRR ") == 1);
	assert_true(doc_count(d, "Unsur dengan mutu C atau D") == 1);
	for (int t = 0, n = catalog_items(f.cat, "waktu", CATALOG_TINDAK_LANJUT, &items); t < n;
	     t++) {
		char text[CATALOG_ITEM_MAX + 1];

		snprintf(text, sizeof(text), "%.*s", (int)strcspn(items[t], ";"), items[t]);
		assert_int_equal(doc_count(d, text), 1);
	}
	/* No [tindak_lanjut] in the profile: the defaults fill the RTL. */
	assert_true(doc_count(d, "Periode survei berikutnya") >= 1);
	assert_true(doc_count(d, "Pimpinan unit pelayanan") >= 1);
	/* Every row printed: respondent 40 is there, no gap row. */
	assert_int_equal(doc_count(d, "Tabel mencetak"), 0);
	snprintf(buf, sizeof(buf), "%d", 40);
	assert_true(doc_count(d, buf) >= 1);
	doc_free(d);
	fixture_free(&f);
}

static void test_rows_summarised(void **state)
{
	struct fixture f;
	struct laporan_info li = {0};
	struct doc *d;
	char sum[32];

	(void)state;
	fixture_make(&f, 50, 7);
	li.prof = &f.prof;
	li.period = "";
	li.place_date = "";
	li.ci = &f.ci;
	d = laporan_build(&li, &f.in, &f.res, &f.rt, &f.rows, f.cat);
	assert_int_equal(doc_count(d, "8-50"), 1);
	assert_int_equal(doc_count(d, "Tabel mencetak 7 responden pertama dari 50"), 1);
	/* The totals are over all 50: the sum of U3 is 10 x 3 + 40 x 2. */
	snprintf(sum, sizeof(sum), "%d", 10 * 3 + 40 * 2);
	assert_true(doc_count(d, sum) >= 1);
	assert_int_equal(doc_count(d, "Σ nilai"), 1);
	/* Nine weight cells and the sentence on exact weights. */
	assert_int_equal(doc_count(d, "1/9"), 10);
	doc_free(d);
	fixture_free(&f);
}

static void test_previous_period(void **state)
{
	struct fixture f, p;
	struct laporan_info li = {0};
	struct laporan_previous pv = {0};
	double se[INSTR_MAX_ELEMENTS], pse[INSTR_MAX_ELEMENTS];
	struct instrument pin;
	struct score_result pres;
	struct doc *d;

	(void)state;
	fixture_make(&f, 400, 10);
	fixture_make(&p, 400, 10);
	/* The previous period lacked U9: its instrument and result have 8. */
	pin = p.in;
	pin.k = 8;
	pres = p.res;
	pres.k = 8;
	for (int j = 0; j < 9; j++) {
		se[j] = stats_element_se(f.acc, j, 0);
		pse[j] = stats_element_se(p.acc, j, 0);
	}
	pv.period = "Triwulan II 2026";
	pv.in = &pin;
	pv.res = &pres;
	pv.ci = &p.ci;
	pv.el_se = pse;
	li.prof = &f.prof;
	li.period = "Triwulan III 2026";
	li.place_date = "";
	li.ci = &f.ci;
	li.el_se = se;
	li.prev = &pv;
	d = laporan_build(&li, &f.in, &f.res, &f.rt, &f.rows, f.cat);
	assert_int_equal(doc_count(d, "IKM tetap dari"), 1);
	assert_int_equal(doc_count(d, "(periode Triwulan II 2026)"), 1);
	assert_int_equal(doc_count(d, "unsur baru"), 1);
	/* 8 elements and the IKM in the table, and the verdict sentence. */
	assert_int_equal(doc_count(d, "belum nyata"), 10);
	assert_int_equal(doc_count(d, "Data periode sebelumnya tidak disertakan"), 0);
	doc_free(d);
	fixture_free(&f);
	fixture_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rows_visit),
	    cmocka_unit_test(test_report_model),
	    cmocka_unit_test(test_rows_summarised),
	    cmocka_unit_test(test_previous_period),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
