/* fuzz_formdata: libFuzzer target for the form parser (src/web/formdata.c).
 *
 * A parse that fails must leave no fields and say IKM_EDATA or IKM_ELIMIT
 * about a numbered field. A parse that succeeds must give at most
 * FORMDATA_MAX_FIELDS fields, names and values within their limits, each
 * UTF-8 in shortest form (checked here another way: decode loosely, encode
 * again, compare) without control characters (tab, CR, LF in values only);
 * formdata_get must give the first value of a name; and encoding the fields
 * again (every byte but [A-Za-z0-9._~-] as %XX, a space as '+') must parse
 * back to the same fields.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core -Isrc/web
 *   -D_DEFAULT_SOURCE fuzz/fuzz_formdata.c src/web/formdata.c src/core/\*.c
 *   -o /tmp/fuzz_formdata
 * Run:   /tmp/fuzz_formdata fuzz/corpus/formdata */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "err.h"
#include "formdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Encode code point cp as UTF-8 into out; the length. */
static size_t encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xc0 | cp >> 6);
		out[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xe0 | cp >> 12);
		out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (unsigned char)(0xf0 | cp >> 18);
	out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Abort unless s is clean text (see above). */
static void check_clean(const char *str, int value)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0;

	while (i < n) {
		size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xf0 ? 4 : s[i] >= 0xe0 ? 3 : 2;
		unsigned char again[4];
		uint32_t cp;

		if (i + len > n)
			abort();
		cp = len == 1 ? s[i] : s[i] & (0x7f >> len);
		for (size_t k = 1; k < len; k++)
			cp = cp << 6 | (s[i + k] & 0x3f);
		if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			abort();
		if (encode(cp, again) != len || memcmp(again, s + i, len) != 0)
			abort();
		if (cp < 0x20 && !(value && (cp == '\t' || cp == '\r' || cp == '\n')))
			abort();
		if (cp >= 0x7f && cp <= 0x9f)
			abort();
		i += len;
	}
}

static void put_encoded(struct bytebuf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("._~-", *p) != NULL)
			bytebuf_add(b, p, 1);
		else if (*p == ' ')
			bytebuf_add(b, "+", 1);
		else
			bytebuf_printf(b, "%%%02X", *p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct formdata f, g;
	struct ikm_err err;
	struct bytebuf b = {0};

	err_clear(&err);
	f.n = -1;
	if (formdata_parse((const char *)data, size, &f, &err) < 0) {
		if (f.n != 0 || (err.kind != IKM_EDATA && err.kind != IKM_ELIMIT) ||
		    strncmp(err.msg, "isian ke-", 9) != 0)
			abort();
		return 0;
	}
	if (f.n < 0 || f.n > FORMDATA_MAX_FIELDS)
		abort();
	for (int i = 0; i < f.n; i++) {
		const char *first = NULL;

		if (strlen(f.f[i].name) > FORMDATA_NAME_MAX ||
		    strlen(f.f[i].value) > FORMDATA_VALUE_MAX)
			abort();
		check_clean(f.f[i].name, 0);
		check_clean(f.f[i].value, 1);
		for (int k = 0; k < f.n && first == NULL; k++)
			if (strcmp(f.f[k].name, f.f[i].name) == 0)
				first = f.f[k].value;
		if (formdata_get(&f, f.f[i].name) != first)
			abort();
		if (i > 0)
			bytebuf_add(&b, "&", 1);
		put_encoded(&b, f.f[i].name);
		bytebuf_add(&b, "=", 1);
		put_encoded(&b, f.f[i].value);
	}
	if (formdata_parse(b.p, b.len, &g, &err) < 0 || g.n != f.n)
		abort();
	for (int i = 0; i < f.n; i++)
		if (strcmp(f.f[i].name, g.f[i].name) != 0 ||
		    strcmp(f.f[i].value, g.f[i].value) != 0)
			abort();
	formdata_free(&g);
	formdata_free(&f);
	bytebuf_free(&b);
	return 0;
}
