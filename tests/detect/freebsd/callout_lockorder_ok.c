//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of callout_lockorder_bug.c: wait for the handler under
 * the lock, drop the lock, then drain. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_fired;

static void sc_timeout(void *arg)
{
	(void)arg;
	sc_fired = 1;
	wakeup(&sc_fired);
}

WEFT_TEST(drain_after_fire)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	while (!sc_fired)
		msleep(&sc_fired, &sc_mtx, PWAIT, "fired", 0);
	mtx_unlock(&sc_mtx);
	weft_assert(callout_drain(&sc_callout) != 1);
	mtx_destroy(&sc_mtx);
}
