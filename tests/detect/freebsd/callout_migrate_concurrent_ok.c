//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded --iterations=0
/* callout_migrate_concurrent_legacy_bug.c under the fixed model: the move
 * to CPU 1 waits until the run on CPU 0 returned, so the runs never
 * overlap, and the second run, on CPU 1, does not re-arm it. */
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
	mtx_lock(&stats_mtx);
	wakeup(&mig_runs);
	mtx_unlock(&stats_mtx);
}

WEFT_TEST(migration_runs_once_at_a_time)
{
	mtx_init(&stats_mtx, "stats_mtx", NULL, MTX_DEF);
	callout_init(&mig_callout, 1);
	callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 0);
	/* Wait for both runs, then drain. */
	mtx_lock(&stats_mtx);
	while (mig_runs < 2)
		msleep(&mig_runs, &stats_mtx, PWAIT, "migrun", 0);
	mtx_unlock(&stats_mtx);
	weft_assert(callout_drain(&mig_callout) <= 0);
	mtx_lock(&stats_mtx);
	weft_assert(mig_runs == 2);
	mtx_unlock(&stats_mtx);
	mtx_destroy(&stats_mtx);
}
