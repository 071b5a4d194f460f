/* store: the survey data model behind one interface, on SQLite (embedded
 * default) or PostgreSQL (several `ikm serve` processes on one database),
 * through db.h. Organisation -> units (a tree) -> services; versioned
 * instruments (elements, weights, question texts and option labels in
 * Indonesian and English); periods; responses with their answers, profile and quality
 * flags; populations. Migrations are numbered and applied on open in one
 * transaction. Every response insert also counts its answer pattern in a
 * tally table in the same transaction, so the IKM of a unit-period is
 * computed from a few thousand pattern counts, however many responses are
 * stored, with the same exact core as `ikm compute` on files. */
#ifndef IKM_STORE_H
#define IKM_STORE_H

#include <stdint.h>

#include "err.h"
#include "instrument.h"
#include "score.h"

#define STORE_DEFAULT_URL "var/ikm.db"
#define STORE_SLUG_MAX    63   /* named limit: [a-z0-9-], starting with a letter or digit */
#define STORE_NAME_MAX    255  /* named limit: bytes of a name */
#define STORE_FIELD_MAX   64   /* named limit: bytes of a profile field */
#define STORE_SUGG_MAX    2000 /* named limit: bytes of a suggestion */
#define STORE_ID_MAX      64   /* named limit: client id, ticket hash (hex) */
#define STORE_SCHEMA      4    /* the newest migration */

struct store;

/* The database store_open(url) opens: url, else $IKM_DB, else the default. */
const char *store_resolve_url(const char *url);

/* Open the database at url (NULL or "": $IKM_DB, else STORE_DEFAULT_URL;
 * "postgresql://..." selects PostgreSQL) and bring its schema up to date
 * (in one transaction; concurrent openers wait for each other). The first
 * open also creates the organisation and the built-in PermenPAN-RB 14/2017
 * instrument. */
int store_open(const char *url, struct store **out, struct ikm_err *err);
void store_close(struct store *s);
/* The URL the store was opened with (after defaults). */
const char *store_url(const struct store *s);
int store_schema_version(struct store *s, int *version, struct ikm_err *err);

/* Transactions spanning several calls (an import): all or nothing. */
int store_begin(struct store *s, struct ikm_err *err);
/* 1 inside store_begin .. commit/rollback. */
int store_in_transaction(const struct store *s);
int store_commit(struct store *s, struct ikm_err *err);
void store_rollback(struct store *s);
/* 1 inside store_begin after a statement failed (a constraint, a lost
 * connection): the transaction can only be rolled back. A refusal that
 * ran no failing statement (a duplicate, a used ticket, a closed period)
 * leaves it usable (0). */
int store_tx_failed(const struct store *s);

/* ---- organisation, units, services, periods ---------------------------- */

struct store_org {
	char name[STORE_NAME_MAX + 1];
	char zone[8]; /* "WIB", "WITA" or "WIT" */
};

int store_org_get(struct store *s, struct store_org *o, struct ikm_err *err);
/* Today (yyyymmdd) in a zone "WIB" (UTC+7), "WITA" (UTC+8) or "WIT" (UTC+9). */
int32_t store_today(const char *zone);
int store_org_set(struct store *s, const char *name, const char *zone, struct ikm_err *err);

