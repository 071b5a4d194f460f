/* chart: charts of a score result drawn with cairo and pango, one drawing
 * code for every surface (PDF, PNG, SVG). No I/O: the caller owns the
 * cairo context and the surface and decides where the drawing goes. */
#ifndef IKM_CHART_H
#define IKM_CHART_H

#include <cairo.h>

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

#endif
