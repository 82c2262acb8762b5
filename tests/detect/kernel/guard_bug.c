// Scope-based locking from <linux/cleanup.h>.  An updater takes cfg_lock
// with guard() and then stats_lock with scoped_guard(); the reader takes
// them the other way round: an ABBA deadlock, drawn at the guards'
// lines.  And an object declared __free(kfree) is published to a global
// without no_free_ptr(): it is freed when its scope ends, under the
// reader's feet, and freed again by the test's own kfree of the global
// (the first bug found, in every order).  guard_ok.c takes the locks in one order and hands the
// object over with no_free_ptr().  Before, <linux/cleanup.h> did not
// exist.
//! expect(guard_order): bug deadlock
//! expect(free_scope): bug double-free
//! expect(guard_irqsave_rcu): verified
#include <linux/cleanup.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

static DEFINE_MUTEX(cfg_lock);
static DEFINE_MUTEX(stats_lock);
int cfg, stats;

static int updater(void *arg)
{
	(void)arg;
	guard(mutex)(&cfg_lock);
	cfg++;
	scoped_guard(mutex, &stats_lock)
		stats++;
	return 0;
}

WEFT_TEST(guard_order)
{
	struct task_struct *t = kthread_create(updater, NULL, "updater");
	get_task_struct(t);
	wake_up_process(t);

#ifdef GUARD_OK
	scoped_guard(mutex, &cfg_lock) {
		guard(mutex)(&stats_lock);
		weft_assert(stats <= cfg);
	}
#else
	scoped_guard(mutex, &stats_lock) {
		guard(mutex)(&cfg_lock);
		weft_assert(stats <= cfg);
	}
#endif
	kthread_stop(t);
	put_task_struct(t);
}

struct obj {
	int v;
};
struct obj *published;

static void make(void)
{
	struct obj *o __free(kfree) = kzalloc(sizeof(*o), GFP_KERNEL);

	if (!o)
		return;
	o->v = 1;
	/* A release: WRITE_ONCE would not order o->v before it. */
#ifdef GUARD_OK
	smp_store_release(&published, no_free_ptr(o));
#else
	smp_store_release(&published, o);
#endif
}

static int reader(void *arg)
{
	struct obj *o;

	(void)arg;
	while (!(o = READ_ONCE(published)))
		cond_resched();
	weft_assert(o->v == 1);
	return 0;
}

WEFT_TEST(free_scope)
{
	struct task_struct *t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);

	make();
	kthread_stop(t);
	put_task_struct(t);
	kfree(published);
}

/* Interrupt and RCU guards balance their sections. */
static DEFINE_SPINLOCK(irq_lock);
int irq_count;

WEFT_TEST(guard_irqsave_rcu)
{
	scoped_guard(spinlock_irqsave, &irq_lock) {
		weft_assert(irqs_disabled());
		irq_count++;
	}
	weft_assert(!irqs_disabled());
	{
		guard(rcu)();
		weft_assert(rcu_read_lock_held());
	}
	weft_assert(!rcu_read_lock_held());
}
