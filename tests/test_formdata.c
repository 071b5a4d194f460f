/* Unit tests of src/web/formdata.c: splitting on '&' (empty pairs
 * ignored), pairs without '=', '+' and %XX decoding, bad escapes, UTF-8
 * (overlong forms, surrogates, beyond U+10FFFF, cut sequences rejected),
 * control characters (%00 too; tab, CR, LF only in values), the field,
 * name and value limits exactly at their boundary, formdata_get and
 * formdata_free. */
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
#include "formdata.h"
#include "testutil.h"

/* Parse the string s; it must succeed. */
static void parse_ok(const char *s, struct formdata *f)
{
	struct ikm_err err;

	err_clear(&err);
	if (formdata_parse(s, strlen(s), f, &err) < 0)
		fail_msg("\"%.200s\": %s", s, err.msg);
}

/* Parse s[0..len); it must fail with kind and a message containing want. */
static void parse_fail_n(const char *s, size_t len, enum ikm_err_kind kind, const char *want)
{
	struct formdata f;
	struct ikm_err err;

	err_clear(&err);
	f.n = 77;
	if (formdata_parse(s, len, &f, &err) == 0)
		fail_msg("\"%.200s\" parsed", s);
	assert_int_equal(f.n, 0);
	assert_int_equal(err.kind, kind);
	if (strstr(err.msg, want) == NULL)
		fail_msg("\"%.200s\": message \"%s\" lacks \"%s\"", s, err.msg, want);
	formdata_free(&f); /* harmless on the empty result */
}

static void parse_fail(const char *s, enum ikm_err_kind kind, const char *want)
{
	parse_fail_n(s, strlen(s), kind, want);
}

/* The only value of s's single field named name. */
static void assert_one(const char *s, const char *name, const char *value)
{
	struct formdata f;

	parse_ok(s, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.f[0].name, name);
	assert_string_equal(f.f[0].value, value);
	formdata_free(&f);
}

static void test_basic(void **state)
{
	struct formdata f;

	(void)state;
	parse_ok("unit=dispenduk&u1=4&saran=Lebih+cepat%21&kosong=&flag", &f);
	assert_int_equal(f.n, 5);
	assert_string_equal(f.f[0].name, "unit");
	assert_string_equal(formdata_get(&f, "unit"), "dispenduk");
	assert_string_equal(formdata_get(&f, "u1"), "4");
	assert_string_equal(formdata_get(&f, "saran"), "Lebih cepat!");
	assert_string_equal(formdata_get(&f, "kosong"), "");
	assert_string_equal(formdata_get(&f, "flag"), "");
	assert_null(formdata_get(&f, "missing"));
	assert_null(formdata_get(&f, "Unit")); /* names are case-sensitive */
	assert_null(formdata_get(&f, NULL));
	assert_null(formdata_get(NULL, "unit"));
	formdata_free(&f);
	assert_int_equal(f.n, 0);
	formdata_free(&f);
	formdata_free(NULL);
	/* The first value of a repeated name; all kept in order. */
	parse_ok("a=1&b=2&a=3", &f);
	assert_int_equal(f.n, 3);
	assert_string_equal(formdata_get(&f, "a"), "1");
	assert_string_equal(f.f[2].value, "3");
	formdata_free(&f);
}

static void test_split(void **state)
{
	struct formdata f;
	struct ikm_err err;

	(void)state;
	/* Nothing, or only empty pairs: no fields. */
	assert_int_equal(formdata_parse(NULL, 0, &f, &err), 0);
	assert_int_equal(f.n, 0);
	parse_ok("", &f);
	assert_int_equal(f.n, 0);
	parse_ok("&&&", &f);
	assert_int_equal(f.n, 0);
	assert_one("&&a=1&&", "a", "1");
	/* Without '=': an empty value. The first '=' splits; an empty name. */
	assert_one("name", "name", "");
	assert_one("a=", "a", "");
	assert_one("a==b=c", "a", "=b=c");
	assert_one("=v", "", "v");
	assert_one("=", "", "");
	/* Only s[0..len) is read. */
	assert_int_equal(formdata_parse("a=1&b=2", 3, &f, &err), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.f[0].value, "1");
	formdata_free(&f);
}

