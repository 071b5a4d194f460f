/* svgbar: see svgbar.h. Coordinates are in hundredths of a unit, printed
 * with two decimals, so the text is the same on every platform. */
#include "svgbar.h"

#include <inttypes.h>
#include <string.h>

#include "idfmt.h"
#include "tmpl.h"

#define WIDTH      720 /* units of the viewBox */
#define HEIGHT     240
#define LEFT       56 /* room for the axis numbers */
#define RIGHT      8
#define TOP        20 /* room for the value over the tallest bar */
#define BOTTOM     28 /* room for the labels */
#define LABEL_ROOM 44 /* units one axis label needs */
#define VALUES_AT  40 /* bars up to this many show their value over them */

static const char bar_fill[] = "#1f5f8b";
static const char ink[] = "#333333";
static const char grid[] = "#cccccc";

static int id_ok(const char *id)
{
	size_t n = id != NULL ? strlen(id) : 0;

	if (n == 0 || n > SVGBAR_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') ||
		      id[i] == '-'))
			return 0;
	return 1;
}

/* The top of the axis: the smallest of 1, 2, 3, 4, 5, 6, 8 times a power of ten
 * that is >= max (1 for an empty chart). */
static uint64_t axis_top(uint64_t max)
{
	static const uint64_t steps[] = {1, 2, 3, 4, 5, 6, 8};

	for (uint64_t p = 1;; p *= 10) {
		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
			if (steps[i] * p >= max)
				return steps[i] * p;
		if (p > UINT64_MAX / 100)
			return max;
	}
}

/* Append v hundredths as "12.34". */
static void coord(struct bytebuf *out, int64_t v)
{
	bytebuf_printf(out, "%" PRId64 ".%02d", v / 100, (int)(v % 100));
}

static void axis_text(struct bytebuf *out, int64_t y, uint64_t value)
{
	char num[32];

	bytebuf_printf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"", LEFT, WIDTH - RIGHT);
	coord(out, y);
	bytebuf_puts(out, "\" y2=\"");
	coord(out, y);
	bytebuf_printf(out, "\" stroke=\"%s\" stroke-width=\"1\"/>", grid);
	bytebuf_printf(out, "<text x=\"%d\" y=\"", LEFT - 6);
	coord(out, y + 400);
	bytebuf_printf(out, "\" text-anchor=\"end\">%s</text>",
	               idfmt_int(num, sizeof(num), (int64_t)value));
}

int svgbar_render(const struct svgbar *c, struct bytebuf *out, struct ikm_err *err)
{
	const int64_t plot_w = (WIDTH - LEFT - RIGHT) * 100, plot_h = (HEIGHT - TOP - BOTTOM) * 100;
	const int64_t base = (HEIGHT - BOTTOM) * 100;
	uint64_t max = 0, top;
	int64_t slot;
	int every;

	if (!id_ok(c->id))
		return err_set(err, IKM_EUSAGE, "svgbar: id grafik tidak sah / bad chart id");
	if (c->n < 0 || c->n > SVGBAR_MAX_BARS)
		return err_set(err, IKM_ELIMIT,
		               "grafik lebih dari %d batang / a chart of more than %d bars",
		               SVGBAR_MAX_BARS, SVGBAR_MAX_BARS);
	for (int i = 0; i < c->n; i++)
		if (c->values[i] > max)
			max = c->values[i];
	top = axis_top(max);
	slot = c->n > 0 ? plot_w / c->n : plot_w;
	/* Every label when they fit, else every `every`-th. */
	every = slot >= LABEL_ROOM * 100 ? 1 : (int)((LABEL_ROOM * 100 + slot - 1) / slot);

	bytebuf_printf(out,
	               "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d "
	               "%d\" width=\"100%%\" role=\"img\" aria-labelledby=\"%s-t\"",
	               WIDTH, HEIGHT, c->id);
	if (c->desc != NULL)
		bytebuf_printf(out, " aria-describedby=\"%s-d\"", c->id);
	bytebuf_printf(out, " font-family=\"sans-serif\" font-size=\"12\" fill=\"%s\">", ink);
	bytebuf_printf(out, "<title id=\"%s-t\">", c->id);
	tmpl_escape(out, c->title);
	bytebuf_puts(out, "</title>");
	if (c->desc != NULL) {
		bytebuf_printf(out, "<desc id=\"%s-d\">", c->id);
		tmpl_escape(out, c->desc);
		bytebuf_puts(out, "</desc>");
	}
	/* The axis: 0, the middle when it is a whole number, the top. */
	axis_text(out, base, 0);
	if (top % 2 == 0)
		axis_text(out, base - plot_h / 2, top / 2);
	axis_text(out, base - plot_h, top);
	if (c->n == 0)
		bytebuf_printf(
		    out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Belum ada data</text>",
		    LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT / 2);
	for (int i = 0; i < c->n; i++) {
		int64_t h = (int64_t)((double)c->values[i] / (double)top * (double)plot_h + 0.5);
		int64_t x = LEFT * 100 + slot * i, w = slot * 8 / 10, mid = x + slot / 2;
		char num[32];

		if (w < 1)
			w = 1;
		if (c->values[i] > 0 && h < 50)
			h = 50; /* a bar of one is still seen */
		bytebuf_puts(out, "<rect class=\"bar\" x=\"");
		coord(out, x + (slot - w) / 2);
		bytebuf_puts(out, "\" y=\"");
		coord(out, base - h);
		bytebuf_puts(out, "\" width=\"");
		coord(out, w);
		bytebuf_puts(out, "\" height=\"");
		coord(out, h);
		bytebuf_printf(out, "\" fill=\"%s\"><title>", bar_fill);
		tmpl_escape(out, c->labels[i]);
		bytebuf_printf(out, ": %s</title></rect>",
		               idfmt_int(num, sizeof(num), (int64_t)c->values[i]));
		if (c->n <= VALUES_AT && c->values[i] > 0) {
			bytebuf_puts(out, "<text x=\"");
			coord(out, mid);
			bytebuf_puts(out, "\" y=\"");
			coord(out, base - h - 400);
			bytebuf_printf(out, "\" text-anchor=\"middle\">%s</text>", num);
		}
		if (i % every == 0) {
			bytebuf_puts(out, "<text x=\"");
			coord(out, mid);
			bytebuf_printf(out, "\" y=\"%d\" text-anchor=\"middle\">",
			               HEIGHT - BOTTOM + 16);
			tmpl_escape(out, c->labels[i]);
			bytebuf_puts(out, "</text>");
		}
	}
	bytebuf_puts(out, "</svg>");
	return 0;
}
