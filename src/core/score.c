/* score: see score.h. */
#include "score.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "exact.h"
#include "grade.h"
#include "priority.h"
#include "xalloc.h"

#define CELLS       25  /* 5 x 5 answer-pair cells, value 0 = not answered */
#define BLOCK       3   /* elements per block */
#define CODES       125 /* 5^BLOCK answer patterns of one block */
#define NBLOCKS     ((INSTR_MAX_ELEMENTS + BLOCK - 1) / BLOCK)
#define PCACHE_BITS 12
#define PCACHE      (1u << PCACHE_BITS) /* entries of the pattern cache */

/* Rows are counted per block of three elements: the pattern of each block
 * (diag) and the joint pattern of every pair of blocks (cross). For nine
 * elements that is six increments a row instead of 45 element pairs. The
 * element-pair tables are derived from them when first read (fold).
 *
 * Packed responses (score_acc_add_packed) first go through a small cache
 * of whole answer patterns: survey answers repeat a lot ("all 4"), so most
 * rows only bump a pattern's count, which reaches the blocks once, when
 * the entry is evicted or the tables are read. */
struct score_acc {
	int k, nb;
	uint64_t respondents;
	uint64_t *pkey;   /* pattern cache keys (0 = empty), or NULL */
	uint32_t *pcount; /* rows of that pattern not yet in the blocks */
	uint64_t *diag;   /* nb * CODES */
	uint64_t *cross;  /* nb*(nb-1)/2 * CODES*CODES, block pairs p < q */
	int *pair_index;  /* k*k -> element pair table number, symmetric */
	uint64_t *tab;    /* element pair tables, ntables * CELLS (a cache) */
	int folded;       /* tab reflects diag and cross */
};

static size_t ntables(int k)
{
	return (size_t)k * (size_t)(k + 1) / 2;
}

static size_t ncross(int nb)
{
	return (size_t)nb * (size_t)(nb - 1) / 2;
}

struct score_acc *score_acc_new(int k)
{
	struct score_acc *acc;
	int t = 0;

	if (k < 1 || k > INSTR_MAX_ELEMENTS)
		abort(); /* programmer error: callers bound k by the instrument */
	acc = xcalloc(1, sizeof(*acc));
	acc->k = k;
	acc->nb = (k + BLOCK - 1) / BLOCK;
	acc->diag = xcalloc((size_t)acc->nb * CODES, sizeof(uint64_t));
	acc->cross = xcalloc(ncross(acc->nb) * CODES * CODES, sizeof(uint64_t));
	acc->pair_index = xcalloc((size_t)k * (size_t)k, sizeof(int));
	for (int j = 0; j < k; j++) {
		for (int l = j; l < k; l++) {
			acc->pair_index[j * k + l] = t;
			acc->pair_index[l * k + j] = t;
			t++;
		}
	}
	acc->tab = xcalloc(ntables(k) * CELLS, sizeof(uint64_t));
	if (k <= SCORE_PACK_MAX_K) {
		acc->pkey = xcalloc(PCACHE, sizeof(uint64_t));
		acc->pcount = xcalloc(PCACHE, sizeof(uint32_t));
	}
	acc->folded = 1;
	return acc;
}

size_t score_acc_bytes(int k)
{
	int nb = (k + BLOCK - 1) / BLOCK;

	return sizeof(struct score_acc) + (size_t)nb * CODES * sizeof(uint64_t) +
	       ncross(nb) * CODES * CODES * sizeof(uint64_t) + (size_t)k * (size_t)k * sizeof(int) +
	       ntables(k) * CELLS * sizeof(uint64_t) +
	       (k <= SCORE_PACK_MAX_K ? PCACHE * (sizeof(uint64_t) + sizeof(uint32_t)) : 0);
}

void score_acc_free(struct score_acc *acc)
{
	if (acc == NULL)
		return;
	free(acc->diag);
	free(acc->cross);
	free(acc->pkey);
	free(acc->pcount);
	free(acc->pair_index);
	free(acc->tab);
	free(acc);
}

/* Block patterns of one response. Returns 0 when nothing was answered. */
static unsigned block_codes(const struct score_acc *acc, const uint8_t *vals, unsigned *code)
{
	unsigned any = 0, over = 0;
	const int k = acc->k;

	for (int p = 0; p < acc->nb; p++) {
		int j = p * BLOCK;
		unsigned c = vals[j] * 25u;

		over |= vals[j] > INSTR_OPTIONS;
		if (j + 1 < k) {
			c += vals[j + 1] * 5u;
			over |= vals[j + 1] > INSTR_OPTIONS;
		}
		if (j + 2 < k) {
			c += vals[j + 2];
			over |= vals[j + 2] > INSTR_OPTIONS;
		}
		code[p] = c;
		any |= c;
	}
	/* A value above 4 would index past its table: a programmer error
	 * (callers validate input), never a silent write. */
	if (over)
		abort();
	return any;
}

