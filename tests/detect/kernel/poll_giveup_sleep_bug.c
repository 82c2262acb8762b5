// A reset handshake, a common driver idiom: queue the reset work, poll
// its flag up to 100 times with msleep(1) between polls, and on time-out
// free the context.  The work may still be about to run (a kworker kept
// off the CPU for 100 ms under load), and then it writes freed memory;
// poll_giveup_sleep_ok.c cancels the work first.  The give-up probe runs
// a cut poller alone to its give-up path, but the run alone once ended
// at the poller's first sleep (only the clock ends it), the work ran
// next and set the flag, and the bug was verified for 68 polls or more
// (a probe of kernel-style programs).  The clock now runs for a poller
// that sleeps alone (src/sched/slow.c, clock_for).  Every sleeping form
// had it: msleep, usleep_range, schedule_timeout_uninterruptible.  The
// second test polls until the usual jiffies deadline, 25 ms: a round
// reads the flag and jiffies and sleeps, more than one unfair
// continuation, so even --fair-bound=64 did not cover its 26 rounds.
//! expect: bug use-after-free
//! args: --strategy=dfs
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define NPOLL 100

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

static void pause_a_while(int round)
{
	if (round % 3 == 0)
		msleep(1);
	else if (round % 3 == 1)
		usleep_range(1000, 2000);
	else
		schedule_timeout_uninterruptible(1);
}

WEFT_TEST(reset_and_poll)
{
	struct reset_ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int i;

	INIT_WORK(&c->work, reset_fn);
	schedule_work(&c->work);
	for (i = 0; i < NPOLL; i++) {
		if (READ_ONCE(c->ready))
			break;
		pause_a_while(i);
	}
	if (i == NPOLL) {
#ifdef FIXED
		cancel_work_sync(&c->work);
#endif
		kfree(c);
		return;
	}
	flush_work(&c->work);
	kfree(c);
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
