//! expect: bug use-after-free
//! args: --strategy=dfs
/* A driver detaches and frees its softc while the softc's callout is still
 * pending (or its handler running): the callout subsystem would then run
 * a handler on freed memory.  callout_stop has unscheduled a pending run,
 * so what is left is a handler already running, which weft reports where
 * it writes the freed softc (a free while the handler is running is no
 * misuse by itself: bsdkernel/callout_stop_ref_ok.c). */
#include <weft/freebsd.h>

struct softc {
	struct mtx mtx;
	struct callout tick;
	int ticks;
};

static void sc_tick(void *arg)
{
	struct softc *sc = arg;

	sc->ticks++;
}

WEFT_TEST(free_pending_callout)
{
	struct softc *sc = malloc(sizeof *sc, M_DEVBUF, M_WAITOK | M_ZERO);

	callout_init(&sc->tick, 1);
	callout_reset(&sc->tick, hz, sc_tick, sc);
	/* detach */
	callout_stop(&sc->tick); /* BUG: does not wait for a running handler */
	free(sc, M_DEVBUF);
}
