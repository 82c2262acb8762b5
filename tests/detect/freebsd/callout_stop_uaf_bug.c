//! expect: bug use-after-free
//! args: --strategy=dfs
/* callout_stop does not wait for a handler that is already running, so
 * freeing the handler's data right after it is a use-after-free when the
 * handler has just started. */
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

WEFT_TEST(stop_then_free)
{
	struct stats *st = malloc(sizeof *st, M_TEMP, M_WAITOK | M_ZERO);

	mtx_init(&stats_mtx, "stats_mtx", NULL, MTX_DEF);
	callout_init(&stats_callout, 1);
	callout_reset(&stats_callout, 1, stats_timeout, st);
	callout_stop(&stats_callout); /* BUG: the handler may be running */
	free(st, M_TEMP);
}
