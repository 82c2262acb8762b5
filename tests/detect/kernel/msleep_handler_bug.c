// A timer handler signals that it has begun (complete), then checks a
// flag that a worker sets after msleep(5); the handler assumes it ends
// within those 5 ms.  A timing assumption: with the timer softirq in a
// thread (PREEMPT_RT) or on a preempted virtual CPU the handler can be
// delayed that long.  The handler runs in a thread of its own, as on
// another CPU, so the sleeper may wake while it still runs.  The
// partial-order reduction skipped this order as "the handler's end
// released the sleeper's wait" (the end was a step on the clock's domain
// object, and the sleep a wait of the clock): verified in 2 schedules (a
// review's probe).  msleep_handler_ok.c waits for the handler with
// del_timer_sync before it sets the flag.
//! expect: bug assertion
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/timer.h>

static struct timer_list tm;
static int back;
static DECLARE_COMPLETION(begun);

static void fn(struct timer_list *t)
{
	(void)t;
	complete(&begun);
	WARN_ON(READ_ONCE(back));
}

static void worker(void *arg)
{
	(void)arg;
	mod_timer(&tm, jiffies + 1);
	wait_for_completion(&begun);
	msleep(5);
#ifdef FIXED
	del_timer_sync(&tm);
#endif
	WRITE_ONCE(back, 1);
}

WEFT_TEST(handler_outlives_msleep)
{
	weft_thread_t w;

	timer_setup(&tm, fn, 0);
	w = weft_spawn(worker, NULL);
	weft_join(w);
	del_timer_sync(&tm);
}
