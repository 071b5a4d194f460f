/* respondent: see respondent.h.
 *
 * The per-row cost is a few hash probes. Each field keeps a small
 * direct-mapped cache from the raw bytes of a value ("L", "35", "S1") to its
 * category, so a value is cleaned, folded and matched only the first time
 * it is seen; after that a row costs one hash of a short string and a
 * memcmp per field. Suggestions are folded and looked up in an
 * open-addressing table. Dates are parsed in place (respdate).
 *
 * Decisions:
 * - Gender, education and job always list the regulation's categories
 *   (count 0 included) so every report shows the same list; age lists
 *   every band. Values that are not one of the known spellings are kept
 *   as categories of their own, grouped case-insensitively, labelled as
 *   first seen (trimmed, white space collapsed, control characters as
 *   spaces, invalid UTF-8 bytes as '?', cut at a UTF-8 boundary).
 * - A row of a file without a column for a field counts as missing for
 *   it, so a table's categories + other + missing always add up to rows.
 * - Survey dates: see respdate.h. */
#include "respondent.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "respdate.h"
#include "xalloc.h"

#define CACHE_SLOTS   256 /* per field, power of two */
#define CACHE_KEY_MAX 58  /* raw values longer than this are not cached */
#define CAT_MISSING   (-1)
#define CAT_OTHER     (-2)
#define SUGG_SLOTS    8192 /* power of two, more than 2 * RESP_MAX_SUGGESTIONS */
#define ALIAS_MAX     24   /* bytes of a folded alias key */
#define AGE_MIN       1
#define AGE_MAX       150

#define EN_DASH "\xE2\x80\x93"

struct cache_slot {
	int16_t cat;             /* category, CAT_OTHER or CAT_MISSING */
	uint8_t len;             /* 0: empty slot (empty values are never cached) */
	char key[CACHE_KEY_MAX]; /* the raw value */
};

struct resp_index {
	struct cache_slot cache[RESP_NFIELDS][CACHE_SLOTS];
	int nknown[RESP_NFIELDS];  /* leading categories in fixed order */
	uint32_t slot[SUGG_SLOTS]; /* suggestion index + 1; 0 = empty */
	uint32_t *hash;            /* per kept suggestion */
	char **key;                /* per kept suggestion: its folded key */
	int cap;
	struct respdate dates;
};

static const int default_cut[] = {20, 30, 40, 50, 60};

/* Column (colmap order) of each tallied field. */
static const enum colmap_profile field_col[RESP_NFIELDS] = {
    [RESP_GENDER] = PROF_GENDER, [RESP_AGE] = PROF_AGE,         [RESP_EDUCATION] = PROF_EDUCATION,
    [RESP_JOB] = PROF_JOB,       [RESP_SERVICE] = PROF_SERVICE,
};

static const char *const titles[RESP_NFIELDS] = {
    "Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan", "Jenis Layanan",
};

/* Known categories in display order, and the folded spellings of each
 * (lower-case ASCII letters and digits only: "Laki-laki" -> "lakilaki"). */
struct known {
	const char *label;
	const char *alias[12];
};

static const struct known gender_known[] = {
    {"Laki-laki", {"l", "lk", "lakilaki", "pria", "m", "male", NULL}},
    {"Perempuan", {"p", "pr", "perempuan", "wanita", "f", "female", NULL}},
    {NULL, {NULL}},
};

static const struct known education_known[] = {
    {"SD", {"sd", "sdmi", "sdsederajat", NULL}},
    {"SMP", {"smp", "sltp", "mts", "smpmts", "smpsltp", "smpsederajat", NULL}},
    {"SMA", {"sma", "slta", "smk", "ma", "smasmk", "smaslta", "smasmkma", "smasederajat", NULL}},
    {"D1" EN_DASH "D3", {"d1", "d2", "d3", "diploma", "d1d3", "d1d2d3", NULL}},
    {"D4/S1", {"d4", "s1", "sarjana", "d4s1", "s1d4", NULL}},
    {"S2", {"s2", "magister", NULL}},
    {"S3", {"s3", "doktor", NULL}},
    {NULL, {NULL}},
};

