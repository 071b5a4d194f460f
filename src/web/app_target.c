/* app_target: what each worker thread of the public site keeps (see
 * app_int.h): its own store connection, and for WEB_CACHE_SECONDS the
 * organisation and the targets of the questionnaires it served (unit,
 * service, open period, instrument and its words), so that a submission
 * or a form costs no lookups in the database. An admin's change (a period
 * closed, a new instrument version, the organisation renamed) is seen
 * within that time; a response to a period closed meanwhile is refused by
 * the store all the same. Each thread has its own cache: no locks. A
 * cached target's words are shared with the web_targets made from it,
 * counted, and freed by the last of them. */
#include "app_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

struct web_cached {
	int refs;     /* the cache's, and one per web_target made from it */
	double until; /* monotonic seconds */
	char unit[STORE_SLUG_MAX + 1], service[STORE_SLUG_MAX + 1];
	struct web_target tg; /* tg.t owned here */
};

struct web_thread {
	struct store *s;
	struct store_org org;
	double org_until; /* 0: none */
	struct web_cached *c[WEB_CACHE_TARGETS];
	unsigned next; /* the entry replaced when none is free */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void cached_drop(struct web_cached *c)
{
	if (c != NULL && --c->refs == 0) {
		free(c->tg.t);
		free(c);
	}
}

void web_thread_free(void *thread)
{
	struct web_thread *th = thread;

	if (th == NULL)
		return;
	for (int i = 0; i < WEB_CACHE_TARGETS; i++)
		cached_drop(th->c[i]);
	store_close(th->s);
	free(th);
}

struct store *web_thread_store(struct web_app *a, struct ikm_err *err)
{
	struct web_thread *th = pthread_getspecific(a->key);

	if (th == NULL) {
		th = xcalloc(1, sizeof(*th));
		if (store_open(a->url, &th->s, err) < 0) {
			free(th);
			return NULL;
		}
		pthread_setspecific(a->key, th);
	}
	return th->s;
}

/* This thread's cache when s is its store, else NULL (no caching). */
static struct web_thread *cache_of(struct web_app *a, const struct store *s)
{
	struct web_thread *th = pthread_getspecific(a->key);

	return th != NULL && th->s == s ? th : NULL;
}

int web_org_get(struct web_app *a, struct store *s, struct store_org *org, struct ikm_err *err)
{
	struct web_thread *th = cache_of(a, s);
	double now = now_s();

	if (th == NULL)
		return store_org_get(s, org, err);
	if (th->org_until <= now) {
		th->org_until = 0;
		if (store_org_get(s, &th->org, err) < 0)
			return -1;
		th->org_until = now + WEB_CACHE_SECONDS;
	}
	*org = th->org;
	return 0;
}

/* Read the target from the store (see web_target_get). */
static int target_read(struct web_app *a, struct store *s, const struct http_request *req,
                       struct http_response *res, int lang, const struct store_org *org,
                       const char *unit, const char *service, int32_t day, struct web_target *tg)
{
	struct ikm_err err = {0};
	int found;

	tg->day = day;
	if (store_unit_get(s, unit, &tg->u, &err) < 0 ||
	    (service != NULL && store_service_get(s, unit, service, &tg->v, &err) < 0)) {
		if (err.kind != IKM_EDATA)
			goto fail;
		web_message(a, res, 404, lang, org->name, W_NOT_FOUND,
		            web_word(W_NOT_FOUND_TEXT, lang), 1);
		return -1;
	}
	if (store_period_on(s, tg->day, &tg->p, &found, &err) < 0)
		goto fail;
	if (!found || tg->p.closed) {
		web_message(a, res, strcmp(req->method, "POST") == 0 ? 409 : 200, lang, org->name,
		            W_NOT_OPEN, web_word(found ? W_CLOSED_TEXT : W_NOT_OPEN_TEXT, lang), 1);
		return -1;
	}
	tg->t = xmalloc(sizeof(*tg->t));
	if (store_instrument_current(s, tg->u.id, &tg->instr, &tg->in, &err) < 0 ||
	    store_instrument_texts(s, tg->instr, tg->t, &err) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "ikm serve: %s %s: %s\n", req->method, req->path, err.msg);
	web_message(a, res, 503, lang, org->name, W_ERROR, web_word(W_ERROR_TEXT, lang), 1);
	res->retry_after = WEB_RETRY_AFTER;
	web_target_free(tg);
	return -1;
}

/* Keep tg in th's cache (sharing its words). */
static void cache_put(struct web_thread *th, const char *unit, const char *service, double now,
                      struct web_target *tg)
{
	struct web_cached *c = xcalloc(1, sizeof(*c));
	int slot = -1;

	c->refs = 2; /* the cache's and tg's */
	c->until = now + WEB_CACHE_SECONDS;
	snprintf(c->unit, sizeof(c->unit), "%s", unit);
	snprintf(c->service, sizeof(c->service), "%s", service);
	c->tg = *tg;
	tg->held = c;
	for (int i = 0; i < WEB_CACHE_TARGETS && slot < 0; i++)
		if (th->c[i] == NULL || th->c[i]->until <= now)
			slot = i;
	if (slot < 0)
		slot = (int)(th->next++ % WEB_CACHE_TARGETS);
	cached_drop(th->c[slot]);
	th->c[slot] = c;
}

int web_target_get(struct web_app *a, struct store *s, const struct http_request *req,
                   struct http_response *res, int lang, const struct store_org *org,
                   const char *unit, const char *service, struct web_target *tg)
{
	struct web_thread *th = cache_of(a, s);
	const char *sv = service != NULL ? service : "";
	int32_t day = store_today(org->zone);
	double now = now_s();

	memset(tg, 0, sizeof(*tg));
	for (int i = 0; th != NULL && i < WEB_CACHE_TARGETS; i++) {
		struct web_cached *c = th->c[i];

		if (c != NULL && c->until > now && c->tg.day == day && strcmp(c->unit, unit) == 0 &&
		    strcmp(c->service, sv) == 0) {
			*tg = c->tg;
			tg->held = c;
			c->refs++;
			return 0;
		}
	}
	if (target_read(a, s, req, res, lang, org, unit, service, day, tg) < 0)
		return -1;
	if (th != NULL && strlen(unit) <= STORE_SLUG_MAX && strlen(sv) <= STORE_SLUG_MAX)
		cache_put(th, unit, sv, now, tg);
	return 0;
}

void web_target_free(struct web_target *tg)
{
	if (tg->held != NULL)
		cached_drop(tg->held);
	else
		free(tg->t);
	tg->t = NULL;
	tg->held = NULL;
}
