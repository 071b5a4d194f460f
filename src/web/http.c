/* http: the HTTP server of `ikm serve` on libmicrohttpd (see http.h).
 *
 * One request's life: the URI log callback (called once per request, with
 * the raw request target) allocates its state and counts it in flight; the
 * access handler is called first after the headers (nothing is queued
 * then: a response queued on the first call makes libmicrohttpd close
 * every connection), then once per piece of body, then a last time with
 * no data, when the application's handler runs and the response is
 * queued; the completion callback writes the access-log line, frees the
 * state and counts the request out. http_stop stops accepting, waits for
 * the count to reach zero (bounded), then stops the daemon.
 *
 * The listening socket is made here, not by libmicrohttpd, so a port in
 * use or a missing address gets its own message. */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "xalloc.h"

#define HTTP_LISTEN_MAX         80          /* named limit: bytes of a listen address */
#define HTTP_THREADS_MAX        256         /* named limit: worker threads */
#define HTTP_TIMEOUT_DEFAULT    30          /* seconds an idle connection is kept */
#define HTTP_CONN_LIMIT_DEFAULT 1000        /* concurrent connections */
#define HTTP_CONN_MEMORY        (64u << 10) /* per-connection pool: request line, headers */
#define HTTP_STOP_WAIT_S        10          /* http_stop waits this long for requests in flight */
#define HTTP_DISCARD_MAX        (8u << 20)  /* body bytes read past body_max before hanging up */
#define HTTP_LOG_METHOD_MAX     16          /* bytes of the method in a log line */
#define HTTP_PER_IP_DIVISOR     10          /* per-address limit: a tenth of all connections */
#define HTTP_PER_IP_MIN         16

static const char csp[] = "default-src 'self'; script-src 'self'; style-src 'self'; "
			  "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
			  "form-action 'self'";

static const char text_413[] = "Isi permintaan terlalu besar; kirim data yang lebih kecil / "
			       "request body too large; send less data\n";
static const char text_414[] = "Alamat halaman terlalu panjang / request URI too long\n";
static const char text_400[] = "Alamat halaman tidak sah / bad request path\n";
static const char text_500[] = "Terjadi kesalahan pada server; coba lagi nanti / internal server "
			       "error; try again later\n";

struct http_server {
	struct MHD_Daemon *daemon;
	int fd;   /* the listening socket (libmicrohttpd closes it unless quiesced) */
	int port; /* bound */
	http_handler handler;
	void *app;
	size_t body_max;
	size_t (*body_limit)(void *app, const char *path);
	FILE *access_log;
	int nproxies; /* trusted reverse proxies, as inet_ntop writes them */
	char proxies[HTTP_PROXIES_MAX][INET6_ADDRSTRLEN];
	atomic_int stopping;    /* http_stop began: replies say Connection: close */
	pthread_mutex_t lock;   /* inflight, and one access-log line at a time */
	pthread_cond_t drained; /* inflight reached zero */
	unsigned inflight;      /* requests between their request line and completion */
};

/* One request, from its request line to its completion. */
struct req_state {
	struct http_server *srv;
	char *uri;  /* raw request target (path?query); NULL when too long */
	char *path; /* decoded path, for the log (bounded) */
	char method[HTTP_LOG_METHOD_MAX + 1];
	char remote[INET6_ADDRSTRLEN];
	struct timespec t0; /* monotonic, at the request line */
	int started;        /* the first handler call (headers) was seen */
	int too_large;      /* the body passed body_max: 413, the handler is not called */
	size_t body_max;    /* this request's limit (http_config.body_limit) */
	int answered;       /* a response was queued */
	size_t discarded;   /* body bytes dropped after too_large */
	int status;
	size_t bytes;        /* response body bytes */
	struct bytebuf body; /* the request body so far */
};

/* ---- listen address ----------------------------------------------------- */

static int bad_listen(const char *spec, struct ikm_err *err)
{
	return err_set(err, IKM_EUSAGE,
	               "alamat dengar \"%.80s\" tidak sah; tulis HOST:PORT, misalnya "
	               "127.0.0.1:8080, localhost:8080 atau [::1]:8080 (port 0..65535) / "
	               "bad listen address: HOST:PORT with an IPv4 address, localhost or "
	               "[IPv6], port 0..65535",
	               spec);
}

