/* exact: the few rational helpers the core shares (GMP mpq underneath).
 * Rounding is half-up, on exact values, never on binary floating point. */
#ifndef IKM_EXACT_H
#define IKM_EXACT_H

#include <gmp.h>
#include <stdint.h>

/* q = num / den (den > 0), canonicalised. */
void exact_set_ratio(mpq_t q, uint64_t num, uint64_t den);

/* Round q (>= 0 or < 0) half-up (away from zero at .5 for q >= 0; toward
 * +infinity at .5 in general) to `decimals` places and return it scaled by
 * 10^decimals: exact_round(87.875, 2) == 8788. */
int64_t exact_round(const mpq_t q, int decimals);

#endif
