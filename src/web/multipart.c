/* multipart: see multipart.h. */
#include "multipart.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* memmem without the GNU extension's portability questions. */
static const char *find(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0 || m > n)
		return NULL;
	for (size_t i = 0; i + m <= n; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
			return hay + i;
	return NULL;
}

/* The boundary parameter of content_type into out; 0 or -1. */
static int boundary_of(const char *ct, char out[MULTIPART_BOUNDARY_MAX + 1])
{
	const char *p;
	size_t n = 0;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return -1;
	p = ct + 19;
	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) != 0)
			continue;
		p += 9;
		if (*p == '"') {
			p++;
			while (p[n] != '\0' && p[n] != '"' && n <= MULTIPART_BOUNDARY_MAX)
				n++;
			if (p[n] != '"')
				return -1;
		} else {
			while (p[n] != '\0' && p[n] != ';' && p[n] != ' ' &&
			       n <= MULTIPART_BOUNDARY_MAX)
				n++;
		}
		if (n == 0 || n > MULTIPART_BOUNDARY_MAX)
			return -1;
		memcpy(out, p, n);
		out[n] = '\0';
		return 0;
	}
	return -1;
}

int multipart_is(const char *content_type)
{
	char b[MULTIPART_BOUNDARY_MAX + 1];

	return boundary_of(content_type, b) == 0;
}

/* The value of parameter key (name, filename) in a Content-Disposition
 * line [p, end) into out: 1 found, 0 absent, -1 malformed or too long. */
static int disposition_param(const char *p, const char *end, const char *key, char *out,
                             size_t size)
{
	size_t kl = strlen(key);

	out[0] = '\0';
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));

		if (semi == NULL)
			return 0;
		p = semi + 1;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) > kl + 1 && strncasecmp(p, key, kl) == 0 && p[kl] == '=') {
			const char *v = p + kl + 1, *q;
			size_t n;

			if (v < end && *v == '"') {
				v++;
				q = memchr(v, '"', (size_t)(end - v));
				if (q == NULL)
					return -1;
			} else {
				q = v;
				while (q < end && *q != ';' && *q != ' ')
					q++;
			}
			n = (size_t)(q - v);
			if (n + 1 > size || memchr(v, '\0', n) != NULL)
				return -1;
			memcpy(out, v, n);
			out[n] = '\0';
			return 1;
		}
	}
	return 0;
}

/* Fill part from its header block [h, end). */
static int part_headers(const char *h, const char *end, struct multipart_part *part,
                        struct ikm_err *err)
{
	int have_disp = 0;

	while (h < end) {
		const char *eol = find(h, (size_t)(end - h), "\r\n", 2);
		const char *line_end = eol != NULL ? eol : end;

		if ((size_t)(line_end - h) > 20 &&
		    strncasecmp(h, "Content-Disposition:", 20) == 0) {
			const char *v = h + 20;
			int rc;

			while (v < line_end && (*v == ' ' || *v == '\t'))
				v++;
			if ((size_t)(line_end - v) < 9 || strncasecmp(v, "form-data", 9) != 0)
				return err_set(
				    err, IKM_EDATA,
				    "bagian multipart bukan form-data / part is not form-data");
			if (disposition_param(v, line_end, "name", part->name,
			                      sizeof(part->name)) != 1)
				return err_set(
				    err, IKM_EDATA,
				    "bagian multipart tanpa nama yang sah / part without a "
				    "valid name");
			rc = disposition_param(v, line_end, "filename", part->filename,
			                       sizeof(part->filename));
			if (rc < 0)
				return err_set(
				    err, IKM_ELIMIT,
				    "nama berkas lebih dari %d bait / file name too long",
				    MULTIPART_FILENAME_MAX);
			part->is_file = rc == 1;
			have_disp = 1;
		} else if ((size_t)(line_end - h) > 13 &&
		           strncasecmp(h, "Content-Type:", 13) == 0) {
			const char *v = h + 13;
			size_t n;

			while (v < line_end && (*v == ' ' || *v == '\t'))
				v++;
			n = (size_t)(line_end - v);
			if (n >= sizeof(part->content_type))
				n = sizeof(part->content_type) - 1;
			memcpy(part->content_type, v, n);
			part->content_type[n] = '\0';
		}
		h = eol != NULL ? eol + 2 : end;
	}
	if (!have_disp)
		return err_set(err, IKM_EDATA,
		               "bagian multipart tanpa Content-Disposition / part without "
		               "Content-Disposition");
	if (!text_clean_utf8(part->name) || !text_clean_utf8(part->filename) ||
	    !text_clean_utf8(part->content_type))
		return err_set(
		    err, IKM_EDATA,
		    "nama bagian atau berkas bukan teks yang sah / bad part or file name");
	/* Keep only the last path part of a file name (old browsers send C:\...). */
	{
		char *slash = strrchr(part->filename, '/'), *back = strrchr(part->filename, '\\');
		char *cut = slash > back ? slash : back;

		if (cut != NULL)
			memmove(part->filename, cut + 1, strlen(cut + 1) + 1);
	}
	return 0;
}

