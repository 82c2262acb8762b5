//! expect: bug leak
//! args: --strategy=dfs
/* A kthread that signals a completion and returns, and a test that waits
 * for the completion but never calls kthread_stop.  In the schedule where
 * the test ends right after complete(), before the thread's own return,
 * the thread is still running at the end (the kernel requires
 * kthread_stop before its code goes away).  The exhaustive search once
 * verified it: the end of the test and the thread's last step were not
 * ordered against each other, so the second order was never run.
 * kthread_unstopped_ok.c stops the thread. */
#include <weft/linux.h>

static struct completion done;

static int signaller(void *data)
{
	(void)data;
	complete(&done);
	return 0;
}

WEFT_TEST(completion_without_stop)
{
	init_completion(&done);
	kthread_run(signaller, NULL, "signaller");
	wait_for_completion(&done);
}
