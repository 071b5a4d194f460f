/* test_xlsx: the streaming XLSX reader (src/io/xlsx.c) on workbooks built in
 * memory by tests/xlsx_fixture.c and on tests/data/google-forms-sample.xlsx
 * (written by openpyxl, see tests/data/make_xlsx_fixtures.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xalloc.h"
#include "xlsx.h"
#include "xlsx_fixture.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"
#define XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* A workbook in memory and its reader. */
struct fx {
	unsigned char *buf;
	size_t len;
	struct xlsx_reader *r;
	struct ikm_err err;
};

static void fx_free(struct fx *f)
{
	xlsx_close(f->r);
	free(f->buf);
	memset(f, 0, sizeof(*f));
}

/* Open a workbook from whole buffer; returns the xlsx_open_mem result. */
static int fx_open_buf(struct fx *f, unsigned char *buf, size_t len)
{
	memset(f, 0, sizeof(*f));
	f->buf = buf;
	f->len = len;
	return xlsx_open_mem(f->buf, f->len, "data.xlsx", &f->r, &f->err);
}

/* Open a one-sheet workbook from rows and optional <si> items; must work. */
static void fx_open(struct fx *f, const char *rows, const char *si)
{
	char *sheet = xlsx_fixture_sheet(rows);
	char *sst = si ? xlsx_fixture_sst(si) : NULL;
	size_t len;
	unsigned char *buf = xlsx_fixture_simple(sheet, sst, &len);

	free(sheet);
	free(sst);
	if (fx_open_buf(f, buf, len) != 0)
		fail_msg("xlsx_open_mem: %s", f->err.msg);
}

/* Expect the next row: its line and fields (NULL-terminated list). */
static void check_row(struct xlsx_reader *r, uint64_t line, const char *const *want)
{
	struct table_row row;
	struct ikm_err err;
	size_t n = 0;
	int rc;

	while (want[n] != NULL)
		n++;
	err_clear(&err);
	rc = xlsx_next(r, &row, &err);
	if (rc != 1)
		fail_msg("xlsx_next returned %d (%s), expected row %llu", rc, err.msg,
		         (unsigned long long)line);
	assert_int_equal(row.line, line);
	assert_int_equal(row.n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(row.field[i], want[i]);
		assert_int_equal(row.len[i], strlen(want[i]));
	}
}

#define ROW(r, line, ...) check_row((r), (line), (const char *const[]){__VA_ARGS__, NULL})

static void check_end(struct xlsx_reader *r)
{
	struct table_row row;
	struct ikm_err err;

	err_clear(&err);
	assert_int_equal(xlsx_next(r, &row, &err), 0);
	assert_int_equal(xlsx_next(r, &row, &err), 0);
}

