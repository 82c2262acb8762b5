//! expect: bug assertion
//! args: --strategy=dfs
/* callout_active_pattern_ok.c without the callout_active check: a handler
 * that fired before callout_stop but got the mutex after it still does its
 * work, after the caller believed the callout stopped. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_work, sc_stopped;

static void sc_timeout(void *arg)
{
	(void)arg;
	mtx_lock(&sc_mtx);
	if (callout_pending(&sc_callout)) { /* BUG: no callout_active check */
		mtx_unlock(&sc_mtx);
		return;
	}
	callout_deactivate(&sc_callout);
	weft_assert(!sc_stopped);
	sc_work++;
	mtx_unlock(&sc_mtx);
}

WEFT_TEST(active_flag_protocol)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init(&sc_callout, CALLOUT_MPSAFE);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, sc_timeout, NULL);
	mtx_unlock(&sc_mtx);

	mtx_lock(&sc_mtx);
	callout_stop(&sc_callout);
	sc_stopped = 1; /* the callout is effectively stopped now */
	mtx_unlock(&sc_mtx);
	callout_drain(&sc_callout);
	mtx_destroy(&sc_mtx);
}
