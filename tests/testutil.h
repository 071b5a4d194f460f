/* testutil: tiny helpers shared by the cmocka unit tests. Include after
 * <cmocka.h>. Header-only, every symbol prefixed testutil_ except
 * assert_contains and assert_not_contains, named like cmocka's own
 * asserts. */
#ifndef IKM_TESTUTIL_H
#define IKM_TESTUTIL_H

#include <math.h>
#include <string.h>

/* Fail the current test unless the string hay contains needle. */
#define assert_contains(hay, needle)                                                               \
	do {                                                                                       \
		if (strstr((hay), (needle)) == NULL) {                                             \
			print_error("\"%s\" does not contain \"%s\"\n", (hay), (needle));          \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

/* Fail the current test if the string hay contains needle. */
#define assert_not_contains(hay, needle)                                                           \
	do {                                                                                       \
		if (strstr((hay), (needle)) != NULL) {                                             \
			print_error("\"%.200s\" contains \"%s\"\n", (hay), (needle));              \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

/* Fail the current test unless the string hay starts with want. */
#define testutil_assert_starts(hay, want) assert_int_equal(strncmp((hay), (want), strlen(want)), 0)

/* Occurrences of needle in hay, overlapping ones too. */
static inline int testutil_count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Fail the current test unless each of the n strings want appears in hay,
 * in this order (each after the end of the one before). */
static inline void testutil_assert_in_order(const char *hay, const char *const *want, int n)
{
	const char *at = hay;

	for (int i = 0; i < n; i++) {
		const char *p = strstr(at, want[i]);

		if (p == NULL)
			fail_msg("\"%s\" missing or out of order in:\n%.4000s", want[i], hay);
		at = p + strlen(want[i]);
	}
}

/* Fail the current test unless |a - b| <= tol (cmocka's assert_float_equal
 * works in float, too coarse for quantiles and standard errors). */
#define testutil_assert_near(a, b, tol)                                                            \
	testutil_near((double)(a), (double)(b), (double)(tol), #a, __FILE__, __LINE__)

static inline void testutil_near(double a, double b, double tol, const char *expr, const char *file,
                                 int line)
{
	if (!(fabs(a - b) <= tol)) {
		print_error("%s = %.12g, expected %.12g +- %g\n", expr, a, b, tol);
		_fail(file, line);
	}
}

#endif
