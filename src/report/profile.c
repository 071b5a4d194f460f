/* profile: see profile.h. The file is read through inifile (lines over
 * PROFILE_LINE_MAX refused, indented lines noted: we refuse them). */
#include "profile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inifile.h"

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
    FIELD("tindak_lanjut", waktu, FIELD_TEXT),
    FIELD("tindak_lanjut", penanggung_jawab, FIELD_TEXT),
};

#define NFIELDS ((int)(sizeof(fields) / sizeof(fields[0])))

static const char *const sections[] = {"kop", "penandatangan", "survei", "tindak_lanjut"};

#define NSECTIONS ((int)(sizeof(sections) / sizeof(sections[0])))

static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

struct loader {
	struct inifile f; /* f.name is the path */
	size_t dirlen;    /* bytes of path up to and including its last '/' */
	struct profile *p;
	int seen[NFIELDS]; /* line where each field was given, 0 when not yet */
};

void profile_default(struct profile *p)
{
	memset(p, 0, sizeof(*p));
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
		return inifile_fail(&l->f, IKM_EDATA,
		                    "kunci '%.60s' berada di luar bagian; awali dengan [kop], "
		                    "[penandatangan], [survei] atau [tindak_lanjut] / key outside "
		                    "any section",
		                    key);
	if (s < 0)
		return inifile_fail(&l->f, IKM_EDATA,
		                    "bagian [%.60s] tidak dikenal; bagian yang dikenal: [kop], "
		                    "[penandatangan], [survei], [tindak_lanjut] / unknown section; "
		                    "known sections: [kop], [penandatangan], [survei], "
		                    "[tindak_lanjut]",
		                    section);
	list_keys(s, known, sizeof(known));
	return inifile_fail(&l->f, IKM_EDATA,
	                    "kunci '%.60s' tidak dikenal di bagian [%s]; kunci yang dikenal: %s / "
	                    "unknown key in [%s]; known keys: %s",
	                    key, sections[s], known, sections[s], known);
}

static int set_text(struct loader *l, const struct field *f, const char *value)
{
	char *dst = (char *)l->p + f->off;
	size_t len = strlen(value);

	if (!inifile_text_ok(value))
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "nilai '%s' bukan teks UTF-8 yang sah atau berisi karakter kendali "
		    "/ value is not valid UTF-8 or holds control characters",
		    f->key);
	if (len > f->size - 1)
		return inifile_fail(
		    &l->f, IKM_ELIMIT,
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
	if (!inifile_text_ok(value))
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "nilai 'logo' bukan teks UTF-8 yang sah / 'logo' is not valid UTF-8");
	if (prefix + add > f->size - 1)
		return inifile_fail(
		    &l->f, IKM_ELIMIT,
		    "jalur logo lebih dari %zu bita / logo path longer than %zu bytes", f->size - 1,
		    f->size - 1);
	memcpy(dst, l->f.name, prefix);
	memcpy(dst + prefix, value, add + 1);
	fp = fopen(dst, "rb");
	if (fp == NULL)
		return inifile_fail(&l->f, IKM_EIO,
		                    "logo '%s' tidak dapat dibuka: %s / cannot open the logo", dst,
		                    strerror(errno));
	got = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	if (got != sizeof(head) || memcmp(head, png_signature, sizeof(head)) != 0)
		return inifile_fail(&l->f, IKM_EDATA,
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
		return inifile_fail(
		    &l->f, IKM_EDATA,
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

	if (!inifile_value_ok(&l->f, "baris menjorok dibaca sebagai lanjutan nilai sebelumnya",
	                      "an indented line would continue the previous value"))
		return 0;
	i = find_field(section, name);
	if (i < 0)
		return unknown_name(l, section, name);
	f = &fields[i];
	if (l->seen[i] != 0)
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "kunci '%s' di bagian [%s] sudah diisi pada baris %d / key given "
		    "twice (first on line %d)",
		    f->key, f->section, l->seen[i], l->seen[i]);
	l->seen[i] = l->f.lineno;
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
	inifile_init(&l.f, path, PROFILE_LINE_MAX, err);
	l.p = p;
	slash = strrchr(path, '/');
	l.dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	l.f.fp = fopen(path, "r");
	if (l.f.fp == NULL)
		return err_set(
		    err, IKM_EIO,
		    "tidak dapat membuka berkas profil '%s': %s / cannot open the profile "
		    "file",
		    path, strerror(errno));
	rc = inifile_parse(&l.f, on_value, &l);
	if (rc != 0 && rc != -1)
		err_set(err, IKM_EIO, "%s: gagal mengurai berkas (%d) / parse failure", path, rc);
	fclose(l.f.fp);
	if (rc != 0) {
		profile_default(p);
		return -1;
	}
	return 0;
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
