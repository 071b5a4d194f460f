/* Unit tests of src/report/infographic.c and src/report/chart.c: the A4
 * poster of the seed demo survey (250 respondents, IKM 96,89, A) as PDF
 * (text extracted with pdftotext, one A4 page, fonts embedded), PNG (150
 * dpi, 1240 x 1754, not blank) and SVG (well-formed XML, checked with
 * expat); the chart's axis (zoomed 60-100 or the full 25-100 with decimal
 * comma ticks); the chart alone in a small box; a bad extension and
 * unwritable paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <dirent.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart.h"
#include "err.h"
#include "infographic.h"
#include "instrument.h"
#include "pdftest.h"
#include "score.h"
#include "testutil.h"

#define FOLLOW_UP "peningkatan perilaku pelaksana dan penanganan pengaduan"

struct fixture {
	char dir[64];
	struct instrument in;
	struct score_result res;
};

static const struct infographic_info INFO = {"Pemerintah Kota Mojokerto",
                                             "Dinas Kependudukan dan Pencatatan Sipil",
                                             "Semester I 2022", FOLLOW_UP};

/* Answers U1..U9 of one data line of the demo file (fields 8..16, 1-based;
 * the free-text field that may be quoted comes after them). */
static int parse_line(const char *line, uint8_t *vals)
{
	int field = 1;

	for (const char *p = line; *p != '\0' && field <= 16; p++) {
		if (*p == ',') {
			field++;
			continue;
		}
		if (field >= 8 && field <= 16) {
			if (*p < '1' || *p > '4' || (p[1] != ',' && p[1] != '\0'))
				return -1;
			vals[field - 8] = (uint8_t)(*p - '0');
		}
	}
	return field > 16 ? 0 : -1;
}

/* Score of the seed demo file: 250 respondents, IKM 96,89. */
static void load_demo(struct instrument *in, struct score_result *res)
{
	const char *top = getenv("IKM_TOP");
	char path[4096], line[1024];
	struct score_acc *acc = score_acc_new(INSTR_STANDARD_K);
	struct ikm_err err = {0};
	FILE *f;
	int rows = 0;

	snprintf(path, sizeof(path), "%s/examples/mojokerto-2022-s1-demo.csv",
	         top != NULL ? top : ".");
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f)); /* header */
	while (fgets(line, sizeof(line), f) != NULL) {
		uint8_t vals[INSTR_STANDARD_K] = {0};

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0')
			continue;
		assert_int_equal(parse_line(line, vals), 0);
		score_acc_add(acc, vals);
		rows++;
	}
	fclose(f);
	assert_int_equal(rows, 250);
	instr_standard(in);
	assert_int_equal(score_compute(acc, in, res, &err), 0);
	score_acc_free(acc);
	assert_int_equal(res->ikm_e2, 9689);
	assert_int_equal(res->mutu, 'A');
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (fx == NULL)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ikm-info-XXXXXX");
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

