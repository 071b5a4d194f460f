/* ratelimit: a per-client token bucket for the public form, and a short
 * history of each client's recent submissions (for burst flagging). The
 * table has a fixed number of slots chosen at creation (open addressing,
 * probes bounded by RATELIMIT_PROBES); when the probed slots are all in
 * use the stalest of them is reused, so memory never grows. Every call is
 * thread-safe (one mutex; each call is a handful of probes). Times are
 * seconds on any monotonic clock, passed in by the caller. */
#ifndef IKM_RATELIMIT_H
#define IKM_RATELIMIT_H

#include <stddef.h>

#define RATELIMIT_ADDR_MAX    64        /* named limit: address bytes kept (longer: cut) */
#define RATELIMIT_RING        16        /* named limit: recent times kept per address */
#define RATELIMIT_PROBES      16        /* named limit: slots probed per lookup */
#define RATELIMIT_CLIENTS_MAX (1 << 20) /* named limit: max_clients */

struct ratelimit;

/* A new table: each address may take burst tokens at once, refilled at
 * per_minute tokens a minute (per_minute <= 0: never limited, the recent
 * history is still kept). max_clients is 1..RATELIMIT_CLIENTS_MAX (values
 * outside are clamped). Never NULL; free with ratelimit_free. */
struct ratelimit *ratelimit_new(double per_minute, double burst, size_t max_clients);
void ratelimit_free(struct ratelimit *r);

/* Take one token for addr at time now_s: 1 allowed (and the time noted in
 * the address's recent history), 0 limited. */
int ratelimit_take(struct ratelimit *r, const char *addr, double now_s);

/* How many allowed takes addr made in (now_s - window_s, now_s], at most
 * RATELIMIT_RING; 0 for an address not in the table. */
int ratelimit_recent(struct ratelimit *r, const char *addr, double now_s, double window_s);

/* Addresses in the table now (at most max_clients). */
size_t ratelimit_size(struct ratelimit *r);

#endif
