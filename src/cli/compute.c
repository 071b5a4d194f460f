/* compute: `ikm compute FILE...` — load, score, interval, sample, print. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "compute_view.h"
#include "store_cli.h"

static void usage(FILE *out)
{
	fputs("Penggunaan / usage: ikm compute FILE... [opsi]\n"
	      "\n"
	      "FILE adalah CSV (pemisah , ; atau tab; UTF-8) atau XLSX (lembar pertama);\n"
	      "\"-\" membaca CSV dari masukan standar. Baris pertama berisi judul kolom:\n"
	      "U1..U9, id unsur (persyaratan, prosedur, waktu, biaya, produk, kompetensi,\n"
	      "perilaku, sarana, pengaduan), nama unsur, atau teks pertanyaan Google Forms.\n"
	      "Jawaban berupa angka 1-4 atau label pilihan standar; kosong = tidak dijawab.\n"
	      "\n"
	      "  --json               keluaran JSON / JSON output\n"
	      "  --period TEKS        nama periode, mis. \"Semester I 2022\"\n"
	      "  --unit TEKS          nama unit layanan\n"
	      "\n"
	      "Dari basis data / from the store: ikm compute --unit SLUG --period SLUG\n"
	      "  [--service SLUG] [--db URL] [--json]  (tanpa berkas; angka sama seperti dari\n"
	      "  berkas yang diimpor)\n",
	      out);
	fputs(data_opts_help, out);
	fputs("  --help               bantuan ini\n", out);
}

int cmd_compute(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"json", no_argument, NULL, 'j'},
	    {"period", required_argument, NULL, 'p'},
	    {"unit", required_argument, NULL, 'u'},
	    {"service", required_argument, NULL, 'v'},
	    {"db", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    DATA_LONGOPTS,
	    {NULL, 0, NULL, 0},
	};
	struct data_opts dopts;
	struct analysis an;
	struct compute_view view = {0};
	struct ikm_err err = {0};
	const char *service = NULL, *db = NULL;
	int json = 0, c, rc = CLI_EXIT_OK;

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
		case 'j':
			json = 1;
			break;
		case 'p':
			view.period = optarg;
			break;
		case 'u':
			view.unit = optarg;
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
	/* No file, a unit and a period: the stored responses. */
	if (optind >= argc && view.unit != NULL && view.period != NULL)
		return store_cli_compute(db, view.unit, view.period, service, json);
	if (service != NULL || db != NULL) {
		fprintf(stderr,
		        "ikm: --service dan --db hanya untuk data tersimpan (tanpa berkas) / "
		        "--service and --db are for stored data (no files)\n");
		return CLI_EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "ikm: sebutkan berkas data / no data file given\n");
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (analysis_run(&an, &dopts, argv + optind, argc - optind, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	view.in = &an.in;
	view.res = &an.res;
	view.ci = &an.ci;
	view.rep = &an.rep;
	view.population = an.population;
	view.required = an.required;
	view_warnings(&view);
	if (json)
		view_print_json(&view, stdout);
	else
		view_print_text(&view, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ikm: gagal menulis keluaran / write error\n");
		rc = CLI_EXIT_DATA;
	}
out:
	analysis_free(&an);
	return rc;
}
