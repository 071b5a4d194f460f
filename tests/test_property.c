/* Property tests of the core: on ~200 random data sets (fixed seed) the
 * result of score_compute equals a brute-force rational recomputation done
 * here from the raw responses with GMP, and the 95% interval of stats_ikm_ci
 * agrees with the linearisation written out per respondent and with a
 * bootstrap over respondents (method.md sections 2, 3, 5, 6). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "instrument.h"
#include "score.h"
#include "stats.h"
#include "testutil.h"

#define DATASETS  200
#define MAX_K     12
#define MAX_N     300
#define BOOT_B    400
#define BOOT_MINN 50

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

/* xorshift64*: the same stream on every platform. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static unsigned rnd_below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

struct dataset {
	int k, n;
	uint8_t v[MAX_N][MAX_K]; /* 0 = not answered */
	int64_t wnum[MAX_K];     /* weight_j = wnum[j] / wsum */
	int64_t wsum;
	int custom;
};

static void make_dataset(struct dataset *d)
{
	unsigned missing_pct, empty_pct;
	unsigned dist[MAX_K][4];

	memset(d, 0, sizeof(*d));
	d->k = 1 + (int)rnd_below(MAX_K);
	d->n = 1 + (int)rnd_below(MAX_N);
	missing_pct = (unsigned[]){0, 0, 3, 10, 25}[rnd_below(5)];
	empty_pct = rnd_below(4) == 0 ? 3 : 0;
	/* A random answer distribution per element, often skewed to 3-4 as in
	 * real surveys; sometimes a single value (no spread). */
	for (int j = 0; j < d->k; j++) {
		unsigned total = 0;

		for (int a = 0; a < 4; a++) {
			dist[j][a] = rnd_below(10) * (a >= 2 ? 1 + rnd_below(4) : 1);
			total += dist[j][a];
		}
		if (total == 0 || rnd_below(20) == 0) {
			memset(dist[j], 0, sizeof(dist[j]));
			dist[j][rnd_below(4)] = 1;
		}
	}
	for (int i = 0; i < d->n; i++) {
		int blank_row = rnd_below(100) < empty_pct;

		for (int j = 0; j < d->k; j++) {
			unsigned total = 0, pick;
			int a = 0;

			if (blank_row || rnd_below(100) < missing_pct) {
				d->v[i][j] = 0;
				continue;
			}
			for (int b = 0; b < 4; b++)
				total += dist[j][b];
			pick = rnd_below(total);
			while (pick >= dist[j][a]) {
				pick -= dist[j][a];
				a++;
			}
			d->v[i][j] = (uint8_t)(a + 1);
		}
	}
	/* Weights: equal (the default) for one data set in four, otherwise
	 * random integers r_j over their sum, given as fractions. */
	d->custom = rnd_below(4) != 0;
	d->wsum = 0;
	for (int j = 0; j < d->k; j++) {
		d->wnum[j] = d->custom ? 1 + (int64_t)rnd_below(20) : 1;
		d->wsum += d->wnum[j];
	}
}

static void build_instrument(const struct dataset *d, struct instrument *in)
{
	char spec[1024];
	size_t o = 0;
	struct ikm_err err;

	if (d->custom) {
		for (int j = 0; j < d->k; j++)
			o += (size_t)snprintf(spec + o, sizeof(spec) - o, "%sU%d@%lld/%lld",
			                      j ? "," : "", j + 1, (long long)d->wnum[j],
			                      (long long)d->wsum);
	} else {
		snprintf(spec, sizeof(spec), "U1-U%d", d->k);
	}
	err_clear(&err);
	if (instr_parse_spec(in, spec, &err) != 0)
		fail_msg("instr_parse_spec(\"%s\"): %s", spec, err.msg);
	assert_int_equal(in->k, d->k);
}

