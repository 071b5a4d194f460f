/* Unit tests of src/report/doc_docx.c: documents built with the doc.h API,
 * saved as .docx, then opened with libzip and checked part by part; every
 * XML part must parse with expat. When LibreOffice is installed, one
 * document is converted to PDF and its text checked with pdftotext. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "doc.h"
#include "doc_docx.h"
#include "err.h"
#include "testutil.h"

#define EVIL     "<script>alert('x')</script> & \"q\""
#define EVIL_ESC "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;"

/* A valid 1x1 8-bit grayscale PNG (the fixture of test_doc_html.c). */
static const unsigned char png_1x1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
    0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
    0xda, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00, 0x1c, 0xb0, 0x8c, 0x99, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static const char *const parts[] = {
    "[Content_Types].xml",          "_rels/.rels",       "word/document.xml",
    "word/_rels/document.xml.rels", "word/styles.xml",   "word/numbering.xml",
    "word/fontTable.xml",           "docProps/core.xml", "docProps/app.xml",
};

/* A scratch directory; every file in it is removed by scratch_done. */
struct scratch {
	char dir[64];
	char path[160];
};

static void scratch_init(struct scratch *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "/tmp/test_doc_docx.XXXXXX");
	assert_non_null(mkdtemp(s->dir));
}

static const char *scratch_path(struct scratch *s, const char *name)
{
	snprintf(s->path, sizeof(s->path), "%s/%s", s->dir, name);
	return s->path;
}

/* Remove the directory; fails when a file (a .tmp left behind) remains
 * other than the ones named. */
static void scratch_done(struct scratch *s, const char *const *names, int n)
{
	char p[200];

	for (int i = 0; i < n; i++) {
		snprintf(p, sizeof(p), "%s/%s", s->dir, names[i]);
		remove(p);
	}
	assert_int_equal(rmdir(s->dir), 0);
}

