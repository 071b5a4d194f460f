/* Unit tests of src/report/doc_html.c on the blocks of the Laporan SKM:
 * cover, chapters, page breaks, tables, figures (inline SVG from
 * src/report/figure_svg.c) and page numbers, rendered into a memory stream
 * and checked for concrete markup; the report is doctest_report, the one
 * the DOCX and PDF renderers are tested on too. The letter is tested in
 * test_doc_html.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doctest.h"
#include "err.h"
#include "htmltest.h"
#include "testutil.h"

static void test_cover(void **state)
{
	struct doctest_scratch s;
	const char *logo;
	struct ikm_err err;
	struct doc *d;
	char *html = NULL;

	(void)state;
	doctest_scratch_init(&s);
	logo = doctest_scratch_path(&s, 0, "logo.png");
	doctest_write_file(logo, doctest_png_1x1, sizeof(doctest_png_1x1));
	d = doctest_report(logo);
	html = htmltest_render_ok(d);
	/* First in the article: title lines, the logo, the foot lines. */
	assert_contains(html,
	                "<article>\n<section class=\"cover\">\n"
	                "<h1>LAPORAN<br>SURVEI KEPUASAN MASYARAKAT<br>SEMESTER I TAHUN "
	                "2022</h1>\n"
	                "<img class=\"logo\" alt=\"Logo DINAS KEPENDUDUKAN DAN PENCATATAN "
	                "SIPIL\" src=\"data:image/png;base64," DOCTEST_PNG_B64 "\">\n"
	                "<div class=\"foot\">\n<p>DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL</p>\n"
	                "<p>KOTA MOJOKERTO</p>\n<p>2022</p>\n</div>\n</section>\n"
	                "<h1 class=\"chapter\"");
	/* It fills the page and breaks after it. */
	assert_contains(html, "justify-content: space-between; min-height: 24cm;");
	assert_contains(html, "break-before: page; page-break-before: always;\n"
	                      "  break-after: page; page-break-after: always; }\n"
	                      ".cover h1 {");
	assert_contains(html, "@media print { .cover { height: 25cm;");
	assert_int_equal(testutil_count(html, "<img "), 1);
	free(html);
	doc_free(d);

	/* No logo, no foot lines; escaped. */
	d = doc_new("t");
	doc_cover(d, (const char *const[]){DOCTEST_NASTY, ""}, 2, NULL, 0, NULL);
	html = htmltest_render_ok(d);
	assert_contains(html, "<section class=\"cover\">\n<h1>" DOCTEST_NASTY_ESC "</h1>\n"
	                      "<div class=\"foot\">\n</div>\n</section>\n");
	assert_not_contains(html, "<img");
	free(html);
	doc_free(d);

	/* A logo that cannot be read. */
	d = doc_new("t");
	doc_cover(d, NULL, 0, NULL, 0, "/nonexistent/ikm/logo.png");
	assert_int_equal(htmltest_render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "/nonexistent/ikm/logo.png");
	free(html);
	doc_free(d);
	doctest_scratch_done(&s);
}

static void test_chapters(void **state)
{
	struct doc *d = doctest_report(NULL);
	char *html = htmltest_render_ok(d);

	(void)state;
	assert_int_equal(testutil_count(html, "<h1 class=\"chapter\""), 2);
	assert_contains(html, "<h1 class=\"chapter\" id=\"c1\"><span class=\"label\">BAB I</span>"
	                      "<br><span class=\"title\">PENDAHULUAN</span></h1>\n");
	assert_contains(html, "<h1 class=\"chapter\" id=\"c2\"><span class=\"label\">BAB II</span>"
	                      "<br><span class=\"title\">HASIL SURVEI</span></h1>\n");
	/* A new page in print. */
	assert_contains(html, "h1.chapter { margin-top: 0; break-before: page; "
	                      "page-break-before: always; }");
	/* The heading's section holds its table and figure and ends before
	 * the next chapter. */
	testutil_assert_in_order(html,
	                         (const char *const[]){"<section aria-labelledby=\"s1\">", "<table",
	                                               "</table>", "<figure>",
	                                               "</figure>\n</section>\n"
	                                               "<h1 class=\"chapter\" id=\"c2\">"},
	                         5);
	assert_int_equal(testutil_count(html, "<section aria-labelledby"), 1);
	assert_int_equal(testutil_count(html, "</section>"), 2); /* the cover's and the heading's */
	free(html);
	doc_free(d);

	/* Label only, title only; escaped. */
	d = doc_new("t");
	doc_chapter(d, "BAB I", "");
	doc_chapter(d, "", DOCTEST_NASTY);
	html = htmltest_render_ok(d);
	assert_contains(html, "<h1 class=\"chapter\" id=\"c1\"><span class=\"label\">BAB I</span>"
	                      "</h1>\n");
	assert_contains(html,
	                "<h1 class=\"chapter\" id=\"c2\"><span class=\"title\">" DOCTEST_NASTY_ESC
	                "</span></h1>\n");
	free(html);
	doc_free(d);
}

