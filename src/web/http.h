/* http: the HTTP face of `ikm serve` on libmicrohttpd (thread pool,
 * epoll): every request is read whole (body bounded by body_max) and handed
 * to one handler function, which fills a response; the server adds the
 * security headers (CSP without inline script, frame-ancestors 'none',
 * nosniff, referrer policy), writes one access-log line per request
 * (control characters escaped) and, on http_stop, finishes the requests in
 * flight before it returns. Binds 127.0.0.1 unless configured. */
#ifndef IKM_HTTP_H
#define IKM_HTTP_H

#include <stddef.h>
#include <stdio.h>

#include "bytebuf.h"
#include "err.h"

#define HTTP_BODY_MAX_DEFAULT (64u << 10) /* named limit: request body bytes */
#define HTTP_PATH_MAX         1024        /* named limit: bytes of a path + query */
#define HTTP_HEADER_VALUE_MAX 4096        /* named limit: bytes of a header value used */

struct http_request {
	const char *method; /* "GET", "POST", ... */
	const char *path;   /* decoded path (%XX; '+' stays) without the query, "/" at least */
	const char *query;  /* raw query string after '?' (not decoded), "" when none */
	const char *body;   /* NUL-terminated copy, "" when none */
	size_t body_len;
	const char *content_type; /* "" when none (or over HTTP_HEADER_VALUE_MAX) */
	const char *remote;       /* client address as text ("127.0.0.1") */
	void *conn;               /* private: for http_header */
};

/* A request header's value (case-insensitive name), or NULL (also when
 * longer than HTTP_HEADER_VALUE_MAX). Valid during the handler call. */
const char *http_header(const struct http_request *req, const char *name);

/* A status outside 200..599, or a header field with a control character
 * or without its NUL, turns the reply into a plain 500. */
struct http_response {
	int status;                    /* default 200 */
	char content_type[96];         /* default "text/html; charset=utf-8" */
	struct bytebuf body;           /* freed by the server after sending */
	char location[HTTP_PATH_MAX];  /* Location header when not "" (redirects) */
	char cache_control[64];        /* default "no-store" */
	char set_cookie[512];          /* Set-Cookie header when not "" */
	char www_authenticate[64];     /* WWW-Authenticate header when not "" (401) */
	char content_disposition[256]; /* Content-Disposition header when not "" (downloads) */
	unsigned retry_after;          /* Retry-After seconds when not 0 (429, 503) */
};

/* Handle one request; fill res (the server sends it, then frees the body).
 * Called from several threads at once; never for a body over body_max
 * (413) or a path + query over HTTP_PATH_MAX (414). req and its strings
 * live until the handler returns. */
typedef void (*http_handler)(void *app, const struct http_request *req, struct http_response *res);

struct http_config {
	const char *listen; /* "127.0.0.1:8080"; port 0 picks a free one */
	int threads;        /* worker threads (thread pool), >= 1 */
	size_t body_max;    /* 0: HTTP_BODY_MAX_DEFAULT; larger bodies get 413 */
	/* Another limit for some paths (the decoded path; 0: body_max); NULL:
	 * body_max everywhere. Called from the server's threads. */
	size_t (*body_limit)(void *app, const char *path);
	unsigned timeout_s;  /* idle connection timeout, seconds (0: 30) */
	unsigned conn_limit; /* concurrent connections (0: 1000) */
	FILE *access_log;    /* NULL: none */
	/* Addresses of reverse proxies in front ("10.0.0.2,127.0.0.1", at most
	 * HTTP_PROXIES_MAX, NULL or "": none). A request from one of them is
	 * taken to come from the address its X-Forwarded-For names last that
	 * is not itself such a proxy; from anyone else the header is ignored. */
	const char *trusted_proxies;
};

#define HTTP_PROXIES_MAX 8 /* named limit: trusted proxy addresses */

struct http_server;

/* Start serving in background threads. IKM_EUSAGE for a bad listen
 * address ("HOST:PORT": an IPv4 address, "localhost" or "[IPv6]"),
 * threads outside 1..256, or a trusted proxy that is not an IP address, IKM_EIO when it cannot
 * bind. Threads that should not take signals must block them before this call. Each completed
 * request writes one line to access_log: time= remote= method= path= (bytes outside printable ASCII
 * as \xNN; no query) status= bytes= ms=. */
int http_start(const struct http_config *cfg, http_handler h, void *app, struct http_server **out,
               struct ikm_err *err);
/* The port actually bound (useful with port 0). */
int http_port(const struct http_server *s);
/* Stop accepting (new connections are refused at once), finish the
 * requests in flight (waiting at most 10 s; their replies say
 * Connection: close), stop the threads, free. NULL is fine. */
void http_stop(struct http_server *s);

/* Helpers for handlers: set status and a plain-text body (text/plain;
 * charset=utf-8), replacing any body. */
void http_text(struct http_response *res, int status, const char *text);

#endif
