/* doc: see doc.h. Builders abort (programmer error) when a named limit is
 * exceeded: callers build documents from bounded data. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct doc *doc_new(const char *title)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->title = xstrdup(title != NULL ? title : "");
	d->blocks = xcalloc(DOC_MAX_BLOCKS, sizeof(*d->blocks));
	return d;
}

static void para_free(struct doc_para *p)
{
	for (int i = 0; i < p->nruns; i++)
		free(p->runs[i].text);
}

void doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	for (int b = 0; b < d->nblocks; b++) {
		struct doc_block *k = &d->blocks[b];

		free(k->text);
		free(k->logo);
		para_free(&k->para);
		for (int i = 0; i < k->nitems; i++)
			para_free(&k->items[i]);
		free(k->items);
		for (int i = 0; i < k->nlines; i++)
			free(k->lines[i]);
		if (k->table != NULL) {
			struct doc_table *t = k->table;

			for (int c = 0; c < t->ncols; c++)
				free(t->head[c]);
			for (size_t i = 0; i < (size_t)t->nrows * (size_t)t->ncols; i++)
				free(t->cell[i]);
			free(t->cell);
			free(t->bold);
			free(t);
		}
		if (k->figure != NULL) {
			if (k->figure->free_data != NULL)
				k->figure->free_data(k->figure->data);
			else
				free(k->figure->data);
			free(k->figure);
		}
	}
	free(d->blocks);
	free(d->title);
	free(d);
}

const char *doc_display_title(const struct doc *d)
{
	if (d->title != NULL && d->title[0] != '\0')
		return d->title;
	for (int b = 0; b < d->nblocks; b++)
		if (d->blocks[b].kind == DOC_TITLE && d->blocks[b].text != NULL &&
		    d->blocks[b].text[0] != '\0')
			return d->blocks[b].text;
	return "Dokumen";
}

static struct doc_block *add(struct doc *d, enum doc_block_kind kind)
{
	struct doc_block *k;

	if (d->nblocks >= DOC_MAX_BLOCKS)
		abort();
	k = &d->blocks[d->nblocks++];
	k->kind = kind;
	return k;
}

static void add_line(struct doc_block *k, const char *s)
{
	if (s == NULL || s[0] == '\0' || k->nlines >= DOC_MAX_LINES)
		return;
	k->lines[k->nlines++] = xstrdup(s);
}

void doc_letterhead(struct doc *d, const char *government, const char *agency,
                    const char *const *lines, int nlines, const char *logo)
{
	struct doc_block *k = add(d, DOC_LETTERHEAD);

	/* Government and agency keep their slots even when empty. */
	k->lines[k->nlines++] = xstrdup(government != NULL ? government : "");
	k->lines[k->nlines++] = xstrdup(agency != NULL ? agency : "");
	for (int i = 0; i < nlines; i++)
		add_line(k, lines[i]);
	k->logo = logo != NULL && logo[0] != '\0' ? xstrdup(logo) : NULL;
}

void doc_title(struct doc *d, const char *text)
{
	add(d, DOC_TITLE)->text = xstrdup(text);
}

void doc_heading(struct doc *d, const char *text, int mark)
{
	struct doc_block *k = add(d, DOC_HEADING);

	k->text = xstrdup(text);
	k->mark = mark;
}

void doc_para(struct doc *d)
{
	add(d, DOC_PARA);
}

void doc_list(struct doc *d, enum doc_list_style style)
{
	struct doc_block *k = add(d, DOC_LIST);

	k->style = style;
	k->items = xcalloc(DOC_MAX_ITEMS, sizeof(*k->items));
}

void doc_item(struct doc *d)
{
	struct doc_block *k = d->nblocks > 0 ? &d->blocks[d->nblocks - 1] : NULL;

	if (k == NULL || k->kind != DOC_LIST || k->nitems >= DOC_MAX_ITEMS)
		abort();
	k->nitems++;
}

