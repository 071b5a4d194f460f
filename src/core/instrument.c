/* instrument: see instrument.h. */
#include "instrument.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exact.h"
#include "text.h"

struct std_element {
	const char *code, *id, *name, *question, *keywords;
	const char *labels[INSTR_OPTIONS];
};

/* PermenPAN-RB 14/2017, in questionnaire order (sarana before pengaduan). */
static const struct std_element std_elements[INSTR_STANDARD_K] = {
    {"U1",
     "persyaratan",
     "Persyaratan",
     "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
     "pelayanan yang Saudara terima?",
     "persyaratan syarat",
     {"Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"}},
    {"U2",
     "prosedur",
     "Sistem, Mekanisme, dan Prosedur",
     "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
     "prosedur mekanisme alur",
     {"Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"}},
    {"U3",
     "waktu",
     "Waktu Penyelesaian",
     "Bagaimana pendapat Saudara tentang kecepatan waktu penyelesaian pelayanan?",
     "waktu kecepatan",
     {"Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"}},
    {"U4",
     "biaya",
     "Biaya/Tarif",
     "Bagaimana pendapat Saudara tentang kewajaran biaya atau tarif pelayanan?",
     "biaya tarif",
     {"Sangat mahal", "Cukup mahal", "Murah", "Gratis"}},
    {"U5",
     "produk",
     "Produk Spesifikasi Jenis Pelayanan",
     "Bagaimana pendapat Saudara tentang kesesuaian hasil pelayanan yang Saudara terima "
     "dengan yang tercantum dalam standar pelayanan?",
     "produk spesifikasi",
     {"Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"}},
    {"U6",
     "kompetensi",
     "Kompetensi Pelaksana",
     "Bagaimana pendapat Saudara tentang kompetensi atau kemampuan petugas dalam memberikan "
     "pelayanan?",
     "kompetensi kemampuan",
     {"Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"}},
    {"U7",
     "perilaku",
     "Perilaku Pelaksana",
     "Bagaimana pendapat Saudara tentang kesopanan dan keramahan petugas dalam memberikan "
     "pelayanan?",
     "perilaku kesopanan keramahan sopan ramah",
     {"Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
      "Sangat sopan dan ramah"}},
    {"U8",
     "sarana",
     "Sarana dan Prasarana",
     "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana pelayanan?",
     "sarana prasarana fasilitas",
     {"Buruk", "Cukup", "Baik", "Sangat baik"}},
    {"U9",
     "pengaduan",
     "Penanganan Pengaduan, Saran dan Masukan",
     "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan di unit ini?",
     "pengaduan keluhan",
     {"Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
      "Dikelola dengan baik"}},
};

/* Labels for elements an office adds; digits are accepted as well. */
static const char *const extra_labels[INSTR_OPTIONS] = {"Tidak baik", "Kurang baik", "Baik",
                                                        "Sangat baik"};

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a < 0 ? -a : a;
}

static void set_element(struct instr_element *e, const struct std_element *s)
{
	memset(e, 0, sizeof(*e));
	snprintf(e->code, sizeof(e->code), "%s", s->code);
	snprintf(e->id, sizeof(e->id), "%s", s->id);
	snprintf(e->name, sizeof(e->name), "%s", s->name);
	e->question = s->question;
	e->keywords = s->keywords;
	for (int i = 0; i < INSTR_OPTIONS; i++)
		e->labels[i] = s->labels[i];
}

void instr_equal_weights(struct instrument *in)
{
	for (int j = 0; j < in->k; j++) {
		in->el[j].w_num = 1;
		in->el[j].w_den = in->k;
	}
	in->custom_weights = 0;
}

void instr_standard(struct instrument *in)
{
	memset(in, 0, sizeof(*in));
	in->k = INSTR_STANDARD_K;
	for (int j = 0; j < INSTR_STANDARD_K; j++)
		set_element(&in->el[j], &std_elements[j]);
	in->method = INSTR_METHOD_STANDARD;
	instr_equal_weights(in);
}

int instr_standard_index(const char *ref)
{
	for (int j = 0; j < INSTR_STANDARD_K; j++) {
		if (strcasecmp(ref, std_elements[j].code) == 0 ||
		    strcasecmp(ref, std_elements[j].id) == 0)
			return j;
	}
	return -1;
}