static void save_ok(struct fixture *fx, const struct infographic_info *ii, const char *path)
{
	struct ikm_err err = {0};

	if (infographic_save(ii, &fx->in, &fx->res, path, &err) != 0)
		fail_msg("infographic_save(%s): %s", path, err.msg);
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void test_pdf(void **state)
{
	struct fixture *fx = *state;
	char path[128], tmp[140], *out;

	load_demo(&fx->in, &fx->res);
	snprintf(path, sizeof(path), "%s/poster.pdf", fx->dir);
	save_ok(fx, &INFO, path);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	assert_false(exists(tmp));

	out = pdftest_text(path, "");
	assert_contains(out, "Pemerintah Kota Mojokerto");
	assert_contains(out, "Dinas Kependudukan dan Pencatatan Sipil");
	assert_contains(out, "INDEKS KEPUASAN MASYARAKAT");
	assert_contains(out, "Semester I 2022");
	assert_contains(out, "96,89");
	assert_contains(out, "Mutu A");
	assert_contains(out, "SANGAT BAIK");
	assert_contains(out, "250 responden");
	assert_contains(out, "U7 Perilaku Pelaksana");
	assert_contains(out, "96,00"); /* U7: NRR 3,84 x 25 */
	assert_contains(out, "96,50"); /* U9: NRR 3,86 x 25 */
	assert_contains(out, "Tindak lanjut:");
	assert_contains(out, "peningkatan perilaku pelaksana");
	/* Grade cut-offs from the table; every value >= 65 zooms the axis. */
	assert_contains(out, "A 88,31");
	assert_contains(out, "B 76,61");
	assert_contains(out, "C 65,00");
	assert_contains(out, "sumbu dimulai dari 60");
	assert_contains(out, "3,8756"); /* the mean NRR in the legend */
	assert_null(strstr(out, "96.89"));
	free(out);
	pdftest_assert_a4_page(path, "Infografis IKM", "DejaVuSans");
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void test_png(void **state)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	struct fixture *fx = *state;
	char path[128];
	unsigned char head[24];
	cairo_surface_t *img;
	FILE *f;
	int w, h, stride;
	long inked = 0;

	load_demo(&fx->in, &fx->res);
	snprintf(path, sizeof(path), "%s/poster.png", fx->dir);
	save_ok(fx, &INFO, path);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(head, 1, sizeof(head), f), sizeof(head));
	fclose(f);
	assert_memory_equal(head, sig, sizeof(sig));
	assert_memory_equal(head + 12, "IHDR", 4);
	/* A4 at 150 dpi: 8,27 x 11,69 in. */
	assert_in_range(be32(head + 16), 1238, 1242);
	assert_in_range(be32(head + 20), 1752, 1756);

	img = cairo_image_surface_create_from_png(path);
	assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	w = cairo_image_surface_get_width(img);
	h = cairo_image_surface_get_height(img);
	stride = cairo_image_surface_get_stride(img);
	cairo_surface_flush(img);
	{
		const unsigned char *data = cairo_image_surface_get_data(img);

		assert_non_null(data);
		for (int yy = 0; yy < h; yy++) {
			const uint32_t *row =
			    (const uint32_t *)(const void *)(data + (size_t)yy * stride);

			for (int xx = 0; xx < w; xx++)
				if ((row[xx] & 0xffffff) != 0xffffff)
					inked++;
		}
	}
	/* Not blank, and still mostly white paper. */
	assert_true(inked * 100 > (long)w * h * 2);
	assert_true(inked * 100 < (long)w * h * 60);
	/* The corner is the white background, the top edge the accent band. */
	{
		const uint32_t *px =
		    (const uint32_t *)(const void *)cairo_image_surface_get_data(img);

		assert_int_equal(px[(size_t)(h - 2) * (size_t)stride / 4 + 2] & 0xffffff, 0xffffff);
		assert_int_not_equal(px[(size_t)stride / 4 * 3 + (size_t)w / 2] & 0xffffff,
		                     0xffffff);
	}
	cairo_surface_destroy(img);
}

static void test_svg(void **state)
{
	struct fixture *fx = *state;
	char path[128], buf[8192];
	XML_Parser xp = XML_ParserCreate("UTF-8");
	FILE *f;
	size_t n;
	int saw_svg = 0, ok = 1;
	long total = 0;

	load_demo(&fx->in, &fx->res);
	snprintf(path, sizeof(path), "%s/poster.SVG", fx->dir); /* extension in any case */
	save_ok(fx, &INFO, path);
	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf) - 1, f)) > 0) {
		buf[n] = '\0';
		if (strstr(buf, "<svg") != NULL)
			saw_svg = 1;
		if (XML_Parse(xp, buf, (int)n, 0) != XML_STATUS_OK)
			ok = 0;
		total += (long)n;
	}
	fclose(f);
	if (ok && XML_Parse(xp, "", 0, 1) != XML_STATUS_OK)
		ok = 0;
	if (!ok)
		fail_msg("SVG not well-formed: %s at line %lu",
		         XML_ErrorString(XML_GetErrorCode(xp)),
		         (unsigned long)XML_GetCurrentLineNumber(xp));
	XML_ParserFree(xp);
	assert_true(saw_svg);
	assert_true(total > 1000);
}

/* Low answers: the chart needs the full 25-100 axis (ticks 37,5 ...), the
 * grade is C and empty info strings and no follow-up are fine. */
