/* kiosk: see kiosk.h. The page is share/web/kiosk.html, a whole document
 * of its own (no site header: the kiosk fills the screen) whose script
 * builds the screens from the JSON data block; the POST goes JSON ->
 * apibody_validate -> web_store_response like the API's, with the unit and
 * service of the address, a required client id and a bounded date. */
#include "kiosk.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api.h"
#include "apibody.h"
#include "app_int.h"
#include "formdata.h"
#include "quality.h"
#include "ratelimit.h"
#include "webfiles.h"
#include "xalloc.h"

struct kiosk {
	struct tmpl *page;
	struct ratelimit *rate; /* kiosk POSTs per address; no burst flags */
};

/* The kiosk's own words (the shared ones come from web_word). */
enum kiosk_word {
	K_START,
	K_START_HINT,
	K_PROGRESS,
	K_BACK,
	K_NEXT,
	K_SKIP,
	K_GENDER,
	K_THANKS_TEXT,
	K_DONE,
	K_PENDING,
	K_ALL_SENT,
	K_DROPPED,
	K_OFFLINE,
	K_NO_STORAGE,
	K_NOSCRIPT,
	K_FORM_LINK,
	K_LOADING,
	K_COUNT
};

static const char *const kwords[K_COUNT][2] = {
    {"Mulai", "Start"},
    {"Sentuh Mulai untuk menilai pelayanan yang baru saja Anda terima. Pengisian sekitar satu "
     "menit.",
     "Touch Start to rate the service you have just received. It takes about a minute."},
    {"Pertanyaan {n} dari {k}", "Question {n} of {k}"},
    {"Kembali", "Back"},
    {"Lanjut", "Next"},
    {"Lewati", "Skip"},
    {"Jenis kelamin", "Gender"},
    {"Jawaban Anda sudah kami simpan dan akan dipakai untuk memperbaiki pelayanan.",
     "We have saved your answers and will use them to improve the service."},
    {"Selesai", "Done"},
    {"{n} jawaban menunggu dikirim", "{n} responses waiting to be sent"},
    {"Semua jawaban sudah terkirim", "All responses have been sent"},
    {"{n} jawaban ditolak server dan tidak dapat disimpan",
     "{n} responses were refused by the server and cannot be stored"},
    {"Server belum dapat dihubungi; jawaban disimpan di perangkat ini",
     "The server cannot be reached yet; responses are kept on this device"},
    {"Perangkat ini tidak dapat menyimpan jawaban; jawaban hanya terkirim saat tersambung",
     "This device cannot keep responses; they are sent only while connected"},
    {"Mode kios memerlukan JavaScript.", "The kiosk mode needs JavaScript."},
    {"Buka kuesioner biasa", "Open the ordinary questionnaire"},
    {"Memuat survei\xe2\x80\xa6", "Loading the survey\xe2\x80\xa6"},
};

/* Where a kiosk's words come from: its own table or the site's. */
static const struct {
	const char *key;
	int kiosk; /* 1: kwords, 0: web_word */
	int word;
} page_words[] = {
    {"title", 0, W_TITLE},
    {"other_lang", 0, W_OTHER_LANG},
    {"start", 1, K_START},
    {"start_hint", 1, K_START_HINT},
    {"progress", 1, K_PROGRESS},
    {"back", 1, K_BACK},
    {"next", 1, K_NEXT},
    {"skip", 1, K_SKIP},
    {"profile", 0, W_PROFILE},
    {"profile_hint", 0, W_PROFILE_HINT},
    {"gender", 1, K_GENDER},
    {"male", 0, W_MALE},
    {"female", 0, W_FEMALE},
    {"age", 0, W_AGE},
    {"age_bad", 0, W_AGE_BAD},
    {"education", 0, W_EDUCATION},
    {"job", 0, W_JOB},
    {"suggestion", 0, W_SUGGESTION},
    {"consent", 0, W_CONSENT},
    {"submit", 0, W_SUBMIT},
    {"thanks", 0, W_THANKS},
    {"thanks_text", 1, K_THANKS_TEXT},
    {"done", 1, K_DONE},
    {"pending", 1, K_PENDING},
    {"all_sent", 1, K_ALL_SENT},
    {"dropped", 1, K_DROPPED},
    {"offline", 1, K_OFFLINE},
    {"no_storage", 1, K_NO_STORAGE},
    {"ticket", 0, W_TICKET},
    {"ticket_optional", 0, W_TICKET_OPTIONAL},
    {"ticket_hint", 0, W_TICKET_HINT},
    {"ticket_missing", 0, W_TICKET_MISSING},
    {"ticket_bad", 0, W_TICKET_BAD},
};

