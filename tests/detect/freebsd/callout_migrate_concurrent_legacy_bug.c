//! expect: bug assertion
//! args: --strategy=dfs
/* The seed 003 commit's Problem 2: under FreeBSD 8.1's migration, a
 * handler that moves its callout to another CPU makes it pending there at
 * once, so the other CPU's softclock can start the same handler while the
 * first run has not returned.  callout(9) promises one run at a time. */
#include <weft/freebsd.h>

static struct mtx stats_mtx;
static struct callout mig_callout;
static int mig_runs;

static void mig_timeout(void *arg)
{
	(void)arg;
	mtx_lock(&stats_mtx);
	mig_runs++;
	mtx_unlock(&stats_mtx);
	if (curcpu == 0)
		callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 1);
	mtx_lock(&stats_mtx); /* the first run is still going */
	wakeup(&mig_runs);
	mtx_unlock(&stats_mtx);
}

WEFT_TEST(migration_runs_twice_legacy)
{
	weft_callout_set_model(WEFT_CALLOUT_MODEL_LEGACY);
	mtx_init(&stats_mtx, "stats_mtx", NULL, MTX_DEF);
	callout_init(&mig_callout, 1);
	callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 0);
	/* Wait for both runs, then drain. */
	mtx_lock(&stats_mtx);
	while (mig_runs < 2)
		msleep(&mig_runs, &stats_mtx, PWAIT, "migrun", 0);
	mtx_unlock(&stats_mtx);
	callout_drain(&mig_callout);
}
