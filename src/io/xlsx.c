/* xlsx: streaming reader of the first worksheet of an XLSX file, and the
 * public API of xlsx.h. The package side (ZIP parts, finding the first sheet
 * via xl/workbook.xml and its rels, loading the shared strings) lives in
 * xlsx_package.c. Here the sheet is fed to a namespace-aware expat parser in
 * chunks (so any element prefix such as "x:" is ignored) and the parser is
 * suspended after each completed non-empty row, so only one row is held in
 * memory. */
#include "xlsx.h"

#include <errno.h>
#include <expat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "xalloc.h"
#include "xlsx_int.h"

#define MAX_COLS 16384 /* Excel's column limit: A..XFD */

/* Column name of a 0-based column index, e.g. 0 -> "A", 27 -> "AB". */
static void col_name(uint32_t col, char out[8])
{
	char tmp[8];
	size_t n = 0, i;
	uint64_t c = (uint64_t)col + 1;

	while (c > 0 && n < sizeof(tmp) - 1) {
		tmp[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Parse the column letters of a cell reference such as "B3" (or "$B$3").
 * Returns 0 with *col, -1 if the reference is not valid. */
static int parse_cell_ref(const char *ref, uint32_t *col)
{
	const char *s = ref;
	uint32_t c = 0;
	size_t letters = 0;

	if (*s == '$')
		s++;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
		int v = (*s >= 'a' ? *s - 'a' : *s - 'A') + 1;

		if (++letters > 3)
			return -1;
		c = c * 26 + (uint32_t)v;
		s++;
	}
	if (letters == 0 || c > MAX_COLS)
		return -1;
	if (*s == '$')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s != '\0')
		return -1;
	*col = c - 1;
	return 0;
}

/* Parse an unsigned decimal with surrounding whitespace; -1 if not one or
 * above max. */
static int parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || v > max)
		return -1;
	while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
		end++;
	if (*end != '\0')
		return -1;
	*out = v;
	return 0;
}

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* --- the worksheet --- */

static void sheet_abort(struct xlsx_reader *r)
{
	xlsx_ctx_abort(&r->ctx);
}

/* Name of the current cell for messages, e.g. "C7". */
static void cell_name(const struct xlsx_reader *r, uint32_t col, char out[32])
{
	char c[8];

	col_name(col, c);
	snprintf(out, 32, "%s%llu", c, (unsigned long long)r->row_num);
}

/* Append text to the current cell, enforcing the cell and row limits. */
static int cell_append(struct xlsx_reader *r, const char *s, size_t n)
{
	char cn[32];

	if (r->rowlen - r->cell_start + n > XLSX_MAX_CELL_BYTES) {
		cell_name(r, r->col, cn);
		xlsx_fail(r, IKM_ELIMIT, "sel %s: teks sel melebihi %u byte / cell text too long",
		          cn, (unsigned)XLSX_MAX_CELL_BYTES);
		return -1;
	}
	if (r->rowlen + n + 1 > TABLE_MAX_ROW_BYTES) {
		xlsx_fail(r, IKM_ELIMIT, "baris %llu: baris melebihi %u byte / row too long",
		          (unsigned long long)r->row_num, (unsigned)TABLE_MAX_ROW_BYTES);
		return -1;
	}
	if (r->rowlen + n + 1 > r->rowcap) {
		size_t cap = r->rowcap ? r->rowcap : 4096;

		while (cap < r->rowlen + n + 1)
			cap *= 2;
		r->rowbuf = xrealloc(r->rowbuf, cap);
		r->rowcap = cap;
	}
	memcpy(r->rowbuf + r->rowlen, s, n);
	r->rowlen += n;
	return 0;
}

/* Trim XML whitespace around the current cell text. */
static void cell_trim(struct xlsx_reader *r)
{
	size_t a = r->cell_start, b = r->rowlen;

	while (a < b && is_xml_space(r->rowbuf[a]))
		a++;
	while (b > a && is_xml_space(r->rowbuf[b - 1]))
		b--;
	if (a > r->cell_start)
		memmove(r->rowbuf + r->cell_start, r->rowbuf + a, b - a);
	r->rowlen = r->cell_start + (b - a);
}

