/* doc_docx: see doc_docx.h. The body (word/document.xml) is rendered here
 * into a bytebuf with docx_buf's fragments; docx_parts adds the package
 * around it, every part handed to libzip (which takes ownership of the
 * buffer) and written at zip_close.
 * Layout follows doc_pdf: A4, margins 2.5 cm left and 2 cm elsewhere, the
 * letterhead centred over a thick-thin double rule (beside the logo in a
 * borderless table when there is one), justified body text, the signature
 * centred in the right half of the page. */
#include "doc_docx.h"
#include "docx_parts.h"
#include "logo.h"

#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
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

#define TEXT_H           14570   /* twips: A4 16838 less margins 1134 and 1134 */
#define COVER_LOGO_H     1440000 /* EMU: 4 cm */
#define COVER_LOGO_W_MAX 2880000 /* EMU: 8 cm */
#define COVER_TOP        720     /* twips above the title lines */
#define COVER_GAP        1134    /* twips above and below the logo */
#define COVER_SLACK      1134    /* twips the estimate of the cover's height may be short */
#define EMU_PT           12700
#define FIGURE_SCALE     2 /* PNG pixels per point, for print */

/* A paragraph that only breaks the page; 1 pt high, should its mark be
 * carried to the new page. */
#define PAGE_BREAK                                                                                 \
	"<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:rPr>"         \
	"<w:sz w:val=\"2\"/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val=\"2\"/></w:rPr>"               \
	"<w:br w:type=\"page\"/></w:r></w:p>"

/* Table properties: the text width, ruled with single 1/2 pt lines, fixed
 * column widths, narrow cell margins. */
#define TABLE_PR                                                                                   \
	"<w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"                             \
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"                    \
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"                   \
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"                 \
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"                  \
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"                \
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"                \
	"</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" "          \
	"w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"                      \
	"<w:tblLook w:val=\"04A0\"/></w:tblPr>"

#define CHECK_MARK "\xe2\x9c\x93 " /* U+2713 and a space */

#define RULE_BORDER                                                                                \
	"<w:pBdr><w:bottom w:val=\"thinThickSmallGap\" w:sz=\"24\" w:space=\"4\" "                 \
	"w:color=\"000000\"/></w:pBdr><w:spacing w:after=\"360\"/>"

/* A letterhead table cell w twips wide, text centred vertically. */
#define CELL                                                                                       \
	"<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"

/* Read the logo PNG at path into the package, sized h EMU high (at most
 * wmax EMU wide) in *cx x *cy. Its media entry, or NULL with err set. */
static const struct docx_media *add_logo(struct docx *x, const char *path, long h, long wmax,
                                         long *cx, long *cy, struct ikm_err *err)
{
	unsigned char *data = NULL;
	size_t len = 0;
	uint32_t pw = 0, ph = 0;

	if (logo_read(path, &data, &len, &pw, &ph, err) != 0)
		return NULL;
	*cy = h;
	*cx = (long)((double)h * pw / ph);
	if (*cx > wmax) {
		*cx = wmax;
		*cy = (long)((double)wmax * ph / pw);
	}
	*cx = *cx < 1 ? 1 : *cx;
	*cy = *cy < 1 ? 1 : *cy;
	return docx_parts_media(x, 0, data, len);
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
	struct bytebuf *b = &x->doc;
	const struct docx_media *m;
	long cx, cy, col;
	int last = -1;

	for (int i = 0; i < k->nlines; i++)
		if (k->lines[i] != NULL && k->lines[i][0] != '\0')
			last = i;
	if (k->logo == NULL) {
		for (int i = 0; i <= last; i++)
			if (k->lines[i][0] != '\0')
				docx_buf_para(b, style[i < 2 ? i : 2], i == last ? RULE_BORDER : "",
				              "", k->lines[i]);
		if (last < 0)
			docx_buf_para(b, "LetterheadRule", RULE_BORDER, "", NULL);
		return 0;
	}
	m = add_logo(x, k->logo, LOGO_H, LOGO_W_MAX, &cx, &cy, err);
	if (m == NULL)
		return -1;
	col = cx / EMU_TWIP + LOGO_GAP;
	bytebuf_printf(
	    b,
	    "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" "
	    "w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" "
	    "w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
	    "<w:tblLook w:val=\"0000\"/></w:tblPr>",
	    TEXT_W);
	bytebuf_printf(b,
	               "<w:tblGrid><w:gridCol w:w=\"%ld\"/><w:gridCol w:w=\"%ld\"/>"
	               "<w:gridCol w:w=\"%ld\"/></w:tblGrid><w:tr>",
	               col, TEXT_W - 2 * col, col);
	bytebuf_printf(
	    b, CELL "<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/><w:jc w:val=\"left\"/></w:pPr>",
	    col);
	docx_buf_picture(b, x->nmedia, m->name, m->rid, cx, cy, "Logo",
	                 k->nlines > 0 && k->lines[0][0] != '\0' ? k->lines[0]
	                 : k->nlines > 1                         ? k->lines[1]
	                                                         : "");
	bytebuf_printf(b, "</w:p></w:tc>" CELL, TEXT_W - 2 * col);
	for (int i = 0; i <= last; i++)
		if (k->lines[i][0] != '\0')
			docx_buf_para(b, style[i < 2 ? i : 2], "", "", k->lines[i]);
	if (last < 0)
		bytebuf_puts(b, "<w:p/>"); /* a cell ends with a paragraph */
	bytebuf_printf(b, "</w:tc>" CELL "<w:p/></w:tc></w:tr></w:tbl>", col);
	docx_buf_para(b, "LetterheadRule", RULE_BORDER, "", NULL);
	return 0;
}

