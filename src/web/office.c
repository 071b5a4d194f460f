/* office: see office.h. */
#include "office.h"

#include <cairo.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_user.h"
#include "xalloc.h"

#define F(key, label, member, prose)                                                               \
	{                                                                                          \
		key, label, offsetof(struct profile, member),                                      \
		    sizeof(((struct profile *)0)->member), prose                                   \
	}

static const struct office_field fields[] = {
    F("kop.pemerintah", "Pemerintah (baris pertama kop)", pemerintah, 0),
    F("kop.instansi", "Nama instansi", instansi, 0),
    F("kop.alamat", "Alamat", alamat, 0),
    F("kop.telepon", "Telepon", telepon, 0),
    F("kop.faks", "Faksimile", faks, 0),
    F("kop.situs", "Situs web", situs, 0),
    F("kop.surel", "Surel", surel, 0),
    F("penandatangan.kota", "Kota (baris tanggal)", kota, 0),
    F("penandatangan.nama", "Nama penanda tangan", nama, 0),
    F("penandatangan.pangkat", "Pangkat/golongan", pangkat, 0),
    F("penandatangan.nip", "NIP", nip, 0),
    F("penandatangan.jabatan", "Jabatan", jabatan, 0),
    F("survei.unit", "Nama unit dalam teks laporan", unit, 0),
    F("survei.metode", "Metode survei", metode, 1),
    F("survei.lokasi", "Lokasi survei", lokasi, 1),
    F("survei.tim", "Tim survei", tim, 1),
    F("tindak_lanjut.waktu", "Waktu tindak lanjut", waktu, 0),
    F("tindak_lanjut.penanggung_jawab", "Penanggung jawab tindak lanjut", penanggung_jawab, 0),
};

const struct office_field *office_fields(int *n)
{
	*n = (int)(sizeof(fields) / sizeof(fields[0]));
	return fields;
}

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

int office_logo_check(const unsigned char *data, size_t len, struct ikm_err *err)
{
	unsigned long w, h;

	if (len > OFFICE_LOGO_MAX)
		return err_set(
		    err, IKM_ELIMIT,
		    "logo %zu bait; paling besar %u KiB / the logo is larger than %u KiB", len,
		    OFFICE_LOGO_MAX >> 10, OFFICE_LOGO_MAX >> 10);
	if (len < 33 || memcmp(data, png_sig, 8) != 0 || memcmp(data + 12, "IHDR", 4) != 0)
		return err_set(err, IKM_EDATA,
		               "logo harus berkas PNG / the logo must be a PNG file");
	w = (unsigned long)data[16] << 24 | (unsigned long)data[17] << 16 |
	    (unsigned long)data[18] << 8 | data[19];
	h = (unsigned long)data[20] << 24 | (unsigned long)data[21] << 16 |
	    (unsigned long)data[22] << 8 | data[23];
	if (w == 0 || h == 0 || w > 4000 || h > 4000)
		return err_set(err, IKM_EDATA,
		               "ukuran logo %lux%lu piksel tidak sah; paling besar 4000x4000 / bad "
		               "logo size",
		               w, h);
	return 0;
}

/* Reading a PNG held in memory, for cairo. */
struct png_mem {
	const unsigned char *p;
	size_t len, pos;
};

static cairo_status_t png_mem_read(void *closure, unsigned char *buf, unsigned int n)
{
	struct png_mem *m = closure;

	if (n > m->len - m->pos)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return CAIRO_STATUS_SUCCESS;
}

int office_logo_decodes(const unsigned char *data, size_t len, struct ikm_err *err)
{
	struct png_mem m = {data, len, 0};
	cairo_surface_t *img = cairo_image_surface_create_from_png_stream(png_mem_read, &m);
	int ok = cairo_surface_status(img) == CAIRO_STATUS_SUCCESS &&
	         cairo_image_surface_get_width(img) > 0 && cairo_image_surface_get_height(img) > 0;

	cairo_surface_destroy(img);
	if (!ok)
		return err_set(
		    err, IKM_EDATA,
		    "gambar PNG rusak: pikselnya tidak dapat dibaca / the PNG is damaged: "
		    "its pixels cannot be read");
	return 0;
}

