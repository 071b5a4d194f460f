/* err: the one error convention of ikm.
 *
 * Functions that can fail return 0 on success and -1 on failure, and fill a
 * caller-owned struct ikm_err with a kind and a message a user can act on
 * (Bahasa Indonesia first, English after " / " where it helps). Faces map the
 * kind to their own codes in exactly one place each (cli: err_exit_code). */
#ifndef IKM_ERR_H
#define IKM_ERR_H

#include <stddef.h>

enum ikm_err_kind {
	IKM_OK = 0,
	IKM_EDATA,  /* the input data is wrong: file, row, column, value */
	IKM_EUSAGE, /* the caller asked for something invalid (options) */
	IKM_EIO,    /* a file could not be opened or read */
	IKM_ELIMIT, /* an input exceeded a named limit */
};

#define IKM_ERR_MSG_MAX 1024

struct ikm_err {
	enum ikm_err_kind kind;
	char msg[IKM_ERR_MSG_MAX];
};

/* Clear an error record. */
void err_clear(struct ikm_err *err);

/* Set kind and a printf-style message; returns -1 so callers can
 * `return err_set(...)`. err may be NULL (the message is dropped). */
int err_set(struct ikm_err *err, enum ikm_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefix the existing message with printf-style context ("file.csv: ").
 * Returns -1. */
int err_prefix(struct ikm_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