/* Add n responses with these block patterns to the block tables. */
static void add_codes(struct score_acc *acc, const unsigned *code, uint64_t n)
{
	uint64_t *cross = acc->cross;

	for (int p = 0; p < acc->nb; p++) {
		acc->diag[p * CODES + code[p]] += n;
		for (int q = p + 1; q < acc->nb; q++) {
			cross[code[p] * CODES + code[q]] += n;
			cross += CODES * CODES;
		}
	}
}

/* Move the count of pattern cache entry h into the block tables. */
static void flush_entry(struct score_acc *acc, unsigned h)
{
	uint8_t vals[INSTR_MAX_ELEMENTS];
	unsigned code[NBLOCKS];
	uint64_t key = acc->pkey[h];

	for (int j = 0; j < acc->k; j++)
		vals[j] = (uint8_t)((key >> (3 * j)) & 7);
	block_codes(acc, vals, code);
	add_codes(acc, code, acc->pcount[h]);
	acc->pkey[h] = 0;
	acc->pcount[h] = 0;
}

static void flush_all(struct score_acc *acc)
{
	if (acc->pkey == NULL)
		return;
	for (unsigned h = 0; h < PCACHE; h++)
		if (acc->pkey[h] != 0)
			flush_entry(acc, h);
}

void score_acc_add(struct score_acc *acc, const uint8_t *vals)
{
	unsigned code[NBLOCKS];

	if (block_codes(acc, vals, code) == 0)
		return;
	acc->respondents++;
	acc->folded = 0;
	add_codes(acc, code, 1);
}

void score_acc_add_n(struct score_acc *acc, const uint8_t *vals, uint64_t n)
{
	unsigned code[NBLOCKS];

	if (n == 0 || block_codes(acc, vals, code) == 0)
		return;
	acc->respondents += n;
	acc->folded = 0;
	add_codes(acc, code, n);
}

uint64_t score_pack(const uint8_t *vals, int k)
{
	uint64_t key = 0;

	if (k > SCORE_PACK_MAX_K)
		abort(); /* programmer error: check k first */
	for (int j = 0; j < k; j++)
		key |= (uint64_t)vals[j] << (3 * j);
	return key;
}

void score_acc_add_packed(struct score_acc *acc, uint64_t key)
{
	unsigned h;

	/* Any 3-bit field above 4 (5, 6 or 7 has bit 2 and another bit set),
	 * or a field beyond k, is a programmer error, as in block_codes. */
	if (acc->pkey == NULL || (key & (key << 1 | key << 2) & 0x4924924924924924ULL) != 0 ||
	    (key >> (3 * acc->k)) != 0)
		abort();
	if (key == 0)
		return;
	acc->respondents++;
	acc->folded = 0;
	h = (unsigned)((key * 0x9E3779B97F4A7C15ULL) >> (64 - PCACHE_BITS));
	if (acc->pkey[h] == key) {
		if (++acc->pcount[h] == UINT32_MAX)
			flush_entry(acc, h);
		return;
	}
	if (acc->pkey[h] != 0)
		flush_entry(acc, h);
	acc->pkey[h] = key;
	acc->pcount[h] = 1;
}

/* Digit x (0..2) of a block pattern: the value of element BLOCK*p + x. */
static unsigned digit(unsigned code, int x)
{
	return x == 0 ? code / 25 : x == 1 ? (code / 5) % 5 : code % 5;
}

static int block_size(const struct score_acc *acc, int p)
{
	int left = acc->k - p * BLOCK;

	return left < BLOCK ? left : BLOCK;
}

/* Rebuild the element pair tables from the block counts. */
static void fold(struct score_acc *acc)
{
	const uint64_t *cross = acc->cross;

	memset(acc->tab, 0, ntables(acc->k) * CELLS * sizeof(uint64_t));
	for (int p = 0; p < acc->nb; p++) {
		int sp = block_size(acc, p);

		for (unsigned c = 0; c < CODES; c++) {
			uint64_t n = acc->diag[p * CODES + c];

			if (n == 0)
				continue;
			for (int x = 0; x < sp; x++) {
				for (int y = x; y < sp; y++) {
					int t = acc->pair_index[(p * BLOCK + x) * acc->k +
					                        p * BLOCK + y];

					acc->tab[(size_t)t * CELLS + digit(c, x) * 5 +
					         digit(c, y)] += n;
				}
			}
		}
		for (int q = p + 1; q < acc->nb; q++) {
			int sq = block_size(acc, q);

			for (unsigned c1 = 0; c1 < CODES; c1++) {
				for (unsigned c2 = 0; c2 < CODES; c2++) {
					uint64_t n = cross[c1 * CODES + c2];

					if (n == 0)
						continue;
					for (int x = 0; x < sp; x++) {
						const int *row =
						    acc->pair_index + (p * BLOCK + x) * acc->k;
						unsigned dx = digit(c1, x) * 5;

						for (int y = 0; y < sq; y++)
							acc->tab[(size_t)row[q * BLOCK + y] *
							             CELLS +
							         dx + digit(c2, y)] += n;
					}
				}
			}
			cross += CODES * CODES;
		}
	}
	acc->folded = 1;
}

