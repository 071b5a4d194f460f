/* Unit tests of src/report/doc_docx.c on the letter: documents built with
 * the doc.h API, saved as .docx, then opened with libzip and checked part
 * by part; every XML part must parse with expat. When LibreOffice is
 * installed, one document is converted to PDF and its text checked with
 * pdftotext. The report blocks are tested in test_doc_docx_report.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "doc_docx.h"
#include "docxtest.h"
#include "err.h"
#include "testutil.h"

static const char *const parts[] = {
    "[Content_Types].xml",          "_rels/.rels",       "word/document.xml",
    "word/_rels/document.xml.rels", "word/styles.xml",   "word/numbering.xml",
    "word/fontTable.xml",           "docProps/core.xml", "docProps/app.xml",
};

/* The report shape: letterhead, title, paragraph, checked heading, two
 * lettered lists, a bulleted one, signature. */
static struct doc *sample_doc(const char *logo)
{
	static const char *const addr[] = {"Jl. Raya No. 1, Mojokerto", NULL, "Telp. (0321) 1"};
	struct doc *d = doc_new("Laporan IKM 2024");

	doc_letterhead(d, "PEMERINTAH KOTA MOJOKERTO", "DINAS KEPENDUDUKAN", addr, 3, logo);
	doc_title(d, "LAPORAN SURVEI KEPUASAN MASYARAKAT");
	doc_para(d);
	doc_text(d, "Nilai IKM unit ", 0);
	doc_text(d, "88,50", 1);
	doc_text(d, " (Baik).", 0);
	doc_heading(d, "REKOMENDASI", 1);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Percepat waktu layanan.", 0);
	doc_item(d);
	doc_text(d, "Tambah loket.", 0);
	doc_heading(d, "TINDAK LANJUT", 1);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Evaluasi triwulan.", 0);
	doc_list(d, DOC_LIST_BULLET);
	doc_item(d);
	doc_text(d, "Catatan poin.", 0);
	doc_signature(d, "Mojokerto, 2 Januari 2024", "KEPALA DINAS\nKOTA MOJOKERTO",
	              "Drs. BUDI SANTOSO", "NIP. 19700101 199001 1 001");
	return d;
}

static void test_parts_well_formed(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = sample_doc(NULL);
	const char *path;
	struct docxtest_parsed p;

	path = docxtest_save(s, d);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *x = docxtest_entry(path, parts[i]);

		docxtest_parse(x, parts[i], &p);
		free(x);
	}
	{
		char *ct = docxtest_entry(path, "[Content_Types].xml");
		char *core = docxtest_entry(path, "docProps/core.xml");
		char *rels = docxtest_entry(path, "_rels/.rels");

		assert_contains(ct, "wordprocessingml.document.main+xml");
		assert_contains(ct, "PartName=\"/word/numbering.xml\"");
		assert_contains(rels, "Target=\"word/document.xml\"");
		assert_contains(core, "<dc:title>Laporan IKM 2024</dc:title>");
		free(ct);
		free(core);
		free(rels);
	}
	doc_free(d);
}

