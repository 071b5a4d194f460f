/* jsonw: a small streaming JSON writer for machine output. Numbers are
 * written from exact fixed-point integers ("96.89"), never from binary
 * floating point, so the JSON says exactly what the text output says.
 * Output is pretty-printed with two-space indentation. */
#ifndef IKM_JSONW_H
#define IKM_JSONW_H

#include <stdint.h>
#include <stdio.h>

#define JSONW_MAX_DEPTH 16

struct jsonw {
	FILE *out;
	int depth;
	int first[JSONW_MAX_DEPTH];
	char closer[JSONW_MAX_DEPTH];
	int after_key;
};

/* Start writing to out. */
void jsonw_init(struct jsonw *w, FILE *out);
/* Containers; a key is given inside objects, NULL inside arrays. */
void jsonw_object(struct jsonw *w, const char *key);
void jsonw_array(struct jsonw *w, const char *key);
void jsonw_end(struct jsonw *w); /* closes the innermost container */
/* Values (key NULL inside arrays). */
void jsonw_string(struct jsonw *w, const char *key, const char *s);
void jsonw_int(struct jsonw *w, const char *key, int64_t v);
void jsonw_fixed(struct jsonw *w, const char *key, int64_t v, int decimals);
void jsonw_double(struct jsonw *w, const char *key, double v, int decimals);
void jsonw_bool(struct jsonw *w, const char *key, int v);
void jsonw_null(struct jsonw *w, const char *key);

#endif
