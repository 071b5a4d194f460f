/* store_import: see store_import.h. */
#include "store_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quality.h"
#include "respdate.h"
#include "text.h"

/* Copy a field trimmed, cut at a UTF-8 boundary to size-1 bytes; 1 when
 * it was cut. */
static int field_copy(char *dst, size_t size, const char *s, size_t n)
{
	int cut = 0;

	if (s == NULL)
		n = 0;
	else
		text_trim(&s, &n);
	/* The apostrophe export puts before a would-be formula. */
	if (n >= 2 && s[0] == '\'' && strchr("=+-@", s[1]) != NULL) {
		s++;
		n--;
	}
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = 1;
	}
	if (n > 0)
		memcpy(dst, s, n);
	dst[n] = '\0';
	return cut;
}

/* The survey date of a row into *date (0: none given). 0 fine; -1 when it
 * is unreadable or outside the period (msg says so). */
static int row_date(struct store_import *im, const struct load_row *lr, int32_t *date, char *msg,
                    size_t size)
{
	const struct store_period *p = im->period;
	const char *d = lr->prof[PROF_DATE];
	size_t n = lr->prof_len[PROF_DATE];
	int a, b, y, kind;

	*date = 0;
	if (d == NULL || n == 0)
		return 0;
	kind = respdate_parse(d, n, date, &a, &b, &y);
	if (kind == 2) /* N/N/YYYY: day first, the Indonesian order */
		*date = y * 10000 + b * 100 + a;
	if (kind != 0 && *date >= p->from && *date <= p->to)
		return 0;
	snprintf(msg, size,
	         "%s: baris %llu, kolom tanggal: \"%.*s\" %s periode \"%s\" "
	         "(%04d-%02d-%02d s.d. %04d-%02d-%02d) / date %s the period",
	         im->paths[lr->file], (unsigned long long)lr->line, (int)(n < 40 ? n : 40), d,
	         kind == 0 ? "bukan tanggal yang dikenali untuk" : "di luar", p->slug,
	         p->from / 10000, p->from / 100 % 100, p->from % 100, p->to / 10000,
	         p->to / 100 % 100, p->to % 100, kind == 0 ? "not readable for" : "outside");
	return -1;
}

/* The age of a row: years 1..150 ("40", "40 tahun"), else -1. */
static int row_age(const struct load_row *lr)
{
	char age[16];
	char *end;
	long v;

	if (lr->prof[PROF_AGE] == NULL)
		return -1;
	field_copy(age, sizeof(age), lr->prof[PROF_AGE], lr->prof_len[PROF_AGE]);
	v = strtol(age, &end, 10);
	if (end != age && v >= 1 && v <= 150 &&
	    (*end == '\0' || strcmp(end, " tahun") == 0 || strcmp(end, " th") == 0))
		return (int)v;
	return -1;
}

static int import_row(void *user, const struct load_row *lr, struct ikm_err *err)
{
	struct store_import *im = user;
	struct store_response *r = &im->r;
	char msg[LOAD_MESSAGE_MAX];
	int32_t date;
	int dup;

	if (lr->flags & QUALITY_EMPTY) {
		im->empty++;
		return 0;
	}
	if (row_date(im, lr, &date, msg, sizeof(msg)) < 0) {
		if (!im->skip_invalid)
			return err_set(err, IKM_EDATA, "%s", msg);
		if (im->nmsgs < LOAD_KEEP_MESSAGES)
			memcpy(im->msgs[im->nmsgs++], msg, sizeof(msg));
		if (im->reject != NULL)
			im->reject(im->reject_user, lr->line, msg);
		im->rejected++;
		return 0;
	}
	if (!im->dry_run && im->instrument == 0 &&
	    store_instrument_put(im->s, im->in, im->unit, &im->instrument, err) < 0)
		return -1;
	memset(r, 0, sizeof(*r));
	r->unit = im->unit;
	r->service = im->service;
	r->period = im->period->id;
	r->instrument = im->instrument;
	r->channel = im->channel;
	r->submitted = (int64_t)time(NULL);
	r->date = date;
	r->k = lr->k;
	memcpy(r->answers, lr->vals, (size_t)lr->k);
	r->age = row_age(lr);
	im->truncated +=
	    field_copy(r->gender, sizeof(r->gender), lr->prof[PROF_GENDER],
	               lr->prof_len[PROF_GENDER]) |
	    field_copy(r->education, sizeof(r->education), lr->prof[PROF_EDUCATION],
	               lr->prof_len[PROF_EDUCATION]) |
	    field_copy(r->job, sizeof(r->job), lr->prof[PROF_JOB], lr->prof_len[PROF_JOB]) |
	    field_copy(r->service_text, sizeof(r->service_text), lr->prof[PROF_SERVICE],
	               lr->prof_len[PROF_SERVICE]) |
	    field_copy(r->suggestion, sizeof(r->suggestion), lr->prof[PROF_SUGGESTION],
	               lr->prof_len[PROF_SUGGESTION]);
	r->flags = lr->flags;
	if (!im->dry_run && store_response_add(im->s, r, &dup, err) < 0) {
		err_prefix(err, "%s: baris %llu: ", im->paths[lr->file],
		           (unsigned long long)lr->line);
		return -1;
	}
	im->stored++;
	return 0;
}

static void load_reject(void *user, int file, uint64_t line, const char *msg)
{
	struct store_import *im = user;

	(void)file;
	im->reject(im->reject_user, line, msg);
}

int store_import_files(struct store_import *im, char *const *paths, int n, struct instrument *in,
                       const struct load_opts *opts, struct load_report *rep, struct ikm_err *err)
{
	struct load_opts lo = *opts;
	struct score_acc *acc = NULL;
	int rc;

	im->paths = paths;
	im->in = in;
	lo.skip_invalid = im->skip_invalid;
	lo.row = import_row;
	lo.row_user = im;
	lo.reject = im->reject != NULL ? load_reject : NULL;
	lo.reject_user = im;
	rc = load_files(paths, n, in, &lo, &acc, rep, err);
	im->rejected += rep->skipped;
	score_acc_free(acc);
	return rc;
}
