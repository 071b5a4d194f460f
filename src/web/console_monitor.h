/* console_monitor: what the monitoring pages (console_monitor.c) share
 * with the review of flagged responses (console_review.c): the unit,
 * period and service a request names, checked against the user's subtree.
 * Not for use outside these two files. */
#ifndef IKM_CONSOLE_MONITOR_H
#define IKM_CONSOLE_MONITOR_H

#include "console_int.h"
#include "store_monitor.h"

/* What a page under /admin/pantau/UNIT is about. */
struct console_monitor_scope {
	struct store_unit u;
	struct store_period p;
	struct store_service v; /* id 0: every service of the unit */
	struct store_scope sc;
};

/* The unit unit_slug (a path segment), the period of the parameter
 * "periode" (else the default) and the service of "layanan" (else all)
 * into *m: 0; or -1 when answered (404 unknown, 403 outside the user's
 * subtree, audited; 503). */
int console_monitor_scope(struct console_ctx *c, const char *unit_slug,
                          struct console_monitor_scope *m);
/* The period named slug, or when slug is NULL or "" the one holding today
 * in the organisation's zone, else the newest: 0; or -1 when answered
 * (404 unknown or none at all, 503). */
int console_monitor_period(struct console_ctx *c, const char *slug, struct store_period *p);
/* Set unit_slug, unit_name, period_slug, period_name, period_from,
 * period_to, period_closed and (a service chosen) service_slug and
 * service_name in d. */
void console_monitor_scope_set(struct tmpl_data *d, const struct console_monitor_scope *m);
/* The label of a channel's machine name ("import" -> "Impor"). */
const char *console_monitor_channel(const char *name);
/* "3 Januari 2022" of yyyymmdd. Returns buf. */
char *console_monitor_date(char *buf, size_t size, int32_t ymd);

/* /admin/pantau/UNIT/tinjau: the flagged responses (GET) and a decision
 * on one (POST); console_review.c. */
void console_review(struct console_ctx *c, const char *unit_slug);

#endif