/* "U12" -> 12; 0 when s is not U followed by 1..99 with nothing after. */
static int code_number(const char *s)
{
	char *end;
	long v;

	if (s[0] != 'U' && s[0] != 'u')
		return 0;
	if (s[1] < '1' || s[1] > '9')
		return 0;
	errno = 0;
	v = strtol(s + 1, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > 99)
		return 0;
	return (int)v;
}

static int find_element(const struct instrument *in, const char *code, const char *id)
{
	for (int j = 0; j < in->k; j++) {
		if (strcasecmp(in->el[j].code, code) == 0 || strcasecmp(in->el[j].id, id) == 0)
			return j;
	}
	return -1;
}

int instr_add_extra(struct instrument *in, const char *code, const char *id, const char *name,
                    struct ikm_err *err)
{
	struct instr_element *e;
	char idbuf[48];

	if (in->k >= INSTR_MAX_ELEMENTS)
		return err_set(
		    err, IKM_ELIMIT,
		    "terlalu banyak unsur: paling banyak %d / too many elements (max %d)",
		    INSTR_MAX_ELEMENTS, INSTR_MAX_ELEMENTS);
	if (strlen(code) >= sizeof(e->code) || (id && strlen(id) >= sizeof(e->id)) ||
	    strlen(name) >= sizeof(e->name))
		return err_set(
		    err, IKM_EUSAGE,
		    "kode, id atau nama unsur terlalu panjang: \"%.40s\" / element code, "
		    "id or name too long",
		    code);
	if (id == NULL) {
		text_words(idbuf, sizeof(idbuf), code, strlen(code));
		id = idbuf;
	}
	if (find_element(in, code, id) >= 0)
		return err_set(err, IKM_EUSAGE,
		               "unsur \"%s\" disebut dua kali / element \"%s\" listed twice", code,
		               code);
	e = &in->el[in->k++];
	memset(e, 0, sizeof(*e));
	snprintf(e->code, sizeof(e->code), "%s", code);
	snprintf(e->id, sizeof(e->id), "%s", id);
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->question = NULL;
	e->keywords = "";
	for (int i = 0; i < INSTR_OPTIONS; i++)
		e->labels[i] = extra_labels[i];
	instr_equal_weights(in);
	return 0;
}

int instr_parse_rational(const char *s, int64_t *num, int64_t *den, struct ikm_err *err)
{
	const char *p = s;
	int64_t n = 0, d = 1;
	int digits = 0, seen_sep = 0;

	if (strchr(s, '/') != NULL) {
		char *end;
		long long a, b;

		/* strtoll alone would accept " 1/2", "+1/2" and "-0/1". */
		if (s[0] < '0' || s[0] > '9')
			goto bad;
		errno = 0;
		a = strtoll(s, &end, 10);
		if (errno != 0 || end == s || *end != '/' || a < 0)
			goto bad;
		p = end + 1;
		if (p[0] < '0' || p[0] > '9')
			goto bad;
		b = strtoll(p, &end, 10);
		if (errno != 0 || end == p || *end != '\0' || b <= 0 || a > 1000000000LL ||
		    b > 1000000000LL)
			goto bad;
		n = a;
		d = b;
	} else {
		for (; *p != '\0'; p++) {
			if (*p >= '0' && *p <= '9') {
				if (++digits > 15)
					goto bad;
				n = n * 10 + (*p - '0');
				if (seen_sep)
					d *= 10;
			} else if ((*p == '.' || *p == ',') && !seen_sep) {
				seen_sep = 1;
			} else {
				goto bad;
			}
		}
		if (digits == 0)
			goto bad;
	}
	{
		int64_t g = gcd64(n, d);

		if (g == 0)
			g = 1;
		*num = n / g;
		*den = d / g;
	}
	return 0;
bad:
	return err_set(err, IKM_EUSAGE,
	               "bobot \"%s\" tidak dapat dibaca; tulis sebagai desimal (0,15) atau pecahan "
	               "(1/9) / weight \"%s\" is not a decimal or fraction",
	               s, s);
}

/* Parse one item of an --elements spec into `in`. */
static int parse_item(struct instrument *in, char *item, int *nweights, int64_t wn[], int64_t wd[],
                      struct ikm_err *err)
{
	char *name = NULL, *weight = NULL, *dash;
	char *at = strchr(item, '@');
	char *eq = strchr(item, '=');
	int from, to;

