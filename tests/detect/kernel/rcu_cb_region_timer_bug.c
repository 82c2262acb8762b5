//! expect: bug use-after-free
/* A timer handler writes its own object; teardown stops the timer with
 * del_timer(), which does not wait for a running handler, and frees the
 * object with a plain kfree: the free races with the handler's write.
 * The correct twin frees it with kfree_rcu(): a timer
 * handler runs in softirq context, a reader as a whole since Linux 4.20,
 * so the grace period waits for a handler that began before the call,
 * and one that ended before it is ordered before the callback.  The
 * callback was ordered only after the call's step, whose clock was
 * published before the ended handler was acquired, and the correct twin
 * was a data race (found by a probe of netdev code). */
#include <linux/timer.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/jiffies.h>
#include <linux/delay.h>

struct neigh { struct timer_list probe; int probes; struct rcu_head rcu; };

static void probe_fire(struct timer_list *t)
{
	struct neigh *n = from_timer(n, t, probe);
	n->probes++;
}

WEFT_TEST(rcu_cb_region_timer)
{
	struct neigh *n = kzalloc(sizeof(*n), GFP_KERNEL);

	timer_setup(&n->probe, probe_fire, 0);
	mod_timer(&n->probe, jiffies + 1);
	msleep(1);
	del_timer(&n->probe);
#ifdef OK
	kfree_rcu(n, rcu);
#else
	kfree(n);
#endif
	rcu_barrier();
}
