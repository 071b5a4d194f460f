/* tmpl: see tmpl.h. The template text is copied once and parsed into a
 * flat array of nodes that point into the copy by offset; a section node
 * holds the index of the node after its closing tag, so rendering walks the
 * array and recurses only into sections (at most TMPL_MAX_DEPTH deep). A
 * render only reads the template and the data, and keeps its context stack
 * on its own stack: many threads may render one template at once. */
#include "tmpl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define TMPL_RENDER_MAX (64u << 20) /* named limit: bytes one render appends */
#define TMPL_SHOWN      40          /* bytes of a tag quoted in a message */
#define TMPL_NAME_SHOWN 120         /* bytes of a template name kept for messages */

enum node_kind { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED };

struct node {
	enum node_kind kind;
	uint32_t off, len; /* the text, or the name, in tmpl.text */
	uint32_t end;      /* sections: the index of the node after the closing tag */
	uint32_t line;     /* sections: the line of the opening tag */
};

struct tmpl {
	char *name; /* for messages */
	char *text; /* the copy the nodes point into */
	struct node *node;
	size_t n, cap;
};

enum value_kind { V_STRING, V_BOOL, V_LIST };

struct entry {
	char *name;
	size_t name_len;
	enum value_kind kind;
	char *str; /* V_STRING */
	size_t str_len;
	int flag;                /* V_BOOL */
	struct tmpl_data **item; /* V_LIST */
	size_t nitem, capitem;
};

struct tmpl_data {
	struct entry *e;
	size_t n, cap;
};

/* ---- parsing ---- */

struct parser {
	struct tmpl *t;
	const char *s; /* t->text */
	size_t len, pos;
	uint32_t line;
	size_t open[TMPL_MAX_DEPTH]; /* node indices of the open sections */
	int depth;
	struct ikm_err *err;
};

static int is_name_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

static uint32_t count_lines(const char *s, size_t n)
{
	uint32_t k = 0;

	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		k++;
	return k;
}

