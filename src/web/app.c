/* app: see app.h. Routes: GET /healthz; GET /static/<file>; GET /; GET and
 * POST /u/<unit>[/<service>] (the questionnaire); /api/ (api.c); the kiosk
 * (kiosk.c); the QR posters (qrpage.c). Every text a respondent sees is
 * Indonesian first, English with ?lang=en. */
#include "app_int.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api.h"
#include "formdata.h"
#include "kiosk.h"
#include "qrpage.h"
#include "quality.h"
#include "ratelimit.h"
#include "store.h"
#include "tmpl.h"
#include "webfiles.h"
#include "xalloc.h"

static int load_tmpl(const char *path, struct tmpl **out, struct ikm_err *err)
{
	const struct webfile *f = webfiles_find(path);
	char *text;
	int rc;

	if (f == NULL)
		return err_set(err, IKM_EIO, "%s: templat tidak ada / template missing", path);
	text = xmalloc(f->len + 1);
	memcpy(text, f->data, f->len);
	text[f->len] = '\0';
	rc = tmpl_parse(path, text, out, err);
	free(text);
	return rc;
}

int web_app_new(const char *url, struct web_app **out, struct ikm_err *err)
{
	struct web_app *a = xcalloc(1, sizeof(*a));

	*out = NULL;
	if (sodium_init() < 0) {
		free(a);
		return err_set(err, IKM_EIO, "libsodium tidak dapat dimulai / cannot initialise");
	}
	snprintf(a->url, sizeof(a->url), "%s", url != NULL ? url : "");
	/* The writer's connection also checks the database opens. */
	if (gcommit_start(a->url, &a->gc, err) < 0) {
		free(a);
		return -1;
	}
	if (pthread_key_create(&a->key, web_thread_free) != 0) {
		gcommit_stop(a->gc);
		free(a);
		return err_set(err, IKM_EIO, "pthread_key_create");
	}
	web_app_set_rate(a, WEB_RATE_DEFAULT);
	if (load_tmpl("layout.html", &a->layout, err) < 0 ||
	    load_tmpl("home.html", &a->home, err) < 0 ||
	    load_tmpl("form.html", &a->form, err) < 0 ||
	    load_tmpl("message.html", &a->message, err) < 0 || kiosk_new(&a->kiosk, err) < 0) {
		web_app_free(a);
		return -1;
	}
	a->tmpls = xcalloc(webfiles_count + 1, sizeof(*a->tmpls));
	for (size_t i = 0; i < webfiles_count; i++) {
		size_t n = strlen(webfiles[i].path);

		if (n > 5 && strcmp(webfiles[i].path + n - 5, ".html") == 0 &&
		    load_tmpl(webfiles[i].path, &a->tmpls[i], err) < 0) {
			web_app_free(a);
			return -1;
		}
	}
	a->console = console_opts_default();
	pthread_mutex_init(&a->dummy_lock, NULL);
	*out = a;
	return 0;
}

void web_app_free(struct web_app *a)
{
	if (a == NULL)
		return;
	/* The calling thread's connection; the workers' closed as they end. */
	web_thread_free(pthread_getspecific(a->key));
	pthread_setspecific(a->key, NULL);
	pthread_key_delete(a->key);
	tmpl_free(a->layout);
	tmpl_free(a->home);
	tmpl_free(a->form);
	tmpl_free(a->message);
	for (size_t i = 0; a->tmpls != NULL && i < webfiles_count; i++)
		tmpl_free(a->tmpls[i]);
	free(a->tmpls);
	if (a->tmpls != NULL)
		pthread_mutex_destroy(&a->dummy_lock);
	ratelimit_free(a->rate);
	kiosk_free(a->kiosk);
	/* After the server stopped: nothing is waiting any more. */
	gcommit_stop(a->gc);
	free(a);
}

void web_app_set_rate(struct web_app *a, double per_minute)
{
	ratelimit_free(a->rate);
	a->rate = ratelimit_new(per_minute > 0 ? per_minute : 0,
	                        per_minute > 0 ? 2 * per_minute : 1, WEB_RATE_CLIENTS);
	kiosk_set_rate(a->kiosk, per_minute);
}

