/* tmpl: a small Mustache-like template engine, HTML-escaping by default
 * (Debian has nothing usable). Syntax: {{name}} (escaped), {{{name}}} (raw,
 * for trusted markup only), {{#name}}...{{/name}} (a list: once per item,
 * the item the context; a flag or non-empty value: once, context
 * unchanged), {{^name}}...{{/name}} (when missing, empty, false or an empty
 * list), {{! comment }} (may span lines). Names are [A-Za-z0-9_.-] up to
 * TMPL_NAME_MAX bytes, spaces or tabs around them allowed; a dot is an
 * ordinary name character (no path lookup). Names are looked up in the
 * current item, then the items of the sections around it, then the root;
 * a missing name, a flag or a list renders as nothing in {{name}}. No
 * partials, no delimiter changes, no standalone-line trimming. Templates
 * are parsed once and rendered from many threads (read-only). */
#ifndef IKM_TMPL_H
#define IKM_TMPL_H

#include "bytebuf.h"
#include "err.h"

#define TMPL_MAX_DEPTH 16         /* named limit: nested sections */
#define TMPL_MAX_SIZE  (1u << 20) /* named limit: template text bytes */
#define TMPL_NAME_MAX  63         /* named limit: bytes of a name */

struct tmpl;
struct tmpl_data;

/* Parse text (name is for messages) into *out (free with tmpl_free);
 * IKM_EDATA "name:line: ..." for an unterminated, bad or unsupported tag, a
 * section not closed, a closing tag that does not match, sections nested
 * deeper than TMPL_MAX_DEPTH, a text larger than TMPL_MAX_SIZE (the line
 * where the limit is crossed); *out is NULL then. */
int tmpl_parse(const char *name, const char *text, struct tmpl **out, struct ikm_err *err);
void tmpl_free(struct tmpl *t);

/* Data: a tree of named values (a string, a flag or a list of child data).
 * Names and strings are copied (a NULL value is ""); setting a name again
 * replaces its value (and frees an old list); tmpl_data_free frees the
 * whole tree and accepts NULL. Build the tree in one thread; once built,
 * it may be rendered from many. */
struct tmpl_data *tmpl_data_new(void);
void tmpl_data_free(struct tmpl_data *d);
void tmpl_set(struct tmpl_data *d, const char *name, const char *value);
void tmpl_set_bool(struct tmpl_data *d, const char *name, int value);
/* Append an item to the list `name` (made when missing; replaces a string
 * or flag of that name) and return it (owned by d). */
struct tmpl_data *tmpl_add(struct tmpl_data *d, const char *name);

/* Render t with d (NULL: no data) into out (appended; out is a string
 * after). Reads t and d only, so threads may render at once. IKM_ELIMIT
 * when the output would pass 64 MiB (TMPL_RENDER_MAX in tmpl.c); out is
 * then as it was before. */
int tmpl_render(const struct tmpl *t, const struct tmpl_data *d, struct bytebuf *out,
                struct ikm_err *err);

/* Append s HTML-escaped (& < > " ' as &amp; &lt; &gt; &quot; &#39;, safe
 * in text and in quoted attribute values) to out; NULL appends nothing. */
void tmpl_escape(struct bytebuf *out, const char *s);

#endif
