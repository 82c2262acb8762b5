//! expect: bug deadlock
//! args: --strategy=dfs
/* The condition is set but the queue is never woken: a waiter that found
 * it false and went to sleep sleeps for ever (the lost wake-up). */
#include <weft/linux.h>

static DECLARE_WAIT_QUEUE_HEAD(done_wq);
static int done;

static void finisher(void *arg)
{
	(void)arg;
	WRITE_ONCE(done, 1); /* missing wake_up(&done_wq) */
}

WEFT_TEST(condition_without_wake_up)
{
	weft_thread_t t = weft_spawn(finisher, NULL);

	wait_event(done_wq, READ_ONCE(done));
	weft_join(t);
}