	if (at != NULL) {
		*at = '\0';
		weight = at + 1;
	}
	if (eq != NULL) {
		*eq = '\0';
		name = eq + 1;
	}
	if (item[0] == '\0')
		return err_set(err, IKM_EUSAGE,
		               "--elements: ada butir kosong; contoh: U1-U9,U10=Kebersihan / "
		               "--elements has an empty item");
	dash = strchr(item, '-');
	if (dash != NULL) {
		*dash = '\0';
		from = code_number(item);
		to = code_number(dash + 1);
		if (from == 0 || to == 0 || to < from || name != NULL || weight != NULL)
			return err_set(err, IKM_EUSAGE,
			               "--elements: rentang \"%s-%s\" tidak sah; contoh: U1-U9 / "
			               "invalid range",
			               item, dash + 1);
	} else {
		int si = instr_standard_index(item);

		from = to = code_number(item);
		if (si >= 0 && from == 0)
			from = to = si + 1;
		if (from == 0) {
			/* A free-standing id: an extra element named by the office.
			 * Its code is the first free U<n> after the standard nine:
			 * "U%d" of in->k + 1 would reuse a standard code ("U1,U2,
			 * kebersihan" made kebersihan "U3", which a data file's
			 * U3 column means as waktu) or a code already listed. */
			char code[16];
			int c = in->k + 1 > INSTR_STANDARD_K ? in->k + 1 : INSTR_STANDARD_K + 1;

			if ((item[0] == 'U' || item[0] == 'u') && item[1] >= '0' && item[1] <= '9')
				return err_set(
				    err, IKM_EUSAGE,
				    "--elements: kode \"%s\" tidak sah; kode adalah U1..U99 "
				    "/ invalid element code",
				    item);
			for (;; c++) {
				snprintf(code, sizeof(code), "U%d", c);
				if (find_element(in, code, "") < 0)
					break;
			}
			if (instr_add_extra(in, code, item, name ? name : item, err) < 0)
				return -1;
			goto weight;
		}
	}
	for (int c = from; c <= to; c++) {
		char code[16];

		snprintf(code, sizeof(code), "U%d", c);
		if (c <= INSTR_STANDARD_K && find_element(in, code, std_elements[c - 1].id) < 0) {
			if (in->k >= INSTR_MAX_ELEMENTS)
				return err_set(err, IKM_ELIMIT,
				               "terlalu banyak unsur: paling banyak %d / too many "
				               "elements",
				               INSTR_MAX_ELEMENTS);
			set_element(&in->el[in->k++], &std_elements[c - 1]);
			if (name != NULL)
				snprintf(in->el[in->k - 1].name, sizeof(in->el[0].name), "%s",
				         name);
		} else if (c <= INSTR_STANDARD_K) {
			return err_set(
			    err, IKM_EUSAGE,
			    "unsur \"%s\" disebut dua kali / element \"%s\" listed twice", code,
			    code);
		} else {
			char dflt[32];

			snprintf(dflt, sizeof(dflt), "Unsur %d", c);
			if (instr_add_extra(in, code, NULL, name ? name : dflt, err) < 0)
				return -1;
		}
	}
weight:
	if (weight != NULL) {
		if (from != to)
			return err_set(
			    err, IKM_EUSAGE,
			    "--elements: bobot hanya untuk satu unsur, bukan rentang / a "
			    "weight applies to one element");
		if (instr_parse_rational(weight, &wn[in->k - 1], &wd[in->k - 1], err) < 0)
			return -1;
		if (wn[in->k - 1] == 0)
			return err_set(
			    err, IKM_EUSAGE,
			    "--elements: bobot unsur %s adalah 0; hilangkan unsur itu dari "
			    "--elements bila tidak dihitung / a weight of 0 is refused: leave "
			    "the element out instead",
			    in->el[in->k - 1].code);
		(*nweights)++;
	}
	return 0;
}