const struct tmpl *web_tmpl(const struct web_app *a, const char *path)
{
	const struct webfile *f = webfiles_find(path);

	return f != NULL && a->tmpls != NULL ? a->tmpls[f - webfiles] : NULL;
}

int web_app_set_form(struct web_app *a, const struct web_form_opts *o, struct ikm_err *err)
{
	a->faces = o->faces != 0;
	a->tickets = TICKET_OFF;
	if (o->tickets != TICKET_OFF) {
		if (o->ticket_key_file == NULL || o->ticket_key_file[0] == '\0')
			return err_set(err, IKM_EUSAGE,
			               "tiket memerlukan berkas kunci / tickets need a key file");
		if (ticket_key_load(o->ticket_key_file, o->ticket_key_create, a->ticket_key, err) <
		    0)
			return -1;
		a->tickets = (enum ticket_mode)o->tickets;
	}
	return 0;
}

int web_ticket(const struct web_app *a, int64_t unit, const char *typed,
               char hash[STORE_ID_MAX + 1])
{
	char norm[TICKET_CODE_MAX + 1];

	hash[0] = '\0';
	if (a->tickets == TICKET_OFF || typed == NULL || typed[0] == '\0')
		return 0;
	if (ticket_normalise(typed, norm) < 0)
		return -1;
	ticket_hash(a->ticket_key, unit, norm, hash);
	return 0;
}

/* ---- page frame ---------------------------------------------------------- */

void web_page(struct web_app *a, struct http_response *res, int status, const struct tmpl *t,
              struct tmpl_data *d, int lang, const char *org, const char *title)
{
	struct bytebuf content = {0};
	struct tmpl_data *l = tmpl_data_new();
	struct ikm_err err = {0};

	res->status = status;
	if (tmpl_render(t, d, &content, &err) < 0) {
		http_text(res, 500, err.msg);
		goto out;
	}
	tmpl_set(l, "lang", lang ? "en" : "id");
	tmpl_set(l, "title", title);
	tmpl_set(l, "org", org);
	tmpl_set(l, "content", content.p != NULL ? content.p : "");
	if (tmpl_render(a->layout, l, &res->body, &err) < 0)
		http_text(res, 500, err.msg);
out:
	bytebuf_free(&content);
	tmpl_data_free(l);
}

void web_message(struct web_app *a, struct http_response *res, int status, int lang,
                 const char *org, enum web_word heading, const char *text, int back)
{
	struct tmpl_data *d = tmpl_data_new();

	tmpl_set(d, "heading", web_word(heading, lang));
	tmpl_set(d, "text", text);
	if (back) {
		tmpl_set(d, "back", lang ? "/?lang=en" : "/");
		tmpl_set(d, "back_label", web_word(W_BACK, lang));
	}
	web_page(a, res, status, a->message, d, lang, org, web_word(heading, lang));
	tmpl_data_free(d);
}

/* ---- home --------------------------------------------------------------- */

static void home(struct web_app *a, struct store *s, struct http_response *res, int lang,
                 const char *org)
{
	struct store_unit *units = NULL;
	struct store_service *svcs = NULL;
	struct tmpl_data *d = tmpl_data_new();
	struct ikm_err err = {0};
	int nu = 0, ns = 0;

	if (store_unit_list(s, &units, &nu, &err) < 0 ||
	    store_service_list(s, NULL, &svcs, &ns, &err) < 0) {
		web_message(a, res, 500, lang, org, W_ERROR, web_word(W_ERROR_TEXT, lang), 0);
		goto out;
	}
	tmpl_set(d, "heading", web_word(W_TITLE, lang));
	tmpl_set(d, "intro", web_word(W_HOME_INTRO, lang));
	tmpl_set(d, "no_units", web_word(W_NO_UNITS, lang));
	tmpl_set_bool(d, "has_units", nu > 0);
	tmpl_set(d, "all_posters", web_word(W_ALL_POSTERS, lang));
	for (int i = 0; i < nu; i++) {
		struct tmpl_data *u = tmpl_add(d, "units");

		tmpl_set(u, "slug", units[i].slug);
		tmpl_set(u, "name", units[i].name);
		tmpl_set(u, "fill", web_word(W_FILL, lang));
		tmpl_set(u, "poster", web_word(W_POSTER, lang));
		tmpl_set(u, "lang_query", lang ? "?lang=en" : "");
		for (int j = 0; j < ns; j++) {
			struct tmpl_data *v;

			if (svcs[j].unit != units[i].id)
				continue;
			v = tmpl_add(u, "services");
			tmpl_set(v, "unit_slug", units[i].slug);
			tmpl_set(v, "slug", svcs[j].slug);
			tmpl_set(v, "name", svcs[j].name);
		}
	}
	web_page(a, res, 200, a->home, d, lang, org, web_word(W_TITLE, lang));
out:
	free(units);
	free(svcs);
	tmpl_data_free(d);
}

