/* xlsx: streaming reader of the first worksheet of an XLSX file. The ZIP is
 * read with libzip, each XML part with a namespace-aware expat parser (so
 * any element prefix such as "x:" is ignored). The first sheet is found via
 * xl/workbook.xml and xl/_rels/workbook.xml.rels; shared strings are loaded
 * once; the sheet is fed to expat in chunks and the parser is suspended after
 * each completed non-empty row, so only one row is held in memory. */
#include "xlsx.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "xalloc.h"

#define CHUNK_BYTES   (64u << 10) /* bytes fed to expat at a time */
#define NS_SEP        ' '         /* expat namespace separator: never in a name or URI */
#define MAX_COLS      16384       /* Excel's column limit: A..XFD */
#define MAX_PATH_LEN  1024        /* limit: part names taken from the rels file */
#define MAX_RID_LEN   256         /* limit: relationship id of the first sheet */
#define SHEET_DEFAULT "xl/worksheets/sheet1.xml"
#define WORKBOOK_PART "xl/workbook.xml"
#define RELS_PART     "xl/_rels/workbook.xml.rels"
#define SST_PART      "xl/sharedStrings.xml"

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

struct workbook_ctx {
	struct part_ctx base;
	char rid[MAX_RID_LEN];
	int found;
};

struct rels_ctx {
	struct part_ctx base;
	const char *rid;
	char target[MAX_PATH_LEN];
	int found;
};

struct sst_ctx {
	struct part_ctx base;
	int in_si;
	int in_t;
	int in_rph; /* depth of <rPh> phonetic runs, whose text is ignored */
};

struct xlsx_reader {
	char *name;
	zip_t *za;
	struct ikm_err err; /* the last error, kept so a failed reader stays failed */
	int failed;
	int done;

