/* compute_view: everything `ikm compute` prints, gathered once so the text
 * and JSON outputs say the same thing. Warnings are written here, in one
 * place, in Bahasa Indonesia. */
#ifndef IKM_COMPUTE_VIEW_H
#define IKM_COMPUTE_VIEW_H

#include <stdint.h>
#include <stdio.h>

#include "instrument.h"
#include "load.h"
#include "score.h"
#include "stats.h"

#define VIEW_MAX_WARNINGS 16
#define VIEW_WARNING_MAX  512

struct compute_view {
	const struct instrument *in;
	const struct score_result *res;
	const struct stats_ci *ci;
	const struct load_report *rep;
	int64_t population; /* 0 = not given */
	int64_t required;   /* Krejcie-Morgan minimum, when population given */
	const char *unit;   /* may be NULL */
	const char *period; /* may be NULL */
	int nwarnings;
	char warnings[VIEW_MAX_WARNINGS][VIEW_WARNING_MAX];
};

/* Fill the warnings of v from its results. */
void view_warnings(struct compute_view *v);

/* The readable Indonesian summary. */
void view_print_text(const struct compute_view *v, FILE *out);

/* The JSON document (keys documented in the README). */
void view_print_json(const struct compute_view *v, FILE *out);

#endif
