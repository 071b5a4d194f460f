/* Unit tests of src/web/ratelimit.c: the per-address token bucket of the
 * public form and the recent-submission history used for burst flags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ratelimit.h"

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_burst_then_limit(void **state)
{
	struct ratelimit *r = ratelimit_new(10, 20, 64);

	(void)state;
	for (int i = 0; i < 20; i++)
		assert_int_equal(ratelimit_take(r, "10.0.0.1", 100.0), 1);
	assert_int_equal(ratelimit_take(r, "10.0.0.1", 100.0), 0);
	assert_int_equal(ratelimit_take(r, "10.0.0.1", 100.0), 0);
	assert_int_equal(ratelimit_size(r), 1);
	ratelimit_free(r);
}

static void test_refill(void **state)
{
	struct ratelimit *r = ratelimit_new(10, 3, 64); /* one token every 6 s */

	(void)state;
	for (int i = 0; i < 3; i++)
		assert_int_equal(ratelimit_take(r, "a", 0.0), 1);
	assert_int_equal(ratelimit_take(r, "a", 0.0), 0);
	assert_int_equal(ratelimit_take(r, "a", 5.9), 0);
	assert_int_equal(ratelimit_take(r, "a", 6.1), 1);
	assert_int_equal(ratelimit_take(r, "a", 6.2), 0);
	/* A long pause refills the bucket to burst, no more. */
	for (int i = 0; i < 3; i++)
		assert_int_equal(ratelimit_take(r, "a", 1000.0), 1);
	assert_int_equal(ratelimit_take(r, "a", 1000.0), 0);
	/* A clock going back gives nothing. */
	assert_int_equal(ratelimit_take(r, "a", 10.0), 0);
	assert_int_equal(ratelimit_take(r, "a", 1006.1), 1);
	ratelimit_free(r);
}

static void test_disabled(void **state)
{
	struct ratelimit *r = ratelimit_new(0, 2, 8);

	(void)state;
	for (int i = 0; i < 100; i++)
		assert_int_equal(ratelimit_take(r, "a", 1.0), 1);
	/* The history is kept all the same, at most RATELIMIT_RING. */
	assert_int_equal(ratelimit_recent(r, "a", 1.0, 60), RATELIMIT_RING);
	ratelimit_free(r);
}

static void test_addresses_independent(void **state)
{
	struct ratelimit *r = ratelimit_new(60, 2, 64);

	(void)state;
	assert_int_equal(ratelimit_take(r, "10.0.0.1", 0), 1);
	assert_int_equal(ratelimit_take(r, "10.0.0.1", 0), 1);
	assert_int_equal(ratelimit_take(r, "10.0.0.1", 0), 0);
	assert_int_equal(ratelimit_take(r, "10.0.0.2", 0), 1);
	assert_int_equal(ratelimit_take(r, "2001:db8::1", 0), 1);
	assert_int_equal(ratelimit_take(r, "10.0.0.2", 0), 1);
	assert_int_equal(ratelimit_take(r, "10.0.0.2", 0), 0);
	assert_int_equal(ratelimit_take(r, "", 0), 1); /* no address: one shared key */
	assert_int_equal(ratelimit_take(r, NULL, 0), 1);
	assert_int_equal(ratelimit_take(r, NULL, 0), 0);
	assert_int_equal(ratelimit_size(r), 4);
	ratelimit_free(r);
}

static void test_long_address_cut(void **state)
{
	char a[200], b[200];
	struct ratelimit *r = ratelimit_new(60, 1, 16);

	(void)state;
	memset(a, 'x', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memcpy(b, a, sizeof(b));
	b[150] = 'y'; /* differs only past RATELIMIT_ADDR_MAX: the same key */
	assert_int_equal(ratelimit_take(r, a, 0), 1);
	assert_int_equal(ratelimit_take(r, b, 0), 0);
	ratelimit_free(r);
}

static void test_full_evicts_stalest(void **state)
{
	struct ratelimit *r = ratelimit_new(60, 5, 4);
	char name[32];

	(void)state;
	assert_int_equal(ratelimit_take(r, "a", 1), 1);
	assert_int_equal(ratelimit_take(r, "b", 2), 1);
	assert_int_equal(ratelimit_take(r, "c", 3), 1);
	assert_int_equal(ratelimit_take(r, "d", 4), 1);
	assert_int_equal(ratelimit_take(r, "a", 5), 1); /* a is fresh again */
	assert_int_equal(ratelimit_size(r), 4);
	assert_int_equal(ratelimit_take(r, "e", 6), 1);
	assert_int_equal(ratelimit_size(r), 4);
	/* b was the stalest: gone; the others kept. */
	assert_int_equal(ratelimit_recent(r, "b", 6, 60), 0);
	assert_int_equal(ratelimit_recent(r, "a", 6, 60), 2);
	assert_int_equal(ratelimit_recent(r, "c", 6, 60), 1);
	assert_int_equal(ratelimit_recent(r, "d", 6, 60), 1);
	assert_int_equal(ratelimit_recent(r, "e", 6, 60), 1);
	/* Many addresses in a small table: the size never grows. */
	for (int i = 0; i < 10000; i++) {
		snprintf(name, sizeof(name), "10.1.%d.%d", i / 256, i % 256);
		assert_int_equal(ratelimit_take(r, name, 10 + i), 1);
	}
	assert_int_equal(ratelimit_size(r), 4);
	ratelimit_free(r);
}

static void test_big_table_evicts(void **state)
{
	struct ratelimit *r = ratelimit_new(60, 5, 1024);
	char name[32];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		snprintf(name, sizeof(name), "192.168.%d.%d", i / 256, i % 256);
		ratelimit_take(r, name, i);
	}
	assert_true(ratelimit_size(r) <= 1024);
	assert_true(ratelimit_size(r) > 900); /* the probes fill it nearly */
	/* The newest address is there. */
	assert_int_equal(ratelimit_recent(r, name, 5000, 60), 1);
	ratelimit_free(r);
}

