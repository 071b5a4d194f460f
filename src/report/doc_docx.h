/* doc_docx: render a struct doc (doc.h) as an Office Open XML word
 * processing document (.docx), zipped with libzip. Formatting lives in real
 * paragraph styles (Normal, Title, Heading1 for chapters, Heading2 for
 * headings, the Letterhead and Cover families, Caption, Figure, TableText,
 * ListParagraph, Signature, Footer) so an office can edit the report in
 * Word or LibreOffice; lists use word/numbering.xml and every list restarts
 * its lettering at "a.". Tables repeat their header row on every page;
 * figures are drawn into PNGs at 2 pixels a point (word/media/figureN.png);
 * page numbers sit in a footer (word/footer1.xml), left off a cover that
 * opens the document. Text is XML-escaped, control characters are dropped
 * and invalid UTF-8 becomes U+FFFD. Logos (PNG) are embedded as
 * word/media/logo.png, logo2.png, ... */
#ifndef IKM_DOC_DOCX_H
#define IKM_DOC_DOCX_H

#include "doc.h"
#include "logo.h"
#include "err.h"

#define DOC_DOCX_LOGO_MAX   LOGO_MAX /* named limit: see logo.h */
#define DOC_DOCX_FIGURE_MAX 1500     /* named limit: figure width and height in points */

/* Write d as a .docx to the file path, atomically: the archive goes to
 * "path.tmp", which is renamed to path when complete and removed on any
 * failure. Returns 0, or -1 with err set (messages name the path): IKM_EIO
 * when the file cannot be written, a logo cannot be read or a figure cannot
 * be drawn, IKM_EDATA when a logo is not a PNG, IKM_ELIMIT when a logo
 * exceeds DOC_DOCX_LOGO_MAX or a figure's width or height is outside
 * 1..DOC_DOCX_FIGURE_MAX points. */
int doc_docx_save(const struct doc *d, const char *path, struct ikm_err *err);

#endif
