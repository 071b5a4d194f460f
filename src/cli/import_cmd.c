/* import_cmd: `ikm import` (data files into the store, all or nothing
 * unless --skip-invalid), `ikm export` (a scope back to CSV, which import
 * reads again) and `ikm compute --unit --period` from the store. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "compute_view.h"
#include "quality.h"
#include "sample.h"
#include "scope.h"
#include "stats.h"
#include "store_cli.h"
#include "store_monitor.h"
#include "text.h"
#include "store_import.h"

struct scope_opts {
	const char *db, *unit, *period, *service, *output;
};

/* The scope of the options; prints nothing (err set). */
static int import_scope(struct store *s, const struct scope_opts *o, struct store_unit *u,
                        struct store_period *p, struct store_service *v, struct store_scope *sc,
                        struct ikm_err *err)
{
	memset(v, 0, sizeof(*v));
	if (store_unit_get(s, o->unit, u, err) < 0 || store_period_get(s, o->period, p, err) < 0)
		return -1;
	if (o->service != NULL && store_service_get(s, o->unit, o->service, v, err) < 0)
		return -1;
	sc->unit = u->id;
	sc->period = p->id;
	sc->service = v->id;
	return 0;
}

/* ---- import ------------------------------------------------------------ */

static const char import_usage[] =
    "Penggunaan / usage: ikm import FILE... --unit SLUG --period SLUG [--service SLUG]\n"
    "                    [--skip-invalid] [--elements SPEC] [--db URL]\n"
    "Menyimpan kuesioner dari berkas CSV/XLSX ke basis data: semuanya atau tidak sama\n"
    "sekali, kecuali dengan --skip-invalid (baris yang salah dilewati dan disebutkan).\n"
    "Baris tanpa tanggal masuk ke periode yang disebut; tanggal di luar periode ditolak.\n";

int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"unit", required_argument, NULL, 'u'},
	    {"period", required_argument, NULL, 'p'},
	    {"service", required_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    DATA_LONGOPTS,
	    {NULL, 0, NULL, 0},
	};
	struct scope_opts so = {0};
	struct data_opts dopts;
	struct store *s = NULL;
	struct store_unit u;
	struct store_period p;
	struct store_service v;
	struct store_scope sc;
	struct store_import *im = NULL;
	struct instrument in;
	struct load_report rep = {0};
	struct ikm_err err = {0};
	struct load_opts lo;
	int c, rc = CLI_EXIT_OK, began = 0;

	data_opts_init(&dopts);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		int h = data_opts_handle(&dopts, c, optarg);

		if (h < 0)
			return CLI_EXIT_USAGE;
		if (h > 0)
			continue;
		switch (c) {
		case 'd':
			so.db = optarg;
			break;
		case 'u':
			so.unit = optarg;
			break;
		case 'p':
			so.period = optarg;
			break;
		case 'v':
			so.service = optarg;
			break;
		case 'h':
			fputs(import_usage, stdout);
			return CLI_EXIT_OK;
		default:
			fprintf(stderr,
			        "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
			        argv[optind - 1], import_usage);
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc || so.unit == NULL || so.period == NULL) {
		fprintf(stderr,
		        "ikm import: sebutkan berkas, --unit dan --period / give files, "
		        "--unit and --period\n%s",
		        import_usage);
		return CLI_EXIT_USAGE;
	}
	if (dopts.legacy != NULL) {
		fprintf(stderr, "ikm import: --legacy-weight hanya untuk perhitungan, bukan untuk "
		                "menyimpan / --legacy-weight is not for import\n");
		return CLI_EXIT_USAGE;
	}
	if (store_cli_open(so.db, &s, &err) < 0 || import_scope(s, &so, &u, &p, &v, &sc, &err) < 0)
		goto fail;
	if (p.closed) {
		err_set(
		    &err, IKM_EDATA,
		    "periode \"%s\" sudah ditutup; tidak ada yang diimpor / the period is closed",
		    p.slug);
		goto fail;
	}
	if (dopts.elements != NULL) {
		if (instr_parse_spec(&in, dopts.elements, &err) < 0)
			goto fail;
	} else {
		instr_standard(&in);
	}
	im = calloc(1, sizeof(*im));
	if (im == NULL)
		abort();
	im->s = s;
	im->period = &p;
	im->unit = u.id;
	im->service = v.id;
	im->channel = STORE_IMPORT;
	im->skip_invalid = dopts.load.skip_invalid;
	lo = dopts.load;
	lo.add_extras = dopts.elements == NULL;
	if (store_begin(s, &err) < 0)
		goto fail;
	began = 1;
	if (store_import_files(im, argv + optind, argc - optind, &in, &lo, &rep, &err) < 0)
		goto fail;
	if (store_commit(s, &err) < 0)
		goto fail;
	began = 0;
	printf("Diimpor ke unit %s, periode %s%s%s: %llu tanggapan disimpan; %llu baris ditolak "
	       "(nilai atau tanggal tidak sah); %llu baris tanpa jawaban tidak disimpan.\n",
	       u.slug, p.slug, v.id ? ", layanan " : "", v.id ? v.slug : "",
	       (unsigned long long)im->stored, (unsigned long long)im->rejected,
	       (unsigned long long)im->empty);
	for (int i = 0; i < rep.nmsgs; i++)
		printf("  - %s\n", rep.msgs[i]);
	for (int i = 0; i < im->nmsgs; i++)
		printf("  - %s\n", im->msgs[i]);
	if (im->truncated > 0)
		printf("  %llu isian profil atau saran terlalu panjang dan dipotong.\n",
		       (unsigned long long)im->truncated);
	goto out;
