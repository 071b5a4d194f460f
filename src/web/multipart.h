/* multipart: multipart/form-data bodies (RFC 7578) — the console's uploads
 * (a CSV/XLSX import, the office logo). Pure and bounded: the parts point
 * into the body (which must outlive them); names and file names are
 * checked, a part's headers are bounded, and anything malformed is
 * refused with what is wrong. */
#ifndef IKM_MULTIPART_H
#define IKM_MULTIPART_H

#include <stddef.h>

#include "err.h"

#define MULTIPART_MAX_PARTS    32   /* named limit: parts in one body */
#define MULTIPART_NAME_MAX     64   /* named limit: bytes of a field name */
#define MULTIPART_FILENAME_MAX 200  /* named limit: bytes of a file name */
#define MULTIPART_HEADERS_MAX  2048 /* named limit: bytes of one part's headers */
#define MULTIPART_BOUNDARY_MAX 70   /* RFC 2046 */

struct multipart_part {
	char name[MULTIPART_NAME_MAX + 1];
	char filename[MULTIPART_FILENAME_MAX + 1]; /* "" for a plain field; no path parts */
	char content_type[96];                     /* "" when not given */
	int is_file;                               /* a filename= was given (maybe empty) */
	const char *data;                          /* into the body; not NUL-terminated */
	size_t len;
};

struct multipart {
	int n;
	struct multipart_part p[MULTIPART_MAX_PARTS];
};

/* 1 when content_type is multipart/form-data (with a boundary). */
int multipart_is(const char *content_type);

/* Parse body[0..len) sent with content_type into out. IKM_EDATA for a
 * missing boundary, a malformed part or a bad name; IKM_ELIMIT past the
 * limits. out->n is 0 on failure. */
int multipart_parse(const char *body, size_t len, const char *content_type, struct multipart *out,
                    struct ikm_err *err);

/* The first part named name, or NULL. */
const struct multipart_part *multipart_get(const struct multipart *m, const char *name);

/* Copy the value of plain field name into buf (NUL-terminated): 1 when
 * present, fits and is text (UTF-8 without control characters other than
 * tab and line ends); else 0 with buf "". */
int multipart_text(const struct multipart *m, const char *name, char *buf, size_t size);

#endif