int kiosk_new(struct kiosk **out, struct ikm_err *err)
{
	const struct webfile *f = webfiles_find("kiosk.html");
	struct kiosk *k;
	char *text;
	int rc;

	*out = NULL;
	if (f == NULL)
		return err_set(err, IKM_EIO, "kiosk.html: templat tidak ada / template missing");
	k = xcalloc(1, sizeof(*k));
	text = xmalloc(f->len + 1);
	memcpy(text, f->data, f->len);
	text[f->len] = '\0';
	rc = tmpl_parse("kiosk.html", text, &k->page, err);
	free(text);
	if (rc < 0) {
		free(k);
		return -1;
	}
	kiosk_set_rate(k, WEB_RATE_DEFAULT);
	*out = k;
	return 0;
}

void kiosk_free(struct kiosk *k)
{
	if (k == NULL)
		return;
	tmpl_free(k->page);
	ratelimit_free(k->rate);
	free(k);
}

void kiosk_set_rate(struct kiosk *k, double form_per_minute)
{
	double per = form_per_minute > 0 ? KIOSK_RATE_FACTOR * form_per_minute : 0;

	if (k == NULL)
		return;
	ratelimit_free(k->rate);
	k->rate = ratelimit_new(per, per > 0 ? 2 * per : 1, WEB_RATE_CLIENTS);
}

/* ---- pure helpers -------------------------------------------------------- */

void kiosk_script_json(struct bytebuf *out, const char *json)
{
	const char *p = json, *run = json;

	if (json == NULL)
		return;
	for (; *p != '\0'; p++) {
		const char *esc = NULL;
		size_t skip = 1;

		if (*p == '<')
			esc = "\\u003c";
		else if (*p == '>')
			esc = "\\u003e";
		else if (*p == '&')
			esc = "\\u0026";
		else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
		         ((unsigned char)p[2] == 0xa8 || (unsigned char)p[2] == 0xa9)) {
			esc = (unsigned char)p[2] == 0xa8 ? "\\u2028" : "\\u2029";
			skip = 3;
		}
		if (esc == NULL)
			continue;
		bytebuf_add(out, run, (size_t)(p - run));
		bytebuf_puts(out, esc);
		p += skip - 1;
		run = p + 1;
	}
	bytebuf_add(out, run, (size_t)(p - run));
}

/* Days since 1970-01-01 of a proleptic Gregorian yyyymmdd (H. Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int32_t ymd)
{
	int64_t y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

enum kiosk_date kiosk_date_check(int32_t date, int32_t today, int max_age)
{
	if (date > today)
		return KIOSK_DATE_FUTURE;
	if (days_from_civil(today) - days_from_civil(date) > max_age)
		return KIOSK_DATE_OLD;
	return KIOSK_DATE_OK;
}

int kiosk_reset_seconds(const char *query)
{
	struct formdata q = {0};
	struct ikm_err err = {0};
	const char *v;
	int reset = KIOSK_RESET_DEFAULT;

	if (query == NULL || query[0] == '\0' || formdata_parse(query, strlen(query), &q, &err) < 0)
		return reset;
	v = formdata_get(&q, "reset");
	if (v != NULL && v[0] >= '0' && v[0] <= '9') {
		char *end;
		long n = strtol(v, &end, 10);

		if (*end == '\0')
			reset = n < KIOSK_RESET_MIN   ? KIOSK_RESET_MIN
			        : n > KIOSK_RESET_MAX ? KIOSK_RESET_MAX
			                              : (int)n;
	}
	formdata_free(&q);
	return reset;
}

/* ---- routes -------------------------------------------------------------- */

/* 1 when path is exactly /u/UNIT[/SERVICE]suffix; unit and service (""
 * when none) filled. */
