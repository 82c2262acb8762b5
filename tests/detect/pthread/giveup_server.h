/* The server of the give-up tests (giveup_2000_bug.c,
 * clock_deadline_poll_bug.c): it waits for a request to be published in
 * inbox, answers it, and marks it done; a client that gave up and freed
 * the request meanwhile has the answer written into freed memory. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct request {
	atomic_int done;
	int reply;
};

static _Atomic(struct request *) inbox;

static void *server(void *arg)
{
	struct request *r;

	(void)arg;
	while (!(r = atomic_load_explicit(&inbox, memory_order_acquire)))
		;
	r->reply = 7;
	atomic_store_explicit(&r->done, 1, memory_order_release);
	return NULL;
}
