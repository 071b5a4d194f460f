/* Unit tests of src/report/doc_html.c: documents built with the doc.h API,
 * rendered into a memory stream, and checked for concrete markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "doc_html.h"
#include "doctest.h"
#include "err.h"
#include "htmltest.h"
#include "testutil.h"

#define EVIL     "<script>alert('x')</script> & \"q\""
#define EVIL_ESC "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"

/* base64 of doctest_png_1x1 with 0x01 and 0x01 0x02 appended (python3
 * base64.b64encode): with DOCTEST_PNG_B64, the three tail lengths of the
 * encoder. */
#define PNG_B64A                                                                                   \
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mP4DwABAQEAHLCMmQAAAABJRU5ErkJg" \
	"ggE="
#define PNG_B64B                                                                                   \
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mP4DwABAQEAHLCMmQAAAABJRU5ErkJg" \
	"ggEC"

/* a appears in hay, before b. */
static void assert_before(const char *hay, const char *a, const char *b)
{
	const char *pa = strstr(hay, a), *pb = strstr(hay, b);

	assert_non_null(pa);
	assert_non_null(pb);
	if (pa >= pb)
		fail_msg("\"%s\" is not before \"%s\"", a, b);
}

/* The seed letter: Rekomendasi dan Tindak Lanjut, Dispendukcapil Kota
 * Mojokerto, Semester 1 2022 (abridged). */
static struct doc *seed_letter(const char *logo)
{
	static const char *const addr[] = {
	    "Gedung GMSC Lantai II, Jl. Gajah Mada 100 Telp./ Fax. (0321) 395820",
	    "Website : dispenduk.mojokertokota.go.id Email : dispendukk@yahoo.com"};
	struct doc *d = doc_new("Rekomendasi dan Tindak Lanjut IKM Semester 1 2022");

	doc_letterhead(d, "PEMERINTAH KOTA MOJOKERTO", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
	               addr, 2, logo);
	doc_title(d, "REKOMENDASI DAN TINDAK LANJUT HASIL SURVEY INDEKS KEPUASAN MASYARAKAT (IKM) "
	             "SEMESTER 1 TAHUN 2022");
	doc_para(d);
	doc_text(d, "Nilai Indeks Kepuasan Masyarakat adalah ", 0);
	doc_text(d, "96,89", 1);
	doc_text(d, " dengan mutu layanan dapat dikategorikan ", 0);
	doc_text(d, "A", 1);
	doc_text(d, ".", 0);
	doc_heading(d, "REKOMENDASI", 1);
	doc_para(d);
	doc_text(d, "Oleh karena itu disampaikan rekomendasi, antara lain:", 0);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Peningkatan kapasitas petugas layanan;", 0);
	doc_item(d);
	doc_text(d, "Peningkatan kualitas pengaduan.", 0);
	doc_item(d);
	doc_text(d, "Kegiatan penyusunan IKM perlu terus dilakukan.", 0);
	doc_heading(d, "TINDAK LANJUT", 1);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Melakukan pembangunan mental pelayanan;", 0);
	doc_item(d);
	doc_text(d, "Membangun ruang khusus pelayanan pengaduan.", 0);
	doc_signature(d, "Mojokerto, 30 Juni 2022", "Kepala Dinas", "Nama Kepala Dinas",
	              "NIP. 19700101 199001 1 001");
	return d;
}

