/* console_pending: the console pages still being built answer "not yet"
 * (501), so the route table, the role checks and the navigation can be
 * tested before them. Each moves to its own file (console_setup.c, ...)
 * when it is written. */
#include "console_int.h"

static void pending(struct console_ctx *c)
{
	console_fail(c, 501, "Halaman ini belum tersedia.");
}

void console_setup(struct console_ctx *c, const char *rest)
{
	(void)rest;
	pending(c);
}

void console_monitor(struct console_ctx *c, const char *rest)
{
	(void)rest;
	pending(c);
}

void console_results(struct console_ctx *c, const char *rest)
{
	(void)rest;
	pending(c);
}

void console_users(struct console_ctx *c, const char *rest)
{
	(void)rest;
	pending(c);
}

void console_audit_page(struct console_ctx *c, const char *rest)
{
	(void)rest;
	pending(c);
}