	/* shared strings: text of string i is sst_buf + sst_off[i], NUL-terminated,
	 * sst_off[i + 1] - sst_off[i] - 1 bytes long */
	char *sst_buf;
	size_t sst_len, sst_cap;
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

static void fail(struct xlsx_reader *r, enum ikm_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record an error "name: message" in r->err. */
static void fail(struct xlsx_reader *r, enum ikm_err_kind kind, const char *fmt, ...)
{
	char msg[IKM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(&r->err, kind, "%s: %s", r->name, msg);
	r->failed = 1;
}

/* Abort the parser of ctx after fail() has been called. */
static void ctx_abort(struct part_ctx *c)
{
	c->failed = 1;
	XML_StopParser(c->p, XML_FALSE);
}

/* The local part of an expat name "uri<sep>local" (or "local"). */
static const char *local_name(const char *name)
{
	const char *s = strrchr(name, NS_SEP);

	return s ? s + 1 : name;
}

/* Value of the attribute without namespace called name, or NULL. */
static const char *attr_plain(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static void copy_bounded(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src, cap);

	if (n >= cap) {
		dst[0] = '\0';
		return;
	}
	memcpy(dst, src, n + 1);
}

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

/* Reject any DOCTYPE: XLSX parts never have one, and refusing it rules out
 * entity expansion tricks. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
	struct part_ctx *c = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	if (c->failed || c->stopped)
		return;
	fail(c->r, IKM_EDATA, "%s: DTD tidak diizinkan / DTD not allowed", c->part);
	ctx_abort(c);
}

static XML_Parser parser_new(struct part_ctx *c)
{
	XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);

	if (p == NULL) {
		fprintf(stderr, "ikm: memori habis / out of memory\n");
		abort();
	}
	c->p = p;
	XML_SetUserData(p, c);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	return p;
}

/* Open a part by name; returns NULL (no error set) when it does not exist,
 * or NULL with r->failed when it exists but cannot be opened. */
static zip_file_t *part_open(struct xlsx_reader *r, const char *part)
{
	zip_int64_t idx = zip_name_locate(r->za, part, ZIP_FL_NOCASE);
	zip_file_t *f;

	if (idx < 0)
		return NULL;
	f = zip_fopen_index(r->za, (zip_uint64_t)idx, 0);
	if (f == NULL)
		fail(r, IKM_EDATA, "%s: tidak dapat membuka bagian: %s / cannot open part", part,
		     zip_error_strerror(zip_get_error(r->za)));
	return f;
}

static int part_exists(struct xlsx_reader *r, const char *part)
{
	return zip_name_locate(r->za, part, ZIP_FL_NOCASE) >= 0;
}

/* Report an XML error of the parser of c (unless a handler already did). */
static void xml_fail(struct part_ctx *c)
{
	if (c->failed)
		return;
	fail(c->r, IKM_EDATA, "%s baris %lu: XML tidak sah (%s) / invalid XML", c->part,
	     (unsigned long)XML_GetCurrentLineNumber(c->p),
	     XML_ErrorString(XML_GetErrorCode(c->p)));
	c->failed = 1;
}

/* Read a chunk of f; returns bytes read, -1 with r->err set on error. */
static zip_int64_t part_read(struct xlsx_reader *r, zip_file_t *f, const char *part)
{
	zip_int64_t n = zip_fread(f, r->chunk, CHUNK_BYTES);

	if (n < 0)
		fail(r, IKM_EDATA, "%s: berkas XLSX rusak (%s) / corrupt XLSX file", part,
		     zip_error_strerror(zip_file_get_error(f)));
	return n;
}

/* Parse a whole part with the parser of c (handlers already set). A handler
 * may stop early by setting c->stopped. Returns 0 or -1 with r->err. */
static int part_parse(struct part_ctx *c, zip_file_t *f)
{
	struct xlsx_reader *r = c->r;

	for (;;) {
		zip_int64_t n = part_read(r, f, c->part);

		if (n < 0)
			return -1;
		if (XML_Parse(c->p, r->chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (c->stopped)
				return 0;
			xml_fail(c);
			return -1;
		}
		if (c->stopped)
			return 0;
		if (n == 0)
			return 0;
	}
}

/* --- workbook.xml: the r:id of the first <sheet> --- */

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct workbook_ctx *w = ud;

	if (w->base.failed || w->base.stopped || strcmp(local_name(name), "sheet") != 0)
		return;
	for (size_t i = 0; atts[i] != NULL; i += 2) {
		/* r:id, whatever the prefix: a namespaced attribute named id */
		if (strchr(atts[i], NS_SEP) != NULL && strcmp(local_name(atts[i]), "id") == 0) {
			copy_bounded(w->rid, sizeof(w->rid), atts[i + 1]);
			w->found = w->rid[0] != '\0';
			break;
		}
	}
	w->base.stopped = 1;
	XML_StopParser(w->base.p, XML_FALSE);
}

/* --- workbook.xml.rels: the target of a relationship id --- */

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels_ctx *x = ud;
	const char *id, *target, *mode;

	if (x->base.failed || x->base.stopped || strcmp(local_name(name), "Relationship") != 0)
		return;
	id = attr_plain(atts, "Id");
	if (id == NULL || strcmp(id, x->rid) != 0)
		return;
	target = attr_plain(atts, "Target");
	mode = attr_plain(atts, "TargetMode");
	if (target != NULL && (mode == NULL || strcmp(mode, "External") != 0)) {
		copy_bounded(x->target, sizeof(x->target), target);
		x->found = x->target[0] != '\0';
	}
	x->base.stopped = 1;
	XML_StopParser(x->base.p, XML_FALSE);
}

/* Resolve a relationship target against the xl/ folder into a part name:
 * "/xl/a.xml" -> "xl/a.xml", "worksheets/s.xml" -> "xl/worksheets/s.xml",
 * with "." and ".." segments removed. Returns a new string or NULL. */
static char *resolve_target(const char *target)
{
	size_t cap = strlen(target) + 4, len = 0;
	char *out = xmalloc(cap);
	const char *s = target;

	if (*s == '/') {
		s++;
	} else {
		memcpy(out, "xl", 2);
		len = 2;
	}
	while (*s != '\0') {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n == 0 || (n == 1 && s[0] == '.')) {
			/* skip */
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash;

			out[len] = '\0';
			slash = strrchr(out, '/');
			len = slash ? (size_t)(slash - out) : 0;
		} else {
			if (len > 0)
				out[len++] = '/';
			memcpy(out + len, s, n);
			len += n;
		}
		s += n;
		if (*s == '/')
			s++;
	}
	out[len] = '\0';
	if (len == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Find the part name of the first worksheet. Returns 0 with r->sheet_part
 * set, -1 with r->err. */
static int find_sheet(struct xlsx_reader *r)
{
	struct workbook_ctx w;
	struct rels_ctx x;
	zip_file_t *f = NULL;
	XML_Parser p = NULL;
	int rc = -1;

	memset(&w, 0, sizeof(w));
	memset(&x, 0, sizeof(x));
	f = part_open(r, WORKBOOK_PART);
	if (f == NULL) {
		if (!r->failed)
			fail(r, IKM_EDATA,
			     "bukan berkas XLSX yang sah (tidak ada %s) / not a valid XLSX file",
			     WORKBOOK_PART);
		goto fail;
	}
	w.base.r = r;
	w.base.part = WORKBOOK_PART;
	p = parser_new(&w.base);
	XML_SetStartElementHandler(p, wb_start);
	if (part_parse(&w.base, f) != 0)
		goto fail;
	XML_ParserFree(p);
	p = NULL;
	zip_fclose(f);
	f = NULL;
	if (!w.base.stopped) {
		fail(r, IKM_EDATA,
		     "%s: tidak ada lembar kerja dalam buku kerja / workbook has no worksheet",
		     WORKBOOK_PART);
		goto fail;
	}

	if (w.found && (f = part_open(r, RELS_PART)) != NULL) {
		x.base.r = r;
		x.base.part = RELS_PART;
		x.rid = w.rid;
		p = parser_new(&x.base);
		XML_SetStartElementHandler(p, rels_start);
		if (part_parse(&x.base, f) != 0)
			goto fail;
		if (x.found) {
			char *part = resolve_target(x.target);

			if (part != NULL && part_exists(r, part))
				r->sheet_part = part;
			else
				free(part);
		}
	}
	if (r->failed)
		goto fail;
	if (r->sheet_part == NULL) {
		if (!part_exists(r, SHEET_DEFAULT)) {
			fail(r, IKM_EDATA,
			     "bukan berkas XLSX yang sah (lembar kerja pertama tidak ditemukan) / "
			     "not a valid XLSX file (first worksheet not found)");
			goto fail;
		}
		r->sheet_part = xstrdup(SHEET_DEFAULT);
	}
	rc = 0;
fail:
	if (p != NULL)
		XML_ParserFree(p);
	if (f != NULL)
		zip_fclose(f);
	return rc;
}

/* --- sharedStrings.xml --- */

static void sst_put(struct xlsx_reader *r, const char *s, size_t n)
{
	if (r->sst_len + n > r->sst_cap) {
		size_t cap = r->sst_cap ? r->sst_cap : 4096;

		while (cap < r->sst_len + n)
			cap *= 2;
		r->sst_buf = xrealloc(r->sst_buf, cap);
		r->sst_cap = cap;
	}
	memcpy(r->sst_buf + r->sst_len, s, n);
	r->sst_len += n;
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sst_ctx *s = ud;
	struct xlsx_reader *r = s->base.r;
	const char *ln = local_name(name);

	(void)atts;
	if (s->base.failed)
		return;
	if (strcmp(ln, "si") == 0) {
		if (r->sst_n >= XLSX_MAX_SST_COUNT) {
			fail(r, IKM_ELIMIT,
			     "%s: lebih dari %u shared string / too many shared strings",
			     s->base.part, (unsigned)XLSX_MAX_SST_COUNT);
			ctx_abort(&s->base);
			return;
		}
		if (r->sst_n + 1 >= r->sst_offcap) {
			r->sst_offcap = r->sst_offcap ? r->sst_offcap * 2 : 1024;
			r->sst_off = xreallocarray(r->sst_off, r->sst_offcap, sizeof(*r->sst_off));
		}
		r->sst_off[r->sst_n] = r->sst_len;
		s->in_si = 1;
		s->in_t = 0;
		s->in_rph = 0;
	} else if (s->in_si && strcmp(ln, "rPh") == 0) {
		s->in_rph++;
	} else if (s->in_si && strcmp(ln, "t") == 0) {
		s->in_t = 1;
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	struct sst_ctx *s = ud;
	struct xlsx_reader *r = s->base.r;
	const char *ln = local_name(name);

	if (s->base.failed || !s->in_si)
		return;
	if (strcmp(ln, "si") == 0) {
		sst_put(r, "", 1);
		r->sst_n++;
		r->sst_off[r->sst_n] = r->sst_len;
		s->in_si = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		if (s->in_rph > 0)
			s->in_rph--;
	} else if (strcmp(ln, "t") == 0) {
		s->in_t = 0;
	}
}

static void XMLCALL sst_text(void *ud, const XML_Char *text, int len)
{
	struct sst_ctx *s = ud;
	struct xlsx_reader *r = s->base.r;

	if (s->base.failed || !s->in_si || !s->in_t || s->in_rph > 0 || len <= 0)
		return;
	if (r->sst_len + (size_t)len > XLSX_MAX_SST_BYTES) {
		fail(r, IKM_ELIMIT,
		     "%s: teks shared string melebihi batas %u byte / shared strings exceed the "
		     "size limit",
		     s->base.part, (unsigned)XLSX_MAX_SST_BYTES);
		ctx_abort(&s->base);
		return;
	}
	sst_put(r, text, (size_t)len);
}

/* Load the shared strings, if the part exists. 0 or -1 with r->err. */
static int load_sst(struct xlsx_reader *r)
{
	struct sst_ctx s;
	zip_file_t *f;
	XML_Parser p;
	int rc;

	r->sst_offcap = 1;
	r->sst_off = xcalloc(1, sizeof(*r->sst_off));
	f = part_open(r, SST_PART);
	if (f == NULL)
		return r->failed ? -1 : 0;
	memset(&s, 0, sizeof(s));
	s.base.r = r;
	s.base.part = SST_PART;
	p = parser_new(&s.base);
	XML_SetElementHandler(p, sst_start, sst_end);
	XML_SetCharacterDataHandler(p, sst_text);
	rc = part_parse(&s.base, f);
	XML_ParserFree(p);
	zip_fclose(f);
	return rc;
}

/* --- the worksheet --- */

static void sheet_abort(struct xlsx_reader *r)
{
	ctx_abort(&r->ctx);
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
		fail(r, IKM_ELIMIT, "sel %s: teks sel melebihi %u byte / cell text too long", cn,
		     (unsigned)XLSX_MAX_CELL_BYTES);
		return -1;
	}
	if (r->rowlen + n + 1 > TABLE_MAX_ROW_BYTES) {
		fail(r, IKM_ELIMIT, "baris %llu: baris melebihi %u byte / row too long",
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
	const char *rs = attr_plain(atts, "r");
	uint64_t n;

	if (rs != NULL) {
		if (parse_uint(rs, UINT64_MAX / 2, &n) != 0 || n == 0) {
			fail(r, IKM_EDATA, "nomor baris tidak sah \"%.40s\" / invalid row number",
			     rs);
			sheet_abort(r);
			return;
		}
	} else {
		n = r->prev_row + 1;
	}
	if (n > XLSX_MAX_ROWS) {
		fail(r, IKM_ELIMIT, "baris %llu: melebihi batas %u baris / too many rows",
		     (unsigned long long)n, (unsigned)XLSX_MAX_ROWS);
		sheet_abort(r);
		return;
	}
	if (n <= r->prev_row) {
		fail(r, IKM_EDATA, "baris %llu muncul setelah baris %llu / rows out of order",
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
	const char *ref = attr_plain(atts, "r");
	const char *t = attr_plain(atts, "t");
	uint32_t col;

	if (ref != NULL) {
		if (parse_cell_ref(ref, &col) != 0) {
			fail(r, IKM_EDATA,
			     "baris %llu: referensi sel tidak sah \"%.40s\" / invalid cell "
			     "reference",
			     (unsigned long long)r->row_num, ref);
			sheet_abort(r);
			return;
		}
		if (col < r->next_col) {
			fail(r, IKM_EDATA,
			     "sel %.40s: sel tidak berurutan dalam baris %llu / cells out of order",
			     ref, (unsigned long long)r->row_num);
			sheet_abort(r);
			return;
		}
	} else {
		col = r->next_col;
		if (col >= MAX_COLS) {
			fail(r, IKM_EDATA,
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
		fail(r, IKM_EDATA,
		     "sel %s: indeks shared string tidak sah \"%.40s\" / invalid shared string "
		     "index",
		     cn, r->rowbuf + r->cell_start);
		return -1;
	}
	if (idx >= r->sst_n) {
		cell_name(r, r->col, cn);
		fail(
		    r, IKM_EDATA,
		    "sel %s: indeks shared string %llu di luar jangkauan (ada %zu) / shared string "
		    "index out of range",
		    cn, (unsigned long long)idx, r->sst_n);
		return -1;
	}
	off = r->sst_off[idx];
	len = r->sst_off[idx + 1] - off - 1;
	r->rowlen = r->cell_start;
	return cell_append(r, r->sst_buf + off, len);
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
		fail(r, IKM_ELIMIT, "sel %s: lebih dari %u kolom / too many columns", cn,
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
	const char *ln = local_name(name);

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
	const char *ln = local_name(name);

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
	r->sheet = part_open(r, r->sheet_part);
	if (r->sheet == NULL) {
		if (!r->failed)
			fail(r, IKM_EDATA, "%s: bagian tidak ditemukan / part not found",
			     r->sheet_part);
		return -1;
	}
	r->ctx.r = r;
	r->ctx.part = r->sheet_part;
	r->p = parser_new(&r->ctx);
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
			n = part_read(r, r->sheet, r->sheet_part);
			if (n < 0)
				return -1;
			r->last_final = n == 0;
			st = XML_Parse(r->p, r->chunk, (int)n, n == 0);
		}
		if (st == XML_STATUS_ERROR) {
			xml_fail(&r->ctx);
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
	if (find_sheet(r) != 0 || load_sst(r) != 0 || sheet_open(r) != 0)
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
		fail(r, IKM_EIO, "tidak dapat membuka berkas: %s / cannot open file",
		     zip_error_strerror(&ze));
	else
		fail(r, IKM_EDATA, "bukan berkas XLSX yang sah (%s) / not a valid XLSX file",
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
	free(r->sst_buf);
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
