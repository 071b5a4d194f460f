/* chart: bar charts of a score result with cairo + pango (see chart.h).
 * Everything is measured in the caller's user units (points on A4), so the
 * same code draws into a PDF, an SVG or a 150 dpi PNG scaled by the caller.
 * Text is DejaVu Sans; numbers use the decimal comma (idfmt). */
#include "chart.h"

#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>

#include "grade.h"
#include "idfmt.h"

#define CHART_FONT "DejaVu Sans"
#define AXIS_HI    10000 /* every axis ends at 100,00 */
#define AXIS_FULL  2500  /* the whole IKM scale starts at 25,00 */
#define AXIS_ZOOM  6000  /* zoomed axis start when every value is >= 65,00 */
#define ZOOM_MIN   6500
#define LEGEND_OK  "Sama dengan/di atas rata-rata NRR"

struct rgb {
	double r, g, b;
};

static const struct rgb BAR_OK = {0.26, 0.43, 0.62};    /* slate blue */
static const struct rgb BAR_BELOW = {0.91, 0.50, 0.13}; /* amber */
static const struct rgb INK = {0.13, 0.13, 0.13};
static const struct rgb MUTED = {0.40, 0.40, 0.40};
static const struct rgb GRID = {0.88, 0.88, 0.88};

static void set_rgb(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* A layout of plain `text` in DejaVu Sans; w > 0 sets the width (with
 * ellipsizing after `max_lines` lines when max_lines > 0). Caller unrefs. */
static PangoLayout *text_layout(cairo_t *cr, const char *text, double size, int bold, double w,
                                PangoAlignment align, int max_lines)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string(CHART_FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		if (max_lines > 0) {
			pango_layout_set_height(l, -max_lines);
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		}
	}
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	return l;
}

static void layout_size(PangoLayout *l, double *w, double *h)
{
	PangoRectangle logical;

	pango_layout_get_extents(l, NULL, &logical);
	*w = (double)logical.width / PANGO_SCALE;
	*h = (double)logical.height / PANGO_SCALE;
}