/* Parse "HOST:PORT" (IPv4 literal, "localhost" or "[IPv6]") into ss. */
static int parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *sslen,
                        struct ikm_err *err)
{
	char host[INET6_ADDRSTRLEN];
	const char *h, *hend, *p;
	size_t hlen, plen;
	unsigned long port = 0;

	if (strnlen(spec, HTTP_LISTEN_MAX + 1) > HTTP_LISTEN_MAX)
		return bad_listen(spec, err);
	if (spec[0] == '[') {
		h = spec + 1;
		hend = strchr(h, ']');
		if (hend == NULL || hend[1] != ':')
			return bad_listen(spec, err);
		p = hend + 2;
	} else {
		h = spec;
		hend = strrchr(spec, ':');
		if (hend == NULL || memchr(h, ':', (size_t)(hend - h)) != NULL)
			return bad_listen(spec, err);
		p = hend + 1;
	}
	hlen = (size_t)(hend - h);
	plen = strlen(p);
	if (hlen == 0 || hlen >= sizeof(host) || plen == 0 || plen > 5 ||
	    strspn(p, "0123456789") != plen)
		return bad_listen(spec, err);
	for (size_t i = 0; i < plen; i++)
		port = port * 10 + (unsigned long)(p[i] - '0');
	if (port > 65535)
		return bad_listen(spec, err);
	memcpy(host, h, hlen);
	host[hlen] = '\0';

	memset(ss, 0, sizeof(*ss));
	if (spec[0] == '[') {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &a6->sin6_addr) != 1)
			return bad_listen(spec, err);
		*sslen = sizeof(*a6);
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)ss;

		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		if (strcmp(host, "localhost") == 0)
			a4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		else if (inet_pton(AF_INET, host, &a4->sin_addr) != 1)
			return bad_listen(spec, err);
		*sslen = sizeof(*a4);
	}
	return 0;
}

static int is_loopback(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)ss)->sin_addr.s_addr) >> 24) == 127;
	return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)ss)->sin6_addr);
}

/* A non-blocking listening socket on ss; its port in *port. */
static int listen_socket(const char *spec, const struct sockaddr_storage *ss, socklen_t sslen,
                         int *port, struct ikm_err *err)
{
	struct sockaddr_storage got;
	socklen_t gotlen = sizeof(got);
	int fd, one = 1, e;

	fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return err_set(err, IKM_EIO,
		               "%s: soket tidak dapat dibuat / cannot create a socket: %s", spec,
		               strerror(errno));
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    (ss->ss_family == AF_INET6 &&
	     setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) != 0))
		goto fail;
	if (bind(fd, (const struct sockaddr *)ss, sslen) != 0) {
		e = errno;
		close(fd);
		if (e == EADDRINUSE)
			return err_set(err, IKM_EIO,
			               "%s: alamat sudah dipakai program lain; pilih port lain "
			               "dengan --listen / address already in use",
			               spec);
		if (e == EADDRNOTAVAIL)
			return err_set(err, IKM_EIO,
			               "%s: alamat itu tidak ada pada mesin ini / address not "
			               "available on this machine",
			               spec);
		if (e == EACCES)
			return err_set(err, IKM_EIO,
			               "%s: izin ditolak (port di bawah 1024 butuh hak khusus) / "
			               "permission denied (ports below 1024 are privileged)",
			               spec);
		return err_set(err, IKM_EIO, "%s: tidak dapat mengikat alamat / cannot bind: %s",
		               spec, strerror(e));
	}
	if (listen(fd, SOMAXCONN) != 0 || getsockname(fd, (struct sockaddr *)&got, &gotlen) != 0)
		goto fail;
	*port = got.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&got)->sin6_port)
	                                  : ntohs(((struct sockaddr_in *)&got)->sin_port);
	return fd;
fail:
	e = errno;
	close(fd);
	return err_set(err, IKM_EIO, "%s: tidak dapat mendengarkan / cannot listen: %s", spec,
	               strerror(e));
}

/* ---- access log --------------------------------------------------------- */

/* Copy src into dst (size n >= 1), bytes outside printable ASCII, the
 * space and the backslash as \xNN; cut at the end of dst. */