/* Quote up to TMPL_SHOWN bytes of s[0..n) into buf, printable ASCII only. */
static const char *shown(char *buf, size_t size, const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 4 < size && i < TMPL_SHOWN; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[k++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (n > TMPL_SHOWN && k + 4 < size) {
		memcpy(buf + k, "...", 3);
		k += 3;
	}
	buf[k] = '\0';
	return buf;
}

/* The first two-byte pair a, b in s[0..n), or NULL. */
static const char *find2(const char *s, size_t n, char a, char b)
{
	const char *end = s + n, *p = s;

	while (p < end && (p = memchr(p, a, (size_t)(end - p))) != NULL) {
		if (p + 1 < end && p[1] == b)
			return p;
		p++;
	}
	return NULL;
}

/* IKM_EDATA "name:line: what: "tag"" (the tag quoted when not NULL). */
static int fail_at(struct parser *ps, uint32_t line, const char *tag, size_t n, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

static int fail_at(struct parser *ps, uint32_t line, const char *tag, size_t n, const char *fmt,
                   ...)
{
	char what[512];
	char q[TMPL_SHOWN + 8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (tag == NULL)
		return err_set(ps->err, IKM_EDATA, "%s:%u: %s", ps->t->name, (unsigned)line, what);
	return err_set(ps->err, IKM_EDATA, "%s:%u: %s: \"%s\"", ps->t->name, (unsigned)line, what,
	               shown(q, sizeof(q), tag, n));
}

static struct node *add_node(struct tmpl *t, enum node_kind kind, size_t off, size_t len)
{
	struct node *nd;

	if (t->n == t->cap) {
		t->cap = t->cap != 0 ? t->cap * 2 : 64;
		t->node = xreallocarray(t->node, t->cap, sizeof(*t->node));
	}
	nd = &t->node[t->n++];
	memset(nd, 0, sizeof(*nd));
	nd->kind = kind;
	nd->off = (uint32_t)off;
	nd->len = (uint32_t)len;
	return nd;
}

static void add_text(struct parser *ps, size_t from, size_t to)
{
	if (to > from)
		add_node(ps->t, N_TEXT, from, to - from);
	ps->line += count_lines(ps->s + from, to - from);
}

/* Open the section of the node just added. */
static int open_section(struct parser *ps, uint32_t line, size_t tag, size_t taglen)
{
	if (ps->depth == TMPL_MAX_DEPTH)
		return fail_at(
		    ps, line, ps->s + tag, taglen,
		    "bagian bersarang lebih dari %d tingkat / sections nested deeper than %d",
		    TMPL_MAX_DEPTH, TMPL_MAX_DEPTH);
	ps->open[ps->depth++] = ps->t->n - 1;
	ps->t->node[ps->t->n - 1].line = line;
	return 0;
}

static int close_section(struct parser *ps, uint32_t line, size_t name, size_t nlen, size_t tag,
                         size_t taglen)
{
	struct node *o;
	char q[TMPL_SHOWN + 8];

	if (ps->depth == 0)
		return fail_at(ps, line, ps->s + tag, taglen,
		               "penutup bagian tanpa pembuka / closing tag without an opening");
	o = &ps->t->node[ps->open[ps->depth - 1]];
	if (o->len != nlen || memcmp(ps->s + o->off, ps->s + name, nlen) != 0)
		return fail_at(ps, line, ps->s + tag, taglen,
		               "penutup tidak cocok dengan bagian \"%s\" dari baris %u / "
		               "closing tag does not match the section opened on line %u",
		               shown(q, sizeof(q), ps->s + o->off, o->len), (unsigned)o->line,
		               (unsigned)o->line);
	o->end = (uint32_t)ps->t->n;
	ps->depth--;
	return 0;
}

/* Parse the tag at ps->pos ("{{" there). */
static int parse_tag(struct parser *ps)
{
	const char *s = ps->s;
	size_t tag = ps->pos, cstart, cend, after, i, name, nlen;
	uint32_t line = ps->line;
	int triple = tag + 2 < ps->len && s[tag + 2] == '{';
	const char *close;
	char sigil = 0;

	cstart = tag + 2 + (size_t)triple;
	close = cstart < ps->len ? find2(s + cstart, ps->len - cstart, '}', '}') : NULL;
	if (close == NULL)
		return fail_at(ps, line, s + tag, ps->len - tag,
		               "tag tidak ditutup / unterminated tag");
	cend = (size_t)(close - s);
	after = cend + 2;
	if (triple) {
		if (after >= ps->len || s[after] != '}')
			return fail_at(ps, line, s + tag, after - tag,
			               "{{{ harus ditutup dengan }}} / {{{ must close with }}}");
		after++;
	}
	if (!triple && cstart < cend && strchr("#^/!&>=", s[cstart]) != NULL)
		sigil = s[cstart];
	if (sigil == '!') { /* a comment: anything up to "}}" */
		ps->line += count_lines(s + tag, after - tag);
		ps->pos = after;
		return 0;
	}
	if (sigil == '&' || sigil == '>' || sigil == '=')
		return fail_at(ps, line, s + tag, after - tag,
		               "jenis tag tidak didukung / unsupported tag");
	i = cstart + (sigil != 0);
	while (i < cend && (s[i] == ' ' || s[i] == '\t'))
		i++;
	name = i;
	while (i < cend && is_name_char((unsigned char)s[i]))
		i++;
	nlen = i - name;
	while (i < cend && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i != cend)
		return fail_at(ps, line, s + tag, after - tag,
		               "karakter tidak sah dalam tag / bad character in a tag");
	if (nlen == 0)
		return fail_at(ps, line, s + tag, after - tag,
		               "tag tanpa nama / tag without a name");
	if (nlen > TMPL_NAME_MAX)
		return fail_at(ps, line, s + tag, after - tag,
		               "nama lebih dari %d byte / name longer than %d bytes", TMPL_NAME_MAX,
		               TMPL_NAME_MAX);
	ps->pos = after;
	switch (sigil) {
	case '#':
		add_node(ps->t, N_SECTION, name, nlen);
		return open_section(ps, line, tag, after - tag);
	case '^':
		add_node(ps->t, N_INVERTED, name, nlen);
		return open_section(ps, line, tag, after - tag);
	case '/':
		return close_section(ps, line, name, nlen, tag, after - tag);
	default:
		add_node(ps->t, triple ? N_RAW : N_VAR, name, nlen);
		return 0;
	}
}

int tmpl_parse(const char *name, const char *text, struct tmpl **out, struct ikm_err *err)
{
	struct parser ps = {0};
	struct tmpl *t;
	size_t len;

	*out = NULL;
	if (name == NULL)
		name = "templat";
	if (text == NULL)
		return err_set(err, IKM_EUSAGE, "%.*s: tanpa teks templat / no template text",
		               TMPL_NAME_SHOWN, name);
	t = xcalloc(1, sizeof(*t));
	t->name = xstrndup(name, strnlen(name, TMPL_NAME_SHOWN));
	ps.t = t;
	ps.err = err;
	ps.line = 1;
	len = strnlen(text, (size_t)TMPL_MAX_SIZE + 1);
	if (len > TMPL_MAX_SIZE) {
		/* The line where the limit is crossed. */
		fail_at(&ps, 1 + count_lines(text, TMPL_MAX_SIZE), NULL, 0,
		        "templat lebih dari %u byte / template larger than %u bytes", TMPL_MAX_SIZE,
		        TMPL_MAX_SIZE);
		goto fail;
	}
	t->text = xstrndup(text, len);
	ps.s = t->text;
	ps.len = len;
	while (ps.pos < len) {
		const char *p = find2(ps.s + ps.pos, len - ps.pos, '{', '{');

		if (p == NULL) {
			add_text(&ps, ps.pos, len);
			break;
		}
		add_text(&ps, ps.pos, (size_t)(p - ps.s));
		ps.pos = (size_t)(p - ps.s);
		if (parse_tag(&ps) < 0)
			goto fail;
	}
	if (ps.depth > 0) {
		const struct node *o = &t->node[ps.open[ps.depth - 1]];

		fail_at(&ps, o->line, t->text + o->off, o->len,
		        "bagian tidak ditutup / section not closed");
		goto fail;
	}
	*out = t;
	return 0;
fail:
	tmpl_free(t);
	return -1;
}

void tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->text);
	free(t->node);
	free(t);
}

/* ---- data ---- */

struct tmpl_data *tmpl_data_new(void)
{
	return xcalloc(1, sizeof(struct tmpl_data));
}

static void entry_clear(struct entry *e)
{
	free(e->str);
	e->str = NULL;
	e->str_len = 0;
	for (size_t i = 0; i < e->nitem; i++)
		tmpl_data_free(e->item[i]);
	free(e->item);
	e->item = NULL;
	e->nitem = e->capitem = 0;
	e->flag = 0;
}

void tmpl_data_free(struct tmpl_data *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		entry_clear(&d->e[i]);
		free(d->e[i].name);
	}
	free(d->e);
	free(d);
}

