/* Unit tests of chart_categories and chart_count_share in
 * src/report/chart.c: the share text ("57 (22,8%)", per mille rounded half
 * up from integers, decimal comma, thousands dots, no overflow), the bars
 * of a profile table drawn into a PDF (text read back with pdftotext) and
 * into an image (drawn inside the box, bars in proportion, cairo state
 * restored), long labels cut with an ellipsis, and "Tidak ada data" for an
 * empty table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "pdftest.h"
#include "testutil.h"

static void expect_share(uint64_t count, uint64_t total, const char *want)
{
	char buf[64];

	chart_count_share(buf, sizeof(buf), count, total);
	if (strcmp(buf, want) != 0) {
		print_error("%llu of %llu: \"%s\", expected \"%s\"\n", (unsigned long long)count,
		            (unsigned long long)total, buf, want);
		fail();
	}
}

static void test_count_share(void **state)
{
	(void)state;
	expect_share(57, 250, "57 (22,8%)");
	expect_share(113, 250, "113 (45,2%)");
	expect_share(1, 3, "1 (33,3%)");
	expect_share(2, 3, "2 (66,7%)");
	expect_share(1, 8, "1 (12,5%)");
	/* Half up at the per mille: 62,5 -> 63, 0,5 -> 1; below half down. */
	expect_share(1, 16, "1 (6,3%)");
	expect_share(1, 2000, "1 (0,1%)");
	expect_share(1, 2001, "1 (0,0%)");
	expect_share(0, 5, "0 (0,0%)");
	expect_share(7, 7, "7 (100,0%)");
	expect_share(1234567, 1234567, "1.234.567 (100,0%)");
	expect_share(250, 1000000, "250 (0,0%)");
	expect_share(500, 1000000, "500 (0,1%)");
	/* No total: the count alone. */
	expect_share(0, 0, "0");
	/* Huge counts do not overflow. */
	expect_share(UINT64_MAX / 4, UINT64_MAX / 2, "4.611.686.018.427.387.903 (50,0%)");
	expect_share(UINT64_MAX, UINT64_MAX, "9.223.372.036.854.775.807 (100,0%)");
}

/* Draw the categories into a one-page PDF; its text with line breaks
 * folded to spaces (caller frees). */
static char *pdf_text(const char *const *labels, const uint64_t *counts, int n)
{
	char path[] = "/tmp/ikm-chart-XXXXXX", cmd[256], *out;
	int fd = mkstemp(path), st;
	cairo_surface_t *s;
	cairo_t *cr;

	assert_true(fd >= 0);
	close(fd);
	s = cairo_pdf_surface_create(path, 595.276, 841.89);
	cr = cairo_create(s);
	chart_categories(cr, 60, 60, 400, 220, labels, counts, n);
	assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	snprintf(cmd, sizeof(cmd), "pdftotext %s - 2>&1 | tr -s ' \\n' '  '", path);
	out = pdftest_run(cmd, &st);
	assert_int_equal(st, 0);
	unlink(path);
	return out;
}

static void test_pdf_labels_and_shares(void **state)
{
	static const char *const labels[] = {"SD",
	                                     "SMP",
	                                     "SMA",
	                                     "D1\xE2\x80\x93"
	                                     "D3",
	                                     "D4/S1",
	                                     "S2",
	                                     "S3"};
	static const uint64_t counts[] = {16, 37, 113, 21, 57, 6, 0};
	char *out = pdf_text(labels, counts, 7);

	(void)state;
	assert_contains(out, "SMA");
	assert_contains(out, "D1\xE2\x80\x93"
	                     "D3");
	assert_contains(out, "D4/S1");
	assert_contains(out, "113 (45,2%)");
	assert_contains(out, "57 (22,8%)");
	assert_contains(out, "16 (6,4%)");
	assert_contains(out, "0 (0,0%)");
	assert_null(strstr(out, "Tidak ada data"));
	free(out);
}

static void test_empty(void **state)
{
	static const char *const labels[] = {"Laki-laki", "Perempuan"};
	static const uint64_t zero[] = {0, 0};
	char *out = pdf_text(NULL, NULL, 0);

	(void)state;
	assert_contains(out, "Tidak ada data");
	free(out);
	/* Categories all at 0: nothing to share either. */
	out = pdf_text(labels, zero, 2);
	assert_contains(out, "Tidak ada data");
	assert_null(strstr(out, "Laki-laki"));
	free(out);
}

/* Ink rows (top and bottom, -1 when none) of the image part x0..x1. */
static void ink_rows(cairo_surface_t *img, int x0, int x1, int *top, int *bottom)
{
	const unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img), h = cairo_image_surface_get_height(img);

	*top = *bottom = -1;
	for (int yy = 0; yy < h; yy++)
		for (int xx = x0; xx <= x1; xx++) {
			uint32_t px =
			    ((const uint32_t *)(const void *)(data + (size_t)yy * stride))[xx];

			if ((px & 0xffffff) != 0xffffff) {
				if (*top < 0)
					*top = yy;
				*bottom = yy;
			}
		}
}

