//! expect: verified
//! args: --strategy=dfs
/* The twin of waitq_order_bug: the waiter sleeps before it takes the
 * mutex, so the waker can always get it. */
#include <weft/linux.h>

static DEFINE_MUTEX(cfg_mutex);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static DECLARE_COMPLETION(started);
static int done;

static void waker(void *arg)
{
	(void)arg;
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	complete(&started);
	WRITE_ONCE(done, 1);
	wake_up(&wq);
}

WEFT_TEST(sleep_then_lock)
{
	weft_thread_t t = weft_spawn(waker, NULL);

	wait_for_completion(&started);
	wait_event(wq, READ_ONCE(done));
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	weft_join(t);
}
