/* catalog: see catalog.h. The embedded text or a file is read through
 * inifile (lines over CATALOG_LINE_MAX refused, indented lines noted: we
 * refuse them, one item per line). */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inifile.h"
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
	struct inifile f;
	struct catalog *c;
	unsigned char given[NSECTIONS][NKINDS]; /* this text has replaced the list */
};

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

	if (!inifile_value_ok(&l->f, "satu butir satu baris", "one item per line"))
		return 0;
	s = section_index(section);
	if (s < 0 && section[0] == '\0')
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "kunci '%.60s' berada di luar bagian; awali dengan [umum] atau [id "
		    "unsur] / key outside any section",
		    name);
	if (s < 0)
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "bagian [%.60s] tidak dikenal; bagian yang dikenal: [umum], "
		    "[persyaratan], [prosedur], [waktu], [biaya], [produk], [kompetensi], "
		    "[perilaku], [sarana], [pengaduan] / unknown section (known: umum and "
		    "the nine element ids)",
		    section);
	for (k = 0; k < NKINDS; k++)
		if (strcasecmp(kind_keys[k], name) == 0)
			break;
	if (k == NKINDS)
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "kunci '%.60s' tidak dikenal di bagian [%s]; kunci yang dikenal: "
		    "rekomendasi, tindak_lanjut / unknown key; known keys: rekomendasi, "
		    "tindak_lanjut",
		    name, sections[s]);
	if (len == 0)
		return inifile_fail(&l->f, IKM_EDATA, "butir %s kosong / empty item", kind_keys[k]);
	if (!inifile_text_ok(value))
		return inifile_fail(
		    &l->f, IKM_EDATA,
		    "butir %s bukan teks UTF-8 yang sah atau berisi karakter kendali / "
		    "item is not valid UTF-8 or holds control characters",
		    kind_keys[k]);
	if (len > CATALOG_ITEM_MAX)
		return inifile_fail(
		    &l->f, IKM_ELIMIT,
		    "butir %s di bagian [%s] lebih dari %d bita / item longer than %d "
		    "bytes",
		    kind_keys[k], sections[s], CATALOG_ITEM_MAX, CATALOG_ITEM_MAX);
	if (!l->given[s][k]) {
		clear_list(c, s, k); /* a file's list replaces the default's */
		l->given[s][k] = 1;
	}
	if (c->n[s][k] >= CATALOG_MAX_ITEMS)
		return inifile_fail(
		    &l->f, IKM_ELIMIT,
		    "lebih dari %d butir %s di bagian [%s] / more than %d %s items in "
		    "[%s]",
		    CATALOG_MAX_ITEMS, kind_keys[k], sections[s], CATALOG_MAX_ITEMS, kind_keys[k],
		    sections[s]);
	c->items[s][k][c->n[s][k]++] = xstrdup(value);
	return 1;
}

/* Parse one text (l->f) into l->c. */
static int parse(struct loader *l)
{
	int rc = inifile_parse(&l->f, on_value, l);

	if (rc != 0 && rc != -1)
		return err_set(l->f.err, IKM_EIO, "%s: gagal mengurai (%d) / parse failure",
		               l->f.name, rc);
	return rc;
}

int catalog_load_default(struct catalog **out, struct ikm_err *err)
{
	struct catalog *c = xcalloc(1, sizeof(*c));
	struct loader l;

	*out = NULL;
	memset(&l, 0, sizeof(l));
	inifile_init(&l.f, default_name, CATALOG_LINE_MAX, err);
	l.f.s = catalog_default_text;
	l.c = c;
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
	inifile_init(&l.f, path, CATALOG_LINE_MAX, err);
	l.c = c;
	l.f.fp = fopen(path, "r");
	if (l.f.fp == NULL) {
		err_set(err, IKM_EIO,
		        "tidak dapat membuka berkas katalog rekomendasi '%s': %s / cannot open the "
		        "recommendation catalog",
		        path, strerror(errno));
		goto fail;
	}
	if (parse(&l) != 0)
		goto fail;
	fclose(l.f.fp);
	*out = c;
	return 0;
fail:
	if (l.f.fp != NULL)
		fclose(l.f.fp);
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