struct store_unit {
	int64_t id;
	char slug[STORE_SLUG_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	int64_t parent; /* 0 = top level */
	char parent_slug[STORE_SLUG_MAX + 1];
};

/* 1 when slug is a valid slug. */
int store_slug_ok(const char *slug);

/* Add a unit (parent_slug NULL for the top level). IKM_EDATA when the slug
 * is taken, invalid, or the parent unknown. */
int store_unit_add(struct store *s, const char *slug, const char *name, const char *parent_slug,
                   struct store_unit *out, struct ikm_err *err);
/* Find a unit; IKM_EDATA naming the slug when there is none. */
int store_unit_get(struct store *s, const char *slug, struct store_unit *out, struct ikm_err *err);
/* All units, parents before children, by slug within a parent; *list is
 * owned by the caller (free). */
int store_unit_list(struct store *s, struct store_unit **list, int *n, struct ikm_err *err);
/* Give unit slug a new name (the slug stays). IKM_EDATA for an unknown
 * unit, IKM_EUSAGE for a bad name. */
int store_unit_rename(struct store *s, const char *slug, const char *name, struct ikm_err *err);

struct store_service {
	int64_t id, unit;
	char slug[STORE_SLUG_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	char unit_slug[STORE_SLUG_MAX + 1];
};

int store_service_add(struct store *s, const char *slug, const char *unit_slug, const char *name,
                      struct store_service *out, struct ikm_err *err);
int store_service_get(struct store *s, const char *unit_slug, const char *slug,
                      struct store_service *out, struct ikm_err *err);
/* Services of one unit (unit_slug) or of all (NULL). */
int store_service_list(struct store *s, const char *unit_slug, struct store_service **list, int *n,
                       struct ikm_err *err);
/* Give service slug of unit unit_slug a new name (the slug stays).
 * IKM_EDATA for an unknown unit or service, IKM_EUSAGE for a bad name. */
int store_service_rename(struct store *s, const char *unit_slug, const char *slug, const char *name,
                         struct ikm_err *err);

struct store_period {
	int64_t id;
	char slug[STORE_SLUG_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	int32_t from, to; /* yyyymmdd, inclusive */
	int closed;
};

/* Add a period [from, to] (yyyymmdd; from <= to). name NULL: the slug. */
int store_period_add(struct store *s, const char *slug, int32_t from, int32_t to, const char *name,
                     struct store_period *out, struct ikm_err *err);
int store_period_get(struct store *s, const char *slug, struct store_period *out,
                     struct ikm_err *err);
int store_period_list(struct store *s, struct store_period **list, int *n, struct ikm_err *err);
/* The period holding day (yyyymmdd), the latest starting one when several
 * do; *found = 0 when none. */
int store_period_on(struct store *s, int32_t day, struct store_period *out, int *found,
                    struct ikm_err *err);
/* Close a period: no more responses; its results stay reproducible. */
int store_period_close(struct store *s, const char *slug, struct ikm_err *err);
/* Open a closed period again: it takes responses again. */
int store_period_reopen(struct store *s, const char *slug, struct ikm_err *err);

/* Population of a unit (and service, 0 = the whole unit) in a period. */
int store_population_set(struct store *s, int64_t unit, int64_t service, int64_t period, int64_t n,
                         struct ikm_err *err);
/* *n = 0 when none was set. */
int store_population_get(struct store *s, int64_t unit, int64_t service, int64_t period, int64_t *n,
                         struct ikm_err *err);

/* ---- instruments ------------------------------------------------------- */

/* The id of the stored version identical to `in` (elements, names,
 * weights) for the unit (0 = organisation-wide), storing it as the next
 * version when new. */
int store_instrument_put(struct store *s, const struct instrument *in, int64_t unit, int64_t *id,
                         struct ikm_err *err);
/* The same with the words of each element in both locales (question,
 * option labels, name; NULL: instr_texts_default). Other words make
 * another version. */
int store_instrument_put_texts(struct store *s, const struct instrument *in,
                               const struct instr_texts *texts, int64_t unit, int64_t *id,
                               struct ikm_err *err);
/* The same as the unit's current version (a change made in the console):
 * the unit's newest version when it is identical, else a new version —
 * even when an older version has these words (going back to them makes
 * them current again). Responses keep the version they answered. */
int store_instrument_put_current(struct store *s, const struct instrument *in,
                                 const struct instr_texts *texts, int64_t unit, int64_t *id,
                                 struct ikm_err *err);
/* Read a stored version back. */
int store_instrument_get(struct store *s, int64_t id, struct instrument *in, struct ikm_err *err);
/* The version a new response of the unit answers: the unit's newest, else
 * the organisation's newest (the built-in one at first). */
int store_instrument_current(struct store *s, int64_t unit, int64_t *id, struct instrument *in,
                             struct ikm_err *err);
/* Where version id belongs: *unit (0 = organisation-wide), *version (its
 * number within that unit, from 1) and *created (unix seconds).
 * IKM_EDATA for an unknown id. */
int store_instrument_version(struct store *s, int64_t id, int64_t *unit, int64_t *version,
                             int64_t *created, struct ikm_err *err);
/* Its words per locale. */
int store_instrument_texts(struct store *s, int64_t id, struct instr_texts *t, struct ikm_err *err);

/* ---- responses ---------------------------------------------------------- */

enum store_channel { STORE_WEB, STORE_KIOSK, STORE_PAPER, STORE_IMPORT, STORE_API };

/* Machine name of a channel ("web", ...). */
const char *store_channel_name(enum store_channel c);

struct store_response {
	int64_t unit, service, period, instrument; /* ids; service 0 = none */
	enum store_channel channel;
	int64_t submitted; /* unix seconds, UTC */
	int32_t date;      /* survey date yyyymmdd, 0 = none */
	int k;
	uint8_t answers[INSTR_MAX_ELEMENTS]; /* 0..4 in the instrument's element order */
	char gender[STORE_FIELD_MAX + 1];    /* profile fields as given, "" = none */
	int age;                             /* years, -1 = none */
	char education[STORE_FIELD_MAX + 1];
	char job[STORE_FIELD_MAX + 1];
	char service_text[STORE_FIELD_MAX + 1];
	char suggestion[STORE_SUGG_MAX + 1];
	unsigned flags;                     /* quality flags (quality.h) */
	char client_id[STORE_ID_MAX + 1];   /* "" = none; a repeat is stored once */
	char ticket_hash[STORE_ID_MAX + 1]; /* keyed hash (hex), "" = none; one per unit */
	int excluded; /* read back: left out of the results by a review (ignored on add) */
};

/* Store a response (and count its pattern). *dup = 1 (nothing stored) when
 * its client id was stored before; a ticket already used in the unit is
 * IKM_EDATA. The period must be open. Inside store_begin/commit or on its
 * own (then committed before returning). */
int store_response_add(struct store *s, const struct store_response *r, int *dup,
                       struct ikm_err *err);

/* *used = 1 when a response of the unit carries ticket hash `hash`. */
int store_ticket_used(struct store *s, int64_t unit, const char *hash, int *used,
                      struct ikm_err *err);

/* What an aggregate covers: a unit and a period, one service or all (0). */
struct store_scope {
	int64_t unit, period, service;
};

struct store_totals {
	uint64_t responses; /* stored responses in the scope */
	uint64_t flags[8];  /* responses carrying each quality flag bit */
	int versions;       /* instrument versions answered */
};

/* The accumulator of the scope (*acc, caller frees) for instrument *in:
 * the newest version answered (answers of older versions are mapped by
 * element id). IKM_EDATA when the scope has no response. */
int store_aggregate(struct store *s, const struct store_scope *sc, struct instrument *in,
                    struct score_acc **acc, struct store_totals *tot, struct ikm_err *err);

#define STORE_MAX_VERSIONS 64 /* named limit: instrument versions in one scope */

/* The instrument versions answered in the scope, oldest first (ids into
 * ids[0..*n), at most STORE_MAX_VERSIONS). */
int store_scope_versions(struct store *s, const struct store_scope *sc, int64_t *ids, int *n,
                         struct ikm_err *err);

/* Call fn for every response of the scope in insertion order (streaming:
 * fn must not use the store); fn returning -1 stops with its err. Responses
 * a review excluded (store_user.h) come with r->excluded set: callers that
 * compute skip them (scope_rows does), as every aggregate leaves them out. */
int store_responses_each(struct store *s, const struct store_scope *sc,
                         int (*fn)(void *user, const struct store_response *r, struct ikm_err *err),
                         void *user, struct ikm_err *err);

/* ---- API keys (store_apikey.c) ------------------------------------------ */

#define STORE_APIKEY_NAME_MAX 63 /* named limit: [A-Za-z0-9._-] bytes of a key's name */
#define STORE_APIKEY_HEX      64 /* hex digits of a key (32 random bytes) */

struct store_apikey {
	int64_t id;
	char name[STORE_APIKEY_NAME_MAX + 1];
	int64_t created; /* unix seconds */
	int64_t revoked; /* unix seconds, 0 = in use */
};

/* Make a key named name (IKM_EDATA when the name is taken or invalid): 32
 * random bytes, written into key_out as hex (shown once; only its
 * BLAKE2b-256 hash is stored). */
int store_apikey_add(struct store *s, const char *name, char key_out[STORE_APIKEY_HEX + 1],
                     struct ikm_err *err);
/* *ok = 1 and the key's name in name_out when key is a stored key not
 * revoked; *ok = 0 otherwise (also for a key of the wrong shape). */
int store_apikey_check(struct store *s, const char *key, char name_out[STORE_APIKEY_NAME_MAX + 1],
                       int *ok, struct ikm_err *err);
/* Revoke the key named name (IKM_EDATA when there is none in use). */
int store_apikey_revoke(struct store *s, const char *name, struct ikm_err *err);
/* All keys by name; *list is owned by the caller (free). */
int store_apikey_list(struct store *s, struct store_apikey **list, int *n, struct ikm_err *err);

#endif
