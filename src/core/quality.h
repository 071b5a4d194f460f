/* quality: response-quality flags (method.md section 5). Flags are for staff
 * to review; nothing is deleted because of them. A tally keeps counts and
 * the first QUALITY_KEEP_ROWS row numbers per flag, so memory stays bounded. */
#ifndef IKM_QUALITY_H
#define IKM_QUALITY_H

#include <stdint.h>

enum quality_flag {
	QUALITY_STRAIGHT = 1 << 0, /* every answer equal (>= 2 answered) */
	QUALITY_EMPTY = 1 << 1,    /* no element answered */
	QUALITY_INVALID = 1 << 2,  /* a value out of range or unreadable */
	QUALITY_PARTIAL = 1 << 3,  /* some, not all, elements answered */
	QUALITY_BURST = 1 << 4,    /* one of >= 5 web submissions from one address in 60 s */
};

#define QUALITY_NFLAGS    5
#define QUALITY_KEEP_ROWS 20 /* named limit: row numbers kept per flag */

struct quality_tally {
	uint64_t count[QUALITY_NFLAGS];
	int nrows[QUALITY_NFLAGS];
	uint64_t rows[QUALITY_NFLAGS][QUALITY_KEEP_ROWS];
	int files[QUALITY_NFLAGS][QUALITY_KEEP_ROWS]; /* index of the file */
	unsigned full; /* flags whose row list is full (only counted now) */
};

/* Flags of one response: vals[j] in 0..4 (0 = not answered), k elements. */
unsigned quality_flags(const uint8_t *vals, int k);

/* The same flags from a summary of the answers: how many of k were
 * answered, and the bitwise OR and AND of the answered values (AND starts
 * from 0xFF). The answered values are all equal exactly when OR == AND. */
unsigned quality_flags_summary(unsigned answered, unsigned orv, unsigned andv, int k);

/* The same flags for k <= 21 answers packed 3 bits each (element j in
 * bits 3j..3j+2, 0 = not answered), as score_pack packs them. */
unsigned quality_flags_packed(uint64_t key, int k);

/* Record the flags of the response at (file index, row). */
void quality_note(struct quality_tally *t, unsigned flags, int file, uint64_t row);

/* Add src into dst (src's rows come after dst's, each moved by
 * line_offset, as when src tallied a later part of the same file). */
void quality_merge(struct quality_tally *dst, const struct quality_tally *src,
                   uint64_t line_offset);

/* Bit number 0..QUALITY_NFLAGS-1 of a single flag. */
int quality_bit(enum quality_flag f);

/* Machine key of a flag bit ("straight_lining"), and Indonesian text. */
const char *quality_key(int bit);
const char *quality_text(int bit);

#endif
