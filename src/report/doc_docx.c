/* doc_docx: see doc_docx.h. Every part is built as XML in memory, handed to
 * libzip (which takes ownership of the buffer) and written at zip_close.
 * Layout follows doc_pdf: A4, margins 2.5 cm left and 2 cm elsewhere, the
 * letterhead centred over a thick-thin double rule (beside the logo in a
 * borderless table when there is one), justified body text, the signature
 * centred in the right half of the page. */
#include "doc_docx.h"
#include "logo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "xalloc.h"

#define TEXT_W     9354    /* twips: A4 11906 less margins 1418 and 1134 */
#define LOGO_H     792000  /* EMU: 2.2 cm */
#define LOGO_W_MAX 1260000 /* EMU: 3.5 cm, so the letterhead text keeps room */
#define EMU_TWIP   635
#define LOGO_GAP   170 /* twips between logo and text */
#define SIG_SPACE  4   /* empty lines left to sign and stamp */

#define CHECK_MARK  "\xe2\x9c\x93 " /* U+2713 and a space */
#define REPLACEMENT "\xef\xbf\xbd"  /* U+FFFD for invalid UTF-8 */

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG   "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_WML   "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define RULE_BORDER                                                                                \
	"<w:pBdr><w:bottom w:val=\"thinThickSmallGap\" w:sz=\"24\" w:space=\"4\" "                 \
	"w:color=\"000000\"/></w:pBdr><w:spacing w:after=\"360\"/>"

/* A letterhead table cell w twips wide, text centred vertically. */
#define CELL                                                                                       \
	"<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"

struct buf {
	char *p;
	size_t len, cap;
};

struct logo {
	unsigned char *data;
	size_t len;
};

/* The document being rendered: word/document.xml, the list style of each
 * numbering instance (numId i + 1), and the logos to embed. */
struct docx {
	struct buf doc;
	enum doc_list_style *nums;
	int nnums;
	struct logo *logos;
	int nlogos;
};

static void buf_add(struct buf *b, const char *s, size_t n)
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

static void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_printf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		abort(); /* programmer error: only short fixed formats are used */
	buf_add(b, tmp, (size_t)n);
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

/* Write s XML-escaped. In run text (in_run), a line feed becomes <w:br/>
 * and a tab <w:tab/>; elsewhere both become a space. Other control
 * characters are dropped, invalid UTF-8 becomes U+FFFD. */
