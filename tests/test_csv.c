/* Unit tests of src/io/csv.c: delimiter detection, BOMs and UTF-16,
 * line endings, empty lines, quoting, line numbers, errors and named
 * limits, NUL bytes, and csv_open_fd's name and ownership of the fd. The
 * buffer refill boundaries are in test_csv_refill.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "csvtest.h"
#include "err.h"
#include "table.h"
#include "testutil.h"

/* Parse a NUL-terminated input and compare with the expected rows. */
static void check_rows(const char *in, const char *expect)
{
	struct csvtest_buf out = {0};
	struct ikm_err err;

	if (csvtest_parse_mem(in, strlen(in), &out, NULL, &err) != 0) {
		print_error("parse failed: %s\n", err.msg);
		fail();
	}
	assert_string_equal(out.s ? out.s : "", expect);
	csvtest_buf_free(&out);
}

/* Parse and expect an error of `kind` whose message contains `needle`. */
static void check_error(const char *in, size_t len, enum ikm_err_kind kind, const char *needle)
{
	struct csvtest_buf out = {0};
	struct ikm_err err;

	assert_int_equal(csvtest_parse_mem(in, len, &out, NULL, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_contains(err.msg, needle);
	assert_contains(err.msg, "uji.csv");
	csvtest_buf_free(&out);
}

static char delim_of(const char *in)
{
	struct csvtest_buf out = {0};
	struct ikm_err err;
	char d = 0;

	assert_int_equal(csvtest_parse_mem(in, strlen(in), &out, &d, &err), 0);
	csvtest_buf_free(&out);
	return d;
}

/* ---- delimiter detection, BOM ---------------------------------------- */

static void test_delimiter_detection(void **state)
{
	(void)state;
	assert_int_equal(delim_of("U1,U2,U3\n1,2,3\n"), ',');
	assert_int_equal(delim_of("U1;U2;U3\n1;2;3\n"), ';');
	assert_int_equal(delim_of("U1\tU2\tU3\n1\t2\t3\n"), '\t');
	/* Decimal commas in data rows do not matter: only the header counts. */
	assert_int_equal(delim_of("U1;U2\n4,0;3,5\n"), ';');
	/* Delimiters inside quotes in the header do not count. */
	assert_int_equal(delim_of("\"a,b,c,d\";\"e,f\";g\n1;2;3\n"), ';');
	assert_int_equal(delim_of("\"a;b;c\",\"d;e\",f\n1,2,3\n"), ',');
	assert_int_equal(delim_of("\"x\ty\tz\";w\n"), ';');
	/* Ties: comma, then semicolon, then tab. */
	assert_int_equal(delim_of("a,b;c\n"), ',');
	assert_int_equal(delim_of("a;b\tc\n"), ';');
	assert_int_equal(delim_of("U1\n4\n"), ',');
	/* A quoted header with an embedded line break is one line. */
	assert_int_equal(delim_of("\"Bagaimana,\npendapat\";U2;U3\n1;2;3\n"), ';');
	/* Leading empty lines are skipped, and so is their count. */
	assert_int_equal(delim_of("\n\r\nU1;U2;U3\n1;2;3\n"), ';');
	check_rows("\n\r\nU1;U2;U3\n1;2;3\n", "3:U1|U2|U3\n4:1|2|3\n");
	check_rows("a;b\n1;\"x;y\"\n", "1:a|b\n2:1|x;y\n");
	check_rows("a\tb\n1\t\"x\ty\"\n", "1:a|b\n2:1|x\ty\n");
	/* Once detected, other candidates are plain bytes. */
	check_rows("a;b\n1,5;2\n", "1:a|b\n2:1,5|2\n");
}

static void test_bom(void **state)
{
	(void)state;
	check_rows("\xEF\xBB\xBFU1,U2\n4,3\n", "1:U1|U2\n2:4|3\n");
	assert_int_equal(delim_of("\xEF\xBB\xBFU1;U2\n4;3\n"), ';');
	/* A BOM followed by a quoted header. */
	check_rows("\xEF\xBB\xBF\"U1\",\"U2\"\n4,3\n", "1:U1|U2\n2:4|3\n");
	/* Only a BOM: no rows. */
	check_rows("\xEF\xBB\xBF", "");
	/* A BOM byte sequence later in a file is data. */
	check_rows("a\n\xEF\xBB\xBF"
	           "b\n",
	           "1:a\n2:\xEF\xBB\xBF"
	           "b\n");
}

static void test_utf16(void **state)
{
	static const char le[] = "\xFF\xFEU\0001\0,\0U\0002\0\n\0";
	static const char be[] = "\xFE\xFF\0U\0001\0,\0U\0002\0\n";

	(void)state;
	check_error(le, sizeof(le) - 1, IKM_EDATA, "UTF-16");
	check_error(be, sizeof(be) - 1, IKM_EDATA, "UTF-16");
	/* Not byte order marks: data (in a legacy 8-bit encoding). */
	check_rows("\xFF\xFF,b\n", "1:\xFF\xFF|b\n");
	check_rows("\xFE\xFE;b\n", "1:\xFE\xFE|b\n");
	/* Before the first row the delimiter reads as a comma. */
	{
		struct csv_reader *r = NULL;
		struct ikm_err err;

		assert_int_equal(csv_open_mem(le, sizeof(le) - 1, "uji.csv", &r, &err), 0);
		assert_int_equal(csv_delimiter(r), ',');
		csv_close(r);
	}
}

/* ---- line endings, empty lines ---------------------------------------- */

static void test_line_endings(void **state)
{
	(void)state;
	check_rows("a,b\n1,2\n3,4\n", "1:a|b\n2:1|2\n3:3|4\n");
	check_rows("a,b\r\n1,2\r\n3,4\r\n", "1:a|b\n2:1|2\n3:3|4\n");
	check_rows("a,b\r1,2\r3,4\r", "1:a|b\n2:1|2\n3:3|4\n");
	/* Mixed endings in one file. */
	check_rows("a,b\r\n1,2\n3,4\r5,6", "1:a|b\n2:1|2\n3:3|4\n4:5|6\n");
	/* Final line without a newline, plain and quoted. */
	check_rows("a,b\n1,2", "1:a|b\n2:1|2\n");
	check_rows("a,b\n1,\"2\"", "1:a|b\n2:1|2\n");
	check_rows("a,b\n1,", "1:a|b\n2:1|\n");
	/* The last field of a CRLF row has no '\r'. */
	check_rows("a\r\n\"b\"\r\n", "1:a\n2:b\n");
	/* "\r\r\n" is a lone CR (an empty line) and a CRLF. */
	check_rows("a\r\r\nb\n", "1:a\n3:b\n");
}

static void test_empty_lines(void **state)
{
	(void)state;
	check_rows("a,b\n\n1,2\n\n\n3,4\n\n", "1:a|b\n3:1|2\n6:3|4\n");
	check_rows("a,b\r\n\r\n1,2\r\n", "1:a|b\n3:1|2\n");
	check_rows("a,b\r\r1,2\r", "1:a|b\n3:1|2\n");
	check_rows("", "");
	check_rows("\n\n\n", "");
	check_rows("\r\n", "");
	/* A row of delimiters is not empty: the loader decides about it. */
	check_rows("a,b\n,\n", "1:a|b\n2:|\n");
	/* A row with one blank field of spaces is kept. */
	check_rows("a\n \n", "1:a\n2: \n");
}

/* ---- quoting ------------------------------------------------------------ */

static void test_quoted_fields(void **state)
{
	(void)state;
	check_rows("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\n", "1:a|b|c\n2:x,y|say \"hi\"|\n");
	/* Doubled quotes only. */
	check_rows("\"\"\"\"\n", "1:\"\n");
	check_rows("q\n\"\"\"\"\"\"\n", "1:q\n2:\"\"\n");
	/* Embedded LF, CRLF and lone CR are kept. */
	check_rows("a,b\n1,\"x\ny\"\n2,\"p\r\nq\"\n3,\"r\rs\"\n",
	           "1:a|b\n2:1|x\\ny\n4:2|p\\r\\nq\n6:3|r\\rs\n");
	/* A quoted field that ends the input. */
	check_rows("a\n\"x\ny\"", "1:a\n2:x\\ny\n");
	/* Empty quoted fields in every position. */
	check_rows("\"\",\"\",\"\"\n", "1:||\n");
}

static void test_quote_in_unquoted_field(void **state)
{
	(void)state;
	/* A quote in the middle of an unquoted field is kept literally. */
	check_rows("a,b\n5\" disk,x\n", "1:a|b\n2:5\" disk|x\n");
	check_rows("a,b\nab\"c\"d,e\n", "1:a|b\n2:ab\"c\"d|e\n");
	/* Only a quote at the very start of a field opens quoting. */
	check_rows("a,b\n \"x,y\",z\n", "1:a|b\n2: \"x|y\"|z\n");
	/* Text after a closing quote is appended. */
	check_rows("a,b\n\"ab\"cd,e\n", "1:a|b\n2:abcd|e\n");
	/* A second quote after a closing quote is literal. */
	check_rows("a\n\"ab\"c\"d\n", "1:a\n2:abc\"d\n");
}

static void test_embedded_newline_lines(void **state)
{
	(void)state;
	/* row->line is where the row starts; the next row accounts for the
	 * line breaks inside quotes, whatever their style. */
	check_rows("h1,h2\n"
	           "1,\"satu\ndua\ntiga\"\n"
	           "2,x\n"
	           "\"a\n\nb\",\"c\nd\"\n"
	           "3,y\n",
	           "1:h1|h2\n2:1|satu\\ndua\\ntiga\n5:2|x\n6:a\\n\\nb|c\\nd\n10:3|y\n");
	check_rows("h1,h2\r\n"
	           "1,\"satu\r\ndua\"\r\n"
	           "2,x\r\n",
	           "1:h1|h2\n2:1|satu\\r\\ndua\n4:2|x\n");
	/* Old Mac files: a lone CR inside quotes is a line break, too. */
	check_rows("h1,h2\r"
	           "1,\"satu\rdua\"\r"
	           "2,x\r",
	           "1:h1|h2\n2:1|satu\\rdua\n4:2|x\n");
	/* Quoted header spanning lines. */
	check_rows("\"U1\nPersyaratan\",U2\n4,3\n", "1:U1\\nPersyaratan|U2\n3:4|3\n");
}

/* ---- errors and limits -------------------------------------------------- */

static void test_unterminated_quote(void **state)
{
	static const char in1[] = "a,b\n1,2\n3,\"abc\n\ndef\n";
	static const char in2[] = "\"abc";
	static const char in3[] = "a\n\"x\"\"";

	(void)state;
	check_error(in1, sizeof(in1) - 1, IKM_EDATA, "baris 3");
	check_error(in2, sizeof(in2) - 1, IKM_EDATA, "baris 1");
	check_error(in3, sizeof(in3) - 1, IKM_EDATA, "baris 2");
	check_error(in3, sizeof(in3) - 1, IKM_EDATA, "kutip");
}

static void test_row_too_long(void **state)
{
	size_t big = TABLE_MAX_ROW_BYTES + 10;
	char *in = malloc(big + 64);
	struct csvtest_buf out = {0};
	struct ikm_err err;
	size_t n;

	(void)state;
	assert_non_null(in);
	/* A plain row over the limit. */
	n = (size_t)snprintf(in, 64, "a,b\n1,");
	memset(in + n, 'x', big);
	n += big;
	in[n++] = '\n';
	check_error(in, n, IKM_ELIMIT, "baris 2");
	/* A quoted row over the limit. */
	n = (size_t)snprintf(in, 64, "a,b\n1,\"");
	memset(in + n, 'y', big);
	n += big;
	in[n++] = '"';
	in[n++] = '\n';
	check_error(in, n, IKM_ELIMIT, "baris 2");
	/* Over the limit at the end of the input (no newline, no refill). */
	n = (size_t)snprintf(in, 64, "a,b\n2,");
	memset(in + n, 'z', TABLE_MAX_ROW_BYTES + 1);
	n += TABLE_MAX_ROW_BYTES + 1;
	check_error(in, n, IKM_ELIMIT, "baris 2");
	/* Longer than the whole buffer: found before the row ends. */
	free(in);
	in = malloc(TABLE_MAX_ROW_BYTES + (512u << 10));
	assert_non_null(in);
	n = (size_t)snprintf(in, 64, "a,b\n1,2\n3,");
	memset(in + n, 'v', TABLE_MAX_ROW_BYTES + (400u << 10));
	n += TABLE_MAX_ROW_BYTES + (400u << 10);
	check_error(in, n, IKM_ELIMIT, "baris 3");
	in[9] = '"'; /* 3,"vvv... (quoted, unterminated) */
	check_error(in, n, IKM_ELIMIT, "baris 3");
	/* Exactly the limit (terminator included) is fine. */
	n = (size_t)snprintf(in, 64, "a,b\n");
	memset(in + n, 'w', TABLE_MAX_ROW_BYTES - 1);
	n += TABLE_MAX_ROW_BYTES - 1;
	in[n++] = '\n';
	n += (size_t)snprintf(in + n, 64, "3,4\n");
	assert_int_equal(csvtest_parse_mem(in, n, &out, NULL, &err), 0);
	assert_int_equal(out.len,
	                 strlen("1:a|b\n2:") + TABLE_MAX_ROW_BYTES - 1 + strlen("\n3:3|4\n"));
	assert_string_equal(out.s + out.len - 7, "\n3:3|4\n");
	csvtest_buf_free(&out);
	free(in);
}

static void test_too_many_fields(void **state)
{
	struct csvtest_buf in = {0}, out = {0};
	struct ikm_err err;

	(void)state;
	/* TABLE_MAX_FIELDS columns are fine. */
	csvtest_buf_str(&in, "h\n");
	for (int i = 0; i < TABLE_MAX_FIELDS - 1; i++)
		csvtest_buf_str(&in, "1,");
	csvtest_buf_str(&in, "1\n");
	assert_int_equal(csvtest_parse_mem(in.s, in.len, &out, NULL, &err), 0);
	csvtest_buf_free(&out);
	/* One more is an error, on the fast path ... */
	csvtest_buf_free(&in);
	csvtest_buf_str(&in, "h\n");
	for (int i = 0; i < TABLE_MAX_FIELDS; i++)
		csvtest_buf_str(&in, "1,");
	csvtest_buf_str(&in, "1\n");
	check_error(in.s, in.len, IKM_ELIMIT, "baris 2");
	check_error(in.s, in.len, IKM_ELIMIT, "1024");
	/* ... and on the quoted path, with a final empty field. */
	csvtest_buf_free(&in);
	csvtest_buf_str(&in, "h\n\"q\"");
	for (int i = 0; i < TABLE_MAX_FIELDS; i++)
		csvtest_buf_str(&in, ",");
	check_error(in.s, in.len, IKM_ELIMIT, "baris 2");
	csvtest_buf_free(&in);
}

static void test_nul_bytes(void **state)
{
	static const char in[] = "a,b\nx\0y,\"p\0q\"\n";
	struct csvtest_buf out = {0};
	struct ikm_err err;

	(void)state;
	assert_int_equal(csvtest_parse_mem(in, sizeof(in) - 1, &out, NULL, &err), 0);
	assert_string_equal(out.s, "1:a|b\n2:x\\0y|p\\0q\n");
	csvtest_buf_free(&out);
}

static void test_open_fd_name_and_close(void **state)
{
	struct csvtest_buf in = {0}, out = {0};
	struct csv_reader *r = NULL;
	struct ikm_err err;
	int fd;

	(void)state;
	csvtest_buf_str(&in, "a,b\n1,\"x");
	fd = csvtest_temp_file(&in);
	assert_int_equal(csv_open_fd(fd, 0, "berkas-saya.csv", &r, &err), 0);
	assert_int_equal(csvtest_drain(r, &out, &err), -1);
	assert_contains(err.msg, "berkas-saya.csv");
	csv_close(r);
	/* Not owned: still open. */
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	close(fd);
	csv_close(NULL);
	csvtest_buf_free(&in);
	csvtest_buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_delimiter_detection),
	    cmocka_unit_test(test_bom),
	    cmocka_unit_test(test_utf16),
	    cmocka_unit_test(test_line_endings),
	    cmocka_unit_test(test_empty_lines),
	    cmocka_unit_test(test_quoted_fields),
	    cmocka_unit_test(test_quote_in_unquoted_field),
	    cmocka_unit_test(test_embedded_newline_lines),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_row_too_long),
	    cmocka_unit_test(test_too_many_fields),
	    cmocka_unit_test(test_nul_bytes),
	    cmocka_unit_test(test_open_fd_name_and_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
