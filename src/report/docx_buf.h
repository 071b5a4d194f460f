/* docx_buf: what the DOCX writer appends to the byte buffer it builds each
 * part in (struct bytebuf, XML text): the escaping of text into
 * WordprocessingML and the small fragments every block is made of (runs,
 * paragraphs, inline pictures). Internal to doc_docx and docx_parts.
 * Appending is amortised O(1), so a table of thousands of rows is built in
 * linear time. Markup goes in with bytebuf_puts and bytebuf_printf; text
 * from the document only through docx_buf_esc or the fragments here, which
 * escape it. */
#ifndef IKM_DOCX_BUF_H
#define IKM_DOCX_BUF_H

#include "bytebuf.h"
#include "doc.h"

/* Append s XML-escaped (NULL is ""). In run text (in_run), a line feed
 * becomes <w:br/> and a tab <w:tab/>; elsewhere both become a space. Other
 * control characters are dropped, invalid UTF-8 becomes U+FFFD. */
void docx_buf_esc(struct bytebuf *b, const char *s, int in_run);

/* One run <w:r> with run properties rpr ("" for none): prefix (markup-free,
 * not escaped) then text, escaped. */
void docx_buf_run(struct bytebuf *b, const char *rpr, const char *prefix, const char *text);
/* The non-empty runs of p, bold ones bold. */
void docx_buf_runs(struct bytebuf *b, const struct doc_para *p);
/* A paragraph of style `style` with extra paragraph properties ppr (after
 * the style, in schema order) and one run of text with properties rpr, or
 * no run when text is NULL or empty. */
void docx_buf_para(struct bytebuf *b, const char *style, const char *ppr, const char *rpr,
                   const char *text);
/* A run holding an inline DrawingML picture cx x cy EMU: the media file
 * name, its relationship id rid, docPr id (unique in the document), and alt
 * text alt, then a space and more when more is not empty (both escaped). */
void docx_buf_picture(struct bytebuf *b, int id, const char *name, const char *rid, long cx,
                      long cy, const char *alt, const char *more);

#endif
