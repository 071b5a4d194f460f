/* fuzz_respondent: libFuzzer target for the respondent profile tally
 * (src/io/respondent.c, src/io/respdate.c): every profile value a data
 * file may carry is untrusted text.
 *
 * The input is a list of rows separated by '\n'; a row's fields are
 * separated by 0x1F in colmap order (jenis kelamin, usia, pendidikan,
 * pekerjaan, jenis layanan, tanggal, jam, saran); a missing field is no
 * column. A row starting with 0x01 starts a new file (resp_columns), with
 * 0x02 sorts. After every row the tally's invariants are checked: each
 * table's categories + other + missing add up to the rows, labels and
 * suggestion texts are NUL-terminated valid UTF-8 within their limits, and
 * the dates are "" or YYYY-MM-DD with min <= max.
 *
 * Build: see scripts/fuzz. Run: build/fuzz/fuzz_respondent fuzz/corpus/respondent */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "respondent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);

	if (len > max)
		return 0;
	while (*p != '\0') {
		size_t n = *p < 0x80   ? 1
		           : *p < 0xC2 ? 0
		           : *p < 0xE0 ? 2
		           : *p < 0xF0 ? 3
		           : *p < 0xF5 ? 4
		                       : 0;

		if (n == 0)
			return 0;
		for (size_t i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static void check(const struct resp_tally *t)
{
	for (int f = 0; f < RESP_NFIELDS; f++) {
		const struct resp_table *tb = &t->t[f];
		uint64_t sum = tb->missing + tb->other;

		if (tb->ncat < 0 || tb->ncat > RESP_MAX_CATEGORIES)
			abort();
		for (int i = 0; i < tb->ncat; i++) {
			if (!valid_utf8(tb->cat[i].label, RESP_LABEL_MAX) ||
			    tb->cat[i].label[0] == '\0')
				abort();
			sum += tb->cat[i].count;
		}
		if (sum != t->rows)
			abort();
	}
	if (t->nsugg < 0 || t->nsugg > RESP_MAX_SUGGESTIONS)
		abort();
	for (int i = 0; i < t->nsugg; i++)
		if (!valid_utf8(t->sugg[i].text, RESP_SUGGESTION_MAX) || t->sugg[i].count == 0)
			abort();
	if ((t->date_min[0] == '\0') != (t->date_max[0] == '\0'))
		abort();
	if (t->date_min[0] != '\0' && (strlen(t->date_min) != 10 || strlen(t->date_max) != 10 ||
	                               strcmp(t->date_min, t->date_max) > 0))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int all[PROF_COUNT] = {0, 1, 2, 3, 4, 5, 6, 7};
	const char *p = (const char *)data, *end = p + size;
	struct resp_tally t;
	int cut[RESP_MAX_BANDS], ncut = 0;
	struct ikm_err err;
	char spec[64];
	size_t sl = size < sizeof(spec) - 1 ? size : sizeof(spec) - 1;

	/* The first bytes also as an --age-bands spec. */
	memcpy(spec, data, sl);
	spec[sl] = '\0';
	if (resp_parse_bands(spec, cut, &ncut, &err) < 0)
		ncut = 0;
	resp_init(&t, cut, ncut);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *row_end = nl != NULL ? nl : end;
		const char *field[PROF_COUNT] = {NULL};
		size_t len[PROF_COUNT] = {0};
		int nf = 0;

		if (p < row_end && *p == 0x01) {
			resp_columns(&t, all);
			p++;
		} else if (p < row_end && *p == 0x02) {
			resp_sorted(&t);
			p++;
		}
		while (nf < PROF_COUNT && p <= row_end) {
			const char *us = memchr(p, 0x1F, (size_t)(row_end - p));
			const char *fe = us != NULL ? us : row_end;

			field[nf] = p;
			len[nf++] = (size_t)(fe - p);
			p = fe + 1;
			if (us == NULL)
				break;
		}
		resp_add(&t, field, len);
		check(&t);
		p = row_end + 1;
	}
	resp_sorted(&t);
	check(&t);
	resp_free(&t);
	return 0;
}
