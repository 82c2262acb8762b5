//! expect: bug assertion
//! args: --strategy=dfs
/* A helper documents with mtx_assert that its caller holds the softc
 * mutex; one caller forgets to take it. */
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static int sc_count;

static void sc_update(void)
{
	mtx_assert(&sc_mtx, MA_OWNED);
	sc_count++;
}

static void worker(void *arg)
{
	(void)arg;
	mtx_lock(&sc_mtx);
	sc_update();
	mtx_unlock(&sc_mtx);
}

WEFT_TEST(caller_without_lock)
{
	weft_thread_t t;

	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	t = weft_spawn(worker, NULL);
	sc_update(); /* BUG: without sc_mtx */
	weft_join(t);
	mtx_destroy(&sc_mtx);
}
