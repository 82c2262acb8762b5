// Two paths each unpublish and call_rcu() the same object when each
// sees it published (a check and a clear that are not one step): the
// rcu_head is queued twice and the object freed twice.  The fix makes
// the unpublish an xchg, so only one path frees it.
//! expect: bug misuse
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct cfg {
	int v;
	struct rcu_head rcu;
};

static struct cfg __rcu *cur;

static void cfg_free(struct rcu_head *h)
{
	kfree(container_of(h, struct cfg, rcu));
}

static void cfg_release(void)
{
	struct cfg *c;

#ifdef FIXED
	c = unrcu_pointer(xchg(&cur, NULL));
#else
	c = rcu_dereference_protected(cur, 1);
	if (c)
		RCU_INIT_POINTER(cur, NULL);
#endif
	if (c)
		call_rcu(&c->rcu, cfg_free);
}

static int closer(void *arg)
{
	(void)arg;
	cfg_release();
	return 0;
}

WEFT_TEST(two_releases)
{
	struct task_struct *t;

	rcu_assign_pointer(cur, kzalloc(sizeof(struct cfg), GFP_KERNEL));
	t = kthread_create(closer, NULL, "closer");
	get_task_struct(t);
	wake_up_process(t);
	cfg_release();
	kthread_stop(t);
	put_task_struct(t);
	rcu_barrier();
}
