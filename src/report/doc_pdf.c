/* doc_pdf: render a document model to an A4 PDF with cairo and pango.
 * Fonts are the DejaVu families, subset and embedded by cairo, so the text
 * can be extracted (pdftotext) and prints the same everywhere. Paragraphs
 * and list items are laid out line by line and break across pages; tables
 * are in doc_pdf_table.c. */
#include "doc_pdf.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "doc_pdf_int.h"
#include "logo.h"
#include "xalloc.h"

/* Points from the left margin to a list item's text. */
#define LIST_INDENT  22.0
#define LOGO_H       (2.2 * PT_PER_CM)            /* letterhead logo height */
#define COVER_LOGO_H (4.0 * PT_PER_CM)            /* cover logo height */
#define COVER_TOP    (MARGIN_T + 1.5 * PT_PER_CM) /* first cover title line */
#define COVER_TITLE  16.0                         /* cover title lines, points */
#define COVER_FOOT   13.0                         /* cover foot lines, points */
#define CHAPTER_SIZE 13.0                         /* chapter label and title, points */
#define FIGURE_GAP   6.0                          /* figure to its caption */
#define LOGO_MAX_PX  8192                         /* named limit: logo width or height in pixels */
/* Page numbers: 10 pt, centred under the text, the baseline 1.2 cm above
 * the page edge — inside the 2 cm bottom margin, clear of the edge (the
 * footer band tests/e2e/page_check.py allows). */
#define FOOT_SIZE     10.0
#define FOOT_BASELINE (PAGE_H - 1.2 * PT_PER_CM)

/* A layout of `markup` (pango markup) in font `size`, `bold`, width w. */
static PangoLayout *layout_new(struct pdf *p, const char *markup, double size, int bold, double w,
                               PangoAlignment align, int justify)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(BODY_FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_justify(l, justify);
	pango_layout_set_markup(l, markup, -1);
	return l;
}

/* Page numbers count every page but a cover page: with a cover first, the
 * page after it is 1. The number is drawn when the page is finished. */
static void finish_page(struct pdf *p)
{
	char num[16];
	PangoLayout *l;

	if (p->cover)
		return;
	p->pageno++;
	if (!p->page_numbers)
		return;
	snprintf(num, sizeof(num), "%d", p->pageno);
	l = layout_new(p, num, FOOT_SIZE, 0, TEXT_W, PANGO_ALIGN_CENTER, 0);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, MARGIN_L,
	              FOOT_BASELINE - (double)pango_layout_get_baseline(l) / PANGO_SCALE);
	pango_cairo_show_layout(p->cr, l);
	cairo_restore(p->cr);
	g_object_unref(l);
}

void doc_pdf_new_page(struct pdf *p)
{
	finish_page(p);
	cairo_show_page(p->cr);
	p->y = MARGIN_T;
	p->page_used = 0;
	p->cover = 0;
	p->break_pending = 0;
}

/* Draw a layout at x, line by line, breaking pages as needed. */
static void draw_lines(struct pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		PangoRectangle logical;
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		double h, baseline;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		h = (double)logical.height / PANGO_SCALE * 1.15;
		if (p->y + h > PAGE_H - MARGIN_B && p->page_used)
			doc_pdf_new_page(p);
		baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE -
		           (double)logical.y / PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)logical.x / PANGO_SCALE, p->y + baseline);
		pango_cairo_show_layout_line(p->cr, line);
		p->y += h;
		p->page_used = 1;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* Pango markup of a paragraph's runs (text escaped). */
static char *para_markup(const struct doc_para *para)
{
	struct bytebuf out = {0};

	for (int i = 0; i < para->nruns; i++) {
		char *esc = g_markup_escape_text(para->runs[i].text, -1);

		bytebuf_puts(&out, para->runs[i].bold ? "<b>" : "");
		bytebuf_puts(&out, esc);
		bytebuf_puts(&out, para->runs[i].bold ? "</b>" : "");
		g_free(esc);
	}
	return bytebuf_take(&out, NULL);
}

