// A thread arms a timer on its own CPU with softirqs off and then spins,
// still inside the section, until the handler has run.  The CPU's timer
// softirq runs only at local_bh_enable, which the thread never reaches:
// the kernel hangs there.  weft ran the handler beside the section (as
// on another CPU) and verified it.  bh_wait_own_timer_ok.c waits after
// local_bh_enable, and a thread that arms the timer on another CPU may
// wait inside the section.
//! expect(wait_in_section): bug livelock
#include <linux/timer.h>
#include <linux/bottom_half.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

static struct timer_list t;
static int fired;

static void t_fn(struct timer_list *x)
{
	(void)x;
	WRITE_ONCE(fired, 1);
}

WEFT_TEST(wait_in_section)
{
	timer_setup(&t, t_fn, 0);
	local_bh_disable();
	t.expires = jiffies + 1;
	add_timer_on(&t, smp_processor_id());
#ifdef OK
	local_bh_enable();
#endif
	while (!READ_ONCE(fired))
		cpu_relax();
#ifndef OK
	local_bh_enable();
#endif
	del_timer_sync(&t);
}

#ifdef OK
/* On another CPU the softirq runs beside the section. */
WEFT_TEST(wait_other_cpu)
{
	timer_setup(&t, t_fn, 0);
	local_bh_disable();
	t.expires = jiffies + 1;
	add_timer_on(&t, (smp_processor_id() + 1) % nr_cpu_ids);
	while (!READ_ONCE(fired))
		cpu_relax();
	local_bh_enable();
	del_timer_sync(&t);
}
#endif
