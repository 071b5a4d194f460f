/* serve_cmd: `ikm serve` — the web server on the store. It opens the
 * database, starts http (http.h) with the application's handler, prints
 * the URL it listens on, and on SIGTERM or SIGINT finishes the requests in
 * flight and exits 0. The signals are blocked before any thread starts and
 * taken with sigwait in the main thread, so no handler runs in a worker. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "auth.h"
#include "console.h"
#include "cli.h"
#include "http.h"
#include "serve_conf.h"
#include "store.h"
#include "store_cli.h"
#include "ticket.h"

#define SERVE_LISTEN_DEFAULT "127.0.0.1:8080"
/* The default: SERVE_THREADS_PER_CPU per processor within these. A worker
 * waits for the group commit of each submission it stores, so the pool
 * needs many more threads than processors for the commits to be shared
 * (bench/submit.sh on 2 CPUs: 2 threads 5 300/s, 16 threads 15 000-24 000/s). With
 * PostgreSQL each thread holds a connection, plus one for the writer. */
#define SERVE_THREADS_PER_CPU 8
#define SERVE_THREADS_MIN_DEF 16
#define SERVE_THREADS_MAX_DEF 64
#define SERVE_THREADS_MAX     256    /* named limit: --threads */
#define SERVE_RATE_MAX        100000 /* named limit: --rate-limit, POSTs a minute */

static const char serve_usage[] =
    "Penggunaan / usage: ikm serve [--config BERKAS.ini] [--listen HOST:PORT] [--db URL]\n"
    "                              [--threads N] [--access-log BERKAS|-] [--rate-limit N]\n"
    "                              [--faces] [--tickets off|optional|required]\n"
    "                              [--ticket-key BERKAS] [--trusted-proxy IP[,IP...]]\n"
    "Menjalankan server web (bawaan 127.0.0.1:8080; port 0 memilih port bebas).\n"
    "--threads N: utas pekerja (bawaan 8 per prosesor, 16..64).\n"
    "--access-log menulis satu baris per permintaan ke BERKAS (- untuk stdout).\n"
    "--rate-limit N: kiriman kuesioner per menit dari satu alamat, sekaligus paling\n"
    "banyak 2N (bawaan 10; 0 mematikan). 5 kiriman atau lebih dalam 60 detik dari\n"
    "satu alamat tetap disimpan, ditandai \"burst\".\n"
    "--config membaca [server] dan [form] dari berkas INI; opsi baris perintah menang.\n"
    "--faces menampilkan ikon wajah di samping pilihan jawaban.\n"
    "--tickets meminta nomor tiket antrean (satu tanggapan per tiket); hanya hash berkunci\n"
    "yang disimpan. Kuncinya di --ticket-key (bawaan: BASIS-DATA.ticket-key), dibuat bila\n"
    "belum ada.\n"
    "--trusted-proxy: proksi balik di depan server; alamat klien diambil dari\n"
    "X-Forwarded-For hanya bila permintaan datang dari proksi itu.\n"
    "SIGTERM atau Ctrl+C menghentikannya setelah permintaan yang berjalan selesai.\n"
    "Runs the web server; SIGTERM or Ctrl+C stops it after the requests in flight.\n"
    "--threads N: worker threads (default 8 per processor, within 16..64).\n"
    "--rate-limit N: form submissions a minute per address, in bursts of up to 2N\n"
    "(default 10; 0 turns it off); 5 or more in 60 s from one address are stored,\n"
    "flagged \"burst\".\n"
    "--config reads [server] and [form] from an INI file; command-line options win.\n"
    "--faces shows face icons beside the answer options. --tickets asks for a queue\n"
    "ticket number (one response per ticket), stored as a keyed hash; the key is in\n"
    "--ticket-key (default DATABASE.ticket-key), made when missing.\n"
    "--trusted-proxy: reverse proxies in front; the client address is taken from\n"
    "X-Forwarded-For only on requests from them.\n";

