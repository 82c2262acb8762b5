// A kthread's task after its function returned.  The kernel frees it once
// nothing holds it: kthread_stop holds it only until it returns, and a
// get_task_struct holds it until the matching put_task_struct.  Each test
// here uses the task once too often; kthread_task_ref_ok.c is each one
// done right.  weft kept every task for the whole execution: all were
// verified.
//   stop_twice: a second kthread_stop, no reference held: the first
//     freed the task.
//   stop_twice_held: the same with a reference held: the task lives,
//     but its exit was signalled once, to the first stop, and the second
//     waits for ever.
//   wake_after_put: wake_up_process after the stop and the last put.
//   put_without_get: a put_task_struct no get_task_struct paid for.
//   park_after_return: kthread_park of a thread whose function returned
//     (the kernel warns and returns -ENOSYS).
//   park_while_returning: the thread returns instead of parking, and
//     the park waits for ever.
//! expect(stop_twice): bug use-after-free
//! expect(stop_twice_held): bug deadlock
//! expect(wake_after_put): bug use-after-free
//! expect(put_without_get): bug refcount
//! expect(park_after_return): bug misuse
//! expect(park_while_returning): bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>

static int idle_fn(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static DECLARE_COMPLETION(did_one);

static int one_shot(void *arg)
{
	(void)arg;
	complete(&did_one);
	return 0;
}

/* Started the safe way: the reference is taken before the thread runs. */
static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

WEFT_TEST(stop_twice)
{
	struct task_struct *t = kthread_run(idle_fn, NULL, "idle");

	kthread_stop(t);
#ifndef OK
	kthread_stop(t);
#endif
}

WEFT_TEST(stop_twice_held)
{
	struct task_struct *t = start(idle_fn, "idle");

	kthread_stop(t);
#ifndef OK
	kthread_stop(t);
#endif
	put_task_struct(t);
}

WEFT_TEST(wake_after_put)
{
	struct task_struct *t = start(idle_fn, "idle");

#ifdef OK
	wake_up_process(t);
	kthread_stop_put(t);
#else
	kthread_stop_put(t);
	wake_up_process(t);
#endif
}

WEFT_TEST(put_without_get)
{
	struct task_struct *t = kthread_create(idle_fn, NULL, "idle");

#ifdef OK
	get_task_struct(t);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
#else
	wake_up_process(t);
	put_task_struct(t);
	kthread_stop(t);
#endif
}

WEFT_TEST(park_after_return)
{
	struct task_struct *t = start(one_shot, "one_shot");

	wait_for_completion(&did_one);
#ifdef OK
	kthread_stop(t);
#else
	kthread_park(t);
	kthread_stop(t);
#endif
	put_task_struct(t);
}

/* Returns when asked to park, where it should call kthread_parkme. */
static int park_quitter(void *arg)
{
	(void)arg;
	for (;;) {
		if (kthread_should_stop())
			return 0;
		if (kthread_should_park())
#ifdef OK
			kthread_parkme();
#else
			return 0;
#endif
		schedule_timeout_interruptible(1);
	}
}

WEFT_TEST(park_while_returning)
{
	struct task_struct *t = start(park_quitter, "quitter");

	kthread_park(t);
	kthread_unpark(t);
	kthread_stop(t);
	put_task_struct(t);
}