/* Expect xlsx_next to fail with kind and exactly msg. */
static void check_next_error(struct xlsx_reader *r, enum ikm_err_kind kind, const char *msg)
{
	struct table_row row;
	struct ikm_err err;

	err_clear(&err);
	assert_int_equal(xlsx_next(r, &row, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_string_equal(err.msg, msg);
	/* a failed reader stays failed */
	err_clear(&err);
	assert_int_equal(xlsx_next(r, &row, &err), -1);
	assert_string_equal(err.msg, msg);
}

static void test_shared_strings(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f,
	        "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	        "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v> 2 </v></c></row>"
	        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
	        "<c r=\"C2\" t=\"s\"><v>1</v></c></row>",
	        "<si><t>Timestamp</t></si>"
	        /* rich text: runs concatenated, phonetic run ignored */
	        "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>Sangat </t></r>"
	        "<r><rPr><i/></rPr><t>puas</t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>"
	        "<phoneticPr fontId=\"1\"/></si>"
	        /* entities, xml:space and pretty-printed whitespace between elements */
	        "<si>\n  <t xml:space=\"preserve\">  a &amp; b &lt;c&gt; &#233;\n</t>\n</si>"
	        "<si><t/></si>"
	        "<si><t>Kab. Sleman</t><t>, DIY</t></si>");
	ROW(f.r, 1, "Timestamp", "Sangat puas", "  a & b <c> \xc3\xa9\n");
	/* the empty shared string leaves A2 empty */
	ROW(f.r, 2, "", "Kab. Sleman, DIY", "Sangat puas");
	check_end(f.r);
	fx_free(&f);
}

static void test_inline_numbers_types(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f,
	        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nama</t></is></c>"
	        "<c r=\"B1\" t=\"inlineStr\"><is><r><t>Ni</t></r><r><t>lai</t></r>"
	        "<rPh><t>x</t></rPh></is></c>"
	        "<c r=\"C1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> sp </t></is></c></row>"
	        "<row r=\"2\"><c r=\"A2\"><v>4</v></c><c r=\"B2\" t=\"n\"><v>4.5</v></c>"
	        "<c r=\"C2\" s=\"3\"><v>\n 45355.344097222219 </v></c><c r=\"D2\"><v>-1E-3</v></c>"
	        "</row>"
	        "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"b\"><v>0</v></c>"
	        "<c r=\"C3\" t=\"e\"><v>#N/A</v></c>"
	        "<c r=\"D3\" t=\"str\"><f>A1&amp;\"!\"</f><v>Nama!</v></c>"
	        "<c r=\"E3\" t=\"d\"><v>2024-03-04T08:15:30</v></c></row>",
	        NULL);
	ROW(f.r, 1, "Nama", "Nilai", " sp ");
	ROW(f.r, 2, "4", "4.5", "45355.344097222219", "-1E-3");
	ROW(f.r, 3, "TRUE", "FALSE", "#N/A", "Nama!", "2024-03-04T08:15:30");
	check_end(f.r);
	fx_free(&f);
}

static void test_gaps_and_missing_refs(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f,
	        /* gap between A1 and C1 */
	        "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"C1\"><v>3</v></c></row>"
	        /* cells without r follow the previous one; "$" absolute refs; lowercase */
	        "<row r=\"2\"><c><v>a</v></c><c><v>b</v></c><c r=\"E2\"><v>e</v></c>"
	        "<c><v>f</v></c><c r=\"$h$2\"><v>h</v></c></row>"
	        /* styled empty cells: trailing ones do not make columns */
	        "<row r=\"3\"><c r=\"A3\" s=\"1\"/><c r=\"B3\"><v>2</v></c><c r=\"C3\" s=\"1\"/>"
	        "<c r=\"XFD3\" s=\"1\"/></row>"
	        /* rows without r follow the previous one */
	        "<row><c r=\"AA4\"><v>z</v></c></row>",
	        NULL);
	ROW(f.r, 1, "1", "", "3");
	ROW(f.r, 2, "a", "b", "", "", "e", "f", "", "h");
	ROW(f.r, 3, "", "2");
	{
		struct table_row row;
		struct ikm_err err;

		assert_int_equal(xlsx_next(f.r, &row, &err), 1);
		assert_int_equal(row.line, 4);
		assert_int_equal(row.n, 27);
		assert_string_equal(row.field[25], "");
		assert_string_equal(row.field[26], "z");
	}
	check_end(f.r);
	fx_free(&f);
}

static void test_empty_rows_skipped(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f,
	        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>"
	        "<row r=\"2\"/>"
	        "<row r=\"3\" spans=\"1:4\"><c r=\"A3\" s=\"1\"/><c r=\"B3\"><v></v></c>"
	        "<c r=\"C3\" t=\"inlineStr\"><is><t></t></is></c><c r=\"D3\" t=\"s\"/></row>"
	        "<row r=\"7\"><c r=\"B7\"><v>5</v></c></row>"
	        "<row r=\"8\"></row>",
	        NULL);
	ROW(f.r, 1, "h");
	ROW(f.r, 7, "", "5");
	check_end(f.r);
	fx_free(&f);
}

