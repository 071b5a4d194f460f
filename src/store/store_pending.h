/* store_pending: first entries of paper sheets waiting for their second
 * entry (double entry, the `entry_pending` table of migration 4). A
 * waiting sheet counts nowhere; when a second entry matches it, the
 * console stores one response with the same client id and removes the
 * waiting one. Same conventions as store.h. */
#ifndef IKM_STORE_PENDING_H
#define IKM_STORE_PENDING_H

#include <stdint.h>

#include "store.h"

#define STORE_SHEET_MAX  20 /* named limit: bytes of a sheet number */
#define STORE_FORMID_MAX 64 /* named limit: bytes of a form id */

struct store_pending {
	char sheet[STORE_SHEET_MAX + 1];    /* the sheet number as entered */
	char form_id[STORE_FORMID_MAX + 1]; /* the form it came from */
	int64_t user;                       /* who entered it */
	int64_t created;                    /* unix seconds */
	/* The entry: unit, service, period, instrument, date, k, answers,
	 * gender, age, education, job, suggestion and client_id (the key);
	 * the other fields are not kept. */
	struct store_response r;
};

/* Keep p as the waiting entry of its client id (replacing one there).
 * IKM_EDATA for an empty client id or sheet, an unknown unit, period or
 * instrument. */
int store_pending_put(struct store *s, const struct store_pending *p, struct ikm_err *err);

/* The waiting entry of client_id into *p; *found = 0 when there is none. */
int store_pending_get(struct store *s, const char *client_id, struct store_pending *p, int *found,
                      struct ikm_err *err);

/* Remove the waiting entry of client_id (none: fine). */
int store_pending_delete(struct store *s, const char *client_id, struct ikm_err *err);

/* The waiting entries of a unit in a period, oldest first, at most limit
 * (*list owned by the caller; free). */
int store_pending_list(struct store *s, int64_t unit, int64_t period, int limit,
                       struct store_pending **list, int *n, struct ikm_err *err);

/* *stored = 1 when a response with client id client_id is stored. */
int store_pending_stored(struct store *s, const char *client_id, int *stored, struct ikm_err *err);

#endif
