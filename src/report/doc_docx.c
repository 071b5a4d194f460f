/* doc_docx: see doc_docx.h. The body (word/document.xml) is rendered here
 * into a docx_buf; docx_parts adds the package around it, every part handed
 * to libzip (which takes ownership of the buffer) and written at zip_close.
 * Layout follows doc_pdf: A4, margins 2.5 cm left and 2 cm elsewhere, the
 * letterhead centred over a thick-thin double rule (beside the logo in a
 * borderless table when there is one), justified body text, the signature
 * centred in the right half of the page. */
#include "doc_docx.h"
#include "docx_parts.h"
#include "logo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "xalloc.h"

#define TEXT_W     9354    /* twips: A4 11906 less margins 1418 and 1134 */
#define LOGO_H     792000  /* EMU: 2.2 cm */
#define LOGO_W_MAX 1260000 /* EMU: 3.5 cm, so the letterhead text keeps room */
#define EMU_TWIP   635
#define LOGO_GAP   170 /* twips between logo and text */
#define SIG_SPACE  4   /* empty lines left to sign and stamp */

#define CHECK_MARK "\xe2\x9c\x93 " /* U+2713 and a space */

#define RULE_BORDER                                                                                \
	"<w:pBdr><w:bottom w:val=\"thinThickSmallGap\" w:sz=\"24\" w:space=\"4\" "                 \
	"w:color=\"000000\"/></w:pBdr><w:spacing w:after=\"360\"/>"

/* A letterhead table cell w twips wide, text centred vertically. */
#define CELL                                                                                       \
	"<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"

/* One run of text with run properties rpr ("" for none). */
static void put_run(struct docx_buf *b, const char *rpr, const char *prefix, const char *text)
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

static void put_runs(struct docx_buf *b, const struct doc_para *p)
{
	for (int i = 0; i < p->nruns; i++) {
		const struct doc_run *r = &p->runs[i];

		if (r->text != NULL && r->text[0] != '\0')
			put_run(b, r->bold ? "<w:b/><w:bCs/>" : "", "", r->text);
	}
}

/* A paragraph of style `style` with extra paragraph properties ppr (after
 * the style, in schema order) and one run of text, or none when text is
 * NULL. */
static void put_para(struct docx_buf *b, const char *style, const char *ppr, const char *rpr,
                     const char *text)
{
	docx_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	docx_buf_puts(b, ppr);
	docx_buf_puts(b, "</w:pPr>");
	if (text != NULL && text[0] != '\0')
		put_run(b, rpr, "", text);
	docx_buf_puts(b, "</w:p>");
}

/* An inline DrawingML picture of logo number id (1-based), cx x cy EMU. */
static void put_picture(struct docx_buf *b, int id, long cx, long cy, const char *owner)
{
	docx_buf_printf(
	    b,
	    "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	    "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" "
	    "b=\"0\"/><wp:docPr id=\"%d\" name=\"Logo %d\" descr=\"Logo",
	    cx, cy, id, id);
	if (owner[0] != '\0') {
		docx_buf_puts(b, " ");
		docx_buf_esc(b, owner, 0);
	}
	docx_buf_puts(b,
	              "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
	              "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
	              "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
	              "<pic:nvPicPr>");
	docx_buf_printf(b,
	                "<pic:cNvPr id=\"%d\" name=\"logo.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
	                "<pic:blipFill><a:blip r:embed=\"rIdLogo%d\"/><a:stretch><a:fillRect/>"
	                "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>",
	                id, id);
	docx_buf_printf(
	    b,
	    "<a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>"
	    "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
	    "</w:drawing></w:r>",
	    cx, cy);
}

/* Kop surat: government, agency and address lines centred, the double rule
 * under the last paragraph. With a logo, the lines sit in the middle
 * column of a borderless table, the logo inline in the left column and an
 * empty right column as wide keeps the text centred on the page; a small
 * paragraph under the table carries the rule across the full width. */
