/* docx_buf: see docx_buf.h. Fragments follow the schema order of
 * WordprocessingML, which Word checks. */
#include "docx_buf.h"

#include <stdint.h>
#include <string.h>

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD for invalid UTF-8 */

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

void docx_buf_esc(struct bytebuf *b, const char *s, int in_run)
{
	static const char *const entity[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	static const char *const brk[] = {"</w:t><w:br/><w:t xml:space=\"preserve\">",
	                                  "</w:t><w:tab/><w:t xml:space=\"preserve\">"};
	const unsigned char *p = (const unsigned char *)s;

	while (p != NULL && *p != '\0') {
		const char *e = strchr("&<>\"'", *p);
		size_t n;

		if (e != NULL) {
			bytebuf_puts(b, entity[e - "&<>\"'"]);
		} else if (*p == '\n' || *p == '\t') {
			bytebuf_puts(b, in_run ? brk[*p == '\t'] : " ");
		} else if (*p < 0x20 || *p == 0x7f) {
			/* a control character: dropped */
		} else if ((n = utf8_len(p)) == 0) {
			bytebuf_puts(b, REPLACEMENT);
		} else {
			bytebuf_add(b, p, n);
			p += n;
			continue;
		}
		p++;
	}
}

void docx_buf_run(struct bytebuf *b, const char *rpr, const char *prefix, const char *text)
{
	bytebuf_puts(b, "<w:r>");
	if (rpr[0] != '\0') {
		bytebuf_puts(b, "<w:rPr>");
		bytebuf_puts(b, rpr);
		bytebuf_puts(b, "</w:rPr>");
	}
	bytebuf_puts(b, "<w:t xml:space=\"preserve\">");
	bytebuf_puts(b, prefix);
	docx_buf_esc(b, text, 1);
	bytebuf_puts(b, "</w:t></w:r>");
}

void docx_buf_runs(struct bytebuf *b, const struct doc_para *p)
{
	for (int i = 0; i < p->nruns; i++) {
		const struct doc_run *r = &p->runs[i];

		if (r->text != NULL && r->text[0] != '\0')
			docx_buf_run(b, r->bold ? "<w:b/><w:bCs/>" : "", "", r->text);
	}
}

void docx_buf_para(struct bytebuf *b, const char *style, const char *ppr, const char *rpr,
                   const char *text)
{
	bytebuf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	bytebuf_puts(b, ppr);
	bytebuf_puts(b, "</w:pPr>");
	if (text != NULL && text[0] != '\0')
		docx_buf_run(b, rpr, "", text);
	bytebuf_puts(b, "</w:p>");
}

void docx_buf_picture(struct bytebuf *b, int id, const char *name, const char *rid, long cx,
                      long cy, const char *alt, const char *more)
{
	bytebuf_printf(b,
	               "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	               "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" "
	               "b=\"0\"/><wp:docPr id=\"%d\" name=\"%s\" descr=\"",
	               cx, cy, id, name);
	docx_buf_esc(b, alt, 0);
	if (more[0] != '\0') {
		bytebuf_puts(b, " ");
		docx_buf_esc(b, more, 0);
	}
	bytebuf_puts(b, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
	                "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
	                "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
	                "<pic:nvPicPr>");
	bytebuf_printf(b,
	               "<pic:cNvPr id=\"%d\" name=\"%s\"/><pic:cNvPicPr/></pic:nvPicPr>"
	               "<pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch><a:fillRect/>"
	               "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>",
	               id, name, rid);
	bytebuf_printf(b,
	               "<a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>"
	               "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
	               "</w:drawing></w:r>",
	               cx, cy);
}
