/* sample: see sample.h.
 *
 * S = X2 N P(1-P) / (d^2 (N-1) + X2 P(1-P)) with X2 = 3,841, P = 0,5,
 * d = 0,05. Multiplying through by 4000: S = 3841 N / (10 (N-1) + 3841),
 * rounded half up: floor((2 * 3841 N + den) / (2 den)). */
#include "sample.h"

int64_t sample_krejcie_morgan(int64_t n)
{
	__int128 num, den;

	if (n < 1 || n > SAMPLE_MAX_POPULATION)
		return -1;
	num = (__int128)3841 * n;
	den = (__int128)10 * (n - 1) + 3841;
	return (int64_t)((2 * num + den) / (2 * den));
}