/* A label too long for its column is cut to one line (pdftotext cannot
 * tell: the ellipsis carries the elided text as its ActualText), and the
 * text stays in the box. */
static void test_long_label_ellipsized(void **state)
{
	static const char *const labels[] = {
	    "Pelayanan penerbitan akta kelahiran dan kartu identitas anak sekaligus dengan "
	    "kartu keluarga yang baru UJUNGLABEL",
	    "KTP-el"};
	static const uint64_t counts[] = {3, 1};
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 120);
	cairo_t *cr = cairo_create(img);
	int top, bottom;
	char *out;

	(void)state;
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	/* Two rows of 40 px in a box at y 20..100: the label column is x
	 * 20..142, the first row's label is centred on y 40. */
	chart_categories(cr, 20, 20, 360, 80, labels, counts, 2);
	cairo_destroy(cr);
	cairo_surface_flush(img);
	ink_rows(img, 0, 399, &top, &bottom);
	assert_true(top >= 20 && bottom <= 100);
	ink_rows(img, 0, 19, &top, &bottom);
	assert_int_equal(top, -1); /* nothing left of the box */
	ink_rows(img, 20, 140, &top, &bottom);
	assert_true(top >= 20 && bottom < 100);
	{
		int first_top = top, first_bottom = -1;
		const unsigned char *data = cairo_image_surface_get_data(img);
		int stride = cairo_image_surface_get_stride(img);

		/* The first row's label: one line, well under two line heights. */
		for (int yy = 20; yy < 60; yy++)
			for (int xx = 20; xx <= 140; xx++)
				if ((((const uint32_t *)(const void *)(data +
				                                       (size_t)yy * stride))[xx] &
				     0xffffff) != 0xffffff)
					first_bottom = yy;
		assert_true(first_top >= 20 && first_bottom - first_top < 12);
	}
	cairo_surface_destroy(img);
	out = pdf_text(labels, counts, 2);
	assert_contains(out, "3 (75,0%)");
	assert_contains(out, "KTP-el");
	free(out);
}

/* Length in pixels of the bar (slate blue) on image row yy. */
static int bar_length(const unsigned char *data, int stride, int width, int yy)
{
	int n = 0;

	for (int xx = 0; xx < width; xx++) {
		uint32_t px = ((const uint32_t *)(const void *)(data + (size_t)yy * stride))[xx];
		int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

		n += abs(r - 66) < 12 && abs(g - 110) < 12 && abs(b - 158) < 12;
	}
	return n;
}

static void test_image_box_and_proportions(void **state)
{
	static const char *const labels[] = {"Akta Kelahiran", "Kartu Keluarga", "KTP-el",
	                                     "Akta Kematian"};
	static const uint64_t counts[] = {120, 60, 30, 0};
	const int W = 400, H = 240;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cairo_t *cr = cairo_create(img);
	const unsigned char *data;
	int stride = cairo_image_surface_get_stride(img);
	long inside = 0, outside = 0;
	int len[4];

	(void)state;
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 1, 0);
	cairo_set_line_width(cr, 7);
	chart_categories(cr, 20, 20, 360, 200, labels, counts, 4);
	assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	{
		double r, g, b;

		assert_int_equal(cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, NULL),
		                 CAIRO_STATUS_SUCCESS);
		assert_true(r == 0 && g == 1 && b == 0); /* state restored */
		assert_true(cairo_get_line_width(cr) == 7);
	}
	cairo_destroy(cr);
	cairo_surface_flush(img);
	data = cairo_image_surface_get_data(img);
	for (int yy = 0; yy < H; yy++)
		for (int xx = 0; xx < W; xx++) {
			uint32_t px =
			    ((const uint32_t *)(const void *)(data + (size_t)yy * stride))[xx];
			int in_box = xx >= 19 && xx <= 381 && yy >= 19 && yy <= 221;

			if ((px & 0xffffff) != 0xffffff)
				*(in_box ? &inside : &outside) += 1;
		}
	/* Row i is centred on 20 + 50 (i + 0.5). */
	for (int i = 0; i < 4; i++)
		len[i] = bar_length(data, stride, W, 20 + 50 * i + 25);
	cairo_surface_destroy(img);
	assert_int_equal(outside, 0);
	assert_true(inside > 2000);
	assert_true(len[0] > 100);
	assert_true(abs(len[0] - 2 * len[1]) <= 2);
	assert_true(abs(len[1] - 2 * len[2]) <= 2);
	assert_int_equal(len[3], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_count_share),
	    cmocka_unit_test(test_pdf_labels_and_shares),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_long_label_ellipsized),
	    cmocka_unit_test(test_image_box_and_proportions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
