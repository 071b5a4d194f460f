/* setupcheck: the checks of what the console's setup pages take (dates,
 * counts, names and texts, element codes) — pure, and each refusal a
 * message in Bahasa Indonesia that can stand next to the field it is
 * about (IKM_EUSAGE, or IKM_ELIMIT past a length). */
#ifndef IKM_SETUPCHECK_H
#define IKM_SETUPCHECK_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "instrument.h"
#include "store.h"

#define SETUPCHECK_POPULATION_MAX 1000000000LL /* named limit: a population, 10^9 */

/* "2026-01-31" (a day that exists, years 1900..2999) into *day
 * (yyyymmdd). */
int setupcheck_date(const char *s, int32_t *day, struct ikm_err *err);

/* A slug (store_slug_ok) for a new unit, service or period, trimmed,
 * into out. */
int setupcheck_slug(const char *s, char out[STORE_SLUG_MAX + 1], struct ikm_err *err);

/* A whole number 1..max: digits, optionally grouped by thousands dots
 * ("1.500"), spaces around ignored. */
int setupcheck_count(const char *s, int64_t max, int64_t *n, struct ikm_err *err);

enum setupcheck_lines {
	SETUPCHECK_LINE,  /* one line: a line break is refused */
	SETUPCHECK_FLAT,  /* line breaks and tabs become spaces (a question) */
	SETUPCHECK_PROSE, /* line breaks kept (a paragraph) */
};

/* Copy s (NULL: "") into out[size], trimmed, with its line breaks as
 * `lines` says; refused when not clean UTF-8, when empty and required,
 * or longer than max bytes (max < size). */
int setupcheck_text(const char *s, enum setupcheck_lines lines, int required, size_t max, char *out,
                    size_t size, struct ikm_err *err);

/* The code of a new element for `in`: "U10".."U99" (a lower-case u is
 * raised), not the code of an element it has. Written to out[16]. */
int setupcheck_code(const char *s, const struct instrument *in, char out[16], struct ikm_err *err);

#endif
