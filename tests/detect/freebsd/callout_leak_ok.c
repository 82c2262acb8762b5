//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of callout_leak_bug.c: clear the flag and stop the
 * callout under its lock; a stop under the lock of a callout_init_mtx
 * callout is reliable, so the handler cannot rearm it afterwards. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_running = 1;

static void sc_timeout(void *arg)
{
	(void)arg;
	mtx_assert(&sc_mtx, MA_OWNED);
	if (sc_running)
		callout_reset(&sc_callout, hz, sc_timeout, NULL);
}

WEFT_TEST(periodic_stopped)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, hz, sc_timeout, NULL);
	mtx_unlock(&sc_mtx);

	mtx_lock(&sc_mtx);
	sc_running = 0;
	callout_stop(&sc_callout);
	mtx_unlock(&sc_mtx);
	callout_drain(&sc_callout);
	mtx_destroy(&sc_mtx);
}
