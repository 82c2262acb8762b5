//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of callout_free_pending_bug.c: callout_drain before
 * freeing the memory that holds the callout. */
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

WEFT_TEST(drain_then_free)
{
	struct softc *sc = malloc(sizeof *sc, M_DEVBUF, M_WAITOK | M_ZERO);

	callout_init(&sc->tick, 1);
	callout_reset(&sc->tick, hz, sc_tick, sc);
	callout_drain(&sc->tick);
	free(sc, M_DEVBUF);
}
