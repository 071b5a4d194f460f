/* csvtest: helpers shared by the CSV reader tests (test_csv.c,
 * test_csv_refill.c): a growing byte buffer, rows rendered as comparable
 * strings, parsing from memory and a temporary file. Failures go through
 * cmocka's asserts: include after <cmocka.h>. */
#ifndef IKM_CSVTEST_H
#define IKM_CSVTEST_H

#include <stddef.h>

#include "csv.h"
#include "err.h"

/* A growing byte buffer; start from {0}, s is NUL-terminated once set. */
struct csvtest_buf {
	char *s;
	size_t len, cap;
};

void csvtest_buf_add(struct csvtest_buf *b, const void *p, size_t n);
void csvtest_buf_str(struct csvtest_buf *b, const char *s);
void csvtest_buf_fmt(struct csvtest_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void csvtest_buf_free(struct csvtest_buf *b);

/* Append one field, escaped so that rows compare as plain strings:
 * "\n" "\r" "\0" "|" and "\\" are written as two-character escapes. */
void csvtest_put_field(struct csvtest_buf *b, const char *f, size_t len);

/* Read every row of r into b as "LINE:f1|f2|...\n", checking the row
 * invariants. Returns csv_next's final result (0 or -1). */
int csvtest_drain(struct csv_reader *r, struct csvtest_buf *b, struct ikm_err *err);

/* Parse `len` bytes from memory as "uji.csv"; *delim (unless NULL) gets
 * the detected delimiter. Returns the final csv_next result. */
int csvtest_parse_mem(const char *in, size_t len, struct csvtest_buf *out, char *delim,
                      struct ikm_err *err);

/* An unlinked temporary file holding in, positioned at its start. */
int csvtest_temp_file(const struct csvtest_buf *in);

#endif
