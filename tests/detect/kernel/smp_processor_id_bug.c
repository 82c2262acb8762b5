// A statistics update that picks its CPU's slot with smp_processor_id()
// in preemptible code: the thread may move to another CPU between the
// call and the update, and then updates a slot another CPU's thread
// updates too.  The kernel's CONFIG_DEBUG_PREEMPT reports the call
// ("using smp_processor_id() in preemptible code"); weft reports it as
// misuse, since it does not explore a thread moving between CPUs.
// smp_processor_id_ok.c takes the CPU with get_cpu(), which disables
// preemption until put_cpu().  weft did not model CPU identity at all
// (a compile error).
//! expect(preemptible_id): bug misuse
//! expect(preemptible_this_cpu_ptr): bug misuse
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/workqueue.h>

struct stats {
	long packets;
};

static DEFINE_PER_CPU(struct stats, stats);
static DECLARE_COMPLETION(done);

static void count_packet(void)
{
#ifdef OK
	int cpu = get_cpu();

	per_cpu(stats, cpu).packets++;
	put_cpu();
#else
	int cpu = smp_processor_id();

	per_cpu(stats, cpu).packets++;
#endif
}

static int rx_thread(void *arg)
{
	(void)arg;
	count_packet();
	complete(&done);
	return 0;
}

static long total(void)
{
	long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(stats, cpu).packets;
	return sum;
}

WEFT_TEST(preemptible_id)
{
	struct task_struct *t = kthread_create(rx_thread, NULL, "rx");

	get_task_struct(t);
	wake_up_process(t);
	count_packet();
	wait_for_completion(&done);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(total() != 2);
}

/* this_cpu_ptr asks for the CPU as smp_processor_id() does. */
WEFT_TEST(preemptible_this_cpu_ptr)
{
	struct stats *s;

#ifdef OK
	s = get_cpu_ptr(&stats);
	s->packets++;
	put_cpu_ptr(&stats);
	local_bh_disable();
	this_cpu_ptr(&stats)->packets++;
	local_bh_enable();
	WARN_ON(total() != 2);
#else
	s = this_cpu_ptr(&stats);
	s->packets++;
#endif
}
