//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of callout_drain_locked_bug.c: stop the callout under
 * its lock (reliable for a callout_init_mtx callout), then drain it
 * without holding the lock. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_ticks;

static void sc_timeout(void *arg)
{
	(void)arg;
	mtx_assert(&sc_mtx, MA_OWNED);
	sc_ticks++;
}

WEFT_TEST(drain_after_unlock)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	mtx_unlock(&sc_mtx);

	mtx_lock(&sc_mtx);
	callout_stop(&sc_callout);
	mtx_unlock(&sc_mtx);
	callout_drain(&sc_callout);
	weft_assert(!callout_pending(&sc_callout));
	weft_assert(!callout_active(&sc_callout));
	mtx_destroy(&sc_mtx);
}