/* Build a workbook whose first sheet is not sheet1.xml. */
static void check_rels_target(const char *target, const char *part)
{
	const char *wb =
	    XMLDECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
		    "<sheets><sheet name=\"Data\" sheetId=\"5\" r:id=\"rId9\"/>"
		    "<sheet name=\"Lain\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	char rels[1024];
	char *s1 = xlsx_fixture_sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
	char *s2 = xlsx_fixture_sheet(
	    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>pertama</t></is></c></row>");
	struct xlsx_fixture_part parts[] = {
	    {"xl/workbook.xml", wb},
	    {"xl/_rels/workbook.xml.rels", rels},
	    {"xl/worksheets/sheet1.xml", s1},
	    {part, s2},
	};
	struct fx f;
	size_t len;
	unsigned char *buf;

	snprintf(rels, sizeof(rels),
	         XMLDECL "<Relationships xmlns=\"" NS_PKG "\">"
	                 "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" "
	                 "Target=\"worksheets/sheet1.xml\"/>"
	                 "<Relationship Id=\"rId9\" Type=\"" NS_REL "/worksheet\" Target=\"%s\"/>"
	                 "</Relationships>",
	         target);
	buf = xlsx_fixture_zip(parts, 4, &len);
	if (fx_open_buf(&f, buf, len) != 0)
		fail_msg("%s: %s", target, f.err.msg);
	ROW(f.r, 2, "pertama");
	check_end(f.r);
	fx_free(&f);
	free(s1);
	free(s2);
}

static void test_first_sheet_via_rels(void **state)
{
	(void)state;
	check_rels_target("worksheets/data.xml", "xl/worksheets/data.xml");
	check_rels_target("/xl/worksheets/data.xml", "xl/worksheets/data.xml");
	check_rels_target("./worksheets/../worksheets/data.xml", "xl/worksheets/data.xml");
	check_rels_target("../other/data.xml", "other/data.xml");
}

static void test_fallback_sheet1(void **state)
{
	/* no rels part: fall back to xl/worksheets/sheet1.xml (part names are
	 * case-insensitive in OPC) */
	const char *wb = "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
			 "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	char *s1 = xlsx_fixture_sheet("<row r=\"1\"><c r=\"B1\"><v>7</v></c></row>");
	struct xlsx_fixture_part parts[] = {
	    {"xl/workbook.xml", wb},
	    {"XL/Worksheets/Sheet1.xml", s1},
	};
	struct fx f;
	size_t len;
	unsigned char *buf = xlsx_fixture_zip(parts, 2, &len);

	(void)state;
	assert_int_equal(fx_open_buf(&f, buf, len), 0);
	ROW(f.r, 1, "", "7");
	check_end(f.r);
	fx_free(&f);
	free(s1);
}

static void test_namespace_prefix(void **state)
{
	const char *wb = "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:rel=\"" NS_REL "\">"
			 "<x:sheets><x:sheet name=\"S\" sheetId=\"1\" rel:id=\"rId2\"/></x:sheets>"
			 "</x:workbook>";
	const char *rels = "<Relationships xmlns=\"" NS_PKG "\">"
			   "<Relationship Id=\"rId2\" Type=\"" NS_REL "/worksheet\" "
			   "Target=\"worksheets/sheet2.xml\"/></Relationships>";
	const char *sheet =
	    XMLDECL "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:sheetData>"
		    "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>1</x:v></x:c>"
		    "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>inl</x:t></x:is></x:c></x:row>"
		    "<x:row r=\"2\"><x:c r=\"C2\"><x:v>3</x:v></x:c></x:row>"
		    "</x:sheetData></x:worksheet>";
	const char *sst = "<x:sst xmlns:x=\"" NS_MAIN "\"><x:si><x:t>nol</x:t></x:si>"
			  "<x:si><x:r><x:t>sa</x:t></x:r><x:r><x:t>tu</x:t></x:r></x:si></x:sst>";
	struct xlsx_fixture_part parts[] = {
	    {"xl/workbook.xml", wb},
	    {"xl/_rels/workbook.xml.rels", rels},
	    {"xl/worksheets/sheet2.xml", sheet},
	    {"xl/sharedStrings.xml", sst},
	};
	struct fx f;
	size_t len;
	unsigned char *buf = xlsx_fixture_zip(parts, 4, &len);

	(void)state;
	if (fx_open_buf(&f, buf, len) != 0)
		fail_msg("%s", f.err.msg);
	ROW(f.r, 1, "satu", "inl");
	ROW(f.r, 2, "", "", "3");
	check_end(f.r);
	fx_free(&f);
}

