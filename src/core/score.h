/* score: exact IKM arithmetic (PermenPAN-RB 14/2017).
 *
 * A score_acc streams responses: it keeps, for every pair of
 * elements (j, l) with j <= l, a 5x5 table of answer-pair counts (0 =
 * not answered). Those integer tables are the sufficient statistics for the
 * per-element sums, the index and the linearised standard error, so memory
 * does not grow with the number of rows and no floating point is involved.
 * score_compute turns them into rationals (GMP mpq) and rounds half-up only
 * for display; the grade is read from the rounded IKM. */
#ifndef IKM_SCORE_H
#define IKM_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "instrument.h"

struct score_acc;

/* New empty accumulator for k elements (1..INSTR_MAX_ELEMENTS). Caller owns;
 * free with score_acc_free. */
struct score_acc *score_acc_new(int k);
/* Bytes an accumulator for k elements allocates (to bound parallel use). */
size_t score_acc_bytes(int k);
/* Free; NULL is fine. */
void score_acc_free(struct score_acc *acc);
/* Add one response: vals[j] is 1..4, or 0 when element j was not answered.
 * A response with no answer at all is not counted (see quality). */
void score_acc_add(struct score_acc *acc, const uint8_t *vals);
/* Add n identical responses at once (a stored count of one answer
 * pattern); the same as n calls of score_acc_add. */
void score_acc_add_n(struct score_acc *acc, const uint8_t *vals, uint64_t n);
/* Answers packed 3 bits per element (element j in bits 3j..3j+2), for
 * instruments of up to SCORE_PACK_MAX_K elements: the row loop builds this
 * in a register instead of storing and re-reading an array. */
#define SCORE_PACK_MAX_K 21
/* Pack vals[0..k) (each 0..4) into a key. */
uint64_t score_pack(const uint8_t *vals, int k);
/* Add one response given as a packed key (k <= SCORE_PACK_MAX_K; values
 * 0..4; key 0 = nothing answered, not counted). Same as score_acc_add. */
void score_acc_add_packed(struct score_acc *acc, uint64_t key);
/* Add every count of `src` into `dst` (same k). */
void score_acc_merge(struct score_acc *dst, const struct score_acc *src);
/* Number of elements. */
int score_acc_k(const struct score_acc *acc);
/* Respondents counted (responses with at least one answer). */
uint64_t score_acc_respondents(const struct score_acc *acc);
/* Count of responses answering element j with a and element l with b
 * (a, b in 1..4). Symmetric in (j,a),(l,b). For j == l only a == b counts. */
uint64_t score_acc_pair(const struct score_acc *acc, int j, int l, int a, int b);
/* n_j and S_j for element j. */
uint64_t score_acc_answered(const struct score_acc *acc, int j);
uint64_t score_acc_sum(const struct score_acc *acc, int j);

struct score_element {
	uint64_t answered; /* n_j */
	uint64_t sum;      /* S_j */
	int64_t nrr_e4;    /* NRR_j half-up to 4 decimals, x 10^4 */
	int64_t nrr_e2;    /* NRR_j half-up to 2 decimals, x 100 (prose) */
	int64_t ikm_e2;    /* 25 * NRR_j half-up to 2 decimals, x 100 */
	char mutu;         /* grade of ikm_e2 */
	const char *kinerja;
	int rank;       /* 1 = lowest NRR; ties keep questionnaire order */
	int below_mean; /* NRR_j < mean NRR, exactly */
	int lowest3;    /* among the three lowest */
	int weak;       /* graded C or D */
};

struct score_result {
	int k;
	uint64_t respondents;
	struct score_element el[INSTR_MAX_ELEMENTS];
	int64_t ni_e4;       /* NI = sum w_j NRR_j, 4 decimals */
	int64_t ikm_e2;      /* IKM = 25 NI, 2 decimals */
	int64_t mean_nrr_e4; /* unweighted mean of the NRR_j, 4 decimals */
	char mutu;
	const char *kinerja;
	const char *kinerja_en;
	int below[INSTR_MAX_ELEMENTS]; /* element indices below the mean NRR */
	int nbelow;
	int lowest[3]; /* the three lowest, lowest first */
	int nlowest;
	int weak[INSTR_MAX_ELEMENTS]; /* elements graded C or D */
	int nweak;
};

/* Compute the index from `acc` with the weights of `in` (in->k == acc k).
 * Fails with IKM_EDATA when there is no respondent or an element has no
 * answer (the index is then undefined). */
int score_compute(const struct score_acc *acc, const struct instrument *in,
                  struct score_result *res, struct ikm_err *err);

#endif
