/* serve_conf: the configuration file of `ikm serve` (--config ikm.ini), an
 * INI file read with the same rules as the office profile (inifile.h):
 *
 *   [server]
 *   listen = 127.0.0.1:8080     ; HOST:PORT
 *   db = var/ikm.db             ; a path or postgresql://...
 *   threads = 4
 *   access_log = var/access.log ; or - for standard output
 *   rate_limit = 10             ; form POSTs a minute per address, 0 = off
 *   trusted_proxy = 127.0.0.1   ; reverse proxies whose X-Forwarded-For counts
 *
 *   [form]
 *   faces = yes                 ; face icons beside the options (yes/no)
 *   tickets = optional          ; off, optional or required
 *   ticket_key_file = var/ikm.ticket-key
 *
 *   [console]
 *   password_cost = interactive ; interactive, moderate (or min: tests only)
 *   idle_minutes = 30           ; a session ends after this long without use
 *   absolute_hours = 12         ; and this long after signing in
 *   secure_cookies = yes        ; the site is reached over HTTPS
 *
 * Relative paths are taken from the folder of the configuration file.
 * Command-line options override the file, and so does $IKM_DB for db.
 * Unknown sections or keys, a key given twice, and bad values are errors
 * naming the file, the line and what is expected. */
#ifndef IKM_SERVE_CONF_H
#define IKM_SERVE_CONF_H

#include "err.h"

#define SERVE_CONF_TEXT_MAX 1023 /* named limit: bytes of a value */

enum serve_conf_key {
	SC_LISTEN,
	SC_DB,
	SC_THREADS,
	SC_ACCESS_LOG,
	SC_RATE_LIMIT,
	SC_FACES,
	SC_TICKETS,
	SC_TICKET_KEY_FILE,
	SC_TRUSTED_PROXY,
	SC_PASSWORD_COST,
	SC_IDLE_MINUTES,
	SC_ABSOLUTE_HOURS,
	SC_SECURE_COOKIES,
	SC_NKEYS
};

struct serve_conf {
	unsigned set; /* bit (1u << key) for every key the file gives */
	char listen[SERVE_CONF_TEXT_MAX + 1], db[SERVE_CONF_TEXT_MAX + 1];
	char access_log[SERVE_CONF_TEXT_MAX + 1], ticket_key_file[SERVE_CONF_TEXT_MAX + 1];
	char trusted_proxy[SERVE_CONF_TEXT_MAX + 1];
	int threads, rate_limit, faces, tickets; /* tickets: enum ticket_mode */
	char password_cost[16];
	int idle_minutes, absolute_hours, secure_cookies;
};

/* Read path into c (zeroed first). threads_max and rate_max bound those
 * numbers. -1 with err ("path:line: ...") on any problem. */
int serve_conf_read(const char *path, int threads_max, int rate_max, struct serve_conf *c,
                    struct ikm_err *err);

#endif