static void test_missing_sst(void **state)
{
	struct fx f;

	(void)state;
	/* without sharedStrings.xml inline strings work ... */
	fx_open(&f,
	        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ok</t></is></c></row>"
	        "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>",
	        NULL);
	ROW(f.r, 1, "ok");
	/* ... and a shared string reference is out of range */
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: sel B2: indeks shared string 0 di luar jangkauan (ada 0) / "
	                 "shared string index out of range");
	fx_free(&f);
}

static void test_bad_sst_index(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f,
	        "<row r=\"6\"><c r=\"C6\" t=\"s\"><v>1</v></c></row>"
	        "<row r=\"7\"><c r=\"A7\"><v>1</v></c><c r=\"C7\" t=\"s\"><v>99</v></c></row>",
	        "<si><t>a</t></si><si><t>b</t></si>");
	ROW(f.r, 6, "", "", "b");
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: sel C7: indeks shared string 99 di luar jangkauan (ada 2) / "
	                 "shared string index out of range");
	fx_free(&f);

	fx_open(&f, "<row r=\"3\"><c r=\"AB3\" t=\"s\"><v>x1</v></c></row>", "<si><t>a</t></si>");
	check_next_error(
	    f.r, IKM_EDATA,
	    "data.xlsx: sel AB3: indeks shared string tidak sah \"x1\" / invalid shared "
	    "string index");
	fx_free(&f);
}

static void test_not_a_zip(void **state)
{
	static const char csv[] = "Timestamp,U1,U2\n2024-03-04,4,3\n";
	struct xlsx_reader *r = (struct xlsx_reader *)1;
	struct ikm_err err;

	(void)state;
	assert_int_equal(xlsx_open_mem(csv, sizeof(csv) - 1, "data.xlsx", &r, &err), -1);
	assert_null(r);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_non_null(strstr(err.msg, "data.xlsx: bukan berkas XLSX yang sah ("));
	assert_non_null(strstr(err.msg, ") / not a valid XLSX file"));
	assert_int_equal(xlsx_open_mem("", 0, "kosong.xlsx", &r, &err), -1);
	assert_non_null(strstr(err.msg, "kosong.xlsx: bukan berkas XLSX yang sah"));
	/* a truncated ZIP */
	{
		size_t len;
		char *sheet = xlsx_fixture_sheet("");
		unsigned char *buf = xlsx_fixture_simple(sheet, NULL, &len);

		assert_int_equal(xlsx_open_mem(buf, len / 2, "data.xlsx", &r, &err), -1);
		assert_non_null(strstr(err.msg, "data.xlsx: bukan berkas XLSX yang sah"));
		free(buf);
		free(sheet);
	}
}

static void test_zip_without_workbook(void **state)
{
	struct xlsx_fixture_part parts[] = {
	    {"word/document.xml", "<w:document xmlns:w=\"urn:x\"/>"},
	    {"xl/worksheets/sheet1.xml", "<worksheet/>"},
	};
	struct fx f;
	size_t len;
	unsigned char *buf = xlsx_fixture_zip(parts, 2, &len);

	(void)state;
	assert_int_equal(fx_open_buf(&f, buf, len), -1);
	assert_null(f.r);
	assert_int_equal(f.err.kind, IKM_EDATA);
	assert_string_equal(f.err.msg, "data.xlsx: bukan berkas XLSX yang sah (tidak ada "
	                               "xl/workbook.xml) / not a valid XLSX file");
	fx_free(&f);
}