static void test_skeleton(void **state)
{
	struct doc *d = seed_letter(NULL);
	char *html = htmltest_render_ok(d);

	(void)state;
	assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"id\">\n", 33) == 0);
	assert_contains(html, "<meta charset=\"utf-8\">");
	assert_contains(html, "<title>Rekomendasi dan Tindak Lanjut IKM Semester 1 2022</title>");
	assert_contains(html, "<style>\n@page { size: A4; margin: 2cm; }");
	assert_contains(html, "serif");
	assert_contains(html, "<main>\n<article>\n<header class=\"letterhead\">");
	assert_contains(html, "</footer>\n</article>\n</main>\n</body>\n</html>\n");
	/* Self-contained: no scripts, links or fetched resources. */
	assert_not_contains(html, "<script");
	assert_not_contains(html, "<link");
	assert_not_contains(html, "url(");
	assert_not_contains(html, "http:");
	assert_not_contains(html, "https:");
	assert_not_contains(html, "<img");
	/* One h1 and a section per heading, in order. */
	assert_int_equal(testutil_count(html, "<h1>"), 1);
	assert_int_equal(testutil_count(html, "<section "), 2);
	assert_int_equal(testutil_count(html, "</section>"), 2);
	assert_contains(html, "<section aria-labelledby=\"s1\">\n<h2 id=\"s1\">");
	assert_contains(html, "<section aria-labelledby=\"s2\">\n<h2 id=\"s2\">");
	assert_before(html, "</header>", "<h1>");
	assert_before(html, "<h1>", "REKOMENDASI</h2>");
	assert_before(html, "REKOMENDASI</h2>", "TINDAK LANJUT</h2>");
	assert_before(html, "</section>\n<section", "TINDAK LANJUT</h2>");
	assert_before(html, "</section>\n<footer", "</footer>");
	free(html);
	doc_free(d);
}

static void test_title_fallback(void **state)
{
	struct doc *d = doc_new("");
	char *html;

	(void)state;
	html = htmltest_render_ok(d);
	assert_contains(html, "<title>Dokumen</title>");
	assert_contains(html, "<article>\n</article>");
	free(html);
	doc_title(d, "Judul & Isi");
	html = htmltest_render_ok(d);
	assert_contains(html, "<title>Judul &amp; Isi</title>");
	assert_contains(html, "<h1>Judul &amp; Isi</h1>");
	free(html);
	doc_free(d);
}

static void test_escape_every_block(void **state)
{
	static const char *const addr[] = {EVIL};
	struct doc *d = doc_new(EVIL);
	char *html;

	(void)state;
	doc_letterhead(d, EVIL, EVIL, addr, 1, NULL);
	doc_title(d, EVIL);
	doc_heading(d, EVIL, 1);
	doc_heading(d, EVIL, 0);
	doc_para(d);
	doc_text(d, EVIL, 0);
	doc_text(d, EVIL, 1);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, EVIL, 0);
	doc_list(d, DOC_LIST_BULLET);
	doc_item(d);
	doc_text(d, EVIL, 1);
	doc_signature(d, EVIL, EVIL, EVIL, EVIL);
	html = htmltest_render_ok(d);
	assert_not_contains(html, "<script");
	assert_not_contains(html, "alert('x')");
	assert_not_contains(html, "\"q\"");
	/* title + 3 letterhead + h1 + 2 h2 + 2 runs + 2 items + 4 signature */
	assert_int_equal(testutil_count(html, EVIL_ESC), 15);
	assert_contains(html, "<title>" EVIL_ESC "</title>");
	assert_contains(html, "<p class=\"government\">" EVIL_ESC "</p>");
	assert_contains(html, "<p class=\"agency\">" EVIL_ESC "</p>");
	assert_contains(html, "<p class=\"address\">" EVIL_ESC "</p>");
	assert_contains(html, "<h1>" EVIL_ESC "</h1>");
	assert_contains(html, "<h2 id=\"s2\">" EVIL_ESC "</h2>");
	assert_contains(html, "<p>" EVIL_ESC "<strong>" EVIL_ESC "</strong></p>");
	assert_contains(html, "<ol type=\"a\">\n<li>" EVIL_ESC "</li>\n</ol>");
	assert_contains(html, "<ul>\n<li><strong>" EVIL_ESC "</strong></li>\n</ul>");
	assert_contains(html, "<p class=\"place-date\">" EVIL_ESC "</p>");
	assert_contains(html, "<p class=\"position\">" EVIL_ESC "</p>");
	assert_contains(html, "<p class=\"name\"><strong>" EVIL_ESC "</strong></p>");
	assert_contains(html, "<p class=\"nip\">" EVIL_ESC "</p>");
	htmltest_assert_entities_only(html);
	free(html);
	doc_free(d);
}

