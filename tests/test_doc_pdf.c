/* Unit tests of src/report/doc_pdf.c: an A4 PDF whose
 * text can be extracted (pdftotext, Debian poppler-utils) — letterhead,
 * title, bold runs, lettered lists, check-mark headings, signature — long
 * documents that break across pages, a bad logo and an unwritable path; the
 * report of doctest_report — a cover, chapters, a table over several pages
 * (header repeated, rows whole), figures and page numbers — checked page by page,
 * by word positions inside the margins (pdftotext -bbox) and by page
 * images (tests/e2e/page_check.py); page breaks; cover and figure errors.
 * The table itself: test_doc_pdf_table.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "doc_pdf.h"
#include "doctest.h"
#include "err.h"
#include "pdftest.h"
#include "testutil.h"

static struct doc *sample(int paragraphs)
{
	const char *const lines[] = {"Gedung GMSC Lantai II, Jl. Gajah Mada 100",
	                             "Telp./Fax. (0321) 395820", NULL};
	struct doc *d = doc_new("Surat <uji> & contoh");

	doc_letterhead(d, "PEMERINTAH KOTA MOJOKERTO", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
	               lines, 3, NULL);
	doc_title(d, "REKOMENDASI DAN TINDAK LANJUT");
	for (int i = 0; i < paragraphs; i++) {
		doc_para(d);
		doc_text(d, "Nilai IKM adalah ", 0);
		doc_text(d, "96,89", 1);
		doc_text(d, " dengan kinerja SANGAT BAIK; tanda <b> & \"kutip\" tetap teks.", 0);
	}
	doc_heading(d, "REKOMENDASI", 1);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Peningkatan kapasitas petugas layanan;", 0);
	doc_item(d);
	doc_text(d, "Perbaikan penanganan pengaduan.", 0);
	doc_signature(d, "Mojokerto, 23 November 2026", "Kepala Dinas", "Nama Pejabat",
	              "NIP. 19700101 199001 1 001");
	return d;
}

static void test_text_extractable(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX", *out;
	struct ikm_err err = {0};
	struct doc *d = sample(2);
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	out = pdftest_text(path, "-layout");
	assert_contains(out, "PEMERINTAH KOTA MOJOKERTO");
	assert_contains(out, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL");
	assert_contains(out, "Telp./Fax. (0321) 395820");
	assert_contains(out, "REKOMENDASI DAN TINDAK LANJUT");
	assert_contains(out, "96,89");
	assert_contains(out, "tanda <b> & \"kutip\" tetap");
	assert_contains(out, "a.");
	assert_contains(out, "Peningkatan kapasitas petugas layanan;");
	assert_contains(out, "b.");
	assert_contains(out, "Nama Pejabat");
	assert_contains(out, "NIP. 19700101 199001 1 001");
	free(out);
	pdftest_assert_a4_page(path, "Surat <uji> & contoh", "DejaVuSerif");
	doc_free(d);
	unlink(path);
}

static void test_pages_break(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX", *out;
	struct ikm_err err = {0};
	struct doc *d = sample(60);
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	out = pdftest_cmd("pdfinfo %s 2>&1", path);
	assert_null(strstr(out, "Pages:           1\n"));
	free(out);
	/* The signature and the last list item reach the end. */
	out = pdftest_text(path, "");
	assert_contains(out, "Perbaikan penanganan pengaduan.");
	assert_contains(out, "Nama Pejabat");
	free(out);
	doc_free(d);
	unlink(path);
}

static void test_errors(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX";
	struct ikm_err err = {0};
	struct doc *d = doc_new("x");
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "not a png", 9), 9);
	close(fd);
	doc_letterhead(d, "A", "B", NULL, 0, path);
	assert_int_equal(doc_pdf_save(d, "/tmp/ikm-pdf-bad-logo.pdf", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, path);
	assert_int_equal(access("/tmp/ikm-pdf-bad-logo.pdf", F_OK), -1);
	assert_int_equal(access("/tmp/ikm-pdf-bad-logo.pdf.tmp", F_OK), -1);
	doc_free(d);
	d = doc_new("y");
	err_clear(&err);
	assert_int_equal(doc_pdf_save(d, "/nonexistent-dir/out.pdf", &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "/nonexistent-dir/out.pdf");
	doc_free(d);
	unlink(path);
}

/* A 300 x 150 PNG logo at path. */
static void write_logo(const char *path)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 300, 150);
	cairo_t *cr = cairo_create(s);

	cairo_set_source_rgb(cr, 0.1, 0.3, 0.6);
	cairo_paint(cr);
	cairo_destroy(cr);
	assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* A figure that breaks the cairo state (one restore too many). */