/* Place and date, position, room to sign, name (bold, underlined),
 * rank/NIP; empty parts are left out, the room to sign never is. The
 * Signature style indents to the right half and centres. */
static void put_signature(struct bytebuf *b, const struct doc_block *k)
{
	int first = 1;

	for (int i = 0; i < 4; i++) {
		const char *s = i < k->nlines ? k->lines[i] : NULL;

		if (i == 2) {
			for (int j = 0; j < SIG_SPACE; j++) {
				docx_buf_para(b, "Signature",
				              first ? "<w:spacing w:before=\"360\"/>" : "", "",
				              NULL);
				first = 0;
			}
		}
		if (s == NULL || s[0] == '\0')
			continue;
		docx_buf_para(b, "Signature", first ? "<w:spacing w:before=\"360\"/>" : "",
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
		bytebuf_printf(&x->doc,
		               "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
		               "<w:ilvl w:val=\"0\"/><w:numId w:val=\"%d\"/></w:numPr></w:pPr>",
		               num);
		docx_buf_runs(&x->doc, &k->items[i]);
		bytebuf_puts(&x->doc, "</w:p>");
	}
}

/* Twips a cover line of sz half-points takes, with after twips below it:
 * wrapped at an estimate of 0.7 em a character (bold capitals), lines of
 * 1.15 (the default line spacing). */
static long cover_line_h(const char *s, int sz, long after)
{
	long chars = 0, per_line = TEXT_W * 10 / (sz * 10 * 7);

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		chars += (*p & 0xc0) != 0x80;
	per_line = per_line < 1 ? 1 : per_line;
	return (1 + (chars > 0 ? chars - 1 : 0) / per_line) * sz * 10 * 115 / 100 + after;
}

/* A cover: the title lines at the top, the logo under them, the foot lines
 * pushed to the foot of the page by the space before the first of them
 * (an estimate that leaves COVER_SLACK to spare, so the cover never spills
 * onto a second page). The caller breaks the page after it. */
static int put_cover(struct docx *x, const struct doc_block *k, struct ikm_err *err)
{
	struct bytebuf *b = &x->doc;
	const struct docx_media *m = NULL;
	long cx = 0, cy = 0, used = COVER_TOP, before;

	if (k->logo != NULL) {
		m = add_logo(x, k->logo, COVER_LOGO_H, COVER_LOGO_W_MAX, &cx, &cy, err);
		if (m == NULL)
			return -1;
		used += 2 * COVER_GAP + cy / EMU_TWIP * 115 / 100;
	}
	for (int i = 0; i < k->nlines; i++)
		used += i < k->ntop ? cover_line_h(k->lines[i], 32, 120)
		                    : cover_line_h(k->lines[i], 28, 60);
	before = TEXT_H - used - COVER_SLACK;
	before = before < 240 ? 240 : before;
	for (int i = 0; i < k->ntop; i++)
		docx_buf_para(b, "CoverTitle", i == 0 ? "<w:spacing w:before=\"720\"/>" : "", "",
		              k->lines[i]);
	if (m != NULL) {
		bytebuf_printf(b,
		               "<w:p><w:pPr><w:pStyle w:val=\"Cover\"/><w:spacing w:before=\"%d\" "
		               "w:after=\"%d\"/></w:pPr>",
		               COVER_GAP, COVER_GAP);
		docx_buf_picture(b, x->nmedia, m->name, m->rid, cx, cy, "Logo",
		                 k->nlines > k->ntop ? k->lines[k->ntop] : "");
		bytebuf_puts(b, "</w:p>");
	}
	for (int i = k->ntop; i < k->nlines; i++) {
		if (i == k->ntop)
			bytebuf_printf(b,
			               "<w:p><w:pPr><w:pStyle w:val=\"CoverFoot\"/><w:spacing "
			               "w:before=\"%ld\"/></w:pPr>",
			               before);
		else
			bytebuf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"CoverFoot\"/></w:pPr>");
		docx_buf_run(b, "", "", k->lines[i]);
		bytebuf_puts(b, "</w:p>");
	}
	return 0;
}

