/* figure_svg: see figure_svg.h. The SVG surface writes into a memory
 * buffer; one pass over it then copies the text with the ids prefixed. */
#include "figure_svg.h"

#include <cairo-svg.h>
#include <string.h>

#include "bytebuf.h"

static cairo_status_t mem_write(void *closure, const unsigned char *data, unsigned int len)
{
	bytebuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Where an id is defined or referenced in cairo's SVG: the prefix goes
 * right after each of these. */
static const char *const id_marks[] = {" id=\"", "href=\"#", "url(#"};

/* Copy src (from its "<svg") to a new buffer, prefixing every id. */
static void prefix_ids(const char *src, size_t n, const char *prefix, struct bytebuf *out)
{
	const char *p = src, *end = src + n, *run = src;
	size_t plen = strlen(prefix);

	while (p < end) {
		size_t hit = 0;

		for (size_t i = 0; i < sizeof(id_marks) / sizeof(id_marks[0]); i++) {
			size_t k = strlen(id_marks[i]);

			if ((size_t)(end - p) >= k && memcmp(p, id_marks[i], k) == 0) {
				hit = k;
				break;
			}
		}
		if (hit == 0) {
			p++;
			continue;
		}
		p += hit;
		bytebuf_add(out, run, (size_t)(p - run));
		bytebuf_add(out, prefix, plen);
		run = p;
	}
	bytebuf_add(out, run, (size_t)(end - run));
}

int figure_svg(const struct doc_figure *f, const char *prefix, char **svg, size_t *len,
               struct ikm_err *err)
{
	struct bytebuf raw = {0}, out = {0};
	cairo_surface_t *s;
	cairo_status_t st;
	cairo_t *cr;
	const char *start;

	*svg = NULL;
	*len = 0;
	if (!(f->w >= 1 && f->w <= FIGURE_SVG_MAX && f->h >= 1 && f->h <= FIGURE_SVG_MAX))
		return err_set(err, IKM_ELIMIT,
		               "ukuran gambar %.0f x %.0f pt di luar 1-%d pt / figure size outside "
		               "1-%d pt",
		               f->w, f->h, FIGURE_SVG_MAX, FIGURE_SVG_MAX);
	s = cairo_svg_surface_create_for_stream(mem_write, &raw, f->w, f->h);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0, 0, 0);
	if (f->draw != NULL)
		f->draw(cr, f->w, f->h, f->data);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	start = raw.p != NULL ? strstr(raw.p, "<svg") : NULL;
	if (st == CAIRO_STATUS_SUCCESS && start == NULL)
		st = CAIRO_STATUS_WRITE_ERROR;
	if (st != CAIRO_STATUS_SUCCESS) {
		bytebuf_free(&raw);
		return err_set(err, IKM_EIO, "gambar tidak dapat dibuat / cannot render figure: %s",
		               cairo_status_to_string(st));
	}
	prefix_ids(start, raw.len - (size_t)(start - raw.p), prefix, &out);
	bytebuf_free(&raw);
	*svg = bytebuf_take(&out, len);
	return 0;
}
