/* csv: a fast streaming RFC 4180 reader. The delimiter (',' ';' or tab) is
 * detected from the first line; a UTF-8 BOM is skipped; quoted fields may
 * hold delimiters, doubled quotes and line breaks; CRLF and LF both end a
 * row. Fields are unquoted in place in a bounded buffer. */
#ifndef IKM_CSV_H
#define IKM_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "table.h"

struct csv_reader;

/* Read from an open file descriptor (not closed by csv_close unless
 * own_fd). name is used in messages. Caller owns *out. */
int csv_open_fd(int fd, int own_fd, const char *name, struct csv_reader **out, struct ikm_err *err);

/* Read from memory (buf must outlive the reader): an upload, tests,
 * fuzzing. */
int csv_open_mem(const char *buf, size_t len, const char *name, struct csv_reader **out,
                 struct ikm_err *err);

/* Read bytes [start, end) of a regular file with pread, as rows that use
 * `delim` (no BOM or delimiter detection; line numbers count from 1 at
 * start). The fd is not closed by csv_close. Used to read parts of one
 * file in parallel; the caller picks start at a row boundary. */
int csv_open_range(int fd, const char *name, int64_t start, int64_t end, char delim,
                   struct csv_reader **out, struct ikm_err *err);

/* The answer-run fast path: when the next row holds, from column `first`
 * on, k fields (k <= CSV_RUN_MAX_K) that are each empty or one digit 1..4
 * (and no quotes), set *packed to the digits, 3 bits each (field j in bits
 * 3j..3j+2, 0 = empty), without cutting any field, and return 1 (row->line
 * set, row->n 0). Otherwise read the row as csv_next does and return 2.
 * 0 at the end, -1 on error. */
#define CSV_RUN_MAX_K 21
int csv_next_run(struct csv_reader *r, int first, int k, uint64_t *packed, struct table_row *row,
                 struct ikm_err *err);

/* File offset of the next unread row (fd and range readers). */
int64_t csv_offset(const struct csv_reader *r);

/* Line number (1-based, relative to the reader's start) of the next row. */
uint64_t csv_line(const struct csv_reader *r);

/* Next non-empty row: 1, 0 at the end, -1 on error. */
int csv_next(struct csv_reader *r, struct table_row *row, struct ikm_err *err);

/* The detected delimiter (valid after the first csv_next). */
char csv_delimiter(const struct csv_reader *r);

/* Close; NULL is fine. */
void csv_close(struct csv_reader *r);

#endif