int multipart_parse(const char *body, size_t len, const char *content_type, struct multipart *out,
                    struct ikm_err *err)
{
	char b[MULTIPART_BOUNDARY_MAX + 1], delim[MULTIPART_BOUNDARY_MAX + 5];
	const char *p, *end = body + len;
	size_t dl;

	memset(out, 0, sizeof(*out));
	if (boundary_of(content_type, b) < 0)
		return err_set(
		    err, IKM_EDATA,
		    "Content-Type multipart tanpa boundary yang sah / multipart without a "
		    "valid boundary");
	dl = (size_t)snprintf(delim, sizeof(delim), "\r\n--%s", b);
	/* The first delimiter may open the body without its CRLF. */
	if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0) {
		p = body + dl - 2;
	} else {
		const char *first = find(body, len, delim, dl);

		if (first == NULL)
			goto malformed;
		p = first + dl;
	}
	for (;;) {
		const char *hend, *next;
		struct multipart_part *part;

		/* After a delimiter: "--" ends the body, CRLF starts a part. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			goto malformed;
		p += 2;
		if (out->n == MULTIPART_MAX_PARTS) {
			memset(out, 0, sizeof(*out));
			return err_set(err, IKM_ELIMIT, "lebih dari %d bagian / more than %d parts",
			               MULTIPART_MAX_PARTS, MULTIPART_MAX_PARTS);
		}
		hend = find(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (hend == NULL)
			goto malformed;
		if ((size_t)(hend - p) > MULTIPART_HEADERS_MAX) {
			memset(out, 0, sizeof(*out));
			return err_set(
			    err, IKM_ELIMIT,
			    "kepala bagian multipart lebih dari %d bait / part headers too "
			    "long",
			    MULTIPART_HEADERS_MAX);
		}
		part = &out->p[out->n];
		if (part_headers(p, hend, part, err) < 0) {
			memset(out, 0, sizeof(*out));
			return -1;
		}
		p = hend + 4;
		next = find(p, (size_t)(end - p), delim, dl);
		if (next == NULL)
			goto malformed;
		part->data = p;
		part->len = (size_t)(next - p);
		out->n++;
		p = next + dl;
	}
	return 0;
malformed:
	memset(out, 0, sizeof(*out));
	return err_set(err, IKM_EDATA,
	               "isi multipart/form-data rusak (batas bagian tidak lengkap) / malformed "
	               "multipart body");
}

const struct multipart_part *multipart_get(const struct multipart *m, const char *name)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->p[i].name, name) == 0)
			return &m->p[i];
	return NULL;
}

int multipart_text(const struct multipart *m, const char *name, char *buf, size_t size)
{
	const struct multipart_part *p = multipart_get(m, name);

	buf[0] = '\0';
	if (p == NULL || p->is_file || p->len + 1 > size || memchr(p->data, '\0', p->len) != NULL)
		return 0;
	memcpy(buf, p->data, p->len);
	buf[p->len] = '\0';
	for (size_t i = 0; i < p->len; i++)
		if (buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')
			buf[i] = ' ';
	if (!text_clean_utf8(buf)) {
		buf[0] = '\0';
		return 0;
	}
	memcpy(buf, p->data, p->len); /* the tabs and line ends back */
	return 1;
}
