/* console_results: what the results page (console_results.c) and the
 * downloads (console_download.c) share — the scope a request names
 * (?unit=SLUG&periode=SLUG[&layanan=SLUG]) checked against the user's
 * subtree, and the form that chooses it. */
#ifndef IKM_CONSOLE_RESULTS_H
#define IKM_CONSOLE_RESULTS_H

#include "console_int.h"
#include "scope.h"

/* What a request names. */
struct results_req {
	int chosen;              /* a unit and a period are named (or defaulted) */
	struct scope_analysis a; /* found (not analysed) when chosen */
	char unit[STORE_SLUG_MAX + 1], period[STORE_SLUG_MAX + 1], service[STORE_SLUG_MAX + 1];
};

/* Read and check the scope parameters of c: 1 fine (r->chosen tells
 * whether a scope is named); 0 refused and answered (400 for a malformed
 * query or parameter, 404 for an unknown unit, period or service, 403
 * outside the user's subtree), -1 a store failure (answered). Without
 * ?unit the user's own unit is taken; without ?periode the latest period
 * that has started. */
int console_results_req(struct console_ctx *c, struct results_req *r);

/* The chooser form's data into d: the units the user may see, every
 * period, the services of the chosen unit, each marked when selected. 0,
 * or -1 after answering a store failure. */
int console_results_chooser(struct console_ctx *c, const struct results_req *r,
                            struct tmpl_data *d);

/* The query string of r ("unit=a&periode=b[&layanan=c]"; slugs need no
 * escaping) into buf. */
void console_results_query(const struct results_req *r, char *buf, size_t size);

/* GET /admin/unduh[/FILE] (console_download.c). */
void console_download(struct console_ctx *c, const char *rest);

#endif
