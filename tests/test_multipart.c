/* multipart/form-data bodies (src/web/multipart.c): the Content-Type
 * check, well-formed bodies (fields and files, a preamble, a quoted
 * boundary), file names with their paths stripped, binary data with CR, LF
 * and NUL inside kept byte for byte, and what is refused: a missing final
 * boundary, too many parts, part headers too long, parts without a name or
 * a disposition, names and file names too long; multipart_text's checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "multipart.h"
#include "testutil.h"

#define CT "multipart/form-data; boundary=----batas123"
#define B  "------batas123"

/* Parse the string body with CT: the return value; err kept in *err. */
static int parse(const char *body, struct multipart *m, struct ikm_err *err)
{
	return multipart_parse(body, strlen(body), CT, m, err);
}

static void test_content_type(void **state)
{
	(void)state;
	assert_true(multipart_is(CT));
	assert_true(multipart_is("Multipart/Form-Data; BOUNDARY=x"));
	assert_true(multipart_is("multipart/form-data; charset=utf-8; boundary=x"));
	assert_true(multipart_is("multipart/form-data;boundary=\"a b;c\""));
	assert_false(multipart_is("multipart/form-data"));
	assert_false(multipart_is("multipart/form-data; boundary="));
	assert_false(multipart_is("multipart/form-data; boundary=\"\""));
	assert_false(multipart_is("multipart/form-data; boundary=\"unclosed"));
	assert_false(multipart_is("multipart/mixed; boundary=x"));
	assert_false(multipart_is("application/x-www-form-urlencoded"));
	assert_false(multipart_is(""));
	assert_false(multipart_is(NULL));
	/* 70 characters at most (RFC 2046). */
	{
		char ct[160];

		snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%070d", 0);
		assert_true(multipart_is(ct));
		snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 0);
		assert_false(multipart_is(ct));
	}
}

