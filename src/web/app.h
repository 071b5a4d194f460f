/* app: the public pages of `ikm serve` — the home page listing the
 * organisation's units and services, the questionnaire of a unit (and
 * service) in Indonesian or English, its submission into the store, and
 * /healthz. Pages are rendered from the embedded templates (share/web),
 * escaped by default; each worker thread keeps its own store connection. */
#ifndef IKM_APP_H
#define IKM_APP_H

#include "err.h"
#include "http.h"

struct web_app;

/* A new app on the database at url (checked by opening it once). */
int web_app_new(const char *url, struct web_app **out, struct ikm_err *err);
void web_app_free(struct web_app *a);

/* The http_handler of the app (app is a struct web_app). */
void web_app_handle(void *app, const struct http_request *req, struct http_response *res);

#endif
