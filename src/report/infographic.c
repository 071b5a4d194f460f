/* infographic: the A4 portrait IKM poster (see infographic.h). The page is
 * drawn once, in points, by draw_poster; the surface alone differs per
 * format (cairo-pdf, cairo-svg, or an image surface scaled to 150 dpi and
 * written as PNG). Text is DejaVu Sans through pango, so the PDF text can
 * be extracted and every format looks the same. */
#include "infographic.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "chart.h"
#include "drawfmt.h"
#include "idfmt.h"

#define PAGE_W       595.276 /* A4 in points */
#define PAGE_H       841.890
#define MARGIN       54.0
#define TEXT_W       (PAGE_W - 2 * MARGIN)
#define PNG_DPI      150.0
#define FONT         "DejaVu Sans"
#define PATH_MAX_LEN 4096 /* named limit: output path length */

enum format { FMT_PDF, FMT_PNG, FMT_SVG };

struct rgb {
	double r, g, b;
};

static const struct rgb INK = {0.12, 0.12, 0.12};
static const struct rgb MUTED = {0.38, 0.38, 0.38};

/* One accent colour per mutu: A green, B blue, C orange, D red. */
static struct rgb accent_of(char mutu)
{
	switch (mutu) {
	case 'A':
		return (struct rgb){0.05, 0.50, 0.32};
	case 'B':
		return (struct rgb){0.10, 0.40, 0.70};
	case 'C':
		return (struct rgb){0.80, 0.40, 0.00};
	default:
		return (struct rgb){0.72, 0.15, 0.13};
	}
}

static void set_rgb(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static int empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/* A centred or left-aligned block of plain text, width w, wrapped; a
 * non-NULL `lead` is set in bold before the text; w <= 0 means one
 * unwrapped line. Caller unrefs. */
static PangoLayout *block(cairo_t *cr, const char *lead, const char *text, double size, int bold,
                          double w, PangoAlignment align)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	if (lead == NULL) {
		pango_layout_set_text(l, text, -1);
	} else {
		char *m = g_markup_printf_escaped("<b>%s</b> %s", lead, text);

		pango_layout_set_markup(l, m, -1);
		g_free(m);
	}
	return l;
}

static double layout_h(PangoLayout *l)
{
	PangoRectangle logical;

	pango_layout_get_extents(l, NULL, &logical);
	return (double)logical.height / PANGO_SCALE;
}

static double layout_w(PangoLayout *l)
{
	PangoRectangle logical;

	pango_layout_get_extents(l, NULL, &logical);
	return (double)logical.width / PANGO_SCALE;
}

/* Draw a centred line of text across the text width at y; returns the
 * height used. */
