// mutex_trylock()/mutex_unlock() in softirq context: a timer handler, a
// tasklet and an RCU callback.  A mutex belongs to a task (<linux/mutex.h>:
// "mutexes may not be used in hardware or software interrupt contexts such
// as tasklets and timers"; PREEMPT_RT's trylock warns there), even in the
// forms that never sleep.  mutex_lock there was reported (it may sleep),
// the trylock form verified (a helper's probe).  mutex_trylock_softirq_ok.c
// uses spin_trylock.
//! expect(mutex_trylock_timer): bug misuse
//! expect(mutex_trylock_tasklet): bug misuse
//! expect(mutex_trylock_rcu_cb): bug misuse
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#ifdef OK
static DEFINE_SPINLOCK(s);
#else
static DEFINE_MUTEX(m);
#endif
static int stats;

static void try_count(void)
{
#ifdef OK
	if (spin_trylock(&s)) {
		stats++;
		spin_unlock(&s);
	}
#else
	if (mutex_trylock(&m)) {
		stats++;
		mutex_unlock(&m);
	}
#endif
}

static struct timer_list t;
static void tfn(struct timer_list *x) { (void)x; try_count(); }
WEFT_TEST(mutex_trylock_timer)
{
	timer_setup(&t, tfn, 0);
	mod_timer(&t, jiffies + 1);
	msleep(2);
	del_timer_sync(&t);
}

static void tl_fn(struct tasklet_struct *x) { (void)x; try_count(); }
static DECLARE_TASKLET(tl, tl_fn);
WEFT_TEST(mutex_trylock_tasklet)
{
	tasklet_schedule(&tl);
	tasklet_kill(&tl);
}

struct e { struct rcu_head rcu; };
static void cb(struct rcu_head *h)
{
	try_count();
	kfree(container_of(h, struct e, rcu));
}
WEFT_TEST(mutex_trylock_rcu_cb)
{
	struct e *x = kzalloc(sizeof(*x), GFP_KERNEL);

	call_rcu(&x->rcu, cb);
	rcu_barrier();
}
