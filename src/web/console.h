/* console: the office console of `ikm serve` — sign-in at /login, the
 * pages under /admin (console_*.c), sign-out at /logout. Sessions are
 * random tokens in an HttpOnly, SameSite=Strict cookie (Secure when
 * configured), kept in the store only as hashes, with an idle and an
 * absolute expiry; every POST carries the session's CSRF token; sign-ins
 * are throttled per account and per address; every change is written to
 * the audit log. */
#ifndef IKM_CONSOLE_H
#define IKM_CONSOLE_H

#include "auth.h"
#include "http.h"

struct web_app;
struct store;
struct store_org;

#define CONSOLE_IDLE_DEFAULT     (30 * 60)      /* seconds without a request */
#define CONSOLE_ABSOLUTE_DEFAULT (12 * 60 * 60) /* seconds after sign-in */
#define CONSOLE_LOCK_AFTER       5              /* failed sign-ins in a row lock an account */
#define CONSOLE_LOCK_SECONDS     (15 * 60)      /* for this long */
#define CONSOLE_IP_FAILURES      20             /* failed sign-ins from one address ... */
#define CONSOLE_IP_WINDOW        (15 * 60)      /* ... within this many seconds: refused */
#define CONSOLE_UPLOAD_MAX       (16u << 20)    /* named limit: bytes of an upload body */

struct console_opts {
	struct auth_cost cost; /* of new password hashes */
	int idle_s;            /* session idle expiry */
	int absolute_s;        /* session absolute expiry */
	int secure_cookies;    /* add Secure (the site is reached over HTTPS) */
};

/* The defaults: interactive cost, 30 min idle, 12 h absolute, no Secure. */
struct console_opts console_opts_default(void);

/* Use o (NULL: the defaults) for app a; before the server starts. */
int web_app_set_console(struct web_app *a, const struct console_opts *o, struct ikm_err *err);

/* 1 when path belongs to the console (/login, /logout, /admin...). */
int console_path(const char *path);

/* Answer a console request on this thread's store s. */
void console_handle(struct web_app *a, struct store *s, const struct store_org *org,
                    const struct http_request *req, struct http_response *res);

/* The body limit of a path (CONSOLE_UPLOAD_MAX for the upload pages, else
 * 0: the server's default); an http_config.body_limit. */
size_t console_body_limit(void *app, const char *path);

#endif
