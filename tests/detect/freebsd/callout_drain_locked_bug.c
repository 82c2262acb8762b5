//! expect: bug deadlock
//! args: --strategy=dfs
/* Draining a callout while holding the mutex it was initialised with:
 * when the softclock has fired the callout and waits for sc_mtx, the drain
 * waits for the handler, which waits for sc_mtx, held by the drainer. */
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

WEFT_TEST(drain_holding_callout_lock)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	mtx_unlock(&sc_mtx);

	mtx_lock(&sc_mtx);
	callout_drain(&sc_callout); /* BUG: drains under the callout's lock */
	mtx_unlock(&sc_mtx);
	mtx_destroy(&sc_mtx);
}
