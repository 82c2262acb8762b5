// A driver reconfigures its polling kthread.  Parked (kthread_park waits
// until the thread sits in kthread_parkme), the thread cannot be reading
// the configuration; without the park the new value races with its
// reads.  kthread_park_ok.c parks around the change (parking used to
// fail to compile).
//! expect: bug data-race
#include <linux/kthread.h>
#include <linux/sched.h>

static int interval = 10;
static int polls;

static int poller(void *arg)
{
	(void)arg;
	while (!kthread_should_stop()) {
		if (kthread_should_park()) {
			kthread_parkme();
			continue;
		}
		polls += interval;
		schedule_timeout_interruptible(1);
	}
	return 0;
}

WEFT_TEST(reconfigure)
{
	struct task_struct *t = kthread_run(poller, NULL, "poller");

#ifdef OK
	BUG_ON(kthread_park(t));
	interval = 20;
	kthread_unpark(t);
#else
	interval = 20;
#endif
	kthread_stop(t);
}
