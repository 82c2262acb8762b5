//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of callout_stop_uaf_bug.c: callout_drain waits for a
 * running handler, so the data can be freed when it returns. */
#include <weft/freebsd.h>

struct stats {
	int packets;
};

static struct mtx stats_mtx;
static struct callout stats_callout;

static void stats_timeout(void *arg)
{
	struct stats *st = arg;

	mtx_lock(&stats_mtx);
	st->packets++;
	mtx_unlock(&stats_mtx);
}

WEFT_TEST(drain_then_free)
{
	struct stats *st = malloc(sizeof *st, M_TEMP, M_WAITOK | M_ZERO);

	mtx_init(&stats_mtx, "stats_mtx", NULL, MTX_DEF);
	callout_init(&stats_callout, 1);
	callout_reset(&stats_callout, 1, stats_timeout, st);
	callout_drain(&stats_callout);
	free(st, M_TEMP);
	mtx_destroy(&stats_mtx);
}
