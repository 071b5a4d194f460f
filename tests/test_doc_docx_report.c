/* Unit tests of src/report/doc_docx.c on the blocks of the Laporan SKM:
 * cover, chapters, page breaks, tables, figures, page numbers. Documents
 * are saved as .docx and checked part by part with libzip and expat; when
 * LibreOffice is installed, the report is converted to PDF and its pages
 * checked with pdftotext. The report is doctest_report, the one the HTML
 * and PDF renderers are tested on too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doc_docx.h"
#include "docxtest.h"
#include "err.h"
#include "testutil.h"

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

static void test_report_table(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = doctest_report(NULL);
	const char *path;
	struct docxtest_parsed *p = calloc(1, sizeof(*p));
	char *x, *tbl, *row;
	long sum = 0;

	assert_non_null(p);
	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", p);
	/* One header row, the body rows and the total, each cell a paragraph. */
	assert_int_equal(testutil_count(x, "<w:tblHeader/>"), 1);
	assert_int_equal(p->ntr, DOCTEST_TABLE_ROWS + 2);
	assert_int_equal(p->ntc, 4 * (DOCTEST_TABLE_ROWS + 2));
	assert_int_equal(p->tc_without_p, 0);
	assert_int_equal(testutil_count(x, "<w:cantSplit/>"), DOCTEST_TABLE_ROWS + 2);
	assert_int_equal(testutil_count(x, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"),
	                 1);
	/* The caption above, kept with the table; full width, fixed, ruled. */
	testutil_assert_in_order(x,
	                         (const char *const[]){"<w:pStyle w:val=\"Caption\"/><w:keepNext/>",
	                                               "Tabel 1.1 Nilai per unit", "<w:tbl>",
	                                               "KEPALA-UJI", "Unit R001", "Unit R300",
	                                               "JUMLAH", "</w:tbl>"},
	                         8);
	tbl = strstr(x, "<w:tbl>");
	assert_non_null(tbl);
	assert_contains(tbl, "<w:tblW w:w=\"5000\" w:type=\"pct\"/>");
	assert_contains(tbl, "<w:insideH w:val=\"single\" w:sz=\"4\"");
	assert_contains(tbl, "<w:insideV w:val=\"single\" w:sz=\"4\"");
	assert_contains(tbl, "<w:tblLayout w:type=\"fixed\"/>");
	/* Widths 1:4:2:3 of the text width 9354 twips. */
	assert_contains(tbl, "<w:tblGrid><w:gridCol w:w=\"935\"/><w:gridCol w:w=\"3741\"/>"
	                     "<w:gridCol w:w=\"1870\"/><w:gridCol w:w=\"2808\"/></w:tblGrid>");
	for (const char *g = strstr(tbl, "<w:gridCol w:w=\""); g != NULL;
	     g = strstr(g + 1, "<w:gridCol w:w=\""))
		sum += strtol(g + strlen("<w:gridCol w:w=\""), NULL, 10);
	assert_int_equal(sum, 9354);
	/* Header: grey, bold, centred. */
	assert_contains(tbl, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>"
	                     "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle "
	                     "w:val=\"TableText\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr>"
	                     "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">KEPALA-UJI<");
	assert_int_equal(testutil_count(x, "w:fill=\"D9D9D9\""), 4);
	/* Body cells aligned per column, not bold; the total row bold. */
	row = strstr(tbl, ">1</w:t>");
	assert_non_null(row);
	assert_contains(x, "<w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1<");
	assert_contains(x, "<w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t "
	                   "xml:space=\"preserve\">Unit R001<");
	assert_contains(x, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t "
	                   "xml:space=\"preserve\">61,01<");
	assert_contains(x, "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t "
	                   "xml:space=\"preserve\">JUMLAH<");
	assert_contains(x, "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t "
	                   "xml:space=\"preserve\">88,50<");
	assert_null(strstr(x, "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Unit R"));
	/* Every row's text once, in order. */
	for (int r = 1; r <= DOCTEST_TABLE_ROWS; r++) {
		char want[32];

		snprintf(want, sizeof(want), ">Unit R%03d<", r);
		assert_int_equal(testutil_count(x, want), 1);
	}
	assert_null(strstr(x, "TableTextSmall"));
	/* Normal tables 10 pt, compact ones 8 pt (in the styles). */
	free(x);
	x = docxtest_entry(path, "word/styles.xml");
	assert_contains(x, "w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn "
	                   "w:val=\"Normal\"/><w:next w:val=\"TableText\"/><w:qFormat/><w:pPr>"
	                   "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc "
	                   "w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/>");
	assert_contains(x, "w:styleId=\"TableTextSmall\"><w:name w:val=\"Table Text Small\"/>"
	                   "<w:basedOn w:val=\"TableText\"/><w:next w:val=\"TableTextSmall\"/>"
	                   "<w:qFormat/><w:rPr><w:sz w:val=\"16\"/>");
	free(x);
	doc_free(d);

	/* A compact table uses the small style; empty caption: no caption. */
	d = doc_new("t");
	doctest_add_table(d, NULL, "Unit", 2, 1);
	docxtest_save_ok(d, path);
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", p);
	assert_int_equal(p->ntr, 4);
	assert_int_equal(p->tc_without_p, 0);
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"TableTextSmall\"/>"), 16);
	assert_null(strstr(x, "Caption"));
	/* The table is followed by a paragraph (so tables never merge). */
	assert_contains(x, "</w:tbl><w:p/><w:sectPr>");
	free(x);
	doc_free(d);
	free(p);
}