/* A chapter heading: label and title on two lines (Heading1 starts a new
 * page and centres). */
static void put_chapter(struct bytebuf *b, const struct doc_block *k)
{
	const char *title = k->nlines > 0 ? k->lines[0] : "";

	bytebuf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>");
	if (k->text[0] != '\0')
		docx_buf_run(b, "", "", k->text);
	if (k->text[0] != '\0' && title[0] != '\0')
		bytebuf_puts(b, "<w:r><w:br/></w:r>");
	if (title[0] != '\0')
		docx_buf_run(b, "", "", title);
	bytebuf_puts(b, "</w:p>");
}

/* One table cell w twips wide, with extra cell properties tcpr, a paragraph
 * of style with properties ppr, and the text (bold or not). */
static void put_cell(struct bytebuf *b, long w, const char *tcpr, const char *style,
                     const char *ppr, int bold, const char *text)
{
	bytebuf_printf(b,
	               "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>%s</w:tcPr><w:p><w:pPr>"
	               "<w:pStyle w:val=\"%s\"/>%s</w:pPr>",
	               w, tcpr, style, ppr);
	if (text[0] != '\0')
		docx_buf_run(b, bold ? "<w:b/><w:bCs/>" : "", "", text);
	bytebuf_puts(b, "</w:p></w:tc>");
}

/* A ruled table across the text width, its caption above (kept with it),
 * the header row repeated on every page, no row split across pages. An
 * empty paragraph follows, so two tables never merge. */
static void put_table(struct bytebuf *b, const struct doc_block *k)
{
	static const char *const jc[] = {"", "<w:jc w:val=\"center\"/>", "<w:jc w:val=\"right\"/>"};
	const struct doc_table *t = k->table;
	const char *style = t->compact ? "TableTextSmall" : "TableText";
	long w[DOC_MAX_COLS], used = 0;
	double sum = 0;

	for (int c = 0; c < t->ncols; c++)
		sum += t->width[c];
	for (int c = 0; c < t->ncols; c++) {
		w[c] = c + 1 < t->ncols ? (long)(TEXT_W * t->width[c] / sum) : TEXT_W - used;
		w[c] = w[c] < 1 ? 1 : w[c];
		used += w[c];
	}
	if (k->text[0] != '\0')
		docx_buf_para(b, "Caption", "<w:keepNext/>", "", k->text);
	bytebuf_puts(b, "<w:tbl>" TABLE_PR "<w:tblGrid>");
	for (int c = 0; c < t->ncols; c++)
		bytebuf_printf(b, "<w:gridCol w:w=\"%ld\"/>", w[c]);
	bytebuf_puts(b, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
	for (int c = 0; c < t->ncols; c++)
		put_cell(b, w[c],
		         "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>"
		         "<w:vAlign w:val=\"center\"/>",
		         style, jc[DOC_ALIGN_CENTER], 1, t->head[c]);
	bytebuf_puts(b, "</w:tr>");
	for (int r = 0; r < t->nrows; r++) {
		const char *const *row =
		    (const char *const *)t->cell + (size_t)r * (size_t)t->ncols;

		bytebuf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int c = 0; c < t->ncols; c++)
			put_cell(b, w[c], "", style, jc[t->align[c]], t->bold[r], row[c]);
		bytebuf_puts(b, "</w:tr>");
	}
	bytebuf_puts(b, "</w:tbl><w:p/>");
}

