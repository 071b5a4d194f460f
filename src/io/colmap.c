/* colmap: see colmap.h. */
#include "colmap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

#define WORDS_MAX 512

/* Whole-header names of profile columns, folded with text_words. */
static const char *const prof_names[PROF_COUNT][12] = {
    [PROF_GENDER] = {"jenis kelamin", "kelamin", "jk", "l p", "gender", "sex", "jenis kelamin l p",
                     NULL},
    [PROF_AGE] = {"usia", "umur", "usia tahun", "umur tahun", "age", NULL},
    [PROF_EDUCATION] = {"pendidikan", "pendidikan terakhir", "tingkat pendidikan", "education",
                        NULL},
    [PROF_JOB] = {"pekerjaan", "pekerjaan utama", "profesi", "occupation", "job", NULL},
    [PROF_SERVICE] = {"jenis layanan", "layanan", "jenis pelayanan", "pelayanan",
                      "layanan yang diterima", "jenis layanan yang diterima",
                      "layanan yang digunakan", "service", NULL},
    [PROF_DATE] = {"tanggal", "tgl", "tanggal survei", "tanggal survey", "tanggal pengisian",
                   "timestamp", "cap waktu", "stempel waktu", "tanda waktu", "date", NULL},
    [PROF_TIME] = {"jam", "jam survei", "waktu survei", "jam pengisian", "time", NULL},
    [PROF_SUGGESTION] = {"saran", "masukan", "saran masukan", "saran dan masukan",
                         "kritik dan saran", "kritik saran", "saran kritik", "saran dan kritik",
                         "komentar", "suggestion", NULL},
};

static const char *const prof_labels[PROF_COUNT] = {
    "jenis kelamin", "usia", "pendidikan", "pekerjaan", "jenis layanan", "tanggal", "jam", "saran",
};

const char *colmap_profile_name(enum colmap_profile p)
{
	return (p >= 0 && p < PROF_COUNT) ? prof_labels[p] : "";
}

/* Drop a leading question number ("1", "no 1") from folded words. */
static const char *skip_number(const char *w)
{
	const char *p = w;

	if (strncmp(p, "no ", 3) == 0 && p[3] >= '0' && p[3] <= '9')
		p += 3;
	if (*p < '0' || *p > '9')
		return w;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p != ' ')
		return w;
	return p + 1;
}

static int match_profile(const char *w)
{
	for (int p = 0; p < PROF_COUNT; p++) {
		for (int i = 0; prof_names[p][i] != NULL; i++) {
			if (strcmp(w, prof_names[p][i]) == 0)
				return p;
		}
	}
	return -1;
}

static int words_equal(const char *w, const char *raw)
{
	char f[WORDS_MAX];

	text_words(f, sizeof(f), raw, strlen(raw));
	return strcmp(w, f) == 0;
}

/* "U12" -> 12 when w is exactly a U code, else 0. */
static int u_number(const char *w)
{
	char *end;
	long v;

	if (w[0] != 'u' || w[1] < '1' || w[1] > '9')
		return 0;
	errno = 0;
	v = strtol(w + 1, &end, 10);
	if (errno != 0 || (*end != '\0' && *end != ' ') || v < 1 || v > 99)
		return 0;
	return (int)v;
}

/* Element index for folded header words, -1 none, -2 ambiguous. */
static int match_element(const struct instrument *in, const char *w)
{
	char first[32];
	size_t fl = strcspn(w, " ");
	int found = -1;

	if (fl < sizeof(first)) {
		memcpy(first, w, fl);
		first[fl] = '\0';
		for (int j = 0; j < in->k; j++) {
			if (strcasecmp(first, in->el[j].code) == 0)
				return j;
		}
		/* A column numbered for an element this instrument lacks
		 * ("U10. Kecepatan antrean" without --extras) is not mapped by
		 * the key words of its text to another element. */
		if (u_number(first) > 0)
			return -1;
	}
	for (int j = 0; j < in->k; j++) {
		if (words_equal(w, in->el[j].id) || words_equal(w, in->el[j].name))
			return j;
	}
	for (int j = 0; j < in->k; j++) {
		char kw[128];
		const char *p = in->el[j].keywords;
		int hit = 0;

		while (p != NULL && *p != '\0' && !hit) {
			size_t l = strcspn(p, " ");

			if (l > 0 && l < sizeof(kw)) {
				memcpy(kw, p, l);
				kw[l] = '\0';
				hit = text_has_word(w, kw);
			}
			p += l;
			while (*p == ' ')
				p++;
		}
		if (hit) {
			if (found >= 0)
				return -2;
			found = j;
		}
	}
	return found;
}