static void row_begin(struct xlsx_reader *r, const char **atts)
{
	const char *rs = xlsx_attr_plain(atts, "r");
	uint64_t n;

	if (rs != NULL) {
		if (parse_uint(rs, UINT64_MAX / 2, &n) != 0 || n == 0) {
			xlsx_fail(r, IKM_EDATA,
			          "nomor baris tidak sah \"%.40s\" / invalid row number", rs);
			sheet_abort(r);
			return;
		}
	} else {
		n = r->prev_row + 1;
	}
	if (n > XLSX_MAX_ROWS) {
		xlsx_fail(r, IKM_ELIMIT, "baris %llu: melebihi batas %u baris / too many rows",
		          (unsigned long long)n, (unsigned)XLSX_MAX_ROWS);
		sheet_abort(r);
		return;
	}
	if (n <= r->prev_row) {
		xlsx_fail(r, IKM_EDATA, "baris %llu muncul setelah baris %llu / rows out of order",
		          (unsigned long long)n, (unsigned long long)r->prev_row);
		sheet_abort(r);
		return;
	}
	r->row_num = n;
	r->prev_row = n;
	r->in_row = 1;
	r->rowlen = 0;
	r->ncells = 0;
	r->next_col = 0;
}

static void cell_begin(struct xlsx_reader *r, const char **atts)
{
	const char *ref = xlsx_attr_plain(atts, "r");
	const char *t = xlsx_attr_plain(atts, "t");
	uint32_t col;

	if (ref != NULL) {
		if (parse_cell_ref(ref, &col) != 0) {
			xlsx_fail(r, IKM_EDATA,
			          "baris %llu: referensi sel tidak sah \"%.40s\" / invalid cell "
			          "reference",
			          (unsigned long long)r->row_num, ref);
			sheet_abort(r);
			return;
		}
		if (col < r->next_col) {
			xlsx_fail(
			    r, IKM_EDATA,
			    "sel %.40s: sel tidak berurutan dalam baris %llu / cells out of order",
			    ref, (unsigned long long)r->row_num);
			sheet_abort(r);
			return;
		}
	} else {
		col = r->next_col;
		if (col >= MAX_COLS) {
			xlsx_fail(r, IKM_EDATA,
			          "baris %llu: lebih dari %u kolom / more columns than XLSX allows",
			          (unsigned long long)r->row_num, (unsigned)MAX_COLS);
			sheet_abort(r);
			return;
		}
	}
	r->col = col;
	r->next_col = col + 1;
	r->type = CELL_NUMBER;
	if (t != NULL) {
		if (strcmp(t, "s") == 0)
			r->type = CELL_SHARED;
		else if (strcmp(t, "inlineStr") == 0)
			r->type = CELL_INLINE;
		else if (strcmp(t, "str") == 0)
			r->type = CELL_STR;
		else if (strcmp(t, "b") == 0)
			r->type = CELL_BOOL;
		else if (strcmp(t, "e") == 0)
			r->type = CELL_ERROR;
	}
	r->in_cell = 1;
	r->in_v = r->in_is = r->in_t = r->in_rph = 0;
	r->cell_start = r->rowlen;
}

/* Resolve a shared string index in the current cell text. */
static int cell_shared(struct xlsx_reader *r)
{
	char cn[32];
	uint64_t idx;
	size_t off, len;

	r->rowbuf[r->rowlen] = '\0';
	if (parse_uint(r->rowbuf + r->cell_start, UINT64_MAX / 2, &idx) != 0) {
		cell_name(r, r->col, cn);
		xlsx_fail(
		    r, IKM_EDATA,
		    "sel %s: indeks shared string tidak sah \"%.40s\" / invalid shared string "
		    "index",
		    cn, r->rowbuf + r->cell_start);
		return -1;
	}
	if (idx >= r->sst_n) {
		cell_name(r, r->col, cn);
		xlsx_fail(
		    r, IKM_EDATA,
		    "sel %s: indeks shared string %llu di luar jangkauan (ada %zu) / shared string "
		    "index out of range",
		    cn, (unsigned long long)idx, r->sst_n);
		return -1;
	}
	off = r->sst_off[idx];
	len = r->sst_off[idx + 1] - off - 1;
	r->rowlen = r->cell_start;
	return cell_append(r, r->sst.p + off, len);
}

static void cell_end(struct xlsx_reader *r)
{
	char cn[32];
	size_t len;

	r->in_cell = 0;
	if (r->type != CELL_STR && r->type != CELL_INLINE)
		cell_trim(r);
	if (r->rowlen == r->cell_start)
		return; /* empty cell */
	if (r->type == CELL_SHARED) {
		if (cell_shared(r) != 0) {
			sheet_abort(r);
			return;
		}
	} else if (r->type == CELL_BOOL) {
		const char *v = r->rowbuf + r->cell_start;
		size_t n = r->rowlen - r->cell_start;

		if (n == 1 && (v[0] == '0' || v[0] == '1')) {
			const char *b = v[0] == '1' ? "TRUE" : "FALSE";

			r->rowlen = r->cell_start;
			if (cell_append(r, b, strlen(b)) != 0) {
				sheet_abort(r);
				return;
			}
		}
	}
	len = r->rowlen - r->cell_start;
	if (len == 0)
		return; /* an empty shared string */
	if (r->col >= TABLE_MAX_FIELDS) {
		cell_name(r, r->col, cn);
		xlsx_fail(r, IKM_ELIMIT, "sel %s: lebih dari %u kolom / too many columns", cn,
		          (unsigned)TABLE_MAX_FIELDS);
		sheet_abort(r);
		return;
	}
	r->rowbuf[r->rowlen++] = '\0'; /* cell_append left room */
	r->cell_col[r->ncells] = r->col;
	r->cell_off[r->ncells] = r->cell_start;
	r->cell_len[r->ncells] = len;
	r->ncells++;
}

