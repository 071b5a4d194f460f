/* docx_buf: the growing byte buffer the DOCX writer builds each part in
 * (XML text or PNG bytes), the escaping of text into WordprocessingML and
 * the small fragments every block is made of (runs, paragraphs, inline
 * pictures). Internal to doc_docx and docx_parts. Appending is amortised
 * O(1), so a table of thousands of rows is built in linear time. */
#ifndef IKM_DOCX_BUF_H
#define IKM_DOCX_BUF_H

#include <stddef.h>

#include "doc.h"

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

/* One run <w:r> with run properties rpr ("" for none): prefix (markup-free,
 * not escaped) then text, escaped. */
void docx_buf_run(struct docx_buf *b, const char *rpr, const char *prefix, const char *text);
/* The non-empty runs of p, bold ones bold. */
void docx_buf_runs(struct docx_buf *b, const struct doc_para *p);
/* A paragraph of style `style` with extra paragraph properties ppr (after
 * the style, in schema order) and one run of text with properties rpr, or
 * no run when text is NULL or empty. */
void docx_buf_para(struct docx_buf *b, const char *style, const char *ppr, const char *rpr,
                   const char *text);
/* A run holding an inline DrawingML picture cx x cy EMU: the media file
 * name, its relationship id rid, docPr id (unique in the document), and alt
 * text alt, then a space and more when more is not empty (both escaped). */
void docx_buf_picture(struct docx_buf *b, int id, const char *name, const char *rid, long cx,
                      long cy, const char *alt, const char *more);

#endif
