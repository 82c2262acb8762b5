// mutex_init() of a mutex another thread holds: the kernel resets the
// owner and the wait list under the holder, and the next taker enters the
// critical section beside it.  The init was no scheduling point, so the
// exhaustive search ran it before the holder's unlock only by chance
// (verified in 1 schedule; a probe of kernel driver patterns).
// init_live_mutex_ok.c initialises a fresh kmalloc'd mutex instead, while
// the other thread runs: legitimate, whatever bytes the block held.
//! expect: bug misuse
#include <linux/mutex.h>
#include <linux/slab.h>

static DEFINE_MUTEX(m);
static int x;

static void t_fn(void *arg)
{
	(void)arg;
#ifdef OK
	struct mutex *fresh = kmalloc(sizeof(*fresh), GFP_KERNEL);

	mutex_init(fresh);
	mutex_lock(fresh);
	mutex_unlock(fresh);
	kfree(fresh);
#else
	mutex_init(&m);
#endif
	mutex_lock(&m);
	x++;
	mutex_unlock(&m);
}

WEFT_TEST(init_live_mutex)
{
	mutex_lock(&m);
	weft_thread_t t = weft_spawn(t_fn, NULL);
	x++;
	mutex_unlock(&m);
	weft_join(t);
}
