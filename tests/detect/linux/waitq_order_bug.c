//! expect: bug lock-order
//! args: --strategy=dfs
/* Sleeping on a wait queue while holding a mutex that the waker takes
 * before it wakes the queue (the dependency DEPT tracks and lockdep does
 * not).  The handshake makes this run safe, but had the waiter taken the
 * mutex first, the waker would block on it and the waiter sleep for
 * ever.  Reported from a run in which nothing hangs. */
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

WEFT_TEST(sleep_holding_mutex)
{
	weft_thread_t t = weft_spawn(waker, NULL);

	wait_for_completion(&started); /* the waker is past the mutex */
	mutex_lock(&cfg_mutex);
	wait_event(wq, READ_ONCE(done));
	mutex_unlock(&cfg_mutex);
	weft_join(t);
}
