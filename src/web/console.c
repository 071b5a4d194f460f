/* console: see console.h and console_int.h. Sign-in, sessions, CSRF, the
 * route table of /admin, the console layout, the home page, the password
 * change and sign-out everywhere. */
#include "console_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <time.h>

#include "xalloc.h"

#define COOKIE_SESSION "ikm_sesi" /* the session token */
#define COOKIE_PRE     "ikm_pra"  /* a token before sign-in: the login form's CSRF */
#define TOUCH_EVERY    60         /* seconds between notes of a session's activity */
#define NEXT_MAX       256        /* named limit: bytes of a ?next= path */

struct route {
	const char *prefix; /* "/admin/hasil": the path or the path followed by '/' */
	console_fn fn;
	unsigned roles;  /* CONSOLE_* bits allowed */
	int upload;      /* takes CONSOLE_UPLOAD_MAX bodies */
	const char *nav; /* label in the navigation, NULL: none */
};

static const struct route routes[] = {
    {"/admin", console_home, CONSOLE_ALL, 0, "Beranda"},
    {"/admin/atur", console_setup, CONSOLE_ADMINS, 0, "Pengaturan"},
    {"/admin/atur/profil", console_setup, CONSOLE_KOTA, 1, NULL},
    {"/admin/pantau", console_monitor, CONSOLE_ADMINS | CONSOLE_OPERATOR, 0, "Pemantauan"},
    {"/admin/entri", console_entry, CONSOLE_ADMINS | CONSOLE_OPERATOR, 0, "Entri kuesioner"},
    {"/admin/impor", console_entry, CONSOLE_ADMINS | CONSOLE_OPERATOR, 1, "Impor"},
    {"/admin/hasil", console_results, CONSOLE_ALL, 0, "Hasil"},
    {"/admin/unduh", console_results, CONSOLE_ALL, 0, "Unduhan"},
    {"/admin/pengguna", console_users, CONSOLE_ADMINS, 0, "Pengguna"},
    {"/admin/audit", console_audit_page, CONSOLE_KOTA, 0, "Log audit"},
    {"/admin/sandi", console_password, CONSOLE_ALL, 0, NULL},
    {"/admin/keluar-semua", console_signout_all, CONSOLE_ALL, 0, NULL},
};

#define NROUTES ((int)(sizeof(routes) / sizeof(routes[0])))

/* Messages after a change, by the key a page redirects with (?ok=KEY). */
static const struct {
	const char *key, *text;
} flashes[] = {
    {"simpan", "Perubahan sudah disimpan."},
    {"sandi", "Kata sandi sudah diganti; sesi di perangkat lain sudah diakhiri."},
    {"tambah", "Data sudah ditambahkan."},
    {"hapus", "Data sudah dihapus."},
    {"tutup", "Periode sudah ditutup."},
    {"buka", "Periode sudah dibuka kembali."},
    {"entri", "Kuesioner sudah disimpan."},
    {"impor", "Impor selesai; semua baris sudah disimpan."},
    {"tinjau", "Keputusan tinjauan sudah disimpan."},
    {"pengguna", "Pengguna sudah disimpan."},
    {"versi", "Versi instrumen baru sudah disimpan. Tanggapan yang sudah masuk tetap memakai "
              "versinya sendiri."},
    {"sama", "Tidak ada yang berubah; versi instrumen tetap."},
    {"sandi-pengguna", "Kata sandi pengguna sudah diganti; semua sesinya sudah diakhiri."},
    {"nonaktif", "Pengguna sudah dinonaktifkan; semua sesinya sudah diakhiri."},
    {"aktif", "Pengguna sudah diaktifkan kembali."},
    {"buka-kunci", "Kunci akun sudah dibuka; pengguna dapat masuk lagi."},
};

/* The longest route whose prefix is path or a parent of it; NULL: none. */
static const struct route *route_of(const char *path)
{
	const struct route *best = NULL;

	for (int i = 0; i < NROUTES; i++) {
		size_t n = strlen(routes[i].prefix);

		if (strncmp(path, routes[i].prefix, n) == 0 &&
		    (path[n] == '\0' || path[n] == '/') &&
		    (best == NULL || n > strlen(best->prefix)))
			best = &routes[i];
	}
	return best;
}

struct console_opts console_opts_default(void)
{
	struct console_opts o = {auth_cost_default(), CONSOLE_IDLE_DEFAULT,
	                         CONSOLE_ABSOLUTE_DEFAULT, 0};

