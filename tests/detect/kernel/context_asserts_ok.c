// The kernel's context checks, each where it holds: lockdep_assert_held_
// write on a rwsem held for writing, lockdep_assert_in_softirq and
// WARN_ON(!in_softirq()) with softirqs disabled (the softirq count counts
// local_bh_disable), cant_sleep and lockdep_assert_preemption_disabled
// with preemption off, a plain seqcount_t written with preemption off,
// and kmalloc(in_interrupt() ? GFP_ATOMIC : GFP_KERNEL) under
// spin_lock_bh.  weft's headers made the lockdep and cant_sleep checks
// no-ops (the bug twin's misuses were verified), made in_softirq() and
// in_interrupt() false with softirqs only disabled (two false reports
// here), and let a preemptible seqcount_t writer pass (a probe of kernel
// patterns).  context_asserts_bug.c makes each check fail.
//! expect(held_write): verified
//! expect(in_softirq): verified
//! expect(preempt_off): verified
//! expect(seqcount_writer): verified
//! expect(gfp_by_context): verified
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/seqlock.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

static DECLARE_RWSEM(sem);
static DEFINE_SPINLOCK(lock);
static seqcount_t seq = SEQCNT_ZERO(seq);
int value;

#ifdef CONTEXT_ASSERTS_BUG
#define TAKE_SEM() down_read(&sem)
#define GIVE_SEM() up_read(&sem)
#define CONTEXT_OFF() ((void)0)
#define CONTEXT_ON() ((void)0)
#define PREEMPT_OFF() ((void)0)
#define PREEMPT_ON() ((void)0)
#else
#define TAKE_SEM() down_write(&sem)
#define GIVE_SEM() up_write(&sem)
#define CONTEXT_OFF() local_bh_disable()
#define CONTEXT_ON() local_bh_enable()
#define PREEMPT_OFF() preempt_disable()
#define PREEMPT_ON() preempt_enable()
#endif

WEFT_TEST(held_write)
{
	TAKE_SEM();
	lockdep_assert_held_write(&sem);
	value++;
	GIVE_SEM();
}

WEFT_TEST(in_softirq)
{
	CONTEXT_OFF();
	lockdep_assert_in_softirq();
	WARN_ON_ONCE(!in_softirq());
	CONTEXT_ON();
}

WEFT_TEST(preempt_off)
{
	PREEMPT_OFF();
	cant_sleep();
	lockdep_assert_preemption_disabled();
	PREEMPT_ON();
}

WEFT_TEST(seqcount_writer)
{
	PREEMPT_OFF();
	write_seqcount_begin(&seq);
	value++;
	write_seqcount_end(&seq);
	PREEMPT_ON();
}

/* The bug twin takes a plain spinlock: in_interrupt() is false there, and
 * the GFP_KERNEL allocation may sleep under it. */
WEFT_TEST(gfp_by_context)
{
	void *p;

#ifdef CONTEXT_ASSERTS_BUG
	spin_lock(&lock);
#else
	spin_lock_bh(&lock);
#endif
	p = kmalloc(16, in_interrupt() ? GFP_ATOMIC : GFP_KERNEL);
#ifdef CONTEXT_ASSERTS_BUG
	spin_unlock(&lock);
#else
	spin_unlock_bh(&lock);
#endif
	kfree(p);
}
