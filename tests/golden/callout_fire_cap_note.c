//! args: --strategy=dfs
//! needs: pthread
/* Pins the note of a verdict reached while a callout hit its fire limit
 * (max_fires, 3 by default): a periodic callout asserts on its fourth
 * run, which the limit holds back, so the verdict is verified, and it
 * must say that a later run was not explored (it said nothing: a FreeBSD
 * probe).  The FreeBSD models are not in the core-only builds, hence the
 * needs line, which leaves this out of them. */
#include <weft/freebsd.h>

static struct mtx m;
static struct callout co;
static int count, chan;

static void tick(void *arg)
{
	(void)arg;
	++count;
	KASSERT(count < 4, ("fourth run"));
	callout_reset(&co, 1, tick, NULL);
}

WEFT_TEST(callout_fire_cap_note)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	callout_init_mtx(&co, &m, 0);
	mtx_lock(&m);
	callout_reset(&co, 1, tick, NULL);
	mtx_unlock(&m);
	(void)tsleep(&chan, 0, "run", 10 * hz);
	callout_drain(&co);
	mtx_destroy(&m);
}
