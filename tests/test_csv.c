/* Unit tests of src/io/csv.c: delimiter detection, BOMs, line endings,
 * quoting, line numbers, named limits, and rows that straddle the internal
 * buffer refill (from memory, a regular file, a pipe written in odd chunks
 * and a pipe that delivers one byte at a time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csv.h"
#include "err.h"
#include "table.h"

#define assert_contains(hay, needle)                                                               \
	do {                                                                                       \
		if (strstr((hay), (needle)) == NULL) {                                             \
			print_error("\"%s\" does not contain \"%s\"\n", (hay), (needle));          \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

/* A growing byte buffer. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = realloc(b->s, cap);
		assert_non_null(b->s);
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_fmt(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_fmt(struct buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(tmp));
	buf_add(b, tmp, (size_t)n);
}

static void buf_free(struct buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* Append one field, escaped so that rows compare as plain strings:
 * "\n" "\r" "\0" "|" and "\\" are written as two-character escapes. */
static void put_field(struct buf *b, const char *f, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (f[i]) {
		case '\n':
			buf_str(b, "\\n");
			break;
		case '\r':
			buf_str(b, "\\r");
			break;
		case '\0':
			buf_str(b, "\\0");
			break;
		case '|':
			buf_str(b, "\\|");
			break;
		case '\\':
			buf_str(b, "\\\\");
			break;
		default:
			buf_add(b, &f[i], 1);
		}
	}
}

/* Read every row of r into b as "LINE:f1|f2|...\n", checking the row
 * invariants. Returns csv_next's final result (0 or -1). */
static int drain(struct csv_reader *r, struct buf *b, struct ikm_err *err)
{
	struct table_row row;
	int rc;

	while ((rc = csv_next(r, &row, err)) > 0) {
		assert_true(row.n >= 1);
		assert_true(row.n <= TABLE_MAX_FIELDS);
		assert_true(row.line >= 1);
		buf_fmt(b, "%llu:", (unsigned long long)row.line);
		for (size_t i = 0; i < row.n; i++) {
			assert_int_equal(row.field[i][row.len[i]], '\0');
			if (i > 0)
				buf_str(b, "|");
			put_field(b, row.field[i], row.len[i]);
		}
		buf_str(b, "\n");
	}
	return rc;
}

/* Parse `len` bytes from memory; returns the final csv_next result. */
static int parse_mem(const char *in, size_t len, struct buf *out, char *delim, struct ikm_err *err)
{
	struct csv_reader *r = NULL;
	int rc;

	err_clear(err);
	assert_int_equal(csv_open_mem(in, len, "uji.csv", &r, err), 0);
	rc = drain(r, out, err);
	if (delim != NULL)
		*delim = csv_delimiter(r);
	csv_close(r);
	return rc;
}

/* Parse a NUL-terminated input and compare with the expected rows. */
static void check_rows(const char *in, const char *expect)
{
	struct buf out = {0};
	struct ikm_err err;

	if (parse_mem(in, strlen(in), &out, NULL, &err) != 0) {
		print_error("parse failed: %s\n", err.msg);
		fail();
	}
	assert_string_equal(out.s ? out.s : "", expect);
	buf_free(&out);
}