static void log_escape(char *dst, size_t n, const char *src)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	for (const unsigned char *s = (const unsigned char *)src; *s != '\0'; s++) {
		if (*s > 0x20 && *s < 0x7f && *s != '\\') {
			if (o + 1 >= n)
				break;
			dst[o++] = (char)*s;
		} else {
			if (o + 4 >= n)
				break;
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[*s >> 4];
			dst[o++] = hex[*s & 15];
		}
	}
	dst[o] = '\0';
}

static void log_request(struct http_server *s, const struct req_state *st)
{
	char when[32], method[4 * HTTP_LOG_METHOD_MAX + 1], path[4 * HTTP_PATH_MAX + 1];
	struct timespec now;
	struct tm tm;
	time_t t = time(NULL);
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(now.tv_sec - st->t0.tv_sec) * 1000 +
	     (now.tv_nsec - st->t0.tv_nsec) / 1000000;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		when[0] = '\0';
	log_escape(method, sizeof(method), st->method[0] != '\0' ? st->method : "-");
	log_escape(path, sizeof(path), st->path != NULL ? st->path : "-");
	pthread_mutex_lock(&s->lock);
	fprintf(s->access_log, "time=%s remote=%s method=%s path=%s status=%d bytes=%zu ms=%lld\n",
	        when, st->remote[0] != '\0' ? st->remote : "-", method, path, st->status, st->bytes,
	        ms);
	fflush(s->access_log);
	pthread_mutex_unlock(&s->lock);
}

/* ---- one request -------------------------------------------------------- */

static struct req_state *state_new(struct http_server *s, const char *uri, struct MHD_Connection *c)
{
	struct req_state *st = xcalloc(1, sizeof(*st));
	const union MHD_ConnectionInfo *ci;
	size_t n = strnlen(uri, HTTP_PATH_MAX + 1);

	st->srv = s;
	if (n <= HTTP_PATH_MAX)
		st->uri = xstrndup(uri, n);
	clock_gettime(CLOCK_MONOTONIC, &st->t0);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL) {
		const struct sockaddr *a = ci->client_addr;

		if (a->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)a)->sin_addr, st->remote,
			          sizeof(st->remote));
		else if (a->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)a)->sin6_addr,
			          st->remote, sizeof(st->remote));
	}
	pthread_mutex_lock(&s->lock);
	s->inflight++;
	pthread_mutex_unlock(&s->lock);
	return st;
}

/* MHD_OPTION_URI_LOG_CALLBACK: the request line arrived. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	return state_new(cls, uri != NULL ? uri : "", c);
}

/* MHD_OPTION_NOTIFY_COMPLETED: the response went out, or the request was
 * abandoned. */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	struct http_server *s = cls;
	struct req_state *st = *con_cls;

	(void)c;
	(void)toe;
	if (st == NULL)
		return;
	*con_cls = NULL;
	if (st->answered && s->access_log != NULL)
		log_request(s, st);
	bytebuf_free(&st->body);
	free(st->uri);
	free(st->path);
	free(st);
	pthread_mutex_lock(&s->lock);
	if (--s->inflight == 0)
		pthread_cond_broadcast(&s->drained);
	pthread_mutex_unlock(&s->lock);
}

/* Whether a header value the handler set fits its field and has no
 * control characters (no header splitting). */
