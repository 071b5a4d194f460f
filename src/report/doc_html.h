/* doc_html: render a struct doc (doc.h) as one self-contained HTML5 file:
 * UTF-8, lang="id", inline CSS for A4 printing, logos embedded as data:
 * URIs, figures as inline SVG (drawn by cairo, ids unique per figure), no
 * external resources. Every piece of text is HTML-escaped; markup is
 * semantic (header, h1, h2, section, p, ol/ul, table with caption and
 * thead, figure with figcaption, footer) for screen readers. A cover fills
 * the printed page; chapters start a new one; a table's header row repeats
 * on every printed page; page numbers use CSS margin boxes where the
 * browser has them. */
#ifndef IKM_DOC_HTML_H
#define IKM_DOC_HTML_H

#include <stdio.h>

#include "doc.h"
#include "figure_svg.h"
#include "logo.h"
#include "err.h"

#define DOC_HTML_LOGO_MAX   LOGO_MAX       /* named limit: see logo.h */
#define DOC_HTML_FIGURE_MAX FIGURE_SVG_MAX /* named limit: see figure_svg.h */

/* Write d as HTML to out (not closed). Returns 0, or -1 with err set:
 * IKM_EIO when a logo cannot be read, a figure cannot be drawn or out
 * reports a write error, IKM_EDATA when a logo is not a PNG, IKM_ELIMIT
 * when a logo is larger than DOC_HTML_LOGO_MAX or a figure's width or
 * height is outside 1..DOC_HTML_FIGURE_MAX points. On failure out
 * may hold a partial document. */
int doc_html_write(const struct doc *d, FILE *out, struct ikm_err *err);

/* Write d as HTML to the file path, atomically: the document goes to
 * "path.tmp", which is renamed to path when complete and removed on any
 * failure. Returns 0, or -1 with err set (messages name the path). */
int doc_html_save(const struct doc *d, const char *path, struct ikm_err *err);

#endif
