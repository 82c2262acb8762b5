//! expect: verified
/* The usual kthread loop: poll kthread_should_stop() and sleep.  The
 * thread never ends by itself; a poll that sees no stop request counts as
 * a spin, so fair scheduling runs the stopping thread instead of polling
 * for ever, and exhaustive exploration (the default strategy) finishes:
 * kthread_stop always ends the loop and returns the thread's result, and
 * the work the thread did is visible after it.  A sleep orders nothing:
 * the stop may come before the thread first runs, and then the function
 * never runs and kthread_stop returns -EINTR, as in the kernel. */
#include <weft/linux.h>

static int polls;

static int poller(void *data)
{
	int *out = data;

	while (!kthread_should_stop()) {
		WRITE_ONCE(polls, READ_ONCE(polls) + 1);
		msleep(10);
	}
	*out = 1;
	return 7;
}

WEFT_TEST(stop_ends_the_loop)
{
	int done = 0;
	struct task_struct *t = kthread_run(poller, &done, "poller");

	int ret;

	msleep(25);
	ret = kthread_stop(t);
	weft_assert(ret == 7 || ret == -EINTR);
	weft_assert(done == (ret == 7));
}
