/* console_entry: what the paper entry (console_entry.c, /admin/entri) and
 * the import (console_import.c, /admin/impor) of the office console share:
 * the unit a request works on and the list of units to choose from. Both
 * routes call console_entry; it hands /admin/impor to console_import. */
#ifndef IKM_CONSOLE_ENTRY_H
#define IKM_CONSOLE_ENTRY_H

#include "console_int.h"

/* /admin/impor[/...] (console_import.c). */
void console_import(struct console_ctx *c, const char *rest);

/* The unit of slug (from a form or query) into *u when the user may work
 * on it: 1. 0 when slug is NULL or empty (nothing chosen yet). -1 when
 * answered: 404 for an unknown unit, 403 (audited) for a unit outside the
 * user's subtree, 503 when the store failed. */
int console_entry_unit(struct console_ctx *c, const char *slug, struct store_unit *u);

/* Add the units the user may work on to d as the list "units" (slug,
 * name, href = base?unit=SLUG) and the flag "has_units". -1 when the
 * store failed (answered 503). */
int console_entry_units(struct console_ctx *c, struct tmpl_data *d, const char *base);

/* The services of unit u into d as the list "services" (slug, name, and
 * the flag "chosen" for the one of slug `chosen`). -1: store failed
 * (answered). */
int console_entry_services(struct console_ctx *c, const struct store_unit *u, const char *chosen,
                           struct tmpl_data *d);

#endif
