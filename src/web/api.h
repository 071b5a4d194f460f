/* api: the JSON API of `ikm serve` for other systems (queue machines,
 * service apps): POST /api/v1/responses stores one response, authorised
 * by `Authorization: Bearer KEY` (ikm apikey add). Replies are JSON; errors
 * are {"error": CODE, "message": "<Indonesian> / <English>"} and, for 422,
 * "fields": {FIELD: MESSAGE}. */
#ifndef IKM_API_H
#define IKM_API_H

#include "http.h"
#include "store.h"

struct web_app;

/* Handle a request whose path starts with /api/ on store s (this thread's
 * connection of app a). */
void web_api_handle(struct web_app *a, struct store *s, const struct http_request *req,
                    struct http_response *res);

#endif
