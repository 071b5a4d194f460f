/* console_int: what the pages of the office console share (console.c and
 * the console_*.c page modules). console.c signs users in and out, keeps
 * sessions, checks the CSRF token of every POST, and hands each request
 * under /admin to the page module of its route with a console_ctx: the
 * signed-in user, the store, the parsed form. Page modules check the unit
 * a request is about with console_may_unit, write every change to the
 * audit log with console_audit, and answer with console_page (rendered in
 * the console layout), console_redirect or console_fail. */
#ifndef IKM_CONSOLE_INT_H
#define IKM_CONSOLE_INT_H

#include <stdint.h>

#include "app_int.h"
#include "auth.h"
#include "formdata.h"
#include "multipart.h"
#include "store_user.h"

/* A signed-in request. */
struct console_ctx {
	struct web_app *a;
	struct store *s;
	const struct http_request *req;
	struct http_response *res;
	struct store_org org;
	struct store_user user;
	char token[AUTH_TOKEN_HEX + 1]; /* the session's token (from the cookie) */
	char csrf[AUTH_TOKEN_HEX + 1];  /* its CSRF token, for forms */
	int post;                       /* a POST (its CSRF token already checked) */
	struct formdata form;           /* a urlencoded POST body, else empty */
	struct formdata query;          /* the query string */
	struct multipart parts;         /* a multipart/form-data POST body, else empty */
	int64_t now;                    /* unix seconds */
};

/* Bits of roles (1u << enum store_role) for the route table. */
#define CONSOLE_KOTA     (1u << STORE_ROLE_ADMIN_KOTA)
#define CONSOLE_UNIT     (1u << STORE_ROLE_ADMIN_UNIT)
#define CONSOLE_OPERATOR (1u << STORE_ROLE_OPERATOR)
#define CONSOLE_PIMPINAN (1u << STORE_ROLE_PIMPINAN)
#define CONSOLE_ADMINS   (CONSOLE_KOTA | CONSOLE_UNIT)
#define CONSOLE_ALL      (CONSOLE_KOTA | CONSOLE_UNIT | CONSOLE_OPERATOR | CONSOLE_PIMPINAN)

/* A page module's handler: rest is the path after the route's prefix
 * ("" or "/..."). */
typedef void (*console_fn)(struct console_ctx *c, const char *rest);

/* 1 when the user may see (and, by role, act on) unit `unit`: admin-kota
 * everything; the others their own unit and the units under it (a pimpinan
 * without a unit: everything). 0 for an unknown unit. A store failure
 * answers 503 and returns -1. */
int console_may_unit(struct console_ctx *c, int64_t unit);

/* The value of form field (POST) or query parameter name, or NULL. */
const char *console_param(const struct console_ctx *c, const char *name);

/* Render content template `tpl` (a share/web path, e.g.
 * "admin/units.html") with d into the console layout (navigation for the
 * user's role, the user's name, the CSRF token available to every
 * template as {{csrf}}, a flash message when the query has ?ok=TEXT-KEY).
 * Takes d (frees it). */
void console_page(struct console_ctx *c, int status, const char *tpl, struct tmpl_data *d,
                  const char *title);
/* 303 See Other to path (an absolute path of this site). */
void console_redirect(struct console_ctx *c, const char *path);
/* A message page in the console layout with status (403, 404, 422, 503;
 * 200 for a notice such as "nothing here yet"). */
void console_fail(struct console_ctx *c, int status, const char *text);
/* A store failure: logged to stderr, answered 503. */
void console_store_fail(struct console_ctx *c, const struct ikm_err *err);

/* Append an audit entry by the signed-in user from the request's address:
 * action ("period.close"), object ("period 2026-s2"), detail
 * (printf-style, may be ""). A failure is logged to stderr. */
void console_audit(struct console_ctx *c, const char *action, const char *object, const char *fmt,
                   ...) __attribute__((format(printf, 4, 5)));

/* Page modules (one file each). */
void console_home(struct console_ctx *c, const char *rest);        /* console.c */
void console_password(struct console_ctx *c, const char *rest);    /* console.c */
void console_signout_all(struct console_ctx *c, const char *rest); /* console.c */
void console_setup(struct console_ctx *c, const char *rest);       /* console_setup.c */
void console_monitor(struct console_ctx *c, const char *rest);     /* console_monitor.c */
void console_entry(struct console_ctx *c, const char *rest);       /* console_entry.c */
void console_results(struct console_ctx *c, const char *rest);     /* console_results.c */
void console_users(struct console_ctx *c, const char *rest);       /* console_users.c */
void console_audit_page(struct console_ctx *c, const char *rest);  /* console_users.c */

#endif
