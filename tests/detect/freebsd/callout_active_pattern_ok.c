//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* callout(9)'s third technique for callouts without an associated lock:
 * the handler takes the driver's mutex, returns at once if the callout
 * was reset (pending) or stopped (not active), and deactivates it.  Then
 * callout_stop under the mutex effectively stops the callout. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int sc_work, sc_stopped;

static void sc_timeout(void *arg)
{
	(void)arg;
	mtx_lock(&sc_mtx);
	if (callout_pending(&sc_callout) || !callout_active(&sc_callout)) {
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
