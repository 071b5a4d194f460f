/* console_setup_profile: the office profile (admin-kota only, by the
 * route) — every text field of office_fields() (the letterhead, the
 * signatory, the survey facts, the follow-up plan the documents print),
 * saved together in one transaction, and the logo: a PNG upload checked
 * by office_logo_check and decoded once (office_logo_decodes), removed
 * with a button, shown from the store at
 * /admin/atur/profil/logo.png. */
#include "console_setup_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "office.h"
#include "setupcheck.h"
#include "xalloc.h"

#define PREFIX     "/admin/atur"
#define LOGO_KEY   "kop.logo_png"
#define FIELDS_MAX 32 /* office_fields() has fewer */

/* What the profile form sent: per field the typed value and a problem. */
struct prof_form {
	const char *raw[FIELDS_MAX];
	char error[FIELDS_MAX][SETUP_ERR_MAX];
	char logo_error[SETUP_ERR_MAX];
};

/* The stored logo (PNG bytes, caller frees) into *png, *len; *png NULL
 * when none (or damaged: *damaged 1). -1 a store failure (err). */
static int logo_read(struct console_ctx *c, unsigned char **png, size_t *len, int *damaged,
                     struct ikm_err *err)
{
	char *b64 = NULL;
	size_t cap;
	struct ikm_err ignored = {0};

