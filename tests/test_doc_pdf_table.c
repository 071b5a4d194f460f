/* Unit tests of src/report/doc_pdf_table.c: cell text wrapped inside its
 * column and still extractable, a cell taller than a page cut so that its
 * row stays whole and inside the margins, and a table of 2 000 rows x 11
 * columns with every row there once. Speed is measured by bench/report.sh
 * (the Laporan SKM), never here. (Header rows repeated on every page, rows in
 * order: test_doc_pdf.c, test_report_pages.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doc_pdf.h"
#include "doc_pdf_int.h" /* page geometry */
#include "doctest.h"
#include "err.h"
#include "pdftest.h"
#include "testutil.h"

static void test_table_wrap(void **state)
{
	const char *path = doctest_scratch_path(*state, 0, "wrap.pdf");
	char longtext[2048] = "", *text, *raw;
	const char *const head[] = {"Kode", "Uraian", "Nilai"};
	const double width[] = {1, 3, 1};
	struct ikm_err err = {0};
	struct doc *d = doc_new("wrap");
	double left = MARGIN_L + TEXT_W / 5, right = MARGIN_L + TEXT_W * 4 / 5, ys[64];
	int nwords, found = 0, nys = 0;
	struct pdftest_word *w;

	for (int i = 1; i <= 60; i++) {
		char word[32];

		snprintf(word, sizeof(word), "%skata%02d", i > 1 ? " " : "", i);
		strncat(longtext, word, sizeof(longtext) - strlen(longtext) - 1);
	}
	doc_table(d, NULL, 3, head, width, NULL, 1);
	{
		const char *cells[3] = {"A1", longtext, "9,5"};
		const char *after[3] = {"A2", "pendek", "1,0"};

		doc_row(d, cells, 0);
		doc_row(d, after, 0);
	}
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);
	/* Extractable in order (line breaks folded) ... */
	text = pdftest_text(path, "-raw");
	raw = strdup(text);
	for (char *s = text; *s != '\0'; s++)
		if (*s == '\n')
			*s = ' ';
	assert_contains(text, longtext);
	assert_contains(text, "pendek");
	/* ... over several lines (raw text keeps the breaks) ... */
	assert_null(strstr(raw, longtext));
	free(raw);
	free(text);
	/* ... and inside its column. */
	w = pdftest_words(path, &nwords);
	for (int i = 0; i < nwords; i++) {
		int seen = 0;

		if (strncmp(w[i].text, "kata", 4) != 0)
			continue;
		found++;
		if (w[i].x0 < left || w[i].x1 > right)
			fail_msg("%s at x %.1f-%.1f, column %.1f-%.1f", w[i].text, w[i].x0, w[i].x1,
			         left, right);
		for (int j = 0; j < nys; j++)
			seen |= ys[j] == w[i].y0;
		if (!seen && nys < 64)
			ys[nys++] = w[i].y0;
	}
	assert_int_equal(found, 60);
	assert_true(nys >= 4);
	free(w);
}

/* A cell taller than a page is cut (with an ellipsis) so that its row
 * still fits on one page; the rows after it follow. */
static void test_table_huge_cell(void **state)
{
	const char *path = doctest_scratch_path(*state, 0, "huge.pdf");
	char *huge, *text, *pages[8];
	const char *const head[] = {"No.", "Isi"};
	struct ikm_err err = {0};
	struct doc *d = doc_new("huge");
	size_t cap = 4000 * 9, len = 0;
	int nwords;
	struct pdftest_word *w;

	huge = malloc(cap);
	assert_non_null(huge);
	for (int i = 0; i < 4000; i++)
		len += (size_t)snprintf(huge + len, cap - len, "isi%04d ", i);
	doc_table(d, "Tabel isi", 2, head, NULL, NULL, 0);
	{
		const char *first[2] = {"1.", "Awal"};
		const char *big[2] = {"2.", huge};
		const char *last[2] = {"3.", "Akhir"};

		doc_row(d, first, 0);
		doc_row(d, big, 0);
		doc_row(d, last, 0);
	}
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);
	free(huge);
	/* Caption and row 1; row 2 alone; row 3. (The text cut off stays in
	 * the PDF as the ellipsis glyph's text, so pdftotext still finds it.) */
	text = pdftest_text(path, "");
	assert_int_equal(pdftest_pages(text, pages, 8), 3);
	assert_contains(pages[0], "Awal");
	assert_contains(pages[1], "isi0000");
	assert_contains(pages[2], "Akhir");
	free(text);
	/* Nothing runs past the bottom margin. */
	w = pdftest_words(path, &nwords);
	pdftest_check_inside(w, nwords);
	free(w);
}

/* Under valgrind (its preload library): a smaller table. */
static int under_valgrind(void)
{
	const char *pre = getenv("LD_PRELOAD");

	return pre != NULL && strstr(pre, "vgpreload") != NULL;
}

/* 2 000 rows x 11 columns of respondent data: every row there once (the
 * layouts reused across rows must not drop or repeat a cell). */
static void test_table_long(void **state)
{
	static const char *const head[11] = {"No.",        "Responden", "Umur", "Jenis Kelamin",
	                                     "Pendidikan", "Pekerjaan", "U1",   "U2",
	                                     "U3",         "U4",        "U5"};
	static const char *const sex[] = {"Laki-laki", "Perempuan"};
	static const char *const edu[] = {"SD", "SMP", "SMA", "D3", "S1", "S2"};
	static const char *const job[] = {"PNS",        "TNI/Polri", "Swasta",
	                                  "Wiraswasta", "Pelajar",   "Lainnya"};
	static const char *const v[] = {"1,00", "2,00", "3,00", "4,00"};
	int rows = under_valgrind() ? 400 : 2000;
	const char *path = doctest_scratch_path(*state, 0, "speed.pdf");
	char *text;
	struct ikm_err err = {0};
	struct doc *d = doc_new("speed");

	doc_table(d, "Tabel data responden", 11, head, NULL, NULL, 1);
	for (int r = 1; r <= rows; r++) {
		char no[16], name[32], age[16];
		const char *cells[11] = {no,           name,           age,         sex[r % 2],
		                         edu[r % 6],   job[r / 3 % 6], v[r % 4],    v[r / 2 % 4],
		                         v[r / 3 % 4], v[r / 5 % 4],   v[r / 7 % 4]};

		snprintf(no, sizeof(no), "%d", r);
		snprintf(name, sizeof(name), "R%05d", r);
		snprintf(age, sizeof(age), "%d", 18 + r % 50);
		doc_row(d, cells, 0);
	}
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);
	text = pdftest_text(path, "");
	for (int r = 1; r <= rows; r++) {
		char name[32];

		snprintf(name, sizeof(name), "R%05d", r);
		if (testutil_count(text, name) != 1)
			fail_msg("%s appears %d times", name, testutil_count(text, name));
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    doctest_unit_test(test_table_wrap),
	    doctest_unit_test(test_table_huge_cell),
	    doctest_unit_test(test_table_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
