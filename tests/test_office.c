/* Unit tests of the logo checks of src/web/office.c: office_logo_check
 * (a PNG signature and IHDR, at most OFFICE_LOGO_MAX bytes and 4000 pixels
 * a side) and office_logo_decodes (the pixels read, as the PDF renderer
 * reads them): a PNG whose header passes but whose pixels are damaged or
 * cut short is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "office.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int n)
{
	bytebuf_add(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* A real w x h PNG drawn by cairo into b. */
static void make_png(struct bytebuf *b, int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);

	cairo_set_source_rgb(cr, 0.1, 0.4, 0.7);
	cairo_paint(cr);
	cairo_destroy(cr);
	assert_int_equal(cairo_surface_write_to_png_stream(s, to_buf, b), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* Offset of the first IDAT chunk's data in p[0..n). */
static size_t idat_at(const unsigned char *p, size_t n)
{
	for (size_t i = 8; i + 8 < n; i++)
		if (memcmp(p + i, "IDAT", 4) == 0)
			return i + 4;
	fail();
	return 0;
}

static void test_good(void **state)
{
	struct bytebuf b = {0};
	struct ikm_err err = {0};

	(void)state;
	make_png(&b, 40, 30);
	assert_int_equal(office_logo_check((unsigned char *)b.p, b.len, &err), 0);
	assert_int_equal(office_logo_decodes((unsigned char *)b.p, b.len, &err), 0);
	bytebuf_free(&b);
}

static void test_damaged(void **state)
{
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	unsigned char *p;
	size_t at;

	(void)state;
	make_png(&b, 40, 30);
	p = (unsigned char *)b.p;
	at = idat_at(p, b.len);
	/* The pixels overwritten: the header still passes. */
	memset(p + at, 0x55, 8);
	assert_int_equal(office_logo_check(p, b.len, &err), 0);
	assert_int_equal(office_logo_decodes(p, b.len, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_non_null(strstr(err.msg, "rusak"));
	bytebuf_free(&b);
}

static void test_cut_short(void **state)
{
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	size_t at;

	(void)state;
	make_png(&b, 40, 30);
	at = idat_at((unsigned char *)b.p, b.len);
	assert_int_equal(office_logo_check((unsigned char *)b.p, at + 2, &err), 0);
	assert_int_equal(office_logo_decodes((unsigned char *)b.p, at + 2, &err), -1);
	assert_int_equal(office_logo_decodes((unsigned char *)b.p, 8, &err), -1);
	bytebuf_free(&b);
}

static void test_header(void **state)
{
	static const unsigned char jpeg[40] = {0xff, 0xd8, 0xff, 0xe0};
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	unsigned char *p;

	(void)state;
	assert_int_equal(office_logo_check(jpeg, sizeof(jpeg), &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	make_png(&b, 4, 3);
	p = (unsigned char *)b.p;
	/* 4001 pixels wide in IHDR. */
	p[16] = 0, p[17] = 0, p[18] = 0x0f, p[19] = 0xa1;
	assert_int_equal(office_logo_check(p, b.len, &err), -1);
	assert_non_null(strstr(err.msg, "4001x3"));
	bytebuf_free(&b);
	/* One byte past the limit: a real PNG padded. */
	make_png(&b, 4, 3);
	p = calloc(1, OFFICE_LOGO_MAX + 1);
	assert_non_null(p);
	memcpy(p, b.p, b.len);
	assert_int_equal(office_logo_check(p, OFFICE_LOGO_MAX + 1, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	free(p);
	bytebuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good),
	    cmocka_unit_test(test_damaged),
	    cmocka_unit_test(test_cut_short),
	    cmocka_unit_test(test_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
