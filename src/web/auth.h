/* auth: the secrets of the office console, on libsodium. Passwords are
 * hashed with Argon2id (crypto_pwhash_str; the cost is configurable, the
 * interactive preset by default and the minimum in tests); session tokens
 * are 32 random bytes (hex), kept by the store only as their BLAKE2b-256
 * hash; the CSRF token of a session is a keyed hash of its token, so it
 * needs no storage and changes with the session. Every comparison of a
 * secret is constant-time. */
#ifndef IKM_AUTH_H
#define IKM_AUTH_H

#include <stddef.h>

#include "err.h"

#define AUTH_PASSWORD_MIN 10  /* named limit: characters of a new password, at least */
#define AUTH_PASSWORD_MAX 128 /* named limit: bytes of a password */
#define AUTH_TOKEN_HEX    64  /* hex digits of a session or CSRF token */
#define AUTH_HASH_MAX     127 /* bytes of an Argon2id string (crypto_pwhash_STRBYTES - 1) */

struct auth_cost {
	unsigned long long ops; /* Argon2id passes */
	size_t mem;             /* bytes */
};

/* libsodium's interactive preset (about 64 MiB; a fraction of a second). */
struct auth_cost auth_cost_default(void);
/* The smallest cost libsodium accepts: for tests only. */
struct auth_cost auth_cost_min(void);

/* The cost named s: "interactive" (the default), "moderate" (about 256 MiB)
 * or "min" (tests only). 0, or -1 for another name. */
int auth_cost_parse(const char *s, struct auth_cost *out);

/* Start libsodium (once; thread-safe). IKM_EIO when it cannot. */
int auth_init(struct ikm_err *err);

/* Why pw is not acceptable as a new password (Indonesian / English), or NULL:
 * AUTH_PASSWORD_MIN..AUTH_PASSWORD_MAX bytes, valid UTF-8 without control
 * characters, not the username. */
const char *auth_password_problem(const char *pw, const char *username);

/* Hash pw into out (an Argon2id string). IKM_EIO when out of memory. */
int auth_hash_password(const char *pw, const struct auth_cost *cost, char out[AUTH_HASH_MAX + 1],
                       struct ikm_err *err);
/* 1 when pw matches hash (NULL: 0). For an unknown user, verify against a
 * dummy hash of the same cost so the time taken does not tell which
 * usernames exist. */
int auth_verify_password(const char *hash, const char *pw);

/* A new random token (hex) into out. */
void auth_token_new(char out[AUTH_TOKEN_HEX + 1]);
/* The stored form of a token: hex of its BLAKE2b-256. */
void auth_token_hash(const char *token, char out[AUTH_TOKEN_HEX + 1]);
/* 1 when s has the shape of a token (AUTH_TOKEN_HEX lowercase hex digits). */
int auth_token_ok(const char *s);
/* The CSRF token of the session with token `token`. */
void auth_csrf(const char *token, char out[AUTH_TOKEN_HEX + 1]);
/* 1 when given is the CSRF token of `token` (constant-time). */
int auth_csrf_ok(const char *token, const char *given);

/* The value of cookie `name` in a Cookie header (NULL: none) into out: 1
 * found, 0 not found or longer than size - 1. */
int auth_cookie_get(const char *header, const char *name, char *out, size_t size);

#endif
