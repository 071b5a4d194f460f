/* formdata: see formdata.h. Each pair is decoded into a buffer bounded by
 * its limit (so no input makes a large allocation), checked as UTF-8 and
 * only then copied. Messages name the field by its position and name: the
 * decoded name once it is known to be clean, the raw bytes (non-printable
 * ones as '?') before. */
#include "formdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define SHOWN 40 /* bytes of a name or escape quoted in a message */

enum text_check { TEXT_OK, TEXT_UTF8, TEXT_CONTROL };

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..n) ('+' as space, %XX) into dst, which has room for max
 * bytes and a NUL. Returns the length; -1 for a bad escape (*bad its
 * offset in s), -2 when the result is longer than max. */
static long decode(const char *s, size_t n, char *dst, size_t max, size_t *bad)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (k == max)
			return -2;
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int hi = -1, lo = -1;

			if (n - i > 2) {
				hi = hexval((unsigned char)s[i + 1]);
				lo = hexval((unsigned char)s[i + 2]);
			}
			if (hi < 0 || lo < 0) {
				*bad = i;
				return -1;
			}
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		dst[k++] = (char)c;
	}
	dst[k] = '\0';
	return (long)k;
}

/* TEXT_OK when s[0..n) is UTF-8 (shortest form, no surrogates, at most
 * U+10FFFF) without control characters (C0, DEL, C1; tab, CR and LF are
 * allowed when ws). */
static enum text_check check_text(const unsigned char *s, size_t n, int ws)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], cp, min, need;

		if (c < 0x80) {
			if (c == 0x7f ||
			    (c < 0x20 && !(ws && (c == '\t' || c == '\r' || c == '\n'))))
				return TEXT_CONTROL;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1, cp = c & 0x1f, min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2, cp = c & 0x0f, min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return TEXT_UTF8; /* a continuation byte, C0/C1 (overlong) or F5..FF */
		}
		if (n - i <= need)
			return TEXT_UTF8; /* cut short */
		for (unsigned k = 1; k <= need; k++) {
			unsigned b = s[i + k];

			if ((b & 0xc0) != 0x80)
				return TEXT_UTF8;
			cp = cp << 6 | (b & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return TEXT_UTF8; /* overlong, too large, a surrogate */
		if (cp <= 0x9f)
			return TEXT_CONTROL; /* C1 */
		i += need + 1;
	}
	return TEXT_OK;
}

/* Quote up to SHOWN bytes of s[0..n) into buf: printable ASCII as is,
 * other bytes as '?' unless utf8 (s is clean UTF-8: kept whole, cut only
 * between characters); "..." when cut. */
static const char *quote(char buf[SHOWN + 4], const char *s, size_t n, int utf8)
{
	size_t k = n < SHOWN ? n : SHOWN;

	if (utf8)
		while (k < n && k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[i] = (c >= 0x20 && c < 0x7f) || (utf8 && c >= 0x80) ? (char)c : '?';
	}
	if (k < n) {
		memcpy(buf + k, "...", 4);
		return buf;
	}
	buf[k] = '\0';
	return buf;
}

/* The error for a bad escape at s + at. */
static int bad_escape(struct ikm_err *err, int idx, const char *q, const char *what_id,
                      const char *what_en, const char *s, size_t n, size_t at)
{
	char esc[4] = {0};
	size_t m = n - at < 3 ? n - at : 3;

	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)s[at + i];

		esc[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	return err_set(err, IKM_EDATA,
	               "isian ke-%d \"%s\": kode persen tidak sah \"%s\" dalam %s / "
	               "bad percent escape in the %s",
	               idx, q, esc, what_id, what_en);
}

/* Decode, check and add the pair p[0..n), field number idx. */
static int add_field(struct formdata *out, int idx, const char *p, size_t n, char *val,
                     struct ikm_err *err)
{
	char name[FORMDATA_NAME_MAX + 1];
	char q[SHOWN + 4];
	const char *eq = memchr(p, '=', n);
	size_t rn = eq != NULL ? (size_t)(eq - p) : n;
	const char *rv = eq != NULL ? eq + 1 : p + n;
	size_t rvn = eq != NULL ? n - rn - 1 : 0, bad = 0;
	long nl, vl;
	enum text_check tc;

	nl = decode(p, rn, name, FORMDATA_NAME_MAX, &bad);
	quote(q, p, rn, 0);
	if (nl == -1)
		return bad_escape(err, idx, q, "nama", "name", p, rn, bad);
	if (nl == -2)
		return err_set(err, IKM_ELIMIT,
		               "isian ke-%d \"%s\": nama lebih dari %d byte / "
		               "field name longer than %d bytes",
		               idx, q, FORMDATA_NAME_MAX, FORMDATA_NAME_MAX);
	tc = check_text((const unsigned char *)name, (size_t)nl, 0);
	if (tc != TEXT_OK)
		return err_set(err, IKM_EDATA, "isian ke-%d \"%s\": %s", idx, q,
		               tc == TEXT_UTF8
		                   ? "nama bukan UTF-8 yang sah / the name is not valid "
		                     "UTF-8"
		                   : "nama berisi karakter kendali / the name holds a "
		                     "control character");
	quote(q, name, (size_t)nl, 1);
	if (out->n == FORMDATA_MAX_FIELDS)
		return err_set(err, IKM_ELIMIT,
		               "isian ke-%d \"%s\": lebih dari %d isian / more than %d fields", idx,
		               q, FORMDATA_MAX_FIELDS, FORMDATA_MAX_FIELDS);
	vl = decode(rv, rvn, val, FORMDATA_VALUE_MAX, &bad);
	if (vl == -1)
		return bad_escape(err, idx, q, "nilai", "value", rv, rvn, bad);
	if (vl == -2)
		return err_set(
		    err, IKM_ELIMIT,
		    "isian ke-%d \"%s\": nilai lebih dari %d byte / value longer than %d "
		    "bytes",
		    idx, q, FORMDATA_VALUE_MAX, FORMDATA_VALUE_MAX);
	tc = check_text((const unsigned char *)val, (size_t)vl, 1);
	if (tc != TEXT_OK)
		return err_set(err, IKM_EDATA, "isian ke-%d \"%s\": %s", idx, q,
		               tc == TEXT_UTF8
		                   ? "nilai bukan UTF-8 yang sah / the value is not valid "
		                     "UTF-8"
		                   : "nilai berisi karakter kendali / the value holds a "
		                     "control character");
	out->f[out->n].name = xstrndup(name, (size_t)nl);
	out->f[out->n].value = xstrndup(val, (size_t)vl);
	out->n++;
	return 0;
}

int formdata_parse(const char *s, size_t len, struct formdata *out, struct ikm_err *err)
{
	char *val = xmalloc(FORMDATA_VALUE_MAX + 1);
	size_t pos = 0;
	int idx = 0;

	out->n = 0;
	while (pos < len) {
		const char *amp = memchr(s + pos, '&', len - pos);
		size_t end = amp != NULL ? (size_t)(amp - s) : len;

		if (end > pos && add_field(out, ++idx, s + pos, end - pos, val, err) < 0) {
			formdata_free(out);
			free(val);
			return -1;
		}
		pos = end + 1;
	}
	free(val);
	return 0;
}

const char *formdata_get(const struct formdata *f, const char *name)
{
	if (f == NULL || name == NULL)
		return NULL;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].name, name) == 0)
			return f->f[i].value;
	return NULL;
}

void formdata_free(struct formdata *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->n; i++) {
		free(f->f[i].name);
		free(f->f[i].value);
		f->f[i].name = f->f[i].value = NULL;
	}
	f->n = 0;
}
