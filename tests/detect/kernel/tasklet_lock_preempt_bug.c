// The tx-completion tasklet takes tx_lock.  The xmit path takes tx_lock
// with preempt_disable() + spin_lock() (thinking "no preemption, so the
// tasklet cannot run here"): the tasklet can still run on top of it on
// the same CPU at interrupt exit and spin for ever.  Fixed:
// local_bh_disable() (spin_lock_bh).
// weft counted any atomic section, preempt_disable's too, as softirqs
// off: the bug twin was verified (a probe's).
//! expect: bug deadlock
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>

static DEFINE_SPINLOCK(tx_lock);
static int tx_pending;

static void tx_done_fn(struct tasklet_struct *t)
{
	(void)t;
	spin_lock(&tx_lock);
	tx_pending = 0;
	spin_unlock(&tx_lock);
}
static DECLARE_TASKLET(tx_done, tx_done_fn);

static void irq_side(void *arg)
{
	(void)arg;
	tasklet_schedule(&tx_done);
}

WEFT_TEST(xmit_vs_tx_tasklet)
{
	weft_thread_t t = weft_spawn(irq_side, NULL);

#ifdef FIXED
	local_bh_disable();
#else
	preempt_disable();
#endif
	spin_lock(&tx_lock);
	tx_pending++;
	spin_unlock(&tx_lock);
#ifdef FIXED
	local_bh_enable();
#else
	preempt_enable();
#endif
	weft_join(t);
	tasklet_kill(&tx_done);
}
