// The same handshake with the usual jiffies deadline: `timeout = jiffies
// + msecs_to_jiffies(25); while (!ready) { if (time_after(jiffies,
// timeout)) give up; msleep(1); }`.  A round reads the flag and jiffies
// and sleeps, more than one unfair continuation, so even --fair-bound=64
// did not cover these 26 rounds, and the give-up probe stopped at the
// first sleep (see poll_giveup_sleep_bug.c): verified.
// poll_giveup_jiffies_ok.c cancels the work before the free.
//! expect: bug use-after-free
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct reset_ctx {
	struct work_struct work;
	int ready;
	int resets;
};

static void reset_fn(struct work_struct *w)
{
	struct reset_ctx *c = container_of(w, struct reset_ctx, work);

	c->resets++;
	WRITE_ONCE(c->ready, 1);
}

WEFT_TEST(reset_until_deadline)
{
	struct reset_ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
	unsigned long timeout;

	INIT_WORK(&c->work, reset_fn);
	schedule_work(&c->work);
	timeout = jiffies + msecs_to_jiffies(25);
	while (!READ_ONCE(c->ready)) {
		if (time_after(jiffies, timeout)) {
#ifdef FIXED
			cancel_work_sync(&c->work);
#endif
			kfree(c);
			return;
		}
		msleep(1);
	}
	flush_work(&c->work);
	kfree(c);
}
