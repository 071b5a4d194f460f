/* report_cmd: `ikm report FILE... --kind K -o OUT` — the documents an
 * office issues, from the same analysis `ikm compute` prints. The format
 * follows the output's extension. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "analysis.h"
#include "catalog.h"
#include "cli.h"
#include "doc_html.h"
#include "doc_pdf.h"
#include "idfmt.h"
#include "doc_docx.h"
#include "infographic.h"
#include "letter.h"
#include "olahdata.h"
#include "profile.h"
#include "report_laporan.h"

static void usage(FILE *out)
{
	fputs("Penggunaan / usage: ikm report FILE... --kind JENIS -o KELUARAN [opsi]\n"
	      "\n"
	      "Menulis dokumen dari data survei (angka sama dengan ikm compute).\n"
	      "  --kind rekomendasi   surat Rekomendasi dan Tindak Lanjut (bawaan), "
	      ".pdf/.html/.docx\n"
	      "  --kind laporan       Laporan SKM lengkap (Bab I-V, lampiran), "
	      ".pdf/.html/.docx\n"
	      "  --kind olahdata      lembar olah data Excel dengan rumus, .xlsx\n"
	      "  --kind infografis    poster publikasi satu halaman, .pdf/.png/.svg\n"
	      "  -o, --output BERKAS  berkas keluaran; format mengikuti ekstensi\n"
	      "  --profile BERKAS     profil kantor (kop surat, penandatangan), INI;\n"
	      "                       contoh: examples/mojokerto.ini, examples/office.ini\n"
	      "  --period TEKS        periode, mis. \"Semester I 2022\"\n"
	      "  --date YYYY-MM-DD    tanggal surat (bawaan: hari ini)\n"
	      "  --catalog BERKAS     katalog rekomendasi dan tindak lanjut kantor sendiri\n"
	      "                       (format share/rekomendasi.ini; bawaan: katalog bawaan)\n",
	      out);
	fputs(data_opts_help, out);
	fputs(laporan_opts_help, out);
	fputs("  --help               bantuan ini\n", out);
}

enum format { FMT_NONE, FMT_PDF, FMT_HTML, FMT_XLSX, FMT_PNG, FMT_SVG, FMT_DOCX };

static enum format format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL)
		return FMT_NONE;
	if (strcasecmp(dot, ".pdf") == 0)
		return FMT_PDF;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return FMT_HTML;
	if (strcasecmp(dot, ".xlsx") == 0)
		return FMT_XLSX;
	if (strcasecmp(dot, ".docx") == 0)
		return FMT_DOCX;
	if (strcasecmp(dot, ".png") == 0)
		return FMT_PNG;
	if (strcasecmp(dot, ".svg") == 0)
		return FMT_SVG;
	return FMT_NONE;
}

static int kind_known(const char *kind)
{
	return strcmp(kind, "rekomendasi") == 0 || strcmp(kind, "laporan") == 0 ||
	       strcmp(kind, "olahdata") == 0 || strcmp(kind, "infografis") == 0;
}

static const char *kind_formats(const char *kind)
{
	if (strcmp(kind, "olahdata") == 0)
		return ".xlsx";
	if (strcmp(kind, "infografis") == 0)
		return ".pdf|.png|.svg";
	return ".pdf|.html|.docx";
}

static int kind_accepts(const char *kind, enum format fmt)
{
	if (strcmp(kind, "olahdata") == 0)
		return fmt == FMT_XLSX;
	if (strcmp(kind, "infografis") == 0)
		return fmt == FMT_PDF || fmt == FMT_PNG || fmt == FMT_SVG;
	if (strcmp(kind, "rekomendasi") == 0 || strcmp(kind, "laporan") == 0)
		return fmt == FMT_PDF || fmt == FMT_HTML || fmt == FMT_DOCX;
	return 0;
}

/* The poster's follow-up line: the elements to improve first. */
static void follow_up(char *buf, size_t size, const struct instrument *in,
                      const struct score_result *res)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < res->nbelow && o < size; i++) {
		char v[32];
		int j = res->below[i];

		const char *sep = i == 0                 ? "peningkatan unsur "
		                  : i + 1 == res->nbelow ? " dan "
		                                         : ", ";

		o += (size_t)snprintf(buf + o, size - o, "%s%s (%s)", sep, in->el[j].name,
		                      idfmt_fixed(v, sizeof(v), res->el[j].nrr_e2, 2));
	}
}

/* "Mojokerto, 23 November 2026" from --date (or today) and the city; the
 * year into *year. */
