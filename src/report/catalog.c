/* catalog: see catalog.h. Parsing goes through inih's ini_parse_stream with
 * an own line reader (over the embedded text or a file), because inih's
 * handler is told no line number and would cut an over-long line instead of
 * refusing it; the reader also notes indented lines, which inih would
 * silently glue to the previous item (we refuse them). */
#include "catalog.h"

#include <errno.h>
#include <ini.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* [umum] and the nine element ids of PermenPAN-RB 14/2017, questionnaire order. */
static const char *const sections[] = {
    "umum",   "persyaratan", "prosedur", "waktu",  "biaya",
    "produk", "kompetensi",  "perilaku", "sarana", "pengaduan",
};

#define NSECTIONS ((int)(sizeof(sections) / sizeof(sections[0])))
#define NKINDS    2

static const char *const kind_keys[NKINDS] = {"rekomendasi", "tindak_lanjut"};

static const char default_name[] = "katalog bawaan (share/rekomendasi.ini)";

struct catalog {
	char *items[NSECTIONS][NKINDS][CATALOG_MAX_ITEMS];
	int n[NSECTIONS][NKINDS];
};

struct loader {
	const char *name; /* file name for messages */
	FILE *fp;         /* the file, or NULL to read s */
	const char *s;    /* the rest of an in-memory text */
	struct catalog *c;
	struct ikm_err *err;
	int lineno;                             /* line the reader handed to inih last */
	int indented;                           /* that line begins with a blank */
	int err_line;                           /* line of the error in err, 0 when none */
	unsigned char given[NSECTIONS][NKINDS]; /* this text has replaced the list */
};

/* libinih in Debian sizes its line buffer by the global ini_max_line
 * (default 200); raise it once so our own limit is the one that applies. */
static pthread_once_t ini_once = PTHREAD_ONCE_INIT;

static void ini_raise_limit(void)
{
	if (ini_max_line < CATALOG_LINE_MAX + 3)
		ini_max_line = CATALOG_LINE_MAX + 3;
}