static const struct known job_known[] = {
    {"PNS", {"pns", "asn", "pnsasn", "asnpns", NULL}},
    {"TNI", {"tni", NULL}},
    {"POLRI", {"polri", "polisi", NULL}},
    {"Swasta", {"swasta", "pegawaiswasta", "karyawanswasta", NULL}},
    {"Wirausaha", {"wirausaha", "wiraswasta", "pengusaha", NULL}},
    {"Lainnya", {"lainnya", "lainlain", NULL}},
    {NULL, {NULL}},
};

static const struct known *const known_of[RESP_NFIELDS] = {
    [RESP_GENDER] = gender_known,
    [RESP_EDUCATION] = education_known,
    [RESP_JOB] = job_known,
};

/* Folded suggestions that mean "no suggestion". */
static const char *const none_words[] = {"-",
                                         "--",
                                         "tidak ada",
                                         "tidak ada saran",
                                         "tidak ada masukan",
                                         "tdk ada",
                                         "tdk",
                                         "nihil",
                                         "belum ada",
                                         "cukup",
                                         "ok",
                                         "oke",
                                         "no",
                                         "none",
                                         "n/a",
                                         "na",
                                         "nil",
                                         "tidak",
                                         "kosong",
                                         "tidak ada saran dan masukan",
                                         "ga ada",
                                         "gak ada",
                                         NULL};

const char *resp_field_title(enum resp_field f)
{
	return (f >= 0 && f < RESP_NFIELDS) ? titles[f] : "";
}

static uint32_t fnv1a(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of the valid UTF-8 sequence at s[0..n) (n >= 1), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t need;

	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n < need)
		return 0;
	for (size_t i = 1; i < need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||
	    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
		return 0;
	return need;
}

/* Clean src[0..n) into dst (room for max + 1 bytes): trimmed, every run of
 * white space or control characters (and NBSP) as one space, invalid UTF-8
 * bytes as '?', cut at a character boundary to at most max bytes. Returns
 * the length. */
static size_t clean(char *dst, size_t max, const char *src, size_t n)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t o = 0, i = 0;
	int space = 0;

	while (i < n) {
		size_t l = utf8_len(s + i, n - i);
		unsigned char c = s[i];

		if (l == 1 && (is_space(c) || c < 0x20 || c == 0x7F)) {
			space = o > 0;
			i++;
			continue;
		}
		if (l == 2 && c == 0xC2 && s[i + 1] == 0xA0) {
			space = o > 0;
			i += 2;
			continue;
		}
		if (o + (size_t)space + (l == 0 ? 1 : l) > max)
			break;
		if (space)
			dst[o++] = ' ';
		space = 0;
		if (l == 0) {
			dst[o++] = '?';
			i++;
		} else {
			memcpy(dst + o, s + i, l);
			o += l;
			i += l;
		}
	}
	dst[o] = '\0';
	return o;
}

/* 1 when a and b are equal but for ASCII case. */
static int same_ci(const char *a, const char *b)
{
	while (*a != '\0' && lower((unsigned char)*a) == lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/* Alias key of a cleaned label: its ASCII letters and digits, lower case;
 * spaces, punctuation and en/em dashes dropped. "" when it holds other
 * characters or is too long. */
static void alias_key(char *key, const char *label)
{
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)label; *p != '\0'; p++) {
		if (is_alnum(*p)) {
			if (o + 1 >= ALIAS_MAX)
				goto none;
			key[o++] = (char)lower(*p);
		} else if (*p == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) {
			p += 2;
		} else if (*p >= 0x80) {
			goto none;
		}
	}
	key[o] = '\0';
	return;
none:
	key[0] = '\0';
}

