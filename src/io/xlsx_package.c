/* xlsx_package: the package side of the XLSX reader. Opens and reads parts
 * of the ZIP with libzip, parses each XML part with a namespace-aware expat
 * parser that refuses any DOCTYPE, finds the first worksheet via
 * xl/workbook.xml and xl/_rels/workbook.xml.rels, and loads the shared
 * strings of xl/sharedStrings.xml into the reader. The worksheet itself is
 * streamed by xlsx.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "xlsx_int.h"

#define NS_SEP        ' '  /* expat namespace separator: never in a name or URI */
#define MAX_PATH_LEN  1024 /* limit: part names taken from the rels file */
#define MAX_RID_LEN   256  /* limit: relationship id of the first sheet */
#define SHEET_DEFAULT "xl/worksheets/sheet1.xml"
#define WORKBOOK_PART "xl/workbook.xml"
#define RELS_PART     "xl/_rels/workbook.xml.rels"
#define SST_PART      "xl/sharedStrings.xml"

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

/* Record an error "name: message" in r->err. */
void xlsx_fail(struct xlsx_reader *r, enum ikm_err_kind kind, const char *fmt, ...)
{
	char msg[IKM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(&r->err, kind, "%s: %s", r->name, msg);
	r->failed = 1;
}

/* Abort the parser of ctx after xlsx_fail() has been called. */
void xlsx_ctx_abort(struct part_ctx *c)
{
	c->failed = 1;
	XML_StopParser(c->p, XML_FALSE);
}

/* The local part of an expat name "uri<sep>local" (or "local"). */
const char *xlsx_local_name(const char *name)
{
	const char *s = strrchr(name, NS_SEP);

	return s ? s + 1 : name;
}

/* Value of the attribute without namespace called name, or NULL. */
const char *xlsx_attr_plain(const char **atts, const char *name)
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
	xlsx_fail(c->r, IKM_EDATA, "%s: DTD tidak diizinkan / DTD not allowed", c->part);
	xlsx_ctx_abort(c);
}

XML_Parser xlsx_parser_new(struct part_ctx *c)
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
zip_file_t *xlsx_part_open(struct xlsx_reader *r, const char *part)
{
	zip_int64_t idx = zip_name_locate(r->za, part, ZIP_FL_NOCASE);
	zip_file_t *f;

	if (idx < 0)
		return NULL;
	f = zip_fopen_index(r->za, (zip_uint64_t)idx, 0);
	if (f == NULL)
		xlsx_fail(r, IKM_EDATA, "%s: tidak dapat membuka bagian: %s / cannot open part",
		          part, zip_error_strerror(zip_get_error(r->za)));
	return f;
}

static int part_exists(struct xlsx_reader *r, const char *part)
{
	return zip_name_locate(r->za, part, ZIP_FL_NOCASE) >= 0;
}

/* Report an XML error of the parser of c (unless a handler already did). */
void xlsx_xml_fail(struct part_ctx *c)
{
	if (c->failed)
		return;
	xlsx_fail(c->r, IKM_EDATA, "%s baris %lu: XML tidak sah (%s) / invalid XML", c->part,
	          (unsigned long)XML_GetCurrentLineNumber(c->p),
	          XML_ErrorString(XML_GetErrorCode(c->p)));
	c->failed = 1;
}

/* Read a chunk of f; returns bytes read, -1 with r->err set on error. */
zip_int64_t xlsx_part_read(struct xlsx_reader *r, zip_file_t *f, const char *part)
{
	zip_int64_t n = zip_fread(f, r->chunk, CHUNK_BYTES);

	if (n < 0) {
		xlsx_fail(r, IKM_EDATA, "%s: berkas XLSX rusak (%s) / corrupt XLSX file", part,
		          zip_error_strerror(zip_file_get_error(f)));
		return -1;
	}
	r->unpacked += (uint64_t)n;
	if (r->unpacked > XLSX_MAX_UNPACKED) {
		xlsx_fail(r, IKM_ELIMIT,
		          "%s: isi berkas setelah dibuka melebihi %llu MiB / the file unpacks to "
		          "more than %llu MiB",
		          part, XLSX_MAX_UNPACKED >> 20, XLSX_MAX_UNPACKED >> 20);
		return -1;
	}
	return n;
}

/* Parse a whole part with the parser of c (handlers already set). A handler
 * may stop early by setting c->stopped. Returns 0 or -1 with r->err. */
