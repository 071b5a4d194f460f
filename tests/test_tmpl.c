/* Unit tests of src/web/tmpl.c: HTML escaping of every special character
 * (text and attribute values), raw triple braces, sections over lists
 * (nested, with lookup in the parents), flags and strings, inverted
 * sections, missing names, comments, parse errors with their line numbers,
 * the nesting, name and size limits, the render limit, replacing data, and
 * eight threads rendering one template at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "err.h"
#include "testutil.h"
#include "tmpl.h"

/* Parse and render src with d; the output (caller frees). Fails the test
 * on an error. */
static char *render(const char *src, const struct tmpl_data *d)
{
	struct tmpl *t = NULL;
	struct bytebuf out = {0};
	struct ikm_err err;

	err_clear(&err);
	if (tmpl_parse("t.html", src, &t, &err) < 0)
		fail_msg("parse \"%s\": %s", src, err.msg);
	if (tmpl_render(t, d, &out, &err) < 0)
		fail_msg("render \"%s\": %s", src, err.msg);
	tmpl_free(t);
	return bytebuf_take(&out, NULL);
}

static void assert_render(const char *src, const struct tmpl_data *d, const char *want)
{
	char *got = render(src, d);

	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", src, got, want);
	free(got);
}

/* Parsing src must fail with kind and a message starting with start. */
static void assert_parse_error(const char *src, enum ikm_err_kind kind, const char *start)
{
	struct tmpl *t = (struct tmpl *)1;
	struct ikm_err err;

	err_clear(&err);
	if (tmpl_parse("t.html", src, &t, &err) == 0)
		fail_msg("\"%s\" parsed", src);
	assert_null(t);
	assert_int_equal(err.kind, kind);
	if (strncmp(err.msg, start, strlen(start)) != 0)
		fail_msg("\"%s\": message \"%s\" does not start with \"%s\"", src, err.msg, start);
}

