/* store_upload: files uploaded to the console for an import, kept between
 * the preview and the commit (the `upload` table of migration 3): by the
 * hash of a random token the preview's form carries, for the user who
 * uploaded it, the bytes as base64. Same conventions as store.h. */
#ifndef IKM_STORE_UPLOAD_H
#define IKM_STORE_UPLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define STORE_UPLOAD_NAME_MAX 200         /* named limit: bytes of a file name */
#define STORE_UPLOAD_MAX      (24u << 20) /* named limit: bytes of one file */

/* Keep data[0..len) named name under token_hash for user, uploaded at now
 * (unix seconds). IKM_EDATA for a hash taken, a name too long, a file
 * past STORE_UPLOAD_MAX. */
int store_upload_put(struct store *s, const char *token_hash, int64_t user, int64_t now,
                     const char *name, const void *data, size_t len, struct ikm_err *err);

/* The upload under token_hash of user, uploaded at or after since: its
 * name into name and its bytes into *data (caller frees; *len bytes).
 * IKM_EDATA when there is none (another user's, older, already taken). */
int store_upload_get(struct store *s, const char *token_hash, int64_t user, int64_t since,
                     char name[STORE_UPLOAD_NAME_MAX + 1], unsigned char **data, size_t *len,
                     struct ikm_err *err);

/* Remove the upload under token_hash of user: *taken = 1 when there was
 * one (inside a transaction, a second remover finds none: an upload is
 * committed once). */
int store_upload_take(struct store *s, const char *token_hash, int64_t user, int *taken,
                      struct ikm_err *err);

/* Remove every upload made before `before` (unix seconds). */
int store_upload_purge(struct store *s, int64_t before, struct ikm_err *err);

#endif
