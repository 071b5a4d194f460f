/* serve_conf: see serve_conf.h. */
#include "serve_conf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "inifile.h"
#include "ticket.h"

#define SERVE_CONF_LINE_MAX 2048 /* named limit: bytes of a line */

static const struct {
	const char *section, *key;
} keys[SC_NKEYS] = {
    [SC_LISTEN] = {"server", "listen"},
    [SC_DB] = {"server", "db"},
    [SC_THREADS] = {"server", "threads"},
    [SC_ACCESS_LOG] = {"server", "access_log"},
    [SC_RATE_LIMIT] = {"server", "rate_limit"},
    [SC_FACES] = {"form", "faces"},
    [SC_TICKETS] = {"form", "tickets"},
    [SC_TICKET_KEY_FILE] = {"form", "ticket_key_file"},
    [SC_TRUSTED_PROXY] = {"server", "trusted_proxy"},
    [SC_PASSWORD_COST] = {"console", "password_cost"},
    [SC_IDLE_MINUTES] = {"console", "idle_minutes"},
    [SC_ABSOLUTE_HOURS] = {"console", "absolute_hours"},
    [SC_SECURE_COOKIES] = {"console", "secure_cookies"},
};

struct reader {
	struct inifile f;
	struct serve_conf *c;
	int threads_max, rate_max;
	int seen[SC_NKEYS]; /* line of each key, 0 = not yet */
	size_t dirlen;      /* bytes of the file's folder, with its '/' */
	const char *path;
};

/* A path value: relative ones from the configuration file's folder. */
static int set_path(struct reader *r, const char *key, const char *value, char *dst)
{
	int n;

	if (value[0] == '\0')
		return inifile_fail(&r->f, IKM_EDATA, "'%s' kosong / '%s' is empty", key, key);
	if (value[0] == '/' || strcmp(value, "-") == 0 || strncmp(value, "postgres", 8) == 0 ||
	    r->dirlen == 0)
		n = snprintf(dst, SERVE_CONF_TEXT_MAX + 1, "%s", value);
	else
		n = snprintf(dst, SERVE_CONF_TEXT_MAX + 1, "%.*s%s", (int)r->dirlen, r->path,
		             value);
	if (n < 0 || n > SERVE_CONF_TEXT_MAX)
		return inifile_fail(&r->f, IKM_ELIMIT,
		                    "'%s' lebih dari %d bait / '%s' is longer than %d bytes", key,
		                    SERVE_CONF_TEXT_MAX, key, SERVE_CONF_TEXT_MAX);
	return 1;
}

static int set_int(struct reader *r, const char *key, const char *value, int lo, int hi, int *dst)
{
	int64_t n;

	if (cli_parse_int(value, lo, hi, &n) < 0)
		return inifile_fail(&r->f, IKM_EDATA,
		                    "'%s' = \"%.40s\" tidak sah; harus bilangan bulat %d..%d / "
		                    "'%s' must be an integer %d..%d",
		                    key, value, lo, hi, key, lo, hi);
	*dst = (int)n;
	return 1;
}

