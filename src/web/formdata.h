/* formdata: application/x-www-form-urlencoded bodies and query strings —
 * percent-decoding, '+' as space, every name and value checked to be UTF-8
 * without control characters (tab and line feeds allowed in values), and
 * bounded in count and size. */
#ifndef IKM_FORMDATA_H
#define IKM_FORMDATA_H

#include <stddef.h>

#include "err.h"

#define FORMDATA_MAX_FIELDS 128  /* named limit: fields in one body */
#define FORMDATA_NAME_MAX   64   /* named limit: bytes of a field name */
#define FORMDATA_VALUE_MAX  4000 /* named limit: bytes of a decoded value */

struct formdata_field {
	char *name, *value; /* decoded, NUL-terminated, owned */
};

struct formdata {
	int n;
	struct formdata_field f[FORMDATA_MAX_FIELDS];
};

/* Parse s[0..len); IKM_EDATA (field named) for bad encoding, IKM_ELIMIT
 * beyond the limits. out is empty (and needs no free) on failure. */
int formdata_parse(const char *s, size_t len, struct formdata *out, struct ikm_err *err);
/* The first value of name, or NULL. */
const char *formdata_get(const struct formdata *f, const char *name);
void formdata_free(struct formdata *f);

#endif
