/* sample: the Krejcie & Morgan (1970) minimum sample for a population N, as
 * PermenPAN-RB 14/2017 prescribes, computed exactly in integers with
 * half-up rounding (ceiling does not reproduce the published table). */
#ifndef IKM_SAMPLE_H
#define IKM_SAMPLE_H

#include <stdint.h>

#define SAMPLE_MAX_POPULATION 1000000000000LL /* named limit: 10^12 */

/* Minimum respondents for population n (1 <= n <= SAMPLE_MAX_POPULATION);
 * returns -1 for a population outside that range. */
int64_t sample_krejcie_morgan(int64_t n);

#endif