static cairo_status_t png_write(void *closure, const unsigned char *data, unsigned int len)
{
	bytebuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* A figure: drawn at FIGURE_SCALE pixels a point on white into a PNG
 * (word/media/figureN.png), inline and centred at its size in points (at
 * most the text width), the caption under it. */
static int put_figure(struct docx *x, const struct doc_block *k, struct ikm_err *err)
{
	const struct doc_figure *f = k->figure;
	struct bytebuf *b = &x->doc, png = {0};
	const struct docx_media *m;
	cairo_surface_t *s;
	cairo_status_t st;
	cairo_t *cr;
	long cx, cy, wmax = (long)TEXT_W * EMU_TWIP;
	unsigned char *data;
	size_t len;

	if (!(f->w >= 1 && f->w <= DOC_DOCX_FIGURE_MAX && f->h >= 1 && f->h <= DOC_DOCX_FIGURE_MAX))
		return err_set(err, IKM_ELIMIT,
		               "ukuran gambar %.0f x %.0f pt di luar 1-%d pt / figure size outside "
		               "1-%d pt",
		               f->w, f->h, DOC_DOCX_FIGURE_MAX, DOC_DOCX_FIGURE_MAX);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(f->w * FIGURE_SCALE),
	                               (int)ceil(f->h * FIGURE_SCALE));
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, FIGURE_SCALE, FIGURE_SCALE);
	cairo_set_source_rgb(cr, 0, 0, 0);
	if (f->draw != NULL)
		f->draw(cr, f->w, f->h, f->data);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(s, png_write, &png);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		bytebuf_free(&png);
		return err_set(err, IKM_EIO, "gambar tidak dapat dibuat / cannot render figure: %s",
		               cairo_status_to_string(st));
	}
	data = (unsigned char *)bytebuf_take(&png, &len);
	m = docx_parts_media(x, 1, data, len);
	cx = lround(f->w * EMU_PT);
	cy = lround(f->h * EMU_PT);
	if (cx > wmax) {
		cy = lround((double)cy * wmax / cx);
		cx = wmax;
	}
	bytebuf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/>%s</w:pPr>",
	               k->text[0] != '\0' ? "" : "<w:keepNext w:val=\"0\"/>");
	docx_buf_picture(b, x->nmedia, m->name, m->rid, cx, cy,
	                 k->text[0] != '\0' ? k->text : "Gambar", "");
	bytebuf_puts(b, "</w:p>");
	if (k->text[0] != '\0')
		docx_buf_para(b, "Caption", "", "", k->text);
	return 0;
}

static int render(struct docx *x, const struct doc *d, struct ikm_err *err)
{
	struct bytebuf *b = &x->doc;
	int top = 1, brk = 0; /* at the top of a page; a page break pending */

	bytebuf_puts(b,
	             XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
	                      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
	                      "wordprocessingDrawing\" "
	                      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
	                      "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/"
	                      "picture\"><w:body>");
	/* A page break is held until a block follows that does not start a
	 * page of its own (a chapter), so none ever leaves an empty page; a
	 * cover is a page of its own, before and after. */
	for (int i = 0; i < d->nblocks; i++) {
		const struct doc_block *k = &d->blocks[i];

		if (k->kind == DOC_PAGEBREAK) {
			brk = !top;
			continue;
		}
		if ((brk || (k->kind == DOC_COVER && !top)) && k->kind != DOC_CHAPTER)
			bytebuf_puts(b, PAGE_BREAK);
		brk = 0;
		top = 0;
		switch (k->kind) {
		case DOC_LETTERHEAD:
			if (put_letterhead(x, k, err) != 0)
				return -1;
			break;
		case DOC_TITLE:
			docx_buf_para(b, "Title", "", "", k->text);
			break;
		case DOC_HEADING:
			bytebuf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>");
			docx_buf_run(b, "", k->mark ? CHECK_MARK : "", k->text);
			bytebuf_puts(b, "</w:p>");
			break;
		case DOC_PARA:
			bytebuf_puts(b, "<w:p>");
			docx_buf_runs(b, &k->para);
			bytebuf_puts(b, "</w:p>");
			break;
		case DOC_LIST:
			put_list(x, k);
			break;
		case DOC_SIGNATURE:
			put_signature(b, k);
			break;
		case DOC_COVER:
			if (put_cover(x, k, err) != 0)
				return -1;
			brk = 1;
			break;
		case DOC_CHAPTER:
			put_chapter(b, k);
			break;
		case DOC_TABLE:
			put_table(b, k);
			break;
		case DOC_FIGURE:
			if (put_figure(x, k, err) != 0)
				return -1;
			break;
		case DOC_PAGEBREAK:
			break; /* handled above */
		}
	}
	/* Page numbers in the footer; none on a cover (a title page), which
	 * is page 0 so that the first page after it is 1, as in the PDF. */
	x->footer = d->page_numbers != 0;
	bytebuf_puts(b, "<w:sectPr>");
	if (x->footer)
		bytebuf_puts(b, "<w:footerReference w:type=\"default\" r:id=\"" DOCX_FOOTER_RID
		                "\"/>");
	bytebuf_puts(b, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
	                "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1418\" w:header=\"709\" "
	                "w:footer=\"709\" w:gutter=\"0\"/>");
	if (x->footer && d->nblocks > 0 && d->blocks[0].kind == DOC_COVER)
		bytebuf_puts(b, "<w:pgNumType w:start=\"0\"/><w:titlePg/>");
	bytebuf_puts(b, "</w:sectPr></w:body></w:document>");
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
