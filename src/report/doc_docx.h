/* doc_docx: render a struct doc (doc.h) as an Office Open XML word
 * processing document (.docx), zipped with libzip. Formatting lives in real
 * paragraph styles (Normal, Title, Heading1, the Letterhead family,
 * ListParagraph, Signature) so an office can edit the report in Word or
 * LibreOffice; lists use word/numbering.xml and every list restarts its
 * lettering at "a.". Text is XML-escaped, control characters are dropped
 * and invalid UTF-8 becomes U+FFFD. The letterhead logo (PNG) is embedded
 * as word/media/logo.png. */
#ifndef IKM_DOC_DOCX_H
#define IKM_DOC_DOCX_H

#include "doc.h"
#include "logo.h"
#include "err.h"

#define DOC_DOCX_LOGO_MAX LOGO_MAX /* named limit: see logo.h */

/* Write d as a .docx to the file path, atomically: the archive goes to
 * "path.tmp", which is renamed to path when complete and removed on any
 * failure. Returns 0, or -1 with err set (messages name the path): IKM_EIO
 * when the file cannot be written or the logo cannot be read, IKM_EDATA
 * when the logo is not a PNG, IKM_ELIMIT when it exceeds
 * DOC_DOCX_LOGO_MAX. */
int doc_docx_save(const struct doc *d, const char *path, struct ikm_err *err);

#endif