/* Build the handed-out row from the cells of a completed row. */
static void row_finish(struct xlsx_reader *r)
{
	size_t i, n = (size_t)r->cell_col[r->ncells - 1] + 1;

	for (i = 0; i < n; i++) {
		r->field[i] = "";
		r->flen[i] = 0;
	}
	for (i = 0; i < r->ncells; i++) {
		r->field[r->cell_col[i]] = r->rowbuf + r->cell_off[i];
		r->flen[r->cell_col[i]] = r->cell_len[i];
	}
	r->nfield = n;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = ((struct part_ctx *)ud)->r;
	const char *ln = xlsx_local_name(name);

	if (r->failed)
		return;
	if (!r->in_sheetdata) {
		if (strcmp(ln, "sheetData") == 0)
			r->in_sheetdata = 1;
		return;
	}
	if (!r->in_row) {
		if (strcmp(ln, "row") == 0)
			row_begin(r, atts);
		return;
	}
	if (!r->in_cell) {
		if (strcmp(ln, "c") == 0)
			cell_begin(r, atts);
		return;
	}
	if (strcmp(ln, "v") == 0)
		r->in_v = 1;
	else if (strcmp(ln, "is") == 0)
		r->in_is = 1;
	else if (r->in_is && strcmp(ln, "rPh") == 0)
		r->in_rph++;
	else if (r->in_is && strcmp(ln, "t") == 0)
		r->in_t = 1;
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *r = ((struct part_ctx *)ud)->r;
	const char *ln = xlsx_local_name(name);

	if (r->failed || !r->in_sheetdata)
		return;
	if (r->in_cell) {
		if (strcmp(ln, "c") == 0)
			cell_end(r);
		else if (strcmp(ln, "v") == 0)
			r->in_v = 0;
		else if (strcmp(ln, "is") == 0)
			r->in_is = 0;
		else if (strcmp(ln, "rPh") == 0 && r->in_rph > 0)
			r->in_rph--;
		else if (strcmp(ln, "t") == 0)
			r->in_t = 0;
		return;
	}
	if (r->in_row) {
		if (strcmp(ln, "row") == 0) {
			r->in_row = 0;
			if (r->ncells > 0) {
				row_finish(r);
				XML_StopParser(r->p, XML_TRUE);
			}
		}
		return;
	}
	if (strcmp(ln, "sheetData") == 0)
		r->in_sheetdata = 0;
}

static void XMLCALL sheet_text(void *ud, const XML_Char *text, int len)
{
	struct xlsx_reader *r = ((struct part_ctx *)ud)->r;

	if (r->failed || !r->in_cell || len <= 0)
		return;
	if (r->in_v || (r->in_is && r->in_t && r->in_rph == 0)) {
		if (cell_append(r, text, (size_t)len) != 0)
			sheet_abort(r);
	}
}