static void test_full_axis(void **state)
{
	struct fixture *fx = *state;
	const struct infographic_info blank = {"", "", "", ""};
	struct score_acc *acc = score_acc_new(INSTR_STANDARD_K);
	const uint8_t a[INSTR_STANDARD_K] = {3, 3, 3, 3, 3, 3, 1, 3, 3};
	const uint8_t b[INSTR_STANDARD_K] = {3, 2, 3, 3, 3, 3, 2, 3, 3};
	struct ikm_err err = {0};
	char path[128], *out;

	instr_standard(&fx->in);
	score_acc_add(acc, a);
	score_acc_add(acc, b);
	assert_int_equal(score_compute(acc, &fx->in, &fx->res, &err), 0);
	score_acc_free(acc);
	assert_int_equal(fx->res.mutu, 'C');
	snprintf(path, sizeof(path), "%s/poster-low.pdf", fx->dir);
	save_ok(fx, &blank, path);
	out = pdftest_text(path, "");
	assert_contains(out, "sumbu penuh 25");
	assert_contains(out, "37,5");
	assert_contains(out, "62,5");
	assert_contains(out, "37,50"); /* U7: NRR 1,5 x 25 */
	assert_contains(out, "KURANG BAIK");
	assert_contains(out, "2 responden");
	assert_null(strstr(out, "Tindak lanjut"));
	free(out);
	/* Also the PNG of the same, for a look at a low grade. */
	snprintf(path, sizeof(path), "%s/poster-low.png", fx->dir);
	save_ok(fx, &blank, path);
}

/* The chart alone in a small box (a narrow chart crowds the cut-off
 * labels, which then take two rows): it draws inside the box, on any
 * cairo surface, and leaves the context's state as it was. */
static void test_chart_small(void **state)
{
	struct fixture *fx = *state;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 220);
	cairo_t *cr = cairo_create(img);
	const unsigned char *data;
	int stride = cairo_image_surface_get_stride(img);
	long inside = 0, outside = 0;

	load_demo(&fx->in, &fx->res);
	fx->res.el[6].ikm_e2 = 3000; /* forces the full 25-100 axis */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0, 1);
	chart_elements(cr, 20, 20, 260, 180, &fx->in, &fx->res);
	assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	{
		double r, g, b;

		assert_int_equal(cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, NULL),
		                 CAIRO_STATUS_SUCCESS);
		assert_true(r == 0 && g == 0 && b == 1); /* source restored */
	}
	cairo_destroy(cr);
	cairo_surface_flush(img);
	data = cairo_image_surface_get_data(img);
	for (int yy = 0; yy < 220; yy++)
		for (int xx = 0; xx < 300; xx++) {
			uint32_t px =
			    ((const uint32_t *)(const void *)(data + (size_t)yy * stride))[xx];
			int in_box = xx >= 19 && xx <= 281 && yy >= 19 && yy <= 201;

			if ((px & 0xffffff) != 0xffffff)
				*(in_box ? &inside : &outside) += 1;
		}
	cairo_surface_destroy(img);
	assert_true(inside > 300 * 220 / 20);
	assert_int_equal(outside, 0);
}

static void test_bad_extension(void **state)
{
	struct fixture *fx = *state;
	struct ikm_err err = {0};
	char path[128];

	load_demo(&fx->in, &fx->res);
	snprintf(path, sizeof(path), "%s/poster.jpg", fx->dir);
	assert_int_equal(infographic_save(&INFO, &fx->in, &fx->res, path, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_contains(err.msg, ".jpg");
	assert_contains(err.msg, ".pdf");
	assert_false(exists(path));

	snprintf(path, sizeof(path), "%s/poster", fx->dir);
	err_clear(&err);
	assert_int_equal(infographic_save(&INFO, &fx->in, &fx->res, path, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_contains(err.msg, path);
	assert_false(exists(path));
}

static void test_unwritable(void **state)
{
	static const char *const ext[] = {"pdf", "png", "svg"};
	struct fixture *fx = *state;
	char path[160], tmp[170];

	load_demo(&fx->in, &fx->res);
	for (int i = 0; i < 3; i++) {
		struct ikm_err err = {0};

		snprintf(path, sizeof(path), "%s/poster-missing-dir/poster.%s", fx->dir, ext[i]);
		assert_int_equal(infographic_save(&INFO, &fx->in, &fx->res, path, &err), -1);
		assert_int_equal(err.kind, IKM_EIO);
		assert_contains(err.msg, path);
		snprintf(tmp, sizeof(tmp), "%s.tmp", path);
		assert_false(exists(tmp));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_pdf, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_png, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_svg, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_full_axis, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_chart_small, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_extension, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
