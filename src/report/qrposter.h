/* qrposter: the A4 poster an office puts up at its counter so that people
 * fill in the survey on their phone: the organisation, "SURVEI KEPUASAN
 * MASYARAKAT", the unit and the service, the QR code of the survey's
 * address very large with the address printed under it, and a call to
 * action in Indonesian and English. One drawing code renders PDF, PNG
 * (150 dpi) and SVG, to a file or into memory (for the server), and a
 * multi-page PDF of many posters, one a page. */
#ifndef IKM_QRPOSTER_H
#define IKM_QRPOSTER_H

#include "bytebuf.h"
#include "err.h"

#define QRPOSTER_URL_MAX   512 /* named limit: bytes of the encoded address */
#define QRPOSTER_NAME_MAX  255 /* named limit: bytes of org, unit, service each */
#define QRPOSTER_SHEET_MAX 500 /* named limit: posters (pages) in one sheet */

/* The same values as enum drawfmt (drawfmt.h). */
enum qrposter_format { QRPOSTER_PDF, QRPOSTER_PNG, QRPOSTER_SVG };

/* What one poster says. org, unit and service may be empty or NULL (the
 * line is then left out); names longer than two or three lines end in an
 * ellipsis on the poster. url is required: the code encodes it as is and
 * it is printed in full. UTF-8, no control characters. Borrowed. */
struct qrposter_info {
	const char *org;     /* "Pemerintah Kota Mojokerto" */
	const char *unit;    /* "Dinas Kependudukan dan Pencatatan Sipil" */
	const char *service; /* "Akta Kelahiran"; may be empty */
	const char *url;     /* "https://ikm.example.go.id/u/dispenduk/akta" */
};

/* Where the code lands on the page, in points from the top-left corner of
 * the A4 page (a PNG pixel is 72/150 pt): the symbol is modules x modules
 * squares of side module from (x, y), inside a white quiet zone of four
 * modules. */
struct qrposter_geometry {
	int modules;
	double x, y, module;
};

/* The format of path by its extension (.pdf, .png, .svg, any case);
 * anything else is IKM_EUSAGE naming it. Returns 0 or -1. */
int qrposter_format_of(const char *path, enum qrposter_format *fmt, struct ikm_err *err);

/* The MIME type of a format ("application/pdf", "image/png",
 * "image/svg+xml"); static. */
const char *qrposter_mime(enum qrposter_format fmt);

/* Check qi without drawing: IKM_EUSAGE for a missing URL or text that is
 * not UTF-8 or holds control characters, IKM_ELIMIT past the limits above.
 * Returns 0 or -1. */
int qrposter_check(const struct qrposter_info *qi, struct ikm_err *err);

/* The layout qrposter_write uses for qi, without drawing it. Returns 0 or
 * -1 (errors as qrposter_check; IKM_EDATA when the code cannot be made). */
int qrposter_geometry(const struct qrposter_info *qi, struct qrposter_geometry *g,
                      struct ikm_err *err);

/* Append the poster of qi in format fmt to out (a PNG is 1240 x 1754
 * pixels). On error out is left as it was. Returns 0 or -1. */
int qrposter_write(const struct qrposter_info *qi, enum qrposter_format fmt, struct bytebuf *out,
                   struct ikm_err *err);

/* Write the poster of qi to path, in the format of its extension; the file
 * is written to path.tmp and renamed when complete; errors name the path.
 * Returns 0 or -1. */
int qrposter_save(const struct qrposter_info *qi, const char *path, struct ikm_err *err);

/* Append a PDF of n posters, items[0] on page 1 and so on, to out (1 <= n
 * <= QRPOSTER_SHEET_MAX). Every item is checked before anything is drawn;
 * errors name the poster's number. On error out is left as it was.
 * Returns 0 or -1. */
int qrposter_sheet(const struct qrposter_info *items, int n, struct bytebuf *out,
                   struct ikm_err *err);

#endif
