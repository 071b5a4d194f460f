/* api: see api.h. The body goes JSON -> apibody_validate (pure) ->
 * web_store_response, on the same rules as the questionnaire's form. */
#include "api.h"

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "apibody.h"
#include "app_int.h"
#include "quality.h"
#include "xalloc.h"

#define API_KEY_HEADER_MAX 128 /* named limit: bytes of an Authorization value used */

void web_api_reply(struct http_response *res, int status, json_t *o)
{
	char *text = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;

	res->status = status;
	snprintf(res->content_type, sizeof(res->content_type), "application/json");
	bytebuf_free(&res->body);
	if (text == NULL) {
		res->status = 500;
		bytebuf_puts(&res->body, "{\"error\":\"internal\"}\n");
	} else {
		bytebuf_puts(&res->body, text);
		bytebuf_puts(&res->body, "\n");
	}
	free(text);
	json_decref(o);
}

void web_api_fail(struct http_response *res, int status, const char *code, const char *message)
{
	web_api_reply(res, status, json_pack("{s:s, s:s}", "error", code, "message", message));
}

int web_api_status(enum ikm_err_kind kind)
{
	switch (kind) {
	case IKM_EDATA:
		return 409; /* the data refused it: a period closed meanwhile */
	case IKM_EUSAGE:
	case IKM_ELIMIT:
		return 422;
	default:
		return 503;
	}
}

void web_api_store_failed(struct http_response *res, const struct http_request *req,
                          const struct ikm_err *err)
{
	int status = web_api_status(err->kind);

	fprintf(stderr, "ikm serve: %s %s: %s\n", req->method, req->path, err->msg);
	if (status == 503)
		web_api_fail(
		    res, 503, "unavailable",
		    "Layanan sedang terganggu; coba lagi / service unavailable; try again");
	else
		web_api_fail(res, status, status == 409 ? "conflict" : "invalid", err->msg);
}

/* 1 when the request carries a valid key in use (*failed = 1 when the store failed). */
static int authorised(struct store *s, const struct http_request *req, struct ikm_err *err,
                      int *failed)
{
	const char *h = http_header(req, "Authorization");
	char key[API_KEY_HEADER_MAX + 1], name[STORE_APIKEY_NAME_MAX + 1];
	int ok = 0;

	*failed = 0;
	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0)
		return 0;
	h += 7;
	while (*h == ' ')
		h++;
	if (strlen(h) > API_KEY_HEADER_MAX)
		return 0;
	snprintf(key, sizeof(key), "%s", h);
	/* Trailing blanks are not part of the key. */
	for (size_t n = strlen(key); n > 0 && (key[n - 1] == ' ' || key[n - 1] == '\t'); n--)
		key[n - 1] = '\0';
	if (store_apikey_check(s, key, name, &ok, err) < 0)
		*failed = 1;
	sodium_memzero(key, sizeof(key));
	return ok;
}

void web_api_invalid(struct http_response *res, const struct apibody *b)
{
	json_t *fields = json_object();

	for (int i = 0; i < b->nerr; i++)
		json_object_set_new(fields, b->err[i].field, json_string(b->err[i].msg));
	web_api_reply(
	    res, 422,
	    json_pack("{s:s, s:s, s:o}", "error", "invalid", "message",
	              "Beberapa isian tidak sah; lihat fields / some fields are invalid; see "
	              "fields",
	              "fields", fields));
}

static void submit(struct web_app *a, struct store *s, const struct http_request *req,
                   struct http_response *res, const json_t *root)
{
	struct apibody *b = xmalloc(sizeof(*b));
	struct store_response *r = NULL;
	struct store_unit u;
	struct store_service v = {0};
	struct store_org org;
	struct store_period p;
	struct instrument *in = xmalloc(sizeof(*in));
	struct ikm_err err = {0};
	int64_t instr = 0;
	int found = 0, dup = 0, have_unit = 0;