static void test_workbook_without_sheet(void **state)
{
	struct xlsx_fixture_part parts[] = {
	    {"xl/workbook.xml", "<workbook xmlns=\"" NS_MAIN "\"><sheets/></workbook>"},
	};
	struct fx f;
	size_t len;
	unsigned char *buf = xlsx_fixture_zip(parts, 1, &len);

	(void)state;
	assert_int_equal(fx_open_buf(&f, buf, len), -1);
	assert_string_equal(f.err.msg, "data.xlsx: xl/workbook.xml: tidak ada lembar kerja dalam "
	                               "buku kerja / workbook has no worksheet");
	fx_free(&f);

	/* a sheet whose part is missing, and no sheet1.xml either */
	{
		struct xlsx_fixture_part p2[] = {
		    {"xl/workbook.xml",
		     "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
		     "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
		};

		buf = xlsx_fixture_zip(p2, 1, &len);
		assert_int_equal(fx_open_buf(&f, buf, len), -1);
		assert_string_equal(f.err.msg,
		                    "data.xlsx: bukan berkas XLSX yang sah (lembar kerja pertama "
		                    "tidak ditemukan) / not a valid XLSX file (first worksheet not "
		                    "found)");
		fx_free(&f);
	}
}

static void test_too_many_columns(void **state)
{
	struct fx f;

	(void)state;
	/* AMJ is column 1024, the last allowed */
	fx_open(&f,
	        "<row r=\"1\"><c r=\"AMJ1\"><v>x</v></c></row>"
	        "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"AMK2\"><v>y</v></c></row>",
	        NULL);
	{
		struct table_row row;
		struct ikm_err err;

		assert_int_equal(xlsx_next(f.r, &row, &err), 1);
		assert_int_equal(row.n, TABLE_MAX_FIELDS);
		assert_string_equal(row.field[TABLE_MAX_FIELDS - 1], "x");
	}
	check_next_error(f.r, IKM_ELIMIT,
	                 "data.xlsx: sel AMK2: lebih dari 1024 kolom / too many columns");
	fx_free(&f);

	/* beyond XFD is not a cell reference at all */
	fx_open(&f, "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", NULL);
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: baris 1: referensi sel tidak sah \"XFE1\" / invalid cell "
	                 "reference");
	fx_free(&f);
}

