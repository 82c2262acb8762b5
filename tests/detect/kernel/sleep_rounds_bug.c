// The poller (the test thread) counts its rounds in a shared variable,
// sleeping between them, until a kthread says it is done; the kthread
// asserts the poller did not already go three rounds.  A real bug: the
// kthread may not be scheduled for three sleeps.  Found by a helper's
// review when msleep() had become a poll's round for fair scheduling:
// the default search verified it within 2 unfair continuations, where it
// needs 4 (msleep was then no round at all, and found the bug after some
// 20 s of PCT, its correct twin `pass` after 33 s).  A sleep that timed
// out, cond_resched() and msleep() now yield for good (src/sched/fair.c,
// weft__fair_yield_kept), each later round an unfair continuation, and
// the default search deepens its bound to 4 and finds it.
// sleep_rounds_ok.c asserts what holds, the count never goes down, and
// is verified.
//! expect: bug assertion
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>

static int rounds, done;

static int checker(void *a)
{
	int first = READ_ONCE(rounds);

	(void)a;
#ifdef OK
	WARN_ON(READ_ONCE(rounds) < first);
#else
	WARN_ON(first >= 3);
#endif
	WRITE_ONCE(done, 1);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static void count_rounds(int how)
{
	struct task_struct *t = kthread_create(checker, NULL, "checker");

	get_task_struct(t);
	wake_up_process(t);
	while (!READ_ONCE(done)) {
		WRITE_ONCE(rounds, rounds + 1);
		if (how == 0)
			schedule_timeout_uninterruptible(1);
		else if (how == 1)
			cond_resched();
		else
			msleep(1);
	}
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(rounds_schedule_timeout)
{
	count_rounds(0);
}

WEFT_TEST(rounds_cond_resched)
{
	count_rounds(1);
}

WEFT_TEST(rounds_msleep)
{
	count_rounds(2);
}
