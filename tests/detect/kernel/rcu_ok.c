// The fix of rcu_bug.c, and an RCU-protected hash table: readers look up
// under rcu_read_lock while a writer replaces an entry and frees the old
// one after a grace period.
//! expect: verified
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/hashtable.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct cfg {
	int v;
};
static struct cfg __rcu *cur;

WEFT_TEST(synchronize_after_reader)
{
	struct cfg *c = kzalloc(sizeof(*c), GFP_KERNEL), *old;

	rcu_assign_pointer(cur, c);
	rcu_read_lock();
	old = rcu_dereference(cur);
	rcu_read_unlock();
	RCU_INIT_POINTER(cur, NULL);
	synchronize_rcu();
	kfree(old);
}

struct entry {
	int key, val;
	struct hlist_node node;
	struct rcu_head rcu;
};
static DEFINE_HASHTABLE(table, 2);
static DEFINE_SPINLOCK(table_lock);

static int lookup(int key)
{
	struct entry *e;
	int v = -1;

	rcu_read_lock();
	hash_for_each_possible_rcu(table, e, node, key)
		if (e->key == key)
			v = e->val;
	rcu_read_unlock();
	return v;
}

static int reader(void *arg)
{
	int v = lookup(7);

	(void)arg;
	WARN_ON(v != 1 && v != 2);
	return 0;
}

WEFT_TEST(hash_replace)
{
	struct entry *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct entry *b = kzalloc(sizeof(*b), GFP_KERNEL);
	struct task_struct *t;

	a->key = 7;
	a->val = 1;
	hash_add_rcu(table, &a->node, a->key);
	t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	b->key = 7;
	b->val = 2;
	spin_lock(&table_lock);
	hash_add_rcu(table, &b->node, b->key);
	hash_del_rcu(&a->node);
	spin_unlock(&table_lock);
	kfree_rcu(a, rcu);
	kthread_stop(t);
	put_task_struct(t);
	spin_lock(&table_lock);
	hash_del_rcu(&b->node);
	spin_unlock(&table_lock);
	synchronize_rcu();
	kfree(b);
	rcu_barrier();
}
