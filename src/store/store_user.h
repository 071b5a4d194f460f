/* store_user: what the office console keeps in the store — users and their
 * roles, sign-in sessions, failed sign-ins per address, the audit log
 * and the office profile (store_user.c); the review of flagged responses
 * (store_review.c). Same conventions as store.h: 0 / -1 with err, IKM_EDATA
 * for what the data refuses (a name taken, nothing found). */
#ifndef IKM_STORE_USER_H
#define IKM_STORE_USER_H

#include <stdint.h>

#include "store.h"

/* ---- users -------------------------------------------------------------- */

enum store_role {
	STORE_ROLE_ADMIN_KOTA, /* the whole organisation, users, audit log */
	STORE_ROLE_ADMIN_UNIT, /* its unit and the units under it */
	STORE_ROLE_OPERATOR,   /* paper entry and imports for its unit (and below) */
	STORE_ROLE_PIMPINAN,   /* reads results (its unit and below, or all) */
	STORE_NROLES
};

/* "admin-kota", "admin-unit", "operator", "pimpinan". */
const char *store_role_name(enum store_role r);
/* The role named s, or -1. */
int store_role_parse(const char *s);

#define STORE_USERNAME_MAX 32  /* named limit: [a-z0-9._-], starting with a letter */
#define STORE_PWHASH_MAX   127 /* bytes of a stored password hash (Argon2id string) */

struct store_user {
	int64_t id;
	char username[STORE_USERNAME_MAX + 1];
	char name[STORE_NAME_MAX + 1]; /* full name, for pages and the audit log */
	enum store_role role;
	int64_t
	    unit; /* admin-unit and operator: their unit; 0 = none (admin-kota; pimpinan of all) */
	char unit_slug[STORE_SLUG_MAX + 1]; /* "" when unit is 0 (filled by the getters) */
	char pwhash[STORE_PWHASH_MAX + 1];
	int64_t created;      /* unix seconds */
	int64_t disabled;     /* unix seconds, 0 = active */
	int failed;           /* failed sign-ins in a row */
	int64_t locked_until; /* unix seconds: no sign-in before, 0 = none */
};

/* 1 when s is a valid username. */
int store_username_ok(const char *s);

/* Add u (id and created are set by the store; unit_slug ignored): IKM_EDATA
 * when the username is taken or invalid, or the role needs a unit and has
 * none (admin-unit, operator), or admin-kota has one. *id may be NULL. */
int store_user_add(struct store *s, const struct store_user *u, int64_t *id, struct ikm_err *err);
/* The user named username / with id; IKM_EDATA when there is none. */
int store_user_get(struct store *s, const char *username, struct store_user *u,
                   struct ikm_err *err);
int store_user_get_id(struct store *s, int64_t id, struct store_user *u, struct ikm_err *err);
/* All users by username (*list owned by the caller; free). */
int store_user_list(struct store *s, struct store_user **list, int *n, struct ikm_err *err);
int store_user_count(struct store *s, int64_t *n, struct ikm_err *err);
/* A new password hash; every session of the user ends with it. */
int store_user_set_password(struct store *s, int64_t id, const char *pwhash, struct ikm_err *err);
/* Role and unit (the same rules as store_user_add). */
int store_user_set_role(struct store *s, int64_t id, enum store_role role, int64_t unit,
                        struct ikm_err *err);
/* Disable (at, unix seconds; its sessions end) or enable again (at 0). */
int store_user_set_disabled(struct store *s, int64_t id, int64_t at, struct ikm_err *err);
/* Record a sign-in: ok resets the failure count and the lock; a failure
 * adds one and sets locked_until (0: no lock). */
int store_user_login_result(struct store *s, int64_t id, int ok, int64_t locked_until,
                            struct ikm_err *err);

/* Inside store_begin, before a change that must leave an active
 * admin-kota (disabling or demoting one): serialise such changes
 * (PostgreSQL: a transaction lock; SQLite's write transaction already
 * does) and count the active admin-kota users into *n. IKM_EUSAGE outside
 * a transaction. */
int store_user_lock_admins(struct store *s, int64_t *n, struct ikm_err *err);

/* 1 when unit `unit` is `ancestor` or lies under it in the unit tree. */
int store_unit_within(struct store *s, int64_t unit, int64_t ancestor, int *within,
                      struct ikm_err *err);

/* ---- sessions ----------------------------------------------------------- */

struct store_session {
	int64_t user;
	int64_t created, seen; /* unix seconds */
	char remote[64];
};

/* Keep a new session under the hash of its token. */
int store_session_add(struct store *s, const char *token_hash, int64_t user, int64_t now,
                      const char *remote, struct ikm_err *err);
/* The session of token_hash; IKM_EDATA when there is none. */
int store_session_get(struct store *s, const char *token_hash, struct store_session *out,
                      struct ikm_err *err);
/* Note activity now. */
int store_session_touch(struct store *s, const char *token_hash, int64_t now, struct ikm_err *err);
/* End one session, or every session of a user (sign out everywhere). */
int store_session_delete(struct store *s, const char *token_hash, struct ikm_err *err);
int store_session_delete_user(struct store *s, int64_t user, struct ikm_err *err);
/* Drop sessions created before created_before or idle since seen_before. */
int store_session_purge(struct store *s, int64_t created_before, int64_t seen_before,
                        struct ikm_err *err);

