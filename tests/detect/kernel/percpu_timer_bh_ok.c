// A per-CPU counter updated with __this_cpu_read/__this_cpu_write in
// process context, inside a section that keeps softirqs off the CPU
// (local_bh_disable, local_irq_save, spin_lock_bh, local_irq_disable),
// and from a timer armed on that same CPU (add_timer_on(t,
// smp_processor_id()), or mod_timer of a TIMER_PINNED timer).  The
// CPU's timer softirq does not run before the section ends, so no
// update is lost.  weft ran the handler on the timer's CPU in the
// middle of the section: a false assertion and data race on the
// counter (a probe's).  two_sections counts again in a second section
// after the first: a handler that began between them runs on top of
// the thread, which opens the second only after it returns (it ran in
// the middle of the handler).  other_cpu_locked arms the timer on
// another CPU, whose softirq runs at once, and both sides take the lock.
// percpu_timer_bh_bug.c disables only preemption, which does not keep
// the softirq out: a lost update.
//! expect(bh_section): verified
//! expect(irq_save_section): verified
//! expect(spin_bh_section): verified
//! expect(irq_disable_section): verified
//! expect(pinned_mod_timer): verified
//! expect(two_sections): verified
//! expect(other_cpu_locked): verified
#include <linux/percpu.h>
#include <linux/timer.h>
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/cpumask.h>

static DEFINE_PER_CPU(unsigned long, pkts);
static DEFINE_SPINLOCK(lk);
static struct timer_list t;
static unsigned long shared;
static int fired;

enum how { BH, IRQ_SAVE, SPIN_BH, IRQ_OFF };

static void t_fn(struct timer_list *x)
{
	(void)x;
	__this_cpu_write(pkts, __this_cpu_read(pkts) + 1);
	WRITE_ONCE(fired, 1);
}

#ifdef PREEMPT_ONLY
/* Preemption off keeps the thread on its CPU, not the softirq out. */
#define open_section(how, flags) ((void)(how), (void)(flags), preempt_disable())
#define close_section(how, flags) ((void)(how), (void)(flags), preempt_enable())
#else
static void open_section(enum how how, unsigned long *flags)
{
	switch (how) {
	case BH: local_bh_disable(); break;
	case IRQ_SAVE: local_irq_save(*flags); break;
	case SPIN_BH: spin_lock_bh(&lk); break;
	case IRQ_OFF: local_irq_disable(); break;
	}
}

static void close_section(enum how how, unsigned long *flags)
{
	switch (how) {
	case BH: local_bh_enable(); break;
	case IRQ_SAVE: local_irq_restore(*flags); break;
	case SPIN_BH: spin_unlock_bh(&lk); break;
	case IRQ_OFF: local_irq_enable(); break;
	}
}
#endif

static unsigned long total(void)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(pkts, cpu);
	return sum;
}

/* Count one in process context with the timer armed on this CPU; the
 * handler counts one more if it ran before del_timer_sync. */
static void count_beside_timer(enum how how, bool pinned_mod)
{
	unsigned long flags = 0;

	timer_setup(&t, t_fn, pinned_mod ? TIMER_PINNED : 0);
	open_section(how, &flags);
	if (pinned_mod) {
		(void)smp_processor_id();
		mod_timer(&t, jiffies + 1);
	} else {
		t.expires = jiffies + 1;
		add_timer_on(&t, smp_processor_id());
	}
	__this_cpu_write(pkts, __this_cpu_read(pkts) + 1);
	close_section(how, &flags);
	msleep(2);
	del_timer_sync(&t);
	WARN_ON(total() != 1 + (unsigned long)READ_ONCE(fired));
}

WEFT_TEST(bh_section) { count_beside_timer(BH, false); }
WEFT_TEST(irq_save_section) { count_beside_timer(IRQ_SAVE, false); }
WEFT_TEST(spin_bh_section) { count_beside_timer(SPIN_BH, false); }
WEFT_TEST(irq_disable_section) { count_beside_timer(IRQ_OFF, false); }
WEFT_TEST(pinned_mod_timer) { count_beside_timer(BH, true); }

WEFT_TEST(two_sections)
{
	unsigned long flags = 0;

	timer_setup(&t, t_fn, 0);
	open_section(BH, &flags);
	t.expires = jiffies + 1;
	add_timer_on(&t, smp_processor_id());
	__this_cpu_write(pkts, __this_cpu_read(pkts) + 1);
	close_section(BH, &flags);
	open_section(SPIN_BH, &flags);
	__this_cpu_write(pkts, __this_cpu_read(pkts) + 1);
	close_section(SPIN_BH, &flags);
	msleep(2);
	del_timer_sync(&t);
	WARN_ON(total() != 2 + (unsigned long)READ_ONCE(fired));
}

/* On another CPU the softirq runs beside the section: the lock, not the
 * section, keeps the handler's update apart (the bug twin's handler
 * takes none). */
static void shared_fn(struct timer_list *x)
{
	(void)x;
#ifndef PREEMPT_ONLY
	spin_lock(&lk);
#endif
	shared++;
#ifndef PREEMPT_ONLY
	spin_unlock(&lk);
#endif
}

WEFT_TEST(other_cpu_locked)
{
	int cpu;

	timer_setup(&t, shared_fn, 0);
	spin_lock_bh(&lk);
	cpu = smp_processor_id();
	t.expires = jiffies + 1;
	add_timer_on(&t, (cpu + 1) % nr_cpu_ids);
	shared++;
	spin_unlock_bh(&lk);
	msleep(2);
	del_timer_sync(&t);
}