static int set_bool(struct reader *r, const char *key, const char *value, int *dst)
{
	if (strcmp(value, "yes") == 0 || strcmp(value, "ya") == 0)
		*dst = 1;
	else if (strcmp(value, "no") == 0 || strcmp(value, "tidak") == 0)
		*dst = 0;
	else
		return inifile_fail(
		    &r->f, IKM_EDATA,
		    "'%s' = \"%.40s\" tidak sah; tulis yes atau no / '%s' must be yes "
		    "or no",
		    key, value, key);
	return 1;
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct reader *r = user;
	struct serve_conf *c = r->c;
	int k = -1;

	if (!inifile_value_ok(&r->f, "baris menjorok dibaca sebagai lanjutan nilai sebelumnya",
	                      "an indented line would continue the previous value"))
		return 0;
	for (int i = 0; i < SC_NKEYS; i++)
		if (strcmp(section, keys[i].section) == 0 && strcmp(name, keys[i].key) == 0)
			k = i;
	if (k < 0)
		return inifile_fail(
		    &r->f, IKM_EDATA,
		    "kunci '%.60s' di bagian [%.60s] tidak dikenal; yang dikenal: [server] listen, "
		    "db, threads, access_log, rate_limit, trusted_proxy; [form] faces, tickets, "
		    "ticket_key_file / "
		    "unknown key; known: [server] listen, db, threads, access_log, rate_limit, "
		    "trusted_proxy; "
		    "[form] faces, tickets, ticket_key_file; [console] password_cost, "
		    "idle_minutes, absolute_hours, secure_cookies",
		    name, section);
	if (r->seen[k] != 0)
		return inifile_fail(&r->f, IKM_EDATA,
		                    "kunci '%s' sudah diisi pada baris %d / key given twice (first "
		                    "on line %d)",
		                    name, r->seen[k], r->seen[k]);
	r->seen[k] = r->f.lineno;
	c->set |= 1u << k;
	switch ((enum serve_conf_key)k) {
	case SC_LISTEN:
		if (value[0] == '\0' || strlen(value) > SERVE_CONF_TEXT_MAX)
			return inifile_fail(
			    &r->f, IKM_EDATA,
			    "'listen' harus HOST:PORT / 'listen' must be HOST:PORT");
		snprintf(c->listen, sizeof(c->listen), "%s", value);
		return 1;
	case SC_TRUSTED_PROXY:
		snprintf(c->trusted_proxy, sizeof(c->trusted_proxy), "%s", value);
		return 1;
	case SC_DB:
		return set_path(r, name, value, c->db);
	case SC_ACCESS_LOG:
		return set_path(r, name, value, c->access_log);
	case SC_TICKET_KEY_FILE:
		return set_path(r, name, value, c->ticket_key_file);
	case SC_THREADS:
		return set_int(r, name, value, 1, r->threads_max, &c->threads);
	case SC_RATE_LIMIT:
		return set_int(r, name, value, 0, r->rate_max, &c->rate_limit);
	case SC_FACES:
		return set_bool(r, name, value, &c->faces);
	case SC_SECURE_COOKIES:
		return set_bool(r, name, value, &c->secure_cookies);
	case SC_IDLE_MINUTES:
		return set_int(r, name, value, 1, 24 * 60, &c->idle_minutes);
	case SC_ABSOLUTE_HOURS:
		return set_int(r, name, value, 1, 24 * 30, &c->absolute_hours);
	case SC_PASSWORD_COST:
		if (strcmp(value, "interactive") != 0 && strcmp(value, "moderate") != 0 &&
		    strcmp(value, "min") != 0)
			return inifile_fail(
			    &r->f, IKM_EDATA,
			    "'password_cost' = \"%.40s\" tidak sah; tulis interactive, "
			    "moderate atau min / must be interactive, moderate or min",
			    value);
		snprintf(c->password_cost, sizeof(c->password_cost), "%s", value);
		return 1;
	case SC_TICKETS:
		c->tickets = ticket_mode_parse(value);
		if (c->tickets < 0)
			return inifile_fail(
			    &r->f, IKM_EDATA,
			    "'tickets' = \"%.40s\" tidak sah; tulis off, optional atau "
			    "required / 'tickets' must be off, optional or required",
			    value);
		return 1;
	case SC_NKEYS:
		break;
	}
	return 0;
}

int serve_conf_read(const char *path, int threads_max, int rate_max, struct serve_conf *c,
                    struct ikm_err *err)
{
	struct reader r;
	const char *slash = strrchr(path, '/');
	int rc;

	memset(c, 0, sizeof(*c));
	memset(&r, 0, sizeof(r));
	inifile_init(&r.f, path, SERVE_CONF_LINE_MAX, err);
	r.c = c;
	r.path = path;
	r.threads_max = threads_max;
	r.rate_max = rate_max;
	r.dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	r.f.fp = fopen(path, "r");
	if (r.f.fp == NULL)
		return err_set(err, IKM_EIO,
		               "%s: berkas konfigurasi tidak dapat dibuka / cannot open the "
		               "configuration file: %s",
		               path, strerror(errno));
	rc = inifile_parse(&r.f, on_value, &r);
	fclose(r.f.fp);
	if (rc != 0 && rc != -1)
		return err_set(err, IKM_EIO, "%s: gagal mengurai berkas (%d) / parse failure", path,
		               rc);
	return rc == 0 ? 0 : -1;
}