static void test_row_errors(void **state)
{
	struct fx f;
	char *big, *rows;
	size_t i;

	(void)state;
	fx_open(&f,
	        "<row r=\"5\"><c r=\"A5\"><v>1</v></c></row>"
	        "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row>",
	        NULL);
	ROW(f.r, 5, "1");
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: baris 3 muncul setelah baris 5 / rows out of order");
	fx_free(&f);

	fx_open(&f,
	        "<row r=\"5\"><c r=\"A5\"><v>1</v></c></row>"
	        "<row r=\"5\"><c r=\"B5\"><v>2</v></c></row>",
	        NULL);
	ROW(f.r, 5, "1");
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: baris 5 muncul setelah baris 5 / rows out of order");
	fx_free(&f);

	fx_open(&f, "<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>", NULL);
	check_next_error(f.r, IKM_ELIMIT,
	                 "data.xlsx: baris 1048577: melebihi batas 1048576 baris / too many rows");
	fx_free(&f);

	fx_open(&f, "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>", NULL);
	ROW(f.r, 1048576, "1");
	check_end(f.r);
	fx_free(&f);

	fx_open(&f, "<row r=\"2\"><c r=\"C2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>", NULL);
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: sel B2: sel tidak berurutan dalam baris 2 / cells out of "
	                 "order");
	fx_free(&f);

	/* a cell of exactly XLSX_MAX_CELL_BYTES, then one byte more */
	big = xmalloc(XLSX_MAX_CELL_BYTES + 2);
	memset(big, 'a', XLSX_MAX_CELL_BYTES + 1);
	big[XLSX_MAX_CELL_BYTES + 1] = '\0';
	rows = xmalloc(2 * XLSX_MAX_CELL_BYTES + 256);
	snprintf(rows, 2 * XLSX_MAX_CELL_BYTES + 256,
	         "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%.*s</t></is></c></row>"
	         "<row r=\"2\"><c r=\"D2\" t=\"inlineStr\"><is><t>%s</t></is></c></row>",
	         (int)XLSX_MAX_CELL_BYTES, big, big);
	fx_open(&f, rows, NULL);
	{
		struct table_row row;
		struct ikm_err err;

		assert_int_equal(xlsx_next(f.r, &row, &err), 1);
		assert_int_equal(row.len[0], XLSX_MAX_CELL_BYTES);
		for (i = 0; i < XLSX_MAX_CELL_BYTES; i++)
			if (row.field[0][i] != 'a')
				fail_msg("byte %zu", i);
	}
	check_next_error(f.r, IKM_ELIMIT,
	                 "data.xlsx: sel D2: teks sel melebihi 32767 byte / cell text too long");
	fx_free(&f);
	free(big);
	free(rows);
}

static void test_bad_xml(void **state)
{
	struct fx f;
	size_t len;
	unsigned char *buf;

	(void)state;
	fx_open(&f,
	        "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
	        "<row r=\"2\"><c r=\"A2\"><v>1</c></row>",
	        NULL);
	ROW(f.r, 1, "1");
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: xl/worksheets/sheet1.xml baris 3: XML tidak sah (mismatched "
	                 "tag) / invalid XML");
	fx_free(&f);

	/* a DOCTYPE (entity expansion) is refused */
	buf = xlsx_fixture_simple("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]>"
	                          "<worksheet><sheetData><row><c><v>&a;</v></c></row>"
	                          "</sheetData></worksheet>",
	                          NULL, &len);
	assert_int_equal(fx_open_buf(&f, buf, len), 0);
	check_next_error(f.r, IKM_EDATA,
	                 "data.xlsx: xl/worksheets/sheet1.xml: DTD tidak diizinkan / DTD not "
	                 "allowed");
	fx_free(&f);

	/* broken shared strings fail at open */
	{
		char *sheet = xlsx_fixture_sheet("");

		buf = xlsx_fixture_simple(sheet, "<sst><si><t>a</si></sst>", &len);
		assert_int_equal(fx_open_buf(&f, buf, len), -1);
		assert_string_equal(f.err.msg, "data.xlsx: xl/sharedStrings.xml baris 1: XML "
		                               "tidak sah (mismatched tag) / invalid XML");
		fx_free(&f);
		free(sheet);
	}
}

/* Shared strings over XLSX_MAX_SST_COUNT items or XLSX_MAX_SST_BYTES of text
 * are refused at open. */
