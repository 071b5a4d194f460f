/* docx_parts: the package around word/document.xml — content types,
 * relationships, styles, numbering, font table, the page-number footer,
 * document properties and the media (logos, figures as PNG) — written into
 * a libzip archive. Internal to doc_docx, which renders the body into
 * struct docx and calls docx_parts_add. */
#ifndef IKM_DOCX_PARTS_H
#define IKM_DOCX_PARTS_H

#include <zip.h>

#include "doc.h"
#include "docx_buf.h"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG   "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_WML   "application/vnd.openxmlformats-officedocument.wordprocessingml."

#define DOCX_FOOTER_RID "rIdFooter1" /* word/footer1.xml, when there is one */

/* A picture in word/media/. */
struct docx_media {
	unsigned char *data; /* PNG bytes, owned */
	size_t len;
	char name[32]; /* file name: logo.png, logo2.png, ..., figure1.png, ... */
	char rid[16];  /* relationship id: rIdLogo1, ..., rIdFig1, ... */
};

/* The document being rendered: word/document.xml, the list style of each
 * numbering instance (numId i + 1), the pictures to embed, and whether the
 * page-number footer is part of the package. */
struct docx {
	struct bytebuf doc;
	enum doc_list_style *nums;
	int nnums;
	struct docx_media *media;
	int nmedia;
	int nlogos, nfigures;
	int footer;
};

/* Add the PNG data (len bytes, ownership taken) as the next logo
 * (figure == 0) or figure; the media entry, valid until the next call. */
const struct docx_media *docx_parts_media(struct docx *x, int figure, unsigned char *data,
                                          size_t len);

/* Every part of d's package into za, [Content_Types].xml first; the
 * buffers of x are handed to libzip (x->doc is left empty). Returns 0, or
 * -1 when libzip refuses an entry (its error is on za). */
int docx_parts_add(zip_t *za, const struct doc *d, struct docx *x);
/* Free what x holds; x itself is the caller's. */
void docx_parts_free(struct docx *x);

#endif
