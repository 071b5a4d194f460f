/* profile: see profile.h. The file goes through inih's ini_parse_stream with
 * an own line reader, because inih's handler is told no line number and
 * would cut an over-long line instead of refusing it: the reader counts
 * lines, refuses lines over PROFILE_LINE_MAX and notes indented lines, which
 * inih would silently glue to the previous value (we refuse them). */
#include "profile.h"

#include <errno.h>
#include <stdarg.h>
#include <ini.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum field_kind { FIELD_TEXT, FIELD_LOGO, FIELD_NUMBER };

struct field {
	const char *section;
	const char *key;
	enum field_kind kind;
	size_t off;  /* offset of the char array in struct profile (FIELD_NUMBER: unused) */
	size_t size; /* its size: the limit + 1 */
};

#define FIELD(sec, name, kind)                                                                     \
	{                                                                                          \
		sec, #name, kind, offsetof(struct profile, name),                                  \
		    sizeof(((struct profile *)NULL)->name)                                         \
	}

static const struct field fields[] = {
    FIELD("kop", pemerintah, FIELD_TEXT),
    FIELD("kop", instansi, FIELD_TEXT),
    FIELD("kop", alamat, FIELD_TEXT),
    FIELD("kop", telepon, FIELD_TEXT),
    FIELD("kop", faks, FIELD_TEXT),
    FIELD("kop", situs, FIELD_TEXT),
    FIELD("kop", surel, FIELD_TEXT),
    FIELD("kop", logo, FIELD_LOGO),
    FIELD("penandatangan", kota, FIELD_TEXT),
    FIELD("penandatangan", nama, FIELD_TEXT),
    FIELD("penandatangan", pangkat, FIELD_TEXT),
    FIELD("penandatangan", nip, FIELD_TEXT),
    FIELD("penandatangan", jabatan, FIELD_TEXT),
    FIELD("survei", unit, FIELD_TEXT),
    FIELD("survei", metode, FIELD_TEXT),
    FIELD("survei", lokasi, FIELD_TEXT),
    FIELD("survei", tim, FIELD_TEXT),
    {"survei", "populasi", FIELD_NUMBER, 0, 0},
};

#define NFIELDS ((int)(sizeof(fields) / sizeof(fields[0])))

static const char *const sections[] = {"kop", "penandatangan", "survei"};

#define NSECTIONS ((int)(sizeof(sections) / sizeof(sections[0])))

static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

struct loader {
	const char *path;
	FILE *fp;
	size_t dirlen; /* bytes of path up to and including its last '/' */
	struct profile *p;
	struct ikm_err *err;
	int lineno;        /* line the reader handed to inih last */
	int indented;      /* that line begins with a blank */
	int err_line;      /* line of the error in err, 0 when none */
	int seen[NFIELDS]; /* line where each field was given, 0 when not yet */
};

/* libinih in Debian sizes its line buffer by the global ini_max_line
 * (default 200); raise it once so our own limit is the one that applies. */
static pthread_once_t ini_once = PTHREAD_ONCE_INIT;

static void ini_raise_limit(void)
{
	if (ini_max_line < PROFILE_LINE_MAX + 3)
		ini_max_line = PROFILE_LINE_MAX + 3;
}

void profile_default(struct profile *p)
{
	memset(p, 0, sizeof(*p));
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
		err_set(l->err, kind, "%s:%d: %s", l->path, l->lineno, msg);
		l->err_line = l->lineno;
	}
	return 0;
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
	if (cap > PROFILE_LINE_MAX)
		cap = PROFILE_LINE_MAX;
	while ((c = getc(l->fp)) != EOF && c != '\n') {
		if (c == '\0')
			nul = 1;
		if (n < cap)
			buf[n++] = (char)c;
		else
			over = 1;
	}
	if (c == EOF && n == 0 && !over && !nul)
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

static int find_field(const char *section, const char *key)
{
	for (int i = 0; i < NFIELDS; i++)
		if (strcasecmp(fields[i].section, section) == 0 &&
		    strcasecmp(fields[i].key, key) == 0)
			return i;
	return -1;
}

