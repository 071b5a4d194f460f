/* Unit tests of src/io/csv.c: rows that straddle the internal buffer
 * refill, from generated inputs in memory, hand-placed rows at the exact
 * boundary, a regular file, a pipe written in odd chunks and a pipe that
 * delivers one byte at a time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csv.h"
#include "csvtest.h"
#include "err.h"
#include "table.h"
#include "testutil.h"

/* Deterministic generator (xorshift). */
static uint32_t rnd(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

static const char *const terms[3] = {"\n", "\r\n", "\r"};

/* Build a CSV input of at least `target` bytes and the rows a correct
 * reader returns for it (in csvtest_drain()'s format). Rows mix plain fields,
 * quoted fields with delimiters, doubled quotes and every kind of line
 * break, literal quotes inside unquoted fields, empty lines, all three
 * row terminators and an occasional very long row. */
static void generate(struct csvtest_buf *in, struct csvtest_buf *expect, size_t target,
                     uint32_t seed, int allow_long)
{
	uint64_t line = 1;
	uint32_t s = seed;
	int prev_cr = 0; /* the previous row ended with a lone CR */
	int long_rows = 0;

	csvtest_buf_str(in, "no,teks,kutip,angka\n");
	csvtest_buf_str(expect, "1:no|teks|kutip|angka\n");
	line = 2;
	for (unsigned row = 1; in->len < target; row++) {
		unsigned nf = 1 + rnd(&s) % 6;
		uint64_t start = line;
		struct csvtest_buf exp = {0};
		int last = (in->len + 4096 >= target);

		if (rnd(&s) % 13 == 0) { /* an empty line */
			csvtest_buf_str(in, prev_cr ? "\r" : "\n");
			line++;
			continue;
		}
		csvtest_buf_fmt(in, "%u", row);
		csvtest_buf_fmt(&exp, "%u", row);
		for (unsigned f = 1; f < nf; f++) {
			unsigned kind = rnd(&s) % 8;
			unsigned len = rnd(&s) % 40;

			csvtest_buf_str(in, ",");
			csvtest_buf_str(&exp, "|");
			if (kind == 0 && allow_long && long_rows < 3 && rnd(&s) % 50 == 0) {
				/* A long quoted field with breaks, near the limit. */
				size_t big = (size_t)(TABLE_MAX_ROW_BYTES / 2) +
				             rnd(&s) % (TABLE_MAX_ROW_BYTES / 3);

				long_rows++;
				csvtest_buf_str(in, "\"");
				for (size_t i = 0; i < big; i++) {
					char c = (char)('a' + (i % 26));

					if (i % 997 == 996) {
						csvtest_buf_str(in, "\n");
						csvtest_buf_str(&exp, "\\n");
						line++;
						continue;
					}
					csvtest_buf_add(in, &c, 1);
					csvtest_buf_add(&exp, &c, 1);
				}
				csvtest_buf_str(in, "\"");
			} else if (kind <= 2) { /* quoted, with everything */
				csvtest_buf_str(in, "\"");
				for (unsigned i = 0; i < len; i++) {
					unsigned c = rnd(&s) % 10;

					if (c == 0) {
						csvtest_buf_str(in, "\"\"");
						csvtest_buf_str(&exp, "\"");
					} else if (c == 1) {
						csvtest_buf_str(in, ",");
						csvtest_buf_str(&exp, ",");
					} else if (c == 2) {
						/* a break, always followed by a letter so
						 * that a lone CR is not read as CRLF */
						const char *t = terms[rnd(&s) % 3];

						csvtest_buf_str(in, t);
						csvtest_buf_str(in, "k");
						csvtest_put_field(&exp, t, strlen(t));
						csvtest_buf_str(&exp, "k");
						line++;
					} else {
						char ch = (char)('A' + c);

						csvtest_buf_add(in, &ch, 1);
						csvtest_buf_add(&exp, &ch, 1);
					}
				}
				csvtest_buf_str(in, "\"");
			} else if (kind == 3) { /* a literal quote inside */
				csvtest_buf_str(in, "5\" x");
				csvtest_buf_str(&exp, "5\" x");
			} else { /* plain */
				for (unsigned i = 0; i < len; i++) {
					char ch = (char)('a' + rnd(&s) % 26);

					csvtest_buf_add(in, &ch, 1);
					csvtest_buf_add(&exp, &ch, 1);
				}
			}
		}
		csvtest_buf_fmt(expect, "%llu:", (unsigned long long)start);
		csvtest_buf_add(expect, exp.s, exp.len);
		csvtest_buf_str(expect, "\n");
		csvtest_buf_free(&exp);
		if (last && rnd(&s) % 2 == 0) /* final row without a newline */
			break;
		{
			unsigned t = rnd(&s) % 3;

			/* A row ending "...\r" followed by an empty line "\n"
			 * would be one CRLF: empty lines after CR use CR. */
			csvtest_buf_str(in, terms[t]);
			prev_cr = (t == 2);
			line++;
		}
	}
}

/* Parse from memory and compare with the expected rows. */
static void check_generated_mem(const struct csvtest_buf *in, const struct csvtest_buf *expect)
{
	struct csvtest_buf out = {0};
	struct ikm_err err;
	int rc = csvtest_parse_mem(in->s, in->len, &out, NULL, &err);

	if (rc != 0) {
		print_error("parse failed: %s\n", err.msg);
		fail();
	}
	assert_int_equal(out.len, expect->len);
	assert_memory_equal(out.s, expect->s, expect->len);
	csvtest_buf_free(&out);
}

static void test_refill_boundary_mem(void **state)
{
	(void)state;
	for (uint32_t seed = 1; seed <= 4; seed++) {
		struct csvtest_buf in = {0}, expect = {0};

		generate(&in, &expect, (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES + seed * 300001u,
		         seed * 2654435761u, 1);
		assert_true(in.len > (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES);
		check_generated_mem(&in, &expect);
		csvtest_buf_free(&in);
		csvtest_buf_free(&expect);
	}
}

/* Hand-placed rows straddling the first refill boundary of a memory
 * source: the first read fills the whole buffer (TABLE_MAX_ROW_BYTES plus
 * a 256 KiB chunk), so rows around that offset are split. */
static void test_refill_boundary_exact(void **state)
{
	const size_t cap = TABLE_MAX_ROW_BYTES + (256u << 10);
	static const char *const tails[] = {
	    "\"q,\"\"x\"\"\ny\"\r\n", /* quoted with a break */
	    "\"ab\"\r\n",             /* quoted, CRLF */
	    "plain\r\n",              /* CRLF split between CR and LF */
	    "plain\r",                /* lone CR at the boundary */
	    "\"\"\"\"\n",             /* doubled quotes at the boundary */
	    "\"x\r\ny\"\r",           /* CR inside and after quotes */
	    "\"x\ry\"\r\r",           /* lone CR inside quotes, empty line */
	};

	(void)state;
	for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
		for (size_t shift = 0; shift < strlen(tails[t]) + 4; shift++) {
			struct csvtest_buf in = {0}, ref = {0}, want = {0}, got = {0};
			struct ikm_err err;
			const char *p, *q;

			/* Header and filler rows of 'f' (each under the row
			 * limit) end `shift` bytes before the buffer boundary;
			 * then the row "T,<tail>" and two more rows. The
			 * reference has the same rows with one 'f' each. */
			csvtest_buf_str(&in, "a,b\n");
			csvtest_buf_str(&ref, "a,b\n");
			while (in.len < cap - shift) {
				size_t left = cap - shift - in.len;
				size_t f = left > 70000 ? 65536 : left - 3; /* "1," f "\n" */
				static char tmp[65536];

				memset(tmp, 'f', f);
				csvtest_buf_str(&in, "1,");
				csvtest_buf_add(&in, tmp, f);
				csvtest_buf_str(&in, "\n");
				csvtest_buf_str(&ref, "1,f\n");
			}
			assert_int_equal(in.len, cap - shift);
			csvtest_buf_str(&in, "T,");
			csvtest_buf_str(&ref, "T,");
			csvtest_buf_str(&in, tails[t]);
			csvtest_buf_str(&ref, tails[t]);
			csvtest_buf_str(&in, "3,\"z\"\n4,w");
			csvtest_buf_str(&ref, "3,\"z\"\n4,w");
			if (csvtest_parse_mem(ref.s, ref.len, &want, NULL, &err) != 0 ||
			    csvtest_parse_mem(in.s, in.len, &got, NULL, &err) != 0) {
				print_error("parse failed (tail %zu, shift %zu): %s\n", t, shift,
				            err.msg);
				fail();
			}
			/* Compare everything from the tail row on. */
			p = strstr(got.s, ":T|");
			q = strstr(want.s, ":T|");
			assert_non_null(p);
			assert_non_null(q);
			while (p > got.s && p[-1] != '\n')
				p--;
			while (q > want.s && q[-1] != '\n')
				q--;
			assert_string_equal(p, q);
			assert_memory_equal(got.s, "1:a|b\n2:1|fff", 13);
			/* Through a regular file: a quoted row with a doubled
			 * quote and a line break across the boundary. */
			if (t == 0 && shift % 2 == 0) {
				struct csvtest_buf viafile = {0};
				struct csv_reader *r = NULL;
				int fd = csvtest_temp_file(&in);

				assert_int_equal(csv_open_fd(fd, 1, "uji.csv", &r, &err), 0);
				assert_int_equal(csvtest_drain(r, &viafile, &err), 0);
				csv_close(r);
				assert_int_equal(viafile.len, got.len);
				assert_memory_equal(viafile.s, got.s, got.len);
				csvtest_buf_free(&viafile);
			}
			csvtest_buf_free(&in);
			csvtest_buf_free(&ref);
			csvtest_buf_free(&want);
			csvtest_buf_free(&got);
		}
	}
}

static void test_refill_boundary_file(void **state)
{
	(void)state;
	for (uint32_t seed = 11; seed <= 12; seed++) {
		struct csvtest_buf in = {0}, expect = {0}, out = {0};
		struct csv_reader *r = NULL;
		struct ikm_err err;
		int fd;

		generate(&in, &expect, (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES + 777777u,
		         seed * 40503u, 1);
		fd = csvtest_temp_file(&in);
		assert_int_equal(csv_open_fd(fd, 1, "uji.csv", &r, &err), 0);
		if (csvtest_drain(r, &out, &err) != 0) {
			print_error("parse failed: %s\n", err.msg);
			fail();
		}
		csv_close(r); /* closes fd */
		assert_int_equal(out.len, expect.len);
		assert_memory_equal(out.s, expect.s, expect.len);
		csvtest_buf_free(&in);
		csvtest_buf_free(&expect);
		csvtest_buf_free(&out);
	}
}

/* A writer thread for a pipe: `chunk` bytes per write (cycling through a
 * few odd sizes when chunk == 0, through small ones when SMALL_ODD),
 * sleeping `nap_ns` between writes. */
#define SMALL_ODD ((size_t)-1)
struct writer {
	int fd;
	const char *s;
	size_t len;
	size_t chunk;
	long nap_ns;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	static const size_t odd[] = {4093, 1, 65536, 7, 100003, 2, 33333};
	static const size_t small[] = {1, 2, 3, 5, 7, 11, 13, 1, 1};
	size_t off = 0, k = 0;

	while (off < w->len) {
		size_t n = w->chunk == SMALL_ODD ? small[k++ % (sizeof(small) / sizeof(small[0]))]
		           : w->chunk            ? w->chunk
		                                 : odd[k++ % (sizeof(odd) / sizeof(odd[0]))];
		ssize_t got;

		if (n > w->len - off)
			n = w->len - off;
		got = write(w->fd, w->s + off, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break; /* reader gone */
		off += (size_t)got;
		if (w->nap_ns > 0) {
			struct timespec ts = {0, w->nap_ns};

			nanosleep(&ts, NULL);
		}
	}
	close(w->fd);
	return NULL;
}

/* Parse `in` through a pipe fed by a writer thread. */
static int parse_pipe(const char *s, size_t len, size_t chunk, long nap_ns, struct csvtest_buf *out,
                      struct ikm_err *err)
{
	struct writer w;
	struct csv_reader *r = NULL;
	pthread_t th;
	int p[2];
	int rc;

	assert_int_equal(pipe(p), 0);
	w.fd = p[1];
	w.s = s;
	w.len = len;
	w.chunk = chunk;
	w.nap_ns = nap_ns;
	assert_int_equal(pthread_create(&th, NULL, writer_main, &w), 0);
	err_clear(err);
	assert_int_equal(csv_open_fd(p[0], 0, "uji.csv", &r, err), 0);
	rc = csvtest_drain(r, out, err);
	csv_close(r);
	close(p[0]); /* not owned by the reader */
	pthread_join(th, NULL);
	return rc;
}

static void test_refill_boundary_pipe(void **state)
{
	struct csvtest_buf in = {0}, expect = {0}, out = {0};
	struct ikm_err err;

	(void)state;
	generate(&in, &expect, (size_t)(256u << 10) + TABLE_MAX_ROW_BYTES + 500000u, 99u, 1);
	if (parse_pipe(in.s, in.len, 0, 0, &out, &err) != 0) {
		print_error("parse failed: %s\n", err.msg);
		fail();
	}
	assert_int_equal(out.len, expect.len);
	assert_memory_equal(out.s, expect.s, expect.len);
	csvtest_buf_free(&in);
	csvtest_buf_free(&expect);
	csvtest_buf_free(&out);
}

static void test_slow_pipe(void **state)
{
	static const char in[] = "\xEF\xBB\xBFNo;\"Jenis; Layanan\";U1;Saran\r\n"
				 "1;\"Akta \"\"Kelahiran\"\"\";4;\"Bagus\r\nsekali\"\r\n"
				 "\r\n"
				 "2;KTP;3;\"a;b\"\n"
				 "3;KK;\"2\";\"\"\r"
				 "4;5\" x;1;\"baris\rbaru\"\r"
				 "5;\"\";4;\"\"\"\"";
	static const char expect[] = "1:No|Jenis; Layanan|U1|Saran\n"
				     "2:1|Akta \"Kelahiran\"|4|Bagus\\r\\nsekali\n"
				     "5:2|KTP|3|a;b\n"
				     "6:3|KK|2|\n"
				     "7:4|5\" x|1|baris\\rbaru\n"
				     "9:5||4|\"\n";
	struct csvtest_buf mem = {0}, out = {0};
	struct ikm_err err;

	(void)state;
	assert_int_equal(csvtest_parse_mem(in, sizeof(in) - 1, &mem, NULL, &err), 0);
	assert_string_equal(mem.s, expect);
	/* One byte per write, with a pause so the reader sees them singly. */
	assert_int_equal(parse_pipe(in, sizeof(in) - 1, 1, 20000, &out, &err), 0);
	assert_string_equal(out.s, expect);
	csvtest_buf_free(&mem);
	csvtest_buf_free(&out);
	/* A larger input in writes of 1 to 13 bytes, no pause: rows straddle
	 * wherever the reader's reads happen to end. */
	{
		struct csvtest_buf big = {0}, want = {0};

		generate(&big, &want, 150000, 4242u, 0);
		assert_int_equal(parse_pipe(big.s, big.len, SMALL_ODD, 0, &out, &err), 0);
		assert_int_equal(out.len, want.len);
		assert_memory_equal(out.s, want.s, want.len);
		csvtest_buf_free(&big);
		csvtest_buf_free(&want);
		csvtest_buf_free(&out);
	}
	/* An unterminated quote through a slow pipe names the row's line. */
	{
		static const char bad[] = "a,b\n1,2\n2,\"open\nstill open\n";

		assert_int_equal(parse_pipe(bad, sizeof(bad) - 1, 1, 5000, &out, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
		assert_contains(err.msg, "baris 3");
		csvtest_buf_free(&out);
	}
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN); /* a pipe writer must outlive an early reader exit */
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_refill_boundary_mem),
	    cmocka_unit_test(test_refill_boundary_exact),
	    cmocka_unit_test(test_refill_boundary_file),
	    cmocka_unit_test(test_refill_boundary_pipe),
	    cmocka_unit_test(test_slow_pipe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
