// A driver's poll for a flag under a mutex, with a sleep or a voluntary
// preemption point between rounds: `for (;;) { mutex_lock(); if (done)
// break; mutex_unlock(); schedule_timeout_uninterruptible(1); }`.  The
// thread that sets the flag is runnable all along, and a real scheduler
// runs it within the first sleep; weft ran the poller round after round
// (the clock's thread fired each sleep's deadline), each round a new
// schedule: the correct loop in sleep_poll_ok.c was `pass` after 17 s
// without an end of the search, and over cond_resched() `inconclusive
// (step-limit)`.  A schedule_timeout that timed out and cond_resched()
// are now a poll's round, as a pthread sleep or sched_yield is: the
// poller yields to the threads that could run.  (msleep and usleep_range
// are not: see sleep_rounds_bug.c.)  The bug twin reads the flag without
// the mutex and then takes the result the flag guards, which the setter
// writes under the mutex taken again after the flag: the WARN_ON fires
// when the reader takes it between.
//! expect: bug assertion
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>

static DEFINE_MUTEX(m);
static int done, result;

static int setter(void *arg)
{
	(void)arg;
	mutex_lock(&m);
#ifdef OK
	result = 42;
	done = 1;
#else
	done = 1;
	mutex_unlock(&m);
	mutex_lock(&m);
	result = 42;
#endif
	mutex_unlock(&m);
	return 0;
}

/* One round of the poll: whether the flag was seen (the mutex still
 * held then, in the correct version). */
static int seen(void)
{
#ifdef OK
	mutex_lock(&m);
	if (done)
		return 1;
	mutex_unlock(&m);
	return 0;
#else
	if (READ_ONCE(done)) {
		mutex_lock(&m);
		return 1;
	}
	return 0;
#endif
}

static void poll_with(int how)
{
	struct task_struct *t = kthread_create(setter, NULL, "setter");

	get_task_struct(t);
	wake_up_process(t);
	while (!seen()) {
		if (how == 0)
			schedule_timeout_uninterruptible(1);
		else
			cond_resched();
	}
	WARN_ON(result != 42);
	mutex_unlock(&m);
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(poll_schedule_timeout)
{
	poll_with(0);
}

WEFT_TEST(poll_cond_resched)
{
	poll_with(1);
}