/* ---- the application ----------------------------------------------------
 * The one place that chooses what answers the requests: the public pages
 * (web/app.c) on the database the store was opened with. */

/* Set *h and *app for the store db (owned by the caller). */
static int serve_app_open(struct store *db, int rate, const struct web_form_opts *form,
                          const struct console_opts *console, http_handler *h, void **app,
                          struct ikm_err *err)
{
	struct web_app *a;

	if (web_app_new(store_url(db), &a, err) < 0)
		return -1;
	web_app_set_rate(a, rate);
	if (web_app_set_form(a, form, err) < 0 || web_app_set_console(a, console, err) < 0) {
		web_app_free(a);
		return -1;
	}
	*h = web_app_handle;
	*app = a;
	return 0;
}

static void serve_app_close(void *app)
{
	web_app_free(app);
}

/* ---- the command -------------------------------------------------------- */

struct serve_opts {
	const char *config, *listen, *db, *access_log, *ticket_key, *proxies;
	int threads;
	int rate; /* POSTs a minute per address; 0: no limit */
	int faces, tickets;
	unsigned given; /* bit (1u << SC_...) for every option given on the command line */
	struct console_opts console;
	struct serve_conf conf;
};

/* Take what the configuration file gives and the command line did not. */
static int serve_merge_conf(struct serve_opts *o)
{
	struct serve_conf *c = &o->conf;
	struct ikm_err err = {0};
	unsigned take;

	o->console = console_opts_default();
	if (auth_cost_parse(getenv("IKM_PASSWORD_COST"), &o->console.cost) < 0) {
		fprintf(stderr,
		        "ikm serve: IKM_PASSWORD_COST harus interactive, moderate atau min / "
		        "must be interactive, moderate or min\n");
		return -1;
	}
	if (o->config == NULL)
		return 0;
	if (serve_conf_read(o->config, SERVE_THREADS_MAX, SERVE_RATE_MAX, c, &err) < 0) {
		fprintf(stderr, "ikm serve: %s\n", err.msg);
		return -1;
	}
	take = c->set & ~o->given;
	if (take & (1u << SC_LISTEN))
		o->listen = c->listen;
	/* The environment overrides the file (IKM_DB: the database). */
	if ((take & (1u << SC_DB)) && (getenv("IKM_DB") == NULL || getenv("IKM_DB")[0] == '\0'))
		o->db = c->db;
	if (take & (1u << SC_THREADS))
		o->threads = c->threads;
	if (take & (1u << SC_ACCESS_LOG))
		o->access_log = c->access_log;
	if (take & (1u << SC_RATE_LIMIT))
		o->rate = c->rate_limit;
	if (take & (1u << SC_FACES))
		o->faces = c->faces;
	if (take & (1u << SC_TICKETS))
		o->tickets = c->tickets;
	if (take & (1u << SC_TRUSTED_PROXY))
		o->proxies = c->trusted_proxy;
	if ((c->set & (1u << SC_PASSWORD_COST)) && getenv("IKM_PASSWORD_COST") == NULL)
		auth_cost_parse(c->password_cost, &o->console.cost);
	if (c->set & (1u << SC_IDLE_MINUTES))
		o->console.idle_s = c->idle_minutes * 60;
	if (c->set & (1u << SC_ABSOLUTE_HOURS))
		o->console.absolute_s = c->absolute_hours * 3600;
	if (c->set & (1u << SC_SECURE_COOKIES))
		o->console.secure_cookies = c->secure_cookies;
	if (take & (1u << SC_TICKET_KEY_FILE))
		o->ticket_key = c->ticket_key_file;
	return 0;
}

/* The form options; the ticket key beside an SQLite database by default. */
static int serve_form_opts(const struct serve_opts *o, char *keybuf, size_t keysize,
                           struct web_form_opts *f, struct ikm_err *err)
{
	const char *url = store_resolve_url(o->db);

