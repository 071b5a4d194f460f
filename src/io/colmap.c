/* colmap: see colmap.h. */
#include "colmap.h"

#include <errno.h>
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
			     "kritik dan saran", "kritik saran", "saran kritik",
			     "saran dan kritik", "komentar", "suggestion", NULL},
};

static const char *const prof_labels[PROF_COUNT] = {
	"jenis kelamin", "usia", "pendidikan", "pekerjaan",
	"jenis layanan", "tanggal", "jam",   "saran",
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
	/* Add U10.. in numeric order so the instrument keeps questionnaire
	 * order whatever the column order. */
	for (int num = INSTR_STANDARD_K + 1; num <= 99; num++) {
		for (size_t c = 0; c < h->n; c++) {
			char w[WORDS_MAX];
			char code[16], name[32];

			text_words(w, sizeof(w), h->field[c], h->len[c]);
			if (u_number(w) != num)
				continue;
			snprintf(code, sizeof(code), "U%d", num);
			snprintf(name, sizeof(name), "Unsur %d", num);
			if (match_element(in, w) < 0 && in->k < INSTR_MAX_ELEMENTS)
				instr_add_extra(in, code, NULL, name, NULL);
			break;
		}
	}
}

int colmap_build(struct colmap *m, struct instrument *in, int add_extras,
		 const struct table_row *h, const char *file, struct ikm_err *err)
{
	char msg[IKM_ERR_MSG_MAX];
	size_t o = 0;
	int missing = 0;
	int unmapped[TABLE_MAX_FIELDS];
	int nunmapped = 0;

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
		if (p >= 0 && m->prof_col[p] < 0) {
			m->prof_col[p] = (int)c;
			continue;
		}
		j = match_element(in, ws);
		if (j >= 0) {
			if (m->elem_col[j] >= 0) {
				char a[COLMAP_HEADER_SHOWN + 1];

				shown(a, h->field[c], h->len[c]);
				return err_set(err, IKM_EDATA,
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
		if (u_number(ws) > 0 || j == -2 || strncmp(ws, "bagaimana", 9) == 0)
			unmapped[nunmapped++] = (int)c;
	ignore:
		if (m->nignored < COLMAP_KEEP_IGNORED)
			shown(m->ignored[m->nignored], h->field[c], h->len[c]);
		m->nignored++;
	}

	for (int j = 0; j < in->k; j++)
		missing += (m->elem_col[j] < 0);
	if (missing == 0)
		return 0;

	o += (size_t)snprintf(msg + o, sizeof(msg) - o,
			      "%s: kolom untuk %d unsur tidak ditemukan:", file, missing);
	for (int j = 0; j < in->k && o < sizeof(msg); j++) {
		if (m->elem_col[j] < 0)
			o += (size_t)snprintf(msg + o, sizeof(msg) - o, " %s (%s);", in->el[j].code,
					      in->el[j].name);
	}
	if (nunmapped > 0 && o < sizeof(msg)) {
		o += (size_t)snprintf(msg + o, sizeof(msg) - o,
				      " kolom yang tidak dapat dipetakan:");
		for (int i = 0; i < nunmapped && o < sizeof(msg); i++) {
			char a[COLMAP_HEADER_SHOWN + 1];
			int c = unmapped[i];

			shown(a, h->field[c], h->len[c]);
			o += (size_t)snprintf(msg + o, sizeof(msg) - o, " %d (\"%s\")%s", c + 1, a,
					      i + 1 < nunmapped ? "," : ";");
		}
	}
	if (o < sizeof(msg))
		snprintf(msg + o, sizeof(msg) - o,
			 " beri judul kolom dengan kode (U1..U9), id unsur (persyaratan, prosedur, "
			 "waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan) atau nama "
			 "unsur, atau pilih unsur yang ada dengan --elements (mis. --elements U1-U5) "
			 "/ element columns missing: name them U1..U9 or use --elements");
	return err_set(err, IKM_EDATA, "%s", msg);
}
