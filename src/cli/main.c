/* main: `ikm` entry point — dispatches to the commands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store_cli.h"

#ifndef IKM_VERSION
#define IKM_VERSION "0.0.0"
#endif

static void usage(FILE *out)
{
	fputs("ikm " IKM_VERSION " — Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017)\n"
	      "\n"
	      "Penggunaan / usage:\n"
	      "  ikm compute FILE... [--json] [--population N] [--period TEKS] [--unit TEKS]\n"
	      "                      [--elements SPEC] [--legacy-weight W] [--skip-invalid]\n"
	      "      Hitung NRR per unsur, IKM, mutu, kinerja, selang kepercayaan 95%,\n"
	      "      kecukupan sampel dan prioritas dari berkas CSV/XLSX.\n"
	      "  ikm report FILE... --kind rekomendasi -o SURAT.pdf|.html [--profile KANTOR.ini]\n"
	      "                     [--period TEKS] [--date YYYY-MM-DD]\n"
	      "      Surat Rekomendasi dan Tindak Lanjut dari data survei.\n"
	      "  ikm report FILE... --kind laporan|olahdata|infografis -o KELUARAN ...\n"
	      "      Laporan SKM, lembar olah data Excel, poster infografis.\n"
	      "  ikm qr URL -o POSTER.pdf|.png|.svg [--org TEKS] [--unit TEKS] [--service TEKS]\n"
	      "      Poster kode QR survei untuk dicetak dan dipasang di loket.\n"
	      "  ikm init | unit | service | period | population | import | export [--db URL]\n"
	      "      Basis data survei (bawaan ./var/ikm.db; postgresql://... untuk\n"
	      "      PostgreSQL): unit, layanan, periode, impor dan ekspor tanggapan;\n"
	      "      ikm compute --unit SLUG --period SLUG menghitung dari basis data.\n"
	      "  ikm serve [--listen 127.0.0.1:8080] [--db URL] [--threads N] [--access-log "
	      "BERKAS|-]\n"
	      "      Server web pada basis data; SIGTERM/Ctrl+C menghentikannya.\n"
	      "  ikm apikey add NAMA | list | revoke NAMA [--db URL]\n"
	      "  ikm user add NAMA --role PERAN [--unit SLUG] | list | passwd NAMA [--db URL]\n"
	      "  ikm profile load BERKAS.ini | show [--db URL]\n"
	      "      Kunci untuk sistem lain yang mengirim tanggapan ke POST /api/v1/responses.\n"
	      "  ikm sample N\n"
	      "      Sampel minimum Krejcie-Morgan untuk populasi N.\n"
	      "  ikm --version | --help\n"
	      "\n"
	      "Bantuan perintah / command help: ikm compute --help\n"
	      "Kode keluar / exit codes: 0 berhasil, 1 kesalahan data, 2 kesalahan penggunaan.\n",
	      out);
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (cmd == NULL) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("ikm %s\n", IKM_VERSION);
		return CLI_EXIT_OK;
	}
	if (strcmp(cmd, "compute") == 0)
		return cmd_compute(argc - 1, argv + 1);
	if (strcmp(cmd, "sample") == 0)
		return cmd_sample(argc - 1, argv + 1);
	if (strcmp(cmd, "report") == 0)
		return cmd_report(argc - 1, argv + 1);
	if (strcmp(cmd, "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	if (strcmp(cmd, "qr") == 0)
		return cmd_qr(argc - 1, argv + 1);
	if (strcmp(cmd, "init") == 0)
		return cmd_init(argc - 1, argv + 1);
	if (strcmp(cmd, "unit") == 0)
		return cmd_unit(argc - 1, argv + 1);
	if (strcmp(cmd, "service") == 0)
		return cmd_service(argc - 1, argv + 1);
	if (strcmp(cmd, "period") == 0)
		return cmd_period(argc - 1, argv + 1);
	if (strcmp(cmd, "population") == 0)
		return cmd_population(argc - 1, argv + 1);
	if (strcmp(cmd, "import") == 0)
		return cmd_import(argc - 1, argv + 1);
	if (strcmp(cmd, "export") == 0)
		return cmd_export(argc - 1, argv + 1);
	if (strcmp(cmd, "apikey") == 0)
		return cmd_apikey(argc - 1, argv + 1);
	if (strcmp(cmd, "user") == 0)
		return cmd_user(argc - 1, argv + 1);
	if (strcmp(cmd, "profile") == 0)
		return cmd_profile(argc - 1, argv + 1);
	fprintf(stderr,
	        "ikm: perintah tidak dikenal \"%s\"; lihat ikm --help / unknown command \"%s\"\n",
	        cmd, cmd);
	return CLI_EXIT_USAGE;
}
