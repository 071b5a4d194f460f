/* chart: charts of a score result drawn with cairo and pango, one drawing
 * code for every surface (PDF, PNG, SVG). No I/O: the caller owns the
 * cairo context and the surface and decides where the drawing goes. */
#ifndef IKM_CHART_H
#define IKM_CHART_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

#include "instrument.h"
#include "score.h"

/* Draw a horizontal bar chart of the elements' converted values
 * (NRR x 25, res->el[j].ikm_e2) into the box x, y, w, h (user units, points
 * on A4): one labelled bar per element ("U7 Perilaku Pelaksana", "96,00"),
 * bars below the mean NRR in a second colour, dashed grade cut-offs from
 * grade_table() labelled with mutu and value, decimal-comma ticks, and a
 * caption stating the axis (25-100, or 60-100 when every value is at least
 * 65,00). The state of cr is saved and restored. */
void chart_elements(cairo_t *cr, double x, double y, double w, double h,
                    const struct instrument *in, const struct score_result *res);

/* Draw horizontal bars of counted categories (a respondent profile) into
 * the box x, y, w, h: one bar per category with its label (cut to one line
 * with an ellipsis), count and share of the total ("57 (22,8%)", decimal
 * comma), bars scaled to the largest count. n may be 0, or every count 0
 * (the box then says "Tidak ada data"). The state of cr is saved and
 * restored. */
void chart_categories(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const uint64_t *counts, int n);

/* "57 (22,8%)": count with thousands dots and its share of total in per
 * mille rounded half up, in integers, one decimal with a decimal comma;
 * just the count when total is 0. Returns buf. */
char *chart_count_share(char *buf, size_t size, uint64_t count, uint64_t total);

#endif
