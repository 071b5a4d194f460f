/* store_cmd: the store's setup commands — `ikm init`, `ikm unit`, `ikm
 * service`, `ikm period`. The database is --db URL, else $IKM_DB, else
 * ./var/ikm.db (store.h). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "store.h"
#include "store_cli.h"

int store_cli_open(const char *db, struct store **s, struct ikm_err *err)
{
	const char *url = db != NULL ? db : getenv("IKM_DB");

	/* The default database lives in ./var: create the folder. */
	if ((url == NULL || url[0] == '\0') && mkdir("var", 0755) != 0 && errno != EEXIST)
		return err_set(err, IKM_EIO, "var: folder tidak dapat dibuat / cannot create: %s",
		               strerror(errno));
	return store_open(db, s, err);
}

int store_cli_date(const char *opt, const char *s, int32_t *out, struct ikm_err *err)
{
	int y, m, d;
	char extra;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || strlen(s) != 10 ||
	    y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)))
		return err_set(
		    err, IKM_EUSAGE,
		    "%s \"%.40s\" bukan tanggal YYYY-MM-DD yang sah / %s must be a valid "
		    "YYYY-MM-DD date",
		    opt, s != NULL ? s : "", opt);
	*out = y * 10000 + m * 100 + d;
	return 0;
}

/* Parse `--db URL` and `--name`/`--parent`/... options for the small
 * commands: returns the index of the first positional argument. */
struct small_opts {
	const char *db, *name, *parent, *unit, *from, *to, *zone, *period, *service;
	int help;
};

static int small_parse(int argc, char **argv, struct small_opts *o, const char *usage)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"name", required_argument, NULL, 'n'},
	    {"parent", required_argument, NULL, 'p'},
	    {"unit", required_argument, NULL, 'u'},
	    {"from", required_argument, NULL, 'f'},
	    {"to", required_argument, NULL, 't'},
	    {"zone", required_argument, NULL, 'z'},
	    {"period", required_argument, NULL, 'P'},
	    {"service", required_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int c;

	memset(o, 0, sizeof(*o));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'n':
			o->name = optarg;
			break;
		case 'p':
			o->parent = optarg;
			break;
		case 'u':
			o->unit = optarg;
			break;
		case 'f':
			o->from = optarg;
			break;
		case 't':
			o->to = optarg;
			break;
		case 'z':
			o->zone = optarg;
			break;
		case 'P':
			o->period = optarg;
			break;
		case 'S':
			o->service = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			o->help = 1;
			return optind;
		default:
			fprintf(stderr,
			        "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
			        argv[optind - 1], usage);
			return -1;
		}
	}
	return optind;
}

static const char init_usage[] =
    "Penggunaan / usage: ikm init [--db URL] [--name NAMA-ORGANISASI] [--zone WIB|WITA|WIT]\n"
    "Membuat atau memperbarui basis data (bawaan ./var/ikm.db, atau $IKM_DB;\n"
    "postgresql://... untuk PostgreSQL).\n";

int cmd_init(int argc, char **argv)
{
	struct small_opts o;
	struct store *s = NULL;
	struct store_org org;
	struct ikm_err err = {0};
	int i = small_parse(argc, argv, &o, init_usage), version = 0, rc = CLI_EXIT_OK;

	if (i < 0 || (i < argc && !o.help)) {
		if (i >= 0)
			fputs(init_usage, stderr);
		return CLI_EXIT_USAGE;
	}
	if (o.help)
		return CLI_EXIT_OK;
	if (store_cli_open(o.db, &s, &err) < 0 || store_org_get(s, &org, &err) < 0)
		goto fail;
	if ((o.name != NULL || o.zone != NULL) &&
	    store_org_set(s, o.name != NULL ? o.name : org.name, o.zone != NULL ? o.zone : org.zone,
	                  &err) < 0)
		goto fail;
	if (store_org_get(s, &org, &err) < 0 || store_schema_version(s, &version, &err) < 0)
		goto fail;
	printf("Basis data %s siap (skema versi %d); organisasi: %s (%s)\n", store_url(s), version,
	       org.name, org.zone);
	goto out;
fail:
	rc = cli_fail(&err);
out:
	store_close(s);
	return rc;
}