static void test_page_breaks(void **state)
{
	static const char *const div = "<div class=\"page-break\" aria-hidden=\"true\"></div>\n";
	struct doc *d = doctest_breaks();
	char *html;

	(void)state;
	html = htmltest_render_ok(d);
	assert_int_equal(testutil_count(html, div), 1);
	testutil_assert_in_order(html, (const char *const[]){"<p>satu</p>\n", div, "<p>dua</p>\n"},
	                         3);
	assert_contains(html,
	                ".page-break { height: 0; break-after: page; page-break-after: always; }");
	free(html);
	doc_free(d);
}

static void test_table(void **state)
{
	struct doc *d = doctest_report(NULL);
	char *html = htmltest_render_ok(d), *tbl;

	(void)state;
	/* One table, one header row group (repeated by the browser on every
	 * printed page), every body row once. */
	assert_int_equal(testutil_count(html, "<table"), 1);
	assert_int_equal(testutil_count(html, "<thead>"), 1);
	assert_int_equal(testutil_count(html, "<tbody>"), 1);
	assert_int_equal(testutil_count(html, "<tr"), DOCTEST_TABLE_ROWS + 2);
	for (int r = 1; r <= DOCTEST_TABLE_ROWS; r++) {
		char want[32];

		snprintf(want, sizeof(want), "<td>Unit R%03d</td>", r);
		if (testutil_count(html, want) != 1)
			fail_msg("%s %d times", want, testutil_count(html, want));
	}
	tbl = strstr(html, "<table");
	assert_non_null(tbl);
	testutil_assert_starts(
	    tbl, "<table class=\"data\">\n<caption>Tabel 1.1 Nilai per unit " DOCTEST_NASTY_ESC
		 "</caption>\n<colgroup><col style=\"width: 10.00%\"><col style=\"width: "
		 "40.00%\"><col style=\"width: 20.00%\"><col style=\"width: 30.00%\">"
		 "</colgroup>\n<thead>\n<tr><th scope=\"col\">No</th><th scope=\"col\">"
		 "KEPALA-UJI</th><th scope=\"col\">Nilai</th><th scope=\"col\">Keterangan"
		 "</th></tr>\n</thead>\n<tbody>\n<tr><td class=\"center\">1</td><td>Unit "
		 "R001</td><td class=\"right\">61,01</td><td></td></tr>\n");
	/* Escaped cells, the bold total row last. */
	assert_contains(html,
	                "<td>Unit R007</td><td class=\"right\">67,07</td><td>" DOCTEST_NASTY_ESC
	                "</td></tr>\n");
	assert_int_equal(testutil_count(html, "<tr class=\"total\">"), 1);
	assert_contains(html, "<tr class=\"total\"><td class=\"center\"></td><td>JUMLAH</td>"
	                      "<td class=\"right\">88,50</td><td></td></tr>\n</tbody>\n</table>\n");
	assert_contains(html, "table.data tr.total td { font-weight: bold; }");
	assert_contains(html, "table.data thead { display: table-header-group; }");
	assert_not_contains(html, DOCTEST_NASTY);
	htmltest_assert_entities_only(html);
	free(html);
	doc_free(d);

	/* Compact, no caption, widths that do not divide evenly: the
	 * percentages still add up to 100. */
	d = doc_new("t");
	doc_table(d, NULL, 3, (const char *const[]){"a", "b", "c"}, NULL, NULL, 1);
	doc_row(d, (const char *const[]){NULL, "x", NULL}, 0);
	html = htmltest_render_ok(d);
	assert_contains(html, "<table class=\"data compact\">\n<colgroup><col style=\"width: "
	                      "33.33%\"><col style=\"width: 33.33%\"><col style=\"width: 33.34%\">"
	                      "</colgroup>\n");
	assert_not_contains(html, "<caption>");
	assert_contains(html, "<tr><td></td><td>x</td><td></td></tr>\n");
	assert_contains(html, "table.data.compact { font-size: 8pt; }");
	free(html);
	doc_free(d);
}

/* Every value of attr="..." in html, for uniqueness checks. */
static int collect(const char *html, const char *attr, char ids[][64], int max)
{
	int n = 0;

	for (const char *p = strstr(html, attr); p != NULL; p = strstr(p + 1, attr)) {
		const char *v = p + strlen(attr), *end = strpbrk(v, "\")");

		assert_non_null(end);
		assert_true(n < max);
		snprintf(ids[n++], 64, "%.*s", (int)(end - v), v);
	}
	return n;
}

