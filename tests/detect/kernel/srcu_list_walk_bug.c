// An SRCU-protected list of listeners walked with list_for_each_entry_srcu
// (its lockdep condition srcu_read_lock_held), and a hash chain with
// hlist_for_each_entry_srcu.  unregister waits for the readers before it
// unlinks the entry (bug: a reader that starts after the wait still finds
// it, and it is freed under the reader).  The walkers were mapped onto
// list_for_each_entry_rcu, which ignored the condition: every walk was a
// false "rcu_dereference outside a rcu read section", which hid the
// use-after-free, and hlist_for_each_entry_srcu did not compile (a
// helper's probe).  srcu_list_walk_ok.c unlinks first, and walks under
// a lock with list_for_each_entry_rcu's optional condition.
//! expect(sync_before_unlink): bug use-after-free
//! expect(hlist_sync_before_unlink): bug use-after-free
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/srcu.h>

struct lsn {
	struct list_head node;
	struct hlist_node hnode;
	int events;
};
DEFINE_STATIC_SRCU(lsn_srcu);
static LIST_HEAD(lsns);
static HLIST_HEAD(chain);
static DEFINE_MUTEX(lsn_mutex);

static void notify(void *arg)
{
	struct lsn *l;
	int idx = srcu_read_lock(&lsn_srcu);

	if (arg)
		hlist_for_each_entry_srcu(l, &chain, hnode,
					  srcu_read_lock_held(&lsn_srcu))
			l->events++;
	else
		list_for_each_entry_srcu(l, &lsns, node,
					 srcu_read_lock_held(&lsn_srcu))
			l->events++;
	srcu_read_unlock(&lsn_srcu, idx);
}

static void unpublish(struct lsn *l, void *hashed)
{
	mutex_lock(&lsn_mutex);
	if (hashed)
		hlist_del_rcu(&l->hnode);
	else
		list_del_rcu(&l->node);
	mutex_unlock(&lsn_mutex);
}

static void run(void *hashed)
{
	struct lsn *l = kzalloc(sizeof(*l), GFP_KERNEL);
	weft_thread_t t;

	mutex_lock(&lsn_mutex);
	if (hashed)
		hlist_add_head_rcu(&l->hnode, &chain);
	else
		list_add_rcu(&l->node, &lsns);
	mutex_unlock(&lsn_mutex);
	t = weft_spawn(notify, hashed);
#ifdef FIXED
	unpublish(l, hashed);
	synchronize_srcu(&lsn_srcu);
	/* A walk under the mutex, which its condition names. */
	mutex_lock(&lsn_mutex);
	{
		struct lsn *p;

		list_for_each_entry_rcu(p, &lsns, node,
					lockdep_is_held(&lsn_mutex))
			p->events++;
		hlist_for_each_entry_rcu(p, &chain, hnode,
					 lockdep_is_held(&lsn_mutex))
			p->events++;
	}
	mutex_unlock(&lsn_mutex);
#else
	synchronize_srcu(&lsn_srcu);
	unpublish(l, hashed);
#endif
	kfree(l);
	weft_join(t);
}

WEFT_TEST(sync_before_unlink)
{
	run(NULL);
}

WEFT_TEST(hlist_sync_before_unlink)
{
	run((void *)1);
}
