/* tmpl: a small Mustache-like template engine, HTML-escaping by default
 * (Debian has nothing usable). Syntax: {{name}} (escaped), {{{name}}} (raw,
 * for trusted markup only), {{#name}}...{{/name}} (a list: once per item;
 * a flag or non-empty value: once), {{^name}}...{{/name}} (when missing,
 * empty or false), {{! comment }}. Names are looked up in the current item,
 * then its parents. Templates are parsed once and rendered from many
 * threads (read-only). */
#ifndef IKM_TMPL_H
#define IKM_TMPL_H

#include "bytebuf.h"
#include "err.h"

#define TMPL_MAX_DEPTH 16         /* named limit: nested sections */
#define TMPL_MAX_SIZE  (1u << 20) /* named limit: template text bytes */
#define TMPL_NAME_MAX  63         /* named limit: bytes of a name */

struct tmpl;
struct tmpl_data;

/* Parse text (name is for messages); IKM_EDATA naming the line for
 * unbalanced or bad tags. */
int tmpl_parse(const char *name, const char *text, struct tmpl **out, struct ikm_err *err);
void tmpl_free(struct tmpl *t);

/* Data: a tree of named values. Strings are copied. */
struct tmpl_data *tmpl_data_new(void);
void tmpl_data_free(struct tmpl_data *d);
void tmpl_set(struct tmpl_data *d, const char *name, const char *value);
void tmpl_set_bool(struct tmpl_data *d, const char *name, int value);
/* Append an item to the list `name` and return it (owned by d). */
struct tmpl_data *tmpl_add(struct tmpl_data *d, const char *name);

/* Render t with d into out (appended). */
int tmpl_render(const struct tmpl *t, const struct tmpl_data *d, struct bytebuf *out,
                struct ikm_err *err);

/* Append s HTML-escaped (& < > " ' escaped) to out. */
void tmpl_escape(struct bytebuf *out, const char *s);

#endif
