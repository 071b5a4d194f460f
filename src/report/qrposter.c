/* qrposter: the A4 portrait QR poster (see qrposter.h). A page is planned
 * first on a scratch context (text measured, the code encoded and placed),
 * then draw_poster paints the plan, in points, on any surface; the surface
 * alone differs per format (cairo-pdf, cairo-svg, or an image surface
 * scaled to 150 dpi and written as PNG), so every format shows the same
 * layout and qrposter_geometry can say where the modules are. The modules
 * are whole PNG pixels and start on a pixel edge, so the PNG is crisp.
 * Text is DejaVu through pango, as on the infographic. */
#include "qrposter.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "drawfmt.h"

#define PAGE_W       595.276 /* A4 in points */
#define PAGE_H       841.890
#define MARGIN       56.693 /* 2 cm: nothing is drawn within 1,5 cm of an edge */
#define TEXT_W       (PAGE_W - 2 * MARGIN)
#define PNG_DPI      150.0
#define PX           (72.0 / PNG_DPI) /* one PNG pixel in points */
#define FONT         "DejaVu Sans"
#define MONO         "DejaVu Sans Mono"
#define QUIET        4     /* quiet zone around the symbol, in modules */
#define CODE_MAX     340.0 /* the code with its quiet zone: at most 12 cm square */
#define FRAME_GAP    8.0   /* from the quiet zone out to the frame around it */
#define PATH_MAX_LEN 4096  /* named limit: output path length */

static const char TITLE[] = "SURVEI KEPUASAN MASYARAKAT";
static const char CTA_ID[] =
    "Pindai kode QR ini dengan ponsel Anda untuk mengisi survei (\xC2\xB1 2 menit). "
    "Jawaban Anda membantu kami memperbaiki pelayanan.";
static const char CTA_EN[] =
    "Scan this QR code with your phone to fill in the survey (about 2 minutes). "
    "Your answers help us improve the service.";

struct rgb {
	double r, g, b;
};

/* The colours: ink, a muted grey, the accent (the title's blue). */
enum { C_INK, C_MUTED, C_ACCENT };
static const struct rgb COLORS[] = {
    [C_INK] = {0.12, 0.12, 0.12},
    [C_MUTED] = {0.38, 0.38, 0.38},
    [C_ACCENT] = {0.06, 0.33, 0.58},
};

/* The texts of a poster, top down. */
enum { T_ORG, T_TITLE, T_UNIT, T_SERVICE, T_URL, T_CTA_ID, T_CTA_EN, T_COUNT };

/* How each text is set; max_lines > 0 ends a longer text in an ellipsis;
 * a verbatim text (the URL) gets no hyphen where a line breaks inside a
 * word, so it can be typed as printed. */
struct style {
	const char *font;
	double size;
	int bold, italic, max_lines, verbatim, color;
};

static const struct style STYLES[T_COUNT] = {
    [T_ORG] = {FONT, 13, 0, 0, 2, 0, C_MUTED},      [T_TITLE] = {FONT, 25, 1, 0, 0, 0, C_ACCENT},
    [T_UNIT] = {FONT, 17, 1, 0, 3, 0, C_INK},       [T_SERVICE] = {FONT, 14, 0, 0, 2, 0, C_INK},
    [T_URL] = {MONO, 9.5, 0, 0, 0, 1, C_INK},       [T_CTA_ID] = {FONT, 12.5, 0, 0, 0, 0, C_INK},
    [T_CTA_EN] = {FONT, 10.5, 0, 1, 0, 0, C_MUTED},
};

/* A planned page: the texts (NULL: left out) with the top of each, the
 * accent rule under the title, and the code with its place. */
struct plan {
	const char *text[T_COUNT];
	double y[T_COUNT];
	double rule_y;
	QRcode *qr;
	struct qrposter_geometry geo;
};

static int empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/* A centred block of text across the text width, wrapped, set as st says.
 * Metrics are unhinted and glyph positions unrounded, so a layout measures
 * the same on the scratch context, on PDF and SVG and on the scaled PNG.
 * Caller unrefs. */
