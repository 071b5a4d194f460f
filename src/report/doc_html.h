/* doc_html: render a struct doc (doc.h) as one self-contained HTML5 file:
 * UTF-8, lang="id", inline CSS for A4 printing, the letterhead logo
 * embedded as a data: URI, no external resources. Every piece of text is
 * HTML-escaped; markup is semantic (header, h1, h2, section, p, ol/ul,
 * footer) for screen readers. */
#ifndef IKM_DOC_HTML_H
#define IKM_DOC_HTML_H

#include <stdio.h>

#include "doc.h"
#include "logo.h"
#include "err.h"

#define DOC_HTML_LOGO_MAX LOGO_MAX /* named limit: see logo.h */

/* Write d as HTML to out (not closed). Returns 0, or -1 with err set:
 * IKM_EIO when the logo cannot be read or out reports a write error,
 * IKM_EDATA when the logo is not a PNG, IKM_ELIMIT when it is larger than
 * DOC_HTML_LOGO_MAX. On failure out may hold a partial document. */
int doc_html_write(const struct doc *d, FILE *out, struct ikm_err *err);

/* Write d as HTML to the file path, atomically: the document goes to
 * "path.tmp", which is renamed to path when complete and removed on any
 * failure. Returns 0, or -1 with err set (messages name the path). */
int doc_html_save(const struct doc *d, const char *path, struct ikm_err *err);

#endif