/* floor(q * 10^dec + 1/2): the test's own half-up rounding. */
static int64_t round_half_up(const mpq_t q, int dec)
{
	mpq_t t;
	mpz_t z;
	int64_t out;

	mpq_init(t);
	mpz_init(z);
	mpz_ui_pow_ui(z, 10, (unsigned long)dec);
	mpq_set_z(t, z);
	mpq_mul(t, t, q);
	mpz_mul_ui(z, mpq_numref(t), 2);
	mpz_add(z, z, mpq_denref(t));
	mpz_fdiv_q(z, z, mpq_denref(t));
	mpz_fdiv_q_ui(z, z, 2);
	out = mpz_get_si(z);
	mpz_clear(z);
	mpq_clear(t);
	return out;
}

/* The test's own grade table (method.md 3). */
static char own_grade(int64_t e2)
{
	return e2 >= 8831 ? 'A' : e2 >= 7661 ? 'B' : e2 >= 6500 ? 'C' : 'D';
}

static const char *own_kinerja(char mutu)
{
	switch (mutu) {
	case 'A':
		return "Sangat Baik";
	case 'B':
		return "Baik";
	case 'C':
		return "Kurang Baik";
	default:
		return "Tidak Baik";
	}
}

/* Row i counts as a respondent when it answered anything. */
static int counted(const struct dataset *d, int i)
{
	for (int j = 0; j < d->k; j++) {
		if (d->v[i][j])
			return 1;
	}
	return 0;
}

struct brute {
	int ok;
	uint64_t n, nj[MAX_K], sj[MAX_K];
};

static void check_score(int set, const struct dataset *d, const struct instrument *in,
                        const struct score_result *res, struct brute *b)
{
	mpq_t nrr[MAX_K], w, t, ni, mean;
	int k = d->k;

	mpq_inits(w, t, ni, mean, NULL);
	for (int j = 0; j < k; j++)
		mpq_init(nrr[j]);
	for (int j = 0; j < k; j++) {
		mpq_set_ui(nrr[j], (unsigned long)b->sj[j], (unsigned long)b->nj[j]);
		mpq_canonicalize(nrr[j]);
		/* Weight from the data set, not from the instrument. */
		mpq_set_si(w, d->wnum[j], (unsigned long)d->wsum);
		mpq_canonicalize(w);
		mpq_mul(t, w, nrr[j]);
		mpq_add(ni, ni, t);
		mpq_add(mean, mean, nrr[j]);
	}
	mpq_set_ui(t, (unsigned long)k, 1);
	mpq_div(mean, mean, t);

	if (res->respondents != b->n)
		fail_msg("set %d: respondents %llu, expected %llu", set,
		         (unsigned long long)res->respondents, (unsigned long long)b->n);
	assert_int_equal(res->k, k);
	assert_int_equal(res->ni_e4, round_half_up(ni, 4));
	mpq_set_ui(t, 25, 1);
	mpq_mul(t, t, ni);
	{
		int64_t ikm = round_half_up(t, 2);

		if (res->ikm_e2 != ikm)
			fail_msg("set %d (k %d, n %d): ikm_e2 %lld, expected %lld", set, k, d->n,
			         (long long)res->ikm_e2, (long long)ikm);
		assert_int_equal(res->mutu, own_grade(ikm));
		assert_string_equal(res->kinerja, own_kinerja(own_grade(ikm)));
	}
	assert_int_equal(res->mean_nrr_e4, round_half_up(mean, 4));

	int nbelow = 0, nweak = 0;

	for (int j = 0; j < k; j++) {
		const struct score_element *e = &res->el[j];
		int64_t eikm;
		int rank = 1;

		assert_int_equal(e->answered, b->nj[j]);
		assert_int_equal(e->sum, b->sj[j]);
		assert_int_equal(e->nrr_e4, round_half_up(nrr[j], 4));
		assert_int_equal(e->nrr_e2, round_half_up(nrr[j], 2));
		mpq_set_ui(t, 25, 1);
		mpq_mul(t, t, nrr[j]);
		eikm = round_half_up(t, 2);
		assert_int_equal(e->ikm_e2, eikm);
		assert_int_equal(e->mutu, own_grade(eikm));
		/* Stable rank: lower NRR first, ties in questionnaire order. */
		for (int l = 0; l < k; l++) {
			int c = mpq_cmp(nrr[l], nrr[j]);

			if (c < 0 || (c == 0 && l < j))
				rank++;
		}
		assert_int_equal(e->rank, rank);
		assert_int_equal(e->lowest3, rank <= 3);
		if (rank <= 3)
			assert_int_equal(res->lowest[rank - 1], j);
		assert_int_equal(e->below_mean, mpq_cmp(nrr[j], mean) < 0);
		if (mpq_cmp(nrr[j], mean) < 0) {
			assert_true(nbelow < res->nbelow);
			assert_int_equal(res->below[nbelow], j);
			nbelow++;
		}
		assert_int_equal(e->weak, own_grade(eikm) >= 'C');
		if (own_grade(eikm) >= 'C') {
			assert_true(nweak < res->nweak);
			assert_int_equal(res->weak[nweak], j);
			nweak++;
		}
	}
	assert_int_equal(res->nbelow, nbelow);
	assert_int_equal(res->nweak, nweak);
	assert_int_equal(res->nlowest, k < 3 ? k : 3);
	(void)in;
	for (int j = 0; j < k; j++)
		mpq_clear(nrr[j]);
	mpq_clears(w, t, ni, mean, NULL);
}