/* A subcommand: 0 done, -1 failed (err set), 2 a usage error. It opens
 * the store into *s itself (the caller closes it). */
typedef int (*sub_fn)(const struct small_opts *o, const char *sub, char **args, int nargs,
                      struct store **s, struct ikm_err *err);

/* `ikm NOUN SUB ARGS... [options]`: parse, run the subcommand, report. */
static int run_sub(int argc, char **argv, const char *usage, sub_fn fn)
{
	struct small_opts o;
	struct store *s = NULL;
	struct ikm_err err = {0};
	const char *sub = argc > 1 ? argv[1] : "";
	int i = small_parse(argc - 1, argv + 1, &o, usage), rc;

	if (i < 0)
		return CLI_EXIT_USAGE;
	if (o.help)
		return CLI_EXIT_OK;
	i++; /* getopt saw argv + 1: back to an index of argv */
	rc = fn(&o, sub, argv + i, argc - i, &s, &err);
	if (rc == 2) {
		fputs(usage, stderr);
		rc = CLI_EXIT_USAGE;
	} else if (rc < 0) {
		rc = cli_fail(&err);
	}
	store_close(s);
	return rc;
}

static const char unit_usage[] = "Penggunaan / usage:\n"
				 "  ikm unit add SLUG --name NAMA [--parent SLUG] [--db URL]\n"
				 "  ikm unit list [--db URL]\n"
				 "SLUG: huruf kecil a-z, angka dan tanda minus (mis. dispenduk).\n";

static int unit_sub(const struct small_opts *o, const char *sub, char **args, int nargs,
                    struct store **s, struct ikm_err *err)
{
	if (strcmp(sub, "add") == 0 && nargs == 1 && o->name != NULL) {
		struct store_unit u;

		if (store_cli_open(o->db, s, err) < 0 ||
		    store_unit_add(*s, args[0], o->name, o->parent, &u, err) < 0)
			return -1;
		printf("Unit %s ditambahkan: %s%s%s\n", u.slug, u.name,
		       u.parent ? ", di bawah " : "", u.parent_slug);
		return 0;
	}
	if (strcmp(sub, "list") == 0 && nargs == 0) {
		struct store_unit *list;
		int n;

		if (store_cli_open(o->db, s, err) < 0 || store_unit_list(*s, &list, &n, err) < 0)
			return -1;
		for (int k = 0; k < n; k++)
			printf("%s\t%s\t%s\n", list[k].slug, list[k].name,
			       list[k].parent ? list[k].parent_slug : "-");
		free(list);
		return 0;
	}
	return 2;
}

int cmd_unit(int argc, char **argv)
{
	return run_sub(argc, argv, unit_usage, unit_sub);
}

static const char service_usage[] = "Penggunaan / usage:\n"
				    "  ikm service add SLUG --unit SLUG --name NAMA [--db URL]\n"
				    "  ikm service list [--unit SLUG] [--db URL]\n";

static int service_sub(const struct small_opts *o, const char *sub, char **args, int nargs,
                       struct store **s, struct ikm_err *err)
{
	if (strcmp(sub, "add") == 0 && nargs == 1 && o->name != NULL && o->unit != NULL) {
		struct store_service v;

		if (store_cli_open(o->db, s, err) < 0 ||
		    store_service_add(*s, args[0], o->unit, o->name, &v, err) < 0)
			return -1;
		printf("Layanan %s ditambahkan pada unit %s: %s\n", v.slug, v.unit_slug, v.name);
		return 0;
	}
	if (strcmp(sub, "list") == 0 && nargs == 0) {
		struct store_service *list;
		int n;

		if (store_cli_open(o->db, s, err) < 0 ||
		    store_service_list(*s, o->unit, &list, &n, err) < 0)
			return -1;
		for (int k = 0; k < n; k++)
			printf("%s\t%s\t%s\n", list[k].unit_slug, list[k].slug, list[k].name);
		free(list);
		return 0;
	}
	return 2;
}

