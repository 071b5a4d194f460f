/* Unit tests of src/web/http.c: a server on 127.0.0.1:0 with an echoing
 * handler, driven by a tiny HTTP/1.1 client on plain sockets — query and
 * body delivered intact, 413 and 414 (and 400 for a NUL in the path)
 * without calling the handler, the
 * security headers on every reply, Location and Set-Cookie, keep-alive
 * (the response is queued on the second handler call), 8 concurrent
 * clients, a graceful stop that finishes a slow request and then refuses
 * connections, bad listen addresses, a port in use, the access log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bytebuf.h"
#include "http.h"
#include "httpclient.h"
#include "testutil.h"

static atomic_int handler_calls;
static atomic_int slow_entered;

/* ---- the handler under test --------------------------------------------- */

/* Echo the request as "key=value" lines, the body last; a few paths do
 * more: /slow sleeps 300 ms, /redirect sets Location and Set-Cookie,
 * /missing answers 404, /bad sets a header with a line break, /download
 * sets Content-Disposition, /bad-download one with a line break. */
static void echo_handler(void *app, const struct http_request *req, struct http_response *res)
{
	const char *ua = http_header(req, "x-test");

	(void)app;
	atomic_fetch_add(&handler_calls, 1);
	if (strcmp(req->path, "/slow") == 0) {
		struct timespec ts = {0, 300 * 1000 * 1000};

		atomic_store(&slow_entered, 1);
		nanosleep(&ts, NULL);
		http_text(res, 200, "slow done\n");
		return;
	}
	if (strcmp(req->path, "/redirect") == 0) {
		res->status = 303;
		snprintf(res->location, sizeof(res->location), "%s", "/selesai?x=1");
		snprintf(res->set_cookie, sizeof(res->set_cookie), "%s",
		         "sid=abc123; Path=/; HttpOnly; SameSite=Lax");
		return;
	}
	if (strcmp(req->path, "/missing") == 0) {
		http_text(res, 404, "Halaman tidak ditemukan / not found\n");
		return;
	}
	if (strcmp(req->path, "/bad") == 0) {
		snprintf(res->location, sizeof(res->location), "%s", "/a\r\nX-Evil: 1");
		return;
	}
	if (strcmp(req->path, "/download") == 0) {
		snprintf(res->content_type, sizeof(res->content_type), "%s", "text/csv");
		snprintf(res->content_disposition, sizeof(res->content_disposition), "%s",
		         "attachment; filename=\"skm-a-b.csv\"");
		bytebuf_puts(&res->body, "a,b\r\n");
		return;
	}
	if (strcmp(req->path, "/bad-download") == 0) {
		snprintf(res->content_disposition, sizeof(res->content_disposition), "%s",
		         "attachment; filename=\"a.csv\"\r\nX-Evil: 1");
		return;
	}
	snprintf(res->content_type, sizeof(res->content_type), "%s", "text/plain");
	bytebuf_printf(&res->body,
	               "method=%s\npath=%s\nquery=%s\nctype=%s\nremote=%s\nx-test=%s\nlen=%zu\n"
	               "body=",
	               req->method, req->path, req->query, req->content_type, req->remote,
	               ua != NULL ? ua : "(none)", req->body_len);
	bytebuf_add(&res->body, req->body, req->body_len);
}

static void assert_security_headers(const struct reply *r)
{
	char v[512];

	assert_non_null(reply_header(r, "Content-Security-Policy", v, sizeof(v)));
	assert_string_equal(v, "default-src 'self'; script-src 'self'; style-src 'self'; "
	                       "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
	                       "form-action 'self'");
	assert_non_null(reply_header(r, "X-Content-Type-Options", v, sizeof(v)));
	assert_string_equal(v, "nosniff");
	assert_non_null(reply_header(r, "Referrer-Policy", v, sizeof(v)));
	assert_string_equal(v, "same-origin");
	assert_non_null(reply_header(r, "X-Frame-Options", v, sizeof(v)));
	assert_string_equal(v, "DENY");
	assert_non_null(reply_header(r, "Cache-Control", v, sizeof(v)));
	assert_non_null(reply_header(r, "Content-Type", v, sizeof(v)));
}

