// this_cpu_inc() is preemption- and irq-safe on its CPU, so two contexts
// on the same CPU may both use it: two works queued on CPU 1, a kthread
// bound to CPU 0 beside the test thread, which got CPU 0 as the first
// to ask.  The this_cpu_ operations were plain read-modify-writes, and
// the correct twin (percpu_same_cpu_ok.c) was a lost update (the WARN_ON)
// and a data race (a helper's review); they are relaxed atomics now.
// The bug twin updates CPU 1's copy by per_cpu(hits, 1)++ from both works,
// a plain read-modify-write that two CPUs' works may interleave (the
// second work is queued on CPU 2), and the bound kthread does the same
// to CPU 0's copy beside the caller's this_cpu_inc: a real lost update.
//! expect(two_works_same_cpu): bug assertion
//! expect(bound_kthread_and_caller): bug assertion
#include <linux/percpu.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/completion.h>

static DEFINE_PER_CPU(long, hits);
static DECLARE_COMPLETION(kdone);

static long total(void)
{
	long s = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		s += per_cpu(hits, cpu);
	return s;
}

static void wfn(struct work_struct *w)
{
	(void)w;
#ifdef OK
	this_cpu_inc(hits);
#else
	per_cpu(hits, 1)++;
#endif
}
static DECLARE_WORK(wa, wfn);
static DECLARE_WORK(wb, wfn);

WEFT_TEST(two_works_same_cpu)
{
	queue_work_on(1, system_wq, &wa);
#ifdef OK
	queue_work_on(1, system_wq, &wb);
#else
	queue_work_on(2, system_wq, &wb);
#endif
	flush_work(&wa);
	flush_work(&wb);
	WARN_ON(total() != 2);
}

static int kfn(void *a)
{
	(void)a;
#ifdef OK
	this_cpu_inc(hits);
#else
	per_cpu(hits, 0)++; /* CPU 0's copy, from a plain access */
#endif
	complete(&kdone);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

WEFT_TEST(bound_kthread_and_caller)
{
	struct task_struct *t = kthread_create(kfn, NULL, "k");

	kthread_bind(t, 0);
	get_task_struct(t);
	wake_up_process(t);
	this_cpu_inc(hits);
	wait_for_completion(&kdone);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(total() != 2);
}