static void draw_bad(cairo_t *cr, double w, double h, const void *data)
{
	cairo_restore(cr);
}

/* doctest_report (the report the HTML and DOCX tests render too), with a
 * 300 x 150 logo: checked page by page, by word boxes and page images. */
static void test_report_pages(void **state)
{
	struct doctest_scratch *s = *state;
	const char *path = doctest_scratch_path(s, 0, "laporan.pdf");
	const char *logo = doctest_scratch_path(s, 1, "logo.png");
	const char *top = getenv("IKM_TOP") != NULL ? getenv("IKM_TOP") : ".";
	struct ikm_err err = {0};
	char *text, *pages[64], *last, *pix;
	int npages, table_pages = 0, heads, nwords;
	struct doc *d;
	struct pdftest_word *w;

	write_logo(logo);
	d = doctest_report(logo);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);

	/* Laid out, so that only page numbers (and the cover's year) stand
	 * alone on a line, not the numbers of the table's first column. */
	text = pdftest_text(path, "-layout");
	/* Every row once; each chapter right after a form feed. */
	for (int r = 1; r <= DOCTEST_TABLE_ROWS; r++) {
		char name[32];

		snprintf(name, sizeof(name), "Unit R%03d", r);
		if (testutil_count(text, name) != 1)
			fail_msg("%s appears %d times", name, testutil_count(text, name));
	}
	assert_int_equal(testutil_count(text, "JUMLAH"), 1);
	for (const char *p = text, *bab; (bab = strstr(p, "BAB I")) != NULL; p = bab + 1) {
		const char *q = bab;

		while (q > text && (q[-1] == '\n' || q[-1] == ' '))
			q--;
		assert_true(q > text && q[-1] == '\f');
	}
	assert_int_equal(testutil_count(text, "BAB I"), 2); /* "BAB I" and "BAB II" */
	/* Markup in the table caption, a cell and a figure caption is text. */
	assert_int_equal(testutil_count(text, "Tabel 1.1 Nilai per unit " DOCTEST_NASTY), 1);
	assert_int_equal(testutil_count(text, DOCTEST_NASTY), 3);
	heads = testutil_count(text, "KEPALA-UJI");
	npages = pdftest_pages(text, pages, 64);
	assert_true(npages >= 6);
	/* The cover: its lines, no page number; then 1, 2, 3 ... */
	assert_contains(pages[0], "SURVEI KEPUASAN MASYARAKAT");
	assert_contains(pages[0], "KOTA MOJOKERTO");
	assert_null(strstr(pages[0], "BAB I"));
	assert_contains(pages[1], "PENDAHULUAN");
	last = pages[npages - 1];
	assert_contains(last, "BAB II");
	assert_null(strstr(last, "PENDAHULUAN"));
	for (int i = 0; i < npages; i++) {
		int nums[4], n = pdftest_lone_numbers(pages[i], nums, 4);
		int rows = testutil_count(pages[i], "Unit R");

		if (i == 0) /* the cover: the year on its last line, no number */
			assert_true(n == 1 && nums[0] == 2022);
		else if (n != 1 || nums[0] != i)
			fail_msg("page %d: %d lone numbers, first %d", i + 1, n,
			         n > 0 ? nums[0] : -1);
		/* The header on every page with rows, and only there. */
		if (testutil_count(pages[i], "KEPALA-UJI") != (rows > 0 ? 1 : 0))
			fail_msg("page %d: %d rows, header %d times", i + 1, rows,
			         testutil_count(pages[i], "KEPALA-UJI"));
		table_pages += rows > 0;
	}
	assert_true(table_pages >= 3);
	assert_int_equal(heads, table_pages);
	/* The last figure (its drawing's text) and its caption below it. */
	testutil_assert_in_order(
	    last, (const char *const[]){"GAMBAR-UJI", "Gambar 2.1 Profil responden"}, 2);
	free(text);

	/* Word boxes: text inside the margins, one number a page but the cover. */
	w = pdftest_words(path, &nwords);
	assert_true(nwords > DOCTEST_TABLE_ROWS * 4);
	assert_int_equal(pdftest_check_inside(w, nwords), npages - 1);
	free(w);

	/* Page images pass the e2e margin check (footer band allowed). */
	pix =
	    pdftest_cmd("pdftoppm -gray -r 40 %s %s/page && python3 %s/tests/e2e/page_check.py 1.5 "
	                "%s/page-*.pgm 2>&1",
	                path, s->dir, top, s->dir);
	free(pix);
}