/* IKM of the rows idx[0..m) in double; -1 when an element has no answer. */
static double ikm_of_rows(const struct dataset *d, const int *idx, int m)
{
	double ni = 0;

	for (int j = 0; j < d->k; j++) {
		long s = 0, c = 0;

		for (int r = 0; r < m; r++) {
			uint8_t v = d->v[idx[r]][j];

			if (v) {
				s += v;
				c++;
			}
		}
		if (c == 0)
			return -1;
		ni += (double)d->wnum[j] / (double)d->wsum * (double)s / (double)c;
	}
	return 25 * ni;
}

static int boot_checked;

static void check_ci(int set, const struct dataset *d, const struct instrument *in,
                     const struct score_acc *acc, const struct score_result *res,
                     const struct brute *b)
{
	struct stats_ci ci;
	int idx[MAX_N], m = 0;
	double su2 = 0, se, ikm;

	for (int i = 0; i < d->n; i++) {
		if (counted(d, i))
			idx[m++] = i;
	}
	assert_int_equal((uint64_t)m, b->n);
	stats_ikm_ci(acc, in, res, 0, &ci);
	if (m < 2) {
		assert_int_equal(ci.available, 0);
		return;
	}
	assert_int_equal(ci.available, 1);
	assert_int_equal(ci.fpc, 0);

	/* method.md 5: u_i = 25 sum_j w_j I_ij (y_ij - NRR_j) n / n_j,
	 * Var = sum u_i^2 / (n (n - 1)). */
	for (int r = 0; r < m; r++) {
		double u = 0;

		for (int j = 0; j < d->k; j++) {
			uint8_t v = d->v[idx[r]][j];
			double mj = (double)b->sj[j] / (double)b->nj[j];

			if (v)
				u += (double)d->wnum[j] / (double)d->wsum * (v - mj) * (double)m /
				     (double)b->nj[j];
		}
		u *= 25;
		su2 += u * u;
	}
	se = sqrt(su2 / ((double)m * (m - 1)));
	if (fabs(ci.se - se) > 1e-9 * se + 1e-12)
		fail_msg("set %d: se %.12g, linearisation by hand %.12g", set, ci.se, se);

	/* The interval: IKM -/+ t se, graded, enclosing the result. */
	ikm = ikm_of_rows(d, idx, m);
	testutil_assert_near(ci.t, stats_t_quantile(0.975, m - 1), 0);
	assert_true(ci.low_e2 <= res->ikm_e2 && res->ikm_e2 <= ci.high_e2);
	assert_in_range(ci.low_e2, (int64_t)fmax(2500, floor((ikm - ci.t * se) * 100 + 0.5) - 1),
	                (int64_t)fmax(2500, floor((ikm - ci.t * se) * 100 + 0.5) + 1));
	assert_in_range(ci.high_e2, (int64_t)fmin(10000, floor((ikm + ci.t * se) * 100 + 0.5) - 1),
	                (int64_t)fmin(10000, floor((ikm + ci.t * se) * 100 + 0.5) + 1));
	assert_int_equal(ci.low_mutu, own_grade(ci.low_e2));
	assert_int_equal(ci.high_mutu, own_grade(ci.high_e2));
	assert_int_equal(ci.crosses,
	                 own_grade(ci.low_e2) != res->mutu || own_grade(ci.high_e2) != res->mutu);

	if (m < BOOT_MINN)
		return;
	/* Bootstrap over respondents. */
	{
		double sum = 0, sumsq = 0, mean, sd;
		int got = 0, tries = 0;

		while (got < BOOT_B) {
			int pick[MAX_N];
			double v;

			assert_true(++tries < 4 * BOOT_B);
			for (int r = 0; r < m; r++)
				pick[r] = idx[rnd_below((unsigned)m)];
			v = ikm_of_rows(d, pick, m);
			if (v < 0)
				continue; /* an element lost every answer: redraw */
			sum += v;
			sumsq += v * v;
			got++;
		}
		mean = sum / BOOT_B;
		sd = sqrt(fmax(0, (sumsq - BOOT_B * mean * mean) / (BOOT_B - 1)));
		if (se == 0) {
			testutil_assert_near(sd, 0, 1e-9);
		} else if (fabs(sd / ci.se - 1) > 0.25) {
			fail_msg("set %d (k %d, n %d): bootstrap se %.4f vs linearised %.4f", set,
			         d->k, m, sd, ci.se);
		}
		if (mean < ci.low_e2 / 100.0 - 0.005 || mean > ci.high_e2 / 100.0 + 0.005)
			fail_msg("set %d: bootstrap mean %.4f outside [%lld, %lld]", set, mean,
			         (long long)ci.low_e2, (long long)ci.high_e2);
		boot_checked++;
	}
}