static void test_sst_limits(void **state)
{
	size_t cap = (size_t)XLSX_MAX_SST_COUNT * 6 + 64, len = 0, i;
	char *items = xmalloc(cap), *sst, *sheet = xlsx_fixture_sheet("");
	unsigned char *buf;
	size_t blen;
	struct fx f;

	(void)state;
	for (i = 0; i < XLSX_MAX_SST_COUNT; i++) {
		memcpy(items + len, "<si/>", 5);
		len += 5;
	}
	items[len] = '\0';
	sst = xlsx_fixture_sst(items);
	buf = xlsx_fixture_simple(sheet, sst, &blen);
	free(sst);
	assert_int_equal(fx_open_buf(&f, buf, blen), 0);
	fx_free(&f);
	memcpy(items + len, "<si/>", 6);
	sst = xlsx_fixture_sst(items);
	free(items);
	buf = xlsx_fixture_simple(sheet, sst, &blen);
	free(sst);
	assert_int_equal(fx_open_buf(&f, buf, blen), -1);
	assert_int_equal(f.err.kind, IKM_ELIMIT);
	assert_string_equal(f.err.msg, "data.xlsx: xl/sharedStrings.xml: lebih dari 2000000 "
	                               "shared string / too many shared strings");
	fx_free(&f);

	/* 2049 strings of 32 KiB: just over 64 MiB of text */
	cap = (size_t)2049 * (32768 + 16) + 64;
	items = xmalloc(cap);
	len = 0;
	for (i = 0; i < 2049; i++) {
		memcpy(items + len, "<si><t>", 7);
		memset(items + len + 7, 'a' + (int)(i % 26), 32768);
		memcpy(items + len + 7 + 32768, "</t></si>", 9);
		len += 7 + 32768 + 9;
	}
	items[len] = '\0';
	sst = xlsx_fixture_sst(items);
	free(items);
	buf = xlsx_fixture_simple(sheet, sst, &blen);
	free(sst);
	assert_int_equal(fx_open_buf(&f, buf, blen), -1);
	assert_int_equal(f.err.kind, IKM_ELIMIT);
	assert_string_equal(f.err.msg, "data.xlsx: xl/sharedStrings.xml: teks shared string "
	                               "melebihi batas 67108864 byte / shared strings exceed the "
	                               "size limit");
	fx_free(&f);
	free(sheet);
}

