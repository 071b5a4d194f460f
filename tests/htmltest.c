/* htmltest: see htmltest.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "htmltest.h"

#include <stdio.h>
#include <string.h>

#include "doc_html.h"

int htmltest_render(const struct doc *d, char **html, struct ikm_err *err)
{
	size_t len = 0;
	FILE *f = open_memstream(html, &len);
	int rc;

	assert_non_null(f);
	err_clear(err);
	rc = doc_html_write(d, f, err);
	assert_int_equal(fclose(f), 0);
	assert_non_null(*html);
	return rc;
}

char *htmltest_render_ok(const struct doc *d)
{
	struct ikm_err err;
	char *html = NULL;

	if (htmltest_render(d, &html, &err) != 0)
		fail_msg("doc_html_write: %s", err.msg);
	return html;
}

void htmltest_assert_entities_only(const char *html)
{
	static const char *const ok[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

	for (const char *p = strchr(html, '&'); p != NULL; p = strchr(p + 1, '&')) {
		int found = 0;

		for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
			found |= strncmp(p, ok[i], strlen(ok[i])) == 0;
		if (!found)
			fail_msg("bare & at \"%.20s\"", p);
	}
}
