/* store_upload: see store_upload.h. The bytes are kept as base64 text, so
 * both backends hold them in an ordinary TEXT column. */
#include "store_int.h"
#include "store_upload.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define B64 sodium_base64_VARIANT_ORIGINAL

int store_upload_put(struct store *s, const char *token_hash, int64_t user, int64_t now,
                     const char *name, const void *data, size_t len, struct ikm_err *err)
{
	struct db_stmt *st;
	size_t b64len;
	char *b64;
	int rc;

	if (strlen(name) > STORE_UPLOAD_NAME_MAX)
		return err_set(err, IKM_EDATA,
		               "nama berkas lebih dari %d byte / file name too long",
		               STORE_UPLOAD_NAME_MAX);
	if (len > STORE_UPLOAD_MAX)
		return err_set(err, IKM_EDATA, "berkas lebih besar dari %u MiB / file too large",
		               STORE_UPLOAD_MAX >> 20);
	b64len = sodium_base64_ENCODED_LEN(len, B64);
	b64 = xmalloc(b64len);
	sodium_bin2base64(b64, b64len, data, len, B64);
	rc = db_prepare(s->db,
	                "INSERT INTO upload (token_hash, user_id, created_at, name, data) "
	                "VALUES (?, ?, ?, ?, ?)",
	                &st, err);
	if (rc == 0) {
		db_bind_text(st, 1, token_hash, -1);
		db_bind_int(st, 2, user);
		db_bind_int(st, 3, now);
		db_bind_text(st, 4, name, -1);
		db_bind_text(st, 5, b64, -1);
		rc = store_step_done(st, "unggahan sudah ada / upload exists", err);
	}
	free(b64);
	return rc;
}

int store_upload_get(struct store *s, const char *token_hash, int64_t user, int64_t since,
                     char name[STORE_UPLOAD_NAME_MAX + 1], unsigned char **data, size_t *len,
                     struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*data = NULL;
	*len = 0;
	name[0] = '\0';
	if (db_prepare(s->db,
	               "SELECT name, data FROM upload WHERE token_hash = ? AND user_id = ? AND "
	               "created_at >= ?",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, token_hash, -1);
	db_bind_int(st, 2, user);
	db_bind_int(st, 3, since);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		size_t n = 0, got = 0;
		const char *b64 = db_column_text(st, 1, &n);

		store_column_copy(st, 0, name, STORE_UPLOAD_NAME_MAX + 1);
		*data = xmalloc(n / 4 * 3 + 1);
		if (b64 == NULL ||
		    sodium_base642bin(*data, n / 4 * 3 + 1, b64, n, NULL, &got, NULL, B64) != 0) {
			free(*data);
			*data = NULL;
			db_reset(st);
			return err_set(err, IKM_EIO,
			               "unggahan tersimpan rusak / stored upload damaged");
		}
		*len = got;
	}
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "unggahan tidak ada / no such upload");
	return rc == DB_ROW ? 0 : -1;
}

int store_upload_take(struct store *s, const char *token_hash, int64_t user, int *taken,
                      struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*taken = 0;
	if (db_prepare(s->db,
	               "DELETE FROM upload WHERE token_hash = ? AND user_id = ? RETURNING user_id",
	               &st, err) < 0)
		return -1;
	db_bind_text(st, 1, token_hash, -1);
	db_bind_int(st, 2, user);
	rc = db_step(st, err);
	*taken = rc == DB_ROW;
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int store_upload_purge(struct store *s, int64_t before, struct ikm_err *err)
{
	struct db_stmt *st;

	if (db_prepare(s->db, "DELETE FROM upload WHERE created_at < ?", &st, err) < 0)
		return -1;
	db_bind_int(st, 1, before);
	return store_step_done(st, "unggahan / upload", err);
}