static void test_escape_controls_and_utf8(void **state)
{
	struct doc *d = doc_new("t");
	char *html;

	(void)state;
	doc_para(d);
	/* C0 controls (not tab/newline) and DEL are dropped; UTF-8 kept. */
	doc_text(d,
	         "a\x01"
	         "b\x1b[31m\x7f"
	         "c\td\ne Rp\xc2\xa0"
	         "5.000 \xe2\x9c\x93",
	         0);
	html = htmltest_render_ok(d);
	assert_contains(html, "<p>ab[31mc\td\ne Rp\xc2\xa0"
	                      "5.000 \xe2\x9c\x93</p>");
	assert_not_contains(html, "\x1b");
	free(html);
	doc_free(d);
}

static void test_bold_runs(void **state)
{
	struct doc *d = seed_letter(NULL);
	char *html = htmltest_render_ok(d);

	(void)state;
	assert_contains(html, "<p>Nilai Indeks Kepuasan Masyarakat adalah <strong>96,89</strong> "
	                      "dengan mutu layanan dapat dikategorikan <strong>A</strong>.</p>");
	free(html);
	doc_free(d);
}

static void test_lists(void **state)
{
	struct doc *d = seed_letter(NULL);
	char *html = htmltest_render_ok(d);

	(void)state;
	assert_int_equal(testutil_count(html, "<ol type=\"a\">\n"), 2);
	assert_int_equal(testutil_count(html, "</ol>\n"), 2);
	assert_not_contains(html, "<ul>");
	assert_contains(html, "<ol type=\"a\">\n"
	                      "<li>Peningkatan kapasitas petugas layanan;</li>\n"
	                      "<li>Peningkatan kualitas pengaduan.</li>\n"
	                      "<li>Kegiatan penyusunan IKM perlu terus dilakukan.</li>\n"
	                      "</ol>\n");
	assert_contains(html, "<ol type=\"a\">\n"
	                      "<li>Melakukan pembangunan mental pelayanan;</li>\n"
	                      "<li>Membangun ruang khusus pelayanan pengaduan.</li>\n"
	                      "</ol>\n");
	free(html);
	doc_free(d);

	d = doc_new("t");
	doc_list(d, DOC_LIST_BULLET);
	doc_item(d);
	doc_text(d, "satu ", 0);
	doc_text(d, "dua", 1);
	doc_item(d);
	doc_list(d, DOC_LIST_LETTERED); /* no items: left out */
	html = htmltest_render_ok(d);
	assert_contains(html, "<ul>\n<li>satu <strong>dua</strong></li>\n<li></li>\n</ul>\n");
	assert_not_contains(html, "<ol");
	free(html);
	doc_free(d);
}

static void test_heading_mark(void **state)
{
	struct doc *d = doc_new("t");
	char *html;

	(void)state;
	doc_heading(d, "REKOMENDASI", 1);
	doc_heading(d, "LAMPIRAN", 0);
	html = htmltest_render_ok(d);
	assert_contains(html, "<h2 id=\"s1\"><span class=\"mark\" aria-hidden=\"true\">"
	                      "\xe2\x9c\x93 </span>REKOMENDASI</h2>");
	assert_contains(html, "<h2 id=\"s2\">LAMPIRAN</h2>");
	assert_int_equal(testutil_count(html, "\xe2\x9c\x93"), 1);
	free(html);
	doc_free(d);
}