fail:
	if (began) {
		store_rollback(s);
		fprintf(stderr, "ikm import: tidak ada yang disimpan / nothing was stored\n");
	}
	rc = cli_fail(&err);
out:
	free(im);
	load_report_free(&rep);
	store_close(s);
	return rc;
}

/* ---- export ------------------------------------------------------------ */

static const char export_usage[] =
    "Penggunaan / usage: ikm export --unit SLUG --period SLUG [--service SLUG] -o BERKAS.csv\n"
    "                    [--db URL]\n"
    "Menulis tanggapan yang tersimpan sebagai CSV (dapat diimpor kembali). Tanggapan yang\n"
    "dikecualikan hasil tinjauan tidak ditulis, sama seperti tidak dihitung.\n";

/* Parse the scope options of export and compute. */
static int scope_parse(int argc, char **argv, struct scope_opts *so, int *json, const char *usage)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},     {"unit", required_argument, NULL, 'u'},
	    {"period", required_argument, NULL, 'p'}, {"service", required_argument, NULL, 'v'},
	    {"output", required_argument, NULL, 'o'}, {"json", no_argument, NULL, 'j'},
	    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			so->db = optarg;
			break;
		case 'u':
			so->unit = optarg;
			break;
		case 'p':
			so->period = optarg;
			break;
		case 'v':
			so->service = optarg;
			break;
		case 'o':
			so->output = optarg;
			break;
		case 'j':
			if (json == NULL)
				goto bad;
			*json = 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return 1;
		default:
			goto bad;
		}
	}
	if (optind < argc || so->unit == NULL || so->period == NULL) {
		fprintf(stderr, "ikm: sebutkan --unit dan --period / give --unit and --period\n%s",
		        usage);
		return -1;
	}
	return 0;
bad:
	fprintf(stderr, "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n%s",
	        argv[optind - 1], usage);
	return -1;
}

