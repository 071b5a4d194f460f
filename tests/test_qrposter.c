/* Unit tests of src/report/qrposter.c: the PNG read back module by module
 * against libqrencode's own matrix of the URL (a short URL and the longest,
 * with the longest names), and by zbarimg when it is installed; the PDF's
 * text (pdftotext), page and fonts; SVG well-formed (expat); the sheet of
 * several posters, one a page, its margins clear (pdftoppm and
 * tests/e2e/page_check.py); formats, MIME types, limits and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <dirent.h>
#include <expat.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytebuf.h"
#include "err.h"
#include "pdftest.h"
#include "qrposter.h"
#include "testutil.h"

#define ORG     "Pemerintah Kota Mojokerto"
#define UNIT    "Dinas Kependudukan dan Pencatatan Sipil"
#define SERVICE "Akta Kelahiran"
#define URL     "https://ikm.example.go.id/u/dispenduk/akta"
#define CTA_ID                                                                                     \
	"Pindai kode QR ini dengan ponsel Anda untuk mengisi survei (\xC2\xB1 2 menit). Jawaban "  \
	"Anda membantu kami memperbaiki pelayanan."
#define CTA_EN                                                                                     \
	"Scan this QR code with your phone to fill in the survey (about 2 minutes). Your "         \
	"answers help us improve the service."
#define PNG_W 1240
#define PNG_H 1754

static const struct qrposter_info INFO = {ORG, UNIT, SERVICE, URL};

/* The longest texts the limits allow: wide letters in every name, a URL of
 * QRPOSTER_URL_MAX bytes. */
static char long_name[QRPOSTER_NAME_MAX + 1], long_url[QRPOSTER_URL_MAX + 1];

static struct qrposter_info long_info(void)
{
	const char *head = "https://contoh.go.id/u/";
	size_t hl = strlen(head);

	memset(long_name, 'W', QRPOSTER_NAME_MAX);
	long_name[QRPOSTER_NAME_MAX] = '\0';
	memcpy(long_url, head, hl);
	for (size_t i = hl; i < QRPOSTER_URL_MAX; i++)
		long_url[i] = (char)('a' + i % 26);
	long_url[QRPOSTER_URL_MAX] = '\0';
	return (struct qrposter_info){long_name, long_name, long_name, long_url};
}

struct fixture {
	char dir[64];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (fx == NULL)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ikm-qr-XXXXXX");
	if (mkdtemp(fx->dir) == NULL) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	DIR *d = opendir(fx->dir);
	struct dirent *de;
	int rc = 0;

	/* Only the files the tests wrote, all in a fresh directory. */
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char path[512];

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", fx->dir, de->d_name);
		if (unlink(path) != 0)
			rc = -1;
	}
	closedir(d);
	if (rmdir(fx->dir) != 0)
		rc = -1;
	free(fx);
	return rc;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void save_ok(const struct qrposter_info *qi, const char *path)
{
	struct ikm_err err = {0};

	if (qrposter_save(qi, path, &err) != 0)
		fail_msg("qrposter_save(%s): %s", path, err.msg);
}

/* pdftotext output with every run of white space one space. */
static char *flat_text(const char *path)
{
	char *t = pdftest_text(path, "");
	char *w = t;

	for (const char *r = t; *r != '\0'; r++) {
		char c = (*r == '\n' || *r == '\f' || *r == '\t') ? ' ' : *r;

		if (c == ' ' && w > t && w[-1] == ' ')
			continue;
		*w++ = c;
	}
	*w = '\0';
	return t;
}

struct reader {
	const unsigned char *p;
	size_t len, pos;
};