static struct entry *data_find(const struct tmpl_data *d, const char *name, size_t len)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->e[i].name_len == len && memcmp(d->e[i].name, name, len) == 0)
			return &d->e[i];
	return NULL;
}

/* The entry name with its old value cleared, made when missing. */
static struct entry *data_slot(struct tmpl_data *d, const char *name)
{
	size_t len = strlen(name);
	struct entry *e = data_find(d, name, len);

	if (e != NULL) {
		entry_clear(e);
		return e;
	}
	if (d->n == d->cap) {
		d->cap = d->cap != 0 ? d->cap * 2 : 8;
		d->e = xreallocarray(d->e, d->cap, sizeof(*d->e));
	}
	e = &d->e[d->n++];
	memset(e, 0, sizeof(*e));
	e->name = xstrndup(name, len);
	e->name_len = len;
	return e;
}

void tmpl_set(struct tmpl_data *d, const char *name, const char *value)
{
	struct entry *e = data_slot(d, name);

	e->kind = V_STRING;
	e->str = xstrdup(value != NULL ? value : "");
	e->str_len = strlen(e->str);
}

void tmpl_set_bool(struct tmpl_data *d, const char *name, int value)
{
	struct entry *e = data_slot(d, name);

	e->kind = V_BOOL;
	e->flag = value != 0;
}

