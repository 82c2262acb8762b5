// Works bound to CPUs 0 and 1 (queue_work_on) each record their CPU in a
// mask of CPUs with pending statistics, which the reader then walks with
// for_each_cpu.  The buggy works use __cpumask_set_cpu, a plain
// read-modify-write of the mask's word: the two race, and one CPU's bit
// may be lost (the reader's WARN_ON).  cpumask_ok.c uses cpumask_set_cpu
// (the atomic set_bit).
// <linux/cpumask.h> was missing (a probe of Linux driver code); the
// masks and counts checked at the start are the CPU model's (all CPUs
// possible and online).
//! expect: bug assertion
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/workqueue.h>

static cpumask_t pending;
static DEFINE_PER_CPU(unsigned long, events);

static void count_fn(struct work_struct *w)
{
	int cpu = smp_processor_id();

	(void)w;
	__this_cpu_inc(events);
#ifdef FIXED
	cpumask_set_cpu(cpu, &pending);
#else
	__cpumask_set_cpu(cpu, &pending);
#endif
}
static DECLARE_WORK(count0, count_fn);
static DECLARE_WORK(count1, count_fn);

WEFT_TEST(pending_mask)
{
	unsigned long sum = 0;
	int cpu, n = 0;

	WARN_ON(cpumask_weight(cpu_online_mask) != num_online_cpus());
	WARN_ON(nr_cpu_ids != num_possible_cpus());
	WARN_ON(!cpu_online(1) || !cpumask_test_cpu(1, cpumask_of(1)) ||
		cpumask_test_cpu(0, cpumask_of(1)));
	for_each_possible_cpu(cpu)
		n++;
	WARN_ON(n != (int)num_possible_cpus());

	queue_work_on(0, system_wq, &count0);
	queue_work_on(1, system_wq, &count1);
	flush_work(&count0);
	flush_work(&count1);
	for_each_cpu(cpu, &pending)
		sum += per_cpu(events, cpu);
	WARN_ON(sum != 2 || cpumask_weight(&pending) != 2);
}