static cairo_status_t read_mem(void *closure, unsigned char *data, unsigned int len)
{
	struct reader *r = closure;

	if (r->len - r->pos < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->p + r->pos, len);
	r->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Dark (luminance under half) at point (x, y) in points. */
static int dark_at(const unsigned char *data, int stride, double x, double y)
{
	int px = (int)(x * 150.0 / 72.0), py = (int)(y * 150.0 / 72.0);
	uint32_t v;
	int r, g, b;

	assert_in_range(px, 0, PNG_W - 1);
	assert_in_range(py, 0, PNG_H - 1);
	v = ((const uint32_t *)(const void *)(data + (size_t)py * (size_t)stride))[px];
	r = (int)(v >> 16 & 0xff);
	g = (int)(v >> 8 & 0xff);
	b = (int)(v & 0xff);
	return r * 299 + g * 587 + b * 114 < 128 * 1000;
}

/* Render qi as PNG into memory, decode it and read the code back: every
 * module (five points of it) as libqrencode's matrix of the URL says, the
 * quiet zone of four modules white. */
static void check_modules(const struct qrposter_info *qi)
{
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	struct qrposter_geometry g;
	struct reader rd;
	cairo_surface_t *img;
	const unsigned char *data;
	QRcode *qr;
	int stride, wrong = 0;

	if (qrposter_write(qi, QRPOSTER_PNG, &b, &err) != 0)
		fail_msg("qrposter_write: %s", err.msg);
	assert_int_equal(qrposter_geometry(qi, &g, &err), 0);
	assert_memory_equal(b.p, "\x89PNG\r\n\x1a\n", 8);
	rd = (struct reader){(const unsigned char *)b.p, b.len, 0};
	img = cairo_image_surface_create_from_png_stream(read_mem, &rd);
	assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(img), PNG_W);
	assert_int_equal(cairo_image_surface_get_height(img), PNG_H);
	cairo_surface_flush(img);
	data = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);

	qr = QRcode_encodeString(qi->url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	assert_non_null(qr);
	assert_int_equal(g.modules, qr->width);
	/* At least 2 pixels a module, and the code inside the text width. */
	assert_true(g.module * 150.0 / 72.0 >= 2.0);
	assert_true(g.x - 4 * g.module >= 56.0);
	assert_true(g.x + (g.modules + 4) * g.module <= 595.276 - 56.0);
	for (int r = -4; r < qr->width + 4; r++) {
		for (int c = -4; c < qr->width + 4; c++) {
			static const double off[5][2] = {
			    {0.5, 0.5}, {0.2, 0.2}, {0.8, 0.2}, {0.2, 0.8}, {0.8, 0.8}};
			int inside = r >= 0 && c >= 0 && r < qr->width && c < qr->width;
			int want = inside && (qr->data[r * qr->width + c] & 1);

			for (int k = 0; k < 5; k++) {
				double x = g.x + (c + off[k][0]) * g.module;
				double y = g.y + (r + off[k][1]) * g.module;

				if (dark_at(data, stride, x, y) != want) {
					if (wrong++ < 5)
						print_error(
						    "module (%d, %d) point %d: %s, expected %s\n",
						    r, c, k, want ? "white" : "black",
						    want ? "black" : "white");
				}
			}
		}
	}
	assert_int_equal(wrong, 0);
	QRcode_free(qr);
	cairo_surface_destroy(img);
	bytebuf_free(&b);
}

static void test_png_modules(void **state)
{
	(void)state;
	check_modules(&INFO);
}

static void test_png_modules_longest(void **state)
{
	struct qrposter_info li = long_info();

	(void)state;
	check_modules(&li);
	/* No organisation, unit or service: the code moves, still readable. */
	li = (struct qrposter_info){NULL, "", NULL, URL};
	check_modules(&li);
}

/* zbarimg, when installed, reads the URL back from the PNG. */
static void test_png_zbar(void **state)
{
	struct fixture *fx = *state;
	struct qrposter_info li = long_info();
	char path[128], cmd[256], *out;
	int st;

	out = pdftest_run("command -v zbarimg >/dev/null 2>&1", &st);
	free(out);
	if (st != 0)
		skip(); /* zbar-tools not installed */
	snprintf(path, sizeof(path), "%s/zbar.png", fx->dir);
	save_ok(&INFO, path);
	snprintf(cmd, sizeof(cmd), "zbarimg -q --raw %s", path);
	out = pdftest_cmd("%s", cmd);
	assert_string_equal(out, URL "\n");
	free(out);
	save_ok(&li, path);
	out = pdftest_cmd("%s", cmd);
	assert_int_equal(strlen(out), QRPOSTER_URL_MAX + 1);
	assert_memory_equal(out, long_url, QRPOSTER_URL_MAX);
	free(out);
}

