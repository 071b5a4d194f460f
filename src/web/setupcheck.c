/* setupcheck: see setupcheck.h. */
#include "setupcheck.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

#define SHOWN 40 /* bytes of a value quoted in a message */

/* s without the spaces around it, into buf (size bytes); NULL when it
 * does not fit. */
static const char *trimmed(const char *s, char *buf, size_t size)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (s == NULL)
		s = "";
	text_trim(&s, &n);
	if (n >= size)
		return NULL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

int setupcheck_date(const char *s, int32_t *day, struct ikm_err *err)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	char buf[16];
	const char *t = trimmed(s, buf, sizeof(buf));
	int y = 0, m = 0, d = 0;

	if (t == NULL || strlen(t) != 10 || t[4] != '-' || t[7] != '-')
		goto bad;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
			goto bad;
	y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
	m = (t[5] - '0') * 10 + (t[6] - '0');
	d = (t[8] - '0') * 10 + (t[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12)
		goto bad;
	if (d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)))
		return err_set(err, IKM_EUSAGE, "Tanggal %.*s tidak ada di kalender.", SHOWN, t);
	*day = y * 10000 + m * 100 + d;
	return 0;
bad:
	return err_set(err, IKM_EUSAGE,
	               "Tulis tanggal dalam bentuk TTTT-BB-HH, misalnya 2026-01-31 (tahun "
	               "1900-2999).");
}

int setupcheck_slug(const char *s, char out[STORE_SLUG_MAX + 1], struct ikm_err *err)
{
	char buf[STORE_SLUG_MAX + 1];
	const char *t = trimmed(s, buf, sizeof(buf));

	out[0] = '\0';
	if (t != NULL && t[0] == '\0')
		return err_set(err, IKM_EUSAGE, "Wajib diisi.");
	if (t == NULL)
		return err_set(err, IKM_ELIMIT, "Paling banyak %d karakter.", STORE_SLUG_MAX);
	if (!store_slug_ok(t))
		return err_set(err, IKM_EUSAGE,
		               "Pakai huruf kecil a-z, angka dan tanda minus saja, tidak diawali "
		               "minus (misalnya puskesmas-a).");
	memcpy(out, t, strlen(t) + 1);
	return 0;
}

int setupcheck_count(const char *s, int64_t max, int64_t *n, struct ikm_err *err)
{
	char buf[48];
	const char *t = trimmed(s, buf, sizeof(buf));
	int64_t v = 0;
	size_t len, digits = 0, group = 0;
	int dotted = 0;

	if (t == NULL || t[0] == '\0')
		return err_set(err, IKM_EUSAGE, "Isi jumlah populasi dengan angka.");
	len = strlen(t);
	/* Digits, or groups of three after the first 1-3 digits ("1.500"). */
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '.') {
			if ((dotted && group != 3) || (!dotted && (group == 0 || group > 3)))
				goto bad;
			dotted = 1;
			group = 0;
			continue;
		}
		if (t[i] < '0' || t[i] > '9')
			goto bad;
		if (v > (INT64_MAX - 9) / 10) /* far past any max */
			goto big;
		v = v * 10 + (t[i] - '0');
		digits++;
		group++;
	}
	if (digits == 0 || (dotted && (group != 3 || t[0] == '0')))
		goto bad;
	if (v > max)
		goto big;
	if (v < 1)
		return err_set(err, IKM_EUSAGE, "Populasi paling sedikit 1.");
	*n = v;
	return 0;
big:
	return err_set(err, IKM_EUSAGE, "Populasi paling banyak %lld.", (long long)max);
bad:
	return err_set(err, IKM_EUSAGE,
	               "Tulis populasi sebagai bilangan bulat, misalnya 1500 atau 1.500.");
}

int setupcheck_text(const char *s, enum setupcheck_lines lines, int required, size_t max, char *out,
                    size_t size, struct ikm_err *err)
{
	size_t n = s != NULL ? strlen(s) : 0, o = 0;

	out[0] = '\0';
	if (s == NULL)
		s = "";
	text_trim(&s, &n);
	if (n > max)
		return err_set(err, IKM_ELIMIT,
		               "Terlalu panjang (%zu bait); paling banyak %zu bait.", n, max);
	if (n >= size) /* a caller's mistake: max must be below size */
		return err_set(err, IKM_ELIMIT, "Terlalu panjang.");
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];

		if (ch == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue; /* CR LF: one break */
		if (ch == '\r')
			ch = '\n';
		if (ch == '\n' && lines == SETUPCHECK_LINE)
			return err_set(err, IKM_EUSAGE,
			               "Tulis dalam satu baris, tanpa ganti baris.");
		if (ch == '\t' || (ch == '\n' && lines == SETUPCHECK_FLAT)) {
			if (o > 0 && out[o - 1] == ' ')
				continue;
			ch = ' ';
		}
		out[o++] = ch;
	}
	out[o] = '\0';
	/* Clean UTF-8 without control characters, apart from the kept breaks. */
	{
		int clean = 1;
		char *p = out;

		while (clean && p != NULL) {
			char *nl = strchr(p, '\n');

			if (nl != NULL)
				*nl = '\0';
			clean = text_clean_utf8(p);
			if (nl != NULL)
				*nl = '\n';
			p = nl != NULL ? nl + 1 : NULL;
		}
		if (!clean) {
			out[0] = '\0';
			return err_set(
			    err, IKM_EUSAGE,
			    "Teks memuat karakter yang tidak sah (bukan UTF-8 atau karakter "
			    "kendali).");
		}
	}
	if (required && o == 0)
		return err_set(err, IKM_EUSAGE, "Wajib diisi.");
	return 0;
}

int setupcheck_code(const char *s, const struct instrument *in, char out[16], struct ikm_err *err)
{
	char buf[16];
	const char *t = trimmed(s, buf, sizeof(buf));
	char *end;
	long v;

	if (t == NULL || (t[0] != 'U' && t[0] != 'u') || t[1] < '1' || t[1] > '9')
		goto bad;
	errno = 0;
	v = strtol(t + 1, &end, 10);
	if (errno != 0 || *end != '\0' || v < 10 || v > 99)
		goto bad;
	snprintf(out, 16, "U%ld", v);
	for (int j = 0; j < in->k; j++)
		if (strcasecmp(in->el[j].code, out) == 0)
			return err_set(err, IKM_EUSAGE, "Kode %s sudah dipakai unsur lain.", out);
	return 0;
bad:
	out[0] = '\0';
	return err_set(err, IKM_EUSAGE,
	               "Kode unsur tambahan berbentuk U10 sampai U99 (U1-U9 adalah unsur baku).");
}
