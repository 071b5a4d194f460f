/* docx_parts: see docx_parts.h. Styles keep pPr and rPr children in schema
 * order, which Word checks. */
#include "docx_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

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

/* Fragments of the style table: bold, a size in half-points, alignment,
 * spacing in twips (single line spacing with LINE1). */
#define BOLD              "<w:b/><w:bCs/>"
#define SIZE(hp)          "<w:sz w:val=\"" #hp "\"/><w:szCs w:val=\"" #hp "\"/>"
#define JC(a)             "<w:jc w:val=\"" #a "\"/>"
#define AFTER(tw)         "<w:spacing w:after=\"" #tw "\"/>"
#define SPACING(bef, aft) "<w:spacing w:before=\"" #bef "\" w:after=\"" #aft "\"/>"
#define LINE1             "w:line=\"240\" w:lineRule=\"auto\""
#define KEEP              "<w:keepNext/>"
#define KEEP_LINES        "<w:keepNext/><w:keepLines/>"

/* The paragraph styles of the report; pPr and rPr are in schema order. */
static const struct style {
	const char *id, *name, *based, *next, *ppr, *rpr;
} styles[] = {
    {"Title", "Title", "Normal", "Normal", KEEP SPACING(240, 240) JC(center), BOLD},
    /* A chapter: on a new page, centred, label and title on two lines. */
    {"Heading1", "heading 1", "Normal", "Normal",
     KEEP_LINES "<w:pageBreakBefore/>" SPACING(0, 480) JC(center) "<w:outlineLvl w:val=\"0\"/>",
     BOLD SIZE(28)},
    /* A section heading (DOC_HEADING). */
    {"Heading2", "heading 2", "Normal", "Normal",
     KEEP_LINES SPACING(240, 120) JC(left) "<w:outlineLvl w:val=\"1\"/>", BOLD},
    {"Letterhead", "Letterhead", "Normal", "Normal",
     KEEP "<w:spacing w:after=\"0\" " LINE1 "/>" JC(center), ""},
    {"LetterheadGovernment", "Letterhead Government", "Letterhead", "LetterheadAgency", "",
     BOLD SIZE(28)},
    {"LetterheadAgency", "Letterhead Agency", "Letterhead", "LetterheadAddress", "", BOLD SIZE(32)},
    {"LetterheadAddress", "Letterhead Address", "Letterhead", "LetterheadAddress", "", SIZE(20)},
    {"LetterheadRule", "Letterhead Rule", "Letterhead", "Normal", "", SIZE(4)},
    {"ListParagraph", "List Paragraph", "Normal", "ListParagraph",
     AFTER(60) "<w:ind w:left=\"720\"/>" JC(left), ""},
    {"Signature", "Signature", "Normal", "Signature",
     KEEP_LINES AFTER(0) "<w:ind w:left=\"4536\"/>" JC(center), ""},
    {"Cover", "Cover", "Normal", "Cover", AFTER(0) JC(center), ""},
    {"CoverTitle", "Cover Title", "Cover", "CoverTitle", AFTER(120), BOLD SIZE(32)},
    {"CoverFoot", "Cover Foot", "Cover", "CoverFoot", AFTER(60), BOLD SIZE(28)},
    {"Caption", "caption", "Normal", "Normal", SPACING(120, 120) JC(center), BOLD SIZE(22)},
    {"Figure", "Figure", "Normal", "Caption",
     KEEP "<w:spacing w:before=\"120\" w:after=\"0\" " LINE1 "/>" JC(center), ""},
    {"TableText", "Table Text", "Normal", "TableText",
     "<w:spacing w:after=\"0\" " LINE1 "/>" JC(left), SIZE(20)},
    {"TableTextSmall", "Table Text Small", "TableText", "TableTextSmall", "", SIZE(16)},
    {"Footer", "footer", "Normal", "Footer", AFTER(0) JC(center), SIZE(20)},
};