void doc_text(struct doc *d, const char *text, int bold)
{
	struct doc_block *k = d->nblocks > 0 ? &d->blocks[d->nblocks - 1] : NULL;
	struct doc_para *p;

	if (k == NULL)
		abort();
	if (k->kind == DOC_PARA)
		p = &k->para;
	else if (k->kind == DOC_LIST && k->nitems > 0)
		p = &k->items[k->nitems - 1];
	else
		abort();
	if (p->nruns >= DOC_MAX_RUNS)
		abort();
	p->runs[p->nruns].text = xstrdup(text);
	p->runs[p->nruns].bold = bold;
	p->nruns++;
}

void doc_signature(struct doc *d, const char *place_date, const char *position, const char *name,
                   const char *rank_nip)
{
	struct doc_block *k = add(d, DOC_SIGNATURE);

	/* Fixed slots so renderers know which line is which. */
	k->lines[0] = xstrdup(place_date != NULL ? place_date : "");
	k->lines[1] = xstrdup(position != NULL ? position : "");
	k->lines[2] = xstrdup(name != NULL ? name : "");
	k->lines[3] = xstrdup(rank_nip != NULL ? rank_nip : "");
	k->nlines = 4;
}

void doc_cover(struct doc *d, const char *const *top, int ntop, const char *const *foot, int nfoot,
               const char *logo)
{
	struct doc_block *k = add(d, DOC_COVER);

	for (int i = 0; i < ntop; i++)
		add_line(k, top[i]);
	k->ntop = k->nlines;
	for (int i = 0; i < nfoot; i++)
		add_line(k, foot[i]);
	k->logo = logo != NULL && logo[0] != '\0' ? xstrdup(logo) : NULL;
}

void doc_chapter(struct doc *d, const char *label, const char *title)
{
	struct doc_block *k = add(d, DOC_CHAPTER);

	k->text = xstrdup(label != NULL ? label : "");
	k->lines[0] = xstrdup(title != NULL ? title : "");
	k->nlines = 1;
}

void doc_pagebreak(struct doc *d)
{
	add(d, DOC_PAGEBREAK);
}

void doc_table(struct doc *d, const char *caption, int ncols, const char *const *head,
               const double *width, const enum doc_align *align, int compact)
{
	struct doc_block *k;
	struct doc_table *t;

	if (ncols < 1 || ncols > DOC_MAX_COLS)
		abort();
	k = add(d, DOC_TABLE);
	k->text = xstrdup(caption != NULL ? caption : "");
	t = k->table = xcalloc(1, sizeof(*t));
	t->ncols = ncols;
	t->compact = compact;
	for (int c = 0; c < ncols; c++) {
		t->head[c] = xstrdup(head[c] != NULL ? head[c] : "");
		t->width[c] = width != NULL && width[c] > 0 ? width[c] : 1.0;
		t->align[c] = align != NULL ? align[c] : DOC_ALIGN_LEFT;
	}
}

void doc_row(struct doc *d, const char *const *cells, int bold)
{
	struct doc_block *k = d->nblocks > 0 ? &d->blocks[d->nblocks - 1] : NULL;
	struct doc_table *t;
	size_t base;

	if (k == NULL || k->kind != DOC_TABLE || k->table->nrows >= DOC_MAX_ROWS)
		abort();
	t = k->table;
	if (t->nrows == t->cap) {
		t->cap = t->cap == 0 ? 16 : t->cap * 2;
		t->cell =
		    xreallocarray(t->cell, (size_t)t->cap * (size_t)t->ncols, sizeof(*t->cell));
		t->bold = xreallocarray(t->bold, (size_t)t->cap, sizeof(*t->bold));
	}
	base = (size_t)t->nrows * (size_t)t->ncols;
	for (int c = 0; c < t->ncols; c++)
		t->cell[base + (size_t)c] = xstrdup(cells[c] != NULL ? cells[c] : "");
	t->bold[t->nrows++] = (unsigned char)(bold != 0);
}

void doc_figure(struct doc *d, const char *caption, double w, double h, doc_draw_fn draw,
                void *data, void (*free_data)(void *))
{
	struct doc_block *k = add(d, DOC_FIGURE);
	struct doc_figure *f = xcalloc(1, sizeof(*f));

	k->text = xstrdup(caption != NULL ? caption : "");
	f->w = w;
	f->h = h;
	f->draw = draw;
	f->data = data;
	f->free_data = free_data;
	k->figure = f;
}