static void test_pagebreak_and_numbers(void **state)
{
	const char *path = doctest_scratch_path(*state, 0, "breaks.pdf");
	char *text, *pages[8];
	struct ikm_err err = {0};
	struct doc *d = doc_new("breaks");
	int nums[4];

	/* Two breaks in a row make one page break; a chapter first makes no
	 * empty page; no cover: the first page is 1. */
	d->page_numbers = 1;
	doc_chapter(d, "BAB I", "SATU");
	doc_para(d);
	doc_text(d, "Halaman satu", 0);
	doc_pagebreak(d);
	doc_pagebreak(d);
	doc_para(d);
	doc_text(d, "Halaman dua", 0);
	doc_pagebreak(d);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);
	text = pdftest_text(path, "");
	assert_int_equal(pdftest_pages(text, pages, 8), 2);
	assert_contains(pages[0], "BAB I");
	assert_contains(pages[0], "Halaman satu");
	assert_contains(pages[1], "Halaman dua");
	assert_int_equal(pdftest_lone_numbers(pages[0], nums, 4), 1);
	assert_int_equal(nums[0], 1);
	assert_int_equal(pdftest_lone_numbers(pages[1], nums, 4), 1);
	assert_int_equal(nums[0], 2);
	free(text);

	/* Page numbers off: none. A cover alone: one page, no number. */
	d = doc_new("off");
	doc_para(d);
	doc_text(d, "Tanpa nomor", 0);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);
	text = pdftest_text(path, "");
	assert_int_equal(pdftest_pages(text, pages, 8), 1);
	assert_int_equal(pdftest_lone_numbers(pages[0], nums, 4), 0);
	free(text);
	{
		const char *const top[] = {"JUDUL SAMPUL"};

		d = doc_new("cover");
		d->page_numbers = 1;
		doc_cover(d, top, 1, NULL, 0, NULL);
	}
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);
	text = pdftest_text(path, "");
	assert_int_equal(pdftest_pages(text, pages, 8), 1);
	assert_contains(pages[0], "JUDUL SAMPUL");
	assert_int_equal(pdftest_lone_numbers(pages[0], nums, 4), 0);
	free(text);
}

static void test_cover_and_figure_errors(void **state)
{
	const char *path = doctest_scratch_path(*state, 0, "out.pdf");
	const char *bad = doctest_scratch_path(*state, 1, "bad.png");
	const char *const top[] = {"JUDUL"};
	struct ikm_err err = {0};
	struct doc *d;

	doctest_write_file(bad, "not a png at all, not even close", 32);
	d = doc_new("x");
	doc_cover(d, top, 1, NULL, 0, bad);
	assert_int_equal(doc_pdf_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, bad);
	assert_false(doctest_exists(path));
	doctest_assert_no_tmp(path);
	doc_free(d);

	err_clear(&err);
	d = doc_new("y");
	doc_figure(d, "Gambar rusak", 200, 100, draw_bad, NULL, NULL);
	assert_int_equal(doc_pdf_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_false(doctest_exists(path));
	doctest_assert_no_tmp(path);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_extractable),
	    cmocka_unit_test(test_pages_break),
	    cmocka_unit_test(test_errors),
	    doctest_unit_test(test_report_pages),
	    doctest_unit_test(test_pagebreak_and_numbers),
	    doctest_unit_test(test_cover_and_figure_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
