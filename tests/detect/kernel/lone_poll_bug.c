// lone_poll_ok.c without the count: the test body waits for a flag the
// worker was to raise, but the worker was stopped before it did.  Nothing
// else can run, so the poll never ends: a livelock, reported once the
// poll has gone on alone for 100 times --spin-bound further reads.
//! expect(data_race_poll_forever): bug livelock
//! expect(try_wait_forever): bug livelock
#include <linux/completion.h>
#include <linux/compiler.h>
#include <linux/kthread.h>

static int flag;

static int fn(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		schedule();
	return 0; /* never raises flag */
}

WEFT_TEST(data_race_poll_forever)
{
	struct task_struct *t = kthread_run(fn, NULL, "worker");

	kthread_stop(t);
	while (!data_race(flag))
		cpu_relax();
}

static DECLARE_COMPLETION(never);

WEFT_TEST(try_wait_forever)
{
	struct task_struct *t = kthread_run(fn, NULL, "worker");

	kthread_stop(t);
	while (!try_wait_for_completion(&never))
		cpu_relax();
}