/* ---- the questionnaire -------------------------------------------------- */

/* A resent form is stored once. */
void web_new_client_id(char *buf, size_t size)
{
	unsigned char r[16];

	/* libsodium's generator (getrandom): no file opened per page. */
	randombytes_buf(r, sizeof(r));
	for (size_t i = 0; i < sizeof(r) && 2 * i + 2 < size; i++)
		snprintf(buf + 2 * i, 3, "%02x", r[i]);
}

int web_client_id_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n < WEB_CLIENT_ID_MIN || n > STORE_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || s[i] == '-'))
			return 0;
	return 1;
}

/* What the respondent sent, and what is wrong with it. */
struct answers {
	int k;
	uint8_t v[INSTR_MAX_ELEMENTS];
	int missing[INSTR_MAX_ELEMENTS];
	char gender[4], age[8], education[16], job[16];
	const char *suggestion;
	char ticket[TICKET_TYPED_MAX + 1];  /* as typed (kept on a re-render) */
	char ticket_hash[STORE_ID_MAX + 1]; /* "" = none */
	int bad_gender, bad_age, bad_education, bad_job, bad_suggestion, errors;
	enum web_word bad_ticket; /* W_TICKET_MISSING, _BAD, _USED; 0 = fine */
};

static void read_answers(const struct web_app *a, const struct formdata *f, int64_t unit, int k,
                         struct answers *an)
{
	const char *tk = formdata_get(f, "ticket");
	const char *g = formdata_get(f, "gender"), *age = formdata_get(f, "age");
	const char *e = formdata_get(f, "education"), *j = formdata_get(f, "job");

	memset(an, 0, sizeof(*an));
	an->k = k;
	for (int i = 0; i < k; i++) {
		char name[16];
		const char *v;

		snprintf(name, sizeof(name), "u%d", i + 1);
		v = formdata_get(f, name);
		if (v != NULL && v[0] >= '1' && v[0] <= '4' && v[1] == '\0')
			an->v[i] = (uint8_t)(v[0] - '0');
		else
			an->missing[i] = 1, an->errors++;
	}
	if (g != NULL && g[0] != '\0') {
		if (strcmp(g, "L") == 0 || strcmp(g, "P") == 0)
			snprintf(an->gender, sizeof(an->gender), "%s", g);
		else
			an->bad_gender = 1, an->errors++;
	}
	if (age != NULL && age[0] != '\0') {
		char *end;
		long v = strtol(age, &end, 10);

		if (*end != '\0' || v < 10 || v > 120)
			an->bad_age = 1, an->errors++;
		else
			snprintf(an->age, sizeof(an->age), "%ld", v);
	}
	if (e != NULL && e[0] != '\0') {
		an->bad_education = 1;
		for (int i = 0; i < WEB_NEDU; i++)
			if (strcmp(e, web_educations[i]) == 0) {
				snprintf(an->education, sizeof(an->education), "%s", e);
				an->bad_education = 0;
			}
		an->errors += an->bad_education;
	}
	if (j != NULL && j[0] != '\0') {
		an->bad_job = 1;
		for (int i = 0; i < WEB_NJOB; i++)
			if (strcmp(j, web_jobs[i][0]) == 0) {
				snprintf(an->job, sizeof(an->job), "%s", j);
				an->bad_job = 0;
			}
		an->errors += an->bad_job;
	}
	an->suggestion = formdata_get(f, "suggestion");
	if (an->suggestion != NULL && strlen(an->suggestion) > STORE_SUGG_MAX)
		an->bad_suggestion = 1, an->errors++;
	if (a->tickets != TICKET_OFF) {
		if (tk != NULL && strlen(tk) <= TICKET_TYPED_MAX)
			snprintf(an->ticket, sizeof(an->ticket), "%s", tk);
		if (tk == NULL || tk[0] == '\0') {
			if (a->tickets == TICKET_REQUIRED)
				an->bad_ticket = W_TICKET_MISSING;
		} else if (web_ticket(a, unit, tk, an->ticket_hash) < 0) {
			an->bad_ticket = W_TICKET_BAD;
		}
		an->errors += an->bad_ticket != 0;
	}
}

