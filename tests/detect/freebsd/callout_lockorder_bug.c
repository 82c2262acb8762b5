//! expect: bug lock-order
//! args: --strategy=dfs
/* The handler has already run and will not run again, so this drain never
 * waits and no execution deadlocks.  But the drain holds sc_mtx while
 * waiting for the handler's class, and the handler runs holding sc_mtx:
 * the order sc_mtx -> handler -> sc_mtx is a cycle, reported from runs in
 * which nothing went wrong (a different timing would deadlock). */
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

WEFT_TEST(drain_under_lock_after_fire)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	while (!sc_fired)
		msleep(&sc_fired, &sc_mtx, PWAIT, "fired", 0);
	callout_drain(&sc_callout); /* BUG: under the callout's lock */
	mtx_unlock(&sc_mtx);
	mtx_destroy(&sc_mtx);
}