/* A table of thousands of rows builds (in linear time: see docx_buf). */
static void test_large_table(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = doc_new("t");
	const char *path;
	char *x;

	doctest_add_table(d, "Tabel besar", "Unit", 5000, 1);
	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	assert_int_equal(testutil_count(x, "<w:tr>"), 5002);
	assert_int_equal(testutil_count(x, "<w:tc>"), 4 * 5002);
	testutil_assert_in_order(
	    x, (const char *const[]){"Unit R001<", "Unit R4999<", "Unit R5000<", "JUMLAH"}, 4);
	free(x);
	doc_free(d);
}

static void test_report_cover_chapters(void **state)
{
	struct doctest_scratch *s = *state;
	const char *logo = doctest_scratch_path(s, 1, "logo.png"), *path;
	struct doc *d;
	char *x, *png, *rels;
	struct docxtest_parsed *p = calloc(1, sizeof(*p));
	size_t len = 0;

	assert_non_null(p);
	doctest_write_file(logo, doctest_png_1x1, sizeof(doctest_png_1x1));
	d = doctest_report(logo);
	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", p);
	/* Cover: title lines, the logo, foot lines, in that order and first. */
	testutil_assert_starts(p->styles,
	                       "CoverTitle|CoverTitle|CoverTitle|Cover|CoverFoot|CoverFoot|"
	                       "CoverFoot|Heading1|");
	testutil_assert_in_order(
	    p->text,
	    (const char *const[]){
		"LAPORAN\n", "SURVEI KEPUASAN MASYARAKAT\n", "SEMESTER I TAHUN 2022\n",
		"DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL\n", "KOTA MOJOKERTO\n", "2022\n",
		"BAB I<br>PENDAHULUAN\n", "1.1 Latar Belakang\n", "Survei dilaksanakan",
		"BAB II<br>HASIL SURVEI\n", "Gambar 2.1 Profil responden\n"},
	    11);
	/* The logo: 4 cm high, centred between, alt text naming the office. */
	testutil_assert_in_order(
	    x,
	    (const char *const[]){"SEMESTER I TAHUN 2022", "<w:pStyle w:val=\"Cover\"/>",
	                          "<wp:extent cx=\"1440000\" cy=\"1440000\"/>",
	                          "descr=\"Logo DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL\"",
	                          "r:embed=\"rIdLogo1\"", "KOTA MOJOKERTO"},
	    6);
	png = docxtest_read_entry(path, "word/media/logo.png", &len);
	assert_non_null(png);
	assert_int_equal(len, sizeof(doctest_png_1x1));
	free(png);
	/* The foot lines pushed down by the space before the first of them. */
	assert_contains(x, "<w:pStyle w:val=\"CoverFoot\"/><w:spacing w:before=\"");
	{
		const char *sp = strstr(x, "<w:pStyle w:val=\"CoverFoot\"/><w:spacing w:before=\"");
		long before = strtol(sp + strlen("<w:pStyle w:val=\"CoverFoot\"/><w:spacing "
		                                 "w:before=\""),
		                     NULL, 10);

		assert_true(before > 2000 && before < 14570);
	}
	/* A chapter after the cover starts its page itself: no page break. */
	assert_int_equal(testutil_count(x, "w:type=\"page\""), 0);
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"Heading1\"/>"), 2);
	assert_contains(x, "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
	                   "BAB I</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">"
	                   "PENDAHULUAN</w:t></w:r></w:p>");
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"Heading2\"/>"), 1);
	/* docPr ids are unique: logo 1, figures 2 and 3. */
	assert_int_equal(testutil_count(x, "<wp:docPr id=\"1\""), 1);
	assert_int_equal(testutil_count(x, "<wp:docPr id=\"2\""), 1);
	assert_int_equal(testutil_count(x, "<wp:docPr id=\"3\""), 1);
	rels = docxtest_entry(path, "word/_rels/document.xml.rels");
	assert_contains(rels,
	                "Id=\"rIdLogo1\" Type=\"http://schemas.openxmlformats.org/"
	                "officeDocument/2006/relationships/image\" Target=\"media/logo.png\"");
	free(rels);
	free(x);
	doc_free(d);
	free(p);
}