static void form_page(struct web_app *a, struct http_response *res, int status, int lang,
                      const char *org, const char *path, const struct store_unit *u,
                      const struct store_service *v, const struct instr_texts *t,
                      const struct instrument *in, const struct answers *an, const char *client_id)
{
	struct tmpl_data *d = tmpl_data_new();
	char other[HTTP_PATH_MAX + 16];

	tmpl_set(d, "heading", web_word(W_TITLE, lang));
	tmpl_set(d, "unit", u->name);
	if (v->id != 0)
		tmpl_set(d, "service", v->name);
	snprintf(other, sizeof(other), "%s%s", path, lang ? "" : "?lang=en");
	tmpl_set(d, "other_lang_url", other);
	tmpl_set(d, "other_lang", lang ? "id" : "en");
	tmpl_set(d, "other_lang_label", web_word(W_OTHER_LANG, lang));
	tmpl_set(d, "intro", web_word(W_FORM_INTRO, lang));
	tmpl_set_bool(d, "has_errors", an != NULL && an->errors > 0);
	tmpl_set(d, "errors_heading", web_word(W_ERRORS, lang));
	tmpl_set(d, "action", path);
	tmpl_set(d, "client_id", client_id);
	tmpl_set(d, "lang", lang ? "en" : "id");
	for (int j = 0; j < in->k; j++) {
		struct tmpl_data *e = tmpl_add(d, "elements");
		char field[16];

		snprintf(field, sizeof(field), "u%d", j + 1);
		tmpl_set(e, "code", in->el[j].code);
		tmpl_set(e, "field", field);
		tmpl_set(e, "question",
		         t->question[j][lang][0] != '\0' ? t->question[j][lang] : t->name[j][lang]);
		if (an != NULL && an->missing[j])
			tmpl_set(e, "error", web_word(W_REQUIRED, lang));
		for (int o = 0; o < INSTR_OPTIONS; o++) {
			struct tmpl_data *op = tmpl_add(e, "options");
			char id[32], val[12];

			snprintf(id, sizeof(id), "u%d-%d", j + 1, o + 1);
			snprintf(val, sizeof(val), "%d", o + 1);
			tmpl_set(op, "id", id);
			tmpl_set(op, "value", val);
			tmpl_set(op, "label", t->label[j][lang][o]);
			if (a->faces) {
				char face[32];

				snprintf(face, sizeof(face), "/static/face-%d.svg", o + 1);
				tmpl_set(op, "face", face);
			}
			tmpl_set_bool(op, "checked", an != NULL && an->v[j] == o + 1);
		}
	}
	if (a->tickets != TICKET_OFF) {
		tmpl_set_bool(d, "ticket_on", 1);
		tmpl_set(
		    d, "ticket_label",
		    web_word(a->tickets == TICKET_REQUIRED ? W_TICKET : W_TICKET_OPTIONAL, lang));
		tmpl_set(d, "ticket_hint", web_word(W_TICKET_HINT, lang));
		if (an != NULL) {
			tmpl_set(d, "ticket", an->ticket);
			if (an->bad_ticket != 0)
				tmpl_set(d, "ticket_error", web_word(an->bad_ticket, lang));
		}
	}
	tmpl_set(d, "profile_heading", web_word(W_PROFILE, lang));
	tmpl_set(d, "profile_hint", web_word(W_PROFILE_HINT, lang));
	for (int g = 0; g < 2; g++) {
		struct tmpl_data *o = tmpl_add(d, "genders");

		tmpl_set(o, "value", g ? "P" : "L");
		tmpl_set(o, "label", web_word(g ? W_FEMALE : W_MALE, lang));
		tmpl_set_bool(o, "checked", an != NULL && strcmp(an->gender, g ? "P" : "L") == 0);
	}
	if (an != NULL && an->bad_gender)
		tmpl_set(d, "gender_error", web_word(W_CHOICE_BAD, lang));
	tmpl_set(d, "age_label", web_word(W_AGE, lang));
	if (an != NULL) {
		tmpl_set(d, "age", an->age);
		if (an->bad_age)
			tmpl_set(d, "age_error", web_word(W_AGE_BAD, lang));
		if (an->bad_education)
			tmpl_set(d, "education_error", web_word(W_CHOICE_BAD, lang));
		if (an->bad_job)
			tmpl_set(d, "job_error", web_word(W_CHOICE_BAD, lang));
		if (an->bad_suggestion)
			tmpl_set(d, "suggestion_error", web_word(W_SUGGESTION_LONG, lang));
		if (an->suggestion != NULL)
			tmpl_set(d, "suggestion", an->suggestion);
	}
	tmpl_set(d, "education_label", web_word(W_EDUCATION, lang));
	for (int i = 0; i < WEB_NEDU; i++) {
		struct tmpl_data *o = tmpl_add(d, "educations");

		tmpl_set(o, "value", web_educations[i]);
		tmpl_set_bool(o, "selected",
		              an != NULL && strcmp(an->education, web_educations[i]) == 0);
	}
	tmpl_set(d, "job_label", web_word(W_JOB, lang));
	for (int i = 0; i < WEB_NJOB; i++) {
		struct tmpl_data *o = tmpl_add(d, "jobs");

		tmpl_set(o, "value", web_jobs[i][0]);
		tmpl_set(o, "label", web_jobs[i][lang]);
		tmpl_set_bool(o, "selected", an != NULL && strcmp(an->job, web_jobs[i][0]) == 0);
	}
	tmpl_set(d, "suggestion_label", web_word(W_SUGGESTION, lang));
	tmpl_set(d, "consent", web_word(W_CONSENT, lang));
	tmpl_set(d, "submit", web_word(W_SUBMIT, lang));
	web_page(a, res, status, a->form, d, lang, org, web_word(W_TITLE, lang));
	tmpl_data_free(d);
}

