/* Unit tests of src/report/doc_pdf.c: an A4 PDF whose
 * text can be extracted (pdftotext, Debian poppler-utils) — letterhead,
 * title, bold runs, lettered lists, check-mark headings, signature — long
 * documents that break across pages, a bad logo and an unwritable path; a
 * report with a cover, chapters, a table over several pages (header
 * repeated, rows whole), a figure and page numbers, checked page by page,
 * by word positions inside the margins (pdftotext -bbox) and by page
 * images (tests/e2e/page_check.py); page breaks; cover and figure errors.
 * The table itself: test_doc_pdf_table.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "doc_pdf.h"
#include "err.h"
#include "pdftest.h"
#include "testutil.h"

/* Output of a command (at most 64 KiB) into buf; returns its exit status. */
static int run(const char *cmd, char *buf, size_t size)
{
	FILE *p = popen(cmd, "r");
	size_t n;

	assert_non_null(p);
	n = fread(buf, 1, size - 1, p);
	buf[n] = '\0';
	return pclose(p);
}

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
	char path[] = "/tmp/ikm-pdf-XXXXXX";
	char cmd[256], out[65536];
	struct ikm_err err = {0};
	struct doc *d = sample(2);
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext -layout %s - 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
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
	snprintf(cmd, sizeof(cmd), "pdfinfo %s 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "Pages:           1\n");
	assert_contains(out, "595.276 x 841.89 pts (A4)");
	assert_contains(out, "Surat <uji> & contoh");
	snprintf(cmd, sizeof(cmd), "pdffonts %s 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "DejaVuSerif");
	/* Every font embedded: the "emb" column says yes. */
	assert_null(strstr(out, " no  "));
	doc_free(d);
	unlink(path);
}

static void test_pages_break(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX";
	char cmd[256], out[65536];
	struct ikm_err err = {0};
	struct doc *d = sample(60);
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	snprintf(cmd, sizeof(cmd), "pdfinfo %s 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_null(strstr(out, "Pages:           1\n"));
	/* The signature and the last list item reach the end. */
	snprintf(cmd, sizeof(cmd), "pdftotext %s - 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "Perbaikan penanganan pengaduan.");
	assert_contains(out, "Nama Pejabat");
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

/* A figure: a frame over the whole box and a line of text (data). */
static void draw_box(cairo_t *cr, double w, double h, const void *data)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string("DejaVu Sans 12");

	cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
	cairo_set_line_width(cr, 2);
	cairo_rectangle(cr, 1, 1, w - 2, h - 2);
	cairo_stroke(cr);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, data, -1);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, 20, h / 2);
	pango_cairo_show_layout(cr, l);
	pango_font_description_free(fd);
	g_object_unref(l);
}

/* A figure that breaks the cairo state (one restore too many). */
static void draw_bad(cairo_t *cr, double w, double h, const void *data)
{
	cairo_restore(cr);
}

#define REPORT_ROWS 300
#define HEAD_MARK   "Nama Responden"

/* The report: cover, two chapters, a table of REPORT_ROWS rows and a total
 * row, a figure, page numbers. */
static struct doc *report(const char *logo)
{
	const char *const top[] = {"LAPORAN", "SURVEI KEPUASAN MASYARAKAT"};
	const char *const foot[] = {"DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "KOTA MOJOKERTO"};
	const char *const head[] = {"No.", HEAD_MARK, "Jenis Layanan", "Nilai", "Kategori"};
	const double width[] = {0.6, 2.5, 2, 1, 1.2};
	const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_LEFT,
	                                DOC_ALIGN_RIGHT, DOC_ALIGN_CENTER};
	struct doc *d = doc_new("Laporan SKM");

	d->page_numbers = 1;
	doc_cover(d, top, 2, foot, 2, logo);
	doc_chapter(d, "BAB I", "PENDAHULUAN");
	doc_para(d);
	doc_text(d, "Survei dilaksanakan pada semester pertama.", 0);
	doc_chapter(d, "BAB II", "HASIL SURVEI");
	doc_table(d, "Tabel 2.1 Daftar responden", 5, head, width, align, 0);
	for (int r = 1; r <= REPORT_ROWS; r++) {
		char no[16], name[64], val[32];
		const char *cells[5] = {no, name, r % 3 ? "Akta Kelahiran" : "Kartu Keluarga", val,
		                        "Baik"};

		snprintf(no, sizeof(no), "%d.", r);
		snprintf(name, sizeof(name), "Baris-%04d Responden", r);
		snprintf(val, sizeof(val), "%d,%d", 60 + r % 40, r % 10);
		doc_row(d, cells, 0);
	}
	{
		const char *cells[5] = {"", "Jumlah Seluruhnya", NULL, "88,4", NULL};

		doc_row(d, cells, 1);
	}
	doc_figure(d, "Gambar 2.1 Grafik uji", 400, 250, draw_box, strdup("Isi gambar uji"), NULL);
	return d;
}

static void test_report_pages(void **state)
{
	char dir[64], path[128], logo[128], cmd[512];
	struct ikm_err err = {0};
	char *text, *pages[64], *pix;
	int npages, table_pages = 0, heads, nwords, st;
	struct doc *d;
	struct pdftest_word *w;

	(void)state;
	pdftest_mkdir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/laporan.pdf", dir);
	snprintf(logo, sizeof(logo), "%s/logo.png", dir);
	write_logo(logo);
	d = report(logo);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	doc_free(d);

	text = pdftest_text(path, "");
	/* Every row once; each chapter right after a form feed. */
	for (int r = 1; r <= REPORT_ROWS; r++) {
		char name[32];

		snprintf(name, sizeof(name), "Baris-%04d", r);
		if (pdftest_count(text, name) != 1)
			fail_msg("%s appears %d times", name, pdftest_count(text, name));
	}
	assert_int_equal(pdftest_count(text, "Jumlah Seluruhnya"), 1);
	for (const char *s = text, *bab; (bab = strstr(s, "BAB I")) != NULL; s = bab + 1) {
		const char *q = bab;

		while (q > text && (q[-1] == '\n' || q[-1] == ' '))
			q--;
		assert_true(q > text && q[-1] == '\f');
	}
	assert_int_equal(pdftest_count(text, "BAB I"), 2); /* "BAB I" and "BAB II" */
	assert_int_equal(pdftest_count(text, "Tabel 2.1 Daftar responden"), 1);
	heads = pdftest_count(text, HEAD_MARK);
	npages = pdftest_pages(text, pages, 64);
	assert_true(npages >= 6);
	/* The cover: its lines, no page number; then 1, 2, 3 ... */
	assert_contains(pages[0], "SURVEI KEPUASAN MASYARAKAT");
	assert_contains(pages[0], "KOTA MOJOKERTO");
	assert_null(strstr(pages[0], "BAB I"));
	assert_contains(pages[1], "PENDAHULUAN");
	assert_contains(pages[2], "BAB II");
	assert_null(strstr(pages[2], "PENDAHULUAN"));
	for (int i = 0; i < npages; i++) {
		int nums[4], n = pdftest_lone_numbers(pages[i], nums, 4);
		int rows = pdftest_count(pages[i], "Baris-");

		if (i == 0)
			assert_int_equal(n, 0);
		else if (n != 1 || nums[0] != i)
			fail_msg("page %d: %d lone numbers, first %d", i + 1, n,
			         n > 0 ? nums[0] : -1);
		/* The header on every page with rows, and only there. */
		if (pdftest_count(pages[i], HEAD_MARK) != (rows > 0 ? 1 : 0))
			fail_msg("page %d: %d rows, header %d times", i + 1, rows,
			         pdftest_count(pages[i], HEAD_MARK));
		table_pages += rows > 0;
	}
	assert_true(table_pages >= 3);
	assert_int_equal(heads, table_pages);
	/* The figure and its caption below it, on the last page. */
	assert_contains(pages[npages - 1], "Isi gambar uji");
	assert_contains(pages[npages - 1], "Gambar 2.1 Grafik uji");
	assert_true(strstr(pages[npages - 1], "Isi gambar uji") <
	            strstr(pages[npages - 1], "Gambar 2.1 Grafik uji"));
	free(text);

	/* Word boxes: text inside the margins, one number a page but the cover. */
	w = pdftest_words(path, &nwords);
	assert_true(nwords > REPORT_ROWS * 5);
	assert_int_equal(pdftest_check_inside(w, nwords), npages - 1);
	free(w);

	/* Page images pass the e2e margin check (footer band allowed). */
	snprintf(cmd, sizeof(cmd),
	         "pdftoppm -gray -r 40 %s %s/page && python3 %s/tests/e2e/page_check.py 1.5 "
	         "%s/page-*.pgm 2>&1",
	         path, dir, getenv("IKM_TOP") != NULL ? getenv("IKM_TOP") : ".", dir);
	pix = pdftest_run(cmd, &st);
	if (st != 0)
		fail_msg("page_check: %s", pix);
	free(pix);
	pdftest_rmdir(dir);
}

static void test_pagebreak_and_numbers(void **state)
{
	char dir[64], path[128], *text, *pages[8];
	struct ikm_err err = {0};
	struct doc *d = doc_new("breaks");
	int nums[4];

	(void)state;
	pdftest_mkdir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/breaks.pdf", dir);
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
	pdftest_rmdir(dir);
}

static void test_cover_and_figure_errors(void **state)
{
	char dir[64], path[128], bad[128], tmp[160];
	const char *const top[] = {"JUDUL"};
	struct ikm_err err = {0};
	struct doc *d;
	FILE *f;

	(void)state;
	pdftest_mkdir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/out.pdf", dir);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	snprintf(bad, sizeof(bad), "%s/bad.png", dir);
	f = fopen(bad, "wb");
	assert_non_null(f);
	fputs("not a png at all, not even close", f);
	fclose(f);
	d = doc_new("x");
	doc_cover(d, top, 1, NULL, 0, bad);
	assert_int_equal(doc_pdf_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, bad);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(tmp, F_OK), -1);
	doc_free(d);

	err_clear(&err);
	d = doc_new("y");
	doc_figure(d, "Gambar rusak", 200, 100, draw_bad, NULL, NULL);
	assert_int_equal(doc_pdf_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(tmp, F_OK), -1);
	doc_free(d);
	pdftest_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_extractable),
	    cmocka_unit_test(test_pages_break),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_report_pages),
	    cmocka_unit_test(test_pagebreak_and_numbers),
	    cmocka_unit_test(test_cover_and_figure_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
