//! expect: bug assertion
//! args: --strategy=dfs
/* FreeBSD 8.1's callout migration race (the seed 003 commit, Problem 1):
 * the handler moves its callout to CPU 1 with callout_reset_on while
 * another thread drains it.  The old callout_reset_on set the callout's
 * CPU, dropped CPU 0's callout lock and retried on CPU 1; a drain in that
 * window looked at CPU 1, saw the callout neither pending nor running
 * there, and returned while the handler still ran on CPU 0 (and then the
 * handler armed it again on CPU 1).  Under the legacy model weft reports
 * the broken guarantee; callout_migrate_ok.c runs the same code under the
 * fixed model. */
#include <weft/freebsd.h>

static struct callout mig_callout;
static int mig_runs;

static void mig_timeout(void *arg)
{
	(void)arg;
	if (++mig_runs == 1)
		callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 1);
}

WEFT_TEST(drain_vs_migration_legacy)
{
	weft_callout_set_model(WEFT_CALLOUT_MODEL_LEGACY);
	callout_init(&mig_callout, 1);
	callout_reset_on(&mig_callout, 1, mig_timeout, NULL, 0);
	callout_drain(&mig_callout);
}