static void shown(char *dst, const char *src, size_t len)
{
	size_t n = len > COLMAP_HEADER_SHOWN ? COLMAP_HEADER_SHOWN : len;

	/* Do not cut a UTF-8 sequence in half. */
	while (n > 0 && n < len && ((unsigned char)src[n] & 0xC0) == 0x80)
		n--;
	memcpy(dst, src, n);
	dst[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)dst[i] < 0x20)
			dst[i] = ' ';
}

static void add_extras_from(struct instrument *in, const struct table_row *h)
{
	unsigned char seen[100] = {0};

	/* One pass over the header (folding every header once per number
	 * 10..99 made a wide header 90 times slower), then add U10.. in
	 * numeric order so the instrument keeps questionnaire order whatever
	 * the column order. */
	for (size_t c = 0; c < h->n; c++) {
		char w[WORDS_MAX];
		int num;

		text_words(w, sizeof(w), h->field[c], h->len[c]);
		num = u_number(w);
		if (num > INSTR_STANDARD_K && match_element(in, w) < 0)
			seen[num] = 1;
	}
	for (int num = INSTR_STANDARD_K + 1; num <= 99; num++) {
		char code[16], name[32];

		if (!seen[num] || in->k >= INSTR_MAX_ELEMENTS)
			continue;
		snprintf(code, sizeof(code), "U%d", num);
		snprintf(name, sizeof(name), "Unsur %d", num);
		instr_add_extra(in, code, NULL, name, NULL);
	}
}

/* 1 when column c is mapped to an element or a profile field. */
static int col_mapped(const struct colmap *m, int k, int c)
{
	for (int j = 0; j < k; j++)
		if (m->elem_col[j] == c)
			return 1;
	for (int p = 0; p < PROF_COUNT; p++)
		if (m->prof_col[p] == c)
			return 1;
	return 0;
}

/* 1 when an unmapped header looks meant as an element: a U code, a
 * question ("Bagaimana ..."), or key words of two elements; 0 when not;
 * -1 when the header is blank. */
static int col_candidate(const struct instrument *in, const struct table_row *h, size_t c)
{
	char w[WORDS_MAX];
	const char *ws;

	text_words(w, sizeof(w), h->field[c], h->len[c]);
	ws = skip_number(w);
	if (ws[0] == '\0')
		return -1; /* blank: not worth listing */
	return u_number(ws) > 0 || strncmp(ws, "bagaimana", 9) == 0 || match_element(in, ws) == -2;
}

