/* logo: see logo.h. */
#include "logo.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int logo_read(const char *path, unsigned char **data, size_t *len, uint32_t *w, uint32_t *h,
              struct ikm_err *err)
{
	unsigned char *buf = NULL;
	struct stat st;
	FILE *f;
	size_t n;

	*data = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (f == NULL)
		return err_set(err, IKM_EIO, "%s: logo tidak dapat dibuka / cannot open logo: %s",
		               path, strerror(errno));
	if (fstat(fileno(f), &st) != 0)
		goto read_fail;
	if (!S_ISREG(st.st_mode)) {
		err_set(err, IKM_EDATA, "%s: logo bukan berkas biasa / logo is not a regular file",
		        path);
		goto fail;
	}
	if (st.st_size > LOGO_MAX)
		goto too_big;
	buf = xmalloc(LOGO_MAX + 1);
	n = fread(buf, 1, LOGO_MAX + 1, f);
	if (ferror(f))
		goto read_fail;
	if (n > LOGO_MAX)
		goto too_big; /* the file grew after fstat */
	/* Signature, then IHDR with a width and height that are not zero. */
	if (n < 24 || memcmp(buf, png_sig, sizeof(png_sig)) != 0 ||
	    memcmp(buf + 12, "IHDR", 4) != 0 || be32(buf + 16) == 0 || be32(buf + 20) == 0)
		goto not_png;
	if (w != NULL)
		*w = be32(buf + 16);
	if (h != NULL)
		*h = be32(buf + 20);
	fclose(f);
	*data = buf;
	*len = n;
	return 0;
read_fail:
	err_set(err, IKM_EIO, "%s: logo tidak dapat dibaca / cannot read logo: %s", path,
	        strerror(errno));
	goto fail;
not_png:
	err_set(err, IKM_EDATA, "%s: logo bukan berkas PNG / logo is not a PNG file", path);
	goto fail;
too_big:
	err_set(
	    err, IKM_ELIMIT,
	    "%s: logo lebih besar dari batas %d byte (1 MiB) / logo larger than the 1 MiB limit",
	    path, LOGO_MAX);
fail:
	free(buf);
	fclose(f);
	return -1;
}
