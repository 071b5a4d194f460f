/* quality: see quality.h. */
#include "quality.h"

unsigned quality_flags(const uint8_t *vals, int k)
{
	int answered = 0, first = 0, same = 1;

	for (int j = 0; j < k; j++) {
		if (vals[j] == 0)
			continue;
		if (answered == 0)
			first = vals[j];
		else if (vals[j] != first)
			same = 0;
		answered++;
	}
	if (answered == 0)
		return QUALITY_EMPTY;
	if (answered < k)
		return QUALITY_PARTIAL | ((same && answered >= 2) ? QUALITY_STRAIGHT : 0);
	return (same && answered >= 2) ? QUALITY_STRAIGHT : 0;
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

static const char *const keys[QUALITY_NFLAGS] = {"straight_lining", "no_answers",
						  "invalid_values", "partial"};
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
