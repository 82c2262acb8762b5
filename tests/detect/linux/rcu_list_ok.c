//! expect: verified
//! args: --strategy=dfs
/* The twin of rcu_list_bug: synchronize_rcu() between unlinking and
 * kfree, so every reader that could hold the entry has left. */
#include <weft/linux.h>

struct neigh {
	int key;
	int val;
	struct list_head list;
};

static LIST_HEAD(neigh_list);
static DEFINE_SPINLOCK(neigh_lock);

static void reader(void *arg)
{
	struct neigh *n;
	int sum = 0;

	(void)arg;
	rcu_read_lock();
	list_for_each_entry_rcu(n, &neigh_list, list)
		sum += READ_ONCE(n->val);
	rcu_read_unlock();
	weft_assert(sum == 0 || sum == 1);
}

WEFT_TEST(free_after_grace_period)
{
	struct neigh *n = kzalloc(sizeof *n, GFP_KERNEL);
	weft_thread_t t;

	n->val = 1;
	spin_lock(&neigh_lock);
	list_add_rcu(&n->list, &neigh_list);
	spin_unlock(&neigh_lock);
	t = weft_spawn(reader, NULL);
	spin_lock(&neigh_lock);
	list_del_rcu(&n->list);
	spin_unlock(&neigh_lock);
	synchronize_rcu();
	kfree(n);
	weft_join(t);
}