static int put_letterhead(struct docx *x, const struct doc_block *k, struct ikm_err *err)
{
	static const char *const style[3] = {"LetterheadGovernment", "LetterheadAgency",
	                                     "LetterheadAddress"};
	struct docx_buf *b = &x->doc;
	uint32_t pw = 0, ph = 0;
	long cx, cy, col;
	int last = -1, id;

	for (int i = 0; i < k->nlines; i++)
		if (k->lines[i] != NULL && k->lines[i][0] != '\0')
			last = i;
	if (k->logo == NULL) {
		for (int i = 0; i <= last; i++)
			if (k->lines[i][0] != '\0')
				put_para(b, style[i < 2 ? i : 2], i == last ? RULE_BORDER : "", "",
				         k->lines[i]);
		if (last < 0)
			put_para(b, "LetterheadRule", RULE_BORDER, "", NULL);
		return 0;
	}
	x->logos = xreallocarray(x->logos, (size_t)x->nlogos + 1, sizeof(*x->logos));
	if (logo_read(k->logo, &x->logos[x->nlogos].data, &x->logos[x->nlogos].len, &pw, &ph,
	              err) != 0)
		return -1;
	id = ++x->nlogos;
	cy = LOGO_H;
	cx = (long)((double)LOGO_H * pw / ph);
	if (cx > LOGO_W_MAX) {
		cx = LOGO_W_MAX;
		cy = (long)((double)LOGO_W_MAX * ph / pw);
	}
	cx = cx < 1 ? 1 : cx;
	cy = cy < 1 ? 1 : cy;
	col = cx / EMU_TWIP + LOGO_GAP;
	docx_buf_printf(
	    b,
	    "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" "
	    "w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" "
	    "w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
	    "<w:tblLook w:val=\"0000\"/></w:tblPr>",
	    TEXT_W);
	docx_buf_printf(b,
	                "<w:tblGrid><w:gridCol w:w=\"%ld\"/><w:gridCol w:w=\"%ld\"/>"
	                "<w:gridCol w:w=\"%ld\"/></w:tblGrid><w:tr>",
	                col, TEXT_W - 2 * col, col);
	docx_buf_printf(
	    b, CELL "<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/><w:jc w:val=\"left\"/></w:pPr>",
	    col);
	put_picture(b, id, cx, cy,
	            k->nlines > 0 && k->lines[0][0] != '\0' ? k->lines[0]
	            : k->nlines > 1                         ? k->lines[1]
	                                                    : "");
	docx_buf_printf(b, "</w:p></w:tc>" CELL, TEXT_W - 2 * col);
	for (int i = 0; i <= last; i++)
		if (k->lines[i][0] != '\0')
			put_para(b, style[i < 2 ? i : 2], "", "", k->lines[i]);
	if (last < 0)
		docx_buf_puts(b, "<w:p/>"); /* a cell ends with a paragraph */
	docx_buf_printf(b, "</w:tc>" CELL "<w:p/></w:tc></w:tr></w:tbl>", col);
	put_para(b, "LetterheadRule", RULE_BORDER, "", NULL);
	return 0;
}

/* Place and date, position, room to sign, name (bold, underlined),
 * rank/NIP; empty parts are left out, the room to sign never is. The
 * Signature style indents to the right half and centres. */
static void put_signature(struct docx_buf *b, const struct doc_block *k)
{
	int first = 1;

	for (int i = 0; i < 4; i++) {
		const char *s = i < k->nlines ? k->lines[i] : NULL;

		if (i == 2) {
			for (int j = 0; j < SIG_SPACE; j++) {
				put_para(b, "Signature",
				         first ? "<w:spacing w:before=\"360\"/>" : "", "", NULL);
				first = 0;
			}
		}
		if (s == NULL || s[0] == '\0')
			continue;
		put_para(b, "Signature", first ? "<w:spacing w:before=\"360\"/>" : "",
		         i == 2 ? "<w:b/><w:bCs/><w:u w:val=\"single\"/>" : "", s);
		first = 0;
	}
}

