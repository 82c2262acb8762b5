// An RCU lookup takes a reference with refcount_inc() on an object
// whose last reference may be dropped concurrently (the remover takes
// it out of the table, puts its reference, and frees after a grace
// period): refcount_inc() revives a dying object.  The fix uses
// refcount_inc_not_zero() and fails the lookup (Documentation/RCU/
// rcuref.rst; many fixes convert such lookups).
//! expect: bug refcount
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/kthread.h>

struct peer {
	refcount_t ref;
	int id;
	struct rcu_head rcu;
};

static struct peer __rcu *table;
static DEFINE_SPINLOCK(table_lock);

static void peer_put(struct peer *p)
{
	if (refcount_dec_and_test(&p->ref))
		kfree_rcu(p, rcu);
}

static struct peer *peer_lookup(void)
{
	struct peer *p;

	rcu_read_lock();
	p = rcu_dereference(table);
#ifdef FIXED
	if (p && !refcount_inc_not_zero(&p->ref))
		p = NULL;
#else
	if (p)
		refcount_inc(&p->ref);
#endif
	rcu_read_unlock();
	return p;
}

static int rx(void *arg)
{
	struct peer *p = peer_lookup();

	(void)arg;
	if (p) {
		WRITE_ONCE(p->id, 2);
		peer_put(p);
	}
	return 0;
}

WEFT_TEST(lookup_vs_remove)
{
	struct peer *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct task_struct *t;

	refcount_set(&p->ref, 1);
	rcu_assign_pointer(table, p);
	t = kthread_create(rx, NULL, "rx");
	get_task_struct(t);
	wake_up_process(t);
	/* remove: unpublish, then put the table's reference, as
	 * rcuref.rst's delete does.  (The put came first until a probe's
	 * kfree_rcu before an unpublish was found: a lookup that begins
	 * after the put can still find the entry, and the grace period
	 * does not wait for it, so even refcount_inc_not_zero read freed
	 * memory.) */
	spin_lock(&table_lock);
	RCU_INIT_POINTER(table, NULL);
	spin_unlock(&table_lock);
	peer_put(p);
	kthread_stop(t);
	put_task_struct(t);
	rcu_barrier();
}
