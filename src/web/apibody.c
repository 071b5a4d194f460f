/* apibody: see apibody.h. */
#include "apibody.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const educations[] = {"SD", "SMP", "SMA", "D1-D3", "D4/S1", "S2", "S3"};
static const char *const jobs[] = {"PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"};

#define NEDU ((int)(sizeof(educations) / sizeof(educations[0])))
#define NJOB ((int)(sizeof(jobs) / sizeof(jobs[0])))

static const char msg_required[] = "wajib diisi / required";
static const char msg_string[] = "harus berupa teks / must be a string";
static const char msg_unknown[] = "isian tidak dikenal / unknown field";

void apibody_error(struct apibody *b, const char *field, const char *msg)
{
	struct apibody_error *e;

	if (b->nerr >= APIBODY_ERRORS_MAX)
		return;
	e = &b->err[b->nerr++];
	snprintf(e->field, sizeof(e->field), "%s", field);
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
}

/* "prefix.key" with the key cut to keep the name bounded. */
static void sub_error(struct apibody *b, const char *prefix, const char *key, const char *msg)
{
	char field[APIBODY_FIELD_MAX + 1];

	snprintf(field, sizeof(field), "%s.%.48s", prefix, key);
	apibody_error(b, field, msg);
}

/* 1 when the UTF-8 text s[0..n) (jansson checked the encoding) has no
 * control character but tab and line ends: no NUL, C0, DEL or C1, as the
 * public form takes it (formdata). */
static int prose_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') || p[i] == 0x7f ||
		    (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f))
			return 0;
	return 1;
}

static int slug_ok(const char *s, size_t n)
{
	if (n == 0 || n > STORE_SLUG_MAX || s[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* A string member: 1 present and a string (*s, *n), 0 absent or null, -1
 * present with another type (error added). */
static int get_string(struct apibody *b, const json_t *o, const char *key, const char *field,
                      const char **s, size_t *n)
{
	const json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		apibody_error(b, field, msg_string);
		return -1;
	}
	*s = json_string_value(v);
	*n = json_string_length(v);
	return 1;
}

static int date_ok(const char *s, size_t n, int32_t *out)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = 0, m = 0, d = 0;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return 0;
		if (i < 4)
			y = y * 10 + (s[i] - '0');
		else if (i < 7)
			m = m * 10 + (s[i] - '0');
		else
			d = d * 10 + (s[i] - '0');
	}
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)))
		return 0;
	*out = y * 10000 + m * 100 + d;
	return 1;
}

/* Index of the element whose code or id is key, or -1. */
static int element_index(const struct instrument *in, const char *key)
{
	for (int j = 0; j < in->k; j++)
		if (strcasecmp(in->el[j].code, key) == 0 || strcmp(in->el[j].id, key) == 0)
			return j;
	return -1;
}

static void check_answers(const json_t *root, const struct instrument *in, struct apibody *b)
{
	const json_t *ans = json_object_get(root, "answers");
	const char *key;
	json_t *v;
	int seen[INSTR_MAX_ELEMENTS] = {0};

	if (ans == NULL || json_is_null(ans)) {
		apibody_error(b, "answers", msg_required);
		return;
	}
	if (!json_is_object(ans)) {
		apibody_error(b, "answers",
		              "harus berupa objek {\"U1\": 4, ...} / must be an object");
		return;
	}
	json_object_foreach((json_t *)ans, key, v)
	{
		int j = in != NULL ? element_index(in, key) : 0;
		json_int_t x;

		if (j < 0) {
			sub_error(b, "answers", key,
			          "unsur tidak dikenal pada instrumen unit ini / unknown element");
			continue;
		}
		if (!json_is_integer(v) || (x = json_integer_value(v)) < 1 || x > INSTR_OPTIONS) {
			sub_error(
			    b, "answers", key,
			    "nilai harus bilangan bulat 1 sampai 4 / must be an integer 1 to 4");
			continue;
		}
		if (in == NULL)
			continue;
		if (seen[j]) {
			sub_error(b, "answers", key,
			          "unsur ini sudah dijawab dengan kode atau id lain / element "
			          "answered twice");
			continue;
		}
		seen[j] = 1;
		b->answers[j] = (uint8_t)x;
	}
	if (in == NULL)
		return;
	for (int j = 0; j < in->k; j++)
		if (!seen[j] && b->answers[j] == 0)
			sub_error(b, "answers", in->el[j].code,
			          "jawaban wajib diisi, 1 sampai 4 / answer required, 1 to 4");
}

/* s (n bytes) one of list: copied into out. */
static int one_of(const char *s, size_t n, const char *const *list, int nlist, char *out,
                  size_t size)
{
	for (int i = 0; i < nlist; i++)
		if (strlen(list[i]) == n && memcmp(s, list[i], n) == 0) {
			snprintf(out, size, "%s", list[i]);
			return 1;
		}
	return 0;
}