static int kiosk_path(const char *path, const char *suffix, char *unit, char *service)
{
	size_t n = strlen(path), m = strlen(suffix);
	char base[HTTP_PATH_MAX], expect[HTTP_PATH_MAX];

	unit[0] = service[0] = '\0';
	if (n <= m || n - m >= sizeof(base) || strcmp(path + n - m, suffix) != 0)
		return 0;
	memcpy(base, path, n - m);
	base[n - m] = '\0';
	if (sscanf(base, "/u/%64[a-z0-9-]/%64[a-z0-9-]", unit, service) < 1 ||
	    !store_slug_ok(unit) || (service[0] != '\0' && !store_slug_ok(service)))
		return 0;
	snprintf(expect, sizeof(expect), "/u/%s%s%s", unit, service[0] ? "/" : "", service);
	return strcmp(expect, base) == 0;
}

/* A JSON string of s; "" for text that is not UTF-8 (never expected). */
static json_t *jstr(const char *s)
{
	json_t *v = json_string(s != NULL ? s : "");

	return v != NULL ? v : json_string("");
}

/* A JSON array [Indonesian, English]. */
static json_t *jpair(const char *id, const char *en)
{
	json_t *a = json_array();

	json_array_append_new(a, jstr(id));
	json_array_append_new(a, jstr(en));
	return a;
}

/* Hours east of UTC of the organisation's zone (store_today's zones). */
static int zone_hours(const char *zone)
{
	return strcmp(zone, "WIT") == 0 ? 9 : strcmp(zone, "WITA") == 0 ? 8 : 7;
}

/* The data block of the page: what the script shows and where it posts
 * (text owned by the caller, free()). */
static char *page_data(const struct web_app *a, const struct web_target *tg,
                       const struct store_org *org, const char *path, const char *unit,
                       const char *service, int lang, int reset)
{
	json_t *d = json_object(), *qs = json_array(), *w = json_object();
	json_t *edu = json_array(), *jobs = json_array();
	char form[HTTP_PATH_MAX];
	char *text;

	snprintf(form, sizeof(form), "/u/%s%s%s", unit, service[0] ? "/" : "", service);
	json_object_set_new(d, "unit", jstr(unit));
	json_object_set_new(d, "service", service[0] ? jstr(service) : json_null());
	json_object_set_new(d, "post", jstr(path));
	json_object_set_new(d, "form", jstr(form));
	json_object_set_new(d, "org", jstr(org->name));
	json_object_set_new(d, "unit_name", jstr(tg->u.name));
	json_object_set_new(d, "service_name", tg->v.id != 0 ? jstr(tg->v.name) : json_null());
	json_object_set_new(d, "lang", jstr(lang ? "en" : "id"));
	json_object_set_new(d, "zone_hours", json_integer(zone_hours(org->zone)));
	json_object_set_new(d, "reset", json_integer(reset));
	json_object_set_new(d, "thanks", json_integer(KIOSK_THANKS_S));
	json_object_set_new(d, "flush", json_integer(KIOSK_FLUSH_S));
	for (int j = 0; j < tg->in.k; j++) {
		json_t *q = json_object(), *labels = json_array();
		const char *qid =
		    tg->t->question[j][0][0] ? tg->t->question[j][0] : tg->t->name[j][0];
		const char *qen =
		    tg->t->question[j][1][0] ? tg->t->question[j][1] : tg->t->name[j][1];

		for (int o = 0; o < INSTR_OPTIONS; o++)
			json_array_append_new(labels,
			                      jpair(tg->t->label[j][0][o], tg->t->label[j][1][o]));
		json_object_set_new(q, "code", jstr(tg->in.el[j].code));
		json_object_set_new(q, "text", jpair(qid, qen));
		json_object_set_new(q, "labels", labels);
		json_array_append_new(qs, q);
	}
	json_object_set_new(d, "questions", qs);
	for (int i = 0; i < WEB_NEDU; i++)
		json_array_append_new(edu, jstr(web_educations[i]));
	for (int i = 0; i < WEB_NJOB; i++) {
		json_t *jo = json_object();

		json_object_set_new(jo, "value", jstr(web_jobs[i][0]));
		json_object_set_new(jo, "label", jpair(web_jobs[i][0], web_jobs[i][1]));
		json_array_append_new(jobs, jo);
	}
	json_object_set_new(d, "educations", edu);
	json_object_set_new(d, "jobs", jobs);
	for (size_t i = 0; i < sizeof(page_words) / sizeof(page_words[0]); i++) {
		int wd = page_words[i].word;

		json_object_set_new(w, page_words[i].key,
		                    page_words[i].kiosk ? jpair(kwords[wd][0], kwords[wd][1])
		                                        : jpair(web_word((enum web_word)wd, 0),
		                                                web_word((enum web_word)wd, 1)));
	}
	json_object_set_new(d, "words", w);
	json_object_set_new(d, "tickets",
	                    jstr(a->tickets == TICKET_REQUIRED   ? "required"
	                         : a->tickets == TICKET_OPTIONAL ? "optional"
	                                                         : "off"));
	text = json_dumps(d, JSON_COMPACT);
	json_decref(d);
	return text;
}

