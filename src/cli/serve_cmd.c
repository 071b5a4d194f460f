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
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "http.h"
#include "store.h"
#include "store_cli.h"

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
    "Penggunaan / usage: ikm serve [--listen HOST:PORT] [--db URL] [--threads N]\n"
    "                              [--access-log BERKAS|-] [--rate-limit N]\n"
    "Menjalankan server web (bawaan 127.0.0.1:8080; port 0 memilih port bebas).\n"
    "--threads N: utas pekerja (bawaan 8 per prosesor, 16..64).\n"
    "--access-log menulis satu baris per permintaan ke BERKAS (- untuk stdout).\n"
    "--rate-limit N: kiriman kuesioner per menit dari satu alamat, sekaligus paling\n"
    "banyak 2N (bawaan 10; 0 mematikan). 5 kiriman atau lebih dalam 60 detik dari\n"
    "satu alamat tetap disimpan, ditandai \"burst\".\n"
    "SIGTERM atau Ctrl+C menghentikannya setelah permintaan yang berjalan selesai.\n"
    "Runs the web server; SIGTERM or Ctrl+C stops it after the requests in flight.\n"
    "--threads N: worker threads (default 8 per processor, within 16..64).\n"
    "--rate-limit N: form submissions a minute per address, in bursts of up to 2N\n"
    "(default 10; 0 turns it off); 5 or more in 60 s from one address are stored,\n"
    "flagged \"burst\".\n";

/* ---- the application ----------------------------------------------------
 * The one place that chooses what answers the requests: the public pages
 * (web/app.c) on the database the store was opened with. */

/* Set *h and *app for the store db (owned by the caller). */
static int serve_app_open(struct store *db, int rate, http_handler *h, void **app,
                          struct ikm_err *err)
{
	struct web_app *a;

	if (web_app_new(store_url(db), &a, err) < 0)
		return -1;
	web_app_set_rate(a, rate);
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
	const char *listen, *db, *access_log;
	int threads;
	int rate; /* POSTs a minute per address; 0: no limit */
};

/* 1: help printed; 0: parsed; -1: usage error (printed). */
static int serve_parse(int argc, char **argv, struct serve_opts *o)
{
	static const struct option longopts[] = {
	    {"listen", required_argument, NULL, 'l'},
	    {"db", required_argument, NULL, 'd'},
	    {"threads", required_argument, NULL, 't'},
	    {"access-log", required_argument, NULL, 'a'},
	    {"rate-limit", required_argument, NULL, 'r'},
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
			break;
		case 'd':
			o->db = optarg;
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
			break;
		case 'a':
			o->access_log = optarg;
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
	return 0;
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
	if (store_cli_open(o.db, &db, &err) < 0 ||
	    serve_app_open(db, o.rate, &handler, &app, &err) < 0)
		goto fail;
	app_open = 1;
	memset(&cfg, 0, sizeof(cfg));
	cfg.listen = o.listen;
	cfg.threads = o.threads;
	cfg.access_log = log;
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
