//! expect: verified
//! args: --strategy=dfs
/* An RCU-protected pointer replaced by the updater; the old object is
 * freed with kfree_rcu, or with call_rcu and an rcu_barrier.  Readers see
 * either the old or the new value, never freed memory. */
#include <weft/linux.h>

struct cfg {
	int val;
	struct rcu_head rcu;
};

static struct cfg __rcu *cur;
static DEFINE_MUTEX(cfg_mutex);

static void reader(void *arg)
{
	struct cfg *c;

	(void)arg;
	rcu_read_lock();
	c = rcu_dereference(cur);
	if (c)
		weft_assert(READ_ONCE(c->val) == 1 || READ_ONCE(c->val) == 2);
	rcu_read_unlock();
}

static void update(int v, int use_call_rcu);

static void free_cfg(struct rcu_head *h)
{
	kfree(container_of(h, struct cfg, rcu));
}

static void update(int v, int use_call_rcu)
{
	struct cfg *n = kzalloc(sizeof *n, GFP_KERNEL), *old;

	n->val = v;
	mutex_lock(&cfg_mutex);
	old = rcu_dereference_protected(cur, lockdep_is_held(&cfg_mutex));
	rcu_assign_pointer(cur, n);
	mutex_unlock(&cfg_mutex);
	if (!old)
		return;
	if (use_call_rcu)
		call_rcu(&old->rcu, free_cfg);
	else
		kfree_rcu(old, rcu);
}

WEFT_TEST(replace_with_kfree_rcu)
{
	weft_thread_t t;

	update(1, 0);
	t = weft_spawn(reader, NULL);
	update(2, 0);
	weft_join(t);
	kfree(rcu_access_pointer(cur));
}

WEFT_TEST(replace_with_call_rcu)
{
	weft_thread_t t;

	update(1, 1);
	t = weft_spawn(reader, NULL);
	update(2, 1);
	weft_join(t);
	rcu_barrier();
	kfree(rcu_access_pointer(cur));
}

static int flag;

static void gp_reader(void *arg)
{
	(void)arg;
	rcu_read_lock();
	if (READ_ONCE(flag) == 0) {
		/* a grace period that started after we read 0 must wait
		 * for us: the updater cannot have seen us finish */
		WRITE_ONCE(flag, 2);
	}
	rcu_read_unlock();
}

/* synchronize_rcu waits for every pre-existing reader. */
WEFT_TEST(synchronize_waits_for_readers)
{
	weft_thread_t t = weft_spawn(gp_reader, NULL);

	WRITE_ONCE(flag, 1);
	synchronize_rcu();
	/* a reader that saw 0 started before the grace period and has
	 * finished: its write is visible; one that saw 1 wrote nothing */
	weft_assert(READ_ONCE(flag) == 1 || READ_ONCE(flag) == 2);
	weft_join(t);
}
