// Seed 001's garbage collector, reduced: an RCU list of entries found by
// refcount_inc_not_zero, whose user writes to the entry and drops its
// reference with refcount_dec_and_test; the collector unlinks an entry
// only the list still holds and frees it after a grace period.  Here it
// reads the count and unlinks on 1, and a lookup may take a reference in
// between: a use-after-free.  refcount_gc_if_one_ok.c takes the list's
// reference with refcount_dec_if_one (1 -> 0 in one step), whose release
// and control dependency order the user's write before the free
// (lib/refcount.c, Documentation/core-api/refcount-vs-atomic.rst); weft
// ordered it as a release only and reported that write and the free as a
// data race (a probe of seed-style programs).
//! expect: bug use-after-free
//! args: --strategy=dfs
#include <linux/kthread.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/slab.h>

struct entry {
	struct list_head node;
	refcount_t ref;
	u64 tx;
	struct rcu_head rcu;
};
static LIST_HEAD(entries);

static void entry_put(struct entry *e)
{
	if (refcount_dec_and_test(&e->ref))
		kfree_rcu(e, rcu);
}

static int user(void *arg)
{
	struct entry *e, *found = NULL;

	(void)arg;
	rcu_read_lock();
	list_for_each_entry_rcu(e, &entries, node)
		if (refcount_inc_not_zero(&e->ref)) {
			found = e;
			break;
		}
	rcu_read_unlock();
	if (found) {
		found->tx++;
		entry_put(found);
	}
	return 0;
}

static void gc(struct entry *e)
{
#ifdef FIXED
	if (refcount_dec_if_one(&e->ref)) {
#else
	if (refcount_read(&e->ref) == 1) {
#endif
		list_del_rcu(&e->node);
		kfree_rcu(e, rcu);
	}
}

WEFT_TEST(refcount_gc_if_one)
{
	struct entry *e = kzalloc(sizeof(*e), GFP_KERNEL);
	struct task_struct *t;

	refcount_set(&e->ref, 1); /* the list's */
	list_add_rcu(&e->node, &entries);
	t = kthread_create(user, NULL, "user");
	get_task_struct(t);
	wake_up_process(t);
	gc(e);
	kthread_stop(t);
	put_task_struct(t);
	rcu_barrier();
}
