/* compute: `ikm compute FILE...` — load, score, interval, sample, print. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "compute_view.h"
#include "instrument.h"
#include "load.h"
#include "sample.h"
#include "score.h"
#include "stats.h"

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
	      "  --population N       populasi pengguna layanan (cek sampel, koreksi populasi)\n"
	      "  --period TEKS        nama periode, mis. \"Semester I 2022\"\n"
	      "  --unit TEKS          nama unit layanan\n"
	      "  --elements SPEC      unsur dan bobot, mis. U1-U9,U10=Kebersihan atau\n"
	      "                       U1@0.2,U2@0.8 (bobot harus berjumlah tepat 1)\n"
	      "  --legacy-weight W    mode lama NON-STANDAR: bobot 0.111 atau 0.11\n"
	      "  --skip-invalid       lewati dan laporkan baris bernilai tidak sah\n"
	      "  --threads N          bagian berkas CSV besar yang dibaca serentak (1..8;\n"
	      "                       bawaan: jumlah prosesor, paling banyak 4)\n"
	      "  --help               bantuan ini\n",
	      out);
}

/* Parts of a large file read at once: the online processors, at most 4. */
static int default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}

int cmd_compute(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"json", no_argument, NULL, 'j'},
	    {"population", required_argument, NULL, 'N'},
	    {"period", required_argument, NULL, 'p'},
	    {"unit", required_argument, NULL, 'u'},
	    {"elements", required_argument, NULL, 'e'},
	    {"legacy-weight", required_argument, NULL, 'L'},
	    {"skip-invalid", no_argument, NULL, 's'},
	    {"threads", required_argument, NULL, 'T'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct instrument in;
	struct load_opts opts = {
	    .skip_invalid = 0,
	    .add_extras = 1,
	    .threads = default_threads(),
	    .parallel_min_bytes = LOAD_PARALLEL_MIN_BYTES,
	};
	struct load_report rep = {0};
	struct score_acc *acc = NULL;
	struct score_result res;
	struct stats_ci ci;
	struct compute_view view = {0};
	struct ikm_err err = {0};
	const char *elements = NULL, *legacy = NULL;
	int json = 0, c, rc = CLI_EXIT_OK;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'N':
			if (cli_parse_int(optarg, 1, SAMPLE_MAX_POPULATION, &view.population) < 0) {
				fprintf(stderr,
				        "ikm: --population \"%s\" tidak sah; harus bilangan bulat "
				        "1..%lld / --population must be a whole number\n",
				        optarg, (long long)SAMPLE_MAX_POPULATION);
				return CLI_EXIT_USAGE;
			}
			break;
		case 'p':
			view.period = optarg;
			break;
		case 'u':
			view.unit = optarg;
			break;
		case 'e':
			elements = optarg;
			break;
		case 'L':
			legacy = optarg;
			break;
		case 's':
			opts.skip_invalid = 1;
			break;
		case 'T': {
			int64_t v;

			if (cli_parse_int(optarg, 1, LOAD_MAX_THREADS, &v) < 0) {
				fprintf(stderr,
				        "ikm: --threads \"%s\" tidak sah; harus 1..%d / --threads "
				        "must be 1..%d\n",
				        optarg, LOAD_MAX_THREADS, LOAD_MAX_THREADS);
				return CLI_EXIT_USAGE;
			}
			opts.threads = (int)v;
			break;
		}
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
	if (optind >= argc) {
		fprintf(stderr, "ikm: sebutkan berkas data / no data file given\n");
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (legacy != NULL) {
		struct instrument probe;

		instr_standard(&probe);
		if (instr_set_legacy(&probe, legacy, &err) < 0)
			return cli_fail(&err);
	}
	if (elements != NULL) {
		if (instr_parse_spec(&in, elements, &err) < 0)
			return cli_fail(&err);
		opts.add_extras = 0;
	} else {
		instr_standard(&in);
	}
	if (load_files(argv + optind, argc - optind, &in, &opts, &acc, &rep, &err) < 0)
		goto fail;
	/* Legacy weights are applied after extras are known. */
	if (legacy != NULL && instr_set_legacy(&in, legacy, &err) < 0)
		goto fail;
	if (score_compute(acc, &in, &res, &err) < 0)
		goto fail;
	stats_ikm_ci(acc, &in, &res, view.population, &ci);
	view.in = &in;
	view.res = &res;
	view.ci = &ci;
	view.rep = &rep;
	if (view.population > 0)
		view.required = sample_krejcie_morgan(view.population);
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
	score_acc_free(acc);
	load_report_free(&rep);
	return rc;
}
