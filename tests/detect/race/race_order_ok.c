//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of race_order_bug.c: the accesses made after the
 * critical sections there are made inside them here, so every order of
 * the critical sections orders them. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static int x;

static void write_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	x = 1;
	weft_mutex_unlock(&m);
}

static void read_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	int v = x;
	weft_mutex_unlock(&m);
	weft_assert(v == 0 || v == 1);
}

WEFT_TEST(read_first)
{
	weft_thread_t w = weft_spawn(write_locked, 0);
	weft_thread_t r = weft_spawn(read_locked, 0);
	weft_join(w);
	weft_join(r);
}

WEFT_TEST(write_first)
{
	weft_thread_t r = weft_spawn(read_locked, 0);
	weft_thread_t w = weft_spawn(write_locked, 0);
	weft_join(r);
	weft_join(w);
}