/* GET /u/UNIT[/SERVICE]/kiosk */
static void page(struct web_app *a, struct store *s, const struct http_request *req,
                 struct http_response *res, int lang, const struct store_org *org, const char *unit,
                 const char *service)
{
	struct web_target tg;
	struct tmpl_data *d;
	struct bytebuf data = {0};
	struct ikm_err err = {0};
	char form[HTTP_PATH_MAX + 16], manifest[HTTP_PATH_MAX];
	char *json;

	if (web_target_get(a, s, req, res, lang, org, unit, service[0] ? service : NULL, &tg) < 0)
		return;
	json =
	    page_data(a, &tg, org, req->path, unit, service, lang, kiosk_reset_seconds(req->query));
	if (json == NULL) {
		http_text(res, 500, "Data kios tidak dapat dibuat / kiosk data failed\n");
		goto out;
	}
	kiosk_script_json(&data, json);
	free(json);
	snprintf(form, sizeof(form), "/u/%s%s%s%s", unit, service[0] ? "/" : "", service,
	         lang ? "?lang=en" : "");
	snprintf(manifest, sizeof(manifest), "%s.webmanifest", req->path);
	d = tmpl_data_new();
	tmpl_set(d, "lang", lang ? "en" : "id");
	tmpl_set(d, "title", web_word(W_TITLE, lang));
	tmpl_set(d, "unit", tg.u.name);
	tmpl_set(d, "manifest", manifest);
	tmpl_set(d, "form", form);
	tmpl_set(d, "noscript", kwords[K_NOSCRIPT][lang]);
	tmpl_set(d, "form_label", kwords[K_FORM_LINK][lang]);
	tmpl_set(d, "loading", kwords[K_LOADING][lang]);
	tmpl_set(d, "data", data.p != NULL ? data.p : "{}");
	res->status = 200;
	if (tmpl_render(a->kiosk->page, d, &res->body, &err) < 0)
		http_text(res, 500, err.msg);
	tmpl_data_free(d);
out:
	bytebuf_free(&data);
	web_target_free(&tg);
}

/* GET /u/UNIT[/SERVICE]/kiosk.webmanifest: an installed kiosk opens full
 * screen at its page. */
static void manifest(struct store *s, const struct http_request *req, struct http_response *res,
                     const char *unit, const char *service)
{
	struct store_unit u;
	struct store_service v = {0};
	struct ikm_err err = {0};
	char start[HTTP_PATH_MAX], name[STORE_NAME_MAX * 2 + 64];
	json_t *m, *icons;
	char *text;

	if (store_unit_get(s, unit, &u, &err) < 0 ||
	    (service[0] != '\0' && store_service_get(s, unit, service, &v, &err) < 0)) {
		if (err.kind == IKM_EDATA)
			http_text(res, 404, "Halaman tidak ditemukan / not found\n");
		else
			web_api_store_failed(res, req, &err);
		return;
	}
	snprintf(start, sizeof(start), "/u/%s%s%s/kiosk", unit, service[0] ? "/" : "", service);
	snprintf(name, sizeof(name), "%s%s%s", u.name, v.id != 0 ? " \xc2\xb7 " : "",
	         v.id != 0 ? v.name : "");
	icons = json_array();
	json_array_append_new(icons, json_pack("{s:s, s:s, s:s}", "src", "/static/face-4.svg",
	                                       "sizes", "any", "type", "image/svg+xml"));
	m = json_object();
	json_object_set_new(m, "name", jstr(name));
	json_object_set_new(m, "short_name", jstr("SKM"));
	json_object_set_new(m, "description", jstr(web_word(W_TITLE, 0)));
	json_object_set_new(m, "lang", jstr("id"));
	json_object_set_new(m, "start_url", jstr(start));
	json_object_set_new(m, "scope", jstr(start));
	json_object_set_new(m, "display", jstr("fullscreen"));
	json_object_set_new(m, "background_color", jstr("#ffffff"));
	json_object_set_new(m, "theme_color", jstr("#0a4f8a"));
	json_object_set_new(m, "icons", icons);
	text = json_dumps(m, JSON_COMPACT | JSON_INDENT(0));
	json_decref(m);
	if (text == NULL) {
		http_text(res, 500, "manifest\n");
		return;
	}
	bytebuf_puts(&res->body, text);
	bytebuf_puts(&res->body, "\n");
	free(text);
	snprintf(res->content_type, sizeof(res->content_type), "application/manifest+json");
	snprintf(res->cache_control, sizeof(res->cache_control), "no-cache");
}

