/* priority: which elements to improve (method.md section 6): those whose NRR
 * is below the mean NRR (exact comparison), the three lowest, and any graded
 * C or D. Ties keep questionnaire order. */
#ifndef IKM_PRIORITY_H
#define IKM_PRIORITY_H

#include "score.h"

/* Fill rank, below_mean, lowest3, weak and the index lists of `res` from its
 * exact per-element sums and counts (every answered count must be >= 1). */
void priority_mark(struct score_result *res);

#endif
