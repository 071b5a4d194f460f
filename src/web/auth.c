/* auth: see auth.h. */
#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

struct auth_cost auth_cost_default(void)
{
	struct auth_cost c = {crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE};

	return c;
}

struct auth_cost auth_cost_min(void)
{
	struct auth_cost c = {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};

	return c;
}

int auth_cost_parse(const char *s, struct auth_cost *out)
{
	if (s == NULL || strcmp(s, "interactive") == 0) {
		*out = auth_cost_default();
	} else if (strcmp(s, "moderate") == 0) {
		out->ops = crypto_pwhash_OPSLIMIT_MODERATE;
		out->mem = crypto_pwhash_MEMLIMIT_MODERATE;
	} else if (strcmp(s, "min") == 0) {
		*out = auth_cost_min();
	} else {
		return -1;
	}
	return 0;
}

int auth_init(struct ikm_err *err)
{
	if (sodium_init() < 0)
		return err_set(err, IKM_EIO, "libsodium tidak dapat dimulai / cannot initialise");
	return 0;
}

const char *auth_password_problem(const char *pw, const char *username)
{
	size_t n = pw != NULL ? strlen(pw) : 0, chars = 0;

	if (n > AUTH_PASSWORD_MAX)
		return "kata sandi paling banyak 128 bait / a password may have at most 128 bytes";
	if (n > 0 && !text_clean_utf8(pw))
		return "kata sandi berisi karakter kendali atau bukan UTF-8 yang sah / the "
		       "password "
		       "holds a control character or is not valid UTF-8";
	/* Characters, not bytes: every byte but UTF-8 continuation bytes. */
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)pw[i] & 0xC0) != 0x80;
	if (chars < AUTH_PASSWORD_MIN)
		return "kata sandi paling sedikit 10 karakter / a password needs at least 10 "
		       "characters";
	if (username != NULL && strcmp(pw, username) == 0)
		return "kata sandi tidak boleh sama dengan nama pengguna / the password must not "
		       "be "
		       "the username";
	return NULL;
}

int auth_hash_password(const char *pw, const struct auth_cost *cost, char out[AUTH_HASH_MAX + 1],
                       struct ikm_err *err)
{
	char h[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str(h, pw, strlen(pw), cost->ops, cost->mem) != 0)
		return err_set(err, IKM_EIO,
		               "kata sandi tidak dapat di-hash (memori kurang) / cannot hash the "
		               "password (out of memory)");
	snprintf(out, AUTH_HASH_MAX + 1, "%s", h);
	sodium_memzero(h, sizeof(h));
	return 0;
}

int auth_verify_password(const char *hash, const char *pw)
{
	size_t n = pw != NULL ? strlen(pw) : 0;

	if (hash == NULL || pw == NULL || n > AUTH_PASSWORD_MAX)
		return 0;
	return crypto_pwhash_str_verify(hash, pw, n) == 0;
}

void auth_token_new(char out[AUTH_TOKEN_HEX + 1])
{
	unsigned char r[AUTH_TOKEN_HEX / 2];

	randombytes_buf(r, sizeof(r));
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, r, sizeof(r));
	sodium_memzero(r, sizeof(r));
}

void auth_token_hash(const char *token, char out[AUTH_TOKEN_HEX + 1])
{
	unsigned char h[AUTH_TOKEN_HEX / 2];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, h, sizeof(h));
}

int auth_token_ok(const char *s)
{
	size_t n = s != NULL ? strnlen(s, AUTH_TOKEN_HEX + 1) : 0;

	if (n != AUTH_TOKEN_HEX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

void auth_csrf(const char *token, char out[AUTH_TOKEN_HEX + 1])
{
	static const char label[] = "ikm-csrf-v1";
	unsigned char h[AUTH_TOKEN_HEX / 2];

	/* Keyed with the session token itself (32 bytes of it as key). */
	crypto_generichash(h, sizeof(h), (const unsigned char *)label, sizeof(label) - 1,
	                   (const unsigned char *)token,
	                   strnlen(token, crypto_generichash_KEYBYTES_MAX));
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, h, sizeof(h));
}

int auth_csrf_ok(const char *token, const char *given)
{
	char want[AUTH_TOKEN_HEX + 1];
	int ok;

	if (!auth_token_ok(token) || !auth_token_ok(given))
		return 0;
	auth_csrf(token, want);
	ok = sodium_memcmp(want, given, AUTH_TOKEN_HEX) == 0;
	sodium_memzero(want, sizeof(want));
	return ok;
}

int auth_cookie_get(const char *header, const char *name, char *out, size_t size)
{
	size_t nl = strlen(name);
	const char *p = header;

	out[0] = '\0';
	while (p != NULL && *p != '\0') {
		const char *end = strchr(p, ';');
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		if (len > nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
			size_t vl = len - nl - 1;

			while (vl > 0 && (p[nl + 1 + vl - 1] == ' ' || p[nl + 1 + vl - 1] == '\t'))
				vl--;
			if (vl + 1 > size)
				return 0;
			memcpy(out, p + nl + 1, vl);
			out[vl] = '\0';
			return 1;
		}
		p = end != NULL ? end + 1 : NULL;
	}
	return 0;
}