	*png = NULL;
	*len = 0;
	*damaged = 0;
	if (store_profile_get(c->s, LOGO_KEY, &b64, err) < 0)
		return -1;
	if (b64 == NULL)
		return 0;
	cap = strlen(b64);
	*png = xmalloc(cap + 1);
	if (sodium_base642bin(*png, cap, b64, strlen(b64), NULL, len, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    office_logo_check(*png, *len, &ignored) < 0) {
		free(*png);
		*png = NULL;
		*len = 0;
		*damaged = 1;
	}
	free(b64);
	return 0;
}

static void profile_page(struct console_ctx *c, int status, const struct prof_form *f)
{
	struct tmpl_data *d = tmpl_data_new();
	struct ikm_err err = {0};
	const struct office_field *fields;
	unsigned char *png = NULL;
	size_t len = 0;
	int n, damaged = 0;

	fields = office_fields(&n);
	for (int i = 0; i < n && i < FIELDS_MAX; i++) {
		struct tmpl_data *x = tmpl_add(d, "fields");
		char *v = NULL, max[16];

		int typed = f != NULL && f->raw[i] != NULL;

		if (!typed && store_profile_get(c->s, fields[i].key, &v, &err) < 0) {
			tmpl_data_free(d);
			console_store_fail(c, &err);
			return;
		}
		tmpl_set(x, "key", fields[i].key);
		tmpl_set(x, "label", fields[i].label);
		tmpl_set_bool(x, "prose", fields[i].prose);
		snprintf(max, sizeof(max), "%zu", fields[i].size - 1);
		tmpl_set(x, "max", max);
		tmpl_set(x, "value", typed ? f->raw[i] : v);
		if (f != NULL && f->error[i][0] != '\0')
			tmpl_set(x, "error", f->error[i]);
		free(v);
	}
	if (logo_read(c, &png, &len, &damaged, &err) < 0) {
		tmpl_data_free(d);
		console_store_fail(c, &err);
		return;
	}
	if (png != NULL) {
		char size[32], version[24];
		unsigned char h[8];

		/* A new logo gets a new address: no stale image in the page. */
		crypto_generichash(h, sizeof(h), png, len, NULL, 0);
		snprintf(version, sizeof(version), "%02x%02x%02x%02x%02x%02x%02x%02x", h[0], h[1],
		         h[2], h[3], h[4], h[5], h[6], h[7]);
		tmpl_set(d, "logo_version", version);
		snprintf(size, sizeof(size), "%zu", (len + 1023) / 1024);
		tmpl_set(d, "logo_kib", size);
		tmpl_set_bool(d, "logo", 1);
	}
	tmpl_set_bool(d, "logo_damaged", damaged);
	if (f != NULL && f->logo_error[0] != '\0')
		tmpl_set(d, "logo_error", f->logo_error);
	free(png);
	console_page(c, status, "admin/setup-profile.html", d, "Profil kantor");
}

void console_setup_profile_page(struct console_ctx *c)
{
	profile_page(c, 200, NULL);
}

void console_setup_profile_save(struct console_ctx *c)
{
	struct prof_form *f = xcalloc(1, sizeof(*f));
	const struct office_field *fields;
	struct ikm_err err = {0};
	char *value[FIELDS_MAX] = {0}, changed[STORE_AUDIT_DETAIL_MAX + 1] = "";
	int n, bad = 0;
	size_t o = 0;

	fields = office_fields(&n);
	if (n > FIELDS_MAX)
		n = FIELDS_MAX;
	for (int i = 0; i < n; i++) {
		f->raw[i] = console_param(c, fields[i].key);
		if (f->raw[i] == NULL)
			continue; /* not in the form: left as it is */
		value[i] = xmalloc(fields[i].size);
		if (setupcheck_text(f->raw[i], fields[i].prose ? SETUPCHECK_PROSE : SETUPCHECK_LINE,
		                    0, fields[i].size - 1, value[i], fields[i].size, &err) < 0) {
			console_setup_msg(f->error[i], sizeof(f->error[i]), err.msg);
			bad++;
		}
	}
	if (bad > 0) {
		profile_page(c, 422, f);
		goto out;
	}
	/* All the fields in one transaction: the documents never see half. */
	if (store_begin(c->s, &err) < 0)
		goto fail;
	for (int i = 0; i < n; i++) {
		char *old = NULL;
		int same;

		if (value[i] == NULL)
			continue;
		if (store_profile_get(c->s, fields[i].key, &old, &err) < 0)
			goto rollback;
		same = strcmp(old != NULL ? old : "", value[i]) == 0;
		free(old);
		if (same)
			continue;
		if (store_profile_set(c->s, fields[i].key, value[i][0] != '\0' ? value[i] : NULL,
		                      &err) < 0)
			goto rollback;
		if (o + strlen(fields[i].key) + 3 < sizeof(changed))
			o += (size_t)snprintf(changed + o, sizeof(changed) - o, "%s%s",
			                      o > 0 ? ", " : "", fields[i].key);
	}
	if (store_commit(c->s, &err) < 0)
		goto fail;
	if (o > 0)
		console_audit(c, "profile.update", "office profile", "changed: %s", changed);
	console_redirect(c, PREFIX "/profil?ok=simpan");
	goto out;
rollback:
	store_rollback(c->s);
fail:
	console_store_fail(c, &err);
out:
	for (int i = 0; i < FIELDS_MAX; i++)
		free(value[i]);
	free(f);
}

/* Why data (len bytes) is no logo we take: a message, HTTP status in
 * *status; NULL when it is fine. */
static const char *logo_problem(const unsigned char *data, size_t len, char *buf, size_t size,
                                int *status)
{
	static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	struct ikm_err err = {0};

	*status = 422;
	if (len == 0)
		return "Pilih berkas logo (PNG) lebih dahulu.";
	if (office_logo_check(data, len, &err) == 0) {
		if (office_logo_decodes(data, len, &err) == 0)
			return NULL;
		return "Gambar PNG ini rusak: isinya tidak dapat dibaca. Simpan ulang gambarnya "
		       "sebagai PNG, lalu unggah lagi.";
	}
	if (len > OFFICE_LOGO_MAX) {
		*status = 413;
		snprintf(buf, size,
		         "Berkas logo terlalu besar (%zu KiB); paling besar %u KiB. Perkecil "
		         "gambarnya, lalu unggah lagi.",
		         (len + 1023) / 1024, OFFICE_LOGO_MAX >> 10);
		return buf;
	}
	if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
		return "Berkas ini gambar JPEG. Logo harus berkas PNG: simpan ulang gambarnya "
		       "sebagai PNG, lalu unggah lagi.";
	if (len < 8 || memcmp(data, png, 8) != 0)
		return "Berkas ini bukan gambar PNG (isinya tidak dimulai dengan tanda PNG, "
		       "apa pun nama berkasnya). Logo harus berkas PNG.";
	return "Gambar PNG ini rusak atau ukurannya tidak sah; paling besar 4000 x 4000 "
	       "piksel.";
}

void console_setup_profile_logo(struct console_ctx *c)
{
	const struct multipart_part *p = multipart_get(&c->parts, "logo");
	struct prof_form *f = xcalloc(1, sizeof(*f));
	struct ikm_err err = {0};
	const char *why;
	int status = 422;

	if (p != NULL && !p->is_file)
		p = NULL;
	why = logo_problem(p != NULL ? (const unsigned char *)p->data : NULL,
	                   p != NULL ? p->len : 0, f->logo_error, sizeof(f->logo_error), &status);
	if (why != NULL) {
		if (why != f->logo_error)
			console_setup_msg(f->logo_error, sizeof(f->logo_error), why);
		console_audit(c, "profile.logo_refused", "office profile", "%zu bytes: %s",
		              p != NULL ? p->len : 0, f->logo_error);
		profile_page(c, status, f);
		goto out;
	}
	if (store_begin(c->s, &err) < 0 ||
	    office_logo_set(c->s, (const unsigned char *)p->data, p->len, &err) < 0 ||
	    store_commit(c->s, &err) < 0) {
		store_rollback(c->s);
		console_store_fail(c, &err);
		goto out;
	}
	console_audit(c, "profile.logo", "office profile", "logo PNG, %zu bytes", p->len);
	console_redirect(c, PREFIX "/profil?ok=simpan");
out:
	free(f);
}

void console_setup_profile_logo_remove(struct console_ctx *c)
{
	struct ikm_err err = {0};
	char *old = NULL;

	if (store_begin(c->s, &err) < 0 || store_profile_get(c->s, LOGO_KEY, &old, &err) < 0 ||
	    (old != NULL && office_logo_set(c->s, NULL, 0, &err) < 0) ||
	    store_commit(c->s, &err) < 0) {
		free(old);
		store_rollback(c->s);
		console_store_fail(c, &err);
		return;
	}
	if (old != NULL)
		console_audit(c, "profile.logo_remove", "office profile", "logo removed");
	free(old);
	console_redirect(c, PREFIX "/profil?ok=hapus");
}

void console_setup_profile_logo_png(struct console_ctx *c)
{
	struct ikm_err err = {0};
	unsigned char *png = NULL;
	size_t len = 0;
	int damaged = 0;

	if (logo_read(c, &png, &len, &damaged, &err) < 0) {
		console_store_fail(c, &err);
		return;
	}
	if (png == NULL) {
		console_fail(c, 404,
		             damaged ? "Logo tersimpan rusak; unggah logo lagi."
		                     : "Belum ada logo yang tersimpan.");
		return;
	}
	c->res->status = 200;
	snprintf(c->res->content_type, sizeof(c->res->content_type), "image/png");
	snprintf(c->res->cache_control, sizeof(c->res->cache_control), "private, no-store");
	bytebuf_free(&c->res->body);
	bytebuf_add(&c->res->body, png, len);
	free(png);
}