int web_store_response(struct web_app *a, struct store *s, const struct store_response *r, int *dup,
                       struct ikm_err *err)
{
	(void)s;
	return gcommit_add(a->gc, r, dup, err);
}

/* Store a valid submission. */
static int save(struct web_app *a, struct store *s, const struct web_target *tg,
                const struct answers *an, const char *client_id, unsigned flags,
                struct ikm_err *err)
{
	struct store_response *r = xcalloc(1, sizeof(*r));
	int dup, rc;

	r->unit = tg->u.id;
	r->service = tg->v.id;
	r->period = tg->p.id;
	r->instrument = tg->instr;
	r->channel = STORE_WEB;
	r->submitted = (int64_t)time(NULL);
	r->date = tg->day;
	r->k = an->k;
	memcpy(r->answers, an->v, (size_t)an->k);
	r->age = an->age[0] ? (int)strtol(an->age, NULL, 10) : -1;
	snprintf(r->gender, sizeof(r->gender), "%s", an->gender);
	snprintf(r->education, sizeof(r->education), "%s", an->education);
	snprintf(r->job, sizeof(r->job), "%s", an->job);
	snprintf(r->suggestion, sizeof(r->suggestion), "%s",
	         an->suggestion != NULL ? an->suggestion : "");
	r->flags = quality_flags(an->v, an->k) | flags;
	if (web_client_id_ok(client_id))
		snprintf(r->client_id, sizeof(r->client_id), "%s", client_id);
	snprintf(r->ticket_hash, sizeof(r->ticket_hash), "%s", an->ticket_hash);
	rc = web_store_response(a, s, r, &dup, err);
	free(r);
	return rc;
}

int web_rate_take(struct web_app *a, const struct http_request *req, struct http_response *res,
                  int lang, const char *org, unsigned *burst)
{
	static const char *const too_many[2] = {
	    "Terlalu banyak kiriman dari alamat ini; silakan coba lagi beberapa menit lagi.",
	    "Too many submissions from this address; please try again in a few minutes."};
	struct timespec now;
	double now_s;

	clock_gettime(CLOCK_MONOTONIC, &now);
	now_s = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
	*burst = 0;
	if (!ratelimit_take(a->rate, req->remote, now_s)) {
		web_message(a, res, 429, lang, org, W_ERROR, too_many[lang], 1);
		res->retry_after = WEB_RETRY_AFTER;
		return 0;
	}
	if (ratelimit_recent(a->rate, req->remote, now_s, WEB_BURST_WINDOW) >= WEB_BURST_COUNT)
		*burst = QUALITY_BURST;
	return 1;
}

