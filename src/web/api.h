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
void web_api_store_failed(struct http_response *res, const struct http_request *req,
                          const struct ikm_err *err);

#endif
