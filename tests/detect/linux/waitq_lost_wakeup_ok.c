//! expect: verified
//! args: --strategy=dfs
/* The twin of waitq_lost_wakeup_bug: the condition is set, then the queue
 * is woken, so a waiter that went to sleep before the store is woken and
 * one that checks after it never sleeps. */
#include <weft/linux.h>

static DECLARE_WAIT_QUEUE_HEAD(done_wq);
static int done;

static void finisher(void *arg)
{
	(void)arg;
	WRITE_ONCE(done, 1);
	wake_up(&done_wq);
}

WEFT_TEST(condition_then_wake_up)
{
	weft_thread_t t = weft_spawn(finisher, NULL);

	wait_event(done_wq, READ_ONCE(done));
	weft_join(t);
}