static char *escape(const char *s)
{
	char *esc = g_markup_escape_text(s, -1);
	char *out = xstrdup(esc);

	g_free(esc);
	return out;
}

static void text_block(struct pdf *p, const char *text, double size, int bold, double x, double w,
                       PangoAlignment align)
{
	char *m = escape(text);
	PangoLayout *l = layout_new(p, m, size, bold, w, align, 0);

	draw_lines(p, l, x);
	g_object_unref(l);
	free(m);
}

/* A PNG in memory, read by cairo through read_mem. */
struct mem_png {
	const unsigned char *data;
	size_t len, pos;
};

static cairo_status_t read_mem(void *closure, unsigned char *buf, unsigned int n)
{
	struct mem_png *m = closure;

	if (m->len - m->pos < n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return CAIRO_STATUS_SUCCESS;
}

/* The logo at path as an image surface (logo_read checks the file and its
 * size), or NULL with err set. */
static cairo_surface_t *logo_surface(const char *path, struct ikm_err *err)
{
	struct mem_png m = {0};
	unsigned char *data;
	uint32_t w, h;
	cairo_surface_t *img;

	if (logo_read(path, &data, &m.len, &w, &h, err) != 0)
		return NULL;
	if (w > LOGO_MAX_PX || h > LOGO_MAX_PX) {
		free(data);
		err_set(
		    err, IKM_ELIMIT,
		    "%s: logo lebih besar dari %d x %d piksel / logo larger than %d x %d pixels",
		    path, LOGO_MAX_PX, LOGO_MAX_PX, LOGO_MAX_PX, LOGO_MAX_PX);
		return NULL;
	}
	m.data = data;
	img = cairo_image_surface_create_from_png_stream(read_mem, &m);
	free(data);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS ||
	    cairo_image_surface_get_height(img) <= 0) {
		cairo_surface_destroy(img);
		err_set(err, IKM_EDATA,
		        "%s: logo PNG tidak dapat dibaca / cannot read the logo PNG", path);
		return NULL;
	}
	return img;
}

/* Paint img at x, y scaled by sc. */
static void paint_image(struct pdf *p, cairo_surface_t *img, double x, double y, double sc)
{
	cairo_save(p->cr);
	cairo_translate(p->cr, x, y);
	cairo_scale(p->cr, sc, sc);
	cairo_set_source_surface(p->cr, img, 0, 0);
	cairo_paint(p->cr);
	cairo_restore(p->cr);
}

static int letterhead(struct pdf *p, const struct doc_block *k, struct ikm_err *err)
{
	double x = MARGIN_L, w = TEXT_W, top = p->y;

	if (k->logo != NULL) {
		cairo_surface_t *img = logo_surface(k->logo, err);
		double iw, sc;

		if (img == NULL)
			return -1;
		iw = cairo_image_surface_get_width(img);
		sc = LOGO_H / cairo_image_surface_get_height(img);
		paint_image(p, img, MARGIN_L, top, sc);
		/* Keep the text centred on the page, clear of the logo. */
		x = MARGIN_L + iw * sc + 8;
		w = TEXT_W - 2 * (iw * sc + 8);
		cairo_surface_destroy(img);
	}
	if (k->lines[0][0] != '\0')
		text_block(p, k->lines[0], 13, 1, x, w, PANGO_ALIGN_CENTER);
	if (k->lines[1][0] != '\0')
		text_block(p, k->lines[1], 15, 1, x, w, PANGO_ALIGN_CENTER);
	for (int i = 2; i < k->nlines; i++)
		text_block(p, k->lines[i], 9.5, 0, x, w, PANGO_ALIGN_CENTER);
	if (k->logo != NULL && p->y < top + LOGO_H)
		p->y = top + LOGO_H;
	/* The double rule of an Indonesian letterhead: thick, then thin. */
	p->y += 4;
	cairo_set_line_width(p->cr, 2.0);
	cairo_move_to(p->cr, MARGIN_L, p->y);
	cairo_line_to(p->cr, PAGE_W - MARGIN_R, p->y);
	cairo_stroke(p->cr);
	cairo_set_line_width(p->cr, 0.6);
	cairo_move_to(p->cr, MARGIN_L, p->y + 3);
	cairo_line_to(p->cr, PAGE_W - MARGIN_R, p->y + 3);
	cairo_stroke(p->cr);
	p->y += 18;
	return 0;
}