	return o;
}

int web_app_set_console(struct web_app *a, const struct console_opts *o, struct ikm_err *err)
{
	a->console = o != NULL ? *o : console_opts_default();
	a->console_dummy[0] = '\0';
	return auth_init(err);
}

/* A hash of the configured cost to check unknown usernames against, made
 * on first use. */
static const char *dummy_hash(struct web_app *a)
{
	struct ikm_err err = {0};
	char hash[AUTH_HASH_MAX + 1];

	pthread_mutex_lock(&a->dummy_lock);
	if (a->console_dummy[0] == '\0' &&
	    auth_hash_password("ikm-no-such-user", &a->console.cost, hash, &err) == 0)
		snprintf(a->console_dummy, sizeof(a->console_dummy), "%s", hash);
	pthread_mutex_unlock(&a->dummy_lock);
	return a->console_dummy[0] != '\0' ? a->console_dummy : NULL;
}

int console_path(const char *path)
{
	return strcmp(path, "/login") == 0 || strcmp(path, "/logout") == 0 ||
	       strcmp(path, "/admin") == 0 || strncmp(path, "/admin/", 7) == 0;
}

size_t console_body_limit(void *app, const char *path)
{
	const struct route *r = strncmp(path, "/admin", 6) == 0 ? route_of(path) : NULL;

	(void)app;
	return r != NULL && r->upload ? CONSOLE_UPLOAD_MAX : 0;
}

/* ---- answers -------------------------------------------------------------- */

/* Set-Cookie for name=value (value "": delete it). */
static void set_cookie(struct web_app *a, struct http_response *res, const char *name,
                       const char *value, int max_age)
{
	snprintf(res->set_cookie, sizeof(res->set_cookie),
	         "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", name, value,
	         value[0] != '\0' ? max_age : 0, a->console.secure_cookies ? "; Secure" : "");
}

static void redirect(struct http_response *res, const char *path)
{
	res->status = 303;
	snprintf(res->location, sizeof(res->location), "%s", path);
	bytebuf_free(&res->body);
	bytebuf_puts(&res->body, "");
}

void console_redirect(struct console_ctx *c, const char *path)
{
	redirect(c->res, path);
}

/* A plain page (no user): the login page frame. */
static void bare_page(struct web_app *a, struct http_response *res, int status, const char *org,
                      const char *tpl, struct tmpl_data *d, const char *title)
{
	struct bytebuf content = {0};
	struct tmpl_data *l = tmpl_data_new();
	struct ikm_err err = {0};
	const struct tmpl *t = web_tmpl(a, tpl), *layout = web_tmpl(a, "admin/layout.html");

	res->status = status;
	if (t == NULL || layout == NULL || tmpl_render(t, d, &content, &err) < 0) {
		http_text(res, 500, "templat konsol rusak / console template broken\n");
		goto out;
	}
	tmpl_set(l, "title", title);
	tmpl_set(l, "org", org);
	tmpl_set(l, "content", content.p != NULL ? content.p : "");
	bytebuf_free(&res->body);
	if (tmpl_render(layout, l, &res->body, &err) < 0)
		http_text(res, 500, err.msg);
out:
	bytebuf_free(&content);
	tmpl_data_free(l);
	tmpl_data_free(d);
}

