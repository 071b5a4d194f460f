/* apikey_cmd: `ikm apikey add NAME | list | revoke NAME [--db URL]` — the
 * keys other systems send to POST /api/v1/responses. A new key is printed
 * once; the store keeps only its hash. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "store.h"
#include "store_cli.h"

static const char apikey_usage[] =
    "Penggunaan / usage:\n"
    "  ikm apikey add NAMA [--db URL]     kunci baru untuk POST /api/v1/responses\n"
    "  ikm apikey list [--db URL]\n"
    "  ikm apikey revoke NAMA [--db URL]\n"
    "NAMA: huruf, angka, titik, garis bawah atau minus (mis. aplikasi-antrean).\n";

static void print_time(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	if (gmtime_r(&tt, &tm) != NULL && strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M UTC", &tm) > 0)
		fputs(buf, stdout);
	else
		fputs("-", stdout);
}

static int apikey_run(const char *db, const char *sub, char **args, int nargs, struct store **s,
                      struct ikm_err *err)
{
	if (strcmp(sub, "add") == 0 && nargs == 1) {
		char key[STORE_APIKEY_HEX + 1];

		if (store_cli_open(db, s, err) < 0 || store_apikey_add(*s, args[0], key, err) < 0)
			return -1;
		printf("Kunci API %s dibuat / API key created:\n%s\n", args[0], key);
		fprintf(stderr, "Simpan kunci ini sekarang: kunci tidak dapat ditampilkan lagi. / "
		                "Keep this key now: it cannot be shown again.\n");
		sodium_memzero(key, sizeof(key));
		return 0;
	}
	if (strcmp(sub, "list") == 0 && nargs == 0) {
		struct store_apikey *list;
		int n;

		if (store_cli_open(db, s, err) < 0 || store_apikey_list(*s, &list, &n, err) < 0)
			return -1;
		for (int k = 0; k < n; k++) {
			printf("%s\t", list[k].name);
			print_time(list[k].created);
			if (list[k].revoked != 0) {
				fputs("\tdicabut ", stdout);
				print_time(list[k].revoked);
				putchar('\n');
			} else {
				fputs("\taktif\n", stdout);
			}
		}
		free(list);
		return 0;
	}
	if (strcmp(sub, "revoke") == 0 && nargs == 1) {
		if (store_cli_open(db, s, err) < 0 || store_apikey_revoke(*s, args[0], err) < 0)
			return -1;
		printf("Kunci API %s dicabut / revoked\n", args[0]);
		return 0;
	}
	return 2;
}

int cmd_apikey(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL, *sub = argc > 1 ? argv[1] : "";
	struct store *s = NULL;
	struct ikm_err err = {0};
	int c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", longopts, NULL)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else if (c == 'h') {
			fputs(apikey_usage, stdout);
			return CLI_EXIT_OK;
		} else {
			fprintf(stderr,
			        "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
			        argv[optind], apikey_usage);
			return CLI_EXIT_USAGE;
		}
	}
	/* getopt saw argv + 1 (and moved the options to the front). */
	rc = apikey_run(db, sub, argv + 1 + optind, argc - 1 - optind, &s, &err);
	if (rc == 2) {
		fputs(apikey_usage, stderr);
		rc = CLI_EXIT_USAGE;
	} else if (rc < 0) {
		rc = cli_fail(&err);
	}
	store_close(s);
	return rc;
}