static void test_random_datasets(void **state)
{
	static struct dataset d;
	int computed = 0, refused = 0, weighted = 0;

	(void)state;
	for (int set = 0; set < DATASETS; set++) {
		struct instrument in;
		struct score_result res;
		struct ikm_err err;
		struct brute b;
		struct score_acc *acc;
		int rc;

		make_dataset(&d);
		build_instrument(&d, &in);
		acc = score_acc_new(d.k);
		memset(&b, 0, sizeof(b));
		for (int i = 0; i < d.n; i++) {
			score_acc_add(acc, d.v[i]);
			if (counted(&d, i))
				b.n++;
			for (int j = 0; j < d.k; j++) {
				if (d.v[i][j]) {
					b.nj[j]++;
					b.sj[j] += d.v[i][j];
				}
			}
		}
		b.ok = b.n > 0;
		for (int j = 0; j < d.k; j++) {
			if (b.nj[j] == 0)
				b.ok = 0;
		}
		err_clear(&err);
		rc = score_compute(acc, &in, &res, &err);
		if (!b.ok) {
			/* No respondent, or an element nobody answered. */
			assert_int_equal(rc, -1);
			assert_int_equal(err.kind, IKM_EDATA);
			refused++;
		} else {
			if (rc != 0)
				fail_msg("set %d: %s", set, err.msg);
			check_score(set, &d, &in, &res, &b);
			check_ci(set, &d, &in, acc, &res, &b);
			computed++;
			weighted += d.custom;
		}
		score_acc_free(acc);
	}
	/* The generator must exercise what it claims to. */
	assert_true(computed >= 150);
	assert_true(refused >= 1);
	assert_true(weighted >= 80);
	assert_true(boot_checked >= 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_random_datasets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