struct tmpl_data *tmpl_add(struct tmpl_data *d, const char *name)
{
	struct entry *e = data_find(d, name, strlen(name));

	if (e == NULL || e->kind != V_LIST) {
		e = data_slot(d, name);
		e->kind = V_LIST;
	}
	if (e->nitem == e->capitem) {
		e->capitem = e->capitem != 0 ? e->capitem * 2 : 4;
		e->item = xreallocarray(e->item, e->capitem, sizeof(*e->item));
	}
	e->item[e->nitem] = tmpl_data_new();
	return e->item[e->nitem++];
}

/* ---- rendering ---- */

struct render {
	const struct tmpl *t;
	const struct tmpl_data *ctx[TMPL_MAX_DEPTH + 1]; /* the context stack */
	int nctx;
	struct bytebuf *out;
	size_t start; /* out->len before the render */
};

static void escape_n(struct bytebuf *out, const char *s, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		const char *rep;

		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		bytebuf_add(out, s + run, i - run);
		bytebuf_puts(out, rep);
		run = i + 1;
	}
	bytebuf_add(out, s + run, n - run);
}

void tmpl_escape(struct bytebuf *out, const char *s)
{
	if (s != NULL)
		escape_n(out, s, strlen(s));
}

/* The value of the node's name: the innermost context that has it. */
static const struct entry *lookup(const struct render *r, const struct node *nd)
{
	for (int i = r->nctx - 1; i >= 0; i--) {
		const struct entry *e = data_find(r->ctx[i], r->t->text + nd->off, nd->len);

		if (e != NULL)
			return e;
	}
	return NULL;
}

static int truthy(const struct entry *e)
{
	if (e == NULL)
		return 0;
	if (e->kind == V_STRING)
		return e->str_len > 0;
	if (e->kind == V_BOOL)
		return e->flag;
	return e->nitem > 0;
}

/* Render nodes [from, to). */
static int render_range(struct render *r, size_t from, size_t to)
{
	const struct node *node = r->t->node;
	size_t i = from;

	while (i < to) {
		const struct node *nd = &node[i];
		const struct entry *e;

		if (r->out->len - r->start > TMPL_RENDER_MAX)
			return -1;
		switch (nd->kind) {
		case N_TEXT:
			bytebuf_add(r->out, r->t->text + nd->off, nd->len);
			i++;
			break;
		case N_VAR:
		case N_RAW:
			e = lookup(r, nd);
			if (e != NULL && e->kind == V_STRING) {
				if (nd->kind == N_VAR)
					escape_n(r->out, e->str, e->str_len);
				else
					bytebuf_add(r->out, e->str, e->str_len);
			}
			i++;
			break;
		case N_SECTION:
			e = lookup(r, nd);
			if (e != NULL && e->kind == V_LIST) {
				for (size_t k = 0; k < e->nitem; k++) {
					int rc;

					r->ctx[r->nctx++] = e->item[k];
					rc = render_range(r, i + 1, nd->end);
					r->nctx--;
					if (rc < 0)
						return -1;
				}
			} else if (truthy(e) && render_range(r, i + 1, nd->end) < 0) {
				return -1;
			}
			i = nd->end;
			break;
		case N_INVERTED:
			if (!truthy(lookup(r, nd)) && render_range(r, i + 1, nd->end) < 0)
				return -1;
			i = nd->end;
			break;
		}
	}
	return r->out->len - r->start > TMPL_RENDER_MAX ? -1 : 0;
}

int tmpl_render(const struct tmpl *t, const struct tmpl_data *d, struct bytebuf *out,
                struct ikm_err *err)
{
	struct render r = {.t = t, .out = out, .start = out->len};

	if (d != NULL)
		r.ctx[r.nctx++] = d;
	if (render_range(&r, 0, t->n) < 0) {
		out->len = r.start;
		if (out->p != NULL)
			out->p[out->len] = '\0';
		return err_set(err, IKM_ELIMIT,
		               "%s: hasil lebih dari %u byte / output larger than %u bytes",
		               t->name, TMPL_RENDER_MAX, TMPL_RENDER_MAX);
	}
	/* An empty render still leaves out a string. */
	bytebuf_add(out, NULL, 0);
	return 0;
}
