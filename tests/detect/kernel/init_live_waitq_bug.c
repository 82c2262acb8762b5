// init_waitqueue_head() on a queue a reader already sleeps on (a reset
// path that re-inits the device's queue): the sleeper is dropped from the
// list and the next wake_up misses it.  Verified by every strategy before
// the init was a step with a check (a probe of kernel driver patterns).
// init_live_waitq_ok.c does not re-init.
//! expect: bug misuse
#include <linux/wait.h>
#include <linux/delay.h>
#include <linux/compiler.h>

static wait_queue_head_t wq;
static int ready;

static void reader(void *arg)
{
	(void)arg;
	wait_event(wq, READ_ONCE(ready));
}

WEFT_TEST(init_live_waitq)
{
	init_waitqueue_head(&wq);
	weft_thread_t t = weft_spawn(reader, NULL);
	msleep(1);
#ifndef OK
	init_waitqueue_head(&wq); /* device reset */
#endif
	WRITE_ONCE(ready, 1);
	wake_up(&wq);
	weft_join(t);
}
