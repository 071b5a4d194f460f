/* ratelimit: see ratelimit.h. Slots are never emptied, only reused, so a
 * lookup may stop at the first empty slot of its probe window: an address
 * is always placed in the first empty slot (or an evicted one) of its
 * window, and the slots before an empty one were full when it was placed
 * and still are. */
#include "ratelimit.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

struct rl_entry {
	char addr[RATELIMIT_ADDR_MAX + 1];
	unsigned char inuse;       /* 0 while the slot was never used */
	unsigned char nring, head; /* recent times kept; next to write */
	double tokens, last;       /* bucket level at time last */
	double seen;               /* last take, for eviction */
	double ring[RATELIMIT_RING];
};

struct ratelimit {
	pthread_mutex_t lock;
	double per_second, burst;
	size_t cap, used;
	uint64_t seed;
	struct rl_entry *slot;
};

struct ratelimit *ratelimit_new(double per_minute, double burst, size_t max_clients)
{
	struct ratelimit *r = xcalloc(1, sizeof(*r));
	struct timespec ts;

	if (max_clients < 1)
		max_clients = 1;
	if (max_clients > RATELIMIT_CLIENTS_MAX)
		max_clients = RATELIMIT_CLIENTS_MAX;
	r->per_second = per_minute > 0 ? per_minute / 60.0 : 0;
	r->burst = burst >= 1 ? burst : 1;
	r->cap = max_clients;
	r->slot = xcalloc(r->cap, sizeof(*r->slot));
	/* Not a secret: only makes the slots of addresses less predictable. */
	clock_gettime(CLOCK_REALTIME, &ts);
	r->seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)(uintptr_t)r;
	pthread_mutex_init(&r->lock, NULL);
	return r;
}

void ratelimit_free(struct ratelimit *r)
{
	if (r == NULL)
		return;
	pthread_mutex_destroy(&r->lock);
	free(r->slot);
	free(r);
}

/* The address as kept: at most RATELIMIT_ADDR_MAX bytes, NULL as "". */
static void addr_key(const char *addr, char key[RATELIMIT_ADDR_MAX + 1])
{
	size_t n = addr != NULL ? strnlen(addr, RATELIMIT_ADDR_MAX) : 0;

	memcpy(key, addr != NULL ? addr : "", n);
	key[n] = '\0';
}

/* FNV-1a, seeded, with a final mix. */
static uint64_t hash(const struct ratelimit *r, const char *key)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ r->seed;

	for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* The entry of key, or NULL; with create, a new entry in the first empty
 * slot of the window, or in its stalest slot when all are taken. Locked. */
static struct rl_entry *find(struct ratelimit *r, const char *key, int create, double now)
{
	size_t probes = r->cap < RATELIMIT_PROBES ? r->cap : RATELIMIT_PROBES;
	size_t i = (size_t)(hash(r, key) % r->cap);
	struct rl_entry *stalest = NULL, *e = NULL;

	for (size_t n = 0; n < probes; n++, i = i + 1 == r->cap ? 0 : i + 1) {
		e = &r->slot[i];
		if (!e->inuse)
			break;
		if (strcmp(e->addr, key) == 0)
			return e;
		if (stalest == NULL || e->seen < stalest->seen)
			stalest = e;
		e = NULL;
	}
	if (!create)
		return NULL;
	if (e == NULL)
		e = stalest; /* the window is full: reuse its stalest slot */
	else
		r->used++;
	memset(e, 0, sizeof(*e));
	memcpy(e->addr, key, strlen(key) + 1);
	e->inuse = 1;
	e->tokens = r->burst;
	e->last = now;
	e->seen = now;
	return e;
}

int ratelimit_take(struct ratelimit *r, const char *addr, double now_s)
{
	char key[RATELIMIT_ADDR_MAX + 1];
	struct rl_entry *e;
	int ok = 1;

	addr_key(addr, key);
	pthread_mutex_lock(&r->lock);
	e = find(r, key, 1, now_s);
	if (now_s > e->last) { /* a clock going back refills nothing */
		e->tokens += (now_s - e->last) * r->per_second;
		if (e->tokens > r->burst)
			e->tokens = r->burst;
		e->last = now_s;
	}
	if (r->per_second > 0) {
		if (e->tokens >= 1)
			e->tokens -= 1;
		else
			ok = 0;
	}
	if (ok) {
		e->ring[e->head] = now_s;
		e->head = (unsigned char)((e->head + 1) % RATELIMIT_RING);
		if (e->nring < RATELIMIT_RING)
			e->nring++;
	}
	if (now_s > e->seen)
		e->seen = now_s;
	pthread_mutex_unlock(&r->lock);
	return ok;
}

int ratelimit_recent(struct ratelimit *r, const char *addr, double now_s, double window_s)
{
	char key[RATELIMIT_ADDR_MAX + 1];
	const struct rl_entry *e;
	int n = 0;

	addr_key(addr, key);
	pthread_mutex_lock(&r->lock);
	e = find(r, key, 0, now_s);
	for (int i = 0; e != NULL && i < e->nring; i++)
		n += e->ring[i] > now_s - window_s && e->ring[i] <= now_s;
	pthread_mutex_unlock(&r->lock);
	return n;
}

size_t ratelimit_size(struct ratelimit *r)
{
	size_t n;

	pthread_mutex_lock(&r->lock);
	n = r->used;
	pthread_mutex_unlock(&r->lock);
	return n;
}
