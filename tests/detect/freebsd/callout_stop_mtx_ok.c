//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* callout(9): with callout_init_mtx, stopping or resetting the callout
 * while holding its mutex is reliable: a handler that already fired but
 * waits for the mutex is cancelled.  So under the mutex, callout_stop
 * returns 1 and the handler never runs, or the handler has completed: it
 * returns -1, or 0 when the softclock has released the mutex but not yet
 * finished with the callout (the kernel has the same window). */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_fired, sc_stopped;

static void sc_timeout(void *arg)
{
	(void)arg;
	mtx_assert(&sc_mtx, MA_OWNED);
	weft_assert(!sc_stopped);
	sc_fired++;
}

WEFT_TEST(stop_under_lock_is_reliable)
{
	int r;

	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	weft_assert(callout_reset(&sc_callout, 1, sc_timeout, NULL) == 0);
	mtx_unlock(&sc_mtx);

	mtx_lock(&sc_mtx);
	r = callout_stop(&sc_callout);
	weft_assert(sc_fired == (r != 1));
	weft_assert(!callout_active(&sc_callout));
	weft_assert(!callout_pending(&sc_callout));
	sc_stopped = 1;
	mtx_unlock(&sc_mtx);

	callout_drain(&sc_callout);
	weft_assert(sc_fired == (r != 1));
	mtx_destroy(&sc_mtx);
}

/* Under the mutex the callout cannot have run since it was armed, so a
 * second reset always cancels the first (pending, or fired and waiting
 * for the mutex), and the handler runs exactly once. */
WEFT_TEST(reset_under_lock_cancels)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	weft_assert(callout_active(&sc_callout));
	weft_assert(callout_reset(&sc_callout, 2, sc_timeout, NULL) == 1);
	weft_assert(callout_active(&sc_callout));
	weft_assert(sc_fired == 0);
	mtx_unlock(&sc_mtx);
	callout_drain(&sc_callout);
	weft_assert(sc_fired <= 1);
	mtx_destroy(&sc_mtx);
}
