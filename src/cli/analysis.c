/* analysis: see analysis.h. */
#include "analysis.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "sample.h"

const char data_opts_help[] =
    "  --population N       populasi pengguna layanan (cek sampel, koreksi populasi)\n"
    "  --elements SPEC      unsur dan bobot, mis. U1-U9,U10=Kebersihan atau\n"
    "                       U1@0.2,U2@0.8 (bobot harus berjumlah tepat 1)\n"
    "  --legacy-weight W    mode lama NON-STANDAR: bobot 0.111 atau 0.11\n"
    "  --skip-invalid       lewati dan laporkan baris bernilai tidak sah\n"
    "  --threads N          bagian berkas CSV besar yang dibaca serentak (1..8;\n"
    "                       bawaan: jumlah prosesor, paling banyak 4)\n";

/* Parts of a large file read at once: the online processors, at most 4. */
static int default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}

void data_opts_init(struct data_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->load.add_extras = 1;
	o->load.threads = default_threads();
	o->load.parallel_min_bytes = LOAD_PARALLEL_MIN_BYTES;
}

int data_opts_handle(struct data_opts *o, int c, const char *arg)
{
	int64_t v;

	switch (c) {
	case DATA_OPT_POPULATION:
		if (cli_parse_int(arg, 1, SAMPLE_MAX_POPULATION, &v) < 0) {
			fprintf(
			    stderr,
			    "ikm: --population \"%s\" tidak sah; harus bilangan bulat 1..%lld / "
			    "--population must be a whole number\n",
			    arg, (long long)SAMPLE_MAX_POPULATION);
			return -1;
		}
		o->population = v;
		return 1;
	case DATA_OPT_ELEMENTS:
		o->elements = arg;
		return 1;
	case DATA_OPT_LEGACY: {
		struct instrument probe;
		struct ikm_err err = {0};

		instr_standard(&probe);
		if (instr_set_legacy(&probe, arg, &err) < 0) {
			fprintf(stderr, "ikm: %s\n", err.msg);
			return -1;
		}
		o->legacy = arg;
		return 1;
	}
	case DATA_OPT_SKIP:
		o->load.skip_invalid = 1;
		return 1;
	case DATA_OPT_THREADS:
		if (cli_parse_int(arg, 1, LOAD_MAX_THREADS, &v) < 0) {
			fprintf(stderr,
			        "ikm: --threads \"%s\" tidak sah; harus 1..%d / --threads must be "
			        "1..%d\n",
			        arg, LOAD_MAX_THREADS, LOAD_MAX_THREADS);
			return -1;
		}
		o->load.threads = (int)v;
		return 1;
	default:
		return 0;
	}
}

int analysis_run(struct analysis *a, const struct data_opts *o, char *const *paths, int n,
                 struct ikm_err *err)
{
	struct load_opts lo = o->load;

	memset(a, 0, sizeof(*a));
	a->population = o->population;
	if (o->elements != NULL) {
		if (instr_parse_spec(&a->in, o->elements, err) < 0)
			return -1;
		lo.add_extras = 0;
	} else {
		instr_standard(&a->in);
	}
	if (load_files(paths, n, &a->in, &lo, &a->acc, &a->rep, err) < 0)
		return -1;
	/* Legacy weights are applied once extra elements are known. */
	if (o->legacy != NULL && instr_set_legacy(&a->in, o->legacy, err) < 0)
		return -1;
	if (score_compute(a->acc, &a->in, &a->res, err) < 0)
		return -1;
	stats_ikm_ci(a->acc, &a->in, &a->res, a->population, &a->ci);
	if (a->population > 0)
		a->required = sample_krejcie_morgan(a->population);
	return 0;
}

void analysis_free(struct analysis *a)
{
	if (a == NULL)
		return;
	score_acc_free(a->acc);
	a->acc = NULL;
	load_report_free(&a->rep);
}
