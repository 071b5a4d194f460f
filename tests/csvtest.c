/* csvtest: see csvtest.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "csvtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "err.h"
#include "table.h"

void csvtest_buf_add(struct csvtest_buf *b, const void *p, size_t n)
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

void csvtest_buf_str(struct csvtest_buf *b, const char *s)
{
	csvtest_buf_add(b, s, strlen(s));
}

void csvtest_buf_fmt(struct csvtest_buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(tmp));
	csvtest_buf_add(b, tmp, (size_t)n);
}

void csvtest_buf_free(struct csvtest_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

void csvtest_put_field(struct csvtest_buf *b, const char *f, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (f[i]) {
		case '\n':
			csvtest_buf_str(b, "\\n");
			break;
		case '\r':
			csvtest_buf_str(b, "\\r");
			break;
		case '\0':
			csvtest_buf_str(b, "\\0");
			break;
		case '|':
			csvtest_buf_str(b, "\\|");
			break;
		case '\\':
			csvtest_buf_str(b, "\\\\");
			break;
		default:
			csvtest_buf_add(b, &f[i], 1);
		}
	}
}

int csvtest_drain(struct csv_reader *r, struct csvtest_buf *b, struct ikm_err *err)
{
	struct table_row row;
	int rc;

	while ((rc = csv_next(r, &row, err)) > 0) {
		assert_true(row.n >= 1);
		assert_true(row.n <= TABLE_MAX_FIELDS);
		assert_true(row.line >= 1);
		csvtest_buf_fmt(b, "%llu:", (unsigned long long)row.line);
		for (size_t i = 0; i < row.n; i++) {
			assert_int_equal(row.field[i][row.len[i]], '\0');
			if (i > 0)
				csvtest_buf_str(b, "|");
			csvtest_put_field(b, row.field[i], row.len[i]);
		}
		csvtest_buf_str(b, "\n");
	}
	return rc;
}

int csvtest_parse_mem(const char *in, size_t len, struct csvtest_buf *out, char *delim,
                      struct ikm_err *err)
{
	struct csv_reader *r = NULL;
	int rc;

	err_clear(err);
	assert_int_equal(csv_open_mem(in, len, "uji.csv", &r, err), 0);
	rc = csvtest_drain(r, out, err);
	if (delim != NULL)
		*delim = csv_delimiter(r);
	csv_close(r);
	return rc;
}

int csvtest_temp_file(const struct csvtest_buf *in)
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
