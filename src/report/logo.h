/* logo: the office logo a document embeds — read once, bounded in size,
 * checked to be a PNG with a non-empty size, for every renderer. */
#ifndef IKM_LOGO_H
#define IKM_LOGO_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define LOGO_MAX (1024 * 1024) /* named limit: logo PNG size in bytes */

/* Read the PNG at path into *data (caller frees; *len bytes) with its
 * pixel width and height (w, h may be NULL). Errors name the path:
 * IKM_EIO unreadable, IKM_EDATA not a regular file or not a PNG,
 * IKM_ELIMIT larger than LOGO_MAX. */
int logo_read(const char *path, unsigned char **data, size_t *len, uint32_t *w, uint32_t *h,
              struct ikm_err *err);

#endif