static void test_pdf(void **state)
{
	struct fixture *fx = *state;
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	char path[128], tmp[140], *out;

	snprintf(path, sizeof(path), "%s/poster.pdf", fx->dir);
	save_ok(&INFO, path);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	assert_false(exists(tmp));
	out = flat_text(path);
	assert_contains(out, ORG);
	assert_contains(out, "SURVEI KEPUASAN MASYARAKAT");
	assert_contains(out, UNIT);
	assert_contains(out, SERVICE);
	assert_contains(out, URL);
	assert_contains(out, CTA_ID);
	assert_contains(out, CTA_EN);
	{
		const char *order[] = {ORG, "SURVEI KEPUASAN", UNIT,  SERVICE,
		                       URL, "Pindai",          "Scan"};

		testutil_assert_in_order(out, order, 7);
	}
	free(out);
	pdftest_assert_a4_page(path, "Poster QR Survei Kepuasan Masyarakat - " UNIT, "DejaVuSans");
	out = pdftest_cmd("pdffonts %s 2>&1", path);
	assert_contains(out, "DejaVuSansMono");
	free(out);

	/* Into memory: a whole PDF, appended after what the buffer held. */
	bytebuf_puts(&b, "x");
	assert_int_equal(qrposter_write(&INFO, QRPOSTER_PDF, &b, &err), 0);
	testutil_assert_starts(b.p, "x%PDF-");
	assert_non_null(strstr(b.p + b.len - 8, "%%EOF"));
	bytebuf_free(&b);
}

/* Empty or NULL names leave their lines out. */
static void test_pdf_no_names(void **state)
{
	struct fixture *fx = *state;
	const struct qrposter_info bare = {NULL, "", NULL, URL};
	char path[128], *out;

	snprintf(path, sizeof(path), "%s/bare.pdf", fx->dir);
	save_ok(&bare, path);
	out = flat_text(path);
	testutil_assert_starts(out, "SURVEI KEPUASAN MASYARAKAT " URL " Pindai");
	free(out);
	pdftest_assert_a4_page(path, "Poster QR Survei Kepuasan Masyarakat", "DejaVuSans");
}

static void test_svg(void **state)
{
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	XML_Parser xp = XML_ParserCreate("UTF-8");

	(void)state;
	assert_int_equal(qrposter_write(&INFO, QRPOSTER_SVG, &b, &err), 0);
	assert_true(strncmp(b.p, "<?xml", 5) == 0 || strncmp(b.p, "<svg", 4) == 0);
	assert_contains(b.p, "<svg");
	assert_contains(b.p, "</svg>");
	assert_contains(b.p, "595.276pt");
	if (XML_Parse(xp, b.p, (int)b.len, 1) != XML_STATUS_OK)
		fail_msg("SVG not well-formed: %s at line %lu",
		         XML_ErrorString(XML_GetErrorCode(xp)),
		         (unsigned long)XML_GetCurrentLineNumber(xp));
	XML_ParserFree(xp);
	bytebuf_free(&b);
}

/* Each format to a file by its extension, in any case. */
static void test_save_formats(void **state)
{
	struct fixture *fx = *state;
	static const char *const names[] = {"a.PNG", "a.Svg", "a.pdf"};
	static const char *const magic[] = {"\x89PNG", "<", "%PDF-"};

	for (int i = 0; i < 3; i++) {
		char path[128], head[8] = {0};
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", fx->dir, names[i]);
		save_ok(&INFO, path);
		f = fopen(path, "rb");
		assert_non_null(f);
		assert_true(fread(head, 1, sizeof(head) - 1, f) > 4);
		fclose(f);
		testutil_assert_starts(head, magic[i]);
	}
}

