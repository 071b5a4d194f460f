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

void quality_note(struct quality_tally *t, unsigned flags, int file, uint64_t row)
{
	for (int b = 0; b < QUALITY_NFLAGS; b++) {
		if (!(flags & (1u << b)))
			continue;
		t->count[b]++;
		if (t->nrows[b] < QUALITY_KEEP_ROWS) {
			t->rows[b][t->nrows[b]] = row;
			t->files[b][t->nrows[b]] = file;
			t->nrows[b]++;
		}
	}
}

void quality_merge(struct quality_tally *dst, const struct quality_tally *src, uint64_t line_offset)
{
	for (int b = 0; b < QUALITY_NFLAGS; b++) {
		dst->count[b] += src->count[b];
		for (int i = 0; i < src->nrows[b] && dst->nrows[b] < QUALITY_KEEP_ROWS; i++) {
			dst->rows[b][dst->nrows[b]] = src->rows[b][i] + line_offset;
			dst->files[b][dst->nrows[b]] = src->files[b][i];
			dst->nrows[b]++;
		}
	}
}

static const char *const keys[QUALITY_NFLAGS] = {"straight_lining", "no_answers", "invalid_values",
                                                 "partial"};
static const char *const texts[QUALITY_NFLAGS] = {
    "menjawab sama untuk semua unsur (straight-lining)",
    "tidak menjawab satu unsur pun (tidak dihitung)",
    "berisi nilai tidak sah (dilewati dengan --skip-invalid)",
    "tidak menjawab semua unsur",
};

const char *quality_key(int bit)
{
	return (bit >= 0 && bit < QUALITY_NFLAGS) ? keys[bit] : "";
}

const char *quality_text(int bit)
{
	return (bit >= 0 && bit < QUALITY_NFLAGS) ? texts[bit] : "";
}
