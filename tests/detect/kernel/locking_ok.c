// The fix of locking_bug.c (mutex first), the irqsave forms, rwsem,
// seqlock readers and writers, lockdep_assert_held, preempt_disable and
// local_irq_save sections.
//! expect: verified
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/seqlock.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>

static DEFINE_SPINLOCK(stats_lock);
static DEFINE_MUTEX(cfg_mutex);
static DECLARE_RWSEM(cfg_sem);
static DEFINE_SEQLOCK(pos_lock);
static int stats, cfg, px, py;

static void bump(void)
{
	lockdep_assert_held(&stats_lock);
	stats++;
}

static int reader(void *arg)
{
	unsigned seq;
	int x, y;

	(void)arg;
	do {
		seq = read_seqbegin(&pos_lock);
		x = px;
		y = py;
	} while (read_seqretry(&pos_lock, seq));
	WARN_ON(x != y);
	down_read(&cfg_sem);
	x = cfg;
	up_read(&cfg_sem);
	return x;
}

WEFT_TEST(mutex_then_spinlock)
{
	unsigned long flags;
	struct task_struct *t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);

	mutex_lock(&cfg_mutex);
	spin_lock_irqsave(&stats_lock, flags);
	bump();
	spin_unlock_irqrestore(&stats_lock, flags);
	mutex_unlock(&cfg_mutex);
	write_seqlock(&pos_lock);
	px++;
	py++;
	write_sequnlock(&pos_lock);
	down_write(&cfg_sem);
	cfg++;
	up_write(&cfg_sem);
	preempt_disable();
	local_irq_save(flags);
	WARN_ON(!in_atomic());
	local_irq_restore(flags);
	preempt_enable();
	kthread_stop(t);
	put_task_struct(t);
}
