//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* callout_stop's three results for a callout without a lock, as
 * callout(9) documents them: 1 - it was pending and will not run; 0 - its
 * handler is running (or about to) and cannot be stopped; -1 - it was
 * neither (it already ran).  callout_drain then waits for the handler. */
#include <weft/freebsd.h>

static struct callout sc_callout;
static weft_atomic_t sc_fired;

static void sc_timeout(void *arg)
{
	(void)arg;
	weft_atomic_fetch_add(&sc_fired, 1);
}

WEFT_TEST(stop_results)
{
	int r;

	callout_init(&sc_callout, CALLOUT_MPSAFE);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	r = callout_stop(&sc_callout);
	weft_assert(r >= -1 && r <= 1);
	if (r == -1)
		weft_assert(weft_atomic_load(&sc_fired) == 1);
	weft_assert(!callout_pending(&sc_callout));
	weft_assert(!callout_active(&sc_callout));
	callout_drain(&sc_callout);
	weft_assert(weft_atomic_load(&sc_fired) == (r == 1 ? 0 : 1));
	weft_assert(callout_stop(&sc_callout) == -1);
}

/* A handler that re-arms itself: stopping it while it runs returns 0 and
 * unschedules the next run. */
static void sc_rearm(void *arg)
{
	(void)arg;
	if (weft_atomic_fetch_add(&sc_fired, 1) == 0)
		callout_reset(&sc_callout, 1, sc_rearm, NULL);
}

WEFT_TEST(stop_unschedules_next_run)
{
	int r;

	callout_init(&sc_callout, CALLOUT_MPSAFE);
	callout_reset(&sc_callout, 1, sc_rearm, NULL);
	r = callout_stop(&sc_callout);
	callout_drain(&sc_callout);
	weft_assert(!callout_pending(&sc_callout));
	weft_assert(!callout_active(&sc_callout));
	if (r == 0)
		weft_assert(weft_atomic_load(&sc_fired) >= 1);
	weft_assert(weft_atomic_load(&sc_fired) <= 2);
}

/* callout_schedule re-arms with the function and argument of the last
 * reset; callout_reset_curcpu arms on the caller's CPU. */
WEFT_TEST(schedule_and_curcpu)
{
	callout_init(&sc_callout, CALLOUT_MPSAFE);
	weft_assert(callout_reset_curcpu(&sc_callout, 1, sc_timeout, NULL) == 0);
	callout_drain(&sc_callout);
	weft_assert(callout_schedule(&sc_callout, 2) == 0);
	weft_assert(callout_active(&sc_callout));
	callout_drain(&sc_callout);
	weft_assert(weft_atomic_load(&sc_fired) <= 2);
	weft_assert(mp_ncpus == 2 && hz > 0 && ticks >= 0);
}