/* Open the sheet and its parser. */
static int sheet_open(struct xlsx_reader *r)
{
	r->sheet = xlsx_part_open(r, r->sheet_part);
	if (r->sheet == NULL) {
		if (!r->failed)
			xlsx_fail(r, IKM_EDATA, "%s: bagian tidak ditemukan / part not found",
			          r->sheet_part);
		return -1;
	}
	r->ctx.r = r;
	r->ctx.part = r->sheet_part;
	r->p = xlsx_parser_new(&r->ctx);
	XML_SetElementHandler(r->p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(r->p, sheet_text);
	r->cell_col = xcalloc(TABLE_MAX_FIELDS, sizeof(*r->cell_col));
	r->cell_off = xcalloc(TABLE_MAX_FIELDS, sizeof(*r->cell_off));
	r->cell_len = xcalloc(TABLE_MAX_FIELDS, sizeof(*r->cell_len));
	r->field = xcalloc(TABLE_MAX_FIELDS, sizeof(*r->field));
	r->flen = xcalloc(TABLE_MAX_FIELDS, sizeof(*r->flen));
	return 0;
}

/* Run the sheet parser until a row completes (1), the sheet ends (0) or an
 * error (-1 with r->err). */
static int sheet_pump(struct xlsx_reader *r)
{
	for (;;) {
		enum XML_Status st;

		if (r->suspended) {
			r->suspended = 0;
			st = XML_ResumeParser(r->p);
		} else {
			zip_int64_t n;

			if (r->last_final)
				return 0;
			n = xlsx_part_read(r, r->sheet, r->sheet_part);
			if (n < 0)
				return -1;
			r->last_final = n == 0;
			st = XML_Parse(r->p, r->chunk, (int)n, n == 0);
		}
		if (st == XML_STATUS_ERROR) {
			xlsx_xml_fail(&r->ctx);
			return -1;
		}
		if (st == XML_STATUS_SUSPENDED) {
			r->suspended = 1;
			return 1;
		}
		if (r->failed)
			return -1;
	}
}

/* Everything after the ZIP is open. */
static int open_common(struct xlsx_reader *r)
{
	r->chunk = xmalloc(CHUNK_BYTES);
	if (xlsx_find_sheet(r) != 0 || xlsx_load_sst(r) != 0 || sheet_open(r) != 0)
		return -1;
	return 0;
}

static struct xlsx_reader *reader_new(const char *name)
{
	struct xlsx_reader *r = xcalloc(1, sizeof(*r));

	r->name = xstrdup(name ? name : "-");
	err_clear(&r->err);
	return r;
}

static void zip_fail(struct xlsx_reader *r, int code)
{
	zip_error_t ze;

	zip_error_init_with_code(&ze, code);
	if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT)
		xlsx_fail(r, IKM_EIO, "tidak dapat membuka berkas: %s / cannot open file",
		          zip_error_strerror(&ze));
	else
		xlsx_fail(r, IKM_EDATA, "bukan berkas XLSX yang sah (%s) / not a valid XLSX file",
		          zip_error_strerror(&ze));
	zip_error_fini(&ze);
}

/* Hand the result of an open to the caller. */
static int open_done(struct xlsx_reader *r, struct xlsx_reader **out, struct ikm_err *err)
{
	if (r->failed) {
		if (err != NULL)
			*err = r->err;
		xlsx_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

int xlsx_open(const char *path, struct xlsx_reader **out, struct ikm_err *err)
{
	struct xlsx_reader *r = reader_new(path);
	int code = 0;

	*out = NULL;
	r->za = zip_open(path, ZIP_RDONLY, &code);
	if (r->za == NULL)
		zip_fail(r, code);
	else
		open_common(r);
	return open_done(r, out, err);
}

int xlsx_open_mem(const void *buf, size_t len, const char *name, struct xlsx_reader **out,
                  struct ikm_err *err)
{
	struct xlsx_reader *r = reader_new(name);
	zip_source_t *src;
	zip_error_t ze;

	*out = NULL;
	zip_error_init(&ze);
	src = zip_source_buffer_create(len ? buf : NULL, len, 0, &ze);
	if (src == NULL) {
		zip_fail(r, zip_error_code_zip(&ze));
		goto done;
	}
	r->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (r->za == NULL) {
		zip_source_free(src);
		zip_fail(r, zip_error_code_zip(&ze));
		goto done;
	}
	open_common(r);
done:
	zip_error_fini(&ze);
	return open_done(r, out, err);
}

int xlsx_next(struct xlsx_reader *r, struct table_row *row, struct ikm_err *err)
{
	int rc;

	if (r->failed) {
		if (err != NULL)
			*err = r->err;
		return -1;
	}
	if (r->done)
		return 0;
	rc = sheet_pump(r);
	if (rc < 0) {
		if (err != NULL)
			*err = r->err;
		return -1;
	}
	if (rc == 0) {
		r->done = 1;
		return 0;
	}
	row->n = r->nfield;
	row->field = r->field;
	row->len = r->flen;
	row->line = r->row_num;
	return 1;
}

void xlsx_close(struct xlsx_reader *r)
{
	if (r == NULL)
		return;
	if (r->p != NULL)
		XML_ParserFree(r->p);
	if (r->sheet != NULL)
		zip_fclose(r->sheet);
	if (r->za != NULL)
		zip_discard(r->za);
	free(r->sheet_part);
	free(r->chunk);
	bytebuf_free(&r->sst);
	free(r->sst_off);
	free(r->rowbuf);
	free(r->cell_col);
	free(r->cell_off);
	free(r->cell_len);
	free(r->field);
	free(r->flen);
	free(r->name);
	free(r);
}
