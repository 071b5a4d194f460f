/* api: the JSON API of `ikm serve` for other systems (queue machines,
 * service apps): POST /api/v1/responses stores one response, authorised
 * by `Authorization: Bearer KEY` (ikm apikey add). Replies are JSON; errors
 * are {"error": CODE, "message": "<Indonesian> / <English>"} and, for 422,
 * "fields": {FIELD: MESSAGE}. */
#ifndef IKM_API_H
#define IKM_API_H

#include <jansson.h>

#include "http.h"
#include "store.h"

struct web_app;
struct apibody;

/* Handle a request whose path starts with /api/ on store s (this thread's
 * connection of app a). */
void web_api_handle(struct web_app *a, struct store *s, const struct http_request *req,
                    struct http_response *res);

/* The JSON replies, shared with the kiosk (kiosk.c). */

/* Reply with JSON object o (taken; NULL: a 500). */
void web_api_reply(struct http_response *res, int status, json_t *o);
/* Reply {"error": code, "message": message}. */
void web_api_fail(struct http_response *res, int status, const char *code, const char *message);
/* 422 with the field errors of b. */
void web_api_invalid(struct http_response *res, const struct apibody *b);
/* The one mapping from a store error to an HTTP status (409, 422, 503). */
int web_api_status(enum ikm_err_kind kind);
/* Reply to a failed store call with that status (logged). */
/* With tickets required, a missing ticket is a field error of b. */
void web_api_ticket_required(const struct web_app *a, struct apibody *b);
/* Store r (with the keyed hash of b->ticket): 0 stored (*dup set; the
 * caller replies); -1 answered (409 ticket_used, or the store's error). */
int web_api_store(struct web_app *a, struct store *s, const struct http_request *req,
                  struct http_response *res, const struct apibody *b, struct store_response *r,
                  int *dup);
void web_api_store_failed(struct http_response *res, const struct http_request *req,
                          const struct ikm_err *err);

#endif
