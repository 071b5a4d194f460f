/* kiosk: the questionnaire as a kiosk on a tablet at the counter — full
 * screen, one question per screen, reset after each response and after
 * inactivity, and responses kept on the device while the network is down
 * (share/web/kiosk.html, kiosk.js, kiosk-outbox.js, kiosk-sw.js,
 * kiosk.css). Routes, answered by kiosk_handle:
 *
 *   GET  /u/UNIT[/SERVICE]/kiosk               the page: the questions, option
 *        labels and words in both languages as JSON data for the script
 *        (?lang=en starts in English, ?reset=N sets the inactivity reset)
 *   POST /u/UNIT[/SERVICE]/kiosk               one completed response, JSON in
 *        the schema of POST /api/v1/responses with client_id required and
 *        date the day it was completed on the device; 201 stored, 200
 *        duplicate (the same client id again), 422 field errors, 409 no open
 *        period on that date (the kiosk drops it), 429/503 (it retries)
 *   GET  /u/UNIT[/SERVICE]/kiosk.webmanifest   the web app manifest (fullscreen)
 *   GET  /kiosk-sw.js                          the service worker, at the root
 *        so that its default scope covers /u/
 *
 * The kiosk POST has its own per-address rate limit, KIOSK_RATE_FACTOR
 * times the form's, and its responses never get the burst flag: one
 * device at the counter legitimately sends a response every minute or so
 * all day, and a backlog kept while the network was down arrives all at
 * once; neither is the ballot stuffing the flag is for. */
#ifndef IKM_KIOSK_H
#define IKM_KIOSK_H

#include <stdint.h>

#include "bytebuf.h"
#include "err.h"
#include "http.h"
#include "store.h"

#define KIOSK_RATE_FACTOR   10  /* the kiosk POST limit: this times the form's per address */
#define KIOSK_DATE_AGE_MAX  31  /* named limit: days a kept response may be old */
#define KIOSK_RESET_DEFAULT 60  /* seconds without a touch before a survey is discarded */
#define KIOSK_RESET_MIN     2   /* named limit: ?reset= seconds, at least */
#define KIOSK_RESET_MAX     600 /* named limit: ?reset= seconds, at most */
#define KIOSK_THANKS_S      5   /* seconds the thank-you screen stays */
#define KIOSK_FLUSH_S       15  /* seconds between the page's delivery attempts */

struct kiosk;
struct web_app;

/* The kiosk's template and rate limit (the form's default rate). */
int kiosk_new(struct kiosk **out, struct ikm_err *err);
void kiosk_free(struct kiosk *k);
/* The form allows form_per_minute POSTs a minute per address (0 or less:
 * no limit): the kiosk allows KIOSK_RATE_FACTOR times that. NULL is fine.
 * Not safe while requests are handled. */
void kiosk_set_rate(struct kiosk *k, double form_per_minute);

/* Answer req when it is one of the kiosk's routes (1), else 0. The method
 * is GET or POST; s is this thread's store, org the organisation. */
int kiosk_handle(struct web_app *a, struct store *s, const struct http_request *req,
                 struct http_response *res, int lang, const struct store_org *org);

/* ---- pure helpers (tested on their own) ---------------------------------- */

/* Append JSON text json to out for a <script type="application/json">
 * element: '<', '>' and '&' become \u003c, \u003e and \u0026, U+2028 and
 * U+2029 \u2028 and \u2029 (valid JSON string escapes; outside strings
 * those characters cannot occur in JSON), so no "</script>" or "<!--" can
 * end or change the element. NULL appends nothing. */
void kiosk_script_json(struct bytebuf *out, const char *json);

enum kiosk_date { KIOSK_DATE_OK, KIOSK_DATE_FUTURE, KIOSK_DATE_OLD };

/* Whether a response completed on date (yyyymmdd) is taken on today: not
 * after today, and at most max_age days before it. */
enum kiosk_date kiosk_date_check(int32_t date, int32_t today, int max_age);

/* The inactivity reset in seconds from a raw query string ("reset=N"):
 * N within KIOSK_RESET_MIN..KIOSK_RESET_MAX, else KIOSK_RESET_DEFAULT. */
int kiosk_reset_seconds(const char *query);

#endif
