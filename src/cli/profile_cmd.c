/* profile_cmd: `ikm profile load FILE.ini | show [--db URL]` — the office
 * profile kept in the store (letterhead, signatory, survey facts, follow-up
 * plan, logo), which the console edits and its documents print. load reads
 * the same INI file as `ikm report --profile` (a [survei] populasi is not
 * kept: populations are set per unit and period) and replaces the stored
 * profile in one transaction; show prints the stored one as INI. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "office.h"
#include "profile.h"
#include "store.h"
#include "store_cli.h"
#include "store_user.h"

static const char profile_usage[] =
    "Penggunaan / usage:\n"
    "  ikm profile load BERKAS.ini [--db URL]   simpan profil kantor ke basis data\n"
    "  ikm profile show [--db URL]              tampilkan profil tersimpan (INI)\n"
    "BERKAS.ini: format yang sama dengan ikm report --profile ([kop], [penandatangan],\n"
    "[survei], [tindak_lanjut]; logo = berkas PNG). Profil tersimpan dipakai dokumen\n"
    "yang diunduh dari konsol. / The same file as ikm report --profile; the stored\n"
    "profile is what the console's documents print.\n";

static int profile_show(struct store *s, struct ikm_err *err)
{
	struct profile *p = malloc(sizeof(*p));
	const struct office_field *f;
	const char *section = "";
	size_t plen = 0;
	char *logo = NULL;
	int n;

	if (p == NULL)
		return err_set(err, IKM_EIO, "memori habis / out of memory");
	if (office_profile_load(s, NULL, p, err) < 0 ||
	    store_profile_get(s, "kop.logo_png", &logo, err) < 0) {
		free(p);
		return -1;
	}
	f = office_fields(&n);
	for (int i = 0; i < n; i++) {
		const char *dot = strchr(f[i].key, '.');
		const char *v = (const char *)p + f[i].offset;
		size_t len = (size_t)(dot - f[i].key);

		if (i == 0 || len != plen || strncmp(section, f[i].key, len) != 0) {
			printf("%s[%.*s]\n", i > 0 ? "\n" : "", (int)len, f[i].key);
			section = f[i].key;
			plen = len;
		}
		if (v[0] != '\0')
			printf("%s = %s\n", dot + 1, v);
	}
	printf("; logo: %s\n", logo != NULL ? "tersimpan / stored (PNG)" : "tidak ada / none");
	free(logo);
	free(p);
	return 0;
}

int cmd_profile(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL, *sub = argc > 1 ? argv[1] : "";
	struct store *s = NULL;
	struct ikm_err err = {0};
	struct profile *p = NULL;
	char **args;
	int c, nargs, rc = 2;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", longopts, NULL)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else if (c == 'h') {
			fputs(profile_usage, stdout);
			return CLI_EXIT_OK;
		} else {
			fprintf(stderr,
			        "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
			        argv[optind], profile_usage);
			return CLI_EXIT_USAGE;
		}
	}
	args = argv + 1 + optind;
	nargs = argc - 1 - optind;
	if (strcmp(sub, "load") == 0 && nargs == 1) {
		struct store_audit a = {0};

		p = malloc(sizeof(*p));
		if (p == NULL) {
			err_set(&err, IKM_EIO, "memori habis / out of memory");
			rc = -1;
		} else if (profile_load(args[0], p, &err) < 0 || store_cli_open(db, &s, &err) < 0 ||
		           office_profile_save(s, p, &err) < 0) {
			rc = -1;
		} else {
			snprintf(a.username, sizeof(a.username), "cli");
			snprintf(a.remote, sizeof(a.remote), "cli");
			snprintf(a.action, sizeof(a.action), "profile.update");
			snprintf(a.object, sizeof(a.object), "office profile");
			snprintf(a.detail, sizeof(a.detail), "loaded from %s", args[0]);
			if (store_audit_add(s, &a, &err) < 0)
				fprintf(stderr,
				        "ikm: catatan audit gagal / audit entry failed: %s\n",
				        err.msg);
			printf("Profil kantor disimpan dari %s%s / office profile stored\n",
			       args[0], p->logo[0] != '\0' ? " (dengan logo)" : "");
			rc = 0;
		}
	} else if (strcmp(sub, "show") == 0 && nargs == 0) {
		rc = store_cli_open(db, &s, &err) < 0 || profile_show(s, &err) < 0 ? -1 : 0;
	}
	if (rc == 2) {
		fputs(profile_usage, stderr);
		rc = CLI_EXIT_USAGE;
	} else if (rc < 0) {
		rc = cli_fail(&err);
	}
	free(p);
	store_close(s);
	return rc;
}