	/* The unit decides the instrument the answers are checked against. */
	{
		const json_t *ju = json_object_get(root, "unit");
		const char *slug = json_is_string(ju) ? json_string_value(ju) : NULL;

		if (slug != NULL && strlen(slug) <= STORE_SLUG_MAX && store_slug_ok(slug)) {
			if (store_unit_get(s, slug, &u, &err) == 0)
				have_unit = 1;
			else if (err.kind != IKM_EDATA)
				goto store_fail;
			if (have_unit && store_instrument_current(s, u.id, &instr, in, &err) < 0)
				goto store_fail;
		}
	}
	apibody_validate(root, have_unit ? in : NULL, b);
	if (!have_unit && b->unit[0] != '\0')
		apibody_error(b, "unit", "unit tidak dikenal / unknown unit");
	if (have_unit && b->service[0] != '\0' &&
	    store_service_get(s, u.slug, b->service, &v, &err) < 0) {
		if (err.kind != IKM_EDATA)
			goto store_fail;
		apibody_error(b, "service",
		              "layanan tidak dikenal pada unit ini / unknown service");
	}
	if (have_unit)
		web_api_ticket_required(a, b);
	if (b->nerr > 0) {
		web_api_invalid(res, b);
		goto out;
	}
	if (store_org_get(s, &org, &err) < 0)
		goto store_fail;
	if (b->date == 0)
		b->date = store_today(org.zone);
	if (store_period_on(s, b->date, &p, &found, &err) < 0)
		goto store_fail;
	if (!found || p.closed) {
		web_api_fail(
		    res, 409, "no_open_period",
		    found ? "Periode survei pada tanggal itu sudah ditutup / the survey period of "
			    "that date is closed"
			  : "Tidak ada periode survei pada tanggal itu / no survey period on that "
			    "date");
		goto out;
	}
	r = xcalloc(1, sizeof(*r));
	r->unit = u.id;
	r->service = v.id;
	r->period = p.id;
	r->instrument = instr;
	r->channel = STORE_API;
	r->submitted = (int64_t)time(NULL);
	r->date = b->date;
	r->k = in->k;
	memcpy(r->answers, b->answers, (size_t)in->k);
	r->age = b->age;
	snprintf(r->gender, sizeof(r->gender), "%s", b->gender);
	snprintf(r->education, sizeof(r->education), "%s", b->education);
	snprintf(r->job, sizeof(r->job), "%s", b->job);
	snprintf(r->suggestion, sizeof(r->suggestion), "%s", b->suggestion);
	snprintf(r->client_id, sizeof(r->client_id), "%s", b->client_id);
	r->flags = quality_flags(r->answers, r->k);
	if (web_api_store(a, s, req, res, b, r, &dup) < 0)
		goto out;
	if (dup)
		web_api_reply(res, 200, json_pack("{s:s, s:b}", "id", "stored", "duplicate", 1));
	else
		web_api_reply(res, 201, json_pack("{s:s, s:b}", "id", "stored", "duplicate", 0));
	goto out;
store_fail:
	web_api_store_failed(res, req, &err);
out:
	free(r);
	free(in);
	free(b);
}

void web_api_ticket_required(const struct web_app *a, struct apibody *b)
{
	if (a->tickets == TICKET_REQUIRED && b->ticket[0] == '\0')
		apibody_error(b, "ticket", "nomor tiket wajib diisi / a ticket is required");
}

int web_api_store(struct web_app *a, struct store *s, const struct http_request *req,
                  struct http_response *res, const struct apibody *b, struct store_response *r,
                  int *dup)
{
	struct ikm_err err = {0};
	int used = 0;

	web_ticket(a, r->unit, b->ticket, r->ticket_hash);
	if (web_store_response(a, s, r, dup, &err) == 0)
		return 0;
	if (err.kind == IKM_EDATA && r->ticket_hash[0] != '\0' &&
	    store_ticket_used(s, r->unit, r->ticket_hash, &used, &err) == 0 && used)
		web_api_fail(
		    res, 409, "ticket_used",
		    "Tiket ini sudah dipakai untuk satu tanggapan di unit ini / the ticket "
		    "was already used in this unit");
	else
		web_api_store_failed(res, req, &err);
	return -1;
}

void web_api_handle(struct web_app *a, struct store *s, const struct http_request *req,
                    struct http_response *res)
{
	struct ikm_err err = {0};
	json_error_t jerr;
	json_t *root;
	int failed = 0;

	if (strcmp(req->path, "/api/v1/responses") != 0) {
		web_api_fail(res, 404, "not_found", "Alamat API tidak ada / no such API address");
		return;
	}
	if (strcmp(req->method, "POST") != 0) {
		web_api_fail(res, 405, "method_not_allowed", "Gunakan POST / use POST");
		return;
	}
	if (!authorised(s, req, &err, &failed)) {
		if (failed) {
			web_api_store_failed(res, req, &err);
			return;
		}
		snprintf(res->www_authenticate, sizeof(res->www_authenticate),
		         "Bearer realm=\"ikm\"");
		web_api_fail(
		    res, 401, "unauthorized",
		    "Kunci API tidak ada atau tidak berlaku; kirim Authorization: Bearer KUNCI / "
		    "missing or invalid API key");
		return;
	}
	root = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		char msg[400];

		snprintf(msg, sizeof(msg),
		         "JSON tidak sah pada baris %d kolom %d / malformed JSON at line %d column "
		         "%d: %.160s",
		         jerr.line, jerr.column, jerr.line, jerr.column, jerr.text);
		web_api_fail(res, 400, "malformed", msg);
		return;
	}
	if (!json_is_object(root)) {
		web_api_fail(res, 400, "malformed",
		             "Isi permintaan harus objek JSON / the body must be a JSON object");
		json_decref(root);
		return;
	}
	submit(a, s, req, res, root);
	json_decref(root);
}
