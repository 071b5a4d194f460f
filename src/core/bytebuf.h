/* bytebuf: a growable byte buffer. Appending is amortised O(1) (the
 * capacity doubles), and the contents are NUL-terminated after every
 * append, so text built in one can be read as a string. Start from {0};
 * out-of-memory aborts (xalloc). The DOCX writer builds its parts in one,
 * the SVG figures theirs. */
#ifndef IKM_BYTEBUF_H
#define IKM_BYTEBUF_H

#include <stddef.h>

struct bytebuf {
	char *p; /* NUL-terminated after every append; NULL until the first */
	size_t len, cap;
};

/* Append n bytes of s (any bytes, NUL too; s may be NULL when n is 0). */
void bytebuf_add(struct bytebuf *b, const void *s, size_t n);
/* Append the string s. */
void bytebuf_puts(struct bytebuf *b, const char *s);
/* Append a formatted string, of any length. */
void bytebuf_printf(struct bytebuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents, handed to the caller (free with free(); never NULL, "" when
 * nothing was appended) with its length in *len (may be NULL); b is left
 * empty. */
char *bytebuf_take(struct bytebuf *b, size_t *len);
/* Free the contents and leave b empty; b->p may be NULL. */
void bytebuf_free(struct bytebuf *b);

#endif