static int date_line(char *buf, size_t size, const char *city, const char *date, int *year)
{
	int y, m, d;
	char when[64], extra;

	if (date != NULL) {
		if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 ||
		    d < 1 || d > 31)
			return -1;
	} else {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		y = tm.tm_year + 1900;
		m = tm.tm_mon + 1;
		d = tm.tm_mday;
	}
	idfmt_date(when, sizeof(when), y, m, d);
	*year = y;
	snprintf(buf, size, "%s%s%s", city, city[0] ? ", " : "", when);
	return 0;
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
	    {"help", no_argument, NULL, 'h'},
	    DATA_LONGOPTS,
	    REPORT_LAPORAN_LONGOPTS,
	    {NULL, 0, NULL, 0},
	};
	const char *kind = "rekomendasi", *output = NULL, *profile_path = NULL;
	const char *period = "", *date = NULL, *catalog_path = NULL;
	struct data_opts dopts;
	struct laporan_args largs;
	struct analysis an = {0};
	struct profile prof;
	struct catalog *cat = NULL;
	struct doc *doc = NULL;
	struct ikm_err err = {0};
	char place_date[512];
	enum format fmt;
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
			kind = optarg;
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
	fmt = output != NULL ? format_of(output) : FMT_NONE;
	if (!kind_accepts(kind, fmt)) {
		if (!kind_known(kind))
			fprintf(stderr,
			        "ikm report: jenis dokumen \"%s\" tidak dikenal; yang tersedia: "
			        "rekomendasi, laporan, olahdata, infografis / unknown document "
			        "kind\n",
			        kind);
		else
			fprintf(
			    stderr,
			    "ikm report: --kind %s ditulis ke -o BERKAS%s / --kind %s is written "
			    "to OUT%s\n",
			    kind, kind_formats(kind), kind, kind_formats(kind));
		return CLI_EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "ikm report: sebutkan berkas data / no data file given\n");
		return CLI_EXIT_USAGE;
	}
	profile_default(&prof);
	if (profile_path != NULL && profile_load(profile_path, &prof, &err) < 0)
		goto fail;
	if (date_line(place_date, sizeof(place_date), prof.kota, date, &year) < 0) {
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
	if (strcmp(kind, "laporan") == 0) {
		if (report_laporan(&largs, &dopts, argv + optind, argc - optind, &prof, cat, period,
		                   place_date, year, &doc, &err) < 0)
			goto fail;
		goto save;
	}
	if (analysis_run(&an, &dopts, argv + optind, argc - optind, &err) < 0)
		goto fail;
	if (strcmp(kind, "infografis") == 0) {
		char fu[1024];
		struct infographic_info ii = {
		    prof.pemerintah, prof.instansi[0] ? prof.instansi : prof.unit, period, fu};

		follow_up(fu, sizeof(fu), &an.in, &an.res);
		if (infographic_save(&ii, &an.in, &an.res, output, &err) < 0)
			goto fail;
		fprintf(stderr, "ikm: %s ditulis / written\n", output);
		goto out;
	}
	if (fmt == FMT_XLSX) {
		if (olahdata_save(output, argv + optind, argc - optind, &an.in, &an.res,
		                  &dopts.load, period, largs.ncut > 0 ? largs.cut : NULL,
		                  largs.ncut, &err) < 0)
			goto fail;
		fprintf(stderr, "ikm: %s ditulis / written\n", output);
		goto out;
	}
	{
		char phone[600], web[600], rank_nip[600];
		struct letter_info li = {0};

		profile_phone_line(&prof, phone, sizeof(phone));
		profile_web_line(&prof, web, sizeof(web));
		snprintf(rank_nip, sizeof(rank_nip), "%s%s%s%s", prof.pangkat,
		         prof.pangkat[0] && prof.nip[0] ? "\n" : "", prof.nip[0] ? "NIP. " : "",
		         prof.nip);
		li.government = prof.pemerintah;
		li.agency = prof.instansi;
		li.lines[0] = prof.alamat;
		li.lines[1] = phone;
		li.lines[2] = web;
		li.logo = prof.logo[0] ? prof.logo : NULL;
		li.unit = prof.unit;
		li.period = period;
		li.place_date = place_date;
		li.position = prof.jabatan;
		li.name = prof.nama;
		li.rank_nip = rank_nip;
		li.legacy = an.in.method != INSTR_METHOD_STANDARD;
		doc = letter_build(&li, &an.in, &an.res, cat);
	}
save:
	if ((fmt == FMT_PDF    ? doc_pdf_save(doc, output, &err)
	     : fmt == FMT_DOCX ? doc_docx_save(doc, output, &err)
	                       : doc_html_save(doc, output, &err)) < 0)
		goto fail;
	fprintf(stderr, "ikm: %s ditulis / written\n", output);
	goto out;
fail:
	rc = cli_fail(&err);
out:
	doc_free(doc);
	catalog_free(cat);
	analysis_free(&an);
	return rc;
}
