/* doc_pdf: a document model as an A4 PDF (cairo + pango, fonts embedded,
 * text extractable). */
#ifndef IKM_DOC_PDF_H
#define IKM_DOC_PDF_H

#include "doc.h"
#include "err.h"

/* Write d to path (through path.tmp, renamed when complete). Errors name
 * the path. */
int doc_pdf_save(const struct doc *d, const char *path, struct ikm_err *err);

#endif
