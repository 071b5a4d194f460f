/* user_cmd: `ikm user` — the users of the office console from the command
 * line: add (the first admin-kota, before anyone can sign in), list,
 * passwd, disable, enable. A password is read from standard input (its
 * first line), or asked twice on a terminal without echo; it is hashed with
 * Argon2id ($IKM_PASSWORD_COST: interactive (default), moderate or min)
 * and wiped from memory. Every change is written to the audit log as done
 * by "cli". */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "store.h"
#include "store_cli.h"
#include "store_user.h"

static const char user_usage[] =
    "Penggunaan / usage:\n"
    "  ikm user add NAMA-PENGGUNA --role PERAN [--unit SLUG] [--name \"Nama Lengkap\"] [--db URL]\n"
    "  ikm user list [--db URL]\n"
    "  ikm user passwd NAMA-PENGGUNA [--db URL]\n"
    "  ikm user disable NAMA-PENGGUNA | enable NAMA-PENGGUNA [--db URL]\n"
    "PERAN: admin-kota (seluruh organisasi), admin-unit, operator, pimpinan; admin-unit dan\n"
    "operator memerlukan --unit. Kata sandi dibaca dari masukan standar (baris pertama), atau\n"
    "ditanyakan dua kali di terminal; paling sedikit 10 karakter.\n"
    "ROLE: admin-kota (whole organisation), admin-unit, operator, pimpinan; admin-unit and\n"
    "operator need --unit. The password is read from standard input (first line), or asked\n"
    "twice on a terminal; at least 10 characters.\n";

struct user_opts {
	const char *db, *role, *unit, *name;
};

/* Read one line into buf without echo when stdin is a terminal. */
static int read_line(const char *prompt, char *buf, size_t size, struct ikm_err *err)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	size_t n;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		} else {
			tty = 0;
		}
	}
	if (fgets(buf, (int)size, stdin) == NULL) {
		buf[0] = '\0';
		if (tty)
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		return err_set(err, IKM_EUSAGE,
		               "kata sandi tidak terbaca dari masukan standar / no password on "
		               "standard input");
	}
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	n = strlen(buf);
	if (n > 0 && buf[n - 1] != '\n' && !feof(stdin)) {
		sodium_memzero(buf, size);
		return err_set(
		    err, IKM_ELIMIT,
		    "kata sandi lebih dari %d bait / the password is longer than %d bytes",
		    AUTH_PASSWORD_MAX, AUTH_PASSWORD_MAX);
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return 0;
}

/* A new password for username, checked, hashed into hash. */
static int new_password(const char *username, char hash[AUTH_HASH_MAX + 1], struct ikm_err *err)
{
	char pw[AUTH_PASSWORD_MAX + 3], again[AUTH_PASSWORD_MAX + 3];
	const char *problem;
	struct auth_cost cost;
	int rc = -1;

	if (auth_init(err) < 0)
		return -1;
	if (auth_cost_parse(getenv("IKM_PASSWORD_COST"), &cost) < 0)
		return err_set(err, IKM_EUSAGE,
		               "IKM_PASSWORD_COST harus interactive, moderate atau min / must be "
		               "interactive, moderate or min");
	if (read_line("Kata sandi baru / new password: ", pw, sizeof(pw), err) < 0)
		goto out;
	if ((problem = auth_password_problem(pw, username)) != NULL) {
		err_set(err, IKM_EUSAGE, "%s", problem);
		goto out;
	}
	if (isatty(STDIN_FILENO)) {
		if (read_line("Ulangi / again: ", again, sizeof(again), err) < 0)
			goto out;
		if (strcmp(pw, again) != 0) {
			err_set(err, IKM_EUSAGE, "kedua kata sandi berbeda / the passwords differ");
			goto out;
		}
	}
	rc = auth_hash_password(pw, &cost, hash, err);
out:
	sodium_memzero(pw, sizeof(pw));
	sodium_memzero(again, sizeof(again));
	return rc;
}

static void audit(struct store *s, const char *action, const char *object, const char *detail)
{
	struct store_audit a = {0};
	struct ikm_err err = {0};

	snprintf(a.username, sizeof(a.username), "cli");
	snprintf(a.remote, sizeof(a.remote), "cli");
	snprintf(a.action, sizeof(a.action), "%s", action);
	snprintf(a.object, sizeof(a.object), "%s", object);
	snprintf(a.detail, sizeof(a.detail), "%s", detail);
	if (store_audit_add(s, &a, &err) < 0)
		fprintf(stderr, "ikm: catatan audit gagal / audit entry failed: %s\n", err.msg);
}

static int user_add(struct store **s, const struct user_opts *o, const char *username,
                    struct ikm_err *err)
{
	struct store_user u = {0};
	struct store_unit unit;
	char object[96], detail[200];
	int role = store_role_parse(o->role);

