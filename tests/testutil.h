/* testutil: tiny helpers shared by the cmocka unit tests. Include after
 * <cmocka.h>. Header-only, every symbol prefixed testutil_. */
#ifndef IKM_TESTUTIL_H
#define IKM_TESTUTIL_H

#include <math.h>

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
