/* gcommit: see gcommit.h. The queue is a list of items that live on the
 * stacks of the callers waiting in gcommit_add. The writer unlinks up to
 * GCOMMIT_BATCH_MAX of them under the lock, stores them without it, then,
 * under the lock again, marks each done and signals the item's own
 * condition variable; it never touches an item after that, since its
 * caller may return (and its stack go) as soon as the lock is released. */
#include "gcommit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct gc_item {
	const struct store_response *r;
	int rc, dup, done;
	struct ikm_err err;
	pthread_cond_t cv; /* signalled when done */
	struct gc_item *next;
};

struct gcommit {
	char *url;
	struct store *s; /* the writer's; NULL after a store failure until reopened */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t work; /* items queued, or stopping */
	pthread_cond_t room; /* the queue has room again, or stopping */
	pthread_cond_t idle; /* the last caller left gcommit_add while stopping */
	struct gc_item *head, *tail;
	size_t queued;  /* in the list */
	size_t pending; /* added and not yet answered */
	size_t inside;  /* callers in gcommit_add (they still use the lock) */
	int stopping;
};

/* ---- the writer ---------------------------------------------------------- */

/* Every item of the batch gets e (nothing of it was stored). */
static void fail_all(struct gc_item **b, size_t n, const struct ikm_err *e)
{
	for (size_t i = 0; i < n; i++) {
		b[i]->rc = -1;
		b[i]->dup = 0;
		b[i]->err = *e;
	}
}

/* The store failed: the items get its error and the connection is
 * dropped, to be opened again for the next batch. */
static void store_failed(struct gcommit *g, struct gc_item **b, size_t n, const struct ikm_err *e)
{
	fail_all(b, n, e);
	store_close(g->s);
	g->s = NULL;
}

/* Each item in a transaction of its own, in order. */
static void one_by_one(struct gcommit *g, struct gc_item **b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct gc_item *it = b[i];

		it->dup = 0;
		err_clear(&it->err);
		it->rc = store_response_add(g->s, it->r, &it->dup, &it->err);
		if (it->rc < 0 && it->err.kind != IKM_EDATA) {
			struct ikm_err e = it->err;

			store_failed(g, b + i, n - i, &e);
			return;
		}
	}
}

static void run_batch(struct gcommit *g, struct gc_item **b, size_t n)
{
	struct ikm_err err = {0};
	size_t i;

	if (g->s == NULL && store_open(g->url, &g->s, &err) < 0) {
		fail_all(b, n, &err);
		return;
	}
	if (store_begin(g->s, &err) < 0) {
		store_failed(g, b, n, &err);
		return;
	}
	for (i = 0; i < n; i++) {
		struct gc_item *it = b[i];

		it->dup = 0;
		err_clear(&it->err);
		it->rc = store_response_add(g->s, it->r, &it->dup, &it->err);
		/* A duplicate, a used ticket or a closed period ran no failing
		 * statement: the others go on in the same transaction. */
		if (it->rc < 0 && store_tx_failed(g->s))
			break;
	}
	if (i < n) {
		err = b[i]->err;
		/* No response and no count of the batch is left. */
		store_rollback(g->s);
		if (err.kind == IKM_EDATA)
			one_by_one(g, b, n); /* one item's constraint: the others still go in */
		else
			store_failed(g, b, n, &err);
		return;
	}
	if (store_commit(g->s, &err) < 0)
		store_failed(g, b, n, &err);
}

