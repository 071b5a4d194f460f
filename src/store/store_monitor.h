/* store_monitor: what the monitoring pages of the office console read from
 * the store — how far each unit and service of a period has come (counted
 * responses and the population), and the counts of one scope by channel,
 * by survey day and by quality flag. "Counted" responses are the ones an
 * aggregate uses: every stored response but those a review excluded
 * (store_user.h). Same conventions as store.h. */
#ifndef IKM_STORE_MONITOR_H
#define IKM_STORE_MONITOR_H

#include <stdint.h>

#include "store.h"

#define STORE_NCHANNELS      5     /* enum store_channel: web, kiosk, paper, import, api */
#define STORE_NFLAG_BITS     8     /* quality flag bits counted (store_totals.flags) */
#define STORE_COUNT_DAYS_MAX 40000 /* named limit: distinct survey days in one count */

/* One unit or service of a period: counted responses and the population
 * (0 when none was set). service 0: the unit as a whole. */
struct store_progress {
	int64_t unit, service;
	uint64_t counted;
	int64_t population;
};

/* Every unit and service of period that has responses or a population,
 * by unit and service id (*list owned by the caller; free). A unit's
 * service-0 row counts all of its responses (with a service or without);
 * it is there whenever the unit has responses or a population of its own. */
int store_period_progress(struct store *s, int64_t period, struct store_progress **list, int *n,
                          struct ikm_err *err);

struct store_day_count {
	int32_t day; /* yyyymmdd */
	uint64_t n;
};

struct store_counts {
	uint64_t counted;                  /* responses that count (not excluded) */
	uint64_t excluded;                 /* responses a review excluded */
	uint64_t channel[STORE_NCHANNELS]; /* counted, by enum store_channel */
	uint64_t undated;                  /* counted without a survey date */
	struct store_day_count *days;      /* counted by survey date, ascending (owned) */
	int ndays;
	/* Every stored response with a quality flag, counted or excluded. */
	uint64_t flagged;                         /* with any flag */
	uint64_t flagged_open;                    /* ... not reviewed yet */
	uint64_t flag[STORE_NFLAG_BITS];          /* with each flag bit */
	uint64_t flag_excluded[STORE_NFLAG_BITS]; /* ... excluded by a review */
	uint64_t flag_accepted[STORE_NFLAG_BITS]; /* ... accepted by a review */
};

/* The counts of scope sc into *out (free with store_counts_free).
 * IKM_ELIMIT past STORE_COUNT_DAYS_MAX distinct days. */
int store_scope_counts(struct store *s, const struct store_scope *sc, struct store_counts *out,
                       struct ikm_err *err);
/* Free what store_scope_counts allocated; NULL is fine. */
void store_counts_free(struct store_counts *c);

#endif