static void test_figures(void **state)
{
	static char ids[4096][64], refs[4096][64];
	struct doc *d = doctest_report(NULL);
	char *html = htmltest_render_ok(d);
	int nid, nref, nhref;

	(void)state;
	/* Inline SVG, no XML declaration, labelled by the caption. */
	assert_not_contains(html, "<?xml");
	assert_int_equal(testutil_count(html, "<svg "), 2);
	assert_int_equal(testutil_count(html, "</svg>"), 2);
	assert_int_equal(testutil_count(html, "<figure>"), 2);
	assert_contains(
	    html, "<figure>\n<svg role=\"img\" aria-label=\"Gambar 1.1 Grafik " DOCTEST_NASTY_ESC
		  "\" xmlns=\"http://www.w3.org/2000/svg\"");
	assert_contains(html, "<svg role=\"img\" aria-label=\"Gambar 2.1 Profil responden\" "
	                      "xmlns=\"http://www.w3.org/2000/svg\"");
	assert_contains(html, "width=\"400pt\" height=\"200pt\" viewBox=\"0 0 400 200\"");
	assert_contains(html, "</svg>\n<figcaption>Gambar 1.1 Grafik " DOCTEST_NASTY_ESC
	                      "</figcaption>\n</figure>\n");
	assert_contains(html, "</svg>\n<figcaption>Gambar 2.1 Profil responden</figcaption>\n"
	                      "</figure>\n");
	/* cairo's glyphs and clips: ids unique in the page, prefixed per
	 * figure, and every reference points at an id of its own figure. */
	assert_true(testutil_count(html, " id=\"f1-glyph") > 0);
	assert_true(testutil_count(html, " id=\"f2-glyph") > 0);
	assert_true(testutil_count(html, " id=\"f1-clip") > 0);
	assert_int_equal(testutil_count(html, " id=\"glyph"), 0);
	assert_int_equal(testutil_count(html, "href=\"#glyph"), 0);
	assert_int_equal(testutil_count(html, "url(#clip"), 0);
	nid = collect(html, " id=\"", ids, 4096);
	for (int i = 0; i < nid; i++)
		for (int j = i + 1; j < nid; j++)
			if (strcmp(ids[i], ids[j]) == 0)
				fail_msg("id \"%s\" twice", ids[i]);
	nhref = collect(html, "href=\"#", refs, 4096);
	nref = nhref + collect(html, "url(#", refs + nhref, 4096 - nhref);
	assert_true(nref > 10);
	for (int i = 0; i < nref; i++) {
		int found = 0;

		for (int j = 0; j < nid && !found; j++)
			found = strcmp(refs[i], ids[j]) == 0;
		if (!found)
			fail_msg("reference #%s has no id", refs[i]);
	}
	htmltest_assert_entities_only(html);
	assert_contains(html, "figure svg { max-width: 100%; height: auto; }");
	free(html);
	doc_free(d);
}

static void test_figure_errors(void **state)
{
	static const double bad[][2] = {{0, 100}, {100, -1}, {1501, 10}, {10, 1e9}};
	struct ikm_err err;
	char *html = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct doc *d = doc_new("t");

		doc_figure(d, "Gambar", bad[i][0], bad[i][1], doctest_draw, NULL, NULL);
		assert_int_equal(htmltest_render(d, &html, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
		assert_contains(err.msg, "ukuran gambar");
		assert_contains(err.msg, "figure size");
		free(html);
		html = NULL;
		doc_free(d);
	}
	/* No caption: labelled "Gambar", no figcaption; no draw function: an
	 * empty drawing. */
	{
		struct doc *d = doc_new("t");

		doc_figure(d, NULL, 1500, 1, NULL, NULL, NULL);
		html = htmltest_render_ok(d);
		assert_contains(html, "<figure>\n<svg role=\"img\" aria-label=\"Gambar\" ");
		assert_not_contains(html, "<figcaption>");
		free(html);
		doc_free(d);
	}
}

static void test_page_numbers(void **state)
{
	static const char numbers[] = "@page { @bottom-center { content: counter(page);";
	static const char first[] = "@page :first { @bottom-center { content: none; } }";
	struct doc *d = doctest_report(NULL);
	char *html = htmltest_render_ok(d);

	(void)state;
	assert_contains(html, numbers);
	assert_contains(html, first);
	free(html);
	/* Not first: the cover's page is numbered. */
	doc_free(d);
	d = doc_new("t");
	doc_para(d);
	doc_cover(d, (const char *const[]){"JUDUL"}, 1, NULL, 0, NULL);
	d->page_numbers = 1;
	html = htmltest_render_ok(d);
	assert_contains(html, numbers);
	assert_not_contains(html, first);
	free(html);
	/* Not asked for. */
	d->page_numbers = 0;
	html = htmltest_render_ok(d);
	assert_not_contains(html, "@bottom-center");
	free(html);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cover),        cmocka_unit_test(test_chapters),
	    cmocka_unit_test(test_page_breaks),  cmocka_unit_test(test_table),
	    cmocka_unit_test(test_figures),      cmocka_unit_test(test_figure_errors),
	    cmocka_unit_test(test_page_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