int cmd_service(int argc, char **argv)
{
	return run_sub(argc, argv, service_usage, service_sub);
}

static const char period_usage[] =
    "Penggunaan / usage:\n"
    "  ikm period add SLUG --from YYYY-MM-DD --to YYYY-MM-DD [--name TEKS] [--db URL]\n"
    "  ikm period list [--db URL]\n"
    "  ikm period close SLUG [--db URL]\n";

static int period_sub(const struct small_opts *o, const char *sub, char **args, int nargs,
                      struct store **s, struct ikm_err *err)
{
	if (strcmp(sub, "add") == 0 && nargs == 1 && o->from != NULL && o->to != NULL) {
		struct store_period p;
		int32_t from, to;

		if (store_cli_date("--from", o->from, &from, err) < 0 ||
		    store_cli_date("--to", o->to, &to, err) < 0)
			return -1;
		if (store_cli_open(o->db, s, err) < 0 ||
		    store_period_add(*s, args[0], from, to, o->name, &p, err) < 0)
			return -1;
		printf("Periode %s ditambahkan: %s, %s s.d. %s\n", p.slug, p.name, o->from, o->to);
		return 0;
	}
	if (strcmp(sub, "list") == 0 && nargs == 0) {
		struct store_period *list;
		int n;

		if (store_cli_open(o->db, s, err) < 0 || store_period_list(*s, &list, &n, err) < 0)
			return -1;
		for (int k = 0; k < n; k++)
			printf("%s\t%s\t%04d-%02d-%02d\t%04d-%02d-%02d\t%s\n", list[k].slug,
			       list[k].name, list[k].from / 10000, list[k].from / 100 % 100,
			       list[k].from % 100, list[k].to / 10000, list[k].to / 100 % 100,
			       list[k].to % 100, list[k].closed ? "ditutup" : "terbuka");
		free(list);
		return 0;
	}
	if (strcmp(sub, "close") == 0 && nargs == 1) {
		if (store_cli_open(o->db, s, err) < 0 || store_period_close(*s, args[0], err) < 0)
			return -1;
		printf("Periode %s ditutup\n", args[0]);
		return 0;
	}
	return 2;
}

int cmd_period(int argc, char **argv)
{
	return run_sub(argc, argv, period_usage, period_sub);
}

static const char population_usage[] =
    "Penggunaan / usage:\n"
    "  ikm population set N --unit SLUG --period SLUG [--service SLUG] [--db URL]\n"
    "Jumlah pengguna layanan pada periode itu (untuk sampel minimum Krejcie-Morgan dan\n"
    "koreksi populasi terbatas pada selang kepercayaan).\n";

static int population_sub(const struct small_opts *o, const char *sub, char **args, int nargs,
                          struct store **s, struct ikm_err *err)
{
	struct store_unit u;
	struct store_period p;
	struct store_service v = {0};
	int64_t n;

	if (strcmp(sub, "set") != 0 || nargs != 1 || o->unit == NULL || o->period == NULL)
		return 2;
	if (cli_parse_int(args[0], 1, 1000000000000LL, &n) < 0)
		return err_set(err, IKM_EUSAGE,
		               "population: \"%.40s\" bukan bilangan bulat 1..10^12 / N must be "
		               "1..10^12",
		               args[0]);
	if (store_cli_open(o->db, s, err) < 0 || store_unit_get(*s, o->unit, &u, err) < 0 ||
	    store_period_get(*s, o->period, &p, err) < 0 ||
	    (o->service != NULL && store_service_get(*s, o->unit, o->service, &v, err) < 0) ||
	    store_population_set(*s, u.id, v.id, p.id, n, err) < 0)
		return -1;
	printf("Populasi %s%s%s periode %s: %lld\n", u.slug, v.id ? "/" : "", v.slug, p.slug,
	       (long long)n);
	return 0;
}

int cmd_population(int argc, char **argv)
{
	return run_sub(argc, argv, population_usage, population_sub);
}
