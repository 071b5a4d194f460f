/* store_bench: insert rate and aggregate latency of the store (built and
 * run by bench/store.sh). Usage: store_bench URL N
 * Fills one unit-period with N responses in transactions of 10 000 (the
 * batched rate), adds 1 000 more one transaction each (the single rate,
 * synchronous commits), then times store_aggregate + score_compute of the
 * unit-period, median of 21 runs. Prints one line of figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "score.h"
#include "store.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void die(const struct ikm_err *err)
{
	fprintf(stderr, "store_bench: %s\n", err->msg);
	exit(1);
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

static void fill(struct store_response *r)
{
	unsigned base = next() % 10 < 7 ? 4 : 3;

	for (int j = 0; j < 9; j++) {
		unsigned x = next() % 100;

		r->answers[j] = (uint8_t)(x < 85 ? base : x < 95 ? base - 1 : 2);
	}
}

int main(int argc, char **argv)
{
	struct store *s;
	struct ikm_err err = {0};
	struct store_unit u;
	struct store_period p;
	struct instrument in;
	struct store_response r;
	struct store_scope sc;
	double t0, batched, single, lat[21];
	long long n;
	int64_t instr;
	int dup;

	if (argc != 3 || (n = strtoll(argv[2], NULL, 10)) < 1) {
		fprintf(stderr, "usage: store_bench URL N\n");
		return 2;
	}
	if (store_open(argv[1], &s, &err) < 0 ||
	    store_unit_add(s, "bench", "Unit Bench", NULL, &u, &err) < 0 ||
	    store_period_add(s, "bench", 20260101, 20261231, NULL, &p, &err) < 0)
		die(&err);
	instr_standard(&in);
	if (store_instrument_put(s, &in, 0, &instr, &err) < 0)
		die(&err);
	memset(&r, 0, sizeof(r));
	r.unit = u.id;
	r.period = p.id;
	r.instrument = instr;
	r.channel = STORE_IMPORT;
	r.submitted = 1767225600;
	r.k = 9;
	r.age = -1;
	t0 = now();
	for (long long i = 0; i < n; i += 10000) {
		if (store_begin(s, &err) < 0)
			die(&err);
		for (long long j = i; j < n && j < i + 10000; j++) {
			fill(&r);
			if (store_response_add(s, &r, &dup, &err) < 0)
				die(&err);
		}
		if (store_commit(s, &err) < 0)
			die(&err);
	}
	batched = (double)n / (now() - t0);
	r.channel = STORE_WEB;
	t0 = now();
	for (int i = 0; i < 1000; i++) {
		fill(&r);
		snprintf(r.client_id, sizeof(r.client_id), "bench-%lld-%d", n, i);
		if (store_response_add(s, &r, &dup, &err) < 0)
			die(&err);
	}
	single = 1000.0 / (now() - t0);
	sc = (struct store_scope){u.id, p.id, 0};
	for (int i = 0; i < 21; i++) {
		struct store_totals tot;
		struct score_acc *acc;
		struct score_result res;
		struct instrument ai;

		t0 = now();
		if (store_aggregate(s, &sc, &ai, &acc, &tot, &err) < 0 ||
		    score_compute(acc, &ai, &res, &err) < 0)
			die(&err);
		lat[i] = now() - t0;
		score_acc_free(acc);
		if (tot.responses != (uint64_t)n + 1000) {
			fprintf(stderr, "store_bench: %llu responses counted, %lld stored\n",
			        (unsigned long long)tot.responses, n + 1000);
			return 1;
		}
	}
	qsort(lat, 21, sizeof(lat[0]), cmp_double);
	printf("%10lld responses  batched %9.0f/s  single %7.0f/s  aggregate median %7.2f ms "
	       "(max %.2f ms)\n",
	       n + 1000, batched, single, lat[10] * 1e3, lat[20] * 1e3);
	store_close(s);
	return 0;
}
