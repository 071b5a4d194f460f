/* docx_buf: see docx_buf.h. */
#include "docx_buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD for invalid UTF-8 */

void docx_buf_add(struct docx_buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap != 0 ? b->cap : 4096;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void docx_buf_puts(struct docx_buf *b, const char *s)
{
	docx_buf_add(b, s, strlen(s));
}

void docx_buf_printf(struct docx_buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		abort(); /* programmer error: only short fixed formats are used */
	docx_buf_add(b, tmp, (size_t)n);
}

/* Length of the valid UTF-8 sequence at s that XML 1.0 allows, or 0
 * (overlong, surrogate, beyond U+10FFFF, U+FFFE/U+FFFF, truncated). */
static size_t utf8_len(const unsigned char *s)
{
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	uint32_t cp = s[0] & (0x7f >> n);

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0; /* also stops at the terminating NUL */
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
		return 0;
	return n;
}

void docx_buf_esc(struct docx_buf *b, const char *s, int in_run)
{
	static const char *const entity[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	static const char *const brk[] = {"</w:t><w:br/><w:t xml:space=\"preserve\">",
	                                  "</w:t><w:tab/><w:t xml:space=\"preserve\">"};
	const unsigned char *p = (const unsigned char *)s;

	while (p != NULL && *p != '\0') {
		const char *e = strchr("&<>\"'", *p);
		size_t n;

		if (e != NULL) {
			docx_buf_puts(b, entity[e - "&<>\"'"]);
		} else if (*p == '\n' || *p == '\t') {
			docx_buf_puts(b, in_run ? brk[*p == '\t'] : " ");
		} else if (*p < 0x20 || *p == 0x7f) {
			/* a control character: dropped */
		} else if ((n = utf8_len(p)) == 0) {
			docx_buf_puts(b, REPLACEMENT);
		} else {
			docx_buf_add(b, p, n);
			p += n;
			continue;
		}
		p++;
	}
}

char *docx_buf_take(struct docx_buf *b, size_t *len)
{
	char *p = b->p != NULL ? b->p : xstrdup("");

	if (len != NULL)
		*len = b->len;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

void docx_buf_free(struct docx_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
