/* drawfmt: see drawfmt.h. */
#include "drawfmt.h"

#include <string.h>
#include <strings.h>

int drawfmt_of(const char *path, enum drawfmt *fmt, struct ikm_err *err)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(path, '.');

	if (dot == NULL || (slash != NULL && dot < slash))
		return err_set(err, IKM_EUSAGE,
		               "%.200s: ekstensi tidak ada; pakai .pdf, .png atau .svg / no "
		               "extension; use .pdf, .png or .svg",
		               path);
	if (strcasecmp(dot, ".pdf") == 0)
		*fmt = DRAWFMT_PDF;
	else if (strcasecmp(dot, ".png") == 0)
		*fmt = DRAWFMT_PNG;
	else if (strcasecmp(dot, ".svg") == 0)
		*fmt = DRAWFMT_SVG;
	else
		return err_set(
		    err, IKM_EUSAGE,
		    "%.200s: format \"%.20s\" tidak didukung; pakai .pdf, .png atau .svg / "
		    "unsupported format \"%.20s\"; use .pdf, .png or .svg",
		    path, dot, dot);
	return 0;
}

const char *drawfmt_mime(enum drawfmt fmt)
{
	switch (fmt) {
	case DRAWFMT_PNG:
		return "image/png";
	case DRAWFMT_SVG:
		return "image/svg+xml";
	case DRAWFMT_PDF:
		break;
	}
	return "application/pdf";
}
