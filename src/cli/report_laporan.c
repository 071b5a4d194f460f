/* report_laporan: see report_laporan.h. */
#include "report_laporan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quality.h"
#include "stats.h"

const char laporan_opts_help[] =
    "Opsi --kind laporan:\n"
    "  --lampiran-rows N    baris responden yang dicetak pada tabel pengolahan data\n"
    "                       (bawaan 1000; 0 = tanpa tabel; jumlah dan NRR tetap dari\n"
    "                       seluruh responden, tabel lengkap ada di --kind olahdata)\n"
    "  --age-bands BATAS    batas kelompok usia (juga untuk --kind olahdata),\n"
    "                       mis. 20,30,40,50,60 (bawaan)\n"
    "  --previous BERKAS    data periode sebelumnya (boleh diulang) untuk perubahan\n"
    "                       IKM dan setiap unsur beserta ujinya\n"
    "  --previous-period TEKS  nama periode sebelumnya, mis. \"Semester II 2021\"\n";

void laporan_args_init(struct laporan_args *a)
{
	memset(a, 0, sizeof(*a));
	a->previous_period = "";
	a->lampiran_rows = LAPORAN_ROWS_DEFAULT;
}

int laporan_args_handle(struct laporan_args *a, int c, const char *arg)
{
	struct ikm_err err = {0};
	int64_t v;

	switch (c) {
	case LAPORAN_OPT_PREVIOUS:
		if (a->nprevious >= REPORT_MAX_PREVIOUS) {
			fprintf(stderr,
			        "ikm: --previous paling banyak %d berkas / at most %d --previous "
			        "files\n",
			        REPORT_MAX_PREVIOUS, REPORT_MAX_PREVIOUS);
			return -1;
		}
		a->previous[a->nprevious++] = (char *)arg;
		return 1;
	case LAPORAN_OPT_PREVIOUS_PERIOD:
		a->previous_period = arg;
		return 1;
	case LAPORAN_OPT_ROWS:
		if (cli_parse_int(arg, 0, LAPORAN_ROWS_MAX, &v) < 0) {
			fprintf(
			    stderr,
			    "ikm: --lampiran-rows \"%s\" tidak sah; harus bilangan bulat 0..%d / "
			    "--lampiran-rows must be 0..%d\n",
			    arg, LAPORAN_ROWS_MAX, LAPORAN_ROWS_MAX);
			return -1;
		}
		a->lampiran_rows = v;
		return 1;
	case LAPORAN_OPT_BANDS:
		if (resp_parse_bands(arg, a->cut, &a->ncut, &err) < 0) {
			fprintf(stderr, "ikm: --age-bands: %s\n", err.msg);
			return -1;
		}
		return 1;
	default:
		return 0;
	}
}

static void element_se(const struct analysis *an, double *se)
{
	for (int j = 0; j < an->in.k; j++)
		se[j] = stats_element_se(an->acc, j, an->population);
}

int report_laporan(const struct laporan_args *la, const struct data_opts *dopts, char *const *paths,
                   int n, const struct reportgen_input *base, const char *output,
                   struct ikm_err *err)
{
	struct data_opts o = *dopts;
	struct analysis an = {0}, prev = {0};
	struct resp_tally rt;
	struct laporan_rows rows;
	struct reportgen_input ri = *base;
	struct laporan_previous pv = {0};
	double se[INSTR_MAX_ELEMENTS], prev_se[INSTR_MAX_ELEMENTS];
	int rc = -1;

	resp_init(&rt, la->ncut > 0 ? la->cut : NULL, la->ncut);
	laporan_rows_init(&rows, (uint64_t)la->lampiran_rows);
	o.load.visit = laporan_rows_visit;
	o.load.visit_user = &rows;
	o.load.resp = &rt;
	if (analysis_run(&an, &o, paths, n, err) < 0)
		goto out;
	resp_sorted(&rt);
	element_se(&an, se);
	if (la->nprevious > 0) {
		struct data_opts po = *dopts;

		/* The previous period is read like the current one, population
		 * unknown (its own N is not given). */
		po.population = 0;
		if (analysis_run(&prev, &po, la->previous, la->nprevious, err) < 0) {
			err_prefix(err, "--previous: ");
			goto out;
		}
		element_se(&prev, prev_se);
		pv.period = la->previous_period;
		pv.in = &prev.in;
		pv.res = &prev.res;
		pv.ci = &prev.ci;
		pv.el_se = prev_se;
		ri.prev = &pv;
	}
	ri.in = &an.in;
	ri.res = &an.res;
	ri.population = an.population;
	ri.required = an.required;
	ri.ci = &an.ci;
	ri.el_se = se;
	ri.skipped = an.rep.skipped;
	ri.empty = an.rep.quality.count[quality_bit(QUALITY_EMPTY)];
	ri.straight = an.rep.quality.count[quality_bit(QUALITY_STRAIGHT)];
	ri.rt = &rt;
	ri.rows = &rows;
	rc = reportgen_save(REPORTGEN_LAPORAN, &ri, output, err);
out:
	laporan_rows_free(&rows);
	resp_free(&rt);
	analysis_free(&prev);
	analysis_free(&an);
	return rc;
}
