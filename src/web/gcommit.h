/* gcommit: group commit of responses, one writer per process. Request
 * threads hand a response to gcommit_add and block; one writer thread, on
 * its own store connection, takes everything waiting (at most
 * GCOMMIT_BATCH_MAX), stores it in one transaction and commits it — one
 * fsync for the whole batch instead of one per response — then wakes each
 * waiter with its own outcome. So an acknowledged response is durable, and
 * the writes of the process never wait on each other's locks.
 *
 * Each response gets the result store_response_add would give it on its
 * own, in arrival order: a repeated client id is a duplicate (also within
 * one batch), a used ticket or a closed period is IKM_EDATA for that
 * response alone, and the batch commits without it. When a statement fails
 * the transaction (a constraint store_response_add does not absorb), the
 * batch is rolled back — leaving no response and no count — and its
 * responses are stored one at a time, each with its own result. When the
 * store itself fails (connection lost, disk full, busy past the timeout),
 * every response of the batch gets that error (nothing of it is stored)
 * and the writer opens a new connection for the next batch. */
#ifndef IKM_GCOMMIT_H
#define IKM_GCOMMIT_H

#include <stddef.h>

#include "err.h"
#include "store.h"

#define GCOMMIT_BATCH_MAX 512  /* named limit: responses in one transaction */
#define GCOMMIT_QUEUE_MAX 8192 /* named limit: responses waiting; gcommit_add waits when full */

struct gcommit;

/* Open a store connection on url (as store_open) and start the writer
 * thread. Threads that should not take signals must block them first. */
int gcommit_start(const char *url, struct gcommit **out, struct ikm_err *err);

/* Store r: returns when the transaction holding it has committed (0; *dup
 * = 1 when its client id was stored before, nothing stored) or when it
 * failed for r (-1, err set: IKM_EDATA for r's own data, IKM_EIO when the
 * store failed). r is read by the writer until then; the caller keeps it.
 * Thread-safe. Refused (IKM_EIO) once gcommit_stop has begun. */
int gcommit_add(struct gcommit *g, const struct store_response *r, int *dup, struct ikm_err *err);

/* Responses added and not yet answered, and of those the ones not yet
 * taken into a batch (for tests and monitoring). */
size_t gcommit_pending(struct gcommit *g);
size_t gcommit_queued(struct gcommit *g);

/* Finish every response added before, stop the writer, close its
 * connection and free. Nothing may use g after it returns. NULL is fine. */
void gcommit_stop(struct gcommit *g);

#endif