static void test_document_content(void **state)
{
	static const char *const order[] = {"PEMERINTAH KOTA MOJOKERTO\n",
	                                    "DINAS KEPENDUDUKAN\n",
	                                    "Jl. Raya No. 1, Mojokerto\n",
	                                    "Telp. (0321) 1\n",
	                                    "LAPORAN SURVEI KEPUASAN MASYARAKAT\n",
	                                    "Nilai IKM unit 88,50 (Baik).\n",
	                                    "\xe2\x9c\x93 REKOMENDASI\n",
	                                    "Percepat waktu layanan.\n",
	                                    "Tambah loket.\n",
	                                    "\xe2\x9c\x93 TINDAK LANJUT\n",
	                                    "Evaluasi triwulan.\n",
	                                    "Catatan poin.\n",
	                                    "Mojokerto, 2 Januari 2024\n",
	                                    "KEPALA DINAS<br>KOTA MOJOKERTO\n",
	                                    "Drs. BUDI SANTOSO\n",
	                                    "NIP. 19700101"};
	struct doctest_scratch *s = *state;
	struct doc *d = sample_doc(NULL);
	const char *path;
	struct docxtest_parsed p;
	char *x;

	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", &p);
	testutil_assert_in_order(p.text, order, (int)(sizeof(order) / sizeof(order[0])));
	/* The bold run, alone. */
	assert_contains(x, "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">88,50<");
	assert_contains(x, "<w:r><w:t xml:space=\"preserve\">Nilai IKM unit </w:t></w:r>");
	/* Headings are Heading2 paragraphs with the mark as text (Heading1
	 * is for chapters, which a letter has none of). */
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"Heading2\"/>"), 2);
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"Heading1\"/>"), 0);
	assert_contains(x, "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t "
	                   "xml:space=\"preserve\">\xe2\x9c\x93 REKOMENDASI</w:t>");
	/* No page numbers asked for: no footer, no page break. */
	assert_null(strstr(x, "footerReference"));
	assert_null(strstr(x, "titlePg"));
	assert_null(strstr(x, "w:type=\"page\""));
	assert_null(docxtest_read_entry(path, "word/footer1.xml", NULL));
	assert_contains(x, "<w:pStyle w:val=\"Title\"/>");
	/* Letterhead: the styles, the double rule on the last line only. */
	testutil_assert_in_order(p.styles,
	                         (const char *const[]){"LetterheadGovernment|", "LetterheadAgency|",
	                                               "LetterheadAddress|", "LetterheadAddress|",
	                                               "Title|"},
	                         5);
	assert_int_equal(testutil_count(x, "w:val=\"thinThickSmallGap\""), 1);
	assert_contains(x, "Telp. (0321) 1");
	testutil_assert_in_order(x, (const char *const[]){"Jl. Raya", "thinThickSmallGap", "Telp."},
	                         3);
	/* A4, margins 2.5 cm left and 2 cm elsewhere. */
	assert_contains(x, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
	assert_contains(x, "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
	                   "w:left=\"1418\"");
	free(x);
	doc_free(d);
}

static void test_lists_restart(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = sample_doc(NULL);
	const char *path;
	char *x, *num;

	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	num = docxtest_entry(path, "word/numbering.xml");
	/* Every item is numbered; each list has its own w:numId. */
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"ListParagraph\"/><w:numPr>"), 4);
	assert_int_equal(testutil_count(x, "<w:numId w:val=\"1\"/>"), 2);
	assert_int_equal(testutil_count(x, "<w:numId w:val=\"2\"/>"), 1);
	assert_int_equal(testutil_count(x, "<w:numId w:val=\"3\"/>"), 1);
	assert_int_equal(testutil_count(x, "<w:numId w:val=\"4\"/>"), 0);
	testutil_assert_in_order(x,
	                         (const char *const[]){"<w:numId w:val=\"1\"/>", "Percepat",
	                                               "<w:numId w:val=\"1\"/>", "Tambah",
	                                               "<w:numId w:val=\"2\"/>", "Evaluasi",
	                                               "<w:numId w:val=\"3\"/>", "Catatan"},
	                         8);
	assert_contains(num, "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.\"/>");
	assert_contains(num, "<w:numFmt w:val=\"bullet\"/>");
	/* Lists 1 and 2 lettered, 3 bulleted; each restarts at a. */
	assert_contains(num, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride "
	                     "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>");
	assert_contains(num, "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride "
	                     "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>");
	assert_contains(num, "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/>");
	assert_int_equal(testutil_count(num, "<w:num "), 3);
	free(x);
	free(num);
	doc_free(d);
}

static void test_styles_defined(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = sample_doc(NULL);
	const char *path;
	struct docxtest_parsed p;
	char *x, *st, *style;

	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	st = docxtest_entry(path, "word/styles.xml");
	docxtest_parse(x, "document.xml", &p);
	/* Every style the document uses is defined. */
	for (style = p.styles; *style != '\0';) {
		char want[128];
		char *bar = strchr(style, '|');

		assert_non_null(bar);
		*bar = '\0';
		snprintf(want, sizeof(want), "w:styleId=\"%.100s\"", style);
		assert_contains(st, want);
		style = bar + 1;
	}
	assert_contains(st, "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	                    "<w:jc w:val=\"both\"/>");
	assert_contains(st, "<w:rFonts w:ascii=\"Times New Roman\"");
	assert_contains(st, "<w:sz w:val=\"24\"/>");
	assert_contains(st, "w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>");
	assert_contains(st, "w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>");
	/* Chapters: a new page, centred, outline level 0; headings level 1. */
	assert_contains(st, "<w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"480\"/>"
	                    "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>");
	assert_contains(st, "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/>");
	assert_int_equal(testutil_count(st, "<w:pageBreakBefore/>"), 1);
	assert_contains(st, "w:styleId=\"Caption\"><w:name w:val=\"caption\"/>");
	assert_contains(st, "w:styleId=\"TableText\"");
	assert_contains(st, "w:styleId=\"TableTextSmall\"");
	assert_contains(st, "w:styleId=\"LetterheadGovernment\"");
	assert_contains(st, "<w:b/><w:bCs/><w:sz w:val=\"28\"/>");
	assert_contains(st, "<w:b/><w:bCs/><w:sz w:val=\"32\"/>");
	assert_contains(st, "<w:ind w:left=\"4536\"/><w:jc w:val=\"center\"/>");
	free(x);
	free(st);
	x = docxtest_entry(path, "word/fontTable.xml");
	assert_contains(x, "<w:altName w:val=\"DejaVu Serif\"/>");
	free(x);
	doc_free(d);
}