/* Parse and expect an error of `kind` whose message contains `needle`. */
static void check_error(const char *in, size_t len, enum ikm_err_kind kind, const char *needle)
{
	struct buf out = {0};
	struct ikm_err err;

	assert_int_equal(parse_mem(in, len, &out, NULL, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_contains(err.msg, needle);
	assert_contains(err.msg, "uji.csv");
	buf_free(&out);
}

static char delim_of(const char *in)
{
	struct buf out = {0};
	struct ikm_err err;
	char d = 0;

	assert_int_equal(parse_mem(in, strlen(in), &out, &d, &err), 0);
	buf_free(&out);
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
	struct buf out = {0};
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
	assert_int_equal(parse_mem(in, n, &out, NULL, &err), 0);
	assert_int_equal(out.len,
	                 strlen("1:a|b\n2:") + TABLE_MAX_ROW_BYTES - 1 + strlen("\n3:3|4\n"));
	assert_string_equal(out.s + out.len - 7, "\n3:3|4\n");
	buf_free(&out);
	free(in);
}

static void test_too_many_fields(void **state)
{
	struct buf in = {0}, out = {0};
	struct ikm_err err;

	(void)state;
	/* TABLE_MAX_FIELDS columns are fine. */
	buf_str(&in, "h\n");
	for (int i = 0; i < TABLE_MAX_FIELDS - 1; i++)
		buf_str(&in, "1,");
	buf_str(&in, "1\n");
	assert_int_equal(parse_mem(in.s, in.len, &out, NULL, &err), 0);
	buf_free(&out);
	/* One more is an error, on the fast path ... */
	buf_free(&in);
	buf_str(&in, "h\n");
	for (int i = 0; i < TABLE_MAX_FIELDS; i++)
		buf_str(&in, "1,");
	buf_str(&in, "1\n");
	check_error(in.s, in.len, IKM_ELIMIT, "baris 2");
	check_error(in.s, in.len, IKM_ELIMIT, "1024");
	/* ... and on the quoted path, with a final empty field. */
	buf_free(&in);
	buf_str(&in, "h\n\"q\"");
	for (int i = 0; i < TABLE_MAX_FIELDS; i++)
		buf_str(&in, ",");
	check_error(in.s, in.len, IKM_ELIMIT, "baris 2");
	buf_free(&in);
}

static void test_nul_bytes(void **state)
{
	static const char in[] = "a,b\nx\0y,\"p\0q\"\n";
	struct buf out = {0};
	struct ikm_err err;

	(void)state;
	assert_int_equal(parse_mem(in, sizeof(in) - 1, &out, NULL, &err), 0);
	assert_string_equal(out.s, "1:a|b\n2:x\\0y|p\\0q\n");
	buf_free(&out);
}

/* ---- buffer refill boundaries --------------------------------------------- */

/* Deterministic generator (xorshift). */
static uint32_t rnd(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

static const char *const terms[3] = {"\n", "\r\n", "\r"};

/* Build a CSV input of at least `target` bytes and the rows a correct
 * reader returns for it (in drain()'s format). Rows mix plain fields,
 * quoted fields with delimiters, doubled quotes and every kind of line
 * break, literal quotes inside unquoted fields, empty lines, all three
 * row terminators and an occasional very long row. */
static void generate(struct buf *in, struct buf *expect, size_t target, uint32_t seed,
                     int allow_long)
{
	uint64_t line = 1;
	uint32_t s = seed;
	int prev_cr = 0; /* the previous row ended with a lone CR */
	int long_rows = 0;

	buf_str(in, "no,teks,kutip,angka\n");
	buf_str(expect, "1:no|teks|kutip|angka\n");
	line = 2;
	for (unsigned row = 1; in->len < target; row++) {
		unsigned nf = 1 + rnd(&s) % 6;
		uint64_t start = line;
		struct buf exp = {0};
		int last = (in->len + 4096 >= target);

		if (rnd(&s) % 13 == 0) { /* an empty line */
			buf_str(in, prev_cr ? "\r" : "\n");
			line++;
			continue;
		}
		buf_fmt(in, "%u", row);
		buf_fmt(&exp, "%u", row);
		for (unsigned f = 1; f < nf; f++) {
			unsigned kind = rnd(&s) % 8;
			unsigned len = rnd(&s) % 40;

			buf_str(in, ",");
			buf_str(&exp, "|");
			if (kind == 0 && allow_long && long_rows < 3 && rnd(&s) % 50 == 0) {
				/* A long quoted field with breaks, near the limit. */
				size_t big = (size_t)(TABLE_MAX_ROW_BYTES / 2) +
				             rnd(&s) % (TABLE_MAX_ROW_BYTES / 3);

				long_rows++;
				buf_str(in, "\"");
				for (size_t i = 0; i < big; i++) {
					char c = (char)('a' + (i % 26));

					if (i % 997 == 996) {
						buf_str(in, "\n");
						buf_str(&exp, "\\n");
						line++;
						continue;
					}
					buf_add(in, &c, 1);
					buf_add(&exp, &c, 1);
				}
				buf_str(in, "\"");
			} else if (kind <= 2) { /* quoted, with everything */
				buf_str(in, "\"");
				for (unsigned i = 0; i < len; i++) {
					unsigned c = rnd(&s) % 10;

					if (c == 0) {
						buf_str(in, "\"\"");
						buf_str(&exp, "\"");
					} else if (c == 1) {
						buf_str(in, ",");
						buf_str(&exp, ",");
					} else if (c == 2) {
						/* a break, always followed by a letter so
						 * that a lone CR is not read as CRLF */
						const char *t = terms[rnd(&s) % 3];

						buf_str(in, t);
						buf_str(in, "k");
						put_field(&exp, t, strlen(t));
						buf_str(&exp, "k");
						line++;
					} else {
						char ch = (char)('A' + c);

						buf_add(in, &ch, 1);
						buf_add(&exp, &ch, 1);
					}
				}
				buf_str(in, "\"");
			} else if (kind == 3) { /* a literal quote inside */
				buf_str(in, "5\" x");
				buf_str(&exp, "5\" x");
			} else { /* plain */
				for (unsigned i = 0; i < len; i++) {
					char ch = (char)('a' + rnd(&s) % 26);

					buf_add(in, &ch, 1);
					buf_add(&exp, &ch, 1);
				}
			}
		}
		buf_fmt(expect, "%llu:", (unsigned long long)start);
		buf_add(expect, exp.s, exp.len);
		buf_str(expect, "\n");
		buf_free(&exp);
		if (last && rnd(&s) % 2 == 0) /* final row without a newline */
			break;
		{
			unsigned t = rnd(&s) % 3;

			/* A row ending "...\r" followed by an empty line "\n"
			 * would be one CRLF: empty lines after CR use CR. */
			buf_str(in, terms[t]);
			prev_cr = (t == 2);
			line++;
		}
	}
}

/* Parse from memory and compare with the expected rows. */
static void check_generated_mem(const struct buf *in, const struct buf *expect)
{
	struct buf out = {0};
	struct ikm_err err;
	int rc = parse_mem(in->s, in->len, &out, NULL, &err);

	if (rc != 0) {
		print_error("parse failed: %s\n", err.msg);
		fail();
	}
	assert_int_equal(out.len, expect->len);
	assert_memory_equal(out.s, expect->s, expect->len);
	buf_free(&out);
}

static void test_refill_boundary_mem(void **state)
{
	(void)state;
	for (uint32_t seed = 1; seed <= 4; seed++) {
		struct buf in = {0}, expect = {0};

		generate(&in, &expect, (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES + seed * 300001u,
		         seed * 2654435761u, 1);
		assert_true(in.len > (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES);
		check_generated_mem(&in, &expect);
		buf_free(&in);
		buf_free(&expect);
	}
}

static int temp_file(const struct buf *in)
{
	char path[] = "/tmp/ikm-test-csv-XXXXXX";
	int fd = mkstemp(path);
	size_t off = 0;

	assert_true(fd >= 0);
	unlink(path);
	while (off < in->len) {
		ssize_t w = write(fd, in->s + off, in->len - off);

		assert_true(w > 0);
		off += (size_t)w;
	}
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* Hand-placed rows straddling the first refill boundary of a memory
 * source: the first read fills the whole buffer (TABLE_MAX_ROW_BYTES plus
 * a 256 KiB chunk), so rows around that offset are split. */
static void test_refill_boundary_exact(void **state)
{
	const size_t cap = TABLE_MAX_ROW_BYTES + (256u << 10);
	static const char *const tails[] = {
	    "\"q,\"\"x\"\"\ny\"\r\n", /* quoted with a break */
	    "\"ab\"\r\n",             /* quoted, CRLF */
	    "plain\r\n",              /* CRLF split between CR and LF */
	    "plain\r",                /* lone CR at the boundary */
	    "\"\"\"\"\n",             /* doubled quotes at the boundary */
	    "\"x\r\ny\"\r",           /* CR inside and after quotes */
	    "\"x\ry\"\r\r",           /* lone CR inside quotes, empty line */
	};

	(void)state;
	for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
		for (size_t shift = 0; shift < strlen(tails[t]) + 4; shift++) {
			struct buf in = {0}, ref = {0}, want = {0}, got = {0};
			struct ikm_err err;
			const char *p, *q;

			/* Header and filler rows of 'f' (each under the row
			 * limit) end `shift` bytes before the buffer boundary;
			 * then the row "T,<tail>" and two more rows. The
			 * reference has the same rows with one 'f' each. */
			buf_str(&in, "a,b\n");
			buf_str(&ref, "a,b\n");
			while (in.len < cap - shift) {
				size_t left = cap - shift - in.len;
				size_t f = left > 70000 ? 65536 : left - 3; /* "1," f "\n" */
				static char tmp[65536];

				memset(tmp, 'f', f);
				buf_str(&in, "1,");
				buf_add(&in, tmp, f);
				buf_str(&in, "\n");
				buf_str(&ref, "1,f\n");
			}
			assert_int_equal(in.len, cap - shift);
			buf_str(&in, "T,");
			buf_str(&ref, "T,");
			buf_str(&in, tails[t]);
			buf_str(&ref, tails[t]);
			buf_str(&in, "3,\"z\"\n4,w");
			buf_str(&ref, "3,\"z\"\n4,w");
			if (parse_mem(ref.s, ref.len, &want, NULL, &err) != 0 ||
			    parse_mem(in.s, in.len, &got, NULL, &err) != 0) {
				print_error("parse failed (tail %zu, shift %zu): %s\n", t, shift,
				            err.msg);
				fail();
			}
			/* Compare everything from the tail row on. */
			p = strstr(got.s, ":T|");
			q = strstr(want.s, ":T|");
			assert_non_null(p);
			assert_non_null(q);
			while (p > got.s && p[-1] != '\n')
				p--;
			while (q > want.s && q[-1] != '\n')
				q--;
			assert_string_equal(p, q);
			assert_memory_equal(got.s, "1:a|b\n2:1|fff", 13);
			/* Through a regular file: a quoted row with a doubled
			 * quote and a line break across the boundary. */
			if (t == 0 && shift % 2 == 0) {
				struct buf viafile = {0};
				struct csv_reader *r = NULL;
				int fd = temp_file(&in);

				assert_int_equal(csv_open_fd(fd, 1, "uji.csv", &r, &err), 0);
				assert_int_equal(drain(r, &viafile, &err), 0);
				csv_close(r);
				assert_int_equal(viafile.len, got.len);
				assert_memory_equal(viafile.s, got.s, got.len);
				buf_free(&viafile);
			}
			buf_free(&in);
			buf_free(&ref);
			buf_free(&want);
			buf_free(&got);
		}
	}
}

static void test_refill_boundary_file(void **state)
{
	(void)state;
	for (uint32_t seed = 11; seed <= 12; seed++) {
		struct buf in = {0}, expect = {0}, out = {0};
		struct csv_reader *r = NULL;
		struct ikm_err err;
		int fd;

		generate(&in, &expect, (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES + 777777u,
		         seed * 40503u, 1);
		fd = temp_file(&in);
		assert_int_equal(csv_open_fd(fd, 1, "uji.csv", &r, &err), 0);
		if (drain(r, &out, &err) != 0) {
			print_error("parse failed: %s\n", err.msg);
			fail();
		}
		csv_close(r); /* closes fd */
		assert_int_equal(out.len, expect.len);
		assert_memory_equal(out.s, expect.s, expect.len);
		buf_free(&in);
		buf_free(&expect);
		buf_free(&out);
	}
}

/* A writer thread for a pipe: `chunk` bytes per write (cycling through a
 * few odd sizes when chunk == 0, through small ones when SMALL_ODD),
 * sleeping `nap_ns` between writes. */
#define SMALL_ODD ((size_t)-1)
struct writer {
	int fd;
	const char *s;
	size_t len;
	size_t chunk;
	long nap_ns;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	static const size_t odd[] = {4093, 1, 65536, 7, 100003, 2, 33333};
	static const size_t small[] = {1, 2, 3, 5, 7, 11, 13, 1, 1};
	size_t off = 0, k = 0;

	while (off < w->len) {
		size_t n = w->chunk == SMALL_ODD ? small[k++ % (sizeof(small) / sizeof(small[0]))]
		           : w->chunk            ? w->chunk
		                                 : odd[k++ % (sizeof(odd) / sizeof(odd[0]))];
		ssize_t got;

		if (n > w->len - off)
			n = w->len - off;
		got = write(w->fd, w->s + off, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break; /* reader gone */
		off += (size_t)got;
		if (w->nap_ns > 0) {
			struct timespec ts = {0, w->nap_ns};

			nanosleep(&ts, NULL);
		}
	}
	close(w->fd);
	return NULL;
}

/* Parse `in` through a pipe fed by a writer thread. */
static int parse_pipe(const char *s, size_t len, size_t chunk, long nap_ns, struct buf *out,
                      struct ikm_err *err)
{
	struct writer w;
	struct csv_reader *r = NULL;
	pthread_t th;
	int p[2];
	int rc;

	assert_int_equal(pipe(p), 0);
	w.fd = p[1];
	w.s = s;
	w.len = len;
	w.chunk = chunk;
	w.nap_ns = nap_ns;
	assert_int_equal(pthread_create(&th, NULL, writer_main, &w), 0);
	err_clear(err);
	assert_int_equal(csv_open_fd(p[0], 0, "uji.csv", &r, err), 0);
	rc = drain(r, out, err);
	csv_close(r);
	close(p[0]); /* not owned by the reader */
	pthread_join(th, NULL);
	return rc;
}

static void test_refill_boundary_pipe(void **state)
{
	struct buf in = {0}, expect = {0}, out = {0};
	struct ikm_err err;

	(void)state;
	generate(&in, &expect, (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES + 500000u, 99u, 1);
	if (parse_pipe(in.s, in.len, 0, 0, &out, &err) != 0) {
		print_error("parse failed: %s\n", err.msg);
		fail();
	}
	assert_int_equal(out.len, expect.len);
	assert_memory_equal(out.s, expect.s, expect.len);
	buf_free(&in);
	buf_free(&expect);
	buf_free(&out);
}

static void test_slow_pipe(void **state)
{
	static const char in[] = "\xEF\xBB\xBFNo;\"Jenis; Layanan\";U1;Saran\r\n"
				 "1;\"Akta \"\"Kelahiran\"\"\";4;\"Bagus\r\nsekali\"\r\n"
				 "\r\n"
				 "2;KTP;3;\"a;b\"\n"
				 "3;KK;\"2\";\"\"\r"
				 "4;5\" x;1;\"baris\rbaru\"\r"
				 "5;\"\";4;\"\"\"\"";
	static const char expect[] = "1:No|Jenis; Layanan|U1|Saran\n"
				     "2:1|Akta \"Kelahiran\"|4|Bagus\\r\\nsekali\n"
				     "5:2|KTP|3|a;b\n"
				     "6:3|KK|2|\n"
				     "7:4|5\" x|1|baris\\rbaru\n"
				     "9:5||4|\"\n";
	struct buf mem = {0}, out = {0};
	struct ikm_err err;

	(void)state;
	assert_int_equal(parse_mem(in, sizeof(in) - 1, &mem, NULL, &err), 0);
	assert_string_equal(mem.s, expect);
	/* One byte per write, with a pause so the reader sees them singly. */
	assert_int_equal(parse_pipe(in, sizeof(in) - 1, 1, 20000, &out, &err), 0);
	assert_string_equal(out.s, expect);
	buf_free(&mem);
	buf_free(&out);
	/* A larger input in writes of 1 to 13 bytes, no pause: rows straddle
	 * wherever the reader's reads happen to end. */
	{
		struct buf big = {0}, want = {0};

		generate(&big, &want, 150000, 4242u, 0);
		assert_int_equal(parse_pipe(big.s, big.len, SMALL_ODD, 0, &out, &err), 0);
		assert_int_equal(out.len, want.len);
		assert_memory_equal(out.s, want.s, want.len);
		buf_free(&big);
		buf_free(&want);
		buf_free(&out);
	}
	/* An unterminated quote through a slow pipe names the row's line. */
	{
		static const char bad[] = "a,b\n1,2\n2,\"open\nstill open\n";

		assert_int_equal(parse_pipe(bad, sizeof(bad) - 1, 1, 5000, &out, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
		assert_contains(err.msg, "baris 3");
		buf_free(&out);
	}
}

static void test_open_fd_name_and_close(void **state)
{
	struct buf in = {0}, out = {0};
	struct csv_reader *r = NULL;
	struct ikm_err err;
	int fd;

	(void)state;
	buf_str(&in, "a,b\n1,\"x");
	fd = temp_file(&in);
	assert_int_equal(csv_open_fd(fd, 0, "berkas-saya.csv", &r, &err), 0);
	assert_int_equal(drain(r, &out, &err), -1);
	assert_contains(err.msg, "berkas-saya.csv");
	csv_close(r);
	/* Not owned: still open. */
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	close(fd);
	csv_close(NULL);
	buf_free(&in);
	buf_free(&out);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN); /* a pipe writer must outlive an early reader exit */
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
	    cmocka_unit_test(test_refill_boundary_mem),
	    cmocka_unit_test(test_refill_boundary_exact),
	    cmocka_unit_test(test_refill_boundary_file),
	    cmocka_unit_test(test_refill_boundary_pipe),
	    cmocka_unit_test(test_slow_pipe),
	    cmocka_unit_test(test_open_fd_name_and_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
