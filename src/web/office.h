/* office: the office profile (letterhead, signatory, survey facts, follow-up
 * plan: struct profile of report/profile.h) kept in the store, so that the
 * console edits it and the documents it produces use it. Keys are the INI
 * file's "section.key" ("kop.instansi", "penandatangan.nip"); the logo is a
 * PNG kept as base64 under "kop.logo_png". */
#ifndef IKM_OFFICE_H
#define IKM_OFFICE_H

#include <stddef.h>

#include "err.h"
#include "profile.h"
#include "store.h"

#define OFFICE_LOGO_MAX (512u << 10) /* named limit: bytes of a logo PNG */

/* One editable text field of the profile. */
struct office_field {
	const char *key;   /* "kop.instansi" */
	const char *label; /* Indonesian label for the form */
	size_t offset;     /* into struct profile */
	size_t size;       /* of the char array there */
	int prose;         /* a long text (textarea) */
};

/* The text fields, in form order (*n set). populasi is not among them: it
 * is per unit and period (population). */
const struct office_field *office_fields(int *n);

/* Read the profile from the store into p (profile_default first). When a
 * logo is stored and logo_dir is not NULL, it is written to
 * logo_dir/logo.png and p->logo names that file; else p->logo is "". */
int office_profile_load(struct store *s, const char *logo_dir, struct profile *p,
                        struct ikm_err *err);

/* Store every text field of p (an empty one removes the key) and, when
 * p->logo names a file, that PNG as the logo; in one transaction (or the
 * caller's). */
int office_profile_save(struct store *s, const struct profile *p, struct ikm_err *err);

/* Check a logo upload: a PNG (signature, IHDR) of at most OFFICE_LOGO_MAX
 * bytes, at most 4000 pixels a side. IKM_EDATA / IKM_ELIMIT with what is
 * wrong. */
int office_logo_check(const unsigned char *data, size_t len, struct ikm_err *err);
/* 0 when the pixels of a PNG office_logo_check accepted can be read, as
 * the PDF renderer reads them (cairo); else IKM_EDATA: a header that
 * passes is no proof, and a logo the renderer cannot read would fail
 * every PDF document. Decodes the whole image (at most 4000 x 4000). */
int office_logo_decodes(const unsigned char *data, size_t len, struct ikm_err *err);
/* Store the logo (data NULL: remove it). */
int office_logo_set(struct store *s, const unsigned char *data, size_t len, struct ikm_err *err);

#endif