static void questionnaire(struct web_app *a, struct store *s, const struct http_request *req,
                          struct http_response *res, int lang, const struct store_org *org,
                          const char *unit, const char *service)
{
	struct web_target tg;
	struct formdata f = {0};
	struct answers an;
	struct ikm_err err = {0};
	char client_id[STORE_ID_MAX + 1] = "";
	unsigned burst = 0;

	if (web_target_get(a, s, req, res, lang, org, unit, service, &tg) < 0)
		return;
	if (strcmp(req->method, "POST") != 0) {
		web_new_client_id(client_id, sizeof(client_id));
		form_page(a, res, 200, lang, org->name, req->path, &tg.u, &tg.v, tg.t, &tg.in, NULL,
		          client_id);
		goto out;
	}
	/* A token per POST from this address; many in a minute are flagged. */
	if (!web_rate_take(a, req, res, lang, org->name, &burst))
		goto out;
	if (formdata_parse(req->body, req->body_len, &f, &err) < 0) {
		web_message(a, res, 400, lang, org->name, W_ERROR, err.msg, 1);
		goto out;
	}
	snprintf(client_id, sizeof(client_id), "%s",
	         web_client_id_ok(formdata_get(&f, "client_id")) ? formdata_get(&f, "client_id")
	                                                         : "");
	read_answers(a, &f, tg.u.id, tg.in.k, &an);
	if (an.errors > 0) {
		form_page(a, res, 422, lang, org->name, req->path, &tg.u, &tg.v, tg.t, &tg.in, &an,
		          client_id);
		goto out;
	}
	/* The honeypot: people do not see it, so only robots fill it in. */
	{
		const char *hp = formdata_get(&f, "website");

		if ((hp == NULL || hp[0] == '\0') &&
		    save(a, s, &tg, &an, client_id, burst, &err) < 0) {
			int used = 0;

			/* Refused: tell a used ticket apart from a failure. */
			if (err.kind == IKM_EDATA && an.ticket_hash[0] != '\0' &&
			    store_ticket_used(s, tg.u.id, an.ticket_hash, &used, &err) < 0)
				goto fail;
			if (!used)
				goto fail;
			an.bad_ticket = W_TICKET_USED;
			an.errors++;
			form_page(a, res, 422, lang, org->name, req->path, &tg.u, &tg.v, tg.t,
			          &tg.in, &an, client_id);
			goto out;
		}
	}
	web_message(a, res, 200, lang, org->name, W_THANKS, web_word(W_THANKS_TEXT, lang), 1);
	goto out;
fail:
	fprintf(stderr, "ikm serve: %s %s: %s\n", req->method, req->path, err.msg);
	if (err.kind == IKM_EDATA) /* the period closed since the target was read */
		web_message(a, res, 409, lang, org->name, W_NOT_OPEN, web_word(W_CLOSED_TEXT, lang),
		            1);
	else {
		web_message(a, res, 503, lang, org->name, W_ERROR, web_word(W_ERROR_TEXT, lang), 1);
		res->retry_after = WEB_RETRY_AFTER;
	}
out:
	formdata_free(&f);
	web_target_free(&tg);
}

/* ---- routing ------------------------------------------------------------ */

static int want_english(const struct http_request *req)
{
	struct formdata q = {0};
	struct ikm_err err = {0};
	int en = 0;

	if (req->query[0] != '\0' &&
	    formdata_parse(req->query, strlen(req->query), &q, &err) == 0) {
		const char *l = formdata_get(&q, "lang");

		en = l != NULL && strcmp(l, "en") == 0;
		formdata_free(&q);
	}
	if (!en && strcmp(req->method, "POST") == 0 && strstr(req->body, "lang=en") != NULL)
		en = 1;
	return en;
}