static int header_ok(const char *v, size_t size)
{
	if (memchr(v, '\0', size) == NULL)
		return 0;
	for (const unsigned char *p = (const unsigned char *)v; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static void response_init(struct http_response *res)
{
	memset(res, 0, sizeof(*res));
	res->status = 200;
	snprintf(res->content_type, sizeof(res->content_type), "%s", "text/html; charset=utf-8");
	snprintf(res->cache_control, sizeof(res->cache_control), "%s", "no-store");
}

/* Queue res on c (its body handed to libmicrohttpd) with the security
 * headers. */
static enum MHD_Result send_response(struct req_state *st, struct MHD_Connection *c,
                                     struct http_response *res)
{
	struct MHD_Response *r;
	enum MHD_Result ret;
	size_t len;
	char *body;
	int ok;

	if (res->status < 200 || res->status > 599 ||
	    !header_ok(res->content_type, sizeof(res->content_type)) ||
	    !header_ok(res->cache_control, sizeof(res->cache_control)) ||
	    !header_ok(res->location, sizeof(res->location)) ||
	    !header_ok(res->set_cookie, sizeof(res->set_cookie)) ||
	    !header_ok(res->www_authenticate, sizeof(res->www_authenticate)) ||
	    !header_ok(res->content_disposition, sizeof(res->content_disposition))) {
		bytebuf_free(&res->body);
		response_init(res);
		http_text(res, 500, text_500);
	}
	body = bytebuf_take(&res->body, &len);
	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, res->content_type) &&
	     MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, res->cache_control) &&
	     MHD_add_response_header(r, "Content-Security-Policy", csp) &&
	     MHD_add_response_header(r, "X-Content-Type-Options", "nosniff") &&
	     MHD_add_response_header(r, "Referrer-Policy", "same-origin") &&
	     MHD_add_response_header(r, "X-Frame-Options", "DENY");
	if (ok && res->location[0] != '\0')
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, res->location);
	if (ok && res->set_cookie[0] != '\0')
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, res->set_cookie);
	if (ok && res->www_authenticate[0] != '\0')
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
		                             res->www_authenticate);
	if (ok && res->content_disposition[0] != '\0')
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION,
		                             res->content_disposition);
	if (ok && res->retry_after != 0) {
		char v[16];

		snprintf(v, sizeof(v), "%u", res->retry_after);
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, v);
	}
	/* Stopping: tell keep-alive clients to go. */
	if (ok && atomic_load(&st->srv->stopping))
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	ret = ok ? MHD_queue_response(c, (unsigned int)res->status, r) : MHD_NO;
	MHD_destroy_response(r);
	st->answered = ret == MHD_YES;
	st->status = res->status;
	st->bytes = len;
	return ret;
}

/* Answer without calling the handler (413, 414). */
static enum MHD_Result send_text(struct req_state *st, struct MHD_Connection *c, int status,
                                 const char *text)
{
	struct http_response res;

	response_init(&res);
	http_text(&res, status, text);
	return send_response(st, c, &res);
}

/* The declared Content-Length is over the limit. */
static int declared_too_large(struct MHD_Connection *c, size_t body_max)
{
	const char *v =
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	unsigned long long n;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	errno = 0;
	n = strtoull(v, NULL, 10);
	return errno == ERANGE || n > body_max;
}

/* 1 when the path of a raw request target encodes a NUL (%00): the
 * decoded path handlers get would end there, so "/a.pdf%00.html" would
 * pass for "/a.pdf". */
static int path_has_nul(const char *uri)
{
	for (const char *p = uri; *p != '\0' && *p != '?'; p++)
		if (p[0] == '%' && p[1] == '0' && p[2] == '0')
			return 1;
	return 0;
}

static enum MHD_Result call_handler(struct http_server *s, struct req_state *st,
                                    struct MHD_Connection *c, const char *url, const char *method)
{
	struct http_request req;
	struct http_response res;
	const char *q = strchr(st->uri, '?');
	const char *ct =
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	if (ct == NULL || strnlen(ct, HTTP_HEADER_VALUE_MAX + 1) > HTTP_HEADER_VALUE_MAX)
		ct = "";
	memset(&req, 0, sizeof(req));
	req.method = method;
	req.path = url[0] != '\0' ? url : "/";
	req.query = q != NULL ? q + 1 : "";
	req.body = st->body.p != NULL ? st->body.p : "";
	req.body_len = st->body.len;
	req.content_type = ct;
	req.remote = st->remote;
	req.conn = c;
	response_init(&res);
	s->handler(s->app, &req, &res);
	return send_response(st, c, &res);
}

/* An address as inet_ntop writes it into out; -1 when s is none. */
static int addr_canon(const char *s, size_t n, char out[INET6_ADDRSTRLEN])
{
	char buf[INET6_ADDRSTRLEN];
	unsigned char bin[sizeof(struct in6_addr)];

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET, buf, bin) == 1)
		return inet_ntop(AF_INET, bin, out, INET6_ADDRSTRLEN) != NULL ? 0 : -1;
	if (inet_pton(AF_INET6, buf, bin) == 1)
		return inet_ntop(AF_INET6, bin, out, INET6_ADDRSTRLEN) != NULL ? 0 : -1;
	return -1;
}

