/* fuzz_csv: libFuzzer target for the CSV reader (src/io/csv.c) and the
 * load-like use of its rows (colmap.c, value.c).
 *
 * Every input runs through three checks:
 *  1. read all rows from memory, checking each row's invariants;
 *  2. map the first row as a header against the standard instrument (with
 *     extras) and value_parse every mapped cell of the other rows;
 *  3. when the first byte is 0x01: a differential test of the buffer refill.
 *     "a,b\n" + input is read once as is and once with filler rows in front
 *     that end `input[1]` bytes before the reader's first refill boundary;
 *     the rows of the input must come out identical (lines shifted by the
 *     filler lines), and so must an error.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core -Isrc/io
 *   -D_DEFAULT_SOURCE fuzz/fuzz_csv.c src/io/csv.c src/io/colmap.c src/io/value.c
 *   src/core/\*.c $(pkg-config --cflags --libs gmp) -lm -o /tmp/fuzz_csv
 * Run:   /tmp/fuzz_csv fuzz/corpus/csv */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colmap.h"
#include "csv.h"
#include "err.h"
#include "instrument.h"
#include "table.h"
#include "value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The reader's buffer: TABLE_MAX_ROW_BYTES plus a 256 KiB read chunk; a
 * memory source fills all of it on the first read. */
#define FIRST_READ ((size_t)TABLE_MAX_ROW_BYTES + (256u << 10))
#define FILLER_ROW 60000 /* bytes of one filler row, under the row limit */

/* Growing output of rows, as "LINE:len:bytes|len:bytes|...\n". */
struct out {
	char *s;
	size_t len, cap;
};

static void out_add(struct out *o, const void *p, size_t n)
{
	if (o->len + n > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;

		while (o->len + n > cap)
			cap *= 2;
		o->s = realloc(o->s, cap);
		if (o->s == NULL)
			abort();
		o->cap = cap;
	}
	memcpy(o->s + o->len, p, n);
	o->len += n;
}

static void out_num(struct out *o, unsigned long long v, char sep)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%llu%c", v, sep);

	out_add(o, tmp, (size_t)n);
}

/* Check a row's invariants. */
static void check_row(const struct table_row *row)
{
	if (row->n < 1 || row->n > TABLE_MAX_FIELDS || row->line < 1)
		abort();
	for (size_t i = 0; i < row->n; i++) {
		if (row->field[i] == NULL || row->field[i][row->len[i]] != '\0')
			abort();
		if (row->len[i] > TABLE_MAX_ROW_BYTES)
			abort();
	}
}

/* Read every row; append them to o (unless NULL) with line - line_off.
 * Returns the final csv_next result; *kind gets the error kind. */
static int read_all(const char *buf, size_t len, struct out *o, uint64_t line_off, int *kind)
{
	struct csv_reader *r = NULL;
	struct table_row row;
	struct ikm_err err;
	uint64_t last = 0;
	int rc;

	err_clear(&err);
	if (csv_open_mem(buf, len, "fuzz.csv", &r, &err) < 0)
		abort();
	while ((rc = csv_next(r, &row, &err)) > 0) {
		check_row(&row);
		if (row.line <= last) /* lines strictly increase */
			abort();
		last = row.line;
		if (o != NULL) {
			if (row.line <= line_off)
				continue; /* a filler row */
			out_num(o, row.line - line_off, ':');
			for (size_t i = 0; i < row.n; i++) {
				out_num(o, row.len[i], ':');
				out_add(o, row.field[i], row.len[i]);
				out_add(o, "|", 1);
			}
			out_add(o, "\n", 1);
		}
	}
	if (rc < 0 && (err.msg[0] == '\0' || strstr(err.msg, "fuzz.csv") == NULL))
		abort(); /* an error must say which file */
	if (csv_delimiter(r) != ',' && csv_delimiter(r) != ';' && csv_delimiter(r) != '\t')
		abort();
	*kind = rc < 0 ? (int)err.kind : 0;
	csv_close(r);
	return rc;
}