/* Page breaks: none at the top of the document or of a page, none before
 * a chapter, none at the end; a cover is a page of its own, before and
 * after. */
static void test_page_breaks(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = doctest_breaks();
	const char *path;
	char *x;

	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	assert_int_equal(testutil_count(x, "<w:br w:type=\"page\"/>"), 3);
	testutil_assert_in_order(
	    x,
	    (const char *const[]){">satu<", "<w:br w:type=\"page\"/>", ">dua<", "Heading1",
	                          ">BAB I<", ">tiga<", "<w:br w:type=\"page\"/>", "CoverTitle",
	                          ">JUDUL<", "<w:br w:type=\"page\"/>", ">empat<"},
	    11);
	/* A chapter without a title: no line break after the label. */
	assert_contains(x, ">BAB I</w:t></w:r></w:p>");
	/* No page numbers: no title page either. */
	assert_null(strstr(x, "titlePg"));
	free(x);
	doc_free(d);
}

static void test_report_figures(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = doctest_report(NULL);
	const char *path;
	char *x, *ct, *rels, *png;
	size_t len = 0;
	struct docxtest_parsed *p = calloc(1, sizeof(*p));

	assert_non_null(p);
	path = docxtest_save(s, d);
	/* Two PNGs drawn at 2 px a point: 400 x 200 pt is 800 x 400 px. */
	for (int i = 1; i <= 2; i++) {
		char name[64];

		snprintf(name, sizeof(name), "word/media/figure%d.png", i);
		png = docxtest_read_entry(path, name, &len);
		if (png == NULL)
			fail_msg("%s missing", name);
		assert_true(len > 100);
		assert_memory_equal(png, png_sig, sizeof(png_sig));
		assert_memory_equal(png + 12, "IHDR", 4);
		if (i == 1) {
			const unsigned char *u = (const unsigned char *)png;

			assert_int_equal(u[16] << 24 | u[17] << 16 | u[18] << 8 | u[19], 800);
			assert_int_equal(u[20] << 24 | u[21] << 16 | u[22] << 8 | u[23], 400);
		}
		free(png);
	}
	assert_null(docxtest_read_entry(path, "word/media/figure3.png", NULL));
	assert_null(docxtest_read_entry(path, "word/media/logo.png", NULL));
	rels = docxtest_entry(path, "word/_rels/document.xml.rels");
	assert_contains(rels,
	                "<Relationship Id=\"rIdFig1\" Type=\"http://schemas.openxmlformats.org/"
	                "officeDocument/2006/relationships/image\" Target=\"media/figure1.png\"/>");
	assert_contains(rels, "Id=\"rIdFig2\"");
	ct = docxtest_entry(path, "[Content_Types].xml");
	assert_contains(ct, "<Default Extension=\"png\" ContentType=\"image/png\"/>");
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", p);
	/* Inline, centred (the Figure style), its size in points as EMU, the
	 * caption under it. */
	testutil_assert_in_order(
	    x,
	    (const char *const[]){
		"<w:pStyle w:val=\"Figure\"/>", "<wp:extent cx=\"5080000\" cy=\"2540000\"/>",
		"descr=\"Gambar 1.1 Grafik " DOCTEST_NASTY_ESC "\"", "r:embed=\"rIdFig1\"",
		"</w:p>", "<w:pStyle w:val=\"Caption\"/>",
		"Gambar 1.1 Grafik " DOCTEST_NASTY_ESC "</w:t>", "<w:pStyle w:val=\"Figure\"/>",
		"<wp:extent cx=\"3810000\" cy=\"1905000\"/>", "r:embed=\"rIdFig2\"",
		"Gambar 2.1 Profil responden</w:t>"},
	    11);
	testutil_assert_in_order(p->text,
	                         (const char *const[]){"JUMLAH",
	                                               "\nGambar 1.1 Grafik " DOCTEST_NASTY "\n",
	                                               "\nGambar 2.1 Profil responden\n"},
	                         3);
	free(x);
	free(ct);
	free(rels);
	doc_free(d);

	/* Wider than the text: scaled down to the text width, in proportion. */
	d = doc_new("t");
	doc_figure(d, NULL, 935.4, 100, doctest_draw, NULL, NULL);
	docxtest_save_ok(d, path);
	x = docxtest_entry(path, "word/document.xml");
	assert_contains(x, "<wp:extent cx=\"5939790\" cy=\"635000\"/>");
	assert_contains(x, "descr=\"Gambar\"");
	assert_null(strstr(x, "Caption"));
	free(x);
	doc_free(d);
	free(p);
}