/* The element pair tables, folded on first read. The accumulator is
 * logically const here: only the cache changes (not thread-safe). */
static const uint64_t *tables(const struct score_acc *acc)
{
	if (!acc->folded) {
		flush_all((struct score_acc *)acc);
		fold((struct score_acc *)acc);
	}
	return acc->tab;
}

void score_acc_merge(struct score_acc *dst, const struct score_acc *src)
{
	size_t nd = (size_t)dst->nb * CODES;
	size_t nc = ncross(dst->nb) * CODES * CODES;

	if (dst->k != src->k)
		abort();
	/* src is logically const: moving its pattern cache into its own
	 * blocks changes no count it reports. */
	flush_all((struct score_acc *)src);
	dst->respondents += src->respondents;
	for (size_t i = 0; i < nd; i++)
		dst->diag[i] += src->diag[i];
	for (size_t i = 0; i < nc; i++)
		dst->cross[i] += src->cross[i];
	dst->folded = 0;
}

int score_acc_k(const struct score_acc *acc)
{
	return acc->k;
}

uint64_t score_acc_respondents(const struct score_acc *acc)
{
	return acc->respondents;
}

uint64_t score_acc_pair(const struct score_acc *acc, int j, int l, int a, int b)
{
	const uint64_t *t = tables(acc) + (size_t)acc->pair_index[j * acc->k + l] * CELLS;

	if (j == l)
		return a == b ? t[a * 5 + a] : 0;
	/* The table of (j,l) is stored with the smaller index first. */
	return j < l ? t[a * 5 + b] : t[b * 5 + a];
}

uint64_t score_acc_answered(const struct score_acc *acc, int j)
{
	uint64_t n = 0;

	for (int a = 1; a <= 4; a++)
		n += score_acc_pair(acc, j, j, a, a);
	return n;
}

uint64_t score_acc_sum(const struct score_acc *acc, int j)
{
	uint64_t s = 0;

	for (int a = 1; a <= 4; a++)
		s += (uint64_t)a * score_acc_pair(acc, j, j, a, a);
	return s;
}

int score_compute(const struct score_acc *acc, const struct instrument *in,
                  struct score_result *res, struct ikm_err *err)
{
	mpq_t nrr, w, term, ni, ikm;
	const struct grade *g;

	memset(res, 0, sizeof(*res));
	if (in->k != acc->k)
		return err_set(err, IKM_EUSAGE,
		               "jumlah unsur tidak cocok / element count mismatch");
	res->k = in->k;
	res->respondents = acc->respondents;
	if (acc->respondents == 0)
		return err_set(err, IKM_EDATA,
		               "tidak ada responden yang menjawab satu unsur pun; IKM tidak dapat "
		               "dihitung / no respondent answered any element");
	for (int j = 0; j < in->k; j++) {
		res->el[j].answered = score_acc_answered(acc, j);
		res->el[j].sum = score_acc_sum(acc, j);
		if (res->el[j].answered == 0)
			return err_set(
			    err, IKM_EDATA,
			    "unsur %s (%s) tidak dijawab oleh satu responden pun; IKM tidak "
			    "dapat dihitung. Periksa kolomnya, atau hilangkan unsur itu "
			    "dengan --elements / element %s has no answer",
			    in->el[j].code, in->el[j].name, in->el[j].code);
	}
	mpq_inits(nrr, w, term, ni, ikm, NULL);
	for (int j = 0; j < in->k; j++) {
		struct score_element *e = &res->el[j];

		exact_set_ratio(nrr, e->sum, e->answered);
		e->nrr_e4 = exact_round(nrr, 4);
		e->nrr_e2 = exact_round(nrr, 2);
		mpq_set_ui(term, 25, 1);
		mpq_mul(term, term, nrr);
		e->ikm_e2 = exact_round(term, 2);
		g = grade_of(e->ikm_e2);
		e->mutu = g->mutu;
		e->kinerja = g->kinerja;
		exact_set_ratio(w, (uint64_t)in->el[j].w_num, (uint64_t)in->el[j].w_den);
		mpq_mul(term, w, nrr);
		mpq_add(ni, ni, term);
	}
	res->ni_e4 = exact_round(ni, 4);
	mpq_set_ui(term, 25, 1);
	mpq_mul(ikm, ni, term);
	res->ikm_e2 = exact_round(ikm, 2);
	g = grade_of(res->ikm_e2);
	res->mutu = g->mutu;
	res->kinerja = g->kinerja;
	res->kinerja_en = g->kinerja_en;
	mpq_clears(nrr, w, term, ni, ikm, NULL);
	priority_mark(res);
	return 0;
}