void doc_pdf_centred(struct pdf *p, const char *text, double size, int bold)
{
	text_block(p, text, size, bold, MARGIN_L, TEXT_W, PANGO_ALIGN_CENTER);
}

double doc_pdf_centred_height(struct pdf *p, const char *text, double size, int bold)
{
	char *m = escape(text);
	PangoLayout *l = layout_new(p, m, size, bold, TEXT_W, PANGO_ALIGN_CENTER, 0);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double h = 0;

	do {
		PangoRectangle logical;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		h += (double)logical.height / PANGO_SCALE * 1.15; /* as draw_lines */
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	free(m);
	return h;
}

/* A cover page of its own: title lines at the top, the logo in the middle,
 * foot lines ending at the bottom margin. No page number. */
static int cover(struct pdf *p, const struct doc_block *k, struct ikm_err *err)
{
	cairo_surface_t *img = NULL;
	double foot = 0, y;

	if (k->logo != NULL && (img = logo_surface(k->logo, err)) == NULL)
		return -1;
	if (p->page_used)
		doc_pdf_new_page(p);
	p->cover = 1;
	p->y = COVER_TOP;
	for (int i = 0; i < k->ntop; i++) {
		doc_pdf_centred(p, k->lines[i], COVER_TITLE, 1);
		p->y += 4;
	}
	if (img != NULL) {
		double iw = cairo_image_surface_get_width(img);
		double ih = cairo_image_surface_get_height(img);
		double sc = iw * COVER_LOGO_H / ih > TEXT_W ? TEXT_W / iw : COVER_LOGO_H / ih;

		y = (PAGE_H - ih * sc) / 2;
		if (y < p->y + 12)
			y = p->y + 12;
		paint_image(p, img, MARGIN_L + (TEXT_W - iw * sc) / 2, y, sc);
		p->y = y + ih * sc + 12;
		cairo_surface_destroy(img);
	}
	for (int i = k->ntop; i < k->nlines; i++)
		foot += doc_pdf_centred_height(p, k->lines[i], COVER_FOOT, 1) + 4;
	y = PAGE_H - MARGIN_B - foot;
	if (y > p->y)
		p->y = y;
	for (int i = k->ntop; i < k->nlines; i++) {
		doc_pdf_centred(p, k->lines[i], COVER_FOOT, 1);
		p->y += 4;
	}
	p->page_used = 1;
	p->break_pending = 1;
	return 0;
}

static void chapter(struct pdf *p, const struct doc_block *k)
{
	if (p->page_used)
		doc_pdf_new_page(p);
	if (k->text[0] != '\0')
		doc_pdf_centred(p, k->text, CHAPTER_SIZE, 1);
	p->y += 2;
	if (k->nlines > 0 && k->lines[0][0] != '\0')
		doc_pdf_centred(p, k->lines[0], CHAPTER_SIZE, 1);
	p->y += 20;
	p->page_used = 1;
}

/* A figure: f->w x f->h points (scaled down to the text width and page
 * height), centred, clipped to its box, captioned below. */
static int figure(struct pdf *p, const struct doc_block *k, struct ikm_err *err)
{
	const struct doc_figure *f = k->figure;
	double w = f->w, h = f->h, cap = 0;
	cairo_status_t st;

	if (!(w > 0 && h > 0))
		w = h = 0;
	if (w > TEXT_W) {
		h *= TEXT_W / w;
		w = TEXT_W;
	}
	if (k->text[0] != '\0')
		cap = FIGURE_GAP + doc_pdf_centred_height(p, k->text, CAPTION_SIZE, 1);
	if (h > 0 && h + cap > TEXT_H && TEXT_H - cap > 0) {
		w *= (TEXT_H - cap) / h;
		h = TEXT_H - cap;
	}
	if (p->y + h + cap > PAGE_H - MARGIN_B && p->page_used)
		doc_pdf_new_page(p);
	if (h > 0 && f->draw != NULL) {
		cairo_save(p->cr);
		cairo_translate(p->cr, MARGIN_L + (TEXT_W - w) / 2, p->y);
		cairo_rectangle(p->cr, 0, 0, w, h);
		cairo_clip(p->cr);
		cairo_new_path(p->cr);
		f->draw(p->cr, w, h, f->data);
		cairo_restore(p->cr);
		st = cairo_status(p->cr);
		if (st != CAIRO_STATUS_SUCCESS)
			return err_set(err, IKM_EIO,
			               "gambar gagal digambar / drawing a figure failed: %s",
			               cairo_status_to_string(st));
	}
	p->y += h;
	p->page_used = 1;
	if (k->text[0] != '\0') {
		p->y += FIGURE_GAP;
		doc_pdf_centred(p, k->text, CAPTION_SIZE, 1);
	}
	p->y += 12;
	return 0;
}

static void list(struct pdf *p, const struct doc_block *k)
{
	for (int i = 0; i < k->nitems; i++) {
		char label[16];
		char *m = para_markup(&k->items[i]);
		/* Items are narrow: ragged right reads better than wide gaps. */
		PangoLayout *l =
		    layout_new(p, m, BODY_SIZE, 0, TEXT_W - LIST_INDENT, PANGO_ALIGN_LEFT, 0);
		PangoLayout *lab;
		PangoRectangle first;
		double y0;

		if (k->style == DOC_LIST_LETTERED && i < 26)
			snprintf(label, sizeof(label), "%c.", 'a' + i);
		else if (k->style == DOC_LIST_LETTERED)
			snprintf(label, sizeof(label), "%d.", i + 1);
		else
			snprintf(label, sizeof(label), "\xE2\x80\xA2"); /* bullet */
		/* Keep the label with the first line of its item. */
		pango_layout_line_get_extents(pango_layout_get_line_readonly(l, 0), NULL, &first);
		if (p->y + first.height / PANGO_SCALE * 1.15 > PAGE_H - MARGIN_B)
			doc_pdf_new_page(p);
		y0 = p->y;
		lab = layout_new(p, label, BODY_SIZE, 0, LIST_INDENT, PANGO_ALIGN_LEFT, 0);
		cairo_move_to(p->cr, MARGIN_L + 4, y0);
		pango_cairo_show_layout(p->cr, lab);
		g_object_unref(lab);
		draw_lines(p, l, MARGIN_L + LIST_INDENT);
		p->y += 3;
		g_object_unref(l);
		free(m);
	}
	p->y += 6;
}

static void signature(struct pdf *p, const struct doc_block *k)
{
	double x = MARGIN_L + TEXT_W * 0.5, w = TEXT_W * 0.5;
	double need = 120;

	if (p->y + need > PAGE_H - MARGIN_B)
		doc_pdf_new_page(p);
	p->y += 12;
	if (k->lines[0][0] != '\0')
		text_block(p, k->lines[0], BODY_SIZE, 0, x, w, PANGO_ALIGN_CENTER);
	if (k->lines[1][0] != '\0')
		text_block(p, k->lines[1], BODY_SIZE, 1, x, w, PANGO_ALIGN_CENTER);
	p->y += 56; /* room for the signature and stamp */
	if (k->lines[2][0] != '\0') {
		char *esc = escape(k->lines[2]);
		size_t n = strlen(esc) + 16;
		char *m = xmalloc(n);
		PangoLayout *l;

		snprintf(m, n, "<u>%s</u>", esc);
		l = layout_new(p, m, BODY_SIZE, 1, w, PANGO_ALIGN_CENTER, 0);
		draw_lines(p, l, x);
		g_object_unref(l);
		free(m);
		free(esc);
	}
	if (k->lines[3][0] != '\0')
		text_block(p, k->lines[3], BODY_SIZE, 0, x, w, PANGO_ALIGN_CENTER);
}

static int render(struct pdf *p, const struct doc *d, struct ikm_err *err)
{
	for (int b = 0; b < d->nblocks; b++) {
		const struct doc_block *k = &d->blocks[b];

		if (p->break_pending)
			doc_pdf_new_page(p);
		switch (k->kind) {
		case DOC_LETTERHEAD:
			if (letterhead(p, k, err) < 0)
				return -1;
			break;
		case DOC_TITLE:
			text_block(p, k->text, 12, 1, MARGIN_L, TEXT_W, PANGO_ALIGN_CENTER);
			p->y += 12;
			break;
		case DOC_HEADING: {
			char buf[512];

			snprintf(buf, sizeof(buf), "%s%s", k->mark ? "\xE2\x9C\x93 " : "", k->text);
			p->y += 4;
			/* A heading never ends a page alone. */
			if (p->y + 60 > PAGE_H - MARGIN_B)
				doc_pdf_new_page(p);
			text_block(p, buf, BODY_SIZE + 0.5, 1, MARGIN_L, TEXT_W, PANGO_ALIGN_LEFT);
			p->y += 6;
			break;
		}
		case DOC_PARA: {
			char *m = para_markup(&k->para);
			PangoLayout *l =
			    layout_new(p, m, BODY_SIZE, 0, TEXT_W, PANGO_ALIGN_LEFT, 1);

			draw_lines(p, l, MARGIN_L);
			p->y += 8;
			g_object_unref(l);
			free(m);
			break;
		}
		case DOC_LIST:
			list(p, k);
			break;
		case DOC_SIGNATURE:
			signature(p, k);
			break;
		case DOC_COVER:
			if (cover(p, k, err) < 0)
				return -1;
			break;
		case DOC_CHAPTER:
			chapter(p, k);
			break;
		case DOC_PAGEBREAK:
			/* Lazily: a break at the end makes no empty page. */
			if (p->page_used)
				p->break_pending = 1;
			break;
		case DOC_TABLE:
			doc_pdf_table(p, k);
			break;
		case DOC_FIGURE:
			if (figure(p, k, err) < 0)
				return -1;
			break;
		}
	}
	return 0;
}

int doc_pdf_save(const struct doc *d, const char *path, struct ikm_err *err)
{
	char tmp[4096];
	struct pdf p = {0};
	int rc = -1;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return err_set(err, IKM_EUSAGE, "%s: nama berkas terlalu panjang / path too long",
		               path);
	p.surface = cairo_pdf_surface_create(tmp, PAGE_W, PAGE_H);
	if (cairo_surface_status(p.surface) != CAIRO_STATUS_SUCCESS) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        cairo_status_to_string(cairo_surface_status(p.surface)));
		cairo_surface_destroy(p.surface);
		remove(tmp);
		return -1;
	}
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, doc_display_title(d));
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "ikm");
	p.cr = cairo_create(p.surface);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	p.y = MARGIN_T;
	p.page_numbers = d->page_numbers;
	if (render(&p, d, err) < 0)
		goto out;
	finish_page(&p);
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	p.cr = NULL;
	cairo_surface_finish(p.surface);
	if (cairo_surface_status(p.surface) != CAIRO_STATUS_SUCCESS) {
		err_set(err, IKM_EIO, "%s: gagal menulis PDF / PDF write failed: %s", path,
		        cairo_status_to_string(cairo_surface_status(p.surface)));
		goto out;
	}
	if (rename(tmp, path) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (p.cr != NULL)
		cairo_destroy(p.cr);
	cairo_surface_destroy(p.surface);
	if (rc < 0)
		remove(tmp);
	return rc;
}