static int known_section(const char *section)
{
	for (int i = 0; i < NSECTIONS; i++)
		if (strcasecmp(sections[i], section) == 0)
			return i;
	return -1;
}

/* "a, b, c": the keys of sections[s]. */
static void list_keys(int s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < NFIELDS && len < size; i++) {
		if (strcmp(fields[i].section, sections[s]) != 0)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len > 0 ? ", " : "",
		                        fields[i].key);
	}
}

static int unknown_name(struct loader *l, const char *section, const char *key)
{
	char known[256];
	int s = known_section(section);

	if (section[0] == '\0')
		return fail_at(l, IKM_EDATA,
		               "kunci '%.60s' berada di luar bagian; awali dengan [kop], "
		               "[penandatangan] atau [survei] / key outside any section",
		               key);
	if (s < 0)
		return fail_at(l, IKM_EDATA,
		               "bagian [%.60s] tidak dikenal; bagian yang dikenal: [kop], "
		               "[penandatangan], [survei] / unknown section; known sections: "
		               "[kop], [penandatangan], [survei]",
		               section);
	list_keys(s, known, sizeof(known));
	return fail_at(l, IKM_EDATA,
	               "kunci '%.60s' tidak dikenal di bagian [%s]; kunci yang dikenal: %s / "
	               "unknown key in [%s]; known keys: %s",
	               key, sections[s], known, sections[s], known);
}

static int set_text(struct loader *l, const struct field *f, const char *value)
{
	char *dst = (char *)l->p + f->off;
	size_t len = strlen(value);

	if (!text_ok(value))
		return fail_at(l, IKM_EDATA,
		               "nilai '%s' bukan teks UTF-8 yang sah atau berisi karakter kendali "
		               "/ value is not valid UTF-8 or holds control characters",
		               f->key);
	if (len > f->size - 1)
		return fail_at(
		    l, IKM_ELIMIT,
		    "nilai '%s' di bagian [%s] lebih dari %zu bita / value of '%s' in [%s] "
		    "is longer than %zu bytes",
		    f->key, f->section, f->size - 1, f->key, f->section, f->size - 1);
	memcpy(dst, value, len + 1);
	return 1;
}

static int set_logo(struct loader *l, const struct field *f, const char *value)
{
	unsigned char head[sizeof(png_signature)];
	char *dst = (char *)l->p + f->off;
	size_t prefix = value[0] == '/' ? 0 : l->dirlen, add = strlen(value);
	FILE *fp;
	size_t got;

	if (value[0] == '\0')
		return 1;
	if (!text_ok(value))
		return fail_at(
		    l, IKM_EDATA,
		    "nilai 'logo' bukan teks UTF-8 yang sah / 'logo' is not valid UTF-8");
	if (prefix + add > f->size - 1)
		return fail_at(l, IKM_ELIMIT,
		               "jalur logo lebih dari %zu bita / logo path longer than %zu bytes",
		               f->size - 1, f->size - 1);
	memcpy(dst, l->path, prefix);
	memcpy(dst + prefix, value, add + 1);
	fp = fopen(dst, "rb");
	if (fp == NULL)
		return fail_at(l, IKM_EIO,
		               "logo '%s' tidak dapat dibuka: %s / cannot open the logo", dst,
		               strerror(errno));
	got = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	if (got != sizeof(head) || memcmp(head, png_signature, sizeof(head)) != 0)
		return fail_at(l, IKM_EDATA,
		               "logo '%s' bukan berkas PNG / the logo is not a PNG file", dst);
	return 1;
}

static int set_number(struct loader *l, const struct field *f, const char *value)
{
	char *end;
	long long v;

	if (value[0] == '\0')
		return 1;
	errno = 0;
	v = strtoll(value, &end, 10);
	if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno == ERANGE || v < 1 ||
	    v > PROFILE_POPULASI_MAX)
		return fail_at(l, IKM_EDATA,
		               "%s '%.40s' harus bilangan bulat 1..%lld tanpa pemisah ribuan / "
		               "%s must be a whole number 1..%lld without thousands separators",
		               f->key, value, PROFILE_POPULASI_MAX, f->key, PROFILE_POPULASI_MAX);
	l->p->populasi = v;
	return 1;
}