/* ---- failed sign-ins per address ---------------------------------------- */

/* Record a failed sign-in from remote at now, and drop records older than
 * forget_before. */
int store_login_failure_add(struct store *s, const char *remote, int64_t now, int64_t forget_before,
                            struct ikm_err *err);
/* Failed sign-ins from remote since `since`. */
int store_login_failures(struct store *s, const char *remote, int64_t since, int64_t *n,
                         struct ikm_err *err);

/* ---- audit log ---------------------------------------------------------- */

#define STORE_AUDIT_ACTION_MAX 48
#define STORE_AUDIT_OBJECT_MAX 160
#define STORE_AUDIT_DETAIL_MAX 1000

struct store_audit {
	int64_t id, at; /* at: unix seconds */
	int64_t user;   /* 0 = nobody signed in (a failed sign-in) or the command line */
	char username[STORE_USERNAME_MAX + 1];
	char remote[64];                         /* client address, "cli" for the command line */
	char action[STORE_AUDIT_ACTION_MAX + 1]; /* "period.close", "login.fail", ... */
	char object[STORE_AUDIT_OBJECT_MAX + 1]; /* what it was done to ("period 2026-s2") */
	char detail[STORE_AUDIT_DETAIL_MAX + 1]; /* what changed, free text */
};

/* Append an entry (id set by the store; at 0: now). Longer texts are cut
 * at a UTF-8 boundary. */
int store_audit_add(struct store *s, const struct store_audit *a, struct ikm_err *err);
/* Up to limit entries, newest first, with id < before (0: from the newest). */
int store_audit_list(struct store *s, int64_t before, int limit, struct store_audit **list, int *n,
                     struct ikm_err *err);
/* The same, only entries by username (NULL or "": anyone) whose action is
 * action or in its family (NULL or "": any; "user" matches "user" and
 * "user.add", not "users"). */
int store_audit_search(struct store *s, const char *username, const char *action, int64_t before,
                       int limit, struct store_audit **list, int *n, struct ikm_err *err);

/* ---- review of flagged responses (store_review.c) ----------------------- */

enum store_decision { STORE_ACCEPT, STORE_EXCLUDE };

#define STORE_REASON_MAX 500 /* named limit: bytes of a review reason */

/* Decide on response id: excluding takes it out of the tallies (it counts
 * in no aggregate), accepting again puts it back; the reason (required,
 * 1..STORE_REASON_MAX bytes, not only spaces), the user and the time are
 * kept, a later decision replacing an earlier one. Deciding the same
 * twice changes the counts once. In one transaction (its own, or the
 * caller's store_begin). IKM_EDATA for an unknown response, a missing
 * reason or a closed period (its results stay as they were published);
 * IKM_ELIMIT for a reason too long. */
int store_review_set(struct store *s, int64_t response, enum store_decision d, const char *reason,
                     int64_t user, struct ikm_err *err);

struct store_flagged {
	int64_t id;        /* response id */
	int64_t submitted; /* unix seconds */
	int32_t date;      /* survey date yyyymmdd, 0 = none */
	char channel[8];   /* store_channel_name */
	char answers[INSTR_MAX_ELEMENTS + 1];
	unsigned flags; /* quality flags */
	int reviewed;   /* 0 none, 1 accepted, 2 excluded */
	char reason[STORE_REASON_MAX + 1];
	char reviewer[STORE_USERNAME_MAX + 1]; /* who decided ("" when nobody or unknown) */
	int64_t reviewed_at;                   /* unix seconds, 0 = not reviewed */
	char suggestion[STORE_SUGG_MAX + 1];   /* the respondent's text, as stored */
};

/* The flagged responses of a scope (flags != 0), oldest first, up to limit
 * from offset (*list owned by the caller). */
int store_flagged_list(struct store *s, const struct store_scope *sc, int offset, int limit,
                       struct store_flagged **list, int *n, struct ikm_err *err);
/* How many responses of the scope carry a flag (reviewed or not). */
int store_flagged_count(struct store *s, const struct store_scope *sc, int64_t *n,
                        struct ikm_err *err);
/* Response id (flagged or not) and the scope it belongs to (service: its
 * own, 0 = none); IKM_EDATA when there is none. */
int store_flagged_get(struct store *s, int64_t response, struct store_scope *sc,
                      struct store_flagged *out, struct ikm_err *err);

/* ---- office profile (store_user.c) ------------------------------------ */

#define STORE_PROFILE_KEY_MAX   48
#define STORE_PROFILE_VALUE_MAX (1 << 20) /* named limit: a value (the logo as base64) */

/* The value of key into *value (caller frees; NULL when not set). */
int store_profile_get(struct store *s, const char *key, char **value, struct ikm_err *err);
/* Set (value NULL: remove) key. Keys: [a-z0-9._], 1..STORE_PROFILE_KEY_MAX
 * bytes; the office module (web/office.h) names them. Not a transaction of
 * its own when called outside one: set several keys inside store_begin. */
int store_profile_set(struct store *s, const char *key, const char *value, struct ikm_err *err);

#endif
