/* drawfmt: the file formats a cairo drawing (poster, chart) is written in —
 * PDF, PNG or SVG — chosen by the output's extension. */
#ifndef IKM_DRAWFMT_H
#define IKM_DRAWFMT_H

#include "err.h"

enum drawfmt { DRAWFMT_PDF, DRAWFMT_PNG, DRAWFMT_SVG };

/* The format of path by its extension (.pdf, .png, .svg, any case);
 * IKM_EUSAGE naming the path when there is none or another. */
int drawfmt_of(const char *path, enum drawfmt *fmt, struct ikm_err *err);
/* Its Content-Type: "application/pdf", "image/png", "image/svg+xml". */
const char *drawfmt_mime(enum drawfmt fmt);

#endif