/* Mode 2: the header mapping and value parsing of a load. */
static void load_like(const uint8_t *data, size_t size)
{
	struct csv_reader *r = NULL;
	struct table_row row;
	struct ikm_err err;
	struct instrument in;
	struct colmap m;
	int rc;

	instr_standard(&in);
	if (csv_open_mem((const char *)data, size, "fuzz.csv", &r, &err) < 0)
		abort();
	if (csv_next(r, &row, &err) <= 0)
		goto out;
	if (colmap_build(&m, &in, 1, &row, "fuzz.csv", &err) < 0) {
		if (err.kind != IKM_EDATA || strlen(err.msg) >= IKM_ERR_MSG_MAX)
			abort();
		/* Map what is there anyway, to parse values below. */
		for (int j = 0; j < in.k; j++)
			if (m.elem_col[j] < -1 || m.elem_col[j] >= (int)row.n)
				abort();
	}
	if (in.k < INSTR_STANDARD_K || in.k > INSTR_MAX_ELEMENTS || m.ncols != (int)row.n)
		abort();
	for (int j = 0; j < INSTR_MAX_ELEMENTS; j++) {
		if (m.elem_col[j] < -1 || m.elem_col[j] >= m.ncols)
			abort();
		if (strlen(m.header[j]) > COLMAP_HEADER_SHOWN)
			abort();
	}
	for (int p = 0; p < PROF_COUNT; p++)
		if (m.prof_col[p] < -1 || m.prof_col[p] >= m.ncols)
			abort();
	for (int i = 0; i < m.nignored && i < COLMAP_KEEP_IGNORED; i++)
		if (strlen(m.ignored[i]) > COLMAP_HEADER_SHOWN)
			abort();
	while ((rc = csv_next(r, &row, &err)) > 0) {
		check_row(&row);
		for (int j = 0; j < in.k; j++) {
			int c = m.elem_col[j];
			int v;

			if (c < 0 || (size_t)c >= row.n)
				continue;
			v = value_parse(&in.el[j], row.field[c], row.len[c]);
			if (v < VALUE_RANGE || v > 4)
				abort();
		}
	}
out:
	csv_close(r);
}

/* Mode 3: the same rows, with the first refill boundary `shift` bytes
 * into the input. */
static void boundary(const uint8_t *data, size_t size)
{
	size_t shift = data[1];
	const uint8_t *in = data + 2;
	size_t n = size - 2;
	size_t pre = FIRST_READ - shift; /* bytes before the input */
	size_t blen = pre + n, o = 0;
	uint64_t filler_lines = 1;
	char *small = malloc(4 + n + 1), *big = malloc(blen + 1);
	struct out a = {0}, b = {0};
	int ka, kb, ra, rb;

	if (small == NULL || big == NULL)
		abort();
	memcpy(small, "a,b\n", 4);
	memcpy(small + 4, in, n);
	/* "a,b\n" then rows "f...f\n" ending exactly at `pre`. */
	memcpy(big, "a,b\n", 4);
	o = 4;
	while (o < pre) {
		size_t left = pre - o;
		size_t f = left > FILLER_ROW + 16 ? FILLER_ROW : left - 1;

		memset(big + o, 'f', f);
		big[o + f] = '\n';
		o += f + 1;
		filler_lines++;
	}
	memcpy(big + pre, in, n);
	ra = read_all(small, 4 + n, &a, 1, &ka);
	rb = read_all(big, blen, &b, filler_lines, &kb);
	if (ra != rb || ka != kb)
		abort();
	if (ra == 0 && (a.len != b.len || (a.len > 0 && memcmp(a.s, b.s, a.len) != 0)))
		abort();
	free(a.s);
	free(b.s);
	free(small);
	free(big);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int kind;

	read_all((const char *)data, size, NULL, 0, &kind);
	load_like(data, size);
	if (size >= 2 && data[0] == 0x01)
		boundary(data, size);
	return 0;
}
