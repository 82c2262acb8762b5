//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* callout_migrate_legacy_bug.c under the fixed model (CPUBLOCK and
 * deferred migration, the default): a running callout migrates only when
 * its handler returns, and a waiting drain cancels the migration, so the
 * drain returns with the handler neither running nor pending anywhere. */
#include <weft/freebsd.h>

static struct callout mig_callout;
static int mig_runs;

static void mig_timeout(void *arg)
{
	(void)arg;
	if (++mig_runs == 1) {
		weft_assert(curcpu == 0);
		callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 1);
	} else {
		weft_assert(curcpu == 1);
	}
}

WEFT_TEST(drain_vs_migration_fixed)
{
	callout_init(&mig_callout, 1);
	callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 0);
	callout_drain(&mig_callout);
	weft_assert(!callout_pending(&mig_callout));
	weft_assert(!callout_active(&mig_callout));
}
