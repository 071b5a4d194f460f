/* doc_pdf_table: DOC_TABLE in the PDF renderer — a ruled grid over the
 * full text width, a grey bold header row repeated at the top of every page
 * the table spans, rows that never split.
 *
 * Speed: a PangoLayout per cell would be made and freed 22 000 times for
 * 2 000 rows x 11 columns. Instead one layout per column is made once per
 * table and reused for every row (set_text, measure, draw), and the header
 * cells have their own layouts, laid out once and drawn again on each page. */
#include <stdlib.h>
#include <string.h>

#include "doc_pdf_int.h"

#define TABLE_SIZE   10.0 /* points, normal tables */
#define COMPACT_SIZE 8.0  /* points, `compact` tables */
#define PAD_X        3.5  /* cell padding, left and right */
#define PAD_Y        2.0  /* cell padding, top and bottom */
#define RULE         0.5  /* grid line width */
#define HEAD_GREY    0.88 /* header fill */
#define CAPTION_GAP  4.0  /* caption to table */
#define TABLE_AFTER  12.0 /* table to the next block */

struct tab {
	struct pdf *p;
	const struct doc_table *t;
	double x[DOC_MAX_COLS + 1]; /* column edges */
	PangoContext *ctx;
	PangoFontDescription *font[2];   /* regular, bold */
	PangoLayout *head[DOC_MAX_COLS]; /* header cells, laid out once */
	PangoLayout *cell[DOC_MAX_COLS]; /* body cells of the current row */
	int bold;                        /* weight the body layouts have now */
	double head_h;                   /* header row height with padding */
	double top;                      /* where the rules start on this page */
};