	memset(f, 0, sizeof(*f));
	f->faces = o->faces;
	f->tickets = o->tickets;
	if (o->tickets == TICKET_OFF)
		return 0;
	if (o->ticket_key != NULL) {
		snprintf(keybuf, keysize, "%s", o->ticket_key);
	} else if (strncmp(url, "postgres", 8) == 0) {
		return err_set(
		    err, IKM_EUSAGE,
		    "--tickets pada PostgreSQL memerlukan --ticket-key BERKAS (berkas yang "
		    "sama untuk setiap proses ikm serve) / tickets on PostgreSQL need "
		    "--ticket-key FILE, the same file for every ikm serve process");
	} else if (snprintf(keybuf, keysize, "%s.ticket-key", url) >= (int)keysize) {
		return err_set(err, IKM_ELIMIT,
		               "nama basis data terlalu panjang / database name "
		               "too long");
	}
	f->ticket_key_file = keybuf;
	f->ticket_key_create = 1;
	return 0;
}

/* 1: help printed; 0: parsed; -1: usage error (printed). */
static int serve_parse(int argc, char **argv, struct serve_opts *o)
{
	static const struct option longopts[] = {
	    {"listen", required_argument, NULL, 'l'},
	    {"db", required_argument, NULL, 'd'},
	    {"threads", required_argument, NULL, 't'},
	    {"access-log", required_argument, NULL, 'a'},
	    {"rate-limit", required_argument, NULL, 'r'},
	    {"config", required_argument, NULL, 'c'},
	    {"faces", no_argument, NULL, 'f'},
	    {"tickets", required_argument, NULL, 'T'},
	    {"ticket-key", required_argument, NULL, 'k'},
	    {"trusted-proxy", required_argument, NULL, 'p'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int64_t n;
	int c;

	memset(o, 0, sizeof(*o));
	o->listen = SERVE_LISTEN_DEFAULT;
	o->rate = WEB_RATE_DEFAULT;
	cpus = cpus > 0 ? cpus * SERVE_THREADS_PER_CPU : SERVE_THREADS_MIN_DEF;
	o->threads = cpus < SERVE_THREADS_MIN_DEF   ? SERVE_THREADS_MIN_DEF
	             : cpus > SERVE_THREADS_MAX_DEF ? SERVE_THREADS_MAX_DEF
	                                            : (int)cpus;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			o->listen = optarg;
			o->given |= 1u << SC_LISTEN;
			break;
		case 'd':
			o->db = optarg;
			o->given |= 1u << SC_DB;
			break;
		case 'c':
			o->config = optarg;
			break;
		case 'f':
			o->faces = 1;
			o->given |= 1u << SC_FACES;
			break;
		case 'T':
			o->tickets = ticket_mode_parse(optarg);
			if (o->tickets < 0) {
				fprintf(
				    stderr,
				    "ikm serve: --tickets \"%.40s\" tidak sah; tulis off, optional "
				    "atau required / --tickets must be off, optional or required\n",
				    optarg);
				return -1;
			}
			o->given |= 1u << SC_TICKETS;
			break;
		case 'p':
			o->proxies = optarg;
			o->given |= 1u << SC_TRUSTED_PROXY;
			break;
		case 'k':
			o->ticket_key = optarg;
			o->given |= 1u << SC_TICKET_KEY_FILE;
			break;
		case 't':
			if (cli_parse_int(optarg, 1, SERVE_THREADS_MAX, &n) < 0) {
				fprintf(stderr,
				        "ikm serve: --threads \"%.40s\" tidak sah; harus 1..%d / "
				        "--threads must be 1..%d\n",
				        optarg, SERVE_THREADS_MAX, SERVE_THREADS_MAX);
				return -1;
			}
			o->threads = (int)n;
			o->given |= 1u << SC_THREADS;
			break;
		case 'a':
			o->access_log = optarg;
			o->given |= 1u << SC_ACCESS_LOG;
			break;
		case 'r':
			if (cli_parse_int(optarg, 0, SERVE_RATE_MAX, &n) < 0) {
				fprintf(
				    stderr,
				    "ikm serve: --rate-limit \"%.40s\" tidak sah; harus 0..%d / "
				    "--rate-limit must be 0..%d\n",
				    optarg, SERVE_RATE_MAX, SERVE_RATE_MAX);
				return -1;
			}
			o->rate = (int)n;
			o->given |= 1u << SC_RATE_LIMIT;
			break;
		case 'h':
			fputs(serve_usage, stdout);
			return 1;
		default:
			fprintf(
			    stderr,
			    "ikm serve: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
			    argv[optind - 1], serve_usage);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ikm serve: argumen berlebih \"%s\" / extra argument\n%s",
		        argv[optind], serve_usage);
		return -1;
	}
	return serve_merge_conf(o);
}

