/* xlsx: a small streaming reader of the first worksheet of an XLSX file
 * (Office Open XML spreadsheet) with libzip + expat. Shared strings are
 * loaded once (bounded by XLSX_MAX_SST_BYTES); the sheet XML is parsed in
 * chunks, so memory does not grow with the number of rows. Cells are
 * returned as text: shared strings, inline strings, numbers as written in
 * the file ("4", "4.5"), booleans as "TRUE"/"FALSE"; missing cells as "". */
#ifndef IKM_XLSX_H
#define IKM_XLSX_H

#include <stddef.h>

#include "err.h"
#include "table.h"

#define XLSX_MAX_SST_BYTES  (64u << 20) /* named limit: shared string text */
#define XLSX_MAX_SST_COUNT  2000000     /* named limit: shared strings */
#define XLSX_MAX_CELL_BYTES 32767       /* Excel's own cell limit */
#define XLSX_MAX_ROWS       1048576     /* Excel's own row limit */
/* named limit: bytes of XML unpacked from all parts of one file together.
 * A full sheet of Excel's 1048576 rows takes a few hundred MB; a small
 * file that unpacks to more (a "zip bomb") is refused before it costs
 * minutes of parsing. */
#define XLSX_MAX_UNPACKED (1ull << 30)

struct xlsx_reader;

/* Open the file at path (name is used in messages). Caller owns *out. */
int xlsx_open(const char *path, struct xlsx_reader **out, struct ikm_err *err);

/* Open an XLSX held in memory (buf must outlive the reader): an upload,
 * tests, fuzzing. name is used in messages. */
int xlsx_open_mem(const void *buf, size_t len, const char *name, struct xlsx_reader **out,
                  struct ikm_err *err);

/* Next non-empty row: 1, 0 at the end, -1 on error. */
int xlsx_next(struct xlsx_reader *r, struct table_row *row, struct ikm_err *err);

/* Close; NULL is fine. */
void xlsx_close(struct xlsx_reader *r);

#endif
