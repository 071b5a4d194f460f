/* The console's secrets (src/web/auth.c): the password policy, Argon2id
 * hashing and verifying (at the smallest cost), the cost names, session
 * tokens and their stored hashes, CSRF tokens (right, forged, another
 * session's), and the Cookie header parser's edge cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "testutil.h"

static int setup(void **state)
{
	struct ikm_err err = {0};

	(void)state;
	return auth_init(&err);
}

static void test_password_policy(void **state)
{
	char longest[AUTH_PASSWORD_MAX + 2];

	(void)state;
	assert_null(auth_password_problem("sepuluh-10", "budi"));
	assert_null(auth_password_problem("kata sandi dengan spasi", NULL));
	assert_null(auth_password_problem("kata-sandi-ÄÖÜ-✓", "budi"));
	assert_contains(auth_password_problem("sembilan9", "budi"), "paling sedikit 10");
	assert_contains(auth_password_problem("", "budi"), "paling sedikit 10");
	/* Characters, not bytes: five two-byte letters are 10 bytes but 5 characters. */
	assert_contains(auth_password_problem("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "budi"),
	                "paling sedikit 10");
	assert_null(auth_password_problem("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	                                  "abcde",
	                                  "budi"));
	assert_contains(auth_password_problem(NULL, "budi"), "paling sedikit 10");
	memset(longest, 'x', AUTH_PASSWORD_MAX);
	longest[AUTH_PASSWORD_MAX] = '\0';
	assert_null(auth_password_problem(longest, "budi"));
	longest[AUTH_PASSWORD_MAX] = 'x';
	longest[AUTH_PASSWORD_MAX + 1] = '\0';
	assert_contains(auth_password_problem(longest, "budi"), "paling banyak 128");
	assert_contains(auth_password_problem("kata\tsandi-1", "budi"), "karakter kendali");
	assert_contains(auth_password_problem("kata\nsandi-1", "budi"), "karakter kendali");
	assert_contains(auth_password_problem("kata\x7fsandi-1", "budi"), "karakter kendali");
	assert_contains(auth_password_problem("kata-sandi-\xff", "budi"), "UTF-8");
	assert_contains(auth_password_problem("kata-sandi-\xc3", "budi"), "UTF-8");
	assert_contains(auth_password_problem("kata-sandi-\xc0\xaf", "budi"),
	                "UTF-8"); /* overlong */
	assert_contains(auth_password_problem("budi.santoso", "budi.santoso"), "nama pengguna");
	assert_null(auth_password_problem("Budi.Santoso", "budi.santoso"));
}

static void test_hash_verify(void **state)
{
	struct auth_cost cost = auth_cost_min();
	struct ikm_err err = {0};
	char h1[AUTH_HASH_MAX + 1], h2[AUTH_HASH_MAX + 1], longest[AUTH_PASSWORD_MAX + 2];

	(void)state;
	assert_int_equal(auth_hash_password("kata-sandi-rahasia", &cost, h1, &err), 0);
	assert_int_equal(auth_hash_password("kata-sandi-rahasia", &cost, h2, &err), 0);
	testutil_assert_starts(h1, "$argon2id$");
	assert_not_contains(h1, "rahasia");
	assert_string_not_equal(h1, h2); /* a new salt each time */
	assert_true(auth_verify_password(h1, "kata-sandi-rahasia"));
	assert_true(auth_verify_password(h2, "kata-sandi-rahasia"));
	assert_false(auth_verify_password(h1, "kata-sandi-Rahasia"));
	assert_false(auth_verify_password(h1, "kata-sandi-rahasia "));
	assert_false(auth_verify_password(h1, ""));
	assert_false(auth_verify_password(h1, NULL));
	assert_false(auth_verify_password(NULL, "kata-sandi-rahasia"));
	/* Not hashes (in a buffer of a hash's size, as the store gives them). */
	snprintf(h2, sizeof(h2), "bukan-hash");
	assert_false(auth_verify_password(h2, "kata-sandi-rahasia"));
	h2[0] = '\0';
	assert_false(auth_verify_password(h2, "kata-sandi-rahasia"));
	/* Longer than a password may be: never verified. */
	memset(longest, 'y', AUTH_PASSWORD_MAX + 1);
	longest[AUTH_PASSWORD_MAX + 1] = '\0';
	assert_int_equal(auth_hash_password(longest, &cost, h1, &err), 0);
	assert_false(auth_verify_password(h1, longest));
	longest[AUTH_PASSWORD_MAX] = '\0';
	assert_int_equal(auth_hash_password(longest, &cost, h1, &err), 0);
	assert_true(auth_verify_password(h1, longest));
}

