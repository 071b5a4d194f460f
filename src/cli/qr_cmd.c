/* qr_cmd: `ikm qr URL -o OUT` — the QR poster of a survey address, so an
 * office can print its posters without the server. The format follows the
 * output's extension. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "qrposter.h"

static void usage(FILE *out)
{
	fputs("Penggunaan / usage: ikm qr URL -o POSTER.pdf|.png|.svg [opsi]\n"
	      "\n"
	      "Poster A4 dengan kode QR alamat survei, untuk dipasang di loket.\n"
	      "  -o, --output BERKAS  berkas keluaran; format mengikuti ekstensi\n"
	      "                       (.pdf, .png 150 dpi, .svg)\n"
	      "  --org TEKS           nama instansi, mis. \"Pemerintah Kota Mojokerto\"\n"
	      "  --unit TEKS          nama unit pelayanan\n"
	      "  --service TEKS       nama layanan (boleh tidak ada)\n"
	      "  --help               bantuan ini\n",
	      out);
}

int cmd_qr(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'}, {"org", required_argument, NULL, 'g'},
	    {"unit", required_argument, NULL, 'u'},   {"service", required_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
	};
	struct qrposter_info qi = {"", "", "", NULL};
	struct ikm_err err = {0};
	enum qrposter_format fmt;
	const char *output = NULL;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'g':
			qi.org = optarg;
			break;
		case 'u':
			qi.unit = optarg;
			break;
		case 's':
			qi.service = optarg;
			break;
		case 'h':
			usage(stdout);
			return CLI_EXIT_OK;
		default:
			fprintf(stderr,
			        "ikm qr: opsi tidak dikenal atau tanpa nilai: %s / bad option\n",
			        argv[optind - 1]);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "ikm qr: sebutkan alamat survei (URL) / no survey URL given\n");
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (argc - optind > 1) {
		fprintf(stderr, "ikm qr: argumen berlebih \"%s\" / extra argument\n",
		        argv[optind + 1]);
		return CLI_EXIT_USAGE;
	}
	qi.url = argv[optind];
	if (output == NULL) {
		fprintf(stderr,
		        "ikm qr: sebutkan -o POSTER.pdf|.png|.svg / no output given (-o OUT.pdf, "
		        ".png or .svg)\n");
		return CLI_EXIT_USAGE;
	}
	if (qrposter_format_of(output, &fmt, &err) < 0 || qrposter_save(&qi, output, &err) < 0)
		return cli_fail(&err);
	fprintf(stderr, "ikm: %s ditulis / written\n", output);
	return CLI_EXIT_OK;
}