static void free_counted(void *data)
{
	(*(int *)data)++;
}

static void test_figure_errors(void **state)
{
	static const double bad[][2] = {{0, 100}, {100, -1}, {1501, 10}, {10, 1e9}};
	struct doctest_scratch *s = *state;
	struct ikm_err err;
	const char *path = doctest_scratch_path(s, 0, "a.docx");
	int freed = 0;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct doc *d = doc_new("t");

		doc_figure(d, "Gambar", bad[i][0], bad[i][1], doctest_draw, &freed, free_counted);
		err_clear(&err);
		assert_int_equal(doc_docx_save(d, path, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
		assert_contains(err.msg, path);
		assert_contains(err.msg, "ukuran gambar");
		assert_false(doctest_exists(path));
		doctest_assert_no_tmp(path);
		doc_free(d);
	}
	/* The document frees figure data with its free function. */
	assert_int_equal(freed, 4);
}

static void test_page_numbers(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = doctest_report(NULL);
	const char *path;
	char *x, *ft, *rels, *ct, *sect;
	struct docxtest_parsed p;

	path = docxtest_save(s, d);
	ft = docxtest_entry(path, "word/footer1.xml");
	docxtest_parse(ft, "footer1.xml", &p);
	assert_contains(ft, "<w:jc w:val=\"center\"/></w:pPr><w:fldSimple w:instr=\"PAGE\">");
	rels = docxtest_entry(path, "word/_rels/document.xml.rels");
	assert_contains(rels, "<Relationship Id=\"rIdFooter1\" Type=\"http://schemas."
	                      "openxmlformats.org/officeDocument/2006/relationships/footer\" "
	                      "Target=\"footer1.xml\"/>");
	ct = docxtest_entry(path, "[Content_Types].xml");
	assert_contains(ct, "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
	                    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>");
	x = docxtest_entry(path, "word/document.xml");
	sect = strstr(x, "<w:sectPr>");
	assert_non_null(sect);
	/* The footer on every page; the cover is a title page without it. */
	testutil_assert_starts(sect, "<w:sectPr><w:footerReference w:type=\"default\" "
	                             "r:id=\"rIdFooter1\"/><w:pgSz");
	assert_contains(sect, "w:gutter=\"0\"/><w:pgNumType w:start=\"0\"/><w:titlePg/></w:sectPr>"
	                      "</w:body>");
	free(x);
	free(ft);
	free(rels);
	free(ct);
	/* A cover that is not first: no title page (its page is numbered). */
	doc_free(d);
	d = doc_new("t");
	doc_title(d, "JUDUL");
	doc_cover(d, (const char *const[]){"SAMPUL"}, 1, NULL, 0, NULL);
	d->page_numbers = 1;
	docxtest_save_ok(d, path);
	x = docxtest_entry(path, "word/document.xml");
	assert_contains(x, "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>");
	assert_null(strstr(x, "titlePg"));
	free(x);
	free(docxtest_entry(path, "word/footer1.xml"));
	doc_free(d);
}

static void test_report_escaping(void **state)
{
	static const char *const lines[] = {EVIL};
	struct doctest_scratch *s = *state;
	struct doc *d = doc_new("t");
	const char *path;
	struct docxtest_parsed p;
	char *x;

	doc_cover(d, lines, 1, lines, 1, NULL);
	doc_chapter(d, EVIL, EVIL);
	doc_table(d, EVIL, 1, lines, NULL, NULL, 0);
	doc_row(d, lines, 0);
	doc_row(d, lines, 1);
	doc_figure(d, EVIL, 50, 50, doctest_draw, NULL, NULL);
	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", &p);
	assert_null(strstr(x, "<script"));
	/* Cover 2, chapter 2, caption, header, 2 cells, figure alt, caption. */
	assert_int_equal(testutil_count(x, EVIL_ESC), 10);
	assert_int_equal(testutil_count(p.text, EVIL), 9);
	assert_contains(x, "descr=\"" EVIL_ESC "\"");
	free(x);
	doc_free(d);
}

/* The last line of a page of pdftotext output with text on it, trimmed. */
static void last_line(const char *page, size_t n, char *out, size_t cap)
{
	size_t end = n, start;

	while (end > 0 && (page[end - 1] == '\n' || page[end - 1] == ' '))
		end--;
	start = end;
	while (start > 0 && page[start - 1] != '\n')
		start--;
	while (start < end && page[start] == ' ')
		start++;
	snprintf(out, cap, "%.*s", (int)(end - start), page + start);
}

/* LibreOffice lays the report out: every cell, caption and chapter is in
 * the PDF, the table's header row repeats on each page the table spans,
 * and pages after the cover carry their number at the foot. */
static void test_libreoffice_report(void **state)
{
	struct doctest_scratch *s = *state;
	const char *logo = doctest_scratch_path(s, 1, "logo.png");
	struct doc *d;
	char *text, *page;
	int npages = 0, with_head = 0, numbered = 0;

	doctest_write_file(logo, doctest_png_1x1, sizeof(doctest_png_1x1));
	d = doctest_report(logo);
	docxtest_save(s, d);
	text = docxtest_pdf_text(s, "a.docx");
	doc_free(d);
	if (text == NULL)
		return;
	assert_contains(text, "SURVEI KEPUASAN MASYARAKAT");
	assert_contains(text, "PENDAHULUAN");
	assert_contains(text, "HASIL SURVEI");
	assert_contains(text, "Tabel 1.1 Nilai per unit");
	assert_contains(text, "Gambar 1.1 Grafik");
	assert_contains(text, "Gambar 2.1 Profil responden");
	assert_contains(text, "JUMLAH");
	for (int r = 1; r <= DOCTEST_TABLE_ROWS; r++) {
		char want[32];

		snprintf(want, sizeof(want), "Unit R%03d ", r);
		if (testutil_count(text, want) != 1)
			fail_msg("\"%s\" %d times in the PDF", want, testutil_count(text, want));
	}
	/* Pages are separated by form feeds. */
	page = text;
	for (;;) {
		char *ff = strchr(page, '\f');
		size_t n = ff != NULL ? (size_t)(ff - page) : strlen(page);
		char save = page[n], last[64];

		if (n == 0 && ff == NULL)
			break;
		npages++;
		page[n] = '\0';
		with_head += strstr(page, "KEPALA-UJI") != NULL;
		last_line(page, n, last, sizeof(last));
		if (npages == 1) {
			/* The cover: no number at its foot. */
			assert_contains(page, "KOTA MOJOKERTO");
			assert_string_equal(last, "2022");
		} else {
			char want[16];

			/* The cover is page 0: numbers as in the PDF. */
			snprintf(want, sizeof(want), "%d", npages - 1);
			if (strcmp(last, want) != 0)
				fail_msg("page %d ends with \"%s\", not its number", npages, last);
			numbered++;
		}
		page[n] = save;
		if (ff == NULL)
			break;
		page = ff + 1;
	}
	/* Cover, BAB I with a table of 300 rows over several pages, BAB II. */
	assert_true(npages >= 5);
	assert_true(numbered == npages - 1);
	if (with_head < 3)
		fail_msg("the table header is on %d pages of %d", with_head, npages);
	assert_int_equal(testutil_count(text, "KEPALA-UJI"), with_head);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    doctest_unit_test(test_report_table),          doctest_unit_test(test_large_table),
	    doctest_unit_test(test_report_cover_chapters), doctest_unit_test(test_page_breaks),
	    doctest_unit_test(test_report_figures),        doctest_unit_test(test_figure_errors),
	    doctest_unit_test(test_page_numbers),          doctest_unit_test(test_report_escaping),
	    doctest_unit_test(test_libreoffice_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
