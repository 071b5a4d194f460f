/* table: a stream of rows from a data file, whatever its format (CSV or
 * XLSX), so the loader does not care where the rows come from. Rows are
 * pulled one at a time; memory does not grow with the number of rows. */
#ifndef IKM_TABLE_H
#define IKM_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define TABLE_MAX_FIELDS    1024       /* named limit: columns in a row */
#define TABLE_MAX_ROW_BYTES (1u << 20) /* named limit: bytes in one row */

/* One row. field[i] is NUL-terminated and len[i] bytes long (a field may
 * contain NUL only if the file did; len is authoritative). Valid until the
 * next call on the same reader. */
struct table_row {
	size_t n;
	const char *const *field;
	const size_t *len;
	uint64_t line; /* 1-based: CSV line where the row starts, XLSX row number */
};

struct table;

/* Open a data file; the format is chosen by content (ZIP magic -> XLSX,
 * otherwise CSV) and "-" reads CSV from standard input. Caller owns *out. */
int table_open(const char *path, struct table **out, struct ikm_err *err);

/* Next row: 1 with *row filled, 0 at the end, -1 on error (message names
 * the file and row). Empty lines are skipped. */
int table_next(struct table *t, struct table_row *row, struct ikm_err *err);

/* The same over bytes buf[0..len) in memory (an upload), which must
 * outlive the table; name is used in messages. */
int table_open_mem(const void *buf, size_t len, const char *name, struct table **out,
                   struct ikm_err *err);

/* A table over bytes [start, end) of a CSV file whose delimiter is known
 * (see csv_open_range); fd stays owned by the caller. */
int table_open_csv_range(int fd, const char *name, int64_t start, int64_t end, char delim,
                         struct table **out, struct ikm_err *err);

/* Where a CSV read from a regular file stands: its descriptor (owned by t),
 * the byte offset and line number of the next row, the delimiter and the
 * file size — so the rest can be read in parts. Returns 0, or -1 when t is
 * not a regular-file CSV (XLSX, standard input). */
int table_csv_position(const struct table *t, int *fd, int64_t *offset, uint64_t *line, char *delim,
                       int64_t *size);

/* Line number of the next CSV row (1-based from the reader's start). */
uint64_t table_line(const struct table *t);

/* Next row through the CSV answer-run fast path (see csv_next_run): 1 with
 * *packed set and no fields, 2 with the row in *row, 0 at the end, -1 on
 * error. Other formats always return 2 (or 0, -1). */
int table_next_run(struct table *t, int first, int k, uint64_t *packed, struct table_row *row,
                   struct ikm_err *err);

/* Human description of the detected format, e.g. "CSV (pemisah ;)". */
const char *table_format(const struct table *t);

/* Close; NULL is fine. */
void table_close(struct table *t);

#endif