static void test_signature(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = sample_doc(NULL);
	const char *path;
	char *x, *sig;

	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	sig = strstr(x, "Mojokerto, 2 Januari");
	assert_non_null(sig);
	/* Place/date, position (2 lines), 4 empty lines, name, NIP. */
	assert_int_equal(testutil_count(x, "<w:pStyle w:val=\"Signature\"/>"), 8);
	assert_contains(sig, "KEPALA DINAS</w:t><w:br/><w:t xml:space=\"preserve\">KOTA MOJOKERTO");
	assert_contains(sig, "<w:pStyle w:val=\"Signature\"/></w:pPr></w:p><w:p><w:pPr><w:pStyle "
	                     "w:val=\"Signature\"/></w:pPr></w:p>");
	assert_contains(sig, "<w:rPr><w:b/><w:bCs/><w:u w:val=\"single\"/></w:rPr><w:t "
	                     "xml:space=\"preserve\">Drs. BUDI SANTOSO</w:t>");
	free(x);
	doc_free(d);
}

static void test_escaping(void **state)
{
	static const char *const lines[] = {EVIL};
	struct doctest_scratch *s = *state;
	struct doc *d = doc_new(EVIL);
	const char *path;
	struct docxtest_parsed p;
	char *x, *core;

	doc_letterhead(d, EVIL, "Agency", lines, 1, NULL);
	doc_title(d, EVIL);
	doc_heading(d, EVIL, 0);
	doc_para(d);
	doc_text(d, EVIL, 1);
	/* Controls dropped, tab kept as <w:tab/>, bad UTF-8 replaced. */
	doc_text(d,
	         "a\x01\x1b[31mb\x7f\tc\xff\xc0\xaf\xed\xa0\x80"
	         "d\xef\xbf\xbe"
	         "e",
	         0);
	doc_list(d, DOC_LIST_BULLET);
	doc_item(d);
	doc_text(d, EVIL, 0);
	doc_signature(d, EVIL, EVIL, EVIL, EVIL);
	path = docxtest_save(s, d);
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", &p);
	assert_null(strstr(x, "<script"));
	assert_null(strstr(x, "\x1b"));
	/* Letterhead (2), title, heading, paragraph, item, signature (4). */
	assert_int_equal(testutil_count(x, EVIL_ESC), 10);
	assert_int_equal(testutil_count(p.text, EVIL), 10);
	assert_contains(x, ">a[31mb</w:t><w:tab/><w:t xml:space=\"preserve\">c");
	assert_contains(p.text, "a[31mbc\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                        "\xef\xbf\xbd\xef\xbf\xbd"
	                        "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                        "e");
	free(x);
	core = docxtest_entry(path, "docProps/core.xml");
	docxtest_parse(core, "core.xml", &p);
	assert_contains(core, "<dc:title>" EVIL_ESC "</dc:title>");
	free(core);
	doc_free(d);
}

static void test_logo(void **state)
{
	struct doctest_scratch *s = *state;
	const char *logo = doctest_scratch_path(s, 1, "logo.png"), *path;
	struct doc *d;
	char *x, *rels, *ct, *png;
	size_t len = 0;
	struct docxtest_parsed p;

	doctest_write_file(logo, doctest_png_1x1, sizeof(doctest_png_1x1));
	d = sample_doc(logo);
	path = docxtest_save(s, d);
	png = docxtest_read_entry(path, "word/media/logo.png", &len);
	assert_non_null(png);
	assert_int_equal(len, sizeof(doctest_png_1x1));
	assert_memory_equal(png, doctest_png_1x1, sizeof(doctest_png_1x1));
	free(png);
	rels = docxtest_entry(path, "word/_rels/document.xml.rels");
	assert_contains(rels,
	                "Id=\"rIdLogo1\" Type=\"http://schemas.openxmlformats.org/"
	                "officeDocument/2006/relationships/image\" Target=\"media/logo.png\"");
	ct = docxtest_entry(path, "[Content_Types].xml");
	assert_contains(ct, "<Default Extension=\"png\" ContentType=\"image/png\"/>");
	x = docxtest_entry(path, "word/document.xml");
	docxtest_parse(x, "document.xml", &p);
	/* Square logo 2.2 cm high, inline, left of the centred lines. */
	assert_contains(x, "<wp:inline");
	assert_contains(x, "<wp:extent cx=\"792000\" cy=\"792000\"/>");
	assert_contains(x, "<a:blip r:embed=\"rIdLogo1\"/>");
	assert_contains(x, "descr=\"Logo PEMERINTAH KOTA MOJOKERTO\"");
	testutil_assert_in_order(x,
	                         (const char *const[]){"<w:tbl>", "<wp:inline", "PEMERINTAH",
	                                               "</w:tbl>", "thinThickSmallGap",
	                                               "LAPORAN SURVEI"},
	                         6);
	testutil_assert_in_order(p.text, (const char *const[]){"PEMERINTAH", "Telp.", "LAPORAN"},
	                         3);
	free(x);
	free(rels);
	free(ct);
	doc_free(d);
}

static void test_logo_errors(void **state)
{
	struct doctest_scratch *s = *state;
	struct ikm_err err;
	const char *out = doctest_scratch_path(s, 0, "a.docx");
	const char *logo = doctest_scratch_path(s, 1, "missing.png");
	struct doc *d;

	d = sample_doc(logo);
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, out);
	assert_contains(err.msg, logo);
	doc_free(d);
	logo = doctest_scratch_path(s, 1, "bad.png");
	doctest_write_file(logo, "GIF89a not a png at all", 23);
	d = sample_doc(logo);
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, logo);
	assert_false(doctest_exists(out));
	doctest_assert_no_tmp(out);
	doc_free(d);
}

