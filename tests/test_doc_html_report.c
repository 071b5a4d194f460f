/* Unit tests of src/report/doc_html.c on the blocks of the Laporan SKM:
 * cover, chapters, page breaks, tables, figures (inline SVG from
 * src/report/figure_svg.c) and page numbers, rendered into a memory stream
 * and checked for concrete markup. The letter is tested in
 * test_doc_html.c. */
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
#include "doc_html.h"
#include "err.h"
#include "testutil.h"

#define TABLE_ROWS 300
#define NASTY      "<b>&amp;\"x\"</b>"
#define NASTY_ESC  "&lt;b&gt;&amp;amp;&quot;x&quot;&lt;/b&gt;"

/* A valid 1x1 8-bit grayscale PNG and its base64 (see test_doc_html.c). */
static const unsigned char png_1x1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
    0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
    0xda, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00, 0x1c, 0xb0, 0x8c, 0x99, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
#define PNG_B64                                                                                    \
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mP4DwABAQEAHLCMmQAAAABJRU5ErkJg" \
	"gg=="

/* Render d into a new string (caller frees); returns doc_html_write's result. */
static int render(const struct doc *d, char **html, struct ikm_err *err)
{
	size_t len = 0;
	FILE *f = open_memstream(html, &len);
	int rc;

	assert_non_null(f);
	err_clear(err);
	rc = doc_html_write(d, f, err);
	assert_int_equal(fclose(f), 0);
	assert_non_null(*html);
	return rc;
}

static char *render_ok(const struct doc *d)
{
	struct ikm_err err;
	char *html = NULL;

	if (render(d, &html, &err) != 0)
		fail_msg("doc_html_write: %s", err.msg);
	return html;
}

/* hay starts with the string want. */
#define assert_starts(hay, want) assert_int_equal(strncmp((hay), (want), strlen(want)), 0)

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void assert_not_contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) != NULL)
		fail_msg("output contains \"%s\"", needle);
}

/* Each of the strings appears in hay, in this order. */
static void assert_in_order(const char *hay, const char *const *want, int n)
{
	const char *at = hay;

	for (int i = 0; i < n; i++) {
		const char *p = strstr(at, want[i]);

		if (p == NULL)
			fail_msg("\"%s\" missing or out of order", want[i]);
		at = p + strlen(want[i]);
	}
}

/* Every & in the output starts an entity this renderer writes. */
static void assert_entities_only(const char *html)
{
	static const char *const ok[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

	for (const char *p = strchr(html, '&'); p != NULL; p = strchr(p + 1, '&')) {
		int found = 0;

		for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
			found |= strncmp(p, ok[i], strlen(ok[i])) == 0;
		if (!found)
			fail_msg("bare & at \"%.20s\"", p);
	}
}

/* A rectangle and the text GAMBAR-UJI across the box. */
static void draw_test(cairo_t *cr, double w, double h, const void *data)
{
	(void)data;
	cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
	cairo_rectangle(cr, 10, 10, w / 2, h / 2);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 14);
	cairo_move_to(cr, 20, h - 20);
	cairo_show_text(cr, "GAMBAR-UJI");
	/* A clip, so cairo defines and references a clip path too. */
	cairo_rectangle(cr, 0, 0, w / 3, h / 3);
	cairo_clip(cr);
	cairo_paint_with_alpha(cr, 0.2);
}

/* Columns No, Unit, Nilai, Keterangan (head2 heads the second), rows
 * numbered, then a bold JUMLAH row. */
static void add_table(struct doc *d, const char *caption, const char *head2, int rows, int compact)
{
	static const double width[] = {1, 4, 2, 3};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT,
	                                       DOC_ALIGN_LEFT};
	const char *head[] = {"No", head2, "Nilai", "Keterangan"};

	doc_table(d, caption, 4, head, width, align, compact);
	for (int r = 1; r <= rows; r++) {
		char no[16], unit[32], nilai[16];

		snprintf(no, sizeof(no), "%d", r);
		snprintf(unit, sizeof(unit), "Unit R%03d", r);
		snprintf(nilai, sizeof(nilai), "%d,%02d", 60 + r % 40, r % 100);
		doc_row(d, (const char *const[]){no, unit, nilai, r == 7 ? NASTY : NULL}, 0);
	}
	doc_row(d, (const char *const[]){"", "JUMLAH", "88,50", ""}, 1);
}