static void test_letterhead(void **state)
{
	static const char *const addr[] = {"Jl. Gajah Mada 100", NULL, "", "Telp. (0321) 395820"};
	struct doc *d = doc_new("t");
	char *html;

	(void)state;
	doc_letterhead(d, "PEMERINTAH KOTA MOJOKERTO", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
	               addr, 4, NULL);
	html = htmltest_render_ok(d);
	assert_contains(html, "<header class=\"letterhead\">\n"
	                      "<p class=\"government\">PEMERINTAH KOTA MOJOKERTO</p>\n"
	                      "<p class=\"agency\">DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL</p>\n"
	                      "<p class=\"address\">Jl. Gajah Mada 100</p>\n"
	                      "<p class=\"address\">Telp. (0321) 395820</p>\n"
	                      "</header>\n");
	/* The double rule and the larger bold names are in the style sheet. */
	assert_contains(html, "border-bottom: 3px solid #000");
	assert_contains(html, ".letterhead::after");
	assert_contains(html, ".letterhead .agency { font-size: 16pt; font-weight: bold; }");
	free(html);
	doc_free(d);

	/* An empty government keeps no line. */
	d = doc_new("t");
	doc_letterhead(d, "", "DINAS X", NULL, 0, NULL);
	html = htmltest_render_ok(d);
	assert_contains(html, "<header class=\"letterhead\">\n<p class=\"agency\">DINAS X</p>\n"
	                      "</header>\n");
	free(html);
	doc_free(d);
}

static void test_signature(void **state)
{
	struct doc *d = seed_letter(NULL);
	char *html = htmltest_render_ok(d);

	(void)state;
	assert_contains(html, "<footer class=\"signature\">\n"
	                      "<p class=\"place-date\">Mojokerto, 30 Juni 2022</p>\n"
	                      "<p class=\"position\">Kepala Dinas</p>\n"
	                      "<div class=\"sign-space\" aria-hidden=\"true\"></div>\n"
	                      "<p class=\"name\"><strong>Nama Kepala Dinas</strong></p>\n"
	                      "<p class=\"nip\">NIP. 19700101 199001 1 001</p>\n"
	                      "</footer>\n");
	assert_contains(html, ".signature .name { text-decoration: underline; }");
	assert_contains(html, ".signature { margin: 24pt 0 0 50%;");
	free(html);
	doc_free(d);

	/* Empty and NULL parts are left out; the room to sign stays. */
	d = doc_new("t");
	doc_signature(d, "Mojokerto, 30 Juni 2022", "", "Nama", NULL);
	html = htmltest_render_ok(d);
	assert_contains(html, "<footer class=\"signature\">\n"
	                      "<p class=\"place-date\">Mojokerto, 30 Juni 2022</p>\n"
	                      "<div class=\"sign-space\" aria-hidden=\"true\"></div>\n"
	                      "<p class=\"name\"><strong>Nama</strong></p>\n"
	                      "</footer>\n");
	assert_not_contains(html, "class=\"position\"");
	assert_not_contains(html, "class=\"nip\"");
	free(html);
	doc_free(d);
}

static void test_logo_png(void **state)
{
	struct doctest_scratch s;
	unsigned char buf[sizeof(doctest_png_1x1) + 2];
	const char *logo;
	struct doc *d;
	char *html;

	(void)state;
	doctest_scratch_init(&s);
	logo = doctest_scratch_path(&s, 0, "logo.png");
	doctest_write_file(logo, doctest_png_1x1, sizeof(doctest_png_1x1));
	d = seed_letter(logo);
	html = htmltest_render_ok(d);
	assert_contains(html, "<header class=\"letterhead has-logo\">\n"
	                      "<img class=\"logo\" alt=\"Logo PEMERINTAH KOTA MOJOKERTO\" "
	                      "src=\"data:image/png;base64," DOCTEST_PNG_B64 "\">\n"
	                      "<p class=\"government\">");
	free(html);
	doc_free(d);

	/* The other two base64 tails (1 and 2 bytes past a multiple of 3). */
	memcpy(buf, doctest_png_1x1, sizeof(doctest_png_1x1));
	buf[sizeof(doctest_png_1x1)] = 0x01;
	buf[sizeof(doctest_png_1x1) + 1] = 0x02;
	doctest_write_file(logo, buf, sizeof(doctest_png_1x1) + 1);
	d = doc_new("t");
	doc_letterhead(d, "", "DINAS \"X\"", NULL, 0, logo);
	html = htmltest_render_ok(d);
	assert_contains(
	    html, "alt=\"Logo DINAS &quot;X&quot;\" src=\"data:image/png;base64," PNG_B64A "\">");
	free(html);
	doctest_write_file(logo, buf, sizeof(buf));
	html = htmltest_render_ok(d);
	assert_contains(html, "src=\"data:image/png;base64," PNG_B64B "\">");
	free(html);
	doc_free(d);
	doctest_scratch_done(&s);
}

