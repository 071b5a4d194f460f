/* figure_svg: a figure of the document model (doc.h) drawn by cairo into
 * SVG text ready to be inlined in HTML. cairo names the parts it defines
 * (glyph0-1, clip1, surface5, linear0, mask0, ...); several figures on one
 * page would share those ids, so every id and every reference to one
 * (href="#...", url(#...)) gets a prefix unique to the figure. */
#ifndef IKM_FIGURE_SVG_H
#define IKM_FIGURE_SVG_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

#define FIGURE_SVG_MAX 1500 /* named limit: figure width and height in points */

/* Draw f (w x h points) into SVG and store the text in *svg (caller frees;
 * *len bytes, NUL-terminated). The text starts with "<svg" (the XML
 * declaration is left out) and every id is prefixed with prefix (letters,
 * digits and '-' only: it is not escaped). Returns 0, or -1 with err set:
 * IKM_ELIMIT when w or h is outside 1..FIGURE_SVG_MAX, IKM_EIO when cairo
 * fails. */
int figure_svg(const struct doc_figure *f, const char *prefix, char **svg, size_t *len,
               struct ikm_err *err);

#endif
