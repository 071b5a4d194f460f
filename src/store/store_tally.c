/* store_tally: the pattern and flag counts of responses stored inside one
 * store transaction (an import), kept in memory and written once per
 * distinct key at commit, in the same transaction. Importing a million
 * responses then costs one statement per response plus one per distinct
 * answer pattern, instead of three per response. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define TALLY_FLUSH_AT 65536 /* named limit: keys held before writing them */

struct tally_key {
	int64_t unit, service, period, instrument; /* instrument -1: a flags key */
	int64_t flags;
	char answers[INSTR_MAX_ELEMENTS + 1];
	uint64_t n;
	int used;
};

struct store_tally {
	struct tally_key *k;
	size_t cap, count;
};

static uint64_t key_hash(const struct tally_key *t)
{
	uint64_t h = 1469598103934665603ULL;
	const int64_t v[5] = {t->unit, t->service, t->period, t->instrument, t->flags};

	for (int i = 0; i < 5; i++)
		h = (h ^ (uint64_t)v[i]) * 1099511628211ULL;
	for (const char *p = t->answers; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

static int key_equal(const struct tally_key *a, const struct tally_key *b)
{
	return a->unit == b->unit && a->service == b->service && a->period == b->period &&
	       a->instrument == b->instrument && a->flags == b->flags &&
	       strcmp(a->answers, b->answers) == 0;
}

static void put(struct store_tally *t, const struct tally_key *key, uint64_t n)
{
	size_t i;

	if (t->count * 2 >= t->cap) {
		struct tally_key *old = t->k;
		size_t oldcap = t->cap;

		t->cap = t->cap ? t->cap * 2 : 1024;
		t->k = xcalloc(t->cap, sizeof(*t->k));
		t->count = 0;
		for (size_t j = 0; j < oldcap; j++)
			if (old[j].used)
				put(t, &old[j], old[j].n);
		free(old);
	}
	for (i = key_hash(key) & (t->cap - 1); t->k[i].used; i = (i + 1) & (t->cap - 1)) {
		if (key_equal(&t->k[i], key)) {
			t->k[i].n += n;
			return;
		}
	}
	t->k[i] = *key;
	t->k[i].used = 1;
	t->k[i].n = n;
	t->count++;
}

void store_tally_note(struct store *s, const struct store_response *r, const char *answers)
{
	struct tally_key k = {0};

	if (s->tally == NULL)
		s->tally = xcalloc(1, sizeof(*s->tally));
	k.unit = r->unit;
	k.service = r->service;
	k.period = r->period;
	k.instrument = r->instrument;
	memcpy(k.answers, answers, strlen(answers) + 1);
	put(s->tally, &k, 1);
	k.instrument = -1;
	k.answers[0] = '\0';
	k.flags = r->flags;
	put(s->tally, &k, 1);
}

int store_tally_full(const struct store *s)
{
	return s->tally != NULL && s->tally->count >= TALLY_FLUSH_AT;
}

/* Write one count (n added to what is stored). */
static int write_key(struct store *s, const struct tally_key *k, struct ikm_err *err)
{
	struct db_stmt *st;

	if (k->instrument >= 0) {
		if (db_prepare(
			s->db,
			"INSERT INTO tally (unit_id, service_id, period_id, instrument_id, "
			"answers, n) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, period_id, "
			"service_id, instrument_id, answers) DO UPDATE SET n = tally.n + "
			"excluded.n",
			&st, err) < 0)
			return -1;
		db_bind_int(st, 4, k->instrument);
		db_bind_text(st, 5, k->answers, -1);
		db_bind_int(st, 6, (int64_t)k->n);
	} else {
		if (db_prepare(
			s->db,
			"INSERT INTO flag_tally (unit_id, service_id, period_id, flags, n) VALUES "
			"(?, ?, ?, ?, ?) ON CONFLICT (unit_id, period_id, service_id, flags) DO "
			"UPDATE SET n = flag_tally.n + excluded.n",
			&st, err) < 0)
			return -1;
		db_bind_int(st, 4, k->flags);
		db_bind_int(st, 5, (int64_t)k->n);
	}
	db_bind_int(st, 1, k->unit);
	db_bind_int(st, 2, k->service);
	db_bind_int(st, 3, k->period);
	return store_step_done(st, "tally", err);
}

int store_tally_flush(struct store *s, struct ikm_err *err)
{
	struct store_tally *t = s->tally;

	if (t == NULL)
		return 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->k[i].used && write_key(s, &t->k[i], err) < 0)
			return -1;
	store_tally_clear(s);
	return 0;
}

void store_tally_clear(struct store *s)
{
	if (s->tally == NULL)
		return;
	free(s->tally->k);
	free(s->tally);
	s->tally = NULL;
}

int store_tally_now(struct store *s, const struct store_response *r, const char *answers,
                    struct ikm_err *err)
{
	struct tally_key k = {0};

	k.unit = r->unit;
	k.service = r->service;
	k.period = r->period;
	k.instrument = r->instrument;
	k.n = 1;
	memcpy(k.answers, answers, strlen(answers) + 1);
	if (write_key(s, &k, err) < 0)
		return -1;
	k.instrument = -1;
	k.answers[0] = '\0';
	k.flags = r->flags;
	return write_key(s, &k, err);
}
