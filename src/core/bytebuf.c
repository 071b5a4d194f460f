/* bytebuf: see bytebuf.h. */
#include "bytebuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define BYTEBUF_FIRST 4096 /* the first allocation, in bytes */

/* Make room for n more bytes and the terminator. */
static void grow(struct bytebuf *b, size_t n)
{
	size_t cap;

	if (n >= SIZE_MAX - b->len)
		abort(); /* more than memory can hold */
	if (b->len + n + 1 <= b->cap)
		return;
	cap = b->cap != 0 ? b->cap : BYTEBUF_FIRST;
	while (b->len + n + 1 > cap)
		cap = cap <= SIZE_MAX / 2 ? cap * 2 : b->len + n + 1;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void bytebuf_add(struct bytebuf *b, const void *s, size_t n)
{
	grow(b, n);
	if (n != 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void bytebuf_puts(struct bytebuf *b, const char *s)
{
	bytebuf_add(b, s, strlen(s));
}

void bytebuf_printf(struct bytebuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Format into the room there is; when it is too small, make room for
	 * the whole and format again. */
	grow(b, 0);
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort(); /* an invalid format: programmer error */
	if ((size_t)n >= b->cap - b->len) {
		grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *bytebuf_take(struct bytebuf *b, size_t *len)
{
	char *p = b->p != NULL ? b->p : xstrdup("");

	if (len != NULL)
		*len = b->len;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

void bytebuf_free(struct bytebuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
