/* Unit tests of the embedded files of share/web (src/web/webfiles.c and
 * the generated webfiles_data.c): ikm.css and layout.html are found with
 * their content types and bytes, the list is sorted and ends in a NULL
 * entry, lookups are exact, every embedded template parses, and
 * layout.html renders a whole page with its values escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "err.h"
#include "testutil.h"
#include "tmpl.h"
#include "webfiles.h"

/* The bytes of share/web/name, read from the source tree (caller frees). */
static char *read_source(const char *name, size_t *len)
{
	char path[512];
	const char *top = getenv("IKM_TOP");
	struct bytebuf b = {0};
	char chunk[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/share/web/%s", top != NULL ? top : ".", name);
	f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		bytebuf_add(&b, chunk, n);
	fclose(f);
	return bytebuf_take(&b, len);
}

static void test_found(void **state)
{
	const struct webfile *css = webfiles_find("ikm.css");
	const struct webfile *layout = webfiles_find("layout.html");

	(void)state;
	assert_non_null(css);
	assert_non_null(layout);
	assert_string_equal(css->path, "ikm.css");
	assert_string_equal(css->content_type, "text/css; charset=utf-8");
	assert_string_equal(layout->path, "layout.html");
	assert_string_equal(layout->content_type, "text/html; charset=utf-8");
	/* Text files are strings of their length. */
	assert_true(css->len > 1000);
	assert_int_equal(strlen(css->data), css->len);
	assert_int_equal(strlen(layout->data), layout->len);
	/* What the stylesheet promises. */
	assert_contains(css->data, "system-ui");
	assert_contains(css->data, ":focus-visible");
	assert_contains(css->data, ".option");
	assert_contains(css->data, "max-width: 40rem");
	assert_contains(css->data, "min-height: 2.75rem"); /* 44px */
	assert_not_contains(css->data, "@import");
	assert_not_contains(css->data, "@font-face");
	assert_not_contains(css->data, "url(");
}

/* The embedded bytes are those of the source tree (a stale
 * webfiles_data.c fails here as in `make check`). */
static void test_same_bytes(void **state)
{
	(void)state;
	for (size_t i = 0; i < webfiles_count; i++) {
		size_t len = 0;
		char *src = read_source(webfiles[i].path, &len);

		if (src == NULL)
			skip();
		assert_int_equal(len, webfiles[i].len);
		assert_memory_equal(src, webfiles[i].data, len);
		assert_int_equal(webfiles[i].data[len], '\0');
		free(src);
	}
}

static void test_list(void **state)
{
	(void)state;
	assert_true(webfiles_count >= 2);
	for (size_t i = 0; i < webfiles_count; i++) {
		assert_non_null(webfiles[i].path);
		assert_non_null(webfiles[i].data);
		assert_non_null(webfiles[i].content_type);
		assert_ptr_equal(webfiles_find(webfiles[i].path), &webfiles[i]);
		if (i > 0)
			assert_true(strcmp(webfiles[i - 1].path, webfiles[i].path) < 0);
	}
	assert_null(webfiles[webfiles_count].path);
	assert_null(webfiles[webfiles_count].data);
	/* Exact paths only. */
	assert_null(webfiles_find(NULL));
	assert_null(webfiles_find(""));
	assert_null(webfiles_find("IKM.CSS"));
	assert_null(webfiles_find("/ikm.css"));
	assert_null(webfiles_find("static/ikm.css"));
	assert_null(webfiles_find("ikm.css/"));
	assert_null(webfiles_find("../share/web/ikm.css"));
	assert_null(webfiles_find("ikm"));
}

/* Every embedded template parses. */
static void test_templates_parse(void **state)
{
	int n = 0;

	(void)state;
	for (size_t i = 0; i < webfiles_count; i++) {
		struct tmpl *t = NULL;
		struct ikm_err err;

		if (strncmp(webfiles[i].content_type, "text/html", 9) != 0)
			continue;
		err_clear(&err);
		if (tmpl_parse(webfiles[i].path, webfiles[i].data, &t, &err) < 0)
			fail_msg("%s", err.msg);
		tmpl_free(t);
		n++;
	}
	assert_true(n >= 1);
}

static void test_layout_render(void **state)
{
	const struct webfile *layout = webfiles_find("layout.html");
	struct tmpl_data *d = tmpl_data_new();
	struct tmpl *t = NULL;
	struct bytebuf out = {0};
	struct ikm_err err;
	static const char *const order[] = {
	    "<!DOCTYPE html>",
	    "<html lang=\"en\">",
	    "<meta charset=\"utf-8\">",
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
	    "<title>Survei &lt;IKM&gt; &amp; &quot;Kota&quot;</title>",
	    "<link rel=\"stylesheet\" href=\"/static/ikm.css\">",
	    "<header",
	    "Dinas &#39;Dukcapil&#39;",
	    "<main",
	    "<h1>Isi</h1><p>a &amp; b</p>",
	    "</main>",
	    "<footer",
	    "</html>",
	};

	(void)state;
	assert_non_null(layout);
	assert_int_equal(tmpl_parse(layout->path, layout->data, &t, &err), 0);
	tmpl_set(d, "lang", "en");
	tmpl_set(d, "title", "Survei <IKM> & \"Kota\"");
	tmpl_set(d, "org", "Dinas 'Dukcapil'");
	tmpl_set(d, "content", "<h1>Isi</h1><p>a &amp; b</p>");
	assert_int_equal(tmpl_render(t, d, &out, &err), 0);
	testutil_assert_in_order(out.p, order, (int)(sizeof(order) / sizeof(order[0])));
	assert_int_equal(testutil_count(out.p, "Dinas &#39;Dukcapil&#39;"), 2);
	assert_not_contains(out.p, "{{");
	assert_not_contains(out.p, "}}");
	assert_not_contains(out.p, "Dinas 'Dukcapil'");
	assert_not_contains(out.p, "<script");
	assert_not_contains(out.p, "style=");
	bytebuf_free(&out);
	/* Without lang the page is Indonesian. */
	tmpl_data_free(d);
	d = tmpl_data_new();
	assert_int_equal(tmpl_render(t, d, &out, &err), 0);
	assert_contains(out.p, "<html lang=\"id\">");
	assert_contains(out.p, "<title></title>");
	bytebuf_free(&out);
	tmpl_data_free(d);
	tmpl_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_found),         cmocka_unit_test(test_same_bytes),
	    cmocka_unit_test(test_list),          cmocka_unit_test(test_templates_parse),
	    cmocka_unit_test(test_layout_render),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