/* Age in years of a cleaned label ("35", "35 tahun", "35 thn"), -1 if it
 * is not one. */
static int parse_age(const char *s)
{
	int v = 0, digits = 0;

	while (*s >= '0' && *s <= '9' && digits < 4) {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0 || digits > 3)
		return -1;
	if (*s == ' ')
		s++;
	if (*s != '\0' && !same_ci(s, "tahun") && !same_ci(s, "thn") && !same_ci(s, "th") &&
	    !same_ci(s, "tahun.") && !same_ci(s, "thn."))
		return -1;
	return v;
}

static int band_of(const struct resp_tally *t, int age)
{
	int i = 0;

	while (i < t->nbands && age >= t->cut[i])
		i++;
	return i;
}

/* Category of a known spelling, -1 if the label is none. */
static int known_category(const struct resp_tally *t, enum resp_field f, const char *label)
{
	const struct known *k = known_of[f];
	char key[ALIAS_MAX];

	if (f == RESP_AGE) {
		int age = parse_age(label);

		return age >= AGE_MIN && age <= AGE_MAX ? band_of(t, age) : -1;
	}
	if (k == NULL)
		return -1;
	alias_key(key, label);
	if (key[0] == '\0')
		return -1;
	for (int c = 0; k[c].label != NULL; c++)
		for (int a = 0; k[c].alias[a] != NULL; a++)
			if (strcmp(key, k[c].alias[a]) == 0)
				return c;
	return -1;
}

/* The category of a value not in the cache: known, seen, new, or beyond
 * the limit. */
static int classify(struct resp_tally *t, enum resp_field f, const char *s, size_t n)
{
	struct resp_table *tb = &t->t[f];
	char label[RESP_LABEL_MAX + 1];
	int c;

	if (clean(label, RESP_LABEL_MAX, s, n) == 0)
		return CAT_MISSING;
	c = known_category(t, f, label);
	if (c >= 0)
		return c;
	for (c = 0; c < tb->ncat; c++)
		if (same_ci(tb->cat[c].label, label))
			return c;
	if (tb->ncat >= RESP_MAX_CATEGORIES)
		return CAT_OTHER;
	c = tb->ncat++;
	memcpy(tb->cat[c].label, label, sizeof(label));
	tb->cat[c].count = 0;
	return c;
}

static int lookup(struct resp_tally *t, struct resp_index *ix, enum resp_field f, const char *s,
                  size_t n)
{
	struct cache_slot *cs;
	int c;

	if (n > CACHE_KEY_MAX)
		return classify(t, f, s, n);
	cs = &ix->cache[f][fnv1a(s, n) & (CACHE_SLOTS - 1)];
	if (cs->len == n && memcmp(cs->key, s, n) == 0)
		return cs->cat;
	c = classify(t, f, s, n);
	cs->len = (uint8_t)n;
	memcpy(cs->key, s, n);
	cs->cat = (int16_t)c;
	return c;
}

/* ---- suggestions ---- */

static int is_none(const char *key, size_t kl)
{
	int meaningful = 0;

	for (size_t i = 0; i < kl && !meaningful; i++)
		meaningful = is_alnum((unsigned char)key[i]) || (unsigned char)key[i] >= 0x80;
	if (!meaningful)
		return 1; /* "-", "--", "...", "?" */
	if (kl > 32)
		return 0;
	for (int i = 0; none_words[i] != NULL; i++)
		if (strcmp(key, none_words[i]) == 0)
			return 1;
	return 0;
}