static void test_escape(void **state)
{
	struct bytebuf b = {0};
	struct tmpl_data *d = tmpl_data_new();

	(void)state;
	tmpl_escape(&b, "&<>\"'");
	assert_string_equal(b.p, "&amp;&lt;&gt;&quot;&#39;");
	bytebuf_free(&b);
	tmpl_escape(&b, "a&b<c>d\"e'f");
	assert_string_equal(b.p, "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	bytebuf_free(&b);
	/* Plain text, UTF-8 and "=" or "`" pass unchanged; NULL adds nothing;
	 * an entity is escaped again (the value is text, not markup). */
	tmpl_escape(&b, "Pelayanan ramah — 100% = `ok`");
	tmpl_escape(&b, NULL);
	tmpl_escape(&b, "");
	assert_string_equal(b.p, "Pelayanan ramah — 100% = `ok`");
	bytebuf_free(&b);
	tmpl_escape(&b, "&amp;");
	assert_string_equal(b.p, "&amp;amp;");
	bytebuf_free(&b);

	/* The same in a render, in text and in both kinds of attribute. */
	tmpl_set(d, "v", "\" onfocus='alert(1)' x=\"<b>&");
	assert_render("<p>{{v}}</p>", d,
	              "<p>&quot; onfocus=&#39;alert(1)&#39; x=&quot;&lt;b&gt;&amp;</p>");
	assert_render("<input value=\"{{v}}\">", d,
	              "<input value=\"&quot; onfocus=&#39;alert(1)&#39; x=&quot;&lt;b&gt;&amp;\">");
	assert_render("<a title='{{v}}'>", d,
	              "<a title='&quot; onfocus=&#39;alert(1)&#39; x=&quot;&lt;b&gt;&amp;'>");
	tmpl_set(d, "v", "</script><script>alert(1)</script>");
	assert_render("{{v}}", d, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
	tmpl_data_free(d);
}

static void test_raw(void **state)
{
	struct tmpl_data *d = tmpl_data_new();

	(void)state;
	tmpl_set(d, "html", "<b class=\"x\">A & 'B'</b>");
	assert_render("<div>{{{html}}}</div>", d, "<div><b class=\"x\">A & 'B'</b></div>");
	assert_render("{{{ html }}}|{{ html }}", d,
	              "<b class=\"x\">A & 'B'</b>|&lt;b class=&quot;x&quot;&gt;A &amp; "
	              "&#39;B&#39;&lt;/b&gt;");
	/* A brace after a tag is text; a lone brace is text. */
	assert_render("{{{html}}}}{", d, "<b class=\"x\">A & 'B'</b>}{");
	assert_render("{ } }} {x", NULL, "{ } }} {x");
	tmpl_data_free(d);
}

static void test_text_only(void **state)
{
	struct tmpl *t = NULL;
	struct bytebuf out = {0};
	struct ikm_err err;

	(void)state;
	assert_render("", NULL, "");
	assert_render("plain\ntext\n", NULL, "plain\ntext\n");
	/* Rendering appends. */
	assert_int_equal(tmpl_parse("t.html", "b{{x}}c", &t, &err), 0);
	bytebuf_puts(&out, "a");
	assert_int_equal(tmpl_render(t, NULL, &out, &err), 0);
	assert_int_equal(tmpl_render(t, NULL, &out, &err), 0);
	assert_string_equal(out.p, "abcbc");
	bytebuf_free(&out);
	/* An empty render still leaves a string. */
	tmpl_free(t);
	assert_int_equal(tmpl_parse("t.html", "{{x}}", &t, &err), 0);
	assert_int_equal(tmpl_render(t, NULL, &out, &err), 0);
	assert_non_null(out.p);
	assert_string_equal(out.p, "");
	bytebuf_free(&out);
	tmpl_free(t);
	tmpl_free(NULL);
	tmpl_data_free(NULL);
}

static void test_list(void **state)
{
	struct tmpl_data *d = tmpl_data_new(), *u, *s;

	(void)state;
	tmpl_set(d, "org", "Kota Mojokerto");
	tmpl_set(d, "unit", "root");
	u = tmpl_add(d, "units");
	tmpl_set(u, "unit", "Dispenduk");
	s = tmpl_add(u, "services");
	tmpl_set(s, "name", "KTP");
	s = tmpl_add(u, "services");
	tmpl_set(s, "name", "KK");
	u = tmpl_add(d, "units");
	tmpl_set(u, "unit", "RSUD");
	s = tmpl_add(u, "services");
	tmpl_set(s, "name", "Rawat <jalan>");
	u = tmpl_add(d, "units"); /* no "unit": found in the root */

	/* Once per item; the item is the context; the root is looked up from
	 * inside nested lists. */
	assert_render("{{#units}}[{{unit}}:{{#services}}({{name}}@{{unit}}/{{org}}){{/services}}]"
	              "{{/units}}",
	              d,
	              "[Dispenduk:(KTP@Dispenduk/Kota Mojokerto)(KK@Dispenduk/Kota Mojokerto)]"
	              "[RSUD:(Rawat &lt;jalan&gt;@RSUD/Kota Mojokerto)][root:]");
	/* Inside an item, a list of an outer context is found again, and a
	 * name missing in the inner item comes from the outer item (the
	 * render's context stack, not the data tree). */
	assert_render("{{#units}}{{#units}}{{unit}}{{/units}};{{/units}}", d,
	              "DispendukRSUDDispenduk;DispendukRSUDRSUD;DispendukRSUDroot;");
	/* Dotted names are plain names. */
	tmpl_set(d, "a.b", "dot");
	assert_render("{{a.b}}{{a}}", d, "dot");
	tmpl_data_free(d);
}

static void test_flags(void **state)
{
	struct tmpl_data *d = tmpl_data_new();

	(void)state;
	tmpl_set_bool(d, "yes", 1);
	tmpl_set_bool(d, "no", 0);
	tmpl_set_bool(d, "seven", 7);
	tmpl_set(d, "s", "x");
	tmpl_set(d, "empty", "");
	tmpl_set(d, "null", NULL);
	tmpl_add(d, "list");
	/* Once (context unchanged) for a true flag or a non-empty string;
	 * skipped for false, empty, missing. */
	assert_render("{{#yes}}Y{{s}}{{/yes}}{{#no}}N{{/no}}{{#seven}}7{{/seven}}", d, "Yx7");
	assert_render("{{#s}}S={{s}}{{/s}}{{#empty}}E{{/empty}}{{#null}}0{{/null}}"
	              "{{#missing}}M{{/missing}}",
	              d, "S=x");
	assert_render("{{#list}}L{{/list}}", d, "L");
	/* Inverted: the opposite. */
	assert_render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^s}}S{{/s}}{{^empty}}E{{/empty}}"
	              "{{^null}}0{{/null}}{{^missing}}M{{/missing}}{{^list}}L{{/list}}",
	              d, "NE0M");
	/* A flag or a list in {{name}} renders nothing. */
	assert_render("[{{yes}}{{no}}{{list}}{{{list}}}]", d, "[]");
	/* Nested sections, and a section inside an inverted one. */
	assert_render("{{#yes}}a{{^no}}b{{#s}}c{{/s}}{{/no}}d{{/yes}}", d, "abcd");
	/* No data at all: everything is missing. */
	assert_render("{{#a}}A{{/a}}{{^a}}not{{/a}}{{a}}", NULL, "not");
	tmpl_data_free(d);
}

