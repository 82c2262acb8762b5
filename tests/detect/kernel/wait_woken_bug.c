// wait_woken with a woken_wake_function entry (DEFINE_WAIT_FUNC), the
// kernel's idiom for a wait whose condition needs a lock or a call that
// may sleep.  The bug: the entry goes on the queue only after the
// condition was checked, so a wake-up in between finds nothing to wake and
// the consumer sleeps for ever.  The fix (the _ok twin) adds the entry
// first: a wake-up between the check and wait_woken sets the entry's
// WQ_FLAG_WOKEN, and wait_woken returns at once.  These did not compile
// (a probe of driver patterns).
//! expect: bug deadlock
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(events);
static bool ready;

static void producer(void *arg)
{
	(void)arg;
	WRITE_ONCE(ready, true);
	wake_up(&events);
}

WEFT_TEST(consumer_waits_woken)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	weft_thread_t p = weft_spawn(producer, NULL);

#ifdef OK
	add_wait_queue(&events, &wait);
	while (!READ_ONCE(ready))
		wait_woken(&wait, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
	remove_wait_queue(&events, &wait);
#else
	if (!READ_ONCE(ready)) {
		add_wait_queue(&events, &wait);
		wait_woken(&wait, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
		remove_wait_queue(&events, &wait);
	}
#endif
	weft_join(p);
}
