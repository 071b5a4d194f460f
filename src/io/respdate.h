/* respdate: the survey dates of a respondent profile — the date formats
 * data files carry, read into the earliest and latest day seen. Used by
 * respondent.c; no allocation.
 *
 * Read: YYYY-MM-DD and YYYY/MM/DD with anything after a space or 'T' (an
 * ISO or Google Forms timestamp "2022/01/03 10:15:00 AM GMT+7"), "3 Januari
 * 2022" (Indonesian or English month names, short or long, an optional
 * weekday first), an Excel serial day number (XLSX cells: "44564.43"), and
 * N/N/YYYY with '/', '-' or '.'. The last is day first (Indonesian) unless
 * the file shows month-first dates (a second number above 12, as in the US
 * Google Forms export "1/13/2022 10:15:00") and no day-first ones; each
 * file is judged on its own. Years outside 1900..2999, impossible days
 * and anything else are not dates and are ignored. */
#ifndef IKM_RESPDATE_H
#define IKM_RESPDATE_H

#include <stddef.h>
#include <stdint.h>

/* Min and max of the ambiguous N/N/YYYY dates of the current file, read
 * day first (dm) and month first (md); yyyymmdd, 0 = none. */
struct respdate_slash {
	int32_t dm_lo, dm_hi, md_lo, md_hi;
	int dm_only, md_only; /* seen a date valid only day first / month first */
};

struct respdate {
	int32_t lo, hi; /* yyyymmdd of unambiguous dates and earlier files', 0 = none */
	struct respdate_slash cur;
};

/* Parse one date: 1 with *out (yyyymmdd) for an unambiguous date; 2 with
 * *a, *b, *y for N/N/YYYY (day or month first); 0 when it is no date. */
int respdate_parse(const char *s, size_t n, int32_t *out, int *a, int *b, int *y);

/* Note the date in s[0..n) (ignored when it is none). Returns 1 when the
 * range may have changed. Start with a zeroed struct respdate. */
int respdate_add(struct respdate *d, const char *s, size_t n);

/* A new file starts: the current file's N/N/YYYY dates are settled. */
void respdate_new_file(struct respdate *d);

/* The range as "YYYY-MM-DD" (11 bytes each), "" when no date was seen. */
void respdate_range(const struct respdate *d, char *min, char *max);

#endif