int cmd_export(int argc, char **argv)
{
	struct scope_opts so = {0};
	struct store *s = NULL;
	struct scope_analysis sa = {0};
	struct ikm_err err = {0};
	FILE *out = NULL;
	uint64_t n = 0;
	char tmp[4096];
	int rc = CLI_EXIT_OK, h = scope_parse(argc, argv, &so, NULL, export_usage);

	if (h != 0)
		return h > 0 ? CLI_EXIT_OK : CLI_EXIT_USAGE;
	if (so.output == NULL) {
		fprintf(stderr, "ikm export: sebutkan -o BERKAS.csv / give -o FILE.csv\n");
		return CLI_EXIT_USAGE;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", so.output) >= (int)sizeof(tmp)) {
		fprintf(stderr, "ikm export: nama berkas terlalu panjang / path too long\n");
		return CLI_EXIT_USAGE;
	}
	if (store_cli_open(so.db, &s, &err) < 0 ||
	    scope_find(s, so.unit, so.period, so.service, &sa, &err) < 0)
		goto fail;
	out = fopen(tmp, "w");
	if (out == NULL) {
		err_set(&err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", so.output,
		        strerror(errno));
		goto fail;
	}
	/* The responses that count: excluded ones are left out (said below), so
	 * the file recomputes to the same IKM. */
	if (scope_csv_write(s, &sa.sc, out, 0, &n, &err) < 0)
		goto fail;
	if (fclose(out) != 0) {
		out = NULL;
		err_set(&err, IKM_EIO, "%s: gagal menulis / write failed: %s", so.output,
		        strerror(errno));
		goto fail;
	}
	out = NULL;
	if (rename(tmp, so.output) != 0) {
		err_set(&err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", so.output,
		        strerror(errno));
		goto fail;
	}
	fprintf(stderr, "ikm: %llu tanggapan ditulis ke %s / written\n", (unsigned long long)n,
	        so.output);
	{
		/* Excluded by a review: not written, as no aggregate counts them. */
		struct store_counts cnt;

		if (store_scope_counts(s, &sa.sc, &cnt, &err) == 0 && cnt.excluded > 0)
			fprintf(
			    stderr,
			    "ikm: %llu tanggapan yang dikecualikan hasil tinjauan tidak ditulis / "
			    "responses excluded by a review were left out\n",
			    (unsigned long long)cnt.excluded);
		store_counts_free(&cnt);
	}
	goto out;
fail:
	if (out != NULL) {
		fclose(out);
		remove(tmp);
	}
	rc = cli_fail(&err);
out:
	store_close(s);
	return rc;
}

/* ---- compute from the store -------------------------------------------- */

int store_cli_compute(const char *db, const char *unit, const char *period, const char *service,
                      int json)
{
	struct store *s = NULL;
	struct scope_analysis sa = {0};
	struct load_report rep = {0};
	struct compute_view view = {0};
	struct ikm_err err = {0};
	char uname[STORE_NAME_MAX * 2 + 8];
	int rc = CLI_EXIT_OK;

	if (store_cli_open(db, &s, &err) < 0 ||
	    scope_find(s, unit, period, service, &sa, &err) < 0 || scope_analyse(s, &sa, &err) < 0)
		goto fail;
	rep.rows = sa.tot.responses;
	_Static_assert(QUALITY_NFLAGS <= sizeof(sa.tot.flags) / sizeof(sa.tot.flags[0]),
	               "the store counts every quality flag");
	for (int b = 0; b < QUALITY_NFLAGS; b++)
		rep.quality.count[b] = sa.tot.flags[b];
	snprintf(uname, sizeof(uname), "%s%s%s", sa.unit.name, sa.service.id ? " - " : "",
	         sa.service.id ? sa.service.name : "");
	view.in = &sa.in;
	view.res = &sa.res;
	view.ci = &sa.ci;
	view.rep = &rep;
	view.population = sa.population;
	view.required = sa.required;
	view.unit = uname;
	view.period = sa.period.name;
	view_warnings(&view);
	if (json)
		view_print_json(&view, stdout);
	else
		view_print_text(&view, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ikm: gagal menulis keluaran / write error\n");
		rc = CLI_EXIT_DATA;
	}
	goto out;
fail:
	rc = cli_fail(&err);
out:
	scope_free(&sa);
	store_close(s);
	return rc;
}
