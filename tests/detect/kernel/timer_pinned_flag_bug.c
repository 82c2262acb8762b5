//! expect: bug assertion
/* A per-CPU statistics timer checks that its handler runs on the CPU that
 * armed it.  Only a TIMER_PINNED timer is kept there: without the flag
 * the kernel may queue it on another CPU (timer migration), and the
 * check fails.  timer_pinned_flag_ok.c sets the flag; weft ignored it,
 * ran the handler on a CPU of its own and reported the check failing (a
 * probe's false alarm). */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/timer.h>

static struct timer_list stats_timer;
static DECLARE_COMPLETION(fired);
static int armed_cpu = -1, ran_cpu = -1;

static void stats_fn(struct timer_list *t)
{
	(void)t;
	ran_cpu = smp_processor_id();
	complete(&fired);
}

WEFT_TEST(timer_pinned_flag)
{
#ifdef OK
	timer_setup(&stats_timer, stats_fn, TIMER_PINNED);
#else
	timer_setup(&stats_timer, stats_fn, 0);
#endif
	preempt_disable();
	armed_cpu = smp_processor_id();
	mod_timer(&stats_timer, jiffies + 1);
	preempt_enable();
	wait_for_completion(&fired);
	WARN_ON(ran_cpu != armed_cpu);
	del_timer_sync(&stats_timer);
}
