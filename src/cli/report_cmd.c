/* report_cmd: `ikm report FILE... --kind K -o OUT` — the documents an
 * office issues, from the same analysis `ikm compute` prints. The format
 * follows the output's extension. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "catalog.h"
#include "cli.h"
#include "office.h"
#include "profile.h"
#include "report_laporan.h"
#include "reportgen.h"
#include "scopedoc.h"
#include "store_cli.h"

static void usage(FILE *out)
{
	fputs("Penggunaan / usage: ikm report FILE... --kind JENIS -o KELUARAN [opsi]\n"
	      "       ikm report --unit SLUG --period SLUG [--service SLUG] [--db URL]\n"
	      "                  --kind JENIS -o KELUARAN [opsi]\n"
	      "\n"
	      "Menulis dokumen dari data survei (angka sama dengan ikm compute). Tanpa\n"
	      "berkas, dari tanggapan tersimpan unit dan periode itu; profil kantor dari\n"
	      "basis data (kecuali --profile), periode sebelumnya yang berhasil untuk\n"
	      "perubahan pada laporan.\n"
	      "  --kind rekomendasi   surat Rekomendasi dan Tindak Lanjut (bawaan), "
	      ".pdf/.html/.docx\n"
	      "  --kind laporan       Laporan SKM lengkap (Bab I-V, lampiran), "
	      ".pdf/.html/.docx\n"
	      "  --kind olahdata      lembar olah data Excel dengan rumus, .xlsx\n"
	      "  --kind infografis    poster publikasi satu halaman, .pdf/.png/.svg\n"
	      "  -o, --output BERKAS  berkas keluaran; format mengikuti ekstensi\n"
	      "  --profile BERKAS     profil kantor (kop surat, penandatangan), INI;\n"
	      "                       contoh: examples/mojokerto.ini, examples/office.ini\n"
	      "  --period TEKS        periode, mis. \"Semester I 2022\" (dari basis data: SLUG)\n"
	      "  --date YYYY-MM-DD    tanggal surat (bawaan: hari ini)\n"
	      "  --catalog BERKAS     katalog rekomendasi dan tindak lanjut kantor sendiri\n"
	      "                       (format share/rekomendasi.ini; bawaan: katalog bawaan)\n",
	      out);
	fputs(data_opts_help, out);
	fputs(laporan_opts_help, out);
	fputs("  --help               bantuan ini\n", out);
}

/* `ikm report --unit --period`: the documents of a stored scope, with the
 * office profile from the store unless --profile gave one. */
