// Holding a mutex, a thread waits for a completion whose completer takes
// that mutex first: with wait_for_completion the two wait for each other
// for ever.  With a timeout (completion_timed_lock_ok.c) the wait gives
// up and nothing hangs; weft reported that as a lock-order bug, though
// a timed lock adds no lock-order edge (found by a probe of kernel
// deadlocks).
//! expect: bug deadlock
#include <linux/completion.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(m);
static DECLARE_COMPLETION(c);

static void completer(void *arg)
{
	(void)arg;
	mutex_lock(&m);
	complete(&c);
	mutex_unlock(&m);
}

WEFT_TEST(wait_under_mutex)
{
	weft_thread_t t = weft_spawn(completer, NULL);

	mutex_lock(&m);
#ifdef OK
	(void)wait_for_completion_timeout(&c, 10);
#else
	wait_for_completion(&c);
#endif
	mutex_unlock(&m);
	weft_join(t);
}