/* Draw `text` with its top left at x, y (or its box when w > 0). */
static void text_at(cairo_t *cr, const char *text, double size, int bold, double x, double y)
{
	PangoLayout *l = text_layout(cr, text, size, bold, 0, PANGO_ALIGN_LEFT, 0);

	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* Width of `text` as text_at would draw it. */
static double text_width(cairo_t *cr, const char *text, double size, int bold)
{
	PangoLayout *l = text_layout(cr, text, size, bold, 0, PANGO_ALIGN_LEFT, 0);
	double w, h;

	layout_size(l, &w, &h);
	g_object_unref(l);
	return w;
}

/* Draw `text` horizontally centred on cx with its top at y. */
static void text_centred(cairo_t *cr, const char *text, double size, int bold, double cx, double y)
{
	text_at(cr, text, size, bold, cx - text_width(cr, text, size, bold) / 2, y);
}

/* Draw `text` vertically centred on cy; in a box of width w when w > 0
 * (aligned and ellipsized after max_lines lines), else starting at x. */
static void text_vcentred_n(cairo_t *cr, const char *text, double size, int bold, double x,
                            double w, double cy, PangoAlignment align, int max_lines)
{
	PangoLayout *l = text_layout(cr, text, size, bold, w, align, max_lines);
	double lw, lh;

	layout_size(l, &lw, &lh);
	cairo_move_to(cr, x, cy - lh / 2);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* text_vcentred_n with up to two lines. */
static void text_vcentred(cairo_t *cr, const char *text, double size, int bold, double x, double w,
                          double cy, PangoAlignment align)
{
	text_vcentred_n(cr, text, size, bold, x, w, cy, align, 2);
}

/* A value in hundredths with as few decimals as it needs: 60, 62,5, 88,31. */
static char *fmt_tick(char *buf, size_t size, int64_t v)
{
	if (v % 100 == 0)
		return idfmt_fixed(buf, size, v / 100, 0);
	if (v % 10 == 0)
		return idfmt_fixed(buf, size, v / 10, 1);
	return idfmt_fixed(buf, size, v, 2);
}

struct axis {
	int64_t lo, hi, step; /* hundredths */
	double x0, x1;        /* plot area left and right */
};

static double axis_x(const struct axis *a, int64_t v)
{
	if (v < a->lo)
		v = a->lo;
	if (v > a->hi)
		v = a->hi;
	return a->x0 + (double)(v - a->lo) / (double)(a->hi - a->lo) * (a->x1 - a->x0);
}

/* Grid, dashed grade cut-offs with their labels above the plot (the upper
 * row's top at `label_y`), the axis line at `bottom` and the tick labels under it. */
static void draw_axis(cairo_t *cr, const struct axis *a, double top, double bottom, double label_y,
                      double fs)
{
	const struct grade *g;
	int ng = 0;
	char buf[32];
	double last_right = -1e9; /* right edge of the last label on the lower row */

	cairo_set_line_width(cr, 0.5);
	set_rgb(cr, GRID);
	for (int64_t v = a->lo; v <= a->hi; v += a->step) {
		cairo_move_to(cr, axis_x(a, v), top);
		cairo_line_to(cr, axis_x(a, v), bottom);
		cairo_stroke(cr);
	}
	set_rgb(cr, MUTED);
	for (int64_t v = a->lo; v <= a->hi; v += a->step) {
		double tx = axis_x(a, v);

		cairo_move_to(cr, tx, bottom);
		cairo_line_to(cr, tx, bottom + 3);
		cairo_stroke(cr);
		text_centred(cr, fmt_tick(buf, sizeof(buf), v), fs, 0, tx, bottom + 4);
	}
	/* Cut-offs left to right (the table runs best first). A label sits just
	 * above the plot, or one row higher when it would touch its left
	 * neighbour (a narrow chart on the full 25-100 axis). */
	g = grade_table(&ng);
	for (int i = ng - 1; i >= 0; i--) {
		double gx, lw, ly, dash[] = {3.0, 2.5};
		char lab[48];

		if (g[i].min_e2 <= a->lo || g[i].min_e2 > a->hi)
			continue;
		gx = axis_x(a, g[i].min_e2);
		snprintf(lab, sizeof(lab), "%c %s", g[i].mutu,
		         idfmt_fixed(buf, sizeof(buf), g[i].min_e2, 2));
		lw = text_width(cr, lab, fs, 1);
		ly = label_y + fs * 1.5;
		if (gx - lw / 2 < last_right + 4)
			ly = label_y;
		else
			last_right = gx + lw / 2;
		cairo_save(cr);
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_width(cr, 0.8);
		set_rgb(cr, MUTED);
		cairo_move_to(cr, gx, ly + fs * 1.3);
		cairo_line_to(cr, gx, bottom);
		cairo_stroke(cr);
		cairo_restore(cr);
		set_rgb(cr, INK);
		text_centred(cr, lab, fs, 1, gx, ly);
	}
	/* The axis itself: left edge and bottom line. */
	set_rgb(cr, MUTED);
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, a->x0, top - 2);
	cairo_line_to(cr, a->x0, bottom);
	cairo_line_to(cr, a->x1, bottom);
	cairo_stroke(cr);
}

/* Caption stating the axis (wrapped to width w), and the colour legend,
 * from y down. */
static void draw_caption(cairo_t *cr, const struct axis *a, const struct score_result *res,
                         double x, double y, double w, double fs)
{
	char cap[256], lo[32], mean[32], lab[128];
	double sw = fs * 1.1, lx = x, cw, ch;
	PangoLayout *l;

	if (a->lo == AXIS_FULL)
		snprintf(cap, sizeof(cap),
		         "Nilai konversi unsur (NRR \xC3\x97 25), sumbu penuh 25\xE2\x80\x93"
		         "100; garis putus-putus: batas mutu");
	else
		snprintf(cap, sizeof(cap),
		         "Nilai konversi unsur (NRR \xC3\x97 25); sumbu dimulai dari %s, bukan 25; "
		         "garis putus-putus: batas mutu",
		         fmt_tick(lo, sizeof(lo), a->lo));
	set_rgb(cr, MUTED);
	l = text_layout(cr, cap, fs, 0, w, PANGO_ALIGN_CENTER, 0);
	layout_size(l, &cw, &ch);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	y += ch + fs * 0.5;

	/* The legend, centred under the caption. */
	snprintf(lab, sizeof(lab), "Di bawah rata-rata NRR (%s)",
	         idfmt_fixed(mean, sizeof(mean), res->mean_nrr_e4, 4));
	cw = 2 * (sw + 4) + 14 + text_width(cr, LEGEND_OK, fs, 0) + text_width(cr, lab, fs, 0);
	if (cw < w)
		lx = x + (w - cw) / 2;
	set_rgb(cr, BAR_OK);
	cairo_rectangle(cr, lx, y + fs * 0.15, sw, sw);
	cairo_fill(cr);
	lx += sw + 4;
	set_rgb(cr, INK);
	text_at(cr, LEGEND_OK, fs, 0, lx, y);
	lx += text_width(cr, LEGEND_OK, fs, 0) + 14;

	set_rgb(cr, BAR_BELOW);
	cairo_rectangle(cr, lx, y + fs * 0.15, sw, sw);
	cairo_fill(cr);
	lx += sw + 4;
	set_rgb(cr, INK);
	text_at(cr, lab, fs, 0, lx, y);
}

void chart_elements(cairo_t *cr, double x, double y, double w, double h,
                    const struct instrument *in, const struct score_result *res)
{
	struct axis a;
	int k = res->k < in->k ? res->k : in->k;
	int64_t vmin = AXIS_HI;
	double fs, top_band, bottom_band, row_h, label_w, value_w, plot_top, plot_bottom;

	if (k <= 0 || w <= 0 || h <= 0)
		return;
	for (int j = 0; j < k; j++)
		if (res->el[j].ikm_e2 < vmin)
			vmin = res->el[j].ikm_e2;
	a.lo = vmin >= ZOOM_MIN ? AXIS_ZOOM : AXIS_FULL;
	a.hi = AXIS_HI;
	a.step = a.lo == AXIS_FULL ? 1250 : 1000;

	/* Sizes follow the box: small text for many elements, never tiny. */
	fs = w / 60.0;
	if (fs > 9.0)
		fs = 9.0;
	if (fs < 6.0)
		fs = 6.0;
	top_band = fs * 3.2;    /* cut-off labels: two rows when crowded */
	bottom_band = fs * 6.6; /* ticks, caption (up to two lines), legend */
	row_h = (h - top_band - bottom_band) / k;
	if (row_h < 4)
		row_h = 4;
	{
		double lfs = row_h * 0.34;

		if (lfs < fs)
			fs = lfs < 5.0 ? 5.0 : lfs;
	}
	label_w = w * 0.36;
	value_w = text_width(cr, "100,00", fs, 1) + 6;
	a.x0 = x + label_w + 8;
	a.x1 = x + w - value_w;
	plot_top = y + top_band;
	plot_bottom = plot_top + row_h * k;

	cairo_save(cr);
	draw_axis(cr, &a, plot_top, plot_bottom, y, fs);

	for (int j = 0; j < k; j++) {
		const struct score_element *e = &res->el[j];
		double cy = plot_top + row_h * (j + 0.5);
		double bh = row_h * 0.62, bx = axis_x(&a, e->ikm_e2);
		char label[200], val[32];

		set_rgb(cr, e->below_mean ? BAR_BELOW : BAR_OK);
		cairo_rectangle(cr, a.x0, cy - bh / 2, bx - a.x0, bh);
		cairo_fill(cr);

		snprintf(label, sizeof(label), "%s %s", in->el[j].code, in->el[j].name);
		set_rgb(cr, INK);
		text_vcentred(cr, label, fs, e->below_mean, x, label_w, cy, PANGO_ALIGN_RIGHT);
		idfmt_fixed(val, sizeof(val), e->ikm_e2, 2);
		/* A white backing keeps the value legible over cut-off lines. */
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_rectangle(cr, bx + 1, cy - fs * 0.7,
		                text_width(cr, val, fs, e->below_mean) + 4, fs * 1.4);
		cairo_fill(cr);
		set_rgb(cr, INK);
		text_vcentred(cr, val, fs, e->below_mean, bx + 3, 0, cy, PANGO_ALIGN_LEFT);
	}
	draw_caption(cr, &a, res, x, plot_bottom + fs * 2.0, w, fs * 0.95);
	cairo_restore(cr);
}

char *chart_count_share(char *buf, size_t size, uint64_t count, uint64_t total)
{
	char c[32], p[32];
	uint64_t per_mille;

	idfmt_int(c, sizeof(c), count > INT64_MAX ? INT64_MAX : (int64_t)count);
	if (total == 0) {
		snprintf(buf, size, "%s", c);
		return buf;
	}
	/* Per mille rounded half up, in integers: (2000 count + total) / 2
	 * total, scaled down first if that would overflow. */
	while (count > (UINT64_MAX - total) / 2000 || total > UINT64_MAX / 2) {
		count >>= 1;
		total >>= 1;
	}
	per_mille = (count * 2000 + total) / (2 * total);
	idfmt_fixed(p, sizeof(p), per_mille > INT64_MAX ? INT64_MAX : (int64_t)per_mille, 1);
	snprintf(buf, size, "%s (%s%%)", c, p);
	return buf;
}

void chart_categories(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const uint64_t *counts, int n)
{
	uint64_t total = 0, max = 0;
	double fs, row_h, label_w, value_w = 0, x0, x1;
	char val[64];

	if (w <= 0 || h <= 0)
		return;
	for (int i = 0; i < n; i++) {
		total += counts[i];
		if (counts[i] > max)
			max = counts[i];
	}
	fs = w / 60.0;
	if (fs > 9.0)
		fs = 9.0;
	if (fs < 6.0)
		fs = 6.0;
	cairo_save(cr);
	if (n <= 0 || total == 0) {
		set_rgb(cr, MUTED);
		text_vcentred_n(cr, "Tidak ada data", fs, 0, x, w, y + h / 2, PANGO_ALIGN_CENTER,
		                1);
		cairo_restore(cr);
		return;
	}
	/* Sizes follow the box: small text for many categories, never tiny. */
	row_h = h / n;
	if (row_h * 0.42 < fs)
		fs = row_h * 0.42 < 5.0 ? 5.0 : row_h * 0.42;
	for (int i = 0; i < n; i++) {
		double vw =
		    text_width(cr, chart_count_share(val, sizeof(val), counts[i], total), fs, 0);

		if (vw > value_w)
			value_w = vw;
	}
	label_w = w * 0.34;
	x0 = x + label_w + 8;
	x1 = x + w - value_w - 6;
	if (x1 < x0)
		x1 = x0;

	set_rgb(cr, MUTED);
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x0, y + h);
	cairo_stroke(cr);
	for (int i = 0; i < n; i++) {
		double cy = y + row_h * (i + 0.5);
		double bh = row_h * 0.62, bw = (x1 - x0) * (double)counts[i] / (double)max;

		if (bh > fs * 2.4)
			bh = fs * 2.4;
		set_rgb(cr, BAR_OK);
		cairo_rectangle(cr, x0, cy - bh / 2, bw, bh);
		cairo_fill(cr);
		set_rgb(cr, INK);
		/* A long label is cut to one line with an ellipsis. */
		text_vcentred_n(cr, labels[i] != NULL ? labels[i] : "", fs, 0, x, label_w, cy,
		                PANGO_ALIGN_RIGHT, 1);
		text_vcentred_n(cr, chart_count_share(val, sizeof(val), counts[i], total), fs, 0,
		                x0 + bw + 4, 0, cy, PANGO_ALIGN_LEFT, 0);
	}
	cairo_restore(cr);
}