static double centred(cairo_t *cr, const char *text, double size, int bold, double y)
{
	PangoLayout *l = block(cr, NULL, text, size, bold, TEXT_W, PANGO_ALIGN_CENTER);
	double h = layout_h(l);

	cairo_move_to(cr, MARGIN, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	return h;
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
	cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

/* The headline card: "NILAI IKM", the index very large, a "Mutu A" badge
 * beside the kinerja in capitals, and the respondents. Returns the bottom. */
static double headline(cairo_t *cr, const struct score_result *res, struct rgb acc, double y)
{
	char ikm[32], n[32], resp[64], mutu[16];
	char *kinerja = g_utf8_strup(res->kinerja != NULL ? res->kinerja : "", -1);
	PangoLayout *label, *big, *badge, *kin, *count;
	double top = y, bw, kw, bh, gap = 12, rowx, card_h;

	idfmt_fixed(ikm, sizeof(ikm), res->ikm_e2, 2);
	snprintf(mutu, sizeof(mutu), "Mutu %c", res->mutu);
	snprintf(resp, sizeof(resp), "%s responden",
	         idfmt_int(n, sizeof(n), (int64_t)res->respondents));
	label = block(cr, NULL, "NILAI IKM", 11, 1, TEXT_W, PANGO_ALIGN_CENTER);
	big = block(cr, NULL, ikm, 92, 1, TEXT_W, PANGO_ALIGN_CENTER);
	badge = block(cr, NULL, mutu, 16, 1, -1, PANGO_ALIGN_LEFT);
	kin = block(cr, NULL, kinerja, 20, 1, -1, PANGO_ALIGN_LEFT);
	count = block(cr, NULL, resp, 13, 0, TEXT_W, PANGO_ALIGN_CENTER);
	bw = layout_w(badge) + 24;
	bh = layout_h(badge) + 10;
	kw = layout_w(kin);
	card_h = 18 + layout_h(label) + layout_h(big) + bh + 14 + layout_h(count) + 20;

	/* Card first (tinted), then its content on top. */
	cairo_set_source_rgba(cr, acc.r, acc.g, acc.b, 0.07);
	rounded_rect(cr, MARGIN, top, TEXT_W, card_h, 14);
	cairo_fill(cr);

	y += 18;
	set_rgb(cr, MUTED);
	cairo_move_to(cr, MARGIN, y);
	pango_cairo_show_layout(cr, label);
	y += layout_h(label);
	set_rgb(cr, acc);
	cairo_move_to(cr, MARGIN, y);
	pango_cairo_show_layout(cr, big);
	y += layout_h(big);

	rowx = (PAGE_W - (bw + gap + kw)) / 2;
	rounded_rect(cr, rowx, y, bw, bh, bh / 2);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_move_to(cr, rowx + 12, y + 5);
	pango_cairo_show_layout(cr, badge);
	set_rgb(cr, acc);
	cairo_move_to(cr, rowx + bw + gap, y + (bh - layout_h(kin)) / 2);
	pango_cairo_show_layout(cr, kin);
	y += bh + 14;

	set_rgb(cr, INK);
	cairo_move_to(cr, MARGIN, y);
	pango_cairo_show_layout(cr, count);

	g_object_unref(label);
	g_object_unref(big);
	g_object_unref(badge);
	g_object_unref(kin);
	g_object_unref(count);
	g_free(kinerja);
	return top + card_h;
}

/* Method line at the foot: the regulation, or the non-standard weights. */
static void footer(cairo_t *cr, const struct instrument *in, double y)
{
	char line[256];

	if (in->method != INSTR_METHOD_STANDARD)
		snprintf(line, sizeof(line),
		         "Metode NON-STANDAR: bobot unsur %s (%s), bukan 1/k PermenPAN-RB No. 14 "
		         "Tahun 2017",
		         in->method == INSTR_METHOD_LEGACY_0111 ? "0,111" : "0,11",
		         instr_method_label(in));
	else if (in->custom_weights)
		snprintf(line, sizeof(line),
		         "Survei Kepuasan Masyarakat menurut PermenPAN-RB No. 14 Tahun 2017, "
		         "dengan bobot unsur yang ditetapkan unit; skala IKM 25\xE2\x80\x93"
		         "100");
	else
		snprintf(line, sizeof(line),
		         "Survei Kepuasan Masyarakat menurut PermenPAN-RB No. 14 Tahun 2017; "
		         "skala IKM 25\xE2\x80\x93"
		         "100, bobot unsur sama (1/%d)",
		         in->k);
	set_rgb(cr, MUTED);
	centred(cr, line, 7.5, 0, y);
}

/* The whole page, in points, on any surface. */
static void draw_poster(cairo_t *cr, const struct infographic_info *ii, const struct instrument *in,
                        const struct score_result *res)
{
	struct rgb acc = accent_of(res->mutu);
	PangoLayout *fu = NULL;
	double y, fu_h = 0, chart_h, foot_y = PAGE_H - 34;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	set_rgb(cr, acc);
	cairo_rectangle(cr, 0, 0, PAGE_W, 10);
	cairo_fill(cr);

	y = 40;
	set_rgb(cr, INK);
	if (!empty(ii->office))
		y += centred(cr, ii->office, 12, 0, y) + 2;
	if (!empty(ii->unit))
		y += centred(cr, ii->unit, 15, 1, y);
	y += 10;
	set_rgb(cr, acc);
	cairo_set_line_width(cr, 1.2);
	cairo_move_to(cr, PAGE_W / 2 - 60, y);
	cairo_line_to(cr, PAGE_W / 2 + 60, y);
	cairo_stroke(cr);
	y += 12;
	set_rgb(cr, INK);
	y += centred(cr, "INDEKS KEPUASAN MASYARAKAT", 21, 1, y);
	if (!empty(ii->period)) {
		set_rgb(cr, MUTED);
		y += centred(cr, ii->period, 12.5, 0, y + 2) + 2;
	}
	y = headline(cr, res, acc, y + 16) + 22;

	set_rgb(cr, INK);
	y += centred(cr, "Nilai per unsur pelayanan", 12, 1, y) + 8;

	if (!empty(ii->follow_up)) {
		const char *lead = "Tindak lanjut:";

		/* Do not say "Tindak lanjut:" twice when the text already does. */
		if (g_ascii_strncasecmp(ii->follow_up, "tindak lanjut", 13) == 0)
			lead = NULL;
		fu = block(cr, lead, ii->follow_up, 10.5, 0, TEXT_W - 32, PANGO_ALIGN_LEFT);
		fu_h = layout_h(fu) + 24;
	}
	chart_h = foot_y - 18 - (fu != NULL ? fu_h + 16 : 0) - y;
	chart_elements(cr, MARGIN, y, TEXT_W, chart_h, in, res);
	y += chart_h + 16;

	if (fu != NULL) {
		cairo_set_source_rgba(cr, acc.r, acc.g, acc.b, 0.07);
		rounded_rect(cr, MARGIN, y, TEXT_W, fu_h, 8);
		cairo_fill(cr);
		set_rgb(cr, acc);
		cairo_rectangle(cr, MARGIN, y + 6, 4, fu_h - 12);
		cairo_fill(cr);
		set_rgb(cr, INK);
		cairo_move_to(cr, MARGIN + 18, y + 12);
		pango_cairo_show_layout(cr, fu);
		g_object_unref(fu);
	}
	footer(cr, in, foot_y);
}

/* Format by extension, or -1 with a usage error naming it. */
static int format_of(const char *path, enum format *fmt, struct ikm_err *err)
{
	enum drawfmt f;

	if (drawfmt_of(path, &f, err) < 0)
		return -1;
	*fmt = f == DRAWFMT_PNG ? FMT_PNG : f == DRAWFMT_SVG ? FMT_SVG : FMT_PDF;
	return 0;
}

static cairo_surface_t *surface_new(enum format fmt, const char *tmp)
{
	cairo_surface_t *s;

	switch (fmt) {
	case FMT_PDF:
		return cairo_pdf_surface_create(tmp, PAGE_W, PAGE_H);
	case FMT_SVG:
		s = cairo_svg_surface_create(tmp, PAGE_W, PAGE_H);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS)
			cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	case FMT_PNG:
		break;
	}
	/* 595.276 pt x 150/72 = 1240 px; 841.89 pt -> 1754 px. */
	return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(PAGE_W * PNG_DPI / 72.0 + 0.5),
	                                  (int)(PAGE_H * PNG_DPI / 72.0 + 0.5));
}

