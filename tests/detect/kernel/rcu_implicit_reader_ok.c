// Since Linux 4.20 a grace period of RCU also waits for code that runs
// with preemption, softirqs or interrupts disabled, and for softirq
// handlers such as timer callbacks: readers without rcu_read_lock, which
// use rcu_dereference_sched or rcu_dereference_bh.  An updater that
// unpublishes a config, waits with synchronize_rcu and frees it is safe
// against them; weft reported both readers' use as use-after-free (found
// by a probe of kernel patterns).  rcu_implicit_reader_bug.c reads
// after the preemption-disabled section ends, and frees without waiting.
//! expect(preempt_reader): verified
//! expect(bh_reader): verified
//! expect(timer_reader): verified
//! expect(nested_reader): verified
//! expect(spin_reader): verified
//! expect(raw_reader): verified
#include <linux/bottom_half.h>
#include <linux/delay.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct cfg {
	int v;
};

static struct cfg __rcu *gcfg;
static struct timer_list poll;
int v_seen;

static void preempt_reader_fn(void *arg)
{
	struct cfg *c;

	(void)arg;
	preempt_disable();
	c = rcu_dereference_sched(gcfg);
#ifdef READ_LATE
	preempt_enable();
#endif
	if (c)
		v_seen = c->v;
#ifndef READ_LATE
	preempt_enable();
#endif
}

/* An explicit section ended inside a preemption-disabled region leaves
 * the reader in one still (a false use-after-free; found by a probe). */
static void nested_reader_fn(void *arg)
{
	struct cfg *c;

	(void)arg;
	preempt_disable();
	rcu_read_lock();
	c = rcu_dereference(gcfg);
	rcu_read_unlock();
#ifdef READ_LATE
	preempt_enable();
#endif
	if (c)
		v_seen = c->v;
#ifndef READ_LATE
	preempt_enable();
#endif
}

/* A spinlock's holder runs with preemption disabled: a reader. */
static DEFINE_SPINLOCK(cfg_lock);

static void spin_reader_fn(void *arg)
{
	struct cfg *c;

	(void)arg;
	spin_lock(&cfg_lock);
	c = rcu_dereference_sched(gcfg);
#ifdef READ_LATE
	spin_unlock(&cfg_lock);
#endif
	if (c)
		v_seen = c->v;
#ifndef READ_LATE
	spin_unlock(&cfg_lock);
#endif
}

/* A tracepoint-style reader: preemption off, the pointer loaded with
 * rcu_dereference_raw (a use-after-free after synchronize_rcu until the
 * implicit section opened at any load; found by a probe). */
static void raw_reader_fn(void *arg)
{
	struct cfg *c;

	(void)arg;
	preempt_disable();
	c = rcu_dereference_raw(gcfg);
#ifdef READ_LATE
	preempt_enable();
#endif
	if (c)
		v_seen = c->v;
#ifndef READ_LATE
	preempt_enable();
#endif
}

static void unpublish(struct cfg *c)
{
	rcu_assign_pointer(gcfg, NULL);
#ifndef NO_WAIT
	synchronize_rcu();
#endif
	kfree(c);
}

static struct cfg *publish(void)
{
	struct cfg *c = kzalloc(sizeof(*c), GFP_KERNEL);

	c->v = 1;
	rcu_assign_pointer(gcfg, c);
	return c;
}

WEFT_TEST(preempt_reader)
{
	struct cfg *c = publish();
	weft_thread_t t = weft_spawn(preempt_reader_fn, NULL);

	unpublish(c);
	weft_join(t);
}

static void bh_reader_fn(void *arg)
{
	struct cfg *c;

	(void)arg;
	local_bh_disable();
	c = rcu_dereference_bh(gcfg);
	if (c)
		v_seen = c->v;
	local_bh_enable();
}

WEFT_TEST(nested_reader)
{
	struct cfg *c = publish();
	weft_thread_t t = weft_spawn(nested_reader_fn, NULL);

	unpublish(c);
	weft_join(t);
}

WEFT_TEST(spin_reader)
{
	struct cfg *c = publish();
	weft_thread_t t = weft_spawn(spin_reader_fn, NULL);

	unpublish(c);
	weft_join(t);
}

WEFT_TEST(raw_reader)
{
	struct cfg *c = publish();
	weft_thread_t t = weft_spawn(raw_reader_fn, NULL);

	unpublish(c);
	weft_join(t);
}

WEFT_TEST(bh_reader)
{
	struct cfg *c = publish();
	weft_thread_t t = weft_spawn(bh_reader_fn, NULL);

	unpublish(c);
	weft_join(t);
}

static void poll_fn(struct timer_list *t)
{
	struct cfg *c;

	(void)t;
	c = rcu_dereference_bh(gcfg);
	if (c)
		v_seen = c->v;
}

WEFT_TEST(timer_reader)
{
	struct cfg *c = publish();

	timer_setup(&poll, poll_fn, 0);
	mod_timer(&poll, jiffies + 1);
	msleep(1);
	unpublish(c);
	del_timer_sync(&poll);
}
