// An allocation that does not sleep may fail: GFP_ATOMIC and GFP_NOWAIT
// (no __GFP_DIRECT_RECLAIM) return NULL when memory is short, and so may
// GFP_KERNEL | __GFP_NORETRY.  weft's kmalloc always returned a block,
// and each of these unchecked uses was verified (a probe).  The bug
// twin dereferences the result unchecked: a NULL-pointer crash, with the
// allocation's "= NULL" in the trace.  gfp_atomic_null_ok.c checks each
// result, as kernel code must.  GFP_KERNEL and __GFP_NOFAIL never fail
// (never_fails: one schedule in both).
//! expect(atomic_under_lock): bug crash
//! expect(nowait_kcalloc): bug crash
//! expect(noretry_kmemdup): bug crash
//! expect(atomic_in_timer): bug crash
//! expect(never_fails): verified executions=1
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/string.h>

struct req {
	int x;
	struct list_head node;
};

static DEFINE_SPINLOCK(lock);
static LIST_HEAD(pending);

/* The producer queues a request under the spinlock (so GFP_ATOMIC), the
 * consumer takes it off. */
static void producer(void *arg)
{
	struct req *r;

	(void)arg;
	spin_lock(&lock);
	r = kmalloc(sizeof(*r), GFP_ATOMIC);
#ifdef OK
	if (!r) {
		spin_unlock(&lock);
		return;
	}
#endif
	r->x = 1;
	list_add_tail(&r->node, &pending);
	spin_unlock(&lock);
}

static void consumer(void *arg)
{
	struct req *r = NULL;

	(void)arg;
	spin_lock(&lock);
	if (!list_empty(&pending)) {
		r = list_first_entry(&pending, struct req, node);
		list_del(&r->node);
	}
	spin_unlock(&lock);
	kfree(r);
}

WEFT_TEST(atomic_under_lock)
{
	weft_thread_t a = weft_spawn(producer, NULL);
	weft_thread_t b = weft_spawn(consumer, NULL);

	weft_join(a);
	weft_join(b);
	spin_lock(&lock);
	while (!list_empty(&pending)) {
		struct req *r = list_first_entry(&pending, struct req, node);
		list_del(&r->node);
		kfree(r);
	}
	spin_unlock(&lock);
}

WEFT_TEST(nowait_kcalloc)
{
	int *v = kcalloc(4, sizeof(*v), GFP_NOWAIT);

#ifdef OK
	if (!v)
		return;
#endif
	v[3] = 1;
	kfree(v);
}

WEFT_TEST(noretry_kmemdup)
{
	static const char name[] = "eth0";
	char *s = kmemdup(name, sizeof(name), GFP_KERNEL | __GFP_NORETRY);

#ifdef OK
	if (!s)
		return;
#endif
	s[0] = 'E';
	kfree(s);
}

/* A timer callback runs in softirq context: it may not sleep, so it
 * allocates with GFP_ATOMIC. */
static struct timer_list tick;
static struct req *last;

static void tick_fn(struct timer_list *t)
{
	struct req *r = kzalloc(sizeof(*r), GFP_ATOMIC);

	(void)t;
#ifdef OK
	if (!r)
		return;
#endif
	r->x = 2;
	WRITE_ONCE(last, r);
}

WEFT_TEST(atomic_in_timer)
{
	last = NULL;
	timer_setup(&tick, tick_fn, 0);
	mod_timer(&tick, jiffies + 1);
	del_timer_sync(&tick);
	kfree(READ_ONCE(last));
}

WEFT_TEST(never_fails)
{
	struct req *a = kmalloc(sizeof(*a), GFP_KERNEL);
	struct req *b = kzalloc(sizeof(*b), GFP_ATOMIC | __GFP_NOFAIL);

	a->x = 1;
	b->x = 2;
	kfree(a);
	kfree(b);
}