int infographic_save(const struct infographic_info *ii, const struct instrument *in,
                     const struct score_result *res, const char *path, struct ikm_err *err)
{
	static const struct infographic_info none = {NULL, NULL, NULL, NULL};
	char tmp[PATH_MAX_LEN + 8], title[512];
	enum format fmt = FMT_PDF;
	cairo_surface_t *s = NULL;
	cairo_t *cr = NULL;
	cairo_status_t st;
	int rc = -1;

	if (ii == NULL)
		ii = &none;
	if (format_of(path, &fmt, err) < 0)
		return -1;
	if (strlen(path) > PATH_MAX_LEN)
		return err_set(err, IKM_ELIMIT,
		               "%.64s...: nama berkas lebih dari %d karakter / path longer than %d",
		               path, PATH_MAX_LEN, PATH_MAX_LEN);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	s = surface_new(fmt, tmp);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        cairo_status_to_string(cairo_surface_status(s)));
		goto out;
	}
	if (fmt == FMT_PDF) {
		snprintf(title, sizeof(title), "Infografis IKM%s%s%s%s", empty(ii->unit) ? "" : " ",
		         empty(ii->unit) ? "" : ii->unit, empty(ii->period) ? "" : " ",
		         empty(ii->period) ? "" : ii->period);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "ikm");
	}
	cr = cairo_create(s);
	if (fmt == FMT_PNG)
		cairo_scale(cr, PNG_DPI / 72.0, PNG_DPI / 72.0);
	draw_poster(cr, ii, in, res);
	if (fmt != FMT_PNG)
		cairo_show_page(cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cr = NULL;
	if (st == CAIRO_STATUS_SUCCESS && fmt == FMT_PNG)
		st = cairo_surface_write_to_png(s, tmp);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		err_set(err, IKM_EIO, "%s: gagal menulis infografis / write failed: %s", path,
		        cairo_status_to_string(st));
		goto out;
	}
	if (rename(tmp, path) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (cr != NULL)
		cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (rc < 0)
		remove(tmp);
	return rc;
}