static void test_costs(void **state)
{
	struct auth_cost c, d = auth_cost_default(), m = auth_cost_min();

	(void)state;
	assert_int_equal(auth_cost_parse(NULL, &c), 0);
	assert_true(c.ops == d.ops && c.mem == d.mem);
	assert_int_equal(auth_cost_parse("interactive", &c), 0);
	assert_true(c.ops == d.ops && c.mem == d.mem);
	assert_int_equal(auth_cost_parse("min", &c), 0);
	assert_true(c.ops == m.ops && c.mem == m.mem);
	assert_int_equal(auth_cost_parse("moderate", &c), 0);
	assert_true(c.mem > d.mem);
	assert_true(m.mem < d.mem);
	assert_int_equal(auth_cost_parse("MIN", &c), -1);
	assert_int_equal(auth_cost_parse("", &c), -1);
	assert_int_equal(auth_cost_parse("sensitive", &c), -1);
}

static void test_tokens(void **state)
{
	char t1[AUTH_TOKEN_HEX + 1], t2[AUTH_TOKEN_HEX + 1], h1[AUTH_TOKEN_HEX + 1],
	    h2[AUTH_TOKEN_HEX + 1], bad[AUTH_TOKEN_HEX + 2];

	(void)state;
	auth_token_new(t1);
	auth_token_new(t2);
	assert_int_equal(strlen(t1), AUTH_TOKEN_HEX);
	assert_int_equal(strspn(t1, "0123456789abcdef"), AUTH_TOKEN_HEX);
	assert_string_not_equal(t1, t2);
	assert_true(auth_token_ok(t1));
	/* The stored form: deterministic, another 64 hex digits. */
	auth_token_hash(t1, h1);
	auth_token_hash(t1, h2);
	assert_string_equal(h1, h2);
	assert_string_not_equal(h1, t1);
	assert_true(auth_token_ok(h1));
	auth_token_hash(t2, h2);
	assert_string_not_equal(h1, h2);
	/* Shapes that are not tokens. */
	assert_false(auth_token_ok(NULL));
	assert_false(auth_token_ok(""));
	memcpy(bad, t1, sizeof(t1));
	bad[AUTH_TOKEN_HEX - 1] = '\0';
	assert_false(auth_token_ok(bad));
	memcpy(bad, t1, sizeof(t1));
	bad[AUTH_TOKEN_HEX] = '0';
	bad[AUTH_TOKEN_HEX + 1] = '\0';
	assert_false(auth_token_ok(bad));
	memcpy(bad, t1, sizeof(t1));
	bad[5] = 'A';
	assert_false(auth_token_ok(bad));
	bad[5] = 'g';
	assert_false(auth_token_ok(bad));
	bad[5] = ' ';
	assert_false(auth_token_ok(bad));
}