/* Each list is its own numbering instance, so its lettering restarts. */
static void put_list(struct docx *x, const struct doc_block *k)
{
	int num;

	if (k->nitems == 0)
		return;
	x->nums = xreallocarray(x->nums, (size_t)x->nnums + 1, sizeof(*x->nums));
	x->nums[x->nnums++] = k->style;
	num = x->nnums;
	for (int i = 0; i < k->nitems; i++) {
		docx_buf_printf(&x->doc,
		                "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
		                "<w:ilvl w:val=\"0\"/><w:numId w:val=\"%d\"/></w:numPr></w:pPr>",
		                num);
		put_runs(&x->doc, &k->items[i]);
		docx_buf_puts(&x->doc, "</w:p>");
	}
}

static int render(struct docx *x, const struct doc *d, struct ikm_err *err)
{
	struct docx_buf *b = &x->doc;

	docx_buf_puts(b,
	              XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
	                       "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
	                       "wordprocessingDrawing\" "
	                       "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
	                       "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/"
	                       "picture\"><w:body>");
	for (int i = 0; i < d->nblocks; i++) {
		const struct doc_block *k = &d->blocks[i];

		switch (k->kind) {
		case DOC_LETTERHEAD:
			if (put_letterhead(x, k, err) != 0)
				return -1;
			break;
		case DOC_TITLE:
			put_para(b, "Title", "", "", k->text);
			break;
		case DOC_HEADING:
			docx_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>");
			put_run(b, "", k->mark ? CHECK_MARK : "", k->text);
			docx_buf_puts(b, "</w:p>");
			break;
		case DOC_PARA:
			docx_buf_puts(b, "<w:p>");
			put_runs(b, &k->para);
			docx_buf_puts(b, "</w:p>");
			break;
		case DOC_LIST:
			put_list(x, k);
			break;
		case DOC_SIGNATURE:
			put_signature(b, k);
			break;
		case DOC_COVER:
		case DOC_CHAPTER:
		case DOC_PAGEBREAK:
		case DOC_TABLE:
		case DOC_FIGURE:
			break; /* not rendered yet */
		}
	}
	docx_buf_puts(b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
	                 "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1418\" w:header=\"709\" "
	                 "w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
	return 0;
}

/* fsync the finished archive so the rename never exposes an empty file. */
static int sync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	int e = 0;

	if (fd < 0)
		return errno;
	if (fsync(fd) != 0)
		e = errno;
	close(fd);
	return e;
}

int doc_docx_save(const struct doc *d, const char *path, struct ikm_err *err)
{
	size_t n = strlen(path);
	char *tmp = xmalloc(n + sizeof(".tmp"));
	struct docx x = {0};
	zip_t *za = NULL;
	int ze = 0, e;

	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp", sizeof(".tmp"));
	if (render(&x, d, err) != 0) {
		err_prefix(err, "%s: ", path);
		goto fail;
	}
	za = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	if (za == NULL) {
		zip_error_t zerr;

		zip_error_init_with_code(&zerr, ze);
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        zip_error_strerror(&zerr));
		zip_error_fini(&zerr);
		goto fail;
	}
	if (docx_parts_add(za, d, &x) != 0) {
		err_set(err, IKM_EIO, "%s: gagal menyusun DOCX / cannot build DOCX: %s", path,
		        zip_strerror(za));
		goto fail;
	}
	if (zip_close(za) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        zip_strerror(za));
		goto fail;
	}
	za = NULL;
	e = sync_file(tmp);
	if (e != 0) {
		err_set(err, IKM_EIO, "%s: gagal menulis / write failed: %s", path, strerror(e));
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat diganti / cannot replace: %s", path,
		        strerror(errno));
		goto fail;
	}
	docx_parts_free(&x);
	free(tmp);
	return 0;
fail:
	if (za != NULL)
		zip_discard(za);
	remove(tmp);
	docx_parts_free(&x);
	free(tmp);
	return -1;
}