void web_app_handle(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *a = app;
	struct store *s;
	struct store_org org;
	struct ikm_err err = {0};
	int lang = want_english(req);
	char unit[STORE_SLUG_MAX + 2] = "", service[STORE_SLUG_MAX + 2] = "";

	if (strcmp(req->path, "/healthz") == 0) {
		http_text(res, 200, "ok\n");
		return;
	}
	if (strncmp(req->path, "/static/", 8) == 0) {
		const struct webfile *f = webfiles_find(req->path + 8);

		/* Templates are not static files. */
		if (f == NULL || strcmp(req->method, "GET") != 0 ||
		    strncmp(f->content_type, "text/html", 9) == 0) {
			http_text(res, 404, "Halaman tidak ditemukan / not found\n");
			return;
		}
		bytebuf_add(&res->body, f->data, f->len);
		snprintf(res->content_type, sizeof(res->content_type), "%s", f->content_type);
		snprintf(res->cache_control, sizeof(res->cache_control), "public, max-age=86400");
		return;
	}
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "POST") != 0) {
		http_text(res, 405, "Metode tidak didukung / method not allowed\n");
		return;
	}
	s = web_thread_store(a, &err);
	if (s == NULL || web_org_get(a, s, &org, &err) < 0) {
		fprintf(stderr, "ikm serve: %s\n", err.msg);
		http_text(res, 503, "Layanan sedang terganggu / service unavailable\n");
		return;
	}
	if (console_path(req->path)) {
		console_handle(a, s, &org, req, res);
		return;
	}
	if (strncmp(req->path, "/api/", 5) == 0) {
		web_api_handle(a, s, req, res);
		return;
	}
	if (kiosk_handle(a, s, req, res, lang, &org))
		return;
	if (strcmp(req->path, "/") == 0 && strcmp(req->method, "GET") == 0) {
		home(a, s, res, lang, org.name);
		return;
	}
	if (strcmp(req->path, "/qr/semua.pdf") == 0 && strcmp(req->method, "GET") == 0) {
		qrpage_all(s, req, res, &org);
		return;
	}
	{
		/* /u/UNIT[/SERVICE]/qr.pdf|.png|.svg: the poster. */
		size_t n = strlen(req->path);
		static const char *const ext[] = {"/qr.pdf", "/qr.png", "/qr.svg"};

		for (int e = 0; e < 3 && strcmp(req->method, "GET") == 0; e++) {
			char base[HTTP_PATH_MAX], expect[HTTP_PATH_MAX];

			if (n <= 7 || n >= sizeof(base) || strcmp(req->path + n - 7, ext[e]) != 0)
				continue;
			memcpy(base, req->path, n - 7);
			base[n - 7] = '\0';
			if (sscanf(base, "/u/%64[a-z0-9-]/%64[a-z0-9-]", unit, service) < 1 ||
			    !store_slug_ok(unit) || (service[0] != '\0' && !store_slug_ok(service)))
				break;
			snprintf(expect, sizeof(expect), "/u/%s%s%s", unit, service[0] ? "/" : "",
			         service);
			if (strcmp(expect, base) != 0)
				break;
			if (qrpage_one(s, req, res, &org, unit, service[0] ? service : NULL,
			               (enum qrposter_format)e) < 0)
				web_message(a, res, 404, lang, org.name, W_NOT_FOUND,
				            web_word(W_NOT_FOUND_TEXT, lang), 1);
			return;
		}
		unit[0] = service[0] = '\0';
	}
	if (sscanf(req->path, "/u/%64[a-z0-9-]/%64[a-z0-9-]", unit, service) >= 1 &&
	    store_slug_ok(unit) && (service[0] == '\0' || store_slug_ok(service))) {
		char expect[HTTP_PATH_MAX];

		/* Exactly /u/UNIT or /u/UNIT/SERVICE, nothing after. */
		snprintf(expect, sizeof(expect), "/u/%s%s%s", unit, service[0] ? "/" : "", service);
		if (strcmp(expect, req->path) == 0) {
			questionnaire(a, s, req, res, lang, &org, unit,
			              service[0] ? service : NULL);
			return;
		}
	}
	web_message(a, res, 404, lang, org.name, W_NOT_FOUND, web_word(W_NOT_FOUND_TEXT, lang), 1);
}
