// A per-CPU queue is filled from process context under get_cpu() and its
// spinlock (spin_lock, softirqs on); the flush timer takes the same lock.
// get_cpu() disables preemption only: the timer softirq can still run on
// top of the holder on its CPU and spin on the lock for ever (lockdep:
// inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}).  Fixed: spin_lock_bh().
// weft counted any atomic section, preempt_disable's too, as softirqs
// off: the bug twin was verified (a probe's).  local_lock_vs_flush_timer
// is the same with a local_lock (preempt_disable without PREEMPT_RT).
//! expect(enqueue_vs_flush_timer): bug deadlock
//! expect(local_lock_vs_flush_timer): bug deadlock
#include <linux/local_lock.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/smp.h>

static DEFINE_SPINLOCK(q_lock);
static int q_len;
static struct timer_list flush_timer;

static void flush_fn(struct timer_list *t)
{
	(void)t;
	spin_lock(&q_lock);
	q_len = 0;
	spin_unlock(&q_lock);
}

WEFT_TEST(enqueue_vs_flush_timer)
{
	int cpu;

	timer_setup(&flush_timer, flush_fn, 0);
	mod_timer(&flush_timer, jiffies);
	cpu = get_cpu();
#ifdef FIXED
	spin_lock_bh(&q_lock);
#else
	spin_lock(&q_lock);
#endif
	q_len++;
#ifdef FIXED
	spin_unlock_bh(&q_lock);
#else
	spin_unlock(&q_lock);
#endif
	put_cpu();
	(void)cpu;
	msleep(2);
	del_timer_sync(&flush_timer);
}

static DEFINE_PER_CPU(local_lock_t, q_llock) = INIT_LOCAL_LOCK(q_llock);

WEFT_TEST(local_lock_vs_flush_timer)
{
	timer_setup(&flush_timer, flush_fn, 0);
	mod_timer(&flush_timer, jiffies);
	local_lock(&q_llock);
#ifdef FIXED
	spin_lock_bh(&q_lock);
#else
	spin_lock(&q_lock);
#endif
	q_len++;
#ifdef FIXED
	spin_unlock_bh(&q_lock);
#else
	spin_unlock(&q_lock);
#endif
	local_unlock(&q_llock);
	msleep(2);
	del_timer_sync(&flush_timer);
}