/* The Laporan SKM shape: cover with a logo, two chapters, a table, two
 * figures, page numbers. */
static struct doc *report_doc(const char *logo)
{
	static const char *const top[] = {"LAPORAN", "SURVEI KEPUASAN MASYARAKAT",
	                                  "SEMESTER I TAHUN 2022"};
	static const char *const foot[] = {"DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
	                                   "KOTA MOJOKERTO", "2022"};
	struct doc *d = doc_new("Laporan SKM 2022");

	d->page_numbers = 1;
	doc_cover(d, top, 3, foot, 3, logo);
	doc_chapter(d, "BAB I", "PENDAHULUAN");
	doc_heading(d, "1.1 Latar Belakang", 0);
	doc_para(d);
	doc_text(d, "Survei dilaksanakan pada semester I.", 0);
	add_table(d, "Tabel 1.1 Nilai per unit " NASTY, "KEPALA-UJI", TABLE_ROWS, 0);
	doc_figure(d, "Gambar 1.1 Grafik " NASTY, 400, 200, draw_test, NULL, NULL);
	doc_chapter(d, "BAB II", "HASIL SURVEI");
	doc_figure(d, "Gambar 2.1 Profil responden", 300, 150, draw_test, NULL, NULL);
	return d;
}

static void test_cover(void **state)
{
	char dir[] = "/tmp/test_doc_html_report.XXXXXX", logo[64];
	struct ikm_err err;
	struct doc *d;
	char *html = NULL;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(logo, sizeof(logo), "%s/logo.png", dir);
	f = fopen(logo, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(png_1x1, 1, sizeof(png_1x1), f), sizeof(png_1x1));
	assert_int_equal(fclose(f), 0);
	d = report_doc(logo);
	html = render_ok(d);
	/* First in the article: title lines, the logo, the foot lines. */
	assert_contains(html,
	                "<article>\n<section class=\"cover\">\n"
	                "<h1>LAPORAN<br>SURVEI KEPUASAN MASYARAKAT<br>SEMESTER I TAHUN "
	                "2022</h1>\n"
	                "<img class=\"logo\" alt=\"Logo DINAS KEPENDUDUKAN DAN PENCATATAN "
	                "SIPIL\" src=\"data:image/png;base64," PNG_B64 "\">\n"
	                "<div class=\"foot\">\n<p>DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL</p>\n"
	                "<p>KOTA MOJOKERTO</p>\n<p>2022</p>\n</div>\n</section>\n"
	                "<h1 class=\"chapter\"");
	/* It fills the page and breaks after it. */
	assert_contains(html, "justify-content: space-between; min-height: 24cm;");
	assert_contains(html, "break-before: page; page-break-before: always;\n"
	                      "  break-after: page; page-break-after: always; }\n"
	                      ".cover h1 {");
	assert_contains(html, "@media print { .cover { height: 25cm;");
	assert_int_equal(count(html, "<img "), 1);
	free(html);
	doc_free(d);

	/* No logo, no foot lines; escaped. */
	d = doc_new("t");
	doc_cover(d, (const char *const[]){NASTY, ""}, 2, NULL, 0, NULL);
	html = render_ok(d);
	assert_contains(html, "<section class=\"cover\">\n<h1>" NASTY_ESC "</h1>\n"
	                      "<div class=\"foot\">\n</div>\n</section>\n");
	assert_not_contains(html, "<img");
	free(html);
	doc_free(d);

	/* A logo that cannot be read. */
	d = doc_new("t");
	doc_cover(d, NULL, 0, NULL, 0, "/nonexistent/ikm/logo.png");
	assert_int_equal(render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "/nonexistent/ikm/logo.png");
	free(html);
	doc_free(d);
	assert_int_equal(remove(logo), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void test_chapters(void **state)
{
	struct doc *d = report_doc(NULL);
	char *html = render_ok(d);

	(void)state;
	assert_int_equal(count(html, "<h1 class=\"chapter\""), 2);
	assert_contains(html, "<h1 class=\"chapter\" id=\"c1\"><span class=\"label\">BAB I</span>"
	                      "<br><span class=\"title\">PENDAHULUAN</span></h1>\n");
	assert_contains(html, "<h1 class=\"chapter\" id=\"c2\"><span class=\"label\">BAB II</span>"
	                      "<br><span class=\"title\">HASIL SURVEI</span></h1>\n");
	/* A new page in print. */
	assert_contains(html, "h1.chapter { margin-top: 0; break-before: page; "
	                      "page-break-before: always; }");
	/* The heading's section holds its table and figure and ends before
	 * the next chapter. */
	assert_in_order(html,
	                (const char *const[]){"<section aria-labelledby=\"s1\">", "<table",
	                                      "</table>", "<figure>",
	                                      "</figure>\n</section>\n"
	                                      "<h1 class=\"chapter\" id=\"c2\">"},
	                5);
	assert_int_equal(count(html, "<section aria-labelledby"), 1);
	assert_int_equal(count(html, "</section>"), 2); /* the cover's and the heading's */
	free(html);
	doc_free(d);

	/* Label only, title only; escaped. */
	d = doc_new("t");
	doc_chapter(d, "BAB I", "");
	doc_chapter(d, "", NASTY);
	html = render_ok(d);
	assert_contains(html, "<h1 class=\"chapter\" id=\"c1\"><span class=\"label\">BAB I</span>"
	                      "</h1>\n");
	assert_contains(html, "<h1 class=\"chapter\" id=\"c2\"><span class=\"title\">" NASTY_ESC
	                      "</span></h1>\n");
	free(html);
	doc_free(d);
}

static void test_page_breaks(void **state)
{
	static const char *const div = "<div class=\"page-break\" aria-hidden=\"true\"></div>\n";
	struct doc *d = doc_new("t");
	char *html;

	(void)state;
	doc_pagebreak(d); /* the top of the first page: nothing */
	doc_para(d);
	doc_text(d, "satu", 0);
	doc_pagebreak(d);
	doc_pagebreak(d); /* the same break twice: one */
	doc_para(d);
	doc_text(d, "dua", 0);
	doc_pagebreak(d); /* before a chapter: the chapter's own */
	doc_chapter(d, "BAB I", "");
	doc_para(d);
	doc_text(d, "tiga", 0);
	doc_pagebreak(d); /* before a cover: the cover's own */
	doc_cover(d, (const char *const[]){"JUDUL"}, 1, NULL, 0, NULL);
	doc_pagebreak(d); /* after a cover: the cover's own */
	doc_para(d);
	doc_text(d, "empat", 0);
	doc_pagebreak(d); /* at the end: nothing */
	html = render_ok(d);
	assert_int_equal(count(html, div), 1);
	assert_in_order(html, (const char *const[]){"<p>satu</p>\n", div, "<p>dua</p>\n"}, 3);
	assert_contains(html,
	                ".page-break { height: 0; break-after: page; page-break-after: always; }");
	free(html);
	doc_free(d);
}

static void test_table(void **state)
{
	struct doc *d = report_doc(NULL);
	char *html = render_ok(d), *tbl;

	(void)state;
	/* One table, one header row group (repeated by the browser on every
	 * printed page), every body row once. */
	assert_int_equal(count(html, "<table"), 1);
	assert_int_equal(count(html, "<thead>"), 1);
	assert_int_equal(count(html, "<tbody>"), 1);
	assert_int_equal(count(html, "<tr"), TABLE_ROWS + 2);
	for (int r = 1; r <= TABLE_ROWS; r++) {
		char want[32];

		snprintf(want, sizeof(want), "<td>Unit R%03d</td>", r);
		if (count(html, want) != 1)
			fail_msg("%s %d times", want, count(html, want));
	}
	tbl = strstr(html, "<table");
	assert_non_null(tbl);
	assert_starts(tbl, "<table class=\"data\">\n<caption>Tabel 1.1 Nilai per unit " NASTY_ESC
	                   "</caption>\n<colgroup><col style=\"width: 10.00%\"><col style=\"width: "
	                   "40.00%\"><col style=\"width: 20.00%\"><col style=\"width: 30.00%\">"
	                   "</colgroup>\n<thead>\n<tr><th scope=\"col\">No</th><th scope=\"col\">"
	                   "KEPALA-UJI</th><th scope=\"col\">Nilai</th><th scope=\"col\">Keterangan"
	                   "</th></tr>\n</thead>\n<tbody>\n<tr><td class=\"center\">1</td><td>Unit "
	                   "R001</td><td class=\"right\">61,01</td><td></td></tr>\n");
	/* Escaped cells, the bold total row last. */
	assert_contains(html, "<td>Unit R007</td><td class=\"right\">67,07</td><td>" NASTY_ESC
	                      "</td></tr>\n");
	assert_int_equal(count(html, "<tr class=\"total\">"), 1);
	assert_contains(html, "<tr class=\"total\"><td class=\"center\"></td><td>JUMLAH</td>"
	                      "<td class=\"right\">88,50</td><td></td></tr>\n</tbody>\n</table>\n");
	assert_contains(html, "table.data tr.total td { font-weight: bold; }");
	assert_contains(html, "table.data thead { display: table-header-group; }");
	assert_not_contains(html, NASTY);
	assert_entities_only(html);
	free(html);
	doc_free(d);

	/* Compact, no caption, widths that do not divide evenly: the
	 * percentages still add up to 100. */
	d = doc_new("t");
	doc_table(d, NULL, 3, (const char *const[]){"a", "b", "c"}, NULL, NULL, 1);
	doc_row(d, (const char *const[]){NULL, "x", NULL}, 0);
	html = render_ok(d);
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
	struct doc *d = report_doc(NULL);
	char *html = render_ok(d);
	int nid, nref, nhref;

	(void)state;
	/* Inline SVG, no XML declaration, labelled by the caption. */
	assert_not_contains(html, "<?xml");
	assert_int_equal(count(html, "<svg "), 2);
	assert_int_equal(count(html, "</svg>"), 2);
	assert_int_equal(count(html, "<figure>"), 2);
	assert_contains(html,
	                "<figure>\n<svg role=\"img\" aria-label=\"Gambar 1.1 Grafik " NASTY_ESC
	                "\" xmlns=\"http://www.w3.org/2000/svg\"");
	assert_contains(html, "<svg role=\"img\" aria-label=\"Gambar 2.1 Profil responden\" "
	                      "xmlns=\"http://www.w3.org/2000/svg\"");
	assert_contains(html, "width=\"400pt\" height=\"200pt\" viewBox=\"0 0 400 200\"");
	assert_contains(html, "</svg>\n<figcaption>Gambar 1.1 Grafik " NASTY_ESC
	                      "</figcaption>\n</figure>\n");
	assert_contains(html, "</svg>\n<figcaption>Gambar 2.1 Profil responden</figcaption>\n"
	                      "</figure>\n");
	/* cairo's glyphs and clips: ids unique in the page, prefixed per
	 * figure, and every reference points at an id of its own figure. */
	assert_true(count(html, " id=\"f1-glyph") > 0);
	assert_true(count(html, " id=\"f2-glyph") > 0);
	assert_true(count(html, " id=\"f1-clip") > 0);
	assert_int_equal(count(html, " id=\"glyph"), 0);
	assert_int_equal(count(html, "href=\"#glyph"), 0);
	assert_int_equal(count(html, "url(#clip"), 0);
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
	assert_entities_only(html);
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

		doc_figure(d, "Gambar", bad[i][0], bad[i][1], draw_test, NULL, NULL);
		assert_int_equal(render(d, &html, &err), -1);
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
		html = render_ok(d);
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
	struct doc *d = report_doc(NULL);
	char *html = render_ok(d);

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
	html = render_ok(d);
	assert_contains(html, numbers);
	assert_not_contains(html, first);
	free(html);
	/* Not asked for. */
	d->page_numbers = 0;
	html = render_ok(d);
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
