/* svgbar: a bar chart as inline SVG text for the console's pages, built
 * server-side from escaped parts: no script, no style attribute (the
 * site's Content-Security-Policy allows neither), only SVG presentation
 * attributes. The chart is an image with an accessible name (<title>) and
 * description (<desc>); each bar carries its own <title> (label and
 * value), and the pages print the same numbers in a table beside it. */
#ifndef IKM_SVGBAR_H
#define IKM_SVGBAR_H

#include <stdint.h>

#include "bytebuf.h"
#include "err.h"

#define SVGBAR_MAX_BARS 2000 /* named limit: bars in one chart */
#define SVGBAR_ID_MAX   32   /* named limit: bytes of a chart's id */

struct svgbar {
	const char *id;            /* unique on the page: [a-z0-9-], 1..SVGBAR_ID_MAX bytes */
	const char *title;         /* the accessible name (escaped here) */
	const char *desc;          /* a sentence saying what it shows (escaped); NULL: none */
	int n;                     /* bars, 0..SVGBAR_MAX_BARS */
	const char *const *labels; /* label of each bar (escaped); some are left out on the axis
	                              when the bars are too narrow for all */
	const uint64_t *values;    /* height of each bar */
};

/* Append the chart c to out: "<svg ...>...</svg>", 720 units wide and
 * scaling to the width of its container. IKM_EUSAGE for a bad id,
 * IKM_ELIMIT past SVGBAR_MAX_BARS (out untouched then). */
int svgbar_render(const struct svgbar *c, struct bytebuf *out, struct ikm_err *err);

#endif
