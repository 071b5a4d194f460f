/* testutil: tiny helpers shared by the cmocka unit tests. Include after
 * <cmocka.h>. Header-only, every symbol prefixed testutil_ except
 * assert_contains, named like cmocka's own asserts. */
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
