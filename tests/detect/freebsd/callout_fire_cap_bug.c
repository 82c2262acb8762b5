//! expect: bug deadlock
//! args: --strategy=dfs
/* A periodic callout counts its runs and the waiter sleeps until the
 * count is reached.  This twin forgets the wakeup: a real hang, found
 * while the count (2) is within the callouts' fire limit (max_fires, 3
 * by default).  The twin callout_fire_cap_inconclusive.c counts to five
 * with the wakeup, correct code whose waiter only a fourth and fifth run
 * could wake: the limit holds those runs back, and that hang is weft's
 * bound, inconclusive (timer-refire-bound), where it was a false
 * deadlock (a FreeBSD probe). */
#include <weft/freebsd.h>

#ifdef FIXED
#define RUNS 5
#else
#define RUNS 2
#endif

static struct mtx m;
static struct callout co;
static int count;

static void tick(void *arg)
{
	(void)arg;
	mtx_assert(&m, MA_OWNED);
	if (++count < RUNS)
		callout_reset(&co, 1, tick, NULL);
#ifdef FIXED
	else
		wakeup(&count);
#endif
}

WEFT_TEST(callout_fire_cap)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	callout_init_mtx(&co, &m, 0);
	mtx_lock(&m);
	callout_reset(&co, 1, tick, NULL);
	while (count < RUNS)
		(void)msleep(&count, &m, 0, "wait", 0);
	mtx_unlock(&m);
	callout_drain(&co);
	mtx_destroy(&m);
}
