//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* Needs weft-cc's instrumentation: races that only some orders of the lock
 * show, so exhaustive search must reach them.  In the first schedule the
 * thread spawned first takes the mutex first, and there the two accesses
 * are ordered; only the other order of the critical sections leaves them
 * unordered.  In read_first that order performs the read first (caught at
 * the write, against the recorded read), in write_first it performs the
 * write first (caught at the read, against the recorded write). */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static int x;

/* Writes under the lock. */
static void write_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	x = 1;
	weft_mutex_unlock(&m);
}

/* Reads after its critical section, so only a writer that took the lock
 * before it is ordered before the read. */
static void read_after_unlock(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	weft_mutex_unlock(&m);
	weft_assert(x != 42);
}

/* Reads under the lock. */
static void read_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	int v = x;
	weft_mutex_unlock(&m);
	weft_assert(v != 42);
}

/* Writes after its critical section. */
static void write_after_unlock(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	weft_mutex_unlock(&m);
	x = 2;
}

WEFT_TEST(read_first)
{
	weft_thread_t w = weft_spawn(write_locked, 0);
	weft_thread_t r = weft_spawn(read_after_unlock, 0);
	weft_join(w);
	weft_join(r);
}

WEFT_TEST(write_first)
{
	weft_thread_t r = weft_spawn(read_locked, 0);
	weft_thread_t w = weft_spawn(write_after_unlock, 0);
	weft_join(r);
	weft_join(w);
}