/* The unit and service of the address, the current instrument: 1 found,
 * 0 unknown (404 in res), -1 store failure (503 in res). */
static int resolve(struct store *s, const struct http_request *req, struct http_response *res,
                   const char *unit, const char *service, struct store_unit *u,
                   struct store_service *v, int64_t *instr, struct instrument *in)
{
	struct ikm_err err = {0};

	memset(v, 0, sizeof(*v));
	if (store_unit_get(s, unit, u, &err) < 0 ||
	    (service[0] != '\0' && store_service_get(s, unit, service, v, &err) < 0)) {
		if (err.kind != IKM_EDATA)
			goto fail;
		web_api_fail(res, 404, "not_found",
		             "Unit atau layanan kios ini tidak ada / no such unit or service");
		return 0;
	}
	if (store_instrument_current(s, u->id, instr, in, &err) < 0)
		goto fail;
	return 1;
fail:
	web_api_store_failed(res, req, &err);
	return -1;
}

/* The checks of a kiosk body beyond the API's: the address's unit and
 * service, a client id, a date neither future nor too old (0: today). */
static void check_kiosk(struct apibody *b, const char *unit, const char *service, int32_t today)
{
	if (b->unit[0] != '\0' && strcmp(b->unit, unit) != 0)
		apibody_error(
		    b, "unit",
		    "unit tidak sesuai dengan alamat kios / unit does not match the kiosk "
		    "address");
	if (strcmp(b->service, service) != 0)
		apibody_error(
		    b, "service",
		    "layanan tidak sesuai dengan alamat kios / service does not match the "
		    "kiosk address");
	if (b->client_id[0] == '\0' && b->nerr < APIBODY_ERRORS_MAX) {
		int named = 0;

		for (int i = 0; i < b->nerr; i++)
			named |= strcmp(b->err[i].field, "client_id") == 0;
		if (!named)
			apibody_error(
			    b, "client_id",
			    "wajib diisi untuk kios (32 angka heksadesimal acak) / required "
			    "for the kiosk (32 random hex digits)");
	}
	if (b->date == 0)
		b->date = today;
	switch (kiosk_date_check(b->date, today, KIOSK_DATE_AGE_MAX)) {
	case KIOSK_DATE_FUTURE:
		apibody_error(b, "date",
		              "tanggal di masa depan; periksa jam perangkat kios / date in the "
		              "future; check the kiosk's clock");
		break;
	case KIOSK_DATE_OLD: {
		char msg[APIBODY_MSG_MAX + 1];

		snprintf(msg, sizeof(msg),
		         "tanggal lebih dari %d hari yang lalu / date more than %d days ago",
		         KIOSK_DATE_AGE_MAX, KIOSK_DATE_AGE_MAX);
		apibody_error(b, "date", msg);
		break;
	}
	case KIOSK_DATE_OK:
		break;
	}
}

/* Store the valid body b (channel kiosk, quality flags but never burst). */
static void store_body(struct web_app *a, struct store *s, const struct http_request *req,
                       struct http_response *res, const struct apibody *b,
                       const struct store_unit *u, const struct store_service *v, int64_t instr,
                       int k)
{
	struct store_response *r;
	struct store_period p;
	struct ikm_err err = {0};
	int found = 0, dup = 0;

	if (store_period_on(s, b->date, &p, &found, &err) < 0) {
		web_api_store_failed(res, req, &err);
		return;
	}
	if (!found || p.closed) {
		web_api_fail(res, 409, "no_open_period",
		             found ? "Periode survei pada tanggal itu sudah ditutup / the survey "
		                     "period of that date is closed"
		                   : "Tidak ada periode survei pada tanggal itu / no survey period "
		                     "on that date");
		return;
	}
	r = xcalloc(1, sizeof(*r));
	r->unit = u->id;
	r->service = v->id;
	r->period = p.id;
	r->instrument = instr;
	r->channel = STORE_KIOSK;
	r->submitted = (int64_t)time(NULL);
	r->date = b->date;
	r->k = k;
	memcpy(r->answers, b->answers, (size_t)k);
	r->age = b->age;
	snprintf(r->gender, sizeof(r->gender), "%s", b->gender);
	snprintf(r->education, sizeof(r->education), "%s", b->education);
	snprintf(r->job, sizeof(r->job), "%s", b->job);
	snprintf(r->suggestion, sizeof(r->suggestion), "%s", b->suggestion);
	snprintf(r->client_id, sizeof(r->client_id), "%s", b->client_id);
	/* No QUALITY_BURST: see kiosk.h. */
	r->flags = quality_flags(r->answers, r->k);
	if (web_api_store(a, s, req, res, b, r, &dup) == 0)
		web_api_reply(res, dup ? 200 : 201,
		              json_pack("{s:b, s:b}", "stored", 1, "duplicate", dup));
	free(r);
}