static int file_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static void assert_no_tmp(const char *path)
{
	char tmp[200];

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (file_exists(tmp))
		fail_msg("%s left behind", tmp);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void save_ok(const struct doc *d, const char *path)
{
	struct ikm_err err;

	err_clear(&err);
	if (doc_docx_save(d, path, &err) != 0)
		fail_msg("doc_docx_save: %s", err.msg);
	assert_no_tmp(path);
}

/* The entry name of the archive at path as a NUL-terminated string
 * (caller frees), or NULL when it is absent. */
static char *read_entry(const char *path, const char *name, size_t *len)
{
	int ze = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	zip_stat_t st;
	zip_file_t *f;
	char *data;

	if (za == NULL)
		fail_msg("%s: not a zip archive (libzip error %d)", path, ze);
	if (zip_stat(za, name, 0, &st) != 0) {
		zip_close(za);
		return NULL;
	}
	data = malloc(st.size + 1);
	assert_non_null(data);
	f = zip_fopen(za, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(za);
	data[st.size] = '\0';
	if (len != NULL)
		*len = st.size;
	return data;
}

static char *entry(const char *path, const char *name)
{
	char *s = read_entry(path, name, NULL);

	if (s == NULL)
		fail_msg("%s: part %s missing", path, name);
	return s;
}

/* What expat saw: the character data (a line feed after each paragraph)
 * and the w:pStyle values joined by '|'. */
struct parsed {
	char text[16384];
	size_t tlen;
	char styles[4096];
};

static void append(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
	if (*len + n + 1 > cap)
		fail_msg("test buffer too small");
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

static void on_start(void *ud, const XML_Char *name, const XML_Char **attr)
{
	struct parsed *p = ud;

	if (strcmp(name, "w:pStyle") != 0)
		return;
	for (int i = 0; attr[i] != NULL; i += 2) {
		if (strcmp(attr[i], "w:val") == 0) {
			size_t n = strlen(p->styles);

			append(p->styles, sizeof(p->styles), &n, attr[i + 1], strlen(attr[i + 1]));
			append(p->styles, sizeof(p->styles), &n, "|", 1);
		}
	}
}

static void on_end(void *ud, const XML_Char *name)
{
	struct parsed *p = ud;

	if (strcmp(name, "w:p") == 0)
		append(p->text, sizeof(p->text), &p->tlen, "\n", 1);
	else if (strcmp(name, "w:br") == 0)
		append(p->text, sizeof(p->text), &p->tlen, "<br>", 4);
}

static void on_text(void *ud, const XML_Char *s, int len)
{
	struct parsed *p = ud;

	append(p->text, sizeof(p->text), &p->tlen, s, (size_t)len);
}

/* Parse xml with expat; fail the test unless it is well-formed. */
static void parse(const char *xml, const char *what, struct parsed *p)
{
	XML_Parser x = XML_ParserCreate("UTF-8");

	memset(p, 0, sizeof(*p));
	XML_SetUserData(x, p);
	XML_SetElementHandler(x, on_start, on_end);
	XML_SetCharacterDataHandler(x, on_text);
	if (XML_Parse(x, xml, (int)strlen(xml), 1) != XML_STATUS_OK)
		fail_msg("%s: not well-formed: %s at line %lu", what,
		         XML_ErrorString(XML_GetErrorCode(x)),
		         (unsigned long)XML_GetCurrentLineNumber(x));
	XML_ParserFree(x);
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Each of the strings appears in hay, in this order. */
static void assert_in_order(const char *hay, const char *const *want, int n)
{
	const char *at = hay;

	for (int i = 0; i < n; i++) {
		const char *p = strstr(at, want[i]);

		if (p == NULL)
			fail_msg("\"%s\" missing or out of order in:\n%s", want[i], hay);
		at = p + strlen(want[i]);
	}
}

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
	struct scratch s;
	struct doc *d = sample_doc(NULL);
	const char *path;
	const char *names[] = {"a.docx"};
	struct parsed p;

	(void)state;
	scratch_init(&s);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *x = entry(path, parts[i]);

		parse(x, parts[i], &p);
		free(x);
	}
	{
		char *ct = entry(path, "[Content_Types].xml");
		char *core = entry(path, "docProps/core.xml");
		char *rels = entry(path, "_rels/.rels");

		assert_contains(ct, "wordprocessingml.document.main+xml");
		assert_contains(ct, "PartName=\"/word/numbering.xml\"");
		assert_contains(rels, "Target=\"word/document.xml\"");
		assert_contains(core, "<dc:title>Laporan IKM 2024</dc:title>");
		free(ct);
		free(core);
		free(rels);
	}
	doc_free(d);
	scratch_done(&s, names, 1);
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
	struct scratch s;
	struct doc *d = sample_doc(NULL);
	const char *names[] = {"a.docx"};
	const char *path;
	struct parsed p;
	char *x;

	(void)state;
	scratch_init(&s);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	x = entry(path, "word/document.xml");
	parse(x, "document.xml", &p);
	assert_in_order(p.text, order, (int)(sizeof(order) / sizeof(order[0])));
	/* The bold run, alone. */
	assert_contains(x, "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">88,50<");
	assert_contains(x, "<w:r><w:t xml:space=\"preserve\">Nilai IKM unit </w:t></w:r>");
	/* Headings are Heading1 paragraphs with the mark as text. */
	assert_int_equal(count(x, "<w:pStyle w:val=\"Heading1\"/>"), 2);
	assert_contains(x, "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t "
	                   "xml:space=\"preserve\">\xe2\x9c\x93 REKOMENDASI</w:t>");
	assert_contains(x, "<w:pStyle w:val=\"Title\"/>");
	/* Letterhead: the styles, the double rule on the last line only. */
	assert_in_order(p.styles,
	                (const char *const[]){"LetterheadGovernment|", "LetterheadAgency|",
	                                      "LetterheadAddress|", "LetterheadAddress|", "Title|"},
	                5);
	assert_int_equal(count(x, "w:val=\"thinThickSmallGap\""), 1);
	assert_contains(x, "Telp. (0321) 1");
	assert_in_order(x, (const char *const[]){"Jl. Raya", "thinThickSmallGap", "Telp."}, 3);
	/* A4, margins 2.5 cm left and 2 cm elsewhere. */
	assert_contains(x, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
	assert_contains(x, "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
	                   "w:left=\"1418\"");
	free(x);
	doc_free(d);
	scratch_done(&s, names, 1);
}

static void test_lists_restart(void **state)
{
	struct scratch s;
	struct doc *d = sample_doc(NULL);
	const char *names[] = {"a.docx"};
	const char *path;
	char *x, *num;

	(void)state;
	scratch_init(&s);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	x = entry(path, "word/document.xml");
	num = entry(path, "word/numbering.xml");
	/* Every item is numbered; each list has its own w:numId. */
	assert_int_equal(count(x, "<w:pStyle w:val=\"ListParagraph\"/><w:numPr>"), 4);
	assert_int_equal(count(x, "<w:numId w:val=\"1\"/>"), 2);
	assert_int_equal(count(x, "<w:numId w:val=\"2\"/>"), 1);
	assert_int_equal(count(x, "<w:numId w:val=\"3\"/>"), 1);
	assert_int_equal(count(x, "<w:numId w:val=\"4\"/>"), 0);
	assert_in_order(x,
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
	assert_int_equal(count(num, "<w:num "), 3);
	free(x);
	free(num);
	doc_free(d);
	scratch_done(&s, names, 1);
}

static void test_styles_defined(void **state)
{
	struct scratch s;
	struct doc *d = sample_doc(NULL);
	const char *names[] = {"a.docx"};
	const char *path;
	struct parsed p;
	char *x, *st, *style;

	(void)state;
	scratch_init(&s);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	x = entry(path, "word/document.xml");
	st = entry(path, "word/styles.xml");
	parse(x, "document.xml", &p);
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
	assert_contains(st, "w:styleId=\"LetterheadGovernment\"");
	assert_contains(st, "<w:b/><w:bCs/><w:sz w:val=\"28\"/>");
	assert_contains(st, "<w:b/><w:bCs/><w:sz w:val=\"32\"/>");
	assert_contains(st, "<w:ind w:left=\"4536\"/><w:jc w:val=\"center\"/>");
	free(x);
	free(st);
	x = entry(path, "word/fontTable.xml");
	assert_contains(x, "<w:altName w:val=\"DejaVu Serif\"/>");
	free(x);
	doc_free(d);
	scratch_done(&s, names, 1);
}

static void test_signature(void **state)
{
	struct scratch s;
	struct doc *d = sample_doc(NULL);
	const char *names[] = {"a.docx"};
	const char *path;
	char *x, *sig;

	(void)state;
	scratch_init(&s);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	x = entry(path, "word/document.xml");
	sig = strstr(x, "Mojokerto, 2 Januari");
	assert_non_null(sig);
	/* Place/date, position (2 lines), 4 empty lines, name, NIP. */
	assert_int_equal(count(x, "<w:pStyle w:val=\"Signature\"/>"), 8);
	assert_contains(sig, "KEPALA DINAS</w:t><w:br/><w:t xml:space=\"preserve\">KOTA MOJOKERTO");
	assert_contains(sig, "<w:pStyle w:val=\"Signature\"/></w:pPr></w:p><w:p><w:pPr><w:pStyle "
	                     "w:val=\"Signature\"/></w:pPr></w:p>");
	assert_contains(sig, "<w:rPr><w:b/><w:bCs/><w:u w:val=\"single\"/></w:rPr><w:t "
	                     "xml:space=\"preserve\">Drs. BUDI SANTOSO</w:t>");
	free(x);
	doc_free(d);
	scratch_done(&s, names, 1);
}

static void test_escaping(void **state)
{
	static const char *const lines[] = {EVIL};
	struct scratch s;
	struct doc *d = doc_new(EVIL);
	const char *names[] = {"a.docx"};
	const char *path;
	struct parsed p;
	char *x, *core;

	(void)state;
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
	scratch_init(&s);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	x = entry(path, "word/document.xml");
	parse(x, "document.xml", &p);
	assert_null(strstr(x, "<script"));
	assert_null(strstr(x, "\x1b"));
	/* Letterhead (2), title, heading, paragraph, item, signature (4). */
	assert_int_equal(count(x, EVIL_ESC), 10);
	assert_int_equal(count(p.text, EVIL), 10);
	assert_contains(x, ">a[31mb</w:t><w:tab/><w:t xml:space=\"preserve\">c");
	assert_contains(p.text, "a[31mbc\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                        "\xef\xbf\xbd\xef\xbf\xbd"
	                        "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                        "e");
	free(x);
	core = entry(path, "docProps/core.xml");
	parse(core, "core.xml", &p);
	assert_contains(core, "<dc:title>" EVIL_ESC "</dc:title>");
	free(core);
	doc_free(d);
	scratch_done(&s, names, 1);
}

static void test_logo(void **state)
{
	struct scratch s;
	struct doc *d;
	const char *names[] = {"a.docx", "logo.png"};
	char logo[160], *x, *rels, *ct, *png;
	size_t len = 0;
	struct parsed p;
	const char *path;

	(void)state;
	scratch_init(&s);
	snprintf(logo, sizeof(logo), "%s", scratch_path(&s, "logo.png"));
	write_file(logo, png_1x1, sizeof(png_1x1));
	d = sample_doc(logo);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	png = read_entry(path, "word/media/logo.png", &len);
	assert_non_null(png);
	assert_int_equal(len, sizeof(png_1x1));
	assert_memory_equal(png, png_1x1, sizeof(png_1x1));
	free(png);
	rels = entry(path, "word/_rels/document.xml.rels");
	assert_contains(rels,
	                "Id=\"rIdLogo1\" Type=\"http://schemas.openxmlformats.org/"
	                "officeDocument/2006/relationships/image\" Target=\"media/logo.png\"");
	ct = entry(path, "[Content_Types].xml");
	assert_contains(ct, "<Default Extension=\"png\" ContentType=\"image/png\"/>");
	x = entry(path, "word/document.xml");
	parse(x, "document.xml", &p);
	/* Square logo 2.2 cm high, inline, left of the centred lines. */
	assert_contains(x, "<wp:inline");
	assert_contains(x, "<wp:extent cx=\"792000\" cy=\"792000\"/>");
	assert_contains(x, "<a:blip r:embed=\"rIdLogo1\"/>");
	assert_contains(x, "descr=\"Logo PEMERINTAH KOTA MOJOKERTO\"");
	assert_in_order(x,
	                (const char *const[]){"<w:tbl>", "<wp:inline", "PEMERINTAH", "</w:tbl>",
	                                      "thinThickSmallGap", "LAPORAN SURVEI"},
	                6);
	assert_in_order(p.text, (const char *const[]){"PEMERINTAH", "Telp.", "LAPORAN"}, 3);
	free(x);
	free(rels);
	free(ct);
	doc_free(d);
	scratch_done(&s, names, 2);
}

static void test_logo_errors(void **state)
{
	struct scratch s;
	struct ikm_err err;
	struct doc *d;
	const char *names[] = {"bad.png"};
	char logo[160], out[160];

	(void)state;
	scratch_init(&s);
	snprintf(out, sizeof(out), "%s", scratch_path(&s, "a.docx"));
	snprintf(logo, sizeof(logo), "%s", scratch_path(&s, "missing.png"));
	d = sample_doc(logo);
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, out);
	assert_contains(err.msg, logo);
	doc_free(d);
	snprintf(logo, sizeof(logo), "%s", scratch_path(&s, "bad.png"));
	write_file(logo, "GIF89a not a png at all", 23);
	d = sample_doc(logo);
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, logo);
	assert_false(file_exists(out));
	assert_no_tmp(out);
	doc_free(d);
	scratch_done(&s, names, 1);
}

static void test_unwritable(void **state)
{
	struct scratch s;
	struct ikm_err err;
	struct doc *d = sample_doc(NULL);
	const char *names[] = {"a.docx", "dir.docx"};
	char path[160];

	(void)state;
	scratch_init(&s);
	/* A directory that does not exist. */
	snprintf(path, sizeof(path), "%s", scratch_path(&s, "no/such/dir/a.docx"));
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, path);
	assert_no_tmp(path);
	/* The target is a directory: the rename fails, the .tmp goes. */
	snprintf(path, sizeof(path), "%s", scratch_path(&s, "dir.docx"));
	assert_int_equal(mkdir(path, 0700), 0);
	err_clear(&err);
	assert_int_equal(doc_docx_save(d, path, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, path);
	assert_no_tmp(path);
	assert_int_equal(rmdir(path), 0);
	/* Saving over an existing file replaces it. */
	snprintf(path, sizeof(path), "%s", scratch_path(&s, "a.docx"));
	write_file(path, "old", 3);
	save_ok(d, path);
	free(entry(path, "word/document.xml"));
	doc_free(d);
	scratch_done(&s, names, 1);
}

/* The full path of prog on PATH, or 0. */
static int on_path(const char *prog, char *out, size_t n)
{
	const char *path = getenv("PATH");

	while (path != NULL && *path != '\0') {
		size_t len = strcspn(path, ":");

		snprintf(out, n, "%.*s/%s", (int)len, path, prog);
		if (len > 0 && access(out, X_OK) == 0)
			return 1;
		path += len + (path[len] == ':');
	}
	return 0;
}

/* Run argv with stdout and stderr to /dev/null; its exit status. */
static int run(char *const argv[])
{
	pid_t pid = fork();
	int status = 0;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (freopen("/dev/null", "w", stdout) == NULL ||
		    freopen("/dev/null", "w", stderr) == NULL)
			_exit(126);
		/* Under valgrind or ASan the preloaded runtime must not leak
		 * into the program run here (LibreOffice fails with it). */
		unsetenv("LD_PRELOAD");
		execv(argv[0], argv);
		_exit(127);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_libreoffice_pdf(void **state)
{
	char soffice[512], pdftotext[512], profile[200], pdf[200], txt[200], *text;
	struct scratch s;
	struct doc *d;
	const char *path;
	FILE *f;
	long n;

	(void)state;
	if (!on_path("soffice", soffice, sizeof(soffice)) ||
	    !on_path("pdftotext", pdftotext, sizeof(pdftotext))) {
		/* Not cmocka's skip(): its TAP line "not ok N # SKIP" counts as
		 * a failure in tests/run.sh. */
		print_message("# SKIP soffice or pdftotext not installed\n");
		return;
	}
	scratch_init(&s);
	d = sample_doc(NULL);
	path = scratch_path(&s, "a.docx");
	save_ok(d, path);
	snprintf(profile, sizeof(profile), "-env:UserInstallation=file://%s/profile", s.dir);
	assert_int_equal(run((char *const[]){soffice, profile, "--headless", "--convert-to", "pdf",
	                                     "--outdir", s.dir, (char *)path, NULL}),
	                 0);
	snprintf(pdf, sizeof(pdf), "%s/a.pdf", s.dir);
	snprintf(txt, sizeof(txt), "%s/a.txt", s.dir);
	assert_int_equal(run((char *const[]){pdftotext, "-layout", pdf, txt, NULL}), 0);
	f = fopen(txt, "rb");
	assert_non_null(f);
	text = calloc(1, 65537);
	assert_non_null(text);
	n = (long)fread(text, 1, 65536, f);
	fclose(f);
	assert_true(n > 0);
	assert_contains(text, "LAPORAN SURVEI KEPUASAN MASYARAKAT");
	assert_contains(text, "REKOMENDASI");
	assert_contains(text, "Drs. BUDI SANTOSO");
	assert_contains(text, "a. Percepat");
	free(text);
	doc_free(d);
	{
		char rm[300];

		/* The LibreOffice profile: removed with the rm(1) binary. */
		snprintf(rm, sizeof(rm), "%s/profile", s.dir);
		run((char *const[]){"/bin/rm", "-rf", rm, NULL});
	}
	scratch_done(&s, (const char *const[]){"a.docx", "a.pdf", "a.txt"}, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parts_well_formed),
	    cmocka_unit_test(test_document_content),
	    cmocka_unit_test(test_lists_restart),
	    cmocka_unit_test(test_styles_defined),
	    cmocka_unit_test(test_signature),
	    cmocka_unit_test(test_escaping),
	    cmocka_unit_test(test_logo),
	    cmocka_unit_test(test_logo_errors),
	    cmocka_unit_test(test_unwritable),
	    cmocka_unit_test(test_libreoffice_pdf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
