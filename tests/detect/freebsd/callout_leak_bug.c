//! expect: bug leak
//! args: --strategy=dfs
/* A periodic callout that rearms itself, and a detach that only clears a
 * flag: in some interleavings the callout is still armed at the end. */
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

WEFT_TEST(periodic_left_armed)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, hz, sc_timeout, NULL);
	mtx_unlock(&sc_mtx);

	mtx_lock(&sc_mtx);
	sc_running = 0; /* BUG: the pending run is never stopped */
	mtx_unlock(&sc_mtx);
}