static void test_format_mime(void **state)
{
	struct ikm_err err = {0};
	enum qrposter_format fmt = QRPOSTER_PDF;

	(void)state;
	assert_int_equal(qrposter_format_of("x/poster.Png", &fmt, &err), 0);
	assert_int_equal(fmt, QRPOSTER_PNG);
	assert_int_equal(qrposter_format_of("poster.svg", &fmt, &err), 0);
	assert_int_equal(fmt, QRPOSTER_SVG);
	assert_int_equal(qrposter_format_of("poster.PDF", &fmt, &err), 0);
	assert_int_equal(fmt, QRPOSTER_PDF);
	assert_int_equal(qrposter_format_of("dir.d/poster", &fmt, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_string_equal(qrposter_mime(QRPOSTER_PDF), "application/pdf");
	assert_string_equal(qrposter_mime(QRPOSTER_PNG), "image/png");
	assert_string_equal(qrposter_mime(QRPOSTER_SVG), "image/svg+xml");
}

/* Several posters, one a page, the longest among them: every page names
 * its unit, none blank, nothing within 1,5 cm of an edge. */
static void test_sheet(void **state)
{
	struct fixture *fx = *state;
	struct qrposter_info items[4] = {
	    INFO,
	    {ORG, "Dinas Kesehatan", "", "https://ikm.example.go.id/u/dinkes"},
	    {ORG, "Kecamatan Prajurit Kulon", "Surat Pindah", "https://ikm.example.go.id/u/kec"},
	};
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	const char *top = getenv("IKM_TOP");
	char path[128], *out, *pages[8];
	FILE *f;

	items[3] = long_info();
	assert_int_equal(qrposter_sheet(items, 4, &b, &err), 0);
	testutil_assert_starts(b.p, "%PDF-");
	snprintf(path, sizeof(path), "%s/sheet.pdf", fx->dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b.p, 1, b.len, f), b.len);
	assert_int_equal(fclose(f), 0);
	bytebuf_free(&b);

	out = pdftest_cmd("pdfinfo %s 2>&1", path);
	assert_contains(out, "Pages:           4\n");
	assert_contains(out, "595.276 x 841.89 pts (A4)");
	free(out);
	out = pdftest_text(path, "");
	assert_int_equal(pdftest_pages(out, pages, 8), 4);
	assert_contains(pages[0], UNIT);
	assert_contains(pages[1], "Dinas Kesehatan");
	assert_contains(pages[1], "https://ikm.example.go.id/u/dinkes");
	assert_contains(pages[2], "Surat Pindah");
	assert_contains(pages[3], "WWWWWWWWWW");
	assert_null(strstr(pages[1], "Kecamatan"));
	free(out);

	out = pdftest_cmd("pdftoppm -gray -r 40 %s %s/page 2>&1 && "
	                  "python3 %s/tests/e2e/page_check.py 1.5 %s/page-*.pgm 2>&1",
	                  path, fx->dir, top != NULL ? top : ".", fx->dir);
	free(out);
}

static void test_limits(void **state)
{
	struct qrposter_info li = long_info(), qi;
	struct qrposter_geometry g;
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	char over_url[QRPOSTER_URL_MAX + 2], over_name[QRPOSTER_NAME_MAX + 2];

	(void)state;
	/* At the limits: fine. */
	assert_int_equal(qrposter_check(&li, &err), 0);
	assert_int_equal(qrposter_geometry(&li, &g, &err), 0);

	memset(over_url, 'a', sizeof(over_url) - 1);
	memcpy(over_url, "https://", 8);
	over_url[sizeof(over_url) - 1] = '\0';
	qi = INFO;
	qi.url = over_url;
	bytebuf_puts(&b, "kept");
	assert_int_equal(qrposter_write(&qi, QRPOSTER_PNG, &b, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_contains(err.msg, "URL");
	assert_contains(err.msg, "512");
	assert_string_equal(b.p, "kept"); /* out as it was */
	assert_int_equal(b.len, 4);

	memset(over_name, 'x', sizeof(over_name) - 1);
	over_name[sizeof(over_name) - 1] = '\0';
	for (int i = 0; i < 3; i++) {
		static const char *const what[] = {"nama instansi", "nama unit", "nama layanan"};

		qi = INFO;
		*(i == 0 ? &qi.org : i == 1 ? &qi.unit : &qi.service) = over_name;
		err_clear(&err);
		assert_int_equal(qrposter_write(&qi, QRPOSTER_PDF, &b, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
		assert_contains(err.msg, what[i]);
		assert_contains(err.msg, "255");
	}

	/* No URL, a URL with a space, control characters, bad UTF-8. */
	{
		const struct qrposter_info bad[] = {
		    {ORG, UNIT, SERVICE, NULL},
		    {ORG, UNIT, SERVICE, ""},
		    {ORG, UNIT, SERVICE, "https://contoh.go.id/u/dinas kesehatan"},
		    {ORG, "Dinas\nKesehatan", SERVICE, URL},
		    {ORG, UNIT, "Akta\x7f", URL},
		    {"Pemerintah \xC3\x28", UNIT, SERVICE, URL},
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			err_clear(&err);
			assert_int_equal(qrposter_write(&bad[i], QRPOSTER_SVG, &b, &err), -1);
			assert_int_equal(err.kind, IKM_EUSAGE);
			assert_int_equal(qrposter_geometry(&bad[i], &g, &err), -1);
		}
		err_clear(&err);
		assert_int_equal(qrposter_check(NULL, &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
	}
	assert_int_equal(b.len, 4);

	/* The sheet: none, too many, one bad item named by its number. */
	{
		struct qrposter_info items[3] = {INFO, INFO, INFO};

		assert_int_equal(qrposter_sheet(items, 0, &b, &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
		assert_int_equal(qrposter_sheet(NULL, 1, &b, &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
		assert_int_equal(qrposter_sheet(items, QRPOSTER_SHEET_MAX + 1, &b, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
		items[1].url = over_url;
		assert_int_equal(qrposter_sheet(items, 3, &b, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
		testutil_assert_starts(err.msg, "poster 2: ");
	}
	assert_int_equal(b.len, 4);
	bytebuf_free(&b);
}

static void test_save_errors(void **state)
{
	struct fixture *fx = *state;
	static const char *const ext[] = {"pdf", "png", "svg"};
	struct ikm_err err = {0};
	char path[160], tmp[170];

	snprintf(path, sizeof(path), "%s/poster.jpg", fx->dir);
	assert_int_equal(qrposter_save(&INFO, path, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_contains(err.msg, ".jpg");
	assert_contains(err.msg, ".pdf");
	assert_false(exists(path));

	snprintf(path, sizeof(path), "%s/poster", fx->dir);
	err_clear(&err);
	assert_int_equal(qrposter_save(&INFO, path, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_contains(err.msg, path);

	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/missing-dir/poster.%s", fx->dir, ext[i]);
		err_clear(&err);
		assert_int_equal(qrposter_save(&INFO, path, &err), -1);
		assert_int_equal(err.kind, IKM_EIO);
		assert_contains(err.msg, path);
		snprintf(tmp, sizeof(tmp), "%s.tmp", path);
		assert_false(exists(tmp));
	}

	/* A bad poster writes nothing. */
	{
		const struct qrposter_info bad = {ORG, UNIT, SERVICE, ""};

		snprintf(path, sizeof(path), "%s/bad.pdf", fx->dir);
		err_clear(&err);
		assert_int_equal(qrposter_save(&bad, path, &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
		assert_false(exists(path));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_png_modules),
	    cmocka_unit_test(test_png_modules_longest),
	    cmocka_unit_test_setup_teardown(test_png_zbar, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pdf, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pdf_no_names, setup, teardown),
	    cmocka_unit_test(test_svg),
	    cmocka_unit_test_setup_teardown(test_save_formats, setup, teardown),
	    cmocka_unit_test(test_format_mime),
	    cmocka_unit_test_setup_teardown(test_sheet, setup, teardown),
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test_setup_teardown(test_save_errors, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
