// kthread_bind binds a kthread that has not run yet: between
// kthread_create and its first wake_up_process.  Of a running one the
// kernel warns (__kthread_bind_mask's WARN_ON) and leaves it unbound;
// weft bound it and said verified (a helper's review).  The bug twin
// binds after the wake-up; kthread_bind_ok.c before it, and the thread
// then asks for its CPU without turning preemption off, which a bound
// thread may.
//! expect: bug assertion
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/smp.h>

static DECLARE_COMPLETION(ran);
static int __attribute__((unused)) cpu_seen = -1;

static int fn(void *arg)
{
	(void)arg;
#ifdef OK
	cpu_seen = smp_processor_id();
#endif
	complete(&ran);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

WEFT_TEST(bind_before_wake)
{
	struct task_struct *t = kthread_create(fn, NULL, "bound");

	get_task_struct(t);
#ifdef OK
	kthread_bind(t, 1);
	wake_up_process(t);
	wait_for_completion(&ran);
	WARN_ON(cpu_seen != 1);
#else
	wake_up_process(t);
	wait_for_completion(&ran);
	kthread_bind(t, 1);
#endif
	kthread_stop(t);
	put_task_struct(t);
}