static void test_well_formed(void **state)
{
	struct multipart m;
	struct ikm_err err = {0};
	const struct multipart_part *p;
	char buf[64];
	const char *body =
	    "preamble to ignore\r\n" B "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc123\r\n" B "\r\n"
	    "content-disposition: form-data; name=\"berkas\"; filename=\"data.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n"
	    "a,b\r\n1,2\r\n\r\n" B "\r\n"
	    "Content-Disposition: form-data; name=kosong\r\n\r\n"
	    "\r\n" B "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "kedua\r\n" B "--\r\n"
	    "epilogue";

	(void)state;
	assert_int_equal(parse(body, &m, &err), 0);
	assert_int_equal(m.n, 4);
	assert_string_equal(m.p[0].name, "csrf");
	assert_false(m.p[0].is_file);
	assert_string_equal(m.p[0].filename, "");
	assert_string_equal(m.p[0].content_type, "");
	assert_int_equal(m.p[0].len, 6);
	assert_memory_equal(m.p[0].data, "abc123", 6);
	p = multipart_get(&m, "berkas");
	assert_non_null(p);
	assert_true(p->is_file);
	assert_string_equal(p->filename, "data.csv");
	assert_string_equal(p->content_type, "text/csv");
	assert_int_equal(p->len, 10);
	assert_memory_equal(p->data, "a,b\r\n1,2\r\n", 10);
	assert_int_equal(m.p[2].len, 0);
	assert_string_equal(m.p[2].name, "kosong");
	/* The first of a name; parts point into the body. */
	assert_ptr_equal(multipart_get(&m, "csrf"), &m.p[0]);
	assert_null(multipart_get(&m, "tidak-ada"));
	assert_true(m.p[0].data > body && m.p[3].data < body + strlen(body));
	assert_int_equal(multipart_text(&m, "csrf", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "abc123");
	assert_int_equal(multipart_text(&m, "kosong", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "");
	assert_int_equal(multipart_text(&m, "berkas", buf, sizeof(buf)), 0); /* a file */
	assert_int_equal(multipart_text(&m, "tidak-ada", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");

	/* The body may open with its delimiter; no parts at all is a body too. */
	assert_int_equal(
	    parse(B "\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n" B "--", &m, &err), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(parse(B "--\r\n", &m, &err), 0);
	assert_int_equal(m.n, 0);
}

static void test_quoted_boundary(void **state)
{
	struct multipart m;
	struct ikm_err err = {0};
	const char *body = "--a b;c\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"
			   "1\r\n--a b;c--\r\n";

	(void)state;
	assert_int_equal(multipart_parse(body, strlen(body),
	                                 "multipart/form-data; boundary=\"a b;c\"", &m, &err),
	                 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.p[0].len, 1);
	/* The same body under an unquoted boundary ends at the blank. */
	assert_int_equal(
	    multipart_parse(body, strlen(body), "multipart/form-data; boundary=a b;c", &m, &err),
	    -1);
	assert_int_equal(m.n, 0);
}

static void test_filenames(void **state)
{
	static const char *const cases[][2] = {
	    {"C:\\Users\\budi\\Desktop\\data survei.xlsx", "data survei.xlsx"},
	    {"/etc/passwd", "passwd"},
	    {"../../../var/ikm.db", "ikm.db"},
	    {"a/b\\c.csv", "c.csv"},
	    {"dir/", ""},
	    {"", ""},
	    {"hasil-ikm.csv", "hasil-ikm.csv"},
	};
	struct multipart m;
	struct ikm_err err = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char body[512];

		snprintf(body, sizeof(body),
		         B "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"%s\"\r\n\r\n"
		           "x\r\n" B "--",
		         cases[i][0]);
		assert_int_equal(parse(body, &m, &err), 0);
		assert_int_equal(m.n, 1);
		assert_true(m.p[0].is_file);
		assert_string_equal(m.p[0].filename, cases[i][1]);
	}
}

static void test_binary(void **state)
{
	static const unsigned char data[] = {0x89, 'P',  'N',  'G', '\r', '\n', 0x1a, '\n',
	                                     0,    '\r', '\n', '-', '-',  '-',  '-',  0,
	                                     '\r', '\n', '-',  '-', 'b',  'a',  't',  0xff};
	struct bytebuf b = {0};
	struct multipart m;
	struct ikm_err err = {0};
	char buf[64];

	(void)state;
	bytebuf_puts(&b, B "\r\nContent-Disposition: form-data; name=\"logo\"; "
	                   "filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n");
	bytebuf_add(&b, data, sizeof(data));
	bytebuf_puts(&b, "\r\n" B "\r\nContent-Disposition: form-data; name=\"teks\"\r\n\r\n");
	bytebuf_add(&b, "a\0b", 3);
	bytebuf_puts(&b, "\r\n" B "--\r\n");
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), 0);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.p[0].len, sizeof(data));
	assert_memory_equal(m.p[0].data, data, sizeof(data));
	assert_int_equal(m.p[1].len, 3);
	/* Text with a NUL, a control character or bad UTF-8 is not text. */
	assert_int_equal(multipart_text(&m, "teks", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	bytebuf_free(&b);
}

static void test_text(void **state)
{
	struct multipart m;
	struct ikm_err err = {0};
	char buf[32], tiny[4];

	(void)state;
	assert_int_equal(
	    parse(B
	          "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nbaris 1\r\n\tbaris 2\r\n" B
	          "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx\x01y\r\n" B
	          "\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n\xc3\x28\r\n" B
	          "\r\nContent-Disposition: form-data; name=\"d\"\r\n\r\nÄÖÜ\r\n" B "--",
	          &m, &err),
	    0);
	assert_int_equal(m.n, 4);
	assert_int_equal(multipart_text(&m, "a", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "baris 1\r\n\tbaris 2"); /* line ends and tabs kept */
	assert_int_equal(multipart_text(&m, "b", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(multipart_text(&m, "c", buf, sizeof(buf)), 0);
	assert_int_equal(multipart_text(&m, "d", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "ÄÖÜ");
	assert_int_equal(multipart_text(&m, "d", tiny, sizeof(tiny)), 0); /* 6 bytes */
	assert_string_equal(tiny, "");
}

static void test_refused(void **state)
{
	struct multipart m;
	struct ikm_err err = {0};
	struct bytebuf b = {0};
	const char *ok_part = B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";

	(void)state;
	/* No boundary in the Content-Type. */
	assert_int_equal(multipart_parse("x", 1, "multipart/form-data", &m, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	/* No final boundary, or one cut short. */
	bytebuf_puts(&b, ok_part);
	m.n = 99;
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "rusak");
	assert_int_equal(m.n, 0);
	bytebuf_puts(&b, B);
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
	bytebuf_puts(&b, "-");
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
	bytebuf_puts(&b, "-");
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), 0);
	bytebuf_free(&b);
	/* A part's headers without their blank line; no delimiter at all. */
	assert_int_equal(
	    parse(B "\r\nContent-Disposition: form-data; name=\"a\"\r\n1" B "--", &m, &err), -1);
	assert_int_equal(parse("just text", &m, &err), -1);
	assert_int_equal(parse("", &m, &err), -1);
	/* Garbage after a delimiter. */
	assert_int_equal(
	    parse(B "xx\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n" B "--", &m, &err),
	    -1);
	/* Parts without Content-Disposition, not form-data, without a name. */
	assert_int_equal(parse(B "\r\nContent-Type: text/plain\r\n\r\n1\r\n" B "--", &m, &err), -1);
	assert_contains(err.msg, "Content-Disposition");
	assert_int_equal(
	    parse(B "\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n" B "--", &m, &err),
	    -1);
	assert_contains(err.msg, "form-data");
	assert_int_equal(
	    parse(B "\r\nContent-Disposition: form-data\r\n\r\n1\r\n" B "--", &m, &err), -1);
	assert_contains(err.msg, "nama");
	assert_int_equal(
	    parse(B "\r\nContent-Disposition: form-data; name=\"unclosed\r\n\r\n1\r\n" B "--", &m,
	          &err),
	    -1);
	/* A name of bad UTF-8. */
	assert_int_equal(parse(B "\r\nContent-Disposition: form-data; name=\"\xff\"\r\n\r\n1\r\n" B
	                         "--",
	                       &m, &err),
	                 -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_int_equal(m.n, 0);
}

static void test_limits(void **state)
{
	struct multipart m;
	struct ikm_err err = {0};
	struct bytebuf b = {0};
	char *pad;

	(void)state;
	/* MULTIPART_MAX_PARTS parts are fine, one more is not. */
	for (int i = 0; i < MULTIPART_MAX_PARTS; i++)
		bytebuf_printf(
		    &b, B "\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n%d\r\n", i, i);
	bytebuf_puts(&b, B "--");
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), 0);
	assert_int_equal(m.n, MULTIPART_MAX_PARTS);
	bytebuf_free(&b);
	for (int i = 0; i <= MULTIPART_MAX_PARTS; i++)
		bytebuf_printf(
		    &b, B "\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n%d\r\n", i, i);
	bytebuf_puts(&b, B "--");
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_int_equal(m.n, 0);
	bytebuf_free(&b);

	/* A part's headers: MULTIPART_HEADERS_MAX bytes at most. */
	pad = malloc(MULTIPART_HEADERS_MAX + 1);
	assert_non_null(pad);
	{
		const char *disp = "Content-Disposition: form-data; name=\"a\"\r\nX-Pad: ";
		size_t fill = MULTIPART_HEADERS_MAX - strlen(disp);

		memset(pad, 'p', fill);
		pad[fill] = '\0';
		bytebuf_printf(&b, B "\r\n%s%s\r\n\r\n1\r\n" B "--", disp, pad);
		assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), 0);
		bytebuf_free(&b);
		pad[fill] = 'p';
		pad[fill + 1] = '\0';
		bytebuf_printf(&b, B "\r\n%s%s\r\n\r\n1\r\n" B "--", disp, pad);
		assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
		assert_int_equal(err.kind, IKM_ELIMIT);
		bytebuf_free(&b);
	}
	/* Names and file names past their limits. */
	memset(pad, 'n', MULTIPART_FILENAME_MAX + 1);
	pad[MULTIPART_NAME_MAX + 1] = '\0';
	bytebuf_printf(&b, B "\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n1\r\n" B "--",
	               pad);
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
	bytebuf_free(&b);
	pad[MULTIPART_NAME_MAX] = '\0';
	bytebuf_printf(&b, B "\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n1\r\n" B "--",
	               pad);
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), 0);
	bytebuf_free(&b);
	memset(pad, 'n', MULTIPART_FILENAME_MAX + 1);
	pad[MULTIPART_FILENAME_MAX + 1] = '\0';
	bytebuf_printf(
	    &b, B "\r\nContent-Disposition: form-data; name=f; filename=\"%s\"\r\n\r\n1\r\n" B "--",
	    pad);
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	bytebuf_free(&b);
	pad[MULTIPART_FILENAME_MAX] = '\0';
	bytebuf_printf(
	    &b, B "\r\nContent-Disposition: form-data; name=f; filename=\"%s\"\r\n\r\n1\r\n" B "--",
	    pad);
	assert_int_equal(multipart_parse(b.p, b.len, CT, &m, &err), 0);
	assert_int_equal(strlen(m.p[0].filename), MULTIPART_FILENAME_MAX);
	bytebuf_free(&b);
	free(pad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_content_type),    cmocka_unit_test(test_well_formed),
	    cmocka_unit_test(test_quoted_boundary), cmocka_unit_test(test_filenames),
	    cmocka_unit_test(test_binary),          cmocka_unit_test(test_text),
	    cmocka_unit_test(test_refused),         cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests_name("multipart", tests, NULL, NULL);
}