static PangoFontDescription *font_new(double size, int bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(BODY_FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

/* A cell layout: wrapped to the column's inner width; text past max_h (a
 * cell taller than a page) is cut with an ellipsis, so a row always fits
 * on a page and never splits. */
static PangoLayout *cell_layout(struct tab *tb, int c, int bold, PangoAlignment align, double max_h)
{
	PangoLayout *l = pango_layout_new(tb->ctx);
	double w = tb->x[c + 1] - tb->x[c] - 2 * PAD_X;

	pango_layout_set_font_description(l, tb->font[bold]);
	pango_layout_set_width(l, (int)((w > 1 ? w : 1) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_height(l, (int)(max_h * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	return l;
}

static PangoAlignment pango_align(enum doc_align a)
{
	if (a == DOC_ALIGN_CENTER)
		return PANGO_ALIGN_CENTER;
	if (a == DOC_ALIGN_RIGHT)
		return PANGO_ALIGN_RIGHT;
	return PANGO_ALIGN_LEFT;
}

/* Lay out body row r in the column layouts; returns its height. */
static double row_height(struct tab *tb, int r)
{
	const struct doc_table *t = tb->t;
	char *const *cells = t->cell + (size_t)r * (size_t)t->ncols;
	int bold = t->bold[r] != 0, hmax = 0;

	if (bold != tb->bold) {
		for (int c = 0; c < t->ncols; c++)
			pango_layout_set_font_description(tb->cell[c], tb->font[bold]);
		tb->bold = bold;
	}
	for (int c = 0; c < t->ncols; c++) {
		int h;

		/* Columns of categories repeat from row to row: the layout of
		 * the same text (and weight) is still good. */
		if (strcmp(pango_layout_get_text(tb->cell[c]), cells[c]) != 0)
			pango_layout_set_text(tb->cell[c], cells[c], -1);
		pango_layout_get_size(tb->cell[c], NULL, &h);
		if (h > hmax)
			hmax = h;
	}
	return (double)hmax / PANGO_SCALE + 2 * PAD_Y;
}

/* Draw the laid-out cells l[] of a row at p->y, height h (vertically
 * centred or top-aligned), and the rule under it; advances p->y. */
static void draw_row(struct tab *tb, PangoLayout *const *l, double h, int centre)
{
	cairo_t *cr = tb->p->cr;
	double y = tb->p->y;

	for (int c = 0; c < tb->t->ncols; c++) {
		double dy = PAD_Y;

		if (pango_layout_get_text(l[c])[0] == '\0')
			continue;
		if (centre) {
			int lh;

			pango_layout_get_size(l[c], NULL, &lh);
			dy = (h - (double)lh / PANGO_SCALE) / 2;
		}
		cairo_move_to(cr, tb->x[c] + PAD_X, y + dy);
		pango_cairo_show_layout(cr, l[c]);
	}
	cairo_move_to(cr, tb->x[0], y + h);
	cairo_line_to(cr, tb->x[tb->t->ncols], y + h);
	cairo_stroke(cr);
	tb->p->y = y + h;
	tb->p->page_used = 1;
}

/* The header row at p->y: grey fill, top rule, bold centred cells. */
static void draw_head(struct tab *tb)
{
	cairo_t *cr = tb->p->cr;
	double x0 = tb->x[0], x1 = tb->x[tb->t->ncols], y = tb->p->y;

	cairo_set_source_rgb(cr, HEAD_GREY, HEAD_GREY, HEAD_GREY);
	cairo_rectangle(cr, x0, y, x1 - x0, tb->head_h);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
	tb->top = y;
	draw_row(tb, tb->head, tb->head_h, 1);
}

/* The column rules from the header top to the last row on this page. */
static void draw_columns(struct tab *tb)
{
	cairo_t *cr = tb->p->cr;

	for (int c = 0; c <= tb->t->ncols; c++) {
		cairo_move_to(cr, tb->x[c], tb->top);
		cairo_line_to(cr, tb->x[c], tb->p->y);
	}
	cairo_stroke(cr);
}

/* Column edges over the full text width, proportional to t->width. */
static void columns(struct tab *tb)
{
	const struct doc_table *t = tb->t;
	double total = 0, acc = 0;

	for (int c = 0; c < t->ncols; c++)
		total += t->width[c] > 0 ? t->width[c] : 1.0;
	tb->x[0] = MARGIN_L;
	for (int c = 0; c < t->ncols; c++) {
		acc += t->width[c] > 0 ? t->width[c] : 1.0;
		tb->x[c + 1] = MARGIN_L + TEXT_W * acc / total;
	}
	tb->x[t->ncols] = MARGIN_L + TEXT_W;
}

void doc_pdf_table(struct pdf *p, const struct doc_block *k)
{
	const struct doc_table *t = k->table;
	struct tab tb = {.p = p, .t = t};
	double size = t->compact ? COMPACT_SIZE : TABLE_SIZE;
	double bottom = PAGE_H - MARGIN_B, h = 0, cap = 0;
	int hmax = 0, on_page = 0;

	columns(&tb);
	tb.ctx = pango_cairo_create_context(p->cr);
	tb.font[0] = font_new(size, 0);
	tb.font[1] = font_new(size, 1);
	/* The header takes at most a third of a page, a row the rest. */
	for (int c = 0; c < t->ncols; c++) {
		int lh;

		tb.head[c] = cell_layout(&tb, c, 1, PANGO_ALIGN_CENTER, TEXT_H / 3 - 2 * PAD_Y);
		pango_layout_set_text(tb.head[c], t->head[c], -1);
		pango_layout_get_size(tb.head[c], NULL, &lh);
		if (lh > hmax)
			hmax = lh;
	}
	tb.head_h = (double)hmax / PANGO_SCALE + 2 * PAD_Y;
	for (int c = 0; c < t->ncols; c++)
		tb.cell[c] = cell_layout(&tb, c, 0, pango_align(t->align[c]),
		                         TEXT_H - tb.head_h - 2 * PAD_Y - 1);
	/* Caption, header and the first row stay together. */
	if (t->nrows > 0)
		h = row_height(&tb, 0);
	if (k->text[0] != '\0')
		cap = doc_pdf_centred_height(p, k->text, CAPTION_SIZE, 1) + CAPTION_GAP;
	if (p->y + cap + tb.head_h + h > bottom && p->page_used)
		doc_pdf_new_page(p);
	if (k->text[0] != '\0') {
		doc_pdf_centred(p, k->text, CAPTION_SIZE, 1);
		p->y += CAPTION_GAP;
	}
	cairo_save(p->cr);
	cairo_set_line_width(p->cr, RULE);
	cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_SQUARE);
	draw_head(&tb);
	for (int r = 0; r < t->nrows; r++) {
		if (r > 0)
			h = row_height(&tb, r);
		/* A row that does not fit goes to the next page, under the
		 * header again (never a header alone: on_page > 0). */
		if (p->y + h > bottom && on_page > 0) {
			draw_columns(&tb);
			doc_pdf_new_page(p);
			draw_head(&tb);
			on_page = 0;
		}
		draw_row(&tb, tb.cell, h, 0);
		on_page++;
	}
	draw_columns(&tb);
	cairo_restore(p->cr);
	p->y += TABLE_AFTER;
	for (int c = 0; c < t->ncols; c++) {
		g_object_unref(tb.head[c]);
		g_object_unref(tb.cell[c]);
	}
	pango_font_description_free(tb.font[0]);
	pango_font_description_free(tb.font[1]);
	g_object_unref(tb.ctx);
}