static void test_unwritable(void **state)
{
	struct doctest_scratch *s = *state;
	struct ikm_err err;
	struct doc *d = sample_doc(NULL);
	const char *path;

	/* A directory that does not exist. */
	path = doctest_scratch_path(s, 0, "no/such/dir/a.docx");
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, path);
	doctest_assert_no_tmp(path);
	/* The target is a directory: the rename fails, the .tmp goes. */
	path = doctest_scratch_path(s, 0, "dir.docx");
	assert_int_equal(mkdir(path, 0700), 0);
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, path);
	doctest_assert_no_tmp(path);
	assert_int_equal(rmdir(path), 0);
	/* Saving over an existing file replaces it. */
	doctest_write_file(doctest_scratch_path(s, 0, "a.docx"), "old", 3);
	path = docxtest_save(s, d);
	free(docxtest_entry(path, "word/document.xml"));
	doc_free(d);
}

static void test_libreoffice_pdf(void **state)
{
	struct doctest_scratch *s = *state;
	struct doc *d = sample_doc(NULL);
	char *text;

	docxtest_save(s, d);
	text = docxtest_pdf_text(s, "a.docx");
	if (text != NULL) {
		assert_contains(text, "LAPORAN SURVEI KEPUASAN MASYARAKAT");
		assert_contains(text, "REKOMENDASI");
		assert_contains(text, "Drs. BUDI SANTOSO");
		assert_contains(text, "a. Percepat");
		free(text);
	}
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    doctest_unit_test(test_parts_well_formed),
	    doctest_unit_test(test_document_content),
	    doctest_unit_test(test_lists_restart),
	    doctest_unit_test(test_styles_defined),
	    doctest_unit_test(test_signature),
	    doctest_unit_test(test_escaping),
	    doctest_unit_test(test_logo),
	    doctest_unit_test(test_logo_errors),
	    doctest_unit_test(test_unwritable),
	    doctest_unit_test(test_libreoffice_pdf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