/* Record an error at the current line; returns 0 (inih: handler failed). */
static int fail_at(struct loader *l, enum ikm_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(struct loader *l, enum ikm_err_kind kind, const char *fmt, ...)
{
	char msg[IKM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (l->err_line == 0) {
		err_set(l->err, kind, "%s:%d: %s", l->name, l->lineno, msg);
		l->err_line = l->lineno;
	}
	return 0;
}

static int next_byte(struct loader *l)
{
	if (l->fp != NULL)
		return getc(l->fp);
	if (*l->s == '\0')
		return EOF;
	return (unsigned char)*l->s++;
}

/* ini_reader: one physical line into buf (inih's buffer of num bytes). */
static char *read_line(char *buf, int num, void *stream)
{
	struct loader *l = stream;
	size_t n = 0, cap;
	int c, over = 0, nul = 0;

	if (l->err_line != 0 || num < 3)
		return NULL;
	cap = (size_t)num - 2; /* room for '\n' and the NUL */
	if (cap > CATALOG_LINE_MAX)
		cap = CATALOG_LINE_MAX;
	while ((c = next_byte(l)) != EOF && c != '\n') {
		if (c == '\0')
			nul = 1;
		if (n < cap)
			buf[n++] = (char)c;
		else
			over = 1;
	}
	if (c == EOF && n == 0 && !over)
		return NULL;
	l->lineno++;
	if (over)
		fail_at(l, IKM_ELIMIT, "baris lebih dari %zu bita / line longer than %zu bytes",
		        cap, cap);
	else if (nul)
		fail_at(l, IKM_EDATA, "baris berisi byte NUL / line contains a NUL byte");
	if (l->err_line != 0)
		n = 0; /* hand inih an empty line; the next call ends the parse */
	buf[n] = '\n';
	buf[n + 1] = '\0';
	l->indented = buf[0] == ' ' || buf[0] == '\t';
	return buf;
}

/* 1 when s is valid UTF-8 without control characters. */
static int text_ok(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u != '\0') {
		unsigned long cp, min;
		int more;

		if (*u < 0x80) {
			if (*u < 0x20 || *u == 0x7f)
				return 0;
			u++;
			continue;
		}
		if (*u >= 0xc2 && *u <= 0xdf) {
			more = 1, cp = *u & 0x1fu, min = 0x80;
		} else if ((*u & 0xf0) == 0xe0) {
			more = 2, cp = *u & 0x0fu, min = 0x800;
		} else if (*u >= 0xf0 && *u <= 0xf4) {
			more = 3, cp = *u & 0x07u, min = 0x10000;
		} else {
			return 0;
		}
		for (int i = 1; i <= more; i++) {
			if ((u[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (u[i] & 0x3fu);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		u += more + 1;
	}
	return 1;
}

static int section_index(const char *section)
{
	for (int i = 0; i < NSECTIONS; i++)
		if (strcasecmp(sections[i], section) == 0)
			return i;
	return -1;
}

static void clear_list(struct catalog *c, int s, int k)
{
	for (int i = 0; i < c->n[s][k]; i++)
		free(c->items[s][k][i]);
	c->n[s][k] = 0;
}

/* ini_handler: one `rekomendasi = ...` or `tindak_lanjut = ...` line. */
static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct loader *l = user;
	struct catalog *c = l->c;
	size_t len = strlen(value);
	int s, k;

	if (l->err_line != 0)
		return 0;
	if (l->indented)
		return fail_at(
		    l, IKM_EDATA,
		    "baris diawali spasi atau tab; hapus spasi di awal baris (satu butir "
		    "satu baris) / the line starts with blanks; remove them (one item per "
		    "line)");
	s = section_index(section);
	if (s < 0 && section[0] == '\0')
		return fail_at(l, IKM_EDATA,
		               "kunci '%.60s' berada di luar bagian; awali dengan [umum] atau [id "
		               "unsur] / key outside any section",
		               name);
	if (s < 0)
		return fail_at(
		    l, IKM_EDATA,
		    "bagian [%.60s] tidak dikenal; bagian yang dikenal: [umum], "
		    "[persyaratan], [prosedur], [waktu], [biaya], [produk], [kompetensi], "
		    "[perilaku], [sarana], [pengaduan] / unknown section (known: umum and "
		    "the nine element ids)",
		    section);
	for (k = 0; k < NKINDS; k++)
		if (strcasecmp(kind_keys[k], name) == 0)
			break;
	if (k == NKINDS)
		return fail_at(l, IKM_EDATA,
		               "kunci '%.60s' tidak dikenal di bagian [%s]; kunci yang dikenal: "
		               "rekomendasi, tindak_lanjut / unknown key; known keys: rekomendasi, "
		               "tindak_lanjut",
		               name, sections[s]);
	if (len == 0)
		return fail_at(l, IKM_EDATA, "butir %s kosong / empty item", kind_keys[k]);
	if (!text_ok(value))
		return fail_at(l, IKM_EDATA,
		               "butir %s bukan teks UTF-8 yang sah atau berisi karakter kendali / "
		               "item is not valid UTF-8 or holds control characters",
		               kind_keys[k]);
	if (len > CATALOG_ITEM_MAX)
		return fail_at(l, IKM_ELIMIT,
		               "butir %s di bagian [%s] lebih dari %d bita / item longer than %d "
		               "bytes",
		               kind_keys[k], sections[s], CATALOG_ITEM_MAX, CATALOG_ITEM_MAX);
	if (!l->given[s][k]) {
		clear_list(c, s, k); /* a file's list replaces the default's */
		l->given[s][k] = 1;
	}
	if (c->n[s][k] >= CATALOG_MAX_ITEMS)
		return fail_at(l, IKM_ELIMIT,
		               "lebih dari %d butir %s di bagian [%s] / more than %d %s items in "
		               "[%s]",
		               CATALOG_MAX_ITEMS, kind_keys[k], sections[s], CATALOG_MAX_ITEMS,
		               kind_keys[k], sections[s]);
	c->items[s][k][c->n[s][k]++] = xstrdup(value);
	return 1;
}

/* Parse one text (l->fp or l->s) into l->c. */
static int parse(struct loader *l)
{
	int rc;

	pthread_once(&ini_once, ini_raise_limit);
	rc = ini_parse_stream(read_line, l, on_value, l);
	if (l->err_line == 0 && l->fp != NULL && ferror(l->fp))
		return err_set(l->err, IKM_EIO, "%s: gagal membaca berkas / read error", l->name);
	if (rc > 0 && (l->err_line == 0 || rc < l->err_line))
		return err_set(l->err, IKM_EDATA,
		               "%s:%d: baris tidak dikenali; tulis [bagian], kunci = nilai, atau "
		               "komentar berawalan ';' / malformed line: expected [section], key = "
		               "value or a ';' comment",
		               l->name, rc);
	if (l->err_line != 0)
		return -1;
	if (rc != 0)
		return err_set(l->err, IKM_EIO, "%s: gagal mengurai (%d) / parse failure", l->name,
		               rc);
	return 0;
}

int catalog_load_default(struct catalog **out, struct ikm_err *err)
{
	struct catalog *c = xcalloc(1, sizeof(*c));
	struct loader l;

	*out = NULL;
	memset(&l, 0, sizeof(l));
	l.name = default_name;
	l.s = catalog_default_text;
	l.c = c;
	l.err = err;
	if (parse(&l) != 0)
		goto fail;
	*out = c;
	return 0;
fail:
	catalog_free(c);
	return -1;
}

int catalog_load_file(const char *path, struct catalog **out, struct ikm_err *err)
{
	struct catalog *c = NULL;
	struct loader l;

	*out = NULL;
	if (catalog_load_default(&c, err) != 0)
		return -1;
	memset(&l, 0, sizeof(l));
	l.name = path;
	l.c = c;
	l.err = err;
	l.fp = fopen(path, "r");
	if (l.fp == NULL) {
		err_set(err, IKM_EIO,
		        "tidak dapat membuka berkas katalog rekomendasi '%s': %s / cannot open the "
		        "recommendation catalog",
		        path, strerror(errno));
		goto fail;
	}
	if (parse(&l) != 0)
		goto fail;
	fclose(l.fp);
	*out = c;
	return 0;
fail:
	if (l.fp != NULL)
		fclose(l.fp);
	catalog_free(c);
	return -1;
}

int catalog_items(const struct catalog *c, const char *section, enum catalog_kind kind,
                  const char *const **items)
{
	int s = section_index(section);

	if (s < 0 || (int)kind < 0 || (int)kind >= NKINDS) {
		if (items != NULL)
			*items = NULL;
		return 0;
	}
	if (items != NULL)
		*items = (const char *const *)c->items[s][kind];
	return c->n[s][kind];
}

void catalog_free(struct catalog *c)
{
	if (c == NULL)
		return;
	for (int s = 0; s < NSECTIONS; s++)
		for (int k = 0; k < NKINDS; k++)
			clear_list(c, s, k);
	free(c);
}
