//! expect: verified
//! args: --strategy=dfs
/* The twin of kthread_unstopped_bug.c: the test stops the thread after
 * the completion, as the kernel requires, whichever of the thread's
 * return and the test's stop comes first. */
#include <weft/linux.h>

static struct completion done;

static int signaller(void *data)
{
	(void)data;
	complete(&done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

WEFT_TEST(completion_then_stop)
{
	struct task_struct *t;

	init_completion(&done);
	t = kthread_run(signaller, NULL, "signaller");
	wait_for_completion(&done);
	weft_assert(kthread_stop(t) == 0);
}