static void styles_part(struct bytebuf *b)
{
	bytebuf_puts(b, styles_head);
	for (size_t i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		const struct style *s = &styles[i];

		bytebuf_printf(
		    b,
		    "<w:style w:type=\"paragraph\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>"
		    "<w:basedOn w:val=\"%s\"/><w:next w:val=\"%s\"/><w:qFormat/>",
		    s->id, s->name, s->based, s->next);
		if (s->ppr[0] != '\0')
			bytebuf_printf(b, "<w:pPr>%s</w:pPr>", s->ppr);
		if (s->rpr[0] != '\0')
			bytebuf_printf(b, "<w:rPr>%s</w:rPr>", s->rpr);
		bytebuf_puts(b, "</w:style>");
	}
	bytebuf_puts(b, "</w:styles>");
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

static void content_types(struct bytebuf *b, const struct docx *x)
{
	bytebuf_puts(
	    b, XML_DECL
	    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	    "<Default Extension=\"rels\" "
	    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
	if (x->nmedia > 0)
		bytebuf_puts(b, "<Default Extension=\"png\" ContentType=\"image/png\"/>");
	if (x->footer)
		bytebuf_puts(b, "<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT_WML
		                "footer+xml\"/>");
	bytebuf_puts(
	    b,
	    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML
	    "document.main+xml\"/>"
	    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
	    "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT_WML "numbering+xml\"/>"
	    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT_WML "fontTable+xml\"/>"
	    "<Override PartName=\"/docProps/core.xml\" "
	    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	    "<Override PartName=\"/docProps/app.xml\" "
	    "ContentType=\"application/"
	    "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>");
}

const struct docx_media *docx_parts_media(struct docx *x, int figure, unsigned char *data,
                                          size_t len)
{
	struct docx_media *m;

	x->media = xreallocarray(x->media, (size_t)x->nmedia + 1, sizeof(*x->media));
	m = &x->media[x->nmedia++];
	m->data = data;
	m->len = len;
	if (figure) {
		x->nfigures++;
		snprintf(m->name, sizeof(m->name), "figure%d.png", x->nfigures);
		snprintf(m->rid, sizeof(m->rid), "rIdFig%d", x->nfigures);
	} else {
		x->nlogos++;
		if (x->nlogos == 1)
			snprintf(m->name, sizeof(m->name), "logo.png");
		else
			snprintf(m->name, sizeof(m->name), "logo%d.png", x->nlogos);
		snprintf(m->rid, sizeof(m->rid), "rIdLogo%d", x->nlogos);
	}
	return m;
}

static void document_rels(struct bytebuf *b, const struct docx *x)
{
	bytebuf_puts(b, XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
	                         "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" "
	                         "Target=\"styles.xml\"/>"
	                         "<Relationship Id=\"rId2\" Type=\"" NS_R "/numbering\" "
	                         "Target=\"numbering.xml\"/>"
	                         "<Relationship Id=\"rId3\" Type=\"" NS_R "/fontTable\" "
	                         "Target=\"fontTable.xml\"/>");
	for (int i = 0; i < x->nmedia; i++)
		bytebuf_printf(b,
		               "<Relationship Id=\"%s\" Type=\"" NS_R "/image\" "
		               "Target=\"media/%s\"/>",
		               x->media[i].rid, x->media[i].name);
	if (x->footer)
		bytebuf_puts(b, "<Relationship Id=\"" DOCX_FOOTER_RID "\" Type=\"" NS_R
		                "/footer\" Target=\"footer1.xml\"/>");
	bytebuf_puts(b, "</Relationships>");
}

/* The page number, centred at the foot of the page. */
static const char footer_xml[] =
    XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr>"
	     "<w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
	     "<w:fldSimple w:instr=\"PAGE\"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>";

/* Lettered "a." and bulleted lists, then one instance per list restarting
 * at its first value. */
static void numbering(struct bytebuf *b, const struct docx *x)
{
	static const char *const fmt[2][2] = {{"lowerLetter", "%1."}, {"bullet", "\xe2\x80\xa2"}};

	bytebuf_puts(b, XML_DECL "<w:numbering xmlns:w=\"" NS_W "\">");
	for (int a = 0; a < 2; a++)
		bytebuf_printf(
		    b,
		    "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
		    "w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
		    "<w:numFmt w:val=\"%s\"/><w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"left\"/>"
		    "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
		    "</w:abstractNum>",
		    a, fmt[a][0], fmt[a][1]);
	for (int i = 0; i < x->nnums; i++)
		bytebuf_printf(
		    b,
		    "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/><w:lvlOverride "
		    "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
		    i + 1, x->nums[i] == DOC_LIST_BULLET ? 1 : 0);
	bytebuf_puts(b, "</w:numbering>");
}

static void core_props(struct bytebuf *b, const struct doc *d)
{
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32] = "1970-01-01T00:00:00Z";

	if (gmtime_r(&now, &tm) != NULL)
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	bytebuf_puts(b,
	             XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
	                      "package/2006/metadata/core-properties\" "
	                      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	                      "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	                      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
	                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	docx_buf_esc(b, doc_display_title(d), 0);
	bytebuf_printf(b,
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

static int add_buf(zip_t *za, const char *name, struct bytebuf *b)
{
	size_t n;
	char *p = bytebuf_take(b, &n);

	return add_entry(za, name, p, n);
}

static int add_const(zip_t *za, const char *name, const char *text)
{
	struct bytebuf b = {0};

	bytebuf_puts(&b, text);
	return add_buf(za, name, &b);
}

int docx_parts_add(zip_t *za, const struct doc *d, struct docx *x)
{
	struct bytebuf b = {0};

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
	if (x->footer && add_const(za, "word/footer1.xml", footer_xml) != 0)
		return -1;
	for (int i = 0; i < x->nmedia; i++) {
		char name[48];
		unsigned char *data = x->media[i].data;

		x->media[i].data = NULL;
		snprintf(name, sizeof(name), "word/media/%s", x->media[i].name);
		if (add_entry(za, name, data, x->media[i].len) != 0)
			return -1;
	}
	core_props(&b, d);
	if (add_buf(za, "docProps/core.xml", &b) != 0 ||
	    add_const(za, "docProps/app.xml", app_xml) != 0)
		return -1;
	return 0;
}

void docx_parts_free(struct docx *x)
{
	bytebuf_free(&x->doc);
	free(x->nums);
	for (int i = 0; i < x->nmedia; i++)
		free(x->media[i].data);
	free(x->media);
}