static int is_proxy(const struct http_server *s, const char *addr)
{
	for (int i = 0; i < s->nproxies; i++)
		if (strcmp(s->proxies[i], addr) == 0)
			return 1;
	return 0;
}

/* Behind a trusted proxy: the client is the last X-Forwarded-For hop that
 * is not a trusted proxy (a malformed hop ends the search: keep the peer). */
static void forwarded_client(const struct http_server *s, struct req_state *st,
                             struct MHD_Connection *c)
{
	const char *h, *end;

	if (s->nproxies == 0 || !is_proxy(s, st->remote))
		return;
	h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	if (h == NULL || strnlen(h, HTTP_HEADER_VALUE_MAX + 1) > HTTP_HEADER_VALUE_MAX)
		return;
	end = h + strlen(h);
	while (end > h) {
		const char *start = end;
		char addr[INET6_ADDRSTRLEN];

		while (start > h && start[-1] != ',')
			start--;
		if (addr_canon(start, (size_t)(end - start), addr) < 0)
			return;
		if (!is_proxy(s, addr)) {
			snprintf(st->remote, sizeof(st->remote), "%s", addr);
			return;
		}
		end = start > h ? start - 1 : h;
	}
}

/* The MHD_AccessHandlerCallback. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	struct http_server *s = cls;
	struct req_state *st = *con_cls;
	size_t n = *upload_data_size;

	(void)version;
	if (st == NULL) /* no URI callback came first: not expected */
		*con_cls = st = state_new(s, url, c);
	if (st->answered) { /* answered early: drop what still comes */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (!st->started) {
		/* The headers: queue nothing now unless refusing. */
		st->started = 1;
		snprintf(st->method, sizeof(st->method), "%s", method);
		st->path = xstrndup(url, strnlen(url, HTTP_PATH_MAX));
		forwarded_client(s, st, c);
		if (st->uri == NULL)
			return send_text(st, c, 414, text_414);
		if (path_has_nul(st->uri))
			return send_text(st, c, 400, text_400);
		st->body_max = s->body_limit != NULL ? s->body_limit(s->app, url) : 0;
		if (st->body_max == 0)
			st->body_max = s->body_max;
		if (declared_too_large(c, st->body_max))
			return send_text(st, c, 413, text_413);
		return MHD_YES;
	}
	if (n != 0) {
		/* libmicrohttpd takes no response in the middle of a body: past
		 * body_max, read on without keeping (up to a bound) and refuse
		 * at the end. */
		*upload_data_size = 0;
		if (!st->too_large && n > st->body_max - st->body.len) {
			st->too_large = 1;
			bytebuf_free(&st->body);
		}
		if (!st->too_large) {
			bytebuf_add(&st->body, upload_data, n);
			return MHD_YES;
		}
		st->discarded += n;
		return st->discarded <= HTTP_DISCARD_MAX ? MHD_YES : MHD_NO;
	}
	if (st->too_large)
		return send_text(st, c, 413, text_413);
	return call_handler(s, st, c, url, method);
}

/* ---- the server --------------------------------------------------------- */

int http_start(const struct http_config *cfg, http_handler h, void *app, struct http_server **out,
               struct ikm_err *err)
{
	struct sockaddr_storage ss;
	socklen_t sslen = 0;
	struct http_server *s;
	pthread_condattr_t ca;
	const char *spec = cfg->listen != NULL ? cfg->listen : "127.0.0.1:8080";
	unsigned threads, conn_limit, per_ip, timeout;
	unsigned int flags;
	int fd, port = 0, nproxies = 0;
	char proxies[HTTP_PROXIES_MAX][INET6_ADDRSTRLEN] = {{0}};

