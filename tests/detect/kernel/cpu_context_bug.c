// Contexts a helper's review found judged wrongly.  The bug twin asks for
// its CPU inside a plain rcu_read_lock() section (no preemption off on a
// preemptible kernel) and in a work on system_unbound_wq (unbound: its
// works run on no CPU of their own; weft took it as per-CPU and said
// verified), and calls tasklet_disable() under a spinlock (its wait may
// sleep since Linux 5.13: verified before).  cpu_context_ok.c uses
// rcu_read_lock_bh() and rcu_read_lock_sched() (softirqs or preemption
// off: they were misuse), system_wq, and tasklet_disable_in_atomic();
// and current_work() in a tasklet is NULL, as the kernel's (it was the
// tasklet's own work).
//! expect(id_in_rcu): bug misuse
//! expect(id_in_unbound_work): bug misuse
//! expect(tasklet_disable_atomic): bug misuse
//! expect(current_work_in_tasklet): verified
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

static int seen = -1;

WEFT_TEST(id_in_rcu)
{
#ifdef OK
	rcu_read_lock_bh();
	seen = smp_processor_id();
	rcu_read_unlock_bh();
	rcu_read_lock_sched();
	seen = smp_processor_id();
	rcu_read_unlock_sched();
#else
	rcu_read_lock();
	seen = smp_processor_id();
	rcu_read_unlock();
#endif
}

static void id_fn(struct work_struct *w)
{
	(void)w;
	seen = smp_processor_id();
}
static DECLARE_WORK(id_work, id_fn);

WEFT_TEST(id_in_unbound_work)
{
#ifdef OK
	queue_work(system_wq, &id_work);
#else
	queue_work(system_unbound_wq, &id_work);
#endif
	flush_work(&id_work);
}

static int runs;
static void tl_fn(struct tasklet_struct *t)
{
	(void)t;
	runs++;
	WARN_ON(current_work() != NULL);
}
static DECLARE_TASKLET(tl, tl_fn);
static DEFINE_SPINLOCK(lock);

WEFT_TEST(tasklet_disable_atomic)
{
	tasklet_schedule(&tl);
	spin_lock(&lock);
#ifdef OK
	tasklet_disable_in_atomic(&tl);
#else
	tasklet_disable(&tl);
#endif
	spin_unlock(&lock);
	tasklet_enable(&tl);
	tasklet_kill(&tl);
}

WEFT_TEST(current_work_in_tasklet)
{
	tasklet_schedule(&tl);
	tasklet_kill(&tl);
	WARN_ON(runs != 1);
}
