/* ticket: optional ticket codes on the questionnaire — the number on a
 * queue ticket or a receipt, one response per ticket. A typed code is
 * normalised (blanks and - / . dropped, letters upper-cased) and stored only
 * as a keyed hash: BLAKE2b-256 keyed with a server secret over the unit and
 * the code. Ticket numbers are short and guessable, so an unkeyed hash of
 * them could be reversed by trying them all; without the key file, a copy
 * of the database tells nothing about which ticket gave which answers. */
#ifndef IKM_TICKET_H
#define IKM_TICKET_H

#include <stdint.h>

#include "err.h"

#define TICKET_CODE_MAX  32 /* named limit: characters of a code after normalising */
#define TICKET_TYPED_MAX 64 /* named limit: bytes of a code as typed */
#define TICKET_KEY_BYTES 32
#define TICKET_HASH_HEX  64 /* hex digits of a stored hash */

enum ticket_mode {
	TICKET_OFF,      /* no ticket field */
	TICKET_OPTIONAL, /* asked; a response without one is taken */
	TICKET_REQUIRED, /* a response needs an unused ticket */
};

/* The mode named s ("off", "optional", "required"); -1 for anything else. */
int ticket_mode_parse(const char *s);

/* Normalise a typed code into out: 0 when 1..TICKET_CODE_MAX characters of
 * [A-Z0-9] remain; -1 when none remain, the text is longer than
 * TICKET_TYPED_MAX, or it holds any other character. */
int ticket_normalise(const char *typed, char out[TICKET_CODE_MAX + 1]);

/* The stored form of normalised code norm of unit: hex of BLAKE2b-256 keyed
 * with key over "<unit id>:<code>". */
void ticket_hash(const unsigned char key[TICKET_KEY_BYTES], int64_t unit, const char *norm,
                 char out[TICKET_HASH_HEX + 1]);

/* Read the key (64 hex digits, an optional newline) from path. When the
 * file does not exist and create is set, write a new random key there
 * (mode 0600; two processes starting at once end up with the same key).
 * IKM_EIO when it cannot be read or written, IKM_EDATA when it is not a key
 * or others than its owner may read it (with what to do). */
int ticket_key_load(const char *path, int create, unsigned char key[TICKET_KEY_BYTES],
                    struct ikm_err *err);

#endif
