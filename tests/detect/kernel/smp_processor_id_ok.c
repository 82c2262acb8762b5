// smp_processor_id_bug.c with get_cpu()/put_cpu() and get_cpu_ptr():
// the CPU holds while preemption is off.  bound_work checks a per-CPU
// worker: a work queued with queue_work_on(1, ...) runs on CPU 1, where
// its worker is bound, so smp_processor_id() is legal there and says 1;
// a kthread bound with kthread_bind runs on its CPU too.
//! expect(preemptible_id): verified
//! expect(preemptible_this_cpu_ptr): verified
//! expect(bound_work): verified
#define OK
#include "smp_processor_id_bug.c"

static void on_cpu_fn(struct work_struct *w)
{
	(void)w;
	WARN_ON(smp_processor_id() != 1);
	__this_cpu_inc(stats.packets);
}

static int bound_fn(void *arg)
{
	(void)arg;
	WARN_ON(smp_processor_id() != 2);
	__this_cpu_inc(stats.packets);
	complete(&done);
	return 0;
}

WEFT_TEST(bound_work)
{
	struct work_struct w;
	struct task_struct *t = kthread_create(bound_fn, NULL, "bound");

	get_task_struct(t);
	kthread_bind(t, 2);
	wake_up_process(t);
	INIT_WORK_ONSTACK(&w, on_cpu_fn);
	queue_work_on(1, system_wq, &w);
	flush_work(&w);
	wait_for_completion(&done);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(per_cpu(stats, 1).packets != 1);
	WARN_ON(per_cpu(stats, 2).packets != 1);
	WARN_ON(total() != 2);
}
