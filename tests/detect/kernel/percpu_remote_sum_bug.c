// Per-CPU packet counters bumped with __this_cpu_inc() by works bound to
// CPUs 0 and 1 (queue_work_on).  The statistics read sums every CPU's
// slot while the works may still be counting: a plain read of CPU 1's
// slot races the plain update there (KCSAN reports it).  CPU 0's work
// is flushed first, so the race is on CPU 1's slot, whatever order the
// search tries first.  percpu_remote_sum_ok.c flushes both works first.  The report names the
// slot rx_pkts[cpu 1]; it said memory@1 (a probe of Linux driver code;
// tests/cli/percpu_names.sh checks the name).
//! expect: bug data-race
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/workqueue.h>

static DEFINE_PER_CPU(unsigned long, rx_pkts);

static void rx_fn(struct work_struct *w)
{
	(void)w;
	__this_cpu_inc(rx_pkts);
}
static DECLARE_WORK(rx0, rx_fn);
static DECLARE_WORK(rx1, rx_fn);

WEFT_TEST(sum_counters)
{
	unsigned long sum = 0;
	int cpu;

	queue_work_on(0, system_wq, &rx0);
	queue_work_on(1, system_wq, &rx1);
	flush_work(&rx0);
#ifdef FIXED
	flush_work(&rx1);
#endif
	for_each_possible_cpu(cpu)
		sum += per_cpu(rx_pkts, cpu);
	WARN_ON(sum > 2);
#ifndef FIXED
	flush_work(&rx1);
#endif
}
