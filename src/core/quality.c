/* quality: see quality.h. */
#include "quality.h"

unsigned quality_flags(const uint8_t *vals, int k)
{
	unsigned answered = 0, orv = 0, andv = 0xFF;

	for (int j = 0; j < k; j++) {
		unsigned v = vals[j];

		answered += v != 0;
		orv |= v;
		andv &= v != 0 ? v : 0xFF;
	}
	return quality_flags_summary(answered, orv, andv, k);
}

unsigned quality_flags_summary(unsigned answered, unsigned orv, unsigned andv, int k)
{
	if (answered == 0)
		return QUALITY_EMPTY;
	return (answered < (unsigned)k ? QUALITY_PARTIAL : 0) |
	       ((answered >= 2 && orv == andv) ? QUALITY_STRAIGHT : 0);
}

int quality_bit(enum quality_flag f)
{
	int b = 0;

	while (b < QUALITY_NFLAGS && !((unsigned)f & (1u << b)))
		b++;
	return b;
}

/* Bits set in x, without a libgcc call on CPUs lacking POPCNT. */
static unsigned popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

unsigned quality_flags_packed(uint64_t key, int k)
{
	const uint64_t low = 0x1249249249249249ULL;      /* bit 0 of every 3-bit field */
	uint64_t nz = (key | key >> 1 | key >> 2) & low; /* answered fields */
	uint64_t all = k >= 21 ? 0x7FFFFFFFFFFFFFFFULL : (((uint64_t)1 << (3 * k)) - 1);
	uint64_t orv, andv;
	unsigned answered;

	if (nz == (low & all)) {
		/* Everything answered (the usual row): all equal exactly when
		 * the key repeats its first field. */
		uint64_t same = (key & 7) * (low & all);

		return key == same && k >= 2 ? QUALITY_STRAIGHT : 0;
	}
	orv = key;
	andv = key | ((nz ^ (low & all)) * 7); /* unanswered -> 7 */
	answered = popcount64(nz);

	/* Fold the 21 fields into field 0: OR and AND of all of them (the
	 * AND shifts ones in from the top, where no field is). */
	andv |= ~all;
	for (int sh = 3; sh < 64; sh *= 2) {
		orv |= orv >> sh;
		andv &= andv >> sh | ~(~0ULL >> sh);
	}
	return quality_flags_summary(answered, (unsigned)(orv & 7), (unsigned)(andv & 7), k);
}

/* Keep the row number for each flag whose list is not full yet. */
static void keep_row(struct quality_tally *t, unsigned flags, int file, uint64_t row)
{
	for (int b = 0; b < QUALITY_NFLAGS; b++) {
		if (!(flags & (1u << b)) || t->nrows[b] >= QUALITY_KEEP_ROWS)
			continue;
		t->rows[b][t->nrows[b]] = row;
		t->files[b][t->nrows[b]] = file;
		if (++t->nrows[b] == QUALITY_KEEP_ROWS)
			t->full |= 1u << b;
	}
}

void quality_note(struct quality_tally *t, unsigned flags, int file, uint64_t row)
{
	/* Called for a quarter of all rows on real data (straight-lining):
	 * count without branches, keep rows only while a list has room. */
	for (int b = 0; b < QUALITY_NFLAGS; b++)
		t->count[b] += (flags >> b) & 1;
	if (flags & ~t->full)
		keep_row(t, flags, file, row);
}

void quality_merge(struct quality_tally *dst, const struct quality_tally *src, uint64_t line_offset)
{
	for (int b = 0; b < QUALITY_NFLAGS; b++) {
		dst->count[b] += src->count[b];
		for (int i = 0; i < src->nrows[b] && dst->nrows[b] < QUALITY_KEEP_ROWS; i++) {
			dst->rows[b][dst->nrows[b]] = src->rows[b][i] + line_offset;
			dst->files[b][dst->nrows[b]] = src->files[b][i];
			if (++dst->nrows[b] == QUALITY_KEEP_ROWS)
				dst->full |= 1u << b;
		}
	}
}

static const char *const keys[QUALITY_NFLAGS] = {"straight_lining", "no_answers", "invalid_values",
                                                 "partial", "burst"};
static const char *const texts[QUALITY_NFLAGS] = {
    "menjawab sama untuk semua unsur (straight-lining)",
    "tidak menjawab satu unsur pun (tidak dihitung)",
    "berisi nilai tidak sah (dilewati dengan --skip-invalid)",
    "tidak menjawab semua unsur",
    "dikirim beruntun dari satu alamat",
};

const char *quality_key(int bit)
{
	return (bit >= 0 && bit < QUALITY_NFLAGS) ? keys[bit] : "";
}

const char *quality_text(int bit)
{
	return (bit >= 0 && bit < QUALITY_NFLAGS) ? texts[bit] : "";
}
