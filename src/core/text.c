/* text: see text.h. */
#include "text.h"

#include <string.h>

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Shared folding loop: `breaks` says whether punctuation is a word break. */
static size_t fold(char *dst, size_t dstsize, const char *src, size_t len, int breaks)
{
	size_t o = 0;
	int pending_space = 0;

	if (dstsize == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];
		int sep;

		/* U+00A0 NO-BREAK SPACE is C2 A0 in UTF-8. */
		if (c == 0xC2 && i + 1 < len && (unsigned char)src[i + 1] == 0xA0) {
			i++;
			sep = 1;
		} else {
			sep = is_space(c) || (breaks && c < 0x80 && !is_alnum(c));
		}
		if (sep) {
			pending_space = (o > 0);
			continue;
		}
		if (pending_space) {
			if (o + 1 >= dstsize)
				goto full;
			dst[o++] = ' ';
			pending_space = 0;
		}
		if (o + 1 >= dstsize)
			goto full;
		dst[o++] = (char)lower(c);
	}
	dst[o] = '\0';
	return o;
full:
	dst[dstsize - 1] = '\0';
	return dstsize;
}

size_t text_fold(char *dst, size_t dstsize, const char *src, size_t len)
{
	return fold(dst, dstsize, src, len, 0);
}

size_t text_words(char *dst, size_t dstsize, const char *src, size_t len)
{
	return fold(dst, dstsize, src, len, 1);
}

int text_has_word(const char *words, const char *word)
{
	size_t wl = strlen(word);
	const char *p = words;

	if (wl == 0)
		return 0;
	while ((p = strstr(p, word)) != NULL) {
		int start_ok = (p == words || p[-1] == ' ');
		int end_ok = (p[wl] == '\0' || p[wl] == ' ');

		if (start_ok && end_ok)
			return 1;
		p++;
	}
	return 0;
}

void text_trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space((unsigned char)(*s)[0])) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

char *text_upper(char *dst, size_t dstsize, const char *src)
{
	size_t i = 0;

	if (dstsize == 0)
		return dst;
	for (; src[i] != '\0' && i + 1 < dstsize; i++) {
		char c = src[i];

		dst[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	/* Do not end inside a UTF-8 sequence. */
	while (i > 0 && ((unsigned char)src[i] & 0xC0) == 0x80)
		i--;
	dst[i] = '\0';
	return dst;
}

int text_clean_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u != '\0') {
		unsigned long cp, min;
		int more;

		if (*u < 0x80) {
			if (*u < 0x20 || *u == 0x7f)
				return 0;
			u++;
			continue;
		}
		if (*u >= 0xc2 && *u <= 0xdf) {
			more = 1, cp = *u & 0x1fu, min = 0x80;
		} else if ((*u & 0xf0) == 0xe0) {
			more = 2, cp = *u & 0x0fu, min = 0x800;
		} else if (*u >= 0xf0 && *u <= 0xf4) {
			more = 3, cp = *u & 0x07u, min = 0x10000;
		} else {
			return 0;
		}
		for (int i = 1; i <= more; i++) {
			if ((u[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (u[i] & 0x3fu);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		u += more + 1;
	}
	return 1;
}
