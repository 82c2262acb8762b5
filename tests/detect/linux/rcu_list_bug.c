//! expect: bug use-after-free
//! args: --strategy=dfs
/* Seed 001's bug in miniature: a lockless reader walks a list while the
 * updater unlinks an entry and frees it at once.  The reader may still be
 * holding the entry inside its read section. */
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
	(void)sum;
}

WEFT_TEST(free_under_reader)
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
	kfree(n); /* BUG: no grace period */
	weft_join(t);
}