/* 200 000 rows (and every 1000th row empty) streamed from one sheet. */
static void test_many_rows(void **state)
{
	enum { NROWS = 200000 };
	static const char *const words[] = {"Sangat baik", "Baik", "Kurang baik"};
	size_t cap = (size_t)NROWS * 160, len = 0;
	char *rows = xmalloc(cap);
	struct fx f;
	struct table_row row;
	struct ikm_err err;
	uint64_t expect = 0, count = 0;
	char num[32];
	int rc;

	(void)state;
	for (unsigned i = 1; i <= NROWS; i++) {
		int n;

		if (i % 1000 == 0)
			n = snprintf(rows + len, cap - len,
			             "<row r=\"%u\"><c r=\"A%u\" s=\"1\"/></row>", i, i);
		else
			n = snprintf(
			    rows + len, cap - len,
			    "<row r=\"%u\" spans=\"1:3\"><c r=\"A%u\" t=\"s\"><v>%u</v></c>"
			    "<c r=\"B%u\"><v>%u</v></c><c r=\"C%u\" t=\"inlineStr\"><is>"
			    "<t>r%u</t></is></c></row>",
			    i, i, i % 3, i, i * 7, i, i);
		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
	fx_open(&f, rows,
	        "<si><t>Sangat baik</t></si><si><t>Baik</t></si><si><t>Kurang baik</t></si>");
	free(rows);
	while ((rc = xlsx_next(f.r, &row, &err)) == 1) {
		expect++;
		if (expect % 1000 == 0)
			expect++;
		if (row.line != expect)
			fail_msg("row %llu has line %llu", (unsigned long long)expect,
			         (unsigned long long)row.line);
		assert_int_equal(row.n, 3);
		assert_string_equal(row.field[0], words[expect % 3]);
		snprintf(num, sizeof(num), "%llu", (unsigned long long)(expect * 7));
		assert_string_equal(row.field[1], num);
		snprintf(num, sizeof(num), "r%llu", (unsigned long long)expect);
		assert_string_equal(row.field[2], num);
		count++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(count, NROWS - NROWS / 1000);
	assert_int_equal(expect, NROWS - 1);
	fx_free(&f);
}

static void test_google_forms_file(void **state)
{
	const char *top = getenv("IKM_TOP");
	char path[4096];
	struct xlsx_reader *r = NULL;
	struct ikm_err err;
	struct table_row row;

	(void)state;
	snprintf(path, sizeof(path), "%s/tests/data/google-forms-sample.xlsx", top ? top : ".");
	if (xlsx_open(path, &r, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(xlsx_next(r, &row, &err), 1);
	assert_int_equal(row.line, 1);
	assert_int_equal(row.n, 14);
	assert_string_equal(row.field[0], "Timestamp");
	assert_string_equal(row.field[4], "1. Bagaimana pendapat Saudara tentang kesesuaian "
	                                  "persyaratan pelayanan dengan jenis pelayanannya?");
	assert_string_equal(row.field[13], "Saran & masukan");
	ROW(r, 2, "45355.34409722222", "Laki-laki", "34", "SMA", "Sesuai", "Mudah", "Cepat",
	    "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik", "Dikelola dengan baik",
	    "Pelayanan sudah baik");
	ROW(r, 3, "45355.37673611111", "Perempuan", "27", "S1", "Sangat sesuai", "Sangat mudah",
	    "Sangat cepat", "Gratis", "Sangat sesuai", "Sangat kompeten", "Sangat sopan dan ramah",
	    "Sangat baik", "Dikelola dengan baik", "Antrean <30 menit, petugas \"ramah\"");
	/* an unanswered last question: the row ends early */
	ROW(r, 4, "45355.42951388889", "Perempuan", "45", "SMP", "Kurang sesuai", "Kurang mudah",
	    "Kurang cepat", "Murah", "Kurang sesuai", "Kurang kompeten", "Kurang sopan dan ramah",
	    "Cukup", "Berfungsi kurang maksimal");
	ROW(r, 5, "45356.38576388889", "Laki-laki", "52", "D3", "Tidak sesuai", "Tidak mudah",
	    "Tidak cepat", "Sangat mahal", "Tidak sesuai", "Tidak kompeten",
	    "Tidak sopan dan ramah", "Buruk", "Tidak ada",
	    "Ruang tunggu panas; perlu AC. Terima kasih \xf0\x9f\x99\x8f");
	ROW(r, 6, "45356.48993055556", "Perempuan", "19", "SMA", "Sesuai", "Mudah", "Cepat",
	    "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik", "", "  spasi di depan");
	/* the second sheet ("Ringkasan") is not read */
	check_end(r);
	xlsx_close(r);
}

static void test_open_missing_file(void **state)
{
	struct xlsx_reader *r = NULL;
	struct ikm_err err;

	(void)state;
	assert_int_equal(xlsx_open("/nonexistent/ikm/data.xlsx", &r, &err), -1);
	assert_null(r);
	assert_int_equal(err.kind, IKM_EIO);
	assert_non_null(
	    strstr(err.msg, "/nonexistent/ikm/data.xlsx: tidak dapat membuka berkas: "));
	assert_non_null(strstr(err.msg, " / cannot open file"));
	xlsx_close(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shared_strings),
	    cmocka_unit_test(test_inline_numbers_types),
	    cmocka_unit_test(test_gaps_and_missing_refs),
	    cmocka_unit_test(test_empty_rows_skipped),
	    cmocka_unit_test(test_first_sheet_via_rels),
	    cmocka_unit_test(test_fallback_sheet1),
	    cmocka_unit_test(test_namespace_prefix),
	    cmocka_unit_test(test_missing_sst),
	    cmocka_unit_test(test_bad_sst_index),
	    cmocka_unit_test(test_not_a_zip),
	    cmocka_unit_test(test_zip_without_workbook),
	    cmocka_unit_test(test_workbook_without_sheet),
	    cmocka_unit_test(test_too_many_columns),
	    cmocka_unit_test(test_row_errors),
	    cmocka_unit_test(test_bad_xml),
	    cmocka_unit_test(test_sst_limits),
	    cmocka_unit_test(test_many_rows),
	    cmocka_unit_test(test_google_forms_file),
	    cmocka_unit_test(test_open_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