static void put_esc(struct buf *b, const char *s, int in_run)
{
	static const char *const entity[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	static const char *const brk[] = {"</w:t><w:br/><w:t xml:space=\"preserve\">",
	                                  "</w:t><w:tab/><w:t xml:space=\"preserve\">"};
	const unsigned char *p = (const unsigned char *)s;

	while (p != NULL && *p != '\0') {
		const char *e = strchr("&<>\"'", *p);
		size_t n;

		if (e != NULL) {
			buf_puts(b, entity[e - "&<>\"'"]);
		} else if (*p == '\n' || *p == '\t') {
			buf_puts(b, in_run ? brk[*p == '\t'] : " ");
		} else if (*p < 0x20 || *p == 0x7f) {
			/* a control character: dropped */
		} else if ((n = utf8_len(p)) == 0) {
			buf_puts(b, REPLACEMENT);
		} else {
			buf_add(b, (const char *)p, n);
			p += n;
			continue;
		}
		p++;
	}
}

/* One run of text with run properties rpr ("" for none). */
static void put_run(struct buf *b, const char *rpr, const char *prefix, const char *text)
{
	buf_puts(b, "<w:r>");
	if (rpr[0] != '\0') {
		buf_puts(b, "<w:rPr>");
		buf_puts(b, rpr);
		buf_puts(b, "</w:rPr>");
	}
	buf_puts(b, "<w:t xml:space=\"preserve\">");
	buf_puts(b, prefix);
	put_esc(b, text, 1);
	buf_puts(b, "</w:t></w:r>");
}

static void put_runs(struct buf *b, const struct doc_para *p)
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
static void put_para(struct buf *b, const char *style, const char *ppr, const char *rpr,
                     const char *text)
{
	buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	buf_puts(b, ppr);
	buf_puts(b, "</w:pPr>");
	if (text != NULL && text[0] != '\0')
		put_run(b, rpr, "", text);
	buf_puts(b, "</w:p>");
}

/* An inline DrawingML picture of logo number id (1-based), cx x cy EMU. */
static void put_picture(struct buf *b, int id, long cx, long cy, const char *owner)
{
	buf_printf(b,
	           "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	           "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" "
	           "b=\"0\"/><wp:docPr id=\"%d\" name=\"Logo %d\" descr=\"Logo",
	           cx, cy, id, id);
	if (owner[0] != '\0') {
		buf_puts(b, " ");
		put_esc(b, owner, 0);
	}
	buf_puts(b, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
	            "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
	            "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
	            "<pic:nvPicPr>");
	buf_printf(b,
	           "<pic:cNvPr id=\"%d\" name=\"logo.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
	           "<pic:blipFill><a:blip r:embed=\"rIdLogo%d\"/><a:stretch><a:fillRect/>"
	           "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>",
	           id, id);
	buf_printf(b,
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
	struct buf *b = &x->doc;
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
	buf_printf(b,
	           "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" "
	           "w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" "
	           "w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
	           "<w:tblLook w:val=\"0000\"/></w:tblPr>",
	           TEXT_W);
	buf_printf(b,
	           "<w:tblGrid><w:gridCol w:w=\"%ld\"/><w:gridCol w:w=\"%ld\"/>"
	           "<w:gridCol w:w=\"%ld\"/></w:tblGrid><w:tr>",
	           col, TEXT_W - 2 * col, col);
	buf_printf(
	    b, CELL "<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/><w:jc w:val=\"left\"/></w:pPr>",
	    col);
	put_picture(b, id, cx, cy,
	            k->nlines > 0 && k->lines[0][0] != '\0' ? k->lines[0]
	            : k->nlines > 1                         ? k->lines[1]
	                                                    : "");
	buf_printf(b, "</w:p></w:tc>" CELL, TEXT_W - 2 * col);
	for (int i = 0; i <= last; i++)
		if (k->lines[i][0] != '\0')
			put_para(b, style[i < 2 ? i : 2], "", "", k->lines[i]);
	if (last < 0)
		buf_puts(b, "<w:p/>"); /* a cell ends with a paragraph */
	buf_printf(b, "</w:tc>" CELL "<w:p/></w:tc></w:tr></w:tbl>", col);
	put_para(b, "LetterheadRule", RULE_BORDER, "", NULL);
	return 0;
}

/* Place and date, position, room to sign, name (bold, underlined),
 * rank/NIP; empty parts are left out, the room to sign never is. The
 * Signature style indents to the right half and centres. */
static void put_signature(struct buf *b, const struct doc_block *k)
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
		buf_printf(&x->doc,
		           "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
		           "<w:ilvl w:val=\"0\"/><w:numId w:val=\"%d\"/></w:numPr></w:pPr>",
		           num);
		put_runs(&x->doc, &k->items[i]);
		buf_puts(&x->doc, "</w:p>");
	}
}

