/* store_import: data files into the store — every counted row of CSV/XLSX
 * files (read by load.h) becomes a response of one unit, service and
 * period. The one import path of `ikm import` and of the console's import
 * (console_import.c). Rows answering nothing are not stored; a survey
 * date the period does not hold rejects the row like an invalid value;
 * profile fields are kept as given (trimmed, cut to the store's limits,
 * the apostrophe of an exported would-be formula taken off). The caller
 * holds the transaction (store_begin ... store_commit): all or nothing is
 * its choice. */
#ifndef IKM_STORE_IMPORT_H
#define IKM_STORE_IMPORT_H

#include <stdint.h>

#include "load.h"
#include "store.h"

struct store_import {
	/* Set by the caller (the rest zeroed). */
	struct store *s;
	int64_t unit, service;             /* ids; service 0 = none */
	const struct store_period *period; /* an open one */
	int64_t instrument;         /* id of the instrument read; 0: stored at the first row */
	enum store_channel channel; /* STORE_IMPORT */
	int skip_invalid;           /* reject bad rows and go on, else stop at the first */
	int dry_run;                /* check and count only; store nothing */
	/* When set (and skip_invalid), called for every rejected row in
	 * order: bad values (load.h) and dates outside the period alike. */
	void (*reject)(void *user, uint64_t line, const char *msg);
	void *reject_user;

	/* Results. */
	uint64_t stored;    /* responses stored (a dry run: that would be) */
	uint64_t empty;     /* rows answering nothing: not stored */
	uint64_t rejected;  /* rows rejected: bad values and dates */
	uint64_t truncated; /* rows with a profile field or suggestion cut */
	int nmsgs;          /* the first date rejections (bad values: rep->msgs) */
	char msgs[LOAD_KEEP_MESSAGES][LOAD_MESSAGE_MAX];

	/* Private. */
	char *const *paths;
	const struct instrument *in;
	struct store_response r;
};

/* Read the n files (paths; opts->mem for files in memory) with instrument
 * `in` and opts (its row and reject hooks are this module's) and store
 * their rows as im says. rep is filled as load_files fills it (free with
 * load_report_free). On failure part of the rows may be stored: roll the
 * transaction back. */
int store_import_files(struct store_import *im, char *const *paths, int n, struct instrument *in,
                       const struct load_opts *opts, struct load_report *rep, struct ikm_err *err);

#endif