/* ini_handler: one key = value. */
static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct loader *l = user;
	const struct field *f;
	int i;

	if (l->err_line != 0)
		return 0;
	if (l->indented)
		return fail_at(
		    l, IKM_EDATA,
		    "baris diawali spasi atau tab; hapus spasi di awal baris (baris menjorok "
		    "dibaca sebagai lanjutan nilai sebelumnya) / the line starts with blanks; "
		    "remove them (an indented line would continue the previous value)");
	i = find_field(section, name);
	if (i < 0)
		return unknown_name(l, section, name);
	f = &fields[i];
	if (l->seen[i] != 0)
		return fail_at(l, IKM_EDATA,
		               "kunci '%s' di bagian [%s] sudah diisi pada baris %d / key given "
		               "twice (first on line %d)",
		               f->key, f->section, l->seen[i], l->seen[i]);
	l->seen[i] = l->lineno;
	switch (f->kind) {
	case FIELD_TEXT:
		return set_text(l, f, value);
	case FIELD_LOGO:
		return set_logo(l, f, value);
	case FIELD_NUMBER:
		return set_number(l, f, value);
	}
	return 0;
}

int profile_load(const char *path, struct profile *p, struct ikm_err *err)
{
	struct loader l;
	const char *slash;
	int rc;

	profile_default(p);
	memset(&l, 0, sizeof(l));
	l.path = path;
	l.p = p;
	l.err = err;
	slash = strrchr(path, '/');
	l.dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	pthread_once(&ini_once, ini_raise_limit);
	l.fp = fopen(path, "r");
	if (l.fp == NULL)
		return err_set(
		    err, IKM_EIO,
		    "tidak dapat membuka berkas profil '%s': %s / cannot open the profile "
		    "file",
		    path, strerror(errno));
	rc = ini_parse_stream(read_line, &l, on_value, &l);
	if (l.err_line == 0 && ferror(l.fp)) {
		err_set(err, IKM_EIO, "%s: gagal membaca berkas / read error", path);
		goto fail;
	}
	if (rc > 0 && (l.err_line == 0 || rc < l.err_line)) {
		err_set(err, IKM_EDATA,
		        "%s:%d: baris tidak dikenali; tulis [bagian], kunci = nilai, atau komentar "
		        "berawalan ';' / malformed line: expected [section], key = value or a ';' "
		        "comment",
		        path, rc);
		goto fail;
	}
	if (l.err_line != 0)
		goto fail;
	if (rc != 0) {
		err_set(err, IKM_EIO, "%s: gagal mengurai berkas (%d) / parse failure", path, rc);
		goto fail;
	}
	fclose(l.fp);
	return 0;
fail:
	fclose(l.fp);
	profile_default(p);
	return -1;
}

size_t profile_phone_line(const struct profile *p, char *buf, size_t size)
{
	const char *t = p->telepon, *f = p->faks;
	int n;

	if (t[0] != '\0' && f[0] != '\0' && strcmp(t, f) == 0)
		n = snprintf(buf, size, "Telp./Fax. %s", t);
	else if (t[0] != '\0' && f[0] != '\0')
		n = snprintf(buf, size, "Telp. %s  Faks. %s", t, f);
	else if (t[0] != '\0')
		n = snprintf(buf, size, "Telp. %s", t);
	else if (f[0] != '\0')
		n = snprintf(buf, size, "Faks. %s", f);
	else
		n = snprintf(buf, size, "%s", "");
	return n > 0 ? (size_t)n : 0;
}

size_t profile_web_line(const struct profile *p, char *buf, size_t size)
{
	const char *w = p->situs, *e = p->surel;
	int n;

	if (w[0] != '\0' && e[0] != '\0')
		n = snprintf(buf, size, "Website: %s  Email: %s", w, e);
	else if (w[0] != '\0')
		n = snprintf(buf, size, "Website: %s", w);
	else if (e[0] != '\0')
		n = snprintf(buf, size, "Email: %s", e);
	else
		n = snprintf(buf, size, "%s", "");
	return n > 0 ? (size_t)n : 0;
}