static void add_suggestion(struct resp_tally *t, struct resp_index *ix, const char *s, size_t n)
{
	char text[RESP_SUGGESTION_MAX + 1], key[RESP_SUGGESTION_MAX + 1];
	size_t tl = clean(text, RESP_SUGGESTION_MAX, s, n), kl = tl;
	uint32_t h, at;
	int j;

	if (tl == 0)
		return;
	for (size_t i = 0; i <= tl; i++)
		key[i] = (char)lower((unsigned char)text[i]);
	while (kl > 0 && (key[kl - 1] == '.' || key[kl - 1] == '!' || key[kl - 1] == ',' ||
	                  key[kl - 1] == ';' || key[kl - 1] == ' '))
		key[--kl] = '\0';
	if (is_none(key, kl)) {
		t->sugg_none++;
		return;
	}
	t->sugg_rows++;
	h = fnv1a(key, kl);
	for (at = h & (SUGG_SLOTS - 1); ix->slot[at] != 0; at = (at + 1) & (SUGG_SLOTS - 1)) {
		j = (int)ix->slot[at] - 1;
		if (ix->hash[j] == h && strcmp(ix->key[j], key) == 0) {
			t->sugg[j].count++;
			return;
		}
	}
	if (t->nsugg >= RESP_MAX_SUGGESTIONS) {
		t->sugg_dropped++;
		return;
	}
	if (t->nsugg == ix->cap) {
		ix->cap = ix->cap == 0 ? 64 : ix->cap * 2;
		t->sugg = xreallocarray(t->sugg, (size_t)ix->cap, sizeof(*t->sugg));
		ix->hash = xreallocarray(ix->hash, (size_t)ix->cap, sizeof(*ix->hash));
		ix->key = xreallocarray(ix->key, (size_t)ix->cap, sizeof(*ix->key));
	}
	j = t->nsugg++;
	t->sugg[j].text = xstrndup(text, tl);
	t->sugg[j].count = 1;
	ix->key[j] = xstrndup(key, kl);
	ix->hash[j] = h;
	ix->slot[at] = (uint32_t)j + 1;
}

/* ---- the tally ---- */

static int cuts_valid(const int *cut, int ncut)
{
	if (cut == NULL || ncut < 1 || ncut > RESP_MAX_BANDS)
		return 0;
	for (int i = 0; i < ncut; i++)
		if (cut[i] < AGE_MIN || cut[i] > AGE_MAX || (i > 0 && cut[i] <= cut[i - 1]))
			return 0;
	return 1;
}

static void band_label(char *buf, size_t size, const struct resp_tally *t, int i)
{
	if (i == 0)
		snprintf(buf, size, "< %d tahun", t->cut[0]);
	else if (i == t->nbands)
		snprintf(buf, size, "\xE2\x89\xA5 %d tahun", t->cut[i - 1]);
	else if (t->cut[i] - 1 == t->cut[i - 1])
		snprintf(buf, size, "%d tahun", t->cut[i - 1]);
	else
		snprintf(buf, size, "%d" EN_DASH "%d tahun", t->cut[i - 1], t->cut[i] - 1);
}

void resp_init(struct resp_tally *t, const int *cut, int ncut)
{
	struct resp_index *ix;

	memset(t, 0, sizeof(*t));
	/* Invalid cut points (callers check with resp_parse_bands) give the
	 * default bands rather than a wrong table. */
	if (!cuts_valid(cut, ncut)) {
		cut = default_cut;
		ncut = (int)(sizeof(default_cut) / sizeof(default_cut[0]));
	}
	t->nbands = ncut;
	memcpy(t->cut, cut, (size_t)ncut * sizeof(*cut));
	ix = xcalloc(1, sizeof(*ix));
	t->index = ix;
	for (int f = 0; f < RESP_NFIELDS; f++) {
		struct resp_table *tb = &t->t[f];

		if (f == RESP_AGE) {
			for (int i = 0; i <= t->nbands; i++)
				band_label(tb->cat[i].label, sizeof(tb->cat[i].label), t, i);
			tb->ncat = t->nbands + 1;
		} else if (known_of[f] != NULL) {
			for (int i = 0; known_of[f][i].label != NULL; i++) {
				snprintf(tb->cat[i].label, sizeof(tb->cat[i].label), "%s",
				         known_of[f][i].label);
				tb->ncat++;
			}
		}
		ix->nknown[f] = tb->ncat;
	}
}