static void check_profile(const json_t *root, struct apibody *b)
{
	static const char *const known[] = {"gender", "age", "education", "job"};
	const json_t *p = json_object_get(root, "profile"), *age;
	const char *key, *s;
	json_t *v;
	size_t n;

	if (p == NULL || json_is_null(p))
		return;
	if (!json_is_object(p)) {
		apibody_error(b, "profile", "harus berupa objek / must be an object");
		return;
	}
	json_object_foreach((json_t *)p, key, v)
	{
		int k = 0;

		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			k |= strcmp(key, known[i]) == 0;
		if (!k)
			sub_error(b, "profile", key, msg_unknown);
	}
	if (get_string(b, p, "gender", "profile.gender", &s, &n) > 0 &&
	    !one_of(s, n, (const char *const[]){"L", "P"}, 2, b->gender, sizeof(b->gender)))
		apibody_error(b, "profile.gender",
		              "harus \"L\" atau \"P\" / must be \"L\" or \"P\"");
	age = json_object_get(p, "age");
	if (age != NULL && !json_is_null(age)) {
		json_int_t x = json_is_integer(age) ? json_integer_value(age) : 0;

		if (x < 10 || x > 120)
			apibody_error(b, "profile.age",
			              "usia harus bilangan bulat 10 sampai 120 / age must be an "
			              "integer 10 to 120");
		else
			b->age = (int)x;
	}
	if (get_string(b, p, "education", "profile.education", &s, &n) > 0 &&
	    !one_of(s, n, educations, NEDU, b->education, sizeof(b->education)))
		apibody_error(b, "profile.education",
		              "salah satu dari SD, SMP, SMA, D1-D3, D4/S1, S2, S3 / must be one "
		              "of the list");
	if (get_string(b, p, "job", "profile.job", &s, &n) > 0 &&
	    !one_of(s, n, jobs, NJOB, b->job, sizeof(b->job)))
		apibody_error(b, "profile.job",
		              "salah satu dari PNS, TNI, POLRI, Swasta, Wirausaha, Lainnya / must "
		              "be one of the list");
}

int apibody_validate(const json_t *root, const struct instrument *in, struct apibody *b)
{
	static const char *const known[] = {"unit", "service", "client_id",  "answers",
	                                    "date", "profile", "suggestion", "ticket"};
	const char *key, *s;
	json_t *v;
	size_t n;
	int rc;

	memset(b, 0, sizeof(*b));
	b->age = -1;
	b->k = in != NULL ? in->k : 0;
	if (!json_is_object(root)) {
		apibody_error(b, "",
		              "isi permintaan harus objek JSON / body must be a JSON object");
		return -1;
	}
	json_object_foreach((json_t *)root, key, v)
	{
		int k = 0;

		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			k |= strcmp(key, known[i]) == 0;
		if (!k) {
			char field[APIBODY_FIELD_MAX + 1];

			snprintf(field, sizeof(field), "%.48s", key);
			apibody_error(b, field, msg_unknown);
		}
	}
	rc = get_string(b, root, "unit", "unit", &s, &n);
	if (rc == 0)
		apibody_error(b, "unit", msg_required);
	else if (rc > 0 && !slug_ok(s, n))
		apibody_error(b, "unit", "slug unit tidak sah (a-z, 0-9, -) / invalid unit slug");
	else if (rc > 0)
		memcpy(b->unit, s, n + 1);
	rc = get_string(b, root, "service", "service", &s, &n);
	if (rc > 0 && !slug_ok(s, n))
		apibody_error(b, "service",
		              "slug layanan tidak sah (a-z, 0-9, -) / invalid service slug");
	else if (rc > 0)
		memcpy(b->service, s, n + 1);
	rc = get_string(b, root, "client_id", "client_id", &s, &n);
	if (rc > 0) {
		int good = n >= APIBODY_CLIENT_MIN && n <= STORE_ID_MAX;

		for (size_t i = 0; good && i < n; i++)
			good = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
			       s[i] == '-';
		if (good)
			memcpy(b->client_id, s, n + 1);
		else
			apibody_error(b, "client_id",
			              "16 sampai 64 karakter 0-9, a-f atau - / 16 to 64 characters "
			              "0-9, a-f or -");
	}
	rc = get_string(b, root, "date", "date", &s, &n);
	if (rc > 0 && !date_ok(s, n, &b->date))
		apibody_error(b, "date",
		              "bukan tanggal YYYY-MM-DD yang sah / not a valid YYYY-MM-DD");
	rc = get_string(b, root, "suggestion", "suggestion", &s, &n);
	if (rc > 0 && n > STORE_SUGG_MAX)
		apibody_error(b, "suggestion",
		              "saran paling banyak 2.000 bait / at most 2,000 bytes");
	else if (rc > 0 && !prose_ok(s, n))
		apibody_error(
		    b, "suggestion",
		    "saran berisi karakter kendali / the suggestion has control characters");
	else if (rc > 0)
		memcpy(b->suggestion, s, n + 1);
	rc = get_string(b, root, "ticket", "ticket", &s, &n);
	if (rc > 0) {
		char norm[TICKET_CODE_MAX + 1];

		if (n > TICKET_TYPED_MAX || memchr(s, '\0', n) != NULL ||
		    ticket_normalise(s, norm) < 0)
			apibody_error(
			    b, "ticket",
			    "nomor tiket hanya huruf dan angka, paling banyak 32 / a ticket "
			    "has only letters and digits, at most 32");
		else
			memcpy(b->ticket, s, n + 1);
	}
	check_answers(root, in, b);
	check_profile(root, b);
	return b->nerr > 0 ? -1 : 0;
}