/* An item's value shadows the parent's, even a false one. */
static void test_shadow(void **state)
{
	struct tmpl_data *d = tmpl_data_new(), *it;

	(void)state;
	tmpl_set_bool(d, "on", 1);
	tmpl_set(d, "x", "root");
	it = tmpl_add(d, "items");
	tmpl_set_bool(it, "on", 0);
	tmpl_set(it, "x", "");
	it = tmpl_add(d, "items");
	tmpl_set(it, "x", "two");
	assert_render("{{#items}}<{{x}}|{{#on}}on{{/on}}{{^on}}off{{/on}}>{{/items}}", d,
	              "<|off><two|on>");
	tmpl_data_free(d);
}

/* Setting a name again replaces the value, of any kind, without leaks. */
static void test_replace(void **state)
{
	struct tmpl_data *d = tmpl_data_new(), *it;

	(void)state;
	tmpl_set(d, "a", "one");
	tmpl_set(d, "a", "two");
	assert_render("{{a}}", d, "two");
	tmpl_set_bool(d, "a", 1);
	assert_render("[{{a}}]{{#a}}T{{/a}}", d, "[]T");
	it = tmpl_add(d, "a"); /* a flag becomes a list */
	tmpl_set(it, "v", "1");
	it = tmpl_add(d, "a");
	tmpl_set(it, "v", "2");
	tmpl_add(it, "deep");
	assert_render("{{#a}}{{v}}{{/a}}", d, "12");
	tmpl_set(d, "a", "str"); /* a list becomes a string again, freed */
	assert_render("{{#a}}{{a}}{{/a}}", d, "str");
	tmpl_set_bool(d, "b", 0);
	tmpl_set(d, "b", "B");
	assert_render("{{b}}", d, "B");
	tmpl_data_free(d);
}

static void test_comments(void **state)
{
	struct tmpl_data *d = tmpl_data_new();

	(void)state;
	tmpl_set(d, "x", "X");
	assert_render("a{{! a comment }}b{{!}}c", d, "abc");
	assert_render("a{{! <b>{x}</b> {{x }}b", d, "ab");
	assert_render("1\n{{! two\nlines {{ }}\n2{{x}}", d, "1\n\n2X");
	/* The lines of a comment count in a later message. */
	assert_parse_error("{{!\n\n}}\n{{/x}}", IKM_EDATA, "t.html:4: ");
	tmpl_data_free(d);
}

