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

#define WEB_RATE_DEFAULT 10    /* POSTs a minute per address (the burst is twice) */
#define WEB_RATE_CLIENTS 65536 /* named limit: addresses the rate limit keeps */
#define WEB_BURST_COUNT  5     /* this many POSTs from one address ... */
#define WEB_BURST_WINDOW 60.0  /* ... within this many seconds: QUALITY_BURST */
#define WEB_RETRY_AFTER  60    /* Retry-After seconds of a 429 or 503 */

/* A new app on the database at url (checked by opening it once). */
int web_app_new(const char *url, struct web_app **out, struct ikm_err *err);
void web_app_free(struct web_app *a);

/* Allow per_minute POSTs a minute per client address, in bursts of twice
 * that (0 or less: no limit; the burst flag still applies). Call before
 * the server starts: not safe while requests are handled. */
void web_app_set_rate(struct web_app *a, double per_minute);

/* How the questionnaire looks and what it asks besides the answers. */
struct web_form_opts {
	int faces;                   /* face icons beside the four options */
	int tickets;                 /* enum ticket_mode (ticket.h) */
	const char *ticket_key_file; /* the key when tickets are on */
	int ticket_key_create;       /* make the key file when it is missing */
};

/* Apply o (before the server starts). IKM_EIO/IKM_EDATA when the ticket key
 * cannot be read (ticket_key_load). */
int web_app_set_form(struct web_app *a, const struct web_form_opts *o, struct ikm_err *err);

/* The http_handler of the app (app is a struct web_app). */
void web_app_handle(void *app, const struct http_request *req, struct http_response *res);

#endif