int instr_parse_spec(struct instrument *in, const char *spec, struct ikm_err *err)
{
	char buf[4096];
	char *item, *next;
	int nweights = 0;
	int64_t wn[INSTR_MAX_ELEMENTS] = {0}, wd[INSTR_MAX_ELEMENTS] = {0};

	if (strlen(spec) >= sizeof(buf))
		return err_set(err, IKM_ELIMIT, "--elements terlalu panjang / --elements too long");
	snprintf(buf, sizeof(buf), "%s", spec);
	memset(in, 0, sizeof(*in));
	in->method = INSTR_METHOD_STANDARD;
	for (item = buf; item != NULL; item = next) {
		next = strchr(item, ',');
		/* A comma inside a weight ("@0,15") is a decimal comma. */
		while (next != NULL && next[1] >= '0' && next[1] <= '9' && strchr(item, '@') &&
		       strchr(item, '@') < next)
			next = strchr(next + 1, ',');
		if (next != NULL)
			*next++ = '\0';
		if (parse_item(in, item, &nweights, wn, wd, err) < 0)
			return err_prefix(err, "--elements \"%s\": ", spec);
	}
	instr_equal_weights(in);
	if (nweights == 0)
		return 0;
	if (nweights != in->k)
		return err_set(
		    err, IKM_EUSAGE,
		    "--elements: bobot diberikan untuk %d dari %d unsur; beri bobot untuk "
		    "semua unsur atau tidak sama sekali / weights given for %d of %d "
		    "elements",
		    nweights, in->k, nweights, in->k);
	{
		/* Sum exactly with GMP: a product of up to 30 denominators of up to
		 * 10^15 each overflows any fixed-width integer. */
		mpq_t sum, w;
		int one;
		double got;

		mpq_inits(sum, w, NULL);
		for (int j = 0; j < in->k; j++) {
			exact_set_ratio(w, (uint64_t)wn[j], (uint64_t)wd[j]);
			mpq_add(sum, sum, w);
		}
		one = mpq_cmp_ui(sum, 1, 1) == 0;
		got = mpq_get_d(sum);
		mpq_clears(sum, w, NULL);
		if (!one)
			return err_set(
			    err, IKM_EUSAGE,
			    "--elements: jumlah bobot harus tepat 1, bukan %.6f; contoh: "
			    "U1@0.2,U2@0.8 / weights must sum to exactly 1",
			    got);
	}
	for (int j = 0; j < in->k; j++) {
		in->el[j].w_num = wn[j];
		in->el[j].w_den = wd[j];
	}
	in->custom_weights = 1;
	return 0;
}

int instr_set_legacy(struct instrument *in, const char *weight, struct ikm_err *err)
{
	int64_t num;

	/* 0,111 and 0,11 are rounded displays of 1/9: they mean nothing for
	 * another element count, and would silently replace custom weights. */
	if (in->k != INSTR_STANDARD_K || in->custom_weights)
		return err_set(err, IKM_EUSAGE,
		               "--legacy-weight hanya untuk sembilan unsur berbobot sama, bukan %d "
		               "unsur%s / --legacy-weight needs the nine equally weighted elements",
		               in->k, in->custom_weights ? " berbobot khusus" : "");
	if (strcmp(weight, "0.111") == 0 || strcmp(weight, "0,111") == 0) {
		in->method = INSTR_METHOD_LEGACY_0111;
		num = 111;
	} else if (strcmp(weight, "0.11") == 0 || strcmp(weight, "0,11") == 0) {
		in->method = INSTR_METHOD_LEGACY_011;
		num = 110;
	} else {
		return err_set(err, IKM_EUSAGE,
		               "--legacy-weight hanya menerima 0.111 atau 0.11, bukan \"%s\" / "
		               "--legacy-weight takes 0.111 or 0.11",
		               weight);
	}
	for (int j = 0; j < in->k; j++) {
		in->el[j].w_num = num;
		in->el[j].w_den = 1000;
	}
	return 0;
}

const char *instr_method_label(const struct instrument *in)
{
	switch (in->method) {
	case INSTR_METHOD_LEGACY_0111:
		return "legacy-weight-0.111";
	case INSTR_METHOD_LEGACY_011:
		return "legacy-weight-0.11";
	case INSTR_METHOD_STANDARD:
	default:
		return "permenpan-rb-14-2017";
	}
}

int instr_match_label(const struct instr_element *e, const char *s, size_t len)
{
	char in[160], lab[160];
	size_t n = text_fold(in, sizeof(in), s, len);

	if (n >= sizeof(in) || n == 0)
		return 0;
	for (int i = 0; i < INSTR_OPTIONS; i++) {
		if (e->labels[i] == NULL)
			continue;
		text_fold(lab, sizeof(lab), e->labels[i], strlen(e->labels[i]));
		if (strcmp(in, lab) == 0)
			return i + 1;
	}
	return 0;
}
