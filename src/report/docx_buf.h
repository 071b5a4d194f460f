/* docx_buf: the growing byte buffer the DOCX writer builds each part in
 * (XML text or PNG bytes), and the escaping of text into WordprocessingML.
 * Internal to doc_docx and docx_parts. Appending is amortised O(1), so a
 * table of thousands of rows is built in linear time. */
#ifndef IKM_DOCX_BUF_H
#define IKM_DOCX_BUF_H

#include <stddef.h>

struct docx_buf {
	char *p; /* NUL-terminated after every append; NULL while empty */
	size_t len, cap;
};

/* Append n bytes of s (any bytes; aborts on out-of-memory). */
void docx_buf_add(struct docx_buf *b, const void *s, size_t n);
/* Append the string s. */
void docx_buf_puts(struct docx_buf *b, const char *s);
/* Append a short formatted string (under 512 bytes: programmer error
 * otherwise, which aborts). Never give it user text: use docx_buf_esc. */
void docx_buf_printf(struct docx_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append s XML-escaped (NULL is ""). In run text (in_run), a line feed
 * becomes <w:br/> and a tab <w:tab/>; elsewhere both become a space. Other
 * control characters are dropped, invalid UTF-8 becomes U+FFFD. */
void docx_buf_esc(struct docx_buf *b, const char *s, int in_run);
/* The contents, handed to the caller (free with free(); never NULL, "" when
 * empty) with its length in *len (may be NULL); b is left empty. */
char *docx_buf_take(struct docx_buf *b, size_t *len);
/* Free the contents and leave b empty. */
void docx_buf_free(struct docx_buf *b);

#endif