/* ---- fixtures ------------------------------------------------------------ */

struct fixture {
	struct http_server *srv;
	int port;
	FILE *log;
};

static struct http_server *start(size_t body_max, FILE *log)
{
	struct http_config cfg = {
	    .listen = "127.0.0.1:0", .threads = 4, .body_max = body_max, .access_log = log};
	struct http_server *s = NULL;
	struct ikm_err err = {0};

	if (http_start(&cfg, echo_handler, NULL, &s, &err) != 0)
		fail_msg("http_start: %s", err.msg);
	return s;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->log = tmpfile();
	f->srv = start(200u << 10, f->log);
	f->port = http_port(f->srv);
	atomic_store(&handler_calls, 0);
	atomic_store(&slow_entered, 0);
	*state = f;
	return f->srv != NULL && f->port > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	http_stop(f->srv);
	if (f->log != NULL)
		fclose(f->log);
	free(f);
	return 0;
}

/* ---- tests --------------------------------------------------------------- */

static void test_get_query(void **state)
{
	struct fixture *f = *state;
	struct reply r;
	char v[64];

	assert_int_equal(get(f->port, "/echo/caf%C3%A9?a=1&b=%20x+y", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "method=GET\n");
	assert_contains(r.body, "path=/echo/caf\xc3\xa9\n"); /* decoded */
	assert_contains(r.body, "query=a=1&b=%20x+y\n");     /* raw */
	assert_contains(r.body, "remote=127.0.0.1\n");
	assert_contains(r.body, "ctype=\n");
	assert_contains(r.body, "len=0\nbody=");
	assert_non_null(reply_header(&r, "Content-Type", v, sizeof(v)));
	assert_string_equal(v, "text/plain");
	assert_non_null(reply_header(&r, "Cache-Control", v, sizeof(v)));
	assert_string_equal(v, "no-store");
	assert_security_headers(&r);
	reply_free(&r);

	/* No query; a header the handler asks for. */
	static const char req[] = "GET / HTTP/1.1\r\nHost: x\r\nX-Test: halo\r\n\r\n";
	assert_int_equal(roundtrip(f->port, req, sizeof(req) - 1, &r), 0);
	assert_contains(r.body, "path=/\nquery=\n");
	assert_contains(r.body, "x-test=halo\n");
	reply_free(&r);
}

static void test_post_body(void **state)
{
	struct fixture *f = *state;
	static const char form[] = "nama=Budi&saran=lebih+cepat";
	size_t big = 100u << 10;
	char *body = malloc(big), *want;
	struct reply r;

	assert_int_equal(post(f->port, "/kirim?x=2", "application/x-www-form-urlencoded", form,
	                      sizeof(form) - 1, &r),
	                 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "method=POST\n");
	assert_contains(r.body, "ctype=application/x-www-form-urlencoded\n");
	assert_contains(r.body, "query=x=2\n");
	assert_contains(r.body, "len=27\nbody=nama=Budi&saran=lebih+cepat");
	reply_free(&r);

	/* 100 KB of every byte value, NUL too, under a 200 KB limit. */
	for (size_t i = 0; i < big; i++)
		body[i] = (char)(i * 7 + i / 256);
	assert_int_equal(post(f->port, "/kirim", "application/octet-stream", body, big, &r), 0);
	assert_int_equal(r.status, 200);
	want = strstr(r.body, "body=");
	assert_non_null(want);
	assert_contains(r.body, "len=102400\n");
	want += 5;
	assert_int_equal(r.body_len - (size_t)(want - r.body), big);
	assert_memory_equal(want, body, big);
	reply_free(&r);
	free(body);
}

static void test_body_too_large(void **state)
{
	struct fixture *f = *state;
	size_t big = 300u << 10;
	char *body = calloc(1, big);
	struct bytebuf req = {0};
	struct reply r;
	int fd;

	memset(body, 'x', big);
	/* Declared by Content-Length: refused after the headers. */
	assert_int_equal(post(f->port, "/kirim", "text/plain", body, big, &r), 0);
	assert_int_equal(r.status, 413);
	assert_contains(r.body, "terlalu besar");
	assert_contains(r.body, "too large");
	assert_security_headers(&r);
	reply_free(&r);

	/* Chunked: refused at the end of the body. */
	bytebuf_puts(&req, "POST /kirim HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
	for (int i = 0; i < 5; i++) {
		bytebuf_printf(&req, "%zx\r\n", big / 5);
		bytebuf_add(&req, body, big / 5);
		bytebuf_puts(&req, "\r\n");
	}
	bytebuf_puts(&req, "0\r\n\r\n");
	fd = connect_port(f->port);
	assert_true(fd >= 0);
	send_all(fd, req.p, req.len);
	assert_int_equal(read_reply(fd, &r), 0);
	assert_int_equal(r.status, 413);
	assert_contains(r.body, "terlalu besar");
	reply_free(&r);
	close(fd);
	bytebuf_free(&req);
	free(body);
	assert_int_equal(atomic_load(&handler_calls), 0);
}

static void test_long_path(void **state)
{
	struct fixture *f = *state;
	char target[HTTP_PATH_MAX + 64];
	struct reply r;

	/* Exactly HTTP_PATH_MAX bytes of path + query pass. */
	memset(target, 'a', HTTP_PATH_MAX);
	target[0] = '/';
	target[HTTP_PATH_MAX - 4] = '?';
	target[HTTP_PATH_MAX] = '\0';
	assert_int_equal(get(f->port, target, &r), 0);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	assert_int_equal(atomic_load(&handler_calls), 1);

	/* One more: 414, the handler not called. */
	target[HTTP_PATH_MAX] = 'a';
	target[HTTP_PATH_MAX + 1] = '\0';
	assert_int_equal(get(f->port, target, &r), 0);
	assert_int_equal(r.status, 414);
	assert_contains(r.body, "terlalu panjang");
	assert_security_headers(&r);
	reply_free(&r);
	assert_int_equal(atomic_load(&handler_calls), 1);
}

/* A NUL encoded in the path: 400, the handler not called. */
static void test_nul_path(void **state)
{
	struct fixture *f = *state;
	struct reply r;

	assert_int_equal(get(f->port, "/unduh/a.pdf%00.html", &r), 0);
	assert_int_equal(r.status, 400);
	assert_security_headers(&r);
	reply_free(&r);
	assert_int_equal(atomic_load(&handler_calls), 0);
	/* In the query it is the handler's to judge. */
	assert_int_equal(get(f->port, "/a?x=%00", &r), 0);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

static void test_security_headers(void **state)
{
	struct fixture *f = *state;
	const char *targets[] = {"/", "/missing", "/redirect", "/bad"};
	const int want[] = {200, 404, 303, 500};
	char v[64];
	struct reply r;

	for (size_t i = 0; i < sizeof(targets) / sizeof(*targets); i++) {
		assert_int_equal(get(f->port, targets[i], &r), 0);
		assert_int_equal(r.status, want[i]);
		assert_security_headers(&r);
		reply_free(&r);
	}
	/* The default content type of a handler that sets none. */
	assert_int_equal(get(f->port, "/redirect", &r), 0);
	assert_non_null(reply_header(&r, "Content-Type", v, sizeof(v)));
	assert_string_equal(v, "text/html; charset=utf-8");
	reply_free(&r);
	/* A line break in a header: 500, no header injected. */
	assert_int_equal(get(f->port, "/bad", &r), 0);
	assert_null(reply_header(&r, "X-Evil", v, sizeof(v)));
	assert_null(reply_header(&r, "Location", v, sizeof(v)));
	reply_free(&r);
}

static void test_location_cookie(void **state)
{
	struct fixture *f = *state;
	char v[128];
	struct reply r;

	assert_int_equal(get(f->port, "/redirect", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(reply_header(&r, "Location", v, sizeof(v)));
	assert_string_equal(v, "/selesai?x=1");
	assert_non_null(reply_header(&r, "Set-Cookie", v, sizeof(v)));
	assert_string_equal(v, "sid=abc123; Path=/; HttpOnly; SameSite=Lax");
	reply_free(&r);
	/* Not set: not sent. */
	assert_int_equal(get(f->port, "/", &r), 0);
	assert_null(reply_header(&r, "Location", v, sizeof(v)));
	assert_null(reply_header(&r, "Set-Cookie", v, sizeof(v)));
	reply_free(&r);
}

static void test_content_disposition(void **state)
{
	struct fixture *f = *state;
	char v[128];
	struct reply r;

	assert_int_equal(get(f->port, "/download", &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(reply_header(&r, "Content-Disposition", v, sizeof(v)));
	assert_string_equal(v, "attachment; filename=\"skm-a-b.csv\"");
	assert_non_null(reply_header(&r, "Content-Type", v, sizeof(v)));
	assert_string_equal(v, "text/csv");
	assert_security_headers(&r);
	reply_free(&r);
	/* Not set: not sent. */
	assert_int_equal(get(f->port, "/", &r), 0);
	assert_null(reply_header(&r, "Content-Disposition", v, sizeof(v)));
	reply_free(&r);
	/* A line break: 500, nothing injected. */
	assert_int_equal(get(f->port, "/bad-download", &r), 0);
	assert_int_equal(r.status, 500);
	assert_null(reply_header(&r, "X-Evil", v, sizeof(v)));
	assert_null(reply_header(&r, "Content-Disposition", v, sizeof(v)));
	reply_free(&r);
}

/* Two requests on one connection both answered: the response is queued
 * on the handler's second call, so it does not say Connection: close. */
static void test_keep_alive(void **state)
{
	struct fixture *f = *state;
	static const char get1[] = "GET /satu HTTP/1.1\r\nHost: x\r\n\r\n";
	static const char post2[] = "POST /dua HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc";
	static const char get3[] = "GET /tiga HTTP/1.1\r\nHost: x\r\n\r\n";
	char v[64];
	struct reply r;
	int fd = connect_port(f->port);

	assert_true(fd >= 0);
	send_all(fd, get1, sizeof(get1) - 1);
	assert_int_equal(read_reply(fd, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "path=/satu\n");
	assert_null(reply_header(&r, "Connection", v, sizeof(v)));
	reply_free(&r);
	send_all(fd, post2, sizeof(post2) - 1);
	assert_int_equal(read_reply(fd, &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "path=/dua\n");
	assert_contains(r.body, "body=abc");
	assert_null(reply_header(&r, "Connection", v, sizeof(v)));
	reply_free(&r);
	send_all(fd, get3, sizeof(get3) - 1);
	assert_int_equal(read_reply(fd, &r), 0);
	assert_contains(r.body, "path=/tiga\n");
	reply_free(&r);
	close(fd);
	assert_int_equal(atomic_load(&handler_calls), 3);
}

#define CLIENTS    8
#define PER_CLIENT 25
struct client {
	int port, id, ok;
};

static void *client_run(void *arg)
{
	struct client *c = arg;

	for (int i = 0; i < PER_CLIENT; i++) {
		char target[64], want[80];
		struct reply r;

		snprintf(target, sizeof(target), "/c?id=%d&i=%d", c->id, i);
		snprintf(want, sizeof(want), "query=id=%d&i=%d\n", c->id, i);
		if (get(c->port, target, &r) == 0) {
			if (r.status == 200 && strstr(r.body, want) != NULL)
				c->ok++;
			reply_free(&r);
		}
	}
	return NULL;
}

static void test_concurrent(void **state)
{
	struct fixture *f = *state;
	struct client c[CLIENTS];
	pthread_t t[CLIENTS];

	for (int i = 0; i < CLIENTS; i++) {
		c[i] = (struct client){.port = f->port, .id = i, .ok = 0};
		assert_int_equal(pthread_create(&t[i], NULL, client_run, &c[i]), 0);
	}
	for (int i = 0; i < CLIENTS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(c[i].ok, PER_CLIENT);
	}
	assert_int_equal(atomic_load(&handler_calls), CLIENTS * PER_CLIENT);
}

struct slow_client {
	int port, rc;
	struct reply r;
};

static void *slow_run(void *arg)
{
	struct slow_client *c = arg;

	c->rc = get(c->port, "/slow", &c->r);
	return NULL;
}

/* http_stop while a request is in the handler: it still gets its whole
 * response; then the port refuses connections. */
static void test_stop_inflight(void **state)
{
	struct fixture *f = *state;
	struct slow_client c = {.port = f->port, .rc = -1};
	struct timespec ts = {0, 5 * 1000 * 1000};
	pthread_t t;
	int fd;

	assert_int_equal(pthread_create(&t, NULL, slow_run, &c), 0);
	for (int i = 0; i < 2000 && !atomic_load(&slow_entered); i++)
		nanosleep(&ts, NULL);
	assert_true(atomic_load(&slow_entered));
	http_stop(f->srv);
	f->srv = NULL;
	pthread_join(t, NULL);
	assert_int_equal(c.rc, 0);
	assert_int_equal(c.r.status, 200);
	assert_string_equal(c.r.body, "slow done\n");
	reply_free(&c.r);
	fd = connect_port(f->port);
	assert_int_equal(fd, -1);
	assert_int_equal(errno, ECONNREFUSED);
}

static void test_bad_listen(void **state)
{
	static const char *bad[] = {
	    "",
	    "127.0.0.1",
	    "127.0.0.1:",
	    "127.0.0.1:65536",
	    "127.0.0.1:-1",
	    "127.0.0.1:+80",
	    "127.0.0.1:80x",
	    "127.0.0.1:123456",
	    ":8080",
	    "host.example:80",
	    "::1:8080",
	    "[::1]",
	    "[::1:8080",
	    "[::1]8080",
	    "[zz::1]:80",
	    "256.0.0.1:80",
	    "1.2.3:80",
	    "localhost:8080:1",
	};
	struct http_config cfg = {.threads = 2};
	struct http_server *s = (struct http_server *)&cfg;
	struct ikm_err err = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		cfg.listen = bad[i];
		err_clear(&err);
		if (http_start(&cfg, echo_handler, NULL, &s, &err) != -1)
			fail_msg("\"%s\" accepted", bad[i]);
		assert_int_equal(err.kind, IKM_EUSAGE);
		assert_null(s);
		assert_contains(err.msg, "HOST:PORT");
	}
	/* Threads out of range. */
	cfg.listen = "127.0.0.1:0";
	cfg.threads = 0;
	assert_int_equal(http_start(&cfg, echo_handler, NULL, &s, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);

	/* Good ones: localhost, and [::1] where IPv6 is there. */
	cfg.threads = 1;
	cfg.listen = "localhost:0";
	assert_int_equal(http_start(&cfg, echo_handler, NULL, &s, &err), 0);
	assert_true(http_port(s) > 0);
	http_stop(s);
	cfg.listen = "[::1]:0";
	if (http_start(&cfg, echo_handler, NULL, &s, &err) == 0) {
		assert_true(http_port(s) > 0);
		http_stop(s);
	} else {
		assert_int_equal(err.kind, IKM_EIO); /* no IPv6 loopback here */
	}
	http_stop(NULL);
}

/* The client address behind trusted reverse proxies: X-Forwarded-For from
 * a trusted peer counts (its last hop not a proxy); from others it does
 * not; a malformed hop keeps the peer. */
static void test_trusted_proxy(void **state)
{
	static const struct {
		const char *proxies, *header, *remote;
	} cases[] = {
	    {"127.0.0.1", "X-Forwarded-For: 203.0.113.7", "203.0.113.7"},
	    {"127.0.0.1", "X-Forwarded-For: 198.51.100.1, 203.0.113.7", "203.0.113.7"},
	    {"127.0.0.1,10.0.0.2", "X-Forwarded-For: 203.0.113.7 , 10.0.0.2", "203.0.113.7"},
	    {"127.0.0.1", "X-Forwarded-For: 2001:db8::1", "2001:db8::1"},
	    {"127.0.0.1", "X-Forwarded-For: 203.0.113.7, evil", "127.0.0.1"},
	    {"127.0.0.1", "X-Forwarded-For: ", "127.0.0.1"},
	    {"127.0.0.1", "X-Other: 1", "127.0.0.1"},
	    {"10.0.0.2", "X-Forwarded-For: 203.0.113.7", "127.0.0.1"}, /* peer not trusted */
	    {NULL, "X-Forwarded-For: 203.0.113.7", "127.0.0.1"},       /* none trusted */
	};
	char want[80];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct http_config cfg = {
		    .listen = "127.0.0.1:0", .threads = 1, .trusted_proxies = cases[i].proxies};
		struct http_server *s = NULL;
		struct ikm_err err = {0};
		struct reply r;

		if (http_start(&cfg, echo_handler, NULL, &s, &err) != 0)
			fail_msg("http_start: %s", err.msg);
		assert_int_equal(get_with(http_port(s), "/", cases[i].header, &r), 0);
		snprintf(want, sizeof(want), "remote=%s\n", cases[i].remote);
		if (strstr(r.body, want) == NULL)
			fail_msg("case %zu: %s: want %s", i, cases[i].header, want);
		reply_free(&r);
		http_stop(s);
	}
	/* Not an address: refused at start. */
	{
		struct http_config cfg = {
		    .listen = "127.0.0.1:0", .threads = 1, .trusted_proxies = "127.0.0.1,proxy"};
		struct http_server *s = NULL;
		struct ikm_err err = {0};

		assert_int_equal(http_start(&cfg, echo_handler, NULL, &s, &err), -1);
		assert_int_equal(err.kind, IKM_EUSAGE);
		assert_contains(err.msg, "proxy");
		assert_null(s);
	}
}

static void test_port_in_use(void **state)
{
	struct fixture *f = *state;
	char listen[32];
	struct http_config cfg = {.listen = listen, .threads = 1};
	struct http_server *s = NULL;
	struct ikm_err err = {0};
	struct reply r;

	snprintf(listen, sizeof(listen), "127.0.0.1:%d", f->port);
	assert_int_equal(http_start(&cfg, echo_handler, NULL, &s, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_null(s);
	assert_contains(err.msg, "sudah dipakai");
	assert_contains(err.msg, listen);
	/* The first server still answers. */
	assert_int_equal(get(f->port, "/", &r), 0);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

static void test_access_log(void **state)
{
	struct fixture *f = *state;
	char line[4096], *all = NULL;
	size_t n = 0;
	struct reply r;
	FILE *mem;

	assert_int_equal(get(f->port, "/a%0Ab%1B%C3%A9%20c\\d?secret=1", &r), 0);
	reply_free(&r);
	assert_int_equal(get(f->port, "/missing", &r), 0);
	reply_free(&r);
	http_stop(f->srv); /* every line written */
	f->srv = NULL;
	rewind(f->log);
	mem = open_memstream(&all, &n);
	while (fgets(line, sizeof(line), f->log) != NULL)
		fputs(line, mem);
	fclose(mem);
	assert_int_equal(testutil_count(all, "\n"), 2);
	assert_contains(all, "time=20");
	assert_contains(all, "remote=127.0.0.1 method=GET path=/a\\x0ab\\x1b\\xc3\\xa9\\x20c\\x5cd "
	                     "status=200 bytes=");
	assert_contains(all, "method=GET path=/missing status=404 bytes=36 ms=");
	assert_not_contains(all, "secret");
	free(all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_get_query, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_post_body, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_body_too_large, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_long_path, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_security_headers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_location_cookie, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_keep_alive, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_concurrent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_stop_inflight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_content_disposition, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_nul_path, setup, teardown),
	    cmocka_unit_test(test_bad_listen),
	    cmocka_unit_test(test_trusted_proxy),
	    cmocka_unit_test_setup_teardown(test_port_in_use, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_access_log, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