static void test_decode(void **state)
{
	(void)state;
	assert_one("a=x+y++z", "a", "x y  z");
	assert_one("a=%2B%2b%20", "a", "++ ");
	assert_one("a=%26%3D%25", "a", "&=%");
	assert_one("n%61me+1=v", "name 1", "v");
	assert_one("a=%41%5a%7e%7E", "a", "AZ~~");
	assert_one("a=100%25", "a", "100%");
}

static void test_bad_escape(void **state)
{
	(void)state;
	parse_fail("a=%", IKM_EDATA,
	           "isian ke-1 \"a\": kode persen tidak sah \"%\" dalam nilai / "
	           "bad percent escape in the value");
	parse_fail("a=%4", IKM_EDATA, "kode persen tidak sah \"%4\"");
	parse_fail("a=%G1", IKM_EDATA, "kode persen tidak sah \"%G1\"");
	parse_fail("a=%4G", IKM_EDATA, "kode persen tidak sah \"%4G\"");
	parse_fail("a=% 41", IKM_EDATA, "kode persen tidak sah \"% 4\"");
	parse_fail("a=%-1", IKM_EDATA, "kode persen tidak sah");
	/* In a name; in the second field (the first is then not kept). */
	parse_fail("%zz=1", IKM_EDATA,
	           "isian ke-1 \"%zz\": kode persen tidak sah \"%zz\" dalam "
	           "nama / bad percent escape in the name");
	parse_fail("ok=1&&komentar=bagus%", IKM_EDATA, "isian ke-2 \"komentar\": kode persen");
	/* A control byte in the raw escape is shown as '?'. */
	parse_fail("a=%\x01", IKM_EDATA, "kode persen tidak sah \"%?\"");
}

static void test_utf8(void **state)
{
	static const char *const bad[] = {
	    "%80",                        /* a lone continuation byte */
	    "%BF",                        /* the same */
	    "%C0%AF",                     /* overlong '/' */
	    "%C1%BF",                     /* overlong */
	    "%E0%80%AF",                  /* overlong, three bytes */
	    "%E0%9F%BF",                  /* overlong U+07FF */
	    "%F0%80%80%AF",               /* overlong, four bytes */
	    "%F0%8F%BF%BF",               /* overlong U+FFFF */
	    "%ED%A0%80",                  /* surrogate U+D800 */
	    "%ED%BF%BF",                  /* surrogate U+DFFF */
	    "%F4%90%80%80",               /* U+110000 */
	    "%F5%80%80%80",               /* past F4 */
	    "%FF",          "%FE", "%C3", /* cut short */
	    "%E2%82",                     /* cut short */
	    "%F0%9F%98",                  /* cut short */
	    "%C3%41",                     /* not a continuation */
	    "%E2%28%A1",                  /* not a continuation */
	    "a%C3",                       /* cut at the end */
	};
	static const struct {
		const char *enc, *dec;
	} good[] = {
	    {"Jos%C3%A9", "Jos\xc3\xa9"},         /* é */
	    {"%C2%A0", "\xc2\xa0"},               /* U+00A0, the first after C1 */
	    {"%DF%BF", "\xdf\xbf"},               /* U+07FF */
	    {"%E0%A0%80", "\xe0\xa0\x80"},        /* U+0800 */
	    {"%E2%82%AC", "\xe2\x82\xac"},        /* € */
	    {"%ED%9F%BF", "\xed\x9f\xbf"},        /* U+D7FF */
	    {"%EE%80%80", "\xee\x80\x80"},        /* U+E000 */
	    {"%EF%BF%BF", "\xef\xbf\xbf"},        /* U+FFFF */
	    {"%F0%90%80%80", "\xf0\x90\x80\x80"}, /* U+10000 */
	    {"%F0%9F%98%80", "\xf0\x9f\x98\x80"}, /* 😀 */
	    {"%F4%8F%BF%BF", "\xf4\x8f\xbf\xbf"}, /* U+10FFFF */
	    {"Jos\xc3\xa9+\xe2\x82\xac", "Jos\xc3\xa9 \xe2\x82\xac"}, /* not encoded */
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(buf, sizeof(buf), "v=%s", good[i].enc);
		assert_one(buf, "v", good[i].dec);
		snprintf(buf, sizeof(buf), "%s=1", good[i].enc);
		assert_one(buf, good[i].dec, "1");
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(buf, sizeof(buf), "v=%s", bad[i]);
		parse_fail(
		    buf, IKM_EDATA,
		    "isian ke-1 \"v\": nilai bukan UTF-8 yang sah / the value is not valid UTF-8");
		snprintf(buf, sizeof(buf), "%s=1", bad[i]);
		parse_fail(buf, IKM_EDATA,
		           "nama bukan UTF-8 yang sah / the name is not valid UTF-8");
	}
	/* Raw bytes that are not UTF-8, and the name quoted with '?'. */
	parse_fail("v=\xc0\xaf", IKM_EDATA, "nilai bukan UTF-8");
	parse_fail("n\xff=1", IKM_EDATA, "isian ke-1 \"n?\": nama bukan UTF-8");
}

