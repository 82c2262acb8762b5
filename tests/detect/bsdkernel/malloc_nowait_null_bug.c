// malloc(9) with M_NOWAIT returns NULL when memory is short; code that
// cannot sleep there (a callout handler, a path under a mutex) must
// check.  weft's malloc always returned a block, and these unchecked uses
// were verified (a probe).  Each dereferences the result unchecked: a
// NULL-pointer crash, with "malloc(M_NOWAIT) = NULL" in the trace.
// malloc_nowait_null_ok.c checks each result.  M_WAITOK never returns
// NULL (waitok_never_fails: one schedule in both).
//! expect(nowait_unchecked): bug crash
//! expect(nowait_in_callout): bug crash
//! expect(nowait_counter): bug crash
//! expect(waitok_never_fails): verified executions=1
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/callout.h>
#include <sys/counter.h>

struct req {
	int x;
	struct req *next;
};

WEFT_TEST(nowait_unchecked)
{
	struct req *r = malloc(sizeof(*r), M_DEVBUF, M_NOWAIT | M_ZERO);

#ifdef OK
	if (r == NULL)
		return;
#endif
	r->x = 1;
	free(r, M_DEVBUF);
}

/* A callout handler may not sleep: it allocates with M_NOWAIT and
 * queues the request under the mutex the callout was set up with, while
 * the test thread drains the queue under the same mutex. */
static struct mtx qlock;
static struct callout tick;
static struct req *queue;

static void tick_fn(void *arg)
{
	struct req *r = malloc(sizeof(*r), M_DEVBUF, M_NOWAIT);

	(void)arg;
	mtx_assert(&qlock, MA_OWNED);
#ifdef OK
	if (r == NULL)
		return;
#endif
	r->x = 2;
	r->next = queue;
	queue = r;
}

WEFT_TEST(nowait_in_callout)
{
	struct req *r;

	queue = NULL;
	mtx_init(&qlock, "q", NULL, MTX_DEF);
	callout_init_mtx(&tick, &qlock, 0);
	mtx_lock(&qlock);
	callout_reset(&tick, 1, tick_fn, NULL);
	mtx_unlock(&qlock);
	callout_drain(&tick);
	mtx_lock(&qlock);
	while ((r = queue) != NULL) {
		queue = r->next;
		free(r, M_DEVBUF);
	}
	mtx_unlock(&qlock);
	mtx_destroy(&qlock);
}

/* counter_u64_alloc is malloc(9) too. */
WEFT_TEST(nowait_counter)
{
	counter_u64_t c = counter_u64_alloc(M_NOWAIT);

#ifdef OK
	if (c == NULL)
		return;
#endif
	counter_u64_add(c, 1);
	counter_u64_free(c);
}

WEFT_TEST(waitok_never_fails)
{
	struct req *r = malloc(sizeof(*r), M_DEVBUF, M_WAITOK | M_ZERO);

	r->x = 3;
	free(r, M_DEVBUF);
}