static void test_logo_not_png(void **state)
{
	static const char gif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;";
	struct ikm_err err;
	struct doctest_scratch s;
	const char *logo;
	struct doc *d;
	char *html = NULL;

	(void)state;
	doctest_scratch_init(&s);
	logo = doctest_scratch_path(&s, 0, "logo.gif");
	doctest_write_file(logo, gif, sizeof(gif) - 1);
	d = seed_letter(logo);
	assert_int_equal(htmltest_render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, logo);
	assert_contains(err.msg, "bukan berkas PNG");
	assert_contains(err.msg, "not a PNG file");
	free(html);
	html = NULL;

	/* The signature alone, truncated before IHDR. */
	doctest_write_file(logo, doctest_png_1x1, 8);
	assert_int_equal(htmltest_render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	free(html);
	html = NULL;

	/* A directory is not a logo either. */
	doc_free(d);
	d = seed_letter(s.dir);
	assert_int_equal(htmltest_render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, s.dir);
	free(html);
	doc_free(d);
	doctest_scratch_done(&s);
}

static void test_logo_missing(void **state)
{
	struct ikm_err err;
	struct doc *d = seed_letter("/nonexistent/ikm/logo.png");
	char *html = NULL;

	(void)state;
	assert_int_equal(htmltest_render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "/nonexistent/ikm/logo.png: logo tidak dapat dibuka");
	assert_contains(err.msg, "cannot open logo");
	free(html);
	doc_free(d);
}

static void test_logo_limit(void **state)
{
	struct ikm_err err;
	struct doctest_scratch s;
	const char *logo;
	struct doc *d;
	char *html = NULL;
	FILE *f;

	(void)state;
	doctest_scratch_init(&s);
	logo = doctest_scratch_path(&s, 0, "big.png");
	/* Exactly the limit is accepted. */
	doctest_write_file(logo, doctest_png_1x1, sizeof(doctest_png_1x1));
	assert_int_equal(truncate(logo, DOC_HTML_LOGO_MAX), 0);
	d = seed_letter(logo);
	assert_int_equal(htmltest_render(d, &html, &err), 0);
	assert_contains(html, "src=\"data:image/png;base64,iVBORw0KGgo");
	assert_true(strlen(html) > (size_t)DOC_HTML_LOGO_MAX / 3 * 4);
	free(html);
	html = NULL;
	/* One byte more is not. */
	f = fopen(logo, "ab");
	assert_non_null(f);
	fputc(0, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(htmltest_render(d, &html, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_contains(err.msg, logo);
	assert_contains(err.msg, "1 MiB");
	free(html);
	doc_free(d);
	doctest_scratch_done(&s);
}

static void test_write_error(void **state)
{
	struct ikm_err err;
	struct doc *d;
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (f == NULL)
		skip();
	d = seed_letter(NULL);
	err_clear(&err);
	assert_int_equal(doc_html_write(d, f, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "gagal menulis HTML");
	fclose(f);
	doc_free(d);
}

static void test_save(void **state)
{
	struct ikm_err err;
	struct doctest_scratch s;
	const char *out, *tmp;
	struct doc *d = seed_letter(NULL);
	char *want = htmltest_render_ok(d), *got;

	(void)state;
	doctest_scratch_init(&s);
	out = doctest_scratch_path(&s, 0, "laporan.html");
	tmp = doctest_scratch_path(&s, 1, "laporan.html.tmp");
	doctest_write_file(out, "old", 3); /* replaced */
	err_clear(&err);
	assert_int_equal(doc_html_save(d, out, &err), 0);
	assert_int_equal(err.kind, IKM_OK);
	got = doctest_read_file(out);
	assert_string_equal(got, want);
	assert_false(doctest_exists(tmp));
	free(got);
	free(want);
	doc_free(d);
	doctest_scratch_done(&s);
}

static void test_save_fails(void **state)
{
	struct ikm_err err;
	struct doctest_scratch s;
	const char *out, *sub;
	struct doc *d = seed_letter(NULL);
	char tmp[160];

	(void)state;
	doctest_scratch_init(&s);
	/* The directory does not exist. */
	out = doctest_scratch_path(&s, 0, "tidak-ada/laporan.html");
	err_clear(&err);
	assert_int_equal(doc_html_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, out);
	assert_contains(err.msg, "cannot write");

	/* The target is a directory: the rename fails, the tmp is removed. */
	sub = doctest_scratch_path(&s, 1, "dir.html");
	assert_int_equal(mkdir(sub, 0700), 0);
	err_clear(&err);
	assert_int_equal(doc_html_save(d, sub, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, sub);
	snprintf(tmp, sizeof(tmp), "%s.tmp", sub);
	assert_false(doctest_exists(tmp));
	assert_int_equal(rmdir(sub), 0);

	/* A bad logo: no file and no tmp left behind. */
	doc_free(d);
	d = seed_letter("/nonexistent/ikm/logo.png");
	out = doctest_scratch_path(&s, 2, "laporan.html");
	err_clear(&err);
	assert_int_equal(doc_html_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, out);
	assert_contains(err.msg, "/nonexistent/ikm/logo.png");
	assert_false(doctest_exists(out));
	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	assert_false(doctest_exists(tmp));
	doc_free(d);
	doctest_scratch_done(&s);
}

static void test_save_no_symlink_follow(void **state)
{
	struct ikm_err err;
	struct doctest_scratch s;
	const char *out, *victim;
	struct doc *d = seed_letter(NULL);
	char tmp[160], *got;

	(void)state;
	doctest_scratch_init(&s);
	out = doctest_scratch_path(&s, 0, "laporan.html");
	victim = doctest_scratch_path(&s, 1, "victim");
	doctest_write_file(victim, "keep", 4);
	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	assert_int_equal(symlink(victim, tmp), 0);
	err_clear(&err);
	assert_int_equal(doc_html_save(d, out, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, out);
	got = doctest_read_file(victim);
	assert_string_equal(got, "keep");
	free(got);
	remove(tmp);
	doc_free(d);
	doctest_scratch_done(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_skeleton),
	    cmocka_unit_test(test_title_fallback),
	    cmocka_unit_test(test_escape_every_block),
	    cmocka_unit_test(test_escape_controls_and_utf8),
	    cmocka_unit_test(test_bold_runs),
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_heading_mark),
	    cmocka_unit_test(test_letterhead),
	    cmocka_unit_test(test_signature),
	    cmocka_unit_test(test_logo_png),
	    cmocka_unit_test(test_logo_not_png),
	    cmocka_unit_test(test_logo_missing),
	    cmocka_unit_test(test_logo_limit),
	    cmocka_unit_test(test_write_error),
	    cmocka_unit_test(test_save),
	    cmocka_unit_test(test_save_fails),
	    cmocka_unit_test(test_save_no_symlink_follow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
