/* svgbar (src/web/svgbar.c): well-formed SVG (parsed with expat), text
 * escaped, no script or style, bars in proportion, an empty chart, the
 * labels thinned when the bars are narrow, and the named limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svgbar.h"
#include "testutil.h"

struct walk {
	int rects, texts, titles;
	double heights[8];
	int in_text;
};

static void on_start(void *user, const XML_Char *name, const XML_Char **atts)
{
	struct walk *w = user;

	if (strcmp(name, "rect") == 0) {
		for (int i = 0; atts[i] != NULL; i += 2)
			if (strcmp(atts[i], "height") == 0 && w->rects < 8)
				w->heights[w->rects] = strtod(atts[i + 1], NULL);
		w->rects++;
	}
	if (strcmp(name, "text") == 0)
		w->texts++;
	if (strcmp(name, "title") == 0)
		w->titles++;
	for (int i = 0; atts[i] != NULL; i += 2)
		assert_true(strcmp(atts[i], "style") != 0 && strncmp(atts[i], "on", 2) != 0);
	assert_true(strcmp(name, "script") != 0 && strcmp(name, "style") != 0);
}

static void on_end(void *user, const XML_Char *name)
{
	(void)user;
	(void)name;
}

/* Parse svg; fails the test unless it is well-formed. */
static struct walk parse(const char *svg)
{
	struct walk w = {0};
	XML_Parser p = XML_ParserCreate("UTF-8");

	XML_SetUserData(p, &w);
	XML_SetElementHandler(p, on_start, on_end);
	if (XML_Parse(p, svg, (int)strlen(svg), 1) != XML_STATUS_OK)
		fail_msg("not well-formed: %s at %lu\n%s", XML_ErrorString(XML_GetErrorCode(p)),
		         (unsigned long)XML_GetCurrentByteIndex(p), svg);
	XML_ParserFree(p);
	return w;
}

static void test_bars(void **state)
{
	static const char *const labels[] = {"web", "<script>alert(1)</script>", "kertas & co",
	                                     "\"api\""};
	static const uint64_t values[] = {10, 5, 0, 1};
	struct svgbar c = {"kanal", "Tanggapan <per> kanal", "Jumlah \"tanggapan\"", 4, labels,
	                   values};
	struct bytebuf out = {0};
	struct ikm_err err = {0};
	struct walk w;

	(void)state;
	assert_int_equal(svgbar_render(&c, &out, &err), 0);
	testutil_assert_starts(out.p, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	assert_contains(out.p, "role=\"img\"");
	assert_contains(out.p, "aria-labelledby=\"kanal-t\"");
	assert_contains(out.p, "aria-describedby=\"kanal-d\"");
	assert_contains(out.p, "Tanggapan &lt;per&gt; kanal");
	assert_contains(out.p, "Jumlah &quot;tanggapan&quot;");
	assert_contains(out.p, "&lt;script&gt;alert(1)&lt;/script&gt;: 5");
	assert_contains(out.p, "kertas &amp; co");
	assert_not_contains(out.p, "<script");
	assert_not_contains(out.p, "style=");
	w = parse(out.p);
	assert_int_equal(w.rects, 4);
	assert_int_equal(w.titles, 1 + 4);
	/* Axis 0..10: heights in proportion, 0 for 0, a visible sliver for 1. */
	assert_true(w.heights[0] > 0);
	assert_true(w.heights[1] > w.heights[0] / 2 - 0.02 &&
	            w.heights[1] < w.heights[0] / 2 + 0.02);
	assert_true(w.heights[2] == 0);
	assert_true(w.heights[3] > 0 && w.heights[3] < w.heights[1]);
	bytebuf_free(&out);
}

static void test_empty_and_many(void **state)
{
	struct svgbar c = {"hari", "Per hari", NULL, 0, NULL, NULL};
	struct bytebuf out = {0};
	struct ikm_err err = {0};
	struct walk w;
	const char **labels;
	uint64_t *values;
	int n = 366;

	(void)state;
	assert_int_equal(svgbar_render(&c, &out, &err), 0);
	assert_contains(out.p, "Belum ada data");
	assert_not_contains(out.p, "aria-describedby");
	w = parse(out.p);
	assert_int_equal(w.rects, 0);
	bytebuf_free(&out);

	/* A year of days: every bar, but not every label. */
	labels = calloc((size_t)n, sizeof(*labels));
	values = calloc((size_t)n, sizeof(*values));
	for (int i = 0; i < n; i++) {
		labels[i] = "1 Jan";
		values[i] = (uint64_t)(i % 7) * 1000000;
	}
	c.n = n;
	c.labels = labels;
	c.values = values;
	assert_int_equal(svgbar_render(&c, &out, &err), 0);
	w = parse(out.p);
	assert_int_equal(w.rects, n);
	assert_true(w.texts < n / 4);
	assert_contains(out.p, ">6.000.000<"); /* the axis in Indonesian digits */
	bytebuf_free(&out);

	c.n = SVGBAR_MAX_BARS + 1;
	assert_int_equal(svgbar_render(&c, &out, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_null(out.p);
	c.n = 1;
	c.id = "Bad id\"";
	assert_int_equal(svgbar_render(&c, &out, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	free(labels);
	free(values);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bars),
	    cmocka_unit_test(test_empty_and_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