static PangoLayout *text_layout(cairo_t *cr, const struct style *st, const char *text)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoContext *pc = pango_layout_get_context(l);
	PangoFontDescription *fd = pango_font_description_from_string(st->font);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(pc, FALSE);
	pango_layout_context_changed(l);

	pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
	if (st->bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (st->italic)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(TEXT_W * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	if (st->max_lines > 0) {
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, -st->max_lines);
	}
	if (st->verbatim) {
		PangoAttrList *al = pango_attr_list_new();

		pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
		pango_layout_set_attributes(l, al);
		pango_attr_list_unref(al);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

static double layout_h(PangoLayout *l)
{
	PangoRectangle logical;

	pango_layout_get_extents(l, NULL, &logical);
	return (double)logical.height / PANGO_SCALE;
}

/* v on the PNG pixel grid. */
static double snap(double v)
{
	return round(v / PX) * PX;
}

/* Encode the URL and lay the page out; p->qr is the caller's to free with
 * QRcode_free (NULL on error). qi is checked already. */
static int plan_poster(const struct qrposter_info *qi, struct plan *p, struct ikm_err *err)
{
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, NULL);
	cairo_t *cr = cairo_create(s);
	double h[T_COUNT] = {0}, y, avail, side, m, spare, qz_x, qz_y;
	int total;

	memset(p, 0, sizeof(*p));
	p->text[T_ORG] = empty(qi->org) ? NULL : qi->org;
	p->text[T_TITLE] = TITLE;
	p->text[T_UNIT] = empty(qi->unit) ? NULL : qi->unit;
	p->text[T_SERVICE] = empty(qi->service) ? NULL : qi->service;
	p->text[T_URL] = qi->url;
	p->text[T_CTA_ID] = CTA_ID;
	p->text[T_CTA_EN] = CTA_EN;
	for (int i = 0; i < T_COUNT; i++) {
		if (p->text[i] != NULL) {
			PangoLayout *l = text_layout(cr, &STYLES[i], p->text[i]);

			h[i] = layout_h(l);
			g_object_unref(l);
		}
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);

	errno = 0;
	p->qr = QRcode_encodeString(qi->url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (p->qr == NULL)
		return err_set(err, IKM_EDATA,
		               "kode QR untuk \"%.80s\" tidak dapat dibuat: %s / cannot encode the "
		               "QR code",
		               qi->url, strerror(errno != 0 ? errno : EINVAL));

	/* The head, top down: organisation, title, rule, unit, service. */
	y = MARGIN;
	if (p->text[T_ORG] != NULL) {
		p->y[T_ORG] = y;
		y += h[T_ORG] + 6;
	}
	p->y[T_TITLE] = y;
	y += h[T_TITLE] + 8;
	p->rule_y = y;
	y += 14;
	if (p->text[T_UNIT] != NULL) {
		p->y[T_UNIT] = y;
		y += h[T_UNIT] + 4;
	}
	if (p->text[T_SERVICE] != NULL) {
		p->y[T_SERVICE] = y;
		y += h[T_SERVICE];
	}
	y += 14;

	/* The code as large as the rest leaves room for (up to CODE_MAX), in
	 * whole pixels a module; the code, the address and the call to action
	 * under it are centred in the space below the head. */
	avail = PAGE_H - MARGIN - y - 2 * FRAME_GAP - 10 - h[T_URL] - 14 - h[T_CTA_ID] - 6 -
	        h[T_CTA_EN];
	side = fmin(CODE_MAX, avail);
	total = p->qr->width + 2 * QUIET;
	m = floor(side / total / PX) * PX;
	if (m < 2 * PX)
		m = 2 * PX; /* not reached within the limits of qrposter.h */
	side = m * total;
	spare = avail > side ? avail - side : 0;
	qz_x = snap((PAGE_W - side) / 2);
	qz_y = snap(y + FRAME_GAP + spare / 2);
	p->geo.modules = p->qr->width;
	p->geo.module = m;
	p->geo.x = qz_x + QUIET * m;
	p->geo.y = qz_y + QUIET * m;

	y = qz_y + side + FRAME_GAP + 10;
	p->y[T_URL] = y;
	y += h[T_URL] + 14;
	p->y[T_CTA_ID] = y;
	y += h[T_CTA_ID] + 6;
	p->y[T_CTA_EN] = y;
	return 0;
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

/* The code: a light frame around the white quiet zone, and the dark
 * modules black, one rectangle per run of them in a row, all filled as one
 * path (no seams between modules in any viewer). */
static void draw_code(cairo_t *cr, const struct plan *p)
{
	const QRcode *qr = p->qr;
	const struct qrposter_geometry *g = &p->geo;
	double m = g->module, qz = QUIET * m, side = (g->modules + 2 * QUIET) * m;

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(cr, 1.0);
	rounded_rect(cr, g->x - qz - FRAME_GAP, g->y - qz - FRAME_GAP, side + 2 * FRAME_GAP,
	             side + 2 * FRAME_GAP, 10);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, g->x - qz, g->y - qz, side, side);
	cairo_fill(cr);

	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int r = 0; r < qr->width; r++) {
		const unsigned char *row = qr->data + (size_t)r * (size_t)qr->width;

		for (int c = 0; c < qr->width;) {
			int c0 = c;

			if (!(row[c] & 1)) {
				c++;
				continue;
			}
			while (c < qr->width && (row[c] & 1))
				c++;
			cairo_rectangle(cr, g->x + c0 * m, g->y + r * m, (c - c0) * m, m);
		}
	}
	cairo_fill(cr);
	cairo_restore(cr);
}

/* The whole page, in points, on any surface. */
static void draw_poster(cairo_t *cr, const struct plan *p)
{
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	for (int i = 0; i < T_COUNT; i++) {
		const struct style *st = &STYLES[i];
		PangoLayout *l;

		if (p->text[i] == NULL)
			continue;
		l = text_layout(cr, st, p->text[i]);
		cairo_set_source_rgb(cr, COLORS[st->color].r, COLORS[st->color].g,
		                     COLORS[st->color].b);
		cairo_move_to(cr, MARGIN, p->y[i]);
		pango_cairo_show_layout(cr, l);
		g_object_unref(l);
	}
	cairo_set_source_rgb(cr, COLORS[C_ACCENT].r, COLORS[C_ACCENT].g, COLORS[C_ACCENT].b);
	cairo_set_line_width(cr, 1.5);
	cairo_move_to(cr, PAGE_W / 2 - 70, p->rule_y);
	cairo_line_to(cr, PAGE_W / 2 + 70, p->rule_y);
	cairo_stroke(cr);
	draw_code(cr, p);
}

int qrposter_format_of(const char *path, enum qrposter_format *fmt, struct ikm_err *err)
{
	enum drawfmt f;

	if (drawfmt_of(path, &f, err) < 0)
		return -1;
	*fmt = (enum qrposter_format)f;
	return 0;
}

const char *qrposter_mime(enum qrposter_format fmt)
{
	return drawfmt_mime((enum drawfmt)fmt);
}

/* One text of a poster: at most max bytes of UTF-8 without control
 * characters (and, for the URL, without spaces). NULL passes. */
static int check_text(const char *s, size_t max, int no_space, const char *what_id,
                      const char *what_en, struct ikm_err *err)
{
	size_t n;

	if (s == NULL)
		return 0;
	n = strnlen(s, max + 1);
	if (n > max)
		return err_set(err, IKM_ELIMIT, "%s lebih dari %zu byte / %s longer than %zu bytes",
		               what_id, max, what_en, max);
	if (!g_utf8_validate(s, (gssize)n, NULL))
		return err_set(err, IKM_EUSAGE,
		               "%s bukan teks UTF-8 yang sah / %s is not valid UTF-8", what_id,
		               what_en);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			return err_set(err, IKM_EUSAGE,
			               "%s memuat karakter kendali / %s holds a control character",
			               what_id, what_en);
		if (no_space && c == ' ')
			return err_set(err, IKM_EUSAGE,
			               "%s memuat spasi / %s holds a space: \"%.80s\"", what_id,
			               what_en, s);
	}
	return 0;
}