	*out = NULL;
	if (parse_listen(spec, &ss, &sslen, err) < 0)
		return -1;
	if (cfg->threads < 1 || cfg->threads > HTTP_THREADS_MAX)
		return err_set(err, IKM_EUSAGE,
		               "jumlah utas %d tidak sah; harus 1..%d / threads must be 1..%d",
		               cfg->threads, HTTP_THREADS_MAX, HTTP_THREADS_MAX);
	threads = (unsigned)cfg->threads;
	conn_limit = cfg->conn_limit != 0 ? cfg->conn_limit : HTTP_CONN_LIMIT_DEFAULT;
	if (conn_limit < threads)
		conn_limit = threads;
	timeout = cfg->timeout_s != 0 ? cfg->timeout_s : HTTP_TIMEOUT_DEFAULT;
	/* Behind a reverse proxy on loopback every client has the proxy's
	 * address: limit per address only when listening elsewhere. */
	per_ip = 0;
	if (!is_loopback(&ss)) {
		per_ip = conn_limit / HTTP_PER_IP_DIVISOR;
		if (per_ip < HTTP_PER_IP_MIN)
			per_ip = HTTP_PER_IP_MIN;
	}
	for (const char *p = cfg->trusted_proxies; p != NULL && *p != '\0';) {
		const char *comma = strchr(p, ',');
		size_t n = comma != NULL ? (size_t)(comma - p) : strlen(p);

		if (nproxies == HTTP_PROXIES_MAX || addr_canon(p, n, proxies[nproxies]) < 0) {
			err_set(
			    err, IKM_EUSAGE,
			    "proksi tepercaya \"%.*s\" tidak sah: tulis alamat IP, dipisah koma, "
			    "paling banyak %d / trusted proxies: IP addresses separated by commas, "
			    "at most %d",
			    (int)(n > 60 ? 60 : n), p, HTTP_PROXIES_MAX, HTTP_PROXIES_MAX);
			return -1;
		}
		nproxies++;
		p = comma != NULL ? comma + 1 : p + n;
	}
	fd = listen_socket(spec, &ss, sslen, &port, err);
	if (fd < 0)
		return -1;

	s = xcalloc(1, sizeof(*s));
	s->fd = fd;
	s->port = port;
	s->handler = h;
	s->app = app;
	s->body_max = cfg->body_max != 0 ? cfg->body_max : HTTP_BODY_MAX_DEFAULT;
	s->body_limit = cfg->body_limit;
	s->access_log = cfg->access_log;
	s->nproxies = nproxies;
	memcpy(s->proxies, proxies, sizeof(proxies));
	atomic_init(&s->stopping, 0);
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->drained, &ca);
	pthread_condattr_destroy(&ca);

	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC;
	flags |=
	    MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES ? MHD_USE_EPOLL : MHD_USE_AUTO;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s->daemon = MHD_start_daemon(
	    flags, 0, NULL, NULL, on_request, s, MHD_OPTION_LISTEN_SOCKET, fd,
	    MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, conn_limit,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip, MHD_OPTION_CONNECTION_TIMEOUT, timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONN_MEMORY,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	    MHD_OPTION_END);
	if (s->daemon == NULL) {
		close(fd);
		pthread_cond_destroy(&s->drained);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return err_set(err, IKM_EIO,
		               "%s: server HTTP tidak dapat dimulai (libmicrohttpd) / the HTTP "
		               "server cannot start",
		               spec);
	}
	*out = s;
	return 0;
}

int http_port(const struct http_server *s)
{
	return s->port;
}

void http_stop(struct http_server *s)
{
	struct timespec until;
	MHD_socket lfd;

	if (s == NULL)
		return;
	atomic_store(&s->stopping, 1);
	/* Stop accepting; shutting the quiesced socket down refuses new
	 * clients at once instead of leaving them in the backlog. */
	lfd = MHD_quiesce_daemon(s->daemon);
	if (lfd != MHD_INVALID_SOCKET)
		shutdown(lfd, SHUT_RDWR);
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += HTTP_STOP_WAIT_S;
	pthread_mutex_lock(&s->lock);
	while (s->inflight > 0)
		if (pthread_cond_timedwait(&s->drained, &s->lock, &until) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&s->lock);
	MHD_stop_daemon(s->daemon);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	pthread_cond_destroy(&s->drained);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

const char *http_header(const struct http_request *req, const char *name)
{
	const char *v = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);

	if (v == NULL || strnlen(v, HTTP_HEADER_VALUE_MAX + 1) > HTTP_HEADER_VALUE_MAX)
		return NULL;
	return v;
}

void http_text(struct http_response *res, int status, const char *text)
{
	res->status = status;
	snprintf(res->content_type, sizeof(res->content_type), "%s", "text/plain; charset=utf-8");
	bytebuf_free(&res->body);
	bytebuf_puts(&res->body, text);
}