	if (o->role == NULL || role < 0)
		return err_set(
		    err, IKM_EUSAGE,
		    "--role harus admin-kota, admin-unit, operator atau pimpinan / --role "
		    "must be admin-kota, admin-unit, operator or pimpinan");
	if (!store_username_ok(username))
		return err_set(
		    err, IKM_EUSAGE,
		    "nama pengguna \"%.40s\" tidak sah: huruf kecil, angka, titik, garis "
		    "bawah atau minus, diawali huruf, paling banyak %d / invalid username",
		    username, STORE_USERNAME_MAX);
	if (o->name != NULL && strlen(o->name) > STORE_NAME_MAX)
		return err_set(err, IKM_ELIMIT, "--name lebih dari %d bait / too long",
		               STORE_NAME_MAX);
	if (store_cli_open(o->db, s, err) < 0)
		return -1;
	if (o->unit != NULL) {
		if (store_unit_get(*s, o->unit, &unit, err) < 0)
			return -1;
		u.unit = unit.id;
	}
	snprintf(u.username, sizeof(u.username), "%s", username);
	snprintf(u.name, sizeof(u.name), "%s", o->name != NULL ? o->name : username);
	u.role = (enum store_role)role;
	if (new_password(username, u.pwhash, err) < 0)
		return -1;
	if (store_user_add(*s, &u, NULL, err) < 0)
		return -1;
	snprintf(object, sizeof(object), "user %s", username);
	snprintf(detail, sizeof(detail), "role=%s unit=%s", o->role,
	         o->unit != NULL ? o->unit : "-");
	audit(*s, "user.add", object, detail);
	printf("Pengguna %s ditambahkan (%s%s%s) / user added\n", username, o->role,
	       o->unit != NULL ? ", unit " : "", o->unit != NULL ? o->unit : "");
	return 0;
}

static int user_list(struct store **s, const struct user_opts *o, struct ikm_err *err)
{
	struct store_user *list;
	int n;

	if (store_cli_open(o->db, s, err) < 0 || store_user_list(*s, &list, &n, err) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s\t%s\n", list[i].username, store_role_name(list[i].role),
		       list[i].unit_slug[0] ? list[i].unit_slug : "-", list[i].name,
		       list[i].disabled ? "nonaktif" : "aktif");
	free(list);
	return 0;
}

static int user_change(struct store **s, const struct user_opts *o, const char *sub,
                       const char *username, struct ikm_err *err)
{
	struct store_user u;
	char object[96];

	if (store_cli_open(o->db, s, err) < 0 || store_user_get(*s, username, &u, err) < 0)
		return -1;
	snprintf(object, sizeof(object), "user %s", username);
	if (strcmp(sub, "passwd") == 0) {
		char hash[AUTH_HASH_MAX + 1];

		if (new_password(username, hash, err) < 0 ||
		    store_user_set_password(*s, u.id, hash, err) < 0)
			return -1;
		audit(*s, "user.password", object, "sessions ended");
		printf("Kata sandi %s diganti; semua sesinya berakhir / password changed\n",
		       username);
		return 0;
	}
	if (store_user_set_disabled(*s, u.id, strcmp(sub, "disable") == 0 ? (int64_t)time(NULL) : 0,
	                            err) < 0)
		return -1;
	audit(*s, strcmp(sub, "disable") == 0 ? "user.disable" : "user.enable", object, "");
	printf("Pengguna %s %s\n", username,
	       strcmp(sub, "disable") == 0 ? "dinonaktifkan / disabled" : "diaktifkan / enabled");
	return 0;
}

int cmd_user(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},   {"role", required_argument, NULL, 'r'},
	    {"unit", required_argument, NULL, 'u'}, {"name", required_argument, NULL, 'n'},
	    {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0},
	};
	struct user_opts o = {0};
	const char *sub = argc > 1 ? argv[1] : "";
	struct store *s = NULL;
	struct ikm_err err = {0};
	char **args;
	int c, nargs, rc = 2;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o.db = optarg;
			break;
		case 'r':
			o.role = optarg;
			break;
		case 'u':
			o.unit = optarg;
			break;
		case 'n':
			o.name = optarg;
			break;
		case 'h':
			fputs(user_usage, stdout);
			return CLI_EXIT_OK;
		default:
			fprintf(stderr,
			        "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
			        argv[optind], user_usage);
			return CLI_EXIT_USAGE;
		}
	}
	args = argv + 1 + optind;
	nargs = argc - 1 - optind;
	if (strcmp(sub, "add") == 0 && nargs == 1)
		rc = user_add(&s, &o, args[0], &err);
	else if (strcmp(sub, "list") == 0 && nargs == 0)
		rc = user_list(&s, &o, &err);
	else if ((strcmp(sub, "passwd") == 0 || strcmp(sub, "disable") == 0 ||
	          strcmp(sub, "enable") == 0) &&
	         nargs == 1)
		rc = user_change(&s, &o, sub, args[0], &err);
	if (rc == 2) {
		fputs(user_usage, stderr);
		rc = CLI_EXIT_USAGE;
	} else if (rc < 0) {
		rc = cli_fail(&err);
	}
	store_close(s);
	return rc;
}