static void test_names(void **state)
{
	struct tmpl_data *d = tmpl_data_new();
	char name[TMPL_NAME_MAX + 2];
	char src[TMPL_NAME_MAX + 16];

	(void)state;
	tmpl_set(d, "Az09_.-", "ok");
	assert_render("{{Az09_.-}}|{{ \tAz09_.-\t }}|{{# Az09_.- }}y{{/ Az09_.- }}", d, "ok|ok|y");
	/* TMPL_NAME_MAX bytes exactly; one more is an error. */
	memset(name, 'n', TMPL_NAME_MAX);
	name[TMPL_NAME_MAX] = '\0';
	tmpl_set(d, name, "long");
	snprintf(src, sizeof(src), "{{%s}}", name);
	assert_render(src, d, "long");
	name[TMPL_NAME_MAX] = 'n';
	name[TMPL_NAME_MAX + 1] = '\0';
	snprintf(src, sizeof(src), "{{%s}}", name);
	assert_parse_error(src, IKM_EDATA, "t.html:1: nama lebih dari 63 byte");
	tmpl_data_free(d);
}

static void test_errors(void **state)
{
	static const struct {
		const char *src, *start;
	} cases[] = {
	    {"a\nb\n{{#sec}}\nx\n", "t.html:3: bagian tidak ditutup / section not closed: \"sec\""},
	    {"{{#a}}{{#b}}\n{{/b}}", "t.html:1: bagian tidak ditutup"},
	    {"{{#a}}\n{{#b}}\n{{/a}}",
	     "t.html:3: penutup tidak cocok dengan bagian \"b\" dari baris 2"},
	    {"{{^a}}\n{{/b}}", "t.html:2: penutup tidak cocok dengan bagian \"a\" dari baris 1"},
	    {"x\n{{/a}}",
	     "t.html:2: penutup bagian tanpa pembuka / closing tag without an opening: "
	     "\"{{/a}}\""},
	    {"{{#a}}{{/a}}{{/a}}", "t.html:1: penutup bagian tanpa pembuka"},
	    {"\n\n{{name", "t.html:3: tag tidak ditutup / unterminated tag: \"{{name\""},
	    {"{{", "t.html:1: tag tidak ditutup"},
	    {"{{{", "t.html:1: tag tidak ditutup"},
	    {"{{! open comment\n", "t.html:1: tag tidak ditutup"},
	    {"a\n{{x}\n", "t.html:2: tag tidak ditutup"},
	    {"{{{x}}", "t.html:1: {{{ harus ditutup dengan }}}"},
	    {"{{{x}} }", "t.html:1: {{{ harus ditutup dengan }}}"},
	    {"{{}}", "t.html:1: tag tanpa nama / tag without a name"},
	    {"{{ }}", "t.html:1: tag tanpa nama"},
	    {"{{#}}", "t.html:1: tag tanpa nama"},
	    {"{{{}}}", "t.html:1: tag tanpa nama"},
	    {"{{a b}}",
	     "t.html:1: karakter tidak sah dalam tag / bad character in a tag: \"{{a b}}\""},
	    {"{{a\nb}}", "t.html:1: karakter tidak sah"},
	    {"\n{{a<b}}", "t.html:2: karakter tidak sah"},
	    {"{{n\xc3\xa9}}", "t.html:1: karakter tidak sah dalam tag / bad character in a tag: "
	                      "\"{{n??}}\""},
	    {"{{{#a}}}", "t.html:1: karakter tidak sah"},
	    {"{{ {{a}}", "t.html:1: karakter tidak sah"},
	    {"{{>partial}}", "t.html:1: jenis tag tidak didukung / unsupported tag"},
	    {"{{=<% %>=}}", "t.html:1: jenis tag tidak didukung"},
	    {"{{&raw}}", "t.html:1: jenis tag tidak didukung"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_parse_error(cases[i].src, IKM_EDATA, cases[i].start);
}

/* A long tag is quoted shortened in a message; the template name is kept;
 * NULL name and NULL text. */
static void test_error_message(void **state)
{
	struct tmpl *t = NULL;
	struct ikm_err err;
	char src[200];

	(void)state;
	snprintf(src, sizeof(src), "{{%0150d}}", 0);
	src[80] = ' ';
	assert_int_equal(tmpl_parse("form/survey.html", src, &t, &err), -1);
	assert_contains(err.msg, "form/survey.html:1: karakter tidak sah");
	assert_contains(err.msg, "0000...\"");
	assert_true(strlen(err.msg) < 200);
	assert_int_equal(tmpl_parse(NULL, "{{/x}}", &t, &err), -1);
	testutil_assert_starts(err.msg, "templat:1: ");
	assert_int_equal(tmpl_parse("t", NULL, &t, &err), -1);
	assert_int_equal(err.kind, IKM_EUSAGE);
	assert_null(t);
}

static void test_depth(void **state)
{
	struct tmpl_data *d = tmpl_data_new(), *it = d;
	struct bytebuf src = {0}, want = {0};
	char *got;

	(void)state;
	/* TMPL_MAX_DEPTH nested lists, each item holding the next list; the
	 * innermost finds "top" in the nearest item. */
	for (int i = 0; i < TMPL_MAX_DEPTH; i++) {
		char name[16];

		snprintf(name, sizeof(name), "l%d", i);
		it = tmpl_add(it, name);
		tmpl_set(it, "top", "T");
		bytebuf_printf(&src, "{{#%s}}%d", name, i);
		bytebuf_printf(&want, "%d", i);
	}
	bytebuf_puts(&src, "{{top}}");
	bytebuf_puts(&want, "T");
	for (int i = TMPL_MAX_DEPTH - 1; i >= 0; i--)
		bytebuf_printf(&src, "{{/l%d}}", i);
	got = render(src.p, d);
	assert_string_equal(got, want.p);
	free(got);
	/* One level more is an error at the line of the 17th opening. */
	bytebuf_free(&src);
	for (int i = 0; i <= TMPL_MAX_DEPTH; i++)
		bytebuf_puts(&src, "{{#a}}\n");
	assert_parse_error(src.p, IKM_EDATA,
	                   "t.html:17: bagian bersarang lebih dari 16 tingkat / sections nested "
	                   "deeper than 16: \"{{#a}}\"");
	bytebuf_free(&src);
	bytebuf_free(&want);
	tmpl_data_free(d);
}

static void test_size_limit(void **state)
{
	char *src = malloc((size_t)TMPL_MAX_SIZE + 2);
	struct tmpl *t = NULL;
	struct bytebuf out = {0};
	struct ikm_err err;

	(void)state;
	assert_non_null(src);
	/* Exactly TMPL_MAX_SIZE bytes: 1023 lines of 1024 bytes and a tag. */
	memset(src, 'x', TMPL_MAX_SIZE);
	for (size_t i = 1023; i < TMPL_MAX_SIZE; i += 1024)
		src[i] = '\n';
	memcpy(src + TMPL_MAX_SIZE - 7, "{{{v}}}", 7);
	src[TMPL_MAX_SIZE] = '\0';
	assert_int_equal(tmpl_parse("big.html", src, &t, &err), 0);
	assert_int_equal(tmpl_render(t, NULL, &out, &err), 0);
	assert_int_equal(out.len, TMPL_MAX_SIZE - 7);
	bytebuf_free(&out);
	tmpl_free(t);
	/* One byte more: an error at the line where the limit is crossed. */
	src[TMPL_MAX_SIZE] = 'y';
	src[TMPL_MAX_SIZE + 1] = '\0';
	assert_int_equal(tmpl_parse("big.html", src, &t, &err), -1);
	assert_null(t);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_string_equal(err.msg, "big.html:1024: templat lebih dari 1048576 byte / template "
	                             "larger than 1048576 bytes");
	free(src);
}

/* A render past 64 MiB fails and leaves out as it was. */
static void test_render_limit(void **state)
{
	size_t n = (1u << 20) - 64;
	char *src = malloc(n + 64);
	struct tmpl_data *d = tmpl_data_new();
	struct tmpl *t = NULL;
	struct bytebuf out = {0};
	struct ikm_err err;

	(void)state;
	assert_non_null(src);
	/* Each item a text and a value, inside a flag and an inverted section. */
	memcpy(src, "{{^no}}{{#yes}}{{#l}}", 21);
	memset(src + 21, 'x', n);
	memcpy(src + 21 + n, "{{v}}{{/l}}{{/yes}}{{/no}}", 27);
	tmpl_set_bool(d, "yes", 1);
	tmpl_set(d, "v", "<v>");
	for (int i = 0; i < 70; i++)
		tmpl_add(d, "l");
	assert_int_equal(tmpl_parse("l.html", src, &t, &err), 0);
	bytebuf_puts(&out, "kept");
	assert_int_equal(tmpl_render(t, d, &out, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_string_equal(err.msg, "l.html: hasil lebih dari 67108864 byte / output larger than "
	                             "67108864 bytes");
	assert_string_equal(out.p, "kept");
	assert_int_equal(out.len, 4);
	bytebuf_free(&out);
	tmpl_free(t);
	tmpl_data_free(d);
	free(src);
}

#define THREADS 8
#define ROUNDS  50

struct job {
	const struct tmpl *t;
	const struct tmpl_data *d;
	const char *want;
	int bad;
};

static void *render_job(void *arg)
{
	struct job *j = arg;

	for (int r = 0; r < ROUNDS; r++) {
		struct bytebuf out = {0};
		struct ikm_err err;

		if (tmpl_render(j->t, j->d, &out, &err) < 0 || strcmp(out.p, j->want) != 0)
			j->bad++;
		bytebuf_free(&out);
	}
	return NULL;
}

static void test_threads(void **state)
{
	static const char src[] =
	    "<h1>{{title}}</h1>\n{{#units}}<section><h2>{{name}}</h2>\n<ul>{{#services}}"
	    "<li>{{name}} ({{unit_code}}) {{#good}}baik{{/good}}{{^good}}kurang{{/good}}</li>"
	    "{{/services}}</ul>{{{note}}}</section>\n{{/units}}{{^units}}kosong{{/units}}";
	struct tmpl_data *d = tmpl_data_new();
	struct tmpl *t = NULL;
	struct bytebuf want = {0};
	struct ikm_err err;
	pthread_t th[THREADS];
	struct job job[THREADS];

	(void)state;
	tmpl_set(d, "title", "IKM <2024>");
	for (int u = 0; u < 20; u++) {
		struct tmpl_data *unit = tmpl_add(d, "units");
		char buf[64];

		snprintf(buf, sizeof(buf), "Unit \"%d\" & co", u);
		tmpl_set(unit, "name", buf);
		snprintf(buf, sizeof(buf), "U%02d", u);
		tmpl_set(unit, "unit_code", buf);
		tmpl_set(unit, "note", "<em>catatan</em>");
		for (int s = 0; s < 10; s++) {
			struct tmpl_data *svc = tmpl_add(unit, "services");

			snprintf(buf, sizeof(buf), "Layanan '%d'", s);
			tmpl_set(svc, "name", buf);
			tmpl_set_bool(svc, "good", (u + s) % 3 != 0);
		}
	}
	assert_int_equal(tmpl_parse("t.html", src, &t, &err), 0);
	assert_int_equal(tmpl_render(t, d, &want, &err), 0);
	assert_contains(want.p, "<h2>Unit &quot;19&quot; &amp; co</h2>");
	assert_contains(want.p, "<li>Layanan &#39;8&#39; (U19) kurang</li>");
	for (int i = 0; i < THREADS; i++) {
		job[i] = (struct job){.t = t, .d = d, .want = want.p};
		assert_int_equal(pthread_create(&th[i], NULL, render_job, &job[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(job[i].bad, 0);
	}
	bytebuf_free(&want);
	tmpl_free(t);
	tmpl_data_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escape),        cmocka_unit_test(test_raw),
	    cmocka_unit_test(test_text_only),     cmocka_unit_test(test_list),
	    cmocka_unit_test(test_flags),         cmocka_unit_test(test_shadow),
	    cmocka_unit_test(test_replace),       cmocka_unit_test(test_comments),
	    cmocka_unit_test(test_names),         cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_error_message), cmocka_unit_test(test_depth),
	    cmocka_unit_test(test_size_limit),    cmocka_unit_test(test_render_limit),
	    cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
