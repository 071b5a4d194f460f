/* store_cli: what the store commands share. */
#ifndef IKM_STORE_CLI_H
#define IKM_STORE_CLI_H

#include <stdint.h>

#include "err.h"
#include "store.h"

/* Open the store of --db (NULL: $IKM_DB or ./var/ikm.db, creating ./var). */
int store_cli_open(const char *db, struct store **s, struct ikm_err *err);
/* Parse a YYYY-MM-DD option value into yyyymmdd (IKM_EUSAGE naming opt). */
int store_cli_date(const char *opt, const char *s, int32_t *out, struct ikm_err *err);

/* `ikm compute --unit SLUG --period SLUG [--service SLUG]` from the store:
 * prints like ikm compute on files. */
int store_cli_compute(const char *db, const char *unit, const char *period, const char *service,
                      int json);

int cmd_init(int argc, char **argv);
int cmd_unit(int argc, char **argv);
int cmd_service(int argc, char **argv);
int cmd_period(int argc, char **argv);
int cmd_population(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* `ikm apikey add NAME | list | revoke NAME [--db URL]` (apikey_cmd.c). */
int cmd_apikey(int argc, char **argv);
/* `ikm user add|list|passwd|disable|enable` (user_cmd.c). */
int cmd_user(int argc, char **argv);
/* `ikm profile load FILE.ini | show` (profile_cmd.c). */
int cmd_profile(int argc, char **argv);

#endif
