//! expect: bug use-after-free
/* A tasklet uses the context it finds through a READ_ONCE'd pointer;
 * teardown clears the pointer, frees the context and then kills the
 * tasklet.  With a plain kfree the free races with a tasklet that read
 * the pointer before it was cleared.  The correct twin frees it with
 * kfree_rcu(): a tasklet runs in softirq context, a reader as a whole
 * since Linux 4.20.  It was a data race even when the tasklet had
 * finished before kfree_rcu() was called (found by a probe of netdev
 * code). */
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct ctx { int events; struct rcu_head rcu; };
static struct ctx *c;
static struct tasklet_struct tl;

static void tl_fn(struct tasklet_struct *t)
{
	struct ctx *p = READ_ONCE(c);

	(void)t;
	if (p)
		p->events++;
}

WEFT_TEST(rcu_cb_region_tasklet)
{
	struct ctx *p = kzalloc(sizeof(*p), GFP_KERNEL);

	WRITE_ONCE(c, p);
	tasklet_setup(&tl, tl_fn);
	tasklet_schedule(&tl);
	WRITE_ONCE(c, NULL);
#ifdef OK
	kfree_rcu(p, rcu);
#else
	kfree(p);
#endif
	tasklet_kill(&tl);
	rcu_barrier();
}
