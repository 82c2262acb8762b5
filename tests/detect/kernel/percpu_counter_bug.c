// Per-CPU event counters.  Two threads each count their events in CPU
// 0's slot with per_cpu(nr_events, 0)++: a read-modify-write of one
// slot from two CPUs without a lock, a data race (one count can be
// lost).  percpu_counter_ok.c counts with this_cpu_inc, each on its own
// CPU's slot, and sums after both are done.  weft did not model per-CPU
// variables at all (<linux/percpu.h> was an #error).
//! expect: bug data-race
#include <linux/percpu.h>
#include <linux/kthread.h>
#include <linux/completion.h>

static DEFINE_PER_CPU(long, nr_events);
static DECLARE_COMPLETION(done);

static int counter(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
#ifdef OK
		if (i == 0) {
			this_cpu_inc(nr_events);
		} else {
			preempt_disable();
			__this_cpu_inc(nr_events);
			preempt_enable();
		}
#else
		per_cpu(nr_events, 0)++;
#endif
	}
	complete(&done);
	return 0;
}

static struct task_struct *start(const char *name)
{
	struct task_struct *t = kthread_create(counter, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

static void stop(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(count_events)
{
	struct task_struct *t0 = start("counter0"), *t1 = start("counter1");
	long sum = 0;
	int cpu;

	wait_for_completion(&done);
	wait_for_completion(&done);
	stop(t0);
	stop(t1);
	for_each_possible_cpu(cpu)
		sum += per_cpu(nr_events, cpu);
	/* The lost update is the race's consequence; the race itself is
	 * the finding (a wrong sum would be reported as an assertion). */
#ifdef OK
	WARN_ON(sum != 4);
#else
	(void)sum;
#endif
}