static int report_stored(const char *db, const char *unit, const char *period, const char *service,
                         enum reportgen_kind kind, const char *output, const char *profile_path,
                         const char *date, const struct catalog *cat,
                         const struct laporan_args *largs)
{
	struct store *s = NULL;
	struct scope_analysis sa = {0};
	struct profile prof;
	struct scopedoc_opts o = {0};
	struct ikm_err err = {0};
	char dir[SCOPEDOC_DIR_MAX] = "", place_date[512];
	int rc = CLI_EXIT_OK;

	if (store_cli_open(db, &s, &err) < 0 || scope_find(s, unit, period, service, &sa, &err) < 0)
		goto fail;
	if (profile_path != NULL) {
		if (profile_load(profile_path, &prof, &err) < 0)
			goto fail;
	} else if (scopedoc_tmpdir(dir, &err) < 0 || office_profile_load(s, dir, &prof, &err) < 0) {
		goto fail;
	}
	if (reportgen_place_date(&prof, date, place_date, sizeof(place_date), &o.year) < 0) {
		fprintf(stderr,
		        "ikm report: --date \"%s\" tidak sah; tulis YYYY-MM-DD / --date must "
		        "be YYYY-MM-DD\n",
		        date);
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	if (scope_analyse(s, &sa, &err) < 0)
		goto fail;
	o.prof = &prof;
	o.cat = cat;
	o.place_date = place_date;
	o.cut = largs->ncut > 0 ? largs->cut : NULL;
	o.ncut = largs->ncut;
	o.lampiran_rows = (uint64_t)largs->lampiran_rows;
	if (scopedoc_save(s, &sa, kind, &o, output, &err) < 0)
		goto fail;
	fprintf(stderr, "ikm: %s ditulis / written\n", output);
	goto out;
fail:
	rc = cli_fail(&err);
out:
	scopedoc_tmpdir_remove(dir);
	scope_free(&sa);
	store_close(s);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"kind", required_argument, NULL, 'k'},
	    {"output", required_argument, NULL, 'o'},
	    {"profile", required_argument, NULL, 'P'},
	    {"period", required_argument, NULL, 'p'},
	    {"date", required_argument, NULL, 'D'},
	    {"catalog", required_argument, NULL, 'C'},
	    {"unit", required_argument, NULL, 'u'},
	    {"service", required_argument, NULL, 'v'},
	    {"db", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    DATA_LONGOPTS,
	    REPORT_LAPORAN_LONGOPTS,
	    {NULL, 0, NULL, 0},
	};
	const char *kind_name = "rekomendasi", *output = NULL, *profile_path = NULL;
	const char *period = "", *date = NULL, *catalog_path = NULL;
	const char *unit = NULL, *service = NULL, *db = NULL;
	struct data_opts dopts;
	struct laporan_args largs;
	struct analysis an = {0};
	struct profile prof;
	struct catalog *cat = NULL;
	struct reportgen_input ri = {0};
	struct olahdata_files files = {0};
	struct ikm_err err = {0};
	enum reportgen_kind kind;
	char place_date[512];
	int c, year = 0, rc = CLI_EXIT_OK;

	data_opts_init(&dopts);
	laporan_args_init(&largs);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		int h = data_opts_handle(&dopts, c, optarg);

		if (h < 0)
			return CLI_EXIT_USAGE;
		if (h > 0)
			continue;
		h = laporan_args_handle(&largs, c, optarg);
		if (h < 0)
			return CLI_EXIT_USAGE;
		if (h > 0)
			continue;
		switch (c) {
		case 'k':
			kind_name = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'P':
			profile_path = optarg;
			break;
		case 'p':
			period = optarg;
			break;
		case 'D':
			date = optarg;
			break;
		case 'C':
			catalog_path = optarg;
			break;
		case 'u':
			unit = optarg;
			break;
		case 'v':
			service = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		case 'h':
			usage(stdout);
			return CLI_EXIT_OK;
		default:
			fprintf(stderr,
			        "ikm: opsi tidak dikenal atau tanpa nilai: %s / bad option\n",
			        argv[optind - 1]);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
	}
	if (reportgen_kind_of(kind_name, &kind) < 0) {
		fprintf(stderr,
		        "ikm report: jenis dokumen \"%s\" tidak dikenal; yang tersedia: "
		        "rekomendasi, laporan, olahdata, infografis / unknown document "
		        "kind\n",
		        kind_name);
		return CLI_EXIT_USAGE;
	}
	if (!reportgen_accepts(kind, reportgen_format_of(output))) {
		fprintf(stderr,
		        "ikm report: --kind %s ditulis ke -o BERKAS%s / --kind %s is written "
		        "to OUT%s\n",
		        kind_name, reportgen_formats(kind), kind_name, reportgen_formats(kind));
		return CLI_EXIT_USAGE;
	}
	if (optind >= argc && unit != NULL && period[0] != '\0') {
		if ((catalog_path != NULL ? catalog_load_file(catalog_path, &cat, &err)
		                          : catalog_load_default(&cat, &err)) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
		rc = report_stored(db, unit, period, service, kind, output, profile_path, date, cat,
		                   &largs);
		goto out;
	}
	if (unit != NULL || service != NULL || db != NULL) {
		fprintf(
		    stderr,
		    "ikm report: --unit, --service dan --db untuk data tersimpan (tanpa berkas, "
		    "dengan --unit dan --period) / --unit, --service and --db are for stored "
		    "data (no files; give --unit and --period)\n");
		return CLI_EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "ikm report: sebutkan berkas data / no data file given\n");
		return CLI_EXIT_USAGE;
	}
	profile_default(&prof);
	if (profile_path != NULL && profile_load(profile_path, &prof, &err) < 0)
		goto fail;
	if (reportgen_place_date(&prof, date, place_date, sizeof(place_date), &year) < 0) {
		fprintf(stderr,
		        "ikm report: --date \"%s\" tidak sah; tulis YYYY-MM-DD / --date must "
		        "be YYYY-MM-DD\n",
		        date);
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	if (dopts.population == 0 && prof.populasi > 0)
		dopts.population = prof.populasi;
	if ((catalog_path != NULL ? catalog_load_file(catalog_path, &cat, &err)
	                          : catalog_load_default(&cat, &err)) < 0)
		goto fail;
	ri.prof = &prof;
	ri.cat = cat;
	ri.period = period;
	ri.place_date = place_date;
	ri.year = year;
	ri.cut = largs.ncut > 0 ? largs.cut : NULL;
	ri.ncut = largs.ncut;
	if (kind == REPORTGEN_LAPORAN) {
		if (report_laporan(&largs, &dopts, argv + optind, argc - optind, &ri, output,
		                   &err) < 0)
			goto fail;
		goto written;
	}
	if (analysis_run(&an, &dopts, argv + optind, argc - optind, &err) < 0)
		goto fail;
	ri.in = &an.in;
	ri.res = &an.res;
	ri.ci = &an.ci;
	ri.population = an.population;
	ri.required = an.required;
	ri.skipped = an.rep.skipped;
	files.paths = argv + optind;
	files.n = argc - optind;
	files.in = &an.in;
	files.opts = &dopts.load;
	ri.feed = olahdata_files_feed;
	ri.feed_user = &files;
	if (reportgen_save(kind, &ri, output, &err) < 0)
		goto fail;
written:
	fprintf(stderr, "ikm: %s ditulis / written\n", output);
	goto out;
fail:
	rc = cli_fail(&err);
out:
	catalog_free(cat);
	analysis_free(&an);
	return rc;
}
