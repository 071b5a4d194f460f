/* fuzz_multipart: libFuzzer target for the multipart/form-data parser
 * (src/web/multipart.c). The input is a Content-Type value, a line feed,
 * and the body (no line feed: the whole input is the body of a fixed
 * Content-Type), so the boundary parameter is fuzzed too.
 *
 * A parse that fails must leave no parts and say IKM_EDATA or IKM_ELIMIT.
 * One that succeeds must come from a Content-Type multipart_is accepts and
 * give at most MULTIPART_MAX_PARTS parts, in order, each inside the body
 * and apart from the others, with a name, file name and content type
 * within their limits and clean UTF-8, a file name without '/' or '\',
 * none unless is_file; multipart_get must give the first part of a name,
 * and multipart_text's copy must be the part's bytes. When names and file
 * names are plain, writing the parts out again under the same boundary
 * must parse back to the same parts.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core -Isrc/web
 *   -D_DEFAULT_SOURCE fuzz/fuzz_multipart.c src/web/multipart.c src/core/\*.c
 *   -o /tmp/fuzz_multipart
 * Run:   /tmp/fuzz_multipart fuzz/corpus/multipart */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "err.h"
#include "multipart.h"
#include "text.h"

#define FIXED_CT "multipart/form-data; boundary=XyZ"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 when s is plain enough to be written out again in quotes. */
static int plain(const char *s)
{
	return strpbrk(s, "\";=\\/") == NULL;
}

/* The boundary of ct, as multipart.c reads it (for writing out again):
 * 1 found, 0 not. */
static int boundary(const char *ct, char out[MULTIPART_BOUNDARY_MAX + 1])
{
	const char *p = strstr(ct, "boundary=");
	size_t n = 0;

	/* Only the simple shape; anything else skips the round trip. */
	if (p == NULL || strncmp(ct, "multipart/form-data; boundary=", 30) != 0 || p != ct + 21)
		return 0;
	p += 9;
	while (p[n] != '\0' && p[n] != ';' && p[n] != ' ' && p[n] != '"' &&
	       n <= MULTIPART_BOUNDARY_MAX)
		n++;
	if (n == 0 || n > MULTIPART_BOUNDARY_MAX || p[n] != '\0')
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

static void check_part(const struct multipart *m, int i, const char *body, size_t len)
{
	const struct multipart_part *p = &m->p[i], *first = NULL;
	char *buf;

	if (p->data < body || p->len > len || p->data > body + len - p->len)
		abort();
	if (i > 0 && p->data < m->p[i - 1].data + m->p[i - 1].len)
		abort();
	if (strlen(p->name) > MULTIPART_NAME_MAX || strlen(p->filename) > MULTIPART_FILENAME_MAX ||
	    strlen(p->content_type) >= sizeof(p->content_type))
		abort();
	if (!text_clean_utf8(p->name) || !text_clean_utf8(p->filename) ||
	    !text_clean_utf8(p->content_type))
		abort();
	if (strchr(p->filename, '/') != NULL || strchr(p->filename, '\\') != NULL)
		abort();
	if (!p->is_file && p->filename[0] != '\0')
		abort();
	for (int k = 0; k < m->n && first == NULL; k++)
		if (strcmp(m->p[k].name, p->name) == 0)
			first = &m->p[k];
	if (multipart_get(m, p->name) != first)
		abort();
	if (first != p)
		return;
	/* multipart_text reads the first part of a name. */
	buf = malloc(p->len + 1);
	if (buf == NULL)
		abort();
	if (multipart_text(m, p->name, buf, p->len + 1) == 1) {
		if (p->is_file || memcmp(buf, p->data, p->len) != 0 || strlen(buf) != p->len)
			abort();
	} else if (buf[0] != '\0') {
		abort();
	}
	free(buf);
}

/* Write m out again under boundary b and parse it: the same parts. */
static void round_trip(const struct multipart *m, const char *ct, const char *b)
{
	struct bytebuf out = {0};
	struct multipart again;
	struct ikm_err err;

	for (int i = 0; i < m->n; i++) {
		const struct multipart_part *p = &m->p[i];

		if (!plain(p->name) || !plain(p->filename) || p->name[0] == '\0')
			return;
	}
	err_clear(&err);
	for (int i = 0; i < m->n; i++) {
		const struct multipart_part *p = &m->p[i];

		bytebuf_printf(&out, "--%s\r\nContent-Disposition: form-data; name=\"%s\"", b,
		               p->name);
		if (p->is_file)
			bytebuf_printf(&out, "; filename=\"%s\"", p->filename);
		bytebuf_puts(&out, "\r\n");
		if (p->content_type[0] != '\0' && p->content_type[0] != ' ')
			bytebuf_printf(&out, "Content-Type: %s\r\n", p->content_type);
		bytebuf_puts(&out, "\r\n");
		bytebuf_add(&out, p->data, p->len);
		bytebuf_puts(&out, "\r\n");
	}
	bytebuf_printf(&out, "--%s--\r\n", b);
	if (multipart_parse(out.p, out.len, ct, &again, &err) < 0 || again.n != m->n)
		abort();
	for (int i = 0; i < m->n; i++) {
		const struct multipart_part *p = &m->p[i], *q = &again.p[i];

		if (strcmp(p->name, q->name) != 0 || strcmp(p->filename, q->filename) != 0 ||
		    p->is_file != q->is_file || p->len != q->len ||
		    memcmp(p->data, q->data, p->len) != 0)
			abort();
		if (p->content_type[0] != ' ' && strcmp(p->content_type, q->content_type) != 0)
			abort();
	}
	bytebuf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size < 200 ? size : 200);
	char ct[201], b[MULTIPART_BOUNDARY_MAX + 1];
	const char *body;
	size_t len;
	struct multipart m;
	struct ikm_err err;

	if (nl != NULL && memchr(data, '\0', (size_t)(nl - data)) == NULL) {
		memcpy(ct, data, (size_t)(nl - data));
		ct[nl - data] = '\0';
		body = (const char *)nl + 1;
		len = size - (size_t)(nl - data) - 1;
	} else {
		snprintf(ct, sizeof(ct), "%s", FIXED_CT);
		body = (const char *)data;
		len = size;
	}
	err_clear(&err);
	m.n = -1;
	if (multipart_parse(body, len, ct, &m, &err) < 0) {
		if (m.n != 0 || (err.kind != IKM_EDATA && err.kind != IKM_ELIMIT))
			abort();
		return 0;
	}
	if (!multipart_is(ct) || m.n < 0 || m.n > MULTIPART_MAX_PARTS)
		abort();
	for (int i = 0; i < m.n; i++)
		check_part(&m, i, body, len);
	if (boundary(ct, b))
		round_trip(&m, ct, b);
	return 0;
}