static int part_parse(struct part_ctx *c, zip_file_t *f)
{
	struct xlsx_reader *r = c->r;

	for (;;) {
		zip_int64_t n = xlsx_part_read(r, f, c->part);

		if (n < 0)
			return -1;
		if (XML_Parse(c->p, r->chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (c->stopped)
				return 0;
			xlsx_xml_fail(c);
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

	if (w->base.failed || w->base.stopped || strcmp(xlsx_local_name(name), "sheet") != 0)
		return;
	for (size_t i = 0; atts[i] != NULL; i += 2) {
		/* r:id, whatever the prefix: a namespaced attribute named id */
		if (strchr(atts[i], NS_SEP) != NULL &&
		    strcmp(xlsx_local_name(atts[i]), "id") == 0) {
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

	if (x->base.failed || x->base.stopped || strcmp(xlsx_local_name(name), "Relationship") != 0)
		return;
	id = xlsx_attr_plain(atts, "Id");
	if (id == NULL || strcmp(id, x->rid) != 0)
		return;
	target = xlsx_attr_plain(atts, "Target");
	mode = xlsx_attr_plain(atts, "TargetMode");
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
int xlsx_find_sheet(struct xlsx_reader *r)
{
	struct workbook_ctx w;
	struct rels_ctx x;
	zip_file_t *f = NULL;
	XML_Parser p = NULL;
	int rc = -1;

	memset(&w, 0, sizeof(w));
	memset(&x, 0, sizeof(x));
	f = xlsx_part_open(r, WORKBOOK_PART);
	if (f == NULL) {
		if (!r->failed)
			xlsx_fail(
			    r, IKM_EDATA,
			    "bukan berkas XLSX yang sah (tidak ada %s) / not a valid XLSX file",
			    WORKBOOK_PART);
		goto fail;
	}
	w.base.r = r;
	w.base.part = WORKBOOK_PART;
	p = xlsx_parser_new(&w.base);
	XML_SetStartElementHandler(p, wb_start);
	if (part_parse(&w.base, f) != 0)
		goto fail;
	XML_ParserFree(p);
	p = NULL;
	zip_fclose(f);
	f = NULL;
	if (!w.base.stopped) {
		xlsx_fail(r, IKM_EDATA,
		          "%s: tidak ada lembar kerja dalam buku kerja / workbook has no worksheet",
		          WORKBOOK_PART);
		goto fail;
	}

	if (w.found && (f = xlsx_part_open(r, RELS_PART)) != NULL) {
		x.base.r = r;
		x.base.part = RELS_PART;
		x.rid = w.rid;
		p = xlsx_parser_new(&x.base);
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
			xlsx_fail(
			    r, IKM_EDATA,
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

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sst_ctx *s = ud;
	struct xlsx_reader *r = s->base.r;
	const char *ln = xlsx_local_name(name);

	(void)atts;
	if (s->base.failed)
		return;
	if (strcmp(ln, "si") == 0) {
		if (r->sst_n >= XLSX_MAX_SST_COUNT) {
			xlsx_fail(r, IKM_ELIMIT,
			          "%s: lebih dari %u shared string / too many shared strings",
			          s->base.part, (unsigned)XLSX_MAX_SST_COUNT);
			xlsx_ctx_abort(&s->base);
			return;
		}
		if (r->sst_n + 1 >= r->sst_offcap) {
			r->sst_offcap = r->sst_offcap ? r->sst_offcap * 2 : 1024;
			r->sst_off = xreallocarray(r->sst_off, r->sst_offcap, sizeof(*r->sst_off));
		}
		r->sst_off[r->sst_n] = r->sst.len;
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
	const char *ln = xlsx_local_name(name);

	if (s->base.failed || !s->in_si)
		return;
	if (strcmp(ln, "si") == 0) {
		bytebuf_add(&r->sst, "", 1);
		r->sst_n++;
		r->sst_off[r->sst_n] = r->sst.len;
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
	if (r->sst.len + (size_t)len > XLSX_MAX_SST_BYTES) {
		xlsx_fail(
		    r, IKM_ELIMIT,
		    "%s: teks shared string melebihi batas %u byte / shared strings exceed the "
		    "size limit",
		    s->base.part, (unsigned)XLSX_MAX_SST_BYTES);
		xlsx_ctx_abort(&s->base);
		return;
	}
	bytebuf_add(&r->sst, text, (size_t)len);
}

/* Load the shared strings, if the part exists. 0 or -1 with r->err. */
int xlsx_load_sst(struct xlsx_reader *r)
{
	struct sst_ctx s;
	zip_file_t *f;
	XML_Parser p;
	int rc;

	r->sst_offcap = 1;
	r->sst_off = xcalloc(1, sizeof(*r->sst_off));
	f = xlsx_part_open(r, SST_PART);
	if (f == NULL)
		return r->failed ? -1 : 0;
	memset(&s, 0, sizeof(s));
	s.base.r = r;
	s.base.part = SST_PART;
	p = xlsx_parser_new(&s.base);
	XML_SetElementHandler(p, sst_start, sst_end);
	XML_SetCharacterDataHandler(p, sst_text);
	rc = part_parse(&s.base, f);
	XML_ParserFree(p);
	zip_fclose(f);
	return rc;
}