void resp_free(struct resp_tally *t)
{
	struct resp_index *ix;

	if (t == NULL)
		return;
	ix = t->index;
	for (int j = 0; j < t->nsugg; j++) {
		free(t->sugg[j].text);
		if (ix != NULL)
			free(ix->key[j]);
	}
	free(t->sugg);
	if (ix != NULL) {
		free(ix->hash);
		free(ix->key);
		free(ix);
	}
	t->sugg = NULL;
	t->nsugg = 0;
	t->index = NULL;
}

int resp_parse_bands(const char *spec, int *cut, int *ncut, struct ikm_err *err)
{
	int tmp[RESP_MAX_BANDS], n = 0;
	const char *p = spec;

	if (spec == NULL || spec[strspn(spec, " \t")] == '\0')
		return err_set(err, IKM_EUSAGE,
		               "batas kelompok usia kosong; tulis mis. \"20,30,40,50,60\" / age "
		               "bands are empty; write e.g. \"20,30,40,50,60\"");
	for (;;) {
		size_t len = strcspn(p, ",");
		const char *b = p, *e = p + len;
		char part[16], *end;
		long v;

		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (b == e)
			return err_set(
			    err, IKM_EUSAGE,
			    "batas kelompok usia \"%.80s\": ada bagian kosong (bagian ke-%d) "
			    "/ age bands: empty part %d",
			    spec, n + 1, n + 1);
		if ((size_t)(e - b) >= sizeof(part) || *b < '0' || *b > '9')
			goto bad;
		memcpy(part, b, (size_t)(e - b));
		part[e - b] = '\0';
		errno = 0;
		v = strtol(part, &end, 10);
		if (errno != 0 || *end != '\0' || v < AGE_MIN || v > AGE_MAX)
			goto bad;
		if (n >= RESP_MAX_BANDS)
			return err_set(
			    err, IKM_EUSAGE,
			    "batas kelompok usia \"%.80s\": paling banyak %d batas / age "
			    "bands: at most %d cut points",
			    spec, RESP_MAX_BANDS, RESP_MAX_BANDS);
		if (n > 0 && v <= tmp[n - 1])
			return err_set(
			    err, IKM_EUSAGE,
			    "batas kelompok usia \"%.80s\": %ld harus lebih besar dari %d "
			    "(batas harus naik) / age bands must increase: %ld after %d",
			    spec, v, tmp[n - 1], v, tmp[n - 1]);
		tmp[n++] = (int)v;
		if (p[len] == '\0')
			break;
		p += len + 1;
		continue;
bad:
		return err_set(err, IKM_EUSAGE,
		               "batas kelompok usia \"%.80s\": \"%.*s\" bukan bilangan bulat %d-%d "
		               "tahun / age bands: \"%.*s\" is not a whole number %d-%d",
		               spec, (int)(e - b > 40 ? 40 : e - b), b, AGE_MIN, AGE_MAX,
		               (int)(e - b > 40 ? 40 : e - b), b, AGE_MIN, AGE_MAX);
	}
	memcpy(cut, tmp, (size_t)n * sizeof(*cut));
	*ncut = n;
	return 0;
}

void resp_columns(struct resp_tally *t, const int prof_col[PROF_COUNT])
{
	struct resp_index *ix = t->index;

	for (int f = 0; f < RESP_NFIELDS; f++)
		if (prof_col[field_col[f]] >= 0)
			t->t[f].present = 1;
	if (prof_col[PROF_SUGGESTION] >= 0)
		t->sugg_present = 1;
	respdate_new_file(&ix->dates);
}

void resp_add(struct resp_tally *t, const char *const field[PROF_COUNT],
              const size_t len[PROF_COUNT])
{
	resp_add_classified(t, field, len, NULL);
}

