// A counted poll of a flag after the only other thread has stopped: the
// test body tries data_race(flag) and READ_ONCE(flag) 30,000 times each
// and then does without, so nothing else can run while it polls, and it
// ends by itself.  Both were false livelocks at --spin-bound's 10,000
// steps; taken alone (the polls past the bound are not recorded) the
// first then crashed weft itself: freeing the search's wakeup tree, as
// deep as the execution, recursed until the test thread's stack ran out
// ("stack overflow ... in weft__wut_free").  A counted
// try_wait_for_completion was a livelock too: a failed try was a write,
// so the loop was no spin that could run alone; a failed try now only
// reads the completion, as a failed sem_trywait reads its count.
// lone_poll_bug.c polls without a count.  (A kthread stopped right after
// kthread_run may never run its function: kthread_stop then returns
// -EINTR.)
//! expect(data_race_counted_poll): verified
//! expect(read_once_counted_poll): verified
//! expect(try_wait_counted_poll): verified
#include <linux/completion.h>
#include <linux/compiler.h>
#include <linux/kthread.h>

static int flag, work;

static int fn(void *arg)
{
	(void)arg;
	WRITE_ONCE(work, 1);
	while (!kthread_should_stop())
		schedule();
	return 0;
}

WEFT_TEST(data_race_counted_poll)
{
	struct task_struct *t = kthread_run(fn, NULL, "worker");
	int i, ret;

	ret = kthread_stop(t);
	for (i = 0; i < 30000; i++)
		if (data_race(flag))
			break;
	weft_assert(i == 30000 && (ret == -EINTR || READ_ONCE(work)));
}

WEFT_TEST(read_once_counted_poll)
{
	struct task_struct *t = kthread_run(fn, NULL, "worker");
	int i, ret;

	ret = kthread_stop(t);
	for (i = 0; i < 30000; i++)
		if (READ_ONCE(flag))
			break;
	weft_assert(i == 30000 && (ret == -EINTR || READ_ONCE(work)));
}

static DECLARE_COMPLETION(never);

WEFT_TEST(try_wait_counted_poll)
{
	struct task_struct *t = kthread_run(fn, NULL, "worker");
	int i, ret;

	ret = kthread_stop(t);
	for (i = 0; i < 30000; i++)
		if (try_wait_for_completion(&never))
			break;
	weft_assert(i == 30000 && (ret == -EINTR || READ_ONCE(work)));
}
