/* app_int: what the modules of the public site share (app.c, api.c,
 * kiosk.c): the app's state, its words, the page frame, the resolution of
 * a questionnaire's unit/service/period/instrument, the rate limit, and
 * the one place a response is stored. Not for use outside src/web. */
#ifndef IKM_APP_INT_H
#define IKM_APP_INT_H

#include <pthread.h>
#include <stddef.h>

#include "app.h"
#include "gcommit.h"
#include "instrument.h"
#include "ratelimit.h"
#include "store.h"
#include "console.h"
#include "ticket.h"
#include "tmpl.h"

struct kiosk;

struct web_app {
	char url[1100];
	pthread_key_t key; /* this thread's store connection */
	struct tmpl *layout, *home, *form, *message;
	struct ratelimit *rate; /* POSTs per client address; burst flags */
	int faces;              /* face icons beside the options */
	enum ticket_mode tickets;
	unsigned char ticket_key[TICKET_KEY_BYTES]; /* when tickets are on */
	struct tmpl **tmpls;         /* every template of share/web, by webfiles index */
	struct console_opts console; /* the office console (console.h) */
	char console_dummy[128];     /* a password hash of that cost, for unknown users */
	pthread_mutex_t dummy_lock;  /* making console_dummy on first use */
	struct kiosk *kiosk;         /* the kiosk's pages and its own rate limit */
	struct gcommit *gc;          /* the writer of every response (group commit) */
};

/* The words of the pages, per language (0 Indonesian, 1 English). */
enum web_word {
	W_TITLE,
	W_HOME_INTRO,
	W_FILL,
	W_NO_UNITS,
	W_FORM_INTRO,
	W_ERRORS,
	W_REQUIRED,
	W_PROFILE,
	W_PROFILE_HINT,
	W_AGE,
	W_AGE_BAD,
	W_EDUCATION,
	W_JOB,
	W_CHOICE_BAD,
	W_SUGGESTION,
	W_SUGGESTION_LONG,
	W_CONSENT,
	W_SUBMIT,
	W_OTHER_LANG,
	W_THANKS,
	W_THANKS_TEXT,
	W_NOT_OPEN,
	W_NOT_OPEN_TEXT,
	W_CLOSED_TEXT,
	W_NOT_FOUND,
	W_NOT_FOUND_TEXT,
	W_BACK,
	W_ERROR,
	W_ERROR_TEXT,
	W_MALE,
	W_FEMALE,
	W_POSTER,
	W_ALL_POSTERS,
	W_TICKET,
	W_TICKET_OPTIONAL,
	W_TICKET_HINT,
	W_TICKET_MISSING,
	W_TICKET_BAD,
	W_TICKET_USED,
	W_COUNT
};

/* The parsed template at share/web path (e.g. "admin/layout.html"), or NULL. */
const struct tmpl *web_tmpl(const struct web_app *a, const char *path);

/* The word w in lang (0 Indonesian, 1 English); app_words.c. */
const char *web_word(enum web_word w, int lang);

/* The choices of the profile block: education levels, and occupations as
 * {stored value, label in English}. */
#define WEB_NEDU 7
#define WEB_NJOB 6
extern const char *const web_educations[WEB_NEDU];
extern const char *const web_jobs[WEB_NJOB][2];

/* Render content t with d inside the layout into res. */
void web_page(struct web_app *a, struct http_response *res, int status, const struct tmpl *t,
              struct tmpl_data *d, int lang, const char *org, const char *title);
/* A page with a heading (a word), a text, and a link home when back. */
void web_message(struct web_app *a, struct http_response *res, int status, int lang,
                 const char *org, enum web_word heading, const char *text, int back);

/* ---- app_target.c: what each worker thread keeps ----------------------- */

#define WEB_CACHE_SECONDS 1.0 /* a cached target or organisation is used this long */
#define WEB_CACHE_TARGETS 8   /* named limit: questionnaire targets cached per thread */

/* This worker thread's store, opened on first use. */
struct store *web_thread_store(struct web_app *a, struct ikm_err *err);
/* The organisation (s: this thread's store), read again after
 * WEB_CACHE_SECONDS. */
int web_org_get(struct web_app *a, struct store *s, struct store_org *org, struct ikm_err *err);
/* The destructor of a->key: a thread's store and cache. NULL is fine. */
void web_thread_free(void *thread);

/* Store r durably: committed before it returns. *dup = 1 when its client
 * id was stored before (nothing stored); IKM_EDATA for a used ticket or a
 * period closed meanwhile; IKM_EIO when the store failed (nothing stored).
 * Thread-safe: the app's group-commit writer (gcommit.h) stores r with
 * whatever other threads submit at the same time, in one transaction; s
 * (the caller's connection) is not used for it. */
int web_store_response(struct web_app *a, struct store *s, const struct store_response *r, int *dup,
                       struct ikm_err *err);

struct web_cached;

/* What a questionnaire answers: the unit, the service (id 0: none), the
 * period holding today in the organisation's zone, the unit's current
 * instrument version and its words. */
struct web_target {
	struct store_unit u;
	struct store_service v;
	struct store_period p;
	int64_t instr;
	struct instrument in;
	struct instr_texts *t;   /* read-only; valid until web_target_free */
	int32_t day;             /* today, yyyymmdd */
	struct web_cached *held; /* private: the cache entry t belongs to */
};

/* Resolve unit/service (service NULL: none) for a request. 0 when the
 * questionnaire is open; else the reply is already in res (404 for an
 * unknown unit or service, 200 for GET / 409 for POST on a period not open,
 * 503 when the store failed) and -1 is returned. An open target is kept
 * by the thread for WEB_CACHE_SECONDS (s: this thread's store): a period
 * closed meanwhile is seen that much later, and the store refuses
 * responses to it at once. Free tg on the same thread. */
int web_target_get(struct web_app *a, struct store *s, const struct http_request *req,
                   struct http_response *res, int lang, const struct store_org *org,
                   const char *unit, const char *service, struct web_target *tg);
void web_target_free(struct web_target *tg);

/* Take a POST token for the request's address. 0: refused, a 429 page is
 * in res; 1: go on, with *burst = QUALITY_BURST when this address sent
 * WEB_BURST_COUNT or more within WEB_BURST_WINDOW seconds, else 0. */
int web_rate_take(struct web_app *a, const struct http_request *req, struct http_response *res,
                  int lang, const char *org, unsigned *burst);

/* The stored hash of ticket code `typed` for the unit into hash ("" when
 * typed is empty or tickets are off). 0: fine; -1: not a ticket code. */
int web_ticket(const struct web_app *a, int64_t unit, const char *typed,
               char hash[STORE_ID_MAX + 1]);

#define WEB_CLIENT_ID_MIN 16 /* named limit: characters of a client id */

/* A new random client id (32 hex digits) into buf (size >= 33). */
void web_new_client_id(char *buf, size_t size);
/* 1 when s is a client id: WEB_CLIENT_ID_MIN..STORE_ID_MAX of [0-9a-f-]. */
int web_client_id_ok(const char *s);

#endif
