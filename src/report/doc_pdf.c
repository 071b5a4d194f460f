/* doc_pdf: render a document model to an A4 PDF with cairo and pango.
 * Fonts are the DejaVu families, subset and embedded by cairo, so the text
 * can be extracted (pdftotext) and prints the same everywhere. Paragraphs
 * and list items are laid out line by line and break across pages. */
#include "doc_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define PT_PER_CM   (72.0 / 2.54)
#define PAGE_W      595.276 /* A4 in points */
#define PAGE_H      841.890
#define MARGIN_L    (2.5 * PT_PER_CM)
#define MARGIN_R    (2.0 * PT_PER_CM)
#define MARGIN_T    (2.0 * PT_PER_CM)
#define MARGIN_B    (2.0 * PT_PER_CM)
#define TEXT_W      (PAGE_W - MARGIN_L - MARGIN_R)
#define BODY_FONT   "DejaVu Serif"
#define BODY_SIZE   11
#define LIST_INDENT 22.0 /* points from the left margin to the item text */
#define LOGO_H      (2.2 * PT_PER_CM)

struct pdf {
	cairo_t *cr;
	cairo_surface_t *surface;
	double y; /* next free vertical position */
	int page_used;
};

static void new_page(struct pdf *p)
{
	cairo_show_page(p->cr);
	p->y = MARGIN_T;
	p->page_used = 0;
}

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
			new_page(p);
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
	size_t cap = 256, len = 0;
	char *out = xmalloc(cap);

	out[0] = '\0';
	for (int i = 0; i < para->nruns; i++) {
		char *esc = g_markup_escape_text(para->runs[i].text, -1);
		size_t need = strlen(esc) + 8;

		while (len + need + 1 > cap) {
			cap *= 2;
			out = xrealloc(out, cap);
		}
		len += (size_t)snprintf(out + len, cap - len, "%s%s%s",
		                        para->runs[i].bold ? "<b>" : "", esc,
		                        para->runs[i].bold ? "</b>" : "");
		g_free(esc);
	}
	return out;
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

static int letterhead(struct pdf *p, const struct doc_block *k, struct ikm_err *err)
{
	double x = MARGIN_L, w = TEXT_W, top = p->y;

	if (k->logo != NULL) {
		cairo_surface_t *img = cairo_image_surface_create_from_png(k->logo);

		if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(img);
			return err_set(err, IKM_EDATA,
			               "%s: logo PNG tidak dapat dibaca / cannot read the logo PNG",
			               k->logo);
		}
		{
			double iw = cairo_image_surface_get_width(img);
			double ih = cairo_image_surface_get_height(img);
			double sc = ih > 0 ? LOGO_H / ih : 1;

			cairo_save(p->cr);
			cairo_translate(p->cr, MARGIN_L, top);
			cairo_scale(p->cr, sc, sc);
			cairo_set_source_surface(p->cr, img, 0, 0);
			cairo_paint(p->cr);
			cairo_restore(p->cr);
			/* Keep the text centred on the page, clear of the logo. */
			x = MARGIN_L + iw * sc + 8;
			w = TEXT_W - 2 * (iw * sc + 8);
		}
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
			new_page(p);
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
		new_page(p);
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
				new_page(p);
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
		case DOC_CHAPTER:
		case DOC_PAGEBREAK:
		case DOC_TABLE:
		case DOC_FIGURE:
			break; /* not rendered yet */
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
	if (render(&p, d, err) < 0)
		goto out;
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
