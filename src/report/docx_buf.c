/* docx_buf: see docx_buf.h. Fragments follow the schema order of
 * WordprocessingML, which Word checks. */
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

void docx_buf_run(struct docx_buf *b, const char *rpr, const char *prefix, const char *text)
{
	docx_buf_puts(b, "<w:r>");
	if (rpr[0] != '\0') {
		docx_buf_puts(b, "<w:rPr>");
		docx_buf_puts(b, rpr);
		docx_buf_puts(b, "</w:rPr>");
	}
	docx_buf_puts(b, "<w:t xml:space=\"preserve\">");
	docx_buf_puts(b, prefix);
	docx_buf_esc(b, text, 1);
	docx_buf_puts(b, "</w:t></w:r>");
}

void docx_buf_runs(struct docx_buf *b, const struct doc_para *p)
{
	for (int i = 0; i < p->nruns; i++) {
		const struct doc_run *r = &p->runs[i];

		if (r->text != NULL && r->text[0] != '\0')
			docx_buf_run(b, r->bold ? "<w:b/><w:bCs/>" : "", "", r->text);
	}
}

void docx_buf_para(struct docx_buf *b, const char *style, const char *ppr, const char *rpr,
                   const char *text)
{
	docx_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	docx_buf_puts(b, ppr);
	docx_buf_puts(b, "</w:pPr>");
	if (text != NULL && text[0] != '\0')
		docx_buf_run(b, rpr, "", text);
	docx_buf_puts(b, "</w:p>");
}

void docx_buf_picture(struct docx_buf *b, int id, const char *name, const char *rid, long cx,
                      long cy, const char *alt, const char *more)
{
	docx_buf_printf(
	    b,
	    "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	    "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" "
	    "b=\"0\"/><wp:docPr id=\"%d\" name=\"%s\" descr=\"",
	    cx, cy, id, name);
	docx_buf_esc(b, alt, 0);
	if (more[0] != '\0') {
		docx_buf_puts(b, " ");
		docx_buf_esc(b, more, 0);
	}
	docx_buf_puts(b,
	              "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
	              "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
	              "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
	              "<pic:nvPicPr>");
	docx_buf_printf(b,
	                "<pic:cNvPr id=\"%d\" name=\"%s\"/><pic:cNvPicPr/></pic:nvPicPr>"
	                "<pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch><a:fillRect/>"
	                "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>",
	                id, name, rid);
	docx_buf_printf(
	    b,
	    "<a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>"
	    "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
	    "</w:drawing></w:r>",
	    cx, cy);
}
