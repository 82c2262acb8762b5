// schedule_timeout's pattern (kernel/time/sleep_timeout.c): an on-stack
// timer, its callback completes the owner, the owner deletes it with
// timer_delete_sync and destroy_timer_on_stack before returning.  Then
// the caller goes on with other locals.  Correct code.
// (From a review of the on-stack objects: the end-of-test timer scan read
// the destroyed timer in the finished thread's stack, and timer_setup
// read the local's old bytes: false reports.)
//! expect: verified
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/timer.h>

struct tw {
	struct timer_list t;
	struct completion done;
};

static void tfn(struct timer_list *t)
{
	struct tw *w = from_timer(w, t, t);

	complete(&w->done);
}

static noinline void wait_a_tick(void)
{
	struct tw w;

	init_completion(&w.done);
	timer_setup_on_stack(&w.t, tfn, 0);
	mod_timer(&w.t, jiffies + 1);
	wait_for_completion(&w.done);
	timer_delete_sync(&w.t);
	destroy_timer_on_stack(&w.t);
}

static noinline void fill(void)
{
	volatile long buf[32];

	for (int i = 0; i < 32; i++)
		buf[i] = 0x0101010101010101L;
	msleep(1);
	for (int i = 0; i < 32; i++)
		BUG_ON(buf[i] != 0x0101010101010101L);
}

WEFT_TEST(sync_then_return)
{
	wait_a_tick();
	fill();
}

WEFT_TEST(sync_twice)
{
	wait_a_tick();
	wait_a_tick();
}