void console_page(struct console_ctx *c, int status, const char *tpl, struct tmpl_data *d,
                  const char *title)
{
	struct bytebuf content = {0};
	struct tmpl_data *l = tmpl_data_new();
	struct ikm_err err = {0};
	const struct tmpl *t = web_tmpl(c->a, tpl), *layout = web_tmpl(c->a, "admin/layout.html");
	unsigned bit = 1u << c->user.role;

	c->res->status = status;
	tmpl_set(d, "csrf", c->csrf);
	if (t == NULL || layout == NULL || tmpl_render(t, d, &content, &err) < 0) {
		fprintf(stderr, "ikm serve: %s: %s\n", tpl, t == NULL ? "no template" : err.msg);
		http_text(c->res, 500, "templat konsol rusak / console template broken\n");
		goto out;
	}
	tmpl_set(l, "title", title);
	tmpl_set(l, "org", c->org.name);
	tmpl_set_bool(l, "signed_in", 1);
	tmpl_set(l, "user_name", c->user.name);
	tmpl_set(l, "user_role", store_role_name(c->user.role));
	tmpl_set(l, "user_unit", c->user.unit_slug);
	tmpl_set(l, "csrf", c->csrf);
	{
		const char *ok = formdata_get(&c->query, "ok");

		for (size_t i = 0; ok != NULL && i < sizeof(flashes) / sizeof(flashes[0]); i++)
			if (strcmp(ok, flashes[i].key) == 0)
				tmpl_set(l, "flash", flashes[i].text);
	}
	for (int i = 0; i < NROUTES; i++) {
		struct tmpl_data *n;
		size_t len = strlen(routes[i].prefix);

		if (routes[i].nav == NULL || (routes[i].roles & bit) == 0)
			continue;
		n = tmpl_add(l, "nav");
		tmpl_set(n, "href", routes[i].prefix);
		tmpl_set(n, "label", routes[i].nav);
		tmpl_set_bool(n, "current",
		              i == 0 ? strcmp(c->req->path, "/admin") == 0
		                     : strncmp(c->req->path, routes[i].prefix, len) == 0);
	}
	tmpl_set(l, "content", content.p != NULL ? content.p : "");
	bytebuf_free(&c->res->body);
	if (tmpl_render(layout, l, &c->res->body, &err) < 0)
		http_text(c->res, 500, err.msg);
out:
	bytebuf_free(&content);
	tmpl_data_free(l);
	tmpl_data_free(d);
}

void console_fail(struct console_ctx *c, int status, const char *text)
{
	struct tmpl_data *d = tmpl_data_new();
	const char *title = status < 400    ? "Informasi"
	                    : status == 403 ? "Akses ditolak"
	                    : status == 404 ? "Halaman tidak ditemukan"
	                    : status >= 500 ? "Terjadi gangguan"
	                                    : "Tidak dapat diproses";

	tmpl_set(d, "heading", title);
	tmpl_set(d, "text", text);
	console_page(c, status, "admin/message.html", d, title);
}

void console_store_fail(struct console_ctx *c, const struct ikm_err *err)
{
	fprintf(stderr, "ikm serve: %s %s: %s\n", c->req->method, c->req->path, err->msg);
	console_fail(c, 503, "Data tidak dapat dibaca atau disimpan saat ini. Silakan coba lagi.");
	c->res->retry_after = WEB_RETRY_AFTER;
}

void console_audit(struct console_ctx *c, const char *action, const char *object, const char *fmt,
                   ...)
{
	struct store_audit e = {0};
	struct ikm_err err = {0};
	va_list ap;

	e.at = c->now;
	e.user = c->user.id;
	snprintf(e.username, sizeof(e.username), "%s", c->user.username);
	snprintf(e.remote, sizeof(e.remote), "%s", c->req->remote);
	snprintf(e.action, sizeof(e.action), "%s", action);
	snprintf(e.object, sizeof(e.object), "%s", object);
	va_start(ap, fmt);
	vsnprintf(e.detail, sizeof(e.detail), fmt, ap);
	va_end(ap);
	if (store_audit_add(c->s, &e, &err) < 0)
		fprintf(stderr, "ikm serve: audit %s: %s\n", action, err.msg);
}

const char *console_param(const struct console_ctx *c, const char *name)
{
	const char *v = c->post ? formdata_get(&c->form, name) : NULL;

	return v != NULL ? v : formdata_get(&c->query, name);
}