/* Print the URL clients use: the host as given, the port as bound. */
static void print_url(const char *listen, int port)
{
	const char *colon = strrchr(listen, ':');
	int hlen = colon != NULL ? (int)(colon - listen) : 0;

	printf("ikm serve: http://%.*s:%d/\n", hlen, listen, port);
	fflush(stdout);
}

int cmd_serve(int argc, char **argv)
{
	struct serve_opts o;
	struct web_form_opts form;
	char keyfile[SERVE_CONF_TEXT_MAX + 32];
	struct ikm_err err = {0};
	struct store *db = NULL;
	struct http_server *srv = NULL;
	struct http_config cfg;
	FILE *log = NULL;
	http_handler handler = NULL;
	void *app = NULL;
	sigset_t set;
	int sig = 0, rc = CLI_EXIT_OK, app_open = 0;

	switch (serve_parse(argc, argv, &o)) {
	case 1:
		return CLI_EXIT_OK;
	case -1:
		return CLI_EXIT_USAGE;
	default:
		break;
	}
	/* Before any thread starts: the signals wait for sigwait below. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	/* A shell may start background jobs with SIGINT ignored, and POSIX
	 * lets an ignored signal be dropped even while blocked (Linux keeps
	 * it): take both back. */
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);

	if (o.access_log != NULL) {
		if (strcmp(o.access_log, "-") == 0) {
			log = stdout;
		} else if ((log = fopen(o.access_log, "a")) == NULL) {
			err_set(&err, IKM_EIO, "%s: log akses tidak dapat dibuka / cannot open: %s",
			        o.access_log, strerror(errno));
			goto fail;
		}
	}
	if (serve_form_opts(&o, keyfile, sizeof(keyfile), &form, &err) < 0 ||
	    store_cli_open(o.db, &db, &err) < 0 ||
	    serve_app_open(db, o.rate, &form, &o.console, &handler, &app, &err) < 0)
		goto fail;
	app_open = 1;
	memset(&cfg, 0, sizeof(cfg));
	cfg.listen = o.listen;
	cfg.threads = o.threads;
	cfg.access_log = log;
	cfg.trusted_proxies = o.proxies;
	cfg.body_limit = console_body_limit;
	if (http_start(&cfg, handler, app, &srv, &err) < 0)
		goto fail;
	print_url(o.listen, http_port(srv));

	if (sigwait(&set, &sig) != 0)
		sig = SIGTERM;
	fprintf(stderr,
	        "ikm serve: %s diterima; menyelesaikan permintaan yang berjalan / "
	        "stopping after the requests in flight\n",
	        sig == SIGINT ? "SIGINT" : "SIGTERM");
	http_stop(srv);
	goto out;
fail:
	rc = cli_fail(&err);
out:
	if (app_open)
		serve_app_close(app);
	store_close(db);
	if (log != NULL && log != stdout)
		fclose(log);
	return rc;
}