static void test_recent_window(void **state)
{
	struct ratelimit *r = ratelimit_new(600, 100, 64);

	(void)state;
	assert_int_equal(ratelimit_recent(r, "a", 0, 60), 0); /* unknown */
	for (int i = 0; i < 5; i++)
		assert_int_equal(ratelimit_take(r, "a", 100 + 10 * i), 1); /* 100..140 */
	assert_int_equal(ratelimit_recent(r, "a", 140, 60), 5);
	assert_int_equal(ratelimit_recent(r, "a", 159, 60), 5);
	assert_int_equal(ratelimit_recent(r, "a", 160, 60), 4); /* 100 is out */
	assert_int_equal(ratelimit_recent(r, "a", 195, 60), 1);
	assert_int_equal(ratelimit_recent(r, "a", 200, 60), 0);
	assert_int_equal(ratelimit_recent(r, "a", 140, 15), 2);
	assert_int_equal(ratelimit_recent(r, "b", 140, 60), 0);
	/* The ring keeps the last RATELIMIT_RING times. */
	for (int i = 0; i < 40; i++)
		ratelimit_take(r, "a", 300 + i * 0.5);
	assert_int_equal(ratelimit_recent(r, "a", 320, 60), RATELIMIT_RING);
	assert_int_equal(ratelimit_recent(r, "a", 320, 2.1), 4); /* 318..319.5 */
	/* Limited takes are not submissions. */
	{
		struct ratelimit *q = ratelimit_new(60, 2, 8);

		for (int i = 0; i < 10; i++)
			ratelimit_take(q, "x", 1);
		assert_int_equal(ratelimit_recent(q, "x", 1, 60), 2);
		ratelimit_free(q);
	}
	ratelimit_free(r);
}

/* ---- threads ------------------------------------------------------------ */

#define NTHREADS 8

struct hammer {
	struct ratelimit *r;
	int fixed_time; /* all at time 0, or on the monotonic clock */
	int iterations;
	long allowed; /* takes allowed for "shared" */
	long own_allowed;
	int id;
};

static void *hammer_run(void *p)
{
	struct hammer *h = p;
	char own[32];

	snprintf(own, sizeof(own), "10.9.0.%d", h->id);
	for (int i = 0; i < h->iterations; i++) {
		double now = h->fixed_time ? 0 : mono();

		h->allowed += ratelimit_take(h->r, "shared", now);
		h->own_allowed += ratelimit_take(h->r, own, now);
		if (i % 64 == 0)
			ratelimit_recent(h->r, "shared", now, 60);
	}
	return NULL;
}

static long hammer(struct ratelimit *r, int fixed_time, int iterations, long *own_total)
{
	pthread_t th[NTHREADS];
	struct hammer h[NTHREADS];
	long total = 0;

	*own_total = 0;
	for (int i = 0; i < NTHREADS; i++) {
		h[i] = (struct hammer){.r = r, .fixed_time = fixed_time, .iterations = iterations};
		h[i].id = i;
		assert_int_equal(pthread_create(&th[i], NULL, hammer_run, &h[i]), 0);
	}
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(th[i], NULL);
		total += h[i].allowed;
		*own_total += h[i].own_allowed;
	}
	return total;
}

static void test_threads_fixed_time(void **state)
{
	struct ratelimit *r = ratelimit_new(60, 50, 1024);
	long own;

	(void)state;
	/* No time passes: exactly burst allowed, however the threads meet. */
	assert_int_equal(hammer(r, 1, 2000, &own), 50);
	assert_int_equal(own, NTHREADS * 50);
	assert_int_equal(ratelimit_recent(r, "shared", 0, 60), RATELIMIT_RING);
	assert_int_equal(ratelimit_size(r), NTHREADS + 1);
	ratelimit_free(r);
}

static void test_threads_clock(void **state)
{
	const double per_minute = 600, burst = 20;
	struct ratelimit *r = ratelimit_new(per_minute, burst, 1024);
	double t0 = mono(), elapsed;
	long total, own;

	(void)state;
	total = hammer(r, 0, 20000, &own);
	elapsed = mono() - t0;
	/* Never more than burst + rate x elapsed, and at least the burst. */
	assert_true(total >= (long)burst);
	assert_true((double)total <= burst + per_minute / 60.0 * elapsed + 1e-9);
	assert_true(own >= NTHREADS * (long)burst);
	assert_true((double)own <= NTHREADS * (burst + per_minute / 60.0 * elapsed) + 1e-9);
	ratelimit_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_burst_then_limit),   cmocka_unit_test(test_refill),
	    cmocka_unit_test(test_disabled),           cmocka_unit_test(test_addresses_independent),
	    cmocka_unit_test(test_long_address_cut),   cmocka_unit_test(test_full_evicts_stalest),
	    cmocka_unit_test(test_big_table_evicts),   cmocka_unit_test(test_recent_window),
	    cmocka_unit_test(test_threads_fixed_time), cmocka_unit_test(test_threads_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