/* POST /u/UNIT[/SERVICE]/kiosk */
static void submit(struct web_app *a, struct store *s, const struct http_request *req,
                   struct http_response *res, const struct store_org *org, const char *unit,
                   const char *service)
{
	struct apibody *b = NULL;
	struct instrument *in = NULL;
	struct store_unit u;
	struct store_service v;
	struct timespec now;
	json_error_t jerr;
	json_t *root = NULL;
	int64_t instr = 0;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!ratelimit_take(a->kiosk->rate, req->remote,
	                    (double)now.tv_sec + (double)now.tv_nsec / 1e9)) {
		web_api_fail(res, 429, "rate_limited",
		             "Terlalu banyak kiriman dari alamat ini; kios akan mencoba lagi / too "
		             "many submissions from this address; the kiosk will retry");
		return;
	}
	if (strncmp(req->content_type, "application/json", 16) != 0) {
		web_api_fail(res, 415, "unsupported_media_type",
		             "Kirim Content-Type: application/json / send application/json");
		return;
	}
	root = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL || !json_is_object(root)) {
		web_api_fail(res, 400, "malformed",
		             "Isi permintaan harus objek JSON / the body must be a JSON object");
		goto out;
	}
	in = xmalloc(sizeof(*in));
	if (resolve(s, req, res, unit, service, &u, &v, &instr, in) <= 0)
		goto out;
	b = xmalloc(sizeof(*b));
	apibody_validate(root, in, b);
	check_kiosk(b, unit, service, store_today(org->zone));
	web_api_ticket_required(a, b);
	if (b->nerr > 0)
		web_api_invalid(res, b);
	else
		store_body(a, s, req, res, b, &u, &v, instr, in->k);
out:
	json_decref(root);
	free(b);
	free(in);
}

/* A file of share/web with the given cache policy. */
static void serve_file(struct http_response *res, const char *name, const char *cache)
{
	const struct webfile *f = webfiles_find(name);

	if (f == NULL) {
		http_text(res, 404, "Halaman tidak ditemukan / not found\n");
		return;
	}
	bytebuf_add(&res->body, f->data, f->len);
	snprintf(res->content_type, sizeof(res->content_type), "%s", f->content_type);
	snprintf(res->cache_control, sizeof(res->cache_control), "%s", cache);
}

int kiosk_handle(struct web_app *a, struct store *s, const struct http_request *req,
                 struct http_response *res, int lang, const struct store_org *org)
{
	char unit[STORE_SLUG_MAX + 2], service[STORE_SLUG_MAX + 2];
	int get = strcmp(req->method, "GET") == 0;

	if (strcmp(req->path, "/kiosk-sw.js") == 0) {
		/* no-cache: a changed worker is seen at the next visit. */
		if (get)
			serve_file(res, "kiosk-sw.js", "no-cache");
		else
			http_text(res, 405, "Metode tidak didukung / method not allowed\n");
		return 1;
	}
	if (kiosk_path(req->path, "/kiosk.webmanifest", unit, service)) {
		if (get)
			manifest(s, req, res, unit, service);
		else
			http_text(res, 405, "Metode tidak didukung / method not allowed\n");
		return 1;
	}
	if (!kiosk_path(req->path, "/kiosk", unit, service))
		return 0;
	if (get)
		page(a, s, req, res, lang, org, unit, service);
	else
		submit(a, s, req, res, org, unit, service);
	return 1;
}
