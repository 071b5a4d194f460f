/* jsonw: see jsonw.h. */
#include "jsonw.h"

#include <math.h>
#include <stdlib.h>

#include "idfmt.h"

void jsonw_init(struct jsonw *w, FILE *out)
{
	w->out = out;
	w->depth = 0;
	w->first[0] = 1;
	w->after_key = 0;
}

static void indent(struct jsonw *w)
{
	fputc('\n', w->out);
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->out);
}

static void put_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

/* Separator, indentation and key before a value. */
static void prefix(struct jsonw *w, const char *key)
{
	if (w->depth == 0)
		return;
	if (!w->first[w->depth])
		fputc(',', w->out);
	w->first[w->depth] = 0;
	indent(w);
	if (key != NULL) {
		put_string(w->out, key);
		fputs(": ", w->out);
	}
}

static void open_container(struct jsonw *w, const char *key, char c)
{
	prefix(w, key);
	fputc(c, w->out);
	if (w->depth + 1 >= JSONW_MAX_DEPTH)
		abort(); /* programmer error: nesting is fixed by the callers */
	w->depth++;
	w->first[w->depth] = 1;
	w->closer[w->depth] = c == '{' ? '}' : ']';
}

void jsonw_object(struct jsonw *w, const char *key)
{
	open_container(w, key, '{');
}

void jsonw_array(struct jsonw *w, const char *key)
{
	open_container(w, key, '[');
}

void jsonw_end(struct jsonw *w)
{
	/* Arrays and objects close the same way; the caller keeps them paired. */
	int empty = w->first[w->depth];
	char c = w->closer[w->depth];

	w->depth--;
	if (!empty)
		indent(w);
	fputc(c, w->out);
	if (w->depth == 0)
		fputc('\n', w->out);
}

void jsonw_string(struct jsonw *w, const char *key, const char *s)
{
	prefix(w, key);
	put_string(w->out, s);
}

void jsonw_int(struct jsonw *w, const char *key, int64_t v)
{
	prefix(w, key);
	fprintf(w->out, "%lld", (long long)v);
}

void jsonw_fixed(struct jsonw *w, const char *key, int64_t v, int decimals)
{
	char buf[48];

	prefix(w, key);
	fputs(idfmt_fixed_c(buf, sizeof(buf), v, decimals), w->out);
}

void jsonw_double(struct jsonw *w, const char *key, double v, int decimals)
{
	prefix(w, key);
	if (!isfinite(v))
		fputs("null", w->out);
	else
		fprintf(w->out, "%.*f", decimals, v);
}

void jsonw_bool(struct jsonw *w, const char *key, int v)
{
	prefix(w, key);
	fputs(v ? "true" : "false", w->out);
}

void jsonw_null(struct jsonw *w, const char *key)
{
	prefix(w, key);
	fputs("null", w->out);
}