static void test_control(void **state)
{
	static const char *const bad[] = {"%00", "%01", "%08",    "%0B",    "%0C",   "%1B",
	                                  "%1F", "%7F", "%C2%80", "%C2%85", "%C2%9F"};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(buf, sizeof(buf), "v=a%sb", bad[i]);
		parse_fail(buf, IKM_EDATA,
		           "isian ke-1 \"v\": nilai berisi karakter kendali / the value holds a "
		           "control character");
		snprintf(buf, sizeof(buf), "a%sb=1", bad[i]);
		parse_fail(buf, IKM_EDATA,
		           "nama berisi karakter kendali / the name holds a control character");
	}
	/* A raw NUL byte inside the length. */
	parse_fail_n("v=a\0b", 5, IKM_EDATA, "nilai berisi karakter kendali");
	parse_fail_n("a\0=1", 4, IKM_EDATA, "isian ke-1 \"a?\": nama berisi karakter kendali");
	/* Tab, CR and LF: in a value yes (a comment's lines), in a name no. */
	assert_one("saran=baris+1%0D%0Abaris+2%09tab%0A", "saran", "baris 1\r\nbaris 2\ttab\n");
	assert_one("v=a\tb\nc", "v", "a\tb\nc");
	parse_fail("a%09=1", IKM_EDATA, "nama berisi karakter kendali");
	parse_fail("a%0A=1", IKM_EDATA, "nama berisi karakter kendali");
	parse_fail("a%0D=1", IKM_EDATA, "nama berisi karakter kendali");
}

static void test_field_limit(void **state)
{
	struct bytebuf b = {0};
	struct formdata f;
	char name[16];

	(void)state;
	/* Empty pairs do not count; FORMDATA_MAX_FIELDS fields exactly. */
	for (int i = 0; i < FORMDATA_MAX_FIELDS; i++)
		bytebuf_printf(&b, "&&f%d=%d", i, i);
	parse_ok(b.p, &f);
	assert_int_equal(f.n, FORMDATA_MAX_FIELDS);
	for (int i = 0; i < FORMDATA_MAX_FIELDS; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		assert_string_equal(f.f[i].name, name);
	}
	assert_string_equal(formdata_get(&f, "f127"), "127");
	formdata_free(&f);
	bytebuf_puts(&b, "&&&");
	parse_ok(b.p, &f);
	assert_int_equal(f.n, FORMDATA_MAX_FIELDS);
	formdata_free(&f);
	/* One more. */
	bytebuf_puts(&b, "&extra=1");
	parse_fail(b.p, IKM_ELIMIT,
	           "isian ke-129 \"extra\": lebih dari 128 isian / more than 128 fields");
	bytebuf_free(&b);
}