void resp_add_classified(struct resp_tally *t, const char *const field[PROF_COUNT],
                         const size_t len[PROF_COUNT], int cat[RESP_NFIELDS])
{
	struct resp_index *ix = t->index;

	t->rows++;
	for (int f = 0; f < RESP_NFIELDS; f++) {
		const char *s = field[field_col[f]];
		size_t n = len[field_col[f]];
		struct resp_table *tb = &t->t[f];
		int c;

		if (cat != NULL)
			cat[f] = -1;
		if (s == NULL || n == 0) {
			tb->missing++;
			continue;
		}
		c = lookup(t, ix, f, s, n);
		if (cat != NULL)
			cat[f] = c >= 0 ? c : -1;
		if (c >= 0)
			tb->cat[c].count++;
		else if (c == CAT_OTHER)
			tb->other++;
		else
			tb->missing++;
	}
	if (field[PROF_DATE] != NULL && len[PROF_DATE] > 0 &&
	    respdate_add(&ix->dates, field[PROF_DATE], len[PROF_DATE]))
		respdate_range(&ix->dates, t->date_min, t->date_max);
	if (field[PROF_SUGGESTION] != NULL && len[PROF_SUGGESTION] > 0)
		add_suggestion(t, ix, field[PROF_SUGGESTION], len[PROF_SUGGESTION]);
}

/* ---- sorting ---- */

struct rank {
	uint64_t count;
	int idx; /* first appearance */
};

static int by_count(const void *pa, const void *pb)
{
	const struct rank *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

void resp_sorted(struct resp_tally *t)
{
	struct resp_index *ix = t->index;
	struct rank r[RESP_MAX_CATEGORIES];

	for (int f = 0; f < RESP_NFIELDS; f++) {
		struct resp_table *tb = &t->t[f];
		struct resp_category tmp[RESP_MAX_CATEGORIES];
		int k = ix->nknown[f], m = tb->ncat - k;

		for (int i = 0; i < m; i++)
			r[i] = (struct rank){tb->cat[k + i].count, k + i};
		qsort(r, (size_t)m, sizeof(r[0]), by_count);
		for (int i = 0; i < m; i++)
			tmp[i] = tb->cat[r[i].idx];
		memcpy(&tb->cat[k], tmp, (size_t)m * sizeof(tmp[0]));
		/* The cache holds category indices: start it afresh. */
		memset(ix->cache[f], 0, sizeof(ix->cache[f]));
	}
	if (t->nsugg > 1) {
		struct rank *sr = xcalloc((size_t)t->nsugg, sizeof(*sr));
		struct resp_suggestion *s = xcalloc((size_t)t->nsugg, sizeof(*s));
		char **key = xcalloc((size_t)t->nsugg, sizeof(*key));
		uint32_t *hash = xcalloc((size_t)t->nsugg, sizeof(*hash));

		for (int i = 0; i < t->nsugg; i++)
			sr[i] = (struct rank){t->sugg[i].count, i};
		qsort(sr, (size_t)t->nsugg, sizeof(sr[0]), by_count);
		memset(ix->slot, 0, sizeof(ix->slot));
		for (int i = 0; i < t->nsugg; i++) {
			uint32_t at;

			s[i] = t->sugg[sr[i].idx];
			key[i] = ix->key[sr[i].idx];
			hash[i] = ix->hash[sr[i].idx];
			for (at = hash[i] & (SUGG_SLOTS - 1); ix->slot[at] != 0;
			     at = (at + 1) & (SUGG_SLOTS - 1))
				;
			ix->slot[at] = (uint32_t)i + 1;
		}
		memcpy(t->sugg, s, (size_t)t->nsugg * sizeof(*s));
		memcpy(ix->key, key, (size_t)t->nsugg * sizeof(*key));
		memcpy(ix->hash, hash, (size_t)t->nsugg * sizeof(*hash));
		free(sr);
		free(s);
		free(key);
		free(hash);
	}
}
