// A driver starts a kthread with a pointer to a config struct in its
// probe function's frame, and probe returns before the thread has read
// it: the thread reads a frame that is gone.  The fix waits on a
// completion the thread signals once it has copied what it needs.
//! expect: bug use-after-free
#include <linux/completion.h>
#include <linux/kthread.h>

struct cfg {
	int period;
	struct completion *copied;
};

static DECLARE_COMPLETION(copied);
static struct task_struct *task;
static int period_seen;

static int poller(void *arg)
{
	struct cfg *c = arg;

	period_seen = c->period;
	complete(c->copied);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static noinline void probe(void)
{
	struct cfg c = { .period = 5, .copied = &copied };

	task = kthread_run(poller, &c, "poller");
#ifdef OK
	wait_for_completion(&copied);
#endif
}

WEFT_TEST(kthread_stack_data)
{
	probe();
	kthread_stop(task);
#ifdef OK
	/* Only the fix knows the thread ran: a kthread_stop before its
	 * first step ends it unrun (another bug, which the search found
	 * first once the spawner went on after the kthread's start). */
	WARN_ON(period_seen != 5);
#endif
}