static void test_name_limit(void **state)
{
	struct bytebuf b = {0};
	struct formdata f;
	char name[FORMDATA_NAME_MAX + 2];

	(void)state;
	memset(name, 'n', sizeof(name) - 1);
	name[FORMDATA_NAME_MAX] = '\0';
	bytebuf_printf(&b, "%s=1", name);
	parse_ok(b.p, &f);
	assert_string_equal(formdata_get(&f, name), "1");
	formdata_free(&f);
	bytebuf_free(&b);
	/* The limit is on decoded bytes: 64 escapes are 64 bytes. */
	for (int i = 0; i < FORMDATA_NAME_MAX; i++)
		bytebuf_puts(&b, "%6e");
	bytebuf_puts(&b, "=2");
	parse_ok(b.p, &f);
	assert_string_equal(formdata_get(&f, name), "2");
	formdata_free(&f);
	bytebuf_free(&b);
	/* One byte more; the name is quoted shortened. */
	name[FORMDATA_NAME_MAX] = 'n';
	name[FORMDATA_NAME_MAX + 1] = '\0';
	bytebuf_printf(&b, "%s=1", name);
	parse_fail(b.p, IKM_ELIMIT,
	           "isian ke-1 \"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...\": nama lebih dari 64 "
	           "byte / field name longer than 64 bytes");
	bytebuf_free(&b);
	/* Without '=' too. */
	parse_fail(name, IKM_ELIMIT, "nama lebih dari 64 byte");
}

static void test_value_limit(void **state)
{
	struct bytebuf b = {0};
	struct formdata f;
	char *v = malloc(FORMDATA_VALUE_MAX + 2);

	(void)state;
	assert_non_null(v);
	memset(v, 'v', FORMDATA_VALUE_MAX + 1);
	v[FORMDATA_VALUE_MAX] = '\0';
	bytebuf_printf(&b, "a=1&saran=%s&z=2", v);
	parse_ok(b.p, &f);
	assert_int_equal(strlen(formdata_get(&f, "saran")), FORMDATA_VALUE_MAX);
	assert_string_equal(formdata_get(&f, "z"), "2");
	formdata_free(&f);
	bytebuf_free(&b);
	/* Decoded bytes count: 4000 escapes or '+' are 4000 bytes. */
	bytebuf_puts(&b, "saran=");
	for (int i = 0; i < FORMDATA_VALUE_MAX / 2; i++)
		bytebuf_puts(&b, "%C3%A9");
	parse_ok(b.p, &f);
	assert_int_equal(strlen(formdata_get(&f, "saran")), FORMDATA_VALUE_MAX);
	formdata_free(&f);
	bytebuf_free(&b);
	/* One byte more, of any kind. */
	v[FORMDATA_VALUE_MAX] = 'v';
	v[FORMDATA_VALUE_MAX + 1] = '\0';
	bytebuf_printf(&b, "a=1&saran=%s", v);
	parse_fail(
	    b.p, IKM_ELIMIT,
	    "isian ke-2 \"saran\": nilai lebih dari 4000 byte / value longer than 4000 bytes");
	bytebuf_free(&b);
	bytebuf_puts(&b, "s=");
	for (int i = 0; i <= FORMDATA_VALUE_MAX; i++)
		bytebuf_puts(&b, "+");
	parse_fail(b.p, IKM_ELIMIT, "nilai lebih dari 4000 byte");
	bytebuf_free(&b);
	free(v);
}

/* A decoded name in a message keeps its UTF-8, cut between characters. */
static void test_message_name(void **state)
{
	struct bytebuf b = {0};

	(void)state;
	parse_fail("Jos%C3%A9=%ZZ", IKM_EDATA, "isian ke-1 \"Jos\xc3\xa9\": kode persen");
	parse_fail("Jos%C3%A9=%C0", IKM_EDATA, "isian ke-1 \"Jos\xc3\xa9\": nilai bukan UTF-8");
	/* 39 ASCII bytes then é: the 40-byte cut would split it. */
	for (int i = 0; i < 39; i++)
		bytebuf_puts(&b, "x");
	bytebuf_puts(&b, "%C3%A9=%00");
	parse_fail(b.p, IKM_EDATA, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\": nilai berisi");
	bytebuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basic),       cmocka_unit_test(test_split),
	    cmocka_unit_test(test_decode),      cmocka_unit_test(test_bad_escape),
	    cmocka_unit_test(test_utf8),        cmocka_unit_test(test_control),
	    cmocka_unit_test(test_field_limit), cmocka_unit_test(test_name_limit),
	    cmocka_unit_test(test_value_limit), cmocka_unit_test(test_message_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
