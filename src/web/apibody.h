/* apibody: the body of POST /api/v1/responses, from parsed JSON to a
 * validated response — pure (no store, no I/O), so it can be fuzzed. Every
 * problem is reported by field ("answers.U3", "profile.age", "unit"), with
 * a message Indonesian first, then " / " English. */
#ifndef IKM_APIBODY_H
#define IKM_APIBODY_H

#include <jansson.h>
#include <stdint.h>

#include "instrument.h"
#include "store.h"
#include "ticket.h"

#define APIBODY_ERRORS_MAX 48  /* named limit: field errors reported at once */
#define APIBODY_FIELD_MAX  80  /* named limit: bytes of a reported field name */
#define APIBODY_MSG_MAX    160 /* bytes of a field message */
#define APIBODY_CLIENT_MIN 16  /* named limit: characters of a client id, at least */

struct apibody_error {
	char field[APIBODY_FIELD_MAX + 1];
	char msg[APIBODY_MSG_MAX + 1];
};

struct apibody {
	char unit[STORE_SLUG_MAX + 1];
	char service[STORE_SLUG_MAX + 1];    /* "" = none */
	char client_id[STORE_ID_MAX + 1];    /* "" = none */
	int32_t date;                        /* yyyymmdd, 0 = not given */
	int k;                               /* elements of the instrument */
	uint8_t answers[INSTR_MAX_ELEMENTS]; /* 1..4 in the instrument's order */
	char gender[2];                      /* "L", "P" or "" */
	int age;                             /* 10..120, -1 = none */
	char education[8], job[16];          /* one of the lists, or "" */
	char suggestion[STORE_SUGG_MAX + 1]; /* "" = none */
	char ticket[TICKET_TYPED_MAX + 1];   /* as sent (a valid code), "" = none */
	int nerr;                            /* field errors below */
	struct apibody_error err[APIBODY_ERRORS_MAX];
};

/* Validate the parsed body root against instrument in (NULL: the unit is
 * not known yet, so answers are checked for shape only) into b. 0 when
 * valid; else b->nerr > 0 and every problem found is in b->err. */
int apibody_validate(const json_t *root, const struct instrument *in, struct apibody *b);

/* Add a field error (dropped past APIBODY_ERRORS_MAX). */
void apibody_error(struct apibody *b, const char *field, const char *msg);

#endif
