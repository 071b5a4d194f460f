/* csv: a fast streaming RFC 4180 reader. The delimiter (',' ';' or tab) is
 * detected from the first line; a UTF-8 BOM is skipped; quoted fields may
 * hold delimiters, doubled quotes and line breaks; CRLF and LF both end a
 * row. Fields are unquoted in place in a bounded buffer. */
#ifndef IKM_CSV_H
#define IKM_CSV_H

#include <stddef.h>

#include "err.h"
#include "table.h"

struct csv_reader;

/* Read from an open file descriptor (not closed by csv_close unless
 * own_fd). name is used in messages. Caller owns *out. */
int csv_open_fd(int fd, int own_fd, const char *name, struct csv_reader **out,
		struct ikm_err *err);

/* Read from memory (buf must outlive the reader); for tests and fuzzing. */
int csv_open_mem(const char *buf, size_t len, const char *name, struct csv_reader **out,
		 struct ikm_err *err);

/* Next non-empty row: 1, 0 at the end, -1 on error. */
int csv_next(struct csv_reader *r, struct table_row *row, struct ikm_err *err);

/* The detected delimiter (valid after the first csv_next). */
char csv_delimiter(const struct csv_reader *r);

/* Close; NULL is fine. */
void csv_close(struct csv_reader *r);

#endif