int qrposter_check(const struct qrposter_info *qi, struct ikm_err *err)
{
	if (qi == NULL || empty(qi->url))
		return err_set(err, IKM_EUSAGE,
		               "alamat survei (URL) untuk kode QR kosong / the survey URL for the "
		               "QR code is empty");
	if (check_text(qi->url, QRPOSTER_URL_MAX, 1, "alamat survei (URL)", "the survey URL", err) <
	        0 ||
	    check_text(qi->org, QRPOSTER_NAME_MAX, 0, "nama instansi", "the organisation name",
	               err) < 0 ||
	    check_text(qi->unit, QRPOSTER_NAME_MAX, 0, "nama unit", "the unit name", err) < 0 ||
	    check_text(qi->service, QRPOSTER_NAME_MAX, 0, "nama layanan", "the service name", err) <
	        0)
		return -1;
	return 0;
}

int qrposter_geometry(const struct qrposter_info *qi, struct qrposter_geometry *g,
                      struct ikm_err *err)
{
	struct plan p;

	if (qrposter_check(qi, err) < 0 || plan_poster(qi, &p, err) < 0)
		return -1;
	*g = p.geo;
	QRcode_free(p.qr);
	return 0;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	bytebuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *surface_new(enum qrposter_format fmt, struct bytebuf *b)
{
	cairo_surface_t *s;

	switch (fmt) {
	case QRPOSTER_PDF:
		return cairo_pdf_surface_create_for_stream(to_buf, b, PAGE_W, PAGE_H);
	case QRPOSTER_SVG:
		s = cairo_svg_surface_create_for_stream(to_buf, b, PAGE_W, PAGE_H);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS)
			cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	case QRPOSTER_PNG:
		break;
	}
	/* 595.276 pt x 150/72 = 1240 px; 841.89 pt -> 1754 px. */
	return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(PAGE_W * PNG_DPI / 72.0 + 0.5),
	                                  (int)(PAGE_H * PNG_DPI / 72.0 + 0.5));
}

