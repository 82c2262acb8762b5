//! args: --strategy=dfs
/* Pins how long runs of steps by one thread are collapsed in the trace,
 * and how a choice and a note (busy trylock) are shown. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_atomic_t x;

static void busy(void *arg)
{
	(void)arg;
	for (int i = 0; i < 6; i++)
		weft_atomic_fetch_add(&x, 1);
	if (weft_mutex_trylock(&m) == 0)
		weft_mutex_unlock(&m);
}

WEFT_TEST(long_run)
{
	weft_mutex_lock(&m);
	weft_thread_t t = weft_spawn(busy, NULL);
	int v = weft_choose(3);
	weft_join(t);
	weft_mutex_unlock(&m);
	weft_assert(weft_atomic_load(&x) != 6 || v != 2);
}
