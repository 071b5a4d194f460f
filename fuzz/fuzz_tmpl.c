/* fuzz_tmpl: libFuzzer target for the template engine (src/web/tmpl.c).
 *
 * The input is a template. A parse that fails must be IKM_EDATA with a
 * message "fuzz.html:LINE: " whose LINE is a line of the input. A parse
 * that succeeds is rendered twice with fixed data (values holding every
 * special character, flags, an empty string, nested lists) and once with
 * none; the two renders must be equal, and when the input has no "{{{"
 * the output may hold '<', '>', '"' or '\'' only where the input does
 * (every value is escaped). tmpl_escape of the input must hold none of
 * them. Every list item sets its own list's name to false, so a nested
 * section of the same list is skipped and no input multiplies the work.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core -Isrc/web
 *   -D_DEFAULT_SOURCE fuzz/fuzz_tmpl.c src/web/tmpl.c src/core/\*.c -o /tmp/fuzz_tmpl
 * Run:   /tmp/fuzz_tmpl fuzz/corpus/tmpl */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "err.h"
#include "tmpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct tmpl_data *fixed_data(void)
{
	struct tmpl_data *d = tmpl_data_new();

	tmpl_set(d, "a", "<a href='x'>&\"</a>");
	tmpl_set(d, "b", "");
	tmpl_set(d, "title", "Survei \"IKM\" <2024> & 'co'");
	tmpl_set_bool(d, "t", 1);
	tmpl_set_bool(d, "f", 0);
	for (int i = 0; i < 2; i++) {
		struct tmpl_data *it = tmpl_add(d, "l");

		tmpl_set_bool(it, "l", 0);
		tmpl_set(it, "a", i == 0 ? "1<" : "");
		tmpl_set(it, "name", "item 'x'");
		for (int k = 0; k < 2; k++) {
			struct tmpl_data *sub = tmpl_add(it, "s");

			tmpl_set_bool(sub, "s", 0);
			tmpl_set(sub, "a", k == 0 ? "2>" : "\"");
			tmpl_set_bool(sub, "t", k);
		}
	}
	for (int i = 0; i < 3; i++)
		tmpl_set_bool(tmpl_add(d, "x"), "x", 0);
	return d;
}

static int has_byte(const char *s, size_t n, char c)
{
	return memchr(s, c, n) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tmpl_data *d;
	char *text = malloc(size + 1);
	struct tmpl *t = NULL;
	struct bytebuf a = {0}, b = {0}, e = {0};
	struct ikm_err err;
	int rc;

	if (text == NULL)
		abort();
	if (d == NULL)
		d = fixed_data(); /* kept for the whole run */
	memcpy(text, data, size);
	text[size] = '\0';
	size = strlen(text); /* the template ends at a NUL */

	tmpl_escape(&e, text);
	if (e.len < size || has_byte(e.p, e.len, '<') || has_byte(e.p, e.len, '>') ||
	    has_byte(e.p, e.len, '"') || has_byte(e.p, e.len, '\''))
		abort();

	err_clear(&err);
	rc = tmpl_parse("fuzz.html", text, &t, &err);
	if (rc < 0) {
		unsigned long line;
		char *end;
		size_t lines = 1;

		if (t != NULL || err.kind != IKM_EDATA || strncmp(err.msg, "fuzz.html:", 10) != 0)
			abort();
		line = strtoul(err.msg + 10, &end, 10);
		for (size_t i = 0; i < size; i++)
			lines += text[i] == '\n';
		if (line < 1 || line > lines || strncmp(end, ": ", 2) != 0)
			abort();
		goto out;
	}
	if (tmpl_render(t, d, &a, &err) < 0 || tmpl_render(t, d, &b, &err) < 0)
		abort(); /* no input here reaches the render limit */
	if (a.len != b.len || memcmp(a.p, b.p, a.len) != 0 || strlen(a.p) != a.len)
		abort();
	if (strstr(text, "{{{") == NULL) {
		static const char special[] = "<>\"'";

		for (const char *c = special; *c != '\0'; c++)
			if (has_byte(a.p, a.len, *c) && !has_byte(text, size, *c))
				abort();
	}
	bytebuf_free(&b);
	if (tmpl_render(t, NULL, &b, &err) < 0 || b.len > size)
		abort(); /* without data, at most the template's text */
out:
	tmpl_free(t);
	bytebuf_free(&a);
	bytebuf_free(&b);
	bytebuf_free(&e);
	free(text);
	return 0;
}