/* Append a formatted piece at msg + *o when all of it fits below limit. */
static int put(char *msg, size_t limit, size_t *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int put(char *msg, size_t limit, size_t *o, const char *fmt, ...)
{
	char piece[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(piece, sizeof(piece), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(piece) || *o + (size_t)n >= limit)
		return 0;
	memcpy(msg + *o, piece, (size_t)n + 1);
	*o += (size_t)n;
	return 1;
}

static const char missing_hint[] =
    " Beri judul kolom dengan kode (U1..U9), id unsur (persyaratan, prosedur, waktu, biaya, "
    "produk, kompetensi, perilaku, sarana, pengaduan) atau nama unsur, atau pilih unsur yang "
    "ada dengan --elements (mis. --elements U1-U5) / element columns missing: name them "
    "U1..U9 or use --elements";

/* The error for missing elements: which ones, then the columns that were
 * not mapped (likely candidates first), then how to name them. The hint
 * always fits; columns that do not are counted. */
static int missing_error(const struct colmap *m, const struct instrument *in,
                         const struct table_row *h, const char *file, int missing,
                         struct ikm_err *err)
{
	char msg[IKM_ERR_MSG_MAX];
	const size_t limit = sizeof(msg) - sizeof(missing_hint) - 32;
	size_t o = 0;
	int listed = 0, left = 0;

	msg[0] = '\0';
	put(msg, limit, &o, "%.200s: kolom untuk %d unsur tidak ditemukan:", file, missing);
	for (int j = 0; j < in->k; j++) {
		if (m->elem_col[j] < 0)
			put(msg, limit, &o, " %s (%.60s);", in->el[j].code, in->el[j].name);
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t c = 0; c < h->n; c++) {
			char a[COLMAP_HEADER_SHOWN + 1];

			int cand = col_candidate(in, h, c);

			if (cand < 0 || col_mapped(m, in->k, (int)c) || cand != (pass == 0))
				continue;
			shown(a, h->field[c], h->len[c]);
			if (left == 0 &&
			    put(msg, limit, &o, "%s %zu (\"%s\"),",
			        listed == 0 ? " kolom yang tidak dapat dipetakan:" : "", c + 1, a))
				listed++;
			else
				left++;
		}
	}
	if (listed > 0 && left == 0)
		msg[o - 1] = ';'; /* the last ',' */
	if (left > 0)
		put(msg, sizeof(msg), &o, " dan %d kolom lain;", left);
	snprintf(msg + o, sizeof(msg) - o, "%s", missing_hint); /* fits: see limit */
	return err_set(err, IKM_EDATA, "%s", msg);
}

int colmap_build(struct colmap *m, struct instrument *in, int add_extras, const struct table_row *h,
                 const char *file, struct ikm_err *err)
{
	int missing = 0;

	memset(m, 0, sizeof(*m));
	m->ncols = (int)h->n;
	for (int j = 0; j < INSTR_MAX_ELEMENTS; j++)
		m->elem_col[j] = -1;
	for (int p = 0; p < PROF_COUNT; p++)
		m->prof_col[p] = -1;
	if (add_extras)
		add_extras_from(in, h);

	for (size_t c = 0; c < h->n; c++) {
		char w[WORDS_MAX];
		const char *ws;
		int p, j;

		text_words(w, sizeof(w), h->field[c], h->len[c]);
		ws = skip_number(w);
		if (ws[0] == '\0')
			goto ignore;
		p = match_profile(ws);
		if (p >= 0) {
			if (m->prof_col[p] < 0) {
				m->prof_col[p] = (int)c;
				continue;
			}
			/* A second date column ("Tanggal", then "Cap waktu")
			 * is still a date, never element waktu. */
			goto ignore;
		}
		j = match_element(in, ws);
		if (j >= 0) {
			if (m->elem_col[j] >= 0) {
				char a[COLMAP_HEADER_SHOWN + 1];

				shown(a, h->field[c], h->len[c]);
				return err_set(
				    err, IKM_EDATA,
				    "%s: kolom %d (\"%s\") dan kolom %zu (\"%s\") sama-sama "
				    "dikenali sebagai unsur %s (%s); ganti salah satu judul "
				    "kolom / two columns map to element %s",
				    file, m->elem_col[j] + 1, m->header[j], c + 1, a,
				    in->el[j].code, in->el[j].name, in->el[j].code);
			}
			m->elem_col[j] = (int)c;
			shown(m->header[j], h->field[c], h->len[c]);
			continue;
		}
ignore:
		if (m->nignored < COLMAP_KEEP_IGNORED)
			shown(m->ignored[m->nignored], h->field[c], h->len[c]);
		m->nignored++;
	}

	for (int j = 0; j < in->k; j++)
		missing += (m->elem_col[j] < 0);
	if (missing == 0)
		return 0;
	return missing_error(m, in, h, file, missing, err);
}