/* Draw items[0..n), checked already, one a page, and append the document
 * to out; a PDF gets title as its title. */
static int render(const struct qrposter_info *items, int n, enum qrposter_format fmt,
                  const char *title, struct bytebuf *out, struct ikm_err *err)
{
	struct bytebuf b = {0};
	cairo_surface_t *s = surface_new(fmt, &b);
	cairo_status_t st = cairo_surface_status(s);
	int rc = -1;

	if (st == CAIRO_STATUS_SUCCESS && fmt == QRPOSTER_PDF) {
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "ikm");
	}
	for (int i = 0; i < n && st == CAIRO_STATUS_SUCCESS; i++) {
		struct plan p;
		cairo_t *cr;

		if (plan_poster(&items[i], &p, err) < 0) {
			if (n > 1)
				err_prefix(err, "poster %d: ", i + 1);
			goto out;
		}
		cr = cairo_create(s);
		if (fmt == QRPOSTER_PNG)
			cairo_scale(cr, PNG_DPI / 72.0, PNG_DPI / 72.0);
		draw_poster(cr, &p);
		if (fmt != QRPOSTER_PNG)
			cairo_show_page(cr);
		st = cairo_status(cr);
		cairo_destroy(cr);
		QRcode_free(p.qr);
	}
	if (st == CAIRO_STATUS_SUCCESS && fmt == QRPOSTER_PNG)
		st = cairo_surface_write_to_png_stream(s, to_buf, &b);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		err_set(err, IKM_EIO, "poster QR gagal dibuat / the QR poster failed: %s",
		        cairo_status_to_string(st));
		goto out;
	}
	bytebuf_add(out, b.p, b.len);
	rc = 0;
out:
	cairo_surface_destroy(s);
	bytebuf_free(&b);
	return rc;
}

int qrposter_write(const struct qrposter_info *qi, enum qrposter_format fmt, struct bytebuf *out,
                   struct ikm_err *err)
{
	char title[320];

	if (qrposter_check(qi, err) < 0)
		return -1;
	snprintf(title, sizeof(title), "Poster QR Survei Kepuasan Masyarakat%s%s",
	         empty(qi->unit) ? "" : " - ", empty(qi->unit) ? "" : qi->unit);
	return render(qi, 1, fmt, title, out, err);
}

int qrposter_sheet(const struct qrposter_info *items, int n, struct bytebuf *out,
                   struct ikm_err *err)
{
	if (items == NULL || n < 1)
		return err_set(err, IKM_EUSAGE, "tidak ada poster QR / no QR posters given");
	if (n > QRPOSTER_SHEET_MAX)
		return err_set(err, IKM_ELIMIT,
		               "%d poster QR, lebih dari %d / %d QR posters, more than %d", n,
		               QRPOSTER_SHEET_MAX, n, QRPOSTER_SHEET_MAX);
	for (int i = 0; i < n; i++)
		if (qrposter_check(&items[i], err) < 0)
			return err_prefix(err, "poster %d: ", i + 1);
	return render(items, n, QRPOSTER_PDF, "Poster QR Survei Kepuasan Masyarakat", out, err);
}

int qrposter_save(const struct qrposter_info *qi, const char *path, struct ikm_err *err)
{
	char tmp[PATH_MAX_LEN + 8];
	struct bytebuf b = {0};
	enum qrposter_format fmt = QRPOSTER_PDF;
	FILE *f = NULL;
	int rc = -1, opened = 0;

	if (qrposter_format_of(path, &fmt, err) < 0)
		return -1;
	if (strnlen(path, PATH_MAX_LEN + 1) > PATH_MAX_LEN)
		return err_set(err, IKM_ELIMIT,
		               "%.64s...: nama berkas lebih dari %d karakter / path longer than %d",
		               path, PATH_MAX_LEN, PATH_MAX_LEN);
	if (qrposter_write(qi, fmt, &b, err) < 0)
		return -1;
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (f == NULL) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		goto out;
	}
	opened = 1;
	if (fwrite(b.p, 1, b.len, f) != b.len) {
		err_set(err, IKM_EIO, "%s: gagal menulis poster QR / write failed: %s", path,
		        strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		err_set(err, IKM_EIO, "%s: gagal menulis poster QR / write failed: %s", path,
		        strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(tmp, path) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	if (rc < 0 && opened)
		remove(tmp);
	bytebuf_free(&b);
	return rc;
}