int console_may_unit(struct console_ctx *c, int64_t unit)
{
	struct ikm_err err = {0};
	int within = 0;

	if (unit == 0)
		return 0;
	if (c->user.role == STORE_ROLE_ADMIN_KOTA ||
	    (c->user.role == STORE_ROLE_PIMPINAN && c->user.unit == 0)) {
		/* Everything that exists. */
		if (store_unit_within(c->s, unit, unit, &within, &err) < 0) {
			console_store_fail(c, &err);
			return -1;
		}
		return within;
	}
	if (store_unit_within(c->s, unit, c->user.unit, &within, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	return within;
}

/* ---- sign-in ---------------------------------------------------------------- */

/* A ?next= target we send people back to: one of our console paths. */
static int next_ok(const char *next)
{
	size_t n = next != NULL ? strlen(next) : 0;

	if (n == 0 || n > NEXT_MAX || strncmp(next, "/admin", 6) != 0 ||
	    (next[6] != '\0' && next[6] != '/' && next[6] != '?'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (next[i] <= ' ' || next[i] == '\\' || next[i] == 0x7f || next[i] == '"' ||
		    next[i] == '<' || next[i] == '>' || (next[i] == '/' && next[i + 1] == '/'))
			return 0;
	return 1;
}

static void login_page(struct web_app *a, const struct http_request *req, struct http_response *res,
                       const char *org, int status, const char *pre, const char *message,
                       const char *username, const char *next)
{
	struct tmpl_data *d = tmpl_data_new();
	char csrf[AUTH_TOKEN_HEX + 1];
	struct formdata q = {0};
	struct ikm_err err = {0};

	auth_csrf(pre, csrf);
	tmpl_set(d, "csrf", csrf);
	tmpl_set(d, "username", username != NULL ? username : "");
	if (next_ok(next))
		tmpl_set(d, "next", next);
	if (message != NULL)
		tmpl_set(d, "error", message);
	if (req->query[0] != '\0' &&
	    formdata_parse(req->query, strlen(req->query), &q, &err) == 0) {
		const char *why = formdata_get(&q, "sebab");

		if (why != NULL && strcmp(why, "keluar") == 0)
			tmpl_set(d, "info", "Anda sudah keluar.");
		else if (why != NULL && strcmp(why, "kedaluwarsa") == 0)
			tmpl_set(d, "info", "Sesi Anda berakhir. Silakan masuk kembali.");
		else if (why != NULL && strcmp(why, "sandi") == 0)
			tmpl_set(d, "info",
			         "Kata sandi diganti. Silakan masuk dengan kata sandi baru.");
		formdata_free(&q);
	}
	bare_page(a, res, status, org, "admin/login.html", d, "Masuk konsol");
}

/* GET /login: the form, with a pre-sign-in token for its CSRF field. */
static void login_get(struct web_app *a, const struct http_request *req, struct http_response *res,
                      const char *org)
{
	char pre[AUTH_TOKEN_HEX + 1];
	struct formdata q = {0};
	struct ikm_err err = {0};
	const char *next = NULL;

	if (!auth_cookie_get(http_header(req, "Cookie"), COOKIE_PRE, pre, sizeof(pre)) ||
	    !auth_token_ok(pre)) {
		auth_token_new(pre);
		set_cookie(a, res, COOKIE_PRE, pre, 3600);
	}
	if (req->query[0] != '\0' && formdata_parse(req->query, strlen(req->query), &q, &err) == 0)
		next = formdata_get(&q, "next");
	login_page(a, req, res, org, 200, pre, NULL, NULL, next);
	formdata_free(&q);
}

static void audit_login(struct store *s, const struct http_request *req, int64_t user,
                        const char *username, const char *action, const char *detail)
{
	struct store_audit e = {0};
	struct ikm_err err = {0};

	e.user = user;
	snprintf(e.username, sizeof(e.username), "%s", username);
	snprintf(e.remote, sizeof(e.remote), "%s", req->remote);
	snprintf(e.action, sizeof(e.action), "%s", action);
	snprintf(e.object, sizeof(e.object), "user %.60s", username);
	snprintf(e.detail, sizeof(e.detail), "%s", detail);
	if (store_audit_add(s, &e, &err) < 0)
		fprintf(stderr, "ikm serve: audit %s: %s\n", action, err.msg);
}

/* Start a session for user: a new token (never one the browser brought). */
static int session_start(struct web_app *a, struct store *s, const struct http_request *req,
                         struct http_response *res, int64_t user, struct ikm_err *err)
{
	char token[AUTH_TOKEN_HEX + 1], hash[AUTH_TOKEN_HEX + 1], old[AUTH_TOKEN_HEX + 1];

	/* A session the browser still holds ends here (no fixation). */
	if (auth_cookie_get(http_header(req, "Cookie"), COOKIE_SESSION, old, sizeof(old)) &&
	    auth_token_ok(old)) {
		auth_token_hash(old, hash);
		if (store_session_delete(s, hash, err) < 0)
			return -1;
	}
	auth_token_new(token);
	auth_token_hash(token, hash);
	if (store_session_add(s, hash, user, (int64_t)time(NULL), req->remote, err) < 0) {
		sodium_memzero(token, sizeof(token));
		return -1;
	}
	set_cookie(a, res, COOKIE_SESSION, token, a->console.absolute_s);
	sodium_memzero(token, sizeof(token));
	return 0;
}

static const char bad_login[] =
    "Nama pengguna atau kata sandi salah. Setelah 5 kali salah berturut-turut, akun dikunci "
    "15 menit.";

/* POST /login. */
static void login_post(struct web_app *a, struct store *s, const struct store_org *org,
                       const struct http_request *req, struct http_response *res)
{
	struct formdata f = {0};
	struct ikm_err err = {0};
	struct store_user u;
	char pre[AUTH_TOKEN_HEX + 1];
	const char *username, *password, *next, *csrf;
	int64_t now = (int64_t)time(NULL), fails = 0;
	int known, ok;

	if (!auth_cookie_get(http_header(req, "Cookie"), COOKIE_PRE, pre, sizeof(pre)) ||
	    !auth_token_ok(pre) || formdata_parse(req->body, req->body_len, &f, &err) < 0 ||
	    (csrf = formdata_get(&f, "csrf")) == NULL || !auth_csrf_ok(pre, csrf)) {
		/* No form of ours: start over with a fresh one. */
		formdata_free(&f);
		auth_token_new(pre);
		set_cookie(a, res, COOKIE_PRE, pre, 3600);
		login_page(a, req, res, org->name, 403, pre,
		           "Formulir kedaluwarsa atau tidak sah. Silakan coba lagi.", NULL, NULL);
		return;
	}
	username = formdata_get(&f, "username");
	password = formdata_get(&f, "password");
	next = formdata_get(&f, "next");
	if (username == NULL)
		username = "";
	/* Too many failures from this address: refuse without checking. */
	if (store_login_failures(s, req->remote, now - CONSOLE_IP_WINDOW, &fails, &err) < 0)
		goto fail;
	if (fails >= CONSOLE_IP_FAILURES) {
		login_page(
		    a, req, res, org->name, 429, pre,
		    "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Silakan coba "
		    "lagi 15 menit lagi.",
		    username, next);
		res->retry_after = CONSOLE_IP_WINDOW;
		audit_login(s, req, 0, username, "login.throttled",
		            "too many failed sign-ins from this address");
		goto out;
	}
	known = strlen(username) <= STORE_USERNAME_MAX && store_username_ok(username) &&
	        store_user_get(s, username, &u, &err) == 0;
	if (!known && err.kind != IKM_OK && err.kind != IKM_EDATA)
		goto fail;
	if (known && (u.disabled != 0 || u.locked_until > now)) {
		/* Locked or disabled: the same answer, and no password check. */
		ok = 0;
		(void)auth_verify_password(dummy_hash(a), password);
	} else {
		ok = auth_verify_password(known ? u.pwhash : dummy_hash(a), password) && known;
	}
	if (!ok) {
		if (store_login_failure_add(s, req->remote, now, now - CONSOLE_IP_WINDOW, &err) < 0)
			goto fail;
		if (known && u.disabled == 0 && u.locked_until <= now &&
		    store_user_login_result(
			s, u.id, 0,
			u.failed + 1 >= CONSOLE_LOCK_AFTER ? now + CONSOLE_LOCK_SECONDS : 0,
			&err) < 0)
			goto fail;
		audit_login(s, req, known ? u.id : 0, username, "login.fail",
		            !known                               ? "unknown user"
		            : u.disabled                         ? "disabled"
		            : u.locked_until > now               ? "locked"
		            : u.failed + 1 >= CONSOLE_LOCK_AFTER ? "wrong password; locked"
		                                                 : "wrong password");
		login_page(a, req, res, org->name, 401, pre, bad_login, username, next);
		goto out;
	}
	if (store_user_login_result(s, u.id, 1, 0, &err) < 0 ||
	    session_start(a, s, req, res, u.id, &err) < 0)
		goto fail;
	{
		char old[AUTH_TOKEN_HEX + 1];

		audit_login(
		    s, req, u.id, u.username, "login",
		    auth_cookie_get(http_header(req, "Cookie"), COOKIE_SESSION, old, sizeof(old))
			? "the session cookie the browser brought was replaced"
			: "");
	}
	redirect(res, next_ok(next) ? next : "/admin");
	goto out;
fail:
	fprintf(stderr, "ikm serve: POST /login: %s\n", err.msg);
	login_page(a, req, res, org->name, 503, pre,
	           "Layanan sedang terganggu. Silakan coba lagi sebentar lagi.", username, next);
out:
	formdata_free(&f);
}

/* ---- sessions ------------------------------------------------------------- */

/* The signed-in context of req: 1 signed in; 0 not (redirected to /login,
 * or refused); -1 a store failure (answered). */
static int session_load(struct console_ctx *c)
{
	struct web_app *a = c->a;
	struct store_session ss;
	struct ikm_err err = {0};
	char hash[AUTH_TOKEN_HEX + 1];
	int expired = 0;

	if (!auth_cookie_get(http_header(c->req, "Cookie"), COOKIE_SESSION, c->token,
	                     sizeof(c->token)) ||
	    !auth_token_ok(c->token))
		goto signin;
	auth_token_hash(c->token, hash);
	if (store_session_get(c->s, hash, &ss, &err) < 0) {
		if (err.kind != IKM_EDATA)
			goto fail;
		goto signin;
	}
	if (c->now - ss.seen > a->console.idle_s || c->now - ss.created > a->console.absolute_s)
		expired = 1;
	if (!expired) {
		if (store_user_get_id(c->s, ss.user, &c->user, &err) < 0) {
			if (err.kind != IKM_EDATA)
				goto fail;
			expired = 1;
		} else if (c->user.disabled != 0) {
			expired = 1;
		}
	}
	if (expired) {
		struct store_user who = {0};
		struct ikm_err ignored = {0};

		if (store_session_delete(c->s, hash, &err) < 0)
			goto fail;
		(void)store_user_get_id(c->s, ss.user, &who, &ignored);
		audit_login(c->s, c->req, ss.user, who.username, "session.expired",
		            c->now - ss.created > a->console.absolute_s ? "absolute expiry"
		            : c->now - ss.seen > a->console.idle_s
		                ? "idle expiry"
		                : "the user is disabled or gone");
		set_cookie(a, c->res, COOKIE_SESSION, "", 0);
		redirect(c->res, "/login?sebab=kedaluwarsa");
		return 0;
	}
	if (c->now - ss.seen >= TOUCH_EVERY && store_session_touch(c->s, hash, c->now, &err) < 0)
		goto fail;
	auth_csrf(c->token, c->csrf);
	return 1;
signin:
	if (strcmp(c->req->method, "GET") == 0) {
		char to[HTTP_PATH_MAX + 32];

		snprintf(to, sizeof(to), "/login?next=%s", c->req->path);
		redirect(c->res, next_ok(c->req->path) ? to : "/login");
	} else {
		redirect(c->res, "/login?sebab=kedaluwarsa");
	}
	return 0;
fail:
	fprintf(stderr, "ikm serve: %s %s: %s\n", c->req->method, c->req->path, err.msg);
	http_text(c->res, 503, "Layanan sedang terganggu / service unavailable\n");
	return -1;
}

/* Parse the body of a POST and check its CSRF token: 1 fine; 0 refused
 * (answered). */
static int post_checked(struct console_ctx *c)
{
	struct ikm_err err = {0};
	char given[AUTH_TOKEN_HEX + 1] = "";

	if (multipart_is(c->req->content_type)) {
		if (multipart_parse(c->req->body, c->req->body_len, c->req->content_type, &c->parts,
		                    &err) < 0) {
			console_fail(c, 400, err.msg);
			return 0;
		}
		multipart_text(&c->parts, "csrf", given, sizeof(given));
	} else {
		if (formdata_parse(c->req->body, c->req->body_len, &c->form, &err) < 0) {
			console_fail(c, 400, err.msg);
			return 0;
		}
		if (formdata_get(&c->form, "csrf") != NULL)
			snprintf(given, sizeof(given), "%s", formdata_get(&c->form, "csrf"));
	}
	if (!auth_csrf_ok(c->token, given)) {
		console_audit(c, "csrf.refused", c->req->path, "a POST without a valid CSRF token");
		console_fail(
		    c, 403,
		    "Formulir ini tidak sah atau sudah kedaluwarsa (token CSRF). Muat ulang "
		    "halaman, lalu kirim lagi.");
		return 0;
	}
	c->post = 1;
	return 1;
}

void console_handle(struct web_app *a, struct store *s, const struct store_org *org,
                    const struct http_request *req, struct http_response *res)
{
	struct console_ctx *c;
	const struct route *r;
	struct ikm_err err = {0};

	if (strcmp(req->path, "/login") == 0) {
		if (strcmp(req->method, "POST") == 0)
			login_post(a, s, org, req, res);
		else
			login_get(a, req, res, org->name);
		return;
	}
	c = xcalloc(1, sizeof(*c));
	c->a = a;
	c->s = s;
	c->req = req;
	c->res = res;
	c->org = *org;
	c->now = (int64_t)time(NULL);
	if (req->query[0] != '\0' &&
	    formdata_parse(req->query, strlen(req->query), &c->query, &err) < 0)
		memset(&c->query, 0, sizeof(c->query));
	if (session_load(c) != 1)
		goto out;
	if (strcmp(req->method, "POST") == 0 && !post_checked(c))
		goto out;
	if (strcmp(req->path, "/logout") == 0) {
		char hash[AUTH_TOKEN_HEX + 1];

		if (!c->post) {
			console_fail(c, 405, "Keluar memakai tombol Keluar (POST).");
			goto out;
		}
		auth_token_hash(c->token, hash);
		if (store_session_delete(s, hash, &err) < 0) {
			console_store_fail(c, &err);
			goto out;
		}
		console_audit(c, "logout", "session", "%s", "");
		set_cookie(a, res, COOKIE_SESSION, "", 0);
		redirect(res, "/login?sebab=keluar");
		goto out;
	}
	r = route_of(req->path);
	if (r == NULL) {
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
		goto out;
	}
	if ((r->roles & (1u << c->user.role)) == 0) {
		console_audit(c, "access.refused", req->path, "role %s",
		              store_role_name(c->user.role));
		console_fail(c, 403, "Peran Anda tidak mengizinkan halaman ini.");
		goto out;
	}
	r->fn(c, req->path + strlen(r->prefix));
out:
	sodium_memzero(c->token, sizeof(c->token));
	formdata_free(&c->form);
	formdata_free(&c->query);
	free(c);
}

/* ---- pages of this file ------------------------------------------------------ */

void console_home(struct console_ctx *c, const char *rest)
{
	struct tmpl_data *d = tmpl_data_new();

	if (rest[0] != '\0') {
		tmpl_data_free(d);
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
		return;
	}
	tmpl_set(d, "name", c->user.name);
	tmpl_set(d, "role", store_role_name(c->user.role));
	tmpl_set(d, "unit", c->user.unit_slug);
	console_page(c, 200, "admin/home.html", d, "Beranda konsol");
}

void console_password(struct console_ctx *c, const char *rest)
{
	struct tmpl_data *d;
	const char *old, *pw, *again, *problem = NULL;
	char hash[AUTH_HASH_MAX + 1];
	struct ikm_err err = {0};

	if (rest[0] != '\0') {
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
		return;
	}
	if (!c->post) {
		console_page(c, 200, "admin/password.html", tmpl_data_new(), "Ganti kata sandi");
		return;
	}
	old = console_param(c, "lama");
	pw = console_param(c, "baru");
	again = console_param(c, "ulang");
	if (!auth_verify_password(c->user.pwhash, old))
		problem = "Kata sandi lama salah.";
	else if ((problem = auth_password_problem(pw, c->user.username)) != NULL)
		;
	else if (again == NULL || strcmp(pw, again) != 0)
		problem = "Kata sandi baru dan ulangannya berbeda.";
	if (problem != NULL) {
		d = tmpl_data_new();
		tmpl_set(d, "error", problem);
		console_page(c, 422, "admin/password.html", d, "Ganti kata sandi");
		return;
	}
	if (auth_hash_password(pw, &c->a->console.cost, hash, &err) < 0 ||
	    store_user_set_password(c->s, c->user.id, hash, &err) < 0 ||
	    session_start(c->a, c->s, c->req, c->res, c->user.id, &err) < 0) {
		console_store_fail(c, &err);
		return;
	}
	console_audit(c, "user.password", "own password", "every other session ended");
	redirect(c->res, "/admin?ok=sandi");
}

void console_signout_all(struct console_ctx *c, const char *rest)
{
	struct ikm_err err = {0};

	if (rest[0] != '\0' || !c->post) {
		console_fail(c, 405, "Keluar dari semua perangkat memakai tombolnya (POST).");
		return;
	}
	if (store_session_delete_user(c->s, c->user.id, &err) < 0) {
		console_store_fail(c, &err);
		return;
	}
	console_audit(c, "logout.all", "sessions", "every session of the user ended");
	set_cookie(c->a, c->res, COOKIE_SESSION, "", 0);
	redirect(c->res, "/login?sebab=keluar");
}
