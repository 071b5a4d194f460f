/* store_apikey: keys of the submission API. A key is 32 random bytes shown
 * once as hex; the store keeps only the BLAKE2b-256 hash (hex) of that hex
 * text, so a stolen database gives no usable key. A check hashes the key
 * given and looks the hash up: no secret is compared byte by byte. */
#include "store_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static int name_ok(const char *name)
{
	size_t n = name != NULL ? strlen(name) : 0;

	if (n == 0 || n > STORE_APIKEY_NAME_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

static int sodium_ready(struct ikm_err *err)
{
	if (sodium_init() < 0)
		return err_set(err, IKM_EIO, "libsodium tidak dapat dimulai / cannot initialise");
	return 0;
}

/* hash_hex = hex of BLAKE2b-256 of key (64 hex digits). */
static void key_hash(const char *key, char hash_hex[2 * crypto_generichash_BYTES + 1])
{
	unsigned char h[crypto_generichash_BYTES];

	crypto_generichash(h, sizeof(h), (const unsigned char *)key, strlen(key), NULL, 0);
	sodium_bin2hex(hash_hex, 2 * crypto_generichash_BYTES + 1, h, sizeof(h));
}

int store_apikey_add(struct store *s, const char *name, char key_out[STORE_APIKEY_HEX + 1],
                     struct ikm_err *err)
{
	unsigned char raw[STORE_APIKEY_HEX / 2];
	char hash[2 * crypto_generichash_BYTES + 1], what[160];
	struct db_stmt *st;
	int rc;

	key_out[0] = '\0';
	if (!name_ok(name))
		return err_set(err, IKM_EDATA,
		               "nama kunci \"%.80s\" tidak sah: 1-%d huruf, angka, titik, garis "
		               "bawah atau minus / invalid key name",
		               name != NULL ? name : "", STORE_APIKEY_NAME_MAX);
	if (sodium_ready(err) < 0)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(key_out, STORE_APIKEY_HEX + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	key_hash(key_out, hash);
	if (db_prepare(
		s->db,
		"INSERT INTO api_key (name, key_hash, created_at, revoked) VALUES (?, ?, ?, 0)",
		&st, err) < 0)
		goto fail;
	db_bind_text(st, 1, name, -1);
	db_bind_text(st, 2, hash, -1);
	db_bind_int(st, 3, store_now());
	snprintf(what, sizeof(what), "kunci \"%s\" sudah ada / key name already exists", name);
	rc = store_step_done(st, what, err);
	if (rc < 0)
		goto fail;
	return 0;
fail:
	sodium_memzero(key_out, STORE_APIKEY_HEX + 1);
	return -1;
}

int store_apikey_check(struct store *s, const char *key, char name_out[STORE_APIKEY_NAME_MAX + 1],
                       int *ok, struct ikm_err *err)
{
	char hash[2 * crypto_generichash_BYTES + 1];
	struct db_stmt *st;
	size_t n = key != NULL ? strnlen(key, STORE_APIKEY_HEX + 1) : 0;
	int rc;

	*ok = 0;
	name_out[0] = '\0';
	if (n != STORE_APIKEY_HEX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((key[i] >= '0' && key[i] <= '9') || (key[i] >= 'a' && key[i] <= 'f')))
			return 0;
	if (sodium_ready(err) < 0)
		return -1;
	key_hash(key, hash);
	if (db_prepare(s->db, "SELECT name FROM api_key WHERE key_hash = ? AND revoked = 0", &st,
	               err) < 0)
		return -1;
	db_bind_text(st, 1, hash, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		store_column_copy(st, 0, name_out, STORE_APIKEY_NAME_MAX + 1);
		*ok = 1;
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int store_apikey_revoke(struct store *s, const char *name, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc, found = 0;

	if (db_prepare(s->db, "SELECT id FROM api_key WHERE name = ? AND revoked = 0", &st, err) <
	    0)
		return -1;
	db_bind_text(st, 1, name, -1);
	rc = db_step(st, err);
	found = rc == DB_ROW;
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return -1;
	if (!found)
		return err_set(
		    err, IKM_EDATA,
		    "kunci \"%.80s\" tidak ada atau sudah dicabut; lihat ikm apikey list / "
		    "no such key in use",
		    name != NULL ? name : "");
	if (db_prepare(s->db, "UPDATE api_key SET revoked = ? WHERE name = ? AND revoked = 0", &st,
	               err) < 0)
		return -1;
	db_bind_int(st, 1, store_now() > 0 ? store_now() : 1);
	db_bind_text(st, 2, name, -1);
	return store_step_done(st, "kunci / key", err);
}

int store_apikey_list(struct store *s, struct store_apikey **list, int *n, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_apikey *all = NULL;
	int cap = 0, count = 0, rc;

	*list = NULL;
	*n = 0;
	if (db_prepare(s->db, "SELECT id, name, created_at, revoked FROM api_key ORDER BY name",
	               &st, err) < 0)
		return -1;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, (size_t)cap, sizeof(*all));
		}
		all[count].id = db_column_int(st, 0);
		store_column_copy(st, 1, all[count].name, sizeof(all[count].name));
		all[count].created = db_column_int(st, 2);
		all[count].revoked = db_column_int(st, 3);
		count++;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(all);
		return -1;
	}
	*list = all;
	*n = count;
	return 0;
}