static void *writer(void *arg)
{
	struct gcommit *g = arg;
	struct gc_item *batch[GCOMMIT_BATCH_MAX];

	pthread_mutex_lock(&g->lock);
	for (;;) {
		size_t n = 0;

		while (g->head == NULL && !g->stopping)
			pthread_cond_wait(&g->work, &g->lock);
		if (g->head == NULL)
			break; /* stopping, and everything answered */
		while (g->head != NULL && n < GCOMMIT_BATCH_MAX) {
			batch[n++] = g->head;
			g->head = g->head->next;
		}
		if (g->head == NULL)
			g->tail = NULL;
		g->queued -= n;
		pthread_cond_broadcast(&g->room);
		pthread_mutex_unlock(&g->lock);

		run_batch(g, batch, n);

		pthread_mutex_lock(&g->lock);
		for (size_t i = 0; i < n; i++) {
			batch[i]->done = 1;
			pthread_cond_signal(&batch[i]->cv);
		}
		g->pending -= n;
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

/* ---- the interface ------------------------------------------------------- */

int gcommit_start(const char *url, struct gcommit **out, struct ikm_err *err)
{
	struct gcommit *g = xcalloc(1, sizeof(*g));

	*out = NULL;
	g->url = xstrdup(url != NULL ? url : "");
	if (store_open(g->url, &g->s, err) < 0) {
		free(g->url);
		free(g);
		return -1;
	}
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->work, NULL);
	pthread_cond_init(&g->room, NULL);
	pthread_cond_init(&g->idle, NULL);
	if (pthread_create(&g->thread, NULL, writer, g) != 0) {
		store_close(g->s);
		pthread_mutex_destroy(&g->lock);
		pthread_cond_destroy(&g->work);
		pthread_cond_destroy(&g->room);
		pthread_cond_destroy(&g->idle);
		free(g->url);
		free(g);
		return err_set(err, IKM_EIO,
		               "utas penulis tidak dapat dimulai / cannot start the writer thread");
	}
	*out = g;
	return 0;
}

/* Leave gcommit_add (under the lock): gcommit_stop frees g only after
 * the last caller is out. */
static void leave(struct gcommit *g)
{
	if (--g->inside == 0 && g->stopping)
		pthread_cond_signal(&g->idle);
	pthread_mutex_unlock(&g->lock);
}

int gcommit_add(struct gcommit *g, const struct store_response *r, int *dup, struct ikm_err *err)
{
	struct gc_item it;

	memset(&it, 0, sizeof(it));
	it.r = r;
	*dup = 0;
	pthread_cond_init(&it.cv, NULL);
	pthread_mutex_lock(&g->lock);
	g->inside++;
	while (!g->stopping && g->queued >= GCOMMIT_QUEUE_MAX)
		pthread_cond_wait(&g->room, &g->lock);
	if (g->stopping) {
		leave(g);
		pthread_cond_destroy(&it.cv);
		return err_set(err, IKM_EIO,
		               "server sedang berhenti; tanggapan tidak disimpan / the server is "
		               "stopping, the response was not stored");
	}
	if (g->tail != NULL)
		g->tail->next = &it;
	else
		g->head = &it;
	g->tail = &it;
	g->queued++;
	g->pending++;
	pthread_cond_signal(&g->work);
	while (!it.done)
		pthread_cond_wait(&it.cv, &g->lock);
	leave(g);
	pthread_cond_destroy(&it.cv);
	if (it.rc < 0) {
		if (err != NULL)
			*err = it.err;
		return -1;
	}
	*dup = it.dup;
	return 0;
}

size_t gcommit_pending(struct gcommit *g)
{
	size_t n;

	pthread_mutex_lock(&g->lock);
	n = g->pending;
	pthread_mutex_unlock(&g->lock);
	return n;
}

size_t gcommit_queued(struct gcommit *g)
{
	size_t n;

	pthread_mutex_lock(&g->lock);
	n = g->queued;
	pthread_mutex_unlock(&g->lock);
	return n;
}

void gcommit_stop(struct gcommit *g)
{
	if (g == NULL)
		return;
	pthread_mutex_lock(&g->lock);
	g->stopping = 1;
	pthread_cond_broadcast(&g->work);
	pthread_cond_broadcast(&g->room);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->thread, NULL);
	/* Everything is answered; wait for the callers to let go of the lock. */
	pthread_mutex_lock(&g->lock);
	while (g->inside > 0)
		pthread_cond_wait(&g->idle, &g->lock);
	pthread_mutex_unlock(&g->lock);
	store_close(g->s);
	pthread_mutex_destroy(&g->lock);
	pthread_cond_destroy(&g->work);
	pthread_cond_destroy(&g->room);
	pthread_cond_destroy(&g->idle);
	free(g->url);
	free(g);
}
