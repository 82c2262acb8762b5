// The commonest kthread loop: poll, count the round in the device, sleep
// a tick, until kthread_stop().  The teardown here frees the device before
// it stops the thread, so a round that runs between writes freed memory.
// kthread_poll_count_ok.c stops the thread first.  The correct loop ran
// round after round, each a new schedule, while kthread_stop waited: the
// poller's own count ended the yield of its timed-out sleep, and after
// 30 s the verdict was inconclusive (a probe of kernel patterns).  A sleep
// that timed out now yields until the others that could run have run
// (src/sched/fair.c, weft__fair_yield_kept).
//! expect: bug use-after-free
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct dev {
	int polls;
};

static int poll_fn(void *arg)
{
	struct dev *d = arg;

	while (!kthread_should_stop()) {
		d->polls++;
		schedule_timeout_interruptible(1);
	}
	return 0;
}

WEFT_TEST(kthread_poll_count)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct task_struct *t = kthread_run(poll_fn, d, "poll");

	get_task_struct(t);
#ifdef OK
	kthread_stop(t);
	kfree(d);
#else
	kfree(d);
	kthread_stop(t);
#endif
	put_task_struct(t);
}
