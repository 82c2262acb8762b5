//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The handler's lock: Giant for a callout that is not MPSAFE, and a
 * CALLOUT_RETURNUNLOCKED handler that releases its mutex itself. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_fired;

static void giant_timeout(void *arg)
{
	(void)arg;
	mtx_assert(&Giant, MA_OWNED);
	sc_fired++;
}

WEFT_TEST(not_mpsafe_runs_under_giant)
{
	callout_init(&sc_callout, 0);
	mtx_lock(&Giant);
	callout_reset(&sc_callout, 1, giant_timeout, NULL);
	mtx_unlock(&Giant);
	mtx_lock(&Giant);
	/* Giant is held: the stop is reliable, as with callout_init_mtx. */
	if (callout_stop(&sc_callout) == 1)
		weft_assert(sc_fired == 0);
	mtx_unlock(&Giant);
	callout_drain(&sc_callout);
	weft_assert(sc_fired <= 1);
}

static void unlocking_timeout(void *arg)
{
	(void)arg;
	mtx_assert(&sc_mtx, MA_OWNED);
	sc_fired++;
	mtx_unlock(&sc_mtx);
}

WEFT_TEST(handler_returns_unlocked)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, CALLOUT_RETURNUNLOCKED);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, unlocking_timeout, NULL);
	mtx_unlock(&sc_mtx);
	callout_drain(&sc_callout);
	mtx_lock(&sc_mtx);
	weft_assert(sc_fired <= 1);
	mtx_unlock(&sc_mtx);
	mtx_destroy(&sc_mtx);
}
