/* xlsx_int: internal to the XLSX reader, shared by xlsx.c (the worksheet
 * stream and the public API) and xlsx_package.c (ZIP parts, the workbook and
 * its relationships, shared strings). Not for use outside src/io/xlsx*.c. */
#ifndef IKM_XLSX_INT_H
#define IKM_XLSX_INT_H

#include <expat.h>
#include <stddef.h>
#include <stdint.h>
#include <zip.h>

#include "bytebuf.h"
#include "err.h"
#include "xlsx.h"

#define CHUNK_BYTES (64u << 10) /* bytes fed to expat at a time */

/* What a <c> element holds, from its t attribute. */
enum cell_type {
	CELL_NUMBER, /* n, d or absent: the <v> text as written */
	CELL_SHARED, /* s: <v> is an index into the shared strings */
	CELL_INLINE, /* inlineStr: text in <is><t> */
	CELL_STR,    /* str: formula string result, kept verbatim */
	CELL_BOOL,   /* b: 0/1 */
	CELL_ERROR,  /* e: "#N/A" and friends */
};

/* One part being parsed: the reader, the part name for messages and the
 * outcome flags set by handlers. Part-specific contexts embed it first. */
struct part_ctx {
	struct xlsx_reader *r;
	XML_Parser p;
	const char *part;
	int failed;  /* a handler set r->err and aborted */
	int stopped; /* a handler found what it wanted and aborted on purpose */
};

struct xlsx_reader {
	char *name;
	zip_t *za;
	struct ikm_err err; /* the last error, kept so a failed reader stays failed */
	int failed;
	int done;
	uint64_t unpacked; /* bytes of XML read from the parts so far */

	/* shared strings: text of string i is sst.p + sst_off[i], NUL-terminated,
	 * sst_off[i + 1] - sst_off[i] - 1 bytes long */
	struct bytebuf sst;
	size_t *sst_off;
	size_t sst_n, sst_offcap;

	/* the sheet */
	char *sheet_part;
	zip_file_t *sheet;
	XML_Parser p;
	struct part_ctx ctx;
	char *chunk;
	int last_final; /* the last XML_Parse call had isFinal set */
	int suspended;  /* parser suspended after a completed row */
	int in_sheetdata;
	int in_row;
	int in_cell;
	int in_v;
	int in_is;
	int in_t;
	int in_rph;

	/* the row being built: cell texts are NUL-terminated in rowbuf */
	uint64_t row_num;  /* number of the current row */
	uint64_t prev_row; /* number of the previous row, 0 before the first */
	char *rowbuf;
	size_t rowlen, rowcap;
	size_t ncells;
	uint32_t *cell_col; /* [TABLE_MAX_FIELDS] columns of the non-empty cells */
	size_t *cell_off;   /* [TABLE_MAX_FIELDS] */
	size_t *cell_len;   /* [TABLE_MAX_FIELDS] */
	uint32_t next_col;  /* column of a following cell without r */
	uint32_t col;       /* column of the current cell */
	enum cell_type type;
	size_t cell_start; /* offset of the current cell text in rowbuf */

	/* the row handed out */
	const char **field; /* [TABLE_MAX_FIELDS] */
	size_t *flen;       /* [TABLE_MAX_FIELDS] */
	size_t nfield;
};

/* Record an error "name: message" in r->err and mark the reader failed. */
void xlsx_fail(struct xlsx_reader *r, enum ikm_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Abort the parser of c after xlsx_fail() has been called. */
void xlsx_ctx_abort(struct part_ctx *c);

/* Report an XML error of the parser of c (unless a handler already did). */
void xlsx_xml_fail(struct part_ctx *c);

/* The local part of an expat name "uri<sep>local" (or "local"). */
const char *xlsx_local_name(const char *name);

/* Value of the attribute without namespace called name, or NULL. */
const char *xlsx_attr_plain(const char **atts, const char *name);

/* A namespace-aware parser with user data c that refuses any DOCTYPE; sets
 * c->p. Aborts on out of memory; caller frees with XML_ParserFree. */
XML_Parser xlsx_parser_new(struct part_ctx *c);

/* Open a part by name; returns NULL (no error set) when it does not exist,
 * or NULL with r->failed when it exists but cannot be opened. Caller closes
 * with zip_fclose. */
zip_file_t *xlsx_part_open(struct xlsx_reader *r, const char *part);

/* Read up to CHUNK_BYTES of f into r->chunk; returns bytes read, -1 with
 * r->err set on error (also past XLSX_MAX_UNPACKED bytes in all). */
zip_int64_t xlsx_part_read(struct xlsx_reader *r, zip_file_t *f, const char *part);

/* Find the part name of the first worksheet. Returns 0 with r->sheet_part
 * set (owned by r), -1 with r->err. */
int xlsx_find_sheet(struct xlsx_reader *r);

/* Load the shared strings into r, if the part exists. 0 or -1 with r->err. */
int xlsx_load_sst(struct xlsx_reader *r);

#endif
