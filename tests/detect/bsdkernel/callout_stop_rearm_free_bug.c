/* A driver's periodic tick re-arms itself from its handler.  Detach stops
 * it with callout_stop(), which does not wait for a handler already
 * running: that handler re-arms the callout, and the softc holding it is
 * then freed, so the callout fires on freed memory.
 * callout_stop_rearm_free_ok.c drains it instead.  weft called this "1
 * callout still armed when the test returned", a leak (a probe of
 * kernel-style programs); it is a use-after-free, as for Linux's timers
 * freed while armed. */
//! expect: bug use-after-free
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/callout.h>

struct tick_softc {
	struct mtx lock;
	struct callout tick;
	int ticks;
};

static void tick_fn(void *arg)
{
	struct tick_softc *sc = arg;

	mtx_lock(&sc->lock);
	sc->ticks++;
	mtx_unlock(&sc->lock);
	callout_reset(&sc->tick, 1, tick_fn, sc);
}

WEFT_TEST(tick_detach)
{
	struct tick_softc *sc = malloc(sizeof(*sc), M_DEVBUF,
				       M_WAITOK | M_ZERO);

	mtx_init(&sc->lock, "tick", NULL, MTX_DEF);
	callout_init(&sc->tick, 1);
	callout_reset(&sc->tick, 1, tick_fn, sc);
	pause("run", 2);
#ifdef FIXED
	callout_drain(&sc->tick);
#else
	callout_stop(&sc->tick);
#endif
	mtx_destroy(&sc->lock);
	free(sc, M_DEVBUF);
}