static int render(struct docx *x, const struct doc *d, struct ikm_err *err)
{
	struct buf *b = &x->doc;

	buf_puts(b, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
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
			buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>");
			put_run(b, "", k->mark ? CHECK_MARK : "", k->text);
			buf_puts(b, "</w:p>");
			break;
		case DOC_PARA:
			buf_puts(b, "<w:p>");
			put_runs(b, &k->para);
			buf_puts(b, "</w:p>");
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
	buf_puts(b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
	            "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1418\" w:header=\"709\" "
	            "w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
	return 0;
}

/* The default styles Word expects, then docDefaults: Times New Roman 12pt
 * (the font table names DejaVu Serif as its alternative), Indonesian. */
static const char styles_head[] =
    XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
	     "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
	     "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"24\"/>"
	     "<w:szCs w:val=\"24\"/><w:lang w:val=\"id-ID\" w:eastAsia=\"id-ID\" "
	     "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
	     "w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
	     "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" "
	     "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	     "<w:jc w:val=\"both\"/></w:pPr></w:style><w:style w:type=\"character\" "
	     "w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
	     "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>"
	     "</w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	     "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>"
	     "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
	     "w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" "
	     "w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	     "</w:style><w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\">"
	     "<w:name w:val=\"No List\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>";

/* The paragraph styles of the report; pPr and rPr are in schema order. */
static const struct style {
	const char *id, *name, *based, *next, *ppr, *rpr;
} styles[] = {
    {"Title", "Title", "Normal", "Normal",
     "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
     "<w:b/><w:bCs/>"},
    {"Heading1", "heading 1", "Normal", "Normal",
     "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/>"
     "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/>",
     "<w:b/><w:bCs/>"},
    {"Letterhead", "Letterhead", "Normal", "Normal",
     "<w:keepNext/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
     "<w:jc w:val=\"center\"/>",
     ""},
    {"LetterheadGovernment", "Letterhead Government", "Letterhead", "LetterheadAgency", "",
     "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"},
    {"LetterheadAgency", "Letterhead Agency", "Letterhead", "LetterheadAddress", "",
     "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"},
    {"LetterheadAddress", "Letterhead Address", "Letterhead", "LetterheadAddress", "",
     "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"},
    {"LetterheadRule", "Letterhead Rule", "Letterhead", "Normal", "",
     "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/>"},
    {"ListParagraph", "List Paragraph", "Normal", "ListParagraph",
     "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:jc w:val=\"left\"/>", ""},
    {"Signature", "Signature", "Normal", "Signature",
     "<w:keepNext/><w:keepLines/><w:spacing w:after=\"0\"/><w:ind w:left=\"4536\"/>"
     "<w:jc w:val=\"center\"/>",
     ""},
};

static void styles_part(struct buf *b)
{
	buf_puts(b, styles_head);
	for (size_t i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		const struct style *s = &styles[i];

		buf_printf(b,
		           "<w:style w:type=\"paragraph\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>"
		           "<w:basedOn w:val=\"%s\"/><w:next w:val=\"%s\"/><w:qFormat/>",
		           s->id, s->name, s->based, s->next);
		if (s->ppr[0] != '\0')
			buf_printf(b, "<w:pPr>%s</w:pPr>", s->ppr);
		if (s->rpr[0] != '\0')
			buf_printf(b, "<w:rPr>%s</w:rPr>", s->rpr);
		buf_puts(b, "</w:style>");
	}
	buf_puts(b, "</w:styles>");
}

static const char font_table_xml[] =
    XML_DECL "<w:fonts xmlns:w=\"" NS_W "\"><w:font w:name=\"Times New Roman\">"
	     "<w:altName w:val=\"DejaVu Serif\"/><w:panose1 w:val=\"02020603050405020304\"/>"
	     "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/>"
	     "</w:font></w:fonts>";

static const char root_rels_xml[] =
    XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
	     "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" "
	     "Target=\"word/document.xml\"/>"
	     "<Relationship Id=\"rId2\" "
	     "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
	     "core-properties\" Target=\"docProps/core.xml\"/>"
	     "<Relationship Id=\"rId3\" Type=\"" NS_R "/extended-properties\" "
	     "Target=\"docProps/app.xml\"/></Relationships>";

#ifndef IKM_VERSION
#define IKM_VERSION "0.0.0"
#endif

static const char app_xml[] =
    XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	     "extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/"
	     "2006/docPropsVTypes\"><Application>ikm " IKM_VERSION "</Application>"
	     "<DocSecurity>0</DocSecurity></Properties>";

static void content_types(struct buf *b, const struct docx *x)
{
	buf_puts(b, XML_DECL
	         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	         "<Default Extension=\"rels\" "
	         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
	if (x->nlogos > 0)
		buf_puts(b, "<Default Extension=\"png\" ContentType=\"image/png\"/>");
	buf_puts(b, "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML
	            "document.main+xml\"/>"
	            "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
	            "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT_WML
	            "numbering+xml\"/>"
	            "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT_WML
	            "fontTable+xml\"/>"
	            "<Override PartName=\"/docProps/core.xml\" "
	            "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	            "<Override PartName=\"/docProps/app.xml\" "
	            "ContentType=\"application/"
	            "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>");
}

/* The media name of logo i (0-based): logo.png, then logo2.png, ... */
static void logo_name(char *out, size_t n, int i, const char *dir)
{
	if (i == 0)
		snprintf(out, n, "%slogo.png", dir);
	else
		snprintf(out, n, "%slogo%d.png", dir, i + 1);
}

static void document_rels(struct buf *b, const struct docx *x)
{
	buf_puts(b, XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
	                     "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" "
	                     "Target=\"styles.xml\"/>"
	                     "<Relationship Id=\"rId2\" Type=\"" NS_R "/numbering\" "
	                     "Target=\"numbering.xml\"/>"
	                     "<Relationship Id=\"rId3\" Type=\"" NS_R "/fontTable\" "
	                     "Target=\"fontTable.xml\"/>");
	for (int i = 0; i < x->nlogos; i++) {
		char name[32];

		logo_name(name, sizeof(name), i, "media/");
		buf_printf(b,
		           "<Relationship Id=\"rIdLogo%d\" Type=\"" NS_R "/image\" "
		           "Target=\"%s\"/>",
		           i + 1, name);
	}
	buf_puts(b, "</Relationships>");
}

/* Lettered "a." and bulleted lists, then one instance per list restarting
 * at its first value. */
static void numbering(struct buf *b, const struct docx *x)
{
	static const char *const fmt[2][2] = {{"lowerLetter", "%1."}, {"bullet", "\xe2\x80\xa2"}};

	buf_puts(b, XML_DECL "<w:numbering xmlns:w=\"" NS_W "\">");
	for (int a = 0; a < 2; a++)
		buf_printf(
		    b,
		    "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
		    "w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
		    "<w:numFmt w:val=\"%s\"/><w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"left\"/>"
		    "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
		    "</w:abstractNum>",
		    a, fmt[a][0], fmt[a][1]);
	for (int i = 0; i < x->nnums; i++)
		buf_printf(b,
		           "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/><w:lvlOverride "
		           "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
		           i + 1, x->nums[i] == DOC_LIST_BULLET ? 1 : 0);
	buf_puts(b, "</w:numbering>");
}

static void core_props(struct buf *b, const struct doc *d)
{
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32] = "1970-01-01T00:00:00Z";

	if (gmtime_r(&now, &tm) != NULL)
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_puts(b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
	                     "package/2006/metadata/core-properties\" "
	                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	                     "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	                     "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
	                     "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	put_esc(b, doc_display_title(d), 0);
	buf_printf(b,
	           "</dc:title><dc:creator>ikm</dc:creator><dc:language>id-ID</dc:language>"
	           "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
	           "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
	           "</cp:coreProperties>",
	           stamp, stamp);
}

/* Hand data (malloc'd, n bytes) to the archive as entry name; libzip frees
 * it, also on failure. */
static int add_entry(zip_t *za, const char *name, void *data, size_t n)
{
	zip_source_t *src = zip_source_buffer(za, data, n, 1);

	if (src == NULL) {
		free(data);
		return -1;
	}
	if (zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(src);
		return -1;
	}
	return 0;
}

static int add_buf(zip_t *za, const char *name, struct buf *b)
{
	char *p = b->p;

	b->p = NULL;
	b->len = b->cap = 0;
	return add_entry(za, name, p, strlen(p));
}

static int add_const(zip_t *za, const char *name, const char *text)
{
	struct buf b = {0};

	buf_puts(&b, text);
	return add_buf(za, name, &b);
}

/* Every part into the archive, [Content_Types].xml first. */
static int add_parts(zip_t *za, const struct doc *d, struct docx *x)
{
	struct buf b = {0};

	content_types(&b, x);
	if (add_buf(za, "[Content_Types].xml", &b) != 0 ||
	    add_const(za, "_rels/.rels", root_rels_xml) != 0 ||
	    add_buf(za, "word/document.xml", &x->doc) != 0)
		return -1;
	document_rels(&b, x);
	if (add_buf(za, "word/_rels/document.xml.rels", &b) != 0)
		return -1;
	styles_part(&b);
	if (add_buf(za, "word/styles.xml", &b) != 0)
		return -1;
	numbering(&b, x);
	if (add_buf(za, "word/numbering.xml", &b) != 0 ||
	    add_const(za, "word/fontTable.xml", font_table_xml) != 0)
		return -1;
	for (int i = 0; i < x->nlogos; i++) {
		char name[32];
		unsigned char *data = x->logos[i].data;

		x->logos[i].data = NULL;
		logo_name(name, sizeof(name), i, "word/media/");
		if (add_entry(za, name, data, x->logos[i].len) != 0)
			return -1;
	}
	core_props(&b, d);
	if (add_buf(za, "docProps/core.xml", &b) != 0 ||
	    add_const(za, "docProps/app.xml", app_xml) != 0)
		return -1;
	return 0;
}

static void docx_free(struct docx *x)
{
	free(x->doc.p);
	free(x->nums);
	for (int i = 0; i < x->nlogos; i++)
		free(x->logos[i].data);
	free(x->logos);
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
	if (add_parts(za, d, &x) != 0) {
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
	docx_free(&x);
	free(tmp);
	return 0;
fail:
	if (za != NULL)
		zip_discard(za);
	remove(tmp);
	docx_free(&x);
	free(tmp);
	return -1;
}