int office_logo_set(struct store *s, const unsigned char *data, size_t len, struct ikm_err *err)
{
	char *b64;
	size_t n;
	int rc;

	if (data == NULL)
		return store_profile_set(s, "kop.logo_png", NULL, err);
	if (office_logo_check(data, len, err) < 0)
		return -1;
	n = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	b64 = xmalloc(n);
	sodium_bin2base64(b64, n, data, len, sodium_base64_VARIANT_ORIGINAL);
	rc = store_profile_set(s, "kop.logo_png", b64, err);
	free(b64);
	return rc;
}

/* Write the stored logo (base64 b64) to dir/logo.png into p->logo. */
static int write_logo(const char *b64, const char *dir, struct profile *p, struct ikm_err *err)
{
	size_t cap = strlen(b64), len = 0;
	unsigned char *bin = xmalloc(cap + 1);
	FILE *f;
	int rc = -1;

	if (sodium_base642bin(bin, cap, b64, strlen(b64), NULL, &len, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    office_logo_check(bin, len, err) < 0) {
		err_set(err, IKM_EDATA, "logo tersimpan rusak / the stored logo is damaged");
		goto out;
	}
	if ((size_t)snprintf(p->logo, sizeof(p->logo), "%s/logo.png", dir) >= sizeof(p->logo)) {
		err_set(err, IKM_ELIMIT, "folder logo terlalu panjang / logo folder too long");
		goto out;
	}
	f = fopen(p->logo, "wb");
	if (f == NULL) {
		err_set(err, IKM_EIO, "%s: %s", p->logo, strerror(errno));
		goto out;
	}
	if (fwrite(bin, 1, len, f) != len) {
		err_set(err, IKM_EIO, "%s: %s", p->logo, strerror(errno));
		fclose(f);
		goto out;
	}
	if (fclose(f) != 0) {
		err_set(err, IKM_EIO, "%s: %s", p->logo, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		p->logo[0] = '\0';
	free(bin);
	return rc;
}

int office_profile_load(struct store *s, const char *logo_dir, struct profile *p,
                        struct ikm_err *err)
{
	char *v = NULL;

	profile_default(p);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (store_profile_get(s, fields[i].key, &v, err) < 0)
			return -1;
		if (v != NULL)
			snprintf((char *)p + fields[i].offset, fields[i].size, "%s", v);
		free(v);
		v = NULL;
	}
	if (logo_dir == NULL)
		return 0;
	if (store_profile_get(s, "kop.logo_png", &v, err) < 0)
		return -1;
	if (v != NULL && write_logo(v, logo_dir, p, err) < 0) {
		free(v);
		return -1;
	}
	free(v);
	return 0;
}

int office_profile_save(struct store *s, const struct profile *p, struct ikm_err *err)
{
	unsigned char *logo = NULL;
	size_t len = 0;
	int own = !store_in_transaction(s), rc = -1;

	if (p->logo[0] != '\0') {
		FILE *f = fopen(p->logo, "rb");

		if (f == NULL)
			return err_set(err, IKM_EIO, "%s: %s", p->logo, strerror(errno));
		logo = xmalloc(OFFICE_LOGO_MAX + 1);
		len = fread(logo, 1, OFFICE_LOGO_MAX + 1, f);
		fclose(f);
		if (office_logo_check(logo, len, err) < 0) {
			err_prefix(err, "%s: ", p->logo);
			free(logo);
			return -1;
		}
	}
	if (own && store_begin(s, err) < 0)
		goto out;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *v = (const char *)p + fields[i].offset;

		if (store_profile_set(s, fields[i].key, v[0] != '\0' ? v : NULL, err) < 0)
			goto fail;
	}
	if (logo != NULL && office_logo_set(s, logo, len, err) < 0)
		goto fail;
	rc = own ? store_commit(s, err) : 0;
	goto out;
fail:
	if (own)
		store_rollback(s);
out:
	free(logo);
	return rc;
}
