/* inifile: the INI reading shared by profile and catalog. The text goes
 * through inih's ini_parse_stream with inifile_read_line as its reader,
 * because inih's handler is told no line number and would cut an over-long
 * line instead of refusing it: the reader counts lines, refuses lines over
 * the caller's limit and NUL bytes, and notes indented lines, which inih
 * would silently glue to the previous value (the handlers refuse them). */
#ifndef IKM_INIFILE_H
#define IKM_INIFILE_H

#include <ini.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct inifile {
	const char *name; /* file name for messages */
	FILE *fp;         /* the file, or NULL to read s */
	const char *s;    /* the rest of an in-memory text */
	size_t line_max;  /* longest line accepted, in bytes */
	struct ikm_err *err;
	int lineno;   /* line the reader handed to inih last */
	int indented; /* that line begins with a blank */
	int err_line; /* line of the error in err, 0 when none */
};

/* Reset f to read nothing yet, naming it name in messages and refusing
 * lines over line_max bytes; the caller then sets f->fp or f->s. Raises
 * libinih's process-wide line limit (ini_max_line) to line_max when lower:
 * call before starting threads. */
void inifile_init(struct inifile *f, const char *name, size_t line_max, struct ikm_err *err);

/* ini_reader over a struct inifile: one physical line into buf (inih's
 * buffer of num bytes). An over-long line or a NUL byte is recorded as the
 * error; the parse then ends. */
char *inifile_read_line(char *buf, int num, void *stream);

/* Record an error at the current line as "name:line: message", unless one
 * is recorded already; returns 0 (inih: handler failed). */
int inifile_fail(struct inifile *f, enum ikm_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* For an ini_handler's start: 1 when its value may be taken; 0 when an
 * error is recorded already or the line is indented (then recorded as "the
 * line starts with blanks; remove them (why)", why_id and why_en being the
 * Indonesian and English reasons). */
int inifile_value_ok(struct inifile *f, const char *why_id, const char *why_en);

/* 1 when s is valid UTF-8 without control characters. */
int inifile_text_ok(const char *s);

/* Parse f with handler (given user). Returns 0 when the text parsed; -1 with
 * err set on a read error, a malformed line or an error a handler recorded
 * with inifile_fail; else inih's own failure code (ini_parse_stream gives
 * -2, out of memory), err not set, for the caller to report. */
int inifile_parse(struct inifile *f, ini_handler handler, void *user);

#endif