static void test_csrf(void **state)
{
	char t1[AUTH_TOKEN_HEX + 1], t2[AUTH_TOKEN_HEX + 1], c1[AUTH_TOKEN_HEX + 1],
	    c2[AUTH_TOKEN_HEX + 1], again[AUTH_TOKEN_HEX + 1], forged[AUTH_TOKEN_HEX + 1];

	(void)state;
	auth_token_new(t1);
	auth_token_new(t2);
	auth_csrf(t1, c1);
	auth_csrf(t1, again);
	auth_csrf(t2, c2);
	assert_true(auth_token_ok(c1));
	assert_string_equal(c1, again); /* the same for the whole session */
	assert_string_not_equal(c1, t1);
	assert_string_not_equal(c1, c2);
	assert_true(auth_csrf_ok(t1, c1));
	assert_true(auth_csrf_ok(t2, c2));
	/* Another session's token, the session token itself, forged ones. */
	assert_false(auth_csrf_ok(t1, c2));
	assert_false(auth_csrf_ok(t2, c1));
	assert_false(auth_csrf_ok(t1, t1));
	for (int i = 0; i < AUTH_TOKEN_HEX; i += 21) {
		memcpy(forged, c1, sizeof(c1));
		forged[i] = forged[i] == '0' ? '1' : '0';
		assert_false(auth_csrf_ok(t1, forged));
	}
	memcpy(forged, c1, sizeof(c1));
	forged[0] = forged[0] >= 'a' ? (char)(forged[0] - 'a' + 'A') : 'A';
	assert_false(auth_csrf_ok(t1, forged));
	forged[AUTH_TOKEN_HEX - 1] = '\0';
	assert_false(auth_csrf_ok(t1, forged));
	assert_false(auth_csrf_ok(t1, ""));
	assert_false(auth_csrf_ok(t1, NULL));
	/* No session token: nothing is a valid form. */
	assert_false(auth_csrf_ok("", c1));
	assert_false(auth_csrf_ok(NULL, c1));
	assert_false(auth_csrf_ok("not-a-token", c1));
}

static void test_cookies(void **state)
{
	char v[16], small[4];

	(void)state;
	assert_int_equal(auth_cookie_get("ikm_sesi=abc", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "abc");
	assert_int_equal(auth_cookie_get("a=1; ikm_sesi=abc; b=2", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "abc");
	assert_int_equal(auth_cookie_get("a=1;ikm_sesi=abc;b=2", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "abc");
	/* Blanks around a value go; a name that starts or ends like ours is
	 * another cookie. */
	assert_int_equal(auth_cookie_get("a=1;  \tikm_sesi=abc \t; b", "ikm_sesi", v, sizeof(v)),
	                 1);
	assert_string_equal(v, "abc");
	assert_int_equal(auth_cookie_get("ikm_sesi2=x; ikm_sesi=y", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "y");
	assert_int_equal(auth_cookie_get("xikm_sesi=x", "ikm_sesi", v, sizeof(v)), 0);
	assert_string_equal(v, "");
	assert_int_equal(auth_cookie_get("ikm_ses=x; ikm_sesi", "ikm_sesi", v, sizeof(v)), 0);
	/* The first of two wins; an empty value is a value. */
	assert_int_equal(auth_cookie_get("ikm_sesi=a; ikm_sesi=b", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "a");
	assert_int_equal(auth_cookie_get("ikm_sesi=; b=2", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "");
	/* Quotes and '=' inside are kept as they are (the token check refuses them). */
	assert_int_equal(auth_cookie_get("ikm_sesi=\"q\"", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "\"q\"");
	assert_int_equal(auth_cookie_get("ikm_sesi=a=b", "ikm_sesi", v, sizeof(v)), 1);
	assert_string_equal(v, "a=b");
	/* Too long for the buffer: not found, never cut. */
	assert_int_equal(auth_cookie_get("ikm_sesi=abcd", "ikm_sesi", small, sizeof(small)), 0);
	assert_string_equal(small, "");
	assert_int_equal(auth_cookie_get("ikm_sesi=abc", "ikm_sesi", small, sizeof(small)), 1);
	assert_string_equal(small, "abc");
	/* Nothing there. */
	assert_int_equal(auth_cookie_get(NULL, "ikm_sesi", v, sizeof(v)), 0);
	assert_int_equal(auth_cookie_get("", "ikm_sesi", v, sizeof(v)), 0);
	assert_int_equal(auth_cookie_get(";;; ;", "ikm_sesi", v, sizeof(v)), 0);
	assert_int_equal(auth_cookie_get("a=1; b=2;", "ikm_sesi", v, sizeof(v)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_password_policy),
	    cmocka_unit_test(test_hash_verify),
	    cmocka_unit_test(test_costs),
	    cmocka_unit_test(test_tokens),
	    cmocka_unit_test(test_csrf),
	    cmocka_unit_test(test_cookies),
	};

	return cmocka_run_group_tests_name("auth", tests, setup, NULL);
}
